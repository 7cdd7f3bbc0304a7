"""The vocabulary's persistent namespace, over real HTTP: a service with a real base IRI publishes no
`localhost` IRI in any export, and the terms of https://w3id.org/policykg/ontology/ dereference on it
(directly, and through the w3id.org rules written in docs/vocabulary.md)."""

from __future__ import annotations

import gzip
import re
from urllib.parse import quote

import pytest
import requests
from conftest import ROOT, LiveServer, free_port
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from server.app.factory import create_app, ensure_seeded
from server.core.namespaces import PKG
from server.core.settings import Settings
from server.publish.releases import write_release
from server.store import EmbeddedStore

BASE = "https://policy.example.org/id/"
POST = PKG + "Post"
RDF_TYPES = {
    "ttl": ("text/turtle", "turtle"),
    "nt": ("application/n-triples", "nt"),
    "rdf": ("application/rdf+xml", "xml"),
    "jsonld": ("application/ld+json", "json-ld"),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = Settings.from_env({}, memory=True, base_iri=BASE, releases_dir=str(tmp_path_factory.mktemp("releases")))
    store = EmbeddedStore(None)
    ensure_seeded(store, settings)
    write_release(store, settings, name="2026-12-01")
    srv = LiveServer(create_app(settings, store=store), free_port()).start()
    yield srv
    srv.stop()


def get(url, accept=None, **params):
    resp = requests.get(url, params=params, headers={"Accept": accept} if accept else {}, timeout=60)
    assert resp.status_code == 200, (url, resp.status_code, resp.text[:300])
    return resp


def exports(url):
    """(what, body) of every export the service publishes."""
    for fmt in ("trig", "nq", "jsonld", "ttl", "nt", "rdf"):
        yield f"export {fmt}", get(url + "/export", format=fmt).content
        yield f"export inferred {fmt}", get(url + "/export", format=fmt, inferred="true").content
    for fmt in ("ttl", "nt", "rdf", "jsonld"):
        yield f"void {fmt}", get(url + "/.well-known/void", format=fmt).content
        yield f"ontology {fmt}", get(f"{url}/ontology.{fmt}").content
    for accept in ("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples"):
        yield f"service description {accept}", get(url + "/sparql", accept).content
    for accept in ("application/atom+xml", "application/activity+json"):
        yield f"changes {accept}", get(url + "/changes", accept).content
    for release in get(url + "/releases.json").json()["releases"]:
        for f in release["files"]:
            body = get(url + f["href"]).content
            yield f"release {f['name']}", gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body


def test_no_localhost_in_any_export(server):
    seen = []
    for what, body in exports(server.url):
        seen.append(what)
        assert b"localhost" not in body, f"{what}: {body[body.index(b'localhost') - 200 :][:400]!r}"
    assert any(w.startswith("release ") and w.endswith(".trig") for w in seen)


def test_named_query_examples_follow_the_base(server):
    """The example IRIs of the query files (written under the default base) are given under the
    configured base in the API list, the OpenAPI document and the API page, and the example runs."""
    for path in ("/api/queries", "/api/openapi.json", "/api"):
        body = get(server.url + path).content
        assert b"localhost" not in body, f"{path}: {body[body.index(b'localhost') - 200 :][:400]!r}"
    queries = {q["name"]: q for q in get(server.url + "/api/queries").json()["queries"]}
    actor = next(p for p in queries["proposals-by-actor"]["params"] if p["name"] == "actor")
    assert actor["example"] == BASE + "person/kozlovsky-aleksandr"
    rows = get(server.url + queries["proposals-by-actor"]["example"], "application/sparql-results+json").json()
    assert rows["results"]["bindings"]


def test_exports_use_the_vocabulary_and_the_base(server):
    g = Graph().parse(data=get(server.url + "/export", format="ttl").text, format="turtle")
    person = URIRef(BASE + "person/kozlovsky-aleksandr")
    assert (person, RDF.type, URIRef(PKG + "Person")) in g
    onto = Graph().parse(data=get(server.url + "/ontology.ttl").text, format="turtle")
    assert (URIRef(PKG), RDF.type, OWL.Ontology) in onto
    assert (URIRef(PKG), OWL.versionIRI, URIRef(PKG + "0.2.0")) in onto


@pytest.mark.parametrize("fmt", sorted(RDF_TYPES))
def test_term_dereferences_to_its_rdf(server, fmt):
    media, parser = RDF_TYPES[fmt]
    resp = requests.get(server.url + "/ontology/Post", headers={"Accept": media}, allow_redirects=False, timeout=60)
    assert resp.status_code == 303 and "Accept" in resp.headers["Vary"]
    for url in (server.url + resp.headers["Location"], f"{server.url}/ontology/Post.{fmt}"):
        got = get(url, media)
        assert got.headers["Content-Type"].startswith(media)
        g = Graph().parse(data=got.content, format=parser)
        assert (URIRef(POST), RDF.type, OWL.Class) in g
        assert (URIRef(POST), RDFS.label, Literal("Post", lang="en")) in g


def test_term_page_for_browsers(server):
    resp = get(server.url + "/ontology/Post", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
    assert resp.url == f"{server.url}/page?iri={quote(POST, safe='')}"
    for page in (resp.text, get(server.url + "/ontology/Post.html").text):
        assert POST in page and "Post" in page
    data = get(server.url + "/ontology/Post.json").json()
    assert data["iri"] == POST


def test_namespace_is_the_ontology(server):
    page = get(server.url + "/ontology/", "text/html").text
    assert "policykg" in page
    g = Graph().parse(data=get(server.url + "/ontology/", "text/turtle").text, format="turtle")
    assert (URIRef(PKG), RDF.type, OWL.Ontology) in g


def test_unknown_term_is_404(server):
    assert requests.get(server.url + "/ontology/NoSuchTerm.ttl", timeout=60).status_code == 404
    assert requests.get(server.url + "/ontology/NoSuchTerm", timeout=60).status_code == 404


# -- the w3id.org rules of docs/vocabulary.md, followed against the running server ---------------

DEPLOYMENT = "https://policykg.example.org"


def w3id_rules():
    """(Accept condition or None, pattern, target) of each RewriteRule, in order."""
    text = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    block = re.search(r"```apache\n(.*?)```", text, re.DOTALL).group(1)
    rules, cond = [], None
    for line in block.splitlines():
        if line.startswith("RewriteCond %{HTTP_ACCEPT} "):
            cond = line.split()[-1].replace("\\", "")
        elif line.startswith("RewriteRule "):
            _, pattern, target, flags = line.split()
            assert flags == "[R=303,L]"
            rules.append((cond, re.compile(pattern), target))
            cond = None
    return rules


def redirect(path, accept):
    """What w3id.org answers for https://w3id.org/policykg/<path> (mod_rewrite: first rule that applies)."""
    for cond, pattern, target in w3id_rules():
        m = pattern.match(path)
        if m and (cond is None or cond in accept):
            return m.expand(target.replace("$", "\\"))
    return None


@pytest.mark.parametrize(
    "accept, media",
    [
        ("text/turtle", "text/turtle"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
        ("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", "text/html"),
    ],
)
@pytest.mark.parametrize("path", ["ontology/Post", "ontology/", "ontology", "ontology/0.2.0"])
def test_w3id_rules_reach_the_deployment(server, path, accept, media):
    target = redirect(path, accept)
    assert target is not None and target.startswith(DEPLOYMENT + "/ontology")
    resp = get(server.url + target[len(DEPLOYMENT) :], accept)
    assert resp.headers["Content-Type"].startswith(media)
    if media == "text/html":
        assert (POST if path == "ontology/Post" else PKG) in resp.text
    else:
        parser = {v[0]: v[1] for v in RDF_TYPES.values()}[media]
        g = Graph().parse(data=resp.content, format=parser)
        subject = URIRef(POST) if path == "ontology/Post" else URIRef(PKG)
        assert (subject, RDF.type, OWL.Class if path == "ontology/Post" else OWL.Ontology) in g
