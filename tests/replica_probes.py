"""Several `policykg serve` replicas over one external store: a write through one, and what the
others show of it (tests/test_replicas.py asserts it by polling up to a deadline;
bench/replicas.py measures how long each view takes).

Each write adds one new person (its own graph, label, class membership); each probe asks a
replica one question about it over HTTP: its page, search, the class list and class page, the
statistics, the exports, /sparql and the Graph Store.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests

BASE = "http://localhost:8000/id/"
PERSON = "http://xmlns.com/foaf/0.1/Person"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TIMEOUT = 30


def person(n: int) -> tuple[str, str, str]:
    """(the IRI, its Russian label, its graph) of write number ``n``."""
    return f"{BASE}person/replica-{n}", f"Репликов Номер{n}", f"{BASE}graph/replica-{n}"


def turtle(n: int) -> str:
    iri, label, _ = person(n)
    return f'<{iri}> a <{PERSON}> ; <{LABEL}> "{label}"@ru .\n'


# -- the writes ------------------------------------------------------------------------------
def write_update(url: str, token: str, n: int, env: dict[str, str]) -> None:
    _, _, graph = person(n)
    update = f"INSERT DATA {{ GRAPH <{graph}> {{ {turtle(n)} }} }}"
    r = requests.post(url + "/sparql", data={"update": update}, headers=_auth(token), timeout=TIMEOUT)
    assert r.status_code == 204, r.text


def write_graph_store(url: str, token: str, n: int, env: dict[str, str]) -> None:
    _, _, graph = person(n)
    headers = {"Content-Type": "text/turtle", **_auth(token)}
    r = requests.put(url + "/store", params={"graph": graph}, data=turtle(n).encode(), headers=headers, timeout=TIMEOUT)
    assert r.status_code == 201, r.text


def write_load(url: str, token: str, n: int, env: dict[str, str]) -> None:
    """`policykg load FILE` beside the replicas (its own process on the same store)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"replica-{n}.ttl"  # loaded into {base}graph/replica-{n}
        path.write_text(turtle(n), encoding="utf-8")
        root = str(Path(__file__).resolve().parents[1])
        subprocess.run(
            [sys.executable, "-m", "server", "load", "--no-reason", str(path)],
            env={**os.environ, "PYTHONPATH": root, **env},
            check=True,
            capture_output=True,
            timeout=120,
        )


WRITES: dict[str, Callable[[str, str, int, dict[str, str]], None]] = {
    "SPARQL Update": write_update,
    "Graph Store PUT": write_graph_store,
    "policykg load": write_load,
}


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# -- the probes: True once the replica at ``url`` shows write ``n`` -----------------------------
def _get(url: str, path: str, **params: str) -> requests.Response:
    return requests.get(url + path, params=params, timeout=TIMEOUT)


def page(url: str, n: int) -> bool:
    return _get(url, f"/page/person/replica-{n}.json").status_code == 200


def search(url: str, n: int) -> bool:
    iri = person(n)[0]
    r = _get(url, "/search.json", q=f"номер{n}")
    return r.status_code == 200 and any(iri in str(hit) for hit in r.json().get("results", []))


def class_page(url: str, n: int) -> bool:
    r = _get(url, "/class.json", iri=PERSON)
    return r.status_code == 200 and person(n)[0] in r.text


def class_count(url: str, n: int, before: dict[str, int]) -> bool:
    return _person_count(url) > before["persons"]


def stats(url: str, n: int, before: dict[str, int]) -> bool:
    return _triples(url) > before["triples"]


def export(url: str, n: int) -> bool:
    r = _get(url, "/export", format="nq")
    return r.status_code == 200 and person(n)[0] in r.text


def sparql(url: str, n: int) -> bool:
    query = f'ASK {{ ?s <{LABEL}> "{person(n)[1]}"@ru }}'
    r = requests.get(url + "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    return r.status_code == 200 and r.json()["boolean"] is True


def graph_store(url: str, n: int) -> bool:
    return _get(url, "/store", graph=person(n)[2]).status_code == 200


def _person_count(url: str) -> int:
    r = _get(url, "/classes.json")
    r.raise_for_status()
    return next((c["count"] for c in r.json()["classes"] if c["iri"] == PERSON), 0)


def _triples(url: str) -> int:
    r = _get(url, "/index.json")
    r.raise_for_status()
    return int(r.json()["triples"])


def baseline(url: str) -> dict[str, int]:
    """What the counting probes compare with (read before the write)."""
    return {"persons": _person_count(url), "triples": _triples(url)}


def probes(before: dict[str, int]) -> dict[str, Callable[[str, int], bool]]:
    return {
        "resource page": page,
        "search": search,
        "class page": class_page,
        "class list count": lambda url, n: class_count(url, n, before),
        "statistics (home)": lambda url, n: stats(url, n, before),
        "export (N-Quads)": export,
        "/sparql": sparql,
        "Graph Store GET": graph_store,
    }


def prime(url: str, n: int, before: dict[str, int]) -> None:
    """Fill the replica's caches (and check that it does not show write ``n`` yet)."""
    for name, probe in probes(before).items():
        assert not probe(url, n), f"{name} shows write {n} before it was made"


def wait_until_seen(url: str, n: int, before: dict[str, int], deadline: float) -> dict[str, float]:
    """Poll every probe until it sees write ``n`` or ``deadline`` (seconds from now) passes:
    {probe: seconds until it saw it}; the probes that never did are missing."""
    start = time.monotonic()
    pending = dict(probes(before))
    seen: dict[str, float] = {}
    while pending and time.monotonic() - start < deadline:
        for name, probe in list(pending.items()):
            if probe(url, n):
                seen[name] = time.monotonic() - start
                del pending[name]
        time.sleep(0.05)
    return seen
