"""The data model: documents, actors, mentions and relations.

Every record the pipeline produces is one of these pydantic models. They are
frozen (hashable, safe to share between steps) and serialise to one JSON
object per line in the output folder (see the README's output contract).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "ActorType",
    "Polarity",
    "Modality",
    "RELATION_TYPES",
    "Document",
    "Actor",
    "Mention",
    "Relation",
    "slugify",
    "relation_id",
]

ActorType = Literal["person", "state", "organization", "group", "place", "media"]
Polarity = Literal["asserted", "negated"]
Modality = Literal["factual", "planned", "hypothetical"]

#: The fourteen relation types of the built-in ontology, in display order.
RELATION_TYPES: tuple[str, ...] = (
    "meets",
    "negotiates",
    "mediates",
    "demands",
    "appeals",
    "threatens",
    "guarantees",
    "supports",
    "agrees",
    "rejects",
    "accuses",
    "sanctions",
    "deploys",
    "attacks",
)

_SLUG_RE = re.compile(r"[^a-z0-9]+")
_ID_RE = r"^[a-z0-9][a-z0-9-]*$"
#: A CAMEO sector code ("GOV", "MIL", "COP", ...): which part of a state acted, when the text says.
_SECTOR_RE = r"^[A-Z]{3}$"


def slugify(name: str) -> str:
    """Return a stable ASCII slug for an actor name.

    >>> slugify("Volodymyr Zelenskyy")
    'volodymyr-zelenskyy'
    >>> slugify("Élysée Palace")
    'elysee-palace'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _SLUG_RE.sub("-", ascii_name.lower()).strip("-")
    if not slug:
        # Names in non-Latin scripts: keep them distinct through a hash.
        slug = "actor-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
    return slug


class Document(BaseModel):
    """One text of the corpus."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    title: str = ""
    date: dt.date | None = None
    text: str


class Actor(BaseModel):
    """A node of the graph: a person, state, organization, group, place or media."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=_ID_RE)
    name: str = Field(min_length=1)
    type: ActorType
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")


class Mention(BaseModel):
    """One place in a document where an actor is named or referred to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    actor: str
    doc: str
    sentence: int = Field(ge=0)
    span: tuple[int, int]
    text: str
    kind: Literal["name", "alias", "metonym", "demonym", "title", "pronoun", "description"] = "name"
    sector: str | None = Field(default=None, pattern=_SECTOR_RE)

    @model_validator(mode="after")
    def _span_ordered(self) -> Mention:
        if not 0 <= self.span[0] <= self.span[1]:
            raise ValueError(f"span {self.span} is not an ordered pair of offsets")
        return self


class Relation(BaseModel):
    """A directed, typed edge read from one sentence, with its provenance."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    doc: str
    sentence: int = Field(ge=0)
    source: str
    target: str
    relation: str = Field(pattern=r"^[a-z][a-z_]*$")
    polarity: Polarity = "asserted"
    modality: Modality = "factual"
    attributed_to: str | None = None
    date: dt.date | None = None
    evidence: str
    span: tuple[int, int]
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    trigger: str | None = None
    mentions: int = Field(default=1, ge=1)
    spans: tuple[tuple[int, int], ...] = ()
    cameo: str | None = Field(default=None, pattern=r"^[0-9]{2,4}$")
    source_sector: str | None = Field(default=None, pattern=_SECTOR_RE)
    target_sector: str | None = Field(default=None, pattern=_SECTOR_RE)

    @field_validator("spans")
    @classmethod
    def _spans_ordered(cls, value: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        for start, end in value:
            if not 0 <= start <= end:
                raise ValueError(f"span {(start, end)} is not an ordered pair of offsets")
        return value

    @model_validator(mode="after")
    def _span_ordered(self) -> Relation:
        if not 0 <= self.span[0] <= self.span[1]:
            raise ValueError(f"span {self.span} is not an ordered pair of offsets")
        return self


def relation_id(doc: str, source: str, relation: str, target: str, polarity: str, extra: str = "") -> str:
    """Return a stable id for a relation: the same statement always gets the same id.

    The id is derived from the document, both endpoints, the type, the
    polarity and an optional discriminator, so rebuilding a corpus yields
    byte-identical outputs.
    """
    key = "\x1f".join((doc, source, relation, target, polarity, extra))
    return "r-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
