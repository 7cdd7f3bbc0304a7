"""Timelines on resource pages, from bound SPARQL (no Flask).

An instrument: its parameter changes (pkg:appliesTo) over time, laid out as an SVG step chart
(rendered by ``_timeline.html``, like the neighbourhood picture: no script, escaped labels), and
the proposals that target it (pkg:targets) in date order with proposers and sources. A person or
organisation: the statements they made (pkg:speaker) and the proposals they put forward
(pkg:proposedBy), by date.

Dates: a proposal is dated by the event where it was discussed (pkg:discussedAt/dcterms:date),
else by the earliest source of its evidence (pkg:evidence/dcterms:source/dcterms:date); a
parameter change by the proposal that has it, else by its own evidence; a statement by its
source. Undated items come last.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from server.browse.terms import PFX, Linker, Vocab, iri_dict, pick
from server.core.types import JSONObject
from server.store.base import Store

# one row per (item, key, value); labels of the IRIs found come from LABELS afterwards. Paths are
# plain sequences: Oxigraph 0.5 evaluates (a|b/c)/d from its end, over every dated resource
# (0.45 s per page at 1M triples against 0.5 ms, bench/results/2026-12-04-10m.md)
ITEMS = (
    PFX
    + """SELECT DISTINCT ?s ?kind ?x ?k ?v WHERE {
  { SELECT DISTINCT ?s ?kind ?x WHERE {
      { ?x pkg:appliesTo ?s ; pkg:toValue [] BIND("change" AS ?kind) }
      UNION { ?x pkg:targets ?s BIND("targeting" AS ?kind) }
      UNION { ?x pkg:proposedBy ?s BIND("proposed" AS ?kind) }
      UNION { ?x pkg:speaker ?s BIND("statement" AS ?kind) } } }
  { ?x rdfs:label ?v BIND("label" AS ?k) }
  UNION { ?x pkg:parameter ?v BIND("parameter" AS ?k) }
  UNION { ?x pkg:fromValue ?v BIND("from" AS ?k) }
  UNION { ?x pkg:toValue ?v BIND("to" AS ?k) }
  UNION { ?x pkg:currency ?v BIND("currency" AS ?k) }
  UNION { ?x pkg:proposedBy ?v BIND("proposer" AS ?k) }
  UNION { ?x dcterms:source|pkg:evidence/dcterms:source ?v BIND("source" AS ?k) }
  UNION { ?x dcterms:source/dcterms:date ?v BIND("source_date" AS ?k) }
  UNION { ?x pkg:evidence/dcterms:source/dcterms:date ?v BIND("source_date" AS ?k) }
  UNION { ?x pkg:discussedAt/dcterms:date ?v BIND("date" AS ?k) }
  UNION { ?p pkg:hasParameterChange ?x . ?p pkg:discussedAt/dcterms:date ?v BIND("date" AS ?k) }
  UNION { ?p pkg:hasParameterChange ?x . ?p pkg:evidence/dcterms:source/dcterms:date ?v BIND("source_date" AS ?k) }
}"""
)
LABELS = PFX + "SELECT ?x ?l WHERE { VALUES ?x { %s } ?x rdfs:label ?l }"

# the chart's geometry
WIDTH, HEIGHT = 1000, 300
LEFT, RIGHT, TOP, BOTTOM = 150, 40, 30, 50
STEP = 36  # from-value and to-value of one change sit this far apart on either side of its date


@dataclass
class _Item:
    kind: str
    iri: str
    labels: set[tuple[str, str]] = field(default_factory=set)
    parameters: set[tuple[str, str]] = field(default_factory=set)
    values: dict[str, str] = field(default_factory=dict)
    proposers: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    source_dates: set[str] = field(default_factory=set)

    @property
    def date(self) -> str | None:
        dates = self.dates or self.source_dates
        return min(d[:10] for d in dates) if dates else None


def _collect(store: Store, iri: str) -> list[_Item]:
    items: dict[tuple[str, str], _Item] = {}
    for sol in store.select(ITEMS, substitutions={"s": ox.NamedNode(iri)}):
        x, k, v = sol["x"], sol["k"].value, sol["v"]
        if not isinstance(x, ox.NamedNode):
            continue
        item = items.setdefault((sol["kind"].value, x.value), _Item(sol["kind"].value, x.value))
        if k in ("label", "parameter") and isinstance(v, ox.Literal):
            (item.labels if k == "label" else item.parameters).add((v.value, v.language or ""))
        elif k in ("from", "to", "currency"):
            item.values[k] = v.value
        elif k in ("proposer", "source") and isinstance(v, ox.NamedNode):
            (item.proposers if k == "proposer" else item.sources).add(v.value)
        elif k == "date":
            item.dates.add(v.value)
        elif k == "source_date":
            item.source_dates.add(v.value)
    return sorted(items.values(), key=lambda i: (i.date is None, i.date or "", i.iri))


def _labels(store: Store, iris: set[str]) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    if iris:
        values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
        for sol in store.select(LABELS % values):
            lit = sol["l"]
            if isinstance(lit, ox.Literal):
                out[sol["x"].value].add((lit.value, lit.language or ""))
    return out


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


SCALE_WORDS = {"en": ("bn", "m", "k"), "ru": ("млрд", "млн", "тыс.")}


def amount(value: float, currency: str | None, lang: str = "en") -> str:
    """2000000000 -> '2 bn', 500000000 -> '500 m' (with the currency; 'млрд', 'млн' in Russian):
    short chart labels."""
    words = SCALE_WORDS.get(lang, SCALE_WORDS["en"])
    for size, word in zip((1e9, 1e6, 1e3), words, strict=True):
        if abs(value) >= size:
            short = f"{value / size:.2f}".rstrip("0").rstrip(".")
            return f"{short} {word} {currency or ''}".strip()
    return f"{value:g} {currency or ''}".strip()


def chart(changes: list[JSONObject], lang: str = "en") -> JSONObject | None:
    """An SVG step chart of the dated changes with numeric values: x the dates (one slot each,
    in order), y the values from 0 to the largest; each change a segment from its old value to
    its new one, consecutive changes of one parameter joined."""
    points = [c for c in changes if c["date"] and c["to"] is not None]
    if not points:
        return None
    dates = sorted({c["date"] for c in points})
    top = max(max(c["to"], c["from"] or 0) for c in points) or 1.0
    span_x = WIDTH - LEFT - RIGHT
    slot = span_x / len(dates)

    def x(date: str) -> float:
        return LEFT + slot * (dates.index(date) + 0.5)

    def y(value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)

    segments, joins = [], []
    last: dict[str, tuple[float, float]] = {}
    for c in points:
        cx = x(c["date"])
        x1, x2 = cx - STEP, cx + STEP
        y1 = y(c["from"]) if c["from"] is not None else y(c["to"])
        y2 = y(c["to"])
        if c["parameter"] in last:
            px, py = last[c["parameter"]]
            joins.append({"x1": px, "y1": py, "x2": x1, "y2": y1})
        last[c["parameter"]] = (x2, y2)
        segments.append(
            {
                **c,
                "x1": x1,
                "y1": y1,
                "x2": x2,
                "y2": y2,
                "from_label": amount(c["from"], c["currency"], lang) if c["from"] is not None else None,
                "to_label": amount(c["to"], c["currency"], lang),
            }
        )
    ticks = [{"y": y(top * f), "label": amount(top * f, None, lang)} for f in (0, 0.25, 0.5, 0.75, 1)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": y(0),
        "dates": [{"x": x(d), "label": d} for d in dates],
        "ticks": ticks,
        "segments": segments,
        "joins": joins,
    }


def context(store: Store, iri: str, *, linker: Linker, vocab: Vocab, lang: str) -> JSONObject:
    """The timelines of ``iri``: ``changes`` (with ``chart``) and ``targeted_by`` for an
    instrument, ``activity`` (statements and proposals) for an agent; empty lists otherwise."""
    items = _collect(store, iri)
    labels = _labels(store, {i for it in items for i in it.proposers | it.sources})

    def ref(target: str) -> JSONObject:
        return iri_dict(target, labels.get(target, ()), linker, vocab, lang)

    def entry(it: _Item) -> JSONObject:
        return {
            "kind": it.kind,
            "iri": it.iri,
            "href": linker.page(it.iri),
            "label": pick(it.labels, lang) or vocab.label(it.iri, lang),
            "date": it.date,
            "proposers": sorted((ref(p) for p in it.proposers), key=lambda r: r["label"]),
            "sources": sorted((ref(s) for s in it.sources), key=lambda r: r["label"]),
        }

    changes = []
    for it in items:
        if it.kind == "change":
            changes.append(
                {
                    **entry(it),
                    "parameter": pick(it.parameters, lang) or pick(it.labels, lang) or it.iri,
                    "from": _number(it.values.get("from")),
                    "from_text": it.values.get("from"),
                    "to_text": it.values.get("to"),
                    "to": _number(it.values.get("to")),
                    "currency": it.values.get("currency"),
                }
            )
    return {
        "changes": changes,
        "chart": chart(changes, lang),
        "targeted_by": [entry(it) for it in items if it.kind == "targeting"],
        "activity": [entry(it) for it in items if it.kind in ("proposed", "statement")],
    }
