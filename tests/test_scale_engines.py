"""Engines: local processes and a Dask cluster give the same outputs as one process."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

from diplograph.actors.dictionary import load_dictionary
from diplograph.base.errors import DocumentError
from diplograph.pipeline.execution import batches, process_in_processes, run_engine
from diplograph.base.errors import ConfigError
from diplograph.extraction.extractor import DocResult, Extractor
from diplograph.base.models import Document
from diplograph.relations.ontology import load_ontology

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COMPARED = ("actors.jsonl", "relations.jsonl", "mentions.jsonl")
FORKS = multiprocessing.get_start_method() == "fork"


def _documents(sizes: list[int]) -> list[Document]:
    return [Document(id=f"d{i:02d}", text="x" * size) for i, size in enumerate(sizes)]


def test_batches_are_bounded_by_characters_and_documents():
    grouped = list(batches(_documents([10, 10, 25, 5, 40, 1]), max_chars=30, max_docs=4))
    assert [[d.id for d in b] for b in grouped] == [["d00", "d01", "d02"], ["d03", "d04"], ["d05"]]
    assert [len(b) for b in batches(_documents([1] * 9), max_chars=1000, max_docs=4)] == [4, 4, 1]
    assert list(batches([])) == []


def test_unknown_engine_or_a_scheduler_without_dask_is_a_config_error():
    extractor = Extractor(load_dictionary(), load_ontology())
    with pytest.raises(ConfigError, match="unknown engine 'spark'"):
        run_engine(extractor, [], engine="spark")
    with pytest.raises(ConfigError, match="needs the dask engine"):
        run_engine(extractor, [], engine="local", scheduler="tcp://127.0.0.1:8786")


class _Echo(Extractor):
    """Answers without a model: slower for low ids, so batches finish out of order."""

    def process_batch(self, documents, times=None):
        time.sleep(0.2 if documents[0].id < "d04" else 0.0)
        return [DocResult(doc=d.id, words=len(d.text)) if d.text else DocumentError(d.id, "empty") for d in documents]


class _Dying(Extractor):
    def process_batch(self, documents, times=None):
        os._exit(3)


@pytest.mark.skipif(not FORKS, reason="test extractors are inherited by forked workers only")
def test_worker_processes_yield_results_in_input_order():
    extractor = _Echo(load_dictionary(), load_ontology())
    documents = _documents([9_000] * 12)
    results = list(process_in_processes(extractor, documents, workers=2))
    assert [r.doc for r in results] == [d.id for d in documents]
    assert all(isinstance(r, DocResult) and r.words == 9_000 for r in results)


@pytest.mark.skipif(not FORKS, reason="test extractors are inherited by forked workers only")
def test_a_dead_worker_stops_the_run_with_an_error():
    extractor = _Dying(load_dictionary(), load_ontology())
    with pytest.raises(RuntimeError, match="exited with code 3"):
        list(process_in_processes(extractor, _documents([10, 10]), workers=2))


@pytest.fixture(scope="module")
def local_build(tmp_path_factory):
    from diplograph.pipeline.build import build_result
    from diplograph.pipeline.output import write_outputs

    result = build_result(EXAMPLES)
    assert result.stats["relations"] >= 20
    return write_outputs(result, tmp_path_factory.mktemp("local"), html=False, report=False)


def _same_outputs(left: Path, right: Path) -> None:
    for name in COMPARED:
        assert (left / name).read_bytes() == (right / name).read_bytes(), name


@pytest.mark.model
def test_two_local_workers_give_the_same_outputs(local_build, tmp_path):
    from diplograph.pipeline.build import build_result
    from diplograph.pipeline.output import write_outputs

    result = build_result(EXAMPLES, workers=2)
    assert result.stats["workers"] == 2 and result.stats["processed"] == result.stats["documents"]
    _same_outputs(local_build, write_outputs(result, tmp_path, html=False, report=False))


@pytest.mark.model
@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_outputs(local_build, tmp_path):
    pytest.importorskip("distributed")
    from diplograph.pipeline.build import build_result
    from diplograph.pipeline.output import write_outputs

    result = build_result(EXAMPLES, engine="dask", workers=2)
    assert result.stats["engine"] == "dask"
    assert result.stats["processed"] == result.stats["documents"] >= 8
    _same_outputs(local_build, write_outputs(result, tmp_path, html=False, report=False))


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_config_error():
    pytest.importorskip("distributed")
    from diplograph.pipeline.dask_execution import process_on_dask

    extractor = Extractor(load_dictionary(), load_ontology())
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(process_on_dask(extractor, _documents([5]), scheduler="tcp://127.0.0.1:9", timeout=2))


@pytest.mark.model
@pytest.mark.slow
def test_an_existing_cluster_is_used_through_its_scheduler_address():
    distributed = pytest.importorskip("distributed")
    from diplograph.corpus.readers import read_corpus
    from diplograph.pipeline.build import build_result

    documents = [d for d in read_corpus(EXAMPLES) if d.id.endswith(".txt")][:2]
    local = build_result(documents)
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        remote = build_result(documents, engine="dask", scheduler=cluster.scheduler_address)
        plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert plugins and not any("diplograph" in name for names in plugins.values() for name in names)  # model freed
    assert remote.stats["processed"] == 2
    rows = [r.model_dump() for r in remote.graph.iter_relations()]
    assert rows == [r.model_dump() for r in local.graph.iter_relations()]
