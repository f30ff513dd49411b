"""Names an analyst would accept: what an NER span must look like before it becomes a new actor.

* Bounds: leading articles, titles and honorifics (Mr, Ms, Dr, Mme, Sheikh …)
  are not part of a name, nor a trailing possessive; a span crossing a spaced
  dash or a dateline ("GENEVA - Truce", "KABUL, Afghanistan —", "SEOUL
  (Reuters) -") keeps only what follows the dash.
* Noise never becomes an actor: digits, markup, lower-case or generic words,
  weapon names, weekdays and months, scraper debris glued across punctuation
  ("Last month,-Kyiv-based", "stressed.-", "Source:-Reuters"), words with a
  verb in them ("Defeating al-Shabab", "Civil War Explained": headline
  fragments), a single common word that is capitalised only because it starts
  a sentence, and bylines.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.titles import TITLES

__all__ = [
    "HONORIFICS",
    "WEAPON_NAMES",
    "CALENDAR_WORDS",
    "byline_tokens",
    "dateline_tokens",
    "clean_bounds",
    "is_noise",
    "is_debris",
    "is_fragment",
]

#: Words before a name that are not part of it (lower case, without the full stop).
HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "mme", "mlle", "madame", "monsieur", "herr",
        "frau", "sir", "dame", "sheikh", "sheik", "shaikh", "rep", "sen", "gov", "gen", "lt", "col", "maj", "capt",
        "sgt", "adm", "cmdr", "rev", "reverend", "fr", "hon", "councillor", "cllr", "judge", "mullah",
        "ayatollah", "imam", "comrade", "mister", "lord", "lady",
    }
)

#: Weapon and equipment names the small model takes for organizations or places.
WEAPON_NAMES = frozenset(
    {
        "kab", "kabs", "grad", "grads", "himars", "atacms", "storm shadow", "scalp", "taurus", "tomahawk",
        "tomahawks", "patriot", "patriots", "shahed", "shaheds", "geran", "gerans", "iskander", "iskanders",
        "kinzhal", "kalibr", "oreshnik", "nasams", "iris-t", "samp/t", "lancet", "bayraktar", "starlink",
        "leopard", "leopards", "abrams", "bradley", "bradleys", "javelin", "javelins", "stinger", "stingers",
        "gripen", "mirage", "typhoon", "su-34", "tu-95", "fpv", "first-person view",
    }
)

#: Weekdays and months: never an actor ("Friday" tagged PERSON, "March" tagged ORG).
CALENDAR_WORDS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "today", "yesterday", "tomorrow", "tonight", "weekend",
    }
)

_STRIP_LEADING = frozenset({"the", "a", "an"})
_MARKUP = frozenset("/\\`*_#@=<>|{}[]")
_CREDIT_WORDS = frozenset({"reporting", "writing", "editing", "additional", "compiled", "photo", "photos"})
_DASHES = frozenset({"-", "\u2013", "\u2014", "--", "\u2015"})
#: Punctuation glued to a word by scraping ("month,-Kyiv", "stressed.-", "Source:-Reuters", "Beijing--").
_DEBRIS = re.compile(r"[,.;:!?]-|-[,.;:]|--|^-|-$")
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})


def byline_tokens(b: DocActorsBuilder) -> set[int]:
    """Indices of tokens in bylines and credits ("By Jane Doe and John Roe Bloomberg News")."""
    doc = b.doc
    found: set[int] = set()
    for i, lower in enumerate(b.lower):
        if lower != "by" or i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper():
            continue
        starts_line = i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space
        byline = doc[i].text == "By" and starts_line
        credit = i > 0 and b.lower[i - 1] in _CREDIT_WORDS
        if not (byline or credit):
            continue
        for follower in doc[i:]:
            if follower.i > i and (follower.is_space or follower.text in (".", ";", ")")):
                break
            found.add(follower.i)
            if "\n" in follower.whitespace_ + (follower.text if follower.is_space else ""):
                break
    return found


def _line_start(b: DocActorsBuilder, i: int) -> bool:
    doc = b.doc
    if i == 0 or doc[i - 1].is_space or "\n" in doc[i - 1].text_with_ws or doc[i - 1].text in _DASHES:
        return True  # also what follows a dateline's dash ("GENEVA - Truce talks")
    return b.sentences[b.sentence_of[i]].start == i


def dateline_tokens(b: DocActorsBuilder) -> set[int]:
    """Tokens of datelines: a line-initial place in capitals, up to the dash after it
    ("GENEVA -", "KABUL, Afghanistan —", "SEOUL (Reuters) -")."""
    doc = b.doc
    found: set[int] = set()
    for token in doc:
        if not (token.is_upper and token.is_alpha and len(token) >= 3 and _line_start(b, token.i)):
            continue
        for follower in doc[token.i + 1 : token.i + 8]:
            if follower.text in _DASHES:
                found.update(range(token.i, follower.i + 1))
                break
            if follower.is_space or follower.text in (".", '"') or follower.is_lower and follower.is_alpha:
                break
    return found


def _spaced_dash(token) -> bool:
    """A dash standing between words ("GENEVA - Truce"), not a hyphen inside one ("al-Sham")."""
    doc = token.doc
    return token.text in _DASHES and (bool(token.whitespace_) or token.i > 0 and bool(doc[token.i - 1].whitespace_))


def _honorific(text: str) -> bool:
    return text.lower().rstrip(".") in HONORIFICS


def clean_bounds(b: DocActorsBuilder, start: int, end: int, label: str, datelines: set[int]) -> tuple[int, int]:
    """Token bounds of an NER span without datelines, dashes, articles, titles, honorifics and possessives."""
    doc = b.doc
    for i in range(end - 1, start - 1, -1):  # keep what follows a dateline or a spaced dash
        if i in datelines or _spaced_dash(doc[i]):
            start = i + 1
            break
    while start < end and (doc[start].lower_ in _STRIP_LEADING or doc[start].is_punct):
        start += 1
    while start < end - 1 and (_honorific(doc[start].text) or label == "PERSON" and doc[start].lower_ in TITLES):
        if doc[start + 1].pos_ != "PROPN" and doc[start + 1].text != ".":
            break  # "Justice Department": a word of the name, not a title before one
        start += 1
        while start < end - 1 and doc[start].text == ".":
            start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def is_debris(text: str) -> bool:
    """True for text glued across punctuation by scraping ("month,-Kyiv-based", "Lavrov stressed.-")."""
    return any(_DEBRIS.search(word) for word in text.split())


def is_noise(b: DocActorsBuilder, span: Span, label: str, lowercase_words: frozenset[str]) -> bool:
    """True for spans that cannot name an actor (see the module docstring)."""
    text = span.text
    if len(span) == 1 and span[0].lower_ in lowercase_words:
        return True  # "Drones struck ..." when the text also writes "drones"
    if label == "PERSON" and text.isupper():
        return True
    if len(text) < 2 or "\n" in text or any(t.is_space for t in span) or any(ch.isdigit() for ch in text):
        return True
    if not any(ch.isupper() for ch in text) or not span[0].text[:1].isupper():
        return True
    if all(t.is_stop or t.lower_ in TITLES or t.is_punct or t.lower_ in CALENDAR_WORDS for t in span):
        return True
    if not any(t.pos_ == "PROPN" for t in span) or any(ch in _MARKUP for ch in text):
        return True  # "Midway through", "Drones struck", "U.S./US", "`YYYY-MM-DD`"
    if is_debris(text) or any(_spaced_dash(t) for t in span):
        return True
    return text.lower() in WEAPON_NAMES


def is_fragment(b: DocActorsBuilder, span: Span, label: str) -> bool:
    """A span a new actor cannot come from, though the dictionaries might know it: a verb inside
    ("Defeating al-Shabab", "Leader Slams"), or — for organizations and places — one word
    capitalised only because it starts a sentence, the document never capitalising it elsewhere ("Trade")."""
    if any(t.tag_ in _VERB_TAGS for t in span):
        return True
    if len(span) == 1 and label != "PERSON" and _line_start(b, span.start):
        text = span.text
        return not any(t.text == text and not _line_start(b, t.i) for t in b.doc)
    return False
