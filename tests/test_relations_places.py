"""Places as attack targets: the place taken, not its owner or the country around it.

"Bombed the Syrian town of Palmyra" hits Palmyra; "retook Iraq's second city"
is no attack on Iraq; "captured a village in northern Syria" no attack on
Syria. Troops sent to "Ukraine's region of X" are still sent to Ukraine. Every
sentence is written for these tests.
"""

from __future__ import annotations

import pytest

import diplograph
from diplograph.corpus.documents import make_document

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def read():
    def run(text: str) -> set[tuple[str, str, str]]:
        graph = diplograph.build([make_document("t.txt", f"date 2017-03-01\n{text}")])
        return {(r.source, r.relation, r.target) for r in graph.iter_relations()}

    return run


def test_an_attack_on_a_named_place_targets_the_place_not_its_owner(read):
    found = read("Russian jets bombed the Syrian town of Palmyra on Sunday.")
    assert ("russia", "attacks", "palmyra") in found
    assert ("russia", "attacks", "syria") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi troops and their allies are fighting to retake Syria's ancient city from the militants.",
        "Turkish troops began an operation to liberate the Syrian town from the militants.",
    ],
)
def test_taking_a_place_back_is_no_attack_on_its_owner(read, text):
    assert not {r for r in read(text) if r[1] == "attacks" and r[2] == "syria"}


def test_the_country_a_captured_place_lies_in_is_not_the_target(read):
    found = read("Turkish troops captured a village in northern Syria on Monday.")
    assert not {r for r in found if r[1] == "attacks" and r[2] == "syria"}
    # the place itself, when named, stays the target
    assert ("turkiye", "attacks", "palmyra") in read("Turkish troops captured the outskirts of Palmyra on Monday.")


def test_deployments_to_a_region_of_a_state_still_go_to_the_state(read):
    found = read("Moscow is moving 20,000 troops to Ukraine's southern region of Kherson, Zelenskyy said.")
    assert ("russia", "deploys", "ukraine") in found


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian army fought pitched battles with Islamic State in Aleppo in 2015.",
        "The Syrian army waged a long war with Islamic State.",
        "Heavy fighting between the rivals continued as the Syrian army launched a battle against Islamic State.",
    ],
)
def test_battles_and_wars_fought_with_a_side_attack_that_side_not_the_place(read, text):
    found = read(text)
    assert ("syria", "attacks", "islamic-state") in found


def test_sides_that_fought_wars_with_each_other_attack_each_other(read):
    found = read("The region is split between India and Pakistan, which have fought three wars over it.")
    assert {("india", "attacks", "pakistan"), ("pakistan", "attacks", "india")} <= found


def test_a_verb_whose_object_is_a_goal_expresses_no_attack(read):
    found = read("Only four NATO members have hit the 2 percent target, among them Estonia and Poland.")
    assert not {r for r in found if r[1] == "attacks"}
    assert ("russia", "attacks", "syria") in read("Russian jets hit targets in Syria on Monday.")
