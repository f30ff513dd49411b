"""The shape of the house: imports between folders point one way, and no module is too long.

A *folder* is a directory holding modules: ``diplograph/`` and each of its
sub-folders, and the four topic folders (``actors/``, ``relations/``,
``graph/``, ``exports/``, mapped to ``diplograph.<name>`` by ``pyproject.toml``).
Every import counts, at module level or inside a function, except imports
under ``if TYPE_CHECKING:`` and the deliberate lazy imports of
:data:`LAZY_ALLOWED`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Top-level folders mapped onto sub-packages of ``diplograph`` (as pyproject.toml's package-dir).
TOPIC_FOLDERS = ("actors", "relations", "graph", "exports")
#: Deliberate lazy imports against the direction of the layers: (file, imported module) -> reason.
LAZY_ALLOWED = {
    ("graph/relation_graph.py", "diplograph.exports.html"): "RelationGraph.to_html/show draw the graph with the exports stage",
}
MAX_LINES = 400


def _folder_of_module(module: str, root: Path = ROOT) -> str | None:
    """The folder (relative path) holding ``module``, or None for a module that is not ours."""
    parts = module.split(".")
    if parts[0] != "diplograph":
        return None
    if len(parts) > 1 and parts[1] in TOPIC_FOLDERS:
        path = root.joinpath(parts[1], *parts[2:])
    else:
        path = root.joinpath("diplograph", *parts[1:])
    while path != root:  # the deepest existing directory that is a package of ours
        if path.is_dir():
            return path.relative_to(root).as_posix()
        path = path.parent
    return None


def _source_files(root: Path = ROOT) -> list[Path]:
    folders = ["diplograph", *TOPIC_FOLDERS]
    return sorted(p for folder in folders for p in (root / folder).rglob("*.py") if "__pycache__" not in p.parts)


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` of every import of ``path`` (``from a.b import c`` gives ``a.b.c`` and ``a.b``)."""
    tree = ast.parse(path.read_text("utf-8"))
    skipped = _type_checking_lines(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.lineno in skipped:
            continue
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                found.append((node.lineno, f"{node.module}.{alias.name}"))
    return found


def folder_graph(root: Path = ROOT) -> nx.DiGraph:
    """Folders as nodes, an edge ``a -> b`` when a module in ``a`` imports one in ``b``."""
    graph = nx.DiGraph()
    for path in _source_files(root):
        rel = path.relative_to(root).as_posix()
        here = path.parent.relative_to(root).as_posix()
        graph.add_node(here)
        for line, module in imported_modules(path):
            if (rel, module) in LAZY_ALLOWED or (rel, module.rsplit(".", 1)[0]) in LAZY_ALLOWED:
                continue
            there = _folder_of_module(module, root)
            if there is not None and there != here:
                graph.add_edge(here, there, example=f"{rel}:{line} imports {module}")
    return graph


def test_no_import_circle_between_folders():
    graph = folder_graph()
    cycles = sorted(nx.simple_cycles(graph), key=len)
    if cycles:
        cycle = cycles[0]
        steps = [graph.edges[a, b]["example"] for a, b in zip(cycle, cycle[1:] + cycle[:1])]
        pytest.fail(f"import circle {' -> '.join(cycle + cycle[:1])}: " + "; ".join(steps))


def test_the_base_imports_no_stage():
    graph = folder_graph()
    assert set(graph.successors("diplograph/base")) == set()
    assert set(graph.successors("diplograph/nlp")) <= {"diplograph/base"}


def test_the_folder_graph_sees_real_edges():
    """The check can fail: the known downward edges are there."""
    graph = folder_graph()
    assert graph.has_edge("relations", "actors")
    assert graph.has_edge("diplograph/pipeline", "diplograph/extraction")
    assert graph.has_edge("exports", "graph")


def test_no_module_over_400_lines():
    folders = ["diplograph", *TOPIC_FOLDERS, "tests", "benchmarks", "scripts"]
    too_long = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = path.read_text("utf-8").count("\n")
            if lines > MAX_LINES:
                too_long.append(f"{path.relative_to(ROOT)} ({lines} lines)")
    assert not too_long, f"modules over {MAX_LINES} lines: {', '.join(too_long)}"
