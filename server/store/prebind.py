"""Variable pre-binding for stores that have no native substitutions (remote SPARQL stores).

pyoxigraph binds variables natively (``substitutions=``). Over the SPARQL Protocol there is
no such parameter, so the bound terms travel inside the query text, as a ``VALUES`` block
placed first in the query's outer WHERE group::

    SELECT (COUNT(*) AS ?n) WHERE { VALUES (?g) { (<http://ex/g>) } GRAPH ?g { ?s ?p ?o } }

Why there, and not elsewhere:

* A trailing ``VALUES`` after the query (SPARQL 1.1 §10.2.2) is joined *after* grouping and
  aggregation, so ``SELECT (COUNT(*) AS ?n) { GRAPH ?g {…} } VALUES ?g {…}`` would count every
  graph. Wrapping the query as a sub-select loses its prologue, dataset clauses and CONSTRUCT.
* Inline data first in the outer group is joined with the rest of that group before any
  aggregation, ORDER BY or projection, which is what pre-binding means (SEP-0007, the
  semantics pyoxigraph follows). Differences that remain, and are documented: a FILTER inside
  a *nested* group ``{ { … FILTER(?x …) } }`` and a sub-select that does not project ``?x``
  do not see the binding (pyoxigraph substitutes there too).

Safety: only the terms are untrusted, and each is written by pyoxigraph's own N-Triples
serialiser (``str(NamedNode)`` / ``str(Literal)``: IRIs are validated when the NamedNode is
built, literals are escaped), which is also valid SPARQL term syntax. Whatever the values
contain, they stay one term each. Blank nodes (which would turn into variables) and quoted
triples are refused. The query text itself comes from the query's author; the small lexer
below only has to find the WHERE brace of well-formed queries, and on anything it cannot
read the remote store reports the syntax error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox

from ..errors import BadRequest

_VARNAME = re.compile(r"^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_\u00B7\u00C0-\uFFFF]*$")

_TOKENS = re.compile(
    r'''
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<lstring>"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""|\'\'\'(?:(?:'|'')?(?:[^'\\]|\\.))*\'\'\')
    | (?P<string>"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00B7]+)
    | (?P<word>[^\W\d][\w\-.]*(?::[\w\-.:%]*)?|:[\w\-.:%]*)
    | (?P<open>[{(\[])
    | (?P<close>[})\]])
    | (?P<other>.)
    ''',
    re.VERBOSE | re.DOTALL,
)


def where_group_start(sparql: str) -> int:
    """Offset just after the ``{`` opening the outer WHERE group of a query.

    The first ``{`` at nesting depth 0, except the template of ``CONSTRUCT { … } WHERE``.
    Braces inside strings, IRIs, comments and parenthesised expressions (``EXISTS {…}`` in a
    SELECT expression) are skipped. Raises BadRequest when there is no WHERE group.
    """
    depth = 0
    prev = ""
    for m in _TOKENS.finditer(sparql):
        kind, text = m.lastgroup, m.group()
        if kind in ("ws", "comment"):
            continue
        if kind == "open":
            if text == "{" and depth == 0 and prev != "CONSTRUCT":
                return m.end()
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        prev = text.upper() if kind == "word" else text
    raise BadRequest("Cannot bind parameters: the query has no WHERE group.")


def term_text(term: ox.NamedNode | ox.Literal) -> str:
    """The SPARQL syntax of a term, written by pyoxigraph (validated IRI, escaped literal)."""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return str(term)
    if isinstance(term, ox.BlankNode):
        raise BadRequest("A blank node cannot be bound in a query sent to an external store.")
    raise BadRequest(f"Cannot bind a {type(term).__name__} in a query sent to an external store.")


def values_block(substitutions: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    names = []
    for name in substitutions:
        if not _VARNAME.match(name):
            raise BadRequest(f"Invalid variable name {name!r}.")
        names.append(str(ox.Variable(name)))
    row = " ".join(term_text(t) for t in substitutions.values())
    return f" VALUES ({' '.join(names)}) {{ ({row}) }} "


def prebind(sparql: str, substitutions: Mapping[str, ox.NamedNode | ox.Literal] | None) -> str:
    """The query with ``substitutions`` joined first in its outer WHERE group."""
    if not substitutions:
        return sparql
    at = where_group_start(sparql)
    return sparql[:at] + values_block(substitutions) + sparql[at:]
