"""Actor profiles: everything the graph knows about one actor, for the REPL and notebooks."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

import pandas as pd
from pydantic import BaseModel, ConfigDict

from diplograph.graph.edges import oriented_records
from diplograph.graph.labels import mix_label
from diplograph.graph.neighborhood import neighbors_frame

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = ["Partner", "ActorProfile", "actor_profile"]


class Partner(BaseModel):
    """An actor's partner and the relations between them."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    relations: int
    types: str


class ActorProfile(BaseModel):
    """One actor: its fields, what it does and undergoes, who with, how central, and when.

    ``outgoing``/``incoming`` count the relations that make ties (asserted, of
    the evidence level: factual by default; symmetric types count both in and
    out); ``apart`` counts the other asserted records that involve the actor,
    by modality and type (``{"planned": {"meets": 2}}``), never mixed into
    them; ``negated`` counts the negated statements that involve the actor.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    wikidata: str | None = None
    outgoing: dict[str, int] = {}
    incoming: dict[str, int] = {}
    apart: dict[str, dict[str, int]] = {}
    negated: int = 0
    statements_attributed: int = 0
    documents: int = 0
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    top_partners: tuple[Partner, ...] = ()
    centrality: dict[str, float] = {}
    ranks: dict[str, int] = {}
    actors_ranked: int = 0

    def _facts(self) -> list[tuple[str, str]]:
        facts = [("type", self.type)]
        if self.country:
            facts.append(("country", self.country))
        if self.aliases:
            facts.append(("aliases", ", ".join(self.aliases)))
        if self.roles:
            facts.append(("roles", ", ".join(self.roles)))
        if self.members:
            facts.append(("members", ", ".join(self.members)))
        seen = (
            f"{self.first_seen or '?'} → {self.last_seen or '?'}" if (self.first_seen or self.last_seen) else "undated"
        )
        facts.append(("seen", f"{seen} in {self.documents} document(s)"))
        facts.append(("does", mix_label(self.outgoing) or "—"))
        facts.append(("undergoes", mix_label(self.incoming) or "—"))
        for modality, counts in self.apart.items():
            facts.append((modality, mix_label(counts)))
        if self.negated:
            facts.append(("negated", f"{self.negated} statement(s)"))
        if self.statements_attributed:
            facts.append(("speaker of", f"{self.statements_attributed} reported relation(s)"))
        if self.ranks:
            ranks = ", ".join(f"{m} #{r}" for m, r in self.ranks.items())
            facts.append(("rank", f"{ranks} (of {self.actors_ranked} actors with ties)"))
        partners = "; ".join(f"{p.name} ({p.relations}: {p.types})" for p in self.top_partners)
        facts.append(("partners", partners or "—"))
        return facts

    def __repr__(self) -> str:
        width = max(len(label) for label, _ in self._facts())
        lines = [f"{self.name} [{self.id}]"]
        lines += [f"  {label:<{width}}  {value}" for label, value in self._facts()]
        return "\n".join(lines)

    __str__ = __repr__

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
            for label, value in self._facts()
        )
        title = f"<strong>{html.escape(self.name)}</strong> <code>{html.escape(self.id)}</code>"
        return f"<div>{title}<table>{rows}</table></div>"


def _counts(frame: pd.DataFrame) -> dict[str, int]:
    return {str(t): int(n) for t, n in frame["relation"].value_counts().items()}


def actor_profile(
    derived: DerivedGraphs, name: str, centrality: pd.DataFrame | None = None, *, partners: int = 5
) -> ActorProfile:
    """Build the profile of the actor called ``name`` (any alias).

    Args:
        derived: the graph's derived data.
        name: id, name or alias.
        centrality: the graph's centrality table, for ranks (optional).
        partners: how many top partners to list.
    """
    actor_id = derived.index.resolve(name)
    row = derived.actors.loc[derived.actors["id"] == actor_id].iloc[0]
    table = derived.relations
    involved = (table["source"] == actor_id) | (table["target"] == actor_id)
    records = oriented_records(table.loc[involved], derived.ontology, derived.modalities)
    records = records.loc[records["source"] != records["target"]]
    others = table.loc[involved & (table["polarity"] != "negated") & ~table["modality"].isin(derived.modalities)]
    apart = {
        modality: _counts(others.loc[others["modality"] == modality])
        for modality in ("factual", "planned", "hypothetical")
        if (others["modality"] == modality).any()
    }
    dates = derived.dates.loc[involved].dropna()
    top = neighbors_frame(derived, actor_id).head(partners)
    centrality_values: dict[str, float] = {}
    ranks: dict[str, int] = {}
    if centrality is not None and len(centrality):
        found = centrality.loc[centrality["actor"] == actor_id]
        if len(found):
            line = found.iloc[0]
            for column in centrality.columns:
                if column.endswith("_rank"):
                    ranks[column[: -len("_rank")]] = int(line[column])
                    centrality_values[column[: -len("_rank")]] = float(line[column[: -len("_rank")]])
    return ActorProfile(
        id=actor_id,
        name=row["name"],
        type=row["type"],
        country=row["country"] if isinstance(row["country"], str) else None,
        aliases=tuple(row["aliases"] or ()),
        roles=tuple(row["roles"] or ()),
        members=tuple(row["members"] or ()),
        wikidata=row["wikidata"] if isinstance(row["wikidata"], str) else None,
        outgoing=_counts(records.loc[records["source"] == actor_id]),
        incoming=_counts(records.loc[records["target"] == actor_id]),
        apart=apart,
        negated=int((involved & (table["polarity"] == "negated")).sum()),
        statements_attributed=int((table["attributed_to"] == actor_id).sum()),
        documents=int(table.loc[involved, "doc"].nunique()),
        first_seen=dates.min().date() if len(dates) else None,
        last_seen=dates.max().date() if len(dates) else None,
        top_partners=tuple(
            Partner(id=p.actor, name=p.name, relations=int(p.relations), types=p.types)
            for p in top.itertuples(index=False)
        ),
        centrality=centrality_values,
        ranks=ranks,
        actors_ranked=len(centrality) - int(centrality.attrs.get("untied", 0)) if centrality is not None else 0,
    )
