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
  semantics pyoxigraph follows).
* A sub-select is evaluated on its own before it is joined, so its ORDER BY/LIMIT/OFFSET and
  aggregates would not see an outer VALUES: every sub-select that projects ``?x`` (plainly or
  by ``*``, all the way up) gets the same block first in its own WHERE group, as pyoxigraph
  substitutes there too. A sub-select that does not project ``?x`` has its own ``?x``.
  Difference that remains, documented: a FILTER inside a *nested* group
  ``{ { … FILTER(?x …) } }`` does not see the binding (pyoxigraph substitutes there).

Safety: only the terms are untrusted, and each is written by pyoxigraph's own N-Triples
serialiser (``str(NamedNode)`` / ``str(Literal)``: IRIs are validated when the NamedNode is
built, literals are escaped), which is also valid SPARQL term syntax. Whatever the values
contain, they stay one term each. Blank nodes (which would turn into variables) and quoted
triples are refused. The query text itself comes from the query's author; the one SPARQL
tokenizer (server.sparql.lexer) only has to find the WHERE brace of well-formed queries, and
on anything it cannot read the remote store reports the syntax error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pyoxigraph as ox

from server.core.errors import BadRequest
from server.sparql.lexer import Token, tokens
from server.store.base import Term


def _punct(tok: Token, chars: str) -> bool:
    return tok.kind == "punct" and tok.text in chars


def where_group_start(sparql: str) -> int:
    """Offset just after the ``{`` opening the outer WHERE group of a query.

    The first ``{`` outside any brackets, except the template of ``CONSTRUCT { … } WHERE``.
    Braces inside strings, IRIs, comments (tokens of their own, server.sparql.lexer) and inside
    parenthesised expressions (``EXISTS {…}`` in a SELECT expression) are skipped. Raises
    BadRequest when there is no WHERE group.
    """
    nesting = 0  # braces, parentheses and brackets
    prev: Token | None = None
    for tok in tokens(sparql):
        if _punct(tok, "{(["):
            if tok.text == "{" and nesting == 0 and not (prev is not None and prev.is_word("CONSTRUCT")):
                return tok.end
            nesting += 1
        elif _punct(tok, "})]"):
            nesting = max(0, nesting - 1)
        prev = tok
    raise BadRequest("Cannot bind parameters: the query has no WHERE group.")


def term_text(term: Term) -> str:
    """The SPARQL syntax of a term, written by pyoxigraph (validated IRI, escaped literal)."""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return str(term)
    if isinstance(term, ox.BlankNode):
        raise BadRequest("A blank node cannot be bound in a query sent to an external store.")
    raise BadRequest(f"Cannot bind a {type(term).__name__} in a query sent to an external store.")


def variable_text(name: str) -> str:
    """``?name``, checked by pyoxigraph (SPARQL's VARNAME): BadRequest for anything else."""
    try:
        return str(ox.Variable(name))
    except ValueError:
        raise BadRequest(f"Invalid variable name {name!r}.") from None


def values_block(substitutions: Mapping[str, Term]) -> str:
    names = [variable_text(name) for name in substitutions]
    row = " ".join(term_text(t) for t in substitutions.values())
    return f" VALUES ({' '.join(names)}) {{ ({row}) }} "


def subselect_groups(sparql: str, names: set[str]) -> list[tuple[int, set[str]]]:
    """(offset just after the ``{`` of its WHERE group, the bound names it projects) for every
    sub-select that projects some of ``names`` all the way up to the outer query."""
    toks = list(tokens(sparql))
    found: list[tuple[int, set[str]]] = []
    scopes: list[tuple[int, set[str]]] = [(0, set(names))]  # (brace depth inside the group, visible)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.is_word("SELECT") and tok.depth > 0:
            visible, star, paren, j = scopes[-1][1], False, 0, i + 1
            projected: set[str] = set()
            while j < len(toks) and not ((_punct(toks[j], "{") and paren == 0) or toks[j].is_word("WHERE")):
                t = toks[j]
                if _punct(t, "*") and paren == 0:
                    star = True
                elif t.kind == "var" and paren == 0:  # not ``(expr AS ?v)``: computed after the group
                    projected.add(t.text[1:])
                paren += _punct(t, "(") - _punct(t, ")")
                j += 1
            while j < len(toks) and not _punct(toks[j], "{"):
                j += 1
            if j == len(toks):
                break
            inner = set(visible) if star else visible & projected
            if inner:
                found.append((toks[j].end, inner))
            scopes.append((toks[j].depth + 1, inner))
            i = j + 1
            continue
        if _punct(tok, "}") and len(scopes) > 1 and scopes[-1][0] == tok.depth:
            scopes.pop()
        i += 1
    return found


def prebind(
    sparql: str,
    substitutions: Mapping[str, Term] | None,
    block: Callable[[Mapping[str, Term]], str] = values_block,
) -> str:
    """The query with ``substitutions`` joined first in its outer WHERE group, and first in the
    WHERE group of every sub-select that projects a bound variable (so that its own ORDER BY,
    LIMIT, OFFSET and aggregates see the binding, as with pyoxigraph's substitutions).
    ``block`` writes the joined pattern (a store's dialect may write some terms otherwise)."""
    if not substitutions:
        return sparql
    at = where_group_start(sparql)
    inserts = [(at, block(substitutions))]
    for pos, inner in subselect_groups(sparql[at:], set(substitutions)):
        inserts.append((at + pos, block({k: v for k, v in substitutions.items() if k in inner})))
    for pos, text in sorted(inserts, reverse=True):
        sparql = sparql[:pos] + text + sparql[pos:]
    return sparql
