"""The forty-third rule pass: shapes of the eighty-sixth and later held-out sets — a «З» written for the digit three
and a count of things made that is no money; a company's board chaired by a person named after it and the board's
committees, whose chairs hold posts in the company; a post after a name and «был», «который прежде был», «больше
не», «…, но остается»; «сейчас он заместитель главы» of a city — each tested on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_orgs, extract_posts, extract_text


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or else region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def _money(text: str) -> list[tuple[Decimal, str, str]]:
    return [(a.value, a.currency, a.text) for a in extract_text(text).amounts]


def test_a_ze_for_the_digit_three_and_a_count_of_things_made():
    """«стоит более З50 млн pyблей» (a Cyrillic «З», Latin «p» and «y»): 350 million roubles, quoted as written; «уже
    изготовлено 2 млн» is a count of things, not money, though the article speaks of roubles."""
    text = (
        "Завод купил станки, стоимость которых превышает З50 млн pyблей. Деталей уже изготовлено 2 млн. План — "
        "нарастить выпуск до З5 млн штук в месяц."
    )
    money = _money(text)
    assert (Decimal(350_000_000), "RUB", "превышает З50 млн pyблей") in money
    assert all(value != Decimal(2_000_000) for value, _, _ in money)
    changes = extract_text(text).changes
    assert any(c.to_value == Decimal(35_000_000) and "З5 млн" in c.text for c in changes)
    # a «З» inside a word stays a letter
    assert extract_orgs("Завод в Зеленодольске получил заем.") is not None


def test_a_boards_chair_named_after_the_board_and_its_committees():
    """«совет директоров АО «Вертолеты» … возглавлял Имя», «председателем комитета по аудиту избрана Имя», «комитет по
    стратегии возглавил Имя»: posts in the company; the committees are no organisations."""
    text = (
        "Игорь Седов стал председателем совета директоров АО «Вертолетный холдинг». До него совет директоров "
        "АО «Вертолетный холдинг» три года возглавлял вице-премьер Олег Кравцов. На заседании председателем "
        "комитета по аудиту избрана Анна Белова, а комитет по стратегии возглавил Петр Зорин."
    )
    posts = _posts(text)
    company = "АО «Вертолетный холдинг»"
    for holder in ("Игорь Седов", "Олег Кравцов", "Анна Белова", "Петр Зорин"):
        assert (holder, "roleChair", company) in posts, holder
    roles = {p: ru for p, _, _, ru in extract_posts(text)}
    assert roles["Анна Белова"] == "председатель комитета по аудиту"
    assert not any(o.lower().startswith("комитет") for o in extract_orgs(text))
    # a parliament's committee of the same subject is a body of its own
    text = "Депутаты Госдумы обсудили доклад. Председателем комитета по бюджету стала Анна Белова."
    assert not any(org == company for _, _, org in _posts(text))


def test_a_post_after_a_name_and_was():
    """«Имя был заместителем министра» (the ministry named just before), «Имя, который прежде был заместителем
    министра …», «Имя больше не министр …, но остается вице-премьером»."""
    text = (
        "Пост министра промышленности Курской области занял Олег Рогов. До сегодняшнего дня Рогов был "
        "заместителем министра."
    )
    assert ("Олег Рогов", "roleDeputyMinister", "Министерство промышленности Курской области") in _posts(text)
    text = (
        "Ивана Котова, который прежде был заместителем министра промышленности Курской области, назначили "
        "советником губернатора."
    )
    assert ("Иван Котов", "roleDeputyMinister", "Министерство промышленности Курской области") in _posts(text)
    text = (
        "В области прошли перестановки. Алексей Петров больше не министр экономического развития Курской области, но "
        "остается заместителем председателя правительства региона."
    )
    posts = _posts(text)
    assert ("Алексей Петров", "roleMinister", "Министерство экономического развития Курской области") in posts
    assert ("Алексей Петров", "roleDeputyPrimeMinister", "Правительство Курской области") in posts


def test_now_he_is_a_deputy_head_of_a_city():
    """«Имя получил новую должность: сейчас он заместитель главы Магнитогорска»: the city's deputy head."""
    text = "Бывший министр Евгений Котов получил новую должность: сейчас он заместитель главы Магнитогорска."
    roles = {(p, ru) for p, _, _, ru in extract_posts(text)}
    assert ("Евгений Котов", "заместитель главы Магнитогорска") in roles
