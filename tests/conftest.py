"""Shared fixtures: the actor dictionary and the spaCy pipeline with the actor ruler, loaded once per session."""

from __future__ import annotations

import pytest

from diplograph.actors.dictionary import ActorDictionary, load_dictionary
from diplograph.actors.recognize import add_actor_ruler
from diplograph.base.errors import ConfigError
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
