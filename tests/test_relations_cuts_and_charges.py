"""Cutting ties and charging: relations stated by a verb that cuts ties or travel, and by "wanted for".

"Froze its ties with UNESCO" and "ended visa-free travel for North Koreans" sanction; a cutting verb
that is also a negator ("suspended relations") is the act itself; "wanted by the ICC for war crimes"
is the court's accusation. Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations  # (source, relation, target, polarity, modality) of a text dated 2017-03-01


# --- cutting ties -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel froze its ties with UNESCO.", ("israel", "sanctions", "unesco")),
        ("Malaysia ended visa-free travel for North Koreans.", ("malaysia", "sanctions", "north-korea")),
        ("Ecuador severed relations with Venezuela.", ("ecuador", "sanctions", "venezuela")),
    ],
)
def test_a_verb_cutting_ties_or_travel_sanctions(read, text, expected):
    assert (*expected, "asserted", "factual") in read(text)


def test_ties_no_verb_cuts_are_no_sanction(read):
    assert not any(r == "sanctions" for _, r, *_ in read("Russia has close ties with Iran and Syria."))


# --- wanted for crimes --------------------------------------------------------------------------

def test_wanted_by_a_court_for_crimes_is_its_accusation(read):
    found = read("Omar al-Bashir, long wanted by the International Criminal Court for war crimes, flew to Amman.")
    assert ("international-criminal-court", "accuses", "omar-al-bashir", "asserted", "factual") in found


def test_wanting_something_for_a_thing_is_no_accusation(read):
    assert not any(r == "accuses" for _, r, *_ in read("The US wants compensation for the damage from Iran."))


def test_a_cutting_verb_that_also_negates_does_not_negate_the_cut(read):
    assert ("turkiye", "sanctions", "netherlands", "asserted", "factual") in read(
        "Ankara suspended high-level relations with the Netherlands.")
    assert ("russia", "sanctions", "syria", "negated", "factual") in read("Russia did not cut its ties with Syria.")
