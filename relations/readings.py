"""Readings: the source and target actors of a trigger.

A :class:`Reading` is what one trigger says about who acts on whom, before
pairs are formed. How the arguments are found depends on the trigger kind:

* verb: the (possibly inherited) subject is the source, the first target
  slot of the lexicon entry that names actors is the target; a passive
  verb swaps in its *by* agent ("Kyiv was attacked by Russian forces");
* light verb + event noun: the light verb's subject is the source, the
  noun's (or the verb's) type-specific preposition gives the target;
* event noun: see :mod:`~diplograph.relations.nominal`.

When a verb's object is an event or an anaphor rather than an actor
("threatened sanctions against Russia", "condemned the raid", "rejected
the idea"), the lexicon's ``event_object_role`` says which argument of that
event becomes the target; events without arguments and anaphors look back
to the most recent relation (:class:`History`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from diplograph.actors.doc_actors import DocActors
from diplograph.nlp.quotes import is_speech_verb
from diplograph.nlp.syntax import child_with, clause_subject, is_passive, passive_agent
from diplograph.relations.anaphora import ANAPHOR_WINDOW, History, object_argument
from diplograph.relations.arguments import Arg, country_of, phrase_actors, slot_tokens
from diplograph.relations.lexicon import Lexicon, NounEntry, VerbEntry, split_key
from diplograph.relations.matching import Trigger, noun_entry, verb_entry
from diplograph.relations.nominal import (
    copular_subject,
    effort_agents,
    noun_sources,
    noun_targets,
    purpose_targets,
)
from diplograph.relations.parties import implied_counterpart, is_each_other

__all__ = ["Reading", "read_trigger", "BASE_CONFIDENCE"]

#: Confidence of a relation by how its arguments were found.
BASE_CONFIDENCE: dict[str, float] = {
    "verb": 0.9,  # a verb with its own subject and object
    "passive": 0.85,  # a passive verb with its by-agent
    "inherited": 0.8,  # subject through control, coordination or a relative clause
    "light": 0.8,  # light verb + event noun
    "noun": 0.7,  # event noun with its own modifiers
    "inherited_noun": 0.6,  # event noun whose agent owns an effort it belongs to
    "event_object": 0.65,  # target read from the event a verb is about
    "anaphora": 0.5,  # target read from an earlier statement
}


@dataclass
class Reading:
    """The arguments of one trigger."""

    trigger: Trigger
    sources: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    confidence: float = 0.9
    mutual: bool = False  # targets are co-participants ("a meeting between A and B")
    each_other: bool = False  # sources act on one another ("A and B accused each other")
    taken: bool = False  # the object slot holds a common noun: coordinated sources did not meet each other


def _subject_args(verb: Token, actors: DocActors, lexicon: Lexicon) -> tuple[list[Arg], str]:
    if is_passive(verb):
        agent = passive_agent(verb)
        return (phrase_actors(agent, actors) if agent is not None else []), "passive"
    subject, how = clause_subject(verb, climb_nouns=lexicon.effort_nouns)
    if subject is None:
        return [], how
    found = phrase_actors(subject, actors)
    if not found and subject.pos_ == "PRON":
        found = _reporting_subject(subject, actors, lexicon)
    return found, ("verb" if how == "direct" else "inherited")


def _reporting_subject(pronoun: Token, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """An unresolved subject pronoun of reported speech is the speaker ("Russia said *it* would ...")."""
    if pronoun.lower_ not in ("it", "they", "he", "she", "we"):
        return []
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or not is_speech_verb(clause.head, lexicon.speech_lemmas, any_pos=True):
        return []
    subject, _ = clause_subject(clause.head)
    return phrase_actors(subject, actors) if subject is not None else []


def _free_relative(clause: Token) -> bool:
    """ "struck *what it called camps inside Pakistan*": a clause standing for the object."""
    return clause.dep_ == "ccomp" and any(c.lower_ in ("what", "whatever") for c in clause.children)


def _deep_targets(verb: Token, relation: str, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """A place or state anywhere in the verb's own phrases ("fired missiles ... *at Ukraine*").

    Last resort for attack and deployment targets: scans the verb's subtree,
    outside nested clauses, for a target or locative preposition naming one.
    """
    preps = set(lexicon.target_slots.get(relation, ())) | {"in", "inside", "near", "at", "on", "into", "toward", "towards"}
    stack = [
        c
        for c in verb.children
        if c.dep_ not in ("nsubj", "nsubjpass", "ccomp", "advcl", "relcl", "parataxis") or _free_relative(c)
    ]
    while stack:
        token = stack.pop(0)
        if token.dep_ == "prep" and token.lower_ in preps:
            for obj in token.children:
                if obj.dep_ == "pobj":
                    found = phrase_actors(obj, actors, locative=True, event_nouns=lexicon.nouns.keys())
                    if found:
                        return [Arg(a.actor, a.token, "locative") for a in found]
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "ccomp", "advcl", "acl", "parataxis"))
    return []


def _verb_targets(verb: Token, entry: VerbEntry, relation: str, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    slots = entry.target or lexicon.target_slots.get(relation, ("dobj",))
    locative = relation in lexicon.locative_types
    for slot in slots:
        found: list[Arg] = []
        for token in slot_tokens(verb, slot):
            found.extend(phrase_actors(token, actors, locative=locative, event_nouns=lexicon.nouns.keys()))
        if found:
            return found
    return []


def _slot_taken(verb: Token, entry: VerbEntry, relation: str, lexicon: Lexicon) -> bool:
    """True when the object or *with* slot holds a common noun ("speaking *with one voice*", "met *reporters*").

    Coordinated subjects of such a verb did not act on each other: "A and B
    met reporters" is no meeting between A and B.
    """
    slots = entry.target or lexicon.target_slots.get(relation, ("dobj",))
    for slot in slots:
        if slot not in ("dobj", "with"):
            continue
        for token in slot_tokens(verb, slot):
            if token.pos_ == "NOUN" and noun_entry(token, lexicon) is None:
                return True
    return False


def _nested_targets(clause: Token, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """Targets of a trigger inside a complement clause ("threatened to *strike Kyiv*")."""
    entry = verb_entry(clause, lexicon)
    if entry is not None:
        found = _verb_targets(clause, entry, entry.type, actors, lexicon)
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


def read_trigger(trigger: Trigger, actors: DocActors, lexicon: Lexicon, history: History) -> Reading:
    """Find the source and target actors of ``trigger``."""
    if trigger.kind == "verb":
        return _read_verb(trigger, actors, lexicon, history)
    if trigger.kind == "light":
        return _read_light(trigger, actors, lexicon)
    return _read_noun(trigger, actors, lexicon)


def _conditional_subjects(verb: Token, actors: DocActors) -> list[Arg]:
    """Subjects of an if/unless clause of the verb ("threatened action *if Iran* rebuilt ...")."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children):
            subject, _ = clause_subject(child)
            if subject is not None:
                return phrase_actors(subject, actors)
    return []


def _addressee(verb: Token, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """The addressee of the verb of saying whose complement holds ``verb`` ("told *him* that ...")."""
    current = verb
    while current.dep_ in ("conj", "xcomp") and current.head != current:
        current = current.head
    head = current.head
    if current.dep_ != "ccomp" or not is_speech_verb(head, lexicon.speech_lemmas, any_pos=True):
        return []
    for child in head.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ != "ADP":
            return phrase_actors(child, actors)
        if child.dep_ in ("dative", "prep") and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return phrase_actors(obj, actors)
    return []


def _warning_targets(
    verb: Token, clause: Token, sources: list[Arg], actors: DocActors, lexicon: Lexicon, history: History
) -> tuple[list[Arg], str]:
    """Whom a warning threatens: "warned that *Taiwanese* independence would be crushed".

    When the warned-of clause has the speaker's own side as subject ("warned
    that Tehran would respond"), the target is that clause's target, else the
    source of the last statement (what is being responded to). Otherwise the
    actors the clause names are the target, unless the clause states a
    relation between others ("warned that Russia would attack Poland" is a
    prediction, not a threat).
    """
    own = {a.actor for a in sources} | {c for a in sources if (c := country_of(a.actor, actors)) is not None}
    subject, _ = clause_subject(clause, climb_nouns=lexicon.effort_nouns)
    acting = {a.actor for a in phrase_actors(subject, actors)} if subject is not None else set()
    if acting and acting <= own:
        nested = [a for a in _nested_targets(clause, actors, lexicon) if a.actor not in own]
        if nested:
            return nested, "event_object"
        prior = history.recent_sources(verb, window=ANAPHOR_WINDOW, exclude=own)
        return [Arg(actor, clause, "anaphora") for actor in prior], "anaphora"
    conditions = {t.i for c in clause.children if c.dep_ == "advcl" for t in c.subtree}  # "if Putin refused ..."
    if any(_acted_by_others(t, own, actors, lexicon) for t in clause.subtree if t.i not in conditions):
        return [], "none"
    found: list[Arg] = []
    for token in sorted(clause.subtree, key=lambda t: t.i in conditions):  # the threatened first, then conditions
        actor = actors.actor_of(token)
        if found and token.i in conditions:
            break
        if actor is not None and actor not in own and all(a.actor != actor for a in found):
            found.append(Arg(actor, token, "modifier"))
    return found, "event_object"


def _acted_by_others(token: Token, own: set[str], actors: DocActors, lexicon: Lexicon) -> bool:
    """Is ``token`` a relation word with an agent of its own outside ``own`` ("*Russia* would attack Poland")?

    An agentless event ("independence would be *crushed*") is what the warning
    threatens, not a relation between others.
    """
    if noun_entry(token, lexicon) is not None:
        return True
    if verb_entry(token, lexicon) is None:
        return False
    if is_passive(token):
        agent = passive_agent(token)
        return agent is not None and any(a.actor not in own for a in phrase_actors(agent, actors))
    subject, _ = clause_subject(token)
    return subject is not None and any(a.actor not in own for a in phrase_actors(subject, actors))


def _tells_of_others(
    verb: Token, sources: list[Arg], targets: list[Arg], actors: DocActors, lexicon: Lexicon
) -> bool:
    """ "warned the US president *that Putin was bluffing*": saying that tells its object about a third party.

    Such a verb informs its addressee rather than threatening or accusing it;
    it does when the clause is about the speaker or the addressee ("warned
    Moscow that it would pay a price").
    """
    if not is_speech_verb(verb, lexicon.speech_lemmas, any_pos=True):
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:  # the parser often hangs "that ..." after an object on the object, as a relative clause
        clause = next(
            (
                c
                for t in targets
                for c in t.token.children
                if c.dep_ == "relcl" and c.left_edge.lower_ == "that" and child_with(c, "nsubj") is not None
            ),
            None,
        )
    if clause is None:
        return False
    subject, _ = clause_subject(clause)
    acting = {a.actor for a in phrase_actors(subject, actors)} if subject is not None else set()
    involved = {a.actor for a in (*sources, *targets)}
    involved |= {c for a in (*sources, *targets) if (c := country_of(a.actor, actors)) is not None}
    return bool(acting) and not acting & involved


def _fallback_targets(
    verb: Token, relation: str, sources: list[Arg], actors: DocActors, lexicon: Lexicon, history: History
) -> tuple[list[Arg], str]:
    """Targets of a verb whose slots name no actor: its event object, a condition, an addressee."""
    exclude = {a.actor for a in sources}
    role = lexicon.event_object_role.get(relation)
    if role is not None:
        found, how = object_argument(verb, role, actors, lexicon, history, exclude=exclude)
        if found:
            return found, how
        if role == "target":
            for child in verb.children:
                if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):  # "threatened to strike Kyiv"
                    nested = [a for a in _nested_targets(child, actors, lexicon) if a.actor not in exclude]
                    if nested:
                        return nested, "event_object"
                elif child.dep_ == "ccomp":  # "warned that ..."
                    found, how = _warning_targets(verb, child, sources, actors, lexicon, history)
                    if found:
                        return found, how
            conditional = [a for a in _conditional_subjects(verb, actors) if a.actor not in exclude]
            if conditional:
                return conditional, "event_object"
    if relation in lexicon.addressee_types:
        found = [a for a in _addressee(verb, actors, lexicon) if a.actor not in exclude]
        if found:
            return found, "event_object"
    return [], "none"


def _read_verb(trigger: Trigger, actors: DocActors, lexicon: Lexicon, history: History) -> Reading:
    verb, entry = trigger.token, trigger.entry
    assert isinstance(entry, VerbEntry)
    sources, how = _subject_args(verb, actors, lexicon)
    relation = entry.type
    targets = _verb_targets(verb, entry, relation, actors, lexicon)
    if targets and _tells_of_others(verb, sources, targets, actors, lexicon):
        return Reading(trigger, sources, [], BASE_CONFIDENCE["verb"])
    confidence = BASE_CONFIDENCE.get(how, BASE_CONFIDENCE["inherited"])
    if not targets and sources:
        targets, found_how = _fallback_targets(verb, relation, sources, actors, lexicon, history)
        if targets:
            confidence = min(confidence, BASE_CONFIDENCE[found_how])
    if not targets and sources and relation in lexicon.locative_types:
        targets = _deep_targets(verb, relation, actors, lexicon)
    if not targets and sources:  # "Ukraine insisted on a ceasefire": addressed to the other side
        targets = implied_counterpart(verb, relation, sources, actors, lexicon, history)
        if targets:
            confidence = min(confidence, BASE_CONFIDENCE["anaphora"])
    each_other = not targets and (entry.reciprocal or is_each_other(verb))
    reading = Reading(trigger, sources, targets, confidence, each_other=each_other)
    reading.taken = not targets and _slot_taken(verb, entry, relation, lexicon)
    return reading


def _read_light(trigger: Trigger, actors: DocActors, lexicon: Lexicon) -> Reading:
    noun, verb, entry = trigger.token, trigger.verb, trigger.entry
    assert verb is not None and isinstance(entry, NounEntry)
    if noun.dep_ == "pobj" and noun.head.lower_ in lexicon.undergoing_preps:  # "came under attack from X"
        subject, _ = clause_subject(verb)
        locative = entry.type in lexicon.locative_types
        targets = phrase_actors(subject, actors, locative=locative) if subject is not None else []
        sources = noun_sources(noun, entry.type, entry, actors, lexicon)
        return Reading(trigger, sources, targets, BASE_CONFIDENCE["light"])
    if noun.dep_ == "nsubjpass":
        agent = passive_agent(verb)
        sources = phrase_actors(agent, actors) if agent is not None else []
    else:
        sources, _ = _subject_args(verb, actors, lexicon)
    event = trigger.antecedent if trigger.antecedent is not None else noun
    if not sources:
        sources = noun_sources(event, entry.type, entry, actors, lexicon)
    targets = noun_targets(event, entry.type, entry, actors, lexicon, extra=verb)
    if not targets:
        targets = purpose_targets(event, actors, lexicon)
    if not targets and sources and entry.type in lexicon.locative_types:
        targets = _deep_targets(verb, entry.type, actors, lexicon)
    mutual = _mutual(event)
    if mutual and len(targets) >= 2 and _organizes(verb, lexicon):  # "arranged a meeting between A and B"
        sources = []
    return Reading(trigger, sources, targets, BASE_CONFIDENCE["light"], mutual=mutual)


def _organizes(verb: Token, lexicon: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    words = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")}
    for key in lexicon.organizer_verbs:
        head, particle = split_key(key)
        if head == lemma and (particle is None or particle in words):
            return True
    return False


def _read_noun(trigger: Trigger, actors: DocActors, lexicon: Lexicon) -> Reading:
    noun, entry = trigger.token, trigger.entry
    assert isinstance(entry, NounEntry)
    sources = noun_sources(noun, trigger.type, entry, actors, lexicon)
    targets = noun_targets(noun, trigger.type, entry, actors, lexicon)
    confidence = BASE_CONFIDENCE["noun"]
    subject = copular_subject(noun)
    if subject is not None and entry.subject is not None:  # "Pokrovsk became Russia's main target"
        found = phrase_actors(subject, actors, locative=trigger.type in lexicon.locative_types)
        if entry.subject == "target":
            targets = found or targets
        else:
            sources = found or sources
    if not sources:
        sources = effort_agents(noun, actors, lexicon)
        confidence = BASE_CONFIDENCE["inherited_noun"]
    return Reading(trigger, sources, targets, confidence, mutual=_mutual(noun))


def _mutual(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children)
