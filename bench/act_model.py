"""Train and test the learned reader of legal acts (server/ingest/actmodel.py).

    python bench/act_model.py train               # fit on dev9-dev47, write the shipped model
    python bench/act_model.py rolling --last 12   # each of the last 12 sets, by a model fitted on the sets before

The model reads what the rules miss on news they have not seen, so it learns from each set as the rules read it
then: set N's acts by the code of the commit before the one that added tests/fixtures/news/devN (``git archive``; the
code of dev2-dev8's time no longer runs here, so learning starts at dev9). A candidate is a word naming an act that no
rule's act covers; it is positive inside a gold unnumbered act's quoted words of its kind. ``rolling`` is the honest
test: each set read by its own time's rules, and beside them by a model fitted only on the sets before it. The score
is ingest_quality's (kind and number, or the quoted words where the gold has no number). The rules' acts are cached
under the temporary directory by commit and text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import logistic
from at_commit import run_at

from server.ingest import actmodel, acts, structure
from server.ingest.changemodel import Model
from server.ingest.quality import Item, Score, _compare_acts, canonical_act_kind, items, occurrences
from server.ingest.readback import Found

FIXTURES = ROOT / "tests" / "fixtures" / "news"
CACHE = Path(tempfile.gettempdir()) / "policykg-act-rules"


def sets() -> dict[int, list[Item]]:
    """Set number → the items of tests/fixtures/news/devN ('dev' is set 1) that have gold."""
    out: dict[int, list[Item]] = {}
    for d in FIXTURES.iterdir():
        m = re.fullmatch(r"dev(\d*)", d.name)
        if m:
            out[int(m.group(1) or 1)] = [i for i in items(d) if i.gold]
    return dict(sorted(out.items()))


# the rules' acts of some texts, as plain records, by whichever code stands in the current directory
RULES = """
import json, sys
from datetime import date
from server.core.settings import Settings
from server.ingest.extract import extract
from server.ingest.linking import Linker
try:  # the rules alone
    from server.ingest import actmodel
    actmodel.model = lambda: None
except ImportError:
    pass
linker = Linker(None, Settings.from_env({}, memory=True))
out = {}
for stem, (text, outlet, published, url) in json.load(sys.stdin).items():
    ex = extract(text, linker, outlet, date.fromisoformat(published) if published else None, url)
    out[stem] = [[[r.kind_ru, r.kind_en, r.kind_slug, r.kind_concept], r.number, r.start, r.end, r.phrase_start,
                  r.phrase_end, r.date.isoformat() if r.date else None, r.title, r.draft] for r in ex.acts]
print(json.dumps(out))
"""


def _ref(row: list) -> acts.ActRef:
    kind, number, s, e, ps, pe, day, title, draft = row
    return acts.ActRef(*kind, number, s, e, ps, pe, date.fromisoformat(day) if day else None, None, title, draft)


def seen_at(n: int) -> str:
    """The commit whose code first read set ``n`` unseen: the parent of the commit that added tests/fixtures/news/devN."""
    folder = f"tests/fixtures/news/dev{n if n > 1 else ''}"
    log = ["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--", folder]
    added = subprocess.run(log, check=True, capture_output=True, text=True).stdout.split()[-1]
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", f"{added}^"], check=True, capture_output=True, text=True
    ).stdout.strip()


def rules_for(batch: list[Item], commit: str) -> dict[str, list[acts.ActRef]]:
    """The rules' acts of each item as the code stood at a commit, cached by the commit and the text."""
    texts = {i.stem: [i.text, i.outlet, i.published.isoformat() if i.published else None, i.url] for i in batch}
    files = {stem: CACHE / hashlib.sha256((commit + json.dumps(t)).encode()).hexdigest() for stem, t in texts.items()}
    rows = {stem: json.loads(f.read_text(encoding="utf-8")) for stem, f in files.items() if f.exists()}
    todo = {stem: t for stem, t in texts.items() if stem not in rows}
    if todo:
        new = run_at(commit, RULES, todo)
        CACHE.mkdir(exist_ok=True)
        for stem, found in new.items():
            files[stem].write_text(json.dumps(found), encoding="utf-8")
        rows.update(new)
    return {k: [_ref(r) for r in v] for k, v in rows.items()}


def seen_rules(every: dict[int, list[Item]], numbers: list[int]) -> dict[int, dict[str, list[acts.ActRef]]]:
    """Each set's acts by the rules that first read it unseen; a set whose code no longer runs is left out."""
    out = {}
    for n in numbers:
        try:
            out[n] = rules_for(every[n], seen_at(n))
        except (subprocess.CalledProcessError, json.JSONDecodeError, ValueError):
            print(f"dev{n}: the rules of {seen_at(n)} do not run here; left out", file=sys.stderr)
    return out


def labelled(item: Item, refs: list[acts.ActRef]) -> tuple[list[tuple[str, ...]], list[int]]:
    """The item's candidates' features and labels: 1 inside a gold unnumbered act's words of the same kind, 0
    elsewhere; a candidate inside a numbered gold act's words is left out (a mention without its number cannot be
    that act)."""
    gold = item.gold.get("legal_acts") or []
    excluded = structure.layout(item.text).is_excluded
    feats, ys = [], []
    for c in actmodel.candidates(item.text, refs, excluded):
        kind = canonical_act_kind(c.kind[0])
        inside = [
            g for g in gold if any(s < c.end and c.start < e for s, e in occurrences(item.text, g.get("surface")))
        ]
        if any(g.get("number") for g in inside):
            continue
        feats.append(c.features)
        ys.append(int(any(canonical_act_kind(g.get("kind")) == kind for g in inside)))
    return feats, ys


def fit(batch: list[Item], rules: dict[str, list[acts.ActRef]], c: float, threshold: float) -> Model:
    feats: list[tuple[str, ...]] = []
    ys: list[int] = []
    for item in batch:
        f, y = labelled(item, rules[item.stem])
        feats += f
        ys += y
    weights, bias = logistic.fit(feats, ys, c)
    return Model(weights, bias, threshold)


def score(item: Item, refs: list[acts.ActRef]) -> Score:
    """ingest_quality's score of some acts: one per key, quoted by each mention's phrase."""
    by_key: dict[str, Found] = {}
    for r in refs:
        f = by_key.setdefault(r.key, Found(r.key, [], [], {"kind": r.kind_ru, "number": r.number}))
        f.spans.append((r.phrase_start, r.phrase_end, item.text[r.phrase_start : r.phrase_end]))
    return _compare_acts(list(by_key.values()), item.gold.get("legal_acts") or [], item.text)[0]


def train(args) -> None:
    by_set = sets()
    seen = seen_rules(by_set, [n for n in by_set if n >= args.first])
    every = [item for n in seen for item in by_set[n]]
    m = fit(every, {k: v for rules in seen.values() for k, v in rules.items()}, args.c, args.threshold)
    positives = sum(1 for i in every for g in i.gold.get("legal_acts") or [] if not g.get("number"))
    data = {
        "about": "Logistic regression over actmodel.candidates' features; `python bench/act_model.py train`.",
        "trained_on": f"{len(every)} news fixtures, {positives} gold acts without a number",
        "sets": f"dev{min(seen)}-dev{max(seen)}, each read by the rules of the commit before it joined development",
        "c": args.c,
        "threshold": m.threshold,
        "bias": m.bias,
        "weights": m.weights,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(m.weights)} weights from {len(every)} items")


def rolling(args) -> None:
    every = sets()
    seen = seen_rules(every, [n for n in every if n >= args.first])
    print("| set | gold | rules P/R | rules + model P/R | acts added (right) | rules of |")
    print("|---|---:|---:|---:|---:|---|")
    overall = {"rules": Score(), "both": Score()}
    added = right = 0
    for n in [n for n in list(every)[-args.last :] if n in seen]:
        before = {k: v for m_, rules in seen.items() if m_ < n for k, v in rules.items()}
        m = fit([i for k, batch in every.items() if k < n and k in seen for i in batch], before, args.c, args.threshold)
        total = {"rules": Score(), "both": Score()}
        n_added = n_right = 0
        for item in every[n]:
            rules = seen[n][item.stem]
            both = actmodel.join(item.text, rules, structure.layout(item.text).is_excluded, m)
            s_rules, s_both = score(item, rules), score(item, both)
            total["rules"].add(s_rules)
            total["both"].add(s_both)
            n_added += len({r.key for r in both}) - len({r.key for r in rules})
            n_right += s_both.tp_gold - s_rules.tp_gold
            if args.verbose:
                for r in both:
                    if r.confidence is not None:
                        words = item.text[r.start : r.end]
                        print(f"    {item.stem}: {r.kind_ru} {r.number or ''} «{words}» {r.confidence:.2f}")
        added, right = added + n_added, right + n_right
        cells = " | ".join(_cell(s) for s in total.values())
        print(f"| dev{n} | {total['rules'].gold} | {cells} | {n_added} ({n_right}) | {seen_at(n)} |")
        for key, s in total.items():
            overall[key].add(s)
    cells = " | ".join(_cell(s, True) for s in overall.values())
    print(f"| all | {overall['rules'].gold} | {cells} | {added} ({right}) | |")


def _cell(s: Score, counts: bool = False) -> str:
    """P/R, and with ``counts`` the matched, drafted and gold numbers behind them."""
    cell = f"{s.tp_draft / max(s.draft, 1):.2f}/{s.tp_gold / max(s.gold, 1):.2f}"
    return f"{cell} ({s.tp_draft}/{s.draft} drafted, {s.tp_gold}/{s.gold} gold)" if counts else cell


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="fit on every news fixture and write the model")
    t.add_argument("--out", type=Path, default=actmodel.MODEL)
    r = sub.add_parser("rolling", help="each of the last sets read by a model fitted on the sets before it")
    r.add_argument("--last", type=int, default=4)
    r.add_argument("--verbose", action="store_true", help="list the model's additions")
    for p in (t, r):
        p.add_argument(
            "--first",
            type=int,
            default=9,
            help="the first set to learn from (dev2-dev8: their code no longer runs here)",
        )
        p.add_argument("--c", type=float, default=3.0, help="inverse L2 strength")
        p.add_argument("--threshold", type=float, default=0.35, help="the score a candidate needs")
    args = ap.parse_args()
    {"train": train, "rolling": rolling}[args.cmd](args)


if __name__ == "__main__":
    main()
