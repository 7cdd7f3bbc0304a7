"""What the curation pages show of a draft, without Flask: its facts grouped as flagged / new /
linked, and the article text cut into segments at every quote's position selector, each
segment knowing the facts whose quotes cover it (the review page highlights them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from server.core.types import JSONObject

GROUPS = ("flagged", "new", "linked")
PRIORITY = {g: i for i, g in enumerate(GROUPS)}  # a segment covered by several facts shows the first group


def group(item: JSONObject) -> str:
    """'flagged' (an editorial note asks for a check), else 'new' or 'linked'."""
    return "flagged" if item["notes"] else str(item["status"])


def facts(summary: JSONObject) -> list[JSONObject]:
    """Every fact of the review summary, in text order, with its section, group, anchor id
    (``f1``, ``f2``, ...) and the classes it may be given (those of its section)."""
    from server.ingest.workflow import KINDS  # the ingest service: imported by the first review, not at start

    out = []
    for section in KINDS:
        for item in summary[section]:
            out.append({**item, "section": section, "group": group(item), "classes": list(KINDS[section])})
    out.sort(key=lambda i: i["quotes"][0]["start"] if i["quotes"] and i["quotes"][0]["start"] is not None else -1)
    for n, item in enumerate(out, 1):
        item["anchor"] = f"f{n}"
    return out


@dataclass
class Segment:
    start: int
    end: int
    text: str
    facts: list[JSONObject] = field(default_factory=list)  # the facts whose quotes cover it

    @property
    def group(self) -> str | None:
        return min((f["group"] for f in self.facts), key=PRIORITY.__getitem__, default=None)


def segments(text: str, items: list[JSONObject]) -> list[Segment]:
    """``text`` cut at every start and end of the items' quotes; quotes whose offsets do not
    select their exact text are left out (never expected: accept checks them)."""
    spans = [
        (q["start"], q["end"], item)
        for item in items
        for q in item["quotes"]
        if q["start"] is not None
        and 0 <= q["start"] < q["end"] <= len(text)
        and text[q["start"] : q["end"]] == q["exact"]
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in pairwise(cuts):
        covering = {id(i): i for s, e, i in spans if s <= a and b <= e}
        out.append(Segment(a, b, text[a:b], list(covering.values())))
    return out


#: the curation pages' strings (``c(key)`` in their templates), in Russian and English
STRINGS: dict[str, dict[str, str]] = {
    "curation": {"ru": "Редактура", "en": "Curation"},
    "sign_in": {"ru": "Войти", "en": "Sign in"},
    "sign_out": {"ru": "Выйти", "en": "Sign out"},
    "sign_in_title": {"ru": "Вход для редактора", "en": "Sign in to curate"},
    "sign_in_lead": {
        "ru": "Редакторы проверяют черновики, извлечённые из новостей, прежде чем они попадут в опубликованный "
        "граф. Войдите с токеном обновления сервиса.",
        "en": "Curators review the drafts made from news articles before they join the published graph. Sign in "
        "with the service's update token.",
    },
    "update_token": {"ru": "Токен обновления", "en": "Update token"},
    "drafts": {"ru": "Черновики", "en": "Drafts"},
    "drafts_title": {"ru": "Черновики на проверке", "en": "Drafts waiting for review"},
    "no_drafts": {"ru": "Черновиков нет.", "en": "No drafts."},
    "ingest_one": {"ru": "Загрузить статью", "en": "Ingest an article"},
    "new_article": {"ru": "Новая статья", "en": "New article"},
    "new_lead": {
        "ru": "Вставьте текст русской новостной статьи или загрузите его файлом .txt (UTF-8): то же извлечение, "
        "что и policykg ingest, создаст черновик для проверки.",
        "en": "Paste the text of a Russian news article or upload it as a UTF-8 .txt file: the same extraction as "
        "policykg ingest makes a draft for you to review.",
    },
    "text": {"ru": "Текст", "en": "Text"},
    "or_file": {"ru": "или файл .txt", "en": "or a .txt file"},
    "pub_date": {"ru": "Дата публикации", "en": "Publication date"},
    "title": {"ru": "Заголовок", "en": "Title"},
    "title_default": {
        "ru": "по умолчанию: заголовок или первое предложение",
        "en": "default: the headline, or the first sentence",
    },
    "url": {"ru": "URL", "en": "URL"},
    "draft_name": {"ru": "Имя черновика", "en": "Draft name"},
    "make_draft": {"ru": "Создать черновик", "en": "Make the draft"},
    "draft": {"ru": "Черновик", "en": "Draft"},
    "facts": {"ru": "фактов", "en": "facts"},
    "statements": {"ru": "высказываний", "en": "statements"},
    "selectors_ok": {"ru": "позиции цитат совпадают с текстом", "en": "selectors match the text"},
    "the_article": {"ru": "Статья", "en": "The article"},
    "flagged": {"ru": "проверить", "en": "flagged"},
    "new": {"ru": "новое", "en": "new"},
    "linked": {"ru": "связано", "en": "linked"},
    "group_flagged": {"ru": "Требует проверки", "en": "Flagged for a check"},
    "group_new": {"ru": "Новое", "en": "New"},
    "group_linked": {"ru": "Связано с проверенными данными", "en": "Linked to the reviewed data"},
    "none": {"ru": "Нет.", "en": "None."},
    "drop": {"ru": "Удалить", "en": "Drop"},
    "relabel": {"ru": "Переименовать", "en": "Relabel"},
    "set_class": {"ru": "Задать класс", "en": "Set class"},
    "find": {"ru": "Найти", "en": "Search"},
    "link_placeholder": {"ru": "Связать с… (поиск по проверенным данным)", "en": "Link to… (search the reviewed data)"},
    "link_this": {"ru": "Связать с этим", "en": "Link to this"},
    "nothing_found": {"ru": "Ничего не найдено.", "en": "Nothing found."},
    "whole_draft": {"ru": "Весь черновик", "en": "The whole draft"},
    "accept": {"ru": "Принять (проверка SHACL и публикация)", "en": "Accept (validate with SHACL and publish)"},
    "reject": {"ru": "Отклонить (удалить черновик)", "en": "Reject (delete the draft)"},
    "replace": {"ru": "заменить проверенный граф с тем же именем", "en": "replace the reviewed graph of the same name"},
    "not_accepted": {"ru": "Не принято", "en": "Not accepted"},
    "severity": {"ru": "Уровень", "en": "Severity"},
    "resource": {"ru": "Ресурс", "en": "Resource"},
    "property": {"ru": "Свойство", "en": "Property"},
    "problem": {"ru": "Проблема", "en": "Problem"},
    "accepted": {"ru": "Принято", "en": "Accepted"},
    "accepted_graph": {"ru": "Черновик стал проверенным графом", "en": "The draft is now the reviewed graph"},
    "triples": {"ru": "троек", "en": "triples"},
    "inferred_by": {"ru": "выведено", "en": "inferred by"},
    "accepted_facts": {"ru": "Его факты на их страницах", "en": "Its facts, on their pages"},
}
