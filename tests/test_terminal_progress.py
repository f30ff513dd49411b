"""The build's progress on a real terminal (issue 16.7): a loading phase, then a count out of the corpus size and an ETA.

``diplograph build`` runs as a real process with its stderr on a
pseudo-terminal (so rich sees a terminal); what it draws there is read back.
Off a terminal nothing is drawn (the CLI tests check stderr stays empty).
"""

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _stderr_on_a_terminal(args, timeout=300):
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "160", "TERM": "xterm-256color"}
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], timeout)
        if not ready:
            process.kill()
            raise AssertionError("the build drew nothing for too long")
        try:
            data = os.read(leader, 65536)
        except OSError:  # the process closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=timeout)
    os.close(leader)
    return process.returncode, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode("utf-8", "replace"))


def test_progress_shows_the_loading_phase_the_total_and_an_eta(tmp_path):
    code, drawn = _stderr_on_a_terminal(
        [sys.executable, "-m", "diplograph", "build", str(EXAMPLES), "--out", str(tmp_path / "out"), "--no-cache"]
    )
    assert code == 0, drawn
    assert "loading the dictionaries and the model" in drawn
    assert re.search(r"extracting .*\d/8 docs", drawn), drawn
    assert "ETA" in drawn and "docs/s" in drawn
    assert "writing the outputs" in drawn


def test_corpus_size_is_known_when_cheap(tmp_path):
    from diplograph.exports.progress import corpus_size

    assert corpus_size(EXAMPLES) == 8
    (tmp_path / "feed.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    assert corpus_size(tmp_path / "feed.jsonl") == 2
    (tmp_path / "one.txt").write_text("x", encoding="utf-8")
    assert corpus_size(tmp_path / "one.txt") == 1 and corpus_size("-") == 1
    (tmp_path / "feed.csv").write_text("text\na\n", encoding="utf-8")
    assert corpus_size(tmp_path / "feed.csv") is None
