"""Two runs of bench/ingest_quality.py over the same sets, side by side: which set moved in which kind,
which misses and false facts came or went, and the totals over all sets.

    python bench/ingest_quality.py --set tests/fixtures/news/dev* --out-dir /tmp/before
    (change the rules)
    python bench/ingest_quality.py --set tests/fixtures/news/dev* --out-dir /tmp/after
    python bench/ingest_compare.py /tmp/before /tmp/after [--facts]

Each folder holds SET.json files as --out-dir writes them. A set present in only one folder is named
and skipped. Totals are matched/drafted (precision) and matched/gold (recall), summed over the sets.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

KINDS = ("persons", "organisations", "posts", "legal_acts", "money", "changes", "events")


def load(folder: Path) -> dict[str, dict[str, Any]]:
    """set name -> its summary, for every SET.json in ``folder`` (baselines and notes skipped)."""
    out = {}
    for path in folder.glob("*.json"):
        if path.stem.endswith("-baseline") or (path.stem.startswith("ingest-") and "quality" not in path.stem):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "summary" in data:
            out[path.stem.removeprefix("ingest-quality-")] = data["summary"]
    return out


def set_order(name: str) -> tuple[str, int]:
    m = re.fullmatch(r"(\D*)(\d*)", name)
    return (m.group(1), int(m.group(2) or 1)) if m else (name, 0)


def figure(kind: dict[str, Any]) -> str:
    def two(x: float | None) -> str:
        return "—" if x is None else f"{x:.2f}"

    return f"{two(kind['precision'])}/{two(kind['recall'])}"


def compare(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], facts: bool) -> list[str]:
    lines = []
    totals = {(side, k): [0, 0, 0, 0] for side in (0, 1) for k in KINDS}
    for side, only in (("first", before.keys() - after.keys()), ("second", after.keys() - before.keys())):
        if only:
            lines.append(f"only in the {side} run, skipped: " + ", ".join(sorted(only, key=set_order)))
    for name in sorted(before.keys() & after.keys(), key=set_order):
        a, b = before[name], after[name]
        moved = []
        for k in KINDS:
            for side, s in ((0, a), (1, b)):
                t, kind = totals[(side, k)], s["kinds"][k]
                t[0] += kind["draft"]
                t[1] += kind["gold"]
                t[2] += kind["matched_draft"]
                t[3] += kind["matched_gold"]
            if figure(a["kinds"][k]) != figure(b["kinds"][k]):
                moved.append(f"{k} {figure(a['kinds'][k])} -> {figure(b['kinds'][k])}")
        if len(a["junk"]) != len(b["junk"]):
            moved.append(f"junk {len(a['junk'])} -> {len(b['junk'])}")
        if moved:
            lines.append(f"{name}: " + "; ".join(moved))
        if facts:
            for k in KINDS:
                for field in ("missed", "spurious"):
                    was, now = set(a["kinds"][k][field]), set(b["kinds"][k][field])
                    lines += [f"    + {k} {field}: {x}" for x in sorted(now - was)]
                    lines += [f"    - {k} {field}: {x}" for x in sorted(was - now)]
    lines.append("totals, precision as matched/drafted and recall as matched/gold:")
    for k in KINDS:
        a4, b4 = totals[(0, k)], totals[(1, k)]
        lines.append(f"  {k:14} P {a4[2]}/{a4[0]} -> {b4[2]}/{b4[0]}   R {a4[3]}/{a4[1]} -> {b4[3]}/{b4[1]}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path, help="folder of SET.json from the first run")
    ap.add_argument("after", type=Path, help="folder of SET.json from the second run")
    ap.add_argument("--facts", action="store_true", help="also list the misses and false facts that came or went")
    args = ap.parse_args()
    print("\n".join(compare(load(args.before), load(args.after), args.facts)))


if __name__ == "__main__":
    main()
