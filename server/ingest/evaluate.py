"""Evaluation of a draft against hand-modelled data (a Turtle file) or an expected-draft JSON:
entity-level precision/recall by labels (after alias merging) and mention-level figures."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, RDF, RDFS, SKOS
from rdflib.term import Node

from server.ingest.builder import ELI, OA, ORG_CLASS_NAMES, PKG, int_value

ORG_CLASSES = {PKG[c] for c in ORG_CLASS_NAMES}


def norm(label: str) -> str:
    s = label.lower().replace("ё", "е")
    s = re.sub(r"[«»\"'“”„]", "", s)
    s = re.sub(r"^партия\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class Item:
    key: str
    labels: set[str]
    spans: list[tuple[int, int]] = field(default_factory=list)


def _spans(g: Graph, s: Node) -> list[tuple[int, int]]:
    out = []
    for st in g.objects(s, PKG.evidence):
        for sel in g.objects(st, OA.hasSelector):
            if g.value(sel, OA.start) is not None:
                out.append((int_value(g, sel, OA.start), int_value(g, sel, OA.end)))
    return sorted(out)


def items_from_graph(g: Graph) -> dict[str, list[Item]]:
    def labelled(s: Node) -> set[str]:
        return {
            norm(str(x))
            for p in (RDFS.label, SKOS.altLabel, FOAF.name)
            for x in g.objects(s, p)
            if getattr(x, "language", "ru") in ("ru", None)
        }

    persons = [Item(str(s), labelled(s), _spans(g, s)) for s in set(g.subjects(RDF.type, PKG.Person))]
    orgs = [Item(str(s), labelled(s), _spans(g, s)) for s in {s for c in ORG_CLASSES for s in g.subjects(RDF.type, c)}]
    acts = [Item(str(s), {str(g.value(s, ELI.id_local))}) for s in set(g.subjects(RDF.type, PKG.LegalAct))]
    changes = [
        Item(
            str(s),
            {
                _change_key(
                    g.value(s, PKG.fromValue),
                    g.value(s, PKG.toValue),
                    g.value(s, PKG.currency),
                    g.value(s, PKG.parameter),
                )
            },
        )
        for s in set(g.subjects(RDF.type, PKG.ParameterChange))
    ]
    return {"persons": persons, "organisations": orgs, "legal_acts": acts, "parameter_changes": changes}


def _change_key(frm: Any, to: Any, currency: Any, parameter: Any) -> str:
    """A parameter change is found when values, currency and the parameter's name all agree."""
    frm = Decimal(str(frm)).normalize() if frm is not None else "?"
    return f"{frm}>{Decimal(str(to)).normalize()} {currency} {norm(str(parameter))}"


def items_from_expected(data: dict[str, Any]) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = {}
    for section in ("persons", "organisations"):
        out[section] = [
            Item(
                e["label"],
                {norm(x) for x in [e["label"], *e.get("aliases", [])]},
                [tuple(m) for m in e.get("mentions", [])],
            )
            for e in data.get(section, [])
        ]
    out["legal_acts"] = [Item(a["number"], {a["number"]}) for a in data.get("legal_acts", [])]
    out["parameter_changes"] = [
        Item(str(c), {_change_key(c["from"], c["to"], c["currency"], c["parameter"])})
        for c in data.get("parameter_changes", [])
    ]
    return out


def _match(d: Item, gold: list[Item]) -> Item | None:
    return next((g for g in gold if d.labels & g.labels), None)


def compare(draft: dict[str, list[Item]], gold: dict[str, list[Item]], *, exact_mentions: bool) -> dict[str, Any]:
    """Entity P/R per section; mention P/R for persons and organisations. With ``exact_mentions``
    the gold spans are mention spans (fixtures) and must be hit exactly; otherwise they are the
    gold data's evidence statements and a draft mention inside one counts as a hit."""
    report: dict[str, Any] = {}
    for section in ("persons", "organisations", "legal_acts", "parameter_changes"):
        d, g = draft.get(section, []), gold.get(section, [])
        matched = {id(x): _match(x, g) for x in d}
        tp_d = sum(m is not None for m in matched.values())
        found = {id(m) for m in matched.values() if m is not None}
        tp_g = sum(id(x) in found for x in g)
        r: dict[str, Any] = {
            "draft": len(d),
            "gold": len(g),
            "precision": _ratio(tp_d, len(d)),
            "recall": _ratio(tp_g, len(g)),
            "missed": sorted(min(x.labels) for x in g if id(x) not in found),
            "spurious": sorted(min(x.labels) if x.labels else x.key for x in d if matched[id(x)] is None),
        }
        if section in ("persons", "organisations"):
            r["mentions"] = _mentions(d, matched, g, exact_mentions)
        report[section] = r
    return report


def _mentions(draft: list[Item], matched: dict[int, Item | None], gold: list[Item], exact: bool) -> dict[str, Any]:
    total_d = sum(len(x.spans) for x in draft)
    good_d = 0
    hit: set[tuple[int, tuple[int, int]]] = set()
    for x in draft:
        m = matched[id(x)]
        for span in x.spans:
            if m is None:
                continue
            if exact:
                if span in m.spans:
                    good_d += 1
                    hit.add((id(m), span))
            else:
                good_d += 1
                for gs in m.spans:
                    if gs[0] <= span[0] and span[1] <= gs[1]:
                        hit.add((id(m), gs))
    total_g = sum(len(set(x.spans)) for x in gold)
    return {
        "draft": total_d,
        "gold": total_g,
        "precision": _ratio(good_d, total_d),
        "recall": _ratio(len(hit), total_g),
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def selector_check(g: Graph, text: str) -> dict[str, Any]:
    from server.ingest.draft import check_selectors

    statements = len(set(g.subjects(RDF.type, PKG.Statement)))
    facts = {s for s, _, _ in g.triples((None, PKG.evidence, None))}
    without = [
        str(s)
        for s in g.subjects(RDF.type, None)
        if s not in facts
        and isinstance(s, URIRef)
        and (s, RDF.type, PKG.Statement) not in g
        and (s, RDF.type, PKG.NewsArticle) not in g
    ]
    return {"statements": statements, "mismatches": check_selectors(g, text), "facts_without_evidence": without}


def load_expected(path: Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))
