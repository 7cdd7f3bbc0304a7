"""SELECT results written in one native pass (``render(..., again=...)``): the same rows, caps,
truncation flags and counts as the capped TSV pass, whatever the literals hold."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from server.protocol.results import render

STORE = ox.Store()
for i, text in enumerate(
    [
        'a "quoted", comma\nnew\tline\\',
        "},{ },{ },{ },{",  # JSON's row separator, in a literal
        "<result></result><result>",  # XML's row element, escaped in text
        "\r\n\n\n\n\r\n",  # CSV's line ends, in a quoted value
        "plain",
        "<&>",
    ]
):
    STORE.add(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"), ox.Literal(text)))
Q = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"


def rows(body: bytes, fmt: str) -> list[list[str]]:
    if fmt == "csv":
        return list(csv.reader(io.StringIO(body.decode(), newline="")))[1:]
    parsed = ox.parse_query_results(body, ox.QueryResultsFormat.from_extension(fmt))
    return [[str(s["s"]), str(s["o"])] for s in parsed]


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
@pytest.mark.parametrize("cap", [1, 2, 5, 6, 7, 100])
def test_one_pass_equals_the_capped_pass(fmt, cap):
    again_calls = []

    def again():
        again_calls.append(1)
        return STORE.query(Q)

    once = render(STORE.query(Q), fmt=fmt, max_rows=cap, again=again)
    capped = render(STORE.query(Q), fmt=fmt, max_rows=cap)
    assert once.truncated is capped.truncated is (cap < 6)
    assert once.count == capped.count == min(cap, 6)
    assert rows(once.body, fmt) == rows(capped.body, fmt) == rows(STORE.query(Q).serialize(format=_ox(fmt)), fmt)[:cap]
    if cap >= 6:  # under the cap: pyoxigraph's own bytes
        assert once.body == STORE.query(Q).serialize(format=_ox(fmt))
    if cap == 100:  # the literals' marks do not reach the bound: evaluated once
        assert not again_calls
    if fmt == "json":
        assert json.loads(once.body).get("truncated", False) is (cap < 6)


def _ox(fmt: str) -> ox.QueryResultsFormat:
    return ox.QueryResultsFormat.from_extension(fmt)


def test_large_result_counts_across_chunks():
    store = ox.Store()
    for i in range(5000):
        store.add(ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal("v" * (i % 50))))
    q = "SELECT ?s ?o WHERE { ?s ?p ?o }"
    for fmt in ("json", "xml", "csv"):
        for cap, truncated in ((5000, False), (4999, True), (10_000, False)):
            out = render(store.query(q), fmt=fmt, max_rows=cap, again=lambda: store.query(q))
            assert out.truncated is truncated and out.count == min(cap, 5000), (fmt, cap)
            assert len(rows(out.body, fmt)) == min(cap, 5000)


def test_rows_without_bindings_and_ask():
    q = "SELECT ?x WHERE { VALUES ?x { UNDEF UNDEF 1 } }"
    for fmt in ("json", "xml", "csv"):
        out = render(STORE.query(q), fmt=fmt, max_rows=2, again=lambda: STORE.query(q))
        assert out.truncated and out.count == 2
        out = render(STORE.query(q), fmt=fmt, max_rows=3, again=lambda: STORE.query(q))
        assert not out.truncated and out.count == 3
    ask = render(STORE.query("ASK {}"), fmt="json", again=lambda: STORE.query("ASK {}"))
    assert json.loads(ask.body) == {"head": {}, "boolean": True} and ask.count is None
