"""The Python API given the wrong thing (issue 17, item 6, pipeline and corpus parts): one clear line,
never a traceback, and one bad document never costs the others."""

from __future__ import annotations

import json

import pytest

import diplograph
from diplograph.base.errors import ConfigError, DiplographError, InputError
from diplograph.base.models import Document

EXPECTED = "a path (a .txt file, a folder, a .jsonl or .csv file, or '-') or Document objects"
FOR_TEXTS = "for texts in memory use diplograph.corpus.documents_from_texts(...)"

BAD_CORPORA = [
    ("None", None, f"corpus: expected {EXPECTED}, got None"),
    ("a number", 42, f"corpus: expected {EXPECTED}, got an int"),
    ("a float", 3.5, f"corpus: expected {EXPECTED}, got a float"),
    ("a dict", {"a.txt": "Putin met Trump."}, f"corpus: expected {EXPECTED}, got a dict; {FOR_TEXTS}"),
    ("bytes", b"Putin met Trump.", f"corpus: expected {EXPECTED}, got bytes"),
    ("a list of strings", ["Putin met Trump.", "Xi met Lula."], f"corpus: expected {EXPECTED}, got a list of str; {FOR_TEXTS}"),
    ("text instead of a path", "Putin met Trump.\nXi met Lula.\n",
     f"corpus: expected {EXPECTED}, got a text of 30 characters; {FOR_TEXTS}"),
    ("an object", object(), f"corpus: expected {EXPECTED}, got an object"),
]


@pytest.mark.parametrize(("case", "corpus", "message"), BAD_CORPORA, ids=[c[0] for c in BAD_CORPORA])
def test_a_corpus_of_the_wrong_type_is_one_clear_line(tmp_path, case, corpus, message):
    with pytest.raises(InputError) as caught:
        diplograph.build(corpus)
    assert str(caught.value) == message
    assert not (tmp_path / "out").exists()


def test_a_missing_path_names_the_path():
    with pytest.raises(InputError, match=r"^nope-not-here: no such file or directory$"):
        diplograph.build("nope-not-here")


def test_workers_zero_is_a_config_error_naming_the_option():
    with pytest.raises(ConfigError) as caught:
        diplograph.build([Document(id="a", text="Putin met Trump.")], workers=0)
    assert str(caught.value) == "build option workers: Input should be greater than or equal to 1 (got 0)"
    with pytest.raises(ConfigError, match=r"^build option workers: Input should be a valid integer"):
        diplograph.build("examples", workers="two")
    assert isinstance(caught.value, DiplographError)


@pytest.mark.model
def test_a_lone_surrogate_in_document_text_costs_nothing(tmp_path):
    documents = [
        Document(id="bad", title="T\udfff", text="Putin met Trump in Alaska. \ud83d Xi met Lula."),
        Document(id="good", text="Macron met Zelenskyy in Paris."),
    ]
    graph = diplograph.build(documents, out=tmp_path / "out")  # the cache key hashes the text: no UnicodeEncodeError
    relations = graph.relations()
    assert set(relations["doc"]) == {"bad", "good"}
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text("utf-8").splitlines()]
    assert errors == [{"doc": "bad", "level": "warning", "reason": (
        "lone surrogate characters in its title and text replaced with U+FFFD (they cannot be written as UTF-8)")}]
    again = diplograph.build(documents, out=tmp_path / "out")  # from the cache this time
    assert len(again.relations()) == len(relations)


@pytest.mark.model
def test_a_non_document_in_an_iterable_costs_only_itself():
    from diplograph.pipeline.build import build_result

    result = build_result(iter([Document(id="a", text="Putin met Trump in Alaska."), 42, None,
                                Document(id="b", text="Macron met Zelenskyy in Paris.")]))
    assert {r.doc for r in result.graph.iter_relations()} == {"a", "b"}
    assert [(e.doc, e.reason) for e in result.errors] == [
        ("corpus item 2", "not a Document but an int; skipped"), ("corpus item 3", "not a Document but None; skipped"),
    ]
