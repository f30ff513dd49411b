"""An output folder that changes as a whole: build generations, one atomic pointer, and a lock.

Each build writes its complete output set (every file of the output contract, ``inputs/``
included) into a fresh generation folder, then makes it current with a single atomic rename
of a symlink. The user-facing paths are fixed symlinks through that pointer::

    OUT/actors.jsonl  -> .current/actors.jsonl       (every contract file, and inputs/)
    OUT/.current      -> .builds/<generation>         replaced by one rename: the commit point
    OUT/.builds/<generation>/                         one complete output set per build
    OUT/.lock                                         held (flock) by the build writing OUT
    OUT/.cache/, your own files                       never touched by the swap

So a reader finds the old set or the new set, never a mix, whatever happens to the writer
(disk full, ``ulimit -f``, kill -9): an unfinished generation is simply never pointed to, and
the next build deletes it. A reader of several files resolves ``.current`` once
(:func:`current_generation`; :func:`~diplograph.pipeline.output.load` does) and reads from
there. The current and the previous generation are kept, so a reader that resolved the old
pointer just before a swap can finish; older ones are deleted by the next build.

A folder written before generations (plain files) is adopted on its first rebuild: its files
are hard-linked into a generation of their own, the fixed links are laid over them (same
contents), and only then is the new set swapped in. Where the file system has no symlinks,
files are replaced one by one instead (each atomically, the set not).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import threading
from collections.abc import Iterable
from multiprocessing.util import register_after_fork
from pathlib import Path

from diplograph.base.errors import OutputError
from diplograph.base.io import atomic_symlink, ensure_dir, sync_dir

__all__ = [
    "BUILDS_FOLDER", "CURRENT_LINK", "LOCK_FILE", "OutputLock", "output_lock", "current_generation",
    "new_generation", "prepare_links", "publish", "discard",
]

BUILDS_FOLDER = ".builds"
CURRENT_LINK = ".current"
LOCK_FILE = ".lock"


def _holder() -> str:
    return f"{os.getpid()} {threading.get_ident()}"


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks: build unguarded (each swap is still atomic)
        return True
    return True


class OutputLock:
    """An exclusive lock on an output folder (``OUT/.lock``), held while a build writes into it.

    The operating system drops the lock when the holder exits, however it exits (kill -9
    included), so there is never a stale lock to remove. Taking it again in the same thread
    while it is held is a no-op, so :func:`~diplograph.pipeline.build.build` can hold it for
    the whole build and :func:`~diplograph.pipeline.output.write_outputs` take it too.
    Worker processes forked while it is held close their copy.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        folder = ensure_dir(self.folder)
        try:
            fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(f"{folder}: cannot create the build lock {LOCK_FILE} ({exc.strerror or exc})") from None
        if not _try_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            if holder == _holder():
                return self  # already ours: nested
            pid = f" (pid {holder.split()[0]})" if holder else ""
            raise OutputError(
                f"{folder}: another build{pid} is writing this folder; wait for it to finish or choose another --out"
            )
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, _holder().encode("ascii"))
        self._fd = fd
        register_after_fork(self, OutputLock._close_in_child)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        os.close(self._fd)  # releases the lock
        self._fd = None

    def _close_in_child(self) -> None:
        """In a forked worker: drop the inherited descriptor (the parent keeps the lock)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 100).decode("ascii", "replace").strip()
    except OSError:
        return ""


def output_lock(folder: str | os.PathLike[str]) -> OutputLock:
    """The lock of an output folder, to hold with ``with`` for a whole build.

    Raises (on entering):
        OutputError: another build holds it (one line naming the folder), or it cannot be created.
    """
    return OutputLock(folder)


def current_generation(folder: str | os.PathLike[str]) -> Path:
    """The folder holding the output set to read now: ``OUT/.current`` resolved once, or ``OUT`` itself
    for a folder written before generations (or without symlinks)."""
    path = Path(folder)
    try:
        target = os.readlink(path / CURRENT_LINK)
    except OSError:  # no pointer, or not a symlink
        return path
    return path / target


def new_generation(folder: Path) -> Path:
    """A fresh, empty generation folder for the next output set."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    generation = ensure_dir(folder / BUILDS_FOLDER) / f"{stamp}-{os.getpid()}-{secrets.token_hex(3)}"
    try:
        generation.mkdir()
    except OSError as exc:
        raise OutputError(f"{generation}: cannot create ({exc.strerror or exc})") from None
    return generation


def discard(generation: Path) -> None:
    """Delete an unfinished generation (never the current one)."""
    shutil.rmtree(generation, ignore_errors=True)


def prepare_links(folder: Path, names: Iterable[str]) -> bool:
    """Lay the fixed links ``OUT/<name> -> .current/<name>`` (adopting a folder of plain files first).

    Returns False when the file system has no symlinks (files are then replaced one by one).
    """
    names = tuple(names)
    try:
        if not (folder / CURRENT_LINK).is_symlink() and any((folder / n).exists() for n in names):
            _adopt(folder, names)
        for name in names:
            _link(folder, name)
    except NotImplementedError:
        return False
    return True


def _adopt(folder: Path, names: tuple[str, ...]) -> None:
    """Make the plain files of an older folder a generation of their own, and point ``.current`` at it."""
    generation = new_generation(folder)
    for name in names:
        source = folder / name
        if source.is_symlink() or not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, generation / name, copy_function=_link_or_copy)
        else:
            _link_or_copy(source, generation / name)
    sync_dir(generation)
    try:
        atomic_symlink(folder / CURRENT_LINK, f"{BUILDS_FOLDER}/{generation.name}")
    except BaseException:
        discard(generation)
        raise


def _link_or_copy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _link(folder: Path, name: str) -> None:
    path, target = folder / name, f"{CURRENT_LINK}/{name}"
    with contextlib.suppress(OSError):
        if os.readlink(path) == target:
            return
    if path.is_dir() and not path.is_symlink():  # the inputs/ folder of an older build: adopted already
        aside = folder / BUILDS_FOLDER / f".old-{name}-{secrets.token_hex(3)}"
        os.rename(path, aside)
        shutil.rmtree(aside, ignore_errors=True)
    atomic_symlink(path, target)


def publish(folder: Path, generation: Path, names: Iterable[str], *, links: bool = True) -> None:
    """Make ``generation`` the current output set (one atomic rename), then delete older generations.

    Keeps the generation it replaces, for readers that resolved the pointer just before.
    """
    sync_dir(generation)
    if not links:
        _publish_by_copy(folder, generation, names)
        return
    previous = current_generation(folder).name
    atomic_symlink(folder / CURRENT_LINK, f"{BUILDS_FOLDER}/{generation.name}")
    keep = {generation.name, previous}
    with contextlib.suppress(OSError), os.scandir(folder / BUILDS_FOLDER) as entries:
        for entry in list(entries):
            if entry.name not in keep:
                discard(Path(entry.path))


def _publish_by_copy(folder: Path, generation: Path, names: Iterable[str]) -> None:
    """Without symlinks: move each file of ``generation`` over its name in ``folder`` (each atomic)."""
    for name in names:
        source, target = generation / name, folder / name
        if source.is_dir():
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            os.replace(source, target)
        elif source.exists():
            os.replace(source, target)
    sync_dir(folder)
    discard(generation)
