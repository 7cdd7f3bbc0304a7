"""The one table of formats (media type <-> short name <-> Oxigraph/rdflib format),
and ``negotiate(accept, kind)`` on Werkzeug's parsed Accept: q-values, wildcards, an empty
Accept gets the default, no match raises NotAcceptable naming what is offered.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from server.core.errors import BadRequest, NotAcceptable

# Kinds of payload a view can produce.
RESULTS = "results"  # SELECT / ASK
GRAPH = "graph"  # CONSTRUCT / DESCRIBE, one graph
DATASET = "dataset"  # several graphs
HTML = "html"


@dataclass(frozen=True)
class Format:
    name: str  # short name used by ?format= and the CLI
    media_type: str
    kinds: tuple[str, ...]
    extension: str
    rdflib: str | None = None  # rdflib serializer/parser name
    aliases: tuple[str, ...] = ()  # other media types accepted as this format

    @property
    def ox_results(self) -> ox.QueryResultsFormat:
        return _OX_RESULTS[self.name]

    @property
    def ox_rdf(self) -> ox.RdfFormat:
        return _OX_RDF[self.name]

    @property
    def content_type(self) -> str:
        textual = self.media_type.startswith("text/") or self.media_type.endswith(("json", "xml"))
        textual = textual or self.media_type in {"application/n-triples", "application/n-quads", "application/trig"}
        return self.media_type + ("; charset=utf-8" if textual else "")


# Order matters: the first format of a kind is its default.
FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", (RESULTS,), "srj", aliases=("application/json",)),
    Format("xml", "application/sparql-results+xml", (RESULTS,), "srx", aliases=("application/xml", "text/xml")),
    Format("csv", "text/csv", (RESULTS,), "csv"),
    Format("tsv", "text/tab-separated-values", (RESULTS,), "tsv"),
    Format("ttl", "text/turtle", (GRAPH,), "ttl", "turtle", ("application/x-turtle",)),
    Format("nt", "application/n-triples", (GRAPH,), "nt", "nt", ("text/plain",)),
    Format("rdf", "application/rdf+xml", (GRAPH,), "rdf", "xml", ("application/xml", "text/xml")),
    Format("jsonld", "application/ld+json", (GRAPH, DATASET), "jsonld", "json-ld", ("application/json",)),
    Format("trig", "application/trig", (DATASET, GRAPH), "trig", "trig"),
    Format("nq", "application/n-quads", (DATASET, GRAPH), "nq", "nquads"),
    Format("html", "text/html", (HTML,), "html", aliases=("application/xhtml+xml",)),
)

BY_NAME = {f.name: f for f in FORMATS}
_NAME_ALIASES = {
    "turtle": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "rdfxml": "rdf",
    "rdf-xml": "rdf",
    "owl": "rdf",
    "json-ld": "jsonld",
    "nquads": "nq",
    "n-quads": "nq",
    "srj": "json",
    "srx": "xml",
}

_OX_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_OX_RDF = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdf": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
}


def offered(kind: str) -> list[Format]:
    return [f for f in FORMATS if kind in f.kinds]


def by_name(name: str, kind: str | None = None) -> Format:
    """A format by its short name (``?format=``, CLI), checked against the kind."""
    key = _NAME_ALIASES.get(name.lower(), name.lower())
    fmt = BY_NAME.get(key)
    if fmt is None:
        fmt = next((f for f in FORMATS if name.lower() in (f.media_type, *f.aliases)), None)
    if fmt is None or (kind is not None and kind not in fmt.kinds):
        names = ", ".join(f.name for f in offered(kind)) if kind else ", ".join(BY_NAME)
        raise BadRequest(f"Unknown or unsuitable format {name!r}; use one of: {names}.")
    return fmt


def by_media_type(media_type: str, kinds: tuple[str, ...] = (GRAPH, DATASET)) -> Format | None:
    """The parser format for a Content-Type header (parameters ignored), or None."""
    mt = media_type.split(";")[0].strip().lower()
    for f in FORMATS:
        if set(f.kinds) & set(kinds) and mt in (f.media_type, *f.aliases):
            return f
    return None


def by_extension(ext: str, kind: str | None = None) -> Format | None:
    ext = ext.lower().lstrip(".")
    ext = {"turtle": "ttl", "owl": "rdf", "xml": "rdf", "json": "jsonld", "nquads": "nq"}.get(ext, ext)
    for f in FORMATS:
        if f.extension == ext and (kind is None or kind in f.kinds):
            return f
    return None


def rdf_format_for(path: Path) -> Format:
    """The RDF format of a data file, by its extension (``BadRequest`` for anything else)."""
    fmt = by_extension(path.suffix)
    if fmt is None or fmt.rdflib is None:
        raise BadRequest(f"{path}: unknown RDF file type {path.suffix!r} (use .ttl, .nt, .rdf, .jsonld, .trig, .nq)")
    return fmt


def _accepted(accept: str | None, candidates: list[Format]) -> MIMEAccept:
    """The Accept header as Werkzeug parses it (q-values; a bad q drops its range), with media
    type parameters dropped and every alias a candidate answers to replaced by that candidate's
    own media type: an alias is taken only when named exactly, so ``text/*`` never picks the
    SPARQL XML results (alias ``text/xml``) and ``application/*`` never picks Turtle (alias
    ``application/x-turtle``)."""
    own = {alias: f.media_type for f in reversed(candidates) for alias in f.aliases}  # the first one wins
    ranges = []
    for value, q in parse_accept_header(accept, MIMEAccept):
        media_type = value.split(";")[0].strip().lower()
        if "/" in media_type:
            ranges.append((own.get(media_type, media_type), q))
    return MIMEAccept(ranges)


def negotiate(accept: str | None, kind: str, candidates: list[Format] | None = None) -> Format:
    """Pick the format for ``kind`` that the Accept header prefers: the highest q-value, then the
    most specific range, then the first candidate. Empty/absent Accept -> the default (first)
    format. Nothing acceptable -> NotAcceptable naming what is offered.
    """
    if not candidates:  # the common case, remembered: clients send the same few Accept headers
        return _negotiate_offered(accept, kind)
    return _negotiate(accept, candidates)


@functools.lru_cache(maxsize=512)
def _negotiate_offered(accept: str | None, kind: str) -> Format:
    return _negotiate(accept, offered(kind))


def _negotiate(accept: str | None, candidates: list[Format]) -> Format:
    ranges = _accepted(accept, candidates)
    if not ranges:
        return candidates[0]
    best = ranges.best_match([f.media_type for f in candidates])
    if best is None:
        names = ", ".join(f.media_type for f in candidates)
        raise NotAcceptable(
            f"None of the accepted types can be produced here; offered: {names}.",
            detail={"offered": [f.media_type for f in candidates]},
        )
    return next(f for f in candidates if f.media_type == best)
