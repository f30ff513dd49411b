"""The build: corpus → extraction on an engine (this process, worker processes, Dask) →
merged actors → RelationGraph → output folder; with the per-document cache."""
