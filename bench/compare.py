"""Two results of bench/run.py side by side, with how each measure grew.

    python bench/compare.py bench/results/A-1m.md bench/results/B-10m.md > table.md

Rows are matched by their measure (numbers in it, such as the triple count, ignored). The growth
is that of the cost: CPU time where given, else time and memory as they are, req/s inverted
(time per request). With ten
times the data, a growth up to 10× is linear or better; above it is marked.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

NUMBER = re.compile(r"(\d+(?:\.\d+)?) (s|ms|MB|req/s)\b")
CPU = re.compile(r"(\d+(?:\.\d+)?) (s) CPU\b")


def rows(path: Path) -> dict[str, list[str]]:
    """measure (numbers blanked) -> cells of the results table in ``path``."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith("| measure"):
            continue
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        out[re.sub(r"\d+", "N", cells[0])] = cells
    return out


def cost(cell: str) -> float | None:
    """The CPU time of a cell if given (wall times are noisy on a shared machine), else its first
    measured amount, as a cost (req/s inverted); None: no amount."""
    m = CPU.search(cell) or NUMBER.search(cell)
    if not m:
        return None
    value = float(m.group(1))
    return (1 / value if value else None) if m.group(2) == "req/s" else value


def growth(small: str, big: str, factor: float) -> str:
    a, b = cost(small), cost(big)
    if a is None or b is None or a == 0:
        return ""
    g = b / a
    return f"{g:.1f}×" + (" **worse than linear**" if g > factor * 1.1 else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("small", type=Path)
    ap.add_argument("big", type=Path)
    ap.add_argument("--factor", type=float, default=10, help="how many times more data the second has (10)")
    ap.add_argument("--labels", nargs=2, default=["1M", "10M"])
    args = ap.parse_args(argv)
    small, big = rows(args.small), rows(args.big)
    a, b = args.labels
    print(f"| measure | {a}: policykg | {a}: reference | {b}: policykg | {b}: reference | growth {b}/{a} |")
    print("|---|---|---|---|---|---|")
    for measure in list(big) + [m for m in small if m not in big]:
        s, g = small.get(measure, ["", "—", "—"]), big.get(measure, ["", "—", "—"])
        name = g[0] if measure in big else s[0]
        print(f"| {name} | {s[1]} | {s[2]} | {g[1]} | {g[2]} | {growth(s[1], g[1], args.factor)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
