"""The ground floor: the data model, user-facing errors and file helpers. Imports no stage."""
