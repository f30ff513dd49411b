"""Plural role nouns with their states: "the prime ministers of the Netherlands and Poland", "the U.S.
and Russian leaders", "Ukrainian and Russian delegations".

Each state of the list stands for the person the document has named in that office on the
sentence's date ("Putin ... Erdogan ... the presidents of Russia and Turkey": Putin and Erdogan;
:func:`~diplograph.actors.offices.holder_of`), else for the state itself, with a role note such
as "head of government". A list reads rightwards up to the member after its "and" ("the ministers of
A, B and C, *the U.S.* official said" ends at C) and leftwards only across "and"/"or" ("*Pakistan*
Taliban leaders" is no list).
"""

from __future__ import annotations

from diplograph.actors.builder import DocActorsBuilder, Reference
from diplograph.actors.offices import holder_of
from diplograph.actors.titles import (INSTITUTION_MODIFIERS, INSTITUTION_SECTORS, MAX_TITLE_WORDS,
                                      PLURAL_TITLE_FIRST_WORDS, PLURAL_TITLES, TITLES, Title, match_plural_title)

__all__ = ["read_plural_titles", "read_coordinated_modifiers", "title_note"]

_LIST_GLUE, _LEFT_GLUE = frozenset({",", "and", "or", "the", "as", "well"}), frozenset({"and", "or"})
_HEAD_OF_GOVERNMENT = frozenset({"prime minister", "chancellor", "premier", "taoiseach"})
_HEAD_OF_STATE = frozenset({"president", "king", "queen", "emir", "pope", "supreme leader"})


def title_note(title: Title) -> str:
    """The role note for a title: head of government/state, leader, or the title itself."""
    if title.canonical in _HEAD_OF_GOVERNMENT:
        return "head of government"
    return "head of state" if title.canonical in _HEAD_OF_STATE else title.canonical


def _list_refs(b: DocActorsBuilder, i: int, step: int) -> list[Reference]:
    """State/organization/group references in a coordinated list starting at token ``i`` (step ±1)."""
    doc = b.doc
    found: list[Reference] = []
    joined = glued = False  # the list closes at the member after "and"; leftwards, members are joined by "and"
    while 0 <= i < len(doc):
        ref = b.ref_at(i)
        if ref is not None and len(ref.actors) == 1 and b.type_of(ref.actor) in ("state", "organization", "group"):
            if step < 0 and (ref.end != i + 1 or found and not glued):
                break
            found.append(ref)
            if step > 0 and joined:  # "the ministers of A, B and C, the U.S. official said": the list ends at C
                break
            i, glued = (ref.end if step > 0 else ref.start - 1), False
        elif doc[i].lower_ in (_LIST_GLUE if step > 0 else _LEFT_GLUE):
            joined, glued = joined or doc[i].lower_ in ("and", "or"), True
            i += step
        else:
            break
    return found


def read_plural_titles(b: DocActorsBuilder) -> None:
    """ "the prime ministers of the Netherlands and Poland" """
    doc = b.doc
    for token in doc:
        if b.lower[token.i] not in PLURAL_TITLE_FIRST_WORDS or b.ref_at(token.i) is not None:
            continue
        hit = match_plural_title(b.lower[token.i : token.i + MAX_TITLE_WORDS + 4])
        if hit is None:
            continue
        size, title = hit
        after = token.i + size
        if after >= len(doc) or doc[after].lower_ != "of" or any(b.ref_at(j) for j in range(token.i, after)):
            continue
        refs = _list_refs(b, after + 1, 1)
        if not refs:
            continue
        holders = tuple(dict.fromkeys(holder_of(b, title, r.actor, token) for r in refs))  # Putin and Erdogan
        b.add(token.i, after, holders, "description", head=after - 1)
        b.notes[after - 1] = title_note(title)


def _role_note(word: str) -> str | None:
    title = PLURAL_TITLES.get(word) or TITLES.get(word)
    return INSTITUTION_SECTORS.get(word) or (title_note(title) if title is not None else None)


def read_coordinated_modifiers(b: DocActorsBuilder) -> None:
    """ "the U.S. and Russian leaders", "Ukrainian and Russian delegations", "Ukrainian and European leaders" """
    doc = b.doc
    for head in doc:
        if head.tag_ not in ("NNS", "NNPS") or _role_note(head.lower_) is None:
            continue
        own = b.ref_at(head.i)
        if own is not None and (len(own.actors) > 1 or own.end != head.i + 1 or own.start == head.i):
            continue
        i = last = own.start - 1 if own is not None else head.i - 1
        while i >= 0 and doc[i].lower_ in INSTITUTION_MODIFIERS and b.ref_at(i) is None:
            i -= 1
        refs = _list_refs(b, i, -1)
        if own is not None:
            refs.insert(0, own)
        # "the U.S. and Russian presidents": Trump and Putin when known ("military chiefs" hold no one office)
        title = PLURAL_TITLES.get(head.lower_) if i == last else None
        actors = tuple(dict.fromkeys(holder_of(b, title, r.actor, head) if title else r.actor for r in reversed(refs)))
        if len(actors) < 2:
            continue
        if own is not None:
            b.remove(own.start, own.end)
            b.put(Reference(own.start, head.i, own.actors, "demonym", head.i - 1))
        b.add(head.i, head.i + 1, actors, "description")
        b.notes[head.i] = _role_note(head.lower_) or "government"
