"""Atomic file output, JSON Lines and YAML helpers, and one-line validation messages.

Every output file is written to a temporary file in the same folder and
renamed into place, so a crash or Ctrl-C never leaves a half-written file:
readers see either the previous complete version or the new one (symlinks are
swapped the same way: :func:`atomic_symlink`). Input files
are parsed as plain data only (JSON, YAML's safe loader): nothing read from
disk can run code.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import BaseModel, ValidationError

from diplograph.base.errors import ConfigError, InputError, OutputError

__all__ = [
    "neutralize_formula",
    "parse_yaml",
    "format_validation_error",
    "atomic_writer",
    "atomic_symlink",
    "sync_dir",
    "write_text",
    "write_jsonl",
    "read_jsonl",
    "to_json_line",
    "ensure_dir",
]

_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{12}\.tmp$")
_NAME_CHARS = 120  # room for ".<name>.<pid>-<token>.tmp" under the usual 255-byte limit
#: OS errors that mean "this output cannot be written" (a user problem, reported on one line).
_WRITE_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EFBIG") if hasattr(errno, name)
)
#: What creating a symlink fails with where the file system or the user may not create them (FAT, Windows).
_NO_SYMLINK_ERRNOS = frozenset(getattr(errno, name) for name in ("EPERM", "ENOTSUP", "EOPNOTSUPP") if hasattr(errno, name))


def ensure_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` (and parents) and check it is writable; raise a one-line error if not.

    Raises:
        OutputError: the path is a file, cannot be created, or is not writable.
    """
    folder = Path(path)
    try:
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{folder}: output path exists and is not a directory")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create output directory ({exc.strerror or exc})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{folder}: output directory is not writable")
    return folder


def _open_temp(folder: Path, name: str, binary: bool) -> tuple[int, Path]:
    """Create a fresh temporary file beside the target (mode 0o666 minus the umask, like a plain open)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) * binary
    while True:
        temp = folder / f".{name[:_NAME_CHARS]}.{os.getpid()}-{secrets.token_hex(6)}.tmp"
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Delete temporary files of ``name`` left by processes that no longer run (killed mid-write)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _TEMP_NAME.match(entry.name)
            if not match or match["name"] != name[:_NAME_CHARS] or _process_alive(int(match["pid"])):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill(pid, 0) would kill, not probe
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but not ours, or cannot tell: keep its file
        return True
    return True


def sync_dir(folder: str | os.PathLike[str]) -> None:
    """Make the rename durable (POSIX); a no-op where directories cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    On any exception (including KeyboardInterrupt) the temporary file is
    removed and ``path`` is left untouched. Temporary files left by a process
    that was killed (``.name.<pid>-<token>.tmp``) are removed by the next
    successful write of the same file.

    Raises:
        OutputError: the folder cannot be created, or the disk is full,
            read-only or not writable.
    """
    target = Path(path)
    folder = ensure_dir(target.parent)
    binary = "b" in mode
    try:
        fd, temp = _open_temp(folder, target.name, binary)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:
            raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
        raise
    sync_dir(folder)
    _remove_stale_temps(folder, target.name)


def atomic_symlink(path: str | os.PathLike[str], target: str) -> Path:
    """Point the symlink ``path`` at ``target`` with one rename: readers find the old link or the new
    one, never none (a file or symlink already at ``path`` is replaced; a directory is not).

    Raises:
        OutputError: the link cannot be created (disk full, read-only, not writable).
        NotImplementedError: the platform or file system has no symbolic links.
    """
    link = Path(path)
    while True:
        temp = link.parent / f".{link.name[:_NAME_CHARS]}.{os.getpid()}-{secrets.token_hex(6)}.tmp"
        try:
            os.symlink(target, temp)
            break
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno in _WRITE_ERRNOS - _NO_SYMLINK_ERRNOS:
                raise OutputError(f"{link}: cannot write ({exc.strerror or exc})") from None
            raise NotImplementedError(f"{link}: cannot create a symbolic link ({exc.strerror or exc})") from None
    try:
        os.replace(temp, link)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise OutputError(f"{link}: cannot replace ({exc.strerror or exc})") from None
        raise
    sync_dir(link.parent)
    _remove_stale_temps(link.parent, link.name)
    return link


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``path`` atomically and return the path."""
    with atomic_writer(path) as handle:
        handle.write(text)
    return Path(path)


def to_json_line(record: BaseModel | dict[str, Any]) -> str:
    """Serialise one record as a compact JSON line (no newline), fields in model order."""
    data = record.model_dump(mode="json") if isinstance(record, BaseModel) else record
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def write_jsonl(path: str | os.PathLike[str], records: Iterable[BaseModel | dict[str, Any]]) -> int:
    """Write records atomically, one JSON object per line; return how many were written."""
    count = 0
    with atomic_writer(path) as handle:
        for record in records:
            handle.write(to_json_line(record))
            handle.write("\n")
            count += 1
    return count


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for each non-blank line of a JSON Lines file.

    Raises:
        InputError: naming the file (and line) when it cannot be read, is not
            UTF-8, or a line is not a JSON object.
    """
    source = Path(path)
    try:
        with source.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                yield number, _json_object(source, number, line)
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text ({exc.reason}); is this a diplograph file?") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None


def _json_object(source: Path, number: int, line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}:{number}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise InputError(f"{source}:{number}: JSON nested too deeply") from None
    if not isinstance(obj, dict):
        raise InputError(f"{source}:{number}: expected a JSON object, got {type(obj).__name__}")
    return obj


def parse_yaml(path: Path | str, text: str) -> object:
    """Parse YAML (or JSON) text as plain data with the safe loader; errors name the file and line.

    Tags that would build Python objects (``!!python/object/apply:...``) are
    refused, never run.

    Raises:
        ConfigError: the text is not valid YAML or uses a non-data tag.
    """
    try:
        return yaml.safe_load(text)
    except yaml.constructor.ConstructorError as exc:
        tag = re.search(r"tag '([^']+)'", str(exc.problem))
        what = f"tag {tag.group(1).replace('tag:yaml.org,2002:', '!!')!r} is not allowed" if tag else exc.problem
        raise ConfigError(f"{path}{_yaml_line(exc)}: {what} (only plain data: mappings, lists, text, numbers)") from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0]
        raise ConfigError(f"{path}{_yaml_line(exc)}: not valid YAML ({problem})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid YAML (nested too deeply)") from None


def _yaml_line(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    return f":{mark.line + 1}" if mark is not None else ""


def format_validation_error(path: Path | str, exc: ValidationError, *, limit: int = 5, data: Any = None) -> str:
    """Render a pydantic error on one line as ``file: entry: field: message (got value); ...``.

    List positions are shown 1-based (``actors #4``); when ``data`` (the
    validated input) is given, an entry with an ``id`` or ``name`` is named by
    it too: ``actors #4 (putin): type: Input should be 'person', ... (got 'persn')``.
    """
    errors = exc.errors()
    parts = [_format_one(err, data) for err in errors[:limit]]
    if len(errors) > limit:
        parts.append(f"and {len(errors) - limit} more")
    return f"{path}: " + "; ".join(parts)


def _format_one(err: Any, data: Any) -> str:
    names: list[str] = []
    node = data
    for part in err["loc"]:
        node = _child(node, part)
        if isinstance(part, int):
            label = f"#{part + 1}"
            key = _entry_key(node)
            label += f" ({key})" if key else ""
            names[-1:] = [f"{names[-1]} {label}"] if names else [label]
        else:
            names.append(str(part))
    message = err["msg"]
    value = err.get("input")
    if err["type"] not in ("missing", "extra_forbidden") and isinstance(value, (str, int, float, bool)):
        shown = repr(value)
        message += f" (got {shown[:60] + '...' if len(shown) > 60 else shown})"
    if len(names) > 1:
        return f"{'.'.join(names[:-1])}: {names[-1]}: {message}"
    return f"{names[0]}: {message}" if names else message


def _child(node: Any, part: Any) -> Any:
    try:
        return node[part]
    except (KeyError, IndexError, TypeError):
        return None


def _entry_key(node: Any) -> str | None:
    if isinstance(node, dict):
        for key in ("id", "name"):
            if isinstance(node.get(key), (str, int)) and str(node[key]).strip():
                return str(node[key])[:60]
    return None


_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula (CSV injection defence).

    >>> neutralize_formula("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralize_formula("Moscow said")
    'Moscow said'
    """
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text
