"""Seats of government standing for the body that sits there: «В Смольном уточнили …» (Saint Petersburg's
administration), «представитель Кремля» (the President's administration). A seat is an organisation only
where it acts — it speaks, decides, has a spokesman, a press office or a site; where it is a place («встреча
прошла в Кремле») or a photo's credit it names nothing."""

from __future__ import annotations

import re

from server.ingest.entities import Mention

#: the seat's label and the stem of its case forms (one word or two)
SEATS: tuple[tuple[str, str], ...] = (
    ("Кремль", r"Кремл(?:ь|я|ю|ём|ем|е)"),
    ("Смольный", r"Смольн(?:ый|ого|ому|ым|ом)"),
    ("Правительство Российской Федерации", r"Бел(?:ый|ого|ому|ым|ом) дом(?:|а|у|ом|е)"),  # the writers' label
    ("Старая площадь", r"Стар(?:ая|ой|ую) площад(?:ь|и|ью)"),
)

#: a verb only a body (its people) does, after the seat: «в Смольном уточнили», «Кремль заявил»
_SAYS = (
    r"(?:уточнил|сообщил|заявил|объяснил|пояснил|рассказал|отметил|подчеркнул|ответил|напомнил|добавил"
    r"|прокомментировал|опроверг|подтвердил|признал|предложил|поддержал|одобрил|согласовал|решил|отказал|подписал)"
    r"(?:и|а|о)?|(?:счита|заявля|сообща|уточня|поясня|планиру|рассчитыва|наде|готов|ожида)(?:ют|ет|ются|ется)"
    r"|смож(?:ет|ем)|(?:выдел|направ|оплат)(?:ит|ил|ил[аи])"  # 'Смольный в 2026 году сможет оплатить'
)
#: a time between the seat and its verb: 'Смольный в 2026 году сможет …'
_WHEN = r"(?:\s+в\s+\d{4}\s+году)?"
#: a speaker or channel of the seat before it: «представитель Кремля», «в пресс-службе Смольного»
_VOICE = (
    r"(?:представител|пресс-служб|пресс-секретар|сайт|источник|администраци|аппарат|специалист|сотрудник|чиновник"
    r"|поправк)[а-яё]{0,4}"  # 'специалисты Смольного', 'поправки Смольного к закону'
)
#: a statement before the seat it comes from, a date between: 'Как рассказали 20 ноября в Смольном'
_SAID = r"(?:рассказал|сообщил|уточнил|пояснил|объяснил|заявил|отметил|добавил|подчеркнул)и"
_DATE = r"(?:\s+\d{1,2}\s+(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]{0,2})?"
#: what a body gives or signs, the seat named after it as the subject: 'субсидии, которую выделяет ему Смольный'
_GIVES = r"(?:выделя|перечисля|направля|оплачива|подписыва)(?:ет|л)(?:\s+(?:ему|ей|им))?"


def seat_mentions(text: str) -> list[tuple[str, Mention]]:
    """The seats of government the text uses for the bodies sitting there, with their mentions."""
    out = []
    for label, form in SEATS:
        acts = re.compile(
            rf"(?<![\w-])(?:(?:[Вв]о?\s+)?({form})(?:\s*,[^,.\n]{{1,60}},)?{_WHEN}\s+(?:(?:не|уже|также|тоже|сегодня|вчера)\s+)?"
            rf"(?:{_SAYS})(?![\w-])|{_VOICE}(?:\s+[а-яё]+)?\s+({form})(?![\w-])"
            rf"|(?<![\w-]){_SAID}{_DATE}\s+[Вв]о?\s+({form})(?![\w-])|(?<![\w-]){_GIVES}\s+({form})(?=\s*[,.;])"
            r")"
        )
        for m in acts.finditer(text):
            g = next(i for i in (1, 2, 3, 4) if m.group(i))
            out.append((label, Mention(m.start(g), m.end(g), m.group(g))))
    return out


#: a quoted name of one or two capitalised words (no sentence): «Союзцемент», «Росагромаша»
_QUOTED = r"«([А-ЯЁ][а-яё]{3,}(?:[ -][А-ЯЁ][а-яё]+)?)»"
#: a request or a statement in a participle after the name: '«Союзцемент», просивший ввести пошлину'
_ASKING = r"(?:просивш|предлагавш|требовавш|настаивавш|добивавш|выступивш|заявивш|сообщивш)(?:ий|ая|ее|ие|ую|его|ей|им)"


#: the head of a body before its quoted name: «руководитель «Технодинамики»», «экс-гендиректор «Вектора»»
_HEAD = (
    r"(?:[Ээ]кс-)?(?:руководител[ьяюем]{0,2}|(?:генеральн[а-яё]{2,3}\s+)?директор[а-яё]{0,2}|гендиректор[а-яё]{0,2}"
    r"|президент[а-яё]{0,2}|глав[аеуы])"
)
#: a quoted name after a head's role: one to three words, an abbreviation before a hyphen ('«РТ-Медицинские Технологии»')
_HEAD_QUOTED = r"«((?:[А-ЯЁ]{2,4}-)?[А-ЯЁ][а-яё]{3,}(?:[ -][А-ЯЁа-яё][а-яё]+){0,2})»"
#: a name after a head's role in straight quotes, of the same shape
STRAIGHT_QUOTED = re.compile(r'(?<![\w"])"((?:[А-ЯЁ]{2,4}-)?[А-ЯЁ][а-яё]{3,}(?:[ -][А-ЯЁа-яё][а-яё]+){0,2})"(?![\w"])')


def quoted_actors(text: str) -> list[Mention]:
    """Organisations named by their quoted name alone where the name acts as a body: it speaks or asks («В
    «Союзцементе» отметили», «по данным «Союзцемента»», «представитель «Росагромаша»», «не поддержала
    «Союзцемент», просивший ввести пошлину»). The mention is the name within its quotes."""
    acts = re.compile(
        rf"(?<![\w-])(?:(?:[Вв]о?\s+)?{_QUOTED}(?:\s*,[^,.\n«»]{{1,60}},)?\s+(?:(?:не|уже|также|тоже)\s+)?(?:{_SAYS})"
        rf"(?![\w-])|(?:{_VOICE}|[Пп]о\s+(?:данным|словам\s+представител[а-яё]{{1,3}}|оценкам?|информации))\s+"
        rf"{_QUOTED}|{_QUOTED},\s+{_ASKING}(?![\w-]))"
    )
    out = []
    for m in acts.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i))
        out.append(Mention(m.start(g) - 1, m.end(g) + 1, text[m.start(g) - 1 : m.end(g) + 1]))
    # after a head's role, a name in straight quotes too, read as in guillemets one character for one
    # ('экс-руководитель "Технодинамики"')
    read = STRAIGHT_QUOTED.sub(lambda m: f"«{m.group(1)}»", text)
    for m in re.finditer(rf"(?<![\w-]){_HEAD}\s+{_HEAD_QUOTED}", read):
        if all(x.start != m.start(1) - 1 for x in out):
            out.append(Mention(m.start(1) - 1, m.end(1) + 1, text[m.start(1) - 1 : m.end(1) + 1]))
    return out


def after_head(text: str, start: int) -> bool:
    """The quoted name at ``start`` follows a head's role ('руководитель «Технодинамики»'): it is in the genitive."""
    return re.search(rf"(?<![\w-]){_HEAD}\s+$", text[max(0, start - 40) : start]) is not None
