"""Money amounts and changes, including the abbreviated forms natasha's money extractor misses:
'с 2 млрд до 500 млн рублей' -> 2 000 000 000 -> 500 000 000 RUB."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

NUM = r"\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?"
UNIT = r"(?:трлн|млрд|млн|тыс)\.?|(?:триллион|миллиард|миллион|тысяч)\w*"
CUR = r"(?:рубл[а-яё]*|руб\.?|₽|доллар[а-яё]*|долл\.?|\$|евро|€)"
MULTIPLIERS = {"трлн": 10**12, "трил": 10**12, "млрд": 10**9, "милл": 10**9, "млн": 10**6, "мил": 10**6,
               "тыс": 10**3}


def _amount(tag: str) -> str:
    return rf"(?P<num{tag}>{NUM})(?:\s*(?P<unit{tag}>{UNIT}))?(?:\s*(?P<cur{tag}>{CUR}))?"


AMOUNT = re.compile(rf"(?<![\w.]){_amount('')}(?![\w])", re.IGNORECASE)
CHANGE = re.compile(rf"\bс\s+{_amount('1')}\s+до\s+{_amount('2')}", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Change:
    from_value: Decimal
    to_value: Decimal
    currency: str
    start: int
    end: int
    text: str


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


def currency(cur: str | None) -> str | None:
    if not cur:
        return None
    c = cur.lower()
    if c.startswith("руб") or c == "₽":
        return "RUB"
    if c.startswith("долл") or c == "$":
        return "USD"
    if c in ("евро", "€"):
        return "EUR"
    return None


def number(text: str) -> Decimal:
    return Decimal(re.sub(r"[ \u00a0]", "", text).replace(",", "."))


def value(num: str, unit: str | None) -> Decimal:
    v = number(num) * multiplier(unit)
    return v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize()


def amounts(text: str) -> list[Amount]:
    """Amounts with a currency ('500 млн рублей', '1,5 трлн руб.'); bare numbers are ignored."""
    out = []
    for m in AMOUNT.finditer(text):
        cur = currency(m.group("cur"))
        if cur is None:
            continue
        end = m.end()
        out.append(Amount(value(m.group("num"), m.group("unit")), cur, m.start(), end, text[m.start():end]))
    return out


def changes(text: str) -> list[Change]:
    """'с X до Y <currency>': the unit and currency of Y apply to X when X has none."""
    out = []
    for m in CHANGE.finditer(text):
        cur = currency(m.group("cur2")) or currency(m.group("cur1"))
        if cur is None:
            continue  # percentages, years, counts: not money
        unit1 = m.group("unit1") or m.group("unit2")
        frm = value(m.group("num1"), unit1)
        to = value(m.group("num2"), m.group("unit2"))
        out.append(Change(frm, to, cur, m.start(), m.end(), text[m.start():m.end()]))
    return out
