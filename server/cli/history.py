"""``policykg diff``, ``policykg release``, ``policykg releases`` and ``policykg changes``."""

from __future__ import annotations

import json

import click

from server.cli.common import open_, store_options
from server.core.settings import Settings

NEEDS_STORE = ("asOf:", "recordedBefore:", "current")


@click.command()
@click.argument("before")
@click.argument("after")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "rdf-patch"]),
    default="text",
    help="text: grouped by resource (+ added, - removed); json; rdf-patch: RDF Patch (Apache Jena RDF Delta).",
)
@click.option("--releases-dir", default=None, help="Folder of the releases [env POLICYKG_RELEASES_DIR].")
@store_options
def diff(before: str, after: str, fmt: str, releases_dir: str | None, settings: Settings) -> None:
    """Added and removed triples between two states: BEFORE and AFTER are each a dump file (.nq,
    .trig, .ttl, .nt, possibly .gz), a release (its name, or release:NAME), a date (a release of
    that name if any, else the view as of that date), asOf:YYYY-MM-DD, recordedBefore:DATE[TIME]
    or 'current' (the store now). Asserted graphs only."""
    from server.publish.diff import diff as compare
    from server.publish.releases import state_quads

    if releases_dir:
        settings.releases_dir = releases_dir
    if any(x.startswith(NEEDS_STORE) or _is_view(x, settings) for x in (before, after)):
        with open_(settings) as store:
            result = compare(state_quads(store, settings, before), state_quads(store, settings, after))
    else:
        result = compare(state_quads(None, settings, before), state_quads(None, settings, after))
    if fmt == "rdf-patch":
        click.echo(result.patch().decode("utf-8"), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(result.json(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.text(), nl=False)


def _is_view(spec: str, settings: Settings) -> bool:
    """A bare date that names no release: a view of the store."""
    from pathlib import Path

    from server.publish.releases import releases

    return (
        len(spec) == 10
        and spec[4:5] == "-"
        and not Path(spec).exists()
        and spec not in {r.name for r in releases(settings)}
    )


@click.command()
@click.option("--name", default=None, help="The release's date, YYYY-MM-DD [default: today, UTC].")
@click.option("--replace", is_flag=True, help="Write the release again if it exists.")
@click.option("--releases-dir", default=None, help="Folder of the releases [env POLICYKG_RELEASES_DIR].")
@store_options
def release(name: str | None, replace: bool, releases_dir: str | None, settings: Settings) -> None:
    """Write a release: the published dataset as Turtle, TriG and N-Quads (each also gzipped),
    its VoID description, the RDF Patch from the previous release and SHA256SUMS, into
    RELEASES_DIR/NAME/. The same data and name give the same bytes."""
    from server.publish.releases import write_release

    if releases_dir:
        settings.releases_dir = releases_dir
    with open_(settings) as store:
        written, patch = write_release(store, settings, name=name, replace=replace)
    click.echo(
        f"release {written.name} in {written.path}: {len(written.files)} files; "
        f"{len(patch.added)} triples added, {len(patch.deleted)} removed since the previous release"
    )


@click.command(name="releases")
@click.option("--releases-dir", default=None, help="Folder of the releases [env POLICYKG_RELEASES_DIR].")
@store_options
def list_releases(releases_dir: str | None, settings: Settings) -> None:
    """List the releases, newest first."""
    from server.publish.releases import releases

    if releases_dir:
        settings.releases_dir = releases_dir
    for r in releases(settings):
        click.echo(f"{r.name}  {r.path}")


commands = [diff, release, list_releases]
