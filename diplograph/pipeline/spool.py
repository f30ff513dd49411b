"""Where per-document results wait for the corpus-wide merge: in memory, or spooled to disk.

A build hands every finished :class:`~diplograph.extraction.extractor.DocResult` to a
result store as it arrives. The merge (:func:`diplograph.pipeline.build.assemble`) then
reads the store twice, in document-id order: once for the actors and what resolution
learned (the corpus-wide actor merge), once for the relations and mentions.

* :class:`MemoryStore` keeps the results as they are (small corpora, ``spool=False``).
* :class:`DiskSpool` writes each result to a temporary JSON Lines file at once and keeps
  only the byte offsets of its two records (head: actors, learned, counts; body:
  relations, mentions), so memory does not grow with the corpus. The final mentions of
  the merge are spooled too (:class:`SpooledMentions`), read back when the output is
  written. Its files are deleted when the spool is closed or garbage-collected.

Both give the same records in the same order, so the outputs do not depend on the store.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from diplograph.base.errors import OutputError
from diplograph.base.io import to_json_line
from diplograph.base.models import Actor, Mention, Relation

if TYPE_CHECKING:
    from diplograph.extraction.extractor import DocResult

__all__ = ["DiskSpool", "DocHead", "MemoryStore", "SpooledMentions", "open_store"]


@dataclass
class DocHead:
    """What the actor merge needs of one document (its relations and mentions stay in the body)."""

    doc: str
    actors: dict[str, Actor] = field(default_factory=dict)
    learned: list[dict] = field(default_factory=list)
    sentences: int = 0
    words: int = 0
    parsed: int = 0


def _head_of(result: DocResult) -> DocHead:
    return DocHead(result.doc, result.actors, result.learned, result.sentences, result.words, result.parsed)


class MemoryStore:
    """Results kept in memory until the merge."""

    def __init__(self) -> None:
        self._results: dict[str, DocResult] = {}

    def add(self, result: DocResult) -> None:
        """Keep one document's result (a later result for the same id replaces it)."""
        self._results[result.doc] = result

    def __len__(self) -> int:
        return len(self._results)

    def heads(self) -> Iterator[DocHead]:
        """The documents' heads, in document-id order."""
        for doc in sorted(self._results):
            yield _head_of(self._results[doc])

    def bodies(self) -> Iterator[tuple[str, list[Relation], list[Mention]]]:
        """``(doc, relations, mentions)`` per document, in document-id order."""
        for doc in sorted(self._results):
            result = self._results[doc]
            yield doc, result.relations, result.mentions

    def mention_sink(self) -> _MentionList:
        """Where the merge puts the final mentions (a list, here)."""
        return _MentionList()

    def release_results(self) -> None:
        """Drop the per-document results (after the merge)."""
        self._results.clear()

    def close(self) -> None:
        """Drop the results."""
        self._results.clear()


class _MentionList(list):
    """The final mentions of an in-memory merge; ``keep`` filters them in place."""

    def keep(self, wanted: Callable[[Mention], bool]) -> list[Mention]:
        return [m for m in self if wanted(m)]


class DiskSpool:
    """Results spooled to a temporary JSON Lines file as they arrive.

    Args:
        folder: where the temporary folder is made (default: the system's temporary folder).

    Raises:
        OutputError: the temporary folder cannot be created or written.
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        try:
            self.root = Path(tempfile.mkdtemp(prefix="diplograph-spool-", dir=folder))
            self._file: IO[str] = (self.root / "results.jsonl").open("w+", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise OutputError(f"cannot create the result spool ({exc.strerror or exc})") from None
        self._index: dict[str, tuple[int, int]] = {}  # doc -> offsets of its head and body lines
        self._handles: list[IO[str]] = [self._file]
        self._finalizer = weakref.finalize(self, _remove, self._handles, self.root)

    def add(self, result: DocResult) -> None:
        """Write one document's result to the spool (a later result for the same id replaces it)."""
        data = result.to_dict()
        head = {k: data[k] for k in ("doc", "actors", "learned", "sentences", "words", "parsed")}
        body = {"relations": data["relations"], "mentions": data["mentions"]}
        handle = self._file
        handle.seek(0, os.SEEK_END)
        try:
            start = handle.tell()
            handle.write(_line(head))
            middle = handle.tell()
            handle.write(_line(body))
        except OSError as exc:
            raise OutputError(f"{self.root}: cannot write the result spool ({exc.strerror or exc})") from None
        self._index[result.doc] = (start, middle)

    def __len__(self) -> int:
        return len(self._index)

    def _read(self, offset: int) -> dict:
        self._file.seek(offset)
        return json.loads(self._file.readline())

    def heads(self) -> Iterator[DocHead]:
        """The documents' heads, read back in document-id order."""
        self._file.flush()
        for doc in sorted(self._index):
            data = self._read(self._index[doc][0])
            actors = [Actor.model_validate(a) for a in data["actors"]]
            yield DocHead(doc, {a.id: a for a in actors}, data["learned"], data["sentences"], data["words"], data["parsed"])

    def bodies(self) -> Iterator[tuple[str, list[Relation], list[Mention]]]:
        """``(doc, relations, mentions)`` per document, read back in document-id order."""
        self._file.flush()
        for doc in sorted(self._index):
            data = self._read(self._index[doc][1])
            relations = [Relation.model_validate(r) for r in data["relations"]]
            yield doc, relations, [Mention.model_validate(m) for m in data["mentions"]]

    def mention_sink(self) -> SpooledMentions:
        """Where the merge puts the final mentions: a file in the spool's folder (deleted with it)."""
        path = self.root / "mentions.jsonl"
        try:
            handle = path.open("w", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise OutputError(f"{self.root}: cannot write the result spool ({exc.strerror or exc})") from None
        self._handles.append(handle)
        return SpooledMentions(path, handle, owner=self)

    def release_results(self) -> None:
        """Delete the per-document results file (after the merge); the final mentions stay."""
        self._file.close()
        with contextlib.suppress(OSError):
            (self.root / "results.jsonl").unlink()
        self._index.clear()

    def close(self) -> None:
        """Delete the spool's files (the final mentions too)."""
        self._finalizer()


class SpooledMentions:
    """Final mentions written to a JSON Lines file; iterating reads them back (filtered by ``keep``).

    Appended with :meth:`append`/:meth:`extend` during the merge; :meth:`keep` gives a view of
    the mentions that pass a filter, which is what a build result lists.
    """

    def __init__(
        self, path: Path, handle: IO[str], *, owner: DiskSpool, wanted: Callable[[Mention], bool] | None = None
    ) -> None:
        self.path = path
        self._handle = handle
        self._owner = owner  # the spool's files live as long as this view
        self._wanted = wanted
        self._count: int | None = None

    def append(self, mention: Mention) -> None:
        """Add one mention to the file."""
        self._handle.write(to_json_line(mention) + "\n")

    def extend(self, mentions: Iterable[Mention]) -> None:
        """Add mentions to the file."""
        for mention in mentions:
            self.append(mention)

    def __iter__(self) -> Iterator[Mention]:
        self._handle.flush()
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                mention = Mention.model_validate_json(line)
                if self._wanted is None or self._wanted(mention):
                    yield mention

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in self)
        return self._count

    def keep(self, wanted: Callable[[Mention], bool]) -> SpooledMentions:
        """The mentions that pass ``wanted``, read from the same file."""
        return SpooledMentions(self.path, self._handle, owner=self._owner, wanted=wanted)


def _line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _remove(handles: list[IO[str]], root: Path) -> None:
    for handle in handles:
        handle.close()
    shutil.rmtree(root, ignore_errors=True)


def open_store(spool: bool, folder: str | os.PathLike[str] | None = None) -> MemoryStore | DiskSpool:
    """A :class:`DiskSpool` (in ``folder``, default the system's temporary folder) or a :class:`MemoryStore`."""
    return DiskSpool(folder) if spool else MemoryStore()
