"""Named queries: ``queries/NAME.rq`` files with a comment header, run with typed parameters.

Header (the leading ``#`` lines of the file)::

    # title@en: Proposals by actor
    # title@ru: Предложения актора
    # description@en: Proposals an actor put forward, relayed or requested ...
    # description@ru: ...
    # param: actor
    #   type: iri            (iri | string | langstring | integer | decimal | date | boolean)
    #   class: prov:Agent    (iri only: the expected class, so clients can offer choices)
    #   required: true       (or give a default:)
    #   default: en
    #   values: ru, en       (optional closed list)
    #   example: http://localhost:8000/id/person/kozlovsky-aleksandr
    #   label@en: Actor
    #   label@ru: Актор

A parameter ``actor`` binds the variable ``?actor`` as a typed RDF term through the store's
``substitutions`` (never spliced into the text). pyoxigraph requires every substituted variable
to appear in the SELECT clause (or the CONSTRUCT template), so parameters are also columns.
An optional parameter that is not given stays unbound: filter with "not given, or the condition",
``FILTER(!COALESCE(isIRI(?param), false) || ?x = ?param)`` (``isLiteral`` for literals; for a
pattern ``... || IF(isIRI(?param), EXISTS {...}, false)``), never with BOUND() (false for a
pyoxigraph substitution) nor ``COALESCE(?x = ?param, true)`` (Virtuoso drops the row).
Use parameters in the outer WHERE group or at the top of an OPTIONAL, not in nested groups:
remote stores pre-bind with a VALUES block there (``server.store.prebind``).
A column computed with GROUP_CONCAT (``lists``) has its parts sorted after evaluation
(``server.protocol.results.sort_lists``): SPARQL leaves their order open and stores differ.
``limit``, ``offset``, ``format`` and ``compress`` are reserved for the API.

A named query is run like any other (``job`` -> server.protocol.query.QueryService.run): the
same timeout, caps and serialisation, its parameters sent along as ``substitutions`` and its
page as ``offset`` / ``max_rows``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from server.core.errors import BadRequest, NotAcceptable, NotFound
from server.core.namespaces import DEFAULT_BASE, PREFIXES, rebased
from server.core.settings import Settings
from server.core.types import JSONObject
from server.protocol import formats
from server.protocol.executor import Job
from server.sparql.lexer import query_form, tokens
from server.store.base import QueryResult, Store, Term

XSD = PREFIXES["xsd"]
TYPES = ("iri", "string", "langstring", "integer", "decimal", "date", "boolean")
RESERVED = {"limit", "offset", "format", "compress", "asOf", "recordedBefore"}  # the last two: past views
GRAPH_FORMATS = ("ttl", "jsonld", "nt", "rdf")  # of CONSTRUCT / DESCRIBE queries
ASK_FORMATS = ("json", "xml")
MAX_STRING = 1000
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LANGSTRING = re.compile(r"^(.*)@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$", re.DOTALL)
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass
class Param:
    name: str
    type: str = "string"
    required: bool = False
    default: str | None = None
    example: str | None = None
    cls: str | None = None  # expected class IRI (type iri)
    values: list[str] | None = None
    label: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> JSONObject:
        out: JSONObject = {"name": self.name, "type": self.type, "required": self.required}
        for key in ("default", "example", "values"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.cls:
            out["class"] = self.cls
        out["label"] = self.label
        return out


@dataclass
class NamedQuery:
    name: str
    path: Path
    sparql: str
    kind: str  # select | ask | construct | describe
    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    params: list[Param] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    lists: dict[str, str] = field(default_factory=dict)  # GROUP_CONCAT columns -> their separator

    @property
    def returns_graph(self) -> bool:
        return self.kind in ("construct", "describe")

    def cap(self, settings: Settings) -> int:
        """The most rows (triples) one answer may hold: the service's cap for this kind."""
        return settings.max_construct_triples if self.returns_graph else settings.max_rows

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def example_args(self) -> dict[str, str]:
        """Arguments that make a good example: every example value, required ones first."""
        return {p.name: p.example for p in self.params if p.example is not None}

    def to_dict(self) -> JSONObject:
        return {
            "name": self.name,
            "kind": self.kind,
            "title": self.title,
            "description": self.description,
            "params": [p.to_dict() for p in self.params],
            "columns": self.columns,
        }


# -- parsing ------------------------------------------------------------------------------


def expand_curie(value: str) -> str:
    """``pkg:Person`` -> full IRI for the known prefixes; anything else unchanged."""
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return value


def parse_header(text: str, name: str = "?") -> tuple[dict[str, str], dict[str, str], list[Param]]:
    """The title and description (by language) and the parameters declared by a query's header."""
    title: dict[str, str] = {}
    description: dict[str, str] = {}
    params: list[Param] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped[1:]
        if not body.strip() or ":" not in body:
            continue
        nested = body.startswith("  ")
        key, _, value = body.strip().partition(":")
        key, value = key.strip(), value.strip()
        base, _, lang = key.partition("@")
        where = f"{name}.rq line {lineno}"
        if nested:
            if not params:
                raise ValueError(f"{where}: '{key}' outside a param")
            p = params[-1]
            if base == "type":
                if value not in TYPES:
                    raise ValueError(f"{where}: unknown type {value!r}; use one of {', '.join(TYPES)}")
                p.type = value
            elif base == "class":
                p.cls = expand_curie(value)
            elif base == "required":
                p.required = value.lower() in ("true", "yes", "1")
            elif base == "default":
                p.default = value
            elif base == "example":
                p.example = value
            elif base == "values":
                p.values = [v.strip() for v in value.split(",") if v.strip()]
            elif base == "label" and lang:
                p.label[lang] = value
            else:
                raise ValueError(f"{where}: unknown param key {key!r}")
        elif base == "title" and lang:
            title[lang] = value
        elif base == "description" and lang:
            description[lang] = (description.get(lang, "") + " " + value).strip()
        elif base == "param":
            if not _PARAM_NAME.match(value) or value in RESERVED:
                raise ValueError(f"{where}: bad or reserved parameter name {value!r}")
            params.append(Param(value))
    return title, description, params


def _columns(sparql: str) -> list[str]:
    """The variables of the SELECT clause in order, plain or named by ``(expression AS ?v)``."""
    toks = tokens(sparql)
    if not any(tok.is_word("SELECT") for tok in toks):
        return []
    out: list[str] = []
    nesting, prev = 0, None
    for tok in toks:  # the clause after SELECT
        if nesting == 0 and (tok.is_word("WHERE", "FROM") or (tok.kind == "punct" and tok.text == "{")):
            break
        if tok.kind == "var" and (nesting == 0 or (nesting == 1 and prev is not None and prev.is_word("AS"))):
            out.append(tok.text[1:])
        if tok.kind == "punct" and tok.text in "()":
            nesting += 1 if tok.text == "(" else -1
        prev = tok
    return out


def _lists(sparql: str) -> dict[str, str]:
    """The columns of the SELECT clause computed with GROUP_CONCAT, with its separator (a space by
    default; one written with escapes is left out): the service sorts their parts (results.sort_lists)."""
    toks = list(tokens(sparql))
    out: dict[str, str] = {}
    nesting, prev, sep = 0, None, None
    for i, tok in enumerate(toks):
        if nesting == 0 and (tok.is_word("WHERE", "FROM") or (tok.kind == "punct" and tok.text == "{")):
            break
        if tok.is_word("GROUP_CONCAT"):
            sep = " "
        elif tok.is_word("SEPARATOR") and i + 2 < len(toks) and toks[i + 2].kind == "string":
            quoted = toks[i + 2].text
            cut = 3 if quoted[:3] in ('"""', "'''") else 1
            sep = None if "\\" in quoted else quoted[cut:-cut]
        if tok.kind == "var" and nesting == 1 and prev is not None and prev.is_word("AS"):
            if sep:
                out[tok.text[1:]] = sep
            sep = None
        if tok.kind == "punct" and tok.text in "()":
            nesting += 1 if tok.text == "(" else -1
        prev = tok
    return out


def parse_query(path: Path) -> NamedQuery:
    text = Path(path).read_text(encoding="utf-8")
    name = Path(path).stem
    if not _NAME.match(name):
        raise ValueError(f"{path}: query names are lower-case words joined by '-'")
    title, description, params = parse_header(text, name)
    for lang in ("en", "ru"):
        if lang not in title or lang not in description:
            raise ValueError(f"{path}: title@{lang} and description@{lang} are required")
    form = query_form(text)
    if form is None:
        raise ValueError(f"{path}: no SELECT, ASK, CONSTRUCT or DESCRIBE")
    q = NamedQuery(name, Path(path), text, form.lower(), title, description, params)
    if q.kind == "select":
        q.columns = _columns(text)
        q.lists = _lists(text)
    for p in params:
        if p.required and p.default is not None:
            raise ValueError(f"{path}: parameter {p.name} is required and has a default")
        if p.default is not None:
            convert(p, p.default)  # a bad default is a bug in the file
        if p.example is not None:
            convert(p, p.example)
    return q


def queries_dir() -> Path:
    from server.core.resources import resource_dir

    return resource_dir("queries")


def load_queries(directory: Path | None = None, base_iri: str = DEFAULT_BASE) -> dict[str, NamedQuery]:
    """All named queries, by name, sorted (re-read when a file changes). The files' example, default
    and listed IRIs are written under the default base; they are given under ``base_iri``, like the data."""
    directory = Path(directory) if directory is not None else queries_dir()
    files = sorted(directory.glob("*.rq"))
    return _load(tuple((str(f), f.stat().st_mtime_ns) for f in files), base_iri)


@lru_cache(maxsize=4)
def _load(files: tuple[tuple[str, int], ...], base_iri: str) -> dict[str, NamedQuery]:
    queries = {Path(f).stem: parse_query(Path(f)) for f, _ in files}
    if base_iri != DEFAULT_BASE:
        for q in queries.values():
            for p in q.params:
                if p.type == "iri":
                    p.example = rebased(p.example, base_iri) if p.example is not None else None
                    p.default = rebased(p.default, base_iri) if p.default is not None else None
                    if p.values is not None:
                        p.values = [rebased(v, base_iri) for v in p.values]
    return queries


def get_query(name: str, directory: Path | None = None, base_iri: str = DEFAULT_BASE) -> NamedQuery:
    queries = load_queries(directory, base_iri)
    if name not in queries:
        raise NotFound(f"No named query {name!r}; see /api/queries.", detail={"query": name})
    return queries[name]


# -- binding --------------------------------------------------------------------------------


def _bad(p: Param, message: str) -> BadRequest:
    return BadRequest(f"Parameter '{p.name}': {message}", detail={"parameter": p.name})


def convert(p: Param, raw: str) -> ox.NamedNode | ox.Literal:
    """The typed term for a parameter value; BadRequest naming the parameter if it does not fit."""
    value = raw.strip() if p.type != "string" and p.type != "langstring" else raw
    if p.values is not None and value not in p.values:
        raise _bad(p, f"{raw!r} is not one of {', '.join(p.values)}")
    if p.type == "iri":
        if value.startswith("<") and value.endswith(">"):
            value = value[1:-1]
        value = expand_curie(value)
        if not _SCHEME.match(value):
            raise _bad(p, f"{raw!r} is not an absolute IRI")
        try:
            return ox.NamedNode(value)
        except ValueError:
            raise _bad(p, f"{raw!r} is not a valid IRI") from None
    if len(value) > MAX_STRING:
        raise _bad(p, f"longer than {MAX_STRING} characters")
    if p.type == "string":
        return ox.Literal(value)
    if p.type == "langstring":
        m = _LANGSTRING.match(value)
        if not m:
            raise _bad(p, f"{raw!r} needs a language tag, e.g. 'текст@ru'")
        return ox.Literal(m.group(1), language=m.group(2).lower())
    if p.type == "integer":
        if not _INTEGER.match(value):
            raise _bad(p, f"{raw!r} is not an integer")
        return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
    if p.type == "decimal":
        if not _DECIMAL.match(value):
            raise _bad(p, f"{raw!r} is not a decimal number")
        try:
            d = Decimal(value)
        except InvalidOperation:
            raise _bad(p, f"{raw!r} is not a decimal number") from None
        text = format(d, "f")
        return ox.Literal(text if "." in text else text + ".0", datatype=ox.NamedNode(XSD + "decimal"))
    if p.type == "date":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise _bad(p, f"{raw!r} is not a date (YYYY-MM-DD)") from None
        if len(value) != 10:
            raise _bad(p, f"{raw!r} is not a date (YYYY-MM-DD)")
        return ox.Literal(day.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if p.type == "boolean":
        low = value.lower()
        if low not in ("true", "false", "1", "0", "yes", "no"):
            raise _bad(p, f"{raw!r} is not a boolean (true or false)")
        return ox.Literal("true" if low in ("true", "1", "yes") else "false", datatype=ox.NamedNode(XSD + "boolean"))
    raise _bad(p, f"unknown type {p.type}")


def bind(query: NamedQuery, args: Mapping[str, str | list[str]]) -> dict[str, Term]:
    """Typed substitutions for ``args`` (request arguments minus the reserved ones)."""
    out: dict[str, Term] = {}
    for key, value in args.items():
        if key in RESERVED:
            continue
        p = query.param(key)
        if p is None:
            known = ", ".join(x.name for x in query.params) or "none"
            raise BadRequest(
                f"Parameter '{key}': unknown for query {query.name} (parameters: {known})", detail={"parameter": key}
            )
        if isinstance(value, list):
            if len(value) != 1:
                raise _bad(p, "given more than once")
            value = value[0]
        if value == "" and not p.required:
            continue  # an empty form field means "not given"
        out[key] = convert(p, value)
    for p in query.params:
        if p.name in out:
            continue
        if p.required:
            raise _bad(p, "required")
        if p.default is not None:
            out[p.name] = convert(p, p.default)
    return out


def run(store: Store, query: NamedQuery, args: Mapping[str, str | list[str]]) -> QueryResult:
    """The store's result of the named query with its parameters bound, evaluated here without
    timeout or caps (tests, benchmarks); the service runs them through ``job``."""
    substitutions = bind(query, args)
    return store.query(query.sparql, substitutions=substitutions or None)


def result_format(query: NamedQuery, accept: str | None, name: str | None) -> formats.Format:
    """The format of ``query``'s answer: ``name`` (``?format=``, ``--format``) or else the one
    negotiated from ``accept``. 406 for an ASK answer other than JSON or XML."""
    if query.returns_graph:
        candidates = [formats.BY_NAME[n] for n in GRAPH_FORMATS]
        if not name:
            return formats.negotiate(accept, formats.GRAPH, candidates)
        f = formats.by_name(name, formats.GRAPH)
        if f not in candidates:
            raise BadRequest(
                f"Parameter 'format': use one of {', '.join(GRAPH_FORMATS)}", detail={"parameter": "format"}
            )
        return f
    f = formats.by_name(name, formats.RESULTS) if name else formats.negotiate(accept, formats.RESULTS)
    if query.kind == "ask" and f.name not in ASK_FORMATS:
        raise NotAcceptable(
            "An ASK result is available as JSON or XML only.",
            detail={"offered": [formats.BY_NAME[n].media_type for n in ASK_FORMATS]},
        )
    return f


def job(
    query: NamedQuery, args: Mapping[str, str | list[str]], fmt: formats.Format, *, limit: int, offset: int = 0
) -> Job:
    """The job that answers ``query`` with ``args`` bound: ``limit`` rows (triples) after the
    first ``offset``, in ``fmt``; its ``truncated`` flag says whether more follow."""
    return Job(
        query.sparql,
        fmt=fmt.name,
        max_rows=limit,
        max_triples=limit,
        offset=offset,
        substitutions=bind(query, args),
        sorted_lists=query.lists,
    )
