"""The result spool: outputs byte-identical across engines, worker counts and spool on/off; files cleaned up."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

import pytest

from diplograph.base.models import Actor, Mention, Relation
from diplograph.extraction.extractor import DocResult
from diplograph.pipeline.spool import DiskSpool, MemoryStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: Manifest fields that describe the run, not the outputs.
RUN_FIELDS = ("built", "seconds", "engine", "workers")


def _result(doc: str, actor: str = "russia") -> DocResult:
    mention = Mention(doc=doc, actor=actor, text="Russia", span=(0, 6), sentence=0, kind="name")
    relation = Relation(
        id=f"{doc}-r", doc=doc, source=actor, relation="meets", target="ukraine", span=(0, 20),
        sentence=0, evidence="Russia met Ukraine.",
    )
    return DocResult(
        doc=doc, actors={actor: Actor(id=actor, name="Russia", type="state")}, mentions=[mention],
        relations=[relation], sentences=1, words=3, parsed=1, learned=[{"role": doc}],
    )


@pytest.mark.parametrize("make", [MemoryStore, DiskSpool])
def test_stores_give_heads_and_bodies_in_document_order(make):
    store = make()
    for doc in ("c", "a", "b"):
        store.add(_result(doc))
    store.add(_result("a", actor="ukraine"))  # a later result for an id replaces the first
    assert len(store) == 3
    heads = list(store.heads())
    assert [h.doc for h in heads] == ["a", "b", "c"]
    assert list(heads[0].actors) == ["ukraine"] and heads[1].learned == [{"role": "b"}]
    bodies = list(store.bodies())
    assert [(doc, [r.id for r in rels], [m.actor for m in ms]) for doc, rels, ms in bodies] == [
        ("a", ["a-r"], ["ukraine"]), ("b", ["b-r"], ["russia"]), ("c", ["c-r"], ["russia"]),
    ]
    assert bodies[1][1][0] == _result("b").relations[0]
    store.close()


def test_spooled_mentions_are_read_back_filtered_and_the_files_go_with_them():
    spool = DiskSpool()
    spool.add(_result("a"))
    sink = spool.mention_sink()
    sink.extend(m for _, _, ms in spool.bodies() for m in ms)
    sink.append(_result("b", actor="ukraine").mentions[0])
    spool.release_results()
    kept = sink.keep(lambda m: m.actor == "ukraine")
    assert [m.doc for m in kept] == ["b"] and len(kept) == 1 and len(sink) == 2
    assert [(a.doc, b.doc) for a in sink for b in sink] == [("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]
    handles = list(spool._handles)
    alive = weakref.ref(spool)
    del spool, sink
    gc.collect()
    assert alive() is not None and not any(h.closed for h in handles[1:])  # the kept view holds the spool
    del kept
    gc.collect()
    assert alive() is None and all(h.closed for h in handles)


def test_a_spool_leaves_no_file_behind(tmp_path):
    spool = DiskSpool(tmp_path)
    spool.add(_result("a"))
    spool.mention_sink().append(_result("a").mentions[0])
    assert list(tmp_path.iterdir()) == []  # anonymous files: nothing to clean up after a kill -9
    spool.close()
    assert spool.closed


def _outputs(folder: Path) -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != "manifest.json"}
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    for name in RUN_FIELDS:
        manifest.pop(name)
    files["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The sample corpus built in one process with the spool (the default)."""
    from diplograph.pipeline.build import build

    out = tmp_path_factory.mktemp("reference")
    build(EXAMPLES, out=out, cache=False)
    return _outputs(out)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize(
    "settings",
    [{"spool": False}, {"workers": 2}, {"workers": 2, "spool": False}, {"engine": "dask", "workers": 2}],
    ids=["memory", "two-workers", "two-workers-memory", "dask"],
)
def test_outputs_are_byte_identical_across_engines_workers_and_spool(reference, tmp_path, settings):
    if settings.get("engine") == "dask":
        pytest.importorskip("distributed")
    from diplograph.pipeline.build import build

    build(EXAMPLES, out=tmp_path, cache=False, **settings)
    outputs = _outputs(tmp_path)
    assert sorted(outputs) == sorted(reference)
    different = [name for name in reference if outputs[name] != reference[name]]
    assert not different, f"differ from the one-process spooled build: {different}"
    assert b'"mentions": 0' not in outputs["manifest.json"] and len(reference["mentions.jsonl"]) > 1000
