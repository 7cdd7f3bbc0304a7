"""The whole request in-process: the WSGI app of one `policykg serve` worker (its
``InWorkerRunner``) called directly with distinct requests of bench/speed_ab.py's mix, and the
same queries through pyoxigraph alone (the floor: parse the query string, query, serialise).

    PYTHONPATH=$PWD python bench/path_profile.py --data-dir /tmp/fast/w100k/policykg
    PYTHONPATH=$PWD python bench/path_profile.py --data-dir ... --profile "label lookup" --top 30

Prints CPU µs per request (the least of --rounds runs of --n requests) for each query, GET and POST,
and with ``--profile NAME`` a cProfile of that query's GET requests. The store is only read.
Never run from the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import pstats
import sys
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import speed_ab

QUERIES = ("label lookup", "DESCRIBE", "CONSTRUCT")
UNITS = 25000
_numbers = itertools.count(1)  # request numbers: no text repeats within a run


def texts(name: str) -> Callable[[], str]:
    """A new query text per call, as speed_ab's distinct mix makes them."""
    template = {q[0]: q[1] for q in speed_ab.MIX}[name]

    def next_text() -> str:
        n = next(_numbers)
        text = speed_ab.fill(template, k=(n * 7919) % UNITS, m=n % 97, m10=10 + n % 40, big=1000 + n)
        return f"{text}\n# r{n}"

    return next_text


def wsgi_call(app: Callable, accept: str, method: str) -> Callable[[str], bytes]:
    def call(text: str) -> bytes:
        body = b""
        env = {
            "REQUEST_METHOD": method,
            "PATH_INFO": "/sparql",
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "HTTP_HOST": "127.0.0.1:8000",
            "HTTP_ACCEPT": accept,
            "SCRIPT_NAME": "",
        }
        encoded = "query=" + urllib.parse.quote(text)
        if method == "GET":
            env["QUERY_STRING"] = encoded
        else:
            body = encoded.encode("ascii")
            env["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
            env["CONTENT_LENGTH"] = str(len(body))
        env["wsgi.input"] = io.BytesIO(body)
        status: list[str] = []
        out = b"".join(app(env, lambda s, h, exc_info=None: status.append(s)))
        if not status[0].startswith("200"):
            raise SystemExit(f"{status[0]}: {out[:300]!r}")
        return out

    return call


def floor_call(path: str, accept: str) -> Callable[[str], bytes]:
    import pyoxigraph as ox

    store = ox.Store.read_only(path)

    def call(text: str) -> bytes:
        qs = "query=" + urllib.parse.quote(text)
        q = urllib.parse.parse_qs(qs)["query"][0]
        result = store.query(q, use_default_graph_as_union=True)
        if isinstance(result, ox.QuerySolutions):
            return result.serialize(format=ox.QueryResultsFormat.JSON) or b""
        return result.serialize(format=ox.RdfFormat.TURTLE) or b""

    return call


def timed(call: Callable[[str], bytes], next_text: Callable[[], str], n: int, rounds: int) -> float:
    for _ in range(200):
        call(next_text())
    runs = []
    for _ in range(rounds):
        batch = [next_text() for _ in range(n)]
        started = time.process_time()  # CPU time: other processes share the machine
        for text in batch:
            call(text)
        runs.append((time.process_time() - started) / n * 1e6)
    return min(runs)


def ablate(app: Callable, settings: object, accepts: dict[str, str], args: argparse.Namespace) -> None:
    """What each part costs: the same requests with it replaced by nothing (answers may differ)."""
    from unittest import mock

    from server.protocol import executor, query
    from server.views.context import services

    service = services(app).query
    store = service.store
    _ro, state = store._current()
    parts = {
        "(all)": [],
        "no result cache": [mock.patch.object(service, "cache", None)],
        "no ETag": [mock.patch.object(query, "_etag", lambda *a: None)],
        "no single_pattern lexing": [mock.patch.object(executor, "single_pattern", lambda text: True)],
        # the union of all graphs instead of the list without the history graph (answers may differ)
        "union default graph": [mock.patch.object(store, "_published_of", lambda *a: None)],
        "no metrics": [
            mock.patch.object(service.metrics, name, lambda *a: None) for name in ("request", "query", "cache_lookup")
        ],
        "no checkpoint stat": [
            mock.patch.object(type(store._ckpt), "current", lambda self: state),
        ],
    }
    print(f"{'':26}" + "".join(f"{name:>15}" for name in QUERIES))
    for label, patches in parts.items():
        row = []
        for name in QUERIES:
            for p in patches:
                p.start()
            try:
                row.append(timed(wsgi_call(app, accepts[name], "GET"), texts(name), args.n, args.rounds))
            finally:
                for p in reversed(patches):
                    p.stop()
        print(f"{label:26}" + "".join(f"{v:15.1f}" for v in row))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--profile", default="", help="a query name: cProfile its GET requests")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--ablate", action="store_true", help="GET µs with one part of the path switched off at a time")
    args = ap.parse_args()

    from server.app.wsgi import load_app
    from server.core.settings import Settings

    settings = Settings.from_env({}, data_dir=args.data_dir, log_level="WARNING")
    app = load_app(settings, "/nonexistent-retire-dir")
    accepts = {q[0]: q[2] for q in speed_ab.MIX}
    if args.profile:
        call = wsgi_call(app, accepts[args.profile], "GET")
        next_text = texts(args.profile)
        timed(call, next_text, args.n, 1)
        batch = [next_text() for _ in range(args.n)]
        prof = cProfile.Profile()
        prof.enable()
        for text in batch:
            call(text)
        prof.disable()
        pstats.Stats(prof).sort_stats(args.sort).print_stats(args.top)
        return
    if args.ablate:
        ablate(app, settings, accepts, args)
        return
    print(f"{'query':14} {'GET µs':>8} {'POST µs':>8} {'floor µs':>9}")
    for name in QUERIES:
        get = timed(wsgi_call(app, accepts[name], "GET"), texts(name), args.n, args.rounds)
        post = timed(wsgi_call(app, accepts[name], "POST"), texts(name), args.n, args.rounds)
        floor = timed(floor_call(settings.data_dir, accepts[name]), texts(name), args.n, args.rounds)
        print(f"{name:14} {get:8.1f} {post:8.1f} {floor:9.1f}")


if __name__ == "__main__":
    main()
