"""Loading RDF files into the store: parse, rewrite the base, validate with SHACL, then swap
each file's named graph in atomically. Nothing is written unless every file is valid."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from . import formats
from .convert import graph_to_ntriples
from .errors import BadRequest, RDFSyntaxError, ValidationFailed
from .namespaces import DEFAULT_BASE, graph_iri, ontology_graph
from .resources import ontology_files
from .settings import Settings
from .store import Store

Progress = Callable[[str], None]


@dataclass
class Loaded:
    path: str
    graph: str
    triples: int


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
    except Exception as exc:  # rdflib raises many types for bad syntax
        raise RDFSyntaxError(f"{path}: {fmt.name} syntax error: {exc}") from None
    return rebase(g, base_iri)


def parse_bytes(data: bytes, fmt: formats.Format, base_iri: str = DEFAULT_BASE, *, name: str = "request body") -> Graph:
    g = Graph()
    try:
        g.parse(data=data, format=fmt.rdflib, publicID=base_iri)
    except Exception as exc:
        raise RDFSyntaxError(f"{name}: {fmt.name} syntax error: {exc}") from None
    return rebase(g, base_iri)


def rebase(g: Graph, base_iri: str) -> Graph:
    """Rewrite IRIs written with the default base to the configured one."""
    if base_iri == DEFAULT_BASE:
        return g

    def fix(t: Node) -> Node:
        if isinstance(t, URIRef) and str(t).startswith(DEFAULT_BASE):
            return URIRef(base_iri + str(t)[len(DEFAULT_BASE):])
        return t

    out = Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, ns)
    for s, p, o in g:
        out.add((fix(s), fix(p), fix(o)))
    return out


def graph_for_file(path: Path, base_iri: str) -> str:
    """Named graph of a file: the ontology graph for ontology files, else {base}graph/{stem}."""
    path = Path(path).resolve()
    if path in {p.resolve() for p in ontology_files()}:
        return ontology_graph(base_iri)
    return graph_iri(base_iri, path.stem)


def expand(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.is_file() and formats.by_extension(x.suffix)
                              and x.name != "shapes.ttl" and x.suffix != ".html"))
        elif p.exists():
            out.append(p)
        else:
            raise BadRequest(f"{p}: no such file or folder")
    return out


def load_files(store: Store, paths: Iterable[Path], settings: Settings, *, validate_data: bool | None = None,
               progress: Progress | None = None) -> list[Loaded]:
    """Validate every file, then replace each file's graph. All-or-nothing on validation."""
    validate_data = settings.validate if validate_data is None else validate_data
    files = expand(paths)
    if not files:
        raise BadRequest("nothing to load")
    say = progress or (lambda _msg: None)
    if not validate_data:
        return _bulk(store, files, settings, say)
    parsed: list[tuple[Path, str, Graph]] = []
    for f in files:
        say(f"parsing {f}")
        parsed.append((f, graph_for_file(f, settings.base_iri), parse_file(f, settings.base_iri)))
    ontology = Graph()
    for p in ontology_files():
        ontology += parse_file(p, settings.base_iri)
    from .validation import validate  # pySHACL is slow to import: not on the bulk path

    problems = []
    for f, graph, g in parsed:
        if graph == ontology_graph(settings.base_iri):
            continue
        say(f"validating {f} ({len(g)} triples)")
        report = validate(g, ontology=ontology)
        if not report.conforms:
            problems.append({"file": str(f), "results": report.results, "text": report.text()})
    if problems:
        text = "\n".join(f"{p['file']}:\n{p['text']}" for p in problems)
        raise ValidationFailed(f"SHACL validation failed; nothing was loaded.\n{text}", detail=problems)
    loaded = []
    for f, graph, g in parsed:
        say(f"loading {f} into <{graph}>")
        store.load(graph_to_ntriples(g), formats.BY_NAME["nt"].ox_rdf, graph, replace=True)
        loaded.append(Loaded(str(f), graph, len(g)))
    return loaded


def _bulk(store: Store, files: list[Path], settings: Settings, say: Progress) -> list[Loaded]:
    """Operator switched validation off: stream each file natively (no rdflib parse, no rebase)."""
    from .store.progress import every_tenth
    loaded = []
    for f in files:
        fmt = rdf_format_for(f)
        graph = graph_for_file(f, settings.base_iri)
        quads = fmt.ox_rdf.supports_datasets  # quads keep their own graphs: report what was added
        say(f"bulk loading {f} into {'its own graphs' if quads else f'<{graph}>'} (no validation)")
        before = store.triple_count() if quads else 0
        store.bulk_load(str(f), fmt.ox_rdf, None if quads else graph, progress=every_tenth(say, f.name))
        loaded.append(Loaded(str(f), "", store.triple_count() - before) if quads
                      else Loaded(str(f), graph, store.triple_count(graph)))
    return loaded
