"""Generate ``states.yaml``: every UN member and observer state, plus Taiwan and Kosovo.

Run it by hand after editing ``sources/states.psv`` (it is never run at import
time; the generated YAML is committed)::

    python actors/data/generate_states.py

Codes and reference names come from ``pycountry`` (ISO 3166-1); the curated
table adds display names, short forms, demonyms and capital/seat-of-power
metonyms, which ISO does not hold. The United Nations entry, with its 193
member states, is generated into the same file so its member list can never
drift from the states it points to.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pycountry
import yaml

from diplograph.base.io import write_text
from diplograph.base.models import slugify

__all__ = [
    "UN_OBSERVERS",
    "NON_UN_STATES",
    "ascii_form",
    "with_ascii_forms",
    "read_curated",
    "state_entries",
    "render",
    "main",
]

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "sources" / "states.psv"
TARGET = HERE / "states.yaml"

#: Permanent observer states of the UN General Assembly.
UN_OBSERVERS = ("VAT", "PSE")
#: States outside the UN that the dictionary still treats as states.
NON_UN_STATES = ("TWN", "XKX")
#: Names of states absent from ISO 3166-1 (Kosovo uses the user-assigned code XKX).
EXTRA_NAMES = {"XKX": "Kosovo"}
#: Wikidata ids the maintainers are certain of.
WIKIDATA = {
    "RUS": "Q159", "UKR": "Q212", "USA": "Q30", "GBR": "Q145", "FRA": "Q142", "DEU": "Q183",
    "ITA": "Q38", "POL": "Q36", "NLD": "Q55", "FIN": "Q33", "CHN": "Q148", "JPN": "Q17",
    "IND": "Q668", "CAN": "Q16", "TUR": "Q43", "IRN": "Q794", "ISR": "Q801",
}
UN_MEMBER_COUNT = 193


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def read_curated(path: Path = SOURCE) -> dict[str, dict[str, object]]:
    """Read the curated table: ISO3 -> name, aliases, demonyms, metonyms."""
    rows: dict[str, dict[str, object]] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("|")
        if len(cells) != 5:
            raise ValueError(f"{path.name}:{number}: expected 5 '|'-separated cells, got {len(cells)}")
        code, name, aliases, demonyms, metonyms = (cell.strip() for cell in cells)
        if code in rows:
            raise ValueError(f"{path.name}:{number}: {code} listed twice")
        rows[code] = {
            "name": name, "aliases": _split(aliases), "demonyms": _split(demonyms), "metonyms": _split(metonyms),
        }
    return rows


def _iso_names(code: str) -> tuple[str, list[str]]:
    """The ISO display name and the other ISO names usable as aliases."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        if code not in EXTRA_NAMES:
            raise ValueError(f"{code} is neither an ISO 3166-1 code nor a known extra state")
        return EXTRA_NAMES[code], []
    names = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
    usable = [n.removeprefix("the ") for n in names if n and "," not in n and "(" not in n]
    return usable[0] if usable else country.name, usable[1:]


def ascii_form(text: str) -> str:
    """``text`` without diacritics ("Élysée" → "Elysee"), as many English texts write it."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def with_ascii_forms(items: list[str]) -> list[str]:
    """``items`` with the diacritic-free spelling added after each name that has one."""
    result = []
    for item in items:
        result.append(item)
        plain = ascii_form(item)
        if plain != item and plain.strip():
            result.append(plain)
    return result


def _unique(items: list[str], exclude: str) -> list[str]:
    seen = {exclude}
    result = []
    for item in items:
        if item not in seen:
            seen.add(item)
            result.append(item)
    return result


def state_entries(curated: dict[str, dict[str, object]]) -> tuple[list[dict[str, object]], list[str]]:
    """Dictionary entries for every curated state, and the ids of the UN members."""
    entries = []
    members = []
    for code in sorted(curated):
        row = curated[code]
        iso_name, iso_aliases = _iso_names(code)
        name = str(row["name"]) or iso_name
        entry: dict[str, object] = {"id": slugify(name), "name": name, "type": "state", "country": code}
        written = [name, *iso_aliases, iso_name, *row["aliases"]]  # type: ignore[list-item]
        aliases = _unique(with_ascii_forms(written), exclude=name)
        demonyms = _unique(with_ascii_forms(list(row["demonyms"])), exclude="")  # type: ignore[arg-type]
        metonyms = _unique(with_ascii_forms(list(row["metonyms"])), exclude="")  # type: ignore[arg-type]
        for key, values in (("aliases", aliases), ("demonyms", demonyms), ("metonyms", metonyms)):
            if values:
                entry[key] = values
        if code in WIKIDATA:
            entry["wikidata"] = WIKIDATA[code]
        entries.append(entry)
        if code not in UN_OBSERVERS and code not in NON_UN_STATES:
            members.append(str(entry["id"]))
    if len(members) != UN_MEMBER_COUNT:
        raise ValueError(f"expected {UN_MEMBER_COUNT} UN member states, the table gives {len(members)}")
    return entries, members


def render(entries: list[dict[str, object]], members: list[str]) -> str:
    """The YAML text of ``states.yaml``."""
    united_nations = {
        "id": "united-nations",
        "name": "United Nations",
        "type": "organization",
        "aliases": ["UN", "U.N.", "the UN", "the United Nations"],
        "members": sorted(members),
        "wikidata": "Q1065",
    }
    header = (
        "# GENERATED by generate_states.py from pycountry and sources/states.psv -- edit those, not this file.\n"
        f"# {len(entries)} states: {len(members)} UN members, observers {', '.join(UN_OBSERVERS)}, "
        f"and {', '.join(NON_UN_STATES)}.\n"
    )
    body = yaml.safe_dump(
        {"actors": [*entries, united_nations]}, sort_keys=False, allow_unicode=True, default_flow_style=None, width=110
    )
    return header + body


def main(argv: list[str] | None = None) -> int:
    """Regenerate ``states.yaml`` next to this script (or at the path given)."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else TARGET
    entries, members = state_entries(read_curated())
    write_text(target, render(entries, members))
    print(f"wrote {len(entries)} states and the United Nations ({len(members)} members) to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
