"""Parse repair of dangling prepositions before misparsed names (diplograph.nlp.repair); Docs built by hand."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from diplograph.nlp.repair import repair_dangling_objects


def _doc(words, heads, deps, pos, ents):
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=["XX"] * len(words), ents=ents)


def test_a_name_parsed_as_a_verb_becomes_the_object_of_the_preposition_before_it():
    # "Forces are closing in on IS from the south": IS parsed as a conjoined verb, "on" left without object
    words = ["Forces", "are", "closing", "in", "on", "IS", "from", "the", "south", "."]
    heads = [2, 2, 2, 2, 2, 2, 5, 8, 6, 2]
    deps = ["nsubj", "aux", "ROOT", "prt", "prep", "conj", "prep", "det", "pobj", "punct"]
    pos = ["NOUN", "AUX", "VERB", "ADP", "ADP", "AUX", "ADP", "DET", "NOUN", "PUNCT"]
    doc = _doc(words, heads, deps, pos, ["O", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O"])
    doc[4].tag_ = "IN"
    assert repair_dangling_objects(doc) == 1
    assert (doc[5].head.i, doc[5].dep_, doc[5].pos_) == (4, "pobj", "PROPN")
    assert doc[6].head.i == 5  # what hung off the name stays with it


def test_a_preposition_with_an_object_or_a_name_parsed_as_a_noun_is_left_alone():
    words = ["Strikes", "on", "Kyiv", "continued", "."]
    doc = _doc(words, [3, 0, 1, 3, 3], ["nsubj", "prep", "pobj", "ROOT", "punct"],
               ["NOUN", "ADP", "PROPN", "VERB", "PUNCT"], ["O", "O", "B-GPE", "O", "O"])
    doc[1].tag_ = "IN"
    assert repair_dangling_objects(doc) == 0
    # a dangling preposition before a name the parser made the clause's subject: no verb misreading, no repair
    words = ["He", "left", "for", "Paris", "said", "."]
    doc = _doc(words, [1, 4, 1, 4, 4, 4], ["nsubj", "ccomp", "prep", "nsubj", "ROOT", "punct"],
               ["PRON", "VERB", "ADP", "PROPN", "VERB", "PUNCT"], ["O", "O", "O", "B-GPE", "O", "O"])
    doc[2].tag_ = "IN"
    assert repair_dangling_objects(doc) == 0 and doc[3].head.i == 4
