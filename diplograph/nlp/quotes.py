"""Quoted speech in text: where quotations are, and which verbs introduce them.

The one place that knows quotation marks. :func:`quote_spans` reads them in
one of two ways (``strict``), because the stages need different things:

* **lenient** (actor resolution, which gives every quote a speaker and
  resolves "I" and "we" inside it): an opening mark (``"`` ``“`` ``„``
  ``«``) starts a quote that runs to the next closing mark (``"`` ``”``
  ``»``) or, left open, to the end of its paragraph; other marks inside
  are text, and an empty quote (``""``) is none;
* **strict** (relation attribution, and the sentence filter that keeps the
  sentences of quotes for it): a quote is an opening mark, then
  ``min_chars`` to ``max_chars`` characters none of which is a quotation
  mark, then a closing mark (``“`` closes too, for texts that use it on both
  sides); an opening mark without such a close starts no quote.

:func:`is_speech_verb` tests a token against a set of lemmas of verbs of
saying (the relation lexicon's ``speech_verbs``, which the extractor hands
to both stages).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Token

__all__ = ["OPENING_MARKS", "CLOSING_MARKS", "quote_spans", "speech_lemmas", "is_speech_verb"]

#: Marks that open a quotation.
OPENING_MARKS = '"\u201c\u201e\u00ab'
#: Marks that close a quotation in the lenient reading (the strict one adds \u201c).
CLOSING_MARKS = '"\u201d\u00bb'
_STRICT_CLOSING = CLOSING_MARKS + "\u201c"
_ALL_MARKS = OPENING_MARKS + "\u201d\u00bb"


def quote_spans(
    text: str, *, strict: bool = False, min_chars: int = 1, max_chars: int | None = None
) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the quotations in ``text``, marks excluded, in text order.

    Args:
        text: the text.
        strict: read the marks strictly (see the module docstring); else leniently.
        min_chars: the fewest characters a strict quotation holds.
        max_chars: the most characters a strict quotation holds (None: no limit).
    """
    if strict:
        return [match.span(1) for match in _strict_pattern(min_chars, max_chars).finditer(text)]
    return _lenient_spans(text)


def _lenient_spans(text: str) -> list[tuple[int, int]]:
    """Lenient quotations: to the next closing mark, or the end of the paragraph; never across one."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, char in enumerate(text):
        if start is not None and char == "\n" and text[i + 1 : i + 2] in ("\n", ""):
            spans.append((start, i))  # an unclosed quote ends with its paragraph
            start = None
        elif start is None and char in OPENING_MARKS:
            start = i + 1
        elif start is not None and char in CLOSING_MARKS:
            if i > start:
                spans.append((start, i))
            start = None
    if start is not None and start < len(text):
        spans.append((start, len(text)))
    return spans


@lru_cache(maxsize=8)
def _strict_pattern(min_chars: int, max_chars: int | None) -> re.Pattern[str]:
    inside = f"[^{_ALL_MARKS}]{{{min_chars},{'' if max_chars is None else max_chars}}}?"
    return re.compile(f"[{OPENING_MARKS}]({inside})[{_STRICT_CLOSING}]", re.S)


def speech_lemmas(words: Iterable[str]) -> frozenset[str]:
    """Verbs of saying as the lower-case lemmas :func:`is_speech_verb` takes."""
    return _lower(tuple(words))


@lru_cache(maxsize=16)
def _lower(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)


def is_speech_verb(token: Token, lemmas: frozenset[str], *, any_pos: bool = False) -> bool:
    """True when ``token`` is a verb (or auxiliary) whose lemma is one of ``lemmas`` (lower case).

    With ``any_pos`` the part of speech is not looked at (the head of a
    reported clause, whatever the tagger made of it).
    """
    return (any_pos or token.pos_ in ("VERB", "AUX")) and token.lemma_.lower() in lemmas
