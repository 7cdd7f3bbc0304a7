"""Pass 29, helper e: posts, organisations, persons and legal acts from the misses of dev36–dev38, as broad rules:
the head of a ministry the text does not name is its minister; a regional vice-premier in the region's government
the article names; the head of a municipal district; a company's representative by its kind and quoted name; a
body's post in a relative clause («…, председателем которого является …»); a surname in capitals keeps them in
the nominative; a town of two words («Гаврилов Ям») is no person; a region's lower-case adjective before a federal
body's short name («кубанского Минфина») is that region's body; an abbreviation declined («ВЭБа»); a works named
by its place's adjective («Каменский завод транспортного машиностроения») or by its abbreviated kind and quoted
name («ХБК «Шуйские ситцы»»); a code by its abbreviation («НК РФ»); an act's number after the issuer's country
or a date without «от»."""

import pytest

from tests.conftest import extract_orgs, extract_persons, extract_post_roles, extract_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Об этом говорится в докладе главы министерства Ивана Котова на форуме.", ("Иван Котов", "министр", None)),
        ("Как отметил руководитель министерства Олег Смирнов, заявок стало больше.", ("Олег Смирнов", "министр", None)),
        (
            "С отчетом выступил заместитель главы профильного министерства Павел Юдин.",
            ("Павел Юдин", "заместитель министра", None),
        ),
    ],
)
def test_head_of_an_unnamed_ministry_is_its_minister(text, expected):
    assert expected in extract_post_roles(text)


def test_head_of_a_named_department_keeps_its_words():
    roles = extract_post_roles("Как заявил руководитель департамента министерства Иван Петров, программа работает.")
    assert roles == [("Иван Петров", "руководитель департамента министерства", None)]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Завод открыли губернатор Тульской области Олег Волков и первый заместитель председателя "
            "Правительства региона Антон ГРЕБНЕВ."
        ),
        (
            "Завод открыли губернатор Тульской области Олег Волков и первый заместитель председателя "
            "правительства области Антон Гребнев."
        ),
    ],
)
def test_regional_vice_premier_in_the_named_government(text):
    posts = {(p.person.label_ru.lower(), p.org.label_ru if p.org else None) for p in extract_text(text).posts}
    assert ("антон гребнев", "Правительство Тульской области") in posts


@pytest.mark.parametrize(
    ("text", "person", "surname"),
    [
        ("Встреча прошла с участием Роланда ХЕРИАНОВА и гостей.", "Роланд ХЕРИАНОВ", "ХЕРИАНОВ"),
        ("Документ подписали с Ольгой ЛЕБЕДЕВОЙ.", "Ольга ЛЕБЕДЕВА", "ЛЕБЕДЕВА"),
        ("Открытие прошло с участием губернатора Андрея ПАВЛОВА.", "Андрей ПАВЛОВ", "ПАВЛОВ"),
    ],
)
def test_surname_in_capitals_keeps_them(text, person, surname):
    assert extract_persons(text) == [person]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Соглашение подписали глава Крыловского района Виталий Дёмин и инвестор.", "глава Крыловского района"),
        ("Слово взял глава Кировского муниципального округа Андрей Зуев.", "глава Кировского муниципального округа"),
        (
            "Проект поддержал руководитель Петровского городского округа Иван Сорокин.",
            "руководитель Петровского городского округа",
        ),
    ],
)
def test_head_of_a_municipal_district(text, role):
    assert [r for _, r, _ in extract_post_roles(text)] == [role]


def test_federal_district_is_no_municipal_one():
    assert extract_post_roles("Соглашение подписал глава Уральского федерального округа Иван Петров.") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Соглашение подписала представитель предприятия «Стройдеталь» Анна Корнеева.", "«Стройдеталь»"),
        ("Соглашение подписала представитель компании «Агро-Юг» Анна Корнеева.", "«Агро-Юг»"),
        ("Документ подписал представитель завода «Прибой» Иван Белов.", "«Прибой»"),
    ],
)
def test_representative_of_a_company_by_kind_and_name(text, org):
    roles = extract_post_roles(text)
    assert len(roles) == 1 and roles[0][1] == "представитель" and org.strip("«»") in (roles[0][2] or "")


@pytest.mark.parametrize(
    ("text", "holder", "body"),
    [
        (
            (
                "Проект одобрил Наблюдательный совет ФРП Челябинской области, председателем которого является "
                "заместитель губернатора Руслан Гаттаров."
            ),
            "Руслан Гаттаров",
            "Наблюдательный совет Фонда развития промышленности Челябинской области",
        ),
        (
            "Заявку рассмотрел Экспертный совет Фонда развития промышленности, председателем которого стал Иван Петров.",
            "Иван Петров",
            "Экспертный совет Фонда развития промышленности",
        ),
    ],
)
def test_post_in_a_relative_clause(text, holder, body):
    assert any(
        p.person.label_ru == holder and p.org is not None and p.org.label_ru == body for p in extract_text(text).posts
    )


@pytest.mark.parametrize(
    "text",
    [
        "Статус ТОР присвоен городам Онега, Гаврилов Ям (Ярославская область) и Заринск.",
        "Льготы получат Вышний Волочек и Павлов Посад.",
    ],
)
def test_town_of_two_words_is_no_person(text):
    assert extract_persons(text) == []


@pytest.mark.parametrize("text", ["Об этом сказал Карлос Гон.", "Встречу провели Ильхам Алиев и Иван Петров."])
def test_foreign_names_stay_persons(text):
    assert extract_persons(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Как сообщил глава кубанского Минфина Александр Кнышов, фонд пополнят.",
            "Министерство финансов Краснодарского края",
        ),
        (
            "По данным свердловского минпромторга, заводы растут.",
            "Министерство промышленности и торговли Свердловской области",
        ),
        (
            "По данным татарстанского Минэкономразвития, заводы растут.",
            "Министерство экономического развития Республики Татарстан",
        ),
    ],
)
def test_region_adjective_in_lower_case_before_a_federal_name(text, label):
    assert label in extract_orgs(text)


def test_country_adjective_keeps_the_federal_body():
    assert "Министерство финансов Российской Федерации" in extract_orgs("По данным российского Минфина, заводы растут.")


@pytest.mark.parametrize(
    "text",
    ["Кредит выдан при участии ВЭБа.", "Деньги передали ВЭБу.", "Сделку одобрили в ВЭБе."],
)
def test_declined_abbreviation(text):
    assert "ВЭБ.РФ" in extract_orgs(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Каменский завод транспортного машиностроения получил заем.", "Каменский завод транспортного машиностроения"),
        ("Заем получил Невьянский завод бурового оборудования.", "Невьянский завод бурового оборудования"),
        ("Премьер побывал на Жостовской фабрике декоративной росписи.", "Жостовская фабрика декоративной росписи"),
        ("Работу начнет Шуйская ткацкая фабрика, говорят.", "Шуйская ткацкая фабрика"),
    ],
)
def test_works_by_its_place_adjective(text, label):
    assert label in extract_orgs(text)
    assert extract_persons(text) == []


@pytest.mark.parametrize(
    "text", ["Китайский завод начнет работу в мае.", "Заводы растут. Российский завод получил заказ."]
)
def test_national_adjective_names_no_works(text):
    assert extract_orgs(text) == {}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Средства достались фабрике и ХБК «Шуйские ситцы».", "ХБК «Шуйские ситцы»"),
        ("Субсидию получил ГОК «Лебединский».", "ГОК «Лебединский»"),
        ("Работы ведет ДОК «Красный Октябрь».", "ДОК «Красный Октябрь»"),
    ],
)
def test_works_by_abbreviated_kind_and_quoted_name(text, label):
    assert label in extract_orgs(text)


def test_law_abbreviation_before_a_title_is_no_works():
    assert not any(k.startswith("ФЗ") for k in extract_orgs("Принят ФЗ «О промышленной политике»."))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Вычет предусмотрен п. 11 ст. 286.1 НК РФ.", "Налоговый кодекс"),
        ("Сделка ничтожна по ст. 168 ГК РФ.", "Гражданский кодекс"),
        ("Лимит установлен статьей 179 БК России.", "Бюджетный кодекс"),
        ("Штраф назначен по статье 14.1 КоАП РФ.", "Кодекс Российской Федерации об административных правонарушениях"),
    ],
)
def test_code_by_abbreviation(text, title):
    assert [(a.kind_slug, a.title) for a in extract_text(text).acts] == [("code", title)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Речь о приказе Министерства сельского хозяйства РФ от 24 декабря 2015 г. № 662.", "662"),
        ("Вышел приказ Министерства промышленности и торговли Российской Федерации от 5 мая 2021 года № 1500.", "1500"),
        ("Изменения внесены в Постановление Правительства России 29.06.2020 № 1138 о квотах.", "1138"),
        ("Приказ Минпромторга 12.03.2021 г. № 800 утвердил перечень.", "800"),
    ],
)
def test_act_number_after_country_or_bare_date(text, number):
    assert [a.number for a in extract_text(text).acts] == [number]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Поддержку получило АО МБ НПК «Цитомед».", "АО МБ НПК «Цитомед»"),
        ("Поддержку получило ЗАО ПК «Нордтекс».", "ЗАО ПК «Нордтекс»"),
        ("Заем получил Тихорецкий машиностроительный завод имени Вацлава Воровского.", None),
    ],
)
def test_longer_names_are_left_whole(text, label):
    orgs = extract_orgs(text)
    assert not any(k.endswith("имени") for k in orgs)
    if label:
        assert label in orgs and label.split(" ", 1)[1] not in orgs
