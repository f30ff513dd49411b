"""Property-based tests: hostile text never crashes the pipeline, spans stay inside documents, JSONL round trips.

The spaCy model is loaded once for the module (one :class:`Extractor`), and
generated texts mix real actor names and trigger verbs with arbitrary Unicode
(control characters, right-to-left script, emoji, very long tokens) so that
relations are actually produced.
"""

from __future__ import annotations

import datetime as dt
import functools
import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from diplograph.base.errors import DocumentError
from diplograph.corpus.decode import decode_bytes
from diplograph.corpus.documents import make_document
from diplograph.corpus.readers import read_corpus
from diplograph.base.io import read_jsonl, write_jsonl
from diplograph.base.models import Actor, Document, Mention, Relation

FAST = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

ACTORS = ("Putin", "Vladimir Putin", "Trump", "Zelenskyy", "Kyiv", "Moscow", "NATO", "the EU", "Macron",
          "France", "Germany", "Russia", "Ukraine", "Beijing", "the Kremlin", "Erdogan")
VERBS = ("met", "accused", "threatened", "supports", "rejected", "sanctioned", "attacked", "urged",
         "demanded that", "did not meet", "will meet", "might sanction", "negotiated with", "thanked")
ODD = ("\u202e", "\u200f", "\u200b", "\x00", "\x07", "\x1b[31m", "\ufeff", "\u2028", "\u0085", "\t", "\r\n", "\r",
       "😀", "🇺🇦", "👨‍👩‍👧", "שלום", "مرحبا", "Ω≈ç√", "\u0301\u0301", "\ufffd", "'\"<>&", "=cmd|'/c calc'!A1")

sentences = st.builds(
    lambda a, v, b, end: f"{a} {v} {b}{end}",
    st.sampled_from(ACTORS), st.sampled_from(VERBS), st.sampled_from(ACTORS), st.sampled_from((".", "!", "?", "", " ..."))
)
long_tokens = st.builds(lambda c, n: c * n, st.sampled_from("x-.😀ب\u0301"), st.integers(200, 3000))
noise = st.text(st.characters(codec="utf-8"), max_size=40)
pieces = st.one_of(sentences, sentences, sentences, long_tokens, noise, st.sampled_from(ODD))
texts = st.lists(st.tuples(pieces, st.sampled_from((" ", "\n", "\n\n", "", " \u00a0"))), min_size=1, max_size=14).map(
    lambda parts: "".join(p + sep for p, sep in parts)
)


@pytest.fixture(scope="module")
def extractor():
    from diplograph.actors.dictionary import load_dictionary
    from diplograph.extraction.extractor import Extractor
    from diplograph.relations.ontology import load_ontology

    built = Extractor(load_dictionary(), load_ontology())
    built.nlp  # load once
    return built


def _process(extractor, document: Document):
    (result,) = list(extractor.process([document]))
    assert not isinstance(result, DocumentError), result.reason
    return result


def _check_result(document: Document, result) -> None:
    text = document.text
    for relation in result.relations:
        start, end = relation.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == relation.evidence
        assert relation.span in relation.spans
        for other_start, other_end in relation.spans:
            assert 0 <= other_start < other_end <= len(text)
            assert text[other_start:other_end].strip() == text[other_start:other_end]
        assert relation.source != relation.target
        assert relation.doc == document.id
    for mention in result.mentions:
        assert 0 <= mention.span[0] <= mention.span[1] <= len(text)
        assert mention.doc == document.id


@pytest.mark.model
@FAST
@given(text=texts)
def test_hostile_text_never_crashes_and_spans_stay_inside(extractor, text):
    try:
        document = make_document("doc/1", text)
    except ValueError:
        assume(False)
    result = _process(extractor, document)
    _check_result(document, result)


@pytest.mark.model
@FAST
@given(text=texts)
def test_chunked_documents_map_offsets_back(extractor, text):
    """The same invariants when every document is cut into chunks of at most 120 characters."""
    from diplograph.extraction import extractor as extractor_module

    try:
        document = make_document("doc/2", text)
    except ValueError:
        assume(False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extractor_module, "split_document",
                      functools.partial(extractor_module.split_document, max_chars=120))
        result = _process(extractor, document)
    _check_result(document, result)


def test_relations_are_found_at_all(extractor):
    """Guards the properties above against passing vacuously."""
    text = "\u202eשלום 😀\x00\n\nPutin met Trump in Alaska.\n\nNATO accused Russia of aggression. 👨\u200d👩\u200d👧 مرحبا"
    document = make_document("d", text)
    result = _process(extractor, document)
    assert {r.relation for r in result.relations} >= {"meets", "accuses"}
    _check_result(document, result)


# --------------------------------------------------------------------------- readers

@settings(max_examples=200, deadline=None, database=None)
@given(raw=st.binary(max_size=300))
def test_decoding_arbitrary_bytes_gives_text_or_a_value_error(raw):
    try:
        text, warning = decode_bytes(raw)
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(text, str)
    text.encode("utf-8")  # no lone surrogates
    assert warning is None or warning.startswith("not UTF-8")


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.text(st.characters(codec="utf-8", blacklist_characters="\x00")))
def test_utf8_text_decodes_to_itself(text):
    assert decode_bytes(text.encode("utf-8")) == (text.removeprefix("\ufeff"), None)


json_texts = st.text(st.characters(blacklist_categories=()), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.fixed_dictionaries({"id": json_texts, "text": json_texts}), min_size=1, max_size=5))
def test_jsonl_reader_never_lets_surrogates_through(tmp_path, records):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")  # \ud800 escapes survive
    for item in read_corpus(path):
        if isinstance(item, DocumentError):
            assert item.reason in ("empty document (no text)", "empty document id") or "date" in item.reason
            continue
        for value in (item.id, item.title, item.text):
            value.encode("utf-8")
        assert "\r" not in item.text


# --------------------------------------------------------------------------- JSONL round trips

words = st.text(st.characters(codec="utf-8"), max_size=30)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(sorted).map(tuple)
dates = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))

documents = st.builds(Document, id=words.filter(len), title=words, date=dates, text=words)
actors = st.builds(
    Actor,
    id=st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True),
    name=words.filter(len),
    type=st.sampled_from(("person", "state", "organization", "group", "place", "media")),
    country=st.one_of(st.none(), st.from_regex(r"[A-Z]{3}", fullmatch=True)),
    aliases=st.lists(words, max_size=3).map(tuple),
    roles=st.lists(words, max_size=2).map(tuple),
    members=st.lists(words, max_size=2).map(tuple),
    wikidata=st.one_of(st.none(), st.from_regex(r"Q[0-9]{1,9}", fullmatch=True)),
)
mentions = st.builds(
    Mention, actor=words, doc=words, sentence=st.integers(0, 10**6), span=spans, text=words,
    kind=st.sampled_from(("name", "alias", "metonym", "demonym", "title", "pronoun", "description")),
)
relations = st.builds(
    Relation,
    id=words, doc=words, sentence=st.integers(0, 10**6), source=words, target=words,
    relation=st.from_regex(r"[a-z][a-z_]{0,15}", fullmatch=True),
    polarity=st.sampled_from(("asserted", "negated")),
    modality=st.sampled_from(("factual", "planned", "hypothetical")),
    attributed_to=st.one_of(st.none(), words), date=dates, evidence=words, span=spans,
    confidence=st.floats(0.0, 1.0), trigger=st.one_of(st.none(), words), mentions=st.integers(1, 1000),
    spans=st.lists(spans, max_size=3).map(tuple),
)


@pytest.mark.parametrize(("model", "strategy"), [(Document, documents), (Actor, actors), (Mention, mentions),
                                                  (Relation, relations)], ids=["Document", "Actor", "Mention", "Relation"])
def test_jsonl_round_trips_are_exact(tmp_path, model, strategy):
    @settings(max_examples=40, deadline=None, database=None)
    @given(records=st.lists(strategy, max_size=6))
    def round_trip(records):
        path = tmp_path / f"{model.__name__}.jsonl"
        assert write_jsonl(path, records) == len(records)
        back = [model.model_validate(obj) for _, obj in read_jsonl(path)]
        assert back == records
        assert path.read_bytes().count(b"\n") == len(records)  # one line each, whatever the text holds

    round_trip()


@pytest.mark.model
def test_a_chunk_cut_never_splits_a_word_and_spans_start_on_a_word(extractor):
    """Found by the property above: a run of hyphens with no sentence end cut "Vladimir Putin" in
    two, and a span began with a no-break space."""
    from diplograph.extraction import extractor as extractor_module

    text = "Putin met Macron. " + "-" * 200 + " \u00a0Putin met Donald Trump in Alaska. "
    document = make_document("doc/3", text)
    chunks = extractor_module.split_document(document, max_chars=120)
    assert all(not (c.text[-1:].isalpha() and text[o + len(c.text) : o + len(c.text) + 1].isalpha()) for o, c in chunks)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extractor_module, "split_document",
                      functools.partial(extractor_module.split_document, max_chars=120))
        result = _process(extractor, document)
    _check_result(document, result)
    assert {(r.source, r.target) for r in result.relations} == {("vladimir-putin", "emmanuel-macron"),
                                                                ("vladimir-putin", "donald-trump")}
