"""Parse repair: an actor name the small model misreads as a verb leaves its preposition dangling.

"air strikes on *IS* in the town", "closing in on *IS* from the south": the
tagger takes the acronym of the Islamic State for the verb *is*, and the parser
hangs it off the clause as a verb, so the preposition before it has no object
and the attack no target. After parsing, :func:`repair_dangling_objects` gives
such a preposition the entity that starts right after it as its object when the
entity's head word was parsed as a verb (or left as a loose conjunct or
dependent), and retags that word as a proper noun. Nothing else is touched, and
a repair that would make a cycle is not made.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = ["repair_dangling_objects"]

_OBJECT_DEPS = frozenset({"pobj", "pcomp", "prep"})
_LOOSE_DEPS = frozenset({"conj", "dep", "npadvmod"})


def repair_dangling_objects(doc: Doc) -> int:
    """Attach misparsed entity names to the dangling prepositions before them; return how many."""
    repaired = 0
    for ent in doc.ents:
        if ent.start == 0:
            continue
        prep = doc[ent.start - 1]
        if prep.dep_ != "prep" or prep.tag_ != "IN" or any(c.dep_ in _OBJECT_DEPS for c in prep.children):
            continue
        root = _root(ent)
        if root.head is prep or root.is_ancestor(prep) or not _misparsed(root):
            continue
        root.head = prep
        root.dep_ = "pobj"
        root.pos_ = "PROPN"
        root.tag_ = "NNP"
        repaired += 1
    return repaired


def _root(ent) -> Token:
    outside = [t for t in ent if t.head.i < ent.start or t.head.i >= ent.end or t.head is t]
    return outside[-1] if outside else ent.root


def _misparsed(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.dep_ in _LOOSE_DEPS
