"""Dates: when did (or will) the related event happen?

A relation's date is the document date, refined by a date expression that
modifies the trigger's own clause ("met *on Friday*", "a meeting with Putin
*last month*", "will hold a call *on Wednesday*"). A date attached to another
clause (the *On Friday* of "On Friday, Zelenskyy said Russia had deployed
...") does not move the relation. Rules:

* weekday names resolve to the nearest such day on or before the document
  date, or on or after it for planned relations ("will meet Friday");
* relative expressions ("last month", "yesterday") are parsed by
  ``dateparser`` relative to the document date; a month or day without a
  year ("September 4", "in May") is the occurrence nearest the document
  date; a month without a day means its first day;
* only dates that place the event count ("*on* Friday", "last month"), not
  "*after* Aug. 15" or "*since* May";
* bare years, durations and periods ("2015", "a decade", "this year",
  "in recent months") are ignored;
* without a document date, only explicit dates with a year are used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

__all__ = ["relation_date", "date_entities", "parse_date_expression", "WEEKDAYS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEAR_RE = re.compile(r"\b(1[89]|20)\d\d\b")
_BARE_YEAR_RE = re.compile(r"^(in\s+)?(the\s+)?(1[89]|20)\d\ds?$", re.I)
_DURATION_RE = re.compile(
    r"\b(decade|decades|years|months|weeks|days|hours|minutes|century|a year|a month|a week|a day)\b", re.I
)
_PERIOD_RE = re.compile(r"^(in\s+|during\s+|over\s+)?(this|these|recent|the\s+past|the\s+last)\s+(year|month|week|years|months|weeks|decade|century)s?$", re.I)
_RELATIVE_OK = re.compile(r"\b(last|next|this|past|recent|ago|yesterday|today|tomorrow|tonight)\b", re.I)


def _weekday(text: str) -> int | None:
    words = re.findall(r"[a-z]+", text.lower())
    days = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    if len(days) == 1 and not any(w in ("last", "next") for w in words):
        return days[0]
    return None


_DAY_RANGE_RE = re.compile(r"(?<![\d\-/])\b(\d{1,2})\s*[-\u2013]\s*\d{1,2}\b(?!\s*[-\u2013/]?\d)")


def parse_date_expression(text: str, base: dt.date | None, *, future: bool = False, past: bool = False) -> dt.date | None:
    """Resolve a date expression against the document date ``base``.

    >>> parse_date_expression("on Friday", dt.date(2025, 8, 12))
    datetime.date(2025, 8, 8)
    >>> parse_date_expression("Friday", dt.date(2025, 8, 12), future=True)
    datetime.date(2025, 8, 15)
    """
    text = _DAY_RANGE_RE.sub(r"\1", " ".join(text.split()))  # "January 23-24": its first day, "24" is no year
    if not text or _BARE_YEAR_RE.match(text) or text.isdigit():
        return None  # "2016" alone is a year, not a day; "34" (an age) is no date
    if _DURATION_RE.search(text) and not _RELATIVE_OK.search(text):
        return None
    if _PERIOD_RE.match(text):
        return None  # "this year", "in recent months": a period, not a date
    if base is None and not _YEAR_RE.search(text):
        return None
    day = _weekday(text)
    if day is not None and base is not None:
        delta = (day - base.weekday()) % 7
        return base + dt.timedelta(days=delta) if future else base - dt.timedelta(days=(base.weekday() - day) % 7)
    import dateparser  # imported lazily: it is slow to import

    settings = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    result = parsed.date()
    if base is not None and not past and not _YEAR_RE.search(text) and not _RELATIVE_OK.search(text):
        # "September 4" without a year: the occurrence nearest the document date, unless the verb says
        # it is past ("met him in July", written in March: last July)
        other = dateparser.parse(
            text, languages=["en"], settings={**settings, "PREFER_DATES_FROM": "past" if future else "future"}
        )
        if other is not None and abs((other.date() - base).days) < abs((result - base).days):
            result = other.date()
    return result


#: Prepositions that place an event at a date ("*on* Friday"); others
#: ("*after* Aug. 15", "*since* May") do not date the event itself.
_AT_PREPS = frozenset({"on", "in", "at", "during", "over"})


def _attached(entity: Span, anchors: set[int]) -> bool:
    """True when the date entity dates one of the anchor tokens."""
    head = entity.root.head
    if head == entity.root:
        return False
    if head.i in anchors:
        return True
    return head.dep_ == "prep" and head.lower_ in _AT_PREPS and head.head.i in anchors


def date_entities(sentence: Span) -> list[Span]:
    """The DATE entities of a sentence, read from its tokens.

    ``Span.ents`` rebuilds every entity of the whole document on each call,
    which made dating quadratic in the document length.
    """
    found: list[Span] = []
    doc = sentence.doc
    start: int | None = None
    for token in sentence:
        if start is not None and token.ent_iob_ != "I":
            found.append(doc[start : token.i])
            start = None
        if token.ent_iob_ == "B" and token.ent_type_ == "DATE":
            start = token.i
    if start is not None and (sentence.end == len(doc) or doc[sentence.end].ent_iob_ != "I"):
        found.append(doc[start : sentence.end])  # like Span.ents: only entities inside the sentence
    return found


def relation_date(
    anchors: Iterable[Token],
    document_date: dt.date | None,
    *,
    future: bool = False,
    sentence: Span | None = None,
) -> dt.date | None:
    """The date of a relation whose clause is made of the ``anchors`` tokens.

    Args:
        anchors: the trigger, its governor chain and (for light verbs) the verb.
        document_date: the document's date (None when unknown).
        future: the relation is planned (weekdays and dates resolve forward).
        sentence: the sentence of the anchors (found from them if not given).
    """
    anchor_list = list(anchors)
    if not anchor_list:
        return document_date
    ids = {t.i for t in anchor_list}
    past = not future and any(t.tag_ == "VBD" or t.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in t.children) for t in anchor_list)
    sentence = sentence if sentence is not None else anchor_list[0].sent
    for entity in date_entities(sentence):
        if not _attached(entity, ids):
            continue
        parsed = parse_date_expression(entity.text, document_date, future=future, past=past)
        if parsed is not None:
            return parsed
    return document_date
