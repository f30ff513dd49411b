"""Actor recognition, resolution and merging: mentions in text become graph nodes.

* :mod:`~diplograph.actors.dictionary` — the shipped actor dictionary (``data/*.yaml``) and user files;
* :mod:`~diplograph.actors.recognize` — the entity ruler built from it;
* :mod:`~diplograph.actors.resolve` — one parsed document → :class:`~diplograph.actors.doc_actors.DocActors`
  (passes in :mod:`entities`, :mod:`phrases`, :mod:`coreference`, :mod:`quotes`);
* :mod:`~diplograph.actors.merge` — one node per real actor across documents;
* :mod:`~diplograph.actors.table` — the actor table of ``diplograph actors CORPUS``.
"""
