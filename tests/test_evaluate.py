"""Scoring predictions against a gold file (hand-built predictions, no model needed)."""

from __future__ import annotations

import json

import pytest

from diplograph.base.errors import InputError
from diplograph.base.models import Actor, Relation, relation_id
from diplograph.relations.evaluate import format_result, load_gold, score

ACTORS = [
    Actor(id="russia", name="Russia", type="state"),
    Actor(id="ukraine", name="Ukraine", type="state"),
    Actor(id="donald-trump", name="Donald Trump", type="person"),
    Actor(id="vladimir-putin", name="Vladimir Putin", type="person"),
    Actor(id="france", name="France", type="state"),
]

GOLD = [
    {"doc": "a.txt", "source": ["Russia"], "relation": ["attacks"], "target": ["Ukraine"], "polarity": "asserted",
     "required": True, "evidence": "Russia attacked Ukraine"},
    {"doc": "a.txt", "source": ["Donald Trump"], "relation": ["meets"], "target": ["Vladimir Putin"],
     "polarity": "asserted", "required": True, "evidence": "Trump met Putin"},
    {"doc": "a.txt", "source": ["France"], "relation": ["supports", "agrees"], "target": ["Ukraine"],
     "polarity": "negated", "required": True, "evidence": "France did not back Ukraine"},
    {"doc": "b.txt", "source": ["Russia"], "relation": ["threatens"], "target": ["France"], "polarity": "asserted",
     "required": False, "evidence": "Russia warned France"},
]


def rel(doc, source, relation, target, polarity="asserted"):
    return Relation(
        id=relation_id(doc, source, relation, target, polarity), doc=doc, sentence=0, source=source, target=target,
        relation=relation, polarity=polarity, evidence=f"{source} {relation} {target}", span=(0, 5),
    )


@pytest.fixture
def gold_path(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in GOLD) + "\n", encoding="utf-8")
    return path


def test_load_gold(gold_path):
    gold = load_gold(gold_path)
    assert [(g.doc, g.line, g.required) for g in gold] == [("a.txt", 1, True), ("a.txt", 2, True),
                                                            ("a.txt", 3, True), ("b.txt", 4, False)]
    assert gold[2].preferred == "supports"


def test_scores_with_symmetric_direction_polarity_and_optional_lines(gold_path):
    predictions = [
        rel("a.txt", "russia", "attacks", "ukraine"),  # matches line 1
        rel("a.txt", "vladimir-putin", "meets", "donald-trump"),  # symmetric type: either direction
        rel("a.txt", "france", "supports", "ukraine"),  # wrong polarity
        rel("a.txt", "ukraine", "attacks", "russia"),  # wrong direction, attacks is not symmetric
        rel("b.txt", "russia", "threatens", "france"),  # matches an optional line: correct, no recall credit
        rel("c.txt", "russia", "attacks", "france"),  # document not annotated: not scored
    ]
    result = score(load_gold(gold_path), predictions, ACTORS)
    assert (result.overall.predicted, result.overall.correct) == (5, 3)
    assert (result.overall.gold, result.overall.found) == (3, 2)
    assert result.precision == pytest.approx(3 / 5)
    assert result.recall == pytest.approx(2 / 3)
    assert result.f1 == pytest.approx(2 * 0.6 * (2 / 3) / (0.6 + 2 / 3))
    assert [m.line for m in result.misses] == [3]
    assert {(r.source, r.relation, r.target, r.polarity) for r in result.unmatched} == {
        ("france", "supports", "ukraine", "asserted"),
        ("ukraine", "attacks", "russia", "asserted"),
    }
    attacks = result.per_type["attacks"]
    assert (attacks.predicted, attacks.correct, attacks.gold, attacks.found) == (2, 1, 1, 1)
    supports = result.per_type["supports"]
    assert (supports.precision, supports.recall) == (0.0, 0.0)
    assert result.per_type["meets"].f1 == 1.0


def test_any_listed_type_matches(gold_path):
    result = score(load_gold(gold_path), [rel("a.txt", "france", "agrees", "ukraine", "negated")], ACTORS)
    assert result.overall.correct == 1
    assert result.per_type["supports"].found == 1  # counted under the preferred type of the gold line


def test_format_result_table_and_verbose_lists(gold_path):
    predictions = [rel("a.txt", "russia", "attacks", "ukraine"), rel("a.txt", "ukraine", "attacks", "russia")]
    result = score(load_gold(gold_path), predictions, ACTORS)
    table = format_result(result)
    header, _, overall = table.splitlines()[:3]
    assert header.split() == ["type", "precision", "recall", "f1", "pred", "correct", "gold", "found"]
    assert overall.split() == ["all", "0.50", "0.33", "0.40", "2", "1", "3", "1"]
    assert "misses" not in table
    verbose = format_result(result, verbose=True)
    assert "a.txt:2: Donald Trump -meets-> Vladimir Putin (asserted) — Trump met Putin" in verbose
    assert "a.txt#0: Ukraine -attacks-> Russia (asserted)" in verbose


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"doc": "a.txt", "source": ["Russia"], "relation": ["attacks"], "target": ["Ukraine"], "colour": 1}',
         "gold.jsonl:2: colour: Extra inputs are not permitted"),
        ('{"doc": "a.txt", "source": [], "relation": ["attacks"], "target": ["Ukraine"]}', "gold.jsonl:2: source:"),
        ('{"doc": "a.txt", "source": ["Russia"], "relation": ["attack"], "target": ["Ukraine"]}',
         "gold.jsonl:2: unknown relation type 'attack'"),
        ('{"doc": "a.txt", "source": ["Russia"], "relation": ["attacks"], "target": ["Ukraine"], "polarity": "no"}',
         "gold.jsonl:2: polarity:"),
        ("{not json", "gold.jsonl:2: not valid JSON"),
    ],
)
def test_bad_gold_lines_are_one_line_errors(tmp_path, line, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_gold(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_or_empty_gold_file(tmp_path):
    with pytest.raises(InputError, match="no such gold file"):
        load_gold(tmp_path / "none.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="holds no annotated relations"):
        load_gold(empty)
