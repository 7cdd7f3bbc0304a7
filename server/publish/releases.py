"""Releases: dated, deterministic dump sets of the published dataset, each with the RDF Patch
from the release before it.

``policykg release`` writes ``{releases_dir}/{name}/`` (name: the release date, YYYY-MM-DD):

- ``policykg-{name}.ttl``, ``.trig``, ``.nq`` — the asserted graphs (as ``/export``: no drafts,
  no inferences, no history), and each of them gzipped (``.gz``, no time stamp inside);
- ``void.ttl`` — the VoID description of the dataset;
- ``changes.rdfp`` — the RDF Patch from the previous release (from nothing for the first one);
- ``SHA256SUMS`` — the checksums of the files above (``sha256sum -c SHA256SUMS`` checks them).

The same data and name give the same bytes. A release is never overwritten unless asked.
``state_quads`` names any state a diff compares: a release, a past view, the store or a dump."""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox

from server.core.errors import BadRequest, NotFound
from server.core.settings import Settings
from server.graph.turtle import write_turtle
from server.protocol import formats
from server.protocol.asof import as_of_graphs, parse_as_of
from server.publish import rdfpatch
from server.publish.diff import diff, read_dump, stable, store_quads
from server.publish.export import export_prefixes, select, serialize
from server.publish.void import void_statements
from server.store import Store

NAME = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DUMPS = ("ttl", "trig", "nq")
PATCH = "changes.rdfp"
SUMS = "SHA256SUMS"


@dataclass(frozen=True)
class Release:
    name: str
    path: Path

    @property
    def files(self) -> list[str]:
        return sorted(p.name for p in self.path.iterdir() if p.is_file())


def releases_dir(settings: Settings) -> Path:
    return Path(settings.releases_dir) if settings.releases_dir else Path(settings.data_dir) / "releases"


def releases(settings: Settings) -> list[Release]:
    """The releases written so far, newest first."""
    root = releases_dir(settings)
    if not root.is_dir():
        return []
    found = [Release(p.name, p) for p in root.iterdir() if p.is_dir() and NAME.match(p.name) and (p / SUMS).is_file()]
    return sorted(found, key=lambda r: r.name, reverse=True)


def find(settings: Settings, name: str) -> Release:
    for r in releases(settings):
        if r.name == name:
            return r
    raise NotFound(f"no release named {name!r} (see 'policykg releases' or /releases)")


def release_iri(settings: Settings, name: str) -> str:
    return f"{settings.base_iri}release/{name}"


def dump_name(name: str, fmt: str) -> str:
    return f"policykg-{name}.{fmt}"


def release_quads(settings: Settings, name: str) -> set[ox.Quad]:
    """The quads of a release (read from its N-Quads dump)."""
    return read_dump(find(settings, name).path / dump_name(name, "nq"))


def write_release(
    store: Store, settings: Settings, *, name: str | None = None, replace: bool = False
) -> tuple[Release, rdfpatch.Patch]:
    """Write the release ``name`` (default: today, UTC) of the store's published dataset."""
    name = name or datetime.now(UTC).date().isoformat()
    if not NAME.match(name):
        raise BadRequest(f"a release is named by its date, YYYY-MM-DD (got {name!r})")
    date.fromisoformat(name)
    root = releases_dir(settings)
    target = root / name
    if target.exists() and not replace:
        raise BadRequest(f"release {name} exists ({target}); pass --replace to write it again")
    previous = next((r for r in releases(settings) if r.name < name), None)
    statements = select(store, settings)
    prefixes = export_prefixes(statements, settings)
    files: dict[str, bytes] = {}
    for fmt in DUMPS:
        body = serialize(statements, formats.BY_NAME[fmt], prefixes)
        files[dump_name(name, fmt)] = body
        files[dump_name(name, fmt) + ".gz"] = gzip.compress(body, mtime=0)
    origin = urlsplit(settings.base_iri)
    files["void.ttl"] = write_turtle(void_statements(store, settings, f"{origin.scheme}://{origin.netloc}/"), prefixes)
    now = stable(list(ox.parse(files[dump_name(name, "nq")], format=ox.RdfFormat.N_QUADS)))
    before = release_quads(settings, previous.name) if previous else set()
    change = diff(before, now)
    headers = {"id": f"<{release_iri(settings, name)}>"}
    if previous:
        headers["prev"] = f"<{release_iri(settings, previous.name)}>"
    files[PATCH] = change.patch(headers)
    files[SUMS] = "".join(f"{hashlib.sha256(files[n]).hexdigest()}  {n}\n" for n in sorted(files)).encode()
    staging = root / f".{name}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for n, body in files.items():
        (staging / n).write_bytes(body)
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return Release(name, target), rdfpatch.read(files[PATCH])


def state_quads(store: Store | None, settings: Settings, spec: str, *, files: bool = True) -> set[ox.Quad]:
    """The quads of a state named by ``spec``: ``release:NAME`` or the name of a release,
    ``asOf:YYYY-MM-DD``, ``recordedBefore:DATE[TIME]``, ``current``, a bare date (a release of
    that name if there is one, else the view as of that date) or (``files``) a dump file's path."""
    kind, _, value = spec.partition(":")
    names = {r.name for r in releases(settings)}
    if kind == "release":
        return release_quads(settings, value)
    if spec in names:
        return release_quads(settings, spec)
    view = None
    if kind == "asOf":
        view = parse_as_of(value, None)
    elif kind == "recordedBefore":
        view = parse_as_of(None, value)
    elif len(spec) == 10 and spec[4:5] == "-" and not Path(spec).exists():
        view = parse_as_of(spec, None)
    if view is not None or spec == "current":
        if store is None:
            raise BadRequest(f"{spec!r} is a view of the store: open one")
        graphs = as_of_graphs(store, settings, view) if view is not None else None
        return store_quads(store, settings, graphs)
    if not files:
        raise BadRequest(
            f"{spec!r} names no release and no view: use a release's name, asOf:YYYY-MM-DD, "
            "recordedBefore:DATE[TIME] or current"
        )
    return read_dump(Path(spec))
