"""The output folder of a build: what is written into it, and how it is read back.

:func:`write_outputs` writes the files of the output contract (README, "Output
contract"), each atomically; :func:`load` reads a folder back into a
:class:`~diplograph.graph.relation_graph.RelationGraph` without re-parsing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.base.errors import InputError
from diplograph.base.io import ensure_dir, write_jsonl, write_text
from diplograph.base.version import __version__
from diplograph.graph.relation_graph import RelationGraph
from diplograph.pipeline.inputs import load_inputs, write_inputs
from diplograph.relations.ontology import load_ontology

if TYPE_CHECKING:
    from diplograph.pipeline.build import BuildResult

__all__ = ["OUTPUT_FILES", "CACHE_FOLDER", "write_outputs", "read_manifest", "load"]

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

#: Where :func:`build` keeps its per-document cache inside the output folder.
CACHE_FOLDER = ".cache"


def write_outputs(result: BuildResult, out: str | Path, *, html: bool = True, report: bool = True) -> Path:
    """Write the output folder (see README, "Output contract"); every file atomically."""
    folder = ensure_dir(out)
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
    manifest = {
        "diplograph": __version__,
        "built": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        **result.stats,
        "inputs": write_inputs(folder, result.inputs),
    }
    write_text(folder / "manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return folder


def read_manifest(folder: str | Path) -> dict[str, Any]:
    """The ``manifest.json`` of an output folder (empty for a folder written before manifests).

    Raises:
        InputError: the manifest is not valid JSON.
    """
    path = Path(folder) / "manifest.json"
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
    for name in ("actors.jsonl", "relations.jsonl"):
        if not (path / name).is_file():
            raise InputError(f"{path}: not a build output folder ({name} is missing)")
    own_ontology, dictionary = load_inputs(path, read_manifest(path))
    chosen = load_ontology(ontology) if ontology is not None else own_ontology
    return RelationGraph.load(path, ontology=chosen, dictionary=dictionary, engine=engine)
