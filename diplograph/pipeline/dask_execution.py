"""The Dask engine: per-document extraction on a Dask cluster.

Documents are sent in batches (:func:`diplograph.pipeline.execution.batches`) as
``distributed`` futures; a :class:`ExtractorPlugin` registered on every
worker holds the extractor, so each worker loads the spaCy model once and
keeps it for every batch (workers that join later get it too). Results come
back as small :class:`~diplograph.extraction.extractor.DocResult` records, in input
order, and are merged by the same :func:`diplograph.pipeline.assemble` as a
local run: the outputs are identical.

Without a scheduler address a ``LocalCluster`` of ``workers`` single-thread
processes is started and closed afterwards (on SIGTERM too; its workers also exit
on their own when this process is killed). To use an existing cluster, pass
its scheduler address (``tcp://host:8786``); every worker needs diplograph
and the spaCy model installed (the same versions as the client).
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from diplograph.base.errors import DocumentError
from diplograph.base.errors import ConfigError
from diplograph.pipeline.execution import batches, sigterm_as_interrupt
from diplograph.base.models import Document
from diplograph.base.profile import StageTimes

if TYPE_CHECKING:
    from diplograph.extraction.extractor import DocResult, Extractor

__all__ = ["ExtractorPlugin", "process_on_dask", "extract_batch"]

#: Batches in flight per worker thread.
_AHEAD = 2


class ExtractorPlugin(WorkerPlugin):
    """A Dask worker plugin that holds one :class:`Extractor` and loads its model at setup."""

    name = "diplograph-extractor"

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor

    def setup(self, worker) -> None:  # noqa: ANN001 - distributed.Worker
        self.extractor.nlp  # load the model once, when the worker starts


def _plugin_name(extractor: Extractor) -> str:
    digest = hashlib.sha256(pickle.dumps(extractor)).hexdigest()[:12]
    return f"{ExtractorPlugin.name}-{digest}"


def extract_batch(
    plugin_name: str, documents: list[Document]
) -> tuple[list[DocResult | DocumentError], dict[str, float]]:
    """The task run on a worker: extract a batch with the worker's extractor; return it with its stage seconds."""
    plugin = get_worker().plugins[plugin_name]
    times = StageTimes()
    return plugin.extractor.process_batch(documents, times), times.as_dict()


def process_on_dask(
    extractor: Extractor,
    documents: Iterable[Document],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    timeout: float = 20.0,
    times: StageTimes | None = None,
) -> Iterator[DocResult | DocumentError]:
    """Extract on a Dask cluster; yield one result per document, in input order.

    Args:
        extractor: the extractor (pickled to each worker once, without its model).
        documents: the documents (read lazily; a bounded number of batches is in flight).
        scheduler: address of a running scheduler; None starts a LocalCluster.
        workers: LocalCluster worker processes (ignored with ``scheduler``).
        timeout: seconds to wait for the scheduler to answer.
        times: receives the waiting time and the stage seconds the workers report.

    Raises:
        ConfigError: dask is not installed, or the scheduler cannot be reached.
    """
    with sigterm_as_interrupt(), _connect(scheduler, workers, timeout) as client:  # SIGTERM closes the cluster
        name = _plugin_name(extractor)
        client.register_plugin(ExtractorPlugin(extractor), name=name)
        try:
            yield from _submit_in_order(client, name, documents, times or StageTimes())
        finally:
            if scheduler is not None:
                client.unregister_worker_plugin(name)


def _submit_in_order(
    client: Client, name: str, documents: Iterable[Document], times: StageTimes
) -> Iterator[DocResult | DocumentError]:
    """Submit batches with a bounded number in flight; yield their results in submission order."""
    threads = max(1, sum(client.nthreads().values()))
    in_flight: deque = deque()
    stream = iter(batches(documents))
    for batch in stream:
        in_flight.append(client.submit(extract_batch, name, batch, pure=False))
        if len(in_flight) >= threads * _AHEAD:
            break
    while in_flight:
        future = in_flight.popleft()
        with times.stage("waiting for workers"):
            output, seconds = future.result()
        future.release()
        times.add_worker(seconds)
        yield from output
        for batch in stream:
            in_flight.append(client.submit(extract_batch, name, batch, pure=False))
            break


@contextmanager
def _connect(scheduler: str | None, workers: int, timeout: float) -> Iterator[Client]:
    """A Client on ``scheduler``, or on a new LocalCluster of ``workers`` processes closed on exit."""
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=f"{timeout}s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=max(1, workers), threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client
