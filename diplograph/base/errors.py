"""Errors meant for users: each renders as one clear line naming the file and the problem."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "DiplographError", "InputError", "OutputError", "ConfigError", "LookupFailed", "DocumentError", "Terminated",
    "printable",
]

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


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


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived during a build: handled like Ctrl-C (worker processes are stopped, the
    outputs already written are complete). A KeyboardInterrupt, so code that stops cleanly on
    Ctrl-C stops cleanly on SIGTERM too."""


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A document that could not be read; the run goes on without it.

    ``str()`` gives the one line the CLI prints, with control and bidi
    characters from hostile ids or keys escaped so they cannot drive the terminal.
    """

    doc: str
    reason: str
    warning: bool = False

    def __str__(self) -> str:
        return printable(f"{self.doc}: {self.reason}")


def printable(text: str) -> str:
    """Escape control, line-separator and bidi-override characters (``\\x1b``) for one-line terminal output."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
