"""Extraction throughput: diplograph build against a bare spaCy parse, one machine and Dask.

Generates corpora of about 1 MB and 5 MB by recombining the sentences of the
sample corpus (``examples/*.txt``) into news-sized documents — or, with
``--corpus realnews``, takes that much of the real-news corpus
(``benchmarks/.realnews/corpus.jsonl``, written by ``benchmarks/realnews.py``, which
skips the reserved ids; whole articles, repeated with new ids past its end) — then runs each
configuration in a fresh Python process and reports docs/s, words/s,
sentences/s and the peak resident memory of the process tree (the process
and its workers, sampled with psutil every 0.1 s; ``ru_maxrss`` of the
largest single process when psutil is missing):

* ``bare parse`` — ``nlp.pipe`` of the same model with all its components, batch 32, over the
  same whole documents (the baseline);
* ``diplograph w1`` / ``w2`` — ``build_result`` with 1 and 2 local worker processes;
* ``diplograph w1 nofilter`` — 1 worker with the sentence filter off;
* ``diplograph w1 nospool`` — 1 worker keeping per-document results in memory (``spool=False``);
* ``dask w2`` — the Dask engine on a LocalCluster of 2 worker processes.

Rates divide the same corpus counts (documents, words and sentences of the
rule-based splitter) by the wall time of the whole run, model loading and
cluster start included, so they compare directly. Run by hand (not in CI)::

    python benchmarks/bench_extract.py                 # 1 MB and 5 MB
    python benchmarks/bench_extract.py --sizes 0.2     # a quick look
    python benchmarks/bench_extract.py --sizes 1 --off-topic 0.5
    python benchmarks/bench_extract.py --corpus realnews --sizes 1,5 \
        --configs "bare parse,diplograph w1,diplograph w2,dask w2"
    python benchmarks/bench_extract.py --corpus realnews --sizes 1,5,20 --configs "diplograph w1"

``--off-topic SHARE`` mixes that share of off-topic sentences (markets,
weather, sport, local news; written for this benchmark) into the documents,
the way a general news feed mixes diplomacy with everything else. The
sample corpus alone is the worst case for the sentence filter: nearly every
one of its sentences names an actor and holds a trigger word.
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
OPTIONS = {
    "diplograph w1": {},
    "diplograph w1 nofilter": {"prefilter": False},
    "diplograph w1 nospool": {"spool": False},
    "diplograph w2": {"workers": 2},
    "dask w2": {"engine": "dask", "workers": 2},
}
REALNEWS = Path(__file__).resolve().parent / ".realnews" / "corpus.jsonl"
#: Documents per ``nlp.pipe`` batch of the bare parse (the issue's baseline).
BARE_BATCH = 32
TARGET_RATIO = 1.5
FLOOR_RATIO = 0.8


# --------------------------------------------------------------------------- corpus

#: Off-topic news sentences (no diplomatic actor) for ``--off-topic``.
OFF_TOPIC = (
    "Heavy rain is expected across the coast tonight, with up to forty millimetres in places.",
    "The city council approved a new budget for road repairs after a long debate.",
    "Shares in the largest carmaker fell three percent in early trading.",
    "The home side scored twice in the second half to win the cup final.",
    "Bakeries say the price of flour has doubled since the spring.",
    "A new bridge over the river will open to traffic next month.",
    "Doctors warned that the flu season could start earlier than usual this year.",
    "The museum reopened its east wing after two years of restoration work.",
    "Train services were delayed for several hours because of a signal failure.",
    "Farmers reported a smaller harvest after a dry and unusually hot summer.",
    "The central bank left interest rates unchanged for the third month in a row.",
    "Tickets for the festival sold out within an hour of going on sale.",
    "Engineers are still inspecting the damaged pipeline near the port.",
    "The university announced a new scholarship for students from rural areas.",
    "Fuel prices at the pump rose slightly for the second week running.",
    "A small earthquake shook the valley overnight but caused no injuries.",
    "The coach said the team would need to improve its defence before the next match.",
    "Local schools will stay closed on Monday because of the storm.",
    "Researchers found that the lake's water level has dropped by a metre.",
    "The airline added three new routes to its winter timetable.",
    "Unemployment edged down to its lowest level in a decade, the statistics office said.",
    "Firefighters brought the forest blaze under control after three days.",
    "The new hospital wing will add two hundred beds when it opens.",
    "Retail sales were flat in October as shoppers held back ahead of the holidays.",
)

def sample_sentences() -> list[str]:
    """The sentences of the sample corpus bodies (titles and date lines left out)."""
    import spacy

    from diplograph.corpus.readers import read_corpus
    from diplograph.nlp.sentences import sentence_bounds

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


def make_corpus(folder: Path, megabytes: float, *, off_topic: float = 0.0, seed: int = 13) -> dict:
    """Write ~``megabytes`` of documents (12-20 sentences in paragraphs of 2-4) into ``folder``.

    ``off_topic`` is the expected share of sentences drawn from :data:`OFF_TOPIC`.
    """
    rng = random.Random(seed)
    sentences = sample_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    written = count = 0
    while written < target:
        picked = rng.sample(sentences, rng.randint(12, 20))
        picked = [rng.choice(OFF_TOPIC) if i and rng.random() < off_topic else s for i, s in enumerate(picked)]
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


def make_realnews(path: Path, megabytes: float, *, source: Path = REALNEWS) -> dict:
    """Write the first ~``megabytes`` of the real-news corpus to ``path`` (JSON Lines, whole articles).

    Past the end of the corpus its articles come round again with new ids (``na-4~1``).
    """
    if not source.is_file():
        raise SystemExit(f"{source}: no real-news corpus; run: python benchmarks/realnews.py corpus")
    articles = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    target = int(megabytes * 1_000_000)
    written = count = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            article = dict(articles[count % len(articles)])
            if count >= len(articles):
                article["id"] = f"{article['id']}~{count // len(articles)}"
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
            written += len(article["text"].encode("utf-8"))
            count += 1
    return {"documents": count, "bytes": written}


def _texts(source: Path):
    from diplograph.base.models import Document
    from diplograph.corpus.readers import read_corpus

    return (d.text for d in read_corpus(source) if isinstance(d, Document))


def corpus_counts(folder: Path) -> dict:
    """Documents, words (non-punctuation tokens) and rule-based sentences of a generated corpus."""
    import spacy

    from diplograph.corpus.readers import read_corpus
    from diplograph.nlp.sentences import sentence_bounds

    tokenize = spacy.blank("en").tokenizer
    docs = words = sentences = 0
    for text in _texts(folder):
        doc = tokenize(text)
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
        from diplograph.nlp.model import load_model

        nlp = load_model()
        parsed = sum(1 for _ in nlp.pipe(_texts(folder), batch_size=BARE_BATCH))
        extra["parsed_docs"] = parsed
    else:
        from diplograph.pipeline.build import build_result

        result = build_result(folder, **OPTIONS[name])
        profile = getattr(result, "profile", None)
        if profile is not None:
            extra["profile"] = {**profile.seconds, **{f"workers: {k}": v for k, v in profile.worker_seconds.items()}}
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
    command = [sys.executable, __file__, "--child", name, "--source", str(folder)]
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
    baseline = next((r["seconds"] for n, r in rows if n == "bare parse"), None)  # None: no bare parse in this run
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
            f"{counts['sentences'] / s:,.0f} | {f'{baseline / s:.2f}' if baseline else '–'} | {r['peak_rss'] / 2**20:,.0f} | {share} | {r['load']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,5", help="corpus sizes in MB, comma separated")
    parser.add_argument("--off-topic", type=float, default=0.0, help="share of off-topic sentences (0-1)")
    parser.add_argument("--corpus", dest="kind", choices=("mix", "realnews"), default="mix",
                        help="mix: recombined sample sentences; realnews: benchmarks/.realnews/corpus.jsonl")
    parser.add_argument("--profile", action="store_true", help="also print each build's stage seconds")
    parser.add_argument("--configs", default=",".join(CONFIGS), help="configurations, comma separated")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_config(args.child, Path(args.source))))
        return
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    print(f"machine: {machine()}\n")
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as tmp:
        for size in (float(s) for s in args.sizes.split(",")):
            if args.kind == "realnews":
                folder = Path(tmp) / f"realnews-{size:g}MB.jsonl"
                made = make_realnews(folder, size)
            else:
                folder = Path(tmp) / f"{size:g}MB"
                made = make_corpus(folder, size, off_topic=args.off_topic)
            counts = corpus_counts(folder)
            rows = []
            for name in configs:
                result = measure(name, folder)
                rows.append((name, result))
                print(f"  {size:g} MB  {name:24s} {result['seconds']:7.1f} s  {result['peak_rss'] / 2**20:6.0f} MB",
                      file=sys.stderr, flush=True)
                if args.profile and "profile" in result:
                    print(f"profile {size:g} MB {name}: {json.dumps(result['profile'], sort_keys=True)}", flush=True)
            mix = f", {args.off_topic:.0%} off-topic sentences" if args.off_topic else ""
            mix += ", real news" if args.kind == "realnews" else ""
            print(table(f"{size:g} MB ({made['bytes'] / 1e6:.2f} MB of text{mix})", counts, rows), flush=True)
            print(flush=True)
    print(f"targets: ≥ {TARGET_RATIO}× bare parse (never below {FLOOR_RATIO}×); peak RSS flat across sizes")


if __name__ == "__main__":
    main()
