"""The entity pass: dictionary spans and NER spans become references to actors.

Dictionary spans (from the actor ruler) keep their dictionary actor. NER
spans outside the dictionary become new actors with a provisional slug id,
typed from their label: PERSON → person, GPE/LOC → place, ORG →
organization (or media when the name looks like an outlet); NORP only when
the dictionary knows the demonym. Noise never becomes an actor: spans with
digits, lower-case or generic words ("Security Council" on its own),
weapon names, reporters in bylines. A demonym before a media noun ("French
media") is the press of that country, typed ``media``.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.institutions import generic_institution
from diplograph.actors.names import HONORIFICS, WEAPON_NAMES, byline_tokens, clean_bounds, dateline_tokens, is_fragment, is_noise
from diplograph.actors.titles import EQUIPMENT_NOUNS, GENERIC_ORG_WORDS, MEDIA_NAME_WORDS, MEDIA_NOUNS, TITLES
from diplograph.actors.spans import entity_spans
from diplograph.actors.things import names_a_thing, thing_acronyms
from diplograph.actors.unknown import phoenix_actor, place_names, text_type
from diplograph.actors.variants import dictionary_person, name_parts, same_person
from diplograph.base.models import Actor, slugify

__all__ = ["NEW_ACTOR_TYPES", "WEAPON_NAMES", "EQUIPMENT_NOUNS", "byline_tokens", "recognize_entities"]

#: Actor type for NER labels of spans the dictionary does not know.
NEW_ACTOR_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}

_LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "at"})
#: Types of one body under two labels: a name typed group once and organization once is one actor.
_BODIES = frozenset({"organization", "group"})
_POSSESSIVE_TAIL = re.compile(r"['\u2019]s(-\w+)?$")
_GLUED = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Mme|Prof|Sen|Gen)[.-](?=[A-Z])")


def _new_actor(b: DocActorsBuilder, name: str, actor_type: str, *, country: str | None = None) -> Actor:
    """A provisional actor; its id never collides with a dictionary actor of another identity."""
    actor_id = slugify(name)
    earlier = b.actors.get(actor_id)
    if earlier is not None and actor_id not in b.dictionary and {earlier.type, actor_type} <= _BODIES:
        return earlier  # "the Kurdish YPG militia" (a group) and "the YPG" (tagged ORG): one body
    if actor_id in b.dictionary or (earlier is not None and earlier.type != actor_type):
        actor_id = f"{actor_id}-{actor_type}"
    existing = b.actors.get(actor_id)
    return existing or Actor(id=actor_id, name=name, type=actor_type, country=country)  # type: ignore[arg-type]


def _doc_person(b: DocActorsBuilder, name: str, before: int, *, exact: bool = False) -> str | None:
    """The person already referred to in the document that ``name`` names; the most recent wins.

    With ``exact``, only the same full name or the same surname counts (for names the model
    did not tag as a person: "Solvang" tagged ORG after "Ingrid Solvang").
    """
    parts = name_parts(name)
    for person in b.recent_actors(before, "person"):
        actor = b.actors[person]
        forms = [name_parts(actor.name), *(name_parts(a) for a in actor.aliases)]
        if exact and any(parts == form or len(form) > 1 and parts == form[-1:] for form in forms):
            return person
        if not exact and any(same_person(parts, form) for form in forms):
            return person
    return None


def _person(b: DocActorsBuilder, start: int, end: int, name: str | None = None) -> None:
    span = b.doc[start:end]
    name = name or span.text
    actor_id = _doc_person(b, name, start) or dictionary_person(name, b.dictionary)
    if actor_id is not None:
        b.add(start, end, actor_id if actor_id in b.actors else b.dictionary.actor(actor_id), "alias")
        return
    if len(span) == 1 and span[0].lower_ in TITLES:
        return
    b.add(start, end, _new_actor(b, name, "person"), "name")


def _institution_owner(b: DocActorsBuilder, start: int) -> int | None:
    """The reference of the state owning a generic institution ("Ukraine's General Staff"), or None."""
    doc = b.doc
    i = start - 1
    if i >= 0 and doc[i].lower_ in ("'s", "\u2019s"):
        i -= 1
    ref = b.ref_at(i) if i >= 0 else None
    if ref is None or len(ref.actors) != 1 or b.type_of(ref.actor) not in ("state", "organization", "group"):
        return None
    return ref.start


def _organization(b: DocActorsBuilder, start: int, end: int, country: str | None = None) -> None:
    span = b.doc[start:end]
    words = [t.lower_ for t in span]
    if generic_institution(b, start, end, _institution_owner(b, start)):
        return
    if all(w in GENERIC_ORG_WORDS for w in words):
        return
    if start > 0 and b.doc[start - 1].lower_ in _LOCATIVE_PREPS and len(span) == 1:
        b.add(start, end, _new_actor(b, span.text, "place"), "name")
        return
    actor_type = "media" if MEDIA_NAME_WORDS & set(words) else "organization"
    b.add(start, end, _new_actor(b, span.text, actor_type, country=country), "name")


_ONE_JOURNALIST = frozenset({"journalist", "reporter", "blogger"})


def _media_after_demonym(b: DocActorsBuilder, ent: Span, actor_id: str) -> bool:
    """Turn "French media" / "Russian state television" into a media actor; True if done."""
    doc = b.doc
    i = ent.end
    while i < len(doc) and doc[i].lower_ in ("state", "state-run", "state-owned", "independent", "local", "national"):
        i += 1
    if i >= len(doc) or doc[i].lower_ not in MEDIA_NOUNS or doc[i].lower_ in _ONE_JOURNALIST:
        return False  # "a Palestinian journalist" is a person, not the Palestinian media
    country = b.dictionary[actor_id].country
    name = f"{ent.text} media"
    b.add(ent.start, i + 1, _new_actor(b, name, "media", country=country), "name")
    return True


def _dictionary_entity(b: DocActorsBuilder, ent: Span, actor_id: str, byline: set[int]) -> None:
    entry = b.dictionary[actor_id]
    hit = b.dictionary.lookup(ent.text)
    kind = hit[1] if hit and hit[0] == actor_id else "alias"
    if entry.type == "person" and ent.start in byline:
        return
    if kind == "demonym" and _media_after_demonym(b, ent, actor_id):
        return
    following = b.doc[ent.end] if ent.end < len(b.doc) else None
    if (kind == "metonym" or entry.type == "place") and following is not None and following.lower_ in _VENUE_NAMED and (
            following.pos_ in ("NOUN", "PROPN")):
        return  # "the Minsk agreements", "the Astana talks", "the Geneva process": where, not who
    b.add(ent.start, ent.end, actor_id, kind)


def _given_name_collision(b: DocActorsBuilder, ent: Span) -> bool:
    """A one-word person name right after a one-word state or place: "Jordan Bardella" is one person."""
    if ent.start == 0:
        return False
    previous = b.ref_at(ent.start - 1)
    return (
        previous is not None
        and previous.end == ent.start
        and previous.end - previous.start == 1
        and previous.kind == "name"
        and b.type_of(previous.actor) in ("state", "place")
        and b.doc[previous.start].whitespace_ != ""
        and len(ent) == 1
    )


def _glued_honorific(text: str) -> str:
    """A name without an honorific or a possessive glued on by scraping ("Ms-Kallas", "May's-own")."""
    match = _GLUED.match(text)
    text = text[match.end() :] if match else text
    return _POSSESSIVE_TAIL.sub("", text)


def recognize_entities(b: DocActorsBuilder) -> None:
    """Add a reference for every entity of the document that names an actor."""
    doc = b.doc
    byline = byline_tokens(b)
    datelines = b.datelines = dateline_tokens(b)
    lowercase_words = frozenset(t.text for t in doc if t.text.islower())
    spans = entity_spans(b)
    places = place_names(b, spans)
    things = thing_acronyms(doc)
    for candidate in spans:
        if candidate.ent_id and candidate.ent_id in b.dictionary:
            _dictionary_entity(b, doc[candidate.start : candidate.end], candidate.ent_id, byline)
            continue
        label = candidate.label
        actor_type = NEW_ACTOR_TYPES.get(label)
        if actor_type is None and label != "NORP":
            continue
        start, end = clean_bounds(b, candidate.start, candidate.end, label, datelines)
        if start >= end or is_noise(b, doc[start:end], label, lowercase_words):
            continue
        span = doc[start:end]
        text = _glued_honorific(span.text)
        honorific = text != span.text or any(_honorific_word(t.text) for t in doc[max(candidate.start - 1, 0) : start])
        hit = b.dictionary.lookup(text)
        if hit is not None:
            if not (b.dictionary[hit[0]].type == "person" and start in byline):
                b.add(start, end, hit[0], hit[1])
            continue
        if start in byline:
            continue
        generic = all(t.lower_ in GENERIC_ORG_WORDS for t in span)  # "Security Council" alone: a fragment
        known = None if generic else phoenix_actor(b, text, label)
        if known is not None and not (honorific and _typed(b, known[0]) != "person"):
            actor, sector = known
            b.add(start, end, actor, "alias" if isinstance(actor, str) else "name")
            if sector is not None:
                b.sectors[end - 1] = sector
            continue
        if actor_type is None or is_fragment(b, span, label):
            continue
        if text in things or (actor_type == "organization" and names_a_thing(text)):
            continue  # "an air defence identification zone (ADIZ)", "the Libyan Political Agreement"
        kind = "person" if honorific else text_type(b, span, actor_type, places)
        if ".com" in text.lower() or ".org" in text.lower():
            kind = "media"  # a website
        if kind != "group" and _names_a_thing(b, end):
            continue  # "Rafale fighters", "the Zohr natural gas field"; but "Hayat Tahrir al-Sham fighters"
        earlier = _doc_person(b, text, start, exact=True) if kind != "person" else None
        if earlier is not None:
            b.add(start, end, earlier, "alias")
        elif kind == "person":
            if _given_name_collision(b, span):
                start = start - 1
                b.remove(start, end)
            _person(b, start, end, text if start == span.start else None)
        elif kind == "organization":
            _organization(b, start, end, candidate.country)
        else:
            b.add(start, end, _new_actor(b, text, kind), "name")


#: Things a city or region gives its name to, as the place they were made or held: no party of theirs.
_VENUE_NAMED = frozenset({"agreement", "agreements", "accord", "accords", "format", "process", "protocol", "talks",
                          "declaration", "memorandum", "peace"})
_THINGS = EQUIPMENT_NOUNS | {"field", "fields", "project", "award", "awards", "prize", "festival", "deal", "treaty",
                             "base", "bases", "camp", "site", "terminal", "format", "accord", "accords"}  # fmt: skip


def _names_a_thing(b: DocActorsBuilder, end: int) -> bool:
    """A name before a thing noun, over at most two modifiers ("Zohr natural gas field")."""
    for token in b.doc[end : end + 3]:
        if token.lower_ in _THINGS:
            return True
        if not (token.is_lower and token.pos_ in ("NOUN", "ADJ") or token.text == "-" or token.is_upper):
            return False  # over "natural gas", "-LNG"
    return False


def _typed(b: DocActorsBuilder, actor: Actor | str) -> str:
    return actor.type if isinstance(actor, Actor) else b.dictionary[actor].type


def _honorific_word(text: str) -> bool:
    return text.lower().rstrip(".") in HONORIFICS
