"""Decoding corpus bytes: UTF-8 (with or without BOM), UTF-16/32, else the likeliest 8-bit code page."""

from __future__ import annotations

import codecs
import unicodedata

__all__ = ["decode_bytes"]

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # UTF-32 first: it starts like UTF-16
#: Bytes scored when guessing an encoding (the whole file is then decoded).
_SAMPLE_BYTES = 20_000
#: Code pages tried for non-UTF-8 text, in order of preference on a tie.
_FALLBACK_ENCODINGS = ("cp1252", "cp1251", "cp1250", "koi8_r", "cp1253", "cp1254", "latin_1")
_MAX_MESS_PER_CHAR = 0.1
_PLAIN_CONTROLS = frozenset("\t\n\r\f\v")
_BAD_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})
_CJK_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC"})


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
