"""The relation ontology: types, their CAMEO/PLOVER codes, quad classes and weights.

The built-in ontology ships as ``data/ontology.yaml``; a user file extends or
overrides it type by type. Files are read with YAML's safe loader and
validated strictly, so a typo in a key is reported, not ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from diplograph.base.errors import LookupFailed
from diplograph.base.userfiles import load_user_file

__all__ = ["QuadClass", "RelationType", "Ontology", "load_ontology", "default_ontology"]

QuadClass = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]


class RelationType(BaseModel):
    """One relation type of the ontology."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    plover: str
    cameo: tuple[str, ...] = ()
    quad_class: QuadClass
    weight: float = Field(ge=-10.0, le=10.0)
    symmetric: bool = False
    description: str = ""

    @property
    def cooperative(self) -> bool:
        """True for cooperation quad classes, False for conflict."""
        return self.quad_class.endswith("cooperation")

    @property
    def sign(self) -> int:
        """+1 for cooperation, -1 for conflict (from the weight)."""
        return 1 if self.weight >= 0 else -1


class Ontology(BaseModel):
    """The set of relation types an extraction may produce."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    types: dict[str, RelationType]

    def __contains__(self, name: object) -> bool:
        return name in self.types

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self.types)

    def __len__(self) -> int:
        return len(self.types)

    def __getitem__(self, name: str) -> RelationType:
        try:
            return self.types[name]
        except KeyError:
            raise LookupFailed(
                f"unknown relation type {name!r}; known types: {', '.join(self.types)}"
            ) from None

    def check(self, names: str | list[str] | tuple[str, ...] | None) -> list[str] | None:
        """Validate relation type names given to a filter; return them as a list (None stays None)."""
        if names is None:
            return None
        items = [names] if isinstance(names, str) else list(names)
        for name in items:
            self[name]
        return items

    def weight(self, name: str) -> float:
        return self[name].weight

    def merged(self, other: Ontology) -> Ontology:
        """Return this ontology with ``other``'s types added or overriding."""
        return Ontology(types={**self.types, **other.types})


@cache
def default_ontology() -> Ontology:
    """The built-in ontology (read once, on first use)."""
    text = resources.files("diplograph.relations").joinpath("data/ontology.yaml").read_text("utf-8")
    return load_user_file("ontology.yaml", Ontology, what="ontology file", key="types", needs="a top-level 'types:' mapping", text=text)


def load_ontology(path: str | Path | None = None) -> Ontology:
    """Return the built-in ontology, extended by the user file at ``path`` if given.

    Raises:
        ConfigError: one line naming the file, entry and field that are wrong.
    """
    base = default_ontology()
    if path is None:
        return base
    user = load_user_file(path, Ontology, what="ontology file", key="types", needs="a top-level 'types:' mapping")
    return base.merged(user)
