"""The indexed attribute ruler gives exactly the annotations of spaCy's attribute_ruler."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.nlp.attribute_index import INDEX_NAME, IndexedAttributeRuler, index_attribute_ruler
from diplograph.corpus.readers import read_corpus

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (ROOT / "examples", ROOT / "tests" / "data" / "annotated" / "texts", ROOT.parent / "shared" / "seeds")
#: Written for this test: colloquial forms that only the multi-token and regex rules handle.
ODD = (
    "I ain't gonna sign it, y'all, and they're not gonna make us. Let's go.",
    "Nothin' was agreed; c'mon, it's over. Gotta wait.  \n\n  There is a plan, he said, isn't there?",
    "Whether or not Kyiv agrees, Moscow will have had its say; do you know why?",
)
ATTRS = ["TAG", "POS", "MORPH", "LEMMA", "DEP"]


@pytest.fixture(scope="module")
def model():
    from diplograph.base.errors import ConfigError
    from diplograph.nlp.model import load_model

    try:
        return load_model()
    except ConfigError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def texts():
    found = [d.text for folder in FOLDERS if folder.is_dir() for d in read_corpus(folder)]
    return [*found, *ODD]


def test_same_matches_as_the_original_rules(model, texts):
    ruler = model.get_pipe("attribute_ruler")
    indexed = IndexedAttributeRuler(ruler)
    assert len(indexed._rest) < len(ruler.matcher) / 5  # most rules are looked up, not matched
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(model.pipe(texts))
    assert sum(len(ruler.match(doc)) for doc in docs) > 1000
    for doc in docs:
        assert indexed.match(doc) == ruler.match(doc), doc.text[:60]


def test_the_pipeline_annotates_identically_with_the_index(model, texts):
    before = [doc.to_array(ATTRS) for doc in model.pipe(texts)]
    index_attribute_ruler(model)
    try:
        assert INDEX_NAME in model.pipe_names and "attribute_ruler" not in model.pipe_names
        after = [doc.to_array(ATTRS) for doc in model.pipe(texts)]
        assert index_attribute_ruler(model) is model and model.pipe_names.count(INDEX_NAME) == 1  # idempotent
    finally:
        model.remove_pipe(INDEX_NAME)
        model.enable_pipe("attribute_ruler")
    assert len(after) == len(before)
    for old, new in zip(before, after):
        assert (old == new).all()
