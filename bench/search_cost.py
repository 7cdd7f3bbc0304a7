"""The cost of one label search in the process (no HTTP, no page): the label index built once from
a store folder opened read-only, then each query searched --rounds times, as a first search of
its text (the labels found by earlier searches are not kept, where the index keeps them), first
page and the page at --offset. Run it with the tree to measure first on the path, so that one
script times two versions side by side:

    PYTHONPATH=/work/main python bench/search_cost.py --data-dir DIR
    PYTHONPATH=$PWD python bench/search_cost.py --data-dir DIR

Prints the median wall and CPU time of each query in ms, and how many IRIs it found.
"""

from __future__ import annotations

import argparse
import statistics
import time

from server.browse import labels, search
from server.browse.terms import Linker, load_vocab
from server.store import EmbeddedStore

QUERIES = ["Proposal", "proposal no. 1", "council", "kozlov", "Минпромторг", "ов", "zzzz"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--offset", type=int, default=500)
    ap.add_argument("-q", "--query", action="append", help="a search text (default: a mix)")
    args = ap.parse_args()
    if hasattr(labels, "FOUND_KEPT_MAX"):
        labels.FOUND_KEPT_MAX = -1  # every search scans the labels
    store = EmbeddedStore(args.data_dir, read_only=True)
    t = time.perf_counter()
    index = labels.build(store)
    print(f"label index: {len(index.entries)} labels, built in {time.perf_counter() - t:.1f} s ({labels.__file__})")
    vocab, linker = load_vocab(store), Linker("http://localhost:8000/")
    print(f"{'query':16} {'offset':>6} {'IRIs':>7} {'wall ms':>8} {'CPU ms':>7}   (median of {args.rounds})")
    for q in args.query or QUERIES:
        for offset in (0, args.offset):
            wall, cpu = [], []
            for _ in range(args.rounds):
                w, c = time.perf_counter(), time.process_time()
                found = search.search(store, q, index=index, linker=linker, vocab=vocab, lang="en", offset=offset)
                wall.append((time.perf_counter() - w) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            print(f"{q:16} {offset:6} {found['total']:7} {statistics.median(wall):8.1f} {statistics.median(cpu):7.1f}")


if __name__ == "__main__":
    main()
