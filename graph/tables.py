"""The two tables behind every graph: actors and relations.

A :class:`~diplograph.graph.relation_graph.RelationGraph` keeps one row per
:class:`~diplograph.base.models.Actor` and one row per
:class:`~diplograph.base.models.Relation`. This module builds those frames from
records, fills optional columns of hand-made frames with the model defaults,
and checks the invariants every analysis relies on: unique ids, relation
endpoints that exist in the actors table, relation types the ontology knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import pandas as pd
from pydantic import BaseModel

from diplograph.base.errors import ConfigError, InputError
from diplograph.base.models import Actor, Relation
from diplograph.relations.ontology import Ontology

if TYPE_CHECKING:
    from diplograph.graph.edges import RecordCodes

__all__ = [
    "ACTOR_COLUMNS",
    "RELATION_COLUMNS",
    "records_frame",
    "normalise_actors",
    "normalise_relations",
    "check_tables",
    "date_series",
    "row_dicts",
]

ACTOR_COLUMNS: tuple[str, ...] = tuple(Actor.model_fields)
RELATION_COLUMNS: tuple[str, ...] = tuple(Relation.model_fields)

_ACTOR_REQUIRED = ("id", "name", "type")
_RELATION_REQUIRED = ("id", "source", "target", "relation")
# Defaults for columns a hand-made relations frame may leave out.
_RELATION_FALLBACKS: Mapping[str, Any] = MappingProxyType({"doc": "", "sentence": 0, "evidence": "", "span": (0, 0)})


def _default(model: type[BaseModel], column: str, fallbacks: Mapping[str, Any]) -> Any:
    field = model.model_fields[column]
    if field.is_required():
        return fallbacks[column]
    return field.get_default(call_default_factory=True)


def records_frame(records: Iterable[BaseModel | dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    """Return a frame with one row per record and exactly ``columns``."""
    rows = [r.model_dump() if isinstance(r, BaseModel) else dict(r) for r in records]
    return pd.DataFrame.from_records(rows, columns=list(columns))


def _with_columns(
    frame: pd.DataFrame, columns: tuple[str, ...], required: tuple[str, ...], model: type[BaseModel], what: str
) -> pd.DataFrame:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(f"{what} table: missing column(s) {', '.join(missing)}")
    out = frame.reset_index(drop=True).copy()
    for column in columns:
        if column not in out.columns:
            value = _default(model, column, _RELATION_FALLBACKS)
            out[column] = pd.Series([value] * len(out), index=out.index, dtype=object)
        elif not pd.api.types.is_numeric_dtype(out[column]) and out[column].hasnans:
            # Missing text is None (as in the models), not NaN.
            values = out[column].astype(object)
            out[column] = values.where(values.notna(), None)
    return out[list(columns)]


def _date_column(values: pd.Series) -> pd.Series:
    """Dates as ``datetime.date`` objects (None when missing), converted in one vectorised pass."""
    present = values.notna().to_numpy()
    if not present.any():
        return pd.Series([None] * len(values), index=values.index, dtype=object)
    parsed = pd.to_datetime(values, errors="coerce", format="mixed")
    broken = present & parsed.isna().to_numpy()
    if broken.any():
        raise InputError(f"relations table: unreadable date {values[broken].iloc[0]!r} (use YYYY-MM-DD)")
    dates = parsed.dt.date.astype(object)
    return dates.where(present, None)


def normalise_actors(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with every :class:`Actor` column, in model order.

    Raises:
        InputError: when ``id``, ``name`` or ``type`` is missing, or ids repeat.
    """
    out = _with_columns(frame, ACTOR_COLUMNS, _ACTOR_REQUIRED, Actor, "actors")
    duplicated = out["id"][out["id"].duplicated()] if not out["id"].is_unique else ()
    if len(duplicated):
        raise InputError(f"actors table: actor id {duplicated.iloc[0]!r} appears more than once")
    return out


def normalise_relations(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with every :class:`Relation` column, dates as ``datetime.date`` or None.

    Raises:
        InputError: when a required column is missing, ids repeat or a date is unreadable.
    """
    out = _with_columns(frame, RELATION_COLUMNS, _RELATION_REQUIRED, Relation, "relations")
    duplicated = out["id"][out["id"].duplicated()] if not out["id"].is_unique else ()
    if len(duplicated):
        raise InputError(f"relations table: relation id {duplicated.iloc[0]!r} appears more than once")
    out["date"] = _date_column(out["date"])
    return out


def check_tables(relations: pd.DataFrame, codes: RecordCodes, ontology: Ontology) -> None:
    """Check that relations point at known actors and use known relation types.

    Args:
        relations: the relations table.
        codes: its integer codes (an unknown actor is coded -1).
        ontology: the relation ontology.

    Raises:
        InputError: a relation names an actor id that is not in the actors table.
        ConfigError: a relation type is missing from the ontology.
    """
    for column, coded in (("source", codes.source), ("target", codes.target)):
        unknown = relations.loc[coded < 0, column]
        if len(unknown):
            raise InputError(
                f"relations table: {len(unknown)} relation(s) have a {column} missing from the actors table "
                f"(first: {unknown.iloc[0]!r})"
            )
    strange = [t for t in codes.types if t not in ontology]
    if strange:
        raise ConfigError(
            f"relations use type(s) the ontology does not define: {', '.join(map(str, strange))} "
            "(pass the ontology the graph was built with)"
        )


def date_series(relations: pd.DataFrame) -> pd.Series:
    """The relations' dates as ``datetime64`` (NaT when undated)."""
    return pd.to_datetime(relations["date"], errors="coerce").astype("datetime64[ns]")


def _missing(value: Any) -> bool:
    """True for None/NaN cells (tuples, strings and dates are never missing)."""
    if value is None:
        return True
    if isinstance(value, (str, tuple, list, dt.date)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def row_dicts(frame: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """Yield each row as a dict ready for model validation (missing cells as None)."""
    for row in frame.to_dict("records"):
        yield {key: (None if _missing(value) else value) for key, value in row.items()}
