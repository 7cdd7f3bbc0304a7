"""References to legal acts by number: 'постановлений №719 и №1649' -> two acts."""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = {
    "постановлени": ("Постановление", "Resolution", "resolution"),
    "распоряжени": ("Распоряжение", "Order", "order"),
    "указ": ("Указ", "Decree", "decree"),
    "приказ": ("Приказ", "Order", "order"),
    "федеральн": ("Федеральный закон", "Federal Law", "federal-law"),
    "закон": ("Закон", "Law", "law"),
}
NO = r"№\s*(\d+[\w\-]*)"
ACT = re.compile(rf"\b(постановлени|распоряжени|указ|приказ|федеральн\w*\s+закон|закон)\w*"
                 rf"([^№.\n]{{0,60}}?)(?P<nums>{NO}(?:\s*(?:,|и)\s*{NO})*)", re.IGNORECASE)


@dataclass(frozen=True)
class ActRef:
    kind_ru: str
    kind_en: str
    kind_slug: str
    number: str
    start: int  # the '№719' mention
    end: int
    phrase_start: int  # the whole phrase 'постановлений №719 и №1649'
    phrase_end: int


def legal_acts(text: str) -> list[ActRef]:
    out = []
    for m in ACT.finditer(text):
        word = m.group(1).lower()
        kind = next(v for k, v in KINDS.items() if word.startswith(k))
        base = m.start("nums")
        for n in re.finditer(NO, m.group("nums")):
            out.append(ActRef(*kind, n.group(1), base + n.start(), base + n.end(), m.start(), m.end()))
    return out
