"""The user files a build read, kept with its output so the folder describes itself.

A build made with ``--actors``, ``--ontology`` or ``--lexicon`` copies those files
into ``OUT/inputs/`` and lists them, with their SHA-256, in ``manifest.json``
(``"inputs"``). :func:`~diplograph.pipeline.output.load` and every CLI command that
reads a folder load them back, so a build with user relation types or actors is
queried, reported and exported with the same ontology and dictionary it was
built with — wherever the folder is moved.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.actors.dictionary import ActorDictionary, load_dictionary
from diplograph.base.errors import InputError
from diplograph.base.io import ensure_dir, write_text
from diplograph.base.userfiles import read_user_text
from diplograph.relations.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from diplograph.pipeline.options import BuildOptions

__all__ = ["INPUTS_FOLDER", "UserFile", "read_inputs", "write_inputs", "load_inputs"]

#: Sub-folder of the output folder holding the copies.
INPUTS_FOLDER = "inputs"
_WHAT = {"actors": "actor dictionary", "ontology": "ontology file", "lexicon": "lexicon file"}


@dataclass(frozen=True)
class UserFile:
    """One user file of a build: its kind, where it came from and its text."""

    kind: str
    source: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def name(self) -> str:
        """The copy's path inside the output folder (keeps the file's suffix)."""
        suffix = Path(self.source).suffix.lower()
        return f"{INPUTS_FOLDER}/{self.kind}{suffix if suffix in ('.yaml', '.yml', '.json') else '.yaml'}"


def read_inputs(options: BuildOptions) -> dict[str, UserFile]:
    """The user files named by ``options``, read once (kind -> file)."""
    return {
        kind: UserFile(kind, str(path), read_user_text(path, what=_WHAT[kind]))
        for kind, path in options.user_files().items()
    }


def write_inputs(folder: Path, inputs: dict[str, UserFile]) -> dict[str, dict[str, str]]:
    """Copy the user files into ``folder/inputs`` (created, empty without user files); returns the
    manifest's ``inputs`` entry."""
    entries = {}
    ensure_dir(folder / INPUTS_FOLDER)
    for kind, user_file in sorted(inputs.items()):
        write_text(folder / user_file.name, user_file.text)
        entries[kind] = {"file": user_file.name, "sha256": user_file.sha256, "source": user_file.source}
    return entries


def load_inputs(folder: Path, manifest: dict[str, Any], *, shown: Path | None = None) -> tuple[Ontology, ActorDictionary]:
    """The ontology and actor dictionary a saved build was made with.

    Args:
        folder: the folder holding the output set (a generation of an output folder).
        manifest: its manifest.
        shown: the folder to name in messages (the output folder the user gave).

    Raises:
        InputError: a copy listed in the manifest is missing or was changed.
        ConfigError: a copy is no longer valid.
    """
    entries = manifest.get("inputs") or {}
    paths: dict[str, Path | None] = {"actors": None, "ontology": None}
    for kind in paths:
        entry = entries.get(kind)
        if not entry:
            continue
        path, named = folder / entry["file"], (shown or folder) / entry["file"]
        if not path.is_file():
            raise InputError(f"{shown or folder}: the build's {_WHAT[kind]} {entry['file']} is missing")
        text = read_user_text(path, what=_WHAT[kind])
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != entry.get("sha256"):
            raise InputError(f"{named}: changed since the build (its SHA-256 differs from manifest.json)")
        paths[kind] = path
    return load_ontology(paths["ontology"]), load_dictionary(paths["actors"])
