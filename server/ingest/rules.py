"""Rules for what NER cannot see: who speaks, proposals ('предложил', 'озвучил инициативы',
'снижение … с X до Y', 'распространение … на …') and the instruments they touch. Everything a
rule is unsure of carries a note for the curator."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from server.core.translit import slugify
from server.ingest import nlp
from server.ingest.entities import Candidate
from server.ingest.inflect import inflect_phrase
from server.ingest.money import Change
from server.ingest.posts import Post

NEEDS_REVIEW = ("Черновик: требует проверки куратором.", "Draft: needs review by a curator.")

# first word of an initiative (lemma prefix) -> change kind (pkg: local name)
KINDS = (
    ("сниж", "lowerThreshold"),
    ("сниз", "lowerThreshold"),
    ("уменьш", "lowerThreshold"),
    ("распростран", "extendScope"),
    ("запуск", "launchMechanism"),
    ("запуст", "launchMechanism"),
    ("создан", "launchMechanism"),
    ("введен", "launchMechanism"),
    ("расширен", "expandAccess"),
    ("включ", "include"),
    ("адаптац", "adapt"),
    ("стимулир", "stimulate"),
    ("интегр", "integrate"),
    ("смещен", "shiftEmphasis"),
    ("предоставлен", "prioritise"),
    ("приоритет", "prioritise"),
    ("донастрой", "fineTune"),
    ("настрой", "fineTune"),
)
KIND_EN = {
    "lowerThreshold": "lower threshold",
    "extendScope": "extend scope",
    "launchMechanism": "launch mechanism",
    "expandAccess": "expand access",
    "include": "include",
    "adapt": "adapt",
    "stimulate": "stimulate",
    "integrate": "integrate",
    "shiftEmphasis": "shift emphasis",
    "prioritise": "prioritise",
    "fineTune": "fine-tune",
}
VOICED = re.compile(
    r"(?:озвучил\w*|предложил\w*|выдвинул\w*|представил\w*)\s+(?:[\w ]{0,40}?)?"
    r"(?:инициатив\w*|предложени\w*)(?:\s+[\w]+){0,3}\s*[-–—:]\s*",
    re.IGNORECASE,
)
PROPOSED = re.compile(r"\bпредложил(?P<plural>и)?[а]?\s+(?=\w)", re.IGNORECASE)
CHANGE_WORD = re.compile(r"^(?:сниж|сниз|уменьш|увелич|повыс|повыш|измен|сокращ|сократ|расшир)", re.IGNORECASE)
DASH_QUOTE = re.compile(
    r"[,.!?]?\s+[-–—]\s+(?:заявил|сказал|отметил|подчеркнул|добавил|сообщил|пояснил|уточнил|"
    r"рассказал|считает|напомнил)\w*\s+"
)
SPLIT = re.compile(r",\s+а также\s+|\s+а также\s+|,\s+(?=\w+ни[ея]\b)|;\s+", re.IGNORECASE)


@dataclass
class Instrument:
    key: str
    cls: str
    itype: str
    label_ru: str
    label_en: str
    slug: str
    start: int
    end: int
    alt_ru: list[str] = field(default_factory=list)
    number: str | None = None  # legal acts (eli:id_local)
    phrase: tuple[int, int] | None = None
    iri: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Proposal:
    start: int
    end: int
    text: str
    kind: str
    proposers: list[Candidate]
    relayers: list[Candidate] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    targets: list[Instrument] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    parameter: str | None = None


# -- speakers ------------------------------------------------------------------------------


def speaker(
    text: str, start: int, end: int, persons: list[Candidate], posts: list[Post]
) -> tuple[Candidate | None, bool]:
    """(speaker, is direct quote) of a span: the person a «…» quotation is attributed to, the
    person after 'По словам', else None (the article's authors)."""
    for qs, qe in nlp.quote_regions(text):
        if qs <= start and end <= qe:
            line_end = text.find("\n", qe)
            after = text[qe : line_end if line_end >= 0 else len(text)]
            p = _first_person_in(qe, qe + len(after), persons)
            if p is not None:
                return p, True
            for post in posts:  # '- акцентировал первый зампред Комитета …'
                if post.org is not None and any(qe <= m.start < qe + len(after) for m in post.org.mentions):
                    return post.person, True
            return _last_person_before(qs, persons, exclude_from=qs), True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start) if "\n" in text[start:] else len(text)
    dash = DASH_QUOTE.search(text, line_start, line_end) if re.match(r"\s*[-–—]\s", text[line_start:]) else None
    if dash and start < dash.start():  # '- Сегодня мы пополнили …, - заявил Вениамин Кондратьев.'
        p = _first_person_in(dash.end(), line_end, persons)
        if p is not None:
            return p, True
    sent = next(((s, e) for s, e in nlp.sentence_bounds(text) if s <= start < e), (start, end))
    if text[sent[0] : sent[0] + 10].lower().startswith("по словам"):
        p = _first_person_in(sent[0], sent[1], persons)
        if p is not None:
            return p, False
    return None, False


def _first_person_in(a: int, b: int, persons: list[Candidate]) -> Candidate | None:
    best = None
    for p in persons:
        for m in p.mentions:
            if a <= m.start < b and (best is None or m.start < best[0]):
                best = (m.start, p)
    return best[1] if best else None


def _last_person_before(pos: int, persons: list[Candidate], exclude_from: int | None = None) -> Candidate | None:
    best = None
    for p in persons:
        for m in p.mentions:
            if m.end <= pos and (best is None or m.start > best[0]):
                best = (m.start, p)
    return best[1] if best else None


# -- instruments ---------------------------------------------------------------------------

# (pattern, slug, class, instrument type, label ru, label en, alternative labels)
NAMED_INSTRUMENTS: tuple[tuple[str, str, str, str, str, str, list[str]], ...] = (
    (
        r"СПИК\s*2\.0",
        "spik-2-0",
        "InvestmentContract",
        "typeContractual",
        "Специальный инвестиционный контракт 2.0",
        "Special investment contract 2.0",
        ["СПИК 2.0"],
    ),
    (
        r"СПИК(?!\s*2\.0)",
        "spik",
        "InvestmentContract",
        "typeContractual",
        "Специальный инвестиционный контракт",
        "Special investment contract",
        ["СПИК"],
    ),
    (
        r"пониженн\w+\s+страхов\w+\s+взнос\w+",
        "reduced-insurance-contributions",
        "ContributionRelief",
        "typeFiscal",
        "Пониженные страховые взносы",
        "Reduced insurance contributions",
        [],
    ),
)
PROGRAMME = re.compile(
    r"(льготн\w+\s+(?:кредитовани|заим|займ)\w*\s+)?по\s+программ\w+\s+((?:[А-Яа-яЁё]+\s+){0,3}?[А-Яа-яЁё]+)(?=\s+(?:с|на|до|для|в)\s|[,.»])",
    re.IGNORECASE,
)
SUBSIDY = re.compile(r"(?:механизма?\s+)?субсидировани\w+\s+([^,.»;]+?)(?=\s*(?:,|\.|»|;|$| - ))", re.IGNORECASE)


def instrument_spans(text: str) -> list[tuple[int, int]]:
    """Every mention of a named instrument ('СПИК 2.0'): never an organisation."""
    return [
        (m.start(), m.end())
        for rx, *_ in NAMED_INSTRUMENTS
        for m in re.finditer(rx, text, re.IGNORECASE if rx[0].islower() else 0)
    ]


def instruments(text: str) -> list[Instrument]:
    out: dict[str, Instrument] = {}

    def add(inst: Instrument) -> None:
        out.setdefault(inst.key, inst)

    for rx, slug, cls, itype, ru, en, alt in NAMED_INSTRUMENTS:
        for m in re.finditer(rx, text, re.IGNORECASE if rx[0].islower() else 0):
            add(Instrument(slug, cls, itype, ru, en, slug, m.start(), m.end(), list(alt)))
    for m in PROGRAMME.finditer(text):
        prog = m.group(2)
        if m.group(1):
            ru = f"Льготное кредитование по программе {prog}"
            add(
                Instrument(
                    slugify(ru),
                    "PreferentialLoanProgramme",
                    "typePreferentialLending",
                    ru,
                    f"Preferential lending under the programme '{slugify(prog, 6).replace('-', ' ')}'",
                    slugify(ru),
                    m.start(),
                    m.end(),
                    notes=[("Английская подпись — транслитерация.", "English label is a transliteration.")],
                )
            )
    for m in SUBSIDY.finditer(text):
        ru = f"Субсидирование {m.group(1).strip()}"
        add(
            Instrument(
                slugify(ru),
                "Subsidy",
                "typeSubsidy",
                ru,
                f"Subsidy: {slugify(m.group(1), 8).replace('-', ' ')}",
                slugify(ru),
                m.start(),
                m.end(),
                notes=[("Английская подпись — транслитерация.", "English label is a transliteration.")],
            )
        )
    return sorted(out.values(), key=lambda i: i.start)


# -- proposals -----------------------------------------------------------------------------


def kind_of(item: str) -> tuple[str, bool]:
    """(change kind, sure?) from the item's first word."""
    for word, _, _ in nlp.words(item)[:3]:
        for prefix, kind in KINDS:
            if word.lower().startswith(prefix):
                return kind, True
    return "fineTune", False


def proposals(
    text: str,
    persons: list[Candidate],
    orgs: list[Candidate],
    posts: list[Post],
    changes: list[Change],
    insts: list[Instrument],
) -> list[Proposal]:
    out: list[Proposal] = []
    for m in VOICED.finditer(text):
        stop = _item_stop(text, m.end())
        proposer = _last_person_before(m.start(), persons)
        org_of = [p.org for p in posts if proposer is not None and p.person is proposer and p.org is not None]
        proposers = [proposer] if proposer else []
        head = text[m.start() : m.end()].lower()
        if org_of and re.search(r"ассоциаци|организаци|союз|компани", head):
            proposers = [org_of[0], *proposers]
        pos = m.end()
        for part in SPLIT.split(text[m.end() : stop]):
            idx = text.find(part, pos)
            pos = idx + len(part)
            out.append(_proposal(text, idx, idx + len(part), proposers, persons, posts))
    for m in PROPOSED.finditer(text):
        if any(p.start <= m.start() < p.end for p in out) or VOICED.match(text, m.start()):
            continue
        stop = _item_stop(text, m.end())
        # 'предложили' without a named subject: the proposer is left to the curator
        proposer = None if m.group("plural") else _last_person_before(m.start(), persons)
        out.append(_proposal(text, m.end(), stop, [proposer] if proposer else [], persons, posts))
    # money changes outside any rule-found proposal still need one (a change belongs to a proposal)
    for ch in changes:
        if not any(p.start <= ch.start < p.end for p in out):
            quote = next(((s, e) for s, e in nlp.quote_regions(text) if s <= ch.start < e), None)
            s, e = quote or next(
                ((s, e) for s, e in nlp.sentence_bounds(text) if s <= ch.start < e), (ch.start, ch.end)
            )
            spk, direct = speaker(text, ch.start, ch.end, persons, posts)
            proposer = spk if spk is not None and direct else _last_person_before(ch.start, persons)
            p = _proposal(text, s, e, [proposer] if proposer else [], persons, posts)
            p.notes.append(
                (
                    "Предложение восстановлено по изменению параметра; автор не определён правилом.",
                    "Proposal reconstructed from a parameter change; its author was not found by a rule.",
                )
            )
            out.append(p)
    for p in out:
        p.changes = [c for c in changes if p.start <= c.start < p.end]
        p.targets = [i for i in insts if p.start <= i.start < p.end]
        if p.changes:
            p.parameter = _parameter(text, p)
    return out


def _item_stop(text: str, pos: int) -> int:
    """End of an initiative list: the end of the quotation it is in, sentence end or paragraph end."""
    quote_end = next((qe for qs, qe in nlp.quote_regions(text) if qs <= pos < qe), -1)
    ends = [i for i in (quote_end, text.find("\n", pos), _sentence_end(text, pos)) if i >= 0]
    return min(ends) if ends else len(text)


def _sentence_end(text: str, pos: int) -> int:
    for s, e in nlp.sentence_bounds(text):
        if s <= pos < e:
            return e - 1 if text[e - 1] in ".!?" else e
    return len(text)


def _proposal(
    text: str, start: int, end: int, proposers: list[Candidate], persons: list[Candidate], posts: list[Post]
) -> Proposal:
    item = text[start:end].strip().rstrip(".,;")
    start = text.find(item, start)
    end = start + len(item)
    kind, sure = kind_of(item)
    spk, direct = speaker(text, start, end, persons, posts)
    relayers = [spk] if spk is not None and direct and spk not in proposers else []
    p = Proposal(start, end, item, kind, [x for x in proposers if x is not None], relayers)
    p.notes.append(NEEDS_REVIEW)
    if not sure:
        p.notes.append(
            (
                "Вид изменения не распознан правилом (по умолчанию «тонкая настройка»).",
                "Change kind not recognised by a rule (defaulted to fine-tune).",
            )
        )
    if not p.proposers:
        p.notes.append(("Автор предложения не найден.", "Proposer not found."))
    return p


def _parameter(text: str, p: Proposal) -> str:
    """'снижение минимального порога льготного кредитования по программе …' -> the nominative of
    the words between the change noun and 'по'/'с'."""
    seg = text[p.start : p.changes[0].start]
    ws = seg.split()
    last = max((i for i, w in enumerate(ws) if CHANGE_WORD.match(w)), default=-1)
    ws = ws[last + 1 :]
    cut = []
    for w in ws:
        if w.lower() in ("по", "с", "для", "на", "в"):
            break
        cut.append(w)
    phrase = " ".join(cut) or seg.strip()
    return inflect_phrase(phrase, "nomn").lower()
