"""Parsing RDF files and request bodies with rdflib, with the default base rewritten to the configured one.

Syntax errors become ``RDFSyntaxError`` naming the file (or body) and the line."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from server.core.errors import BadRequest, RDFSyntaxError
from server.core.namespaces import DEFAULT_BASE, LEGACY_PKG, PKG
from server.protocol import formats


def parse_file(path: Path, base_iri: str = DEFAULT_BASE) -> Graph:
    """Parse one file with rdflib; syntax errors become RDFSyntaxError naming file and line."""
    path = Path(path)
    if not path.is_file():
        raise BadRequest(f"{path}: no such file")
    fmt = formats.rdf_format_for(path)
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
    """Rewrite IRIs written with the default base to the configured one, and the vocabulary's terms
    written in its namespace before 0.2.0 (``LEGACY_PKG``) to the current one (``PKG``)."""
    moves = [(LEGACY_PKG, PKG)] + ([(DEFAULT_BASE, base_iri)] if base_iri != DEFAULT_BASE else [])

    def fix(t: Node) -> Node:
        if isinstance(t, URIRef):
            for old, new in moves:
                if t.startswith(old):
                    return URIRef(new + t[len(old) :])
        elif isinstance(t, Literal) and t.datatype is not None and t.datatype.startswith(LEGACY_PKG):
            return Literal(str(t), datatype=PKG + t.datatype[len(LEGACY_PKG) :])
        return t

    if not any(fix(t) is not t for triple in g for t in triple):
        return g  # nothing to rewrite: the parsed graph as it is
    out = Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, fix(ns))
    for s, p, o in g:
        out.add((fix(s), fix(p), fix(o)))
    return out
