"""Ingestion quality on real news: each item of a set is ingested as `policykg ingest` does it and its
draft graph is compared with the item's gold facts.

    python bench/ingest_quality.py --set tests/fixtures/news/dev [--out bench/results/ingest-quality-dev.md]
    python bench/ingest_quality.py --set tests/fixtures/news/dev* --out-dir /tmp/after   (every set)

A set is a folder of NN-slug.txt (URL/Outlet/Published lines, a blank line, the article) and
NN-slug.gold.json (tests/fixtures/news/README.md). One fresh in-memory store holds the ontology and the
seed data (with its inferences); every item becomes a draft there, read back with the resources it
links to. The matching rules are in server/ingest/quality.py. Written: a markdown table (--out) and
the same figures as JSON beside it (.json). Also reported: the seed article and the old fixtures
(tests/fixtures/articles) with the older evaluation, which must stay at 1.00, and the time per article
once the models are loaded (median of --repeat runs per article).
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGETS = {
    "persons": (0.95, 0.95),
    "organisations": (0.9, 0.9),
    "posts": (0.85, 0.85),
    "legal_acts": (None, 0.95),
    "money": (0.9, 0.9),
    "changes": (None, 0.9),
    "events": (None, None),
}


def run_set(folder: Path, repeat: int) -> dict[str, Any]:
    from rdflib import Graph

    from server.app.factory import ensure_seeded
    from server.core.settings import Settings
    from server.graph.convert import quads_to_graph
    from server.ingest import nlp, quality, readback, workflow
    from server.store import EmbeddedStore

    t0 = time.perf_counter()
    nlp.pipeline()
    nlp.morph()
    load = time.perf_counter() - t0
    settings = Settings.from_env({}, memory=True)
    store = EmbeddedStore(None)
    ensure_seeded(store, settings)
    background = Graph()
    for info in store.graphs():
        if "/graph/draft/" not in info.iri:
            quads_to_graph(store.quads(info.iri), background)
    per_item: dict[str, Any] = {}
    times: dict[str, float] = {}
    for item in quality.items(folder):
        day = item.published or datetime.date.today()
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            res = workflow.ingest(store, settings, item.text, day, name=item.stem, url=item.url, outlet=item.outlet)
            runs.append(time.perf_counter() - t)
        times[item.stem] = statistics.median(runs)
        _, _, g = workflow.load_draft(store, settings, res["name"])
        found = readback.read_draft(readback.view(g, background))
        per_item[item.stem] = quality.compare_item(item, found)
        per_item[item.stem]["selectors_ok"] = res["summary"]["selectors_ok"]
    summary = quality.summarise(per_item)
    summary["seconds_per_article_median"] = round(statistics.median(times.values()), 3) if times else None
    summary["seconds_per_article_max"] = round(max(times.values()), 3) if times else None
    summary["model_load_seconds"] = round(load, 3)
    summary["selectors_ok"] = all(r["selectors_ok"] for r in per_item.values())
    return {
        "set": str(folder),
        "summary": summary,
        "seconds": {k: round(v, 3) for k, v in times.items()},
        "items": {k: quality.score_as_dict(v) for k, v in per_item.items()},
    }


def old_figures() -> dict[str, Any]:
    """The seed article and the old fixtures with the older evaluation (server/ingest/evaluate.py)."""
    from rdflib import Graph

    from server.core.resources import ontology_files
    from server.core.settings import Settings
    from server.graph.load import load_files
    from server.ingest import evaluate, workflow
    from server.store import EmbeddedStore

    settings = Settings.from_env({}, memory=True)
    store = EmbeddedStore(None)
    load_files(store, ontology_files(), settings)
    out = {}
    seed = ROOT / "data" / "sources" / "article-2026-01-27.txt"
    fixtures = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    for path in [seed, *fixtures]:
        day = datetime.date.fromisoformat(path.stem[len("article-") :])
        res = workflow.ingest(store, settings, path.read_text(encoding="utf-8"), day, path=path)
        _, _, g = workflow.load_draft(store, settings, res["name"])
        if path == seed:
            gold = evaluate.items_from_graph(Graph().parse(ROOT / "data" / "article-2026-01-27.ttl"))
            rep = evaluate.compare(evaluate.items_from_graph(g), gold, exact_mentions=False)
        else:
            expected = evaluate.load_expected(path.with_name(path.stem + ".expected.json"))
            rep = evaluate.compare(
                evaluate.items_from_graph(g), evaluate.items_from_expected(expected), exact_mentions=True
            )
        out[path.stem] = {k: {"precision": v["precision"], "recall": v["recall"]} for k, v in rep.items()}
    return out


def markdown(result: dict[str, Any], old: dict[str, Any]) -> str:
    s = result["summary"]
    lines = [
        f"# Ingestion quality: {result['set']}",
        "",
        (
            f"{s['items']} items; generated by `python bench/ingest_quality.py --set {result['set']}` on "
            f"{datetime.date.today().isoformat()}. Matching rules: `server/ingest/quality.py`."
        ),
        "",
        "| kind | draft | gold | P | R | target P | target R |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for k, v in s["kinds"].items():
        tp, tr = TARGETS[k]
        lines.append(
            f"| {k} | {v['draft']} | {v['gold']} | {v['precision']:.2f} | {v['recall']:.2f} | "
            f"{'' if tp is None else f'≥ {tp}'} | {'' if tr is None else f'≥ {tr}'} |"
        )
    m = s["money_details"]
    lines += [
        "",
        f"- junk entities: **{len(s['junk'])}**",
        f"- legal acts minted twice: **{len(s['acts_minted_twice'])}**",
        (
            f"- money: qualifier agrees on {m['qualifier_agrees']} of {m['matched']} matched amounts; "
            f"{m['with_measures']} say what they measure, {m['with_belongs_to']} what they belong to"
        ),
        f"- qualitative gold changes (no numeric value, not scored): {len(s['qualitative_changes'])}",
        f"- gold organisations that the draft has as named industrial sites (not scored): {len(s['sites_set_apart'])}",
        "- structure fields equal to the gold: "
        + ", ".join(f"{k} {v}/{s['items']}" for k, v in s["structure"].items()),
        f"- selectors match the text in every draft: {'yes' if s['selectors_ok'] else 'NO'}",
        (
            f"- time per article after the models are loaded (load {s['model_load_seconds']} s): "
            f"median {s['seconds_per_article_median']} s, max {s['seconds_per_article_max']} s"
        ),
        "",
        "## Seed article and old fixtures (older evaluation)",
        "",
        "| article | persons | organisations | legal acts | changes |",
        "|---|---|---|---|---|",
    ]
    for name, rep in old.items():
        cells = [
            f"{rep[k]['precision']:.2f}/{rep[k]['recall']:.2f}"
            for k in ("persons", "organisations", "legal_acts", "parameter_changes")
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "## Per item (P/R)",
        "",
        "| item | persons | orgs | posts | acts | money | changes | events | junk | s |",
        "|---|---|---|---|---|---|---|---|---:|---:|",
    ]
    for stem, r in result["items"].items():
        cells = [
            f"{r[k]['precision']:.2f}/{r[k]['recall']:.2f}"
            for k in ("persons", "organisations", "posts", "legal_acts", "money", "changes", "events")
        ]
        lines.append(f"| {stem} | " + " | ".join(cells) + f" | {len(r['junk'])} | {result['seconds'][stem]} |")
    lines += ["", "## Misses and false positives by kind", ""]
    for k, v in s["kinds"].items():
        lines += [f"### {k}", "", f"Missed ({len(v['missed'])}):", ""] + [f"- {_one_line(x)}" for x in v["missed"]]
        lines += (
            ["", f"False positives ({len(v['spurious'])}):", ""] + [f"- {_one_line(x)}" for x in v["spurious"]] + [""]
        )
    for title, rows in (
        ("Junk entities", s["junk"]),
        ("Legal acts minted twice", s["acts_minted_twice"]),
        ("Qualitative gold changes (not scored)", s["qualitative_changes"]),
        ("Gold organisations drafted as named industrial sites (not scored)", s["sites_set_apart"]),
        ("Money qualifiers that disagree", m["qualifier_disagrees"]),
    ):
        lines += [f"### {title}", ""] + ([f"- {_one_line(x)}" for x in rows] or ["none"]) + [""]
    return "\n".join(lines)


def _one_line(s: str) -> str:
    return s.replace("\n", " ⏎ ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, nargs="+", required=True, help="folder(s) of NN-slug.txt + NN-slug.gold.json")
    ap.add_argument("--out", type=Path, default=None, help="markdown file to write (JSON beside it); one set only")
    ap.add_argument(
        "--out-dir", type=Path, default=None, help="folder to write SET.md and SET.json in, for each set (no printing)"
    )
    ap.add_argument("--repeat", type=int, default=1, help="ingest runs per article for the time (median)")
    args = ap.parse_args()
    if args.out and len(args.set) > 1:
        ap.error("--out takes one set; use --out-dir for several")
    old = old_figures()
    for folder in args.set:
        result = run_set(folder, args.repeat)
        md = markdown(result, old)
        out = args.out_dir / f"{folder.name}.md" if args.out_dir else args.out
        if not args.out_dir:
            print(md)
        if out:
            write(out, md, {**result, "old": old})


def write(out: Path, md: str, data: dict[str, Any]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(md + "\n", encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
