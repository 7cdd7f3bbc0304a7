"""CLI for named queries: ``policykg queries`` (list, or --markdown for README) and the
``--name``/``--param`` options of ``policykg query`` (``named_job``)."""

from __future__ import annotations

import json

import click

from server.core.errors import BadRequest
from server.core.settings import Settings
from server.protocol.executor import Job
from server.publish import named_queries
from server.publish.named_queries import NamedQuery, get_query, load_queries


def named_job(settings: Settings, name: str, params: tuple[str, ...], fmt: str | None) -> Job:
    """The job of queries/NAME.rq with ``k=v`` parameters, as /api/queries/NAME builds it
    (formats, binding), its answer capped like every query's."""
    q = get_query(name)
    args: dict[str, list[str]] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise BadRequest(f"--param {item!r}: write it as name=value")
        args.setdefault(key.strip(), []).append(value)
    return named_queries.job(q, args, named_queries.result_format(q, None, fmt), limit=q.cap(settings))


def markdown(queries: dict[str, NamedQuery]) -> str:
    """The README list of named queries, generated from their headers."""
    lines = []
    for name in sorted(queries):
        q = queries[name]
        lines.append(f"### `{name}` — {q.title['en']} / {q.title['ru']}\n")
        lines.append(f"{q.description['en']}\n")
        lines.append(f"*{q.description['ru']}*\n")
        kind = (
            "CONSTRUCT (Turtle, JSON-LD, N-Triples, RDF/XML)"
            if q.kind in ("construct", "describe")
            else f"{q.kind.upper()} (JSON, CSV, TSV, XML)"
        )
        lines.append(
            f"Result: {kind}." + (f" Columns: {', '.join(f'`{c}`' for c in q.columns)}." if q.columns else "") + "\n"
        )
        if q.params:
            lines.append("| parameter | type | required / default | description |")
            lines.append("|---|---|---|---|")
            for p in q.params:
                typ = (
                    p.type
                    + (f" (`{p.cls}`)" if p.cls else "")
                    + (f", one of {', '.join(p.values)}" if p.values else "")
                )
                req = "required" if p.required else (f"default `{p.default}`" if p.default is not None else "optional")
                desc = " / ".join(x for x in (p.label.get("en"), p.label.get("ru")) if x)
                if p.example is not None:
                    desc += f"; e.g. `{p.example}`"
                lines.append(f"| `{p.name}` | {typ} | {req} | {desc} |")
            lines.append("")
        args = q.example_args()
        url = f"/api/queries/{name}"
        if args:
            from urllib.parse import urlencode

            url += "?" + urlencode(args)
        lines.append(
            f"```\ncurl 'http://127.0.0.1:8000{url}'\n"
            f"policykg query --name {name}" + "".join(f" --param '{k}={v}'" for k, v in args.items()) + "\n```\n"
        )
    return "\n".join(lines)


@click.command("queries")
@click.option("--markdown", "as_markdown", is_flag=True, help="Print the README section listing every query.")
@click.option("--json", "as_json", is_flag=True, help="Print the list with all metadata as JSON.")
def queries_command(as_markdown: bool, as_json: bool) -> None:
    """List the named queries (queries/*.rq) with their parameters."""
    queries = load_queries()
    if as_markdown:
        click.echo(markdown(queries))
        return
    if as_json:
        click.echo(json.dumps([queries[n].to_dict() for n in sorted(queries)], ensure_ascii=False, indent=2))
        return
    for name in sorted(queries):
        q = queries[name]
        params = ", ".join(p.name + ("*" if p.required else "") + f":{p.type}" for p in q.params)
        click.echo(f"{name:34} {q.title['en']}  [{params}]")


commands = [queries_command]
