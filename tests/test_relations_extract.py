"""Relation extraction on hand-written sentences, one construction per test (needs the spaCy model)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.actors.resolve import resolve_actors
from diplograph.corpus.documents import make_document
from diplograph.relations.dedupe import merge_duplicates
from diplograph.relations.extract import extract_relations
from diplograph.relations.lexicon import default_lexicon

pytestmark = pytest.mark.model

TUESDAY = dt.date(2025, 8, 12)


@pytest.fixture(scope="module")
def extract(nlp, dictionary):
    def run(text: str, date: dt.date | None = TUESDAY):
        document = make_document("t.txt", text, date=date)
        doc = nlp(document.text)
        actors = resolve_actors(doc, document, dictionary, speech_verbs=default_lexicon().speech_verbs)
        return document, list(extract_relations(doc, actors, document))  # the built-in ontology

    return run


@pytest.fixture(scope="module")
def edges(extract):
    def run(text: str, date: dt.date | None = TUESDAY) -> set[tuple[str, str, str, str]]:
        _, relations = extract(text, date)
        return {(r.source, r.relation, r.target, r.polarity) for r in relations}

    return run


def one(extract, text: str, date: dt.date | None = TUESDAY):
    _, relations = extract(text, date)
    assert len({(r.source, r.relation, r.target, r.polarity) for r in relations}) == 1, relations
    return relations[0]


# --- verbal predicates -------------------------------------------------------------------------


def test_active_verb(edges):
    assert edges("Germany criticised Russia on Monday.") == {("germany", "accuses", "russia", "asserted")}


def test_passive_verb_takes_its_by_agent_as_source(edges):
    assert edges("Ukraine was attacked by Russian troops overnight.") == {("russia", "attacks", "ukraine", "asserted")}


def test_subject_control_through_want(edges):
    assert edges("Macron wants to meet Putin soon.") == {("emmanuel-macron", "meets", "vladimir-putin", "asserted")}


def test_raising_adjective_ready_to(extract):
    relation = one(extract, "Italy is ready to support Ukraine.")
    assert (relation.source, relation.relation, relation.target) == ("italy", "supports", "ukraine")
    assert relation.modality == "planned"


def test_object_control_demand_does_not_assert_its_content(edges):
    # Poland demands something of Germany; Germany has not sent anything.
    assert edges("Poland urged Germany to deliver more weapons to Ukraine.") == {
        ("poland", "demands", "germany", "asserted")
    }


def test_phrasal_verb_call_on(edges):
    assert edges("Zelenskyy called on NATO to close the sky.") == {
        ("volodymyr-zelenskyy", "appeals", "nato", "asserted")
    }


def test_gerund_tagged_as_noun_is_read_as_its_verb(edges):
    assert ("finland", "mediates", "russia", "asserted") in edges(
        "Finland offered to keep mediating between Russia and Ukraine."
    )


# --- nominal events and light verbs ------------------------------------------------------------


def test_possessive_event_noun(edges):
    assert edges("Russia's invasion of Ukraine dominated the agenda.") == {("russia", "attacks", "ukraine", "asserted")}


def test_demonym_event_noun(edges):
    assert edges("French sanctions against Russia took effect on Monday.") == {
        ("france", "sanctions", "russia", "asserted")
    }


def test_meeting_between_two_actors_is_one_symmetric_edge(edges):
    assert edges("A meeting between Macron and Zelenskyy took place in Paris.") == {
        ("emmanuel-macron", "meets", "volodymyr-zelenskyy", "asserted")
    }


def test_light_verb_hold_talks_with(edges):
    assert edges("Trump held talks with Putin in Alaska.") == {("donald-trump", "meets", "vladimir-putin", "asserted")}


def test_light_verb_launch_an_offensive_on(edges):
    assert edges("Russia launched a new offensive on Ukraine.") == {("russia", "attacks", "ukraine", "asserted")}


def test_light_verb_impose_sanctions_on(edges):
    assert edges("The European Union imposed new sanctions on Russia.") == {
        ("european-union", "sanctions", "russia", "asserted")
    }


def test_light_verb_provide_guarantees_to(edges):
    assert edges("France will provide security guarantees to Ukraine.") == {
        ("france", "guarantees", "ukraine", "asserted")
    }


def test_quantity_noun_is_looked_through(edges):
    assert edges("Ukraine launched a series of drone attacks on Russia.") == {("ukraine", "attacks", "russia", "asserted")}


def test_threat_noun_takes_the_target_of_its_complement(edges):
    assert edges("Trump repeated his threat to increase pressure on Russia.") == {
        ("donald-trump", "threatens", "russia", "asserted")
    }


# --- coordination ------------------------------------------------------------------------------


def test_coordination_on_both_sides_gives_one_edge_per_pair(edges):
    found = edges("The leaders of France and Germany will hold a call with Trump and Vance.")
    assert found == {
        (s, "meets", t, "asserted") for s in ("france", "germany") for t in ("donald-trump", "jd-vance")
    }


def test_along_with_joins_the_subject(edges):
    found = edges("Zelenskyy, along with the leaders of Italy and Poland, met Trump on Monday.")
    assert found == {(s, "meets", "donald-trump", "asserted") for s in ("volodymyr-zelenskyy", "italy", "poland")}


def test_coordinated_subject_of_a_symmetric_verb_meets_each_other(edges):
    assert edges("German and French officials met in Berlin.") == {("germany", "meets", "france", "asserted")}


# --- polarity ----------------------------------------------------------------------------------


def test_not_negates(edges):
    assert edges("Putin did not meet Zelenskyy.") == {("vladimir-putin", "meets", "volodymyr-zelenskyy", "negated")}


def test_refrain_from_negates(edges):
    assert edges("Germany refrained from imposing sanctions on Russia.") == {
        ("germany", "sanctions", "russia", "negated")
    }


def test_wont_cede_is_a_rejection(edges):
    assert edges("Zelenskyy said Ukraine won't cede territory to Russia.") == {
        ("ukraine", "rejects", "russia", "asserted")
    }


def test_call_off_negates_the_event(edges):
    assert edges("Trump called off the summit with Putin.") == {("donald-trump", "meets", "vladimir-putin", "negated")}


def test_no_signs_of_wanting_to_negates(edges):
    assert edges("Putin shows no signs of wanting to negotiate with Zelenskyy.") == {
        ("vladimir-putin", "negotiates", "volodymyr-zelenskyy", "negated")
    }


def test_yet_to_negates(edges):
    assert edges("Italy has yet to impose sanctions on Russia.") == {("italy", "sanctions", "russia", "negated")}


def test_double_negation_asserts(edges):
    assert edges("Poland did not refuse to meet Zelenskyy.") == {("poland", "meets", "volodymyr-zelenskyy", "asserted")}


def test_a_failed_offensive_still_happened(edges):
    assert ("russia", "attacks", "ukraine", "asserted") in edges("Russia's offensive against Ukraine failed in May.")


# --- modality ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Trump met Putin in Alaska.", "factual"),
        ("Trump will meet Putin in Alaska.", "planned"),
        ("Trump is planning to meet Putin in Alaska.", "planned"),
        ("Trump has plans to meet Putin in Alaska.", "planned"),
        ("Trump is expected to meet Putin in Alaska.", "planned"),
        ("Trump would meet Putin in Alaska.", "hypothetical"),
        ("Trump could meet Putin in Alaska.", "hypothetical"),
        ("If the talks go well, Trump will meet Putin in Alaska.", "hypothetical"),
    ],
)
def test_modality(extract, text, modality):
    relation = one(extract, text)
    assert (relation.source, relation.relation, relation.target) == ("donald-trump", "meets", "vladimir-putin")
    assert relation.modality == modality


# --- attribution -------------------------------------------------------------------------------


def test_reported_speech_is_attributed_and_saying_is_not_a_relation(extract):
    relation = one(extract, "Zelenskyy said Russia had deployed troops to Belarus.")
    assert (relation.source, relation.relation, relation.polarity) == ("russia", "deploys", "asserted")
    assert relation.attributed_to == "volodymyr-zelenskyy"


def test_quote_with_trailing_speaker_is_attributed(extract):
    relation = one(extract, '"Russia has attacked Poland," Macron said on Friday.')
    assert (relation.source, relation.relation, relation.target) == ("russia", "attacks", "poland")
    assert relation.attributed_to == "emmanuel-macron"


def test_according_to_is_attributed(extract):
    relation = one(extract, "According to Zelenskyy, Russia attacked Ukraine again.")
    assert relation.attributed_to == "volodymyr-zelenskyy"


def test_unattributed_statement(extract):
    assert one(extract, "Russia attacked Ukraine again.").attributed_to is None


# --- dates -------------------------------------------------------------------------------------


def test_weekday_in_the_past(extract):
    assert one(extract, "Macron met Zelenskyy on Friday.").date == dt.date(2025, 8, 8)


def test_weekday_of_a_plan_is_in_the_future(extract):
    assert one(extract, "Macron will meet Zelenskyy on Friday.").date == dt.date(2025, 8, 15)


def test_month_and_day_without_year(extract):
    assert one(extract, "Macron met Zelenskyy on July 30.").date == dt.date(2025, 7, 30)


def test_date_of_another_clause_does_not_move_the_relation(extract):
    relation = one(extract, "On Friday, Zelenskyy said that Russia had attacked Ukraine.")
    assert relation.date == TUESDAY


def test_no_document_date_no_relative_date(extract):
    assert one(extract, "Macron met Zelenskyy on Friday.", date=None).date is None


# --- provenance and endpoints -----------------------------------------------------------------


def test_evidence_and_span_lie_in_the_document(extract):
    document, relations = extract("Talks stalled in June. Later, Germany criticised Russia over the strikes.")
    (relation,) = relations
    start, end = relation.span
    assert relation.evidence == "Later, Germany criticised Russia over the strikes."
    assert document.text[start:end] == relation.evidence
    assert relation.trigger == "criticised"
    assert relation.spans == (relation.span,)
    assert relation.sentence == 1
    assert 0 < relation.confidence <= 1


def test_no_relation_without_two_actors(edges):
    assert edges("Officials criticised the plan on Monday.") == set()


def test_no_self_relation(edges):
    assert edges("Russian forces shelled Moscow by mistake.") == set()


def test_headline_line_does_not_lend_arguments_to_the_body(edges):
    assert edges("Ukraine latest\nRussia launched an offensive in the east.") == set()


def test_repeated_statement_is_merged(extract):
    document, relations = extract("Germany criticised Russia. On Monday Germany criticised Russia again.")
    (merged,) = merge_duplicates(relations)
    assert merged.mentions == 2
    assert [document.text[a:b] for a, b in merged.spans] == [
        "Germany criticised Russia.",
        "On Monday Germany criticised Russia again.",
    ]


# --- events as objects, anaphora and other inferred arguments ---------------------------------


def test_verb_about_an_event_targets_its_agent(edges):
    assert edges("Britain condemned Russia's invasion of Ukraine.") == {
        ("united-kingdom", "accuses", "russia", "asserted")
    }


def test_event_noun_without_agent_refers_back_to_the_last_such_event(edges):
    found = edges("Russia struck Ukraine with missiles on Monday. Macron condemned the strikes.")
    assert found == {
        ("russia", "attacks", "ukraine", "asserted"),
        ("emmanuel-macron", "accuses", "russia", "asserted"),
    }


def test_it_refers_to_the_nearest_noun_phrase(edges):
    found = edges("Poland welcomed the German proposal, while Hungary rejected it.")
    assert found == {("poland", "supports", "germany", "asserted"), ("hungary", "rejects", "germany", "asserted")}


def test_the_idea_refers_to_the_last_statement(edges):
    found = edges("Finland proposed a new round of sanctions. Hungary rejected the idea.")
    assert ("hungary", "rejects", "finland", "asserted") in found


def test_threat_target_from_its_condition(edges):
    assert edges("Trump threatened new tariffs if India keeps buying Russian oil.") == {
        ("donald-trump", "threatens", "india", "asserted")
    }


def test_addressee_of_reported_speech_is_the_target(extract):
    relation = one(extract, "Macron told Putin that France would never accept the annexation.")
    assert (relation.source, relation.relation, relation.target, relation.polarity) == (
        "france", "rejects", "vladimir-putin", "asserted",
    )
    assert relation.attributed_to == "emmanuel-macron"


def test_negative_judgement_is_an_accusation(edges):
    found = edges("The United States imposed tariffs on India. India called the decision unfair.")
    assert found == {
        ("united-states", "sanctions", "india", "asserted"),
        ("india", "accuses", "united-states", "asserted"),
    }


def test_copular_target_noun(edges):
    assert edges("Odesa became Russia's main target in July.") == {("russia", "attacks", "odesa", "asserted")}


def test_effort_noun_lends_its_possessor(edges):
    assert ("emmanuel-macron", "meets", "vladimir-putin", "asserted") in edges(
        "Macron's efforts to end the war, including a meeting with Putin, have stalled."
    )


def test_pronoun_object_of_a_light_verb_is_the_earlier_event(edges):
    assert ("italy", "sanctions", "russia", "negated") in edges(
        "Italy prepared new sanctions on Russia but has not imposed them."
    )


def test_weapons_are_read_through_their_verb(edges):
    assert edges("Germany will deliver more tanks to Ukraine.") == {("germany", "supports", "ukraine", "asserted")}
    assert edges("Russia launched 300 drones at Ukraine overnight.") == {("russia", "attacks", "ukraine", "asserted")}


def test_pausing_aid_is_a_sanction(edges):
    assert edges("The United States paused military aid to Ukraine.") == {
        ("united-states", "sanctions", "ukraine", "asserted")
    }


def test_troops_moved_toward_a_place_is_a_deployment(edges):
    assert edges("Russia is moving fresh brigades toward Finland.") == {("russia", "deploys", "finland", "asserted")}


def test_saying_after_a_trigger_is_not_its_attribution(extract):
    relation = one(extract, "Poland rejected the plan of Hungary, saying it was dangerous.")
    assert relation.attributed_to is None


def test_warning_about_others_is_a_prediction_not_a_threat(edges):
    assert edges("NATO warned that Russia would attack Poland.") == set()


def test_warning_names_its_target(edges):
    assert edges("Beijing warned that Taiwanese independence would be crushed.") == {
        ("china", "threatens", "taiwan", "asserted")
    }


def test_warning_of_a_response_targets_what_it_responds_to(edges):
    found = edges("France imposed sanctions on Iran. Iran's foreign minister warned that Tehran would respond.")
    assert ("france", "sanctions", "iran", "asserted") in found
    assert any(r[1:] == ("threatens", "france", "asserted") for r in found)
