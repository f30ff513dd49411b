"""Atomic file output and JSON Lines helpers.

Every output file is written to a temporary file in the same folder and
renamed into place, so a crash or Ctrl-C never leaves a half-written file:
readers see either the previous complete version or the new one.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import BaseModel, ValidationError

from diplograph.errors import ConfigError, InputError

__all__ = [
    "parse_yaml",
    "format_validation_error",
    "atomic_writer", "write_text", "write_jsonl", "read_jsonl", "to_json_line", "ensure_dir"]


def ensure_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` (and parents) and check it is writable; raise a one-line error if not."""
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create output directory ({exc.strerror or exc})") from None
    if not folder.is_dir():
        raise InputError(f"{folder}: output path exists and is not a directory")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{folder}: output directory is not writable")
    return folder


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    On any exception (including KeyboardInterrupt) the temporary file is
    removed and ``path`` is left untouched.
    """
    target = Path(path)
    folder = ensure_dir(target.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``path`` atomically and return the path."""
    with atomic_writer(path) as handle:
        handle.write(text)
    return Path(path)


def to_json_line(record: BaseModel | dict[str, Any]) -> str:
    """Serialise one record as a compact, key-ordered JSON line (no newline)."""
    data = record.model_dump(mode="json") if isinstance(record, BaseModel) else record
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def write_jsonl(path: str | os.PathLike[str], records: Iterable[BaseModel | dict[str, Any]]) -> int:
    """Write records atomically, one JSON object per line; return how many were written."""
    count = 0
    with atomic_writer(path) as handle:
        for record in records:
            handle.write(to_json_line(record))
            handle.write("\n")
            count += 1
    return count


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for each non-blank line of a JSON Lines file.

    Raises:
        InputError: naming the file and line when a line is not a JSON object.
    """
    source = Path(path)
    with source.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{source}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise InputError(f"{source}:{number}: expected a JSON object, got {type(obj).__name__}")
            yield number, obj


def parse_yaml(path: Path | str, text: str) -> object:
    """Parse YAML (or JSON) text with the safe loader; errors name the file and line."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None


def format_validation_error(path: Path | str, exc: ValidationError, *, limit: int = 5) -> str:
    """Render a pydantic error on one line as ``file: entry.field: message; ...``."""
    parts = []
    for err in exc.errors()[:limit]:
        loc = ".".join(str(part) for part in err["loc"])
        parts.append(f"{loc}: {err['msg']}")
    more = len(exc.errors()) - limit
    if more > 0:
        parts.append(f"and {more} more")
    return f"{path}: " + "; ".join(parts)
