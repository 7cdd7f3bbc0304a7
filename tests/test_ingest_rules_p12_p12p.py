"""Twelfth rule pass (posts, money, changes, events), in sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_posts as _posts
from conftest import extract_text as _extract

from server.ingest.quality import canonical_role


def test_acting_heads_of_regions_and_a_governor_named_by_an_adjective():
    posts = _posts("Об этом рассказал временно исполняющий обязанности главы ДНР Петр Зуев.")
    assert (
        "Петр Зуев",
        "roleActingGovernor",
        "Донецкая Народная Республика",
        "временно исполняющий обязанности главы",
    ) in posts
    posts = _posts("Врио главы Чувашии Олег Николаев посетил завод.")
    assert any(w == "Олег Николаев" and r == "roleActingGovernor" for w, r, _, _ in posts)
    posts = _posts("Запланирована встреча с врио тверского губернатора Иваном Соколовым.")
    assert (
        "Иван Соколов",
        "roleActingGovernor",
        "Тверская область",
        "временно исполняющий обязанности губернатора",
    ) in posts
    assert any(
        where == "Рязанская область" for *_, where, _ in _posts("Рязанский губернатор Иван Соколов открыл завод.")
    )
    assert any(
        where == "Ростовская область"
        for *_, where, _ in _posts("Прошла встреча с донским губернатором Иваном Соколовым.")
    )
    # an adjective that names no region gives none
    assert not any(where for *_, where, _ in _posts("Новый губернатор Иван Соколов открыл завод."))
    # the scorer: the acting head of a region is its acting governor
    assert (
        canonical_role("временно исполняющий обязанности главы", ["Луганская Народная Республика"]) == "acting-governor"
    )


def test_a_deputys_portfolio_after_the_region_or_the_government():
    posts = _posts("Как рассказал заместитель губернатора Томской области по экономике Петр Антонов, фонд поможет.")
    assert ("Петр Антонов", "roleDeputyGovernor", "Томская область", "заместитель губернатора по экономике") in posts
    posts = _posts("Петр Антонов, вице-губернатор Курской области по внутренней политике, открыл завод.")
    assert any(r == "roleDeputyGovernor" and where == "Курская область" for _, r, where, _ in posts)
    posts = _posts("Заместитель председателя правительства РФ по вопросам ТЭК Петр Антонов открыл завод.")
    assert any(r == "roleDeputyPrimeMinister" for _, r, _, _ in posts)


def test_a_unit_of_a_chiefs_office_is_no_post_of_the_chief():
    posts = _posts("Доклад начальника правового управления администрации президента РФ Ивана Сомова обсудят.")
    assert not any(r == "rolePresident" for _, r, _, _ in posts)
    assert any(r == "roleChief" for _, r, _, _ in posts)
    posts = _posts("Руководитель департамента экономической политики аппарата правительства Иван Сомов выступил.")
    assert not any(r == "rolePrimeMinister" for _, r, _, _ in posts)
    # the press service of a governor names the governor
    assert any(
        r == "roleGovernor" for _, r, _, _ in _posts("Пресс-служба губернатора Ивана Сомова сообщила о встрече.")
    )


def test_posts_given_by_a_verb_of_appointment():
    posts = _posts("Президент назначил Ивана Сомова вице-премьером — министром промышленности и торговли.")
    assert any(w == "Иван Сомов" and r == "roleDeputyPrimeMinister" for w, r, _, _ in posts)
    assert any(w == "Иван Сомов" and r == "roleMinister" for w, r, _, _ in posts)
    posts = _posts("Депутаты избрали Ивана Сомова председателем комитета Госдумы по промышленности.")
    assert any(w == "Иван Сомов" and r == "roleChair" for w, r, _, _ in posts)
    posts = _posts("Иван Сомов, став вице-премьером, будет курировать промышленность.")
    assert any(r == "roleDeputyPrimeMinister" for _, r, _, _ in posts)
    posts = _posts("Иван Сомов в должности вице-премьера займется промышленностью.")
    assert any(r == "roleDeputyPrimeMinister" for _, r, _, _ in posts)
    assert not _posts("Губернатор назначил Ивана Сомова и поблагодарил его.")


def test_the_head_of_a_park_named_before_or_not_named():
    posts = _posts("Технопарк «Вектор» открылся в 2020 году. Директор технопарка Иван Сомов рассказал о планах.")
    assert ("Иван Сомов", "roleDirector", "Технопарк «Вектор»", "директор") in posts
    posts = _posts("Об этом рассказал генеральный директор парка Иван Сомов.")
    assert ("Иван Сомов", "roleDirectorGeneral", None, "генеральный директор парка") in posts


def _changes(text: str) -> list[tuple[Decimal | None, Decimal, str | None]]:
    return [(c.from_value, c.to_value, c.currency or c.unit) for c in _extract(text).changes]


def test_a_change_with_its_step_or_its_old_value_in_brackets():
    assert _changes("Лимит гарантий увеличен на 1 млрд руб., до 4 млрд руб.") == [
        (Decimal(3 * 10**9), Decimal(4 * 10**9), "RUB")
    ]
    assert _changes("Лимит снижен на 2 млрд рублей, до 6 млрд рублей.") == [
        (Decimal(8 * 10**9), Decimal(6 * 10**9), "RUB")
    ]
    assert _changes("Предельная сумма повышена до 5 млрд рублей (прежде 2 млрд рублей).") == [
        (Decimal(2 * 10**9), Decimal(5 * 10**9), "RUB")
    ]
    assert _changes("Ставка снижена до 3% (ранее 5%).") == [(Decimal(5), Decimal(3), "percent")]


def test_sums_of_funds_without_their_currency():
    amounts = {
        (a.value, a.currency)
        for a in _extract(
            "Проект стоит 1,2 млрд рублей: 500 млн заемных средств, 120 млн собственных и 580 млн рублей фонда."
        ).amounts
    }
    assert {(Decimal(500 * 10**6), "RUB"), (Decimal(120 * 10**6), "RUB")} <= amounts
    # a count is no money
    amounts = {a.value for a in _extract("В регионе живут 2 млн человек, бюджет 5 млрд рублей.").amounts}
    assert Decimal(2 * 10**6) not in amounts


def _events(text: str) -> list[str]:
    return [e.label_ru for e in _extract(text).events]


def test_a_collegial_body_in_a_sitting():
    assert _events("Такие решения принял экспертный совет ФРП на своем очередном заседании.") == [
        "Заседание Экспертного совета Фонда развития промышленности"
    ]
    assert any(
        e.startswith("Заседание бюро Российского союза промышленников")
        for e in _events("Бюро Российского союза промышленников и предпринимателей 12 мая решило создать комитет.")
    )
    assert _events("На июнь намечено заседание межведомственной комиссии, которая рассмотрит заявку.") == [
        "Заседание межведомственной комиссии"
    ]
    events = _events(
        "Наблюдательный совет Фонда развития промышленности одобрил 11 проектов. Подводя итоги заседания, министр "
        "отметил рост."
    )
    assert events == ["Заседание Наблюдательного совета Фонда развития промышленности"]
    # a decision with no day and no sitting named is not one
    assert not _events("Экспертный совет Фонда развития промышленности утвердил новую программу.")


def test_the_presidents_aide_by_a_possessive():
    posts = _posts("От имени президента России Владимира Путина к делегатам обратился его помощник Иван Сомов.")
    assert ("Иван Сомов", "roleAideToPresident", None, "помощник президента") in posts
    # a governor's aide is no post the rules know
    assert not any(
        w == "Иван Сомов" for w, *_ in _posts("Губернатор Олег Рябов приехал. Его помощник Иван Сомов выступил.")
    )
