"""Embedded content: what a demand, request or threat is about is not a fact.

"Poland urged Germany to *deliver more weapons to Ukraine*" does not say
that Germany delivers anything; "the threat *to increase pressure on the
Kremlin*" does not say pressure was increased. Triggers inside such a
complement are not emitted as relations (their targets may still serve the
embedding verb, see :mod:`~diplograph.relations.readings`). Adverbial
clauses with their own subordinator ("as Moscow seeks ...") stay facts.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.nlp.syntax import is_infinitive
from diplograph.relations.lexicon import Lexicon
from diplograph.relations.matching import Trigger

__all__ = ["embedded_tokens"]

_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "dative", "pcomp", "prep", "oprd"})


def embedded_tokens(triggers: list[Trigger], lexicon: Lexicon) -> set[int]:
    """Token indices inside the complement of a demand, request or threat (not facts)."""
    embedding = set(lexicon.embedding_types)
    inside: set[int] = set()
    for trigger in triggers:
        entry = trigger.entry
        if not (trigger.type in embedding or getattr(entry, "embeds", False)):
            continue
        if trigger.kind != "verb":  # "the threat to increase pressure on the Kremlin"
            for child in trigger.token.children:
                if child.dep_ in ("acl", "relcl") and is_infinitive(child):
                    inside.update(_complement_tokens(child))
            continue
        for child in trigger.token.children:
            if child.dep_ in _COMPLEMENT_DEPS or (child.dep_ == "advcl" and _is_purpose(child)):
                inside.update(_complement_tokens(child))
    return inside


def _is_purpose(clause: Token) -> bool:
    """A to-infinitive adverbial without a subordinator ("pushed X *to strengthen* ...")."""
    return is_infinitive(clause) and not any(c.dep_ == "mark" for c in clause.children)


def _complement_tokens(top: Token) -> set[int]:
    """Tokens of a complement, leaving out adverbial clauses with their own subordinator ("as ...")."""
    found: set[int] = set()
    stack = [top]
    while stack:
        token = stack.pop()
        found.add(token.i)
        for child in token.children:
            if child.dep_ == "advcl" and any(c.dep_ == "mark" for c in child.children):
                continue
            stack.append(child)
    return found
