"""Resolution: turn a parsed document into actor references (:class:`DocActors`).

Four passes over one document, each in its own module:

1. :mod:`~diplograph.actors.entities` — dictionary and NER spans become
   references to known or new actors; noise, bylines and media are sorted out;
2. :mod:`~diplograph.actors.phrases` — titles, appositions, plural role nouns
   and demonym + institution phrases ("Russian forces"); then coalitions a state
   leads (:mod:`~diplograph.actors.coalitions`) and generic groups ("human rights
   groups": :mod:`~diplograph.actors.generic_groups`);
3. :mod:`~diplograph.actors.coreference` — definite descriptions (of places,
   states and people: :mod:`~diplograph.actors.descriptions`) and
   third-person pronouns;
4. :mod:`~diplograph.actors.quotes` — quote speakers and first-person
   pronouns inside quotes (the verbs of saying are an argument).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from diplograph.actors.builder import DocActorsBuilder
from diplograph.actors.affiliations import learn_affiliations
from diplograph.actors.coalitions import read_led_groups
from diplograph.actors.coreference import resolve_coreference
from diplograph.actors.counterparts import resolve_counterparts
from diplograph.actors.dictionary import ActorDictionary
from diplograph.actors.doc_actors import DocActors
from diplograph.actors.entities import NEW_ACTOR_TYPES, recognize_entities
from diplograph.actors.generic_groups import read_generic_groups
from diplograph.actors.institutions import resolve_institutions
from diplograph.actors.nationality import learn_nationalities
from diplograph.actors.persons import drop_given_names, merge_acronyms, merge_compass_names, merge_surnames
from diplograph.actors.phrases import read_phrases
from diplograph.actors.quotes import attribute_quotes
from diplograph.base.models import Document
from diplograph.nlp.quotes import speech_lemmas

__all__ = ["NEW_ACTOR_TYPES", "resolve_actors"]


def resolve_actors(
    doc: Doc,
    document: Document,
    dictionary: ActorDictionary,
    *,
    speech_verbs: Iterable[str],
    learned: list[dict] | None = None,
) -> DocActors:
    """Resolve every actor mention in ``doc`` (the parsed text of ``document``).

    Args:
        doc: the document parsed by a pipeline holding the actor ruler
            (:func:`~diplograph.actors.recognize.add_actor_ruler`).
        document: the document (its id goes into every mention).
        dictionary: the actor dictionary the ruler was built from.
        speech_verbs: lemmas of the verbs of saying that introduce quotes
            (the relation lexicon's ``speech_verbs``; actor resolution
            does not read the lexicon itself).
        learned: a list that receives :attr:`DocActors.learned` (dated roles the
            text gives people, office placeholders) for the corpus-wide merge;
            the extractor passes ``DocResult.learned``.

    Returns:
        The document's mentions, actors, token-to-actor map, plural
        references, sector/role notes and attributed quotes.
    """
    builder = DocActorsBuilder(doc, document, dictionary)
    recognize_entities(builder)
    resolve_institutions(builder)
    read_phrases(builder)
    read_led_groups(builder)
    read_generic_groups(builder)
    learn_affiliations(builder)
    learn_nationalities(builder)
    merge_surnames(builder)
    merge_acronyms(builder)
    merge_compass_names(builder)
    drop_given_names(builder)
    resolve_coreference(builder)
    resolve_counterparts(builder)
    attribute_quotes(builder, speech_lemmas(speech_verbs))
    found = builder.finish()
    if learned is not None:
        learned.extend(found.learned)
    return found
