"""Lemmas the tagger may have missed: base forms of an inflected verb form.

The small English model lemmatizes rare verbs wrongly ("lambasted" -> "lambast");
:func:`verb_lemmas` gives the tagger's lemma first, then the candidates of the
word's inflection, so a lexicon lookup finds "lambaste" anyway.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["inflection_lemmas", "verb_lemmas"]


def inflection_lemmas(word: str) -> list[str]:
    """Base forms an inflected verb form may have ("lambasted" -> lambaste, lambast ...), most likely first.

    The small model's lemmatizer misses rare verbs ("lambasted" -> "lambast");
    these candidates let the lexicon find them anyway.
    """
    word = word.lower()
    found: list[str] = []
    if word.endswith("ied") and len(word) > 4:
        found.append(word[:-3] + "y")
    elif word.endswith("ed") and len(word) > 4:
        stem = word[:-2]
        found += [stem + "e", stem] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    elif word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        found += [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    elif word.endswith("ies") and len(word) > 4:
        found.append(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 4:
        found += [word[:-1], word[:-2]]
    elif word.endswith("s") and len(word) > 3:
        found.append(word[:-1])
    return found


def verb_lemmas(token: Token) -> list[str]:
    """The lemmas under which a verb token is looked up: the tagger's, then those of its inflection."""
    return [token.lemma_, *(c for c in inflection_lemmas(token.text) if c != token.lemma_.lower())]
