"""Per-document extraction: text → sentence Docs → parse → actors → relations (:mod:`.extractor`),
with the sentence filter that decides what is parsed (:mod:`.prefilter`). Knows nothing of processes."""
