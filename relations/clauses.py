"""Clause structure around a trigger: the chain of words that govern it.

Polarity and modality are read from the trigger and the words above it in
its own clause: "did *not* want to meet" (the negation sits on *want*),
"is *expected* to attend", "*refrained* from imposing", "*will* hold a call"
(the auxiliary sits on the light verb). :func:`governor_chain` climbs from
the trigger through complement, control and light-verb links and stops at a
clause boundary (reported speech, relative and adverbial clauses), so the
*said* of "X said Russia attacked" never lends its tense or negation.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["governor_chain", "clause_head", "CLIMB_DEPS"]

#: Dependencies through which a clause's negation and modality reach a trigger.
CLIMB_DEPS = frozenset({"xcomp", "acomp", "pcomp", "prep", "pobj", "dobj", "aux", "auxpass", "prt"})
_NOUN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _is_infinitive(token: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


def governor_chain(trigger: Token, *, max_hops: int = 8) -> list[Token]:
    """The trigger followed by the words that govern it inside its clause, bottom up."""
    chain = [trigger]
    current = trigger
    for _ in range(max_hops):
        head, dep = current.head, current.dep_
        if head == current:
            break
        noun = current.pos_ in ("NOUN", "PROPN", "PRON")
        if dep in CLIMB_DEPS:
            pass
        elif dep in _NOUN_SUBJECT_DEPS and noun and current == trigger:
            pass  # "the talks did not take place", "a summit will take place"
        elif dep == "acl" and _is_infinitive(current):
            pass  # "no willingness to commit"
        elif dep == "advcl" and _is_infinitive(current) and head.pos_ == "VERB":
            pass  # purpose: "launched drones to hit ..."
        elif dep == "conj" and current.tag_ == "VB" and head.pos_ in ("VERB", "AUX"):
            pass  # "will meet and discuss": the second verb shares the auxiliary
        else:
            break
        chain.append(head)
        current = head
    return chain


def clause_head(trigger: Token) -> Token:
    """The top of the trigger's clause (the last word of its governor chain)."""
    return governor_chain(trigger)[-1]
