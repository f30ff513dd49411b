"""Countries from party labels and US chamber abbreviations (actors.affiliations)."""

from __future__ import annotations

import pytest

from diplograph.actors.resolve import resolve_actors
from diplograph.corpus.documents import make_document
from diplograph.relations.lexicon import default_lexicon

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def countries(nlp, dictionary):
    def run(text: str) -> dict[str, str | None]:
        document = make_document("t.txt", text, date="2017-03-01")
        found = resolve_actors(nlp(document.text), document, dictionary, speech_verbs=default_lexicon().speech_verbs)
        return {a.name: a.country for a in found.actors.values() if a.type == "person"}

    return run


def test_a_party_member_word_or_a_party_reference_gives_an_unknown_politician_its_country(countries):
    found = countries("Republican Devin Nunes chairs the panel. Democrat Adam Schiff objected. "
                      "Labour's Paul Flynn disagreed.")
    assert (found["Devin Nunes"], found["Adam Schiff"], found["Paul Flynn"]) == ("USA", "USA", "GBR")


def test_us_chamber_abbreviations_give_the_united_states_and_other_words_nothing(countries):
    found = countries("Sen. Tom Cotton agreed. Rep. Adam Kinzinger spoke. Senator Mary Brennan replied. "
                      "Later Ruth Deyermond smiled.")
    assert (found["Tom Cotton"], found["Adam Kinzinger"]) == ("USA", "USA")
    assert found["Mary Brennan"] is None and found["Ruth Deyermond"] is None
