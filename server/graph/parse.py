"""Parsing RDF files and request bodies with rdflib, with the default base rewritten to the configured one.

Syntax errors become ``RDFSyntaxError`` naming the file (or body) and the line."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from server.core.errors import BadRequest, RDFSyntaxError
from server.core.namespaces import DEFAULT_BASE
from server.protocol import formats


def rdf_format_for(path: Path) -> formats.Format:
    fmt = formats.by_extension(path.suffix)
    if fmt is None or fmt.rdflib is None:
        raise BadRequest(f"{path}: unknown RDF file type {path.suffix!r} (use .ttl, .nt, .rdf, .jsonld, .trig, .nq)")
    return fmt


def parse_file(path: Path, base_iri: str = DEFAULT_BASE) -> Graph:
    """Parse one file with rdflib; syntax errors become RDFSyntaxError naming file and line."""
    path = Path(path)
    if not path.is_file():
        raise BadRequest(f"{path}: no such file")
    fmt = rdf_format_for(path)
    g = Graph()
    try:
        g.parse(path, format=fmt.rdflib)
    except Exception as exc:  # noqa: BLE001 - rdflib raises many types for bad syntax
        raise RDFSyntaxError(f"{path}: {fmt.name} syntax error: {exc}") from None
    return rebase(g, base_iri)


def parse_bytes(data: bytes, fmt: formats.Format, base_iri: str = DEFAULT_BASE, *, name: str = "request body") -> Graph:
    g = Graph()
    try:
        g.parse(data=data, format=fmt.rdflib, publicID=base_iri)
    except Exception as exc:  # noqa: BLE001 - as in parse_file
        raise RDFSyntaxError(f"{name}: {fmt.name} syntax error: {exc}") from None
    return rebase(g, base_iri)


def rebase(g: Graph, base_iri: str) -> Graph:
    """Rewrite IRIs written with the default base to the configured one."""
    if base_iri == DEFAULT_BASE:
        return g

    def fix(t: Node) -> Node:
        if isinstance(t, URIRef) and str(t).startswith(DEFAULT_BASE):
            return URIRef(base_iri + str(t)[len(DEFAULT_BASE) :])
        return t

    out = Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, ns)
    for s, p, o in g:
        out.add((fix(s), fix(p), fix(o)))
    return out
