"""``diplograph build --profile``: the stage time table, in one process and with worker processes."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.base.profile import StageTimes

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: Stages every build of the sample corpus goes through.
STAGES = ("reading", "model load", "tokenize and filter", "parse", "actor resolution", "relation extraction",
          "corpus merge", "writing")
_ROW = re.compile(r"^(?P<stage>[a-z ]+?)\s{2,}(?P<where>this process|workers \(sum\))\s+(?P<seconds>-?\d+\.\d\d)")


def _rows(table: str) -> dict[tuple[str, str], float]:
    rows = {}
    for line in table.splitlines():
        found = _ROW.match(line)
        if found:
            rows[(found["stage"], found["where"])] = float(found["seconds"])
    return rows


def test_nested_stages_count_their_time_once():
    times = StageTimes()
    with times.stage("parse"):
        time.sleep(0.02)
        with times.stage("reading"):
            time.sleep(0.05)
        time.sleep(0.02)
    assert 0.05 <= times.seconds["reading"] < 0.09
    assert 0.04 <= times.seconds["parse"] < 0.08  # the reading inside is not parse time
    times.add_worker({"parse": 1.5})
    times.add_worker({"parse": 0.5, "actor resolution": 0.25})
    assert times.worker_seconds == {"parse": 2.0, "actor resolution": 0.25}
    rows = _rows(times.table(total=1.0))
    assert rows[("reading", "this process")] == pytest.approx(times.seconds["reading"], abs=0.01)
    assert rows[("parse", "workers (sum)")] == 2.0
    assert next(iter(rows)) == ("reading", "this process")  # pipeline order, not insertion order


def test_a_stage_that_raises_is_still_counted():
    times = StageTimes()
    with pytest.raises(ValueError), times.stage("parse"):
        raise ValueError("boom")
    assert times.seconds["parse"] >= 0 and not times._open


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_build_profile_prints_the_stage_table(tmp_path, workers):
    from diplograph.cli import app

    result = CliRunner().invoke(
        app, ["build", str(EXAMPLES), "--out", str(tmp_path / "out"), "--profile", "--workers", str(workers)]
    )
    assert result.exit_code == 0, result.output
    rows = _rows(result.stderr)
    where = "this process" if workers == 1 else "workers (sum)"
    for stage in STAGES:
        place = where if stage in ("model load", "tokenize and filter", "parse", "actor resolution",
                                   "relation extraction") else "this process"
        assert (stage, place) in rows, f"{stage} ({place}) missing from:\n{result.stderr}"
    assert all(seconds >= 0 for seconds in rows.values())
    assert rows[("parse", where)] > 0
    if workers == 2:
        assert ("waiting for workers", "this process") in rows
    assert re.search(r"^total \(wall\)\s+\d+\.\d\d$", result.stderr, re.MULTILINE)


@pytest.mark.model
def test_the_environment_variable_turns_the_profile_on(tmp_path):
    from diplograph.cli import app

    corpus = tmp_path / "one.txt"
    corpus.write_text("Putin met Trump in Alaska on Friday.\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "a")], env={"DIPLOGRAPH_PROFILE": ""})
    profiled = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "b")], env={"DIPLOGRAPH_PROFILE": "1"})
    assert plain.exit_code == profiled.exit_code == 0
    assert "total (wall)" not in plain.stderr
    assert ("parse", "this process") in _rows(profiled.stderr)
