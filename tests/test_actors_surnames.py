"""A dictionary person found by a safe surname alone, and acronyms that are English words
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from diplograph.actors.dictionary import load_dictionary
from diplograph.actors.resolve import resolve_actors
from diplograph.actors.surnames import safe_surnames
from diplograph.corpus.documents import make_document
from diplograph.relations.lexicon import default_lexicon


def test_safe_surnames_leave_out_shared_given_and_common_names():
    surnames = safe_surnames(load_dictionary())
    assert surnames["Merkel"] == "angela-merkel" and surnames["Hollande"] == "francois-hollande"
    assert "May" not in surnames  # an English word (Theresa May keeps her curated aliases)
    assert "Gabriel" not in surnames  # a given name (Sigmar Gabriel)
    assert "Cavusoglu" not in surnames and surnames["Çavuşoğlu"] == "mevlut-cavusoglu"
    assert "Jinping" not in surnames  # family name first


@pytest.fixture(scope="module")
def mentions(nlp, dictionary):
    def run(text: str):
        document = make_document("t.txt", text, date="2017-03-01")
        doc = nlp(document.text)
        found = resolve_actors(doc, document, dictionary, speech_verbs=default_lexicon().speech_verbs)
        return [(m.text, m.actor) for m in found.mentions]

    return run


@pytest.mark.model
def test_a_surname_alone_at_the_start_of_a_sentence_is_the_dictionary_person(mentions):
    assert ("Merkel", "angela-merkel") in mentions("Merkel welcomed the plan.")
    assert ("Hollande", "francois-hollande") in mentions("Hollande and Obama spoke by phone.")


@pytest.mark.model
def test_a_surname_that_is_an_english_word_is_not_read_alone(mentions):
    assert not any(actor == "yvette-cooper" for _, actor in mentions("Cooper welcomed the plan."))


@pytest.mark.model
def test_a_surname_of_another_full_name_is_not_the_dictionary_person(mentions):
    found = mentions("Oleg Fedorov, a businessman, met Emmanuel Macron. Later Fedorov met Putin.")
    assert ("Oleg Fedorov", "oleg-fedorov") in found and ("Fedorov", "oleg-fedorov") in found
    assert not any(actor == "mykhailo-fedorov" for _, actor in found)


@pytest.mark.model
def test_is_is_the_islamic_state_unless_the_line_is_shouted(mentions):
    assert ("IS", "islamic-state") in mentions("Russia conducted air strikes on IS near the town.")
    assert not any(text == "IS" for text, _ in mentions("THIS IS THE END OF THE TALKS, the minister said."))


@pytest.mark.model
def test_a_safe_surname_the_model_typed_as_an_organization_is_the_person(mentions):
    assert ("Tillerson", "rex-tillerson") in mentions("Tillerson is in Mexico City for a brief trip.")


@pytest.mark.model
def test_a_surname_the_document_names_in_full_is_that_person_where_the_model_tags_nothing(mentions):
    found = mentions("Edward Snowden flew to Moscow in 2013. US officials said they regarded Snowden as a traitor.")
    assert ("Snowden", "edward-snowden") in found
    found = mentions("The lawyer Henrik Valdmaa arrived in Tallinn. Officials said they regarded Valdmaa as a spy.")
    assert [actor for text, actor in found if text == "Valdmaa"] == [actor for text, actor in found if text == "Henrik Valdmaa"]


@pytest.mark.model
def test_a_surname_that_is_a_calendar_word_stays_unread(mentions):
    assert not any(text == "May" for text, _ in mentions("Theresa May met Angela Merkel. In May, May spoke."))


@pytest.mark.model
def test_a_common_word_surname_after_an_honorific_is_the_person(mentions):
    found = mentions("Theresa May spoke on Monday. Angela Merkel rejected Mrs May's call for parallel talks. "
                     "In May, the talks began.")
    assert [actor for text, actor in found if text == "May"] == ["theresa-may"]  # "Mrs May's", not "In May"
