"""Relation extraction: typed, directed edges with polarity, modality and attribution.

Modules, in pipeline order:

* :mod:`~diplograph.relations.ontology` and :mod:`~diplograph.relations.lexicon`:
  the relation types and the words that express them (data files, user-extensible);
* :mod:`~diplograph.relations.matching`: trigger words of a sentence (verbs,
  light verbs with event nouns, event nouns);
* :mod:`~diplograph.relations.arguments`, :mod:`~diplograph.relations.nominal`,
  :mod:`~diplograph.relations.anaphora`, :mod:`~diplograph.relations.parties`
  ("the two sides", implied targets) and :mod:`~diplograph.relations.readings`:
  their source and target actors (subjects, passives and control through
  :mod:`diplograph.nlp.syntax`);
* :mod:`~diplograph.relations.embedding`: what demands and threats are about
  is content, not fact;
* :mod:`~diplograph.relations.polarity`, :mod:`~diplograph.relations.modality`,
  :mod:`~diplograph.relations.attribution`, :mod:`~diplograph.relations.dates`:
  how each relation is stated;
* :mod:`~diplograph.relations.extract`: ``extract_relations(doc, actors, document)``;
* :mod:`~diplograph.relations.dedupe`: ``merge_duplicates(relations)``;
* :mod:`~diplograph.relations.evaluate`: scoring against annotated gold files.
"""
