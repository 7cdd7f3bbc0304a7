"""UI strings in Russian and English, and the choice of language for a request.

The language comes from ``?lang=`` (then remembered in the ``lang`` cookie), else the cookie,
else the request's Accept-Language, else Russian. Templates call ``t("key")``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
COOKIE = "lang"

STRINGS: dict[str, dict[str, str]] = {
    "site_title": {"ru": "Граф промышленной политики", "en": "Industrial policy graph"},
    "changes": {"ru": "Изменения", "en": "Changes"},
    "no_changes": {"ru": "Изменений не записано.", "en": "No change recorded."},
    "releases": {"ru": "Выпуски", "en": "Releases"},
    "no_releases": {"ru": "Выпусков пока нет.", "en": "No release yet."},
    "resources_added": {"ru": "Добавлены", "en": "Added"},
    "resources_changed": {"ru": "Изменены", "en": "Changed"},
    "resources_removed": {"ru": "Удалены", "en": "Removed"},
    "history": {"ru": "История", "en": "History"},
    "named_graph": {"ru": "Граф", "en": "Graph"},
    "recorded": {"ru": "Записано", "en": "Recorded"},
    "reported_on": {"ru": "Опубликовано источником", "en": "Reported"},
    "past_view": {"ru": "Вид в прошлом", "en": "A past view"},
    "past_view_text": {"ru": "Эта страница показывает граф", "en": "This page shows the graph"},
    "as_of": {"ru": "по сообщениям на", "en": "as reported by"},
    "recorded_before": {"ru": "как он был записан до", "en": "as recorded before"},
    "current_view": {"ru": "текущий вид", "en": "the current view"},
    "home": {"ru": "Главная", "en": "Home"},
    "classes": {"ru": "Классы", "en": "Classes"},
    "ontology": {"ru": "Онтология", "en": "Ontology"},
    "query": {"ru": "Запрос SPARQL", "en": "SPARQL query"},
    "search": {"ru": "Поиск", "en": "Search"},
    "search_placeholder": {"ru": "Имя, организация, инструмент…", "en": "Name, organisation, instrument…"},
    "search_results": {"ru": "Результаты поиска", "en": "Search results"},
    "no_results": {"ru": "Ничего не найдено.", "en": "Nothing found."},
    "results_for": {"ru": "Найдено по запросу", "en": "Results for"},
    "match_exact": {"ru": "точное совпадение", "en": "exact match"},
    "match_prefix": {"ru": "начало названия", "en": "label prefix"},
    "match_word": {"ru": "начало слова", "en": "word prefix"},
    "match_contains": {"ru": "часть слова", "en": "part of a word"},
    "matched_label": {"ru": "совпадение", "en": "matched"},
    "types": {"ru": "Типы", "en": "Types"},
    "properties": {"ru": "Свойства", "en": "Properties"},
    "incoming": {"ru": "Входящие ссылки", "en": "Incoming links"},
    "no_incoming": {"ru": "На этот ресурс никто не ссылается.", "en": "Nothing links here."},
    "evidence": {"ru": "Свидетельства", "en": "Evidence"},
    "statements_by": {"ru": "Высказывания", "en": "Statements"},
    "direct_quote": {"ru": "прямая цитата", "en": "direct quote"},
    "reported": {"ru": "пересказ", "en": "reported speech"},
    "speaker": {"ru": "Кто сказал", "en": "Speaker"},
    "source": {"ru": "Источник", "en": "Source"},
    "date": {"ru": "Дата", "en": "Date"},
    "open_source": {"ru": "открыть источник", "en": "open source"},
    "inferred": {"ru": "выведено", "en": "inferred"},
    "inferred_help": {
        "ru": "Утверждение получено логическим выводом (его нет в исходных данных).",
        "en": "Statement derived by the reasoner (not in the asserted data).",
    },
    "neighbourhood": {"ru": "Окружение", "en": "Neighbourhood"},
    "timeline_values": {"ru": "Значения параметров во времени", "en": "Parameter values over time"},
    "timeline_targeted": {"ru": "Предложения по инструменту", "en": "Proposals targeting it"},
    "timeline_activity": {"ru": "Высказывания и предложения по датам", "en": "Statements and proposals by date"},
    "kind_statement": {"ru": "высказывание", "en": "statement"},
    "kind_proposed": {"ru": "предложение", "en": "proposal"},
    "proposers": {"ru": "авторы", "en": "proposed by"},
    "sources": {"ru": "источники", "en": "sources"},
    "undated": {"ru": "без даты", "en": "undated"},
    "neighbourhood_more": {"ru": "показаны не все соседи", "en": "not every neighbour is shown"},
    "as_rdf": {"ru": "Данные RDF", "en": "RDF data"},
    "as_json": {"ru": "JSON", "en": "JSON"},
    "this_query": {"ru": "Запрос SPARQL для этой страницы", "en": "SPARQL query for this page"},
    "page": {"ru": "Страница", "en": "Page"},
    "prev": {"ru": "← назад", "en": "← previous"},
    "next": {"ru": "дальше →", "en": "next →"},
    "more": {"ru": "все", "en": "all"},
    "of": {"ru": "из", "en": "of"},
    "instances": {"ru": "Экземпляры", "en": "Instances"},
    "instance_count": {"ru": "экземпляров", "en": "instances"},
    "class": {"ru": "Класс", "en": "Class"},
    "sort_label_asc": {"ru": "по названию А→Я", "en": "by label A→Z"},
    "sort_label_desc": {"ru": "по названию Я→А", "en": "by label Z→A"},
    "definition": {"ru": "Определение", "en": "Definition"},
    "list_instances": {"ru": "Список экземпляров", "en": "List of instances"},
    "triples": {"ru": "троек", "en": "triples"},
    "dataset": {"ru": "Набор данных", "en": "Dataset"},
    "entry_points": {"ru": "С чего начать", "en": "Where to start"},
    "counts": {"ru": "В графе", "en": "In the graph"},
    "entry_people": {"ru": "Люди", "en": "People"},
    "entry_orgs": {"ru": "Организации", "en": "Institutions"},
    "entry_instruments": {"ru": "Инструменты", "en": "Instruments"},
    "entry_proposals": {"ru": "Предложения", "en": "Proposals"},
    "entry_events": {"ru": "Мероприятия", "en": "Events"},
    "entry_sources": {"ru": "Источники", "en": "Sources"},
    "downloads": {"ru": "Выгрузка", "en": "Downloads"},
    "void": {"ru": "Описание VoID", "en": "VoID description"},
    "export": {"ru": "Весь граф", "en": "Whole graph"},
    "run": {"ru": "Выполнить", "en": "Run"},
    "examples": {"ru": "Примеры запросов", "en": "Example queries"},
    "results": {"ru": "Результаты", "en": "Results"},
    "rows": {"ru": "строк", "en": "rows"},
    "truncated": {"ru": "результат обрезан до", "en": "results cut at"},
    "download": {"ru": "Скачать", "en": "Download"},
    "query_error": {"ru": "Ошибка запроса", "en": "Query error"},
    "ask_true": {"ru": "Да (true)", "en": "Yes (true)"},
    "ask_false": {"ru": "Нет (false)", "en": "No (false)"},
    "subclass_of": {"ru": "подкласс", "en": "subclass of"},
    "domain": {"ru": "Область определения", "en": "Domain"},
    "range": {"ru": "Область значений", "en": "Range"},
    "inverse_of": {"ru": "обратное к", "en": "inverse of"},
    "object_properties": {"ru": "Объектные свойства", "en": "Object properties"},
    "datatype_properties": {"ru": "Свойства-значения", "en": "Datatype properties"},
    "download_turtle": {"ru": "Скачать онтологию (Turtle)", "en": "Download the ontology (Turtle)"},
    "error": {"ru": "Ошибка", "en": "Error"},
    "not_found_help": {"ru": "Такого ресурса нет. Попробуйте поиск.", "en": "No such resource. Try the search."},
    "language": {"ru": "Язык", "en": "Language"},
    "iri": {"ru": "IRI", "en": "IRI"},
    "description": {"ru": "Описание", "en": "Description"},
    "blank_node": {"ru": "безымянный узел", "en": "blank node"},
    "label_col": {"ru": "Название", "en": "Label"},
    "count_col": {"ru": "Количество", "en": "Count"},
}


def pick_language(query_lang: str | None, cookie_lang: str | None, accept_language: str | None) -> str:
    """The page language: ?lang=, then the cookie, then Accept-Language (q-values), then ru."""
    for value in (query_lang, cookie_lang):
        if value in LANGUAGES:
            return value
    best, best_q = None, -1.0
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and q > best_q:
            best, best_q = primary, q
    return best or DEFAULT_LANGUAGE


def translator(lang: str, strings: Mapping[str, Mapping[str, str]] = STRINGS) -> Callable[[str], str]:
    """A ``t(key)`` function for one language; unknown keys come back as themselves."""

    def t(key: str) -> str:
        entry = strings.get(key)
        if entry is None:
            return key
        return entry.get(lang) or entry.get(DEFAULT_LANGUAGE) or key

    return t
