"""Server-side render time of the browser's pages (Flask test client, no network).

    python bench/pages_bench.py                       # the seed data, in memory
    python bench/pages_bench.py --data-dir DIR -n 50  # an existing on-disk store (e.g. 100k / 1M triples)

Prints one row per page: median and 90th percentile of N renders (after one warm-up), and
the response size. The scale runs call it with --data-dir and --json for the results file.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.app.factory import create_app, ensure_seeded
from server.core.namespaces import PKG
from server.core.settings import Settings
from server.store import EmbeddedStore

DEFAULT_PAGES = [
    ("resource (person)", "/page/person/kozlovsky-aleksandr?lang=ru"),
    ("resource (proposal)", "/page/proposal/lower-capital-investment-lending-threshold?lang=ru"),
    ("resource JSON", "/page/person/kozlovsky-aleksandr.json"),
    ("data document (ttl)", "/data/person/kozlovsky-aleksandr.ttl"),
    ("home", "/?lang=ru"),
    ("search 'козлов'", "/search?q=" + quote("козлов")),
    ("search 'akit'", "/search?q=akit"),
    ("class page (Statement)", "/class?iri=" + quote(PKG + "Statement")),
    ("classes", "/classes"),
    ("ontology", "/ontology"),
]


def open_store(data_dir: str | None) -> EmbeddedStore:
    if data_dir:
        return EmbeddedStore(data_dir, read_only=True)
    store = EmbeddedStore(None)
    ensure_seeded(store, Settings.from_env({}, memory=True))
    return store


def bench(client, path: str, n: int) -> dict:
    resp = client.get(path)  # warm-up (and check)
    if resp.status_code != 200:
        return {"status": resp.status_code, "median_ms": None, "p90_ms": None, "bytes": len(resp.data)}
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        resp = client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {
        "status": 200,
        "median_ms": round(statistics.median(times), 2),
        "p90_ms": round(times[min(len(times) - 1, int(len(times) * 0.9))], 2),
        "bytes": len(resp.data),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", help="on-disk store to open read-only (default: seed data in memory)")
    ap.add_argument("-n", type=int, default=20, help="renders per page (default 20)")
    ap.add_argument(
        "--page",
        action="append",
        default=[],
        metavar="PATH",
        help="extra page path to time (repeatable), e.g. /page/person/x",
    )
    ap.add_argument("--json", dest="json_out", help="also write the results as JSON to this file")
    args = ap.parse_args(argv)

    store = open_store(args.data_dir)
    settings = Settings.from_env({}, memory=args.data_dir is None, data_dir=args.data_dir)
    client = create_app(settings, store=store).test_client()
    pages = DEFAULT_PAGES + [(p, p) for p in args.page]
    triples = store.triple_count()
    print(f"store: {args.data_dir or 'seed (memory)'}, {triples} quads; {args.n} renders per page")
    print(f"{'page':28} {'status':>6} {'median ms':>10} {'p90 ms':>8} {'bytes':>8}")
    results = []
    for name, path in pages:
        r = bench(client, path, args.n)
        results.append({"page": name, "path": path, **r})
        med = "-" if r["median_ms"] is None else f"{r['median_ms']:.1f}"
        p90 = "-" if r["p90_ms"] is None else f"{r['p90_ms']:.1f}"
        print(f"{name:28} {r['status']:>6} {med:>10} {p90:>8} {r['bytes']:>8}")
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps({"quads": triples, "n": args.n, "pages": results}, indent=2, ensure_ascii=False)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
