"""Shared fixtures: the actor dictionary and the spaCy pipeline with the actor ruler, loaded once per session,
and ``read_relations`` (one dated sentence or two in, relation 5-tuples out)."""

from __future__ import annotations

import pytest

import diplograph
from diplograph.actors.dictionary import ActorDictionary, load_dictionary
from diplograph.actors.recognize import add_actor_ruler
from diplograph.base.errors import ConfigError
from diplograph.corpus.documents import make_document
from diplograph.nlp.model import load_model


@pytest.fixture(scope="session")
def dictionary() -> ActorDictionary:
    """The built-in actor dictionary."""
    return load_dictionary()


@pytest.fixture(scope="session")
def nlp(dictionary: ActorDictionary):
    """The installed English model with the actor ruler (tests using it are skipped without a model)."""
    try:
        model = load_model()
    except ConfigError as exc:
        pytest.skip(str(exc))
    return add_actor_ruler(model, dictionary)


@pytest.fixture(scope="module")
def read_relations():
    """Build a one-document graph from ``text`` (dated 2017-03-01) and return its relations as
    ``(source, relation, target, polarity, modality)``."""
    def run(text: str) -> set[tuple[str, str, str, str, str]]:
        graph = diplograph.build([make_document("t.txt", f"date 2017-03-01\n{text}")])
        return {(r.source, r.relation, r.target, r.polarity, r.modality) for r in graph.iter_relations()}

    return run
