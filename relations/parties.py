"""The two sides: "the two sides", "both delegations", and targets implied by them.

Every relation read so far whose type sets two sides against each other
(``parties.opposing_types`` of the lexicon: talks, deals, accusations,
attacks ...) records its source and target as a pair of sides; a relation of
a ``third_party_types`` type (mediation) records its two targets. Then:

* a phrase naming two sides ("the two sides", "both delegations", "the
  warring parties", "the two countries") refers to the most recent pair that
  does not include the subject of its own clause ("NATO urged *both sides*"
  is not about NATO); with state nouns ("countries") people stand for their
  state, and when no relation has paired two sides yet, "both countries" are
  the two states named last;
* a demand, agreement, rejection or appeal about a ceasefire, talks or a
  deal (``parties.implied_types`` about ``parties.implied_events``) with no
  target in its sentence is addressed to the source's counterpart in the
  most recent pair ("Ukraine insisted on an immediate ceasefire" after
  talks between Ukraine and Russia -> Ukraine demands of Russia);
* "A and B accused *each other*" relates A and B both ways.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from diplograph.actors.doc_actors import DocActors
from diplograph.nlp.syntax import clause_subject, governing_verb
from diplograph.relations.anaphora import History
from diplograph.relations.arguments import Arg, country_of, phrase_actors
from diplograph.relations.lexicon import Lexicon
from diplograph.relations.matching import noun_entry

__all__ = [
    "SIDES_WINDOW",
    "own_side",
    "leader_pairs",
    "own_government",
    "is_sides_phrase",
    "sides_phrases",
    "resolve_sides",
    "record_sides",
    "implied_counterpart",
    "is_each_other",
]

#: How many sentences back a pair of sides is remembered.
SIDES_WINDOW = 12
_NUMBERS = frozenset({"two", "both", "warring", "opposing", "rival", "feuding"})
_OPPOSED = frozenset({"opposing", "rival", "different", "competing"})


def is_sides_phrase(token: Token, lexicon: Lexicon) -> bool:
    """True for the head of "the two sides", "both delegations", "the warring parties"."""
    if token.lower_ not in lexicon.parties.nouns or token.tag_ not in ("NNS", "NNPS"):
        return False
    words = {c.lower_ for c in token.children if c.i < token.i and c.dep_ in ("det", "nummod", "amod", "predet")}
    return bool(words & _NUMBERS)


#: Types of a state's own nationals; an armed group (rebels, militants) is no state's own side.
_NATIONALS = frozenset({"person", "organization"})


def own_side(a: str, b: str, actors: DocActors) -> bool:
    """Is one end a state and the other its own national ("Russia" and "Putin"; not "Syrian rebels" and Syria)?"""
    for state, other in ((a, b), (b, a)):
        record, member = actors.actors.get(state), actors.actors.get(other)
        if record and member and record.type == "state" and member.type in _NATIONALS:
            if member.country and member.country == record.country:
                return True
    return False


def leader_pairs(pairs: Iterable[tuple[Arg, Arg]], actors: DocActors) -> list[tuple[Arg, Arg]]:
    """The pairs of two different actors, a state named for a leader ("the *Obama* administration")
    read as that leader when the other end is the state's own national: "Trump accused the Obama
    administration" is Trump against Obama, not against the United States."""
    found = []
    for pair in pairs:
        if own_side(pair[0].actor, pair[1].actor, actors):
            pair = tuple(_as_leader(arg, actors) for arg in pair)
        if pair[0].actor != pair[1].actor:
            found.append(pair)
    return found


def _as_leader(arg: Arg, actors: DocActors) -> Arg:
    leader = actors.leader_of(arg.token)
    return Arg(leader, arg.token, arg.via) if leader is not None and leader in actors.actors else arg


#: Words of a role that speaks for the government of the office holder's state.
_OFFICE_WORDS = ("president", "prime minister", "minister", "chancellor", "secretary", "spokes", "ambassador",
                 "envoy", "premier", "king", "queen", "emir", "foreign", "defence", "defense")


def own_government(speaker: str, accused: str, actors: DocActors) -> bool:
    """Is ``speaker`` an office holder of the state ``accused`` (Tillerson and the United States)? A
    government does not accuse itself; its opposition ("Labour leader Corbyn" and the UK) does."""
    record, state = actors.actors.get(speaker), actors.actors.get(accused)
    if not (record and state and record.type == "person" and state.type == "state" and record.country == state.country):
        return False
    return any(word in role.lower() for role in record.roles for word in _OFFICE_WORDS)


def _side(actor: str, actors: DocActors) -> set[str]:
    """An actor and the state it stands for."""
    state = country_of(actor, actors)
    return {actor} if state is None else {actor, state}


def _recent_pair(history: History, before: Token, excluded: set[str], actors: DocActors) -> tuple[str, str] | None:
    for sides in reversed(history.sides):
        if sides.token >= before.i:
            continue
        if history.sentence - sides.sentence > SIDES_WINDOW:
            return None
        if not any(_side(actor, actors) & excluded for actor in sides.actors):
            return sides.actors
    return None


#: How many tokens back "both countries" looks for the two states it names when no relation paired them.
STATES_WINDOW = 400


def _recent_states(token: Token, excluded: set[str], actors: DocActors) -> tuple[str, str] | None:
    """The two states named last before ``token`` ("ties between Malaysia and North Korea ... *both countries*")."""
    found: list[str] = []
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - STATES_WINDOW), -1):
        actor = actors.actor_of(doc[i])
        record = actors.actors.get(actor) if actor else None
        if record is None or record.type != "state" or actor in excluded or actor in found:
            continue
        found.append(actor)
        if len(found) == 2:
            return found[1], found[0]
    return None


def _governing_subject(token: Token, actors: DocActors) -> set[str]:
    """Actors (and their states) of the subject of the clause a phrase is an argument of."""
    subject, _ = clause_subject(governing_verb(token, include_self=True, max_hops=None))
    if subject is None or token in subject.subtree:
        return set()
    found: set[str] = set()
    for arg in phrase_actors(subject, actors):
        found |= _side(arg.actor, actors)
    return found


def _acting_pair(token: Token, actors: DocActors) -> bool:
    """Does the verb a sides phrase is the object of have several actors as subject ("A and B back ...")?"""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    subject, _ = clause_subject(verb)
    return subject is not None and len(phrase_actors(subject, actors)) > 1


def sides_phrases(sentence: Span, actors: DocActors, lexicon: Lexicon) -> list[Token]:
    """The heads of the two-sides phrases of a sentence that actor resolution left unresolved."""
    return [t for t in sentence if is_sides_phrase(t, lexicon) and not actors.actors_of(t)]


def resolve_sides(phrases: list[Token], actors: DocActors, lexicon: Lexicon, history: History) -> None:
    """Point two-sides phrases at the most recent pair read before them (edits ``actors.token_actors``).

    Called before each trigger, so a pair stated earlier in the same
    sentence counts ("A and B agreed to a truce after C mediated between the
    two countries"). The caller passes a copy of the document's actors
    (extraction must not change what actor resolution returned).
    """
    state_nouns = set(lexicon.parties.state_nouns)
    for token in phrases:
        if actors.actors_of(token):
            continue
        excluded = _governing_subject(token, actors)
        if any(c.lower_ in _OPPOSED for c in token.children) and _acting_pair(token, actors):
            continue  # "Russia and Turkey, who back opposing sides": which backs which is not said
        pair = _recent_pair(history, token, excluded, actors)
        if pair is None and token.lower_ in state_nouns:
            pair = _recent_states(token, excluded, actors)
        if pair is None:
            continue
        if token.lower_ in state_nouns:
            pair = tuple(country_of(a, actors) or a for a in pair)  # type: ignore[assignment]
        if pair[0] != pair[1]:
            actors.token_actors[token.i] = pair


def record_sides(
    history: History, token: Token, relation_type: str, pairs: list, targets: list[Arg], lexicon: Lexicon
) -> None:
    """Remember the sides a relation sets against each other (see the module docstring)."""
    words = lexicon.parties
    if relation_type in words.opposing_types:
        for source, target in pairs:
            history.add_sides(token, source.actor, target.actor)
    elif relation_type in words.third_party_types and len(targets) >= 2:
        history.add_sides(token, targets[0].actor, targets[1].actor)


def implied_counterpart(
    verb: Token, relation_type: str, sources: list[Arg], actors: DocActors, lexicon: Lexicon, history: History
) -> list[Arg]:
    """The counterpart of the source a demand or agreement about a ceasefire or talks is addressed to."""
    words = lexicon.parties
    if relation_type not in words.implied_types or not sources:
        return []
    events = set(words.implied_events)
    about = [o for o in _objects(verb) if (entry := noun_entry(o, lexicon)) is not None and entry.type in events]
    if not about:
        return []
    own: set[str] = set()
    for arg in sources:
        own |= _side(arg.actor, actors)
    for sides in reversed(history.sides):
        if sides.token >= verb.i:
            continue
        if history.sentence - sides.sentence > SIDES_WINDOW:
            return []
        first, second = sides.actors
        for mine, other in ((first, second), (second, first)):
            if _side(mine, actors) & own and not _side(other, actors) & own:
                if actors.actors[sources[0].actor].type == "state":
                    other = country_of(other, actors) or other
                return [Arg(other, about[0], "anaphora")]
    return []


def _objects(verb: Token) -> list[Token]:
    """The verb's own objects ("agreed *to a ceasefire*", "demanded *a truce*"), not those of a nested clause."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for prep in verb.children:
        if prep.dep_ == "prep":
            found.extend(o for o in prep.children if o.dep_ == "pobj")
    return found


def is_each_other(verb: Token) -> bool:
    """True when the verb's object is "each other" or "one another"."""
    for child in verb.children:
        objects = [child] if child.dep_ in ("dobj", "pobj") else []
        if child.dep_ == "prep":
            objects = [o for o in child.children if o.dep_ == "pobj"]
        for obj in objects:
            words = {c.lower_ for c in obj.children} | {obj.lower_}
            if obj.lower_ in ("other", "another") and words & {"each", "one"}:
                return True
    return False
