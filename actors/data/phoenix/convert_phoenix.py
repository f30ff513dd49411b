"""Convert PETRARCH2's Phoenix actor and agent dictionaries into diplograph data.

Reads the Phoenix files of a PETRARCH2 dictionary folder (the Open Event Data
Alliance's, MIT licence: see ``LICENSE-PETRARCH2`` beside this script) and writes,
atomically and compactly, beside this script:

* ``phoenix_actors.json``: one entry per actor record, ``{"id", "name", "type",
  "country", "forms", "codes", "file"}``; ``type`` is ``state``, ``person``,
  ``organization`` or ``group``; ``country`` and each code's ``country`` are ISO 3166
  alpha-3 (CAMEO codes that differ are mapped by :data:`CAMEO_TO_ISO`); each code is
  ``{"code", "country", "sector", "start", "end"}`` with ISO dates or null;
* ``phoenix_agents.json``: the generic agents (police, rebels, foreign ministry...)
  grouped by code and side: ``{"forms": [...], "code": "COP", "position": "suffix"}``.

The format is read by ``phoenix_format.py``; names and forms are cased by
``phoenix_names.py``. Rerun after a change of the source or of the tables here::

    python actors/data/phoenix/convert_phoenix.py /work/shared/ref/petrarch2
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the sibling modules, when run or loaded by path
    sys.path.insert(0, str(HERE))

from phoenix_format import Agent, Record, adopt_orphans, parse_actors, parse_agents
from phoenix_names import Namer, clean, given_names, looks_like_person, slug

__all__ = [
    "CAMEO_TO_ISO",
    "FILES",
    "classify",
    "convert_actors",
    "convert_agents",
    "country_of",
    "entry",
    "main",
    "split_code",
    "write_json",
]

SOURCE = (
    "PETRARCH2 Phoenix dictionaries (openeventdata/petrarch2, commit 676801c, 2019-03-18; "
    "MIT licence, see LICENSE-PETRARCH2), converted by convert_phoenix.py"
)
ACTORS_OUT = HERE / "phoenix_actors.json"
AGENTS_OUT = HERE / "phoenix_agents.json"
STATES = HERE.parent / "states.yaml"
#: ``file`` value -> Phoenix file name.
FILES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
}
AGENTS_FILE = "Phoenix.agents.txt"

#: CAMEO country codes that differ from the ISO 3166 alpha-3 code (every other country
#: code of the files is the ISO code of a state of ``states.yaml`` or of the lists below).
CAMEO_TO_ISO = {
    "TMP": "TLS",  # East Timor / Timor-Leste
    "KSV": "XKX",  # Kosovo (XKX: the user-assigned code our states.yaml uses)
    "ANG": "AGO",  # Angola (UNITA is coded ANGREB)
    "FRN": "FRA",  # France's overseas Wallis and Futuna (FRNWLF)
    "USR": "SUN",  # the USSR (CAMEO USR; ISO 3166-3 SUN, also used as is in the files)
    "FRY": "YUG",  # the Federal Republic of Yugoslavia (ISO 3166-3 YUG until 2003)
}
#: ISO 3166-3 codes of former states the files use (no entry of states.yaml).
FORMER_STATES = {"SUN", "YUG", "SCG", "CSK", "DDR"}
#: ISO 3166-1 codes of dependent territories the files use (no entry of states.yaml).
TERRITORIES = {"ABW", "AIA", "BMU", "COK", "CYM", "GGY", "GLP", "HKG", "PRI"}
#: First parts that are no country: actor kinds, CAMEO regions, religions, placeholders
#: (KKL: a coder's initials left as code; KNT: CountryInfo's fictional Kinakuta).
NON_COUNTRY = {
    "IGO", "NGO", "MNC", "IMG", "ELI", "MED", "MOS", "HIN", "BUD", "BAH", "INT", "KKL",
    "AFR", "ASA", "CAS", "CFR", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA", "NAF", "NMR",
    "SAF", "SAM", "SAS", "SEA", "WAF", "WEU", "KRJ", "SRP", "KNT",
}  # fmt: skip
#: Sector parts that make a code about part of a state rather than the state itself.
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "ELI", "COP", "BUS", "CVL", "JUD", "MED", "LEG", "HLH",
    "EDU", "UAF", "SPY", "AGR", "REL", "MUS", "CHR", "JEW", "HIN", "BUD", "LAB", "REF",
    "PTY", "ENV", "HRI", "NGO", "IGO", "IMG", "RAD", "CRM", "DEV", "INS", "PPL", "MNC",
}  # fmt: skip
ARMED = {"REB", "INS", "UAF", "IMG"}
#: First parts of codes of actors that are no state (MUS is Mauritius there, Muslims after it).
ACTOR_KINDS = {"IGO", "NGO", "MNC", "IMG"}
#: Records dropped on purpose: CountryInfo's fictional test country.
FICTIONAL = {"KNT"}


def load_states(path: Path = STATES) -> set[str]:
    """The ISO codes of the states of ``states.yaml``."""
    actors = yaml.safe_load(path.read_text("utf-8"))["actors"]
    return {a["country"] for a in actors if a.get("type") == "state"}


def country_of(code: str, states: set[str]) -> str | None:
    """The ISO alpha-3 code of a Phoenix code's first three letters, None if no country.

    >>> country_of("TMPOCC", {"TLS"}), country_of("IGOUNO", {"TLS"})
    ('TLS', None)
    """
    head = CAMEO_TO_ISO.get(code[:3], code[:3])
    if head in states or head in FORMER_STATES or head in TERRITORIES:
        return head
    return None


def split_code(code: str, states: set[str]) -> dict:
    """``RUSGOVBUS`` -> ``{"code": "RUSGOVBUS", "country": "RUS", "sector": "GOVBUS"}``."""
    return {"code": code, "country": country_of(code, states), "sector": code[3:]}


def unknown_prefixes(records: list[Record], states: set[str]) -> set[str]:
    """First parts of codes that are neither a known country nor a known non-country."""
    heads = {r.code[:3] for rec in records for r in rec.codes}
    return {h for h in heads if country_of(h, states) is None and h not in NON_COUNTRY}


def _sector_parts(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(3, len(code), 3)]


def _is_state(record: Record) -> bool:
    """Every code names a country (or a part of one by status or sub-unit), no sector."""
    return all(r.code[:3] not in ACTOR_KINDS and not SECTORS & set(_sector_parts(r.code)) for r in record.codes)


def _is_armed(record: Record) -> bool:
    """Most codes (or the first) are of armed non-state actors: rebels, insurgents, militias."""
    armed = [bool(ARMED & {r.code[:3], *_sector_parts(r.code)}) for r in record.codes]
    return 2 * sum(armed) > len(armed) or armed[:1] == [True]


def classify(record: Record, file: str, names: set[str]) -> str:
    """The diplograph type of a record of the Phoenix file ``file``.

    ``state``: a CountryInfo record all of whose codes are about a country as a whole
    (``[AFG]``, ``[USRARM <900823]``, ``[NZLTKL]``: cities coded as their state too);
    ``person``: see :func:`phoenix_names.looks_like_person` (never a company, ``MNC``);
    ``group``: the armed groups' file, and CountryInfo records mostly coded as rebels,
    insurgents or militias (``SYRREB``, ``IMGMUSISI``); ``organization``: the rest
    (international organisations, NGOs, companies, state institutions).
    """
    mnc = any(r.code.startswith("MNC") for r in record.codes)
    if file == "countries" and _is_state(record):
        return "state"
    if not mnc and looks_like_person(record, names, strict=file == "milnonstate"):
        return "person"
    if file == "milnonstate" or (file == "countries" and _is_armed(record)):
        return "group"
    return "organization"


def main_country(codes: list[dict], state: bool = False) -> str | None:
    """The country most of the codes name (the latest listed on a tie), or None; for a
    state the country of its latest open code (Eritrea: ``[ETHERI <910424]`` ... ``[ERI >930427]``)."""
    if state:
        current = [c for c in codes if c["country"] and c["end"] is None]
        if current:
            return max(enumerate(current), key=lambda ic: (ic[1]["start"] or "", ic[0]))[1]["country"]
    countries = [c["country"] for c in codes if c["country"]]
    if not countries:
        return None
    counts = Counter(countries)
    return max(counts, key=lambda c: (counts[c], max(i for i, x in enumerate(countries) if x == c)))


def entry(record: Record, file: str, kind: str, namer: Namer, states: set[str]) -> dict | None:
    """The JSON entry of one record (without its unique ``id``); None if it has no name."""
    korean = kind == "person" and any(country_of(r.code, states) in ("KOR", "PRK") for r in record.codes)
    style = {"state": "place", "person": "person"}.get(kind, "company" if file == "international" else "organization")
    name, forms = namer.name_and_forms(record.phrases, style, korean)
    if name is None:
        return None
    codes = [{**split_code(r.code, states), "start": r.start, "end": r.end} for r in record.codes]
    country = None if kind == "organization" and file == "international" else main_country(codes, kind == "state")
    return {"id": slug(name), "name": name, "type": kind, "country": country,
            "forms": forms, "codes": codes, "file": file}  # fmt: skip


def _keys(item: dict) -> set[str]:
    return {f.casefold() for f in item["forms"]} | {item["name"].casefold()}


def merge_duplicates(entries: list[dict]) -> list[dict]:
    """Entries of one file with the same type and codes that share a form (or name),
    merged into the first: the files repeat some records (``K._ANNAN_`` beside the
    ``+K._ANNAN_`` of ``KOFI_ANNAN_``, ``JOSEPH_LUNS_`` twice)."""
    kept: list[dict] = []
    owner: dict[tuple, dict] = {}  # (file, type, codes, form) -> the entry holding it
    for item in entries:
        key = (item["file"], item["type"], tuple(tuple(c.values()) for c in item["codes"]))
        twin = next((owner[(*key, k)] for k in _keys(item) if (*key, k) in owner), None)
        if twin is None:
            twin = item
            kept.append(item)
        else:
            known = {f.casefold() for f in twin["forms"]}
            twin["forms"].extend(f for f in item["forms"] if f.casefold() not in known)
        for k in _keys(item):
            owner.setdefault((*key, k), twin)
    return kept


def _unique_ids(entries: list[dict]) -> None:
    """Suffix ``-2``, ``-3``... to the ids taken already, in entry order."""
    taken: set[str] = set()
    for item in entries:
        base = candidate = item["id"] or "actor"
        number = 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate)
        item["id"] = candidate


def read_records(folder: Path, problems: list[str]) -> dict[str, list[Record]]:
    """Every Phoenix actor file's records, orphans adopted, fictional ones left out."""
    result = {}
    for file, name in FILES.items():
        notes: list[str] = []
        records = adopt_orphans(parse_actors((folder / name).read_text("utf-8"), notes))
        problems.extend(f"{name}: {n}" for n in notes)
        fictional = [r for r in records if any(c.code[:3] in FICTIONAL for c in r.codes)]
        problems.extend(f"{name}: line {r.line}: dropped fictional {r.phrases[0]}" for r in fictional)
        result[file] = [r for r in records if r not in fictional]
    return result


def convert_actors(folder: Path, states: set[str], problems: list[str]) -> dict:
    """The ``phoenix_actors.json`` document of a PETRARCH2 dictionary folder."""
    files = read_records(folder, problems)
    names = given_names(files["countries"])
    texts = [clean(p) or "" for r in files["countries"] if _is_state(r) for p in r.phrases]
    places = {w for t in texts if " " in t for w in re.findall(r"[A-Z]+", t)}  # Santa Ana: no acronym ANA
    namer = Namer.from_records([r for records in files.values() for r in records], places)
    entries = []
    for file, records in files.items():
        unknown = unknown_prefixes(records, states)
        problems.extend(f"{FILES[file]}: unknown code prefix {u}" for u in sorted(unknown))
        for record in records:
            item = entry(record, file, classify(record, file, names), namer, states)
            if item is None:
                problems.append(f"{FILES[file]}: line {record.line}: no usable phrase, dropped")
            else:
                entries.append(item)
    entries = merge_duplicates(entries)
    _unique_ids(entries)
    return {"source": SOURCE, "entries": entries}


def _agent_form(phrase: str) -> str:
    return re.sub(r"[\s_]+", " ", phrase).strip().lower()


def convert_agents(folder: Path, problems: list[str]) -> dict:
    """The ``phoenix_agents.json`` document: agents grouped by (code, position)."""
    notes: list[str] = []
    agents: list[Agent] = parse_agents((folder / AGENTS_FILE).read_text("utf-8"), notes)
    problems.extend(f"{AGENTS_FILE}: {n}" for n in notes)
    groups: dict[tuple[str, str], list[str]] = {}
    for agent in agents:
        forms = groups.setdefault((agent.code, agent.position), [])
        forms.extend(f for f in map(_agent_form, agent.phrases) if f and f not in forms)
    rows = [{"forms": forms, "code": code, "position": side} for (code, side), forms in groups.items()]
    return {"source": SOURCE, "agents": rows}


def write_json(document: dict, path: Path) -> int:
    """Write ``document`` compactly to ``path`` through a temporary file; its size in bytes."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    """Command line: convert a PETRARCH2 dictionary folder; print counts and problems."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder holding the Phoenix.*.txt files")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: beside this script)")
    parser.add_argument("--states", type=Path, default=STATES, help="states.yaml giving the ISO codes")
    parser.add_argument("--quiet", action="store_true", help="print no problem list")
    args = parser.parse_args(argv)
    problems: list[str] = []
    actors = convert_actors(args.folder, load_states(args.states), problems)
    agents = convert_agents(args.folder, problems)
    sizes = [write_json(actors, args.out / ACTORS_OUT.name), write_json(agents, args.out / AGENTS_OUT.name)]
    counts = Counter((e["file"], e["type"]) for e in actors["entries"])
    for (file, kind), count in sorted(counts.items()):
        print(f"{file:14} {kind:13} {count:6}")
    print(f"{len(actors['entries'])} actors ({sizes[0]:,} bytes), ", end="")
    print(f"{len(agents['agents'])} agent codes ({sizes[1]:,} bytes)")
    if not args.quiet:
        print(f"{len(problems)} problems:", *problems, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
