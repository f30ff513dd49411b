"""Exports: interactive HTML, GEXF, GraphML, JSON and tables."""
