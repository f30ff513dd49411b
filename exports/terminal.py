"""Tables and JSON lines for the terminal, safe whatever the corpus text holds.

Corpus text (actor names, evidence, document ids) is never interpreted:

* on a terminal, tables are drawn by rich from :class:`rich.text.Text` cells
  (markup such as ``[/bold]`` or ``[blink]`` is printed as written, emoji
  codes stay text) and every control character is escaped first
  (``\\x1b[2J`` is printed as the six characters ``\\x1b[2J``);
* when the output is not a terminal (a pipe, a file), tables are plain
  columns, one row a line, padded with spaces, the last column unpadded, with
  the same escaping, so ``grep``, ``cut`` and ``sort`` work on them;
* :func:`json_lines` writes strict JSON (missing numbers are ``null``, never
  ``NaN``), one object a line.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from collections.abc import Iterator
from typing import IO, Any

import numpy as np
import pandas as pd

from diplograph.base.errors import printable

__all__ = ["cell_text", "json_ready", "json_lines", "plain_table", "print_table"]

_SEPARATOR = "  "


def cell_text(value: Any) -> str:
    """One table cell as one line of text: empty for missing values, lists joined, control characters escaped."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, (list, tuple)):
        return printable(", ".join(cell_text(v) for v in value))
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()
    return printable(str(value))


def json_ready(value: Any) -> Any:
    """A value that :func:`json.dumps` writes as strict JSON (NaN and NaT become None, numpy numbers Python ones)."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()
    return value


def json_lines(frame: pd.DataFrame) -> Iterator[str]:
    """One strict JSON object per row of ``frame``.

    Raises:
        ValueError: never for a frame of plain values (NaN is written as null).
    """
    for row in frame.to_dict("records"):
        yield json.dumps(json_ready(row), ensure_ascii=False, allow_nan=False, default=str)


def plain_table(frame: pd.DataFrame) -> str:
    """``frame`` as plain text columns: a header line, then one line per row."""
    header = [cell_text(c) for c in frame.columns]
    rows = [[cell_text(v) for v in row] for row in frame.itertuples(index=False)]
    if not header:
        return ""
    widths = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [cell.ljust(widths[i]) for i, cell in enumerate(cells[:-1])] + cells[-1:]
        return _SEPARATOR.join(padded).rstrip()

    return "\n".join([line(header), *(line(r) for r in rows)]) + "\n"


def print_table(frame: pd.DataFrame, *, title: str | None = None, file: IO[str] | None = None) -> None:
    """Print ``frame``: a rich table on a terminal, plain columns otherwise (title on its own line)."""
    out = file or sys.stdout
    if not (hasattr(out, "isatty") and out.isatty()):
        if title:
            out.write(cell_text(title) + "\n")
        out.write(plain_table(frame))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(cell_text(title)) if title else None, show_lines=False)
    for column in frame.columns:
        table.add_column(Text(cell_text(column)), overflow="fold")
    for row in frame.itertuples(index=False):
        table.add_row(*(Text(cell_text(value)) for value in row))
    Console(file=out, soft_wrap=False, markup=False, emoji=False, highlight=False).print(table)
