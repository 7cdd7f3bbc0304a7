"""Two `policykg serve` replicas over one external store: after a write through one (SPARQL
Update, a Graph Store PUT) or beside them (`policykg load`), how long until the other shows it,
per view (resource page, search, class page, class list count, statistics, export, /sparql,
Graph Store). The probes and writes are tests/replica_probes.py's (tests/test_replicas.py and
tests/test_virtuoso.py assert the same by polling).

    python bench/replicas.py                 # oxigraph serve, and Virtuoso when installed

Prints one table per store: seconds from the end of the write to the first answer showing it
(polled every 50 ms; each replica reads the store's generation at most every
``store_check_interval`` = 1 s).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import replica_probes as rp
import virtuoso_server
from conftest import TOKEN
from test_remote_store import OXIGRAPH, OxigraphServer
from test_replicas import seed, start_replicas, stop_replicas


def measure(env: dict[str, str]) -> dict[str, dict[str, float]]:
    seed(env)
    started = start_replicas(env)
    try:
        writer, reader = (url for _, url in started)
        times = {}
        for n, (kind, write) in enumerate(rp.WRITES.items()):
            before = rp.baseline(reader)
            rp.prime(reader, n, before)
            write(writer, TOKEN, n, env)
            times[kind] = rp.wait_until_seen(reader, n, before, 30.0)
        return times
    finally:
        stop_replicas(started)


def table(name: str, times: dict[str, dict[str, float]]) -> None:
    views = list(rp.probes({"persons": 0, "triples": 0}))
    print(f"\n## {name}\n\n| write | " + " | ".join(views) + " | slowest |")
    print("|---" * (len(views) + 2) + "|")
    for kind, seen in times.items():
        cells = [f"{seen[v]:.2f}" if v in seen else "never" for v in views]
        slowest = max(seen.values()) if len(seen) == len(views) else float("inf")
        print(f"| {kind} | " + " | ".join(cells) + f" | {slowest:.2f} |")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="policykg-replicas-"))
    try:
        if OXIGRAPH is not None:
            srv = OxigraphServer(work / "oxigraph")
            try:
                table("oxigraph serve", measure({"POLICYKG_STORE": srv.store_url}))
            finally:
                srv.stop()
        if virtuoso_server.available():
            virt = virtuoso_server.VirtuosoServer(work / "virtuoso")
            try:
                table("Virtuoso", measure(virt.env))
            finally:
                virt.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
