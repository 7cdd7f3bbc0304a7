"""What the organisation gazetteer (``orgs``) and the named shapes (``orgrules``) share: a gazetteer
entry, the class an organisation's head noun gives it, the 'по …' complement that extends a
collegial body's name, and the candidate made from an alias entry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from server.core.translit import slugify, translit
from server.ingest import nlp, regions
from server.ingest.aliases import Alias, by_slug
from server.ingest.entities import Candidate, head_lemma

HEAD_CLASSES = {
    "министерство": "Ministry",
    "комитет": "Committee",
    "комиссия": "Committee",
    "совет": "ExpertCouncil",
    "дума": "LegislativeBody",
    "собрание": "LegislativeBody",
    "ассоциация": "Association",
    "союз": "Association",
    "палата": "Association",
    "партия": "PoliticalParty",
    "отделение": "RegionalBranch",
    "правительство": "Organization",
    "фонд": "Organization",
    "агентство": "Organization",
    "служба": "Organization",
    "корпорация": "Organization",
    "институт": "Organization",
    "коллегия": "Committee",
}


@dataclass
class Entry:
    surface: str
    lemmas: tuple[str, ...]
    exact_case: bool
    alias: Alias | None = None
    iri: str | None = None
    label_ru: str = ""
    label_en: str = ""
    cls: str = "Organization"


_STOP_EXTEND = {"при", "в", "на", "с", "и", "а", "для", "от", "к", "у", "о", "об", "за", "из"}


def extend_org(text: str, start: int, end: int) -> int:
    """Extend 'Экспертного совета' over a following 'по …' complement ('по развитию промышленной
    инфраструктуры', 'по промышленности и торговле'): words in the dative or genitive and «и»
    between nouns, up to punctuation or a word in another case."""
    if not text[end:].startswith(" по "):
        return end
    pos = end + 4
    last = end
    for m in re.finditer(r"\S+", text[pos:]):
        w = m.group()
        core = w.rstrip(",.;:»)")
        if core.lower() == "и":
            nxt = re.match(r"\s*(\S+)", text[pos + m.end() :])
            if nxt and any(
                p.tag.POS in ("NOUN", "ADJF") and p.tag.case in ("datv", "gent")
                for p in nlp.parse(nxt.group(1).rstrip(",.;:»)"))
            ):
                continue
            break
        if core.lower() in _STOP_EXTEND or (core[:1].isupper() and not core.isupper()):
            break
        if not any(p.tag.case in ("datv", "gent") and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in nlp.parse(core)):
            break
        last = pos + m.start() + len(core)
        if core != w:
            break
    return last


MINISTRY_SHORT = re.compile(
    r"мин(?:пром|инвест|эк|фин|транс|энерго|строй|цифр|сельхоз|труд|обр|здрав|природ|юст|спорт|культ|просвещ"
    r"|вост|соц|имущ|лес|туризм|молод|нац|физкульт|агро|жкх|инфра)[а-яё]*$"
)


def org_class(label: str) -> str:
    first = nlp.words(label)[0][0].lower() if nlp.words(label) else ""
    if first.startswith("мин") and first not in ("министерство",) and nlp.parse(first)[0].tag.POS != "NOUN":
        return "Ministry"
    if MINISTRY_SHORT.match(first):  # 'Мининвест', 'Минэнерго': words the dictionary guesses as nouns
        return "Ministry"
    head = head_lemma(label)
    if head == "совет" and "эксперт" not in label.lower():
        return "Organization"
    if head == "правительство" and regions.find(label):
        return "RegionalGovernment"
    return HEAD_CLASSES.get(head, "Organization")


def alias_candidate(e: Entry) -> Candidate:
    a = e.alias
    key = f"alias:{a.slug}" if a else f"iri:{e.iri}"
    return Candidate(
        "org",
        key,
        e.label_ru,
        e.label_en or translit(e.label_ru),
        e.cls,
        a.slug if a else slugify(e.label_ru),
        iri=e.iri,
        alt_ru=list(a.alt_ru) if a else [],
        alt_en=list(a.alt_en) if a else [],
        lemmas=nlp.lemma_key(e.label_ru),
    )


def known_org(slug: str) -> Candidate:
    """The alias table's organisation ``slug`` as a candidate with no mention yet."""
    a = by_slug(slug)
    assert a is not None, slug
    return alias_candidate(Entry(a.ru, nlp.lemma_key(a.ru), False, alias=a, label_ru=a.ru, label_en=a.en, cls=a.cls))
