"""Look-ups in the store for linking candidates to existing (reviewed) resources. Every value
comes in as a bound variable; drafts and the inferred graph are never linked to."""

from __future__ import annotations

import pyoxigraph as ox

from server.core.namespaces import PKG, graph_iri, inferred_graph, ontology_graph
from server.core.settings import Settings
from server.store import Store, Term

PREFIXES = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX pkg: <{PKG}>
"""

REVIEWED = "FILTER(!STRSTARTS(STR(?g), ?drafts) && ?g != ?inferred)"

# %s: the organisation classes (``Linker.subclasses``), as VALUES written by pyoxigraph
ORG_LABELS = (
    PREFIXES
    + f"""
SELECT ?s ?label ?ru ?en ?cls ?drafts ?inferred WHERE {{
  VALUES ?cls {{ %s }}
  GRAPH ?g {{ ?s a ?cls ; rdfs:label|skos:altLabel ?label . }}
  {REVIEWED}
  OPTIONAL {{ GRAPH ?g {{ ?s rdfs:label ?ru FILTER(LANG(?ru) = "ru") }} }}
  OPTIONAL {{ GRAPH ?g {{ ?s rdfs:label ?en FILTER(LANG(?en) = "en") }} }}
}}"""
)

# the label is bound as ru, en and plain literal (an index look-up, not a scan of every label); the
# classes are read for the few resources found (a join on ?cls first would scan every typed resource)
BY_LABEL = (
    PREFIXES
    + f"""
SELECT DISTINCT ?s ?g ?drafts ?inferred ?ru ?en ?plain WHERE {{
  {{ GRAPH ?g {{ ?s rdfs:label|skos:altLabel|foaf:name ?ru }} }} UNION {{ GRAPH ?g {{ ?s rdfs:label|skos:altLabel|foaf:name ?en }} }}
  UNION {{ GRAPH ?g {{ ?s rdfs:label|skos:altLabel|foaf:name ?plain }} }}
  {REVIEWED}
}} ORDER BY ?s"""
)

TYPES = "SELECT ?cls ?s ?g { GRAPH ?g { ?s a ?cls } }"

# the class hierarchy is read from the ontology's graph alone (the query's default graph), so drafts
# never take part; a path in ``GRAPH ?onto`` finds nothing on Virtuoso 7
SUBCLASSES = PREFIXES + "SELECT ?cls ?kind { ?cls rdfs:subClassOf* ?kind }"

ACT_BY_NUMBER = (
    PREFIXES
    + f"""
SELECT DISTINCT ?s ?drafts ?inferred ?number ?type ?date WHERE {{
  VALUES ?cls {{ %s }}
  GRAPH ?g {{ ?s eli:id_local ?n ; a ?cls . OPTIONAL {{ ?s eli:type_document ?type }}
             OPTIONAL {{ ?s eli:date_document ?date }} }}
  {REVIEWED}
  FILTER(STR(?n) = ?number)
}} ORDER BY ?s"""
)

ACT_BY_TITLE = (
    PREFIXES
    + f"""
SELECT DISTINCT ?s ?drafts ?inferred ?title WHERE {{
  GRAPH ?g {{ ?s eli:title ?title }}
  {REVIEWED}
}} ORDER BY ?s"""
)

POST_BY_ROLE = (
    PREFIXES
    + f"""
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?s ?drafts ?inferred ?org ?role WHERE {{
  GRAPH ?g {{ ?s org:postIn ?org ; org:role ?role . }}
  {REVIEWED}
}} ORDER BY ?s"""
)

TAKEN = (
    "SELECT ?s ?drafts { GRAPH ?g { { ?s ?p ?o } UNION { ?x ?p ?s } } FILTER(!STRSTARTS(STR(?g), ?drafts)) } LIMIT 1"
)


class Linker:
    def __init__(self, store: Store | None, settings: Settings):
        self.store = store
        self.settings = settings
        self.bind: dict[str, Term] = {
            "drafts": ox.Literal(graph_iri(settings.base_iri, "draft/")),
            "inferred": ox.NamedNode(inferred_graph(settings.base_iri)),
        }
        self._subclasses: dict[str, set[str]] = {}

    def _select(
        self, sparql: str, default_graphs: list[str] | None = None, **values: ox.NamedNode | ox.Literal
    ) -> list[dict[str, str]]:
        if self.store is None:
            return []
        # pyoxigraph binds only projected variables: pass those the query uses
        subs: dict[str, Term] = {
            k: v for k, v in {**self.bind, **values}.items() if f"?{k} " in sparql or f"?{k})" in sparql
        }
        named: list[str] | None = [] if default_graphs else None
        result = self.store.select(sparql, substitutions=subs, default_graphs=default_graphs, named_graphs=named)
        names = [v.value for v in result.variables]
        return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]

    def subclasses(self, kind: str) -> set[str]:
        """``pkg:{kind}`` and its subclasses, by the ontology graph."""
        if kind not in self._subclasses:
            onto = ontology_graph(self.settings.base_iri)
            rows = self._select(SUBCLASSES, default_graphs=[onto], kind=ox.NamedNode(PKG + kind))
            self._subclasses[kind] = {r["cls"] for r in rows}
        return self._subclasses[kind]

    def _values(self, kind: str) -> str:
        return " ".join(str(ox.NamedNode(c)) for c in sorted(self.subclasses(kind)))  # none: no solution

    def existing_orgs(self) -> list[dict[str, str]]:
        rows = self._select(ORG_LABELS % self._values("Organization"))
        out = []
        for r in rows:
            cls = r.get("cls", "")
            out.append(
                {
                    "iri": r["s"],
                    "label": r["label"],
                    "ru": r.get("ru", r["label"]),
                    "en": r.get("en", ""),
                    "cls": cls[len(PKG) :] if cls.startswith(PKG) else "Organization",
                }
            )
        return out

    def by_label(self, labels: list[str], kind: str) -> str | None:
        """A reviewed resource of ``kind`` (or a subclass) with one of these labels (as written, or
        with its first letter in the other case)."""
        classes = self.subclasses(kind)
        for label in labels:
            for form in dict.fromkeys((label, label[:1].upper() + label[1:], label[:1].lower() + label[1:])):
                rows = self._select(
                    BY_LABEL,
                    ru=ox.Literal(form, language="ru"),
                    en=ox.Literal(form, language="en"),
                    plain=ox.Literal(form),
                )
                for r in rows:
                    types = {t["cls"] for t in self._select(TYPES, s=ox.NamedNode(r["s"]), g=ox.NamedNode(r["g"]))}
                    if types & classes:
                        return r["s"]
        return None

    def act(self, number: str, kind: str | None = None, year: int | None = None) -> str | None:
        """A reviewed legal act with this number, of this kind (eli:type_document) and year (of
        eli:date_document) when both sides know them."""
        for r in self._select(ACT_BY_NUMBER % self._values("LegalAct"), number=ox.Literal(number)):
            if kind and r.get("type") and r["type"] != kind:
                continue
            if year and r.get("date") and not r["date"].startswith(str(year)):
                continue
            return r["s"]
        return None

    def act_by_title(self, title: str) -> str | None:
        """A reviewed legal act with this title ('О промышленной политике в Российской Федерации')."""
        rows = self._select(ACT_BY_TITLE, title=ox.Literal(title, language="ru"))
        return rows[0]["s"] if rows else None

    def post(self, org: str, role: str) -> str | None:
        """A reviewed post in this organisation with this role: a post named again links to it."""
        rows = self._select(POST_BY_ROLE, org=ox.NamedNode(org), role=ox.NamedNode(role))
        return rows[0]["s"] if rows else None

    def taken(self, iri: str) -> bool:
        if self.store is None:
            return False
        return bool(self._select(TAKEN, s=ox.NamedNode(iri)))
