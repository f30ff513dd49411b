"""Worker processes die with their build (issue 17, item 2): real builds with ``--workers 2``, real signals.

SIGTERM stops the build as Ctrl-C does (exit 130, one line, workers stopped); after a kill -9 of the
parent the workers notice and exit within 5 s, releasing the stderr pipe a caller may be reading.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="finds the workers through /proc (Linux)"),
]

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: The promise: workers are gone this long after their parent was killed.
GONE_WITHIN = 5.0


def _state(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None when it no longer exists."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return fields[0], int(fields[1])


def _running(pid: int) -> bool:
    state = _state(pid)
    return state is not None and state[0] not in ("Z", "X")  # a zombie has exited: nobody reaped it yet


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            state = _state(int(entry.name))
            if state is not None and state[1] == pid and state[0] not in ("Z", "X"):
                found.append(int(entry.name))
    return found


@pytest.fixture
def corpus(tmp_path) -> Path:
    lines = [json.dumps({"id": f"c{copy:03d}/{file.name}", "text": file.read_text("utf-8")})
             for copy in range(30) for file in sorted(EXAMPLES.glob("*.txt"))]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _start(corpus: Path, tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    """A ``build --workers 2`` in its own session, once both workers are busy; returns it and the workers."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "PYTHONUNBUFFERED": "1"}
    build = subprocess.Popen(
        [sys.executable, "-m", "diplograph", "build", str(corpus), "--out", str(tmp_path / "out"), "--workers", "2",
         "--quiet", "--no-cache"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while len(_children(build.pid)) < 2 and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(build.pid)
    assert len(workers) == 2, (build.poll(), build.stderr.read() if build.poll() is not None else "")
    time.sleep(3)  # loading the model, then parsing
    assert build.poll() is None and all(map(_running, workers)), "the build ended too early to be stopped"
    return build, workers


def _stderr_closes(build: subprocess.Popen, timeout: float) -> bytes | None:
    """stderr read to its end (every writer closed it) within ``timeout``, or None."""
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(build.stderr.read()), daemon=True)
    reader.start()
    reader.join(timeout)
    return None if reader.is_alive() else chunks[0]


def _gone_within(workers: list[int], timeout: float) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(map(_running, workers)):
        time.sleep(0.05)
    return [pid for pid in workers if _running(pid)]


def _clean_up(build: subprocess.Popen, workers: list[int]) -> None:
    """Never leave a 240 MB worker behind, whatever the test found."""
    for pid in workers:
        if _running(pid):
            os.kill(pid, signal.SIGKILL)
    if build.poll() is None:
        build.kill()
    build.wait(timeout=30)


def test_workers_exit_within_5_s_of_a_kill_9_of_their_build(corpus, tmp_path):
    build, workers = _start(corpus, tmp_path)
    try:
        build.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        assert _gone_within(workers, GONE_WITHIN) == [], "workers still running after their build was killed"
        assert _stderr_closes(build, GONE_WITHIN - (time.monotonic() - killed) + 0.5) is not None, "stderr held open"
        assert build.wait(timeout=5) == -signal.SIGKILL
    finally:
        _clean_up(build, workers)


def test_sigterm_stops_the_build_and_its_workers_like_ctrl_c(corpus, tmp_path):
    build, workers = _start(corpus, tmp_path)
    try:
        build.send_signal(signal.SIGTERM)
        stderr = _stderr_closes(build, 15)
        assert stderr is not None, "stderr held open after SIGTERM"
        assert build.wait(timeout=15) == 130
        assert _gone_within(workers, 1) == []
        lines = stderr.decode("utf-8", "replace").strip().splitlines()
        assert lines == ["interrupted: outputs already written are complete; partial files were discarded"], lines
    finally:
        _clean_up(build, workers)
