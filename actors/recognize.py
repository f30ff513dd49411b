"""Recognition: an entity ruler built from the actor dictionary.

The ruler runs before the statistical NER, so its spans are kept and the
model only labels what the dictionary does not know; this is what corrects
the small model's habits of tagging "Zelenskyy" as GPE, "Kyiv" as PERSON or
"Kramatorsk" as PRODUCT. Each ruler span carries its actor id in
``ent.ent_id_``. Patterns match the exact token text, so acronyms ("US") and
demonyms ("Russian") are only found as written.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language

from diplograph.actors.dictionary import ActorDictionary

__all__ = ["RULER_NAME", "LABELS", "actor_patterns", "add_actor_ruler"]

RULER_NAME = "diplograph_actor_ruler"

#: spaCy entity label for each actor type (demonyms are always NORP).
LABELS = {
    "person": "PERSON",
    "state": "GPE",
    "organization": "ORG",
    "group": "ORG",
    "place": "GPE",
    "media": "ORG",
}


#: Leading Arabic articles, written either case in the news ("al-Qaeda", "Al-Qaeda", "el-Sisi").
_ARTICLES = ("al-", "al ", "el-", "ad-", "ash-", "as-", "an-", "ar-")


def _variants(text: str) -> Iterator[str]:
    """The written forms of one dictionary form: without a leading "the", capitalised, an Arabic
    article in either case, curly apostrophes."""
    if text.lower().startswith("the ") and len(text) > 4:
        text = text[4:]
    forms = [text]
    if text[:1].islower():
        forms.append(text[:1].upper() + text[1:])
    elif text[:1].isupper() and text.lower().startswith(_ARTICLES) and len(text.split()[0]) > 3:
        forms.append(text[:1].lower() + text[1:])
    for form in list(forms):
        if "'" in form:
            forms.append(form.replace("'", "\u2019"))
    yield from forms


def actor_patterns(dictionary: ActorDictionary) -> list[dict]:
    """Entity-ruler patterns for every surface form of every dictionary actor (no duplicates)."""
    patterns: dict[str, dict] = {}
    for text, actor_id, kind in dictionary.forms():
        label = "NORP" if kind == "demonym" else LABELS[dictionary[actor_id].type]
        for form in _variants(text):
            # A later entry takes a form over, as in ActorDictionary.lookup.
            patterns[form] = {"label": label, "pattern": form, "id": actor_id}
    return list(patterns.values())


def add_actor_ruler(nlp: Language, dictionary: ActorDictionary) -> Language:
    """Add (or replace) the actor ruler in ``nlp``, before ``ner`` when present."""
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": True}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(actor_patterns(dictionary))
    return nlp
