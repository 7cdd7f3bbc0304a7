"""Candidates (persons, organisations) and their mentions; nominative normalisation of noun phrases
(pymorphy3); persons from natasha's PER spans and names extractor. Organisations: ``orgs``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from server.core.translit import slugify, translit
from server.ingest import nlp, regions
from server.ingest.aliases import ALIASES, MEDIA
from server.ingest.inflect import noun_parse


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Candidate:
    kind: str  # "person" | "org"
    key: str  # identity within one article
    label_ru: str
    label_en: str
    cls: str  # ontology class local name
    slug: str
    alt_ru: list[str] = field(default_factory=list)
    alt_en: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    iri: str | None = None  # set when linked to an existing resource
    notes: list[tuple[str, str]] = field(default_factory=list)  # (ru, en) reasons for review
    names: dict[str, str] = field(default_factory=dict)  # persons: first/last/middle (ru)
    parent: str | None = None  # key of the parent organisation (regional branches)
    lemmas: tuple[str, ...] = ()
    _spans: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)

    def add(self, m: Mention) -> None:
        if len(self._spans) != len(self.mentions):
            self._spans = {(x.start, x.end) for x in self.mentions}
        if (m.start, m.end) not in self._spans:
            self._spans.add((m.start, m.end))
            self.mentions.append(m)
            if len(self.mentions) > 1 and self.mentions[-2].start > m.start:
                self.mentions.sort(key=lambda x: x.start)

    def labels_ru(self) -> list[str]:
        return [self.label_ru, *self.alt_ru]


# -- morphology helpers --------------------------------------------------------------------


def head_lemma(text: str) -> str:
    for w, _, _ in nlp.words(text):
        p = noun_parse(w)
        if p is not None and nlp.parse(w)[0].tag.POS == "NOUN":
            return p.normal_form
    return ""


# -- persons -------------------------------------------------------------------------------

# surname endings of an inflected form -> nominative ending, by the holder's gender
_MASC_ENDINGS = (
    ("ского", "ский"),
    ("цкого", "цкий"),
    ("скому", "ский"),
    ("цкому", "цкий"),
    ("ским", "ский"),
    ("цким", "цкий"),
    ("ском", "ский"),
    ("цком", "цкий"),
    ("овым", "ов"),
    ("евым", "ев"),
    ("ёвым", "ёв"),
    ("иным", "ин"),
    ("ыным", "ын"),
    ("ова", "ов"),
    ("ева", "ев"),
    ("ёва", "ёв"),
    ("ина", "ин"),
    ("ына", "ын"),
    ("ову", "ов"),
    ("еву", "ев"),
    ("ину", "ин"),
    ("ыну", "ын"),
    ("ове", "ов"),
    ("еве", "ев"),
    ("ине", "ин"),
    # 'Михаилу Юревичу', 'Егора Ковальчука': a man's surname in «-ич», «-ук», «-юк» declines like a noun
    ("ичем", "ич"),
    ("ичу", "ич"),
    ("ича", "ич"),
    ("уком", "ук"),
    ("юком", "юк"),
    ("уку", "ук"),
    ("юку", "юк"),
    ("ука", "ук"),
    ("юка", "юк"),
)
_FEMN_ENDINGS = (
    ("овой", "ова"),
    ("евой", "ева"),
    ("иной", "ина"),
    ("ыной", "ына"),
    ("ову", "ова"),
    ("еву", "ева"),
    ("ину", "ина"),
    ("ской", "ская"),
    ("цкой", "цкая"),
    ("скую", "ская"),
    ("цкую", "цкая"),
    ("ую", "ая"),  # 'Ольгу Верховую', 'Анну Мостовую': an adjective's surname, the woman's nominative in «-ая»
)


def _name_parse(first: str):
    return next((p for p in nlp.parse(first) if "Name" in p.tag), None)


def nominative_surname(surname: str, first_surface: str) -> str:
    """'Мантурова' after 'Дениса' -> 'Мантуров': the surname in the nominative of the first name's
    gender, when the first name shows the mention is not in the nominative."""
    p = _name_parse(first_surface)
    if p is None or p.tag.case == "nomn":
        return surname
    endings = _MASC_ENDINGS if p.tag.gender == "masc" else _FEMN_ENDINGS if p.tag.gender == "femn" else ()
    low = surname.lower()
    for end, nom in endings:
        if low.endswith(end):  # a surname in capitals ('ХЕРИАНОВА') keeps them ('ХЕРИАНОВ')
            return surname[: len(surname) - len(end)] + (nom.upper() if surname.isupper() else nom)
    return surname


def surname_forms(surname: str) -> set[str]:
    """Case forms of a nominative surname ('Мантуров' -> мантурова, мантурову, мантуровым, …)."""
    s = surname.lower().replace("ё", "е")
    out = {s}
    if re.search(r"(ов|ев|ин|ын)$", s):
        out |= {s + e for e in ("а", "у", "ым", "е")}
    elif re.search(r"(ова|ева|ина|ына)$", s):
        out |= {s[:-1] + e for e in ("ой", "у")}
    elif re.search(r"[сц]кий$", s):
        out |= {s[:-2] + e for e in ("ого", "ому", "им", "ом")}
    elif re.search(r"[сц]кая$", s):
        out |= {s[:-2] + e for e in ("ой", "ую")}
    elif re.search(r"(?:ой|ый)$", s):  # 'Мостовой' -> мостового, мостовому, мостовым
        out |= {s[:-2] + e for e in ("ого", "ому", "ым", "им", "ом")}
    elif re.search(r"ий$", s):  # 'Долгий', 'Крайний'
        out |= {s[:-2] + e for e in ("ого", "ому", "им", "ом", "его", "ему", "ем")}
    elif re.search(r"[^аеиоуыэюя]ая$", s):  # 'Мостовая'
        out |= {s[:-2] + e for e in ("ой", "ую")}
    elif re.search(r"[^аеиоуыэюя]а$", s):
        out |= {s[:-1] + e for e in ("ы", "и", "е", "у", "ой", "ей")}
    elif re.search(r"[^аеиоуыэюяь]я$", s):  # 'Руденя' -> рудени, руденю, руденей
        out |= {s[:-1] + e for e in ("и", "е", "ю", "ей")}
    elif re.search(r"[лнр]ь$", s):  # 'Руппель' -> руппеля, руппелю, руппелем
        out |= {s[:-1] + e for e in ("я", "ю", "ем", "е")}
    elif re.search(r"[бвгджзклмнпрстфхцчшщ]$", s):
        out |= {s + e for e in ("а", "у", "ом", "е")}
    return out


#: a statistics office by its one-word name: «Росстат», «Башстат», «Свердловскстата», «Мосгорстату»
STATISTICS_OFFICE = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]{1,20}стат)(а|у|ом|е)?(?![\w-])")

PATRONYMIC_END = re.compile(r"(?:ович|евич|овн|евн)(?:а|у|ем|ом|е|ой|ы)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _alias_words() -> frozenset[str]:
    """The alias table's one-word names of organisations ('Минцифры', 'Ростех'): never a person."""
    return frozenset(n for a in ALIASES for n in (a.ru, *a.alt_ru) if " " not in n)


@lru_cache(maxsize=1)
def _media_words() -> frozenset[str]:
    """The one-word names of news agencies and outlets, in lower case ('прайм', 'тасс')."""
    return frozenset(m.lower() for m in MEDIA if " " not in m)


def media_word(word: str) -> bool:
    """'Прайму', 'ТАСС': an agency's one-word name, in any case; never a person."""
    low = word.lower()
    stem = re.sub(r"(?:у|а|е|ом)$", "", low)  # 'Прайму': a case ending the dictionary does not know
    return (
        low in _media_words() or stem in _media_words() or any(p.normal_form in _media_words() for p in nlp.parse(low))
    )


def nominative_patronymic(word: str) -> str:
    """'Феликсовну', 'Сергеевной' -> 'Феликсовна', 'Сергеевна'; 'Ивановича' -> 'Иванович': a patronymic in an oblique
    case (which the name extractor leaves as written) in the nominative."""
    m = PATRONYMIC_END.search(word)
    if not m or re.search(r"(?:ич|на)$", word, re.IGNORECASE):
        return word
    ending = m.group(0).lower()
    nominative = ending[:4] if "ич" in ending else ending[:3] + "а"
    return word[: m.start()] + (nominative.upper() if m.group(0).isupper() else nominative)


def is_patronymic(word: str) -> bool:
    """'Владимирович' (Владимир), 'Юрьевич' (Юрий), 'Павловна' (Павел): a first name with a patronymic
    ending; not 'Дворкович' nor 'Юревич' (no 'Юр', only the plural genitive of 'Юра'), surnames of that shape."""
    m = PATRONYMIC_END.search(word)
    if not m:
        return False
    stem = word[: m.start()]
    for name in (stem, stem + "й", stem[:-1] + "ий" if stem.endswith("ь") else stem):
        if any("Name" in p.tag and p.is_known and p.normal_form == name.lower() for p in nlp.parse(name.lower())):
            return True
    # 'Павловна', 'Львович': a name whose vowel drops before the ending (Павел, Лев), known to the dictionary
    return any("Patr" in p.tag and p.is_known for p in nlp.parse(word))


def _womans_vich(sp: nlp.Span) -> bool:
    """'Олеся Ясевич': a woman's given name before a word in «-вич» (a man's patronymic, a woman's never): her
    surname."""
    parses = [p for p in nlp.parse((sp.first or "").lower()) if "Name" in p.tag]
    return bool(parses) and all(p.tag.gender == "femn" for p in parses[:1]) and (sp.last or "").lower().endswith("вич")


ROLE_WORDS = {
    "министр",
    "заместитель",
    "губернатор",
    "директор",
    "председатель",
    "президент",
    "премьер",
    "мэр",
    "глава",
}


def _vowel_ending(word: str) -> bool:
    """The word ends in a vowel: a declined ending a misprint may swap for another ('Рудени', 'Руденю')."""
    return word[-1:] in "аеиоуыэюя"


#: the oblique endings of ``_MASC_ENDINGS`` and ``_FEMN_ENDINGS`` that tell a surname's gender by themselves (a man's
#: instrumental «-ым», «-ким», a woman's «-ой»): read after initials, where no given name shows the gender
_TELLING_ENDINGS = ((_MASC_ENDINGS, ("ым", "ким")), (_FEMN_ENDINGS, ("ой",)))


def _initials_nominative(surname: str) -> str:
    """'Мишустиным' -> 'Мишустин', 'Голиковой' -> 'Голикова', 'Мединским' -> 'Мединский': a surname written after
    initials, in the nominative where its ending alone tells it."""
    low = surname.lower()
    for endings, telling in _TELLING_ENDINGS:
        for end, nominative in endings:
            if end.endswith(telling) and low.endswith(end):
                return surname[: len(surname) - len(end)] + nominative
    return surname


def _add_initials(persons: dict[str, Candidate], sp: nlp.Span) -> None:
    """'Г.А. Зюганов': the person of that surname whose first name starts with the initial; else a
    person labelled with the initials as the text gives them."""
    first, middle = (sp.first or "").rstrip("."), (sp.middle or "").rstrip(".")
    last = sp.last or sp.text.split()[-1]
    low = last.lower().replace("ё", "е")
    # 'О. Сергеева', which NER makes 'Сергеев'; 'Т.Шагивалеев', the initial glued to the surname
    written = re.split(r"[\s.]+", sp.text.strip())[-1].lower().replace("ё", "е")
    same = [
        c
        for c in persons.values()
        if c.names.get("first", "")[:1] == first and {low, written} & surname_forms(c.names.get("last", ""))
    ]
    if not same:  # 'М. Мишустн' after 'Михаил Мишустин': the surname misprinted
        same = [
            c
            for c in persons.values()
            if c.names.get("first", "")[:1] == first
            and any(nlp.one_typo(written, f) for f in surname_forms(c.names.get("last", "")))
        ]
    if len(same) == 1:
        same[0].add(Mention(sp.start, sp.end, sp.text))
        return
    last = _initials_nominative(last)  # 'М. Мишустиным': «М. Мишустин», whom a later 'М. Мишустн' finds above
    low = last.lower().replace("ё", "е")
    label = " ".join(x for x in (f"{first}.", f"{middle}." if middle else "", last) if x)
    key = f"initials {first} {low}"
    c = persons.setdefault(
        key,
        Candidate(
            "person",
            key,
            label,
            " ".join(x for x in (f"{translit(first)}.", f"{translit(middle)}." if middle else "", translit(last)) if x),
            "Person",
            slugify(f"{last} {first} {middle}"),
            names={"first": first, "last": last, **({"middle": middle} if middle else {})},
        ),
    )
    if sp.text != label and sp.text not in c.alt_ru:
        c.alt_ru.append(sp.text)
    if not c.notes:
        c.notes.append(("Только инициалы: уточнить имя.", "Initials only: check the given name."))
    c.add(Mention(sp.start, sp.end, sp.text))


def _feminine_nominative(first: str, last: str) -> bool:
    """'Марта Шипилова': a first name that can only be a nominative feminine name, with a surname that
    can be feminine nominative, is a woman's name as written (not the genitive of 'Март Шипилов')."""
    names = [p for p in nlp.parse(first) if "Name" in p.tag]
    return (
        bool(names)
        and all(p.tag.gender == "femn" and p.tag.case == "nomn" for p in names)
        and any("Surn" in p.tag and p.tag.gender == "femn" and p.tag.case == "nomn" for p in nlp.parse(last))
    )


#: a verb of speech in the feminine past, then the speaker's post in the same clause, right before the name:
#: 'рассказала замдиректора компании по развитию Саита Хошева'
SHE_SAID = re.compile(
    r"(?<![\w-])(?:рассказал|сообщил|заявил|отметил|пояснил|подчеркнул|добавил|уточнил|сказал|напомнил)а"
    r"\s+(?:[а-яё-]+\s+|[А-ЯЁ][А-ЯЁа-яё-]*\s+(?=[а-яёА-ЯЁ])){1,10}$"  # 'рассказала ТАСС начальник управления … области'
)


def _said_by_a_woman(text: str, start: int, first: str, last: str) -> bool:
    """'рассказала замдиректора … Саита Хошева': a name whose given name ends in «-а» («-я») and surname in «-ова»,
    «-ева», «-ина» after a feminine verb of speech and the speaker's post is a woman's, as written (not the genitive of
    'Саит Хошев'); so is one whose surname the text writes elsewhere in a woman's case only («Локтионовой»)."""
    return (
        first.endswith(("а", "я"))  # 'Саита', 'Евгения'
        and re.search(r"(?:ов|ев|ёв|ин|ын)а$", last) is not None
        and (
            SHE_SAID.search(text[max(0, start - 160) : start]) is not None
            # 'Евгения Локтионова …, По словам Локтионовой': the surname elsewhere in a woman's form only
            or re.search(rf"(?<![\w-]){re.escape(last[:-1])}ой(?![\w-])", text) is not None
        )
    )


NAME_PAIR = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+)\s([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")

#: a profile card: the surname alone on its line, the given name and patronymic on the next, the post after them
#: (glued on, as a page's card runs them together, or on the line below): 'Мельниченко\nОлег ВладимировичГубернатор …'
CARD_NAME = re.compile(
    r"^([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \t]*\n([А-ЯЁ][а-яё]+) ([А-ЯЁ][а-яё]+?(?:ович|евич|овна|евна|ична|инична))"
    r"(?=[А-ЯЁ][а-яё]|[ \t]*\n)",
    re.MULTILINE,
)


#: a surname's suffix (any case): 'Халилов', 'Халиловым', 'Петровская'
SURNAME_SUFFIX = re.compile(r"(?:ов|ев|ёв|ин|ын|ск|цк)(?:а|у|ым|ом|ой|е|ого|ому|ий|ая|им)?$")


def _swapped_given_name(word1: str, word2: str) -> bool:
    """The extractor read 'Низам Халилов' surname first: the second word has a surname's suffix and the first
    has none, and the dictionary knows the first as no surname (a given name it does not know, such as
    'Низам', 'Ильшат'); the name is as written, given name first."""
    return (
        SURNAME_SUFFIX.search(word2) is not None
        and SURNAME_SUFFIX.search(word1) is None
        and not any("Surn" in p.tag for p in nlp.parse(word1))
    )


def _surname_read_as_given(sp: nlp.Span) -> nlp.Span:
    """'Фоат Шамсиев': the extractor took the surname for the given name and found no surname, the given name being
    one the dictionary does not know; the two words as written, given name first."""
    toks = sp.text.split()
    if len(toks) != 2 or sp.first != toks[1] or sp.last not in (None, toks[1]) or not _swapped_given_name(*toks):
        return sp
    return nlp.Span(sp.type, sp.start, sp.end, sp.text, sp.text, toks[0], toks[1], None)


def split_glued_names(text: str, spans: list[nlp.Span]) -> list[nlp.Span]:
    """'директор Фонда Роман Петруца': natasha's organisation span that runs on into a given name and a surname in the
    nominative, split into the organisation and the person."""
    out: list[nlp.Span] = []
    for sp in spans:
        m = re.search(r"\s([А-ЯЁ][а-яё]+)\s([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)$", sp.text) if sp.type == "ORG" else None
        first = _name_parse(m.group(1)) if m is not None else None
        if m is None or first is None or first.tag.case != "nomn" or not first.is_known:
            out.append(sp)
            continue
        cut = sp.start + m.start()
        org_text = text[sp.start : cut]
        out.append(nlp.Span("ORG", sp.start, cut, org_text, org_text, None, None, None))
        name_start = sp.start + m.start(1)
        name = text[name_start : sp.end]
        out.append(nlp.Span("PER", name_start, sp.end, name, name, m.group(1), m.group(2), None))
    return out


def _join_surname_first(text: str, spans: list[nlp.Span]) -> list[nlp.Span]:
    """'Мельниковым Григорием Николаевичем': a surname first, which natasha splits from the given name
    and patronymic after it (and reads the patronymic as the surname), made one span again; so is a surname
    natasha split off after them ('Александром Александровичем Авдеевым')."""
    out: list[nlp.Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        words = sp.text.split()
        if (
            prev is not None
            and sp.type == "PER"
            and (prev.type == "PER" or (prev.type == "LOC" and not regions.find(prev.text)))  # 'на Элекчян Елену …'
            and text[prev.end : sp.start] == " "
            and re.fullmatch(r"[А-ЯЁ][а-яё]+", prev.text)
            and len(words) == 2
            and sp.first
            and is_patronymic(words[1])
        ):
            last = nominative_surname(prev.text, words[0])
            middle = nominative_patronymic(sp.last if sp.last and is_patronymic(sp.last) else words[1])
            normal = f"{sp.first} {middle} {last}"
            out[-1] = nlp.Span("PER", prev.start, sp.end, text[prev.start : sp.end], normal, sp.first, last, middle)
            continue
        prev_words = prev.text.split() if prev is not None else []
        if (
            prev is not None
            and prev.type == "PER"
            and sp.type == "PER"
            and text[prev.end : sp.start] == " "
            and len(prev_words) == 2
            and prev.first
            and is_patronymic(prev_words[1])
            and re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?", sp.text)
            and not is_patronymic(sp.text)
        ):  # 'Александром Александровичем Авдеевым': natasha split the surname from the given name and patronymic
            last = nominative_surname(sp.text, prev_words[0])
            middle = nominative_patronymic(prev.last if prev.last and is_patronymic(prev.last) else prev_words[1])
            normal = f"{prev.first} {middle} {last}"
            out[-1] = nlp.Span("PER", prev.start, sp.end, text[prev.start : sp.end], normal, prev.first, last, middle)
            continue
        out.append(sp)
    return out


#: initials glued to a surname in capitals, as a document's signature has it: 'В.К.БОЧКАРЕВ', 'А. А. КОЗЛОВ'
CAPITAL_SURNAME = re.compile(r"(?<![\w.])([А-ЯЁ])\.\s?([А-ЯЁ])\.\s?([А-ЯЁ]{3,}(?:-[А-ЯЁ]{3,})?)(?![\w-]|\.\w)")


def _capital_surnames(text: str, spans: list[nlp.Span]) -> list[nlp.Span]:
    """NER's spans with 'В.К.БОЧКАРЕВ' (a surname in capitals after initials) read as one person, the surname
    capitalised; NER's own pieces of it dropped."""
    found = []
    for m in CAPITAL_SURNAME.finditer(text):
        last = m.group(3).capitalize()
        ner_person = any(sp.type == "PER" and sp.start < m.end() and m.start() < sp.end for sp in spans)
        if ner_person or any("Surn" in p.tag for p in nlp.parse(last)):
            found.append(nlp.Span("PER", m.start(), m.end(), m.group(), m.group(), m.group(1), last, m.group(2)))
    if not found:
        return spans
    kept = [sp for sp in spans if not any(f.start < sp.end and sp.start < f.end for f in found)]
    return sorted(kept + found, key=lambda sp: sp.start)


#: a given name and a surname both in capitals, inside a line of lower-case words: 'ВИТАЛИЮ ПЕТЛЕВОМУ'
CAPS_PAIR = re.compile(r"(?<=[a-zа-яё,»)] )([А-ЯЁ]{3,})\s([А-ЯЁ]{3,}(?:-[А-ЯЁ]{3,})?)(?=[ ,.;:)]+[а-яё]|\.\s*$)")


def _missed_names(text: str, spans: list[nlp.Span]) -> list[nlp.Span]:
    """'глава Минпромторга Карелии Светлана Астахова' where NER found no person: a first name (the
    morphology's first reading a given name) and a surname (a reading as a surname, none as a place)."""
    out = []
    for m in CARD_NAME.finditer(text):  # the card's name: its surname from the line above
        given = nlp.parse(m.group(2))[0]
        if "Name" not in given.tag or any(
            sp.start < m.end() and m.start(2) < sp.end and "\n" not in sp.text for sp in spans
        ):  # NER's span over both lines ('Рябцев\nИван Петрович') is cut at the line's end
            continue
        surname = nominative_surname(m.group(1), m.group(2))
        name = text[m.start(2) : m.end()]
        out.append(nlp.Span("PER", m.start(2), m.end(), name, f"{name} {surname}", m.group(2), surname, m.group(3)))
    # 'корреспонденту … ВИТАЛИЮ ПЕТЛЕВОМУ объяснил … ОЛЕГ КОСТИН': a name in capitals
    for m in CAPS_PAIR.finditer(text):
        if any(sp.type == "PER" and sp.start < m.end() and m.start() < sp.end for sp in spans):
            continue
        first = nlp.parse(m.group(1).capitalize())[0]
        last = nlp.parse(m.group(2).capitalize())
        surn = any("Surn" in p.tag for p in last)
        adjective = next((p for p in last if p.tag.POS == "ADJF" and p.tag.case == first.tag.case), None)
        if "Name" not in first.tag or first.score < 0.5 or not (surn or adjective is not None):
            continue
        name = first.inflect({"nomn"})
        given = name.word.capitalize() if name is not None else m.group(1).capitalize()
        surname = nominative_surname(m.group(2).capitalize(), m.group(1).capitalize())
        nominative = adjective.inflect({"nomn", first.tag.gender or "masc", "sing"}) if adjective and not surn else None
        surname = nominative.word.capitalize() if nominative is not None else surname  # 'ПЕТЛЕВОМУ': «Петлевой»
        out.append(nlp.Span("PER", m.start(), m.end(), m.group(), f"{given} {surname}", given, surname, None))
    for m in NAME_PAIR.finditer(text):
        if any(sp.start < m.end() and m.start() < sp.end for sp in spans):
            continue
        first = nlp.parse(m.group(1))[0]
        last = nlp.parse(m.group(2))
        if "Name" not in first.tag or first.score < 0.5 or not any("Surn" in p.tag for p in last):
            continue
        if any("Geox" in p.tag or "Orgn" in p.tag for p in last):
            continue
        name = first.inflect({"nomn"})
        given = name.word.capitalize() if name is not None else m.group(1)
        out.append(nlp.Span("PER", m.start(), m.end(), m.group(), m.group(), given, m.group(2), None))
    return out


def _place_of_two_words(sp: nlp.Span) -> bool:
    """A two-word 'name' whose first word is no given name in the singular and whose second is a common noun
    the dictionary knows, never a name ('Гаврилов Ям', 'Вышний Волочек'; 'Европейско-Азиатские Новости', a
    medium's sign-off): a place or a name of a thing, not a person."""
    toks = sp.text.split()
    if len(toks) != 2 or not all(p[:1].isupper() and p[1:].islower() for t in toks for p in t.split("-")):
        return False
    first, last = nlp.parse(toks[0]), nlp.parse(toks[1])
    if any("Name" in p.tag and p.tag.number == "sing" for p in first) or not any(
        "Surn" in p.tag and re.search(r"(?:ов|ев|ин|ын)$", toks[0]) or p.tag.POS == "ADJF" for p in first
    ):  # 'Карлос Гон': a foreign given name, no place ('Гаврилов', 'Вышний': a possessive or an adjective)
        return False
    return all(p.is_known and p.tag.POS == "NOUN" and not {"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in last)


#: a body's eponym: the name after «им.» or «имени», and the further names of a list after it
EPONYM = re.compile(
    r"(?<![\w-])(?:им\.|имени)\s*(?:(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s*(?:,|и)\s*)*$"
)
#: the abbreviation of a sole trader ('ИП Петров А.В.'): the name is the trader's, an organisation
SOLE_TRADER = re.compile(r"(?<![\w-])ИП\s+$")


def _double_surname(sp: nlp.Span) -> nlp.Span:
    """'Антона Данилова-Данильяна': a double surname the extractor cut at its hyphen ('Данилов') is
    the whole of it, in the nominative its normal form gives ('Данилов-Данильян')."""
    toks, normal = sp.text.split(), (sp.normal or "").split()
    if not sp.last or "-" in sp.last or "-" not in toks[-1] or not normal or "-" not in normal[-1]:
        return sp
    if normal[-1].split("-")[0].lower() != sp.last.lower() or not toks[-1].split("-")[1][:1].isupper():
        return sp
    return nlp.Span(sp.type, sp.start, sp.end, sp.text, sp.normal, sp.first, normal[-1], sp.middle)


#: parts of speech a surname never is ('Первый', 'Обсудить', 'Подробнее'); 'Orgn': a body's short name
NOT_SURNAME = {"INFN", "VERB", "PRTF", "PRTS", "GRND", "NUMR", "ADVB", "COMP", "PREP", "CONJ", "PRCL", "NPRO", "Anum", "Orgn"}  # fmt: skip


#: 'Антон Андреевич (Алиханов, глава …)': an editor's surname in brackets after a given name and patronymic
BRACKETED_SURNAME = re.compile(r"\s*\((?P<last>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*[,)]")


def _bracketed_surname(text: str, sp: nlp.Span) -> nlp.Span:
    """A given name and patronymic, as a quote addresses a person, with the surname the editor adds in brackets
    ('Антон Андреевич (Алиханов, глава Минпромторга)'): the full name, the surname as written (the nominative)."""
    toks = sp.text.rstrip(" (").split()
    if len(toks) < 2 or not is_patronymic(toks[1]) or not toks[0][:1].isupper():
        return sp
    if len(toks) == 3 and toks[2].startswith("("):  # the extractor took the bracket in: 'Антон Андреевич (Алиханов'
        m = BRACKETED_SURNAME.match(text, sp.start + len(toks[0]) + 1 + len(toks[1]))
    elif len(toks) == 2:
        m = BRACKETED_SURNAME.match(text, sp.start + len(sp.text.rstrip(" (")))
    else:
        return sp
    if m is None or _no_surname(m.group("last")) or is_patronymic(m.group("last")):
        return sp
    last = m.group("last")
    name = f"{toks[0]} {toks[1]} {last}"
    return nlp.Span(sp.type, sp.start, m.end("last"), text[sp.start : m.end("last")], name, toks[0], last, toks[1])


def _no_surname(word: str) -> bool:
    """A capitalised word alone that no reading makes a name: every reading of the morphology is a verb,
    participle, ordinal, adverb, function word, a body's short name or a plural, none a surname or given name."""
    parses = nlp.parse(word)
    # 'Вертолетостроение': a verbal or abstract noun, which no surname is
    abstract = word.lower().endswith(("ение", "ание", "ство", "тие")) or "заказ" in word.lower()  # 'Гособорзаказа'
    return bool(parses) and all(
        "Surn" not in p.tag
        and "Name" not in p.tag
        and (any(g in p.tag for g in NOT_SURNAME) or p.tag.number == "plur" or abstract)  # 'Горячие': a plural
        for p in parses
    )


def _sentence_initial_word(text: str, start: int, word: str) -> bool:
    """A dictionary word at the start of a sentence, capitalised only for that ('Гостя развеселили …',
    'Лидерское место …'): no reading makes it a surname or a given name."""
    before = text[:start].rstrip(" \t\u00a0")
    return (not before or before[-1] in '.!?…\n»"') and all(
        p.is_known and not {"Surn", "Name", "Patr"} & set(p.tag.grammemes) for p in nlp.parse(word)
    )


#: combining forms, the clipped first parts of Russian compound words ('промпарк', 'утильсбор', 'техноцентр') and of
#: companies' hyphenated names ('Био-Тон', 'Агро-Инвест'; a double surname never opens with one), longest first
COMBINING = ("телеком", "электро", "инвест", "энерго", "медиа", "нефте", "радио", "строй", "техно", "утиль", "авто", "агро", "газо", "евро", "нано", "пром", "спец", "торг", "фарм", "био", "гос", "мин", "нац", "рег", "соц", "фин", "хим", "эко")  # fmt: skip


def _clipped_compound(text: str, start: int, word: str) -> bool:
    """A compound common noun opening a line or a sentence ('Утильсбор на технику …', 'Промпарк «…»
    получит …'): the dictionary does not know the word, but it is a clipped first part and a common noun
    in the nominative that is no name ('пром' + 'парк', 'утиль' + 'сбор')."""
    before = text[:start].rstrip(" \t\u00a0")
    if before and before[-1] not in '.!?…\n»"' or any(p.is_known for p in nlp.parse(word)):
        return False
    low = word.lower()
    rest = next((low[len(c) :] for c in COMBINING if low.startswith(c) and len(low) - len(c) >= 4), None)
    if rest is None:
        return False
    parses = nlp.parse(rest)
    return any(
        p.is_known and p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == "sing" for p in parses
    ) and not any({"Surn", "Name", "Patr", "Geox", "anim"} & set(p.tag.grammemes) for p in parses)


#: a company's kind right before a lone capitalised word: 'у компании Тетрапак', 'концерн Вега'
COMPANY_KIND_BEFORE = re.compile(
    r"(?<![\w-])(?:компани|корпораци|концерн|холдинг|фирм|предприяти)[а-яё]{0,3}\s+$", re.IGNORECASE
)
#: a verb of writing or reporting right before a lone word: the medium ('пишет Восток-Телеинформ')
TOLD_BY = re.compile(r"(?<![\w-])(?:пишет|сообщает|сообщило|передает|передаёт|информирует)\s+$")


def _company_word(text: str, start: int, word: str) -> bool:
    """A lone capitalised word that is a company's name, not a surname: a hyphenated name opening with a
    combining form ('С Био-Тоном договорились'), a works' compound name ('у Севморзавода'), or a word the dictionary
    does not know, ending in a consonant, left uninflected after «с» where a man's surname takes the instrumental
    ('вместе с Вайлдберриз')."""
    low = word.lower()
    if "-" in low and low.split("-")[0] in COMBINING:
        return True
    if re.search(r"(?:завод|комбинат|фабрик|верф)[а-яё]{0,3}$", low):  # 'у Севморзавода': a works' name
        return True
    if COMPANY_KIND_BEFORE.search(text, max(0, start - 30), start):  # 'у компании Тетрапак': the company's name
        return True
    if TOLD_BY.search(text, max(0, start - 30), start):  # 'пишет Восток-Телеинформ': the medium
        return True
    if not re.search(r"(?<![\w-])(?:вместе|совместно)?\s*[сС]\s+$", text[max(0, start - 12) : start]):
        return False
    return (
        low[-1:] in "бвгджзклмнпрстфхцчшщ"
        and not low.endswith(("ом", "ем", "ём", "ым", "им", "ой", "ей"))
        and not any(p.is_known for p in nlp.parse(word))
        and not any(p.tag.case == "ablt" and ("Surn" in p.tag or "Name" in p.tag) for p in nlp.parse(word))
    )


def _photo_credit_line(text: str, c: Candidate) -> bool:
    """A full name alone on a line between two paragraphs of the body, after a blank line and followed by a
    paragraph, and named nowhere else: the credit of a photo whose caption the page lost, no person of the news."""
    if len(c.mentions) != 1 or "first" not in c.names:
        return False
    m = c.mentions[0]
    line_start, line_end = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
    if line_end < 0 or text[line_start:line_end].strip() != m.text.strip():
        return False
    before = text[:line_start].rstrip(" \t")
    after = text[line_end + 1 :].split("\n", 1)[0]
    body_before = any(len(line) > 200 for line in before.split("\n"))
    return before.endswith("\n\n") and body_before and len(after) > 80 and after[:1].isupper()


def _region_surname(region_spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """The span's last word, taken for a surname, is a region's name ('Раиса Татарстана')."""
    return any(s <= start and end <= e for s, e in region_spans)


#: an adjective of the «-ский» kind, the shape of a district's or a place's name (and of many surnames)
PLACE_ADJECTIVE = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ск|цк)(?:ий|ой|ая|ое|ого|ом|ие|их)"


def _listed_adjective(text: str, start: int, end: int, word: str) -> bool:
    """A lone «-ский» word in a list of such words, none with a given name ('в пяти районах: Новошешминский,
    Алькеевский, Елабужский'): districts or places named by their adjectives, not surnames."""
    if re.fullmatch(PLACE_ADJECTIVE, word) is None:
        return False
    before = re.search(rf"(?<![\w-]){PLACE_ADJECTIVE}\s*(?:,|\sи)\s*$", text[max(0, start - 40) : start])
    after = re.match(rf"\s*(?:,|и\s)\s*{PLACE_ADJECTIVE}(?![\w-])", text[end : end + 40])
    return before is not None or after is not None


#: a list of places after a word for them: 'три моногорода Кемеровской области – Березовский, Топки и …'
PLACES_LISTED = re.compile(
    r"(?i:моногород|город|посел|посёл|сел|населенн\w+\s+пункт)[а-яё()]*(?:\s+[^\s.!?\n]+){0,3}\s*[–—:-]\s*"
    r"(?:[А-ЯЁ][а-яё-]+(?:\s*\([^()\n]{1,8}\))?\s*(?:,|\sи)\s*)*$"
)


def _listed_place(text: str, start: int) -> bool:
    """A lone word in a list of places after a word for them ('моногорода … – Березовский, Топки и Полысаево'): a
    town, not a surname."""
    return PLACES_LISTED.search(text, max(0, start - 120), start) is not None


def _adjective_of_noun(text: str, end: int, word: str) -> bool:
    """A lone capitalised adjective agreeing with the common noun after it ('Микрокредитная компания ЕАО'): the first
    word of a name, no surname."""
    nxt = re.match(r"[ \u00a0]+([а-яё]+)(?![\w-])", text[end : end + 40])
    if nxt is None:
        return False
    nouns = [p for p in nlp.parse(nxt.group(1)) if p.tag.POS == "NOUN"]
    return any(
        a.tag.POS == "ADJF"
        and "Surn" not in a.tag
        and (a.tag.case, a.tag.gender, a.tag.number) == (n.tag.case, n.tag.gender, n.tag.number)
        for a in nlp.parse(word)
        for n in nouns
    ) and not any("Surn" in p.tag or "Name" in p.tag for p in nlp.parse(word))


#: a three-part East Asian name, each part a short syllable ('Ли Куан Ю', 'Ким Ир Сен')
EAST_ASIAN = re.compile(r"([А-ЯЁ][а-яё]{0,3}) ([А-ЯЁ][а-яё]{0,3}) ([А-ЯЁ][а-яё]{0,3})\.?")


def _east_asian(sp: nlp.Span) -> nlp.Span | None:
    """'Ли Куан Ю': three short syllables, none a patronymic, none a Russian given name but the first
    (the extractor takes 'Ли' for a given name and 'Куан' for the surname, or drops the last part): the
    family name first, the name as written (it does not inflect)."""
    m = EAST_ASIAN.fullmatch(sp.text)
    if m is None or any(is_patronymic(t) for t in m.groups()):
        return None
    if any(p.is_known and {"Name", "Surn"} & set(p.tag.grammemes) and p.score > 0.5 for p in nlp.parse(m.group(1))):
        return None  # 'Иван Ан Ли': a Russian given name opens it
    text = " ".join(m.groups())
    return nlp.Span(sp.type, sp.start, sp.start + len(text), text, text, m.group(1), " ".join(m.groups()[1:]), None)


#: common Chinese family names in Russian transcription, which open a Chinese name ('Вэй Цзяньцзюнь')
_CHINESE_SURNAMES = (
    "Ван Ли Чжан Лю Чэнь Ян Хуан Чжао Чжоу Сюй Сунь Чжу Ху Го Хэ Гао Линь Ло Чжэн Лян Се Тан Хань Фэн Дэн Цао"
)
CHINESE_SURNAMES = frozenset(
    f"{_CHINESE_SURNAMES} Пэн Цзэн Сяо Тянь Дун Пань Юань Цай Цзян Юй Ду Чэн Вэй Су Лу Дин Жэнь Шэнь Яо Цзинь Си Мяо Цинь"
    " Инь Кун".split()
)
#: syllables only a Chinese given name in Russian transcription has
CHINESE_SYLLABLE = re.compile(r"цз|чж|чэ|шэ|жэ|сю|цю|цинь|нь$|эй$|оу$|ао$", re.IGNORECASE)


def _chinese_name(sp: nlp.Span) -> nlp.Span | None:
    """'Вэй Цзяньцзюнь': a Chinese family name, then a given name of Chinese syllables: the name as written, family
    name first (the extractor takes the given name for the surname)."""
    m = re.fullmatch(r"([А-ЯЁ][а-яё]{0,4}) ([А-ЯЁ][а-яё]{2,})", sp.text)
    if m is None or m.group(1) not in CHINESE_SURNAMES or not CHINESE_SYLLABLE.search(m.group(2)):
        return None
    return nlp.Span(sp.type, sp.start, sp.end, sp.text, sp.text, m.group(1), m.group(2), None)


#: a capitalised word, perhaps a double-barrelled one
_CAPITAL_WORD = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?![\w-])")


def _surnames_again(text: str, spans: list[nlp.Span], persons: dict[str, Candidate], layout) -> None:
    """'Первым замглавы Минпромторга Осьмаков оставался …' after «Василия Осьмакова»: a surname alone NER did not
    tag, of exactly one person named in full, is that person's mention (not inside another span, nor an eponym)."""
    forms = {k: surname_forms(c.names["last"]) for k, c in persons.items() if "first" in c.names and "last" in c.names}
    if not forms:
        return
    taken = [(m.start, m.end) for c in persons.values() for m in c.mentions]
    # NER's other spans, but a place of exactly the word ('… Минпромторга Осьмаков оставался': tagged LOC)
    taken += [(sp.start, sp.end) for sp in spans if sp.type != "LOC" or " " in sp.text or "-" in sp.text]
    for m in _CAPITAL_WORD.finditer(text):
        if any(s_ < m.end() and m.start() < e_ for s_, e_ in taken):
            continue
        if layout is not None and layout.is_excluded(m.start(), m.end()):
            continue
        if re.search(r"(?:им\.|имени)\s*$", text[max(0, m.start() - 8) : m.start()]):
            continue  # 'завод им. Петрова': an eponym
        low = m.group().lower().replace("ё", "е")
        owners = [key for key, these in forms.items() if low in these]
        if len(owners) == 1:
            persons[owners[0]].add(Mention(m.start(), m.end(), m.group()))


#: a surname with the word for the younger or the elder of a family: 'Рогозину-младшему', 'Иванов-старший'
JUNIOR = re.compile(r"([А-ЯЁ][а-яё]+)-(?:младш|старш)[а-яё]+")


def extract_persons(text: str, spans: list[nlp.Span], layout=None) -> list[Candidate]:
    """Persons from natasha's PER spans: a full name makes a person (its surname put in the
    nominative); a surname alone joins the person of that surname, else stands alone with a note;
    a first name (and patronymic) alone joins the person of that name, else is dropped; a span that
    is a region («Татарстану») or lies in the dateline or a credit is no person, nor is a name that
    stands only in the byline or a photo credit (the author's, the photographer's)."""
    region_spans = [(r.start, r.end) for r in regions.find(text)]
    persons: dict[str, Candidate] = {}
    partial: list[nlp.Span] = []
    initials: list[nlp.Span] = []
    spans = _capital_surnames(text, spans)
    for sp in [*_join_surname_first(text, spans), *_missed_names(text, spans)]:
        if sp.type != "PER" or (layout is not None and layout.is_excluded(sp.start, sp.end)):
            continue
        if re.search(r"[_#@]", sp.text):  # '#Россия_вместе': a hashtag
            continue
        junior = JUNIOR.fullmatch(sp.text)
        if junior is not None:  # 'Рогозину-младшему': the surname, the father's or son's word after it no name
            word = junior.group(1)
            sp = nlp.Span(sp.type, sp.start, sp.start + len(word), word, nlp.lemma(word).capitalize(), None, word, None)
        if " " not in sp.text and sp.end < len(text) and text[sp.end].isalpha() and text[sp.end].isupper():
            continue  # 'УрБК': NER's 'Ур', a piece of an outlet's name in capitals (not 'Иван КовалёвФото: …')
        if re.search(r"\d", sp.text):  # 'Су-57', 'Ил-76МД': a model of a machine, no name has a digit
            continue
        if sp.text.rstrip().endswith("-"):  # 'Премьер- министр': a word broken at its hyphen, no name
            continue
        if " " not in sp.text.strip() and media_word(sp.text.strip()):  # 'рассказал Прайму': the agency
            continue
        if sp.text in _alias_words():  # 'Минцифры' in a headline: the ministry, not a surname
            continue
        if any(nlp.mixed_script(w) for w in sp.text.split()):  # 'Поисκ': a word with a Greek letter inside
            continue
        if STATISTICS_OFFICE.fullmatch(sp.text):  # 'Башстат': a statistics office
            continue
        if "\n" in sp.text:  # a name never runs over a line: 'Чемезовым\nОбложка' is the headline's surname
            head = sp.text.split("\n")[0].rstrip()
            east = _east_asian(nlp.Span(sp.type, sp.start, sp.start + len(head), head, head, None, None, None))
            rest = sp.text.split("\n", 1)[1].split()
            if east is not None:  # 'приезд Ли Куан Ю\nВспомнили': the headline's East Asian name
                sp = east
            elif (
                len(head.split()) == 1
                and sp.first
                and sp.last
                and rest
                and rest[0].lower().replace("ё", "е") in surname_forms(sp.last)
                and _name_parse(head) is not None
            ):
                pass  # 'с главой Союза … Владимиром\nЛучниковым': a text wrapped inside a sentence, the name whole
            elif len(head.split()) == 2:  # 'Вячеслав Наговицын\nНаговицын': the name on its line read alone
                again = [x for x in nlp.ner(head) if x.type == "PER" and (x.start, x.end) == (0, len(head))]
                if not again:
                    continue
                x = again[0]
                sp = nlp.Span(x.type, sp.start, sp.start + len(head), head, x.normal, x.first, x.last, x.middle)
            elif len(head.split()) != 1 or not head[:1].isupper():
                continue
            else:
                sp = nlp.Span(sp.type, sp.start, sp.start + len(head), head, head, None, head, None)
        if any(s <= sp.start and sp.end <= e for s, e in region_spans):
            continue
        last_word = re.search(r"\S+$", sp.text)
        if last_word and " " in sp.text.strip() and _region_surname(region_spans, sp.start + last_word.start(), sp.end):
            continue  # 'Раиса Татарстана': a title in the genitive before its region, no given name and surname
        if _place_of_two_words(sp):
            continue  # 'Гаврилов Ям': a town's name, no given name before a common noun
        sp = _east_asian(sp) or _chinese_name(sp) or sp
        if sp.first and not sp.last:  # 'Александр Новак' with a surname the extractor does not know
            toks = sp.text.split()
            if len(toks) >= 2 and toks[-1][:1].isupper() and not is_patronymic(toks[-1]):
                sp = nlp.Span(
                    sp.type,
                    sp.start,
                    sp.end,
                    sp.text,
                    sp.normal,
                    sp.first,
                    toks[-1],
                    toks[1] if len(toks) == 3 and is_patronymic(toks[1]) else sp.middle,
                )
        if SOLE_TRADER.search(text[max(0, sp.start - 4) : sp.start]):  # 'ИП Голубицкий М.В.': a sole trader
            continue
        if EPONYM.search(text[max(0, sp.start - 120) : sp.start]):  # 'бюро им. А.С. Яковлева, А.Я. Березняка': a name
            continue  # a body bears, no person of the news
        sp = _double_surname(sp)
        sp = _bracketed_surname(text, sp)
        sp = _surname_read_as_given(sp)
        if not (sp.first and sp.last) or (is_patronymic(sp.last) and not sp.middle and not _womans_vich(sp)):
            partial.append(sp)  # a surname alone, or a first name (and patronymic) without the surname
            continue
        first, middle, written_last = sp.first, nominative_patronymic(sp.middle) if sp.middle else sp.middle, sp.last
        toks = sp.text.split()
        double = re.fullmatch(r"([А-ЯЁ][а-яё]+)-([А-ЯЁ][а-яё]+)", toks[0])
        if double and nlp.lemma(double[1]) == nlp.lemma(first):
            first = f"{first}-{double[2]}"  # 'Махмуд-Али Калиматов': a double given name, not its first half
        woman = len(toks) == 2 and first != toks[0] and _said_by_a_woman(text, sp.start, toks[0], toks[1])
        if len(toks) == 2 and first != toks[0] and (woman or _feminine_nominative(toks[0], toks[1])):
            first, written_last = toks[0], toks[1]  # the name as written, not the extractor's masculine
        elif len(toks) == 2 and (first, written_last) == (toks[1], toks[0]) and _swapped_given_name(*toks):
            first, written_last = toks[0], toks[1]  # 'Низам Халилов': a given name the dictionary does not know
        if len(first.rstrip(".")) == 1:  # 'Г.А. Зюганов', 'А. Козловский': initials
            initials.append(sp)
            continue
        last = nominative_surname(written_last, toks[0]) if written_last == toks[-1] and not woman else written_last
        key = f"{nlp.lemma(first)} {last.lower().replace('ё', 'е')}"
        low = last.lower().replace("ё", "е")
        c = persons.get(key) or next(
            (
                p
                for p in persons.values()
                if nlp.lemma(p.names["first"]) == nlp.lemma(first) and low in surname_forms(p.names["last"])
            ),
            None,
        )
        if c is None:  # an inflected form came first ('Романа Петруцы', then 'Роман Петруца'): relabel
            c = next(
                (
                    p
                    for p in persons.values()
                    if nlp.lemma(p.names["first"]) == nlp.lemma(first)
                    and p.names["last"].lower().replace("ё", "е") in surname_forms(last)
                ),
                None,
            )
            if (
                c is not None
                and _name_parse(sp.text.split()[0]) is not None
                and _name_parse(sp.text.split()[0]).tag.case == "nomn"
            ):
                c.names["last"] = last
                c.label_ru = " ".join(x for x in (first, middle, last) if x)
                c.label_en = " ".join(translit(x) for x in (first, middle, last) if x)
                c.slug = slugify(f"{last} {first}")
        if c is None:  # 'цитирует … Игоря Руденю' after 'губернатора Игоря Рудени': the one person, misdeclined
            low_last = last.lower().replace("ё", "е")
            typo = [
                p
                for p in persons.values()
                if nlp.lemma(p.names.get("first", "")) == nlp.lemma(first)
                and len(low_last) > 4
                and any(
                    nlp.one_typo(low_last, f)
                    or (_vowel_ending(low_last) and _vowel_ending(f) and low_last[:-1] == f[:-1])
                    for f in surname_forms(p.names["last"])
                )
            ]
            c = typo[0] if len(typo) == 1 else None
        if c is None:
            label = " ".join(x for x in (first, middle, last) if x)
            en = " ".join(translit(x) for x in (first, middle, last) if x)
            c = Candidate(
                "person",
                key,
                label,
                en,
                "Person",
                slugify(f"{last} {first}"),
                names={"first": first, "last": last, **({"middle": middle} if middle else {})},
            )
            persons[key] = c
        c.add(Mention(sp.start, sp.end, sp.text))
    for sp in initials:
        _add_initials(persons, sp)
    for sp in partial:
        toks = sp.text.split()
        low = toks[-1].lower().replace("ё", "е")
        match = [c for c in persons.values() if "first" in c.names and low in surname_forms(c.names["last"])]
        if len(toks) == 1 and len(match) == 1:  # 'Алиханова' (whatever the extractor took it for)
            match[0].add(Mention(sp.start, sp.end, sp.text))
            continue
        surname_first = len(toks) == 1 and "Surn" in nlp.parse(toks[0])[0].tag  # 'Депутат Бессараб объяснила'
        if sp.first and (len(toks) > 1 or not sp.last and _name_parse(toks[0]) is not None) and not surname_first:
            # 'Денис Владимирович': the person of that first name, if one; never a second person
            match = [c for c in persons.values() if nlp.lemma(c.names.get("first", "")) == nlp.lemma(sp.first)]
            if len(match) == 1:
                match[0].add(Mention(sp.start, sp.end, sp.text))
            continue
        word = sp.last or toks[-1]
        low = word.lower().replace("ё", "е")
        if not word[:1].isupper() or any("Geox" in p.tag or p.normal_form in ROLE_WORDS for p in nlp.parse(word)[:1]):
            continue  # a place, or a post written with a capital ('Заместитель Министра пообещал')
        if len(toks) == 1 and (
            _no_surname(word)
            or _sentence_initial_word(text, sp.start, word)
            or _clipped_compound(text, sp.start, word)
            or _company_word(text, sp.start, toks[0])
            or _listed_adjective(text, sp.start, sp.end, word)
            or _listed_place(text, sp.start)
            or _adjective_of_noun(text, sp.end, word)
        ):
            continue  # 'Первый вице-премьер', 'Обсудить', 'Минпромнауки', 'Гостя развеселили': a word of another kind
        same = [c for c in persons.values() if "first" not in c.names and low in surname_forms(c.names["last"])]
        if same:
            same[0].add(Mention(sp.start, sp.end, sp.text))
            continue
        typo = [
            c
            for c in persons.values()
            if "first" in c.names and any(nlp.one_typo(low, f) for f in surname_forms(c.names["last"]))
        ]
        if len(toks) == 1 and len(typo) == 1:  # 'Манутров' in an article about Мантуров: a misprint
            typo[0].add(Mention(sp.start, sp.end, sp.text))
            typo[0].notes.append(
                (f"«{sp.text}» — вероятно, опечатка в тексте.", f"«{sp.text}» is probably a misprint in the text.")
            )
            continue
        key = f"surname {low}"
        c = persons.setdefault(
            key,
            Candidate(
                "person", key, sp.normal, translit(sp.normal), "Person", slugify(sp.normal), names={"last": sp.normal}
            ),
        )
        c.notes.append(("Только фамилия: уточнить имя.", "Surname only: check the given name."))
        c.add(Mention(sp.start, sp.end, sp.text))
    _surnames_again(text, spans, persons, layout)
    if layout is not None:  # the author or the photographer, named only in the byline or a credit
        persons = {k: c for k, c in persons.items() if not all(layout.by_author(m.start, m.end) for m in c.mentions)}
        persons = {k: c for k, c in persons.items() if not _photo_credit_line(text, c)}
    return sorted(persons.values(), key=lambda c: c.mentions[0].start)
