"""Where a visit goes and what ruling something out means: exact (source, relation, target, polarity,
modality) on sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin's Tokyo visit was a success.", ("vladimir-putin", "meets", "japan", "asserted", "factual")),
        ("Enrique Pena Nieto cancelled a planned Washington visit.",
         ("enrique-pena-nieto", "meets", "united-states", "negated", "planned")),
        ("The talks followed last year's Berlin visit by Beata Szydlo.", ("beata-szydlo", "meets", "germany", "asserted", "factual")),
    ],
)
def test_a_state_naming_a_visit_is_where_it_goes_not_who_goes(read_relations, text, expected):
    found = read_relations(text)
    assert expected in found
    assert not any(s in ("japan", "united-states", "germany") for s, *_ in found)


def test_a_visit_s_other_modifiers_keep_their_reading(read_relations):
    assert read_relations("A Putin visit to Japan is planned.") == {("vladimir-putin", "meets", "japan", "asserted", "planned")}


def test_ruling_out_an_act_negates_it_and_not_ruling_it_out_leaves_it_possible(read_relations):
    assert read_relations("Tillerson ruled out negotiating with North Korea.") == {
        ("rex-tillerson", "negotiates", "north-korea", "negated", "hypothetical")}
    assert read_relations("Tillerson did not rule out negotiating with North Korea.") == {
        ("rex-tillerson", "negotiates", "north-korea", "asserted", "hypothetical")}
    # a hostile act kept open is a threat (tests/test_relations_roles_and_options.py)
    assert read_relations("Tillerson did not rule out military action against North Korea.") == {
        ("rex-tillerson", "threatens", "north-korea", "asserted", "factual")}
    assert read_relations("Merkel ruled out sending troops to Syria.") == {
        ("angela-merkel", "deploys", "syria", "negated", "hypothetical")}


def test_coordinated_subjects_that_come_or_talk_to_a_common_noun_do_not_meet(read_relations):
    assert read_relations("Boko Haram, ISIS and Israel come to mind.") == set()
    assert read_relations("Putin and Erdogan talked to reporters in Moscow.") == set()
    assert ("vladimir-putin", "meets", "recep-tayyip-erdogan", "asserted", "factual") in read_relations(
        "Putin and Erdogan came to Astana for talks.")
