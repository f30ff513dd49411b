"""Armed groups and international bodies of the curated dictionary (actors/data/armed_groups.yaml)."""

from __future__ import annotations

import pytest

from diplograph.actors.recognize import actor_patterns

pytestmark = pytest.mark.model


def test_an_arabic_article_matches_in_either_case(dictionary):
    forms = {p["pattern"]: p["id"] for p in actor_patterns(dictionary)}
    assert forms["al-Qaeda"] == forms["Al-Qaeda"] == "al-qaeda"
    assert forms["al-Shabab"] == forms["Al-Shabab"] == "al-shabaab"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower-case "al-" is missed by the statistical NER: the dictionary finds it
        ("The Taliban fought al Qaeda fighters near Kunduz in May.", ("taliban", "attacks", "al-qaeda")),
        ("The Free Syrian Army attacked al-Nusra positions near Idlib.", ("free-syrian-army", "attacks", "jabhat-al-nusra")),
        ("Human Rights Watch accused the Syrian government of torture.", ("human-rights-watch", "accuses", "syria")),
        ("ECOWAS threatened Gambia with military force last week.", ("ecowas", "threatens", "gambia")),
    ],
)
def test_groups_and_bodies_are_recognised(read_relations, text, expected):
    assert (*expected, "asserted", "factual") in read_relations(text)


def test_a_rebel_group_is_no_side_of_its_own_state(read_relations):
    """An armed group is typed ``group``: fighting its country's army is a relation, not a state and its national."""
    found = read_relations("In Blue Nile state the SPLM-N has fought Sudanese troops for six years, an officer said.")
    assert ("splm-n", "attacks", "sudan", "asserted", "factual") in found


def test_a_named_group_answers_to_the_group(read_relations):
    found = read_relations("The Polisario Front wants a referendum. Algeria still gives money and weapons to the group.")
    assert ("algeria", "supports", "polisario-front", "asserted", "factual") in found
