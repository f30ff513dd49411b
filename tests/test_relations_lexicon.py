"""The relation lexicon data file and user extensions, and date expressions (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.base.errors import ConfigError
from diplograph.relations.dates import parse_date_expression
from diplograph.relations.lexicon import default_lexicon, load_lexicon, split_key
from diplograph.relations.ontology import default_ontology


def test_builtin_lexicon_only_uses_ontology_types():
    lexicon = default_lexicon()
    lexicon.check_types(default_ontology())
    used = {e.type for e in lexicon.verbs.values()} | {e.type for e in lexicon.nouns.values()}
    assert used == set(default_ontology())


def test_yaml_booleans_are_quoted_prepositions():
    lexicon = default_lexicon()
    assert "on" in lexicon.target_slots["sanctions"]
    assert "no" in lexicon.negators.words


def test_particle_keys():
    assert split_key("call on") == ("call", "on")
    assert split_key("Shoot down") == ("shoot", "down")
    lexicon = default_lexicon()
    assert ("on", lexicon.verbs["call on"]) in lexicon.verb_entries("call")
    assert "off" in lexicon.negator_particles("call")


def test_user_file_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "verbs:\n  torpedo: attacks\n  meet: negotiates\nlight_verbs: [pursue]\nspeech_verbs: [whisper]\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(path, ontology=default_ontology())
    assert lexicon.verbs["torpedo"].type == "attacks"
    assert lexicon.verbs["meet"].type == "negotiates"
    assert lexicon.verbs["attack"].type == "attacks"  # built-in entries stay
    assert "pursue" in lexicon.light_verbs and "hold" in lexicon.light_verbs
    assert "whisper" in lexicon.speech_verbs and "say" in lexicon.speech_verbs
    assert default_lexicon().verbs["meet"].type == "meets"  # the cached built-in is untouched


def test_unknown_key_is_a_one_line_config_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("verbs:\n  torpedo: {type: attacks, targte: [dobj]}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_lexicon(path)
    message = str(info.value)
    assert "\n" not in message and "bad.yaml" in message and "targte" in message


def test_unknown_relation_type_is_reported(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("nouns:\n  skirmish: fights\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nouns.skirmish: unknown relation type 'fights'"):
        load_lexicon(path, ontology=default_ontology())


def test_party_words_are_validated_and_extended(tmp_path):
    path = tmp_path / "parties.yaml"
    path.write_text("parties:\n  nouns: [factions]\n  implied_types: [demands, pleads]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="parties: unknown relation type 'pleads'"):
        load_lexicon(path, ontology=default_ontology())
    path.write_text("parties:\n  nouns: [factions]\nplace_target_types: [meets]\n", encoding="utf-8")
    lexicon = load_lexicon(path, ontology=default_ontology())
    assert "factions" in lexicon.parties.nouns and "sides" in lexicon.parties.nouns
    assert lexicon.parties.implied_types == default_lexicon().parties.implied_types
    assert lexicon.place_target_types == (*default_lexicon().place_target_types, "meets")


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read lexicon file"):
        load_lexicon(tmp_path / "nope.yaml")


TUESDAY = dt.date(2025, 8, 12)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Friday", False, dt.date(2025, 8, 8)),
        ("Tuesday", False, TUESDAY),
        ("Friday", True, dt.date(2025, 8, 15)),
        ("yesterday", False, dt.date(2025, 8, 11)),
        ("July 30", False, dt.date(2025, 7, 30)),
        ("September 4", False, dt.date(2025, 9, 4)),
        ("in May", False, dt.date(2025, 5, 1)),
        ("March 3, 2024", False, dt.date(2024, 3, 3)),
        ("2015", False, None),
        ("more than a decade", False, None),
    ],
)
def test_date_expressions(text, future, expected):
    assert parse_date_expression(text, TUESDAY, future=future) == expected


def test_without_a_document_date_only_full_dates_count():
    assert parse_date_expression("on Friday", None) is None
    assert parse_date_expression("March 3, 2024", None) == dt.date(2024, 3, 3)


def test_a_yearless_month_of_a_past_act_is_the_last_one_and_day_ranges_keep_their_year():
    base = dt.date(2017, 3, 1)
    assert parse_date_expression("in July", base) == dt.date(2017, 7, 1)  # tense unknown: the nearest
    assert parse_date_expression("in July", base, past=True) == dt.date(2016, 7, 1)  # "met him in July"
    assert parse_date_expression("on January 23-24", dt.date(2017, 2, 7)) == dt.date(2017, 1, 23)
    assert parse_date_expression("2016-12-31", base) == dt.date(2016, 12, 31)
    assert parse_date_expression("34", base) is None  # an age, not a day
