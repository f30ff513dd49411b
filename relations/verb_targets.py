"""Verb targets: the actors a verb's slots name, from its object to places deep in its phrases.

A lexicon entry lists the slots a verb's target is read from (object,
indirect object, prepositions); :func:`verb_targets` reads them, and, for attack
and deployment verbs whose slots name no actor, falls back on a place or state
anywhere in the verb's own phrases. :func:`nested_targets` reads the target of
a trigger inside a complement clause ("threatened to *strike Kyiv*").
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.doc_actors import DocActors
from diplograph.relations.arguments import Arg, phrase_actors, slot_tokens, where_antecedent
from diplograph.relations.lexicon import Lexicon, VerbEntry
from diplograph.relations.matching import noun_entry, verb_entry
from diplograph.relations.nominal import (
    noun_targets,
)

__all__ = ["verb_targets", "nested_targets", "deep_targets", "slot_taken", "taken_places"]


def _free_relative(clause: Token) -> bool:
    """ "struck *what it called camps inside Pakistan*": a clause standing for the object."""
    return clause.dep_ == "ccomp" and any(c.lower_ in ("what", "whatever") for c in clause.children)


#: Slots naming where an act happens: an owner in the object ("*Houthi* positions") comes first.
_PLACE_SLOTS = frozenset({"in", "at", "into", "inside"})

#: Prepositions of a vicinity ("strikes *near* Palmyra"): never an attack's target.
_VICINITY = frozenset({"near", "around", "outside", "off"})


#: Fighters named by no actor, and what they do: the object of an attack on them is them, not the place they are in.
_COMBATANTS = frozenset({"terrorist", "militant", "insurgent", "jihadist", "extremist", "fighter", "gunman", "terrorism",
                         "extremism", "radicalism", "crime", "piracy", "trafficking", "smuggling"})


#: Phrases of the circumstances of an act, not of what it hits: "*during* Abe's visit to Florida",
#: "*in defiance of* UN resolutions", "*in response to* the drills".
_CIRCUMSTANCE_PREPS = frozenset({"during", "amid", "after", "following", "before", "despite", "since", "ahead"})
_CIRCUMSTANCE_NOUNS = frozenset({"defiance", "response", "violation", "breach", "protest", "retaliation", "reply",
                                 "solidarity", "support", "memory", "honour", "honor", "spite"})


def _circumstance(token: Token) -> bool:
    if token.dep_ != "prep":
        return False
    return token.lower_ in _CIRCUMSTANCE_PREPS or token.lower_ == "in" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _CIRCUMSTANCE_NOUNS for o in token.children)


def deep_targets(verb: Token, relation: str, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """A place or state anywhere in the verb's own phrases ("fired missiles ... *at Ukraine*").

    Last resort for attack and deployment targets: scans the verb's subtree,
    outside nested clauses, for a target or locative preposition naming one.
    """
    preps = set(lexicon.target_slots.get(relation, ())) | {"in", "inside", "at", "on", "into", "toward", "towards"}
    preps -= _VICINITY
    stack = [
        c
        for c in verb.children
        if (c.dep_ not in ("nsubj", "nsubjpass", "ccomp", "advcl", "relcl", "parataxis") or _free_relative(c))
        and c.lower_ != "according"  # "according to an expert *at* the Council": the source of the account
    ]
    while stack:
        token = stack.pop(0)
        if _circumstance(token):
            continue
        if token.dep_ == "prep" and token.lower_ in preps:
            for obj in token.children:
                if obj.dep_ == "pobj":
                    found = phrase_actors(obj, actors, locative=True, event_nouns=lexicon.nouns.keys())
                    found = _fought_in(verb, [Arg(a.actor, a.token, "locative") for a in found], actors)
                    if found:
                        return found
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "ccomp", "advcl", "acl", "parataxis"))
    return []


def _owner(arg: Arg, lexicon: Lexicon) -> bool:
    """ "the *Syrian* town of Jarablus", "*Iraq's* second city": the actor only owns the place named."""
    token = arg.token
    return arg.via == "modifier" and token.dep_ in ("poss", "amod", "compound") and token.head.lemma_.lower() in lexicon.place_nouns


def taken_places(verb: Token, relation: str, found: list[Arg], actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """The targets of an attack verb without the owners and surroundings of the place it takes.

    "Bombed the Syrian city of Aleppo" targets Aleppo, not Syria; a verb taking
    a place back ("retook Iraq's second city") never targets its owner, and one
    taking a place ("captured the outskirts of al-Bab in northern Syria") never
    the country it lies in. Only for the lexicon's ``place_owner_types``.
    """
    if relation not in lexicon.place_owner_types:
        return found
    owners = [a for a in found if _owner(a, lexicon)]
    named = [a for a in found if a not in owners and a.via == "of" and actors.actors[a.actor].type == "place"]
    lemma = verb.lemma_.lower()
    recovery = lemma in lexicon.recovery_verbs
    taking = recovery or lemma in lexicon.taking_verbs

    def around(a: Arg) -> bool:  # the country a taken place lies in; "seized it *from Ukraine*" names the loser
        return a.via == "locative" and actors.actors[a.actor].type == "state" and a.token.head.lower_ != "from"

    return [a for a in found if not (a in owners and (named or recovery)) and not (taking and around(a))]


def verb_targets(verb: Token, entry: VerbEntry, relation: str, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    found = _fought_in(verb, _slot_targets(verb, entry, relation, actors, lexicon), actors)
    return taken_places(verb, relation, found, actors, lexicon)


def _fought_in(verb: Token, found: list[Arg], actors: DocActors) -> list[Arg]:
    """ "fighting *terrorists* in Syria" attacks no Syria, "fighting Afghan insurgents" no Afghanistan (a
    town they hold may be the place attacked)."""
    if not _fights(verb):
        return found
    return [a for a in found if actors.actors[a.actor].type != "state"]


def _fights(verb: Token) -> bool:
    return any(t.lemma_.lower() in _COMBATANTS for t in slot_tokens(verb, "dobj"))


def _slot_targets(verb: Token, entry: VerbEntry, relation: str, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    slots = entry.target or lexicon.target_slots.get(relation, ("dobj",))
    locative = relation in lexicon.locative_types
    owned: list[Arg] = []  # "awarded *a Palestinian honour* to X": the object only names whose thing it is
    for slot in slots:
        if owned and slot in _PLACE_SLOTS:
            return owned  # "bombed *Houthi* positions in Yemen": the owner, not the place, is the target
        found: list[Arg] = []
        for token in slot_tokens(verb, slot):
            found.extend(phrase_actors(token, actors, locative=locative, event_nouns=lexicon.nouns.keys()))
        if found and slot == "dobj" and all(a.via == "modifier" for a in found) and len(slots) > 1:
            owned = owned or found
            continue
        if found:
            return found
    if owned:
        return owned
    return where_antecedent(verb, actors) if locative else []


def slot_taken(verb: Token, entry: VerbEntry, relation: str, lexicon: Lexicon) -> bool:
    """True when the object, *with* or *to* slot holds a common noun ("speaking *with one voice*", "met
    *reporters*", "came *to mind*", "talked *to the press*").

    Coordinated subjects of such a verb did not act on each other: "A and B
    met reporters" is no meeting between A and B.
    """
    slots = entry.target or lexicon.target_slots.get(relation, ("dobj",))
    for slot in slots:
        if slot not in ("dobj", "with", "to"):
            continue
        for token in slot_tokens(verb, slot):
            if token.pos_ != "NOUN":
                continue
            event = noun_entry(token, lexicon)
            if event is None or event.type not in (relation, *lexicon.reciprocal_types):
                return True  # "met reporters", "meet the alliance's *target*" (an attack noun; "negotiate a deal" is not)
    return False


def nested_targets(clause: Token, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """Targets of a trigger inside a complement clause ("threatened to *strike Kyiv*")."""
    entry = verb_entry(clause, lexicon)
    if entry is not None:
        found = verb_targets(clause, entry, entry.type, actors, lexicon)
        if found:
            return found
    for child in clause.children:
        if child.dep_ == "dobj":
            noun = noun_entry(child, lexicon)
            if noun is not None:
                found = noun_targets(child, noun.type, noun, actors, lexicon, extra=clause)
                if found:
                    return found
    return []
