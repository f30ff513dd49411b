"""Everything from the corpus is data: no formula runs in a spreadsheet, no doc id writes outside the output folder.

(HTML escaping is tested with the HTML export; loading pickles and YAML tags
is refused in test_reliability_inputs.)
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation, relation_id

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = {
    "eq": "=cmd|' /C calc'!A0",
    "plus": "+SUM(1+1)*cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def _hostile_graph() -> RelationGraph:
    actors = [Actor(id=key, name=name, type="state", aliases=(name,)) for key, name in HOSTILE.items()]
    actors.append(Actor(id="html", name="<script>alert(1)</script> | pipe", type="organization"))
    relations = []
    pairs = [("eq", "plus", "accuses"), ("plus", "minus", "meets"), ("minus", "at", "threatens"),
             ("at", "eq", "supports"), ("html", "eq", "rejects")]
    for number, (source, target, kind) in enumerate(pairs):
        evidence = f"=HYPERLINK(\"http://evil.example/?{number}\",\"click\") {kind}"
        relations.append(Relation(
            id=relation_id("doc", source, kind, target, "asserted"), doc="=doc|x", sentence=number, source=source,
            target=target, relation=kind, evidence=evidence, span=(0, len(evidence)), trigger="@trigger",
        ))
    return RelationGraph.from_records(actors, relations)


def _assert_no_formula_cells(text: str) -> int:
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    for cell in cells:
        if cell.startswith(FORMULA_STARTS):
            float(cell)  # only plain numbers such as -0.5 may start with '-' or '+'
    return len(cells)


def test_report_csv_neutralises_formulas():
    from diplograph.graph.report import render_report

    text = render_report(_hostile_graph(), format="csv")
    assert _assert_no_formula_cells(text) > 20
    assert "'=cmd|' /C calc'!A0" in text or "\"'=cmd|' /C calc'!A0\"" in text


def test_report_markdown_keeps_hostile_names_as_text():
    from diplograph.graph.report import render_report

    text = render_report(_hostile_graph(), format="md")
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    for line in text.splitlines():
        if line.startswith("|") and "pipe" in line:
            assert "\\|" in line  # a pipe in a name cannot split the table row


def test_exported_tables_neutralise_formulas(tmp_path):
    formats = pytest.importorskip("diplograph.exports.formats")
    folder = formats.export(_hostile_graph(), tmp_path / "tables", "csv")
    for name in ("actors.csv", "relations.csv"):
        assert _assert_no_formula_cells((Path(folder) / name).read_text(encoding="utf-8")) > 10


def test_query_csv_neutralises_formulas(tmp_path):
    from typer.testing import CliRunner

    from diplograph import cli
    from diplograph.graph import report

    if not hasattr(report, "safe_csv"):
        pytest.skip("cli.py `query --csv` imports diplograph.graph.report.safe_csv, which does not exist yet")
    _hostile_graph().save(tmp_path)
    result = CliRunner().invoke(cli.app, ["query", str(tmp_path), "--csv"])
    assert result.exit_code == 0, result.output
    assert _assert_no_formula_cells(result.stdout) > 10


# --------------------------------------------------------------------------- doc ids are not file names

def _escaping_ids(root: Path) -> list[str]:
    return [
        "../../escaped-rel.txt",
        "../../../../../../../../../../escaped-deep",
        f"{root}/escaped-abs.txt",
        "..\\..\\escaped-win.txt",
        "x/../../../../escaped-mixed",
        "~/escaped-home",
        "..",
        ".",
        "CON",
        "nul\x00byte/../../escaped-nul",
        "a" * 300,
    ]


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() or p.is_symlink()}


@pytest.mark.model
def test_doc_ids_cannot_place_files_outside_the_output_folder(tmp_path):
    root = tmp_path
    work = root / "work"
    out = work / "a" / "b" / "c" / "out"
    home = root / "home"
    for folder in (work, home):
        folder.mkdir(parents=True)
    ids = _escaping_ids(root)
    corpus = root / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": doc_id, "text": f"Putin met Trump in Alaska. ({n})"}) + "\n"
                              for n, doc_id in enumerate(ids)), encoding="utf-8")
    before = _files(root)
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    for _ in range(2):  # the second run may read back whatever the first stored (a cache)
        process = subprocess.run([sys.executable, "-m", "diplograph", "build", str(corpus), "--out", str(out), "-q"],
                                 capture_output=True, text=True, cwd=work, env=env, timeout=300)
        assert process.returncode == 0, process.stderr
    created = _files(root) - before
    outside = sorted(str(p) for p in created if out not in p.parents and (home / ".cache") not in p.parents)
    assert outside == []
    assert not [p for p in created if "escaped" in p.name]
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    assert sorted(d["id"] for d in documents) == sorted(ids)  # ids are kept verbatim, as data
    relations = [json.loads(line) for line in (out / "relations.jsonl").read_text("utf-8").splitlines()]
    assert {r["doc"] for r in relations} == set(ids)
