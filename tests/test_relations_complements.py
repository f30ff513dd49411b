"""Relations a sentence states through a complement: judgements and refused acts.

* A judging verb accuses whoever is behind its object when its complement is
  negative, also where the parser hangs the complement on the object ("called
  the launch *intolerable*" as an adjective after the noun, "branded the
  president *a separatist*" as an apposition) and where the judgement is a
  modifier of the complement ("*Nazi* remnants").
* A refusal rejects the parties of the act refused when that act is no relation
  of its own: "refused to release the body *to North Korea*", "refused to allow
  *Cavusoglu* to land"; a refused meeting stays a negated meeting.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

import diplograph
from diplograph.corpus.documents import make_document

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def read():
    def run(text: str) -> set[tuple[str, str, str, str]]:
        graph = diplograph.build([make_document("t.txt", f"date 2017-03-01\n{text}")])
        return {(r.source, r.relation, r.target, r.polarity) for r in graph.iter_relations()}

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Erdogan called the Dutch government "Nazi remnants".', ("recep-tayyip-erdogan", "netherlands")),
        ("Japan called North Korea's missile launch absolutely intolerable.", ("japan", "north-korea")),
        ("Beijing branded Taiwan's president a separatist.", ("china", "taiwan")),
    ],
)
def test_a_negative_complement_the_parser_misplaces_is_still_an_accusation(read, text, expected):
    source, target = expected
    assert (source, "accuses", target, "asserted") in read(text)


def test_a_neutral_complement_accuses_no_one(read):
    found = read("Japan called North Korea's missile launch a surprise.")
    assert not any(r == "accuses" for _, r, *_ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Malaysia has refused to release the body to the North Korean embassy.", ("malaysia", "north-korea")),
        ("Russia refused to hand over the suspects to Ukraine.", ("russia", "ukraine")),
        ("The Dutch government refused to allow Turkish Foreign Minister Mevlut Cavusoglu to visit Rotterdam.",
         ("netherlands", "mevlut-cavusoglu")),
    ],
)
def test_a_refusal_rejects_the_parties_of_the_refused_act(read, text, expected):
    source, target = expected
    assert (source, "rejects", target, "asserted") in read(text)


def test_a_refused_act_that_is_a_relation_is_that_relation_negated(read):
    found = read("Beijing has refused to hold talks with Taiwan's government.")
    assert ("china", "meets", "taiwan", "negated") in found or ("taiwan", "meets", "china", "negated") in found
    assert not any(r == "rejects" for _, r, *_ in found)


def test_a_refusal_noun_rejects_the_parties_of_the_refused_act(read):
    found = read("The talks ended in a refusal by the Dutch to let Turkish minister Fatma Betul Sayan Kaya enter the "
                 "consulate.")
    assert ("netherlands", "rejects") in {(s, r) for s, r, *_ in found}
    assert any(s == "netherlands" and r == "rejects" and "kaya" in t for s, r, t, _ in found)
