"""RDF Patch, the change format of Apache Jena's RDF Delta (https://afs.github.io/rdf-delta/rdf-patch.html):
one change per line, ``A`` (add) or ``D`` (delete) followed by a quad in N-Quads syntax, inside
one transaction (``TX .`` ... ``TC .``), after header lines (``H id <...> .``, ``H prev <...> .``).

``write`` produces a patch from two sets of quads (deletions first, then additions, each sorted,
so the same change is the same text); ``apply`` applies one to a set of quads; ``read`` parses
one (BadRequest for anything that is not RDF Patch)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from server.core.errors import BadRequest


@dataclass
class Patch:
    headers: dict[str, str] = field(default_factory=dict)  # H lines: name -> term (as written)
    deleted: list[ox.Quad] = field(default_factory=list)
    added: list[ox.Quad] = field(default_factory=list)


def _line(op: str, q: ox.Quad) -> str:
    terms = [str(q.subject), str(q.predicate), str(q.object)]
    if not isinstance(q.graph_name, ox.DefaultGraph):
        terms.append(str(q.graph_name))
    return f"{op} {' '.join(terms)} ."


def write(deleted: Iterable[ox.Quad], added: Iterable[ox.Quad], headers: dict[str, str] | None = None) -> bytes:
    """The patch that turns a dataset into another: ``deleted`` quads, then ``added`` quads."""
    lines = [f"H {name} {value} ." for name, value in (headers or {}).items()]
    lines.append("TX .")
    lines += sorted(_line("D", q) for q in deleted)
    lines += sorted(_line("A", q) for q in added)
    lines.append("TC .")
    return ("\n".join(lines) + "\n").encode("utf-8")


def read(data: bytes) -> Patch:
    patch = Patch()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the patch is not UTF-8 text") from None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        op, _, rest = line.partition(" ")
        if op == "H":
            name, _, value = rest.partition(" ")
            patch.headers[name] = value.removesuffix(".").strip()
        elif op in ("TX", "TC", "TA"):
            continue
        elif op in ("A", "D"):
            try:
                quads = list(ox.parse(rest.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
            except SyntaxError as exc:
                raise BadRequest(f"line {number} of the patch is not a quad: {exc}") from None
            if len(quads) != 1:
                raise BadRequest(f"line {number} of the patch is not one quad")
            (patch.added if op == "A" else patch.deleted).append(quads[0])
        else:
            raise BadRequest(
                f"line {number} of the patch: unknown operation {op!r} (RDF Patch has H, TX, TC, TA, A, D)"
            )
    return patch


def apply(quads: set[ox.Quad], patch: Patch) -> set[ox.Quad]:
    """``quads`` changed by ``patch`` (a new set)."""
    return (quads - set(patch.deleted)) | set(patch.added)
