"""The page's own lines above the headline (controls, metadata, breadcrumbs, date stamps, links, tickers) are no
headline, a headline may end with an abbreviation's dot, and a date glued to it is cut off (texts of our own). A
contact line with a phone number stays readable: it may name a person. A wrong headline was the article's title in
the graph («Перейти к основному контенту»)."""

from __future__ import annotations

import pytest

from server.ingest import structure

BODY = (
    "Правительство области направит заводам 300 млн рублей на закупку станков, сообщила пресс-служба.\n"
    "Субсидии получат двенадцать предприятий.\n"
)
TITLE = "Заводы области получат субсидии на станки"


def _parts(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in structure.layout(text).parts:
        out.setdefault(p.kind, p.text)
    return out


@pytest.mark.parametrize(
    "above",
    [
        "Перейти к основному контенту",
        "Войти в почту",
        "Найти тему",
        "Рубрика: экономика",
        "Теги: промышленность, субсидии",
        "Обновлено в 08:53",
        "Опубликовано 12.05.2021, 10:28",
        "Posted 5 сентября 2022, 14:03",
        "(обновлено: 19:16 11.05.2024)",
        "Главная / Экономика / Заводы области получат субсидии",
        "Главная > Новости дня > Заводы области получат субсидии",
        "11.03.2023 18:41 17",
        "14 апреля 2019, чт",
        "Среда, 18 января 2023 09:40",
        "Пн. Окт 16th, 2023",
        "Липецк Вторник, 21 марта",
        "Общество · 2023-03-21 17:19:30",
        "09:15 12.04.2016 | Все новости раздела «Регион»",
        "- 21.03.23 09:28 В области открылся новый технопарк",
        "Ссылка на материал: https://example.org/news/1",
        "5 апреля 2023г, Среда € — 91.7782, $ — 78.0882",
        "Forwarded from Канал министерства",
    ],
)
def test_the_pages_own_line_above_is_no_headline(above):
    text = f"{above}\n{TITLE}\n{BODY}"
    parts = _parts(text)
    assert parts.get("headline") == TITLE
    assert structure.layout(text).is_excluded(0, len(above))  # no entity is taken from it


def test_an_acts_title_with_its_date_stays_the_headline():
    title = "Постановление от 14 марта 2022 года №310"
    assert _parts(f"{title}\n{BODY}").get("headline") == title


def test_a_headline_ending_with_an_abbreviations_dot():
    for title in ("Фонд развития промышленности области может заработать в начале 2024 г.",
                  "Технопарк ждет инвесторов с 2 млрд руб."):  # fmt: skip
        assert _parts(f"{title}\n{BODY}").get("headline") == title


def test_a_date_glued_to_the_headline_is_cut_off():
    text = f"{TITLE}12-04-2021, 11:05. Разместил: Иван Петров |\n{BODY}"
    parts = _parts(text)
    assert parts.get("headline") == TITLE
    assert parts.get("timestamp", "").startswith("12-04-2021")


def test_a_cookie_notice_is_no_headline():
    text = f"На сайте используются cookies. Продолжая работу, вы соглашаетесь с условиями\n{TITLE}\n{BODY}"
    assert _parts(text).get("headline") == TITLE


def test_the_lead_on_the_line_of_a_glued_date_stays_readable():
    lead = "Правительство области направит заводам 300 млн рублей."
    text = f"{TITLE}12 апреля 2021 11:05 https://example.org/n/1 {lead}\n{BODY}"
    lay = structure.layout(text)
    assert _parts(text).get("timestamp") == "12 апреля 2021 11:05 https://example.org/n/1"
    at = text.index(lead)
    assert not lay.is_excluded(at, at + len(lead))
