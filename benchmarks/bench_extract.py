"""Extraction throughput: diplograph build against a bare spaCy parse, one machine and Dask.

Generates corpora of about 1 MB and 5 MB by recombining the sentences of the
sample corpus (``examples/*.txt``) into news-sized documents, then runs each
configuration in a fresh Python process and reports docs/s, words/s,
sentences/s and the peak resident memory of the process tree (the process
and its workers, sampled with psutil every 0.1 s; ``ru_maxrss`` of the
largest single process when psutil is missing):

* ``bare parse`` — ``nlp.pipe`` of the full model over the texts (the baseline);
* ``diplograph w1`` / ``w2`` — ``build_result`` with 1 and 2 local worker processes;
* ``diplograph w1 nofilter`` — 1 worker with the sentence filter off;
* ``dask w2`` — the Dask engine on a LocalCluster of 2 worker processes.

Rates divide the same corpus counts (documents, words and sentences of the
rule-based splitter) by the wall time of the whole run, model loading and
cluster start included, so they compare directly. Run by hand (not in CI)::

    python benchmarks/bench_extract.py                 # 1 MB and 5 MB
    python benchmarks/bench_extract.py --sizes 0.2     # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CONFIGS = ("bare parse", "diplograph w1", "diplograph w1 nofilter", "diplograph w2", "dask w2")
TARGET_RATIO = 1.5
FLOOR_RATIO = 0.8


# --------------------------------------------------------------------------- corpus

def sample_sentences() -> list[str]:
    """The sentences of the sample corpus bodies (titles and date lines left out)."""
    import spacy

    from diplograph.corpus import read_corpus
    from diplograph.sentences import sentence_bounds

    tokenize = spacy.blank("en").tokenizer
    sentences = []
    for document in read_corpus(EXAMPLES):
        if not document.id.endswith(".txt"):
            continue
        body = document.text.split("\n\n", 1)[-1]
        doc = tokenize(body)
        for start, end in sentence_bounds(doc):
            text = doc[start:end].text.strip()
            if len(text.split()) >= 5 and text[-1] in '.!?"”':
                sentences.append(" ".join(text.split()))
    return sentences


def make_corpus(folder: Path, megabytes: float, *, seed: int = 13) -> dict:
    """Write ~``megabytes`` of documents (12-20 sentences in paragraphs of 2-4) into ``folder``."""
    rng = random.Random(seed)
    sentences = sample_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    written = count = 0
    while written < target:
        picked = rng.sample(sentences, rng.randint(12, 20))
        paragraphs, i = [], 0
        while i < len(picked):
            size = rng.randint(2, 4)
            paragraphs.append(" ".join(picked[i : i + size]))
            i += size
        day = 1 + count % 28
        title = " ".join(picked[0].split()[:7]).rstrip(",.;:")
        text = f"date 2025-08-{day:02d}\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"doc{count:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        count += 1
    return {"documents": count, "bytes": written}


def corpus_counts(folder: Path) -> dict:
    """Documents, words (non-punctuation tokens) and rule-based sentences of a generated corpus."""
    import spacy

    from diplograph.corpus import read_corpus
    from diplograph.sentences import sentence_bounds

    tokenize = spacy.blank("en").tokenizer
    docs = words = sentences = 0
    for document in read_corpus(folder):
        doc = tokenize(document.text)
        docs += 1
        words += sum(1 for t in doc if not (t.is_punct or t.is_space))
        sentences += len(sentence_bounds(doc))
    return {"docs": docs, "words": words, "sentences": sentences}


# --------------------------------------------------------------------------- one configuration (child process)

def run_config(name: str, folder: Path) -> dict:
    """Run one configuration in this process; return its wall time and extra facts."""
    started = time.perf_counter()
    extra: dict = {}
    if name == "bare parse":
        from diplograph.corpus import read_corpus
        from diplograph.nlp import load_model

        nlp = load_model()
        texts = (d.text for d in read_corpus(folder))
        parsed = sum(1 for _ in nlp.pipe(texts))
        extra["parsed_docs"] = parsed
    else:
        from diplograph.pipeline import build_result

        options = {
            "diplograph w1": {},
            "diplograph w1 nofilter": {"prefilter": False},
            "diplograph w2": {"workers": 2},
            "dask w2": {"engine": "dask", "workers": 2},
        }[name]
        result = build_result(folder, **options)
        stats = result.stats
        extra.update(
            relations=stats["relations"], actors=stats["actors"], failed=stats["failed"],
            parsed_share=round(stats["parsed_sentences"] / max(1, stats["sentences"]), 3),
        )
    extra["seconds"] = time.perf_counter() - started
    return extra


def _tree_rss(process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except Exception:  # a worker that just exited
            continue
    return total


def measure(name: str, folder: Path) -> dict:
    """Run ``name`` in a fresh interpreter; return its result with peak memory."""
    command = [sys.executable, __file__, "--child", name, "--corpus", str(folder)]
    load_before = os.getloadavg()[0]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0
    try:
        import psutil

        watched = psutil.Process(child.pid)
        while child.poll() is None:
            try:
                peak = max(peak, _tree_rss(watched))
            except psutil.NoSuchProcess:
                break
            time.sleep(0.1)
    except ImportError:
        pass
    output, _ = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"{name} failed with exit code {child.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    result["peak_rss"] = peak or largest
    result["load"] = round((load_before + os.getloadavg()[0]) / 2, 1)
    return result


# --------------------------------------------------------------------------- report

def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, Python {platform.python_version()}"


def table(size: str, counts: dict, rows: list[tuple[str, dict]]) -> str:
    baseline = next(r for n, r in rows if n == "bare parse")["seconds"]
    lines = [
        f"### Corpus {size}: {counts['docs']} documents, {counts['words']:,} words, {counts['sentences']:,} sentences",
        "",
        "| configuration | seconds | docs/s | words/s | sentences/s | × bare parse | peak RSS (MB) | parsed share | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in rows:
        s = r["seconds"]
        share = f"{r['parsed_share']:.0%}" if "parsed_share" in r else "100%"
        lines.append(
            f"| {name} | {s:.1f} | {counts['docs'] / s:.1f} | {counts['words'] / s:,.0f} | "
            f"{counts['sentences'] / s:,.0f} | {baseline / s:.2f} | {r['peak_rss'] / 2**20:,.0f} | {share} | {r['load']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,5", help="corpus sizes in MB, comma separated")
    parser.add_argument("--configs", default=",".join(CONFIGS), help="configurations, comma separated")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_config(args.child, Path(args.corpus))))
        return
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    print(f"machine: {machine()}\n")
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as tmp:
        for size in (float(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / f"{size:g}MB"
            made = make_corpus(folder, size)
            counts = corpus_counts(folder)
            rows = []
            for name in configs:
                result = measure(name, folder)
                rows.append((name, result))
                print(f"  {size:g} MB  {name:24s} {result['seconds']:7.1f} s  {result['peak_rss'] / 2**20:6.0f} MB",
                      file=sys.stderr, flush=True)
            print(table(f"{size:g} MB ({made['bytes'] / 1e6:.2f} MB of text)", counts, rows), flush=True)
            print(flush=True)
    print(f"targets: ≥ {TARGET_RATIO}× bare parse (never below {FLOOR_RATIO}×); peak RSS flat across sizes")


if __name__ == "__main__":
    main()
