"""What the command line prints (issues 16.7 and 17.3): strict JSON, tables that fit a pipe, corpus text never interpreted.

* ``--json`` is strict JSON: a missing speaker is ``null``, never ``NaN``;
* off a terminal, tables are plain columns, one row a line; ``--csv`` for scripts;
* rich markup (``[/bold]``, ``[blink]``) and control characters (``\\x1b[2J``)
  from the corpus are printed as text, never obeyed, in every table;
* ``--since`` after ``--until`` is a usage error, not an empty table.
"""

import csv
import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from diplograph.base.errors import ConfigError
from diplograph.base.models import Actor, Relation
from diplograph.cli import app
from diplograph.graph.relation_graph import RelationGraph

HOSTILE_NAME = "Evil [/bold] Corp"
HOSTILE_TEXT = "[bold red blink]ALERT[/] Evil Corp threatened Atlantis \x1b[2J\x1b]0;owned\x07 at dawn."
BOXES = set("│┃━─┏┓└┘╭╮╰╯")


def _reject_nan(token):
    raise AssertionError(f"not strict JSON: {token}")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    actors = [
        Actor(id="evil-corp", name=HOSTILE_NAME, type="organization"),
        Actor(id="atlantis", name="Atlantis", type="state"),
        Actor(id="borduria", name="Borduria", type="state"),
    ]
    relations = [
        Relation(id="r1", doc="wire-1", sentence=0, source="evil-corp", target="atlantis", relation="threatens",
                 date=dt.date(2025, 8, 1), evidence=HOSTILE_TEXT, span=(0, 10)),
        Relation(id="r2", doc="wire-2", sentence=0, source="borduria", target="atlantis", relation="meets",
                 date=dt.date(2025, 8, 2), evidence="Borduria met Atlantis.", span=(0, 10), attributed_to="atlantis"),
    ]  # fmt: skip
    return RelationGraph.from_records(actors, relations).save(tmp_path_factory.mktemp("t") / "out")


def _run(*args):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_json_is_strict(folder):
    result = _run("query", str(folder), "--json")
    assert result.exit_code == 0
    rows = [json.loads(line, parse_constant=_reject_nan) for line in result.stdout.splitlines()]
    assert [r["attributed_to_name"] for r in rows] == [None, "Atlantis"]
    assert rows[0]["evidence"] == HOSTILE_TEXT and rows[0]["date"] == "2025-08-01"


def test_tables_off_a_terminal_are_plain_columns_one_row_a_line(folder):
    result = _run("query", str(folder))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2 relations"
    assert lines[1].split() == ["date", "source", "relation", "target", "polarity", "modality", "cameo", "doc", "evidence"]
    assert len(lines) == 4 and not BOXES & set(result.stdout)
    assert lines[3].startswith("2025-08-02  Borduria") and lines[3].endswith("Borduria met Atlantis.")
    rows = list(csv.DictReader(io.StringIO(_run("query", str(folder), "--csv").stdout)))
    assert [r["id"] for r in rows] == ["r1", "r2"]


def test_markup_and_control_characters_are_printed_as_text(folder):
    result = _run("query", str(folder))
    assert result.exit_code == 0, result.output
    assert HOSTILE_NAME in result.stdout and "[bold red blink]ALERT[/]" in result.stdout
    assert "\x1b" not in result.stdout and "\\x1b[2J\\x1b]0;owned\\x07" in result.stdout


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_terminal_tables_escape_markup_too():
    import pandas as pd

    from diplograph.exports.terminal import print_table

    frame = pd.DataFrame({"name": [HOSTILE_NAME], "evidence": [HOSTILE_TEXT], "note": [":warning: [link=x]y[/link]"]})
    out = _Terminal()
    print_table(frame, title="[/red] title", file=out)
    text = out.getvalue()
    assert "[/bold]" in text and "[bold red blink]ALERT[/]" in text and "[/red] title" in text
    assert ":warning:" in text and "[link=x]y[/link]" in text
    assert "\x1b[2J" not in text and "\x1b[5m" not in text  # no clear-screen, no blink
    assert "│" in text  # a real rich table


def test_reversed_dates_are_a_usage_error(folder):
    for command in (["query", str(folder)], ["html", str(folder), "-o", str(folder / "g.html")]):
        result = _run(*command, "--since", "2025-09-01", "--until", "2025-08-01")
        assert result.exit_code == 2
        assert result.stderr == "error: --since 2025-09-01 is after --until 2025-08-01: the range is empty (swap them?)\n"
    graph = RelationGraph.load(folder)
    with pytest.raises(ConfigError, match="since=2025-09-01 is after until=2025-08-01"):
        graph.relations(since="2025-09-01", until="2025-08-01")


@pytest.mark.model
def test_actors_table_with_markup_in_a_name(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Levchuk met Putin in Kyiv.\n", encoding="utf-8")
    dictionary = tmp_path / "actors.yaml"
    dictionary.write_text(
        'actors:\n  - {id: oksana-levchuk, name: "Oksana [/bold] Levchuk", type: person, country: UKR, '
        "aliases: [Levchuk]}\n",
        encoding="utf-8",
    )
    result = _run("actors", str(tmp_path / "corpus"), "--actors", str(dictionary))
    assert result.exit_code == 0, result.output
    assert "Oksana [/bold] Levchuk" in result.stdout and not BOXES & set(result.stdout)
    rows = [json.loads(line, parse_constant=_reject_nan)
            for line in _run("actors", str(tmp_path / "corpus"), "--actors", str(dictionary), "--json").stdout.splitlines()]
    assert "Oksana [/bold] Levchuk" in {r["name"] for r in rows}
    table = list(csv.DictReader(io.StringIO(
        _run("actors", str(tmp_path / "corpus"), "--actors", str(dictionary), "--csv").stdout)))
    assert "Oksana [/bold] Levchuk" in {r["name"] for r in table}  # fmt: skip
