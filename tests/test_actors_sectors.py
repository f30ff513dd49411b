"""Generic agents and sectors: the state with the part of it that acts ("Afghan police" → Afghanistan, COP);
rebels and the opposition are groups of their own; the Phoenix index (sentences written for these tests)."""

from __future__ import annotations

import time

import pytest

from diplograph.actors.phoenix import phoenix_index
from diplograph.actors.resolve import resolve_actors
from diplograph.actors.sectors import cameo_sector, phrase_sector
from diplograph.corpus.documents import make_document
from diplograph.relations.lexicon import default_lexicon


def test_sector_codes_from_curated_nouns_and_phoenix_agents():
    assert phrase_sector(["forces"]) == "MIL" and phrase_sector(["police"]) == "COP"
    assert phrase_sector(["foreign", "ministry"]) == "GOV" and phrase_sector(["prosecutors"]) == "JUD"
    assert phrase_sector(["rebels"]) == "REB" and phrase_sector(["opposition"]) == "OPP"
    assert phrase_sector(["coast", "guard"]) == "MIL"  # from the Phoenix agents
    assert phrase_sector(["president"]) is None  # a title is an office, not a sector
    assert phrase_sector(["farmers"]) is None  # civilian sectors are not the state
    assert (cameo_sector("GOVCOP"), cameo_sector("MILSPY"), cameo_sector("BUS")) == ("COP", "MIL", None)


def test_phoenix_index_is_lazy_compact_and_typed():
    index = phoenix_index()  # its load time and memory: benchmarks/bench_dictionaries.py
    assert len(index) > 30000
    thatcher = index.actor("Margaret Thatcher")
    assert (thatcher.type, thatcher.country, thatcher.source) == ("person", "GBR", "phoenix-countries")
    assert (index.actor("Hamas").type, index.actor("Hamas").source) == ("group", "phoenix-milnonstate")
    assert (index.actor("Herat").type, index.actor("Herat").country) == ("place", "AFG")  # a city of a state record
    assert (index.actor("Mossad").country, index.actor("Mossad").sector) == ("ISR", "SPY")
    assert index.actor("Khaled Meshaal").type == "person"  # a person's name among a group's forms
    assert index.agent("riot police") == "COP" and index.agent("not an agent") is None


@pytest.fixture(scope="module")
def resolve(nlp, dictionary):
    def run(text: str, date: str = "2017-03-01"):
        document = make_document("t.txt", text, date=date)
        doc = nlp(document.text)
        found = resolve_actors(doc, document, dictionary, speech_verbs=default_lexicon().speech_verbs)
        return doc, found

    return run


def _at(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


@pytest.mark.model
def test_a_demonym_and_an_institution_is_the_state_with_its_sector(resolve):
    doc, found = resolve("Afghan police arrested two men. Israeli forces entered the camp. Egyptian prosecutors charged him.")
    assert [(found.actor_of(_at(doc, w)), found.sector_at(_at(doc, w).i)) for w in ("police", "forces", "prosecutors")] \
        == [("afghanistan", "COP"), ("israel", "MIL"), ("egypt", "JUD")]  # fmt: skip
    assert {m.text: m.sector for m in found.mentions}["Afghan"] == "COP"
    assert found.sector_at(_at(doc, "men").i) is None


@pytest.mark.model
def test_rebels_and_opposition_are_groups_not_the_state(resolve):
    doc, found = resolve("Syrian rebels shelled the town, and the Sudanese opposition rejected the deal.")
    rebels = found.actor_of(_at(doc, "rebels"))
    assert (found.actors[rebels].name, found.actors[rebels].type, found.actors[rebels].country) == (
        "Syrian rebels", "group", "SYR"
    )
    opposition = found.actors[found.actor_of(_at(doc, "opposition"))]
    assert (opposition.name, opposition.type, opposition.country) == ("Sudanese opposition", "group", "SDN")
    assert found.sector_at(_at(doc, "rebels").i) is None


@pytest.mark.model
def test_an_institution_without_its_state_is_the_main_state_of_the_text(resolve):
    doc, found = resolve("China warned Japan over the islands on Monday. The Foreign Ministry said patrols would go on.")
    assert (found.actor_of(_at(doc, "Ministry")), found.sector_at(_at(doc, "Ministry").i)) == ("china", "GOV")
    doc, found = resolve("The Justice Department opened an inquiry into Donald Trump's aides.")
    assert (found.actor_of(_at(doc, "Department")), found.sector_at(_at(doc, "Department").i)) == ("united-states", "GOV")


@pytest.mark.model
def test_state_institutions_the_phoenix_index_knows_are_their_state(resolve):
    doc, found = resolve("Mossad agents were seen in Herat, where Margaret Thatcher once spoke.")
    assert (found.actor_of(_at(doc, "Mossad")), found.sector_at(_at(doc, "Mossad").i)) == ("israel", "SPY")
    assert (found.actors["herat"].type, found.actors["herat"].country) == ("place", "AFG")
    assert (found.actors["margaret-thatcher"].type, found.actors["margaret-thatcher"].country) == ("person", "GBR")


@pytest.mark.model
def test_an_unnamed_office_of_many_holders_is_the_state_government(resolve):
    doc, found = resolve("Seoul summoned the Chinese ambassador on Tuesday.")
    assert (found.actor_of(_at(doc, "ambassador")), found.sector_at(_at(doc, "ambassador").i)) == ("china", "GOV")


@pytest.mark.model
def test_a_leaders_government_is_their_state_with_the_government_sector(resolve):
    doc, found = resolve("Iran warned the Trump administration on Monday. Assad's regime shelled the suburb.")
    assert (found.actor_of(_at(doc, "administration")), found.sector_at(_at(doc, "administration").i)) == (
        "united-states", "GOV")
    assert found.actor_of(_at(doc, "Trump")) == "united-states"  # the name is part of the reference
    assert found.leader_of(_at(doc, "administration")) == "donald-trump"
    assert (found.actor_of(_at(doc, "regime")), found.sector_at(_at(doc, "regime").i)) == ("syria", "GOV")
    assert {m.text: m.actor for m in found.mentions}["Trump administration"] == "united-states"
    doc, found = resolve("Trump met Abe on Friday.")  # a leader's name alone is still the leader
    assert found.actor_of(_at(doc, "Trump")) == "donald-trump" and found.leader_of(_at(doc, "Trump")) is None


@pytest.mark.model
def test_a_leaders_government_acts_as_the_state_except_against_its_own_nationals(read_relations):
    assert read_relations("The Trump administration imposed new sanctions on Iran.") == {
        ("united-states", "sanctions", "iran", "asserted", "factual")}
    assert read_relations("Russia is an ally of the Assad regime.") == {
        ("russia", "supports", "syria", "asserted", "factual")}
    # a former government facing a national of the same state is the leader it is named for
    assert read_relations("Trump accused the Obama administration of tapping his phones.") == {
        ("donald-trump", "accuses", "barack-obama", "asserted", "factual")}


@pytest.mark.model
def test_a_leaders_government_glued_by_hyphen_debris_is_still_the_state(read_relations):
    for written in ("the-Obama-administration", "the- Obama -administration"):
        assert ("united-states", "supports", "iraq", "asserted", "factual") in read_relations(
            f"Trump's plan differs from that of {written}, which had partnered with Iraqi forces.")
