"""HTTP-level tests of the linked-data browser (server/views/browse.py, server/browse/)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from server.app.factory import create_app, ensure_seeded
from server.browse import search as search_mod
from server.browse.i18n import pick_language
from server.core.namespaces import PKG
from server.core.settings import Settings
from server.store import EmbeddedStore

BASE = "http://localhost:8000/id/"
KOZ = BASE + "person/kozlovsky-aleksandr"
PROPOSAL = BASE + "proposal/lower-capital-investment-lending-threshold"
STATEMENT = BASE + "statement/meeting-held"
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
XSS = "<script>alert(1)</script>"
N_SPOKES = 60

EXTRA = f"""
@prefix pkg: <{PKG}> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix ex: <http://example.org/test#> .
<{BASE}test/xss> a pkg:Person ; rdfs:label "{XSS}"@en , "{XSS}"@ru ;
    rdfs:comment "\\" onmouseover=\\"alert(2)"@en ; pkg:evidence <{BASE}test/xss-statement> .
<{BASE}test/xss-statement> a pkg:Statement ; rdfs:label "XSS statement"@en ;
    oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "<img src=x onerror=alert(3)>" ] ;
    pkg:speaker <{BASE}test/xss> ; pkg:isDirectQuote true ; dcterms:source <{BASE}test/source> .
<{BASE}test/source> a pkg:Source ; rdfs:label "Source with a bad link"@en ; dcterms:date "2026-02-01" ;
    foaf:page <javascript:alert(4)> .
<{BASE}test/o'quote> rdfs:label "He said \\"hi\\" & 'bye'"@en ; pkg:supports <{BASE}test/xss> .
<{BASE}test/hub> rdfs:label "Hub"@en .
""" + "".join(
    f'<{BASE}test/spoke-{i:02d}> a ex:Spoke ; rdfs:label "Spoke {i:02d}"@en ; pkg:supports <{BASE}test/hub> .\n'
    for i in range(N_SPOKES)
)
DRAFT = f"""<{BASE}test/drafty> a <{PKG}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> "Drafty"@en ."""


@pytest.fixture(scope="module")
def bstore():
    """The seed data + reasoning, plus hostile and bulk test data (one per module: seeding costs)."""
    settings = Settings.from_env({}, memory=True)
    st = EmbeddedStore(None)
    ensure_seeded(st, settings)
    st.load(EXTRA.encode(), ox.RdfFormat.TURTLE, BASE + "graph/test-browse")
    st.load(DRAFT.encode(), ox.RdfFormat.TURTLE, BASE + "graph/draft/test")
    return st


@pytest.fixture(scope="module")
def c(bstore):
    return create_app(Settings.from_env({}, memory=True), store=bstore).test_client()


# -- a small HTML reader (html.parser) --------------------------------------------------------

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
    "path",
    "rect",
    "line",
}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children, self.parts = tag, dict(attrs), parent, [], []

    @property
    def text(self) -> str:
        return " ".join("".join(self._texts()).split())

    def _texts(self):
        for part in self.parts:
            yield part if isinstance(part, str) else "".join(part._texts())

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        yield self
        for ch in self.children:
            yield from ch.iter()

    def find_all(self, tag=None, cls=None):
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())]

    def find(self, tag=None, cls=None):
        found = self.find_all(tag, cls)
        return found[0] if found else None


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node("#root", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        self.cur.parts.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        self.cur.parts.append(node)

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.parts.append(data)


def html(resp) -> Node:
    assert resp.mimetype == "text/html", resp.mimetype
    r = Reader()
    r.feed(resp.get_data(as_text=True))
    return r.root


def links(doc: Node) -> dict[str, str]:
    return {a.attrs.get("href"): a.text for a in doc.find_all("a")}


def select(store, sparql, **subs):
    return list(store.query(sparql, substitutions=subs))


# -- dereferencing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept, location",
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/page/person/kozlovsky-aleksandr"),
        ("text/turtle", "/data/person/kozlovsky-aleksandr.ttl"),
        ("application/n-triples", "/data/person/kozlovsky-aleksandr.nt"),
        ("application/rdf+xml", "/data/person/kozlovsky-aleksandr.rdf"),
        ("application/ld+json", "/data/person/kozlovsky-aleksandr.jsonld"),
        ("text/turtle;q=0.5, text/html;q=0.9", "/page/person/kozlovsky-aleksandr"),
    ],
)
def test_id_redirects_by_accept(c, accept, location):
    r = c.get("/id/person/kozlovsky-aleksandr", headers={"Accept": accept})
    assert r.status_code == 303
    assert urlsplit(r.headers["Location"]).path == location
    assert "Accept" in r.headers["Vary"]


def test_id_unknown_is_404_page(c):
    r = c.get("/id/person/nobody-at-all", headers={"Accept": "text/html"})
    assert r.status_code == 404
    doc = html(r)
    assert "404" in doc.find("h1").text
    assert "Content-Security-Policy" in r.headers


def test_id_not_acceptable(c):
    r = c.get("/id/person/kozlovsky-aleksandr", headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_links_under_a_script_root(c):
    """Mounted under a path prefix (reverse proxy, SCRIPT_NAME): every link keeps the prefix."""
    r = c.get("/page/person/kozlovsky-aleksandr", base_url="http://localhost/kg")
    doc = html(r)
    hrefs = [a.attrs["href"] for a in doc.find_all("a") if a.attrs.get("href", "").startswith("/")]
    assert hrefs and all(h.startswith("/kg/") for h in hrefs)
    assert doc.find("link").attrs["href"] == "/kg/static/style.css"
    r = c.get("/id/person/kozlovsky-aleksandr", base_url="http://localhost/kg", headers={"Accept": "text/html"})
    assert urlsplit(r.headers["Location"]).path == "/kg/page/person/kozlovsky-aleksandr"


def test_base_iri_from_settings_not_host(bstore):
    """Behind a proxy the IRI is base_iri + path, whatever Host says."""
    settings = Settings.from_env({}, memory=True)
    client = create_app(settings, store=bstore).test_client()
    r = client.get("/page/person/kozlovsky-aleksandr.json", headers={"Host": "example.net"})
    assert r.get_json()["iri"] == KOZ


# -- data documents (CBD) -----------------------------------------------------------------------


def expected_cbd(store, iri: str, doc: str) -> Graph:
    """Independently: all triples of the subject in any graph, blank nodes closed, object labels."""
    union = Graph()
    for q in store.quads():

        def conv(t):
            if isinstance(t, ox.NamedNode):
                return URIRef(t.value)
            if isinstance(t, ox.BlankNode):
                return BNode(t.value)
            if t.language:
                return Literal(t.value, lang=t.language)
            if t.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
                return Literal(t.value)
            return Literal(t.value, datatype=URIRef(t.datatype.value))

        union.add((conv(q.subject), conv(q.predicate), conv(q.object)))
    out, todo, seen = Graph(), [URIRef(iri)], set()
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        for p, o in union.predicate_objects(s):
            out.add((s, p, o))
            if isinstance(o, BNode):
                todo.append(o)
            if isinstance(o, URIRef):
                for lab in union.objects(o, RDFS.label):
                    out.add((o, RDFS.label, lab))
    out.add((URIRef(doc), FOAF.primaryTopic, URIRef(iri)))
    return out


def without_doc_descriptions(g: Graph, doc: str) -> Graph:
    out = Graph()
    for t in g:
        if not (t[0] == URIRef(doc) and t[1] == DCT.description):
            out.add(t)
    return out


@pytest.mark.parametrize(
    "path, headers, rdflib_format",
    [
        ("/data/person/kozlovsky-aleksandr.ttl", {}, "turtle"),
        ("/data/person/kozlovsky-aleksandr.nt", {}, "nt"),
        ("/data/person/kozlovsky-aleksandr.rdf", {}, "xml"),
        ("/data/person/kozlovsky-aleksandr.jsonld", {}, "json-ld"),
        ("/data/person/kozlovsky-aleksandr", {"Accept": "application/n-triples"}, "nt"),
        ("/data/statement/meeting-held", {"Accept": "text/turtle"}, "turtle"),
    ],
)
def test_data_document_is_the_cbd(c, bstore, path, headers, rdflib_format):
    r = c.get(path, headers=headers)
    assert r.status_code == 200, r.data
    got = Graph().parse(data=r.data, format=rdflib_format)
    iri = (
        BASE + path.split("/data/", 1)[1].rsplit(".", 1)[0]
        if "." in path.rsplit("/", 1)[1]
        else BASE + path.split("/data/", 1)[1]
    )
    doc = "http://localhost" + path
    # the document says what it is, in en and ru
    descriptions = {str(o.language): str(o) for o in got.objects(URIRef(doc), DCT.description)}
    assert set(descriptions) == {"en", "ru"} and "Concise bounded description" in descriptions["en"]
    assert isomorphic(without_doc_descriptions(got, doc), expected_cbd(bstore, iri, doc))


def test_data_format_parameter_and_blank_nodes(c, bstore):
    r = c.get("/data/statement/meeting-held?format=nt")
    assert r.headers["Content-Type"].startswith("application/n-triples")
    g = Graph().parse(data=r.data, format="nt")
    exact = list(g.objects(None, URIRef("http://www.w3.org/ns/oa#exact")))
    assert exact and str(exact[0]).startswith("В Государственной Думе")


def test_data_errors(c):
    def error(resp, status: int, code: str) -> str:
        assert resp.status_code == status and resp.mimetype == "application/json", resp.data
        body = resp.get_json()["error"]
        assert (body["status"], body["code"]) == (status, code)
        return body["message"]

    # an unknown resource: the message names the IRI the path stands for
    assert error(c.get("/data/person/nobody.ttl"), 404, "not_found") == f"Nothing is known about <{BASE}person/nobody>."
    assert error(c.get("/data?iri=http://example.org/unknown"), 404, "not_found") == (
        "Nothing is known about <http://example.org/unknown>."
    )
    # a known resource in a format /data/ does not serve: the message lists those it does
    message = error(c.get("/data/person/kozlovsky-aleksandr?format=csv"), 400, "bad_request")
    assert "'csv'" in message and message.endswith("use one of: ttl, nt, rdf, jsonld, trig, nq.")
    # a browser gets the error as a page saying the same
    doc = html(c.get("/data/person/nobody.ttl", headers={"Accept": "text/html"}))
    assert doc.find("h1").text == "Ошибка 404"
    assert doc.find("p", "error-message").text == f"Nothing is known about <{BASE}person/nobody>."
    assert doc.find("form", "big-search").attrs["action"] == "/search"


# -- resource pages -----------------------------------------------------------------------------


def test_resource_page_labels_types_properties(c):
    doc = html(c.get("/page/person/kozlovsky-aleksandr?lang=ru"))
    assert doc.find("h1").text == "Александр Козловский"
    types = [a.text for a in doc.find("p", "types").find_all("a")]
    assert types[0] == "Персона"
    rows = {tr.find("th").text: tr for tr in doc.find("table", "props").find_all("tr")}
    assert "Александр Козловский" in rows["название"].text and "Aleksandr Kozlovsky" in rows["название"].text
    held = [a.text for a in rows["занимает должность"].find_all("a", "iri")]
    assert any("Государственной Думы" in h or "Госдум" in h or "депутат" in h.lower() for h in held), held
    # language tags shown discreetly
    assert {t.text for t in rows["название"].find_all("span", "lang-tag")} == {"ru", "en"}
    en = html(c.get("/page/person/kozlovsky-aleksandr?lang=en"))
    assert en.find("h1").text == "Aleksandr Kozlovsky"


def test_label_falls_back_to_other_language(c):
    doc = html(c.get("/page/test/hub?lang=ru"))
    assert doc.find("h1").text == "Hub"


def test_inferred_statements_are_marked(c, bstore):
    data = c.get("/page/person/kozlovsky-aleksandr.json").get_json()
    props = {p["iri"]: p for p in data["properties"]}
    relayed = props[PKG + "relayed"]  # only the inverse pkg:relayedBy is asserted
    assert relayed["objects"] and all(v["inferred"] for v in relayed["objects"])
    holds = props["http://www.w3.org/ns/org#holds"]
    assert not any(v["inferred"] for v in holds["objects"])
    doc = html(c.get("/page/person/kozlovsky-aleksandr?lang=en"))
    row = next(tr for tr in doc.find("table", "props").find_all("tr") if tr.find("th").text == "relayed")
    assert len(row.find_all("span", "inferred")) == len(relayed["objects"])


def test_incoming_links_grouped_with_counts(c, bstore):
    want = int(
        select(
            bstore, f"SELECT ?s (COUNT(DISTINCT ?x) AS ?n) {{ ?x <{PKG}speaker> ?s }} GROUP BY ?s", s=ox.NamedNode(KOZ)
        )[0]["n"].value
    )
    data = c.get("/page/person/kozlovsky-aleksandr.json").get_json()
    group = next(g for g in data["incoming"] if g["iri"] == PKG + "speaker")
    assert group["count"] == want > 1
    doc = html(c.get("/page/person/kozlovsky-aleksandr?lang=en"))
    h3 = next(h for h in doc.find("section", "incoming").find_all("h3") if h.find("a").text == "speaker")
    assert h3.find("span", "count").text == str(want)


def test_incoming_links_are_paged(c):
    seen = set()
    for page in (1, 2, 3):
        data = c.get(f"/page/test/hub.json?inprop={quote(PKG + 'supports')}&inpage={page}").get_json()
        group = next(g for g in data["incoming"] if g["iri"] == PKG + "supports")
        assert group["count"] == N_SPOKES and group["pages"] == 3 and group["page"] == page
        assert len(group["subjects"]) == (20 if page < 3 else N_SPOKES - 40)
        seen |= {s["value"] for s in group["subjects"]}
        assert (group["next"] is None) == (page == 3) and (group["prev"] is None) == (page == 1)
    assert len(seen) == N_SPOKES
    doc = html(c.get("/page/test/hub"))
    nxt = doc.find("a", None)
    nxt = next(a for a in doc.find_all("a") if a.attrs.get("rel") == "next")
    assert "inpage=2" in nxt.attrs["href"]
    assert c.get("/page/test/hub?inpage=0").status_code == 400


def test_incoming_paging_in_sparql_for_many_links(c, monkeypatch):
    """Above INCOMING_ALL_MAX links the pages come from LIMIT/OFFSET queries: same answers."""
    from server.browse import describe

    monkeypatch.setattr(describe, "INCOMING_ALL_MAX", 0)
    small = c.get(f"/page/test/hub.json?inprop={quote(PKG + 'supports')}&inpage=2").get_json()
    monkeypatch.setattr(describe, "INCOMING_ALL_MAX", 10_000)
    big = c.get(f"/page/test/hub.json?inprop={quote(PKG + 'supports')}&inpage=2").get_json()
    pick = lambda d: [s["value"] for g in d["incoming"] if g["iri"] == PKG + "supports" for s in g["subjects"]]
    assert pick(small) == pick(big) and len(pick(small)) == 20


def test_evidence_quote_speaker_source(c, bstore):
    data = c.get("/page/proposal/lower-capital-investment-lending-threshold.json?lang=en").get_json()
    want = {
        sol["e"].value
        for sol in select(
            bstore,
            f"""SELECT ?p ?e {{ ?p <{PKG}evidence> ?st .
        ?st <http://www.w3.org/ns/oa#hasSelector>/<http://www.w3.org/ns/oa#exact> ?e }}""",
            p=ox.NamedNode(PROPOSAL),
        )
    }
    got = {e for ev in data["evidence"] for e in ev["exact"]}
    assert got == want and want
    assert all(ev["source"] and ev["date"] == "2026-01-27" for ev in data["evidence"])
    assert all(ev["direct"] in (True, False) and ev["speaker"]["label"] for ev in data["evidence"])
    doc = html(c.get("/page/proposal/lower-capital-investment-lending-threshold?lang=en"))
    quotes = [b.text for b in doc.find_all("blockquote", "quote")]
    assert {" ".join(w.split()) for w in want} <= set(quotes)
    badges = {s.text for s in doc.find("section", "evidence-list").find_all("span", "badge")}
    assert badges & {"direct quote", "reported speech"}


def test_neighbourhood_svg_links_nodes(c):
    doc = html(c.get("/page/person/kozlovsky-aleksandr?lang=en"))
    svg = doc.find("svg")
    assert svg is not None
    nodes = svg.find_all("a")
    assert 2 <= len(nodes) <= 21
    assert all(a.attrs["href"].startswith("/page") for a in nodes)
    assert "Aleksandr Kozlovsky" in [a.find("text").text for a in nodes]
    assert svg.find_all("text", "edge-label")


def test_page_links_to_rdf_json_and_query(c, bstore):
    doc = html(c.get("/page/person/kozlovsky-aleksandr"))
    hrefs = links(doc)
    assert "/data/person/kozlovsky-aleksandr.ttl" in hrefs and "/page/person/kozlovsky-aleksandr.json" in hrefs
    query_link = next(h for h in hrefs if h.startswith("/query?"))
    r = c.get(query_link + "&lang=en")
    assert r.status_code == 200
    rows = html(r).find("table", "results-table").find_all("tr")
    assert len(rows) > 20  # Kozlovsky's outgoing and incoming statements


def test_generic_page_for_external_and_ontology_iris(c):
    r = c.get("/page?" + urlencode({"iri": "http://xmlns.com/foaf/0.1/Person"}))
    assert r.status_code == 200
    r = c.get("/page?" + urlencode({"iri": PKG + "Person", "lang": "en"}))
    doc = html(r)
    assert doc.find("h1").text == "Person"
    assert doc.find("a", "instances-link") is not None
    assert c.get("/page?iri=not%20an%20iri").status_code == 404
    assert c.get("/page").status_code == 400


def test_drafts_are_not_published(c):
    """A resource only a draft graph describes has no page, no place in its class, no search hit."""
    assert c.get("/page/test/drafty?lang=en").status_code == 404
    persons = c.get(f"/class.json?iri={quote(PKG + 'Person')}").get_json()
    assert BASE + "test/drafty" not in {i["value"] for i in persons["items"]}
    counts = {cl["iri"]: cl["count"] for cl in c.get("/classes.json").get_json()["classes"]}
    assert counts[PKG + "Person"] == persons["total"] == 3  # the seed's two and test/xss
    assert hits(c, "Drafty") == []


# -- escaping -------------------------------------------------------------------------------------


def test_xss_payloads_render_as_text(c):
    r = c.get("/page/test/xss?lang=en")
    body = r.get_data(as_text=True)
    assert "<script" not in body.lower()  # the app serves no script at all
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<img src=x" not in body and "&lt;img src=x onerror=alert(3)&gt;" in body
    doc = html(r)
    assert doc.find("h1").text == XSS
    assert not any(a.attrs.get("href", "").startswith("javascript:") for a in doc.find_all("a"))
    assert not any("onmouseover" in k for n in doc.iter() for k in n.attrs)
    r = c.get("/search?" + urlencode({"q": "<script>alert"}))
    body = r.get_data(as_text=True)
    assert "<script" not in body.lower() and html(r).find("a", "hit-label").text == XSS


def test_iri_with_quote_is_escaped(c):
    r = c.get("/page/test/o'quote?lang=en")
    assert r.status_code == 200
    doc = html(r)
    assert doc.find("h1").text == "He said \"hi\" & 'bye'"
    assert doc.find("p", "iri").text == BASE + "test/o'quote"
    xss = html(c.get("/page/test/xss?lang=en"))
    assert any(a.attrs["href"] == "/page/test/o%27quote" for a in xss.find_all("a"))


def test_csp_header_on_every_html_page(c):
    for path in (
        "/",
        "/classes",
        "/ontology",
        "/search?q=x",
        "/query",
        "/page/person/kozlovsky-aleksandr",
        f"/class?iri={quote(PKG + 'Person')}",
        "/no/such/route",
        "/api",  # another blueprint's HTML page on base.html
    ):
        r = c.get(path, headers={"Accept": "text/html"})
        csp = r.headers.get("Content-Security-Policy", "")
        # the query page's editor (YASGUI) adds <style> elements: only those may be inline there
        inline = csp.replace("; style-src-elem 'self' 'unsafe-inline'", "") if path == "/query" else csp
        assert "default-src 'self'" in csp and "unsafe-inline" not in inline, path
        assert "script-src 'self'" in csp
        scripts = re.findall(r"<script[^>]*>", r.get_data(as_text=True).lower())
        assert all(re.fullmatch(r'<script src="/static/[\w/.-]+\.js" defer>', t) for t in scripts), path
        assert not scripts or path == "/query", path


# -- language --------------------------------------------------------------------------------------


def test_language_from_param_cookie_and_accept_language(bstore):
    client = create_app(Settings.from_env({}, memory=True), store=bstore).test_client()
    assert html(client.get("/page/person/kozlovsky-aleksandr")).find("h1").text == "Александр Козловский"
    r = client.get("/page/person/kozlovsky-aleksandr", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert html(r).find("h1").text == "Aleksandr Kozlovsky"
    r = client.get("/?lang=en")
    assert "lang=en" in r.headers["Set-Cookie"]
    assert html(r).find("html").attrs["lang"] == "en"
    r = client.get("/page/person/kozlovsky-aleksandr")  # remembered
    assert html(r).find("h1").text == "Aleksandr Kozlovsky"
    r = client.get("/page/person/kozlovsky-aleksandr?lang=ru")
    assert html(r).find("h1").text == "Александр Козловский"
    switch = html(r).find("a", "lang-link")
    assert switch.attrs["href"] == "/page/person/kozlovsky-aleksandr?lang=en"


def test_pick_language():
    assert pick_language(None, None, "de, en;q=0.5, ru;q=0.7") == "ru"
    assert pick_language("en", "ru", "ru") == "en"
    assert pick_language("xx", None, None) == "ru"


# -- JSON variants ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, key",
    [
        ("/index.json", "entry_points"),
        ("/classes.json", "classes"),
        ("/ontology.json", "class_tree"),
        (f"/class.json?iri={quote(PKG + 'Person')}", "items"),
        ("/search.json?q=akit", "results"),
        ("/query.json?query=ASK%7B%7D", "boolean"),
        ("/page/person/kozlovsky-aleksandr.json", "properties"),
        (f"/page.json?iri={quote(PKG + 'Person')}", "properties"),
    ],
)
def test_json_variants(c, path, key):
    r = c.get(path)
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert key in r.get_json()


def test_json_by_accept(c):
    for path in ("/", "/classes", "/page/person/kozlovsky-aleksandr", "/search?q=akit"):
        r = c.get(path, headers={"Accept": "application/json"})
        assert r.mimetype == "application/json", path
        json.loads(r.data)


# -- home, classes, ontology ------------------------------------------------------------------------


def test_home_page(c, bstore):
    doc = html(c.get("/?lang=en"))
    assert "industrial policy" in doc.find("h1").text.lower()
    entry = {a.find("span", "entry-name").text: a for a in doc.find("ul", "entry-points").find_all("a")}
    assert set(entry) == {"People", "Institutions", "Instruments", "Proposals", "Events", "Sources"}
    persons = len({s["x"] for s in select(bstore, f"SELECT ?x {{ ?x a <{PKG}Person> }}")})
    assert entry["People"].find("span", "count").text == str(persons)
    assert doc.find("strong", "triples").text == str(bstore.published_triple_count())  # the draft left out
    assert bstore.published_triple_count() == bstore.triple_count() - bstore.triple_count(BASE + "graph/draft/test")
    assert doc.find("form", "big-search").attrs["action"] == "/search"


def test_classes_index_and_class_page(c, bstore):
    data = c.get("/classes.json").get_json()
    counts = {cl["iri"]: cl["count"] for cl in data["classes"]}
    assert counts[PKG + "Proposal"] == len({s["x"] for s in select(bstore, f"SELECT ?x {{ ?x a <{PKG}Proposal> }}")})
    assert counts["http://example.org/test#Spoke"] == N_SPOKES
    spoke = quote("http://example.org/test#Spoke")
    p1 = c.get(f"/class.json?iri={spoke}").get_json()
    p2 = c.get(f"/class.json?iri={spoke}&page=2").get_json()
    assert p1["total"] == N_SPOKES and p1["pages"] == 2 and len(p1["items"]) == 50 and len(p2["items"]) == 10
    labels = [i["label"] for i in p1["items"] + p2["items"]]
    assert labels == sorted(labels) and len(set(labels)) == N_SPOKES
    desc = c.get(f"/class.json?iri={spoke}&sort=-label").get_json()
    assert desc["items"][0]["label"] == "Spoke 59"
    doc = html(c.get(f"/class?iri={spoke}"))
    assert [a.text for a in doc.find("ol", "instances").find_all("a")][:2] == ["Spoke 00", "Spoke 01"]
    assert c.get(f"/class?iri={spoke}&sort=bogus").status_code == 400


def test_counts_and_class_pages_see_writes_at_once(c, bstore):
    """Class counts, the triple count and sorted class pages are cached per store generation:
    a write shows on the next request."""
    spoke = quote("http://example.org/test#Spoke")
    before = c.get(f"/class.json?iri={spoke}").get_json()
    home = c.get("/index.json").get_json()
    ttl = f'<{BASE}test/spoke-aa> a <http://example.org/test#Spoke> ; <http://www.w3.org/2000/01/rdf-schema#label> "A spoke"@en .'
    bstore.load(ttl.encode(), ox.RdfFormat.TURTLE, BASE + "graph/test-spoke")
    try:
        after = c.get(f"/class.json?iri={spoke}").get_json()
        assert after["total"] == before["total"] + 1
        assert after["items"][0]["label"] == "A spoke"
        counts = {cl["iri"]: cl["count"] for cl in c.get("/classes.json").get_json()["classes"]}
        assert counts["http://example.org/test#Spoke"] == N_SPOKES + 1
        assert c.get("/index.json").get_json()["triples"] == home["triples"] + 2
    finally:
        bstore.drop_graph(BASE + "graph/test-spoke")
    assert c.get(f"/class.json?iri={spoke}").get_json()["total"] == before["total"]
    assert c.get("/index.json").get_json()["triples"] == home["triples"]


def test_ontology_page_and_download(c, bstore):
    doc = html(c.get("/ontology?lang=en"))
    tree = doc.find("ul", "class-tree")
    assert "Person" in tree.text and "Legislative body" in tree.text
    person = next(d for d in doc.find_all("div", "term-doc") if d.attrs.get("id") == "Person")
    assert "Персона" in person.text and "A natural person" in person.text
    proposed_by = next(d for d in doc.find_all("div", "term-doc") if d.attrs.get("id") == "proposedBy")
    assert "Domain" in proposed_by.text and "Proposal" in proposed_by.text
    r = c.get("/ontology.ttl")
    got = Graph().parse(data=r.data, format="turtle")
    want = Graph()
    for q in bstore.quads(BASE + "graph/ontology"):
        want.add(
            next(
                iter(
                    Graph().parse(
                        data=ox.serialize([ox.Triple(q.subject, q.predicate, q.object)], format=ox.RdfFormat.N_TRIPLES),
                        format="nt",
                    )
                )
            )
        )
    assert len(got) == len(want) > 100
    r = c.get("/ontology", headers={"Accept": "text/turtle"})
    assert r.mimetype == "text/turtle"


def test_ontology_page_ignores_iri_labels_and_comments(c, bstore):
    """An IRI as the rdfs:label or rdfs:comment of an ontology term (bad data a SPARQL Update can
    write into the ontology graph) is not taken for one, and the page is still served."""
    bad = (
        f"<{PKG}Person> <http://www.w3.org/2000/01/rdf-schema#label> <http://example.org/not-a-label> ; "
        "<http://www.w3.org/2000/01/rdf-schema#comment> <http://example.org/not-a-comment> ."
    )
    bstore.update(f"INSERT DATA {{ GRAPH <{BASE}graph/ontology> {{ {bad} }} }}")
    try:
        r = c.get("/ontology.json?lang=en")
        assert r.status_code == 200
        (person,) = [t for t in r.get_json()["classes"] if t["iri"] == PKG + "Person"]
        assert person["comments"] and all(not x["value"].startswith("http") for x in person["comments"])
        assert all(not x["value"].startswith("http") for x in person["labels"])
        assert html(c.get("/ontology?lang=en")).find("ul", "class-tree") is not None
    finally:
        bstore.update(f"DELETE DATA {{ GRAPH <{BASE}graph/ontology> {{ {bad} }} }}")


@pytest.mark.parametrize(
    "accept, target",
    [
        ("text/html", "/page"),
        ("text/turtle", "/data"),
    ],
)
def test_ontology_terms_dereference(c, accept, target):
    r = c.get("/ontology/Person", headers={"Accept": accept})
    assert r.status_code == 303
    loc = urlsplit(r.headers["Location"])
    assert loc.path == target and parse_qs(loc.query)["iri"] == [PKG + "Person"]
    assert c.get("/ontology/NoSuchTerm").status_code == 404


# -- search ------------------------------------------------------------------------------------------


def hits(c, q):
    return c.get("/search.json?" + urlencode({"q": q, "lang": "en"})).get_json()["results"]


@pytest.mark.parametrize(
    "q, iri",
    [
        ("козлов", KOZ),
        ("Козловский", KOZ),
        ("KOZLOV", KOZ),
        ("kozlovsky", KOZ),
        ("akit", BASE + "org/akit"),
        ("акит", BASE + "org/akit"),
        ("АКИТ РФ", BASE + "org/akit"),
    ],
)
def test_search_finds(c, q, iri):
    found = [h["value"] for h in hits(c, q)]
    assert iri in found[:3], (q, found[:5])


def test_search_ranking_and_types(c):
    results = hits(c, "Экспертный совет")
    order = ["exact", "prefix", "word", "contains"]
    ranks = [order.index(h["rank"]) for h in results]
    assert ranks == sorted(ranks) and results[0]["rank"] == "exact"
    assert results[0]["value"] == BASE + "org/expert-council-industrial-infrastructure"
    koz = hits(c, "козлов")[0]
    assert koz["value"] == KOZ and next(t["label"] for t in koz["types"]) == "Person"
    # contains (inside a word) comes after word prefixes
    assert search_mod.rank("Александр Козловский", ["козлов"]) == 2
    assert search_mod.rank("Козловский", ["козлов"]) == 1
    assert search_mod.rank("Козловский", ["зловск"]) == 3
    assert search_mod.rank("козловский", ["козловский"]) == 0


def test_search_text_is_bound_not_spliced(c, bstore):
    before = bstore.triple_count()
    for q in ['") } DROP ALL #', "'; DELETE WHERE { ?s ?p ?o } #", "\\", "}}}"]:
        r = c.get("/search.json?" + urlencode({"q": q}))
        assert r.status_code == 200 and r.get_json()["results"] == []
    assert bstore.triple_count() == before
    assert c.get("/search?q=" + "x" * 300).status_code == 400


def test_search_sees_writes_at_once(c, bstore):
    assert hits(c, "Зюзюкин") == []
    ttl = f'<{BASE}test/new> <http://www.w3.org/2000/01/rdf-schema#label> "Пётр Зюзюкин"@ru .'
    bstore.load(ttl.encode(), ox.RdfFormat.TURTLE, BASE + "graph/test-new")
    try:
        assert [h["value"] for h in hits(c, "зюзюк")] == [BASE + "test/new"]
        assert [h["value"] for h in hits(c, "zyuzyuk")] == [BASE + "test/new"]
    finally:
        bstore.drop_graph(BASE + "graph/test-new")
    assert hits(c, "Зюзюкин") == []


def test_search_html(c):
    doc = html(c.get("/search?q=козлов&lang=ru"))
    first = doc.find("li", "hit")
    assert first.find("a", "hit-label").text == "Александр Козловский"
    assert first.find("a", "hit-label").attrs["href"] == "/page/person/kozlovsky-aleksandr"
    assert html(c.get("/search?q=zzzzqqq")).find("main").text.count("Ничего") == 1


# -- query page --------------------------------------------------------------------------------------


def test_query_page_runs_select_and_links_iris(c):
    q = f"SELECT ?x ?label WHERE {{ ?x a <{PKG}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
    r = c.get("/query?" + urlencode({"query": q, "lang": "en"}))
    doc = html(r)
    assert doc.find("textarea").text == q  # kept in the page and in the URL
    table = doc.find("table", "results-table")
    assert [th.text for th in table.find_all("th")] == ["?x", "?label"]
    assert "/page/person/kozlovsky-aleksandr" in links(table)
    downloads = [a.attrs["href"] for a in doc.find("p", "downloads").find_all("a")]
    assert any(parse_qs(urlsplit(h).query) == {"query": [q], "format": ["csv"]} for h in downloads)
    assert all(urlsplit(h).path == "/sparql" for h in downloads)
    csv = next(h for h in downloads if "format=csv" in h)
    r = c.get(csv)  # the endpoint answers the download link
    assert r.status_code == 200 and r.mimetype == "text/csv" and KOZ in r.get_data(as_text=True)


def test_query_page_caps_rows(c, monkeypatch):
    from server.browse import query as query_mod

    monkeypatch.setattr(query_mod, "MAX_PAGE_ROWS", 5)
    data = c.get("/query.json?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})).get_json()
    assert data["truncated"] is True and len(data["rows"]) == 5
    doc = html(c.get("/query?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }", "lang": "en"})))
    assert "results cut at 5" in doc.find("section", "results").text


def test_query_page_examples_and_errors(c):
    doc = html(c.get("/query?lang=en"))
    examples = doc.find_all("a", "example")
    assert examples  # queries/*.rq
    assert all(a.attrs["href"].startswith("/query?query=") for a in examples)
    r = c.get("/query?" + urlencode({"query": "SELECT * WHERE { ?s ?p "}))
    assert r.status_code == 400
    assert html(r).find("div", "error-box") is not None
    r = c.get("/query?" + urlencode({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}))
    assert r.status_code == 400
    r = c.get("/query?" + urlencode({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}))
    assert r.status_code in (400, 403) and html(r).find("div", "error-box") is not None
    r = c.get("/query.json?" + urlencode({"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"}))
    assert r.get_json()["kind"] == "graph" and len(r.get_json()["rows"]) == 3


def test_query_page_shows_rdf_1_2_terms(c):
    """A triple term and a literal with a base direction in SELECT results are shown, not a 500."""
    term = f'<<( <{KOZ}> <{PKG}memberOf> "x"@en--rtl )>>'
    q = f'SELECT ?t ?d WHERE {{ BIND({term} AS ?t) BIND(STRLANGDIR("y", "ar", "rtl") AS ?d) }}'
    data = c.get("/query.json?" + urlencode({"query": q})).get_json()
    assert data["kind"] == "select" and data["variables"] == ["t", "d"]
    (row,) = data["rows"]
    assert (row[0]["kind"], row[0]["value"]) == ("literal", term)
    assert (row[1]["value"], row[1]["lang"]) == ("y", "ar")
    doc = html(c.get("/query?" + urlencode({"query": q, "lang": "en"})))
    assert term in doc.find("table", "results-table").text


def test_static_css_served(c):
    r = c.get("/static/style.css")
    assert r.status_code == 200 and r.mimetype == "text/css"


def test_triple_term_values_shown_as_text(c, bstore):
    """An RDF 1.2 triple term (SPARQL Update stores one) is shown as its text, not a 500."""
    graph = BASE + "graph/test-triple-term"
    term = f"<<( <{KOZ}> <{PKG}memberOf> <{BASE}org/x> )>>"
    bstore.update(f"INSERT DATA {{ GRAPH <{graph}> {{ <{BASE}test/reifier> <{PKG}about> {term} }} }}")
    try:
        data = c.get("/page/test/reifier.json").get_json()
        (prop,) = [p for p in data["properties"] if p["iri"] == PKG + "about"]
        assert [(v["kind"], v["value"]) for v in prop["objects"]] == [("literal", term)]
        doc = html(c.get("/page/test/reifier"))
        assert term in {span.text for span in doc.find_all("span", "literal")}
    finally:
        bstore.drop_graph(graph)


def test_iri_as_label_is_ignored(c, bstore):
    """An IRI given as rdfs:label (bad data a SPARQL Update can write) is not taken for a label."""
    graph = BASE + "graph/test-iri-label"
    label = "<http://www.w3.org/2000/01/rdf-schema#label> <http://example.org/not-a-label>"
    bstore.update(
        f"INSERT {{ GRAPH <{graph}> {{ <{PKG}Person> {label} . ?st {label} }} }} "
        f"WHERE {{ GRAPH ?g {{ <{PROPOSAL}> <{PKG}evidence> ?st }} }}"
    )
    try:
        assert html(c.get("/?lang=en")).find("h1") is not None
        data = c.get("/page/proposal/lower-capital-investment-lending-threshold.json?lang=en").get_json()
        assert data["evidence"] and all(not ev["label"].startswith("http") for ev in data["evidence"])
        assert c.get(f"/page?iri={quote(KOZ)}").status_code == 200
    finally:
        bstore.drop_graph(graph)
