"""The external store's HTTP client: policykg's own (server/store/remote.py, requests) against
SPARQLWrapper, for SPARQL query requests to a real `oxigraph serve` on 127.0.0.1.

    python bench/remote_client.py                       # 500 requests per client, 5 blocks
    python bench/remote_client.py --requests 500 --blocks 5

Both clients do what RemoteStore.query does for a small SELECT: POST the query form (with
Oxigraph's union-default-graph parameter), ask for SPARQL JSON results, read the body and parse
it with pyoxigraph into solutions (transport only: the same form, one parse each;
RemoteStore.query itself is measured beside them for reference). SPARQLWrapper is driven as RemoteStore would have to drive
it (``sparqlwrapper_post`` below: POST, URL-encoded, Accept set by policykg, remote errors
mapped onto policykg's error hierarchy); a new SPARQLWrapper per request, as a store shared by
a threaded server needs (the object holds the query and its parameters). The clients take
turns in blocks so that they share the machine's conditions. Prints, per client, the median,
p90 and mean wall time per request, the client's own CPU time per request and the TCP
connections it opened, then the lines of code the switch would add and remove. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointNotFound, QueryBadFormed, SPARQLWrapperException, Unauthorized

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import http_bench as hb

from server.core import errors
from server.store.remote import RESULTS_ACCEPT, RemoteStore

QUERY = "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?s LIMIT 10"
DATA = "".join(
    f'<http://example.org/s{i}> <http://www.w3.org/2000/01/rdf-schema#label> "label {i}" .\n' for i in range(100)
)


def sparqlwrapper_post(
    url: str, form: list[tuple[str, str]], accept: str, timeout: float | None, user: str = "", password: str = ""
) -> bytes:
    """RemoteStore's query POST on SPARQLWrapper: what would replace ``_post_query``'s use of
    ``_send`` (the Graph Store Protocol would still need requests)."""
    sw = SPARQLWrapper(url)
    sw.setMethod(POST)
    sw.setRequestMethod(URLENCODED)
    sw.setOnlyConneg(True)  # else it adds format=/output=/results= parameters
    sw.addCustomHttpHeader("Accept", accept)
    if user:
        sw.setCredentials(user, password)
    if timeout:
        sw.setTimeout(int(timeout) or 1)  # one timeout for connect and read, whole seconds
    for name, value in form:
        if name == "query":
            sw.setQuery(value)
        else:
            sw.addParameter(name, value)
    try:
        return sw.query().response.read()
    except QueryBadFormed as exc:
        raise errors.QuerySyntaxError(f"Malformed query (external store): {exc}") from None
    except EndPointNotFound as exc:
        raise errors.NotFound(f"External store (query): {exc}") from None
    except Unauthorized as exc:
        raise errors.StoreUnavailable(f"External store refused policykg's credentials: {exc}") from None
    except SPARQLWrapperException as exc:
        raise errors.StoreError(f"External store (query): {exc}") from None
    except urllib.error.HTTPError as exc:  # the codes SPARQLWrapper does not map
        raise errors.StoreError(f"External store (query): {exc.code} {exc.read()[:2000]!r}") from None
    except TimeoutError:
        raise errors.QueryTimeout(f"The external store did not answer within {timeout:g} s (query).") from None
    except (urllib.error.URLError, OSError) as exc:
        raise errors.StoreUnavailable(f"External store at {url} is unreachable: {exc}") from None


def code_lines(obj: object) -> int:
    """Lines of a function or method without its docstring, blank lines and comments."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(obj)))
    fn = tree.body[0]
    if ast.get_docstring(fn) is not None:
        fn.body = fn.body[1:]
    return len([line for line in ast.unparse(fn).splitlines() if line.strip()])


CONNECTS = [0]
_connect = socket.socket.connect


def _counting_connect(sock: socket.socket, address: object) -> None:
    CONNECTS[0] += 1
    _connect(sock, address)


socket.socket.connect = _counting_connect  # TCP connections opened (both clients use socket.socket)


def measure(
    name: str, call, n: int, into: dict[str, list[float]], cpu: dict[str, float], connects: dict[str, int]
) -> None:
    c0, k0 = time.process_time(), CONNECTS[0]
    for _ in range(n):
        t0 = time.perf_counter()
        rows = call()
        into[name].append(time.perf_counter() - t0)
        assert len(rows) == 10, rows
    cpu[name] += time.process_time() - c0
    connects[name] += CONNECTS[0] - k0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=500, help="requests per client")
    ap.add_argument("--blocks", type=int, default=5, help="turns the clients take")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            ["oxigraph", "serve", "--location", work, "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            hb.wait_up(url + "/query?query=ASK%7B%7D", proc)
            store = RemoteStore(url + "/query", url + "/update", url + "/store", union_param=True, timeout=30)
            store.load(DATA, ox.RdfFormat.N_TRIPLES, "http://example.org/g")
            form = store._query_form(QUERY, None, None, None, None)  # the same form for both clients

            def parse(body: bytes) -> list:
                return list(ox.parse_query_results(body, ox.QueryResultsFormat.JSON))

            clients = {
                "RemoteStore.query as it is (requests; + prebind, lexing, results read twice)": lambda: list(
                    store.query(QUERY, timeout=30)
                ),
                "transport only: requests (RemoteStore._post_query, keep-alive)": lambda: parse(
                    store._read(*store._post_query(form, RESULTS_ACCEPT, 30))
                ),
                "transport only: SPARQLWrapper (urllib, a connection per request)": lambda: parse(
                    sparqlwrapper_post(store.query_url, form, RESULTS_ACCEPT, 30)
                ),
            }
            answers = [[r["l"] for r in call()] for call in clients.values()]
            assert all(a == answers[0] for a in answers), answers
            for call in clients.values():  # warm-up
                for _ in range(50):
                    call()
            times: dict[str, list[float]] = {name: [] for name in clients}
            cpu = dict.fromkeys(clients, 0.0)
            connects = dict.fromkeys(clients, 0)
            per_block = max(1, args.requests // args.blocks)
            for _ in range(args.blocks):
                for name, call in clients.items():
                    measure(name, call, per_block, times, cpu, connects)
            store.close()
        finally:
            hb.stop([proc])
    print(f"oxigraph serve, {len(DATA.splitlines())} triples; query: {QUERY}")
    print(f"{per_block * args.blocks} requests per client in {args.blocks} blocks\n")
    print("| client | median ms | p90 ms | mean ms | client CPU ms / request | TCP connections opened |")
    print("|---|---|---|---|---|---|")
    for name, lat in times.items():
        lat.sort()
        print(
            f"| {name} | {statistics.median(lat) * 1000:.3f} | {lat[int(0.9 * len(lat))] * 1000:.3f} "
            f"| {statistics.fmean(lat) * 1000:.3f} "
            f"| {cpu[name] / len(lat) * 1000:.3f} | {connects[name]} |"
        )
    added = code_lines(sparqlwrapper_post)
    removed = code_lines(RemoteStore._post_query)
    print(
        f"\nlines of code (ast-normalised): sparqlwrapper_post adds {added} (the update would reuse it); it "
        f"would remove at most RemoteStore._post_query's {removed}: _send, _http_error and _chunks stay "
        "for the Graph Store Protocol"
    )


if __name__ == "__main__":
    main()
