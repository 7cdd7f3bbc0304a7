"""Reconciliation (W3C Entity Reconciliation CG, Reconciliation Service API 0.2): matching names
written anywhere (any case form, initials, either order, Latin or Cyrillic, typos) to the
graph's entities, with honest 0–100 scores and ``match`` only when one candidate is clearly right.

Queries are answered in Python over the ``reconcile_index.Index`` (``names`` compares the words);
property constraints read values through ``reconcile_service.read_values``. Manifest, suggest,
preview and data extension are in ``reconcile_service``. No Flask."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from server.browse import names
from server.browse.reconcile_index import Entity, Index, Name
from server.browse.search import LOW_PRIORITY
from server.browse.terms import Vocab, pick, qname
from server.core.errors import BadRequest
from server.core.namespaces import PREFIXES
from server.core.types import JSONObject

MATCH_SCORE = 90  # ``match`` needs at least this score ...
MATCH_MARGIN = 10  # ... this lead over the next candidate, and every word of the query found exactly
DEFAULT_LIMIT = 10
MAX_LIMIT = 100
MAX_QUERY_CHARS = 500
QUERY_FIELDS = {"query", "type", "limit", "properties", "type_strict"}
Value = ox.NamedNode | ox.Literal
#: the values of one property (IRI) for some entities (IRIs): ``reconcile_service.read_values``
PropertyValues = Callable[[list[str], str], dict[str, list[Value]]]


@dataclass
class Candidate:
    entity: Entity
    score: float
    name_score: float
    exact: bool
    unmatched: int
    property_score: float | None = None
    match: bool = False


@dataclass
class Query:
    text: str
    types: list[str]  # class IRIs (any of them)
    limit: int
    properties: list[tuple[str, list[Any]]]  # (property IRI, values)


def parse_batch(raw: str, index: Index, max_queries: int) -> dict[str, Query]:
    """The ``queries`` parameter: a JSON object of reconciliation queries (400 when it is not one)."""
    try:
        batch = json.loads(raw)
    except ValueError as exc:
        raise BadRequest(f"'queries' is not JSON: {exc}") from None
    if not isinstance(batch, dict):
        raise BadRequest("'queries' must be a JSON object of queries keyed by identifiers.")
    if len(batch) > max_queries:
        raise BadRequest(
            f"{len(batch)} queries in one batch; at most {max_queries} (the manifest's batchSize).",
            detail={"batchSize": max_queries},
        )
    return {key: parse_query(key, q, index) for key, q in batch.items()}


def parse_query(key: str, q: object, index: Index) -> Query:
    def bad(msg: str) -> BadRequest:
        return BadRequest(f"Query {key!r}: {msg}", detail={"query": key})

    if not isinstance(q, dict):
        raise bad("must be an object.")
    extra = set(q) - QUERY_FIELDS
    if extra:
        raise bad(f"unknown fields {sorted(extra)}.")
    text = q.get("query", "")
    if not isinstance(text, str) or len(text) > MAX_QUERY_CHARS:
        raise bad(f"'query' must be a string of at most {MAX_QUERY_CHARS} characters.")
    types = q.get("type", [])
    types = [types] if isinstance(types, str) else types
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise bad("'type' must be a type identifier or a list of them.")
    limit = q.get("limit", DEFAULT_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int | float) or int(limit) != limit or not 0 < limit:
        raise bad("'limit' must be a positive integer.")
    if q.get("type_strict", "any") not in ("any", "all", "should"):
        raise bad("'type_strict' must be 'any', 'all' or 'should'.")
    props = q.get("properties", [])
    if not isinstance(props, list) or not all(isinstance(p, dict) and isinstance(p.get("pid"), str) for p in props):
        raise bad("'properties' must be a list of {pid, v} objects.")
    properties = []
    for p in props:
        if "v" not in p:
            raise bad(f"property {p['pid']!r} has no value 'v'.")
        values = p["v"] if isinstance(p["v"], list) else [p["v"]]
        properties.append((property_iri(p["pid"])[0], values))
    if not text.strip() and not properties:
        raise bad("give 'query', 'properties' or both.")
    return Query(text.strip(), [index.type_iri(t) for t in types], min(int(limit), MAX_LIMIT), properties)


def property_iri(pid: str) -> tuple[str, str | None]:
    """'org:holds' or a full IRI, with an optional '@ru'/'@en' language -> (IRI, language)."""
    base, _, lang = pid.rpartition("@") if "@" in pid and "/" not in pid.rpartition("@")[2] else (pid, "", "")
    prefix, colon, local = base.partition(":")
    if base.startswith(("http://", "https://")):
        iri = base
    elif colon and prefix in PREFIXES and local:
        iri = PREFIXES[prefix] + local
    else:
        raise BadRequest(f"Unknown property {pid!r}: write a prefixed name (org:holds) or a full IRI.")
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise BadRequest(f"Property {pid!r} is not a valid IRI.") from None
    return iri, lang.lower() or None


def property_id(iri: str, lang: str | None = None) -> str:
    return qname(iri) + (f"@{lang}" if lang else "")


def reconcile(index: Index, query: Query, values: PropertyValues | None = None) -> list[Candidate]:
    """Candidates for one query, best first; ``values`` reads property values for ``properties``."""
    qwords = names.words(query.text)
    allowed = set().union(*(index.subtypes(t) for t in query.types)) if query.types else None
    by_id = index.entities.get(index.entity_iri(query.text)) if query.text else None
    if by_id is not None:  # an identifier as the query
        found = [Candidate(by_id, 100.0, 100.0, True, 0)] if allowed is None or by_id.types & allowed else []
    elif qwords:
        found = []
        for iri in index.lookup(qwords):
            entity = index.entities[iri]
            if allowed is not None and not entity.types & allowed:
                continue
            best = max((_compare(qwords, n) for n in entity.names), key=lambda c: c[0])
            if best[0] > 0:
                found.append(Candidate(entity, best[0], best[0], best[1], best[2]))
    else:
        found = [
            Candidate(e, 0.0, 0.0, False, 0) for e in index.entities.values() if allowed is None or e.types & allowed
        ]
    found.sort(key=_order(index))
    if query.properties and values is not None:
        found = found[: max(query.limit * 5, 50)] if qwords else found
        _score_properties(index, query, found, values)
        found.sort(key=_order(index))
    found = found[: query.limit]
    if found:
        top, runner_up = found[0], found[1].score if len(found) > 1 else 0.0
        top.match = (
            top.exact
            and top.unmatched == 0
            and top.score >= MATCH_SCORE
            and top.score - runner_up >= MATCH_MARGIN
            and (top.property_score is None or top.property_score == 1.0)
        )
    return found


def _order(index: Index) -> Callable[[Candidate], tuple[float, bool, str, str]]:
    """Best score first; at equal scores things before statements about them, then by name."""
    return lambda c: (-c.score, bool(c.entity.types & LOW_PRIORITY), index.name(c.entity), c.entity.iri)


def _compare(qwords: tuple[names.Word, ...], name: Name) -> tuple[float, bool, int]:
    c = names.compare(qwords, name.words)
    return round(c.score * name.weight, 1), c.exact and name.weight == 1.0, c.unmatched


def _score_properties(index: Index, query: Query, found: list[Candidate], values: PropertyValues) -> None:
    """Each given property scores 0-1 (its best value against the candidate's values); the name
    score is then scaled by 0.7 + 0.3 x the mean (or, with no query text, is 100 x the mean)."""
    iris = [c.entity.iri for c in found]
    scores: dict[str, list[float]] = {iri: [] for iri in iris}
    for prop, wanted in query.properties:
        have = values(iris, prop)
        for iri in iris:
            scores[iri].append(max((_value_score(index, w, h) for w in wanted for h in have.get(iri, [])), default=0))
    for c in found:
        ps = sum(scores[c.entity.iri]) / len(query.properties)
        c.property_score = round(ps, 3)
        c.score = round(c.name_score * (0.7 + 0.3 * ps), 1) if query.text else round(100 * ps, 1)


def _value_score(index: Index, wanted: object, have: Value) -> float:
    if isinstance(wanted, dict):
        ident = wanted.get("id")
        if isinstance(ident, str) and isinstance(have, ox.NamedNode):
            if index.entity_iri(ident) == have.value:
                return 1.0
            if index.entity_iri(ident) in index.entities:
                return 0.0  # another of our entities; an id of another service falls back on the name
        wanted = wanted.get("name", "")
    text = str(wanted).lower() if isinstance(wanted, bool) else str(wanted)
    if isinstance(have, ox.Literal):
        if names.words(have.value) == names.words(text) and text.strip():
            return 1.0
        return names.compare(names.words(text), names.words(have.value)).score / 100
    target = index.entities.get(have.value)
    if target is None or not text.strip():
        return 1.0 if text == have.value else 0.0
    return max(_compare(names.words(text), n)[0] for n in target.names) / 100


def candidate_json(index: Index, c: Candidate, lang: str, vocab: Vocab) -> JSONObject:
    e = c.entity
    features: list[JSONObject] = [
        {"id": "name_score", "value": c.name_score},
        {"id": "name_exact", "value": c.exact},
    ]
    if c.property_score is not None:
        features.append({"id": "property_score", "value": c.property_score})
    return {
        "id": e.id,
        "name": index.name(e, lang),
        "description": describe(index, e, lang, vocab),
        "type": [{"id": index.types[t].id, "name": vocab.label(t, lang)} for t in index.most_specific(e)],
        "score": c.score,
        "features": features,
        "match": c.match,
    }


def describe(index: Index, e: Entity, lang: str, vocab: Vocab) -> str:
    """'Персона · Aleksandr Kozlovsky': the class and the name in the other language."""
    parts = [vocab.label(t, lang) for t in index.most_specific(e)]
    other = pick([d for d in e.display if d[1] != lang], "en" if lang == "ru" else "ru")
    if other and other != index.name(e, lang):
        parts.append(other)
    return " · ".join(parts)
