"""Rewrite the records kept from the per-set results, so that nobody retypes a figure.

    python bench/heldout/records.py run OUTDIR                       every set, two processes, results in OUTDIR
    python bench/heldout/records.py floors RESULTS [devN=comment ...] [--write]
    python bench/heldout/records.py devtable RESULTS [--write]
    python bench/heldout/records.py move SETDIR DEST FIRST          a measured held-out set into the fixtures

RESULTS is a folder of ``devN.json`` (``run``'s output) or ``bench/results`` (``ingest-quality-devN.json``).
``floors`` rewrites the FLOORS and JUNK blocks of ``tests/test_ingest_news.py`` (precision and recall cut
down to two decimals; a set's comment is kept unless given anew); ``devtable`` rewrites the development
table of ``docs/ingestion.md`` (rounded to two decimals; the target column kept). Without ``--write``
they print a unified diff. ``move`` copies a held-out set's items into DEST numbered from FIRST (the
writer's ``xxNN-`` prefix replaced, slugs kept) and prints the fixtures README's rows for them.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT / "tests" / "fixtures" / "news"
TESTFILE = ROOT / "tests" / "test_ingest_news.py"
DOCFILE = ROOT / "docs" / "ingestion.md"
KINDS = ("persons", "organisations", "posts", "legal_acts", "money", "changes")
ROWS = {
    "persons": "persons",
    "organisations": "organisations",
    "posts": "posts",
    "legal_acts": "legal acts",
    "money": "money amounts",
    "changes": "changes",
    "events": "events",
}


def sets() -> list[str]:
    names = [p.name for p in NEWS.iterdir() if re.fullmatch(r"dev\d*", p.name)]
    return sorted(names, key=lambda n: int(n[3:] or 1))


def summary(results: Path, name: str) -> dict:
    for path in (results / f"{name}.json", results / f"ingest-quality-{name}.json"):
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))["summary"]
    raise SystemExit(f"no results for {name} in {results}")


def run(out: Path) -> int:
    names = sets()
    procs = []
    for half in (names[0::2], names[1::2]):
        cmd = [sys.executable, "bench/ingest_quality.py", "--set"]
        cmd += [str(NEWS / n) for n in half] + ["--out-dir", str(out), "--repeat", "1"]
        procs.append(subprocess.Popen(cmd, cwd=ROOT))
    return max(p.wait() for p in procs)


def _cut(x: float) -> float:
    return math.floor(round(x * 100, 6)) / 100


def floors(results: Path, comments: dict[str, str]) -> str:
    text = TESTFILE.read_text(encoding="utf-8")
    start = text.index("FLOORS = {\n")
    end = text.index("\n}\n", start) + 3
    old = dict(re.findall(r'\n    "(dev\d+)": \{  # ([^\n]*)', text[start:end]))
    old.update(comments)
    lines = ["FLOORS = {"]
    for name in sets()[1:]:
        note = f"  # {old[name]}" if name in old else ""
        lines.append(f'    "{name}": {{{note}')
        kinds = summary(results, name)["kinds"]
        for kind in KINDS:
            got = kinds[kind]
            lines.append(f'        "{kind}": ({_cut(got["precision"])!r}, {_cut(got["recall"])!r}),')
        lines.append("    },")
    lines.append("}\n")
    text = text[:start] + "\n".join(lines) + text[end:]
    start = text.index("JUNK = {\n")
    end = text.index("\n}\n", start) + 3
    junk = [f'    "{n}": {len(summary(results, n)["junk"])},' for n in sets()[1:]]
    return text[:start] + "\n".join(["JUNK = {", *junk, "}\n"]) + text[end:]


def _cell(kind: dict) -> str:
    if not kind["gold"]:
        return "— (0 gold)"
    return f"{kind['precision']:.2f} / {kind['recall']:.2f}"


def devtable(results: Path) -> str:
    lines = DOCFILE.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("| kind (P / R) | dev (30)"))
    names = sets()
    counts = [len(list((NEWS / n).glob("*.txt"))) for n in names]
    lines[at] = "| kind (P / R) | " + " | ".join(f"{n} ({c})" for n, c in zip(names, counts)) + " | target |"
    lines[at + 1] = "|---" * (len(names) + 2) + "|"
    summaries = [summary(results, n) for n in names]
    i = at + 2
    for kind, row in ROWS.items():
        target = lines[i].rstrip(" |").rsplit(" | ", 1)[1] if lines[i].startswith(f"| {row} |") else ""
        cells = [_cell(s["kinds"][kind]) for s in summaries]
        lines[i] = f"| {row} | " + " | ".join(cells) + f" | {target} |"
        i += 1
    assert lines[i].startswith("| junk entities |"), lines[i]
    target = lines[i].rstrip(" |").rsplit(" | ", 1)[1]
    lines[i] = "| junk entities | " + " | ".join(str(len(s["junk"])) for s in summaries) + f" | {target} |"
    return "\n".join(lines)


def move(setdir: Path, dest: Path, first: int) -> None:
    dest.mkdir(parents=True, exist_ok=False)
    for number, path in enumerate(sorted(setdir.glob("*.txt")), start=first):
        stem = f"{number}-" + re.sub(r"^[a-z]+\d+-", "", path.name[: -len(".txt")])
        gold = path.with_name(path.name[: -len(".txt")] + ".gold.json")
        (dest / f"{stem}.txt").write_bytes(path.read_bytes())
        (dest / f"{stem}.gold.json").write_bytes(gold.read_bytes())
        facts = json.loads(gold.read_text(encoding="utf-8"))
        print(f"| {stem} | {facts['url']} | {facts['outlet']} | {facts.get('published') or 'unknown'} |")


def _show(path: Path, new: str, write: bool) -> None:
    old = path.read_text(encoding="utf-8")
    if write:
        path.write_text(new, encoding="utf-8")
    else:
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), str(path), str(path)))


def main(argv: list[str]) -> int:
    write = "--write" in argv
    args = [a for a in argv if a != "--write"]
    if not args or args[0] not in ("run", "floors", "devtable", "move") or len(args) < 2:
        print(__doc__)
        return 2
    if args[0] == "run":
        return run(Path(args[1]).resolve())
    if args[0] == "move":
        move(Path(args[1]), Path(args[2]), int(args[3]))
        return 0
    if args[0] == "floors":
        comments = dict(a.split("=", 1) for a in args[2:])
        _show(TESTFILE, floors(Path(args[1]), comments), write)
    else:
        _show(DOCFILE, devtable(Path(args[1])), write)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
