"""The command line on bad input: one line on stderr, the right exit code, never a traceback.

Exit codes: 2 for a usage error (nothing built), 1 when some documents failed
(everything else is written, the failures are listed in ``errors.jsonl``), 0
otherwise; ``--strict`` turns the first failing document into a usage error.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app

pytestmark = pytest.mark.model

GOOD = {
    "alaska.txt": "date 2025-08-15\nPutin met Trump in Alaska on Friday.\n",
    "paris.txt": "Macron met Zelenskyy in Paris. France supports Ukraine.\n",
}
BAD = {
    "binary.txt": b"\x00\x01\x02\x03 not text",
    "cp1251.txt": "Путин встретился с Трампом на Аляске.".encode("cp1251"),
    "empty.txt": b"",
}


def _write(folder: Path, files: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def _run(*args: str):
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {type(result.exception).__name__}: {result.exception}") from result.exception
    assert "Traceback" not in result.output
    return result


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A corpus with good and bad files, built once through the CLI."""
    root = tmp_path_factory.mktemp("cli")
    corpus = _write(root / "corpus", {**GOOD, **BAD})
    result = _run("build", str(corpus), "--out", str(root / "out"))
    return root, corpus, result


def test_failed_documents_exit_1_after_writing_everything(mixed):
    root, _, result = mixed
    out = root / "out"
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: binary.txt: binary file (contains NUL bytes), not text",
        "warning: cp1251.txt: not UTF-8; decoded as cp1251",
        "error: empty.txt: empty document (no text)",
    ]
    assert _jsonl(out / "errors.jsonl") == [
        {"doc": "binary.txt", "reason": "binary file (contains NUL bytes), not text", "level": "error"},
        {"doc": "cp1251.txt", "reason": "not UTF-8; decoded as cp1251", "level": "warning"},
        {"doc": "empty.txt", "reason": "empty document (no text)", "level": "error"},
    ]
    relations = _jsonl(out / "relations.jsonl")
    assert {(r["source"], r["relation"], r["target"]) for r in relations} >= {
        ("vladimir-putin", "meets", "donald-trump"),
        ("emmanuel-macron", "meets", "volodymyr-zelenskyy"),
        ("france", "supports", "ukraine"),
    }
    assert sorted(d["id"] for d in _jsonl(out / "documents.jsonl")) == ["alaska.txt", "cp1251.txt", "paris.txt"]
    assert "; 2 failed" in result.stdout
    assert not list(out.glob(".*.tmp"))


def test_strict_stops_at_the_first_failing_document(mixed, tmp_path):
    _, corpus, _ = mixed
    result = _run("build", str(corpus), "--out", str(tmp_path / "out"), "--strict", "--quiet")
    assert result.exit_code == 2
    assert result.stderr == "error: binary.txt: binary file (contains NUL bytes), not text\n"
    assert not (tmp_path / "out" / "relations.jsonl").exists()


def test_a_clean_corpus_exits_0(tmp_path):
    corpus = _write(tmp_path / "corpus", GOOD)
    result = _run("build", str(corpus), "--out", str(tmp_path / "out"), "--quiet")
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", "")
    assert _jsonl(tmp_path / "out" / "errors.jsonl") == []


def _dictionary(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def _build_args(tmp_path: Path, corpus: Path, *extra: str) -> list[str]:
    return ["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet", *extra]


USAGE_CASES = {
    "missing corpus": (
        lambda t: _build_args(t, t / "nope.txt"),
        "error: {t}/nope.txt: no such file or directory",
    ),
    "empty directory": (
        lambda t: _build_args(t, _write(t / "empty", {})),
        "error: {t}/empty: directory holds no .txt/.text files",
    ),
    "CSV without text column": (
        lambda t: _build_args(t, _write(t, {"feed.csv": "id,headline\n1,Talks\n"}) / "feed.csv"),
        "error: {t}/feed.csv: no text column (looked for text, body, content, article; columns are: id, headline)",
    ),
    "invalid actor dictionary": (
        lambda t: _build_args(t, _write(t / "c", GOOD), "--actors",
                              str(_dictionary(t, "actors:\n  - {id: putin-v, name: V. Putin, type: persn}\n"))),
        "error: {t}/actors.yaml: actors #1 (putin-v): type: Input should be 'person', 'state', 'organization', 'group', "
        "'place' or 'media' (got 'persn')",
    ),
    "dictionary with a python tag": (
        lambda t: _build_args(t, _write(t / "c", GOOD), "--actors",
                              str(_dictionary(t, f"actors: !!python/object/apply:os.system ['touch {t}/pwned']\n"))),
        "error: {t}/actors.yaml:1: tag '!!python/object/apply:os.system' is not allowed "
        "(only plain data: mappings, lists, text, numbers)",
    ),
    "missing dictionary": (
        lambda t: _build_args(t, _write(t / "c", GOOD), "--actors", str(t / "nope.yaml")),
        "error: {t}/nope.yaml: cannot read actor dictionary (No such file or directory)",
    ),
    "invalid ontology": (
        lambda t: _build_args(t, _write(t / "c", GOOD), "--ontology", str(_write(t, {
            "onto.yaml": "types:\n  meets: {plover: CONSULT, quad_class: verbal_cooperation, weight: 99}\n"}) / "onto.yaml")),
        "error: {t}/onto.yaml: types.meets: weight: Input should be less than or equal to 10 (got 99)",
    ),
    "model not installed": (
        lambda t: _build_args(t, _write(t / "c", GOOD), "--model", "xx_no_such_model"),
        "error: spaCy model 'xx_no_such_model' is not installed (install it with pip; diplograph never downloads models)",
    ),
    "output under a regular file": (
        lambda t: ["build", str(_write(t / "c", GOOD)), "--out", str(_write(t, {"file.txt": "x"}) / "file.txt" / "out"), "-q"],
        "error: {t}/file.txt/out: cannot create output directory (Not a directory)",
    ),
}


@pytest.mark.parametrize("case", list(USAGE_CASES))
def test_usage_errors_are_one_line_and_exit_2(tmp_path, case):
    make_args, expected = USAGE_CASES[case]
    result = _run(*make_args(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == expected.format(t=tmp_path) + "\n"
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "out" / "relations.jsonl").exists()


def test_query_errors_on_a_saved_build(mixed, tmp_path):
    root, _, _ = mixed
    out = root / "out"
    result = _run("query", str(out), "--relation", "bomb")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown relation type 'bomb'") and result.stderr.count("\n") == 1
    assert "meets" in result.stderr and "attacks" in result.stderr
    result = _run("query", str(out), "--source", "Putn")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "Putin" in result.stderr
    broken = _write(tmp_path / "broken", {"actors.jsonl": (out / "actors.jsonl").read_bytes(),
                                          "relations.jsonl": b'{"id": "r-1",\n'})
    result = _run("query", str(broken))
    assert result.exit_code == 2
    assert result.stderr == f"error: {broken}/relations.jsonl:1: not valid JSON (Expecting property name enclosed in double quotes)\n"


def test_report_format_typo(mixed):
    root, _, _ = mixed
    result = _run("report", str(root / "out"), "--format", "xls")
    assert (result.exit_code, result.stderr) == (2, "error: --format must be md, csv, json or html, not 'xls'\n")


def test_real_process_prints_one_line_and_no_traceback(tmp_path):
    process = subprocess.run(
        [sys.executable, "-m", "diplograph", "build", str(tmp_path / "missing"), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )
    assert process.returncode == 2
    assert process.stderr == f"error: {tmp_path}/missing: no such file or directory\n"
    assert process.stdout == ""


def test_hostile_ids_and_keys_cannot_drive_the_terminal(tmp_path):
    hostile = "x\n\x1b[2J\u202eevil"
    lines = [{"id": hostile, "text": "Putin met Trump."}, {"id": hostile, "text": "Macron met Merz."},
             {"id": "k", "\x1b]0;owned\x07": "no text key"}]
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = _run("build", str(corpus), "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: x\\n\\x1b[2J\\u202eevil: duplicate document id; later copy skipped",
        "error: feed.jsonl:3: no text field (looked for text, body, content, article; found id, \\x1b]0;owned\\x07)",
    ]
    errors = _jsonl(tmp_path / "out" / "errors.jsonl")
    assert errors[0]["doc"] == hostile  # the file keeps the data as it was


def test_a_second_cli_build_into_a_locked_folder_fails_before_extracting(tmp_path, monkeypatch):
    import subprocess
    import sys

    from diplograph.extraction import extractor

    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(extractor, "load_model", no_model)
    corpus = tmp_path / "c.txt"
    corpus.write_text("Putin met Trump in Alaska.\n", encoding="utf-8")
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom diplograph.pipeline.generations import output_lock\n"
         f"with output_lock({str(out)!r}):\n    print('held', flush=True)\n    time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "-q"])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2
    assert "another build" in result.output
    assert not (out / "relations.jsonl").exists()
    assert "the model was loaded" not in result.output  # refused before the model is loaded
