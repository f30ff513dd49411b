"""Nominal events: the arguments of event nouns.

"Russia's invasion", "a Russian offensive on the city", "airstrikes on
Ukraine", "sanctions against Russia", "security guarantees for Ukraine",
"a meeting with Putin", "a summit between Trump and Putin", "the threat to
increase pressure on the Kremlin".

The *source* (agent) of an event noun is its possessive, a name or demonym
modifying it ("US strikes", "Israeli and American strikes"), or the object of
*by*/*from*; for meeting-like nouns also the object of *of* ("a meeting of
the coalition"). Places never act: "the Alaska summit" has no source. The
*target* is the object of a type-specific preposition (``noun_target_preps``
in the lexicon), or else the object of the noun's purpose clause ("sanctions
to pressure Russia").
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.doc_actors import DocActors
from diplograph.nlp.syntax import clause_subject, is_infinitive, is_passive
from diplograph.relations.arguments import Arg, conjuncts, phrase_actors, slot_tokens
from diplograph.relations.clauses import FRAMING_PREPS
from diplograph.relations.lexicon import Lexicon, NounEntry

__all__ = [
    "reason_targets",
    "is_reason",
    "noun_sources",
    "noun_targets",
    "purpose_targets",
    "copular_subject",
    "effort_agents",
    "circumstance_agents",
    "AGENT_TYPES",
    "OF_SOURCE_TYPES",
]

#: Actor types that can be the agent of an event named by a modifier.
AGENT_TYPES = frozenset({"person", "state", "organization", "group"})
#: Relation types whose event noun names its participants with *of*.
OF_SOURCE_TYPES = frozenset({"meets", "negotiates", "agrees"})


def _agents(args: list[Arg], actors: DocActors) -> list[Arg]:
    return [a for a in args if (actors.actors.get(a.actor) is not None and actors.actors[a.actor].type in AGENT_TYPES)]


def _possessors(noun: Token, actors: DocActors) -> list[Arg]:
    """The actors of a noun's possessor and name modifiers ("*Russia's* invasion", "*Israeli and US* strikes")."""
    found: list[Arg] = []
    for child in noun.children:
        if child.dep_ == "poss":
            found.extend(phrase_actors(child, actors))
        elif child.dep_ in ("amod", "compound", "nmod"):
            found.extend(Arg(actor, part, "modifier") for part in conjuncts(child) if (actor := actors.actor_of(part)))
    return found


def _destination(token: Token, actor: str, actors: DocActors) -> bool:
    """A state or place named as a name modifier: where a visit goes ("a *Washington* visit")."""
    return token.dep_ in ("compound", "nmod") and actors.actors[actor].type in ("state", "place")


#: Metonyms that are institutions, not cities: "a Kremlin attack" would be Russia's.
_INSTITUTION_METONYMS = frozenset({"kremlin", "pentagon", "elysee", "\u00e9lys\u00e9e"})


def _venue(token: Token, actors: DocActors) -> bool:
    """A city named as a name modifier of an attack: where it struck, not who ("the *Paris* attacks")."""
    mention = actors.mention_of(token)
    return token.dep_ in ("compound", "nmod") and mention is not None and mention.kind == "metonym" and (
        token.lower_ not in _INSTITUTION_METONYMS)


def noun_sources(noun: Token, relation: str, entry: NounEntry, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """The agents of the event noun ``noun``."""
    source_preps = set(entry.source or lexicon.noun_source_preps)
    found: list[Arg] = []
    located = relation in lexicon.locative_types
    if entry.possessor == "source":  # a role noun's possessor is whom the role is held toward ("Syria's ally")
        found.extend(a for a in _possessors(noun, actors)
                     if not (entry.destination and a.via == "modifier" and _destination(a.token, a.actor, actors))
                     and not (located and a.via == "modifier" and _venue(a.token, actors)))
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in source_preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found.extend(phrase_actors(obj, actors))
        elif child.dep_ == "prep" and child.lower_ == "of" and relation in OF_SOURCE_TYPES:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found.extend(phrase_actors(obj, actors))
        elif child.dep_ == "acl" and child.tag_ == "VBN" and not lexicon.verb_entries(child.lemma_):
            # "the ultimatum *issued by* Washington" (not "talks *mediated by* Qatar": a relation of its own)
            for agent in child.children:
                if agent.dep_ == "agent":
                    found.extend(a for obj in agent.children if obj.dep_ == "pobj" for a in phrase_actors(obj, actors))
    unique: dict[str, Arg] = {}
    for arg in _agents(found, actors):
        unique.setdefault(arg.actor, arg)
    return list(unique.values())


def noun_targets(
    noun: Token,
    relation: str,
    entry: NounEntry,
    actors: DocActors,
    lexicon: Lexicon,
    *,
    extra: Token | None = None,
) -> list[Arg]:
    """The targets of the event noun ``noun`` (and of its light verb ``extra``, if given)."""
    preps = tuple(entry.target or lexicon.noun_target_preps.get(relation, ()))
    locative = relation in lexicon.locative_types
    event_nouns = lexicon.nouns.keys()
    found: list[Arg] = []
    # "sanctions *imposed on Iran*": the participle that modifies the noun holds its target
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    holders = [noun] + ([extra] if extra is not None else []) + participles
    for holder in holders:
        for prep in preps:
            if extra is not None and holder == extra and prep == "of":
                continue
            for obj in slot_tokens(holder, prep):
                found.extend(phrase_actors(obj, actors, locative=locative, event_nouns=event_nouns))
        if found:
            break
    if not found and entry.subject == "source":  # "guarantors of *the truce between A and B*"
        found = _deal_parties(noun, actors, lexicon)
    if not found and entry.possessor == "target":  # "Syria's closest ally", "a key US ally"
        found = _possessors(noun, actors)
    if not found and extra is not None:
        for obj in slot_tokens(extra, "dative"):
            found.extend(phrase_actors(obj, actors))
    if not found:
        found = purpose_targets(noun, actors, lexicon)
    if not found and (locative or entry.destination):  # "the Kharkiv offensive", "a Washington visit"
        for child in noun.children:
            actor = actors.actor_of(child) if child.dep_ in ("compound", "nmod") else None
            if actor is not None and entry.destination and _destination(child, actor, actors):
                found.append(Arg(actor, child, "destination"))  # a place one goes to, met in person
            elif actor is not None and locative and (actors.actors[actor].type == "place" or _venue(child, actors)):
                found.append(Arg(actor, child, "modifier"))
    if any(a.via != "locative" for a in found):  # "opened fire *on them* at a base in Helmand": not Helmand
        found = [a for a in found if a.via != "locative"]
    unique: dict[str, Arg] = {}
    for arg in found:
        unique.setdefault(arg.actor, arg)
    return list(unique.values())


def _deal_parties(noun: Token, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """The parties of the meeting or deal a role noun is held toward: its ``of`` object's
    participants ("the guarantor of *a ceasefire between the government and the rebels*")."""
    for obj in slot_tokens(noun, "of"):
        nested = lexicon.nouns.get(obj.lemma_.lower())
        if nested is not None and nested.type in OF_SOURCE_TYPES and nested.subject is None:
            found = noun_targets(obj, nested.type, nested, actors, lexicon)
            if found:
                return found
    return []


def purpose_targets(noun: Token, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """Objects of a to-infinitive modifying ``noun``: "sanctions to pressure *Russia*".

    When the object is itself an event noun, its target is taken instead:
    "the threat to increase pressure *on the Kremlin*".
    """
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and is_infinitive(child):
            for obj in child.children:
                if obj.dep_ != "dobj":
                    continue
                nested = lexicon.nouns.get(obj.lemma_.lower())
                if nested is not None:  # "the threat to increase *pressure on the Kremlin*"
                    found = noun_targets(obj, nested.type, nested, actors, lexicon, extra=child)
                else:
                    found = phrase_actors(obj, actors, event_nouns=lexicon.nouns.keys())
                if found:
                    return found
    return []


#: Objects that make "over"/"for" a time, a span or an idiom rather than a reason.
_NOT_REASONS = frozenset(
    "part time times year years day days hour hours week weeks month months moment while now weekend decade "
    "decades period past years border".split()
)


def is_reason(prep: Token) -> bool:
    """Does "over"/"for" give a reason here, not a time or an idiom ("over the weekend", "for their part")?"""
    objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    return bool(objects) and all(o.lemma_.lower() not in _NOT_REASONS and o.ent_type_ not in ("DATE", "TIME") for o in objects)


def reason_targets(holders: list[Token], relation: str, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """Whose act a sanction, accusation or demand answers: "sanctions *over an Iranian missile test*".

    Reads the lexicon's ``reason_preps`` for the type on each holder (the verb,
    the event noun): the actors of the reason phrase, an event's agent first.
    """
    preps = lexicon.reason_preps.get(relation, ())
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps or not is_reason(prep):
                continue
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    found = phrase_actors(obj, actors, event_nouns=lexicon.nouns.keys())
                    if found:
                        return [Arg(a.actor, a.token, "reason") for a in found]
    return []


_COPULAS = frozenset({"be", "become", "remain", "stay", "seem", "appear"})
#: Verbs whose "as" phrase is how someone is seen or named, not a role held ("regarded as an ally").
_VIEW_VERBS = frozenset({"see", "regard", "view", "describe", "portray", "consider", "call", "label", "brand",
                         "depict", "characterize", "characterise", "present", "dismiss", "denounce", "treat"})
_EFFORT_CLIMB = frozenset({"pobj", "prep", "dobj", "acl", "xcomp", "appos", "conj", "compound", "pcomp"})


def copular_subject(noun: Token) -> Token | None:
    """The subject of a copula whose complement is ``noun`` ("*Pokrovsk* became the main target",
    "Nigeria was *among* its supporters"), or the head ``noun`` is in apposition to ("*Iran*, an ally")."""
    head = noun.head
    if noun.dep_ == "appos" and head.pos_ == "PROPN" and head.i < noun.i:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep":
        return _role_holder(head.head, before=head.i < head.head.i)
    if noun.dep_ == "pobj" and head.lower_ == "among" and head.dep_ in ("prep", "attr"):
        noun, head = head, head.head
    if noun.dep_ in ("attr", "oprd", "acomp", "prep") and head.lemma_.lower() in _COPULAS:
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def _role_holder(governor: Token, *, before: bool) -> Token | None:
    """Who holds a role named with *as*: the noun it follows, or the subject of the verb it
    precedes ("*Turkey*, as a guarantor of the truce, bears ...") or of a verb with no object
    ("*Oman* served as a mediator"); "Washington sees Riyadh as an ally" names a view, not a role,
    and gives none."""
    if governor.pos_ in ("PROPN", "NOUN", "PRON"):
        return governor
    if governor.pos_ not in ("VERB", "AUX") or governor.lemma_.lower() in _VIEW_VERBS or not before and any(
            c.dep_ in ("dobj", "nsubjpass") for c in governor.children):
        return None
    subject, _ = clause_subject(governor)
    return subject


def effort_agents(noun: Token, actors: DocActors, lexicon: Lexicon, *, max_hops: int = 8) -> list[Arg]:
    """The agent of an effort an event noun is part of.

    "Trump's efforts to mediate an end to the war, including *a meeting* with
    Putin": the meeting is Trump's. Climbs from ``noun`` through noun-phrase
    and complement links (never out of its clause) to the nearest noun of
    ``lexicon.effort_nouns`` and returns its possessor.
    """
    efforts = {w.lower() for w in lexicon.effort_nouns}
    current = noun
    for _ in range(max_hops):
        if current.dep_ not in _EFFORT_CLIMB and not (current.dep_ == "prep" or current.pos_ == "VERB"):
            return []
        head = current.head
        if head == current:
            return []
        if head.lemma_.lower() in efforts and head.pos_ in ("NOUN", "PROPN"):
            for child in head.children:
                if child.dep_ == "poss":
                    return _agents(phrase_actors(child, actors), actors)
            return []
        current = head
    return []


#: The framing prepositions, and *on* for the participants' own trips ("*on* a visit to Ankara, Putin said").
_CIRCUMSTANCE_PREPS = FRAMING_PREPS | {"on"}


def circumstance_agents(noun: Token, relation: str, actors: DocActors) -> list[Arg]:
    """The participants of a meeting-like event that frames a clause: its subject.

    "In a phone call with Erdogan, *Putin* expressed condolences", "*Putin* said at a
    meeting with Erdogan that ...", "after talks with Macron, *Scholz* announced ...":
    the subject of the clause the noun's preposition hangs off took part in the event.
    Only for participation types (:data:`OF_SOURCE_TYPES`): "after an attack on Kyiv,
    Zelenskyy said" makes Zelenskyy no attacker. A passive clause gives none, and neither
    does an event still ahead ("before talks with Erdogan").
    """
    if relation not in OF_SOURCE_TYPES or noun.dep_ != "pobj":
        return []
    prep = noun.head
    verb = prep.head
    if prep.lower_ not in _CIRCUMSTANCE_PREPS:
        return []
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN" or verb.dep_ == "aux":
        verb = verb.head  # "expressed condolences *in a call with* Erdogan", "had, in a call, expressed"
    if verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
        return []
    subject, _ = clause_subject(verb)
    if subject is None or subject.i in range(noun.left_edge.i, noun.right_edge.i + 1):
        return []
    found = _agents(phrase_actors(subject, actors), actors)
    people = [a for a in found if actors.actors[a.actor].type == "person"]
    return people or found  # "the leader of the PiS party, Kaczynski": the person, not his party
