"""Hostile text must not stall a build: runs of characters the tokenizer keeps splitting.

spaCy's tokenizer peels prefixes and suffixes off a whitespace-free run one at
a time, which is quadratic in the run's length: 8,000 quote marks or emoji
take ~20 s, a 100,000-character run most of an hour. A corpus can hold such
runs (scraped pages, emoji floods), so extraction must stay fast on them and
still find the relations around them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

SCRIPT = textwrap.dedent("""
    import json, sys
    from diplograph.actors.dictionary import load_dictionary
    from diplograph.corpus.documents import make_document
    from diplograph.extraction.extractor import Extractor
    from diplograph.relations.ontology import load_ontology

    extractor = Extractor(load_dictionary(), load_ontology())
    texts = json.loads(sys.stdin.read())
    documents = [make_document(f"d{i}", text) for i, text in enumerate(texts)]
    found = []
    for document, result in zip(documents, extractor.process(documents)):
        relations = getattr(result, "relations", [])
        found.append([[r.relation, document.text[r.span[0]:r.span[1]] == r.evidence] for r in relations])
    print(json.dumps(found))
""")


def test_long_runs_of_split_characters_do_not_stall_extraction():
    texts = []
    for char in ('"', "😀", "("):
        texts += [char * 40_000 + "\n\nPutin met Trump in Alaska.\n", "NATO accused Russia. " + char * 30_000]
    try:
        process = subprocess.run([sys.executable, "-c", SCRIPT], input=json.dumps(texts), capture_output=True,
                                 text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("extracting 40,000-character runs of quotes, emoji or brackets took over 60 s (quadratic tokenizer)")
    assert process.returncode == 0, process.stderr
    found = json.loads(process.stdout)
    for index in range(0, len(texts), 2):
        assert ["meets", True] in found[index], texts[index][:1]
        assert ["accuses", True] in found[index + 1], texts[index][:1]
