"""Rewrites of update text, made on tokens, never by searching the text."""

from __future__ import annotations

import pyoxigraph as ox

from server.core.errors import BadRequest
from server.sparql.lexer import Token, tokens


def apply_using(update: str, using_graphs: list[str], using_named_graphs: list[str]) -> str:
    """Give every DELETE/INSERT ... WHERE operation of ``update`` the protocol's dataset.

    The SPARQL 1.1 Protocol (2.2.3) says a request with using-graph-uri/using-named-graph-uri
    whose update already has USING, USING NAMED or WITH must be refused: BadRequest.
    ``DELETE WHERE { P }`` (which cannot carry USING) becomes ``DELETE { P } USING ... WHERE { P }``.
    The IRIs are written by pyoxigraph (validated NamedNode), never spliced as raw text.
    """
    if not using_graphs and not using_named_graphs:
        return update
    clause = " ".join(
        [f"USING {ox.NamedNode(g)}" for g in using_graphs]
        + [f"USING NAMED {ox.NamedNode(g)}" for g in using_named_graphs]
    )
    toks = list(tokens(update))
    for tok in toks:
        if tok.depth == 0 and tok.is_word("USING", "WITH"):
            raise BadRequest(
                "The update has its own USING/WITH clause and the request also gives "
                "using-graph-uri/using-named-graph-uri; use one or the other "
                "(SPARQL 1.1 Protocol, 2.2.3)."
            )
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    for i, tok in enumerate(toks):
        if tok.depth != 0 or not tok.is_word("WHERE"):
            continue
        prev = toks[i - 1] if i else None
        if prev is not None and prev.is_word("DELETE"):
            close = _matching_brace(toks, i + 1)
            if close is None:
                continue  # malformed: let the store report the syntax error
            pattern = update[toks[i + 1].start : toks[close].end]
            edits.append((tok.start, toks[close].end, f"{pattern} {clause} WHERE {pattern}"))
        else:
            edits.append((tok.start, tok.start, clause + " "))
    for start, end, repl in reversed(edits):
        update = update[:start] + repl + update[end:]
    return update


def _matching_brace(toks: list[Token], i: int) -> int | None:
    if i >= len(toks) or toks[i].text != "{" or toks[i].kind != "punct":
        return None
    depth = toks[i].depth
    for j in range(i + 1, len(toks)):
        if toks[j].kind == "punct" and toks[j].text == "}" and toks[j].depth == depth + 1:
            return j
    return None
