"""The data model: validation and exact JSON Lines round trips."""

import datetime as dt
import json

import pytest
from pydantic import ValidationError

from diplograph.base.io import read_jsonl, to_json_line, write_jsonl
from diplograph.base.models import Actor, Document, Mention, Relation, relation_id, slugify


def _relation(**changes):
    fields = dict(
        id=relation_id("a.txt", "russia", "attacks", "ukraine", "asserted"),
        doc="a.txt",
        sentence=2,
        source="russia",
        target="ukraine",
        relation="attacks",
        polarity="asserted",
        modality="factual",
        attributed_to="volodymyr-zelenskyy",
        date=dt.date(2025, 8, 12),
        evidence="Russia shelled Kharkiv overnight.",
        span=(40, 73),
        confidence=0.9,
        trigger="shelled",
        mentions=2,
        spans=((40, 73), (120, 150)),
    )
    fields.update(changes)
    return Relation(**fields)


def test_slugify_is_stable_ascii():
    assert slugify("Volodymyr Zelenskyy") == "volodymyr-zelenskyy"
    assert slugify("Élysée Palace") == "elysee-palace"
    assert slugify("  U.S.  ") == "u-s"
    assert slugify("普京") == slugify("普京") != slugify("习近平")
    assert slugify("普京").startswith("actor-")


def test_relation_id_is_deterministic_and_discriminating():
    a = relation_id("d", "russia", "attacks", "ukraine", "asserted")
    assert a == relation_id("d", "russia", "attacks", "ukraine", "asserted")
    assert a != relation_id("d", "russia", "attacks", "ukraine", "negated")
    assert a != relation_id("d", "ukraine", "attacks", "russia", "asserted")


def test_models_are_frozen_and_strict():
    actor = Actor(id="russia", name="Russia", type="state", country="RUS")
    with pytest.raises(ValidationError):
        actor.name = "Other"  # frozen
    with pytest.raises(ValidationError):
        Actor(id="russia", name="Russia", type="state", colour="red")  # extra field
    with pytest.raises(ValidationError):
        Actor(id="Russia!", name="Russia", type="state")  # id not a slug
    with pytest.raises(ValidationError):
        Actor(id="x", name="X", type="state", country="ru")  # not ISO alpha-3
    with pytest.raises(ValidationError):
        Actor(id="x", name="X", type="planet")
    with pytest.raises(ValidationError):
        _relation(polarity="maybe")
    with pytest.raises(ValidationError):
        _relation(span=(10, 5))
    with pytest.raises(ValidationError):
        _relation(confidence=1.5)


def test_jsonl_round_trip_is_exact(tmp_path):
    actors = [
        Actor(id="volodymyr-zelenskyy", name="Volodymyr Zelenskyy", type="person", country="UKR",
              aliases=("Zelensky", "Zelenskiy"), roles=("President of Ukraine",), wikidata="Q3874799"),
        Actor(id="coalition-of-the-willing", name="Coalition of the willing", type="group",
              members=("france", "united-kingdom")),
    ]
    relations = [_relation(), _relation(attributed_to=None, date=None, evidence='He said "no" — 🙂 <b>')]
    mentions = [Mention(actor="russia", doc="a.txt", sentence=0, span=(0, 6), text="Russia", kind="name")]
    documents = [Document(id="a.txt", title="T", date=dt.date(2025, 8, 1), text="Russia…\n")]
    for name, records, model in (("a", actors, Actor), ("r", relations, Relation),
                                 ("m", mentions, Mention), ("d", documents, Document)):
        path = tmp_path / f"{name}.jsonl"
        assert write_jsonl(path, records) == len(records)
        back = [model.model_validate(obj) for _, obj in read_jsonl(path)]
        assert back == records
        # serialising again gives the same bytes
        assert "\n".join(to_json_line(r) for r in back) + "\n" == path.read_text("utf-8")


def test_relation_json_line_has_the_public_fields():
    line = json.loads(to_json_line(_relation()))
    assert list(line) == ["id", "doc", "sentence", "source", "target", "relation", "polarity", "modality",
                          "attributed_to", "date", "evidence", "span", "confidence", "trigger", "mentions", "spans",
                          "cameo", "source_sector", "target_sector"]
    assert line["date"] == "2025-08-12" and line["span"] == [40, 73]
