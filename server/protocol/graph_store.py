"""Graph Store Protocol logic without Flask: parse an uploaded payload, mint graph IRIs.

Payloads are parsed natively by pyoxigraph (``ox.parse``) before anything touches the store,
so bad syntax is a 400 with the parser's message and the store stays unchanged. The parsed
quads are handed to ``Store.load`` as N-Triples / N-Quads (one transaction).
"""

from __future__ import annotations

import codecs
import re
import uuid
from dataclasses import dataclass

import pyoxigraph as ox

from server.core.errors import BadRequest, RDFSyntaxError, UnsupportedMediaType
from server.core.namespaces import graph_iri
from server.protocol.formats import BY_NAME, Format, by_media_type

#: Formats accepted for one graph (``?graph=``, ``?default``, a new graph POSTed to /store).
GRAPH_UPLOADS: tuple[Format, ...] = tuple(BY_NAME[n] for n in ("ttl", "nt", "rdf", "jsonld"))
#: Formats accepted for the dataset (POST /store): quads keep their own graphs.
DATASET_UPLOADS: tuple[Format, ...] = tuple(BY_NAME[n] for n in ("trig", "nq"))
#: What GET /store (the whole dataset) can produce, the first being the default.
DATASET_DOWNLOADS: list[Format] = [BY_NAME[n] for n in ("trig", "nq", "jsonld")]

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class Payload:
    """A parsed upload, ready for ``Store.load``: N-Triples (one graph) or N-Quads (dataset)."""

    data: bytes
    rdf_format: ox.RdfFormat
    count: int


def upload_format(content_type: str | None, *, dataset_allowed: bool) -> Format:
    """The format of an upload from its Content-Type; 415 naming what is accepted otherwise."""
    accepted = GRAPH_UPLOADS + (DATASET_UPLOADS if dataset_allowed else ())
    names = ", ".join(f.media_type for f in accepted)
    if not content_type:
        raise UnsupportedMediaType(f"A Content-Type header is required; accepted: {names}.")
    fmt = by_media_type(content_type)
    if fmt in DATASET_UPLOADS and not dataset_allowed:
        raise UnsupportedMediaType(
            f"{fmt.media_type} carries several graphs: POST it to /store without ?graph or ?default. "
            f"For one graph use one of: {', '.join(f.media_type for f in GRAPH_UPLOADS)}."
        )
    if fmt not in accepted:
        raise UnsupportedMediaType(f"Unsupported Content-Type {content_type.split(';')[0]!r}; accepted: {names}.")
    return fmt


def parse_upload(
    body: bytes, content_type: str, fmt: Format, *, base_iri: str | None, dataset: bool = False
) -> Payload:
    """Parse ``body`` (validating it fully); blank nodes get fresh ids so a POST merges apart."""
    text = _decode(body, content_type)
    if fmt.name == "rdf":
        refuse_xml_entities(body if text is None else text.encode("utf-8"))
    try:
        quads = list(
            ox.parse(
                body if text is None else text,
                fmt.ox_rdf,
                base_iri=base_iri,
                without_named_graphs=not dataset,
                rename_blank_nodes=True,
            )
        )
    except SyntaxError as exc:
        raise RDFSyntaxError(f"Invalid {fmt.ox_rdf.name} payload: {exc}") from None
    except ValueError as exc:  # e.g. an invalid base IRI
        raise BadRequest(f"Cannot parse the payload: {exc}") from None
    if dataset:
        return Payload(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"", ox.RdfFormat.N_QUADS, len(quads))
    triples = [q.triple for q in quads]
    return Payload(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", ox.RdfFormat.N_TRIPLES, len(triples))


def refuse_xml_entities(body: bytes) -> None:
    """RDF/XML with a DOCTYPE declaring entities is refused outright: no entity expansion,
    external or internal (no file or network reads, no 'billion laughs')."""
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        body = body.decode("utf-16", errors="replace").encode("utf-8")
    if _ENTITY_DECL.search(body):
        raise BadRequest("RDF/XML with <!ENTITY> declarations is refused (entities are never expanded).")


def _decode(body: bytes, content_type: str) -> str | None:
    """Text in a declared non-UTF-8 charset is decoded first; None means 'pass the bytes'."""
    charset = None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    if charset in (None, "utf-8", "utf8", "us-ascii", "ascii"):
        return None
    try:
        codecs.lookup(charset)
        return body.decode(charset)
    except LookupError:
        raise UnsupportedMediaType(f"Unknown charset {charset!r}; send UTF-8.") from None
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The body is not valid {charset}: {exc}") from None


def check_graph_iri(iri: str) -> str:
    """A ``?graph=`` value must be an absolute IRI."""
    try:
        node = ox.NamedNode(iri)
    except ValueError as exc:
        raise BadRequest(f"?graph= must be an absolute IRI: {exc}") from None
    if ":" not in node.value:
        raise BadRequest("?graph= must be an absolute IRI.")
    return node.value


def new_graph_iri(base_iri: str) -> str:
    """The IRI of a graph created by POST /store: ``{base}graph/upload/<random hex>``."""
    return graph_iri(base_iri, f"upload/{uuid.uuid4().hex}")
