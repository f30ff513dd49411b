"""Plural role nouns with their states ("the leaders of Russia and Germany", "the U.S. and Russian
presidents"): the people the text has named in those offices, else the states; where such a list
begins and ends. Exact (source, relation, target, polarity, modality) on sentences written for
these tests (dated 2017-03-01); a city that names an agreement or talks ("the Minsk agreements") is no
party to them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_the_leaders_of_two_states_are_the_holders_the_text_named(read_relations):
    assert read_relations("Putin and Merkel spoke on Friday. During the call, the leaders of Russia and Germany "
                          "agreed to step up diplomatic efforts.") - {
        ("angela-merkel", "meets", "vladimir-putin", "asserted", "factual")} == {
        ("vladimir-putin", "meets", "angela-merkel", "asserted", "factual"),
        ("vladimir-putin", "agrees", "angela-merkel", "asserted", "factual"),
        ("angela-merkel", "agrees", "vladimir-putin", "asserted", "factual")}
    assert read_relations("Trump phoned Putin on Monday. The U.S. and Russian presidents condemned the attack in "
                          "Syria.") >= {("donald-trump", "meets", "vladimir-putin", "asserted", "factual")}


def test_offices_the_text_never_fills_stay_the_states(read_relations):
    found = read_relations("The leaders of Germany and China stressed open markets during a phone call.")
    assert {r[0] for r in found} | {r[2] for r in found} == {"germany", "china"}
    assert ("germany", "meets", "china", "asserted", "factual") in found


def test_a_list_after_of_ends_at_the_member_after_and(read_relations):
    found = read_relations("Jason Greenblatt plans to meet the foreign ministers of Saudi Arabia, Qatar and "
                           "Jordan, the U.S. official said.")
    assert ("jason-greenblatt", "meets", "united-states", "asserted", "planned") not in found
    assert ("jason-greenblatt", "meets", "rex-tillerson", "asserted", "planned") not in found
    assert ("jason-greenblatt", "meets", "jordan", "asserted", "planned") in found  # its minister is not named


def test_a_modifier_list_is_joined_by_and(read_relations):
    # "German NATO troops" are Germany's troops in NATO, not a list of two
    found = read_relations("Defence Minister Ursula von der Leyen was visiting German NATO troops in Lithuania.")
    assert not {r for r in found if r[2] == "germany"}
    assert read_relations("Russian and Indian leaders could discuss trade.") == {
        ("russia", "meets", "india", "asserted", "hypothetical")}
    assert read_relations("The Ukrainian and Russian delegations met in Istanbul.") == {
        ("ukraine", "meets", "russia", "asserted", "factual")}


def test_military_chiefs_hold_no_one_office(read_relations):
    found = read_relations("Trump and Putin spoke last week. Talks between Russian and US military chiefs "
                           "focused on Syria.")
    assert ("vladimir-putin", "meets", "donald-trump", "asserted", "factual") not in found
    assert ("donald-trump", "meets", "vladimir-putin", "asserted", "factual") in found  # "spoke": the call


def test_a_city_that_names_an_agreement_or_talks_is_no_party(read_relations):
    assert read_relations("Under the Oslo agreements signed between Israel and the PLO, both sides share "
                          "information.") == set()  # no "Norway agrees Israel"
    assert read_relations("The separatists called for a prisoner exchange as agreed at the Minsk talks.") == set()
    assert read_relations("Trump's order strikes at the heart of the Paris Agreement.") == set()
    # a capital that acts stays its state
    assert read_relations("Moscow talks with Ankara about Syria.") == {("russia", "meets", "turkiye", "asserted", "factual")}
