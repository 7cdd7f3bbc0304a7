"""What a write changed, when that is cheap to know, so that values built from the whole store
(the label index, class counts, the triple count: server.store.cache) follow a write without
scanning the store again.

A write through this process first names the quads it may change (its *candidates*): the quads
of an ``INSERT DATA`` / ``DELETE DATA`` (as pyoxigraph parses them), those a one-pattern
``DELETE WHERE`` matches, the content of the graphs a ``DROP`` / ``CLEAR`` / ``ADD`` / ``MOVE`` /
``COPY`` names, the triples a load brings. Which candidates are stored before and after the write
gives the exact change (``Delta``). Any other operation (``DELETE``/``INSERT … WHERE``, ``LOAD``,
``DROP ALL``…), a blank node in inserted data, or more than ``DELTA_MAX`` candidates: the change
is unknown (None), and the values are rebuilt from the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from server.sparql.lexer import Token, tokens

DELTA_MAX = 10_000  # candidate quads; a larger write is followed by a rebuild
DELTA_TEXT_MAX = 4_000_000  # characters of an update looked at; a longer one is followed by a rebuild
JOURNAL_MAX = 64  # writes whose change is kept (in memory and in the store folder)

Graph = ox.NamedNode | ox.DefaultGraph


@dataclass(frozen=True)
class Delta:
    """One write's change to the published data (the default graph and the graphs that are not
    private, what browse pages read): the quads it added to and removed from those graphs, and
    the triples it made appear in (``shown``) or vanish from (``hidden``) the default graph (their
    union, without the graphs kept apart from it). A write to
    private graphs only (a draft) changes nothing here."""

    added: frozenset[ox.Quad]
    removed: frozenset[ox.Quad]
    shown: frozenset[ox.Triple]
    hidden: frozenset[ox.Triple]

    @property
    def published_quads(self) -> int:
        """The change in the number of quads outside the private graphs."""
        return len(self.added) - len(self.removed)

    def to_json(self) -> bytes:
        def nq(quads: Iterable[ox.Quad]) -> str:
            return (ox.serialize(sorted(quads, key=str), None, ox.RdfFormat.N_QUADS) or b"").decode()

        def nt(triples: Iterable[ox.Triple]) -> str:
            return (ox.serialize(sorted(triples, key=str), None, ox.RdfFormat.N_TRIPLES) or b"").decode()

        body = {
            "added": nq(self.added),
            "removed": nq(self.removed),
            "shown": nt(self.shown),
            "hidden": nt(self.hidden),
        }
        return json.dumps(body).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Delta:
        body = json.loads(data)

        def quads(key: str) -> frozenset[ox.Quad]:
            return frozenset(ox.parse(body[key].encode(), ox.RdfFormat.N_QUADS))

        def triples(key: str) -> frozenset[ox.Triple]:
            return frozenset(q.triple for q in ox.parse(body[key].encode(), ox.RdfFormat.N_TRIPLES))

        return cls(quads("added"), quads("removed"), triples("shown"), triples("hidden"))


class Watch:
    """Candidates' presence before a write (``Watch(rw, ...)``), then ``delta(rw)`` after it."""

    def __init__(
        self,
        rw: ox.Store,
        candidates: set[ox.Quad],
        private: Callable[[str], bool],
        apart: frozenset[str] = frozenset(),
    ):
        self.candidates = candidates
        self.private = private
        self.apart = apart  # graphs counted as published but kept out of the union (the history)
        self.triples = {q.triple for q in candidates}
        self.before = {q for q in candidates if _has(rw, q)}
        self.visible = {t for t in self.triples if self._visible(rw, t)}

    def _public(self, q: ox.Quad) -> bool:
        return not isinstance(q.graph_name, ox.NamedNode) or not self.private(q.graph_name.value)

    def _in_union(self, q: ox.Quad) -> bool:
        return self._public(q) and not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in self.apart)

    def _visible(self, rw: ox.Store, t: ox.Triple) -> bool:
        return any(map(self._in_union, rw.quads_for_pattern(t.subject, t.predicate, t.object, None)))

    def delta(self, rw: ox.Store) -> Delta:
        after = {q for q in self.candidates if _has(rw, q)}
        visible = {t for t in self.triples if self._visible(rw, t)}
        return Delta(
            frozenset(q for q in after - self.before if self._public(q)),
            frozenset(q for q in self.before - after if self._public(q)),
            frozenset(visible - self.visible),
            frozenset(self.visible - visible),
        )


NOTHING = Delta(frozenset(), frozenset(), frozenset(), frozenset())  # a write to private graphs only


def _has(rw: ox.Store, q: ox.Quad) -> bool:
    return next(iter(rw.quads_for_pattern(q.subject, q.predicate, q.object, q.graph_name)), None) is not None


def _graph_quads(rw: ox.Store, graph: Graph, room: int) -> list[ox.Quad] | None:
    """The quads of ``graph``, or None beyond ``room``."""
    found = list(islice(rw.quads_for_pattern(None, None, None, graph), room + 1))
    return None if len(found) > room else found


def _operations(toks: list[Token]) -> list[tuple[list[Token], list[Token]]]:
    """(prologue so far, operation) for each operation of an update (``;`` at brace depth 0)."""
    out: list[tuple[list[Token], list[Token]]] = []
    prologue: list[Token] = []
    i, n = 0, len(toks)
    while i < n:
        while i < n and toks[i].is_word("PREFIX", "BASE"):
            width = 2 if toks[i].is_word("BASE") else 3
            prologue += toks[i : i + width]
            i += width
        start = i
        while i < n and not (toks[i].kind == "punct" and toks[i].text == ";" and toks[i].depth == 0):
            i += 1
        if i > start:
            out.append((list(prologue), toks[start:i]))
        i += 1
    return out


class _Unknown(Exception):
    """The update's change cannot be known cheaply."""


def update_candidates(
    rw: ox.Store, sparql: str, base_iri: str | None, private: Callable[[str], bool]
) -> set[ox.Quad] | None:
    """The quads ``sparql`` (an update) may change in ``rw`` (its state before the update), or
    None when that is not cheap to know. A ``DELETE``/``INSERT … WHERE`` that writes only private
    graphs (a curator's edit of a draft) changes nothing published: it has none."""
    if len(sparql) > DELTA_TEXT_MAX:
        return None  # not parsed twice
    found: set[ox.Quad] = set()
    drafts: set[Graph] = set()  # private graphs written by such an operation: not copied after it
    try:
        for prologue, op in _operations(list(tokens(sparql))):
            if op[0].is_word("DELETE", "INSERT") and not (len(op) > 1 and op[1].is_word("DATA", "WHERE")):
                drafts |= _private_modify(sparql, prologue, op, base_iri, private)
                continue
            found |= _op_candidates(rw, sparql, prologue, op, base_iri, DELTA_MAX - len(found), found, drafts)
            if len(found) > DELTA_MAX:
                return None
    except _Unknown:
        return None
    return found


def _block(toks: list[Token], k: int) -> tuple[list[Token], int]:
    """The tokens inside the braces opening at ``toks[k]``, and the index after the closing one."""
    if k >= len(toks) or toks[k].kind != "punct" or toks[k].text != "{":
        raise _Unknown
    depth = toks[k].depth + 1
    for m in range(k + 1, len(toks)):
        if toks[m].kind == "punct" and toks[m].text == "}" and toks[m].depth == depth:
            return toks[k + 1 : m], m + 1
    raise _Unknown


def _terms(toks: list[Token]) -> list[list[Token]]:
    """RDF terms as written in a VALUES row: a literal with its language or datatype, a signed number."""
    out: list[list[Token]] = []
    k = 0
    while k < len(toks):
        term = [toks[k]]
        k += 1
        if term[0].kind == "string" and k < len(toks) and toks[k].kind == "lang":
            term.append(toks[k])
            k += 1
        elif term[0].kind == "string" and k + 2 < len(toks) and toks[k].text == toks[k + 1].text == "^":
            term += toks[k : k + 3]
            k += 3
        elif term[0].text in "+-" and k < len(toks) and toks[k].kind == "number":
            term.append(toks[k])
            k += 1
        out.append(term)
    return out


def _private_modify(
    sparql: str, prologue: list[Token], op: list[Token], base_iri: str | None, private: Callable[[str], bool]
) -> set[Graph]:
    """The graphs ``DELETE {…} INSERT {…} WHERE {…}`` writes, when they are all private: every
    template triple in ``GRAPH <iri>`` or ``GRAPH ?g`` with ``?g`` bound by a ``VALUES`` that opens
    the ``WHERE`` (as server.ingest.edit writes them). Anything else: unknown."""
    i, terms = 0, list[Token]()
    while i < len(op) and op[i].is_word("DELETE", "INSERT"):
        template, i = _block(op, i + 1)
        k = 0
        while k < len(template):
            if not template[k].is_word("GRAPH") or k + 1 >= len(template):
                raise _Unknown  # a triple of the default graph
            terms.append(template[k + 1])
            k = _block(template, k + 2)[1]
    if i >= len(op) or not op[i].is_word("WHERE"):
        raise _Unknown  # WITH, USING
    where, end = _block(op, i + 1)
    if end != len(op):
        raise _Unknown
    bound: dict[str, list[list[Token]]] = {}
    if where and where[0].is_word("VALUES") and len(where) > 2:
        if where[1].kind == "var":
            names, rows = [where[1].text], [[t] for t in _terms(_block(where, 2)[0])]
        elif where[1].text == "(":
            close = next((k for k in range(2, len(where)) if where[k].text == ")"), None)
            if close is None:
                raise _Unknown
            names, body, rows = [t.text for t in where[2:close]], _block(where, close + 1)[0], list[list[list[Token]]]()
            k = 0
            while k < len(body):
                if body[k].text != "(":
                    raise _Unknown
                stop = next((m for m in range(k, len(body)) if body[m].kind == "punct" and body[m].text == ")"), None)
                if stop is None:
                    raise _Unknown
                rows.append(_terms(body[k + 1 : stop]))
                k = stop + 1
        else:
            raise _Unknown
        for row in rows:
            if len(row) != len(names):
                raise _Unknown
            for name, value in zip(names, row, strict=True):
                bound.setdefault(name[1:], []).append(value)
    graphs: set[Graph] = set()
    for term in terms:
        if term.kind == "var":
            written = bound.get(term.text[1:])
            if not written:
                raise _Unknown
            refs = written
        else:
            refs = [[term]]
        for ref in refs:
            if len(ref) != 1:
                raise _Unknown  # UNDEF or a literal: not a graph this update can be said to write
            graph = _graph_ref(sparql, prologue, ref, base_iri)
            if not isinstance(graph, ox.NamedNode) or not private(graph.value):
                raise _Unknown
            graphs.add(graph)
    return graphs


def _text(sparql: str, toks: list[Token]) -> str:
    return " ".join(sparql[t.start : t.end] for t in toks)


def _op_candidates(
    rw: ox.Store,
    sparql: str,
    prologue: list[Token],
    op: list[Token],
    base_iri: str | None,
    room: int,
    earlier: set[ox.Quad],
    drafts: set[Graph],
) -> set[ox.Quad]:
    """The candidates of one operation; ``earlier``: those of the operations before it in the
    update (what they may have put in a graph this one copies), ``drafts``: the graphs they
    changed without candidates (never copied)."""
    head = [t.text.upper() if t.kind == "word" else t.text for t in op[:2]]
    pro = _text(sparql, prologue)
    if head in (["INSERT", "DATA"], ["DELETE", "DATA"]):
        scratch = ox.Store()  # pyoxigraph parses the data: the same terms as the store's
        try:
            scratch.update(f"{pro} INSERT DATA {sparql[op[2].start : op[-1].end]}", base_iri=base_iri)
        except (SyntaxError, ValueError, RuntimeError):
            raise _Unknown from None  # the real update reports the error
        quads = set(islice(scratch, room + 1))
        if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode | ox.Triple) for q in quads):
            raise _Unknown  # fresh blank nodes: their stored names are not these
        return quads
    if head == ["DELETE", "WHERE"]:
        return _delete_where(rw, sparql, prologue, op[2:], base_iri, room)
    words = [t for t in op if not t.is_word("SILENT")]
    first = words[0].text.upper() if words[0].kind == "word" else ""
    if first == "CREATE":
        return set()
    if first in ("DROP", "CLEAR"):
        return set(_quads_of(rw, _graph_ref(sparql, prologue, words[1:], base_iri), room))
    if first in ("ADD", "MOVE", "COPY"):
        to = next((i for i, t in enumerate(words) if t.is_word("TO")), None)
        if to is None:
            raise _Unknown
        source = _graph_ref(sparql, prologue, words[1:to], base_iri)
        target = _graph_ref(sparql, prologue, words[to + 1 :], base_iri)
        if source in drafts:
            raise _Unknown
        moved = _quads_of(rw, source, room) + [q for q in earlier if q.graph_name == source]
        kept = _quads_of(rw, target, room - len(moved))
        return {*moved, *kept, *(ox.Quad(q.subject, q.predicate, q.object, target) for q in moved)}
    raise _Unknown


def _quads_of(rw: ox.Store, graph: Graph, room: int) -> list[ox.Quad]:
    quads = _graph_quads(rw, graph, room)
    if quads is None:
        raise _Unknown
    return quads


def _graph_ref(sparql: str, prologue: list[Token], ref: list[Token], base_iri: str | None) -> Graph:
    """``GRAPH <iri>`` / ``<iri>`` / ``DEFAULT`` (``NAMED`` and ``ALL``: unknown)."""
    if ref and ref[0].is_word("GRAPH"):
        ref = ref[1:]
    if len(ref) == 1 and ref[0].is_word("DEFAULT"):
        return ox.DefaultGraph()
    if len(ref) != 1 or ref[0].kind not in ("iri", "pname"):
        raise _Unknown
    # the IRI as pyoxigraph resolves it (prefixes, base): a query that returns it
    text = f"{_text(sparql, prologue)} SELECT ?g WHERE {{ BIND({sparql[ref[0].start : ref[0].end]} AS ?g) }}"
    try:
        row = next(iter(ox.Store().query(text, base_iri=base_iri)))  # type: ignore[arg-type]
    except (SyntaxError, ValueError, RuntimeError, StopIteration):
        raise _Unknown from None
    g = row["g"]
    if not isinstance(g, ox.NamedNode):
        raise _Unknown
    return g


def _delete_where(
    rw: ox.Store, sparql: str, prologue: list[Token], body: list[Token], base_iri: str | None, room: int
) -> set[ox.Quad]:
    """``DELETE WHERE { s p o }`` or ``DELETE WHERE { GRAPH <g> { s p o } }``: one triple pattern
    (so what it deletes matched it before the update, whatever ran before it in the update)."""
    if len(body) < 2 or body[0].text != "{" or body[-1].text != "}":
        raise _Unknown
    inner = body[1:-1]
    graph: Graph = ox.DefaultGraph()
    if inner and inner[0].is_word("GRAPH"):
        if len(inner) < 4 or inner[2].text != "{" or inner[-1].text != "}":
            raise _Unknown
        graph = _graph_ref(sparql, prologue, inner[1:2], base_iri)
        inner = inner[3:-1]
    if inner and inner[-1].text == ".":
        inner = inner[:-1]
    if any(t.kind == "punct" and t.text in "{}.;,[]()/|^*+?!" for t in inner) or any(t.kind == "bnode" for t in inner):
        raise _Unknown  # more than one triple pattern, a path or a blank node
    pattern = _text(sparql, inner)
    text = f"{_text(sparql, prologue)} CONSTRUCT {{ {pattern} }} WHERE {{ {pattern} }}"
    try:
        triples = list(islice(rw.query(text, base_iri=base_iri, default_graph=graph), room + 1))  # type: ignore[arg-type]
    except (SyntaxError, ValueError, RuntimeError):
        raise _Unknown from None
    if len(triples) > room:
        raise _Unknown
    return {ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples}


def load_candidates(rw: ox.Store, quads: list[ox.Quad], replaced: Graph | None) -> set[ox.Quad] | None:
    """The quads a load of ``quads`` may change (with the old content of ``replaced`` when it
    replaces a graph); None with a blank node or beyond DELTA_MAX."""
    if len(quads) > DELTA_MAX or any(
        isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode | ox.Triple) for q in quads
    ):
        return None
    found = set(quads)
    if replaced is not None:
        old = _graph_quads(rw, replaced, DELTA_MAX - len(found))
        if old is None:
            return None
        found.update(old)
    return found
