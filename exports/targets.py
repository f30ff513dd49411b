"""Where an export goes: one-line errors for an output path of the wrong kind, and XML-safe text.

An export to a file refuses an existing folder (and names a file to use
instead); an export to a folder (CSV, Parquet) refuses an existing file. Both
raise :class:`~diplograph.base.errors.OutputError`, which the command line
prints as one line.

XML 1.0 forbids most control characters (``\\x00``-``\\x08``, ``\\x0b``,
``\\x0c``, ``\\x0e``-``\\x1f``), unpaired surrogates and ``\\ufffe``/``\\uffff``
even as character references, so news text holding one (a form feed, a stray
``\\x01``) would make GEXF and GraphML files that no parser reads.
:func:`xml_text` replaces each with U+FFFD (the replacement character);
tabs and line breaks stay.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from diplograph.base.errors import OutputError

__all__ = ["file_target", "folder_target", "xml_text"]

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def file_target(path: str | os.PathLike[str], example: str) -> Path:
    """``path`` as the file to write.

    Args:
        path: where the file goes.
        example: a file name to suggest when ``path`` is a folder (``"graph.gexf"``).

    Raises:
        OutputError: ``path`` is an existing folder.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder, not a file; give a file name such as {target / example}")
    return target


def folder_target(path: str | os.PathLike[str]) -> Path:
    """``path`` as the folder to write into.

    Raises:
        OutputError: ``path`` is an existing file.
    """
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: is a file; this export writes a folder (give a folder name)")
    return target


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _XML_INVALID.sub("\ufffd", text)
