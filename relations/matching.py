"""Matching: find the words of a sentence that express a relation (triggers).

Three kinds of trigger:

* ``verb``: a verb of the lexicon ("attacked", "called on", "won't cede");
* ``light``: an event noun that is the object of a light verb ("*held* talks
  with", "*launched* an offensive on", "*imposed* sanctions on"): the noun
  gives the type, the verb gives the source;
* ``noun``: any other event noun ("Russia's invasion", "a meeting with
  Putin", "airstrikes on Ukraine").

An event noun that is the object of another trigger verb ("*threatened*
sanctions", "*condemned* the raid") is marked ``content``: it is what the
verb is about, not a separate event, and only lends its arguments.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from diplograph.nlp.lemmas import inflection_lemmas, verb_lemmas
from diplograph.nlp.syntax import is_infinitive
from diplograph.relations.arguments import MONEY_NOUNS, QUANTITY_NOUNS, measured_by, sentence_start, slot_tokens
from diplograph.relations.complements import adjective_entry, evaluation_entry
from diplograph.relations.frames import civil_attack, frame_entry, matching_frame
from diplograph.relations.lexicon import Lexicon, NounEntry, VerbEntry, split_key
from diplograph.relations.nominal import copular_subject

__all__ = [
    "Trigger",
    "match_triggers",
    "verb_entry",
    "noun_entry",
    "light_verb_of",
    "event_object",
    "event_antecedent",
]

_NOUN_POS = ("NOUN", "PROPN")
#: Verbs of presence whose subject may be an event noun listed with them ("US *troops* are in Iraq").
_PRESENCE = frozenset({"be", "remain", "stay"})
_NOUN_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr"})


@dataclass(frozen=True)
class Trigger:
    """A word expressing a relation, before its arguments are read.

    Attributes:
        token: the verb or event noun.
        type: the relation type.
        kind: ``verb``, ``light`` or ``noun``.
        verb: the light verb (kind ``light``), else None.
        entry: the lexicon entry.
        content: the noun is the object of another trigger verb.
        antecedent: for a pronoun object of a light verb ("refrained from
            imposing *them*"), the event noun it refers to.
        withdrawn: the light verb withdraws the event ("*paused* aid"): the
            type is the lexicon's withdrawal type and the verb's own
            negations decide the polarity.
    """

    token: Token
    type: str
    kind: str
    entry: VerbEntry | NounEntry
    verb: Token | None = None
    content: bool = False
    antecedent: Token | None = None
    withdrawn: bool = False


def _attached_particles(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "agent")}


def _gerund_lemmas(token: Token) -> list[str]:
    """Verb lemmas a noun-tagged *-ing* form may come from ("keep *mediating*" -> mediate)."""
    word = token.lower_
    if token.pos_ != "NOUN" or not word.endswith("ing") or len(word) < 6:
        return []
    stem = word[:-3]
    candidates = [stem, stem + "e"]
    if stem[-1] == stem[-2]:
        candidates.append(stem[:-1])
    return candidates


def verb_entry(token: Token, lexicon: Lexicon) -> VerbEntry | None:
    """The lexicon entry for a verb token (particle entries first), or None.

    A noun-tagged *-ing* form without a noun entry of its own is read as the
    verb it comes from.
    """
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        lemmas = verb_lemmas(token)
    else:
        lemmas = _gerund_lemmas(token)
    attached = _attached_particles(token)
    following = token.nbor().lower_ if token.i + 1 < len(token.doc) else ""
    for lemma in lemmas:
        if any(p is not None and p.split()[0] == following for p in lexicon.idiom_particles(lemma)):
            return None  # "pressed *ahead* with its plan" demands nothing ("pressed Duffy on it" does)
        for particle, entry in lexicon.verb_entries(lemma):
            if particle is None or particle.split()[0] in attached:
                return entry
    return None


def noun_entry(token: Token, lexicon: Lexicon) -> NounEntry | None:
    """The lexicon entry for an event noun token (two-word entries such as "military action" first), or None.

    A word tagged as a verb but attached as a noun (an object or subject:
    "approved a minerals *deal*") is read as a noun.
    """
    if token.pos_ not in _NOUN_POS and not (token.pos_ == "VERB" and token.dep_ in _NOUN_DEPS):
        return None
    if _in_a_name(token):
        return None
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.i < token.i:
            entry = lexicon.nouns.get(f"{child.lower_} {lemma}")
            if entry is not None:
                return entry
    entry = lexicon.nouns.get(lemma) or lexicon.nouns.get(token.lower_)
    if entry is None and lemma in lexicon.role_carriers:
        entry = _carried_role(token, lexicon)
    if entry is None and token.tag_ in ("NNS", "NNPS"):  # a plural the tagger took for a name: "Talks between ..."
        entry = next((lexicon.nouns[c] for c in inflection_lemmas(token.text) if c in lexicon.nouns), None)
    if entry is not None and entry.possessor == "target" and copular_subject(token) is None:
        return None  # a role noun with no holder ("thanked his supporters") is no event
    return None if entry is not None and civil_attack(token, entry.type, lexicon) else entry


def _carried_role(token: Token, lexicon: Lexicon) -> NounEntry | None:
    """A role noun made of a carrier and what it provides: "the main *source* of diplomatic support"."""
    for obj in (o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children):
        provided = lexicon.nouns.get(obj.lemma_.lower()) if obj.dep_ == "pobj" else None
        if provided is not None and provided.type == "supports" and provided.subject is None:
            return NounEntry(type="supports", target=("to", "for"), subject="source", possessor="target",
                             cameo=provided.cameo)
    return None


_NAME_LABELS = frozenset({"LAW", "EVENT", "WORK_OF_ART", "FAC", "ORG", "PRODUCT"})


def _in_a_name(token: Token) -> bool:
    """A noun inside a proper name is no event: "the North American Free Trade *Agreement*", "Operation *Storm*"."""
    if token.tag_ not in ("NNP", "NNPS") or not token.text[:1].isupper():
        return False
    if token.ent_type_ in _NAME_LABELS:
        return True
    if token.is_sent_start:
        return False
    return any(c.dep_ in ("compound", "amod") and c.i < token.i and c.text[:1].isupper() for c in token.children)


def _is_light_verb(token: Token, lexicon: Lexicon) -> bool:
    """A light verb ("hold", "launch"), a negating verb ("call off") or a withdrawing verb ("pause"), whose object is the event."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_
    particles = (
        lexicon.light_verb_particles(lemma) + lexicon.negator_particles(lemma) + lexicon.withdrawal_particles(lemma)
    )
    attached = _attached_particles(token)
    return any(p is None or p in attached for p in particles)


def _light_for(verb: Token, entry: NounEntry, lexicon: Lexicon) -> bool:
    """Is ``verb`` a light verb for the event noun of ``entry``?"""
    if entry.verbs is not None:
        verbal = verb.pos_ == "VERB" or verb.lemma_ in _PRESENCE
        return verbal and verb.lemma_.lower() in entry.verbs
    return _is_light_verb(verb, lexicon)


def _through_quantity(noun: Token) -> Iterator[Token]:
    """``noun`` and the complements it measures or carries (:func:`measured_by`: "a series of *attacks*")."""
    yield noun
    for prep in noun.children:
        if prep.dep_ == "prep":
            yield from (o for o in prep.children if o.dep_ == "pobj" and measured_by(o) == noun)


def event_object(verb: Token, lexicon: Lexicon) -> Token | None:
    """The event noun for which ``verb`` is a light verb: its object, or the object of its event preposition."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "nsubj" and verb.lemma_ in _PRESENCE):
            candidates = list(_through_quantity(child))
        elif child.dep_ == "prep" and (child.lower_ in _event_preps(verb, lexicon) or _money_in(verb, child)):
            candidates = [n for o in child.children if o.dep_ == "pobj" for n in _through_quantity(o)]
        else:
            continue
        for noun in candidates:
            if child.dep_ != "prep" and lexicon.materiel.reading(noun.lemma_, verb.lemma_) is not None:
                return noun
            entry = noun_entry(noun, lexicon)
            if entry is None or entry.subject == "target" and child.dep_ == "dobj":
                continue  # "struck Hezbollah *targets*": what the verb hits, not an event of its own
            if child.dep_ == "prep" and entry.verbs is None:
                return noun
            if child.dep_ != "prep" and _light_for(verb, entry, lexicon) and not _reframed(verb, entry, lexicon):
                return noun
    return None


def _reframed(verb: Token, entry: NounEntry, lexicon: Lexicon) -> bool:
    """Does a frame of ``verb`` read its event-noun object as another type ("*sought* Beijing's *help*":
    an appeal to Beijing, not Beijing's support)? The verb is then the trigger, not the noun."""
    frame = matching_frame(verb, lexicon)
    return frame is not None and frame.replaces_noun and frame.type != entry.type


def _money_in(verb: Token, prep: Token) -> bool:
    """ "pledged 1 billion dollars *in* aid": the parser hangs *in* on the verb of the amount."""
    return prep.lower_ == "in" and any(c.dep_ == "dobj" and c.lemma_.lower() in MONEY_NOUNS for c in verb.children)


def _event_preps(verb: Token, lexicon: Lexicon) -> set[str]:
    """Prepositions through which ``verb`` takes an event noun ("returned *to* talks")."""
    preps: set[str] = set()
    words = {c.lower_ for c in verb.children}
    for key, values in lexicon.light_verb_preps.items():
        lemma, particle = split_key(key)
        if lemma == verb.lemma_.lower() and (particle is None or particle in words):
            preps.update(values)
    return preps


def light_verb_of(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb whose event noun is ``noun`` ("held *talks*", "returned to *talks*"), or None."""
    head = noun.head
    owner = measured_by(noun)
    if owner is not None:
        head = owner.head
        if owner.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
    elif noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass") and not (noun.dep_ == "nsubj" and head.lemma_ in _PRESENCE):
        return None
    if head == noun:
        return None
    return head if event_object(head, lexicon) == noun else None


def _is_compound_of_event(token: Token, lexicon: Lexicon) -> bool:
    """ "summit meeting", "drone strike campaign": the first noun is part of the second."""
    return token.dep_ == "compound" and noun_entry(token.head, lexicon) is not None


_EVENT_PRONOUNS = {"it": False, "this": False, "that": False, "them": True, "these": True, "those": True}


def event_antecedent(pronoun: Token, lexicon: Lexicon, *, window: int = 60) -> Token | None:
    """The nearest earlier event noun a pronoun can stand for ("threatened sanctions ... imposing *them*").

    Looks back through the current and the previous sentence; *them* wants a
    plural noun, *it* a singular one.
    """
    plural = _EVENT_PRONOUNS.get(pronoun.lower_)
    if plural is None:
        return None
    doc = pronoun.doc
    start = max(0, pronoun.i - window)
    first = sentence_start(pronoun)
    previous_start = sentence_start(doc[first - 1]) if first > 0 else first
    for i in range(pronoun.i - 1, max(start, previous_start) - 1, -1):
        token = doc[i]
        if noun_entry(token, lexicon) is None or token.dep_ == "compound":
            continue
        if (token.tag_ in ("NNS", "NNPS")) == plural:
            return token
    return None


def _pronoun_event(verb: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    if not _is_light_verb(verb, lexicon):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in ("PRON", "DET") and child.lower_ in _EVENT_PRONOUNS:
            antecedent = event_antecedent(child, lexicon)
            if antecedent is not None:
                return child, antecedent
    return None


def _materiel(token: Token, lexicon: Lexicon) -> tuple[str, NounEntry, Token] | None:
    """A weapon noun read through its verb: "launched *drones* at Kyiv", "sent *tanks* to Ukraine"."""
    if token.pos_ not in _NOUN_POS or token.lemma_.lower() not in lexicon.materiel.nouns:
        return None
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and head.head.lemma_.lower() in QUANTITY_NOUNS:
        owner = head.head
        if owner.dep_ not in ("dobj", "nsubjpass"):
            return None
        head = owner.head
    elif token.dep_ == "conj":  # "fired drones and missiles"
        return None
    elif token.dep_ not in ("dobj", "nsubjpass"):
        return None
    reading = lexicon.materiel.reading(token.lemma_, head.lemma_)
    if reading is None or head.pos_ != "VERB":
        return None
    return reading[0], reading[1], head


def _withdraws(verb: Token, lexicon: Lexicon) -> bool:
    particles = lexicon.withdrawal_particles(verb.lemma_)
    attached = _attached_particles(verb)
    return any(p is None or p in attached for p in particles)


def _stated_fact(noun: Token, governing: VerbEntry, lexicon: Lexicon) -> bool:
    """True for an event between parties that the verb takes as given ("welcomed *the deal between A and B*").

    Demands and threats are about events that have not happened ("called
    for talks between A and B"): those stay content.
    """
    if governing.embeds or governing.type in lexicon.embedding_types:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children)


def match_triggers(sentence: Span, lexicon: Lexicon) -> list[Trigger]:
    """Every trigger of a sentence, in text order."""
    triggers: list[Trigger] = []
    for token in sentence:
        pronoun_event = _pronoun_event(token, lexicon)
        if pronoun_event is not None:
            pronoun, antecedent = pronoun_event
            entry = noun_entry(antecedent, lexicon)
            if entry is not None:
                triggers.append(Trigger(pronoun, entry.type, "light", entry, verb=token, antecedent=antecedent))
                continue
        weapon = _materiel(token, lexicon)
        if weapon is not None:
            relation, entry, verb = weapon
            triggers.append(Trigger(token, relation, "light", entry, verb=verb))
            continue
        noun = noun_entry(token, lexicon)
        if noun is None:
            # the first entry whose target slots are filled where it needs them ("France *wants Germany* to
            # act"; "is *wanted by the ICC for war crimes*" then falls to the frame)
            readers = (evaluation_entry, verb_entry, frame_entry, adjective_entry)
            entry = next((e for read in readers if (e := read(token, lexicon)) is not None and (
                not e.needs_target or any(slot_tokens(token, s) for s in e.target or ()))), None)
            if entry is not None and event_object(token, lexicon) is None and not _undergoes(token, lexicon):
                triggers.append(Trigger(token, entry.type, "verb", entry))
            continue
        if _is_compound_of_event(token, lexicon) or _vows_an_act(token, lexicon):
            continue
        light = light_verb_of(token, lexicon)
        if light is not None:
            if noun.type == lexicon.withdrawals.of and _withdraws(light, lexicon):
                triggers.append(Trigger(token, lexicon.withdrawals.type, "light", noun, verb=light, withdrawn=True))
            elif noun.verbs is not None and noun.type == lexicon.withdrawals.type:  # "*suspended* relations"
                triggers.append(Trigger(token, noun.type, "light", noun, verb=light, withdrawn=True))
            else:
                triggers.append(Trigger(token, noun.type, "light", noun, verb=light))
            continue
        if noun.verbs is not None:
            continue  # weapons and troops are events only with their verbs
        governor = token.head if token.dep_ in ("dobj", "nsubjpass") else None
        if governor is not None and _reframed(governor, noun, lexicon):
            continue
        governing = verb_entry(governor, lexicon) if governor is not None else None
        content = governing is not None and not _stated_fact(token, governing, lexicon) and not _undergoes(governor, lexicon)
        triggers.append(Trigger(token, noun.type, "noun", noun, content=content))
    return triggers


def _vows_an_act(noun: Token, lexicon: Lexicon) -> bool:
    """ "Trump's *pledge* to renegotiate the deal": a vow noun whose infinitive is an act; the act is
    the relation (planned), the vow none of its own."""
    if noun.lemma_.lower() not in lexicon.evaluations.vows:
        return False
    return any(c.dep_ in ("acl", "relcl") and is_infinitive(c) and any(
        t.pos_ in ("VERB", "AUX") and verb_entry(t, lexicon) is not None for t in c.subtree) for c in noun.children)


def _undergoes(verb: Token | None, lexicon: Lexicon) -> bool:
    """ "*received* aid from the US": the subject undergoes its object event, the trigger (undergoing_verbs)."""
    return verb is not None and verb.lemma_.lower() in lexicon.undergoing_verbs and any(
        c.dep_ == "dobj" and noun_entry(c, lexicon) is not None for c in verb.children)
