"""Arguments of predicates: subjects, objects and the actors a noun phrase names.

The functions here read spaCy's dependency parse (ClearNLP labels). They
answer two questions for the extractor:

* which tokens fill an object slot of a predicate (:func:`slot_tokens`); subjects
  are found by :mod:`~diplograph.nlp.syntax`;
* which actors a phrase names (:func:`phrase_actors`), expanding
  coordination and companions ("France, along with Germany"), role nouns ("the leaders
  of France", "Russian forces") and, for place-like targets, locations inside the phrase.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from diplograph.actors.doc_actors import DocActors
from diplograph.actors.sectors import civil_agent
from diplograph.nlp.syntax import child_with, is_passive, own_words
from diplograph.relations.clauses import is_mandative

__all__ = [
    "Arg",
    "companions",
    "conjuncts",
    "phrase_actors",
    "slot_tokens",
    "relative_antecedent",
    "country_of",
    "sentence_start",
    "RELATIONAL_NOUNS",
    "QUANTITY_NOUNS",
    "MONEY_NOUNS",
    "measured_by",
]

#: Nouns that name someone else than their possessor ("Zelenskyy's allies").
RELATIONAL_NOUNS = frozenset({
    "ally", "partner", "neighbour", "neighbor", "enemy", "rival", "opponent", "adversary", "critic",
    "counterpart", "friend", "foe", "supporter", "backer", "successor", "predecessor", "target"})

#: Nouns that only measure their ``of`` complement ("a series of attacks").
QUANTITY_NOUNS = frozenset({
    "series", "wave", "round", "number", "string", "spate", "volley", "salvo", "set", "package",
    "raft", "batch", "flurry", "barrage", "campaign", "couple", "host", "slew", "dozen", "hundred",
    "thousand", "lot", "range", "kind", "type", "part", "bit"})

#: Amounts of money that measure their *in*/*of* complement ("1 billion dollars *in aid*", "$2bn *of* weapons").
MONEY_NOUNS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "franc", "billion", "million", "bn", "$", "€", "£"})
#: Nouns that pass an event to their complement through a preposition: quantities, money, and the
#: responsibility one claims *for* an act ("claimed responsibility for *the attack*": the claimer's attack).
_CARRIERS = {"of": QUANTITY_NOUNS | MONEY_NOUNS, "in": MONEY_NOUNS, "for": frozenset({"responsibility", "credit"})}

#: Nouns standing for the state of their possessor ("his country", "Putin's envoy").
_COUNTRY_NOUNS = frozenset({
    "country", "nation", "homeland", "state", "people", "envoy", "aide", "adviser", "advisor", "emissary",
    "representative", "negotiator", "delegation", "delegate", "spokesman", "spokeswoman", "spokesperson"})
#: Nouns for people sent by a state or group, named with *from*: "delegations *from* Sudan and the RSF".
_FROM_NOUNS = frozenset({
    "delegation", "delegate", "official", "representative", "envoy", "negotiator", "diplomat", "team",
    "leader", "minister", "emissary", "mediator", "observer"})
_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
_LOCATIVE_PREPS = frozenset({"in", "inside", "near", "at", "on", "outside", "around", "across", "from"})
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_LOCATION_TYPES = frozenset({"state", "place"})


@dataclass(frozen=True)
class Arg:
    """One actor found in an argument phrase.

    Attributes:
        actor: the actor id.
        token: the token the actor was read from (for the evidence span).
        via: how it was found: ``head`` (the phrase names the actor),
            ``modifier`` (a possessive, demonym or name modifier of a role
            noun), ``of`` (the complement of a role noun), ``country`` (the
            state of a person's "country"), ``locative`` (a place inside
            the phrase) or ``destination`` (where a visit goes: "a *Washington* visit").
    """

    actor: str
    token: Token
    via: str


def _listed(name: Token, child: Token) -> bool:
    """A name "apposition" that heads the rest of a list ("Argentina, *Brazil*, Peru and Chile"): a coordinated name does not rename."""
    return child.dep_ == "appos" and name.pos_ == child.pos_ == "PROPN" and child.doc[child.left_edge.i - 1].text == "," and any(
        c.dep_ == "conj" for c in child.children) and any(
        t.dep_ == "cc" and t.head.dep_ in ("conj", "appos") for t in child.subtree)


def _coordinated(current: Token) -> Iterator[Token]:
    """The members coordinated with ``current``, "as well as" parsed as a preposition included ("Cuba *as well as* Honduras")."""
    for child in current.children:
        if child.dep_ == "conj" or _listed(current, child):
            yield child
        elif child.dep_ == "cc" and child.lower_ == "as" and any(c.lower_ == "well" for c in child.children):
            yield from (o for o in child.children if o.dep_ == "pobj")


def conjuncts(token: Token) -> list[Token]:
    """``token`` and every token coordinated with it, in text order."""
    found = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in _coordinated(current):
            if child not in found:
                found.append(child)
                stack.append(child)
    found.sort(key=lambda t: t.i)
    # a list closes at the member after its last "and"/"or": a member after a comma beyond it is another
    # phrase ("between A and B, *Russian Ambassador* X said"); a list with no "and" is read as parsed
    ccs = [t.i for t in token.doc[found[0].i : found[-1].i] if t.dep_ == "cc" and t.lower_ in ("and", "or")]
    beyond = [m for m in found if ccs and m.i > max(ccs)][1:]  # the members after the one the last "and" joins
    return [m for m in found if m not in beyond or m.doc[m.left_edge.i - 1].text != ","]


def _unique(args: Iterable[Arg]) -> list[Arg]:
    first: dict[str, Arg] = {}
    for arg in args:
        first.setdefault(arg.actor, arg)
    return list(first.values())


def phrase_actors(
    head: Token,
    actors: DocActors,
    *,
    locative: bool = False,
    event_nouns: Collection[str] = (),
    depth: int = 0,
) -> list[Arg]:
    """The actors named by the noun phrase headed by ``head`` (coordination expanded).

    Args:
        head: the head token of the phrase.
        actors: the document's resolved actors.
        locative: also accept a state or place found inside the phrase
            (for attack and deployment targets).
        event_nouns: lemmas of event nouns; for those, only the agent
            (possessive or modifier) is read, not the ``of`` complement
            ("Russia's invasion of Ukraine" names Russia).
    """
    if depth > 4:
        return []
    found: list[Arg] = []
    for token in conjuncts(head):
        found.extend(_single_actors(token, actors, locative, event_nouns, depth))
        for companion in companions(token):  # "Zelenskyy, along with the leaders of ..."
            found.extend(phrase_actors(companion, actors, locative=locative, event_nouns=event_nouns, depth=depth + 1))
    return _unique(found)


def companions(token: Token) -> list[Token]:
    """Objects of "along with", "together with", "alongside", "including" attached to a noun."""
    found = []
    for child in token.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ in ("including", "notably", "especially"):  # "20 countries, *including Russia*"
            found.extend(o for o in child.children if o.dep_ == "pobj")
            continue
        if child.lower_ in ("along", "together"):
            for inner in child.children:
                if inner.dep_ == "prep" and inner.lower_ == "with":
                    found.extend(o for o in inner.children if o.dep_ == "pobj")
        elif child.lower_ == "alongside" or child.lower_ == "with" and any(  # "*together* with" as an adverb
            g.dep_ == "advmod" and g.lower_ in ("together", "along") for g in child.children
        ):
            found.extend(o for o in child.children if o.dep_ == "pobj")
    return found


def where_antecedent(verb: Token, actors: DocActors) -> list[Arg]:
    """The place a *where* clause describes: "Afghanistan, *where* US forces have been posted"."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return []
    return [Arg(a.actor, a.token, "locative") for a in phrase_actors(verb.head, actors, locative=True)]


def relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the city, *which* forces tried to capture")."""
    current = pronoun
    for _ in range(6):  # the root is its own head: climbing from it stays there
        if current.dep_ == "relcl":
            return current.head
        current = current.head
    return None


def _single_actors(
    token: Token, actors: DocActors, locative: bool, event_nouns: Collection[str], depth: int
) -> list[Arg]:
    actor = actors.actor_of(token)
    if actor is not None:
        found = [Arg(actor, token, "head")]
        # "Trump and Vice President JD Vance" parsed as one name: nmod names joined by "and".
        for inner in own_words(token):
            inner_actor = actors.actor_of(inner)
            if inner.dep_ == "nmod" and inner_actor and inner_actor != actor:
                if any(child.dep_ == "cc" for child in inner.children):
                    found.append(Arg(inner_actor, inner, "head"))
        return found
    several = actors.actors_of(token)
    if several:  # a plural reference: "they", "both men", "the prime ministers of X and Y"
        return [Arg(actor_id, token, "head") for actor_id in several]
    if token.lower_ in _RELATIVE_PRONOUNS:
        antecedent = relative_antecedent(token)
        if antecedent is None:
            return []
        return phrase_actors(antecedent, actors, locative=locative, event_nouns=event_nouns, depth=depth + 1)
    if token.pos_ == "PRON":
        return []
    if token.dep_ == "appos" and actors.actor_of(token.head) is not None:
        # "el-Sisi, the former army *chief* who toppled Morsi": the apposition is its head
        return [Arg(actors.actor_of(token.head), token.head, "head")]
    led = _led_by(token, actors)
    if led:  # "Saudi-led forces", "the US-led coalition": the phrase stands for its leader
        return led
    named = [a for c in _appositions(token) for a in phrase_actors(c, actors, depth=depth + 1)]
    if named:  # "a senior Iranian adviser, *Ali Akbar Velayati*": the apposition names who it is
        return named
    found = []
    relational = token.lemma_.lower() in RELATIONAL_NOUNS
    event = token.lemma_.lower() in event_nouns
    civil = token.pos_ == "NOUN" and not event and civil_agent(token.lower_)
    for child in token.children:
        if child.dep_ in _MODIFIER_DEPS and not (relational and child.dep_ == "poss"):
            for part in conjuncts(child):
                part_actor = actors.actor_of(part)
                if civil and child.dep_ != "poss" and part_actor and actors.actors[part_actor].type == "state":
                    continue  # "Russian tourists", "Chinese companies": the state's people, not the state
                if part_actor is not None:
                    if token.lemma_.lower() in _COUNTRY_NOUNS and child.dep_ == "poss":
                        part_actor = country_of(part_actor, actors) or part_actor
                        found.append(Arg(part_actor, part, "country"))
                    else:
                        found.append(Arg(part_actor, part, "modifier"))
        elif child.dep_ == "prep" and (
            child.lower_ == "of" and not (relational or event)
            or child.lower_ == "from" and token.lemma_.lower() in _FROM_NOUNS
        ):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found.extend(
                        Arg(a.actor, a.token, "of" if a.via == "head" else a.via)
                        for a in phrase_actors(obj, actors, locative=locative, depth=depth + 1)
                    )
    if not found and locative:
        found = _locative_actors(token, actors)
    return found


def _led_by(token: Token, actors: DocActors) -> list[Arg]:
    """The actor hyphened to a *-led* modifier of ``token`` ("*Saudi*-led forces")."""
    for child in token.children:
        if child.dep_ == "amod" and child.lemma_.lower() == "lead" and child.i > 0 and child.doc[child.i - 1].text == "-":
            for agent in child.children:
                actor = actors.actor_of(agent) if agent.i < child.i else None
                if actor is not None:
                    return [Arg(actor, agent, "modifier")]
    return []


def _appositions(token: Token) -> list[Token]:
    """Appositions naming the phrase headed by ``token``: its own, or one closing the phrase.

    The parser often hangs a closing apposition on the nearest noun ("a senior
    adviser to the president, *Juan Ortega*, said"): an apposition that ends the
    phrase, right before its closing comma, names the whole phrase.
    """
    own = [c for c in token.children if c.dep_ == "appos"]
    if own:
        return own
    edge = token.right_edge
    while edge.i > token.i and edge.is_punct:
        edge = edge.doc[edge.i - 1]
    return [
        t for t in token.subtree
        if t.dep_ == "appos" and t.head != token and t.right_edge.i == edge.i and t.i > token.i
        and t.doc[t.left_edge.i - 1].text == ","
    ]


def country_of(person: str, actors: DocActors) -> str | None:
    """The state actor of a person's country, when the document mentions it."""
    actor = actors.actors.get(person)
    return actors.state_of(actor.country) if actor is not None and actor.type == "person" else None


def _locative_actors(token: Token, actors: DocActors) -> list[Arg]:
    """The first state or place inside a phrase ("a plant located near Orenburg")."""
    clauses = {t.i for c in token.subtree if c != token and c.dep_ in ("relcl", "ccomp", "advcl") for t in c.subtree}
    for inner in token.subtree:
        if inner == token or inner.i in clauses:
            continue  # a place inside a clause of the phrase is that clause's ("before it gave up its weapons")
        actor = actors.actor_of(inner)
        record = actors.actors.get(actor) if actor is not None else None
        if record is not None and record.type in _LOCATION_TYPES:
            while inner.head != token and actors.actor_of(inner.head) == actor:
                inner = inner.head  # from the name's head: "North" is a compound inside "North Korea"
            path_ok = any(a.lower_ in _LOCATIVE_PREPS or a.dep_ in ("poss", "compound", "acl") for a in _path(inner, token))
            if path_ok:
                return [Arg(actor, inner, "locative")]
    return []


def _path(token: Token, top: Token) -> Iterator[Token]:
    current = token
    while current != top and current.head != current:
        yield current
        current = current.head


def measured_by(noun: Token) -> Token | None:
    """The noun whose complement ``noun`` is ("a series of *attacks*", "1 billion dollars in *aid*",
    "responsibility for *the bombing*"), or None."""
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep" or head.head == head:
        return None
    owner = head.head
    return owner if owner.lemma_.lower() in _CARRIERS.get(head.lower_, ()) else None


def sentence_start(token: Token) -> int:
    """Index of the first token of ``token``'s sentence (cheaper than ``token.sent``)."""
    i = token.i
    while i > 0 and not token.doc[i].is_sent_start:
        i -= 1
    return i


def slot_tokens(verb: Token, slot: str) -> list[Token]:
    """The tokens filling ``slot`` of ``verb``.

    Slots: ``dobj`` (direct object; the grammatical subject of a passive
    verb), ``dative`` (indirect object), ``ccomp_subj`` (subject of a
    complement clause: "demanded that *Ukraine* withdraw"), or a preposition
    ("with", "on", ...), whose objects are returned (also when the
    preposition hangs off the verb's direct object: "funds weapons *for* X"),
    or ``^`` and a preposition: only that preposition on the direct object
    ("voiced disapproval *of* X").
    """
    found: list[Token] = []
    if slot == "dobj":
        if is_passive(verb):
            subject = child_with(verb, "nsubjpass")
            return [subject] if subject is not None else []
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")] or [  # a name object the model calls npadvmod
            c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > verb.i]
        if not objects:  # "encircle and capture the city": coordinated verbs share the object
            partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            if verb.dep_ == "conj":
                partners.append(verb.head)
            for partner in partners:
                if not is_passive(partner):
                    objects.extend(
                        c
                        for c in partner.children
                        if c.dep_ in ("dobj", "obj") and (c.i > verb.i or c.lower_ in _RELATIVE_PRONOUNS)
                    )
        return objects
    if slot == "dative":
        return [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"] + [
            p for c in verb.children if c.dep_ == "dative" and c.pos_ == "ADP" for p in c.children if p.dep_ == "pobj"
        ]
    if slot == "ccomp_subj":
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp") and is_mandative(child) or child.dep_ == "oprd":  # "declared *NATO* obsolete"
                subject = child_with(child, "nsubj", "nsubjpass")
                if subject is not None:
                    found.append(subject)
        return found
    if slot.startswith("^"):  # "voiced disapproval *of* X": only the preposition on the verb's object
        return [o for obj in verb.children if obj.dep_ in ("dobj", "obj") for o in _prep_objects(obj, slot[1:])]
    found = _prep_objects(verb, slot)
    if not found and slot != "of" and verb.pos_ in ("VERB", "AUX"):
        for obj in verb.children:  # "fund interceptors *for Ukraine*": the preposition hangs off the object
            if obj.dep_ in ("dobj", "obj"):
                found.extend(_prep_objects(obj, slot))
    return found


def _prep_objects(holder: Token, preposition: str) -> list[Token]:
    found: list[Token] = []
    words = preposition.split()
    for child in holder.children:
        if child.dep_ in ("prep", "prt", "dative", "agent") and child.lower_ == words[0]:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    found.append(obj)
                elif obj.dep_ == "prep" and len(words) == 1:  # "close to", "along with"
                    found.extend(o for o in obj.children if o.dep_ == "pobj")
    return found
