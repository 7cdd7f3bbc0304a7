"""Per-fact edits of a draft graph, before it is accepted: drop a fact, fix its label or class,
link it to a resource of the reviewed data. The CLI (``policykg edit``) and the curation pages
call these; no Flask here.

Each edit is one SPARQL Update (one transaction). What comes from the user (the fact, a label,
a class, a target) goes in as terms written by pyoxigraph's own serialiser in a ``VALUES``
block (IRIs validated, literals escaped: one term each, whatever they contain), never pasted as
text. A "fact" is a resource the draft describes or links to (an item of the review summary):
not the article itself, its statements or the article's authors."""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from server.core.errors import BadRequest, NotFound
from server.core.namespaces import PKG, PREFIXES, ontology_graph
from server.core.settings import Settings
from server.core.types import JSONObject
from server.ingest.workflow import load_draft
from server.store import Store

PROLOGUE = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in ("pkg", "rdf", "rdfs", "oa", "owl", "foaf", "skos"))
MAX_LABEL = 500
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: what says who or what a resource is: replaced by the reviewed data's description on relink
IDENTITY = ("rdf:type", "rdfs:label", "skos:altLabel", "skos:prefLabel", "foaf:name", "foaf:givenName",
            "foaf:familyName", "skos:editorialNote")  # fmt: skip


def values(**terms: ox.NamedNode | ox.Literal) -> str:
    """``VALUES (?a ?b) { (<…> "…") }``: the bound terms, each serialised by pyoxigraph."""
    names = " ".join(f"?{k}" for k in terms)
    row = " ".join(str(t) for t in terms.values())
    return f"VALUES ({names}) {{ ({row}) }}"


def _node(iri: str, what: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri.strip())
    except ValueError:
        raise BadRequest(f"{what} {iri!r} is not an IRI") from None


def _fact(store: Store, settings: Settings, draft: str, fact: str) -> tuple[str, ox.NamedNode, ox.NamedNode, Graph]:
    """(draft name, draft graph, fact node, draft graph content); NotFound unless ``fact`` is one
    of the draft's facts."""
    name, iri, g = load_draft(store, settings, draft)
    x = _node(fact, "the fact")
    s = URIRef(x.value)
    if (s, None, None) not in g:
        raise NotFound(f"the draft {name!r} says nothing about <{x.value}>")
    if (s, RDF.type, URIRef(PKG + "NewsArticle")) in g or (s, RDF.type, URIRef(PKG + "Statement")) in g:
        raise BadRequest(f"<{x.value}> is the article or one of its statements, not a fact")
    if s == _authors(g):
        raise BadRequest(f"<{x.value}> is the article's authors (the speaker of unattributed text), not a fact")
    return name, ox.NamedNode(iri), x, g


def _authors(g: Graph) -> URIRef | None:
    """The article's authors: the speaker of the statement that is their own evidence (builder)."""
    evidence, speaker = URIRef(PKG + "evidence"), URIRef(PKG + "speaker")
    for a, st in g.subject_objects(evidence):
        if (st, speaker, a) in g and (st, RDF.type, URIRef(PKG + "Statement")) in g and _is_group(g, a):
            return a if isinstance(a, URIRef) else None
    return None


def _is_group(g: Graph, node: object) -> bool:
    types = set(g.objects(node, RDF.type))  # type: ignore[arg-type]
    return not types or URIRef(PKG + "ActorGroup") in types  # linked groups have no type in the draft


def drop(store: Store, settings: Settings, draft: str, fact: str) -> JSONObject:
    """Remove a fact from the draft: what the draft says about it, the links to it, and the
    statements that were evidence for it alone (with their selectors). Statements it was the
    speaker of go to the article's authors, as unattributed text does."""
    name, graph, x, g = _fact(store, settings, draft, fact)
    authors = _authors(g)
    bound = values(g=graph, x=x)
    ops = [
        f"""DELETE {{ GRAPH ?g {{ ?st ?p ?o . ?sel ?sp ?so }} }} WHERE {{ {bound}
  GRAPH ?g {{ ?x pkg:evidence ?st FILTER NOT EXISTS {{ ?y pkg:evidence ?st FILTER(?y != ?x) }}
    {{ ?st ?p ?o }} UNION {{ ?st oa:hasSelector ?sel . ?sel ?sp ?so }} }} }}""",
    ]
    if authors is not None:
        ops.append(
            f"""DELETE {{ GRAPH ?g {{ ?st pkg:speaker ?x }} }} INSERT {{ GRAPH ?g {{ ?st pkg:speaker ?a }} }}
WHERE {{ {values(g=graph, x=x, a=ox.NamedNode(str(authors)))} GRAPH ?g {{ ?st pkg:speaker ?x }} }}"""
        )
    ops.append(
        f"""DELETE {{ GRAPH ?g {{ ?x ?p ?o . ?s ?q ?x }} }} WHERE {{ {bound}
  GRAPH ?g {{ {{ ?x ?p ?o }} UNION {{ ?s ?q ?x }} }} }}"""
    )
    store.update(PROLOGUE + " ;\n".join(ops))
    return {"draft": graph.value, "name": name, "dropped": x.value}


def relabel(store: Store, settings: Settings, draft: str, fact: str, label: str, lang: str = "ru") -> JSONObject:
    """Replace a new fact's ``rdfs:label`` in ``lang`` (and its ``foaf:name`` in that language, a
    person's name). A linked fact's label belongs to the reviewed data: refused."""
    label = " ".join(label.split())
    if not label:
        raise BadRequest("the label is empty")
    if len(label) > MAX_LABEL or CONTROL.search(label):
        raise BadRequest(f"the label must be one line of at most {MAX_LABEL} characters")
    if lang not in ("ru", "en"):
        raise BadRequest("the label's language must be 'ru' or 'en'")
    name, graph, x, g = _fact(store, settings, draft, fact)
    _new_only(g, x, "its label")
    ops = [
        f"""DELETE {{ GRAPH ?g {{ ?x ?p ?old }} }} INSERT {{ GRAPH ?g {{ ?x ?p ?new }} }} WHERE {{
  {values(g=graph, x=x, new=ox.Literal(label, language=lang), lang=ox.Literal(lang))}
  VALUES ?p {{ {predicate} }} GRAPH ?g {{ ?x ?p ?old }} FILTER(LANG(?old) = ?lang) }}"""
        for predicate in ("foaf:name", "rdfs:label")
    ]
    # a new fact without a label in that language gets one
    ops.append(
        f"""INSERT {{ GRAPH ?g {{ ?x rdfs:label ?new }} }} WHERE {{
  {values(g=graph, x=x, new=ox.Literal(label, language=lang), lang=ox.Literal(lang))}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x rdfs:label ?old FILTER(LANG(?old) = ?lang) }} }} }}"""
    )
    store.update(PROLOGUE + " ;\n".join(ops))
    return {"draft": graph.value, "name": name, "relabelled": x.value, "label": label, "lang": lang}


def reclass(store: Store, settings: Settings, draft: str, fact: str, cls: str) -> JSONObject:
    """Replace a new fact's classes by ``cls`` (a class of the ontology: its IRI or its local
    name in the pkg: namespace)."""
    c = _node(cls if ":" in cls else PKG + cls, "the class")
    if not store.ask(
        "ASK { GRAPH ?o { ?c a <http://www.w3.org/2002/07/owl#Class> } }",
        substitutions={"c": c, "o": ox.NamedNode(ontology_graph(settings.base_iri))},
    ):
        raise BadRequest(f"<{c.value}> is not a class of the ontology")
    name, graph, x, g = _fact(store, settings, draft, fact)
    _new_only(g, x, "its class")
    store.update(
        PROLOGUE
        + f"""DELETE {{ GRAPH ?g {{ ?x rdf:type ?old }} }} INSERT {{ GRAPH ?g {{ ?x rdf:type ?c }} }} WHERE {{
  {values(g=graph, x=x, c=c)} GRAPH ?g {{ ?x rdf:type ?old }} }}"""
    )
    return {"draft": graph.value, "name": name, "reclassed": x.value, "class": c.value}


def relink(store: Store, settings: Settings, draft: str, fact: str, target: str) -> JSONObject:
    """Make the draft speak of ``target``, a resource of the reviewed data, instead of the fact:
    every link to the fact and every statement about it (evidence, posts, ...) now names the
    target; what says who or what the fact is (its types, labels, names, notes) is dropped, the
    reviewed data describes the target."""
    t = _node(target, "the target")
    name, graph, x, _g = _fact(store, settings, draft, fact)
    if t == x:
        raise BadRequest("the fact is already that resource")
    if not store.ask("ASK { ?t a ?c }", substitutions={"t": t}):  # the published data, drafts left out
        raise NotFound(f"the reviewed data has no resource <{t.value}>")
    bound = values(g=graph, x=x, t=t)
    identity = " ".join(IDENTITY)
    ops = [
        f"""DELETE {{ GRAPH ?g {{ ?x ?p ?o }} }} WHERE {{ {bound} VALUES ?p {{ {identity} }} GRAPH ?g {{ ?x ?p ?o }} }}""",
        f"""DELETE {{ GRAPH ?g {{ ?x ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?t ?p ?o }} }} WHERE {{ {bound}
  GRAPH ?g {{ ?x ?p ?o }} }}""",
        f"""DELETE {{ GRAPH ?g {{ ?s ?q ?x }} }} INSERT {{ GRAPH ?g {{ ?s ?q ?t }} }} WHERE {{ {bound}
  GRAPH ?g {{ ?s ?q ?x }} }}""",
    ]
    store.update(PROLOGUE + " ;\n".join(ops))
    return {"draft": graph.value, "name": name, "relinked": x.value, "target": t.value}


def _new_only(g: Graph, x: ox.NamedNode, what: str) -> None:
    if (URIRef(x.value), RDF.type, None) not in g:
        raise BadRequest(
            f"<{x.value}> is linked to the reviewed data: {what} is edited there, not in a draft "
            f"(link the fact to another resource instead)"
        )
