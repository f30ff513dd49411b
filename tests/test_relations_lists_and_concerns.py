"""Lists of names the parser takes for appositions, multilateral acts, stated concern, and hyphens
that stand for a space after a function word: sentences written for these tests."""

from __future__ import annotations

import pytest

from diplograph.extraction.chunks import mask_debris


def test_a_hyphen_after_a_function_word_is_a_space_and_keeps_the_length():
    glued = "concern over-Venezuela's crisis, harassment by the-US, allies of-France and-Turkish troops"
    masked = mask_debris(glued)
    assert masked == "concern over Venezuela's crisis, harassment by the US, allies of France and Turkish troops"
    assert len(masked) == len(glued)
    # compounds keep their hyphen: a prefix before a lower-case word, a function word inside a compound
    kept = "an over-reaction, face-to-face talks, a for-profit firm, a by-election, one-on-one, in-depth"
    assert mask_debris(kept) == kept


@pytest.mark.model
def test_every_name_of_a_list_the_parser_calls_an_apposition_acts(read_relations):
    found = read_relations("Argentina, Brazil, Peru and Chile voiced concern over Venezuela's political crisis.")
    assert {s for s, r, t, _, _ in found if r == "accuses" and t == "venezuela"} == {"argentina", "brazil", "peru", "chile"}


@pytest.mark.model
def test_a_true_apposition_still_renames(read_relations):
    found = read_relations("Lavrov, Russia's foreign minister, met Tillerson in Bonn.")
    assert ("sergei-lavrov", "meets", "rex-tillerson", "asserted", "factual") in found
    assert not any(s == "russia" for s, _, _, _, _ in found)


@pytest.mark.model
def test_stated_concern_over_another_s_conduct_accuses_it_and_concern_for_them_does_not(read_relations):
    assert read_relations("Japan expressed concern about China's military build-up.") == {
        ("japan", "accuses", "china", "asserted", "factual")}
    assert read_relations("The EU expressed concern for the safety of Turkish journalists.") == set()
    assert read_relations("Russia shares the concern of many states about terrorism.") == set()


@pytest.mark.model
def test_a_reciprocal_act_of_more_than_six_listed_parties_gives_no_pairs(read_relations):
    seven = "Argentina, Brazil, Canada, Chile, Colombia, Peru and Mexico met in Lima."
    assert read_relations(seven) == set()
    three = read_relations("Argentina, Brazil and Chile met in Lima.")
    assert {frozenset((s, t)) for s, r, t, _, _ in three if r == "meets"} == {
        frozenset(p) for p in [("argentina", "brazil"), ("argentina", "chile"), ("brazil", "chile")]}


def test_a_hyphen_after_a_comma_is_a_space():
    assert mask_debris("Michael Flynn,-US national security adviser,-accused Iran") == (
        "Michael Flynn, US national security adviser, accused Iran")


@pytest.mark.model
def test_a_judged_place_is_nobody_accused(read_relations):
    assert read_relations('Poland said the Baltic Sea pipeline is "not acceptable".') == set()
    assert read_relations('Poland said Russia\'s pipeline is "not acceptable".') == {
        ("poland", "accuses", "russia", "asserted", "factual")}


@pytest.mark.model
def test_the_bloc_is_the_one_body_the_story_named_even_sentences_back(read_relations):
    story = ("The Arab League chief opened the summit in Amman on Monday. Arab governments should do more to end "
             "the war in Syria, he said. \"It is not right that they stay out,\" he told reporters. Expectations were "
             "low, an analyst said. \"We can expect a statement,\" he said. Damascus received no invitation this "
             "year. The bloc suspended Syria's membership in 2011.")
    assert ("arab-league", "sanctions", "syria", "asserted", "factual") in read_relations(story)
    two = story.replace("Arab governments should do more to end the war in Syria, he said.",
                        "The European Union sent an observer.")
    assert not any(r == "sanctions" for _, r, *_ in read_relations(two))  # two bodies fit "the bloc": neither


@pytest.mark.model
def test_a_body_named_in_a_person_s_apposition_does_not_act_with_them(read_relations):
    assert read_relations("Hamzeh al-Mustafa, a researcher at the Arab Center for Research and Policy Studies, agrees.") == set()
    assert read_relations("Trump and Vice President JD Vance met Zelenskyy.") == {
        ("donald-trump", "meets", "volodymyr-zelenskyy", "asserted", "factual"),
        ("jd-vance", "meets", "volodymyr-zelenskyy", "asserted", "factual")}
