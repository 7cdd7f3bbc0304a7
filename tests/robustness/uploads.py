"""Hypothesis strategy for uploaded RDF: (Content-Type, body bytes). Valid documents in every
accepted syntax, mutated ones, broken encodings, XML entity tricks and random bytes."""

from __future__ import annotations

import json

from hypothesis import strategies as st

from .strategies import DATA_IRIS, nasty_text, text_chars


def _esc(t: str) -> str:
    return t.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _xml(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


lit = st.text(text_chars, max_size=30)
subj = st.sampled_from(DATA_IRIS[:6])


@st.composite
def turtle(draw) -> tuple[str, bytes]:
    rows = draw(
        st.lists(
            st.tuples(subj, lit, st.sampled_from(["", "@ru", "@en", "^^<http://www.w3.org/2001/XMLSchema#integer>"])),
            max_size=4,
        )
    )
    text = "@prefix ex: <http://example.org/> .\n" + "".join(
        f'<{s}> ex:p "{_esc(o)}"{suffix} .\n' for s, o, suffix in rows
    )
    return draw(st.sampled_from(["text/turtle", "text/turtle; charset=utf-8", "application/x-turtle"])), text.encode()


@st.composite
def ntriples(draw) -> tuple[str, bytes]:
    rows = draw(st.lists(st.tuples(subj, lit), max_size=4))
    return "application/n-triples", "".join(f'<{s}> <http://example.org/p> "{_esc(o)}" .\n' for s, o in rows).encode()


@st.composite
def rdfxml(draw) -> tuple[str, bytes]:
    rows = draw(st.lists(st.tuples(subj, lit), max_size=3))
    body = "".join(f'<rdf:Description rdf:about="{_xml(s)}"><ex:p>{_xml(o)}</ex:p></rdf:Description>' for s, o in rows)
    doctype = draw(
        st.sampled_from(
            [
                "",
                (
                    '<!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                ),
                '<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
                '<!DOCTYPE rdf:RDF [<!entity xxe SYSTEM "http://127.0.0.1:1/x">]>',
                '<!DOCTYPE rdf:RDF SYSTEM "http://127.0.0.1:1/dtd">',
                '<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>',
            ]
        )
    )
    ref = "&c;" if "ENTITY c" in doctype else ("&xxe;" if "xxe" in doctype else "")
    text = (
        f'<?xml version="1.0"?>{doctype}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        f'xmlns:ex="http://example.org/">{body}<rdf:Description rdf:about="http://example.org/e"><ex:p>{ref}'
        f"</ex:p></rdf:Description></rdf:RDF>"
    )
    enc = draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le"]))
    ctype = "application/rdf+xml" + ("" if enc == "utf-8" else draw(st.sampled_from(["", f"; charset={enc}"])))
    return ctype, text.encode(enc)


@st.composite
def jsonld(draw) -> tuple[str, bytes]:
    rows = draw(st.lists(st.tuples(subj, lit), max_size=3))
    ctx = draw(
        st.sampled_from(
            [
                {"ex": "http://example.org/"},
                "http://127.0.0.1:1/context.jsonld",
                "file:///etc/passwd",
                {"@import": "http://127.0.0.1:1/c"},
                {"@vocab": "x"},
            ]
        )
    )
    doc = {"@context": ctx, "@graph": [{"@id": s, "ex:p": o} for s, o in rows]}
    return "application/ld+json", json.dumps(doc).encode()


@st.composite
def dataset(draw) -> tuple[str, bytes]:
    rows = draw(st.lists(st.tuples(subj, lit, st.sampled_from(DATA_IRIS[:4])), max_size=3))
    if draw(st.booleans()):
        return "application/n-quads", "".join(
            f'<{s}> <http://example.org/p> "{_esc(o)}" <{g}> .\n' for s, o, g in rows
        ).encode()
    return "application/trig", "".join(
        f'<{g}> {{ <{s}> <http://example.org/p> "{_esc(o)}" }}\n' for s, o, g in rows
    ).encode()


@st.composite
def mutate(draw, base) -> tuple[str, bytes]:
    ctype, body = draw(base)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(body)))
        op = draw(st.sampled_from(["delete", "insert", "truncate", "bytes"]))
        if op == "delete":
            body = body[:i] + body[i + draw(st.integers(1, 8)) :]
        elif op == "insert":
            body = body[:i] + draw(nasty_text).encode("utf-8", "surrogatepass") + body[i:]
        elif op == "truncate":
            body = body[:i]
        else:
            body = body[:i] + draw(st.binary(min_size=1, max_size=6)) + body[i:]
    return ctype, body


@st.composite
def badly_encoded(draw) -> tuple[str, bytes]:
    ctype, body = draw(st.one_of(turtle(), ntriples(), rdfxml(), jsonld()))
    text = body.decode("utf-8", "replace") + ' # é Жж "ü"'
    enc = draw(st.sampled_from(["latin-1", "cp1251", "utf-16", "utf-32", "koi8-r"]))
    data = text.encode(enc, "replace")
    declared = draw(
        st.sampled_from(
            [
                "",
                "; charset=utf-8",
                f"; charset={enc}",
                "; charset=nonsense",
                "; charset=utf-7",
                "; charset=idna",
                "; charset=rot13",
                "; charset=base64",
                "; charset=zlib",
            ]
        )
    )
    return ctype.split(";")[0] + declared, data


rdf_upload = lambda: st.one_of(
    turtle(),
    ntriples(),
    rdfxml(),
    jsonld(),
    dataset(),
    mutate(st.one_of(turtle(), rdfxml(), jsonld(), ntriples())),
    badly_encoded(),
    st.tuples(
        st.one_of(
            st.none(),
            st.sampled_from(
                [
                    "text/turtle",
                    "application/rdf+xml",
                    "application/ld+json",
                    "multipart/form-data",
                    "multipart/form-data; boundary=x",
                    "text/plain",
                    "application/json",
                ]
            ),
            nasty_text,
        ),
        st.binary(max_size=300),
    ),
)
