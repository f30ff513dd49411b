"""Recognition: an entity ruler built from the actor dictionary.

The ruler runs before the statistical NER, so its spans are kept and the
model only labels what the dictionary does not know. Each ruler span carries
its actor id in ``ent.ent_id_``.
"""

from __future__ import annotations

from spacy.language import Language

from diplograph.actors.dictionary import ActorDictionary

__all__ = ["RULER_NAME", "LABELS", "actor_patterns", "add_actor_ruler"]

RULER_NAME = "diplograph_actor_ruler"

#: spaCy entity label for each actor type (demonyms are always NORP).
LABELS = {
    "person": "PERSON",
    "state": "GPE",
    "organization": "ORG",
    "group": "NORP",
    "place": "GPE",
    "media": "ORG",
}


def actor_patterns(dictionary: ActorDictionary) -> list[dict]:
    """Entity-ruler patterns for every surface form of every dictionary actor."""
    patterns = []
    for entry in dictionary:
        for text, kind in entry.surface_forms():
            label = "NORP" if kind == "demonym" else LABELS[entry.type]
            patterns.append({"label": label, "pattern": text, "id": entry.id})
            if text[:1].islower() or (text.lower() != text and not text.isupper() and kind == "alias"):
                patterns.append({"label": label, "pattern": text.lower(), "id": entry.id})
            if text.lower().startswith("the "):
                patterns.append({"label": label, "pattern": text[4:], "id": entry.id})
    return patterns


def add_actor_ruler(nlp: Language, dictionary: ActorDictionary) -> Language:
    """Add (or replace) the actor ruler in ``nlp``, before ``ner`` when present."""
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": True}, **where)
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in ("tok2vec", "tagger", "attribute_ruler")]):
        ruler.add_patterns(actor_patterns(dictionary))
    return nlp
