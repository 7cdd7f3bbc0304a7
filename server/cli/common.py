"""What every command shares: the error-to-exit-status group and the store options."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from server.core.errors import PolicyKGError
from server.core.settings import Settings

if TYPE_CHECKING:
    from server.store.base import Store

T = TypeVar("T")


class Group(click.Group):
    """Turns expected errors into a message on stderr and exit status 1 (never a traceback)."""

    def invoke(self, ctx: click.Context) -> Any:  # what the command returns (click.Group.invoke's type)
        try:
            return super().invoke(ctx)
        except PolicyKGError as err:
            click.echo(f"Error: {err.message}", err=True)
            ctx.exit(1)
        except OSError as err:
            click.echo(f"Error: {err}", err=True)
            ctx.exit(1)


def store_options(fn: Callable[..., T]) -> Callable[..., T]:
    """--data-dir/--memory/--base-iri/--store on every command that touches the store."""

    @click.option(
        "--data-dir",
        type=click.Path(file_okay=False),
        default=None,
        help="Store folder [env POLICYKG_DATA_DIR; default: the per-user data folder].",
    )
    @click.option("--memory", is_flag=True, default=None, help="Use an in-memory store [env POLICYKG_MEMORY].")
    @click.option("--base-iri", default=None, help="Base IRI of resources and graphs [env POLICYKG_BASE_IRI].")
    @click.option(
        "--store",
        "store_url",
        default=None,
        help="External SPARQL store, e.g. sparql+http://127.0.0.1:7878 [env POLICYKG_STORE].",
    )
    @functools.wraps(fn)
    def wrapper(
        *args: object,
        data_dir: str | None,
        memory: bool | None,
        base_iri: str | None,
        store_url: str | None,
        **kwargs: object,
    ) -> T:
        settings = Settings.from_env(data_dir=data_dir, memory=memory, base_iri=base_iri, store=store_url)
        return fn(*args, settings=settings, **kwargs)

    return wrapper


def open_(settings: Settings) -> Store:
    from server.store import open_store

    return open_store(settings)
