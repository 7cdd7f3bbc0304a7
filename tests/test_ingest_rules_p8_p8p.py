"""Eighth rule pass (posts, legal acts, money, changes, events), in sentences of our own."""

from __future__ import annotations

import datetime
from decimal import Decimal

from conftest import extract_text as _extract

from server.ingest import acts, money


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p.person.label_ru, p.role, p.org.label_ru if p.org else None) for p in _extract(text).posts}


def test_press_secretaries_correspondents_and_a_dative_role():
    posts = _posts(
        "Об этом сообщил журналистам его пресс-секретарь Игорь Смирнов. Кто именно доложил губернатору, "
        "Игорь Смирнов не уточнил. Позже пресс-секретарь губернатора Олег Сидоров рассказал корреспонденту "
        "«Вестника» Марии Ивановой о планах."
    )
    assert ("Игорь Смирнов", "roleSpokesperson", None) in posts
    assert ("Олег Сидоров", "roleSpokesperson", None) in posts
    assert not any(role == "roleGovernor" for _, role, _ in posts)
    assert any(role == "roleCorrespondent" and org is None for _, role, org in posts)


def test_a_ministers_short_complement_and_a_regions_vice_premier():
    posts = _posts(
        "Министр экономики Олег Лебедев не ответил на вопрос. Импортозамещение не входит в задачи Минэкономики."
    )
    assert posts == {("Олег Лебедев", "roleMinister", "Минэкономики")}
    posts = _posts(
        "Вице-премьер Татарстана Анна Петрова дала интервью. Об этом рассказала заместитель "
        "Премьер-министра Правительства Республики Татарстан Анна Петрова."
    )
    assert {(role, org) for _, role, org in posts} == {
        ("roleDeputyPrimeMinister", "Правительство Республики Татарстан")
    }


def test_editors_brackets_a_list_after_a_participle_and_heads_of_commissions():
    posts = _posts(
        "Он напомнил, что комиссию по развитию туризма возглавляет премьер (Петр) Соколов, а в правительстве "
        "работают (вице-премьеры Иван) Белов, отвечающий за энергетику, и (Олег) Орлов."
    )
    assert ("Петр Соколов", "rolePrimeMinister", "Правительство Российской Федерации") in posts
    assert ("Петр Соколов", "roleChair", "Комиссия по развитию туризма") in posts
    assert {p for p, role, _ in posts if role == "roleDeputyPrimeMinister"} == {"Иван Белов", "Олег Орлов"}
    posts = _posts(
        "Межведомственная комиссия по развитию туризма одобрила заявки. Об этом рассказал возглавляющий "
        "комиссию замминистра финансов Олег Лебедев."
    )
    assert any(p == "Олег Лебедев" and role == "roleChair" for p, role, _ in posts)


def test_exchange_rates_upper_bounds_and_comparative_qualifiers():
    assert money.amounts("Курс доллара ЦБ — 79,73 руб., евро — 93,56 руб.") == []
    assert money.amounts("• USD ЦБ 79.73 руб") == []
    text = "Фонды получат докапитализацию на сумму до 2 миллиардов рублей."
    assert [(a.value, a.qualifier) for a in money.amounts(text)] == [(Decimal(2 * 10**9), "upTo")]
    assert money.changes(text) == []
    text = "Закупки дешевле ₽3 млн закроют, дороже 5 млн руб. оставят; всего вложено практически 12 млрд руб."
    assert [a.qualifier for a in money.amounts(text)] == ["lessThan", "moreThan", "almost"]


def test_act_numbers_without_sign_and_dates_without_year():
    refs = acts.legal_acts("У нас действует постановление 1432, однако его мало кто читает.")
    assert [r.number for r in refs] == ["1432"]
    assert [r.number for r in acts.legal_acts("Постановление 2019 года подписали давно.")] == [None]
    refs = acts.legal_acts(
        "Постановление от 5 августа дополняет постановление правительства от 12 мая 2019 года № 512.", year=2019
    )
    assert {(r.number, r.date) for r in refs} == {
        (None, datetime.date(2019, 8, 5)),
        ("512", datetime.date(2019, 5, 12)),
    }


def test_named_meetings_hearings_reports_and_forums():
    text = (
        "Решение принято по итогам заседания подкомиссии по поддержке угольных компаний. Выступая на коллегии "
        "Минпромторга, министр подвел итоги года. На совещании о положении дел в химической промышленности, "
        "прошедшем 5 мая, говорили о льготах. Премьер представит отчет правительства за 2021 год. На "
        "парламентских слушаниях обсуждали закупки. Соглашение подписали на Южном региональном инвестиционном "
        "форуме (ЮРИФ), а на пленарном заседании Восточного экономического форума выступил президент. "
        "Делегация поедет на ПМЭФ."
    )
    labels = {e.label_ru.lower().replace("ё", "е") for e in _extract(text, published=datetime.date(2021, 6, 1)).events}
    assert labels == {
        "заседание подкомиссии по поддержке угольных компаний",
        "коллегия министерства промышленности и торговли российской федерации",
        "совещание о положении дел в химической промышленности",
        "отчет правительства за 2021 год",
        "парламентские слушания",
        "южный региональный инвестиционный форум (юриф)",
        "пленарное заседание восточного экономического форума",
        "петербургский международный экономический форум (пмэф)",
    }
