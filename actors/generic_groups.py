"""Generic groups: "human rights groups", "aid agencies", "Democratic senators", "Arab governments".

Wire copy often names a collective actor by what it is rather than by name:
"rights groups accused the government of torture", "aid agencies negotiated
with the rebels", "Democratic senators urged Tillerson to ...". Event coders
code these as agents of their own (CAMEO's NGO and LEG sectors), and analysts
read them as one node each. A plural head noun with the modifiers that make it
such an agent (:data:`NGO_MODIFIERS` before :data:`NGO_HEADS`; a US party
adjective before :data:`LEGISLATOR_HEADS`; a region before :data:`STATE_HEADS`: "Arab
governments", "Caribbean countries"; and :data:`FIXED_GROUPS`: "the international
community", "world powers", "coalition forces") becomes a group actor named by its
phrase in lower case ("human rights groups"; the party keeps its capital:
"Democratic senators"), the same in every article. Words another reference
already covers are left alone, and so is a phrase after a state's demonym
("Syrian aid groups" belongs to the state rules).
"""

from __future__ import annotations

from diplograph.actors.builder import DocActorsBuilder
from diplograph.base.models import Actor, slugify

__all__ = ["NGO_HEADS", "NGO_MODIFIERS", "LEGISLATOR_HEADS", "PARTY_COUNTRIES", "STATE_HEADS", "REGIONS", "FIXED_GROUPS",
           "read_generic_groups"]

#: Plural nouns of non-governmental bodies.
NGO_HEADS = frozenset({"groups", "organisations", "organizations", "agencies", "charities", "ngos"})
#: The words before them that make them an agent, longest first.
NGO_MODIFIERS = (("human", "rights"), ("humanitarian", "aid"), ("rights",), ("aid",), ("humanitarian",), ("relief",))
#: Plural nouns of legislators.
LEGISLATOR_HEADS = frozenset({"senators", "lawmakers", "congressmen", "legislators"})
#: Party adjectives before them, and the country whose party they name.
PARTY_COUNTRIES = {"democratic": "USA", "republican": "USA"}
#: Plural nouns of states, and the regions before them that make a group of states (a region the
#: dictionary knows, "European", "Western", is its own actor and not read here).
STATE_HEADS = frozenset({"countries", "states", "nations", "governments"})
REGIONS = frozenset({"arab", "caribbean", "african", "asian", "gulf", "muslim", "nordic", "baltic", "balkan", "foreign"})
#: Groups named by a fixed phrase.
FIXED_GROUPS = (("international", "community"), ("world", "powers"), ("coalition", "forces"), ("coalition", "troops"))


#: Words written in lower case in a group's name; the others are proper adjectives ("Arab", "Democratic").
_COMMON = frozenset({w for m in NGO_MODIFIERS for w in m} | NGO_HEADS | LEGISLATOR_HEADS | STATE_HEADS
                    | {w for p in FIXED_GROUPS for w in p} | {"foreign"})


def _ngo_start(b: DocActorsBuilder, head: int) -> int | None:
    words = b.lower
    for modifier in NGO_MODIFIERS:
        start = head - len(modifier)
        if start >= 0 and tuple(words[start:head]) == modifier:
            return start
    return None


def read_generic_groups(b: DocActorsBuilder) -> None:
    """Refer each generic group phrase to its group actor."""
    doc = b.doc
    for token in doc:
        word = token.lower_
        if token.pos_ not in ("NOUN", "PROPN") or b.ref_at(token.i) is not None:
            continue
        country = None
        if token.i > 0 and (doc[token.i - 1].lower_, word) in FIXED_GROUPS:
            start = token.i - 1
        elif token.tag_ not in ("NNS", "NNPS"):
            continue
        elif word in NGO_HEADS:
            start = _ngo_start(b, token.i)
        elif word in LEGISLATOR_HEADS and token.i > 0 and doc[token.i - 1].lower_ in PARTY_COUNTRIES:
            start, country = token.i - 1, PARTY_COUNTRIES[doc[token.i - 1].lower_]
        elif word in STATE_HEADS and token.i > 0 and doc[token.i - 1].lower_ in REGIONS:
            start = token.i - 1
        else:
            continue
        if start is None or any(b.ref_at(i) is not None for i in range(max(0, start - 1), token.i)):
            continue  # "Syrian aid groups", or words already taken
        words = [t.lower_ if t.lower_ in _COMMON else t.lower_.capitalize() for t in doc[start : token.i + 1]]
        name = " ".join(words)
        b.add(start, token.i + 1, Actor(id=slugify(name), name=name, type="group", country=country), "name")
