"""DocActors: the actors of one parsed document, as the relation extractor sees them."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Token

from diplograph.base.models import Actor, Mention

__all__ = ["DocActors", "Quote"]


@dataclass(frozen=True)
class Quote:
    """A stretch of quoted speech and who said it.

    Attributes:
        start: character offset of the first quoted character (after the opening mark).
        end: character offset just after the last quoted character.
        speaker: the actor id of the speaker, or None when the quote is unattributed.
    """

    start: int
    end: int
    speaker: str | None = None


@dataclass
class DocActors:
    """What actor resolution found in one document.

    Attributes:
        doc_id: the document id.
        mentions: every mention, in text order (names, aliases, metonyms,
            demonyms, titles, resolved pronouns and descriptions).
        actors: every actor mentioned in the document, by id. Dictionary actors
            keep their dictionary id; new actors get a provisional slug id that
            cross-document merging may rewrite.
        token_actor: token index -> actor id, for every token inside a mention
            span and for pronouns/descriptions resolved by coreference.
        token_actors: token index -> several actor ids, for plural references
            to more than one actor ("the prime ministers of the Netherlands and
            Poland" on "ministers", "they" resolved to both). These tokens have
            no ``token_actor`` entry.
        notes: token index -> a sector or role note for the reference made at
            that token ("military" for "Russian forces", "head of government"
            for "the prime ministers of ...").
        quotes: quoted speech with its attributed speaker, in text order.
        sectors: token index -> the CAMEO sector code (``GOV``, ``MIL``, ``COP``,
            ``SPY``, ``LEG``, ``JUD``) of the part of a state the reference
            covering that token names ("Afghan *police*" → ``COP``, "the Foreign
            Ministry" → ``GOV``), for every token of the reference; see
            :meth:`sector_at`. The same code is on the reference's mentions
            (``Mention.sector``).
        governments: token index -> the leader a state reference is named for ("the *Obama
            administration*" → Barack Obama, while the reference is the United States), for every
            token of the reference; see :meth:`leader_of`.
        learned: what the document teaches the corpus-wide merge: roles the text
            gives people (``{"kind": "role", "person", "title", "country",
            "organization", "date", "doc"}``) and office placeholders
            (``{"kind": "office", "id", "title", "country", "organization",
            "owner", "date", "doc"}``; see :mod:`~diplograph.actors.offices`).
    """

    doc_id: str
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    token_actors: dict[int, tuple[str, ...]] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    sectors: dict[int, str] = field(default_factory=dict)
    governments: dict[int, str] = field(default_factory=dict)
    learned: list[dict] = field(default_factory=list)
    _states: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    def actor_of(self, token: Token) -> str | None:
        """The actor a token refers to, or None."""
        return self.token_actor.get(token.i)

    def actors_of(self, token: Token) -> tuple[str, ...]:
        """Every actor a token refers to: one, several (plural references) or none."""
        single = self.token_actor.get(token.i)
        if single is not None:
            return (single,)
        return self.token_actors.get(token.i, ())

    def note_of(self, token: Token) -> str | None:
        """The sector/role note of the reference at ``token`` ("military", "head of government"), or None."""
        return self.notes.get(token.i)

    def sector_at(self, token_i: int) -> str | None:
        """The CAMEO sector of the state part the reference at token index ``token_i`` names, or None.

        "Russian *forces*" → ``MIL``, "Afghan police" → ``COP``, "the Foreign Ministry" → ``GOV``,
        "the Qatari prime minister" (no holder known) → ``GOV``; names of states ("Russia") → None.
        """
        return self.sectors.get(token_i)

    def leader_of(self, token: Token) -> str | None:
        """The leader whose government the state reference at ``token`` names ("the *Trump*
        administration" → Donald Trump), or None."""
        return self.governments.get(token.i)

    def mention_of(self, token: Token) -> Mention | None:
        """The mention covering ``token`` (its kind tells a metonym from a name), or None."""
        for mention in self.mentions:
            if mention.span[0] <= token.idx < mention.span[1] and mention.actor == self.token_actor.get(token.i):
                return mention
        return None

    def _quote_at(self, char: int) -> Quote | None:
        position = bisect_right(self.quotes, char, key=lambda quote: quote.start) - 1
        if position >= 0 and char < self.quotes[position].end:
            return self.quotes[position]
        return None

    def speaker_of(self, token: Token) -> str | None:
        """The attributed speaker of the quote containing ``token``, or None (also outside quotes)."""
        quote = self._quote_at(token.idx)
        return quote.speaker if quote is not None else None

    def in_quote(self, token: Token) -> bool:
        """True when ``token`` is inside quoted speech."""
        return self._quote_at(token.idx) is not None

    def state_of(self, country: str | None) -> str | None:
        """The id of the document's state actor with this ISO3 code, or None when the document names none."""
        if self._states is None:
            self._states = {}
            for actor in self.actors.values():
                if actor.type == "state" and actor.country:
                    self._states.setdefault(actor.country, actor.id)
        return self._states.get(country) if country else None

    def can_be_endpoint(self, actor_id: str) -> bool:
        """Media and unknown ids never become relation endpoints."""
        actor = self.actors.get(actor_id)
        return actor is not None and actor.type != "media"

    def remap(self, mapping: dict[str, str], actors: dict[str, Actor] | None = None) -> DocActors:
        """A copy with actor ids rewritten by ``mapping`` (from :func:`merge_actors`).

        Args:
            mapping: provisional id -> final id; ids not in it are kept.
            actors: the final actors by id; when given, they replace the
                document's own records.
        """

        def new(actor_id: str) -> str:
            return mapping.get(actor_id, actor_id)

        records: dict[str, Actor] = {}
        for actor_id, actor in self.actors.items():
            final = new(actor_id)
            records.setdefault(final, (actors or {}).get(final) or actor.model_copy(update={"id": final}))
        return DocActors(
            doc_id=self.doc_id,
            mentions=[m.model_copy(update={"actor": new(m.actor)}) for m in self.mentions],
            actors=records,
            token_actor={i: new(a) for i, a in self.token_actor.items()},
            token_actors={i: tuple(dict.fromkeys(new(a) for a in ids)) for i, ids in self.token_actors.items()},
            notes=dict(self.notes),
            quotes=[Quote(q.start, q.end, new(q.speaker) if q.speaker else None) for q in self.quotes],
            sectors=dict(self.sectors),
            governments={i: new(a) for i, a in self.governments.items()},
            learned=[dict(x) for x in self.learned],
        )
