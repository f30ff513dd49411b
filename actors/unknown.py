"""Names the curated dictionary does not know: the Phoenix index first, then what the text says.

* :func:`phoenix_actor` — a span the entity ruler did not match, looked up in
  the Phoenix index (:mod:`~diplograph.actors.phoenix`): a person, organization
  or armed group with its type and country; a state's region or city is a
  place of that state; a state institution ("Mossad", "Israel Defence Forces")
  is its state with a sector, as in CAMEO. A Phoenix record that shares a form
  with a curated entry is that entry (curated wins).
* :func:`text_type` — the type of a name nobody knows, checked against the
  text: a place where the document uses it as one ("in Palmyra", "Idlib
  province"), an armed group before "militants"/"fighters", a media outlet
  before "newspaper"/"daily", a person when it starts with a given name
  ("Lilian Tintori" tagged ORG).
"""

from __future__ import annotations

from spacy.tokens import Span

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.dictionary import fold_name
from diplograph.actors.phoenix import PHOENIX_SOURCES, PhoenixActor, phoenix_index
from diplograph.actors.spans import ORG_HEADS, Candidate, initials
from diplograph.actors.titles import GENERIC_ORG_WORDS, MEDIA_NAME_WORDS
from diplograph.base.models import Actor, slugify

__all__ = ["PHOENIX_SOURCES", "phoenix_actor", "phoenix_source", "text_type", "place_names"]

_LOCATIVE = frozenset({"in", "near", "outside", "around", "into", "towards", "toward", "across"})
_PLACE_NOUNS = frozenset(
    {"province", "city", "region", "district", "governorate", "village", "town", "county", "state", "oblast",
     "area", "prefecture", "valley", "island", "islands", "airport", "border", "crossing"}  # fmt: skip
)
#: Nouns that name their place after "of" or a comma ("the city *of* Marjah", "the state capital*,* Sittwe").
_NAMED_PLACES = frozenset({"cities", "towns", "villages", "port", "ports", "capital", "neighbourhood", "neighborhood",
                           "suburb", "camp"})  # fmt: skip
#: Last words of place names ("Kardak Islets", "Golan Heights").
_PLACE_WORDS = frozenset({"islands", "islets", "isles", "island", "mountains", "river", "sea", "strait", "gulf",
                          "bay", "valley", "peninsula", "desert", "lake", "heights", "plateau", "square", "street",
                          "avenue", "airport", "coast", "canal", "senkakus", "highlands"})  # fmt: skip
_SURNAME_PARTICLES = frozenset({"de", "van", "von", "le", "la", "bin", "ibn", "abu", "al", "el", "di", "da", "du"})
_GROUP_NOUNS = frozenset({"militants", "fighters", "militia", "militias", "rebels", "insurgents", "jihadists",
                          "guerrillas", "group", "faction", "loyalists"})  # fmt: skip
_MEDIA_NOUNS = frozenset({"newspaper", "daily", "tabloid", "broadcaster", "channel", "radio", "tv", "television",
                          "magazine", "weekly", "website", "news"})  # fmt: skip
_ORG_WORDS = GENERIC_ORG_WORDS | MEDIA_NAME_WORDS | ORG_HEADS | {"group", "company", "corp", "inc", "ltd"}


def _curated(b: DocActorsBuilder, hit: PhoenixActor) -> str | None:
    """The curated entry a Phoenix record is: one of its forms, or its name's acronym, is a curated form of a
    compatible type."""
    for form in (hit.name, *hit.forms[:12], initials(hit.name)):
        if len(form) < 2:
            continue
        found = b.dictionary.lookup(form)
        if found is None or found[1] == "demonym":
            continue
        kind = b.dictionary[found[0]].type
        if kind == hit.type or {kind, hit.type} <= {"organization", "group"} or {kind, hit.type} <= {"state", "place"}:
            return found[0]
    return None


def phoenix_actor(b: DocActorsBuilder, text: str, label: str) -> tuple[Actor | str, str | None] | None:
    """What the Phoenix index says a span is: ``(actor or dictionary id, sector)``, or None.

    Demonym-like NORP spans only count when they are a state's form; a record whose forms
    disagree on the type keeps the NER label's type.
    """
    hit = phoenix_index().actor(text)
    if hit is None:
        return None
    if label == "NORP":
        state = b.dictionary.state_of(hit.state) if hit.state else None
        return (state, None) if state is not None else None
    if hit.sector is not None:  # a state institution stands for its state
        state = b.dictionary.state_of(hit.country)
        return (state, hit.sector) if state is not None else None
    curated = _curated(b, hit)
    if curated is not None:
        return curated, None
    if hit.type == "state":
        state = b.dictionary.state_of(hit.country)
        return (state, None) if state is not None else None
    kind = hit.type or {"PERSON": "person", "GPE": "place", "LOC": "place"}.get(label, "organization")
    name = hit.name if hit.type is not None else text
    actor_id = slugify(name)
    if actor_id in b.dictionary or actor_id in b.actors and b.actors[actor_id].type != kind:
        actor_id = f"{actor_id}-{kind}"
    existing = b.actors.get(actor_id)
    if existing is not None:
        return existing, None
    aliases = (text,) if fold_name(text) != fold_name(name) else ()
    return Actor(id=actor_id, name=name, type=kind, country=hit.country, aliases=aliases), None  # type: ignore[arg-type]


def phoenix_source(text: str) -> str | None:
    """The provenance of the Phoenix record a name comes from (``phoenix-countries`` …), or None."""
    hit = phoenix_index().actor(text)
    return hit.source if hit is not None else None


def place_names(b: DocActorsBuilder, spans: list[Candidate]) -> tuple[set[str], set[str]]:
    """Folded names the document uses as places: ``(before a place noun, after a locative preposition)``."""
    doc = b.doc
    strong: set[str] = set()
    weak: set[str] = set()
    for span in spans:
        if span.ent_id:
            continue
        before = b.lower[span.start - 1] if span.start > 0 else ""
        after = b.lower[span.end] if span.end < len(doc) else ""
        name = fold_name(doc[span.start : span.end].text.removeprefix("the "))
        two_back = b.lower[span.start - 2] if span.start > 1 else ""
        if after in _PLACE_NOUNS or before in ("of", ",") and (two_back in _PLACE_NOUNS or two_back in _NAMED_PLACES):
            strong.add(name)  # "Helmand province"; "the city of Marjah", "the oil ports of Ras Lanuf", "capital, Sittwe"
        elif before in _LOCATIVE and after not in ("'s", "\u2019s"):
            weak.add(name)
    return strong, weak


def text_type(b: DocActorsBuilder, span: Span, label_type: str, places: tuple[set[str], set[str]]) -> str:
    """The type of an unknown name, checked against what the text says (see the module docstring)."""
    doc = b.doc
    after = b.lower[span.end] if span.end < len(doc) else ""
    before = b.lower[span.start - 1] if span.start > 0 else ""
    words = [t.lower_ for t in span]
    name = fold_name(span.text)
    strong, weak = places
    if before in ("company", "firm", "maker", "airline", "carmaker", "conglomerate") and span[0].text[:1].isupper():
        return "organization"  # "solar tech company Midsummer", whatever the model called it
    if name in strong or name in weak and (label_type != "person" or len(span) == 1):
        return "place"
    if words[-1] in _PLACE_WORDS or len(words) > 1 and words[0] in _PLACE_WORDS:
        return "place"  # "Kardak Islets", "Lake Baikal"
    if label_type == "person" and len(span) == 1 and before in ("on", "via"):
        return "organization"  # "posted on Twitter"
    if label_type == "person" and set(words) & ORG_HEADS:
        return "organization"  # "International Rescue Committee" tagged PERSON
    if after in _MEDIA_NOUNS and after != "news" or before in ("newspaper", "daily", "broadcaster", "magazine"):
        return "media"
    if after in _GROUP_NOUNS and label_type != "place":
        return "group"
    if label_type == "organization" and 2 <= len(span) <= 3 and not set(words) & _ORG_WORDS:
        if fold_name(span[0].text) in phoenix_index().given_names or words[0] in _SURNAME_PARTICLES:
            return "person"  # "Lilian Tintori", "De Mistura" tagged ORG
    return label_type
