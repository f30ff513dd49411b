"""Kill tests: SIGKILL mid-run never leaves a half-written output, and a rerun completes.

Every output file is either absent or a complete version (the previous build's
or the new one's); temporary ``.name.<pid>-<token>.tmp`` files a killed writer
leaves behind are not outputs and are cleaned by the next write of that file.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from diplograph.base.io import write_jsonl

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
JSONL_OUTPUTS = ("actors.jsonl", "relations.jsonl", "mentions.jsonl", "documents.jsonl", "errors.jsonl")


def _isolated_env(root: Path) -> dict[str, str]:
    """Environment of a child build: its own HOME and cache folders, so runs never share state."""
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "PYTHONUNBUFFERED": "1"}


def _wait_for_line(process: subprocess.Popen, expected: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.strip() == expected:
            return
        if not line and process.poll() is not None:
            raise AssertionError(f"child exited ({process.returncode}) before {expected!r}: {process.stderr.read()}")
    raise AssertionError(f"no {expected!r} within {timeout}s")


def test_kill_while_writing_keeps_the_previous_file(tmp_path):
    """SIGKILL in the middle of write_jsonl: the old file survives byte for byte."""
    target = tmp_path / "relations.jsonl"
    old = [{"n": i, "text": "previous version"} for i in range(50)]
    write_jsonl(target, old)
    before = target.read_bytes()
    script = textwrap.dedent(f"""
        import sys, time
        from diplograph.base.io import write_jsonl
        def records():
            for i in range(100_000):
                if i == 5_000:
                    print("writing", flush=True)
                    time.sleep(600)
                yield {{"n": i, "text": "new version " * 10}}
        write_jsonl({str(target)!r}, records())
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_line(child, "writing")
        leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(leftovers) == 1 and leftovers[0].stat().st_size > 0  # the half-written temp file
    finally:
        child.kill()
        child.wait(timeout=30)
    assert target.read_bytes() == before
    new = [{"n": i, "text": "next"} for i in range(3)]
    write_jsonl(target, new)  # the next write removes the dead writer's temp file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relations.jsonl"]
    assert [json.loads(line) for line in target.read_text("utf-8").splitlines()] == new


# --------------------------------------------------------------------------- a whole build, killed mid-run

def _corpus(path: Path, copies: int, *, changed: bool) -> Path:
    """A JSONL corpus of ``copies`` × the example files with varied ids (the changed version edits and adds)."""
    files = sorted(EXAMPLES.glob("*.txt"))
    lines = []
    for copy in range(copies + (1 if changed else 0)):
        for file in files:
            text = file.read_text("utf-8")
            if changed and copy == 0:
                text = text.replace("\n\n", "\n\nPutin met Macron in Paris.\n\n", 1)
            lines.append(json.dumps({"id": f"batch{copy:03d}/{file.name}", "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _build(corpus: Path, out: Path, root: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "diplograph", "build", str(corpus), "--out", str(out), "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root, env=_isolated_env(root),
    )


def _finish(process: subprocess.Popen) -> None:
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr


def _outputs(out: Path) -> dict[str, bytes | None]:
    return {name: (out / name).read_bytes() if (out / name).exists() else None for name in JSONL_OUTPUTS}


def _reading_position(process: subprocess.Popen, corpus: Path) -> int | None:
    """Byte offset the child has read the corpus to (Linux /proc), or None when it has not opened it."""
    fd_dir = Path(f"/proc/{process.pid}/fd")
    try:
        for fd in fd_dir.iterdir():
            if os.readlink(fd) == str(corpus):
                info = Path(f"/proc/{process.pid}/fdinfo/{fd.name}").read_text()
                return int(info.split("pos:")[1].split()[0])
    except (OSError, IndexError, ValueError):
        return None
    return None


def _cache_entries(out: Path) -> int:
    return sum(1 for _ in (out / ".cache").glob("*/*/*.json"))


def _kill_mid_run(process: subprocess.Popen, corpus: Path, out: Path, seconds: float, timeout: float = 120) -> int:
    """SIGKILL once the child has finished a few documents (cache entries appear) or has been
    reading the corpus (Linux /proc; elsewhere after a few seconds) for half of ``seconds``,
    the time an uninterrupted extraction takes.

    Returns how many cache entries existed when the child was killed.
    """
    deadline = time.monotonic() + timeout
    fallback = time.monotonic() + 8
    reading_since = None
    while process.poll() is None and time.monotonic() < deadline:
        if _cache_entries(out) >= 3:
            break
        if reading_since is None and (_reading_position(process, corpus) or 0) > 0:
            reading_since = time.monotonic()
        if reading_since is not None and time.monotonic() - reading_since > seconds / 2:
            break
        if not Path("/proc/self/fdinfo").is_dir() and time.monotonic() > fallback:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return _cache_entries(out)


def _build_in_process(corpus: Path, out: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> float:
    """An uninterrupted build in this process (saves a child's start-up), isolated like a child.

    Returns the seconds the build took.
    """
    from diplograph.pipeline.build import build_result
    from diplograph.pipeline.output import write_outputs

    root.mkdir(parents=True, exist_ok=True)
    with monkeypatch.context() as patch:
        patch.chdir(root)
        for key, value in _isolated_env(root).items():
            if key in ("HOME", "XDG_CACHE_HOME"):
                patch.setenv(key, value)
        result = build_result(corpus)
        assert not result.errors
        write_outputs(result, out)
    return result.stats["seconds"]


@pytest.mark.slow
@pytest.mark.model
def test_killed_build_leaves_complete_outputs_and_a_rerun_finishes(tmp_path, monkeypatch):
    root = tmp_path
    corpus_v1 = _corpus(root / "v1.jsonl", 3, changed=False)
    corpus_v2 = _corpus(root / "v2.jsonl", 3, changed=True)
    out = root / "out"

    _build_in_process(corpus_v1, out, root / "run1", monkeypatch)
    first = _outputs(out)
    assert None not in first.values() and first["relations.jsonl"].count(b"\n") > 20
    seconds = _build_in_process(corpus_v2, root / "fresh", root / "run2", monkeypatch)
    second = _outputs(root / "fresh")
    assert second["relations.jsonl"] != first["relations.jsonl"]

    killed = _build(corpus_v2, out, root / "run3")
    done_before_kill = _kill_mid_run(killed, corpus_v2, out, seconds)
    assert killed.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    for name, content in _outputs(out).items():
        assert content in (first[name], second[name]), f"{name} is neither the old nor the new complete version"
        for line in content.decode("utf-8").splitlines():
            json.loads(line)

    _finish(_build(corpus_v2, out, root / "run3"))  # the same isolated home: a resumable build may use its cache
    assert _outputs(out) == second
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    if done_before_kill:  # the CLI keeps a per-document cache: the rerun resumes instead of starting over
        assert manifest["cached"] >= done_before_kill
        assert manifest["processed"] + manifest["cached"] == manifest["documents"]
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.slow
@pytest.mark.model
def test_ctrl_c_mid_build_exits_130_without_a_traceback(tmp_path):
    corpus = _corpus(tmp_path / "corpus.jsonl", 2, changed=False)
    out = tmp_path / "out"
    process = _build(corpus, out, tmp_path / "run")
    deadline = time.monotonic() + 120
    while process.poll() is None and not _reading_position(process, corpus) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == (
        "interrupted: outputs already written are complete; partial files were discarded"
    )
    assert "Traceback" not in stderr
    for name, content in _outputs(out).items():
        assert content is None or all(json.loads(line) for line in content.decode("utf-8").splitlines()), name
