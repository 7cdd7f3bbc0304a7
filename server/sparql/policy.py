"""The endpoint's safety policy on query and update text, checked before evaluation.

SERVICE and LOAD are refused (403) because the engine would open an HTTP connection for them.
Detection uses the one SPARQL tokenizer (``server.sparql.lexer``), which skips strings, IRIs,
comments, prefixed names and variables, so a literal such as "service" is not the keyword.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from server.core.errors import Forbidden, QuerySyntaxError
from server.sparql.lexer import Token, tokens


def allowed_hosts(setting: str) -> set[str]:
    return {h.strip().lower() for h in setting.split(",") if h.strip()}


def check_query_policy(text: str, allow_service_hosts: str = "") -> None:
    """Refuse (403 Forbidden) queries that would make the server open a connection:
    SERVICE, unless every SERVICE target is an absolute http(s) IRI on an allowed host."""
    if "service" not in text.lower():  # a keyword is always spelled out (no escapes outside strings)
        return
    _check_service(list(tokens(text)), text, allowed_hosts(allow_service_hosts), update=False)


def check_update_policy(text: str, allow_service_hosts: str = "") -> None:
    """Refuse LOAD (it fetches a URL) and SERVICE in updates, before evaluation."""
    lowered = text.lower()
    if "load" not in lowered and "service" not in lowered:
        return
    toks = list(tokens(text))
    if any(t.is_word("LOAD") for t in toks):
        _syntax_check(text, update=True)
        raise Forbidden(
            "LOAD is disabled on this endpoint: an update may not fetch data from the network "
            "or files. Load data with 'policykg load' or the Graph Store Protocol (/store).",
            detail={"feature": "LOAD"},
        )
    _check_service(toks, text, allowed_hosts(allow_service_hosts), update=True)


def _check_service(toks: list[Token], text: str, hosts: set[str], *, update: bool) -> None:
    for i, tok in enumerate(toks):
        if not tok.is_word("SERVICE"):
            continue
        target = toks[i + 1] if i + 1 < len(toks) else None
        if target is not None and target.is_word("SILENT"):
            target = toks[i + 2] if i + 2 < len(toks) else None
        host = None
        if target is not None and target.kind == "iri":
            parts = urlsplit(target.text[1:-1])
            if parts.scheme in ("http", "https"):
                host = (parts.hostname or "").lower()
        if host is None or host not in hosts:
            _syntax_check(text, update=update)
            where = f" to {host}" if host else ""
            raise Forbidden(
                f"SERVICE (federated query){where} is disabled on this endpoint: a query may not make the "
                "server open network connections."
                + (
                    " Allowed SERVICE hosts: " + ", ".join(sorted(hosts)) + " (write the IRI in full)." if hosts else ""
                ),
                detail={"feature": "SERVICE"},
            )


def _syntax_check(text: str, *, update: bool) -> None:
    """A refused operation is first checked for syntax (rdflib's parser, no evaluation),
    so that malformed text still gets 400 and well-formed text gets the policy's 403."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import parser

    try:
        (parser.parseUpdate if update else parser.parseQuery)(text)
    except ParseException as exc:
        raise QuerySyntaxError(f"Malformed {'update' if update else 'query'}: {exc}") from None
    except Exception:  # noqa: BLE001 - rdflib's parser failing otherwise: the policy still refuses
        return
