"""Rule-based sentence splitting: what the parser and the sentence filter see as sentences."""

from __future__ import annotations

import pytest
import spacy

from diplograph.nlp.sentences import sentence_bounds, sentence_starts, set_sentences


@pytest.fixture(scope="module")
def tokenize():
    return spacy.blank("en").tokenizer


def _sentences(tokenize, text: str, **options) -> list[str]:
    doc = tokenize(text)
    bounds = sentence_bounds(doc, **options)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:])), "sentences must tile the document"
    return [doc[start:end].text for start, end in bounds]


def test_splits_at_sentence_ends_and_keeps_abbreviations(tokenize):
    text = "The U.S. and Gen. Smith met at 3 p.m. on Friday. Talks went on! Did they agree? Nobody knows."
    assert _sentences(tokenize, text) == [
        "The U.S. and Gen. Smith met at 3 p.m. on Friday.",
        "Talks went on!",
        "Did they agree?",
        "Nobody knows.",
    ]


def test_closing_quotes_stay_with_their_sentence_and_lower_case_does_not_split(tokenize):
    text = 'He said: "We will fight." Then he left. "Why?" he asked. Prices rose 2.5 per cent.'
    assert _sentences(tokenize, text) == [
        'He said: "We will fight."',
        "Then he left.",
        '"Why?" he asked.',
        "Prices rose 2.5 per cent.",
    ]


def test_blank_lines_end_titles_and_whitespace_belongs_to_the_sentence_before(tokenize):
    text = "Leaders meet in Paris\n\nMacron hosted Merz.  \nThey spoke.\n"
    doc = tokenize(text)
    bounds = sentence_bounds(doc)
    texts = [doc[s:e].text_with_ws for s, e in bounds]
    assert texts == ["Leaders meet in Paris\n\n", "Macron hosted Merz.  \n", "They spoke.\n"]
    assert "".join(texts) == text
    assert all(not doc[s].is_space for s, _ in bounds)


def test_long_runs_are_cut_preferably_at_line_breaks(tokenize):
    line = " ".join(["word"] * 9)
    text = "\n".join([line] * 8)  # 8 lines of 9 words, no punctuation
    doc = tokenize(text)
    bounds = sentence_bounds(doc, max_tokens=25)
    assert all(end - start <= 25 for start, end in bounds)
    assert len(bounds) >= 4
    for start, end in bounds[:-1]:
        assert "\n" in doc[end - 1].text, "cuts fall after a line break"


def test_sentence_starts_and_set_sentences_agree(tokenize):
    doc = tokenize("Putin met Trump. Macron met Merz.")
    flags = sentence_starts(doc)
    assert [t.text for t, f in zip(doc, flags) if f] == ["Putin", "Macron"]
    set_sentences(doc)
    assert [s.text for s in doc.sents] == ["Putin met Trump.", "Macron met Merz."]


def test_empty_and_whitespace_only_text(tokenize):
    assert sentence_bounds(tokenize("")) == []
    assert sentence_bounds(tokenize("  \n\n ")) == [(0, 1)]
    doc = tokenize("\n\nPutin met Trump.\n\n")  # leading whitespace joins the first sentence
    assert sentence_bounds(doc) == [(0, 6)]
