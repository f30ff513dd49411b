"""Names an analyst would accept: what an NER span must look like before it becomes a new actor.

* Bounds: leading articles, titles and honorifics (Mr, Ms, Dr, Mme, Sheikh …)
  are not part of a name, nor a trailing possessive; a span crossing a spaced
  dash or a dateline ("GENEVA - Truce", "KABUL, Afghanistan —", "SEOUL
  (Reuters) -") keeps only what follows the dash.
* Noise never becomes an actor: digits, markup, lower-case or generic words,
  weapon names, weekdays and months, religions and ideologies ("Islam"), names
  of plans, laws, reports and events ("… Plan", "Operation …"), scraper debris glued across punctuation
  ("Last month,-Kyiv-based", "stressed.-", "Source:-Reuters"), words with a
  verb in them ("Defeating al-Shabab", "Civil War Explained": headline
  fragments), a single common word that is capitalised only because it starts
  a sentence, and bylines.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.dictionary import fold_name
from diplograph.actors.phoenix import phoenix_index
from diplograph.actors.titles import GENERIC_ORG_WORDS, TITLES

__all__ = [
    "HONORIFICS",
    "WEAPON_NAMES",
    "CALENDAR_WORDS",
    "NON_ACTOR_WORDS",
    "NOT_ACTOR_HEADS",
    "byline_tokens",
    "dateline_tokens",
    "clean_bounds",
    "is_noise",
    "is_debris",
    "is_fragment",
    "common_words",
    "title_words",
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

#: Words that are never an actor's name: religions, ideologies, holidays, processes ("Islam", "Brexit").
NON_ACTOR_WORDS = frozenset(
    {
        "islam", "christianity", "judaism", "buddhism", "hinduism", "sunni", "sunnis", "shia", "shiite", "shiites",
        "sufi", "sufis", "sufism", "wahhabi", "wahhabism", "salafi", "salafism", "communism", "nazism", "fascism",
        "zionism", "jihad", "sharia", "ramadan", "eid", "christmas", "easter", "brexit", "holocaust", "internet",
        "quran", "koran", "bible", "allah", "god",
        # programmes and online services: where things are said or paid, not who acts
        "obamacare", "medicare", "medicaid", "twitter", "facebook", "youtube", "instagram", "gmail", "whatsapp",
        "permalink",
    }
)
#: Last (or, for "Operation …", first) words of names of plans, laws, programmes, reports and events: not actors.
NOT_ACTOR_HEADS = frozenset(
    {
        "plan", "report", "programme", "program", "initiative", "strategy", "act", "bill", "law", "treaty", "accord",
        "doctrine", "index", "survey", "map", "award", "awards", "prize", "cup", "games", "festival", "olympics",
        "championship", "area", "zone", "corridor", "scheme", "mou", "memorandum", "declaration", "resolution",
        "convention", "protocol", "charter", "war", "crisis", "revolution", "uprising", "referendum", "election",
        "elections", "summit", "talks", "process", "framework", "parameters", "agreement", "pact", "partnership",
        "lunch", "dinner", "conference",
    }
)
_FIRST_NOT_ACTOR = frozenset({"operation", "project"})
_IDEOLOGY_SUFFIXES = ("ism", "phobia", "ology")
#: Words a span may start with that are never part of a name: articles, and the discourse adverbs the
#: small model glues onto a name at a sentence start ("Nonetheless Nikki Haley, the new US ambassador").
_STRIP_LEADING = frozenset({"the", "a", "an", "nonetheless", "nevertheless", "however", "meanwhile", "moreover",
                            "furthermore", "still", "also", "instead", "indeed", "separately", "additionally"})
_STRIP_TRAILING = frozenset({"of", "for", "and", "the", "in", "on", "at", "to", "with", "or", "&"})
_MARKUP = frozenset("/\\`*_#@=<>|{}[]")
_CREDIT_WORDS = frozenset({"reporting", "writing", "editing", "additional", "compiled", "photo", "photos"})
_DASHES = frozenset({"-", "\u2013", "\u2014", "--", "\u2015"})
#: Punctuation glued to a word by scraping ("month,-Kyiv", "stressed.-", "Source:-Reuters", "Beijing--").
_DEBRIS = re.compile(r"[,.;:!?]-|-[,.;:]|--|^-|-$|^\?|\?$")
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_BREAKS = frozenset({'"', "\u201c", "\u201d", "(", ")", "[", "]", "|"})
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "la", "le", "van", "von", "der",
                        "den", "ter", "y", "dos", "das", "ould"})  # fmt: skip
_RANKS = frozenset({"officer", "petty", "private", "corporal", "sergeant", "lieutenant", "colonel", "major", "captain",
                    "admiral", "brigadier", "marshal", "commodore", "specialist", "seaman", "airman"})  # fmt: skip


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
    ("GENEVA -", "KABUL, Afghanistan —", "SEOUL (Reuters) -"), or a named place in title case with
    nothing but names and commas before a spaced dash ("Geneva, Switzerland - ")."""
    doc = b.doc
    found: set[int] = set()
    for token in doc:
        capitals = token.is_upper and token.is_alpha and len(token) >= 3
        if not (capitals or token.is_title and token.ent_type_ in ("GPE", "LOC", "FAC")) or not _line_start(b, token.i):
            continue
        for follower in doc[token.i + 1 : token.i + 8]:
            if follower.text in _DASHES and (capitals or _spaced_dash(follower)):
                found.update(range(token.i, follower.i + 1))
                break
            if follower.is_space or follower.text in (".", '"') or follower.is_lower and follower.is_alpha or not (
                    capitals or follower.is_title or follower.text == ","):
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
    for i in range(start, end):  # a quote or bracket inside a name ends it: 'Party for Freedom (PVV'
        if doc[i].text in _BREAKS and i > start:
            end = i
            break
    if label == "PERSON":
        start, end = _person_bounds(b, start, end)
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in _STRIP_TRAILING):  # "North Caucasus and"
        end -= 1
    return start, end


def _person_bounds(b: DocActorsBuilder, start: int, end: int) -> tuple[int, int]:
    """A person's name without the title or portfolio before it ("Infrastructure James Macharia",
    "Petty Officer William") and without a lower-case word after it ("Kenny at")."""
    doc = b.doc
    for i in range(start + 1, end):
        glued = doc[i - 1].text == "-" and not doc[i - 1].whitespace_  # "Kim Pyong-il", "Jamaat-ul-Ahrar"
        if doc[i].is_lower and doc[i].is_alpha and doc[i].lower_ not in _PARTICLES and not glued:
            end = i
            break
    given = phoenix_index().given_names
    last_title = max((i for i in range(start, end - 1) if doc[i].lower_ in TITLES or doc[i].lower_ in _RANKS), default=None)
    if last_title is not None:
        start = last_title + 1
    elif end - start >= 3 and fold_name(doc[start].text) not in given:
        first = next((i for i in range(start + 1, end - 1) if fold_name(doc[i].text) in given), None)
        if first is not None and all(t.lower_ in common_words() for t in doc[start:first]):
            start = first
    return start, end


@cache
def title_words() -> frozenset[str]:
    """Every word of every title ("ambassador", "extraordinary", "plenipotentiary", "general")."""
    return frozenset(w for title in TITLES for w in title.replace("-", " ").split() if len(w) > 3)


@cache
def common_words() -> frozenset[str]:
    """Lower-case words of titles, institutions and the Phoenix generic agents: not the start of a name."""
    words = {w for form in phoenix_index().agent_forms() for w in form.split()}
    words |= {w for title in TITLES for w in title.split()} | set(GENERIC_ORG_WORDS)
    return frozenset(w for w in words if w.isalpha() and fold_name(w) not in phoenix_index().given_names)


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
    if span[-1].lower_ in TITLES or len(span) == 1 and span[0].lower_ in title_words():
        return True  # "Propaganda Minister", "Foreign Minister", "Extraordinary": a title, not a name
    if any(t.lower_ in NON_ACTOR_WORDS for t in span) and len(span) <= 2:
        return True  # "Islam", "Sunni Islam", "Brexit"
    if label != "PERSON" and (span[-1].lower_ in NOT_ACTOR_HEADS or span[0].lower_ in _FIRST_NOT_ACTOR):
        return True  # "National Transformation Plan", "Operation Euphrates Shield", "Munich Security Report"
    if len(span) > 2 and span[0].lower_ in NOT_ACTOR_HEADS and span[1].lower_ == "of":
        return True  # "Charter of Fundamental Rights", "Declaration of Independence"
    if len(span) == 1 and span[0].lower_.endswith(_IDEOLOGY_SUFFIXES):
        return True  # "Islamophobia", "Putinism": an idea, not an actor
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
    if len(span) == 1 and label != "PERSON" and span[0].lower_ in common_words():
        return True  # "Transport", "Infrastructure": a capitalised common word, not a name
    if len(span) == 1 and label == "ORG" and fold_name(span.text) in phoenix_index().given_names:
        return True  # "Kim" typed ORG: a name cut from a person's, not an organization
    if len(span) == 1 and label != "PERSON" and _line_start(b, span.start):
        text = span.text
        return not any(t.text == text and not _line_start(b, t.i) for t in b.doc)
    return False
