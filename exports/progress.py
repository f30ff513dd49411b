"""The build's progress on a terminal: loading, extracting (count, total, ETA), writing.

Terminal output of ``diplograph build`` (stderr, only when it is a terminal
and ``--quiet`` is not given): a spinner and the phase, then, while
documents are extracted, ``done/total docs``, the rate, the elapsed time and
an ETA. The total is known, and counted before the build starts, for a
folder (its ``.txt``/``.text`` files), a single text file, stdin and a JSON
Lines file (one document a non-blank line); for a CSV file the count and the
rate are shown without a total.

The count follows the documents the extraction asks for (the build reads
the corpus through :class:`BuildProgress`), so it runs ahead of the finished
documents by the batches in flight: by one batch of sentences in one
process, by two batches per worker with ``--workers``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from diplograph.base.errors import DocumentError
from diplograph.corpus.readers import TEXT_SUFFIXES, CorpusItem, read_corpus

__all__ = ["BuildProgress", "corpus_size"]

#: A first document asked for later than this after the start comes from the extraction, not a look-ahead.
_LOOKAHEAD_SECONDS = 0.5


def corpus_size(source: str | Path) -> int | None:
    """How many documents ``source`` holds, when that is cheap to know (None otherwise)."""
    path = Path(source)
    try:
        if str(source) == "-" or (path.is_file() and path.suffix.lower() not in (".jsonl", ".ndjson", ".csv")):
            return 1
        if path.is_dir():
            return sum(1 for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
    except OSError:
        return None
    return None


class BuildProgress:
    """Context manager drawing the phases; hand :attr:`corpus` to the build.

    Args:
        source: the corpus path given on the command line.
        text_field: the JSONL/CSV text field.
        workers: worker processes (named in the phase).
        enabled: draw anything at all (also needs stderr to be a terminal).

    Attributes:
        corpus: ``source`` itself when nothing is drawn, else an iterable of
            its documents that counts them as they are asked for.
    """

    def __init__(
        self, source: str, *, text_field: str | None = None, workers: int = 1, enabled: bool = True,
        follow_symlinks: bool = False,
    ) -> None:
        import sys

        self.corpus: Any = source
        self._source, self._text_field, self._workers = source, text_field, workers
        self._follow = follow_symlinks
        self._enabled = enabled and sys.stderr.isatty()
        self._bar: Any = None
        self._begun = self._started = 0.0
        self._extracting = False

    def __enter__(self) -> BuildProgress:
        if not self._enabled:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        total = corpus_size(self._source)
        columns: list[Any] = [SpinnerColumn(), TextColumn("{task.description}")]
        if total:
            columns += [BarColumn(), TextColumn("{task.completed}/{task.total} docs")]
        else:
            columns += [TextColumn("{task.completed} docs")]
        columns += [TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
        if total:
            columns += [TextColumn("ETA"), TimeRemainingColumn()]
        self._bar = Progress(*columns, console=Console(stderr=True), transient=True)
        self._bar.__enter__()
        self._task = self._bar.add_task("loading the dictionaries and the model", total=total, rate="", start=False)
        self._begun = time.perf_counter()
        self.corpus = _Counted(self._source, self._text_field, self._tick, self._follow)
        return self

    def _tick(self, count: int) -> None:
        """The ``count``-th document is asked for (``count`` = documents handed over + 1)."""
        now = time.perf_counter()
        if not self._extracting and (count >= 2 or now - self._begun > _LOOKAHEAD_SECONDS):
            self._extracting = True
            self._started = now
            where = f" in {self._workers} worker processes" if self._workers > 1 else ""
            self._bar.update(self._task, description=f"extracting{where}")
            self._bar.start_task(self._task)
        if self._extracting:
            done = count - 1
            rate = done / max(now - self._started, 1e-9)
            self._bar.update(self._task, completed=done, rate=f"{rate:.1f} docs/s" if done else "")

    def phase(self, description: str) -> None:
        """Show that the build moved on to ``description`` (the count stays)."""
        if self._bar is not None:
            self._bar.update(self._task, description=description)

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc_info)


class _Counted:
    """The documents of a corpus path, calling ``tick(n)`` as the n-th one is asked for."""

    def __init__(self, source: str, text_field: str | None, tick: Callable[[int], None], follow: bool = False) -> None:
        self.source, self.text_field, self.tick, self.follow = source, text_field, tick, follow

    def __str__(self) -> str:
        return str(self.source)

    def __iter__(self) -> Iterator[CorpusItem]:
        count = 0
        for item in read_corpus(self.source, text_field=self.text_field, follow_symlinks=self.follow):
            if not (isinstance(item, DocumentError) and item.warning):
                count += 1
                self.tick(count)
            yield item
        self.tick(count + 1)
