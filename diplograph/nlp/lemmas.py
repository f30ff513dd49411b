"""Lemmas the tagger may have missed: base forms of an inflected verb form.

The small English model lemmatizes rare verbs wrongly ("lambasted" -> "lambast");
:func:`verb_lemmas` gives the tagger's lemma first, then the candidates of the
word's inflection, so a lexicon lookup finds "lambaste" anyway.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["inflection_lemmas", "verb_lemmas"]


#: Irregular past forms, for prefixed verbs the lemmatizer does not know ("retook", "overran", "withdrew").
_IRREGULAR = {
    "took": "take", "taken": "take", "ran": "run", "threw": "throw", "thrown": "throw", "drew": "draw",
    "drawn": "draw", "came": "come", "went": "go", "gone": "go", "struck": "strike", "fought": "fight",
    "sought": "seek", "held": "hold", "led": "lead", "sent": "send", "built": "build", "broke": "break",
    "broken": "break", "spoke": "speak", "spoken": "speak", "gave": "give", "given": "give", "won": "win",
    "wrote": "write", "written": "write", "began": "begin", "begun": "begin", "shot": "shoot", "stood": "stand",
    "made": "make", "paid": "pay", "told": "tell", "sold": "sell", "brought": "bring", "caught": "catch",
    "kept": "keep", "laid": "lay", "rode": "ride", "rose": "rise", "risen": "rise", "drove": "drive",
    "driven": "drive", "froze": "freeze", "frozen": "freeze", "chose": "choose", "chosen": "choose",
    "swept": "sweep", "overcame": "overcome", "saw": "see", "seen": "see", "set": "set", "cut": "cut",
}  # fmt: skip
_PREFIXES = ("re", "over", "under", "with", "out", "up", "mis", "fore", "counter")


def _prefixed_irregular(word: str) -> str | None:
    """ "retook" -> "retake", "overran" -> "overrun", "withdrew" -> "withdraw"; None otherwise."""
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest in _IRREGULAR:
            return prefix + _IRREGULAR[rest]
    return None


def inflection_lemmas(word: str) -> list[str]:
    """Base forms an inflected verb form may have ("lambasted" -> lambaste, lambast ...), most likely first.

    The small model's lemmatizer misses rare verbs ("lambasted" -> "lambast");
    these candidates let the lexicon find them anyway.
    """
    word = word.lower()
    found: list[str] = []
    irregular = _prefixed_irregular(word)
    if irregular is not None:
        return [irregular]
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
