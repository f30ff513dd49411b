"""User dictionary checks beyond the schema: forms that would match ordinary text, duplicate ids, unknown
members, blank names, and files too large to load (no model needed)."""

from __future__ import annotations

import json

import pytest

from diplograph.actors.checks import MAX_ENTRIES, MAX_FILE_BYTES, bad_form
from diplograph.actors.dictionary import load_dictionary
from diplograph.base.errors import ConfigError


def _fails(tmp_path, content: str, name: str = "mine.yaml") -> str:
    file = tmp_path / name
    file.write_text(content, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_dictionary(file)
    message = str(caught.value)
    assert "\n" not in message and name in message
    return message


@pytest.mark.parametrize(
    ("alias", "why"),
    [("", "is empty"), ("   ", "is empty"), ("X", "single letter"), ("x.", "single letter"), ("the", "common word"),
     ("And", "common word"), ("said", "common word"), ("May", "common word")],
)  # fmt: skip
def test_forms_that_would_match_ordinary_text_are_refused(tmp_path, alias, why):
    message = _fails(tmp_path, f"actors:\n  - {{id: x-y, name: X Y, type: person, aliases: [{json.dumps(alias)}]}}\n")
    assert why in message and "aliases" in message and "#1" in message


def test_acronyms_and_real_names_pass():
    assert bad_form("US") is None and bad_form("EU") is None and bad_form("Kyiv") is None
    assert bad_form("The Hague") is None and bad_form("the") == "is a common word"


def test_blank_name_is_refused(tmp_path):
    assert "name is blank" in _fails(tmp_path, "actors:\n  - {id: x, name: '   ', type: person}\n")


def test_duplicate_ids_in_one_file_are_refused(tmp_path):
    message = _fails(
        tmp_path, "actors:\n  - {id: x, name: X One, type: person}\n  - {id: x, name: X Two, type: person}\n"
    )
    assert "'x'" in message and "more than one entry" in message
    message = _fails(tmp_path, json.dumps({"actors": [{"id": "x", "name": "A b", "type": "person"}] * 2}), "mine.json")
    assert "more than one entry" in message


def test_unknown_members_are_refused_known_ones_pass(tmp_path):
    message = _fails(tmp_path, "actors:\n  - {id: quad, name: Quad, type: group, members: [india, atlantis]}\n")
    assert "members" in message and "'atlantis'" in message and "quad" in message
    file = tmp_path / "ok.yaml"
    file.write_text(
        "actors:\n  - {id: quad, name: Quad, type: group, members: [india, japan, australia, united-states, x-land]}\n"
        "  - {id: x-land, name: Xland, type: state, country: XLD}\n",
        "utf-8",
    )
    assert load_dictionary(file)["quad"].members[-1] == "x-land"


def test_too_many_entries_are_refused_in_one_line(tmp_path):
    entries = [{"id": f"p-{i}", "name": f"Person {i}", "type": "person"} for i in range(MAX_ENTRIES + 1)]
    file = tmp_path / "big.json"
    file.write_text(json.dumps({"actors": entries}, separators=(",", ":")), "utf-8")
    assert file.stat().st_size < MAX_FILE_BYTES  # refused for its count, not its size
    with pytest.raises(ConfigError, match=f"has {MAX_ENTRIES + 1:,} entries; the limit is {MAX_ENTRIES:,}"):
        load_dictionary(file)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    file = tmp_path / "huge.json"
    with file.open("w", encoding="utf-8") as handle:  # 454,000 entries, as a real export of a knowledge base
        handle.write('{"actors":[')
        handle.write(",".join(f'{{"id":"p-{i}","name":"Person Number {i}","type":"person"}}' for i in range(454_000)))
        handle.write("]}")
    with pytest.raises(ConfigError, match=r"huge\.json: the actor dictionary is [0-9.]+ MB; the limit is 16 MB"):
        load_dictionary(file)


@pytest.mark.slow
def test_a_large_file_below_the_limits_loads_whole(tmp_path):
    """40,000 entries load and every one is found (its load time is measured in benchmarks/bench_dictionaries.py)."""
    file = tmp_path / "u.json"
    entries = [{"id": f"p-{i}", "name": f"Person Number{i}", "type": "person", "aliases": [f"Number{i}"]}
               for i in range(40_000)]  # fmt: skip
    file.write_text(json.dumps({"actors": entries}), "utf-8")
    loaded = load_dictionary(file)
    assert len(loaded) > 40_000
    assert loaded["p-0"].name == "Person Number0" and tuple(loaded["p-39999"].aliases) == ("Number39999",)
