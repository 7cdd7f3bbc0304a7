"""The curator's workflow on the store: ingest -> draft graph; list drafts; review summary;
accept (SHACL-validate, then move atomically into a reviewed graph and re-reason); reject.

The review summary's shape (``summarise``) is documented in docs/ingestion-review-json.md."""

from __future__ import annotations

import contextlib
import re
from datetime import date as Date
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS
from rdflib.term import Node

from server.core.errors import BadRequest, NotFound, ValidationFailed
from server.core.namespaces import draft_graph, graph_iri, history_inferred_prefix, is_asserted, ontology_graph
from server.core.settings import Settings
from server.core.types import JSONObject
from server.graph.convert import graph_to_ntriples, quads_to_graph
from server.graph.history import recording
from server.graph.validate import Report
from server.ingest.builder import ORG_CLASS_NAMES
from server.ingest.draft import ELI, OA, ORG, PKG, SourceInfo, build, check_selectors
from server.ingest.extract import extract
from server.ingest.linking import Linker
from server.ingest.readback import read_structure
from server.protocol import formats
from server.store import Store

NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
KINDS = {  # summary section -> classes (local names) that put a node in it
    "persons": ("Person",),
    "organisations": ORG_CLASS_NAMES,
    "posts": ("Post",),
    "legal_acts": ("LegalAct",),
    "instruments": (
        "PolicyInstrument",
        "PreferentialLoanProgramme",
        "Subsidy",
        "ContributionRelief",
        "InvestmentContract",
        "ClusterSupportMechanism",
        "AdministrativeProcedure",
        "ProductConfirmation",
    ),
    "proposals": ("Proposal",),
    "parameter_changes": ("ParameterChange",),
    "events": ("Event", "Meeting"),
    "amounts": ("MonetaryAmount",),
    "regions": ("Region",),
    "sites": ("IndustrialSite",),
}
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_article(data: bytes) -> str:
    """The text of an article file or upload: UTF-8 (a BOM is dropped). Binary data or another
    encoding is a BadRequest saying which."""
    if b"\x00" in data:
        raise BadRequest("this is binary data (it contains NUL bytes), not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadRequest(
            f"the text is not UTF-8 (invalid byte at offset {exc.start}); convert it first, "
            f"e.g. iconv -f cp1251 -t utf-8"
        ) from None


def read_article(path: Path, max_chars: int, date: Date | None = None) -> tuple[str, Date]:
    """The text of an article file and its publication date: ``date``, else the text's leading
    ``date YYYY-MM-DD`` line, else a YYYY-MM-DD in the file name. BadRequest for anything that
    cannot be ingested (checked here, before any extraction: nothing is written)."""
    if path.stat().st_size > 4 * max_chars:  # more bytes than max_chars characters of UTF-8 can take
        raise BadRequest(
            f"the file has {path.stat().st_size} bytes; the limit is {max_chars} characters (max_article_chars)"
        )
    text = decode_article(path.read_bytes())
    check_text(text, max_chars)
    if date is None:
        found = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\b", text) or re.search(r"(\d{4}-\d{2}-\d{2})", path.name)
        if found is None:
            raise BadRequest(
                "no publication date: pass --date, start the text with 'date YYYY-MM-DD' or put "
                "YYYY-MM-DD in the file name"
            )
        try:
            date = Date.fromisoformat(found.group(1))
        except ValueError:
            raise BadRequest(f"{found.group(1)!r} is not a date") from None
    return text, date


def check_text(text: str, max_chars: int) -> None:
    """Refuse, before any extraction, what cannot be a Russian news article."""
    if not text.strip():
        raise BadRequest("the article text is empty")
    if len(text) > max_chars:
        raise BadRequest(f"the article is {len(text)} characters long; the limit is {max_chars} (max_article_chars)")
    bad = CONTROL.search(text)
    if bad:
        raise BadRequest(
            f"the text contains a control character (U+{ord(bad.group()):04X} at offset {bad.start()}): "
            f"binary data, not an article"
        )
    if not CYRILLIC.search(text):
        raise BadRequest("the text has no Cyrillic letters: policykg extracts from Russian articles")


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


def ingest(
    store: Store,
    settings: Settings,
    text: str,
    date: Date,
    *,
    name: str | None = None,
    title: str | None = None,
    url: str | None = None,
    path: Path | None = None,
    outlet: str | None = None,
) -> JSONObject:
    """Extract candidates from ``text`` into the draft graph {base}graph/draft/<name> (replacing
    an earlier draft of the same name). Returns the draft IRI and the review summary."""
    check_text(text, settings.max_article_chars)
    if url is not None and not re.match(r"^https?://\S+$", url):
        raise BadRequest(f"invalid URL {url!r}")
    name = draft_name(name or (path.stem if path else f"article-{date.isoformat()}"))
    linker = Linker(store, settings)
    ex = extract(text, linker, outlet, date, url)
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


def drafts(store: Store, settings: Settings) -> list[JSONObject]:
    prefix = graph_iri(settings.base_iri, "draft/")
    return [
        {"name": g.iri[len(prefix) :], "draft": g.iri, "triples": g.triples}
        for g in store.graphs()
        if g.iri.startswith(prefix) and not g.iri.startswith(history_inferred_prefix(settings.base_iri))
    ]


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


def review(store: Store, settings: Settings, draft: str) -> JSONObject:
    name, iri, g = load_draft(store, settings, draft)
    source = min(g.subjects(RDF.type, PKG.NewsArticle), key=str, default=None)
    return {
        "draft": iri,
        "name": name,
        "source": str(source) if source is not None else None,
        "summary": summarise(store, settings, g, article_text(g)),
    }


def summarise(store: Store, settings: Settings, g: Graph, text: str | None) -> JSONObject:
    """New vs linked entities and facts, each with its quotes (exact text and offsets); persons
    with their posts and organisations, legal acts with kind, number, date, issuer and title, money
    amounts, events with date, place and speakers, and the article's structure. Every key is present, lists possibly empty (docs/ingestion-review-json.md)."""
    local = {k: {PKG[c] for c in v} for k, v in KINDS.items()}
    out: JSONObject = {k: [] for k in KINDS}
    seen: set[URIRef] = set()
    nodes = {s for s in g.subjects() if isinstance(s, URIRef)}
    for s in sorted(nodes):
        types: set[Node] = set(g.objects(s, RDF.type))
        new = bool(types)
        if not new:
            types = _store_types(store, s)
        section = next((k for k, cls in local.items() if types & cls), None)
        if section is None or s in seen:
            continue
        seen.add(s)
        label = _label(g, s) if new else _store_label(store, s)
        item: JSONObject = {
            "iri": str(s),
            "status": "new" if new else "linked",
            "label": label,
            "class": sorted(str(t).rsplit("/", 1)[-1] for t in types & local[section]),
            "quotes": _quotes(g, s),
            "notes": sorted(
                {
                    str(n)
                    for n in g.objects(s, URIRef("http://www.w3.org/2004/02/skos/core#editorialNote"))
                    if getattr(n, "language", None) == "en"
                }
            ),
        }
        item.update(_facts(store, g, s, section, label))
        out[section].append(item)
    for v in out.values():
        v.sort(key=lambda i: (i["quotes"][0]["start"] if i["quotes"] else -1, i["label"]))
    statements = list(g.subjects(RDF.type, PKG.Statement))
    out["counts"] = {
        k: {"new": sum(i["status"] == "new" for i in out[k]), "linked": sum(i["status"] == "linked" for i in out[k])}
        for k in KINDS
    }
    out["structure"] = _structure(g)
    out["statements"] = len(statements)
    out["selectors_ok"] = (not check_selectors(g, text)) if text is not None else None
    return out


def _facts(store: Store, g: Graph, s: URIRef, section: str, label: str) -> JSONObject:
    """The keys a section's items add (docs/ingestion-review-json.md); ``None`` for what is not stated."""
    if section == "parameter_changes":
        return {p: _value(store, g, s, PKG[p]) for p in ("fromValue", "toValue", "currency", "parameter")}
    if section == "persons":
        return _person_links(store, g, s)
    if section == "posts":
        acting = g.value(s, PKG.acting)
        return {
            "role": _ref(store, g, g.value(s, ORG.role)),
            "organisation": _ref(store, g, g.value(s, ORG.postIn)),
            "acting": str(acting).rsplit("/", 1)[-1] if acting is not None else None,
        }
    if section == "legal_acts":
        kind = g.value(s, ELI.type_document)
        kind_label = (
            _any_label(store, g, kind) if kind is not None else label.split("№")[0].strip() if "№" in label else ""
        )
        return {
            "kind": kind_label[:1].upper() + kind_label[1:] or None,
            "number": _value(store, g, s, ELI.id_local),
            "date": _value(store, g, s, ELI.date_document),
            "issuer": _ref(store, g, g.value(s, ELI.passed_by)),
            "title": _value(store, g, s, ELI.title),
        }
    if section == "events":
        return {
            "date": _value(store, g, s, DCTERMS.date),
            "place": _value(store, g, s, PKG.locationName),
            "speakers": [_ref(store, g, p) for p in sorted(g.objects(s, PKG.participant), key=str)],
        }
    if section == "amounts":
        qualifier = g.value(s, PKG.qualifier)
        return {
            "value": _value(store, g, s, PKG.amountValue),
            "value_max": _value(store, g, s, PKG.amountMaxValue),
            "currency": _value(store, g, s, PKG.currency),
            "qualifier": str(qualifier).rsplit("/", 1)[-1] if qualifier is not None else None,
            "measures": _value(store, g, s, PKG.measures),
            "belongs_to": _ref(store, g, g.value(s, PKG.amountOf)),
        }
    return {}


def _ref(store: Store, g: Graph, node: Node | None) -> JSONObject | None:
    """A resource the draft points to, as {"iri", "label"}; ``None`` for none."""
    return None if node is None else {"iri": str(node), "label": _any_label(store, g, node)}


def _structure(g: Graph) -> JSONObject:
    """The article's layout parts (pkg:ArticlePart): what readback reads, the dateline with its
    place and agency."""
    out: JSONObject = read_structure(g)
    out["dateline"] = None
    for src in sorted(g.subjects(RDF.type, PKG.NewsArticle), key=str):
        for part in sorted(g.objects(src, DCTERMS.hasPart), key=str):
            if g.value(part, PKG.partKind) == PKG.partDateline:
                out["dateline"] = {
                    "text": _value_or_none(g, part, RDF.value),
                    "place": _value_or_none(g, part, PKG.datelinePlace),
                    "agency": _value_or_none(g, part, PKG.datelineAgency),
                }
    return out


def _value_or_none(g: Graph, s: Node, p: URIRef) -> str | None:
    value = g.value(s, p)
    return None if value is None else str(value)


def _label(g: Graph, s: Node) -> str:
    labels = {getattr(lab, "language", None): str(lab) for lab in g.objects(s, RDFS.label)}
    return labels.get("ru") or labels.get("en") or str(s)


def _any_label(store: Store, g: Graph, s: Node) -> str:
    """From the draft, else (an IRI: a linked node) from the published data."""
    return _store_label(store, s) if isinstance(s, URIRef) and (s, RDFS.label, None) not in g else _label(g, s)


def _value(store: Store, g: Graph, s: Node, p: URIRef) -> str | None:
    """One value of ``p`` for ``s``: from the draft, else (an IRI: a linked node) from the
    published data."""
    value = g.value(s, p)
    if value is not None:
        return str(value)
    if not isinstance(s, URIRef):  # a blank node or literal of the draft: nothing published about it
        return None
    rows = list(
        store.select(
            "SELECT ?s ?p ?o { ?s ?p ?o } LIMIT 1", substitutions={"s": ox.NamedNode(str(s)), "p": ox.NamedNode(str(p))}
        )
    )
    return rows[0]["o"].value if rows else None


def _person_links(store: Store, g: Graph, person: URIRef) -> dict[str, list[JSONObject]]:
    """The posts the draft says a person holds (with the post's organisation) and the
    organisations it says the person is a member of."""
    posts = [
        {"iri": str(post), "label": _any_label(store, g, post), "organisation": _value(store, g, post, ORG.postIn)}
        for post in sorted(g.objects(person, ORG.holds), key=str)
    ]
    orgs = [
        {"iri": str(org), "label": _any_label(store, g, org)}
        for org in sorted(g.objects(person, ORG.memberOf), key=str)
    ]
    return {"posts": posts, "organisations": orgs}


def _store_types(store: Store, s: URIRef) -> set[Node]:
    return {
        URIRef(sol["t"].value)
        for sol in store.select("SELECT DISTINCT ?s ?t { ?s a ?t }", substitutions={"s": ox.NamedNode(str(s))})
    }


def _store_label(store: Store, s: URIRef) -> str:
    rows = list(
        store.select(
            'SELECT ?s ?l { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(LANG(?l) = "ru") } LIMIT 1',
            substitutions={"s": ox.NamedNode(str(s))},
        )
    )
    return rows[0]["l"].value if rows else str(s)


def _quotes(g: Graph, s: URIRef) -> list[JSONObject]:
    quotes = []
    for st in g.objects(s, PKG.evidence):
        exact = start = end = None
        for sel in g.objects(st, OA.hasSelector):
            if g.value(sel, OA.exact) is not None:
                exact = str(g.value(sel, OA.exact))
            first, last = g.value(sel, OA.start), g.value(sel, OA.end)
            if first is not None:
                start = end = None  # malformed offsets: shown without a position
                if isinstance(first, Literal) and isinstance(last, Literal):
                    with contextlib.suppress(ValueError):
                        start, end = int(first), int(last)
        if exact is not None:
            quotes.append({"exact": exact, "start": start, "end": end, "statement": str(st)})
    return sorted(quotes, key=lambda q: (q["start"] or 0, q["end"] or 0))


def reviewed_graph_for(settings: Settings, name: str) -> str:
    return graph_iri(settings.base_iri, name)


def validate_draft(store: Store, settings: Settings, iri: str, g: Graph) -> Report:
    """SHACL report for the draft, read together with the reviewed data it links to; only
    results about nodes the draft describes count."""
    from server.graph.validate import validate

    data = Graph()
    for t in g:
        data.add(t)
    for info in store.graphs():
        if (
            info.iri != iri
            and is_asserted(info.iri, settings.base_iri)
            and info.iri != ontology_graph(settings.base_iri)
        ):
            quads_to_graph(store.quads(info.iri), data)
    report = validate(data)
    described = set(g.subjects())
    report.results = [
        r for r in report.results if URIRef(r["focus"]) in described or r["focus"] in {str(x) for x in described}
    ]
    report.conforms = not any(r["severity"] == "Violation" for r in report.results)
    return report


def accept(
    store: Store,
    settings: Settings,
    draft: str,
    *,
    replace: bool = False,
    reason_after: bool = True,
    agent: str | None = None,
) -> JSONObject:
    """Validate the draft, then move it into its reviewed graph (recorded in the history graph
    as an activity of ``agent``: by default the update token's name, ``settings.update_token_name``,
    as for HTTP; the command line passes ``history.CLI_AGENT``) and recompute the inferred graph."""
    name, iri, g = load_draft(store, settings, draft)
    target = reviewed_graph_for(settings, name)
    if store.has_graph(target) and not replace:
        raise BadRequest(f"the reviewed graph <{target}> already exists; accept with replace to overwrite it")
    text = article_text(g)
    problems = check_selectors(g, text) if text is not None else ["the article text is not available"]
    if problems:
        raise ValidationFailed(
            "selectors do not match the article text; nothing was accepted.\n" + "\n".join(problems[:20]),
            detail=problems,
        )
    report = validate_draft(store, settings, iri, g)
    if not report.conforms:
        raise ValidationFailed(
            f"SHACL validation failed; the draft was not accepted.\n{report.text()}", detail=report.results
        )
    # One update = one transaction: the draft disappears and the reviewed graph appears together.
    who = agent or settings.update_token_name
    with recording(store, settings, "accept", agent=who, label=f"accept draft {name}", graphs=[target]) as change:
        store.update(f"MOVE GRAPH {ox.NamedNode(iri)} TO GRAPH {ox.NamedNode(target)}")
    result: JSONObject = {
        "accepted": iri,
        "graph": target,
        "triples": store.triple_count(target),
        "activity": change.activity,
    }
    if reason_after:
        from server.graph.reason import reason

        rep = reason(store, settings)
        result["reasoning"] = {"engine": rep.engine, "inferred": rep.inferred, "seconds": round(rep.seconds, 3)}
    return result


def reject(store: Store, settings: Settings, draft: str) -> JSONObject:
    name, iri = resolve(settings, draft)
    if not store.drop_graph(iri):
        raise NotFound(f"no draft named {name!r} (see 'policykg drafts')")
    return {"rejected": iri}
