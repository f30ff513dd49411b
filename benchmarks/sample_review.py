"""Judged checks: a seeded random sample of a build's relations or actors, as a review file.

The review file is CSV with the columns a reviewer needs to find each item in the
text (document id, character offsets) and an at-most-eight-word key phrase, plus
empty ``verdict`` and ``reason`` columns to fill in. It holds no article text, so
reviews of the real-news corpus can be committed. Usage::

    python benchmarks/sample_review.py relations OUT -n 100 --seed 14 -o benchmarks/reviews/relations.csv
    python benchmarks/sample_review.py actors OUT -n 200 --seed 15 --types person,organization,group -o ...
    python benchmarks/sample_review.py actors OUT -n 100 --in-relations -o ...
    python benchmarks/sample_review.py show benchmarks/reviews/relations.csv --corpus benchmarks/.realnews/corpus.jsonl
    python benchmarks/sample_review.py count benchmarks/reviews/relations.csv

``show`` prints each row with its sentence regenerated from the corpus (for the
reviewer; nothing is written). ``count`` tallies the verdicts: ``ok`` counts as
correct, anything else (``wrong``, ``junk``, ...) as an error, and an empty
verdict as not yet judged.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

MAX_PHRASE_WORDS = 8
RELATION_COLUMNS = ("item", "doc", "start", "end", "source", "relation", "target", "polarity", "modality",
                    "key_phrase", "verdict", "reason")
ACTOR_COLUMNS = ("item", "actor", "name", "type", "country", "mentions", "doc", "start", "end", "key_phrase",
                 "verdict", "reason")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def key_phrase(text: str, focus: str | None = None, words: int = MAX_PHRASE_WORDS) -> str:
    """At most ``words`` words of ``text``, centred on ``focus`` when it occurs."""
    tokens = text.split()
    if len(tokens) <= words:
        return " ".join(tokens)
    centre = 0
    if focus:
        first = focus.split()[0].lower() if focus.split() else ""
        centre = next((i for i, token in enumerate(tokens) if token.lower().startswith(first)), 0)
    start = max(0, min(centre - words // 2, len(tokens) - words))
    return " ".join(tokens[start:start + words])


def sample_relations(folder: Path, n: int, seed: int) -> list[dict]:
    actors = {a["id"]: a["name"] for a in _jsonl(folder / "actors.jsonl")}
    relations = sorted(_jsonl(folder / "relations.jsonl"), key=lambda r: r["id"])
    chosen = random.Random(seed).sample(relations, min(n, len(relations)))
    rows = []
    for number, r in enumerate(sorted(chosen, key=lambda r: (r["doc"], r["span"])), start=1):
        rows.append({
            "item": number, "doc": r["doc"], "start": r["span"][0], "end": r["span"][1],
            "source": actors.get(r["source"], r["source"]), "relation": r["relation"],
            "target": actors.get(r["target"], r["target"]), "polarity": r["polarity"],
            "modality": r.get("modality", ""), "key_phrase": key_phrase(r["evidence"], r.get("trigger")),
            "verdict": "", "reason": "",
        })
    return rows


def sample_actors(folder: Path, n: int, seed: int, *, types: set[str] | None, in_relations: bool) -> list[dict]:
    actors = sorted(_jsonl(folder / "actors.jsonl"), key=lambda a: a["id"])
    mentions: dict[str, list[dict]] = {}
    for mention in _jsonl(folder / "mentions.jsonl"):
        mentions.setdefault(mention["actor"], []).append(mention)
    if types:
        actors = [a for a in actors if a["type"] in types]
    if in_relations:
        used = {end for r in _jsonl(folder / "relations.jsonl") for end in (r["source"], r["target"])}
        actors = [a for a in actors if a["id"] in used]
    chosen = random.Random(seed).sample(actors, min(n, len(actors)))
    rows = []
    for number, actor in enumerate(sorted(chosen, key=lambda a: a["id"]), start=1):
        found = sorted(mentions.get(actor["id"], []), key=lambda m: (m["doc"], m["span"]))
        first = found[0] if found else {"doc": "", "span": ["", ""], "text": ""}
        rows.append({
            "item": number, "actor": actor["id"], "name": actor["name"], "type": actor["type"],
            "country": actor.get("country") or "", "mentions": len(found), "doc": first["doc"],
            "start": first["span"][0], "end": first["span"][1], "key_phrase": key_phrase(first["text"]),
            "verdict": "", "reason": "",
        })
    return rows


def write_review(rows: list[dict], columns: tuple[str, ...], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(out)


def count(path: Path) -> dict[str, int]:
    """Verdict counts of a review file: ``judged``, ``ok``, ``errors``, and each verdict word."""
    with path.open(encoding="utf-8", newline="") as handle:
        verdicts = [row["verdict"].strip().lower() for row in csv.DictReader(handle)]
    tally = Counter(v for v in verdicts if v)
    judged = sum(tally.values())
    return {"items": len(verdicts), "judged": judged, "ok": tally.get("ok", 0),
            "errors": judged - tally.get("ok", 0), **{f"verdict:{k}": v for k, v in sorted(tally.items())}}


def show(path: Path, corpus: Path) -> None:
    texts = {record["id"]: record["text"] for record in _jsonl(corpus)}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = texts.get(row["doc"], "")
            start, end = int(row["start"] or 0), int(row["end"] or 0)
            what = " ".join(row[c] for c in ("source", "relation", "target", "polarity", "modality") if c in row) \
                or f"{row['name']} ({row['type']}, {row['country'] or '-'})"
            print(f"#{row['item']} {row['doc']} [{start}:{end}] {what}\n    {text[start:end]}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for kind in ("relations", "actors"):
        p = sub.add_parser(kind, help=f"sample the {kind} of a build folder")
        p.add_argument("folder", type=Path)
        p.add_argument("-n", type=int, default=100)
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("-o", "--out", type=Path, required=True)
        if kind == "actors":
            p.add_argument("--types", help="comma-separated actor types to sample from")
            p.add_argument("--in-relations", action="store_true", help="only actors that take part in a relation")
    p = sub.add_parser("show", help="print a review file's rows with their sentences from the corpus")
    p.add_argument("review", type=Path)
    p.add_argument("--corpus", type=Path, required=True)
    p = sub.add_parser("count", help="tally the verdicts of a review file")
    p.add_argument("review", type=Path)
    args = parser.parse_args(argv)
    if args.command == "relations":
        write_review(sample_relations(args.folder, args.n, args.seed), RELATION_COLUMNS, args.out)
    elif args.command == "actors":
        types = set(args.types.split(",")) if args.types else None
        rows = sample_actors(args.folder, args.n, args.seed, types=types, in_relations=args.in_relations)
        write_review(rows, ACTOR_COLUMNS, args.out)
    elif args.command == "show":
        show(args.review, args.corpus)
        return 0
    else:
        tally = count(args.review)
        print(json.dumps(tally, indent=1))
        return 0
    print(f"{args.out}: {args.n} items sampled (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
