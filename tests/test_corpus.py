"""Corpus readers: every input kind, dates, and bad documents that do not stop the others."""

import datetime as dt
import io
import json

import pytest

from diplograph.base.errors import DocumentError
from diplograph.corpus.documents import make_document
from diplograph.corpus.readers import read_corpus
from diplograph.base.errors import InputError


def _docs(items):
    return [i for i in items if not isinstance(i, DocumentError)]


def _errors(items):
    return [i for i in items if isinstance(i, DocumentError)]


def test_txt_file_with_date_line_keeps_offsets(tmp_path):
    path = tmp_path / "brief.txt"
    text = "date 2025-08-12\nTrump meets Putin\n\nTrump met Putin in Alaska.\n"
    path.write_text(text, encoding="utf-8")
    (doc,) = list(read_corpus(path))
    assert doc.id == "brief.txt"
    assert doc.date == dt.date(2025, 8, 12)
    assert doc.title == "Trump meets Putin"
    assert len(doc.text) == len(text)  # the marker is blanked, not removed
    assert doc.text.index("Trump met Putin") == text.index("Trump met Putin")
    assert "2025" not in doc.text


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Kyiv thanked Berlin.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Paris hosted Kyiv.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    ids = [d.id for d in _docs(read_corpus(tmp_path))]
    assert ids == ["b/two.txt", "one.txt"]


def test_jsonl_with_ids_titles_dates_and_a_broken_line(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "n1", "title": "Call", "date": "2025-08-13T09:00:00Z", "text": "Macron called Trump."}),
        "{broken",
        json.dumps({"text": "Merz met Zelenskyy."}),
        json.dumps({"id": "n3", "body": "no text key here"}) if False else json.dumps({"id": "n3", "txt": "x"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_corpus(path))
    docs = _docs(items)
    assert [d.id for d in docs] == ["n1", "news.jsonl#3"]
    assert docs[0].date == dt.date(2025, 8, 13) and docs[0].title == "Call"
    errors = {e.doc: e.reason for e in _errors(items)}
    assert "broken JSON line" in errors["news.jsonl:2"]
    assert "no text field" in errors["news.jsonl:4"] and "txt" in errors["news.jsonl:4"]


def test_csv_with_date_column(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('id,date,title,text\nc1,2025-09-04,Paris,"The coalition met in Paris, with Zelenskyy."\n'
                    'c2,,Nodate,"Russia shelled Kharkiv."\n', encoding="utf-8")
    docs = _docs(read_corpus(path))
    assert [(d.id, d.date, d.title) for d in docs] == [("c1", dt.date(2025, 9, 4), "Paris"), ("c2", None, "Nodate")]
    assert docs[0].text == "The coalition met in Paris, with Zelenskyy."


def test_csv_without_text_column_names_the_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,headline\n1,Something\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv: no text column .*columns are: id, headline"):
        list(read_corpus(path))


def test_stdin(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO("date 2025-07-30\nZelensky urged the U.S. to act.".encode())

    monkeypatch.setattr("sys.stdin", FakeStdin())
    (doc,) = list(read_corpus("-"))
    assert doc.id == "stdin" and doc.date == dt.date(2025, 7, 30)


def test_missing_path_and_empty_directory(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        list(read_corpus(tmp_path / "nope"))
    with pytest.raises(InputError, match="holds no"):
        list(read_corpus(tmp_path))


def test_bom_crlf_latin1_binary_and_empty_files(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffKyiv thanked Paris.\r\nSecond line.".encode("utf-8"))
    (tmp_path / "latin.txt").write_bytes("Le président français a rencontré Zelensky à l'Élysée.".encode("latin-1"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    items = list(read_corpus(tmp_path))
    docs = {d.id: d for d in _docs(items)}
    errors = {(e.doc, e.warning): e.reason for e in _errors(items)}
    assert docs["bom.txt"].text == "Kyiv thanked Paris.\nSecond line."
    assert "Élysée" in docs["latin.txt"].text
    assert "decoded as" in errors[("latin.txt", True)]
    assert "binary" in errors[("bin.txt", False)]
    assert "empty" in errors[("empty.txt", False)]


def test_make_document_prefers_metadata_date_and_rejects_bad_dates():
    doc = make_document("x", "date 2025-01-01\nBody", date="2025-02-02")
    assert doc.date == dt.date(2025, 2, 2)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        make_document("x", "Body", date="yesterday")
