"""Reported judgements: a speaker who says someone did wrong, or that their act is wrong, accuses them.

Four constructions of news copy state an accusation without an accusing verb, and a fifth
a demand or an appeal without a verb of demanding:

* a negative judgement in a copular clause the speaker utters: "Rutte said
  *Erdogan's remarks were inflammatory*", "Wilson told the BBC Bercow's
  interjection had been *very disappointing*" — the speaker accuses whoever
  owns the judged thing;
* a verb of misconduct the speaker reports: "Farage said Bercow had *abused*
  his position" — the speaker accuses its subject;
* an allegation: "South Korea *alleges* the murder was organised by North Korean
  agents" — the alleging side accuses whoever acts in what it alleges;
* a judged thing with its owner in reported speech: "tensions rose over *the
  Ukrainian side's provocative actions*, the Kremlin said" — the owner is accused;
* an obligation the speaker lays on someone: "Abe said North Korea *must* comply",
  "'the UN *should* act,' Ashrawi said" — the speaker demands of (must) or appeals
  to (should) the clause's subject, unless it is the speaker's own side.

(CAMEO also reads a reported attack as an accusation, "a says b attacked" = a
accuses b; measured on the development set it added one correct relation for
as many wrong ones, so it is not done.)

The speaker is found as for any attributed relation (:func:`speaker_of`); in the
journalist's own voice ("the move was illegal") nobody accuses anyone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from diplograph.actors.doc_actors import DocActors
from diplograph.nlp.syntax import clause_subject, is_passive
from diplograph.relations.arguments import Arg, phrase_actors
from diplograph.relations.attribution import QuoteIndex, Speaker, speaker_of
from diplograph.relations.lexicon import Lexicon
from diplograph.relations.parties import own_government, own_side
from diplograph.relations.polarity import polarity_of

__all__ = ["Judgement", "reported_judgements"]

_COPULAS = frozenset({"be", "seem", "remain", "become", "appear", "look", "sound"})
#: Verbs whose object says what their subject is, as a copula's predicate does ("constituted a violation").
_COPULAR_OBJECT_VERBS = frozenset({"constitute", "represent"})


@dataclass(frozen=True)
class Judgement:
    """An accusation read from reported speech: the speaker, the accused and the word that judges."""

    speaker: Speaker
    accused: Arg
    token: Token
    #: The relation type when it is not the evaluations' own (an obligation's demand or appeal).
    kind: str | None = None


def _in(token: Token, words: tuple[str, ...]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


def _negative(token: Token, lexicon: Lexicon) -> bool:
    return _in(token, lexicon.evaluations.negative)


def _positive(token: Token, lexicon: Lexicon) -> bool:
    return _in(token, lexicon.evaluations.positive)


def _judged_clause(token: Token, lexicon: Lexicon) -> Token | None:
    """The copula whose predicate ``token`` is, when ``token`` (or its predicate head) is a negative judgement,
    or a positive one the clause denies ("Trump was *not welcome*"); "was *to blame*" judges its subject."""
    if token.lower_ == "blame" and token.dep_ == "xcomp" and token.head.lemma_.lower() == "be":
        return token.head  # "Kyiv *was to blame* for the escalation"
    if not _negative(token, lexicon) and not _positive(token, lexicon):
        return None
    current = token
    for _ in range(3):  # "very disappointing", "a diplomatic war", "deeply damaging to the interest"
        if current.dep_ in ("acomp", "attr", "oprd") and current.head.lemma_.lower() in _COPULAS:
            return current.head
        if current.dep_ == "dobj" and current.head.lemma_.lower() in _COPULAR_OBJECT_VERBS:
            return current.head  # "the strike *constituted* a violation of international law"
        if current.dep_ == "pobj" and current.head.lower_ == "to" and current.head.head.lemma_.lower() == "amount":
            return current.head.head  # "the effort *amounted to* worthless fantasies"
        if current.dep_ not in ("amod", "advmod", "compound", "conj"):
            return None
        current = current.head
    return None


def _accused(subject: Token, actors: DocActors) -> list[Arg]:
    """Who owns the judged thing: the subject, its possessor ("*Erdogan's* remarks") or agent ("the decision *by* X")."""
    found = phrase_actors(subject, actors)
    if found:
        return found
    owners = [c for c in subject.children if c.dep_ == "poss"]
    owners += [o for c in subject.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for o in c.children
               if o.dep_ == "pobj"]
    return [a for owner in owners for a in phrase_actors(owner, actors)]


def _allegations(token: Token, actors: DocActors, lexicon: Lexicon) -> Iterator[Judgement]:
    """ "which South Korea and the US *allege* was an assassination organised by North Korean agents"."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.evaluations.alleging:
        return
    subject, _ = clause_subject(token)
    speakers = phrase_actors(subject, actors) if subject is not None else []
    own = {a.actor for a in speakers}
    for child in token.children:
        if child.dep_ not in ("ccomp", "xcomp", "dobj"):
            continue
        for inner in child.subtree:
            accused = actors.actor_of(inner)
            record = actors.actors.get(accused) if accused else None
            if accused in own or record is None or record.type == "place" or not actors.can_be_endpoint(accused):
                continue
            for speaker in speakers:
                yield Judgement(Speaker(speaker.actor, token), Arg(accused, inner, "allegation"), token)


def _owned_judgements(token: Token, actors: DocActors, lexicon: Lexicon, quotes: QuoteIndex | None) -> Iterator[Judgement]:
    """ "over *the Ukrainian side's provocative actions*, the Kremlin said": a judged thing's owner is accused."""
    if token.dep_ == "amod" and token.pos_ == "ADJ" and token.head.pos_ == "NOUN" and _negative(token, lexicon):
        thing = token.head  # an adjective judges; a noun ("Russia's offensive") may be the act itself
    else:
        return
    owners = [a for c in thing.children if c.dep_ == "poss" for a in phrase_actors(c, actors)]
    if not owners or polarity_of(thing, lexicon) == "negated":
        return
    speaker = speaker_of(thing, actors, lexicon, quotes)
    if speaker is None or not actors.can_be_endpoint(speaker.actor):
        return
    for owner in owners:
        if owner.actor != speaker.actor and actors.can_be_endpoint(owner.actor):
            yield Judgement(speaker, owner, token)


def _obligations(token: Token, actors: DocActors, lexicon: Lexicon, quotes: QuoteIndex | None) -> Iterator[Judgement]:
    """ "Abe said North Korea *must* comply": the speaker demands of (or appeals to) the subject of the modal."""
    kind = lexicon.evaluations.obligations.get(token.lower_)
    verb = token.head
    if kind is None or token.dep_ != "aux" or verb.pos_ != "VERB":
        return
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return  # "if Iran should attack": a condition, not an obligation
    subject, _ = clause_subject(verb)
    if subject is None or is_passive(verb) or subject.lower_ in ("i", "we"):
        return  # "we should": the speaker's own side, whoever "we" resolved to
    speaker = speaker_of(verb, actors, lexicon, quotes)
    if speaker is None or not actors.can_be_endpoint(speaker.actor):
        return
    for bound in phrase_actors(subject, actors):
        if bound.actor == speaker.actor or not actors.can_be_endpoint(bound.actor):
            continue
        if own_side(speaker.actor, bound.actor, actors):
            continue  # "Lavrov said Russia must respond": its own side
        yield Judgement(speaker, bound, token, kind)


def reported_judgements(
    sentence: Span, actors: DocActors, lexicon: Lexicon, quotes: QuoteIndex | None
) -> Iterator[Judgement]:
    """The accusations a sentence reports through a speaker's negative judgement or account of misconduct."""
    wrongs = lexicon.evaluations.wrongs
    for token in sentence:
        yield from _allegations(token, actors, lexicon)
        yield from _owned_judgements(token, actors, lexicon, quotes)
        yield from _obligations(token, actors, lexicon, quotes)
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in wrongs:
            clause = token
        else:
            clause = _judged_clause(token, lexicon)
        if clause is None:
            continue
        subject, _ = clause_subject(clause)
        if subject is None:
            continue
        predicate = clause is not token  # a copular clause: its predicate may carry the negation ('was "not welcome"')
        denied = (polarity_of(clause, lexicon) == "negated") != (  # "he does not violate any laws"
            predicate and any(c.dep_ == "neg" for c in token.children))
        if denied != (predicate and _positive(token, lexicon)):  # a denied praise is a judgement
            continue
        speaker = speaker_of(clause, actors, lexicon, quotes)
        if speaker is None or not actors.can_be_endpoint(speaker.actor):
            continue
        for accused in _accused(subject, actors):
            if accused.actor != speaker.actor and actors.can_be_endpoint(accused.actor) and not own_government(
                    speaker.actor, accused.actor, actors) and actors.actors[accused.actor].type != "place":
                yield Judgement(speaker, accused, token)
