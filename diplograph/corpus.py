"""Corpus readers: turn a path (or stdin) into a stream of :class:`Document`.

Accepted inputs:

* a text file (``.txt`` or any other name) — the id is the file name;
* a directory — every ``.txt``/``.text`` file below it (not README.md or notes), recursively, in sorted
  order; ids are paths relative to the directory (``2025/aug/brief.txt``);
* a ``.jsonl`` file — one object a line with a ``text`` field and optional
  ``id``, ``title``, ``date``;
* a ``.csv`` file — a ``text`` column and optional ``id``, ``title``, ``date``;
* ``-`` — one document read from standard input.

A document's date comes from a leading ``date YYYY-MM-DD`` line, a ``date``
field, or is left empty. Readers never stop at one bad document: they yield a
:class:`DocumentError` for it and go on with the rest.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diplograph.errors import InputError
from diplograph.models import Document

__all__ = [
    "DocumentError", "CorpusItem", "read_corpus", "make_document", "documents_from_texts", "parse_date",
    "decode_bytes", "printable", "TEXT_SUFFIXES",
]

TEXT_SUFFIXES = (".txt", ".text")  # in a directory: README.md and notes are not news
_DATE_LINE = re.compile(r"\A(\s*)date[ \t]*[:=]?[ \t]*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_TEXT_KEYS = ("text", "body", "content", "article")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # UTF-32 first: it starts like UTF-16
#: Bytes scored when guessing an encoding (the whole file is then decoded).
_SAMPLE_BYTES = 20_000
#: Code pages tried for non-UTF-8 text, in order of preference on a tie.
_FALLBACK_ENCODINGS = ("cp1252", "cp1251", "cp1250", "koi8_r", "cp1253", "cp1254", "latin_1")
_MAX_MESS_PER_CHAR = 0.1
_PLAIN_CONTROLS = frozenset("\t\n\r\f\v")
_BAD_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_CJK_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC"})


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A document that could not be read; the run goes on without it.

    ``str()`` gives the one line the CLI prints, with control and bidi
    characters from hostile ids or keys escaped so they cannot drive the terminal.
    """

    doc: str
    reason: str
    warning: bool = False

    def __str__(self) -> str:
        return printable(f"{self.doc}: {self.reason}")


def printable(text: str) -> str:
    """Escape control, line-separator and bidi-override characters (``\\x1b``) for one-line terminal output."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


CorpusItem = Document | DocumentError


def parse_date(value: Any) -> dt.date | None:
    """Return a date from ``YYYY-MM-DD`` / ISO datetime text, a date, or None.

    Raises:
        ValueError: when the value is not empty and not a date.
    """
    if value is None or (isinstance(value, float) and value != value):  # NaN from pandas
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"date {text!r} is not in YYYY-MM-DD form") from None


def decode_bytes(raw: bytes) -> tuple[str, str | None]:
    """Decode file bytes: UTF-8 (BOM or not), UTF-16/32, else the likeliest 8-bit encoding.

    Returns the text and a warning naming the encoding when it was not UTF-8
    (None otherwise). Short texts fool statistical detectors, so each candidate
    (charset_normalizer's guess, common Windows code pages) is scored by the
    mojibake its decoding shows (see ``_mess``).

    Raises:
        ValueError: for binary data.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise ValueError(f"starts with a {codec} byte order mark but is not valid {codec}") from None
            return text, None if codec == "utf-8" else f"not UTF-8; decoded as {codec} (byte order mark)"
    if b"\x00" in raw[:_SAMPLE_BYTES]:
        codec = _utf16_without_bom(raw)
        if codec is None:
            raise ValueError("binary file (contains NUL bytes), not text")
        return raw.decode(codec), f"not UTF-8; decoded as {codec}"
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    for codec in _rank_encodings(raw):
        try:
            return raw.decode(codec), f"not UTF-8; decoded as {codec}"
        except UnicodeDecodeError:
            continue
    raise ValueError("cannot detect the text encoding (binary file?)")


def _utf16_without_bom(raw: bytes) -> str | None:
    """Return ``utf-16-le``/``-be`` when NUL bytes sit in every other position, like ASCII in UTF-16."""
    sample = raw[: _SAMPLE_BYTES - _SAMPLE_BYTES % 2]
    pairs = max(len(sample) // 2, 1)
    odd, even = sample[1::2].count(0) / pairs, sample[0::2].count(0) / pairs
    codec = "utf-16-le" if odd > 0.6 and even < 0.05 else "utf-16-be" if even > 0.6 and odd < 0.05 else None
    try:
        text = raw.decode(codec) if codec else "\x00"
    except UnicodeDecodeError:
        return None
    return codec if "\x00" not in text and _plausible(text[:_SAMPLE_BYTES], _mess(text[:_SAMPLE_BYTES])) else None


def _rank_encodings(raw: bytes) -> list[str]:
    """Candidate encodings for non-UTF-8 bytes, most plausible first (none if all look binary)."""
    from charset_normalizer import from_bytes

    sample = raw[:_SAMPLE_BYTES]
    final = len(raw) <= _SAMPLE_BYTES
    priors = {codec: rank / 20 for rank, codec in enumerate(_FALLBACK_ENCODINGS)}
    guess = from_bytes(raw[: 16 * _SAMPLE_BYTES]).best()
    if guess is not None:
        trusted = guess.coherence >= 0.2  # charset_normalizer recognised a language
        priors[guess.encoding] = -0.1 if trusted else min(priors.get(guess.encoding, 0.5), 0.5)
    scored = []
    for codec, prior in priors.items():
        try:
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=final)
        except (UnicodeDecodeError, LookupError):
            continue
        mess = _mess(text)
        if _plausible(text, mess):
            scored.append((mess + prior, codec))
    return [codec for _, codec in sorted(scored)]


def _plausible(text: str, mess: int) -> bool:
    return mess <= _MAX_MESS_PER_CHAR * max(len(text), 1)


def _mess(text: str) -> int:
    """Count signs of a wrong decoding: control characters, symbols stuck to letters, words mixing
    scripts or cases, Latin words made mostly of accented letters (0 for clean text)."""
    score = 0
    for char in text:
        if char not in _PLAIN_CONTROLS and (unicodedata.category(char) in _BAD_CATEGORIES or char == "\ufffd"):
            score += 5
    return score + sum(_word_mess(word) for word in text.split() if not word.isascii())


def _word_mess(word: str) -> int:
    score, letters, accented = 0, 0, 0
    scripts: set[str] = set()
    for index, char in enumerate(word):
        if char.isalpha():
            letters += 1
            accented += not char.isascii()
            scripts.add(_script(char))
            previous = word[index - 1] if index else ""
            if previous.islower() and char.isupper() and not (previous.isascii() and char.isascii()):
                score += 1  # "рСФЙО": KOI8-R read as cp1251, or the reverse
        elif unicodedata.category(char)[0] == "S" or unicodedata.category(char) == "No":
            # "przyjê³y", "£odzi": cp1250 read as cp1252
            score += (index > 0 and word[index - 1].isalpha()) + (index < len(word) - 1 and word[index + 1].isalpha())
    if len(scripts) > 1:
        score += 3
    if scripts == {"LATIN"} and letters >= 3 and accented * 2 > letters:
        score += 2  # "Ïóòèí": Cyrillic cp1251 read as cp1252
    return score


def _script(char: str) -> str:
    if char.isascii():
        return "LATIN"
    script = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    return "CJK" if script in _CJK_SCRIPTS else script


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _without_surrogates(text: str) -> str:
    """Replace lone surrogates (from JSON ``\\ud800`` escapes) with U+FFFD; offsets are kept."""
    return _SURROGATE.sub("\ufffd", text)


def _split_header(text: str) -> tuple[str, dt.date | None]:
    """Blank out a leading ``date YYYY-MM-DD`` marker (offsets stay valid) and return its date."""
    match = _DATE_LINE.match(text)
    if not match:
        return text, None
    try:
        date = dt.date.fromisoformat(match.group(2))
    except ValueError:
        return text, None
    blank = " " * (match.end() - match.end(1))
    return text[: match.end(1)] + blank + text[match.end() :], date


def _title_of(text: str) -> str:
    return next((line.strip()[:200] for line in text.split("\n") if line.strip()), "")


def make_document(doc_id: str, text: str, *, title: str | None = None, date: Any = None) -> Document:
    """Build a Document from raw text: newlines normalised, date line parsed.

    Lone surrogates (which cannot be written as UTF-8) become U+FFFD.

    Raises:
        ValueError: for an empty text or id, or a date that is not YYYY-MM-DD.
    """
    text = _without_surrogates(_normalise_newlines(text))
    text, line_date = _split_header(text)
    if not text.strip():
        raise ValueError("empty document (no text)")
    if not doc_id.strip():
        raise ValueError("empty document id")
    doc_date = parse_date(date) if date not in (None, "") else line_date
    title = _without_surrogates(title) if title else _title_of(text)
    return Document(id=_without_surrogates(doc_id), title=title, date=doc_date, text=text)


def documents_from_texts(texts: dict[str, str] | list[str]) -> Iterator[Document]:
    """Documents from in-memory strings (a list gets ids ``doc-0001``…)."""
    items = texts.items() if isinstance(texts, dict) else ((f"doc-{i:04d}", t) for i, t in enumerate(texts, 1))
    for doc_id, text in items:
        yield make_document(doc_id, text)


def _read_text_file(path: Path, doc_id: str) -> Iterator[CorpusItem]:
    try:
        yield from _read_bytes(path.read_bytes(), doc_id)
    except OSError as exc:
        yield DocumentError(doc_id, f"cannot read file ({exc.strerror or exc})")


def _read_bytes(raw: bytes, doc_id: str) -> Iterator[CorpusItem]:
    try:
        text, warning = decode_bytes(raw)
        document = make_document(doc_id, text)
    except ValueError as exc:
        yield DocumentError(doc_id, str(exc))
        return
    if warning:
        yield DocumentError(doc_id, warning, warning=True)
    yield document


def _record_document(record: dict[str, Any], where: str, fallback_id: str, text_field: str | None) -> Document:
    keys = (text_field,) if text_field else _TEXT_KEYS
    text_key = next((k for k in keys if k in record), None)
    if text_key is None:
        raise ValueError(f"no text field (looked for {', '.join(keys)}; found {', '.join(map(str, record)) or 'none'})")
    text = record[text_key]
    if text is None:
        raise ValueError("empty document (no text)")
    if not isinstance(text, str):
        raise ValueError(f"field {text_key!r} is not a string but {type(text).__name__}")
    doc_id = str(record.get("id") or "").strip() or fallback_id
    title = record.get("title")
    return make_document(doc_id, text, title=str(title) if title else None, date=record.get("date"))


def _read_jsonl(path: Path, text_field: str | None) -> Iterator[CorpusItem]:
    warned = found = False
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            where = f"{path.name}:{number}"
            if not raw_line.strip():
                continue
            try:
                line, warning = decode_bytes(raw_line)
                if warning and not warned:
                    warned = True
                    yield DocumentError(where, f"{warning} (first such line; the others are decoded alike)", warning=True)
                record = json.loads(line.rstrip("\r\n"))
                if not isinstance(record, dict):
                    raise ValueError(f"expected a JSON object, got {type(record).__name__}")
                if text_field and not found and text_field not in record:  # a --text-field typo, not a bad line
                    raise InputError(printable(f"{path}:{number}: no field {text_field!r} (has {', '.join(record)})"))
                found = True
                yield _record_document(record, where, f"{path.name}#{number}", text_field)
            except json.JSONDecodeError as exc:
                at = "" if exc.msg.endswith(" at") else " at"
                yield DocumentError(where, f"broken JSON line ({exc.msg}{at} column {exc.colno}); skipped")
            except RecursionError:
                yield DocumentError(where, "JSON nested too deeply; skipped")
            except ValueError as exc:
                yield DocumentError(where, str(exc))


def _read_csv(path: Path, text_field: str | None) -> Iterator[CorpusItem]:
    try:
        text, warning = decode_bytes(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: {exc}") from None
    if warning:
        yield DocumentError(path.name, warning, warning=True)
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = reader.fieldnames or []
    keys = (text_field,) if text_field else _TEXT_KEYS
    if not any(k in columns for k in keys):
        raise InputError(
            f"{path}: no text column (looked for {', '.join(keys)}; columns are: {', '.join(columns) or 'none'})"
        )
    rows = enumerate(reader, start=1)
    while True:
        try:
            number, row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"{path}:{reader.line_num}: unreadable CSV ({exc})") from None
        where = f"{path.name}:{reader.line_num}"
        try:
            yield _record_document(dict(row), where, f"{path.name}#{number}", text_field)
        except ValueError as exc:
            yield DocumentError(where, str(exc))


def read_corpus(source: str | Path, *, text_field: str | None = None) -> Iterator[CorpusItem]:
    """Yield the documents of a corpus, and a :class:`DocumentError` for each bad one.

    Args:
        source: a file, a directory, or ``"-"`` for standard input.
        text_field: name of the text field/column in JSONL and CSV input
            (default: the first of ``text``, ``body``, ``content``, ``article``).

    Raises:
        InputError: when the corpus as a whole cannot be read (missing or
            special path, empty directory, unreadable or binary CSV/JSONL, no
            text column, or a JSONL whose first record lacks ``text_field``).
    """
    if str(source) == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        yield from _read_bytes(data, "stdin")
        return
    path = Path(source)
    try:
        kind = "dir" if path.is_dir() else "file" if path.is_file() else "other" if path.exists() else None
    except OSError as exc:
        raise InputError(f"{path}: cannot open ({exc.strerror or exc})") from None
    if kind is None:
        raise InputError(f"{path}: no such file or directory")
    if kind == "other":
        raise InputError(f"{path}: not a regular file or directory")
    if kind == "dir":
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        if not files:
            raise InputError(f"{path}: directory holds no {'/'.join(TEXT_SUFFIXES)} files")
        for file in files:
            yield from _read_text_file(file, file.relative_to(path).as_posix())
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        try:
            yield from _read_jsonl(path, text_field)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    elif suffix == ".csv":
        yield from _read_csv(path, text_field)
    else:
        yield from _read_text_file(path, path.name)
