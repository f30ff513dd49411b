"""Members added by "as well as", nouns whose *between* parties act on each other ("clashes
between the army and the rebels", "the alliance between Moscow and Tehran"), and judgements without
a judging adjective ("was to blame", "constituted a violation"): exact (source, relation, target,
polarity, modality) on sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_as_well_as_adds_a_member_to_the_object(read_relations):
    assert read_relations("The OAS suspended Cuba as well as Honduras.") == {
        ("organization-of-american-states", "sanctions", "cuba", "asserted", "factual"),
        ("organization-of-american-states", "sanctions", "honduras", "asserted", "factual")}
    assert read_relations("Trump met Abe as well as Merkel.") == {
        ("donald-trump", "meets", "shinzo-abe", "asserted", "factual"),
        ("donald-trump", "meets", "angela-merkel", "asserted", "factual")}


def test_fighting_between_two_sides_is_an_attack_each_way(read_relations):
    assert read_relations("Fighting between Ukrainian troops and Russian troops continued near Bakhmut.") == {
        ("ukraine", "attacks", "russia", "asserted", "factual"),
        ("russia", "attacks", "ukraine", "asserted", "factual")}
    assert {("sudan", "attacks", "sudanese-rebels", "asserted", "factual"),
            ("sudanese-rebels", "attacks", "sudan", "asserted", "factual")} <= read_relations(
        "There were clashes between Sudanese government forces and Sudanese rebels in Omdurman.")


def test_an_alliance_between_two_states_is_support_each_way(read_relations):
    assert read_relations("The alliance between Russia and Iran is strong.") == {
        ("russia", "supports", "iran", "asserted", "factual"),
        ("iran", "supports", "russia", "asserted", "factual")}


def test_the_one_side_of_a_war_named_with_with_is_attacked_one_way(read_relations):
    assert read_relations("India's war with Pakistan ended.") == {
        ("india", "attacks", "pakistan", "asserted", "factual")}


def test_wars_in_two_places_are_no_war_between_them(read_relations):
    assert read_relations("Relations soured over their support for opposing sides in the Syria and Yemen wars.") == set()


def test_a_speaker_who_says_someone_is_to_blame_accuses_them(read_relations):
    assert read_relations("Moscow said Kiev was to blame for the escalation.") == {
        ("russia", "accuses", "ukraine", "asserted", "factual")}
    assert read_relations("Kiev was not to blame, Merkel said.") == set()
    assert read_relations("Russia put the blame on Kiev.") == {("russia", "accuses", "ukraine", "asserted", "factual")}


def test_what_an_act_constitutes_or_amounts_to_judges_its_owner(read_relations):
    assert read_relations("Lavrov said the US strike constituted a violation of international law.") == {
        ("sergei-lavrov", "accuses", "united-states", "asserted", "factual")}
    assert read_relations("Iranian adviser Ali Akbar Velayati said the US effort amounted to worthless fantasies.") == {
        ("ali-akbar-velayati", "accuses", "united-states", "asserted", "factual")}


def test_a_feared_or_threatened_act_is_no_fact(read_relations):
    assert read_relations("Fears of a Russian invasion of Ukraine grew.") == {
        ("russia", "attacks", "ukraine", "asserted", "hypothetical")}
    assert read_relations("The threat of a Chinese blockade of Taiwan is growing.") == {
        ("china", "sanctions", "taiwan", "asserted", "hypothetical")}


def test_a_city_before_an_attack_noun_is_where_it_struck(read_relations):
    # not "France attacks Germany": the cities are places struck, and the attacker is named apart
    assert read_relations("The list included the Paris attacks in 2015 and the Berlin attack in 2016.") == set()
    assert read_relations("ISIL claimed the Berlin attack.") == {
        ("islamic-state", "attacks", "germany", "asserted", "factual")}
    assert read_relations("Russian strikes on Aleppo continued.") == {("russia", "attacks", "syria", "asserted", "factual")}
