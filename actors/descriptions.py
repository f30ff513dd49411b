"""Definite descriptions of places, states and people: "the city", "the island", "its neighbour".

News names a place once and then calls it by its kind. Each rule points a
description at the most recent fitting actor of this and the previous
sentences (:data:`WINDOW`), never at the subject of the description's own
clause ("Russia struck *the country*" is not Russia):

* settlement nouns (*the city*, *the town*, *the embattled port*) → the most
  recent place that is not a region, or a capital named as a place ("drones
  struck Kyiv", not "Kyiv said"); a demonym or state adjective restricts the
  country ("the Russian city");
* region nouns (*the region*, *the province*, *the oblast*) → the most
  recent region ("Donetsk Oblast", or a place written "X region");
* *the island* → the most recent island (an island state, or a place named
  "... Island"), preferring one named as a place over a state that speaks
  or owns ("Japan said Beijing sent jets near the island"), never a demonym;
  *the peninsula* → a place named "... Peninsula";
* *the country*, *the nation* → the most recent state, or the state of the
  most recent place ("Kharkiv, the country's second city");
* *the <demonym> capital* → that state, as the capital's name would be;
* *its/their/X's neighbour* → the most recent other state;
* *both men*, *the two women* → the two most recent people.

A description followed by *of* and a name ("the city of Kherson") is left to
the name. Relative pronouns whose antecedent is a resolved description
("the city, *which* forces tried to capture") then reach the actor through
the parse (:func:`diplograph.relations.arguments.relative_antecedent`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from diplograph.actors.builder import DocActorsBuilder, Reference
from diplograph.nlp.syntax import governing_verb, shared_subjects

__all__ = [
    "WINDOW",
    "ISLAND_STATES",
    "DESCRIPTION_KINDS",
    "place_kind",
    "clause_subject_actors",
    "COUNT_NOUNS",
    "counted",
    "resolve_description",
]

#: How many sentences before the description's own one are searched.
WINDOW = 3

#: ISO3 codes of states that are islands or archipelagos ("the island" may name them).
ISLAND_STATES = frozenset(
    {
        "ATG", "BHS", "BHR", "BRB", "BRN", "CPV", "COM", "CUB", "CYP", "DMA", "DOM", "FJI", "GBR", "GRD", "HTI",
        "IDN", "IRL", "ISL", "JAM", "JPN", "KIR", "KNA", "LCA", "LKA", "MDG", "MDV", "MHL", "MLT", "MUS", "NRU",
        "NZL", "FSM", "PHL", "PLW", "PNG", "SGP", "SLB", "STP", "SYC", "TLS", "TON", "TTO", "TUV", "TWN", "VCT",
        "VUT", "WSM",
    }
)

#: Description noun (singular, lower case) -> the kind of actor it names.
DESCRIPTION_KINDS: dict[str, str] = {
    **dict.fromkeys(("city", "town", "village", "port", "settlement", "stronghold", "hamlet"), "settlement"),
    **dict.fromkeys(("region", "province", "oblast", "krai", "governorate", "prefecture"), "region"),
    "island": "island",
    "peninsula": "peninsula",
    **dict.fromkeys(("country", "nation"), "state"),
    "capital": "capital",
}

_REGION_WORDS = frozenset({"oblast", "region", "province", "krai", "governorate", "prefecture", "district"})
_NEIGHBOURS = frozenset({"neighbour", "neighbor"})
#: Plurals that "both" or "the two" make the two most recent people ("both leaders", "the two ministers").
_PEOPLE = frozenset({"men", "women", "leaders", "presidents", "ministers", "diplomats", "envoys", "premiers"})
#: How many "the two/three/four sides" are, and nouns that say it alone ("the pair", "the trio").
_COUNTS = {"two": 2, "three": 3, "four": 4}
COUNT_NOUNS = {"pair": 2, "duo": 2, "trio": 3}
_MODIFIER_POS = frozenset({"ADJ", "ADV", "NUM", "PUNCT"})


def _names(b: DocActorsBuilder, actor_id: str) -> Iterator[str]:
    actor = b.actors[actor_id]
    yield actor.name.lower()
    yield from (alias.lower() for alias in actor.aliases)


def place_kind(b: DocActorsBuilder, ref: Reference) -> str | None:
    """What a reference is as a place: ``state``, ``region``, ``island``, ``peninsula`` or ``settlement``.

    Capitals used for their state ("Kyiv" → Ukraine) count as settlements;
    other references (people, organizations, the Kremlin) return None.
    """
    if len(ref.actors) != 1:
        return None
    actor = b.actors[ref.actor]
    if actor.type == "state":
        if ref.kind == "metonym" and ref.end - ref.start == 1 and _locative(b, ref):
            return "settlement"  # "drones struck *Kyiv*", not "*Kyiv* said"
        # "the island" names an island state, not an adjective ("a British warship ... the island")
        return "island" if actor.country in ISLAND_STATES and ref.kind != "demonym" else "state"
    if actor.type != "place":
        return None
    words = {word for name in _names(b, ref.actor) for word in name.replace("-", " ").split()}
    following = b.lower[ref.end] if ref.end < len(b.lower) else ""
    if words & _REGION_WORDS or following in _REGION_WORDS:
        return "region"
    if words & {"island", "isle", "islands"}:
        return "island"
    if "peninsula" in words:
        return "peninsula"
    return "settlement"


def _locative(b: DocActorsBuilder, ref: Reference) -> bool:
    """A name used as a location: the object of a preposition ("in Kyiv") or of a verb ("struck Kyiv")."""
    head = b.doc[ref.head]
    return head.dep_ == "pobj" or head.dep_ == "dobj" and head.head.pos_ == "VERB"


def clause_subject_actors(b: DocActorsBuilder, token: Token) -> set[str]:
    """Actors (and their states) of the subject of the clause ``token`` is in, outside ``token``'s own phrase."""
    found: set[str] = set()
    for subject in shared_subjects(governing_verb(token), outside=token):
        ref = b.ref_at(subject.i)
        for actor_id in ref.actors if ref is not None else ():
            found.add(actor_id)
            state = b.dictionary.state_of(b.country_of(actor_id)) if b.type_of(actor_id) == "person" else None
            if state is not None:
                found.add(state)
    return found


def _candidates(b: DocActorsBuilder, before: int) -> Iterator[Reference]:
    """Single-actor references before token ``before`` in its sentence and the :data:`WINDOW` before, latest first."""
    sentence = b.sentence_of[before]
    for number in range(sentence, max(sentence - WINDOW, 0) - 1, -1):
        refs = b.in_sentence(number, before if number == sentence else None)
        yield from (r for r in reversed(refs) if len(r.actors) == 1)


def _opening(b: DocActorsBuilder, noun: Token) -> tuple[int, str | None] | None:
    """Start of "the [adjectives] noun" and the country an adjective names, or None without "the"."""
    country: str | None = None
    k = noun.i - 1
    while k >= 0:
        ref = b.ref_at(k)
        if ref is not None and ref.end == k + 1 and len(ref.actors) == 1 and b.type_of(ref.actor) == "state":
            country = b.country_of(ref.actor)  # "the Ukrainian city", "the Russian-held town"
            k = ref.start - 1
        elif ref is None and b.lower[k] != "," and (b.doc[k].pos_ in _MODIFIER_POS or b.doc[k].tag_ in ("VBN", "VBG")):
            k -= 1  # "the embattled", "the front-line", "the 300-year-old"
        else:
            break
    if k < 0 or b.lower[k] != "the":
        return None
    return k, country


def _fits(b: DocActorsBuilder, ref: Reference, kind: str, country: str | None) -> str | None:
    """The actor ``ref`` gives a description of ``kind`` (in ``country``), or None."""
    found = place_kind(b, ref)
    if found is None:
        return None
    if kind == "state":  # a state, or the state a place lies in ("Kharkiv, the country's second city")
        return ref.actor if b.type_of(ref.actor) == "state" else b.dictionary.state_of(b.country_of(ref.actor))
    if found != kind or country is not None and b.country_of(ref.actor) not in (None, country):
        return None
    return ref.actor


def _place(b: DocActorsBuilder, noun: Token, kind: str) -> int | None:
    opening = _opening(b, noun)
    if opening is None:
        return None
    start, country = opening
    if kind == "capital":
        state = b.dictionary.state_of(country)
        if state is None:
            return None
        b.add(start, noun.i + 1, state, "description", head=noun.i)
        return noun.i + 1
    excluded = clause_subject_actors(b, noun)
    fitting = [
        (ref, actor)
        for ref in _candidates(b, start)
        if (actor := _fits(b, ref, kind, country)) is not None and actor not in excluded
    ]
    # A state speaking or owning ("Japan said", "Taiwan's ministry") is a place only when nothing else fits.
    chosen = next((actor for ref, actor in fitting if not _agentive(b, ref)), None) or next(
        (actor for _, actor in fitting), None
    )
    if chosen is None:
        return None
    b.add(start, noun.i + 1, chosen, "description", head=noun.i)
    return noun.i + 1


def _agentive(b: DocActorsBuilder, ref: Reference) -> bool:
    """A state reference used as an agent (a subject or a possessor), not as a place."""
    return b.type_of(ref.actor) == "state" and b.doc[ref.head].dep_ in ("nsubj", "poss")


def _neighbour(b: DocActorsBuilder, noun: Token) -> int | None:
    """ "its neighbour", "Pakistan's neighbour": the most recent other state."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    ref = b.ref_at(owner.i) if owner is not None else None
    if ref is None or len(ref.actors) != 1:
        return None
    own = {ref.actor, b.dictionary.state_of(b.country_of(ref.actor))}
    for candidate in _candidates(b, ref.start):
        if b.type_of(candidate.actor) == "state" and candidate.actor not in own:
            b.add(noun.i, noun.i + 1, candidate.actor, "description")
            return noun.i + 1
    return None


def counted(b: DocActorsBuilder, noun: Token) -> tuple[int, int] | None:
    """Where a counted plural starts and how many it counts: "both sides" (2), "the two countries",
    "the three nations", "all four states" ("all" only beyond two), "the pair" (2), "the trio" (3); else None."""
    i = noun.i
    before = b.lower[i - 1] if i else ""
    if b.lower[i] in COUNT_NOUNS:
        return (i - 1, COUNT_NOUNS[b.lower[i]]) if before in ("the", "both") else None
    if before == "both":
        return i - 1, 2
    opener = b.lower[i - 2] if i >= 2 else ""
    if before in _COUNTS and (opener == "the" or opener == "all" and _COUNTS[before] > 2):
        return i - 2, _COUNTS[before]
    return None


def _two_people(b: DocActorsBuilder, noun: Token) -> int | None:
    """ "both men", "the two women", "the pair": the two most recent people other than the clause's subject."""
    i = noun.i
    found = counted(b, noun)
    if found is None or found[1] != 2:
        return None
    start = found[0]
    excluded = clause_subject_actors(b, noun)
    found: list[str] = []
    for ref in _candidates(b, start):
        if b.type_of(ref.actor) == "person" and ref.actor not in excluded and ref.actor not in found:
            found.append(ref.actor)
            if len(found) == 2:
                b.add(start, i + 1, tuple(reversed(found)), "description", head=i)
                return i + 1
    return None


def resolve_description(b: DocActorsBuilder, token: Token) -> int | None:
    """Resolve a description whose head noun is ``token``; return the token after it, or None.

    The caller (:func:`diplograph.actors.coreference.resolve_coreference`)
    walks the document left to right, so earlier descriptions and pronouns
    are already resolved when a later one looks back.
    """
    lower = b.lower[token.i]
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
        return None
    if lower in _PEOPLE or COUNT_NOUNS.get(lower) == 2:
        return _two_people(b, token)
    if token.tag_ != "NN" and token.tag_ != "NNP":
        return None
    if lower in _NEIGHBOURS:
        return _neighbour(b, token)
    kind = DESCRIPTION_KINDS.get(lower)
    if kind is None:
        return None
    following = token.i + 1
    if following + 1 < len(b.doc) and b.lower[following] == "of" and (
        b.ref_at(following + 1) is not None or b.doc[following + 1].pos_ == "PROPN"
    ):
        return None  # "the city of Kherson": the name says which
    return _place(b, token, kind)
