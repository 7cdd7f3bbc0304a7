"""Check a held-out writer's items against the fixtures README's format.

    python bench/heldout/check.py DIR [DIR ...]

Each ``NN-slug.txt`` needs its ``NN-slug.gold.json``. Checked: the header lines, every surface is an
exact substring of the text, a post's person is among the persons, money values are plain decimals
with an ISO currency and a known qualifier, and the URL and headline are not already used by an item
under ``tests/fixtures/news/`` (the item being checked aside). Lines marked ``(note)`` are advisory.
Exit status 0 when nothing but notes was found.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "news"
QUALIFIERS = {None, "более", "менее", "около", "до", "от", "свыше", "не менее", "range"}
KEYS = ("url", "outlet", "published", "annotator", "structure", "persons", "organisations", "posts")
KEYS += ("legal_acts", "money", "changes", "events", "not_entities")


def _header(text: str) -> tuple[dict[str, str], str]:
    head, _, body = text.partition("\n\n")
    fields = {}
    for line in head.splitlines():
        name, _, value = line.partition(": ")
        fields[name] = value.strip()
    return fields, body


def used(skip: set[Path]) -> tuple[set[str], set[str]]:
    """URLs and headlines of every fixture item outside ``skip``."""
    urls, headlines = set(), set()
    for path in FIXTURES.rglob("*.txt"):
        if path.resolve() in skip:
            continue
        urls.add(_header(path.read_text(encoding="utf-8"))[0].get("URL", ""))
        gold = path.with_name(path.name[: -len(".txt")] + ".gold.json")
        if gold.exists():
            headline = (json.loads(gold.read_text(encoding="utf-8")).get("structure") or {}).get("headline")
            headlines.add(headline or "")
    headlines.discard("")
    return urls, headlines


def _surfaces(gold: dict) -> list[tuple[str, str]]:
    out = []
    structure = gold.get("structure") or {}
    for key in ("headline", "lead", "byline"):
        if structure.get(key):
            out.append((f"structure.{key}", structure[key]))
    if structure.get("dateline"):
        out.append(("structure.dateline", structure["dateline"].get("surface") or ""))
    for key in ("credits", "source_lines"):
        out += [(f"structure.{key}", line) for line in structure.get(key) or []]
    for kind in ("persons", "organisations"):
        for entry in gold.get(kind, []):
            out += [(f"{kind} {entry.get('label')!r}", s) for s in entry.get("surfaces", [])]
    for kind in ("posts", "legal_acts", "money", "changes", "events"):
        for entry in gold.get(kind, []):
            out.append((kind, entry.get("surface") or ""))
    return out


def check(path: Path, urls: set[str], headlines: set[str]) -> list[str]:
    problems = []
    text = path.read_text(encoding="utf-8")
    fields, body = _header(text)
    for name in ("URL", "Outlet", "Published"):
        if not fields.get(name):
            problems.append(f"header line {name}: missing")
    if fields.get("URL") in urls:
        problems.append(f"URL already used by a fixture: {fields['URL']}")
    gold_path = path.with_name(path.name[: -len(".txt")] + ".gold.json")
    if not gold_path.exists():
        return problems + [f"{gold_path.name}: missing"]
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except ValueError as err:
        return problems + [f"{gold_path.name}: not JSON ({err})"]
    problems += [f"key {key!r}: missing" for key in KEYS if key not in gold]
    headline = (gold.get("structure") or {}).get("headline")
    if headline and headline in headlines:
        problems.append(f"headline already used by a fixture: {headline}")
    if gold.get("url") != fields.get("URL"):
        problems.append("gold url differs from the URL line")
    for where, surface in _surfaces(gold):
        if not surface or surface not in body:
            problems.append(f"{where}: surface not in the text: {surface!r}")
    persons = {entry.get("label") for entry in gold.get("persons", [])}
    for post in gold.get("posts", []):
        if post.get("person") not in persons:
            problems.append(f"post of {post.get('person')!r}: not among persons")
    for amount in gold.get("money", []):
        for key in ("value", "value_max"):
            value = amount.get(key)
            if value is not None and not re.fullmatch(r"\d+(\.\d+)?", str(value)):
                problems.append(f"money {key} {value!r}: not a plain decimal")
        if not re.fullmatch(r"[A-Z]{3}", str(amount.get("currency"))):
            problems.append(f"money currency {amount.get('currency')!r}: not ISO 4217")
        if amount.get("qualifier") not in QUALIFIERS:
            problems.append(f"(note) money qualifier {amount.get('qualifier')!r}: not in the list")
    if not re.search("[а-яё]", body, re.IGNORECASE):
        problems.append("(note) no Cyrillic in the text")
    return problems


def main(argv: list[str]) -> int:
    paths = [p for d in argv for p in sorted(Path(d).glob("*.txt"))]
    if not paths:
        print("usage: check.py DIR [DIR ...]  (no .txt items found)")
        return 2
    urls, headlines = used({p.resolve() for p in paths})
    seen: set[str] = set()
    bad = 0
    for path in paths:
        problems = check(path, urls, headlines)
        url = _header(path.read_text(encoding="utf-8"))[0].get("URL", "")
        if url in seen:
            problems.append(f"URL used twice in this check: {url}")
        seen.add(url)
        bad += sum(not p.startswith("(note)") for p in problems)
        for problem in problems:
            print(f"{path.name}: {problem}")
    print("ok" if not bad else f"{bad} problem(s)")
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
