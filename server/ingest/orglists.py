"""Plain lists of names around an organisation: «в том числе КМПО, ICL, Таткран, Университет Иннополис и
КФУ», «Уральский оптико-механический завод, Cybersteel, "УралХимСервис" и другие». A name in the list of
an organisation the rules already found is one too, when it is written as a name (an abbreviation, a
Latin name, a quoted name or one capitalised word) and is no place or person."""

from __future__ import annotations

import re

from server.ingest import nlp, regions
from server.ingest.entities import Mention

#: a name written as one: quoted, an abbreviation, a Latin name (two words at most), one capitalised word
NAME = r"«[^«»\n]{2,40}»|\"[^\"\n]{2,40}\"|[A-Z][\w&-]*(?: [A-Z][\w&-]*)?|[А-ЯЁ][А-ЯЁа-яё0-9-]+"
LINK = r"\s*,\s*|\s+и\s+|\s+а\s+также\s+"
AFTER = re.compile(rf"({LINK})({NAME})(?=\s*[,.;:)]|\s+и\s|\s+а\s+также\s|\s*$)")
BEFORE = re.compile(rf"(?<![\w«\"-])({NAME})({LINK})$")
#: a company's kind and an opening quote its mention may leave out: 'Группа "Мечел"', 'Корпорация «Роснано»', '«Уральский …»'
KIND_OPEN = re.compile(
    r"(?:(?:[Гг]руппа(?:\s+компаний)?|[Кк]орпорация|[Кк]онцерн|[Хх]олдинг|ГК|[ПОЗ]?АО|ООО)\s+)?[«\"]?"
)
#: the list goes on unnamed: «… и другие», «… и др.»
OTHERS = re.compile(r"\s+и\s+(?:другие|других|др\.)")


def _quote_at(text: str, pos: int, quotes: str) -> int:
    """1 when a quote of ``quotes`` stands at ``pos``, else 0."""
    return int(pos < len(text) and text[pos] in quotes)


def _link_and(link: str) -> bool:
    return link.strip() != ","


def _a_name(text: str, start: int, end: int, persons: list[tuple[int, int]]) -> bool:
    word = text[start:end]
    if word[0] in '«"' or re.fullmatch(r"[A-Z][\w&-]*(?: [A-Z][\w&-]*)?", word):
        return True
    if any(s < end and start < e for s, e in persons) or regions.find(word):
        return False
    if re.search(r"-\d", word):  # 'ПМЭФ-2023', 'МС-21': an event or a product by its number
        return False
    if re.fullmatch(r"[А-ЯЁ0-9-]{2,8}", word):  # an abbreviation
        return True
    if any("Orgn" in p.tag for p in nlp.parse(word.lower())):  # 'Уралтрансмаш': a company the dictionary knows
        return True
    # one capitalised word the dictionary does not know as a common word ('Таткран', 'Уралвагонзавод')
    return not any(p.tag.POS in ("NOUN", "ADJF", "VERB", "ADVB") and p.is_known for p in nlp.parse(word.lower()))


#: a brand-like name in Latin letters: 'Fplus', 'Yadro', 'GS Group'
LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9&.+-]{2,}(?:\s[A-ZА-Я][A-Za-z0-9&.+-]+)?")


def listed_names(
    text: str, orgs: list[tuple[int, int]], persons: list[tuple[int, int]], claimed: list[tuple[int, int]]
) -> list[Mention]:
    """The names in a list with an organisation ``orgs`` names (three names at least, «и» or «и другие»
    closing it) that no rule claimed yet."""
    at = dict(orgs)
    found: dict[int, Mention] = {}
    for start, end in sorted(orgs):
        items: list[tuple[int, int]] = [(start, end)]
        links: list[str] = []
        pos = end
        while True:  # forward: ', X', ' и X', or the next organisation
            m = AFTER.match(text, pos)
            nxt = re.match(LINK, text[pos:])
            # the next organisation, perhaps after a kind and in quotes its mention leaves out ('«Уральский завод …»')
            opening = KIND_OPEN.match(text, pos + nxt.end()) if nxt is not None else None
            nxt_at = None if nxt is None else pos + nxt.end()
            if nxt_at not in at and opening is not None:  # 'Группа "Мечел"': the mention after its kind and quote
                nxt_at = opening.end()
            if nxt is not None and nxt_at in at:
                links.append(nxt.group())
                items.append((nxt_at, at[nxt_at]))
                pos = items[-1][1] + _quote_at(text, items[-1][1], '»"')
                continue
            if m is None:
                break
            links.append(m.group(1))
            items.append((m.start(2), m.end(2)))
            pos = m.end(2)
        back = start
        while (m := BEFORE.search(text[max(0, back - 60) : back])) is not None:  # backward: 'X, ' before it
            links.append(m.group(2))
            items.insert(0, (back - len(m.group()), back - len(m.group(2))))
            back = items[0][0]
        closed = any(_link_and(x) for x in links) or re.match(rf"{OTHERS.pattern}|\s+и\s", text[pos:]) is not None
        latin_pair = (
            len(items) == 2
            and _link_and(links[0])
            and all(LATIN_NAME.fullmatch(text[s:e]) for s, e in items if s not in at)
        )  # 'поддержали GS Group и Fplus': a name in Latin letters joined to an organisation is one too
        if (len(items) < 3 and not latin_pair) or not closed:
            continue
        for s, e in items:
            if s in at or any(s < ce and cs < e for cs, ce in claimed) or not _a_name(text, s, e, persons):
                continue
            found.setdefault(s, Mention(s, e, text[s:e]))
    return list(found.values())
