"""A draft graph read back as plain records (persons, organisations, posts, legal acts, money
amounts, changes, events, the article's parts), with what the store says about the resources it
links to: what ``quality`` compares with the gold."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS
from rdflib.term import Node

from server.ingest.builder import ELI, OA, ORG, PKG, int_value
from server.ingest.inflect import inflect_phrase


def decimal(v: Any) -> Decimal | None:
    if v is None:
        return None
    try:
        return Decimal(str(v).replace(" ", "").replace(",", ".")).normalize()
    except InvalidOperation:
        return None


# -- reading a draft back -------------------------------------------------------------------------

ORG_ROOT = PKG.Organization


def view(draft: Graph, background: Graph) -> Graph:
    """The draft plus what the store says about the resources it links to (types, labels) and the
    ontology (classes, concept labels): everything the readers below need."""
    g = Graph()
    g += draft
    nodes = {o for o in draft.objects() if isinstance(o, URIRef)} | {
        s for s in draft.subjects() if isinstance(s, URIRef)
    }
    for n in nodes:
        if (n, RDF.type, None) in draft:
            continue
        for p, o in background.predicate_objects(n):
            if p in (
                RDF.type,
                RDFS.label,
                SKOS.altLabel,
                SKOS.prefLabel,
                FOAF.name,
                ORG.postIn,
                ORG.role,
                ELI.id_local,
                ELI.type_document,
                RDFS.subClassOf,
            ):
                g.add((n, p, o))
    return g


def _ru(g: Graph, s: Any, *props: URIRef) -> list[str]:
    props = props or (RDFS.label, SKOS.altLabel, FOAF.name)
    return [str(x) for p in props for x in g.objects(s, p) if getattr(x, "language", "ru") in ("ru", None)]


def _first(labels: list[str]) -> str | None:
    return labels[0] if labels else None


def quote_spans(g: Graph, s: Any) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for st in g.objects(s, PKG.evidence):
        span: tuple[int, int] | None = None
        exact = None
        for sel in g.objects(st, OA.hasSelector):
            if g.value(sel, OA.start) is not None:
                span = int_value(g, sel, OA.start), int_value(g, sel, OA.end)
            if g.value(sel, OA.exact) is not None:
                exact = str(g.value(sel, OA.exact))
        if span is not None:
            out.append((*span, exact or ""))
    return sorted(out)


def _subclasses(g: Graph, root: URIRef) -> set[Node]:
    out: set[Node] = {root}
    todo: list[Node] = [root]
    while todo:
        c = todo.pop()
        for sub in g.subjects(RDFS.subClassOf, c):
            if sub not in out:
                out.add(sub)
                todo.append(sub)
    return out


def instances(g: Graph, root: URIRef) -> set[URIRef]:
    return {s for c in _subclasses(g, root) for s in g.subjects(RDF.type, c) if isinstance(s, URIRef)}


@dataclass
class Found:
    iri: str
    labels: list[str]
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.labels[0] if self.labels else self.iri.rsplit("/", 1)[-1]


#: pkg:ActingScheme's concepts as the words that open an acting role
ACTING_WORDS = {"temporaryActing": "временно исполняющий обязанности", "interimActing": "исполняющий обязанности"}


def _acting(role: str | None, acting: str | None) -> str | None:
    """The role as held (``acting``: the local name of the post's pkg:acting concept): one held by an acting
    holder is that acting role, not the role itself; the temporary acting holder ('врио') and the acting one
    ('и.о.') are two posts."""
    words = ACTING_WORDS.get(acting or "")
    if role is None or words is None or role.lower().startswith(words):
        return role
    if acting == "temporaryActing" and role.lower().startswith("исполняющ"):
        return f"временно {role}"
    return f"{words} {inflect_phrase(role, 'gent')}"


def _with_adjective(role: str, post_labels: list[str]) -> str:
    """The role as the post's label writes it when that label opens with one adjective or a hyphened prefix before the
    role ('управляющий директор ОДК-УМПО', 'Статс-секретарь …' for the concepts 'директор', 'секретарь'), else the
    role."""
    for label in post_labels:
        m = re.match(rf"([а-яё]+(?:ий|ый|ой)\s+|[а-яё]+-){re.escape(role)}(?:\s|$)", label, re.IGNORECASE)
        if m is not None:  # also a prefix of its own: 'статс-секретарь' for the concept 'секретарь'
            return f"{m.group(1).lower()}{role}"
    return role


def read_draft(g: Graph) -> dict[str, Any]:
    """Persons, organisations, posts, legal acts, money amounts, changes, events and the article's
    structure, as plain records, from a draft graph (seen through ``view``)."""
    persons = [Found(str(s), _ru(g, s), quote_spans(g, s)) for s in sorted(instances(g, PKG.Person))]
    org_nodes = instances(g, ORG_ROOT)
    orgs = [Found(str(s), _ru(g, s), quote_spans(g, s)) for s in sorted(org_nodes)]
    posts = []
    for post in sorted(instances(g, PKG.Post)):
        org = g.value(post, ORG.postIn)
        org_labels = _ru(g, org) if org is not None else []
        role = g.value(post, ORG.role)
        role_text = _first(_ru(g, role, RDFS.label, SKOS.prefLabel)) if role is not None else None
        if role_text is None:  # no role concept: the post's label, which starts with the role
            role_text = (_ru(g, post, RDFS.label) or [""])[0]
        else:  # 'управляющий директор …': the post's own adjective before its concept's role ('директор')
            role_text = _with_adjective(role_text, _ru(g, post, RDFS.label))
        acting = g.value(post, PKG.acting)
        role_text = _acting(role_text, str(acting).rsplit("/", 1)[-1] if acting is not None else None)
        for person in sorted(p for p in g.subjects(ORG.holds, post) if isinstance(p, URIRef)):
            posts.append(
                Found(
                    str(post),
                    _ru(g, post, RDFS.label),
                    quote_spans(g, post),
                    {
                        "person": str(person),
                        "person_labels": _ru(g, person),
                        "role": role_text,
                        "org": str(org) if org is not None else None,
                        "org_labels": org_labels,
                    },
                )
            )
    acts = []
    for a in sorted(instances(g, PKG.LegalAct)):
        kind_node = g.value(a, ELI.type_document)
        kind = _first(_ru(g, kind_node, RDFS.label, SKOS.prefLabel)) if kind_node is not None else None
        label = (_ru(g, a, RDFS.label) or [""])[0]
        acts.append(
            Found(
                str(a),
                [label],
                quote_spans(g, a),
                {
                    "kind": kind or label,
                    "number": _str(g.value(a, ELI.id_local)),
                    "date": _str(g.value(a, ELI.date_document)),
                    "issuer": _str(g.value(a, ELI.passed_by)),
                    "title": _str(g.value(a, ELI.title)),
                },
            )
        )
    money = []
    for m in sorted(instances(g, PKG.MonetaryAmount)):
        q = g.value(m, PKG.qualifier)
        owner = g.value(m, PKG.amountOf)
        money.append(
            Found(
                str(m),
                _ru(g, m, RDFS.label),
                quote_spans(g, m),
                {
                    "value": decimal(g.value(m, PKG.amountValue)),
                    "value_max": decimal(g.value(m, PKG.amountMaxValue)),
                    "currency": _str(g.value(m, PKG.currency)),
                    "qualifier": _first(_ru(g, q, RDFS.label, SKOS.prefLabel)) if q is not None else None,
                    "measures": _first(_ru(g, m, PKG.measures)),
                    "belongs_to": (_ru(g, owner) or [str(owner)])[0] if owner is not None else None,
                },
            )
        )
    changes = []
    for c in sorted(instances(g, PKG.ParameterChange)):
        changes.append(
            Found(
                str(c),
                _ru(g, c, RDFS.label),
                quote_spans(g, c),
                {
                    "from": decimal(g.value(c, PKG.fromValue)),
                    "to": decimal(g.value(c, PKG.toValue)),
                    "currency": _str(g.value(c, PKG.currency)),
                    "parameter": _first(_ru(g, c, PKG.parameter)),
                },
            )
        )
    events = []
    for e in sorted(instances(g, PKG.Event)):
        speakers = set(g.objects(e, PKG.participant))
        speakers |= {
            agent
            for p in g.objects(e, PKG.hasParticipation)
            if (agent := g.value(p, PKG.participationAgent)) is not None
        }
        events.append(
            Found(
                str(e),
                _ru(g, e, RDFS.label),
                quote_spans(g, e),
                {
                    "date": _str(g.value(e, DCTERMS.date)),
                    "place": _first(_ru(g, e, PKG.locationName)),
                    "speakers": sorted((_ru(g, s) or [str(s)])[0] for s in speakers),
                },
            )
        )
    parks = [Found(str(s), _ru(g, s), quote_spans(g, s)) for s in sorted(instances(g, PKG.IndustrialSite))]
    return {
        "persons": persons,
        "organisations": orgs,
        "sites": parks,
        "posts": posts,
        "legal_acts": acts,
        "money": money,
        "changes": changes,
        "events": events,
        "structure": read_structure(g),
    }


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def read_structure(g: Graph) -> dict[str, Any]:
    out: dict[str, Any] = {
        "headline": None,
        "lead": None,
        "dateline": None,
        "credits": [],
        "source_lines": [],
        "byline": None,
    }
    field_of = {
        "partHeadline": "headline",
        "partLead": "lead",
        "partDateline": "dateline",
        "partCaption": "credits",
        "partCredit": "credits",
        "partSourceLine": "source_lines",
        "partByline": "byline",
    }
    for src in g.subjects(RDF.type, PKG.NewsArticle):
        for part in g.objects(src, DCTERMS.hasPart):
            kind = g.value(part, PKG.partKind)
            name = field_of.get(str(kind).rsplit("/", 1)[-1]) if kind is not None else None
            text = _str(g.value(part, RDF.value))
            if name is None or text is None:
                continue
            if isinstance(out[name], list):
                out[name].append(text)
            else:
                out[name] = text
    return out
