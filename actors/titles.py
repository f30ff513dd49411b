"""Vocabulary for reading actors out of phrases: titles, institutions and media words.

Titles ("special envoy", "prime minister") give people roles; institution
nouns ("forces", "officials") turn a demonym into its state with a sector
note; media nouns ("French media") mark reporting, not acting. Everything
here is an immutable table plus small pure functions over token texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

__all__ = [
    "Title",
    "TITLES",
    "LEADER",
    "MAX_TITLE_WORDS",
    "TITLE_FIRST_WORDS",
    "PLURAL_TITLE_FIRST_WORDS",
    "match_title",
    "match_plural_title",
    "find_title",
    "parse_role",
    "INSTITUTION_SECTORS",
    "INSTITUTION_MODIFIERS",
    "MEDIA_NOUNS",
    "MEDIA_NAME_WORDS",
    "TITLE_MODIFIERS",
    "SUBORDINATE_MODIFIERS",
    "GENERIC_ORG_WORDS",
    "PLURAL_TITLES",
    "EQUIPMENT_NOUNS",
]


class Title(NamedTuple):
    """A title read from text: its canonical form and its category."""

    canonical: str
    category: str


#: Category of the national leaders: what "the Ukrainian leader" may point to.
LEADER = "leader"

_TITLE_GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    LEADER: {
        "president": ("president",),
        "prime minister": ("prime minister", "premier", "pm"),
        "chancellor": ("chancellor",),
        "leader": ("leader", "head of state", "head of government", "national leader"),
        "king": ("king",),
        "queen": ("queen",),
        "emir": ("emir",),
        "crown prince": ("crown prince",),
        "supreme leader": ("supreme leader",),
        "pope": ("pope",),
        "taoiseach": ("taoiseach",),
    },
    "deputy": {
        "vice president": ("vice president", "vice-president"),
        "deputy prime minister": ("deputy prime minister", "first deputy prime minister", "deputy premier"),
        "vice chancellor": ("vice chancellor", "vice-chancellor"),
    },
    "minister": {
        "foreign minister": (
            "foreign minister", "foreign secretary", "secretary of state", "minister of foreign affairs",
            "foreign affairs minister", "top diplomat", "foreign policy chief", "high representative",
        ),
        "defence minister": (
            "defence minister", "defense minister", "minister of defence", "minister of defense",
            "defence secretary", "defense secretary", "secretary of defense", "secretary of war", "war secretary",
            "armed forces minister", "minister of the armed forces",
        ),
        "finance minister": ("finance minister", "treasury secretary", "finance secretary", "minister of finance"),
        "interior minister": ("interior minister", "home secretary", "minister of internal affairs"),
        "energy minister": ("energy minister", "energy secretary"),
        "economy minister": ("economy minister", "economic minister", "commerce secretary", "trade minister"),
        "minister": ("minister", "commissioner", "cabinet minister"),
    },
    "envoy": {
        "special envoy": ("special envoy", "envoy", "peace envoy", "special representative", "emissary"),
        "ambassador": ("ambassador", "envoy to", "ambassador extraordinary and plenipotentiary",
                       "permanent representative"),
        "negotiator": ("negotiator", "chief negotiator", "lead negotiator"),
    },
    "spokesperson": {
        "spokesperson": ("spokesperson", "spokesman", "spokeswoman", "press secretary", "press officer"),
    },
    "aide": {
        "aide": ("aide", "presidential aide", "adviser", "advisor", "presidential adviser"),
        "national security adviser": ("national security adviser", "national security advisor"),
        "chief of staff": (
            "chief of staff", "head of the presidential office", "head of the presidential administration",
        ),
    },
    "military": {
        "commander-in-chief": ("commander-in-chief", "commander in chief"),
        "commander": ("commander", "general", "army chief", "defence chief", "military chief", "field marshal"),
        "chief of the general staff": ("chief of the general staff", "chief of general staff"),
    },
    "official": {
        "secretary general": ("secretary general", "secretary-general"),
        "director general": ("director general", "director-general", "director"),
        "governor": ("governor", "regional governor"),
        "mayor": ("mayor",),
        "speaker": ("speaker",),
        "senator": ("senator", "sen."),
        "lawmaker": ("lawmaker", "legislator", "member of parliament", "mp"),
        "head": ("head", "chief", "chair", "chairman", "chairwoman", "chairperson"),
        "secretary": ("secretary",),
        "official": ("official", "representative"),
        "ombudsman": ("ombudsman", "ombudsperson"),
    },
}

#: Written title (lower case) -> Title.
TITLES: dict[str, Title] = {
    written: Title(canonical, category)
    for category, group in _TITLE_GROUPS.items()
    for canonical, writings in group.items()
    for written in (canonical, *writings)
}

def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:] not in ("ay", "ey", "oy"):
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch")):
        return word + "es"
    return word + "s"


def _pluralize(written: str) -> str | None:
    words = written.split()
    if written in ("pm", "mp", "sen.") or words[-1] in ("of", "to") or "-in-" in written or " in " in written:
        return None
    head = words.index("of") - 1 if "of" in words else len(words) - 1
    words[head] = _plural(words[head])
    return " ".join(words)


#: Plural written titles ("prime ministers", "heads of state") -> Title.
PLURAL_TITLES: dict[str, Title] = {
    plural: title for written, title in TITLES.items() if (plural := _pluralize(written)) is not None
}
PLURAL_TITLES["heads of state and government"] = TITLES["head of state"]

#: First words of the singular and plural titles, to test a token cheaply before matching.
TITLE_FIRST_WORDS = frozenset(written.split()[0].split("-")[0] for written in TITLES)
PLURAL_TITLE_FIRST_WORDS = frozenset(written.split()[0].split("-")[0] for written in PLURAL_TITLES)

MAX_TITLE_WORDS = max(len(t.split()) for t in (*TITLES, *PLURAL_TITLES))

#: Words allowed between a country word and a title: "US *special* envoy", "Chinese *defence ministry* spokesman".
TITLE_MODIFIERS = frozenset(
    {
        "special", "deputy", "top", "senior", "chief", "acting", "interim", "presidential", "regional", "first",
        "defence", "defense", "foreign", "ministry", "military", "peace", "sanctions", "security", "national",
        "economic", "presidential", "state", "government", "kremlin", "former", "newly", "elected", "outgoing",
        "incoming", "then", "long-time", "longtime", "veteran", "current", "lead", "main", "army", "navy", "air",
        "force", "intelligence", "office", "affairs", "policy", "trade", "energy", "finance", "press",
    }
)

#: Institution nouns that, after a demonym or a state ("Russian forces", "Ukraine's military"),
#: stand for the state itself; the value is the sector note.
INSTITUTION_SECTORS: dict[str, str] = {
    **dict.fromkeys(
        (
            "force", "forces", "troops", "troop", "army", "armies", "military", "militaries", "navy", "soldiers",
            "soldier", "artillery", "units", "unit", "brigades", "brigade", "commanders", "commander", "drones",
            "drone", "missiles", "missile", "jets", "warplanes", "aircraft", "bombers", "warships", "fleet",
            "air force", "armed forces", "general staff", "defences", "defenses", "air defences", "air defenses",
            "military intelligence", "defence ministry", "defense ministry", "ministry of defence",
        ),
        "military",
    ),
    **dict.fromkeys(
        (
            "officials", "official", "government", "governments", "authorities", "administration", "side",
            "delegation", "delegations", "negotiators", "negotiator", "diplomats", "diplomat", "team", "ministry",
            "foreign ministry", "cabinet", "embassy", "leadership", "state", "regime", "envoys",
        ),
        "government",
    ),
    **dict.fromkeys(("leaders",), "leadership"),
    **dict.fromkeys(("intelligence", "security service", "security services", "spies", "agents"), "intelligence"),
    **dict.fromkeys(("lawmakers", "parliament", "legislators", "senators", "mps"), "parliament"),
    **dict.fromkeys(
        ("police", "policemen", "policeman", "police officers", "riot police", "security forces", "gendarmerie"),
        "police",
    ),
    **dict.fromkeys(("prosecutors", "prosecutor", "judiciary", "courts", "judges"), "judiciary"),
    **dict.fromkeys(
        ("rebels", "rebel", "insurgents", "separatists", "rebel fighters", "rebel groups", "opposition fighters",
         "opposition forces", "insurgency"),
        "rebels",
    ),
    **dict.fromkeys(("opposition",), "opposition"),
    **dict.fromkeys(("militants", "militia", "militias", "jihadists"), "militants"),
}

#: Modifiers that may stand between the demonym and the institution noun ("Ukrainian *military intelligence* drones").
INSTITUTION_MODIFIERS = frozenset(
    {
        "military", "intelligence", "armed", "air", "naval", "special", "security", "border", "defence", "defense",
        "foreign", "state", "government", "senior", "top", "regular", "elite", "frontline", "front-line", "ground",
        "long-range", "attack", "combat", "allied", "partner",
    }
)

#: Nouns after a demonym that mean the press of that country, not its state ("French media").
MEDIA_NOUNS = frozenset(
    {
        "media", "press", "television", "tv", "newspaper", "newspapers", "outlet", "outlets", "journalists",
        "journalist", "reporters", "reporter", "broadcaster", "broadcasters", "channel", "channels", "news",
        "agency", "agencies", "daily", "dailies", "bloggers", "blogger", "tabloid", "tabloids", "radio",
    }
)

#: Words that make an unknown organization name a media outlet ("Kyiv Daily News").
MEDIA_NAME_WORDS = frozenset(
    {
        "news", "times", "post", "press", "journal", "gazette", "tribune", "telegraph", "herald", "daily",
        "tv", "radio", "television", "broadcasting", "pravda", "agency", "wire", "review", "magazine",
        "newspaper", "media", "chronicle", "observer", "independent", "zeitung", "standard", "insider",
    }
)

#: Generic institution words: an unknown ORG made only of these is a fragment, not an actor.
GENERIC_ORG_WORDS = frozenset(
    {
        "security", "council", "general", "staff", "ministry", "foreign", "defence", "defense", "office",
        "cabinet", "parliament", "government", "navy", "air", "force", "forces", "armed", "army", "national",
        "committee", "commission", "presidential", "administration", "department", "service", "services",
        "of", "the", "and", "for", "affairs", "state", "federal", "regional", "military", "intelligence",
        "border", "guard", "guards", "emergency", "interior", "ministries", "headquarters", "command",
        "directorate", "main", "agency", "bureau", "center", "centre", "royal", "joint", "chiefs",
    }
)


def _phrase(words: Sequence[str], size: int) -> str:
    return " ".join(words[:size]).replace(" - ", "-")


def match_title(words: Sequence[str]) -> tuple[int, Title] | None:
    """The longest singular title that ``words`` (lower case) start with, as ``(length, title)``.

    Hyphens may be separate words, as spaCy splits them ("commander - in - chief").
    """
    for size in range(min(MAX_TITLE_WORDS + 4, len(words)), 0, -1):
        title = TITLES.get(_phrase(words, size))
        if title is not None:
            return size, title
    return None


def match_plural_title(words: Sequence[str]) -> tuple[int, Title] | None:
    """The longest plural title that ``words`` (lower case) start with, as ``(length, title)``."""
    for size in range(min(MAX_TITLE_WORDS + 4, len(words)), 0, -1):
        title = PLURAL_TITLES.get(_phrase(words, size))
        if title is not None:
            return size, title
    return None


def find_title(text: str) -> tuple[int, int, Title] | None:
    """The longest title inside ``text``, as ``(first word, word count, title)``; leftmost on ties."""
    words = text.lower().replace(",", " ").split()
    best: tuple[int, int, Title] | None = None
    for start in range(len(words)):
        hit = match_title(words[start:])
        if hit is not None and (best is None or hit[0] > best[1]):
            best = (start, hit[0], hit[1])
    return best


def parse_role(role: str) -> tuple[Title, str] | None:
    """Split a dictionary role ("NATO secretary general") into its title and the words before it.

    Former offices ("former president"), subordinate ones ("deputy foreign minister") and roles
    without a known title return None.
    """
    if role.lower().startswith(("former ", "ex-")):
        return None
    hit = find_title(role)
    if hit is None:
        return None
    start, _, title = hit
    prefix = " ".join(role.replace(",", " ").split()[:start])
    if SUBORDINATE_MODIFIERS.intersection(prefix.lower().split()):
        return None  # a "deputy foreign minister" does not hold the foreign ministry
    return title, prefix


#: Modifiers before a title that make its holder a subordinate, not the office holder ("*Deputy* Foreign Minister").
SUBORDINATE_MODIFIERS = frozenset({"deputy", "vice", "assistant", "under", "junior", "undersecretary"})


#: Nouns after an unknown name that make it a product or weapon name ("First-Person View drones").
EQUIPMENT_NOUNS = frozenset(
    {
        "drone", "drones", "missile", "missiles", "system", "systems", "launcher", "launchers", "tank", "tanks",
        "jet", "jets", "bomb", "bombs", "rocket", "rockets", "aircraft", "fighter", "fighters", "munitions",
        "shells", "interceptors", "pipeline", "refinery", "plant", "oil", "gas", "crude", "building",
        "buildings", "pipelines", "refineries", "headquarters", "offices", "compound", "complex", "facility",
        "bridge", "airport", "port",
    }
)
