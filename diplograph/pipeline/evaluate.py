"""Evaluation runs: build the annotated documents of a corpus and score them against gold lines.

This is what ``diplograph evaluate`` runs. Only the documents the gold file
annotates (plus those listed with ``docs``) are built, so a gold file over a
few articles of a large corpus JSONL is scored in seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from diplograph.base.errors import DocumentError, InputError
from diplograph.base.models import Document
from diplograph.corpus.readers import CorpusItem
from diplograph.corpus.sources import corpus_items
from diplograph.pipeline.build import build_result
from diplograph.pipeline.options import BuildOptions
from diplograph.relations.evaluate import EvalResult, doc_key, load_gold, read_doc_ids, score
from diplograph.relations.ontology import load_ontology

__all__ = ["evaluate"]


def _annotated(items: Iterable[CorpusItem], wanted: set[str], found: set[str]) -> Iterator[CorpusItem]:
    for item in items:
        if isinstance(item, DocumentError):
            yield item
            continue
        key = doc_key(item.id, wanted)
        if key is not None:
            found.add(key)
            yield item


def evaluate(
    gold_path: str | Path,
    corpus: str | Path | Iterable[Document],
    *,
    docs: str | Path | Iterable[str] | None = None,
    options: BuildOptions | None = None,
    **settings: Any,
) -> EvalResult:
    """Build the annotated documents of ``corpus`` and score them against the gold file.

    Args:
        gold_path: the gold JSON Lines file.
        corpus: a corpus path (file, folder, JSONL, CSV) or Document objects.
        docs: further annotated documents (ids, or a file of ids one a line) that
            have no gold line; their predictions count as wrong.
        options: build options (``actors``, ``ontology``, ``lexicon``, ``model``, ...).
        **settings: build options as keywords.

    Raises:
        InputError: a gold document is not in the corpus, or the gold file is invalid.
    """
    opts = BuildOptions.of(options, **settings)
    ontology = load_ontology(opts.ontology)
    gold = load_gold(gold_path, ontology=ontology)
    extra = read_doc_ids(docs) if isinstance(docs, (str, Path)) else set(docs or ())
    wanted = {line.doc for line in gold} | extra
    found: set[str] = set()
    items = corpus_items(corpus, text_field=opts.text_field, follow_symlinks=opts.follow_symlinks)
    result = build_result(_annotated(items, wanted, found), opts)
    missing = sorted(wanted - found)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise InputError(f"{corpus}: the corpus lacks {len(missing)} annotated document(s): {shown}")
    graph = result.graph
    return score(gold, graph.iter_relations(), graph.iter_actors(), ontology=ontology, docs=extra)
