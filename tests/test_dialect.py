"""The Virtuoso dialect's pre-binding (server.store.dialect): decimals and booleans by STRDT, the
rest in a VALUES block; what the other stores get is the plain VALUES block."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from server.core.errors import BadRequest
from server.store.dialect import Dialect, Virtuoso
from server.store.prebind import prebind

XSD = "http://www.w3.org/2001/XMLSchema#"
SUBS = {
    "lang": ox.Literal("en"),
    "min": ox.Literal("1000.0", datatype=ox.NamedNode(XSD + "decimal")),
    "only": ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
}
QUERY = "SELECT ?x ?lang ?min ?only WHERE { ?x ?p ?v FILTER(?v >= ?min) } ORDER BY ?v"


def test_virtuoso_binds_decimals_and_booleans_with_strdt():
    text = prebind(QUERY, SUBS, Virtuoso().bind_block)
    assert 'VALUES (?lang) { ("en") }' in text
    assert f'BIND(STRDT("1000.0", <{XSD}decimal>) AS ?min)' in text
    assert f'BIND(STRDT("true", <{XSD}boolean>) AS ?only)' in text
    assert text.index("VALUES") < text.index("BIND") < text.index("?x ?p ?v")
    only_decimal = prebind(QUERY, {"min": SUBS["min"]}, Virtuoso().bind_block)
    assert "VALUES" not in only_decimal and "BIND(STRDT(" in only_decimal


def test_the_binding_means_the_same_as_a_values_block():
    """On the embedded engine both forms give the answer of pyoxigraph's own substitution."""
    store = ox.Store()
    for i, v in enumerate(("999.5", "1000.0", "2000")):
        store.add(
            ox.Quad(
                ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/p"), ox.Literal(v, datatype=SUBS["min"].datatype)
            )
        )

    def rows(text, subs=None):
        return [tuple(str(s[v]) for v in ("x", "lang", "min", "only")) for s in store.query(text, substitutions=subs)]

    native = rows(QUERY, {ox.Variable(k): t for k, t in SUBS.items()})
    assert len(native) == 2
    assert (
        rows(prebind(QUERY, SUBS, Virtuoso().bind_block)) == native == rows(prebind(QUERY, SUBS, Dialect().bind_block))
    )


def test_a_bad_variable_name_is_refused():
    with pytest.raises(BadRequest):
        Virtuoso().bind_block({"min) } DROP ALL #": SUBS["min"]})
