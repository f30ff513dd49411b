"""Decoding corpus bytes: UTF-8 (with or without BOM, tolerating a few bad bytes), UTF-16/32, else the
likeliest 8-bit code page, Western (cp1252) unless the letters say otherwise.

The rules, in order:

1. a byte order mark decides (UTF-8, UTF-16, UTF-32);
2. NUL bytes mean UTF-16 without a BOM when they sit in every other position, else binary;
3. valid UTF-8 is UTF-8;
4. *mostly* UTF-8 — at least 99.5% of the bytes form valid UTF-8 and some of them are multi-byte
   characters — is UTF-8 with U+FFFD for the bad bytes: one stray cp1252 ``\\x92`` must not turn a
   whole article into mojibake;
5. otherwise an 8-bit code page: each candidate is scored by the mojibake its decoding shows (control
   characters, symbols inside words, mixed scripts, accented letters no single language uses
   together), and on a tie cp1252 (then latin-1) wins: Western news is read as Western.

Every decoding other than clean UTF-8 comes with a warning naming what was done.
"""

from __future__ import annotations

import codecs
import unicodedata

__all__ = ["decode_bytes", "UTF8_MIN_VALID"]

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # UTF-32 first: it starts like UTF-16
#: Bytes scored when guessing an encoding (the whole file is then decoded).
_SAMPLE_BYTES = 20_000
#: Share of the bytes that must form valid UTF-8 for a file to be read as UTF-8 with replacement.
UTF8_MIN_VALID = 0.995
#: Code pages tried for non-UTF-8 text, in order of preference on a tie (Western first).
_FALLBACK_ENCODINGS = ("cp1252", "latin_1", "cp1250", "cp1251", "koi8_r", "cp1253", "cp1254", "cp1257")
#: The accented letters of the languages written in those code pages (Latin script), one set a language:
#: a decoding whose letters no single language uses together is mojibake ("portuguęs": ę is Polish).
_LANGUAGE_LETTERS = tuple(frozenset(letters) for letters in (
    "éèêëàâîïôûùüçœæÿ",  # French
    "äöüß",  # German
    "áéíóúñü",  # Spanish
    "áâãàéêíóôõúçü",  # Portuguese
    "àèéìíòóùúî",  # Italian
    "àèéíïòóúüç",  # Catalan
    "éëïöüèáóú",  # Dutch, Afrikaans
    "æøåéóô",  # Danish, Norwegian
    "åäöéü",  # Swedish, Finnish
    "áéíóúýþæöð",  # Icelandic
    "äöõüšž",  # Estonian
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "ăâîșşțţ",  # Romanian
    "čćđšž",  # Croatian, Bosnian, Serbian (Latin), Slovene
    "çğıöşüâî",  # Turkish
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "áéíóúàèìòùâêîôûäëïöüç",  # letters of loanwords and names common across Western languages
))
_LETTER_WEIGHT = 2
_MAX_MESS_PER_CHAR = 0.1
_PLAIN_CONTROLS = frozenset("\t\n\r\f\v")
_BAD_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})
_CJK_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC"})


def decode_bytes(raw: bytes) -> tuple[str, str | None]:
    """Decode file bytes (see the module docstring for the rules).

    Returns the text and a warning saying how it was decoded when it was not clean UTF-8 (None
    otherwise).

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
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    valid = raw.decode("utf-8", "ignore")
    bad = len(raw) - len(valid.encode("utf-8"))
    mostly_utf8 = bad <= (1 - UTF8_MIN_VALID) * len(raw)
    if mostly_utf8 and not valid.isascii():
        return _with_replacement(raw, bad, first_bad)
    for codec in _rank_encodings(raw):
        try:
            return raw.decode(codec), f"not UTF-8; decoded as {codec}"
        except UnicodeDecodeError:
            continue
    if mostly_utf8:
        return _with_replacement(raw, bad, first_bad)
    raise ValueError("cannot detect the text encoding (binary file?)")


def _with_replacement(raw: bytes, bad: int, first_bad: int) -> tuple[str, str]:
    where = f"at byte {first_bad} of {len(raw)}" if bad == 1 else f"the first at byte {first_bad} of {len(raw)}"
    count = "1 invalid byte" if bad == 1 else f"{bad} invalid bytes"
    return raw.decode("utf-8", "replace"), f"not valid UTF-8: {count} ({where}) replaced with U+FFFD"


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
    """Candidate encodings for non-UTF-8 bytes, most plausible first (none if all look binary).

    Least mojibake first (``_mess``, plus the accented letters no single language explains);
    on a tie the order of ``_FALLBACK_ENCODINGS`` (cp1252 first); charset_normalizer's guess is
    tried last (it knows multi-byte Asian encodings, but is often wrong between 8-bit code pages).
    """
    from charset_normalizer import from_bytes

    sample = raw[:_SAMPLE_BYTES]
    final = len(raw) <= _SAMPLE_BYTES
    candidates = list(_FALLBACK_ENCODINGS)
    guess = from_bytes(raw[: 16 * _SAMPLE_BYTES]).best()
    if guess is not None and codecs.lookup(guess.encoding).name not in {codecs.lookup(c).name for c in candidates}:
        candidates.append(guess.encoding)
    scored = []
    for order, codec in enumerate(candidates):
        try:
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=final)
        except (UnicodeDecodeError, LookupError):
            continue
        mess = _mess(text)
        if _plausible(text, mess):
            scored.append((mess + _LETTER_WEIGHT * _unexplained_letters(text), order, codec))
    return [codec for *_, codec in sorted(scored)]


def _unexplained_letters(text: str) -> int:
    """How many distinct accented Latin letters of ``text`` the best-fitting single language lacks."""
    letters = {char for char in set(text.lower()) if char.isalpha() and not char.isascii() and _script(char) == "LATIN"}
    if not letters:
        return 0
    return len(letters) - max(len(letters & language) for language in _LANGUAGE_LETTERS)


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
