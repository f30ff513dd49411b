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
