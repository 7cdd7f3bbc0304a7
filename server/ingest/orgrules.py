"""Organisations named by their shape rather than found by NER:

- a company with its legal form or a descriptor before a quoted name («ООО «Сармат Юг»»,
  «индустриальным парком «Масловский»», «компания «БИОТЕХ»»); a venue, programme or project in quotes
  is not an organisation («комплекс «Айка»», «программа «Проекты развития»»);
- a collegial body named by its head noun and what follows: «комитета Госдумы по промышленности и
  торговле», «правительственной комиссии по региональному развитию», «Наблюдательного совета ФРП»,
  «Коллегия Минпромторга» (abbreviations «правкомиссия», «набсовет» are spelled out in the label);
- a company named in Latin letters after its descriptor or country adjective («концерн Claas»);
- a named industrial park or technopark («индустриальный парк «Узловая»», «Столыпинский индустриальный
  парк», «промышленный парк ЗЭМ»): pkg:IndustrialSite, its short forms («парк «Узловая»», «ИП «Узловая»») joined;
- a regional body: a federal body named with a region («Фонда развития промышленности Кубани»,
  «Правительства Удмуртской Республики»), or after «региональный» («регионального Фонда развития
  промышленности», «региональный минпромторг» — the region is the one the article last named), and a
  ministry named with its region («Министерства инвестиций и инноваций Московской области»).
"""

from __future__ import annotations

import re
from functools import lru_cache

from server.core.translit import slugify, translit
from server.ingest import nlp, regions
from server.ingest.aliases import ALIASES
from server.ingest.entities import STATISTICS_OFFICE, Candidate, Mention, head_lemma
from server.ingest.inflect import inflect_phrase
from server.ingest.orgbase import (
    FIELD_UNITS,
    HEAD_CLASSES,
    MINISTRY_SHORT,
    Entry,
    alias_candidate,
    extend_org,
    org_class,
)

BODY_HEADS = {
    "комиссия",
    "подкомиссия",
    "правкомиссия",
    "госкомиссия",  # 'председателя госкомиссии по Арктике'
    "комитет",
    "совет",
    "набсовет",
    "коорсовет",  # 'Коорсовет по промышленности …': a coordinating council, as the text clips it
    "коордсовет",
    "коллегия",
    "правление",
    "президиум",
    "представительство",
}
EXPAND = {
    "правкомиссия": "правительственная комиссия",
    "набсовет": "наблюдательный совет",
    "госкомиссия": "государственная комиссия",
}
#: a region's epithet right before a body or a role: 'областного министерства', 'краевой министр'
REGIONAL_EPITHET = re.compile(r"(?:регионал|областн|краев|республиканск)[а-яё]*\s+$", re.IGNORECASE)
LEGAL_FORMS = r"ООО|ОАО|ЗАО|ПАО|НАО|АО|АНО|НКО|ФГУП|ГУП|МУП|ФГБУН|ФГБНУ|ФГБОУ|ФГАОУ|ФГАУ|ФГБУ|ФБУ|ГБУ|ГАУ|ФКП|ГК|ТОО|АК"
#: a state or municipal institution's form, which may carry its region's initials ('ГКУ СО «…»', 'ОГБУ «…»')
STATE_FORMS = r"(?:Ф|О|К)?(?:ГКУ|ГАУ|ГБУ|ГБОУ|ГАОУ|ГБПОУ|ГАУК|ГБУК)|МКУ|МАУ|МБУ|ФКУ"
DESCRIPTORS = {  # lemma of the descriptor's head -> keep the descriptor in the label?
    "зона": True,
    "кластер": True,
    "фонд": True,
    "банк": True,
    "завод": True,
    "комбинат": True,
    "фабрика": True,
    "автозавод": True,
    "киностудия": True,
    "издательство": True,
    "судоверфь": True,
    "мануфактура": True,
    "верфь": True,
    "шахта": True,
    "рудник": True,
    "типография": True,
    "университет": True,
    "институт": True,
    "ассоциация": True,
    "союз": True,
    "объединение": True,
    "корпорация": True,
    "госкорпорация": True,
    "госкомпания": True,
    "компания": False,
    "предприятие": False,
    "холдинг": False,
    "концерн": False,
    "группа": False,
    "производитель": False,
    "фирма": False,
    "оэз": True,
    "фракция": True,
}
NOT_ORG = {  # a site, venue, programme or medium named in quotes: not an organisation
    # a park's quoted name is no organisation of its own: the park as a whole is one (``parks``)
    "парк",
    "технопарк",
    "промпарк",
    "комплекс",
    "центр",
    "стадион",
    "площадка",
    "отель",
    "зал",
    "программа",
    "направление",
    "номинация",
    "трек",
    "секция",
    "модель",
    "продукт",
    "сервис",
    "приложение",
    "подпрограмма",
    "проект",
    "госпрограмма",
    "форум",
    "сессия",
    "конкурс",
    "премия",
    "выставка",
    "мероприятие",
    "канал",
    "телеграм-канал",
    "журнал",
    "газета",
    "сайт",
    "портал",
    "тема",
    "доклад",
    "акция",
    "марка",
    "бренд",
    "серия",
    "система",
    "капитал",  # 'Уставной капитал «…»': a company's capital, no body
    # products, vehicles, works of engineering and campaigns: «спутниковые группировки «А» и «Б»»
    "спутник",
    "группировка",
    "ракета",
    "самолёт",
    "самолет",
    "вертолёт",
    "вертолет",
    "лайнер",
    "судно",
    "корабль",
    "ледокол",
    "танкер",
    "подлодка",
    "автомобиль",
    "локомотив",
    "электровоз",
    "электропоезд",
    "поезд",
    "двигатель",
    "станок",
    "комбайн",
    "трактор",
    "изделие",
    "препарат",
    "вакцина",
    "технология",
    "операция",
    "нацпроект",
    "месторождение",
    "трасса",
    "магистраль",
    "газопровод",
    "нефтепровод",
    "мост",
    "линейка",
    "стратегия",
    "инициатива",
    "кампания",
    # a heading of a classification: 'отнесен к подразделу “Химическое производство”'
    "раздел",
    "подраздел",
    "рубрика",
    "категория",
}
#: a quoted name; a name nested in plain quotes may close both at once ('"ГМК "Норникель""') or once, also
#: when the inner name has spaces ('"Агентство "Инвестиции и развитие"': a quote after a space opens)
QUOTED = (
    r"(?:«[^«»\n]{1,80}(?:«[^«»\n]{1,60}»)?[^«»\n]{0,40}»|\"[^\"\n]{1,60}\s\"(?=\w)[^\"\n]{1,60}\"\"?"
    r"|\"[^\"\n]{1,80}\"(?:[^\"\s,.;:()]{1,40}\"\"?)?)"
)
#: a works' or institute's kind by its abbreviation before its quoted name: 'ПО «Старт»', 'ПК "Промтрактор"', 'НПП «…»'
#: (not after a legal form's own abbreviations: 'ЗАО ПК «Нордтекс»' is the legal form's name)
KIND_FORMS = r"НПО|НПП|НПК|НПЦ|НТЦ|ЦНИИ|НИИ|ОКБ|СКБ|КБ|ПО|ПК|ТД|ПКФ|УК"
LEGAL = re.compile(
    rf"(?<![\w])(?:{LEGAL_FORMS}|(?<![А-ЯЁ]\s)(?:{KIND_FORMS})|(?:{STATE_FORMS})(?:\s+[А-ЯЁ]{{2,4}})?)\s*"
    rf"(?:{QUOTED}|«[^«»\n]{{1,80}}«[^«»\n]{{1,60}}»)"
)
#: a word broken by a hyphen and a space ('производственно- техническое'): one word
BROKEN_HYPHEN = re.compile(r"(?<=[а-яё])- (?=[а-яё])")
DESCRIBED = re.compile(
    rf"((?:[А-Яа-яЁё]+(?:-[а-яё]+)?(?:ой|ый|ий|ая|ое|ого|ому|ым|ом|ую|ую|ей|их|ых)\s+){{0,2}}[А-Яа-яЁё]+)\s+({QUOTED})"
)
#: a word for an association or a company, with what it gathers, before an acronym and a quoted name: 'ассоциации
#: переработчиков лома НСРО «Руслом.ком»'
ACRONYM_DESCRIBED = re.compile(
    r"(?<![\w-])(?:ассоциаци|союз|объединени|партн[её]рств|компани|холдинг|концерн)[а-яё]{0,3}(?:\s+[а-яё]+){0,3}\s+$",
    re.IGNORECASE,
)
#: a word for a works with what it makes in the genitive before its quoted name ('завод турбокомпрессоров «…»')
COMPLEMENTED = re.compile(rf"(?<![\w-])(?=(?P<head>[А-Яа-яЁё]+)\s+((?:[а-яё]+(?:-[а-яё]+)?\s+){{1,3}})({QUOTED}))")
BODY_WORDS = (
    r"(?:правкомисси|госкомисси|подкомисси|комисси|комитет|совет|набсовет|коорд?совет|коллеги|правлени|президиум|филиал|кластер"
    r"|управлени|центр|групп)"
)
#: a body's head with up to three adjectives before it (a body's own head, 'комиссией Государственного Совета', is
#: never one of them)
BODY = re.compile(
    rf"\b((?:(?!{BODY_WORDS}[а-яё]{{0,3}}\s)[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?(?:ой|ый|ий|ая|ое|ого|ому|ым|ом|ую|ей)\s+){{0,3}}"
    rf"{BODY_WORDS}[а-яё]*)\b",
    re.IGNORECASE,
)
NOT_NAME_ADJ = {
    "новый",
    "который",  # a pronoun the dictionary reads as an adjective: 'Законопроект, который Комиссия правительства РФ …'
    "утвердить",  # 'правилам, утверждённым президиумом правкомиссии': a participle of the sentence (its verb)
    "прежний",
    "старый",
    "бывший",
    "нынешний",
    "этот",
    "тот",
    "данный",
    "указанный",
    "такой",
    "соответствующий",
    "региональный",
    "федеральный",
    "весь",
    "свой",
    "каждый",
    "один",
    "другой",
    "второй",
    "первый",
    "созданный",
}
MINISTRY = re.compile(r"\b(министерств[а-яё]*)\s+", re.IGNORECASE)
ANAPHORA = {"региона": "регион", "области": "область", "края": "край", "республики": "республика", "округа": "округ"}


def key_of(label: str) -> str:
    """The identity of a name in one article: its lemmas, two words joined by «и» in either order
    ('кластер строительных материалов и технологий' = '… технологий и материалов')."""
    lemmas = list(nlp.lemma_key(label))
    for i in range(1, len(lemmas) - 1):
        if lemmas[i] == "и" and lemmas[i - 1] > lemmas[i + 1]:
            lemmas[i - 1], lemmas[i + 1] = lemmas[i + 1], lemmas[i - 1]
    return "ner:" + " ".join(lemmas)


def candidate(label: str, cls: str | None) -> Candidate:

    c = Candidate(
        "org",
        key_of(label),
        label,
        translit(label),
        cls or org_class(label),
        slugify(label),
        lemmas=nlp.lemma_key(label),
    )
    first = label.split()[0]
    descriptor = label.split("«")[0].split()
    if (
        "«" in label
        and descriptor
        and nlp.lemma(descriptor[-1].lower()) in DESCRIPTORS
        and not label.startswith(MANAGING)  # the quoted name is the park's or the zone's
        and not _zone_worked_for(label[label.index("«") :], label)  # '… в ОЭЗ «Томск»': the zone's name
    ):
        c.alt_ru.append(label[label.index("«") :])  # 'Завод «Радиоприбор»' is also «Радиоприбор»
    if " " in label and MINISTRY_SHORT.match(first.lower()):  # 'Мининвест Московской области': also 'Мининвест'
        c.alt_ru.append(first)
    c.notes.append(
        (
            "Организация найдена правилом по форме названия: проверить название, класс и английскую подпись.",
            "Organisation found by a rule on the shape of its name: check the name, class and English label.",
        )
    )
    return c


def is_body_of(label: str) -> bool:
    return nlp.lemma(label.split()[0]) in BODY_HEADS or any(nlp.lemma(w) in BODY_HEADS for w in label.split()[:3])


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# -- enumerations of quoted names ---------------------------------------------------------------

ITEM = r"(?:«[^«»\n]{2,60}(?:«[^«»\n]{1,40}»)?[^«»\n]{0,20}»|\"[^\"\n]{2,60}\"(?:[^\"\s,.;:()]{1,40}\"\")?)"
#: an unquoted name among quoted ones («А», ИП Петров А.В., «Б», а также Миасская фабрика и «В»)
PLAIN_ITEM = r"[А-ЯЁ][А-ЯЁа-яё\-]*(?:\s+(?:[А-ЯЁа-яё][А-ЯЁа-яё\-]*|[А-ЯЁ]\.\s?[А-ЯЁ]\.)){0,3}"
LIST_LINK = r"(?:\s*,\s*(?:а\s+также\s+)?|\s+и\s+|\s+а\s+также\s+)"
QUOTED_LIST = re.compile(rf"{ITEM}(?:{LIST_LINK}(?:{ITEM}|{PLAIN_ITEM}))*{LIST_LINK}{ITEM}")
#: plural words for companies before a list of their names: «среди получателей — "А" и "Б"»
COMPANY_WORDS = {
    "получатель", "заемщик", "предприятие", "компания", "завод", "организация", "производитель", "резидент",
    "поставщик", "подрядчик", "холдинг", "банк", "перевозчик", "авиакомпания", "авиаперевозчик", "застройщик",
}  # fmt: skip
#: words between that plural word and its list: «перевозчиков (среди них "А", "Б" и др.)»
LIST_LEAD = re.compile(r"\s*[(,]?\s*(?:среди\s+них|в\s+том\s+числе|включая|например)\s*[-—–:]?\s*$", re.IGNORECASE)
#: a list's last link that names no item: '… и др.', '… и другие'
AND_OTHERS = re.compile(r"\s+и\s+(?:др(?:\.|угие|угих)?|т\.\s?д\.?|т\.\s?п\.?)(?![\w-])")


def _thing_before(text: str, start: int) -> bool:
    """A word for a thing that is no organisation right before a quoted list, maybe with its owner and a
    dash between ('по программам «А» и «Б»', 'две новые программы ФРП - «А» и «Б»')."""
    before = re.search(r"([А-Яа-яЁё\-]+)\s*[-—–:]?\s*$", text[max(0, start - 40) : start])
    if before is not None and nlp.parse(before.group(1))[0].normal_form in NOT_ORG:
        return True
    owned = re.search(r"((?:[А-Яа-яЁё\-]+\s+){1,2}[А-ЯЁа-яё\-]+)\s*[-—–:]\s*$", text[max(0, start - 60) : start])
    if owned is not None and any(
        p.normal_form in NOT_ORG for w in owned.group(1).split()[:-1] for p in nlp.parse(w)[:1]
    ):
        return True
    # 'по программам Фонда развития промышленности «А», «Б» и «В»': the thing's word, its owner's name (a capital
    # first), then the list
    of_owner = re.search(
        r"([А-Яа-яЁё\-]+)\s+[А-ЯЁ][А-Яа-яЁё\-]*(?:\s+[А-Яа-яЁё\-]+){0,4}\s*$", text[max(0, start - 80) : start]
    )
    if of_owner is not None and nlp.parse(of_owner.group(1))[0].normal_form in NOT_ORG:
        return True
    # 'площадках ОЭЗ «Технополис Москва» – «Руднево», «Печатники» и «Алабушево»': the sites of a named owner
    named = re.search(
        r"((?:[А-Яа-яЁё\-]+\s+){1,3})[«\"][^«»\"\n]{1,60}[»\"]\s*[-—–:]\s*$", text[max(0, start - 120) : start]
    )
    return named is not None and any(p.normal_form in NOT_ORG for w in named.group(1).split() for p in nlp.parse(w)[:1])


#: a quoted name right after a word for a thing (maybe with an adjective between): «спутник «Ямал»», 'подраздел
#: “Химическое производство”'
THING_NAME = re.compile(r"([А-Яа-яЁё\-]+)\s*[-—–:]?\s*[«“]([^«»“”\n]{2,40})[»”]")


def thing_names(text: str) -> set[str]:
    """Names the text gives to things that are no organisation, alone or in a list after the thing's word
    («спутниковых группировок «Ямал» и «Смотр»»): such a name is no organisation anywhere in the text."""
    out = {m.group(2) for m in THING_NAME.finditer(text) if nlp.parse(m.group(1))[0].normal_form in NOT_ORG}
    for s, e in thing_lists(text):
        out |= {i.group()[1:-1] for i in re.finditer(ITEM, text[s:e]) if i.group()[:1] == "«"}
    return {n.lower() for n in out}


#: words for territories that sum up a quoted list after it («… и «Б» таких территорий»): places, no bodies
TERRITORY_WORDS = {"территория", "зона", "промзона", "район", "квартал", "участок", "площадка", "парк"}
#: a demonstrative and a plural noun right after a quoted list: the word that sums the list up
SUMMED_UP = re.compile(r"\s+(?:так|эт|подобн|перечисленн|названн)[а-яё]{1,3}\s+([а-яё-]+)", re.IGNORECASE)


def _thing_after(text: str, end: int) -> bool:
    """A demonstrative and a plural word for a place or a thing that is no organisation right after a quoted
    list: «Вместе с «А», «Б» и «В» таких территорий стало девять» (the names are of those things)."""
    m = SUMMED_UP.match(text, end)
    return m is not None and any(
        p.tag.number == "plur" and p.normal_form in NOT_ORG | TERRITORY_WORDS for p in nlp.parse(m.group(1))[:2]
    )


def thing_lists(text: str) -> list[tuple[int, int]]:
    """The spans of quoted lists after a word for a thing that is no organisation, or summed up by one after
    them: none of their names is one."""
    return [
        m.span() for m in QUOTED_LIST.finditer(text) if _thing_before(text, m.start()) or _thing_after(text, m.end())
    ]


def quoted_lists(text: str) -> list[tuple[list[Mention], bool]]:
    """Lists of two or more quoted names («А», «Б» и «В»): (the names, each with its quotes; whether a
    plural word for companies stands right before the list). Not after a word for a thing that is no
    organisation («программы «А» и «Б»»)."""
    out = []
    for m in QUOTED_LIST.finditer(text):
        if _thing_before(text, m.start()) or _thing_after(text, m.end()):
            continue
        lead = LIST_LEAD.search(text[max(0, m.start() - 40) : m.start()])
        stop = m.start() - (len(lead.group()) if lead else 0)
        before = re.search(r"([А-Яа-яЁё\-]+)\s*[-—–:]?\s*$", text[max(0, stop - 40) : stop])
        word = nlp.parse(before.group(1))[0] if before else None
        companies = word is not None and word.normal_form in COMPANY_WORDS and word.tag.number == "plur"
        if not re.search(r"\s(?:и|а\s+также)\s", m.group()) and not AND_OTHERS.match(text, m.end()):
            continue  # «А», «Б»: no list without its last link (or '… и др.')
        items = [Mention(m.start() + i.start(), m.start() + i.end(), i.group()) for i in re.finditer(ITEM, m.group())]
        if len(items) > 1 and all(i.text[1:2].isupper() for i in items):
            out.append((items, companies))
    return out


# -- regional bodies -----------------------------------------------------------------------------


def _base(label: str) -> str:
    return re.sub(r"\s+(?:Российской Федерации|РФ|России)$", "", label)


#: federal bodies that have no regional counterpart of the same name
FEDERAL_ONLY = {"state-duma", "federation-council", "presidential-administration"}


def region_after(text: str, end: int, genitive: bool = False) -> tuple[str, int] | None:
    """(region label, end) of a region or a bare «региона»/«области»/… right after ``end`` (in the
    genitive, with ``genitive``: the body of a region, not 'совещание Госдумы Челябинскую область')."""
    m = re.match(r"(?:[ \u00a0]+\([А-ЯЁ]{2,6}\))?[ \u00a0]+", text[end:])  # '… развития (АИР) Челябинской области'
    if not m:
        return None
    pos = end + m.end()
    for r in regions.find(text):
        if r.start == pos and (genitive or not r.is_city):  # 'фонд … Петербурга': a federal city's body
            if genitive and not genitive_name(r.text):
                return None
            return r.label, r.end
    w = re.match(rf"(?:{THIS_REGION}\s+)?([а-яё]+)", text[pos:])
    if w and w.group(1) in ANAPHORA:
        named = regions.resolve_anaphora(text, pos)
        return (named.label, pos + w.end()) if named else None
    return None


#: the federal government named as such: «Правительство РФ», «федеральное правительство», «кабмин», the premier
FEDERAL_GOVERNMENT = re.compile(
    r"(?i:правительств[а-яё]*|кабмин[а-яё]*|премьер[а-яё-]*|председател[а-яё]*\s+правительства)\s+"
    r"(?-i:РФ|России|Российской)|(?i:федеральн[а-яё]+\s+(?:правительств|кабмин)|Белого\s+дома|Мишустин)"
)


#: a word pointing back at the region already named: «47-го региона» (its number), «нашего края», «этой области»
THIS_REGION = r"(?:\d{1,2}-?го|\d{1,2}-?й|(?:эт|данн|родн)(?:ого|ой)|наш(?:его|ей))"


def _unnamed_region_body(text: str, entry: Entry, men: Mention) -> tuple[str, str, Mention] | None:
    """'пресс-служба правительства региона' in an article that names no region: the body of a region not
    named (labelled so, for the reader to resolve), never the federal one."""
    assert entry.alias is not None
    m = re.match(rf"[ \u00a0]+(?:{THIS_REGION}\s+)?([а-яё]+)(?![\w-])", text[men.end :])
    if m is None or m.group(1) not in ANAPHORA or regions.resolve_anaphora(text, men.end) is not None:
        return None
    cls = "RegionalGovernment" if entry.alias.slug == "government-of-russia" else entry.cls
    end = men.end + m.end()
    return f"{_base(entry.label_ru)} региона", cls, Mention(men.start, end, text[men.start : end])


def genitive_name(surface: str) -> bool:
    """Whether some word of a region's name can be genitive ('Челябинской области', 'Кубани'); an
    abbreviation in capitals ('ЛНР', 'ХМАО', 'КЧР') is indeclinable, so it can."""
    if re.fullmatch(r"[А-ЯЁ]{2,}", surface):
        return True
    if surface.endswith("ья") and regions.find(surface[:-1] + "е"):
        return True  # 'Приамурья': the genitive of 'Приамурье', which the dictionary misreads
    return any(any(p.tag.case == "gent" for p in nlp.parse(w.lower())) for w, _, _ in nlp.words(surface))


#: a second post of the same person right after a body's name: 'зампреда правительства – министра …'
CHAINED_MINISTER = re.compile(
    r"\s*[-–—,]\s*(?:перв[а-яё]+\s+)?(?:министр[а-яё]{0,2}|замминистра|заместител[а-яё]{1,3}\s+министра)\s+",
    re.IGNORECASE,
)


#: a ministry's further fields after the alias table's name: 'министерство экономического развития, промышленности и
#: торговли' (a region's ministry of more fields than the federal one)
MORE_FIELDS = re.compile(r"(?:,[ \u00a0]+[а-яё]+)*[ \u00a0]+и[ \u00a0]+[а-яё]+(?![\w-])")


def regional_counterpart(text: str, entry: Entry, men: Mention) -> tuple[str, str, Mention] | None:
    """The region's body of a federal body's name (``_regional_counterpart``); a ministry's name with more fields
    after it («министерство экономического развития, промышленности и торговли») is the region's ministry of those
    fields."""
    more = MORE_FIELDS.match(text, men.end) if entry.cls == "Ministry" and entry.alias is not None else None
    words = re.findall(r"[а-яё]+", more.group()) if more is not None else []
    if (
        more is None
        or not all(
            w == "и"
            or (
                any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in nlp.parse(w))
                and nlp.lemma(w) not in HEAD_CLASSES
                and nlp.lemma(w) not in DESCRIPTORS
                and nlp.lemma(w) not in UNIT_HEADS
            )
            for w in words
        )
        or re.search(r"(?:РФ|России|Российской Федерации)$", men.text)
    ):
        # not '… экономического развития и правительства области', 'Минэкономразвития РФ и правительства': two bodies
        return _regional_counterpart(text, entry, men)
    longer = Mention(men.start, more.end(), text[men.start : more.end()])
    found = _regional_counterpart(text, entry, longer)
    base = _base(entry.label_ru)
    if found is None or not found[0].startswith(base):
        return found
    return f"{base}{more.group()}{found[0][len(base) :]}", found[1], found[2]


def _regional_counterpart(text: str, entry: Entry, men: Mention) -> tuple[str, str, Mention] | None:
    """A federal body's name followed by a region, or after «региональный» or a region's adjective
    («Запорожский фонд развития промышленности»): (label, class, mention) of the region's body; None
    when the match is the federal body."""
    if entry.alias is None or re.search(r"(?:РФ|России|Российской Федерации)$", men.text):
        return None
    if entry.alias.slug in FEDERAL_ONLY:
        return None
    after = region_after(text, men.end, genitive=True)
    abbr = re.match(r"\s*\([А-ЯЁ]{2,}\)", text[men.end :])
    if after is None and abbr is not None:  # 'Фонд развития промышленности (ФРП) Ростовской области'
        after = region_after(text, men.end + abbr.end(), genitive=True)
    chain = CHAINED_MINISTER.match(text, men.end) if after is None else None
    if chain is not None and entry.alias.slug == "government-of-russia":
        _, region, _, federal = ministry_from_complement(text, chain.end())
        after = (
            (region, men.end) if region is not None and not federal else None
        )  # 'зампреда правительства – министра … области'
    place = place_after(text, men.end) if after is None else None
    if place is not None:  # 'Фонд развития промышленности Донбасса': the body of that land, named so
        word, end = place
        return f"{_base(entry.label_ru)} {word}", entry.cls, Mention(men.start, end, text[men.start : end])
    before = re.search(
        r"(?:регионал|областн|краев|республиканск|местн)[а-яё]*\s+$",
        text[max(0, men.start - 30) : men.start],
        re.IGNORECASE,
    )
    state = None
    if (
        after is None
        and before is None
        and (CREATED_HERE.search(text[max(0, men.start - 50) : men.start]) or CREATED_AFTER.match(text, men.end))
    ):
        r = _sentence_region(text, men.start) or regions.resolve_anaphora(text, men.start)
        if r is not None:  # 'о создании в регионе Фонда развития промышленности': the region's fund
            cls = "RegionalGovernment" if entry.alias.slug == "government-of-russia" else entry.cls
            return f"{_base(entry.label_ru)} {regions.genitive(r.label)}", cls, men
    if before is None and men.text.startswith("фонд"):  # 'учрежден государственный некоммерческий фонд …'
        before = state = STATE_FUND.search(text[max(0, men.start - 40) : men.start])
    adjective = regions.by_adjective(text, men.start) if after is None and before is None else None
    if adjective is None and after is None and before is None and entry.cls == "Ministry":
        # 'кубанского Минфина', 'свердловского минпромторга' (a fund so named is left to the merging rules)
        adjective = _lower_region_adjective(text, men.start)
    if after is None and before is None and adjective is None:
        return _unnamed_region_body(text, entry, men)
    if after is not None:
        region, end = after
    elif adjective is not None:  # 'Запорожский фонд развития промышленности'
        region, end = adjective.label, men.end
    else:  # the region named in the same sentence ('Государственный фонд … появится и в Красноярском крае'), else the last
        r = _sentence_region(text, men.start) if state is not None else None
        r = r or regions.resolve_anaphora(text, men.start)
        if r is None:  # 'регионального правительства' in an article that names no region
            cls = "RegionalGovernment" if entry.alias.slug == "government-of-russia" else entry.cls
            start = men.start - len(before.group()) if before else men.start
            return f"{_base(entry.label_ru)} региона", cls, Mention(start, men.end, text[start : men.end])
        region, end = r.label, men.end
    start = men.start - len(before.group()) if before else adjective.start if adjective else men.start
    cls = "RegionalGovernment" if entry.alias.slug == "government-of-russia" else entry.cls
    label = f"{_base(entry.label_ru)} {regions.genitive(region)}"
    named = STATE_NAMED.search(text[max(0, men.start - 20) : men.start]) if men.text.startswith("фонд") else None
    # not 'Государственный фонд … появится и в Пермском крае': a sentence's capital
    opening = named is not None and text[: men.start - len(named.group())].rstrip()[-1:] in ("", ".", "!", "?")
    if named is not None and not opening and entry.alias.slug == "industrial-development-fund":
        # 'Государственному фонду развития промышленности Новосибирской области': the region's fund by its own name
        label, start = f"Государственный {label[:1].lower()}{label[1:]}", min(start, men.start - len(named.group()))
    return label, cls, Mention(start, end, text[start:end])


def _lower_region_adjective(text: str, pos: int) -> regions.Region | None:
    """The region a lower-case adjective right before ``pos`` names («кубанского Минфина», «татарстанский
    минпром»): a by-name or a republic's adjective of the table, or the adjective of a region the article names."""
    m = re.search(r"(?<![\w-])([а-яё]{4,}(?:ого|ому|ым|им|ом|ой|ий|ый|ая|ую|ое))\s+$", text[max(0, pos - 40) : pos])
    label = regions.of_adjective(m.group(1), text) if m is not None else None
    if m is None or label is None:
        return None
    start = pos - len(m.group())
    return regions.Region(label, start, pos, text[start:pos])


#: a body created in the region the text speaks of: «о создании в регионе Фонда …», «создадут в области …»
CREATED_HERE = re.compile(
    r"(?<![\w-])(?:созда|учрежд|учреди|образова|появ)[а-яё]*\s+в\s+(?:этом\s+|нашем\s+)?(?:регионе|области|крае|республике)\s+$",
    re.IGNORECASE,
)
#: the same after the body's name: 'Фонд развития промышленности в регионе мы создали в этом году'
CREATED_AFTER = re.compile(
    r"\s+в\s+(?:этом\s+|нашем\s+)?(?:регионе|области|крае|республике)\s+(?:[а-яё]+\s+){0,2}"
    r"(?:созда|учрежд|учреди|образова|появи|появл)[а-яё]*(?![\w-])",
    re.IGNORECASE,
)
#: a fund written in lower case after «государственный», «некоммерческий»: a region's fund (the federal
#: one is «Фонд развития промышленности»)
#: the country a commission's or council's name ends in: '… по региональному развитию в Российской Федерации'
IN_THE_COUNTRY = re.compile(r"[ \u00a0]+в[ \u00a0]+Российской[ \u00a0]+Федерации(?![\w-])")
#: a region's fund named as the state's, in capitals: 'Государственному фонду развития промышленности …'
STATE_NAMED = re.compile(r"(?<![\w-])Государственн[а-яё]{1,3}\s+$")
STATE_FUND = re.compile(r"(?<![\w-])(?:(?:государственн|некоммерческ)[а-яё]+\s+){1,2}$", re.IGNORECASE)


def _sentence_region(text: str, pos: int) -> regions.Region | None:
    """The region (not a federal city) named in the sentence at ``pos`` nearest to it."""
    bounds = next(((s, e) for s, e in nlp.sentence_bounds(text) if s <= pos < e), None)
    if bounds is None:
        return None
    found = [r for r in regions.find(text) if bounds[0] <= r.start < bounds[1] and not r.is_city]
    return min(found, key=lambda r: abs(r.start - pos), default=None)


def place_after(text: str, end: int) -> tuple[str, int] | None:
    """(the word, its end) of a place's name in the genitive right after ``end`` that is no region of
    the table ('Донбасса', 'Урала', 'Германии'): a land or another country, not a person's surname."""
    m = re.match(r"[ \u00a0]+([А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])", text[end:])
    if m is None or regions.find(m.group(1)):
        return None
    parses = nlp.parse(m.group(1).lower())
    if not parses or "Geox" not in parses[0].tag or parses[0].tag.case != "gent" or parses[0].normal_form == "россия":
        return None
    if any("Surn" in p.tag or "Name" in p.tag for p in parses):
        return None
    return m.group(1), end + m.end()


def coordinated_regions(text: str, end: int) -> tuple[list[str], int] | None:
    """(the regions, end) of «ДНР и ЛНР», «Карелии, Дагестана и Тульской области», «Донецкой и Луганской
    народных республик» or «ЛНР, ДНР, Запорожской и Херсонской областей» right after ``end``: a plural
    name before them is one body in each. Adjectives before a shared plural head («Запорожской и
    Херсонской областей») are each that head's region."""
    m = re.match(r"[ \u00a0]+", text[end:])
    if m is None:
        return None
    pos = end + m.end()
    found = {r.start: r for r in regions.find(text) if not r.is_city}
    items: list[str | None] = []  # a region's label, or None for an adjective waiting for the shared head
    adjectives: list[str] = []
    last = False
    while True:
        r = found.get(pos)
        if r is not None and not _SHARED_HEAD.search(r.text):
            items.append(r.label)
            pos = r.end
        elif (adj := re.match(r"[А-ЯЁ][а-яё]+(?:ой|ого)(?![\w-])", text[pos:])) is not None:
            items.append(None)
            adjectives.append(adj.group())
            pos += adj.end()
        else:
            return None
        if last:
            break
        sep = re.match(r"\s*,\s*|\s+и\s+", text[pos:])
        if sep is None:
            return None
        last = "и" in sep.group()
        pos += sep.end()
    if adjectives:
        head = re.match(r"\s+((?:[а-яё]+(?:ых|их)\s+)?(?:республик|областей|краев))(?![\w-])", text[pos:])
        if head is None:
            return None
        shared = _shared_regions(adjectives, head.group(1))
        if shared is None:
            return None
        pos += head.end()
        items = [x if x is not None else shared.pop(0) for x in items]
    return [x for x in items if x is not None], pos


_SHARED_HEAD = re.compile(r"(?:республик|областей|краев)$")


def _shared_regions(adjectives: list[str], plural: str) -> list[str] | None:
    """The regions of «Донецкой», «Луганской» with «народных республик»: each adjective with the head in
    the singular genitive, looked up in the table."""
    words = plural.split()
    head = next((p for p in nlp.parse(words[-1]) if p.tag.POS == "NOUN"), None)
    if head is None:
        return None
    sing = [
        (next((p for p in nlp.parse(w) if p.tag.POS == "ADJF"), None) or head).inflect(
            {"gent", "sing", head.tag.gender}
        )
        for w in words[:-1]
    ] + [head.inflect({"gent", "sing"})]
    phrase = " ".join(x.word for x in sing if x is not None)
    labels = []
    for adj in adjectives:
        name = f"{adj} {phrase}"
        hit = next((r for r in regions.find(name) if r.start == 0 and r.end == len(name)), None)
        if hit is None:
            return None
        labels.append(hit.label)
    return labels


def coordinated_counterparts(text: str, entry: Entry, men: Mention) -> list[tuple[str, str, Mention, str | None]]:
    """A known body's name in the plural before coordinated regions («Фонды развития промышленности ДНР
    и ЛНР», «… Карелии, Дагестана и Тульской области»): (label, class, mention, the name with the region
    as written) of each region's body, the mention shared."""
    if entry.alias is None or entry.alias.slug in FEDERAL_ONLY:
        return []
    pair = coordinated_regions(text, men.end)
    if pair is None:
        return []
    labels, end = pair
    before = REGIONAL_EPITHET.search(text[max(0, men.start - 30) : men.start])
    start = men.start - len(before.group()) if before else men.start
    cls = "RegionalGovernment" if entry.alias.slug == "government-of-russia" else entry.cls
    written = {  # not the shared plural of «Донецкой и Луганской народных республик»
        r.label: r.text
        for r in regions.find(text)
        if men.end <= r.start and r.end <= end and not _SHARED_HEAD.search(r.text)
    }
    return [
        (
            f"{_base(entry.label_ru)} {regions.genitive(r)}",
            cls,
            Mention(start, end, text[start:end]),
            f"{_base(entry.label_ru)} {written[r]}" if r in written else None,
        )
        for r in labels
    ]


FEDERAL_MARK = re.compile(r"(?:федеральн|общероссийск|всероссийск)[а-яё]*\s+$", re.IGNORECASE)

#: a joint loan or project «с ФРП»: the partner is the federal body (a region's body is the other side)
JOINT = re.compile(r"совместн[а-яё]*\s+(?:[а-яё]+\s+)?с\s+$", re.IGNORECASE)


def _federal(text: str, m: Mention) -> bool:
    """A federal body's abbreviation marked as the federal one: «федеральный ФРП», «ФРП РФ», «совместные с ФРП»."""
    before = text[max(0, m.start - 40) : m.start]
    return bool(
        FEDERAL_MARK.search(before)
        or JOINT.search(before)
        or re.match(r"\s+(?:РФ|России|Российской Федерации)\b", text[m.end :])
    )


def merge_into_regional(
    text: str, cands: dict[str, Candidate], regional: dict[str, tuple[Entry, set[str]]], short_parts: set[int]
) -> None:
    """A federal body's bare name where the article names the body of one region and never marks the
    federal one («федеральный», «… России»): in the headline or lead (``short_parts``: their
    offsets) it is the region's body, named short («Фонд развития промышленности выдал подмосковным
    компаниям …» over «Фонд развития промышленности Московской области»), and so is an abbreviation
    the text gives the region's body in parentheses («региональный Фонд развития промышленности (ФРП)»,
    then «ФРП»). In an article about the region's body (named in the headline or lead) every bare name
    is that body, and so is every unmarked bare name in lower case after the region's body is first named
    (but for a joint loan «совместно с …»). Beside a region's body, «федеральный фонд» is the federal body of that kind."""
    for slug, (entry, keys) in regional.items():
        head = nlp.lemma(entry.label_ru.split()[0])
        for m in re.finditer(r"(?<![\w-])федеральн[а-яё]*\s+([а-яё]+)", text, re.IGNORECASE):
            if nlp.lemma(m.group(1)) == head:
                key = f"alias:{slug}"
                cands.setdefault(key, alias_candidate(entry)).add(Mention(m.start(), m.end(), m.group()))
        fed = cands.get(f"alias:{slug}")
        if fed is not None and len(keys) > 1:  # several regions' bodies: a headline's is that of its sentence's region
            _headline_by_region(text, fed, [cands[k] for k in keys if k in cands], short_parts)
            if not fed.mentions:
                del cands[f"alias:{slug}"]
        if fed is None or len(keys) != 1 or not fed.mentions:
            continue
        if any(
            FEDERAL_MARK.search(text[max(0, x.start - 30) : x.start])
            or x.text.lower().startswith("федеральн")
            or re.search(r"(?:РФ|России|Российской Федерации)$", x.text)
            or re.match(r"(?:\s*\([А-ЯЁ]{2,}\))?\s+(?:РФ|России|Российской Федерации)\b", text[x.end :])
            for x in fed.mentions
        ):
            continue
        target = cands[next(iter(keys))]
        defined = {
            d.group(1) for t in target.mentions if (d := re.match(r"\s*\(([А-ЯЁ]{2,})\)", text[t.end :])) is not None
        }
        # an article about the region's body (named in its headline or lead): every unmarked bare name
        # is that body ('Фонд … Башкирии' in the headline; then '… фонд …', '… займов ФРП')
        about = any(t.start in short_parts for t in target.mentions)
        # a later bare name of a fund or agency in lower case (a common noun pointing back: «докапитализацию
        # фонда развития промышленности»; not the government's, whose bare name in a post is the federal
        # one) is the region's body named before it; the capitalised name is the federal body's own
        first = min(t.start for t in target.mentions)
        later = entry.cls != "Government" and slug != "government-of-russia"
        moved = [
            x
            for x in fed.mentions
            if about
            or x.start in short_parts
            or x.text in defined
            or (
                later
                and x.start > first
                and x.text[:1].islower()
                and not JOINT.search(text[max(0, x.start - 40) : x.start])
            )
        ]
        for x in moved:
            target.add(x)
        fed.mentions = [x for x in fed.mentions if x not in moved]
        if not fed.mentions:
            del cands[f"alias:{slug}"]


def _headline_by_region(text: str, fed: Candidate, bodies: list[Candidate], short_parts: set[int]) -> None:
    """'В Омской области будет создан фонд развития промышленности' over the funds of two regions: the
    bare name in the headline or lead is the body of the region its sentence names."""
    for x in [x for x in fed.mentions if x.start in short_parts]:
        r = _sentence_region(text, x.start)
        own = [b for b in bodies if r is not None and b.label_ru.endswith(" " + regions.genitive(r.label))]
        if len(own) == 1:
            own[0].add(x)
            fed.mentions.remove(x)


# -- named shapes -----------------------------------------------------------------------------------


#: branches a regional ministry's name abbreviates ('министр строительства и ЖКХ')
BRANCH_ABBREVIATIONS = {"ЖКХ", "АПК", "ТЭК", "ОПК", "МСП", "ИТ", "ИКТ", "СМИ", "ЧС", "НИОКР"}


def _alone_after(text: str, pos: int) -> bool:
    """Nothing of a name after ``pos``: a name in capitals, a pause or the end."""
    return re.match(r"(?:\s+[А-ЯЁ][а-яё]|\s*[,.;:)\n]|\s*$)", text[pos:]) is not None


def _noun_next(text: str, pos: int) -> bool:
    """The word at ``pos`` (after a space) is a noun in the genitive, or another adjective joined by «и» is, then the
    noun ('цифрового и научно-технического развития')."""
    m = re.match(r"\s([а-яё-]+)(?![\w-])", text[pos:])
    if m is not None and any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in nlp.parse(m.group(1))[:2]):
        return True
    joined = re.match(r"\s+и\s+([а-яё-]+)(?=\s)", text[pos:])
    return (
        joined is not None
        and any(p.tag.POS == "ADJF" and p.tag.case == "gent" for p in nlp.parse(joined.group(1))[:2])
        and _noun_next(text, pos + joined.end())
    )


#: the words of an office or its holder, never a minister's portfolio: 'нового министра обязанности руководителя
#: перейдут …', 'должности министра инвестиций и развития и министра промышленности и науки'
OFFICE_WORDS = {
    "обязанность", "полномочие", "должность", "пост", "кресло", "отставка", "функция", "министр", "заместитель",
    "губернатор", "руководитель", "председатель", "директор",
}  # fmt: skip


def _genitive_complement(text: str, pos: int, po: bool = False) -> tuple[int, int, str | None, bool]:
    """A genitive complement starting at ``pos`` ('промышленности, торговли и энергетики'):
    (end of its own words, end with the region, the region it ends with — named, or a bare
    «региона»/«области» resolved — and whether it ends with «РФ»/«России»); with ``po``, also a minister's «по …»
    with its words in the dative («по промышленной политике, развитию предпринимательства и торговли …»)."""
    end, region, federal, seen_noun = pos, None, False, False
    own_end = noun_end = pos
    cases = {"gent"}
    for m in re.finditer(r"(\s*(?:\([А-ЯЁ]{2,6}\)\s+)?(?:,\s*|и\s+)?)([А-ЯЁа-яё\-]+)", text[pos:]):
        if m.start() != end - pos or "\n" in m.group(1) or ("(" in m.group(1) and not m.group(2)[:1].isupper()):
            break  # an abbreviation in brackets only before the region: 'агентства … (АИР) Челябинской области'
        w = m.group(2)
        wpos = pos + m.start(2)
        if po and w == "по" and wpos == pos:  # 'министра по промышленной политике, развитию предпринимательства …'
            cases = {"gent", "datv"}
            end = own_end = wpos + len(w)
            continue
        if w in ("РФ", "России") or text[wpos:].startswith("Российской Федерации"):
            federal = seen_noun
            end = wpos + (len("Российской Федерации") if w == "Российской" else len(w)) if seen_noun else end
            break
        if w in BRANCH_ABBREVIATIONS and wpos == pos and _alone_after(text, wpos + len(w)):
            seen_noun = True  # 'министр ЖКХ Имя', 'и.о. министра АПК': a branch's minister by its abbreviation alone
            end = own_end = noun_end = wpos + len(w)
            continue
        if w in BRANCH_ABBREVIATIONS and seen_noun and m.group(1).strip() in (",", "и"):
            end = own_end = noun_end = wpos + len(w)  # 'промышленности, энергетики и ЖКХ': an abbreviated branch
            continue
        if w[:1].isupper():
            hit = next((r for r in regions.find(text) if r.start == wpos and not r.is_city), None)
            if hit is not None and seen_noun:
                region, end = hit.label, hit.end
            break
        if w in ANAPHORA and not seen_noun:
            break  # 'министров региона': a region's minister, no portfolio named
        if w in ANAPHORA:
            r = regions.resolve_anaphora(text, wpos)
            if r is not None:
                region, end = r.label, wpos + len(w)
            break
        parses = [p for p in nlp.parse(w) if p.tag.case in cases and p.tag.POS in ("NOUN", "ADJF")]
        if (
            not parses
            or "Apro" in parses[0].tag  # 'Министром промышленности его сделали': no pronoun in a portfolio
            or parses[0].normal_form in OFFICE_WORDS  # 'до назначения нового министра обязанности руководителя …'
            or "," in m.group(1)
            and not any(p.tag.POS == "NOUN" for p in parses)
            and not _noun_next(text, wpos + len(w))
        ):
            break  # after a comma an adjective only with its noun ('торговли, легкой промышленности и …')
        seen_noun = seen_noun or any(p.tag.POS == "NOUN" for p in parses)
        end = own_end = wpos + len(w)
        noun_end = own_end if any(p.tag.POS == "NOUN" for p in parses) else noun_end
    if not seen_noun:
        return pos, pos, None, False
    if region is None and not federal and own_end > noun_end:
        end = own_end = noun_end  # 'департамента науки и промышленности неэффективной': no adjective without its noun
    return own_end, end, region, federal


#: a minister's field written short, in the ministry's name written out: 'министр соцзащиты' -> 'социальной защиты'
FIELD_WORDS = {
    "соцзащиты": "социальной защиты",
    "соцполитики": "социальной политики",
    "соцразвития": "социального развития",
    "промполитики": "промышленной политики",
    "госимущества": "государственного имущества",
}
FIELD_SHORT = re.compile(rf"(?<![\w-])(?:{'|'.join(FIELD_WORDS)})(?![\w-])", re.IGNORECASE)
#: a federal minister's macroregion: ' РФ по развитию Дальнего Востока', ' по развитию Северного Кавказа'
MACROREGION_MINISTRY = re.compile(
    r"[ \u00a0]*(?:(?:РФ|России)[ \u00a0]+)?по[ \u00a0]+развитию[ \u00a0]+"
    r"(?P<macro>Дальнего[ \u00a0]+Востока(?:[ \u00a0]+и[ \u00a0]+Арктики)?|Северного[ \u00a0]+Кавказа)"
)


def ministry_from_complement(text: str, pos: int) -> tuple[str | None, str | None, int, bool]:
    """For «министр(а) <complement>» at ``pos``: (ministry label without region, region, end, federal?)."""
    macro = MACROREGION_MINISTRY.match(text, pos)
    if macro is not None:  # 'министр РФ по развитию Дальнего Востока': the federal ministry of a macroregion
        return f"Министерство по развитию {macro.group('macro')}", None, macro.end(), True
    own_end, end, region, federal = _genitive_complement(text, pos, po=True)
    if own_end == pos:
        return None, None, pos, False
    government = re.search(r"(?:^|[ \u00a0]+)(?:правительства|администрации)$", text[pos:own_end])
    if government is not None and government.start() == 0:
        return None, None, pos, False  # 'министров правительства Карелии': ministers of a government, no field named
    if government is not None and region is not None and government.start() > 0:
        own_end = pos + government.start()  # '… предпринимательства правительства Новосибирской области': the region's
    field = FIELD_SHORT.sub(lambda w: FIELD_WORDS[w.group().lower()], text[pos:own_end])
    return f"Министерство {field}", region, end, federal


def _place_adjective(word: str) -> bool:
    """'кировском заводе «Алмаз-Антей»': a lower-case adjective of a place says where the works
    stand; it is no part of the name ('Научно-производственное', 'Машиностроительный' are)."""
    lemma = nlp.lemma(word)
    return (
        word[:1].islower()
        and "-" not in word
        and lemma.endswith("ский")
        and not lemma.endswith(("ческий", "тельский", "ерский"))
    )


#: words that describe a works or company in passing, no part of its name ('современный арматурный завод «…»')
DESCRIBING_ADJECTIVES = {
    "новый", "современный", "крупный", "крупнейший", "большой", "будущий", "строящийся", "уникальный",
    "передовой", "высокотехнологичный", "инновационный", "собственный", "нынешний", "бывший", "действующий",
    "единственный", "известный", "ведущий", "старейший", "градообразующий", "местный", "этот", "данный",
    "указанный", "профильный", "отечественный", "небольшой", "молодой", "перспективный", "якорный",
}  # fmt: skip


#: a government's press department named alone, as a report's source («сообщает департамент информационной
#: политики», «в управлении информполитики»): its owner, where written after it, is the other rules' affair
INFO_DEPARTMENT = re.compile(
    r"(?<![\w-])(?:департамент|управлени|комитет)[а-яё]*\s+(?:информационной\s+политики|информполитики)"
    r"(?=\s*[.,;:!?)»—–-]|\s+(?!губернатор|правительств|администраци|област|кра[яю]|республик|регион|город|мэри)"
    r"[а-яё])"
)
#: a town's or district's administration: «администрации Магнитогорска», «администрация города Кирова»,
#: «Администрация Череповецкого муниципального района», «администрации ЗАТО Северск», «мэрия Екатеринбурга»; a town's
#: executive committee (Tatarstan's towns have one in place of an administration): «исполкома Казани», «Исполнительный
#: комитет Набережных Челнов»
MUNICIPAL_ADMINISTRATION = re.compile(
    r"(?<![\w-])(?:[Аа]дминистраци(?:я|и|ей|ю)|(?P<mayor>[Мм]эри(?:я|и|ей|ю))|(?P<exec>[Ии]сполком(?:а|у|ом|е)?"
    r"|[Ии]сполнительн(?:ый|ого|ому|ым|ом)\s+комитет(?:а|у|ом|е)?))\s+(?P<name>"
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?(?:ого|его)\s+(?:муниципального\s+|городского\s+)?(?:района|округа)"
    r"|(?:города|городского\s+округа|ЗАТО|г\.)\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?=[\s,.;:)»]|$)(?!\s+(?:област|кра|район|округ|республик))"
    r")"
)


#: a ministry in lower case before a foreign country's name in the genitive: 'министерство коммерции Китая'
FOREIGN_MINISTRY = re.compile(
    r"(?<![\w-])министерств(?:о|а|у|ом|е)[ \u00a0]+(?:[а-яё]+[ \u00a0]+){1,3}?(?:и[ \u00a0]+[а-яё]+[ \u00a0]+)?"
    r"(?P<country>[А-ЯЁ][а-яё]+|КНР)(?![\w-])"
)
#: a park's or a zone's managing company by its quoted name: 'управляющей компании "Титановая долина"',
#: 'управляющая компания индустриального парка «Кабаново»'
MANAGING = "Управляющая компания"
MANAGING_COMPANY = re.compile(
    r"(?<![\w-])[Уу]правляющ(?:ая|ей|ую)[ \u00a0]+компани(?:я|и|ю|ей)[ \u00a0]+"
    r"(?:(?P<of>(?:индустриального|промышленного)[ \u00a0]+парка|технопарка|промпарка|ОЭЗ|особой[ \u00a0]+экономической"
    r"[ \u00a0]+зоны(?:[ \u00a0]+[а-яё-]+){0,3}?)(?P<abbr>[ \u00a0]+\(ОЭЗ\))?[ \u00a0]+)?"
    r"(?P<name>«[^«»\n]{2,50}»|\"[^\"\n]{2,50}\")"
)


#: a Moscow administrative district's prefecture, by the district's short name or its name in full
PREFECTURE = re.compile(
    r"(?<![\w-])[Пп]рефектур(?:а|ы|е|у|ой)[ \u00a0]+"
    r"(?P<area>[А-ЯЁ][а-яё]{0,3}[А-ЯЁ]{1,3}|[А-ЯЁ][а-яё-]+(?:ого|его)[ \u00a0]+административного[ \u00a0]+округа)"
    r"(?![\w-])"
)
#: a public institution by its kind and quoted name: 'краевое автономное учреждение "Алтайский центр …"',
#: 'государственного бюджетного учреждения «…»'
INSTITUTION = re.compile(
    r"(?<![\w-])(?P<kind>(?:(?:[Кк]раев|[Оо]бластн|[Рр]еспубликанск|[Мм]униципальн|[Гг]осударственн|[Фф]едеральн|[Гг]ородск)"
    r"[а-яё]{2,3}\s+)*(?:[Аа]втономн|[Бб]юджетн|[Кк]азенн|[Кк]азённ)[а-яё]{2,3}\s+(?:некоммерческ[а-яё]{2,3}\s+)?"
    r"учреждени[а-яё]{1,2})(?P<owner>\s+(?:[А-ЯЁ][а-яё]+(?:ой|ого)\s+(?:Республики|области|края)|Республики\s+[А-ЯЁ][а-яё]+))?"
    r"\s+(?P<q>[«\"])(?P<name>[А-ЯЁ][^«»\"\n]{2,120})[»\"]"
)  # 'автономного учреждения Чувашской Республики «Фонд …»': the region's institution
#: a Moscow district's council: 'управы района Солнцево (города Москвы)'
DISTRICT_UPRAVA = re.compile(
    r"(?<![\w-])[Уу]прав(?:а|ы|е|у|ой)[ \u00a0]+района[ \u00a0]+(?P<area>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)"
    r"(?P<city>[ \u00a0]+(?:города[ \u00a0]+)?Москвы)?(?![\w-])"
)
#: a quoted name right after a verb of heading, in the accusative that is its nominative: 'прежде возглавлявший
#: "Стройтрансгаз"' (not «Технодинамику», nor after «возглавитель»)
HEADED_QUOTED = re.compile(
    r"(?<![\w-])возглав(?:ля|и)(?!тел)\w*\s+(?P<q>[«\"])(?P<name>[А-ЯЁA-Z][^«»\"\n]{1,40}?(?<![ую]))[»\"]"
)

#: a quoted name in the instrumental right after «руководил»: 'руководивший "Алтайским бизнес-инкубатором"' (an
#: adjective and a noun, both in the instrumental)
LED_QUOTED = re.compile(
    r"(?<![\w-])руковод(?:ил|ивш)[а-яё]*\s+(?P<q>[«\"])(?P<name>[А-ЯЁ][а-яё]+(?:ым|им|ой|ей)\s+[а-яё-]+(?:ом|ем|ой|ей))[»\"]"
)


def named(
    text: str, cands: list[Candidate], region_spans: list[tuple[int, int]]
) -> list[tuple[str, str | None, Mention]]:
    """(label, class or None for the head noun's, mention) of the organisations named by shape."""
    out: list[tuple[str, str | None, Mention]] = []
    for m in MANAGING_COMPANY.finditer(text):  # 'управляющей компании "Титановая долина"': not the zone itself
        of = f" {m.group('of')}" if m.group("of") else ""  # 'особой экономической зоны (ОЭЗ) «…»': the bracket left out
        label = f"Управляющая компания{of} {_close_quotes(guillemets(m.group('name')))}"
        out.append((label, "Organization", Mention(m.start(), m.end(), m.group())))
    for m in FOREIGN_MINISTRY.finditer(text):  # 'министерство коммерции Китая': a foreign country's ministry
        country = m.group("country")
        if (m.start("country"), m.end("country")) in region_spans or not any(
            "Geox" in p.tag and p.tag.case == "gent" for p in nlp.parse(country)
        ):
            continue
        ministry = inflect_phrase(text[m.start() : m.start("country")].strip(), "nomn")
        out.append((f"{_cap(ministry)} {country}", "Ministry", Mention(m.start(), m.end(), m.group())))
    for m in LEGAL.finditer(text):
        surface = m.group().rstrip()
        label = _close_quotes(guillemets(BROKEN_HYPHEN.sub("-", re.sub(r"\s+", " ", surface))))
        out.append((label, "Organization", Mention(m.start(), m.start() + len(surface), surface)))
    # «Концерн «Созвездие»» is one name, not «Созвездие» described; added after the described names, which the
    # short forms join first ('Заводы «Азовмаш»' into 'ПАО «Азовмаш»', then «Азовмаш»)
    companies = quoted_companies(text)
    taken = [(x[2].start, x[2].end) for x in out + companies]
    for m in DESCRIBED.finditer(text):
        if any(m.start(2) < e and s < m.end(2) for s, e in taken):
            continue
        words = m.group(1).split()
        head = nlp.lemma(words[-1])
        if head not in DESCRIPTORS:
            at = m.start(1) + m.group(1).rfind(words[-1])
            acronym = re.fullmatch(r"[А-ЯЁ]{2,6}", words[-1]) and not re.fullmatch(LEGAL_FORMS, words[-1])
            if acronym and ACRONYM_DESCRIBED.search(text, max(0, at - 60), at):  # 'ассоциации … лома НСРО «…»'
                label = f"{words[-1]} {_close_quotes(guillemets(m.group(2)))}"
                out.append((label, "Organization", Mention(at, m.end(2), text[at : m.end(2)])))
            continue
        quoted = _close_quotes(guillemets(m.group(2)))
        if DESCRIPTORS[head]:
            start = m.start(1)
            # keep only the descriptor's own adjectives ('индустриальным парком', 'особой экономической зоной')
            cases = {h.tag.case for h in nlp.parse(words[-1]) if h.tag.POS == "NOUN"}
            adj = [
                w
                for w in words[:-1]
                # in the descriptor's case: not 'объединяющей' before 'банк «Россия»'
                if any(p.tag.POS in ("ADJF", "PRTF") for p in nlp.parse(w.split("-")[-1])[:2])
                and any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case in cases for p in nlp.parse(w.split("-")[-1]))
                and not _place_adjective(w)
                and nlp.lemma(w) not in DESCRIBING_ADJECTIVES
            ]
            start = m.start(1) + m.group(1).find(adj[0]) if adj else m.start(1) + m.group(1).rfind(words[-1])
            label = _cap(inflect_phrase(text[start : m.start(2)].strip(), "nomn")) + " " + quoted
        else:
            start = m.start(2)
            label = quoted
        # a named zone ('особая экономическая зона «…»', 'зона промышленно-производственного типа «…»') is a
        # site like a named park (writers list zones either way): pkg:IndustrialSite
        cls = "IndustrialSite" if head == "зона" else "Organization"
        out.append((label, cls, Mention(start, m.end(2), text[start : m.end(2)])))
    taken = [(x[2].start, x[2].end) for x in out + companies]
    for m in COMPLEMENTED.finditer(text):  # 'завода турбокомпрессоров «Турбоком»', 'фабрики елочных игрушек «…»'
        head = nlp.lemma(m.group("head"))
        if not DESCRIPTORS.get(head) or any(m.start(3) < e and s < m.end(3) for s, e in taken):
            continue
        words = m.group(2).split()
        if not all(nlp.parse(w)[0].tag.POS in ("NOUN", "ADJF") and _case_of_gent(w) for w in words):
            continue
        start = m.start("head")
        label = (
            _cap(inflect_phrase(text[start : m.start(3)].strip(), "nomn")) + " " + _close_quotes(guillemets(m.group(3)))
        )
        out.append((label, "Organization", Mention(start, m.end(3), text[start : m.end(3)])))
    out += companies
    taken = [(x[2].start, x[2].end) for x in out]
    for m in HEADED_QUOTED.finditer(text):  # 'Имя, прежде возглавлявший "Стройтрансгаз"': what a person heads
        name = m.group("name")
        if any(m.start("q") < e and s < m.end() for s, e in taken) or any(predicate(w) for w, _, _ in nlp.words(name)):
            continue
        out.append((f"«{name}»", "Organization", Mention(m.start("q"), m.end(), text[m.start("q") : m.end()])))
    for m in LED_QUOTED.finditer(text):  # 'до этого руководивший "Алтайским бизнес-инкубатором"': what he led
        if any(m.start("q") < e and s < m.end() for s, e in taken):
            continue
        name = inflect_phrase(m.group("name"), "nomn")
        out.append((f"«{name}»", "Organization", Mention(m.start("q"), m.end(), text[m.start("q") : m.end()])))
    for m in PREFECTURE.finditer(text):  # 'сайт префектуры ЗелАО': a Moscow district's prefecture
        out.append((f"Префектура {m.group('area')}", "Organization", Mention(m.start(), m.end(), m.group())))
    for m in INSTITUTION.finditer(text):  # 'краевое автономное учреждение "Алтайский центр …"': the kind and the name
        kind = inflect_phrase(m.group("kind").lower(), "nomn")
        owner = f" {m.group('owner').strip()}" if m.group("owner") else ""
        label = f"{_cap(kind)}{owner} «{m.group('name')}»"
        out.append((label, "Organization", Mention(m.start(), m.end(), m.group())))
    for m in DISTRICT_UPRAVA.finditer(text):  # 'главой управы района Солнцево': the district's council
        label = f"Управа района {m.group('area')}" + (" города Москвы" if m.group("city") else "")
        out.append((label, "Organization", Mention(m.start(), m.end(), m.group())))
    for m in SOLE_TRADER.finditer(text):  # 'ИП Голубицкий М.В.': a sole trader, as written
        out.append((m.group(), "Organization", Mention(m.start(), m.end(), m.group())))
    for m in KREMLIN.finditer(text):  # 'представитель Кремля', 'Кремль заявил'; not the place ('в Кремле')
        if not re.search(
            r"(?<![\w-])(?:в|во|из|у|к|до|около|возле|над|у\s+стен)\s+$", text[max(0, m.start() - 12) : m.start()]
        ):
            out.append(("Кремль", "Organization", Mention(m.start(), m.end(), m.group())))
    for m in WORKS_ACRONYM.finditer(text):  # 'ХБК «Шуйские ситцы»', 'ДОК «Красный Октябрь»': a works' short kind
        if m.group("abbr") in NOT_WORKS_ACRONYMS or any(m.start() < x[2].end and x[2].start < m.end() for x in out):
            continue
        if re.search(r"(?<![\w-])[А-ЯЁ]{2,}\s+$", text[max(0, m.start() - 12) : m.start()]):
            continue  # 'АО МБ НПК «Цитомед»', 'ЗАО ПК «Нордтекс»': part of a longer name with its legal form
        out.append((f"{m.group('abbr')} {m.group('q')}", "Organization", Mention(m.start(), m.end(), m.group())))
    out += _place_works(text, [(x[2].start, x[2].end) for x in out])
    out += _eponym_works(text, [(x[2].start, x[2].end) for x in out])
    out += acronyms_after_descriptor(text)
    out += statistics_offices(text)
    out += governors_departments(text)
    legislatures = regional_bodies(text)
    owners = cands + [_found(label, cls, men) for label, cls, men in legislatures]  # 'комитета заксобрания … по'
    units = units_of(text, owners)
    out += units
    out += chamber_units(text, owners)
    out += service_offices(text, owners)
    out += numbered_works(text)
    out += region_funds(text)
    out += _regional_ministries(text)
    out += regional_units(text)
    out += [  # 'областное управление по …': the unit of the region, found above
        b for b in bodies(text, owners) if not any(b[2].start < u.end and u.start < b[2].end for _, _, u in units)
    ]
    out += representations(text, owners)
    out += latin_names(text)
    out += ministry_words(text)
    out += department_words(text)
    out += legislatures
    out += informal_legislatures(text, legislatures)
    out += parks(text)
    for m in INFO_DEPARTMENT.finditer(text):  # 'сообщает департамент информационной политики.'
        label = _cap(inflect_phrase(m.group(), "nomn"))
        out.append((label, "Organization", Mention(m.start(), m.end(), m.group())))
    for m in MUNICIPAL_ADMINISTRATION.finditer(text):
        name = m.group("name")
        bare_city = " " not in name
        if regions.find(name) or (bare_city and not any({"Geox", "gent"} <= p.tag.grammemes for p in nlp.parse(name))):
            continue  # a region's administration is the regional government's rule; 'администрации Президента'
        head = "Мэрия" if m.group("mayor") else "Администрация"  # 'мэрия Екатеринбурга', as the press calls it
        if m.group("exec"):  # 'исполкома Казани': «Исполком Казани», as the press calls it, or its full name
            head = "Исполнительный комитет" if "комитет" in m.group("exec") else "Исполком"
        out.append((f"{head} {name}", "Organization", Mention(m.start(), m.end(), m.group())))
    district = _one_district(text)
    for m in DISTRICT_ADMINISTRATION.finditer(text) if district else ():
        out.append((f"Администрация {district}", "Organization", Mention(m.start(), m.end(), m.group())))
    return out


#: a region's unit named by its kind, then the region, then its field: 'управление Алтайского края по промышленности и
#: энергетике', 'управление региона по …', 'комитета Республики Крым по …'
REGION_UNIT = re.compile(
    r"(?<![\w-])(?:[Уу]правлени[еяюи]|[Дд]епартамент(?:а|у|ом|е)?|[Кк]омитет(?:а|у|ом|е)?|[Аа]гентств(?:о|а|у|ом|е)"
    r"|[Ии]нспекци(?:я|и|ю|ей))(?=[ \u00a0])"
)
#: its field after «по»: lower-case words joined by spaces, commas and «и», up to the clause's end
UNIT_FIELD = re.compile(
    r"[ \u00a0]+по[ \u00a0]+(?P<field>[а-яё-]+(?:(?:,[ \u00a0]+|[ \u00a0]+и[ \u00a0]+|[ \u00a0]+)[а-яё-]+){0,6}?)"
    r"(?=[ \u00a0]*(?:[.;:()«»\n]|$)|,[ \u00a0]+(?:котор|где|что|а[ \u00a0]|но[ \u00a0])|[ \u00a0]+[А-ЯЁ])"
)


def regional_units(text: str) -> list[tuple[str, str | None, Mention]]:
    """'возглавляет управление региона по промышленности и энергетике': a region's unit with its field, the region
    named right after the kind (or as «региона», «края», … the article's region)."""
    out: list[tuple[str, str | None, Mention]] = []
    for m in REGION_UNIT.finditer(text):
        after = region_after(text, m.end(), genitive=True)
        field = UNIT_FIELD.match(text, after[1]) if after is not None else None
        if after is None or field is None:
            continue
        words = list(re.finditer(r"[а-яё-]+", field.group("field")))
        while words and nlp.parse(words[-1].group())[0].tag.POS in ("VERB", "INFN", "PRTS", "ADVB", "GRND", "CONJ"):
            words.pop()  # '… по промышленности и торговле сообщили': the sentence's verb after the name
        if not words:
            continue
        end = field.start("field") + words[-1].end()
        head = _cap(inflect_phrase(m.group(), "nomn"))
        label = f"{head} {regions.genitive(after[0])} по {text[field.start('field') : end]}"
        out.append((label, None, Mention(m.start(), end, text[m.start() : end])))
    return out


#: a works' or company's abbreviated kind before its quoted name: «комбинат», «комплекс», «завод», «фабрика»
#: ('ХБК «Шуйские ситцы»', 'ДОК «Красный Октябрь»', 'ГМК «Норильский никель»', 'ПКФ «…»')
WORKS_ACRONYM = re.compile(r"(?<![\w«»\"-])(?P<abbr>[А-ЯЁ]{1,4}[КЗФ])\s+(?P<q>«[^«»\n]{1,60}»)")
#: not a works: a law, a group (a legal form's rule), a zone, a housing estate, a building, a broadcaster, the country
NOT_WORKS_ACRONYMS = {"ФЗ", "ГК", "ОЭЗ", "ЖК", "МФК", "ТРК", "ГТРК", "РФ", "ДК", "ТЦ", "ТК", "НК", "УК", "ЗК"}
#: a works unquoted, by its place's adjective, maybe what it makes: «Каменский завод транспортного машиностроения»,
#: «на Жостовской фабрике декоративной росписи», «Балахнинского комбината», «на Североуральском бокситовом руднике»
PLACE_WORKS = re.compile(
    r"(?<![\w«\"-])(?P<adj>[А-ЯЁ][а-яё]+(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую))\s+"
    r"(?:[а-яё]+(?:-[а-яё]+)?(?:ий|ый|ой|ого|ому|ым|им|ом|ая|ую|ей)\s+){0,2}"
    r"(?P<head>завод|фабрик|комбинат|мануфактур|верф|рудник)[а-яё]{0,3}(?![\w-])"
)
#: a country's or a people's adjective: 'Китайский завод …' is a description, no name
NATIONAL = re.compile(
    r"(?:росси|советс|китайс|немецк|японс|американс|европейс|корейс|турецк|итальянс|французс|британс|индийс|"
    r"белорусс|казахстанс|узбекс|иранс|шведс|финс|чешс|польс|городс|сельс|заводс|фабричн)"
)
#: words that end a works' name in the genitive: an owner or a place, no part of it
NOT_WORKS_TAIL = {
    "компания",
    "группа",
    "холдинг",
    "регион",
    "область",
    "край",
    "город",
    "район",
    "республика",
    "страна",
}


#: a second product of a works after «и», closing the sentence or clause: '… оборудования и трубопроводов.'
WORKS_MORE = re.compile(r"\s+и\s+([а-яё-]+)(?=\s*[,.;:)»\n]|\s*$)")


def _place_works(text: str, taken: list[tuple[int, int]]) -> list[tuple[str, str | None, Mention]]:
    """A works named by its place's adjective and its kind, then what it makes in the genitive (adjectives and
    one noun); one without that tail only inside a sentence (at its start 'Китайский завод' may be a description)."""
    out: list[tuple[str, str | None, Mention]] = []
    for m in PLACE_WORKS.finditer(text):
        head = nlp.parse(text[m.start("head") : m.end()])
        if NATIONAL.match(m.group("adj").lower()) or not any(p.tag.number == "sing" for p in head):
            continue
        if text[m.end() : m.end() + 2].lstrip().startswith(("«", '"')):
            continue  # 'завод «Алмаз»': the quoted name's rules
        if re.match(r"\s+(?:имени|им\.)", text[m.end() :]):
            continue  # 'завод имени Воровского': a name after «имени», NER's to take whole
        end = m.end()
        for w in re.finditer(r"\s+([а-яё]+(?:-[а-яё]+)?)", text[m.end() : m.end() + 80]):
            if w.start() != end - m.end() or not _case_of_gent(w.group(1)):
                break
            parses = [p for p in nlp.parse(w.group(1)) if p.tag.case == "gent"]
            if any(p.normal_form in NOT_WORKS_TAIL for p in parses):
                break
            end = m.end() + w.end()
            if any(p.tag.POS == "NOUN" for p in parses[:1]):
                break  # one noun closes what it makes
        tail = text[m.end() : end]
        if tail and not any(p.tag.POS == "NOUN" for p in nlp.parse(tail.split()[-1])[:1]):
            end = m.end()  # adjectives without their noun: no tail
        more = WORKS_MORE.match(text, end) if end > m.end() else None
        if more is not None and any(
            p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "plur" for p in nlp.parse(more.group(1))
        ):  # '… завода котельно-вспомогательного оборудования и трубопроводов.': a second product, the name's end
            end = more.end()
        at_start = re.search(r"(?:^|[.!?…]\s+|\n\s*)$", text[: m.start()]) is not None
        if end == m.end() and at_start or any(m.start() < e and s < end for s, e in taken):
            continue
        label = _cap(inflect_phrase(text[m.start() : end], "nomn"))
        out.append((label, "Organization", Mention(m.start(), end, text[m.start() : end])))
    return out


#: a works named after a person: 'завода имени Миля', 'завод им. В. Я. Климова' (no adjective before the kind)
EPONYM_WORKS = re.compile(
    r"(?<![\w-])(?P<head>(?:[Мм]аш|[Сс]удо|[Аа]вто|[Аа]виа)завод|[Зз]авод|[Фф]абрик|[Кк]омбинат|[Вв]ерф)[а-яё]{0,3}\s+"
    r"(?:имени|им\.)\s*"  # 'машзавода имени Калинина'
    r"(?:[А-ЯЁ]\.\s?){0,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?![\w-])"
)


def _eponym_works(text: str, taken: list[tuple[int, int]]) -> list[tuple[str, str | None, Mention]]:
    """'бывший генеральный директор завода имени Миля': a works by the name it bears, its kind in the nominative."""
    out: list[tuple[str, str | None, Mention]] = []
    for m in EPONYM_WORKS.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue  # 'Казанский вертолетный завод имени …': a longer name's own rules
        before = re.search(r"([А-ЯЁа-яё-]+)[ \u00a0]+$", text[max(0, m.start() - 40) : m.start()])
        if before is not None and (
            before.group(1)[:1].isupper() or any(p.tag.POS in ("ADJF", "PRTF") for p in nlp.parse(before.group(1))[:1])
        ):
            continue  # 'Машиностроительный завод имени Калинина', 'НИИ … завод им. Коминтерна': the name begins before
        if re.match(r"[ \u00a0]+[А-ЯЁ][а-яё]+", text[m.end() :]) and any(
            "Name" in p.tag for p in nlp.parse(m.group().split()[-1])[:1]
        ):
            continue  # 'завода имени Вацлава Воровского': a given name and a surname, NER's to take whole
        word = m.group().split()[0]
        label = f"{_cap(inflect_phrase(word, 'nomn'))}{m.group()[len(word) :]}"
        out.append((label, "Organization", Mention(m.start(), m.end(), m.group())))
    return out


#: a district's administration named by an adjective («районной администрации»): the district the text names
DISTRICT_ADMINISTRATION = re.compile(r"(?<![\w-])районн(?:ая|ой|ую|ою)\s+администраци(?:я|и|ей|ю)(?![\w-])")
#: a district named by its adjective: «в Череповецком районе», «Череповецкого муниципального района»
DISTRICT = re.compile(
    r"(?<![\w-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?(?:ск|цк)(?:ий|ого|ому|им|ом))\s+"
    r"(?:(муниципальн|городск)[а-яё]+\s+)?район(?:а|у|ом|е)?(?![\w-])(?!\s+[А-ЯЁ])"
)  # not a city's district ('в Кировском районе Екатеринбурга')


def _one_district(text: str) -> str | None:
    """The district an anaphoric «районная администрация» is of: the one district the text names, in the
    genitive, a municipal one unless the text says otherwise ('Череповецкого муниципального района'); none when
    it names several, or a city's district."""
    found = set()
    for m in DISTRICT.finditer(text):
        adj = re.sub(r"(?:ий|ого|ому|им|ом)$", "ого", m.group(1))  # the masculine genitive
        kind = f"{m.group(2)}ого " if m.group(2) else "муниципального "  # a region's district is a municipal one
        found.add(f"{adj} {kind}района")
    if len({f.replace("муниципального ", "").replace("городского ", "") for f in found}) != 1:
        return None
    return max(found, key=len)


#: the head words of a company's own name when the name is quoted whole, without a legal form or a word
#: before it («Завод роботов», «Концерн «Созвездие»»): a works, a concern, a combine, a holding
COMPANY_HEADS = {"завод", "концерн", "комбинат", "холдинг", "агрохолдинг", "корпорация", "фабрика", "автозавод"}
#: a quoted name with its head word first, maybe with a quoted name inside it: «Концерн «Созвездие»
HEADED_QUOTE = re.compile(r"«([А-ЯЁ][а-яё]+)((?:\s+[^«»\n\s]+){1,4}|\s+«[^«»\n]{1,40}»?)»?")
#: a quoted compound word for a works (a place and what it makes joined): «Воронежсельмаш», «Муроммашзавода»
COMPOUND_WORKS = re.compile(
    r"«([А-ЯЁ][а-яё]{2,}(?:маш|машзавод|завод|прибор|хим|строй))(а|у|ом|е)?»|«([А-ЯЁ][а-яё]{2,}стал)(ь|и|ью)»"
)


def predicate(word: str) -> bool:
    """A finite verb, infinitive, short participle or gerund: the start of a clause, never inside a name."""
    return any(p.tag.POS in ("VERB", "INFN", "PRTS", "GRND") for p in nlp.parse(word)[:1])


#: a quoted name, then a dash and a company's kind in apposition: '«Элимет» – подольская компания'
QUOTED_THEN_KIND = re.compile(
    r"«([^«»\n]{2,40})»(?:[ \u00a0]+[–—-][ \u00a0]+(?:[а-яё-]+(?:ая|ое|ий|ый|ой)[ \u00a0]+){0,2}"
    r"(?:компания|предприятие|завод|производитель|фирма|холдинг)"
    # '… занимается «Мосинжиниринг». Эта компания обязана …': the next sentence calls it a company
    r"|\.[ \u00a0]+(?:Эта|Данная|Указанная)[ \u00a0]+(?:компания|фирма|организация))(?![\w-])"
)


def quoted_companies(text: str) -> list[tuple[str, str | None, Mention]]:
    """Companies named by their quoted name alone: a name that starts with a word for a works or a concern
    («Завод роботов», «Концерн «Созвездие»»), or one compound word for a works («Воронежсельмаша»). Not after a
    legal form or a word that describes it (other rules take those), nor after a word for a thing that is no
    organisation (программа «Фабрика …»)."""
    out: list[tuple[str, str | None, Mention]] = []
    things = {nlp.lemma_key(n) for n in thing_names(text)}  # «Фабрика проектного финансирования»: a programme
    # ASCII quotes as guillemets, one character for one: '"Концерн Калашников"' as '«Концерн Калашников»'
    for m in HEADED_QUOTE.finditer(guillemets(text)):
        if nlp.lemma(m.group(1).lower()) not in COMPANY_HEADS or not _bare_quote(text, m.start()):
            continue
        inner = m.group(2).strip()
        if any(predicate(w) for w, _, _ in nlp.words(inner)):
            continue  # '«Завод заработает в июне», — отметил …': a quoted sentence, not a name
        if inner.startswith("«") and not inner.endswith("»"):
            inner += "»"  # '«Концерн «Созвездие»': both quotes closed at once
        if nlp.lemma_key(f"{m.group(1)} {inner}".replace("«", "").replace("»", "")) in things:
            continue
        head = _cap(inflect_phrase(m.group(1), "nomn"))  # «Фабрику …» written in the case of the sentence
        label = f"{head} {inner}" if inner.startswith("«") else f"«{head} {inner}»"
        out.append((label, "Organization", Mention(m.start(), m.end(), text[m.start() : m.end()])))
    for m in COMPOUND_WORKS.finditer(text):
        # a name in an oblique case is the owner, not the thing's own name ('площадки «Воронежсельмаша»')
        inflected = bool(m.group(2)) or (m.group(4) or "ь") != "ь"
        if not _bare_quote(text, m.start(), owner=inflected):
            continue
        name = m.group(1) or f"{m.group(3)}ь"
        out.append((f"«{name}»", "Organization", Mention(m.start(), m.end(), m.group())))
    for m in QUOTED_THEN_KIND.finditer(text):  # '«Элимет» – подольская компания, которая …'
        inner = m.group(1).strip()
        if not _bare_quote(text, m.start()) or any(predicate(w) for w, _, _ in nlp.words(inner)):
            continue
        out.append((f"«{inner}»", "Organization", Mention(m.start(), m.end(1) + 1, text[m.start() : m.end(1) + 1])))
    return out


def _bare_quote(text: str, start: int, owner: bool = False) -> bool:
    """A quoted name with no legal form, descriptor or thing's word right before it (a thing's word may stand
    before an ``owner``'s name in the genitive)."""
    before = re.search(r"([А-Яа-яЁё]+)\s*[-—–:]?\s*$", text[max(0, start - 40) : start])
    if before is None:
        return True
    word = before.group(1)
    if re.fullmatch(rf"(?:{LEGAL_FORMS}|{STATE_FORMS}|[А-ЯЁ]{{2,5}})", word):
        return False
    words = text[max(0, start - 80) : start].split()
    k = len(words) - 1
    while k > 0 and len(words) - k <= 3 and _case_of_gent(words[k]):
        k -= 1  # 'завод грузовых вагонов «…»': what the works makes between its word and its name
    if k < len(words) - 1 and nlp.lemma(words[k].lower()) in DESCRIPTORS:
        return False
    lemma = nlp.lemma(word.lower())
    if owner:
        return lemma not in DESCRIPTORS
    return lemma not in DESCRIPTORS and lemma not in NOT_ORG and not _thing_before(text, start)


def _found(label: str, cls: str | None, men: Mention) -> Candidate:
    """A body found by shape as an owner of the units and committees named with it."""
    c = candidate(label, cls)
    c.mentions.append(men)
    return c


# -- industrial parks and technology parks ----------------------------------------------------------

#: a park's head word: 'парк', 'технопарк', 'промпарк', 'агропарк', 'иннопарк' in any case and number
PARK_HEAD = r"(?i:(?:агротехно|техно|агропром|пром|агро|рег|инно)?парк(?:а|у|ом|е|и|ов|ам|ами|ах)?)"
#: what a park is of, in the genitive plural, before its quoted name ('Парк индустриальных инноваций «…»',
#: 'парк высоких технологий «…»')
PARK_OF = r"(?:\s+[а-яё]+(?:ых|их)\s+[а-яё]+(?:ий|ей|ов|ок)(?=\s*[«\"]))?"
#: a text that speaks of industrial parks or technoparks at all (a bare «парков «А» и «Б»» is then one)
PARK_TOPIC = re.compile(r"(?i:индустриальн\w*\s+(?:\w+\s+)?парк|технопарк|промпарк)")
PARK_ENDINGS = re.compile(r"(?:а|у|ом|е|и|ов|ам|ами|ах)$")
#: the adjectives that say what kind of park it is ('индустриальный', 'промышленно-логистический', 'агропромышленный')
PARK_KIND = re.compile(
    r"(?:индустриальн|промышленн|технологическ|логистическ|инновационн|производственн|региональн)\w*$"
)
PARK = re.compile(
    rf"(?<![\w-])((?:[А-Яа-яЁё]+(?:-[а-яё]+)?\s+){{0,3}})({PARK_HEAD}{PARK_OF})(?![\w-])"
    r"(?:\s*\([А-ЯЁ]{2,4}\))?"  # 'индустриальный парк (ИП) «…»'
    r"(?:\s+[А-ЯЁ][а-яё]+(?:ой|ого)\s+(?:области|края|республики)(?=\s*[-—–:]))?"  # 'парка Калужской области — «…»'
    r"(\s*[-—–:]\s*|\s+)?"
)
#: one quoted name or a list of them after a park's word ('индустриальные парки «Храброво» и «Черняховск»')
PARK_NAMES = re.compile(rf"{ITEM}(?:\s*\([^()\n]{{1,40}}\))?(?:{LIST_LINK}{ITEM}(?:\s*\([^()\n]{{1,40}}\))?)*")
#: a park's name in Latin letters or capitals after its word ('промышленный парк ЗЭМ', 'технопарк Skolkovo')
PARK_PLAIN_NAME = re.compile(r"(?:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}|[А-ЯЁ]{2,6})(?![\w«\"-])")
#: a short form of a park named in full elsewhere: 'парк «Узловая»', 'ИП «Узловая»', 'технопарка «Узловая»'
PARK_SHORT = re.compile(rf"(?<![\w-])(?:ИП|{PARK_HEAD})\s+({ITEM})")


def _lemma_hyphen(word: str) -> str:
    """'индустриально-промышленного' -> 'индустриально-промышленный' (the first part stays as written)."""
    first, _, last = word.rpartition("-")
    return f"{first}-{nlp.lemma(last)}" if first else nlp.lemma(word)


def _proper_park_adjective(text: str, start: int, word: str) -> bool:
    """'Столыпинский индустриальный парк', 'Курганском индустриальном парке': a capitalised adjective of a
    place or person, not one that only starts a sentence ('Новый индустриальный парк')."""
    lemma = nlp.lemma(word.lower())
    if not word[:1].isupper() or not lemma.endswith(("ский", "цкий")) or lemma in DESCRIBING_ADJECTIVES:
        return False
    return text[:start].rstrip(" \u00a0")[-1:] not in ("", ".", "!", "?", "\n") or bool(regions.find(word))


def parks(text: str) -> list[tuple[str, str | None, Mention]]:
    """Named industrial parks and technoparks (pkg:IndustrialSite): a park's word with a quoted name
    («индустриальный парк «Узловая»», «технопарка "Электроник"», «индустриальные парки «А» и «Б»»), with a
    Latin or capital name («промышленный парк ЗЭМ»), or after a proper adjective («Столыпинский
    индустриальный парк»). A bare «парк» takes the kind of the park the text named last («ещё три парка:
    «А», «Б»» after «индустриальный парк …») and is none where the text names no such park. A park named
    again by a short form («парк «Узловая»», «ИП «Узловая»», «технопарк «Узловая»») is the same park; its
    label is the fullest descriptor written, in the nominative, and the name («Индустриальный парк
    «Узловая»»). Generic mentions («индустриальные парки региона», «создание технопарков») name nothing."""
    found: list[tuple[str, str, Mention]] = []  # (name, descriptor or '' for a proper-adjective name, mention)
    last_kind: str | None = None
    for m in PARK.finditer(text):
        words = [(w.group(), m.start(1) + w.start()) for w in re.finditer(r"\S+", m.group(1))]
        kind: list[tuple[str, int]] = []
        for w in reversed(words):
            if not PARK_KIND.search(w[0].lower().split("-")[-1]):
                break
            kind.insert(0, w)
        head, _, of = m.group(2).partition(" ")
        bare = head.lower().startswith("парк")
        if kind or not bare or of:
            descriptor = _cap(
                " ".join([_lemma_hyphen(w.lower()) for w, _ in kind] + [PARK_ENDINGS.sub("", head.lower()), of])
            ).strip()
        elif last_kind is not None:
            descriptor = last_kind  # 'ещё три парка: «Масловский», …'
        elif m.group(3) is not None and (topic := PARK_TOPIC.search(text)) is not None:
            # 'развитие парков «А» и «Б»' where the text speaks of industrial parks
            descriptor = "Технопарк" if "техно" in topic.group().lower() else "Индустриальный парк"
        else:
            continue
        start = kind[0][1] if kind else m.start(2)
        names = PARK_NAMES.match(text, m.end()) if m.group(3) is not None else None
        if names is not None:
            last_kind = descriptor if kind and bare else last_kind
            items = list(re.finditer(ITEM, names.group()))
            for i in items:
                s, e = (start if len(items) == 1 else names.start() + i.start()), names.start() + i.end()
                found.append((guillemets(i.group()), descriptor, Mention(s, e, text[s:e])))
            continue
        plain = PARK_PLAIN_NAME.match(text, m.end()) if kind and m.group(3) and not m.group(3).strip() else None
        if plain is not None and not regions.find(plain.group()):
            found.append((plain.group(), descriptor, Mention(start, plain.end(), text[start : plain.end()])))
            continue
        plural = re.search(r"(?:и|ов|ам|ах)$", head.lower()) is not None
        if kind and len(words) > len(kind) and not plural:
            proper, pstart = words[len(words) - len(kind) - 1]
            if _proper_park_adjective(text, pstart, proper):
                label = f"{_cap(_lemma_hyphen(proper.lower()))} {descriptor[:1].lower()}{descriptor[1:]}"
                found.append((label, "", Mention(pstart, m.end(2), text[pstart : m.end(2)])))
    fullest: dict[str, str] = {}
    for name, descriptor, _ in found:
        longest = fullest.get(name.lower(), "")  # 'инновационно-промышленный парк' over 'промышленный парк'
        if descriptor and (len(descriptor.split()), len(descriptor)) > (len(longest.split()), len(longest)):
            fullest[name.lower()] = descriptor
    industrial = any("ндустриальн" in d for _, d, _ in found)
    for m in PARK_SHORT.finditer(text):
        name = guillemets(m.group(1))
        if name.lower() not in fullest and m.group().startswith("ИП") and industrial:
            fullest[name.lower()] = (
                "Индустриальный парк"  # 'белгородский ИП «Северный»' beside 'индустриальный парк (ИП)'
            )
        if name.lower() in fullest:
            found.append((name, fullest[name.lower()], Mention(m.start(), m.end(), m.group())))
    return [
        (f"{fullest[name.lower()]} {name}" if descriptor else name, "IndustrialSite", men)
        for name, descriptor, men in found
    ]


#: the Kremlin as the president's administration speaks (its case forms but the locative 'в Кремле')
KREMLIN = re.compile(r"(?<![\w-])Кремл(?:ь|я|ю|ем)(?![\w-])")

#: a sole trader by the abbreviation and the trader's name ('ИП Петров А.В.', 'ИП Петров Андрей Викторович')
SOLE_TRADER = re.compile(
    r"(?<![\w-])ИП\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+"
    r"(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.|[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:ич|вн[аы]))"
)


ACRONYM_AFTER = re.compile(
    r"(?<![\w-])(?:завод|предприяти|компани|концерн|холдинг|корпораци|объединени|комбинат|(?P<bank>банк|групп))[а-яё]{0,3}"
    r"\s+([А-ЯЁ][А-ЯЁа-яё]{1,9})(?![\w«\"-])"
)


def acronyms_after_descriptor(text: str) -> list[tuple[str, str | None, Mention]]:
    """'завода КнААПО', 'компании ТМК': an acronym (two capitals or more) right after a word for a
    company names it; not a legal form, not a region («ДНР»). A bank and a group keep their word («банка
    НОВИКОМ»: «Банк НОВИКОМ», «группу ГАЗ»: «Группа ГАЗ»)."""
    out: list[tuple[str, str | None, Mention]] = []
    for m in ACRONYM_AFTER.finditer(text):
        name = m.group(2)
        if sum(ch.isupper() for ch in name) < 2 or re.fullmatch(LEGAL_FORMS, name) or regions.find(name):
            continue
        if re.fullmatch(r"РФ|США|КНР|КНДР|ФРГ|ОАЭ|ЕС|СНГ|ЕАЭС|ЮАР", name):
            continue  # 'компании РФ': the country's (or a union's) companies
        group = m.group("bank") == "групп"
        if group and re.search(r"[а-яё](?:ая|ой|ую|ей)\s+$", text[max(0, m.start() - 30) : m.start()]):
            continue  # 'рабочая группа РСПП': a body of the organisation named after it
        if m.group("bank"):  # 'группу ГАЗ': «Группа ГАЗ»
            word = "Группа" if group else "Банк"
            out.append((f"{word} {name}", "Organization", Mention(m.start(), m.end(2), text[m.start() : m.end(2)])))
            continue
        out.append((name, "Organization", Mention(m.start(2), m.end(2), name)))
    return out


def statistics_offices(text: str) -> list[tuple[str, str | None, Mention]]:
    """A territorial office of the statistics service named by a word ending in «-стат» (a person's
    name never does)."""
    return [
        (m.group(1), "Organization", Mention(m.start(), m.end(), m.group())) for m in STATISTICS_OFFICE.finditer(text)
    ]


GOVERNORS_DEPARTMENT = re.compile(
    r"(?<![\w-])(?P<head>[Дд]епартамент[а-я]{0,3}|[Уу]правлени[а-я]{1,3})(?P<of>(?:\s+[а-яё]+){1,3}?)\s+губернатора(?![\w-])"
)


def governors_departments(text: str) -> list[tuple[str, str | None, Mention]]:
    """«департамент информполитики губернатора (Свердловской области)»: a department of a governor's
    administration, of the region named after it or, without one, of the region the article names."""
    out: list[tuple[str, str | None, Mention]] = []
    for m in GOVERNORS_DEPARTMENT.finditer(text):
        of = m.group("of").split()
        if not all(_case_of_gent(w) for w in of):
            continue
        after = region_after(text, m.end(), genitive=True)
        if after is not None:
            region, end = after
        else:
            r = regions.resolve_anaphora(text, m.start())
            if r is None:
                continue
            region, end = r.label, m.end()
        head = nlp.parse(m.group("head").lower())[0].inflect({"nomn"})
        name = _cap(head.word if head else m.group("head").lower())
        label = f"{name} {' '.join(of)} губернатора {regions.genitive(region)}"
        out.append((label, "Organization", Mention(m.start(), end, text[m.start() : end])))
    return out


#: a unit named by its genitive complement (or, but for a committee, a «по …» one) and owned by a region or a
#: body named after it; adjectives before it are checked to agree with it («главного финансового управления»)
UNIT = re.compile(
    r"(?<![\w-])(?P<adj>(?:[А-ЯЁа-яё]+(?:ое|ая|ого|ой|ому|ую|ым|ом|ий|ый)\s+){0,2})"
    r"(?P<head>[Дд]епартамент|[Кк]омитет|[Уу]правлени|[Аа]гентств|[Сс]лужб|[Кк]орпораци|[Ии]нспекци)(?P<end>[а-яё]{0,3})"
    r"\s+(?=[а-яё])"
)
#: a parliament's unit by its adjectives alone, its chamber after it: 'Правовое управление (аппарата) Госдумы'
CHAMBER_UNIT = re.compile(
    r"(?<![\w-])(?P<adj>(?:[А-ЯЁа-яё]+(?:ое|ого|ому|ым|ом)\s+){1,2})(?P<head>[Уу]правлени[ея]|[Уу]правлению|[Уу]правлением)"
    r"(?P<staff>\s+аппарата)?[ \u00a0]+(?=[А-ЯЁ])"
)


def chamber_units(text: str, owners: list[Candidate]) -> list[tuple[str, str | None, Mention]]:
    """«Правовое Управление Госдумы», «Аналитического управления аппарата Совета Федерации»: a unit of a chamber
    of parliament named by its adjectives, labelled with the chamber's full name (the unit of its staff)."""
    chambers = {mm.start: (c, mm) for c in owners if c.cls == "LegislativeBody" for mm in c.mentions}
    out: list[tuple[str, str | None, Mention]] = []
    for m in CHAMBER_UNIT.finditer(text):
        owner = chambers.get(m.end())
        head = next((p for p in nlp.parse(m.group("head").lower()) if p.tag.POS == "NOUN"), None)
        adjectives = m.group("adj").split()
        if owner is None or head is None or not _agreeing_adjectives(adjectives, head):
            continue
        if any(REGIONAL_ADJECTIVE.match(a) for a in adjectives):
            continue  # 'областное управление …': the region's (see units_of)
        staff = " аппарата" if m.group("staff") else ""
        label = f"{_cap(_nominative(adjectives, head))}{staff} {inflect_phrase(owner[0].label_ru, 'gent')}"
        end = m.end("staff") if m.group("staff") else m.end("head")  # the chamber stays a mention of its own
        out.append((label, "Organization", Mention(m.start(), end, text[m.start() : end])))
    return out


def service_offices(text: str, owners: list[Candidate]) -> list[tuple[str, str | None, Mention]]:
    """«Печорское управление Ростехнадзора», «Северо-Западное управление …»: a federal service's (or a ministry's)
    office of a place, labelled with its owner as the text writes it."""
    out: list[tuple[str, str | None, Mention]] = []
    services = {
        mm.start: (c, mm)
        for c in owners
        if c.cls == "Ministry" or c.label_ru.startswith(("Федеральная служба", "Федеральное агентство"))
        for mm in c.mentions
    }
    for m in PLACE_UNIT.finditer(text):
        owner = services.get(m.end())
        head = next((p for p in nlp.parse(m.group("head").lower()) if p.tag.POS == "NOUN"), None)
        if owner is None or head is None or not _agreeing_adjectives([m.group("adj")], head):
            continue
        adj, _, noun = _nominative([m.group("adj")], head).partition(" ")
        adj = "-".join(_cap(part) for part in adj.split("-"))  # 'Северо-Западное'
        label = f"{adj} {noun} {owner[1].text}"
        out.append((label, "Organization", Mention(m.start(), m.end("head"), text[m.start() : m.end("head")])))
    return out


#: a federal service's office by its place's adjective, the service after it: 'Печорское управление Ростехнадзора'
PLACE_UNIT = re.compile(
    r"(?<![\w-])(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ское|ского|скому|ским|ском|ное|ного|ному|ным|ном))[ \u00a0]+"
    r"(?P<head>управлени(?:е|я|ю|ем|и))[ \u00a0]+(?=[А-ЯЁ])"
)


#: a unit's head right before the unit ('начальником управления …', 'возглавила управление …', 'Во главе
#: департамента … встанет'), or «возглавил» and
#: a name after it ('Управление инвестиций возглавила Имя')
HEADED_UNIT = re.compile(
    r"(?:(?:начальник|руководител|директор|возглавил|возглавит|возглавлял|возглавляя)[а-яё]*|во\s+главе)\s+$",
    re.IGNORECASE,
)
UNIT_HEADED_BY = re.compile(r"\s+(?:возглавил[аи]?|возглавит|возглавляет|возглавлял[аи]?)\s+[А-ЯЁ]")
#: adjectives that point at the article's region («областное управление цен и тарифов»)
REGIONAL_ADJECTIVE = re.compile(r"(?i)(?:областн|краев|региональн|республиканск)")
#: the capital's adjective before a unit: Moscow's («столичного департамента …»); an article on the capital's
#: departments names its others without it
CAPITAL_ADJECTIVE = re.compile(r"(?i)столичн")
CAPITAL_UNITS = re.compile(r"(?i)(?<![\w-])столичн[а-яё]+\s+департамент")
#: a word pointing back at a ministry the article named («… деятельности министерства»)
MINISTRY_ANAPHORA = re.compile(r"[ \u00a0]+(?:министерства|ведомства)(?![\w-])")


#: an owner's epithet between a body and its owner's name: 'экспертный совет федерального Фонда развития …'
OWNER_EPITHET = re.compile(r"[ \u00a0]+(?:федеральн|российск|государственн)(?:ого|ой)[ \u00a0]+(?=[А-ЯЁ])")


def _agreeing_adjectives(words: list[str], head: object) -> bool:
    """Adjectives in the head noun's case and number ('главного финансового' before 'управления')."""
    tag = head.tag  # type: ignore[attr-defined]
    return all(
        any(
            p.tag.POS == "ADJF"
            and p.tag.case == tag.case
            and p.tag.number == tag.number
            and (tag.number == "plur" or p.tag.gender == tag.gender)  # not 'Главой департамента' (the noun «глава»)
            for p in nlp.parse(w)
        )
        for w in words
    )


def _adjective_nominative(word: str, gender: str | None) -> str | None:
    """An adjective in the nominative singular of ``gender`` ('финансового', neut -> 'финансовое'), or None."""
    adj = next((p for p in nlp.parse(word) if p.tag.POS == "ADJF"), None)
    form = adj.inflect({"nomn", "sing", gender}) if adj is not None and gender else None
    return form.word if form is not None else None


def _nominative(adjectives: list[str], head: object) -> str:
    """'главного финансового' + 'управления' -> 'главное финансовое управление'."""
    noun = head.inflect({"nomn", "sing"})  # type: ignore[attr-defined]
    gender = head.tag.gender  # type: ignore[attr-defined]
    words = [_adjective_nominative(a, gender) or a.lower() for a in adjectives]
    return " ".join([*words, noun.word if noun else head.normal_form])  # type: ignore[attr-defined]


def with_adjective(written: str, label: str) -> str | None:
    """'Региональная служба по тарифам … края' for a unit labelled 'Служба по тарифам … края' and written
    «региональная служба по тарифам …»: the label with the written adjective before it, in agreement."""
    head = next((p for p in nlp.parse(label.split()[0].lower()) if p.tag.POS == "NOUN" and p.tag.case == "nomn"), None)
    form = _adjective_nominative(written.split()[0], head.tag.gender) if head is not None else None
    return f"{_cap(form)} {label[:1].lower()}{label[1:]}" if form is not None else None


#: a works known by its number: '172-го центрального автомобильного ремонтного завода', '60-го арсенала', '322
#: авиаремонтный завод' (an ordinal, or a bare number before a name in the nominative; never a count: '3 завода')
NUMBERED_WORKS = re.compile(
    r"(?<![\w.,-])(?P<num>\d{1,4})(?:-(?P<suf>го|й|му|м|ом|ый)|(?P<dash>-))?\s+"
    r"(?P<words>(?:[а-яёА-ЯЁ][а-яё]*(?:-[а-яё]+)?(?:ого|ому|ым|ом|ый|ий|ой)\s+){0,4})"
    r"(?P<head>[Зз]авод|[Аа]рсенал|[Кк]омбинат)(?P<end>а|у|ом|е)?(?![\w-])"
)


def numbered_works(text: str) -> list[tuple[str, str | None, Mention]]:
    """Plants and arsenals named by their number ('144-й бронетанковый ремонтный завод', '60-й арсенал')."""
    out: list[tuple[str, str | None, Mention]] = []
    for m in NUMBERED_WORKS.finditer(text):
        if m.group("suf") is None and not m.group("dash") and (m.group("end") or not m.group("words")):
            continue  # '3 завода', '5 заводов': a count; '322 авиаремонтный завод', '322- … заводу': a name
        phrase = inflect_phrase(f"{m.group('words')}{m.group('head')}{m.group('end') or ''}", "nomn")
        label = f"{m.group('num')}-й {phrase}" if m.group("suf") else f"{m.group('num')} {phrase}"
        out.append((label, "Organization", Mention(m.start(), m.end(), m.group())))
    return out


def _po_complement(text: str, pos: int) -> int:
    """'по защите внутреннего рынка', 'по тарифам и ценообразованию': the end of a unit's «по …» words
    (nouns and adjectives in the dative, prepositional or genitive), or ``pos`` when there are none."""
    m = re.match(r"по[ \u00a0]+", text[pos:])
    if m is None:
        return pos
    end, seen_noun, cursor = pos, False, pos + m.end()
    while True:
        w = re.match(r"(?:(?:,|[ \u00a0]+и)?[ \u00a0]+)?([а-яё-]+)", text[cursor:])
        if w is None or (cursor != pos + m.end() and w.start(1) == 0):
            break
        parses = [
            p for p in nlp.parse(w.group(1)) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case in ("datv", "loct", "gent")
        ]
        if not parses or (" и" in w.group()[: w.start(1)] and not seen_noun):
            break
        if w.group().startswith(",") and not (
            seen_noun
            and any(p.tag.case == "datv" for p in parses)
            and nlp.parse(w.group(1))[0].tag.POS not in ("PREP", "CONJ")  # not ', по …': another unit's field
        ):
            break  # 'по архитектуре, градостроению и …': a list of datives goes on after a comma, nothing else
        seen_noun = seen_noun or any(p.tag.POS == "NOUN" for p in parses)
        cursor += w.end()
        end = cursor
    return end if seen_noun else pos


#: a verb of telling right before a bare «агентству»: the agency that reports the news
TOLD_AGENCY = re.compile(
    r"(?<![\w-])(?:сообщил|рассказал|заявил|пояснил|подтвердил|уточнил|сказал|ответил)[аи]?\s+$", re.IGNORECASE
)


def units_of(text: str, cands: list[Candidate]) -> list[tuple[str, str | None, Mention]]:
    """«департамент информационной политики Тульской области», «комитета промышленности и торговли
    Волгоградской области», «департаменте металлургии Минпромторга России», «департамента по защите
    внутреннего рынка ЕЭК», «главного финансового управления региона», «областное управление цен и тарифов»,
    «департамента … деятельности министерства»: a department, committee, directorate, agency or service named
    by its complement, of the region (or a bare «области», a regional adjective before it), the body named right
    after it, or the ministry the article named before; without such an owner it is no name ('комитет
    экономической политики')."""
    org_at = {mm.start: (c, mm) for c in cands for mm in c.mentions}
    out: list[tuple[str, str | None, Mention]] = []
    for m in UNIT.finditer(text):
        head = next((p for p in nlp.parse(m.group("head").lower() + m.group("end")) if p.tag.POS == "NOUN"), None)
        if head is None or head.tag.number == "plur" or head.normal_form not in UNIT_HEADS:
            continue
        if head.normal_form == "агентство" and TOLD_AGENCY.search(text, max(0, m.start() - 30), m.start("head")):
            continue  # 'сообщили агентству в Минпромторге': the news agency told, no body of the ministry
        adjectives = m.group("adj").split()
        if adjectives and not _agreeing_adjectives(adjectives, head):
            adjectives = []
        start = m.start("head") - (len(m.group("adj")) if adjectives else 0)
        regional = bool(adjectives) and REGIONAL_ADJECTIVE.match(adjectives[0]) is not None
        po = head.normal_form != "комитет" and re.match(r"по[ \u00a0]", text[m.end() :]) is not None
        own_end, end, region, federal = (
            (_po_complement(text, m.end()),) * 2 + (None, False) if po else (_genitive_complement(text, m.end()))
        )
        by_region = po and own_end == m.end() and bool(adjectives) and region_po(text, m.end())
        if by_region:  # 'государственной жилищной инспекции по Оренбургской области': a body of that region
            own_end = end = by_region
        inner = min((at for at in org_at if m.end() < at < own_end), default=None)
        if inner is not None and not po and org_at[inner][0].cls == "Ministry":
            # '… промышленности минпромторга России': the ministry in lower case, the owner, not a field
            own_end = end = m.end() + len(text[m.end() : inner].rstrip())
            region, federal = None, False
        back = re.search(
            r"(?:^|[ \u00a0]+)(министерства|ведомства|региона|области|края|республики"
            r"|(?:регионального|областного|краевого|республиканского)[ \u00a0]+правительства)$",
            text[m.end() : own_end],
        )
        if back is not None and region is None and not by_region:  # '… деятельности министерства': the ministry
            own_end = end = m.end() + back.start()
            if back.group(1) in ANAPHORA or back.group(1).endswith("правительства"):
                # 'главного финансового управления региона', 'агентства по … регионального правительства'
                r = regions.resolve_anaphora(text, start)
                region, end = (r.label, m.end() + back.end()) if r else (None, end)
        capital = bool(adjectives) and CAPITAL_ADJECTIVE.match(adjectives[0]) is not None  # 'столичном департаменте'
        kept = [
            a
            for a in adjectives
            if not REGIONAL_ADJECTIVE.match(a)
            and not CAPITAL_ADJECTIVE.match(a)
            and not (head.normal_form == "департамент" and nlp.lemma(a.lower()) in NOT_NAME_ADJ)
        ]
        named_by = (
            _lower_region_adjective(text, m.start("head"))
            if adjectives and region is None and not regional and not capital and head.normal_form in FIELD_UNITS
            else None
        )
        if named_by is not None and own_end > m.end():  # 'воронежского департамента промышленности и транспорта'
            region = named_by.label
            kept = [a for a in kept if a != adjectives[-1]]
        if (
            own_end == m.end() and kept and not regional and region is None and head.normal_form != "служба"
        ):  # 'главного … управления региона'
            after = region_after(text, m.end("end"), genitive=True)
            if after is not None:
                own_end, (region, end) = m.end("end"), after
        if (
            own_end == m.end()
            and not (kept and region is not None)
            or federal
            or "губернатора" in text[m.end() : own_end]
        ):
            continue
        if any(c.cls == "LegislativeBody" and mm.start == m.end() for c in cands for mm in c.mentions):
            continue  # 'комитет заксобрания Пермского края по …': a committee of the legislature (see bodies)
        name = " ".join([_cap(_nominative(kept, head)), text[m.end() : own_end]]).strip()
        if region is None and end == own_end:
            after = region_after(text, own_end, genitive=True)  # also a federal city ('… развития Москвы')
            if after is not None:
                region, end = after
        label = name if by_region else None
        if region is None and head.normal_form in REGION_ONLY_HEADS and not regional:
            continue  # a corporation only with its region ('корпорации развития Иркутской области')
        if region is not None:
            label = f"{name} {regions.genitive(region)}"
        elif label is None:
            sp = re.match(r"[ \u00a0]+", text[own_end:])
            owned = org_at.get(own_end + sp.end()) if sp else None
            ministry = MINISTRY_ANAPHORA.match(text, own_end)
            if owned is not None and owned[0].cls != "Region":
                end = owned[1].end
                label = name + text[own_end:end]
            elif ministry is not None:
                named = [c for c in cands if c.cls == "Ministry" and any(mm.end <= m.start() for mm in c.mentions)]
                last = max(named, key=lambda c: max(mm.end for mm in c.mentions if mm.end <= m.start()), default=None)
                if last is not None:
                    end = ministry.end()
                    short = next((a for a in last.alt_ru if " " not in a), None)  # 'Минэкономразвития'
                    label = f"{name} {short or inflect_phrase(last.label_ru, 'gent')}"
            elif head.normal_form == "департамент" and (capital or CAPITAL_UNITS.search(text)):
                label = f"{name} города Москвы"  # 'в столичном департаменте физкультуры и спорта', and the other
                # departments of an article on «столичных департаментов»
            elif regional:
                r = regions.resolve_anaphora(text, start)
                if r is not None:
                    label = f"{name} {regions.genitive(r.label)}"
            elif re.match(r"[ \u00a0]*\([А-ЯЁ][А-ЯЁа-яё]{2,10}\)", text[own_end:]):
                label = name  # 'комитета экономического развития, промышленной политики и торговли (КЭРППиТ)': a
                # body with a short name of its own, its owner left to the reader
            elif head.normal_form in FIELD_UNITS and (
                HEADED_UNIT.search(text, max(0, start - 40), start) or UNIT_HEADED_BY.match(text, end)
            ):
                # 'Управление инвестиций возглавила Имя', 'начальником управления инновационного развития' in an
                # article on one region's administration: a unit of the administration named before
                # (or of the region's ministry named nearer: 'заместителем руководителя ведомства, возглавляя департамент')
                owners = [
                    (x.start, c.label_ru)
                    for c in cands
                    if c.cls == "RegionalGovernment" or (c.cls == "Ministry" and regions.find(c.label_ru))
                    for x in c.mentions
                    if x.start < start
                ]
                # no other body named between: 'АО «Концерн «Созвездие» … начальник управления бюджетирования' is
                # the company's unit
                between = owners and any(
                    max(owners)[0] < x.start < start
                    for c in cands
                    if c.cls != "RegionalGovernment" and c.cls != "Ministry"
                    for x in c.mentions
                )
                # nor a field the article writes longer elsewhere: 'департамента промышленности' beside «департамент
                # промышленности, предпринимательства и торговли Воронежской области» is that one, merged later
                # (elsewhere: 'директором департамента экономического развития, рассказал' is no longer name)
                longer = next(
                    (
                        x
                        for x in re.finditer(rf"(?i){re.escape(text[m.start('head') : own_end])}(?:,|\s+и)\s", text)
                        if x.start() != m.start("head")
                    ),
                    None,
                )
                if (
                    len({c.label_ru for c in cands if c.cls == "RegionalGovernment"}) == 1
                    and owners
                    and not between
                    and longer is None
                ):
                    label = f"{name} {inflect_phrase(max(owners)[1], 'gent')}"
        if label is None:
            continue
        out.append((re.sub(r"\s+", " ", label), "Organization", Mention(start, end, text[start:end])))
    return out


#: a region's development fund written in lower case: 'докапитализацию фонда развития Алтайского края'
REGION_FUND = re.compile(r"(?<![\w-])фонд(?:а|у|ом|е)?\s+развития(?=\s+[А-ЯЁ])")


def region_funds(text: str) -> list[tuple[str, str | None, Mention]]:
    """«фонда развития Алтайского края»: a region's development fund, named by its region right after «развития»
    (a federal city too); not «фонд развития промышленности» (the alias table's body and its regional ones)."""
    out: list[tuple[str, str | None, Mention]] = []
    for m in REGION_FUND.finditer(text):
        after = region_after(text, m.end(), genitive=True)
        if after is not None and re.match(r"\s+[А-ЯЁ]", text[m.end() :]):
            region, end = after
            out.append(
                (
                    f"Фонд развития {regions.genitive(region)}",
                    "Organization",
                    Mention(m.start(), end, text[m.start() : end]),
                )
            )
    return out


def region_po(text: str, pos: int) -> int:
    """The end of «по Оренбургской области» (a region, no city) right at ``pos``, else 0."""
    m = re.match(r"по[ \u00a0]+", text[pos:])
    hit = next((r for r in regions.find(text) if m is not None and r.start == pos + m.end() and not r.is_city), None)
    return hit.end if hit is not None else 0


#: heads of a body's unit or agency ('корпорации развития …', 'инспекции по … области')
UNIT_HEADS = {"департамент", "комитет", "управление", "агентство", "служба", "корпорация", "инспекция"}
#: heads that make a body here only with their region ('корпорации развития Иркутской области')
REGION_ONLY_HEADS = {"корпорация"}


def unit_with_full_owner(label: str, men: Mention, cands: list[Candidate]) -> str | None:
    """A known body's unit named with its owner's short name ('Департамент металлургии Минпромторга
    России') with the owner's full name instead ('… Министерства промышленности и торговли Российской
    Федерации'): the same unit."""
    owner = next(
        (
            c
            for c in cands
            if c.key.startswith("alias:") and any(m.end == men.end and m.start > men.start for m in c.mentions)
        ),
        None,
    )
    if owner is None:
        return None
    written = next(m.text for m in owner.mentions if m.end == men.end and m.start > men.start)
    if not label.endswith(written):
        return None
    full = label[: -len(written)] + inflect_phrase(owner.label_ru, "gent")
    return full if full != label else None


def _case_of_gent(word: str) -> bool:
    """A genitive noun or adjective, or a compound the dictionary does not know ('информполитики')."""
    parses = nlp.parse(word)
    return any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF") for p in parses) or (
        not parses[0].is_known and parses[0].tag.POS == "NOUN"
    )


REGIONAL_BODY = re.compile(
    r"(?<![\w-])(?P<radj>[А-ЯЁ][а-яё]+(?:ск|цк)(?:ое|ая|ого|ой|ому|ую|ом|им)\s+(?=(?i:областн|краев)))?"
    r"(?:(?P<adj>(?:[Оо]бластн|[Кк]раев|[Оо]кружн|республиканск|регионал)[а-яё]*)\s+)?"
    r"(?P<head>[Зз]аксобрани[а-яё]*|[Зз]аконодательн[а-яё]*\s+[Сс]обрани[а-яё]*|[Аа]дминистраци[а-яё]*"
    r"|обладминистраци[а-яё]*|облправительств[а-яё]*|[Вв]оенно-гражданск[а-яё]*\s+администраци[а-яё]*"
    r"|парламент[а-яё]{0,2}|[Сс]обрани[а-яё]{1,2}\s+депутатов|Собрани[а-яё]{1,2}|облдум[а-яё]{1,2}"
    r"|Совет[а-яё]{0,2}\s+(?:народных\s+)?депутатов"
    r"|[Дд]ум[аеуыой]{1,2})(?![\w-])"
)
REGIONAL_HEADS = (("заксобрани", "Законодательное Собрание", "LegislativeBody"),
                  ("законодательн", "Законодательное Собрание", "LegislativeBody"),
                  ("обладминистраци", "Администрация", "RegionalGovernment"),
                  ("военно-гражданск", "Военно-гражданская администрация", "RegionalGovernment"),
                  ("облправительств", "Правительство", "RegionalGovernment"),
                  ("администраци", "Администрация", "RegionalGovernment"),
                  ("парламент", "Законодательное Собрание", "LegislativeBody"),
                  ("облдум", "Областная Дума", "LegislativeBody"),
                  ("собрани", "Собрание депутатов", "LegislativeBody"),
                  ("совет", "Совет депутатов", "LegislativeBody"),
                  ("дум", "Дума", "LegislativeBody"))  # fmt: skip
#: heads that name a region's legislature only with «областной», «краевой» … or the region after them
_ASSEMBLY_HEADS = ("собрани", "дум")


def regional_bodies(text: str) -> list[tuple[str, str, Mention]]:
    """A region's legislature or administration: «областного заксобрания», «обладминистрации»,
    «облправительства»,
    «Законодательного Собрания Свердловской области», «администрации Томской области», «Военно-гражданской
    администрации» (a region under military-civil administration), «краевого парламента» (the region
    named after it, or the one the article last named when an adjective or «обл-» points at it)."""
    out = []
    matches = list(REGIONAL_BODY.finditer(text))

    # 'Архангельское областное Собрание депутатов': its own name, also for «областного Собрания» after it
    def kind(m: re.Match) -> tuple[str, str]:
        head = m.group("head").lower()
        return next((n, c) for stem, n, c in REGIONAL_HEADS if head.startswith(stem))

    own = {
        (m.group("adj")[:4].lower(), kind(m)[0]): _cap(inflect_phrase(m.group(), "nomn"))
        for m in matches
        if m.group("radj") and m.group("adj")
    }
    for m in matches:
        head = m.group("head").lower()
        name, cls = kind(m)
        full = own.get(((m.group("adj") or "")[:4].lower(), name))
        if full and (m.group("radj") or region_after(text, m.end(), genitive=True) is None):
            start = m.start() if m.group("radj") else m.start("adj")
            out.append((full, cls, Mention(start, m.end(), text[start : m.end()])))
            continue
        if head.startswith(_ASSEMBLY_HEADS) and not m.group("adj") and "депутат" not in head:
            continue  # 'Государственной Думы', 'общего собрания акционеров'
        if head.startswith("совет") and not m.group("adj"):
            continue  # 'Совет депутатов городского округа': a town's council, no region's
        after = region_after(text, m.end(), genitive=True)
        if after is not None:
            region, end = after
        elif (
            m.group("adj")
            or head.startswith(("обл", "военно", "заксобр"))
            or m.group("head").startswith("Законодательн")
        ):  # 'Военно-гражданской администрации'; 'Сегодня Законодательное собрание одобрило' (the article's region)
            before = re.search(
                r"(?<![\w-])([А-ЯЁ][а-яё]+(?:ого|ой|ое|ом|ому|ым))\s+$", text[max(0, m.start() - 30) : m.start()]
            )
            adj = m.group("adj") or (before.group(1) if before and head.startswith("заксобр") else "")
            named = regions.of_adjective(adj, text, oblast=True) if adj[:1].isupper() else None
            start_adj = m.start() - len(before.group()) if before and not m.group("adj") and named else None
            if named is not None:  # 'спикером Пензенского заксобрания' in an article on Kirov: Penza's
                region, end = named, m.end()
                if start_adj is not None:
                    out.append((regions.legislature(region), cls, Mention(start_adj, end, text[start_adj:end])))
                    continue
            else:
                r = regions.resolve_anaphora(text, m.start())
                if r is None:
                    continue
                region, end = r.label, m.end()
                if (
                    not m.group("adj")
                    and head.startswith("законодательн")
                    and not regions.legislature(region).startswith("Законодательн")
                ):
                    continue  # a bare «Законодательное собрание» is no legislature of another name
        else:
            continue
        start = m.start()
        own_duma = head.startswith("дум") and "Дум" in regions.legislature(region)  # 'в окружную думу': «Дума … Югры»
        if (m.group("adj") or "").lower().startswith("окружн") and not own_duma:
            continue  # 'окружного собрания', a «окружная дума» of an okrug whose legislature is no Duma
        if head.startswith("совет"):  # 'областного Совета народных депутатов': only the region's own name
            if "Совет" not in regions.legislature(region):
                continue
            name = regions.legislature(region)
        elif (
            head.startswith(("парламент", "облдум", "заксобр")) or own_duma
        ):  # 'облдумы Тамбовской области': «Тамбовская областная Дума»; «регионального заксобрания» of Volgograd its Duma
            name = regions.legislature(region)
        else:
            name = f"{name} {regions.genitive(region)}"
        out.append((name, cls, Mention(start, end, text[start:end])))
    return out


#: a region's legislature by its informal or own name: «донской парламент», «Воронежская облдума», «Мособлдума»,
#: «Курултай», «Народный хурал Бурятии», «Госсовет Чувашии», «парламент Якутии»
INFORMAL_LEGISLATURE = re.compile(
    r"(?<![\w-])(?:(?P<adj>[А-ЯЁа-яё]+)\s+(?P<short>парламент[а-яё]{0,2}|облдум[а-яё]{1,2}"
    r"|гордум[а-яё]{1,2}|заксобрани[а-яё]{1,2}|[Зз]ак[Сс](?:а|у|ом|е)?)"
    r"|(?P<mos>Мос(?:обл|гор)дум[а-яё]{1,2})"
    r"|(?P<own>(?:Эл\s+)?Курулта[а-яё]{1,2}|Ил\s+Тумэн[а-яё]{0,2}|(?:Народн|Верховн)[а-яё]{1,3}\s+[Хх]урал[а-яё]{0,2}"
    r"|Хасэ|Госсовет[а-яё]{0,2}|Государственн[а-яё]{1,3}\s+[Сс]овет[а-яё]{0,2}|Государственн[а-яё]{1,3}\s+[Сс]обрани[а-яё]{1,2}"
    r"|Народн[а-яё]{1,3}\s+(?:[Сс]обрани[а-яё]{1,2}|[Сс]овет[а-яё]{0,2})|Верховн[а-яё]{1,3}\s+[Сс]овет[а-яё]{0,2}"
    r"|[Пп]арламент[а-яё]{0,2}|ЗакС[Оо]))(?![\w-])"
)
#: a republic's legislature named by its own word alone: the republics whose legislature has that word
_OWN_WORDS = ((r"эл\s+курулта", ("Республика Алтай",)), (r"курулта", ("Республика Башкортостан",)),
              (r"ил\s+тумэн", ("Республика Саха (Якутия)",)), (r"верховн\w*\s+хурал", ("Республика Тыва",)),
              (r"народн\w*\s+хурал", ("Республика Бурятия", "Республика Калмыкия")),
              (r"хасэ", ("Республика Адыгея",)),
              (r"заксо", ("Свердловская область",)))  # fmt: skip  # «ЗакСО»: the Sverdlovsk press's short name


def informal_legislatures(text: str, named: list[tuple[str, str, Mention]]) -> list[tuple[str, str, Mention]]:
    """A region's legislature by the press's short names or by its own (general knowledge, a table keyed by the
    region): a region's adjective before «парламент», «облдума», «заксобрание» («донской парламент», «Воронежская
    облдума»), «Мособлдума», «Мосгордума», «Курултай», «Народный хурал Бурятии», «Госсовет Чувашии», «парламента
    Якутии»: the legislature's full label («Законодательное Собрание Ростовской области», «Воронежская областная
    Дума», «Государственное Собрание — Курултай Республики Башкортостан»). A city's «гордума» after the city's
    adjective is that city's «городская Дума». A by-name's epithet («донской парламент», «кубанский парламент»)
    is a further mention of a legislature the text names otherwise, not a name of its own (the writers read it
    as a description when it is all the text says)."""
    out, epithets = [], []
    for m in INFORMAL_LEGISLATURE.finditer(text):
        region, end = None, m.end()
        if m.group("mos"):
            region = "Московская область" if "обл" in m.group("mos") else "Москва"
        elif m.group("adj"):
            short = m.group("short").lower()
            adj = m.group("adj")
            if short.startswith("гордум"):
                p = next((p for p in nlp.parse(adj.lower()) if p.tag.POS == "ADJF"), None)
                f = p.inflect({"nomn", "sing", "femn"}) if p is not None and adj[:1].isupper() else None
                if f is not None:  # 'Воронежская гордума': «Воронежская городская Дума»
                    out.append(
                        (f"{_cap(f.word)} городская Дума", "LegislativeBody", Mention(m.start(), end, m.group()))
                    )
                continue
            region = regions.of_adjective(adj, text, oblast=short.startswith("облдум"))
            if region is None and short.startswith("парламент") and nlp.lemma(adj.lower()) == "московский":
                region = "Москва"
            if region is not None and regions.adjective_lemmas(adj) & regions.BY_NAME_ADJECTIVES.keys():
                epithets.append((regions.legislature(region), "LegislativeBody", Mention(m.start(), end, m.group())))
                continue
        else:
            own = m.group("own")
            after = region_after(text, m.end(), genitive=True)
            if after is not None:
                region, end = after
            else:
                owners = next((rs for pat, rs in _OWN_WORDS if re.match(pat, own.lower())), None)
                if owners is None:
                    continue  # 'Госсовет', 'Государственное Собрание', 'парламент' alone: no region's
                r = regions.resolve_anaphora(text, m.start())
                region = r.label if r is not None and r.label in owners else owners[0] if len(owners) == 1 else None
        if region is None:
            continue
        out.append((regions.legislature(region), "LegislativeBody", Mention(m.start(), end, text[m.start() : end])))
    for m in CITY_COUNCIL.finditer(text):  # 'депутатом горсовета Новосибирска': the city's council or duma
        city = m.group(2)
        if any("Geox" in p.tag and p.tag.case == "gent" for p in nlp.parse(city)[:2]) and not regions.find(city):
            kind = "Городская Дума" if m.group(1).lower().startswith("гордум") else "Городской совет"
            out.append((f"{kind} {city}", "LegislativeBody", Mention(m.start(), m.end(), m.group())))
    labels = {x[0] for x in out + named}
    return out + [e for e in epithets if e[0] in labels]


#: a city's council by the press's short word, the city after it: 'горсовета Новосибирска', 'гордумы Томска'
CITY_COUNCIL = re.compile(
    r"(?<![\w-])([Гг]орсовет|[Гг]ордум)[а-яё]{0,2}[ \u00a0]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*)(?![\w-])"
)


MINISTRY_WORD = re.compile(
    r"(?<![\w-])(?:(?P<reg>(?i:регионал|областн|краев|республиканск|местн)[а-яё]*)\s+)?(?P<name>[Мм]ин[а-яё]{3,})"
    r"(?:\s+(?P<anaph>региона|области|края|республики))?(?![\w-])"
)


#: 'глава минпрома': the ministry of industry written in lower case is a region's (the federal one is «Минпромторг»)
LOWER_MINPROM = re.compile(r"минпром(?:а|у|ом|е)?")


@lru_cache(maxsize=1)
def _alias_names() -> frozenset[str]:
    """Every name of the alias table, lower case."""
    return frozenset(n.lower() for a in ALIASES for n in (a.ru, *a.alt_ru))


def _indeclinable_tail(word: str) -> bool:
    """A ministry's one-word name ending in a feminine or neuter noun in the genitive, which does not decline
    («Минэкономполитики», «Минприроды», «Минобрнауки»), unlike one ending in a stem («Минпромторга»)."""
    for i in range(3, len(word) - 4):  # the longest word the dictionary knows at its end
        tail = [p for p in nlp.parse(word[i:]) if p.is_known and p.tag.POS == "NOUN"]
        if tail:
            return any(
                p.tag.case == "gent" and p.tag.number == "sing" and p.tag.gender in ("femn", "neut") for p in tail
            )
    return False


def ministry_words(text: str) -> list[tuple[str, str, Mention]]:
    """A ministry by its one-word name that the alias table does not hold («Мининвест», «регионального
    Мининвеста», «мининвеста региона»): one organisation per name, with the region the article names
    when any mention points at one."""
    federal = _alias_names()
    groups: dict[str, list[tuple[Mention, str | None]]] = {}
    for m in MINISTRY_WORD.finditer(text):
        low = m.group("name").lower()
        if not MINISTRY_SHORT.match(low):
            continue
        name = low if _indeclinable_tail(low) else nlp.parse(low)[0].normal_form
        if (name in federal and not LOWER_MINPROM.fullmatch(m.group("name"))) or re.match(
            r"\s+(?:РФ|России|Российской Федерации)\b", text[m.end() :]
        ):
            continue  # 'Минпром РФ': the federal ministry (the alias table's)
        region, end = None, m.end()
        if m.group("reg") or m.group("anaph"):
            r = regions.resolve_anaphora(text, m.start("anaph") if m.group("anaph") else m.start())
            region = r.label if r else None
        elif (after := region_after(text, m.end(), genitive=True)) is not None:  # 'минпрома Ставрополья'
            region, end = after
        groups.setdefault(name, []).append((Mention(m.start(), end, text[m.start() : end]), region))
    out = []
    for name, mentions in groups.items():
        region = next((r for _, r in mentions if r), None)
        label = name[:1].upper() + name[1:] + (f" {regions.genitive(region)}" if region else "")
        out += [(label, "Ministry", men) for men, _ in mentions]
    return out


#: a region's department by the press's one word: «деппром» (of industry), «депэконом» (of the economy)
DEPARTMENT_WORD = re.compile(
    r"(?<![\w-])(?:(?P<adj>окружн|областн|краев|регионал)[а-яё]*\s+)?(?P<name>деппром|депэкономразвития|депэконом)(?:а|у|ом|е)?(?![\w-])",
    re.IGNORECASE,
)
DEPARTMENT_WORDS = {
    "деппром": "Департамент промышленности",
    "депэконом": "Департамент экономики",
    "депэкономразвития": "Департамент экономического развития",  # indeclinable: its last word is a genitive
}


def department_words(text: str) -> list[tuple[str, str, Mention]]:
    """«Директор деппрома ХМАО», «руководитель деппрома», «окружным деппромом»: the region's department of industry
    (or of the economy), named with the region after one of its mentions, or with the article's region where an
    adjective points at it; a short name the text gives no region for names none."""
    groups: dict[str, list[tuple[Mention, str | None]]] = {}
    for m in DEPARTMENT_WORD.finditer(text):
        region, end = None, m.end()
        if (after := region_after(text, m.end(), genitive=True)) is not None:  # 'деппрома Югры'
            region, end = after
        elif m.group("adj"):
            r = regions.resolve_anaphora(text, m.start())
            region = r.label if r else None
        groups.setdefault(m.group("name").lower(), []).append((Mention(m.start(), end, text[m.start() : end]), region))
    out = []
    for name, mentions in groups.items():
        region = next((r for _, r in mentions if r), None)
        if region is not None:
            out += [
                (f"{DEPARTMENT_WORDS[name]} {regions.genitive(region)}", "Organization", men) for men, _ in mentions
            ]
    return out


LATIN = re.compile(
    r"(?:(?P<adj>[а-яё]+(?:ск|цк)(?:ий|ая|ой|ого|ую|ом|ие|их|ому|ей|ое))\s+|"
    r"(?P<desc>(?:авто)?(?:концерн|компани|корпораци|холдинг|производител|групп|фирм|бренд|девелопер|застройщик"
    r"|ритейлер|ретейлер|дистрибьютор|поставщик|разработчик|интегратор|маркетплейс|стартап)[а-яё]*)\s+)"
    r"(?P<name>[A-Z][A-Za-z0-9&\-]*[a-z][A-Za-z0-9&\-]*(?:\s[A-Z][A-Za-z0-9&\-]+)?"
    r"(?:\s(?:SpA|SPA|S\.p\.A\.|Srl|S\.r\.l\.|Oyj?|AB|GmbH|AG|Ltd\.?|LLC|Inc\.?))?)(?!\w|\.\w)"
)


#: a company's kind, up to three words, then a name in Latin letters: 'производитель информационных технологий Yadro',
#: 'компания Fplus'
LATIN_AFTER_WORDS = re.compile(
    r"(?<![\w-])(?i:компани[яиюей]|производител[ьяюем]|разработчик(?:а|ом|у)?|поставщик(?:а|ом|у)?|дистрибьютор(?:а|ом|у)?"
    r"|интегратор(?:а|ом|у)?|вендор(?:а|ом|у)?)(?:\s+[а-яё-]+){0,3}\s+"
    r"(?P<name>[A-Z][A-Za-z0-9&+]{2,}(?:\s[A-ZА-Я][A-Za-z0-9&+]+)?)"  # 'JURONG Сonsultants': a Cyrillic С in it
    r"(?![\w.-])"
)
#: a name in Latin letters opening the line or sentence, then a dash and a company's kind: 'Hamm – бренд …'
LATIN_THEN_KIND = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<name>[A-Z][A-Za-z0-9&+]{2,}(?:\s[A-Z][A-Za-z0-9&+]+)?)[ \u00a0]+[–—-][ \u00a0]+"
    r"(?:[а-яё-]+(?:ая|ое|ий|ый|ой)[ \u00a0]+){0,2}(?:компания|бренд|производитель|фирма|холдинг|концерн)(?![\w-])",
    re.MULTILINE,
)


#: a company in Latin letters right after its officer's post: 'генеральный директор Renaissance Construction',
#: 'основатель Yandex' (no «президент»: a state's head is one too)
LATIN_AFTER_OFFICER = re.compile(
    r"(?<![\w-])(?i:(?:генеральн[а-яё]+\s+|исполнительн[а-яё]+\s+)?директор[а-яё]{0,2}|гендиректор[а-яё]{0,2}"
    r"|основател[ьяюем]{1,2}|совладел[а-яё]{2,4}|владел[а-яё]{2,4}"
    r"|председател[ьяюем]{1,2}\s+(?:правления|совета\s+директоров))\s+"  # 'председатель правления Great Wall Motor'
    r"(?P<name>[A-Z][A-Za-z0-9&\-]*[a-z][A-Za-z0-9&\-]*(?:\s[A-Z][A-Za-z0-9&\-]+){0,2})(?![\w.-])"
)
#: a company's Latin name that ends in a word for a company («S7 Group», «Renault Group», «Hyundai Motor Company»)
LATIN_CORPORATE = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z0-9&\-]*\s+){1,3}"
    r"(?:Group|Holdings?|Corporation|Corp\.?|Company|Co\.|Ltd\.?|Inc\.?|AG|GmbH|KG|LLC|PLC|plc|S\.A\.|SA|SE|N\.V\.|B\.V\.|SpA"
    r"|SPA|S\.p\.A\.|Srl|S\.r\.l\.|Oyj?)"
    r"(?![\w-])"
)


#: one word in Latin letters with a small letter in it ('Volkswagen', 'GM-Avtovaz'), as an item of a list
_LATIN_WORD = r"[A-Z][A-Za-z0-9&\-]*[a-z][A-Za-z0-9&\-]*"
#: an item of a list of companies: a Latin word, a quoted name, an abbreviation ('"ПСМА Рус"', 'ПСМА')
_LIST_ITEM = rf"(?:{_LATIN_WORD}|\"[^\"\n]{{2,40}}\"|«[^«»\n]{{2,40}}»|[А-ЯЁ]{{2,6}})"
#: three items or more, joined by commas and a last «и»
_COMPANY_LIST = re.compile(rf"(?<![\w-]){_LIST_ITEM}(?:(?:,\s+|\s+и\s+){_LIST_ITEM}){{2,}}(?![\w-])")


def _listed_latin(text: str) -> set[str]:
    """Latin names in a list of three names or more with a quoted name among them: companies listed beside a company
    («с Volkswagen, GM-Avtovaz, "Автотором", "ПСМА Рус" и Volvo»)."""
    out = set()
    for m in _COMPANY_LIST.finditer(text):
        items = re.findall(_LIST_ITEM, m.group())
        if any(i[:1] in '«"' for i in items):
            out |= {i for i in items if re.fullmatch(_LATIN_WORD, i)}
    return out


def latin_names(text: str) -> list[tuple[str, str, Mention]]:
    """A company named in Latin letters after its descriptor or its country's adjective («концерн
    Claas», «британской компании Rotork», «японской Mazda»), a few words after its kind («производитель информационных
    технологий Yadro»), after its officer's post («генеральный директор Renaissance Construction»), before a dash and its
    kind («Hamm – бренд …»), ending in a word for a company («S7 Group», «Pontarolo Engineering SPA», «NEWBRIDGE SA»), or
    listed with quoted companies, and every other place the text names it."""
    found = {
        m.group("name")
        for rx in (LATIN, LATIN_AFTER_WORDS, LATIN_THEN_KIND, LATIN_AFTER_OFFICER)
        for m in rx.finditer(text)
    }
    found |= {m.group() for m in LATIN_CORPORATE.finditer(text)}
    found |= _listed_latin(text)
    out = []
    taken: list[tuple[int, int]] = []  # 'Pontarolo Engineering' inside 'Pontarolo Engineering SPA': the longer name's
    for name in sorted(found, key=lambda n: (-len(n), n)):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.append((name, "Organization", Mention(m.start(), m.end(), name)))
                taken.append(m.span())
    return sorted(out, key=lambda x: (x[0], x[2].start))


def guillemets(s: str) -> str:
    """ASCII quotes as «»: 'ПАО "ГМК "Норникель"' -> 'ПАО «ГМК «Норникель»'."""
    return re.sub(r'(^|[\s(«])"', r"\1«", s).replace('"', "»")


def _close_quotes(label: str) -> str:
    opens, closes = label.count("«"), label.count("»")
    return label + "»" * max(0, opens - closes)


def _regional_ministries(text: str) -> list[tuple[str, str, Mention]]:
    out = []
    for m in MINISTRY.finditer(text):
        label, region, end, federal = ministry_from_complement(text, m.end())
        if label is None or federal:
            continue
        before = REGIONAL_EPITHET.search(text[max(0, m.start() - 30) : m.start()])
        if region is None and before is not None:
            r = regions.resolve_anaphora(text, m.start())
            region = r.label if r else None
        if region is None:
            continue
        start = m.start() - len(before.group()) if before else m.start()
        out.append((f"{label} {regions.genitive(region)}", "Ministry", Mention(start, end, text[start:end])))
    return out


#: the country after a body's owner, before the body's complement: '… Совета Федерации РФ по обороне'
OWNERS_COUNTRY = re.compile(r"[ \u00a0]+(?:РФ|России|Российской\s+Федерации)(?=[ \u00a0]+по[ \u00a0])")


#: committees in the plural before their owner and each one's «по …»: 'комитетов Госдумы по обороне и по промышленности'
PLURAL_COMMITTEES = re.compile(r"(?<![\w-])(?P<head>[Кк]омитет(?:ы|ов|ам|ами|ах)|[Кк]омисси(?:и|й|ям|ями|ях))\s+")
#: each «по …» of them, up to «и по», a punctuation mark or the line's end
_EACH_PO = re.compile(r"по\s+[^,.;:()«»\n]+?(?=\s+и\s+по\s|[,.;:()«»\n]|$)")


def _plural_committees(
    text: str, org_at: dict[int, tuple[Candidate, Mention]]
) -> list[tuple[str, str | None, Mention]]:
    """'комитетов Госдумы по обороне и по промышленности и торговле': two committees of the owner named after the
    plural head, one per «по …»; the first mention runs from the head, the second is its «по …» alone."""
    out: list[tuple[str, str | None, Mention]] = []
    for m in PLURAL_COMMITTEES.finditer(text):
        owned = org_at.get(m.end())
        if owned is None or owned[0].cls == "Region":
            continue
        pos = owned[1].end
        parts: list[re.Match[str]] = []
        while (sp := re.match(r"\s+(?:и\s+)?", text[pos:])) is not None and (
            po := _EACH_PO.match(text, pos + sp.end())
        ):
            if parts and not sp.group().strip():
                break
            parts.append(po)
            pos = po.end()
        if len(parts) < 2:
            continue
        head = "Комитет" if m.group("head").lower().startswith("комитет") else "Комиссия"
        for i, po in enumerate(parts):
            label = f"{head} {inflect_phrase(owned[0].label_ru, 'gent')} {po.group()}"
            start = m.start() if i == 0 else po.start()
            out.append((label, None, Mention(start, po.end(), text[start : po.end()])))
    return out


def _adjective_before(text: str, start: int) -> bool:
    """An adjective right before ``start``: the name began before the adjectives kept."""
    word = re.search(r"([А-ЯЁа-яё]+)[ \u00a0]+$", text[max(0, start - 30) : start])
    return word is not None and any(p.tag.POS in ("ADJF", "PRTF") for p in nlp.parse(word.group(1))[:1])


def _governments_own(adjectives: list[str]) -> bool:
    """'правительственная инвестиционная (комиссия)': a body of the government by its first adjective, with one more
    saying what it does."""
    return len(adjectives) > 1 and nlp.lemma(adjectives[0].lower()) == "правительственный"


#: a company's legal form and its quoted name after a unit's words: the company's unit, its post the company's
COMPANY_TAKEN_IN = re.compile(rf"[ \u00a0](?:{LEGAL_FORMS})[ \u00a0]*[«\"]")


def bodies(text: str, cands: list[Candidate]) -> list[tuple[str, str | None, Mention]]:
    """'комитета Госдумы по промышленности и торговле', 'правкомиссии по импортозамещению',
    'Наблюдательного совета ФРП', 'Заполярного филиала ПАО …', 'промышленного кластера
    метровагоностроения': a collegial body (a branch, a cluster) with a 'по …' complement or the
    organisation it belongs to (in the genitive) right after its head."""

    org_at: dict[int, tuple[Candidate, Mention]] = {}
    for c in cands:
        for mm in c.mentions:
            org_at.setdefault(mm.start, (c, mm))
    owner_ends = {mm.start: mm.end for _, mm in org_at.values()}  # where a body «при …» may end
    out: list[tuple[str, str | None, Mention]] = []
    for m in BODY.finditer(text):
        if out and out[-1][2].start < m.end(1) <= out[-1][2].end:
            continue  # 'президиума' inside 'комиссия президиума генсовета «Единой России» по …'
        words = m.group(1).split()
        head = nlp.lemma(words[-1])
        if head not in BODY_HEADS | {"филиал", "кластер", "управление", "центр", "группа"}:
            continue
        if any(p.tag.number == "plur" for p in nlp.parse(words[-1])[:1]):
            continue
        adj: list[str] = []
        head_cases = {p.tag.case for p in nlp.parse(words[-1]) if p.tag.POS == "NOUN"}
        for w in reversed(words[:-1]):  # the adjectives of the name ('правительственной', 'Наблюдательного')
            p = nlp.parse(w)[0]
            if p.tag.POS not in ("ADJF", "PRTF") or p.normal_form in NOT_NAME_ADJ:
                break
            if {"PRTF", "tran", "actv"} <= set(p.tag.grammemes) and w[:1].islower():
                break  # 'Имя, возглавляющий Комитет …': a participle governing the name, no adjective of it
            if head_cases and not any(
                q.tag.POS in ("ADJF", "PRTF") and q.tag.case in head_cases for q in nlp.parse(w)
            ):  # 'Имя, руководящий комитетом по …': a participle of the sentence, not the name's adjective
                break
            adj.insert(0, w)
        if head == "группа" and not any(nlp.lemma(a.lower()) in ("рабочий", "экспертный") for a in adj):
            continue  # 'рабочая группа по …', 'экспертная группа при …': a body; 'группа компаний' is none
        start = m.end(1) - len(" ".join([*adj, words[-1]]))
        head_end = m.end(1)
        sp = re.match(r"[ \u00a0]+", text[head_end:])
        owned = org_at.get(head_end + sp.end()) if sp else None  # (owner, its mention)
        epithet = OWNER_EPITHET.match(text, head_end) if owned is None else None
        owned = org_at.get(epithet.end()) if epithet else owned  # 'экспертный совет федерального Фонда …'
        members = MEMBERS_OF.match(text, head_end) if owned is None else None
        owned = org_at.get(members.end()) if members else owned  # 'совета отделений РСПП': the members' owner
        if head == "центр" and (
            not adj or owned is None or owned[0].cls == "Region" or not owned[0].key.startswith("alias:")
        ):
            continue  # 'Координационный центр Правительства', 'Ситуационного центра Минобороны': a known body's centre
        end = owned[1].end if owned else head_end
        country = OWNERS_COUNTRY.match(text, end) if owned else None
        if country is not None:  # 'Комитета Совета Федерации РФ по обороне …': the owner's country, then 'по …'
            end = country.end()
        end2 = extend_org(text, start, end)
        if head == "управление" and COMPANY_TAKEN_IN.search(text, head_end, min(len(text), end2 + 3)):
            continue  # 'управления по работе с инвесторами ОАО «ОЭЗ …»': a company's unit, the company taken in
        chain = PARTY_CHAIN.match(text, head_end) if owned is None and end2 == end else None
        if chain is not None:  # 'член Президиума Генсовета партии', '… политсовета «Единой России»'
            link = org_at.get(chain.end() + 1) if text[chain.end() : chain.end() + 1] == " " else None
            if chain.group("party") or link is not None:
                stop = extend_org(text, start, link[1].end if link is not None else chain.end())
                out.append(
                    (_cap(inflect_phrase(text[start:stop], "nomn")), None, Mention(start, stop, text[start:stop]))
                )
            continue
        hosted = None
        if owned is None and end2 == end and head in HOSTED_HEADS:
            hosted = hosted_end(text, start, end, owner_ends)
        if hosted is not None:  # 'Инвестиционный совет при Губернаторе Нижегородской области'
            end2 = hosted
        elif owned is None and end2 == end and head in ("комиссия", "совет") and _governments_own(adj):
            pass  # 'правительственная инвестиционная комиссия': the government's body, named by its adjectives alone
        elif (
            owned is None
            and end2 == end
            and head in ("комиссия", "совет")
            and adj
            and not _adjective_before(text, start)  # not 'Региональная энергетическая комиссия (РЭК) …'
            and start not in org_at
            and not any(men.start == start for _, _, men in informal_legislatures(text, []))
            # not 'Государственный совет Республики Татарстан', a region's legislature by its own table
            and re.match(r"[ \u00a0]+[А-ЯЁ]", text[end:])
            and (rg := region_after(text, end, True))
        ):
            end2 = rg[1]  # 'инвестиционного совета Ленинградской области': the region's council, its region after it
        elif owned is None and end2 == end:
            if head != "кластер" or (text[start - 1 : start] in '«"' and start > 0 and text[start].islower()):
                continue  # '… ОЭЗ, специализация которой — «кластер энергоемких предприятий»': a kind, quoted
            cluster_end = _cluster_end(text, head_end, len(adj))
            if cluster_end is None:
                continue
            end2 = cluster_end
        # 'межведомственная рабочая группа правительства РФ': a standing body of the government (not a ministry's or a
        # committee's working group on one bill)
        working = head == "группа" and {"межведомственный", "рабочий"} <= {nlp.lemma(a.lower()) for a in adj}
        if (owned is None and head in ("филиал",)) or (
            owned is not None and (head == "управление" or (head == "группа" and not working))
        ):  # 'рабочая группа правительства РФ' is the government's body
            continue  # 'управление по …' (a department) only with its 'по …' complement
        if head == "коллегия" and SITTING.search(text[max(0, start - 30) : start]):
            continue  # 'выступая на коллегии Минпромторга', 'на полях расширенной коллегии': its sitting
        if head == "правление" and BOARD_POST.search(text[max(0, start - 30) : start]):
            continue  # 'Председатель Правления банка …': a post in the bank
        if head == "президиум" and owned is not None and PRESIDIUM_AS_OCCASION.search(text[max(0, start - 30) : start]):
            continue  # 'на заседании президиума Госсовета', 'председатель президиума научного центра': the owner's
        tail = region_after(text, end2, genitive=True) if owned is None and end2 > end else None
        end = tail[1] if tail else end2  # 'комиссии по … экономики Ростовской области': the region's body
        if tail is None and owned is None and end > head_end:  # '… республики Дагестан': the region's name whole
            end = next((r.end for r in regions.find(text) if r.start < end < r.end and r.start > head_end), end)
        country = IN_THE_COUNTRY.match(text, end) if head in ("комиссия", "совет") and tail is None else None
        if country is not None and owned is None and end > head_end:
            end = country.end()  # 'Правительственная комиссия по региональному развитию в Российской Федерации'
        # 'рабочей группы по … при правительстве РФ', 'при коллегии ЕЭК': a working group's name takes the body it is
        # attached to; a council's or a commission's stops before «при», as the seed graph names its council and
        # states the attachment apart (pkg:attachedTo)
        attached = ATTACHED_TO.match(text, end) if head == "группа" and owned is None and tail is None else None
        attached_end = _attached_owner_end(text, attached.end(), org_at) if attached is not None else None
        if attached_end is not None:
            end = attached_end
        nom = inflect_phrase(text[start:head_end], "nomn").split()
        nom[-1] = EXPAND.get(nlp.lemma(nom[-1]), nom[-1])
        label = _cap(" ".join(nom))
        inner = _legislature_within(org_at, head_end, end) if owned is None else None
        if inner is not None:  # '… предпринимательству областной Думы': the complement stopped inside its name
            end = max(end, inner[1].end)
        later = (
            _owner_after_complement(text, end, org_at) if owned is None and inner is None and end > head_end else None
        )
        if later is not None:  # 'Коорсовета по промышленности Минпромторга России': its owner after the complement
            end = later
        if owned is not None and members is not None:  # 'Координационный совет отделений РСПП в Сибирском ФО'
            district = DISTRICT_AFTER.match(text, end)
            end = district.end() if district else end
            label += text[head_end:end]
        elif owned is not None:
            owner, om = owned
            label += " " + inflect_phrase(owner.label_ru, "gent")
            label += text[om.end : end]
        elif inner is not None:  # 'комитет по промышленности областного законодательного собрания'
            owner, om = inner
            label += text[head_end : om.start] + inflect_phrase(owner.label_ru, "gent") + text[om.end : end]
        elif len(nom) == 2 and nlp.lemma(nom[0].lower()) == "думский" and _state_duma_only(cands):
            label = _cap(nom[1]) + " Государственной Думы" + text[head_end:end]  # 'думский комитет по …'
        elif (
            len(nom) == 1
            and head == "комитет"
            and text[start:head_end].islower()  # 'Комитета по промышленности и торговле' is written as its name
            and later is None
            and (chamber := _chamber_in_sentence(text, org_at, start)) is not None
        ):  # 'делегации Государственной Думы РФ, которую возглавлял председатель комитета по обороне'
            label += " " + inflect_phrase(chamber.label_ru, "gent") + text[head_end:end]
        else:
            label += text[head_end:end]
        label = re.sub(r" \([А-ЯЁA-Z]{2,6}\)(?= по )", "", label)  # '… собрания края (ЗСК) по вопросам …'
        label = nlp.fold_homoglyphs(label)  # '… реализации Cтратегии …' (a Latin «C»): the label in Russian letters
        out.append((label, None, Mention(start, end, text[start:end])))
        if owned is None and tail is None:
            out += _elliptic_bodies(text, end, _cap(" ".join(nom)), org_at)
    out += _plural_committees(text, org_at)
    return out


#: a region's (its government's) representative office: 'представительство правительства … области при …'
REPRESENTATION = re.compile(
    r"(?<![\w-])(?:(?:постоянн|полномочн)[а-яё]+[ \u00a0]+)?представительств[а-яё]*[ \u00a0]+", re.IGNORECASE
)


def representations(text: str, cands: list[Candidate]) -> list[tuple[str, str | None, Mention]]:
    """A region's representative office attached to the federal government or the president:
    'в представительстве правительства Ивановской области при Правительстве Российской Федерации'."""
    org_at = {mm.start: (c, mm) for c in cands for mm in c.mentions}
    out: list[tuple[str, str | None, Mention]] = []
    for m in REPRESENTATION.finditer(text):
        region = org_at.get(m.end())
        if region is None or region[0].cls not in ("RegionalGovernment", "Region"):
            continue
        attached = ATTACHED_TO.match(text, region[1].end)
        end = _attached_owner_end(text, attached.end(), org_at) if attached is not None else None
        if end is None:
            continue
        head = _cap(inflect_phrase(text[m.start() : m.end()].strip(), "nomn"))
        label = f"{head} {inflect_phrase(region[0].label_ru, 'gent')}{text[region[1].end : end]}"
        out.append((label, "Organization", Mention(m.start(), end, text[m.start() : end])))
    return out


def _chamber_in_sentence(text: str, org_at: dict[int, tuple[Candidate, Mention]], pos: int) -> Candidate | None:
    """The one legislature named before ``pos`` in its sentence, when a committee there has no owner of its own."""
    bounds = next(((s, e) for s, e in nlp.sentence_bounds(text) if s <= pos < e), None)
    if bounds is None:
        return None
    chambers = {c.key: c for at, (c, _) in org_at.items() if bounds[0] <= at < pos and c.cls == "LegislativeBody"}
    return next(iter(chambers.values())) if len(chambers) == 1 else None


def _state_duma_only(cands: list[Candidate]) -> bool:
    """The only Duma the article names is the State Duma: «думский комитет» is one of its committees."""
    dumas = {c.label_ru for c in cands if c.cls == "LegislativeBody" and "ум" in c.label_ru}
    return bool(dumas) and all("Государственн" in label or "Госдум" in label for label in dumas)


def _legislature_within(
    org_at: dict[int, tuple[Candidate, Mention]], start: int, end: int
) -> tuple[Candidate, Mention] | None:
    """A region's legislature ending a body's complement ('по промышленности областного законодательного
    собрания', or one the complement stops inside: 'по … предпринимательству областной Думы'): the body's owner,
    named by its full label."""
    return next(
        (
            (c, mm)
            for pos, (c, mm) in org_at.items()
            if start < pos < end and c.cls == "LegislativeBody" and c.key.startswith("ner:")
        ),
        None,
    )


def _owner_after_complement(text: str, end: int, org_at: dict[int, tuple[Candidate, Mention]]) -> int | None:
    """The end of a known federal body or company, or of a legislature, named in the genitive right after a body's
    'по …' complement ('совет по промышленности Минпромторга России', 'комитета по экономике Мосгордумы'), else
    None."""
    owner = org_at.get(end + 1) if text[end : end + 1] == " " else None
    known = owner is not None and (owner[0].key.startswith("alias:") or owner[0].cls == "LegislativeBody")
    if owner is None or not known or owner[0].cls == "Region":  # 'комитет по … Законодательного собрания области'
        return None
    first = owner[1].text.split()[0]
    if not any(p.tag.case == "gent" for p in nlp.parse(first)):  # 'Саратовской областной думы' reads as gent too
        return None
    return owner[1].end


#: an abbreviation of a field or a cause (no body) closing a name after a noun in the genitive: '… участников СВО',
#: 'Корпорация развития МСП'
FIELD_ABBREVIATION = re.compile(
    rf"(?<=[а-яё])[ \u00a0](?:{'|'.join(sorted(BRANCH_ABBREVIATIONS | {'СВО', 'ВПК', 'НИОКР'}))})(?![\w-])"
)


def _cluster_end(text: str, head_end: int, adjectives: int) -> int | None:
    """The end of a cluster's name after its head: a genitive complement ('кластер производителей
    нефтегазового и химического оборудования', 'промышленного кластера метровагоностроения'), a region
    ('строительный кластер Татарстана'), both, or with three adjectives nothing ('камский
    машиностроительный промышленный кластер'); None when it is the common noun."""
    end, pos, noun = head_end, head_end, False
    while (w := re.match(r"(\s+и)?\s+([а-яё]{3,})(?![\w-])", text[pos:])) is not None and w.group(2) not in ANAPHORA:
        parses = [p for p in nlp.parse(w.group(2)) if p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF")]
        if not parses or (w.group(1) and not noun) or parses[0].normal_form == "кластер":
            break  # '… метровагоностроения и промышленного кластера «Фрязино»': another cluster
        pos += w.end()
        if any(p.tag.POS == "NOUN" for p in parses):
            end, noun = pos, True
    field = FIELD_ABBREVIATION.match(text, end) if noun else None
    end = field.end() if field is not None else end  # 'кластер … реабилитации участников СВО'
    region = region_after(text, end, genitive=True)
    if region is not None and not text[end:].lstrip().islower():
        return region[1]
    if end > head_end and (adjectives or region_after(text, end, genitive=True) is not None or noun):
        return end
    return head_end if adjectives >= 3 else None


#: the body a working group works under, part of its name: 'при правительстве РФ', 'при Минпромторге России'
ATTACHED_TO = re.compile(r"[ \u00a0]+при[ \u00a0]+")
#: a body whose name alone is generic ('Общественный совет', 'Молодёжный парламент', 'Инвестсовет') and that is named
#: with the body or the office it sits at: «при» and that name are part of its own
HOSTED_HEADS = {"совет", "инвестсовет", "парламент", "комиссия", "палата", "штаб"}
#: an office a body sits at, and the region or country after it: 'при губернаторе Нижегородской области', 'при
#: полпреде президента России в УФО'
HOST_OFFICE = re.compile(
    r"(?:губернатор|президент|полпред|полномочном[ \u00a0]+представител|глав|мэр)[а-яё]*"
    r"(?:[ \u00a0]+президента(?:[ \u00a0]+(?:России|РФ|Российской[ \u00a0]+Федерации))?"
    r"(?:[ \u00a0]+в[ \u00a0]+(?:[А-ЯЁ]{1,3}ФО|[А-ЯЁ][а-яё-]+[ \u00a0]+федеральном[ \u00a0]+округе))?)?"
    r"(?![\w-])",
    re.IGNORECASE,
)


def hosted_end(text: str, start: int, end: int, owner_ends: dict[int, int]) -> int | None:
    """The end of «при …» after a generic body's name ('Общественный совет при Комитете по …', 'Инвестсовет при
    губернаторе'): the organisation or the office it sits at, with the office's region; None when the name has a
    complement of its own ('Экспертный совет по …', whose attachment the graph states apart) or nothing follows."""
    name = text[start:end]
    if len(name.split()) > 2 or " по " in name or head_lemma(name) not in HOSTED_HEADS:
        return None
    attached = ATTACHED_TO.match(text, end)
    if attached is None:
        return None
    pos = attached.end()
    if pos in owner_ends:
        stop = owner_ends[pos]
    else:
        office = HOST_OFFICE.match(text, pos)
        if office is None:
            return None
        region = region_after(text, office.end(), genitive=True)
        stop = region[1] if region is not None else office.end()
    if re.match(
        r"[ \u00a0]+(?:(?:Российской[ \u00a0]+Федерации|РФ|России)[ \u00a0]+)?по[ \u00a0]|[ \u00a0]+[А-ЯЁ][а-яё]",
        text[stop:],
    ):
        return None  # 'Совет при президенте РФ по модернизации …' (named by «по …»), '… в ДФО Юрии Трутневе' (his post)
    return stop


#: a body of the owner between 'при' and the owner's name: 'при коллегии …', 'при президиуме …'
OWNERS_BODY = re.compile(r"(?:коллеги|президиум|правлени)[а-яё]*[ \u00a0]+", re.IGNORECASE)


def _attached_owner_end(text: str, pos: int, org_at: dict[int, tuple[Candidate, Mention]]) -> int | None:
    """The end of the known organisation a body is attached to, right at ``pos`` or after its own body there."""
    if pos in org_at:
        return org_at[pos][1].end
    body = OWNERS_BODY.match(text, pos)
    return org_at[body.end()][1].end if body is not None and body.end() in org_at else None


#: the members a council joins, between its head and their organisation: 'совет отделений РСПП', 'совет
#: руководителей региональных отделений …', 'совет представителей …'
MEMBERS_OF = re.compile(
    r"[ \u00a0]+(?:(?:региональн|территориальн|местн)ых[ \u00a0]+)?"
    r"(?:отделений|представителей|руководителей|членов|председателей|филиалов)[ \u00a0]+"
)
#: a federal district after a body's owner: 'в Сибирском федеральном округе', 'в СФО'
DISTRICT_AFTER = re.compile(
    r"[ \u00a0]+в[ \u00a0]+(?:[А-ЯЁ][а-яё-]+[ \u00a0]+федеральном[ \u00a0]+округе|[А-ЯЁ]{2,4}ФО)(?![\w-])"
)
#: a party's governing bodies in the genitive after another body: 'Президиума Генсовета партии'
PARTY_CHAIN = re.compile(
    r"(?:\s+(?:[Гг]енсовет|[Пп]олитсовет|[Гг]енерального\s+совет|[Пп]резидиум|[Вв]ысшего\s+совет)а)+(?P<party>\s+партии)?"
)
#: a collegium after «на», «на полях», «в ходе», «по итогам»: the sitting, an event, not the body
SITTING = re.compile(
    r"(?<![\w-])(?:[Нн]а|[Нн]а\s+полях|(?i:заседани[а-яё]*)|[Вв]\s+ходе|[Пп]о\s+итогам|[Пп]осле|[Уу]частник\w*|(?i:прош[её]л|прошла|прошло"
    r"|состоял\w*|пройд[её]т|проходит|проходила|открыл\w*|начал\w*)(?:\s+[а-яё]+)?)\s+$"
)  # 'на коллегии …', 'прошла коллегия регионального минпромэнерго': its sitting
#: a presidium named for its sitting or for a post in it ('на заседании президиума правительства', 'председатель
#: президиума … центра'): the writers list the sitting, or the post in the owner, rarely the presidium itself
PRESIDIUM_AS_OCCASION = re.compile(r"(?:(?i:заседани)[а-яё]*|(?i:председател|заместител|зампред)[а-яё]*)\s+$")
#: a post of a company's board: its holder's organisation is the company
BOARD_POST = re.compile(r"(?:председател|глав|член|заместител|зампред)[а-яё]*\s+$", re.IGNORECASE)


def _elliptic_bodies(
    text: str, end: int, head: str, org_at: dict[int, tuple[Candidate, Mention]]
) -> list[tuple[str, str | None, Mention]]:
    """'управления по мониторингу …, по национальной морской политике, по формированию и работе
    Госсовета, а также по госполитике …': each further «по …» of a list after a body's complement is
    another body of that head (an organisation named right after it in its name)."""
    out: list[tuple[str, str | None, Mention]] = []
    while (sep := re.match(r"\s*,\s*(?:а\s+также\s+|и\s+)?(?=по\s)", text[end:])) is not None:
        pos = end + sep.end() - 1  # the space before «по»
        nxt = extend_org(text, pos, pos) if text[pos] == " " else pos
        if nxt == pos:
            break
        owner = org_at.get(nxt + 1) if text[nxt : nxt + 1] == " " else None
        nxt = owner[1].end if owner is not None else nxt
        out.append((f"{head} {text[pos + 1 : nxt]}", None, Mention(pos + 1, nxt, text[pos + 1 : nxt])))
        end = nxt
    return out


ROLE_MINISTER = re.compile(
    r"(?<![\w-])(?:(?:перв\w+\s+)?(?:министр[а-я]{0,2}|замминистра|заместител[а-я]{1,3}\s+министра)"
    # 'Имя, который руководит министерством лесного хозяйства': the ministry he heads, in lower case
    r"|(?:руковод|возглав)[а-яё]+\s+(?P<body>министерств(?:ом|о)))\s+",
    re.IGNORECASE,
)


#: a federal minister's post by its short name: «министр промышленности» with no region is the minister of
#: industry and trade (the federal ministry has had that name since 2008)
FEDERAL_SHORT = {"министерство промышленности": "Министерство промышленности и торговли"}


#: the State Duma as a faction's seat, after «в»: 'в Государственной Думе', 'в Госдуме', 'в ГД'
IN_THE_DUMA = r"(?:Государственной[ \u00a0]+[Дд]уме|Госдуме|ГД)"
#: a party's faction seated in the State Duma, the party named by its initials: 'фракции КПРФ в Государственной Думе'
DUMA_FACTION = re.compile(
    r"(?<![\w-])[Фф]ракци(?:я|и|ю|ей|ией)[ \u00a0]+(?P<party>[А-ЯЁ]{3,6}|«[А-ЯЁ][^«»\n]{2,40}»)"
    rf"[ \u00a0]+в[ \u00a0]+{IN_THE_DUMA}(?:[ \u00a0]+(?:РФ|России|Российской[ \u00a0]+Федерации))?"
    r"(?![\w-])"
)
#: a press office before a name: the byline's author, 'Пресс-служба фракции КПРФ в Госдуме'
PRESS_OFFICE_OF = re.compile(r"(?i:пресс-служб)[а-яё]{0,2}[ \u00a0]+$")


@lru_cache(maxsize=1)
def _party_keys() -> frozenset[tuple[str, ...]]:
    """The lemma keys of the alias table's parties' names («Справедливая Россия — За правду», «Единая Россия»)."""
    return frozenset(
        nlp.lemma_key(n.strip("«»").removeprefix("партия «").removeprefix("Партия «"))
        for a in ALIASES
        if a.cls == "PoliticalParty"
        for n in (a.ru, *a.alt_ru)
    )


def duma_factions(text: str) -> list[tuple[str, Mention]]:
    """'представители фракции КПРФ в Государственной Думе во главе с …': the faction of a party named by its
    initials or by its party's name in the genitive ('фракции «Единой России» в Госдуме'), an organisation of its own
    (the party and the Duma stay organisations too), named with its seat as the Duma's site names it; a faction with a
    quoted name of its own is the older rule's («Фракция «НОВЫЕ ЛЮДИ»»), a press office's line no faction's mention."""
    out = []
    for m in DUMA_FACTION.finditer(text):
        if PRESS_OFFICE_OF.search(text, max(0, m.start() - 20), m.start()):
            continue
        party = m.group("party")
        if (
            party.startswith("«")
            and any(p.tag.case == "nomn" for p in nlp.parse(nlp.words(party)[0][0].lower()))
            and nlp.lemma_key(party.strip("«»")) not in _party_keys()
        ):
            continue  # «фракции «Новые люди» в Госдуме»: the older rule's; a party of the alias table's is this one's
        label = f"Фракция {m.group('party')} в Государственной Думе"
        out.append((label, Mention(m.start(), m.end(), m.group())))
    return out


#: the Soviet Union after a ministry's field: 'министр станкостроительной промышленности СССР'
USSR_AFTER = re.compile(r"[ \u00a0]+СССР(?![\w-])")


def _foreign_country_after(text: str, end: int) -> bool:
    """Another country named in the rest of the post's clause ('Министр иностранных дел, вице-канцлер Германии'): the
    minister is that country's, not the region's the article speaks of."""
    stop = re.search(r"[.;:!?\n]", text[end : end + 80])
    rest = text[end : end + (stop.start() if stop else 80)]
    return any(_foreign_country(w.group()) for w in re.finditer(r"[А-ЯЁ][а-яё]{2,}", rest))


def _foreign_country(word: str) -> bool:
    """Another country's name in the genitive («Германии», «Китая»), by the table of countries."""
    return any(p.tag.case == "gent" and p.normal_form in COUNTRIES for p in nlp.parse(word.lower())[:2])


#: other countries a minister of may visit a region (lemmas): not Russia's regions, nor its towns
COUNTRIES = frozenset(
    {
        *("германия", "франция", "италия", "испания", "великобритания", "англия", "австрия", "швейцария", "польша"),
        *("чехия", "венгрия", "сербия", "финляндия", "швеция", "норвегия", "дания", "нидерланды", "бельгия"),
        *("китай", "япония", "корея", "индия", "вьетнам", "индонезия", "малайзия", "таиланд", "монголия"),
        *("турция", "иран", "израиль", "египет", "оаэ", "сша", "канада", "бразилия", "аргентина", "мексика", "куба"),
        *("белоруссия", "беларусь", "казахстан", "узбекистан", "киргизия", "таджикистан", "туркмения", "армения"),
        *("азербайджан", "грузия", "молдавия", "украина", "абхазия"),
    }
)


def role_ministries(text: str, cands: dict[str, Candidate], entries) -> list[tuple[str, Mention]]:
    """«замминистра промышленности и торговли РФ», «министр промышленности и торговли»: a mention of
    the federal ministry of the alias table («Министерство промышленности и торговли»); with a region
    («… Саратовской области», «… республики»), of that region's ministry, composed from the post when
    the article names it nowhere else (flagged for review)."""
    out = []
    implied: set[str] = set()  # ministries whose region the post does not name
    by_key = {e.lemmas: e for e in entries if e.alias is not None}
    for m in ROLE_MINISTER.finditer(text):
        label, region, end, federal = ministry_from_complement(text, m.end())
        if label is None:
            continue
        explicit = region is not None and regions.find(text[m.end() : end]) != ()
        at = m.start("body") if m.group("body") else m.end()
        if region is None:
            region = _chain_region(text, m.start())
        if region is None and m.group("body") is None:  # 'пермского министра промышленности': the region's adjective
            before = _lower_region_adjective(text, m.start())  # (in lower case: no surname «Кирилла Лысогорского»)
            region = before.label if before is not None else None
        if region is None and REGIONAL_EPITHET.search(text[max(0, m.start() - 30) : m.start()]):
            r = regions.resolve_anaphora(text, m.start())  # 'краевой министр промышленности': the region's minister
            region = r.label if r is not None else None
        e = by_key.get(nlp.lemma_key(FEDERAL_SHORT.get(label.lower(), label)))
        if (
            region is None
            and not federal
            and not _owner_after(text, end)
            and (e is None or _in_cabinet(text, m.start()))
            and not _foreign_country_after(text, end)  # 'Министр иностранных дел, вице-канцлер Германии' in Krasnodar
        ):
            # 'министр инвестиций и развития Виктория …': no federal name; 'министр здравоохранения Имя' where the
            # sentence or the one before speaks of the region's cabinet: that region's minister
            r = regions.resolve_anaphora(text, m.start())
            region = r.label if r is not None else None
        ussr = USSR_AFTER.match(text, end) if region is None and e is None else None
        if ussr is not None:  # 'последний министр станкостроительной промышленности СССР': a Soviet ministry
            full, stop = f"{label} СССР", ussr.end()
            cands.setdefault(key_of(full), candidate(full, "Ministry"))
            out.append((key_of(full), Mention(at, stop, text[at:stop])))
            continue
        if region is not None:
            full = f"{label} {regions.genitive(region)}"
            key = key_of(full)
            if key in implied and explicit:  # 'Замминистра энергетики и промышленности' in the headline, then
                # 'министра промышленности и энергетики Чувашской Республики': named as the post names the region
                del cands[key]  # (its mentions are added by the caller, after this)
                implied.discard(key)
            if key not in cands:  # 'министр промышленности и энергетики региона': the ministry is implied
                cands[key] = candidate(full, "Ministry")
                cands[key].notes.append(
                    (
                        "Министерство названо только через должность: название составлено правилом — проверить.",
                        "The ministry is named only through a post: its name was composed by a rule — check.",
                    )
                )
                if not explicit:
                    implied.add(key)
            out.append((key, Mention(at, end, text[at:end])))
            continue
        if e is None and federal:  # 'министр природных ресурсов РФ': the alias ministry whose full name it begins, or
            # 'министр индустрии и торговли РФ' beside «Минпромторг»: the one the article names, by the same last word (a
            # federal ministry the alias table does not know is not composed: «министр строительства и энергетики РФ»)
            e = next((x for x in entries if x.alias is not None and _ministry_prefix(label, x)), None)
            e = e or _named_ministry_of_last_word(label, cands, entries)
        if e is not None and f"alias:{e.alias.slug}" in cands:
            out.append((f"alias:{e.alias.slug}", Mention(at, end, text[at:end])))
        elif e is not None:
            cands[f"alias:{e.alias.slug}"] = alias_candidate(e)
            out.append((f"alias:{e.alias.slug}", Mention(at, end, text[at:end])))
    return out


#: a region's cabinet or assembly: «из областного правительства», «Саратовской областной думы», «правительства области»
REGIONAL_CABINET = re.compile(
    r"(?<![\w-])(?:(?:областн|краев|республиканск|регионал)[а-яё]+[ \u00a0]+(?:правительств|дум|кабинет)"
    r"|(?:правительств|кабинет[а-я]*[ \u00a0]+министров)[а-яё]*[ \u00a0]+(?:области|края|республики|региона))",
    re.IGNORECASE,
)


def _in_cabinet(text: str, pos: int) -> bool:
    """The sentence at ``pos`` or the one before it speaks of a region's cabinet or assembly."""
    bounds = nlp.sentence_bounds(text)
    i = next((k for k, (s, e) in enumerate(bounds) if s <= pos < e), None)
    if i is None:
        return False
    start = bounds[max(0, i - 1)][0]
    return REGIONAL_CABINET.search(text, start, bounds[i][1]) is not None


def _named_ministry_of_last_word(label: str, cands: dict[str, Candidate], entries):
    """'министр индустрии и торговли РФ' in an article naming the Ministry of Industry and Trade: the alias ministry
    the article names whose full name ends in the same word («… и торговли»), the post's name of it loose."""
    words = nlp.lemma_key(label)
    if len(words) <= 2:
        return None
    named = [
        x
        for x in entries
        if x.alias is not None
        and x.alias.cls == "Ministry"
        and f"alias:{x.alias.slug}" in cands
        and _without_country(nlp.lemma_key(x.alias.ru))[-1:] == words[-1:]
    ]
    return named[0] if len({x.alias.slug for x in named}) == 1 else None


def _without_country(words: tuple[str, ...]) -> tuple[str, ...]:
    """A federal body's name without «Российской Федерации» at its end."""
    return words[:-2] if words[-2:] == ("российский", "федерация") else words


def _ministry_prefix(label: str, entry) -> bool:
    """'Министерство природных ресурсов' of the alias «Министерство природных ресурсов и экологии»: the post's
    ministry by the first words of its full name."""
    words = nlp.lemma_key(label)
    return len(words) > 2 and entry.alias.cls == "Ministry" and nlp.lemma_key(entry.alias.ru)[: len(words)] == words


def _owner_after(text: str, end: int) -> bool:
    """A capitalised word right after a post's complement that is no person's name: the post's owner
    («министр экономики Германии», «… Минпромторга»), not the region the article speaks of."""
    w = re.match(r"[ \u00a0]+([А-ЯЁ][А-ЯЁа-яё-]+)", text[end:])
    names = {"Name", "Surn", "Patr"}
    return w is not None and not any(names & set(p.tag.grammemes) for p in nlp.parse(w.group(1))[:3])


def _chain_region(text: str, pos: int) -> str | None:
    """The region of the post just before in a chain: 'вице-премьер Татарстана - министр …'."""
    for r in regions.find(text):
        if r.end <= pos and re.fullmatch(r"\s*[-–—,]\s*", text[r.end : pos]) and not r.is_city:
            return r.label
    return None


def _bracketed_thing(text: str, start: int, end: int) -> bool:
    """An abbreviation in brackets right after a project's, a programme's or a venue's quoted name
    ('федеральный проект "Развитие отрасли …" (РЗМ)'): the thing's short name, no body, wherever it stands."""
    abbr = text[start:end]
    if not re.fullmatch(r"[А-ЯЁA-Z]{2,6}", abbr):
        return False
    return any(
        _quoted_thing_before(text, m.start(1)) or _thing_word_before(text, m.start(1))
        for m in re.finditer(rf"\(\s*({abbr})\s*\)", text)
    )


#: things a lower-case phrase names before its abbreviation in brackets: 'многофункциональный комплекс (МФК)'
THING_HEADS = {"комплекс", "стадион", "зал", "отель", "площадка", "программа", "проект", "объект"}


def _thing_word_before(text: str, start: int) -> bool:
    m = re.search(r"(?<![\w-])[а-яё-]+\s+([а-яё]+)\s*\(\s*$", text[max(0, start - 80) : start])
    return m is not None and nlp.lemma(m.group(1)) in THING_HEADS


def _quoted_thing_before(text: str, start: int) -> bool:
    m = re.search(
        r"([А-Яа-яЁё\-]+)\s*(?:«[^«»]*(?:«[^«»]*»[^«»]*)*»|\"[^\"\n]*\")\s*\(\s*$", text[max(0, start - 250) : start]
    )
    return m is not None and any(p.normal_form in NOT_ORG for p in nlp.parse(m.group(1)))


def not_an_org(text: str, start: int, end: int) -> bool:
    """A venue, programme or project in quotes, a plural common noun, a name of a legal act."""
    before = text[max(0, start - 40) : start]
    m = re.search(r"([А-Яа-яЁё\-]+)\s*[«\"]?\s*$", before)
    if m and any(p.normal_form in NOT_ORG for p in nlp.parse(m.group(1))) and re.search(r"[«\"]\s*$", before):
        return True
    if _bracketed_thing(text, start, end):
        return True
    if text[start:end] == "ВКС" and VIDEO_LINK.search(before):
        return True  # 'в режиме ВКС': a video link, not the Aerospace Forces
    ws = nlp.words(text[start:end])
    if "«" in text[start:end] or any(w.isupper() and len(w) > 1 for w, _, _ in ws):
        return False
    first = nlp.parse(ws[0][0])[0] if ws else None
    if first is not None and first.tag.POS == "ADJF" and first.tag.number == "plur":
        return True
    if ws and _plural_subject(text, start, ws[0][0]):
        return True  # 'Оценки перспектив экономического развития … области у двух ветвей власти …'
    head = next((p for w, _, _ in ws for p in nlp.parse(w)[:1] if p.tag.POS == "NOUN"), None)
    if head is not None and head.normal_form in VENUE_HEADS:
        return True  # 'в Большом зале пленарных заседаний Госдумы': a room, no body
    return head is not None and head.tag.number == "plur"


def _plural_subject(text: str, start: int, word: str) -> bool:
    """A sentence opening with a common noun that is a plural subject there ('Оценки …', read by the
    parser first as a genitive singular), never a singular nominative."""
    if text[:start].rstrip(" \u00a0")[-1:] not in ("", ".", "!", "?", "\n"):
        return False
    nouns = [p for p in nlp.parse(word) if p.tag.POS == "NOUN"]
    return (
        bool(nouns)
        and any(p.tag.case == "nomn" and p.tag.number == "plur" for p in nouns)
        and not any(p.tag.case == "nomn" and p.tag.number == "sing" for p in nouns)
        and not any("Name" in p.tag or "Surn" in p.tag or "Geox" in p.tag or "Orgn" in p.tag for p in nlp.parse(word))
    )


#: a video conference's words before «ВКС»: 'в режиме ВКС', 'по ВКС'
VIDEO_LINK = re.compile(r"(?<![\w-])(?:режиме|формате|по|через|посредством)\s+$", re.IGNORECASE)
#: a room or hall a body meets in, named unquoted
VENUE_HEADS = {"зал", "холл", "фойе", "портал"}  # and a web portal ('Инвестиционный портал РК'), a site, no body


# -- merging short forms -----------------------------------------------------------------------------


def _initials(c: Candidate) -> set[str]:
    """The initials of the label and of every mention ('регионального Фонда развития промышленности
    Ростовской области' -> 'РФРП'), the region left out and kept ('КРИО')."""
    out = set()
    for name in (c.label_ru, *(m.text for m in c.mentions)):
        # 'КРИО' of 'Корпорация развития Иркутской области': the region's initials kept, too
        out.add("".join(w[0] for w, _, _ in nlp.words(name) if len(w) > 2 or w[0].isupper()).upper())
        for r in regions.find(name):
            name = name.replace(r.text, "")
        out.add("".join(w[0] for w, _, _ in nlp.words(name) if len(w) > 2 or w[0].isupper()).upper())
        named = re.match(rf"(?:{LEGAL_FORMS})\s+[«\"]", name)  # 'ОМЗ' of 'ОАО «Объединенные машиностроительные …»'
        if named is not None:
            out.add("".join(w[0] for w, _, _ in nlp.words(name[named.end() :]) if len(w) > 2).upper())
        words = name.split()
        if len(words) > 2 and _is_acronym(words[-1]):  # 'ЦК' of 'Центральный комитет КПРФ' (its owner after it)
            out.add("".join(w[0] for w in words[:-1] if len(w) > 2 or w[0].isupper()).upper())
    return out


def _spells(abbr: str, label: str) -> bool:
    """'ЕАЭС' of 'Евразийский экономический союз', 'НЭВЗ' of 'Новочеркасский электровозостроительный завод':
    the initials of the name's words in turn, one of them with a second letter from inside its word that
    begins a compound's second root (after a linking «о»/«е», or a vowel: «электро-воз-», «Евр-азийский»)."""
    words = [w.upper() for w in re.findall(r"[А-ЯЁа-яё]+", label) if len(w) > 2 or w[0].isupper()]
    if len(abbr) != len(words) + 1 or len(words) < 2:
        return False
    letters = [x[0] for x in words]
    for i, w in enumerate(words):  # the word that gives two letters
        if "".join(letters[: i + 1]) + abbr[i + 1] + "".join(letters[i + 1 :]) != abbr:
            continue
        # a root after a linking vowel («трубо-прокатный») or one that begins with a vowel («Евр-азийский»)
        if any(w[j] == abbr[i + 1] and (w[j - 1] in "ОЕ" or w[j] in "АОУИЭ") for j in range(2, len(w))):
            return True
    return False


def _initials_in_turn(abbr: str, name: str) -> bool:
    """'ИНПЦ ТЛП' of '«Инновационный научно-производственный центр текстильной и легкой промышленности»': the
    abbreviation's letters are initials of the name's words (or of a compound's parts) in turn."""
    initials = iter(w[0].upper() for w in re.findall(r"[А-ЯЁа-яёA-Za-z]+", name))
    return all(ch in initials for ch in abbr.replace(" ", ""))


def _spelt_by(abbr: str, name: str) -> bool:
    """'ЕЭК' of 'Евразийской экономической комиссии': the name's words' initials, or a compound's (``_spells``)."""
    words = re.findall(r"[А-ЯЁа-яё]+", name)
    return "".join(w[0] for w in words if len(w) > 2 or w[0].isupper()).upper() == abbr or _spells(abbr, name)


def _spells_an_inner_name(abbr: str, label: str) -> bool:
    """'ЕАЭС' of 'Совет … стран Евразийского экономического союза': the abbreviation of a body named at the end of
    another's name."""
    words = re.findall(r"[А-ЯЁа-яё]+", label)
    return any(_spelt_by(abbr, " ".join(words[i:])) for i in range(1, len(words) - 1))


def _is_acronym(word: str) -> bool:
    return " " not in word and len(word) >= 2 and word.isupper() and word.isalpha()


def _owner_abbreviated(c: Candidate, o: Candidate) -> bool:
    """'Комитет по промышленности ГД РФ' of 'Комитет Государственной Думы РФ по промышленности': a body
    named by its 'по …' complement and its owner in abbreviations after it."""
    words = c.label_ru.split()
    k = len(words)
    while k > 0 and _is_acronym(words[k - 1]):
        k -= 1
    if k == len(words) or k < 3 or words[1] != "по":
        return False
    core = nlp.lemma_key(" ".join(words[:k]))
    return len(o.lemmas) > len(core) and o.lemmas[0] == core[0] and o.lemmas[-(len(core) - 1) :] == core[1:]


def _compound_of(c: Candidate, o: Candidate) -> bool:
    """'СоюзМаш России' of 'Союз машиностроителей России': a compound short name whose parts
    (written with capitals) begin the full name's words in turn, the rest of both names the same."""
    for m in c.mentions:
        first, _, rest = m.text.partition(" ")
        parts = re.findall(r"[А-ЯЁ][а-яё]+", first)
        if len(parts) < 2 or "".join(parts) != first:
            continue
        words = o.label_ru.split()
        tail = nlp.lemma_key(rest) if rest else ()
        head = words[: len(parts)]
        if len(words) != len(parts) + len(tail) or (tail and o.lemmas[-len(tail) :] != tail):
            continue
        stems = [p.lower() if i < len(parts) - 1 else p.lower()[:-1] for i, p in enumerate(parts)]  # 'СоюзМаша'
        if all(len(p) >= 3 and w.lower().startswith(p) for w, p in zip(head, stems, strict=True)):
            return True
    return False


#: a works' generic head a syllabic short name leaves out ('Златмаш' of 'Златоустовский машиностроительный завод')
_WORKS_HEADS = {"завод", "заводы", "комбинат", "объединение", "предприятие", "фабрика", "компания"}
#: the clipped first roots of compound words in works' names ('меткомбинат', 'нефтезавод', 'автозавод')
_CLIPPED_ROOTS = ("мет", "нефте", "нефт", "хим", "авто", "авиа", "агро", "электро", "энерго", "судо", "тепло", "гидро")


def _syllables_of(short: str, full: str) -> bool:
    """'Златмаш' of 'Златоустовский машиностроительный завод', 'ОмЗИТ' of 'Омский завод инновационных технологий',
    'НАПО им. Чкалова' of 'Новосибирское авиационное производственное объединение им. В. П. Чкалова': one word made of
    the beginnings of the full name's words in turn (at least two of them), only a works' generic head left after it,
    and the same eponym after «им.» when the short name has one."""
    s_form, f_form = re.match(rf"(?:{LEGAL_FORMS})(?=\s)", short), re.match(rf"(?:{LEGAL_FORMS})(?=\s)", full)
    if s_form and f_form and s_form.group() != f_form.group():
        return False  # 'ОАО «ИЗТС»' beside 'ООО «Ивановский завод …»': another legal form, another company
    s_name, _, s_tail = short[s_form.end() if s_form else 0 :].strip().partition(" им. ")
    f_name, _, f_tail = full[f_form.end() if f_form else 0 :].strip().partition(" им. ")
    if s_tail and (not f_tail or s_tail.split()[-1] != f_tail.split()[-1]):
        return False
    word = s_name.strip('«»" ').lower()
    words = [w.lower() for w in re.findall(r"[А-ЯЁа-яё]+", f_name)]
    if not re.fullmatch(r"[а-яё]{3,}", word) or len(words) < 2 or s_name.strip('«»" ').islower():
        return False

    def fit(words: list[str], i: int, j: int) -> bool:  # the rest of the short name from the j-th word on
        if i == len(word):
            return j >= 2 and all(w in _WORKS_HEADS for w in words[j:])
        if j == len(words):
            return False
        return any(word[i : i + k] == words[j][:k] and fit(words, i + k, j + 1) for k in range(1, len(words[j]) + 1))

    variants: list[list[str]] = [
        []
    ]  # 'меткомбинат' read whole and as 'мет' + 'комбинат' ('ЧМК' of 'Челябинский меткомбинат')
    for w in words:
        root = next((r for r in _CLIPPED_ROOTS if w.startswith(r) and len(w) - len(r) >= 4), None)
        variants = [v + [w] for v in variants] + ([v + [root, w[len(root) :]] for v in variants] if root else [])
    return any(fit(v, 0, 0) for v in variants[:8])


def _listed_together(a: Candidate, b: Candidate, text: str) -> bool:
    """Two names side by side in one list ('«Тверской вагонный завод», «Твервагон» и …'): two bodies."""
    for x in a.mentions:
        for y in b.mentions:
            first, second = (x, y) if x.end <= y.start else (y, x)
            if first.end <= second.start and re.fullmatch(
                r"\s*[»\"]?\s*(?:,|и)\s*[«\"]?\s*", text[first.end : second.start]
            ):
                return True
    return False


def _word_left_out(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """'Фонд промышленности Петербурга' of 'Фонд развития промышленности Санкт-Петербурга': a headline's
    name with words of the middle left out, its head and its owner's name the same (a federal city's
    full name ends with its short one)."""
    if len(part) == 2 and len(whole) == 3:  # 'Евразийская комиссия' of 'Евразийская экономическая комиссия'
        return part[0] == whole[0] and part[1] == whole[2]
    if len(part) < 3 or len(whole) <= len(part) or part[0] != whole[0]:
        return False
    if not (part[-1] == whole[-1] or whole[-1].endswith("-" + part[-1])):
        return False
    rest = iter(whole[1:-1])
    return all(w in rest for w in part[1:-1])


def _place_named(short: str, full: str) -> bool:
    """'Белгородский химический кластер' of 'Химический кластер Белгородской области', 'Российский союз
    машиностроителей' of 'Союз машиностроителей России': the place's adjective before the name for the
    place's name in the genitive after it."""
    first, _, rest = short.partition(" ")
    if not first[:1].isupper() or len(rest.split()) < 1:
        return False
    adj = nlp.lemma(first.lower())
    if adj == "российский":
        tails = [t for t in ("России", "Российской Федерации", "РФ") if full.endswith(" " + t)]
    else:
        tails = [
            full[r.start :]
            for r in regions.find(full)[-1:]
            if r.end == len(full)
            and any(p.normal_form == adj for p in nlp.parse(r.label.split()[0].lower()) if p.tag.POS == "ADJF")
        ]
    return any(nlp.lemma_key(full[: -len(t)]) == nlp.lemma_key(rest) for t in tails)


def _region_tail(label: str) -> tuple[list[str], str] | None:
    """(the words before, the region's name) of a label that ends with a region's name."""
    r = regions.find(label)
    if not r or r[-1].end != len(label):
        return None
    return label[: r[-1].start].lower().split(), label[r[-1].start :]


def _regions_body_in_short(short: str, full: str) -> bool:
    """'Министерство экономразвития Курской области' of 'Министерство экономического развития и
    промышленности Курской области': one region's body of the same head, its words those of the longer
    name in turn (a compound «экономразвития» for «экономического развития»), some left out."""
    a, b = _region_tail(short), _region_tail(full)
    if a is None or b is None or a[1] != b[1] or len(a[0]) < 2 or a[0][0] != b[0][0] or short == full:
        return False
    rest = b[0][1:]
    i = 0
    for w in a[0][1:]:
        while i < len(rest) and not _same_word(w, rest, i):
            i += 1
        if i == len(rest):
            return False
        i += 2 if _compound(w, rest, i) else 1
    return len(a[0]) < len(b[0])


def _compound(w: str, words: list[str], i: int) -> bool:
    """'экономразвития' for words[i:i+2] == 'экономического развития'."""
    return (
        i + 1 < len(words)
        and w.endswith(words[i + 1])
        and len(w) > len(words[i + 1]) + 2
        and words[i].startswith(w[: len(w) - len(words[i + 1])])
    )


def _same_word(w: str, words: list[str], i: int) -> bool:
    return nlp.lemma(w) == nlp.lemma(words[i]) or _compound(w, words, i)


def _abbreviated_body(short: str, full: str) -> bool:
    """'ЦК КПРФ' of 'Центральный комитет КПРФ': a body's initials before the same owner's name."""
    words, long = short.split(), full.split()
    if len(words) != 2 or not all(_is_acronym(w) for w in words) or len(long) < 3 or long[-1] != words[1]:
        return False
    return "".join(w[0] for w in long[:-1] if len(w) > 2).upper() == words[0]


def _owner_spelt(short: str, full: str) -> bool:
    """'Совет ЕЭК' of 'Совет Евразийской экономической комиссии': a body of an owner named by its abbreviation,
    and the same body with the owner's name spelt out (its words' initials, or a compound's, in turn)."""
    words, long = short.split(), full.split()
    if len(words) < 2 or not _is_acronym(words[-1]) or len(long) < len(words) + 1:
        return False
    k = len(words) - 1
    if nlp.lemma_key(" ".join(long[:k])) != nlp.lemma_key(" ".join(words[:k])) or not is_body_of(short):
        return False
    return _spelt_by(words[-1], " ".join(long[k:]))


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    return bool(part) and any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _genitive_of_legal_name(bare: str, label: str) -> bool:
    """'«Туполева»' (after «глава», «руководителей») of 'АО «Туполев»': the quoted name alone in the genitive of a
    company's quoted name after its legal form."""
    m = re.fullmatch(rf"(?:{LEGAL_FORMS})\s+«([^«»]+)»", label)
    return m is not None and " " not in m.group(1) and bare in (m.group(1) + "а", inflect_phrase(m.group(1), "gent"))


def _zone_worked_for(short: str, long: str) -> bool:
    """'ОЭЗ «Томск»' and 'Экспертный совет по … деятельности в ОЭЗ «Томск»': the zone a body works for, not its
    short name."""
    name = re.search(r"«[^«»]+»$", short)
    return (
        name is not None
        and re.search(rf"\sв\s+(?:ОЭЗ|особой\s+экономической\s+зоне)\s+{re.escape(name.group())}", long) is not None
    )


def merge_short_forms(cands: dict[str, Candidate], text: str = "") -> None:
    """In one article: a name that is a part of another's ('Комиссия по промышленности' of
    'Правительственная комиссия по промышленности'; 'Комитет по промышленности' of 'Комитет Государственной
    Думы по промышленности'), the quoted name of a described one ('«Фрязино»'
    of 'Промышленный кластер «Фрязино»'), a described name of the same name with its legal form
    ('Заводы «Азовмаш»' of 'ПАО «Азовмаш»'), and an abbreviation of the alias table that spells the
    article's own body ('ФРП' next to 'Фонд развития промышленности Краснодарского края') are one
    organisation, unless the text marks the abbreviation as the federal body's (``_federal``)."""

    def move(src: Candidate, dst: Candidate) -> None:
        for mm in src.mentions:
            dst.add(mm)
        if src.label_ru not in dst.alt_ru and src.label_ru != dst.label_ru:
            dst.alt_ru.append(src.label_ru)

    for key in list(cands):
        c = cands[key]
        if not key.startswith("ner:") or key not in cands or c.label_ru.startswith(MANAGING):
            continue  # 'Управляющая компания «Титановая долина»' is not the zone «Титановая долина»
        n = len(c.lemmas)
        bare = re.sub(r"[«»\"]", "", c.label_ru).strip()
        quoted = next((a for a in c.alt_ru if a.startswith("«")), None)  # 'Заводы «Азовмаш»' of 'ПАО «Азовмаш»'
        prefix = c.label_ru.split("«")[0].split() if "«" in c.label_ru else []
        if (
            quoted is None
            and len(prefix) == 1
            and nlp.lemma(prefix[0].lower()) not in DESCRIPTORS
            and not re.fullmatch(LEGAL_FORMS, prefix[0])
        ):
            quoted = c.label_ru[c.label_ru.index("«") :]  # 'СВО «Защитники Отечества»' of 'Фонд «Защитники …»'
        alone = re.fullmatch(r"«[^«»]+»", c.label_ru) is not None  # a quoted name alone: '«Нефтемаш-сервис»'
        if quoted is None and alone:
            quoted = c.label_ru
        longer = [
            o
            for o in cands.values()
            if o is not c
            and not o.label_ru.startswith(MANAGING)
            and not _zone_worked_for(c.label_ru, o.label_ru)
            and not _zone_worked_for(o.label_ru, c.label_ru)
            and (
                (
                    len(o.lemmas) > n
                    and any(o.lemmas[i : i + n] == c.lemmas for i in range(1, len(o.lemmas) - n + 1))
                    and n >= 2
                    and head_lemma(c.label_ru) == head_lemma(o.label_ru)
                )
                or (  # 'Комитет по промышленности' of 'Комитет Государственной Думы по промышленности'
                    n >= 3
                    and c.lemmas[1] == "по"
                    and len(o.lemmas) > n
                    and o.lemmas[0] == c.lemmas[0]
                    and o.lemmas[-(n - 1) :] == c.lemmas[1:]
                )
                or (  # 'Комиссия «Единой России»' of 'Комиссия президиума генсовета «Единой России» по …'
                    n >= 3
                    and is_body_of(c.label_ru)
                    and len(o.lemmas) > n
                    and o.lemmas[0] == c.lemmas[0]
                    and _inside(tuple(x for x in c.lemmas[1:] if x != "партия"), o.lemmas[1:])
                )
                or (f"«{bare}»" in o.label_ru and o.label_ru != c.label_ru)
                # '«Микрон»' of 'ООО «ОКБ Микрон»' written also 'ОКБ «Микрон»'
                or (alone and any(a.endswith(c.label_ru) for a in o.alt_ru))
                or (alone and _genitive_of_legal_name(bare, o.label_ru))
                or (  # 'ГАЗ' of 'Группа ГАЗ', 'ВТБ' of 'Банк ВТБ': an abbreviation after its descriptor
                    _is_acronym(bare)
                    and len(o.label_ru.split()) == 2
                    and o.label_ru.endswith(" " + bare)
                    and not o.label_ru.split()[0].isupper()  # 'ЦК КПРФ': a body of the party, not its name
                    and not is_body_of(o.label_ru)  # 'Совет ЕЭК': the commission's council, not the commission
                )
                or _owner_abbreviated(c, o)
                or _compound_of(c, o)
                or (_syllables_of(c.label_ru, o.label_ru) and not _listed_together(c, o, text))
                or _word_left_out(c.lemmas, o.lemmas)
                or _abbreviated_body(c.label_ru, o.label_ru)
                or _owner_spelt(c.label_ru, o.label_ru)
                or _place_named(c.label_ru, o.label_ru)
                or _regions_body_in_short(c.label_ru, o.label_ru)
                or (
                    quoted is not None
                    and o.label_ru.lower().endswith(quoted.lower())  # '«Нефтемаш-сервис»', 'ООО «Нефтемаш-Сервис»'
                    and (re.match(rf"(?:{LEGAL_FORMS})\s", o.label_ru) or (prefix and quoted in o.alt_ru))
                )
            )
        ]
        if len(longer) == 1:
            move(c, longer[0])
            del cands[key]
    for key in [k for k in cands if k.startswith("ner:")]:  # 'Мининвест …' of 'Министерство инвестиций, …'
        c = cands[key]
        stem = MINISTRY_SHORT.match(c.label_ru.split()[0].lower())
        if c.cls != "Ministry" or stem is None or c.label_ru.startswith("Министерство"):
            continue
        tail = c.label_ru.split(" ", 1)[1] if " " in c.label_ru else ""
        word = c.label_ru.split()[0].lower()[3:7]
        full = [
            o
            for o in cands.values()
            if o is not c
            and o.label_ru.startswith("Министерство ")
            and o.label_ru.endswith(tail)
            and not (o.key.startswith("alias:") and any(LOWER_MINPROM.fullmatch(mm.text) for mm in c.mentions))
            # any word of its name: 'Минпром' of 'Министерство энергетики, промышленности и связи …'
            and any(w.lower().startswith(word) for w in o.label_ru[: len(o.label_ru) - len(tail)].split()[1:])
        ]
        local = [o for o in full if not o.key.startswith("alias:")]
        if len(full) > 1 and len(local) == 1 and not any(_federal(text, mm) for mm in c.mentions):
            full = local  # 'нижегородского Минпрома' beside 'федеральным Минпромом': the region's, the other marked
        if len(full) == 1:
            move(c, full[0])
            del cands[key]
    formed = re.compile(rf"ner:(?:{LEGAL_FORMS.lower()})\s+[а-яё]{{2,}}")  # 'ОАО «КЭМЗ»': an abbreviation with its form
    for key in [
        k for k in cands if k.startswith("alias:") or re.fullmatch(r"ner:[а-яё]{2,}", k) or formed.fullmatch(k)
    ]:
        c = cands[key]  # an abbreviation: of the alias table, or one NER found ('РФРП')
        # '"СКБТ"': quoted, as a works' name often is; 'ОАО «КЭМЗ»': with its legal form
        abbrs = {re.sub(rf"^(?:{LEGAL_FORMS})\s+", "", mm.text).strip('«»"') for mm in c.mentions}
        if not all(a.isupper() and " " not in a for a in abbrs):
            continue
        loose = {a for a in abbrs if not c.key.startswith("alias:") and len(a) >= 3}
        form = re.match(rf"(?:{LEGAL_FORMS})(?=\s)", c.label_ru)
        own = [
            o
            for o in cands.values()
            if o is not c
            and not o.key.startswith("alias:")
            and (_initials(o) & abbrs or any(_spells(a, o.label_ru) for a in loose))
            # 'ОАО «ИЗТС»' beside 'ООО «Ивановский завод …» (ООО «ИЗТС»)': another legal form, another company
            and not (form and re.match(rf"(?:{LEGAL_FORMS})(?=\s)", o.label_ru) and not o.label_ru.startswith(form[0]))
        ]
        if len(own) == 1 and not (text and c.key.startswith("alias:") and any(_federal(text, mm) for mm in c.mentions)):
            move(c, own[0])
            del cands[key]
    for key in [k for k in cands if k.startswith("ner:")] if text else []:
        abbr = cands.get(key)  # 'АО «Инновационный … центр …» (ИНПЦ ТЛП)': the short name given in brackets
        if abbr is None or not all(_is_acronym(w) for mm in abbr.mentions for w in mm.text.strip('«»"').split()):
            continue
        forms = "|".join(sorted({re.escape(mm.text) for mm in abbr.mentions}))
        named = [
            o
            for o in cands.values()
            if o is not abbr
            and any(
                # '… «Янтарь» (ПСЗ, входит в ОСК)': the short name first in the brackets, a note after it
                re.match(rf"\s*\(\s*(?:{forms})\s*(?:\)|,\s)", text[om.end :])
                and _initials_in_turn(abbr.label_ru, om.text)
                for om in o.mentions
            )
        ]
        if len(named) != 1:  # 'Ассоциацию предприятий мебельной … промышленности (АМДПР)': the short name the
            named = [  # brackets gave it, unless it spells the end of the name ('Совет … союза (ЕАЭС)': the union's)
                o
                for o in cands.values()
                if o is not abbr and abbr.label_ru in o.alt_ru and not _spells_an_inner_name(abbr.label_ru, o.label_ru)
            ]
        if len(named) == 1:
            move(abbr, named[0])
            del cands[key]


def written_regions(cands: dict[str, Candidate]) -> None:
    """A region's body labelled with the region's full name («Минпромэнерго Чувашской Республики») is also
    named as the text writes it, with the region's short or informal name or a word pointing back at it
    («Минпромэнерго Чувашии», «Министерство промышленности Ставрополья», «Минэкономразвитие региона»)."""
    for c in cands.values():
        where = regions.find(c.label_ru)
        if not where or where[-1].end < len(c.label_ru.rstrip(")")):  # '… Республики Саха (Якутия)' too
            continue
        base = c.label_ru[: where[-1].start].strip().lower()
        for m in c.mentions:
            written = _cap(re.sub(r"\s+", " ", inflect_phrase(m.text, "nomn")))
            if c.cls == "Ministry" and not re.match(r"(?i)мин", m.text):  # a minister's field in the genitive:
                written = "Министерство " + re.sub(r"\s+", " ", m.text)  # 'министра промышленности … Карелии'
            # read after the label, so that «РТ» is the republic the label names ('агентства … развития РТ')
            shift = len(c.label_ru) + 1
            at = [
                regions.Region(r.label, r.start - shift, r.end - shift, r.text)
                for r in regions.find(f"{c.label_ru}\n{written}")
                if r.start >= shift
            ]
            tail = written.rsplit(" ", 1)
            if at and at[-1].end == len(written):
                head = written[: at[-1].start].strip()
            elif len(tail) == 2 and tail[1] in ANAPHORA:
                head = tail[0]
            else:
                continue
            known = {c.label_ru.lower(), *(a.lower() for a in c.alt_ru)}
            if head.lower() == base and written.lower() not in known:
                c.alt_ru.append(written)


def written_forms(cands: dict[str, Candidate]) -> None:
    """A collegial body labelled by rule («Комитет Государственной Думы по …», its owner by the owner's
    label) is also named as the text writes it, in the nominative («Комитет краевого парламента по …»,
    «Комиссия президиума генсовета «Единой России» по …»)."""
    for key, c in cands.items():
        legislature = c.cls == "LegislativeBody"  # 'краевого парламента': also «краевой парламент»
        if not key.startswith("ner:") or not (is_body_of(c.label_ru) or legislature):
            continue
        for m in c.mentions:
            written = re.sub(r"\s+", " ", inflect_phrase(m.text, "nomn"))
            written = written if legislature and written[:1].islower() else _cap(written)
            if written.lower().startswith("по ") or nlp.parse(written.split()[0])[0].tag.number == "plur":
                continue  # 'комитетов Госдумы по обороне и по …': a plural mention, or its «по …» alone
            known = {c.label_ru.lower(), *(a.lower() for a in c.alt_ru)}
            if (len(written.split()) > 1 or legislature) and written.lower() not in known:  # also «облдума»
                c.alt_ru.append(written)


#: a committee of a company's board of directors, by its subject: no body of its own, its chair a post in the company
BOARD_COMMITTEE = re.compile(
    r"комитет по (?:аудиту|стратегии|стратегическому планированию|бюджету|кадрам и вознаграждениям|"
    r"вознаграждениям|назначениям(?: и вознаграждениям)?|рискам|устойчивому развитию)",
    re.IGNORECASE,
)
BOARD = re.compile(r"(?<![\w-])совет(?:а|у|ом|е)?\s+директоров(?![\w-])", re.IGNORECASE)
PARLIAMENT = re.compile(r"(?<![\w-])(?:Дум|Совет\w*\s+Федерации|парламент|законодательн|депутат)", re.IGNORECASE)


def board_committee(text: str, label: str) -> bool:
    """«Комитет по аудиту» in an article about a company's board of directors and no parliament: the board's committee."""
    return (
        BOARD_COMMITTEE.fullmatch(label) is not None and BOARD.search(text) is not None and not PARLIAMENT.search(text)
    )


#: committees' chairs listed each with the committee's subject in brackets: 'председатели комитетов, в их числе
#: Имя (по экономической политике), Имя (по промышленности и торговле)'
CHAIRS_OF_COMMITTEES = re.compile(r"(?<![\w-])председател[а-яё]+\s+(?:профильных\s+)?комитетов(?![\w-])", re.IGNORECASE)
#: a committee's subject in brackets after a chair's name: ' (по экономической политике)'
SUBJECT_IN_BRACKETS = re.compile(r"\s*\(\s*(?P<subject>по\s+[^()\n]{3,120}?)\s*\)")
