"""Actors and relations as flat tables: CSV for spreadsheets, Parquet for data tools.

Both writers produce a folder holding ``actors.<ext>`` and ``relations.<ext>``,
one row per :class:`~diplograph.base.models.Actor` / :class:`~diplograph.base.models.Relation`
and one column per model field, each file written atomically.

CSV cells: tuples (``aliases``, ``span``, ``spans``…) are JSON arrays, missing
values are empty cells, dates are ISO ``YYYY-MM-DD``. Because news text can
start with ``=``, ``+``, ``-`` or ``@`` and spreadsheet programs would run such
a cell as a formula (CSV/formula injection), every text cell starting with one
of those characters (or a tab or carriage return) is prefixed with a single
quote ``'``. Strip that quote if you read the CSV back for analysis; the JSON
and Parquet exports keep the text unchanged.

Parquet columns keep their real types: lists stay lists, dates are ``date32``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from diplograph.base.errors import DiplographError
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.io import atomic_writer, ensure_dir, neutralize_formula
from diplograph.base.models import Actor, Relation

__all__ = ["write_csv", "write_parquet", "graph_records"]

def graph_records(g: RelationGraph) -> tuple[list[Actor], list[Relation]]:
    """Return the graph's actors and relations as validated models."""
    return list(g.iter_actors()), list(g.iter_relations())


def write_csv(g: RelationGraph, folder: str | os.PathLike[str]) -> Path:
    """Write ``actors.csv`` and ``relations.csv`` into ``folder``; return the folder."""
    out = ensure_dir(folder)
    actors, relations = graph_records(g)
    _write_csv_file(out / "actors.csv", Actor, actors)
    _write_csv_file(out / "relations.csv", Relation, relations)
    return out


def write_parquet(g: RelationGraph, folder: str | os.PathLike[str]) -> Path:
    """Write ``actors.parquet`` and ``relations.parquet`` into ``folder``; return the folder.

    Raises:
        DiplographError: when the optional ``pyarrow`` package is not installed.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise DiplographError("Parquet export needs pyarrow: pip install 'diplograph[parquet]'") from None
    out = ensure_dir(folder)
    actors, relations = graph_records(g)
    for name, model, records in (("actors", Actor, actors), ("relations", Relation, relations)):
        schema = pa.schema([pa.field(field, _arrow_type(pa, info.annotation)) for field, info in model.model_fields.items()])
        table = pa.Table.from_pylist([record.model_dump() for record in records], schema=schema)
        with atomic_writer(out / f"{name}.parquet", mode="wb", encoding=None) as handle:
            pq.write_table(table, handle)
    return out


def _write_csv_file(path: Path, model: type[BaseModel], records: Iterable[BaseModel]) -> None:
    columns = list(model.model_fields)
    with atomic_writer(path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow(_csv_cell(getattr(record, column)) for column in columns)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralize_formula(value)
    return str(value)


def _arrow_type(pa: Any, annotation: Any) -> Any:
    """Map a model field annotation to a pyarrow type (optional fields are nullable)."""
    origin = typing.get_origin(annotation)
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return _arrow_type(pa, args[0])
    if origin is typing.Literal or annotation is str:
        return pa.string()
    if origin is tuple:
        return pa.list_(_arrow_type(pa, args[0]))
    scalar = {int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dt.date: pa.date32()}
    if annotation in scalar:
        return scalar[annotation]
    raise TypeError(f"no Parquet type for field annotation {annotation!r}")
