"""Incremental rebuilds: a cache of per-document results on disk.

Each finished document's :class:`~diplograph.extraction.extractor.DocResult` is stored
as one JSON file (never pickle), keyed by the document's content (id, text,
date) under a folder named after the *extractor version*: the diplograph
version, a fingerprint of the extraction code, the actor dictionary,
ontology and lexicon contents, the spaCy model and its version, and the
sentence-filter setting. Changing any of them starts a fresh cache folder, so
a stale result is never reused. Layout::

    <cache_dir>/<version>/<key[:2]>/<key>.json

Entries are written atomically as documents finish, so an interrupted build
resumes where it stopped. Unreadable entries count as misses.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from diplograph.base.version import __version__
from diplograph.base.errors import OutputError
from diplograph.base.models import Document

if TYPE_CHECKING:
    from diplograph.extraction.extractor import DocResult, Extractor

__all__ = ["DocCache", "document_key", "extractor_version", "code_fingerprint"]

#: Packages whose source decides what extraction produces.
_CODE_PACKAGES = (
    "diplograph.base", "diplograph.nlp", "diplograph.extraction", "diplograph.actors", "diplograph.relations",
)


def document_key(document: Document) -> str:
    """A stable hash of what extraction reads from a document: id, text and date (any text, lone
    surrogates included: they are hashed, never a reason to fail)."""
    payload = json.dumps(
        [document.id, document.text, document.date.isoformat() if document.date else None], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def _hash_files(digest: hashlib._Hash, paths: list[Path]) -> None:
    for path in sorted(paths):
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())


def code_fingerprint() -> str:
    """A hash of the source files of the extraction code (data model, nlp, extraction, actors, relations)."""
    import importlib

    digest = hashlib.sha256()
    for name in _CODE_PACKAGES:
        module = importlib.import_module(name)
        _hash_files(digest, list(Path(module.__file__).parent.glob("*.py")))
    return digest.hexdigest()


def extractor_version(extractor: Extractor) -> str:
    """The cache version of an extractor's settings (16 hex digits)."""
    from spacy.util import get_package_version

    model = extractor.model_name
    entries = sorted((entry.model_dump(mode="json") for entry in extractor.dictionary), key=lambda e: e["id"])
    lexicon = extractor.lexicon
    parts = {
        "diplograph": __version__,
        "code": code_fingerprint(),
        "dictionary": entries,
        "ontology": extractor.ontology.model_dump(mode="json"),
        "lexicon": lexicon.model_dump(mode="json"),
        "model": [model, get_package_version(model)],
        "prefilter": bool(extractor.prefilter),
    }
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class DocCache:
    """Per-document results stored as JSON files under ``folder/version``.

    Args:
        folder: the cache directory (created on first write).
        version: the extractor version (:func:`extractor_version`).
    """

    def __init__(self, folder: str | os.PathLike[str], version: str) -> None:
        self.folder = Path(folder)
        self.version = version
        self.root = self.folder / version

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> DocResult | None:
        """The cached result for a document key, or None (missing or unreadable entry)."""
        from diplograph.extraction.extractor import DocResult

        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return DocResult.from_dict(data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, ValidationError):
            with contextlib.suppress(OSError):
                path.unlink()
            return None

    def put(self, key: str, result: DocResult) -> None:
        """Store a result atomically (a crash leaves the old entry or none, never half a file)."""
        path = self._path(key)
        text = json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}.", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            raise OutputError(f"{self.folder}: cannot write the build cache ({exc.strerror or exc})") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def __len__(self) -> int:
        return sum(1 for _ in self.root.glob("*/*.json")) if self.root.is_dir() else 0
