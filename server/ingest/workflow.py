"""The curator's workflow on the store: ingest -> draft graph; list drafts; review summary;
accept (SHACL-validate, then move atomically into a reviewed graph and re-reason); reject."""

from __future__ import annotations

import re
from datetime import date as Date
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from server.protocol import formats
from server.graph.convert import graph_to_ntriples, quads_to_graph
from server.core.errors import BadRequest, NotFound, ValidationFailed
from server.core.namespaces import draft_graph, graph_iri, is_asserted, ontology_graph
from server.core.settings import Settings
from server.store import Store
from server.ingest.draft import OA, PKG, SourceInfo, build, check_selectors
from server.ingest.extract import extract
from server.ingest.linking import Linker

NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
KINDS = {  # summary section -> classes (local names) that put a node in it
    "persons": ("Person",),
    "organisations": ("Organization", "LegislativeBody", "Committee", "Ministry", "Association", "PoliticalParty",
                      "RegionalBranch", "RegionalGovernment", "ExpertCouncil"),
    "posts": ("Post",),
    "legal_acts": ("LegalAct",),
    "instruments": ("PolicyInstrument", "PreferentialLoanProgramme", "Subsidy", "ContributionRelief",
                    "InvestmentContract", "ClusterSupportMechanism", "AdministrativeProcedure", "ProductConfirmation"),
    "proposals": ("Proposal",),
    "parameter_changes": ("ParameterChange",),
}


def draft_name(raw: str) -> str:
    """A safe draft name from a file stem or user input: lower-case ASCII, digits, '.', '_', '-'."""
    name = re.sub(r"[^a-z0-9._-]+", "-", raw.strip().lower()).strip("-.")
    if not NAME.match(name):
        raise BadRequest(f"invalid draft name {raw!r}: use letters, digits, '.', '_' or '-'")
    return name


def resolve(settings: Settings, draft: str) -> tuple[str, str]:
    """(name, draft graph IRI) from a name or a draft graph IRI."""
    prefix = graph_iri(settings.base_iri, "draft/")
    name = draft.removeprefix(prefix)
    name = draft_name(name)
    return name, draft_graph(settings.base_iri, name)


def ingest(store: Store, settings: Settings, text: str, date: Date, *, name: str | None = None,
           title: str | None = None, url: str | None = None, path: Path | None = None,
           outlet: str | None = None) -> dict[str, Any]:
    """Extract candidates from ``text`` into the draft graph {base}graph/draft/<name> (replacing
    an earlier draft of the same name). Returns the draft IRI and the review summary."""
    if not text.strip():
        raise BadRequest("the article text is empty")
    if url is not None and not re.match(r"^https?://\S+$", url):
        raise BadRequest(f"invalid URL {url!r}")
    name = draft_name(name or (path.stem if path else f"article-{date.isoformat()}"))
    linker = Linker(store, settings)
    ex = extract(text, linker, outlet, date)
    info = SourceInfo(name, date, title, url, _data_relative(path), outlet)
    d = build(ex, info, linker, settings.base_iri)
    problems = check_selectors(d.graph, text)
    if problems:  # never expected: every selector is built from the text itself
        raise AssertionError("selector check failed: " + "; ".join(problems[:5]))
    iri = draft_graph(settings.base_iri, name)
    store.load(graph_to_ntriples(d.graph), formats.BY_NAME["nt"].ox_rdf, iri, replace=True)
    return {"draft": iri, "name": name, "source": d.source, "summary": summarise(store, settings, d.graph, text)}


def _data_relative(path: Path | None) -> str | None:
    if path is None:
        return None
    from server.core.resources import resource_dir

    try:
        return Path(path).resolve().relative_to(resource_dir("data").resolve()).as_posix()
    except (ValueError, FileNotFoundError):
        return None


def drafts(store: Store, settings: Settings) -> list[dict[str, Any]]:
    prefix = graph_iri(settings.base_iri, "draft/")
    return [{"name": g.iri[len(prefix):], "draft": g.iri, "triples": g.triples}
            for g in store.graphs() if g.iri.startswith(prefix)]


def load_draft(store: Store, settings: Settings, draft: str) -> tuple[str, str, Graph]:
    name, iri = resolve(settings, draft)
    if not store.has_graph(iri):
        raise NotFound(f"no draft named {name!r} (see 'policykg drafts')")
    return name, iri, quads_to_graph(store.quads(iri))


def article_text(g: Graph) -> str | None:
    from server.core.resources import resource_dir

    for s in g.subjects(RDF.type, PKG.NewsArticle):
        value = g.value(s, RDF.value)
        if value is not None:
            return str(value)
        tf = g.value(s, PKG.textFile)
        if tf is not None:
            data_dir = resource_dir("data").resolve()
            p = (data_dir / str(tf)).resolve()
            # only files under data/: a draft must not make the server read anything else
            if p.is_relative_to(data_dir) and p.is_file():
                return p.read_text(encoding="utf-8")
    return None


def review(store: Store, settings: Settings, draft: str) -> dict[str, Any]:
    name, iri, g = load_draft(store, settings, draft)
    return {"draft": iri, "name": name, "summary": summarise(store, settings, g, article_text(g))}


def summarise(store: Store, settings: Settings, g: Graph, text: str | None) -> dict[str, Any]:
    """New vs linked entities and facts, each with its quotes (exact text and offsets)."""
    local = {k: {PKG[c] for c in v} for k, v in KINDS.items()}
    out: dict[str, Any] = {k: [] for k in KINDS}
    seen: set[URIRef] = set()
    nodes = {s for s in g.subjects() if isinstance(s, URIRef)}
    for s in sorted(nodes):
        types = set(g.objects(s, RDF.type))
        new = bool(types)
        if not new:
            types = _store_types(store, s)
        section = next((k for k, cls in local.items() if types & cls), None)
        if section is None or s in seen:
            continue
        seen.add(s)
        label = _label(g, s) if new else _store_label(store, s)
        item = {"iri": str(s), "status": "new" if new else "linked", "label": label,
                "class": sorted(str(t).rsplit("/", 1)[-1] for t in types & local[section]),
                "quotes": _quotes(g, s), "notes": sorted({str(n) for n in g.objects(s, URIRef("http://www.w3.org/2004/02/skos/core#editorialNote"))
                                                          if getattr(n, "language", None) == "en"})}
        if section == "parameter_changes":
            item.update({p: str(g.value(s, PKG[p])) for p in ("fromValue", "toValue", "currency", "parameter")})
        out[section].append(item)
    for v in out.values():
        v.sort(key=lambda i: (i["quotes"][0]["start"] if i["quotes"] else -1, i["label"]))
    statements = list(g.subjects(RDF.type, PKG.Statement))
    out["counts"] = {k: {"new": sum(i["status"] == "new" for i in out[k]), "linked": sum(i["status"] == "linked" for i in out[k])}
                     for k in KINDS}
    out["statements"] = len(statements)
    out["selectors_ok"] = (not check_selectors(g, text)) if text is not None else None
    return out


def _label(g: Graph, s: URIRef) -> str:
    labels = {getattr(lab, "language", None): str(lab) for lab in g.objects(s, RDFS.label)}
    return labels.get("ru") or labels.get("en") or str(s)


def _store_types(store: Store, s: URIRef) -> set[URIRef]:
    return {URIRef(sol["t"].value) for sol in store.query("SELECT DISTINCT ?s ?t { ?s a ?t }",
                                                         substitutions={"s": ox.NamedNode(str(s))})}


def _store_label(store: Store, s: URIRef) -> str:
    rows = list(store.query('SELECT ?s ?l { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(LANG(?l) = "ru") } LIMIT 1',
                            substitutions={"s": ox.NamedNode(str(s))}))
    return rows[0]["l"].value if rows else str(s)


def _quotes(g: Graph, s: URIRef) -> list[dict[str, Any]]:
    quotes = []
    for st in g.objects(s, PKG.evidence):
        exact = start = end = None
        for sel in g.objects(st, OA.hasSelector):
            if g.value(sel, OA.exact) is not None:
                exact = str(g.value(sel, OA.exact))
            if g.value(sel, OA.start) is not None:
                try:
                    start, end = int(g.value(sel, OA.start)), int(g.value(sel, OA.end))
                except (TypeError, ValueError):  # malformed offsets: shown without a position
                    start = end = None
        if exact is not None:
            quotes.append({"exact": exact, "start": start, "end": end, "statement": str(st)})
    return sorted(quotes, key=lambda q: (q["start"] or 0, q["end"] or 0))


def reviewed_graph_for(settings: Settings, name: str) -> str:
    return graph_iri(settings.base_iri, name)


def validate_draft(store: Store, settings: Settings, iri: str, g: Graph):
    """SHACL report for the draft, read together with the reviewed data it links to; only
    results about nodes the draft describes count."""
    from server.graph.validate import validate

    data = Graph()
    for t in g:
        data.add(t)
    for info in store.graphs():
        if info.iri != iri and is_asserted(info.iri, settings.base_iri) and info.iri != ontology_graph(settings.base_iri):
            quads_to_graph(store.quads(info.iri), data)
    report = validate(data)
    described = set(g.subjects())
    report.results = [r for r in report.results if URIRef(r["focus"]) in described or r["focus"] in {str(x) for x in described}]
    report.conforms = not any(r["severity"] == "Violation" for r in report.results)
    return report


def accept(store: Store, settings: Settings, draft: str, *, replace: bool = False, reason_after: bool = True) -> dict[str, Any]:
    name, iri, g = load_draft(store, settings, draft)
    target = reviewed_graph_for(settings, name)
    if store.has_graph(target) and not replace:
        raise BadRequest(f"the reviewed graph <{target}> already exists; accept with replace to overwrite it")
    text = article_text(g)
    problems = check_selectors(g, text) if text is not None else ["the article text is not available"]
    if problems:
        raise ValidationFailed("selectors do not match the article text; nothing was accepted.\n" + "\n".join(problems[:20]),
                               detail=problems)
    report = validate_draft(store, settings, iri, g)
    if not report.conforms:
        raise ValidationFailed(f"SHACL validation failed; the draft was not accepted.\n{report.text()}",
                               detail=report.results)
    # One update = one transaction: the draft disappears and the reviewed graph appears together.
    store.update(f"MOVE GRAPH {ox.NamedNode(iri)} TO GRAPH {ox.NamedNode(target)}")
    result: dict[str, Any] = {"accepted": iri, "graph": target, "triples": store.triple_count(target)}
    if reason_after:
        from server.graph.reason import reason

        rep = reason(store, settings)
        result["reasoning"] = {"engine": rep.engine, "inferred": rep.inferred, "seconds": round(rep.seconds, 3)}
    return result


def reject(store: Store, settings: Settings, draft: str) -> dict[str, Any]:
    name, iri = resolve(settings, draft)
    if not store.drop_graph(iri):
        raise NotFound(f"no draft named {name!r} (see 'policykg drafts')")
    return {"rejected": iri}
