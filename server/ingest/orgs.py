"""Organisations: the gazetteer (alias table + organisations already in the store, matched by lemma
sequence; a federal body named with a region is that region's body), named shapes (``orgrules``),
natasha's ORG spans with the noise filter and span repairs, regional party branches, class from the
head noun, and the merging of short forms into the full name within one article.

Never an organisation: the dateline, time stamps, site lines, news agencies and outlets, regions and
places, names of legal acts and instruments, a plural common noun («региональных фондов»), a venue
(«комплекс «Айка»»), a bare head noun («Фонд») unless it names the one such body of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import permutations

from server.core.translit import slugify, translit
from server.ingest import nlp, orglists, orgrules, orgseats, regions, structure
from server.ingest.aliases import ALIASES, COMPANY_SLUGS, MEDIA
from server.ingest.entities import Candidate, Mention, head_lemma
from server.ingest.inflect import inflect_phrase
from server.ingest.orgbase import (
    FIELD_UNITS,
    HEAD_CLASSES,
    Entry,
    _abbreviation,
    alias_candidate,
    extend_org,
    org_class,
)
from server.ingest.structure import Layout

PLACE_NOISE = {"рф", "россия", "российский", "федерация", "москва", "регион", "снг"}  # 'в страны СНГ': the region
#: places written in capitals: a kind of municipality or territory before its name ('ЗАТО Северск',
#: 'ТОСЭР «Гуково»', 'ЗАТО России'), the two Donbass republics together ('ЛДНР'), an exhibition centre
#: ('МВЦ «…»', 'ВДНХ')
PLACE_ABBREVIATIONS = {"ЗАТО", "ТОСЭР", "ЛДНР", "МВЦ", "ВДНХ", "ЦВК", "КВЦ"}
#: a state information system or register by its abbreviation («государственная информационная система»: ГИС, ГИСП,
#: ФГИС, ЕГАИС; «единая информационная система»: ЕИС; the registers of legal entities and of sole traders: ЕГРЮЛ,
#: ЕГРИП)
INFORMATION_SYSTEM = re.compile(r"[ФЕР]?ГА?ИСП?|ЕИС|ЕГР(?:ЮЛ|ИП|Н)")
EXTENDABLE_HEADS = {"совет", "комитет", "комиссия", "фонд", "агентство", "департамент", "ассоциация", "союз"}
#: abbreviations of common nouns that NER takes for organisations
COMMON_ABBREVIATIONS = {
    "ОПК", "ОЭЗ", "ВПК", "АПК", "ТЭК", "ЖКХ", "МСП", "НДС", "ВВП", "СВО", "НИОКР", "ГЧП", "ИЖС", "ТОР",
    "ОКВЭД", "ФЦП", "НКО", "ИП", "ИТ", "СПИК", "ЗПК", "КИП", "ПМЭФ", "ВЭФ", "ОКР", "ПО",
    "СЗПК", "СМИ", "АЭС", "ГЭС", "ТЭС", "ТЭЦ", "АЗС", "ЧС", "ДТП", "ИИ", "НПЗ", "ЦБК", "ХБК", "ГОК", "ГРЭС", "ЛПК",
    "СП", "АЗРФ", "КБ", "ПВО", "ВКО", "РЭБ", "ОАО", "ЗАО", "ПАО", "ООО",
}  # fmt: skip
#: a company's kind by its abbreviation right before a listed quoted name ('НТЦ «Модуль»', 'НПО «Сатурн»')
LISTED_KIND = re.compile(r"(?<![\w«»\"-])([А-ЯЁ]{2,5})\s+$")
#: territories named by a list of quoted names after their kind («ТОРы "А" и "Б"», «особых экономических зон «…»»)
TERRITORIES_BEFORE = re.compile(
    r"(?<![\w-])(?:ТОР\w*|ТОСЭР\w*|ОЭЗ|территори\w+\s+опережающего\s+(?:социально-экономического\s+)?развития"
    r"|особ\w+\s+экономическ\w+\s+зон\w*)\s*$"
)
#: a meeting NER took for a body («Расширенное заседание …»): an event, not an organisation
EVENT_HEADS = {"заседание", "совещание", "встреча", "конференция", "брифинг", "планерка", "пленарка", "операция"}
# ('Специальная военная операция': an event, no body)
#: a sector of the economy ('Производственному бизнесу было бы комфортно …', 'Промышленность растёт'): no body
SECTOR_HEADS = {"бизнес", "промышленность", "отрасль", "экономика", "хозяйство", "машиностроение", "станкостроение"}
#: a site's rubrics written in capitals, which NER takes for an abbreviation's body
RUBRICS = {"новости", "политика", "экономика", "общество", "власть", "происшествия", "культура", "спорт", "регионы"}
#: a works' premises NER takes for a body ('Производственный корпус, где начнут размещаться резиденты'): no body
PREMISES_HEADS = {"корпус", "цех"}
#: a state's symbols: 'под Государственным флагом Российской Федерации' names no body
SYMBOL_HEADS = {"флаг", "герб", "гимн"}
#: a plan or a strategy NER takes for a body ('Генеральным планом развития Петербурга'): a document, no body
PLAN_HEADS = {"план", "генплан", "концепция", "стратегия"}
#: a measure NER takes for a body ('Поддержка лесопромышленных предприятий России' in a headline): an act of help, no body
SUPPORT_HEADS = {"поддержка", "господдержка", "помощь", "субсидирование", "льгота"}
#: a unit of an organisation and the organisation's name right after it, written as a name (capitals
#: inside or all capitals): 'региональное отделение СоюзМаш', 'филиал ВТБ'
#: a building a photo caption names ('Дом Советов', 'здание правительства')
BUILDING_HEADS = {"дом", "здание", "дворец", "особняк", "башня"}
OWNED_HEADS = {"отделение", "филиал", "представительство", "центр"}  # 'научный центр РАН': its owner too
#: a company's management board before its owner's name: a post in the board is one in the company
BOARD_OF = re.compile(r"(?:[Пп]равлени[яеюи]|[Сс]овета\s+директоров)\s+(?=[А-ЯЁA-Z«])")
#: «органов власти субъектов» after an organisation's «… органов», up to the place that follows: 'Ассоциации
#: законодательных органов власти субъектов Приволжья' (NER stops at «органов»)
ORGANS_OF_POWER = re.compile(
    r"[ \u00a0]+(?:(?:государственной|исполнительной|законодательной|местной)[ \u00a0]+)?власти"
    r"(?:[ \u00a0]+субъектов(?:[ \u00a0]+(?:Российской[ \u00a0]+Федерации|РФ|России))?)?[ \u00a0]+"
)
OWNER_NAME = re.compile(r" (?:[А-ЯЁA-Z][А-ЯЁA-Z]+|[А-ЯЁA-Z][а-яёa-z]+[А-ЯЁA-Z][А-ЯЁA-Zа-яёa-z]*)(?![\w-])")
ACT_WORDS = {"постановление", "распоряжение", "указ", "приказ", "закон", "проект"}


# -- the gazetteer: alias table + organisations already in the store ------------------------


def gazetteer(existing: list[dict[str, str]]) -> list[Entry]:
    entries: list[Entry] = []
    for a in ALIASES:
        for s in (a.ru, *a.alt_ru):
            entries.append(Entry(s, nlp.lemma_key(s), _is_abbrev(s), alias=a, label_ru=a.ru, label_en=a.en, cls=a.cls))
    for row in existing:
        s = row["label"]
        if nlp.lemma_key(s) and not _generic(s):
            entries.append(
                Entry(
                    s,
                    nlp.lemma_key(s),
                    _is_abbrev(s),
                    iri=row["iri"],
                    label_ru=row.get("ru", s),
                    label_en=row.get("en", ""),
                    cls=row.get("cls", "Organization"),
                )
            )
    return entries


def _is_abbrev(s: str) -> bool:
    return any(len(w) > 1 and w.isupper() for w, _, _ in nlp.words(s))


def _generic(label: str) -> bool:
    """A short label that any article may use for another body ('Экспертный совет'): not used for
    linking to the store."""
    ws = nlp.words(label)
    return len(ws) <= 2 and not _is_abbrev(label) and head_lemma(label) in orgrules.BODY_HEADS | EXTENDABLE_HEADS


@lru_cache(maxsize=2048)
def _forms(word: str) -> frozenset[str]:
    """The case forms pymorphy3 gives a word (for an unknown one, by analogy)."""
    return frozenset(f.word.replace("ё", "е") for f in nlp.parse(word)[0].lexeme)


def _feminine_forms(name: str) -> frozenset[str]:
    """'Алроса' -> 'алросы', 'алросе', 'алросу', 'алросой': a one-word name in «-а» the dictionary does not know as
    a word of its own, declined as a feminine noun (pymorphy3 reads it as a masculine one in the genitive, 'алрос')."""
    word = name.lower().replace("ё", "е")
    if not re.fullmatch(r"[а-я-]+[^аеиоуыэюя]а", word) or any(p.normal_form == word for p in nlp.parse(word)):
        return frozenset()
    stem = word[:-1]
    return frozenset({stem + ("и" if stem[-1] in "гкхжшщч" else "ы"), stem + "е", stem + "у", stem + "ой", stem + "ою"})


def _plural_head(text: str, toks: list[tuple[str, int, int]], i: int, j: int) -> bool:
    """The match's head noun is plural in the text ('региональных фондов развития'), or an
    abbreviation follows a plural adjective ('региональных ФРП')."""
    for w, _, _ in toks[i:j]:
        parses = [p for p in nlp.parse(w) if p.tag.POS == "NOUN"]
        if parses:  # only a word the dictionary knows: 'Ростех' is guessed as a plural
            return not w.isupper() and all(p.tag.number == "plur" and p.is_known for p in parses)
    return False


@lru_cache(maxsize=1024)
def _plural_name(name: str) -> bool:
    ws = nlp.words(name)
    return _plural_head(name, ws, 0, len(ws))


def _plural_before(text: str, start: int) -> bool:
    m = re.search(r"([А-Яа-яЁё]+)\s+$", text[:start])
    return m is not None and any(
        p.tag.POS == "ADJF" and "Apro" not in p.tag and p.tag.number == "plur" for p in nlp.parse(m.group(1))[:1]
    )


#: an abbreviation declined as a noun, its ending in lower case: 'ВЭБа', 'ВЭБу', 'МИДом'
INFLECTED_ABBREVIATION = re.compile(r"([А-ЯЁ]{2,}[БВГДЖЗКЛМНПРСТФХЦЧШЩ])(?:а|у|ом|е)")


def match_gazetteer(text: str, entries: list[Entry]) -> list[tuple[Entry, Mention]]:
    """Longest non-overlapping matches of entry lemma sequences over the text's words; the words of
    a match are separated as in the entry (no '(' or line break inside), abbreviations match their
    case, and a match that is only part of a short quoted name («Открытого правительства») or a
    plural common noun is no mention."""
    toks = nlp.words(text)
    lemmas = [nlp.lemma(w) for w, _, _ in toks]
    found: list[tuple[int, int, Entry]] = []
    by_first: dict[str, list[Entry]] = {}
    for e in entries:
        by_first.setdefault(e.lemmas[0], []).append(e)
    by_form: dict[str, list[Entry]] = {}  # one-word names the dictionary does not know: 'Ростеха'
    for e in entries:
        if len(e.lemmas) == 1 and not e.exact_case:
            for f in _forms(e.lemmas[0]) | _feminine_forms(e.surface):
                by_form.setdefault(f, []).append(e)
    for i, lem in enumerate(lemmas):
        for e in by_first.get(lem, ()) or by_form.get(toks[i][0].lower().replace("ё", "е"), ()):
            if len(e.lemmas) == 1 and lem != e.lemmas[0] and toks[i][0][:1].islower():
                continue  # an inflected form of a proper name is capitalised
            n = len(e.lemmas)
            if tuple(lemmas[i : i + n]) != e.lemmas and not (n == 1 and lem not in by_first):
                continue
            ews = nlp.words(e.surface)
            if e.exact_case and any(
                w.isupper() and len(w) > 1 and t[0] != w for t, (w, _, _) in zip(toks[i : i + n], ews)
            ):
                continue
            if any(
                text[toks[k][2] : toks[k + 1][1]].strip() != e.surface[ews[k - i][2] : ews[k - i + 1][1]].strip()
                for k in range(i, i + n - 1)
            ):
                continue
            found.append((i, i + n, e))
    abbreviations = {e.surface: e for e in entries if len(e.lemmas) == 1 and e.exact_case and e.surface.isalpha()}
    for i, (w, _, _) in enumerate(toks):  # 'кредиты ВЭБа', 'ВЭБу': an abbreviation with a case ending
        inflected = INFLECTED_ABBREVIATION.fullmatch(w)
        if inflected is not None and inflected.group(1) in abbreviations:
            found.append((i, i + 1, abbreviations[inflected.group(1)]))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: set[int] = set()
    out = []
    rejected: list[int] = []  # ends of plural common nouns: an abbreviation in brackets after one is no name
    for i, j, e in found:
        if taken & set(range(i, j)):
            continue
        start, end = toks[i][1], toks[j - 1][2]
        # a plural head is a common noun, unless the name itself is plural ('Вертолёты России', 'Силовые машины')
        plural = _plural_head(text, toks, i, j) and not _plural_name(e.surface)
        # 'региональных фондов': a common noun; 'фонды … ДНР и ЛНР': one body in each region
        if (plural and orgrules.coordinated_regions(text, end) is None) or (
            not plural and e.exact_case and _plural_before(text, start)
        ):
            rejected.append(end)
            continue
        if _in_short_quote(text, start, end) or any(re.fullmatch(r"\s*\(", text[r:start]) for r in rejected):
            continue
        taken |= set(range(i, j))
        if text[end : end + 1] == "»" and text[start - 1 : start] == "«":
            start, end = start - 1, end + 1
        elif text[start:end].count("«") > text[start:end].count("»") and text[end : end + 1] == "»":
            end += 1
        out.append((e, Mention(start, end, text[start:end])))
    return sorted(out, key=lambda x: x[1].start)


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Inside «…» or "…" of at most three words that the match does not fill."""
    floor = max(0, start - 120)
    left = max(text.rfind("«", floor, start), text.rfind('"', floor, start))
    if left < 0 or text.rfind("\n", left, start) >= 0:
        return False
    if text[left] == '"' and text.count('"', text.rfind("\n", 0, left) + 1, left) % 2:
        return False  # the closing one of a pair before ('"дочки" Объединенной авиастроительной корпорации')
    close = re.search(r"[»\"]", text[end : end + 120])
    if close is None:
        return False
    inner = text[left + 1 : end + close.start()]
    if "\n" in inner or inner.count("«") != inner.count("»"):
        return False
    return len(nlp.words(inner)) <= 3 and (left + 1, end + close.start()) != (start, end)


# -- organisations -------------------------------------------------------------------------

#: a party's or union's branch, with the region's adjective before it when the text gives one ('Донецкого
#: регионального отделения партии "Единая Россия"', 'местного отделения «Деловой России»')
BRANCH = re.compile(
    r"(?:(?P<radj>[А-ЯЁ][а-яё]+(?:ое|ого|ому|ом)(?:\s+(?:областн|городск|краев|окружн)(?:ое|ого|ому|ом))?)\s+)?(?P<head>(?i:регионально|местно|областно|городско)"
    r"(?:го|е|му|м)\s+отделени[яеюи]\w*)\s+(?:партии\s+)?[«\"“](?P<name>[^»\"”]+)[»\"”]"
)


#: a management company's or a trading house's abbreviation before a known company's name: a company of its own
SUBSIDIARY_KIND = re.compile(r"(?<![\w])(?:УК|ТД)\s*[«\"]?$")
#: a branch before an organisation named unquoted: 'Свердловского регионального отделения Союза машиностроителей России'
UNQUOTED_BRANCH = re.compile(
    r"(?:(?P<radj>[А-ЯЁ][а-яё]+(?:ое|ого|ому|ом))\s+)?(?P<head>(?i:регионально|местно|областно|городско)"
    r"(?:го|е|му|м)\s+отделени[яеюи]\w*)\s+(?=[А-ЯЁ])"
)


def _branches_of_named(text: str, cands: dict[str, Candidate]) -> None:
    """A regional branch of an organisation the text names right after it, unquoted: one body, the branch,
    labelled with the owner as written («Свердловское региональное отделение Союза машиностроителей России»)."""
    starts = {m.start: (c, m) for c in cands.values() for m in c.mentions if c.cls not in ("Region", "RegionalBranch")}
    for b in UNQUOTED_BRANCH.finditer(text):
        owner = starts.get(b.end())
        if owner is None or owner[0].cls in ("LegislativeBody", "Ministry", "RegionalGovernment"):
            continue
        c, om = owner
        own = inflect_phrase(text[b.start() : b.end("head")], "nomn") if b.group("radj") else "Региональное отделение"
        written = " ".join(om.text.split())
        label = f"{own[:1].upper()}{own[1:]} {written}"
        span = (b.start(), om.end)
        key = f"branch:{c.key}:{own.split()[0].lower()}"
        branch = cands.get(key)
        if branch is None:
            branch = cands[key] = Candidate(
                "org",
                key,
                label,
                f"Regional branch of the {c.label_en}",
                "RegionalBranch",
                slugify(f"{own.split()[0] if b.group('radj') else ''} {c.slug}-regional-branch"),
                parent=c.key,
                lemmas=nlp.lemma_key(label),
            )
        branch.add(Mention(span[0], span[1], text[span[0] : span[1]]))
        for k in [
            k
            for k, x in cands.items()
            if k.startswith("ner:") and x.mentions and all(span[0] <= m.start and m.end <= om.start for m in x.mentions)
        ]:
            del cands[k]  # 'Свердловское региональное отделение' read alone: the branch's own words


#: a lower-case word for a post: no organisation's name runs on into it
ROLE_WORD = re.compile(r"(?:министр|замминистра|губернатор|гендиректор|директор|председател|замглавы)[а-яё]{0,3}")


#: a deputy's word, either case, in NER's span after the name's head: 'пресс-служба Фонда заместителя Министра …'
DEPUTY_WORD = re.compile(r"[Зз]аместител[а-яё]{0,3}")


#: a line of business after a company's brand, naming a subsidiary of its own: 'Газпромбанк Лизинг', 'ВТБ Капитал'
BRAND_LINE = re.compile(r" (Лизинг|Капитал|Факторинг|Страхование|Инвестиции|Девелопмент)(?![\w-])")


def _without_leading_participle(text: str, sp: nlp.Span) -> nlp.Span:
    """'объединяющей банк "Россия"': NER's span without the lower-case participle (or verb) it took in before the
    name."""
    lead = re.match(r"[а-яё]+\s+(?=[а-яёА-ЯЁ«\"])", text[sp.start : sp.end])
    relative = lead is not None and re.fullmatch(r"котор[а-яё]+|что|как|где|когда", lead.group().strip()) is not None
    if lead is None or (  # 'который Комиссия правительства РФ …': a relative word, no part of the name
        not relative and nlp.parse(lead.group().strip())[0].tag.POS not in ("PRTF", "PRTS", "VERB", "GRND", "INFN")
    ):
        return sp
    start = sp.start + lead.end()
    return nlp.Span(sp.type, start, sp.end, text[start : sp.end], text[start : sp.end], None, None, None)


def _trim_org(text: str, start: int, end: int) -> int:
    """Drop trailing verbs/participles NER glued on ('Экспертный совет организован')."""
    toks = nlp.words(text[start:end], start)
    role = next(
        (i for i, (w, _, _) in enumerate(toks) if i and (ROLE_WORD.fullmatch(w) or DEPUTY_WORD.fullmatch(w))), None
    )
    if role is not None:  # 'Донецким агентством новостей министр промышленности …': a post starts there
        toks = toks[:role]
    while len(toks) > 1 and nlp.parse(toks[-1][0])[0].tag.POS in ("VERB", "PRTS", "INFN", "GRND", "ADVB"):
        toks.pop()
    if len(toks) > 1 and toks[-1][0].isdigit() and re.match(r"\s*(?:%|процент)", text[toks[-1][2] :]):
        toks.pop()  # 'обычные для Фонда 5%': a rate after the name, no part of it
    return toks[-1][2] if toks else end


#: a further field of the unit after NER's span: ', пищевого', ' и строительно-дорожного машиностроения'
FIELD_MORE = re.compile(
    r"(?:,\s+(?:[а-яё-]+(?:ого|его|ой|ей)\s+)?[а-яё-]+)*\s+и\s+(?:[а-яё-]+(?:ого|его|ой|ей)\s+)?[а-яё-]+(?=[\s,.;:)»]|$)"
)  # ', промышленности и торговли' (a ministry's)


def _coordinated_field(text: str, start: int, end: int) -> int:
    """'Департамент сельскохозяйственного, пищевого и строительно-дорожного машиностроения': a unit's field whose
    coordinated words NER cut at a comma or at «и», completed; the words after «и» must be genitive and name no body
    of their own ('департамента экономики и министерства финансов' is two bodies)."""
    if head_lemma(text[start:end]) not in (
        *FIELD_UNITS,
        "министерство",
    ):  # 'министерство … развития, промышленности и …'
        return end
    m = FIELD_MORE.match(text, end)
    if m is None:
        return end
    words = [w for w in re.findall(r"[а-яё-]+", m.group()) if w != "и"]
    last = words[-1]
    genitive = any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in nlp.parse(last)) and all(
        any(p.tag.POS in ("NOUN", "ADJF") and p.tag.case == "gent" for p in nlp.parse(w)) for w in words
    )
    if (
        not genitive
        or any(nlp.lemma(w) in {*HEAD_CLASSES, *FIELD_UNITS, "администрация", "мэрия"} for w in words)
        or any(ROLE_WORD.fullmatch(w) for w in words)
    ):
        return end
    return m.end()


#: a name in quotes after a dash inside NER's span: another organisation, named in apposition ('"дочки" Объединенной
#: авиастроительной корпорации – "ОАК капитал"')
APPOSITION = re.compile(r"\s+[–—-]\s+(?=[\"«][^\"«»]+[\"»]?$)")


#: a person's title opening NER's organisation: 'Экс-вице-мэр областного центра'
A_PERSONS_TITLE = re.compile(r"(?i:экс-)?(?i:вице-)?(?i:мэр|губернатор|премьер|спикер)(?:а|у|ом|е)?(?![\w-])")
#: a person's initial and surname at the end of NER's organisation: 'главы ОЭЗ А.Барышев приступил'
INITIALLED_TAIL = re.compile(r"\s+[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+$")


def _split_appositions(text: str, spans: list[nlp.Span]) -> list[nlp.Span]:
    """NER's organisation running over a dash into a quoted name: two organisations, each its own span; one that
    ends in a person's initial and surname ends before them."""
    out = []
    for sp in spans:
        if sp.type == "ORG" and A_PERSONS_TITLE.match(sp.text):
            continue  # 'Экс-вице-мэр областного центра возглавил …': a person's title, no body
        tail = INITIALLED_TAIL.search(sp.text) if sp.type == "ORG" else None
        eponym = tail is not None and re.search(r"(?:им\.|имени|[А-ЯЁ]\.)\s*$", sp.text[: tail.start()])
        if tail is not None and not eponym:  # 'ОЭЗ А.Барышев': the zone, then its head (not '… им. В. П. Чкалова')
            sp = nlp.Span("ORG", sp.start, sp.start + tail.start(), sp.text[: tail.start()], sp.text[: tail.start()])
        m = APPOSITION.search(text, sp.start, sp.end) if sp.type == "ORG" else None
        if m is None:
            out.append(sp)
            continue
        end = sp.end - (1 if text[sp.end - 1] in ('"', "»") else 0)
        for s, e in ((sp.start, m.start()), (m.end() + 1, end)):  # the name inside its quotes
            out.append(nlp.Span("ORG", s, e, text[s:e], text[s:e]))
    return out


#: an organisation's name cut after a preposition or a conjunction ('… и взаимодействию со' | 'СМИ')
DANGLING = re.compile(r"\s(?:и|с|со|в|во|по|для|при)$")


def _join_dangling(text: str, spans: list[nlp.Span]) -> list[nlp.Span]:
    """NER's organisation that ends on a preposition or a conjunction, with the next organisation one space after it:
    one name ('Управление по связям с общественностью и взаимодействию со СМИ')."""
    out: list[nlp.Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == sp.type == "ORG"
            and DANGLING.search(prev.text)
            and text[prev.end : sp.start] == " "
        ):
            joined = text[prev.start : sp.end]
            out[-1] = nlp.Span("ORG", prev.start, sp.end, joined, joined)
            continue
        out.append(sp)
    return out


def _building_caption(text: str, start: int, surface: str, layout: Layout) -> bool:
    """'Дом Советов в Оренбурге' on a line of its own without a verb under the headline: the
    building a photo shows, not a body."""
    part = next((p for p in layout.parts if p.start <= start < p.end), None)
    return (
        part is not None
        and part.kind in ("caption", "lead")
        and head_lemma(surface) in BUILDING_HEADS
        and not structure.has_verb(part.text)
    )


def _capitals_line(text: str, start: int) -> bool:
    """'ПРОМЫШЛЕННИКИ ВСТАНУТ НА СТОРОНУ …': a line of four words or more in capitals is a headline
    shouted, its words no names."""
    s, e = text.rfind("\n", 0, start) + 1, text.find("\n", start)
    line = text[s : e if e >= 0 else len(text)]
    return len(line.split()) >= 4 and not any(ch.islower() for ch in line)


#: a site's own furniture: a line «Лента новостей», «Все новости раздела "…"» (a section's name, not a body)
SITE_FURNITURE = re.compile(r"^[^\n]{0,40}?(?:Лента новостей|Все новости)(?: раздела[^\n]*)?[ \t]*$", re.MULTILINE)
#: a building named after the body it houses ('в Доме Правительства', 'у Дома Советов'): a place, no body
BUILDING = re.compile(r"(?<![\w-])Дом(?:а|е|у|ом)?[ \u00a0]+(?:[Пп]равительства|Советов)(?![\w-])")
#: a site's address ('URA.RU', 'ER.RU', 'freepik.com'): a medium or a credit, never a body
SITE_ADDRESS = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*\.[A-Za-z]{2,4}")


#: standards, rules and trades written by their Latin initials, never a body ('взялся за GR', relations with
#: government; 'PR', 'HR')
STANDARDS = frozenset({"GMP", "GLP", "GDP", "ISO", "HACCP", "GR", "PR", "HR"})


#: ordinals that open a phrase NER may take for a body's name: 'Первой задачей комитета'
ORDINALS = {"первый", "второй", "третий", "главный", "основной", "ключевой"}
#: what an ordinal phrase is about when it is no body: 'Первой задачей комитета', 'Главной целью фонда'
ABSTRACT_HEADS = {"задача", "цель", "итог", "шаг", "приоритет", "мера", "вопрос", "проблема", "решение", "результат"}


def _plural_product(surface: str) -> bool:
    """One quoted word read only as a plural noun («Туманы», «Кировцы»): a make of machines counted, no body."""
    word = re.fullmatch(r"[«\"]([А-ЯЁ][а-яё]+)[»\"]", surface.strip())
    nouns = [p for p in nlp.parse(word.group(1)) if p.tag.POS == "NOUN"] if word else []
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


def is_noise(surface: str) -> bool:
    """NER noise: bare place tags ('РФ', 'России'), fragments without a noun, lower-case starts,
    line breaks inside, names of legal acts."""
    ws = nlp.words(surface)
    if not ws or not surface[:1].isupper() or "\n" in surface:
        return True
    if all(nlp.lemma(w) in PLACE_NOISE for w, _, _ in ws) or (len(ws) == 1 and nlp.lemma(ws[0][0]) in ACT_WORDS):
        return True
    rest = ws[1:]
    if ws[0][0] in COMMON_ABBREVIATIONS and (
        not rest
        or regions.find(surface[ws[1][1] :])
        or all(nlp.lemma(w) in PLACE_NOISE for w, _, _ in rest)
        or (len(rest) == 1 and "Geox" in nlp.parse(rest[0][0])[0].tag)  # 'НПЗ Белоруссии': of a country
    ):
        return True  # 'ОПК', 'ОЭЗ', 'АПК ДНР', 'ОПК России': a kind of thing (of a region, of the country), not a body
    if SITE_ADDRESS.fullmatch(surface):
        return True
    if re.fullmatch(r"[NМ№]\s?\d+", surface) or re.fullmatch(
        r"(?i)(?:совет\w*\s+директоров|отдел\w*\s+[а-яё]+|операционн\w+\s+офис\w*|(?:дом|двор(?:ец|ц))\w*\s+культуры"
        r"|групп\w{0,3}\s+компани\w{0,3})",
        surface,
    ):  # 'заказу N518': an order's number; 'Совет Директоров', 'Отдел продаж', 'Операционный офис' alone: a company's
        return True  # unit; 'Дом культуры' alone: a kind of venue; 'Группы компаний ПАО «…»': the kind before a name
    if len(ws) == 2 and nlp.lemma(ws[1][0].lower()) in ("дворец", "дом") and ws[0][0][:1].isupper():
        return True  # 'Мариинский дворец', 'Белый дом': a building, the seat of a body, no body
    if ws[0][0] in ("ТЦ", "ТРЦ", "БЦ", "ЖК") or surface in STANDARDS:
        return True  # 'ТЦ «Метро»', 'ЖК «…»': a building, a landmark; 'GMP', 'ISO': a standard, no body
    if _plural_product(surface):
        return True  # 'отечественные «Туманы» и «Кировцы»': tractors by their make, in the plural, no body
    if re.fullmatch(orgrules.LEGAL_FORMS, surface):
        return True  # 'регион и АО заключили соглашение': a company's form alone, the company named before
    if surface == "УК":
        return True  # 'управляющие компании (УК) технопарков': the kind, not one company (not 'УК «…»')
    if nlp.lemma(ws[0][0].lower()) in ORDINALS and len(ws) > 1 and nlp.lemma(ws[1][0].lower()) in ABSTRACT_HEADS:
        return True  # 'Первой задачей комитета Елин назвал …': the committee's task, no body
    if surface.startswith("Ъ-"):
        return True  # 'Ъ-Южный Урал': a regional edition of the «Коммерсантъ», a source
    if ws[0][0] in PLACE_ABBREVIATIONS or (len(ws) == 2 and ws[1][0] in PLACE_ABBREVIATIONS):
        return True  # 'ЗАТО Северск', 'ЗАТО России', 'Сибирские ТОСЭР': a territory, its administration is the body
    if len(ws) <= 2 and INFORMATION_SYSTEM.fullmatch(ws[0][0]):
        return True  # 'ГИСП', 'ФГИС', 'ЕГАИС', 'ГИС ЖКХ': a state information system, not a body
    if len(ws) == 1 and re.fullmatch(r"[А-ЯЁA-Z]{1,}-\d+", ws[0][0]):
        return True  # 'ПМЭФ-2023', 'МС-21', 'БКПРУ-4', 'С-125': an event, a product, a works' unit by its number
    if len(ws) == 1 and ws[0][0].isupper() and ws[0][0].lower() in RUBRICS:
        return True  # 'НОВОСТИ' on a line of its own: a site's rubric
    first = nlp.parse(ws[0][0])[0]
    if (
        first.tag.POS in ("PREP", "INFN")  # 'Создать государственный концерн …': a decree's order, no body
        or ROLE_WORD.fullmatch(ws[0][0].lower())
        or head_lemma(surface)
        in EVENT_HEADS | SECTOR_HEADS | PLAN_HEADS | SUPPORT_HEADS | SYMBOL_HEADS | PREMISES_HEADS
    ):
        return True  # 'От имени …', 'Министру обороны РФ' (a post), 'Расширенное заседание' (a meeting),
        # 'Генеральный план развития …' (a document)
    if len(ws) == 1 and ws[0][0].isupper() and len(ws[0][0]) > 4 and "Geox" in nlp.parse(ws[0][0].capitalize())[0].tag:
        return True  # 'ЕКАТЕРИНБУРГ. Депутаты …': a dateline's place in capitals
    if len(ws) == 1 and ws[0][0].isupper() and len(ws[0][0]) > 1:
        return False  # an abbreviation
    return not any(nlp.parse(w)[0].tag.POS == "NOUN" for w, _, _ in ws)


#: Latin letters of a site's short name as the Cyrillic letters of its abbreviation ('mk.ru': «МК»)
_LATIN_ABBR = dict(zip("abcdefghiklmnoprstuvz", "АБКДЕФГХИКЛМНОПРСТУВЗ", strict=True))


def outlet_initials(outlet: str | None) -> str | None:
    """The initials of an outlet's name of two or more words, a note in brackets left out («Московский
    комсомолец» is «МК»)."""
    ws = re.sub(r"\s*\(.*", "", outlet or "").split()
    return "".join(w[0] for w in ws).upper() if len(ws) >= 2 and all(w[1:].islower() for w in ws) else None


def site_abbreviation(url: str | None) -> str | None:
    """The abbreviation a site's short domain spells ('https://mk.ru/…': «МК», 'rbc.ru': «РБК»)."""
    site = re.match(r"https?://(?:www\.|m\.|amp\.)?([a-z]{2,4})\.[a-z]{2,3}/", url or "")
    if site is None or not all(ch in _LATIN_ABBR for ch in site.group(1)):
        return None
    return "".join(_LATIN_ABBR[ch] for ch in site.group(1))


#: an interview's question label opening a paragraph («GUIDE: Александр Николаевич, …») and a medium's
#: correspondent («корреспонденту GUIDE Анне …»): the name is the medium's
INTERVIEWER = re.compile(r"^(?:«([^«»\n]{1,20})»|([A-ZА-ЯЁ][A-ZА-ЯЁ0-9.\-]+)):\s+[А-ЯЁA-Z«—–-]", re.MULTILINE)
#: a medium an interview is given to: «в интервью «ДП»», «интервью РБК»
INTERVIEW = re.compile(r"интервью\s+(?:«([^«»\n]{1,30})»|([A-ZА-ЯЁ][A-ZА-ЯЁ0-9.\-]+)(?![\w-]))")
CORRESPONDENT = re.compile(
    r"(?:корреспондент|корр\.)[а-я]{0,3}\s+«?([A-ZА-ЯЁ][A-ZА-ЯЁ0-9.\-]+|[A-ZА-ЯЁ][^«»\n]{0,20}(?=»))"
)


def interviewers(text: str) -> list[str]:
    """Names of media an article is an interview for or quotes its correspondent from, not the alias
    table's bodies."""
    names = {m.group(1) or m.group(2) for m in INTERVIEWER.finditer(text)}
    names |= {m.group(1) for m in CORRESPONDENT.finditer(text)}
    names |= {m.group(1) or m.group(2) for m in INTERVIEW.finditer(text)}
    known = {n.lower() for a in ALIASES for n in (a.ru, *a.alt_ru)}
    return sorted(n for n in names if n.lower() not in known)


#: the alias table's names, lower case: an outlet so named is the body's own site, no medium
ALIAS_NAMES = frozenset(n.lower() for a in ALIASES for n in (a.ru, *a.alt_ru))


def media_spans(text: str, outlet: str | None, url: str | None = None) -> list[tuple[int, int]]:
    """The media's names in the text; the outlet's initials and its site's abbreviation only in quotes,
    as a medium is cited («по прогнозу «МК»»; a party's own site names the party unquoted)."""
    out = []
    own = outlet is not None and outlet.lower() in ALIAS_NAMES  # a body's own site: «РСПП», «Минпромторг России»
    # 'ГАРАНТ.РУ' is also «ГАРАНТ» in its own text ('в системе ГАРАНТ')
    bare = re.sub(r"\.(?:ру|ru|рф)$", "", outlet or "", flags=re.IGNORECASE)
    names = [outlet, *([bare] if len(bare) > 2 and bare != outlet else [])] if outlet and not own else []
    for name in [*MEDIA, *names, *interviewers(text)]:
        written = re.escape(name) if name.isupper() else f"(?:{re.escape(name)}|{re.escape(name.upper())})"
        glued = r"(?<![\w.-])" if len(name) <= 3 else r"(?<![\w])"  # not «ВК» of «ЗАО «Чек-Су.ВК»»
        for m in re.finditer(rf"{glued}{written}{MEDIA_SERVICE}(?![\w])", text):
            out.append((m.start(), m.end()))
    for short in {outlet_initials(outlet), site_abbreviation(url)} - {None}:
        out += [(m.start(), m.end()) for m in re.finditer(rf"«{short}»", text)]
    # 'Тюменская линия (tumen1.ru)': the outlet's name without its site's note, quoted after a medium's word
    # ('агентства "Тюменская линия"'; a party's or an association's own site names the body otherwise)
    named = re.sub(r"\s*\([^()]*\)\s*$", "", outlet or "")
    if named and named != outlet:
        out += [
            (m.start(1), m.end(1))
            for m in re.finditer(rf"{MEDIUM_WORD}[«\"]({re.escape(named)})[»\"]", text, re.IGNORECASE)
        ]
        # 'Читайте НСН: Новости | Дзен': the site's own call to read it
        out += [m.span(1) for m in re.finditer(rf"(?<![\w-])Читайте\s+({re.escape(named)})(?![\w-])", text)]
    out += [m.span(1) for m in EDITORS_TAG.finditer(text)]
    return out


#: a medium's kind right before its quoted name: 'информационного агентства "…"', 'газеты «…»', 'ИА "…"'
MEDIUM_WORD = r"(?<![\w-])(?:агентств|издани|газет|журнал|портал|телеканал|радиостанци|ИА|РИА)[а-яё]{0,3}(?:\s+[а-яё]+){0,2}\s+"  # 'портал городских новостей «…»': two words of what it covers between
#: an agency's regional service after its name: «Интерфакс-Юг», «ИНТЕРФАКС СЕВЕРО-ЗАПАД», «ТАСС Кавказ»
MEDIA_SERVICE = (
    r"(?:[ \u00a0]?[-–]?[ \u00a0]?(?i:северо-запад|юг|урал|сибирь|поволжье|центр|кавказ|дальний восток|крым"
    r"|черноземье|приволжье))?"
)
#: the agency's tag closing an editor's note in brackets: '(речь о создании фонда - ИФ)', '(… — прим. ТАСС)'
EDITORS_TAG = re.compile(r"\([^()\n]{3,200}?\s[-—–]\s*(?:прим\.\s*)?([A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{1,10})\)")


#: a report's source at the end of its sentence: «об этом пишет RIA56.», «сообщает с места событий корр. …»
CITED = re.compile(
    r"(?:пиш\w{2,3}|писал[аои]?|сообща\w{2,3}|сообщил[аои]?|переда[её]\w{1,2})(?:\s+с\s+места\s+событий)?"
    r"(?:\s+(?:корр\.|корреспондент\w*|телеграмм?-канал\w*|издани\w+|газет\w+|агентств\w+))?\s+$",
    re.IGNORECASE,
)
#: a news agency's name: «РИА …», «ИА …», «… агентство новостей», «информационное агентство …»
AGENCY = re.compile(
    r"(?:РИА|RIA|ИА|НИА)(?:\s|_|\d|$)|.*агентств\w*\s+новостей|информационн\w+\s+агентств", re.IGNORECASE
)


def generic_at_sentence_start(text: str, start: int, surface: str) -> bool:
    """'Промышленный технопарк собираются построить …', 'Калужское предприятие возьмет заем': an adjective
    and a kind of thing, capitalised only because a sentence starts there, name nothing."""
    ws = surface.split()
    before = text[:start].rstrip(" \u00a0")
    if before[-1:] in ("«", '"', "„", "“"):  # '«Судостроительный завод сейчас трудится …»': a quote opens the sentence
        before = before[:-1].rstrip(" \u00a0")
    if before[-1:] in ("-", "–", "—") and before[:-1].rstrip(" \u00a0")[-1:] in ("", "\n"):
        before = before[:-1].rstrip(" \u00a0")  # '- Промышленный технопарк … - заявил Имя': a dash opens the speech
    if len(ws) != 2 or not ws[1].islower() or before[-1:] not in ("", ".", "!", "?", "\n", ":"):
        return False
    head = nlp.lemma(ws[1])
    ordinal = any("Anum" in p.tag for p in nlp.parse(ws[0].lower())[:1])  # 'Первой сделкой Фонда …'
    # 'Специальная комиссия одобрила …': a body by a word that says only what kind of one it is
    unnamed = nlp.lemma(ws[0].lower()) in UNNAMING_ADJECTIVES and head in orgrules.BODY_HEADS
    return head in orgrules.DESCRIPTORS or head in orgrules.NOT_ORG or ordinal or unnamed


#: adjectives that, alone before a body's head, name no body: 'Специальная комиссия', 'Новый совет'
UNNAMING_ADJECTIVES = {"специальный", "новый", "особый", "отдельный", "временный", "профильный", "соответствующий"}


#: a medium by its kind of name: «Российская газета», «Общественная служба новостей», «журнал «Эксперт»»,
#: «телеканал «Россия 24»», «Лента новостей» (a newspaper, magazine, channel or news service is no body here)
MEDIUM_NAME = re.compile(
    r"(?<![\w-])(?:газет|журнал(?!ист)|телеканал|радиостанци|телерадиокомпани|информагентств|медиахолдинг)\w*"
    r"|(?:служб|лент|агентств)\w*\s+(?:\w+\s+)?новостей(?![\w-])",
    re.IGNORECASE,
)


def cited_medium(text: str, start: int, end: int) -> bool:
    """A name NER took for an organisation that is the medium a report is quoted from."""
    if AGENCY.match(text[start:end]) or MEDIUM_NAME.search(text[start:end]):
        return True
    before = text[max(0, start - 80) : start]
    if SHOW_BEFORE.search(before):
        return True  # 'в прямом эфире телепрограммы «Губернаторский час»': a programme, no body
    if CITED.search(before) and re.match(r"\s*(?:[.!]|$)", text[end:]):
        return True
    # «как пишет "Петербургский дневник", …», «Как ранее писала НСН со ссылкой на …»: the source, mid-sentence
    if AS_CITED.search(before) and re.match(r"[»\"]?\s*(?:[.!,]|со\s+ссылкой|$)", text[end:]):
        return True
    # «сказал «Новому Региону» глава …»: a quoted name in the dative right after a verb of telling, the medium told
    if TOLD_BY_VERB.search(before) and _dative_name(text[start:end]):
        return True
    # «В федеральном агентстве … «Новому Региону» рассказали, что …»: the quoted dative right before the verb
    quoted = re.search(r"[«\"]$", before) is not None or text[start : start + 1] in ("«", '"')
    if quoted and _dative_name(text[start:end].strip('«»"')) and TOLD_AFTER.match(text, end):
        return True
    # «Информационное агентство "ТК Город" сообщает об этом»: the agency named as it reports
    if AGENCY_WORD.search(before) and AGENCY_REPORTS.match(text, end):
        return True
    # «в пресс-службе агентству ЕАН рассказали», «газете "Ведомости" сообщил»: the medium told, not a body of the news
    return bool(TOLD_MEDIUM.search(before) or ABOUT_THIS.search(before)) and bool(TELLING.match(text[end:]))


#: a programme's or a film's kind right before its quoted title
SHOW_BEFORE = re.compile(
    r"(?<![\w-])(?:теле|радио)?(?:программ|передач|шоу|фильм|сериал|рубрик)\w*\s+[«\"]?$", re.IGNORECASE
)
#: an agency's kind right before its quoted name, and its verb of reporting after it
AGENCY_WORD = re.compile(r"(?<![\w-])(?:[Ии]нформационн\w+\s+)?[Аа]гентств\w+\s+[«\"]?$")
AGENCY_REPORTS = re.compile(r"[»\"]?\s+(?:сообщает|сообщило|передает|передаёт|пишет|информирует)(?![\w-])")
#: a verb of telling right after a quoted name: '«Новому Региону» рассказали'
TOLD_AFTER = re.compile(r"[»\"]?\s+(?:рассказал|сообщил|сказал|пояснил|заявил|уточнил)[аи]?(?![\w-])")
#: a verb of telling right before a quoted name: «сказал «…»», «рассказали "…"»
TOLD_BY_VERB = re.compile(r"(?<![\w-])(?:рассказал|сообщил|сказал|пояснил|заявил|уточнил)[аи]?\s+[«\"]$")


def _dative_name(name: str) -> bool:
    """'Новому Региону': every word in the dative (the one told), none in the nominative."""
    cases = [{p.tag.case for p in nlp.parse(w.lower())} for w, _, _ in nlp.words(name)]
    return bool(cases) and all("datv" in c and "nomn" not in c for c in cases)


#: «как пишет», «как ранее сообщала»: the name after it is the medium reported from
AS_CITED = re.compile(
    r"(?<![\w])как\s+(?:(?:ранее|уже|сегодня|вчера)\s+)?(?:пиш\w{2,3}|писал[аои]?|сообща\w{2,3}|сообщил[аои]?)"
    r"(?:\s+(?:ранее|уже))?"  # 'Как сообщало ранее АБН'
    r"(?:\s+(?:издани\w+|газет\w+|агентств\w+|телеканал\w*))?\s+[«\"]?$",
    re.IGNORECASE,
)


#: a medium as the one told something: «агентству», «изданию», «газете», «порталу», «телеканалу» before its name
TOLD_MEDIUM = re.compile(r"(?<![\w-])(?:агентству|изданию|газете|журналу|порталу|телеканалу|радиостанции)\s+[«\"]?$")
#: «Об этом "Вечернему курьеру" рассказал …»: a quoted name between «об этом» and a verb of telling is the medium told
ABOUT_THIS = re.compile(r"(?<![\w-])[Оо]б\s+этом\s+[«\"]$")
#: a verb of telling within a few words after the medium's name: «ЕАН рассказали», «"Ведомости" сообщил»
TELLING = re.compile(
    r"[»\"]?(?:\s+[а-яё-]+){0,3}?\s+(?:рассказ|сообщ|поясн|заяв|уточн|сказа|подтверд|прокомментир)\w*", re.IGNORECASE
)


#: a ministry's short name after «федеральный»: 'с федеральным Минпромом'
FEDERAL_SHORT = re.compile(r"(?<![\w-])федеральн[а-яё]*\s+(Мин[а-яё]+)(?![\w-])", re.IGNORECASE)


def extract_orgs(
    text: str,
    spans: list[nlp.Span],
    entries: list[Entry],
    layout: Layout | None = None,
    outlet: str | None = None,
    blocked: Iterable[tuple[int, int]] = (),
    url: str | None = None,
) -> list[Candidate]:
    """``blocked``: spans that are something else (instruments, legal acts); ``url``: the article's
    address (its site's abbreviation is the medium)."""
    layout = layout or Layout()
    spans = _join_dangling(text, _split_appositions(text, spans))
    cands: dict[str, Candidate] = {}
    claimed: list[tuple[int, int]] = []
    thing_spans = orgrules.thing_lists(text)  # a list of quoted names after a park's word: the parks' names, no bodies
    no_go = [*layout.excluded, *media_spans(text, outlet, url), *blocked, *thing_spans]
    no_go += [m.span() for m in SITE_FURNITURE.finditer(text)] + [m.span() for m in BUILDING.finditer(text)]
    region_spans = [(r.start, r.end) for r in regions.find(text)]

    def overlaps(s: int, e: int, where: list[tuple[int, int]]) -> bool:
        return any(s < ce and cs < e for cs, ce in where)

    def add(key: str, make, men: Mention) -> Candidate:
        c = cands.get(key)
        if c is None:
            c = cands[key] = make()
        c.add(men)
        claimed.append((men.start, men.end))
        return c

    branch_mentions = list(BRANCH.finditer(text))
    no_go += [(m.start(), m.end("head")) for m in branch_mentions]  # the branch is one body, not two
    regional_of: dict[str, tuple[Entry, set[str]]] = {}  # a federal body's slug -> its regional counterparts here
    by_anaphora: list[tuple[str, str, Mention]] = []  # 'регионального фонда …': (slug, key, mention)
    # 1. gazetteer (alias table, existing organisations); a federal body named with a region is the
    #    region's body ('Фонда развития промышленности Кубани', 'регионального Фонда …')
    for e, men in match_gazetteer(text, entries):
        if overlaps(men.start, men.end, no_go) or _inside_longer_quote(text, men.start, men.end):
            continue
        if e.alias is not None and e.alias.slug in COMPANY_SLUGS and _company_elsewhere(text, men, layout):
            continue
        if e.alias is not None and SUBSIDIARY_KIND.search(text, max(0, men.start - 6), men.start):
            continue  # 'УК «РОСНАНО»', 'ТД «…»': a company of its own, named after its parent (the legal-form rule)
        if (
            e.alias is not None
            and e.alias.cls == "PoliticalParty"
            and FACTION_BEFORE.search(text, max(0, men.start - 20), men.start)
            and men.text.upper() == men.text
        ):
            continue  # 'фракции «СПРАВЕДЛИВАЯ РОССИЯ – ЗА ПРАВДУ»': the faction's own name in capitals, as the Duma
            # writes it, the faction rule's (not 'члена фракции «Единая Россия»', a member of the party's group)
        if e.alias is not None and e.alias.slug == "cec-russia" and re.match(r"\s+(?:[Пп]арти|«)", text[men.end :]):
            continue  # 'ЦИК Партии': a party's central executive committee, no election commission
        line_of = BRAND_LINE.match(text, men.end) if e.alias is not None and e.alias.slug in COMPANY_SLUGS else None
        if line_of is not None and not overlaps(men.start, line_of.end(), layout.credits):
            label = f"{men.text} {line_of.group(1)}"  # 'Газпромбанк Лизинг': the parent's leasing company, its own
            add(
                orgrules.key_of(label),
                lambda label=label: orgrules.candidate(label, "Organization"),
                Mention(men.start, line_of.end(), text[men.start : line_of.end()]),
            )
            continue
        if _longer_regional_ministry(text, men):
            continue
        longer = _longer_regional_name(text, men)
        if longer is not None:  # 'Фонда развития промышленности и венчурных инвестиций … Калужской области'
            label = inflect_phrase(men.text, "nomn") + text[men.end : longer]
            add(
                orgrules.key_of(label),
                lambda label=label: orgrules.candidate(label, None),
                Mention(men.start, longer, text[men.start : longer]),
            )
            continue
        pair = orgrules.coordinated_counterparts(text, e, men)
        for label, body_cls, pmen, as_written in pair:
            if not overlaps(pmen.start, pmen.end, no_go):
                body = add(
                    orgrules.key_of(label), lambda label=label, cls=body_cls: orgrules.candidate(label, cls), pmen
                )
                if as_written and as_written != label and as_written not in body.alt_ru:
                    body.alt_ru.append(as_written)  # 'Фонд развития промышленности Карелии'

        if pair:
            continue
        regional = orgrules.regional_counterpart(text, e, men)
        if regional is not None:
            label, body_cls, men = regional
            # a credit names only bodies already known: a region's body built here is no entity there
            if not overlaps(men.start, men.end, no_go) and not overlaps(men.start, men.end, layout.credits):
                key = orgrules.key_of(label)
                add(key, lambda label=label, cls=body_cls: orgrules.candidate(label, cls), men)
                if e.alias is not None:
                    regional_of.setdefault(e.alias.slug, (e, set()))[1].add(key)
                    if REGIONAL_WORD.match(men.text) and not regions.find(men.text):
                        by_anaphora.append((e.alias.slug, key, men))
                written = inflect_phrase(men.text, "nomn")  # 'Фонд развития промышленности Башкирии'
                # 'государственный фонд …' of the region named before: also with the region
                described = (
                    not regions.find(written)
                    and written.split()[-1].lower() not in orgrules.ANAPHORA
                    and re.match(r"(?i)(?:государствен|некоммерческ|регионал|областн|краев|республиканск)", written)
                    is not None
                )
                owned = f"{written}{label[len(orgrules._base(e.label_ru)) :]}" if described else None
                state = (
                    re.match(r"(?i)государствен|некоммерческ", written) is not None
                )  # 'государственный фонд …': of its region only
                for alt in (None if state else written, owned):
                    if alt and key in cands and alt != label and alt not in cands[key].alt_ru:
                        cands[key].alt_ru.append(alt)
                where = regions.find(label)
                short = f"{e.surface} {label[where[-1].start :]}" if where and " " not in e.surface else None
                if key in cands and short and short != label and short not in cands[key].alt_ru:
                    cands[key].alt_ru.append(short)  # 'Минэкономразвития Ростовской области'

            continue
        if e.alias is None and overlaps(men.start, men.end, layout.credits):
            continue
        key = f"alias:{e.alias.slug}" if e.alias else f"iri:{e.iri}"
        form = re.search(rf"(?<![\w])(?:{orgrules.LEGAL_FORMS})\s*$", text[max(0, men.start - 8) : men.start])
        if form is not None and men.text.startswith("«") and men.text.endswith("»"):  # 'АО «Объединённая …»'
            men = Mention(men.start - len(form.group()), men.end, text[men.start - len(form.group()) : men.end])
        body = add(key, lambda e=e: alias_candidate(e), men)
        if form is not None and men.text not in body.alt_ru and men.text != body.label_ru:
            body.alt_ru.append(re.sub(r"\s+", " ", men.text))
    # 'согласовывали с федеральным Минпромом': a ministry's short name marked federal is the federal ministry, even
    # where the article calls a region's ministry by the same short name
    federal = {x.surface.lower(): x for x in entries if x.alias is not None and x.surface.endswith(" России")}
    federal_spans: list[tuple[int, int]] = []
    for m in FEDERAL_SHORT.finditer(text):
        fed = federal.get(f"{nlp.lemma(m.group(1).lower())} россии")
        if fed is None or fed.alias is None or overlaps(m.start(1), m.end(1), no_go):
            continue
        body = add(
            f"alias:{fed.alias.slug}", lambda fed=fed: alias_candidate(fed), Mention(m.start(), m.end(1), m.group())
        )
        federal_called = inflect_phrase(m.group(), "nomn")  # 'федеральный Минпром': as the text calls it
        federal_called = federal_called[:1].lower() + federal_called[1:]
        if federal_called not in body.alt_ru:
            body.alt_ru.append(federal_called)
        federal_spans.append(m.span())
    _merge_anaphoric(cands, regional_of, by_anaphora)
    _regional_bare_government(text, cands)
    # 2. named shapes: 'ООО «…»', 'индустриальный парк «…»', 'комитет Госдумы по …', 'министерство … области'
    unit_spans: list[tuple[int, int]] = []  # the units named here: a region's government inside one is its owner
    for label, cls, men in orgrules.named(text, list(cands.values()), region_spans):
        park = cls == "IndustrialSite"
        if overlaps(men.start, men.end, [s for s in no_go if not park or s not in thing_spans]):
            continue
        if overlaps(men.start, men.end, layout.credits) or overlaps(men.start, men.end, federal_spans):
            continue
        if label in COMMON_ABBREVIATIONS or label.split()[0] in PLACE_ABBREVIATIONS:
            continue
        misprint = None if orgrules.LOWER_MINPROM.fullmatch(men.text) else _misprint_of(men.text, entries)
        quoted_name = re.fullmatch(r"[А-Яа-яЁё]+\s+«([^«»\s]+)»", men.text)
        if misprint is None and quoted_name is not None:  # 'заводе «Ростмельмаш»': a known company's name misspelt
            misprint = _misprint_of(
                quoted_name.group(1), [e for e in entries if e.alias and e.alias.slug in COMPANY_SLUGS]
            )
        if misprint is not None and not overlaps(men.start, men.end, claimed):  # 'Минэкономразвитя'
            slug, entry = misprint
            _add_misprint(add(f"alias:{slug}", lambda e=entry: alias_candidate(e), men), men.text)
            continue
        key = orgrules.key_of(label)
        # 'департамент … Минпромторга': its owner inside (not 'корпорация развития «ВЭБ.РФ»', a company's own name)
        unit = nlp.lemma(label.split()[0]) in orgrules.UNIT_HEADS - orgrules.REGION_ONLY_HEADS
        named_too = (
            unit
            or cls in ("LegislativeBody", "IndustrialSite")
            # 'министерство … правительства Новосибирской области': the government inside is named too
            or (cls == "Ministry" and re.search(r"(?i)\sправительства\s", men.text) is not None)
        )  # 'комитет заксобрания края': the legislature is named too
        # 'департаментом … администрации края': the administration, owner of the unit, is named too
        unit_owner = cls == "RegionalGovernment" and any(s <= men.start and men.end <= e for s, e in unit_spans)
        if unit:
            unit_spans.append((men.start, men.end))
        if (
            key in cands
            or not overlaps(men.start, men.end, claimed)
            or orgrules.is_body_of(label)
            or named_too
            or unit_owner
        ):
            body = add(key, lambda label=label, cls=cls: orgrules.candidate(label, cls), men)
            park_name = re.fullmatch(r"[^«»]+ («[^«»]+»)", label) if park else None
            if park_name is not None and park_name.group(1) not in body.alt_ru:
                body.alt_ru.append(park_name.group(1))  # 'Индустриальный парк «Грабцево»' is «Грабцево» too
            as_called = inflect_phrase(men.text, "nomn") if _generic_regional(men.text) else None
            if (
                unit
                and as_called is None
                and not regions.find(men.text)
                and nlp.lemma(men.text.split()[0].lower()) in orgrules.UNIT_HEADS
            ):
                # 'Управление инвестиций возглавила Имя' of the administration named before: the unit as the text
                # calls it, its owner left to the reader
                bare = orgrules._cap(inflect_phrase(men.text, "nomn"))
                # the label is the name and its owner, or the region the text points at ('… регионального правительства')
                as_called = bare if label.startswith(bare + " ") or regions.find(label) else None
            if as_called and as_called != body.label_ru and as_called not in body.alt_ru:
                body.alt_ru.append(as_called)  # 'краевая администрация': the region's body as the text calls it
            called = (
                orgrules.with_adjective(men.text, label)
                if unit and orgrules.REGIONAL_ADJECTIVE.match(men.text)
                else None
            )
            if called and called not in body.alt_ru:  # «региональная служба по тарифам …»: also as called
                body.alt_ru.append(called)
            as_written = orgrules._cap(inflect_phrase(men.text, "nomn")) if called else ""
            if as_written and as_written not in body.alt_ru and as_written != body.label_ru:
                body.alt_ru.append(as_written)  # «областной департамент промышленности»: also as written, bare
            full = orgrules.unit_with_full_owner(label, men, list(cands.values())) if unit else None
            if full and full not in body.alt_ru:  # '… Минпромторга России': also '… Министерства … Федерации'
                body.alt_ru.append(full)
    # 2b. a list of quoted names («А», «Б» и «В») after a plural word for companies, or with one of its
    #     names an organisation (NER's or the rules'): every name of it is one
    ner_orgs = [(sp.start, sp.end) for sp in spans if sp.type == "ORG"]
    for items, companies in orgrules.quoted_lists(text):
        inner = [(i.start + 1, i.end - 1) for i in items]
        if not companies and not any(overlaps(s, e, ner_orgs) or overlaps(s, e, claimed) for s, e in inner):
            continue
        if not companies and all(_plural_product(i.text) for i in items):
            continue  # 'как отечественные «Туманы» и «Кировцы»': makes of machines, no bodies
        if TERRITORIES_BEFORE.search(text[max(0, items[0].start - 80) : items[0].start]):
            continue  # 'создать ТОРы "Надеждинская" и "Хабаровск"': territories, not bodies
        for men in items:
            if overlaps(men.start, men.end, claimed) or overlaps(men.start, men.end, no_go):
                continue
            kind = LISTED_KIND.search(text, max(0, men.start - 8), men.start)
            if kind is not None and kind.group(1) not in COMMON_ABBREVIATIONS and not regions.find(kind.group(1)):
                men = Mention(kind.start(), men.end, text[kind.start() : men.end])  # 'НТЦ «Модуль» и «Аквариус»'
            label = orgrules.guillemets(men.text)
            add(orgrules.key_of(label), lambda label=label: orgrules.candidate(label, "Organization"), men)
    # 3. NER organisations not covered; a place right after an organisation is part of its name
    #    ('Правительства Удмуртской Республики', '… России'), never an entity
    locs = {sp.start: sp for sp in spans if sp.type == "LOC"}
    known = {e.lemmas for e in entries}
    owners: set[tuple[int, int]] = set()
    for sp in spans:
        if sp.type != "ORG":
            continue
        sp = _without_leading_participle(text, sp)
        end = _trim_org(text, sp.start, sp.end)
        end = _coordinated_field(text, sp.start, end)
        joined = _aim_with_owner(text, sp.start, end, spans)
        if joined is not None:  # 'Фонд развития Центра разработки …': one name, what it develops its own name
            end = joined
        power = ORGANS_OF_POWER.match(text, end) if text[sp.start : end].endswith("органов") else None
        if end == sp.end and power is not None and power.end() in locs:
            end = locs[power.end()].end
        nxt = re.match(r"[ \u00a0]+", text[end:])
        if end == sp.end and nxt and end + nxt.end() in locs:
            end = locs[end + nxt.end()].end
        end = extend_org(text, sp.start, end) if head_lemma(text[sp.start : end]) in EXTENDABLE_HEADS else end
        end = _field_abbreviation_after(text, sp.start, end)
        field = orgrules.FIELD_ABBREVIATION.match(text, end)
        end = field.end() if field is not None else end  # '… реабилитации участников СВО': a field's abbreviation
        body_abbr = re.fullmatch(r"[А-ЯЁ]{2,3}", text[sp.start : end]) is not None  # 'ЦК КПРФ', 'ГУ МЧС'
        owned_head = head_lemma(text[sp.start : end]) in OWNED_HEADS or body_abbr
        owner = OWNER_NAME.match(text, end) if owned_head else None
        owner = None if body_abbr and owner is not None and not owner.group().strip().isupper() else owner
        if body_abbr and owner is not None:
            owners.add((owner.start() + 1, owner.end()))  # the owner stays an organisation of its own
        end = owner.end() if owner is not None else end  # 'Воронежское региональное отделение СоюзМаш'
        start, own_end = sp.start, end
        land = REGIONAL_PAIR.search(text[max(0, start - 60) : start])
        if land is not None and text[start : start + 1].isupper():  # 'Свердловского областного Союза …'
            start -= len(land.group())
        board = BOARD_OF.match(text, start, end)
        if board is not None and orgrules.BOARD_POST.search(text[max(0, start - 30) : start]):
            start = board.end()  # 'Председатель Правления Промсвязьбанка': a post in the bank, not its board
        of = (
            next((x for x in claimed if x[0] == end + 1 and text[x[0]] == "«"), None)
            if text[end : end + 1] == " "
            else None
        )
        if of is not None:
            end = of[1]  # 'Патриотической платформы «Единой России»': a body of the organisation named after it
        if text[start:end].count("«") > text[start:end].count("»") and text[end : end + 1] == "»":
            end += 1  # 'ООО «Ромашка' -> 'ООО «Ромашка»'
        if "(" in text[start:end] and ")" not in text[start:end]:  # 'Фонд национального благосостояния (ФНБ'
            end = start + len(text[start:end].split("(")[0].rstrip())
        taken = overlaps(start, own_end, claimed) and (start, end) not in owners
        head, _, rest = text[start:end].partition(" ")
        if taken and rest and nlp.lemma(head.lower()) in ("коллегия", "совет", "президиум"):
            owner_at = start + len(head) + 1  # 'Коллегией Евразийской экономической комиссии': the owner's
            taken = any(cs < own_end and start < ce and cs < owner_at for cs, ce in claimed)  # name claimed
        if taken or overlaps(start, end, no_go) or overlaps(start, end, layout.credits):
            continue
        if text[start:end].isupper() and any(s <= start and end <= e for s, e in layout.authors):
            continue  # 'Егор ИВЛЕВ': an author's surname in capitals, no abbreviation of a body
        if any(s <= start and end <= e for s, e in region_spans) or orgrules.not_an_org(text, start, end):
            continue
        surface = text[start:end]
        if is_noise(surface) or cited_medium(text, start, end) or generic_at_sentence_start(text, start, surface):
            continue
        if _region_then_description(surface):
            continue  # 'в Бурятии горно-обогатительного комбината': the place, then what is built there
        if _building_caption(text, start, surface, layout) or _capitals_line(text, start):
            continue  # 'Дом Советов в Оренбурге' under a photo; a headline in capitals
        if _tail_of_named(text, start, surface, cands.values()):
            continue  # 'В «Яр Парке» …' after ООО «Кравт Яр Парк»: the company's project, by its name's tail
        if nlp.lemma_key(surface) in known:  # the alias table's name: the gazetteer has decided
            continue
        misprint = _misprint_of(surface, entries)
        if misprint is not None:  # the alias table's one-word name with a misprint
            slug, entry = misprint
            men = Mention(start, end, surface)
            _add_misprint(add(f"alias:{slug}", lambda e=entry: alias_candidate(e), men), surface)
            continue
        label = inflect_phrase(surface, "nomn")
        tail = orgrules.region_after(text, end)
        if tail is not None and not regions.find(surface):  # 'Торгово-промышленная палата региона'
            region, end = tail
            surface = text[start:end]
            label = f"{label} {regions.genitive(region)}"
        hosted = None
        if tail is None and orgrules.ATTACHED_TO.match(text, end):  # '… при …': the names it may sit at, so far
            owner_ends: dict[int, int] = {}
            for cs, ce in [*claimed, *ner_orgs]:
                owner_ends[cs] = max(ce, owner_ends.get(cs, ce))
            hosted = orgrules.hosted_end(text, start, end, owner_ends)
        if hosted is not None:  # 'Молодёжного парламента при Госдуме': a generic name takes the body it sits at
            label, end = label + text[end:hosted], hosted
            surface = text[start:end]
        lem = nlp.lemma_key(label)
        head_only = len(lem) == 1 and not _is_abbrev(label) and start == sp.start
        if head_only:  # a bare head noun: the one body of that kind, if any
            same = [c for c in cands.values() if c.lemmas and c.lemmas[0] == lem[0]]
            if len(same) == 1:
                same[0].add(Mention(start, end, surface))
            continue
        key = orgrules.key_of(label)

        def make(label=label, lem=lem, key=key) -> Candidate:
            c = Candidate("org", key, label, translit(label), org_class(label), slugify(label), lemmas=lem)
            c.notes.append(
                (
                    "Новая организация из NER: проверить название, класс и английскую подпись (транслитерация).",
                    "New organisation from NER: check the name, class and English label (transliterated).",
                )
            )
            return c

        add(key, make, Mention(start, end, surface))
    # 3a. names in a plain list with an organisation ('в том числе КМПО, ICL, Таткран и КФУ')
    found = [(m.start, m.end) for c in cands.values() for m in c.mentions]
    persons = [(sp.start, sp.end) for sp in spans if sp.type == "PER"]
    for men in orglists.listed_names(text, found, persons, claimed):
        if overlaps(men.start, men.end, no_go) or overlaps(men.start, men.end, layout.credits):
            continue
        if (
            SITE_ADDRESS.fullmatch(men.text)
            or men.text in COMMON_ABBREVIATIONS
            or men.text in PLACE_ABBREVIATIONS
            or cited_medium(text, men.start, men.end)
        ):
            continue
        label = orgrules.guillemets(men.text)
        add(orgrules.key_of(label), lambda label=label: orgrules.candidate(label, "Organization"), men)
    # 3a'. a seat of government for the body sitting there ('В Смольном уточнили', 'представитель Кремля')
    known_seats = {e.alias.ru: (e.alias.slug, e) for e in entries if e.alias is not None}
    for label, men in orgseats.seat_mentions(text):
        if overlaps(men.start, men.end, [*no_go, *layout.credits, *claimed]):
            continue
        if (seat := known_seats.get(label)) is not None:  # 'чиновника Белого дома': the federal government's entry
            add(f"alias:{seat[0]}", lambda e=seat[1]: alias_candidate(e), men)
            continue
        add(orgrules.key_of(label), lambda label=label: orgrules.candidate(label, "Organization"), men)
    # 3a''. a quoted name alone acting as a body ('В «Союзцементе» отметили', '«Союзцемент», просивший …')
    for men in orgseats.quoted_actors(text):
        if overlaps(men.start, men.end, [*no_go, *layout.credits, *claimed]) or cited_medium(text, men.start, men.end):
            continue
        word = men.text[1:-1]
        nominative = _genitive_name(word) if orgseats.after_head(text, men.start) else None
        label = f"«{nominative or inflect_phrase(word, 'nomn')}»"
        name = label.strip("«»").lower()
        if name in event_names(text) or name in orgrules.thing_names(text) or name in {x.lower() for x in MEDIA}:
            continue  # a show's, a thing's or a news agency's name ('по данным «Интерфакса»': the source)
        add(orgrules.key_of(label), lambda label=label: orgrules.candidate(label, "Organization"), men)
    # 3b. bodies of organisations NER found ('наблюдательного совета Делового объединения кластеров России'),
    #     ministries named through a minister's post ('замминистра промышленности и торговли РФ')
    spans_taken = {(mm.start, mm.end) for c in cands.values() for mm in c.mentions}
    for label, cls, men in orgrules.bodies(text, list(cands.values())):
        if overlaps(men.start, men.end, no_go) or overlaps(men.start, men.end, layout.credits):
            continue
        if (men.start, men.end) in spans_taken:  # 'областное управление по …': the region's unit (step 2)
            continue
        add(orgrules.key_of(label), lambda label=label, cls=cls: orgrules.candidate(label, cls), men)
    for label, men in orgrules.duma_factions(text):
        if not overlaps(men.start, men.end, [*no_go, *layout.credits]):
            add(orgrules.key_of(label), lambda label=label: orgrules.candidate(label, "Organization"), men)
    for m in PARTYS_FACTION.finditer(text):  # 'руководитель партийной фракции в Госдуме' of the party just named
        opening = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        parties = {
            c.key: c
            for c in cands.values()
            if c.cls == "PoliticalParty" and any(opening <= x.start < m.start() for x in c.mentions)
        }
        if len(parties) == 1 and not overlaps(m.start(), m.end(), no_go):
            named = next(iter(parties.values()))
            short = next((a for a in named.alt_ru if len(a) <= 6 and a.isupper()), None)
            name = short or re.sub(r"^Партия\s+", "", named.label_ru)
            label = f"Фракция {name} в Государственной Думе"
            men = Mention(m.start(), m.end(), m.group())
            body = add(orgrules.key_of(label), lambda label=label: orgrules.candidate(label, "Organization"), men)
            written = inflect_phrase(m.group(), "nomn")  # 'партийная фракция в Госдуме', as the text calls it
            if written not in body.alt_ru:
                body.alt_ru.append(written)
    for key, men in orgrules.role_ministries(text, cands, entries):
        if not overlaps(men.start, men.end, no_go):
            cands[key].add(men)
    # 4. branches (after the party is known)
    for m in branch_mentions:
        party_surface = m.group("name")
        party = next(
            (
                c
                for c in cands.values()
                if any(x.start >= m.start("name") - 1 and x.end <= m.end("name") + 1 for x in c.mentions)
            ),
            None,
        )
        written = f"{'партии ' if 'партии' in m.group() else ''}«{party_surface}»"  # 'отделения «Деловой России»'
        party_label = party.label_ru if party else written
        if party and not party_label.lower().startswith("партия"):
            party_label = written
        elif party:
            party_label = inflect_phrase(party_label, "gent")
        own = inflect_phrase(text[m.start() : m.end("head")], "nomn") if m.group("radj") else ""
        own = own[:1].upper() + own[1:]
        label = f"{own or 'Региональное отделение'} {party_label[0].lower() + party_label[1:]}"
        key = f"branch:{party.key if party else party_surface}:{own.split()[0].lower() if own else ''}"
        c = cands.get(key)
        if c is None:
            en_party = party.label_en if party else translit(party_surface)
            c = Candidate(
                "org",
                key,
                label,
                f"Regional branch of the {en_party}",
                "RegionalBranch",
                slugify(f"{own.split()[0] if own else ''} {party.slug if party else party_surface}-regional-branch"),
                parent=party.key if party else None,
                lemmas=nlp.lemma_key(label),
            )
            if not own:
                c.notes.append(
                    ("Регион отделения в тексте не назван — уточнить.", "The branch's region is not named — check.")
                )
            cands[key] = c
        c.add(Mention(m.start(), m.end(), m.group()))
        as_written = f"{own} {text[m.end('head') : m.end()].strip()}" if own else ""
        if as_written and as_written != c.label_ru and as_written not in c.alt_ru:
            c.alt_ru.append(as_written)  # 'Псковское региональное отделение «Единой России»': also as the text has it
        if party is not None and all(m.start() <= x.start and x.end <= m.end() for x in party.mentions):
            del cands[party.key]  # the party only as the branch's owner: the branch is the body the text names
            c.parent = None
    _branches_of_named(text, cands)
    for key in [
        k for k in cands if k.startswith("ner:") and cands[k].label_ru.strip('«»"').lower() in event_names(text)
    ]:
        del cands[key]  # 'ИННОПРОМ' where the text says «выставка ИННОПРОМ»: the show, not a body
    things = orgrules.thing_names(text)
    for key in [k for k, c in cands.items() if c.label_ru.strip("«»").lower() in things and _quoted(text, c)]:
        del cands[key]  # «Ямал» where the text says «спутниковая группировка «Ямал»»: a thing, not a body
    _zones_are_sites(cands)
    _board_committees(text, cands)
    _works_with_brand(text, cands)
    _works_with_town(text, cands)
    _listed_committees(text, cands)
    _merge_prefixes(cands, text)
    _merge_bracketed(text, cands)
    _latin_acronym_after(text, cands)
    _merge_hosted_into_field(cands)
    _merge_adjective_committee(cands)
    _merge_branch_adjectives(cands)
    _merge_former_names(text, cands)
    _merge_seats(cands)
    _inflected_abbreviations(text, cands)
    _inflected_quoted_names(text, cands)
    short_parts = {
        m.start for c in cands.values() for m in c.mentions if layout.kind_at(m.start) in ("headline", "lead")
    }
    orgrules.merge_into_regional(text, cands, regional_of, short_parts)
    _bare_ministry_of_region(text, cands)
    orgrules.merge_short_forms(cands, text)
    _merge_legal_forms(cands)
    _merge_kind_initials(cands)
    _merge_hyphenated(cands)
    _merge_compounds(cands)
    _merge_contracted(cands)
    _merge_bare_committees(cands)
    _merge_field_stems(cands)
    _territorial_offices(text, cands)
    _attached_forms(text, cands)
    orgrules.written_forms(cands)
    orgrules.written_regions(cands)
    # 'Фото: пресс-служба правительства Тульской области' and nowhere else: the credit's, no body of the news
    for key in [k for k, c in cands.items() if all(overlaps(m.start, m.end, layout.credits) for m in c.mentions)]:
        del cands[key]
    # 'на полях II Совета регионов России и Узбекистана': a numbered meeting, an event, no body
    for key in [k for k, c in cands.items() if all(NUMBERED_MEETING.search(text, 0, m.start) for m in c.mentions)]:
        del cands[key]
    _merge_same_labels(cands)
    return sorted(cands.values(), key=lambda c: c.mentions[0].start)


def _merge_same_labels(cands: dict[str, Candidate]) -> None:
    """Two bodies the rules came to by two ways and labelled alike ('регионального правительства' and 'областной
    кабмин' both «Правительство Свердловской области»): one body."""
    first: dict[str, Candidate] = {}
    for key in list(cands):
        c = cands[key]
        kept = first.setdefault(c.label_ru, c)
        if kept is c:
            continue
        for m in c.mentions:
            kept.add(m)
        kept.alt_ru.extend(a for a in c.alt_ru if a not in kept.alt_ru and a != kept.label_ru)
        del cands[key]


#: a body's land and level before its name, which NER leaves out in an oblique case: «Свердловского областного
#: Союза промышленников …», «Тульской областной Торгово-промышленной палаты»
REGIONAL_PAIR = re.compile(
    r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?(?:ого|ой|ому|ым|ом|ую)\s+"
    r"(?:областн|краев|республиканск|окружн|городск)(?:ого|ой|ому|ым|ом|ую)\s+$"
)


#: a named special economic zone: «особая экономическая зона «…»», «ОЭЗ «…»», «зона промышленно-производственного
#: типа «…»», «портовая особая экономическая зона «…»»
ZONE = re.compile(r"(?:[\w-]+\s+){0,3}(?:зона|ОЭЗ|ОЭЗ\s+ППТ|ОЭЗ\s+ТВТ)\s+(?:[\w-]+\s+){0,2}«[^«»]+»", re.IGNORECASE)


def _board_committees(text: str, cands: dict[str, Candidate]) -> None:
    """'председателем комитета по стратегии избран Имя' after the company's board: the committee is the board's
    (its chair a post in the company, see ``posts``), no organisation."""
    for key in [k for k, c in cands.items() if orgrules.board_committee(text, c.label_ru)]:
        del cands[key]


def _zones_are_sites(cands: dict[str, Candidate]) -> None:
    """A named special economic zone is a site like a named park (writers list zones either way):
    pkg:IndustrialSite, its short form («ОЭЗ «Лотос»») joined to its full name where both are written."""
    zones = [c for c in cands.values() if c.cls == "Organization" and ZONE.fullmatch(c.label_ru)]
    by_name: dict[str, Candidate] = {}
    for c in sorted(zones, key=lambda c: -len(c.label_ru)):
        c.cls = "IndustrialSite"
        name = c.label_ru[c.label_ru.index("«") :].lower()
        if name in by_name:
            full = by_name[name]
            full.mentions += c.mentions
            full.alt_ru += [c.label_ru, *c.alt_ru]
            del cands[c.key]
        else:
            by_name[name] = c


#: a show's or forum's name after its head word: «выставка ИННОПРОМ», «форума «Армия»»
EVENT_NAME = re.compile(
    r"(?<![\w-])(?:выставк|форум|салон|ярмарк|фестивал|авиасалон)[а-яё]*\s+[«\"]?((?-i:[А-ЯЁA-Z])[\w-]+(?:\s+(?-i:[А-ЯЁA-Z])[\w-]+)?)",
    re.IGNORECASE,
)


def _genitive_name(name: str) -> str | None:
    """A one-word name in the genitive singular after a head's role, in the nominative ('Технодинамики' ->
    'Технодинамика'; a plural reading would keep it as written)."""
    if " " in name or "-" in name:
        return None
    p = next((p for p in nlp.parse(name) if p.tag.case == "gent" and p.tag.number == "sing"), None)
    if p is not None and p.tag.POS == "ADJF":  # '«Сухого»': an adjective's name, in the masculine
        return name[0] + p.normal_form[1:]
    nominative = p.inflect({"nomn", "sing"}) if p is not None else None
    return None if nominative is None else name[0] + nominative.word[1:]


def event_names(text: str) -> set[str]:
    """The names the text gives a show or forum (lower case): the same name alone is that event too."""
    return {m.group(1).lower() for m in EVENT_NAME.finditer(text)}


REGIONAL_WORD = re.compile(r"(?:регионал|областн|краев|республиканск)[а-яё]*\s", re.IGNORECASE)


def _generic_regional(written: str) -> bool:
    """A region's body named by a regional adjective and its head alone, the region left to the reader
    («краевая администрация», «областного минпрома», «республиканское правительство»)."""
    return REGIONAL_WORD.match(written) is not None and not regions.find(written) and len(written.split()) == 2


def _merge_field_stems(cands: dict[str, Candidate]) -> None:
    """'Главу минэкономики Чувашии …' over 'министерство экономического развития, промышленности и торговли
    Чувашии': a region's ministry of one field whose stem begins the field of the region's one longer ministry is
    that ministry, shortened."""
    ministries = [c for c in cands.values() if c.cls == "Ministry" and c.label_ru.startswith("Министерство ")]
    for key, c in list(cands.items()):
        short = re.fullmatch(r"Министерство ([а-яё]+) (.+)", c.label_ru)
        if c.cls != "Ministry" or short is None or not regions.find(short.group(2)):
            continue
        stem, region = short.group(1)[:6], short.group(2)
        longer = [
            o
            for o in ministries
            if o is not c
            and o.label_ru.endswith(" " + region)
            and o.label_ru.split()[1].startswith(stem)
            and len(o.label_ru) > len(c.label_ru)
        ]
        if len(longer) != 1 or key.startswith("alias:"):
            continue
        _fold(c, longer[0], cands)


#: a federal service's office by its abbreviation: 'УФСБ России', 'УФССП России', 'ГУ МВД России'
FEDERAL_OFFICE = re.compile(r"(?:Г?У(?:\s?[А-ЯЁ]{2,5})|[А-ЯЁ]{3,6})\s+(?:России|РФ)")


def _territorial_offices(text: str, cands: dict[str, Candidate]) -> None:
    """'УФСБ России по Псковской области': a federal service's office in a region, named by the region after «по», is
    that office, not the service's office in general."""
    for key, c in list(cands.items()):
        if not FEDERAL_OFFICE.fullmatch(c.label_ru):
            continue
        for m in list(c.mentions):
            po = re.match(r"[ \u00a0]+по[ \u00a0]+", text[m.end :])
            at = m.end + po.end() if po is not None else -1
            region = next((r for r in regions.find(text) if r.start == at), None)
            if region is None:
                continue
            label = f"{c.label_ru} по {region.text}"
            office = cands.setdefault(orgrules.key_of(label), orgrules.candidate(label, c.cls))
            office.add(Mention(m.start, region.end, text[m.start : region.end]))
            c.mentions = [x for x in c.mentions if x is not m]
        if not c.mentions:
            del cands[key]


#: a Roman number right before a council's or a forum's name: 'II Совета регионов …', 'XXV съезда …'
NUMBERED_MEETING = re.compile(r"(?<![\w-])[IVXL]{1,5}[ \u00a0]+$")


def _attached_forms(text: str, cands: dict[str, Candidate]) -> None:
    """'Морская коллегия при Правительстве РФ': a body named with the one it is attached to (which the graph states
    apart) is also known by that whole name, as written after its own."""
    org_at = {mm.start: mm for c in cands.values() for mm in c.mentions}
    for c in cands.values():
        for m in c.mentions:
            attached = orgrules.ATTACHED_TO.match(text, m.end)
            owner = org_at.get(attached.end()) if attached is not None else None
            if (
                owner is None
                or " при " in c.label_ru
                or head_lemma(c.label_ru)
                not in orgrules.HOSTED_HEADS
                | {
                    "коллегия",
                    "академия",
                }
            ):
                continue
            form = f"{c.label_ru} при {text[owner.start : owner.end]}"
            if form not in c.alt_ru:
                c.alt_ru.append(form)


#: a committee of the State Duma named without its field: 'Думский комитет', 'комитет Госдумы'
BARE_DUMA_COMMITTEE = re.compile(r"(?:думский\s+комитет|комитет\s+(?:государственной\s+думы|госдумы))", re.IGNORECASE)


def _merge_bare_committees(cands: dict[str, Candidate]) -> None:
    """'Думский комитет одобрил …' in the headline of an article naming one committee of the State Duma by its field:
    that committee; so is 'глава профильного Комитета СФ' of the one committee of the Federation Council named."""
    named = [c for c in cands.values() if re.match(r"Комитет Государственной Думы по ", c.label_ru)]
    bare = [k for k, c in cands.items() if BARE_DUMA_COMMITTEE.fullmatch(c.label_ru)]
    groups = [(named, bare)]
    for key, c in cands.items():  # 'Профильный комитет Совета Федерации': the owner's committee named by its field
        m = re.fullmatch(r"(?:[Пп]рофильный\s+)?[Кк]омитет\s+(.+)", c.label_ru)
        if m is not None and " по " not in m.group(1):
            owned = [d for d in cands.values() if d.label_ru.startswith(f"Комитет {m.group(1)} по ")]
            groups.append((owned, [key]))
    for owned, keys in groups:
        if len(owned) != 1:
            continue
        for key in [k for k in keys if k in cands]:
            for men in cands[key].mentions:
                owned[0].add(men)
            del cands[key]


def _merge_anaphoric(
    cands: dict[str, Candidate],
    regional: dict[str, tuple[Entry, set[str]]],
    by_anaphora: list[tuple[str, str, Mention]],
) -> None:
    """'регионального фонда развития промышленности' where the article names one such body with its
    land ('Фонд развития промышленности Донбасса') is that body, not one of the region last named."""
    for slug, key, men in by_anaphora:
        named = {
            k
            for k in regional[slug][1]
            if k in cands
            and any(not (REGIONAL_WORD.match(m.text) and not regions.find(m.text)) for m in cands[k].mentions)
        }
        if len(named) != 1 or key in named or key not in cands:
            continue
        target = cands[next(iter(named))]
        target.add(men)
        cands[key].mentions = [m for m in cands[key].mentions if m is not men]
        if not cands[key].mentions:
            del cands[key]
            regional[slug][1].discard(key)


BARE_GOVERNMENT = re.compile(r"правительств[а-яё]*|кабмин[а-яё]{0,2}", re.IGNORECASE)
GOVERNMENT_POST = re.compile(r"(?:председател|зампред)[а-яё]*\s+$", re.IGNORECASE)


#: a faction's word right before a party's quoted name: 'фракции «…»'
FACTION_BEFORE = re.compile(r"(?<![\w-])[Фф]ракци\w{0,3}\s+[«\"]?$")
#: a party's faction named by «партийная» after the party: 'руководитель партийной фракции в Госдуме'
PARTYS_FACTION = re.compile(
    rf"(?<![\w-])партийн(?:ой|ая|ую)[ \u00a0]+фракци(?:и|я|ю|ей)[ \u00a0]+в[ \u00a0]+{orgrules.IN_THE_DUMA}(?![\w-])"
)


def _bare_ministry_of_region(text: str, cands: dict[str, Candidate]) -> None:
    """'назначен и.о. министра промышленности и торговли Новосибирской области … встал во главе министерства
    промышленности и торговли': a federal ministry's name in lower case, never marked federal, after the one
    region's ministry of that name is named, is the region's ministry."""
    for key, fed in list(cands.items()):
        if fed.cls != "Ministry" or not key.startswith("alias:"):
            continue
        called = [orgrules._cap(inflect_phrase(x.text, "nomn")) for x in fed.mentions]
        own = [
            c
            for c in cands.values()
            if c is not fed
            and c.cls == "Ministry"
            and (r := regions.find(c.label_ru))
            and r[-1].end == len(c.label_ru)
            and (
                (base := c.label_ru[: r[-1].start].strip()) in (fed.label_ru, *fed.alt_ru)
                or any(base == w or base.startswith(w + " ") for w in called)
            )
        ]  # 'министерство сельского хозяйства' after 'министерства сельского хозяйства и продовольствия Подмосковья'
        if len(own) != 1:
            continue
        region = own[0].label_ru[regions.find(own[0].label_ru)[-1].start :]
        # the region's ministry first named by a shorter name ('министра промышленности Новосибирской области')
        first = min(
            m.start for c in cands.values() if c.cls == "Ministry" and c.label_ru.endswith(region) for m in c.mentions
        )
        moved = [
            x
            for x in fed.mentions
            if x.start > first
            and x.text[:1].islower()
            and x.text.lower().startswith("министерств")
            and not orgrules.FEDERAL_MARK.search(text[max(0, x.start - 30) : x.start])
            and not re.match(r"(?:\s*\([А-ЯЁ]{2,}\))?\s+(?:РФ|России|Российской\s+Федерации)\b", text[x.end :])
        ]
        if len(moved) != len(fed.mentions):
            continue  # the federal ministry named too: each bare name stays the rules' of ministries
        for x in moved:
            own[0].add(x)
        del cands[key]


def _regional_bare_government(text: str, cands: dict[str, Candidate]) -> None:
    """'Правительство региона оценило … правительство получило 9 заявок', 'городское правительство' in a
    federal city's news: a government named bare after the one region's government, in an article that names
    the federal government nowhere, is that region's government; «городское правительство», «правительство
    города» of Moscow,
    St Petersburg or Sevastopol (the only cities with one) is that city's."""
    _adjective_governments(text, cands)
    federal = cands.get("alias:government-of-russia")
    if federal is None or orgrules.FEDERAL_GOVERNMENT.search(text):
        return
    regional = [c for c in cands.values() if c.cls == "RegionalGovernment" and c is not federal]
    cities = [r for r in regions.find(text) if r.is_city]
    moved = []
    for men in federal.mentions:
        post = GOVERNMENT_POST.search(text[max(0, men.start - 30) : men.start])
        if not BARE_GOVERNMENT.fullmatch(men.text) or (post and not orgrules.CHAINED_MINISTER.match(text, men.end)):
            continue  # 'на должность заместителя председателя правительства': the post's rules decide whose
        city = re.search(r"(?<![\w-])городск[а-яё]+\s+$", text[max(0, men.start - 20) : men.start], re.IGNORECASE)
        of_city = re.match(r"\s+(?:города|столицы)(?![\w-])", text[men.end :])  # 'президиума правительства города'
        if (city is not None or of_city is not None) and len({r.label for r in cities}) == 1:
            label = f"Правительство {regions.genitive(cities[0].label)}"
            start = men.start - len(city.group()) if city is not None else men.start
            end = men.end + of_city.end() if of_city is not None else men.end
            body = cands.setdefault(orgrules.key_of(label), orgrules.candidate(label, "RegionalGovernment"))
            body.add(Mention(start, end, text[start:end]))
            moved.append(men)
            regional = [body] if not regional else regional  # '… правительства города … Правительство скорректировало'
        elif len(regional) == 1 and min(m.start for m in regional[0].mentions) < men.start:
            regional[0].add(men)
            moved.append(men)
    federal.mentions = [m for m in federal.mentions if m not in moved]
    if not federal.mentions:
        del cands["alias:government-of-russia"]


#: a region's adjective right before «правительство» ('в саратовском правительстве'); not Moscow's (the city's
#: government as often as the region's) nor the country's
GOVERNMENT_ADJECTIVE = re.compile(r"(?<![\w-])([а-яё]+(?:ск|цк|н)(?:ое|ого|ому|ом|ым|им))\s+$", re.IGNORECASE)


def _adjective_governments(text: str, cands: dict[str, Candidate]) -> None:
    """'на должность зампреда в саратовском правительстве', 'Пензенское правительство': the government of the region
    the adjective names, not the federal one."""
    federal = cands.get("alias:government-of-russia")
    if federal is None:
        return
    moved = []
    for men in federal.mentions:
        adj = GOVERNMENT_ADJECTIVE.search(text[max(0, men.start - 30) : men.start])
        if not BARE_GOVERNMENT.fullmatch(men.text) or adj is None:
            continue
        word = adj.group(1)
        if word.lower().startswith(
            (
                "московск",
                "российск",
                "федеральн",
                "городск",
                "областн",
                "краев",
                "региональн",
                "столичн",
                "нов",
                "прежн",
            )
        ):
            continue
        region = regions.of_adjective(word[:1].upper() + word[1:], text, oblast=True)
        if region is None:
            continue
        label = f"Правительство {regions.genitive(region)}"
        start = men.start - len(adj.group())
        body = cands.setdefault(orgrules.key_of(label), orgrules.candidate(label, "RegionalGovernment"))
        body.add(Mention(start, men.end, text[start : men.end]))
        moved.append(men)
    federal.mentions = [m for m in federal.mentions if m not in moved]
    if not federal.mentions:
        del cands["alias:government-of-russia"]


def _misprint_of(surface: str, entries: list[Entry]) -> tuple[str, Entry] | None:
    """(slug, entry) of the alias table's one-word name that ``surface`` (one word, maybe inflected and
    followed by the country: 'Мипромторга РФ') misspells, if exactly one."""
    surface = re.sub(r"\s+(?:РФ|России|Российской\s+Федерации)$", "", surface)
    if " " in surface:
        return None
    low = surface.lower()
    stems = [low] + [low[: -len(x)] for x in ("ом", "а", "у", "е") if low.endswith(x)]
    hits = {
        e.alias.slug: e
        for e in entries
        if e.alias is not None and " " not in e.surface and any(nlp.one_typo(w, e.surface.lower()) for w in stems)
    }
    return next(iter(hits.items())) if len(hits) == 1 else None


def _longer_regional_ministry(text: str, men: Mention) -> bool:
    """'Министерства энергетики, промышленности и связи Ставропольского края', 'министерство экономического
    развития и промышленности области': a ministry's name that goes on past a known one ('Министерства
    энергетики') to a region is that region's ministry."""
    word = re.match(r"министерств[а-яё]*\s+", men.text, re.IGNORECASE)
    if word is None:
        return False
    _, region, end, _ = orgrules.ministry_from_complement(text, men.start + word.end())
    go_on = re.match(
        r",|\s+и\s+(?!министерств|департамент|комитет|агентств|правительств)", text[men.end :], re.IGNORECASE
    )
    return region is not None and end > men.end and go_on is not None


#: «и» and a post's word after an organisation's name: 'Минпромторга и губернатор Тверской области'
AND_A_POST = re.compile(
    r"\s+и\s+(?:губернатор|министр|глав[аеуы]|мэр|председател|директор|руководител|замминистр|заместител)[а-яё]*\s",
    re.IGNORECASE,
)


def _longer_regional_name(text: str, men: Mention) -> int | None:
    """The end of a name that goes on past a known one with «и» and lower-case words to a region
    ('Фонда развития промышленности и венчурных инвестиций в научно-технической сфере Калужской
    области'): that region's own body."""
    m = re.match(r"\s+и\s+[а-яё][а-яё\s-]{2,80}?\s+(?=[А-ЯЁ])", text[men.end :])
    if m is None or COUNTRY_END.search(men.text) is not None or any(_predicate(w) for w in m.group().split()[1:]):
        return None  # 'установок Правительства России и воплощает положения стратегии … области': a clause
    if AND_A_POST.match(text, men.end):
        return None  # 'Минпромторга и губернатор Тверской области': another's post, not the name going on
    pos = men.end + m.end()
    hit = next((r for r in regions.find(text) if r.start == pos and not r.is_city), None)
    return hit.end if hit is not None and orgrules.genitive_name(hit.text) else None


COUNTRY_END = re.compile(r"(?:РФ|России|Российской\s+Федерации)$")


_predicate = orgrules.predicate

#: what a fund or an agency is for, in the genitive, as the last word of its name: 'Фонд развития', 'Агентство
#: поддержки'
AIM_WORDS = {"развитие", "поддержка", "содействие"}


def _aim_with_owner(text: str, start: int, end: int, spans: list[nlp.Span]) -> int | None:
    """'Фонд развития Центра разработки и коммерциализации новых технологий': NER splits a body named «of the
    development of» another named body into two; the end of the whole name when the first ends with its aim
    and the second follows it, capitalised and in the genitive."""
    words = text[start:end].split()
    if len(words) != 2 or nlp.lemma(words[-1].lower()) not in AIM_WORDS or text[end : end + 1] != " ":
        return None
    nxt = next((x for x in spans if x.type == "ORG" and x.start == end + 1), None)
    if nxt is None:
        return None
    first = text[nxt.start : nxt.end].split()[0]
    if not first[0].isupper() or not any(p.tag.case == "gent" for p in nlp.parse(first.lower())[:1]):
        return None
    return nxt.end


#: inside a quoted name with its legal form: 'ПАО «Научно-производственная корпорация «Иркут»', 'АО "МХК "ЕвроХим"'
NESTED_LEGAL = re.compile(rf"(?<![\w])(?:{orgrules.LEGAL_FORMS})\s*[«\"](?:[^«»\"\n]{{1,60}}[«\"]?|[«\"])$")


def _company_elsewhere(text: str, men: Mention, layout: Layout) -> bool:
    """A well-known company's name in a photo's credit, or as the inner name of a longer quoted name with
    its legal form (that name is the organisation meant: «Заполярный филиал ПАО "ГМК "Норникель"»)."""
    if any(men.start < e and s < men.end for s, e in layout.credits):
        return True
    return NESTED_LEGAL.search(text[max(0, men.start - 80) : men.start + (text[men.start] in '«"')]) is not None


def _inside_longer_quote(text: str, start: int, end: int) -> bool:
    """The match is the start of a longer quoted name ('"Фонд развития промышленности и поддержки
    малого и среднего предпринимательства …"'), not the body of that name."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    opened = before.endswith(("«", '"')) and (before.count('"') % 2 == 1 or before.endswith("«"))
    if not opened or re.match(r"\s+(?:и|по|при|для)\s", text[end : end + 6]) is None:
        return False
    # «Правительство РФ и дальше развивает …»: a quoted sentence, its subject a body, no longer name
    close = min(
        (i for i in (text.find("»", end), text.find('"', end), text.find("\n", end)) if i >= 0), default=len(text)
    )
    return not any(_finite_verb(w) for w, _, _ in nlp.words(text[end:close]))


def _field_abbreviation_after(text: str, start: int, end: int) -> int:
    """'Федерального агентства по управлению' + ' ОЭЗ': an abbreviation right after a «по …» field ending in a noun
    is what the field is about, part of the name."""
    abbr = re.match(r" ([А-ЯЁ]+)(?![\w-])", text[end:])
    last = re.search(r"\sпо\s(?:[а-яё-]+\s)*?([а-яё-]+)$", text[start:end])
    if abbr is None or last is None or not _abbreviation(abbr.group(1)):
        return end
    if not any(p.tag.POS == "NOUN" and p.tag.case in ("datv", "gent") for p in nlp.parse(last.group(1))):
        return end
    return end + abbr.end()


def _region_then_description(surface: str) -> bool:
    """A region's name opening the span, only lower-case words after it: no name («Бурятии горно-обогатительного
    комбината»)."""
    first = next((r for r in regions.find(surface) if r.start == 0), None)
    rest = surface[first.end :].split() if first is not None else []
    return bool(rest) and all(re.fullmatch(r"[а-яё]+(?:-[а-яё]+)*", w) for w in rest)


def _finite_verb(word: str) -> bool:
    """A word that reads only as a finite verb («развивает», «сообщил»): a clause, not a name."""
    parses = nlp.parse(word)
    return bool(parses) and all("VERB" in p.tag for p in parses)


#: the works a brand in Latin letters may follow as part of its name: 'Тульского автомобильного завода HAVAL'
WORKS = {"завод", "автозавод", "комбинат", "фабрика"}


def _works_with_brand(text: str, cands: dict[str, Candidate]) -> None:
    """A works named by its descriptive name and a brand in Latin letters right after it is one works («Тульский
    автомобильный завод HAVAL»), not a works and a brand."""
    brands = {
        (m.start, m.end): c
        for c in cands.values()
        for m in c.mentions
        if re.fullmatch(r"[A-Z][A-Za-z0-9&+\-]*(?: [A-Z][A-Za-z0-9&+\-]*)?", m.text)
    }
    for key, c in list(cands.items()):
        if key.startswith("alias:") or not c.lemmas or c.lemmas[-1] not in WORKS:
            continue
        for i, m in enumerate(c.mentions):
            brand = next(((span, b) for span, b in brands.items() if span[0] == m.end + 1 and b is not c), None)
            if brand is None or text[m.end : m.end + 1] != " ":
                continue
            (bs, be), b = brand
            c.mentions[i] = Mention(m.start, be, text[m.start : be])
            c._spans = set()
            if i == 0 and not c.label_ru.endswith(text[bs:be]):
                c.label_ru = f"{c.label_ru} {text[bs:be]}"
            b.mentions = [x for x in b.mentions if (x.start, x.end) != (bs, be)]
            b._spans = set()
            if not b.mentions:
                cands.pop(b.key, None)


def _town_name(word: str) -> bool:
    """A town's name that does not decline: 'Балаково', 'Тольятти' (not 'Выксы', which says «of Vyksa»)."""
    parses = nlp.parse(word)
    return any("Geox" in p.tag for p in parses) and (
        re.search(r"(?:ово|ево|ино|ыно)$", word) is not None or all("Fixd" in p.tag for p in parses)
    )


def _works_with_town(text: str, cands: dict[str, Candidate]) -> None:
    """A works named by its descriptive name and an undeclined town's name right after it is named by both
    («генеральным директором Металлургического завода Балаково»), the town part of its name."""
    for key, c in cands.items():
        if key.startswith("alias:") or not c.lemmas or c.lemmas[-1] not in WORKS or c.label_ru.endswith(("»", '"')):
            continue
        for i, m in enumerate(c.mentions):
            town = re.match(r" ([А-ЯЁ][а-яё]+)(?![\w-])", text[m.end : m.end + 40])
            if town is None or not _town_name(town.group(1)):
                continue
            c.mentions[i] = Mention(m.start, m.end + town.end(), text[m.start : m.end + town.end()])
            c._spans = set()
            if not c.label_ru.endswith(town.group(1)):
                c.label_ru = f"{c.label_ru} {town.group(1)}"


#: a name and a committee's subject in brackets after it: 'Имя (по экономической политике)'
SUBJECT_AFTER_NAME = re.compile(
    r"[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?" + orgrules.SUBJECT_IN_BRACKETS.pattern
)
#: the end of the sentence a list of chairs stands in
LIST_END = re.compile(r"[.!?](?:\s|$)|\n")
#: the chamber a text names, by its ways of writing, and its name in the genitive for its committees
CHAMBERS = (
    (re.compile(r"Госдум|Государственн\w+\s+Дум|(?<![\w-])ГД(?![\w-])"), "Государственной Думы"),
    (re.compile(r"Совет\w*\s+Федерации|(?<![\w-])СФ(?![\w-])"), "Совета Федерации"),
)


def _listed_committees(text: str, cands: dict[str, Candidate]) -> None:
    """'Приедут и председатели комитетов, в их числе Имя (по экономической политике), …': each subject in brackets
    after a name is a committee of the chamber the text names (the Duma or the Federation Council; of one only)."""
    chambers = [genitive for rx, genitive in CHAMBERS if rx.search(text)]
    if len(chambers) != 1:
        return
    for cue in orgrules.CHAIRS_OF_COMMITTEES.finditer(text):
        stop = LIST_END.search(text, cue.end())
        for m in SUBJECT_AFTER_NAME.finditer(text, cue.end(), stop.start() if stop else len(text)):
            a, b = m.span("subject")
            label = f"Комитет {chambers[0]} {m.group('subject')}"
            key = orgrules.key_of(label)
            c = cands.get(key)
            if c is None:
                c = cands[key] = Candidate(
                    "org", key, label, translit(label), org_class(label), slugify(label), lemmas=nlp.lemma_key(label)
                )
            c.add(Mention(a, b, text[a:b]))


def _tail_of_named(text: str, start: int, surface: str, cands: Iterable[Candidate]) -> bool:
    """A quoted name that is the last words of a longer quoted name found before ('«Яр Парке»' after
    «Кравт Яр Парк»): what that company builds or runs, no second body."""
    if text[start - 1 : start] not in ("«", '"'):
        return False
    tail = surface.lower().split()
    formed = re.search(rf"(?<![\w-])(?:{orgrules.LEGAL_FORMS})\s*[«\"]$", text[max(0, start - 8) : start]) is not None

    def same(a: str, b: str) -> bool:  # one word in two cases: 'парке', 'парк'
        n = max(3, min(len(a), len(b)) - 2)
        return a[:n] == b[:n]

    for c in cands:
        for name in (c.label_ru, *c.alt_ru):
            # 'ПАО «Пролетарский завод»': a short quoted name (three words at most) with no legal form of its own
            # that is a company's whole quoted name, «Пролетарского завода», is that company
            quoted = re.search(r"[«\"](.+)[»\"]", name) if not formed and len(tail) <= 3 else None
            words = re.sub(r"[«»\"]", " ", quoted.group(1) if quoted else name).lower().split()
            if len(words) > len(tail) and all(same(a, b) for a, b in zip(tail, words[-len(tail) :])):
                return True
    return False


def _add_misprint(c: Candidate, surface: str) -> None:
    c.notes.append((f"«{surface}» — вероятно, опечатка в тексте.", f"«{surface}» is probably a misprint in the text."))


#: a body's Latin acronym right after its Russian name, closing the clause: '… медицинских изделий IMEDA.'
LATIN_ACRONYM_AFTER = re.compile(r"[ \u00a0]+([A-Z]{3,8})(?=\s*[.,;:)»\n]|\s*$)")


def _latin_acronym_after(text: str, cands: dict[str, Candidate]) -> None:
    """'в Ассоциацию международных производителей медицинских изделий IMEDA': the Latin acronym is part of the
    body's name, as its own short name (not for known bodies, nor a one-word name)."""
    for key, c in cands.items():
        if key.startswith(("alias:", "iri:")) or len(c.label_ru.split()) < 3 or re.search(r"[A-Za-z«»]", c.label_ru):
            continue
        for m in list(c.mentions):
            after = LATIN_ACRONYM_AFTER.match(text, m.end)
            if after is None:
                continue
            c.label_ru = f"{c.label_ru} {after.group(1)}"
            c.add(Mention(m.start, after.end(), text[m.start : after.end()]))
            if after.group(1) not in c.alt_ru:
                c.alt_ru.append(after.group(1))
            break


def _merge_branch_adjectives(cands: dict[str, Candidate]) -> None:
    """'Московского областного регионального отделения Союза машиностроителей России': NER's branch named by its
    adjectives and the rules' branch of the union, overlapping at «регионального отделения», are one branch, named
    whole."""
    for key, c in list(cands.items()):
        if not re.search(r"\sотделение$", c.label_ru) or key.startswith(("alias:", "iri:")):
            continue
        for other_key, d in list(cands.items()):
            m = re.match(r"(?:Региональное\s+)?отделение\s", d.label_ru, re.IGNORECASE)
            if d is c or m is None:
                continue
            joined = next(
                (
                    (x, y)
                    for x in c.mentions
                    for y in d.mentions
                    if x.start < y.start < x.end <= y.end
                    and x.text.split()[-1] == y.text.split()[len(m.group().split()) - 1]
                ),
                None,
            )
            if joined is None:
                continue
            x, y = joined
            label = f"{c.label_ru} {d.label_ru[m.end() :]}"
            d.label_ru, d.alt_ru = label, [a for a in [*d.alt_ru, c.label_ru] if a != label]
            d.add(Mention(x.start, y.end, x.text[: y.start - x.start] + y.text))
            for men in c.mentions:
                d.add(men)
            del cands[key]
            break


def _merge_adjective_committee(cands: dict[str, Candidate]) -> None:
    """'оборонного комитета СФ' beside 'комитета по обороне и безопасности Совета Федерации': the committee named by
    its field's adjective is the one of that owner whose field begins with that field (the first five letters)."""
    for key, c in list(cands.items()):
        m = re.fullmatch(r"([А-ЯЁ][а-яё]+(?:ый|ой|ий)) (комитет|комиссия) (.+)", c.label_ru)
        if m is None or key.startswith(("alias:", "iri:")):
            continue
        stem = m.group(1).lower()[:5]
        owned = [
            d
            for d in cands.values()
            if d is not c
            and d.label_ru.startswith(m.group(2).capitalize() + " ")
            and m.group(3) in d.label_ru  # 'Комитет Совета Федерации по …', 'Комитет по … Совета Федерации'
            and (f := re.search(r" по (\S+)", d.label_ru))
            and f.group(1).lower()[:5] == stem
        ]
        if len(owned) == 1:
            for men in c.mentions:
                owned[0].add(men)
            if c.label_ru not in owned[0].alt_ru:
                owned[0].alt_ru.append(c.label_ru)
            del cands[key]


def _merge_hosted_into_field(cands: dict[str, Candidate]) -> None:
    """'межведомственная комиссия при Минпромторге РФ' and 'Межведомственная комиссия по специальным инвестиционным
    контрактам' in one article: one body, named by its host and by its field (when the article names one of each)."""
    hosted: dict[str, list[str]] = {}
    fields: dict[str, list[str]] = {}
    for key, c in cands.items():
        m = re.fullmatch(r"(\S+ (?:комиссия|совет|комитет)) (при|по) .+", c.label_ru)
        if m is not None and not key.startswith(("alias:", "iri:")):
            (hosted if m.group(2) == "при" else fields).setdefault(m.group(1).lower(), []).append(key)
    for name, keys in hosted.items():
        if len(keys) != 1 or len(fields.get(name, [])) != 1:
            continue
        source, target = cands[keys[0]], cands[fields[name][0]]
        for men in source.mentions:
            target.add(men)
        if source.label_ru not in target.alt_ru:
            target.alt_ru.append(source.label_ru)
        del cands[keys[0]]


def _merge_bracketed(text: str, cands: dict[str, Candidate]) -> None:
    """'краевого Минпрома [Министерства энергетики, промышленности и связи Ставропольского края]': a
    body's full name in brackets right after a short one is that body (not for known bodies)."""
    starts = {m.start: (c, m) for c in cands.values() for m in c.mentions}
    for key in list(cands):
        c = cands.get(key)
        if c is None or key.startswith(("alias:", "iri:")):
            continue
        for m in c.mentions:
            gap = re.match(r"\s*[\[(]", text[m.end :])
            full = starts.get(m.end + gap.end()) if gap else None
            if full is None or full[0] is c or text[full[1].end : full[1].end + 1] not in ("]", ")"):
                continue
            target = full[0]
            if len(target.label_ru) <= len(c.label_ru):
                continue
            for mm in c.mentions:
                target.add(mm)
            if c.label_ru not in target.alt_ru:
                target.alt_ru.append(c.label_ru)
            del cands[key]
            break


#: a former name in brackets after a body's quoted name: '«Эл 6» (прежде — группа ЭПМ)'
FORMER_NAME = re.compile(
    r"(«[^«»\n]{1,60}»)\s*\((?:прежде|ранее|раньше|бывш(?:ая|ий|ее)|до\s+\d{4}\s+года)\s*[—–-]?\s*$"
)


def _merge_former_names(text: str, cands: dict[str, Candidate]) -> None:
    """'«Эл 6» (прежде — группа ЭПМ)': the body named by its former name in brackets is the body whose quoted name
    stands before them (not for known bodies)."""
    by_label = {c.label_ru: c for c in cands.values()}
    for c in list(cands.values()):
        if c.key.startswith(("alias:", "iri:")):
            continue
        for m in c.mentions:
            before = FORMER_NAME.search(text, max(0, m.start - 90), m.start)
            now = by_label.get(before.group(1)) if before and text[m.end : m.end + 1] == ")" else None
            if now is None or now is c:
                continue
            for mm in c.mentions:
                now.add(mm)
            if c.label_ru not in now.alt_ru:
                now.alt_ru.append(c.label_ru)
            del cands[c.key]
            break


#: a seat of government and the names of the body sitting there that an article may use beside it
SEAT_BODIES = {"Смольный": ("Правительство Санкт-Петербурга", "Администрация Санкт-Петербурга")}


def _merge_seats(cands: dict[str, Candidate]) -> None:
    """'Смольный подписал …' in an article that also says «городского правительства»: one body under the
    government's name (the writers fold the seat into it; alone, the seat keeps its own label)."""
    for seat, bodies in SEAT_BODIES.items():
        key = orgrules.key_of(seat)
        c = cands.get(key)
        target = next((t for t in cands.values() if t.label_ru in bodies), None)
        if c is None or target is None:
            continue
        for mm in c.mentions:
            target.add(mm)
        if seat not in target.alt_ru:
            target.alt_ru.append(seat)
        del cands[key]


#: an abbreviation the article gives in brackets right after a body's name: 'Томского электромеханического завода (ТЭМЗ)',
#: 'Федеральное агентство по управлению особыми экономическими зонами (РосОЭЗ)'
BRACKETED_ABBREVIATION = re.compile(r"\s*\(([А-ЯЁ]{2,6}|[А-ЯЁ][а-яё]{1,4}[А-ЯЁ]{2,5})\)")


def _inflected_abbreviations(text: str, cands: dict[str, Candidate]) -> None:
    """'Томского электромеханического завода (ТЭМЗ) … гендиректор ТЭМЗа Иван Пушкарев': the abbreviation the
    article gives a body, written later with a case ending (ТЭМЗа, ТЭМЗу, ТЭМЗом, ТЭМЗе), is that body; one in mixed
    case ('РосОЭЗ'), which NER does not take for a name, also as it stands."""
    taken = [(m.start, m.end) for c in cands.values() for m in c.mentions]
    ends: dict[int, int] = {}
    for c in cands.values():
        for m in c.mentions:
            ends[m.end] = ends.get(m.end, 0) + 1
    for c in list(cands.values()):
        for m in list(c.mentions):
            abbr = BRACKETED_ABBREVIATION.match(text, m.end)
            if abbr is None or ends[m.end] > 1:
                continue  # 'Наблюдательный совет Фонда развития промышленности (ФРП)': the inner body's
            ending = "(?:а|у|ом|е)?" if abbr.group(1)[1:2].islower() else "(?:а|у|ом|е)"  # 'РосОЭЗ' as it stands
            for later in re.finditer(rf"(?<![\w-]){abbr.group(1)}{ending}(?![\w-])", text[abbr.end() :]):
                start, end = abbr.end() + later.start(), abbr.end() + later.end()
                if not any(s < end and start < e for s, e in taken):
                    c.add(Mention(start, end, later.group()))
                    taken.append((start, end))
            if not c.key.startswith(("alias:", "iri:")) and abbr.group(1) not in c.alt_ru + [c.label_ru]:
                c.alt_ru.append(abbr.group(1))


#: a company's one-word quoted name ending in a consonant, at its label's end: 'ОАО НПО «Ижмаш»'
QUOTED_ONE_WORD = re.compile(r"«([А-ЯЁ][а-яё]{2,}[бвгджзклмнпрстфхцчшщ])»$")


def _inflected_quoted_names(text: str, cands: dict[str, Candidate]) -> None:
    """'ОАО НПО «Ижмаш» … на «Ижмаше»': the company's quoted name alone, with a case ending or none, is that company
    (where no other body claims the words)."""
    taken = [(m.start, m.end) for c in cands.values() for m in c.mentions]
    for c in list(cands.values()):
        name = QUOTED_ONE_WORD.search(c.label_ru)
        if name is None or c.cls == "Region":
            continue
        for later in re.finditer(rf"«{name.group(1)}(?:а|у|ом|ем|е)?»", text):
            start, end = later.start(), later.end()
            if not any(s < end and start < e for s, e in taken):
                c.add(Mention(start, end, later.group()))
                taken.append((start, end))


def _quoted(text: str, c: Candidate) -> bool:
    """A name in quotes, in its label or at every mention ('подраздел “Химическое производство”')."""
    return c.label_ru[:1] == "«" or all(text[m.start - 1 : m.start] in ("«", "“", '"') for m in c.mentions)


def _bare_name(label: str) -> str:
    """A company's name without its legal form and quotes, in lower case: 'ОАО «Завод «Янтарь»»' -> 'завод янтарь'."""
    name = re.sub(rf"^(?:{orgrules.LEGAL_FORMS})\s+", "", label)
    return re.sub(r"\s+", " ", re.sub(r"[«»\"“”„]", "", name)).strip().lower().replace("ё", "е")


def _fold(drop: Candidate, keep: Candidate, cands: dict[str, Candidate]) -> None:
    """One organisation written two ways: ``drop``'s mentions and names go to ``keep``, and ``drop`` goes."""
    for m in drop.mentions:
        keep.add(m)
    for alt in (drop.label_ru, *drop.alt_ru):
        if alt != keep.label_ru and alt not in keep.alt_ru:
            keep.alt_ru.append(alt)
    del cands[drop.key]


def _merge_legal_forms(cands: dict[str, Candidate]) -> None:
    """'ОАО «Прибалтийский судостроительный завод «Янтарь»' and 'Прибалтийский судостроительный завод «Янтарь»' in
    one article: one company, named with its legal form (an alias table's entry keeps its own label)."""
    formed = [c for c in cands.values() if re.match(rf"(?:{orgrules.LEGAL_FORMS})\s+[«\"]", c.label_ru)]
    for c in formed:
        same = [
            o
            for o in cands.values()
            if o is not c and o.key in cands and _bare_name(o.label_ru) == _bare_name(c.label_ru)
        ]
        if len(same) != 1 or c.key not in cands:
            continue
        other = same[0]
        keep, drop = (other, c) if other.key.startswith("alias:") else (c, other)
        if drop.key.startswith("alias:"):
            continue
        _fold(drop, keep, cands)


#: a company's label as words of its kind, then its quoted name: 'Томская научно-производственная компания «…»'
KIND_AND_NAME = re.compile(r"(?P<kind>[^«\"]+?)\s+(?P<name>«[^\n]+»)")


def _merge_kind_initials(cands: dict[str, Candidate]) -> None:
    """'Томская научно-производственная компания «Полимер-компаунд»', 'НПК «Полимер-компаунд»' and '«Полимер-компаунд»'
    in one article: one company, its kind written out, by its initials, or left out; the one written out keeps its
    label."""
    for c in list(cands.values()):
        full = KIND_AND_NAME.fullmatch(c.label_ru)
        if c.key not in cands or full is None or c.key.startswith("alias:"):
            continue
        words = re.findall(r"[А-ЯЁа-яё]+", full.group("kind").lower())
        if len(words) < 2:
            continue
        for o in list(cands.values()):
            if o is c or o.key.startswith("alias:") or o.cls != c.cls:
                continue
            short = KIND_AND_NAME.fullmatch(o.label_ru)
            bare = o.label_ru == full.group("name")
            initials = (
                short is not None
                and short.group("name") == full.group("name")
                and re.fullmatch(r"[А-ЯЁ]{2,5}", short.group("kind")) is not None
                and "".join(w[0] for w in words[-len(short.group("kind")) :]).upper() == short.group("kind")
            )
            if bare or initials:
                _fold(o, c, cands)


def _merge_hyphenated(cands: dict[str, Candidate]) -> None:
    """'«Ангстрем Т»' and '«Ангстрем-Т»' in one article: one company, its name written with a space and a hyphen; the
    first written keeps its label."""
    seen: dict[str, Candidate] = {}
    for c in sorted(cands.values(), key=lambda x: x.mentions[0].start if x.mentions else 0):
        if c.key.startswith(("alias:", "iri:")) or "-" not in c.label_ru and " " not in c.label_ru:
            continue
        key = _bare_name(c.label_ru).replace("-", " ")
        keep = seen.setdefault(key, c)
        if keep is c or _bare_name(keep.label_ru) == _bare_name(c.label_ru):
            continue
        _fold(c, keep, cands)


def _compound_of(short: tuple[str, ...], long: tuple[str, ...]) -> int | None:
    """How many of ``long``'s words ``short`` spells, one of its words a compound of two of them ('авиазавод' =
    «авиа[ционный]» + «завод», 'информполитика' = «информ[ационный]» + «политика»); None when it does not."""
    i = j = 0
    compound = False
    while i < len(short) and j < len(long):
        if short[i] == long[j]:
            i, j = i + 1, j + 1
        elif j + 1 < len(long) and any(
            short[i].startswith(long[j][:k]) and _same_stem(short[i][k:], long[j + 1]) for k in range(3, len(long[j]))
        ):
            i, j, compound = i + 1, j + 2, True
        else:
            return None
    return j if i == len(short) and compound else None


def _same_stem(a: str, b: str) -> bool:
    """One word, its ending guessed apart ('политик' of the unknown 'информполитики', 'политика')."""
    n = min(len(a), len(b))
    return a == b or (n >= 4 and abs(len(a) - len(b)) <= 2 and a[: n - 1] == b[: n - 1])


def _merge_compounds(cands: dict[str, Candidate]) -> None:
    """'Иркутский авиазавод' and 'Иркутский авиационный завод', 'департамент информполитики' and 'Департамент
    информационной политики Свердловской области' in one article: one body, named in full (the region after it
    too)."""
    named = [c for c in cands.values() if c.key.startswith("ner:")]
    for c in named:
        whole = []
        for o in named:
            j = _compound_of(c.lemmas, o.lemmas) if o is not c and o.key in cands else None
            if j is None:
                continue
            words = nlp.words(o.label_ru)
            tail = o.label_ru[words[j][1] :] if j < len(words) else ""
            where = regions.find(tail) if tail else ()
            if not tail or (where and where[0].start == 0 and where[-1].end == len(tail)):
                whole.append(o)
        if len(whole) == 1 and c.key in cands:
            _fold(c, whole[0], cands)


def _spells_contracted(rest: str, words: list[str]) -> bool:
    """'промэнерго' spelt by «промышленности», «энергетики»: each word's first three or more letters in turn, a
    linking «о» allowed after each ('пром' + 'энерг' + 'о')."""
    if not words:
        return not rest
    word = words[0]
    for k in range(min(len(word), len(rest)), 2, -1):
        if rest.startswith(word[:k]):
            tail = rest[k:]
            if _spells_contracted(tail, words[1:]) or tail.startswith("о") and _spells_contracted(tail[1:], words[1:]):
                return True
    return False


def _merge_contracted(cands: dict[str, Candidate]) -> None:
    """'Минпромэнерго' and 'Министерство промышленности и энергетики Чувашской Республики' in one article: the
    region's ministry by its contracted name, when one ministry's words spell it."""
    for c in [c for c in cands.values() if c.key.startswith("ner:") and re.fullmatch(r"Мин[а-яё]{5,}", c.label_ru)]:
        rest = c.label_ru[3:].lower()
        full = []
        for o in cands.values():
            where = regions.find(o.label_ru)
            if o is c or o.cls != "Ministry" or not o.label_ru.startswith("Министерство ") or not where:
                continue
            words = [w.lower() for w in o.label_ru[len("Министерство ") : where[-1].start].split() if w != "и"]
            if len(words) <= 4 and any(_spells_contracted(rest, list(order)) for order in permutations(words)):
                full.append(o)
        if len(full) == 1:
            _fold(c, full[0], cands)


def _merge_prefixes(cands: dict[str, Candidate], text: str = "") -> None:
    """'Экспертный совет' is the short form of 'Экспертный совет по развитию …' in the same article; beside two
    regions' bodies of that name ('Законодательное Собрание' of Kirov's and of Penza's), the body of the region in
    context (``regions.resolve_anaphora``)."""
    for key in list(cands):
        c = cands[key]
        if not key.startswith("ner:"):
            continue
        longer = [
            o
            for o in cands.values()
            if o is not c and len(o.lemmas) > len(c.lemmas) and o.lemmas[: len(c.lemmas)] == c.lemmas
        ]
        if len(longer) > 1 and text and c.mentions:
            r = regions.resolve_anaphora(text, c.mentions[0].start)
            own = [o for o in longer if r is not None and o.label_ru.endswith(" " + regions.genitive(r.label))]
            longer = own if len(own) == 1 else longer
        if len(longer) == 1:
            target = longer[0]
            for m in c.mentions:
                target.add(m)
            if c.label_ru not in target.alt_ru and c.label_ru != target.label_ru:
                target.alt_ru.append(c.label_ru)
            del cands[key]
