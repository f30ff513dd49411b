"""Countries the text states for new actors: appositions, descriptors and a place's surroundings.

Titles give most new people their country (:mod:`~diplograph.actors.phrases`);
wire copy states the rest in a few fixed shapes, read here for actors the
dictionary does not know and the text has given no country yet:

* an apposition opening with a state ("ZTE, *a Chinese* telecoms firm",
  "Razak Iyal, also *a Ghana* national", "Ras Lanuf, *a Libyan* oil port");
* a descriptor set off by a comma before the name ("*a Chinese* tech firm, ZTE");
* an organization's own name ending in a state or a place in one ("National Bank *of Ukraine*");
* for places, the state around them: "the *Syrian* town of Al Bab", "Al Bab
  *in northern Syria*", "Homs, *Syria*", "*northern Sinai's* El Arish" (a place
  with a country gives it on).

The country is learned like one a title states (:meth:`DocActorsBuilder.learn`)
and never overrides the dictionary's.
"""

from __future__ import annotations

from diplograph.actors.builder import DocActorsBuilder, Reference

__all__ = ["learn_nationalities"]

_POSSESSIVE = frozenset({"'s", "\u2019s"})
#: Words that may open an apposition before its state: "*also* a Ghana national", "*now* a Chinese firm".
_OPENERS = frozenset({"a", "an", "the", "also", "now", "itself", "another", "one"})
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
                      "southeast", "southwest", "far", "rebel-held", "government-held", "war-torn"})  # fmt: skip
#: Nouns that name a place before "of" ("the Syrian *town* of Al Bab").
_PLACE_NOUNS = frozenset({"city", "town", "village", "port", "province", "region", "district", "governorate",
                          "enclave", "island", "capital", "neighbourhood", "neighborhood", "suburb", "camp",
                          "border", "area", "state", "oblast", "county"})  # fmt: skip
#: Nouns of belonging: a state's plain name before them gives a country ("a *Ghana* national"), before others
#: it is a subject ("a *Russia* expert").
_BELONGING = frozenset({"national", "citizen", "native", "resident", "nationals", "citizens"})
#: Prepositions before a place written "X, Country,": "*in* Homs, Syria", "reached Kafr Nabl, Syria" is not enough.
_PLACE_PREPS = frozenset({"in", "at", "near", "to", "from", "outside", "around", "into", "toward", "towards"})
_STOPS = frozenset({",", ".", ";", ")", ":", "\u2014", "\u2013", "-"})
_MAX_WORDS = 4


def learn_nationalities(b: DocActorsBuilder) -> None:
    """Give new actors the country their apposition, descriptor or (for places) surroundings state."""
    for ref in b.ordered():
        if len(ref.actors) != 1 or ref.actor in b.dictionary or ref.kind not in ("name", "alias"):
            continue
        kind = b.type_of(ref.actor)
        if kind not in ("person", "organization", "group", "place", "media") or b.country_of(ref.actor):
            continue
        country = _apposition_country(b, ref) or _descriptor_country(b, ref) or (
            _name_country(b, ref.actor) if kind == "organization" else None)
        actor = ref.actor
        if country is None:
            country, certain = _surrounding_country(b, ref)
            if country is not None and kind != "place":
                if not certain or kind != "person":
                    continue  # "the YPG in northern Syria" is an organization there
                actor = b.retype(actor, "place")  # "Tadef in northern Syria", "Kafr Nabl, Syria,": a place
        if country is not None:
            b.learn(actor, country=country)


def _name_country(b: DocActorsBuilder, actor: str) -> str | None:
    """The country a new organization's own name ends in: "National Bank *of Ukraine*", "Silk Road
    Fund *of China*", "University *of Sheffield*" (a place the dictionary puts in a state)."""
    name = b.actors[actor].name
    if " of " not in name:
        return None
    hit = b.dictionary.lookup(name.rsplit(" of ", 1)[1])
    if hit is None or hit[1] == "demonym":
        return None
    entry = b.dictionary[hit[0]]
    return entry.country if entry.type in ("state", "place") else None


def _state_at(b: DocActorsBuilder, i: int, *, places: bool = False) -> tuple[Reference, str] | None:
    """The single-actor reference covering token ``i`` and its country, if it is a state (or a place with one)."""
    ref = b.ref_at(i) if 0 <= i < len(b.doc) else None
    if ref is None or len(ref.actors) != 1:
        return None
    kind = b.type_of(ref.actor)
    if kind != "state" and not (places and kind == "place"):
        return None
    country = b.country_of(ref.actor)
    return (ref, country) if country else None


def _common_nouns(b: DocActorsBuilder, start: int) -> int:
    """The end of a run of lower-case words from ``start`` ending in a noun ("tech firm", "oil port"), or ``start``."""
    doc, end, last_noun = b.doc, start, start
    while end < len(doc) and end - start < _MAX_WORDS and doc[end].is_lower and doc[end].is_alpha:
        if b.ref_at(end) is not None:
            break
        end += 1
        if doc[end - 1].pos_ == "NOUN" or doc[end - 1].lower_ in _BELONGING:
            last_noun = end
    return last_noun


def _apposition_country(b: DocActorsBuilder, ref: Reference) -> str | None:
    """ "ZTE, a Chinese telecoms firm,": a state opening the apposition, then common nouns, then a stop."""
    doc, i = b.doc, ref.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    while i < len(doc) and doc[i].lower_ in _OPENERS and i - ref.end <= 3:
        i += 1
    found = _state_at(b, i)
    if found is None or found[0].start != i:
        return None
    state, country = found
    if state.end < len(doc) and doc[state.end].lower_ in _POSSESSIVE:
        return None  # "X, Russia's envoy": a title, read by phrases
    end = _common_nouns(b, state.end)
    if end == state.end or (end < len(doc) and doc[end].text not in _STOPS):
        return None
    return country if _gives_country(state, doc[end - 1].lower_) else None


def _gives_country(state: Reference, noun: str) -> bool:
    """A demonym gives its country ("a *Chinese* firm"); a state's plain name only before a noun of belonging."""
    return state.kind == "demonym" or noun in _BELONGING


def _descriptor_country(b: DocActorsBuilder, ref: Reference) -> str | None:
    """ "a Chinese tech firm, ZTE": an article, a state and common nouns, then a comma before the name."""
    doc, comma = b.doc, ref.start - 1
    if comma < 3 or doc[comma].text != ",":
        return None
    k = comma - 1
    while k >= 0 and comma - k <= _MAX_WORDS and doc[k].is_lower and doc[k].is_alpha and b.ref_at(k) is None:
        k -= 1
    if k == comma - 1 or doc[comma - 1].pos_ != "NOUN":
        return None
    found = _state_at(b, k)
    if found is None or found[0].end != k + 1:
        return None
    state, country = found
    opener = doc[state.start - 1] if state.start > 0 else None
    if opener is None or opener.lower_ not in ("a", "an"):
        return None
    return country if _gives_country(state, doc[comma - 1].lower_) else None


def _surrounding_country(b: DocActorsBuilder, ref: Reference) -> tuple[str | None, bool]:
    """The state a place lies in ("the Syrian town of X", "X in northern Syria", "X, Syria,", "Sinai's X"),
    and whether the words leave no doubt that X is a place ("the town of X", "at X in western Egypt",
    "in X, Syria,")."""
    doc = b.doc
    before = ref.start - 1
    if before >= 2 and doc[before].lower_ == "of" and doc[before - 1].lemma_.lower() in _PLACE_NOUNS:
        k = before - 2
        while k >= 0 and doc[k].is_lower and doc[k].is_alpha and before - k <= _MAX_WORDS:
            k -= 1
        found = _state_at(b, k - 1 if k > 0 and doc[k].lower_ in _POSSESSIVE else k, places=True)
        if found is not None:
            return found[1], True
    if before >= 1 and doc[before].lower_ in _POSSESSIVE:  # "Sinai's El Arish", "Libya's Ras Lanuf"
        found = _state_at(b, before - 1, places=True)
        if found is not None:
            return found[1], False
    after = ref.end
    if after + 1 >= len(doc) or doc[after].lower_ not in ("in", ","):
        return None, False
    k = after + 1
    while k < len(doc) and doc[k].lower_ in _COMPASS and k - after <= 3:
        k += 1
    found = _state_at(b, k)
    if found is None or found[0].start != k or found[0].kind not in ("name", "alias"):
        return None, False
    at_place = before >= 0 and doc[before].lower_ in _PLACE_PREPS  # "*at* Sidi Barrani in western Egypt"
    if doc[after].text == ",":  # "in Homs, Syria,": the state must close the phrase
        end = found[0].end
        closed = end >= len(doc) or doc[end].text in _STOPS
        return (found[1], True) if closed and at_place else (None, False)
    return found[1], k > after + 1 and at_place
