"""Run every extractor over one text: the result the draft graph is built from."""

from __future__ import annotations

from dataclasses import dataclass, field

from server.ingest import acts, entities, money, nlp, orgs, posts, rules, structure
from server.ingest.linking import Linker


@dataclass
class Extraction:
    text: str
    persons: list[entities.Candidate]
    orgs: list[entities.Candidate]
    posts: list[posts.Post]
    acts: list[acts.ActRef]
    changes: list[money.Change]
    amounts: list[money.Amount]
    instruments: list[rules.Instrument]
    proposals: list[rules.Proposal]
    spans: list[nlp.Span] = field(default_factory=list)


def extract(text: str, linker: Linker, outlet: str | None = None) -> Extraction:
    spans = nlp.ner(text)
    lay = structure.layout(text)
    insts = rules.instruments(text)
    found_orgs = orgs.extract_orgs(text, spans, orgs.gazetteer(linker.existing_orgs()), lay, outlet,
                                   rules.instrument_spans(text))
    persons = entities.extract_persons(text, spans, lay)
    found_posts = posts.extract_posts(text, persons, found_orgs)
    changes = money.changes(text)
    props = rules.proposals(text, persons, found_orgs, found_posts, changes, insts)
    return Extraction(text, persons, found_orgs, found_posts, acts.legal_acts(text), changes, money.amounts(text), insts,
                      props, spans)
