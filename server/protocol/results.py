"""Query results to bytes, with the row/triple caps and a visible truncation flag.

ASK results and CONSTRUCT/DESCRIBE triples are serialised natively by Oxigraph. SELECT
solutions are written natively too: in one pass straight into the wanted format, counting
rows as they are written (``_render_at_once``); past the cap, or for a page at an offset,
through a capped TSV buffer (``_render_solutions``). The small Python writers below follow
the W3C formats (SPARQL 1.1 Query Results JSON, XML, CSV and TSV, with xml:lang, datatypes,
blank nodes, RDF 1.2 triple terms and base direction); they serve results without variables,
and serve as the reference the tests compare the native path with.
"""

from __future__ import annotations

import csv
import io
import json
import time
import traceback
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, TypeVar, cast
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from server.core.errors import QueryTimeout
from server.core.namespaces import PREFIXES
from server.core.types import JSONObject
from server.protocol import formats
from server.store.base import QueryResult, Term

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_CHECK_EVERY = 256  # solutions between two deadline checks
Item = TypeVar("Item", bound=Hashable)  # a solution or a triple


@dataclass
class Rendered:
    body: bytes
    content_type: str
    truncated: bool = False
    counted: int | None = None  # rows or triples written, when counted while writing
    recount: str | None = None  # else the results format (name) to count the rows in ``body`` by, on demand

    @property
    def count(self) -> int | None:
        """Rows or triples written (None for ASK)."""
        if self.counted is None and self.recount is not None:
            self.counted = _count_rows(self.body, self.recount)
        return self.counted


def choose_format(kind: str, accept: str | None, fmt: str | None) -> formats.Format:
    """``?format=`` wins over Accept; otherwise content negotiation (406 names the offer)."""
    if fmt:
        if kind == formats.GRAPH and fmt.lower() in _GRAPH_SYNONYMS:
            fmt = _GRAPH_SYNONYMS[fmt.lower()]  # SPARQLWrapper asks CONSTRUCT for 'xml' / 'json'
        return formats.by_name(fmt, kind)
    return formats.negotiate(accept, kind)


_GRAPH_SYNONYMS = {"xml": "rdf", "json": "jsonld"}


def render(
    result: QueryResult,
    *,
    accept: str | None = None,
    fmt: str | None = None,
    max_rows: int = 10000,
    max_triples: int = 100000,
    offset: int = 0,
    deadline: float | None = None,
    sorted_lists: Mapping[str, str] | None = None,
    again: Callable[[], QueryResult] | None = None,
) -> Rendered:
    """Serialise a store result (QuerySolutions, QueryBoolean or triples) with the caps.

    The first ``offset`` rows (or distinct triples) are skipped; ``truncated`` says that more
    follow the ones written (the cap, or a page's end). A graph's triples are written once
    each (CONSTRUCT may repeat them). ``deadline`` (time.monotonic()) is checked while
    solutions are read: the best-effort timeout of in-thread evaluation (the executor
    processes are killed instead). ``sorted_lists``: columns whose values are lists joined by a
    separator (column -> separator), written with their parts sorted (``sort_lists``). ``again``
    evaluates the query anew: given, SELECT results are written in one native pass, and
    evaluated again (capped TSV) only past the cap."""
    try:
        return _render(result, accept, fmt, max_rows, max_triples, offset, deadline, sorted_lists, again)
    except BaseException as exc:
        # A pyoxigraph result may only be released by the thread that made it; the traceback
        # may travel to another thread (the evaluation thread's to the request's, or the
        # garbage collector's), so the result leaves the frames it passed through here.
        del result
        traceback.clear_frames(exc.__traceback__)
        raise


def _render(
    result: QueryResult,
    accept: str | None,
    fmt: str | None,
    max_rows: int,
    max_triples: int,
    offset: int,
    deadline: float | None,
    sorted_lists: Mapping[str, str] | None,
    again: Callable[[], QueryResult] | None,
) -> Rendered:
    if isinstance(result, ox.QueryBoolean):
        f = choose_format(formats.RESULTS, accept, fmt)
        return Rendered(result.serialize(format=f.ox_results) or b"", f.content_type)
    if isinstance(result, ox.QuerySolutions):
        f = choose_format(formats.RESULTS, accept, fmt)
        variables = [v.value for v in result.variables]
        if not variables or sorted_lists:  # no line per row in TSV, or rows rewritten: the Python writers
            solutions, truncated = _take(result, max_rows, deadline, offset)
            rows = [sort_lists(sol, variables, sorted_lists or {}) for sol in solutions]
            return Rendered(WRITERS[f.name](variables, rows, truncated), f.content_type, truncated, len(rows))
        if again is not None and not offset and f.name in _ROW_MARKS:
            rendered = _render_at_once(result, f, max_rows, deadline)
            if rendered is not None:
                return rendered
            result = again()  # more rows than the cap, perhaps: the capped TSV pass says exactly
            assert isinstance(result, ox.QuerySolutions)
        return _render_solutions(result, f, max_rows, offset, deadline)
    f = choose_format(formats.GRAPH, accept, fmt)
    triples, truncated = _take(result, max_triples, deadline, offset, distinct=True)
    data: Iterable[ox.Triple] | Iterable[ox.Quad] = triples
    if f.ox_rdf.supports_datasets:
        data = (ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    prefixes = PREFIXES if f.name in ("ttl", "trig") else None
    body = ox.serialize(data, format=f.ox_rdf, prefixes=prefixes) or b""
    return Rendered(body, f.content_type, truncated, len(triples))


class _Full(Exception):
    """Raised by _CappedTSV to stop Oxigraph's serialiser once the cap is passed."""


class _CappedTSV(io.RawIOBase):
    """Collects Oxigraph's TSV output (one line per solution: TSV escapes newlines), drops the
    first ``offset`` rows and stops the evaluation once more than ``max_rows`` rows are kept."""

    def __init__(self, max_rows: int, offset: int, deadline: float | None):
        super().__init__()
        self.buf = bytearray()
        self.lines = 0  # kept lines, the header's included
        self.limit = max_rows + 1  # + the header line
        self.skip = offset  # rows still to drop
        self.deadline = deadline

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        chunk = bytes(data)
        size = len(chunk)
        if self.skip:
            chunk = self._drop(chunk)
        self.buf += chunk
        self.lines += chunk.count(b"\n")
        if self.lines > self.limit:
            raise _Full()
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise QueryTimeout("The query ran past its time limit and was stopped.")
        return size

    def _drop(self, chunk: bytes) -> bytes:
        """``chunk`` without the parts of the rows still to skip (the header is kept)."""
        start = 0
        if self.lines == 0:  # the header is not complete yet
            start = chunk.find(b"\n") + 1
            if start == 0:
                return chunk
        kept = chunk[:start]
        while self.skip:
            end = chunk.find(b"\n", start)
            if end < 0:
                return kept  # the rest of this row comes with the next chunk, dropped then
            self.skip -= 1
            start = end + 1
        return kept + chunk[start:]


#: per results format: bytes that occur at least once per row but one (JSON: between two rows;
#: a literal may hold them too), once per row (XML: ``<`` is escaped in text), once per row and
#: the header at least (CSV: a quoted value may hold line ends), so their count bounds the rows
_ROW_MARKS = {"json": (b"},{", 1), "xml": (b"<result>", 0), "csv": (b"\n", -1)}


class _RowBound(io.RawIOBase):
    """Collects Oxigraph's output in one results format, counting a bound of the rows in it
    (``_ROW_MARKS``) as it comes, across chunk boundaries; stops the evaluation (``_Full``)
    once the bound passes ``max_rows``, and at the deadline."""

    def __init__(self, fmt: str, max_rows: int, deadline: float | None):
        super().__init__()
        self.buf = bytearray()
        self.mark, self.extra = _ROW_MARKS[fmt]
        self.marks = 0
        self.limit = max_rows - self.extra  # marks allowed
        self.deadline = deadline

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        size = len(self.buf)
        self.buf += data
        self.marks += self.buf.count(self.mark, max(0, size - len(self.mark) + 1))  # one may span two chunks
        if self.marks > self.limit:
            raise _Full()
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise QueryTimeout("The query ran past its time limit and was stopped.")
        return len(self.buf) - size


def _render_at_once(
    result: ox.QuerySolutions, f: formats.Format, max_rows: int, deadline: float | None
) -> Rendered | None:
    """SELECT results in one native pass, if they have at most ``max_rows`` rows; None (the
    evaluation stopped) if they may have more."""
    out = _RowBound(f.name, max_rows, deadline)
    try:
        result.serialize(cast(IO[bytes], out), f.ox_results)
    except _Full:
        return None
    except OSError as exc:  # pyoxigraph may wrap the exception raised by write()
        if isinstance(exc.__cause__ or exc.__context__, _Full):
            return None
        raise
    body = bytes(out.buf)
    if f.name == "xml":
        return Rendered(body, f.content_type, False, out.marks)
    return Rendered(body, f.content_type, False, recount=f.name)


def _count_rows(body: bytes, fmt: str) -> int:
    """The rows of a SELECT result serialised in ``fmt``."""
    if fmt == "csv":  # not read by Oxigraph; one record per row after the header
        return sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8"), newline=""))) - 1
    return sum(1 for _ in cast(ox.QuerySolutions, ox.parse_query_results(body, formats.by_name(fmt).ox_results)))


def _render_solutions(
    result: ox.QuerySolutions, f: formats.Format, max_rows: int, offset: int, deadline: float | None
) -> Rendered:
    """SELECT results natively: Oxigraph writes TSV into a capped buffer (stopping the
    evaluation at the cap), the kept rows are parsed back and written in the wanted format
    by Oxigraph. TSV is lossless (terms in Turtle syntax), so this is exact."""
    out = _CappedTSV(max_rows, offset, deadline)
    truncated = False
    try:
        # a writable raw stream: all pyoxigraph does with its output is call write()
        result.serialize(cast(IO[bytes], out), ox.QueryResultsFormat.TSV)
    except _Full:
        truncated = True
    except OSError as exc:  # pyoxigraph may wrap the exception raised by write()
        if isinstance(exc.__cause__ or exc.__context__, _Full):
            truncated = True
        else:
            raise
    data = bytes(out.buf)
    if truncated:
        data = b"\n".join(data.split(b"\n", max_rows + 1)[: max_rows + 1]) + b"\n"
    rows = data.count(b"\n") - 1
    if f.name != "tsv":
        data = ox.parse_query_results(data, ox.QueryResultsFormat.TSV).serialize(format=f.ox_results) or b""
        if truncated and f.name == "json" and data.startswith(b"{"):
            data = b'{"truncated":true,' + data[1:]
    return Rendered(data, f.content_type, truncated, rows)


#: a row of SELECT results: a solution, or one rewritten (``sort_lists``)
Row = ox.QuerySolution | Mapping[str, Term | None]


def sort_lists(solution: ox.QuerySolution, variables: list[str], lists: Mapping[str, str]) -> Row:
    """``solution``, with the parts of each ``lists`` column (column -> separator: a GROUP_CONCAT's)
    in sorted order (code points), the literal's language tag or datatype kept. SPARQL leaves the
    order of GROUP_CONCAT's parts open and stores differ: sorted, an answer is the same on any store."""
    if not lists:
        return solution
    row: dict[str, Term | None] = {v: solution[v] for v in variables}
    for v, sep in lists.items():
        t = row.get(v)
        if isinstance(t, ox.Literal) and sep and sep in t.value:
            value = sep.join(sorted(t.value.split(sep)))
            row[v] = ox.Literal(value, language=t.language) if t.language else ox.Literal(value, datatype=t.datatype)
    return row


def _take(
    items: Iterable[Item], cap: int, deadline: float | None, offset: int = 0, *, distinct: bool = False
) -> tuple[list[Item], bool]:
    """At most ``cap`` items after the first ``offset`` (each once with ``distinct``), and
    whether more follow."""
    out: list[Item] = []
    seen: set[Item] = set()
    skip = offset
    for n, item in enumerate(items):
        if deadline is not None and n % _CHECK_EVERY == 0 and time.monotonic() > deadline:
            raise QueryTimeout("The query ran past its time limit and was stopped.")
        if distinct:
            if item in seen:
                continue
            seen.add(item)
        if skip:
            skip -= 1
            continue
        if len(out) >= cap:
            return out, True
        out.append(item)
    if deadline is not None and time.monotonic() > deadline:
        raise QueryTimeout("The query ran past its time limit and was stopped.")
    return out, False


# -- JSON (https://www.w3.org/TR/sparql11-results-json/) ------------------------------------
def json_term(t: Term) -> JSONObject:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d: JSONObject = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
            if t.direction is not None:
                d["its:dir"] = _direction(t)
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": json_term(t.subject),
                "predicate": json_term(t.predicate),
                "object": json_term(t.object),
            },
        }
    raise TypeError(f"unsupported term {t!r}")


def _direction(t: ox.Literal) -> str:
    return str(t.direction).rsplit(".", 1)[-1].lower()


def solutions_json(variables: list[str], rows: list[Row]) -> JSONObject:
    """SELECT results in the SPARQL 1.1 JSON results shape, as a dict."""
    bindings = []
    for row in rows:
        b = {}
        for v in variables:
            t = row[v]
            if t is not None:
                b[v] = json_term(t)
        bindings.append(b)
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def write_json(variables: list[str], rows: list[Row], truncated: bool) -> bytes:
    doc = solutions_json(variables, rows)
    if truncated:
        doc["truncated"] = True
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# -- XML (https://www.w3.org/TR/rdf-sparql-XMLres/) -----------------------------------------
def _xml_term(t: Term) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            attrs = f" xml:lang={quoteattr(t.language)}"
            if t.direction is not None:
                attrs += f' its:dir="{_direction(t)}" xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0"'
        elif t.datatype.value != XSD_STRING:
            attrs = f" datatype={quoteattr(t.datatype.value)}"
        else:
            attrs = ""
        return f"<literal{attrs}>{escape(t.value)}</literal>"
    if isinstance(t, ox.Triple):
        return (
            f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}"
            f"</predicate><object>{_xml_term(t.object)}</object></triple>"
        )
    raise TypeError(f"unsupported term {t!r}")


def write_xml(variables: list[str], rows: list[Row], truncated: bool) -> bytes:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "<head>",
        *(f"<variable name={quoteattr(v)}/>" for v in variables),
        "</head><results>",
    ]
    for row in rows:
        out.append("<result>")
        for v in variables:
            t = row[v]
            if t is not None:
                out.append(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>")
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode("utf-8")


# -- CSV and TSV (https://www.w3.org/TR/sparql11-results-csv-tsv/) --------------------------
def _csv_term(t: Term | None) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return t.value
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, ox.Literal):
        return t.value
    return _tsv_term(t)  # triple terms: their N-Triples-like form


def write_csv(variables: list[str], rows: list[Row], truncated: bool) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(variables)
    for row in rows:
        w.writerow([_csv_term(row[v]) for v in variables])
    return buf.getvalue().encode("utf-8")


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(t: Term | None) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return f"<{t.value}>"
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, ox.Literal):
        lex = '"' + t.value.translate(_TSV_ESCAPES) + '"'
        if t.language:
            return lex + "@" + t.language + (f"--{_direction(t)}" if t.direction is not None else "")
        if t.datatype.value != XSD_STRING:
            return f"{lex}^^<{t.datatype.value}>"
        return lex
    if isinstance(t, ox.Triple):
        return f"<<( {_tsv_term(t.subject)} {_tsv_term(t.predicate)} {_tsv_term(t.object)} )>>"
    raise TypeError(f"unsupported term {t!r}")


def write_tsv(variables: list[str], rows: list[Row], truncated: bool) -> bytes:
    lines = ["\t".join("?" + v for v in variables)]
    for row in rows:
        lines.append("\t".join(_tsv_term(row[v]) for v in variables))
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"json": write_json, "xml": write_xml, "csv": write_csv, "tsv": write_tsv}
