"""A small SPARQL tokenizer: enough to find keywords (SERVICE, LOAD, FROM, USING, WITH,
WHERE) reliably. Strings, IRIs, comments, prefixed names, variables, blank nodes and
language tags are tokens of their own, so the word "service" inside them is never taken for
the keyword. Token rules follow the SPARQL 1.1 grammar (section 19.8), longest match first,
as Oxigraph's parser does (e.g. ``?s ?p ?o .SERVICE`` and ``1.SERVICE`` contain the keyword,
``ex:a.SERVICE`` is one prefixed name). Oxigraph does not decode \\u escapes outside strings,
so keywords always appear spelled out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_PREFIX = r"(?:[^\W\d_](?:[\w.\-\u00B7\u0300-\u036F\u203F\u2040]*[\w\-\u00B7\u0300-\u036F\u203F\u2040])?)"
_PN_LOCAL = (
    rf"(?:(?:[\w:]|{_PLX})(?:(?:[\w.:\-\u00B7\u0300-\u036F\u203F\u2040]|{_PLX})*"
    rf"(?:[\w:\-\u00B7\u0300-\u036F\u203F\u2040]|{_PLX}))?)"
)
_TOKEN = re.compile(
    r"""(?P<ws>\s+)
    |(?P<comment>\#[^\n\r]*)
    |(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
        |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
    |(?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
    |(?P<bnode>_:[\w](?:[\w.\-\u00B7]*[\w\-\u00B7])?)
    |(?P<pname>"""
    + _PN_PREFIX
    + r"?:"
    + _PN_LOCAL
    + r"""?)
    |(?P<number>\d+\.\d*[eE][+-]?\d+|\.\d+[eE][+-]?\d+|\d+[eE][+-]?\d+|\d*\.\d+|\d+)
    |(?P<word>[^\W\d]\w*)
    |(?P<punct>.)""",
    re.VERBOSE | re.DOTALL,
)


class Token(NamedTuple):  # a tuple: made for every token of every query, cheaper than a dataclass
    kind: str  # string, iri, var, lang, bnode, pname, number, word, punct
    text: str
    start: int
    end: int
    depth: int  # brace depth before the token

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


def tokens(text: str) -> Iterator[Token]:
    """SPARQL tokens (whitespace and comments dropped) with their brace depth."""
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind in ("ws", "comment"):
            continue
        tok = Token(kind, m.group(), m.start(), m.end(), depth)
        if kind == "punct":
            if tok.text == "{":
                depth += 1
            elif tok.text == "}":
                depth = max(0, depth - 1)
        yield tok


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (the first form keyword), or None."""
    for tok in tokens(text):
        if tok.is_word("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return tok.text.upper()
    return None


def has_dataset_clause(text: str) -> bool:
    """Whether a query names its own dataset (FROM / FROM NAMED)."""
    if "from" not in text.lower():
        return False
    return any(t.depth == 0 and t.is_word("FROM") for t in tokens(text))


def named_iris(text: str) -> set[str]:
    """The absolute IRIs a query names: ``<…>`` tokens, and prefixed names expanded with the
    query's own PREFIX declarations (relative IRIs are left out)."""
    toks = list(tokens(text))
    prefixes = {
        toks[i + 1].text[:-1]: toks[i + 2].text[1:-1]
        for i in range(len(toks) - 2)
        if toks[i].is_word("PREFIX")
        and toks[i + 1].kind == "pname"
        and toks[i + 1].text.endswith(":")
        and toks[i + 2].kind == "iri"
    }
    out = set()
    for t in toks:
        if t.kind == "iri" and ":" in t.text:
            out.add(t.text[1:-1])
        elif t.kind == "pname":
            prefix, _, local = t.text.partition(":")
            if prefix in prefixes:
                out.add(prefixes[prefix] + local)
    return out


_NODE = {"var", "iri", "pname"}  # subject or predicate (or the word ``a``)
_OBJECT = _NODE | {"number"}
MAX_INLINE_OFFSET = 10000


@functools.lru_cache(maxsize=4096)
def single_pattern(text: str) -> bool:
    """Whether a query is one triple pattern whose every step yields a result: ``SELECT`` (no
    DISTINCT, no expressions), ``ASK`` or ``CONSTRUCT`` (a template triple holding every
    variable, so that Oxigraph's de-duplication of output triples skips nothing) over a
    ``WHERE`` of one triple pattern (no property path, no repeated variable, no blank node),
    with at most ``LIMIT`` and a small ``OFFSET``. Evaluating such a query costs at most
    OFFSET + result cap index steps, each producing a row, so the serialiser's deadline check
    between rows bounds its time: it may run in the request thread, without the hand-off to an
    evaluation thread. So may ``DESCRIBE`` of IRIs only (no WHERE): every step of it reads one
    triple about a described node, and yields it. Conservative: anything else answers False."""
    toks = list(tokens(text))  # every character is some token: lexing never fails
    i, n = 0, len(toks)

    def word(*words: str) -> bool:
        return i < n and toks[i].is_word(*words)

    def punct(p: str) -> bool:
        return i < n and toks[i].kind == "punct" and toks[i].text == p

    while word("PREFIX", "BASE"):  # prologue
        if word("BASE"):
            if i + 1 >= n or toks[i + 1].kind != "iri":
                return False
            i += 2
            continue
        if i + 2 >= n or toks[i + 1].kind != "pname" or not toks[i + 1].text.endswith(":") or toks[i + 2].kind != "iri":
            return False
        i += 3
    template: list[list[Token]] = []
    if word("DESCRIBE"):
        return i + 1 < n and all(t.kind in ("iri", "pname") for t in toks[i + 1 :])
    if word("SELECT"):
        i += 1
        if punct("*"):
            i += 1
        else:
            start = i
            while i < n and toks[i].kind == "var":
                i += 1
            if i == start:
                return False  # DISTINCT, REDUCED, an expression
        form = "SELECT"
    elif word("ASK"):
        i += 1
        form = "ASK"
    elif word("CONSTRUCT"):
        i += 1
        form = "CONSTRUCT"
        if punct("{"):
            i += 1
            current: list[Token] = []
            while i < n and not punct("}"):
                t = toks[i]
                if t.kind == "punct" and t.text in ".;,":
                    if t.text == "." and current:
                        template.append(current)
                        current = []
                    elif t.text == ";":
                        template.append(current)
                        current = current[:1]
                    elif t.text == ",":
                        template.append(current)
                        current = current[:2]
                elif t.kind in ("var", "iri", "pname", "string", "number", "lang", "bnode") or t.is_word("A"):
                    current.append(t)
                elif t.kind == "punct" and t.text == "^":
                    pass
                else:
                    return False
                i += 1
            if not punct("}"):
                return False
            if current:
                template.append(current)
            i += 1
    else:
        return False
    if word("WHERE"):  # optional; FROM / FROM NAMED are not accepted here
        i += 1
    if not punct("{"):
        return False
    i += 1
    pattern: list[Token] = []
    # subject, predicate, object
    if i < n and toks[i].kind in _NODE:
        pattern.append(toks[i])
        i += 1
    else:
        return False
    if i < n and (toks[i].kind in _NODE or toks[i].is_word("A")):
        pattern.append(toks[i])
        i += 1
    else:
        return False
    if i < n and toks[i].kind == "string":
        pattern.append(toks[i])
        i += 1
        if i < n and toks[i].kind == "lang":
            i += 1
        elif i + 2 < n and punct("^") and toks[i + 1].text == "^" and toks[i + 2].kind in ("iri", "pname"):
            i += 3
    elif i < n and (toks[i].kind in _OBJECT or toks[i].is_word("TRUE", "FALSE")):
        pattern.append(toks[i])
        i += 1
    else:
        return False
    if punct("."):
        i += 1
    if not punct("}"):
        return False
    i += 1
    names = [t.text[1:] for t in pattern if t.kind == "var"]
    if len(names) != len(set(names)):
        return False
    if form == "CONSTRUCT":
        if not template:  # CONSTRUCT WHERE { tp }: the pattern is the template
            template = [pattern]
        if not any(set(names) <= {t.text[1:] for t in triple if t.kind == "var"} for triple in template):
            return False
    seen: set[str] = set()
    while i < n:
        if word("LIMIT", "OFFSET") and toks[i].text.upper() not in seen and i + 1 < n and toks[i + 1].kind == "number":
            if not toks[i + 1].text.isdigit():
                return False
            if toks[i].text.upper() == "OFFSET" and int(toks[i + 1].text) > MAX_INLINE_OFFSET:
                return False
            seen.add(toks[i].text.upper())
            i += 2
        else:
            return False
    return True
