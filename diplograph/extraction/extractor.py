"""Per-document extraction: text → sentences → parse → mentions → actors → relations.

:class:`Extractor` holds the loaded spaCy pipeline, the actor dictionary and
the ontology, and turns each :class:`Document` into a small
:class:`DocResult` (no spaCy objects survive it, so results are cheap to keep,
cache or ship between processes).

How a document goes through it:

1. **cheap pass** — tokenizer, rule-based sentence splitting
   (:mod:`diplograph.nlp.sentences`) and, with ``prefilter=True``, the sentence
   filter (:mod:`diplograph.extraction.prefilter`), which keeps the sentences that can
   hold a relation plus the context actor resolution needs;
2. **parse** — each kept sentence is parsed on its own through ``nlp.pipe``
   (batched over sentences of many documents; the parser keeps the sentence
   boundaries; the model's ``attribute_ruler`` is replaced by the identical,
   faster :mod:`diplograph.nlp.attribute_index`), then the sentences of a
   document are joined back into one Doc;
3. **extraction** — actor resolution and relation extraction run on that
   Doc; character spans and sentence numbers are mapped back to the
   original document.

Documents longer than :data:`~diplograph.extraction.chunks.MAX_CHUNK_CHARS` are processed in chunks cut at
paragraph or sentence boundaries.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from diplograph.actors.dictionary import ActorDictionary
from diplograph.actors.doc_actors import DocActors
from diplograph.actors.recognize import RULER_NAME, add_actor_ruler
from diplograph.actors.resolve import resolve_actors
from diplograph.nlp.attribute_index import index_attribute_ruler
from diplograph.base.errors import DocumentError
from diplograph.base.profile import StageTimes
from diplograph.base.models import Actor, Document, Mention, Relation
from diplograph.extraction.chunks import OffsetMap, mask_for_tokenizer, split_document, without_debris
from diplograph.nlp.model import load_model, resolve_model_name
from diplograph.extraction.prefilter import SentenceFilter
from diplograph.relations.extract import extract_relations
from diplograph.relations.lexicon import Lexicon, default_lexicon
from diplograph.relations.ontology import Ontology
from diplograph.nlp.repair import repair_dangling_objects
from diplograph.nlp.sentences import sentence_bounds

__all__ = ["DocResult", "Extractor", "SENTENCE_BATCH"]

#: Default number of sentences per ``nlp.pipe`` batch (measured: 256 parses
#: faster than whole-document batches of 16; larger batches gain nothing).
SENTENCE_BATCH = 256
#: Pipes of the model the extractor does not use (sentences are split by rules).
_UNUSED_PIPES = ("senter",)


@dataclass
class DocResult:
    """Everything extracted from one document."""

    doc: str
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sentences: int = 0
    words: int = 0
    parsed: int = 0
    #: What actor resolution learned for the corpus-wide merge (``DocActors.learned``: dated roles, office placeholders).
    learned: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (what the cache stores)."""
        return {
            "doc": self.doc,
            "actors": [a.model_dump(mode="json") for a in self.actors.values()],
            "mentions": [m.model_dump(mode="json") for m in self.mentions],
            "relations": [r.model_dump(mode="json") for r in self.relations],
            "sentences": self.sentences,
            "words": self.words,
            "parsed": self.parsed,
            "learned": self.learned,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocResult:
        """Rebuild a result from :meth:`to_dict` output (validated)."""
        actors = [Actor.model_validate(a) for a in data["actors"]]
        return cls(
            doc=data["doc"],
            actors={a.id: a for a in actors},
            mentions=[Mention.model_validate(m) for m in data["mentions"]],
            relations=[Relation.model_validate(r) for r in data["relations"]],
            sentences=int(data["sentences"]),
            words=int(data["words"]),
            parsed=int(data.get("parsed", data["sentences"])),
            learned=[dict(x) for x in data.get("learned", ())],
        )


@dataclass
class _Unit:
    """One chunk of a document on its way through the parser."""

    chunk: Document
    offset: int
    sentences: int
    words: int
    kept: list[int]  # indices of the parsed sentences
    starts: list[int]  # their character offsets in the chunk
    docs: list[Doc]  # unparsed sentence Docs, handed to nlp.pipe
    parsed: list[Doc] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return len(self.parsed) == len(self.kept)


@dataclass
class _Job:
    """One document: its chunks, and whether all of them have been queued."""

    document: Document
    units: list[_Unit] = field(default_factory=list)
    queued: bool = False
    error: str | None = None

    @property
    def complete(self) -> bool:
        return self.queued and all(unit.complete for unit in self.units)


class Extractor:
    """Runs the spaCy pipeline and the actor and relation steps over documents.

    Args:
        dictionary: the actor dictionary.
        ontology: the relation ontology.
        model: spaCy model package name (None/"auto" = first installed).
        batch_size: sentences per ``nlp.pipe`` batch.
        prefilter: parse only the sentences that can hold a relation, with
            their context (see :mod:`diplograph.extraction.prefilter`); results are the
            same, only faster.
        lexicon: the relation lexicon (default: built-in).

    An Extractor pickles without its loaded model (for worker processes and
    Dask workers, which load it once on first use).
    """

    def __init__(
        self,
        dictionary: ActorDictionary,
        ontology: Ontology,
        *,
        model: str | None = None,
        batch_size: int = SENTENCE_BATCH,
        prefilter: bool = True,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.dictionary = dictionary
        self.ontology = ontology
        self.model = model
        self.batch_size = max(1, int(batch_size))
        self.prefilter = prefilter
        self.lexicon = lexicon or default_lexicon()
        self._nlp: Language | None = None
        self._filter: SentenceFilter | None = None
        self._preset_ents = False

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_nlp"] = None
        state["_filter"] = None
        state["_preset_ents"] = False
        return state

    @property
    def model_name(self) -> str:
        """The installed model package this extractor uses."""
        return resolve_model_name(self.model)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline with the actor ruler (loaded on first use)."""
        if self._nlp is None:
            nlp = load_model(self.model, exclude=_UNUSED_PIPES)
            index_attribute_ruler(nlp)
            add_actor_ruler(nlp, self.dictionary)
            self._preset_ents = _local_ruler(nlp.get_pipe(RULER_NAME))
            self._nlp = nlp
        return self._nlp

    def release_model(self) -> None:
        """Drop the loaded pipeline and sentence filter (loaded again on next use)."""
        self._nlp = None
        self._filter = None
        self._preset_ents = False

    @property
    def sentence_filter(self) -> SentenceFilter:
        """The sentence filter (built on first use)."""
        if self._filter is None:
            self._filter = SentenceFilter(self.dictionary, self.lexicon, self.nlp)
        return self._filter

    def process(
        self, documents: Iterable[Document], times: StageTimes | None = None
    ) -> Iterator[DocResult | DocumentError]:
        """Yield one result (or error) per document, in input order, in this process.

        ``times`` receives the seconds spent per stage (model load, tokenize and filter,
        parse, joining sentences, actor resolution, relation extraction, mapping back).
        """
        yield from self._stream(documents, times if times is not None else StageTimes())

    def process_batch(
        self, documents: Iterable[Document], times: StageTimes | None = None
    ) -> list[DocResult | DocumentError]:
        """Process a batch of documents in this process and return their results in order."""
        return list(self._stream(documents, times if times is not None else StageTimes()))

    # -- streaming --------------------------------------------------------------------------------

    def _stream(self, documents: Iterable[Document], times: StageTimes) -> Iterator[DocResult | DocumentError]:
        with times.stage("model load"):
            nlp = self.nlp
            self.sentence_filter  # noqa: B018 - built now, so its time is not counted as filtering
        pending: deque[_Job] = deque()

        def sentences() -> Iterator[tuple[Doc, _Unit]]:
            for document in documents:
                job = _Job(document)
                pending.append(job)
                try:
                    with times.stage("tokenize and filter"):
                        units = [self._prepare(chunk, offset) for offset, chunk in split_document(document)]
                except Exception as exc:  # one bad document never stops the run
                    job.error = f"extraction failed: {type(exc).__name__}: {exc}"
                    units = []
                job.units = units
                job.queued = True
                for unit in units:
                    docs, unit.docs = unit.docs, []
                    for doc in docs:
                        yield doc, unit

        skip = [RULER_NAME] if self._preset_ents else []
        parsed = nlp.pipe(sentences(), as_tuples=True, batch_size=self.batch_size, disable=skip)
        while True:
            with times.stage("parse"):  # reading and the cheap pass run inside, as stages of their own
                item = next(parsed, None)
            if item is None:
                break
            doc, unit = item
            repair_dangling_objects(doc)  # "strikes on *IS* in the town": IS read as a verb
            unit.parsed.append(doc)
            while pending and pending[0].complete:
                yield self._finish(pending.popleft(), times)
        while pending:
            yield self._finish(pending.popleft(), times)

    def _prepare(self, chunk: Document, offset: int) -> _Unit:
        """The cheap pass over one chunk: tokens, sentences, actor ruler, filter, unparsed sentence Docs.

        The actor ruler runs once over the whole chunk; its entities are set on
        each sentence Doc, so the pipeline skips the ruler (see :func:`_local_ruler`).
        """
        nlp = self.nlp
        text = chunk.text
        tokens = nlp.tokenizer(mask_for_tokenizer(text))
        bounds = sentence_bounds(tokens)
        ruler = nlp.get_pipe(RULER_NAME)
        matches = list(ruler(tokens).ents) if self.prefilter or self._preset_ents else []
        ent_starts = [ent.start for ent in matches]
        kept = self.sentence_filter.select(tokens, bounds, matches) if self.prefilter else list(range(len(bounds)))
        words = sum(1 for token in tokens if not (token.is_punct or token.is_space))
        docs, starts = [], []
        for index in kept:
            start, end = bounds[index]
            span = tokens[start:end]
            starts.append(span.start_char)
            doc = Doc(
                nlp.vocab,
                words=[text[t.idx : t.idx + len(t)] for t in span],
                spaces=[bool(t.whitespace_) for t in span],
                sent_starts=[True] + [False] * (len(span) - 1),
            )
            for new, old in zip(doc, span):  # keep tokenizer norms ("n't" for "n’t")
                if new.text == old.text:
                    new.norm_ = old.norm_
            if self._preset_ents:
                _preset_entities(doc, matches, ent_starts, start, end, ruler)
            docs.append(doc)
        return _Unit(chunk, offset, len(bounds), words, kept, starts, docs)

    def _finish(self, job: _Job, times: StageTimes) -> DocResult | DocumentError:
        document = job.document
        if job.error is not None:
            return DocumentError(document.id, job.error)
        result = DocResult(doc=document.id)
        sentence_base = 0
        try:
            for unit in job.units:
                self._annotate(unit, sentence_base, result, times)
                sentence_base += unit.sentences
                unit.parsed = []
        except Exception as exc:  # one bad document never stops the run
            return DocumentError(document.id, f"extraction failed: {type(exc).__name__}: {exc}")
        return result

    def _annotate(self, unit: _Unit, sentence_base: int, result: DocResult, times: StageTimes) -> None:
        result.sentences += unit.sentences
        result.words += unit.words
        result.parsed += len(unit.kept)
        if not unit.parsed:
            return
        with times.stage("joining sentences"):
            doc = Doc.from_docs(unit.parsed, ensure_whitespace=False)
        chunk = unit.chunk
        with times.stage("actor resolution"):
            doc_actors = resolve_actors(
                doc, chunk, self.dictionary, speech_verbs=self.lexicon.speech_verbs, learned=result.learned
            )
        with times.stage("relation extraction"):
            relations = list(extract_relations(doc, doc_actors, chunk, ontology=self.ontology, lexicon=self.lexicon))
        with times.stage("mapping back"):
            self._map_back(unit, sentence_base, result, doc, doc_actors, relations)

    def _map_back(
        self, unit: _Unit, sentence_base: int, result: DocResult, doc: Doc, doc_actors: DocActors, relations: list[Relation]
    ) -> None:
        """Add the chunk's actors, mentions and relations to ``result``, with spans and sentences of the document."""
        chunk = unit.chunk
        remap = OffsetMap(doc, unit.parsed, unit.starts, unit.kept, unit.offset, sentence_base)
        for actor_id, actor in doc_actors.actors.items():
            result.actors.setdefault(actor_id, actor)
        for mention in doc_actors.mentions:
            result.mentions.append(
                mention.model_copy(
                    update={"span": remap.span(mention.span), "sentence": remap.sentence(mention.sentence)}
                )
            )
        for relation in relations:
            start, end = without_debris(chunk.text, *remap.span(relation.span), unit.offset)
            result.relations.append(
                relation.model_copy(
                    update={
                        "span": (start, end),
                        "spans": tuple(without_debris(chunk.text, *remap.span(s), unit.offset) for s in relation.spans),
                        "sentence": remap.sentence(relation.sentence),
                        # the document's own characters (the parsed text has scraper debris masked)
                        "evidence": chunk.text[start - unit.offset : end - unit.offset],
                    }
                )
            )


def _local_ruler(ruler: object) -> bool:
    """True when the actor ruler only matches token texts, so running it once on the whole text is exact."""
    return (
        isinstance(ruler, EntityRuler)
        and not ruler.token_patterns
        and ruler.phrase_matcher_attr in (None, "ORTH", "TEXT", "LOWER", "NORM")
    )


def _preset_entities(
    doc: Doc, matches: list[Span], ent_starts: list[int], start: int, end: int, ruler: EntityRuler
) -> None:
    """Give the sentence ``doc`` (tokens ``[start, end)`` of the chunk) the ruler's entities inside it.

    A ruler entity crossing the sentence boundary could have hidden a match
    inside the sentence; such sentences get the ruler run on them instead.
    """
    inside = []
    for ent in matches[max(0, bisect_right(ent_starts, start) - 1) :]:
        if ent.start >= end:
            break
        if ent.end <= start:
            continue
        if ent.start < start or ent.end > end:
            ruler(doc)
            return
        inside.append(Span(doc, ent.start - start, ent.end - start, label=ent.label, span_id=ent.id))
    doc.ents = inside
