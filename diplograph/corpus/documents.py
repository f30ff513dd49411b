"""Documents from raw text: newlines normalised, the ``date`` line read, ids and titles checked."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from diplograph.base.models import Document

__all__ = ["make_document", "documents_from_texts", "parse_date"]

_DATE_LINE = re.compile(r"\A(\s*)date[ \t]*[:=]?[ \t]*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _without_surrogates(text: str) -> str:
    """Replace lone surrogates (from JSON ``\\ud800`` escapes) with U+FFFD; offsets are kept."""
    return _SURROGATE.sub("\ufffd", text)


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
    return next((line.strip()[:200] for line in text.split("\n") if line.strip()), "")


def make_document(doc_id: str, text: str, *, title: str | None = None, date: Any = None) -> Document:
    """Build a Document from raw text: newlines normalised, date line parsed.

    Lone surrogates (which cannot be written as UTF-8) become U+FFFD.

    Raises:
        ValueError: for an empty text or id, or a date that is not YYYY-MM-DD.
    """
    text = _without_surrogates(_normalise_newlines(text))
    text, line_date = _split_header(text)
    if not text.strip():
        raise ValueError("empty document (no text)")
    if not doc_id.strip():
        raise ValueError("empty document id")
    doc_date = parse_date(date) if date not in (None, "") else line_date
    title = _without_surrogates(title) if title else _title_of(text)
    return Document(id=_without_surrogates(doc_id), title=title, date=doc_date, text=text)


def documents_from_texts(texts: dict[str, str] | list[str]) -> Iterator[Document]:
    """Documents from in-memory strings (a list gets ids ``doc-0001``…)."""
    items = texts.items() if isinstance(texts, dict) else ((f"doc-{i:04d}", t) for i, t in enumerate(texts, 1))
    for doc_id, text in items:
        yield make_document(doc_id, text)
