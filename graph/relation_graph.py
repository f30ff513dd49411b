"""RelationGraph: the object analysts hold.

Its source of truth is two tables: ``actors`` (one row per :class:`Actor`) and
``relations`` (one row per :class:`Relation`). Every graph view, report and
export is derived from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from diplograph.models import Actor, Relation
from diplograph.relations.ontology import Ontology, default_ontology

__all__ = ["RelationGraph", "ACTOR_COLUMNS", "RELATION_COLUMNS"]

ACTOR_COLUMNS: tuple[str, ...] = tuple(Actor.model_fields)
RELATION_COLUMNS: tuple[str, ...] = tuple(Relation.model_fields)


def _frame(records: Iterable[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(list(records), columns=list(columns))
    return frame


class RelationGraph:
    """Actors and the relations between them, with analysis methods.

    Args:
        actors: DataFrame with the :class:`Actor` fields as columns.
        relations: DataFrame with the :class:`Relation` fields as columns.
        ontology: the relation ontology (default: the built-in one).
    """

    def __init__(self, actors: pd.DataFrame, relations: pd.DataFrame, *, ontology: Ontology | None = None) -> None:
        self.ontology = ontology or default_ontology()
        self.actors_table = actors.reset_index(drop=True)
        self.relations_table = relations.reset_index(drop=True)

    @classmethod
    def from_records(
        cls, actors: Iterable[Actor], relations: Iterable[Relation], *, ontology: Ontology | None = None
    ) -> RelationGraph:
        """Build from pydantic records (what the pipeline produces)."""
        actor_rows = (a.model_dump() for a in actors)
        relation_rows = (r.model_dump() for r in relations)
        return cls(_frame(actor_rows, ACTOR_COLUMNS), _frame(relation_rows, RELATION_COLUMNS), ontology=ontology)

    def iter_actors(self) -> Iterator[Actor]:
        for row in self.actors_table.to_dict("records"):
            yield Actor.model_validate(row)

    def iter_relations(self) -> Iterator[Relation]:
        for row in self.relations_table.to_dict("records"):
            yield Relation.model_validate(row)

    def __len__(self) -> int:
        return len(self.actors_table)

    def __repr__(self) -> str:
        return f"<RelationGraph: {len(self.actors_table)} actors, {len(self.relations_table)} relations>"

    def save(self, folder: str | Path) -> Path:
        """Write ``actors.jsonl`` and ``relations.jsonl`` atomically into ``folder``."""
        from diplograph.io import write_jsonl

        out = Path(folder)
        write_jsonl(out / "actors.jsonl", self.iter_actors())
        write_jsonl(out / "relations.jsonl", self.iter_relations())
        return out
