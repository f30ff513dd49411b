"""The working state of actor resolution for one document.

Resolution runs in passes (entities, phrases, coreference, quotes); each pass
reads and edits the references collected so far through a
:class:`DocActorsBuilder`, which finally produces the immutable-by-convention
:class:`~diplograph.actors.doc_actors.DocActors`.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from diplograph.actors.dictionary import ActorDictionary
from diplograph.actors.doc_actors import DocActors, Quote
from diplograph.actors.roles import Role, role_office
from diplograph.base.models import Actor, Document, Mention

__all__ = ["Reference", "DocActorsBuilder"]

_NAMING_KINDS = frozenset({"name", "alias", "metonym", "demonym"})
#: Words that make a name an organization's, whatever a title next to it says.
_ORGANIZATION_WORDS = frozenset({"committee", "council", "organization", "organisation", "foundation", "institute",
                                 "association", "party", "union", "agency", "ministry", "company", "group", "bank",
                                 "university", "league", "front", "movement", "forces", "army", "court"})  # fmt: skip


def _organization_name(name: str) -> bool:
    return bool({w.lower() for w in name.split()} & _ORGANIZATION_WORDS)


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
    #: New actors the text shows are places ("Tadef in northern Syria"), whatever the model typed them.
    placed: set[str] = field(default_factory=set)
    #: Head token of a reference -> the CAMEO sector of the state it refers to ("MIL" for "Russian forces").
    sectors: dict[int, str] = field(default_factory=dict)
    #: Head token of a leader's government ("the Trump *administration*") -> the leader it is named for.
    governments: dict[int, str] = field(default_factory=dict)
    #: Office placeholders made in this document: id -> {title, country, organization, owner, date}.
    offices: dict[str, dict] = field(default_factory=dict)
    #: Institutions named without their state, waiting for the document's main state: (start, end, sector).
    pending: list[tuple[int, int, str]] = field(default_factory=list)
    #: References to a state or organization taken into a longer reference to someone else
    #: ("US" in "US special envoy Steve Witkoff"): still mentions of that actor.
    absorbed: list[Reference] = field(default_factory=list)
    #: Tokens of the dateline ("Geneva, Switzerland - "): where the story was filed, no antecedent of anything.
    datelines: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._cover: dict[int, int] = {}  # token index -> start of the reference covering it
        self._starts: list[int] = []  # starts of the references, sorted
        self._actor_starts: dict[str, list[int]] = {}  # actor id -> sorted starts of its single-actor references
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
        for old in self.remove(start, end):
            if (
                len(old.actors) == 1
                and old.actor not in ids
                and old.kind in _NAMING_KINDS
                and start <= old.start
                and old.end <= end
                and self.actors[old.actor].type in ("state", "organization", "group")
            ):
                self.absorbed.append(old)
        ref = Reference(start, end, ids, kind, end - 1 if head is None else head, text_end)
        self.put(ref)
        return ref

    def put(self, ref: Reference) -> None:
        """Store ``ref`` as is (the caller guarantees it overlaps no other reference)."""
        if ref.start not in self.refs:
            insort(self._starts, ref.start)
        else:
            self._unindex(self.refs[ref.start])
        self.refs[ref.start] = ref
        self._index(ref)
        for i in range(ref.start, ref.end):
            self._cover[i] = ref.start

    def _index(self, ref: Reference) -> None:
        if len(ref.actors) == 1:
            insort(self._actor_starts.setdefault(ref.actor, []), ref.start)

    def _unindex(self, ref: Reference) -> None:
        if len(ref.actors) == 1:
            starts = self._actor_starts.get(ref.actor, [])
            position = bisect_left(starts, ref.start)
            if position < len(starts) and starts[position] == ref.start:
                del starts[position]

    def remove(self, start: int, end: int) -> list[Reference]:
        """Drop every reference overlapping tokens ``[start, end)`` and return them."""
        starts = {self._cover[i] for i in range(start, end) if i in self._cover}
        dropped = [self.refs.pop(s) for s in sorted(starts)]
        for ref in dropped:
            del self._starts[bisect_left(self._starts, ref.start)]
            self._unindex(ref)
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

    def between(self, start: int, end: int) -> list[Reference]:
        """References starting at a token in ``[start, end)``, in text order."""
        low, high = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [self.refs[s] for s in self._starts[low:high]]

    def in_sentence(self, sentence: int, before: int | None = None) -> list[Reference]:
        """References starting in sentence number ``sentence`` (and before token ``before``), in text order."""
        if not 0 <= sentence < len(self.sentences):
            return []
        sent = self.sentences[sentence]
        return self.between(sent.start, sent.end if before is None else min(before, sent.end))

    def ordered(self) -> list[Reference]:
        """References in text order (a fresh list; callers may edit references while iterating it)."""
        return [self.refs[start] for start in self._starts]

    def recent_actors(self, before: int, actor_type: str | None = None) -> list[str]:
        """Distinct actors with a single-actor reference starting before token ``before``, most recent first."""
        last: list[tuple[int, str]] = []
        for actor_id, starts in self._actor_starts.items():
            if actor_type is not None and (actor_id not in self.actors or self.actors[actor_id].type != actor_type):
                continue
            position = bisect_left(starts, before)
            if position:
                last.append((starts[position - 1], actor_id))
        return [actor_id for _, actor_id in sorted(last, reverse=True)]

    def type_of(self, actor_id: str) -> str:
        return self.actors[actor_id].type

    def retype_as_person(self, actor_id: str) -> str:
        """Make a new (non-dictionary) actor a person, when the text shows it is one; return its id.

        The small model tags some names as ORG ("Natalia Hrebeniuk"); a title or
        apposition ("a spokeswoman for ...") settles it.
        """
        actor = self.actors[actor_id]
        if actor.type == "person" or actor_id in self.dictionary or _organization_name(actor.name):
            return actor_id
        return self.retype(actor_id, "person")

    def retype(self, actor_id: str, kind: str) -> str:
        """Give a new actor another type (``retype_as_person``, a name the text shows is a place); return its id."""
        actor = self.actors[actor_id]
        if actor.type == kind or actor_id in self.dictionary:
            return actor_id
        del self.actors[actor_id]
        new_id = actor_id.removesuffix(f"-{actor.type}")
        if new_id in self.dictionary or (new_id in self.actors and self.actors[new_id].type != kind):
            new_id = f"{new_id}-{kind}"
        self.actors.setdefault(new_id, actor.model_copy(update={"id": new_id, "type": kind}))
        if kind == "place":
            self.placed.add(new_id)
        for ref in self.refs.values():
            if actor_id in ref.actors:
                self._unindex(ref)
                ref.actors = tuple(new_id if a == actor_id else a for a in ref.actors)
                self._index(ref)
        return new_id

    def repoint(self, old: str, new: str) -> None:
        """Make every reference to ``old`` refer to ``new`` (a person written two ways in one document)."""
        for ref in self.refs.values():
            if old in ref.actors:
                self._unindex(ref)
                ref.actors = tuple(dict.fromkeys(new if a == old else a for a in ref.actors))
                self._index(ref)
        for ref in self.absorbed:
            ref.actors = tuple(dict.fromkeys(new if a == old else a for a in ref.actors))
        self.quotes = [Quote(q.start, q.end, new if q.speaker == old else q.speaker) for q in self.quotes]
        if old in self.learned_country:
            self.learned_country.setdefault(new, Counter()).update(self.learned_country.pop(old))
        for role in self.learned_roles.pop(old, []):
            self.learn(new, role=role)
        if old not in self.dictionary:
            self.actors.pop(old, None)

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

    def roles_of(self, actor_id: str) -> tuple[str | Role, ...]:
        """An actor's roles: its dictionary roles (dated or not) or record roles, then those the text gave it."""
        entry = self.dictionary.get(actor_id)
        actor = self.actors.get(actor_id)
        own: tuple[str | Role, ...] = entry.roles if entry is not None else actor.roles if actor is not None else ()
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

    def sector_of(self, ref: Reference) -> str | None:
        """The CAMEO sector recorded for a reference (at its head or any of its tokens), or None."""
        code = self.sectors.get(ref.head)
        if code is None:
            code = next((self.sectors[i] for i in range(ref.start, ref.end) if i in self.sectors), None)
        return code

    def _mention(self, actor_id: str, ref: Reference) -> Mention:
        span = self.doc[ref.start : ref.text_end or ref.end]
        return Mention(
            actor=actor_id,
            doc=self.document.id,
            sentence=self.sentence_of.get(ref.start, 0),
            span=(span.start_char, span.end_char),
            text=span.text,
            kind=ref.kind,  # type: ignore[arg-type]
            sector=self.sector_of(ref),
        )

    def learned(self, used: set[str]) -> list[dict]:
        """What this document teaches the corpus: roles the text gives people, its office placeholders, and
        names the text shows are places."""
        date = self.document.date.isoformat() if self.document.date else None
        found: list[dict] = []
        for person, roles in sorted(self.learned_roles.items()):
            if person not in used or self.actors[person].type != "person":
                continue
            for role in roles:
                office = role_office(role, country=self.country_of(person), lookup=self.dictionary.lookup)
                if office is not None and (office.country or office.organization):
                    found.append({"kind": "role", "person": person, "title": office.title, "country": office.country,
                                  "organization": office.organization, "date": date, "doc": self.document.id})
        for actor_id, office in sorted(self.offices.items()):
            if actor_id in used:
                found.append({"kind": "office", "id": actor_id, **office, "doc": self.document.id})
        for actor_id in sorted(self.placed):  # outweighs the model's labels in other documents
            if actor_id in used and self.actors.get(actor_id) is not None and self.actors[actor_id].type == "place":
                found.append({"kind": "place", "id": actor_id, "doc": self.document.id})
        return found

    def finish(self) -> DocActors:
        """The DocActors of the document."""
        result = DocActors(doc_id=self.document.id, notes=dict(self.notes), quotes=list(self.quotes))
        used: set[str] = set()
        for ref in self.absorbed:
            if self.ref_at(ref.start) is None or self.ref_at(ref.start).actors != ref.actors:
                used.add(ref.actor)
                result.mentions.append(self._mention(ref.actor, ref))
        for ref in self.ordered():
            # A plural role noun restates actors named next to it ("German and French officials"): no new mention.
            mentioned = ref.actors if len(ref.actors) == 1 or ref.kind == "pronoun" else ()
            used.update(ref.actors)
            for actor_id in mentioned:
                result.mentions.append(self._mention(actor_id, ref))
            if len(ref.actors) == 1:
                for i in range(ref.start, ref.end):
                    result.token_actor[i] = ref.actor
            else:
                result.token_actors[ref.head] = ref.actors
            sector = self.sector_of(ref)
            if sector is not None:
                result.sectors.update(dict.fromkeys(range(ref.start, ref.end), sector))
            leader = self.governments.get(ref.head)
            if leader is not None and len(ref.actors) == 1:
                used.add(leader)
                result.governments.update(dict.fromkeys(range(ref.start, ref.end), leader))
        result.mentions.sort(key=lambda m: m.span)
        used.update(q.speaker for q in self.quotes if q.speaker)
        result.actors = {a: self._final_actor(self.actors[a]) for a in sorted(used)}
        result.learned = self.learned(used)
        return result
