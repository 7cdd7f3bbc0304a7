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


_SKIPPED = frozenset({"ws", "comment"})


def _kinds(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each token, words upper-cased: ``tokens`` without positions and depths,
    for ``single_pattern``, which runs on every query (a third of the cost of ``tokens``)."""
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind not in _SKIPPED:
            out.append((kind, m.group().upper() if kind == "word" else m.group()))
    return out


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
    toks = _kinds(text)  # every character is some token: lexing never fails
    toks.append(("end", ""))  # a sentinel: toks[i] exists for every i up to the end
    i = 0
    while toks[i] in (("word", "PREFIX"), ("word", "BASE")):  # prologue
        if toks[i][1] == "BASE":
            if toks[i + 1][0] != "iri":
                return False
            i += 2
            continue
        if toks[i + 1][0] != "pname" or not toks[i + 1][1].endswith(":") or toks[i + 2][0] != "iri":
            return False
        i += 3
    template: list[list[tuple[str, str]]] = []
    first = toks[i]
    if first == ("word", "DESCRIBE"):
        rest = toks[i + 1 : -1]
        return bool(rest) and all(kind in ("iri", "pname") for kind, _ in rest)
    if first == ("word", "SELECT"):
        i += 1
        if toks[i] == ("punct", "*"):
            i += 1
        else:
            start = i
            while toks[i][0] == "var":
                i += 1
            if i == start:
                return False  # DISTINCT, REDUCED, an expression
    elif first == ("word", "ASK"):
        i += 1
    elif first == ("word", "CONSTRUCT"):
        i += 1
        if toks[i] == ("punct", "{"):
            i += 1
            current: list[tuple[str, str]] = []
            while toks[i] != ("punct", "}") and toks[i][0] != "end":
                kind, value = toks[i]
                if kind == "punct" and value in ".;,":
                    if value == "." and current:
                        template.append(current)
                        current = []
                    elif value == ";":
                        template.append(current)
                        current = current[:1]
                    elif value == ",":
                        template.append(current)
                        current = current[:2]
                elif kind in ("var", "iri", "pname", "string", "number", "lang", "bnode") or toks[i] == ("word", "A"):
                    current.append(toks[i])
                elif toks[i] != ("punct", "^"):
                    return False
                i += 1
            if toks[i] != ("punct", "}"):
                return False
            if current:
                template.append(current)
            i += 1
    else:
        return False
    if toks[i] == ("word", "WHERE"):  # optional; FROM / FROM NAMED are not accepted here
        i += 1
    if toks[i] != ("punct", "{"):
        return False
    i += 1
    pattern: list[tuple[str, str]] = []
    # subject, predicate, object
    if toks[i][0] not in _NODE:
        return False
    pattern.append(toks[i])
    i += 1
    if toks[i][0] not in _NODE and toks[i] != ("word", "A"):
        return False
    pattern.append(toks[i])
    i += 1
    if toks[i][0] == "string":
        pattern.append(toks[i])
        i += 1
        if toks[i][0] == "lang":
            i += 1
        elif toks[i] == ("punct", "^") and toks[i + 1] == ("punct", "^") and toks[i + 2][0] in ("iri", "pname"):
            i += 3
    elif toks[i][0] in _OBJECT or toks[i] in (("word", "TRUE"), ("word", "FALSE")):
        pattern.append(toks[i])
        i += 1
    else:
        return False
    if toks[i] == ("punct", "."):
        i += 1
    if toks[i] != ("punct", "}"):
        return False
    i += 1
    names = [value[1:] for kind, value in pattern if kind == "var"]
    if len(names) != len(set(names)):
        return False
    if first == ("word", "CONSTRUCT"):
        if not template:  # CONSTRUCT WHERE { tp }: the pattern is the template
            template = [pattern]
        if not any(set(names) <= {value[1:] for kind, value in triple if kind == "var"} for triple in template):
            return False
    seen: set[str] = set()
    while toks[i][0] != "end":
        keyword, number = toks[i], toks[i + 1]
        if keyword in (("word", "LIMIT"), ("word", "OFFSET")) and keyword[1] not in seen and number[0] == "number":
            if not number[1].isdigit():
                return False
            if keyword[1] == "OFFSET" and int(number[1]) > MAX_INLINE_OFFSET:
                return False
            seen.add(keyword[1])
            i += 2
        else:
            return False
    return True
