"""Russian -> Latin transliteration (BGN/PCGN-like, as the seed data writes names) and IRI slugs; the one
table of letters, also used by search (Latin queries find Cyrillic labels)."""

from __future__ import annotations

import re

CYR2LAT = {  # one Cyrillic letter -> its Latin letters (lower case)
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
_ENDING = re.compile(r"[иы]й\b", re.IGNORECASE)


def translit(text: str) -> str:
    """'Александр Козловский' -> 'Aleksandr Kozlovsky' (word-final -ий/-ый -> -y)."""
    text = _ENDING.sub(lambda m: "Ы" if m.group()[0].isupper() else "ы", text)
    out = []
    for ch in text:
        low = ch.lower()
        if low in CYR2LAT:
            lat = CYR2LAT[low]
            out.append(lat.capitalize() if ch != low else lat)
        else:
            out.append(ch)
    return "".join(out)


def slugify(text: str, max_words: int = 8) -> str:
    """Readable lower-case ASCII slug: transliterated words joined by '-'."""
    parts = re.findall(r"[a-z0-9]+", translit(text).lower())[:max_words]
    return "-".join(parts) or "item"
