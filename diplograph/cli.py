"""The ``diplograph`` command line: thin commands that check arguments and call plain functions.

User mistakes (missing files, invalid dictionaries, unknown actors or
relation types) print one line, ``error: <file>: <problem>``, and exit with
status 2; a build in which some documents failed exits with status 1 after
writing everything else.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from diplograph.base.errors import DiplographError

__all__ = ["app", "main"]

app = typer.Typer(
    name="diplograph",
    help="Turn news about international politics into a graph of who does what to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

CorpusArg = Annotated[str, typer.Argument(help="Corpus: .txt file, directory, .jsonl, .csv, or - for stdin.")]
SourceArg = Annotated[str, typer.Argument(help="A build output folder, or a corpus to build first.")]
ActorsOpt = Annotated[Optional[Path], typer.Option("--actors", help="Your actor dictionary (YAML/JSON) extending the built-in one.")]
OntologyOpt = Annotated[Optional[Path], typer.Option("--ontology", help="Your ontology file extending the built-in one.")]
LexiconOpt = Annotated[Optional[Path], typer.Option("--lexicon", help="Your lexicon file (trigger words of relation types) extending the built-in one.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="spaCy model package (default: first installed English model).")]
RelationOpt = Annotated[Optional[list[str]], typer.Option("--relation", "-r", help="Keep only this relation type (repeatable).")]


def _fail(message: str, code: int = 2) -> None:
    from diplograph.base.errors import printable

    typer.echo(f"error: {printable(message)}", err=True)
    raise typer.Exit(code)


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn DiplographError into one line on stderr (exit 2) and Ctrl-C into exit 130."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DiplographError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            typer.echo("interrupted: outputs already written are complete; partial files were discarded", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None

    return wrapper


def _graph_from(source: str, *, actors: Path | None = None, model: str | None = None):
    """Load a build output folder, or build the corpus at ``source`` in memory."""
    from diplograph.pipeline.build import build
    from diplograph.pipeline.output import load

    path = Path(source)
    if path.is_dir() and (path / "relations.jsonl").is_file():
        return load(path)
    return build(source, actors=actors, model=model)


@app.command("build")
@user_errors
def build_command(
    corpus: CorpusArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    actors: ActorsOpt = None,
    ontology: OntologyOpt = None,
    lexicon: LexiconOpt = None,
    model: ModelOpt = None,
    text_field: Annotated[Optional[str], typer.Option("--text-field", help="Text field/column of JSONL/CSV input.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for parsing (dask: LocalCluster workers).")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local, or dask to run extraction on a Dask cluster.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: a LocalCluster).")] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse per-document results from OUT/.cache (incremental rebuilds, resume after a crash).")] = True,
    prefilter: Annotated[bool, typer.Option("--prefilter/--no-prefilter", help="Parse only sentences that can hold a relation.")] = True,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first failing document.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Extract actors and relations from CORPUS and write the output folder."""
    from diplograph.base.io import ensure_dir
    from diplograph.pipeline.build import build_result
    from diplograph.pipeline.options import ENGINES, BuildOptions
    from diplograph.pipeline.output import CACHE_FOLDER, write_outputs

    if engine not in ENGINES:
        _fail(f"--engine must be {' or '.join(ENGINES)}, not {engine!r}")
    options = BuildOptions.of(
        actors=actors, ontology=ontology, lexicon=lexicon, model=model, text_field=text_field, workers=workers,
        strict=strict, progress=not quiet, engine=engine, scheduler=scheduler, cache=cache,
        cache_dir=out / CACHE_FOLDER if cache else None, prefilter=prefilter,
    )
    ensure_dir(out)  # an unwritable --out fails now, not after the whole extraction
    result = build_result(corpus, options)
    folder = write_outputs(result, out)
    for error in result.errors:
        typer.echo(f"{'warning' if error.warning else 'error'}: {error}", err=True)
    if not quiet:
        stats = result.stats
        cached = f" ({stats['cached']} from cache)" if stats.get("cached") else ""
        typer.echo(
            f"{stats['documents']} documents{cached}, {stats['actors']} actors, {stats['relations']} relations "
            f"in {stats['seconds']:.1f}s; {len(result.failed)} failed"
        )
        typer.echo(f"graph:  {(folder / 'graph.html').resolve()}")
        typer.echo(f"report: {(folder / 'report.md').resolve()}")
    if result.failed:
        raise typer.Exit(1)


@app.command("actors")
@user_errors
def actors_command(
    corpus: CorpusArg,
    actors: ActorsOpt = None,
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """Print the resolved actor table of CORPUS (name, type, country, mentions, aliases seen)."""
    from diplograph.actors.table import actor_table
    from diplograph.pipeline.build import build_result

    result = build_result(corpus, actors=actors, model=model)
    table = actor_table(result.graph, result.mentions)
    if as_json:
        for row in table.to_dict("records"):
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    columns = [c for c in ("name", "type", "country", "mentions", "aliases") if c in table.columns]
    _print_table(table[columns], title=f"{len(table)} actors")


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):  # None / NaN
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def _print_table(frame, *, title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in frame.columns:
        table.add_column(str(column), overflow="fold")
    for row in frame.itertuples(index=False):
        table.add_row(*(_cell(value) for value in row))
    Console(soft_wrap=False).print(table)


@app.command("query")
@user_errors
def query_command(
    source_path: SourceArg,
    source: Annotated[Optional[str], typer.Option("--source", help="Actor doing the action (any alias).")] = None,
    target: Annotated[Optional[str], typer.Option("--target", help="Actor receiving the action.")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Actor on either side.")] = None,
    relation: RelationOpt = None,
    polarity: Annotated[Optional[str], typer.Option("--polarity", help="asserted or negated.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="YYYY-MM-DD")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0 = all).")] = 0,
) -> None:
    """Print the relations matching the filters."""
    graph = _graph_from(source_path)
    frame = graph.relations(
        source=source, target=target, actor=actor, relation=relation, polarity=polarity, since=since, until=until
    )
    if limit:
        frame = frame.head(limit)
    if as_json:
        for row in frame.to_dict("records"):
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif as_csv:
        from diplograph.graph.report import safe_csv

        sys.stdout.write(safe_csv(frame))
    else:
        columns = [c for c in ("source_name", "relation", "target_name", "polarity", "modality", "date", "doc", "evidence") if c in frame.columns]
        _print_table(frame[columns], title=f"{len(frame)} relations")


@app.command("report")
@user_errors
def report_command(
    source_path: SourceArg,
    format: Annotated[str, typer.Option("--format", "-f", help="md, csv, json or html.")] = "md",
    relation: RelationOpt = None,
    top: Annotated[int, typer.Option("--top", help="Rows per ranked table.")] = 20,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Write the centrality report (ranked measures, communities, balance, dyads, relation mix)."""
    from diplograph.graph.report import render_report
    from diplograph.base.io import write_text

    if format not in ("md", "csv", "json", "html"):
        _fail(f"--format must be md, csv, json or html, not {format!r}")
    text = render_report(_graph_from(source_path), format=format, relation=relation, top=top)
    if output is None:
        sys.stdout.write(text)
    else:
        write_text(output, text)
        typer.echo(f"report: {output.resolve()}")


@app.command("html")
@user_errors
def html_command(
    source_path: SourceArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("graph.html"),
    relation: RelationOpt = None,
    since: Annotated[Optional[str], typer.Option("--since", help="YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="YYYY-MM-DD")] = None,
    top: Annotated[Optional[int], typer.Option("--top", help="Keep only the top N actors.")] = None,
    size_by: Annotated[str, typer.Option("--size-by", help="Centrality measure for node size.")] = "pagerank",
) -> None:
    """Write the interactive, self-contained HTML graph."""
    from diplograph.exports.html import write_html

    graph = _graph_from(source_path)
    path = write_html(graph, output, relation=relation, since=since, until=until, top=top, size_by=size_by)
    typer.echo(f"graph: {Path(path).resolve()}")


@app.command("export")
@user_errors
def export_command(
    source_path: SourceArg,
    format: Annotated[str, typer.Option("--format", "-f", help="gexf, graphml, json, csv or parquet.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File (or folder for csv/parquet).")] = None,
) -> None:
    """Export the graph for Gephi (GEXF), GraphML tools, JSON or tables."""
    from diplograph.exports.formats import FORMATS, export

    if format not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    target = output or Path(f"graph.{format}" if format in ("gexf", "graphml", "json") else f"tables-{format}")
    path = export(_graph_from(source_path), target, format)
    typer.echo(f"{format}: {Path(path).resolve()}")


@app.command("evaluate")
@user_errors
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Gold annotations (JSON lines).")],
    corpus: Annotated[str, typer.Option("--corpus", help="The annotated documents (folder, .jsonl, .csv; only annotated ones are built).")],
    docs: Annotated[Optional[Path], typer.Option("--docs", help="File of annotated document ids (one a line), including those without gold lines.")] = None,
    actors: ActorsOpt = None,
    ontology: OntologyOpt = None,
    lexicon: LexiconOpt = None,
    model: ModelOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses and unmatched predictions.")] = False,
) -> None:
    """Score extraction against gold annotations: precision, recall, F1, per type."""
    from diplograph.pipeline.evaluate import evaluate
    from diplograph.relations.evaluate import format_result

    result = evaluate(gold, corpus, docs=docs, actors=actors, ontology=ontology, lexicon=lexicon, model=model)
    typer.echo(format_result(result, verbose=verbose))


def main() -> None:
    """Entry point of the ``diplograph`` console script."""
    app()
