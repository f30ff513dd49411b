"""User relation types end to end: --ontology adds a type, --lexicon its trigger verb, --actors two states.

The relation is extracted, and the output folder describes itself: every CLI
command and ``diplograph.load`` read the build's own ontology and dictionary
back, so the new type is queried, reported, exported and drawn.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import diplograph
from diplograph.cli import app

pytestmark = pytest.mark.model

ACTORS = """\
actors:
  - id: freedonia
    name: Freedonia
    type: state
    country: FRD
    demonyms: [Freedonian]
    metonyms: [Fredville]
  - id: sylvania
    name: Sylvania
    type: state
    country: SYL
    demonyms: [Sylvanian]
"""
ONTOLOGY = """\
types:
  praises:
    plover: SUPPORT
    quad_class: verbal_cooperation
    weight: 2.5
    description: praise, commend, laud
"""
LEXICON = """\
verbs:
  fete: praises
  eulogize: praises
"""
TEXT = """\
date 2025-03-03
Freedonia and Sylvania

Freedonia feted Sylvania on Monday for its restraint at the border.
Fredville eulogized Sylvania again after the talks.
"""


def _run(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("custom")
    for name, body in (("actors.yaml", ACTORS), ("types.yaml", ONTOLOGY), ("words.yaml", LEXICON)):
        (root / name).write_text(body, encoding="utf-8")
    (root / "corpus").mkdir()
    (root / "corpus" / "brief.txt").write_text(TEXT, encoding="utf-8")
    out = root / "out"
    result = _run(
        "build", str(root / "corpus"), "--out", str(out), "--actors", str(root / "actors.yaml"),
        "--ontology", str(root / "types.yaml"), "--lexicon", str(root / "words.yaml"), "--quiet",
    )
    assert result.exit_code == 0, result.output
    return out


def test_the_new_type_is_extracted(built):
    relations = [json.loads(line) for line in (built / "relations.jsonl").read_text().splitlines()]
    praises = [(r["source"], r["relation"], r["target"]) for r in relations if r["relation"] == "praises"]
    assert praises == [("freedonia", "praises", "sylvania")]
    merged = next(r for r in relations if r["relation"] == "praises")
    assert merged["mentions"] == 2  # "feted" and "eulogized" (Fredville is Freedonia)
    assert merged["cameo"] is None  # a user type has no CAMEO code


def test_the_folder_keeps_the_files_it_was_built_with(built):
    manifest = json.loads((built / "manifest.json").read_text())
    assert sorted(manifest["inputs"]) == ["actors", "lexicon", "ontology"]
    for entry in manifest["inputs"].values():
        assert (built / entry["file"]).is_file()
    assert "praises" in (built / manifest["inputs"]["ontology"]["file"]).read_text()


def test_load_reads_the_build_s_ontology_and_dictionary(built):
    graph = diplograph.load(built)
    frame = graph.relations(relation="praises")
    assert list(zip(frame["source"], frame["target"])) == [("freedonia", "sylvania")]
    assert graph.actor("Fredville").id == "freedonia"  # a metonym of the user dictionary


def test_the_cli_queries_reports_exports_and_draws_the_new_type(built, tmp_path):
    query = _run("query", str(built), "--relation", "praises", "--json")
    rows = [json.loads(line) for line in query.output.splitlines()]
    assert [(r["source"], r["relation"], r["target"]) for r in rows] == [("freedonia", "praises", "sylvania")]
    report = _run("report", str(built), "--relation", "praises")
    assert report.exit_code == 0 and "praises" in report.output and "Freedonia" in report.output
    export = _run("export", str(built), "--format", "json", "-o", str(tmp_path / "g.json"))
    assert export.exit_code == 0
    data = json.loads((tmp_path / "g.json").read_text())
    assert any(edge.get("relation") == "praises" for edge in _edges(data))
    html = _run("html", str(built), "-o", str(tmp_path / "g.html"), "--relation", "praises")
    assert html.exit_code == 0 and "praises" in (tmp_path / "g.html").read_text()


def _edges(data: dict) -> list[dict]:
    for key in ("links", "edges", "relations"):
        if key in data:
            return data[key]
    raise AssertionError(f"no edge list in the JSON export (keys: {sorted(data)})")


def test_a_user_lexicon_is_indexed_afresh_after_the_built_in_one_was_used(tmp_path):
    """Merging must not carry the built-in lexicon's cached verb index into the user's lexicon."""
    from diplograph.relations.lexicon import default_lexicon, load_lexicon

    assert default_lexicon().verb_entries("fete") == []  # computes and caches the built-in index
    path = tmp_path / "words.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    merged = load_lexicon(path)
    assert [entry.type for _, entry in merged.verb_entries("fete")] == ["praises"]
