"""policykg on Virtuoso (Debian package `virtuoso-opensource`) next to the embedded store: the
same requests to both, and which answers differ.

    apt-get install virtuoso-opensource
    python bench/virtuoso_smoke.py            # prints one table; exit 0 even when answers differ

Starts a throw-away Virtuoso (`virtuoso-t -f`, its own folder and free ports on 127.0.0.1),
grants SPARQL Update to its SPARQL user and Graph Store writes to anonymous users, loads the
shipped ontology and data with reasoning (`policykg load`) into it and into an embedded store,
then sends the same requests to an app on each (Flask test clients) and compares status codes
and, parsed, the bindings or triples. Virtuoso is reached through the three URL settings
(`store_query_url`, `store_update_url`, `store_gsp_url`), as README *Scaling* describes.
Never run from the test suite.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import http_bench
import pyoxigraph as ox
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.app.factory import create_app
from server.core.settings import Settings

TOKEN = "smoke-token"
ARTICLE = "http://localhost:8000/id/graph/article-2026-01-27"
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_virtuoso(work: Path) -> tuple[subprocess.Popen, int, int]:
    db = work / "db"
    db.mkdir(parents=True)
    sql, http = free_port(), free_port()
    lines = []
    for line in INI.read_text(encoding="utf-8").splitlines():
        line = line.replace("/var/lib/virtuoso-opensource-7/db", str(db))
        key = line.split("=")[0].strip()
        if key == "ServerPort" and "1111" in line:
            line = f"ServerPort = 127.0.0.1:{sql}"
        elif key == "ServerPort" and "8890" in line:
            line = f"ServerPort = 127.0.0.1:{http}"
        lines.append(line)
    ini = work / "virtuoso.ini"
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.Popen(["virtuoso-t", "-f", "-c", str(ini)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{http}/sparql", params={"query": "ASK {}"}, timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.5)
    else:
        proc.kill()
        raise SystemExit("Virtuoso did not start")
    grants = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
    subprocess.run(["isql-vt", str(sql), "dba", "dba", f"exec={grants}"], check=True, capture_output=True)
    return proc, sql, http


def bindings(resp) -> list:
    data = resp.get_json(silent=True) or json.loads(resp.data or b"{}")
    rows = data.get("results", {}).get("bindings", [])
    # blank nodes have no comparable labels across stores
    return sorted(
        json.dumps({k: "_:" if v.get("type") == "bnode" else v.get("value") for k, v in row.items()}, sort_keys=True)
        for row in rows
    )


def triples(resp, fmt=ox.RdfFormat.TURTLE) -> set:
    return {(str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(resp.data, fmt)}


def main() -> int:
    if not shutil.which("virtuoso-t"):
        raise SystemExit("needs virtuoso-t (apt-get install virtuoso-opensource)")
    work = Path(tempfile.mkdtemp(prefix="policykg-virtuoso-"))
    proc, _sql, http = start_virtuoso(work)
    try:
        base = f"http://127.0.0.1:{http}"
        remote_env = {
            "POLICYKG_STORE_QUERY_URL": base + "/sparql",
            "POLICYKG_STORE_UPDATE_URL": base + "/sparql",
            "POLICYKG_STORE_GSP_URL": base + "/sparql-graph-crud",
        }
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        out = {}
        for name, extra in (("embedded", {"POLICYKG_DATA_DIR": str(work / "embedded")}), ("virtuoso", remote_env)):
            r = subprocess.run(
                [sys.executable, "-m", "server", "load"],
                env={**env, **extra},
                capture_output=True,
                text=True,
                check=True,
            )
            out[name] = r.stdout.strip().splitlines()[-1]
        apps = {
            "embedded": create_app(Settings.from_env({}, data_dir=str(work / "embedded"), update_token=TOKEN)),
            "virtuoso": create_app(Settings.from_env(remote_env, update_token=TOKEN)),
        }
        clients = {k: a.test_client() for k, a in apps.items()}
        json_accept = {"Accept": "application/sparql-results+json"}
        q_article = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ARTICLE}> {{ ?s ?p ?o }} }}"
        checks = [
            ("reasoning: `policykg load` summary line", lambda c, n: out[n]),
            ("/health status", lambda c, n: c.get("/health").status_code),
            (
                "SELECT the article graph (GRAPH <…>)",
                lambda c, n: bindings(c.get("/sparql", query_string={"query": q_article}, headers=json_accept)),
            ),
            (
                "COUNT(*) of the union default graph",
                lambda c, n: bindings(
                    c.get(
                        "/sparql",
                        query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                        headers=json_accept,
                    )
                ),
            ),
            (
                "CONSTRUCT labels of persons (Turtle)",
                lambda c, n: sorted(
                    triples(
                        c.get(
                            "/sparql",
                            query_string={
                                "query": "CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
                            },
                            headers={"Accept": "text/turtle"},
                        )
                    )
                ),
            ),
            (
                "syntax error → status",
                lambda c, n: c.get("/sparql", query_string={"query": "SELECT WHERE {"}).status_code,
            ),
            (
                "SERVICE refused → status",
                lambda c, n: (
                    c.get(
                        "/sparql", query_string={"query": "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"}
                    ).status_code
                ),
            ),
            (
                "resource page JSON (Kozlovsky)",
                lambda c, n: c.get("/page/person/kozlovsky-aleksandr.json").get_json(silent=True),
            ),
            ("data document (Turtle)", lambda c, n: sorted(triples(c.get("/data/person/kozlovsky-aleksandr.ttl")))),
            (
                "named query resource-by-label",
                lambda c, n: c.get(
                    "/api/queries/resource-by-label", query_string={"label": "Александр Козловский@ru"}
                ).get_json(silent=True),
            ),
            ("classes page JSON", lambda c, n: c.get("/classes.json").get_json(silent=True)),
            (
                "search 'козлов' JSON",
                lambda c, n: c.get("/search.json", query_string={"q": "козлов"}).get_json(silent=True),
            ),
            (
                "GSP PUT then GET a graph",
                lambda c, n: (
                    c.put(
                        "/store",
                        query_string={"graph": "http://example.org/smoke"},
                        data='<http://x/a> <http://x/b> "c" .',
                        headers={"Content-Type": "application/n-triples", "Authorization": f"Bearer {TOKEN}"},
                    ).status_code,
                    sorted(
                        triples(
                            c.get(
                                "/store",
                                query_string={"graph": "http://example.org/smoke"},
                                headers={"Accept": "text/turtle"},
                            )
                        )
                    ),
                ),
            ),
            (
                "update without token → status",
                lambda c, n: (
                    c.post("/sparql", data={"update": "INSERT DATA { <http://x/a> <http://x/b> 1 }"}).status_code
                ),
            ),
            (
                "export of the dataset (N-Quads), quads",
                lambda c, n: len(c.get("/export", query_string={"format": "nq"}).data.splitlines()),
            ),
        ]
        print(f"# policykg on Virtuoso vs embedded ({time.strftime('%Y-%m-%d')})\n")
        print("| request | same answer | embedded | virtuoso |\n|---|---|---|---|")
        differ = 0
        for label, fn in checks:
            got = {}
            for name, c in clients.items():
                try:
                    got[name] = fn(c, name)
                except Exception as exc:  # noqa: BLE001 - a smoke table: record, go on
                    got[name] = f"error: {type(exc).__name__}: {exc}"[:200]
            same = got["embedded"] == got["virtuoso"]
            differ += not same

            def short(v):
                text = v if isinstance(v, str | int) else json.dumps(v, ensure_ascii=False, default=str)
                text = str(text).replace("|", "\\|").replace("\n", " ")
                return text if len(text) <= 160 else text[:157] + "…"

            a, b = got["embedded"], got["virtuoso"]
            if not same and isinstance(a, list) and isinstance(b, list):
                only_a = [x for x in a if x not in b]
                only_b = [x for x in b if x not in a]
                a = f"{len(a)} items; {len(only_a)} only here, e.g. {only_a[0] if only_a else '-'}"
                b = f"{len(b)} items; {len(only_b)} only here, e.g. {only_b[0] if only_b else '-'}"
            elif not same and isinstance(a, dict) and isinstance(b, dict):
                keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
                a = {k: a.get(k) for k in keys}
                b = {k: b.get(k) for k in keys}
            print(f"| {label} | {'yes' if same else '**no**'} | {short(a)} | {short(b)} |")
        print(f"\n{differ} of {len(checks)} answers differ.")
        return 0
    finally:
        http_bench.stop([proc], wait=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
