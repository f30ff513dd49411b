"""Documents from raw text: newlines normalised, the ``date`` line read, ids and titles checked.

A bad date never costs a document: a ``date`` line that is not a real ``YYYY-MM-DD`` date
(``date 2025-02-30``) is blanked like a good one and reported, and the document is kept undated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from diplograph.base.models import Document

__all__ = ["make_document", "documents_from_texts", "parse_date", "without_surrogates"]

#: A leading ``date`` line: the word, then a token starting with a digit (checked to be YYYY-MM-DD).
_DATE_LINE = re.compile(r"\A(\s*)date[ \t]*[:=]?[ \t]*(\d[\w./:+-]*)", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
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
    return _iso_date(text[:10] if _ISO_DATE.match(text) else text)


def _iso_date(text: str) -> dt.date:
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"date {text!r} is not in YYYY-MM-DD form")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"date {text!r} is not a real date ({exc})") from None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def without_surrogates(text: str) -> str:
    """Replace lone surrogates (from JSON ``\\ud800`` escapes) with U+FFFD; offsets are kept."""
    return _SURROGATE.sub("\ufffd", text)


def _split_header(text: str, warnings: list[str] | None) -> tuple[str, dt.date | None]:
    """Blank out a leading ``date YYYY-MM-DD`` line (offsets stay valid) and return its date.

    A date line whose date is not a real ``YYYY-MM-DD`` date is blanked too and gives None,
    with a warning naming the line appended to ``warnings``.
    """
    match = _DATE_LINE.match(text)
    if not match:
        return text, None
    token = match.group(2)
    try:
        date = _iso_date(token[:10] if token[10:11] == "T" else token)
    except ValueError as exc:
        date = None
        if warnings is not None:
            line = match.group(1).count("\n") + 1
            warnings.append(f"line {line}: {exc}; the document is kept, undated")
    blank = " " * (match.end() - match.end(1))
    return text[: match.end(1)] + blank + text[match.end() :], date


def _title_of(text: str) -> str:
    return next((line.strip()[:200] for line in text.split("\n") if line.strip()), "")


def make_document(
    doc_id: str, text: str, *, title: str | None = None, date: Any = None, warnings: list[str] | None = None
) -> Document:
    """Build a Document from raw text: newlines normalised, date line parsed.

    Lone surrogates (which cannot be written as UTF-8) become U+FFFD. A ``date`` line
    that is not a real date is blanked and ignored.

    Args:
        warnings: when given, date problems are appended here (the document is kept
            undated) instead of raising for a bad ``date``.

    Raises:
        ValueError: for an empty text or id, or (without ``warnings``) a ``date`` that is
            not YYYY-MM-DD.
    """
    text = without_surrogates(_normalise_newlines(text))
    text, line_date = _split_header(text, warnings)
    if not text.strip():
        raise ValueError("empty document (no text)")
    if not doc_id.strip():
        raise ValueError("empty document id")
    doc_date = line_date
    if date not in (None, ""):
        try:
            doc_date = parse_date(date)
        except ValueError as exc:
            if warnings is None:
                raise
            warnings.append(f"{exc}; the document is kept{', undated' if line_date is None else ' with its date line'}")
    title = without_surrogates(title) if title else _title_of(text)
    return Document(id=without_surrogates(doc_id), title=title, date=doc_date, text=text)


def documents_from_texts(texts: dict[str, str] | list[str]) -> Iterator[Document]:
    """Documents from in-memory strings (a list gets ids ``doc-0001``…)."""
    items = texts.items() if isinstance(texts, dict) else ((f"doc-{i:04d}", t) for i, t in enumerate(texts, 1))
    for doc_id, text in items:
        yield make_document(doc_id, text)
