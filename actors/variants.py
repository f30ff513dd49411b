"""Spelling variants of person names: when two written names are the same person.

Transliterations and typos ("Zelenski", "Zelenskiy", "Andriy"/"Andrii") are
matched with Jaro-Winkler similarity from ``rapidfuzz``; shared surnames
alone are never enough when both names carry given names that differ
("Boris Johnson" is not "Mike Johnson").
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from diplograph.actors.dictionary import ActorDictionary, fold_name

__all__ = [
    "bare_surname",
    "SURNAME_SIMILARITY",
    "GIVEN_NAME_SIMILARITY",
    "name_parts",
    "similar_surname",
    "compatible_given_names",
    "same_person",
    "dictionary_person",
]

#: Minimum Jaro-Winkler similarity for two surnames to be spellings of one name.
SURNAME_SIMILARITY = 0.92
#: Minimum Jaro-Winkler similarity for two given names ("Steve"/"Steven", "Andrii"/"Andriy").
GIVEN_NAME_SIMILARITY = 0.85
_MIN_FUZZY_LENGTH = 5
_PARTICLES = frozenset({"von", "der", "van", "de", "da", "bin", "al", "el", "la", "le", "di", "du", "ibn", "den"})


@lru_cache(maxsize=8192)
def name_parts(name: str) -> tuple[str, ...]:
    """Folded words of a person name, without honorifics ("Sir Keir Starmer" → ("keir", "starmer"))."""
    words = [w.strip(".,") for w in fold_name(name).split()]
    while len(words) > 1 and words[0] in ("sir", "dr", "mr", "mrs", "ms", "gen", "sen", "president", "king"):
        words = words[1:]
    return tuple(w for w in words if w)


def similar_surname(a: str, b: str) -> bool:
    """True when two folded surnames are one name spelt two ways."""
    if a == b:
        return True
    if min(len(a), len(b)) < _MIN_FUZZY_LENGTH or a[0] != b[0]:
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and len(long) - len(short) >= 2:
        return False  # "Machar" is not "Macharia": a longer name, not a spelling
    if "-" in a and "-" in b:  # "Jong-nam" is not "Jong-un": each syllable must match on its own
        syllables = list(zip(a.split("-"), b.split("-"), strict=False))
        if any(x != y and (min(len(x), len(y)) < _MIN_FUZZY_LENGTH or x[0] != y[0]) for x, y in syllables):
            return False
    return JaroWinkler.normalized_similarity(a, b) >= SURNAME_SIMILARITY


def compatible_given_names(a: str, b: str) -> bool:
    """True when two folded given names may name the same person (equal, initial, or close spelling)."""
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a[0] == b[0] and JaroWinkler.normalized_similarity(a, b) >= GIVEN_NAME_SIMILARITY


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul)-(?=\w{3})")


def bare_surname(word: str) -> str:
    """A folded surname without its Arabic article ("al-hariri" → "hariri"): how a second mention writes it."""
    return _ARTICLE.sub("", word)


def _surname(parts: Sequence[str]) -> str:
    return bare_surname(parts[-1])


def same_person(a: Sequence[str], b: Sequence[str]) -> bool:
    """True when two folded names (see :func:`name_parts`) are spellings of one person's name.

    A single word matches the surname of a longer name (or its first word, for
    family-name-first names such as "Lai Ching-te"); two full names need
    similar surnames and compatible given names.
    """
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        word, full = (a[0], b) if len(a) == 1 else (b[0], a)
        if len(full) == 1:
            return similar_surname(bare_surname(word), bare_surname(full[0]))
        return similar_surname(bare_surname(word), _surname(full)) or word == full[0] and full[0] not in _PARTICLES
    short, full = sorted((tuple(a), tuple(b)), key=len)
    if len(short) >= 2 and full[-len(short):] == short:
        return True  # "Pena Nieto" is "Enrique Pena Nieto"
    if not similar_surname(_surname(a), _surname(b)):
        return False
    return compatible_given_names(a[0], b[0])


def _person_forms(dictionary: ActorDictionary) -> Iterable[tuple[str, tuple[str, ...]]]:
    for entry in dictionary.persons():
        for text in (entry.name, *entry.aliases):
            parts = name_parts(text)
            if parts:
                yield entry.id, parts


@lru_cache(maxsize=8)
def _forms_by_initial(dictionary: ActorDictionary) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The dictionary's person forms of two words or more, by the first letter of their surname.

    Only those can match (:func:`similar_surname` needs the same first letter), so
    :func:`dictionary_person` compares a name with a few dozen forms, not all of them.
    Built once per dictionary (dictionaries do not change once built).
    """
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for actor_id, form in _person_forms(dictionary):
        if len(form) > 1:
            index.setdefault(_surname(form)[0], []).append((actor_id, form))
    return {initial: tuple(forms) for initial, forms in index.items()}


def dictionary_person(name: str, dictionary: ActorDictionary) -> str | None:
    """The dictionary person a name not listed verbatim refers to, or None when none or several fit.

    Single words match a unique surname ("Sybiha"); otherwise spellings are
    compared with :func:`same_person`. Single words only match surnames of
    at least five letters fuzzily, so "Lee" or "Kim" never match on their own.
    """
    parts = name_parts(name)
    if not parts:
        return None
    exact: set[str] = set()
    fuzzy: set[str] = set()
    # an alias that is a bare surname is found by the exact lookup, so only longer forms are compared
    for actor_id, form in _forms_by_initial(dictionary).get(_surname(parts)[0], ()):
        if len(parts) == 1:
            if parts[0] == _surname(form):
                exact.add(actor_id)
            elif similar_surname(parts[0], _surname(form)):
                fuzzy.add(actor_id)
        elif same_person(parts, form):
            (exact if parts == form else fuzzy).add(actor_id)
    for found in (exact, fuzzy):
        if len(found) == 1:
            return next(iter(found))
        if len(found) > 1:
            return None
    return None
