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
from diplograph.actors.sectors import is_agent_noun
from diplograph.nlp.quotes import is_speech_verb
from diplograph.nlp.syntax import clause_subject, is_passive, passive_agent
from diplograph.relations.anaphora import History, thing_owner
from diplograph.relations.arguments import Arg, companions, phrase_actors, where_antecedent
from diplograph.relations.lexicon import Lexicon, NounEntry, VerbEntry, split_key
from diplograph.relations.matching import Trigger, verb_entry
from diplograph.relations.nominal import (
    circumstance_agents,
    copular_subject,
    effort_agents,
    noun_sources,
    noun_targets,
    purpose_targets,
    reason_targets,
)
from diplograph.relations.parties import implied_counterpart, is_each_other
from diplograph.relations.statements import fallback_targets, refused_parties, tells_of_others
from diplograph.relations.arguments import slot_tokens
from diplograph.relations.verb_targets import deep_targets, slot_taken, taken_places, verb_targets

__all__ = ["typed_for_targets", "Reading", "read_trigger", "BASE_CONFIDENCE", "MAX_COORDINATED"]

#: Beyond this many listed sources an act is multilateral: 14 signatories are not 91 bilateral deals, and
#: no target is implied for them from earlier sentences.
MAX_COORDINATED = 6

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
    owner = subject.head  # "Kelly, *along with Tillerson*, is in Mexico City": the companion hangs off the verb
    for companion in companions(owner) if owner.i > subject.i else ():
        if subject.i < companion.i < owner.i:
            found.extend(a for a in phrase_actors(companion, actors) if a.actor not in {f.actor for f in found})
    if not found and subject.pos_ == "PRON":
        found = _reporting_subject(subject, actors, lexicon)
    if not found and subject.pos_ == "NOUN" and subject.lemma_.lower() in lexicon.owned_things:
        found = thing_owner(subject, actors)  # "a report *published by ESCWA* accused Israel": its maker speaks
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


def typed_for_targets(trigger: Trigger, relation: str, reading: Reading, actors: DocActors) -> str:
    """The entry's ``states_as`` type when a target of the reading is itself a state, else ``relation``."""
    entry = trigger.entry
    kind = entry.states_as if isinstance(entry, VerbEntry) else None
    states = [a for a in reading.targets if a.via == "head" and a.actor in actors.actors]
    if kind and any(actors.actors[a.actor].type == "state" for a in states):
        return kind
    return relation


def read_trigger(trigger: Trigger, actors: DocActors, lexicon: Lexicon, history: History) -> Reading:
    """Find the source and target actors of ``trigger``."""
    if trigger.kind == "verb":
        reading = _read_verb(trigger, actors, lexicon, history)
    elif trigger.kind == "light":
        reading = _read_light(trigger, actors, lexicon)
    else:
        reading = _read_noun(trigger, actors, lexicon)
    if trigger.type in _MEETING_TYPES:
        reading.targets = [a for a in reading.targets if _names_people(a)]
    return reading


#: Types whose target is met in person: a thing its modifier owns is met by no one.
_MEETING_TYPES = frozenset({"meets", "negotiates"})


def _names_people(arg: Arg) -> bool:
    """Does ``arg`` stand for people one can meet? "received *Erdogan*", "met *Russian* officials" do;
    "received *American* weapons", "received *Russia's* residence permit" do not (a thing's modifier)."""
    if arg.via != "modifier":
        return True
    word = arg.token
    while word.dep_ == "conj" and word.head != word:
        word = word.head
    noun = word.head
    if noun == word or noun.pos_ != "NOUN" or noun.lemma_.lower() in _VISITED_PLACES:
        return True  # "met Trump Friday" (a name the parser hangs on a date), "visited the Chinese mainland"
    return is_agent_noun(noun.lower_) or is_agent_noun(noun.lemma_.lower())


#: Places whose owner a visit meets: "visited the Chinese *mainland*", "the Russian *embassy*".
_VISITED_PLACES = frozenset({"mainland", "capital", "city", "embassy", "consulate", "parliament", "territory"})


def _hyphen_agent(verb: Token) -> Token | None:
    """The actor word hyphened to a prenominal participle: *US*-backed forces, *Iran*-supported militias."""
    if verb.dep_ not in ("amod", "compound") or not verb.tag_.startswith("VB") or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].text not in ("-", "\u2010", "\u2011"):
        return None
    for child in verb.children:
        if child.i < verb.i and child.dep_ in ("npadvmod", "amod", "compound", "nmod", "nsubj", "advmod"):
            return child
    return None


def _read_modifier(trigger: Trigger, agent: Token, actors: DocActors, lexicon: Lexicon) -> Reading:
    """ "US-backed Iraqi forces": the hyphened actor acts on the actor the participle describes; a
    placement ("a *Baghdad*-based advocate") says where, and acts on no one."""
    verb = trigger.token
    if trigger.type == "deploys":
        return Reading(trigger, [], [], BASE_CONFIDENCE["verb"])
    sources = phrase_actors(agent, actors)
    own = {a.actor for a in sources}
    targets = [a for a in phrase_actors(verb.head, actors) if a.actor not in own]
    if not targets:  # "*Qatar*-brokered talks between A and B": the noun holds the participants
        targets = _participants(verb.head, trigger.entry, own, actors, lexicon)
    return Reading(trigger, sources, targets, BASE_CONFIDENCE["verb"])


def _participants(noun: Token, entry: VerbEntry, own: set[str], actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """The actors of the target slots (prepositions) a participle's noun holds: "talks *between A and B*"."""
    for slot in entry.target or lexicon.target_slots.get(entry.type, ()):
        if slot.startswith("^") or slot in ("dobj", "dative", "ccomp_subj"):
            continue
        found = [a for token in slot_tokens(noun, slot) for a in phrase_actors(token, actors) if a.actor not in own]
        if found:
            return found
    return []


def _read_participle(trigger: Trigger, actors: DocActors, lexicon: Lexicon) -> Reading:
    """ "talks between A and B *mediated by* Qatar": the by-agent acts on the ends of the noun it describes."""
    verb, entry = trigger.token, trigger.entry
    sources = phrase_actors(passive_agent(verb), actors)
    own = {a.actor for a in sources}
    noun = verb.head
    targets = [a for a in verb_targets(verb, entry, entry.type, actors, lexicon) if a.actor not in own]
    if not targets:  # the noun holds the participants: "talks *between A and B* mediated by Qatar"
        targets = _participants(noun, entry, own, actors, lexicon)
    if not targets:
        targets = [a for a in phrase_actors(noun, actors) if a.actor not in own]
    return Reading(trigger, sources, targets, BASE_CONFIDENCE["passive"])


def _read_verb(trigger: Trigger, actors: DocActors, lexicon: Lexicon, history: History) -> Reading:
    verb, entry = trigger.token, trigger.entry
    assert isinstance(entry, VerbEntry)
    agent = _hyphen_agent(verb)
    if agent is not None:
        return _read_modifier(trigger, agent, actors, lexicon)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and passive_agent(verb) is not None:
        return _read_participle(trigger, actors, lexicon)
    sources, how = _subject_args(verb, actors, lexicon)
    relation = entry.type
    targets = verb_targets(verb, entry, relation, actors, lexicon)
    judges = any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children)
    if targets and not judges and tells_of_others(verb, sources, targets, actors, lexicon):
        return Reading(trigger, sources, [], BASE_CONFIDENCE["verb"])
    confidence = BASE_CONFIDENCE.get(how, BASE_CONFIDENCE["inherited"])
    implied = len({a.actor for a in sources}) <= MAX_COORDINATED  # "14 states signed *the document*": nobody's
    if not targets and sources and implied:
        targets, found_how = fallback_targets(verb, relation, sources, actors, lexicon, history)
        if targets:
            confidence = min(confidence, BASE_CONFIDENCE[found_how])
    if not targets and sources and relation in lexicon.locative_types:
        targets = taken_places(verb, relation, deep_targets(verb, relation, actors, lexicon), actors, lexicon)
    if not targets and sources and implied:  # "Ukraine insisted on a ceasefire": addressed to the other side
        targets = implied_counterpart(verb, relation, sources, actors, lexicon, history)
        if targets:
            confidence = min(confidence, BASE_CONFIDENCE["anaphora"])
    taken = not targets and slot_taken(verb, entry, relation, lexicon)  # "A and B fought *terrorists*": not each other
    each_other = not targets and (is_each_other(verb) or entry.reciprocal and not taken)
    return Reading(trigger, sources, targets, confidence, each_other=each_other, taken=taken)


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
    if not targets and sources:  # "imposed sanctions over an Iranian missile test"
        own = {a.actor for a in sources}
        targets = [a for a in reason_targets([event, verb], entry.type, actors, lexicon) if a.actor not in own]
    if not targets and sources and entry.type in lexicon.locative_types:
        targets = deep_targets(verb, entry.type, actors, lexicon) or where_antecedent(verb, actors)
    mutual = _mutual(event)
    if mutual and len(targets) >= 2 and _organizes(verb, lexicon) and verb.lemma_.lower() not in lexicon.host_verbs:
        # "arranged a meeting between A and B" (a broker or host of it mediates: see extract._hosts)
        sources = []
    own = verb_entry(verb, lexicon)  # "India and Pakistan have fought two wars": a reciprocal light verb
    each_other = not targets and own is not None and own.reciprocal and own.type == entry.type
    brokers = verb.lemma_.lower() in lexicon.host_verbs  # "Russia and Turkey brokered a truce": not with each other
    return Reading(trigger, sources, targets, BASE_CONFIDENCE["light"], mutual=mutual, each_other=each_other,
                   taken=brokers)


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
    if not targets and noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.undergoing_verbs:
        verb = noun.head  # "Iran drew condemnation from Russia": Iran undergoes it ("from" on the noun or the verb)
        sources = sources or [a for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by")
                              for o in p.children if o.dep_ == "pobj" for a in phrase_actors(o, actors)]
        subject, _ = clause_subject(verb)
        own = {a.actor for a in sources}
        # a subject that is an act ("Myanmar's treatment of the Rohingya") is its agent's, not its object's
        found = phrase_actors(subject, actors, event_nouns=(subject.lemma_.lower(),)) if subject is not None else []
        return Reading(trigger, sources, [a for a in found if a.actor not in own], BASE_CONFIDENCE["light"])
    if not targets and trigger.type == "rejects":  # "a refusal by the Dutch to let *Kaya* enter"
        targets = [a for a in refused_parties(noun, actors, lexicon) if a.actor not in {s.actor for s in sources}]
    subject = copular_subject(noun)
    if subject is not None and entry.subject is not None:  # "Pokrovsk became Russia's main target"
        found = phrase_actors(subject, actors, locative=trigger.type in lexicon.locative_types)
        if noun.dep_ == "appos":  # "Russia, an ally of Assad, and Turkey": the apposition describes Russia alone
            found = [a for a in found if a.token not in subject.conjuncts]
        if entry.subject == "target":
            targets = found or targets
        else:
            sources = found or sources
    mutual = _mutual(noun)
    if entry.possessor == "target":  # a role's holder is named by the copula or apposition alone
        return Reading(trigger, sources if subject is not None else [], targets, confidence)
    if not sources and not (mutual and len(targets) >= 2):  # "discord in the alliance between Moscow and Tehran":
        sources = effort_agents(noun, actors, lexicon) or (  # its parties are named, whoever sows the discord
            circumstance_agents(noun, trigger.type, actors))
        confidence = BASE_CONFIDENCE["inherited_noun"]
    # "their alliance": a bilateral noun owned by two is between them (co-mediators mediate no one; "the Syria
    # and Yemen wars" are wars in two places)
    each_other = not targets and len(sources) >= 2 and "between" in (entry.target or ()) and (
        trigger.type not in lexicon.parties.third_party_types and trigger.type not in lexicon.locative_types)
    return Reading(trigger, sources, targets, confidence, mutual=mutual, each_other=each_other)


def _mutual(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children)
