"""spaCy plumbing shared by the actor and relation stages: the model, sentence splitting,
the fast attribute ruler and parse-tree helpers. Knows nothing of actors or relations."""
