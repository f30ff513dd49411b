"""Force-directed node positions computed in Python for graphs too big for browser physics.

The browser's physics simulation gets slow past a few hundred nodes, so larger
graphs are laid out here once, with a fixed seed (the same graph always gets
the same picture), and drawn with physics switched off.

The layout is Fruchterman-Reingold (springs along edges, every pair of nodes
repelling, a weak pull towards the centre), vectorised with numpy. Up to
``exact_limit`` nodes every pair is computed (in row blocks to bound memory).
Above it, repulsion is split the way particle-mesh simulations do it: nodes in
the same or neighbouring grid cells repel exactly (pairs found with a k-d
tree), and the pull of everything further away comes from the cell masses,
convolved with the repulsion kernel by FFT, so an iteration costs about
``O(n + cells log cells)`` instead of ``O(n²)``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np
from scipy.spatial import cKDTree

__all__ = ["force_layout"]

_MIN_DISTANCE = 1e-3
_BLOCK_ROWS = 256


def force_layout(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    seed: int = 7,
    iterations: int = 80,
    exact_limit: int = 800,
    spacing: float = 70.0,
    gravity: float = 1.0,
) -> dict[Hashable, tuple[float, float]]:
    """Return ``{node: (x, y)}`` screen positions from a seeded force-directed layout.

    Args:
        nodes: node ids, in a fixed order (the order changes the result).
        edges: pairs of node ids; direction, duplicates and unknown ids are ignored.
        seed: seed of the random starting positions.
        iterations: number of cooling steps.
        exact_limit: above this many nodes, distant repulsion is approximated on a grid.
        spacing: roughly the distance in pixels between neighbouring nodes.
        gravity: pull towards the centre that keeps small components and isolated
            nodes close to the main component.

    Returns:
        Positions in pixels, centred on the origin, rounded to 0.1 px.

    >>> pos = force_layout(["a", "b", "c"], [("a", "b")])
    >>> sorted(pos) == ["a", "b", "c"]
    True
    """
    count = len(nodes)
    if count == 0:
        return {}
    if count == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = _edge_array(edges, index)
    pos = np.random.default_rng(seed).random((count, 2))
    repulsion = _repulsion_exact if count <= exact_limit else _repulsion_mesh
    k = 1.0 / np.sqrt(count)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = repulsion(pos, k)
        disp += _attraction(pos, pairs, k)
        disp -= gravity * (pos - pos.mean(axis=0))
        length = np.maximum(np.linalg.norm(disp, axis=1), _MIN_DISTANCE)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return _to_pixels(nodes, pos, spacing / k)


def _edge_array(edges: Iterable[tuple[Hashable, Hashable]], index: dict[Hashable, int]) -> np.ndarray:
    unique = {tuple(sorted((index[u], index[v]))) for u, v in edges if u in index and v in index and u != v}
    if not unique:
        return np.empty((0, 2), dtype=np.intp)
    return np.array(sorted(unique), dtype=np.intp)


def _repulsion_exact(pos: np.ndarray, k: float) -> np.ndarray:
    disp = np.empty_like(pos)
    x, y = pos[:, 0], pos[:, 1]
    for start in range(0, len(pos), _BLOCK_ROWS):
        stop = start + _BLOCK_ROWS
        dx = x[start:stop, None] - x[None, :]
        dy = y[start:stop, None] - y[None, :]
        scale = k * k / np.maximum(dx * dx + dy * dy, _MIN_DISTANCE**2)
        disp[start:stop, 0] = (dx * scale).sum(axis=1)
        disp[start:stop, 1] = (dy * scale).sum(axis=1)
    return disp


def _repulsion_mesh(pos: np.ndarray, k: float) -> np.ndarray:
    """Exact repulsion between nodes in neighbouring cells, grid-averaged repulsion beyond."""
    count = len(pos)
    side = int(np.clip(np.ceil(np.sqrt(count / 2)), 8, 128))
    low = np.percentile(pos, 1, axis=0)
    cell = max(float((np.percentile(pos, 99, axis=0) - low).max()) / side, 1e-9)
    cells = np.clip(((pos - low) / cell).astype(np.intp), 0, side - 1)
    mass = np.bincount(cells[:, 0] * side + cells[:, 1], minlength=side * side).reshape(side, side)
    offsets = np.arange(2 * side)
    offsets = np.where(offsets < side, offsets, offsets - 2 * side)  # FFT order: 0..side-1, -side..-1
    dx, dy = offsets[:, None] * cell, offsets[None, :] * cell
    near = (np.abs(offsets)[:, None] <= 1) & (np.abs(offsets)[None, :] <= 1)
    scale = np.where(near, 0.0, k * k / np.maximum(dx * dx + dy * dy, cell * cell))
    mass_f = np.fft.rfft2(mass, s=(2 * side, 2 * side))
    disp = np.empty_like(pos)
    for axis, delta in enumerate((dx * scale, dy * scale)):
        field = np.fft.irfft2(mass_f * np.fft.rfft2(delta), s=(2 * side, 2 * side))[:side, :side]
        disp[:, axis] = field[cells[:, 0], cells[:, 1]]
    tree = cKDTree(pos, balanced_tree=False, compact_nodes=False)
    close = tree.query_pairs(r=2.9 * cell, output_type="ndarray")  # covers every pair in adjacent cells
    if len(close):
        first, second = np.ascontiguousarray(close[:, 0]), np.ascontiguousarray(close[:, 1])
        cx, cy = np.ascontiguousarray(cells[:, 0]), np.ascontiguousarray(cells[:, 1])
        adjacent = (np.abs(cx[first] - cx[second]) <= 1) & (np.abs(cy[first] - cy[second]) <= 1)
        close = np.column_stack((first[adjacent], second[adjacent]))
        delta = pos[close[:, 0]] - pos[close[:, 1]]
        dist2 = np.maximum(np.einsum("ij,ij->i", delta, delta), _MIN_DISTANCE**2)
        disp += _scatter(count, close, delta * (k * k / dist2)[:, None])
    return disp


def _attraction(pos: np.ndarray, pairs: np.ndarray, k: float) -> np.ndarray:
    if len(pairs) == 0:
        return np.zeros_like(pos)
    delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
    dist = np.maximum(np.linalg.norm(delta, axis=1), _MIN_DISTANCE)
    return -_scatter(len(pos), pairs, delta * (dist / k)[:, None])


def _scatter(count: int, pairs: np.ndarray, force: np.ndarray) -> np.ndarray:
    """Add ``force`` to the first node of each pair and subtract it from the second."""
    disp = np.empty((count, 2))
    for axis in (0, 1):
        disp[:, axis] = np.bincount(pairs[:, 0], force[:, axis], count) - np.bincount(pairs[:, 1], force[:, axis], count)
    return disp


def _to_pixels(nodes: Sequence[Hashable], pos: np.ndarray, scale: float) -> dict[Hashable, tuple[float, float]]:
    centred = (pos - pos.mean(axis=0)) * scale
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, centred, strict=True)}
