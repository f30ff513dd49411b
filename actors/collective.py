"""Collective and plural descriptions: "the military", "the alliance", "the militia", "the allies",
"the two sides", "the juntas", "the former oil executive".

Each points at actors named in this or the :data:`~diplograph.actors.descriptions.WINDOW`
previous sentences, never at the subject of its own clause:

* a state's institution ("the military", "the government", "the police",
  "the authorities", "the regime") → the most recent state, else the
  document's main state, with the institution's sector;
* the same in the plural ("the juntas", "the governments") → the most recent
  list of states ("Mali, Burkina Faso and Niger");
* an organization's or group's common noun ("the alliance", "the bloc", "the
  militia", "the group") → the most recent organization or group that noun
  fits: the dictionary's ``nouns`` of the entry ("alliance" for NATO), a word of
  its name ("the front" for a "… Front"), or, for armed groups, "group",
  "militia", "militants";
* "the allies" → the most recent list of states, else the most recent alliance;
* rebels, insurgents and the opposition with no group they fit ("the rebels",
  "rebel fighters", "the opposition coalition") → the non-state group of the
  most recent state, else of the document's main state ("Syrian rebels"), as
  "Syrian rebels" written out would be; forces of the government without a
  state named ("government forces", "the security forces") → that state, with
  the military (or police) sector;
* "the two sides", "both sides", "the two countries" → the most recent pair of
  actors written together ("Serbia and Kosovo", "between X and Y"); with
  "countries" people stand for their states, and a pair from further back than the
  previous sentence yields to the document's two most-named states; "the three
  countries", "all four nations", "the trio" → the most recent list of that many;
* a person noun ("the former oil executive", "the billionaire", "the
  diplomat") → the most recent person: the words inside it ("oil", "Exxon")
  do not make it an organization.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import chain

from spacy.tokens import Token

from diplograph.actors.builder import DocActorsBuilder, Reference
from diplograph.actors.descriptions import COUNT_NOUNS, WINDOW, clause_subject_actors, counted
from diplograph.actors.institutions import is_stance, main_state, state_sector
from diplograph.actors.sectors import NON_STATE_SECTORS, agent_sector, is_sector_group, sector_group
from diplograph.actors.titles import TITLES

__all__ = ["SECTOR_WORDS", "STATE_NOUNS", "PLURAL_STATE_NOUNS", "GROUP_NOUNS", "PERSON_NOUNS", "SIDES_NOUNS", "resolve_collective"]

#: Institutions of one state ("the military").
STATE_NOUNS = frozenset(
    {"government", "military", "army", "navy", "police", "regime", "authorities", "administration", "junta",
     "cabinet", "leadership", "ministry"}  # fmt: skip
)
#: The same, of several states ("the juntas").
PLURAL_STATE_NOUNS = frozenset({"governments", "militaries", "armies", "regimes", "juntas", "administrations"})
#: Common nouns of armed groups without a dictionary entry ("the militia").
GROUP_NOUNS = frozenset({"group", "militia", "militants", "rebels", "insurgents", "movement", "faction", "jihadists"})
#: Nouns that name one person ("the former oil executive").
PERSON_NOUNS = frozenset(
    {"executive", "businessman", "businesswoman", "tycoon", "billionaire", "lawyer", "activist", "journalist",
     "diplomat", "politician", "banker", "magnate", "dissident", "cleric", "economist", "investor", "businessperson"}
)  # fmt: skip
#: Nouns that count more than two members alone ("the trio"; "the pair" is two people: descriptions).
_GROUPS_OF = frozenset(noun for noun, size in COUNT_NOUNS.items() if size > 2)
#: Nouns of "the two sides": any actors, or (``countries``) states.
SIDES_NOUNS = {"sides": False, "parties": False, "countries": True, "nations": True, "states": True}
_ALLIES = frozenset({"allies", "partners"})
_ORG_NOUNS = frozenset({"alliance", "bloc", "union", "organisation", "organization", "league", "front", "council",
                        "court", "fund", "watchdog", "agency", "lender", "cartel", "coalition", "party"})  # fmt: skip
_PERSON_MODIFIERS = frozenset({"former", "ex", "-", "veteran", "retired", "then", "longtime", "long-time"})


def _opening(b: DocActorsBuilder, noun: Token, *, person: bool = False) -> int | None:
    """The token of "the" opening the noun phrase of ``noun`` (adjectives, and for people any modifier), or None."""
    k = noun.i - 1
    while k >= 0:
        ref = b.ref_at(k)
        token = b.doc[k]
        if person and ref is not None and len(ref.actors) == 1 and b.type_of(ref.actor) != "person":
            k = ref.start - 1  # "the former *Exxon* executive"
        elif ref is None and (token.pos_ == "ADJ" or token.lower_ in _PERSON_MODIFIERS or person and token.pos_ == "NOUN"):
            k -= 1
        else:
            break
    return k if k >= 0 and b.lower[k] == "the" else None


def _candidates(b: DocActorsBuilder, before: int, window: int = WINDOW) -> Iterator[Reference]:
    """References before token ``before`` in its sentence and the ``window`` before, latest first."""
    sentence = b.sentence_of[before]
    for number in range(sentence, max(sentence - window, 0) - 1, -1):
        yield from (r for r in reversed(b.in_sentence(number, before if number == sentence else None))
                    if r.start not in b.datelines)  # "Geneva, Switzerland - ": not the story's state


def _lists(b: DocActorsBuilder, before: int, states_only: bool, window: int = WINDOW) -> Iterator[tuple[str, ...]]:
    """Coordinated actors ("Serbia and Kosovo", "between X and Y") and plural references, latest first."""
    for ref in _candidates(b, before, window):
        if len(ref.actors) > 1:
            actors = ref.actors
        else:
            actors = tuple(dict.fromkeys(a for t in _coordinated(b.doc[ref.head]) if (a := b.actor_at(t.i)) is not None))
        if states_only:
            actors = tuple(dict.fromkeys(s for a in actors if (s := _as_state(b, a)) is not None))
        if len(actors) >= 2:
            yield actors


def _coordinated(head: Token) -> list[Token]:
    """The heads of a coordinated list ``head`` is in ("Mali, Burkina Faso and Niger"), in text order."""
    top = head
    while top.dep_ in ("conj", "appos") and top.head.i != top.i:
        top = top.head
    found, stack = [], [top]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ in ("conj", "appos"))
    return sorted(found, key=lambda t: t.i)


def _as_state(b: DocActorsBuilder, actor_id: str) -> str | None:
    kind = b.type_of(actor_id)
    if kind == "state":
        return actor_id
    return b.dictionary.state_of(b.country_of(actor_id)) if kind == "person" else None


def _fits(b: DocActorsBuilder, actor_id: str, noun: str) -> bool:
    actor = b.actors[actor_id]
    if actor.type not in ("organization", "group"):
        return False
    entry = b.dictionary.get(actor_id)
    if entry is not None and noun in entry.nouns:
        return True
    words = {w.lower() for w in actor.name.replace("-", " ").split()}
    return noun in words or entry is None and actor.type == "group" and noun in GROUP_NOUNS


def _state(b: DocActorsBuilder, noun: Token, start: int) -> int | None:
    state = _state_for(b, noun, start)
    if state is None:
        return None
    b.add(start, noun.i + 1, state, "description", head=noun.i)
    b.sectors[noun.i] = state_sector([noun.lower_]) or "GOV"
    return noun.i + 1


def _several(b: DocActorsBuilder, noun: Token, start: int, *, states: bool, size: int | None = None) -> int | None:
    """The most recent list of actors (states), of ``size`` members when given ("the three countries")."""
    excluded = clause_subject_actors(b, noun)
    lists = _lists(b, start, states)
    if size == 2:  # "both countries": the two of its sentence, a pair written just before, else the story's two states
        here = _sentence_pair(b, start, states)
        story = _story_pair(b, start) if states else None
        lists = chain([here] if here else [], _lists(b, start, states, window=1), [story] if story else [], lists)
    for actors in lists:
        if size is not None and len(actors) != size or set(actors) & excluded:
            continue
        b.add(start, noun.i + 1, actors, "description", head=noun.i)
        if states and size is None:
            b.sectors[noun.i] = state_sector([noun.lower_.rstrip("s")]) or "GOV"
        return noun.i + 1
    return None


def _sentence_pair(b: DocActorsBuilder, before: int, states: bool) -> tuple[str, ...] | None:
    """The two actors (with ``states``, states) named in the sentence before token ``before``, when there
    are exactly two ("Duterte made a state visit to China, during which *the two nations* agreed")."""
    found = dict.fromkeys(
        a for ref in b.in_sentence(b.sentence_of[before], before) if len(ref.actors) == 1
        and (a := _as_state(b, ref.actor) if states else ref.actor) is not None
    )
    return tuple(found) if len(found) == 2 else None


def _story_pair(b: DocActorsBuilder, before: int) -> tuple[str, str] | None:
    """The two states the document has named most before token ``before``, when a clear two lead.

    "Malaysia ... North Korea ... (a headline naming the US and South Korea) ... *both
    countries* agreed": a pair coordinated sentences away is weaker evidence than the
    story's two protagonists, each named more often than any third state.
    """
    counts: Counter[str] = Counter()
    for ref in b.ordered():
        if ref.start >= before:
            break
        if len(ref.actors) == 1 and ref.kind in ("name", "alias", "demonym", "metonym"):
            if b.type_of(ref.actor) == "state":
                counts[ref.actor] += 1
    ranked = counts.most_common(3)
    if len(ranked) < 2 or ranked[1][1] < 2 or len(ranked) == 3 and ranked[2][1] >= ranked[1][1]:
        return None
    return ranked[0][0], ranked[1][0]


def _single(b: DocActorsBuilder, noun: Token, start: int, fits) -> int | None:
    excluded = clause_subject_actors(b, noun)
    for ref in _candidates(b, start):
        if len(ref.actors) == 1 and ref.actor not in excluded and fits(ref.actor):
            b.add(start, noun.i + 1, ref.actor, "description", head=noun.i)
            return noun.i + 1
    return None


#: Words that make a phrase the rebels' or the opposition's ("rebel fighters", "the opposition coalition").
SECTOR_WORDS = {"rebels": "REB", "rebel": "REB", "insurgents": "REB", "insurgent": "REB", "opposition": "OPP"}
#: Heads of such phrases besides the sector word itself.
_SECTOR_HEADS = frozenset({"fighters", "forces", "groups", "coalition", "alliance", "bloc", "parties", "leaders",
                           "militias", "factions", "movement", "figures", "activists"})  # fmt: skip
#: Forces of a state named without the state ("government forces", "security forces").
_FORCE_HEADS = frozenset({"forces", "troops", "soldiers", "units"})
#: Heads after a demonym that make it an actor speaking or acting, not a place ("Russian envoy"),
#: besides titles, state institutions and forces.
_ACTING_HEADS = frozenset({"officials", "diplomat", "diplomats", "delegation", "embassy", "jets", "aircraft"})
_FORCE_OWNERS = frozenset({"government", "security", "regime", "state", "pro-government", "loyalist"})


def _phrase_start(b: DocActorsBuilder, noun: Token) -> int:
    """The first token of ``noun``'s phrase: its compounds and adjectives, and a "the" before them."""
    k = noun.i
    while k > 0 and b.ref_at(k - 1) is None and b.doc[k - 1].dep_ in ("compound", "amod") and b.doc[k - 1].head.i >= k:
        if k > 1 and b.doc[k - 2].text == "-":
            break  # "Russia-backed separatist rebels": the hyphened modifier is someone else's act
        k -= 1
    return k - 1 if k > 0 and b.lower[k - 1] == "the" else k


def _state_of_ref(b: DocActorsBuilder, ref: Reference) -> str | None:
    """The state a reference names, or whose rebels or opposition it names ("Syrian rebels": Syria)."""
    if len(ref.actors) != 1:
        return None
    if b.type_of(ref.actor) == "state":
        return ref.actor
    actor = b.actors.get(ref.actor)
    return b.dictionary.state_of(actor.country) if actor is not None and is_sector_group(actor) else None


def _state_for(b: DocActorsBuilder, noun: Token, start: int) -> str | None:
    excluded = clause_subject_actors(b, noun)
    found, backers = None, set()  # "US-backed government forces" are not the US's
    for ref in _candidates(b, start):
        state = _state_of_ref(b, ref)
        if state is not None and _backer(b, ref, start):
            backers.add(state)
        elif state is not None and state not in excluded and found is None:
            found = state
    state = found or main_state(b, start)
    return None if state is None or state in excluded or state in backers else state


def _named_after(b: DocActorsBuilder, noun: Token) -> str | None:
    """The state named after the noun ("the rebels *in Syria*"), or the state of a place named there
    ("rebels *in Aleppo*": Syria's; "rebels *from Darfur*" names no place of the dictionary: none)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of", "inside"):
            for obj in prep.children:
                ref = b.ref_at(obj.i)
                if obj.dep_ != "pobj" or ref is None:
                    continue
                if (state := _state_of_ref(b, ref)) is not None:
                    return state
                place = b.actors.get(ref.actor) if len(ref.actors) == 1 else None
                if place is not None and place.type == "place" and place.country:
                    return b.dictionary.state_of(place.country)
    return None


def _backer(b: DocActorsBuilder, ref: Reference, start: int) -> bool:
    """The actor hyphened to a participle right before the phrase ("*Russia*-backed rebels"): not their state."""
    return ref.end < len(b.doc) and b.doc[ref.end].text == "-" and start - ref.end <= 3


def _located(b: DocActorsBuilder, ref: Reference) -> bool:
    """A state named as where things happen ("in Syria", "the Syrian war"), not as an actor that speaks
    or acts there ("Russia's envoy", "Moscow said"): the likelier home of rebels and opposition."""
    head = b.doc[ref.head]
    if head.dep_ == "pobj":
        return head.head.lower_ in ("in", "of", "across", "inside", "throughout", "within")
    if head.dep_ == "poss" and any(w.lower_ in SECTOR_WORDS for w in head.head.subtree if w.i > head.i):
        return True  # "*Syria's* main opposition group": the state whose opposition it is
    word = head.head.lower_
    acting = word in TITLES or word in STATE_NOUNS or word in _FORCE_HEADS or word in _ACTING_HEADS
    return head.dep_ in ("amod", "compound") and not acting


def _non_state(b: DocActorsBuilder, noun: Token, start: int, sector: str) -> int | None:
    """The rebels or opposition of the state in context, as a group actor ("Syrian rebels"); the state
    may be the clause's subject ("Sudan pardoned 259 rebels")."""
    named = _named_after(b, noun)
    known = [a for a in b.actors.values() if is_sector_group(a) and a.name.endswith(f" {NON_STATE_SECTORS[sector]}")]
    if named is None and len(known) == 1:  # "Syrian rebels" named once: "the rebels" are they, wherever Russia speaks
        b.add(start, noun.i + 1, known[0], "description", head=noun.i)
        return noun.i + 1
    states = [(r, s) for r in _candidates(b, start) if (s := _state_of_ref(b, r)) is not None and not _backer(b, r, start)]
    state = named or next((s for r, s in states if _located(b, r)), None) or next(
        (s for _, s in states), None) or main_state(b, start)
    entry = b.dictionary.get(state) if state is not None else None
    if entry is None or not entry.demonyms:
        return None
    b.add(start, noun.i + 1, sector_group(b.dictionary.actor(state), entry.demonyms[0], sector), "description",
          head=noun.i)  # fmt: skip
    return noun.i + 1


def _sector_phrase(b: DocActorsBuilder, token: Token) -> int | None:
    """Rebels, the opposition and government forces named without their state (module docstring)."""
    lower = b.lower[token.i]
    start = _phrase_start(b, token)
    words = [b.lower[k] for k in range(start, token.i)]
    if lower in _FORCE_HEADS and words and words[-1] in _FORCE_OWNERS:
        state = _state_for(b, token, start)
        if state is None:
            return None
        b.add(start, token.i + 1, state, "description", head=token.i)
        b.sectors[token.i] = agent_sector([words[-1], lower]) or "MIL"
        return token.i + 1
    sector = SECTOR_WORDS.get(lower) if token.tag_ in ("NNS", "NN") and lower != "rebel" else None
    if is_stance(b.doc, token.i):
        return None  # "China's opposition *to* the deployment": a stance, not the opposition
    if sector is None and lower in _SECTOR_HEADS:
        sector = next((SECTOR_WORDS[w] for w in words if w in SECTOR_WORDS), None)
    if sector is None or any(b.doc[k].pos_ == "PROPN" for k in range(start, token.i)):
        return None
    if lower in GROUP_NOUNS and _single(b, token, start, lambda a: _fits(b, a, lower)) is not None:
        return token.i + 1  # "the rebels" after a named rebel group: that group
    return _non_state(b, token, start, sector)


def resolve_collective(b: DocActorsBuilder, token: Token) -> int | None:
    """Resolve a collective or plural description whose head noun is ``token``; return the token after it, or None."""
    lower = b.lower[token.i]
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
        return None
    if lower in _LOCAL_NOUNS and token.tag_ in ("NN", "NNS") and (state := _named_after(b, token)) is not None:
        start = _opening(b, token) or token.i  # "Police *in The Gambia*", "the authorities *in Kyiv*": that state's
        b.add(start, token.i + 1, state, "description", head=token.i)
        b.sectors[token.i] = state_sector([lower]) or "GOV"
        return token.i + 1
    if not token.text.islower():
        return None
    if lower in SECTOR_WORDS or lower in _SECTOR_HEADS or lower in _FORCE_HEADS:
        found = _sector_phrase(b, token)
        if found is not None:
            return found
    after = token.i + 2
    if token.i + 1 < len(b.doc) and b.lower[token.i + 1] == "of" and after < len(b.doc) and (
        b.ref_at(after) is not None or b.doc[after].pos_ == "PROPN" or b.lower[after] == "the"
    ):
        return None  # "the government of Sudan": the name says which
    if lower in PERSON_NOUNS and token.tag_ == "NN":
        start = _opening(b, token, person=True)
        return None if start is None else _single(b, token, start, lambda a: b.type_of(a) == "person")
    if lower in SIDES_NOUNS or lower in _GROUPS_OF:
        found = counted(b, token)
        return None if found is None else _several(b, token, found[0], states=SIDES_NOUNS.get(lower, False),
                                                   size=found[1])
    start = _opening(b, token)
    if start is None:
        return None
    if lower in STATE_NOUNS and token.tag_ in ("NN", "NNS"):
        return _state(b, token, start)
    if lower in PLURAL_STATE_NOUNS:
        return _several(b, token, start, states=True)
    if lower in _ALLIES:
        return _several(b, token, start, states=True) or _single(
            b, token, start, lambda a: _fits(b, a, "alliance")
        )
    if lower in _ORG_NOUNS or lower in GROUP_NOUNS:
        fits = lambda a: _fits(b, a, lower)  # noqa: E731
        return _single(b, token, start, fits) or (_story_single(b, token, start, fits) if lower in _BODY_NOUNS else None)
    return None


#: State institutions that a place named after them makes that place's state's ("police in Germany"); not an
#: army, which may be anyone's in a place ("the army in Syria").
_LOCAL_NOUNS = STATE_NOUNS - {"military", "army", "navy", "leadership"}
#: Nouns that name one body a story is about, whenever it was last named ("the bloc"); not "the group".
_BODY_NOUNS = frozenset({"alliance", "bloc", "union", "league"})


def _story_single(b: DocActorsBuilder, noun: Token, start: int, fits) -> int | None:
    """Beyond the window, the one body the noun fits that the document has named so far ("the Arab
    League chief ... (six sentences) ... *the bloc* suspended Syria"); none when two or more fit."""
    excluded = clause_subject_actors(b, noun)
    named = {ref.actor for ref in b.ordered() if ref.start < start and len(ref.actors) == 1 and fits(ref.actor)}
    if len(named) != 1 or named & excluded:
        return None
    b.add(start, noun.i + 1, named.pop(), "description", head=noun.i)
    return noun.i + 1
