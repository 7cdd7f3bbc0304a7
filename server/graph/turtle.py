"""Deterministic, readable RDF writers: Turtle, TriG, sorted N-Triples / N-Quads.

Same data -> byte-identical output, whatever order the store returns statements in and
whatever internal ids its blank nodes have:

- prefixes: only those used, sorted by name;
- subjects sorted (IRIs, then labelled blank nodes, then anonymous ``[ ... ]`` roots);
- predicates sorted: rdf:type first, then rdfs:label, skos:prefLabel, skos:altLabel, then by IRI;
- objects sorted (IRIs, literals, inline blank nodes by their rendered text);
- a blank node used once as an object, in one graph, is written inline as ``[ ... ]`` (or as a
  ``( ... )`` collection); any other blank node gets a label derived from its content
  (``_:b`` + hash of its neighbourhood, refined until stable), not from the store's ids.

Graph-level inputs are lists of ``(s, p, o, g)`` pyoxigraph terms (``g`` None = default graph).
RDF 1.2 triple terms are written ``<<( s p o )>>``; blank nodes inside them always get labels.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import pyoxigraph as ox

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF + "type"
RDF_FIRST, RDF_REST, RDF_NIL = RDF + "first", RDF + "rest", RDF + "nil"
PREDICATE_ORDER = {
    RDF_TYPE: 0,
    "http://www.w3.org/2000/01/rdf-schema#label": 1,
    "http://www.w3.org/2004/02/skos/core#prefLabel": 2,
    "http://www.w3.org/2004/02/skos/core#altLabel": 3,
}

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple  # Triple: an RDF 1.2 triple term
Subject = ox.NamedNode | ox.BlankNode | ox.Triple
Graph = ox.NamedNode | ox.BlankNode | None
Statement = tuple[Subject, ox.NamedNode, Term, Graph]
Subjects = dict[Subject, dict[str, list[Term]]]  # one graph's statements: subject -> predicate IRI -> objects

_LOCAL = re.compile(r"^([A-Za-z0-9_]([A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?)?$")
_PREFIX = re.compile(r"^[A-Za-z]([A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?[0-9]*\.[0-9]+$")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_STRING_BAD = re.compile(r'[\\"\x00-\x1f\x7f]')
# Words a prefix must not be, so that no tokenizer mistakes a prefixed name for a keyword.
RESERVED_PREFIXES = {"a", "graph", "prefix", "base", "true", "false"}


def nt(term: Term) -> str:
    """N-Triples form of a term (pyoxigraph's own rendering; ``<<( s p o )>>`` for a triple term)."""
    if isinstance(term, ox.Triple):
        return f"<<( {nt(term.subject)} {nt(term.predicate)} {nt(term.object)} )>>"
    return str(term)


def _blank_nodes(term: Term) -> list[str]:
    """Ids of the blank nodes a term is or holds (in a triple term, at any depth)."""
    if isinstance(term, ox.BlankNode):
        return [term.value]
    if isinstance(term, ox.Triple):
        return _blank_nodes(term.subject) + _blank_nodes(term.object)
    return []


# -- blank node labels ------------------------------------------------------------------


def stable_bnode_labels(statements: Iterable[Statement]) -> dict[str, str]:
    """Labels for every blank node, derived from content: colour refinement of each blank node's
    neighbourhood (predicates, neighbour terms, graph), repeated until the partition is stable;
    remaining ties (symmetric nodes) are broken one by one and refined again."""
    incid: dict[str, list[tuple[str, str, Term, str]]] = defaultdict(list)
    for s, p, o, g in statements:
        gk = "" if g is None else (nt(g) if not isinstance(g, ox.BlankNode) else "_:")
        if isinstance(s, ox.BlankNode):
            incid[s.value].append(("o", p.value, o, gk))
        if isinstance(o, ox.BlankNode):
            incid[o.value].append(("i", p.value, s, gk))
        if isinstance(g, ox.BlankNode):
            incid[g.value].append(("g", p.value, s, nt(o)))
        for t in (s, o):
            if isinstance(t, ox.Triple):  # a blank node in a triple term: the whole statement is its context
                for b in _blank_nodes(t):
                    incid[b].append(("t", "", ox.Triple(s, p, o), gk))
    if not incid:
        return {}
    colour = {b: "" for b in incid}

    def render(t: Term, colour: dict[str, str]) -> str:
        if isinstance(t, ox.BlankNode):
            return "_:" + colour[t.value]
        if isinstance(t, ox.Triple):
            return f"<<( {render(t.subject, colour)} {t.predicate} {render(t.object, colour)} )>>"
        return str(t)

    def refine(colour: dict[str, str]) -> dict[str, str]:
        while True:
            new = {}
            for b, edges in incid.items():
                sig = sorted(f"{d} {p} {render(t, colour)} {gk}" for d, p, t, gk in edges)
                new[b] = hashlib.sha1((colour[b] + "\n" + "\n".join(sig)).encode("utf-8")).hexdigest()
            if len(set(new.values())) == len(set(colour.values())):
                return new
            colour = new

    colour = refine(colour)
    while True:
        classes: dict[str, list[str]] = defaultdict(list)
        for b, c in colour.items():
            classes[c].append(b)
        tied = sorted(c for c, members in classes.items() if len(members) > 1)
        if not tied:
            break
        colour = dict(colour)
        leaves = [c for c in tied if not any(_blank_nodes(t) for b in classes[c] for _, _, t, _ in incid[b])]
        if leaves:
            # Members without blank-node neighbours are interchangeable: number them at once.
            for c in leaves:
                for i, b in enumerate(sorted(classes[c])):
                    colour[b] = hashlib.sha1(f"{c}*{i}".encode()).hexdigest()
            continue
        # Individualise one member of the first tied class and refine again; for symmetric
        # (automorphic) nodes the choice does not change the output.
        chosen = min(classes[tied[0]])
        colour[chosen] = hashlib.sha1((colour[chosen] + "*").encode()).hexdigest()
        colour = refine(colour)
    labels: dict[str, str] = {}
    used: set[str] = set()
    for b in sorted(colour, key=lambda x: colour[x]):
        n = 12
        label = "b" + colour[b][:n]
        while label in used:
            n += 2
            label = "b" + colour[b][:n]
        used.add(label)
        labels[b] = label
    return labels


def relabel(statements: Sequence[Statement], labels: dict[str, str]) -> Sequence[Statement]:
    """Statements with blank nodes renamed to their stable labels."""
    if not labels:
        return statements

    def fix(t):  # unannotated: returns the kind of term it is given
        if isinstance(t, ox.BlankNode):
            return ox.BlankNode(labels[t.value])
        if isinstance(t, ox.Triple):
            return ox.Triple(fix(t.subject), t.predicate, fix(t.object))
        return t

    return [(fix(s), p, fix(o), fix(g) if g is not None else None) for s, p, o, g in statements]


# -- line formats ------------------------------------------------------------------------


def write_ntriples(statements: Sequence[Statement]) -> bytes:
    """N-Triples, one triple per line, lines sorted, duplicates removed, stable bnode labels."""
    stmts = relabel(statements, stable_bnode_labels(statements))
    triples = {ox.Triple(s, p, o) for s, p, o, _ in stmts}
    return _sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")


def write_nquads(statements: Sequence[Statement]) -> bytes:
    stmts = relabel(statements, stable_bnode_labels(statements))
    quads = {ox.Quad(s, p, o, ox.DefaultGraph() if g is None else g) for s, p, o, g in stmts}
    return _sorted_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


# -- Turtle / TriG -----------------------------------------------------------------------


class _Writer:
    def __init__(self, statements: Sequence[Statement], prefixes: dict[str, str]):
        self.statements = statements
        self._labels: dict[str, str] | None = None
        self.namespaces = sorted(
            ((name, ns) for name, ns in prefixes.items() if _PREFIX.match(name) and name not in RESERVED_PREFIXES),
            key=lambda x: (-len(x[1]), x[0]),
        )
        self.used: dict[str, str] = {}
        # per graph: subject key -> predicate IRI -> objects
        self.graphs: dict[Graph, Subjects] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        refs: dict[str, int] = defaultdict(int)
        where: dict[str, set[Graph | str]] = defaultdict(set)  # graphs, "graph-name", "triple-term"
        seen: set[Statement] = set()
        for s, p, o, g in statements:
            key = (s, p, o, g)
            if key in seen:
                continue
            seen.add(key)
            self.graphs[g][s][p.value].append(o)
            if isinstance(s, ox.BlankNode):
                where[s.value].add(g)
            if isinstance(o, ox.BlankNode):
                refs[o.value] += 1
                where[o.value].add(g)
            if isinstance(g, ox.BlankNode):
                where[g.value].add("graph-name")
            for t in (s, o):
                if isinstance(t, ox.Triple):  # a blank node in a triple term is written with its label
                    for b in _blank_nodes(t):
                        where[b].add("triple-term")
        # Inline: referenced exactly once as an object, confined to one graph, and reachable
        # from a written root (a cycle of once-referenced nodes gets labels instead).
        candidates = {b for b, n in refs.items() if n == 1 and len(where[b]) == 1}
        self.inline: set[str] = set()
        for g, subjects in self.graphs.items():
            stack = [s for s in subjects if not (isinstance(s, ox.BlankNode) and s.value in candidates)]
            while stack:
                node = stack.pop()
                for objs in subjects.get(node, {}).values():
                    for o in objs:
                        if isinstance(o, ox.BlankNode) and o.value in candidates and o.value not in self.inline:
                            self.inline.add(o.value)
                            stack.append(o)
        self.anonymous = {
            b for b in where if b not in refs and len(where[b]) == 1 and not where[b] & {"graph-name", "triple-term"}
        }

    @property
    def labels(self) -> dict[str, str]:
        """Stable labels, computed only when some blank node cannot be written inline."""
        if self._labels is None:
            self._labels = stable_bnode_labels(self.statements)
        return self._labels

    # terms
    def iri(self, value: str) -> str:
        for name, ns in self.namespaces:
            if value.startswith(ns) and _LOCAL.match(value[len(ns) :]):
                self.used[name] = ns
                return f"{name}:{value[len(ns) :]}"
        return "<" + _IRI_BAD.sub(lambda m: f"\\u{ord(m.group()):04X}", value) + ">"

    def literal(self, lit: ox.Literal) -> str:
        value = lit.value
        text = '"' + _STRING_BAD.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), value) + '"'
        if lit.language:
            return f"{text}@{lit.language}"
        dt = lit.datatype.value
        if dt == XSD + "string":
            return text
        if dt == XSD + "integer" and _INTEGER.match(value):
            return value
        if dt == XSD + "decimal" and _DECIMAL.match(value):
            return value
        if dt == XSD + "boolean" and value in ("true", "false"):
            return value
        return f"{text}^^{self.iri(dt)}"

    def term(self, t: Term, subjects: Subjects, indent: str) -> str:
        if isinstance(t, ox.NamedNode):
            return self.iri(t.value)
        if isinstance(t, ox.Literal):
            return self.literal(t)
        if isinstance(t, ox.BlankNode):
            if t.value in self.inline:
                items = self._collection(t, subjects)
                if items is not None:
                    inner = [self.term(x, subjects, indent + "    ") for x in items]
                    return "( " + " ".join(inner) + " )" if inner else "()"
                preds = subjects.get(t, {})
                body = self.predicates(preds, subjects, indent + "    ")
                if not body:
                    return "[]"
                short = " ; ".join(line.strip() for line in body.split(" ;\n"))
                if "\n" not in short and len(short) + len(indent) <= 90:
                    return "[ " + short + " ]"
                return "[\n" + body + "\n" + indent + "]"
            return "_:" + self.labels[t.value]
        if isinstance(t, ox.Triple):
            subject, obj = self.term(t.subject, subjects, indent), self.term(t.object, subjects, indent)
            return f"<<( {subject} {self.iri(t.predicate.value)} {obj} )>>"
        raise TypeError(f"cannot write {t!r}")

    def _collection(self, head: ox.BlankNode, subjects: Subjects) -> list[Term] | None:
        """Members of a well-formed rdf:List starting at ``head`` (each node inline), or None."""
        items: list[Term] = []
        node: Term = head
        guard: set[str] = set()
        while True:
            if isinstance(node, ox.NamedNode) and node.value == RDF_NIL:
                return items
            if not (isinstance(node, ox.BlankNode) and node.value in self.inline) or node.value in guard:
                return None
            guard.add(node.value)
            preds = subjects.get(node, {})
            if set(preds) != {RDF_FIRST, RDF_REST} or len(preds[RDF_FIRST]) != 1 or len(preds[RDF_REST]) != 1:
                return None
            items.append(preds[RDF_FIRST][0])
            node = preds[RDF_REST][0]

    def predicates(self, preds: dict[str, list[Term]], subjects: Subjects, indent: str) -> str:
        lines = []
        for p in sorted(preds, key=lambda x: (PREDICATE_ORDER.get(x, 9), x)):
            objs = sorted(
                ((self._object_key(o), self.term(o, subjects, indent)) for o in preds[p]),
            )
            rendered = [text for _, text in objs]
            ptext = "a" if p == RDF_TYPE else self.iri(p)
            one_line = ", ".join(rendered)
            if any("\n" in r for r in rendered):
                joined = one_line  # "[\n ...\n], [\n ...\n]"
            elif len(rendered) > 1 and len(indent) + len(ptext) + len(one_line) > 100:
                joined = (",\n" + indent + "    ").join(rendered)
            else:
                joined = one_line
            lines.append(f"{indent}{ptext} {joined}")
        return " ;\n".join(lines)

    def _object_key(self, o: Term) -> tuple[int, str, str, str]:
        if isinstance(o, ox.NamedNode):
            return (0, o.value, "", "")
        if isinstance(o, ox.Literal):
            return (1, o.datatype.value if not o.language else "", o.language or "", o.value)
        if isinstance(o, ox.Triple) or o.value in self.inline:  # ties broken by rendered text (see predicates)
            return (3 if isinstance(o, ox.BlankNode) else 4, "", "", "")
        return (2, self.labels[o.value], "", "")

    def block(self, subjects: Subjects, indent: str) -> str:
        roots = []
        for s, preds in subjects.items():
            if isinstance(s, ox.BlankNode) and s.value in self.inline:
                continue
            if isinstance(s, ox.Triple):
                raise TypeError(f"cannot write a triple term as a subject: {nt(s)}")  # not in RDF 1.2
            if isinstance(s, ox.NamedNode):
                key, head = (0, s.value), self.iri(s.value)
            elif s.value in self.anonymous:
                key, head = (2, ""), None
            else:
                key, head = (1, self.labels[s.value]), "_:" + self.labels[s.value]
            body = self.predicates(preds, subjects, indent + "    ")
            if head is None:
                text = indent + "[\n" + body + "\n" + indent + "] ."
                key = (2, text)
            else:
                text = indent + head + " " + body[len(indent) + 4 :] + " ."
            roots.append((key, text))
        roots.sort()
        return "\n\n".join(text for _, text in roots)

    def prologue(self) -> str:
        return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in sorted(self.used.items()))


def write_turtle(statements: Sequence[Statement], prefixes: dict[str, str]) -> bytes:
    """Turtle of the statements' triples (graph names ignored; duplicates merged)."""
    merged: list[Statement] = [(s, p, o, None) for s, p, o, _ in statements]
    w = _Writer(merged, prefixes)
    body = w.block(w.graphs.get(None, {}), "")
    return _assemble(w.prologue(), [body])


def write_trig(statements: Sequence[Statement], prefixes: dict[str, str]) -> bytes:
    """TriG: default-graph triples first (in ``{ }``), then named graphs sorted by name."""
    w = _Writer(statements, prefixes)
    parts = []
    names = sorted(
        w.graphs,
        key=lambda g: (
            g is not None,
            isinstance(g, ox.BlankNode),
            "" if g is None else (g.value if isinstance(g, ox.NamedNode) else w.labels[g.value]),
        ),
    )
    rendered = []
    for g in names:
        body = w.block(w.graphs[g], "    ")
        if g is None:
            head = "{"
        elif isinstance(g, ox.NamedNode):
            head = w.iri(g.value) + " {"
        else:
            head = "_:" + w.labels[g.value] + " {"
        rendered.append(head + "\n" + body + "\n}")
    parts.extend(rendered)
    return _assemble(w.prologue(), parts)


def _assemble(prologue: str, parts: list[str]) -> bytes:
    parts = [p for p in parts if p]
    text = prologue + ("\n" if prologue and parts else "") + "\n\n".join(parts)
    return (text + "\n").encode("utf-8") if text else b""
