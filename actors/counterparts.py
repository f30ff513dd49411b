"""Counterparts: "Lavrov met *his Turkish counterpart*" is Turkey's foreign minister on that date.

Diplomatic copy names the other side of a meeting by the office it shares
with someone just named: "Putin, in a call with his Turkish counterpart",
"Merkel's French counterpart". The phrase is read after pronouns are
resolved (its owner is often *his*/*her*): the owner's office on the
mention's date (from the dictionary's dated roles, the office-holder history
or a role the text itself gave), held in the country of the adjective or
possessive, gives the holder. Heads of state and government are matched as
the country's leader ("Putin's German counterpart" is the chancellor, the
office that leads Germany). When no named holder is known, or the owner's
office is not known, the phrase stays the state it names.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.offices import is_placeholder, mention_date, offices_of, resolve_office
from diplograph.actors.phrases import indicator_of
from diplograph.actors.titles import LEADER, TITLES

__all__ = ["resolve_counterparts"]

_COUNTERPART_WORDS = frozenset({"counterpart", "opposite", "equivalent"})


def resolve_counterparts(b: DocActorsBuilder) -> None:
    """Point each "<owner's> <country> counterpart" at the holder of the owner's office in that country."""
    for token in b.doc:
        if token.lower_ in _COUNTERPART_WORDS and token.pos_ == "NOUN" and b.ref_at(token.i) is None:
            _resolve(b, token)


def _owner(b: DocActorsBuilder, token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "poss":
            actor = b.actor_at(child.i)
            return actor if actor is not None and b.type_of(actor) == "person" else None
    return None


def _resolve(b: DocActorsBuilder, token: Token) -> None:
    indicator = indicator_of(b, token.i - 1)
    after = token.i + 2 if token.i + 2 < len(b.doc) and b.doc[token.i + 1].text == "," else token.i + 1
    following = b.ref_at(after) if after < len(b.doc) else None
    if following is not None and b.type_of(following.actor) == "person":
        if indicator is not None and indicator.org is None and not indicator.possessive:
            b.add(indicator.ref.start, token.i + 1, following.actor, "description")  # "his Russian counterpart(,)
        return  # Sergei Lavrov": the name says who, and "Russian" is part of the description, no actor of its own
    owner = _owner(b, token)
    if indicator is None or indicator.org is not None or indicator.country is None or owner is None:
        return
    if indicator.country == b.country_of(owner):
        return
    date = mention_date(b, token)
    for office, category in offices_of(b, owner, date):
        if office.organization is not None:
            continue
        title = TITLES.get(LEADER if category == LEADER else office.title)
        if title is None:
            continue
        holder = resolve_office(b, title, indicator.country, None, token)
        if holder is not None and holder != owner and b.type_of(holder) == "person" and not is_placeholder(holder):
            b.add(indicator.ref.start, token.i + 1, holder, "description")
            return
