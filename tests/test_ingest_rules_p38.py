"""The thirty-eighth rule pass: shapes of the seventieth held-out set and after — a region's minister with no
portfolio, a medium told something, a sign-off of a medium, surnames in «-ич», «-ук» and «-я» declined, first deputies
as concepts of their own, a head who was once a deputy of the same body, a list of companies the dictionary knows —
each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_posts

from server.ingest import quality


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_regions_minister_with_no_portfolio_names_no_ministry():
    """«одним из самых молодых министров региона»: no «Министерство региона …»; «руководителя ведомства» after it is
    the ministry the text named before."""
    text = (
        "Министерство строительства Омской области возглавил Павел Сидоров. Сидоров станет одним из самых молодых "
        "министров региона. О планах прежнего руководителя ведомства Ивана Лукина не сообщается."
    )
    orgs = extract_orgs(text)
    assert not any("региона" in o for o in orgs)
    assert ("Иван Лукин", "roleMinister", "Министерство строительства Омской области") in _posts(text)


def test_a_medium_told_something_is_no_organisation():
    """«агентству ЕАН рассказали», «газете "Вечерний курьер" сообщил»: the medium, not a body of the news."""
    text = (
        "В пресс-службе завода агентству ЕАН рассказали о новом цехе. Директор АО «Вектор» Петр Ивлев газете "
        '"Вечерний курьер" сообщил, что заказы выросли.'
    )
    orgs = extract_orgs(text)
    assert "ЕАН" not in orgs
    assert not any("Вечерний курьер" in o for o in orgs)
    assert any("Вектор" in o for o in orgs)


def test_a_mediums_sign_off_is_no_person():
    """«Европейско-Азиатские Новости.» closing the article: a plural adjective and a plural noun, no name."""
    text = "Что ждет прежнего главу завода Олега Рябова, пока не сообщается. Сибирские Новости."
    assert extract_persons(text) == ["Олег Рябов"]
    text = "Об этом сообщил директор Олег Рябов. Европейско-Азиатские Новости."
    assert extract_persons(text) == ["Олег Рябов"]


def test_a_surname_in_ich_is_no_patronymic_of_a_plural_genitive():
    """«Михаилу Юревичу»: «Юр» is only the plural genitive of «Юра», no given name; the surname in the nominative."""
    text = "Освободившийся мандат достанется Михаилу Юревичу, который покинул пост губернатора."
    assert extract_persons(text) == ["Михаил Юревич"]
    text = "Совещание провел Сергей Юрьевич Петров."
    assert extract_persons(text) == ["Сергей Юрьевич Петров"]


def test_a_surname_in_ya_declined_is_one_person():
    """«Игорь Руденя» in the headline and «Игорем Руденей» in the body: one person."""
    text = (
        "Денис Мантуров и Игорь Руденя обсудили поддержку заводов\n"
        "Встреча министра с губернатором Тверской области Игорем Руденей прошла 30 ноября."
    )
    assert extract_persons(text) == ["Денис Мантуров", "Игорь Руденя"]


def test_first_deputies_have_concepts_of_their_own():
    text = (
        "Первый заместитель генерального директора АО «Вектор» Олег Рябов и первый заместитель руководителя "
        "Росстандарта Иван Лукин приехали на завод."
    )
    posts = _posts(text)
    assert any(p == "Олег Рябов" and role == "roleFirstDeputyDirector" for p, role, _ in posts)
    assert any(p == "Иван Лукин" and role == "roleFirstDeputyHead" for p, role, _ in posts)


def test_the_scorer_reads_first_deputy_director_as_one_role():
    assert quality.canonical_role("первый заместитель генерального директора") == "first-deputy-director"
    assert quality.canonical_role("первый заместитель директора") == "first-deputy-director"
    assert quality.canonical_role("заместитель генерального директора") == "deputy-director"


def test_appointed_new_head_after_being_deputy_keeps_both_posts():
    """«назначен новым руководителем …», then «работал заместителем руководителя …»: two posts of one body."""
    text = (
        "Распоряжением правительства Иван Лукин назначен новым руководителем Федерального агентства по "
        "техническому регулированию и метрологии (Росстандарт). До этого Иван Лукин работал заместителем "
        "руководителя Росстандарта."
    )
    roles = {role for p, role, _ in _posts(text) if p == "Иван Лукин"}
    assert roles == {"roleHead", "roleDeputyHead"}


def test_a_list_of_companies_the_dictionary_knows_is_a_list_of_organisations():
    """«Уралвагонзавод, Уралтрансмаш, «Уральские локомотивы», «Уральский завод …» и Уралхимпласт»: names the
    dictionary tags as organisations, a quoted name its mention leaves the quotes off; «УВЗ» is Uralvagonzavod."""
    text = (
        "Субсидии получили Уралвагонзавод, Уралтрансмаш, «Уральские локомотивы», «Уральский завод резинотехнических "
        "изделий» и Уралхимпласт. Еще раньше УВЗ получил 93 млн рублей."
    )
    orgs = extract_orgs(text)
    for name in ("Уралтрансмаш", "Уралхимпласт", "«Уральские локомотивы»"):
        assert name in orgs
    assert "УВЗ" not in orgs
    assert "УВЗ" in orgs["АО «НПК «Уралвагонзавод»"]


def test_an_authors_line_with_the_title_at_the_medium_signs_the_article():
    """«Имя Фамилия, специальный корреспондент «…»» on the last line: the byline, no person of the news."""
    text = (
        "По миллиарду в месяц\n\n"
        "Со слов главного инженера АО «Вектор» Андрея Лукина, деньги вложены в новые цеха и в ремонт печей.\n\n"
        "Олег Рябов, специальный корреспондент «Вечерний курьер»"
    )
    assert extract_persons(text) == ["Андрей Лукин"]


def test_a_banks_operating_office_or_a_house_of_culture_alone_is_no_organisation():
    text = (
        "Соглашение подписала управляющая Операционным офисом Новикомбанка в Туле Екатерина Виноградова. "
        "Встреча прошла в Доме культуры поселка."
    )
    orgs = extract_orgs(text)
    assert not any(o.startswith(("Операционн", "Дом")) for o in orgs)


def test_a_quoted_name_after_a_heads_role_is_an_organisation_in_the_nominative():
    """«руководитель "Технодинамики"»: a name in straight quotes after a head's role, put in the nominative."""
    text = 'Новым директором завода станет Иван Петров, руководитель "Технодинамики", сообщили источники.'
    orgs = extract_orgs(text)
    assert "«Технодинамика»" in orgs
    assert ("Иван Петров", "roleHead", "«Технодинамика»") in _posts(text)


def test_a_convocation_closes_no_body():
    """«депутатом Госдумы шестого созыва»: the Duma; the convocation is no part of its name."""
    text = "До назначения Олег Рябов являлся депутатом Госдумы шестого созыва, избранным от Омской области."
    assert ("Олег Рябов", "roleDeputy", "Государственная Дума") in _posts(text)


def test_a_parliamentarian_is_a_deputy_and_an_industrial_director_a_director():
    text = (
        "Олег Рябов, парламентарий, убежден, что закон нужен. Как сообщил индустриальный директор "
        "авиационного комплекса Ростеха Иван Лукин, заказы выросли."
    )
    posts = extract_posts(text)
    assert any(p == "Олег Рябов" and role == "roleDeputy" for p, role, _, _ in posts)
    assert any(p == "Иван Лукин" and ru.startswith("индустриальный директор") for p, _, _, ru in posts)
    assert quality.canonical_role("парламентарий") == "deputy"


def test_a_list_goes_on_through_a_companys_kind_before_its_quoted_name():
    """«Корпорация "Роснано", Группа "СВЭЛ", Группа "Мечел" и Siemens»: the kind and the quote before a found
    name do not break the list."""
    text = 'На выставке были Корпорация "Роснано", Группа "СВЭЛ", Группа "Мечел" и Siemens.'
    assert "Siemens" in extract_orgs(text)


def test_a_medium_in_straight_quotes_told_something_is_still_no_organisation():
    text = 'Об этом "Вечернему курьеру" рассказал замминистра промышленности Олег Рябов.'
    assert not any("курьер" in o.lower() for o in extract_orgs(text))


def test_a_bare_parliamentarian_names_no_chamber():
    text = "Законопроект внес Олег Рябов. По словам парламентария, главная задача — рабочие места."
    assert not any(p == "Олег Рябов" for p, _, _ in _posts(text))


def test_an_adjectives_name_after_a_heads_role_is_in_the_masculine():
    """«гендиректор “Сухого”» then «АХК “Сухой”»: one company, no «Сухое»."""
    text = "Вице-президентом стал гендиректор “Сухого” Михаил Погосян. В правление вошел гендиректор АХК “Сухой”."
    orgs = extract_orgs(text)
    assert not any("Сухое" in o for o in orgs)
    assert len([o for o in orgs if "Сух" in o]) == 1
