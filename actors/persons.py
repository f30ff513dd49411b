"""One actor written two ways in one document: a surname and the full name, an acronym and the long name.

News names a person in full once ("Sigmar Gabriel") and then by surname
("Gabriel", "Mr Gabriel"), sometimes the other way round. After the entity and
phrase passes, every new person named by one word is merged with the one
person of the document — named before or after it — whose full name that word
is the surname (or, for family-name-first names, the first word) of; with two
such people it stays apart. Spellings are compared as in
:mod:`~diplograph.actors.variants`. Likewise a new organization written in
capitals ("RSF") is the document's one organization or group whose initials
it is ("Rapid Support Forces"). A new person named only by a given name that no
full name of the document explains ("Jose", "William") is not an actor. A
state written by its compass word alone ("the North" after "North Korea", "the
South" after "South Sudan") is the document's one state whose name starts with it.
"""

from __future__ import annotations

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.phoenix import phoenix_index
from diplograph.actors.spans import initials
from diplograph.actors.variants import bare_surname, name_parts, same_person

__all__ = ["merge_surnames", "merge_acronyms", "merge_compass_names", "drop_given_names"]

_COMPASS = frozenset({"north", "south", "east", "west"})


def _forms(b: DocActorsBuilder, actor_id: str) -> list[tuple[str, ...]]:
    actor = b.actors[actor_id]
    return [p for p in (name_parts(actor.name), *(name_parts(a) for a in actor.aliases)) if p]


def merge_surnames(b: DocActorsBuilder) -> None:
    """Merge each one-word new person with the document's one full-named person of that surname."""
    people = sorted({r.actor for r in b.refs.values() if len(r.actors) == 1 and b.type_of(r.actor) == "person"})
    full = [p for p in people if any(len(form) > 1 for form in _forms(b, p))]
    for single in people:
        if single in b.dictionary or any(len(form) > 1 for form in _forms(b, single)):
            continue
        parts = name_parts(b.actors[single].name)
        matches = [p for p in full if p != single and any(len(f) > 1 and same_person(parts, f) for f in _forms(b, p))]
        if len(matches) == 1:
            b.repoint(single, matches[0])
    # a surname the model typed as an organization ("Kovacs said", before "Viktor Kovacs")
    others = sorted({r.actor for r in b.refs.values() if len(r.actors) == 1 and b.type_of(r.actor) == "organization"})
    for single in others:
        parts = name_parts(b.actors[single].name)
        if single in b.dictionary or len(parts) > 2:
            continue
        if len(parts) == 2:  # "De Mistura" typed ORG after "Staffan de Mistura"
            matches = [p for p in full if any(len(f) > 2 and f[-2:] == parts for f in _forms(b, p))]
            if len(matches) == 1:
                b.repoint(single, matches[0])
            continue
        matches = [p for p in full if any(len(f) > 1 and parts[0] in (f[0], f[-1], bare_surname(f[-1])) for f in _forms(b, p))]
        if len(matches) == 1:
            b.repoint(single, matches[0])


def merge_acronyms(b: DocActorsBuilder) -> None:
    """Merge each new acronym ("RSF") with the document's one organization or group of those initials."""
    groups = sorted({r.actor for r in b.refs.values() if len(r.actors) == 1 and b.type_of(r.actor) in ("organization", "group")})
    for short in groups:
        if short not in b.actors:
            continue
        name = b.actors[short].name
        if short in b.dictionary or not (name.isupper() and name.isalpha() and 2 <= len(name) <= 6):
            continue
        matches = [g for g in groups if g != short and g in b.actors and len(b.actors[g].name.split()) > 1
                   and initials(b.actors[g].name) == name]  # fmt: skip
        if len(matches) == 1:
            b.repoint(short, matches[0])


def merge_compass_names(b: DocActorsBuilder) -> None:
    """Merge each new place or state named by a compass word alone ("the North") with the
    document's one state whose name starts with that word ("North Korea")."""
    named = sorted({r.actor for r in b.refs.values() if len(r.actors) == 1 and r.actor in b.actors})
    states = [a for a in named if b.type_of(a) == "state" and len(b.actors[a].name.split()) > 1]
    for short in named:
        word = b.actors[short].name.lower()
        if short in b.dictionary or word not in _COMPASS or b.type_of(short) not in ("place", "state"):
            continue
        matches = [s for s in states if b.actors[s].name.split()[0].lower() == word]
        if len(matches) == 1:
            b.repoint(short, matches[0])


def drop_given_names(b: DocActorsBuilder) -> None:
    """Remove the references to new persons named by a given name alone (after :func:`merge_surnames`)."""
    given = phoenix_index().given_names
    for ref in b.ordered():
        if len(ref.actors) != 1 or ref.actor in b.dictionary or b.type_of(ref.actor) != "person":
            continue
        parts = name_parts(b.actors[ref.actor].name)
        if len(parts) == 1 and parts[0] in given and ref.kind in ("name", "alias"):
            b.remove(ref.start, ref.end)
