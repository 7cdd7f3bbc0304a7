"""SHACL validation with pySHACL, with readable reports (focus node, path, message)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyshacl
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from server.core.resources import ontology_files, shapes_file

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass
class Report:
    conforms: bool
    results: list[dict[str, str]] = field(default_factory=list)

    def text(self) -> str:
        if self.conforms and not self.results:
            return "Conforms."
        lines = ["Does not conform:" if not self.conforms else "Conforms, with warnings:"]
        for r in self.results:
            lines.append(
                f"- [{r['severity']}] focus {r['focus']}"
                + (f", path {r['path']}" if r["path"] else "")
                + f": {r['message']}"
            )
        return "\n".join(lines)


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(shapes_file(), format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    g = Graph()
    for p in ontology_files():
        g.parse(p, format="turtle")
    return g


def shapes_graph() -> Graph:
    return _shapes()


def ontology_graph() -> Graph:
    return _ontology()


def validate(data: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None) -> Report:
    """Validate ``data`` (plus the ontology, for the class hierarchy) against the shapes.
    Only sh:Violation results make a graph non-conforming."""
    shapes = shapes if shapes is not None else shapes_graph()
    ontology = ontology if ontology is not None else ontology_graph()
    _conforms, results_graph, _text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        advanced=True,
        allow_warnings=True,
        allow_infos=True,
    )
    results = []
    for res in results_graph.subjects(RDF.type, SH.ValidationResult):
        severity = results_graph.value(res, SH.resultSeverity)
        messages = [str(m) for m in results_graph.objects(res, SH.resultMessage)]
        en = [str(m) for m in results_graph.objects(res, SH.resultMessage) if getattr(m, "language", None) == "en"]
        path = results_graph.value(res, SH.resultPath)
        results.append(
            {
                "severity": str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                "focus": str(results_graph.value(res, SH.focusNode)),
                "path": str(path) if path is not None else "",
                "message": (en or messages or ["(no message)"])[0],
            }
        )
    results.sort(key=lambda r: (r["severity"] != "Violation", r["focus"], r["path"], r["message"]))
    conforms = not any(r["severity"] == "Violation" for r in results)
    return Report(conforms, results)


def validate_file(path: Path) -> Report:
    from server.graph.parse import parse_file  # the same parser the loader uses

    return validate(parse_file(path))
