"""Countries stated by appositions, descriptors and a place's surroundings (actors.nationality), and
names of things that are no actors (actors.things). Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from diplograph.actors.resolve import resolve_actors
from diplograph.actors.things import names_a_thing
from diplograph.corpus.documents import make_document
from diplograph.relations.lexicon import default_lexicon

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def actors(nlp, dictionary):
    def run(text: str) -> dict[str, tuple[str, str | None]]:
        document = make_document("t.txt", text, date="2017-03-01")
        found = resolve_actors(nlp(document.text), document, dictionary, speech_verbs=default_lexicon().speech_verbs)
        return {a.name: (a.type, a.country) for a in found.actors.values()}

    return run


def test_an_apposition_or_descriptor_opening_with_a_state_gives_the_country(actors):
    found = actors("Kwame Asante, also a Ghana national, crossed the border on foot. "
                   "The ministry fined a Chinese telecoms firm, Huaxin, last week.")
    assert found["Kwame Asante"][1] == "GHA"
    assert found["Huaxin"][1] == "CHN"


def test_a_state_as_a_subject_gives_no_country(actors):
    found = actors("Lena Hartmann, a Russia expert at the institute, said so.")
    assert found["Lena Hartmann"][1] is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Fighters entered the Syrian town of Qabbasin on Friday.", "Qabbasin"),
        ("A bomb went off in the Egyptian city of Bir al-Abd.", "Bir al-Abd"),
        ("Fighting spread to Tal Hamis in northern Syria.", "Tal Hamis"),
        ("Aid convoys drove to Kafr Nabl, Syria, on Monday.", "Kafr Nabl"),
    ],
)
def test_a_place_takes_the_country_around_it(actors, text, place):
    found = actors(text)
    assert place in found, found
    assert found[place][1] in ("SYR", "EGY")


def test_acronyms_defined_for_things_are_no_actors(actors):
    found = actors("China declared an air defence identification zone (ADIZ) over the sea. Japan rejected the ADIZ. "
                   "The Rapid Support Forces (RSF) shelled the town, and the RSF denied it.")
    assert "ADIZ" not in found
    assert "Rapid Support Forces" in found and found["Rapid Support Forces"][0] in ("organization", "group")


def test_names_of_agreements_and_partnerships_are_things():
    assert names_a_thing("Libyan Political Agreement") and names_a_thing("Trans-Pacific Partnership")
    assert not names_a_thing("Rapid Support Forces") and not names_a_thing("Agreement")


def test_one_name_typed_group_and_organization_in_one_document_is_one_actor(nlp, dictionary):
    document = make_document("t.txt", "The alliance includes the Kurdish Tevgera militia. US support for the Tevgera "
                                      "angered Ankara.", date="2017-03-01")
    found = resolve_actors(nlp(document.text), document, dictionary, speech_verbs=default_lexicon().speech_verbs)
    assert len([a for a in found.actors.values() if a.name == "Tevgera"]) == 1


def test_a_name_starting_with_a_state_is_a_company_or_a_place_not_the_state(actors):
    found = actors("Saudi Aramco signed a supply deal with Petronas. Oil spills have ruined the Niger Delta.")
    assert found["Saudi Aramco"] == ("organization", "SAU")
    assert found["Niger Delta"][0] == "place"
    assert "Saudi Arabia" not in found and "Niger" not in found
    # an English word or a given name after a demonym is no part of a name
    found = actors("Russian Marines landed on the coast. Chinese Xu Li said so.")
    assert "Russia" in found and not any(name.startswith("Russian") for name in found)
    # a state and a word before a title name a portfolio
    assert actors("UK Brexit Secretary Dafydd Moss spoke.")["Dafydd Moss"] == ("person", "GBR")
    assert actors("The British Brexit minister Dafydd Moss spoke.")["Dafydd Moss"] == ("person", "GBR")


def test_an_organization_named_of_a_state_is_of_that_state(actors):
    found = actors("The National Bank of Ukraine raised its key rate on Thursday. "
                   "The Silk Road Fund of China will invest in the port.")
    assert found["National Bank of Ukraine"] == ("organization", "UKR")
    assert found["Silk Road Fund of China"] == ("organization", "CHN")
    assert actors("The Friends of Europe group met on Monday.")["Friends of Europe"][1] is None  # no state


def test_a_servant_of_a_titled_leader_takes_the_leaders_country(actors):
    found = actors("Omar Haddad, spokesman for President Ashraf Ghani's office, said the attack was a crime.")
    assert found["Omar Haddad"] == ("person", "AFG")
    found = actors("Omar Haddad, President Ashraf Ghani and Narendra Modi met in Kabul.")  # a list of people
    assert found["Omar Haddad"][1] is None
