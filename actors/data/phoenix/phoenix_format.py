"""Readers for PETRARCH2's actor and agent dictionaries, as ``dictionaries.rst`` describes them.

Format only, no diplograph conventions (those are in ``convert_phoenix.py``):

* :func:`parse_actors` reads an ``*.actors.txt`` text into :class:`Record` objects: the
  primary phrase and its ``+`` synonyms as written (underscores kept), and every code
  restriction (``[RUSGOV 991231-080507]``, ``[IGOUNO >20070101]``, ``[ARM <911221]``,
  ``[AFGELI]``) with ISO dates; several brackets on one line are all read;
* :func:`adopt_orphans` repairs the records that have no code at all: in the files these
  are synonyms whose ``+`` was forgotten (``LEONID_ILYICH_BREZHNEV`` above
  ``COMMUNIST_LEADER_LEONID_BREZHNEV [...]``) or actors listed above a shared code block;
* :func:`parse_agents` reads ``Phoenix.agents.txt``: ``!SET!`` substitution sets expanded,
  ``{plural}`` or regular plurals, the code's ``~`` side.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = [
    "DATE_FIXES",
    "Agent",
    "Record",
    "Restriction",
    "adopt_orphans",
    "parse_actors",
    "parse_agents",
    "parse_date",
    "parse_restriction",
    "plural",
    "repair_text",
]

#: Typing slips in the Phoenix dates, and what the neighbouring restrictions show was meant.
DATE_FIXES = {
    "2004017": "20040117",  # Ban Ki-moon foreign minister of Korea from 17 Jan 2004
    "9008223": "900823",  # Armenia: [USRARM <900823] [ARMUNR 9008223-911221]
    "201005011": "20100511",  # David Cameron prime minister from 11 May 2010
}
_BRACKET = re.compile(r"\[([^\]]*)\]")
_SET_MARKER = re.compile(r"!([A-Z]+)!")
_PREPOSITIONS = {"IN", "OF", "AT", "TO", "FOR", "ON", "WITH", "FROM", "BY", "AGAINST"}
_NOT_MAN = {"HUMAN", "GERMAN", "ROMAN", "SHAMAN", "OTTOMAN", "CAYMAN", "OMAN"}
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u017f\u2013-\u203a]")
_RARE = 40  # a word in at most this many phrases of a file ties an orphan to its neighbour


@dataclass(frozen=True)
class Restriction:
    """One ``[CODE dates]``: the code and the first/last day it applies (ISO, None = open)."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass
class Record:
    """One actor record: phrases as written (primary first), restrictions, primary-line comment."""

    phrases: list[str]
    codes: list[Restriction] = field(default_factory=list)
    comment: str = ""
    line: int = 0
    nulls: int = 0  # null codes ``[---]`` met (dropped from ``codes``)


@dataclass(frozen=True)
class Agent:
    """One agent line: its phrases (singular and plural forms), code and the side of ``~``."""

    phrases: tuple[str, ...]
    code: str
    position: str  # "suffix" for [~GOV] (after the actor code), "prefix" for [NGO~]


def parse_date(text: str) -> str | None:
    """A Phoenix date as ISO ``YYYY-MM-DD``; None when it is no valid date.

    ``YYMMDD`` (years 00-29 are 20xx, others 19xx) or ``YYYYMMDD``; a ten-digit date
    with a stray century in front (``1920030320``) and the slips of :data:`DATE_FIXES`
    are read as meant.

    >>> parse_date("991231"), parse_date("080507"), parse_date("20070101")
    ('1999-12-31', '2008-05-07', '2007-01-01')
    """
    digits = DATE_FIXES.get(text, text)
    if len(digits) == 10 and digits[:2] in ("19", "20"):
        digits = digits[2:]
    if not digits.isdigit() or len(digits) not in (6, 8):
        return None
    if len(digits) == 6:
        year = int(digits[:2])
        year += 2000 if year <= 29 else 1900
    else:
        year = int(digits[:4])
    try:
        return dt.date(year, int(digits[-4:-2]), int(digits[-2:])).isoformat()
    except ValueError:
        return None


def parse_restriction(body: str) -> Restriction | None:
    """The inside of ``[...]`` as a :class:`Restriction`; None for the null code ``---``.

    ``CODE`` (default), ``CODE >date`` (from), ``CODE <date`` (until), ``CODE date-date``;
    a lone date (``[MNEGOV 20121204]``) is read as a start. Blanks after ``>`` are allowed.

    Raises
    ------
    ValueError
        When a date cannot be read (the caller reports and skips the restriction).
    """
    parts = body.split()
    if not parts or parts[0].strip("-") == "":
        return None
    code, spec = parts[0], "".join(parts[1:])
    if not spec:
        return Restriction(code)
    if spec[0] in "<>":
        bounds = [spec[1:]]
    else:
        bounds = spec.split("-", 1)
    dates = [parse_date(b) for b in bounds]
    if None in dates:
        raise ValueError(f"unreadable date in [{body}]")
    if spec[0] == "<":
        return Restriction(code, None, dates[0])
    if spec[0] == ">" or len(dates) == 1:
        return Restriction(code, dates[0], None)
    return Restriction(code, dates[0], dates[1])


def _codes(line: str, record: Record, problems: list[str], number: int) -> None:
    for body in _BRACKET.findall(line):
        try:
            restriction = parse_restriction(body)
        except ValueError as error:
            problems.append(f"line {number}: {error}")
            continue
        if restriction is None:
            record.nulls += 1
            continue
        if restriction.start and restriction.end and restriction.start > restriction.end:
            problems.append(f"line {number}: [{body}] ends before it starts (kept as written)")
        record.codes.append(restriction)


def parse_actors(text: str, problems: list[str] | None = None) -> list[Record]:
    """The records of an actor dictionary, in file order.

    A line starting (after blanks) with ``+`` is a synonym, with ``[`` a restriction,
    anything else a new primary phrase; every ``[...]`` of a line is a restriction, the
    phrase is the text before the first; ``#`` starts a comment anywhere. Unreadable
    restrictions are skipped and described in ``problems``.
    """
    problems = [] if problems is None else problems
    records: list[Record] = []
    current: Record | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        body, _, comment = repair_text(raw).partition("#")
        line = body.strip()
        if not line:
            continue
        phrase = line.partition("[")[0].strip()  # text after a code is no phrase (MNC revenues)
        if line[0] in "+[" and current is None:
            problems.append(f"line {number}: {line[:40]!r} before any primary phrase")
            continue
        if line[0] == "+":
            current.phrases.extend(p.strip() for p in phrase.split("+") if p.strip())
        elif line[0] != "[":
            current = Record([phrase], comment=comment.strip(), line=number)
            records.append(current)
        _codes(line, current, problems, number)
    return records


def _words(phrase: str) -> set[str]:
    return {w for w in re.split(r"[\s_]+", phrase.upper().replace(".", "")) if len(w) >= 3}


def adopt_orphans(records: list[Record]) -> list[Record]:
    """Records without codes joined to the next coded record, which they precede.

    An orphan sharing a rare word (in at most ``_RARE`` phrases of the file) with that
    record is one more name of it and is merged in front (so its primary stays the
    primary); another orphan becomes a record of its own with a copy of the codes.
    Records whose only codes were null (``[---]``) and orphans at the end are dropped.
    """
    frequency = Counter(w for r in records for p in r.phrases for w in _words(p))
    result: list[Record] = []
    waiting: list[Record] = []
    for record in records:
        if not record.codes:
            if not record.nulls:
                waiting.append(record)
            continue
        own = {w for p in record.phrases for w in _words(p) if frequency[w] <= _RARE}
        merged = [o for o in waiting if own & {w for p in o.phrases for w in _words(p)}]
        for orphan in waiting:
            if orphan not in merged:
                result.append(Record(orphan.phrases, list(record.codes), orphan.comment, orphan.line))
        if merged:
            record.phrases = [p for o in merged for p in o.phrases] + record.phrases
            record.comment, record.line = merged[0].comment or record.comment, merged[0].line
        result.append(record)
        waiting = []
    return result


def plural(phrase: str) -> str | None:
    """The regular plural of a phrase's last word; None when none is made.

    The format doc's rule (``-ies`` after ``y``, ``-es`` after ``ss``, else ``-s``:
    ``POLICE_OFFICER`` -> ``POLICE_OFFICERS``) with its English gaps closed: a vowel
    before ``y`` takes ``-s`` (``ENVOYS``), ``x z ch sh`` take ``-es``, ``-man`` becomes
    ``-men`` (``MILITIAMEN``); no plural of a phrase ending in a preposition
    (``OBSERVERS_IN``) or in a single ``s`` (already plural: ``LAWMAKERS``, ``AIRWAYS``).
    """
    last = re.split(r"[\s_]+", phrase.strip())[-1].upper()
    if not last or last in _PREPOSITIONS or (last.endswith("S") and not last.endswith("SS")):
        return None
    lower = not phrase[-1].isupper()
    if last.endswith("MAN") and last not in _NOT_MAN:
        ending, cut = "MEN", 3
    elif last.endswith("Y") and last[-2:-1] not in ("A", "E", "I", "O", "U", ""):
        ending, cut = "IES", 1
    elif last.endswith(("SS", "X", "Z", "CH", "SH")):
        ending, cut = "ES", 0
    else:
        ending, cut = "S", 0
    return phrase[: len(phrase) - cut] + (ending.lower() if lower else ending)


def repair_text(line: str) -> str:
    """Undo UTF-8 read as cp1252 and then upper-cased (``PÃŠBLICAS`` -> ``PÚBLICAS``)."""
    return _MOJIBAKE.sub(_unmangle, line) if _MOJIBAKE.search(line) else line


def _unmangle(match: re.Match) -> str:
    lead, follow = match.group(0)
    for candidate in (follow.lower(), follow):  # the second byte was upper-cased with the text
        try:
            return (lead + candidate).encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue
    return match.group(0)


def _substitute(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    match = _SET_MARKER.search(phrase)
    if match is None:
        return [phrase]
    if match.group(1) not in sets:
        raise KeyError(match.group(1))
    head, tail = phrase[: match.start()], phrase[match.end() :]
    return [f for item in sets[match.group(1)] for f in _substitute(head + item + tail, sets)]


def _agent_phrases(text: str, sets: dict[str, list[str]]) -> list[str]:
    """The phrases of one agent (text before its code): singular and plural(s)."""
    root, brace, rest = text.partition("{")
    root = root.strip().rstrip("_").strip()
    if "!" in root:  # every member of the set, no plurals added
        return _substitute(root, sets)
    if brace:
        given = rest.partition("}")[0].strip().rstrip("_").strip()
        return [root, given] if given else [root]
    return [root, *filter(None, [plural(root)])]


def parse_agents(text: str, problems: list[str] | None = None) -> list[Agent]:
    """The agents of an agent dictionary, in file order, sets expanded, plurals added.

    ``!NAME! = A, B, C`` lines define substitution sets; ``PHRASE {PLURAL} [~CODE]``
    or ``[CODE~]`` lines define agents (an empty ``{}`` means no plural). Lines without
    a code or with an undefined set are skipped and described in ``problems``.
    """
    problems = [] if problems is None else problems
    sets: dict[str, list[str]] = {}
    agents: list[Agent] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = repair_text(raw.partition("#")[0].strip())
        if not line or line.startswith("<!"):
            continue
        marker = _SET_MARKER.match(line)
        if marker and "=" in line:
            sets[marker.group(1)] = [w.strip() for w in line.partition("=")[2].split(",") if w.strip()]
            continue
        phrase, bracket, rest = line.partition("[")
        code = rest.partition("]")[0].strip()
        if not bracket or not code.strip("~"):
            problems.append(f"line {number}: agent without a code: {line!r}")
            continue
        try:
            phrases = _agent_phrases(phrase, sets)
        except KeyError as missing:
            problems.append(f"line {number}: undefined set !{missing.args[0]}!")
            continue
        position = "prefix" if code.endswith("~") else "suffix"
        agents.append(Agent(tuple(phrases), code.strip("~"), position))
    return agents
