"""Quoted speech: who said it, and who "we", "us" and "I" are inside it.

A quote's speaker is the subject of the speech verb right after it
(``"…," Zelensky said``, ``"…," said the president``), else of the speech
verb before it in the same sentence (``Zelensky said: "…"``), else the
speaker of the previous quote of the same paragraph. Inside a quote, "I",
"me", "my" are the speaker; "we", "us", "our" are the speaker's state (or
organization, for an official of one; or the speaker itself when a state or
group speaks).

Quotations are read leniently (:func:`diplograph.nlp.quotes.quote_spans`);
the verbs of saying are given by the caller (the relation lexicon's
``speech_verbs``, see :func:`~diplograph.actors.resolve.resolve_actors`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.offices import affiliation
from diplograph.actors.doc_actors import Quote
from diplograph.nlp.quotes import is_speech_verb, quote_spans
from diplograph.nlp.syntax import shared_subjects

__all__ = ["attribute_quotes"]

_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
_AFTER_WINDOW = 8
_BEFORE_WINDOW = 25


def _subject_actor(b: DocActorsBuilder, verb: Token) -> str | None:
    """The actor of the subject of ``verb``, or of the verb it is coordinated with ("thanked her and said")."""
    for child in shared_subjects(verb):
        actor = b.actor_at(child.i)
        if actor is not None:
            return actor
        for inner in child.subtree:
            actor = b.actor_at(inner.i)
            if actor is not None and b.type_of(actor) == "person":
                return actor
    before = verb.doc[verb.i - 1] if verb.i > 0 else None  # "'...,' May said": the tagger took "May" for a modal
    if before is not None and before.dep_ == "aux" and (actor := b.actor_at(before.i)) is not None:
        return actor if b.type_of(actor) == "person" else None
    return None


def _speaker_after(b: DocActorsBuilder, end: int, next_start: int, speech: frozenset[str]) -> str | None:
    doc = b.doc
    first = bisect_right(b.starts, end)
    if first >= len(doc):
        return None
    for token in doc[first : first + _AFTER_WINDOW]:
        if token.idx >= next_start or "\n" in token.text:
            break
        if is_speech_verb(token, speech):
            return _subject_actor(b, token)
    root = doc[first].sent.root
    if root.i >= first and root.idx < next_start and is_speech_verb(root, speech):
        return _subject_actor(b, root)  # "'...' in the Pokrovsk direction, President Zelensky told French media"
    return None


def _speaker_before(b: DocActorsBuilder, start: int, previous_end: int, speech: frozenset[str]) -> str | None:
    doc = b.doc
    last = bisect_left(b.starts, start - 1) - 1  # the last token before the opening mark
    if last < 0:
        return None
    sentence = b.sentence_of.get(last)
    for token in reversed(doc[max(last - _BEFORE_WINDOW, 0) : last + 1]):
        if token.idx < previous_end or b.sentence_of.get(token.i) != sentence or "\n" in token.text:
            break
        if is_speech_verb(token, speech):
            return _subject_actor(b, token)
    return None


def _first_person(b: DocActorsBuilder, token: Token, speaker: str) -> str | None:
    lower = token.lower_
    kind = b.type_of(speaker)
    if lower in _SINGULAR:
        return speaker if kind == "person" else None
    if lower not in _PLURAL or token.text == "US" or token.pos_ != "PRON":
        return None
    if kind in ("state", "organization", "group"):
        return speaker
    if kind != "person":
        return None
    state = b.dictionary.state_of(b.country_of(speaker))
    return state if state is not None else affiliation(b, speaker)


def attribute_quotes(b: DocActorsBuilder, speech: frozenset[str]) -> None:
    """Find every quote's speaker and resolve first-person pronouns inside attributed quotes.

    Args:
        b: the document's references so far.
        speech: lemmas of the verbs of saying (lower case; see :func:`~diplograph.nlp.quotes.speech_lemmas`).
    """
    text = b.doc.text
    spans = quote_spans(text)
    previous: Quote | None = None
    for number, (start, end) in enumerate(spans):
        next_start = spans[number + 1][0] if number + 1 < len(spans) else len(text) + 1
        previous_end = previous.end + 1 if previous is not None else 0
        speaker = _speaker_after(b, end, next_start, speech) or _speaker_before(b, start, previous_end, speech)
        if speaker is None and previous is not None and "\n" not in text[previous.end : start]:
            speaker = previous.speaker
        quote = Quote(start, end, speaker)
        b.quotes.append(quote)
        previous = quote
        if speaker is None or b.type_of(speaker) == "media":
            continue
        for token in b.doc.char_span(start, end, alignment_mode="expand") or ():
            if b.ref_at(token.i) is None:
                actor = _first_person(b, token, speaker)
                if actor is not None:
                    b.add(token.i, token.i + 1, actor if actor in b.actors else b.dictionary.actor(actor), "pronoun")
