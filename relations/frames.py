"""Frames: verbs that express a relation only with a given object ("deliver a *warning*", "call *upon* X").

The CAMEO verb dictionary codes many verbs by their object or preposition
rather than alone (``- * WARNING [130]`` under DELIVER). The lexicon keeps those
patterns as :class:`~diplograph.relations.lexicon.Frame` records; this module
matches a verb token against them on its dependency parse: the object head's
lemma must be the frame's last word (or a word of its synonym set), and each
earlier frame word must be a modifier of that head ("*humanitarian* aid").
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.nlp.lemmas import verb_lemmas
from diplograph.relations.lexicon import Frame, Lexicon, VerbEntry

__all__ = ["frame_entry", "matching_frame", "frame_matches", "civil_attack"]

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "npadvmod", "poss"})


def _word_fits(word: str, token: Token, lexicon: Lexicon) -> bool:
    if word.isupper():
        members = lexicon.set_words.get(word, frozenset())
        return token.lemma_.lower() in members or token.lower_ in members
    return token.lemma_.lower() == word or token.lower_ == word


def _object_fits(words: tuple[str, ...], head: Token, lexicon: Lexicon) -> bool:
    if not _word_fits(words[-1], head, lexicon):
        return False
    modifiers = [c for c in head.children if c.dep_ in _MODIFIER_DEPS and c.i < head.i]
    return all(any(_word_fits(word, m, lexicon) for m in modifiers) for word in words[:-1])


def civil_attack(head: Token, relation: str, lexicon: Lexicon, *, own: tuple[str, ...] = ()) -> bool:
    """An attack noun made civil by a modifier (``lexicon.civil_modifiers``, other than the ``own``
    words of a frame): "*rescue* operations", "an *information* campaign"; as an object, also by a
    modifier of its verb's subject ("*rescue* teams launched nine operations")."""
    if relation != "attacks":
        return False
    holders = [head] + ([c for c in head.head.children if c.dep_ == "nsubj"] if head.dep_ == "dobj" else [])
    return any(
        c.dep_ in _MODIFIER_DEPS and c.lower_ in lexicon.civil_modifiers and c.lower_ not in own
        for holder in holders for c in holder.children
    )


def frame_matches(verb: Token, frame: Frame, lexicon: Lexicon) -> bool:
    """Does ``verb``'s parse hold the frame's object or preposition?"""
    if frame.prep is None:
        objects = [
            c for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass") and not civil_attack(c, frame.type, lexicon, own=frame.object or ())
        ]
        return frame.object is not None and any(_object_fits(frame.object, o, lexicon) for o in objects)
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt", "agent") and prep.lower_ == frame.prep:
            if frame.object is None:
                return True
            if any(_object_fits(frame.object, o, lexicon) for o in prep.children if o.dep_ == "pobj"):
                return True
    return False


#: Prepositions that name whom an expressed act is aimed at ("voiced opposition *to* X", "aid *for* X").
_AIMED_PREPS = ("to", "toward", "towards", "against", "with", "on", "at", "of", "for", "from")


def _target_slots(frame: Frame, lexicon: Lexicon) -> tuple[str, ...]:
    """Where a framed verb's target is: the bare preposition's object, else the slots the frame leaves free.

    An object frame's object is the act ("delivered a *warning*"): its target is the
    indirect object or a preposition aimed at someone, on the verb or on the object.
    """
    if frame.prep is not None and frame.object is None:
        return (frame.prep,)
    taken = "dobj" if frame.prep is None else frame.prep
    slots = [s for s in lexicon.target_slots.get(frame.type, ("dobj",)) if s != taken]
    extra = ["dative", "^of", *_AIMED_PREPS] if frame.prep is None else []
    return tuple(dict.fromkeys([*slots, *(s for s in extra if s != taken)]))


def matching_frame(verb: Token, lexicon: Lexicon) -> Frame | None:
    """The first frame of ``verb`` that its parse holds, or None."""
    if verb.pos_ not in ("VERB", "AUX") and not verb.tag_.startswith("VB"):
        return None
    attached = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "agent")}
    for lemma in verb_lemmas(verb):
        for particle, frames in lexicon.frame_entries(lemma):
            if particle is not None and particle.split()[0] not in attached:
                continue
            for frame in frames:
                if frame_matches(verb, frame, lexicon):
                    return frame
    return None


def frame_entry(verb: Token, lexicon: Lexicon) -> VerbEntry | None:
    """The relation a verb expresses through one of its frames, as a verb entry (None when no frame fits)."""
    frame = matching_frame(verb, lexicon)
    if frame is None:
        return None
    return VerbEntry(type=frame.type, target=frame.target or _target_slots(frame, lexicon),
                     cameo=frame.cameo, reciprocal=frame.reciprocal, needs_target=frame.target is not None)
