"""Determinism: the same corpus and settings give byte-identical outputs across runs, hash seeds and workers.

Each build runs in its own process with a different ``PYTHONHASHSEED`` (set
and dict iteration orders differ between them) and its own HOME and working
folder, so no cache is shared between runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COMPARED = ("actors.jsonl", "relations.jsonl", "mentions.jsonl", "documents.jsonl", "errors.jsonl")


def _build(corpus: Path, root: Path, *, seed: int, workers: int = 1) -> dict[str, bytes]:
    root.mkdir(parents=True)
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "HOME": str(root), "XDG_CACHE_HOME": str(root / ".cache")}
    process = subprocess.run(
        [sys.executable, "-m", "diplograph", "build", str(corpus), "--out", str(root / "out"), "--quiet",
         "--workers", str(workers)],
        capture_output=True, text=True, cwd=root, env=env, timeout=300,
    )
    assert process.returncode == 0, process.stderr
    return {name: (root / "out" / name).read_bytes() for name in COMPARED}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The examples plus a copy with a different id, so actors merge across documents."""
    folder = tmp_path_factory.mktemp("corpus")
    for file in sorted(EXAMPLES.glob("*.txt")):
        (folder / file.name).write_bytes(file.read_bytes())
    (folder / "copy").mkdir()
    (folder / "copy" / "alaska.txt").write_bytes((EXAMPLES / "01_alaska_summit.txt").read_bytes())
    return folder


def test_two_runs_with_different_hash_seeds_are_byte_identical(corpus, tmp_path):
    first = _build(corpus, tmp_path / "a", seed=1)
    second = _build(corpus, tmp_path / "b", seed=2)
    assert first["relations.jsonl"].count(b"\n") > 10
    for name in COMPARED:
        assert first[name] == second[name], name
    parallel = _build(corpus, tmp_path / "c", seed=3, workers=2)
    for name in COMPARED:
        assert parallel[name] == first[name], f"{name} differs with --workers 2"
