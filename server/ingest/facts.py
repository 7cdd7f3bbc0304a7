"""The draft graph's legal acts, money amounts, events and article parts (``builder.Builder`` does the rest):
every node with ru and en labels, a note for the curator and a quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from server.core.namespaces import PKG as PKG_IRI
from server.core.translit import slugify, translit
from server.ingest import regions

if TYPE_CHECKING:
    from server.ingest.builder import Builder

PKG_NS = PKG_IRI
PKG = Namespace(PKG_IRI)
ELI = Namespace("http://data.europa.eu/eli/ontology#")
PART_KINDS = {
    "headline": "partHeadline",
    "lead": "partLead",
    "dateline": "partDateline",
    "timestamp": "partTimestamp",
    "caption": "partCaption",
    "credit": "partCredit",
    "source": "partSourceLine",
    "byline": "partByline",
    "site": "partSiteLine",
}
PART_EN = {
    "headline": "Headline",
    "lead": "Lead",
    "dateline": "Dateline",
    "timestamp": "Time stamp",
    "caption": "Photo caption",
    "credit": "Photo credit",
    "source": "Source line",
    "byline": "Byline",
    "site": "Site line",
}
PART_RU = {
    "headline": "Заголовок",
    "lead": "Лид",
    "dateline": "Дата-строка",
    "timestamp": "Отметка времени",
    "caption": "Подпись к фото",
    "credit": "Фотокредит",
    "source": "Строка источника",
    "byline": "Автор",
    "site": "Служебная строка сайта",
}


def _pkg(name: str) -> URIRef:
    return URIRef(PKG_NS + name)


def fmt(v) -> str:
    return f"{int(v):,}".replace(",", " ") if v == int(v) else str(v)


def build_acts(b: Builder) -> None:
    """One node per act (kind + number + year, or kind + title, or the article's unnumbered or
    draft act of a kind), with every mention as evidence."""
    g = b.g
    text = b.ex.text
    act_iri: dict[str, URIRef] = {}  # act key -> its node
    for a in b.ex.acts:
        quote = text[a.phrase_start : a.phrase_end]
        st = b.statement(
            a.phrase_start,
            a.phrase_end,
            f"Ссылка на акт: {quote}",
            f"Reference to a legal act{f' No. {a.number}' if a.number else ''}",
        )
        s = act_iri.get(a.key)
        if s is None:
            s = _act(b, a)
            act_iri[a.key] = s
        b.evidence(s, st)
        if (s, ELI.passed_by, None) not in g and (s, RDF.type, PKG.LegalAct) in g:
            issuer = _org_in(b, a.issuer) if a.issuer else _signer_org(b, a)
            if issuer is not None:
                g.add((s, ELI.passed_by, issuer))


def _act(b: Builder, a) -> URIRef:
    g = b.g
    kind = PKG[a.kind_concept]
    year = a.date.year if a.date else None
    linked = (
        b.linker.act(a.number, str(kind), year)
        if a.number
        else b.linker.act_by_title(a.title)
        if a.title and not a.draft
        else None
    )
    if linked:
        b.track("act", URIRef(linked), False)
        return URIRef(linked)
    if a.number:
        slug = f"{a.kind_slug}-{year}-{slugify(a.number)}" if year else f"{a.kind_slug}-{slugify(a.number)}"
        ru, en = f"{a.kind_ru} № {a.number}", f"{a.kind_en} No. {a.number}"
    elif a.draft:
        slug = f"draft-{a.kind_slug}-{b.info.stem}"
        ru, en = f"Проект: {a.kind_ru.lower()}" + (f" «{a.title}»" if a.title else ""), f"Draft {a.kind_en.lower()}"
    else:
        slug = f"{a.kind_slug}-{b.info.stem}" + (f"-{slugify(a.title, 5)}" if a.title else "")
        ru, en = a.kind_ru + (f" «{a.title}»" if a.title else " (номер не указан)"), f"{a.kind_en} (no number given)"
    if a.date:
        ru += f" от {a.date.strftime('%d.%m.%Y')}"
        en += f" of {a.date.isoformat()}"
    s = b.mint("instrument", slug)
    b.track("act", s, True)
    g.add((s, RDF.type, PKG.LegalAct))
    b.labels(s, ru, en)
    if a.number:
        g.add((s, SKOS.altLabel, Literal(f"{a.kind_ru.lower()} №{a.number}", lang="ru")))
        g.add((s, ELI.id_local, Literal(a.number)))
    g.add((s, ELI.type_document, kind))
    if a.date:
        g.add((s, ELI.date_document, Literal(a.date.isoformat(), datatype=XSD.date)))
    if a.title:
        g.add((s, ELI.title, Literal(a.title, lang="ru")))
    g.add((s, PKG.instrumentType, PKG.typeRegulatory))
    notes = [*a.notes]
    if a.confidence is None:  # the learned reader's act says so in its own note (actmodel)
        notes.append(
            (
                "Черновик: акт найден правилом — проверить вид, номер, дату и кем принят.",
                "Draft: act found by a rule — check its kind, number, date and issuer.",
            )
        )
    b.notes(s, notes)
    return s


def _signer_org(b: Builder, a) -> URIRef | None:
    """'Распоряжение … подписал Председатель Правительства Михаил Мишустин': the organisation of
    the signer's post, when the act's sentence says it was signed."""
    text = b.ex.text
    s = max(text.rfind(".", 0, a.phrase_start), text.rfind("\n", 0, a.phrase_start)) + 1
    e = min(x for x in (text.find(".", a.phrase_end), text.find("\n", a.phrase_end), len(text)) if x >= 0)
    if "подпис" not in text[s:e].lower():
        return None
    orgs = {p.org.key for p in b.ex.posts if p.org is not None and any(s <= q0 < e for q0, _ in p.quotes)}
    return b.entity_iri[orgs.pop()] if len(orgs) == 1 else None


def _org_in(b: Builder, span: tuple[int, int]) -> URIRef | None:
    for c in b.ex.orgs:
        if any(span[0] <= m.start and m.end <= span[1] for m in c.mentions):
            return b.entity_iri[c.key]
    return None


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
        b.notes(
            s,
            [
                *a.notes,
                (
                    "Черновик: сумма найдена правилом — проверить, что она измеряет и к чему относится.",
                    "Draft: amount found by a rule — check what it measures and what it belongs to.",
                ),
            ],
        )


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
            b.evidence(
                s, b.statement(start, end, f"Мероприятие: {b.ex.text[start:end]}", "Event mention", context=True)
            )
        b.notes(
            s,
            [
                (
                    "Черновик: мероприятие найдено правилом — проверить дату, место и участников.",
                    "Draft: event found by a rule — check its date, place and participants.",
                )
            ],
        )


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
