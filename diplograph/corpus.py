"""Corpus readers: turn a path (or stdin) into a stream of :class:`Document`.

Accepted inputs:

* a ``.txt`` (or ``.md``) file — the id is the file name;
* a directory — every ``.txt``/``.md`` file below it, recursively, in sorted
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
import datetime as dt
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diplograph.errors import InputError
from diplograph.models import Document

__all__ = [
    "DocumentError",
    "CorpusItem",
    "read_corpus",
    "documents_from_texts",
    "parse_date",
    "decode_bytes",
    "TEXT_SUFFIXES",
]

TEXT_SUFFIXES = (".txt", ".md", ".text")
_DATE_LINE = re.compile(r"\A(\s*)date[ \t]*[:=]?[ \t]*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_TEXT_KEYS = ("text", "body", "content", "article")


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A document that could not be read; the run goes on without it."""

    doc: str
    reason: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.doc}: {self.reason}"


CorpusItem = Document | DocumentError


def parse_date(value: Any) -> dt.date | None:
    """Return a date from ``YYYY-MM-DD`` / ISO datetime text, a date, or None.

    Raises:
        ValueError: when the value is not empty and not a date.
    """
    if value is None or (isinstance(value, float) and value != value):  # NaN from pandas
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"date {text!r} is not in YYYY-MM-DD form") from None


def decode_bytes(raw: bytes) -> tuple[str, str | None]:
    """Decode file bytes: UTF-8 (with or without BOM), else a detected encoding.

    Returns the text and a warning (or None). Raises ValueError for binary data.
    """
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise ValueError("cannot detect the text encoding (binary file?)")
    text = str(best)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, f"not UTF-8; decoded as {best.encoding}"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_header(text: str) -> tuple[str, dt.date | None]:
    """Blank out a leading ``date YYYY-MM-DD`` marker (offsets stay valid) and return its date."""
    match = _DATE_LINE.match(text)
    if not match:
        return text, None
    try:
        date = dt.date.fromisoformat(match.group(2))
    except ValueError:
        return text, None
    blank = " " * (match.end() - match.end(1))
    return text[: match.end(1)] + blank + text[match.end() :], date


def _title_of(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line[:200]
    return ""


def make_document(doc_id: str, text: str, *, title: str | None = None, date: Any = None) -> Document:
    """Build a Document from raw text: newlines normalised, date line parsed."""
    text = _normalise_newlines(text)
    text, line_date = _split_header(text)
    if not text.strip():
        raise ValueError("empty document (no text)")
    doc_date = parse_date(date) if date not in (None, "") else line_date
    return Document(id=doc_id, title=title if title else _title_of(text), date=doc_date, text=text)


def documents_from_texts(texts: dict[str, str] | list[str]) -> Iterator[Document]:
    """Documents from in-memory strings (a list gets ids ``doc-0001``…)."""
    items = texts.items() if isinstance(texts, dict) else ((f"doc-{i:04d}", t) for i, t in enumerate(texts, 1))
    for doc_id, text in items:
        yield make_document(doc_id, text)


def _read_text_file(path: Path, doc_id: str) -> Iterator[CorpusItem]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield DocumentError(doc_id, f"cannot read file ({exc.strerror or exc})")
        return
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
    if not isinstance(text, str):
        raise ValueError(f"field {text_key!r} is not a string")
    doc_id = str(record.get("id") or "").strip() or fallback_id
    title = record.get("title")
    return make_document(doc_id, text, title=str(title) if title else None, date=record.get("date"))


def _read_jsonl(path: Path, text_field: str | None) -> Iterator[CorpusItem]:
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            where = f"{path.name}:{number}"
            if not raw_line.strip():
                continue
            try:
                line, _ = decode_bytes(raw_line)
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError(f"expected a JSON object, got {type(record).__name__}")
                yield _record_document(record, where, f"{path.name}#{number}", text_field)
            except json.JSONDecodeError as exc:
                yield DocumentError(where, f"broken JSON line ({exc.msg}); skipped")
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
    for number, row in enumerate(reader, start=2):  # line 1 is the header
        where = f"{path.name}:{number}"
        try:
            yield _record_document(dict(row), where, f"{path.name}#{number - 1}", text_field)
        except ValueError as exc:
            yield DocumentError(where, str(exc))


def read_corpus(source: str | Path, *, text_field: str | None = None) -> Iterator[CorpusItem]:
    """Yield the documents of a corpus, and a :class:`DocumentError` for each bad one.

    Args:
        source: a file, a directory, or ``"-"`` for standard input.
        text_field: name of the text field/column in JSONL and CSV input
            (default: the first of ``text``, ``body``, ``content``, ``article``).

    Raises:
        InputError: when the corpus as a whole cannot be read (missing path,
            empty directory, CSV without a text column).
    """
    if str(source) == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        try:
            text, _ = decode_bytes(data)
            yield make_document("stdin", text)
        except ValueError as exc:
            yield DocumentError("stdin", str(exc))
        return
    path = Path(source)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        if not files:
            raise InputError(f"{path}: directory holds no {'/'.join(TEXT_SUFFIXES)} files")
        for file in files:
            yield from _read_text_file(file, file.relative_to(path).as_posix())
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path, text_field)
    elif suffix == ".csv":
        yield from _read_csv(path, text_field)
    else:
        yield from _read_text_file(path, path.name)
