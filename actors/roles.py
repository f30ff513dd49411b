"""Roles with dates: who holds which office, of which country or organization, and when.

A role in a dictionary entry is either plain text ("special envoy for Ukraine")
or a :class:`Role` with its office, country or organization and dates::

    roles:
      - president                                     # undated: see ``roles_since``
      - {title: foreign minister, country: DEU, start: 2017-01-27, end: 2018-03-14}
      - {title: secretary general, organization: nato, start: 2024-10-01}

An undated role holds on the dates its entry's ``roles_since`` allows (the
built-in persons describe the offices of 2025: ``roles_since: 2025-01-01``, so
a 2017 article never gives "the German foreign minister" a 2025 holder). A
dated role holds from ``start`` to ``end`` (``end`` null: still in office as
far as the data knows). A document without a date is read as of today, where
only open-ended and undated roles hold.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator

from diplograph.actors.titles import TITLES, Title, parse_role

__all__ = ["Role", "Office", "office_of", "role_office", "role_text", "held_on"]


class Role(BaseModel):
    """An office held by a person: title, where, and when.

    Attributes:
        title: the office as written in English ("foreign minister", "president");
            any title of :mod:`~diplograph.actors.titles` is understood.
        country: ISO3 code of the state the office belongs to, or None.
        organization: id of the organization the office belongs to ("nato"), or None.
        start: the first day in office (None: not known).
        end: the day the holder left office (None: in office as far as the data knows).
        source: where the dates come from ("Wikipedia: ...", a document id).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str = Field(min_length=1)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    organization: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]*$")
    start: dt.date | None = None
    end: dt.date | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"role ends ({self.end}) before it starts ({self.start})")
        if not self.title.strip():
            raise ValueError("role title is blank")
        return self

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


class Office(NamedTuple):
    """An office independent of its holder: canonical title and country or organization."""

    title: str
    country: str | None
    organization: str | None


def office_of(title: Title | str) -> str:
    """The canonical office name of a title ("premier" → "prime minister", "top diplomat" → "foreign minister")."""
    if isinstance(title, Title):
        return title.canonical
    found = TITLES.get(" ".join(title.lower().split()))
    return found.canonical if found is not None else " ".join(title.lower().split())


def role_office(role: Role | str, *, country: str | None = None, lookup=None) -> Office | None:
    """The office a role names, or None for former offices and texts without a known title.

    Args:
        role: a :class:`Role` or a plain role text ("NATO secretary general").
        country: the country of the role holder, used for plain-text roles without an organization.
        lookup: ``text -> (actor_id, kind) | None`` (the dictionary's lookup), to read an
            organization prefix of a plain-text role ("NATO" in "NATO secretary general").
    """
    if isinstance(role, Role):
        parsed = parse_role(role.title)
        title = parsed[0].canonical if parsed is not None else office_of(role.title)
        return Office(title, None if role.organization else role.country, role.organization)
    parsed = parse_role(role)
    if parsed is None:
        return None
    held, prefix = parsed
    organization = None
    if prefix and lookup is not None:
        hit = lookup(prefix)
        organization = hit[0] if hit is not None else None
    return Office(held.canonical, None if organization else country, organization)


def role_text(role: Role | str, organization_name: str | None = None) -> str:
    """A role as the text of ``Actor.roles``: "foreign minister (2017-01-27 to 2018-03-14)"."""
    if isinstance(role, str):
        return role
    title = f"{organization_name} {role.title}" if organization_name else role.title
    if role.start and role.end:
        return f"{title} ({role.start.isoformat()} to {role.end.isoformat()})"
    if role.start:
        return f"{title} (since {role.start.isoformat()})"
    if role.end:
        return f"{title} (until {role.end.isoformat()})"
    return title


def held_on(role: Role | str, date: dt.date | None, *, roles_since: dt.date | None = None) -> bool:
    """True when ``role`` is held on ``date`` (None: today, as far as the data knows).

    Undated roles hold when ``roles_since`` is None or ``date`` is not before it;
    an undated document counts as today.
    """
    if isinstance(role, str) or not role.dated:
        return date is None or roles_since is None or date >= roles_since
    if date is None:
        return role.end is None
    return (role.start is None or role.start <= date) and (role.end is None or date < role.end)
