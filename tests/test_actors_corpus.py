"""Whole-corpus actor tables: the shared seed articles and texts full of actors the dictionary lacks.

How actor quality on the seeds is measured (node level, after merging):

* precision = nodes that are a real actor, place or outlet named in the seeds / all nodes; the
  accepted nodes are SEED_ACTORS plus SEED_ALSO_CORRECT, judged by hand — any other node fails
  ``test_seed_table_has_no_noise_and_no_media_endpoints``;
* recall = source/target slots of ``../shared/eval/seed_gold.jsonl`` for which one of the accepted
  names is a node / all slots (``test_seed_gold_endpoints_are_all_nodes`` requires all of them).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from diplograph.actors.merge import merge_actors
from diplograph.actors.resolve import resolve_actors
from diplograph.actors.table import ACTOR_TABLE_COLUMNS, actor_table
from diplograph.corpus.documents import documents_from_texts
from diplograph.corpus.readers import read_corpus
from diplograph.base.models import Document
from diplograph.relations.lexicon import default_lexicon

pytestmark = pytest.mark.model

SHARED = Path(__file__).resolve().parents[2] / "shared"

#: Actors the seed articles name, each of which must be exactly one node.
SEED_ACTORS = (
    "Volodymyr Zelenskyy", "Donald Trump", "Vladimir Putin", "Emmanuel Macron", "Steve Witkoff", "JD Vance",
    "Russia", "Ukraine", "United States", "France", "Germany", "United Kingdom", "Italy", "Poland", "Netherlands",
    "Finland", "European Union", "Europe", "Coalition of the willing", "Pokrovsk", "Kharkiv",
)
#: Every other node a careful reader accepts for the seeds (real places, groups and outlets they mention).
SEED_ALSO_CORRECT = {
    "alaska", "belgorod", "bloomberg", "chasiv-yar", "donbas", "donetsk-oblast", "french-media", "gazprom",
    "kharkiv-oblast", "kostiantynivka", "kramatorsk", "luhansk-oblast", "orenburg", "sloviansk", "sumy-oblast",
    "toretsk", "toulon", "unn", "west", "zaporizhzhia",
}


class CorpusActors:
    """Resolved, merged actors of a corpus and their table."""

    def __init__(self, nlp, dictionary, documents: list[Document]) -> None:
        parsed = nlp.pipe(d.text for d in documents)
        speech = default_lexicon().speech_verbs
        self.results = [resolve_actors(doc, d, dictionary, speech_verbs=speech) for doc, d in zip(parsed, documents)]
        self.actors, self.mapping = merge_actors([r.actors for r in self.results], dictionary)
        self.mentions = [
            m.model_copy(update={"actor": self.mapping[m.actor]}) for r in self.results for m in r.mentions
        ]
        self.table = actor_table(self.actors, self.mentions)


def assert_no_noise(table):
    """No dates, numbers, lower-case fragments or scraps among the nodes."""
    for name in table.name:
        assert not any(ch.isdigit() for ch in name), name
        assert name[:1].isupper() and len(name) > 2, name


@pytest.fixture(scope="module")
def seeds(nlp, dictionary):
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is not available")
    documents = [d for d in read_corpus(folder) if isinstance(d, Document)]
    return CorpusActors(nlp, dictionary, documents)


def test_seed_table_has_one_node_per_actor(seeds):
    table = seeds.table
    assert tuple(table.columns) == ACTOR_TABLE_COLUMNS
    names = Counter(table.name)
    assert {name: names[name] for name in SEED_ACTORS} == dict.fromkeys(SEED_ACTORS, 1)
    rows = table.set_index("name")
    assert rows.loc["Steve Witkoff", "country"] == "USA"
    assert rows.loc["Pokrovsk", "type"] == rows.loc["Kharkiv", "type"] == "place"
    assert rows.loc["Volodymyr Zelenskyy", "mentions"] > 20
    assert "Zelensky" in rows.loc["Volodymyr Zelenskyy", "aliases"]


def test_seed_table_has_no_noise_and_no_media_endpoints(seeds, dictionary):
    table = seeds.table
    assert_no_noise(table)
    assert set(table[table.name.str.contains("Bloomberg")].type) == {"media"}
    for result in seeds.results:
        for actor_id, actor in result.actors.items():
            assert result.can_be_endpoint(actor_id) is (actor.type != "media")
    endpoints = actor_table(seeds.actors, seeds.mentions, endpoints_only=True)
    assert not {"Bloomberg", "UNN", "French media"} & set(endpoints.name)
    expected = {dictionary.lookup(name)[0] for name in SEED_ACTORS}
    assert set(table.id) - expected - SEED_ALSO_CORRECT == set(), "unexpected nodes"


def test_seed_gold_endpoints_are_all_nodes(seeds, dictionary):
    gold_file = SHARED / "eval" / "seed_gold.jsonl"
    if not gold_file.is_file():
        pytest.skip("../shared/eval/seed_gold.jsonl is not available")
    names = set(seeds.table.name)
    missed = []
    for line in gold_file.read_text("utf-8").splitlines():
        record = json.loads(line)
        for side in ("source", "target"):
            accepted = set(record[side])
            accepted |= {dictionary[hit[0]].name for n in record[side] if (hit := dictionary.lookup(n))}
            if not accepted & names:
                missed.append(record[side])
    assert missed == []


INVENTED = {
    "a.txt": (
        "Norwegian special envoy Ingrid Solvang met Volodymyr Zelenski in Kyiv on Monday. Solvang said Oslo "
        "would fund demining in the Kharkiv region. The Ukrainian leader thanked her and said: "
        '"Norway has never left us alone."'
    ),
    "b.txt": (
        "By Karl Mertens and Ana Duval Reuters\n\n"
        "Ingrid Solvang travelled to Warsaw on Tuesday, where she met Polish Foreign Minister Radoslaw Sikorski. "
        "Zelenskiy's office said the envoy would return next week."
    ),
    "c.txt": (
        "Senator Paul Hadley and Governor Rita Hadley disagreed about the aid package. Rita Hadley said the "
        "money should go to Odesa. Hadley also criticised Brussels."
    ),
    "d.txt": "Brazilian envoy Tomas Arruda and Keith Kellog held talks with Andriy Sybiga in Geneva on Friday.",
}


def test_texts_with_actors_missing_from_the_dictionary(nlp, dictionary):
    corpus = CorpusActors(nlp, dictionary, list(documents_from_texts(INVENTED)))
    table = corpus.table
    assert_no_noise(table)
    names = Counter(table.name)
    for name in ("Ingrid Solvang", "Volodymyr Zelenskyy", "Keith Kellogg", "Andrii Sybiha", "Tomas Arruda"):
        assert names[name] == 1, name
    assert names["Paul Hadley"] == names["Rita Hadley"] == 1 and "Hadley" not in names
    assert not {"Karl Mertens", "Ana Duval", "Volodymyr Zelenski", "Solvang"} & set(names)
    rows = table.set_index("name")
    assert (rows.loc["Ingrid Solvang", "country"], rows.loc["Ingrid Solvang", "roles"]) == ("NOR", "special envoy")
    assert rows.loc["Ingrid Solvang", "documents"] == 2
    assert (rows.loc["Tomas Arruda", "country"], rows.loc["Tomas Arruda", "type"]) == ("BRA", "person")
    assert rows.loc["Reuters", "type"] == "media" and rows.loc["Norway", "type"] == "state"
    us = [m for m in corpus.mentions if m.text == "us"]
    assert [m.actor for m in us] == ["ukraine"]
    assert "Reuters" not in set(actor_table(corpus.actors, corpus.mentions, endpoints_only=True).name)
