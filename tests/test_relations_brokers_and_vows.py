"""Brokers named in a hyphened participle, vows whose act is the relation, and possibilities an actor
eliminates: exact (source, relation, target, polarity, modality) on sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "broker", "parties"),
    [
        ("Qatar-brokered talks between Hamas and Fatah resumed in Doha on Monday.", "qatar", ("hamas", "fatah")),
        ("An Egyptian-mediated truce between Israel and Hamas held for a week.", "egypt", ("israel", "hamas")),
    ],
)
def test_a_hyphened_broker_mediates_between_the_parties_its_noun_names(read_relations, text, broker, parties):
    found = read_relations(text)
    assert {(broker, "mediates", p, "asserted", "factual") for p in parties} <= found
    assert not any(s in parties and t == broker for s, _, t, *_ in found)  # the broker is no party


def test_a_hyphened_broker_without_named_parties_mediates_no_one(read_relations):
    assert not any(r == "mediates" for _, r, *_ in read_relations("Qatar-brokered talks resumed in Doha on Monday."))


def test_a_pledge_to_act_is_the_act_planned_not_a_guarantee(read_relations):
    assert read_relations("Mexico is worried about Trump's pledge to renegotiate its trade deals with Mexico.") == {
        ("donald-trump", "negotiates", "mexico", "asserted", "planned")}
    assert read_relations("Trump vowed to renegotiate the trade deal with Mexico.") == {
        ("donald-trump", "negotiates", "mexico", "asserted", "planned")}
    # a pledge whose complement is no act keeps its own reading
    assert ("barack-obama", "guarantees", "japan", "asserted", "factual") in read_relations(
        "Obama made a pledge to Japan.")


def test_eliminating_or_excluding_the_possibility_of_an_act_negates_it(read_relations):
    assert read_relations("Tillerson eliminated the possibility of negotiating with North Korea.") == {
        ("rex-tillerson", "negotiates", "north-korea", "negated", "hypothetical")}
    # as the act itself the verb is no negation
    assert read_relations("Iraqi forces eliminated Islamic State fighters in Mosul.") == {
        ("iraq", "attacks", "islamic-state", "asserted", "factual")}


def test_co_brokers_of_a_truce_do_not_agree_with_each_other(read_relations):
    assert read_relations("Turkey and Russia have also worked to broker ceasefires in the Syrian civil war.") == set()
    found = read_relations("Russia and Turkey brokered a ceasefire between the Syrian government and the rebels.")
    assert ("russia", "mediates", "syria", "asserted", "factual") in found
    assert not any({s, t} == {"russia", "turkiye"} for s, _, t, *_ in found)
    # parties that sign are parties
    assert ("russia", "agrees", "turkiye", "asserted", "factual") in read_relations("Russia and Turkey signed a deal.")


@pytest.mark.parametrize(
    "text",
    [
        "Trump meets Monday with Canadian Prime Minister Justin Trudeau.",
        "Trump meets Justin Trudeau on Friday in Washington.",
        "Trump meets Justin Trudeau later in the week.",
    ],
)
def test_a_simple_present_with_a_coming_day_is_a_schedule(read_relations, text):
    assert read_relations(text) == {("donald-trump", "meets", "justin-trudeau", "asserted", "planned")}


def test_a_past_tense_or_a_habit_stays_a_fact(read_relations):
    assert read_relations("Trump met Justin Trudeau on Friday in Washington.") == {
        ("donald-trump", "meets", "justin-trudeau", "asserted", "factual")}
    assert read_relations("Trump meets Justin Trudeau every Friday.") == {
        ("donald-trump", "meets", "justin-trudeau", "asserted", "factual")}


def test_an_act_takes_no_target_from_its_subjects_own_second_act(read_relations):
    # "..., expressing their concern": the participle is the signatories' own act, not what they signed
    for signers in ("Argentina, Brazil, Canada, Chile, Colombia, Mexico, Peru and Uruguay", "Mexico and Peru"):
        found = read_relations(f"Nicolas Maduro condemned the OAS on Monday. {signers} all signed the letter, "
                               "expressing their deep concern over the crisis.")
        assert ("nicolas-maduro", "accuses", "organization-of-american-states", "asserted", "factual") in found
        assert not any(t == "nicolas-maduro" for _, _, t, *_ in found)


def test_a_multilateral_act_takes_no_target_from_an_earlier_sentence(read_relations):
    found = read_relations("Russia proposed a new ceasefire plan on Monday. "
                           "Argentina, Brazil, Canada, Chile, Colombia, Mexico, Peru and Uruguay accepted it.")
    assert not any(t == "russia" for _, _, t, *_ in found)
    # a short list still answers the earlier sentence
    found = read_relations("Russia proposed a new ceasefire plan on Monday. Iran and Turkey accepted it.")
    assert {("iran", "agrees", "russia", "asserted", "factual"), ("turkiye", "agrees", "russia", "asserted", "factual")} <= found
