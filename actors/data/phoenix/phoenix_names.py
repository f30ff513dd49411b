"""Names, forms and casing of Phoenix phrases: ``SECRETARY-GENERAL_BAN_KI-MOON`` -> ``Ban Ki-moon``.

Phoenix writes everything in upper case with underscores. :class:`Namer` turns a
record's phrases into written text: words capitalised, particles lower-case
(``Abu Bakr al-Baghdadi``, ``Fernando de la Rua``, ``Party of the ...``), possessives
kept (``Kurdistan Workers' Party``, ``People's``), acronyms upper-case (``UN``,
``NATO``, ``PKK``: a curated list, acronyms in parentheses, a word that is the initials
of another phrase of its record, a word without vowels, a short word of an
organisation that is no English word). Korean given names keep the second syllable
lower-case (``Ban Ki-moon``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

__all__ = [
    "ORG_WORDS", "STOP_FORMS", "STYLES", "TITLES", "Namer", "clean", "given_names", "looks_like_person", "slug",
]  # fmt: skip

#: Single-word forms dropped: common English words with a lower-case meaning.
STOP_FORMS = {
    "army", "police", "government", "state", "states", "union", "party", "front", "movement",
    "council", "congress", "parliament", "senate", "assembly", "cabinet", "ministry", "president",
    "minister", "premier", "chairman", "king", "queen", "prince", "pope", "emir", "sultan", "leader",
    "regime", "rebels", "militants", "organization", "organisation", "association", "group",
    "alliance", "league", "federation", "commission", "committee", "agency", "bank", "fund",
    "court", "republic", "kingdom", "empire", "nation", "nations", "national", "international",
    "federal", "central", "united", "islamic", "who", "care", "hope", "vision", "action", "peace",
    "freedom", "liberty", "justice", "unity", "solidarity", "resistance", "revolution", "jihad",
    "network", "base", "guard", "forces", "force", "navy", "military", "palace", "house", "office",
    "white", "red", "green", "black", "free", "new", "general", "secretary", "chief", "director",
    "youth", "zero", "tigers", "falcon", "phoenix",
    "the", "and", "for", "all", "one", "people", "popular", "democratic", "liberal", "social",
}  # fmt: skip
#: Words that make a phrase an institution, not a person.
ORG_WORDS = {
    "ORGANIZATION", "ORGANISATION", "ORGANIZATIONS", "ASSOCIATION", "UNION", "PARTY", "ARMY",
    "FRONT", "MOVEMENT", "COUNCIL", "COMMITTEE", "COMMISSION", "AGENCY", "BANK", "FUND",
    "FOUNDATION", "INSTITUTE", "INSTITUTION", "SOCIETY", "CENTER", "CENTRE", "NETWORK",
    "ALLIANCE", "LEAGUE", "FEDERATION", "CONFEDERATION", "SECRETARIAT", "BUREAU", "SERVICE",
    "SERVICES", "POLICE", "GUARD", "GUARDS", "FORCE", "FORCES", "BRIGADE", "BRIGADES",
    "BATTALION", "BATTALIONS", "MINISTRY", "DEPARTMENT", "OFFICE", "GOVERNMENT", "ADMINISTRATION",
    "AUTHORITY", "BOARD", "CONGRESS", "PARLIAMENT", "ASSEMBLY", "SENATE", "COURT", "TRIBUNAL",
    "PALACE", "HOUSE", "UNIVERSITY", "SCHOOL", "COLLEGE", "PROGRAM", "PROGRAMME",
    "MISSION", "INITIATIVE", "PANEL", "GROUP", "GROUPS", "COMPANY", "CORPORATION", "CORP",
    "INC", "LTD", "CO", "NATIONS", "STATES", "REPUBLIC", "KINGDOM", "EMPIRE", "CABINET",
    "INTERNATIONAL", "NATIONAL", "WORLD", "GLOBAL", "UNITED", "REVOLUTIONARY", "LIBERATION",
    "RESISTANCE", "MILITIA", "MILITIAS", "COMMAND", "CELLS", "CELL", "NUCLEI", "COMMANDOS",
    "COMMANDO", "SENA",
    "MUJAHIDEEN", "FIGHTERS", "REBELS", "TALIBAN", "PROJECT", "CAMPAIGN", "TRUST", "FORUM",
    "RIGHTS", "WATCH", "AID", "RELIEF", "COALITION", "BLOC", "CLUB", "MEDIA", "NEWS", "PRESS",
    "RADIO", "TELEVISION", "AIRLINES", "AIRWAYS", "INDUSTRIES", "GROUPE", "HOLDINGS", "SYSTEMS",
    "ISLAMIC", "ISLAMIYA", "HIZB", "JAMAAT", "JAMAAH", "LASHKAR", "JAISH", "JAYSH",
    "HARAKAT", "ANSAR", "KATAIB", "SARAYA", "DIRECTORATE", "DIVISION", "REGIMENT", "CORPS",
    "TEAM", "TANK", "JUNTA", "FELLOWSHIP", "CHAMBER", "CHAMBERS", "VOICES", "SORORITY",
    "FRATERNITY", "REGIME", "OPPOSITION", "DELEGATION",
    "EMBASSY", "CONSULATE", "COMMUNITY", "PEOPLES", "PEOPLE'S", "WORKERS", "WORKERS'",
    "SOLIDARITY", "BROTHERHOOD", "SECURITY", "INTELLIGENCE", "NAVY",
}  # fmt: skip
#: Leading words stripped from a person's name (``Prime Minister ...``).
TITLES = {
    "PRESIDENT", "PRIME", "MINISTER", "FOREIGN", "DEFENSE", "DEFENCE", "INTERIOR", "FINANCE",
    "SECRETARY", "SECRETARY-GENERAL", "GENERAL", "GEN.", "LT.", "COL.", "MAJ.", "CAPT.",
    "COLONEL", "LIEUTENANT", "ADMIRAL", "MARSHAL", "FIELD", "BRIGADIER", "COMMANDER", "AMBASSADOR",
    "SENATOR", "SEN.", "REP.", "GOVERNOR", "GOV.", "CHAIRMAN", "LEADER", "PREMIER", "CHANCELLOR",
    "DEPUTY", "VICE", "VICE-PRESIDENT", "FORMER", "EX-PRESIDENT", "ACTING", "INTERIM", "STATE",
    "MR.", "MRS.", "MS.", "DR.", "MR", "MRS", "DR", "UN", "U.N.", "US", "U.S.", "CHIEF",
    "JUSTICE", "SPEAKER", "MAYOR", "OPPOSITION", "PRESIDENTIAL", "CANDIDATE",
}  # fmt: skip
#: Upper case wherever met (besides the acronyms found in the records).
ACRONYMS = {
    "UN", "US", "UK", "EU", "AU", "NATO", "OPEC", "ASEAN", "OSCE", "IAEA", "UNESCO", "UNICEF",
    "UNHCR", "UNDP", "UNRWA", "WTO", "IMF", "ICC", "ICJ", "ICRC", "OAS", "OAU", "SADC", "ECOWAS",
    "IGAD", "GCC", "OIC", "APEC", "CIS", "CSTO", "NAFTA", "FARC", "ELN", "ETA", "IRA", "PKK",
    "PLO", "ANC", "SPLM", "SPLA", "LTTE", "ISIS", "ISIL", "AQIM", "AQAP", "AQI", "EZLN", "NGO",
    "USSR", "UAE", "DPRK", "DRC", "PRC", "ROK", "KGB", "CIA", "FBI", "NSA", "BBC", "CNN", "WHO",
    "UNITA", "MPLA", "FRELIMO", "RENAMO", "SWAPO", "ZANU", "ZANU-PF", "MDC", "KMT", "DPP", "LDP",
    "CDU", "CSU", "SPD", "FDP", "PSOE", "AKP", "CHP", "MHP", "HDP", "PYD", "YPG", "KDP", "PUK",
    "SCAF", "OPCW", "UNSC", "UNGA", "ECB", "WFP", "FAO", "ILO", "UNEP", "UNFPA", "UNAIDS",
    "OHCHR", "DPKO", "IPCC", "UNIFEM", "UNESCAP", "MONUC", "MONUSCO", "UNMIN", "UNSG", "SAARC",
    "SEATO", "OAPEC", "CEMAC", "BEAC", "OFDA", "YMCA", "YWCA", "CENTCOM", "EUCOM", "AFRICOM",
    "NORTHCOM", "SOUTHCOM", "PACOM", "SOCOM", "STRATCOM", "SECDEF", "HBOS",
}  # fmt: skip
#: Lower case unless first: English and foreign function words of names.
PARTICLES = {
    "OF", "THE", "AND", "FOR", "IN", "ON", "AT", "TO", "BY", "WITH", "FROM", "AGAINST", "OR",
    "DE", "DEL", "DA", "DAS", "DOS", "DO", "DU", "DES", "LA", "LAS", "LOS", "Y", "ET", "VON",
    "DER", "DEN", "BIN", "IBN", "BINT", "AL", "EL", "WA", "WAL", "FI", "UL", "UD", "UT", "UR",
}  # fmt: skip
#: Lower case also in organisations (articles and single letters of Persian/Urdu names).
ORG_PARTICLES = {"A", "AN", "E", "I", "O", "U", "YE"}
#: Particles not lowered in persons' names (Korean and Chinese syllables: ``Park In Kook``).
_ENGLISH_ONLY = {"IN", "ON", "AT", "TO", "BY", "WITH", "FROM", "AGAINST", "OR"}
#: Hyphen prefixes lower-case after the first word: ``AL-BAGHDADI`` -> ``al-Baghdadi``.
PREFIXES = {"AL", "EL", "AD", "AS", "AN", "AT", "AZ", "ASH", "AR", "UD", "UL", "UR", "UT", "E", "I"}
#: Two- and three-letter words of organisations that are words, not acronyms.
SHORT_WORDS = {
    "NEW", "AID", "OIL", "GAS", "WAR", "MEN", "RED", "SUN", "AIR", "SEA", "BAY", "CAR", "GOD",
    "ONE", "TWO", "TEN", "ALL", "BIG", "OLD", "BOY", "AGE", "ART", "LAW", "ACT", "BAR", "BOX",
    "EYE", "FAR", "FEW", "JOB", "KEY", "MAP", "NET", "OWN", "PAY", "POP", "RUN", "SKY", "TEA",
    "TOP", "USE", "WAY", "WEB", "BAN", "KIM", "LEE", "ABU", "ABD", "BEN", "BNI", "BAB", "DAR",
    "DIN", "IZZ", "ZAY", "NUR", "BAT", "SAN", "SAO", "SRI", "MAR", "RIO", "SUR", "ISA", "MOJ",
    "MAN", "FOX", "END", "DAY", "HOT", "LAB", "MED", "ANTI", "PRO", "NON", "NOT", "NOR", "BUT",
    "PAN", "PAZ", "EN", "LE", "DEI", "PER", "UP", "NOW", "TAX", "DOT", "DOW", "RE", "HON", "NU",
    "REX", "BIO", "GEN", "GAY", "TRI", "SUD", "BAS", "ILE", "ES", "IL", "LO", "DI", "UNE",
}  # fmt: skip
ABBREVIATIONS = {
    "MR", "MRS", "MS", "DR", "JR", "SR", "ST", "MT", "FT", "LT", "SGT", "CPL", "PVT", "LTD",
    "HLDGS", "CORP", "INC", "CO", "BROS", "MFG", "INTL", "GOVT", "DEPT",
}  # fmt: skip
ROMAN = re.compile(r"^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$")
_BAD = re.compile(r"[\ufffd\x00-\x08\x0b-\x1f]|^SOURCE:", re.IGNORECASE)
#: Phrases whose one letter the files lost (a control character where an accent was).
PHRASE_FIXES = {"LIAMINE_Z\x1aROUAL_": "LIAMINE_ZEROUAL_", "JAN_STRASK\x1aY": "JAN_STRASKY"}
_FUNCTION = {"OF", "THE", "AND", "FOR", "IN", "ON", "AT", "TO", "A", "AN", "DE", "LA", "DU", "DES", "DEL"}
_UNLISTED_ORG_WORDS = {"CATHOLIC", "NGO", "NGOS", "NET", "KAPPA"}
_VOWELS = set("AEIOUY")
_LEAD_WORDS = {"ABU", "UMM", "AL", "EL", "BANI", "BENI", "IBN", "BIN", "THE", "LA", "LE", "SAN", "SANTA"}
_SPLIT = re.compile(r"[\s_]+")
_PAREN = re.compile(r"\(([^()]*)\)")

#: Letter pairs that start or end English words; runs of consonants they have (``_unpronounceable``).
_ONSETS = {
    "BL", "BR", "CH", "CL", "CR", "DR", "FL", "FR", "GL", "GR", "KL", "KR", "PH", "PL", "PR", "SC",
    "SH", "SK", "SL", "SM", "SN", "SP", "ST", "SW", "TH", "TR", "TW", "WH", "WR", "KH", "GH", "ZH",
}  # fmt: skip
_CODAS = {
    "ST", "ND", "NT", "NK", "NG", "RD", "RT", "RK", "RN", "RM", "LD", "LT", "LK", "LM", "SK", "SP",
    "CK", "CT", "FT", "PT", "MP", "NS", "RS", "LS", "TS", "DS", "GS", "KS", "MS", "PS", "SH", "CH",
    "TH", "GH", "LL", "SS", "FF", "RR", "ZZ", "TT", "XT",
}  # fmt: skip
_CLUSTER = re.compile(r"[^AEIOUY]{3,}")
_TRIPLES = {
    "STR", "SCH", "CHR", "NGS", "NTS", "RST", "NST", "GHT", "THR", "SHR", "PHR", "SPR", "SPL",
    "NCH", "RTH", "NDS", "RDS", "LDS", "MPS",
}  # fmt: skip

def clean(phrase: str) -> str | None:
    """A phrase as plain upper-case text, underscores to blanks; None if unusable (a lost
    letter, a header line)."""
    phrase = PHRASE_FIXES.get(phrase, phrase)
    if _BAD.search(phrase):
        return None
    text = _SPLIT.sub(" ", phrase).strip(" ,;")
    return text.upper() if text else None


def slug(name: str) -> str:
    """``Kurdistan Workers' Party`` -> ``kurdistan-workers-party`` (ASCII letters, digits, hyphens)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.replace("'", "").lower()).strip("-")


def _words(text: str) -> list[str]:
    return _SPLIT.split(text.strip())


def _initials(words: list[str]) -> set[str]:
    parts = [w for word in words for w in word.split("-") if w]
    core = [w for w in parts if w not in _FUNCTION]
    return {"".join(w[0] for w in parts), "".join(w[0] for w in core)}


def _strip_titles(words: list[str]) -> list[str]:
    index = 0
    while index < len(words) - 2 and words[index] in TITLES:
        index += 1
    if index == len(words) - 2 and words[index] in TITLES and len(words) > 2:
        index += 1
    return words[index:]


def given_names(records: list, minimum: int = 1) -> set[str]:
    """First words of the persons of CountryInfo (records so commented, no institution
    word), less the Arabic lead words that also start group names (``Abu``, ``Al``)."""
    counts: Counter = Counter()
    for record in records:
        text = clean(record.phrases[0])
        if text and "CountryInfo" in record.comment and not ORG_WORDS & set(_words(text)):
            words = _strip_titles(_words(text))
            if len(words) > 1 and words[0] not in _LEAD_WORDS:
                counts[words[0]] += 1
    return {name for name, count in counts.items() if count >= minimum}


def looks_like_person(record, names: set[str], strict: bool = False) -> bool:
    """Whether a record names a person: no institution word in its first phrase, and
    listed by CountryInfo or IGOrulers (its comment says so), or two to five name words
    (no function word, no title) with a dated code or only elite codes (``ELI``), or
    starting with a known given name.

    ``strict`` (the armed groups' file) asks for the given name.
    """
    texts = [t for t in map(clean, record.phrases) if t]
    if not texts:
        return False
    words = _words(_PAREN.sub(" ", texts[0]))
    checked = texts if strict else texts[:1]  # in the armed groups' file: all phrases
    parts = {p for t in checked for w in _words(t) for p in [w, *re.split(r"[-/()]", w)]}
    if ORG_WORDS & parts:
        return False
    if not strict and ("CountryInfo" in record.comment or "IGOrulers" in record.comment):
        return True
    if _UNLISTED_ORG_WORDS & parts:  # also in names (Le Huy Ngo), so only here
        return False
    core = _strip_titles(words)
    if not 2 <= len(core) <= 5 or _FUNCTION & set(core) - {"DE", "DEL", "LA", "DU"}:
        return False
    if not all(re.fullmatch(r"[A-Z][A-Z.'-]*", w) for w in core):
        return False
    if core[0] in names:
        return True
    dated = any(r.start or r.end for r in record.codes)
    elite = bool(record.codes) and all(r.code[3:6] == "ELI" for r in record.codes)
    return not strict and (dated or elite) and not TITLES & set(core)


#: Casing styles: how far two- and three-letter words count as acronyms.
STYLES = ("person", "place", "organization", "company")


@dataclass
class Namer:
    """Cases phrases in one of :data:`STYLES`; knows the acronyms of the whole dictionary.

    ``person``: only curated acronyms and initials (``B. Lynn Pascoe``) stay upper case;
    ``place``: also acronyms found in the records and words without vowels; an
    ``organization`` also has its one-word phrases of two or three letters upper case
    (``UDA``); a ``company`` every such word that is no English word (``SFN Group``).
    """

    acronyms: set[str] = field(default_factory=lambda: set(ACRONYMS))

    @classmethod
    def from_records(cls, records: list, places: set[str] = frozenset()) -> Namer:
        """A namer whose acronyms are the curated ones, those in parentheses (the initials
        of the words before, or a short word that is no place and rare in the phrases),
        and one-word phrases that are the initials of another phrase of their record;
        ``places``: words of place names, no acronyms (``Santa Ana``, not ``ANA``)."""
        texts_of = [[t for t in map(clean, r.phrases) if t] for r in records]
        common = Counter(w for texts in texts_of for t in texts if " " in t for w in set(_words(t)))
        found = set(ACRONYMS)
        for texts in texts_of:
            for text in texts:
                for match in _PAREN.finditer(text):
                    inner, before = match.group(1), _words(text[: match.start()])
                    if not re.fullmatch(r"[A-Z][A-Z./&-]{1,7}", inner):
                        continue
                    if inner in _initials(before) or (len(inner) <= 5 and inner not in places and common[inner] < 3):
                        found.add(inner)
            initials = {i for t in texts if " " in t for i in _initials(_words(t))}
            found.update(t for t in texts if re.fullmatch(r"[A-Z]{2,8}", t) and t in initials and t not in places)
        return cls(found)

    def _acronym(self, part: str, style: str, alone: bool) -> bool:
        """Whether an upper-case word part stays upper case."""
        letters = part.replace(".", "")
        if part in ACRONYMS or re.fullmatch(r"([A-Z]\.)+[A-Z]?", part):
            return True
        if style == "person" or letters in ABBREVIATIONS or part in PARTICLES or part in PREFIXES:
            return False
        if part in self.acronyms or (letters.isalpha() and not _VOWELS & set(letters)):
            return True
        if style == "place" or not letters.isalpha():
            return False
        if style == "company" or alone:
            return len(letters) <= 3 and letters not in SHORT_WORDS or (alone and _unpronounceable(letters))
        return False

    def _part(self, part: str, place: tuple[bool, bool, bool], style: str, korean_tail: bool) -> str:
        """One word or hyphen part in written case; ``place``: (first of the phrase, last
        word of the phrase, the phrase's only word without hyphen)."""
        first, last, alone = place
        if not any(c.isalpha() for c in part) or "&" in part or "+" in part:
            return part
        if part[0].isdigit():
            return part.lower()  # 19TH -> 19th
        if any(c.isdigit() for c in part):
            return part  # G8, MI6
        particles = PARTICLES - _ENGLISH_ONLY if style == "person" else PARTICLES | ORG_PARTICLES
        if not first and part in particles:
            return part.lower()
        if len(part) == 1 or (last and not first and ROMAN.match(part)):
            return part
        if self._acronym(part, style, alone):
            return part
        return part.lower() if korean_tail else _capitalise(part)

    def case(self, text: str, style: str = "organization", korean: bool = False) -> str:
        """Upper-case ``text`` (blanks between words) in written case."""
        words = text.split()
        out = []
        for index, word in enumerate(words):
            pieces = re.split(r"([-/])", word)
            korean_word = korean and len(pieces) == 3 and all(len(p) <= 5 for p in pieces[::2])
            cased = []
            for position, piece in enumerate(pieces):
                lead, inner = position == 0, 0 < position < len(pieces) - 1
                if position % 2 or not piece:
                    cased.append(piece)
                elif piece in PREFIXES and (inner and len(piece) <= 2 or lead and index and pieces[1:2] == ["-"]):
                    cased.append(piece.lower())  # al-Baghdadi, Mazar-i-Sharif, Hizb-ut-Tahrir
                else:
                    place = (index == 0 and lead, index == len(words) - 1, len(words) == 1 and len(pieces) == 1)
                    cased.append(self._part(piece, place, style, korean_word and not lead))
            out.append("".join(cased))
        return " ".join(out)

    def _written(self, text: str, style: str, korean: bool) -> tuple[str, list[str]]:
        """A phrase without parentheses, cased, and the acronyms it had in parentheses."""
        inner = [i for i in _PAREN.findall(text) if i in self.acronyms]
        bare = re.sub(r"\s+", " ", _PAREN.sub(" ", text)).strip()
        return self.case(bare, style, korean), inner

    def name_and_forms(self, phrases: list[str], style: str, korean: bool = False) -> tuple[str | None, list[str]]:
        """The canonical name and the deduplicated written forms of a record's phrases.

        The name is the primary phrase (a person's without leading titles, acronyms in
        parentheses left out); the forms are every phrase without its parentheses, the
        name, and the acronyms in parentheses, less those of one or two characters (blanks
        not counted) and
        the single words of :data:`STOP_FORMS`.
        """
        texts = [t for t in map(clean, phrases) if t]
        if not texts:
            return None, []
        primary = texts[0]
        if style == "person":
            primary = " ".join(_strip_titles(_words(primary)))
        kept = _PAREN.sub(lambda m: " " if m.group(1) in self.acronyms else m.group(0), primary)
        name = self.case(re.sub(r"\s+", " ", kept).strip(), style, korean)
        forms: list[str] = []
        seen: set[str] = set()
        for text in [texts[0], primary, *texts[1:]]:
            written, inner = self._written(text, style, korean)
            for form in (written, *inner):
                key = form.casefold()
                too_short = len(form.replace(" ", "")) <= 2
                if key in seen or too_short or (" " not in form and key in STOP_FORMS):
                    continue
                seen.add(key)
                forms.append(form)
        return name, forms


def _unpronounceable(letters: str) -> bool:
    """Whether a short one-word name reads as letters, not as a word: ``DPKO``, ``CIBC``,
    ``OHCHR`` (an odd onset, coda or consonant cluster), not ``Oxfam``, ``Sony``, ``Basij``."""
    if not 3 <= len(letters) <= 5:
        return False
    onset, coda = letters[:2], letters[-2:]
    if not _VOWELS & set(onset) and onset not in _ONSETS:
        return True
    if not _VOWELS & set(coda) and coda not in _CODAS:
        return True
    return any(m.group(0) not in _TRIPLES for m in _CLUSTER.finditer(letters))


def _capitalise(word: str) -> str:
    """``WORKERS'`` -> ``Workers'``, ``APO'S`` -> ``Apo's``, ``O'BRIEN`` -> ``O'Brien``,
    ``SHI'ITE`` -> ``Shi'ite``, ``MCCLOY`` -> ``McCloy``, ``ST.`` -> ``St.``,
    ``AMAZON.COM`` -> ``Amazon.com``, ``P.F.CHANG'S`` -> ``P.F.Chang's``."""
    if "." in word.strip("."):
        segments = word.split(".")
        out = [segments[0] if len(segments[0]) == 1 else _capitalise(segments[0])]
        for before, segment in itertools.pairwise(segments):
            out.append(segment if len(segment) <= 1 else _capitalise(segment) if len(before) == 1 else segment.lower())
        return ".".join(out)
    if re.fullmatch(r"MC[A-Z]{2,}", word):
        return "Mc" + word[2:].capitalize()
    head, apostrophe, rest = word.partition("'")
    if apostrophe and len(head) == 1 and len(rest) > 1:
        return head + apostrophe + rest.capitalize()
    return head.capitalize() + apostrophe + rest.lower()
