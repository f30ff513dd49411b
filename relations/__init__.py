"""Relation extraction: typed, directed edges with polarity, modality and attribution."""
