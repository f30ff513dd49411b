"""Reading and writing a graph's tables as JSON Lines (``actors.jsonl``, ``relations.jsonl``).

Every line is validated with the pydantic model it stores, so a hand-edited or
truncated file is reported with its name and line number instead of surfacing
later as a confusing analysis error. Nothing is ever unpickled.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ValidationError

from diplograph.base.errors import InputError
from diplograph.graph.tables import ACTOR_COLUMNS, RELATION_COLUMNS, records_frame
from diplograph.base.io import format_validation_error, read_jsonl, write_jsonl
from diplograph.base.models import Actor, Relation

__all__ = ["ACTORS_FILE", "RELATIONS_FILE", "read_records", "read_tables", "write_tables"]

ACTORS_FILE = "actors.jsonl"
RELATIONS_FILE = "relations.jsonl"


def read_records(path: Path, model: type[BaseModel]) -> Iterator[tuple[int, BaseModel]]:
    """Yield ``(line_number, record)``, one validated ``model`` per line of ``path``.

    Raises:
        InputError: naming the file and line of the first invalid record.
    """
    try:
        for number, obj in read_jsonl(path):
            try:
                yield number, model.model_validate(obj)
            except ValidationError as exc:
                raise InputError(format_validation_error(f"{path}:{number}", exc, data=obj)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _require(folder: Path, name: str) -> Path:
    path = folder / name
    if not path.is_file():
        raise InputError(f"{folder}: no {name} here (is this a diplograph output folder?)")
    return path


def _numbered_unique(path: Path, records: Iterator[tuple[int, BaseModel]]) -> Iterator[tuple[int, BaseModel]]:
    first_line: dict[str, int] = {}
    for number, record in records:
        record_id = record.id  # type: ignore[attr-defined]
        if record_id in first_line:
            raise InputError(f"{path}:{number}: id {record_id!r} already used on line {first_line[record_id]}")
        first_line[record_id] = number
        yield number, record


def _unique(path: Path, records: Iterator[tuple[int, BaseModel]]) -> list[BaseModel]:
    return [record for _, record in _numbered_unique(path, records)]


def read_tables(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read and validate ``actors.jsonl`` and ``relations.jsonl`` from ``folder``.

    Returns:
        ``(actors, relations)`` frames with the model fields as columns.

    Raises:
        InputError: the folder or a file is missing, a line is invalid, or a
            relation names an actor id absent from ``actors.jsonl``.
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"{root}: not a folder (expected a diplograph output folder)")
    actors_path = _require(root, ACTORS_FILE)
    relations_path = _require(root, RELATIONS_FILE)
    actors = _unique(actors_path, read_records(actors_path, Actor))
    known = {actor.id for actor in actors}
    relations = []
    for number, relation in _numbered_unique(relations_path, read_records(relations_path, Relation)):
        for end in (relation.source, relation.target):
            if end not in known:
                raise InputError(f"{relations_path}:{number}: actor {end!r} is not in {ACTORS_FILE}")
        relations.append(relation)
    return records_frame(actors, ACTOR_COLUMNS), records_frame(relations, RELATION_COLUMNS)


def write_tables(folder: str | Path, actors: Iterator[Actor], relations: Iterator[Relation]) -> Path:
    """Write ``actors.jsonl`` and ``relations.jsonl`` atomically into ``folder``."""
    root = Path(folder)
    write_jsonl(root / ACTORS_FILE, actors)
    write_jsonl(root / RELATIONS_FILE, relations)
    return root
