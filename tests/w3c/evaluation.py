"""Evaluating W3C query/update evaluation tests through the store interface, and comparing
results: SELECT as multisets (ordered with ORDER BY) with blank-node isomorphism, ASK as
booleans, CONSTRUCT/DESCRIBE as isomorphic graphs (rdflib.compare)."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.compare import isomorphic

from server.graph.convert import to_ox
from server.store import EmbeddedStore

from .support import MF, QT, UT, Entry, path_of

RS = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}
RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".rdf": "xml"}
RESULT_FORMATS = {
    ".srx": ox.QueryResultsFormat.XML,
    ".srj": ox.QueryResultsFormat.JSON,
    ".tsv": ox.QueryResultsFormat.TSV,
    ".csv": ox.QueryResultsFormat.CSV,
}
ORDER_BY = re.compile(r"ORDER\s+BY", re.IGNORECASE)

Row = dict[str, object]


class Solutions:
    """A SELECT result as plain data: variable names and rows (variable -> ox term)."""

    def __init__(self, variables: list[str] | None, rows: list[Row]):
        self.variables = variables
        self.rows = rows

    @classmethod
    def from_ox(cls, sols: ox.QuerySolutions) -> Solutions:
        variables = [v.value for v in sols.variables]
        return cls(variables, [{v: sol[v] for v in variables if sol[v] is not None} for sol in sols])

    def __repr__(self) -> str:
        return "\n".join([" ".join(self.variables or [])] + [repr(r) for r in self.rows])


# -- loading ----------------------------------------------------------------------------------
def load_file(store: EmbeddedStore, iri: str, graph: str | None) -> None:
    path = path_of(iri)
    store.load(path.read_bytes(), RDF_FORMATS[path.suffix], graph, base_iri=iri)


def query_store(entry: Entry) -> tuple[EmbeddedStore, str, str]:
    """A fresh store with the test's qt:data (default graph) and qt:graphData (named graphs)."""
    g, action = entry.graph, entry.value(MF.action)
    store = EmbeddedStore(None)
    store.union_default_graph = False  # the W3C tests' default graph is its own graph
    for data in g.objects(action, QT.data):
        load_file(store, str(data), None)
    for gd in g.objects(action, QT.graphData):
        iri = str(g.value(gd, UT.graph) or gd)
        load_file(store, iri, str(g.value(gd, RDFS.label) or iri))
    query_iri = str(g.value(action, QT.query))
    return store, path_of(query_iri).read_text(encoding="utf-8"), query_iri


# -- expected results -------------------------------------------------------------------------
def expected_result(iri: str) -> Solutions | bool | Graph:
    path = path_of(iri)
    if path.suffix == ".csv":
        return csv_solutions(path.read_bytes())
    if path.suffix in RESULT_FORMATS:
        res = ox.parse_query_results(path=str(path), format=RESULT_FORMATS[path.suffix])
        return bool(res) if isinstance(res, ox.QueryBoolean) else Solutions.from_ox(res)
    graph = Graph().parse(path, format=RDFLIB_FORMATS[path.suffix], publicID=iri)
    rs = graph.value(predicate=RDF.type, object=RS.ResultSet)
    if rs is None:
        return graph
    boolean = graph.value(rs, RS.boolean)
    if boolean is not None:
        return boolean.toPython()
    variables = [str(v) for v in graph.objects(rs, RS.resultVariable)] or None
    solutions = sorted(graph.objects(rs, RS.solution), key=lambda s: int(graph.value(s, RS.index) or 0))
    rows = [
        {str(graph.value(b, RS.variable)): to_ox(graph.value(b, RS.value)) for b in graph.objects(s, RS.binding)}
        for s in solutions
    ]
    return Solutions(variables, rows)


def csv_solutions(data: bytes) -> Solutions:
    """CSV results (lossy: no types, IRIs look like strings): cells as plain literals, "_:x" as
    blank nodes, empty cells unbound. Both sides go through this, so they compare like for like."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    variables, body = rows[0], rows[1:]

    def term(cell: str):
        return ox.BlankNode(cell[2:]) if cell.startswith("_:") else ox.Literal(cell)

    return Solutions(variables, [{v: term(c) for v, c in zip(variables, r) if c != ""} for r in body])


def actual_result(result, csv: bool = False) -> Solutions | bool | Graph:
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        if csv:  # compare what CSV keeps: serialise ours and read it back like the expected file
            return csv_solutions(result.serialize(format=ox.QueryResultsFormat.CSV))
        return Solutions.from_ox(result)
    return triples_to_graph(result)


def triples_to_graph(triples) -> Graph:
    data = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=data, format="nt")


# -- comparison -------------------------------------------------------------------------------
def _key(term) -> tuple:
    if isinstance(term, ox.NamedNode):
        return ("I", term.value)
    if isinstance(term, ox.BlankNode):
        return ("B", term.value)
    if isinstance(term, ox.Literal):
        return ("L", _value(term), term.datatype.value, (term.language or "").lower())
    if isinstance(term, ox.Triple):
        return ("T", _key(term.subject), _key(term.predicate), _key(term.object))
    raise TypeError(term)


XSD = "http://www.w3.org/2001/XMLSchema#"
_DECIMALS = {
    XSD + t
    for t in (
        "decimal",
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOATS = {XSD + "double", XSD + "float"}


def _value(lit: ox.Literal) -> object:
    """Literals of XSD numeric and boolean types compare by value: Oxigraph stores canonical
    lexical forms ("1.0"^^xsd:double is returned as "1"^^xsd:double), the expected files do not."""
    dt, text = lit.datatype.value, lit.value.strip()
    try:
        if dt in _DECIMALS:
            return Decimal(text)
        if dt in _FLOATS:
            return float(text)
        if dt == XSD + "boolean" and text in ("true", "false", "1", "0"):
            return text in ("true", "1")
    except (InvalidOperation, ValueError):
        pass
    return lit.value


def _has_bnode(key: tuple) -> bool:
    return key[0] == "B" or (key[0] == "T" and any(_has_bnode(k) for k in key[1:]))


def _match_term(a: tuple, b: tuple, mapping: dict[str, str], used: set[str]) -> list[tuple[str, str]] | None:
    """Extend the bnode bijection so that term a (expected) matches b (actual); new pairs or None."""
    if a[0] != b[0]:
        return None
    if a[0] == "B":
        if a[1] in mapping:
            return [] if mapping[a[1]] == b[1] else None
        if b[1] in used:
            return None
        return [(a[1], b[1])]
    if a[0] == "T":
        added: list[tuple[str, str]] = []
        for x, y in zip(a[1:], b[1:]):
            new = _match_term(x, y, {**mapping, **dict(added)}, used | {v for _, v in added})
            if new is None:
                return None
            added += new
        return added
    return [] if a == b else None


def _match_row(exp: dict, got: dict, mapping: dict[str, str], used: set[str]) -> list[tuple[str, str]] | None:
    if exp.keys() != got.keys():
        return None
    added: list[tuple[str, str]] = []
    for var, a in exp.items():
        new = _match_term(a, got[var], {**mapping, **dict(added)}, used | {v for _, v in added})
        if new is None:
            return None
        added += new
    return added


def solutions_equal(expected: Solutions, actual: Solutions, ordered: bool) -> bool:
    if expected.variables is not None and set(expected.variables) != set(actual.variables or []):
        return False
    exp = [{v: _key(t) for v, t in r.items()} for r in expected.rows]
    got = [{v: _key(t) for v, t in r.items()} for r in actual.rows]
    if len(exp) != len(got):
        return False
    if ordered:
        return _match_all(exp, got, {}, set(), ordered=True)

    # Rows without blank nodes compare as multisets; the others need one consistent bnode bijection.
    def split(rows: list[dict]) -> tuple[Counter, list[dict]]:
        with_bnodes = [r for r in rows if any(map(_has_bnode, r.values()))]
        return Counter(frozenset(r.items()) for r in rows if r not in with_bnodes), with_bnodes

    (exp_plain, exp_b), (got_plain, got_b) = split(exp), split(got)
    return exp_plain == got_plain and _match_all(exp_b, got_b, {}, set(), ordered=False)


def _match_all(exp: list[dict], got: list[dict], mapping: dict[str, str], used: set[str], *, ordered: bool) -> bool:
    if not exp:
        return not got
    first, rest = exp[0], exp[1:]
    candidates = [0] if ordered else range(len(got))
    for j in candidates:
        new = _match_row(first, got[j], mapping, used)
        if new is None:
            continue
        if _match_all(
            rest, got[:j] + got[j + 1 :], {**mapping, **dict(new)}, used | {v for _, v in new}, ordered=ordered
        ):
            return True
    return False


def results_equal(expected, actual, query: str) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, Graph) or isinstance(actual, Graph):
        return isinstance(expected, Graph) and isinstance(actual, Graph) and isomorphic(expected, actual)
    return solutions_equal(expected, actual, ordered=bool(ORDER_BY.search(query)))


def graphs_of(store: EmbeddedStore) -> dict[str | None, Graph]:
    """Every graph of the store (None = default graph) as rdflib graphs; empty graphs omitted."""
    out: dict[str | None, list] = {}
    for q in store.quads():
        name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        out.setdefault(name, []).append(q.triple)
    return {name: triples_to_graph(triples) for name, triples in out.items()}


def file_graph(iri: str) -> Graph:
    path: Path = path_of(iri)
    return Graph().parse(path, format=RDFLIB_FORMATS[path.suffix], publicID=iri)
