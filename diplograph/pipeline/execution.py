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

Worker processes never outlive the build: SIGTERM of the parent stops them as
Ctrl-C does (:func:`sigterm_as_interrupt`: the parent raises
:class:`~diplograph.base.errors.Terminated` and terminates its workers), and a
worker whose parent died without cleaning up (kill -9) notices within
:data:`ORPHAN_CHECK_SECONDS` and exits.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from diplograph.base.errors import ConfigError, DocumentError, Terminated
from diplograph.base.models import Document
from diplograph.base.profile import StageTimes
from diplograph.pipeline.options import ENGINES

if TYPE_CHECKING:
    from diplograph.extraction.extractor import DocResult, Extractor

__all__ = ["batches", "run_engine", "process_in_processes", "sigterm_as_interrupt", "ORPHAN_CHECK_SECONDS"]

#: A batch sent to a worker holds about this many characters (or :data:`BATCH_DOCS` documents).
BATCH_CHARS = 40_000
BATCH_DOCS = 64
_POLL_SECONDS = 1.0
#: How often a worker checks that its parent is alive.
ORPHAN_CHECK_SECONDS = 0.5


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While in the block, SIGTERM raises :class:`~diplograph.base.errors.Terminated` (a
    KeyboardInterrupt) in the main thread, so ``finally`` blocks stop worker processes as on Ctrl-C.

    Does nothing outside the main thread, or when the program installed its own SIGTERM handler.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM kills at once
        raise Terminated(f"terminated by signal {signum}")

    signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the process that started it is gone (the worker is re-parented)."""
    while True:
        time.sleep(ORPHAN_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


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
    times: StageTimes | None = None,
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
        times: receives the stage seconds: of this process, and those the workers report
            with their results (``worker_seconds``).

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
        return process_on_dask(extractor, documents, scheduler=scheduler, workers=workers, times=times)
    if scheduler is not None:
        raise ConfigError("a scheduler address needs the dask engine (engine='dask')")
    if workers > 1:
        return process_in_processes(extractor, documents, workers=workers, times=times)
    return extractor.process(documents, times)


def _worker_main(
    extractor: Extractor, tasks: multiprocessing.Queue, results: multiprocessing.Queue, parent: int | None
) -> None:
    """Loop of one worker process: extract each batch until the ``None`` sentinel.

    Ctrl-C is the parent's to handle (it terminates the workers); SIGTERM ends the worker;
    a watchdog thread ends it when the parent dies. Each batch goes back with its stage seconds.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    starter = os.getppid()  # the build's process (fork, spawn), or the fork server that started this worker
    if parent is not None and starter != parent:
        os._exit(1)  # the build died before this worker ran
    threading.Thread(target=_watch_parent, args=(starter,), daemon=True, name="diplograph-watchdog").start()
    while True:
        task = tasks.get()
        if task is None:
            return
        number, documents = task
        times = StageTimes()
        try:
            output = extractor.process_batch(documents, times)
        except Exception as exc:  # the batch is lost, the run goes on
            output = [DocumentError(d.id, f"extraction failed: {type(exc).__name__}: {exc}") for d in documents]
        results.put((number, output, times.as_dict()))


def process_in_processes(
    extractor: Extractor, documents: Iterable[Document], *, workers: int = 2, ahead: int = 2,
    times: StageTimes | None = None,
) -> Iterator[DocResult | DocumentError]:
    """Extract on ``workers`` local processes; yield results in input order.

    Worker processes are started with the platform's default method (as
    spaCy's own ``n_process`` does; scripts on platforms that *spawn* need the
    usual ``if __name__ == "__main__":`` guard), receive the extractor once
    and load the model once. At most ``ahead`` batches per worker are in flight. ``times``
    gets this process's waiting time and the stage seconds each worker reports.
    """
    context = multiprocessing.get_context()
    tasks = context.Queue()
    results = context.Queue()
    parent = os.getpid() if context.get_start_method() == "fork" else None  # a forked worker's parent is us
    processes = [
        context.Process(target=_worker_main, args=(extractor, tasks, results, parent), daemon=True, name=f"diplograph-{i}")
        for i in range(workers)
    ]
    finished = False
    with sigterm_as_interrupt():
        try:
            for process in processes:
                process.start()
            yield from _in_order(tasks, results, processes, documents, workers * ahead, times or StageTimes())
            finished = True
        finally:
            _stop(processes, tasks, results, finished)


def _in_order(
    tasks: multiprocessing.Queue, results: multiprocessing.Queue, processes: list, documents: Iterable[Document],
    in_flight: int, times: StageTimes,
) -> Iterator[DocResult | DocumentError]:
    """Feed batches to the workers (at most ``in_flight`` at a time); yield their results in input order."""
    stream = enumerate(batches(documents))
    done: dict[int, list] = {}
    sent = received = 0
    for number, batch in stream:
        tasks.put((number, batch))
        sent += 1
        if sent >= in_flight:
            break
    following = 0
    while received < sent:
        with times.stage("waiting for workers"):
            number, output, seconds = _next_result(results, processes)
        times.add_worker(seconds)
        done[number] = output
        received += 1
        while following in done:
            yield from done.pop(following)
            following += 1
        for number, batch in stream:  # refill one batch
            tasks.put((number, batch))
            sent += 1
            break


def _stop(processes: list, tasks: multiprocessing.Queue, results: multiprocessing.Queue, finished: bool) -> None:
    """End the workers: after a finished run let them exit; otherwise (error, Ctrl-C, SIGTERM) terminate them now."""
    started = [p for p in processes if p.pid is not None]
    if finished:
        for _ in started:
            tasks.put(None)
        for process in started:
            process.join(timeout=5)
    for process in started:
        if process.is_alive():
            process.terminate()
    for process in started:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
    for channel in (tasks, results):
        channel.cancel_join_thread()  # never wait at exit to flush batches no worker will read
        channel.close()


def _next_result(results: multiprocessing.Queue, processes: list) -> tuple[int, list, dict[str, float]]:
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
