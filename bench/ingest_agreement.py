"""Agreement between two readers' gold facts on the same news items: the second reader's gold is read
as a draft (``quality.gold_as_found``) and scored against the first's with the matching rules the
ingestion is scored by (``server/ingest/quality.py``). The figures bound what the rules can be
expected to reach under those rules: where two careful readers agree at 0.85, a draft at 0.85 is
as good as a second reader.

    python bench/ingest_agreement.py --set tests/fixtures/news/dev12 --second FOLDER [--out FILE.md]

``--second`` holds NN-slug.gold.json files for the same items (the texts are read from ``--set``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def agreement(first: Path, second: Path) -> dict[str, Any]:
    from server.ingest import quality

    per_item = {}
    for item in quality.items(first):
        other = second / f"{item.stem}.gold.json"
        if other.exists():
            gold = json.loads(other.read_text(encoding="utf-8"))
            per_item[item.stem] = quality.compare_item(item, quality.gold_as_found(gold, item.text))
    return {"set": str(first), "second": str(second), "summary": quality.summarise(per_item)}


def markdown(result: dict[str, Any]) -> str:
    s = result["summary"]
    lines = [
        f"# Agreement between two readers: {result['set']}",
        "",
        f"{s['items']} items; the second reader's gold (`{result['second']}`) scored against the first's, as a",
        "draft is (`python bench/ingest_agreement.py`). P: share of the second reader's facts the first also",
        "wrote; R: share of the first reader's facts the second also wrote.",
        "",
        "| kind | first | second | P | R |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, k in s["kinds"].items():
        lines.append(f"| {kind} | {k['gold']} | {k['draft']} | {k['precision']:.2f} | {k['recall']:.2f} |")
    lines += ["", "## Where they differ", ""]
    for kind, k in s["kinds"].items():
        if k["missed"] or k["spurious"]:
            lines.append(f"### {kind}\n")
            lines += [f"- only the first: {m}" for m in k["missed"]]
            lines += [f"- only the second: {m}" for m in k["spurious"]]
            lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--set", required=True, type=Path, help="folder of NN-slug.txt + NN-slug.gold.json (the first reader)"
    )
    ap.add_argument("--second", required=True, type=Path, help="folder of the second reader's NN-slug.gold.json")
    ap.add_argument("--out", type=Path, help="markdown file to write (JSON beside it)")
    args = ap.parse_args()
    result = agreement(args.set, args.second)
    text = markdown(result)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
        args.out.with_suffix(".json").write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str) + "\n")
    print(text)


if __name__ == "__main__":
    main()
