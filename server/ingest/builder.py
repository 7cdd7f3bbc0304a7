"""The builder of one article's draft graph (``server.ingest.draft.build`` runs it): the source node, candidate entities (new ones minted
under the base IRI with readable slugs, existing ones linked), facts, and a pkg:Statement with
Web Annotation selectors (checked against the text) for every extracted fact."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from server.core.namespaces import PKG as PKG_IRI
from server.core.translit import slugify, translit
from server.ingest.entities import Candidate
from server.ingest.extract import Extraction
from server.ingest.linking import Linker
from server.ingest.regions import SHORT_NAMES as REGION_NAMES
from server.ingest.regions import Region
from server.ingest.rules import KIND_EN

PKG = Namespace(PKG_IRI)
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
CONTEXT = 32
#: The ontology's organisation classes (local names): what review and evaluation count as organisations.
ORG_CLASS_NAMES = (
    "Organization",
    "LegislativeBody",
    "Committee",
    "Ministry",
    "Association",
    "PoliticalParty",
    "RegionalBranch",
    "RegionalGovernment",
    "ExpertCouncil",
)


class SelectorMismatch(AssertionError):
    """A selector's exact text is not the text at its offsets (a bug, never user error)."""


@dataclass
class SourceInfo:
    stem: str
    date: Date
    title: str | None = None
    url: str | None = None
    text_file: str | None = None  # relative to data/, when the article lives there
    outlet: str | None = None  # the publication ('ТАСС'), dcterms:publisher


@dataclass
class Draft:
    graph: Graph
    source: str
    new: dict[str, list[str]] = field(default_factory=dict)  # kind -> IRIs minted
    linked: dict[str, list[str]] = field(default_factory=dict)  # kind -> IRIs linked


class Builder:
    def __init__(self, ex: Extraction, info: SourceInfo, linker: Linker, base: str):
        self.ex, self.info, self.linker, self.base = ex, info, linker, base
        self.g = Graph()
        for prefix, ns in (
            ("pkg", PKG),
            ("org", ORG),
            ("oa", OA),
            ("eli", ELI),
            ("skos", SKOS),
            ("foaf", FOAF),
            ("dcterms", DCTERMS),
            ("prov", PROV),
        ):
            self.g.bind(prefix, ns)
        self.minted: set[str] = set()
        self.statements: dict[tuple[int, int, str], URIRef] = {}
        self.draft = Draft(self.g, "")
        self.entity_iri: dict[str, URIRef] = {}
        self.region_iri: dict[str, URIRef] = {}

    # -- IRIs ------------------------------------------------------------------------------
    def mint(self, kind: str, slug: str) -> URIRef:
        base = f"{self.base}{kind}/{slug}"
        iri, n = base, 1
        while iri in self.minted or self.linker.taken(iri):
            n += 1
            iri = f"{base}-{n}"
        self.minted.add(iri)
        return URIRef(iri)

    def track(self, kind: str, iri: URIRef, new: bool) -> None:
        (self.draft.new if new else self.draft.linked).setdefault(kind, []).append(str(iri))

    def labels(self, s: URIRef, ru: str, en: str) -> None:
        self.g.add((s, RDFS.label, Literal(ru, lang="ru")))
        self.g.add((s, RDFS.label, Literal(en, lang="en")))

    def notes(self, s: URIRef, notes: list[tuple[str, str]]) -> None:
        for ru, en in dict.fromkeys(notes):
            self.g.add((s, SKOS.editorialNote, Literal(ru, lang="ru")))
            self.g.add((s, SKOS.editorialNote, Literal(en, lang="en")))

    # -- statements ------------------------------------------------------------------------
    def statement(
        self,
        start: int,
        end: int,
        label_ru: str,
        label_en: str,
        speaker: URIRef | None = None,
        direct: bool | None = None,
        context: bool = False,
    ) -> URIRef:
        text = self.ex.text
        exact = text[start:end]
        if not exact or exact != self.ex.text[start:end] or start < 0 or end > len(text):
            raise SelectorMismatch(f"bad selector [{start}, {end})")
        if speaker is None:
            from server.ingest.rules import speaker as find_speaker

            person, is_direct = find_speaker(text, start, end, self.ex.persons, self.ex.posts)
            speaker = self.entity_iri[person.key] if person is not None else self.authors
            direct = is_direct if direct is None else direct
        key = (start, end, str(speaker))
        if key in self.statements:
            return self.statements[key]
        st = self.mint("statement", f"{self.info.stem}-{len(self.statements) + 1}")
        self.statements[key] = st
        g = self.g
        g.add((st, RDF.type, PKG.Statement))
        self.labels(st, label_ru, label_en)
        g.add((st, DCTERMS.source, self.source))
        g.add((st, PKG.speaker, speaker))
        g.add((st, PKG.isDirectQuote, Literal(bool(direct))))
        q, pos = BNode(), BNode()
        g.add((st, OA.hasSelector, q))
        g.add((q, RDF.type, OA.TextQuoteSelector))
        g.add((q, OA.exact, Literal(exact)))
        if context:
            g.add((q, OA.prefix, Literal(text[max(0, start - CONTEXT) : start])))
            g.add((q, OA.suffix, Literal(text[end : end + CONTEXT])))
        g.add((st, OA.hasSelector, pos))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(start)))  # xsd:integer, as Oxigraph stores it
        g.add((pos, OA.end, Literal(end)))
        return st

    def evidence(self, s: URIRef, st: URIRef) -> None:
        self.g.add((s, PKG.evidence, st))

    # -- the source and its authors --------------------------------------------------------
    def build_source(self) -> None:
        info, g, text = self.info, self.g, self.ex.text
        self.source = self.mint("source", info.stem)
        self.draft.source = str(self.source)
        self.track("source", self.source, True)
        s = self.source
        g.add((s, RDF.type, PKG.NewsArticle))
        headline = self.ex.layout.part("headline")
        title = info.title or (headline.text if headline else derive_title(text))
        self.labels(s, f"Статья от {info.date.isoformat()}: {title}", f"Article of {info.date.isoformat()}")
        g.add((s, DCTERMS.title, Literal(title, lang="ru")))
        g.add((s, DCTERMS.date, Literal(info.date.isoformat(), datatype=XSD.date)))
        if info.url:
            g.add((s, FOAF.page, URIRef(info.url)))
        if info.outlet:
            g.add((s, DCTERMS.publisher, Literal(info.outlet)))
        if info.text_file:
            g.add((s, PKG.textFile, Literal(info.text_file)))
        else:
            g.add((s, RDF.value, Literal(text)))
        if not info.title and not headline:
            self.notes(
                s,
                [
                    (
                        "Заголовок составлен из первого предложения статьи — проверить.",
                        "Title derived from the article's first sentence — check.",
                    )
                ],
            )
        # the journalist's voice: the speaker of unattributed text
        linked = self.linker.by_label(["Авторы новостной статьи"], "ActorGroup")
        if linked:
            self.authors = URIRef(linked)
            self.track("group", self.authors, False)
            return
        self.authors = self.mint("group", f"{info.stem}-authors")
        self.track("group", self.authors, True)
        g.add((self.authors, RDF.type, PKG.ActorGroup))
        self.labels(
            self.authors,
            f"Авторы статьи от {info.date.isoformat()}",
            f"Authors of the article of {info.date.isoformat()}",
        )
        first = first_sentence(text)
        self.evidence(
            self.authors, self.statement(first[0], first[1], "Текст от редакции", "Editorial text", self.authors, False)
        )

    # -- entities --------------------------------------------------------------------------
    def build_entity(self, c: Candidate) -> None:
        kind = "person" if c.kind == "person" else "org"
        iri = c.iri or self.linker.by_label(c.labels_ru(), "Person" if c.kind == "person" else "Organization")
        if iri:
            s = URIRef(iri)
            self.entity_iri[c.key] = s
            self.track(kind, s, False)
            return
        s = self.mint(kind, c.slug)
        self.entity_iri[c.key] = s
        self.track(kind, s, True)
        g = self.g
        g.add((s, RDF.type, PKG[c.cls]))
        self.labels(s, c.label_ru, c.label_en)
        for alt in c.alt_ru:
            if alt != c.label_ru:
                g.add((s, SKOS.altLabel, Literal(alt, lang="ru")))
        for alt in c.alt_en:
            g.add((s, SKOS.altLabel, Literal(alt, lang="en")))
        if c.kind == "person":
            g.add((s, FOAF.name, Literal(c.label_ru, lang="ru")))
            g.add((s, FOAF.name, Literal(c.label_en, lang="en")))
            if "first" in c.names:
                g.add((s, FOAF.givenName, Literal(c.names["first"], lang="ru")))
                g.add((s, FOAF.givenName, Literal(translit(c.names["first"]), lang="en")))
            if "last" in c.names:
                g.add((s, FOAF.familyName, Literal(c.names["last"], lang="ru")))
                g.add((s, FOAF.familyName, Literal(translit(c.names["last"]), lang="en")))
        self.notes(s, c.notes)

    def entity_mentions(self, c: Candidate) -> None:
        s = self.entity_iri[c.key]
        for m in c.mentions:
            st = self.statement(m.start, m.end, f"Упоминание: {m.text}", f"Mention: {translit(m.text)}", context=True)
            self.evidence(s, st)
        if c.parent and c.parent in self.entity_iri and s not in self.linked_iris():
            self.g.add((s, ORG.subOrganizationOf, self.entity_iri[c.parent]))

    def linked_iris(self) -> set[URIRef]:
        return {URIRef(i) for v in self.draft.linked.values() for i in v}

    # -- facts -----------------------------------------------------------------------------
    def region(self, r: Region) -> URIRef:
        """The region's node (linked to the store's or minted), with this mention as evidence."""
        s = self.region_iri.get(r.label)
        if s is None:
            linked = self.linker.by_label([r.label], "Region")
            if linked:
                s = URIRef(linked)
                self.track("region", s, False)
            else:
                s = self.mint("region", slugify(r.label))
                self.track("region", s, True)
                self.g.add((s, RDF.type, PKG.Region))
                self.labels(s, r.label, translit(r.label))
                for short in REGION_NAMES.get(r.label, ()):  # 'Кубань', 'Татарстан': its usual short names
                    self.g.add((s, SKOS.altLabel, Literal(short, lang="ru")))
            self.region_iri[r.label] = s
        if (s, RDF.type, PKG.Region) in self.g:
            self.evidence(
                s, self.statement(r.start, r.end, f"Упоминание: {r.text}", f"Mention: {translit(r.text)}", context=True)
            )
        return s

    def build_posts(self) -> None:
        g = self.g
        by_key: dict[str, URIRef] = {}
        for p in self.ex.posts:
            person = self.entity_iri[p.person.key]
            where = self.entity_iri[p.org.key] if p.org else self.region(p.region) if p.region else None
            s = by_key.get(p.key)
            if s is None:
                linked = self.linker.post(str(where), PKG_IRI + p.role) if where is not None and p.role else None
                linked = linked or self.linker.by_label([p.label_ru], "Post") if where is not None else linked
                if linked:
                    s = URIRef(linked)
                    self.track("post", s, False)
                else:
                    owner = p.org.slug if p.org else slugify(p.region.label) if p.region else p.person.slug
                    s = self.mint("post", f"{owner}-{slugify(p.role_en.split(' (')[0])}")
                    self.track("post", s, True)
                    g.add((s, RDF.type, PKG.Post))
                    self.labels(s, p.label_ru, p.label_en)
                    if where is not None:
                        g.add((s, ORG.postIn, where))
                    if p.role:
                        g.add((s, ORG.role, PKG[p.role]))
                    if p.acting:
                        g.add((s, PKG.acting, PKG[p.acting]))
                    self.notes(
                        s,
                        [
                            (
                                "Черновик: должность найдена правилом — проверить.",
                                "Draft: post found by a rule — check.",
                            ),
                            *p.notes,
                        ],
                    )
                by_key[p.key] = s
            g.add((person, ORG.holds, s))
            if p.org is not None:
                g.add((person, ORG.memberOf, self.entity_iri[p.org.key]))
            for start, end in p.quotes or [(p.start, p.end)]:
                self.evidence(s, self.statement(start, end, f"Должность: {p.label_ru}", f"Post: {p.label_en}"))

    def build_instruments(self) -> None:
        g = self.g
        self.inst_iri: dict[str, URIRef] = {}
        for i in self.ex.instruments:
            linked = self.linker.by_label([i.label_ru, *i.alt_ru], "PolicyInstrument")
            st = self.statement(i.start, i.end, f"Инструмент: {i.label_ru}", f"Instrument: {i.label_en}")
            if linked:
                s = URIRef(linked)
                self.track("instrument", s, False)
            else:
                s = self.mint("instrument", i.slug)
                self.track("instrument", s, True)
                g.add((s, RDF.type, PKG[i.cls]))
                self.labels(s, i.label_ru, i.label_en)
                for alt in i.alt_ru:
                    g.add((s, SKOS.altLabel, Literal(alt, lang="ru")))
                g.add((s, PKG.instrumentType, PKG[i.itype]))
                self.notes(
                    s,
                    [
                        *i.notes,
                        (
                            "Черновик: инструмент найден правилом — проверить.",
                            "Draft: instrument found by a rule — check.",
                        ),
                    ],
                )
            self.evidence(s, st)
            self.inst_iri[i.key] = s

    def build_proposals(self) -> None:
        g = self.g
        for n, p in enumerate(self.ex.proposals, 1):
            s = self.mint("proposal", f"{self.info.stem}-{n}-{slugify(p.text, 5)}")
            self.track("proposal", s, True)
            g.add((s, RDF.type, PKG.Proposal))
            label = p.text[:1].upper() + p.text[1:]
            who = ", ".join(x.label_en for x in p.proposers) or "an unnamed proposer"
            self.labels(s, label[:300], f"Proposal ({KIND_EN[p.kind]}) by {who}")
            g.add((s, PKG.changeKind, PKG[p.kind]))
            proposers = [self.entity_iri[x.key] for x in p.proposers] or [self.authors]
            for x in proposers:
                g.add((s, PKG.proposedBy, x))
            for relayer in p.relayers:
                if self.entity_iri[relayer.key] not in proposers:
                    g.add((s, PKG.relayedBy, self.entity_iri[relayer.key]))
            for t in p.targets:
                g.add((s, PKG.targets, self.inst_iri[t.key]))
            st = self.statement(p.start, p.end, f"Предложение: {label[:120]}", f"Proposal ({KIND_EN[p.kind]})")
            self.evidence(s, st)
            notes = list(p.notes)
            if not p.proposers:
                notes.append(
                    (
                        "Автор не назван; временно указаны авторы статьи.",
                        "No proposer named; the article's authors stand in for now.",
                    )
                )
            self.notes(s, notes)
            for k, ch in enumerate(p.changes, 1):
                c = self.mint("change", f"{self.info.stem}-{n}-{k}-{slugify(p.parameter or 'parameter', 4)}")
                self.track("change", c, True)
                g.add((s, PKG.hasParameterChange, c))
                g.add((c, RDF.type, PKG.ParameterChange))
                param = ch.parameter or p.parameter or "параметр"
                frm = fmt(ch.from_value) if ch.from_value is not None else "?"
                unit = ch.currency or ch.unit
                self.labels(
                    c,
                    f"{param[:1].upper()}{param[1:]}: {frm} → {fmt(ch.to_value)} {unit}",
                    f"Parameter change: {frm} → {fmt(ch.to_value)} {unit}",
                )
                g.add((c, PKG.parameter, Literal(param, lang="ru")))
                if ch.from_value is not None:
                    g.add((c, PKG.fromValue, Literal(str(ch.from_value), datatype=XSD.decimal)))
                g.add((c, PKG.toValue, Literal(str(ch.to_value), datatype=XSD.decimal)))
                g.add((c, PKG.currency if ch.currency else PKG.unit, Literal(unit)))
                g.add((c, PKG.changeKind, PKG[p.kind]))
                if p.targets:
                    g.add((c, PKG.appliesTo, self.inst_iri[p.targets[0].key]))
                for start, end in ((ch.start, ch.end), *ch.also):
                    quote = self.ex.text[start:end]
                    self.evidence(c, self.statement(start, end, f"Изменение: {quote}", "Parameter change"))
                notes = [CHANGE_BY_RULE if ch.confidence is None else changed_by_model(ch.confidence)]
                if ch.old_confidence is not None:
                    notes.append(old_by_model(ch.old_confidence))
                self.notes(c, notes)


CHANGE_BY_RULE = (
    "Черновик: параметр и значения найдены правилом — проверить.",
    "Draft: parameter and values found by a rule — check.",
)


def changed_by_model(score: float) -> tuple[str, str]:
    """The review note of a change the learned model found (server/ingest/changemodel.py), with its score."""
    return (
        f"Черновик: значения найдены обученной моделью (оценка {score:.2f}), правила их не нашли — проверить.",
        f"Draft: values found by the learned model (score {score:.2f}), not by a rule — check.",
    )


def old_by_model(score: float) -> tuple[str, str]:
    """The review note of a rule's change whose old value the learned model gave, with the model's score."""
    return (
        f"Черновик: прежнее значение найдено обученной моделью (оценка {score:.2f}), не правилом — проверить.",
        f"Draft: the old value was found by the learned model (score {score:.2f}), not by the rule — check.",
    )


def fmt(v) -> str:
    return f"{int(v):,}".replace(",", " ") if v == int(v) else str(v)


def first_sentence(text: str) -> tuple[int, int]:
    from server.ingest.nlp import sentence_bounds

    for s, e in sentence_bounds(text):
        if text[s:e].strip():
            return s, e
    return 0, len(text)


def derive_title(text: str, limit: int = 120) -> str:
    s, e = first_sentence(text)
    t = re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", "", text[s:e]).strip()
    if len(t) > limit:
        t = t[:limit].rsplit(" ", 1)[0] + "…"
    return t


def int_value(g: Graph, s: Node, p: URIRef) -> int:
    """The integer ``s p ?`` (a selector's offset); TypeError when there is none."""
    v = g.value(s, p)
    if not isinstance(v, Literal):
        raise TypeError(f"{s} has no literal {p}")
    return int(v)


def check_selectors(g: Graph, text: str) -> list[str]:
    """Every statement's exact text equals text[start:end]; returns the problems (empty: all good)."""
    problems = []
    for st in g.subjects(RDF.type, PKG.Statement):
        exact = start = end = None
        for sel in g.objects(st, OA.hasSelector):
            if (sel, RDF.type, OA.TextQuoteSelector) in g:
                exact = str(g.value(sel, OA.exact))
            else:
                start, end = int_value(g, sel, OA.start), int_value(g, sel, OA.end)
        if exact is None or start is None or text[start:end] != exact:
            problems.append(f"{st}: {exact!r} != text[{start}:{end}]")
    return problems
