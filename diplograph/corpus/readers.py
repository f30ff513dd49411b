"""Corpus readers: turn a path (or stdin) into a stream of :class:`Document`.

Accepted inputs:

* a text file (``.txt`` or any other name) — the id is the file name;
* a directory — every ``.txt``/``.text`` file below it (not README.md or notes), recursively, in sorted
  order; ids are paths relative to the directory (``2025/aug/brief.txt``); symlinks leading out of
  it, pipes and unreadable subfolders are reported, not read (:mod:`diplograph.corpus.folders`);
* a ``.jsonl`` file — one object a line with a ``text`` field and optional
  ``id``, ``title``, ``date``;
* a ``.csv`` file — a ``text`` column and optional ``id``, ``title``, ``date``;
* ``-`` — one document read from standard input.

A document's date comes from a leading ``date YYYY-MM-DD`` line, a ``date``
field, or is left empty; a bad date is a warning and the document is kept, undated.
Readers never stop at one bad document: they yield a :class:`DocumentError` for it
and go on with the rest (in a CSV file, a quote that never closes costs its own row
only: :mod:`diplograph.corpus.csvrows`).
"""


from __future__ import annotations

import csv
import errno
import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from diplograph.base.errors import DocumentError, InputError, printable
from diplograph.base.models import Document
from diplograph.corpus.csvrows import csv_rows
from diplograph.corpus.decode import decode_bytes
from diplograph.corpus.documents import make_document
from diplograph.corpus.folders import folder_entries, special_kind

__all__ = ["CorpusItem", "read_corpus", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".text")  # in a directory: README.md and notes are not news
_TEXT_KEYS = ("text", "body", "content", "article")

CorpusItem = Document | DocumentError


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file; a pipe or device is refused without blocking on it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        kind = special_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise ValueError(f"not a regular file ({kind}); skipped")
        return handle.read()


def _read_text_file(path: Path, doc_id: str) -> Iterator[CorpusItem]:
    try:
        raw = _read_regular(path)
    except OSError as exc:
        yield DocumentError(doc_id, f"cannot read file ({exc.strerror or exc})")
        return
    except ValueError as exc:
        yield DocumentError(doc_id, str(exc))
        return
    yield from _read_bytes(raw, doc_id)


def _read_bytes(raw: bytes, doc_id: str) -> Iterator[CorpusItem]:
    warnings: list[str] = []
    try:
        text, warning = decode_bytes(raw)
        document = make_document(doc_id, text, warnings=warnings)
    except ValueError as exc:
        yield DocumentError(doc_id, str(exc))
        return
    for reason in ([warning] if warning else []) + warnings:
        yield DocumentError(doc_id, reason, warning=True)
    yield document


def _record_document(
    record: dict[str, Any], where: str, fallback_id: str, text_field: str | None
) -> Iterator[CorpusItem]:
    """The document of one JSONL object or CSV row, after a warning for each problem that did not cost it."""
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
    warnings: list[str] = []
    document = make_document(doc_id, text, title=str(title) if title else None, date=record.get("date"), warnings=warnings)
    for reason in warnings:
        yield DocumentError(where, reason, warning=True)
    yield document


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
                yield from _record_document(record, where, f"{path.name}#{number}", text_field)
            except json.JSONDecodeError as exc:
                at = "" if exc.msg.endswith(" at") else " at"
                yield DocumentError(where, f"broken JSON line ({exc.msg}{at} column {exc.colno}); skipped")
            except RecursionError:
                yield DocumentError(where, "JSON nested too deeply; skipped")
            except ValueError as exc:
                yield DocumentError(where, str(exc))


def _read_csv(path: Path, text_field: str | None) -> Iterator[CorpusItem]:
    try:
        text, warning = decode_bytes(_read_regular(path))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: {getattr(exc, 'strerror', None) or exc}") from None
    if warning:
        yield DocumentError(path.name, warning, warning=True)
    csv.field_size_limit(1 << 30)
    rows = csv_rows(text)
    line, header = next(rows, (1, []))
    if isinstance(header, str):
        raise InputError(f"{path}:{line}: unreadable CSV header ({header})")
    columns = header
    keys = (text_field,) if text_field else _TEXT_KEYS
    if not any(k in columns for k in keys):
        raise InputError(
            f"{path}: no text column (looked for {', '.join(keys)}; columns are: {', '.join(columns) or 'none'})"
        )
    for number, (line, row) in enumerate(rows, start=1):
        where = f"{path.name}:{line}"
        if isinstance(row, str):
            yield DocumentError(where, row)
            continue
        record: dict[Any, Any] = dict(zip(columns, row))
        for name in columns[len(row) :]:
            record.setdefault(name, None)
        try:
            yield from _record_document(record, where, f"{path.name}#{number}", text_field)
        except ValueError as exc:
            yield DocumentError(where, str(exc))


def read_corpus(
    source: str | Path, *, text_field: str | None = None, follow_symlinks: bool = False
) -> Iterator[CorpusItem]:
    """Yield the documents of a corpus, and a :class:`DocumentError` for each bad one.

    Args:
        source: a file, a directory, or ``"-"`` for standard input.
        text_field: name of the text field/column in JSONL and CSV input
            (default: the first of ``text``, ``body``, ``content``, ``article``).
        follow_symlinks: in a directory, also read files and folders that symlinks lead to
            outside it (they are skipped with a warning otherwise).

    Raises:
        InputError: when the corpus as a whole cannot be read (missing or
            special path, a dangling symlink or symlink loop, a directory with no
            text file to read, unreadable or binary CSV/JSONL, no text column, or a
            JSONL whose first record lacks ``text_field``).
    """
    if str(source) == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        yield from _read_bytes(data, "stdin")
        return
    path = Path(source)
    kind = _kind(path)
    if kind == "dir":
        yield from _read_folder(path, follow_symlinks)
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


def _kind(path: Path) -> str:
    """``"dir"`` or ``"file"``; anything else is a one-line InputError saying what the path is."""
    try:
        info = os.stat(path)
    except ValueError as exc:  # an embedded NUL byte
        raise InputError(f"{path!r}: not a valid path ({exc})") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{path}: symlink loop (the link leads back to itself)") from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if os.path.islink(path):
                raise InputError(f"{path}: dangling symlink (to {os.readlink(path)}, which does not exist)") from None
            raise InputError(f"{path}: no such file or directory") from None
        raise InputError(f"{path}: cannot open ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    if stat.S_ISREG(info.st_mode):
        return "file"
    raise InputError(f"{path}: not a regular file or directory")


def _read_folder(path: Path, follow_symlinks: bool) -> Iterator[CorpusItem]:
    entries = folder_entries(path, TEXT_SUFFIXES, follow_symlinks=follow_symlinks)
    if not any(isinstance(entry, tuple) for entry in entries):
        skipped = "; ".join(str(entry) for entry in entries if isinstance(entry, DocumentError))
        reason = f"directory holds no {'/'.join(TEXT_SUFFIXES)} files" + (f" to read ({skipped})" if skipped else "")
        raise InputError(f"{path}: {reason}")
    for entry in entries:
        if isinstance(entry, DocumentError):
            yield entry
        else:
            yield from _read_text_file(*entry)
