"""Money amounts and changes of a parameter.

Amounts: «430 млн рублей», «1,5 трлн руб.», «₽45 млрд», «10–12 млрд рублей» (a range), «1 миллиард 400
миллионов рублей», «почти миллиард рублей», «один миллиард рублей», with the qualifier before them
(«более», «свыше», «около», «порядка», «почти», «до», «от», «не менее», «превысил», «перевалила за»). An
amount without a currency («200 млн в 2026 году») counts as roubles when the article speaks of
roubles and no noun follows it («4 тыс. проектов» is no money); it carries a note. What the amount
measures is the noun phrase before it in its clause («объем поддержки составит …»), or the purpose
after it («… на докапитализацию …»); what it belongs to, a region before a dash («Бурятии — 65
миллионов рублей») or an organisation inside that noun phrase («капитал Фонда …»).

Changes: «с X до Y», «Y вместо прежних X», «вырос до Y», «вырасти в четыре раза — до Y», «вырос вдвое и
достиг Y», «Y — втрое больше, чем годом ранее» (the old value unknown; a bare «достигнет Y» is a projection, not a change), in money or in years, months, days and percent («с семи до десяти лет», «с 5% годовых до
3%»), and counts right after a verb of change («число резидентов выросло с 450 до 1767»).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from server.ingest import nlp
from server.ingest.structure import MONTH

NUM = r"\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?"
WORDNUM: dict[str, int | Decimal] = {
    "один": 1,
    "одна": 1,
    "одного": 1,
    "одному": 1,
    "одним": 1,
    "два": 2,
    "две": 2,
    "двух": 2,
    "трёх": 3,
    "три": 3,
    "трех": 3,
    "четыре": 4,
    "четырех": 4,
    "четырёх": 4,
    "пять": 5,
    "пяти": 5,
    "шесть": 6,
    "шести": 6,
    "семь": 7,
    "семи": 7,
    "восемь": 8,
    "восьми": 8,
    "девять": 9,
    "девяти": 9,
    "десять": 10,
    "десяти": 10,
    "полтора": Decimal("1.5"),
    "полторы": Decimal("1.5"),
    "полутора": Decimal("1.5"),
    "двадцать": 20,
    "тридцать": 30,
    "сто": 100,
    "ста": 100,
}
# the other cardinals, nominative and genitive: 'от пяти до двадцати миллионов рублей'
for _stem, _n in (
    ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
    ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19), ("двадцат", 20),
    ("тридцат", 30),
):  # fmt: skip
    WORDNUM[_stem + "ь"] = WORDNUM[_stem + "и"] = _n
for _words, _n in (
    (("сорок", "сорока"), 40), (("пятьдесят", "пятидесяти"), 50), (("шестьдесят", "шестидесяти"), 60),
    (("семьдесят", "семидесяти"), 70), (("восемьдесят", "восьмидесяти"), 80), (("девяносто", "девяноста"), 90),
    (("двести", "двухсот"), 200), (("триста", "трехсот", "трёхсот"), 300),
    (("четыреста", "четырехсот", "четырёхсот"), 400), (("пятьсот", "пятисот"), 500),
    (("шестьсот", "шестисот"), 600), (("семьсот", "семисот"), 700), (("восемьсот", "восьмисот"), 800),
    (("девятьсот", "девятисот"), 900),
):  # fmt: skip
    for _w in _words:
        WORDNUM[_w] = _n
WORDNUM_RX = "|".join(sorted(WORDNUM, key=len, reverse=True))
UNIT = r"(?:трлн|млрд|млн|тыс)(?![а-яё])\.?|(?:триллион|миллиард|миллион|тысяч)[а-яё]*"  # «тыс» not of «тысяч»
CUR = r"(?:рубл[а-яё]*|руб\.?|₽|доллар[а-яё]*|долл\.?|\$|евро|€|юан[а-яё]*|копе(?:йк[а-яё]*|ек)|коп\.|цент(?:а|ов)?(?![\w-]))"
#: half a multiplier: 'полмиллиарда', 'пол-триллиона', 'полмиллиона'
HALF = r"полу?-?(?=(?:трлн|млрд|млн|миллиард|миллион|триллион))"  # 'полмиллиарда', 'полумиллиарда' (oblique)
#: a share of a large unit in words: 'четверти триллиона рублей', 'половину миллиарда'
FRACTION = r"(?:четверт(?:ь|и|ью)|половин(?:а|ы|у|ой|е))(?=\s+(?:трлн|млрд|млн|миллиард|миллион|триллион))"
FRACTIONS = {"четверт": Decimal("0.25"), "половин": Decimal("0.5")}
CUR_BEFORE = r"(?:₽|\$|€)"
QUALIFIER = (
    r"(?P<q>более\s+чем|не\s+менее|не\s+более|не\s+меньше|не\s+больше|не\s+ниже|не\s+выше|более|свыше|больше|около|порядка|примерно"
    r"|почти|практически|приблизительно|менее|меньше|дешевле|дороже|в\s+пределах|максимум|до|от|начиная\s+(?:с|от)"
    r"|превы(?:сил[аио]?|сит|сят|шает|шают|шать|сить)"
    r"|перевалил[аио]?\s+за)"
)
QUALIFIERS = {
    "более чем": "moreThan",
    "более": "moreThan",
    "свыше": "moreThan",
    "больше": "moreThan",
    "превысил": "moreThan",
    "превышает": "moreThan",
    "перевалил за": "moreThan",
    "не менее": "atLeast",
    "не меньше": "atLeast",
    "не более": "atMost",
    "не больше": "atMost",
    "не ниже": "atLeast",  # 'пошлина будет не ниже 54 долларов за тонну'
    "не выше": "atMost",
    "менее": "lessThan",
    "меньше": "lessThan",
    "около": "approximately",
    "порядка": "approximately",
    "примерно": "approximately",
    "приблизительно": "approximately",
    "почти": "almost",
    "практически": "almost",
    "дешевле": "lessThan",
    "дороже": "moreThan",
    "до": "upTo",
    "в пределах": "upTo",
    "от": "from",
    "начиная с": "from",  # 'доступна начиная с 10 миллионов рублей'
    "начиная от": "from",
    "максимум": "upTo",  # 'максимум 5 млрд рублей'
}
#: «тысяча» alone, in the singular: one thousand
ONE_THOUSAND = ("тысяча", "тысяче", "тысячу", "тысячей")
MULTIPLIERS = {"трлн": 10**12, "трил": 10**12, "млрд": 10**9, "милл": 10**9, "млн": 10**6, "мил": 10**6, "тыс": 10**3}
AMOUNT = re.compile(
    rf"(?:{QUALIFIER}\s+(?:на\s+|в\s+)?)?"
    rf"(?P<curb>{CUR_BEFORE})?\s?"
    # 'трех с половиной миллиардов': a word number and a half, as a figure's
    rf"(?<![\w.,])(?P<num>(?:{NUM}|{WORDNUM_RX})(?:\s+с\s+половиной(?=\s*(?:{UNIT})))?|{HALF}|{FRACTION}|{WORDNUM_RX}"
    rf"|(?=(?:миллиард|миллион|триллион|тысяч(?:а|е|у|ей)\s+(?:рубл|доллар|евро|юан))))"
    rf"(?:\s*[-–—]\s*(?P<nummax>{NUM}))?"
    rf"(?:\s*(?P<unit>{UNIT}))?"
    rf"(?:\s+(?P<num2>{NUM})\s*(?P<unit2>{UNIT}))?"
    rf"(?:\s*(?P<cur>{CUR}))?(?![\w])",
    re.IGNORECASE,
)
CHANGE_VERB = re.compile(
    r"(?:вырос|вырас|выросл|увелич|повыс|повыш|подня|подним|нарастить|нарастят|нарастил|доведен|доведя|довести|"
    r"довед|снизи|снизя|сниж|сократ|сокращ|уменьш|пониз|пониж|поднима|опуст|докапитализ|замедл|ускор|дойт|дойд|дошл|дош[её]л|"
    r"урез|продли|продлен|продлён|продлят)\w*",
    re.IGNORECASE,
)
UNITS = (
    ("базисн", "basis point"),  # 'на 25 базисных пунктов' (before «процент»: 'процентных пункта' is percent)
    ("тонн", "tonne"),
    ("лет", "year"),
    ("год", "year"),
    ("месяц", "month"),
    ("недел", "week"),
    ("рабочих дн", "working day"),
    ("календарных дн", "calendar day"),
    ("дн", "day"),
    ("дней", "day"),
    ("п.п", "percent"),  # 'снизится на 2 п.п., до 18%': percentage points, as 'процентных пункта'
    ("п. п", "percent"),
    ("%", "percent"),
    ("процент", "percent"),
    ("балл", "point"),
    ("га", "hectare"),  # 'площадь парка — с 206 до 502 га'
    ("гектар", "hectare"),  # 'площадь которой вырастет до 635,7 гектара'
)
MEASURES = (
    ("поддержк", "measureSupport"),
    ("инвестиц", "measureInvestment"),
    ("вложен", "measureInvestment"),
    ("заём", "measureLoan"),
    ("займ", "measureLoan"),
    ("заем", "measureLoan"),
    ("кредит", "measureLoan"),
    ("бюджет", "measureBudget"),
    ("порог", "measureThreshold"),
    ("лимит", "measureThreshold"),
    ("предельн", "measureThreshold"),
    ("капитал", "measureCapital"),
    ("докапитализац", "measureCapital"),
    ("стоимост", "measureCost"),
    ("субсиди", "measureSubsidy"),
    ("финансирован", "measureFunding"),
    ("средств", "measureFunding"),
    ("объем", "measureVolume"),
    ("объём", "measureVolume"),
    ("сумм", "measureVolume"),
)
MEASURE_HEAD = re.compile(
    r"\b(?:объ[её]м|сумм|стоимост|капитал|бюджет|займ|заём|заем|кредит|инвестиц|вложени|"
    r"субсиди|поддержк|финансировани|докапитализаци|порог|лимит|размер|средств|транш|грант)[а-яё]*",
    re.IGNORECASE,
)


@dataclass
class Amount:
    value: Decimal
    currency: str | None
    start: int  # the quote: qualifier + number + unit + currency
    end: int
    text: str
    value_max: Decimal | None = None
    qualifier: str | None = None  # concept local name: moreThan, approximately, upTo, range, …
    measures: str | None = None
    measure_kind: str | None = None
    owner: tuple[int, int] | None = None  # the span of what it belongs to (an organisation or a region)
    notes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Change:
    from_value: Decimal | None
    to_value: Decimal
    currency: str | None
    start: int
    end: int
    text: str
    unit: str | None = None  # years, days, percent … when not money
    also: tuple[tuple[int, int], ...] = ()  # the same change said again (a headline and the body)
    parameter: str | None = None  # what changes, when the clause names it before the verb
    confidence: float | None = None  # the learned model's score (changemodel), when the model found it
    old_confidence: float | None = None  # the model's score of the old value it gave a rule's change that had none


def multiplier(unit: str | None) -> int:
    if not unit:
        return 1
    u = unit.lower().rstrip(".")
    if u.startswith("милли"):
        return 10**9 if u.startswith("миллиард") else 10**6
    if u.startswith("триллион"):
        return 10**12
    if u.startswith("тысяч"):
        return 10**3
    return MULTIPLIERS.get(u[:4], MULTIPLIERS.get(u[:3], 1))


#: a currency's hundredths, read as a hundredth of the amount: 'копеек', 'коп.', 'цента'
HUNDREDTHS = ("коп", "цент")


def currency(cur: str | None) -> str | None:
    if not cur:
        return None
    c = cur.lower()
    if c.startswith(("руб", "коп")) or c == "₽":
        return "RUB"
    if c.startswith(("долл", "цент")) or c == "$":  # '1,05 цента': hundredths of a dollar
        return "USD"
    if c in ("евро", "€"):
        return "EUR"
    if c.startswith("юан"):
        return "CNY"
    return None


def number(text: str) -> Decimal:
    t = text.lower()
    if t.rstrip("-") in ("пол", "полу"):
        return Decimal("0.5")
    if t[:7] in FRACTIONS:
        return FRACTIONS[t[:7]]
    if t in WORDNUM:
        return Decimal(WORDNUM[t])
    if t.endswith("с половиной"):  # '128 с половиной миллионов': and a half
        return number(re.sub(r"\s+с\s+половиной$", "", t)) + Decimal("0.5")
    return Decimal(re.sub(r"[ \u00a0]", "", text).replace(",", "."))


def value(num: str | None, unit: str | None) -> Decimal:
    v = (number(num) if num else Decimal(1)) * multiplier(unit)
    return v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize()


#: words of money around a bare sum in millions: 'средства', 'бюджет', 'субсидия', 'кредит', 'докапитализировать'
MONEY_CONTEXT = re.compile(
    r"(?<![\w-])(?:средств|бюджет|субсиди|кредит|займ|заём|финансирован|инвестици|вложени|капитализ|докапитализ|грант)",
    re.IGNORECASE,
)


def speaks_of_money(text: str) -> bool:
    return bool(
        re.search(rf"\d\s*(?:{UNIT})?\s*{CUR}|{CUR_BEFORE}\s?\d|(?:миллиард|миллион)\w*\s+{CUR}", text, re.IGNORECASE)
    )


RANGE = re.compile(
    rf"\bот\s+(?P<lo>{NUM}|{WORDNUM_RX})(?:\s*(?P<ulo>{UNIT}))?\s+до\s+(?P<hi>{NUM}|{WORDNUM_RX})"
    rf"(?:\s*[-–—]\s*(?P<hi2>{NUM}))?\s*(?P<unit>{UNIT})?\s*(?P<cur>{CUR})"  # 'от 1 млрд до 2-3 млрд рублей'
    rf"(?![\w])",
    re.IGNORECASE,
)


def amounts(text: str, excluded=lambda s, e: False) -> list[Amount]:
    """Every amount of money, each quoting the text's own words (a number split at its thousands read whole; Greek
    and Latin look-alikes in Russian words, and a «З» for the digit, read as what they stand for)."""
    folded = nlp.fold_homoglyphs(text)
    joined = joined_thousands(folded)
    out = _amounts(joined, excluded)
    if joined != text:
        split = [m.span() for m in SPLIT_THOUSANDS.finditer(folded)]
        for a in out:
            a.end = _past_joined(split, a.end)
            a.text = text[a.start : a.end]
    return out


def _past_joined(split: list[tuple[int, int]], end: int) -> int:
    """An end inside a number split at its thousands (``split``: their spans) moved to the number's end: '$1 тыс.'
    -> '$1 тыс. 126,6'."""
    return next((e for s, e in split if s < end < e), end)


def _amounts(text: str, excluded=lambda s, e: False) -> list[Amount]:
    out: list[Amount] = []
    for m in RANGE.finditer(text):  # 'от 10 до 20 млн рублей'
        if excluded(m.start(), m.end()):
            continue
        lo = value(m.group("lo"), m.group("ulo") or m.group("unit"))
        hi = value(m.group("hi2") or m.group("hi"), m.group("unit"))
        out.append(Amount(lo, currency(m.group("cur")), m.start(), m.end(), m.group(), hi, "range"))
    money_text = speaks_of_money(text)
    for m in AMOUNT.finditer(text):
        if any(a.start <= m.start("num") < a.end for a in out if a.qualifier == "range"):
            continue
        num, unit = m.group("num"), m.group("unit")
        if not num and not unit:
            continue
        if m.group("num") == "" and not (
            unit and (unit.lower().startswith(("миллиард", "миллион", "триллион")) or unit.lower() in ONE_THOUSAND)
        ):
            continue  # 'по тысяче рублей': one thousand, as 'миллион рублей' is one million
        if m.group("num") == "" and re.search(r"(?:ов|ы|ам|ами|ах)$", unit.lower()):
            continue  # 'сотни миллионов рублей': a plural multiplier without a number is no one amount
        cur = currency(m.group("cur") or m.group("curb")) or _currency_after(text, m)
        notes = []
        if cur is None:
            nxt = re.match(r"\s*([а-яё]+)", text[m.end() :])
            money_here = money_text or (
                bool(unit)
                and unit.lower().startswith(("млн", "млрд", "миллион", "миллиард"))
                and MONEY_CONTEXT.search(text, max(0, m.start() - 100), min(len(text), m.end() + 100)) is not None
            )  # 'нам дали 98 млн, и эти средства …' in an article naming no currency: the sentence speaks of money
            if (
                not (unit and money_here)
                or (num or "").lower() in WORDNUM  # 'превысило две тысячи': a count
                and not (
                    unit.lower().startswith(("миллиард", "миллион", "триллион"))
                    and (_of_it(text, m.end()) or FUNDS.match(text, m.end()))  # 'четырех миллиардов вложений'
                )
                or unit.lower().startswith("тыс")
                or text[m.end() : m.end() + 1] == "%"
                or PHYSICAL.match(text, m.end())
                or MADE_COUNT.search(text, max(0, m.start() - 40), m.start())
                or (
                    nxt
                    and any(p.tag.POS in ("NOUN", "ADJF") for p in nlp.parse(nxt.group(1))[:1])
                    and not FUNDS.match(text, m.end())
                )
            ):
                continue
            cur = "RUB"
            notes.append(
                (
                    "Валюта в тексте не названа: приняты рубли (по статье).",
                    "The currency is not named: roubles assumed from the article.",
                )
            )
        q = _qualifier(text, m)
        start = m.start("q") if q else m.start("curb") if m.group("curb") else m.start("num")
        if excluded(start, m.end()) or _in_number(text, m.start("num") if m.group("num") else m.start("unit")):
            continue
        if _rate(text, start, unit, cur):
            continue
        total = value(num or None, unit)
        if m.group("num2"):  # '1 миллиард 400 миллионов рублей'
            total += value(m.group("num2"), m.group("unit2"))
        vmax = value(m.group("nummax"), unit) if m.group("nummax") else None
        if (
            vmax is not None
            and m.group("num")
            and re.search(r"№\s*$", text[max(0, m.start("num") - 3) : m.start("num")])
        ):
            total, vmax, start = vmax, None, m.start("nummax")  # 'Постановление № 518 - 5 млрд. руб.': no range
        if vmax is not None and total > vmax and not m.group("num2"):
            total = value(num, None)  # '500 000 – 3,9 млн руб.': a lower bound written out in full takes no multiplier
        if (m.group("cur") or "").lower().startswith(HUNDREDTHS):  # '70 копеек': hundredths of a rouble
            total, vmax = (total / 100).normalize(), (vmax / 100).normalize() if vmax else None
        out.append(Amount(total, cur, start, m.end(), text[start : m.end()], vmax, "range" if vmax else q, notes=notes))
    out += _elliptic(text, out, excluded)
    out += _paired(text, out, excluded)
    out += _changed_from(text, out, excluded)
    out = _with_kopecks(text, sorted(out, key=lambda a: a.start))
    for a in out:
        _measure(text, a)
    return sorted(out, key=lambda a: a.start)


#: 'с 100 млн. до 10 млн евро': the sum a change starts from, written without the currency of the sum it goes to
CHANGED_TO = re.compile(rf"\s*до\s+(?:{NUM})\s*(?:{UNIT})?\.?\s*(?P<cur>{CUR})(?![\w])", re.IGNORECASE)


def _currency_after(text: str, m: re.Match) -> str | None:
    """The currency of the new sum after an old one without its own: «с 100 млн до 10 млн евро» (a bare number, «с 500
    до 700 млн рублей», is no amount of its own)."""
    start = m.start("num") if m.group("num") else m.start()
    if not m.group("unit") or not re.search(r"(?<![\w-])[Сс]о?\s+$", text[max(0, start - 4) : start]):
        return None
    after = CHANGED_TO.match(text, m.end())
    return currency(after.group("cur")) if after else None


#: '13 и 15 евро', 'не менее 10 и 12 млн рублей', '57, 109 или 134 долларов': bare numbers joined by «и», «или» or
#: commas to an amount take its unit and currency
PAIRED = re.compile(rf"(?:{QUALIFIER}\s+)?(?<![\w.,])(?P<num>{NUM})\s+(?:и|или)\s+$", re.IGNORECASE)
LISTED = re.compile(rf"(?:{QUALIFIER}\s+)?(?<![\w.,])(?P<num>{NUM}),\s+$", re.IGNORECASE)


def _paired(text: str, found: list[Amount], excluded) -> list[Amount]:
    """The first of two amounts joined by «и» before one unit and currency ('13 и 15 евро за 1 куб. м'), or each of a
    list ('57, 109 или 134 долларов'): an amount of its own, in the last one's unit and currency; a qualifier before
    the first holds for all ('не менее 13 и 15 евро')."""
    out = []
    for a in found:
        if a.currency is None or a.value_max is not None or a.qualifier or not a.text[:1].isdigit():
            continue
        chain: list[re.Match] = []
        m = PAIRED.search(text, max(0, a.start - 60), a.start)
        while m is not None and not _in_number(text, m.start("num")):
            chain.append(m)
            m = LISTED.search(text, max(0, m.start("num") - 40), m.start("num"))
        if not chain or re.search(r"(?<![\w-])между\s+$", text[: chain[-1].start()][-12:]):
            continue
        first = chain[-1]
        if any(
            excluded(m.start("num"), m.end("num"))
            or any(b.start < m.end("num") and m.start("num") < b.end for b in found)
            for m in chain
        ):
            continue
        q = QUALIFIERS.get(re.sub(r"\s+", " ", first.group("q").lower())) if first.group("q") else None
        if q == "upTo" or q == "from":
            continue  # 'от 10 и …', 'до 5 и …': no pair of amounts
        unit = UNIT_WORD.search(a.text)
        a.qualifier = a.qualifier or q
        for m in reversed(chain):
            start = m.start("q") if m is first and m.group("q") else m.start("num")
            out.append(
                Amount(
                    value(m.group("num"), unit.group() if unit else None),
                    a.currency,
                    start,
                    m.end("num"),
                    text[start : m.end("num")],
                    qualifier=q,
                    notes=list(a.notes),
                )
            )
    return out


#: the bare number a change starts from, right before the amount it goes to: 'с 200 до 400 миллионов рублей'
CHANGED_FROM = re.compile(rf"(?<![\w-])(?:[Сс]о?)\s+(?P<num>{NUM})\s+до\s+$")


def _changed_from(text: str, found: list[Amount], excluded) -> list[Amount]:
    """'поднимает субсидию с 200 до 400 миллионов рублей': the old sum, in the new one's unit and currency, is an
    amount of its own (as 'с 200 млн до 400 млн рублей' gives two)."""
    out = []
    for a in found:
        number = re.match(rf"{NUM}\s*", a.text)
        unit = UNIT_WORD.match(text, a.start + number.end()) if number is not None else None
        if a.currency is None or a.value_max is not None or a.qualifier or unit is None:
            continue
        m = CHANGED_FROM.search(text, max(0, a.start - 40), a.start)
        if m is None or excluded(m.start("num"), m.end("num")) or any(b.start <= m.start("num") < b.end for b in found):
            continue
        out.append(
            Amount(
                value(m.group("num"), unit.group()),
                a.currency,
                m.start(),
                m.end("num"),
                text[m.start() : m.end("num")],
                notes=list(a.notes),
            )
        )
    return out


def _with_kopecks(text: str, out: list[Amount]) -> list[Amount]:
    """'45 руб. 50 коп.': the kopecks right after roubles are part of that amount."""
    for a, b in itertools.pairwise(out):
        kopecks = re.fullmatch(r"коп\w*\.?", b.text.split()[-1], re.IGNORECASE) and not text[a.end : b.start].strip()
        if kopecks and a.currency == "RUB" and b.qualifier is None and a.value_max is None:
            a.value, a.end, a.text = a.value + b.value, b.end, text[a.start : b.end]
            b.end = -1
    return [a for a in out if a.end >= 0]


#: a unit of measure written short after a sum without its currency: '1,5 млн т', '2 млн кв. м', '3 тыс. га' are no money
#: a count of things made, not money: 'Медицинских изделий уже выпущен 1 млн.' (the participle of making just before)
MADE_COUNT = re.compile(
    r"(?<![\w-])(?:выпущен|произведен|изготовлен|собран|отгружен|продан|поставлен)(?:о|ы|а)?(?:\s+уже)?\s*$",
    re.IGNORECASE,
)

PHYSICAL = re.compile(r"\s*(?:(?:т|тн|шт|га|км|кг)\.?|(?:кв|куб)\.?\s?(?:м|км)\.?)(?![\w])", re.IGNORECASE)


def physical_unit(written: str) -> str:
    """The unit a ``PHYSICAL`` match names: ' кв. м.' -> 'square metre', ' т' -> 'tonne'."""
    w = written.strip().lower()
    if w.startswith(("кв", "куб")):
        return ("square " if w.startswith("кв") else "cubic ") + ("kilometre" if "км" in w else "metre")
    return {"т": "tonne", "тн": "tonne", "шт": "count", "га": "hectare", "км": "kilometre", "кг": "kilogram"}[
        w.rstrip(".")
    ]


#: '500 млн заемных средств', '120 млн собственных и …': funds (or a kind of them) after a sum without its currency
FUNDS = re.compile(
    r"\s*(?:(?:[а-яё]+(?:ых|их)\s+){0,2}(?:средств|денег|инвестиций|вложений|субсидий|дотаций)(?![\w-])"
    r"|(?:собственн|заемн|заёмн|бюджетн|федеральн|региональн|частн|внебюджетн|привлеченн)ых(?=\s*[,.;)]|\s+и\s))",
    re.IGNORECASE,
)


def _of_it(text: str, end: int) -> bool:
    """'Пятьсот миллионов из них готов дать фонд': a number in words with its multiplier, followed by «из
    них» (of the sum just named), is a part of that sum, in its currency."""
    return bool(re.match(r"\s+из\s+(?:них|этой\s+суммы|этих\s+средств|которых)(?![\w-])", text[end:], re.IGNORECASE))


#: 'Всего нужно 94,8 миллиона рублей. Из них 28 завод получит …': a bare number after «из них» in the
#: unit and currency of the amount just before
ELLIPTIC = re.compile(
    rf"(?<![\w-])[Ии]з\s+(?:них|этой\s+суммы|этих\s+средств)\s+(?P<num>{NUM})(?![\d.,]|\s*(?:%|[а-яё]+\.?\s*(?:руб|долл|евро)))"
)
UNIT_WORD = re.compile(rf"(?<![\w])(?:{UNIT})", re.IGNORECASE)


def _elliptic(text: str, found: list[Amount], excluded) -> list[Amount]:
    out = []
    for m in ELLIPTIC.finditer(text):
        before = [a for a in found if a.end <= m.start() and "\n" not in text[a.end : m.start()]]
        nxt = re.match(r"\s*([а-яё]+)", text[m.end() :])
        if not before or excluded(m.start("num"), m.end("num")) or (nxt and UNIT_WORD.match(nxt.group(1))):
            continue
        if nxt and any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in nlp.parse(nxt.group(1))[:1]):
            continue  # 'из них 5 компаний': a count of the noun, not money ('из них 28 завод получит' is)
        prev = max(before, key=lambda a: a.end)
        unit = UNIT_WORD.search(prev.text)
        if prev.currency is None or unit is None or prev.qualifier == "range":
            continue
        note = (
            "Единица и валюта взяты из суммы перед «из них» — проверить.",
            "The unit and currency come from the amount before «из них» — check.",
        )
        out.append(
            Amount(
                value(m.group("num"), unit.group()),
                prev.currency,
                m.start("num"),
                m.end("num"),
                m.group("num"),
                notes=[note],
            )
        )
    return out


#: another currency or a rate just before a price in roubles: 'USD ЦБ 79.73 руб', 'курс доллара — 79,73 руб.'
RATE = re.compile(r"(?:\b(?:USD|EUR|CNY|GBP)\b|доллар\w*|евро\b|юан\w*|курс\w*)[^.;!?\n\d]{0,25}$", re.IGNORECASE)


def _rate(text: str, start: int, unit: str | None, cur: str | None) -> bool:
    """A currency's exchange rate is no amount of money: roubles without a multiplier right after
    another currency's name or code, or after «курс»."""
    return cur == "RUB" and not unit and bool(RATE.search(text[max(0, start - 30) : start]))


def _in_number(text: str, pos: int) -> bool:
    return pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] in ",." and pos > 1 and text[pos - 2].isdigit())


def _qualifier(text: str, m: re.Match) -> str | None:
    q = m.group("q")
    if not q or not (m.group("num") or m.group("unit")):
        return None
    q = re.sub(r"\s+", " ", q.lower())
    q = re.sub(r"^(?:превы[сш]\w*|(перевалил)[аио]?)", lambda g: g.group(1) or "превысил", q)
    if q == "до" and SIZE.search(text[max(0, m.start() - 30) : m.start()]):
        return QUALIFIERS["до"]  # 'докапитализацию на сумму до 1 млрд рублей': an upper bound of the sum
    left = re.sub(rf"\s+на\s+{NUM}\s*(?:{UNIT})?\s*(?:{CUR})?\s*,\s*$", " ", text[max(0, m.start() - 80) : m.start()])
    if q == "до" and CHANGE_VERB.search(" ".join(left.split()[-3:])):
        return None  # 'вырос до 2,3 миллиарда', 'нарастили на 1 млрд руб., до 4 млрд руб.': the new value
    if q in ("до", "от") and re.search(rf"\b(?:[сc]|со)\s+{NUM}[^.]*$", text[max(0, m.start() - 40) : m.start()]):
        return None  # 'с 500 млн до 1,5 млрд'
    return QUALIFIERS.get(q)


#: the size of an action's sum before «до X»: an upper bound, not a value a parameter changes to
SIZE = re.compile(r"(?:на\s+сумму|в\s+размере|в\s+объ[её]ме|объ[её]мом|суммой)\s+$", re.IGNORECASE)


def _measure(text: str, a: Amount) -> None:
    """What the amount measures and what it belongs to, from its clause."""
    from server.ingest import regions

    clause_start = max([text.rfind(c, 0, a.start) + 1 for c in (".", ";", "\n", ":", "!", "?")] + [a.start - 200])
    left = text[clause_start : a.start]
    dash = re.search(r"([А-ЯЁ][\w\- ]+?)\s*[—–-]\s*(?:почти\s+|около\s+)?$", left)
    if dash:
        for r in regions.find(text):
            if clause_start + dash.start(1) <= r.start and r.end <= clause_start + dash.end(1):
                a.owner = (r.start, r.end)
    found = measure_phrase(left)
    if found:
        start, end = found
        between = left[end:]
        if not re.search(rf"{NUM}\s*(?:{UNIT})?\s*{CUR}", between, re.IGNORECASE) and len(between) < 80:
            phrase = left[start:end]
            a.measures = _nominative(phrase)
            a.measure_kind = _kind(phrase)
            if a.owner is None:
                a.owner = (clause_start + start, clause_start + end)
            return
    purpose = re.match(r"\s+на\s+([а-яё]+)", text[a.end :])
    if purpose and _kind(purpose.group(1)):
        s, e = _noun_phrase(text, a.end + purpose.start(1), a.end + purpose.end(1))
        a.measures = "на " + text[s:e]
        a.measure_kind = _kind(purpose.group(1))


VOLUME = re.compile(r"(?:объ[её]м|сумм|стоимост|капитал|бюджет|размер|порог|лимит)", re.IGNORECASE)


def _noun_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """The head word at [start, end) with the adjectives before it and the genitive words after it
    (an adjective only with its noun: 'займов федерального и региональных ФРП' stops at 'займов')."""
    for before in reversed(list(re.finditer(r"([а-яё]+)\s+$", text[:start], re.IGNORECASE))):
        if any(p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag for p in nlp.parse(before.group(1).lower())[:1]):
            start = before.start(1)
        break
    pending = end  # past the adjectives that wait for their noun
    while True:
        m = re.match(r"\s+([а-яё]+)", text[pending:], re.IGNORECASE)
        if not m or len(m.group(1)) < 3:
            return start, end
        parse = next((p for p in nlp.parse(m.group(1).lower())[:1] if p.tag.case == "gent"), None)
        if parse is None or parse.tag.POS not in ("NOUN", "ADJF", "PRTF"):
            return start, end
        pending += m.end()
        if parse.tag.POS == "NOUN":
            end = pending
        elif pending - end > 60:
            return start, end


def measure_phrase(left: str) -> tuple[int, int] | None:
    """The measure noun phrase nearest the end of ``left``: the last measure word, from the volume
    word a few words before it if there is one ('совокупный объем выданных им льготных займов')."""
    heads = list(MEASURE_HEAD.finditer(left))
    if not heads:
        return None
    h = heads[-1]
    start, end = _noun_phrase(left, h.start(), h.end())
    volume = [v for v in heads[:-1] if VOLUME.match(v.group()) and len(left[v.end() : h.start()].split()) <= 4]
    if volume:
        start = _noun_phrase(left, volume[-1].start(), volume[-1].end())[0]
    return start, end


def _kind(phrase: str) -> str | None:
    low = phrase.lower()
    for stem, kind in MEASURES:
        if stem in low:
            return kind
    return None


def _nominative(phrase: str) -> str:
    from server.ingest.inflect import inflect_phrase

    return inflect_phrase(phrase, "nomn").lower()


# -- changes ---------------------------------------------------------------------------------------

DIM = (
    r"(?-i:%|лет|год[а-я]*|месяц[а-я]*|недел[а-я]*|(?:рабоч|календарн)[а-я]+\s+дн[а-я]+|дн[а-я]+|"
    r"процентн[а-я]+\s+пункт[а-я]*|базисн[а-я]+\s+пункт[а-я]*|процент[а-я]*|балл[а-я]*|га(?![а-я])|гектар[а-я]*|"
    r"п\.\s?п\.?|т(?![\w])|тонн[а-я]*)"
)


def _amt(t: str) -> str:
    return (
        rf"(?P<num{t}>(?:{NUM}|{WORDNUM_RX})(?:\s+с\s+половиной(?=\s*(?:{UNIT})))?)(?:\s*[-–—]\s*{NUM})?"
        rf"(?:\s*(?P<unit{t}>{UNIT}))?"
        rf"(?:\s+(?P<more{t}>{NUM})\s*(?P<moreunit{t}>{UNIT}))?"  # '1 трлн 387 млрд'
        rf"(?:\s*(?P<cur{t}>{CUR}))?"
    )


#: the present or earlier level named as such: 'вместо нынешних 5%', 'с текущих 0,5% до 10%'
PRESENT = r"(?:прежн|нынешн|текущ|действующ)(?:их|его|ей|ий|ая|ее)"
CHANGE = re.compile(
    # ('с 2% процентов до 1,5%': the unit doubled)
    rf"\b(?:с|со)\s+(?:{PRESENT}\s+)?{_amt('1')}(?:[ \t]*(?P<dim1>{DIM})(?:(?<=%)\s+процент\w*)?(?:\s+годовых)?)?"
    r"(?:\s+за\s+(?:1\s+|одну\s+|один\s+)?(?:тонну|т\.|кг|килограмм|литр|куб\.\s?м|кв\.\s?м|гектар|га)(?![\w-]))?"
    # ('с нынешних 209,6 руб. за тонну до 219 руб.': the unit priced after the old value)
    # 'с 2,5 тыс. позиций в 2020 году до 36 тыс. в 2025-м': the year of each value (and what was counted) between
    rf"(?:(?:\s+(?!{MONTH})(?P<counted>[а-яё]+))?\s+(?:в|к)\s+(?:19|20)\d\d(?:\s+год[ау]|-м)(?![\w-]))?"
    rf"\s+до\s+{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?",
    re.IGNORECASE,
)
INSTEAD = re.compile(  # 'не менее 25 евро за тонну вместо нынешних 15 евро': a price per unit between
    # ('13,5% от доходов вместо 18%': a rate's base between)
    rf"{_amt('2')}(?:[ \t]*(?P<dim2>{DIM})(?:\s+годовых)?)?(?:\s+(?:за|от)\s+(?:1\s+|[а-яё]+\s+)?[а-яё]+\.?|\s+(?!вместо)[а-яё]{{3,}})?\s+вместо\s+"
    # 'вместо нынешних 5%', 'вместо ранее предусмотренных X', 'вместо запланированных ранее 115' (a bare number: the
    # unit of the new value)
    rf"(?:{PRESENT}|(?:ранее\s+)?(?:[а-яё]+нн|ожидавш)\w*(?:\s+ранее)?"
    r"|ранее\s+\w+)?\s*"
    rf"{_amt('1')}(?:(?<=\d)[ \t]*(?P<dim1>%))?",
    re.IGNORECASE,
)
#: a noun of change governs «до Y» only through its step: 'рост на 90% — до 126 тысяч рублей', 'индексация на 7% до 300 рублей'
#: 'рост на 5%, до …', and 'рост в 12,8 раз, до 35,76 тысячи рублей': a noun of change with its step or factor
CHANGE_NOUN = (
    r"(?<![\w-])(?:(?:рост|прирост|индексаци)\w*(?=(?:\s+[а-яё]+){0,3}\s+на\s+\d)"
    r"|(?:рост|прирост|повышени|увеличени|снижени|сокращени)\w*(?=(?:\s+[а-яё]+){0,3}\s+в\s+\d+(?:[,.]\d+)?\s+раз))"
)
TO_ONLY = re.compile(
    # 'увеличило: теперь на один проект можно получить до 600 млн': the verb, then what it now allows after a colon
    rf"(?:{CHANGE_VERB.pattern}|{CHANGE_NOUN})(?P<obj>(?:\s*:\s*(?:теперь|отныне)(?![\w-]))?(?:\s+(?:[а-яё]+|(?:19|20)\d\d(?:\s*г\.|(?=\s+год)))){{0,12}}?)(?:\s+(?:в\s+(?:\d+[,.]\d+|\w+)\s+раза?|вдвое|втрое|вчетверо|впятеро)\s*,?)?"
    # ('повысятся на 0,8 и 2,7 тыс. руб. соответственно — до 13,1 тыс. руб./т и 10,13 тыс. руб.': two steps, two values)
    rf"(?:\s+на\s+{_amt('3')}(?:[ \t]*(?P<dim3>{DIM}))?"
    rf"(?:\s+и\s+{_amt('4')}(?:[ \t]*(?P<dim4>{DIM}))?\s+соответственно)?\s*,?)?"  # 'нарастили на 1 млрд руб., до 4 млрд руб.': the step
    rf"(?:\s*[—–-])?\s+до\s+{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?",
    re.IGNORECASE,
)
#: '… сбор увеличится на 90% (коэффициент — от 2,21 до 4,2)': a coefficient's old and new values as a range «от X до Y»,
#: bare numbers, in a sentence with a verb of change before it
COEFFICIENT_RANGE = re.compile(
    rf"(?<![\w-])коэффициент\w*\s*(?:[—–:-]\s*)?от\s+(?P<num1>{NUM})\s+до\s+(?P<num2>{NUM})(?![\w.,%]|\s*(?:{UNIT}|{CUR}|{DIM}))",
    re.IGNORECASE,
)
#: the end of a bare number (a coefficient's): no unit, currency or measure after it, a sentence's full stop allowed
BARE_END = rf"(?![\w%]|[.,]\d|\s*(?:{UNIT}|{CUR}|{DIM}))"
#: 'меняет коэффициент 0,82 на коэффициент 0,51': a coefficient replaced by another, bare numbers
COEFFICIENT_SWAP = re.compile(
    rf"(?<![\w-])(?:меня\w*|замен\w*)\s+(?:[а-яё]+\s+){{0,2}}?коэффициент\s+(?P<num1>{NUM})\s+на\s+"
    rf"(?:коэффициент\s+)?(?P<num2>{NUM}){BARE_END}",
    re.IGNORECASE,
)
#: 'базовую ставку будут умножать на коэффициент 2', 'субсидия увеличивается на коэффициент 1,5', 'новый специальный
#: коэффициент будет равен 1': a coefficient's new value, a bare number, set by a verb of change or as a new one
COEFFICIENT_SET = re.compile(
    r"(?<![\w-])(?:(?:умнож\w*|увелич\w*|уменьш\w*|пересчит\w*|скорректир\w*)\s+на\s+(?:[а-яё]+\s+){0,2}"
    r"коэффициент\s+|(?:нов\w+|специальн\w+)\s+(?:[а-яё]+\s+){0,2}коэффициент\s+(?:[^.;!?\n\d]{0,40}?\s)?"
    rf"(?:будет\s+равен|составит|установ\w+\s+на\s+уровне)\s+)(?P<num2>{NUM}){BARE_END}",
    re.IGNORECASE,
)
#: 'может подорожать сбор на упаковку …: в среднем он составит 96,16 тысячи рублей за тонну': a rate's, duty's or fee's
#: new sum in a sentence that says it rises or falls (read only there: 'объем поддержки составит 430 млн рублей' is no
#: change)
WILL_BE = re.compile(rf"(?<![\w-])состав(?:ит|ят)\s+(?:[а-яё]+\s+){{0,2}}?{_amt('2')}", re.IGNORECASE)
#: the verbs of such a sentence, before the sum
RISES_OR_FALLS = re.compile(rf"{CHANGE_VERB.pattern}|(?:подорожа|подешеве|удорожа|удешевле)\w*", re.IGNORECASE)
#: 'До сих пор её потолок составлял 600 млн рублей, а теперь можно направлять до 3,5 млрд рублей': the past level
#: in a clause of the past, the new one «до Y» in the clause contrasted with it
PAST_THEN = re.compile(
    r"(?<![\w-])(?:до\s+сих\s+пор|раньше|прежде|ранее)(?![\w-])[^.;!?\n]{0,60}?\s"
    r"(?:составлял[аио]?|был[аио]?|равнял(?:ся|ась|ось|ись))\s+"
    rf"{_amt('1')}(?:[ \t]*(?P<dim1>{DIM}))?\s*,\s*(?:а|но|тогда\s+как)\s+[^.;!?\n]{{0,80}}?"
    rf"(?<![\w-])до\s+{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?",
    re.IGNORECASE,
)
#: 'не менее 70 евро за тонну, тогда как до сих пор он равнялся 45 евро': the new value, then the old one in a clause
#: of the past contrasted with it ('… тогда как раньше она была 10 и 12 евро … соответственно': two old values)
THEN_WAS = re.compile(
    rf"(?<![\w.,]){_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?(?:\s+(?:на|за)\s+(?:1\s+|один\s+|одну\s+)?[а-яё]+\.?(?:\s?[а-яё]+\.?)?)?"
    r"\s*,\s*(?:тогда\s+как|в\s+то\s+время\s+как|а|хотя)\s+(?:до\s+сих\s+пор|раньше|прежде|ранее)(?![\w-])"
    r"(?:\s+[а-яё]+){0,3}?\s+(?:(?:составлял|был|равнял(?:ся|ась|ось|ись)|установлен)[аио]?"
    # 'хотя прежде его стоимость не могла быть ниже 650 млн': the old floor or ceiling
    r"|не\s+мог(?:ла|ло|ли)?\s+быть\s+(?:ниже|выше|меньше|больше|менее|более))\s+"
    rf"{_amt('1')}(?:[ \t]*(?P<dim1>{DIM}))?(?:\s+и\s+{_amt('3')}(?:[ \t]*(?P<dim3>{DIM}))?)?",
    re.IGNORECASE,
)
#: '… повышена до 5 млрд рублей (прежде 2 млрд рублей)': the old value, after the new one
PREVIOUSLY = re.compile(
    rf"\s*[(,]\s*(?:а\s+|хотя\s+)?(?:прежде|ранее|раньше|было|вместо|до\s+этого)\s*(?:[—–-]\s*)?"
    # ('…, прежде он составлял 5 млн рублей': the old value's own clause)
    r"(?:(?:он|она|оно|они)\s+)?(?:(?:составлял|был|равнял(?:ся|ась|ось|ись))[аио]?\s+)?"
    rf"{_amt('1')}(?:[ \t]*(?P<dim1>{DIM}))?\s*(?:[),.;]|$)",
    re.IGNORECASE,
)
#: 'ставку повысили до 21% с 19%': the old value «с X» after the new one (of the same unit or currency)
FROM_AFTER = re.compile(
    rf"\s+(?:с|со)\s+(?:{PRESENT}\s+)?{_amt('1')}(?:[ \t]*(?P<dim1>{DIM}))?(?!\w|[.,]\d)", re.IGNORECASE
)
#: 'Раньше ставка составляла 5%, теперь — 3%', '… составлял 300 млн рублей. Теперь он составит 500 млн': the past
#: level in a clause or sentence of the past, the present one after «теперь/сейчас» with a dash or a verb of being
PAST_NOW = re.compile(
    r"(?<![\w-])(?:до\s+сих\s+пор|раньше|прежде|ранее|до\s+этого)(?![\w-])[^.;!?\n]{0,60}?\s"
    r"(?:составлял[аио]?|был[аио]?|равнял(?:ся|ась|ось|ись))\s+"
    rf"{_amt('1')}(?:[ \t]*(?P<dim1>{DIM}))?\s*(?:,\s*(?:а\s+|но\s+|тогда\s+как\s+)?|\.\s*|;\s*)"
    r"(?:теперь|сейчас|ныне|отныне)(?![\w-])\s*(?:[—–-]\s*|(?:[а-яё]+\s+){0,3}?"
    r"(?:состав(?:ит|ят|ляет|ляют)|будет|будут|равен|равна|равно)\s+(?:[—–-]\s*)?)"
    rf"{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?",
    re.IGNORECASE,
)
#: 'Изначально предполагалось, что в 2022 году на это направят 1,37 млрд рублей, теперь же речь идет о 923 млн рублей',
#: 'Прежде планировали выделить 5 млрд рублей, а сейчас — лишь 3 млрд': a plan or level said to be earlier, with any verb,
#: then the present one after «теперь/сейчас/ныне» in the clause contrasted with it (one currency or measure on both)
EARLIER_NOW = re.compile(
    r"(?<![\w-])(?:изначально|первоначально|поначалу|сначала|прежде|ранее|раньше|до\s+этого|до\s+сих\s+пор)(?![\w-])"
    rf"[^.;!?\n]{{0,100}}?(?<![\w.,]){_amt('1')}(?:[ \t]*(?P<dim1>{DIM}))?[^.;!?\n\d]{{0,40}}?,\s*(?:а\s+|но\s+)?"
    r"(?:теперь|сейчас|ныне|отныне)(?:\s+же)?(?![\w-])\s*(?:[—–-]\s*|(?:[а-яё]+\s+){0,4}?)"
    rf"(?:(?:не\s+)?(?:менее|более|свыше|до|около|порядка|лишь|всего|только|уже|почти)\s+)?"
    rf"(?=\d|(?:{WORDNUM_RX})(?![а-яё])){_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?",
    re.IGNORECASE,
)
#: 'В прошлом году выделили 2 млрд рублей, а в этом — 3,5 млрд рублей', 'Если в 2024 году … 1 млрд рублей, то в 2025
#: году — уже 1,8 млрд': a past level, then the present one after a time contrasted with it, the verb left out
LAST_THIS = re.compile(
    r"(?<![\w-])(?:(?P<past>в\s+(?:прошлом|минувшем)\s+году|годом\s+ранее|год\s+назад)"
    r"|(?P<if>если\s+(?:в|на)\s+(?:19|20)\d\d\s*(?:г\.|год[ауе]?)))(?![\w-])[^.;!?\n\d]{0,80}?"
    rf"(?<![\w.,]){_amt('1')}(?:[ \t]*(?P<dim1>%))?[^.;!?\n\d]{{0,40}}?,\s*"
    r"(?:(?(past)(?:а\s+)?(?:в\s+(?:этом|нынешнем|текущем)(?:\s+году)?|теперь|сейчас)"
    r"|то\s+(?:в|на)\s+(?:19|20)\d\d\s*(?:г\.|год[ауе]?|-м)))(?![\w-])\s*(?:[—–-]\s*(?:уже\s+)?|уже\s+)"
    rf"(?:(?:свыше|более|почти|около|порядка)\s+)?{_amt('2')}(?:[ \t]*(?P<dim2>%))?",
    re.IGNORECASE,
)
#: a price's unit after its value: 'за тонну', 'за 1 куб. м'; or after a slash: 'руб./т'
PER_UNIT_WORDS = r"\s+(?:на|за)\s+(?:1\s+|один\s+|одну\s+)?[а-яё]+\.?(?:\s?[а-яё]+\.?)?"
PER_UNIT = rf"(?:{PER_UNIT_WORDS})?"
SLASH_UNIT = r"/[а-яё]{1,3}\.?"
#: the time of an earlier level: 'годом ранее', 'в прошлом году', 'в 2023 г.'
EARLIER_TIME = r"(?:годом\s+ранее|год\s+назад|в\s+(?:прошлом|минувшем)\s+году|ранее|прежде|раньше|в\s+(?:19|20)\d\d\s*(?:г\.|году))"
#: a price the state sets, its earlier level in brackets after the new one: 'Минимальная цена коньяка составит 755
#: рублей (вместо 651 рубля)'
SET_PRICE = re.compile(
    r"(?<![\w-])(?:минимальн|максимальн|предельн|индикативн|фиксированн)\w*\s+(?:[а-яё]+\s+)?цен", re.IGNORECASE
)
#: a price's unit after its value with what is priced: 'за тонну подсолнечного масла'
PER_UNIT_LONG = rf"(?:{PER_UNIT_WORDS}(?:\s[а-яё]+){{0,2}})?"
#: the time of the level before, in brackets after the new one: 'месяцем ранее', 'в предыдущем периоде'
PERIOD_BEFORE = (
    r"(?:(?:днем|днём|неделей|месяцем|кварталом|годом)\s+ранее"
    r"|в\s+(?:предыдущ|прошл|минувш)\w+\s+(?:период|месяц|квартал|году|год|неделю|неделе)\w*)"
)
#: 'субсидии составят 12 млрд рублей против 9 млрд рублей годом ранее': the new level, then «против» the earlier one
#: with its time (read only in a sentence of a rate or a budget: a statistic's year-on-year figure is no change)
AGAINST = re.compile(
    # ('не меньше 2 млрд рублей против прежних 500 миллионов': the earlier level named as such, no time needed)
    rf"(?<![\w.,]){_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?{PER_UNIT}\s+против\s+"
    rf"(?:(?P<present>{PRESENT}|(?:ранее\s+)?[а-яё]+(?:вш|нн)(?:ых|их|ого|его|ой|ей))\s+)?{_amt('1')}"
    rf"(?:[ \t]*(?!годом)(?P<dim1>{DIM}))?{PER_UNIT}(?(present)(?:\s+{EARLIER_TIME})?|\s+{EARLIER_TIME})"
    r"(?![\w-])",
    re.IGNORECASE,
)
#: the parameters AGAINST reads: a rate, duty or tax, or a sum of support
POLICY_NOUN = re.compile(
    r"(?<![\w-])(?:ставк|пошлин|акциз|налог|сбор|субсиди|финансировани|бюджет|лимит|порог|грант|займ|за[её]м|квот)",
    re.IGNORECASE,
)
#: 'пошлина установлена в размере $71,9 за 1 т (действующая — $57,4 за 1 т)', '… составит 20% (сейчас — 15%)': a rate's
#: or sum's new value, its present or earlier level in brackets after it
NOW_IN_BRACKETS = re.compile(
    # ('$226,4 за тонну пшеницы (в предыдущем периоде — $225,1)', '$1126,6 (месяцем ранее — $1130,6)', '755 рублей
    # (вместо 651 рубля)', '$207,4 за тонну ячменя ($194,6)': a period before, «вместо», or the earlier value alone)
    rf"(?<![\w.,]){_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?{PER_UNIT_LONG}\s*\(\s*"
    rf"(?:(?P<was>сейчас|ныне|прежде|ранее|раньше|было|вместо|{PRESENT}|{PERIOD_BEFORE})"
    # ('(сейчас минимальная планка — не менее 0,22 евро)': the parameter named again before a dash, a floor's words)
    r"(?![\w-])\s*(?:(?:[а-яё«»\"]+\s+){0,4}?[—–:-]\s*|(?:[а-яё]+\s+){0,2}?(?:равн[аоы]?|составляет|составлял[аио]?|был[аио]?)\s+)?)?"
    r"(?:(?:не\s+)?(?:менее|ниже|более|выше|старше|моложе)\s+)?"
    rf"{_amt('1')}(?:[ \t]*(?P<dim1>{DIM}))?{PER_UNIT}\s*\)",
    re.IGNORECASE,
)
#: 'вырастет до 8047,3 рубля за тонну с 5746,2 рубля': the new value first, «до», then «с» the old one (the same
#: currency on both, or the same measure), only a price's unit between
TO_FROM = re.compile(
    rf"(?<![\w-])до\s+{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?{PER_UNIT}\s+(?:с|со)\s+(?:{PRESENT}\s+)?{_amt('1')}"
    rf"(?:[ \t]*(?P<dim1>{DIM}))?",
    re.IGNORECASE,
)
#: 'Вместо 10% ставка составит 5%': the old value first, after «вместо», the new one after a verb of being
INSTEAD_FIRST = re.compile(
    # ('Вместо того чтобы платить $ 485,8 за тонну, экспортеры будут платить $ 372': what one did instead, the verb's
    # object the old value)
    r"(?<![\w-])вместо\s+(?:того,?\s+чтобы\s+(?:[а-яё]+\s+){1,4})?"
    rf"(?:{PRESENT}\s+|(?:ранее\s+)?[а-яё]+нн\w*\s+)?{_amt('1')}(?:[ \t]*(?P<dim1>{DIM}))?"
    # ('вместо 3 млрд рублей теперь достаточно 750 млн', 'вместо 10% — 5%', 'вместо 30 дней заявку рассмотрят за 10 дней':
    # any words but a figure between, the new value of the same measure)
    r"(?:[^.;!?\n\d()]{0,60}?\s|\s*[—–:-]\s*)(?:(?:не\s+)?(?:менее|более|меньше|больше|свыше|до|около|порядка|лишь|всего|только|уже)\s+)?"
    rf"(?<![\w.,])(?=\d|(?:{WORDNUM_RX})(?![а-яё])){_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?",  # not «ста» of «ставка»
    re.IGNORECASE,
)
#: 'составит 50% затрат, а не 30%, как раньше': the new value, then the old one denied, «как раньше»
NOT_AS_BEFORE = re.compile(
    rf"(?<![\w.,]){_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?(?:\s+[а-яё]{{3,}})?\s*,\s*а\s+не\s+{_amt('1')}"
    rf"(?:[ \t]*(?P<dim1>{DIM}))?\s*,?\s*как\s+(?:раньше|прежде|ранее|было)(?![\w-])",
    re.IGNORECASE,
)
#: 'на текущий год выделено 500 млн рублей, а на 2022 год — уже 700 млн рублей': a sum for one year, then «а на
#: <год> … уже Y» the next year's level of it (no other figure between)
ALREADY = re.compile(
    rf"(?<![\w.,]){_amt('1')}[^.;!?\n\d]{{0,80}}?,\s*а\s+(?:на|в|к)\s+(?:(?:19|20)\d\d\s*(?:г\.|год[ауе]?(?![\w-]))"
    r"|(?:следующ|будущ)\w+\s+год\w*)\s*(?:[—–-]\s*)?(?:[а-яё]+\s+){0,2}?уже\s+"
    rf"(?:(?:свыше|более|почти|около|порядка)\s+)?{_amt('2')}",
    re.IGNORECASE,
)
#: ', а к июлю опустилась на 19,4% до 3865 руб.': the clause after «а» opens with a later time than the clause before
TIME_CONTRAST = re.compile(
    r",\s*а\s+(?:(?:к|в|на)\s+(?:(?:январ|феврал|март|апрел|ма[йея]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]{0,3}"
    r"|(?:19|20)\d\d\s*(?:г\.|год[ауе]?)|(?:нынешн|этом|текущ|следующ)\w*\s+год\w*)|теперь|сейчас)(?![\w-])",
    re.IGNORECASE,
)
#: verbs of a fall: a step «на X» down to Y started at Y + X
FALL = re.compile(r"(?:сниз|сниж|сократ|сокращ|уменьш|пониз|пониж|опуст|замедл|урез)", re.IGNORECASE)


REACH = re.compile(  # 'рынок вырос вдвое и достиг 3,4 трлн рублей': a growth verb, then the value reached
    rf"{CHANGE_VERB.pattern}[^.;:!?\n]{{0,40}}?\s+и\s+(?:достиг(?:нет|нут|ла|ли|ло)?|достига(?:ет|ют))\s+"
    rf"(?:(?:почти|около|более|свыше|уже|порядка|примерно|приблизительно)\s+)?{_amt('2')}",
    re.IGNORECASE,
)

FACTOR = re.compile(  # 'составила порядка 185 млн рублей — втрое больше, чем годом ранее': the new value
    rf"{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?\s*(?:,|[—–-])\s*(?:(?:что|это|и\s+это)\s+)?"
    rf"(?:почти\s+|примерно\s+|более\s+чем\s+)?"
    rf"(?:в\s+(?:{NUM}|[а-яё]+)\s+раза?|вдвое|втрое|вчетверо|впятеро|вдесятеро"
    # '60 млрд рублей — на 8 млрд больше, чем годом ранее': the step gives the value before
    rf"|на\s+{_amt('3')}(?![ \t]*{DIM}))\s+(?P<than>больше|меньше|выше|ниже)",  # not a step in percent
    re.IGNORECASE,
)


BY_THEN = re.compile(  # 'капитал нарастили на 650 млн рублей, и теперь он превышает 2 млрд': the new total
    # ('квота выросла на 400 тыс. т и составит 2 млн т': the step, then «и составит» the total)
    rf"{CHANGE_VERB.pattern}[^.;:!?\n]{{0,30}}?\s+на\s+{_amt('3')}(?:[ \t]*(?P<dim3>{DIM}))?"
    rf"(?:[^.;:!?\n]{{0,30}}?\bтеперь\s+(?:[^.;:!?\n\d]{{0,40}}?\s)?(?:превышает|составляет|достигает|равен|равна)"
    r"|\s*,?\s+и\s+(?:теперь\s+)?состав(?:ит|ят|ляет|ляют|ил[аио]?|или))\s+"
    rf"(?:почти\s+|около\s+|более\s+|уже\s+)?{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?",
    re.IGNORECASE,
)


#: 'Для вин пошлина теперь составит 20%': a rate's new level, «теперь» marking it new (a rate that «составит» X alone is
#: a condition of a loan or of a new duty, no change)
NOW_SET = re.compile(
    rf"(?<![\w-])теперь\s+(?:будет\s+)?состав(?:ит|ят|ляет|ляют)\s+{_amt('2')}[ \t]*(?P<dim2>%|процент\w*)",
    re.IGNORECASE,
)
#: '…, для глицерина – 35%, для фанеры – 50%': further objects' rates after one set, the verb left out
FOR_GAP = re.compile(
    # ('20% от таможенной стоимости, но не менее 1,5 долл. США за литр, для глицерина – 35%': an abbreviation's dot)
    rf"(?:[^.;!?\n]|\.(?!\s*$|\s+(?-i:[А-ЯЁ][а-яё]))){{0,80}}?,\s+(?:а\s+|и\s+)?(?P<obj>для\s+[^.;!?\n,–—-]{{1,60}}?)\s*[—–-]\s+{_amt('2')}"
    rf"[ \t]*(?P<dim2>%|процент\w*)",
    re.IGNORECASE,
)
#: 'ставка налога … составит 5% в первые пять лет и 10% — в следующие пять лет': a tax rate set for a period
PERIOD_RATE = re.compile(
    rf"(?<![\w.,]){_amt('2')}[ \t]*(?P<dim2>%|процент\w*)\s*(?:[—–-]\s*)?(?:(?:в|на)\s+(?:первые|следующие|последующие)|в\s+течение\s+(?:первых|следующих|последующих))\s+"
    rf"(?:\d{{1,2}}|{WORDNUM_RX})\s+(?:лет|года?)(?![\w-])",
    re.IGNORECASE,
)
#: the sentence of a PERIOD_RATE: a tax's rate, and a verb that sets it
TAX_RATE_SET = re.compile(
    r"(?<![\w-])(?:ставк\w*\s+налог|налогов\w*\s+ставк)(?:.*?)(?<![\w-])(?:состав(?:ит|ят)|установ|сниж|сниз|повыс"
    r"|повыш|будет|будут)",
    re.IGNORECASE | re.DOTALL,
)


#: 'получат налоговую ставку 10%', 'ввели ставку налога на имущество 1,1%', 'льготная ставка налога установлена на уровне
#: 5%': a tax rate introduced or granted with its value (a rate that simply «действует» is no change)
RATE_SET = re.compile(
    r"(?<![\w-])(?:(?:ввел[аи]?|ввод(?:ит|ят)|введ(?:[её]т|ут)|установ(?:ил[аи]?|ят|ит)|получ(?:ат|ит|или|ил[аи]?)"
    r"|предостав(?:ят|ит|или|ил[аи]?)|(?:установлен|введен)[аы]?)\s+(?:[а-яё]+\s+){0,4}?(?P<rate>(?:налогов\w+\s+ставк\w*|ставк\w*\s+налог\w*"
    r"(?:\s+на\s+[а-яё]+)?))|(?P<prate>(?:налогов\w+\s+ставк\w*|ставк\w*\s+налог\w*(?:\s+на\s+[а-яё]+)?))"
    r"[^.;!?\n%\d]{0,60}?\s(?:(?:был[аио]?|будет)\s+)?(?:установлен[аы]?|введен[аы]?))"
    rf"\s*(?:в\s+размере\s+|на\s+уровне\s+|[—–-]\s*)?{_amt('2')}[ \t]*(?P<dim2>%|процент\w*)",
    re.IGNORECASE,
)


def dimension(*words: str | None) -> str | None:
    for w in words:
        if not w:
            continue
        low = w.lower()
        if low.rstrip(".") in ("т", "тн"):
            return "tonne"
        for stem, unit in UNITS:
            if low.startswith(stem) or stem in low:
                return unit
    return None


#: '… подняться до 50%, российских медицинских изделий — до 40%': the verb left out, the dash in its place,
#: a second parameter's new value in the same sentence
#: ('… вырастет до 30 млн руб. на 1 га, для технопарков в сфере высоких технологий — до 120 тыс. руб. за 1 кв. м': a
#: price per unit, the unit after each value)
GAPPED = re.compile(
    rf"(?:{PER_UNIT_WORDS}|{SLASH_UNIT})?"
    # ('на первые 5 лет снижают до 2%, а на следующие 5 лет — до 10%': a period's figure in the gap; 'до 10,535 тыс.
    # руб./т, а с 2019 г. – до 10,957 тыс. руб./т': a year)
    rf"\s*,\s+(?:а\s+|и\s+)?(?P<obj>(?:[а-яё-]+\s+|\d{{1,2}}\s+(?=лет|год)|(?:19|20)\d\d\s*(?:г\.|год[ауе]?|-м)\s*)"
    rf"{{1,10}}?)[—–-]\s+до\s+{_amt('2')}"
    rf"(?:[ \t]*(?P<dim2>{DIM}))?",
    re.IGNORECASE,
)


#: '… на 0,8 и 2,7 тыс. руб. соответственно — до 13,1 тыс. руб./т и 10,13 тыс. руб.': the second new value after the first
AND_SECOND = re.compile(
    rf"(?:{SLASH_UNIT}|{PER_UNIT})\s+и\s+{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?(?![\w.,]*\d)", re.IGNORECASE
)


#: '… довести долю до 30% к 2025 году и до 50% к 2030 году': a second value of the same parameter, joined by «и»
#: ('… с 209,6 руб. за тонну до 219 руб. в 2026-м и до 1,96 тыс. руб. за тонну в 2030 году', '… с 0,6 до 0,75 для
#: бензина и до 0,7 для дизтоплива': after «с X до Y», a further new value from the same X)
COORDINATED = re.compile(
    r"(?:\s+за\s+(?:1\s+)?[а-яё]+\.?)?(?:\s+(?:к|в)\s+\d{4}(?:-м|\s+(?:году|года|г\.)))?(?:\s+для\s+[а-яё]+)?"
    rf"\s*,?\s+(?:а\s+)?и\s+(?P<obj>)до\s+{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?",
    re.IGNORECASE,
)


def _gapped(text: str, change: Change, from_too: bool = False) -> Change | None:
    """The change the gap after ``change`` names ('…, роботов — до 20%', '… и до 50% к 2030 году'), of the same
    unit and currency, or None; with ``from_too`` (after «с X до Y»), only '… и до Z', from the same X."""
    m = (
        COORDINATED.match(text, change.end)
        if from_too
        else GAPPED.match(text, change.end) or COORDINATED.match(text, change.end)
    )
    if (
        m is None
        or dimension(m.group("dim2")) != change.unit
        and not (change.unit == "count" and m.group("dim2") is None and m.group("cur2") is None)
        or (currency(m.group("cur2")) or change.currency) != (change.currency)
    ):
        return None
    to = value(m.group("num2"), m.group("unit2"))
    frm = change.from_value if from_too else None
    if frm == to:
        return None
    out = Change(frm, to, change.currency, m.start("obj"), m.end(), text[m.start("obj") : m.end()], change.unit)
    out.parameter = _subject(text, m.end("obj")) if m.group("obj") else change.parameter  # '… и до Y': the same one
    return out


def _for_gap(text: str, change: Change) -> Change | None:
    """'…, для глицерина – 35%' after a rate set: that object's rate, in percent."""
    m = FOR_GAP.match(text, change.end)
    if m is None or dimension(m.group("dim2")) != change.unit:
        return None
    out = Change(
        None, value(m.group("num2"), None), None, m.start("obj"), m.end(), text[m.start("obj") : m.end()], change.unit
    )
    out.parameter = change.parameter
    return out


#: a count's noun right after a bare «до N»: 'вырастет до восьми действующих площадок', 'до 12 индустриальных центров'
COUNTED_NOUN = re.compile(r"\s+(?:[а-яё]+(?:ых|их)\s+){0,2}(?P<noun>[а-яё]{3,})(?![\w-])")


def _counted_noun(text: str, end: int) -> bool:
    """A plural genitive noun (not a measure of time or a month) right after the value: what was counted."""
    m = COUNTED_NOUN.match(text, end)
    if m is None or re.fullmatch(DIM, m.group("noun"), re.IGNORECASE) or m.group("noun").lower() in MONTH_WORDS:
        return False
    parses = [p for p in nlp.parse(m.group("noun").lower()) if p.tag.POS == "NOUN"]
    return bool(parses) and all(p.tag.number == "plur" and p.tag.case == "gent" for p in parses)


MONTH_WORDS = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября"}
MONTH_WORDS |= {"ноября", "декабря", "года", "лет", "годов"}


#: a currency's sign before the number: '$133,5 за 1 т', '€ 25'
SIGN_FIRST = re.compile(
    rf"(?<![\w.,])(?P<sign>{CUR_BEFORE})(?P<sp>[ \u00a0]?)(?P<num>{NUM})(?P<unit>\s*(?:{UNIT}))?(?![\w.,]*\d)",
    re.IGNORECASE,
)


def _sign_after(m: re.Match) -> str:
    """'$133,5' read as '133,5$' (the same length: every change's offsets stay the text's)."""
    return f"{m.group('num')}{m.group('unit') or ''}{m.group('sp')}{m.group('sign')}"


def readable(text: str) -> str:
    """The text as the change readers see it, of the same length: look-alike Greek and Latin letters in Russian
    words read as Cyrillic, a number split at its thousands joined, and a currency's sign before its number moved
    after it."""
    return SIGN_FIRST.sub(_sign_after, joined_thousands(nlp.fold_homoglyphs(text)))


#: a number split at its thousands, as wire copy writes prices: '8 тыс. 047,3 рубля', '$1 тыс. 126,6 за тонну' (the
#: rest three digits with a decimal part or a leading zero, or a currency after it)
SPLIT_THOUSANDS = re.compile(
    rf"(?<![\w.,])(?P<k>\d{{1,3}})\s+тыс\.\s+(?P<rest>\d{{3}}(?:,\d+)?)(?![\w.,]*\d)(?=(?<=,\d)|(?<=,\d\d)|\s*{CUR})"
    r"|(?<![\w.,])(?P<k0>\d{1,3})\s+тыс\.\s+(?P<rest0>0\d\d(?:,\d+)?)(?![\w.,]*\d)",
    re.IGNORECASE,
)


def _joined(m: re.Match) -> str:
    digits = (m.group("k") or m.group("k0")) + (m.group("rest") or m.group("rest0"))
    return digits + " " * (len(m.group()) - len(digits))


def joined_thousands(text: str) -> str:
    """'8 тыс. 047,3 рубля' read as '8047,3' and spaces, the same length (every offset stays the text's); 'более 3, 3
    млрд рублей' (a space after the decimal comma) as '3,3 ' and the unit."""
    return SPACED_DECIMAL.sub(r"\1,\2 ", SPLIT_THOUSANDS.sub(_joined, text))


#: a decimal comma with a space after it, right before a multiplier: '3, 3 млрд', '1, 5 млн'
SPACED_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3}), (\d{1,2})(?=\s*(?:млн|млрд|трлн|миллион|миллиард|триллион))")


def changes(text: str) -> list[Change]:
    """«с X до Y», «Y вместо прежних X», «вырос до Y»: the unit and currency of Y apply to X when X
    has none; values in years, days or percent keep their unit; plain numbers without either are no
    change (a year, a count). Read through look-alike Greek and Latin letters in Russian words («дο»); each
    change's words are the original text's."""
    folded = readable(text)
    out = _changes(folded)
    if folded != text:
        split = [m.span() for m in SPLIT_THOUSANDS.finditer(nlp.fold_homoglyphs(text))]
        for c in out:
            c.end = _past_joined(split, c.end)
            c.text = text[c.start : c.end]
    return out


def _changes(text: str) -> list[Change]:
    out: list[Change] = []
    money_text = speaks_of_money(text)
    for rx in (
        CHANGE,
        COEFFICIENT_RANGE,
        COEFFICIENT_SET,
        COEFFICIENT_SWAP,
        INSTEAD,
        INSTEAD_FIRST,
        NOT_AS_BEFORE,
        AGAINST,
        NOW_IN_BRACKETS,
        TO_FROM,
        PAST_THEN,
        PAST_NOW,
        EARLIER_NOW,
        THEN_WAS,
        ALREADY,
        LAST_THIS,
        BY_THEN,
        TO_ONLY,
        REACH,
        FACTOR,
        NOW_SET,
        PERIOD_RATE,
        RATE_SET,
        WILL_BE,
    ):
        for m in rx.finditer(text):
            if any(m.start() < c.end and c.start < m.end() for c in out):
                continue
            if rx is COEFFICIENT_RANGE and not CHANGE_VERB.search(text, _sentence_start(text, m.start()), m.start()):
                continue  # 'коэффициент от 0,5 до 1,5' alone is a range the rules allow, not a change
            if rx is TO_ONLY and SIZE.search(re.sub(r"до\s+$", "", text[m.start() : m.start("num2")])):
                continue  # 'докапитализацию на сумму до 1 млрд': the sum's upper bound, not a new value
            sentence = text[_sentence_start(text, m.start()) : m.start()]
            if rx is RATE_SET and re.search(r"(?<![\w-])(?:если|при\s+условии)(?![\w-])", sentence, re.IGNORECASE):
                continue
            clause = re.split(r"[,;:—–]", sentence)[-1]  # its subject: the rate itself, or a pronoun for it
            if rx is WILL_BE and not (
                m.group("cur2")
                and RATE_NOUN.search(sentence)
                and RISES_OR_FALLS.search(sentence)
                and (RATE_NOUN.search(clause) or re.search(r"(?<![\w-])(?:он|она|оно|они)(?![\w-])", clause))
            ):
                continue  # a rate's, duty's or fee's sum, said to rise or fall before it
            if rx is NOW_SET and not RATE_NOUN.search(sentence):
                continue  # 'теперь составит 20%' of a rate, duty or tax only
            if rx is PERIOD_RATE and (
                not TAX_RATE_SET.search(sentence) or re.search(r"(?<![\w-])если(?![\w-])", sentence, re.IGNORECASE)
            ):
                continue
            groups = m.groupdict()
            cur = currency(groups.get("cur2")) or currency(groups.get("cur1"))
            cur = cur or (currency(groups.get("cur3")) if rx is THEN_WAS else None)  # '… была 10 и 12 евро'
            if rx is ALREADY and (not groups.get("cur1") or currency(groups["cur1"]) != currency(groups.get("cur2"))):
                continue  # two sums of one currency, each written with it
            if rx is THEN_WAS and groups.get("num3") and not RESPECTIVE.match(text, m.end()):
                continue  # 'была 10 и 12 евро' of two things is read only with «соответственно»
            unit1, unit2 = groups.get("unit1"), groups.get("unit2")
            policy = POLICY_NOUN.search(sentence) or (rx is NOW_IN_BRACKETS and SET_PRICE.search(sentence))
            if rx in (AGAINST, NOW_IN_BRACKETS) and not groups.get("present") and not policy:
                continue  # (an earlier level named «прежних/нынешних» is the same parameter's)
            if rx is NOW_IN_BRACKETS and not groups.get("was") and not (groups.get("cur1") and groups.get("cur2")):
                continue  # a bare '(…)' holds the earlier level only as a sum with its currency: '$207,4 ($194,6)'
            if rx in (
                INSTEAD_FIRST,
                NOT_AS_BEFORE,
                AGAINST,
                NOW_IN_BRACKETS,
                TO_FROM,
                PAST_NOW,
                EARLIER_NOW,
                LAST_THIS,
            ) and not _one_measure(groups):
                continue  # the two values of one parameter: one currency, or one unit of measure
            dim = None
            if cur is None:
                dim = dimension(groups.get("dim2"), groups.get("dim1"))
                if dim is None and (
                    rx in (COEFFICIENT_RANGE, COEFFICIENT_SET, COEFFICIENT_SWAP) or groups.get("counted")
                ):
                    dim = "count"  # unitless, as 'коэффициент повысят с 2,1 до 3,4'; '2,5 тыс. позиций'
                if dim is None and rx is CHANGE and not (unit1 or unit2):
                    dim = _gapped_unit(text, m.start(), out)  # '… с 6,3 до 8,51, а для старых - с 13,57 до 19'

                word_end = len(text) - len(
                    text[m.end() :].lstrip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
                )  # past 'тыс' of 'тысяч'
                if (
                    dim is None
                    and rx is TO_ONLY
                    and unit2
                    and not re.match(rf"\s*{CUR}", text[word_end:], re.IGNORECASE)
                    and _counted_noun(text, word_end)
                ):
                    dim = "count"  # 'выпуск сможет вырасти до 5 тысяч штук в год': a count in thousands, not a sum
                physical = PHYSICAL.match(text, word_end) if dim is None and (unit2 or unit1) else None
                if physical is not None:  # 'вырасти до 1 миллиона кв. м. в год': an area, no sum of money
                    dim = physical_unit(physical.group())
                if dim is None and (unit2 or unit1) and money_text and not groups.get("dim2"):
                    cur = "RUB"
                if cur is None and dim is None and rx is CHANGE and _counted(text, m, groups):
                    dim = "count"  # 'число резидентов выросло с 450 до 1767'
                if (
                    cur is None
                    and dim is None
                    and rx is TO_ONLY
                    and not unit2
                    and (COUNT.search(_clause(text, m.start())) or _counted_noun(text, m.end()))
                ):
                    dim = "count"  # 'общее число промышленных парков вырастет до 100', '… до восьми площадок'
                if cur is None and dim is None:
                    continue  # years, bare numbers: not a parameter's value
            # an amount written with its own currency is whole: '73 860 руб. вместо 30 тыс. руб.' borrows no «тыс.»
            frm = (
                value(groups["num1"], unit1 or (None if groups.get("cur1") else unit2)) if groups.get("num1") else None
            )
            to = value(groups["num2"], unit2 or (None if groups.get("cur2") else unit1))
            if frm is not None and groups.get("more1"):
                frm += value(groups["more1"], groups["moreunit1"])
            if groups.get("more2"):
                to += value(groups["more2"], groups["moreunit2"])
            kopecks1, kopecks2 = (str(groups.get(k) or "").lower().startswith(HUNDREDTHS) for k in ("cur1", "cur2"))
            if kopecks2:  # 'до 15,8 коп.': hundredths of a rouble, as the amounts read them
                to = (to / 100).normalize()
            if frm is not None and (kopecks1 or (kopecks2 and not groups.get("cur1"))):
                frm = (frm / 100).normalize()  # 'с 9 до 15,8 коп.': the currency of Y is X's too
            pronoun = re.search(r"\b(?:его|её|ее|их)\b", groups.get("obj") or "") or re.search(
                r"(?<![\w-])(?:его|её|ее|их)\s+$", text[max(0, m.start() - 5) : m.start()]
            )
            if frm is None and rx is TO_ONLY and pronoun:
                # 'их уменьшили до 940 млн' after 'оценивались в 1,1 млрд' in the sentence, else 'увеличим его до 10
                # миллиардов': from the value the previous change in the paragraph set
                before = [
                    c
                    for c in out
                    if c.end <= m.start()
                    and "\n" not in text[c.end : m.start()]
                    and c.currency == cur
                    and c.unit == dim
                ]
                frm = _earlier_in_sentence(text, m.start(), cur) or (before[-1].to_value if before else None)
                frm = frm if frm is not None else _said_before(text, m.start(), cur, to)
            previously = PREVIOUSLY.match(text, m.end()) if rx is TO_ONLY and frm is None else None
            if previously is not None and dimension(previously.group("dim1")) == dim:
                frm = value(previously.group("num1"), previously.group("unit1") or unit2)
            from_after = FROM_AFTER.match(text, m.end()) if rx is TO_ONLY and frm is None else None
            if from_after is not None and _one_measure(
                {**from_after.groupdict(), **{k: groups.get(k) for k in ("num2", "unit2", "cur2", "dim2")}}
            ):
                frm = value(
                    from_after.group("num1"), from_after.group("unit1") or (None if from_after.group("cur1") else unit2)
                )
            if frm is None and rx is TO_ONLY and groups.get("num3") and dimension(groups.get("dim3")) == dim:
                step = value(groups["num3"], groups.get("unit3") or unit2)  # the step «на X» before «до Y»
                frm = to + step if FALL.match(m.group()) else to - step
            if rx is FACTOR and groups.get("num3") and dim is None and (groups.get("unit3") or not unit2):
                step = value(groups["num3"], groups.get("unit3") or unit2)  # '60 млрд — на 8 млрд больше': from 52
                frm = to - step if groups["than"].lower() in ("больше", "выше") else to + step
            after = AFTER.match(text, m.end()) if rx is TO_ONLY else None
            if frm is None and after and dim == "percent":
                frm = value(after.group("num"), None)  # 'замедлился до 2,6% в годовом выражении после 5,5%'
            if frm is None and rx is TO_ONLY:
                frm = _contrasted(text, m.start(), cur, dim, to)
            if frm is None and rx is TO_ONLY and cur is not None:
                frm = _time_contrasted(text, m.start(), cur, to)
            if frm is None and rx is TO_ONLY and cur is not None:
                frm = _named_before(text, m.start(), cur, to)
            if frm is None and rx is TO_ONLY and cur is not None:
                frm = _by_factor(text, m, cur, to)
            if frm is None and rx is TO_ONLY and (cur is not None or dim == "percent"):
                frm = _current_level(text, m.start(), m.end(), cur, to, dim)
            if frm == to or dim == "year" and 1900 <= to <= 2100:
                continue  # 'с 2020 до 2025 года' is a period, not a value
            change = Change(frm, to, cur, m.start(), m.end(), text[m.start() : m.end()], dim)
            if rx is not CHANGE:  # 'совокупный объем субсидий … вырос до Y', 'увеличим его до Y'
                change.parameter = _subject(text, m.start())
            if rx is RATE_SET:
                ps, pe = _noun_phrase(
                    text, m.start(groups["rate"] and "rate" or "prate"), m.end(groups["rate"] and "rate" or "prate")
                )
                change.parameter = _nominative(text[ps:pe])
            if rx in (NOW_SET, PERIOD_RATE):  # 'ставка налога в части …, составит 5% …': the rate's noun phrase
                at = _sentence_start(text, m.start())
                rate = [
                    r for r in RATE_NOUN.finditer(text, at, m.start()) if r.group()[:4].lower() in ("став", "пошл")
                ][-1:]
                rate = rate or list(RATE_NOUN.finditer(text, at, m.start()))[-1:]
                ps, pe = _noun_phrase(text, rate[0].start(), rate[0].end())
                change.parameter = _nominative(text[ps:pe])
            if (
                rx is not CHANGE
                and change.parameter is None
                and re.search(r"\b(?:его|её|ее|их)\b", groups.get("obj") or "")
            ):
                prev = [c for c in out if c.end <= m.start() and c.parameter]
                change.parameter = prev[-1].parameter if prev else None  # 'увеличим его до Y': the earlier change's
            # 'ставка экспортной пошлины тоже составит 10%, но не менее 50 евро …, тогда как …': the rate's noun phrase
            if rx is THEN_WAS and change.parameter is None:
                rate = list(RATE_NOUN.finditer(text, _sentence_start(text, m.start()), m.start()))[-1:]
                if rate:
                    ps, pe = _noun_phrase(text, rate[0].start(), rate[0].end())
                    change.parameter = _nominative(text[ps:pe])
            if rx is THEN_WAS and groups.get("num3"):  # '… тогда как раньше она была 10 и 12 евро … соответственно'
                out.append(change)
                change = Change(
                    value(groups["num3"], groups.get("unit3") or unit2), to, cur, m.start(), m.end(), change.text, dim
                )
                change.parameter = out[-1].parameter
            both = AND_SECOND.match(text, m.end()) if rx is TO_ONLY and groups.get("num4") else None
            if (
                both is not None
                and dimension(both.group("dim2")) == dim
                and (currency(both.group("cur2")) or cur) == cur
            ):
                out.append(change)  # the second step's value, of the second object named before
                later = value(both.group("num2"), both.group("unit2") or (None if both.group("cur2") else unit2))
                step = value(groups["num4"], groups.get("unit4") or both.group("unit2") or unit2)
                change = Change(
                    later + step if FALL.match(m.group()) else later - step,
                    later,
                    cur,
                    m.start(),
                    both.end(),
                    text[m.start() : both.end()],
                    dim,
                )
                change.parameter = out[-1].parameter
            second = RESPECTIVELY.match(text, m.end()) if rx is TO_ONLY else None
            if second is not None and dimension(second.group("dim2")) == dim and currency(second.group("cur2")) == cur:
                olds = _two_before(text, m.start(), cur, dim)  # 'ставки 5% и 3% … уменьшить до 3% и 1% соответственно'
                change.from_value = olds[0] if olds else None
                out.append(change)
                later = value(second.group("num2"), second.group("unit2") or unit2)
                change = Change(
                    olds[1] if olds else None, later, cur, m.start(), second.end(), text[m.start() : second.end()], dim
                )
                change.parameter = out[-1].parameter
            out.append(change)
            # '… с 2017 г. – до 6,8 тыс. руб./т, в 2018 г. – до 7,072 тыс. руб./т, в 2019 г. – до 7,355 тыс. руб./т': each
            # further gap after the one before
            gap = _gapped(text, change, from_too=rx is CHANGE) if rx in (TO_ONLY, CHANGE) else None
            while gap is not None and not any(gap.start < c.end and c.start < gap.end for c in out):
                out.append(gap)
                gap = _gapped(text, gap, from_too=rx is CHANGE)
            while rx is NOW_SET and (gap := _for_gap(text, change)) is not None:
                if any(gap.start < c.end and c.start < gap.end for c in out):
                    break
                out.append(gap)
                change = gap
    out += _abolished(text, out)
    out += _now_and_before(text, out)
    out += _zeroed(text, out)
    out += _newly_levied(text, out)
    out += _stepped(text, out)
    return sorted(out, key=lambda c: c.start)


def sentences(text: str) -> list[tuple[int, int]]:
    """The text's sentences that hold more than white space, as [start, end) spans."""
    return [(s, e) for s, e in nlp.sentence_bounds(text) if text[s:e].strip()]


#: 'Сумма сокращена на 1,4 млрд рублей', 'лимит увеличили на 200 млн рублей': a sum changed by a step «на X» in money,
#: no value «до Y» after it (nor «на сумму»)
STEP_ONLY = re.compile(
    rf"{CHANGE_VERB.pattern}(?:\s+[а-яё]+){{0,6}}?\s+на\s+(?:{QUALIFIER}\s+)?(?<![\w.,]){_amt('3')}(?![\w.,]*\d)"
    r"(?![^.;!?\n\d]{0,40}?(?<![\w-])до\s+\d)",
    re.IGNORECASE,
)


def _stepped(text: str, out: list[Change]) -> list[Change]:
    """'Сумма сокращена на 1,4 млрд рублей. … направят 1,9 млрд рублей.' next to 'Прежде … собирались выделить почти 3,3
    млрд рублей': a step in money with no value of its own, and two sums of its currency within three sentences on
    either side whose difference is the step exactly (the earlier level minus the step, for a fall, is the new one):
    the change from the one to the other. One such pair only; a step in a sentence that already holds a change is
    left alone."""
    found: list[Change] = []
    bounds = sentences(text)
    for m in STEP_ONLY.finditer(text):
        cur = currency(m.group("cur3")) or (
            "RUB" if m.group("unit3") and speaks_of_money(text[m.start() : m.end() + 40]) else None
        )
        if cur is None or any(m.start() < c.end and c.start < m.end() for c in out + found):
            continue
        k = next((i for i, (s, e) in enumerate(bounds) if s <= m.start() < e), None)
        if k is None or any(bounds[k][0] <= c.start < bounds[k][1] for c in out):
            continue
        step = value(m.group("num3"), m.group("unit3"))
        lo, hi = bounds[max(0, k - 3)][0], bounds[min(len(bounds) - 1, k + 3)][1]
        sums = [
            a
            for a in amounts(text[lo:hi])
            if a.currency == cur and a.value_max is None and not (lo + a.start <= m.start("num3") < lo + a.end)
        ]
        fall = FALL.match(m.group()) is not None
        pairs = {
            (a.value, b.value)
            for a in sums
            for b in sums
            if a.value > 0 and b.value > 0 and (a.value - b.value if fall else b.value - a.value) == step
        }
        if len(pairs) != 1:
            continue
        frm, to = pairs.pop()
        if any(c.from_value == frm and c.to_value == to and c.currency == cur for c in out + found):
            continue  # the same change read already from the levels' own words
        change = Change(frm, to, cur, m.start(), m.end(), text[m.start() : m.end()])
        change.parameter = _subject(text, m.start())
        found.append(change)
    return found


#: a sentence of the new terms: 'Отныне предприятия вправе рассчитывать на заем под 3% годовых'
NOW_TERMS = re.compile(r"^\W*(?:отныне|теперь)(?![\w-])", re.IGNORECASE)
#: a sentence of a rate's earlier level: 'совсем недавно ставка … составляла 4%'
RATE_BEFORE = re.compile(
    r"(?<![\w-])(?:недавно|ранее|прежде|раньше|до\s+этого|до\s+сих\s+пор)(?![\w-])[^.;!?\n]*?(?<![\w-])ставк\w*"
    r"[^.;!?\n]*?\s(?:составлял[аио]?|был[аио]?|равнял(?:ся|ась|ось|ись))\s+(?:[а-яё]+\s+)?\d",
    re.IGNORECASE,
)


def _now_and_before(text: str, out: list[Change]) -> list[Change]:
    """'Отныне … льготный заем … под 3% годовых …' next to 'совсем недавно ставка … составляла 4%': a sentence of the
    new terms, opening «отныне/теперь», with one value in percent (a rate's: «под X%» or a rate named), and the sentence right before or after it naming a
    rate's earlier level with one value in percent (and no verb of change) are that rate's change."""
    found = []
    bounds = sentences(text)
    for k, (s, e) in enumerate(bounds):
        if not NOW_TERMS.match(text[s:e]) or any(s <= c.start < e for c in out):
            continue
        new = list(PERCENT.finditer(text, s, e))
        if len(new) != 1 or not (
            RATE_NOUN.search(text, s, e) or re.search(r"(?<![\w-])под\s+$", text[s : new[0].start()])
        ):
            continue  # the new value a rate's: 'ставка …', 'заем под 3% годовых'
        for j in (k + 1, k - 1):
            if not 0 <= j < len(bounds):
                continue
            sentence = text[bounds[j][0] : bounds[j][1]]
            old = PERCENT.findall(sentence)
            if (
                RATE_BEFORE.search(sentence) is None
                or len(old) != 1
                or CHANGE_VERB.search(sentence)
                or re.search(r"(?<![\w-])если(?![\w-])", sentence, re.IGNORECASE)
                or number(old[0]) == number(new[0].group(1))
            ):
                continue
            change = Change(
                number(old[0]), number(new[0].group(1)), None, new[0].start(), new[0].end(), new[0].group(), "percent"
            )
            rate = re.search(r"(?<![\w-])ставк\w*", sentence, re.IGNORECASE)
            if rate:
                ps, pe = _noun_phrase(sentence, rate.start(), rate.end())
                change.parameter = _nominative(sentence[ps:pe])
            found.append(change)
            break
    return found


#: 'Прежде такие лесоматериалы пошлиной не облагались': the goods were not charged before
NOT_LEVIED = re.compile(
    r"^\s*(?:прежде|ранее|раньше|до\s+сих\s+пор|до\s+этого)(?![\w-])[^.;!?\n]{0,80}?(?<![\w-])не\s+(?:облага|взима)\w*",
    re.IGNORECASE,
)


def _newly_levied(text: str, out: list[Change]) -> list[Change]:
    """'пошлина будет установлена в размере 10%, но не менее 13 и 15 евро за 1 куб. м. Прежде такие лесоматериалы
    пошлиной не облагались': the amounts of money of a duty, tax or fee set in the sentence right before one saying
    the goods were not charged before are new values with no old one (the rate in percent stays a condition)."""
    found = []
    bounds = sentences(text)
    for (s0, e0), (s1, e1) in itertools.pairwise(bounds):
        if not NOT_LEVIED.match(text[s1:e1]) or "\n" in text[s0:s1].strip(" \t") or not RATE_NOUN.search(text, s0, e0):
            continue
        if any(s0 <= c.start < e0 for c in out):
            continue
        for a in amounts(text[s0:e0]):
            if a.currency is None or a.value_max is not None:
                continue
            change = Change(None, a.value, a.currency, s0 + a.start, s0 + a.end, a.text)
            rate = list(RATE_NOUN.finditer(text, s0, s0 + a.start))[-1:]
            if rate:
                ps, pe = _noun_phrase(text, rate[0].start(), rate[0].end())
                change.parameter = _nominative(text[ps:pe])
            found.append(change)
    return found


#: '… уменьшить до 3% и 1% соответственно': a second new value, of the second of two parameters named before
RESPECTIVELY = re.compile(rf"\s+и\s+{_amt('2')}(?:[ \t]*(?P<dim2>{DIM}))?\s+соответственно(?![\w-])", re.IGNORECASE)


def _two_before(text: str, pos: int, cur: str | None, dim: str | None) -> tuple[Decimal, Decimal] | None:
    """The old values of two parameters changed «соответственно»: exactly two values of the unit in the sentence before
    the verb ('Нынешние ставки — 5% (базовая) и 3% (льготная) — уменьшат до 3% и 1% соответственно')."""
    start = _sentence_begin(text, pos)
    sentence = text[start:pos]
    if cur is not None:
        found = [a.value for a in amounts(sentence) if a.currency == cur and a.value_max is None]
    elif dim == "percent":
        found = [number(v) for v in PERCENT.findall(sentence)]
    else:
        return None
    return (found[0], found[1]) if len(found) == 2 else None


#: 'ставка налога обнуляется', '«обнуление» ставки': a rate, duty or tax set to zero
#: or a duty or tax removed, named right after the verb: 'отменяются вывозные пошлины на ферромолибден', 'отменить налог'
ZEROED = re.compile(
    r"(?<![\w-])(?:обнул(?:яет|ят|ит|ен|ил|ени|ив)\w*"
    r"|отмен(?:яет|яют|ит|ить|ят|ил|или|ило|ила)(?:ся)?(?=\s+(?:[а-яё]+(?:ые|ие|ую|юю|ой|ый|ий|ая|яя|ое|ее)\s+){0,2}(?:пошлин|акциз|налог|сбор)))",
    re.IGNORECASE,
)
RATE_NOUN = re.compile(
    r"(?<![\w-])(?:(?:ставк|пошлин)\w*|(?:акциз|налог|сбор)(?:а|у|ом|е|и|ов|ам)?(?![\w-]))", re.IGNORECASE
)


#: 'пошлина в размере 5%, но с 1 января её отменили': the rate, taken up by a pronoun, removed
ABOLISHED = re.compile(
    r"(?<![\w-])(?:е[её]|его)\s+(?:[а-яё]+\s+)?(?:отмен(?:или|ил|ила|ят|ит|ено|ена|ен|ён)|упраздн(?:или|ил|ила|ят|ит))(?![\w-])",
    re.IGNORECASE,
)


#: 'Пошлина в 5% была отменена с 1 января': the rate the subject of a passive «отменена»
ABOLISHED_PASSIVE = re.compile(
    r"(?<![\w-])(?:(?:был[аио]?|будет|будут)\s+)?(?:отмен|упразднен)(?:ена|ено|ены|[её]н)(?![\w-])", re.IGNORECASE
)


def _abolished(text: str, out: list[Change]) -> list[Change]:
    """A rate, duty or tax named with its one value in percent earlier in the sentence and then removed («…, но с
    1 января её отменили») changed from that value to 0; not when the sentence makes it a condition («если»). Without
    the pronoun («Пошлина в 5% была отменена») the rate and its value stand in the verb's own clause."""
    found = []
    hits = [(m, False) for m in ABOLISHED.finditer(text)] + [(m, True) for m in ABOLISHED_PASSIVE.finditer(text)]
    for m, passive in hits:
        start = _sentence_begin(text, m.start())
        if passive:
            start = max(start, max(text.rfind(c, 0, m.start()) for c in ",—–:(") + 1)
        before = text[start : m.start()]
        rates = list(RATE_NOUN.finditer(before))
        shares = PERCENT.findall(before)
        if not rates or len(shares) != 1 or re.search(r"(?<![\w-])если(?![\w-])", before, re.IGNORECASE):
            continue
        if any(c.start <= m.start() < c.end for c in out):
            continue
        s, e = start + rates[0].start(), m.end()
        change = Change(number(shares[0]), Decimal(0), None, s, e, text[s:e], "percent")
        ps, pe = _noun_phrase(text, start + rates[0].start(), start + rates[0].end())
        change.parameter = _nominative(text[ps:pe])
        found.append(change)
    return found


#: the rate's level before, named in the sentence of its zeroing: 'до этого она составляла 7%', 'ставку в 7% обнулили'
ZEROED_FROM = re.compile(
    r"(?<![\w-])(?:до\s+этого|ранее|прежде|раньше|до\s+сих\s+пор)(?![\w-])|(?:в\s+размере|(?:ставк|пошлин)\w*\s+в)\s+\d[\d,.]*\s*%",
    re.IGNORECASE,
)


def _zeroed_from(text: str, pos: int) -> Decimal | None:
    """The one value in percent of the sentence of a zeroing, when the sentence names it as the level before."""
    bounds = next(((s, e) for s, e in nlp.sentence_bounds(text) if s <= pos < e), None)
    if bounds is None:
        return None
    sentence = text[bounds[0] : bounds[1]]
    shares = PERCENT.findall(sentence)
    if len(shares) != 1 or not ZEROED_FROM.search(sentence) or re.search(r"(?<![\w-])до\s+\d", sentence):
        return None
    return number(shares[0]) or None


def _present_rate_after(text: str, pos: int) -> Decimal | None:
    """The rate before a zeroing, said in one of the next three sentences as the present one: 'Сейчас ставка пошлины
    составляет 5%', 'Сейчас эти нити облагаются пошлиной по ставке 5%' (the sentence opens with the present, names a
    rate and holds one value in percent)."""
    bounds = sentences(text)
    i = next((k for k, (s, e) in enumerate(bounds) if s <= pos < e), None)
    for s, e in bounds[i + 1 : i + 4] if i is not None else []:
        sentence = text[s:e].lstrip()
        shares = PERCENT.findall(sentence)
        if NOW_OPENING.match(sentence) and len(shares) == 1 and RATE_NOUN.search(sentence) and number(shares[0]):
            return number(shares[0])
    return None


def _zeroed(text: str, out: list[Change]) -> list[Change]:
    """A rate zeroed in its clause is a change to 0 (percent), its old value not named; not when the clause makes it a
    condition ('ставка обнуляется, если цена ниже …': a rule of computing the rate, not a change)."""
    found = []
    for m in ZEROED.finditer(text):
        start = max(_sentence_start(text, m.start()), text.rfind(",", 0, m.start()) + 1)
        end = min([i for i in (text.find(c, m.end()) for c in ".;!?\n") if i >= 0] + [len(text)])
        clause = text[start:end]
        rates = list(RATE_NOUN.finditer(clause))
        rate = min(rates, key=lambda r: abs(start + r.start() - m.start()), default=None)  # the nearest
        if rate is None or re.search(r"(?<![\w-])(?:если|при\s+условии)(?![\w-])", clause, re.IGNORECASE):
            continue
        if any(c.start <= m.start() < c.end for c in out):
            continue
        s, e = min(m.start(), start + rate.start()), max(m.end(), start + rate.end())
        was = _zeroed_from(text, m.start())
        was = was if was is not None else _present_rate_after(text, m.start())
        change = Change(was, Decimal(0), None, s, e, text[s:e], "percent")
        ps, pe = _noun_phrase(text, start + rate.start(), start + rate.end())
        change.parameter = _nominative(text[ps:pe])
        found.append(change)
    return found


#: '… до 2,6% в годовом выражении после 5,5% в октябре': the value before, after the new one
AFTER = re.compile(rf"[^.;:!?\n\d]{{0,30}}?\s+после\s+(?P<num>{NUM})\s*(?:%|процент\w*)(?![\w.,])")
#: the present or past level, which a rise «до Y» starts from
NOW = re.compile(
    r"(?<![\w-])(?:в\s+(?:нынешнем|этом|текущем|прошлом|минувшем|уходящем)\s+году|сейчас|в\s+настоящее\s+время|ныне"
    r"|ранее|прежде|до\s+сих\s+пор|пока\s+что|на\s+сегодня|прошлого\s+года)(?![\w-])",
    re.IGNORECASE,
)


#: a sentence that opens with the present level, next to a rise in the paragraph before or after
NOW_OPENING = re.compile(
    r"(?:сейчас|пока|ныне|до\s+сих\s+пор|в\s+настоящее\s+время|на\s+сегодня(?:шний\s+день)?)(?![\w-])(?!\s+не\s)",
    re.IGNORECASE,
)


def _current_level(
    text: str, start: int, end: int, cur: str | None, to: Decimal, dim: str | None = None
) -> Decimal | None:
    """'нарастить объем поддержки до 50 млрд рублей. В нынешнем году на эти цели ушло 43 млрд рублей': the
    one amount of the currency in the sentence right before or after the rise, in a sentence about the
    present or past level («в нынешнем году», «сейчас», «ранее»), is the old value. A share in percent
    («доведет свою долю до 90%» … «До сих пор фонд финансировал проекты на 70%») may be a few sentences
    and paragraphs away."""
    bounds = sentences(text)
    i = next((k for k, (s, e) in enumerate(bounds) if s <= start < e), None)
    if i is None or "\n" in text[bounds[i][0] : end]:
        return None
    near = (i + 1, i - 1, i + 2, i + 3, i + 4, i + 5, i - 2) if dim == "percent" else (i + 1, i - 1)
    for k in near:
        if not 0 <= k < len(bounds):
            continue
        sentence = text[bounds[k][0] : bounds[k][1]]
        if dim == "percent":
            shares = [a for a in PERCENT.findall(sentence) if number(a) != to]
            if NOW.search(sentence) and len(shares) == 1 and not CHANGE_VERB.search(sentence):
                return number(shares[0])
            continue
        opens_now = NOW_OPENING.match(sentence.lstrip()) is not None and k in (i - 1, i + 1)
        if "\n" in text[min(bounds[k][0], start) : max(bounds[k][1], end)] and not opens_now:
            continue  # another paragraph, unless it opens with the present level: 'Пока максимальная сумма — X'
        found = [a for a in amounts(sentence) if a.currency == cur and a.value_max is None and a.value != to]
        if (NOW.search(sentence) or opens_now) and len(found) == 1 and not CHANGE_VERB.search(sentence):
            return found[0].value
    return None


PERCENT = re.compile(rf"(?<![\w.,])({NUM})\s*(?:%|процент\w*)")
#: 'Если раньше субсидии получали 8 проектов, то теперь их число доведено до 12': the old value in the clause
#: of the past the sentence contrasts with the present
CONTRAST = re.compile(
    r"(?<![\w-])(?:раньше|прежде|ранее|до\s+этого|в\s+прошлом\s+году)(?![\w-])(?P<past>[^.;!?\n]*?)"
    r",\s*(?:то|а)\s+(?:теперь|сейчас|ныне|отныне|в\s+(?:этом|нынешнем|текущем)\s+году)(?![\w-])[^.;!?\n]*$",
    re.IGNORECASE,
)
BARE_NUMBER = re.compile(rf"(?<![\w.,])({NUM})(?![\w.,%]|\s*(?:%|{UNIT}|{CUR}))", re.IGNORECASE)


def _contrasted(text: str, pos: int, cur: str | None, dim: str | None, to: Decimal) -> Decimal | None:
    start = _sentence_start(text, pos)
    m = CONTRAST.search(text, start, pos)
    if m is None:
        return None
    past = m.group("past")
    if cur is not None:
        values = [a.value for a in amounts(past) if a.currency == cur and a.value_max is None]
    elif dim == "percent":
        values = [number(v) for v in PERCENT.findall(past)]
    elif dim == "count":
        values = [number(v) for v in BARE_NUMBER.findall(past) if not 1900 <= number(v) <= 2100]
    else:
        return None
    return values[0] if len(values) == 1 and values[0] != to else None


def _time_contrasted(text: str, pos: int, cur: str, to: Decimal) -> Decimal | None:
    """'цена весной дошла до пика в 4777 руб. за 1 т, а к июлю опустилась на 19,4% до 3865 руб.': a rise or fall in a
    clause opening «а» + a later time (TIME_CONTRAST) starts from the one amount of the currency in the sentence before
    that «а» (not a step «на X»), when the clause itself names no other amount of it."""
    start = _sentence_begin(text, pos)
    contrasts = list(TIME_CONTRAST.finditer(text, start, pos))
    if not contrasts:
        return None
    cut = contrasts[-1]
    before, after = text[start : cut.start()], text[cut.end() : pos]
    found = [
        a.value
        for a in amounts(before)
        if a.currency == cur and a.value_max is None and not re.search(r"(?<![\w-])на\s+$", before[: a.start])
    ]
    if len(found) != 1 or found[0] == to or any(a.currency == cur for a in amounts(after)):
        return None
    return found[0]


#: '… соответственно' after the old values' unit ('10 и 12 евро за 1 куб. м соответственно')
RESPECTIVE = re.compile(
    r"(?:\s+(?:на|за)\s+(?:1\s+|один\s+|одну\s+)?[а-яё]+\.?(?:\s?[а-яё]+\.?)?)?\s*,?\s+соответственно(?![\w-])",
    re.IGNORECASE,
)
#: an amount named as the earlier level: 'с учетом ранее предусмотренных 11 млрд руб.', 'к нынешним 5 млрд'
NAMED_BEFORE = re.compile(
    rf"(?<![\w-])(?:{PRESENT}|ранее\s+[а-яё]+(?:нн|вш)[а-яё]+|[а-яё]+(?:нн|вш)[а-яё]+\s+ранее)\s+$", re.IGNORECASE
)


def _named_before(text: str, pos: int, cur: str | None, to: Decimal) -> Decimal | None:
    """'с учетом ранее предусмотренных 11 млрд руб. финансирование … может вырасти до 14,5 млрд руб.': the one amount of
    the currency earlier in the sentence named as the earlier or present level is the old value."""
    start = _sentence_begin(text, pos)
    sentence = text[start:pos]
    found = [a for a in amounts(sentence) if a.currency == cur and a.value_max is None]
    named = [a.value for a in found if NAMED_BEFORE.search(sentence, 0, a.start)]
    return named[0] if len(named) == 1 and named[0] != to and len(found) <= 2 else None


#: the factor of a change: «в два раза», «в 2,5 раза», «вдвое»
TIMES = re.compile(
    r"(?<![\w-])(?:в\s+(?P<num>\d+(?:[,.]\d+)?|(?P<word>два|три|четыре|пять|десять|полтора))\s+раза?|(?P<adv>вдвое|втрое|вчетверо|впятеро))(?![\w-])",
    re.IGNORECASE,
)
_TIMES_WORDS: dict[str, Decimal] = {
    "два": Decimal(2), "три": Decimal(3), "четыре": Decimal(4), "пять": Decimal(5), "десять": Decimal(10),
    "полтора": Decimal("1.5"), "вдвое": Decimal(2), "втрое": Decimal(3), "вчетверо": Decimal(4), "впятеро": Decimal(5),
}  # fmt: skip


#: words that make a factor approximate: «почти вдвое», «более чем в два раза»
APPROXIMATE = re.compile(
    r"(?:почти|примерно|около|порядка|приблизительно|чуть|более\s+чем|менее\s+чем|свыше)\s+$", re.IGNORECASE
)


def _times(t: re.Match) -> Decimal:
    """The factor a match of ``TIMES`` names: «в два раза», «в 2,5 раза», «вдвое»."""
    word = (t.group("word") or t.group("adv") or "").lower()
    return _TIMES_WORDS[word] if word else number(t.group("num"))


def factor_of(words: str) -> Decimal | None:
    """The factor a change's words name exactly («урезан в три раза», «вдвое»), or None (none, or an approximate one:
    «почти вдвое», «более чем в два раза»)."""
    t = TIMES.search(words)
    if t is None or APPROXIMATE.search(words[max(0, t.start() - 25) : t.start()]):
        return None
    return _times(t)


def _by_factor(text: str, m: re.Match, cur: str, to: Decimal) -> Decimal | None:
    """'в марте решили направить 20 млрд рублей … размер господдержки урезан в два раза — до 10 млрд рублей': a change
    by a factor starts from the amount the text named before it that the factor gives exactly."""
    t = TIMES.search(m.group())
    if t is None:
        return None
    factor = _times(t)
    if factor <= 1:
        return None
    old = to * factor if FALL.match(m.group()) else to / factor
    found = [a.value for a in amounts(text[: m.start()]) if a.currency == cur and a.value_max is None]
    return old if old in found else None


def _gapped_unit(text: str, pos: int, out: list[Change]) -> str | None:
    """'коэффициент поднимут с 6,3 до 8,51, а для самосвалов старше трех лет - с 13,57 до 19': a «с X до Y» after a
    dash, its verb left out, is a change of the same kind as the change before it in the sentence (its unit, no
    currency)."""
    if not re.search(r"\s[-–—]\s*$", text[max(0, pos - 4) : pos]):
        return None
    before = [c for c in out if c.end <= pos and not re.search(r"[.;!?\n]", text[c.end : pos])]
    last = max(before, key=lambda c: c.end, default=None)
    return last.unit if last is not None and last.currency is None else None


#: a count's subject before a change 'до N' without a unit
COUNT = re.compile(r"(?<![\w-])(?:числ|количеств)(?:о|а)\b", re.IGNORECASE)


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in ".;!?\n") + 1


def _sentence_begin(text: str, pos: int) -> int:
    """The start of the sentence holding ``pos`` by the sentence splitter (which knows abbreviations' dots: «руб.»),
    else by punctuation."""
    return next((s for s, e in nlp.sentence_bounds(text) if s <= pos < e), _sentence_start(text, pos))


def _clause(text: str, pos: int) -> str:
    return text[max([text.rfind(c, 0, pos) + 1 for c in (".", ";", "\n", ":", "!", "?", ",")] + [pos - 200]) : pos]


def _earlier_in_sentence(text: str, pos: int, cur: str | None) -> Decimal | None:
    """'инвестиции оценивались в 1,1 млрд рублей, но … их уменьшили до 940 млн': the one amount of
    the currency earlier in the sentence (not a step «на X») is the old value."""
    start = _sentence_start(text, pos)
    sentence = text[start:pos]
    found = [
        a
        for a in amounts(sentence)
        if a.currency == cur and a.value_max is None and not re.search(r"(?<![\w-])на\s+$", sentence[: a.start])
    ]  # 'на 800 млн рублей, доведя его до 8 млрд' is a step, not the old value
    return found[0].value if len(found) == 1 and cur is not None else None


def _one_measure(groups: dict) -> bool:
    """Two values, «1» and «2», of one parameter: one currency (each value with a currency or a unit word, no
    measure), or one measure (percent, years …) on both and no currency."""
    c1, c2 = currency(groups.get("cur1")), currency(groups.get("cur2"))
    d1, d2 = dimension(groups.get("dim1")), dimension(groups.get("dim2"))
    if c1 or c2:
        return (
            not (c1 and c2 and c1 != c2)
            and d1 is None
            and d2 is None
            and bool(c1 or groups.get("unit1"))
            and bool(c2 or groups.get("unit2"))
        )
    return d1 is not None and d1 == d2


def _said_before(text: str, pos: int, cur: str | None, to: Decimal) -> Decimal | None:
    """'В 2023 году объем выплат составлял 800 млн рублей. В 2024 году его увеличили до 1,2 млрд': a pronoun's
    change takes the one amount of its currency in the sentence right before, in the same paragraph, when that
    sentence names no change."""
    if cur is None:
        return None
    bounds = sentences(text)
    i = next((k for k, (s, e) in enumerate(bounds) if s <= pos < e), None)
    if (
        not i
        or "\n" in text[bounds[i - 1][1] : pos].strip(" \t")
        or "\n" in text[bounds[i - 1][0] : bounds[i - 1][1]].strip()
    ):
        return None
    sentence = text[bounds[i - 1][0] : bounds[i - 1][1]]
    if CHANGE_VERB.search(sentence):
        return None
    found = [a.value for a in amounts(sentence) if a.currency == cur and a.value_max is None]
    return found[0] if len(found) == 1 and found[0] != to else None


def _counted(text: str, m: re.Match, groups: dict) -> bool:
    """A bare «с X до Y» right after a verb of change, neither value a year: a count that changed."""
    if groups.get("unit1") or groups.get("unit2"):
        return False
    if not (groups["num1"] or "")[:1].isdigit() and not _counted_noun(text, m.end()):
        return False  # 'с пяти до трёх размеров субсидии': words for numbers, a counted noun after
    if all(1900 <= number(groups[g]) <= 2100 for g in ("num1", "num2")):
        return False
    return bool(CHANGE_VERB.fullmatch(" ".join(text[max(0, m.start() - 30) : m.start()].split()[-1:])))


def _subject(text: str, pos: int) -> str | None:
    """The measure noun phrase of the clause before ``pos`` ('капитал Фонда развития промышленности
    края'), in the nominative."""
    clause_start = max([text.rfind(c, 0, pos) + 1 for c in (".", ";", "\n", ":", "!", "?")] + [pos - 200])
    left = text[clause_start:pos]
    found = measure_phrase(left)
    return _nominative(left[found[0] : found[1]]) if found else None


def merge_repeated(changes: list[Change], secondary=lambda start: False) -> list[Change]:
    """One change said twice in an article (the headline and the body) is one change; the body's
    words carry it (``secondary``: positions in the headline or the lead); a rise «до Y» with no old value
    is the one change to Y the article gives with its old value."""
    out: dict[tuple, Change] = {}
    for c in sorted(changes, key=lambda c: (secondary(c.start), c.start)):
        key = (c.from_value, c.to_value, c.currency, c.unit)
        if key in out:
            out[key].also += ((c.start, c.end),)
        else:
            out[key] = c
    for key, c in list(out.items()):  # 'снизилась до 37%' (headline), then 'уменьшилась с 54% до 37%': the same
        fuller = [d for d in out.values() if d.from_value is not None and (d.to_value, d.currency, d.unit) == key[1:]]
        if key[0] is None and len(fuller) == 1:
            fuller[0].also += ((c.start, c.end), *c.also)
            del out[key]
    return sorted(out.values(), key=lambda c: c.start)
