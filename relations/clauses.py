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

from diplograph.nlp.syntax import is_infinitive

__all__ = ["governor_chain", "clause_head", "is_mandative", "CLIMB_DEPS", "FRAMING_PREPS"]

#: Prepositions that make an event the frame of a clause ("they agreed *in* a phone call", "*during* talks"),
#: or a fact the clause concedes ("has not eased *despite* the truce deal": the deal stands).
#: Not *before*/*ahead of*: "ahead of the summit with Putin, Zelenskyy will hold a call" prepares another's event.
FRAMING_PREPS = frozenset({"in", "during", "at", "after", "following", "amid", "despite", "notwithstanding"})

#: Dependencies through which a clause's negation and modality reach a trigger.
CLIMB_DEPS = frozenset({"xcomp", "acomp", "pcomp", "prep", "pobj", "dobj", "aux", "auxpass", "prt"})
_NOUN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _climbs(token: Token, trigger: Token) -> bool:
    """Does the negation and modality of ``token``'s head reach ``token``?"""
    dep, head = token.dep_, token.head
    if dep == "pcomp" and any(c.dep_ in _NOUN_SUBJECT_DEPS for c in token.children):
        return False  # a clause with its own subject: "made no comments on *what he discussed*"
    if dep in CLIMB_DEPS:
        return True
    if dep in _NOUN_SUBJECT_DEPS:  # "the talks did not take place", "a summit will take place"
        return token == trigger and token.pos_ in ("NOUN", "PROPN", "PRON")
    if dep == "acl":  # "no willingness to commit"
        return is_infinitive(token)
    if dep == "advcl":  # purpose: "launched drones to hit ..."
        return is_infinitive(token) and head.pos_ == "VERB"
    if dep == "conj":  # "will meet and discuss": the second verb shares the auxiliary, unless it has its own
        own = any(c.dep_ == "neg" or c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in token.children)
        return token.tag_ == "VB" and head.pos_ in ("VERB", "AUX") and not own  # "did not X and did not Y"
    return False


def governor_chain(trigger: Token, *, max_hops: int = 8) -> list[Token]:
    """The trigger followed by the words that govern it inside its clause, bottom up."""
    chain = [trigger]
    current = trigger
    for _ in range(max_hops):
        head = current.head
        if head == current or not _climbs(current, trigger):
            break
        chain.append(head)
        current = head
    return chain


def clause_head(trigger: Token) -> Token:
    """The top of the trigger's clause (the last word of its governor chain)."""
    return governor_chain(trigger)[-1]


_MANDATIVE_AUX = frozenset({"must", "should", "shall", "need", "needs", "ought", "will", "would", "to"})


def is_mandative(clause: Token) -> bool:
    """A that-clause that asks for an act ("insisted that Russia *must* leave", "demanded that Russia
    *withdraw*"), not one that states a fact ("insisted that Russia *has never interfered*")."""
    if clause.pos_ in ("ADJ", "NOUN"):
        return True  # a small clause with no verb: "holds *Moscow responsible*"
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MANDATIVE_AUX for a in auxes):
        return True
    if any(a.lower_ in ("have", "has", "had", "is", "are", "was", "were", "does", "did", "do") for a in auxes):
        return False
    return clause.tag_ in ("VB", "VBP") or clause.lower_ == "be"
