"""Clear errors instead of tracebacks (issue 17.6, the graph, export and command-line parts).

A filter of the wrong type, a ``k`` that is not a number, and an output path
that is a folder each give one line naming what is wrong.
"""

import datetime as dt

import pytest
from typer.testing import CliRunner

from diplograph.base.errors import ConfigError, DiplographError, LookupFailed, OutputError
from diplograph.base.models import Actor, Relation
from diplograph.cli import app
from diplograph.exports.formats import export
from diplograph.exports.html import write_html
from diplograph.graph.relation_graph import RelationGraph


@pytest.fixture(scope="module")
def g():
    actors = [Actor(id="atlantis", name="Atlantis", type="state"), Actor(id="borduria", name="Borduria", type="state")]
    relations = [Relation(id="r1", doc="d", sentence=0, source="atlantis", target="borduria", relation="attacks",
                          date=dt.date(2025, 1, 1), evidence="x", span=(0, 1))]  # fmt: skip
    return RelationGraph.from_records(actors, relations)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda g: g.relations(source=123), ConfigError, "source=123: give a name"),
        (lambda g: g.relations(target=["atlantis", 7]), ConfigError, "every name must be a string, got 7"),
        (lambda g: g.relations(relation=5), ConfigError, "relation=5"),
        (lambda g: g.relations(actor={"a": 1}), ConfigError, "actor="),
        (lambda g: g.relations(since=["2025-01-01"]), ConfigError, "is not a date"),
        (lambda g: g.centrality(k="x"), ConfigError, "k='x' must be a whole number"),
        (lambda g: g.centrality(k=1.5), ConfigError, "k=1.5"),
        (lambda g: g.centrality(k=0), ConfigError, "k=0 must be a positive"),
        (lambda g: g.neighbors(42), LookupFailed, "must be a non-empty string"),
        (lambda g: g.centrality(modality="maybe"), ConfigError, "unknown modality 'maybe'"),
        (lambda g: g.report(top="10"), ConfigError, "top='10' must be at least 1"),
    ],
)
def test_bad_arguments_are_one_line_errors(g, call, error, message):
    with pytest.raises(error) as caught:
        call(g)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_exports_refuse_an_output_of_the_wrong_kind(g, tmp_path):
    with pytest.raises(OutputError, match="is a folder, not a file"):
        write_html(g, tmp_path)
    with pytest.raises(OutputError, match="is a folder, not a file"):
        export(g, tmp_path, "gexf")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(OutputError, match="is a file; this export writes a folder"):
        export(g, tmp_path / "file.txt", "csv")
    assert issubclass(OutputError, DiplographError)


@pytest.mark.parametrize(
    "args",
    [["html", "{out}", "-o", "{dir}"], ["report", "{out}", "-o", "{dir}"], ["export", "{out}", "-f", "gexf", "-o", "{dir}"]],
)
def test_cli_output_that_is_a_folder_is_a_usage_error(g, tmp_path, args):
    out = g.save(tmp_path / "out")
    folder = tmp_path / "existing"
    folder.mkdir()
    result = CliRunner().invoke(app, [a.format(out=out, dir=folder) for a in args])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {folder}: is a folder, not a file") and result.stderr.count("\n") == 1
