"""The shipped actor dictionary, its loader, the state generator, titles and name variants (no model needed)."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from diplograph.actors.dictionary import builtin_entries, load_dictionary, normalize_form
from diplograph.actors.recognize import actor_patterns
from diplograph.actors.titles import match_plural_title, match_title, parse_role
from diplograph.actors.variants import dictionary_person, name_parts, same_person
from diplograph.base.errors import ConfigError

DATA = Path(__file__).resolve().parents[1] / "actors" / "data"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_states", DATA / "generate_states.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ids_are_unique_and_no_form_names_two_actors():
    entries = builtin_entries()
    ids = Counter(e.id for e in entries)
    assert [i for i, n in ids.items() if n > 1] == []
    owner: dict[str, str] = {}
    clashes = []
    for entry in entries:
        for text, _ in entry.surface_forms():
            form = normalize_form(text)
            if owner.setdefault(form, entry.id) != entry.id:
                clashes.append((form, owner[form], entry.id))
    assert clashes == []


def test_every_un_member_and_observer_is_a_state(dictionary):
    states = [e for e in dictionary if e.type == "state"]
    un = dictionary["united-nations"]
    assert len(un.members) == 193
    assert all(dictionary[m].type == "state" for m in un.members)
    assert {"holy-see", "palestine", "taiwan", "kosovo"} <= {s.id for s in states}
    assert {"holy-see", "palestine", "taiwan", "kosovo"}.isdisjoint(un.members)
    assert len(states) == 197
    assert len({s.country for s in states}) == 197


def test_members_point_to_existing_actors(dictionary):
    missing = [(e.id, m) for e in dictionary for m in e.members if m not in dictionary]
    assert missing == []
    assert len(dictionary["european-union"].members) == 27
    assert len(dictionary["nato"].members) == 32
    g7 = {"canada", "france", "germany", "italy", "japan", "united-kingdom", "united-states"}
    assert set(dictionary["g7"].members) == g7


def test_committed_states_file_is_what_the_generator_writes():
    generator = _generator()
    entries, members = generator.state_entries(generator.read_curated())
    assert generator.render(entries, members) == (DATA / "states.yaml").read_text("utf-8")
    assert generator.with_ascii_forms(["Élysée", "Paris"]) == ["Élysée", "Elysee", "Paris"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US", ("united-states", "alias")),
        ("U.S.", ("united-states", "alias")),
        ("us", None),
        ("Russian", ("russia", "demonym")),
        ("russian", None),
        ("Kremlin", ("russia", "metonym")),
        ("the Kremlin", ("russia", "metonym")),
        ("Bankova", ("ukraine", "metonym")),
        ("Kiev", ("ukraine", "metonym")),
        ("White House", ("united-states", "metonym")),
        ("Downing Street", ("united-kingdom", "metonym")),
        ("Élysée", ("france", "metonym")),
        ("Elysee Palace", ("france", "metonym")),
        ("Quai d\u2019Orsay", ("france", "metonym")),
        ("Beijing", ("china", "metonym")),
        ("Great Britain", ("united-kingdom", "alias")),
        ("the Netherlands", ("netherlands", "alias")),
        ("Turkey", ("turkiye", "alias")),
        ("volunteer coalition", ("coalition-of-the-willing", "alias")),
        ("European leaders", ("europe", "alias")),
        ("Zelenskiy", ("volodymyr-zelenskyy", "alias")),
        ("ZELENSKY", ("volodymyr-zelenskyy", "alias")),
    ],
)
def test_lookup_case_rules_and_metonyms(dictionary, text, expected):
    assert dictionary.lookup(text) == expected


def test_persons_have_offices_and_countries(dictionary):
    expected = {
        "friedrich-merz": ("DEU", "chancellor"),
        "keir-starmer": ("GBR", "prime minister"),
        "dick-schoof": ("NLD", "prime minister (2024-07-02 to 2026-02-23)"),
        "donald-tusk": ("POL", "prime minister"),
        "alexander-stubb": ("FIN", "president"),
        "giorgia-meloni": ("ITA", "prime minister"),
        "mark-carney": ("CAN", "prime minister"),
        "sanae-takaichi": ("JPN", "prime minister"),
        "steve-witkoff": ("USA", "special envoy"),
        "keith-kellogg": ("USA", "special envoy for Ukraine"),
    }
    for actor_id, (country, role) in expected.items():
        actor = dictionary.actor(actor_id)
        assert (actor.type, actor.country) == ("person", country)
        assert actor.roles[0] == role or actor.roles[0].startswith(f"{role} (since ")  # dated by the history
    assert dictionary.actor("mark-rutte").roles == (
        "NATO secretary general (since 2024-10-01)", "prime minister (2010-10-14 to 2024-07-02)"
    )
    assert dictionary.of_country("UKR", actor_type="person")[0].id == "volodymyr-zelenskyy"
    assert dictionary.state_of("UKR") == "ukraine"


def test_places_and_media_are_typed(dictionary):
    for place in ("pokrovsk", "kharkiv", "kramatorsk", "sloviansk", "donbas", "crimea", "odesa", "chasiv-yar"):
        assert (dictionary[place].type, dictionary[place].country) == ("place", "UKR")
    assert [dictionary[p].country for p in ("belgorod", "kursk", "alaska")] == ["RUS", "RUS", "USA"]
    outlets = ("Bloomberg", "Reuters", "AP", "AFP", "UNN", "Ukrinform", "Interfax", "TASS", "CNN", "BBC", "Kyiv Independent")
    for outlet in outlets:
        assert dictionary[dictionary.lookup(outlet)[0]].type == "media"


def test_user_file_adds_and_overrides(tmp_path):
    file = tmp_path / "mine.yaml"
    file.write_text(
        "actors:\n"
        "  - {id: ingrid-solvang, name: Ingrid Solvang, type: person, country: NOR, roles: [special envoy]}\n"
        "  - {id: steve-witkoff, name: Steve Witkoff, type: person, country: USA, roles: [peace envoy]}\n",
        "utf-8",
    )
    mine = load_dictionary(file)
    assert mine.lookup("Ingrid Solvang") == ("ingrid-solvang", "name")
    assert mine.actor("steve-witkoff").roles == ("peace envoy",)
    assert mine.lookup("Witkoff") is None  # the override dropped the alias
    assert load_dictionary().lookup("Witkoff") == ("steve-witkoff", "alias")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("actors:\n  - {id: x, name: X, type: person, colour: red}\n", "colour"),
        ("actors:\n  - {id: x, name: X, type: wizard}\n", "type"),
        ("actors: [unclosed\n", "not valid YAML"),
        ("- just\n- strings\n", "actors"),
    ],
)
def test_bad_user_file_is_one_line_config_error(tmp_path, content, message):
    file = tmp_path / "bad.yaml"
    file.write_text(content, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_dictionary(file)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert "bad.yaml" in str(caught.value)


def test_missing_user_file_is_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_dictionary(tmp_path / "nope.yaml")


def test_ruler_patterns_keep_case_and_add_variants(dictionary):
    patterns = {p["pattern"]: p for p in actor_patterns(dictionary)}
    assert len(patterns) == len(actor_patterns(dictionary))
    assert patterns["US"]["id"] == "united-states" and "us" not in patterns
    assert patterns["Russian"]["label"] == "NORP" and "russian" not in patterns
    assert patterns["Coalition of the willing"]["id"] == "coalition-of-the-willing"
    assert patterns["Quai d\u2019Orsay"]["id"] == "france"
    assert "the Kremlin" not in patterns and patterns["Kremlin"]["id"] == "russia"


def test_titles():
    assert match_title(["commander", "-", "in", "-", "chief", "oleksandr"])[1].canonical == "commander-in-chief"
    assert match_title(["special", "envoy", "steve"]) == (2, match_title(["special", "envoy"])[1])
    assert match_plural_title(["prime", "ministers", "of"])[1].canonical == "prime minister"
    assert match_plural_title(["heads", "of", "state"])[1].category == "leader"
    title, prefix = parse_role("NATO secretary general")
    assert (title.canonical, prefix) == ("secretary general", "NATO")
    assert parse_role("former prime minister") is None
    assert parse_role("secretary of state")[0].canonical == "foreign minister"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Volodymyr Zelenski", "Volodymyr Zelenskyy", True),
        ("Andriy Yermak", "Andrii Yermak", True),
        ("Steve Witkoff", "Steven Witkoff", True),
        ("J. Smith", "John Smith", True),
        ("Boris Johnson", "Mike Johnson", False),
        ("Tom Brandt", "Erik Brandt", False),
        ("Brandt", "Erik Brandt", True),
        ("Lai", "Lai Ching-te", True),
        ("Kim Jong-nam", "Kim Jong-un", False),  # half-brothers: one syllable apart
        ("Kim Jong-Un", "Kim Jong-un", True),
        ("Merz", "Marz", False),
        ("Vladimir Zelensky", "Volodymyr Zelenskyy", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(name_parts(a), name_parts(b)) is same


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zelenski", "volodymyr-zelenskyy"),
        ("Steven Witkof", "steve-witkoff"),
        ("Sybiha", "andrii-sybiha"),
        ("Andriy Sybiga", "andrii-sybiha"),
        ("Boris Johnson", "boris-johnson"),
        ("Johnson", None),
        ("Lee", None),
        ("Sir Keir Starmer", "keir-starmer"),
    ],
)
def test_dictionary_person(dictionary, name, expected):
    assert dictionary_person(name, dictionary) == expected
