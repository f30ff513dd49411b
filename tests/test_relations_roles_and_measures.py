"""Roles held toward another, trade measures and suspensions: exact (source, relation, target, polarity,
modality) on sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


# --- roles held toward another: supporter, backer, sponsor, ally, critic ------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qatar is a leading supporter of the Syrian opposition.", ("qatar", "supports", "syrian-opposition")),
        ("Iran, Syria's closest ally, sent more advisers.", ("iran", "supports", "syria")),
        ("For years Algeria was among the loudest backers of the Polisario Front.", ("algeria", "supports", "polisario-front")),
        ("Japan remains a key US ally in Asia.", ("japan", "supports", "united-states")),
        ("Senator John McCain, a fierce critic of Putin, spoke in Munich.", ("john-mccain", "accuses", "vladimir-putin")),
    ],
)
def test_a_role_held_toward_another_is_a_relation_of_its_holder(read_relations, text, expected):
    assert (*expected, "asserted", "factual") in read_relations(text)


def test_a_role_without_a_holder_is_no_relation(read_relations):
    assert read_relations("Macron thanked his supporters in Paris.") == set()
    # the threat is to the allies, not to Germany whose allies they are
    assert not any(t == "germany" for _, _, t, _, _ in read_relations("Merkel said Russia threatened Germany's Baltic allies."))


def test_coordinated_holders_keep_their_own_roles(read_relations):
    found = read_relations("Russia, a key ally of Bashar al-Assad, and Turkey, a backer of the Syrian opposition, agreed a truce.")
    assert ("russia", "supports", "bashar-al-assad", "asserted", "factual") in found
    assert ("turkiye", "supports", "syrian-opposition", "asserted", "factual") in found
    assert ("turkiye", "supports", "bashar-al-assad", "asserted", "factual") not in found


# --- taxes and duties on another state's goods --------------------------------------------------

def test_a_tax_or_duty_on_a_state_s_goods_sanctions_it(read_relations):
    assert ("donald-trump", "sanctions", "germany", "asserted", "factual") in read_relations(
        "Trump slapped a 35% border tax on German cars.")
    assert ("united-states", "sanctions", "canada", "asserted", "factual") in read_relations(
        "Washington imposed import duties on Canadian lumber in April.")
    assert read_relations("The government raised the tax on the rich.") == set()


# --- suspending a member -------------------------------------------------------------------------

def test_suspending_a_member_sanctions_it_and_suspended_acts_keep_their_reading(read_relations):
    assert ("african-union", "sanctions", "mali", "asserted", "factual") in read_relations(
        "The AU suspended Mali after the coup.")
    assert ("arab-league", "sanctions", "syria", "asserted", "factual") in read_relations(
        "The Arab League suspended Syria's membership in 2011.")
    assert ("egypt", "sanctions", "russia", "asserted", "factual") in read_relations("Egypt suspended flights to Russia.")
    assert ("turkiye", "meets", "russia", "negated", "factual") in read_relations("Turkey suspended talks with Russia.")


# --- seeking or requesting another's help ------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merkel sought Ankara's help with the refugees.", ("angela-merkel", "appeals", "turkiye")),
        ("Kiev sought military aid from Washington.", ("ukraine", "appeals", "united-states")),
        ("Abbas sought Egyptian mediation with Israel.", ("mahmoud-abbas", "appeals", "egypt")),
        ("Lithuania requested NATO's assistance after the cyber attack.", ("lithuania", "appeals", "nato")),
    ],
)
def test_seeking_another_s_help_is_an_appeal_to_the_helper(read_relations, text, expected):
    found = read_relations(text)
    assert (*expected, "asserted", "factual") in found
    assert not any(r in ("supports", "mediates") for _, r, _, _, _ in found)  # the help asked for is not given


def test_seeking_a_thing_that_is_no_help_is_no_appeal(read_relations):
    assert read_relations("Erdogan sought a second term in office.") == set()
    assert ("ukraine", "meets", "russia", "asserted", "planned") in read_relations("Kiev sought talks with Moscow.")


# --- declaring another obsolete ------------------------------------------------------------------

def test_declaring_another_obsolete_is_an_accusation(read_relations):
    assert ("donald-trump", "accuses", "nato", "asserted", "factual") in read_relations('Trump declared NATO "obsolete".')
    assert ("donald-trump", "accuses", "nato", "asserted", "factual") in read_relations("Trump has called NATO useless.")
    assert read_relations("Lavrov called on Kabul to prepare for natural disasters.") == {
        ("sergei-lavrov", "appeals", "afghanistan", "asserted", "factual")}
