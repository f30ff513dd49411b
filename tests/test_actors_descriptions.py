"""Definite descriptions of places, states and people, and the reference index they rely on."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.resolve import resolve_actors
from diplograph.corpus.documents import make_document
from diplograph.base.models import Actor
from diplograph.relations.lexicon import default_lexicon


@pytest.fixture(scope="module")
def resolve(nlp, dictionary):
    def run(text: str):
        document = make_document("t.txt", text)
        doc = nlp(document.text)
        return doc, resolve_actors(doc, document, dictionary, speech_verbs=default_lexicon().speech_verbs)

    return run


def described(found) -> list[tuple[str, str]]:
    """(text, actor) of every description mention, in text order."""
    return [(m.text, m.actor) for m in found.mentions if m.kind == "description"]


def plural(doc, found) -> dict[str, tuple[str, ...]]:
    return {doc[i].text: ids for i, ids in found.token_actors.items()}


# --- places ----------------------------------------------------------------------------------------


@pytest.mark.model
def test_the_city_is_the_most_recent_settlement(resolve):
    _, found = resolve("Shelling hit Kherson and Zaporizhzhia overnight. The city lost power.")
    assert described(found) == [("The city", "zaporizhzhia")]


@pytest.mark.model
def test_a_demonym_restricts_the_country_of_the_place(resolve):
    _, found = resolve("Drones struck Kursk and Kharkiv. Officials said the Russian city was on fire.")
    assert described(found) == [("the Russian city", "kursk")]


@pytest.mark.model
def test_the_region_skips_cities(resolve):
    _, found = resolve("Fighting continued in the Donetsk region and in Pokrovsk. The region has no water.")
    assert described(found) == [("The region", "donetsk-oblast")]
    _, found = resolve(
        "Ukraine hit a refinery in Russia's Samara region. Officials in the region said a fire broke out."
    )
    assert described(found) == [("the region", "samara")]  # a place written "X region" is a region


@pytest.mark.model
def test_the_city_of_a_name_is_left_to_the_name(resolve):
    _, found = resolve("Sumy was shelled again. Residents of the city of Mariupol fled.")
    assert described(found) == []


@pytest.mark.model
def test_the_island_needs_an_island_named_as_a_place(resolve):
    # "British" is only an adjective: the United Kingdom is not "the island".
    _, found = resolve("A British warship crossed the strait. China sent jets around the island.")
    assert described(found) == []
    _, found = resolve("Chinese ships circled Taiwan. Taiwan's coast guard said the island was under pressure.")
    assert described(found) == [("the island", "taiwan")]


# --- states ----------------------------------------------------------------------------------------


@pytest.mark.model
def test_the_country_is_never_the_subject_of_its_own_clause(resolve):
    _, found = resolve("Russia attacked Georgia in 2008 and the country lost two regions.")
    assert described(found) == [("the country", "georgia")]
    _, found = resolve("Putin said Russia would respond. Peskov added that the country would not back down.")
    assert described(found) == [("the country", "russia")]


@pytest.mark.model
def test_the_country_of_a_place(resolve):
    _, found = resolve("Russian drones hit Odesa again, and the country's air force said 40 were downed.")
    assert described(found) == [("the country", "ukraine")]


@pytest.mark.model
def test_the_demonym_capital_is_the_state(resolve):
    _, found = resolve("Officials said the Ukrainian capital came under attack.")
    assert described(found) == [("the Ukrainian capital", "ukraine")]


@pytest.mark.model
def test_its_neighbour(resolve):
    _, found = resolve("India and Pakistan traded fire. Pakistan accused its neighbour of aggression.")
    assert described(found) == [("neighbour", "india")]
    _, found = resolve("Pakistan accused its neighbour of aggression.")
    assert described(found) == []  # no other state named: left unresolved


# --- people ----------------------------------------------------------------------------------------


@pytest.mark.model
def test_both_men_are_the_two_most_recent_people_but_the_subject(resolve):
    doc, found = resolve("Trump met Erdogan and Orban. Trump praised both men.")
    assert plural(doc, found) == {"men": ("recep-tayyip-erdogan", "viktor-orban")}


@pytest.mark.model
def test_his_takes_the_owner_of_the_phrase_it_is_in(resolve):
    doc, found = resolve("Merz hosted calls aimed at shaping Donald Trump's approach to his meeting with Putin.")
    assert found.actor_of([t for t in doc if t.text == "his"][0]) == "donald-trump"


# --- the reference index ---------------------------------------------------------------------------


@cache
def _vocab() -> Vocab:
    return Vocab()


def _builder(words: int, sentence_length: int) -> DocActorsBuilder:
    doc = Doc(_vocab(), words=[f"w{i}" for i in range(words)])
    for token in doc:
        token.is_sent_start = token.i % sentence_length == 0
    return DocActorsBuilder(doc, make_document("t.txt", doc.text), dictionary=None)  # type: ignore[arg-type]


ACTORS = [Actor(id=f"a{i}", name=f"A {i}", type="person" if i % 2 else "state") for i in range(4)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 29), st.integers(1, 4), st.integers(0, 3), st.booleans()), max_size=25))
def test_reference_index_matches_brute_force(operations):
    b = _builder(30, 7)
    for start, size, actor, drop in operations:
        end = min(start + size, 30)
        if drop:
            b.remove(start, end)
        else:
            b.add(start, end, ACTORS[actor], "name")
    refs = sorted(b.refs.values(), key=lambda r: r.start)
    assert b.ordered() == refs
    for i in range(30):
        covering = [r for r in refs if r.start <= i < r.end]
        assert b.ref_at(i) == (covering[0] if covering else None)
        assert b.between(i, i + 5) == [r for r in refs if i <= r.start < i + 5]
    for number, sentence in enumerate(b.sentences):
        assert b.in_sentence(number, 20) == [r for r in refs if sentence.start <= r.start < min(sentence.end, 20)]
    for before in (0, 10, 30):
        last: dict[str, int] = {}
        for ref in refs:
            if ref.start < before:
                last[ref.actor] = ref.start
        expected = [a for a, _ in sorted(last.items(), key=lambda item: -item[1])]
        assert b.recent_actors(before) == expected
        assert b.recent_actors(before, "person") == [a for a in expected if b.actors[a].type == "person"]
