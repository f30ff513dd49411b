"""The ``diplograph`` command line: thin commands that check arguments and call plain functions.

User mistakes (missing files, invalid dictionaries, unknown actors or
relation types, ``--since`` after ``--until``, an output file that is a
folder) print one line, ``error: <file>: <problem>``, and exit with status 2;
a build in which some documents failed exits with status 1 after writing
everything else.

Output never interprets corpus text: tables print through
:mod:`diplograph.exports.terminal` (rich markup and control characters
escaped; plain columns when stdout is not a terminal), ``--json`` is strict
JSON, messages go through :func:`~diplograph.base.errors.printable`. On a
terminal, ``build`` shows its phases (loading the dictionaries and the model,
extracting with a count out of the corpus size and an ETA when the size is
known, writing the outputs) on stderr.
"""

from __future__ import annotations

import sys
import time
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
SinceOpt = Annotated[Optional[str], typer.Option("--since", help="YYYY-MM-DD (inclusive)")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", help="YYYY-MM-DD (inclusive)")]
SectorsOpt = Annotated[bool, typer.Option("--sectors", help="Keep state sectors apart (\"Syria (military)\"); default: rolled up to the state.")]
OutputFileOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")]


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


def _echo(message: str, *, err: bool = False) -> None:
    """One line for the user, with control characters from paths or corpus text escaped."""
    from diplograph.base.errors import printable

    typer.echo(printable(message), err=err)


def _graph_from(source: str, *, sectors: bool = False):
    """Load a build output folder, or build the corpus at ``source`` in memory; sectors apart on request."""
    from diplograph.pipeline.build import build
    from diplograph.pipeline.output import load

    path = Path(source)
    graph = load(path) if path.is_dir() and (path / "relations.jsonl").is_file() else build(source)
    return graph.by_sector() if sectors else graph


def _check_dates(since: str | None, until: str | None) -> None:
    """``--since`` after ``--until`` is a usage error (an empty range would silently print nothing)."""
    from diplograph.graph.filters import filter_date

    start, end = filter_date(since, "--since"), filter_date(until, "--until")
    if start is not None and end is not None and start > end:
        _fail(f"--since {start.date()} is after --until {end.date()}: the range is empty (swap them?)")


def _output_file(path: Path | None, example: str) -> Path | None:
    """Refuse an ``-o`` that is an existing folder, before any work."""
    from diplograph.exports.targets import file_target

    return None if path is None else file_target(path, example)


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
    follow_symlinks: Annotated[bool, typer.Option("--follow-symlinks", help="Also read files that symlinks in a corpus folder lead to outside it.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    profile: Annotated[bool, typer.Option("--profile", envvar="DIPLOGRAPH_PROFILE", help="Print the seconds spent per stage (reading, parse, actor resolution, relation extraction, merge, writing) after the build (or set DIPLOGRAPH_PROFILE=1).")] = False,
) -> None:
    """Extract actors and relations from CORPUS and write the output folder."""
    started = time.perf_counter()
    from diplograph.pipeline.build import build_result
    from diplograph.pipeline.generations import output_lock
    from diplograph.pipeline.options import ENGINES, BuildOptions
    from diplograph.pipeline.output import CACHE_FOLDER, write_outputs

    if engine not in ENGINES:
        _fail(f"--engine must be {' or '.join(ENGINES)}, not {engine!r}")
    options = BuildOptions.of(
        actors=actors, ontology=ontology, lexicon=lexicon, model=model, text_field=text_field, workers=workers,
        strict=strict, progress=False, engine=engine, scheduler=scheduler, cache=cache,
        cache_dir=out / CACHE_FOLDER if cache else None, prefilter=prefilter, follow_symlinks=follow_symlinks,
    )
    from diplograph.exports.progress import BuildProgress

    # The lock (which also creates --out) is taken first: an unwritable folder or a second
    # build into it fails now, not after the whole extraction.
    with output_lock(out), BuildProgress(
        corpus, text_field=text_field, workers=workers, enabled=not quiet, follow_symlinks=follow_symlinks
    ) as progress:
        result = build_result(progress.corpus, options)
        progress.phase("writing the outputs")
        with result.profile.stage("writing"):
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
        _echo(f"graph:  {(folder / 'graph.html').absolute()}")
        _echo(f"report: {(folder / 'report.md').absolute()}")
    if profile:
        typer.echo(result.profile.table(total=time.perf_counter() - started), err=True)
    if result.failed:
        raise typer.Exit(1)


@app.command("actors")
@user_errors
def actors_command(
    corpus: CorpusArg,
    actors: ActorsOpt = None,
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV instead of a table.")] = False,
) -> None:
    """Print the resolved actor table of CORPUS (name, type, country, mentions, aliases seen)."""
    from diplograph.actors.table import actor_table
    from diplograph.pipeline.build import build_result

    result = build_result(corpus, actors=actors, model=model)
    table = actor_table(result.graph, result.mentions)
    columns = [c for c in ("name", "type", "country", "mentions", "aliases") if c in table.columns]
    _write_frame(table, table[columns], as_json=as_json, as_csv=as_csv, title=f"{len(table)} actors")


def _write_frame(full, shown, *, as_json: bool, as_csv: bool, title: str) -> None:
    """Print a result: strict JSON lines or CSV of ``full``, else a table of ``shown``."""
    from diplograph.exports.terminal import json_lines, print_table

    if as_json and as_csv:
        _fail("--json and --csv: choose one")
    if as_json:
        for line in json_lines(full):
            sys.stdout.write(line + "\n")
    elif as_csv:
        from diplograph.graph.report import safe_csv

        sys.stdout.write(safe_csv(full))
    else:
        print_table(shown, title=title)


@app.command("query")
@user_errors
def query_command(
    source_path: SourceArg,
    source: Annotated[Optional[str], typer.Option("--source", help="Actor doing the action (any alias).")] = None,
    target: Annotated[Optional[str], typer.Option("--target", help="Actor receiving the action.")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Actor on either side.")] = None,
    relation: RelationOpt = None,
    polarity: Annotated[Optional[str], typer.Option("--polarity", help="asserted or negated.")] = None,
    modality: Annotated[Optional[list[str]], typer.Option("--modality", "-m", help="factual, planned, hypothetical or all (repeatable; default: all).")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    sectors: SectorsOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines (strict JSON: null for missing values).")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0 = all).")] = 0,
) -> None:
    """Print the relations matching the filters (symmetric types such as meets match from either side)."""
    from diplograph.graph.query import DISPLAY_COLUMNS

    _check_dates(since, until)
    graph = _graph_from(source_path, sectors=sectors)
    frame = graph.relations(
        source=source, target=target, actor=actor, relation=relation, polarity=polarity, modality=modality,
        since=since, until=until,
    )  # fmt: skip
    if limit:
        frame = frame.head(limit)
    shown = frame[list(DISPLAY_COLUMNS)].rename(columns={"source_name": "source", "target_name": "target"})
    _write_frame(frame, shown, as_json=as_json, as_csv=as_csv, title=f"{len(frame)} relations")


@app.command("report")
@user_errors
def report_command(
    source_path: SourceArg,
    format: Annotated[str, typer.Option("--format", "-f", help="md, csv, json or html.")] = "md",
    relation: RelationOpt = None,
    top: Annotated[int, typer.Option("--top", help="Rows per ranked table.")] = 20,
    evidence: Annotated[str, typer.Option("--evidence", help="factual (asserted factual relations make ties) or all (planned and hypothetical too).")] = "factual",
    places: Annotated[bool, typer.Option("--places", help="Rank places too (by default they are targets, not players).")] = False,
    sectors: SectorsOpt = False,
    output: OutputFileOpt = None,
) -> None:
    """Write the centrality report (ranked measures, communities, balance, dyads, contested relations, relation mix)."""
    from diplograph.graph.report import render_report
    from diplograph.base.io import write_text

    if format not in ("md", "csv", "json", "html"):
        _fail(f"--format must be md, csv, json or html, not {format!r}")
    if evidence not in ("factual", "all"):
        _fail(f"--evidence must be factual or all, not {evidence!r}")
    output = _output_file(output, f"report.{format}")
    graph = _graph_from(source_path, sectors=sectors)
    text = render_report(graph, format=format, relation=relation, top=top, modality=evidence, places=places)
    if output is None:
        sys.stdout.write(text)
    else:
        write_text(output, text)
        _echo(f"report: {output.resolve()}")


@app.command("html")
@user_errors
def html_command(
    source_path: SourceArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("graph.html"),
    relation: RelationOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    top: Annotated[Optional[int], typer.Option("--top", help="Keep only the top N actors.")] = None,
    size_by: Annotated[str, typer.Option("--size-by", help="Centrality measure for node size.")] = "pagerank",
    sectors: SectorsOpt = False,
) -> None:
    """Write the interactive, self-contained HTML graph."""
    from diplograph.exports.html import write_html

    _check_dates(since, until)
    output = _output_file(output, "graph.html")
    graph = _graph_from(source_path, sectors=sectors)
    path = write_html(graph, output, relation=relation, since=since, until=until, top=top, size_by=size_by)
    _echo(f"graph: {Path(path).resolve()}")


@app.command("export")
@user_errors
def export_command(
    source_path: SourceArg,
    format: Annotated[str, typer.Option("--format", "-f", help="gexf, graphml, json, csv or parquet.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File (or folder for csv/parquet).")] = None,
    sectors: SectorsOpt = False,
) -> None:
    """Export the graph for Gephi (GEXF), GraphML tools, JSON or tables."""
    from diplograph.exports.formats import FORMATS, export
    from diplograph.exports.targets import folder_target

    if format not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    target = output or Path(f"graph.{format}" if format in ("gexf", "graphml", "json") else f"tables-{format}")
    folder_target(target) if format in ("csv", "parquet") else _output_file(target, f"graph.{format}")
    path = export(_graph_from(source_path, sectors=sectors), target, format)
    _echo(f"{format}: {Path(path).resolve()}")


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
