"""A person named by surname alone where the model tagged nothing.

News names a person in full once and then by surname ("Edward Snowden … regarded
*Snowden* as a traitor"); the small model often leaves the bare surname untagged,
and the sentence loses its endpoint. Two sources say a capitalised proper noun is
a surname:

* the dictionary: a person whose surname no other dictionary person, given name or
  form shares (:func:`safe_surnames`: "Merkel", "Hollande");
* the document itself: the last word of a full person name the same document gives
  ("Snowden" after "Edward Snowden"), when no other full name there ends in it.

Either way the word must stand alone as a name: a proper noun, not next to another
capitalised word ("Merkel Street"), an English word only where the tagger calls it a
singular proper noun, a stop or calendar word only before a verb of saying ("May
said" after "Theresa May", never "in May"). A document surname keeps the
dictionary id of its full name when it has one; otherwise it is a new one-word
person that :func:`diplograph.actors.persons.merge_surnames` joins to the full name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.dictionary import ActorDictionary, fold_name
from diplograph.actors.names import CALENDAR_WORDS, HONORIFICS
from diplograph.actors.phoenix import phoenix_index
from diplograph.actors.titles import TITLES
from diplograph.nlp.model import ENGLISH_WORDS

__all__ = ["safe_surnames", "surname_of", "surname_names", "document_surnames"]

_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
#: Countries whose names are written family name first in English news (left to curated aliases).
_FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"})


def _surname(name: str) -> str | None:
    words = [w for w in name.split() if w.lower() not in _SUFFIXES]
    return words[-1] if len(words) > 1 and words[-2].lower() not in ("bin", "ibn", "bint") else None


@lru_cache(maxsize=4)
def safe_surnames(dictionary: ActorDictionary) -> dict[str, str]:
    """``{surname: person id}`` for the dictionary persons whose surname alone is safe: no other
    dictionary person has it, no entry uses it as a form, and it is no given name (of the
    dictionary or the Phoenix persons) or English stop word ("May", "Gabriel", "Sharon" stay out).
    English words ("Cooper", "Bush") are left out where the text is read (:func:`surname_of`).
    """
    people = list(dictionary.persons())
    counts = Counter(_surname(p.name) for p in people)
    given = {fold_name(p.name.split()[0]) for p in people} | phoenix_index().given_names
    taken = {text.casefold() for text, _, _ in dictionary.forms()}
    found = {}
    for person in people:
        surname = _surname(person.name)
        if (surname is None or counts[surname] > 1 or fold_name(surname) in given or surname.casefold() in taken
                or surname.lower() in STOP_WORDS or len(surname) < 3 or not surname[:1].isupper()
                or person.country in _FAMILY_FIRST):  # fmt: skip
            continue
        found[surname] = person.id
    return found


def _english(token: Token) -> bool:
    lookups = token.doc.vocab.lookups
    return lookups.has_table(ENGLISH_WORDS) and token.lower_ in lookups.get_table(ENGLISH_WORDS)


def _alone(token: Token) -> bool:
    """``token`` is a proper noun with no capitalised neighbour but a title or a sentence start."""
    doc = token.doc
    if token.pos_ != "PROPN":
        return False
    return not any(0 <= j < len(doc) and doc[j].is_title and doc[j].lower_ not in TITLES and not doc[j].is_sent_start
                   for j in (token.i - 1, token.i + 1))  # fmt: skip


def surname_of(b: DocActorsBuilder, token: Token) -> str | None:
    """The dictionary person whose safe surname ``token`` is, standing alone as a name; else None.

    Not an English word of the model's lemma index ("Cooper"), not a surname of another full name
    in the document ("Paul Merkel" earlier), not part of a longer name ("Merkel Street")."""
    doc = b.doc
    actor_id = safe_surnames(b.dictionary).get(token.text)
    if actor_id is None or not doc.vocab.lookups.has_table(ENGLISH_WORDS) or _english(token):
        return None
    if any(len(e) > 1 and e.label_ == "PERSON" and e[-1].text == token.text and e.ent_id_ != actor_id for e in doc.ents):
        return None
    return actor_id if _alone(token) else None


def document_surnames(b: DocActorsBuilder) -> dict[str, str]:
    """``{surname: actor id or ""}`` for the full person names of the document whose last word
    no other full name there shares ("" for a name the dictionary does not know)."""
    owners: dict[str, set[str]] = {}
    ids: dict[str, str] = {}
    for ent in b.doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or not all(t.is_alpha or t.text in ("-", ".") for t in ent):
            continue
        words = [t for t in ent if t.lower_ not in _SUFFIXES and t.is_alpha]
        entry = b.dictionary.get(ent.ent_id_) if ent.ent_id_ else None
        if len(words) < 2 or (entry is not None and entry.country in _FAMILY_FIRST):
            continue
        surname = words[-1].text
        owners.setdefault(surname, set()).add(ent.ent_id_ or fold_name(" ".join(w.text for w in words)))
        ids[surname] = ent.ent_id_
    return {s: ids[s] for s, who in owners.items() if len(who) == 1}


#: Verbs of saying after which a surname that is also a common word is the speaker ("May said"). Narrower
#: than the lexicon's speech verbs on purpose: "May *ask*", "May *call*" are the modal, not the person.
_SAYING = frozenset({"say", "tell", "add", "write", "insist", "warn", "stress", "argue", "note", "reply", "tweet"})


def _says(token: Token) -> bool:
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.lemma_.lower() in _SAYING and after.pos_ == "VERB"


def _honoured(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_.rstrip(".") in HONORIFICS


def _document_surname(token: Token, surnames: dict[str, str]) -> bool:
    text = token.text
    if text not in surnames or len(text) < 3 or not text[:1].isupper() or text.isupper() or token.lower_ in TITLES:
        return False
    if token.lower_ in STOP_WORDS or token.lower_ in CALENDAR_WORDS:  # "in May"; but "May said", "Mrs May's"
        return bool(surnames[text]) and (_says(token) or _honoured(token))
    if _english(token) and token.tag_ != "NNP":
        return False
    return _alone(token)


def surname_names(b: DocActorsBuilder, *, skip: Collection[int] = ()) -> list[tuple[int, str]]:
    """``(token index, actor id or "")`` of each surname standing alone that no entity covers:
    a dictionary person's safe surname ("Merkel said" at a sentence start, where the small model
    often tags nothing) or the surname of a full name the document gives. Tokens of ``skip``
    (already read as a name, "Mr Bercow") are left out."""
    doc = b.doc
    in_document = document_surnames(b)
    found: list[tuple[int, str]] = []
    for token in doc:
        if token.i in skip:
            continue
        if token.ent_type_:  # tagged, but as a common word the entity pass drops it ("May said")
            if token.lower_ in STOP_WORDS and _document_surname(token, in_document):
                found.append((token.i, in_document[token.text]))
            continue
        actor_id = surname_of(b, token)
        if actor_id is None and _document_surname(token, in_document):
            actor_id = in_document[token.text]
        if actor_id is not None:
            found.append((token.i, actor_id))
    return found
