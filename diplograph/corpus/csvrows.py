"""CSV rows that cannot swallow each other: an unterminated quote costs its own row, not the rest of the file.

Python's :mod:`csv` reader, given a quoted field that is not closed, silently reads the following
lines into that field: up to the end of the file, or up to the next quote in a later row. :func:`csv_rows`
notices — a row running over several lines that a strict parse rejects (the field ran to the end of
the file, or its "closing" quote is followed by more text, as an opening quote is) — reports that
row, and reads on from the line after its first; any other unreadable row is reported and skipped the
same way. A well-quoted field spanning lines passes the strict parse and is kept.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator

__all__ = ["csv_rows", "MAX_BAD_ROWS"]

#: Unreadable rows after which the rest of a file is given up (each one re-reads the rest of the file).
MAX_BAD_ROWS = 100


class _Lines:
    """An iterator over physical lines that records the lines of the row being read."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.row: list[str] = []
        self.exhausted = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            line = next(self._lines)
        except StopIteration:
            self.exhausted = True
            raise
        self.row.append(line)
        return line


def _strict_error(lines: list[str]) -> str | None:
    """The error a strict parse of a row's lines gives (None when they form good CSV)."""
    try:
        for _ in csv.reader(lines, strict=True):
            pass
    except csv.Error as exc:
        return str(exc)
    return None


def _unterminated(lines: list[str], at_end: bool, start: int) -> str | None:
    """Why a row read by the lenient parser is really a quoted field that ran on (None if it is not)."""
    if not at_end and len(lines) < 2:
        return None
    error = _strict_error(lines)
    if error is None:
        return None
    if at_end and "unexpected end of data" in error:
        return "unterminated quote: a quoted field opened in this row never closes; row skipped"
    if len(lines) > 1:
        end = start + len(lines) - 1
        return f"unterminated quote: a quoted field opened in this row runs on to line {end}; row skipped"
    return None


def csv_rows(text: str) -> Iterator[tuple[int, list[str] | str]]:
    """Yield ``(line, fields)`` for each non-blank CSV row of ``text``, or ``(line, problem)`` for a row
    that cannot be read; ``line`` is the 1-based line the row starts on."""
    lines: Iterator[str] = iter(io.StringIO(text, newline=""))
    before = 0  # physical lines consumed before the current reader started
    for _ in range(MAX_BAD_ROWS):
        source = _Lines(lines)
        reader = csv.reader(source)
        while True:
            start = before + reader.line_num + 1
            source.row = []
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                problem = f"unreadable CSV row ({exc}); skipped"
                break
            problem = _unterminated(source.row, source.exhausted, start)
            if problem is not None:
                break
            if row:
                yield start, row
        yield start, problem
        lines = itertools.chain(source.row[1:], lines)  # read on from the line after the bad row's first
        before = start
    yield before + 1, f"more than {MAX_BAD_ROWS} unreadable rows; the rest of the file is skipped"
