"""Collective and plural descriptions resolved from context (sentences written for these tests)."""

from __future__ import annotations

import pytest

from diplograph.actors.resolve import resolve_actors
from diplograph.corpus.documents import make_document
from diplograph.relations.lexicon import default_lexicon

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolve(nlp, dictionary):
    def run(text: str):
        document = make_document("t.txt", text, date="2017-03-01")
        doc = nlp(document.text)
        return doc, resolve_actors(doc, document, dictionary, speech_verbs=default_lexicon().speech_verbs)

    return run


def _of(doc, found, word, nth=0):
    token = [t for t in doc if t.text == word][nth]
    return found.actors_of(token), found.sector_at(token.i)


def test_a_state_institution_is_the_most_recent_state_with_its_sector(resolve):
    doc, found = resolve("Mohamed Morsi won the vote in Egypt. The military removed him a year later.")
    assert _of(doc, found, "military") == (("egypt",), "MIL")
    doc, found = resolve("Fighting went on near Aleppo, Syria. The government said the rebels had fled.")
    assert _of(doc, found, "government") == (("syria",), "GOV")


def test_an_organization_noun_is_the_organization_it_fits(resolve):
    doc, found = resolve("NATO ministers met in Brussels on Tuesday. The alliance agreed to send more troops.")
    assert _of(doc, found, "alliance")[0] == ("nato",)
    doc, found = resolve("Hezbollah fighters crossed the border at dawn. The militia said it had lost two men.")
    assert _of(doc, found, "militia")[0] == ("hezbollah",)


def test_plural_descriptions_are_the_list_of_states(resolve):
    doc, found = resolve("Mali, Burkina Faso and Niger left the bloc. The juntas accused France of meddling.")
    assert _of(doc, found, "juntas") == (("mali", "burkina-faso", "niger"), "GOV")
    doc, found = resolve("The United States and Britain sent envoys to the region. The allies then warned Iran.")
    assert _of(doc, found, "allies")[0] == ("united-states", "united-kingdom")


def test_the_two_sides_and_the_two_leaders_are_the_pair_named_together(resolve):
    doc, found = resolve("Serbia and Kosovo resumed talks in Brussels. The two sides agreed to meet again.")
    assert _of(doc, found, "sides")[0] == ("serbia", "kosovo")
    doc, found = resolve("Donald Trump met Angela Merkel in Washington. The two leaders discussed trade.")
    assert _of(doc, found, "leaders")[0] == ("donald-trump", "angela-merkel")


def test_a_person_noun_is_a_person_not_the_company_inside_it(resolve):
    doc, found = resolve(
        "Rex Tillerson arrived in Moscow on Tuesday. The former oil executive met Sergei Lavrov at the ministry."
    )
    assert _of(doc, found, "executive")[0] == ("rex-tillerson",)
    assert _of(doc, found, "oil")[0] == ("rex-tillerson",)


def test_the_subject_of_its_own_clause_is_never_the_description(resolve):
    doc, found = resolve("Russia and Ukraine traded blame. Turkey urged the two sides to return to talks.")
    assert _of(doc, found, "sides")[0] == ("russia", "ukraine")
    doc, found = resolve("Ukraine shelled the town. Russia accused the government of a war crime.")
    assert _of(doc, found, "government")[0] == ("ukraine",)


def test_rebels_and_the_opposition_without_a_state_are_the_group_of_the_state_in_context(resolve):
    doc, found = resolve("Fighting went on in Syria all week. The rebels said they had lost two villages.")
    assert _of(doc, found, "rebels")[0] == ("syrian-rebels",)
    doc, found = resolve("Venezuela is short of food. The opposition coalition blames the president for it.")
    assert _of(doc, found, "coalition")[0] == ("venezuelan-opposition",)
    doc, found = resolve("Sudan's president pardoned forty rebels on Monday.")  # the subject's own rebels
    assert _of(doc, found, "rebels")[0] == ("sudanese-rebels",)
    # rebels the document has already named are they, whichever state speaks about them later
    doc, found = resolve("Syrian rebels left Homs on Monday. Buses took them north. The convoy was slow. It reached Idlib at "
                         "night. In Moscow, Russia's foreign minister said the rebels broke the truce.")
    assert [m.actor for m in found.mentions if m.text == "the rebels"] == ["syrian-rebels"]


def test_government_forces_without_a_state_are_the_state_in_context_with_its_military(resolve):
    doc, found = resolve("Syrian rebels fought government forces near the border.")
    assert _of(doc, found, "forces") == (("syria",), "MIL")
    doc, found = resolve("Clashes in Sudan went on. The rebels freed soldiers captured in fighting with government forces.")
    assert _of(doc, found, "forces") == (("sudan",), "MIL")


@pytest.mark.parametrize("text", ["Syrian rebels attacked government forces near the border.",
                                  "Fighting went on in Syria. The rebels attacked government forces near the border."])
def test_a_state_and_its_rebels_are_not_one_side(nlp, dictionary, text):
    from diplograph.extraction.extractor import Extractor
    from diplograph.relations.ontology import load_ontology

    (result,) = Extractor(dictionary, load_ontology()).process([make_document("t.txt", text, date="2017-03-01")])
    assert {(r.source, r.relation, r.target, r.polarity, r.modality) for r in result.relations} == {
        ("syrian-rebels", "attacks", "syria", "asserted", "factual")}


def test_the_opposition_belongs_to_the_state_where_things_happen_not_the_one_that_speaks(resolve):
    doc, found = resolve("The Russian ambassador said the war in Syria was ending. The opposition rejected the claim.")
    assert _of(doc, found, "opposition")[0] == ("syrian-opposition",)


def test_an_institution_in_a_named_place_is_that_places_state(resolve):
    # not the document's main state: the place named after the noun says whose
    doc, found = resolve("Tunisia mourned the victims. Police in Germany arrested a suspect on Friday.")
    assert _of(doc, found, "Police") == (("germany",), "COP")
    doc, found = resolve("Talks stalled in Moscow. The authorities in Kiev accused Moscow of sabotage.")
    assert _of(doc, found, "authorities") == (("ukraine",), "GOV")
    doc, found = resolve("Pakistan closed the border. The Interior Ministry in Kabul condemned the move.")
    assert _of(doc, found, "Ministry")[0] == ("afghanistan",)
    # an army in a place may be anyone's: it stays the most recent state
    doc, found = resolve("Russia sent more jets. The army in Syria was reinforced.")
    assert _of(doc, found, "army") == (("russia",), "MIL")


def test_the_three_countries_and_the_trio_are_the_last_list_of_three(resolve):
    doc, found = resolve("Russia, Turkey and Iran met in Astana. The three countries agreed to monitor the truce.")
    assert set(_of(doc, found, "countries")[0]) == {"russia", "turkiye", "iran"}
    doc, found = resolve("Russia, Turkey and Iran brokered the truce. The trio now guarantees it.")
    assert set(_of(doc, found, "trio")[0]) == {"russia", "turkiye", "iran"}
    doc, found = resolve("France, Germany and Italy met in Rome. All three countries condemned the attack.")
    assert set(_of(doc, found, "countries")[0]) == {"france", "germany", "italy"}
    # a pair is no list of three
    doc, found = resolve("Serbia and Kosovo held talks. The three countries were not named.")
    assert _of(doc, found, "countries")[0] == ()


def test_both_leaders_and_the_pair_are_the_two_most_recent_people(resolve):
    doc, found = resolve("Putin received Erdogan in Moscow. Both leaders criticised the sanctions.")
    assert set(_of(doc, found, "leaders")[0]) == {"vladimir-putin", "recep-tayyip-erdogan"}
    doc, found = resolve("Lavrov and Zarif met in Moscow. The two ministers denounced the strike.")
    assert set(_of(doc, found, "ministers")[0]) == {"sergei-lavrov", "mohammad-javad-zarif"}
    doc, found = resolve("Salva Kiir and Riek Machar met in Addis Ababa. The pair signed a peace deal.")
    assert set(_of(doc, found, "pair")[0]) == {"salva-kiir-mayardit", "riek-machar-teny-dhurgon"}
