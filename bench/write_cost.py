"""The time of one recorded write: a one-triple ``INSERT DATA`` with its history activity
(server.graph.history.recording), on an on-disk store of any size.

    python bench/generate.py --triples 1000000 --seed 1 -o /tmp/w/data.nt
    python bench/write_cost.py --data-dir /tmp/w/store --nt /tmp/w/data.nt --rounds 5 \\
        [--before OLD_HISTORY_PY]

``--before`` names another version of server/graph/history.py (e.g. ``git show REV:server/graph/history.py
> old.py``): both record the same kind of write in turn, side by side in one run. Prints each time and
the medians.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.core.settings import Settings
from server.graph import history
from server.graph.load import load_files
from server.store import open_store

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def module_from(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("history_before", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True, help="the store's folder (filled from --nt when empty)")
    ap.add_argument("--nt", type=Path, help="N-Triples to load into an empty store")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--before", type=Path, help="an older server/graph/history.py to compare with")
    args = ap.parse_args()
    versions = {"current": history, **({"before": module_from(args.before)} if args.before else {})}
    settings = Settings.from_env({}, data_dir=str(args.data_dir))
    with open_store(settings) as store:
        if not store.graph_names():
            if args.nt is None:
                ap.error("the store is empty: give --nt")
            load_files(store, [args.nt], settings, validate_data=False)
        print("quads", store.triple_count(), flush=True)
        graph = settings.base_iri + "graph/write-cost"
        times: dict[str, list[float]] = {name: [] for name in versions}
        for i in range(args.rounds):
            for name, mod in versions.items():
                subject = f"{settings.base_iri}write-cost/{name}-{i}-{time.time_ns()}"
                started = time.perf_counter()
                with mod.recording(store, settings, "update", agent="bench"):
                    store.update(f'INSERT DATA {{ GRAPH <{graph}> {{ <{subject}> <{LABEL}> "w" }} }}')
                times[name].append(time.perf_counter() - started)
                print(f"{name} round {i}: {times[name][-1]:.3f} s", flush=True)
        for name, values in times.items():
            print(f"{name}: median {statistics.median(values):.3f} s of {len(values)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
