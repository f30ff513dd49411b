"""Stage timing for ``diplograph build --profile``: where a build's time goes.

A :class:`StageTimes` is created by the build and passed explicitly to whatever
does the work (the corpus reader loop, the extractor, the corpus merge, the
writer). Time is attributed to the innermost open stage only, so nested stages
never count twice: the parse loop pulls sentences from the cheap pass, which
pulls documents from the reader, and each second lands in exactly one of them.
Worker processes time their batches in a StageTimes of their own and return its
:meth:`~StageTimes.as_dict` with their results; the parent adds them up with
:meth:`~StageTimes.add_worker`.

>>> times = StageTimes()
>>> with times.stage("parse"):
...     pass
>>> times.seconds["parse"] >= 0
True
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

__all__ = ["StageTimes", "STAGE_ORDER"]

#: The order stages are listed in (stages not listed follow, by name).
STAGE_ORDER = (
    "reading",
    "loading dictionaries",
    "cache lookup",
    "model load",
    "tokenize and filter",
    "parse",
    "joining sentences",
    "actor resolution",
    "relation extraction",
    "mapping back",
    "waiting for workers",
    "spooling",
    "corpus merge",
    "writing",
)


class StageTimes:
    """Seconds per stage, in this process and summed over worker processes.

    ``seconds`` holds this process's exclusive time per stage; ``worker_seconds``
    the stage times the workers reported (summed over workers).
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.worker_seconds: dict[str, float] = {}
        self._open: list[list] = []  # [name, started] of the open stages, innermost last

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the block as stage ``name`` (the enclosing stage is paused meanwhile)."""
        now = time.perf_counter()
        if self._open:
            outer = self._open[-1]
            self._add(outer[0], now - outer[1])
        entry = [name, now]
        self._open.append(entry)
        try:
            yield
        finally:
            now = time.perf_counter()
            self._open.pop()
            self._add(name, now - entry[1])
            if self._open:
                self._open[-1][1] = now  # the enclosing stage resumes

    def _add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + max(0.0, seconds)

    def as_dict(self) -> dict[str, float]:
        """This process's stage seconds as a plain dict (what a worker sends back)."""
        return dict(self.seconds)

    def add_worker(self, seconds: Mapping[str, float]) -> None:
        """Add the stage seconds a worker process reported for one batch."""
        for name, value in seconds.items():
            self.worker_seconds[name] = self.worker_seconds.get(name, 0.0) + max(0.0, float(value))

    def table(self, *, total: float | None = None) -> str:
        """A plain-text table: stage, where it ran, seconds and share of the total.

        Args:
            total: the wall time of the build (default: the sum of this process's stages).
        """
        total = sum(self.seconds.values()) if total is None else total
        rows = [(name, "this process", value) for name, value in _ordered(self.seconds)]
        rows += [(name, "workers (sum)", value) for name, value in _ordered(self.worker_seconds)]
        width = max([len("stage"), *(len(name) for name, _, _ in rows)])
        lines = [f"{'stage':<{width}}  {'where':<13}  {'seconds':>8}  {'share':>6}"]
        for name, where, value in rows:
            share = f"{value / total:6.1%}" if total > 0 and where == "this process" else " " * 6
            lines.append(f"{name:<{width}}  {where:<13}  {value:8.2f}  {share}")
        lines.append(f"{'total (wall)':<{width}}  {'':<13}  {total:8.2f}")
        return "\n".join(lines)


def _ordered(seconds: Mapping[str, float]) -> list[tuple[str, float]]:
    rank = {name: i for i, name in enumerate(STAGE_ORDER)}
    return sorted(seconds.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))
