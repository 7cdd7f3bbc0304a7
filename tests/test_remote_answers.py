"""How the external-store backend reads answers it cannot take as they are (found with
Virtuoso, bench/virtuoso_smoke.py): the Accept it sends follows the query form (Virtuoso
answers a CONSTRUCT asked for JSON with s/p/o bindings), blank-node labels pyoxigraph refuses
(Virtuoso's ``nodeID://b10005``) are renamed, and an unreadable answer is a StoreError with a
message when the query is made, never an internal error while serialising. A canned HTTP
store on 127.0.0.1 stands in for the remote."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.parse

import pyoxigraph as ox
import pytest

from server.app.factory import create_app
from server.core.errors import StoreError
from server.core.settings import Settings
from server.store.remote import RemoteStore

VIRTUOSO_JSON = {
    "head": {"link": [], "vars": ["s", "o"]},
    "results": {
        "distinct": False,
        "ordered": True,
        "bindings": [
            {"s": {"type": "bnode", "value": "nodeID://b10005"}, "o": {"type": "literal", "value": "one"}},
            {"s": {"type": "bnode", "value": "nodeID://b10006"}, "o": {"type": "bnode", "value": "nodeID://b10005"}},
            {
                "s": {"type": "uri", "value": "http://x/a"},
                "o": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "5"},
            },
        ],
    },
}


class CannedStore:
    """Answers every POST with ``answer(accept) -> (content type, body)``; records the Accepts of
    the queries that are not policykg's bookkeeping (the registry, graph lists)."""

    def __init__(self, answer):
        self.accepts: list[str] = []
        canned = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                query = urllib.parse.parse_qs(body.decode()).get("query", [""])[0]
                if "urn:policykg:" not in query and "GRAPH ?g" not in query:
                    canned.accepts.append(self.headers.get("Accept", ""))
                ctype, body = answer(self.headers.get("Accept", ""))
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def store(self) -> RemoteStore:
        return RemoteStore.from_settings(Settings.from_env({}, store_query_url=self.url))

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def canned():
    servers = []

    def make(answer):
        srv = CannedStore(answer)
        servers.append(srv)
        return srv

    yield make
    for srv in servers:
        srv.close()


def test_accept_follows_the_query_form(canned):
    def answer(accept):
        if accept.startswith("application/n-triples"):
            return "application/n-triples", b'<http://x/a> <http://x/p> "v" .\n'
        # what Virtuoso does with a CONSTRUCT asked for JSON: bindings, not a graph
        return "application/sparql-results+json", json.dumps(VIRTUOSO_JSON).encode()

    srv = canned(answer)
    st = srv.store()
    triples = list(st.query("PREFIX x: <http://x/> CONSTRUCT { ?s x:p ?o } WHERE { ?s x:p ?o }"))
    assert triples == [ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("v"))]
    list(st.query("SELECT ?s ?o WHERE { ?s ?p ?o }"))
    list(st.query("DESCRIBE <http://x/a>"))
    assert [a.split(",")[0] for a in srv.accepts] == [
        "application/n-triples",
        "application/sparql-results+json",
        "application/n-triples",
    ]


def test_virtuoso_blank_node_labels_are_renamed_consistently(canned):
    srv = canned(lambda accept: ("application/sparql-results+json", json.dumps(VIRTUOSO_JSON).encode()))
    rows = list(srv.store().query("SELECT ?s ?o WHERE { ?s ?p ?o }"))
    assert len(rows) == 3
    first, second, third = rows
    assert isinstance(first["s"], ox.BlankNode) and isinstance(second["s"], ox.BlankNode)
    assert first["s"] != second["s"]
    assert second["o"] == first["s"]  # the same Virtuoso label, the same blank node
    assert third["o"] == ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def test_virtuoso_results_through_the_endpoint(canned):
    srv = canned(lambda accept: ("application/sparql-results+json", json.dumps(VIRTUOSO_JSON).encode()))
    app = create_app(Settings.from_env({}, store_query_url=srv.url), store=srv.store())
    resp = app.test_client().get(
        "/sparql",
        query_string={"query": "SELECT ?s ?o WHERE { ?s ?p ?o . ?o ?q ?r }"},
        headers={"Accept": "text/csv"},
    )
    assert resp.status_code == 200, resp.data
    lines = resp.data.decode().splitlines()
    assert lines[0] == "s,o" and len(lines) == 4 and lines[1].startswith("_:")


def test_unreadable_results_are_a_store_error_when_queried(canned):
    bad = {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "not an iri"}}]}}
    srv = canned(lambda accept: ("application/sparql-results+json", json.dumps(bad).encode()))
    with pytest.raises(StoreError) as err:
        srv.store().query("SELECT ?s WHERE { ?s ?p ?o }")
    assert "unreadable" in err.value.message
    app = create_app(Settings.from_env({}, store_query_url=srv.url), store=srv.store())
    resp = app.test_client().get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p ?o . ?s ?q ?r }"})
    assert resp.status_code == 500 and resp.get_json()["error"]["code"] == "store_error"
    assert "unreadable" in resp.get_json()["error"]["message"]
