"""Attribution: who says so?

A relation read from reported speech carries the speaker in
``attributed_to``; the act of saying is not itself a relation. Speakers are
found, in order of preference, as:

1. the subject of a verb of saying whose complement clause holds the
   trigger ("Zelenskyy *said* Russia had deployed 100,000 troops");
2. the subject of a verb of saying attached to the trigger's clause as a
   parenthetical ("Russia attacked Kyiv, Zelenskyy *said*");
3. the object of *according to* in the sentence;
4. for text inside quotation marks, the speaker of the quotation: a verb of
   saying next to the closing (or, before a colon, the opening) quotation
   mark, possibly in the following sentence (``"...," X said.``).

For rule 4, :class:`QuoteIndex` reads the quotation marks strictly
(:func:`diplograph.nlp.quotes.quote_spans` with ``strict=True``). Actor
resolution reads them leniently and finds quote speakers by rules of its own
(:mod:`diplograph.actors.quotes`, kept in ``DocActors.quotes``, which decide
who "I" and "we" are); the two readings disagree on some texts, so each stage
keeps its own. Both take the verbs of saying from the lexicon's
``speech_verbs``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from diplograph.actors.doc_actors import DocActors
from diplograph.nlp.quotes import is_speech_verb, quote_spans
from diplograph.nlp.syntax import clause_subject
from diplograph.relations.arguments import phrase_actors, sentence_start
from diplograph.relations.lexicon import Lexicon

__all__ = ["Speaker", "QuoteIndex", "speaker_of", "speech_verbs_of"]

#: The fewest characters inside a quotation (a one-letter "quote" is none).
_MIN_QUOTE_CHARS = 2


@dataclass(frozen=True)
class Speaker:
    """A speaker: the actor and the verb (or phrase) that introduces the speech."""

    actor: str
    cue: Token


@dataclass
class QuoteIndex:
    """Quoted passages of a document and their speakers (built once per document).

    Attributes:
        spans: ``(start_char, end_char)`` of each quotation's inside.
        speakers: the speaker of each quotation (None when unknown).
    """

    spans: list[tuple[int, int]] = field(default_factory=list)
    speakers: list[Speaker | None] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, actors: DocActors, lexicon: Lexicon) -> QuoteIndex:
        """Find the quotations of ``doc`` and their speakers."""
        index = cls()
        speech = lexicon.speech_lemmas
        text = doc.text
        for start, end in quote_spans(text, strict=True, min_chars=_MIN_QUOTE_CHARS):
            index.spans.append((start, end))
            index.speakers.append(_quote_speaker(doc, len(text), start, end, actors, speech))
        return index

    def speaker_at(self, char: int) -> Speaker | None:
        """The speaker of the quotation containing character offset ``char`` (quotations never overlap)."""
        position = bisect_right(self.spans, (char, float("inf"))) - 1
        if position >= 0 and self.spans[position][0] <= char < self.spans[position][1]:
            return self.speakers[position]
        return None


def _subject_actor(verb: Token, actors: DocActors) -> str | None:
    subject, _ = clause_subject(verb)
    if subject is None:
        return None
    found = phrase_actors(subject, actors)
    return found[0].actor if found else None


def _quote_speaker(
    doc: Doc, length: int, start: int, end: int, actors: DocActors, speech: frozenset[str]
) -> Speaker | None:
    """The speaker of the quotation ``doc.text[start:end]`` (``length`` is the text length)."""
    after = doc.char_span(end, min(length, end + 200), alignment_mode="expand")
    if after is not None:
        for token in after:
            if token.is_sent_start and token.idx > end + 1:
                break
            if is_speech_verb(token, speech) and not (start <= token.idx < end):
                actor = _subject_actor(token, actors)
                if actor is not None:
                    return Speaker(actor, token)
    before = doc.char_span(max(0, start - 200), start, alignment_mode="expand")
    if before is not None:
        for token in reversed(list(before)):
            if token.idx >= start:
                continue
            if is_speech_verb(token, speech):
                actor = _subject_actor(token, actors)
                if actor is not None:
                    return Speaker(actor, token)
            if token.is_sent_start:
                break
    return None


def _sentence_tokens(doc: Doc, start: int) -> Iterator[Token]:
    """Tokens from ``start`` to the end of that sentence."""
    for i in range(start, len(doc)):
        if i > start and doc[i].is_sent_start:
            return
        yield doc[i]


def speech_verbs_of(sentence: Span, lexicon: Lexicon) -> set[int]:
    """Token indices of the verbs of saying in a sentence (never relations themselves)."""
    speech = lexicon.speech_lemmas
    return {t.i for t in sentence if is_speech_verb(t, speech)}


#: Verbs whose gerund complement is the accuser's claim, not the writer's ("accused X of arming ...").
_ACCUSING = frozenset({"accuse", "blame", "charge", "suspect"})


def speaker_of(
    trigger: Token, actors: DocActors, lexicon: Lexicon, quotes: QuoteIndex | None = None
) -> Speaker | None:
    """The speaker the relation expressed by ``trigger`` is attributed to, or None."""
    speech = lexicon.speech_lemmas
    current = trigger
    while current.head != current:
        head = current.head
        if current.dep_ in ("ccomp", "parataxis") and is_speech_verb(head, speech):
            actor = _subject_actor(head, actors)
            if actor is not None:
                return Speaker(actor, head)
        if current.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in _ACCUSING:
            actor = _subject_actor(head.head, actors)  # "the US accused Russia of *supplying* weapons": the US says so
            if actor is not None:
                return Speaker(actor, head.head)
        current = head
    root = current
    for child in root.children:
        if child.dep_ in ("parataxis", "advcl", "conj") and is_speech_verb(child, speech) and child.i > trigger.i:
            # "Russia attacked Kyiv, Zelenskyy said" -- but not "X rejected it, saying ...",
            # where the subjectless participle reports its own complement, not the trigger.
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue
            actor = _subject_actor(child, actors)
            if actor is not None:
                return Speaker(actor, child)
    doc = trigger.doc
    start = sentence_start(trigger)
    for token in _sentence_tokens(doc, start):
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            for obj in token.doc[token.i + 1].children:
                if obj.dep_ == "pobj":
                    found = phrase_actors(obj, actors)
                    if found:
                        return Speaker(found[0].actor, token)
    if quotes is not None:
        return quotes.speaker_at(trigger.idx)
    return None
