"""The build pipeline: corpus → per-document extraction → merged actors → RelationGraph → outputs.

``build()`` is what ``diplograph build`` calls. It streams documents through
the :class:`~diplograph.extractor.Extractor`, keeps only small per-document
records, merges actors across documents once at the end (so ids do not
depend on processing order), and optionally writes the output folder.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from diplograph import __version__
from diplograph.actors.dictionary import ActorDictionary, load_dictionary
from diplograph.actors.merge import merge_actors
from diplograph.corpus import CorpusItem, DocumentError, read_corpus
from diplograph.errors import InputError
from diplograph.extractor import DocResult, Extractor
from diplograph.graph.relation_graph import RelationGraph
from diplograph.io import ensure_dir, write_jsonl, write_text
from diplograph.models import Document, Mention, Relation, relation_id
from diplograph.relations.dedupe import merge_duplicates
from diplograph.relations.ontology import Ontology, load_ontology

__all__ = ["BuildResult", "build", "build_result", "load", "write_outputs", "OUTPUT_FILES"]

#: The files a build writes into its output folder (the public output contract).
OUTPUT_FILES = (
    "actors.jsonl",
    "relations.jsonl",
    "mentions.jsonl",
    "documents.jsonl",
    "errors.jsonl",
    "graph.html",
    "report.md",
    "manifest.json",
)


@dataclass
class BuildResult:
    """A finished build: the graph plus what the run saw."""

    graph: RelationGraph
    mentions: list[Mention] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    stats: dict = field(default_factory=dict)

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


def assemble(results: Iterable[DocResult], dictionary: ActorDictionary, ontology: Ontology) -> BuildResult:
    """Merge per-document results (in any order) into one deterministic BuildResult."""
    ordered = sorted(results, key=lambda r: r.doc)
    actors, mapping = merge_actors([r.actors for r in ordered], dictionary)
    relations: list[Relation] = []
    mentions: list[Mention] = []
    for result in ordered:
        doc_relations = [_remap(r, mapping) for r in result.relations]
        doc_relations = [r for r in doc_relations if r.source != r.target]  # merging can fold both ends
        relations.extend(merge_duplicates(doc_relations))
        mentions.extend(m.model_copy(update={"actor": mapping.get(m.actor, m.actor)}) for m in result.mentions)
    relations.sort(key=lambda r: (r.doc, r.span, r.source, r.relation, r.target, r.id))
    graph = RelationGraph.from_records(actors, relations, ontology=ontology)
    stats = {
        "documents": len(ordered),
        "sentences": sum(r.sentences for r in ordered),
        "words": sum(r.words for r in ordered),
        "actors": len(actors),
        "relations": len(relations),
        "mentions": len(mentions),
    }
    return BuildResult(graph=graph, mentions=mentions, stats=stats)


def _documents(items: Iterable[CorpusItem], errors: list[DocumentError], strict: bool) -> Iterator[Document]:
    seen: set[str] = set()
    for item in items:
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
    corpus: str | Path | Iterable[Document],
    *,
    actors: str | Path | None = None,
    ontology: str | Path | None = None,
    model: str | None = None,
    text_field: str | None = None,
    workers: int = 1,
    strict: bool = False,
    progress: bool = False,
) -> BuildResult:
    """Run extraction over a corpus and return the full :class:`BuildResult`.

    Args:
        corpus: a path (file, directory, JSONL, CSV, ``"-"``) or Document objects.
        actors: a user actor dictionary file extending the built-in one.
        ontology: a user ontology file extending the built-in one.
        model: spaCy model package (default: first installed English model).
        text_field: text field/column name for JSONL/CSV input.
        workers: processes for the spaCy parse.
        strict: stop at the first document that cannot be read or processed.
        progress: show a progress bar on stderr.
    """
    started = time.perf_counter()
    dictionary = load_dictionary(actors)
    relation_ontology = load_ontology(ontology)
    errors: list[DocumentError] = []
    items = read_corpus(corpus, text_field=text_field) if isinstance(corpus, (str, Path)) else corpus
    documents: list[dict] = []

    def tracked() -> Iterator[Document]:
        for document in _documents(items, errors, strict):
            documents.append({"id": document.id, "title": document.title, "date": document.date, "chars": len(document.text)})
            yield document

    extractor = Extractor(dictionary, relation_ontology, model=model)
    results: list[DocResult] = []
    for result in _with_progress(extractor.process(tracked(), workers=workers), progress):
        if isinstance(result, DocumentError):
            errors.append(result)
            if strict:
                raise InputError(str(result))
            continue
        results.append(result)
    if not documents and not errors:
        raise InputError(f"{corpus}: the corpus holds no documents")
    built = assemble(results, dictionary, relation_ontology)
    built.documents = sorted(documents, key=lambda d: d["id"])
    built.errors = errors
    built.stats.update(
        {
            "failed": len(built.failed),
            "seconds": round(time.perf_counter() - started, 3),
            "model": extractor.model or "auto",
        }
    )
    return built


def _with_progress(stream: Iterable, enabled: bool) -> Iterator:
    if not enabled or not sys.stderr.isatty():
        yield from stream
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} docs"),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("extracting", total=None, rate="")
        start = time.perf_counter()
        for count, item in enumerate(stream, start=1):
            elapsed = max(time.perf_counter() - start, 1e-9)
            bar.update(task, completed=count, rate=f"{count / elapsed:.1f} docs/s")
            yield item


def write_outputs(result: BuildResult, out: str | Path, *, html: bool = True, report: bool = True) -> Path:
    """Write the output folder (see README, "Output contract"); every file atomically."""
    folder = ensure_dir(out)
    graph = result.graph
    write_jsonl(folder / "actors.jsonl", graph.iter_actors())
    write_jsonl(folder / "relations.jsonl", graph.iter_relations())
    write_jsonl(folder / "mentions.jsonl", result.mentions)
    write_jsonl(folder / "documents.jsonl", ({**d, "date": d["date"].isoformat() if d["date"] else None} for d in result.documents))
    write_jsonl(folder / "errors.jsonl", ({"doc": e.doc, "reason": e.reason, "level": "warning" if e.warning else "error"} for e in result.errors))
    if report:
        from diplograph.graph.report import render_report

        write_text(folder / "report.md", render_report(graph, format="md"))
    if html:
        from diplograph.exports.html import write_html

        write_html(graph, folder / "graph.html")
    manifest = {
        "diplograph": __version__,
        "built": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        **result.stats,
    }
    write_text(folder / "manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return folder


def build(
    corpus: str | Path | Iterable[Document],
    *,
    out: str | Path | None = None,
    actors: str | Path | None = None,
    ontology: str | Path | None = None,
    model: str | None = None,
    text_field: str | None = None,
    workers: int = 1,
    strict: bool = False,
    progress: bool = False,
) -> RelationGraph:
    """Extract a RelationGraph from a corpus; with ``out``, also write the output folder.

    >>> g = diplograph.build("examples/")            # doctest: +SKIP
    >>> g.relations(source="Putin", relation="demands")  # doctest: +SKIP
    """
    result = build_result(
        corpus, actors=actors, ontology=ontology, model=model, text_field=text_field,
        workers=workers, strict=strict, progress=progress,
    )
    if out is not None:
        write_outputs(result, out)
    return result.graph


def load(folder: str | Path) -> RelationGraph:
    """Reload a saved build (``actors.jsonl`` + ``relations.jsonl``) without re-parsing."""
    path = Path(folder)
    if not path.is_dir():
        raise InputError(f"{path}: not a build output folder (no such directory)")
    for name in ("actors.jsonl", "relations.jsonl"):
        if not (path / name).is_file():
            raise InputError(f"{path}: not a build output folder ({name} is missing)")
    return RelationGraph.load(path)
