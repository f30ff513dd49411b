"""Execution engines: where per-document extraction runs.

* ``local`` — in this process (``workers=1``) or in ``workers`` processes of
  this machine (:func:`process_in_processes`);
* ``dask`` — on a Dask cluster (:mod:`diplograph.pipeline.dask_execution`).

Every engine takes an :class:`~diplograph.extraction.extractor.Extractor` and a stream
of documents and yields one result per document *in input order*, reading
the input lazily and keeping only a bounded number of batches in flight, so
memory stays flat however long the corpus is. Each worker loads the spaCy
model once. The results are merged by :func:`diplograph.pipeline.assemble`,
which does not depend on the engine: every engine gives the same outputs.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from diplograph.base.errors import DocumentError
from diplograph.base.errors import ConfigError
from diplograph.base.models import Document
from diplograph.pipeline.options import ENGINES

if TYPE_CHECKING:
    from diplograph.extraction.extractor import DocResult, Extractor

__all__ = ["batches", "run_engine", "process_in_processes"]

#: A batch sent to a worker holds about this many characters (or :data:`BATCH_DOCS` documents).
BATCH_CHARS = 40_000
BATCH_DOCS = 64
_POLL_SECONDS = 1.0


def batches(
    documents: Iterable[Document], *, max_chars: int = BATCH_CHARS, max_docs: int = BATCH_DOCS
) -> Iterator[list[Document]]:
    """Group documents into batches of about ``max_chars`` characters (at most ``max_docs`` documents)."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        batch.append(document)
        size += len(document.text)
        if size >= max_chars or len(batch) >= max_docs:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def run_engine(
    extractor: Extractor,
    documents: Iterable[Document],
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
) -> Iterator[DocResult | DocumentError]:
    """Run ``extractor`` over ``documents`` on the chosen engine; yield results in input order.

    Args:
        extractor: the extractor (pickled to workers without its model).
        documents: the documents (read lazily).
        engine: ``local`` or ``dask``.
        workers: processes (local) or workers of the LocalCluster started when
            no scheduler is given (dask).
        scheduler: address of a running Dask scheduler (``tcp://host:8786``);
            dask engine only.

    Raises:
        ConfigError: an unknown engine, or a scheduler given to the local engine.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r} (choose from: {', '.join(ENGINES)})")
    if engine == "dask":
        try:
            from diplograph.pipeline.dask_execution import process_on_dask
        except ImportError:
            raise ConfigError("the dask engine needs dask and distributed: pip install 'diplograph[dask]'") from None
        return process_on_dask(extractor, documents, scheduler=scheduler, workers=workers)
    if scheduler is not None:
        raise ConfigError("a scheduler address needs the dask engine (engine='dask')")
    if workers > 1:
        return process_in_processes(extractor, documents, workers=workers)
    return extractor.process(documents)


def _worker_main(extractor: Extractor, tasks: multiprocessing.Queue, results: multiprocessing.Queue) -> None:
    """Loop of one worker process: extract each batch until the ``None`` sentinel."""
    while True:
        task = tasks.get()
        if task is None:
            return
        number, documents = task
        try:
            output = extractor.process_batch(documents)
        except Exception as exc:  # the batch is lost, the run goes on
            output = [DocumentError(d.id, f"extraction failed: {type(exc).__name__}: {exc}") for d in documents]
        results.put((number, output))


def process_in_processes(
    extractor: Extractor, documents: Iterable[Document], *, workers: int = 2, ahead: int = 2
) -> Iterator[DocResult | DocumentError]:
    """Extract on ``workers`` local processes; yield results in input order.

    Worker processes are started with the platform's default method (as
    spaCy's own ``n_process`` does; scripts on platforms that *spawn* need the
    usual ``if __name__ == "__main__":`` guard), receive the extractor once
    and load the model once. At most ``ahead`` batches per worker are in flight.
    """
    context = multiprocessing.get_context()
    tasks = context.Queue()
    results = context.Queue()
    processes = [
        context.Process(target=_worker_main, args=(extractor, tasks, results), daemon=True, name=f"diplograph-{i}")
        for i in range(workers)
    ]
    for process in processes:
        process.start()
    stream = enumerate(batches(documents))
    done: dict[int, list] = {}
    sent = received = 0
    try:
        for number, batch in stream:
            tasks.put((number, batch))
            sent += 1
            if sent >= workers * ahead:
                break
        following = 0
        while received < sent:
            number, output = _next_result(results, processes)
            done[number] = output
            received += 1
            while following in done:
                yield from done.pop(following)
                following += 1
            for number, batch in stream:  # refill one batch
                tasks.put((number, batch))
                sent += 1
                break
    finally:
        for _ in processes:
            tasks.put(None)
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
        tasks.close()
        results.close()


def _next_result(results: multiprocessing.Queue, processes: list) -> tuple[int, list]:
    """The next finished batch; raises RuntimeError if a worker process died."""
    while True:
        try:
            return results.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            dead = [p for p in processes if not p.is_alive()]
            if dead:
                raise RuntimeError(
                    f"extraction worker {dead[0].name} exited with code {dead[0].exitcode} (out of memory?)"
                ) from None
