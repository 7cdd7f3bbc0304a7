"""The draft graph's money amounts, events and article parts (``draft.Builder`` does the rest):
every node with ru and en labels, a note for the curator and a quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from server.core.namespaces import PKG as PKG_IRI
from server.ingest import regions
from server.ingest.translit import slugify, translit

if TYPE_CHECKING:
    from server.ingest.draft import Builder

PKG_NS = PKG_IRI
PART_KINDS = {"headline": "partHeadline", "lead": "partLead", "dateline": "partDateline", "timestamp": "partTimestamp",
              "caption": "partCaption", "credit": "partCredit", "source": "partSourceLine", "byline": "partByline",
              "site": "partSiteLine"}
PART_EN = {"headline": "Headline", "lead": "Lead", "dateline": "Dateline", "timestamp": "Time stamp",
           "caption": "Photo caption", "credit": "Photo credit", "source": "Source line", "byline": "Byline",
           "site": "Site line"}
PART_RU = {"headline": "Заголовок", "lead": "Лид", "dateline": "Дата-строка", "timestamp": "Отметка времени",
           "caption": "Подпись к фото", "credit": "Фотокредит", "source": "Строка источника", "byline": "Автор",
           "site": "Служебная строка сайта"}


def _pkg(name: str) -> URIRef:
    return URIRef(PKG_NS + name)


def fmt(v) -> str:
    return f"{int(v):,}".replace(",", " ") if v == int(v) else str(v)


def build_amounts(b: Builder) -> None:
    g, text = b.g, b.ex.text
    for n, a in enumerate(b.ex.amounts, 1):
        s = b.mint("amount", f"{b.info.stem}-{n}")
        b.track("amount", s, True)
        g.add((s, RDF.type, _pkg("MonetaryAmount")))
        value = f"{fmt(a.value)}–{fmt(a.value_max)}" if a.value_max else fmt(a.value)
        b.labels(s, f"{a.text}" + (f" ({a.measures})" if a.measures else ""), f"{value} {a.currency}")
        g.add((s, _pkg("amountValue"), Literal(str(a.value), datatype=XSD.decimal)))
        if a.value_max is not None:
            g.add((s, _pkg("amountMaxValue"), Literal(str(a.value_max), datatype=XSD.decimal)))
        g.add((s, _pkg("currency"), Literal(a.currency)))
        if a.qualifier:
            g.add((s, _pkg("qualifier"), _pkg(a.qualifier)))
        if a.measures:
            g.add((s, _pkg("measures"), Literal(a.measures, lang="ru")))
        if a.measure_kind:
            g.add((s, _pkg("measureKind"), _pkg(a.measure_kind)))
        owner = _owner(b, a.owner) if a.owner else None
        if owner is not None:
            g.add((s, _pkg("amountOf"), owner))
        st = b.statement(*_clause(text, a.start, a.end), f"Сумма: {a.text}", f"Amount: {value} {a.currency}")
        b.evidence(s, st)
        b.notes(s, [*a.notes, ("Черновик: сумма найдена правилом — проверить, что она измеряет и к чему относится.",
                               "Draft: amount found by a rule — check what it measures and what it belongs to.")])


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The quote of an amount: the amount itself (its clause is in the statement's context)."""
    return start, end


def _owner(b: Builder, span: tuple[int, int]) -> URIRef | None:
    """What an amount belongs to: an organisation named inside ``span``, or a region."""
    for c in b.ex.orgs:
        if any(span[0] <= m.start and m.end <= span[1] for m in c.mentions):
            return b.entity_iri[c.key]
    for r in regions.find(b.ex.text):
        if span[0] <= r.start and r.end <= span[1] and not r.is_city:
            return b.region(r)
    return None


def build_events(b: Builder) -> None:
    g = b.g
    for ev in b.ex.events:
        s = b.mint("event", f"{b.info.stem}-{slugify(ev.label_ru, 6)}")
        b.track("event", s, True)
        g.add((s, RDF.type, _pkg(ev.cls)))
        b.labels(s, ev.label_ru, f"{'Meeting' if ev.cls == 'Meeting' else 'Event'}: {translit(ev.label_ru)}")
        if ev.date:
            g.add((s, DCTERMS.date, Literal(ev.date.isoformat(), datatype=XSD.date)))
        if ev.place:
            g.add((s, _pkg("locationName"), Literal(ev.place, lang="ru")))
        if ev.of is not None:
            g.add((s, _pkg("meetingOf"), b.entity_iri[ev.of.key]))
        if ev.venue is not None:
            g.add((s, _pkg("venue"), b.entity_iri[ev.venue.key]))
        for p in ev.speakers:
            g.add((s, _pkg("participant"), b.entity_iri[p.key]))
        for start, end in ev.mentions:
            b.evidence(s, b.statement(start, end, f"Мероприятие: {b.ex.text[start:end]}", "Event mention", context=True))
        b.notes(s, [("Черновик: мероприятие найдено правилом — проверить дату, место и участников.",
                     "Draft: event found by a rule — check its date, place and participants.")])


def build_structure(b: Builder) -> None:
    """The article's layout as dcterms:hasPart of its source: headline, lead, dateline (place and
    agency as such, never organisations), time stamps, captions, credits, source lines, byline."""
    g = b.g
    for n, part in enumerate(b.ex.layout.parts, 1):
        s = b.mint("part", f"{b.info.stem}-{part.kind}-{n}")
        b.track("part", s, True)
        g.add((s, RDF.type, _pkg("ArticlePart")))
        b.labels(s, f"{PART_RU[part.kind]}: {part.text[:80]}", f"{PART_EN[part.kind]} of {b.info.stem}")
        g.add((s, _pkg("partKind"), _pkg(PART_KINDS[part.kind])))
        g.add((s, RDF.value, Literal(part.text)))
        if part.place:
            g.add((s, _pkg("datelinePlace"), Literal(part.place, lang="ru")))
        if part.agency:
            g.add((s, _pkg("datelineAgency"), Literal(part.agency)))
        g.add((b.source, DCTERMS.hasPart, s))
        b.evidence(s, b.statement(part.start, part.end, f"{PART_RU[part.kind]}", PART_EN[part.kind], b.authors, False))

