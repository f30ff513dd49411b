"""Where per-document results wait for the corpus-wide merge: in memory, or spooled to disk.

A build hands every finished :class:`~diplograph.extraction.extractor.DocResult` to a
result store as it arrives. The merge (:func:`diplograph.pipeline.build.assemble`) then
reads the store twice, in document-id order: once for the actors and what resolution
learned (the corpus-wide actor merge), once for the relations and mentions.

* :class:`MemoryStore` keeps the results as they are (small corpora, ``spool=False``).
* :class:`DiskSpool` writes each result to an anonymous temporary file at once and keeps
  only the byte offsets of its two records (head: actors, learned, counts; body:
  relations, mentions), so memory does not grow with the corpus. The final mentions of
  the merge are spooled too (:class:`SpooledMentions`), read back when the output is
  written. Its files have no name: they are freed when the spool is closed or garbage-collected,
  and by the system when the process ends, however it ends.

Both give the same records in the same order, so the outputs do not depend on the store.
"""

from __future__ import annotations

import json
import os
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
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
    """Results spooled to an anonymous temporary file as they arrive.

    The files have no name (``tempfile.TemporaryFile``), so the system frees them when the
    build ends in any way, a kill -9 included.

    Args:
        folder: where the temporary files are made (default: the system's temporary folder).

    Raises:
        OutputError: the temporary file cannot be created or written.
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self._folder = folder
        self._file: IO[bytes] = _temporary(folder)
        self._index: dict[str, tuple[int, int]] = {}  # doc -> offsets of its head and body lines
        self._handles: list[IO[bytes]] = [self._file]
        self._finalizer = weakref.finalize(self, _close_all, self._handles)

    def add(self, result: DocResult) -> None:
        """Write one document's result to the spool (a later result for the same id replaces it)."""
        data = result.to_dict()
        head = {k: data[k] for k in ("doc", "actors", "learned", "sentences", "words", "parsed")}
        body = {"relations": data["relations"], "mentions": data["mentions"]}
        handle = self._file
        try:
            start = handle.seek(0, os.SEEK_END)
            handle.write(_line(head))
            middle = handle.tell()
            handle.write(_line(body))
        except OSError as exc:
            raise OutputError(f"cannot write the result spool ({exc.strerror or exc})") from None
        self._index[result.doc] = (start, middle)

    def __len__(self) -> int:
        return len(self._index)

    def _read(self, offset: int) -> dict:
        self._file.seek(offset)
        return json.loads(self._file.readline())

    def heads(self) -> Iterator[DocHead]:
        """The documents' heads, read back in document-id order."""
        for doc in sorted(self._index):
            data = self._read(self._index[doc][0])
            actors = [Actor.model_validate(a) for a in data["actors"]]
            yield DocHead(doc, {a.id: a for a in actors}, data["learned"], data["sentences"], data["words"], data["parsed"])

    def bodies(self) -> Iterator[tuple[str, list[Relation], list[Mention]]]:
        """``(doc, relations, mentions)`` per document, read back in document-id order."""
        for doc in sorted(self._index):
            data = self._read(self._index[doc][1])
            relations = [Relation.model_validate(r) for r in data["relations"]]
            yield doc, relations, [Mention.model_validate(m) for m in data["mentions"]]

    def mention_sink(self) -> SpooledMentions:
        """Where the merge puts the final mentions: another anonymous file, freed with the spool."""
        handle = _temporary(self._folder)
        self._handles.append(handle)
        return SpooledMentions(handle, owner=self)

    def release_results(self) -> None:
        """Free the per-document results file (after the merge); the final mentions stay."""
        self._file.close()
        self._index.clear()

    @property
    def closed(self) -> bool:
        """True when every file of the spool is closed (freed)."""
        return all(handle.closed for handle in self._handles)

    def close(self) -> None:
        """Free the spool's files (the final mentions too)."""
        self._finalizer()


class SpooledMentions:
    """Final mentions written to a spool file; iterating reads them back (filtered by ``keep``).

    Appended with :meth:`append`/:meth:`extend` during the merge; :meth:`keep` gives a view of
    the mentions that pass a filter, which is what a build result lists.
    """

    def __init__(
        self, handle: IO[bytes], *, owner: DiskSpool, wanted: Callable[[Mention], bool] | None = None
    ) -> None:
        self._handle = handle
        self._owner = owner  # the spool's files live as long as this view
        self._wanted = wanted
        self._count: int | None = None

    def append(self, mention: Mention) -> None:
        """Add one mention to the file."""
        self._handle.seek(0, os.SEEK_END)
        self._handle.write(to_json_line(mention).encode("utf-8") + b"\n")

    def extend(self, mentions: Iterable[Mention]) -> None:
        """Add mentions to the file."""
        for mention in mentions:
            self.append(mention)

    def __iter__(self) -> Iterator[Mention]:
        handle = self._handle
        end = handle.seek(0, os.SEEK_END)
        position = 0
        while position < end:  # the position is kept here, so two readers do not disturb each other
            handle.seek(position)
            line = handle.readline()
            position = handle.tell()
            mention = Mention.model_validate_json(line)
            if self._wanted is None or self._wanted(mention):
                yield mention

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in self)
        return self._count

    def keep(self, wanted: Callable[[Mention], bool]) -> SpooledMentions:
        """The mentions that pass ``wanted``, read from the same file."""
        return SpooledMentions(self._handle, owner=self._owner, wanted=wanted)


def _temporary(folder: str | os.PathLike[str] | None) -> IO[bytes]:
    try:
        return tempfile.TemporaryFile(prefix="diplograph-spool-", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot create the result spool ({exc.strerror or exc})") from None


def _line(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _close_all(handles: list[IO[bytes]]) -> None:
    for handle in handles:
        handle.close()


def open_store(spool: bool, folder: str | os.PathLike[str] | None = None) -> MemoryStore | DiskSpool:
    """A :class:`DiskSpool` (in ``folder``, default the system's temporary folder) or a :class:`MemoryStore`."""
    return DiskSpool(folder) if spool else MemoryStore()
