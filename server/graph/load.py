"""Loading RDF files into the store: parse, rewrite the base, validate with SHACL, then swap
each file's named graph in atomically. Nothing is written unless every file is valid."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from server.core.errors import BadRequest, ValidationFailed
from server.core.namespaces import graph_iri, ontology_graph
from server.core.resources import ontology_files
from server.core.settings import Settings
from server.graph.convert import graph_to_ntriples
from server.graph.history import CLI_AGENT, recording
from server.graph.parse import parse_bytes, parse_file, rebase  # noqa: F401  (re-exported)
from server.protocol import formats
from server.store import Store

Progress = Callable[[str], None]


@dataclass
class Loaded:
    path: str
    graph: str
    triples: int


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
            out.extend(
                sorted(
                    x
                    for x in p.rglob("*")
                    if x.is_file() and formats.by_extension(x.suffix) and x.name != "shapes.ttl" and x.suffix != ".html"
                )
            )
        elif p.exists():
            out.append(p)
        else:
            raise BadRequest(f"{p}: no such file or folder")
    return out


def load_files(
    store: Store,
    paths: Iterable[Path],
    settings: Settings,
    *,
    validate_data: bool | None = None,
    progress: Progress | None = None,
    agent: str = CLI_AGENT,
) -> list[Loaded]:
    """Validate every file, then replace each file's graph. All-or-nothing on validation. The
    load is recorded in the history graph as one activity of ``agent`` (server.graph.history)."""
    validate_data = settings.validate if validate_data is None else validate_data
    files = expand(paths)
    if not files:
        raise BadRequest("nothing to load")
    say = progress or (lambda _msg: None)
    if not validate_data:
        with recording(store, settings, "load", agent=agent, label=_label(files)):
            return _bulk(store, files, settings, say)
    parsed: list[tuple[Path, str, Graph]] = []
    for f in files:
        say(f"parsing {f}")
        parsed.append((f, graph_for_file(f, settings.base_iri), parse_file(f, settings.base_iri)))
    ontology = Graph()
    for p in ontology_files():
        ontology += parse_file(p, settings.base_iri)
    from server.graph.validate import validate  # pySHACL is slow to import: not on the bulk path

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
    with recording(store, settings, "load", agent=agent, label=_label(files), graphs=[p[1] for p in parsed]):
        for f, graph, g in parsed:
            say(f"loading {f} into <{graph}>")
            store.load(graph_to_ntriples(g), formats.BY_NAME["nt"].ox_rdf, graph, replace=True)
            loaded.append(Loaded(str(f), graph, len(g)))
    return loaded


def _label(files: list[Path]) -> str:
    names = [f.name for f in files]
    return "load " + ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _bulk(store: Store, files: list[Path], settings: Settings, say: Progress) -> list[Loaded]:
    """Operator switched validation off: stream each file natively (no rdflib parse, no rebase)."""
    from server.store.progress import every_tenth

    loaded = []
    for f in files:
        fmt = formats.rdf_format_for(f)
        graph = graph_for_file(f, settings.base_iri)
        quads = fmt.ox_rdf.supports_datasets  # quads keep their own graphs: report what was added
        say(f"bulk loading {f} into {'its own graphs' if quads else f'<{graph}>'} (no validation)")
        before = store.triple_count() if quads else 0
        store.bulk_load(str(f), fmt.ox_rdf, None if quads else graph, progress=every_tenth(say, f.name))
        loaded.append(
            Loaded(str(f), "", store.triple_count() - before)
            if quads
            else Loaded(str(f), graph, store.triple_count(graph))
        )
    return loaded
