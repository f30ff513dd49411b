"""What a build accepts as its corpus, checked up front: a path, or Document objects.

:func:`corpus_items` is how :func:`diplograph.build` and ``evaluate`` read their ``corpus``
argument. A path goes to :func:`~diplograph.corpus.readers.read_corpus`; Documents (one, or
any iterable of them) are passed through with lone surrogates replaced (they cannot be
written as UTF-8 and would fail the whole build). Anything else — ``None``, a number, a
dict, bytes, a paragraph of text instead of a path, a list of strings — is a one-line
:class:`~diplograph.base.errors.InputError` saying what was given and what to pass instead.
An item of an iterable that is not a Document costs only itself.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from typing import Any

from diplograph.base.errors import DocumentError, InputError
from diplograph.base.models import Document
from diplograph.corpus.documents import without_surrogates
from diplograph.corpus.readers import CorpusItem, read_corpus

__all__ = ["corpus_items", "clean_document"]

_EXPECTED = "a path (a .txt file, a folder, a .jsonl or .csv file, or '-') or Document objects"
_FOR_TEXTS = "for texts in memory use diplograph.corpus.documents_from_texts(...)"
#: A string longer than this, or holding a line break, is text passed by mistake, not a path.
_MAX_PATH_CHARS = 4096
_NOTHING = object()


def corpus_items(corpus: Any, *, text_field: str | None = None, follow_symlinks: bool = False) -> Iterator[CorpusItem]:
    """The documents (and per-document errors) of ``corpus``; its type is checked now, not when read.

    Raises:
        InputError: ``corpus`` is neither a path nor Documents.
    """
    if isinstance(corpus, os.PathLike):
        return read_corpus(corpus, text_field=text_field, follow_symlinks=follow_symlinks)
    if isinstance(corpus, str):
        if "\n" in corpus or len(corpus) > _MAX_PATH_CHARS:
            raise InputError(f"corpus: expected {_EXPECTED}, got a text of {len(corpus)} characters; {_FOR_TEXTS}")
        return read_corpus(corpus, text_field=text_field, follow_symlinks=follow_symlinks)
    if isinstance(corpus, Document):
        return _checked([corpus])
    if corpus is None or isinstance(corpus, (bytes, bytearray, int, float, complex, dict)):
        hint = f"; {_FOR_TEXTS}" if isinstance(corpus, dict) else ""
        raise InputError(f"corpus: expected {_EXPECTED}, got {_described(corpus)}{hint}")
    try:
        items = iter(corpus)
    except TypeError:
        raise InputError(f"corpus: expected {_EXPECTED}, got {_described(corpus)}") from None
    first = next(items, _NOTHING)
    if isinstance(first, (str, bytes)):
        raise InputError(f"corpus: expected {_EXPECTED}, got a {type(corpus).__name__} of {type(first).__name__}; {_FOR_TEXTS}")
    return _checked(itertools.chain([] if first is _NOTHING else [first], items))


def _described(value: Any) -> str:
    if value is None or isinstance(value, (bytes, bytearray)):
        return "None" if value is None else type(value).__name__
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def clean_document(document: Document) -> tuple[Document, str | None]:
    """``document`` with lone surrogates in its id, title and text replaced by U+FFFD (offsets are
    kept), and a warning when there were any."""
    fields = {"id": document.id, "title": document.title, "text": document.text}
    cleaned = {name: without_surrogates(value) for name, value in fields.items()}
    changed = [name for name in fields if cleaned[name] != fields[name]]
    if not changed:
        return document, None
    warning = f"lone surrogate characters in its {' and '.join(changed)} replaced with U+FFFD (they cannot be written as UTF-8)"
    return document.model_copy(update=cleaned), warning


def _checked(items: Iterable[Any]) -> Iterator[CorpusItem]:
    for number, item in enumerate(items, start=1):
        if isinstance(item, DocumentError):
            yield item
        elif isinstance(item, Document):
            document, warning = clean_document(item)
            if warning:
                yield DocumentError(document.id, warning, warning=True)
            yield document
        else:
            yield DocumentError(f"corpus item {number}", f"not a Document but {_described(item)}; skipped")
