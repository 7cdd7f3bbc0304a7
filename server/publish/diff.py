"""Differences between two states of the dataset: added and removed quads, grouped by resource.

A state is a dump file (N-Quads, TriG, Turtle, N-Triples, possibly gzipped: ``read_dump``), the
store or a past view of it (``store_quads``), or a release (``releases.state_quads`` names them
all). The asserted graphs only: the inferred triples follow from them (a release holds no
inferences either)."""

from __future__ import annotations

import gzip
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from server.core.errors import BadRequest, NotFound
from server.core.namespaces import is_asserted
from server.core.settings import Settings
from server.graph.turtle import relabel, stable_bnode_labels
from server.protocol import formats
from server.publish import rdfpatch
from server.store import Store


@dataclass
class Diff:
    removed: list[ox.Quad]
    added: list[ox.Quad]

    def by_resource(self) -> dict[str, list[tuple[str, ox.Quad]]]:
        """Subject (as written in N-Triples) -> ('+' or '-', quad), sorted."""
        out: dict[str, list[tuple[str, ox.Quad]]] = defaultdict(list)
        for sign, quads in (("-", self.removed), ("+", self.added)):
            for q in quads:
                out[str(q.subject)].append((sign, q))
        return {s: sorted(out[s], key=lambda x: (str(x[1].predicate), str(x[1].object), x[0])) for s in sorted(out)}

    def text(self) -> str:
        """Readable: one block per resource, a line per triple (+ added, - removed) with its graph."""
        lines = [f"{len(self.added)} added, {len(self.removed)} removed, {len(self.by_resource())} resources"]
        for subject, changes in self.by_resource().items():
            lines.append("")
            lines.append(subject)
            for sign, q in changes:
                graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else f"  in {q.graph_name}"
                lines.append(f"  {sign} {q.predicate} {q.object}{graph}")
        return "\n".join(lines) + "\n"

    def json(self) -> dict[str, object]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "resources": [
                {
                    "iri": subject,
                    "changes": [
                        {
                            "op": "add" if sign == "+" else "remove",
                            "predicate": q.predicate.value,
                            "object": str(q.object),
                            "graph": None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value,
                        }
                        for sign, q in changes
                    ],
                }
                for subject, changes in self.by_resource().items()
            ],
        }

    def patch(self, headers: dict[str, str] | None = None) -> bytes:
        return rdfpatch.write(self.removed, self.added, headers)


def diff(before: set[ox.Quad], after: set[ox.Quad]) -> Diff:
    return Diff(sorted(before - after, key=str), sorted(after - before, key=str))


def read_dump(path: Path) -> set[ox.Quad]:
    """The quads of a dump file (gzip allowed: ``.nq.gz``); blank nodes labelled from content
    (as in exports), so two dumps of the same data compare equal."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"{path}: no such file")
    name = path.name.removesuffix(".gz")
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    fmt = formats.rdf_format_for(Path(name))
    try:
        quads = list(ox.parse(data, format=fmt.ox_rdf))
    except SyntaxError as exc:
        raise BadRequest(f"{path}: not {fmt.name}: {exc}") from None
    return stable(quads)


def stable(quads: list[ox.Quad]) -> set[ox.Quad]:
    statements = [
        (q.subject, q.predicate, q.object, None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name)
        for q in quads
    ]
    return {
        ox.Quad(s, p, o, ox.DefaultGraph() if g is None else g)
        for s, p, o, g in relabel(statements, stable_bnode_labels(statements))
    }


def store_quads(store: Store, settings: Settings, graphs: list[str] | None = None) -> set[ox.Quad]:
    """The asserted quads of the store (or of ``graphs`` among them), blank nodes as in exports."""
    names = graphs if graphs is not None else store.graph_names()
    quads = [q for g in sorted(names) if is_asserted(g, settings.base_iri) for q in store.quads(g)]
    return stable(quads)
