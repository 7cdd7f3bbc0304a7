"""Exports of the dataset or one graph, deterministic and readable (see ``server.graph.turtle``).

What is exported:

- no ``graph``: the published dataset — every asserted graph (``namespaces.is_asserted``: not the
  inferred graph, not drafts); with ``inferred=True`` the inferred graph as well. Drafts are never
  part of a dataset dump (ask for a draft graph by name).
- ``graph=G``: that graph only; with ``inferred=True`` also the inferred triples about G's subjects
  (as a separate graph in quad formats, merged in triple formats).

``inferred`` defaults to False: a dump holds what was asserted and reviewed; the entailments can
be recomputed by anyone (``policykg reason``) and would double the size.

Formats: ttl (default for a graph), trig (default for the dataset), nt, nq (sorted lines), jsonld
and rdf (RDF/XML) via rdflib. Triple formats of the whole dataset hold the merge of its graphs.
RDF 1.2 triple terms are written by the first four; jsonld and rdf refuse them (406).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from server.core.errors import BadRequest, NotAcceptable, NotFound
from server.core.namespaces import PKG, PREFIXES, graph_iri, inferred_graph, is_asserted
from server.core.settings import Settings
from server.graph.turtle import (
    RESERVED_PREFIXES,
    Statement,
    relabel,
    stable_bnode_labels,
    write_nquads,
    write_ntriples,
    write_trig,
    write_turtle,
)
from server.protocol import formats
from server.store import Store

DCTERMS = "http://purl.org/dc/terms/"
_PREFIX_DECL = re.compile(r"@prefix\s+([A-Za-z][\w.\-]*)?:\s*<([^>]*)>\s*\.", re.IGNORECASE)
_SEGMENT = re.compile(r"^[a-z][a-z0-9\-]*$")


# -- what to export ---------------------------------------------------------------------


def dataset_graphs(store: Store, settings: Settings, *, inferred: bool = False) -> list[str]:
    """Graphs of a dataset dump: the asserted ones, plus the inferred graph if asked."""
    names = [g.iri for g in store.graphs()]
    out = [g for g in names if is_asserted(g, settings.base_iri)]
    if inferred and inferred_graph(settings.base_iri) in names:
        out.append(inferred_graph(settings.base_iri))
    return sorted(out)


def _statements(store: Store, graph: str) -> list[Statement]:
    g = ox.NamedNode(graph)
    return [(q.subject, q.predicate, q.object, g) for q in store.quads(graph)]


def select(store: Store, settings: Settings, *, graph: str | None = None, inferred: bool = False) -> list[Statement]:
    """The statements to export (see the module doc)."""
    if graph is None:
        out: list[Statement] = []
        for g in dataset_graphs(store, settings, inferred=inferred):
            out.extend(_statements(store, g))
        return out
    if not store.has_graph(graph):
        raise NotFound(f"No graph <{graph}> in the store.", detail={"graph": graph})
    out = _statements(store, graph)
    inf = inferred_graph(settings.base_iri)
    if inferred and graph != inf and store.has_graph(inf):
        subjects = {s for s, _, _, _ in out}
        out.extend(st for st in _statements(store, inf) if st[0] in subjects)
    return out


# -- prefixes -----------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _declared_prefixes(base_iri: str) -> tuple[tuple[str, str], ...]:
    """@prefix declarations of the shipped ontology and data files (rebased to ``base_iri``)."""
    from server.core.namespaces import rebased
    from server.core.resources import data_files, ontology_files

    found: dict[str, str] = {}
    try:
        files = ontology_files() + data_files()
    except FileNotFoundError:
        files = []
    for path in files:
        for name, ns in _PREFIX_DECL.findall(Path(path).read_text(encoding="utf-8")):
            if name:
                found.setdefault(name, rebased(ns, base_iri))
    return tuple(sorted(found.items()))


def export_prefixes(statements: Sequence[Statement], settings: Settings) -> dict[str, str]:
    """PREFIXES, the prefixes declared in the shipped files, and one prefix per first path
    segment of the data's IRIs under the base (``person:``, ``proposal:`` ...; a segment whose
    name is taken or reserved is written ``id-<segment>:``, e.g. ``id-org:``)."""
    prefixes = dict(PREFIXES)
    for name, ns in _declared_prefixes(settings.base_iri):
        if name not in prefixes and ns not in prefixes.values():
            prefixes[name] = ns
    base = settings.base_iri
    segments: set[str] = set()
    for s, p, o, g in statements:
        for t in (s, o, g):
            if isinstance(t, ox.NamedNode) and t.value.startswith(base):
                rest = t.value[len(base) :]
                if "/" in rest:
                    segments.add(rest.split("/", 1)[0])
    taken = set(prefixes.values())
    for seg in sorted(segments):
        ns = f"{base}{seg}/"
        if ns in taken or not _SEGMENT.match(seg):
            continue
        name = seg if seg not in prefixes and seg not in RESERVED_PREFIXES else f"id-{seg}"
        if name not in prefixes:
            prefixes[name] = ns
            taken.add(ns)
    return prefixes


# -- serialisation ------------------------------------------------------------------------


def default_format(graph: str | None) -> str:
    return "ttl" if graph else "trig"


def serialize(statements: Sequence[Statement], fmt: formats.Format, prefixes: dict[str, str]) -> bytes:
    if fmt.name == "ttl":
        return write_turtle(statements, prefixes)
    if fmt.name == "trig":
        return write_trig(statements, prefixes)
    if fmt.name == "nt":
        return write_ntriples(statements)
    if fmt.name == "nq":
        return write_nquads(statements)
    if fmt.name in ("jsonld", "rdf"):
        return _rdflib(statements, fmt, prefixes)
    raise ValueError(f"{fmt.name} is not an RDF format")


def _rdflib(statements: Sequence[Statement], fmt: formats.Format, prefixes: dict[str, str]) -> bytes:
    from rdflib import Dataset, Graph, URIRef

    from server.graph.convert import to_rdflib

    if any(isinstance(t, ox.Triple) for st in statements for t in (st[0], st[2])):
        raise NotAcceptable(
            f"The data holds RDF 1.2 triple terms, which {fmt.name} (rdflib) cannot express; use ttl, trig, nt or nq.",
            detail={"offered": [formats.BY_NAME[n].media_type for n in ("ttl", "trig", "nt", "nq")]},
        )
    stmts = relabel(statements, stable_bnode_labels(statements))
    graphs = {g for _, _, _, g in stmts}
    used = {
        name: ns
        for name, ns in prefixes.items()
        if any(isinstance(t, ox.NamedNode) and t.value.startswith(ns) for st in stmts for t in st[:3])
    }
    if fmt.name == "jsonld" and len(graphs) > 1:
        ds = Dataset()
        for s, p, o, g in sorted(stmts, key=lambda st: tuple(str(t) for t in st)):
            target = ds.graph(URIRef(g.value)) if isinstance(g, ox.NamedNode) else ds.default_graph
            target.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
        return ds.serialize(format="json-ld", context=used, auto_compact=True).encode("utf-8")
    out = Graph()
    for name, ns in used.items():
        out.bind(name, ns, override=True, replace=True)
    for s, p, o, _ in sorted(stmts, key=lambda st: tuple(str(t) for t in st[:3])):
        out.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    if fmt.name == "jsonld":
        return out.serialize(format="json-ld", context=used, auto_compact=True).encode("utf-8")
    return out.serialize(format="xml").encode("utf-8")


def export_bytes(
    store: Store, settings: Settings, *, graph: str | None = None, fmt: str | None = None, inferred: bool = False
) -> bytes:
    """The dataset (or one graph) serialised in ``fmt`` (short name; default: trig / ttl)."""
    f = formats.by_name(fmt or default_format(graph))
    if formats.GRAPH not in f.kinds and formats.DATASET not in f.kinds:
        raise BadRequest(f"{f.name} is not an RDF format; use ttl, trig, nt, nq, jsonld or rdf.")
    statements = select(store, settings, graph=graph, inferred=inferred)
    return serialize(statements, f, export_prefixes(statements, settings))


# -- naming ---------------------------------------------------------------------------------

_DATE_PREFIXES = f"""
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX void: <http://rdfs.org/ns/void#>
PREFIX pkg: <{PKG}>
"""
# two queries, not one UNION: with a dataset given, Virtuoso 7 finds nothing for the path in a UNION branch
DATE_QUERIES = (
    _DATE_PREFIXES
    + "SELECT (MAX(STR(?d)) AS ?date) WHERE { ?c rdfs:subClassOf* pkg:Source . ?s a ?c ; dcterms:date ?d }",
    _DATE_PREFIXES + "SELECT (MAX(STR(?d)) AS ?date) WHERE { ?s a void:Dataset ; dcterms:modified ?d }",
)


def dataset_date(store: Store, settings: Settings) -> str | None:
    """Version date of the data: the latest date of a source (or dataset dcterms:modified)
    in the asserted graphs, as YYYY-MM-DD; None when the data has no dates."""
    graphs = dataset_graphs(store, settings)
    if not graphs:
        return None
    dates = [sol["date"] for query in DATE_QUERIES for sol in store.select(query, default_graphs=graphs)]
    latest = max((d.value for d in dates if d is not None), default=None)
    if latest is not None and re.match(r"^\d{4}-\d{2}-\d{2}", latest):
        return latest[:10]
    return None


def export_filename(
    settings: Settings, date: str | None, graph: str | None, fmt: formats.Format, gzip: bool = False
) -> str:
    """policykg[-<graph>]-<date>.<ext>[.gz], e.g. policykg-2026-01-27.trig."""
    parts = ["policykg"]
    if graph:
        prefix = graph_iri(settings.base_iri, "")
        name = graph[len(prefix) :] if graph.startswith(prefix) else graph.rstrip("/").rsplit("/", 1)[-1]
        parts.append(re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "graph")
    if date:
        parts.append(date)
    return "-".join(parts) + "." + fmt.extension + (".gz" if gzip else "")
