"""Exports: deterministic Turtle/TriG/N-Triples, round trips, every format parses back, /export."""

from __future__ import annotations

import gzip
import re

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from server.core.namespaces import history_graph, inferred_graph
from server.core.settings import Settings
from server.graph.turtle import write_ntriples, write_trig, write_turtle
from server.publish.export import export_bytes, export_filename
from server.store import EmbeddedStore

BASE = "http://localhost:8000/id/"
ARTICLE = BASE + "graph/article-2026-01-27"
INFERRED = inferred_graph(BASE)
HISTORY = history_graph(BASE)  # who wrote what when (server.graph.history)
KOZLOVSKY = BASE + "person/kozlovsky-aleksandr"
RDFLIB = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld", "rdf": "xml"}


@pytest.fixture(scope="module")
def settings():
    return Settings.from_env({}, memory=True)


def quads_of(store: EmbeddedStore, graphs: list[str]) -> set:
    return {(q.subject, q.predicate, q.object) for g in graphs for q in store.quads(g)}


def reload(data: bytes, fmt: ox.RdfFormat) -> EmbeddedStore:
    fresh = EmbeddedStore(None)
    fresh.load(data, fmt, None if fmt.supports_datasets else ARTICLE)
    return fresh


def parse_dataset(data: bytes, fmt: str) -> Dataset:
    return Dataset().parse(data=data, format=RDFLIB[fmt])


def datasets_isomorphic(a: Dataset, b: Dataset) -> bool:
    """Same named graphs, each isomorphic (rdflib compares graphs, not datasets)."""
    ga = {str(g.identifier): g for g in a.graphs() if len(g)}
    gb = {str(g.identifier): g for g in b.graphs() if len(g)}
    if set(ga) != set(gb):
        return False
    return all(isomorphic(_plain(ga[k]), _plain(gb[k])) for k in ga)


def _plain(g) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def test_turtle_is_byte_identical_and_survives_reload(seeded_store, settings):
    one = export_bytes(seeded_store, settings, graph=ARTICLE)
    two = export_bytes(seeded_store, settings, graph=ARTICLE)
    assert one == two
    # load the export into a fresh store (new blank node ids) and export again: same bytes
    again = export_bytes(reload(one, ox.RdfFormat.TURTLE), settings, graph=ARTICLE)
    assert again == one
    text = one.decode("utf-8")
    assert "@prefix pkg: <https://w3id.org/policykg/ontology/> ." in text
    assert "@prefix person: <http://localhost:8000/id/person/> ." in text
    # subjects are grouped and sorted; rdf:type comes first, labels next
    block = next(b for b in text.split("\n\n") if b.startswith("person:kozlovsky-aleksandr "))
    assert block.startswith("person:kozlovsky-aleksandr a pkg:Person ;\n    rdfs:label ")
    # selectors are inlined, not labelled
    assert "oa:hasSelector [" in text and "_:" not in text


def test_subjects_sorted_by_iri(seeded_store, settings):
    text = export_bytes(seeded_store, settings, graph=ARTICLE).decode()
    prefixes = dict(re.findall(r"^@prefix ([\w-]+): <([^>]+)> \.$", text, re.MULTILINE))
    heads = [block.split(" ", 1)[0] for block in text.split("\n\n")[1:]]

    def expand(head: str) -> str:
        if head.startswith("<"):
            return head[1:-1]
        name, _, local = head.partition(":")
        return prefixes[name] + local

    iris = [expand(h) for h in heads]
    assert iris == sorted(iris)
    g = Graph().parse(data=text, format="turtle")
    assert set(iris) == {str(s) for s in g.subjects() if isinstance(s, URIRef)}


def test_trig_and_nquads_deterministic_after_reload(seeded_store, settings):
    for fmt, ox_fmt in (("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS), ("nt", ox.RdfFormat.N_TRIPLES)):
        one = export_bytes(seeded_store, settings, fmt=fmt)
        assert one == export_bytes(seeded_store, settings, fmt=fmt)
        fresh = EmbeddedStore(None)
        fresh.load(one, ox_fmt, None if ox_fmt.supports_datasets else ARTICLE)
        if fmt != "nt":  # triple formats lose the graph names, so only compare the dataset formats
            assert export_bytes(fresh, settings, fmt=fmt) == one
    lines = export_bytes(seeded_store, settings, fmt="nq").decode().splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_round_trip_isomorphic(seeded_store, settings):
    dump = export_bytes(seeded_store, settings, fmt="trig")
    fresh = EmbeddedStore(None)
    fresh.load(dump, ox.RdfFormat.TRIG, None)
    graphs = [g.iri for g in seeded_store.graphs() if g.iri not in (INFERRED, HISTORY)]  # neither is exported
    assert sorted(g.iri for g in fresh.graphs()) == sorted(graphs)
    again = export_bytes(fresh, settings, fmt="trig")
    assert datasets_isomorphic(parse_dataset(dump, "trig"), parse_dataset(again, "trig"))
    for g in graphs:
        a = Graph().parse(data=export_bytes(seeded_store, settings, graph=g, fmt="nt"), format="nt")
        b = Graph().parse(data=export_bytes(fresh, settings, graph=g, fmt="nt"), format="nt")
        assert len(a) == seeded_store.triple_count(g) and isomorphic(a, b)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "rdf", "jsonld", "trig", "nq"])
def test_every_format_parses_back_isomorphic(seeded_store, settings, fmt):
    reference = Graph().parse(data=export_bytes(seeded_store, settings, graph=ARTICLE, fmt="nt"), format="nt")
    assert len(reference) == seeded_store.triple_count(ARTICLE)
    data = export_bytes(seeded_store, settings, graph=ARTICLE, fmt=fmt)
    if fmt in ("trig", "nq"):
        ds = parse_dataset(data, fmt)
        got = Graph()
        for t in ds.graph(URIRef(ARTICLE)):
            got.add(t)
    else:
        got = Graph().parse(data=data, format=RDFLIB[fmt])
    assert isomorphic(reference, got)


def test_dataset_formats_keep_graphs(seeded_store, settings):
    for fmt in ("trig", "nq", "jsonld"):
        ds = parse_dataset(export_bytes(seeded_store, settings, fmt=fmt), fmt)
        sizes = {str(g.identifier): len(g) for g in ds.graphs() if len(g)}
        assert sizes[ARTICLE] == seeded_store.triple_count(ARTICLE)
        assert INFERRED not in sizes  # asserted only by default


def test_inferred_flag(seeded_store, settings):
    asserted = parse_dataset(export_bytes(seeded_store, settings, fmt="trig"), "trig")
    assert INFERRED not in {str(g.identifier) for g in asserted.graphs() if len(g)}
    full = parse_dataset(export_bytes(seeded_store, settings, fmt="trig", inferred=True), "trig")
    assert len(full.graph(URIRef(INFERRED))) == seeded_store.triple_count(INFERRED) > 0
    # one graph with its inferences: the inverse pkg:proposed of Kozlovsky appears
    proposed = URIRef("https://w3id.org/policykg/ontology/proposed")
    plain = Graph().parse(data=export_bytes(seeded_store, settings, graph=ARTICLE), format="turtle")
    more = Graph().parse(data=export_bytes(seeded_store, settings, graph=ARTICLE, inferred=True), format="turtle")
    assert not list(plain.objects(URIRef(KOZLOVSKY), proposed))
    assert len(list(more.objects(URIRef(KOZLOVSKY), proposed))) >= 4
    assert len(more) > len(plain)


def test_graph_filter_and_unknown_graph(seeded_store, settings):
    g = Graph().parse(data=export_bytes(seeded_store, settings, graph=ARTICLE), format="turtle")
    expected = quads_of(seeded_store, [ARTICLE])
    assert len(g) == len(expected)
    assert (
        URIRef(KOZLOVSKY),
        URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
        Literal("Aleksandr Kozlovsky", lang="en"),
    ) in g
    from server.core.errors import NotFound

    with pytest.raises(NotFound):
        export_bytes(seeded_store, settings, graph=BASE + "graph/nope")


def test_blank_nodes_shared_cyclic_and_lists(settings):
    """Blank nodes that cannot be inlined get content-derived labels; lists become ( ... )."""
    ex = "http://example.org/"
    g1, g2 = ox.NamedNode(ex + "g1"), ox.NamedNode(ex + "g2")

    def build(order: int) -> list:
        a, b, c, lst1, lst2 = (ox.BlankNode() for _ in range(5))
        p = ox.NamedNode(ex + "p")
        st = [
            (ox.NamedNode(ex + "s"), p, a, g1),
            (ox.NamedNode(ex + "t"), p, a, g1),  # shared
            (b, p, c, g1),
            (c, p, b, g1),  # cycle
            (a, ox.NamedNode(ex + "name"), ox.Literal("shared"), g1),
            (ox.NamedNode(ex + "s"), ox.NamedNode(ex + "list"), lst1, g2),
            (
                lst1,
                ox.NamedNode(ox_rdf("first")),
                ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                g2,
            ),
            (lst1, ox.NamedNode(ox_rdf("rest")), lst2, g2),
            (lst2, ox.NamedNode(ox_rdf("first")), ox.Literal('two "quoted"\nline'), g2),
            (lst2, ox.NamedNode(ox_rdf("rest")), ox.NamedNode(ox_rdf("nil")), g2),
        ]
        return st if order == 0 else list(reversed(st))

    prefixes = {"ex": ex}
    one, two = write_trig(build(0), prefixes), write_trig(build(1), prefixes)
    assert one == two
    text = one.decode()
    assert '( 1 "two \\"quoted\\"\\nline" )' in text
    assert "_:b" in text
    ds = Dataset().parse(data=one, format="trig")
    assert len(ds.graph(URIRef(ex + "g1"))) == 5 and len(ds.graph(URIRef(ex + "g2"))) == 5
    ttl = write_turtle(build(0), prefixes)
    assert ttl == write_turtle(build(1), prefixes)
    assert len(Graph().parse(data=ttl, format="turtle")) == 10
    assert write_ntriples(build(0)) == write_ntriples(build(1))


def test_triple_terms_written_deterministically(settings):
    """RDF 1.2 triple terms are written <<( s p o )>> with content-derived labels for the blank
    nodes in them: the same bytes whatever the order and blank node ids, and reading the output
    back and writing it again gives it again."""
    from server.core.errors import NotAcceptable
    from server.protocol import formats
    from server.publish.export import serialize

    ex = "http://example.org/"
    p, q, g = ox.NamedNode(ex + "p"), ox.NamedNode(ex + "q"), ox.NamedNode(ex + "g")

    def build(order: int) -> list:
        x, y = ox.BlankNode(), ox.BlankNode()
        st = [
            (ox.NamedNode(ex + "a"), p, ox.Triple(ox.NamedNode(ex + "c"), q, ox.NamedNode(ex + "e")), g),
            (ox.NamedNode(ex + "a"), p, ox.Triple(x, q, ox.Triple(y, q, ox.Literal("lit", language="en"))), g),
            (x, q, y, g),  # the blank nodes of the triple term are also subject and object here
            (y, p, ox.Triple(y, q, ox.Literal("self")), g),
        ]
        return st if order == 0 else list(reversed(st))

    for name in ("ttl", "trig", "nt", "nq"):
        fmt = formats.BY_NAME[name]
        one = serialize(build(0), fmt, {"ex": ex})
        assert one == serialize(build(1), fmt, {"ex": ex}), name
        back = [(t.subject, t.predicate, t.object, g) for t in ox.parse(one, fmt.ox_rdf)]
        assert len(back) == 4 and serialize(back, fmt, {"ex": ex}) == one, name
    assert "ex:a ex:p <<( _:b" in serialize(build(0), formats.BY_NAME["ttl"], {"ex": ex}).decode()
    for name in ("jsonld", "rdf"):  # rdflib has no triple terms: a clear refusal
        with pytest.raises(NotAcceptable, match="triple terms"):
            serialize(build(0), formats.BY_NAME[name], {})


def test_http_export_of_triple_terms(client, store):
    from server.protocol import formats

    term = f'<<( <{KOZLOVSKY}> <http://xmlns.com/foaf/0.1/nick> "AK" )>>'
    store.update(f"INSERT DATA {{ GRAPH <{ARTICLE}> {{ <{KOZLOVSKY}> <http://example.org/said> {term} }} }}")
    koz = ox.NamedNode(KOZLOVSKY)
    nick = ox.Triple(koz, ox.NamedNode("http://xmlns.com/foaf/0.1/nick"), ox.Literal("AK"))
    said = (koz, ox.NamedNode("http://example.org/said"), nick)
    for name in ("ttl", "trig", "nt", "nq"):
        resp = client.get(f"/export?graph={ARTICLE}&format={name}")
        assert resp.status_code == 200, name
        reloaded = {(t.subject, t.predicate, t.object) for t in ox.parse(resp.data, formats.BY_NAME[name].ox_rdf)}
        assert said in reloaded and len(reloaded) == len(quads_of(store, [ARTICLE])), name
    resp = client.get(f"/export?graph={ARTICLE}&format=jsonld")
    assert resp.status_code == 406 and "triple terms" in resp.get_json()["error"]["message"]


def ox_rdf(local: str) -> str:
    return "http://www.w3.org/1999/02/22-rdf-syntax-ns#" + local


def test_literals_and_iris_are_escaped(settings):
    s = ox.NamedNode("http://example.org/a b".replace(" ", "%20"))
    st = [
        (s, ox.NamedNode("http://example.org/p"), ox.Literal(v), None)
        for v in ('quote " and \\ backslash', "tab\tcr\r", "Юникод «ёлки»", "\x01")
    ]
    st.append(
        (
            s,
            ox.NamedNode("http://example.org/p"),
            ox.Literal("3.50", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
            None,
        )
    )
    st.append(
        (
            s,
            ox.NamedNode("http://example.org/p"),
            ox.Literal("1e3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double")),
            None,
        )
    )
    data = write_turtle(st, {"ex": "http://example.org/"})
    g = Graph().parse(data=data, format="turtle")
    assert {str(o) for o in g.objects()} >= {'quote " and \\ backslash', "tab\tcr\r", "Юникод «ёлки»", "\x01"}
    assert len(g) == 6


def test_filename(settings):
    from server.protocol import formats

    assert export_filename(settings, "2026-01-27", None, formats.BY_NAME["trig"]) == "policykg-2026-01-27.trig"
    assert (
        export_filename(settings, "2026-01-27", ARTICLE, formats.BY_NAME["ttl"], gzip=True)
        == "policykg-article-2026-01-27-2026-01-27.ttl.gz"
    )


# -- HTTP ------------------------------------------------------------------------------------


def test_http_export_default_trig_with_filename(readonly_client, seeded_store):
    r = readonly_client.get("/export")
    assert r.status_code == 200 and r.mimetype == "application/trig"
    assert r.headers["Content-Disposition"] == 'attachment; filename="policykg-2026-01-27.trig"'
    ds = Dataset().parse(data=r.data, format="trig")
    assert len(ds.graph(URIRef(ARTICLE))) == seeded_store.triple_count(ARTICLE)
    assert "Accept-Encoding" in r.headers["Vary"]


def test_http_export_graph_conneg_and_format(readonly_client, seeded_store):
    r = readonly_client.get("/export", query_string={"graph": ARTICLE}, headers={"Accept": "application/n-triples"})
    assert r.mimetype == "application/n-triples"
    assert r.headers["Content-Disposition"].endswith('.nt"')
    g = Graph().parse(data=r.data, format="nt")
    assert len(g) == seeded_store.triple_count(ARTICLE)
    short = readonly_client.get("/export?graph=article-2026-01-27&format=ttl")
    assert short.mimetype == "text/turtle"
    assert isomorphic(Graph().parse(data=short.data, format="turtle"), g)
    assert readonly_client.get("/export?graph=nope-nope").status_code == 404
    bad = readonly_client.get("/export?inferred=maybe")
    assert bad.status_code == 400 and "inferred" in bad.json["error"]["message"]
    assert readonly_client.get("/export?format=csv").status_code == 400
    assert readonly_client.get("/export", headers={"Accept": "image/png"}).status_code == 406


def test_http_gzip_both_ways(readonly_client):
    plain = readonly_client.get("/export?graph=article-2026-01-27").data
    r = readonly_client.get("/export?graph=article-2026-01-27", headers={"Accept-Encoding": "gzip"})
    assert r.headers["Content-Encoding"] == "gzip" and gzip.decompress(r.data) == plain
    assert r.headers["Content-Disposition"].endswith('.ttl"')
    f = readonly_client.get("/export?graph=article-2026-01-27&compress=gzip")
    assert f.mimetype == "application/gzip" and "Content-Encoding" not in f.headers
    assert f.headers["Content-Disposition"] == 'attachment; filename="policykg-article-2026-01-27-2026-01-27.ttl.gz"'
    assert gzip.decompress(f.data) == plain
    # byte-identical gzip too (mtime 0)
    assert readonly_client.get("/export?graph=article-2026-01-27&compress=gzip").data == f.data


def test_http_etag_conditional(readonly_client):
    r = readonly_client.get("/export?format=nq")
    again = readonly_client.get("/export?format=nq", headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304


def test_http_inferred(readonly_client, seeded_store):
    r = readonly_client.get("/export?inferred=true&format=nq")
    ds = Dataset().parse(data=r.data, format="nquads")
    assert len(ds.graph(URIRef(INFERRED))) == seeded_store.triple_count(INFERRED)


def test_cli_export_inferred_and_formats(tmp_path):
    from server.cli.main import main

    d = str(tmp_path / "store")
    assert CliRunner().invoke(main, ["load", "--data-dir", d]).exit_code == 0
    res = CliRunner().invoke(main, ["export", "--graph", ARTICLE, "--format", "ttl", "--data-dir", d])
    assert res.exit_code == 0, res.output
    g = Graph().parse(data=res.output, format="turtle")
    assert (URIRef(KOZLOVSKY), None, None) in g
    plain = CliRunner().invoke(main, ["export", "--format", "nq", "--data-dir", d]).output
    full = CliRunner().invoke(main, ["export", "--format", "nq", "--inferred", "--data-dir", d]).output
    assert f"<{INFERRED}>" not in plain and f"<{INFERRED}>" in full
    assert set(plain.splitlines()) < set(full.splitlines())


def test_exported_graph_passes_shacl_again(seeded_store, settings, tmp_path):
    """A dump is valid data: the exported article graph conforms to the shapes again."""
    from server.graph.validate import validate_file

    path = tmp_path / "article-2026-01-27.ttl"
    path.write_bytes(export_bytes(seeded_store, settings, graph=ARTICLE))
    assert validate_file(path).conforms


def test_http_export_follows_writes(client, store):
    first = client.get("/export?format=nq").data
    assert client.get("/export?format=nq").data == first  # served again (from the cache)
    store.update(f'INSERT DATA {{ GRAPH <{ARTICLE}> {{ <{KOZLOVSKY}> <http://xmlns.com/foaf/0.1/nick> "AK" }} }}')
    after = client.get("/export?format=nq").data.decode()
    assert f'<{KOZLOVSKY}> <http://xmlns.com/foaf/0.1/nick> "AK" <{ARTICLE}> .' in after
