"""DocActors: the actors of one parsed document, as the relation extractor sees them."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from diplograph.models import Actor, Mention

__all__ = ["DocActors"]


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
    """

    doc_id: str
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)

    def actor_of(self, token: Token) -> str | None:
        """The actor a token refers to, or None."""
        return self.token_actor.get(token.i)

    def can_be_endpoint(self, actor_id: str) -> bool:
        """Media and unknown ids never become relation endpoints."""
        actor = self.actors.get(actor_id)
        return actor is not None and actor.type != "media"
