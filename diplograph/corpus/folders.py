"""The boundaries of a corpus folder: which files below it are read, and what is reported instead.

:func:`folder_entries` walks a corpus folder (sorted, recursively) and returns the text files to
read and a :class:`~diplograph.base.errors.DocumentError` for everything it will not read:

* a symlink pointing outside the folder is skipped with a warning (``/etc/passwd`` is not news),
  unless ``follow_symlinks`` is set; a symlink to a folder inside it is not descended (its files
  are read where they live); a symlink loop or a dangling symlink is reported;
* named pipes, sockets and devices are reported, never opened (reading a pipe would block);
* a subfolder that cannot be listed (permissions) is reported: its files are lost.

Entries with a text suffix (the would-be documents) are errors; others are warnings.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from diplograph.base.errors import DocumentError

__all__ = ["folder_entries", "Entry", "special_kind"]

#: A file to read (its path and document id), or why something is not read.
Entry = tuple[Path, str] | DocumentError

_FOLLOW_HINT = "build with --follow-symlinks (follow_symlinks=True) to read it"


def special_kind(mode: int) -> str | None:
    """``"named pipe"``, ``"socket"`` or ``"device"`` for a special file's ``st_mode``; None for files and folders."""
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return None


def folder_entries(root: Path, suffixes: tuple[str, ...], *, follow_symlinks: bool = False) -> list[Entry]:
    """The files below ``root`` whose suffix is in ``suffixes``, sorted, as ``(path, id)`` (the id is the
    path relative to ``root``), and a DocumentError for each entry that is not read."""
    walk = _Walk(Path(os.path.realpath(root)), suffixes, follow_symlinks)
    walk.folder(root, "")
    return walk.found


class _Walk:
    def __init__(self, real_root: Path, suffixes: tuple[str, ...], follow: bool) -> None:
        self.real_root = real_root
        self.suffixes = suffixes
        self.follow = follow
        self.found: list[Entry] = []
        self.visited: set[tuple[int, int]] = set()

    def _report(self, name: str, error: bool, reason: str) -> None:
        self.found.append(DocumentError(name, reason, warning=not error))

    def folder(self, path: Path, prefix: str) -> None:
        try:
            info = os.stat(path)
            if (info.st_dev, info.st_ino) in self.visited:  # reached again through a followed symlink
                self._report(prefix.rstrip("/"), False, f"the folder {os.path.realpath(path)} is already read; skipped")
                return
            self.visited.add((info.st_dev, info.st_ino))
            with os.scandir(path) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            where = prefix.rstrip("/") or str(path)
            self._report(where, True, f"cannot read folder ({exc.strerror or exc}); the files in it are skipped")
            return
        for entry in entries:
            name = prefix + entry.name
            wanted = Path(entry.name).suffix.lower() in self.suffixes
            try:
                if entry.is_symlink():
                    self.symlink(Path(entry.path), name, wanted)
                elif entry.is_dir(follow_symlinks=False):
                    self.folder(Path(entry.path), name + "/")
                elif entry.is_file(follow_symlinks=False):
                    if wanted:
                        self.found.append((Path(entry.path), name))
                else:
                    kind = special_kind(entry.stat(follow_symlinks=False).st_mode) or "special file"
                    self._report(name, wanted, f"not a regular file ({kind}); skipped")
            except OSError as exc:
                self._report(name, wanted, f"cannot read ({exc.strerror or exc}); skipped")

    def symlink(self, path: Path, name: str, wanted: bool) -> None:
        try:
            info = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self._report(name, wanted, "symlink loop (the link leads back to itself); skipped")
            elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
                self._report(name, wanted, f"dangling symlink (to {os.readlink(path)}, which does not exist); skipped")
            else:
                self._report(name, wanted, f"cannot follow symlink ({exc.strerror or exc}); skipped")
            return
        target = Path(os.path.realpath(path))
        inside = target == self.real_root or self.real_root in target.parents
        if stat.S_ISDIR(info.st_mode):
            if not self.follow:
                if not inside:
                    self._report(name, False, f"symlink to the folder {target}, outside the corpus; skipped; {_FOLLOW_HINT}")
                return  # a folder inside the corpus is read where it lives
            self.folder(path, name + "/")
            return
        if not wanted:
            return
        kind = special_kind(info.st_mode)
        if kind is not None:
            self._report(name, wanted, f"symlink to a {kind} ({target}), not a regular file; skipped")
        elif inside or self.follow:
            self.found.append((path, name))
        else:
            self._report(name, False, f"symlink to {target}, outside the corpus; skipped; {_FOLLOW_HINT}")
