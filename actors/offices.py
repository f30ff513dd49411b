"""Unnamed office holders, resolved by date: "the German foreign minister" on 1 February 2017 is Sigmar Gabriel.

A description naming an office of a country or organization ("the US
president", "France's foreign minister", "the UN secretary-general", "the
British leader") is resolved on the date of its sentence — a year the sentence
gives ("in 2008, the US president …"), else the document's date, else today —
in this order:

1. the most recent person of the document who holds that office on that date
   (a role the text gave them — "German Foreign Minister Sigmar Gabriel" —
   or a dictionary role valid on that date);
2. the holder on that date in the curated history
   (:mod:`~diplograph.actors.history`; "leader" is the office the history marks
   as the country's leading one);
3. a dictionary person whose role holds on that date (undated roles only
   within their ``roles_since``);
4. otherwise, for an office one person holds at a time (:data:`UNIQUE_CATEGORIES`:
   leaders, deputies, named ministries, secretaries-general, chiefs of staff),
   an *office placeholder*: a provisional person standing for "the holder of
   this office on this date", which the corpus-wide merge
   (:func:`~diplograph.actors.corpus_roles.resolve_placeholders`) turns into the
   holder another article of the same period names, or else into the state (or
   organization) itself with the sector ``GOV`` — never into a holder from
   another period;
5. for an office many hold at once ("the Chinese ambassador", "the US special
   envoy", "a Russian official"), the state itself with its sector (``GOV``;
   ``MIL`` for military titles, ``LEG`` for lawmakers), or the organization.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.history import office_history
from diplograph.actors.roles import Office, Role, held_on, role_office
from diplograph.actors.titles import LEADER, TITLES, Title, parse_role
from diplograph.base.models import Actor, slugify

__all__ = [
    "PLACEHOLDER_PREFIX",
    "UNIQUE_CATEGORIES",
    "title_sector",
    "is_placeholder",
    "mention_date",
    "offices_of",
    "holds_office",
    "affiliation",
    "resolve_office",
    "holder_of",
]

#: Ids of office placeholders start with this (they never reach the output).
PLACEHOLDER_PREFIX = "office-of-"

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}  # fmt: skip
_YEAR = re.compile(r"^(19[5-9][0-9]|20[0-4][0-9])$")
_TIME_PREPOSITIONS = frozenset({"in", "on", "during", "since", "until", "by"})
_HEADS = frozenset({"leader", "head"})

#: Title categories (:mod:`~diplograph.actors.titles`) of offices one person holds at a time.
UNIQUE_CATEGORIES = frozenset({LEADER, "deputy", "minister"})
_UNIQUE_TITLES = frozenset({"secretary general", "chief of the general staff", "commander-in-chief",
                            "national security adviser", "chief of staff"})  # fmt: skip
_MANY_HOLDERS = frozenset({"minister", "head"})  # "a minister", "the head": not one office
_LEGISLATIVE = frozenset({"lawmaker", "senator", "speaker"})


def _unique(title: Title) -> bool:
    if title.canonical in _MANY_HOLDERS:
        return False
    return title.category in UNIQUE_CATEGORIES or title.canonical in _UNIQUE_TITLES


def title_sector(title: Title) -> str:
    """The CAMEO sector of a state's official with this title: ``MIL``, ``LEG`` or ``GOV``."""
    if title.category == "military":
        return "MIL"
    return "LEG" if title.canonical in _LEGISLATIVE else "GOV"
_SYNONYMS = {"prime minister": "chancellor", "chancellor": "prime minister"}


def is_placeholder(actor_id: str) -> bool:
    """True for the id of an office placeholder."""
    return actor_id.startswith(PLACEHOLDER_PREFIX)


def _explicit_date(sentence) -> dt.date | None:
    """A past date the sentence states with a year ("in 2008", "on March 3, 2015", "in May 2016")."""
    words = [t.lower_ for t in sentence]
    for i, word in enumerate(words):
        if not _YEAR.match(word) or i == 0:
            continue
        j = i - 1
        month = day = None
        if words[j] == "," and j > 0:
            j -= 1
        if words[j].isdigit() and len(words[j]) <= 2 and j > 0 and words[j - 1] in _MONTHS:
            day, month, j = int(words[j]), _MONTHS[words[j - 1]], j - 2
        elif words[j] in _MONTHS:
            month, j = _MONTHS[words[j]], j - 1
        if j >= 0 and words[j] in _TIME_PREPOSITIONS:
            try:
                return dt.date(int(word), month or 7, day or (15 if month else 1))
            except ValueError:
                return None
    return None


def mention_date(b: DocActorsBuilder, token: Token) -> dt.date | None:
    """The date an office is meant on: a past year stated in the sentence, else the document's date."""
    document = b.document.date
    stated = _explicit_date(token.sent)
    if stated is not None and (document is None or (stated.year != document.year and stated < document)):
        return stated
    return document


def _lookup(b: DocActorsBuilder):
    return b.dictionary.lookup


def offices_of(b: DocActorsBuilder, person: str, date: dt.date | None) -> list[tuple[Office, str]]:
    """The offices ``person`` holds on ``date``, with their title category, as far as the dictionary and text tell."""
    found: list[tuple[Office, str]] = []
    entry = b.dictionary.get(person)
    country = b.country_of(person)
    roles: list[Role | str] = list(entry.roles) if entry is not None else []
    if entry is None and person in b.actors:
        roles = list(b.actors[person].roles)
    for role in roles:
        if held_on(role, date, roles_since=entry.roles_since if entry is not None else None):
            office = role_office(role, country=country, lookup=_lookup(b))
            if office is not None:
                found.append((office, _category(office.title)))
    for role in b.learned_roles.get(person, ()):  # the text says so: held on the document's date
        office = role_office(role, country=country, lookup=_lookup(b))
        if office is not None:
            found.append((office, _category(office.title)))
    return found


def _category(canonical: str) -> str:
    title = TITLES.get(canonical)
    return title.category if title is not None else ""


def _matches(held: Office, category: str, wanted: Office) -> bool:
    if held.organization != wanted.organization:
        return False
    if wanted.country is not None and held.country != wanted.country:
        return False
    if held.title == wanted.title or _SYNONYMS.get(wanted.title) == held.title:
        return True
    return wanted.title in _HEADS and (category == LEADER or wanted.organization is not None)


def holds_office(b: DocActorsBuilder, person: str, title: Title, country: str | None, org: str | None,
                 date: dt.date | None = None) -> bool:
    """True when ``person`` holds ``title`` (of ``country`` or in ``org``) on ``date``."""
    wanted = Office(title.canonical, country, org)
    return any(_matches(held, category, wanted) for held, category in offices_of(b, person, date))


def affiliation(b: DocActorsBuilder, person: str) -> str | None:
    """The organization or group a person holds an office in ("NATO secretary general" → NATO)."""
    for role in b.roles_of(person):
        parsed = parse_role(role) if isinstance(role, str) else None
        if isinstance(role, Role) and role.organization:
            return role.organization if role.organization in b.dictionary else None
        if parsed is not None and parsed[1]:
            hit = b.dictionary.lookup(parsed[1])
            if hit is not None and b.dictionary[hit[0]].type in ("organization", "group"):
                return hit[0]
    return None


def _history_holder(title: Title, country: str | None, org: str | None, date: dt.date | None) -> str | None:
    history = office_history()
    if title.canonical in _HEADS and country is not None:
        offices = history.leader_offices(country, date)
    else:
        office = Office(title.canonical, None if org else country, org)
        synonym = Office(_SYNONYMS.get(title.canonical, ""), office.country, org)
        offices = [office] if office in history else [synonym] if synonym in history else []
    for office in offices:
        holder = history.holder(office, date)
        if holder is not None:
            return holder
    return None


def _dictionary_holder(b: DocActorsBuilder, title: Title, country: str | None, org: str | None,
                       date: dt.date | None) -> str | None:
    pool = b.dictionary.of_country(country, actor_type="person") if country else list(b.dictionary.persons())
    for entry in pool:
        if entry.id not in b.actors:
            b.actors[entry.id] = b.dictionary.actor(entry.id)
        if holds_office(b, entry.id, title, country, org, date):
            return entry.id
    return None


def _placeholder(b: DocActorsBuilder, title: Title, country: str | None, org: str | None,
                 date: dt.date | None) -> str:
    owner = org or b.dictionary.state_of(country) or (country or "").lower()
    when = date.isoformat() if date else "undated"
    actor_id = f"{PLACEHOLDER_PREFIX}{slugify(title.canonical)}-{owner}-{when}"
    if actor_id not in b.actors:
        where = b.dictionary[owner].name if owner in b.dictionary else country or org or ""
        b.actors[actor_id] = Actor(
            id=actor_id, name=f"{title.canonical} of {where}", type="person", country=country, roles=(title.canonical,)
        )
        b.offices[actor_id] = {
            "title": title.canonical, "country": country, "organization": org,
            "owner": owner if owner in b.dictionary else None, "date": date.isoformat() if date else None,
        }
    return actor_id


def _named_holder(b: DocActorsBuilder, title: Title, country: str | None, org: str | None, token: Token,
                  date: dt.date | None) -> str | None:
    """The most recent person of the document before ``token`` holding the office on ``date`` (step 1)."""
    for person in b.recent_actors(token.i, "person"):
        if not is_placeholder(person) and holds_office(b, person, title, country, org, date):
            return person
    return None


def resolve_office(b: DocActorsBuilder, title: Title, country: str | None, org: str | None, token: Token) -> str | None:
    """The person (or office placeholder) an unnamed title at ``token`` refers to; None without a country or organization.

    See the module docstring for the order of the steps.
    """
    date = mention_date(b, token)
    person = _named_holder(b, title, country, org, token, date)
    if person is not None:
        return person
    if country is None and org is None:
        holder = office_history().sole_holder(title.canonical, date)
        if holder is not None and holder not in b.actors:
            b.actors[holder] = b.dictionary.actor(holder)
        return holder
    holder = _history_holder(title, country, org, date) or _dictionary_holder(b, title, country, org, date)
    if holder is not None:
        if holder not in b.actors:
            b.actors[holder] = b.dictionary.actor(holder)
        return holder
    if _unique(title):
        return _placeholder(b, title, country, org, date)
    owner = org or b.dictionary.state_of(country)
    if owner is not None and owner not in b.actors:
        b.actors[owner] = b.dictionary.actor(owner)
    return owner


def holder_of(b: DocActorsBuilder, title: Title, owner: str, token: Token) -> str:
    """The person of the document holding ``title`` of ``owner`` (a state or organization) on the date of
    ``token``, else ``owner`` itself: one member of "the presidents of *Russia* and *Turkey*".

    Only people the text has named count: a list of offices the text never fills stays a list of states
    ("the leaders of France, Germany and Italy will hold a call"), and no placeholder is made (the plural
    reference has one head and one sector)."""
    kind = b.type_of(owner)
    if kind not in ("state", "organization", "group"):
        return owner
    org = owner if kind != "state" else None
    return _named_holder(b, title, b.country_of(owner), org, token, mention_date(b, token)) or owner
