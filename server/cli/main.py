"""The ``policykg`` command. Each command is a thin call into the functions the views use."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from server.cli import history, ingest, migrate, queries
from server.cli.common import Group, open_, store_options
from server.core.settings import Settings


@click.group(cls=Group)
@click.version_option(package_name="policykg")
def main() -> None:
    """policykg: knowledge graph of Russian industrial policy (SPARQL endpoint, browser, export)."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation and stream files natively (bulk load).")
@click.option("--no-reason", is_flag=True, help="Do not recompute the inferred graph afterwards.")
@store_options
def load(paths: tuple[Path, ...], no_validate: bool, no_reason: bool, settings: Settings) -> None:
    """Validate and load FILES or folders (default: the shipped ontology/ and data/).

    Each file goes into its own named graph (reloading a file replaces its graph); the
    inferred graph is then recomputed. Nothing is loaded if any file fails validation."""
    from server.core.resources import default_files
    from server.graph.load import load_files
    from server.graph.reason import reason

    files = list(paths) or default_files()
    with open_(settings) as store:
        progress = (lambda msg: click.echo(msg, err=True)) if sys.stderr.isatty() or len(files) > 3 else None
        loaded = load_files(store, files, settings, validate_data=False if no_validate else None, progress=progress)
        for item in loaded:
            where = f"<{item.graph}>" if item.graph else "the graphs it names"
            click.echo(f"loaded {item.triples} {'triples' if item.graph else 'quads'} from {item.path} into {where}")
        if not no_reason:
            rep = reason(store, settings)
            click.echo(
                f"reasoned with {rep.engine}: {rep.inferred} inferred triples into <{rep.graph}> in {rep.seconds:.2f} s"
            )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check FILES against the SHACL shapes (exit 1 if any does not conform)."""
    from server.graph.load import expand
    from server.graph.validate import validate_file

    failed = False
    for f in expand(paths):
        report = validate_file(f)
        click.echo(f"{f}: {report.text()}")
        failed = failed or not report.conforms
    if failed:
        sys.exit(1)


@main.command()
@click.option(
    "--engine",
    type=click.Choice(["auto", "reasonable", "owlrl"]),
    default=None,
    help="Reasoning engine [env POLICYKG_REASONER; default auto].",
)
@store_options
def reason(engine: str | None, settings: Settings) -> None:
    """Recompute the OWL 2 RL closure into the inferred graph (asserted graphs untouched)."""
    from server.graph.reason import reason as run

    with open_(settings) as store:
        rep = run(store, settings, engine)
    click.echo(
        f"reasoned with {rep.engine} over {rep.asserted} asserted triples: {rep.inferred} inferred "
        f"triples into <{rep.graph}> in {rep.seconds:.2f} s"
    )


@main.command()
@click.argument("sparql", required=False)
@click.option(
    "--format", "fmt", default=None, help="json, xml, csv, tsv (SELECT/ASK); ttl, nt, rdf, jsonld (CONSTRUCT)."
)
@click.option(
    "--name",
    "query_name",
    default=None,
    help="Run the named query queries/NAME.rq instead (list them with 'policykg queries').",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="K=V",
    help="A named query's parameter, e.g. --param actor=http://localhost:8000/id/person/kozlovsky-aleksandr.",
)
@store_options
def query(
    sparql: str | None, fmt: str | None, query_name: str | None, params: tuple[str, ...], settings: Settings
) -> None:
    """Run a SPARQL query (text, or @file.rq), or a named query (--name), and print the results.

    As the server answers it: the query timeout [POLICYKG_QUERY_TIMEOUT], the result caps
    [POLICYKG_MAX_ROWS, POLICYKG_MAX_CONSTRUCT_TRIPLES] (a cut result is said on stderr), the
    same formats and errors."""
    from server.core.errors import BadRequest
    from server.protocol.executor import InWorkerRunner, Job
    from server.protocol.query import QueryService

    if query_name:
        from server.cli.queries import named_job

        job = named_job(settings, query_name, params, fmt)
    else:
        if params:
            raise BadRequest("--param goes with --name")
        if not sparql:
            raise BadRequest("give a query, or @file.rq, or --name NAME")
        if sparql.startswith("@"):
            path = Path(sparql[1:])
            if not path.is_file():
                raise BadRequest(f"{path}: no such file")
            sparql = path.read_text(encoding="utf-8")
        job = Job(sparql, fmt=fmt, max_rows=settings.max_rows, max_triples=settings.max_construct_triples)
    with open_(settings) as store:
        # evaluated in this process; a query past its timeout is abandoned and ends with the command
        service = QueryService(settings, store, runner=InWorkerRunner(store, retire=lambda stuck: None))
        rendered = service.run(job)
    out = rendered.body
    click.echo(out.decode("utf-8"), nl=False)
    if not out.endswith(b"\n"):
        click.echo()
    if rendered.truncated:
        click.echo(
            f"Truncated: the result has more than the {rendered.count} rows or triples shown "
            "(the cap: POLICYKG_MAX_ROWS, POLICYKG_MAX_CONSTRUCT_TRIPLES).",
            err=True,
        )


@main.command()
@click.option("--graph", default=None, help="Export one named graph (IRI); default: the whole dataset.")
@click.option(
    "--format",
    "fmt",
    default=None,
    help="ttl, trig, nq, nt, jsonld, rdf (default: trig for a dataset, ttl for a graph).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: stdout).",
)
@click.option("--inferred", is_flag=True, help="Include the inferred triples (default: asserted graphs only).")
@store_options
def export(graph: str | None, fmt: str | None, output: Path | None, inferred: bool, settings: Settings) -> None:
    """Write the dataset or one graph as deterministic RDF (same data, same bytes)."""
    from server.publish.export import export_bytes

    with open_(settings) as store:
        data = export_bytes(store, settings, graph=graph, fmt=fmt, inferred=inferred)
    if output:
        output.write_bytes(data)
        click.echo(f"wrote {len(data)} bytes to {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@store_options
def stats(as_json: bool, settings: Settings) -> None:
    """Graphs with triple counts, and classes with instance counts (drafts left out)."""
    from server.graph.stats import compute

    with open_(settings) as store:
        data = compute(store)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'triples':>8}  graph")
    for g in data["graphs"]:
        click.echo(f"{g['triples']:>8}  {g['iri']}")
    click.echo(f"{data['quads']:>8}  (total quads)")
    if data["drafts"]:
        click.echo(f"{len(data['drafts'])} draft graph(s) not counted, waiting for review (policykg drafts)")
    click.echo(f"\n{'instances':>9}  class")
    for c in data["classes"]:
        click.echo(f"{c['instances']:>9}  {c['class']}")


@main.command()
@click.option(
    "--host",
    default=None,
    help="Address to bind [env POLICYKG_HOST; default 127.0.0.1, so nothing is exposed until you choose to].",
)
@click.option("--port", type=int, default=None, help="Port [env POLICYKG_PORT; default 8000].")
@click.option(
    "--update-token", default=None, help="Enable updates for 'Authorization: Bearer TOKEN' [env POLICYKG_UPDATE_TOKEN]."
)
@click.option("--workers", type=int, default=None, help="Worker processes [env POLICYKG_WORKERS].")
@store_options
def serve(
    host: str | None, port: int | None, update_token: str | None, workers: int | None, settings: Settings
) -> None:
    """Serve the SPARQL endpoint and browser (loads the shipped data into an empty store first)."""
    from server.app.wsgi import run

    for key, value in {"host": host, "port": port, "update_token": update_token, "workers": workers}.items():
        if value is not None:
            setattr(settings, key, value)
    run(settings)


for command in (*ingest.commands, *queries.commands, *history.commands, *migrate.commands):
    main.add_command(command)
