"""Generic groups named by what they are ("human rights groups", "aid agencies", "Democratic senators"):
one group actor per phrase, the same across documents (sentences written for these tests)."""

from __future__ import annotations

import pytest

import diplograph
from diplograph.actors.resolve import resolve_actors
from diplograph.corpus.documents import make_document
from diplograph.relations.lexicon import default_lexicon

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def groups(nlp, dictionary):
    def run(text: str) -> dict[str, tuple[str, str, str | None]]:
        document = make_document("t.txt", text, date="2017-03-01")
        found = resolve_actors(nlp(document.text), document, dictionary, speech_verbs=default_lexicon().speech_verbs)
        return {a.id: (a.name, a.type, a.country) for a in found.actors.values()}

    return run


def test_ngo_and_party_phrases_become_group_actors(groups):
    found = groups("Human rights groups and aid agencies criticised the camp. Republican lawmakers were silent.")
    assert found["human-rights-groups"] == ("human rights groups", "group", None)
    assert found["aid-agencies"] == ("aid agencies", "group", None)
    assert found["republican-lawmakers"] == ("Republican lawmakers", "group", "USA")


def test_a_plain_plural_or_a_states_group_is_no_generic_group(groups):
    found = groups("Several groups met in Geneva. Syrian aid groups criticised Russia. Senators voted.")
    assert not any(i.endswith("groups") and i != "syrian-aid-groups" for i in found)
    assert "senators" not in found and "syrian-aid-groups" not in found


def test_generic_groups_act_and_merge_across_documents():
    graph = diplograph.build([
        make_document("a.txt", "date 2017-03-01\nHuman rights groups accused Venezuela of torturing prisoners."),
        make_document("b.txt", "date 2017-03-02\nDemocratic senators urged Rex Tillerson to press Mexico. "
                               "Human rights groups condemned Egypt."),
    ])
    found = {(r.source, r.relation, r.target) for r in graph.iter_relations()}
    assert {("human-rights-groups", "accuses", "venezuela"), ("human-rights-groups", "accuses", "egypt"),
            ("democratic-senators", "demands", "rex-tillerson")} <= found


def test_regional_groups_of_states_and_fixed_groups_become_group_actors(groups):
    found = groups("Arab governments and Caribbean countries met. The international community and world powers "
                   "watched, while coalition forces advanced.")
    assert found["arab-governments"] == ("Arab governments", "group", None)
    assert found["caribbean-countries"] == ("Caribbean countries", "group", None)
    assert found["international-community"] == ("international community", "group", None)
    assert found["world-powers"] == ("world powers", "group", None)
    assert found["coalition-forces"] == ("coalition forces", "group", None)


def test_a_generic_group_is_addressed_like_any_actor(read_relations):
    assert ("north-korea", "rejects", "international-community", "asserted", "factual") in read_relations(
        "North Korea has continued to defy the international community for years.")
    assert read_relations("World powers reached a nuclear deal with Iran in 2015.") >= {
        ("world-powers", "agrees", "iran", "asserted", "factual")}
