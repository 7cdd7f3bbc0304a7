"""Hypothesis strategies: SPARQL queries and updates (grammar-ish and mutated W3C syntax tests),
headers, IRIs, query strings and RDF payloads (valid, mutated, badly encoded)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

W3C = Path(__file__).resolve().parents[3] / "shared" / "w3c" / "sparql" / "sparql11"


def _read_all(folder: str, pattern: str) -> list[str]:
    out = []
    for p in sorted((W3C / folder).glob(pattern)):
        try:
            out.append(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return out


W3C_QUERIES = _read_all("syntax-query", "*.rq") or ["SELECT * WHERE { ?s ?p ?o }"]
W3C_UPDATES = (_read_all("syntax-update-1", "*.ru") + _read_all("syntax-update-2", "*.ru")) or ["CLEAR ALL"]

BASE = "http://localhost:8000/id/"
DATA_IRIS = [
    BASE + "person/kozlovsky-aleksandr",
    BASE + "org/akit",
    BASE + "graph/article-2026-01-27",
    "https://w3id.org/policykg/ontology/Person",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://example.org/x",
    "urn:x:y",
    "http://127.0.0.1:1/",
    "file:///etc/passwd",
    "javascript:alert(1)",
]
PREDICATES = ["rdfs:label", "a", "pkg:proposedBy", "pkg:targets", "org:memberOf", "skos:altLabel", "pkg:evidence"]
NASTY = [
    "",
    "'",
    '"',
    "\\",
    "\x00",
    "\x7f",
    "\ud7ff",
    "\ufeff",
    "\u202e",
    "é",
    "Ж",
    "😀",
    "%00",
    "%",
    "%zz",
    "<",
    ">",
    "{",
    "}",
    "#",
    "?",
    "&",
    "=",
    ";",
    "..",
    "../",
    "\r\n",
    "\t",
    " ",
    "*/*",
    "a" * 300,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "=cmd|' /C calc'!A0",
]

text_chars = st.characters(codec="utf-8", exclude_categories=("Cs",))
nasty_text = st.one_of(
    st.sampled_from(NASTY), st.text(text_chars, max_size=40), st.lists(st.sampled_from(NASTY), max_size=4).map("".join)
)

PREFIXES = (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX pkg: <https://w3id.org/policykg/ontology/> "
    "PREFIX org: <http://www.w3.org/ns/org#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
)

var = st.sampled_from(["?s", "?o", "?x", "?y", "$z", "?label"])
iri = st.sampled_from(DATA_IRIS).map(lambda i: f"<{i}>")
literal = st.one_of(
    st.text(text_chars, max_size=20).map(
        lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'
    ),
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(
        [
            '"x"@ru',
            '"x"@en-GB',
            '"1"^^xsd:integer',
            '"abc"^^xsd:integer',
            '"2026-13-45"^^xsd:date',
            '"NaN"^^xsd:double',
            '"-0"^^xsd:decimal',
            '"<a>"^^rdf:XMLLiteral',
            "true",
            "1e400",
        ]
    ),
)
term = st.one_of(var, iri, literal)
path = st.one_of(
    st.sampled_from(PREDICATES),
    st.sampled_from(PREDICATES).map(lambda p: f"{p}*" if p != "a" else "rdf:type*"),
    st.tuples(st.sampled_from(PREDICATES[1:]), st.sampled_from(PREDICATES[1:])).map(lambda t: f"({t[0]}|^{t[1]})+"),
    st.sampled_from(PREDICATES[1:]).map(lambda p: f"!({p}|^{p})"),
)
triple = st.tuples(st.one_of(var, iri), path, term).map(lambda t: " ".join(t))
expr = st.one_of(
    st.tuples(var, literal).map(lambda t: f"{t[0]} = {t[1]}"),
    st.tuples(var, literal).map(lambda t: f'REGEX(STR({t[0]}), {t[1]}, "i")'),
    st.tuples(var, st.sampled_from(['"(a+)+$"', '"[["', '"a{99999}"', '"\\\\"', '"(?i)x"', '"a{1000}{1000}"'])).map(
        lambda t: f"REGEX(STR({t[0]}), {t[1]})"
    ),
    st.tuples(var, st.integers(-5, 10**12), st.integers(-5, 10**12)).map(
        lambda t: f"STRLEN(SUBSTR(STR({t[0]}), {t[1]}, {t[2]})) > 0"
    ),
    st.tuples(var, literal).map(lambda t: f"xsd:integer({t[0]}) / {t[1]} > 1"),
    st.tuples(var, literal).map(lambda t: f"LANGMATCHES(LANG({t[0]}), {t[1]})"),
    st.tuples(var, literal).map(lambda t: f"isIRI(IRI(CONCAT(STR({t[0]}), {t[1]})))"),
    st.tuples(var, literal).map(lambda t: f"CONTAINS(ENCODE_FOR_URI(STR({t[0]})), {t[1]})"),
    st.tuples(var, literal).map(lambda t: f"STRDT({t[1]}, xsd:dateTime) < NOW() || BNODE({t[1]}) = {t[0]}"),
    var.map(lambda v: f"SHA512(STR({v})) != MD5(STR({v})) && UUID() != STRUUID()"),
    var.map(lambda v: f"EXISTS {{ {v} ?pp ?oo }}"),
)


@st.composite
def group(draw, depth: int = 0) -> str:
    parts = draw(st.lists(triple, min_size=1, max_size=2))
    body = " . ".join(parts)
    extras = draw(
        st.lists(
            st.sampled_from(
                ["filter", "optional", "union", "minus", "values", "bind", "graph", "sub"]
                if depth < 2
                else ["filter", "values", "bind"]
            ),
            max_size=2,
        )
    )
    for e in extras:
        if e == "filter":
            body += f" FILTER({draw(expr)})"
        elif e == "optional":
            body += f" OPTIONAL {{ {draw(group(depth + 1))} }}"
        elif e == "union":
            body = f"{{ {body} }} UNION {{ {draw(group(depth + 1))} }}"
        elif e == "minus":
            body += f" MINUS {{ {draw(group(depth + 1))} }}"
        elif e == "values":
            body += f" VALUES {draw(var)} {{ {' '.join(draw(st.lists(st.one_of(iri, literal, st.just('UNDEF')), max_size=3)))} }}"
        elif e == "bind":
            body += f" BIND({draw(st.one_of(literal, var))} AS ?bound{depth})"
        elif e == "graph":
            body = f"GRAPH {draw(st.one_of(var, iri))} {{ {body} }}"
        elif e == "sub":
            body += f" {{ SELECT * WHERE {{ {draw(group(depth + 1))} }} LIMIT 5 }}"
    return body


@st.composite
def grammar_query(draw) -> str:
    where = draw(group())
    form = draw(st.sampled_from(["select", "select", "count", "concat", "ask", "construct", "describe"]))
    if form == "select":
        head = f"SELECT {draw(st.sampled_from(['*', 'DISTINCT *', 'REDUCED ?s', '?s ?o', '(STR(?s) AS ?t) ?o']))}"
    elif form == "count":
        head = "SELECT ?s (COUNT(*) AS ?n)"
    elif form == "concat":
        head = 'SELECT (GROUP_CONCAT(STR(?o); SEPARATOR="|") AS ?all) (SAMPLE(?s) AS ?one)'
    elif form == "ask":
        head = "ASK"
    elif form == "construct":
        head = f"CONSTRUCT {{ {draw(triple)} }}"
    else:
        head = f"DESCRIBE {draw(st.one_of(var, iri))}"
    mods = draw(
        st.sampled_from(
            [
                "",
                " ORDER BY ?s",
                " LIMIT 7",
                " OFFSET 3 LIMIT 2",
                " ORDER BY DESC(STR(?o)) LIMIT 3",
                " LIMIT 99999999999999999999",
                " OFFSET -1",
            ]
        )
    )
    if form == "count":
        mods = " GROUP BY ?s HAVING (COUNT(*) > 0)" + mods
    return f"{PREFIXES}{head} WHERE {{ {where} }}{mods}"


@st.composite
def mutated(draw, corpus: list[str]) -> str:
    """A W3C syntax test text with a few random edits (delete, insert, duplicate, truncate, swap)."""
    text = draw(st.sampled_from(corpus))
    for _ in range(draw(st.integers(0, 4))):
        if not text:
            break
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 12)))
        op = draw(st.sampled_from(["delete", "insert", "dup", "truncate", "swapcase", "token"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(nasty_text) + text[i:]
        elif op == "dup":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "truncate":
            text = text[:i]
        elif op == "swapcase":
            text = text[:i] + text[i:j].swapcase() + text[j:]
        else:
            text = (
                text[:i]
                + " "
                + draw(
                    st.sampled_from(
                        [
                            "{",
                            "}",
                            "(",
                            ")",
                            ".",
                            ";",
                            ",",
                            "SERVICE",
                            "LOAD",
                            "GRAPH",
                            "FILTER",
                            "OPTIONAL",
                            "*",
                            "+",
                            "?",
                            "^^",
                            "@",
                            "_:b",
                            "[]",
                            "<>",
                            "<http://127.0.0.1:1/>",
                            "UNION",
                            "\\u0053ERVICE",
                            "'''",
                            '"',
                            "#",
                            "\\",
                        ]
                    )
                )
                + " "
                + text[i:]
            )
    return text


sparql_query = st.one_of(grammar_query(), mutated(W3C_QUERIES), st.text(text_chars, max_size=80))

updates_grammar = st.one_of(
    st.tuples(iri, st.sampled_from(PREDICATES[:-1]), term).map(
        lambda t: (
            PREFIXES
            + f"INSERT DATA {{ GRAPH <http://example.org/fuzz> {{ {t[0]} {t[1] if t[1] != 'a' else 'rdfs:label'} "
            f"{t[2] if not t[2].startswith(('?', '$')) else '1'} }} }}"
        )
    ),
    st.tuples(iri, term).map(lambda t: PREFIXES + f"DELETE DATA {{ {t[0]} rdfs:label {t[1]} }}"),
    st.builds(lambda g: PREFIXES + f'DELETE {{ ?s ?p ?o }} INSERT {{ ?s rdfs:comment "x" }} WHERE {{ {g} }}', group()),
    st.sampled_from(
        [
            "CLEAR ALL",
            "CLEAR DEFAULT",
            "DROP SILENT GRAPH <http://example.org/none>",
            "DROP GRAPH <urn:x>",
            "CREATE GRAPH <http://localhost:8000/id/graph/article-2026-01-27>",
            "ADD <http://localhost:8000/id/graph/ontology> TO <http://example.org/copy>",
            "MOVE DEFAULT TO GRAPH <http://example.org/m>",
            "COPY SILENT <urn:a> TO <urn:b>",
            "LOAD <http://127.0.0.1:1/x>",
            "LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:g>",
            "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
            "DELETE WHERE { ?s ?p ?o }",
            "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        ]
    ),
)
sparql_update = st.one_of(updates_grammar, mutated(W3C_UPDATES), st.text(text_chars, max_size=80))

MEDIA = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "application/trig",
    "application/n-quads",
    "text/html",
    "application/json",
    "application/xml",
    "*/*",
    "text/*",
    "image/png",
    "application/sparql-query",
    "application/sparql-update",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
]
media_range = st.one_of(
    st.sampled_from(MEDIA),
    st.tuples(st.sampled_from(MEDIA), st.sampled_from(["0", "1", "0.5", "0.001", "2", "-1", "abc", "", "1.0000"])).map(
        lambda t: f"{t[0]};q={t[1]}"
    ),
    st.tuples(
        st.sampled_from(MEDIA),
        st.sampled_from(
            [
                "charset=utf-8",
                "charset=latin-1",
                "charset=",
                "charset=utf-16",
                "boundary=x",
                "a=b=c",
                ";;",
                'profile="x"',
            ]
        ),
    ).map(lambda t: f"{t[0]}; {t[1]}"),
    nasty_text,
)


def header_safe(value: str) -> str:
    """Header values cannot carry CR, LF or NUL (clients refuse to send them)."""
    return value.replace("\r", "").replace("\n", "").replace("\x00", "")


accept_header = st.lists(media_range, max_size=5).map(", ".join).map(header_safe)
auth_header = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(
        [
            "Bearer",
            "Bearer ",
            "Basic dXNlcjpwYXNz",
            "bearer wrong",
            "Token x",
            "Bearer test-token-0123456789x",
            "Bearer  test-token-012345678",
        ]
    ),
    nasty_text.map(lambda t: "Bearer " + t),
).map(lambda v: v if v is None else header_safe(v))
path_segment = st.one_of(
    st.sampled_from(
        [
            "person/kozlovsky-aleksandr",
            "org/akit",
            "graph/ontology",
            "x",
            "",
            "/",
            "//",
            "..",
            "../..",
            "%2e%2e/%2e%2e",
            "..%2f..%2fetc%2fpasswd",
            "a.ttl",
            "a.rdf",
            "a.jsonld",
            "a.nt",
            "a.html",
            "person/kozlovsky-aleksandr.ttl",
            "org/akit.exe",
            "%00",
            "%ff%fe",
            "%C0%AE%C0%AE/",
            "person/%3Cscript%3E",
            "a?b=c",
            "a#b",
            "x" * 2000,
        ]
    ),
    nasty_text,
)
