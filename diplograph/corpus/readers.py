"""Corpus readers: turn a path (or stdin) into a stream of :class:`Document`.

Accepted inputs:

* a text file (``.txt`` or any other name) — the id is the file name;
* a directory — every ``.txt``/``.text`` file below it (not README.md or notes), recursively, in sorted
  order; ids are paths relative to the directory (``2025/aug/brief.txt``);
* a ``.jsonl`` file — one object a line with a ``text`` field and optional
  ``id``, ``title``, ``date``;
* a ``.csv`` file — a ``text`` column and optional ``id``, ``title``, ``date``;
* ``-`` — one document read from standard input.

A document's date comes from a leading ``date YYYY-MM-DD`` line, a ``date``
field, or is left empty. Readers never stop at one bad document: they yield a
:class:`DocumentError` for it and go on with the rest.
"""


from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from diplograph.base.errors import DocumentError, InputError, printable
from diplograph.base.models import Document
from diplograph.corpus.decode import decode_bytes
from diplograph.corpus.documents import make_document

__all__ = ["CorpusItem", "read_corpus", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".text")  # in a directory: README.md and notes are not news
_TEXT_KEYS = ("text", "body", "content", "article")

CorpusItem = Document | DocumentError


def _read_text_file(path: Path, doc_id: str) -> Iterator[CorpusItem]:
    try:
        yield from _read_bytes(path.read_bytes(), doc_id)
    except OSError as exc:
        yield DocumentError(doc_id, f"cannot read file ({exc.strerror or exc})")


def _read_bytes(raw: bytes, doc_id: str) -> Iterator[CorpusItem]:
    try:
        text, warning = decode_bytes(raw)
        document = make_document(doc_id, text)
    except ValueError as exc:
        yield DocumentError(doc_id, str(exc))
        return
    if warning:
        yield DocumentError(doc_id, warning, warning=True)
    yield document


def _record_document(record: dict[str, Any], where: str, fallback_id: str, text_field: str | None) -> Document:
    keys = (text_field,) if text_field else _TEXT_KEYS
    text_key = next((k for k in keys if k in record), None)
    if text_key is None:
        raise ValueError(f"no text field (looked for {', '.join(keys)}; found {', '.join(map(str, record)) or 'none'})")
    text = record[text_key]
    if text is None:
        raise ValueError("empty document (no text)")
    if not isinstance(text, str):
        raise ValueError(f"field {text_key!r} is not a string but {type(text).__name__}")
    doc_id = str(record.get("id") or "").strip() or fallback_id
    title = record.get("title")
    return make_document(doc_id, text, title=str(title) if title else None, date=record.get("date"))


def _read_jsonl(path: Path, text_field: str | None) -> Iterator[CorpusItem]:
    warned = found = False
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            where = f"{path.name}:{number}"
            if not raw_line.strip():
                continue
            try:
                line, warning = decode_bytes(raw_line)
                if warning and not warned:
                    warned = True
                    yield DocumentError(where, f"{warning} (first such line; the others are decoded alike)", warning=True)
                record = json.loads(line.rstrip("\r\n"))
                if not isinstance(record, dict):
                    raise ValueError(f"expected a JSON object, got {type(record).__name__}")
                if text_field and not found and text_field not in record:  # a --text-field typo, not a bad line
                    raise InputError(printable(f"{path}:{number}: no field {text_field!r} (has {', '.join(record)})"))
                found = True
                yield _record_document(record, where, f"{path.name}#{number}", text_field)
            except json.JSONDecodeError as exc:
                at = "" if exc.msg.endswith(" at") else " at"
                yield DocumentError(where, f"broken JSON line ({exc.msg}{at} column {exc.colno}); skipped")
            except RecursionError:
                yield DocumentError(where, "JSON nested too deeply; skipped")
            except ValueError as exc:
                yield DocumentError(where, str(exc))


def _read_csv(path: Path, text_field: str | None) -> Iterator[CorpusItem]:
    try:
        text, warning = decode_bytes(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: {exc}") from None
    if warning:
        yield DocumentError(path.name, warning, warning=True)
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = reader.fieldnames or []
    keys = (text_field,) if text_field else _TEXT_KEYS
    if not any(k in columns for k in keys):
        raise InputError(
            f"{path}: no text column (looked for {', '.join(keys)}; columns are: {', '.join(columns) or 'none'})"
        )
    rows = enumerate(reader, start=1)
    while True:
        try:
            number, row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"{path}:{reader.line_num}: unreadable CSV ({exc})") from None
        where = f"{path.name}:{reader.line_num}"
        try:
            yield _record_document(dict(row), where, f"{path.name}#{number}", text_field)
        except ValueError as exc:
            yield DocumentError(where, str(exc))


def read_corpus(source: str | Path, *, text_field: str | None = None) -> Iterator[CorpusItem]:
    """Yield the documents of a corpus, and a :class:`DocumentError` for each bad one.

    Args:
        source: a file, a directory, or ``"-"`` for standard input.
        text_field: name of the text field/column in JSONL and CSV input
            (default: the first of ``text``, ``body``, ``content``, ``article``).

    Raises:
        InputError: when the corpus as a whole cannot be read (missing or
            special path, empty directory, unreadable or binary CSV/JSONL, no
            text column, or a JSONL whose first record lacks ``text_field``).
    """
    if str(source) == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        yield from _read_bytes(data, "stdin")
        return
    path = Path(source)
    try:
        kind = "dir" if path.is_dir() else "file" if path.is_file() else "other" if path.exists() else None
    except OSError as exc:
        raise InputError(f"{path}: cannot open ({exc.strerror or exc})") from None
    if kind is None:
        raise InputError(f"{path}: no such file or directory")
    if kind == "other":
        raise InputError(f"{path}: not a regular file or directory")
    if kind == "dir":
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        if not files:
            raise InputError(f"{path}: directory holds no {'/'.join(TEXT_SUFFIXES)} files")
        for file in files:
            yield from _read_text_file(file, file.relative_to(path).as_posix())
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        try:
            yield from _read_jsonl(path, text_field)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    elif suffix == ".csv":
        yield from _read_csv(path, text_field)
    else:
        yield from _read_text_file(path, path.name)
