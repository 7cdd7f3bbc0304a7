"""Regions (constituent entities of the Russian Federation) named in a text: «Свердловской области»,
«Краснодарского края», «Республики Татарстан», «Татарстана», «Кубани», «Подмосковья». Oblasts, krais and
autonomous okrugs are found by their shape (an adjective before «область», «край», «автономный
округ»); republics and the usual short names by the table below (general knowledge, not a list
built from any text); «РБ», «РТ» in a text naming one republic of that initial is that republic, «СК», «ПК»
in one naming one krai of that initial that krai. A region is a place, never an organisation; it is what a governor's or a
regional minister's post is in, and regional bodies are named after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from server.ingest import nlp
from server.ingest.inflect import inflect_phrase

# (official name, short names): republics, federal cities and the common short names of others
TABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Республика Адыгея", ("Адыгея",)),
    ("Республика Алтай", ()),
    ("Республика Башкортостан", ("Башкортостан", "Башкирия")),
    ("Республика Бурятия", ("Бурятия",)),
    ("Республика Дагестан", ("Дагестан",)),
    ("Республика Ингушетия", ("Ингушетия",)),
    ("Кабардино-Балкарская Республика", ("Кабардино-Балкария", "КБР")),
    ("Республика Калмыкия", ("Калмыкия",)),
    ("Карачаево-Черкесская Республика", ("Карачаево-Черкесия", "КЧР")),
    ("Республика Карелия", ("Карелия",)),
    ("Республика Коми", ("Коми",)),
    ("Республика Крым", ("Крым",)),
    ("Республика Марий Эл", ("Марий Эл",)),
    ("Республика Мордовия", ("Мордовия",)),
    ("Республика Саха (Якутия)", ("Якутия", "Республика Саха")),
    ("Республика Северная Осетия — Алания", ("Северная Осетия",)),
    ("Республика Татарстан", ("Татарстан",)),
    ("Республика Тыва", ("Тыва", "Тува")),
    ("Удмуртская Республика", ("Удмуртия",)),
    ("Республика Хакасия", ("Хакасия",)),
    ("Чеченская Республика", ("Чечня",)),
    ("Чувашская Республика", ("Чувашия",)),
    ("Донецкая Народная Республика", ("ДНР",)),
    ("Луганская Народная Республика", ("ЛНР",)),
    ("Москва", ()),
    ("Санкт-Петербург", ("Петербург",)),
    ("Севастополь", ()),
    ("Краснодарский край", ("Кубань",)),
    ("Ставропольский край", ("Ставрополье",)),
    ("Приморский край", ("Приморье",)),
    ("Забайкальский край", ("Забайкалье",)),
    ("Пермский край", ("Прикамье",)),
    ("Московская область", ("Подмосковье",)),
    ("Кемеровская область", ("Кузбасс",)),
    ("Ленинградская область", ("Ленобласть",)),
    ("Ханты-Мансийский автономный округ — Югра", ("Югра", "Ханты-Мансийский автономный округ", "ХМАО", "ХМАО-Югра")),
    ("Ямало-Ненецкий автономный округ", ("Ямал", "ЯНАО")),
    # the usual by-names of oblasts and krais in the press
    ("Челябинская область", ("Южный Урал",)),
    ("Свердловская область", ("Средний Урал",)),
    ("Курганская область", ("Зауралье",)),
    ("Оренбургская область", ("Оренбуржье",)),
    ("Иркутская область", ("Приангарье",)),
    ("Амурская область", ("Приамурье",)),
    ("Архангельская область", ("Поморье",)),
    ("Чукотский автономный округ", ("Чукотка",)),
    ("Еврейская автономная область", ("ЕАО",)),
    ("Камчатский край", ("Камчатка",)),
    ("Белгородская область", ("Белгородчина", "Белогорье")),
    ("Брянская область", ("Брянщина",)),
    ("Смоленская область", ("Смоленщина",)),
    ("Тамбовская область", ("Тамбовщина",)),
    ("Рязанская область", ("Рязанщина",)),
    ("Вологодская область", ("Вологодчина",)),
    ("Новгородская область", ("Новгородчина",)),
    ("Псковская область", ("Псковщина",)),
    ("Нижегородская область", ("Нижегородчина",)),
    ("Тюменская область", ("Тюменщина",)),
)
#: a region's label -> its usual short and informal names
SHORT_NAMES: dict[str, tuple[str, ...]] = dict(TABLE)
SHAPE = re.compile(
    r"\b([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ая|ой|ую|ою|ий|ого|ому|ом|ем|ый)\s+"
    r"(?:област(?:ью|ей|ь|и)|кра(?:ем|й|я|ю|е)|автономн\w+\s+округ\w*|автономн\w+\s+област\w+))"
)
CITIES = {"Москва", "Санкт-Петербург", "Севастополь"}
#: the federal districts: abbreviation -> adjective of «федеральный округ»
FEDERAL_DISTRICTS = {
    "ЦФО": "Центральный",
    "СЗФО": "Северо-Западный",
    "ЮФО": "Южный",
    "СКФО": "Северо-Кавказский",
    "ПФО": "Приволжский",
    "УрФО": "Уральский",
    "СФО": "Сибирский",
    "ДФО": "Дальневосточный",
}


def federal_district(text: str) -> tuple[str, int] | None:
    """A federal district at the start of ``text`` («УрФО», «Дальневосточном федеральном округе»):
    (its adjective, the end of its words)."""
    for abbr, adj in FEDERAL_DISTRICTS.items():
        m = re.match(rf"{abbr}\b|{adj[:-2]}\w{{1,3}}\s+федеральн\w+\s+округ\w*", text)
        if m:
            return adj, m.end()
    return None


@dataclass(frozen=True)
class Region:
    label: str  # nominative, official
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return self.label

    @property
    def is_city(self) -> bool:
        return self.label in CITIES


@lru_cache(maxsize=1)
def _entries() -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for label, short in TABLE:
        for name in (label, *short):
            out[nlp.lemma_key(name)] = label
    return out


def _inflect(words: list[str], case: str) -> str:
    """Adjectives + head noun in ``case``, singular, agreeing with the head; capitals kept per part."""
    head = next(p for p in nlp.parse(words[-1].lower()) if p.tag.POS == "NOUN")
    gender = head.normalized.tag.gender
    out = []
    for w in words[:-1]:
        p = next((p for p in nlp.parse(w.lower()) if p.tag.POS == "ADJF"), None)
        f = p.inflect({case, "sing", gender}) if p is not None else None
        out.append(_caps(w, f.word if f else w.lower()))
    f = head.inflect({case, "sing"})
    out.append(_caps(words[-1], f.word if f else words[-1].lower()))
    return " ".join(out)


def _caps(src: str, word: str) -> str:
    parts, srcs = word.split("-"), src.split("-")
    return "-".join(
        p[:1].upper() + p[1:] if i < len(srcs) and srcs[i][:1].isupper() else p for i, p in enumerate(parts)
    )


def _nominative(phrase: str) -> str:
    return _inflect(phrase.split(), "nomn")


def genitive(label: str) -> str:
    words = label.split(" ")
    if words[0] == "Республика":
        return "Республики " + " ".join(words[1:])
    if label in CITIES or len(words) == 1:
        head, _, last = label.rpartition("-")  # 'Санкт-Петербурга': only the last part declines
        return head + "-" * bool(head) + inflect_phrase(last, "gent")
    if "—" in label:
        label = label.split(" — ")[0]
        words = label.split(" ")
    return _inflect(words, "gent")


#: a Latin «Z» inside a Russian word, as the Kemerovo region styles its name («КуZбасс»)
STYLED_Z = re.compile(r"(?<=[А-ЯЁа-яё])[Zz](?=[а-яё])")


@lru_cache(maxsize=8)
def find(text: str) -> tuple[Region, ...]:
    """Every region mention, longest first where they overlap, in text order."""

    toks = nlp.words(text)
    lemmas = [nlp.lemma(STYLED_Z.sub("з", w)) for w, _, _ in toks]  # 'КуZбасса': the region's brand, «Кузбасса»
    entries = _entries()
    longest = max(len(k) for k in entries)
    found: list[Region] = []
    taken: set[int] = set()
    for m in SHAPE.finditer(text):
        label = _nominative(m.group(1))
        label = entries.get(nlp.lemma_key(label), label)
        found.append(Region(label, m.start(1), m.end(1), m.group(1)))
        taken |= set(range(m.start(1), m.end(1)))
    i = 0
    while i < len(toks):
        hit = None
        for n in range(min(longest, len(toks) - i), 0, -1):
            key = tuple(lemmas[i : i + n])
            # 'республики Дагестан' in lower case: the republic's word, then its capitalised name
            lower_republic = n > 1 and toks[i][0].startswith("республик") and toks[i + 1][0][:1].isupper()
            if key in entries and (toks[i][0][:1].isupper() or lower_republic):
                hit = (n, entries[key])
                break
        kind = toks[i + 1][0] if hit is None and i + 1 < len(toks) else ""
        if kind in ("края", "области") and re.fullmatch(r"[А-ЯЁ][а-яё]+ска", toks[i][0]):
            # 'Красноярска края': the capital's name in the genitive for the region's adjective, misprinted
            hit = (2, _nominative(f"{toks[i][0][:-1]}{'ого' if kind == 'края' else 'ой'} {kind}"))
        if hit:
            n, label = hit
            s, e = toks[i][1], toks[i + n - 1][2]
            if not taken & set(range(s, e)):
                found.append(Region(label, s, e, text[s:e]))
            i += n
        else:
            i += 1
    # 'РБ' in an article about Bashkortostan, 'СК' in one about the Stavropol krai
    for m in re.finditer(r"(?<![\w-])(?:Р(?P<rep>[А-ЯЁ])|(?P<krai>[А-ЯЁ])К)(?![\w-])(?!\s*[«\"])", text):
        named = {
            r.label
            for r in found
            if (m.group("rep") and r.label.startswith(f"Республика {m.group('rep')}"))
            or (m.group("krai") and r.label.startswith(m.group("krai")) and r.label.endswith(" край"))
        }
        if len(named) == 1:
            found.append(Region(named.pop(), m.start(), m.end(), m.group()))
    return tuple(sorted(found, key=lambda r: r.start))


#: the kind of region a bare word names: «республики» a republic, «области» an oblast, «края» a krai
ANAPHORA_KINDS = (("республик", "республик"), ("област", "област"), ("кра", "край"))


def resolve_anaphora(text: str, pos: int) -> Region | None:
    """The region a bare «региона»/«области»/«республики» at ``pos`` refers to: the last region (not a
    federal city) of that kind named before it, else the last of any kind, else the first named after it."""
    regions = [r for r in find(text) if not r.is_city]
    before = [r for r in regions if r.end <= pos]
    word = text[pos : pos + 10].lower()
    kind = next((k for w, k in ANAPHORA_KINDS if word.startswith(w)), None)
    of_kind = [r for r in before if kind is not None and kind in r.label.lower()]
    if of_kind:  # 'глава республики' after a republic and then an oblast: the republic
        return of_kind[-1]
    if before:
        return before[-1]
    if regions:
        return regions[0]
    named = _named_by_adjective(text)
    # «области», «облправительства», «облдумы», «областного кабмина»: an oblast's
    oblast = text[pos : pos + 3].lower() == "обл" or re.search(r"(?i)областн\w*\s+$", text[max(0, pos - 25) : pos])
    if named is None:  # a bare «региона» too, but for «московский», which may be the city's
        named = _oblast_by_adjective(text)
        named = named if oblast or (named is not None and named.label != "Московская область") else None
    return named


def _named_by_adjective(text: str) -> Region | None:
    """The region an article names only by its adjective («Забайкальским предприятиям возместят …»,
    «Кузбасские заводы»): the first capitalised adjective that begins a region's name in the table."""
    for m in re.finditer(
        r"(?<![\w-])[А-ЯЁ][а-яё]{3,}(?:ий|ый|ой|ая|ое|ие|ые|ого|ому|ым|им|ом|ем|ей|ую|их|ых|ыми|ими)(?![\w-])", text
    ):
        found = by_adjective(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        if found is not None and found.label in SHORT_NAMES:
            return found
    return None


#: the oblasts of Russia, by name (a lower-case adjective composes an oblast only when it is one of these)
OBLASTS = frozenset(
    f"{adj} область"
    for adj in (
        "Амурская",
        "Архангельская",
        "Астраханская",
        "Белгородская",
        "Брянская",
        "Владимирская",
        "Волгоградская",
        "Вологодская",
        "Воронежская",
        "Запорожская",
        "Ивановская",
        "Иркутская",
        "Калининградская",
        "Калужская",
        "Кемеровская",
        "Кировская",
        "Костромская",
        "Курганская",
        "Курская",
        "Ленинградская",
        "Липецкая",
        "Магаданская",
        "Московская",
        "Мурманская",
        "Нижегородская",
        "Новгородская",
        "Новосибирская",
        "Омская",
        "Оренбургская",
        "Орловская",
        "Пензенская",
        "Псковская",
        "Ростовская",
        "Рязанская",
        "Самарская",
        "Саратовская",
        "Сахалинская",
        "Свердловская",
        "Смоленская",
        "Тамбовская",
        "Тверская",
        "Томская",
        "Тульская",
        "Тюменская",
        "Ульяновская",
        "Херсонская",
        "Челябинская",
        "Ярославская",
    )
)


def _oblast_by_adjective(text: str) -> Region | None:
    """The oblast an article names only by a lower-case adjective, for a bare «области» ('в воронежском
    облправительстве … в правительстве области'): the first such adjective that makes an oblast of the table."""
    for m in re.finditer(r"(?<![\w-])[а-яё]{3,}(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)(?![\w-])", text):
        label = of_adjective(m.group().capitalize(), text, oblast=True)
        if label in OBLASTS:
            return Region(label, m.start(), m.end(), m.group())
    return None


def by_adjective(text: str, pos: int) -> Region | None:
    """The region whose adjective stands right before ``pos`` («Запорожский фонд …», «Ставропольскому
    Фонду …»): a region the article names, or one of the table, whose name starts with that adjective."""
    m = re.search(r"(?<![\w-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+$", text[max(0, pos - 40) : pos])
    if m is None:
        return None
    lemmas = {p.normal_form for p in nlp.parse(m.group(1).lower()) if p.tag.POS == "ADJF"}
    if not lemmas:
        return None
    start = pos - len(m.group())
    if PLACE_PREPOSITION.search(text[max(0, start - 8) : start]) and any(
        "Geox" in p.tag and p.tag.POS == "NOUN" for p in nlp.parse(m.group(1))
    ):
        return None  # 'Под Брянском Газпром …': a town after its preposition, no adjective
    label = _starting_with(lemmas, text) or next((CITY_ADJECTIVES[x] for x in lemmas if x in CITY_ADJECTIVES), None)
    return Region(label, start, pos, text[start:pos]) if label else None


#: a preposition of place before a town's name
PLACE_PREPOSITION = re.compile(r"(?<![\w-])(?:под|над|за|перед|в|во|на|из|от|до|у|около|при)\s+$", re.IGNORECASE)


def _starting_with(lemmas: set[str], text: str) -> str | None:
    """The region the article names, or else one of the table, whose name starts with an adjective of
    ``lemmas`` (its dictionary forms)."""
    for label in [*(r.label for r in find(text) if not r.is_city), *SHORT_NAMES]:
        first = label.split()[0].lower()
        if any(p.normal_form in lemmas for p in nlp.parse(first) if p.tag.POS == "ADJF"):
            return label
    return None


#: the adjectives of the federal cities that name no oblast ('Петербургский фонд …'; «московский» is the oblast's too)
CITY_ADJECTIVES = {"петербургский": "Санкт-Петербург", "севастопольский": "Севастополь"}


#: a region's legislature by its own name where it is no «Законодательное Собрание» of the region (general knowledge)
LEGISLATURES: dict[str, str] = {
    "Республика Адыгея": "Государственный Совет — Хасэ Республики Адыгея",
    "Республика Алтай": "Государственное Собрание — Эл Курултай Республики Алтай",
    "Республика Башкортостан": "Государственное Собрание — Курултай Республики Башкортостан",
    "Республика Бурятия": "Народный Хурал Республики Бурятия",
    "Республика Дагестан": "Народное Собрание Республики Дагестан",
    "Республика Ингушетия": "Народное Собрание Республики Ингушетия",
    "Кабардино-Балкарская Республика": "Парламент Кабардино-Балкарской Республики",
    "Республика Калмыкия": "Народный Хурал Республики Калмыкия",
    "Карачаево-Черкесская Республика": "Народное Собрание Карачаево-Черкесской Республики",
    "Республика Коми": "Государственный Совет Республики Коми",
    "Республика Крым": "Государственный Совет Республики Крым",
    "Республика Марий Эл": "Государственное Собрание Республики Марий Эл",
    "Республика Мордовия": "Государственное Собрание Республики Мордовия",
    "Республика Саха (Якутия)": "Государственное Собрание (Ил Тумэн) Республики Саха (Якутия)",
    "Республика Северная Осетия — Алания": "Парламент Республики Северная Осетия — Алания",
    "Республика Татарстан": "Государственный Совет Республики Татарстан",
    "Республика Тыва": "Верховный Хурал Республики Тыва",
    "Удмуртская Республика": "Государственный Совет Удмуртской Республики",
    "Республика Хакасия": "Верховный Совет Республики Хакасия",
    "Чеченская Республика": "Парламент Чеченской Республики",
    "Чувашская Республика": "Государственный Совет Чувашской Республики",
    "Донецкая Народная Республика": "Народный Совет Донецкой Народной Республики",
    "Луганская Народная Республика": "Народный Совет Луганской Народной Республики",
    "Москва": "Московская городская Дума",
    "Севастополь": "Законодательное Собрание города Севастополя",
    "Ханты-Мансийский автономный округ — Югра": "Дума Ханты-Мансийского автономного округа — Югры",
    "Чукотский автономный округ": "Дума Чукотского автономного округа",
    "Ненецкий автономный округ": "Собрание депутатов Ненецкого автономного округа",
    "Ставропольский край": "Дума Ставропольского края",
    "Хабаровский край": "Законодательная Дума Хабаровского края",
    "Алтайский край": "Алтайское краевое Законодательное Собрание",
    "Астраханская область": "Дума Астраханской области",
    "Томская область": "Законодательная Дума Томской области",
    "Самарская область": "Самарская Губернская Дума",
    "Архангельская область": "Архангельское областное Собрание депутатов",
    "Псковская область": "Псковское областное Собрание депутатов",
    "Липецкая область": "Липецкий областной Совет депутатов",
    "Орловская область": "Орловский областной Совет народных депутатов",
}
#: the oblasts whose legislature is the «областная Дума»
OBLAST_DUMAS = frozenset(
    f"{adj} область"
    for adj in (
        "Белгородская", "Брянская", "Волгоградская", "Воронежская", "Ивановская", "Калининградская", "Костромская",
        "Курганская", "Курская", "Магаданская", "Московская", "Мурманская", "Новгородская", "Рязанская",
        "Саратовская", "Сахалинская", "Смоленская", "Тамбовская", "Тульская", "Тюменская", "Ярославская",
    )
)  # fmt: skip
#: a region's adjective that is not the first word of its name: the republics' and the usual by-names'
ADJECTIVES: dict[str, str] = {
    "адыгейский": "Республика Адыгея",
    "башкирский": "Республика Башкортостан",
    "башкортостанский": "Республика Башкортостан",
    "бурятский": "Республика Бурятия",
    "дагестанский": "Республика Дагестан",
    "ингушский": "Республика Ингушетия",
    "калмыцкий": "Республика Калмыкия",
    "карельский": "Республика Карелия",
    "крымский": "Республика Крым",
    "марийский": "Республика Марий Эл",
    "мордовский": "Республика Мордовия",
    "якутский": "Республика Саха (Якутия)",
    "североосетинский": "Республика Северная Осетия — Алания",
    "татарстанский": "Республика Татарстан",
    "тувинский": "Республика Тыва",
    "удмуртский": "Удмуртская Республика",
    "хакасский": "Республика Хакасия",
    "чеченский": "Чеченская Республика",
    "чувашский": "Чувашская Республика",
}
#: the adjectives of the press's by-names of regions («донской», «кубанский»): epithets more than names
BY_NAME_ADJECTIVES: dict[str, str] = {
    "донской": "Ростовская область",
    "кубанский": "Краснодарский край",
    "подмосковный": "Московская область",
    "кузбасский": "Кемеровская область",
    "югорский": "Ханты-Мансийский автономный округ — Югра",
    "ямальский": "Ямало-Ненецкий автономный округ",
}
ADJECTIVES.update(BY_NAME_ADJECTIVES, **CITY_ADJECTIVES)


def legislature(label: str) -> str:
    """The full name of a region's legislature: its own where it has one («Государственный Совет Республики
    Татарстан», «Тамбовская областная Дума»), else the «Законодательное Собрание» of the region."""
    if label in LEGISLATURES:
        return LEGISLATURES[label]
    if label in OBLAST_DUMAS:
        return label.split()[0] + " областная Дума"
    return f"Законодательное Собрание {genitive(label)}"


def adjective_lemmas(word: str) -> set[str]:
    """An adjective's dictionary forms: the normal forms and the masculine nominative (the dictionary gives
    «донский» for «донского»)."""
    parses = [p for p in nlp.parse(word.lower()) if p.tag.POS == "ADJF"]
    masc = (p.inflect({"nomn", "sing", "masc"}) for p in parses)
    return {p.normal_form for p in parses} | {f.word for f in masc if f is not None}


def of_adjective(word: str, text: str = "", oblast: bool = False) -> str | None:
    """The region an adjective names («донского», «татарстанский», «Воронежской»): one the text names or one of
    the tables whose name it starts; with ``oblast`` (the word it goes with means an oblast's body: «облдума»),
    also any oblast of that adjective written with a capital."""
    lemmas = adjective_lemmas(word)
    hit = next((ADJECTIVES[x] for x in lemmas if x in ADJECTIVES), None)
    if hit is not None or not lemmas:
        return hit
    label = _starting_with(lemmas, text)
    if label is not None:
        return label
    if not oblast or not word[:1].isupper() or not any(x.endswith(("ский", "цкий")) for x in lemmas):
        return None
    m = SHAPE.match(word + " область")
    return _nominative(m.group(1)) if m else None


#: adjectives of regions that are not made from their names
REGION_EPITHETS = {
    "донской": "Ростовская область",
    "кубанский": "Краснодарский край",
    "подмосковный": "Московская область",
}


def adjective_before(text: str, pos: int) -> Region | None:
    """'рязанского губернатора', 'донской губернатор': the region named by the adjective right before a
    governor's post, in any case (a region of the article or of the table)."""
    m = re.search(r"(?<![\w-])([А-ЯЁа-яё][а-яё]{3,}(?:ий|ый|ой|ого|ому|ым|им|ом))\s+$", text[max(0, pos - 40) : pos])
    if m is None:
        return None
    word = m.group(1).capitalize()
    found = by_adjective(f"{word} ", len(word) + 1)
    start = pos - len(m.group())
    if found is not None:
        return Region(found.label, start, pos, text[start:pos])
    lemmas = [p.normal_form for p in nlp.parse(m.group(1).lower()) if p.tag.POS == "ADJF"]
    epithet = next((REGION_EPITHETS[x] for x in lemmas if x in REGION_EPITHETS), None)
    if epithet is not None:
        return Region(epithet, start, pos, text[start:pos])
    lemma = lemmas[0] if lemmas else ""
    if not re.search(r"[сц]к(?:ий|ой)$", lemma) or lemma in ("российский", "городской"):
        return None  # an oblast by its shape ('рязанского' → «Рязанская область»), not 'нового', 'российского'
    oblast = find(f"{lemma[:-2].capitalize()}ая область")
    return Region(oblast[0].label, start, pos, text[start:pos]) if oblast else None
