"""Events the text names: forums and exhibitions («форум InRussia», «выставка «Иннопром»»), their
sessions («пленарная сессия форума …»), meetings of a body («заседание Наблюдательного совета ФРП»,
«заседании кабмина», «46-й сессии» of a legislature), conferences («совещании в Саратовской областной
думе»), meetings with someone («встречи с членами комитета Госдумы …») and working trips. Each with the
date the sentence gives («17–18 октября», «сегодня» = the article's date), the place it names (a
city, a region or a body «в Госдуме») and the persons who spoke or took part there (a person in the
same sentence as a verb of speaking or taking part). All of it is a draft for the curator.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date as Date

from server.ingest import nlp, regions
from server.ingest.entities import Candidate, head_lemma
from server.ingest.inflect import inflect_phrase
from server.ingest.structure import MONTH

NAMED = r"(?:«[^»\n]{1,120}»|\"[^\"\n]{1,60}\"|(?-i:[A-ZА-ЯЁ])[\w\-]*[A-ZА-ЯЁa-z](?:[ \-](?-i:[A-Z0-9])[\w\-]*)?)"
FORUM = re.compile(
    rf"\b(?P<head>(?:(?:международн|российск|всероссийск|промышленн|экономическ)\w*\s+|(?-i:[а-яё]+-?[а-яё]+)"
    r"(?:ом|ой|ым|ого|ий|ый|ая|ую|ое)\s+(?=(?:[а-яё-]+\s+)?(?:форум|выставк|конгресс|конференци|саммит|салон)))*"
    rf"(?:форум|выставк|конгресс|конференци|саммит|салон|семинар|кругл\w*\s+стол)\w*"
    # what it is about, lower-case words before a quoted name: 'форума технологического развития "Технопром"'
    r"(?:(?:\s+(?!(?:после|перед|через|около|среди|против|вокруг)\s)(?-i:[а-яё]{4,})){1,3}(?=\s+[«\"]))?)\s+"
    rf"(?P<name>{NAMED})",
    re.IGNORECASE,
)
SESSION = re.compile(r"\b(?P<head>пленарн\w+\s+(?:сесси|заседани)\w*)", re.IGNORECASE)
NTH_SESSION = re.compile(
    r"(?<![\w-])(?P<n>\d+)-(?:й|я|ой|ей|ю|е|го|м|му|ом)\s+(?P<head>сесси\w*|заседани\w*)", re.IGNORECASE
)  # '46-й сессии', 'на своём 43-м заседании
MEETING = re.compile(
    r"\b(?P<head>(?:итогов\w+\s+|расширенн\w+\s+|выездн\w+\s+|очередн\w+\s+|совместн\w+\s+)?"
    r"(?:заседани|совещани|съезд)\w*)",
    re.IGNORECASE,
)
#: a body after «заседание»: its meeting ('заседании штаба правительственной комиссии …', 'коллегии ведомства')
BODY = re.compile(
    r"\s+((?:[а-яё]+(?:ой|ого)\s+){0,2}?(?:штаба|президиума|коллегии|совета|комиссии|подкомиссии|комитета|правления|[Бб]юро|"
    r"отделения|филиала|"
    r"рабочей\s+группы|"
    r"(?:наблюдательного|экспертного|попечительского)\s+совета)(?:\s+ведомства)?)\b"
)
#: what a meeting is about: 'совещании о положении дел в легкой промышленности, прошедшем 3 июня'
#: or by a noun of action: 'совещании по развитию дорожного хозяйства', 'заседание по подготовке к …'
ABOUT = re.compile(
    r"\s+(?:о|об|по\s+вопросам|(?P<action>по\s+(?!итогам|словам|поручению|приглашению)[а-яё]+(?:нию|тию|ке|ам)))"
    r"\s+[а-яё]"
)
#: a ministry's board in session: 'Выступая на коллегии Минпромторга', 'В Москве прошла расширенная коллегия …'
BOARD = re.compile(
    r"(?<![\w-])(?:(?:на(?:\s+полях)?|во\s+время|в\s+ходе|в\s+рамках|после|по\s+итогам|участи[еия]\s+в"
    r"|участвовал[аи]?\s+в)\s+|(?=(?:расширенн|итогов)\w+\s+коллеги))(?P<head>(?:расширенн\w+\s+|итогов\w+\s+)?коллеги[июя]\w*)\s+",
    re.IGNORECASE,
)
#: a round table named by its place, singular ('круглый стол в Луганске'; not 'на круглых столах')
PLACED_TABLE = re.compile(
    r"(?<![\w-])кругл(?:ый|ого|ому|ым|ом)\s+стол(?:а|у|ом|е)?[ \u00a0]+(?P<place>(?-i:во?)[ \u00a0]+(?-i:[А-ЯЁ])[а-яё-]+)",
    re.IGNORECASE,
)
#: the government's yearly report to the Duma: 'отчет правительства за 2018 год'
REPORT = re.compile(
    r"(?<![\w-])(?P<head>отч[её]т\w*\s+(?:правительства|кабмина))(?P<year>\s+за\s+\d{4}\s+год)?", re.IGNORECASE
)
#: hearings and the government's hour: 'на парламентских слушаниях', '«правительственный час»'
HEARING = re.compile(
    r"(?<![\w-])(?P<head>(?:парламентск|публичн|общественн)\w+\s+слушани\w*|правительственн\w+\s+час\w*)", re.IGNORECASE
)
#: a forum named by its adjectives: 'на Балтийском региональном инвестиционном форуме (БРИФ)'
ENDS = r"(?:ий|ый|ой|ого|ом|ому|ая|ое|ую|ей|ых|им)"
NAMED_FORUM = re.compile(
    rf"(?<![\w-])(?P<head>(?:(?P<nth>(?-i:[IVXL]+)|\d+-(?:й|я|го|ой|ом))\s+)?[А-ЯЁ][а-яё-]+{ENDS}(?:\s+[а-яё-]+{ENDS}){{0,3}}"
    r"\s+(?P<noun>(?:[A-ZА-ЯЁ0-9]+-)?(?:форум|конгресс|съезд|конференци|выставк|саммит))\w*)"
    r"(?:\s+\((?P<abbr>[А-ЯЁA-Z][\w-]+)\))?"
)
#: well-known forums by their abbreviation
FORUMS = {
    "ПМЭФ": "Петербургский международный экономический форум",
    "ВЭФ": "Восточный экономический форум",
    "КЭФ": "Красноярский экономический форум",
    "МАКС": "Международный авиационно-космический салон",
}
FORUM_ABBR = re.compile(r"(?<![\w-])(?P<abbr>ПМЭФ|ВЭФ|КЭФ|МАКС)(?:-(?P<year>\d{2,4}))?(?![\w-])")
#: an event noun written with a capital inside a sentence, named by the genitives after it: 'на Саммите
#: дизайн-центров электроники', 'участники Форума регионов'
CAPPED = re.compile(
    r"(?<=[а-яёa-z0-9,] )(?P<head>(?:Саммит|Форум|Конгресс|Конференци|Выставк|Салон|Фестивал)[а-яё]*)(?=\s+[а-яё])"
)
WITH = re.compile(r"\b(?P<head>встреч\w*)(?P<who>(?:\s+[А-ЯЁ][а-яё]+)?)\s+с\s+", re.IGNORECASE)
#: meetings named by their date: 'на оперативном совещании 28 мая', 'по итогам двух совещаний — 10 и 17 января'
DATED = re.compile(
    rf"(?<![\w-])(?P<head>(?:заседани|совещани)\w*)\s+(?:(?P<dash>[—–-])\s*)?(?P<d1>\d{{1,2}})"
    rf"(?:\s+и\s+(?P<d2>\d{{1,2}}))?\s+(?P<m>{MONTH})(?:\s+(?P<y>\d{{4}}))?",
    re.IGNORECASE,
)
#: a meeting about an action: 'Встречу по развитию станкоинструментальной промышленности провел …'
MEETING_ON = re.compile(r"(?<![\w-])(?P<head>встреч\w*)\s+по\s+(?!итогам)[а-яё]+(?:нию|тию|ке)(?![\w-])", re.IGNORECASE)
#: a meeting's venue by its name: 'в Доме Правительства', 'в Кремле', 'в Белом доме', 'в Смольном'
VENUE = re.compile(
    r"\s+(?:в|во)\s+(?:Дом[еау]\s+(?:[Пп]равительства|Советов)|Кремл[еьяю]|Бел(?:ом|ый)\s+дом[еау]?|Смольном)"
    r"(?:\s+(?-i:[А-ЯЁ])[а-яё]+)?(?![\w-])"
)
#: the President's yearly address: 'в ежегодном Послании Федеральному Собранию'
ADDRESS = re.compile(
    r"(?<![\w-])(?P<head>Послани[еяюи]\w*)(?:\s+(?:Президента|президента)(?:\s+(?:РФ|России))?)?\s+"
    r"Федеральному\s+[Сс]обранию"
)
#: a trip told by its purpose and a verb: 'с инспекцией посетили Краснотурьинск', 'с рабочим визитом прибыл в Омск'
TRIP_VERB = re.compile(
    r"(?<![\w-])с\s+(?P<head>инспекци\w*|(?:рабоч|официальн)\w+\s+(?:визит|поездк)\w*)\s+"
    r"(?:посетил|побывал|прибыл|приехал)[аи]?\s+(?:в\s+|во\s+)?(?=(?-i:[А-ЯЁ]))",
    re.IGNORECASE,
)
TRIP = re.compile(
    r"\b(?P<head>рабоч\w+\s+(?:поездк|визит)\w*|официальн\w+\s+визит\w*)(?:\s+(?-i:[А-ЯЁ])[а-яё]+){0,2}\s+(?:по|в|во)\s+",
    re.IGNORECASE,
)  # 'рабочей поездки Мантурова в Ленинградскую область', 'прибыл с рабочим визитом в Ростовскую область'
SPOKE = re.compile(
    r"\b(?:(?:заявил|сообщил|сказал|подчеркнул|отметил|добавил|рассказал|выступил|участвовал|провел|провёл|"
    r"представил|доложил|перечислил)а?|выступая|принял[а]?\s+участие)\b",
    re.IGNORECASE,
)
#: collegial bodies whose decisions are taken in a sitting
COLLEGIAL = ("совет", "бюро", "президиум", "правление", "подкомиссия", "коллегия")
#: a verb of a decision, right after its subject (a date between allowed)
DECIDED = re.compile(
    r"\s*(?:\d{1,2}\s+[а-яё]+\s+|также\s+|уже\s+)?(?:одобрил|утвердил|принял|решил|рассмотрел|"
    r"дал[аио]?\s+согласие|поддержал|согласовал|заседал|рекомендовал)[аио]?(?![\w-])",
    re.IGNORECASE,
)
#: a collegial body in any case, by its noun ('Бюро', 'наблюдательного совета фонда')
BODY_DECIDED = re.compile(
    r"(?<![\w-])(?P<body>(?:[Нн]аблюдательн|[Ээ]кспертн|[Пп]опечительск|[Кк]оординационн)[а-яё]+\s+совет[а-яё]*"
    r"|Бюро|[Пп]резидиум[а-яё]*|[Пп]равлени[а-яё]+|(?<=[Чч]лены\s)(?:совета|комиссии|коллегии))(?:\s+(?P<of>фонда))?(?![\w-])"
)
PLACE = re.compile(r"\s(?:в|во|на)\s+$")
PHRASE_STOP = re.compile(r"[,.;:!?()\n«]|\s[-–—]\s|\s(?:и|а)\s+(?:провел|прош|состоял|заявил|сообщил)")
NEXT_WORD = re.compile(r"\s+([а-яё-]+)")
DATE = re.compile(rf"\b(?P<d>\d{{1,2}})(?:\s*[–—-]\s*\d{{1,2}})?\s+(?P<m>{MONTH})(?:\s+(?P<y>\d{{4}}))?", re.IGNORECASE)
MONTHS = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


@dataclass
class Event:
    cls: str  # Event or Meeting
    label_ru: str
    start: int
    end: int
    key: str
    of: Candidate | None = None  # the body that met
    date: Date | None = None
    place: str | None = None
    venue: Candidate | None = None
    speakers: list[Candidate] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    for s, e in nlp.sentence_bounds(text):
        if s <= pos < e:
            return s, e
    return pos, pos


def _date(text: str, s: int, e: int, published: Date | None) -> Date | None:
    m = DATE.search(text, s, e)
    if m:
        year = int(m.group("y")) if m.group("y") else published.year if published else None
        month = next((i for i, p in enumerate(MONTHS, 1) if m.group("m").lower().startswith(p)), None)
        if year and month:
            try:
                return Date(year, month, int(m.group("d")))
            except ValueError:
                return None
    if published and re.search(r"\bсегодня\b", text[s:e], re.IGNORECASE):
        return published
    return None


def extract_events(
    text: str,
    persons: list[Candidate],
    orgs: list[Candidate],
    published: Date | None = None,
    excluded: Callable[[int, int], bool] = lambda s, e: False,
) -> list[Event]:
    org_at = {m.start: (c, m.end) for c in orgs for m in c.mentions}  # mention start -> (organisation, its end)
    found: dict[str, Event] = {}

    def add(ev: Event) -> None:
        if excluded(ev.start, ev.end):
            return
        old = found.get(ev.key)
        if old is None:
            found[ev.key] = ev
            ev.mentions.append((ev.start, ev.end))
        else:
            old.mentions.append((ev.start, ev.end))
            old.date = old.date or ev.date

    for m in FORUM.finditer(text):
        name = m.group("name").strip('«»"')
        if re.match(r"кругл|семинар", m.group("head"), re.IGNORECASE) and m.group("name")[:1] not in '«"':
            continue  # 'за круглым столом Госдумы': a named round table has its name in quotes
        label = f"{_cap(inflect_phrase(m.group('head'), 'nomn'))} {m.group('name')}"
        add(Event("Event", label, m.start(), m.end(), f"forum:{name.lower()}"))
    for m in SESSION.finditer(text):
        space = text[m.end() : m.end() + 1] == " "
        forum = FORUM.match(text, m.end() + 1) if space else None
        named = NAMED_FORUM.match(text, m.end() + 1) if space and forum is None else None
        end = forum.end() if forum else named.end() if named else m.end()
        label = _cap(inflect_phrase(m.group("head"), "nomn"))
        if forum:
            label += " " + inflect_phrase(forum.group("head"), "gent").lower() + " " + forum.group("name")
        elif named:  # 'пленарном заседании Международного арктического форума'
            label += " " + text[named.start() : named.end()]
        add(Event("Event", label, m.start(), end, f"session:{nlp.lemma_key(label)}"))
    for m in NTH_SESSION.finditer(text):
        s, e = _sentence(text, m.start())
        legislature = next(
            (c for c in orgs for mm in c.mentions if s <= mm.start < e and c.cls == "LegislativeBody"), None
        )
        noun = "-я сессия" if m.group("head").lower().startswith("сесси") else "-е заседание"
        label = f"{m.group('n')}{noun}" + (f" {inflect_phrase(legislature.label_ru, 'gent')}" if legislature else "")
        add(Event("Meeting", label, m.start(), m.end(), f"nth:{m.group('n')}", of=legislature))
    bodies = [c for c in orgs if head_lemma(c.label_ru) in COLLEGIAL and c.cls != "LegislativeBody"]
    for c in bodies:  # 'экспертный совет ФРП утвердил …', 'решение приняли члены наблюдательного совета фонда'
        for mm in c.mentions:
            if _decided(text, mm.start, mm.end):
                add(
                    Event(
                        "Meeting",
                        f"Заседание {inflect_phrase(c.label_ru, 'gent')}",
                        mm.start,
                        mm.end,
                        f"meeting:{c.key}",
                        of=c,
                    )
                )
    for m in BODY_DECIDED.finditer(text):  # a body the rules do not name: 'Бюро РСПП решило', 'члены совета фонда'
        if any(mm.start <= m.start() < mm.end for c in bodies for mm in c.mentions):
            continue
        sp = re.match(r"\s+", text[m.end() :])
        inner = org_at.get(m.end() + sp.end()) if sp else None
        if not _decided(text, m.start(), inner[1] if inner else m.end()):
            continue
        gen = " ".join(inflect_phrase(w.lower(), "gent") for w, _, _ in nlp.words(m.group("body")))
        if inner is not None:
            c, c_end = inner
            label = f"Заседание {gen} {inflect_phrase(c.label_ru, 'gent')}"
            add(Event("Meeting", label, m.start(), c_end, f"meeting:{nlp.lemma_key(gen)}:{c.key}", of=c))
        elif m.group("of"):
            funds = sorted(
                ((mm.start > m.start(), abs(mm.start - m.start()), c) for c in orgs for mm in c.mentions),
                key=lambda x: x[:2],
            )  # the fund named last before, else first after
            fund = next((c for _, _, c in funds if head_lemma(c.label_ru) == "фонд"), None)
            label = f"Заседание {gen} " + (inflect_phrase(fund.label_ru, "gent") if fund else m.group("of"))
            add(Event("Meeting", label, m.start(), m.end(), f"meeting:{nlp.lemma_key(label)}", of=fund))
        elif m.group("body") in ("совета", "комиссии", "коллегии"):  # 'Члены совета (директоров) одобрили …'
            m_end = _genitives_end(text, m.end())
            earlier = [  # the council named before: 'наблюдательный совет фонда … Члены совета поддержали …'
                (mm.start, c)
                for c in bodies
                for mm in c.mentions
                if mm.end <= m.start() and head_lemma(c.label_ru) == nlp.lemma(m.group("body"))
            ]
            if m_end == m.end() and earlier:
                c = max(earlier, key=lambda x: x[0])[1]
                add(
                    Event(
                        "Meeting",
                        f"Заседание {inflect_phrase(c.label_ru, 'gent')}",
                        m.start(),
                        m_end,
                        f"meeting:{c.key}",
                        of=c,
                    )
                )
            else:
                add(Event("Meeting", f"Заседание {gen}{text[m.end() : m_end]}", m.start(), m_end, f"members:{gen}"))
    for m in MEETING.finditer(text):
        sp = re.match(r"\s+", text[m.end() :])
        owner = org_at.get(m.end() + sp.end()) if sp else None
        head = _cap(inflect_phrase(m.group("head"), "nomn"))
        body = BODY.match(text, m.end())
        if owner is None and body:  # 'заседании штаба правительственной комиссии …', 'коллегии ведомства'
            sp2 = re.match(r"\s+", text[body.end() :])
            inner = org_at.get(body.end() + sp2.end()) if sp2 else None
            same = [c for c in orgs if c.lemmas and c.lemmas[0] == nlp.lemma(body.group(1).split()[0])]
            if inner is not None:
                c, c_end = inner
                label = f"{head} {body.group(1)} {inflect_phrase(c.label_ru, 'gent')}"
                add(Event("Meeting", label, m.start(), c_end, f"meeting:{body.group(1)}:{c.key}", of=c))
                continue
            if len(same) == 1:
                owner = (same[0], body.end())
            elif re.match(r"\s+по\s+[а-яё]", text[body.end() :]):  # 'заседания подкомиссии по оказанию …'
                add(_as_written(text, m, head, _phrase_end(text, body.end()), "body"))
                continue
            elif re.match(r"\s*(?:[,.;:!?()\n]|$)", text[body.end() :]) and body.group(1).split()[0][0].islower():
                add(_as_written(text, m, head, body.end(), "body"))  # 'заседание межведомственной комиссии, которая …'
                continue
        elif owner is None and re.match(r",\s+посвящ[её]нн\w+\s+", text[m.end() :]):
            s, e = _sentence(text, m.start())
            stop = re.search(r"[,.;:]|\s(?:и|а)\s+провел", text[m.end() + 2 : e])
            add(_as_written(text, m, head, m.end() + 2 + (stop.start() if stop else e - m.end() - 2), "devoted"))
            continue
        if owner is None and not body:
            owner = _own_sitting(text, m, orgs)
            if owner is not None and re.search(
                r"одном\s+из\s+(?:[а-яё]+\s+)?$", text[max(0, m.start() - 30) : m.start()]
            ):
                head = re.sub(r"^Заседания(?![\w-])", "Заседание", head)  # 'на одном из заседаний': one sitting
        if owner is None and not body:  # 'На заседании во вторник думский комитет …', 'на том же заседании'
            owner = _sitting_by_subject(text, m, org_at) or _sitting_named_before(text, m, orgs)
        bare = owner is None and not body and re.match(r"\s*[,.;:!?)\n]", text[m.end() :])
        only = bodies[0] if len(bodies) == 1 else None
        others = [ev for ev in found.values() if ev.cls == "Meeting" and ev.of is not only]
        if bare and only is not None and head.lower().startswith("заседани") and not others:
            owner = (only, m.end())  # 'Подводя итоги заседания, …' in an article about one board, no other meeting
        if owner is not None:
            c, c_end = owner
            label = f"{head} {inflect_phrase(c.label_ru, 'gent')}"
            add(Event("Meeting", label, m.start(), c_end, f"meeting:{c.key}", of=c))
        elif (about := ABOUT.match(text, m.end())) and not head.lower().startswith("съезд"):
            end = _genitives_end(text, about.end("action")) if about.group("action") else _phrase_end(text, m.end())
            add(_as_written(text, m, head, end, "about"))
        elif re.match(
            r"\s+(?:с\s+(?!участием|использованием|начала)|у\s+)(?-i:[а-яё])", text[m.end() :]
        ) and not head.lower().startswith(
            "съезд"
        ):  # 'на совещании с вице-премьерами', 'совещании у премьер-министра РФ Михаила Мишустина'
            add(_as_written(text, m, head, _phrase_end(text, m.end()), "with"))
        elif venue := VENUE.match(text, m.end()):  # 'на совещании в Доме Правительства'
            add(_as_written(text, m, head, venue.end(), "at"))
        elif re.match(r"\s+(?:в|на)\s+", text[m.end() :]) and (
            at := next(((c, mm) for c in orgs for mm in c.mentions if m.end() < mm.start < m.end() + 6), None)
        ):
            c, mm = at
            label = f"{head}{text[m.end() : mm.end]}"  # 'Совещание в Саратовской областной думе'
            add(Event("Meeting", label, m.start(), mm.end, f"meeting-at:{c.key}", venue=c))
        elif end := _place_end(text, m.end()):  # 'выездное совещание в Челябинске', '… в Омской области'
            add(_as_written(text, m, head, end, "at"))
    for m in BOARD.finditer(text):  # 'на коллегии Минпромторга': the board's session
        board = org_at.get(m.start("head"))
        if board is not None and nlp.lemma(board[0].label_ru.split()[0].lower()) == "коллегия":
            c, c_end = board
            add(Event("Meeting", c.label_ru, m.start("head"), c_end, f"board:{c.key}", of=c))
            continue
        ministry = org_at.get(m.end())
        if ministry is not None:
            c, c_end = ministry
            label = f"{_cap(inflect_phrase(m.group('head'), 'nomn'))} {inflect_phrase(c.label_ru, 'gent')}"
            add(Event("Meeting", label, m.start("head"), c_end, f"board:{c.key}", of=c))
    for m in PLACED_TABLE.finditer(text):  # 'к круглому столу в Луганске': one round table, by its place
        if not any(ms <= m.start() < me for ev in found.values() for ms, me in ev.mentions):
            label = f"Круглый стол {m.group('place')}"
            add(Event("Event", label, m.start(), m.end(), f"table:{nlp.lemma_key(m.group('place'))}"))
    for m in REPORT.finditer(text):
        label = _cap(inflect_phrase(m.group("head"), "nomn")) + (m.group("year") or "")
        add(Event("Event", label, m.start(), m.end(), f"report:{(m.group('year') or '').strip()}"))
    for m in HEARING.finditer(text):
        end = _phrase_end(text, m.end()) if ABOUT.match(text, m.end()) else m.end()
        label = _cap(inflect_phrase(m.group("head"), "nomn")) + text[m.end() : end]
        add(Event("Event", label, m.start(), end, f"hearing:{nlp.lemma_key(m.group('head'))}"))
    for m in NAMED_FORUM.finditer(text):
        words = m.group("head").split()[1 if m.group("nth") else 0 :]
        if any(ms <= m.start() < me for ev in found.values() for ms, me in ev.mentions) or not all(
            nlp.parse(w.lower())[0].tag.POS == "ADJF" for w in words[:-1]
        ):
            continue  # the forum of a session already found; 'Главной темой форума'
        if not (m.group("nth") or "-" in m.group("noun") or re.match(r"форум|конгресс|съезд", m.group("noun"))):
            continue  # 'Международная конференция прошла …': a conference or show by adjectives is a name when numbered
        nth = f"{m.group('nth')} " if m.group("nth") else ""
        label, end = nth + _cap(inflect_phrase(m.group("head")[len(nth) :], "nomn")), m.end()
        inner_key = next(
            (k for k, ev in found.items() if k.startswith("forum:") and m.start() < ev.start < m.end()), None
        )
        if inner_key is not None:  # 'Машиностроительном форуме Северо-Запада': one forum, its name after it
            tail = found.pop(inner_key)
            name = text[m.end() : tail.end].strip()
            if name[:1] in '«"' or any(p.tag.case == "gent" for p in nlp.parse(name.lower())[:1]):
                label, end = f"{label} {name}", tail.end
        label += f" ({m.group('abbr')})" if m.group("abbr") else ""
        add(Event("Event", label, m.start(), end, f"forum:{nlp.lemma_key(m.group('head'))}"))
    for m in CAPPED.finditer(text):
        end = _genitives_end(text, m.end())
        if end > m.end() and not any(ms < end and m.start() < me for ev in found.values() for ms, me in ev.mentions):
            label = _cap(inflect_phrase(m.group("head"), "nomn")) + text[m.end() : end]
            add(Event("Event", label, m.start(), end, f"forum:{nlp.lemma_key(label)}"))
    for m in FORUM_ABBR.finditer(text):
        if any(ms < m.end() and m.start() < me for ev in found.values() for ms, me in ev.mentions):
            continue  # 'на авиакосмическом салоне МАКС': found with its noun
        full = FORUMS[m.group("abbr")]
        label = f"{full} ({m.group()})"
        add(Event("Event", label, m.start(), m.end(), f"forum:{nlp.lemma_key(full)}"))
    for m in WITH.finditer(text):
        s, e = _sentence(text, m.start())
        after = text[m.end() : e]
        stop = re.search(r"[,.;:]|\s(?:и|а)\s(?!Министерств)", after)
        end = m.end() + (stop.start() if stop else len(after))
        end = max([end] + [mm.end for c in orgs for mm in c.mentions if mm.start < end < mm.end])  # '… и торговле'
        if end - m.end() < 3:
            continue
        label = f"Встреча {'' if not m.group('who').strip() else m.group('who').strip() + ' '}с {text[m.end() : end]}"
        add(Event("Event", label, m.start(), end, f"with:{nlp.lemma_key(text[m.end() : end])}"))
    for m in DATED.finditer(text):  # one meeting a date
        if m.group("dash") and not m.group("d2"):
            continue  # 'заседание — 10 марта': a date of its own
        if any(ms < m.end("head") and m.start("head") < me for ev in found.values() for ms, me in ev.mentions):
            continue  # 'на пленарном заседании 19 сентября': the session found, its date read below
        head = _cap(nlp.lemma(m.group("head").lower()))
        for d in filter(None, (m.group("d1"), m.group("d2"))):
            day = f"{d} {m.group('m')}" + (f" {m.group('y')}" if m.group("y") else "")
            ev = Event("Meeting", f"{head} {day}", m.start(), m.end(), f"dated:{head.lower()}:{day}")
            ev.date = _date(day, 0, len(day), published)
            add(ev)
    for m in MEETING_ON.finditer(text):
        end = _genitives_end(text, m.end())
        label = _cap(inflect_phrase(m.group("head"), "nomn")) + text[m.end("head") : end]
        add(Event("Event", label, m.start(), end, f"on:{nlp.lemma_key(text[m.end('head') : end])}"))
    for m in TRIP.finditer(text):
        s, e = _sentence(text, m.start())
        stop = re.search(r"[,.;:]", text[m.end() : e])
        end = m.end() + (stop.start() if stop else e - m.end())
        place = next((r for r in regions.find(text[m.end() : end]) if r.start == 0), None)
        end = m.end() + place.end if place is not None else end  # 'в Ленинградскую область': up to the place
        if "визит" in m.group("head").lower():  # the place after it is as written ('в Ростовскую область')
            kind = "Рабочий" if m.group("head").lower().startswith("рабоч") else "Официальный"
            label = f"{kind} визит{text[m.end('head') : end]}"
        else:
            label = _cap(inflect_phrase(text[m.start() : end], "nomn"))
        add(Event("Event", label, m.start(), end, f"trip:{nlp.lemma_key(label)}"))
    for m in ADDRESS.finditer(text):
        add(Event("Event", "Послание Президента Федеральному Собранию", m.start(), m.end(), "address"))
    for m in TRIP_VERB.finditer(text):  # up to the last place named: 'посетили Краснотурьинск и Каменск-Уральский'
        s, e = _sentence(text, m.start())
        end = m.end()
        for place in regions.find(text[m.end() : e]):
            if re.fullmatch(r"\s*(?:,|и)?\s*", text[end : m.end() + place.start]):
                end = m.end() + place.end
        end = end if end > m.end() else _phrase_end(text, m.end())
        kind = "Инспекционная поездка" if m.group("head").lower().startswith("инспекц") else "Рабочий визит"
        label = f"{kind} в {text[m.end() : end]}"
        add(Event("Event", label, m.start(), end, f"trip:{nlp.lemma_key(label)}"))
    events = sorted(found.values(), key=lambda ev: ev.start)
    for ev in events:
        for ms, me in ev.mentions:
            s, e = _sentence(text, ms)
            ev.date = ev.date or _date(text, s, e, published)
            if ev.place is None:  # a region named with 'в'/'на' after the event, in its sentence
                r = next(
                    (
                        r
                        for r in regions.find(text)
                        if me <= r.start < e
                        and PLACE.search(text[r.start - 4 : r.start])
                        and not re.search(r"[.;]", text[me : r.start])
                    ),
                    None,
                )
                ev.place = r.label if r else None
            if SPOKE.search(text[s:e]):
                ev.speakers += [
                    p
                    for p in persons
                    if p not in ev.speakers
                    and any(s <= mm.start < e for mm in p.mentions)
                    and not any(xs <= mm.start < xe for mm in p.mentions for xs, xe in ev.mentions)
                ]
    return events


def _own_sitting(text: str, m: re.Match[str], orgs: list[Candidate]) -> tuple[Candidate, int] | None:
    """'Комитет думы на своём заседании одобрил …', 'Кабмин на последнем заседании …', 'правительством региона, заседание которого вел губернатор':
    a sitting named by a common noun, of the body named just before it (the subject of «своём», or the noun a
    relative clause «заседание которого» hangs on)."""
    own = (
        re.search(
            r"(?<![\w-])(?:сво[её]м\s+(?:[а-яё]+\s+)?|на\s+(?:одном\s+из\s+(?:[а-яё]+(?:их|ых)\s+)?"
            r"|(?:последнем|ближайшем|прошлом|недавнем|внеочередном)\s+))$",
            text[max(0, m.start() - 30) : m.start()],
        )
        or (  # 'Комитет Госдумы провел расширенное заседание': the body that held it
            re.search(r"(?<![\w-])пров[её]л[аио]?\s+$", text[max(0, m.start() - 12) : m.start()])
            and m.group("head").lower().split()[-1].startswith("заседани")
        )
    )  # 'на своём заседании', 'Правительство области на одном из последних заседаний рассмотрело …'
    rel = re.match(r"\s+котор(?:ого|ой)(?![\w-])", text[m.end() :])
    if not own and not rel:
        return None
    s, _ = _sentence(text, m.start())
    before = [(mm.end, -mm.start, c) for c in orgs for mm in c.mentions if s <= mm.start and mm.end <= m.start()]
    if not before:
        return None
    end, _, c = max(before, key=lambda x: x[:2])
    gap = text[end : m.start()]
    near = re.fullmatch(r",\s*", gap) if rel else re.fullmatch(r"[^.;:!?\n«»()]{0,60}", gap)
    return (c, m.end()) if near else None


#: the time of a sitting between it and its body: ' во вторник', ' в четверг, 6 марта,', ' 6 марта'
WEEKDAY = r"(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
TIMED = re.compile(
    rf"(?:\s*,)?\s+(?:{WEEKDAY}(?:\s*,\s*\d{{1,2}}\s+{MONTH})?|\d{{1,2}}\s+{MONTH})\s*,?\s+", re.IGNORECASE
)
#: a sitting said again: 'на том же заседании', 'на сегодняшнем заседании'
SAID_BEFORE = re.compile(r"(?<![\w-])на\s+(?:(?:т|эт)ом\s+же|сегодняшнем|вчерашнем|нынешнем|этом)\s+$", re.IGNORECASE)
SITTING_BODIES = ("LegislativeBody", "Committee")


def _sitting_by_subject(
    text: str, m: re.Match[str], org_at: dict[int, tuple[Candidate, int]]
) -> tuple[Candidate, int] | None:
    """'На заседании во вторник думский комитет по промышленности посоветовал …', 'На заседании в четверг, 6 марта,
    Комитет ГД … обсудил': a sitting opening its sentence, its time, then the body that sat as the subject."""
    if not m.group("head").lower().startswith("заседании") or not re.search(
        r"(?:^|[.!?\n]\s*)[Нн]а\s+$", text[max(0, m.start() - 20) : m.start()]
    ):
        return None
    timed = TIMED.match(text, m.end())
    owner = org_at.get(timed.end()) if timed else None
    if owner is None or owner[0].cls not in SITTING_BODIES and head_lemma(owner[0].label_ru) not in COLLEGIAL:
        return None
    return owner[0], m.end()


def _sitting_named_before(text: str, m: re.Match[str], orgs: list[Candidate]) -> tuple[Candidate, int] | None:
    """'Депутаты Госдумы … одобрили законопроект. Во втором чтении … на том же заседании': a sitting said again, of
    the legislature or committee the article names most often before it."""
    if not m.group("head").lower().startswith("заседании") or not SAID_BEFORE.search(
        text[max(0, m.start() - 30) : m.start()]
    ):
        return None
    named = [
        (sum(mm.end <= m.start() for mm in c.mentions), -min(mm.start for mm in c.mentions), c)
        for c in orgs
        if c.cls in SITTING_BODIES
    ]
    named = [x for x in named if x[0]]
    return (max(named, key=lambda x: x[:2])[2], m.end()) if named else None


def _place_end(text: str, pos: int) -> int:
    """Where a place «в <city or region>» right after ``pos`` ends, or 0 when none is there."""
    at = re.match(r"\s+(?:в|во)\s+(?=(?-i:[А-ЯЁ]))", text[pos:])
    if not at:
        return 0
    start = pos + at.end()
    region = next((r for r in regions.find(text[start : start + 60]) if r.start == 0), None)
    if region is not None:
        return start + region.end
    word = re.match(r"[А-ЯЁа-яё-]+", text[start:])
    city = word and any("Geox" in p.tag and p.tag.case == "loct" for p in nlp.parse(word.group().lower()))
    return start + word.end() if word and city else 0


def _decided(text: str, start: int, end: int) -> bool:
    """Is the body at text[start:end] in a sitting: the subject of a decision on a given day ('Бюро РСПП 15 октября
    решило'), of a decision 'на своем заседании', or its members deciding ('решение приняли члены совета')?"""
    s, e = _sentence(text, start)
    first = nlp.words(text[start:end])[0][0].lower()
    subject = any(p.tag.case == "nomn" for p in nlp.parse(first))
    after = re.sub(r"\([^()]*\)", "", text[end:e])[:60]
    if subject and DECIDED.match(after) and re.match(r"\s*\d", after):
        return True  # a decision on a given day: the sitting of that day (a bare decision is not always one)
    if subject and re.search(r"на\s+сво[её]м\s+(?:[а-яё]+\s+)?заседании", text[end:e]):
        return True
    return bool(re.search(r"(?<![\w-])[Чч]лен(?:ы|ов|ами)\s+$", text[s:start]) and DECIDED.search(text[s:e]))


def _as_written(text: str, m: re.Match[str], head: str, end: int, kind: str) -> Event:
    """A meeting named by its head word and the words after it up to ``end``, as the text has them."""
    words = text[m.end() : end]
    return Event("Meeting", head + words, m.start(), end, f"{kind}:{nlp.lemma_key(words)}")


def _phrase_end(text: str, pos: int) -> int:
    """Where a complement after ``pos`` ends: punctuation, a line's end or «и/а» before a verb."""
    m = PHRASE_STOP.search(text, pos)
    return m.start() if m else len(text)


def _genitives_end(text: str, pos: int) -> int:
    """Where the genitive words after ``pos`` end ('по развитию дорожного хозяйства| премьер …')."""
    while (w := NEXT_WORD.match(text, pos)) and nlp.parse(w.group(1))[0].tag.case == "gent":
        pos = w.end()
    return pos


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
