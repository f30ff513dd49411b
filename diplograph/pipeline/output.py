"""The output folder of a build: what is written into it, and how it is read back.

:func:`write_outputs` writes the files of the output contract (README, "Output
contract") as one set: into a new generation folder made current by one atomic
rename, under the folder's lock (:mod:`diplograph.pipeline.generations`). :func:`load`
reads the current set back into a
:class:`~diplograph.graph.relation_graph.RelationGraph` without re-parsing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.base.errors import DiplographError, InputError
from diplograph.base.io import ensure_dir, write_jsonl, write_text
from diplograph.base.version import __version__
from diplograph.graph.relation_graph import RelationGraph
from diplograph.pipeline.generations import (
    current_generation, discard, new_generation, output_lock, prepare_links, publish,
)
from diplograph.pipeline.inputs import INPUTS_FOLDER, load_inputs, write_inputs
from diplograph.relations.ontology import load_ontology

if TYPE_CHECKING:
    from diplograph.pipeline.build import BuildResult

__all__ = ["OUTPUT_FILES", "OUTPUT_SET", "CACHE_FOLDER", "write_outputs", "read_manifest", "load"]

#: The files a build writes into its output folder (the public output contract).
OUTPUT_FILES = (
    "actors.jsonl",
    "relations.jsonl",
    "mentions.jsonl",
    "documents.jsonl",
    "errors.jsonl",
    "graph.html",
    "report.md",
    "manifest.json",
)

#: Everything that changes as one set when a build is written (the files and the ``inputs/`` folder).
OUTPUT_SET = (*OUTPUT_FILES, INPUTS_FOLDER)

#: Where :func:`build` keeps its per-document cache inside the output folder.
CACHE_FOLDER = ".cache"
#: Attempts of :func:`load` when builds replace the set while it reads.
_LOAD_ATTEMPTS = 5


def write_outputs(result: BuildResult, out: str | Path, *, html: bool = True, report: bool = True) -> Path:
    """Write the output folder (see README, "Output contract") as one set, and return the folder.

    The set goes into a new generation folder that one atomic rename makes current:
    readers of ``out`` see the previous set or this one, never a mix, even if this
    process dies or the disk fills up mid-way. ``.cache`` and other files in ``out``
    are left alone.

    Raises:
        OutputError: ``out`` cannot be written, or another build is writing it.
    """
    folder = ensure_dir(out)
    with output_lock(folder):
        links = prepare_links(folder, OUTPUT_SET)
        generation = new_generation(folder)
        try:
            _write_set(result, generation, html=html, report=report)
            publish(folder, generation, OUTPUT_SET, links=links)
        except BaseException:
            discard(generation)
            raise
    return folder


def _write_set(result: BuildResult, folder: Path, *, html: bool, report: bool) -> None:
    graph = result.graph
    write_jsonl(folder / "actors.jsonl", graph.iter_actors())
    write_jsonl(folder / "relations.jsonl", graph.iter_relations())
    write_jsonl(folder / "mentions.jsonl", result.mentions)
    write_jsonl(folder / "documents.jsonl", ({**d, "date": d["date"].isoformat() if d["date"] else None} for d in result.documents))
    write_jsonl(folder / "errors.jsonl", ({"doc": e.doc, "reason": e.reason, "level": "warning" if e.warning else "error"} for e in result.errors))
    if report:
        from diplograph.graph.report import render_report

        write_text(folder / "report.md", render_report(graph, format="md"))
    if html:
        from diplograph.exports.html import write_html

        write_html(graph, folder / "graph.html")
    inputs = write_inputs(folder, result.inputs)
    manifest = {
        "diplograph": __version__,
        "built": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        **result.stats,
        "inputs": inputs,
        "files": {name: _sha256(folder / name) for name in OUTPUT_FILES if (folder / name).is_file()},
    }
    write_text(folder / "manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder: str | Path) -> dict[str, Any]:
    """The ``manifest.json`` of an output folder's current set (empty for a folder written before manifests).

    Raises:
        InputError: the manifest is not valid JSON.
    """
    path = current_generation(folder) / "manifest.json"
    if not path.is_file():
        return {}
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable manifest ({exc})") from None
    if not isinstance(manifest, dict):
        raise InputError(f"{path}: not a readable manifest (expected a JSON object)")
    return manifest


def load(folder: str | Path, *, ontology: str | Path | None = None, engine: str = "auto") -> RelationGraph:
    """Reload a saved build (``actors.jsonl`` + ``relations.jsonl``) without re-parsing.

    The build's own ontology and actor dictionary (copied into ``inputs/`` when it
    used ``--ontology`` or ``--actors``, see :mod:`diplograph.pipeline.inputs`) are
    loaded back, so custom relation types and actor aliases work as in the build.
    Every file is read from one output set (the folder's current generation, resolved
    once), so a build finishing meanwhile never mixes two sets; when it replaces the
    set while this reads, the new set is read instead.

    Args:
        folder: the ``--out`` folder of a build.
        ontology: an ontology file to use instead of the build's own.
        engine: graph analytics engine, ``"auto"``, ``"networkx"`` or ``"igraph"``.

    Raises:
        InputError: ``folder`` is not a build output folder, or its inputs are missing or changed.
    """
    path = Path(folder)
    if not path.is_dir():
        raise InputError(f"{path}: not a build output folder (no such directory)")
    for attempt in range(_LOAD_ATTEMPTS):
        generation = current_generation(path)
        try:
            return _load_set(path, generation, ontology, engine)
        except DiplographError:
            if attempt == _LOAD_ATTEMPTS - 1 or current_generation(path) == generation:
                raise  # the set did not change under us: a real problem
    raise InputError(f"{path}: not a build output folder")  # not reached: the last attempt raises


def _load_set(path: Path, generation: Path, ontology: str | Path | None, engine: str) -> RelationGraph:
    for name in ("actors.jsonl", "relations.jsonl"):
        if not (generation / name).is_file():
            raise InputError(f"{path}: not a build output folder ({name} is missing)")
    own_ontology, dictionary = load_inputs(generation, read_manifest(generation), shown=path)
    chosen = load_ontology(ontology) if ontology is not None else own_ontology
    return RelationGraph.load(generation, ontology=chosen, dictionary=dictionary, engine=engine)
