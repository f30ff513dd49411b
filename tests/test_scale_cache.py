"""Incremental rebuilds: per-document results cached by content and extractor version."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from diplograph.actors.dictionary import load_dictionary
from diplograph.pipeline.cache import DocCache, document_key, extractor_version
from diplograph.extraction.extractor import DocResult, Extractor
from diplograph.base.models import Actor, Document, Mention, Relation, relation_id
from diplograph.relations.ontology import load_ontology

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COMPARED = ("actors.jsonl", "relations.jsonl", "mentions.jsonl", "documents.jsonl")


def _result() -> DocResult:
    span = (0, 16)
    return DocResult(
        doc="a.txt",
        actors={"kyiv": Actor(id="kyiv", name="Kyiv", type="place", country="UKR", aliases=("Kiev",))},
        mentions=[Mention(actor="kyiv", doc="a.txt", sentence=0, span=(0, 4), text="Kyiv", kind="name")],
        relations=[
            Relation(id=relation_id("a.txt", "kyiv", "meets", "paris", "asserted"), doc="a.txt", sentence=0,
                     source="kyiv", target="paris", relation="meets", date=dt.date(2025, 8, 1),
                     evidence="Kyiv met Paris.", span=span, spans=(span,), confidence=0.85, trigger="met")
        ],
        sentences=3,
        words=12,
        parsed=2,
    )


def test_doc_result_round_trips_through_json():
    result = _result()
    back = DocResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert back == result


def test_cache_hits_misses_and_unreadable_entries(tmp_path):
    cache = DocCache(tmp_path, "v1")
    document = Document(id="a.txt", text="Kyiv met Paris.", date=dt.date(2025, 8, 1))
    key = document_key(document)
    assert cache.get(key) is None
    cache.put(key, _result())
    assert cache.get(key) == _result()
    assert len(cache) == 1
    assert DocCache(tmp_path, "v2").get(key) is None  # another extractor version sees nothing
    path = next((tmp_path / "v1").glob("*/*.json"))
    path.write_text('{"doc": "a.txt", "actors": [', encoding="utf-8")  # a torn write
    assert cache.get(key) is None
    assert not path.exists()
    assert not list(tmp_path.rglob("*.tmp"))


def test_document_key_follows_id_text_and_date():
    base = Document(id="a.txt", text="Kyiv met Paris.", date=dt.date(2025, 8, 1))
    keys = {
        document_key(base),
        document_key(base.model_copy(update={"id": "b.txt"})),
        document_key(base.model_copy(update={"text": "Kyiv met Rome."})),
        document_key(base.model_copy(update={"date": None})),
    }
    assert len(keys) == 4
    assert document_key(base) == document_key(Document(id="a.txt", text="Kyiv met Paris.", date=dt.date(2025, 8, 1)))
    assert document_key(base) == document_key(base.model_copy(update={"title": "another title"}))


def test_extractor_version_changes_with_settings():
    dictionary, ontology = load_dictionary(), load_ontology()
    base = extractor_version(Extractor(dictionary, ontology))
    assert base == extractor_version(Extractor(dictionary, ontology))
    assert len(base) == 16
    assert extractor_version(Extractor(dictionary, ontology, prefilter=False)) != base
    entry = next(iter(dictionary)).model_copy(update={"aliases": ("Some New Alias",)})
    assert extractor_version(Extractor(dictionary.merged([entry]), ontology)) != base


@pytest.mark.model
def test_rebuild_processes_only_new_documents_with_identical_outputs(tmp_path):
    from diplograph.pipeline.build import build_result
    from diplograph.pipeline.output import write_outputs

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = sorted(p.name for p in EXAMPLES.glob("*.txt"))[:4]
    for name in names[:3]:
        shutil.copy(EXAMPLES / name, corpus / name)
    cache = tmp_path / "cache"

    first = build_result(corpus, cache_dir=cache)
    assert (first.stats["processed"], first.stats["cached"]) == (3, 0)
    write_outputs(first, tmp_path / "first", html=False, report=False)

    second = build_result(corpus, cache_dir=cache)
    assert (second.stats["processed"], second.stats["cached"]) == (0, 3)
    write_outputs(second, tmp_path / "second", html=False, report=False)
    for name in COMPARED:
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes(), name

    shutil.copy(EXAMPLES / names[3], corpus / names[3])
    third = build_result(corpus, cache_dir=cache)
    assert (third.stats["processed"], third.stats["cached"]) == (1, 3)
    fresh = build_result(corpus)
    assert (fresh.stats["processed"], fresh.stats["cached"]) == (4, 0)
    write_outputs(third, tmp_path / "third", html=False, report=False)
    write_outputs(fresh, tmp_path / "fresh", html=False, report=False)
    for name in COMPARED:
        assert (tmp_path / "third" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name
    assert third.stats["relations"] > first.stats["relations"]


@pytest.mark.model
def test_build_keeps_its_cache_in_the_output_folder_unless_told_not_to(tmp_path):
    from diplograph.pipeline.output import CACHE_FOLDER
    from diplograph.pipeline.build import build

    text = "Vladimir Putin met Donald Trump in Alaska.\n"
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "brief.txt").write_text(text, encoding="utf-8")
    graph = build(tmp_path / "c", out=tmp_path / "out")
    assert len(graph.relations_table) == 1
    assert len(list((tmp_path / "out" / CACHE_FOLDER).rglob("*.json"))) == 1
    build(tmp_path / "c", out=tmp_path / "plain", cache=False)
    assert not (tmp_path / "plain" / CACHE_FOLDER).exists()


@pytest.mark.model
def test_an_interrupted_build_resumes_from_the_finished_documents(tmp_path):
    from diplograph.corpus.readers import read_corpus
    from diplograph.pipeline.build import build_result

    documents = [d for d in read_corpus(EXAMPLES) if d.id.endswith(".txt")][:4]

    def interrupted():
        yield from documents[:3]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_result(interrupted(), cache_dir=tmp_path, batch_size=4)
    resumed = build_result(documents, cache_dir=tmp_path)
    assert resumed.stats["cached"] >= 1
    assert resumed.stats["cached"] + resumed.stats["processed"] == 4
    fresh = build_result(documents)
    assert [r.model_dump() for r in resumed.graph.iter_relations()] == [
        r.model_dump() for r in fresh.graph.iter_relations()
    ]
