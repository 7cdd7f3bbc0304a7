"""Legal acts in the shapes news gives them:

«постановление правительства № 41», «41-е постановление», «постановление от 28 января 2016 года № 41»,
«Постановление № 753 от 26.04.2022», «федеральный закон № 488-ФЗ «О промышленной политике в Российской
Федерации»», «распоряжение № 1234-р», «указ президента № 309», «Указ за номером 309 «О национальных
целях …»», «постановление правительства РФ под номером 431», «приказ Минпромторга № 1995», «постановлений №719
и №1649»: kind, number, date, issuer (the organisation named right after the kind) and title where stated. A code
by its name or abbreviation: «Налоговый кодекс», «ст. 286.1 НК РФ», «ст. 342 НК».

An act named without a number is the article's one numbered act of that kind («Подписанное
постановление», «Указом закреплены»), else the act the article already named that way; a new
unnumbered act is recorded only when the text points at one («Соответствующее распоряжение»,
«Распоряжение, утверждающее …», «подписал распоряжение», a title, a date) — a bare «по закону» is
no act. A draft («проект постановления») is never the act it would change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Required, TypedDict

from server.ingest import nlp, regions
from server.ingest.structure import MONTH

KINDS = {  # stem -> (ru, en, IRI slug, concept local name)
    "федеральн": ("Федеральный закон", "Federal law", "federal-law", "actFederalLaw"),
    "постановлени": ("Постановление", "Resolution", "resolution", "actResolution"),
    "распоряжени": ("Распоряжение", "Directive", "directive", "actDirective"),
    "указ": ("Указ", "Decree", "decree", "actDecree"),
    "приказ": ("Приказ", "Order", "order", "actOrder"),
    "законопроект": ("Законопроект", "Bill", "bill", "actBill"),
    "закон": ("Закон", "Law", "law", "actLaw"),
    "письм": ("Письмо", "Letter", "letter", "actLetter"),  # a ministry's letter, only with its number
    "кодекс": ("Кодекс", "Code", "code", "actCode"),  # 'Налоговый кодекс', by its name only
    # a decision of the Eurasian Economic Commission's Board or Council, only with its number ('Решения Коллегии
    # Евразийской экономической комиссии от 18 августа 2015 года № 101')
    "решени": ("Решение", "Decision", "decision", "actDecision"),
    # the President's list of instructions, only with its number ('перечня поручений … от 14 июня 2017 г. N Пр-1132')
    "переч": ("Перечень поручений", "List of instructions", "instructions", "actInstructions"),
    "пп": ("Постановление", "Resolution", "resolution", "actResolution"),  # «ППРФ», «ПП РФ»
    "рп": ("Распоряжение", "Directive", "directive", "actDirective"),  # «РП РФ»
    "фз": ("Федеральный закон", "Federal law", "federal-law", "actFederalLaw"),  # «ФЗ «О …»»
}
KIND = (
    r"(?P<kind>федеральн\w+\s+закон(?:а|у|ом|е|ы|ов)?|постановлени[еяюийм]\w{0,2}|распоряжени[еяюийм]\w{0,2}"
    r"|указ(?:а|у|ом|е|ы|ов)?|приказ(?:а|у|ом|е|ы|ов)?|законопроект(?:а|у|ом|е|ы|ов)?|закон(?:а|у|ом|е|ы|ов)?"
    r"|письм(?:о|а|у|ом|е)"  # 'письмо Минфина России от 15 января 2021 г. № 24-03-07/1390'
    r"|переч(?:ень|ня|ню|нем|не)\s+поручений"  # 'перечня поручений Президента … N Пр-1132'
    # 'Решение Коллегии ЕЭК № 101': a decision of the Eurasian Economic Commission's Board or Council
    r"|решени[еяюийм]\w{0,2}(?=\s+(?:Коллегии|Совета)\s+(?:Евразийской\s+экономической\s+комиссии|ЕЭК)(?![\w-]))"
    r"|(?-i:[ПР]П\s?РФ)"  # 'ППРФ № 1325': постановление (распоряжение) Правительства РФ
    r"|(?-i:ФЗ)(?=\s*«(?:О|Об)\s))(?![\w-])"  # 'ФЗ «О государственном оборонном заказе»': a federal law by its title
)
KIND_RX = re.compile(rf"(?<![\w-]){KIND}", re.IGNORECASE)
ORDINAL = re.compile(rf"(?<![\w-])(?P<ord>\d+)-(?:е|го|м|му|й|ым|ое|ого|ом)\s+{KIND}", re.IGNORECASE)
#: the number may open with its series' capitals ('N Пр-1132', '№ БС-4-21/123@', '№ УГ-45') and end in '@' (the tax service's)
NO = (
    # '№ https://sozd.duma.gov.ru/bill/331093-8 331093-8': a link to the bill's page pasted between the sign and the number
    r"(?:(?:№|N|No\.?|номер(?:ом)?|(?:за|под)\s+номером)\s*(?:https?://\S+\s+)?(?P<n>(?:(?-i:[А-ЯЁA-Z][А-ЯЁA-Zа-яё]{0,3})-)?\d+(?:[\w\-\u2010\u2011]|/(?=\d))*@?)"
    r"|(?P<fz>\d+-ФЗ)\b)"
)
#: ('ФЗ-488', 'ФЗ 44': the letters first, as people write it; read as '488-ФЗ')
FZ = re.compile(r"(?<![\w№\-])(?P<n>\d+-ФЗ)\b|(?<![\w-])(?-i:ФЗ)(?:\s?[-–]\s?|\s)(?P<r>\d{1,4})(?![\w-]|[.,]\d)")
DATE = (
    # the year's «г.» may lose its dot before the number: 'Закон от 22.02.2017 г № 68-З'
    # and the day may be an ordinal: 'от 1-го марта 2024 г.'
    rf"от\s+(?:(?P<d>\d{{1,2}})(?:-?го)?\s+(?P<m>{MONTH})\s+(?P<y>\d{{4}})\s*(?:года|г(?:\.|(?![\w-])))?"
    r"|(?P<dd>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<yy>\d{4})(?:\s*г(?:\.|(?![\w-])))?"
    rf"|(?P<d0>\d{{1,2}})(?:-?го)?\s+(?P<m0>{MONTH})(?![\w-]))"  # 'Постановление от 2 июля': the article's year
)
#: a numeric date without «от» right before the act's number: '29.06.2020 № 1138'
BARE_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}(?:\s*г(?:\.|(?![\w-])))?(?=\s*(?:№|N\s))")
#: a government resolution by its letters and number: 'ПП-719', 'ПП РФ-1119'
PP_NO = re.compile(r"(?<![\w-])(?-i:ПП)(?:\s?РФ)?\s?[-–]\s?(?P<n>\d{1,5})(?![\w-]|[.,]\d)")
#: a number right after the kind, without «№» ('действует постановление 1875, однако …'); not a year's
#: (or a Duma bill's number: 'законопроект 123456-8')
BARE_NO = re.compile(
    r"(?P<n>\d{5,7}-\d(?![\w-])|\d{2,5}(?:-[а-яА-ЯёЁA-Za-z]{1,3})?(?=\s*(?:[,.;:)»\"]|\s+(?:от|и|а|но|однако)\s|$)))"
)
#: a bare number between the issuer and the act's date: 'постановлением Правительства РФ 1901 от 26 декабря 2024 года'
ISSUER_BARE_NO = re.compile(r"(?P<n>\d{1,5}(?:-[а-яА-ЯёЁA-Za-z]{1,3})?)(?=\s+от\s+\d)")
#: a further act of the kind with its own date and number: '… N 865 и от 15 сентября 2015 г. N 979'
DATED_MORE = re.compile(
    rf"\s*(?:,|и)\s*(?:{DATE})\s*(?P<no>(?:№|N)\s*(?P<n>\d+(?:-[а-яА-ЯёЁA-Za-z]{{1,3}})?))(?![\w-])", re.IGNORECASE
)
#: a further number after a first one, with or without its «№» ('№719 и №1649', '№ 1325 и 1326')
MORE_NO = re.compile(rf"(\s*(?:,|и)\s*)(?:{NO}|{BARE_NO.pattern.replace('<n>', '<bn>')})", re.IGNORECASE)
#: after a plural kind's first number, a further bare number before any word ('№ 100 и 101 утверждены'), not an amount
PLURAL_MORE_NO = re.compile(
    r"\s*(?:,|и)\s*(?P<n>\d{2,5}(?:-[а-яА-ЯёЁA-Za-z]{1,3})?)(?![\w.,/%-])(?!\s*(?:млн|млрд|тыс|руб|год|%|процент))",
    re.IGNORECASE,
)
# a title in «» may hold «…» inside; in ASCII quotes it ends at the next quote (nesting is ambiguous)
# (or with one quote closing both at the sentence's end: '«О внесении изменений в статьи 8 и 15 Закона … «О промышленной
# политике в Чувашской Республике».')
TITLE = (
    r"(?:«(?P<t>(?:О|Об|Обо)\s[^«»\n]*(?:«[^«»\n]*»[^«»\n]*)*(?:«[^«»\n]*(?=»\s*(?:[.;\n]|$)))?)»"
    r"|\"(?P<t2>(?:О|Об|Обо)\s[^\"\n]*))"
)
#: a title after a dash: 'еще один проект постановления — «Об утверждении перечня …»'
DASHED_TITLE = rf"(?:[—–]\s*)?(?:{TITLE})"
# a law's subject without quotes: 'закон о технологической политике' (об/о + adjective + noun)
#: ('Закон о технопарках в области …': a plural noun alone, not followed by its genitive)
PLAIN_TITLE = re.compile(
    r"(?:о|об)\s+(?:(?:[а-яё]+(?:ой|ом|ых|их|ей)\s+){1,2}[а-яё]+(?:е|и|ах|ях)"
    r"|[а-яё]{5,}(?:ах|ях)(?!\s+(?:[а-яё]+(?:ого|его|ой|ых|их)\s+)?[а-яё]+(?:а|я|ов|ей|и|ы)(?![\w-])))(?![\w-])"
)
#: or a noun with its genitive: 'федеральный закон об основах промышленной политики', 'закон о защите конкуренции'
#: (only for the article's first law so named: after one, 'речь идет о законе о реализации …' describes it)
NOUN_TITLE = re.compile(
    r"(?:о|об)\s+[а-яё]{3,}(?:е|и|ах|ях)\s+(?:[а-яё]+(?:ой|ого|его|ых|их)\s+)?[а-яё]{3,}(?:ы|и|а|я|ов|ей|ий)(?![\w-])"
)
#: or, a bill's, one noun in the prepositional, then a pause or a preposition: 'законопроект о маркировке на …'
SINGLE_TITLE = re.compile(r"(?:о|об)\s+(?P<noun>[а-яё]{6,}(?:е|и))(?=\s*[.,;:!?)]|\s+(?:на|в|во|с|со|и|от|для)\s)")


BILL_WORD = re.compile(r"законопроект\w*\s*$", re.IGNORECASE)


def _single_title(text: str) -> re.Match[str] | None:
    m = SINGLE_TITLE.match(text)
    noun = m is not None and any(
        x.tag.POS == "NOUN" and x.tag.case == "loct" and x.tag.number == "sing" for x in nlp.parse(m.group("noun"))
    )
    return m if noun else None


LAW_WORD = re.compile(r"закон\w*\s*$", re.IGNORECASE)
POINTING = re.compile(
    r"(?:соответствующ|подписанн|данн|указанн|эт[оиау]|нов[оаы]|изменяем|этим|[Ии]м\b)\w*\s+$", re.IGNORECASE
)
ANAPHORIC = re.compile(r"(?:эт|данн|указанн)", re.IGNORECASE)  # the act named before, not a new one
DEFINED = re.compile(r"^,\s*(?:[а-яё]+(?:ющ|ящ|вш|енн|нн|ем|им)[а-яё]*|котор[а-яё]+)\b", re.IGNORECASE)
#: 'в распоряжении фонда', 'в своё распоряжение': at someone's disposal
DISPOSAL = re.compile(r"(?<![\w-])в(?:о)?\s+(?:(?:сво|его|её|ее|их|наш|ваш)\w*\s+)?$", re.IGNORECASE)
SIGNED = re.compile(r"подпис|утвер(?:д|жд)|подготов|принял|принят|разработ", re.IGNORECASE)  # утверждён too
#: a law (not a bill) approved: 'Совет Федерации одобрил закон о …'
APPROVED = re.compile(r"одобр\w*\s+(?:[а-яё]+\s+){0,3}$", re.IGNORECASE)
#: an issuer's adjective before its name: «российского правительства», «областного правительства»
ISSUER_ADJ = re.compile(r"(?:российск|федеральн|областн|краев|республиканск|регионально)[а-яё]{1,3}\s+", re.IGNORECASE)
MONTHS = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
#: a signer's post in the genitive as the issuer, up to the act's date or number: 'главы администрации
#: (губернатора) Краснодарского края', 'губернатора Свердловской области', 'министра промышленности края'
POST_ISSUER = re.compile(
    r"(?:(?:перв|временно|исполняющ)\w*\s+)*(?:заместител\w+\s+)?(?:губернатора|главы|мэра|министра|председателя"
    r"|руководителя|начальника)(?:\s+(?:[а-яёА-ЯЁ-]+|\([а-яё\s-]{1,40}\)|РФ)){0,8}?\s+(?=от\s+\d|№|N\s)"
)
#: a quoted title «О …» right ahead: an issuer named before it stands as before a number or a date
TITLE_AHEAD = r"[«\"„]Об?\s"
#: a region in the genitive as the issuer, up to the act's date, number or title: 'Закон Тюменской области от 29
#: июня 2017 г. N 40' (a republic's capitalised name is the fallback's below)
REGION_ISSUER = re.compile(rf"{regions.SHAPE.pattern}\s+(?=от\s+\d|№|N\s|{TITLE_AHEAD})")
#: a region in the genitive right after «закон»: 'закон Самарской области, которым …'
LAW_OF_REGION = re.compile(rf"\s+{regions.SHAPE.pattern}(?![\w-])")
#: what makes an unnumbered act one act: 'постановление об этом', 'законопроект о поправках в ФЗ «…»'
ABOUT_THIS = re.compile(
    r"\s+(?:об\s+этом|о\s+(?:поправках|изменениях|внесении\s+изменений)\s+в)(?![\w-])", re.IGNORECASE
)


@dataclass
class ActRef:
    kind_ru: str
    kind_en: str
    kind_slug: str
    kind_concept: str
    number: str | None
    start: int  # the reference's own words ('№719', '41-е постановление', 'Соответствующее распоряжение')
    end: int
    phrase_start: int  # the whole phrase ('постановлений №719 и №1649')
    phrase_end: int
    date: Date | None = None
    issuer: tuple[int, int] | None = None  # the span of the issuer named after the kind
    title: str | None = None
    draft: bool = False  # 'проект постановления'
    notes: list[tuple[str, str]] = field(default_factory=list)
    confidence: float | None = None  # the learned reader's score of a mention it added (actmodel), None for a rule's

    @property
    def key(self) -> str:
        """One act, one key within an article: kind + number (+ year), or kind + title, or the draft."""
        if self.number:
            return f"{self.kind_slug}|{self.number.lower()}|{self.date.year if self.date else ''}"
        if self.draft:
            return f"{self.kind_slug}|draft"
        if self.title:
            return f"{self.kind_slug}|title|{self.title.lower()}"
        return f"{self.kind_slug}|unnumbered"


class _Tail(TypedDict, total=False):
    """What follows a kind word; a key is present once its part was read (a date may read as None)."""

    numbers: Required[list[tuple[int, int, str]]]  # (start, end, number)
    issuer: tuple[int, int]
    date: Date | None
    title: str
    described: bool  # the title is a noun and its genitive, not a name in quotes or an adjective's phrase
    dated: dict[int, Date | None]  # a further number's own date, by the number's index


class _Stated(TypedDict):
    """An act's details stated after its kind word, as ``ActRef`` keyword arguments."""

    date: Date | None
    issuer: tuple[int, int] | None
    title: str | None
    draft: bool


def kind_of(word: str) -> tuple[str, str, str, str]:
    w = word.lower()
    return next(v for k, v in KINDS.items() if w.startswith(k))


def _date(m: re.Match[str], year: int | None = None) -> Date | None:
    try:
        if m.group("y"):
            month = next(i for i, p in enumerate(MONTHS, 1) if m.group("m").lower().startswith(p))
            return Date(int(m.group("y")), month, int(m.group("d")))
        if m.group("d0"):
            month = next(i for i, p in enumerate(MONTHS, 1) if m.group("m0").lower().startswith(p))
            return Date(year, month, int(m.group("d0"))) if year else None
        return Date(int(m.group("yy")), int(m.group("mm")), int(m.group("dd")))
    except (ValueError, StopIteration):
        return None


def _title(m: re.Match[str]) -> str:
    """A quoted title «О …» as written, its inner quote closed where one quote closed both."""
    title = (m.group("t") or m.group("t2")).strip()
    return title + "»" * (title.count("«") - title.count("»"))


def _tail(text: str, pos: int, org_at: dict[int, int], year: int | None = None) -> tuple[int, _Tail]:
    """Issuer, date, numbers and title after a kind word, in any order: (end, found)."""
    found: _Tail = {"numbers": []}
    # 'Законопроект: № 365083-8' (a card's field), 'о двух постановлениях — №860 и №861' (the numbers after a dash),
    # 'Федеральный закон… №466-ФЗ' (a quoted document's words left out)
    colon = re.match(r"(?::|\s[—–-]|…|\.\.\.)\s*(?=(?:№|N\s?)\s*\d)", text[pos:])
    pos += colon.end() if colon else 0
    # 'распоряжение (от 23 сентября 2022 года № 2744-р)': the date and number in brackets after the kind
    bracket = re.match(r"\s*\((?=от\s+\d|(?:№|N\s?)\s*\d[^)]*\s+от\s+\d)", text[pos:])
    pos += bracket.end() if bracket else 0
    bare = BARE_NO.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    if bare:
        found["numbers"].append((bare.start(), bare.end(), bare.group("n")))
        pos = bare.end()
    while True:
        p = pos
        while p < len(text) and text[p] in " \u00a0":
            p += 1
        adj = ISSUER_ADJ.match(text, p)  # 'распоряжением российского правительства': the adjective is the issuer's
        q = adj.end() if adj and adj.end() in org_at else p
        if q in org_at and "issuer" not in found and not found["numbers"]:
            found["issuer"] = (p, org_at[q])
            pos = org_at[q]
            # 'приказа Министерства сельского хозяйства РФ от …': the country after a body named without it
            country = re.match(r"\s+(?:РФ|России|Российской\s+Федерации)(?![\w-])", text[pos:])
            pos += country.end() if country else 0
            # 'постановлению Правительства России (от 27.12.2012 № 1432)': the date and number in brackets after it
            after = re.match(r"\s*\((?=от\s+\d|(?:№|N\s?)\s*\d[^)]*\s+от\s+\d)", text[pos:])
            pos += after.end() if after else 0
            continue
        m = re.match(DATE, text[p:], re.IGNORECASE)
        if m and "date" not in found:
            found["date"] = _date(m, year)
            pos = p + m.end()
            continue
        bare_date = BARE_DATE.match(text, p)  # 'Постановление Правительства России 29.06.2020 № 1138': no «от»
        m = re.match(DATE, "от " + bare_date.group(), re.IGNORECASE) if bare_date else None
        if bare_date and m and "date" not in found:
            found["date"] = _date(m, year)
            pos = bare_date.end()
            continue
        m = re.match(NO, text[p:], re.IGNORECASE) or re.match(rf"\((?:{NO})\)", text[p:], re.IGNORECASE)
        # after the issuer, a bare number only with the act's date right after it: 'постановлением Правительства РФ
        # 1901 от 26 декабря 2024 года' (not 'решением правительства 20 регионов …')
        m = m or (ISSUER_BARE_NO.match(text[p:]) if "issuer" in found and "date" not in found else None)
        if m:
            # a non-breaking hyphen read as the hyphen: '№ 2816‑р'
            number = re.sub("[\u2010\u2011]", "-", m.group("n") or m.group("fz"))
            found["numbers"].append((p, p + m.end(), number))
            pos = p + m.end()
            more = MORE_NO.match(text, pos)
            while more:
                found["numbers"].append(
                    (more.end(1), more.end(), more.group("n") or more.group("fz") or more.group("bn"))
                )
                pos = more.end()
                more = MORE_NO.match(text, pos)
            # '… от 29 октября 2010 г. N 865 и от 15 сентября 2015 г. N 979': a further act of the same kind with
            # its own date (after a first dated one)
            while "date" in found and (dated := DATED_MORE.match(text, pos)) is not None:
                found.setdefault("dated", {})[len(found["numbers"])] = _date(dated, year)
                found["numbers"].append((dated.start("no"), dated.end(), dated.group("n")))
                pos = dated.end()
            continue
        m = re.match(DASHED_TITLE, text[p:])  # 'проект постановления — «Об утверждении перечня …»'
        if m and "title" not in found:
            found["title"] = _title(m)
            pos = p + m.end() + (1 if m.group("t2") and text[p + m.end() : p + m.end() + 1] == '"' else 0)
            continue
        m = PLAIN_TITLE.match(text[p:]) or NOUN_TITLE.match(text[p:])
        m = m or (_single_title(text[p:]) if BILL_WORD.search(text, max(0, pos - 20), pos) else None)
        if m and "title" not in found and LAW_WORD.search(text[max(0, pos - 16) : pos]):
            found["title"] = m.group()[:1].upper() + m.group()[1:]  # 'закон о технологической политике'
            found["described"] = m.re is not PLAIN_TITLE
            pos = p + m.end()
            continue
        m = re.match(
            r"(?:(?:российск|федеральн)\w+\s+)?(?:правительства|президента)(?:\s+(?:РФ|России|Российской\s+Федерации))?",
            text[p:],
            re.IGNORECASE,
        )
        # or a name the rules do not know, right before the number or date ('приказ ФАС России № 5'), or the post
        # of its signer ('постановлением главы администрации (губернатора) Краснодарского края от … № 1138')
        m = (
            m
            or re.match(rf"(?:[А-ЯЁ][А-ЯЁа-яё\-]*\s+){{1,4}}(?=№|N\s|от\s|{TITLE_AHEAD})", text[p:])
            or POST_ISSUER.match(text, p)
            or REGION_ISSUER.match(text, p)
            or _genitive_issuer(text, p)
        )
        if m and "issuer" not in found and not found["numbers"]:
            found["issuer"] = (p, p + len(m.group().rstrip()))
            pos = p + len(m.group().rstrip())
            continue
        return pos, found


#: lowercase words before the act's date or number: 'постановление администрации города от …', 'мэрии № 456'
LOWER_ISSUER = re.compile(r"(?:[а-яё]+(?:-[а-яё]+)?\s+){1,4}(?=от\s+\d|№|N\s)")


def _genitive_issuer(text: str, p: int) -> re.Match[str] | None:
    """'Постановление администрации города от 1 марта 2024 г. № 456-па', 'постановление мэрии № 456': a body in the
    genitive, every word of it a noun or an adjective that can be genitive, between the kind and its date or number
    (not 'постановлением утверждена программа № 5': a participle and a nominative)."""
    m = LOWER_ISSUER.match(text, p)
    if m is None:
        return None
    for word in m.group().split():
        parses = nlp.parse(word.lower())
        if not any(x.tag.POS in ("NOUN", "ADJF") and x.tag.case == "gent" for x in parses):
            return None
    return m


SIGNED_ON = re.compile(
    rf"(?:подписал\w*\s+(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH})(?:\s+(?P<y1>\d{{4}}))?"
    rf"|(?:^|[.\n]\s*)(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH})(?:\s+(?P<y2>\d{{4}}))?\s+[^.\n]*?подписал)",
    re.IGNORECASE,
)


def _signed_on(text: str, start: int, end: int, year: int | None) -> Date | None:
    """'Указ … Путин подписал 7 мая 2024 года', '3 апреля … Мишустин подписал распоряжение': the date
    of signing in the act's sentence (the year of the article when the sentence gives none)."""
    s = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    e = min(x for x in (text.find(".", end), text.find("\n", end), len(text)) if x >= 0)
    m = SIGNED_ON.search(text[s:e])
    if not m:
        return None
    d, mon, y = (
        (m.group("d1"), m.group("m1"), m.group("y1"))
        if m.group("d1")
        else (m.group("d2"), m.group("m2"), m.group("y2"))
    )
    y = int(y) if y else year
    if y is None:
        return None
    try:
        return Date(y, next(i for i, p in enumerate(MONTHS, 1) if mon.lower().startswith(p)), int(d))
    except (ValueError, StopIteration):
        return None


LOW_QUOTES = str.maketrans({"„": "«", "“": "»"})


def legal_acts(
    text: str,
    org_spans: Iterable[tuple[int, int]] = (),
    excluded: Callable[[int, int], bool] = lambda s, e: False,
    year: int | None = None,
    person_spans: Iterable[tuple[int, int]] = (),
) -> list[ActRef]:
    """Every reference to a legal act, numbered ones first resolved, then the unnumbered ones
    (``year``: the article's, for a signing date given without one; ``person_spans``: names, a signer
    right after the kind makes an act of its own: «распоряжение Михаила Мишустина»)."""
    if "„" in text:  # 'закон РФ „О недрах“': the low-high pair read as «…» (one character each, the offsets kept)
        text = text.translate(LOW_QUOTES)
    org_at: dict[int, int] = {}
    for s, e in org_spans:
        org_at[s] = max(e, org_at.get(s, 0))
    person_at = dict(person_spans)
    refs: list[ActRef] = []
    bare: list[tuple[re.Match[str], _Tail, int]] = []
    ordinals = {m.start("kind"): m for m in ORDINAL.finditer(text)}
    for m in KIND_RX.finditer(text):
        if excluded(m.start(), m.end()):
            continue
        kind = kind_of(m.group("kind"))
        end, found = _tail(text, m.end(), org_at, year)
        if found["numbers"] and _plural(m.group("kind")):  # 'постановлениями № 100 и 101 утверждены': two acts
            while (more := PLURAL_MORE_NO.match(text, end)) is not None:
                found["numbers"].append((more.start("n"), more.end(), more.group("n")))
                end = more.end()
        ordinal = ordinals.get(m.start())
        draft = DRAFT_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None
        base = _Stated(date=found.get("date"), issuer=found.get("issuer"), title=found.get("title"), draft=draft)
        if ordinal is not None:  # '41-е постановление правительства'
            refs.append(
                _federal(
                    text, ActRef(*kind, ordinal.group("ord"), ordinal.start(), m.end(), ordinal.start(), end, **base)
                )
            )
        elif found["numbers"] and (not draft or kind[2] in ("law", "federal-law")):
            if draft:  # 'проекту федерального закона N 689101-7': a bill with its number
                kind, base["draft"] = KINDS["законопроект"], False
            for i, (s, e, n) in enumerate(found["numbers"]):
                k = KINDS["федеральн"] if n.upper().endswith("-ФЗ") else kind  # '№ 488-ФЗ' is a federal law
                own = {**base, "date": found["dated"][i]} if i in found.get("dated", {}) else base
                refs.append(_federal(text, ActRef(*k, n, s, e, m.start(), end, **own)))
        else:
            bare.append((m, found, end))
    for m in [*FZ.finditer(text), *PP_NO.finditer(text)]:  # '488-ФЗ' on its own is a federal law, 'ПП-719' a resolution
        if not excluded(m.start(), m.end()) and not any(r.start <= m.start() < r.phrase_end for r in refs):
            k, n = (
                (KINDS["федеральн"], m.group("n") or f"{m.group('r')}-ФЗ")
                if m.re is FZ
                else (KINDS["пп"], m.group("n"))
            )
            ref = ActRef(*k, n, m.start(), m.end(), m.start(), m.end())
            same = [r for r in refs if r.number and r.number.lower() == n.lower() and r.kind_slug == ref.kind_slug]
            refs.append(copy_identity(ref, same[0]) if same else ref)
    _share_details(refs)  # one date for a number's misprinted mentions, before the unnumbered ones look for it
    for m, found, end in bare:
        kind = kind_of(m.group("kind"))
        draft_word = DRAFT_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if _at_disposal(text, m, end) or kind[2] in ("letter", "instructions", "decision"):
            continue  # 'в распоряжении ФРП 20 млрд рублей': at the fund's disposal, no act
        if _plural(m.group("kind")) or COUNTED_ACTS.search(text, max(0, m.start() - 40), m.start()):
            if found.get("title") and not draft_word and re.match(r"\s*[«\"]", text[m.end() : end]):
                # 'федеральные законы «О …» и «Об …»': one act per title (not 'проектов законов о …')
                refs += _coordinated(text, m, found, end)
            continue  # 'главные законы', 'принять законопроекты': no one act
        region = LAW_OF_REGION.match(text, end) if kind[2] == "law" and "issuer" not in found else None
        if region is not None:  # 'закон Самарской области, которым …': a region's law, its issuer named
            found["issuer"], end = (region.start(1), region.end()), region.end()
        if found.get("described") and any(r.title and same_kind(r, ActRef(*kind, None, 0, 0, 0, 0)) for r in refs):
            del found["title"]  # 'речь идет о законе о реализации …' after 'закон о технологической политике'
        draft = bool(draft_word)
        if draft and kind[2] in ("law", "federal-law"):
            kind = KINDS["законопроект"]  # 'проект закона' is a bill
        start = m.start() - len(draft_word.group()) if draft_word else m.start()
        pointing = POINTING.search(text[max(0, start - 20) : start])
        if pointing:
            start -= len(pointing.group())
        ref = _federal(
            text,
            ActRef(
                *kind,
                None,
                start,
                end,
                start,
                end,
                date=found.get("date"),
                issuer=found.get("issuer"),
                title=found.get("title"),
                draft=draft,
            ),
        )
        if pointing and ANAPHORIC.match(pointing.group()):  # 'этот закон': the act just named
            before = [r for r in refs if r.end <= start and same_kind(r, ref, bills=True)]
            if before:
                refs.append(copy_identity(ref, before[-1]))
                continue
        at = m.end() + len(text[m.end() : m.end() + 3]) - len(text[m.end() : m.end() + 3].lstrip())
        signer = (at, person_at[at]) if at in person_at else _signer_by_post(text, at, person_at)
        if signer is not None and ref.issuer is None:  # 'распоряжение Михаила Мишустина': signed by that person
            ref.issuer, ref.end, ref.phrase_end = signer, max(end, signer[1]), max(end, signer[1])
        numbered_kin = {r.key: r for r in refs if r.number and same_kind(r, ref)}
        other_date = ref.date is not None and any(r.date not in (None, ref.date) for r in numbered_kin.values())
        # 'Мишустин подписал постановление, …' in 2024, while the one numbered one is of 2022: a new act
        older = year is not None and all(r.date is not None and r.date.year < year for r in numbered_kin.values())
        # or 'Постановление об этом подписал Михаил Мишустин': the news' own act, signed after it
        signed_now = SIGNED.search(text[max(0, start - 40) : start]) or (
            re.match(r"\s+об\s+этом\s", text[end:]) and SIGNED.search(text, end, end + 40)
        )
        new_one = older and bool(signed_now)
        if not draft and not ref.title and len(numbered_kin) == 1 and not other_date and not new_one:
            refs.append(copy_identity(ref, next(iter(numbered_kin.values()))))
            continue
        if ref.title:
            titled = [r for r in refs if r.title and _same_title(r.title, ref.title) and same_kind(r, ref)]
            if titled:
                refs.append(copy_identity(ref, titled[0]))
                continue
        anew = pointing is not None and pointing.group().lower().startswith("нов")  # 'новый закон': the titled one
        if not draft and not ref.title and not ref.date and (not pointing or ANAPHORIC.match(pointing.group()) or anew):
            by_title = {r.key: r for r in refs if r.title and not r.number and same_kind(r, ref)}
            if not by_title and ref.kind_slug in ("law", "federal-law"):  # 'принятие закона' after the one bill
                by_title = {r.key: r for r in refs if r.title and r.kind_slug == "bill"}
            if len(by_title) == 1:  # the article's one act of that kind named by its title so far
                refs.append(copy_identity(ref, next(iter(by_title.values()))))
                continue
        named_before = [r for r in refs if not r.number and not r.title and r.draft == draft and same_kind(r, ref)]
        if named_before and not ref.title:
            refs.append(copy_identity(ref, named_before[0]))
            continue
        specific = (
            draft
            or signer is not None
            or ref.title
            or ref.date
            or pointing
            or ref.issuer
            or DEFINED.search(text[m.end() : m.end() + 40])
            or ABOUT_THIS.match(text, end)
            or SIGNED.search(text[max(0, start - 40) : start])
            or (kind[2] in ("law", "federal-law") and APPROVED.search(text[max(0, start - 40) : start]))
            or TABLED.search(text[max(0, start - 40) : start])
            or SIGNED.search(text[end : end + 30])
            or _fronted_and_signed(text, start, end)
            or _issued(text, m, start, end)
        )
        if not specific:
            continue
        ref.notes.append(
            (
                "Номер акта в тексте не указан." if not draft else "Проект акта: номер ещё не присвоен.",
                "The act's number is not given in the text." if not draft else "A draft act: it has no number yet.",
            )
        )
        refs.append(ref)
    _draft_normative_act(text, refs, excluded)
    _budget_bills(text, refs, excluded)
    _laws_as_bills(refs)
    _short_names_of_bill(text, refs)
    _titles_named_after(text, refs)
    _bill_numbers(text, refs, excluded)
    _regional_law_numbers(text, refs, excluded, year)
    _one_bill(refs)
    _codes(text, refs, excluded)
    for r in refs:
        r.date = r.date or _signed_on(text, r.phrase_start, r.phrase_end, year)
    _share_details(refs)
    return sorted(refs, key=lambda r: r.start)


#: a bill tabled in parliament: 'из внесённого в Госдуму законопроекта', 'внесенный правительством законопроект'
TABLED = re.compile(r"(?<![\w-])внес[её]нн\w*\s+(?:в\s+)?(?:[А-ЯЁа-яё]+\s+){0,2}$", re.IGNORECASE)
#: a Duma bill's number on its own after the bill is named: 'Документ (N1258307-7) поступил в Думу'
BILL_NO = re.compile(r"(?:№|N)\s*(?P<n>\d{5,7}-\d)(?![\w-])")


def _bill_numbers(text: str, refs: list[ActRef], excluded: Callable[[int, int], bool]) -> None:
    """'Комитет одобрил законопроект … Документ (N1258307-7) поступил в Думу': a number in the shape of the State
    Duma's bill numbers, in an article that names a bill, is that bill's number."""
    if not any(r.kind_slug == "bill" for r in refs):
        return
    for m in BILL_NO.finditer(text):
        if excluded(m.start(), m.end()) or any(r.phrase_start <= m.start() < r.phrase_end for r in refs):
            continue
        refs.append(ActRef(*KINDS["законопроект"], m.group("n"), m.start(), m.end(), m.start(), m.end()))


#: a regional law's number, in the shapes the regions give them: '№ 68-З', 'N 28-ОЗ', '№ 25-ЗРТ', '№ 12-КЗ'
REGIONAL_NO = re.compile(r"(?:№|N)\s*(?P<n>\d{1,5}-(?:ОЗ|З|КЗ|РЗ|ЗРТ|ЗС|ЗО))(?![\w-])")
#: a date right before such a number: '; от 08.12.2020 г. № 2549-ОЗ'
DATE_BEFORE = re.compile(rf"(?:{DATE})\s*$", re.IGNORECASE)


def _regional_law_numbers(
    text: str, refs: list[ActRef], excluded: Callable[[int, int], bool], year: int | None
) -> None:
    """'(В редакции Законов … от 07.07.2017 № 2123-ОЗ; от 08.12.2020 г. № 2549-ОЗ)', a law's card 'N 28-ОЗ': a number
    in the shape of a region's laws, outside any act's phrase, is a law with that number (and the date right before
    it); one act per number."""
    for m in REGIONAL_NO.finditer(text):
        if excluded(m.start(), m.end()) or any(r.phrase_start <= m.start() < r.phrase_end for r in refs):
            continue
        date = DATE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        start = date.start() if date else m.start()
        ref = ActRef(
            *KINDS["закон"], m.group("n"), start, m.end(), start, m.end(), date=_date(date, year) if date else None
        )
        number = m.group("n").lower()
        same = [r for r in refs if r.number and r.number.lower() == number and same_kind(r, ref)]
        refs.append(copy_identity(ref, same[0]) if same else ref)


#: a bill's title in one word: 'О маркировке', a short name of the bill the article names in full
ONE_WORD_TITLE = re.compile(r"Об?\s+\S+")


def _one_bill(refs: list[ActRef]) -> None:
    """The article's one numbered bill (else its one titled bill) is every bill it names without a number or a title
    of its own, or with a title in one word ('законопроект, который …' then 'законопроект «О …»', 'цель проекта
    закона', 'законопроект об утильсборе' beside '… об утилизационном сборе'): one act, not two; so is
    every law it names without a number, a title or an issuer, where no law is named by one (a headline's «закон»
    for the bill the body speaks of)."""
    bills = [r for r in refs if r.kind_slug == "bill"]
    numbered = {r.number.lower(): r for r in bills if r.number}
    if len(numbered) > 1:
        return
    if numbered:
        one = next(iter(numbered.values()))
        same = [
            r
            for r in bills
            if not r.number
            and (not r.title or not one.title or _same_title(r.title, one.title) or ONE_WORD_TITLE.fullmatch(r.title))
        ]
    else:
        titled = {r.key: r for r in bills if r.title}
        fuller = {k: r for k, r in titled.items() if not ONE_WORD_TITLE.fullmatch(r.title or "")}
        if len(fuller) == 1 or len(titled) == 1:  # 'законопроект об утильсборе' beside '… об утилизационном сборе'
            titled = fuller or titled
        else:
            return
        one = next(iter(titled.values()))
        same = [r for r in bills if not r.title or r.key not in titled]
    laws = [r for r in refs if r.kind_slug in ("law", "federal-law")]
    if not any(r.number or r.title or r.issuer for r in laws):
        same += [r for r in laws if not r.draft]  # 'АНТИСАНКЦИОННЫЙ ЗАКОН … ПРИНЯТЬ' over the one bill: that bill
    for r in same:
        copy_identity(r, one)
        r.notes.clear()


#: a code by its name: 'Налоговый кодекс РФ', 'поправки в Бюджетный кодекс' (not 'кодекс этики')
CODE = re.compile(
    r"(?<![\w-])(?P<adj>налогов|бюджетн|таможенн|гражданск|трудов|градостроительн|земельн|лесн|водн|жилищн|уголовн"
    r"|административн)(?:ый|ой|ого|ому|ым|ом)\s+кодекс(?:а|у|ом|е)?(?![\w-])",
    re.IGNORECASE,
)


#: a code named by its noun first, as the country's: 'Кодекса торгового мореплавания Российской Федерации', 'Кодекс
#: Российской Федерации об административных правонарушениях' (not 'Кодекс корпоративного управления', 'кодекс этики')
CODE_NAMED = re.compile(
    r"(?<![\w-])(?-i:Кодекс)(?:а|у|ом|е)?\s+(?:(?P<gen>(?:[а-яё]+(?:ого|его|ой|ых|их)\s+){1,2}[а-яё]+)\s+"
    r"(?P<rf>Российской\s+Федерации|РФ)|(?P<rf2>Российской\s+Федерации|РФ)\s+(?P<about>об?\s+[а-яё]+(?:\s+[а-яё]+)?))"
    r"(?![\w-])",
    re.IGNORECASE,
)


#: a code by its abbreviation with the country's: 'ст. 286.1 НК РФ', 'по ГК РФ', 'статья 14.1 КоАП РФ'
CODE_ABBREVIATED = re.compile(
    r"(?<![\w-])(?P<abbr>НК|БК|ТК|ГК|ЗК|ЖК|ЛК|ВК|ГрК|УК|КоАП)\s+(?:РФ|России|Российской\s+Федерации)(?![\w-])"
)
#: a code by its abbreviation alone after an article's number: 'ст. 342 НК', 'статьей 14.1 КоАП'
CODE_ARTICLE = re.compile(
    r"(?<![\w-])(?:ст\.|стат(?:ья|ьи|ье|ью|ьей|ьям|ьями))\s*\d+(?:\.\d+)*(?:\s*(?:и|,)\s*\d+(?:\.\d+)*)*\s+"
    r"(?P<abbr>НК|БК|ТК|ГК|ЗК|ЖК|ЛК|ВК|ГрК|УК|КоАП)(?![\w-])"
)
CODE_NAMES = {
    "НК": "Налоговый кодекс",
    "БК": "Бюджетный кодекс",
    "ТК": "Трудовой кодекс",
    "ГК": "Гражданский кодекс",
    "ЗК": "Земельный кодекс",
    "ЖК": "Жилищный кодекс",
    "ЛК": "Лесной кодекс",
    "ВК": "Водный кодекс",
    "ГрК": "Градостроительный кодекс",
    "УК": "Уголовный кодекс",
    "КоАП": "Кодекс Российской Федерации об административных правонарушениях",
}


#: a count of acts before the kind word, its form singular: 'облдума одобрила два законопроекта', 'оба постановления'
COUNTED_ACTS = re.compile(r"(?<![\w-])(?:два|две|три|четыре|оба|обе)\s+(?:[а-яё]+(?:ых|их)\s+)?$", re.IGNORECASE)


def _codes(text: str, refs: list[ActRef], excluded: Callable[[int, int], bool]) -> None:
    """'Налоговый кодекс РФ предоставляет …', 'проект изменений в Налоговый кодекс': a code of law is an act of kind
    «кодекс», one per name ('кодексы', 'кодекс этики' are none)."""
    first: dict[str, ActRef] = {}
    found = [*CODE.finditer(text), *CODE_NAMED.finditer(text), *CODE_ABBREVIATED.finditer(text)]
    found += CODE_ARTICLE.finditer(text)
    for m in sorted(found, key=lambda m: m.start()):
        if excluded(m.start(), m.end()) or any(r.start <= m.start() < r.end for r in refs if r.kind_slug == "code"):
            continue
        if m.re is CODE_NAMED:  # the name as written after the noun, the country's name in full
            rest = (
                m.group("gen") + " Российской Федерации"
                if m.group("gen")
                else "Российской Федерации " + m.group("about")
            )
            title = "Кодекс " + " ".join(rest.split())
        elif m.re in (CODE_ABBREVIATED, CODE_ARTICLE):
            title = CODE_NAMES[m.group("abbr")]
        else:
            adj = m.group("adj").lower()
            title = (adj + {"трудов": "ой", "лесн": "ой", "гражданск": "ий"}.get(adj, "ый")).capitalize() + " кодекс"
        ref = ActRef(*KINDS["кодекс"], None, m.start(), m.end(), m.start(), m.end(), title=title)
        if title in first:
            refs.append(copy_identity(ref, first[title]))
        else:
            first[title] = ref
            refs.append(ref)


def _fronted_and_signed(text: str, start: int, end: int) -> bool:
    """'Указ о создании фонда … подписал губернатор', 'Распоряжение о том, чтобы …, утвердило Правительство ЛНР': an
    act opening its sentence, then a verb of signing with its subject (a name, a post or a body) in that sentence."""
    opens = re.search(r"(?:^|[.!?\n])\s*$", text[max(0, start - 40) : start]) is not None
    sentence = re.match(r"[^.;:!?\n]{0,160}", text[end:])
    return opens and sentence is not None and SIGNED_BY.search(sentence.group()) is not None


#: a verb that issues, publishes or amends the act right before it: 'Кабмин выпустил постановление', 'Правительство
#: издало распоряжение', 'внесло изменения в постановление о …'
ISSUED_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:изда|выпусти|выпущен|опубликова|обнародова|скорректирова|оформ)\w*\s+(?:[а-яё]+\s+){0,2}"
    r"|(?:изменени|поправк)\w*\s+(?:в|к)\s+)$",
    re.IGNORECASE,
)
#: the act in force or published, right after it: 'Постановление вступает в силу …', 'Распоряжение опубликовано на …'
ISSUED_AFTER = re.compile(
    r"\s*(?:[а-яё]+\s+){0,2}?(?:вступ(?:ает|ит|ил[аио]?|ят|ают)\s+в\s+силу|опубликован[аоы]?|размещ[её]н[аоы]?\s+на"
    r"|внес[её]н[аоы]?\s+в)(?![\w-])",
    re.IGNORECASE,
)
#: a court's or an investigator's ruling, or a commander's order: no act of policy
#: ('судов', 'суда' may be ships: a court's genitive only right after the ruling)
COURT = re.compile(
    r"(?<![\w-])(?:суд|судом|суде|судебн\w*|судь[ияеё]\w*|арбитраж\w*|пристав\w*|следовател\w*|следствен\w*|прокур\w*"
    r"|постановлени\w*\s+суда|отда\w*\s+приказ)(?![\w-])",
    re.IGNORECASE,
)
ISSUED_KINDS = ("resolution", "directive", "decree", "order", "bill")


def _issued(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """A resolution, directive, decree, order or bill named without a number is one act when a verb issues, publishes or
    amends it ('Кабмин выпустил постановление', 'изменения в постановление о …'; not an infinitive's plan) or when it
    comes into force or is published ('Распоряжение опубликовано на портале'); not in a sentence about a court's
    ruling. (Its subject alone, 'Указ о создании агентства обсуждают давно', is no act.)"""
    if kind_of(m.group("kind"))[2] not in ISSUED_KINDS:
        return False
    s, e = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1, text.find(".", end)
    if COURT.search(text[s : e if e >= 0 else len(text)]):
        return False
    if re.search(r"(?<![\w-])[а-яё]+ть(?:ся)?\s+$", text[max(0, start - 30) : start], re.IGNORECASE):
        return False  # 'Выпустить постановление о … предполагается': a plan, no act yet
    return bool(ISSUED_BEFORE.search(text[max(0, start - 40) : start]) or ISSUED_AFTER.match(text, end))


SIGNED_BY = re.compile(
    r"(?<![\w-])(?:подписал|утвердил|издал|принял|подготовил)[аио]?\s+(?:(?-i:[А-ЯЁ])|(?:губернатор|глав|президент|"
    r"премьер|мэр|министр|правительств|председател|кабмин)\w*)",
    re.IGNORECASE,
)


#: a draft's word before an act's kind, perhaps with the level of its law between: 'проект постановления',
#: 'Проект регионального закона о …'
DRAFT_BEFORE = re.compile(
    r"(?<![\w-])проект\w*\s+(?:(?:региональн|областн|краев|республиканск)ого\s+)?$", re.IGNORECASE
)


#: one draft act by its generic name: 'проект нормативного (правового) акта' (not 'проектов … актов')
DRAFT_ACT = re.compile(r"(?<![\w-])проект(?:а|у|ом|е)?\s+нормативного(?:\s+правового)?\s+акта(?![\w-])", re.IGNORECASE)


def _draft_normative_act(text: str, refs: list[ActRef], excluded: Callable[[int, int], bool]) -> None:
    """'проект нормативного акта написан, его направят в Госсовет': a bill, when the article names no other."""
    if any(r.kind_slug == "bill" for r in refs):
        return  # the bill named otherwise: this is the same one
    first: ActRef | None = None
    for m in DRAFT_ACT.finditer(text):
        if not excluded(m.start(), m.end()):
            ref = ActRef(*KINDS["законопроект"], None, m.start(), m.end(), m.start(), m.end(), draft=True)
            if first is None:
                first = ref
                ref.notes.append(("Проект акта: номер ещё не присвоен.", "A draft act: it has no number yet."))
            refs.append(ref if ref is first else copy_identity(ref, first))


#: the signer's post in the genitive before the name: 'приказом первого заместителя министра … Василия Петрова'
SIGNER_POST = re.compile(
    r"(?:(?:перв|временно|исполняющ)\w*\s+)*(?:заместител\w+\s+|замест\w*\s+)?"
    r"(?:министра|губернатора|главы|председателя|руководителя|директора|мэра|премьер-министра|вице-премьера"
    r"|замминистра|замглавы|президента|сенатора|депутата)(?:\s+(?:[а-яё-]+|РФ|России|[А-ЯЁ][а-яё]+(?:ой|ого|ских|ской)))*\s+$"
)


def _signer_by_post(text: str, at: int, person_at: dict[int, int]) -> tuple[int, int] | None:
    """'приказ первого заместителя министра промышленности и торговли РФ Василия Петрова': a name after the
    signer's post right after the kind signs the act."""
    name = min((s for s in person_at if at < s <= at + 120), default=None)
    if name is None or len(text[at:name].split()) > 12 or not SIGNER_POST.fullmatch(text[at:name]):
        return None
    return at, person_at[name]


#: a verb of holding right before «в распоряжении»: the thing is at someone's disposal
HELD_BEFORE = re.compile(
    r"(?<![\w-])(?:име(?:ется|ются|лся|лась|лось|лись)|есть|находи(?:тся|лся|лась|лось|лись)|оказал(?:ся|ась|ось|ись)"
    r"|попал[аои]?|поступил[аои]?|получен[аоы]?)\s+в(?:о)?\s+(?:(?:сво|его|её|ее|их|наш|ваш)\w*\s+)?$",
    re.IGNORECASE,
)


def _at_disposal(text: str, m: re.Match[str], end: int) -> bool:
    """'Каждый год в распоряжении ФРП 20 млрд рублей', 'в его распоряжении есть …': «в распоряжении» of
    a holder, with what it holds in the clause (a number, «есть», «находится», «остаётся»), is no act."""
    if not m.group("kind").lower().startswith("распоряжени") or not DISPOSAL.search(
        text[max(0, m.start() - 16) : m.start()]
    ):
        return False
    if HELD_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
        return True  # 'проект постановления (имеется в распоряжении «Ъ»)', 'оказался в распоряжении редакции'
    clause = re.match(r"[^,.;:!?\n]*", text[end:])
    held = r"\d|(?<![\w-])(?:есть|находи\w*|имеет\w*|имеют\w*|оста[её]т\w*)"
    return clause is not None and re.search(held, clause.group()) is not None


#: the budget law and its bill, by their usual words: 'проект федерального бюджета на 2023 год и плановый период
#: 2024 и 2025 годов', 'закон об областном бюджете на 2025 год' (a budget without «проект» or «закон» is no act)
BUDGET = re.compile(
    r"(?<![\w-])(?:(?P<draft>проект\w*)\s+(?:(?:федеральн\w+\s+)?закон\w*\s+(?:о|об)\s+)?|(?:закон\w*|законопроект\w*)"
    r"\s+(?:о|об)\s+)(?:(?P<level>федеральн|областн|краев|республиканск|окружн|регионально|городск)\w*\s+)?бюджет\w*"
    r"(?P<years>\s+на\s+\d{4}(?:\s*[-–—]\s*\d{4}\s+годы|\s+год(?P<plan>\s+и\s+(?:на\s+)?плановый\s+период\s+\d{4}"
    r"(?:\s+и\s+|\s*[-–—]\s*)\d{4}\s+(?:годов|гг\.?))?))",
    re.IGNORECASE,
)
LEVELS = {
    "федеральн": "федеральном",
    "областн": "областном",
    "краев": "краевом",
    "республиканск": "республиканском",
    "окружн": "окружном",
    "регионально": "региональном",
    "городск": "городском",
}


def _budget_bills(text: str, refs: list[ActRef], excluded: Callable[[int, int], bool]) -> None:
    """A budget's law or bill titled as the law is: «О федеральном бюджете на 2023 год и плановый период 2024 и
    2025 годов»; a «проект … бюджета» is a bill, one per title, and a law's title read short is completed."""
    for m in BUDGET.finditer(text):
        if excluded(m.start(), m.end()):
            continue
        if not m.group("level") and not m.group("plan"):
            continue  # 'проект бюджета на 2024-2026 годы': a budget of no level is a bill only by its full title
        level = LEVELS[(m.group("level") or "федеральн").lower()]
        title = f"Об {level}" if level[0] in "оа" else f"О {level}"
        title += " бюджете" + re.sub(r"\s+", " ", re.sub(r"\s*гг\.?$", " годов", m.group("years")))
        inside = [r for r in refs if m.start() <= r.start < m.end() or r.start <= m.start() < r.phrase_end]
        if inside:  # 'закон о федеральном бюджете' was read with a short title: the years are part of it
            for r in inside:
                if not r.number and (not r.title or title.lower().startswith(r.title.lower())):
                    r.title, r.end, r.phrase_end = title, max(r.end, m.end()), max(r.phrase_end, m.end())
            continue
        bill = m.group("draft") or m.group().lower().startswith("законопроект")
        kind = KINDS["законопроект"] if bill else KINDS["федеральн" if level == "федеральном" else "закон"]
        ref = ActRef(*kind, None, m.start(), m.end(), m.start(), m.end(), title=title)
        same = [r for r in refs if r.title and _same_title(r.title, title) and r.kind_slug == ref.kind_slug]
        refs.append(copy_identity(ref, same[0]) if same else ref)


def _laws_as_bills(refs: list[ActRef]) -> None:
    """'закон о промышленной политике вполне можно принять этой осенью … Законопроект о промышленной
    политике …': an unnumbered law whose title is the article's one bill's is that bill (a law not yet
    passed), wherever the bill is named."""
    for r in refs:
        if r.kind_slug not in ("law", "federal-law") or r.number or not r.title or r.draft:
            continue
        bills = {b.key: b for b in refs if b.kind_slug == "bill" and b.title and _same_title(b.title, r.title)}
        if re.fullmatch(r"Об?\s+[а-яё]+(?:ах|ях)", r.title) and not bills:
            # 'региональный закон о промпарках' in an article on the one bill «Об индустриальных (промышленных)
            # парках …»: a law titled by a plural noun alone is the article's one bill
            bills = {b.key: b for b in refs if b.kind_slug == "bill" and not b.number}
        passed = any(x.number and x.title and _same_title(x.title, r.title) for x in refs)
        if len(bills) == 1 and not passed:
            copy_identity(r, next(iter(bills.values())))


def _stems(title: str) -> set[str]:
    return {w[:6].lower() for w in re.findall(r"[А-ЯЁа-яё]{5,}", title)} - {"россий", "федера", "внесен", "измене"}


def _short_names_of_bill(text: str, refs: list[ActRef]) -> None:
    """'законопроект о технологическом суверенитете' beside 'проект федерального закона «О технологической
    политике в Российской Федерации …»': a bill named in words, in an article quoting the title of one bill
    that shares a word of it, is that bill."""
    quoted = {
        r.key: r for r in refs if r.kind_slug == "bill" and not r.number and r.title and QUOTE.search(_words(text, r))
    }
    if len(quoted) != 1:
        return
    official = next(iter(quoted.values()))
    for r in refs:
        named = r.kind_slug == "bill" and not r.number and r.key != official.key and r.title
        if named and not QUOTE.search(_words(text, r)) and _stems(r.title or "") & _stems(official.title or ""):
            copy_identity(r, official)


QUOTE = re.compile(r"[«\"“]")
#: a title given after the act, by a naming verb: 'законопроект … Документ получил название «О …»', 'под названием «О …»'
NAMED = re.compile(
    rf"(?:(?:получил\w*|получит|носит|име[ею]т)\s+(?:рабочее\s+)?название|называ\w+|под\s+(?:рабочим\s+)?названием)"
    rf"\s*:?\s*{TITLE}",
    re.IGNORECASE,
)


def _titles_named_after(text: str, refs: list[ActRef]) -> None:
    """An act with neither number nor title, whose title the text gives next by a naming verb ('Депутаты взялись
    за законопроект … Документ получил название «О …»'): every mention of it takes that title. The naming must
    come within the next two sentences, before any other act is named."""
    for r in refs:
        if r.number or r.title:
            continue
        after = text[r.phrase_end : r.phrase_end + 400]
        stop = next((k.start() for k in KIND_RX.finditer(after)), len(after))
        m = NAMED.search(after, 0, stop)
        if m is None or len(re.findall(r"[.!?](?:\s|$)", after[: m.start()])) > 1:
            continue
        title, key = _title(m), r.key
        for same in refs:
            if same.key == key:
                same.title = title
        at = r.phrase_end + m.start("t" if m.group("t") else "t2") - 1  # the quoted title is a mention of the act
        quoted = ActRef(r.kind_ru, r.kind_en, r.kind_slug, r.kind_concept, None, at, at + len(title) + 2, at, 0)
        refs.append(copy_identity(quoted, r))
        quoted.phrase_end = quoted.end


def _words(text: str, r: ActRef) -> str:
    return text[r.phrase_start : r.phrase_end]


def _plural(kind_words: str) -> bool:
    """'законы', 'законопроектов': plural in every reading ('постановления' may be one act)."""
    parses = [p for p in nlp.parse(kind_words.split()[-1].lower()) if p.tag.POS == "NOUN"]
    return bool(parses) and all(p.tag.number == "plur" for p in parses)


def _coordinated(text: str, m: re.Match[str], found: _Tail, end: int) -> list[ActRef]:
    """'федеральные законы «О промышленной политике …» и «Об общих принципах …»': one act per title."""
    kind = kind_of(m.group("kind"))
    out = [_federal(text, ActRef(*kind, None, m.start(), end, m.start(), end, title=found.get("title")))]
    pos = end
    while (t := re.match(rf"\s*(?:,|и)\s*{TITLE}", text[pos:])) is not None:
        s = pos + t.start("t" if t.group("t") else "t2") - 1
        pos += t.end()
        out.append(_federal(text, ActRef(*kind, None, s, pos, s, pos, title=_title(t))))
    return out


def _share_details(refs: list[ActRef]) -> None:
    """Mentions of one numbered act share what any of them states (date, title, issuer), so they
    are one act: 'постановление от 28 января 2016 года № 41' and later 'постановление № 41'."""
    by_number: dict[tuple[str, str], list[ActRef]] = {}
    for r in refs:
        if r.number:
            by_number.setdefault((r.kind_slug, r.number.lower()), []).append(r)
    for group in by_number.values():
        years = {r.date.year for r in group if r.date}
        dates = sorted({r.date for r in group if r.date})
        if len(years) > 1 and (dates[-1] - dates[0]).days <= 62:
            # '№36 от 25 декабря 2018 года', later '№36 от 25 января 2019 года': a misprint of one act's date, not two
            # acts (the later date kept: news report an act just signed)
            for r in group:
                r.date = r.date and dates[-1]
        elif len(years) > 1:
            continue  # two acts with one number in different years
        date = next((r.date for r in group if r.date), None)
        title = next((r.title for r in group if r.title), None)
        for r in group:
            r.date, r.title = r.date or date, r.title or title


FEDERAL = re.compile(
    r"Госдум|Государственн\w+\s+[Дд]ум|Совет\w*\s+Федерации|Федеральн\w+\s+Собрани|Президент\w*\s+(?:России|РФ)"
)


def _federal(text: str, r: ActRef) -> ActRef:
    """A law is a federal law when its title is about the Russian Federation, or its sentence has the
    State Duma, the Federation Council or the President passing it; a regional law names its region."""
    if r.kind_slug != "law":
        return r
    s = max(text.rfind(".", 0, r.phrase_start), text.rfind("\n", 0, r.phrase_start)) + 1
    e = min(x for x in (text.find(".", r.phrase_end), text.find("\n", r.phrase_end), len(text)) if x >= 0)
    if (r.title and "Российской Федерации" in r.title) or (
        FEDERAL.search(text[s:e]) and not re.search(r"област|кра[яей]|республик", text[r.phrase_start : r.phrase_end])
    ):
        r.kind_ru, r.kind_en, r.kind_slug, r.kind_concept = KINDS["федеральн"]
    return r


def same_kind(a: ActRef, b: ActRef, bills: bool = False) -> bool:
    """Same kind; a law and a federal law are one kind (and a bill, for 'этот закон' after it)."""
    laws = {"federal-law", "law", "bill"} if bills else {"federal-law", "law"}
    return a.kind_slug == b.kind_slug or {a.kind_slug, b.kind_slug} <= laws


def _same_title(a: str, b: str) -> bool:
    """One title, maybe shortened: «О промышленной политике» and «О промышленной политике в РФ»."""
    a, b = a.lower(), b.lower()
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def copy_identity(ref: ActRef, of: ActRef) -> ActRef:
    """A further mention of ``of``: same kind, number, title and date."""
    ref.kind_ru, ref.kind_en, ref.kind_slug, ref.kind_concept = of.kind_ru, of.kind_en, of.kind_slug, of.kind_concept
    ref.number, ref.title, ref.date, ref.draft = of.number, of.title or ref.title, of.date or ref.date, of.draft
    ref.issuer = ref.issuer or of.issuer
    return ref
