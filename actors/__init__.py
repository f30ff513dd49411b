"""Actor recognition, resolution and merging: mentions in text become graph nodes."""
