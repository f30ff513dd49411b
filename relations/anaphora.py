"""Event objects and anaphora: targets read from what a verb is *about*.

Verbs of judgement and response often take an event rather than an actor as
object: "condemned Russia's invasion" (target: the invader), "threatened
sanctions against Russia" (target: the one sanctioned), "rejected the idea",
"dismissed it", "condemned the raid". The lexicon's ``event_object_role``
says which argument of the event becomes the verb's target. Events that name
no actor of that role, and anaphors ("it", "the idea", "the step"), are
resolved from what was said before:

* *it/this/that*: the nearest earlier noun phrase of the same sentence that
  names an actor through a modifier ("welcomed *the European decision*,
  while Russia dismissed *it*");
* anaphoric nouns ("the idea", "the step") and plain pronouns: the source of
  the most recent statement in this or the two previous sentences, even a
  statement without a target ("Umerov proposed a meeting; Medinsky rejected
  the idea");
* event nouns without arguments ("condemned *the raid*"): the source of the
  most recent statement of that type anywhere earlier in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from diplograph.actors.doc_actors import DocActors
from diplograph.nlp.syntax import clause_subject, noun_agent
from diplograph.relations.arguments import Arg, phrase_actors, sentence_start
from diplograph.relations.lexicon import Lexicon
from diplograph.relations.matching import noun_entry
from diplograph.relations.nominal import noun_sources, noun_targets

__all__ = ["Statement", "Sides", "History", "event_objects", "thing_owner", "object_argument", "ANAPHOR_WINDOW"]

#: How many sentences back an anaphor ("the idea", "it") may look.
ANAPHOR_WINDOW = 2
_PRONOUNS = frozenset({"it", "this", "that"})


@dataclass(frozen=True)
class Statement:
    """Who did what in an earlier trigger (with or without a target)."""

    token: int
    sentence: int
    type: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Sides:
    """Two actors on opposite sides of a relation read earlier (see :mod:`~diplograph.relations.parties`)."""

    token: int
    sentence: int
    actors: tuple[str, str]


@dataclass
class History:
    """Statements read so far in a document, in text order."""

    statements: list[Statement] = field(default_factory=list)
    sides: list[Sides] = field(default_factory=list)
    sentence: int = 0
    _by_type: dict[str, list[Statement]] = field(default_factory=dict, repr=False)

    def add_sides(self, token: Token, first: str, second: str) -> None:
        """Record that ``first`` and ``second`` stood on opposite sides of a relation at ``token``."""
        if first != second:
            self.sides.append(Sides(token.i, self.sentence, (first, second)))

    def add(self, token: Token, relation_type: str, sources: list[str]) -> None:
        """Record a trigger's sources (nothing is recorded without a source)."""
        if sources:
            statement = Statement(token.i, self.sentence, relation_type, tuple(dict.fromkeys(sources)))
            self.statements.append(statement)
            self._by_type.setdefault(relation_type, []).append(statement)

    def recent_sources(
        self,
        before: Token,
        *,
        relation_type: str | None = None,
        window: int | None = None,
        exclude: set[str] | frozenset[str] = frozenset(),
    ) -> list[str]:
        """Sources of the most recent statement before ``before`` (optionally of a type, within a window)."""
        statements = self.statements if relation_type is None else self._by_type.get(relation_type, [])
        for statement in reversed(statements):
            if statement.token >= before.i:
                continue
            if window is not None and self.sentence - statement.sentence > window:
                return []
            sources = [s for s in statement.sources if s not in exclude]
            if sources:
                return sources
        return []


def event_objects(verb: Token) -> list[Token]:
    """Objects and complements of a verb that may name the event it is about, nearest first."""
    found = []
    for child in verb.children:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj") for c in child.children):
            continue  # "signed the document, *expressing* their concern": a second act of the subject's own
        if child.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp", "advcl"):
            found.append(child)
            if child.pos_ in ("VERB", "AUX", "PRON"):  # "condemned what it described as intimidation"
                found.extend(t for t in child.subtree if t.dep_ in ("dobj", "oprd", "pobj", "attr") and t != child)
        elif child.dep_ == "prep":
            found.extend(o for o in child.children if o.dep_ in ("pobj", "pcomp"))
    return found


def _antecedent_phrase(pronoun: Token, actors: DocActors, lexicon: Lexicon, exclude: set[str]) -> list[Arg]:
    """The nearest earlier noun phrase of the sentence naming an actor through a modifier."""
    for i in range(pronoun.i - 1, sentence_start(pronoun) - 1, -1):
        token = pronoun.doc[i]
        if token.pos_ != "NOUN" or actors.actor_of(token) is not None:
            continue
        if token.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
            continue
        found = [a for a in phrase_actors(token, actors, event_nouns=lexicon.nouns.keys()) if a.actor not in exclude]
        if found:
            return found
    return []


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


#: Verbs whose subject made or owns their object ("ESCWA *published* a report"); "Russia *vetoed* a
#: resolution" makes Russia no owner of it.
_MAKING_VERBS = frozenset(
    {
        "publish", "issue", "release", "write", "draft", "prepare", "produce", "compile", "commission", "adopt",
        "pass", "approve", "enact", "sign", "introduce", "propose", "table", "submit", "present", "unveil",
        "announce", "launch", "put", "make", "take", "pursue", "implement", "impose", "order", "deliver", "give",
        "outline", "set", "have", "follow", "continue", "change", "reverse", "defend", "explain",
    }
)


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def _own_owners(token: Token, actors: DocActors) -> list[Arg]:
    """Who a thing's own phrase says owns it: possessor, modifier, *by* agent, or the subject of the
    verb that made it ("ESCWA *published* a report")."""
    agent = noun_agent(token, deep=True)
    owners = phrase_actors(token, actors) + (phrase_actors(agent, actors) if agent is not None else [])
    if not owners and token.dep_ == "dobj" and token.head.lemma_.lower() in _MAKING_VERBS:
        subject, _ = clause_subject(token.head)
        owners = phrase_actors(subject, actors) if subject is not None else []
    return owners


def thing_owner(thing: Token, actors: DocActors, *, exclude: set[str] | frozenset[str] = frozenset()) -> list[Arg]:
    """Who owns or made ``thing`` (a report, a law, a policy): its own phrase (:func:`_own_owners`), or
    for a definite thing the owner of an earlier mention of the same noun ("ESCWA published a report
    ... Israel condemned *the report*" → ESCWA).

    Earlier mentions are searched back through the document: definite ones without an owner are
    passed over; an indefinite one without one ends the search (a report nobody is said to have written)."""
    found = [a for a in _own_owners(thing, actors) if a.actor not in exclude]
    if found or not _definite(thing):
        return found
    lemma, doc = thing.lemma_.lower(), thing.doc
    for i in range(thing.left_edge.i - 1, -1, -1):
        token = doc[i]
        if token.pos_ != "NOUN" or token.lemma_.lower() != lemma:
            continue
        found = [Arg(a.actor, thing, "anaphora") for a in _own_owners(token, actors) if a.actor not in exclude]
        if found or not _definite(token):
            return found
    return []


def object_argument(
    verb: Token,
    role: str,
    actors: DocActors,
    lexicon: Lexicon,
    history: History,
    *,
    exclude: set[str],
) -> tuple[list[Arg], str]:
    """The ``role`` argument of the event (or anaphor) ``verb`` is about.

    Returns the arguments and how they were found (``event_object``,
    ``anaphora`` or ``none``). ``exclude`` holds the verb's own sources
    (nobody condemns themselves).
    """
    anaphors = {a.lower() for a in lexicon.anaphors}
    # what a nested relation verb is about is its own ("refused to criticize the order" rejects no one)
    nested = {t.i for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
              and lexicon.verb_entries(c.lemma_) for t in c.subtree if t != c}  # fmt: skip
    for obj in event_objects(verb):
        if obj.i in nested:
            continue
        entry = noun_entry(obj, lexicon)
        if entry is not None:
            if role == "source":
                found = noun_sources(obj, entry.type, entry, actors, lexicon)
            else:
                found = noun_targets(obj, entry.type, entry, actors, lexicon)
            found = [a for a in found if a.actor not in exclude]
            if found:
                return found, "event_object"
            if role == "source":
                prior = history.recent_sources(verb, relation_type=entry.type, exclude=exclude)
                if prior:
                    return [Arg(actor, obj, "anaphora") for actor in prior], "anaphora"
            continue
        word = obj.lower_
        owned = obj.lemma_.lower() in lexicon.owned_things or word in lexicon.owned_things
        if role == "source" and obj.pos_ in ("NOUN", "PROPN") and owned:
            owners = thing_owner(obj, actors, exclude=exclude)  # "the cuts proposed by Trump", "Erdogan's comments"
            if owners:
                return owners, ("anaphora" if owners[0].via == "anaphora" else "event_object")
            continue
        if word in _PRONOUNS and obj.pos_ in ("PRON", "DET"):
            found = _antecedent_phrase(obj, actors, lexicon, exclude)
            if found:
                return found, "anaphora"
        if word in anaphors or obj.lemma_.lower() in anaphors:
            if role == "source" and obj.pos_ in ("NOUN", "PROPN"):  # "Riyadh's decision", "the move by Riyadh"
                agent = noun_agent(obj)
                owners = phrase_actors(obj, actors) + (phrase_actors(agent, actors) if agent is not None else [])
                owners = [a for a in owners if a.actor not in exclude]
                if owners:
                    return owners, "event_object"
            if role == "source":
                prior = history.recent_sources(verb, window=ANAPHOR_WINDOW, exclude=exclude)
                if prior:
                    return [Arg(actor, obj, "anaphora") for actor in prior], "anaphora"
    return [], "none"
