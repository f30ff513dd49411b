"""Errors meant for users: each renders as one clear line naming the file and the problem."""

from __future__ import annotations

__all__ = ["DiplographError", "InputError", "OutputError", "ConfigError", "LookupFailed"]


class DiplographError(Exception):
    """Base class of every error caused by user input rather than by a bug.

    The CLI prints ``str(error)`` on one line and exits with status 2;
    anything else is a bug and keeps its traceback.
    """


class InputError(DiplographError):
    """A corpus path or document cannot be read."""


class OutputError(InputError):
    """An output folder or file cannot be created or written (not writable, disk full...).

    A subclass of :class:`InputError` so code catching path problems catches both.
    """


class ConfigError(DiplographError):
    """A settings, actor dictionary or ontology file is invalid."""


class LookupFailed(DiplographError, KeyError):
    """An actor name or relation type given to a query does not exist."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""
