"""The build pipeline: corpus → per-document extraction → merged actors → RelationGraph → outputs.

``build()`` is what ``diplograph build`` calls. It streams documents through
the :class:`~diplograph.extraction.extractor.Extractor` on an engine (this process,
local worker processes, or a Dask cluster: :mod:`diplograph.pipeline.execution`), reuses
cached results of unchanged documents (:mod:`diplograph.pipeline.cache`), keeps only
small per-document records, merges actors across documents once at the end
(so ids do not depend on processing order or engine), and optionally writes
the output folder.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.actors.dictionary import ActorDictionary, load_dictionary
from diplograph.actors.merge import merge_corpus
from diplograph.actors.table import final_mention, listed_actors, placeholder_sectors
from diplograph.base.errors import DocumentError, InputError
from diplograph.base.models import Document, Mention, Relation, relation_id
from diplograph.base.profile import StageTimes
from diplograph.corpus.readers import CorpusItem
from diplograph.corpus.sources import corpus_items
from diplograph.extraction.extractor import DocResult, Extractor
from diplograph.graph.relation_graph import RelationGraph
from diplograph.pipeline.cache import DocCache, document_key, extractor_version
from diplograph.pipeline.execution import run_engine, sigterm_as_interrupt
from diplograph.pipeline.inputs import UserFile, read_inputs
from diplograph.pipeline.options import BuildOptions
from diplograph.pipeline.generations import output_lock
from diplograph.pipeline.output import CACHE_FOLDER, write_outputs
from diplograph.pipeline.spool import DiskSpool, MemoryStore, SpooledMentions, open_store
from diplograph.relations.dedupe import merge_duplicates
from diplograph.relations.lexicon import load_lexicon
from diplograph.relations.ontology import Ontology, load_ontology

__all__ = ["BuildResult", "assemble", "build", "build_result"]

@dataclass
class BuildResult:
    """A finished build: the graph plus what the run saw."""

    graph: RelationGraph
    #: The final mentions: a list, or with the spool a re-iterable view of its file.
    mentions: list[Mention] | SpooledMentions = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    inputs: dict[str, UserFile] = field(default_factory=dict)
    #: Seconds per stage of the run (``diplograph build --profile`` prints them).
    profile: StageTimes = field(default_factory=StageTimes)

    @property
    def failed(self) -> list[DocumentError]:
        """Errors that lost a document (warnings excluded)."""
        return [e for e in self.errors if not e.warning]


def _remap(relation: Relation, mapping: dict[str, str]) -> Relation:
    source = mapping.get(relation.source, relation.source)
    target = mapping.get(relation.target, relation.target)
    speaker = mapping.get(relation.attributed_to, relation.attributed_to) if relation.attributed_to else None
    if (source, target, speaker) == (relation.source, relation.target, relation.attributed_to):
        return relation
    new_id = relation_id(relation.doc, source, relation.relation, target, relation.polarity)
    return relation.model_copy(update={"source": source, "target": target, "attributed_to": speaker, "id": new_id})


def assemble(
    results: Iterable[DocResult] | MemoryStore | DiskSpool, dictionary: ActorDictionary, ontology: Ontology
) -> BuildResult:
    """Merge per-document results (in any order) into one deterministic BuildResult.

    ``results`` are DocResults or a result store (:mod:`diplograph.pipeline.spool`) holding
    them; a :class:`~diplograph.pipeline.spool.DiskSpool` is read back document by document,
    so only the merged actors and the relations are held in memory (the mentions go to the
    spool's mention file), and the result does not depend on the store.

    Actors are merged corpus-wide (office placeholders resolved by the roles the
    corpus names, see :mod:`diplograph.actors.corpus_roles`); an actor that takes
    part in no relation is kept only when it is in the dictionary or mentioned at
    least twice (:func:`~diplograph.actors.table.listed_actors`): the others and
    their mentions are left out and counted in ``stats`` (``minor_actors``,
    ``minor_mentions``).
    """
    store = results if isinstance(results, (MemoryStore, DiskSpool)) else _in_memory(results)
    counts = {"documents": 0, "sentences": 0, "words": 0, "parsed": 0}
    learned: list[dict] = []

    def actor_sets() -> Iterator[dict]:
        for head in store.heads():
            counts["documents"] += 1
            counts["sentences"] += head.sentences
            counts["words"] += head.words
            counts["parsed"] += head.parsed
            learned.extend(head.learned)
            yield head.actors

    actors, mapping, offices = merge_corpus(list(actor_sets()), dictionary, learned=learned)
    relations: list[Relation] = []
    mentions = store.mention_sink()
    for _doc, doc_relations, doc_mentions in store.bodies():
        doc_relations = [_remap(placeholder_sectors(r, offices), mapping) for r in doc_relations]
        doc_relations = [r for r in doc_relations if r.source != r.target]  # merging can fold both ends
        relations.extend(merge_duplicates(doc_relations))
        mentions.extend(final_mention(m, mapping, offices) for m in doc_mentions)
    relations.sort(key=lambda r: (r.doc, r.span, r.source, r.relation, r.target, r.id))
    listed = listed_actors(actors, relations, mentions, dictionary)
    kept_mentions = mentions.keep(lambda m: m.actor in listed)
    graph = RelationGraph.from_records(
        [a for a in actors if a.id in listed], relations, ontology=ontology, dictionary=dictionary
    )
    stats = {
        "documents": counts["documents"],
        "sentences": counts["sentences"],
        "words": counts["words"],
        "actors": len(listed),
        "relations": len(relations),
        "mentions": len(kept_mentions),
        "minor_actors": len(actors) - len(listed),
        "minor_mentions": len(mentions) - len(kept_mentions),
        "parsed_sentences": counts["parsed"],
    }
    return BuildResult(graph=graph, mentions=kept_mentions, stats=stats)


def _in_memory(results: Iterable[DocResult]) -> MemoryStore:
    store = MemoryStore()
    for result in results:
        store.add(result)
    return store


def _documents(
    items: Iterable[CorpusItem], errors: list[DocumentError], strict: bool, times: StageTimes
) -> Iterator[Document]:
    seen: set[str] = set()
    stream = iter(items)
    while True:
        with times.stage("reading"):
            item = next(stream, None)
        if item is None:
            return
        if isinstance(item, DocumentError):
            errors.append(item)
            if strict and not item.warning:
                raise InputError(str(item))
            continue
        if item.id in seen:
            errors.append(DocumentError(item.id, "duplicate document id; later copy skipped"))
            continue
        seen.add(item.id)
        yield item


def build_result(
    corpus: str | Path | Iterable[Document], options: BuildOptions | None = None, **settings: Any
) -> BuildResult:
    """Run extraction over a corpus and return the full :class:`BuildResult`.

    Args:
        corpus: a path (file, directory, JSONL, CSV, ``"-"``) or Document objects (anything
            else is an InputError: :func:`~diplograph.corpus.sources.corpus_items`).
        options: the build options (see :class:`~diplograph.pipeline.options.BuildOptions`).
        **settings: options as keywords (``workers=2``, ``actors="mine.yaml"``, ...),
            applied over ``options``. ``cache_dir`` is used as given (``cache`` and
            the output folder are :func:`build`'s business).

    ``stats`` counts ``processed`` (extracted in this run) and ``cached``
    (reused) documents, and ``parsed_sentences`` (sent to the parser).

    Raises:
        ConfigError: an unknown option, an invalid value or an invalid user file.
        InputError: the corpus cannot be read or holds no documents.
    """
    opts = BuildOptions.of(options, **settings)
    started = time.perf_counter()
    times = StageTimes()
    with times.stage("reading"):
        items = corpus_items(corpus, text_field=opts.text_field, follow_symlinks=opts.follow_symlinks)
    with times.stage("loading dictionaries"):
        dictionary = load_dictionary(opts.actors)
        relation_ontology = load_ontology(opts.ontology)
        lexicon = load_lexicon(opts.lexicon, ontology=relation_ontology)
        inputs = read_inputs(opts)
    extractor = Extractor(
        dictionary, relation_ontology, lexicon=lexicon, model=opts.model, batch_size=opts.batch_size,
        prefilter=opts.prefilter,
    )
    with times.stage("cache lookup"):
        cache = DocCache(opts.cache_dir, extractor_version(extractor)) if opts.cache_dir is not None else None
    store = open_store(opts.spool)
    try:
        errors, documents, counts = _extract(corpus, items, extractor, cache, store, opts, times)
        extractor.release_model()  # this process parses no more: the merge reuses the model's memory
        with times.stage("corpus merge"):
            built = assemble(store, dictionary, relation_ontology)
    except BaseException:
        store.close()
        raise
    store.release_results()  # a spool keeps only its final mentions, for as long as the result lives
    built.inputs = inputs
    built.documents = sorted(documents, key=lambda d: d["id"])
    built.errors = errors
    built.profile = times
    built.stats.update(
        {
            "failed": len(built.failed),
            "seconds": round(time.perf_counter() - started, 3),
            "model": extractor.model or "auto",
            "engine": opts.engine,
            "workers": opts.workers,
            "prefilter": opts.prefilter,
            "processed": counts["processed"],
            "cached": counts["cached"],
        }
    )
    return built


def _extract(
    corpus: object, items: Iterable[CorpusItem], extractor: Extractor, cache: DocCache | None,
    store: MemoryStore | DiskSpool, opts: BuildOptions, times: StageTimes,
) -> tuple[list[DocumentError], list[dict], dict[str, int]]:
    """Extract every document (or take it from the cache) into ``store``; return errors, document rows, counts."""
    errors: list[DocumentError] = []
    documents: list[dict] = []
    counts = {"cached": 0, "processed": 0}
    keys: dict[str, str] = {}

    def to_extract() -> Iterator[Document]:
        for document in _documents(items, errors, opts.strict, times):
            documents.append(
                {"id": document.id, "title": document.title, "date": document.date, "chars": len(document.text)}
            )
            if cache is not None:
                with times.stage("cache lookup"):
                    key = document_key(document)
                    hit = cache.get(key)
                if hit is not None and hit.doc == document.id:
                    with times.stage("spooling"):
                        store.add(hit)
                    counts["cached"] += 1
                    continue
                keys[document.id] = key
            yield document

    stream = run_engine(
        extractor, to_extract(), engine=opts.engine, workers=opts.workers, scheduler=opts.scheduler, times=times
    )
    with sigterm_as_interrupt():  # SIGTERM stops the build as Ctrl-C does (worker processes included)
        try:
            for result in _with_progress(stream, opts.progress, counts):
                if isinstance(result, DocumentError):
                    errors.append(result)
                    if opts.strict:
                        raise InputError(str(result))
                    continue
                counts["processed"] += 1
                with times.stage("spooling"):
                    if cache is not None:
                        cache.put(keys.pop(result.doc), result)
                    store.add(result)
        finally:
            getattr(stream, "close", lambda: None)()  # stops worker processes now, whatever ended the loop
    if not documents and not errors:
        raise InputError(f"{corpus if isinstance(corpus, (str, Path)) else 'corpus'}: the corpus holds no documents")
    return errors, documents, counts


def _with_progress(stream: Iterable, enabled: bool, counts: dict[str, int]) -> Iterator:
    """Pass ``stream`` through, drawing a rich progress line (docs, docs/s, cached) on a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield from stream
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} docs"),
               TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[cached]}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extracting", total=None, rate="", cached="")
        start = time.perf_counter()
        for count, item in enumerate(stream, start=1):
            elapsed = max(time.perf_counter() - start, 1e-9)
            reused = f"{counts['cached']} cached" if counts["cached"] else ""
            bar.update(task, completed=count + counts["cached"], rate=f"{count / elapsed:.1f} docs/s", cached=reused)
            yield item


def build(
    corpus: str | Path | Iterable[Document],
    *,
    out: str | Path | None = None,
    options: BuildOptions | None = None,
    **settings: Any,
) -> RelationGraph:
    """Extract a RelationGraph from a corpus; with ``out``, also write the output folder.

    With ``out``, per-document results are cached in ``out/.cache`` (or
    ``cache_dir``) so rebuilding after adding documents only processes the
    new ones; ``cache=False`` turns this off. The folder's lock is taken first, so
    a second build into the same ``out`` fails at once (OutputError) instead of
    after its extraction. The options are the fields of
    :class:`~diplograph.pipeline.options.BuildOptions`, given as ``options=`` or
    as keywords.

    >>> g = diplograph.build("examples/")            # doctest: +SKIP
    >>> g.relations(source="Putin", relation="demands")  # doctest: +SKIP
    """
    opts = BuildOptions.of(options, **settings)
    cache_dir = opts.cache_dir if opts.cache else None
    if out is None:
        return build_result(corpus, opts, cache_dir=cache_dir).graph
    if opts.cache and cache_dir is None:
        cache_dir = Path(out) / CACHE_FOLDER
    with output_lock(out):
        result = build_result(corpus, opts, cache_dir=cache_dir)
        with result.profile.stage("writing"):
            write_outputs(result, out)
    return result.graph
