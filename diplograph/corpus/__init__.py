"""Input: corpus files, folders, JSONL, CSV and stdin turned into :class:`~diplograph.base.models.Document` streams.

:mod:`.readers` reads the formats, :mod:`.decode` guesses encodings, :mod:`.documents`
builds a Document from raw text.
"""

from diplograph.corpus.documents import documents_from_texts, make_document, parse_date
from diplograph.corpus.readers import CorpusItem, read_corpus

__all__ = ["CorpusItem", "read_corpus", "make_document", "documents_from_texts", "parse_date"]
