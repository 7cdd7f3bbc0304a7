"""policykg on Virtuoso (Debian package `virtuoso-opensource`) next to the embedded store: the
same requests to both, and which answers differ.

    apt-get install virtuoso-opensource
    python bench/virtuoso_smoke.py            # prints one table; exit 0 even when answers differ

Starts a throw-away Virtuoso (tests/virtuoso_server.py: `virtuoso-t -f`, its own folder and free
ports on 127.0.0.1), loads the shipped ontology and data with reasoning (`policykg load`) into
it and into an embedded store, then sends the same requests to an app on each (Flask test
clients) and compares status codes and, parsed, the bindings, triples or page JSON (the times at
which each store took a write (history, issue 20) masked, and blank-node
labels aside). The requests cover every page type, every export format, every named query, the
Graph Store, SPARQL Update with the token, literals of several datatypes, ingestion (a draft
accepted, one rejected) and reasoning. Virtuoso is reached through the three URL settings
(`store_query_url`, `store_update_url`, `store_gsp_url`), as docs/scaling.md describes.
tests/test_virtuoso.py runs ``compare`` and asserts that no answer differs.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from server.app.factory import create_app
from server.core.namespaces import PKG
from server.core.settings import Settings
from server.ingest import workflow
from server.store import open_store

TOKEN = "smoke-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = "http://localhost:8000/id/graph/article-2026-01-27"
PERSON = "/page/person/kozlovsky-aleksandr"
SMOKE_GRAPH = "http://example.org/smoke"
JSON_RESULTS = {"Accept": "application/sparql-results+json"}
XSD = "http://www.w3.org/2001/XMLSchema#"
LITERALS = f"""INSERT DATA {{ GRAPH <{SMOKE_GRAPH}/literals> {{
  <http://x/s> <http://x/bool> false, true ; <http://x/date> "2026-01-27"^^<{XSD}date> ;
    <http://x/dec> 12.50 ; <http://x/int> 7 ; <http://x/dbl> 1.5e0 ;
    <http://x/lang> "Промышленность"@ru, "industry"@en-GB ; <http://x/node> [ <http://x/v> "in a blank node" ] }} }}"""
INGEST = ROOT / "tests" / "fixtures" / "articles" / "article-2026-03-05.txt"
BNODE = re.compile(r"_:[A-Za-z0-9_.-]+|nodeID://[A-Za-z0-9]+")
EVENT = "http://localhost:8000/id/event/2026-01-27-expert-council-meeting"
#: named queries beyond their examples: optional parameters not given, another value, the other language
MORE_NAMED: list[tuple[str, dict[str, str]]] = [
    ("parameter-changes", {}),
    ("parameter-changes", {"minFromValue": "3000000000"}),
    ("events-with-participants", {}),
    ("instruments-by-type", {}),
    ("organisation-links", {}),
    ("posts-and-holders", {}),
    ("proposals-by-change-kind", {"lang": "ru"}),
    ("proposals-at-event", {"event": EVENT, "lang": "ru"}),
    ("quotes-by-speaker", {"speaker": "http://localhost:8000/id/person/kozlovsky-aleksandr", "directOnly": "false"}),
    ("search-by-label", {"q": "кластер", "class": PKG + "Statement"}),
    ("sources-by-date", {}),
    ("sources-by-date", {"since": "2026-02-01"}),
]

Check = tuple[str, Callable[[Any, str], Any]]


def bindings(resp) -> list:
    data = json.loads(resp.data or b"{}")
    if "boolean" in data:
        return [resp.status_code, data["boolean"]]
    rows = data.get("results", {}).get("bindings", [])
    return [resp.status_code] + sorted(
        json.dumps(
            {
                k: "_:" if v.get("type") == "bnode" else [v.get("value"), v.get("datatype"), v.get("xml:lang")]
                for k, v in row.items()
            },
            sort_keys=True,
        )
        for row in rows
    )


def _term(t) -> str:
    return "_:" if isinstance(t, ox.BlankNode) else str(t)


def quads(resp, fmt: ox.RdfFormat) -> list:
    """Status and the parsed statements (blank nodes without labels), sorted."""
    if resp.status_code != 200:
        return [resp.status_code]
    got = sorted(
        {(_term(q.subject), _term(q.predicate), _term(q.object), _term(q.graph_name)) for q in ox.parse(resp.data, fmt)}
    )
    return [200, len(got), got]


RECORDED = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
ACTIVITY = re.compile(r"\d{8}T\d+Z-[0-9a-f]+")


def page(resp) -> Any:
    """Status and the page's JSON, blank-node labels masked (``_:b0`` and ``{"kind": "bnode", "value": …}``)."""
    if not resp.is_json:
        return [resp.status_code, resp.mimetype]
    text = ACTIVITY.sub("ID", RECORDED.sub("T", BNODE.sub("_:", resp.get_data(as_text=True))))
    return [resp.status_code, _mask(json.loads(text))]


def _mask(data: Any) -> Any:
    if isinstance(data, list):
        return [_mask(x) for x in data]
    if isinstance(data, dict):
        masked = {k: _mask(v) for k, v in data.items()}
        if "recorded" in masked and "graph" in masked:  # a page's record: when this store took the write
            masked["recorded"] = "T"
        if masked.get("kind") == "bnode" or masked.get("type") == "bnode":
            masked["value"] = "_:"
        return masked
    return data


def html(resp) -> list:
    """Status and the page's text (tags, blank-node labels and numbers of milliseconds dropped)."""
    text = re.sub(r"<[^>]+>", " ", resp.get_data(as_text=True))
    text = BNODE.sub("_:", re.sub(r"\d+(\.\d+)? ?ms\b", "ms", text))
    text = ACTIVITY.sub("ID", RECORDED.sub("T", text))  # when this store took a write (a page's record)
    return [resp.status_code, " ".join(text.split())]


def sparql(query: str) -> Callable[[Any, str], Any]:
    return lambda c, n: bindings(c.get("/sparql", query_string={"query": query}, headers=JSON_RESULTS))


def checks(
    names: list[str], loaded: dict[str, str], stores: dict[str, Any], settings: dict[str, Settings]
) -> list[Check]:
    """The requests, in order (some write; both stores get the same sequence)."""
    ttl, nq = ox.RdfFormat.TURTLE, ox.RdfFormat.N_QUADS
    export_formats = {
        "trig": ox.RdfFormat.TRIG,
        "nq": nq,
        "jsonld": ox.RdfFormat.JSON_LD,
        "ttl": ttl,
        "nt": ox.RdfFormat.N_TRIPLES,
        "rdf": ox.RdfFormat.RDF_XML,
    }
    out: list[Check] = [
        ("reasoning: `policykg load` summary line", lambda c, n: re.sub(r" in [\d.]+ s$", "", loaded[n])),
        ("/health status", lambda c, n: c.get("/health").status_code),
        ("home page (HTML)", lambda c, n: html(c.get("/"))),
        ("home page JSON", lambda c, n: page(c.get("/index.json"))),
        ("classes page JSON", lambda c, n: page(c.get("/classes.json"))),
        (
            "class page JSON (Person)",
            lambda c, n: page(c.get("/class.json", query_string={"iri": "http://xmlns.com/foaf/0.1/Person"})),
        ),
        (
            "class page (HTML, Organization)",
            lambda c, n: html(c.get("/class", query_string={"iri": "http://www.w3.org/ns/org#Organization"})),
        ),
        ("person page JSON (Kozlovsky)", lambda c, n: page(c.get(PERSON + ".json"))),
        ("person page (HTML)", lambda c, n: html(c.get(PERSON))),
        ("organisation page JSON (Minpromtorg)", lambda c, n: page(c.get("/page/org/minpromtorg.json"))),
        ("statement page JSON (blank-node selector)", lambda c, n: page(c.get("/page/statement/meeting-held.json"))),
        ("ontology page (HTML)", lambda c, n: html(c.get("/ontology"))),
        ("ontology (Turtle)", lambda c, n: quads(c.get("/ontology.ttl"), ttl)),
        ("search 'козлов' JSON", lambda c, n: page(c.get("/search.json", query_string={"q": "козлов"}))),
        ("search 'минпромторг' JSON", lambda c, n: page(c.get("/search.json", query_string={"q": "минпромторг"}))),
        (
            "query page JSON (a SELECT)",
            lambda c, n: page(
                c.get(
                    "/query.json",
                    query_string={
                        "query": "SELECT ?c WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> } ORDER BY ?c"
                    },
                )
            ),
        ),
        ("data document (Turtle)", lambda c, n: quads(c.get("/data/person/kozlovsky-aleksandr.ttl"), ttl)),
        (
            "VoID description (Turtle)",
            lambda c, n: quads(c.get("/.well-known/void", headers={"Accept": "text/turtle"}), ttl),
        ),
        (
            "SELECT the article graph (GRAPH <…>)",
            sparql(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ARTICLE}> {{ ?s ?p ?o }} }}"),
        ),
        ("COUNT(*) of the union default graph", sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")),
        (
            "graphs and their sizes (GRAPH ?g)",
            sparql("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"),
        ),
        ("ASK true", sparql("ASK { ?s a <http://xmlns.com/foaf/0.1/Person> }")),
        ("ASK false", sparql("ASK { ?s a <http://example.org/Nothing> }")),
        (
            "booleans in the data (isDirectQuote)",
            sparql("SELECT ?s ?q WHERE { ?s <https://w3id.org/policykg/ontology/isDirectQuote> ?q }"),
        ),
        (
            "CONSTRUCT labels of persons (Turtle)",
            lambda c, n: quads(
                c.get(
                    "/sparql",
                    query_string={
                        "query": "CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { ?s a "
                        "<http://xmlns.com/foaf/0.1/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
                    },
                    headers={"Accept": "text/turtle"},
                ),
                ttl,
            ),
        ),
        (
            "DESCRIBE a person (N-Triples)",
            lambda c, n: quads(
                c.get(
                    "/sparql",
                    query_string={"query": "DESCRIBE <http://localhost:8000/id/person/kozlovsky-aleksandr>"},
                    headers={"Accept": "application/n-triples"},
                ),
                ox.RdfFormat.N_TRIPLES,
            ),
        ),
        ("syntax error → status", lambda c, n: c.get("/sparql", query_string={"query": "SELECT WHERE {"}).status_code),
        (
            "SERVICE refused → status",
            lambda c, n: (
                c.get("/sparql", query_string={"query": "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"}).status_code
            ),
        ),
    ]
    for fmt, parsed in export_formats.items():
        out.append(
            (
                f"export of the dataset ({fmt})",
                lambda c, n, f=fmt, p=parsed: quads(c.get("/export", query_string={"format": f}), p),
            )
        )
    out.append(
        (
            "export of the inferred graph (nt)",
            lambda c, n: quads(
                c.get("/export", query_string={"format": "nt", "graph": "http://localhost:8000/id/graph/inferred"}),
                ox.RdfFormat.N_TRIPLES,
            ),
        )
    )
    for name in names:
        out.append((f"named query {name}", lambda c, n, q=name: page(c.get(_example(c, q)))))
    for name, args in MORE_NAMED:
        label = f"named query {name} ({', '.join(f'{k}={v}' for k, v in args.items()) or 'no parameters'})"
        out.append((label, lambda c, n, q=name, a=args: page(c.get(f"/api/queries/{q}", query_string=a))))
    out += [
        (
            "update without token → status",
            lambda c, n: c.post("/sparql", data={"update": "INSERT DATA { <http://x/a> <http://x/b> 1 }"}).status_code,
        ),
        (
            "SPARQL Update with the token (literals, a blank node)",
            lambda c, n: c.post("/sparql", data={"update": LITERALS}, headers=AUTH).status_code,
        ),
        (
            "literals round-trip (SELECT)",
            sparql(f"SELECT ?p ?o WHERE {{ GRAPH <{SMOKE_GRAPH}/literals> {{ ?s ?p ?o }} }}"),
        ),
        (
            "literals round-trip (Graph Store GET)",
            lambda c, n: quads(
                c.get(
                    "/store",
                    query_string={"graph": SMOKE_GRAPH + "/literals"},
                    headers={"Accept": "application/n-triples"},
                ),
                ox.RdfFormat.N_TRIPLES,
            ),
        ),
        ("FILTER on a boolean (= false)", sparql("SELECT ?s WHERE { ?s <http://x/bool> false }")),
        ("Graph Store PUT of a new graph → 201", lambda c, n: _gsp(c, "put", '<http://x/a> <http://x/b> "c" .')),
        ("Graph Store PUT again → 204", lambda c, n: _gsp(c, "put", '<http://x/a> <http://x/b> "d" .')),
        ("Graph Store POST → 204", lambda c, n: _gsp(c, "post", f'<http://x/a> <http://x/b> "true"^^<{XSD}boolean> .')),
        (
            "Graph Store GET",
            lambda c, n: quads(
                c.get("/store", query_string={"graph": SMOKE_GRAPH}, headers={"Accept": "text/turtle"}), ttl
            ),
        ),
        (
            "Graph Store DELETE → 204",
            lambda c, n: c.delete("/store", query_string={"graph": SMOKE_GRAPH}, headers=AUTH).status_code,
        ),
        (
            "Graph Store GET after DELETE → 404",
            lambda c, n: c.get("/store", query_string={"graph": SMOKE_GRAPH}).status_code,
        ),
        ("ingest an article → draft (201)", lambda c, n: _ingest(c, "udm")),
        ("a draft is not published (COUNT)", sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")),
        ("drafts list", lambda c, n: page(c.get("/ingest/drafts"))),
        ("accept the draft (SHACL, reasoning)", lambda c, n: _accept(stores[n], settings[n], "udm")),
        ("after accept: search 'смирнова'", lambda c, n: page(c.get("/search.json", query_string={"q": "смирнова"}))),
        (
            "ingest a second article, then reject it",
            lambda c, n: (_ingest(c, "again"), workflow.reject(stores[n], settings[n], "again")),
        ),
        ("after reject: drafts list", lambda c, n: page(c.get("/ingest/drafts"))),
        ("export after the writes (nq)", lambda c, n: quads(c.get("/export", query_string={"format": "nq"}), nq)),
        ("classes after the writes", lambda c, n: page(c.get("/classes.json"))),
    ]
    return out


def _example(c, name: str) -> str:
    entry = next(q for q in c.get("/api/queries").get_json()["queries"] if q["name"] == name)
    return entry.get("example") or entry["url"]


def _gsp(c, method: str, body: str) -> int:
    headers = {"Content-Type": "application/n-triples", **AUTH}
    return getattr(c, method)("/store", query_string={"graph": SMOKE_GRAPH}, data=body, headers=headers).status_code


def _ingest(c, name: str) -> list:
    body = {
        "text": INGEST.read_text(encoding="utf-8"),
        "date": "2026-03-05",
        "name": name,
        "title": "Встреча в Удмуртии",
    }
    resp = c.post("/ingest", json=body, headers=AUTH)
    return page(resp)


def _accept(store, settings: Settings, name: str) -> dict:
    result = workflow.accept(store, settings, name)
    result.get("reasoning", {}).pop("seconds", None)
    result["activity"] = ACTIVITY.sub("ID", result.get("activity", ""))  # named by its time
    return result


def load(env: dict[str, str]) -> str:
    """`policykg load` (ontology, data, reasoning) into the store of ``env``: its last line."""
    done = subprocess.run(
        [sys.executable, "-m", "server", "load"],
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def compare(remote_env: dict[str, str], work: Path) -> list[tuple[str, bool, Any, Any]]:
    """Load both stores, run every check on both: (label, same, embedded answer, remote answer)."""
    envs = {"embedded": {"POLICYKG_DATA_DIR": str(work / "embedded")}, "virtuoso": remote_env}
    loaded = {name: load(env) for name, env in envs.items()}
    settings = {name: Settings.from_env(env, update_token=TOKEN) for name, env in envs.items()}
    stores = {name: open_store(s) for name, s in settings.items()}
    clients = {name: create_app(settings[name], store=stores[name]).test_client() for name in envs}
    names = [q["name"] for q in clients["embedded"].get("/api/queries").get_json()["queries"]]
    rows = []
    for label, fn in checks(names, loaded, stores, settings):
        got = {}
        for name, c in clients.items():
            try:
                got[name] = fn(c, name)
            except Exception as exc:  # noqa: BLE001 - a smoke table: record, go on
                got[name] = f"error: {type(exc).__name__}: {exc}"[:300]
        got = json.loads(json.dumps(got, default=str))
        rows.append((label, got["embedded"] == got["virtuoso"], got["embedded"], got["virtuoso"]))
    for st in stores.values():
        st.close()
    return rows


def _short(v: Any) -> str:
    text = v if isinstance(v, str | int) else json.dumps(v, ensure_ascii=False, default=str)
    text = str(text).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 160 else text[:157] + "…"


def _diff(a: Any, b: Any) -> tuple[Any, Any]:
    if isinstance(a, list) and isinstance(b, list):
        a, b = (a[-1] if a and isinstance(a[-1], list) else a), (b[-1] if b and isinstance(b[-1], list) else b)
        only_a = [x for x in a if x not in b]
        only_b = [x for x in b if x not in a]
        return (
            f"{len(a)} items; {len(only_a)} only here, e.g. {only_a[0] if only_a else '-'}",
            f"{len(b)} items; {len(only_b)} only here, e.g. {only_b[0] if only_b else '-'}",
        )
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        return {k: a.get(k) for k in keys}, {k: b.get(k) for k in keys}
    return a, b


def main() -> int:
    from virtuoso_server import MISSING, VirtuosoServer, available

    if not available():
        raise SystemExit(MISSING)
    work = Path(tempfile.mkdtemp(prefix="policykg-virtuoso-"))
    virtuoso = VirtuosoServer(work / "virtuoso")
    try:
        rows = compare(virtuoso.env, work)
    finally:
        virtuoso.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"# policykg on Virtuoso vs embedded ({datetime.date.today()})\n")
    print("| request | same answer | embedded | virtuoso |\n|---|---|---|---|")
    for label, same, a, b in rows:
        if not same:
            a, b = _diff(a, b)
        print(f"| {label} | {'yes' if same else '**no**'} | {_short(a)} | {_short(b)} |")
    differ = sum(not same for _, same, _, _ in rows)
    print(f"\n{differ} of {len(rows)} answers differ.")
    return 0


if __name__ == "__main__":
    start = time.monotonic()
    code = main()
    print(f"({time.monotonic() - start:.0f} s)", file=sys.stderr)
    raise SystemExit(code)
