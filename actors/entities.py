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

from spacy.tokens import Span

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.titles import GENERIC_ORG_WORDS, MEDIA_NAME_WORDS, MEDIA_NOUNS, TITLES
from diplograph.actors.variants import dictionary_person, name_parts, same_person
from diplograph.base.models import Actor, slugify

__all__ = ["NEW_ACTOR_TYPES", "WEAPON_NAMES", "EQUIPMENT_NOUNS", "byline_tokens", "recognize_entities"]

#: Actor type for NER labels of spans the dictionary does not know.
NEW_ACTOR_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}

#: Weapon and equipment names the small model takes for organizations or places.
WEAPON_NAMES = frozenset(
    {
        "kab", "kabs", "grad", "grads", "himars", "atacms", "storm shadow", "scalp", "taurus", "tomahawk",
        "tomahawks", "patriot", "patriots", "shahed", "shaheds", "geran", "gerans", "iskander", "iskanders",
        "kinzhal", "kalibr", "oreshnik", "nasams", "iris-t", "samp/t", "lancet", "bayraktar", "starlink",
        "leopard", "leopards", "abrams", "bradley", "bradleys", "javelin", "javelins", "stinger", "stingers",
        "gripen", "mirage", "typhoon", "su-34", "tu-95", "fpv", "first-person view",
    }
)

#: Nouns after an unknown name that make it a product or weapon name ("First-Person View drones").
EQUIPMENT_NOUNS = frozenset(
    {
        "drone", "drones", "missile", "missiles", "system", "systems", "launcher", "launchers", "tank", "tanks",
        "jet", "jets", "bomb", "bombs", "rocket", "rockets", "aircraft", "fighter", "fighters", "munitions",
        "shells", "interceptors", "pipeline", "refinery", "plant", "oil", "gas", "crude", "building",
        "buildings", "pipelines", "refineries", "headquarters", "offices", "compound", "complex", "facility",
        "bridge", "airport", "port",
    }
)

_LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "at"})
_STRIP_LEADING = frozenset({"the", "a", "an"})
_MARKUP = frozenset("/\\`*_#@=<>|{}[]")
_CREDIT_WORDS = frozenset({"reporting", "writing", "editing", "additional", "compiled", "photo", "photos"})


def byline_tokens(b: DocActorsBuilder) -> set[int]:
    """Indices of tokens in bylines and credits ("By Jane Doe and John Roe Bloomberg News")."""
    doc = b.doc
    found: set[int] = set()
    for i, lower in enumerate(b.lower):
        if lower != "by" or i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper():
            continue
        starts_line = i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space
        byline = doc[i].text == "By" and starts_line
        credit = i > 0 and b.lower[i - 1] in _CREDIT_WORDS
        if not (byline or credit):
            continue
        for follower in doc[i:]:
            if follower.i > i and (follower.is_space or follower.text in (".", ";", ")")):
                break
            found.add(follower.i)
            if "\n" in follower.whitespace_ + (follower.text if follower.is_space else ""):
                break
    return found


def _clean_bounds(ent: Span) -> tuple[int, int]:
    """Token bounds of an NER span without leading articles, titles and a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in _STRIP_LEADING or doc[start].is_punct):
        start += 1
    if ent.label_ == "PERSON":
        while start < end - 1 and doc[start].lower_ in TITLES:
            start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _is_noise(span: Span, label: str, lowercase_words: frozenset[str] = frozenset()) -> bool:
    """True for spans that cannot name an actor: digits, markup, common words, weapon names."""
    text = span.text
    if len(span) == 1 and span[0].lower_ in lowercase_words:
        return True  # "Drones struck ..." when the text also writes "drones"
    if label == "PERSON" and text.isupper():
        return True
    if len(text) < 2 or "\n" in text or any(t.is_space for t in span) or any(ch.isdigit() for ch in text):
        return True
    if not any(ch.isupper() for ch in text) or not span[0].text[:1].isupper():
        return True
    if all(t.is_stop or t.lower_ in TITLES or t.is_punct for t in span):
        return True
    if not any(t.pos_ == "PROPN" for t in span) or any(ch in _MARKUP for ch in text):
        return True  # "Midway through", "Drones struck", "U.S./US", "`YYYY-MM-DD`"
    return text.lower() in WEAPON_NAMES


def _new_actor(b: DocActorsBuilder, name: str, actor_type: str, *, country: str | None = None) -> Actor:
    """A provisional actor; its id never collides with a dictionary actor of another identity."""
    actor_id = slugify(name)
    if actor_id in b.dictionary or (actor_id in b.actors and b.actors[actor_id].type != actor_type):
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


def _person(b: DocActorsBuilder, start: int, end: int) -> None:
    span = b.doc[start:end]
    name = span.text
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


def _organization(b: DocActorsBuilder, start: int, end: int) -> None:
    span = b.doc[start:end]
    words = [t.lower_ for t in span]
    if all(w in GENERIC_ORG_WORDS for w in words):
        owner = _institution_owner(b, start)
        if owner is not None:
            ref = b.refs[owner]
            military = {"staff", "army", "forces", "navy", "force", "command"} & set(words)
            sector = "military" if military else "government"
            b.add(ref.start, end, ref.actor, ref.kind, head=end - 1, text_end=ref.text_end or ref.end)
            b.notes[end - 1] = sector
        return
    if start > 0 and b.doc[start - 1].lower_ in _LOCATIVE_PREPS and len(span) == 1:
        b.add(start, end, _new_actor(b, span.text, "place"), "name")
        return
    actor_type = "media" if MEDIA_NAME_WORDS & set(words) else "organization"
    b.add(start, end, _new_actor(b, span.text, actor_type), "name")


def _media_after_demonym(b: DocActorsBuilder, ent: Span, actor_id: str) -> bool:
    """Turn "French media" / "Russian state television" into a media actor; True if done."""
    doc = b.doc
    i = ent.end
    while i < len(doc) and doc[i].lower_ in ("state", "state-run", "state-owned", "independent", "local", "national"):
        i += 1
    if i >= len(doc) or doc[i].lower_ not in MEDIA_NOUNS:
        return False
    country = b.dictionary[actor_id].country
    name = f"{ent.text} media"
    b.add(ent.start, i + 1, _new_actor(b, name, "media", country=country), "name")
    return True


def _dictionary_entity(b: DocActorsBuilder, ent: Span, byline: set[int]) -> None:
    actor_id = ent.ent_id_
    entry = b.dictionary[actor_id]
    hit = b.dictionary.lookup(ent.text)
    kind = hit[1] if hit and hit[0] == actor_id else "alias"
    if entry.type == "person" and ent.start in byline:
        return
    if kind == "demonym" and _media_after_demonym(b, ent, actor_id):
        return
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


def recognize_entities(b: DocActorsBuilder) -> None:
    """Add a reference for every entity of the document that names an actor."""
    byline = byline_tokens(b)
    lowercase_words = frozenset(t.text for t in b.doc if t.text.islower())
    for ent in b.doc.ents:
        if ent.ent_id_ and ent.ent_id_ in b.dictionary:
            _dictionary_entity(b, ent, byline)
            continue
        actor_type = NEW_ACTOR_TYPES.get(ent.label_)
        if actor_type is None and ent.label_ != "NORP":
            continue
        start, end = _clean_bounds(ent)
        if start >= end or _is_noise(b.doc[start:end], ent.label_, lowercase_words):
            continue
        span = b.doc[start:end]
        hit = b.dictionary.lookup(span.text)
        if hit is not None:
            if not (b.dictionary[hit[0]].type == "person" and start in byline):
                b.add(start, end, hit[0], hit[1])
            continue
        if actor_type is None or start in byline:
            continue
        if end < len(b.doc) and b.doc[end].lower_ in EQUIPMENT_NOUNS:
            continue
        earlier = _doc_person(b, span.text, start, exact=True) if actor_type != "person" else None
        if earlier is not None:
            b.add(start, end, earlier, "alias")
        elif actor_type == "person":
            if _given_name_collision(b, span):
                start = start - 1
                b.remove(start, end)
            _person(b, start, end)
        elif actor_type == "organization":
            _organization(b, start, end)
        else:
            b.add(start, end, _new_actor(b, span.text, "place"), "name")
