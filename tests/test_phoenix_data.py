"""The Phoenix (PETRARCH2) actor data: the converter's parsing, the committed JSON, and a
cross-check of the curated office-holder history against Phoenix's government periods.

Parsing tests use small inline samples; the checks of ``phoenix_*.json`` and the
cross-check need only the committed files; the reconversion check needs the PETRARCH2
dictionaries (``shared/ref/petrarch2`` beside the repository) and is skipped without them.
Run with ``DIPLOGRAPH_UPDATE_REVIEWS=1`` to rewrite ``phoenix_disagreements.txt``.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ROOT / "actors" / "data" / "phoenix"
HISTORY = ROOT / "actors" / "data" / "history"
REVIEWED = HISTORY / "phoenix_disagreements.txt"
SOURCES = [Path(p) for p in (os.environ.get("DIPLOGRAPH_PETRARCH2", ""),) if p] + [
    ROOT.parent / "shared" / "ref" / "petrarch2",
    Path("/work/shared/ref/petrarch2"),
]
TOLERANCE = dt.timedelta(days=60)
COMPARABLE_BEFORE = dt.date(2014, 1, 1)  # Phoenix's office holders stop around 2014-2015


def _load(name: str):
    """The converter module ``name`` (it imports its siblings from its own folder)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, PHOENIX / f"{name}.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


convert = _load("convert_phoenix")
fmt = sys.modules["phoenix_format"]
names = sys.modules["phoenix_names"]
STATES = convert.load_states()


@pytest.fixture(scope="module")
def actors() -> list[dict]:
    return json.loads((PHOENIX / "phoenix_actors.json").read_text("utf-8"))["entries"]


@pytest.fixture(scope="module")
def agents() -> list[dict]:
    return json.loads((PHOENIX / "phoenix_agents.json").read_text("utf-8"))["agents"]


# ------------------------------------------------------------------ parsing


@pytest.mark.parametrize(
    ("text", "iso"),
    [("991231", "1999-12-31"), ("080507", "2008-05-07"), ("291231", "2029-12-31"), ("300101", "1930-01-01"),
     ("000101", "2000-01-01"), ("20070101", "2007-01-01"), ("19270101", "1927-01-01"),
     ("1920030320", "2003-03-20"), ("2004017", "2004-01-17"), ("201005011", "2010-05-11"),
     ("100231", None), ("12345", None), ("abcdef", None)],
)  # fmt: skip
def test_dates_yymmdd_yyyymmdd_and_two_digit_years(text, iso):
    assert fmt.parse_date(text) == iso


@pytest.mark.parametrize(
    ("body", "expected"),
    [("AFGELI", ("AFGELI", None, None)), ("RUSGOV 991231-080507", ("RUSGOV", "1999-12-31", "2008-05-07")),
     ("IGOUNO >20070101", ("IGOUNO", "2007-01-01", None)), ("ARM <911221", ("ARM", None, "1991-12-21")),
     ("EGYGOV > 140608", ("EGYGOV", "2014-06-08", None)), ("MNEGOV 20121204", ("MNEGOV", "2012-12-04", None)),
     ("AFGELI 19270101-730717", ("AFGELI", "1927-01-01", "1973-07-17"))],
)  # fmt: skip
def test_each_form_of_date_restriction(body, expected):
    assert fmt.parse_restriction(body) == fmt.Restriction(*expected)


def test_null_code_and_unreadable_dates():
    assert fmt.parse_restriction("---") is None
    with pytest.raises(ValueError):
        fmt.parse_restriction("RUSGOV 991399-000101")


SAMPLE = """# comment line
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_ # the capital
HAMID_KARZAI_  # CountryInfo.txt
+PRESIDENT_KARZAI
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
\t[AFGELI]
JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt
A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000
LEONID_BREZHNEV_  # CountryInfo.txt
SECRETARY_BREZHNEV
COMMUNIST_LEADER_LEONID_BREZHNEV
\t[RUSGOV 641014-821110]
SARAYAT_AL-QUDS
JUND_AL_AQSA
\t[SYRREBMUS]
INDIAN_OCEAN  [---]
"""


def test_records_synonyms_restrictions_and_repairs():
    problems: list[str] = []
    records = fmt.adopt_orphans(fmt.parse_actors(SAMPLE, problems))
    by_name = {r.phrases[0]: r for r in records}
    assert by_name["AFGHANISTAN_"].phrases == ["AFGHANISTAN_", "AFGHAN_", "KABUL_"]
    assert by_name["AFGHANISTAN_"].codes == [fmt.Restriction("AFG")]
    karzai = by_name["HAMID_KARZAI_"]
    assert karzai.comment == "CountryInfo.txt" and karzai.phrases[1] == "PRESIDENT_KARZAI"
    assert karzai.codes[1] == fmt.Restriction("AFGGOV", "2001-12-22", None)
    assert [c.code for c in by_name["JAVIER_DE_CUELLAR_"].codes] == ["IGOUNO", "ELI"]
    assert by_name["A.H._BELO_CORPORATION_"].codes == [fmt.Restriction("MNCMED")]
    # forgotten "+": a shared rare word makes one record; other orphans share the codes
    assert by_name["LEONID_BREZHNEV_"].phrases[-1] == "COMMUNIST_LEADER_LEONID_BREZHNEV"
    assert "SECRETARY_BREZHNEV" not in by_name
    assert by_name["SARAYAT_AL-QUDS"].codes == by_name["JUND_AL_AQSA"].codes == [fmt.Restriction("SYRREBMUS")]
    assert "INDIAN_OCEAN" not in by_name and not problems


AGENTS = """!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
POLICE {} [~COP]
POLICE!PERSON!  [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
DEPUTY [~COP]
ENVOY [~GOV]
BOSS [~BUS]
MILITIAMAN [~UAF]
LAWMAKERS [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
ISLAMIC_EXTREMIST
!MISSING!_CHIEF [~GOV]
"""


def test_agents_sets_plurals_and_sides():
    problems: list[str] = []
    found = {a.phrases[0]: a for a in fmt.parse_agents(AGENTS, problems)}
    assert found["POLICE"].phrases == ("POLICE",)
    assert [a.phrases for a in fmt.parse_agents(AGENTS) if a.phrases[0].startswith("POLICEM")] == [
        ("POLICEMAN", "POLICEMEN", "POLICEWOMAN", "POLICEWOMEN", "POLICEPERSON")
    ]
    assert found["ATTORNEY_GENERAL"].phrases == ("ATTORNEY_GENERAL", "ATTORNEYS_GENERAL")
    assert found["DEPUTY"].phrases[1] == "DEPUTIES" and found["ENVOY"].phrases[1] == "ENVOYS"
    assert found["BOSS"].phrases[1] == "BOSSES" and found["MILITIAMAN"].phrases[1] == "MILITIAMEN"
    assert found["LAWMAKERS"].phrases == ("LAWMAKERS",)
    assert (found["HUMAN_RIGHTS_BODY"].code, found["HUMAN_RIGHTS_BODY"].position) == ("NGO", "prefix")
    assert (found["POLICE"].code, found["POLICE"].position) == ("COP", "suffix")
    assert len(problems) == 2 and "ISLAMIC_EXTREMIST" in problems[0] and "MISSING" in problems[1]


def test_cameo_codes_map_to_iso_codes_of_our_states():
    assert convert.country_of("TMPOCC", STATES) == "TLS"
    assert convert.country_of("KSVGOV", STATES) == "XKX"
    assert convert.country_of("ANGREB", STATES) == "AGO"
    assert convert.country_of("USRARM", STATES) == "SUN"
    assert convert.country_of("RUSGOV", STATES) == "RUS"
    assert convert.country_of("HKG", STATES) == "HKG"
    for code in ("IGOUNO", "NGOUSA", "MNCUSA", "KKLREB", "SASREB", "IMGMUSALQ"):
        assert convert.country_of(code, STATES) is None
    assert convert.split_code("RUSGOVBUS", STATES) == {"code": "RUSGOVBUS", "country": "RUS", "sector": "GOVBUS"}
    for iso in convert.CAMEO_TO_ISO.values():
        assert iso in STATES or iso in convert.FORMER_STATES
    assert not (convert.TERRITORIES | convert.FORMER_STATES) & STATES


@pytest.mark.parametrize(
    ("phrases", "style", "korean", "name"),
    [(["SERGEY_LAVROV_"], "person", False, "Sergey Lavrov"),
     (["SECRETARY-GENERAL_BAN_KI-MOON", "BAN_KI-MOON"], "person", True, "Ban Ki-moon"),
     (["ABU_BAKR_AL-BAGHDADI_"], "person", False, "Abu Bakr al-Baghdadi"),
     (["FERNANDO_DE_LA_RUA_"], "person", False, "Fernando de la Rua"),
     (["JOHN_J_MCCLOY_"], "person", False, "John J McCloy"), (["HAMAS_"], "organization", False, "Hamas"),
     (["KURDISTAN_WORKERS'_PARTY"], "organization", False, "Kurdistan Workers' Party"),
     (["PKK"], "organization", False, "PKK"), (["UN_"], "company", False, "UN"), (["NATO_"], "company", False, "NATO"),
     (["BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_"], "organization", False, "Basque Fatherland and Freedom"),
     (["APO'S_REVENGE_HAWKS_"], "organization", False, "Apo's Revenge Hawks"),
     (["AAR_CORP_"], "company", False, "AAR Corp")],
)  # fmt: skip
def test_names_in_written_case(phrases, style, korean, name):
    assert names.Namer().name_and_forms(phrases, style, korean)[0] == name


def test_forms_deduplicated_and_filtered():
    namer = names.Namer.from_records([fmt.Record(["BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_", "ETA_"])])
    assert namer.name_and_forms(["TALIBAN_", "TALEBAN_", "TALIBAN", "ARMY", "UN", "A_B"], "organization")[1] == [
        "Taliban", "Taleban"
    ]
    name, forms = namer.name_and_forms(["BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_", "ETA_"], "organization")
    assert (name, forms) == ("Basque Fatherland and Freedom", ["Basque Fatherland and Freedom", "ETA"])


def test_types_of_records():
    person = fmt.Record(["SERGEY_LAVROV_"], [fmt.Restriction("RUSGOV", "2004-03-09")], "CountryInfo.txt")
    armenia = [fmt.Restriction("USRARM", None, "1990-08-23"), fmt.Restriction("ARM", "1991-12-21")]
    state = fmt.Record(["ARMENIA_"], armenia)
    army = fmt.Record(["AFGHAN_NATIONAL_ARMY"], [fmt.Restriction("AFGMIL")])
    rebels = fmt.Record(["SYRIAN_REVOLUTIONARY_FRONT"], [fmt.Restriction("SYRREB")])
    company = fmt.Record(["A._SCHULMAN_"], [fmt.Restriction("MNCUSA")])
    igo = fmt.Record(["WORLD_HEALTH_ORGANIZATION_"], [fmt.Restriction("IGOUNOHLH")])
    given = {"SERGEY", "JOHN"}
    assert convert.classify(person, "countries", given) == "person"
    assert convert.classify(state, "countries", given) == "state"
    assert convert.classify(army, "countries", given) == "organization"
    assert convert.classify(rebels, "countries", given) == "group"
    assert convert.classify(company, "international", given) == "organization"
    assert convert.classify(igo, "international", given) == "organization"
    assert convert.classify(rebels, "milnonstate", given) == "group"


def test_conversion_of_a_tiny_folder(tmp_path):
    (tmp_path / "Phoenix.Countries.actors.txt").write_text(SAMPLE, "utf-8")
    (tmp_path / "Phoenix.International.actors.txt").write_text("UN_ [IGOUNO]\nTHE_UN_ [IGOUNO]\n", "utf-8")
    (tmp_path / "Phoenix.MilNonState.actors.txt").write_text("HAMAS_\n\t[PSEREBHMS]\nHAMAS\n\t[PSEREB]\n", "utf-8")
    (tmp_path / "Phoenix.agents.txt").write_text(AGENTS, "utf-8")
    assert convert.main([str(tmp_path), "--out", str(tmp_path), "--quiet"]) == 0
    entries = json.loads((tmp_path / "phoenix_actors.json").read_text("utf-8"))["entries"]
    by_id = {e["id"]: e for e in entries}
    assert by_id["afghanistan"]["type"] == "state"
    assert by_id["afghanistan"]["forms"] == ["Afghanistan", "Afghan", "Kabul"]
    karzai = {"code": "AFGGOV", "country": "AFG", "sector": "GOV", "start": "2001-12-22", "end": None}
    assert by_id["hamid-karzai"]["codes"][1] == karzai
    assert (by_id["hamas"]["type"], by_id["hamas"]["country"], by_id["hamas-2"]["name"]) == ("group", "PSE", "Hamas")
    assert by_id["un"]["country"] is None and by_id["the-un"]["forms"] == ["The UN"]
    cop = json.loads((tmp_path / "phoenix_agents.json").read_text("utf-8"))["agents"][0]
    assert cop == {"forms": ["police", "policeman", "policemen", "policewoman", "policewomen", "policeperson",
                             "deputy", "deputies"], "code": "COP", "position": "suffix"}  # fmt: skip
    assert not list(tmp_path.glob(".*.tmp"))


# ------------------------------------------------------------------ the committed data


def test_committed_entries_are_well_formed(actors):
    ids = [e["id"] for e in actors]
    assert len(ids) == len(set(ids)) and len(actors) > 20000
    iso = re.compile(r"\d{4}-\d{2}-\d{2}")
    for e in actors:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e["id"]), e["id"]
        assert e["type"] in ("state", "person", "organization", "group") and e["file"] in convert.FILES
        assert e["country"] is None or e["country"] in STATES | convert.TERRITORIES | convert.FORMER_STATES
        assert all(len(f.replace(" ", "")) > 2 and f.casefold() not in names.STOP_FORMS for f in e["forms"])
        for c in e["codes"]:
            assert c["country"] == convert.country_of(c["code"], STATES) and c["sector"] == c["code"][3:]
            assert all(d is None or iso.fullmatch(d) for d in (c["start"], c["end"]))
    inverted = {(e["id"], c["code"]) for e in actors for c in e["codes"] if (c["start"] or "") > (c["end"] or "9")}
    assert inverted == {("kamal-ganzouri", "EGYGOV")}  # Phoenix's 2012-12-07 for 2011-12-07, kept as written


def _one(actors, name, file=None):
    found = [e for e in actors if e["name"] == name and (file is None or e["file"] == file)]
    assert found, name
    return found[0]


def test_known_entries(actors):
    russia = _one(actors, "Russian Federation")
    assert (russia["type"], russia["country"], russia["file"]) == ("state", "RUS", "countries")
    assert _one(actors, "Timor Leste")["country"] == "TLS" and _one(actors, "Eritrea")["country"] == "ERI"
    hamas = _one(actors, "Hamas")
    assert (hamas["type"], hamas["country"], hamas["file"]) == ("group", "PSE", "milnonstate")
    pkk = _one(actors, "Kurdistan Workers' Party")
    assert pkk["type"] == "group" and pkk["country"] == "TUR" and "PKK" in pkk["forms"]
    nato = _one(actors, "NATO")
    assert (nato["type"], nato["country"], nato["codes"][0]["code"]) == ("organization", None, "IGOWSTNAT")
    lavrov = _one(actors, "Sergey Lavrov")
    assert lavrov["type"] == "person" and lavrov["country"] == "RUS"
    assert {"code": "RUSGOV", "country": "RUS", "sector": "GOV", "start": "2004-03-09", "end": None} in lavrov["codes"]
    ban = _one(actors, "Ban Ki-moon", "international")
    assert ban["type"] == "person" and ban["codes"][0]["start"] == "2007-01-01"
    assert "Abu Bakr al-Baghdadi" in _one(actors, "Islamic State of Iraq and the Levant")["forms"]


def test_committed_agents(agents):
    cop = next(a for a in agents if a["code"] == "COP")
    assert {"police", "policeman", "policemen", "riot police"} <= set(cop["forms"])
    assert {a["position"] for a in agents} == {"prefix", "suffix"}
    assert "ministries of foreign affairs" in {f for a in agents for f in a["forms"]}
    assert all(f == f.lower() and f.strip() == f for a in agents for f in a["forms"])


def test_files_stay_compact():
    assert (PHOENIX / "phoenix_actors.json").stat().st_size < 10_000_000
    assert (PHOENIX / "phoenix_agents.json").stat().st_size < 300_000
    assert "\n" not in (PHOENIX / "phoenix_agents.json").read_text("utf-8")


@pytest.mark.slow
def test_committed_json_is_what_the_converter_writes(tmp_path):
    source = next((p for p in SOURCES if (p / "Phoenix.agents.txt").is_file()), None)
    if source is None:
        pytest.skip("PETRARCH2 dictionaries (shared/ref/petrarch2) not here")
    assert convert.main([str(source), "--out", str(tmp_path), "--quiet"]) == 0
    for name in ("phoenix_actors.json", "phoenix_agents.json"):
        assert (tmp_path / name).read_bytes() == (PHOENIX / name).read_bytes(), f"{name}: rerun the converter"


# ------------------------------------------------------------------ cross-check with the curated history


def _norm(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_name.replace("'", "")).split())


def _day(value) -> dt.date | None:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value) if value else None


FIRST, LAST = dt.date(1, 1, 1), dt.date(9000, 1, 1)  # open ends (room for adding days)


def _merge(periods, gap=dt.timedelta(days=1)):
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(periods):
        if merged and start <= merged[-1][1] + gap:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def gov_periods(entry: dict, country: str) -> list[tuple[dt.date, dt.date]]:
    """Phoenix's GOV periods of a person for one country: dated GOV codes, and a default
    (undated) GOV code for every day no dated restriction covers."""
    spans = [(_day(c["start"]) or FIRST, _day(c["end"]) or LAST) for c in entry["codes"] if c["start"] or c["end"]]
    dated = _merge(spans)
    bounds = [FIRST, *[d for start, end in dated for d in (start, end)], LAST]
    free = [(a, b) for a, b in zip(bounds[::2], bounds[1::2]) if a < b]  # between dated ones
    periods = []
    for c in entry["codes"]:
        if c["country"] == country and c["sector"][:3] == "GOV":
            periods += [(_day(c["start"]) or FIRST, _day(c["end"]) or LAST)] if c["start"] or c["end"] else free
    return _merge(periods, TOLERANCE)  # gaps of up to 60 days do not count


def disagreements(actors: list[dict]) -> list[str]:
    """Curated office periods (ended before 2014) outside every Phoenix GOV period of the
    same person and country by more than 60 days at either end."""
    persons: dict[str, list[dict]] = {}
    for e in actors:
        if e["type"] == "person":
            for form in {e["name"], *e["forms"]}:
                persons.setdefault(_norm(form), []).append(e)
    history = yaml.safe_load((HISTORY / "office_holders.yaml").read_text("utf-8"))
    found = []
    for office in history["offices"]:
        country = office.get("country")
        for holder in office["holders"] if country else []:
            start, end = _day(holder["start"]), _day(holder["end"])
            if end is None or end >= COMPARABLE_BEFORE:
                continue
            known = {id(e): e for n in [holder["name"], *holder.get("aliases", [])] for e in persons.get(_norm(n), [])}
            same = [e for e in known.values() if any(c["country"] == country for c in e["codes"])]
            periods = _merge(p for e in same for p in gov_periods(e, country))
            if same and not any(a <= start + TOLERANCE and b >= end - TOLERANCE for a, b in periods):
                shown = ", ".join(f"{'' if a == FIRST else a}..{'' if b == LAST else b}" for a, b in periods) or "none"
                found.append(f"{country} {office['office']} | {holder['id']} | curated {start}..{end} | "
                             f"Phoenix GOV {shown} | {' '.join(sorted(e['id'] for e in same))}")  # fmt: skip
    return found


def _reviewed() -> dict[str, str]:
    lines = [x for x in REVIEWED.read_text("utf-8").splitlines() if x.strip() and not x.startswith("#")]
    return dict(x.split(" # ", 1) if " # " in x else (x, "") for x in lines)


def test_curated_office_holders_agree_with_phoenix_or_are_reviewed(actors):
    current = disagreements(actors)
    if os.environ.get("DIPLOGRAPH_UPDATE_REVIEWS") == "1":
        verdicts = _reviewed() if REVIEWED.exists() else {}
        header = [x for x in REVIEWED.read_text("utf-8").splitlines() if x.startswith("#")] if REVIEWED.exists() else []
        body = [f"{line} # {verdicts.get(line) or 'TODO: review'}" for line in current]
        REVIEWED.write_text("\n".join(header + body) + "\n", "utf-8")
    reviewed = _reviewed()
    assert current == list(reviewed), "new or gone disagreements: rerun with DIPLOGRAPH_UPDATE_REVIEWS=1 and review"
    unreviewed = [line for line, verdict in reviewed.items() if not verdict or verdict.startswith("TODO")]
    assert not unreviewed, f"disagreements without a verdict: {unreviewed}"
    assert len(current) < 100  # the check finds real matches: many more would mean broken name matching
