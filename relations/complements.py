"""Complements: relations a word expresses through its complement, not its own entry.

* a judging verb with a negative complement is an accusation of whoever is behind its
  object: "called the decision *unfair*", "described the move *as illegal*", "branded
  the president *a separatist*";
* a predicate adjective of the lexicon: "Israel was *critical of* the report", "is
  *opposed to* the plan".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from diplograph.relations.lexicon import Lexicon, VerbEntry

__all__ = ["evaluation_entry", "adjective_entry"]


#: Judging verbs whose judgement follows "to": "compared the government *to Nazis*".
_LIKENING = frozenset({"compare", "liken", "equate"})


def _complement_words(verb: Token) -> Iterator[Token]:
    """Words of a verb's object complement: "called it *unfair*", "described it *as illegal*"."""
    for child in verb.children:
        parts: list[Token] = []
        if child.dep_ in ("oprd", "ccomp", "xcomp", "acomp"):
            parts = [child]
        elif child.dep_ == "dobj":  # the parser hangs the complement on the object: "called the launch *intolerable*"
            parts = [c for c in child.children if c.i > child.i and (c.dep_ == "amod" or c.dep_ == "appos" and _indefinite(c))]
        elif child.dep_ == "prep" and (child.lower_ == "as" or child.lower_ == "to" and verb.lemma_.lower() in _LIKENING):
            parts = [o for o in child.children if o.dep_ in ("pobj", "amod", "acomp")]
        for part in parts:
            for word in part.subtree:
                if word.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "conj", "amod", "compound", "pobj", "attr") or word == part:
                    yield word


def _indefinite(noun: Token) -> bool:
    return any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in noun.children)


def evaluation_entry(verb: Token, lexicon: Lexicon) -> VerbEntry | None:
    """An accusation read from a negative judgement ("called the decision *unfair*"), or None."""
    words = lexicon.evaluations
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words.verbs:
        return None
    negative = {w.lower() for w in words.negative}
    if any(w.lemma_.lower() in negative or w.lower_ in negative for w in _complement_words(verb)):
        return VerbEntry(type=words.type, target=("dobj", "ccomp_subj"))  # "holds *Moscow* responsible"
    return None


_PREDICATE_VERBS = frozenset({"be", "remain", "become", "seem", "appear", "stay", "grow"})


def adjective_entry(token: Token, lexicon: Lexicon) -> VerbEntry | None:
    """A predicate adjective that expresses a relation: "Israel was *critical of* the report", "opposed to"."""
    if token.pos_ != "ADJ" and token.tag_ != "VBN":
        return None
    entry = lexicon.adjectives.get(token.lower_) or lexicon.adjectives.get(token.lemma_.lower())
    if entry is None:
        return None
    if token.dep_ in ("acomp", "oprd") and token.head.lemma_.lower() in _PREDICATE_VERBS:
        return entry
    return None
