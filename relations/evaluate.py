"""Evaluation: score extracted relations against hand-annotated gold lines.

The gold file is JSON Lines, one annotated relation a line::

    {"doc": "brief.txt", "source": ["Vladimir Putin"], "relation": ["demands"],
     "target": ["Ukraine"], "polarity": "asserted", "required": true,
     "evidence": "Putin is demanding that Ukraine give up ..."}

``source``/``target`` list acceptable canonical actor names (any one
matches), ``relation`` lists acceptable types (the first is the preferred
one, used for the per-type table), ``required: false`` marks debatable
relations (a match is not penalised, a miss is not counted).

Match rules: a prediction matches a gold line when it is in the same
document, its source and target actors' names are in the gold lists
(case-insensitive), its type is in the gold ``relation`` list and its
polarity is equal; for symmetric types (ontology ``symmetric``) either
direction matches. Recall is over required lines; precision is matched
predictions over all predictions in the documents the gold file annotates
(a prediction is correct if it matches any gold line, required or not).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from diplograph.base.errors import InputError
from diplograph.base.io import read_jsonl
from diplograph.base.models import Actor, Polarity, Relation
from diplograph.relations.ontology import Ontology, default_ontology

__all__ = ["GoldLine", "TypeScore", "EvalResult", "load_gold", "read_doc_ids", "score", "format_result", "doc_key"]


class GoldLine(BaseModel):
    """One annotated relation of a gold file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc: str = Field(min_length=1)
    source: tuple[str, ...] = Field(min_length=1)
    target: tuple[str, ...] = Field(min_length=1)
    relation: tuple[str, ...] = Field(min_length=1)
    polarity: Polarity = "asserted"
    required: bool = True
    evidence: str = ""
    span: tuple[int, int] | None = Field(default=None, description="character offsets of the evidence in the document")
    line: int = Field(default=0, ge=0, description="line number in the gold file (set by load_gold)")

    @field_validator("source", "target", "relation", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @property
    def preferred(self) -> str:
        """The preferred (first) relation type."""
        return self.relation[0]


class TypeScore(BaseModel):
    """Precision, recall and F1 for one relation type (or overall)."""

    model_config = ConfigDict(frozen=True)

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class EvalResult(BaseModel):
    """The outcome of :func:`score`."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    overall: TypeScore
    per_type: dict[str, TypeScore]
    misses: list[GoldLine]
    unmatched: list[Relation]
    matched: list[tuple[Relation, GoldLine]]
    names: dict[str, str] = Field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1


def load_gold(path: str | Path, *, ontology: Ontology | None = None) -> list[GoldLine]:
    """Read and validate a gold file.

    Raises:
        InputError: one line naming the file and line of the first bad entry
            (broken JSON, a missing or unknown key, an unknown relation type).
    """
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{file}: no such gold file")
    ontology = ontology or default_ontology()
    lines = []
    for number, obj in read_jsonl(file):
        try:
            line = GoldLine.model_validate({**obj, "line": number})
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(part) for part in err["loc"])
            raise InputError(f"{file}:{number}: {where}: {err['msg']}") from None
        for name in line.relation:
            if name not in ontology:
                raise InputError(f"{file}:{number}: unknown relation type {name!r}; known types: {', '.join(ontology)}")
        lines.append(line)
    if not lines:
        raise InputError(f"{file}: the gold file holds no annotated relations")
    return lines


def read_doc_ids(path: str | Path) -> set[str]:
    """Document ids listed one a line (``#`` comments and blank lines skipped).

    Raises:
        InputError: the file cannot be read.
    """
    file = Path(path)
    try:
        lines = file.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{file}: cannot read document ids ({getattr(exc, 'strerror', None) or exc})") from None
    return {line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")}


def _names(actors: Iterable[Actor] | Mapping[str, Actor]) -> dict[str, str]:
    items = actors.values() if isinstance(actors, Mapping) else actors
    return {actor.id: actor.name for actor in items}


def _forms(actors: Iterable[Actor] | Mapping[str, Actor]) -> dict[str, frozenset[str]]:
    """Every name an actor answers to (canonical name and aliases), casefolded.

    Gold files name actors in their own convention ("Donetsk" for the region
    our dictionary calls "Donetsk Oblast"); a gold name matches an actor when it
    is the actor's name or one of its aliases.
    """
    items = actors.values() if isinstance(actors, Mapping) else actors
    return {actor.id: frozenset(n.casefold() for n in (actor.name, *actor.aliases)) for actor in items}


def doc_key(doc: str, gold_docs: set[str]) -> str | None:
    """The gold name of a document id: the id itself, or its file name ("2025/brief.txt" -> "brief.txt")."""
    if doc in gold_docs:
        return doc
    base = doc.rsplit("/", 1)[-1]
    return base if base in gold_docs else None


def _matches(
    relation: Relation, doc: str, line: GoldLine, forms: dict[str, frozenset[str]], symmetric: bool
) -> bool:
    if doc != line.doc or relation.relation not in line.relation or relation.polarity != line.polarity:
        return False
    source = forms.get(relation.source) or frozenset({relation.source.casefold()})
    target = forms.get(relation.target) or frozenset({relation.target.casefold()})
    sources = {n.casefold() for n in line.source}
    targets = {n.casefold() for n in line.target}
    if source & sources and target & targets:
        return True
    return symmetric and bool(target & sources) and bool(source & targets)


def score(
    gold: list[GoldLine],
    relations: Iterable[Relation],
    actors: Iterable[Actor] | Mapping[str, Actor],
    *,
    ontology: Ontology | None = None,
    docs: Iterable[str] = (),
) -> EvalResult:
    """Score predicted relations against gold lines.

    Args:
        gold: lines from :func:`load_gold`.
        relations: the predicted relations (of any documents; only those of
            documents named in the gold file are scored).
        actors: the actors the relations refer to (their ``name`` or an alias is matched).
        ontology: gives the symmetric types (default: built-in).
        docs: further annotated documents in which the gold file has no line: their
            predictions are scored too (all wrong).
    """
    ontology = ontology or default_ontology()
    actors = list(actors.values()) if isinstance(actors, Mapping) else list(actors)
    names = _names(actors)
    forms = _forms(actors)
    gold_docs = {line.doc for line in gold}
    scope = gold_docs | set(docs)
    by_doc: dict[str, list[GoldLine]] = {}
    for line in gold:
        by_doc.setdefault(line.doc, []).append(line)
    found_lines: set[int] = set()
    matched: list[tuple[Relation, GoldLine]] = []
    unmatched: list[Relation] = []
    predicted: dict[str, int] = {}
    correct: dict[str, int] = {}
    for relation in relations:
        doc = doc_key(relation.doc, scope)
        if doc is None:
            continue
        symmetric = relation.relation in ontology and ontology[relation.relation].symmetric
        hits = [i for i, line in enumerate(gold) if line.doc == doc and _matches(relation, doc, line, forms, symmetric)]
        predicted[relation.relation] = predicted.get(relation.relation, 0) + 1
        if hits:
            correct[relation.relation] = correct.get(relation.relation, 0) + 1
            found_lines.update(hits)
            matched.append((relation, gold[hits[0]]))
        else:
            unmatched.append(relation)
    per_type: dict[str, TypeScore] = {}
    types = sorted(set(predicted) | {line.preferred for line in gold}, key=_type_order(ontology))
    for name in types:
        required = [i for i, line in enumerate(gold) if line.required and line.preferred == name]
        per_type[name] = TypeScore(
            predicted=predicted.get(name, 0),
            correct=correct.get(name, 0),
            gold=len(required),
            found=sum(1 for i in required if i in found_lines),
        )
    required_all = [i for i, line in enumerate(gold) if line.required]
    overall = TypeScore(
        predicted=sum(predicted.values()),
        correct=sum(correct.values()),
        gold=len(required_all),
        found=sum(1 for i in required_all if i in found_lines),
    )
    misses = [gold[i] for i in required_all if i not in found_lines]
    return EvalResult(overall=overall, per_type=per_type, misses=misses, unmatched=unmatched, matched=matched, names=names)


def _type_order(ontology: Ontology):
    order = {name: i for i, name in enumerate(ontology)}
    return lambda name: (order.get(name, len(order)), name)


def _row(label: str, s: TypeScore) -> str:
    return (
        f"{label:<12} {s.precision:>9.2f} {s.recall:>7.2f} {s.f1:>6.2f} "
        f"{s.predicted:>6} {s.correct:>8} {s.gold:>6} {s.found:>6}"
    )


def format_result(result: EvalResult, verbose: bool = False) -> str:
    """Render a result as a plain-text table (and, if ``verbose``, the misses and unmatched predictions)."""
    header = f"{'type':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'pred':>6} {'correct':>8} {'gold':>6} {'found':>6}"
    lines = [header, "-" * len(header), _row("all", result.overall), ""]
    lines.extend(_row(name, s) for name, s in result.per_type.items())
    lines.append("")
    lines.append("pred/correct: predictions and those matching a gold line; gold/found: required gold lines and those found")
    if verbose:
        names = result.names
        lines.append("")
        lines.append(f"misses ({len(result.misses)} required gold lines without a matching prediction):")
        for line in result.misses:
            lines.append(
                f"  {line.doc}:{line.line}: {'|'.join(line.source)} -{'|'.join(line.relation)}-> "
                f"{'|'.join(line.target)} ({line.polarity}) — {line.evidence}"
            )
        lines.append("")
        lines.append(f"unmatched predictions ({len(result.unmatched)}):")
        for relation in result.unmatched:
            lines.append(
                f"  {relation.doc}#{relation.sentence}: {names.get(relation.source, relation.source)} "
                f"-{relation.relation}-> {names.get(relation.target, relation.target)} ({relation.polarity}) — "
                f"{relation.evidence}"
            )
    return "\n".join(lines)
