"""`policykg ingest | drafts | review | edit | accept | reject`: thin calls into server.ingest.workflow
(and server.ingest.edit), imported by each command: `policykg serve` and the other commands never
load the extraction models' code, rdflib or pySHACL.

Registered on the ``policykg`` group by ``server.cli.main``."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from datetime import date as Date
from pathlib import Path

import click

from server.cli.common import open_, store_options
from server.core.errors import BadRequest, PolicyKGError
from server.core.settings import Settings
from server.core.types import JSONObject
from server.graph.history import CLI_AGENT

#: summary sections counted on each article's line, and their names there
COUNTED = {
    "persons": "persons",
    "organisations": "organisations",
    "posts": "posts",
    "legal_acts": "acts",
    "amounts": "amounts",
    "parameter_changes": "changes",
}


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--date",
    "day",
    callback=_date,
    help="Publication date, YYYY-MM-DD (default: the text's leading 'date YYYY-MM-DD' line, else a date "
    "in the file name).",
)
@click.option("--url", default=None, help="The article's URL (one article only).")
@click.option(
    "--title",
    default=None,
    help="Headline (one article only; default: derived from the first sentence, flagged for review).",
)
@click.option("--name", default=None, help="Draft name (one article only; default: the file's stem).")
@click.option(
    "--outlet",
    default=None,
    help="The outlet that published the articles, e.g. 'ТАСС': the source's outlet, and never taken for an "
    "organisation the article mentions.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the review summaries as JSON instead of the lines (one article: an object; several: a "
    "list; refused articles only in the lines on stderr and the report).",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write a JSON report to FILE: per article its draft and counts, or its error; load and run times.",
)
@store_options
def ingest(
    articles: tuple[Path, ...],
    day: Date | None,
    url: str | None,
    title: str | None,
    name: str | None,
    outlet: str | None,
    as_json: bool,
    report: Path | None,
    settings: Settings,
) -> None:
    """Extract candidate triples from Russian news ARTICLES (UTF-8 text files, or folders of *.txt) into one
    draft graph each. One line per article: its draft and what was found, or why it was refused; exit
    status 1 if any article failed (the store is left as it was for that article). The NLP models are
    loaded once for the whole batch. A progress bar is drawn on stderr when stderr is a terminal."""
    from server.ingest import nlp, workflow

    files = _expand(articles)
    if len(files) != 1 and (url or title or name):
        raise click.UsageError("--url, --title and --name apply to one article only")
    started = time.perf_counter()
    entries: list[JSONObject] = []
    ready: list[tuple[Path, str, Date]] = []
    for path in files:  # everything that can be refused without the models, first
        try:
            text, date = workflow.read_article(path, settings.max_article_chars, day)
            ready.append((path, text, date))
        except (PolicyKGError, OSError) as err:
            entries.append(_failed(path, err))
    load = 0.0
    if ready:
        t0 = time.perf_counter()
        nlp.pipeline()
        nlp.morph()
        load = time.perf_counter() - t0
    results: list[JSONObject] = []
    names: dict[str, Path] = {}
    for e in entries:
        _line(e, False, as_json)
    progress = (
        click.progressbar(length=len(ready), label="ingesting", file=sys.stderr)
        if ready and sys.stderr.isatty()
        else contextlib.nullcontext()
    )
    with open_(settings) as store, progress as bar:
        for path, text, date in ready:
            t0 = time.perf_counter()
            try:
                draft = workflow.draft_name(name or path.stem)
                if draft in names:
                    raise BadRequest(
                        f"the draft name {draft!r} is taken by {names[draft]} in this batch; rename one of the files"
                    )
                names[draft] = path
                result = workflow.ingest(
                    store, settings, text, date, name=draft, title=title, url=url, path=path, outlet=outlet
                )
            except Exception as err:  # noqa: BLE001 - refused, or a bug: either way said, and the batch goes on
                entry = _failed(path, err)
            else:
                results.append(result)
                counts = {label: len(result["summary"][key]) for key, label in COUNTED.items()}
                entry = {"file": str(path), "name": result["name"], "draft": result["draft"], "counts": counts}
            entry["seconds"] = round(time.perf_counter() - t0, 3)
            entries.append(entry)
            _line(entry, bar is not None, as_json)
            if bar is not None:
                bar.update(1)
    order = {str(path): i for i, path in enumerate(files)}
    entries.sort(key=lambda e: order[e["file"]])  # the report in the order given
    failed = sum("error" in e for e in entries)
    click.echo(
        f"{len(entries)} article(s): {len(entries) - failed} drafted, {failed} failed; models loaded in "
        f"{load:.1f} s; {time.perf_counter() - started:.1f} s in all",
        err=True,
    )
    if report is not None:
        report.write_text(
            json.dumps(
                {
                    "articles": entries,
                    "drafted": len(entries) - failed,
                    "failed": failed,
                    "model_load_seconds": round(load, 3),
                    "seconds": round(time.perf_counter() - started, 3),
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    if as_json:
        click.echo(json.dumps(results[0] if len(files) == 1 and results else results, ensure_ascii=False, indent=2))
    if failed:
        raise click.exceptions.Exit(1)


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given, folders as their *.txt files (sorted); a folder without one is a usage error."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.glob("*.txt") if f.is_file())
            if not found:
                raise click.UsageError(f"no .txt files in the folder {p}")
            out.extend(found)
        else:
            out.append(p)
    return out


def _failed(path: Path, err: Exception) -> JSONObject:
    if isinstance(err, PolicyKGError):
        message = err.message
    elif isinstance(err, OSError):
        message = f"cannot read the file: {err.strerror or err}"
    else:
        message = f"extraction failed (a bug; nothing was written): {type(err).__name__}: {err}"
    return {"file": str(path), "error": message}


def _line(entry: JSONObject, bar_drawn: bool, as_json: bool) -> None:
    """The article's line on stdout (the progress bar's line cleared first). With --json stdout is
    the JSON alone: only refusals are said, on stderr."""
    if as_json and "error" not in entry:
        return
    if bar_drawn:
        click.echo("\r\033[K", nl=False, err=True)
    if "error" in entry:
        click.echo(f"FAILED  {entry['file']}: {entry['error']}", err=as_json)
        return
    counts = ", ".join(f"{n} {label}" for label, n in entry["counts"].items())
    seconds = f" ({entry['seconds']} s)" if "seconds" in entry else ""
    click.echo(f"ok      {entry['name']}  <{entry['draft']}>  {counts}{seconds}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_options
def drafts(as_json: bool, settings: Settings) -> None:
    """List the drafts waiting for review."""
    from server.ingest import workflow

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
    from server.ingest import workflow

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
    from server.ingest import workflow

    with open_(settings) as store:
        result = workflow.accept(store, settings, draft, replace=replace, reason_after=not no_reason, agent=CLI_AGENT)
    click.echo(f"accepted <{result['accepted']}> into <{result['graph']}> ({result['triples']} triples)")
    if "reasoning" in result:
        r = result["reasoning"]
        click.echo(f"reasoned with {r['engine']}: {r['inferred']} inferred triples in {r['seconds']} s")


@click.command()
@click.argument("draft")
@store_options
def reject(draft: str, settings: Settings) -> None:
    """Delete DRAFT."""
    from server.ingest import workflow

    with open_(settings) as store:
        result = workflow.reject(store, settings, draft)
    click.echo(f"rejected <{result['rejected']}>")


@click.command()
@click.argument("draft")
@click.argument("fact")
@click.option(
    "--drop", is_flag=True, help="Remove the fact, the links to it and the statements only it had as evidence."
)
@click.option("--label", default=None, help="New label of a new fact (replaces its label in --lang).")
@click.option("--lang", default="ru", show_default=True, type=click.Choice(["ru", "en"]), help="Language of --label.")
@click.option("--class", "cls", default=None, help="New class of a new fact: a local name (Ministry) or an IRI.")
@click.option("--link", default=None, help="IRI of a reviewed resource the fact is (replaces the fact everywhere).")
@store_options
def edit(
    draft: str,
    fact: str,
    drop: bool,
    label: str | None,
    lang: str,
    cls: str | None,
    link: str | None,
    settings: Settings,
) -> None:
    """Edit one FACT (its IRI, as `policykg review` shows it) of DRAFT: one of --drop, --label, --class, --link."""
    from server.ingest import edit as edits

    chosen = [
        name for name, given in (("--drop", drop), ("--label", label), ("--class", cls), ("--link", link)) if given
    ]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of --drop, --label, --class, --link")
    with open_(settings) as store:
        if drop:
            edits.drop(store, settings, draft, fact)
            click.echo(f"dropped <{fact}>")
        elif label is not None:
            edits.relabel(store, settings, draft, fact, label, lang)
            click.echo(f"relabelled <{fact}>: {label!r}@{lang}")
        elif cls is not None:
            result = edits.reclass(store, settings, draft, fact, cls)
            click.echo(f"reclassed <{fact}> as <{result['class']}>")
        elif link is not None:
            edits.relink(store, settings, draft, fact, link)
            click.echo(f"linked <{fact}> to <{link}>")


def _show(result: JSONObject, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(format_summary(result))


def format_summary(result: JSONObject) -> str:
    s = result["summary"]
    lines = [f"draft <{result['draft']}>"]
    titles = {
        "persons": "Persons",
        "organisations": "Organisations",
        "posts": "Posts",
        "legal_acts": "Legal acts",
        "instruments": "Instruments",
        "proposals": "Proposals",
        "parameter_changes": "Parameter changes",
        "events": "Events",
        "amounts": "Money amounts",
        "regions": "Regions",
        "sites": "Industrial sites",
    }
    for key, title in titles.items():
        c = s["counts"][key]
        lines.append(f"\n{title}: {c['new']} new, {c['linked']} linked")
        for item in s[key]:
            lines.append(f"  [{item['status']}] {item['label']}  <{item['iri']}>")
            lines.extend(f"      {fact}" for fact in _facts(key, item))
            for q in item["quotes"][:5]:
                lines.append(f"      [{q['start']}:{q['end']}] «{_short(q['exact'])}»")
            if len(item["quotes"]) > 5:
                lines.append(f"      … {len(item['quotes']) - 5} more")
            for n in item["notes"]:
                lines.append(f"      note: {n}")
    lines.append("\nArticle structure:")
    st = s["structure"]
    dateline = st["dateline"] or {}
    for label, value in (
        ("headline", st["headline"]),
        ("lead", st["lead"]),
        ("dateline", dateline.get("text")),
        ("dateline place", dateline.get("place")),
        ("dateline agency", dateline.get("agency")),
        *(("credit", x) for x in st["credits"]),
        *(("source line", x) for x in st["source_lines"]),
        ("byline", st["byline"]),
    ):
        if value is not None:
            lines.append(f"  {label}: {_short(value)}")
    ok = s.get("selectors_ok")
    lines.append(
        f"\n{s['statements']} statements; selectors match the text: "
        f"{'yes' if ok else 'NO' if ok is False else 'text not available'}"
    )
    return "\n".join(lines)


def _facts(section: str, item: JSONObject) -> list[str]:
    """An item's own facts as 'name: value' lines; what the draft does not state is left out."""

    def ref(r: JSONObject | None) -> str | None:
        return None if r is None else r["label"]

    if section == "parameter_changes":
        change = " -> ".join(v for v in (item["fromValue"], item["toValue"]) if v is not None)
        facts = {"parameter": item["parameter"], "change": " ".join(v for v in (change, item["currency"]) if v)}
    elif section == "amounts":
        value = "–".join(v for v in (item["value"], item["value_max"]) if v is not None)
        facts = {
            "amount": " ".join(v for v in (item["qualifier"], value, item["currency"]) if v),
            "measures": item["measures"],
            "belongs to": ref(item["belongs_to"]),
        }
    elif section == "legal_acts":
        facts = {k: item[k] for k in ("kind", "number", "date", "title")} | {"issuer": ref(item["issuer"])}
    elif section == "events":
        facts = {
            "date": item["date"],
            "place": item["place"],
            "speakers": ", ".join(x["label"] for x in item["speakers"]),
        }
    elif section == "posts":
        facts = {"role": ref(item["role"]), "organisation": ref(item["organisation"])}
    else:
        facts = {}
    return [f"{k}: {v}" for k, v in facts.items() if v]


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


commands = [ingest, drafts, review, edit, accept, reject]
