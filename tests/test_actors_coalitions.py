"""Coalitions named by their leader ("the US-led coalition") are one group actor, not the leader
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from diplograph.actors.coalitions import led_group
from diplograph.actors.resolve import resolve_actors
from diplograph.base.models import Actor
from diplograph.corpus.documents import make_document
from diplograph.relations.lexicon import default_lexicon


def test_a_led_group_is_named_as_written_with_the_leader_as_member():
    leader = Actor(id="united-states", name="United States", type="state", country="USA", aliases=("US", "U.S."))
    group = led_group(leader, "US", "coalition")
    assert (group.id, group.name, group.type, group.members) == (
        "united-states-led-coalition", "US-led coalition", "group", ("united-states",))
    assert group.aliases == ("United States-led coalition", "U.S.-led coalition")


@pytest.fixture(scope="module")
def actor_of(nlp, dictionary):
    def run(text: str, word: str) -> str | None:
        document = make_document("t.txt", text, date="2017-03-01")
        doc = nlp(document.text)
        found = resolve_actors(doc, document, dictionary, speech_verbs=default_lexicon().speech_verbs)
        return found.actor_of(next(t for t in doc if t.text == word))

    return run


@pytest.mark.model
def test_a_state_led_coalition_is_its_own_actor_in_every_article(actor_of):
    assert actor_of("A US-led coalition has been providing air support to Iraqi forces.", "coalition") \
        == "united-states-led-coalition"  # fmt: skip
    assert actor_of("The Saudi-led Arab coalition struck Houthi rebels in Yemen.", "coalition") == "saudi-arabia-led-coalition"
    assert actor_of("A NATO-led mission trained Afghan troops.", "mission") == "nato-led-mission"


@pytest.mark.model
def test_a_led_thing_that_is_no_coalition_stays_the_leader(actor_of):
    assert actor_of("A US-led campaign of air strikes hit Raqqa.", "US") == "united-states"
    assert actor_of("Saudi-led forces attacked the Houthis.", "Saudi") == "saudi-arabia"  # the leader acts
