"""``policykg migrate``: the store's vocabulary terms moved to the current namespace."""

from __future__ import annotations

import click

from server.cli.common import open_, store_options
from server.core.namespaces import LEGACY_PKG, PKG
from server.core.settings import Settings


@click.command(
    help=f"""Rewrite the store's vocabulary terms from an old namespace to <{PKG}>.

    Every IRI in the old namespace (subject, predicate, object, a literal's datatype), in every
    graph, becomes the same local name in the new one: one SPARQL Update, one transaction; literals,
    blank nodes and other IRIs are left as they are. Running it again changes nothing."""
)
@click.option(
    "--from",
    "old",
    metavar="IRI",
    default=LEGACY_PKG,
    show_default=True,
    help="The old namespace whose terms are rewritten.",
)
@click.option("--dry-run", is_flag=True, help="Only count the triples that would be rewritten.")
@store_options
def migrate(old: str, dry_run: bool, settings: Settings) -> None:
    from server.graph.migrate import migrate as run

    with open_(settings) as store:
        done = run(store, old, PKG, dry_run=dry_run)
    where = f"{done.triples} triples in {done.graphs} graph(s) from <{done.old}> to <{done.new}>"
    if not done.triples:
        click.echo(f"nothing to rewrite: no term in <{done.old}>")
    elif dry_run:
        click.echo(f"would rewrite {where} (dry run: nothing changed)")
    else:
        click.echo(f"rewrote {where} in one transaction")


commands = [migrate]
