"""The sentence filter: cheap scoring, context rules, and no relation lost with it on."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from diplograph.corpus.readers import read_corpus
from diplograph.base.models import Document
from diplograph.extraction.prefilter import SentenceFacts, TriggerWords, WordForms, select_sentences
from diplograph.relations.lexicon import default_lexicon

ROOT = Path(__file__).resolve().parents[1]
ANNOTATED = ROOT / "tests" / "data" / "annotated" / "texts"
SEEDS = ROOT.parent / "shared" / "seeds"

#: Written for this test: five sentences that cannot hold a relation between relational ones.
MIXED = """Vladimir Putin spoke with Donald Trump by phone on Tuesday. The call lasted two hours. Heavy rain fell \
across the region overnight. Farmers said the harvest would be late this year. Local markets were quiet.

Emmanuel Macron later hosted Volodymyr Zelenskyy in Paris. He promised more air defence systems. Ticket prices \
for the metro rose by ten cents. The museum reopened after a long renovation. Russian drones struck a power \
plant near Kharkiv, officials said.
"""

#: Written for this test: a surname that needs its full name, a pronoun, and a quote whose speaker follows it.
CONTEXT = """Oleksandr Kovalenko arrived in Warsaw on Monday. Gardens in the old town were full of tourists. \
Bakeries sold out of bread by noon. Kovalenko met Radoslaw Sikorski at the ministry. Snow covered the hills \
above the river. Buses were late again. "We will not accept any deal that rewards aggression. Russia must \
withdraw." Those were the words of the envoy. He later thanked Poland for its help.
"""


# --------------------------------------------------------------------------- word forms and triggers (no model)

def test_trigger_words_match_inflected_forms_through_possible_lemmas():
    forms = WordForms(exceptions={"verb": {"met": ["meet"], "struck": ["strike"]}},
                      rules={"verb": [("ed", ""), ("ing", ""), ("s", "")], "noun": [("s", "")]},
                      index={"noun": frozenset({"snow", "price"})})
    triggers = TriggerWords({"meet", "strike", "talk", "hit", "shell"}, forms)
    for word in ("met", "Meets", "meeting", "struck", "talks", "hitting", "shelled"):
        assert word in triggers, word
    for word in ("weather", "museum", "rose", "met-office"):
        assert word not in triggers, word
    assert forms.is_common_word("Prices") and forms.is_common_word("snow")
    assert not forms.is_common_word("Kovalenko")


def test_trigger_words_from_the_lexicon_and_the_model_tables(nlp):
    triggers = TriggerWords.from_lexicon(default_lexicon(), WordForms.from_nlp(nlp))
    assert {"meet", "sanction", "attack", "talk"} <= triggers.lemmas
    for word in ("met", "sanctioned", "invaded", "shelling", "urged", "accused", "talks", "struck", "summits"):
        assert word in triggers, word
    for word in ("weather", "museum", "harvest", "bread", "tourists"):
        assert word not in triggers, word


# --------------------------------------------------------------------------- context rules (no model)

def _facts(*specs: dict) -> list[SentenceFacts]:
    facts, char = [], 0
    for i, spec in enumerate(specs):
        values = {"mentions": 0, "trigger": False, "names": frozenset(), "person": False, "anaphor": False, **spec}
        facts.append(SentenceFacts(start=i * 10, end=i * 10 + 10, start_char=char, end_char=char + 50, **values))
        char += 50
    return facts


def test_selection_needs_two_mentions_or_a_mention_and_a_trigger():
    facts = _facts(
        {"mentions": 2}, {}, {}, {"mentions": 1, "trigger": True}, {}, {"mentions": 1}, {}, {"trigger": True}
    )
    assert [f.selected for f in facts] == [True, False, False, True, False, False, False, False]
    # each selected sentence brings the sentence before it, nothing else
    assert select_sentences(facts, " " * 400) == [0, 2, 3]


def test_pronouns_walk_back_to_the_last_dictionary_person_and_names_link_sentences():
    facts = _facts(
        {"mentions": 1, "person": True},  # 0: "Putin arrived."  (the antecedent)
        {"mentions": 1, "names": frozenset({"kovalenko"})},  # 1: another possible person
        {},  # 2: filler
        {},  # 3: filler
        {"mentions": 2, "anaphor": True, "trigger": True},  # 4: "He met X."
        {},  # 5: filler
        {"mentions": 2, "names": frozenset({"sikorski"})},  # 6: selected
        {"mentions": 1, "names": frozenset({"sikorski"})},  # 7: same name: context
        {"mentions": 1, "person": True},  # 8: not needed
    )
    assert select_sentences(facts, " " * 450) == [0, 1, 3, 4, 5, 6, 7]


def test_a_quotation_keeps_all_its_sentences_and_the_one_after():
    text = "Filler one here. " + '"We will not accept. Russia must go." The envoy said so. ' + "Filler two."
    starts = [0, 17, 37, 56, 76]
    facts = [
        SentenceFacts(start=i, end=i + 1, start_char=s, end_char=e, mentions=m, trigger=t, names=frozenset(),
                      person=False, anaphor=False)
        for i, (s, e, m, t) in enumerate(zip(starts, [*starts[1:], len(text)], [0, 0, 1, 1, 0],
                                                [False, True, False, False, False]))
    ]
    assert [f.selected for f in facts] == [False, False, False, False, False]
    assert select_sentences(facts, text) == []
    facts[2] = SentenceFacts(start=2, end=3, start_char=37, end_char=56, mentions=2, trigger=False,
                             names=frozenset(), person=False, anaphor=False)
    assert select_sentences(facts, text) == [1, 2, 3]


# --------------------------------------------------------------------------- no relation lost (model)

@pytest.fixture(scope="module")
def extractors():
    from diplograph.actors.dictionary import load_dictionary
    from diplograph.base.errors import ConfigError
    from diplograph.extraction.extractor import Extractor
    from diplograph.relations.ontology import load_ontology

    full = Extractor(load_dictionary(), load_ontology(), prefilter=False)
    try:
        full.nlp
    except ConfigError as exc:
        pytest.skip(str(exc))
    filtered = copy.copy(full)  # shares the loaded model
    filtered.prefilter = True
    return full, filtered


def _run(extractor, documents):
    results = list(extractor.process(documents))
    assert all(hasattr(r, "relations") for r in results), results
    return results


def _rows(results) -> list[dict]:
    return [r.model_dump() for result in results for r in result.relations]


def _check_spans(documents, results) -> None:
    for document, result in zip(documents, results):
        for relation in result.relations:
            start, end = relation.span
            assert 0 <= start <= end <= len(document.text)
            assert document.text[start:end] in relation.evidence
            assert relation.evidence in document.text


@pytest.mark.model
def test_filter_skips_sentences_without_losing_a_relation(extractors):
    full, filtered = extractors
    documents = [Document(id="mixed.txt", text=MIXED), Document(id="context.txt", text=CONTEXT)]
    before, after = _run(full, documents), _run(filtered, documents)
    assert _rows(after) == _rows(before)
    found = {(r["source"], r["relation"], r["target"]) for r in _rows(after)}
    assert {("vladimir-putin", "meets", "donald-trump"), ("russia", "attacks", "kharkiv")} <= found
    assert after[0].sentences == before[0].sentences == 10
    assert after[0].parsed == 5 and before[0].parsed == 10  # "rain", "harvest", "He promised", "prices" skipped
    assert (after[1].sentences, after[1].parsed) == (10, 8)  # "Gardens ..." and "Snow ..." skipped
    assert [r.sentence for r in after[0].relations] == [0, 5, 9]  # numbers of the original document
    _check_spans(documents, after)


@pytest.mark.model
def test_filter_loses_nothing_on_the_annotated_texts(extractors):
    full, filtered = extractors
    documents = list(read_corpus(ANNOTATED))
    assert len(documents) >= 6
    before, after = _run(full, documents), _run(filtered, documents)
    assert len(_rows(before)) >= 20
    assert _rows(after) == _rows(before)
    _check_spans(documents, after)


@pytest.mark.model
def test_filter_loses_nothing_on_the_shared_seeds(extractors):
    if not SEEDS.is_dir():
        pytest.skip(f"shared seeds not found at {SEEDS}")
    full, filtered = extractors
    documents = list(read_corpus(SEEDS))
    before, after = _run(full, documents), _run(filtered, documents)
    assert len(_rows(before)) >= 20
    assert _rows(after) == _rows(before)
    _check_spans(documents, after)


@pytest.mark.model
def test_ruler_entities_found_once_per_text_equal_the_ruler_run_per_sentence(extractors):
    full, _ = extractors
    per_sentence = copy.copy(full)
    per_sentence._preset_ents = False  # run the actor ruler inside the pipeline, on every sentence
    assert full._preset_ents
    documents = [*read_corpus(ANNOTATED), Document(id="mixed.txt", text=MIXED)]
    once, each = _run(full, documents), _run(per_sentence, documents)
    assert [(r.actors, r.mentions, r.relations) for r in once] == [(r.actors, r.mentions, r.relations) for r in each]


def test_an_entity_across_a_sentence_boundary_falls_back_to_the_ruler():
    import spacy
    from spacy.tokens import Doc

    from diplograph.extraction.extractor import _preset_entities

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": p, "id": p.lower()} for p in ("Kyiv", "Moscow", "Kyiv. Moscow")])
    tokens = ruler(nlp.make_doc("We met in Kyiv. Moscow was quiet."))
    assert [e.text for e in tokens.ents] == ["Kyiv. Moscow"]  # the longest match wins on the whole text
    sentences = [(0, 5), (5, 9)]
    found = []
    for start, end in sentences:
        span = tokens[start:end]
        doc = Doc(nlp.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
        _preset_entities(doc, list(tokens.ents), [e.start for e in tokens.ents], start, end, ruler)
        found.extend((e.text, e.ent_id_) for e in doc.ents)
    assert found == [("Kyiv", "kyiv"), ("Moscow", "moscow")]
