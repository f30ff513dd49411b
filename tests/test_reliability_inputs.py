"""Bad input, table-driven: every case gets one clear message and never costs the good documents.

The first half runs the readers and loaders alone (no model, fast). The second
half builds real corpora that mix good and bad files and checks the good
documents' relations are exactly those of a build of the good files alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from diplograph.base.errors import DocumentError
from diplograph.corpus.decode import decode_bytes
from diplograph.corpus.documents import make_document
from diplograph.corpus.readers import read_corpus
from diplograph.base.errors import InputError

GOOD = {
    "good/alaska.txt": "date 2025-08-15\nPutin met Trump in Alaska on Friday.\n",
    "good/kyiv.txt": "date 2025-08-20\nZelenskyy accused Russia of shelling Kharkiv overnight.\n",
    "good/paris.txt": "Macron met Zelenskyy in Paris. France supports Ukraine.\n",
}


def _split(items):
    docs = {i.id: i for i in items if not isinstance(i, DocumentError)}
    errors = {i.doc: i for i in items if isinstance(i, DocumentError)}
    return docs, errors


def _write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


# --------------------------------------------------------------------------- per-document problems

CYRILLIC = "Путин встретился с Трампом на Аляске."
FRENCH = "Le président français a rencontré Zelensky à l'Élysée."

# (file name, bytes, expected document text or None when the document is lost, expected message)
DOCUMENT_CASES = [
    ("empty.txt", b"", None, "empty document (no text)"),
    ("blank.txt", b" \n\t\r\n", None, "empty document (no text)"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", None, "binary file (contains NUL bytes), not text"),
    ("cp1251.txt", CYRILLIC.encode("cp1251"), CYRILLIC, "not UTF-8; decoded as cp1251"),
    ("koi8.txt", "Зеленский".encode("koi8_r"), "Зеленский", "not UTF-8; decoded as koi8_r"),
    ("latin1.txt", FRENCH.encode("latin-1"), FRENCH, "not UTF-8; decoded as cp1252"),
    ("cafe.txt", "Café".encode("latin-1"), "Café", "not UTF-8; decoded as cp1252"),
    ("polish.txt", "Gdańsk przyjął delegację z Łodzi.".encode("cp1250"), "Gdańsk przyjął delegację z Łodzi.",
     "not UTF-8; decoded as cp1250"),
    ("utf16.txt", "Trump met Putin.".encode("utf-16"), "Trump met Putin.", "decoded as utf-16-le (byte order mark)"),
    ("utf16nobom.txt", "Trump met Putin.".encode("utf-16-le"), "Trump met Putin.", "not UTF-8; decoded as utf-16-le"),
    ("crlf.txt", b"Kyiv thanked Paris.\r\nBerlin agreed.\r\n", "Kyiv thanked Paris.\nBerlin agreed.\n", None),
    ("oldmac.txt", b"Kyiv thanked Paris.\rBerlin agreed.", "Kyiv thanked Paris.\nBerlin agreed.", None),
    ("bom.txt", "\ufeffKyiv thanked Paris.".encode("utf-8"), "Kyiv thanked Paris.", None),
]


@pytest.mark.parametrize(("name", "raw", "text", "message"), DOCUMENT_CASES, ids=[c[0] for c in DOCUMENT_CASES])
def test_bad_document_is_reported_and_the_others_are_kept(tmp_path, name, raw, text, message):
    _write(tmp_path, {**GOOD, name: raw})
    docs, errors = _split(list(read_corpus(tmp_path)))
    assert set(GOOD) <= set(docs)
    for good_name, good_text in GOOD.items():
        assert docs[good_name].text.strip().endswith(good_text.strip().split("\n")[-1])
    if text is None:
        assert name not in docs
        assert errors[name].reason == message and not errors[name].warning
    else:
        assert docs[name].text == text
        assert "\r" not in docs[name].text and "\ufeff" not in docs[name].text
        if message is None:
            assert name not in errors
        else:
            assert message in errors[name].reason and errors[name].warning
    assert str(errors[name]) == f"{name}: {errors[name].reason}" if name in errors else True


def test_random_bytes_without_nul_are_not_taken_for_text():
    noise = bytes(range(1, 32)) * 40 + bytes(range(127, 160)) * 40
    with pytest.raises(ValueError, match=r"cannot detect the text encoding \(binary file\?\)"):
        decode_bytes(noise)


def test_crlf_offsets_point_into_the_normalised_text(tmp_path):
    _write(tmp_path, {"a.txt": b"date 2025-08-15\r\nTitle\r\n\r\nPutin met Trump.\r\n"})
    (doc,) = read_corpus(tmp_path / "a.txt")
    start = doc.text.index("Putin")
    assert doc.text[start : start + len("Putin met Trump.")] == "Putin met Trump."
    assert doc.title == "Title" and str(doc.date) == "2025-08-15"


# --------------------------------------------------------------------------- JSONL and CSV

def test_jsonl_broken_lines_name_the_line_and_the_rest_is_read(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Putin met Trump in Alaska."}),
        '{"id": "b", "text": "unterminated',
        "[1, 2]",
        "[" * 100_000,
        json.dumps({"id": "c", "title": "x"}),
        json.dumps({"id": "d", "text": 42}),
        json.dumps({"id": "e", "text": "Kyiv \ud800 thanked Paris.", "date": "2025-09-01"}),
        json.dumps({"id": "f", "text": "Merz met Macron.", "date": "last week"}),
        json.dumps({"id": "g", "text": "Zelenskyy thanked Berlin."}),
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _split(list(read_corpus(path)))
    assert sorted(docs) == ["a", "e", "f", "g"]  # a bad date costs the date, not the document
    assert errors["news.jsonl:2"].reason == "broken JSON line (Unterminated string starting at column 21); skipped"
    assert errors["news.jsonl:3"].reason == "expected a JSON object, got list"
    assert errors["news.jsonl:4"].reason == "JSON nested too deeply; skipped"
    assert errors["news.jsonl:5"].reason == "no text field (looked for text, body, content, article; found id, title)"
    assert errors["news.jsonl:6"].reason == "field 'text' is not a string but int"
    assert errors["news.jsonl:8"].reason == "date 'last week' is not in YYYY-MM-DD form; the document is kept, undated"
    assert errors["news.jsonl:8"].warning and docs["f"].date is None
    assert docs["e"].text == "Kyiv \ufffd thanked Paris."  # a lone surrogate can never reach the UTF-8 outputs
    json.dumps(docs["e"].model_dump(mode="json"), ensure_ascii=False).encode("utf-8")


def test_jsonl_in_a_legacy_encoding_warns_once(tmp_path):
    path = tmp_path / "old.jsonl"
    rows = [{"id": f"n{i}", "text": f"{FRENCH} ({i})"} for i in range(3)]
    path.write_bytes(b"\n".join(json.dumps(r, ensure_ascii=False).encode("cp1252") for r in rows))
    items = list(read_corpus(path))
    docs, errors = _split(items)
    assert [d.text for d in docs.values()] == [r["text"] for r in rows]
    assert [e.doc for e in items if isinstance(e, DocumentError)] == ["old.jsonl:1"]
    assert errors["old.jsonl:1"].warning
    assert errors["old.jsonl:1"].reason.startswith("not UTF-8; decoded as cp1252 (first such line")


def test_csv_without_text_column_names_the_existing_columns(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("id,headline,published\n1,Talks resume,2025-08-01\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_corpus(path))
    assert str(caught.value) == (
        f"{path}: no text column (looked for text, body, content, article; columns are: id, headline, published)"
    )
    with pytest.raises(InputError, match=r"looked for story; columns are: id, headline, published"):
        list(read_corpus(path, text_field="story"))


def test_a_text_field_typo_in_jsonl_is_a_usage_error(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Putin met Trump."}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_corpus(path, text_field="story"))
    assert str(caught.value) == f"{path}:1: no field 'story' (has id, text)"


def test_messages_escape_control_and_bidi_characters():
    error = DocumentError("a\n\x1b[2J\u202eb", "no text field (found \x07)")
    assert str(error) == "a\\n\\x1b[2J\\u202eb: no text field (found \\x07)"
    assert str(DocumentError("Путин/ü.txt", "ok")) == "Путин/ü.txt: ok"


def test_csv_rows_with_missing_text_are_reported_by_line(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text('id,text\nc1,"Macron met Merz,\nin Berlin."\nc2\nc3,Kyiv thanked Paris.\n', encoding="utf-8")
    docs, errors = _split(list(read_corpus(path)))
    assert sorted(docs) == ["c1", "c3"] and docs["c1"].text == "Macron met Merz,\nin Berlin."
    assert errors["feed.csv:4"].reason == "empty document (no text)"


# --------------------------------------------------------------------------- whole-corpus problems

def _long_name(tmp_path):
    return tmp_path / ("x" * 5000)


def _fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


CORPUS_CASES = [
    ("missing path", lambda p: p / "nope", "{path}: no such file or directory"),
    ("empty directory", lambda p: p, "{path}: directory holds no .txt/.text files"),
    ("directory of PDFs only", lambda p: _write(p, {"a.pdf": b"%PDF-1.4"}), "{path}: directory holds no .txt/.text files"),
    ("file name too long", _long_name, "{path}: cannot open (File name too long)"),
    ("named pipe", _fifo, "{path}: not a regular file or directory"),
    ("binary CSV", lambda p: _write(p, {"x.csv": b"id,text\x00\n"}) / "x.csv", "{path}: binary file (contains NUL bytes), not text"),
    ("empty CSV", lambda p: _write(p, {"x.csv": b""}) / "x.csv",
     "{path}: no text column (looked for text, body, content, article; columns are: none)"),
]


@pytest.mark.parametrize(("case", "make", "message"), CORPUS_CASES, ids=[c[0] for c in CORPUS_CASES])
def test_unreadable_corpus_is_one_line_input_error(tmp_path, case, make, message):
    if case == "named pipe" and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        list(read_corpus(path))
    assert str(caught.value) == message.format(path=path)
    assert "\n" not in str(caught.value)


def test_make_document_rejects_empty_ids_with_a_plain_message():
    with pytest.raises(ValueError, match="^empty document id$"):
        make_document("  ", "Putin met Trump.")


# --------------------------------------------------------------------------- end to end: bad files never cost good ones

BIG_SENTENCES = ("Putin met Trump in Alaska.", "Macron met Zelenskyy in Paris.", "Merz met Starmer in Berlin.")


def _big_document() -> str:
    """About 1.5 MB, mostly one-token filler paragraphs (cheap to parse), with three real sentences."""
    paragraphs = ["filler" * 1000] * 250
    for index, sentence in zip((0, 120, 249), BIG_SENTENCES):
        paragraphs[index] = sentence
    return "\n\n".join(paragraphs) + "\n"


def _relation_rows(result, docs) -> list[dict]:
    return [r.model_dump() for r in result.graph.iter_relations() if r.doc in docs]


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    from diplograph.pipeline.build import build_result

    folder = _write(tmp_path_factory.mktemp("good"), GOOD)
    result = build_result(folder)
    assert not result.errors
    return result


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    from diplograph.pipeline.build import build_result

    folder = tmp_path_factory.mktemp("mixed")
    _write(folder, {**GOOD, **{name: raw for name, raw, _, _ in DOCUMENT_CASES}, "big.txt": _big_document()})
    return folder, build_result(folder)


@pytest.mark.model
def test_good_documents_lose_nothing_next_to_bad_ones(good_build, mixed_build):
    _, mixed = mixed_build
    expected = _relation_rows(good_build, GOOD)
    assert {r["relation"] for r in expected} >= {"meets", "accuses", "supports"}
    assert _relation_rows(mixed, GOOD) == expected
    reasons = {(e.doc, e.warning): e.reason for e in mixed.errors}
    for name, _, text, message in DOCUMENT_CASES:
        if text is None:
            assert reasons[(name, False)] == message
        elif message is not None:
            assert message in reasons[(name, True)]
    assert [e.doc for e in mixed.failed] == ["binary.txt", "blank.txt", "empty.txt"]
    assert {d["id"] for d in mixed.documents} == set(GOOD) | {"big.txt"} | {
        name for name, _, text, _ in DOCUMENT_CASES if text is not None
    }


@pytest.mark.model
def test_a_huge_document_is_split_and_its_offsets_map_back(mixed_build):
    folder, mixed = mixed_build
    text = (folder / "big.txt").read_text(encoding="utf-8")
    rows = _relation_rows(mixed, {"big.txt"})
    assert [(r["source"], r["target"]) for r in rows] == [
        ("vladimir-putin", "donald-trump"), ("emmanuel-macron", "volodymyr-zelenskyy"),
        ("friedrich-merz", "keir-starmer"),
    ]
    for row, sentence in zip(rows, BIG_SENTENCES):
        assert row["evidence"] == sentence
        assert tuple(row["span"]) == (text.index(sentence), text.index(sentence) + len(sentence))
    assert [r["sentence"] for r in rows] == sorted(r["sentence"] for r in rows)


def test_split_document_on_20_mb_stays_under_the_model_limit():
    from diplograph.extraction.chunks import MAX_CHUNK_CHARS, split_document
    from diplograph.base.models import Document

    paragraph = "Putin met Trump in Alaska. " * 40 + "\n\n"
    text = paragraph * (20_000_000 // len(paragraph))
    chunks = split_document(Document(id="huge", text=text))
    assert len(chunks) >= 200
    assert "".join(chunk.text for _, chunk in chunks) == text
    for offset, chunk in chunks:
        assert 0 < len(chunk.text) <= MAX_CHUNK_CHARS < 1_000_000
        assert text[offset : offset + len(chunk.text)] == chunk.text
        assert chunk.id == "huge"
    assert all(chunk.text.endswith(("\n\n", ". ")) for _, chunk in chunks)  # cuts fall on boundaries
    unbroken = "x" * 350_000  # no paragraph or sentence break at all: hard cuts
    parts = split_document(Document(id="x", text=unbroken))
    assert [(o, len(c.text)) for o, c in parts] == [(0, 100_000), (100_000, 100_000), (200_000, 100_000), (300_000, 50_000)]


@pytest.mark.model
def test_broken_jsonl_lines_cost_only_themselves(tmp_path, good_build):
    from diplograph.pipeline.build import build_result

    lines = [json.dumps({"id": name, "text": text}) for name, text in GOOD.items()]
    lines[1:1] = ['{"id": "x", "text": "Putin met', "not json at all"]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build_result(path)
    assert _relation_rows(result, GOOD) == _relation_rows(good_build, GOOD)
    assert [(e.doc, e.reason) for e in result.errors] == [
        ("feed.jsonl:2", "broken JSON line (Unterminated string starting at column 21); skipped"),
        ("feed.jsonl:3", "broken JSON line (Expecting value at column 1); skipped"),
    ]
