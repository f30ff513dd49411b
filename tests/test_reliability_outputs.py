"""The output folder changes as one set (issue 17, item 1): readers see the previous build or the new
one, never a mix — after a disk error mid-write, a kill -9 at any point, or a second build into the
same folder (which fails at once, on one line, while the first one finishes).

The writes are driven by hand-made build results (no model), in forked children killed by real
signals; the concurrent-build test runs real builds.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import diplograph
from diplograph.base.errors import DocumentError
from diplograph.base.models import Actor, Mention, Relation, relation_id

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and POSIX signals")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FILES = ("actors.jsonl", "relations.jsonl", "mentions.jsonl", "documents.jsonl", "errors.jsonl", "graph.html",
         "report.md", "manifest.json")


def _result(tag: str, size: int, mentions: int = 50):
    """A build result of ``size`` actors named after ``tag`` (so every file tells which build wrote it)."""
    from diplograph.graph.relation_graph import RelationGraph
    from diplograph.pipeline.build import BuildResult

    doc = f"{tag}.txt"
    actors = [Actor(id=f"{tag}-{i}", name=f"{tag.title()} {i}", type="state") for i in range(size)]
    relations = [
        Relation(id=relation_id(doc, a.id, "meets", b.id, "asserted"), doc=doc, sentence=i, source=a.id, target=b.id,
                 relation="meets", evidence=f"{a.name} met {b.name}.", span=(0, 10))
        for i, (a, b) in enumerate(zip(actors, actors[1:]))
    ]
    found = [Mention(actor=actors[i % size].id, doc=doc, sentence=i, span=(0, 5), text=f"{tag} mention {i:06d}")
             for i in range(mentions)]
    graph = RelationGraph.from_records(actors, relations)
    stats = {"documents": 1, "actors": size, "relations": len(relations), "seconds": 0.0}
    return BuildResult(graph=graph, mentions=found, documents=[{"id": doc, "title": tag, "date": None, "chars": 10}],
                       errors=[DocumentError(doc, f"{tag} warning", warning=True)], stats=stats)


def _snapshot(folder: Path) -> dict[str, object]:
    """What a reader of ``folder/<file>`` sees (the manifest without its build time)."""
    seen: dict[str, object] = {}
    for name in FILES:
        path = folder / name
        if not path.exists():
            seen[name] = None
        elif name == "manifest.json":
            seen[name] = {k: v for k, v in json.loads(path.read_text("utf-8")).items() if k != "built"}
        else:
            seen[name] = path.read_bytes()
    return seen


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """The old and the new output set, each written alone into a fresh folder, and the results."""
    from diplograph.pipeline.output import write_outputs

    old, new = _result("old", 12), _result("new", 30, mentions=3_000)
    root = tmp_path_factory.mktemp("sets")
    write_outputs(old, root / "old")
    write_outputs(new, root / "new")
    return {"old": _snapshot(root / "old"), "new": _snapshot(root / "new"), "results": (old, new),
            "pristine": root / "old"}


def _which(seen: dict[str, object], sets) -> str:
    for name in ("old", "new"):
        if seen == sets[name]:
            return name
    mixed = {file: ("old" if value == sets["old"][file] else "new" if value == sets["new"][file] else "neither")
             for file, value in seen.items()}
    raise AssertionError(f"the folder holds a mix of two builds: {mixed}")


def _fresh_out(tmp_path: Path, sets, *, legacy: bool = False) -> Path:
    """A copy of the old build's folder, with a user file and a cache beside the outputs."""
    out = tmp_path / "out"
    shutil.copytree(sets["pristine"], out, symlinks=True)
    if legacy:  # a folder as builds before generations wrote it: plain files
        for name in (*FILES, "inputs"):
            path = out / name
            if path.is_symlink():
                target = path.resolve()
                path.unlink()
                (shutil.copytree if target.is_dir() else shutil.copyfile)(target, path)
        for name in (".current", ".builds", ".lock"):
            path = out / name
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir():
                shutil.rmtree(path)
    (out / "notes.md").write_text("my notes\n", encoding="utf-8")
    (out / ".cache" / "v").mkdir(parents=True)
    (out / ".cache" / "v" / "entry.json").write_text("{}", encoding="utf-8")
    return out


def _user_files_intact(out: Path) -> None:
    assert (out / "notes.md").read_text("utf-8") == "my notes\n"
    assert (out / ".cache" / "v" / "entry.json").read_text("utf-8") == "{}"


def _fork(work) -> int:
    """Run ``work()`` in a forked child that never returns into pytest; return its pid."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - report and leave
            sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
            code = 3
        finally:
            os._exit(code)
    return pid


# --------------------------------------------------------------------------- kill -9 at every step

_MUTATIONS = ("replace", "rename", "symlink", "link", "unlink", "rmdir", "mkdir")


def _kill_at(step: int, out: Path, new) -> bool:
    """Write ``new`` into ``out`` in a child that is SIGKILLed at its ``step``-th point (just before or
    just after a file-system change); returns False when the write has fewer points (it then finished)."""
    from diplograph.pipeline.output import write_outputs

    read, write = os.pipe()

    def work() -> None:
        os.close(read)
        count = 0
        for name in _MUTATIONS:
            original = getattr(os, name)

            def wrapped(*args, _original=original, **kwargs):
                nonlocal count
                count += 1  # odd steps: just before a change, even steps: just after it
                if count == step:
                    os.write(write, b"k")
                    time.sleep(600)
                done = _original(*args, **kwargs)
                count += 1
                if count == step:
                    os.write(write, b"k")
                    time.sleep(600)
                return done

            setattr(os, name, wrapped)
        write_outputs(new, out)

    pid = _fork(work)
    os.close(write)
    reached = os.read(read, 1) == b"k"  # b"" when the child finished before that step
    os.close(read)
    if reached:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert not reached or os.WIFSIGNALED(status), "the child was not killed"
    assert reached or os.WEXITSTATUS(status) == 0, "the write failed"
    return reached


@pytest.mark.slow
@pytest.mark.parametrize("legacy", [False, True], ids=["generations", "plain-files-folder"])
def test_kill_9_at_any_step_leaves_the_old_set_or_the_new_one(tmp_path, sets, legacy):
    from diplograph.pipeline.output import write_outputs

    old, new = sets["results"]
    seen = []
    for step in range(1, 400):
        out = _fresh_out(tmp_path / f"step{step}", sets, legacy=legacy)
        if not _kill_at(step, out, new):
            assert _which(_snapshot(out), sets) == "new"
            break
        seen.append(_which(_snapshot(out), sets))  # every file from one build
        graph = diplograph.load(out)  # and it loads: relations point at actors of the same build
        assert {a.id.split("-")[0] for a in graph.iter_actors()} == {seen[-1]}
        _user_files_intact(out)
        if step % 6 == 0:  # the next build completes and cleans up after the killed one (checked now and then: slow)
            write_outputs(new, out)
            assert _which(_snapshot(out), sets) == "new"
            assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
            assert len(list((out / ".builds").iterdir())) <= 2
            _user_files_intact(out)
    assert seen and seen[0] == "old" and seen[-1] == "new", seen  # killed before and after the swap


# --------------------------------------------------------------------------- disk error mid-write

def test_a_disk_error_mid_write_keeps_the_old_set_whole(tmp_path, sets):
    import resource

    from diplograph.pipeline.output import write_outputs

    old, new = sets["results"]
    out = _fresh_out(tmp_path, sets)
    read, write = os.pipe()

    def work() -> None:
        os.close(read)
        limit = 100_000  # actors.jsonl fits, mentions.jsonl does not (ulimit -f)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        try:
            write_outputs(new, out)
        except Exception as exc:
            os.write(write, str(exc).encode())
            raise

    pid = _fork(work)
    os.close(write)
    message = b"".join(iter(lambda: os.read(read, 4096), b"")).decode()
    os.close(read)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 3
    assert message.endswith("mentions.jsonl: cannot write (File too large)") and "\n" not in message
    assert _which(_snapshot(out), sets) == "old"
    assert diplograph.load(out).iter_actors().__next__().id.startswith("old-")
    _user_files_intact(out)
    write_outputs(new, out)
    assert _which(_snapshot(out), sets) == "new"


# --------------------------------------------------------------------------- readers during swaps

def test_load_never_mixes_two_builds_while_they_are_swapped(tmp_path, sets):
    from diplograph.pipeline.output import write_outputs

    old, new = sets["results"]
    out = _fresh_out(tmp_path, sets)

    def work() -> None:
        for turn in range(40):
            write_outputs(new if turn % 2 == 0 else old, out, html=False, report=False)

    pid = _fork(work)
    loads, status = 0, None
    while status is None:
        graph = diplograph.load(out)
        tags = {a.id.split("-")[0] for a in graph.iter_actors()}
        assert len(tags) == 1 and len(graph.relations()) == (11 if tags == {"old"} else 29)
        loads += 1
        done, code = os.waitpid(pid, os.WNOHANG)
        status = code if done else None
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and loads > 5


# --------------------------------------------------------------------------- two builds into one folder

def _env(root: Path) -> dict[str, str]:
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "PYTHONUNBUFFERED": "1"}


def _jsonl_corpus(path: Path, copies: int) -> Path:
    lines = [json.dumps({"id": f"a{copy:03d}/{file.name}", "text": file.read_text("utf-8")})
             for copy in range(copies) for file in sorted(EXAMPLES.glob("*.txt"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _reading(process: subprocess.Popen, corpus: Path) -> bool:
    try:
        return any(os.readlink(fd) == str(corpus) for fd in Path(f"/proc/{process.pid}/fd").iterdir())
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="watches the first build through /proc")
def test_a_second_build_into_the_same_folder_fails_at_once_and_the_first_finishes(tmp_path):
    corpus = _jsonl_corpus(tmp_path / "first.jsonl", 12)
    small = tmp_path / "small"
    small.mkdir()
    (small / "b.txt").write_text("Macron met Zelenskyy in Paris.\n", encoding="utf-8")
    out = tmp_path / "out"
    first = subprocess.Popen(
        [sys.executable, "-c", f"import diplograph; diplograph.build({str(corpus)!r}, out={str(out)!r})"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=_env(tmp_path / "first"),
    )
    try:
        deadline = time.monotonic() + 120
        while not _reading(first, corpus) and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.poll() is None, first.communicate()
        script = textwrap.dedent(f"""
            import sys, diplograph
            try:
                diplograph.build({str(small)!r}, out={str(out)!r})
            except diplograph.DiplographError as exc:
                print(exc)
                models = [name for name in sys.modules if name.startswith("en_core_web")]
                print("model loaded" if models else "model not loaded")  # it failed before any extraction
                sys.exit(2)
        """)
        api = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                             env=_env(tmp_path / "api"), timeout=300)
        cli = subprocess.run([sys.executable, "-m", "diplograph", "build", str(small), "--out", str(out), "--quiet"],
                             capture_output=True, text=True, cwd=tmp_path, env=_env(tmp_path / "cli"), timeout=300)
        assert first.poll() is None, "the first build ended before the second ones tried"
        stdout, stderr = first.communicate(timeout=600)
    finally:
        if first.poll() is None:
            first.kill()
    message = f"{out}: another build (pid {first.pid}) is writing this folder; wait for it to finish or choose another --out"
    assert (api.returncode, api.stdout.splitlines()) == (2, [message, "model not loaded"]), api.stderr
    assert cli.returncode == 2 and cli.stderr.splitlines() == [f"error: {message}"], cli.stderr
    assert first.returncode == 0, stderr
    documents = [json.loads(line)["id"] for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    assert len(documents) == 12 * len(list(EXAMPLES.glob("*.txt"))) and "b.txt" not in documents
    assert _snapshot(out)["manifest.json"]["documents"] == len(documents)


def test_without_symlinks_files_are_replaced_one_by_one(tmp_path, sets, monkeypatch):
    """A file system that refuses symlinks (FAT, Windows without the privilege) still gets every file."""
    import errno

    from diplograph.pipeline.output import write_outputs

    old, new = sets["results"]

    def no_symlinks(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", no_symlinks)
    out = tmp_path / "out"
    write_outputs(old, out)
    assert _which(_snapshot(out), sets) == "old" and not (out / "actors.jsonl").is_symlink()
    write_outputs(new, out)
    assert _which(_snapshot(out), sets) == "new"
    assert list((out / ".builds").iterdir()) == [] and diplograph.load(out).iter_actors().__next__().id.startswith("new-")
