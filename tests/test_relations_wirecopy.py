"""Constructions of wire copy, read through the whole extractor (masking, sentences, actors, relations).

Sentences are written for these tests. Each asserts the exact set of
(source, relation, target, polarity) the build produces.
"""

from __future__ import annotations

import datetime as dt

import pytest

import diplograph
from diplograph.corpus.documents import make_document
from diplograph.extraction.chunks import mask_debris

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def build():
    def run(text: str, date: str = "2017-03-01") -> set[tuple[str, str, str, str]]:
        graph = diplograph.build([make_document("t.txt", f"date {date}\n{text}")])
        return {(r.source, r.relation, r.target, r.polarity) for r in graph.iter_relations()}

    return run


def test_debris_hyphens_no_longer_glue_sentences_together():
    text = 'Chile rejected the offer.- Peru accused Chile.---- "We agree," Bolivia said.Source:-Reuters are in- Lima'
    masked = mask_debris(text)
    assert len(masked) == len(text)
    assert masked == 'Chile rejected the offer.  Peru accused Chile. --- "We agree," Bolivia said.Source: Reuters are in  Lima'
    assert mask_debris("a US-backed force of al-Nusra and Kim Jong-nam") == "a US-backed force of al-Nusra and Kim Jong-nam"


def test_relations_on_both_sides_of_debris_are_read_and_keep_the_original_evidence(build):
    graph = diplograph.build([make_document("t.txt", "Peru accused Chile of spying.---- Bolivia condemned Peru.")])
    found = {(r.source, r.relation, r.target): r.evidence for r in graph.iter_relations()}
    assert found == {
        ("peru", "accuses", "chile"): "Peru accused Chile of spying.",
        ("bolivia", "accuses", "peru"): "Bolivia condemned Peru.",
    }


def test_a_dateline_is_never_the_subject(build):
    assert build("LIMA, Peru, Feb 28 (Reuters) - Chile accused Bolivia of spying on its navy.") == {
        ("chile", "accuses", "bolivia", "asserted")
    }


def test_coordinated_subjects_of_a_directed_type_give_both_directions(build):
    assert build("Peru and Chile agreed to cooperate on fisheries.") == {
        ("peru", "agrees", "chile", "asserted"),
        ("chile", "agrees", "peru", "asserted"),
    }


def test_coordination_never_joins_a_state_to_its_own_leader(build):
    found = build("The leaders of Peru and Chile agreed to cooperate on fisheries.")
    assert ("peru", "agrees", "chile", "asserted") in found
    assert all({"peru", "chile"} >= {s, t} for s, _, t, _ in found)  # no Peruvian or Chilean person paired


def test_a_state_may_act_on_its_own_national_but_not_meet_him(build):
    assert build("The Egyptian army toppled Mohamed Morsi in 2013.") == {("egypt", "attacks", "mohamed-morsi", "asserted")}
    assert build("Russian police detained Alexei Navalny in Moscow.") == {("russia", "attacks", "alexei-navalny", "asserted")}
    assert build("Russia met Vladimir Putin in Moscow.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Iraqi forces retook the airport from Islamic State.", {("iraq", "attacks", "islamic-state", "asserted")}),
     ("Saudi-led warplanes bombed Houthi positions in Yemen.", {("saudi-arabia", "attacks", "houthis", "asserted")}),
     ("Israel struck Hezbollah targets in Syria.", {("israel", "attacks", "hezbollah", "asserted")}),
     ("The United States deployed American troops in Poland.", {("united-states", "deploys", "poland", "asserted")})],
)  # fmt: skip
def test_the_side_losing_ground_and_the_owner_of_what_is_hit_are_attacked(build, text, expected):
    assert build(text) == expected


def test_two_backers_of_opposing_sides_are_not_paired_with_each_side(build):
    found = build("Iraqi forces are trying to capture Mosul from Islamic State. Iran and Saudi Arabia, which back "
                  "opposing sides in the region, held talks in Baghdad.")
    assert not any(relation == "supports" for _, relation, _, _ in found)


def test_the_accused_does_the_act_the_accuser_reports(build):
    # object control: the gerund's subject is the accused, and the act is the accuser's claim
    assert build("The US accused Russia of supplying weapons to the Taliban.") == {
        ("united-states", "accuses", "russia", "asserted"), ("russia", "supports", "taliban", "asserted")
    }
    graph = diplograph.build([make_document("t.txt", "The US accused Russia of supplying weapons to the Taliban.")])
    claimed = [r for r in graph.iter_relations() if r.relation == "supports"]
    assert [r.attributed_to for r in claimed] == ["united-states"]


def test_an_armed_group_is_no_state_s_own_side_and_waters_are_never_targets(build):
    assert build("Colombia's government signed a peace deal with the FARC rebels.") == {
        ("colombia", "agrees", "revolutionary-armed-forces-of-colombia", "asserted")
    }
    assert build("North Korea fired four ballistic missiles into the Sea of Japan.") == set()


def test_travelling_for_talks_is_meeting(build):
    assert build("Lavrov flew to Washington for talks with Tillerson.") == {
        ("sergei-lavrov", "meets", "rex-tillerson", "asserted")
    }


def test_a_bilateral_noun_owned_by_two_is_between_them(build):
    assert build("Russia and China deepened their cooperation.") == {
        ("russia", "supports", "china", "asserted"), ("china", "supports", "russia", "asserted")
    }
    assert build("The talks ended with Russian, Turkish and Iranian mediation.") == set()  # co-mediators


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Russia and Turkey have joined forces to end the conflict.", {("russia", "supports", "turkiye", "asserted"),
                                                                   ("turkiye", "supports", "russia", "asserted")}),
     ("India and Pakistan exchanged fire across the border.", {("india", "attacks", "pakistan", "asserted"),
                                                               ("pakistan", "attacks", "india", "asserted")}),
     ("Syrian government forces are closing in on Islamic State.", {("syria", "attacks", "islamic-state", "asserted")})],
)  # fmt: skip
def test_reciprocal_frames_and_closing_in(build, text, expected):
    assert build(text) == expected


def test_a_closing_apposition_names_the_subject(build):
    assert build("A senior Peruvian adviser to the president, Juan Ortega, dismissed Chile's claims.") == {
        ("juan-ortega", "rejects", "chile", "asserted")
    }


def test_a_noun_inside_a_proper_name_is_no_event(build):
    assert build("The Andean Peace Agreement between Peru and Chile expired last year.") == set()
    assert build("The peace agreement between Peru and Chile expired last year.") == {
        ("peru", "agrees", "chile", "asserted"),
        ("chile", "agrees", "peru", "asserted"),
    }


def test_a_hyphened_backer_supports_the_force_it_backs(build):
    assert build("US-backed Iraqi forces stormed the airport on Sunday.") == {("united-states", "supports", "iraq", "asserted")}
    assert build("The Iran-backed Houthis attacked Saudi Arabia.") == {
        ("iran", "supports", "houthis", "asserted"),
        ("houthis", "attacks", "saudi-arabia", "asserted"),
    }


def test_a_speaker_judging_someone_s_act_accuses_them(build):
    assert build("Macron said Orban's remarks were inflammatory.") == {("emmanuel-macron", "accuses", "viktor-orban", "asserted")}
    assert build('Macron told reporters that the decision by Orban was "deeply disappointing".') == {
        ("emmanuel-macron", "accuses", "viktor-orban", "asserted")
    }


def test_a_speaker_reporting_misconduct_accuses_whoever_committed_it(build):
    assert build("Macron said Orban had abused his position.") == {("emmanuel-macron", "accuses", "viktor-orban", "asserted")}
    assert build("Macron said Orban had not violated any rule.") == set()


def test_an_obligation_the_speaker_lays_on_someone_is_a_demand_or_an_appeal(build):
    assert build("Erdogan said Greece must withdraw its troops from the islands.") == {
        ("recep-tayyip-erdogan", "demands", "greece", "asserted")
    }
    assert build('"The European Union should act now," Orban said.') == {("viktor-orban", "appeals", "european-union", "asserted")}
    # the speaker's own side, a condition, a passive and the journalist's voice bind nobody
    assert build("Lavrov said Russia must respond to the provocation.") == set()
    assert build('"We must defend ourselves," Zelenskyy said.') == set()
    assert build('"If Iran should attack, Israel will answer," Netanyahu said.') == set()
    assert build("Macron said the sanctions must be lifted.") == set()
    assert build("Greece must withdraw its troops.") == set()


def test_a_name_object_the_model_reads_as_an_adverbial_is_still_the_object(build):
    # the small model attaches "Luis Videgaray" to "meeting" as npadvmod, not dobj
    assert build("Tillerson flew to Mexico City on Wednesday, meeting Mexican Foreign Secretary Luis Videgaray.") == {
        ("rex-tillerson", "meets", "luis-videgaray", "asserted")
    }


def test_a_pronoun_in_a_fronted_clause_with_its_own_subject_is_that_subject(build):
    # not the main clause's subject (cataphora is for "Asked whether he was ready, Trump answered")
    assert build("When Trump signed his order on trade, Trudeau posted a reply.") == set()  # no "Trump agrees Trudeau"


def test_the_parties_of_an_alliance_between_two_are_not_who_acts_on_it(build):
    # no outsider acts on them: the alliance's parties support each other, Washington is in no relation
    assert build("Lavrov spoke about Washington's plan to weaken the alliance between Moscow and Tehran.") == {
        ("russia", "supports", "iran", "asserted"), ("iran", "supports", "russia", "asserted")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("North Korea's missile launch drew condemnation from Japan.", ("japan", "accuses", "north-korea")),
     ("Pyongyang faced fresh sanctions from the UN Security Council.", ("un-security-council", "sanctions", "north-korea")),
     ("Iran test-fired a ballistic missile, prompting new US sanctions.", ("united-states", "sanctions", "iran")),
     ("Myanmar's treatment of the Rohingya has sparked criticism from Malaysia.", ("malaysia", "accuses", "myanmar"))],
)  # fmt: skip
def test_the_subject_of_drew_faced_or_prompted_undergoes_the_event_of_its_object(build, text, expected):
    assert build(text) == {(*expected, "asserted")}


def test_cutting_funding_withdraws_support(build):
    assert build("The United States cut funding to the United Nations.") == {
        ("united-states", "sanctions", "united-nations", "asserted")
    }


def test_a_judgement_in_the_journalist_s_own_voice_accuses_nobody(build):
    assert build("Orban's remarks were inflammatory.") == set()


def test_a_sanction_over_someone_s_act_targets_them(build):
    assert build("The European Union imposed sanctions over a Syrian chemical strike.") == {
        ("european-union", "sanctions", "syria", "asserted")
    }
    assert build("Peru imposed new tariffs over the weekend.") == set()  # a time, not a reason


def test_an_attack_over_a_reason_is_verbal(build):
    assert build("Trump attacked China and Germany over their trade surpluses.") == {
        ("donald-trump", "accuses", "china", "asserted"),
        ("donald-trump", "accuses", "germany", "asserted"),
    }
    assert build("Ukrainian drones, for their part, hit a refinery in Russia.") == {("ukraine", "attacks", "russia", "asserted")}


def test_a_vowed_attack_is_a_threat(build):
    found = build("Trump vowed to destroy the Islamic State.")
    assert ("donald-trump", "threatens", "islamic-state", "asserted") in found


def test_spending_time_with_someone_is_a_meeting(build):
    assert build("Narendra Modi spent two days with Vladimir Putin in Sochi.") == {
        ("narendra-modi", "meets", "vladimir-putin", "asserted")
    }


def test_holding_discussions_is_a_meeting(build):
    assert build("James Mattis held discussions with Iraqi officials in Baghdad.") == {("james-mattis", "meets", "iraq", "asserted")}


def test_a_judging_verb_with_a_complement_clause_still_judges(build):
    found = build('A day after Peru imposed sanctions over a Chilean test, Macron called Chile "a sponsor of terrorism."')
    assert ("emmanuel-macron", "accuses", "chile", "asserted") in found
    assert ("peru", "sanctions", "chile", "asserted") in found


def test_an_object_listed_with_including_is_an_argument(build):
    assert build("Chile asked several neighbours, including Peru, for firefighting planes.") == {
        ("chile", "appeals", "peru", "asserted")
    }


def test_a_predicate_adjective_expresses_a_relation(build):
    assert build("Israel was highly critical of Iran.") == {("israel", "accuses", "iran", "asserted")}
    assert build("Hungary is supportive of Serbia.") == {("hungary", "supports", "serbia", "asserted")}
    assert build("Poland remains opposed to Russia.") == {("poland", "rejects", "russia", "asserted")}


def test_defending_someone_s_policy_supports_them(build):
    assert build("Rex Tillerson defended the budget cuts proposed by Donald Trump.") == {
        ("rex-tillerson", "supports", "donald-trump", "asserted")
    }
    assert build("Germany vowed to defend Lithuania.") == {("germany", "guarantees", "lithuania", "asserted")}


def test_an_apposition_with_a_relative_clause_acts_for_its_head(build):
    assert build("Historians still discuss Vladimir Putin, the president who annexed Crimea.") >= {
        ("vladimir-putin", "attacks", "crimea", "asserted")
    }


def test_an_allegation_accuses_whoever_acts_in_it(build):
    assert build("Russia alleged that Ukraine shelled Donetsk.") == {
        ("russia", "accuses", "ukraine", "asserted"),
        ("ukraine", "attacks", "donetsk", "asserted"),
    }


def test_voicing_opposition_rejects(build):
    assert build("John Bercow voiced his opposition to Donald Trump.") >= {("john-bercow", "rejects", "donald-trump", "asserted")}


def test_both_countries_are_the_two_states_named_last(build):
    found = build("Ties between Malaysia and North Korea soured after the murder. Both countries agreed to discuss visas.")
    assert {("malaysia", "agrees", "north-korea", "asserted"), ("north-korea", "agrees", "malaysia", "asserted")} <= found


def test_troops_present_somewhere_are_deployed_there(build):
    assert build("Thousands of US troops are in Iraq.") == {("united-states", "deploys", "iraq", "asserted")}
    assert build("The US troops are tired.") == set()


def test_likening_to_a_negative_judges(build):
    assert build("Nicolas Maduro responded furiously, likening Colombia to a criminal mafia.") == {
        ("nicolas-maduro", "accuses", "colombia", "asserted")
    }


def test_a_judged_act_owned_by_someone_in_reported_speech_accuses_them(build):
    text = "Tension grew because of the Georgian side's reckless moves, Moscow's foreign ministry said."
    assert build(text) == {("russia", "accuses", "georgia", "asserted")}
    assert build("Ukraine's provocative actions worried observers.") == set()


def test_propping_up_and_partnering_support(build):
    assert build("Iran keeps propping up the Syrian government.") == {("iran", "supports", "syria", "asserted")}
    assert build("Jordan partnered with Iraq to secure the border.") == {("jordan", "supports", "iraq", "asserted")}


def test_a_hyphen_glued_to_a_function_word_is_a_space():
    assert mask_debris("the ambassador to Syria-has warned of Idlib-from terrorists") == (
        "the ambassador to Syria has warned of Idlib from terrorists"
    )
    assert mask_debris("a well-to-do, state-of-the-art, up-to-date plan") == "a well-to-do, state-of-the-art, up-to-date plan"


def test_a_body_of_water_is_never_an_end(build):
    assert build("Russia fired missiles into the Black Sea.") == set()


def test_nobody_threatens_their_own_state(build):
    assert build("Rex Tillerson warned that Washington would leave the deal.") == set()


def test_speaking_out_against_someone_accuses_them_and_is_no_meeting(build):
    assert build("The Russian president spoke out against Ukraine.") == {("vladimir-putin", "accuses", "ukraine", "asserted")}


def test_a_where_clause_locates_a_deployment(build):
    assert build("Officials rarely mention Djibouti, where French soldiers have been stationed for decades.") == {
        ("france", "deploys", "djibouti", "asserted")
    }


def test_condemning_a_launch_accuses_whoever_launched(build):
    found = build('North Korea fired a ballistic missile on Sunday. Shinzo Abe called the launch "absolutely intolerable."')
    assert ("shinzo-abe", "accuses", "north-korea", "asserted") in found


def test_being_open_to_a_meeting_is_hypothetical(build):
    graph = diplograph.build([make_document("t.txt", "date 2017-03-01\nDmitry Peskov said Putin was open in principle to meeting Zelenskyy.")])
    assert [(r.source, r.relation, r.target, r.modality) for r in graph.iter_relations()] == [
        ("vladimir-putin", "meets", "volodymyr-zelenskyy", "hypothetical")
    ]


def test_a_denied_act_is_negated(build):
    assert build("North Korea denied that it attacked South Korea.") == {("north-korea", "attacks", "south-korea", "negated")}
    assert build("Ukraine denied attacking Russia.") == {("ukraine", "attacks", "russia", "negated")}


def test_a_month_named_without_a_year_dates_a_past_act_in_the_last_such_month():
    text = "date 2017-03-01\nIn April, Erdogan visited China. Putin will meet Erdogan in July."
    dates = {(r.source, r.target): r.date for r in diplograph.build([make_document("t.txt", text)]).iter_relations()}
    assert dates[("recep-tayyip-erdogan", "china")] == dt.date(2016, 4, 1)
    assert dates[("vladimir-putin", "recep-tayyip-erdogan")] == dt.date(2017, 7, 1)
