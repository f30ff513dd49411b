"""Why a required gold relation was missed: the development-set diagnosis, sentence by sentence.

For every required gold line without a matching prediction, finds the sentence
that holds its evidence and prints what the build saw there: the actors
mentioned (with the mention kind), the relations predicted in that sentence, and
a class for the miss:

* ``no-source`` / ``no-target`` / ``no-ends`` — an endpoint is not among the
  actors mentioned in the sentence (actor recognition or coreference);
* ``wrong-type`` — a prediction links the two ends with another type or polarity;
* ``wrong-direction`` — the two ends are linked the other way round;
* ``unread`` — both ends are mentioned and nothing links them (argument reading,
  a missing trigger word or construction).

Held-out sets are refused: their misses are never read. Run by hand::

    python benchmarks/diagnose.py                      # the real-news development set
    python benchmarks/diagnose.py --class unread       # one class
    python benchmarks/diagnose.py --summary            # counts only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE / "realnews" / "dev"
CORPUS = HERE / ".realnews" / "corpus.jsonl"


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return (left + 2 if left != -1 else 0), right


def diagnose(gold_path: Path, corpus: Path, docs: Path | None) -> list[dict]:
    """One record per missed required line: the line, its class, the sentence's actors and predictions."""
    if "heldout" in gold_path.as_posix():
        raise SystemExit(f"{gold_path}: a held-out set is scored only; its misses are not diagnosed")
    from diplograph.pipeline.build import build_result
    from diplograph.pipeline.evaluate import _annotated
    from diplograph.corpus.readers import read_corpus
    from diplograph.relations.evaluate import load_gold, read_doc_ids, score

    gold = load_gold(gold_path)
    wanted = {line.doc for line in gold} | (read_doc_ids(docs) if docs else set())
    found: set[str] = set()
    result = build_result(_annotated(read_corpus(corpus), wanted, found))
    graph = result.graph
    actors = {a.id: a for a in graph.iter_actors()}
    relations = list(graph.iter_relations())
    outcome = score(gold, relations, actors.values())
    texts = {r["id"]: r["text"] for r in map(json.loads, corpus.read_text("utf-8").splitlines()) if r["id"] in wanted}
    forms = {a.id: {n.casefold() for n in (a.name, *a.aliases)} for a in actors.values()}
    records = []
    for line in outcome.misses:
        text = texts[line.doc]
        start, end = line.span or (0, 0)
        lo, hi = _sentence_of(text, start, end)
        mentioned = [m for m in result.mentions if m.doc == line.doc and m.span[0] < hi and m.span[1] > lo]
        ids = {m.actor for m in mentioned}
        sources = {a for a in ids if forms.get(a, set()) & {n.casefold() for n in line.source}}
        targets = {a for a in ids if forms.get(a, set()) & {n.casefold() for n in line.target}}
        here = [r for r in relations if r.doc == line.doc and r.span[0] < hi and r.span[1] > lo]
        if not sources and not targets:
            kind = "no-ends"
        elif not sources:
            kind = "no-source"
        elif not targets:
            kind = "no-target"
        elif any(r.source in sources and r.target in targets for r in here):
            kind = "wrong-type"
        elif any(r.source in targets and r.target in sources for r in here):
            kind = "wrong-direction"
        else:
            kind = "unread"
        records.append({
            "line": line, "class": kind, "sentence": text[lo:hi],
            "actors": sorted({f"{actors[m.actor].name if m.actor in actors else m.actor} [{m.kind}]" for m in mentioned}),
            "predicted": [f"{actors[r.source].name} -{r.relation}({r.polarity})-> {actors[r.target].name}" for r in here],
        })
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEV / "gold.jsonl")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--docs", type=Path, default=DEV / "ids.txt")
    parser.add_argument("--class", dest="kind", help="only misses of this class")
    parser.add_argument("--summary", action="store_true", help="counts per class only")
    args = parser.parse_args(argv)
    records = diagnose(args.gold, args.corpus, args.docs)
    counts = Counter(r["class"] for r in records)
    if not args.summary:
        for r in records:
            if args.kind and r["class"] != args.kind:
                continue
            line = r["line"]
            print(f"[{r['class']}] {line.doc}:{line.line} {'|'.join(line.source[:2])} -{'|'.join(line.relation)}-> "
                  f"{'|'.join(line.target[:2])} ({line.polarity})")
            print(f"    {r['sentence'].strip()}")
            print(f"    actors: {'; '.join(r['actors']) or '-'}")
            print(f"    predicted: {'; '.join(r['predicted']) or '-'}\n")
    print(" ".join(f"{k}={v}" for k, v in counts.most_common()), f"total={len(records)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
