"""Train and test the learned reader of parameter changes (server/ingest/changemodel.py).

    python bench/change_model.py train                  # fit on every news fixture, write the shipped model
    python bench/change_model.py rolling --last 4       # each of the last 4 sets, by a model fitted on the sets before
    python bench/change_model.py rolling --last 4 --rules 36=ec24cb7 --rules 37=fd59a9f ...
    python bench/change_model.py curve --last 5 --rules 36=ec24cb7 ...   # recall against the gold fitted on

``rolling`` is the honest test: each set is read by a model that never saw it, alone and beside the rules (the
working tree's rules, or the rules at a commit per set, taken with ``git archive``: those that were measured on the
set before it joined development). The gold is the fixtures' ``changes``; the score is ingest_quality's.

The model: a logistic regression (L2, L-BFGS from scipy) over the candidates' features; weights under 0.005 in size
are left out of the file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import logistic
from at_commit import run_at

from server.ingest import changemodel, money
from server.ingest.quality import Score, compare_changes, gold_change_values
from server.ingest.readback import Found, decimal

FIXTURES = ROOT / "tests" / "fixtures" / "news"


def sets() -> dict[int, list[tuple[str, str, list[dict]]]]:
    """Set number → (name, text, gold changes) of each item of tests/fixtures/news/devN ('dev' is set 1)."""
    out: dict[int, list] = {}
    for d in FIXTURES.iterdir():
        m = re.fullmatch(r"dev(\d*)", d.name)
        if not m:
            continue
        for t in sorted(d.glob("*.txt")):
            gold = t.with_name(t.name[:-4] + ".gold.json")
            if gold.exists():
                changes = json.loads(gold.read_text(encoding="utf-8")).get("changes") or []
                out.setdefault(int(m.group(1) or 1), []).append((t.name, t.read_text(encoding="utf-8"), changes))
    return dict(sorted(out.items()))


def gold_keys(changes: list[dict]) -> list[tuple[Decimal | None, Decimal, str | None]]:
    """The gold's numeric changes as (old, new, currency), as the quality score reads them."""
    out = []
    for g in changes:
        old, new = (v if isinstance(v, Decimal) else None for v in gold_change_values(g))
        if new is not None:
            out.append((old.normalize() if old is not None else None, new.normalize(), g.get("currency") or None))
    return out


def fit(items: list[tuple[str, str, list[dict]]], c: float, threshold: float) -> changemodel.Model:
    feats, ys = [], []
    for _, text, changes in items:
        found = changemodel.candidates(text)
        feats += [c_.features for c_ in found]
        ys += changemodel.labels(found, gold_keys(changes))
    weights, bias = logistic.fit(feats, ys, c)
    return changemodel.Model(weights, bias, threshold)


def train(args) -> None:
    every = [item for items in sets().values() for item in items]
    m = fit(every, args.c, args.threshold)
    positives = sum(len(gold_keys(ch)) for _, _, ch in every)
    data = {
        "about": "Logistic regression over changemodel.candidates' features; `python bench/change_model.py train`.",
        "trained_on": f"{len(every)} news fixtures, {positives} gold changes with a value",
        "c": args.c,
        "threshold": m.threshold,
        "bias": m.bias,
        "weights": m.weights,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(m.weights)} weights from {len(every)} items")


def _score(found: list[money.Change], gold: list[dict]) -> Score:
    rows = [Found("", [], data={"from": c.from_value, "to": c.to_value, "currency": c.currency}) for c in found]
    return compare_changes(rows, gold)[0]


RULES_AT = """
import json, sys
from server.ingest import money
texts = json.load(sys.stdin)
print(json.dumps({k: [[str(c.from_value) if c.from_value is not None else None, str(c.to_value), c.currency]
                      for c in money.changes(t)] for k, t in texts.items()}))
"""


def rules_at(commit: str, texts: dict[str, str]) -> dict[str, list[money.Change]]:
    """money.changes as it stood at a commit, over some texts."""
    return {
        k: [money.Change(decimal(a), decimal(b), c, 0, 0, "") for a, b, c in v]
        for k, v in run_at(commit, RULES_AT, texts).items()
    }


def rules_for(items: list[tuple[str, str, list[dict]]], commit: str | None) -> dict[str, list[money.Change]]:
    """The rules' changes of each item: at a commit, else the working tree's."""
    texts = {name: text for name, text, _ in items}
    return rules_at(commit, texts) if commit else {k: money.changes(t) for k, t in texts.items()}


def rolling(args) -> None:
    every = sets()
    commits = dict(r.split("=", 1) for r in args.rules)
    print("| set | gold | rules P/R | model P/R | rules + model P/R | rules from |")
    print("|---|---:|---:|---:|---:|---|")
    overall = {"rules": Score(), "model": Score(), "both": Score()}
    for n in list(every)[-args.last :]:
        m = fit([item for k, items in every.items() if k < n for item in items], args.c, args.threshold)
        rules = rules_for(every[n], commits.get(str(n)))
        total = {"rules": Score(), "model": Score(), "both": Score()}
        for name, text, gold in every[n]:
            alone = changemodel.changes(text, [], m)
            both = changemodel.join(text, rules[name], m)
            for key, found in (("rules", rules[name]), ("model", alone), ("both", both)):
                total[key].add(_score(found, gold))
        source = commits.get(str(n), "working tree (fitted to this set)")
        print(f"| dev{n} | {total['rules'].gold} | {' | '.join(_cell(s) for s in total.values())} | {source} |")
        for key, s in total.items():
            overall[key].add(s)
    print(f"| all | {overall['rules'].gold} | {' | '.join(_cell(s, True) for s in overall.values())} | |")


def _cell(s: Score, counts: bool = False) -> str:
    """P/R, and with ``counts`` the matched, drafted and gold numbers behind them."""
    cell = f"{s.tp_draft / max(s.draft, 1):.2f}/{s.tp_gold / max(s.gold, 1):.2f}"
    return f"{cell} ({s.tp_draft}/{s.draft} drafted, {s.tp_gold}/{s.gold} gold)" if counts else cell


def curve(args) -> None:
    """The last sets read by models fitted on more and more of the sets before them: how recall grows with gold."""
    every = sets()
    tests = list(every)[-args.last :]
    commits = dict(r.split("=", 1) for r in args.rules)
    rules: dict[str, list[money.Change]] = {}
    for n in tests:
        rules.update(rules_for(every[n], commits.get(str(n))))
    print(f"| sets fitted on | items | gold changes | model (dev{tests[0]}–dev{tests[-1]}) | rules + model |")
    print("|---:|---:|---:|---:|---:|")
    for upto in range(args.step, tests[0], args.step):
        items = [item for k, its in every.items() if k <= upto for item in its]
        m = fit(items, args.c, args.threshold)
        total = {"model": Score(), "both": Score()}
        for n in tests:
            for name, text, gold in every[n]:
                total["model"].add(_score(changemodel.changes(text, [], m), gold))
                total["both"].add(_score(changemodel.join(text, rules[name], m), gold))
        gold_n = sum(len(gold_keys(g)) for _, _, g in items)
        print(f"| 1–{upto} | {len(items)} | {gold_n} | {_cell(total['model'], True)} | {_cell(total['both'], True)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="fit on every news fixture and write the model")
    t.add_argument("--out", type=Path, default=changemodel.MODEL)
    r = sub.add_parser("rolling", help="each of the last sets read by a model fitted on the sets before it")
    r.add_argument("--last", type=int, default=4)
    r.add_argument("--rules", action="append", default=[], metavar="SET=COMMIT", help="the rules at a commit")
    cv = sub.add_parser("curve", help="the last sets read by models fitted on more and more of the sets before them")
    cv.add_argument("--last", type=int, default=5)
    cv.add_argument("--step", type=int, default=5, help="sets added per step")
    cv.add_argument("--rules", action="append", default=[], metavar="SET=COMMIT", help="the rules at a commit")
    for p in (t, r, cv):
        p.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
        p.add_argument("--threshold", type=float, default=0.5, help="the score a candidate needs")
    args = ap.parse_args()
    {"train": train, "rolling": rolling, "curve": curve}[args.cmd](args)


if __name__ == "__main__":
    main()
