"""Build the draft graph of one article: the source node, candidate entities (new ones minted
under the base IRI with readable slugs, existing ones linked), facts, and a pkg:Statement with
Web Annotation selectors (checked against the text) for every extracted fact.

The graph is written by ``builder.Builder`` (entities, posts, instruments, proposals) and
``facts`` (legal acts, money amounts, events, the article's parts), in this order."""

from __future__ import annotations

from server.ingest import facts
from server.ingest.builder import ELI, OA, ORG, PKG, PROV, Builder, Draft, SourceInfo, check_selectors
from server.ingest.extract import Extraction
from server.ingest.linking import Linker

__all__ = ["ELI", "OA", "ORG", "PKG", "PROV", "Draft", "SourceInfo", "build", "check_selectors"]


def build(ex: Extraction, info: SourceInfo, linker: Linker, base: str) -> Draft:
    b = Builder(ex, info, linker, base)
    b.build_source()
    for c in [*ex.persons, *ex.orgs]:
        b.build_entity(c)
    for c in [*ex.persons, *ex.orgs]:
        b.entity_mentions(c)
    b.build_posts()
    facts.build_acts(b)
    b.build_instruments()
    b.build_proposals()
    facts.build_amounts(b)
    facts.build_events(b)
    facts.build_structure(b)
    return b.draft
