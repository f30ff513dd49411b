"""Input: corpus files, folders, JSONL, CSV and stdin turned into :class:`~diplograph.base.models.Document` streams.

:mod:`.readers` reads the formats (:mod:`.csvrows` the rows of a CSV file), :mod:`.folders`
decides which files of a folder are read, :mod:`.decode` guesses encodings, :mod:`.documents`
builds a Document from raw text, :mod:`.sources` checks what a build was given as its corpus.
"""

from diplograph.corpus.documents import documents_from_texts, make_document, parse_date
from diplograph.corpus.readers import CorpusItem, read_corpus
from diplograph.corpus.sources import corpus_items

__all__ = ["CorpusItem", "read_corpus", "corpus_items", "make_document", "documents_from_texts", "parse_date"]
