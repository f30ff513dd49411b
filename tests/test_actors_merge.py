"""Cross-document merging of actors (no model needed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.actors.doc_actors import DocActors, Quote
from diplograph.actors.merge import merge_actors
from diplograph.base.models import Actor, Mention, slugify


def person(name: str, country: str | None = None, roles: tuple[str, ...] = ()) -> Actor:
    return Actor(id=slugify(name), name=name, type="person", country=country, roles=roles)


def docs(*names_per_doc: list[Actor]) -> list[dict[str, Actor]]:
    return [{a.id: a for a in actors} for actors in names_per_doc]


def test_dictionary_ids_are_kept(dictionary):
    sets = docs([dictionary.actor("russia"), dictionary.actor("volodymyr-zelenskyy")], [dictionary.actor("russia")])
    actors, mapping = merge_actors(sets, dictionary)
    assert [a.id for a in actors] == ["russia", "volodymyr-zelenskyy"]
    assert mapping == {"russia": "russia", "volodymyr-zelenskyy": "volodymyr-zelenskyy"}
    assert actors[0] == dictionary.actor("russia")


def test_variants_and_surnames_join_one_node(dictionary):
    sets = docs(
        [person("Ingrid Solvang", "NOR", ("special envoy",))],
        [person("Solvang")],
        [person("Ingrid Solvangg")],
        [person("Volodymyr Zelenski")],
    )
    actors, mapping = merge_actors(sets, dictionary)
    assert mapping["solvang"] == mapping["ingrid-solvangg"] == "ingrid-solvang"
    assert mapping["volodymyr-zelenski"] == "volodymyr-zelenskyy"
    solvang = next(a for a in actors if a.id == "ingrid-solvang")
    assert (solvang.name, solvang.country, solvang.roles) == ("Ingrid Solvang", "NOR", ("special envoy",))
    assert solvang.aliases == ("Ingrid Solvangg", "Solvang")
    zelenskyy = next(a for a in actors if a.id == "volodymyr-zelenskyy")
    assert "Volodymyr Zelenski" in zelenskyy.aliases
    assert len(actors) == 2


def test_namesakes_stay_apart(dictionary):
    sets = docs([person("Tom Brandt")], [person("Erik Brandt")], [person("Brandt")])
    actors, mapping = merge_actors(sets, dictionary)
    assert sorted(a.name for a in actors) == ["Brandt", "Erik Brandt", "Tom Brandt"]
    assert mapping["brandt"] == "brandt"


def test_a_bare_surname_joins_the_only_full_name(dictionary):
    actors, mapping = merge_actors(docs([person("Tom Brandt")], [person("Brandt")]), dictionary)
    assert [a.id for a in actors] == ["tom-brandt"] and mapping["brandt"] == "tom-brandt"


def test_initials_do_not_chain_two_people(dictionary):
    sets = docs([person("John Smithers")], [person("J. Smithers")], [person("Jane Smithers")])
    actors, _ = merge_actors(sets, dictionary)
    names = sorted(a.name for a in actors)
    assert "John Smithers" in names and "Jane Smithers" in names
    assert len(actors) == 2


def test_provisional_places_and_learned_attributes(dictionary):
    kharkov = Actor(id="kharkov", name="Kharkov", type="place")
    toulon = Actor(id="toulon", name="Toulon", type="place")
    toulon_org = Actor(id="toulon", name="Toulon", type="organization")
    sets = docs(
        [kharkov, toulon, person("Rick Dalton", "USA", ("envoy",))],
        [toulon, person("Rick Dalton")],
        [toulon_org, person("Rick Dalton", None, ("negotiator",))],
    )
    actors, mapping = merge_actors(sets, dictionary)
    by_id = {a.id: a for a in actors}
    assert mapping["kharkov"] == "kharkiv" and by_id["kharkiv"].type == "place"
    assert by_id["toulon"].type == "place"  # typed place in two documents out of three
    assert (by_id["rick-dalton"].country, by_id["rick-dalton"].roles) == ("USA", ("envoy", "negotiator"))


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(6)))
def test_result_does_not_depend_on_document_order(order):
    from diplograph.actors.dictionary import load_dictionary

    dictionary = load_dictionary()
    sets = docs(
        [person("Tom Brandt", "DEU"), dictionary.actor("russia")],
        [person("Brandt"), person("Erik Brandt")],
        [person("Ingrid Solvang"), person("Solvang", "NOR")],
        [person("Ingrid Solvangg"), Actor(id="toulon", name="Toulon", type="place")],
        [Actor(id="toulon", name="Toulon", type="organization"), person("J. Smithers")],
        [person("John Smithers"), person("Jane Smithers")],
    )
    expected = merge_actors(sets, dictionary)
    assert merge_actors([sets[i] for i in order], dictionary) == expected


def test_doc_actors_remap(dictionary):
    mention = Mention(actor="solvang", doc="d", sentence=0, span=(0, 7), text="Solvang", kind="name")
    local = DocActors(
        doc_id="d",
        mentions=[mention],
        actors={"solvang": person("Solvang")},
        token_actor={0: "solvang"},
        token_actors={3: ("solvang", "russia")},
        quotes=[Quote(10, 20, "solvang")],
    )
    final = {"ingrid-solvang": person("Ingrid Solvang", "NOR")}
    moved = local.remap({"solvang": "ingrid-solvang"}, final)
    assert moved.token_actor == {0: "ingrid-solvang"} and moved.token_actors == {3: ("ingrid-solvang", "russia")}
    assert moved.mentions[0].actor == "ingrid-solvang" and moved.quotes[0].speaker == "ingrid-solvang"
    assert moved.actors == final


def test_a_name_the_text_shows_is_a_place_stays_a_place_and_joins_no_person(dictionary):
    town = Actor(id="sidi-warran", name="Sidi Warran", type="person")
    sets = docs([town], [town], [Actor(id="sidi-warran", name="Sidi Warran", type="place")], [person("Warzan")])
    learned = [{"kind": "place", "id": "sidi-warran", "doc": "c"}]
    actors, mapping = merge_actors(sets, dictionary, learned=learned)
    merged = {a.id: a for a in actors}
    assert merged["sidi-warran"].type == "place"
    assert mapping["warzan"] == "warzan"
    # without the text's evidence the model's majority label wins
    actors, _ = merge_actors(sets, dictionary)
    assert {a.id: a for a in actors}["sidi-warran"].type == "person"
