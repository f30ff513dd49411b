"""Entity spans reshaped before they are read: the small model's bounds are often off.

* "X of Y" names are kept whole ("Organisation of Islamic Cooperation",
  "Islamic State of Iraq and the Levant") when the dictionaries know the whole
  or X ends with an organisation noun (:data:`ORG_HEADS`).
* A name with a demonym inside ("Free *Syrian* Army", "*Syrian* Democratic
  Forces") is one organization of that country, unless its other words are
  only institution words ("*Sudanese* Armed Forces" is Sudan's military: the
  institution pass reads it).
* An honorific before proper nouns the model did not tag ("Mr Dorn") makes
  them a person's name.
* A span running into a verb ends before it ("The Popular Mobilisation Forces
  *entered* Mosul"); one starting with a verb ("Defeating al-Shabab") keeps
  what follows it. A name cut short on the left by the model ("Tahrir al-Sham"
  after "Hayat") takes back the proper nouns before it.
* A new person's or organization's name with a comma inside is two names
  ("Hollande, Saeb Erekat"), unless a suffix follows the comma ("King, Jr.") or
  the words before it are not all capitalised ("Ministry of Labour, Social Affairs").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.names import CALENDAR_WORDS, HONORIFICS
from diplograph.actors.phoenix import phoenix_index
from diplograph.actors.surnames import surname_names, surname_of
from diplograph.actors.titles import GENERIC_ORG_WORDS, INSTITUTION_SECTORS, TITLES
from diplograph.nlp.model import ENGLISH_WORDS

__all__ = ["ORG_HEADS", "Candidate", "entity_spans", "initials"]

#: Nouns that end an organisation's name, or the first half of an "X of Y" name.
ORG_HEADS = frozenset(
    {
        "organisation", "organization", "council", "league", "union", "movement", "party", "front", "association",
        "federation", "institute", "university", "bank", "commission", "committee", "conference", "assembly",
        "foundation", "society", "centre", "center", "school", "academy", "church", "congress", "court", "office",
        "agency", "bureau", "board", "forum", "alliance", "coalition", "authority", "community", "fund", "college",
        "brigade", "brigades", "army", "corps", "forces", "force", "guard", "guards", "units", "militia",
    }
)
_JOIN_WORDS = frozenset({"of", "the", "and", "for", "&"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_NAME_GLUE = frozenset({"al", "el", "ad", "as", "bin", "ibn", "abu", "-", "de", "du", "van", "von", "der"})


@dataclass(frozen=True)
class Candidate:
    """An entity span to read: its tokens, NER label, ruler id (dictionary spans), and a country it names."""

    start: int
    end: int
    label: str
    ent_id: str = ""
    country: str | None = None


def initials(text: str) -> str:
    """The acronym of a name: its capitalised words' first letters ("Islamic State of Iraq and the Levant" → "ISIL")."""
    return "".join(word[0] for word in text.replace("-", " ").split() if word[:1].isupper())


def _known(b: DocActorsBuilder, text: str) -> bool:
    return b.dictionary.lookup(text) is not None or phoenix_index().actor(text) is not None


def _name_word(token) -> bool:
    """A word that can be part of a proper name next to an entity (not a title, honorific or date)."""
    lower = token.lower_
    if lower in TITLES or lower.rstrip(".") in HONORIFICS or lower in CALENDAR_WORDS:
        return False
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.tag_ not in _VERB_TAGS or lower in _NAME_GLUE


def _of_join(b: DocActorsBuilder, start: int, end: int) -> int | None:
    """The end of "X of Y" after the span ``[start, end)``, or None.

    A span the model ended on "for", "of" or "and" before a name ("Alternative for" + "Germany")
    is always joined to that name: the model meant the longer one.
    """
    doc = b.doc
    if doc[end - 1].lower_ in ("for", "of", "and") and end < len(doc) and doc[end].text[:1].isupper():
        stop = end
        while stop < len(doc) and stop - end < 4 and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
            stop += 1
        return stop
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    best = None
    i = end + 1
    while i < len(doc) and i - end < 8 and (doc[i].lower_ in _JOIN_WORDS or doc[i].text[:1].isupper()):
        if doc[i].text[:1].isupper():
            text = doc[start : i + 1].text
            if _known(b, text) or doc[end - 1].lower_ in ORG_HEADS and doc[i].pos_ == "PROPN":
                best = i + 1
        i += 1
    if best is not None and best < len(doc) and doc[best].lower_ in ("'s", "\u2019s"):
        return None
    return best


def _trimmed(b: DocActorsBuilder, start: int, end: int) -> tuple[int, int]:
    """An NER span without a verb and what follows it, or after a leading verb; extended left over name words."""
    doc = b.doc
    verbs = [i for i in range(start, end) if doc[i].tag_ in _VERB_TAGS and doc[i].pos_ in ("VERB", "AUX")]
    if verbs:
        first = verbs[0]
        start, end = (first + 1, end) if first == start else (start, first)
    while start > 0 and doc[start - 1].ent_type_ == "" and _name_word(doc[start - 1]) and doc[start - 1].lower_ not in _NAME_GLUE:
        start -= 1
    return start, end


def _demonym_run(b: DocActorsBuilder, ent) -> tuple[int, int] | None:
    """The name around a demonym ("Free Syrian Army", "Syrian Democratic Forces"), or None."""
    doc = b.doc
    start, end = ent.start, ent.end
    while start > 0 and _name_word(doc[start - 1]) and doc[start - 1].ent_type_ in ("", "ORG"):
        start -= 1
    while end < len(doc) and _name_word(doc[end]) and doc[end].ent_type_ in ("", "ORG"):
        end += 1
    if (start, end) == (ent.start, ent.end) or doc[end - 1].lower_ not in ORG_HEADS:
        return None
    others = [t.lower_ for t in doc[start:end] if t.i < ent.start or t.i >= ent.end]
    if all(w in GENERIC_ORG_WORDS or w in INSTITUTION_SECTORS for w in others):
        return None  # "Sudanese Armed Forces": the state's military
    return start, end


#: Words of titles: a state and a word before one name a portfolio ("UK Brexit Secretary").
_TITLE_WORDS = frozenset(w for title in TITLES for w in title.split())
#: Last words of place names that start with a state's name ("the Niger Delta", "the Korea Strait").
_PLACE_TAILS = frozenset({"delta", "basin", "valley", "river", "sea", "gulf", "peninsula", "coast", "desert",
                          "mountains", "strait", "plateau", "highlands", "lake", "bay", "canal"})  # fmt: skip


def _state_compound(b: DocActorsBuilder, ent) -> Candidate | None:
    """A name that starts with a state's name or demonym: a place ("Niger *Delta*") or a company ("Saudi *Aramco*").

    The next word must be an untagged proper noun: a place word, or a word that is no English word and no
    given name (so "Russian Marines" and "Chinese Xu Li" stay apart).
    """
    doc, end = b.doc, ent.end
    if ent.ent_id_ not in b.dictionary or b.dictionary[ent.ent_id_].type != "state" or end >= len(doc):
        return None
    word = doc[end]
    if word.ent_type_ or not _name_word(word) or word.lower_ in _NAME_GLUE or not word.is_alpha:
        return None
    following = doc[end + 1] if end + 1 < len(doc) else None
    if following is not None and (_name_word(following) or following.lower_ in _TITLE_WORDS):
        return None  # a longer name ("Saudi Arabia Airlines"), a portfolio ("UK *Brexit* Secretary David Davis")
    country = b.dictionary[ent.ent_id_].country
    if word.lower_ in _PLACE_TAILS:
        return Candidate(ent.start, end + 1, "LOC", country=country)
    english = doc.vocab.lookups.get_table(ENGLISH_WORDS) if doc.vocab.lookups.has_table(ENGLISH_WORDS) else None
    lower = word.lower_
    forms = (lower, lower.removesuffix("s"), lower.removesuffix("es"))  # "Regions", "Muslims": plurals of words
    if english is None or any(w in english for w in forms) or word.text in phoenix_index().given_names:
        return None
    return Candidate(ent.start, end + 1, "ORG", country=country)


#: What may follow a comma inside one person's name ("Martin Luther King, Jr.").
_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})


def entity_spans(b: DocActorsBuilder) -> list[Candidate]:
    """The document's entities, reshaped as the module docstring says, in text order."""
    doc = b.doc
    found: list[Candidate] = []
    taken = -1
    for ent in doc.ents:
        if ent.start < taken:
            continue
        if ent.ent_id_ and ent.label_ == "NORP" and (run := _demonym_run(b, ent)) is not None:
            country = b.dictionary[ent.ent_id_].country if ent.ent_id_ in b.dictionary else None
            found = [c for c in found if c.end <= run[0]]
            found.append(Candidate(run[0], run[1], "ORG", country=country))
            taken = run[1]
            continue
        if ent.ent_id_ and (compound := _state_compound(b, ent)) is not None:
            found.append(compound)  # "Saudi Aramco", "the Niger Delta": a name that starts with a state
            taken = compound.end
            continue
        if ent.ent_id_ and _shouted_word(b, ent):
            continue
        start, end = (ent.start, ent.end) if ent.ent_id_ else _trimmed(b, ent.start, ent.end)
        if found and start < found[-1].end:
            start = found[-1].end
        if start >= end:
            continue
        joined = _of_join(b, start, end)
        if joined is not None:
            found.append(Candidate(start, joined, "ORG"))
            taken = joined
            continue
        last = found[-1] if found else None
        if last is not None and _one_person(b, last, start, ent):
            found[-1] = Candidate(last.start, end, "PERSON")  # "Abd-Rabbu | Mansour Hadi": one long name
            continue
        comma = next((t.i for t in doc[start + 1 : end - 1] if t.text == ","), None) if ent.label_ in ("PERSON", "ORG") else None
        if comma is not None and not ent.ent_id_ and _two_names(doc[start:comma], doc[comma + 1]):
            found += [Candidate(start, comma, "PERSON"), Candidate(comma + 1, end, "PERSON")]  # "Hollande, Saeb Erekat"
            continue
        if not ent.ent_id_ and end - start == 1 and (person := surname_of(b, doc[start])) is not None:
            found.append(Candidate(start, end, "PERSON", person))  # "Tillerson" typed ORG at a sentence start
            continue
        found.append(Candidate(start, end, ent.label_, ent.ent_id_))
    named = _honorific_names(b)
    surnames = [Candidate(i, i + 1, "PERSON", actor) for i, actor in surname_names(b, skip={c.start for c in named})]
    return sorted(found + named + surnames, key=lambda c: c.start)


def _two_names(before: Span, after) -> bool:
    """Is a comma inside an entity a break between two names ("Hollande, Saeb Erekat", "Sony, Huawei")?
    Not before a suffix ("King, Jr.") nor inside a long name ("Ministry of Labour, Social Affairs ...")."""
    return after.text.rstrip(".") not in _NAME_SUFFIXES and after.is_title and all(
        t.is_title or not t.is_alpha for t in before)


def _one_person(b: DocActorsBuilder, last: Candidate, start: int, ent: Span) -> bool:
    """Two new person names the model cut apart with nothing between them are one ("Zine El | Abidine Ben Ali")."""
    if last.label != "PERSON" or ent.label_ != "PERSON" or last.ent_id or ent.ent_id_ or last.end != start:
        return False
    before = b.doc[start - 1]
    return bool(before.whitespace_) and before.is_title and b.doc[start].is_title


def _shouted_word(b: DocActorsBuilder, ent: Span) -> bool:
    """An acronym that is also an English word ("IS", "US") inside a line written in capitals
    ("THIS IS THE END"): the word, not the actor."""
    token = ent[0]
    if len(ent) != 1 or not token.is_stop:
        return False
    doc = b.doc
    around = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(t.is_upper and t.is_alpha and len(t) > 1 for t in around)


_PERSON_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "mme", "mlle", "miss", "sir", "dame", "monsieur", "madame"})


def _honorific_names(b: DocActorsBuilder) -> list[Candidate]:
    """Person names after an honorific that no entity covers ("Mr Dorn")."""
    doc = b.doc
    found: list[Candidate] = []
    for token in doc:
        if token.lower_.rstrip(".") not in _PERSON_HONORIFICS or token.ent_type_:
            continue
        start = token.i + 1
        if start < len(doc) and doc[start].text == ".":
            start += 1
        end = start
        while end < len(doc) and end - start < 4 and _name_word(doc[end]) and not doc[end].ent_type_:
            end += 1
        if end > start and doc[start].text[:1].isupper():
            found.append(Candidate(start, end, "PERSON"))
    return found


