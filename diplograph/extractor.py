"""Per-document extraction: text → Doc → mentions → actors → relations.

:class:`Extractor` holds the loaded spaCy pipeline, the actor dictionary and
the ontology, and turns each :class:`Document` into a small
:class:`DocResult` (no spaCy objects survive it, so results are cheap to keep,
cache or ship between processes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from diplograph.actors.dictionary import ActorDictionary
from diplograph.actors.recognize import add_actor_ruler
from diplograph.actors.resolve import resolve_actors
from diplograph.corpus import DocumentError
from diplograph.models import Actor, Document, Mention, Relation
from diplograph.nlp import load_model
from diplograph.relations.dedupe import merge_duplicates
from diplograph.relations.extract import extract_relations
from diplograph.relations.ontology import Ontology

__all__ = ["DocResult", "Extractor", "split_document", "MAX_CHUNK_CHARS"]

#: Documents longer than this are processed in chunks cut at paragraph or
#: sentence boundaries (spaCy's own limit is 1,000,000 characters).
MAX_CHUNK_CHARS = 100_000
_BOUNDARY = re.compile(r"\n\s*\n|(?<=[.!?])\s+")


@dataclass
class DocResult:
    """Everything extracted from one document."""

    doc: str
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sentences: int = 0
    words: int = 0


def split_document(document: Document, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, Document]]:
    """Split a long document into ``(offset, chunk)`` pairs no longer than ``max_chars``.

    Cuts fall on paragraph breaks, else sentence ends, else hard at ``max_chars``.
    Each chunk keeps the document's id, title and date.
    """
    text = document.text
    if len(text) <= max_chars:
        return [(0, document)]
    chunks: list[tuple[int, Document]] = []
    start = 0
    while start < len(text):
        end = min(start + max_chars, len(text))
        if end < len(text):
            cut = None
            for match in _BOUNDARY.finditer(text, start + max_chars // 2, end):
                cut = match.end()
            end = cut or end
        chunks.append((start, document.model_copy(update={"text": text[start:end]})))
        start = end
    return chunks


def _shift(span: tuple[int, int], offset: int) -> tuple[int, int]:
    return (span[0] + offset, span[1] + offset)


class Extractor:
    """Runs the spaCy pipeline and the actor and relation steps over documents.

    Args:
        dictionary: the actor dictionary.
        ontology: the relation ontology.
        model: spaCy model package name (None/"auto" = first installed).
        batch_size: documents per ``nlp.pipe`` batch.
    """

    def __init__(
        self, dictionary: ActorDictionary, ontology: Ontology, *, model: str | None = None, batch_size: int = 16
    ) -> None:
        self.dictionary = dictionary
        self.ontology = ontology
        self.model = model
        self.batch_size = batch_size
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline with the actor ruler (loaded on first use)."""
        if self._nlp is None:
            nlp = load_model(self.model)
            add_actor_ruler(nlp, self.dictionary)
            self._nlp = nlp
        return self._nlp

    def process(self, documents: Iterable[Document], *, workers: int = 1) -> Iterator[DocResult | DocumentError]:
        """Yield one result (or error) per document, in input order."""

        def chunks() -> Iterator[tuple[str, tuple[Document, int, int]]]:
            for document in documents:
                parts = split_document(document)
                for number, (offset, chunk) in enumerate(parts):
                    yield chunk.text, (chunk, offset, len(parts) - number - 1)

        pending: DocResult | None = None
        failed: DocumentError | None = None
        sentence_base = 0
        stream = self.nlp.pipe(chunks(), as_tuples=True, batch_size=self.batch_size, n_process=workers)
        for doc, (chunk, offset, remaining) in stream:
            if pending is None:
                pending, failed, sentence_base = DocResult(doc=chunk.id), None, 0
            if failed is None:
                try:
                    self._annotate(doc, chunk, offset, sentence_base, pending)
                    sentence_base = pending.sentences
                except Exception as exc:  # one bad document never stops the run
                    failed = DocumentError(chunk.id, f"extraction failed: {type(exc).__name__}: {exc}")
            if remaining == 0:
                if failed is not None:
                    yield failed
                else:
                    pending.relations = merge_duplicates(pending.relations)
                    yield pending
                pending = None

    def _annotate(self, doc, chunk: Document, offset: int, sentence_base: int, result: DocResult) -> None:
        doc_actors = resolve_actors(doc, chunk, self.dictionary)
        relations = list(extract_relations(doc, doc_actors, chunk, ontology=self.ontology))
        result.sentences += sum(1 for _ in doc.sents)
        result.words += sum(1 for token in doc if not token.is_punct and not token.is_space)
        for actor_id, actor in doc_actors.actors.items():
            result.actors.setdefault(actor_id, actor)
        if offset == 0 and sentence_base == 0:
            result.mentions.extend(doc_actors.mentions)
            result.relations.extend(relations)
            return
        for mention in doc_actors.mentions:
            result.mentions.append(
                mention.model_copy(
                    update={"span": _shift(mention.span, offset), "sentence": mention.sentence + sentence_base}
                )
            )
        for relation in relations:
            result.relations.append(
                relation.model_copy(
                    update={
                        "span": _shift(relation.span, offset),
                        "spans": tuple(_shift(s, offset) for s in relation.spans),
                        "sentence": relation.sentence + sentence_base,
                    }
                )
            )
