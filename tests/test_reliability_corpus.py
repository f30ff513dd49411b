"""Corpus boundaries and encodings (issue 17, items 8 and 9): what a corpus folder may lead the reader
to, how legacy encodings are told apart, and how bad rows and dates cost only themselves."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from diplograph.base.errors import DocumentError, InputError
from diplograph.corpus.decode import decode_bytes
from diplograph.corpus.readers import read_corpus

GOOD = "Putin met Trump in Alaska.\n"


def _split(items):
    items = list(items)
    docs = {i.id: i for i in items if not isinstance(i, DocumentError)}
    errors = {i.doc: i for i in items if isinstance(i, DocumentError)}
    return docs, errors


# --------------------------------------------------------------------------- item 8: encodings

ZELENSKYY = "President Zelenskyy’s office said on Monday that talks with Russia’s envoys would resume “soon”. " * 3
FRENCH = ("Le président français a rencontré Zelensky à l'Élysée. « Nous soutenons l'Ukraine », a déclaré le "
          "ministre des Affaires étrangères à Paris, où les négociations reprendront bientôt.")
GERMAN = ("Der Bundeskanzler traf den ukrainischen Präsidenten in Berlin. Außenministerin Baerbock äußerte sich "
          "über die Gespräche; Grüße aus München und Köln, für die Ökonomie.")


def test_one_stray_cp1252_byte_in_utf8_is_replaced_not_a_reason_to_garble_the_file():
    raw = ZELENSKYY.encode("utf-8") + b"It\x92s done."
    text, warning = decode_bytes(raw)
    assert text == ZELENSKYY + "It\ufffds done."  # not "Zelenskyy‚Äôs" (mac_iceland)
    assert warning == f"not valid UTF-8: 1 invalid byte (at byte {len(ZELENSKYY.encode())+2} of {len(raw)}) replaced with U+FFFD"


def test_400_characters_of_utf8_with_one_bad_byte_are_not_binary():
    russian = ("Путин встретился с Трампом на Аляске. " * 11)[:400]
    text, warning = decode_bytes(russian.encode("utf-8") + b"\xff")
    assert text == russian + "\ufffd" and "1 invalid byte" in warning


@pytest.mark.parametrize(("text", "codec"), [(FRENCH, "latin-1"), (GERMAN, "latin-1"), (FRENCH, "cp1252")],
                         ids=["french-latin1", "german-latin1", "french-cp1252"])
def test_western_text_in_latin1_is_read_as_cp1252(text, codec):
    assert decode_bytes(text.encode(codec)) == (text, "not UTF-8; decoded as cp1252")


OTHER_CODEPAGES = [
    ("portuguese", "O presidente português reuniu-se com o ministro ucraniano em Lisboa. As negociações começarão em "
                   "março, disse a delegação.", "latin-1", "cp1252"),
    ("spanish", "El presidente español se reunió con Zelenski en Madrid. «Apoyamos a Ucrania», afirmó el ministro.",
     "cp1252", "cp1252"),
    ("danish", "Den danske statsminister mødtes med Ukraines præsident i København. Mødet blev holdt på "
               "Christiansborg.", "latin-1", "cp1252"),
    ("polish", "Gdańsk przyjął delegację z Łodzi. Prezydent spotkał się z ministrem spraw zagranicznych w Warszawie, "
               "żeby omówić pomoc dla Ukrainy.", "cp1250", "cp1250"),
    ("czech", "Český ministr zahraničí řekl, že Česká republika podpoří Ukrajinu. Jednání proběhnou v Praze příští "
              "týden.", "cp1250", "cp1250"),
    ("hungarian", "A magyar külügyminiszter találkozott ukrán kollégájával Budapesten. A tárgyalások hétfőn "
                  "folytatódnak, közölte a minisztérium.", "cp1250", "cp1250"),
    ("turkish", "Türkiye Dışişleri Bakanı, Ukrayna ile Rusya arasındaki görüşmelerin İstanbul'da yeniden "
                "başlayacağını söyledi.", "cp1254", "cp1254"),
    ("greek", "Ο Έλληνας υπουργός Εξωτερικών συναντήθηκε με τον Ουκρανό ομόλογό του στην Αθήνα.", "cp1253", "cp1253"),
    ("russian", "Путин встретился с Трампом на Аляске в пятницу, сообщил Кремль.", "cp1251", "cp1251"),
    ("lithuanian", "Lietuvos užsienio reikalų ministras susitiko su Ukrainos kolega Vilniuje. Derybos tęsis kitą "
                   "savaitę.", "cp1257", "cp1257"),
]


@pytest.mark.parametrize(("case", "text", "codec", "expected"), OTHER_CODEPAGES, ids=[c[0] for c in OTHER_CODEPAGES])
def test_each_language_comes_back_in_its_own_code_page(case, text, codec, expected):
    for copies in (1, 10):
        sample = " ".join([text] * copies)
        assert decode_bytes(sample.encode(codec)) == (sample, f"not UTF-8; decoded as {expected}")


def test_an_encoding_warning_reaches_errors_jsonl(tmp_path):
    from diplograph.base.models import Actor
    from diplograph.graph.relation_graph import RelationGraph
    from diplograph.pipeline.build import BuildResult
    from diplograph.pipeline.output import write_outputs

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "z.txt").write_bytes(ZELENSKYY.encode() + b"\x92")
    items = list(read_corpus(corpus))
    errors = [i for i in items if isinstance(i, DocumentError)]
    assert [(e.doc, e.warning) for e in errors] == [("z.txt", True)]
    graph = RelationGraph.from_records([Actor(id="x", name="X", type="state")], [])
    out = write_outputs(BuildResult(graph=graph, errors=errors), tmp_path / "out", html=False, report=False)
    rows = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert rows == [{"doc": "z.txt", "reason": errors[0].reason, "level": "warning"}]


# --------------------------------------------------------------------------- item 9: what a folder leads to

def _folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "sub" / "inner.txt").write_text(GOOD, encoding="utf-8")
    return corpus


def test_a_symlink_out_of_the_corpus_is_skipped_with_a_warning(tmp_path):
    corpus = _folder(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to(secret)
    (corpus / "outside").symlink_to(tmp_path, target_is_directory=True)
    (corpus / "again.txt").symlink_to(corpus / "good.txt")  # inside: read
    (corpus / "same").symlink_to(corpus / "sub", target_is_directory=True)  # inside: its files are read where they are
    docs, errors = _split(read_corpus(corpus))
    assert sorted(docs) == ["again.txt", "good.txt", "sub/inner.txt"]
    assert errors["passwd.txt"].warning and errors["passwd.txt"].reason == (
        f"symlink to {secret}, outside the corpus; skipped; build with --follow-symlinks (follow_symlinks=True) to read it"
    )
    assert errors["outside"].warning and "outside the corpus" in errors["outside"].reason
    assert sorted(errors) == ["outside", "passwd.txt"]
    followed, errors = _split(read_corpus(corpus, follow_symlinks=True))
    assert "passwd.txt" in followed and "outside/secret.txt" in followed
    assert "outside/corpus" in errors  # the link back into the corpus is not read twice (no loop)


def test_pipes_dangling_links_and_unreadable_folders_are_reported(tmp_path, monkeypatch):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    corpus = _folder(tmp_path)
    os.mkfifo(corpus / "pipe.txt")  # reading it would block the build forever
    (corpus / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # root ignores permissions: refuse the folder as a non-root user would be refused
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, errors = _split(read_corpus(corpus))
    assert sorted(docs) == ["good.txt", "sub/inner.txt"]
    assert {name: (e.reason, e.warning) for name, e in errors.items()} == {
        "pipe.txt": ("not a regular file (named pipe); skipped", False),
        "gone.txt": (f"dangling symlink (to {tmp_path / 'deleted.txt'}, which does not exist); skipped", False),
        "loop.txt": ("symlink loop (the link leads back to itself); skipped", False),
        "locked": ("cannot read folder (Permission denied); the files in it are skipped", False),
    }


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores directory permissions")
def test_an_unreadable_subfolder_for_real(tmp_path):
    corpus = _folder(tmp_path)
    (corpus / "sub").chmod(0)
    try:
        docs, errors = _split(read_corpus(corpus))
    finally:
        (corpus / "sub").chmod(0o755)
    assert sorted(docs) == ["good.txt"] and "Permission denied" in errors["sub"].reason


def test_a_symlink_loop_or_dangling_link_as_the_corpus_says_so(tmp_path):
    loop = tmp_path / "corpus"
    loop.symlink_to(loop)
    with pytest.raises(InputError) as caught:
        list(read_corpus(loop))
    assert str(caught.value) == f"{loop}: symlink loop (the link leads back to itself)"
    dangling = tmp_path / "old"
    dangling.symlink_to(tmp_path / "moved")
    with pytest.raises(InputError) as caught:
        list(read_corpus(dangling))
    assert str(caught.value) == f"{dangling}: dangling symlink (to {tmp_path / 'moved'}, which does not exist)"


def test_a_folder_with_nothing_it_may_read_says_why(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    with pytest.raises(InputError) as caught:
        list(read_corpus(corpus))
    assert str(caught.value) == (
        f"{corpus}: directory holds no .txt/.text files to read (passwd.txt: symlink to /etc/passwd, outside the "
        "corpus; skipped; build with --follow-symlinks (follow_symlinks=True) to read it)"
    )


def test_long_messages_are_never_cut(tmp_path):
    corpus = _folder(tmp_path)
    deep = tmp_path.joinpath(*["a-rather-long-folder-name"] * 12)
    deep.mkdir(parents=True)
    (deep / "target.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "far.txt").symlink_to(deep / "target.txt")
    _, errors = _split(read_corpus(corpus))
    assert len(str(deep)) > 300 and str(deep / "target.txt") in errors["far.txt"].reason


def test_an_unterminated_csv_quote_costs_its_row_only(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(
        'id,text\nc1,"Macron met Merz,\nin Berlin."\nc2,"Putin met Trump in Alaska.\nc3,Kyiv thanked Paris.\n'
        'c4,"Zelenskyy thanked Berlin."\n', encoding="utf-8")
    items = list(read_corpus(path))
    docs, errors = _split(items)
    assert sorted(docs) == ["c1", "c3", "c4"]
    assert docs["c3"].text == "Kyiv thanked Paris." and docs["c1"].text == "Macron met Merz,\nin Berlin."
    assert errors == {"feed.csv:4": DocumentError(
        "feed.csv:4", "unterminated quote: a quoted field opened in this row runs on to line 6; row skipped")}
    last = tmp_path / "last.csv"
    last.write_text('id,text\na,Kyiv thanked Paris.\nb,"never closed\n', encoding="utf-8")
    docs, errors = _split(read_corpus(last))
    assert sorted(docs) == ["a"] and list(errors) == ["last.csv:3"]
    assert errors["last.csv:3"].reason == "unterminated quote: a quoted field opened in this row never closes; row skipped"


def test_a_bad_jsonl_date_keeps_the_document_undated(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (
        {"id": "a", "text": GOOD, "date": "2025-02-30"},
        {"id": "b", "text": GOOD, "date": "yesterday"},
        {"id": "c", "text": GOOD, "date": "2025-08-15T10:00:00Z"},
    )) + "\n", encoding="utf-8")
    docs, errors = _split(read_corpus(path))
    assert {k: d.date for k, d in docs.items()} == {"a": None, "b": None, "c": dt.date(2025, 8, 15)}
    assert errors["news.jsonl:1"].warning and errors["news.jsonl:1"].reason == (
        "date '2025-02-30' is not a real date (day is out of range for month); the document is kept, undated")
    assert errors["news.jsonl:2"].reason == "date 'yesterday' is not in YYYY-MM-DD form; the document is kept, undated"


def test_a_bad_date_line_is_a_warning_naming_file_and_line_not_the_title(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "\ndate 2025-02-30\nTrump threatened Russia with sanctions.\n"
    (corpus / "brief.txt").write_text(text, encoding="utf-8")
    (doc,), (error,) = _split(read_corpus(corpus))[0].values(), _split(read_corpus(corpus))[1].values()
    assert doc.date is None and doc.title == "Trump threatened Russia with sanctions."
    assert "2025" not in doc.text and len(doc.text) == len(text)  # blanked, offsets kept
    assert str(error) == ("brief.txt: line 2: date '2025-02-30' is not a real date (day is out of range for month); "
                          "the document is kept, undated") and error.warning


@pytest.mark.model
def test_the_relation_after_a_bad_date_line_is_kept(tmp_path):
    from diplograph.pipeline.build import build_result

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "brief.txt").write_text("date 2025-02-30\nTrump threatened Russia with sanctions.\n", encoding="utf-8")
    result = build_result(corpus)
    assert ("donald-trump", "threatens", "russia") in {(r.source, r.relation, r.target) for r in result.graph.iter_relations()}
    assert [(e.doc, e.warning) for e in result.errors] == [("brief.txt", True)]
