"""Robustness of extraction on long documents, and the indexes that keep it linear (timing lives in benchmarks/).

``benchmarks/bench_resolve.py`` prints how long resolution and extraction take on
documents of 10k-200k characters; here a long document only has to come out
right: every relation's evidence is its span, every endpoint an actor.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from diplograph.actors.resolve import resolve_actors
from diplograph.corpus.documents import make_document
from diplograph.relations.attribution import QuoteIndex, Speaker
from diplograph.relations.dates import date_entities
from diplograph.relations.extract import extract_relations
from diplograph.relations.lexicon import default_lexicon

pytestmark = pytest.mark.model

_PARAGRAPHS = (
    "Armenian and Azerbaijani delegations held talks in Geneva on Monday. The two sides agreed to meet again, "
    "and the OSCE urged both sides to avoid incidents near the border.",
    "Russian forces massed near Kupiansk. Moscow later moved troops to the outskirts of the town, which its "
    "units tried to storm twice. \"We will not give up the city,\" the mayor said.",
    "India and Pakistan exchanged fire in May. Pakistan accuses its neighbour of stealing water, and India "
    "rejected the claim on Tuesday.",
    "{name}, a special envoy of Norway, met officials from Sudan in Jeddah. {surname} said he had urged them "
    "to agree to a truce, and he warned that the country would face sanctions.",
    "Chinese warships sailed around Taiwan. Japan said Beijing had deployed aircraft near the island, and "
    "Taipei condemned the drills.",
)
_GIVEN = ("Ana", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Greta", "Hassan")
_FAMILY = ("Varga", "Osei", "Lindqvist", "Moreau", "Petrenko", "Haddad", "Novak")


def long_text(size: int, seed: int = 3) -> str:
    """About ``size`` characters of the paragraphs above in random order, with invented envoys."""
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
        part = rng.choice(_PARAGRAPHS).format(name=f"{given} {family}", surname=family)
        parts.append(part)
        length += len(part) + 2
    return "\n\n".join(parts)


def test_long_document_relations_are_well_formed(nlp, dictionary):
    document = make_document("long.txt", long_text(30_000), date=dt.date(2025, 8, 12))
    doc = nlp(document.text)
    speech = default_lexicon().speech_verbs
    actors = resolve_actors(doc, document, dictionary, speech_verbs=speech)
    relations = list(extract_relations(doc, actors, document))
    assert len(relations) > 200
    for relation in relations:
        assert document.text[relation.span[0] : relation.span[1]] == relation.evidence
        assert {relation.source, relation.target} <= set(actors.actors)
        assert actors.actors[relation.source].type not in ("place", "media")
    found = {(r.source, r.relation, r.target, r.polarity) for r in relations}
    assert {
        ("armenia", "agrees", "azerbaijan", "asserted"),
        ("osce", "demands", "armenia", "asserted"),
        ("russia", "attacks", "kupiansk", "asserted"),
        ("pakistan", "accuses", "india", "asserted"),
        ("china", "deploys", "taiwan", "asserted"),
    } <= found
    # extraction reads the actors, it does not change them
    assert resolve_actors(doc, document, dictionary, speech_verbs=speech).token_actors == actors.token_actors


def test_quote_speaker_lookup_by_bisection(nlp):
    doc = nlp("a b c d e f g h")
    speakers = [Speaker("x", doc[0]), None, Speaker("y", doc[1])]
    index = QuoteIndex(spans=[(2, 5), (8, 12), (20, 30)], speakers=speakers)
    for char in range(35):
        expected = next((s for (start, end), s in zip(index.spans, speakers) if start <= char < end), None)
        assert index.speaker_at(char) == expected, char


def test_date_entities_of_a_sentence_without_scanning_the_document(nlp):
    doc = nlp("On Friday, Putin met Trump. They spoke again on September 4 and last week. Nothing else happened.")
    for sentence in doc.sents:
        expected = [(e.start, e.end) for e in sentence.ents if e.label_ == "DATE"]
        assert [(e.start, e.end) for e in date_entities(sentence)] == expected
    assert sum(len(date_entities(s)) for s in doc.sents) >= 2
