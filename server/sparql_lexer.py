"""A small SPARQL tokenizer: enough to find keywords (SERVICE, LOAD, FROM, USING, WITH,
WHERE) reliably. Strings, IRIs, comments, prefixed names, variables, blank nodes and
language tags are tokens of their own, so the word "service" inside them is never taken for
the keyword. Token rules follow the SPARQL 1.1 grammar (section 19.8), longest match first,
as Oxigraph's parser does (e.g. ``?s ?p ?o .SERVICE`` and ``1.SERVICE`` contain the keyword,
``ex:a.SERVICE`` is one prefixed name). Oxigraph does not decode \\u escapes outside strings,
so keywords always appear spelled out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Token:
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
