"""Article ingestion cost and quality.

    python bench/ingest_bench.py [--repeat 3] [--batch 20] [--out bench/results/ingest.json]

Measures, in one fresh process: natasha/pymorphy3 model load time, per-article ingest time (NER,
rules, linking, draft graph, store write; models already loaded), peak RSS (resource.getrusage)
and the Python-heap peak of one ingest (tracemalloc); and the evaluation figures against the
hand-modelled seed article (data/article-2026-01-27.ttl) and the synthetic fixtures.

Then ``POST /ingest`` three times in one app (the models already loaded by this process, as in a
server worker after its first ingest: each request reuses them), and a batch: ``--batch`` copies of
the seed and fixture articles in a temporary folder (never kept), ingested by one
``policykg ingest FOLDER --report`` subprocess into an on-disk store holding the ontology: its wall
time, its model load and its per-article times (from the report).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=20, help="articles in the batch run")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from rdflib import Graph

    from server.core.resources import ontology_files
    from server.core.settings import Settings
    from server.graph.load import load_files
    from server.ingest import evaluate, nlp, workflow
    from server.store import EmbeddedStore

    imports = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp.pipeline()
    nlp.morph()
    load = time.perf_counter() - t0

    settings = Settings.from_env({}, memory=True)
    store = EmbeddedStore(None)
    load_files(store, ontology_files(), settings)
    articles = [(ROOT / "data" / "sources" / "article-2026-01-27.txt", None)]
    articles += [
        (p, p.with_name(p.stem + ".expected.json"))
        for p in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    ]
    results = {"model_load_seconds": round(load, 3), "import_seconds": round(imports, 3), "articles": []}
    for path, expected in articles:
        text = path.read_text(encoding="utf-8")
        day = datetime.date.fromisoformat(path.stem[len("article-") :])
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            res = workflow.ingest(store, settings, text, day, path=path)
            times.append(time.perf_counter() - t0)
        tracemalloc.start()
        workflow.ingest(store, settings, text, day, path=path)
        _, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        _, _, g = workflow.load_draft(store, settings, res["name"])
        if expected is None:
            gold = evaluate.items_from_graph(Graph().parse(ROOT / "data" / "article-2026-01-27.ttl"))
            rep = evaluate.compare(evaluate.items_from_graph(g), gold, exact_mentions=False)
        else:
            rep = evaluate.compare(
                evaluate.items_from_graph(g),
                evaluate.items_from_expected(evaluate.load_expected(expected)),
                exact_mentions=True,
            )
        check = evaluate.selector_check(g, text)
        results["articles"].append(
            {
                "article": path.name,
                "characters": len(text),
                "draft_triples": len(g),
                "ingest_seconds_median": round(statistics.median(times), 3),
                "ingest_seconds_all": [round(t, 3) for t in times],
                "python_heap_peak_mb": round(heap_peak / 2**20, 1),
                "statements": check["statements"],
                "selector_mismatches": len(check["mismatches"]),
                "facts_without_evidence": len(check["facts_without_evidence"]),
                "evaluation": rep,
            }
        )
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    results["http"] = http_ingest(store, settings, [path for path, _ in articles])
    results["batch"] = batch(args.batch, [path for path, _ in articles])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(
        f"model load: {results['model_load_seconds']} s (imports {results['import_seconds']} s); "
        f"peak RSS {results['peak_rss_mb']} MB"
    )
    print(
        f"{'article':<24}{'chars':>7}{'s/article':>11}{'heap MB':>9}  PER P/R   ORG P/R   ACT P/R   CHG P/R   "
        f"PER-m P/R  ORG-m P/R  selectors"
    )
    for a in results["articles"]:
        e = a["evaluation"]

        def pr(k: str, e: dict = e) -> str:
            return f"{e[k]['precision']:.2f}/{e[k]['recall']:.2f}"

        def prm(k: str, e: dict = e) -> str:
            return f"{e[k]['mentions']['precision']:.2f}/{e[k]['mentions']['recall']:.2f}"

        print(
            f"{a['article']:<24}{a['characters']:>7}{a['ingest_seconds_median']:>11}{a['python_heap_peak_mb']:>9}  "
            f"{pr('persons')} {pr('organisations')} {pr('legal_acts')} {pr('parameter_changes')}  "
            f"{prm('persons')}  {prm('organisations')}  {a['statements'] - a['selector_mismatches']}/{a['statements']} ok"
        )
    h, b = results["http"], results["batch"]
    print(f"POST /ingest, models loaded: {h['seconds']} s per request")
    print(
        f"batch of {b['articles']} ({b['drafted']} drafted): {b['wall_seconds']} s wall, models loaded in "
        f"{b['model_load_seconds']} s, {b['article_seconds_median']} s per article (median), "
        f"{b['after_load_seconds']} s after the load"
    )
    print(f"wrote {args.out}")


def http_ingest(store, settings, paths: list[Path]) -> dict:
    """POST /ingest of each article through the app (a worker's models are loaded once: here by
    this process already), seconds per request."""
    import dataclasses

    from server.app.factory import create_app

    token = "bench-token"
    client = create_app(dataclasses.replace(settings, update_token=token), store=store).test_client()
    times = []
    for path in paths:
        body = {
            "text": path.read_text(encoding="utf-8"),
            "date": path.stem[len("article-") :],
            "name": "http-" + path.stem,
        }
        t0 = time.perf_counter()
        r = client.post("/ingest", json=body, headers={"Authorization": f"Bearer {token}"})
        times.append(time.perf_counter() - t0)
        assert r.status_code == 201, r.get_data(as_text=True)
    return {"requests": len(times), "seconds": [round(t, 3) for t in times]}


def batch(n: int, paths: list[Path]) -> dict:
    """``policykg ingest FOLDER`` on ``n`` copies of the articles, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        folder, store, report = Path(tmp) / "articles", Path(tmp) / "store", Path(tmp) / "report.json"
        folder.mkdir()
        for i in range(n):
            src = paths[i % len(paths)]
            shutil.copy(src, folder / f"copy{i:02d}-{src.name}")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "server",
                "load",
                str(ROOT / "ontology" / "policy.ttl"),
                "--no-reason",
                "--data-dir",
                str(store),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "server", "ingest", str(folder), "--report", str(report), "--data-dir", str(store)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - t0
        data = json.loads(report.read_text(encoding="utf-8"))
    if done.returncode != 0:
        raise RuntimeError(done.stdout + done.stderr)
    per = [e["seconds"] for e in data["articles"]]
    return {
        "articles": n,
        "drafted": data["drafted"],
        "wall_seconds": round(wall, 2),
        "model_load_seconds": data["model_load_seconds"],
        "run_seconds": data["seconds"],
        "after_load_seconds": round(sum(per), 2),
        "article_seconds_median": round(statistics.median(per), 3),
        "article_seconds_max": round(max(per), 3),
    }


if __name__ == "__main__":
    main()
