"""The working state of actor resolution for one document.

Resolution runs in passes (entities, phrases, coreference, quotes); each pass
reads and edits the references collected so far through a
:class:`DocActorsBuilder`, which finally produces the immutable-by-convention
:class:`~diplograph.actors.doc_actors.DocActors`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from diplograph.actors.dictionary import ActorDictionary
from diplograph.actors.doc_actors import DocActors, Quote
from diplograph.models import Actor, Document, Mention

__all__ = ["Reference", "DocActorsBuilder"]


@dataclass
class Reference:
    """Tokens ``[start, end)`` that refer to one actor (or to several, for plural references)."""

    start: int
    end: int
    actors: tuple[str, ...]
    kind: str
    head: int
    #: End of the words recorded in the mention, when the reference extends past the name
    #: ("Russian" in "Russian forces": the mention is the demonym, the reference covers both words).
    text_end: int | None = None

    @property
    def actor(self) -> str:
        return self.actors[0]


@dataclass
class DocActorsBuilder:
    """References of one document under construction."""

    doc: Doc
    document: Document
    dictionary: ActorDictionary
    actors: dict[str, Actor] = field(default_factory=dict)
    refs: dict[int, Reference] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    learned_country: dict[str, Counter] = field(default_factory=dict)
    learned_roles: dict[str, list[str]] = field(default_factory=dict)
    skipped: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._cover: dict[int, int] = {}  # token index -> start of the reference covering it
        self._ordered: list[Reference] | None = None
        self._by_sentence: dict[int, list[Reference]] | None = None
        self.starts: list[int] = [t.idx for t in self.doc]
        self.lower: list[str] = [t.lower_ for t in self.doc]
        self.sentence_of: dict[int, int] = {}
        self.sentences: list[Span] = list(self.doc.sents)
        for number, sent in enumerate(self.sentences):
            for token in sent:
                self.sentence_of[token.i] = number

    # -- references -------------------------------------------------------------------------------

    def add(
        self,
        start: int,
        end: int,
        actor: Actor | str | tuple[str, ...],
        kind: str,
        *,
        head: int | None = None,
        text_end: int | None = None,
    ) -> Reference:
        """Record that tokens ``[start, end)`` refer to ``actor``; overlapping references are dropped."""
        if isinstance(actor, Actor):
            self.actors.setdefault(actor.id, actor)
            ids: tuple[str, ...] = (actor.id,)
        elif isinstance(actor, str):
            ids = (actor,)
        else:
            ids = tuple(dict.fromkeys(actor))
        for actor_id in ids:
            if actor_id not in self.actors:
                self.actors[actor_id] = self.dictionary.actor(actor_id)
        self.remove(start, end)
        ref = Reference(start, end, ids, kind, end - 1 if head is None else head, text_end)
        self.put(ref)
        return ref

    def put(self, ref: Reference) -> None:
        """Store ``ref`` as is (the caller guarantees it overlaps no other reference)."""
        self.refs[ref.start] = ref
        self._ordered = None
        for i in range(ref.start, ref.end):
            self._cover[i] = ref.start

    def remove(self, start: int, end: int) -> list[Reference]:
        """Drop every reference overlapping tokens ``[start, end)`` and return them."""
        starts = {self._cover[i] for i in range(start, end) if i in self._cover}
        dropped = [self.refs.pop(s) for s in sorted(starts)]
        if dropped:
            self._ordered = None
        for ref in dropped:
            for i in range(ref.start, ref.end):
                self._cover.pop(i, None)
        return dropped

    def ref_at(self, i: int) -> Reference | None:
        """The reference covering token ``i``, or None."""
        start = self._cover.get(i)
        return None if start is None else self.refs[start]

    def actor_at(self, i: int) -> str | None:
        """The single actor token ``i`` refers to, or None."""
        ref = self.ref_at(i)
        return ref.actor if ref is not None and len(ref.actors) == 1 else None

    def in_sentence(self, sentence: int, before: int | None = None) -> list[Reference]:
        """References starting in sentence number ``sentence`` (and before token ``before``), in text order."""
        ordered = self.ordered()
        if self._by_sentence is None:
            by_sentence: dict[int, list[Reference]] = {}
            for ref in ordered:
                by_sentence.setdefault(self.sentence_of.get(ref.start, 0), []).append(ref)
            self._by_sentence = by_sentence
        refs = self._by_sentence.get(sentence, [])
        return [r for r in refs if before is None or r.start < before]

    def ordered(self) -> list[Reference]:
        """References in text order (a fresh list; callers may edit references while iterating it)."""
        if self._ordered is None:
            self._ordered = [self.refs[start] for start in sorted(self.refs)]
            self._by_sentence = None
        return list(self._ordered)

    def type_of(self, actor_id: str) -> str:
        return self.actors[actor_id].type

    def retype_as_person(self, actor_id: str) -> str:
        """Make a new (non-dictionary) actor a person, when the text shows it is one; return its id.

        The small model tags some names as ORG ("Natalia Hrebeniuk"); a title or
        apposition ("a spokeswoman for ...") settles it.
        """
        actor = self.actors[actor_id]
        if actor.type == "person" or actor_id in self.dictionary:
            return actor_id
        del self.actors[actor_id]
        new_id = actor_id.removesuffix(f"-{actor.type}")
        if new_id in self.dictionary or (new_id in self.actors and self.actors[new_id].type != "person"):
            new_id = f"{new_id}-person"
        self.actors.setdefault(new_id, actor.model_copy(update={"id": new_id, "type": "person"}))
        for ref in self.refs.values():
            if actor_id in ref.actors:
                ref.actors = tuple(new_id if a == actor_id else a for a in ref.actors)
        return new_id

    # -- learned attributes ------------------------------------------------------------------------

    def learn(self, actor_id: str, *, country: str | None = None, role: str | None = None) -> None:
        """Remember a country or role the text gives an actor ("US special envoy X")."""
        if country:
            self.learned_country.setdefault(actor_id, Counter())[country] += 1
        if role and role not in self.learned_roles.setdefault(actor_id, []):
            self.learned_roles[actor_id].append(role)

    def country_of(self, actor_id: str) -> str | None:
        """The country of an actor: its own, or the one learned from the text."""
        actor = self.actors.get(actor_id)
        if actor is not None and actor.country:
            return actor.country
        counts = self.learned_country.get(actor_id)
        return min(counts, key=lambda c: (-counts[c], c)) if counts else None

    def roles_of(self, actor_id: str) -> tuple[str, ...]:
        actor = self.actors.get(actor_id)
        own = actor.roles if actor is not None else ()
        return (*own, *(r for r in self.learned_roles.get(actor_id, ()) if r not in own))

    def _final_actor(self, actor: Actor) -> Actor:
        update: dict[str, object] = {}
        if actor.country is None and actor.id in self.learned_country:
            update["country"] = self.country_of(actor.id)
        learned = self.learned_roles.get(actor.id)
        if learned and (actor.id not in self.dictionary or not actor.roles):
            update["roles"] = tuple(dict.fromkeys((*actor.roles, *sorted(learned))))
        return actor.model_copy(update=update) if update else actor

    # -- result ------------------------------------------------------------------------------------

    def finish(self) -> DocActors:
        """The DocActors of the document."""
        result = DocActors(doc_id=self.document.id, notes=dict(self.notes), quotes=list(self.quotes))
        used: set[str] = set()
        for ref in self.ordered():
            span = self.doc[ref.start : ref.text_end or ref.end]
            # A plural role noun restates actors named next to it ("German and French officials"): no new mention.
            mentioned = ref.actors if len(ref.actors) == 1 or ref.kind == "pronoun" else ()
            used.update(ref.actors)
            for actor_id in mentioned:
                result.mentions.append(
                    Mention(
                        actor=actor_id,
                        doc=self.document.id,
                        sentence=self.sentence_of.get(ref.start, 0),
                        span=(span.start_char, span.end_char),
                        text=span.text,
                        kind=ref.kind,  # type: ignore[arg-type]
                    )
                )
            if len(ref.actors) == 1:
                for i in range(ref.start, ref.end):
                    result.token_actor[i] = ref.actor
            else:
                result.token_actors[ref.head] = ref.actors
        used.update(q.speaker for q in self.quotes if q.speaker)
        result.actors = {a: self._final_actor(self.actors[a]) for a in sorted(used)}
        return result
