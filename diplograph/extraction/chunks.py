"""Cutting documents into the pieces the parser sees, and mapping offsets back.

Long documents are cut into chunks at paragraph or sentence boundaries
(:func:`split_document`); runs of 200+ non-space characters are masked before
tokenizing (:func:`mask_long_runs`) and scraper debris that glues words to
sentence ends is masked (:func:`mask_debris`); an :class:`OffsetMap` maps character
spans and sentence numbers of a Doc joined from parsed sentences back to the
original document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from diplograph.base.models import Document

__all__ = ["MAX_CHUNK_CHARS", "split_document", "mask_debris", "mask_long_runs", "mask_for_tokenizer", "OffsetMap", "without_debris"]

#: Documents longer than this are processed in chunks cut at paragraph or
#: sentence boundaries (bounds the memory one document takes).
MAX_CHUNK_CHARS = 100_000
_BOUNDARY = re.compile(r"\n\s*\n|(?<=[.!?])\s+")


_LONG_RUN = re.compile(r"\S{200,}")


#: Scraper debris around sentence ends: hyphens glued to a period, comma, colon or quote (".----", ":-Al", ",-US"),
#: a hyphen standing for a space after a word ("in- Iraq") or before one ("-It epitomised").
_GLUED_AFTER_END = re.compile(r"(?<=[.,!?:;\"\u201d\u2019)\]])-+")
_DANGLING_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?= )|(?<=[ \n])-(?=[A-Z\"\u201c])|^-(?=[A-Z\"\u201c ])", re.M)
#: A hyphen standing for a space before a function word ("the ambassador to Syria-has warned", "Idlib-from").
_GLUED_WORD = re.compile(r"(?<=[a-z])-(?=(?:has|have|had|is|was|were|that|from|will|would|said|says)\b)")
#: A hyphen standing for a space after a function word that opens a phrase ("over-Venezuela's crisis", "by
#: the-US"); before a lower-case word only for words that never start a compound ("over-reaction" stays).
_GLUED_AFTER_WORD = re.compile(
    r"(?:(?<=\s)|^)(the|to|of|and|its|their|his|her|against|between|(?:over|in|on|at|by|for|with|from)(?=-[A-Z]))-", re.M)
_AGENCY_TAG = re.compile(r"/(?:TASS|Reuters|AFP|AP|Xinhua|IANS|dpa)/", re.I)


def mask_debris(text: str) -> str:
    """Same-length text in which scraper debris no longer glues words to sentence ends.

    News scraped from web pages often lost its line breaks to hyphens: "to
    death.---- Bashir's order", "Kinshchak added.- The ambassador", "valid till
    2020.Source:-Al Jazeera", "are in- Iraq". spaCy keeps "death.----" as one
    token, so the sentence never ends and the verb "added.-" is never a verb.
    The first hyphen of such a run becomes a space (the others stay, as
    punctuation), a hyphen standing for a space becomes one ("Syria-has", "over-Venezuela"), and agency tags
    ("/TASS/") are blanked. Offsets are unchanged.
    """
    text = _GLUED_AFTER_END.sub(lambda m: " " + m.group()[1:], text)
    text = _DANGLING_HYPHEN.sub(" ", text)
    text = _GLUED_WORD.sub(" ", text)
    text = _GLUED_AFTER_WORD.sub(lambda m: m.group(1) + " ", text)
    return _AGENCY_TAG.sub(lambda m: " " * len(m.group()), text)


def mask_for_tokenizer(text: str) -> str:
    """The text the tokenizer reads: debris masked (:func:`mask_debris`), long runs masked (:func:`mask_long_runs`)."""
    return mask_long_runs(mask_debris(text))


def mask_long_runs(text: str) -> str:
    """Same-length text with whitespace-free runs of 200+ characters replaced by ``x``.

    spaCy's tokenizer peels prefixes and suffixes off such runs one at a time,
    which is quadratic (40,000 quote marks take minutes); no relation lives
    inside them. Offsets are unchanged, and the original characters are put
    back into the sentence Docs.
    """
    return _LONG_RUN.sub(lambda m: "x" * len(m.group()), text)


def split_document(document: Document, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, Document]]:
    """Split a long document into ``(offset, chunk)`` pairs no longer than ``max_chars``.

    Cuts fall on paragraph breaks, else sentence ends, else after the last space, else hard at
    ``max_chars``.
    Each chunk keeps the document's id, title and date.
    """
    text = document.text
    if len(text) <= max_chars:
        return [(0, document)]
    chunks: list[tuple[int, Document]] = []
    start = 0
    while start < len(text):
        end = min(start + max_chars, len(text))
        if end < len(text):
            cut = None
            for match in _BOUNDARY.finditer(text, start + max_chars // 2, end):
                cut = match.end()
            if cut is None:  # no paragraph or sentence end: the last space, never inside a word
                space = max(text.rfind(" ", start + 1, end), text.rfind("\n", start + 1, end))
                cut = space + 1 if space > start else None
            end = cut or end
        chunks.append((start, document.model_copy(update={"text": text[start:end]})))
        start = end
    return chunks


class OffsetMap:
    """Maps character spans and sentence numbers of a joined Doc back to the original document."""

    """Maps spans of ``doc`` (joined from ``parsed`` sentence Docs) back to the document.

    Args:
        doc: the joined Doc.
        parsed: the parsed sentence Docs it was joined from, in order.
        starts: each parsed sentence's character offset in its chunk.
        kept: each parsed sentence's number in its chunk.
        offset: the chunk's character offset in the document.
        sentence_base: the number of sentences in the chunks before this one.
    """

    def __init__(
        self, doc: Doc, parsed: Sequence[Doc], starts: Sequence[int], kept: Sequence[int], offset: int, sentence_base: int
    ) -> None:
        self._joined: list[int] = []  # start of each parsed sentence in the joined text
        position = 0
        for part in parsed:
            self._joined.append(position)
            position += len(part.text)
        self._original = starts
        self._offset = offset
        self._numbers = []  # joined sentence number -> original sentence number
        for start_char in _sentence_start_chars(doc):
            k = max(0, bisect_right(self._joined, start_char) - 1)
            self._numbers.append(kept[k] + sentence_base)

    def _char(self, position: int, *, end: bool) -> int:
        probe = position - 1 if end and position > 0 else position
        k = max(0, bisect_right(self._joined, probe) - 1)
        return position - self._joined[k] + self._original[k] + self._offset

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        mapped_start = self._char(start, end=False)
        return mapped_start, max(mapped_start, self._char(end, end=end > start))

    def sentence(self, number: int) -> int:
        return self._numbers[number] if 0 <= number < len(self._numbers) else number


def _sentence_start_chars(doc: Doc) -> list[int]:
    """The character offset of each sentence of ``doc`` (as ``[s.start_char for s in doc.sents]``, read from arrays)."""
    if not len(doc):
        return []
    columns = doc.to_array([SENT_START, IDX])
    starts = columns[:, 0] == 1
    starts[0] = True
    return columns[starts, 1].tolist()


_DEBRIS = " \t\n-\u2013\u2014"


def without_debris(text: str, start: int, end: int, offset: int) -> tuple[int, int]:
    """A document span (``text`` starts at ``offset``) without the hyphen debris and whitespace at its ends
    ("---- Bolivia said ..." -> "Bolivia said ...")."""
    while start < end and (text[start - offset] in _DEBRIS or text[start - offset].isspace()):
        start += 1
    while end > start and (text[end - 1 - offset] in _DEBRIS or text[end - 1 - offset].isspace()):
        end -= 1
    return start, end
