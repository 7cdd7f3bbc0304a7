"""`policykg ingest | drafts | review | accept | reject`: thin calls into server.ingest.workflow.

Registered on the ``policykg`` group by ``server.cli.main``."""

from __future__ import annotations

import json
from datetime import date as Date
from pathlib import Path
from typing import Any

import click

from server.cli.common import open_, store_options
from server.core.settings import Settings
from server.ingest import workflow


def _date(_ctx: Any, _param: Any, value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command()
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", "day", required=True, callback=_date, help="Publication date, YYYY-MM-DD.")
@click.option("--url", default=None, help="The article's URL (optional).")
@click.option("--title", default=None, help="Headline (default: derived from the first sentence, flagged for review).")
@click.option("--name", default=None, help="Draft name (default: the file's stem).")
@click.option("--json", "as_json", is_flag=True, help="Print the review summary as JSON.")
@store_options
def ingest(article: Path, day: Date, url: str | None, title: str | None, name: str | None, as_json: bool,
           settings: Settings) -> None:
    """Extract candidate triples from a Russian news ARTICLE (UTF-8 text) into a draft graph."""
    text = article.read_text(encoding="utf-8")
    with open_(settings) as store:
        result = workflow.ingest(store, settings, text, day, name=name, title=title, url=url, path=article)
    _show(result, as_json)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_options
def drafts(as_json: bool, settings: Settings) -> None:
    """List the drafts waiting for review."""
    with open_(settings) as store:
        rows = workflow.drafts(store, settings)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no drafts")
    for r in rows:
        click.echo(f"{r['name']}  {r['triples']} triples  <{r['draft']}>")


@click.command()
@click.argument("draft")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_options
def review(draft: str, as_json: bool, settings: Settings) -> None:
    """Show DRAFT (name or graph IRI): new vs linked entities and facts, each with its quotes."""
    with open_(settings) as store:
        result = workflow.review(store, settings, draft)
    _show(result, as_json)


@click.command()
@click.argument("draft")
@click.option("--replace", is_flag=True, help="Overwrite an existing reviewed graph of the same name.")
@click.option("--no-reason", is_flag=True, help="Do not recompute the inferred graph afterwards.")
@store_options
def accept(draft: str, replace: bool, no_reason: bool, settings: Settings) -> None:
    """Validate DRAFT with SHACL and move it into the reviewed data (refused with the report if invalid)."""
    with open_(settings) as store:
        result = workflow.accept(store, settings, draft, replace=replace, reason_after=not no_reason)
    click.echo(f"accepted <{result['accepted']}> into <{result['graph']}> ({result['triples']} triples)")
    if "reasoning" in result:
        r = result["reasoning"]
        click.echo(f"reasoned with {r['engine']}: {r['inferred']} inferred triples in {r['seconds']} s")


@click.command()
@click.argument("draft")
@store_options
def reject(draft: str, settings: Settings) -> None:
    """Delete DRAFT."""
    with open_(settings) as store:
        result = workflow.reject(store, settings, draft)
    click.echo(f"rejected <{result['rejected']}>")


def _show(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(format_summary(result))


def format_summary(result: dict[str, Any]) -> str:
    s = result["summary"]
    lines = [f"draft <{result['draft']}>"]
    titles = {"persons": "Persons", "organisations": "Organisations", "posts": "Posts", "legal_acts": "Legal acts",
              "instruments": "Instruments", "proposals": "Proposals", "parameter_changes": "Parameter changes"}
    for key, title in titles.items():
        c = s["counts"][key]
        lines.append(f"\n{title}: {c['new']} new, {c['linked']} linked")
        for item in s[key]:
            lines.append(f"  [{item['status']}] {item['label']}  <{item['iri']}>")
            if key == "parameter_changes":
                lines.append(f"      {item['parameter']}: {item['fromValue']} -> {item['toValue']} {item['currency']}")
            for q in item["quotes"][:5]:
                lines.append(f"      [{q['start']}:{q['end']}] «{_short(q['exact'])}»")
            if len(item["quotes"]) > 5:
                lines.append(f"      … {len(item['quotes']) - 5} more")
            for n in item["notes"]:
                lines.append(f"      note: {n}")
    ok = s.get("selectors_ok")
    lines.append(f"\n{s['statements']} statements; selectors match the text: "
                 f"{'yes' if ok else 'NO' if ok is False else 'text not available'}")
    return "\n".join(lines)


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


commands = [ingest, drafts, review, accept, reject]
