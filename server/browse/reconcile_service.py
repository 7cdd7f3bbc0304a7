"""The documents of the reconciliation service around the matching in ``reconcile``: the service
manifest, suggest (entities, types, properties), the preview's context, and data extension
(property proposals and values). Store reads are bound SPARQL; no Flask."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pyoxigraph as ox

from server.browse import reconcile
from server.browse.labels import LabelIndex
from server.browse.reconcile import Value, property_id, property_iri
from server.browse.reconcile_index import Index
from server.browse.search import LOW_PRIORITY, rank, variants
from server.browse.terms import RDFS_LABEL, Vocab
from server.core.errors import BadRequest
from server.core.namespaces import PKG, PREFIXES
from server.core.types import JSONObject
from server.core.version import __version__

if TYPE_CHECKING:
    from server.store.base import Store

XSD = PREFIXES["xsd"]
INTEGER = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
FLOAT = {XSD + t for t in ("decimal", "double", "float")}
DATE_TIME = re.compile(r"^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")
SUGGEST_PAGE = 20
MAX_EXTEND_PROPERTIES = 50
LABELS = (f"{property_id(RDFS_LABEL)}@ru", f"{property_id(RDFS_LABEL)}@en")  # proposed for every type
# one query per property for all the entities asked: the IRIs are written by pyoxigraph's term
# serialisation (each an entity of the index), the property is bound
VALUES = "SELECT ?x ?o ?p WHERE { VALUES ?x { %s } ?x ?p ?o }"
PREVIEW_FACTS = (PREFIXES["org"] + "holds", PREFIXES["org"] + "memberOf", PREFIXES["org"] + "postIn")


def manifest(index: Index, vocab: Vocab, *, root: str, lang: str, batch_size: int) -> JSONObject:
    """The service manifest (GET /reconcile); ``root`` is the service's URL without a final slash."""
    service = f"{root}/reconcile"
    return {
        "versions": ["0.2"],
        "name": "policykg: Russian industrial policy" if lang == "en" else "policykg: промышленная политика России",
        "identifierSpace": index.base_iri,
        "schemaSpace": PKG,
        "serviceVersion": __version__,
        "view": {"url": f"{root}/page/{{{{id}}}}"},
        "defaultTypes": [type_json(index, t, vocab, lang) for t in default_types(index)],
        "preview": {"url": f"{service}/preview?id={{{{id}}}}", "width": 420, "height": 180},
        "suggest": {
            kind: {"service_url": service, "service_path": f"/suggest/{kind}"}
            for kind in ("entity", "type", "property")
        },
        "extend": {
            "propose_properties": {"service_url": service, "service_path": "/properties"},
            "property_settings": [
                {
                    "name": "limit",
                    "label": "Limit",
                    "type": "number",
                    "default": 0,
                    "help_text": "Most values per cell (0: all)",
                }
            ],
        },
        "batchSize": batch_size,
    }


def default_types(index: Index) -> list[str]:
    """The ontology's top classes that have entities, statements and the like left out."""
    used = set().union(*(e.types for e in index.entities.values())) if index.entities else set()
    return sorted(t for t, ty in index.types.items() if not ty.broader and t in used and t not in LOW_PRIORITY)


def type_json(index: Index, iri: str, vocab: Vocab, lang: str, *, broader: bool = True) -> JSONObject:
    out: JSONObject = {"id": index.types[iri].id, "name": vocab.label(iri, lang)}
    if broader and index.types[iri].broader:
        out["broader"] = [type_json(index, b, vocab, lang, broader=False) for b in index.types[iri].broader]
    return out


# -- suggest ----------------------------------------------------------------------------------


def suggest_entities(
    index: Index, labels: LabelIndex, vocab: Vocab, prefix: str, *, lang: str, cursor: int = 0, type_id: str = ""
) -> JSONObject:
    """Entities whose names start with (or contain a word starting with) ``prefix``, in either
    script; an identifier as ``prefix`` finds its entity first."""
    prefix = prefix.strip()[: reconcile.MAX_QUERY_CHARS]
    allowed = index.subtypes(index.type_iri(type_id)) if type_id else None
    qs = variants(prefix) if prefix else []
    best: dict[str, int] = {}
    for iri, label in labels.matches(qs):
        if iri in index.entities:
            best[iri] = min(best.get(iri, 4), rank(label, qs))
    exact = index.entities.get(index.entity_iri(prefix)) if prefix else None
    if exact is not None:
        best[exact.iri] = -1
    hits = [
        index.entities[iri]
        for iri, r in best.items()
        if r < 4 and (allowed is None or index.entities[iri].types & allowed)
    ]
    hits.sort(key=lambda e: (best[e.iri], bool(e.types & LOW_PRIORITY), len(index.name(e, lang)), e.iri))
    return {
        "result": [
            {
                "id": e.id,
                "name": index.name(e, lang),
                "description": reconcile.describe(index, e, lang, vocab),
                "notable": [type_json(index, t, vocab, lang, broader=False) for t in index.most_specific(e)],
            }
            for e in hits[cursor : cursor + SUGGEST_PAGE]
        ]
    }


def _starts(prefix: str, texts: list[str]) -> int | None:
    """0 when a text starts with the prefix, 1 when it contains it, None otherwise."""
    p = prefix.lower()
    found = [0 if t.lower().startswith(p) else 1 for t in texts if p in t.lower()]
    return min(found) if found else None


def suggest_types(index: Index, vocab: Vocab, prefix: str, *, lang: str, cursor: int = 0) -> JSONObject:
    hits = []
    for iri, ty in index.types.items():
        r = _starts(prefix.strip(), [ty.id, *(label for label, _ in vocab.labels.get(iri, []))])
        if r is not None:
            hits.append((r, vocab.label(iri, lang), iri))
    return {
        "result": [type_json(index, iri, vocab, lang) for _, _, iri in sorted(hits)[cursor : cursor + SUGGEST_PAGE]]
    }


def all_properties(index: Index) -> list[str]:
    return sorted(set().union(*index.properties.values())) if index.properties else []


def property_json(pid: str, vocab: Vocab, lang: str) -> JSONObject:
    iri, value_lang = property_iri(pid)
    name = vocab.label(iri, lang) + (f" ({value_lang})" if value_lang else "")
    return {"id": pid, "name": name, "description": iri}


def suggest_properties(index: Index, vocab: Vocab, prefix: str, *, lang: str, cursor: int = 0) -> JSONObject:
    hits = []
    for pid in [*LABELS, *(property_id(p) for p in all_properties(index))]:
        iri = property_iri(pid)[0]
        r = _starts(prefix.strip(), [pid, iri, *(label for label, _ in vocab.labels.get(iri, []))])
        if r is not None:
            hits.append((r, pid))
    return {"result": [property_json(pid, vocab, lang) for _, pid in sorted(hits)[cursor : cursor + SUGGEST_PAGE]]}


# -- data extension ---------------------------------------------------------------------------


def propose(index: Index, vocab: Vocab, type_id: str, *, lang: str, limit: int | None) -> JSONObject:
    """The properties the entities of a type have (rdf:type left out), the labels in ru and en first."""
    iri = index.type_iri(type_id)
    used = sorted(index.properties.get(iri, set()) - {PREFIXES["rdf"] + "type"}, key=lambda p: vocab.label(p, lang))
    pids = [*LABELS, *(property_id(p) for p in used)]
    out: JSONObject = {"type": type_id, "properties": [property_json(p, vocab, lang) for p in pids[:limit]]}
    if limit is not None:
        out["limit"] = limit
    return out


def read_values(store: Store, iris: list[str], prop: str) -> dict[str, list[Value]]:
    """The values of ``prop`` for each of ``iris`` (entities of the index), sorted."""
    out: dict[str, list[Value]] = {iri: [] for iri in iris}
    for i in range(0, len(iris), 200):
        chunk = " ".join(str(ox.NamedNode(iri)) for iri in iris[i : i + 200])
        for sol in store.select(VALUES % chunk, substitutions={"p": ox.NamedNode(prop)}):
            o = sol["o"]
            if isinstance(o, ox.NamedNode | ox.Literal) and sol["x"].value in out:
                out[sol["x"].value].append(o)
    for values in out.values():
        values.sort(key=lambda v: (isinstance(v, ox.Literal) and v.language or "", v.value))
    return out


def parse_extend(raw: str, max_ids: int) -> tuple[list[str], list[tuple[str, int]]]:
    """The ``extend`` parameter: (entity ids, [(property id, most values)])."""
    try:
        q = json.loads(raw)
    except ValueError as exc:
        raise BadRequest(f"'extend' is not JSON: {exc}") from None
    if not isinstance(q, dict) or not isinstance(q.get("ids"), list) or not isinstance(q.get("properties"), list):
        raise BadRequest("'extend' must be a JSON object with 'ids' and 'properties' lists.")
    ids, props = q["ids"], q["properties"]
    if not all(isinstance(i, str) for i in ids):
        raise BadRequest("'extend': 'ids' must be strings.")
    if len(ids) > max_ids or len(props) > MAX_EXTEND_PROPERTIES:
        raise BadRequest(f"'extend': at most {max_ids} ids and {MAX_EXTEND_PROPERTIES} properties at once.")
    out = []
    for p in props:
        if not isinstance(p, dict) or not isinstance(p.get("id"), str):
            raise BadRequest("'extend': each property must be an object with an 'id'.")
        settings = p.get("settings") or {}
        try:
            limit = int(settings.get("limit", 0)) if isinstance(settings, dict) else -1
        except (TypeError, ValueError):
            limit = -1
        if limit < 0:
            raise BadRequest(f"'extend': property {p['id']!r}: setting 'limit' must be a number, 0 or more.")
        property_iri(p["id"])  # 400 for an unknown prefix
        out.append((p["id"], limit))
    return ids, out


def extend(store: Store, index: Index, vocab: Vocab, ids: list[str], props: list[tuple[str, int]]) -> JSONObject:
    """The data extension response: for each id and property, its values (entities as {id, name})."""
    known = {i: index.entity_iri(i) for i in ids if index.entity_iri(i) in index.entities}
    rows: dict[str, JSONObject] = {i: {} for i in ids}
    meta = []
    for pid, limit in props:
        iri, lang = property_iri(pid)
        meta.append({"id": pid, "name": property_json(pid, vocab, lang or "ru")["name"]})
        values = read_values(store, list(dict.fromkeys(known.values())), iri)
        for ident in ids:
            cells = [
                _cell(index, vocab, v, lang)
                for v in values.get(known.get(ident, ""), [])
                if not (lang and isinstance(v, ox.Literal) and v.language and v.language != lang)
            ]
            rows[ident][pid] = cells[:limit] if limit else cells
    return {"meta": meta, "rows": rows}


def _cell(index: Index, vocab: Vocab, v: Value, lang: str | None) -> JSONObject:
    if isinstance(v, ox.NamedNode):
        target = index.entities.get(v.value)
        if target is not None:
            return {"id": target.id, "name": index.name(target, lang or "ru")}
        return {"str": vocab.label(v.value, lang or "ru")}
    dt = v.datatype.value if v.datatype is not None else ""
    try:
        if dt in INTEGER:
            return {"int": int(v.value)}
        if dt in FLOAT:
            return {"float": float(v.value)}
    except ValueError:
        pass
    if dt == XSD + "date" and re.fullmatch(r"-?\d{4,}-\d\d-\d\d", v.value):
        return {"date": f"{v.value}T00:00:00Z"}
    if dt == XSD + "dateTime" and DATE_TIME.match(v.value):
        return {"date": v.value}
    return {"str": v.value}


# -- preview ----------------------------------------------------------------------------------


def preview(store: Store, index: Index, vocab: Vocab, ident: str, *, lang: str) -> JSONObject | None:
    """What the small HTML preview shows (None for an unknown id)."""
    e = index.entities.get(index.entity_iri(ident))
    if e is None:
        return None
    facts = []
    for prop in PREVIEW_FACTS:
        found = read_values(store, [e.iri], prop)[e.iri]
        shown = [_cell(index, vocab, v, lang)["name"] for v in found if v.value in index.entities][:3]
        if shown:
            facts.append({"label": vocab.label(prop, lang), "values": shown})
    other = sorted({n.text for n in e.names} - {index.name(e, lang)})
    return {
        "id": e.id,
        "name": index.name(e, lang),
        "types": [vocab.label(t, lang) for t in index.most_specific(e)],
        "other_names": other[:4],
        "facts": facts,
        "lang": lang,
    }
