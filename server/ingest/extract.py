"""Run every extractor over one text: the result the draft graph is built from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from server.ingest import actmodel, acts, changemodel, entities, events, money, nlp, orgs, posts, rules, structure
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
    layout: structure.Layout = field(default_factory=structure.Layout)
    events: list[events.Event] = field(default_factory=list)


def extract(
    text: str,
    linker: Linker,
    outlet: str | None = None,
    published: Date | None = None,
    url: str | None = None,
    act_reader: bool = True,
) -> Extraction:
    """Every fact of the text; ``act_reader=False`` leaves the legal acts to the rules alone (their tests). The rules
    read curly quotes as guillemets (one character for one); the extraction keeps the text as written, so every
    quote's selector is the source's own words."""
    source, text = text, nlp.read_quotes(text)
    cards = structure.senator_cards(text)  # read apart: a sentence runs on over them
    text = structure.blank_cards(text, cards)
    lay = structure.layout(text)
    text = structure.unwrap(text)  # a sentence broken over lines read whole, once the page's lines are laid out
    spans = entities.split_glued_names(text, nlp.ner(text))
    outside = lay.is_excluded
    found_orgs = orgs.extract_orgs(
        text, spans, orgs.gazetteer(linker.existing_orgs()), lay, outlet, rules.instrument_spans(text), url
    )
    persons = entities.extract_persons(text, spans, lay)
    heads = {(m.start, m.end) for c in found_orgs for m in c.mentions}
    persons = [  # 'Каменский завод …': a 'surname' that is only the first word of an organisation's name
        p for p in persons if not all(any(s == m.start and m.end < e for s, e in heads) for m in p.mentions)
    ]
    found_orgs = _without_names_in_capitals(found_orgs, persons)
    found_posts = posts.extract_posts(text, persons, found_orgs, cards, source)
    changes = money.changes(text)
    changes = money.merge_repeated(
        changemodel.join(text, changes), lambda pos: lay.kind_at(pos) in ("headline", "lead")
    )
    insts = rules.instruments(text)
    props = rules.proposals(text, persons, found_orgs, found_posts, changes, insts)
    org_spans = [(m.start, m.end) for c in found_orgs for m in c.mentions]
    person_spans = [(m.start, m.end) for c in persons for m in c.mentions]
    found_acts = acts.legal_acts(text, org_spans, outside, published.year if published else None, person_spans)
    if act_reader:
        found_acts = actmodel.join(text, found_acts, outside)
    found_events = events.extract_events(text, persons, found_orgs, published, outside)
    return Extraction(
        source,
        persons,
        found_orgs,
        found_posts,
        found_acts,
        changes,
        money.amounts(text, outside),
        insts,
        props,
        spans,
        lay,
        found_events,
    )


def _without_names_in_capitals(
    orgs: list[entities.Candidate], persons: list[entities.Candidate]
) -> list[entities.Candidate]:
    """The organisations but a surname in capitals taken for an abbreviation ('ВИТАЛИЮ ПЕТЛЕВОМУ', 'министра ДРОФА'):
    every mention of the «organisation» a person's name or inside one."""
    spans = [(m.start, m.end) for p in persons for m in p.mentions]
    surnames = {p.label_ru.split()[-1].upper() for p in persons}
    stems = {s[:-1] for s in surnames if len(s) > 4}

    def a_name(m: entities.Mention) -> bool:
        return m.text.isupper() and (
            m.text in surnames
            or (len(m.text) > 4 and m.text[:-1] in stems)  # 'ДРОФА' of «Николай ДРОФУ»
            or any(s <= m.start and m.end <= e for s, e in spans)
        )

    return [o for o in orgs if not all(a_name(m) for m in o.mentions)]
