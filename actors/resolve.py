"""Resolution: turn the entities of a parsed document into actor mentions.

Dictionary spans keep their dictionary actor; NER spans outside the
dictionary become new actors with a provisional slug id, typed from their
label; a later surname-only mention of a person joins the full name seen
earlier; third-person pronouns point to the most recent person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from diplograph.actors.dictionary import ActorDictionary
from diplograph.actors.doc_actors import DocActors
from diplograph.models import Actor, Document, Mention, slugify

__all__ = ["NEW_ACTOR_TYPES", "resolve_actors"]

#: Actor type for NER labels of spans the dictionary does not know.
NEW_ACTOR_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}


def _sentence_index(doc: Doc) -> dict[int, int]:
    index = {}
    for number, sent in enumerate(doc.sents):
        for token in sent:
            index[token.i] = number
    return index


def _is_noise(span: Span) -> bool:
    text = span.text.strip()
    return not any(ch.isalpha() for ch in text) or len(text) < 2


def resolve_actors(doc: Doc, document: Document, dictionary: ActorDictionary) -> DocActors:
    """Resolve every actor mention in ``doc`` (parsed text of ``document``)."""
    result = DocActors(doc_id=document.id)
    sentence_of = _sentence_index(doc)
    surnames: dict[str, str] = {}

    def add(span: Span, actor: Actor, kind: str) -> None:
        result.actors.setdefault(actor.id, actor)
        result.mentions.append(
            Mention(
                actor=actor.id,
                doc=document.id,
                sentence=sentence_of.get(span.start, 0),
                span=(span.start_char, span.end_char),
                text=span.text,
                kind=kind,
            )
        )
        for token in span:
            result.token_actor[token.i] = actor.id
        if actor.type == "person":
            surnames.setdefault(actor.name.split()[-1].casefold(), actor.id)

    for ent in doc.ents:
        if ent.ent_id_ and ent.ent_id_ in dictionary:
            hit = dictionary.lookup(ent.text)
            add(ent, dictionary.actor(ent.ent_id_), hit[1] if hit else "alias")
            continue
        actor_type = NEW_ACTOR_TYPES.get(ent.label_)
        if actor_type is None or _is_noise(ent):
            continue
        hit = dictionary.lookup(ent.text)
        if hit is not None:
            add(ent, dictionary.actor(hit[0]), hit[1])
            continue
        if actor_type == "person" and len(ent) == 1 and ent.text.casefold() in surnames:
            actor_id = surnames[ent.text.casefold()]
            add(ent, result.actors[actor_id], "alias")
            continue
        actor = Actor(id=slugify(ent.text), name=ent.text.strip(), type=actor_type)
        add(ent, result.actors.get(actor.id, actor), "name")

    last_person: str | None = None
    for token in doc:
        actor_id = result.token_actor.get(token.i)
        if actor_id is not None and result.actors[actor_id].type == "person":
            last_person = actor_id
        elif token.lower_ in _PERSON_PRONOUNS and token.pos_ == "PRON" and last_person is not None:
            span = doc[token.i : token.i + 1]
            add(span, result.actors[last_person], "pronoun")
    result.mentions.sort(key=lambda m: m.span)
    return result
