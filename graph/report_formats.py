"""Writers for the centrality report: Markdown, CSV, JSON and HTML text.

Text from the corpus (actor names, relation mixes) is escaped for the target
format: pipes and angle brackets in Markdown, every character that matters in
HTML, and spreadsheet formulas in CSV (a text cell starting with ``= + - @``,
a tab or a carriage return gets a leading single quote).

The writers take a :class:`ReportData` (plain tables and models, computed by
:func:`diplograph.graph.report.report_data`) and know nothing of the graph.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from diplograph.base.io import neutralize_formula
from diplograph.graph.balance import READINGS, TRIAD_KINDS, BalanceReport
from diplograph.graph.centrality import MEASURE_DESCRIPTIONS
from diplograph.graph.contested import DEFAULT_WINDOW
from diplograph.graph.summary import GraphSummary

__all__ = ["ReportData", "neutralise_cell", "safe_csv", "to_markdown", "to_csv", "to_json", "to_html"]


@dataclass
class ReportData:
    """Every section of the report, as tables and models: all that the writers read."""

    title: str
    summary: GraphSummary
    relation_filter: list[str] | None
    engine: str
    notes: list[str]
    rankings: dict[str, pd.DataFrame]
    communities: pd.DataFrame
    community_method: str
    single_communities: int
    modularity: float | None
    balance: BalanceReport
    dyads: pd.DataFrame
    relation_mix: pd.DataFrame
    quad_mix: pd.DataFrame
    evidence: tuple[str, ...] = ("factual",)
    ranked: int = 0
    unranked: dict[str, int] = field(default_factory=dict)
    contests: pd.DataFrame = field(default_factory=pd.DataFrame)
    contested: pd.DataFrame = field(default_factory=pd.DataFrame)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def evidence_text(self) -> str:
        """What the ties are made of, in words."""
        apart = [m for m in ("planned", "hypothetical") if m not in self.evidence]
        text = f"ties and rankings count asserted {' + '.join(self.evidence)} relations"
        if apart:
            text += f"; {' and '.join(apart)} reports are counted apart"
        return text + "; negated ones never count"

    @property
    def ranking_text(self) -> str:
        """Who the rank tables list, and who they leave out."""
        words = {"places": ("place", "places")}
        left = [
            f"{n} {words[what][n != 1] if what in words else what}" for what, n in self.unranked.items() if n
        ]
        text = f"rank tables list the {self.ranked} actors with ties"
        if self.unranked.get("places"):
            text += " that are not places"
        if left:
            text += f" (not ranked: {', '.join(left)})"
        return (
            text + "; measures are normalised over the actors with ties; 'relations' counts the records "
            "naming the actor, 'documents' their documents"
        )


def neutralise_cell(value: Any) -> Any:
    """Defuse a CSV cell a spreadsheet would run as a formula (text only; numbers pass)."""
    return neutralize_formula(value) if isinstance(value, str) else value


def safe_csv(frame: pd.DataFrame) -> str:
    """Any table as CSV text, with formula-like text cells neutralised (for ``diplograph query --csv``).

    Missing values become empty cells; dates are ISO strings; numbers stay numbers.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise_cell(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False):
        cells = []
        for value in row:
            if isinstance(value, (bool, np.bool_)):
                value = str(bool(value))
            elif isinstance(value, (int, float, np.integer, np.floating)) and not pd.isna(value):
                cells.append(value)
                continue
            cells.append(neutralise_cell(_fmt(value) if not isinstance(value, str) else value))
        writer.writerow(cells)
    return buffer.getvalue()


def _fmt(value: Any) -> str:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    return str(value)


def _said_by(record: Any) -> str:
    return record.said_by if isinstance(record.said_by, str) else "unattributed"


def _sections(data: ReportData) -> list[tuple[str, str, list[str], list[list[Any]]]]:
    """``(heading, caption, header, rows)`` for every tabular section, shared by all formats."""
    sections = []
    for measure, ranked in data.rankings.items():
        rows = [
            [r.rank, r.name, r.type, r.country or "", r.value, r.relations, r.documents]
            for r in ranked.itertuples(index=False)
        ]
        sections.append(
            (
                f"Centrality: {measure}",
                MEASURE_DESCRIPTIONS[measure],
                ["#", "actor", "type", "country", measure, "relations", "documents"],
                rows,
            )
        )
    quality = "" if data.modularity is None else f", modularity {data.modularity:.3f}"
    alone = f"; {data.single_communities} actor(s) in no group not shown" if data.single_communities else ""
    sections.append(
        (
            "Communities",
            f"{data.community_method}{quality}; internal relations split by ontology sign{alone}",
            ["#", "size", "members", "internal", "cooperation", "conflict", "relation mix"],
            [
                [c.community, c.size, c.members, c.internal, c.cooperation, c.conflict, c.relation_mix]
                for c in data.communities.itertuples(index=False)
            ],
        )
    )
    level = " + ".join(data.evidence)
    sections.append(
        (
            "Most active dyads",
            f"'relations': asserted {level} records in either direction (their types and dates); "
            "planned, hypothetical and negated records about the pair are counted apart",
            ["#", "actors", "relations", "documents", "types", "planned", "hypothetical", "negated", "first", "last"],
            [
                [i, f"{d.a_name} — {d.b_name}", d.relations, d.documents, d.types, d.planned, d.hypothetical,
                 d.negated, d.first or "", d.last or ""]
                for i, d in enumerate(data.dyads.itertuples(index=False), start=1)
            ],  # fmt: skip
        )
    )
    sections.append(
        (
            "Contested relations",
            "asserted as fact by one report and denied by another (or by the same source), at most "
            f"{DEFAULT_WINDOW} days apart; each side with who said it",
            ["#", "relation", "side", "said by", "date", "doc", "evidence"],
            [
                [r.contest, f"{r.source_name} {r.relation} {r.target_name}", r.side, _said_by(r), r.date or "",
                 r.doc, r.evidence]
                for r in data.contested.itertuples(index=False)
            ],  # fmt: skip
        )
    )
    sections.append(
        (
            "Relation mix by type",
            "asserted records by modality, negated records, ontology class and weight",
            ["relation", "factual", "planned", "hypothetical", "negated", "documents", "quad class", "weight"],
            [
                [m.relation, m.factual, m.planned, m.hypothetical, m.negated, m.documents, m.quad_class, m.weight]
                for m in data.relation_mix.itertuples(index=False)
            ],
        )
    )
    sections.append(
        (
            "Relation mix by quad class",
            f"asserted {level} records",
            ["quad class", "relations", "documents"],
            [[q.quad_class, q.relations, q.documents] for q in data.quad_mix.itertuples(index=False)],
        )
    )
    return sections


def _balance_lines(data: ReportData) -> list[str]:
    b = data.balance
    lines = [
        f"{b.positive_ties} cooperative and {b.negative_ties} conflictual ties; "
        f"{b.triads} triads, {b.balanced} balanced, {b.unbalanced} unbalanced (balance ratio {b.ratio_text}).",
        "By kind: " + "; ".join(f"{k} ({READINGS[k]}) {b.counts.get(k, 0)}" for k in TRIAD_KINDS) + ".",
    ]
    lines += [f"Unbalanced: {t}" for t in b.unbalanced_examples]
    lines += [f"Balanced: {t}" for t in b.balanced_examples]
    return lines


def _overview(data: ReportData) -> list[str]:
    lines: list[str] = []
    if data.relation_filter:
        lines.append("relation types: " + ", ".join(data.relation_filter))
    lines += [line.strip() for line in repr(data.summary).splitlines()]
    lines += [f"evidence: {data.evidence_text}", data.ranking_text]
    return lines + data.notes


# ------------------------------------------------------------------- Markdown


def _md_cell(value: Any) -> str:
    text = html.escape(_fmt(value), quote=False).replace("|", "\\|")
    return " ".join(text.split())


def _md_table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    body = ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return lines + (body or ["| " + " | ".join(["—"] + [""] * (len(header) - 1)) + " |"])


def to_markdown(data: ReportData) -> str:
    """The report as Markdown, readable as plain text too."""
    out = [f"# {_md_cell(data.title)}", ""]
    out += [f"- {_md_cell(line)}" for line in _overview(data)] + [""]
    for heading, caption, header, rows in _sections(data):
        out += [f"## {_md_cell(heading)}", "", f"_{_md_cell(caption)}_", ""]
        out += _md_table(header, rows) + [""]
        if heading == "Communities":
            out += ["## Structural balance", ""] + [f"- {_md_cell(line)}" for line in _balance_lines(data)] + [""]
    return "\n".join(out)


# ------------------------------------------------------------------------ CSV


def to_csv(data: ReportData) -> str:
    """The report as one tidy CSV table: ``section, rank, subject, subject_id, metric, value``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", "rank", "subject", "subject_id", "metric", "value"])

    def row(*cells: Any) -> None:
        writer.writerow([neutralise_cell(_fmt(c) if not isinstance(c, (int, float)) else c) for c in cells])

    for measure, ranked in data.rankings.items():
        for r in ranked.itertuples(index=False):
            value = int(r.value) if isinstance(r.value, (int, np.integer)) else float(r.value)
            row(f"centrality:{measure}", r.rank, r.name, r.actor, measure, value)
            row(f"centrality:{measure}", r.rank, r.name, r.actor, "relations", int(r.relations))
            row(f"centrality:{measure}", r.rank, r.name, r.actor, "documents", int(r.documents))
    for c in data.communities.itertuples(index=False):
        for metric in ("size", "internal", "cooperation", "conflict"):
            row("communities", c.community, c.members, "", metric, int(getattr(c, metric)))
    b = data.balance
    for metric, value in (
        ("triads", b.triads),
        ("balanced", b.balanced),
        ("unbalanced", b.unbalanced),
        *b.counts.items(),
    ):
        row("balance", "", "", "", metric, value)
    row("balance", "", "", "", "ratio", "" if b.ratio is None else b.ratio)
    for i, d in enumerate(data.dyads.itertuples(index=False), start=1):
        for metric in ("relations", "documents", "planned", "hypothetical", "negated"):
            row("dyads", i, f"{d.a_name} — {d.b_name}", f"{d.a}|{d.b}", metric, int(getattr(d, metric)))
    for c in data.contests.itertuples(index=False):
        subject = f"{c.source_name} {c.relation} {c.target_name}"
        for metric in ("asserted", "denied"):
            row("contested", c.contest, subject, c.kind, metric, int(getattr(c, metric)))
    for m in data.relation_mix.itertuples(index=False):
        for metric in ("factual", "planned", "hypothetical", "negated", "documents"):
            row("relation_mix", "", m.relation, m.quad_class, metric, int(getattr(m, metric)))
    for q in data.quad_mix.itertuples(index=False):
        row("quad_mix", "", q.quad_class, "", "relations", int(q.relations))
    return buffer.getvalue()


# ----------------------------------------------------------------------- JSON


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in records]


def to_json(data: ReportData) -> str:
    """The report as one JSON object."""
    document = {
        "title": data.title,
        "engine": data.engine,
        "relation_filter": data.relation_filter,
        "evidence": list(data.evidence),
        "ranked": data.ranked,
        "unranked": data.unranked,
        "notes": data.notes,
        "summary": data.summary.model_dump(mode="json"),
        "centrality": {measure: _records(ranked) for measure, ranked in data.rankings.items()},
        "communities": {
            "method": data.community_method,
            "modularity": data.modularity,
            "groups": _records(data.communities),
            "single_actor_communities": data.single_communities,
        },
        "balance": data.balance.model_dump(mode="json"),
        "dyads": _records(data.dyads),
        "contested": {"contests": _records(data.contests), "records": _records(data.contested)},
        "relation_mix": _records(data.relation_mix),
        "quad_mix": _records(data.quad_mix),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str, allow_nan=False) + "\n"


# ----------------------------------------------------------------------- HTML

_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
    "th{background:#f3f3f3}caption{text-align:left;color:#666;font-style:italic}"
)


def _html_table(caption: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_fmt(v))}</td>" for v in row) + "</tr>" for row in rows)
    return (
        f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def to_html(data: ReportData) -> str:
    """The report as a standalone HTML page; every piece of text is escaped."""
    title = html.escape(data.title)
    parts = [
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title><style>{_STYLE}</style></head><body>"
    ]
    parts.append(
        f"<h1>{title}</h1><ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in _overview(data)) + "</ul>"
    )
    for heading, caption, header, rows in _sections(data):
        parts.append(f"<h2>{html.escape(heading)}</h2>" + _html_table(caption, header, rows))
        if heading == "Communities":
            parts.append("<h2>Structural balance</h2><ul>")
            parts.append("".join(f"<li>{html.escape(line)}</li>" for line in _balance_lines(data)) + "</ul>")
    parts.append("</body></html>\n")
    return "".join(parts)
