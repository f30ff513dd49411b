"""Every example of the README's "Three ways to use it" returns what it says on the bundled sample (issue 16.8).

The shell commands run through the real command line in a scratch folder
(``my-corpus/`` is the bundled ``examples/``); each line of the REPL block
runs against the built sample and is checked against its comment. A README
line without a check here fails the test, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

from diplograph.cli import app

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
SECTION = README.split("## Three ways to use it", 1)[1].split("\n## ", 1)[0]


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", SECTION, re.S)


def _shell_lines() -> list[str]:
    lines = [line.split("  #")[0].strip() for block in _blocks("bash") for line in block.splitlines()]
    inline = re.findall(r"`(diplograph (?:query|actors) [^`]+)`", SECTION)
    return [line for line in lines + inline if line]


def _python_lines() -> list[tuple[str, str]]:
    (block,) = _blocks("python")
    out = []
    for line in block.splitlines():
        code, _, comment = line.partition("#")
        if code.strip() and not code.startswith("import"):
            out.append((code.strip(), comment.strip()))
    return out


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The scratch folder after the README's first command built the sample into ``out``."""
    work = tmp_path_factory.mktemp("readme")
    os.symlink(ROOT / "examples", work / "my-corpus")
    return work


def _cli(work: Path, line: str):
    args = shlex.split(line)[1:]
    previous = os.getcwd()
    os.chdir(work)
    try:
        result = CliRunner().invoke(app, args)
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, f"{line}: {result.output}"
    return result


def test_shell_examples_run_on_the_sample(sample):
    lines = _shell_lines()
    assert lines[0] == "diplograph build my-corpus/ --out out" and len(lines) >= 9
    outputs = {line: _cli(sample, line) for line in lines}
    assert (sample / "out" / "graph.html").is_file() and (sample / "out" / "report.md").is_file()
    assert "<!DOCTYPE html>" in (sample / "putin.html").read_text("utf-8")
    nx.read_gexf(sample / "graph.gexf")
    assert (sample / "attacks.csv").read_text("utf-8").startswith("section,rank,subject")
    report = outputs["diplograph report out"].stdout
    for heading in ("## Centrality: pagerank", "## Communities", "## Structural balance", "## Most active dyads",
                    "## Contested relations", "## Relation mix by type"):  # fmt: skip
        assert heading in report
    assert "| Kharkiv | place |" not in report and "| Kharkiv | place |" in outputs["diplograph report out --places"].stdout
    assert "asserted factual + planned + hypothetical" in outputs["diplograph report out --evidence all"].stdout
    query = outputs["diplograph query out --source Putin --relation meets"].stdout.splitlines()
    assert query[0].endswith("relations") and query[1].split()[:4] == ["date", "source", "relation", "target"]
    assert all(" meets " in row and "Vladimir Putin" in row for row in query[2:]) and len(query) > 2
    actors = outputs["diplograph actors my-corpus/"].stdout
    assert "Vladimir Putin" in actors and "Russia" in actors


def _meets_from_both_sides(frame, g):
    """Putin's meetings, shown from his side, including one stored with him as target."""
    stored = dict(zip(g.relations_table["id"], g.relations_table["source"]))
    assert len(frame) and set(frame["relation"]) == {"meets"} and set(frame["source_name"]) == {"Vladimir Putin"}
    return any(stored[i] != "vladimir-putin" for i in frame["id"])


#: What each REPL line of the README must return, keyed by the code as written there: ``check(value, g)``.
CHECKS = {
    'g = diplograph.load("out")': lambda value, g: len(value) > 20,
    "g": lambda value, g: repr(value).startswith("<RelationGraph: ") and "planned or hypothetical" in repr(value),
    'g.relations(source="Putin", relation="meets")': _meets_from_both_sides,
    'g.relations(actor="zelensky", modality="planned")': lambda f, g: len(f) and set(f["modality"]) == {"planned"}
    and {"Vladimir Putin", "Volodymyr Zelenskyy"} <= set(f["source_name"]) | set(f["target_name"]),
    'g.relations(polarity="negated")': lambda f, g: len(f) and set(f["polarity"]) == {"negated"},
    'g.between("Trump", "Putin")': lambda f, g: len(f)
    and set(f["source_name"]) | set(f["target_name"]) == {"Donald Trump", "Vladimir Putin"},
    'g.actor("Kremlin")': lambda p, g: p.id == "russia" and bool(p.ranks and p.top_partners and p.outgoing),
    "g.centrality().head(10)": lambda f, g: len(f) == 10 and {"degree", "pagerank", "betweenness"} <= set(f.columns),
    "g.communities()": lambda f, g: f["community"].min() == 1 and len(f) == len(g),
    "g.balance()": lambda b, g: b.triads >= 1 and b.triads == b.balanced + b.unbalanced,
    "g.dyads()": lambda f, g: len(f) and {"planned", "hypothetical", "negated"} <= set(f.columns),
    "g.contested()": lambda f, g: isinstance(f, pd.DataFrame) and {"side", "said_by", "kind"} <= set(f.columns),
    'g.timeline("Russia", freq="M")': lambda f, g: len(f) and f.to_numpy().sum() > 0,
    'g.compare(until="2025-08-20")': lambda c, g: len(c.new_ties) > 0 and c.counts["ties_before"] > 0,
    'g.to_networkx(view="signed")': lambda n, g: isinstance(n, nx.DiGraph) and n.number_of_edges() > 0,
    "g.by_sector()": lambda s, g: len(s) >= len(g),
    "g.show()": lambda path, g: Path(path).read_text("utf-8").startswith("<!DOCTYPE html>"),
}


def test_repl_examples_return_what_they_say(sample, monkeypatch):
    import diplograph

    _cli(sample, "diplograph build my-corpus/ --out out")
    monkeypatch.chdir(sample)
    monkeypatch.setattr("webbrowser.open", lambda uri: True)
    lines = _python_lines()
    assert [code for code, _ in lines] == list(CHECKS), "README examples and their checks differ"
    namespace = {"diplograph": diplograph}
    for code, comment in lines:
        if code.startswith("g = "):
            exec(code, namespace)  # noqa: S102 - the README's own code
            value = namespace["g"]
        else:
            value = eval(code, namespace)  # noqa: S307 - the README's own code
        assert CHECKS[code](value, namespace["g"]), f"{code}  # {comment}"
    assert json.loads(namespace["g"].report("json"))["evidence"] == ["factual"]
