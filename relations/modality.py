"""Modality: is the relation a fact, a plan or a hypothesis?

Read along the trigger's governor chain, nearest word first:

* ``planned``: a future auxiliary (*will*, *shall*, *'ll*), a planning
  governor (*plans to*, *is expected to*, *is ready to*, *prepares to*,
  *wants to*) or modifier (*upcoming*, *planned*, *next*);
* ``hypothetical``: a conditional or epistemic auxiliary (*would*, *could*,
  *may*, *might*, *should*, *must*), a governor such as *consider* or
  *threaten*, a modifier such as *possible*, or an *if*/*unless* clause
  anywhere up the chain (which wins over a plan: "if X, they will ...");
  above an event that frames the clause ("agreed *in a phone call*") only
  auxiliaries count, not governors;
* ``factual`` otherwise.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.base.models import Modality
from diplograph.nlp.syntax import is_infinitive, phrasal_verb
from diplograph.relations.clauses import FRAMING_PREPS, governor_chain
from diplograph.relations.lexicon import Lexicon

__all__ = ["modality_of"]


def _conditional(chain: list[Token], marks: set[str]) -> bool:
    """An if-clause around the trigger, or attached to its clause ("if X, they will meet")."""
    for token in chain:
        for child in token.children:
            if child.dep_ == "mark" and child.lower_ in marks:
                return True
            if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in child.children):
                return True
    top = chain[-1]
    if top.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in marks for c in top.children)
    return False


def _reported_future(clause: Token, lexicon: Lexicon) -> bool:
    """Is ``clause`` what someone said, promised or announced (so its *would* is a reported *will*)?"""
    head = clause.head
    if clause.dep_ not in ("ccomp", "xcomp") or head == clause:
        return False
    lemma = head.lemma_.lower()
    return lemma in lexicon.speech_lemmas or lemma in {w.lower() for w in lexicon.modality.planned_governors}


def modality_of(trigger: Token, lexicon: Lexicon) -> Modality:
    """The modality of the relation expressed by ``trigger``."""
    words = lexicon.modality
    chain = governor_chain(trigger)
    if _conditional(chain, {m.lower() for m in words.hypothetical_marks}):
        return "hypothetical"
    planned_aux = {w.lower() for w in words.planned_aux}
    hypothetical_aux = {w.lower() for w in words.hypothetical_aux}
    planned_gov = {w.lower() for w in words.planned_governors}
    hypothetical_gov = {w.lower() for w in words.hypothetical_governors}
    planned_mod = {w.lower() for w in words.planned_modifiers}
    hypothetical_mod = {w.lower() for w in words.hypothetical_modifiers}
    adjectival = {w.lower() for w in words.adjective_governors}
    framing = False  # above "during talks", "in a call": the clause's verbs (agree, want) do not govern the event
    for position, token in enumerate(chain):
        if position > 0 and token.dep_ == "prep" and token.lower_ in FRAMING_PREPS and token.head.pos_ == "VERB":
            framing = True
        if not framing and _scheduled(token):
            return "planned"
        for child in token.children:
            if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
                if child.lower_ in planned_aux or child.lemma_.lower() in planned_aux:
                    return "planned"
                if child.lower_ == "would" and _reported_future(token, lexicon):
                    return "planned"  # "Turkey promised it *would* protect Azerbaijan": a future in the past
                if child.lower_ in hypothetical_aux or child.lemma_.lower() in hypothetical_aux:
                    return "hypothetical"
            if child.dep_ in ("amod", "advmod", "det") and token.pos_ in ("NOUN", "PROPN"):  # "*any* peace deal"
                if child.lower_ in hypothetical_mod:
                    return "hypothetical"
                if child.lower_ in planned_mod:
                    return "planned"
        if position > 0 and not framing:
            lemma = token.lemma_.lower()
            # "was *open* to meeting", "is *ready* to talk": the copula's adjective governs
            # "action against X is an *option*": the copula's noun, likewise
            judged = [c.lemma_.lower() for c in token.children if c.dep_ in ("acomp", "attr") and lemma == "be"]
            if any(word in hypothetical_gov for word in judged):
                return "hypothetical"
            if any(word in planned_gov for word in judged):
                return "planned"
            if token.pos_ == "VERB" and lemma in adjectival:
                continue  # "*opened* fire", "*closed* the border": the verb, not "open to", "close to"
            if lemma in hypothetical_gov or phrasal_verb(token) in hypothetical_gov:  # "(did not) *rule out* talks"
                return "hypothetical"
            if lemma in planned_gov and not _went_on(token) and not _attempted(token):
                return "planned"
            if lemma == "be" and any(c.dep_ == "xcomp" and c in chain for c in token.children) and _is_to(chain):
                return "planned"  # "is to meet"
    return "factual"


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_COMING = frozenset({"tomorrow", "tonight"})


def _scheduled(verb: Token) -> bool:
    """A simple present with a coming time, as news writes a schedule: "Trump *meets* Monday with
    Trudeau", "Tillerson *visits* Beijing on Saturday", "*travels* to Washington next week"."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    for child in verb.children:
        times = [o for o in child.children if o.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "on" else [child]
        for time in times:
            if time.dep_ not in ("npadvmod", "pobj", "advmod") or any(c.lower_ in ("every", "each") for c in time.children):
                continue
            word = time.lower_
            if word in _WEEKDAYS or word in _COMING:  # not "on Mondays": a habit
                return True
            if word in ("week", "month", "year") and any(c.dep_ == "amod" and c.lower_ == "next" for c in time.children):
                return True  # "next week"
            if word == "later" and any(p.dep_ == "prep" and p.lower_ in ("in", "this") for p in time.children):
                return True  # "later in the week"
    return False


def _went_on(token: Token) -> bool:
    """ "went on to defend", "went to Moscow for talks": a step that happened; only "is going to" plans."""
    if token.lemma_.lower() != "go":
        return False
    return token.tag_ != "VBG" or any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children)


def _attempted(token: Token) -> bool:
    """ "have tried repeatedly to negotiate", "attempted to storm the city": an attempt made is an act."""
    return token.lemma_.lower() in ("try", "attempt") and token.tag_ in ("VBD", "VBN")


def _is_to(chain: list[Token]) -> bool:
    return any(is_infinitive(t) for t in chain)
