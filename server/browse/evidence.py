"""Evidence of a fact: the statements (pkg:evidence) with their verbatim quote, speaker,
direct-quote flag and source; and the statements a speaker made."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from server.browse.terms import PFX, Linker, Vocab, iri_dict, pick
from server.core.types import JSONObject

if TYPE_CHECKING:
    from server.store.base import Store

MAX_EVIDENCE = 50

# One row per (statement, key, value): no cross products of labels. The speakers' and the
# sources' own details come from DETAILS, once per speaker/source rather than once per statement
# (a person who made many statements would otherwise repeat their labels in every row).
EVIDENCE = (
    PFX
    + """SELECT ?s ?role ?st ?k ?v WHERE {
  { SELECT DISTINCT ?s ?role ?st WHERE {
      { ?s pkg:evidence ?st BIND("evidence" AS ?role) }
      UNION { ?s a pkg:Statement BIND(?s AS ?st) BIND("self" AS ?role) }
      UNION { ?st pkg:speaker ?s BIND("spoke" AS ?role) } } }
  { ?st rdfs:label ?v BIND("label" AS ?k) }
  UNION { ?st oa:hasSelector ?sel . ?sel oa:exact ?v BIND("exact" AS ?k) }
  UNION { ?st pkg:speaker ?v BIND("speaker" AS ?k) }
  UNION { ?st pkg:isDirectQuote ?v BIND("direct" AS ?k) }
  UNION { ?st dcterms:source ?v BIND("source" AS ?k) }
}"""
)

# %s: the speakers and sources found above, as VALUES written by pyoxigraph's term serialisation.
# The URL test is one FILTER outside the UNION: inside its branch, Virtuoso 7's compiler fails
# ("sparp_gp_deprecate()").
DETAILS = (
    PFX
    + """SELECT ?x ?k ?v WHERE { VALUES ?x { %s }
  { ?x rdfs:label ?v BIND("label" AS ?k) }
  UNION { ?x dcterms:date|dcterms:issued ?v BIND("date" AS ?k) }
  UNION { ?x foaf:page|<https://schema.org/url> ?v BIND("url" AS ?k) }
  FILTER(?k != "url" || isIRI(?v))
}"""
)


@dataclass
class _Details:
    """A speaker's or a source's labels ((text, language)), date and URL."""

    labels: set[tuple[str, str]] = field(default_factory=set)
    date: str | None = None
    url: str | None = None


@dataclass
class _Statement:
    iri: str
    labels: set[tuple[str, str]] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)
    direct: bool | None = None
    speaker: str | None = None
    source: str | None = None


def _details(store: Store, iris: set[str]) -> dict[str, _Details]:
    """Labels, date and URL of each speaker/source IRI, in one query."""
    out = {iri: _Details() for iri in iris}
    if not iris:
        return out
    values = " ".join(str(ox.NamedNode(iri)) for iri in sorted(iris))
    for sol in store.select(DETAILS % values):
        d, k, v = out.get(sol["x"].value), sol["k"].value, sol["v"]
        if d is None:
            continue
        if k == "label" and isinstance(v, ox.Literal):
            d.labels.add((v.value, v.language or ""))
        elif k == "date":
            d.date = v.value
        elif k == "url" and v.value.startswith(("http://", "https://")):
            d.url = v.value
    return out


def collect_evidence(
    store: Store, subject: ox.NamedNode, linker: Linker, vocab: Vocab, lang: str
) -> dict[str, list[JSONObject]]:
    found: dict[tuple[str, str], _Statement] = {}
    for sol in store.select(EVIDENCE, substitutions={"s": subject}):
        st, k, v = sol["st"], sol["k"].value, sol["v"]
        if not isinstance(st, ox.NamedNode):
            continue
        role = "spoke" if sol["role"].value == "spoke" else "evidence"
        e = found.get((role, st.value))
        if e is None:
            e = found[(role, st.value)] = _Statement(st.value)
        if k == "label" and isinstance(v, ox.Literal):
            e.labels.add((v.value, v.language or ""))
        elif k == "exact":
            e.exact.add(v.value)
        elif k == "direct":
            e.direct = v.value in ("true", "1")
        elif k == "speaker" and isinstance(v, ox.NamedNode):
            e.speaker = v.value
        elif k == "source" and isinstance(v, ox.NamedNode):
            e.source = v.value
    details = _details(store, {iri for e in found.values() for iri in (e.speaker, e.source) if iri is not None})
    out: dict[str, list[JSONObject]] = {"evidence": [], "spoke": []}
    for (role, _), e in found.items():
        source = details[e.source] if e.source is not None else _Details()
        out[role].append(
            {
                "iri": e.iri,
                "href": linker.page(e.iri),
                "label": pick(e.labels, lang) or vocab.label(e.iri, lang),
                "exact": sorted(e.exact),
                "direct": e.direct,
                "speaker": None
                if e.speaker is None
                else iri_dict(e.speaker, details[e.speaker].labels, linker, vocab, lang),
                "source": None if e.source is None else iri_dict(e.source, source.labels, linker, vocab, lang),
                "date": source.date,
                "url": source.url,
            }
        )
    for items in out.values():
        items.sort(key=lambda x: (x["date"] or "", x["iri"]))
        del items[MAX_EVIDENCE:]
    return out
