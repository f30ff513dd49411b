"""Sectors: which part of a state a phrase names ("Afghan *police*" → ``COP``), and generic agents that are
not the state ("Syrian *rebels*").

CAMEO codes the part of a state that acts: ``GOV`` (government, ministries,
officials), ``MIL`` (armed forces), ``COP`` (police, security forces), ``SPY``
(intelligence), ``LEG`` (parliament), ``JUD`` (courts, prosecutors). A demonym
or state before such a noun refers to the state, and the sector is kept on the
mention (``Mention.sector``) and, by the relation step, on the relation. Rebels,
the opposition and militants (``REB``, ``OPP``, ``UAF``) are *not* the state:
"Syrian rebels" is a group actor of its own ("Syrian rebels", country SYR), one
per country and sector, so every article's "Syrian rebels" is the same node.

The words come from the curated institution nouns of
:mod:`~diplograph.actors.titles` (their sector notes), then from the Phoenix
generic agents (:mod:`~diplograph.actors.phoenix`: "riot police", "border
guards", "coast guard" …) for state sectors; titles ("president") are never
read as sectors here — they are offices (:mod:`~diplograph.actors.offices`).
"""

from __future__ import annotations

from diplograph.actors.phoenix import phoenix_index
from diplograph.actors.titles import INSTITUTION_SECTORS, PLURAL_TITLES, TITLES
from diplograph.base.models import Actor, slugify

__all__ = [
    "NOTE_SECTORS",
    "STATE_SECTORS",
    "NON_STATE_SECTORS",
    "note_sector",
    "phrase_sector",
    "agent_sector",
    "is_agent_noun",
    "cameo_sector",
    "sector_group",
]

#: CAMEO code of each curated institution note.
NOTE_SECTORS = {
    "military": "MIL",
    "government": "GOV",
    "leadership": "GOV",
    "intelligence": "SPY",
    "parliament": "LEG",
    "police": "COP",
    "judiciary": "JUD",
    "rebels": "REB",
    "opposition": "OPP",
    "militants": "UAF",
}

#: Sectors that are the state itself.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
#: Sectors that are not the state: each becomes a group actor per country.
NON_STATE_SECTORS = {"REB": "rebels", "OPP": "opposition", "UAF": "militants"}


def note_sector(note: str | None) -> str | None:
    """The CAMEO code of a sector or role note ("military" → ``MIL``; a title such as "head of government" → ``GOV``)."""
    if note is None:
        return None
    return NOTE_SECTORS.get(note, "GOV")


def cameo_sector(code: str) -> str | None:
    """The three-letter sector of a Phoenix agent code: ``GOVCOP`` → ``COP``, ``MILSPY`` → ``MIL``, ``REB`` → ``REB``."""
    primary, rest = code[:3], code[3:6]
    if primary == "GOV" and rest in STATE_SECTORS:
        return rest
    return primary if primary in STATE_SECTORS or primary in NON_STATE_SECTORS else None


def phrase_sector(words: list[str]) -> str | None:
    """The sector of an institution phrase (lower-case words, "riot police"), or None.

    Curated nouns first (their last one or two words), then the Phoenix agents
    for state sectors only; a title ("president") is not a sector phrase.
    """
    phrase = " ".join(words)
    last_two = " ".join(words[-2:])
    for key in (phrase, last_two, words[-1] if words else ""):
        if key in INSTITUTION_SECTORS:
            return NOTE_SECTORS.get(INSTITUTION_SECTORS[key], "GOV")
    return agent_sector(words)


def agent_sector(words: list[str]) -> str | None:
    """The state sector of a phrase that is a Phoenix generic agent as a whole ("riot police" → ``COP``), or None."""
    phrase = " ".join(words)
    if not words or phrase in TITLES or words[-1] in TITLES:
        return None
    code = phoenix_index().agent(phrase)
    sector = cameo_sector(code) if code else None
    return sector if sector in STATE_SECTORS else None


def is_agent_noun(noun: str) -> bool:
    """Does ``noun`` (lower case) name people: a Phoenix generic agent ("diplomats", "refugees"), a title
    ("president", "envoys"), an institution ("delegation", "government") or a counterpart/guest?"""
    return (noun in TITLES or noun in PLURAL_TITLES or noun in INSTITUTION_SECTORS or noun in _PEOPLE_NOUNS
            or phoenix_index().agent(noun) is not None)


_PEOPLE_NOUNS = frozenset({"counterpart", "counterparts", "guest", "guests", "visitor", "visitors", "host", "hosts"})


def civil_agent(noun: str) -> bool:
    """Is ``noun`` (lower case) a Phoenix generic agent of civil society ("tourists" CVL, "companies" BUS,
    "students" EDU, "protesters" OPP): a state's people, never the state itself?"""
    code = phoenix_index().agent(noun)
    return code is not None and cameo_sector(code) not in STATE_SECTORS


def is_sector_group(actor: Actor) -> bool:
    """Is ``actor`` the rebels, opposition or militants of a country (:func:`sector_group`)?"""
    return actor.type == "group" and actor.name.rsplit(" ", 1)[-1] in NON_STATE_SECTORS.values() and bool(actor.country)


def sector_group(state: Actor, demonym: str, sector: str) -> Actor:
    """The group actor of a non-state sector of a country: "Syrian rebels" (group, SYR)."""
    noun = NON_STATE_SECTORS[sector]
    name = f"{demonym} {noun}"
    return Actor(id=slugify(name), name=name, type="group", country=state.country)
