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
    ("Белый дом", r"Бел(?:ый|ого|ому|ым|ом) дом(?:|а|у|ом|е)"),
    ("Старая площадь", r"Стар(?:ая|ой|ую) площад(?:ь|и|ью)"),
)

#: a verb only a body (its people) does, after the seat: «в Смольном уточнили», «Кремль заявил»
_SAYS = (
    r"(?:уточнил|сообщил|заявил|объяснил|пояснил|рассказал|отметил|подчеркнул|ответил|напомнил|добавил"
    r"|прокомментировал|опроверг|подтвердил|признал|предложил|поддержал|одобрил|согласовал|решил|отказал)"
    r"(?:и|а|о)?|(?:счита|заявля|сообща|уточня|поясня|планиру|рассчитыва|наде|готов|ожида)(?:ют|ет|ются|ется)"
)
#: a speaker or channel of the seat before it: «представитель Кремля», «в пресс-службе Смольного»
_VOICE = r"(?:представител|пресс-служб|пресс-секретар|сайт|источник|администраци|аппарат)[а-яё]{0,4}"


def seat_mentions(text: str) -> list[tuple[str, Mention]]:
    """The seats of government the text uses for the bodies sitting there, with their mentions."""
    out = []
    for label, form in SEATS:
        acts = re.compile(
            rf"(?<![\w-])(?:(?:[Вв]о?\s+)?({form})(?:\s*,[^,.\n]{{1,60}},)?\s+(?:(?:не|уже|также|тоже|сегодня|вчера)\s+)?"
            rf"(?:{_SAYS})(?![\w-])|{_VOICE}(?:\s+[а-яё]+)?\s+({form})(?![\w-]))"
        )
        for m in acts.finditer(text):
            g = 1 if m.group(1) else 2
            out.append((label, Mention(m.start(g), m.end(g), m.group(g))))
    return out
