"""Rule-based sentence splitting on tokenized text (no statistical model).

diplograph splits sentences *before* parsing and the dependency parser keeps
those boundaries. Each sentence is then parsed on its own, so its parse does
not depend on which other sentences are parsed with it: this is what lets
the sentence filter (:mod:`diplograph.extraction.prefilter`) skip sentences without
changing a single relation of the others.

Rules, on spaCy tokens:

* a sentence ends after ``.``, ``!``, ``?``, ``…`` (and runs of them),
  together with the closing quotes and brackets that follow, when whitespace
  comes next and the next word can open a sentence (it is not in lower
  case: "3 p.m. local time" does not split); abbreviations ("U.S.", "Gen.")
  are single tokens and never end a sentence;
* a blank line (paragraph break) always ends a sentence, so titles and
  headings stand alone;
* whitespace belongs to the sentence before it (leading whitespace to the
  first sentence);
* a dateline at the start of the text or of a paragraph ("KUALA LUMPUR, Feb 24
  (Reuters) -", "KABUL, Afghanistan —") is a sentence of its own, so it never
  becomes the subject of the report that follows;
* a sentence longer than :data:`MAX_SENTENCE_TOKENS` tokens (tables, lists
  without punctuation) is cut, at a line break or ``;`` when possible.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = ["MAX_SENTENCE_TOKENS", "sentence_starts", "sentence_bounds", "set_sentences"]

#: Longest sentence handed to the parser, in tokens (longer runs are cut).
MAX_SENTENCE_TOKENS = 250

_TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "..", "....", "?.."})
_CLOSERS = frozenset({'"', "'", "”", "’", "»", "›", ")", "]", "}"})
_OPENERS = frozenset({'"', "'", "“", "‘", "«", "‹", "(", "[", "{", "-", "–", "—", "•", "*", "·"})
_SOFT_CUTS = frozenset({";", ":", ","})


def _is_terminal(token: Token) -> bool:
    text = token.text
    return text in _TERMINALS or (len(text) > 1 and set(text) <= {".", "!", "?", "…"})


def _can_open(token: Token) -> bool:
    """True when ``token`` may begin a sentence (not a lower-case word)."""
    first = token.text[:1]
    return first in _OPENERS or not first.islower()


_DASHES = frozenset({"-", "--", "\u2014", "\u2013", "\u2014\u2014"})
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december".split()
)
_DATELINE_TOKENS = 16


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The token after the dash of a dateline opening at ``start`` ("LASHKAR GAH, Afghanistan, Feb 28 (Reuters) -")."""
    i = start
    while i < len(doc) and doc[i].is_space:
        i += 1
    first = doc[i] if i < len(doc) else None
    if first is None or not (first.is_upper and first.is_alpha and len(first) >= 3):
        return None
    for j in range(i, min(len(doc), i + _DATELINE_TOKENS)):
        token = doc[j]
        if token.text in _DASHES:
            return j + 1 if j > i else None
        word = token.text.rstrip(".").lower()
        if not (token.is_upper or token.is_title or token.is_digit or token.text in ",.()" or word in _MONTHS):
            return None
    return None


def _paragraph_break(token: Token) -> bool:
    return token.is_space and token.text.count("\n") >= 2


def _followed_by_space(doc: Doc, index: int) -> bool:
    """True when token ``index`` is followed by whitespace (or ends the text)."""
    return bool(doc[index].whitespace_) or index + 1 >= len(doc) or doc[index + 1].is_space


def sentence_bounds(doc: Doc, *, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[tuple[int, int]]:
    """The sentences of a tokenized ``doc`` as ``(start, end)`` token ranges covering every token.

    Args:
        doc: a Doc with tokens only (annotations are ignored).
        max_tokens: cut sentences longer than this many tokens.
    """
    n = len(doc)
    bounds: list[tuple[int, int]] = []
    start = 0
    i = 0
    content = False  # has the current sentence a non-space token yet?
    dateline = _dateline_end(doc, 0)
    while i < n:
        token = doc[i]
        end = None
        if dateline is not None and i == dateline - 1:
            end = dateline
        if token.is_space:
            if content and _paragraph_break(token):
                end = i + 1
        else:
            content = True
        if end is None and _is_terminal(token):
            j = i + 1
            while j < n and (doc[j].text in _CLOSERS or _is_terminal(doc[j])) and not doc[j - 1].whitespace_:
                j += 1
            if _followed_by_space(doc, j - 1):
                k = j
                while k < n and doc[k].is_space:
                    k += 1
                if k >= n or _can_open(doc[k]):
                    end = k
        if end is not None and end > start:
            while end < n and doc[end].is_space:
                end += 1
            bounds.extend(_cut_long(doc, start, end, max_tokens))
            dateline = _dateline_end(doc, end) if doc[end - 1].is_space and "\n" in doc[end - 1].text else None
            start = i = end
            content = False
            continue
        i += 1
    if start < n:
        bounds.extend(_cut_long(doc, start, n, max_tokens))
    return bounds


def _cut_long(doc: Doc, start: int, end: int, max_tokens: int) -> list[tuple[int, int]]:
    """Cut ``[start, end)`` into pieces of at most ``max_tokens``, preferring line breaks, then ``;:,``."""
    pieces = []
    while end - start > max_tokens:
        limit = start + max_tokens
        cut = None
        for prefer in (lambda t: t.is_space and "\n" in t.text, lambda t: t.text in _SOFT_CUTS or t.is_space):
            for j in range(limit - 1, start + max_tokens // 2, -1):
                if prefer(doc[j]):
                    cut = j + 1
                    break
            if cut is not None:
                break
        cut = cut or limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def sentence_starts(doc: Doc, *, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[bool]:
    """One flag per token: True where a sentence begins (see :func:`sentence_bounds`)."""
    flags = [False] * len(doc)
    for start, _ in sentence_bounds(doc, max_tokens=max_tokens):
        flags[start] = True
    return flags


def set_sentences(doc: Doc, *, max_tokens: int = MAX_SENTENCE_TOKENS) -> Doc:
    """Set ``is_sent_start`` on every token of ``doc`` (a later parser keeps these boundaries)."""
    for token, flag in zip(doc, sentence_starts(doc, max_tokens=max_tokens)):
        token.is_sent_start = flag
    return doc
