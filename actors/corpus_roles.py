"""Roles the corpus teaches itself: "German Foreign Minister Sigmar Gabriel" in one article names the
holder of "the German foreign minister" in the other articles of the same period.

Each document reports (``DocActors.learned``) the roles its text gives people,
with the document's date, and the office placeholders it could not resolve
(:mod:`~diplograph.actors.offices`). :func:`resolve_placeholders` runs once
over the whole corpus, in the actor merge: a placeholder becomes the person
the corpus names in that office closest in time, within :data:`PERIOD` of the
placeholder's date (undated placeholders only from undated documents); when
no article of the period names one — or two people are equally close — it
becomes the state itself (its government: sector ``GOV``) or the organization
the office belongs to. Every decision depends only on the set of records, not
on the order of documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from diplograph.actors.titles import LEADER, TITLES

__all__ = ["PERIOD", "Resolution", "resolve_placeholders"]

#: How far apart in time an article naming an office holder and an unnamed title may be.
PERIOD = dt.timedelta(days=120)

_SYNONYMS = {"prime minister": "chancellor", "chancellor": "prime minister"}


class Resolution(tuple):
    """``(final id, sector)``: what an office placeholder became (sector ``GOV`` for a state's government)."""

    __slots__ = ()

    def __new__(cls, actor: str, sector: str | None) -> Resolution:
        return super().__new__(cls, (actor, sector))

    @property
    def actor(self) -> str:
        return self[0]

    @property
    def sector(self) -> str | None:
        return self[1]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _fits(role: dict, office: dict) -> bool:
    if role["organization"] != office["organization"]:
        return False
    if office["organization"] is None and role["country"] != office["country"]:
        return False
    wanted, held = office["title"], role["title"]
    if held == wanted or _SYNONYMS.get(wanted) == held:
        return True
    title = TITLES.get(held)
    return wanted in ("leader", "head") and title is not None and title.category == LEADER


def _distance(role: dict, office: dict) -> dt.timedelta | None:
    """How far the role's document is from the placeholder's date; None when out of the period."""
    held, wanted = _date(role["date"]), _date(office["date"])
    if held is None or wanted is None:
        return dt.timedelta(0) if held is None and wanted is None else None
    gap = abs(held - wanted)
    return gap if gap <= PERIOD else None


def resolve_placeholders(
    learned: Iterable[dict], final: Callable[[str], str], is_person: Callable[[str], bool]
) -> dict[str, Resolution]:
    """What every office placeholder of the corpus becomes.

    Args:
        learned: the ``learned`` records of every document.
        final: provisional person id -> its id after the merge.
        is_person: whether a final id is a person (a role given to a name merged into a state is ignored).

    Returns:
        placeholder id -> :class:`Resolution`; placeholders whose office has no
        known owner (a state or organization of the dictionary) are left out.
    """
    roles = [r for r in learned if r["kind"] == "role"]
    offices = {o["id"]: o for o in learned if o["kind"] == "office"}
    result: dict[str, Resolution] = {}
    for placeholder in sorted(offices):
        office = offices[placeholder]
        nearest: dict[str, dt.timedelta] = {}
        for role in roles:
            if not _fits(role, office):
                continue
            gap = _distance(role, office)
            person = final(role["person"])
            if gap is not None and is_person(person):
                nearest[person] = min(gap, nearest.get(person, gap))
        ranked = sorted(nearest.items(), key=lambda item: (item[1], item[0]))
        if ranked and (len(ranked) == 1 or ranked[0][1] < ranked[1][1]):
            result[placeholder] = Resolution(ranked[0][0], None)
        elif office["owner"] is not None:
            result[placeholder] = Resolution(office["owner"], "GOV" if office["organization"] is None else None)
    return result
