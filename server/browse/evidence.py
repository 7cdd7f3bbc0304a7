"""Evidence of a fact: the statements (pkg:evidence) with their verbatim quote, speaker,
direct-quote flag and source; and the statements a speaker made."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from .terms import PFX, Linker, Vocab, iri_dict, pick

MAX_EVIDENCE = 50

# One row per (statement, key, value): no cross products of labels.
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
  UNION { ?st pkg:speaker ?sp . ?sp rdfs:label ?v BIND("speaker_label" AS ?k) }
  UNION { ?st pkg:isDirectQuote ?v BIND("direct" AS ?k) }
  UNION { ?st dcterms:source ?v BIND("source" AS ?k) }
  UNION { ?st dcterms:source ?src . ?src rdfs:label ?v BIND("source_label" AS ?k) }
  UNION { ?st dcterms:source ?src . ?src dcterms:date|dcterms:issued ?v BIND("date" AS ?k) }
  UNION { ?st dcterms:source ?src . ?src foaf:page|<https://schema.org/url> ?v FILTER(isIRI(?v)) BIND("url" AS ?k) }
}"""
)


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
        if k in ("label", "speaker_label", "source_label"):
            e[{"label": "labels", "speaker_label": "speaker_labels", "source_label": "source_labels"}[k]].add(
                (v.value, v.language or "")
            )
        elif k == "exact":
            e["exact"].add(v.value)
        elif k == "direct":
            e["direct"] = v.value in ("true", "1")
        elif k in ("speaker", "source"):
            if isinstance(v, ox.NamedNode):
                e[k] = v.value
        elif k == "date":
            e["date"] = v.value
        elif k == "url" and v.value.startswith(("http://", "https://")):
            e["url"] = v.value
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
