"""Evidence of a fact: the statements (pkg:evidence) with their verbatim quote, speaker,
direct-quote flag and source; and the statements a speaker made."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from server.browse.terms import PFX, Linker, Vocab, iri_dict, pick

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

# %s: the speakers and sources found above, as VALUES written by pyoxigraph's term serialisation
DETAILS = (
    PFX
    + """SELECT ?x ?k ?v WHERE { VALUES ?x { %s }
  { ?x rdfs:label ?v BIND("label" AS ?k) }
  UNION { ?x dcterms:date|dcterms:issued ?v BIND("date" AS ?k) }
  UNION { ?x foaf:page|<https://schema.org/url> ?v FILTER(isIRI(?v)) BIND("url" AS ?k) }
}"""
)


def _details(store: Any, iris: set[str]) -> dict[str, dict[str, Any]]:
    """Labels, date and URL of each speaker/source IRI, in one query."""
    out: dict[str, dict[str, Any]] = {iri: {"labels": set(), "date": None, "url": None} for iri in iris}
    if not iris:
        return out
    values = " ".join(str(ox.NamedNode(iri)) for iri in sorted(iris))
    for sol in store.query(DETAILS % values):
        d, k, v = out.get(sol["x"].value), sol["k"].value, sol["v"]
        if d is None:
            continue
        if k == "label" and isinstance(v, ox.Literal):
            d["labels"].add((v.value, v.language or ""))
        elif k == "date":
            d["date"] = v.value
        elif k == "url" and v.value.startswith(("http://", "https://")):
            d["url"] = v.value
    return out


def collect_evidence(
    store: Any, subject: ox.NamedNode, linker: Linker, vocab: Vocab, lang: str
) -> dict[str, list[dict[str, Any]]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for sol in store.query(EVIDENCE, substitutions={"s": subject}):
        st, k, v = sol["st"], sol["k"].value, sol["v"]
        if not isinstance(st, ox.NamedNode):
            continue
        role = "spoke" if sol["role"].value == "spoke" else "evidence"
        e = found.get((role, st.value))
        if e is None:
            e = found[(role, st.value)] = {
                "iri": st.value,
                "labels": set(),
                "exact": set(),
                "speaker": None,
                "speaker_labels": set(),
                "direct": None,
                "source": None,
                "source_labels": set(),
                "date": None,
                "url": None,
            }
        if k == "label":
            e["labels"].add((v.value, v.language or ""))
        elif k == "exact":
            e["exact"].add(v.value)
        elif k == "direct":
            e["direct"] = v.value in ("true", "1")
        elif k in ("speaker", "source") and isinstance(v, ox.NamedNode):
            e[k] = v.value
    details = _details(store, {e[k] for e in found.values() for k in ("speaker", "source") if e[k] is not None})
    for e in found.values():
        if e["speaker"] is not None:
            e["speaker_labels"] = details[e["speaker"]]["labels"]
        if e["source"] is not None:
            src = details[e["source"]]
            e["source_labels"], e["date"], e["url"] = src["labels"], src["date"], src["url"]
    out: dict[str, list[dict[str, Any]]] = {"evidence": [], "spoke": []}
    for (role, _), e in found.items():
        out[role].append(
            {
                "iri": e["iri"],
                "href": linker.page(e["iri"]),
                "label": pick(e["labels"], lang) or vocab.label(e["iri"], lang),
                "exact": sorted(e["exact"]),
                "direct": e["direct"],
                "speaker": None
                if e["speaker"] is None
                else iri_dict(e["speaker"], e["speaker_labels"], linker, vocab, lang),
                "source": None
                if e["source"] is None
                else iri_dict(e["source"], e["source_labels"], linker, vocab, lang),
                "date": e["date"],
                "url": e["url"],
            }
        )
    for items in out.values():
        items.sort(key=lambda x: (x["date"] or "", x["iri"]))
        del items[MAX_EVIDENCE:]
    return out
