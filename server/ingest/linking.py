"""Look-ups in the store for linking candidates to existing (reviewed) resources. Every value
comes in as a bound variable; drafts and the inferred graph are never linked to."""

from __future__ import annotations

import pyoxigraph as ox

from server.core.namespaces import PKG, graph_iri, inferred_graph
from server.core.settings import Settings
from server.store import Store

PREFIXES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX pkg: <http://localhost:8000/ontology/>
"""

REVIEWED = "FILTER(!STRSTARTS(STR(?g), ?drafts) && ?g != ?inferred)"

ORG_LABELS = PREFIXES + f"""
SELECT ?s ?label ?ru ?en ?cls ?drafts ?inferred WHERE {{
  GRAPH ?g {{ ?s a ?cls ; rdfs:label|skos:altLabel ?label . }}
  {REVIEWED}
  ?cls rdfs:subClassOf* pkg:Organization .
  OPTIONAL {{ ?s rdfs:label ?ru FILTER(LANG(?ru) = "ru") }}
  OPTIONAL {{ ?s rdfs:label ?en FILTER(LANG(?en) = "en") }}
}}"""

BY_LABEL = PREFIXES + f"""
SELECT DISTINCT ?s ?drafts ?inferred ?key ?kind WHERE {{
  GRAPH ?g {{ ?s rdfs:label|skos:altLabel|foaf:name ?l ; a ?cls . }}
  {REVIEWED}
  ?cls rdfs:subClassOf* ?kind .
  FILTER(LCASE(STR(?l)) = ?key)
}} ORDER BY ?s"""

ACT_BY_NUMBER = PREFIXES + f"""
SELECT DISTINCT ?s ?drafts ?inferred ?number WHERE {{
  GRAPH ?g {{ ?s eli:id_local ?n ; a ?cls . }}
  {REVIEWED}
  ?cls rdfs:subClassOf* pkg:LegalAct .
  FILTER(STR(?n) = ?number)
}} ORDER BY ?s"""

TAKEN = "SELECT ?s ?drafts { GRAPH ?g { { ?s ?p ?o } UNION { ?x ?p ?s } } FILTER(!STRSTARTS(STR(?g), ?drafts)) } LIMIT 1"


class Linker:
    def __init__(self, store: Store | None, settings: Settings):
        self.store = store
        self.settings = settings
        self.bind = {
            "drafts": ox.Literal(graph_iri(settings.base_iri, "draft/")),
            "inferred": ox.NamedNode(inferred_graph(settings.base_iri)),
        }

    def _select(self, sparql: str, **values: ox.NamedNode | ox.Literal) -> list[dict[str, str]]:
        if self.store is None:
            return []
        # pyoxigraph binds only projected variables: pass those the query uses
        subs = {k: v for k, v in {**self.bind, **values}.items() if f"?{k} " in sparql or f"?{k})" in sparql}
        result = self.store.query(sparql, substitutions=subs)
        names = [v.value for v in result.variables]
        return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]

    def existing_orgs(self) -> list[dict[str, str]]:
        rows = self._select(ORG_LABELS)
        out = []
        for r in rows:
            cls = r.get("cls", "")
            out.append({"iri": r["s"], "label": r["label"], "ru": r.get("ru", r["label"]), "en": r.get("en", ""),
                        "cls": cls[len(PKG):] if cls.startswith(PKG) else "Organization"})
        return out

    def by_label(self, labels: list[str], kind: str) -> str | None:
        for label in labels:
            rows = self._select(BY_LABEL, key=ox.Literal(label.lower()), kind=ox.NamedNode(PKG + kind))
            if rows:
                return rows[0]["s"]
        return None

    def act(self, number: str) -> str | None:
        rows = self._select(ACT_BY_NUMBER, number=ox.Literal(number))
        return rows[0]["s"] if rows else None

    def taken(self, iri: str) -> bool:
        if self.store is None:
            return False
        return bool(self._select(TAKEN, s=ox.NamedNode(iri)))

