"""The layout of a news item as a reader copies it from the page: headline, lead, dateline
(«МОСКВА, 18 октября. /ТАСС/.»), time stamps, photo captions and credits, «Источник:» lines, bylines,
and the site's own lines (rubrics, navigation, tags, subscription prompts). Offsets are into the text.

Entities are never taken from the dateline, time stamps, credits, source lines or site lines; a
caption's text before its credit is read like the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from server.ingest import nlp

MONTH = (
    r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|янв|фев|мар|апр|"
    r"авг|сен|окт|ноя|дек)[а-яё]*"
)
TIMESTAMP = re.compile(
    rf"^[\s\-–—]*(?:\d{{1,2}}:\d{{2}}\s+)?(?:\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:+\-.]+)?"
    rf"|\d{{1,2}}\s+{MONTH}\.?(?:,?\s+\d{{4}})?(?:\s*г\.)?)(?:,?\s+\d{{1,2}}:\d{{2}})?\s*$",
    re.IGNORECASE,
)
DATELINE = re.compile(
    rf"^(?P<place>[А-ЯЁA-Z](?:\.-)?[А-ЯЁа-яёA-Za-z\-]*(?:[ \-][А-ЯЁA-Z][А-ЯЁа-яёA-Za-z\-]*){{0,3}})\s*"  # 'С.-ПЕТЕРБУРГ'
    rf"(?:/(?P<region>[^/\n]{{2,40}})/)?\s*[,.]\s*\d{{1,2}}\s+{MONTH}\.?\s*"
    rf"(?:/\s*(?P<a1>[^/\n]{{2,30}}?)\s*/\s*\.?|[-–—]\s*(?P<a2>[^.\n]{{2,30}}?)\s*\.|(?P<a3>[A-ZА-ЯЁ][\w.\-]{{1,30}})\s*[-–—]"
    # 'НИЖНИЙ НОВГОРОД, 22 мая, ФедералПресс.': the agency after a comma (only after a place in capitals)
    r"|,\s*(?P<a4>[A-ZА-ЯЁ«][\w«»\-]{1,30}(?:\s[\w«»\-]{1,20})?)\s*\.(?=\s)"
    # 'Санкт-Петербург, 9 мая (Олег Саломатин).': the correspondent's name in brackets, no agency
    r"|\((?P<author>[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\)\s*\.)"
)
#: '(Казань, 2 июля, «Татар-информ», Диана Авакян). …': a dateline in brackets, the author's name after the agency
BRACKET_DATELINE = re.compile(
    rf"^\((?P<place>[А-ЯЁ][А-ЯЁа-яё\-]*(?:[ \-][А-ЯЁ][А-ЯЁа-яё\-]*){{0,2}}),\s*\d{{1,2}}\s+{MONTH},\s*"
    r"(?P<agency>«[^»\n]{2,30}»|[A-ZА-ЯЁ][^,()\n]{1,30}?)(?:,\s*(?P<author>[^,()\n]{3,40}?))?\)\.?"
)
#: 'ЧЕЛЯБИНСК, АН "Доступ"': a place in capitals and the agency, the whole line, with no date
DATELESS_DATELINE = re.compile(
    r"^(?P<place>[А-ЯЁ]{3,}(?:[ \-][А-ЯЁ]{2,}){0,2}),\s*"
    r"(?P<agency>(?:(?:АН|ИА|РИА)\s+)?[«\"][^»\"\n]{2,30}[»\"]|(?:АН|ИА|РИА)\s+[А-ЯЁA-Z][\w\-]{1,30})\s*\.?\s*$"
)
#: a date and time, then the author's name on the same line
TIMESTAMP_NAME = re.compile(
    rf"^\s*(?P<stamp>\d{{1,2}}\s+{MONTH}\.?\s+\d{{4}}(?:\s*г\.)?,?\s+\d{{1,2}}:\d{{2}})\s+(?P<name>[^\d\n]+?)\s*$",
    re.IGNORECASE,
)
#: 'ЦАМТО, 6 ноября. …': an agency's name in capitals where the place stands, with no agency after the date
AGENCY_DATELINE = re.compile(rf"^(?P<agency>[А-ЯЁA-Z]{{3,}}),\s*\d{{1,2}}\s+{MONTH}\.\s")
CREDIT = re.compile(
    r"^\s*(?:фото|photo|иллюстрация|изображение|кадр|обложка|видео|источник\s+(?:изображения|фото))\b[^:\n]{0,25}[:\-–—©]"
    # a credit line without a colon: 'Фото с портала правительства … области', 'Фото предоставлено пресс-службой …'
    r"|^\s*(?:фото|иллюстрация)\s+(?:с\s+(?:сайта|портала|официального|телеграм)|из\s+(?:архива|открытых|соцсет|телеграм)"
    r"|предоставлен[а-яё]*\s)[^.!?\n]{0,80}$",
    re.IGNORECASE,
)
#: a photo's credit by an address, the paragraph's text run on after it on the same line: 'Фото: t.me/OO200let
#: Производство …'
GLUED_CREDIT = re.compile(
    r"^\s*(?:фото|photo)\s*:\s*(?P<src>(?:https?://|t\.me/|www\.)\S+|[\w.-]+\.(?:ru|com|рф|org|net)(?:/\S*)?)\s+(?=[А-ЯЁ])",
    re.IGNORECASE,
)
SOURCE = re.compile(r"^\s*(?:Источник\s*:|/\s*[^/\n]{2,60}/\s*$)")
PROMO = re.compile(
    r"^\s*(?:подпишитесь|подписывайтесь|читать на сайте|читайте также|читайте нас|присоединяйтесь)", re.IGNORECASE
)
#: the site's cookie notice ('Сайт применяет cookie-файлы … Яндекс Метрику …'): no entities from it
COOKIES = re.compile(r"(?<![\w-])(?:cookies?|куки)(?![\w])", re.IGNORECASE)
SITE = re.compile(r"^\s*(?:\S+@\S+\.\w+|https?://\S+|www\.\S+)\s*$")
#: 'Текст: Екатерина Свинова', 'Автор Андрей Кондратьев', 'Редакция «ФедералПресс» / Елена Бутырина'
BYLINE_LABEL = re.compile(
    r"^\s*(?:(?:текст|автор|авторы|текст и фото|подготовил[аи]?)\s*:?\s+[А-ЯЁ]|редакция\b[^/\n]{0,40}/\s*[А-ЯЁ])"
    r"(?:[^.!?\n]|(?<=[А-ЯЁ])\.){0,60}$",  # 'Автор: А. Шевченко': an initial's dot
    re.IGNORECASE,
)
#: '… промсборке/ М. Стулов/ Ведомости', 'Владимир Нуякшев / ТАСС': a photo's credit after slashes
SLASH_CREDIT = re.compile(r"(?:\s*/\s*[^/\n!?]{2,40}){1,3}\s*$")
#: a credit after the caption's text: '… © Name', '(Фото: Name / agency)', '… неясным Фото: Name', a glued
#: 'Иван КовалёвФото: Name / agency' (a capitalised «Фото:» inside a line starts a credit)
CREDIT_TAIL = re.compile(
    r"\s*(?:©|/\s*CC[ -]BY|\(c\)\s|\((?:фото|photo)\s*:|(?<=[.,])\s+(?:фото|photo)\s*:|(?-i:Фото|ФОТО|Photo)\s*:)",
    re.IGNORECASE,
)
#: 'Фонд …31-07-2017, 14:08. Разместил: Анна Штольц |': the poster's or author's label inside a line, up to a bar,
#: the line's end or a photo credit after it ('5 Июня 2018 Автор: Имя Фамилия Фото: сайт губернатора')
INLINE_BYLINE = re.compile(
    r"(?<=[\s.,|])(?:Разместил|Опубликовал|Автор|Текст|Подготовил)[аи]?\s*:\s*[^|\n.!?]{1,60}?"
    r"(?=\s*\||\s*$|\s+(?:Фото|ФОТО|Photo|Иллюстрация)\s*:)"
)
#: a photo's credit closing a paragraph after its last sentence: '… лучше». ФОТО: ПРЕСС-СЛУЖБА ПРАВИТЕЛЬСТВА ЧУКОТСКОГО АО'
CREDIT_AFTER_SENTENCE = re.compile(r"(?<=[.!?»])\s+(?:ФОТО|Фото|Photo)\s*:\s*[^.!?\n]{2,80}$", re.MULTILINE)
#: a bulleted line before the headline: the site's ticker or menu («• USD ЦБ 79.73 руб»)
BULLET = re.compile(r"^\s*[•·▪►]\s")
END_PUNCT = re.compile(r"[.!?…]\s*$")
#: a line that ends with an abbreviation's dot, not a sentence's: 'Фонд … может запуститься в начале 2016 г.',
#: '… ждет инвесторов с 3 млрд руб.'
ABBREVIATION_END = re.compile(r"(?<![\w-])(?:\d{4}\s*гг?|руб|долл|тыс|млн|млрд|трлн|коп)\.\s*$", re.IGNORECASE)
#: the page's own controls before the headline ('Перейти к основному контенту', 'Войти в почту', 'Найти тему')
CONTROLS = re.compile(
    r"^\s*(?:перейти\s+к\s+основному\s+(?:контенту|содержанию)|войти(?:\s+в\s+почту)?|закрыть|найти\s+тему|меню"
    r"|поиск|версия\s+для\s+слабовидящих|все\s+новости)\s*$",
    re.IGNORECASE,
)
#: a labelled line of the page's metadata ('Рубрика: …', 'Теги: …', 'Обновлено в 08:53', 'Posted 5 сентября 2022, 14:03')
#: and a breadcrumb trail ('Главная / Экономика / …', 'Главная > Новости дня > …')
META_LINE = re.compile(
    r"^\s*\(?(?:(?:рубрика|раздел|теги|тэги|регион|source|тема|комментари[а-яё]*)\s*:|(?:обновлено|опубликовано"
    r"|создано|posted|published|updated|forwarded\s+from|дата\s+(?:публикации|опубликования))(?![\w-])"
    r"|главная\s*[/>»|])",
    re.IGNORECASE,
)
#: the words of a date and time stamp: a month, a weekday (in full or short, Russian or English), 'г', 'сегодня'
STAMP_WORD = re.compile(
    rf"(?:{MONTH}|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс|mon|tue|wed|thu"
    r"|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|г|года?|сегодня|вчера|в|th|st|nd|rd)",
    re.IGNORECASE,
)
#: a date or a time in a line: '15.06.2024', '2024-01-10', '19:57', '13 октября', 'Сен 25th'
HAS_STAMP = re.compile(
    rf"\d{{1,2}}:\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{MONTH}"
    rf"|{MONTH}\.?\s+\d{{1,2}}(?:th|st|nd|rd)?,?\s+\d{{4}}",
    re.IGNORECASE,
)
#: the site's own lines by what they hold: a link, a currency ticker ('€ — 91.7782, $ — 78.0882')
SITE_HOLDS = re.compile(r"https?://|www\.\w|[€$]\s*[—–-]\s*\d")
#: a date glued to the headline's last word, as pages copy it ('… Фонд развития промышленности31-07-2017, 14:08.')
GLUED_STAMP = re.compile(
    rf"(?<=[а-яёА-ЯЁa-z»\"])(?:\d{{1,2}}[-.]\d{{2}}[-.]\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}})"
    r"(?:,?\s*\d{1,2}:\d{2})?(?:\s+https?://\S+)?",  # its time and the page's link; the lead may follow on the line
    re.IGNORECASE,
)
#: a list of other news, each with its time stamp first ('- 19.03.25 09:28 Столыпинскому парку добавили …')
STAMPED_ITEM = re.compile(r"^\s*[-–—•]\s*\d{1,2}\.\d{1,2}\.\d{2,4}\s+\d{1,2}:\d{2}\s+\S")


@dataclass(frozen=True)
class Part:
    kind: str  # headline, lead, dateline, timestamp, caption, credit, source, byline, site
    start: int
    end: int
    text: str
    place: str | None = None  # datelines
    agency: str | None = None


@dataclass
class Layout:
    parts: list[Part] = field(default_factory=list)
    excluded: list[tuple[int, int]] = field(default_factory=list)  # no entities from here
    credits: list[tuple[int, int]] = field(default_factory=list)  # only bodies already known (alias table, store)
    authors: list[tuple[int, int]] = field(default_factory=list)  # bylines and credits: no person named only here

    def kind_at(self, pos: int) -> str | None:
        return next((p.kind for p in self.parts if p.start <= pos < p.end), None)

    def is_excluded(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self.excluded)

    def by_author(self, start: int, end: int) -> bool:
        """The span lies in a byline or a credit (a photographer's, an author's name)."""
        return any(s <= start and end <= e for s, e in self.authors)

    def part(self, kind: str) -> Part | None:
        return next((p for p in self.parts if p.kind == kind), None)


#: a senator's pop-up card the Federation Council's pages paste into a sentence after the name: the surname on a line
#: of its own, then the given name and patronymic glued to the seat («Вячеслав Владимировичпредставитель от
#: исполнительного органа государственной власти Республики Бурятия»), perhaps cut at the line's end
SENATOR_CARD = re.compile(
    r"(?m)^(?P<surname>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \t]*\n(?P<given>[А-ЯЁ][а-яё]+)[ \t]+"
    r"(?P<patronymic>[А-ЯЁ][а-яё]+?(?:вич|вна|ична|чна|ич))"
    r"(?P<seat>представитель[ \t]+от[ \t]+[^\n]*?)[ \t]*$"
)


@dataclass
class Card:
    """A senator's card: where it stands, the name it gives and the seat it names (its words as written)."""

    start: int
    end: int
    surname: str
    given: str
    seat_start: int
    seat_end: int


def senator_cards(text: str) -> list[Card]:
    """The senators' pop-up cards pasted into the text (``SENATOR_CARD``)."""
    return [
        Card(m.start(), m.end(), m.group("surname"), m.group("given"), m.start("seat"), m.end("seat"))
        for m in SENATOR_CARD.finditer(text)
    ]


#: words no sentence or heading ends in (a preposition, a conjunction, a post's word): a line ending in one runs on
#: into the next, though that one opens in capitals («председатель\nКомитета СФ …»)
RUNS_ON = frozenset(
    {
        *("в", "во", "на", "по", "с", "со", "о", "об", "от", "для", "к", "из", "у", "за", "при", "и", "а", "но", "или"),
        *("председатель", "заместитель", "член", "руководитель", "директор", "министр", "депутат", "сенатор"),
        *("губернатор", "глава", "главы", "председателя", "директору", "управляющему"),
    }
)


def unwrap(text: str) -> str:
    """The text with each line broken inside a sentence joined by a space (every offset the same): a line with no stop
    at its end before one in lower case («заместитель\nпредседателя», «государственному\nстроительству»), or ending in
    a word of ``RUNS_ON``."""
    out = text
    for m in re.finditer(r"[ \t]*\n", text):
        nxt = text[m.end() : m.end() + 1]
        last = re.search(r"\S+$", text[max(0, m.start() - 40) : m.start()])
        if last is None or not nxt.isalpha():
            continue
        word = last.group()
        lower = (
            re.match(r"[а-яё]{2}|[а-яё]\s", text[m.end() :]) is not None  # not 'г. Пенза' under a signature
            and re.search(r"[а-яёА-ЯЁ0-9,)]$", word) is not None
        )
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        # not a signature's title on a line of its own ('Губернатор\nПензенской области\nВ.К.БОЧКАРЕВ')
        if lower or (nxt.isupper() and word in RUNS_ON and len(line.split()) > 1):
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out


def blank_cards(text: str, cards: list[Card]) -> str:
    """The text with each card made spaces, the line breaks around it too, so that the sentence it stood in runs on
    (every offset the same)."""
    for card in cards:
        s = card.start - 1 if text[card.start - 1 : card.start] == "\n" else card.start
        e = card.end + 1 if text[card.end : card.end + 1] == "\n" else card.end
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def has_verb(line: str) -> bool:
    return any(
        {"VERB", "PRTS", "INFN"} & {p.tag.POS for p in nlp.parse(w)[:1]}
        for w, _, _ in nlp.words(line)
        if re.search(r"[а-яё]", w.lower())
    )


def _site_line(line: str, menu: bool = False) -> bool:
    """A rubric, a tag list or (before the headline, ``menu``) a navigation line: no verb, no quote,
    no final full stop; at most three words, or a comma-separated list of short items, or (``menu``)
    mostly capitalised words."""
    if END_PUNCT.search(line) or re.search(r"[«\"“:]", line) or has_verb(line):
        return False
    ws = [w for w, _, _ in nlp.words(line)]
    if len(ws) <= 3:
        return True
    items = [i for i in re.split(r",", line) if i.strip()]
    if len(items) >= 3 and all(len(i.split()) <= 3 for i in items):
        return True
    return menu and sum(w[:1].isupper() for w in ws[1:]) >= max(3, len(ws) // 2)


def _stamp_line(line: str) -> bool:
    """A date and time stamp with at most two other words ('15.06.2024 19:57 28', '13 октября 2017, пт',
    'Курск Четверг, 20 февраля', 'Экономика, 14.02.2025 09:00'), or one before a bar or a dot
    ('14:00 16.12.2014 | Все новости раздела …', '2024-01-10 20:51:10 · Экономика')."""
    if re.search(r"№|(?<![\w-])N\s*\d", line):
        return False  # 'Постановление от 24 июля 2021 года №1252': an act's title
    for head in (re.split(r"\s[|·]\s", line, maxsplit=1)[0], re.sub(r"\s[|·]\s", " ", line)):
        if not HAS_STAMP.search(head) or END_PUNCT.search(head) and not re.search(r"\d\.\s*$|г\.\s*$", head):
            continue
        rest = [w for w in re.findall(r"[^\W\d_]+", head) if not STAMP_WORD.fullmatch(w)]
        if len(rest) <= 2 and not has_verb(" ".join(rest)):
            return True
    return False


def _chrome(line: str) -> bool:
    """The page's controls, metadata, breadcrumbs, date stamps or a stamped list of other news: no headline."""
    held = CONTROLS.match(line) or META_LINE.match(line) or STAMPED_ITEM.match(line)
    # a link in a paragraph of prose (a bill's page cited in its first sentence) is no page furniture
    linked = SITE_HOLDS.search(line) is not None and len(line) < 200
    return held is not None or linked or _stamp_line(line)


def _ends_sentence(line: str) -> bool:
    return bool(END_PUNCT.search(line)) and not ABBREVIATION_END.search(line)


#: a given name or a surname in title case, and a surname written in capitals («ИВЛЕВ»)
TITLE_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
CAPS_SURNAME = r"[А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})?"


def _byline(line: str, named: bool = False) -> bool:
    """Two or three capitalised words, the surname perhaps in capitals («Егор ИВЛЕВ»); with ``named``, the first a
    given name («Светлана Афонина»)."""
    ws = line.split()
    return (
        2 <= len(ws) <= 3
        and re.fullmatch(TITLE_WORD, ws[0]) is not None
        and all(re.fullmatch(f"{TITLE_WORD}|{CAPS_SURNAME}", w) for w in ws[1:])
        and (not named or any("Name" in p.tag for p in nlp.parse(ws[0])))
    )


#: a photographer's name after the caption's last full stop, before a slash and the agency
CAPTION_PHOTOGRAPHER = re.compile(r"\S\s*\.\s+(?P<name>[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+)\s*$")
#: the agency's name, a dash and the author's: 'НИА "Нижний Новгород" - Алёна Вдовиченко'
AGENCY_AUTHOR = re.compile(r"(?P<agency>[^\s-][^.!?\n]{1,40}?)\s+[-–—]\s+(?P<name>[^.!?\n]{3,40}?)\s*$")


#: the author, a comma, then the agency: 'Сергей Елесин, ИА "Тюменская линия"'
AUTHOR_AGENCY = re.compile(
    r"(?P<name>[^,\n]{3,40}?),\s+(?:ИА|РИА|НИА|(?:информационное\s+)?агентство|газета|журнал|издание)\s+\S[^\n]{1,40}"
)


def _agency_byline(line: str) -> bool:
    """'НИА "Нижний Новгород" - Алёна Вдовиченко', 'Kommersant Perm - - Прикамье - Вячеслав Суханов' (the
    author after the last dash); 'Сергей Елесин, ИА "Тюменская линия"' (the author first)."""
    first = AUTHOR_AGENCY.fullmatch(line.strip())
    if first is not None:
        return _byline(first.group("name"), named=True)
    m = AGENCY_AUTHOR.fullmatch(line.strip())
    if m is None:
        return False
    agency, name = m.group("agency"), m.group("name")
    last = re.split(r"\s+[-–—]\s+", name)
    if len(last) > 1:  # the edition's section between: the author is the last part
        agency, name = f"{agency} {' '.join(last[:-1])}", last[-1]
    return _byline(name, named=True) and any(ch.isupper() for ch in agency[1:])


#: an author's name, then his post at the outlet: 'Александр Механик, обозреватель «Монокль»'
AUTHOR_POST = re.compile(
    r"(?P<name>[^,;\n]{3,40}?),\s+(?:(?:заместитель|зам\.)\s+)?(?:главн\w+\s+)?(?:обозревател\w*|корреспондент\w*|редактор\w*"
    r"|колумнист\w*|журналист\w*|автор\w*)(?:\s+[а-яё]+){0,3}\s+[«\"][^«»\"\n]{1,40}[»\"]"
)


def _authors_with_posts(line: str) -> bool:
    """'Александр Механик, обозреватель «Монокль»; Алексей Хазбиев, заместитель главного редактора журнала «Эксперт»':
    one to three authors, each with his post at the outlet, «;» between."""
    parts = [p.strip() for p in line.strip().split(";")]
    return 1 <= len(parts) <= 3 and all(
        (m := AUTHOR_POST.fullmatch(p)) is not None and _byline(m.group("name"), named=True) for p in parts
    )


def _byline_list(line: str) -> bool:
    """'Алексей Копылов, Илья Щеголихин': two or three authors, each a given name and a surname."""
    names = re.split(r",\s+|\s+и\s+", line.strip())
    return 2 <= len(names) <= 3 and all(_byline(n, named=True) for n in names)


@lru_cache(maxsize=8)
def layout(text: str) -> Layout:
    lines = _lines(text)
    out = Layout()

    def add(kind: str, s: int, e: int, excluded: bool, **kw: str | None) -> None:
        out.parts.append(Part(kind, s, e, text[s:e], **kw))
        if excluded:
            (out.credits if kind == "credit" else out.excluded).append((s, e))

    body_started = False
    headline_seen = False
    lead_possible = False
    for n, (s, e) in enumerate(lines):
        line = text[s:e]
        last = n == len(lines) - 1
        inline = INLINE_BYLINE.search(line)
        if inline:
            add("byline", s + inline.start(), s + inline.end(), False)
            out.authors.append((s + inline.start(), s + inline.end()))
        stamp = TIMESTAMP_NAME.match(line)
        if stamp and _byline(stamp.group("name"), named=True):  # '27 февраля 2020 15:16 Дарья Бобровицкая'
            add("timestamp", s, s + stamp.end("stamp"), True)
            add("byline", s + stamp.start("name"), e, False)
            out.authors.append((s + stamp.start("name"), e))
            continue
        if TIMESTAMP.match(line):
            kinds = [p.kind for p in out.parts[-2:]]
            if (
                kinds == ["headline", "lead"]
                and out.parts[-1].end == lines[n - 1][1]
                and not has_verb(out.parts[-2].text)
                and has_verb(out.parts[-1].text)
            ):
                # 'Десятая конференция «…»' (a banner), then the title with its date under it
                banner, title = out.parts[-2], out.parts[-1]
                out.parts[-2:] = [
                    Part("site", banner.start, banner.end, banner.text),
                    Part("headline", title.start, title.end, title.text),
                ]
                out.excluded.append((banner.start, banner.end))
            add("timestamp", s, e, True)
            continue
        if SITE.match(line) or PROMO.match(line) or (COOKIES.search(line) and re.search(r"(?i)\bсайт", line)):
            add("site", s, e, True)
            continue
        if SOURCE.match(line):
            add("source", s, e, True)
            continue
        glued = GLUED_CREDIT.match(line)
        if glued is not None and len(line) - glued.end() > 60:  # 'Фото: t.me/OO200let Производство … намерены …'
            add("credit", s, s + glued.end("src"), True)
            out.authors.append((s, s + glued.end("src")))
            s = s + glued.end()
            line = text[s:e]
        elif CREDIT.match(line):
            add("credit", s, e, True)
            out.authors.append((s, e))
            continue
        tail = CREDIT_TAIL.search(line)
        if tail:  # 'Денис Мантуров, первый зампред … © Екатерина Штукина/ пресс-служба …', '… (Фото: Name / agency)'
            add("caption", s, e, False)
            out.authors.append((s + tail.start(), e))
            if line[tail.end() :].lstrip().startswith(("CC", "cc")) or tail.group().strip().startswith("/"):
                out.credits.append((s + tail.start(), e))
            elif "/" in line[tail.end() :] and not _byline(line[tail.end() : line.find("/", tail.end())].strip()):
                out.credits.append((s + tail.start(), e))  # 'Фото: Baltphoto / Андрей Пронин': the agency first
            elif "/" in line[tail.end() :]:  # '© Name/ agency': the photographer's name stays readable
                out.credits.append((s + line.find("/", tail.end()), e))
            elif "©" in tail.group() and line[tail.end() :].strip() and not _byline(line[tail.end() :].strip()):
                out.credits.append((s + tail.start(), e))  # '© 2006 «Институт региональной политики»': a body's rights
            else:  # '© Name': the photographer's name stays readable
                out.credits.append((e, e))
            continue
        nxt = text[lines[n + 1][0] : lines[n + 1][1]] if n + 1 < len(lines) else ""
        if headline_seen and _byline(line) and CREDIT_TAIL.search(nxt) and nxt.startswith(line):
            add("caption", s, e, False)  # 'Дмитрий Медведев' over 'Дмитрий Медведев. Фото: …': the photo's title
            continue
        if (
            BYLINE_LABEL.match(nlp.fold_homoglyphs(line))  # «Tекст:» with a Latin T
            or (body_started and _signature(line) and (last or _tail(text, lines[n + 1 :])))
            or (
                headline_seen
                and not body_started
                and out.parts[-1].kind in ("headline", "lead", "credit", "caption", "site")
                and (
                    _byline(line, named=True) or _agency_byline(line) or _byline_list(line) or _authors_with_posts(line)
                )
            )
            or (  # 'Наталья Селиверстова' over 'Фото - © Наталья Селиверстова/РИА Новости': the author, by her credit
                headline_seen
                and _byline(line, named=True)
                and CREDIT.match(nxt)
                and re.search(rf"©\s*{re.escape(line.strip())}(?![\w-])", nxt) is not None
            )
        ):
            add("byline", s, e, False)
            out.authors.append((s, e))
            if (
                not last and not lead_possible
            ):  # under the lead, a byline ends the head: a short line after it is a caption
                body_started = True
            continue
        m = AGENCY_DATELINE.match(line)
        if m and not any("Geox" in p.tag for p in nlp.parse(m.group("agency").lower())):
            add("dateline", s, s + m.end(), True, agency=m.group("agency"))
            body_started = True
            lead_possible = False
            continue
        m = DATELESS_DATELINE.match(line)
        if m:
            add("dateline", s, s + m.end(), True, place=_place(m.group("place")), agency=m.group("agency"))
            body_started = True
            lead_possible = False
            continue
        m = BRACKET_DATELINE.match(line)
        if m:
            add("dateline", s, s + m.end(), True, place=_place(m.group("place")), agency=m.group("agency").strip("«»"))
            if m.group("author") and _byline(m.group("author"), named=True):
                add("byline", s + m.start("author"), s + m.end("author"), False)
                out.authors.append((s + m.start("author"), s + m.end("author")))
            body_started = True
            lead_possible = False
            continue
        m = DATELINE.match(line)
        if m and m.group("a4") and not m.group("place").isupper():
            m = None  # 'Москва, 5 мая, Путин заявил.': a sentence, not an agency, after a place not in capitals
        if m:
            agency = m.group("a1") or m.group("a2") or m.group("a3") or m.group("a4")
            add("dateline", s, s + m.end(), True, place=_place(m.group("place")), agency=agency and agency.strip())
            if m.group("author"):  # the correspondent's name in the dateline is the byline
                add("byline", s + m.start("author"), s + m.end("author"), False)
                out.authors.append((s + m.start("author"), s + m.end("author")))
            body_started = True
            lead_possible = False
            continue
        if not headline_seen and not body_started:
            glued = GLUED_STAMP.search(line)
            if glued and glued.start() > 20 and not (CONTROLS.match(line) or META_LINE.match(line)):
                # the title, then its date (and time, link, poster's line) glued to it; the lead may follow
                add("headline", s, s + glued.start(), False)
                add("timestamp", s + glued.start(), s + glued.end(), True)
                headline_seen = lead_possible = True
                continue
            if (_site_line(line, menu=True) or BULLET.match(line) or _chrome(line)) and n + 1 < len(lines):
                add("site", s, e, True)
                continue
            if not _ends_sentence(line):
                add("headline", s, e, False)
                headline_seen = lead_possible = True
                continue
            body_started = True
            continue
        slash = SLASH_CREDIT.search(line) if headline_seen and not END_PUNCT.search(line) else None
        if slash and lead_possible and _byline(line[: slash.start()].strip(), named=True):
            add("caption", s, e, False)  # 'Варвара Гертье/РИА Новости' under the headline: the photo's credit
            out.authors.append((s, e))
            continue
        photographer = CAPTION_PHOTOGRAPHER.search(line[: slash.start()]) if slash and headline_seen else None
        if photographer is not None and _byline(photographer.group("name"), named=True):
            add("caption", s, e, False)  # 'Министр … Имя Фамилия . Сергей Савостьянов/ ТАСС': the caption, its credit
            out.authors.append((s + photographer.start("name"), e))
            continue
        if lead_possible and not END_PUNCT.search(line) and not last:
            if _site_line(line) or _chrome(line):
                add("site", s, e, True)
                continue
            add("lead", s, e, False)
            lead_possible = False
            continue
        lead_possible = False
        if slash:  # the credit, with the name before it when nothing else is ('Владимир Нуякшев / ТАСС')
            add("caption", s, e, False)
            out.authors.append((s if _byline(line[: slash.start()].strip()) else s + slash.start(), e))
            continue
        if body_started and _byline(line, named=True) and re.search(rf"\s{CAPS_SURNAME}$", line.strip()):
            # 'Егор ИВЛЕВ' on a line of its own: an author's signature, the surname in capitals
            add("byline", s, e, False)
            out.authors.append((s, e))
            continue
        if not END_PUNCT.search(line) and body_started and not line.endswith(("»", ":", ";", '"')) and len(line) < 200:
            site = _site_line(line) and len(nlp.words(line)) > 3  # a tag list, not a short caption
            add("site" if site else "caption", s, e, site)
            continue
        body_started = True
    # '… сделают жизнь людей лучше». ФОТО: ПРЕСС-СЛУЖБА ПРАВИТЕЛЬСТВА …': a credit closing a paragraph
    for s, e in lines:
        tail = CREDIT_AFTER_SENTENCE.search(text, s, e)
        if tail is not None and not out.is_excluded(tail.start(), e):
            out.excluded.append((tail.start(), e))
            out.authors.append((tail.start(), e))
    return out


#: an author's name, a comma and the author's title at the medium: 'Имя Фамилия, специальный корреспондент «…»'
AUTHOR_TITLE = re.compile(
    r"(?P<name>[^,\n]{3,40}),\s+(?:[а-яё-]+\s+){0,2}(?:фото)?(?:корреспондент|обозревател|редактор|журналист)\w*"
    r"(?:\s+[^.!?\n]{1,40})?"
)


def _signature(line: str) -> bool:
    """A name alone on a line, in either order ('Ольга Жданова', 'Жданова Ольга'), perhaps with the author's title
    after a comma ('…, специальный корреспондент «ИМА Череповец»'), not a line of tags
    ('Госуправление Промышленность Правительство'); or after the place it was written in ('Москва, Игорь Юров') or
    before it ('Валентин Романов, Новосибирск'); or two or three names, a comma between them."""
    names = line.split(", ")
    if 2 <= len(names) <= 3 and all(" " in n and _signature(n) for n in names):
        return True  # 'Луиза Игнатьева, Татьяна Леухина': two authors
    staff = AUTHOR_TITLE.fullmatch(line)
    if staff is not None:  # 'Александр Комаров, специальный корреспондент «ИМА Череповец»'
        return _signature(staff.group("name"))
    first, comma, last = line.partition(", ")
    for place, name in ((first, last), (last, first)) if comma else ():
        if re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*", place):
            return any("Geox" in p.tag for p in nlp.parse(place)[:2]) and _signature(name)
    if not _byline(line):
        return False
    ws = line.split()
    if any("Name" in p.tag for w in ws for p in nlp.parse(w)[:2]):
        return True
    # 'Роман Жилин': a given name that is also a common noun (its name reading further down), beside a
    # word the morphology reads first as a surname
    return len(ws) == 2 and any(
        any("Name" in p.tag for p in nlp.parse(a)) and "Surn" in nlp.parse(b)[0].tag for a, b in (ws, ws[::-1])
    )


def _tail(text: str, rest: list[tuple[int, int]]) -> bool:
    """Only the site's leftovers follow ('Новости на Блокнот-Курск', '0', 'Загрузка новости...'): short lines
    with no verb — so a name alone on the line before them signs the article."""
    return bool(rest) and all(len(nlp.words(text[s:e])) <= 4 and not has_verb(text[s:e]) for s, e in rest)


#: places a dateline abbreviates
PLACE_ABBREVIATIONS = {"с.-петербург": "Санкт-Петербург"}


def _place(raw: str) -> str:
    """The dateline's place as a name: capitals read as words ('НИЖНИЙ НОВГОРОД'), an abbreviation written out
    ('С.-ПЕТЕРБУРГ')."""
    if raw.lower() in PLACE_ABBREVIATIONS:
        return PLACE_ABBREVIATIONS[raw.lower()]
    return " ".join(w.capitalize() if w.isupper() else w for w in raw.split()) if raw.isupper() else raw
