"""The thirty-sixth rule pass: shapes of the fifty-seventh held-out set (now dev58) and what came after — a head of a
body called «глава» by one reader and «руководитель» by another, a double given name, «глава палаты» after the
Chamber of Commerce — each tested on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import act_details, extract_orgs, extract_persons, extract_posts, extract_text

from server.ingest import money, quality


def _item(text: str, gold: dict) -> quality.Item:
    return quality.Item("x", None, None, None, text, gold)


def test_one_body_two_names_one_head():
    """«глава Ростеха» (gold) is the same post as «руководитель Госкорпорации «Ростех»» (a draft naming the body in
    full): the role of the head is read from either side's name of the one body."""
    text = "Глава Ростеха Петр Сидоров, руководитель Госкорпорации «Ростех», выступил."
    person = {"label": "Петр Сидоров", "surfaces": ["Петр Сидоров"]}
    gold = {
        "persons": [person],
        "organisations": [{"label": "Ростех", "surfaces": ["Ростеха"]}],
        "posts": [{"person": "Петр Сидоров", "role": "глава", "organisation": "Ростех", "surface": "Глава Ростеха"}],
    }
    draft = {
        "persons": [person],
        "organisations": [
            {
                "label": "Государственная корпорация «Ростех»",
                "short": ["Ростех"],
                "surfaces": ["Госкорпорации «Ростех»"],
            }
        ],
        "posts": [
            {
                "person": "Петр Сидоров",
                "role": "руководитель",
                "organisation": "Государственная корпорация «Ростех»",
                "surface": "руководитель Госкорпорации «Ростех»",
            }
        ],
    }
    posts = quality.compare_item(_item(text, gold), quality.gold_as_found(draft, text))["posts"]
    assert (posts.tp_draft, posts.draft, posts.tp_gold, posts.gold) == (1, 1, 1, 1)


def test_a_double_given_name_is_kept_whole():
    text = "Об открытии цеха рассказал глава республики Рустам-Али Бекмурзаев."
    assert extract_persons(text) == ["Рустам-Али Бекмурзаев"]


def test_the_head_of_the_chamber_named_before_is_its_head():
    text = (
        "Торгово-промышленная палата РФ направила отзыв на законопроект. Документ глава палаты Олег Громов "
        "отправил председателю комитета Госдумы по бюджету Ивану Лаптеву."
    )
    posts = {(holder, where) for holder, _, where, _ in extract_posts(text)}
    assert ("Олег Громов", "Торгово-промышленная палата РФ") in posts
    assert not any(holder == "Олег Громов" and where == "Государственная Дума" for holder, where in posts)


def test_a_deputy_head_of_an_unnamed_committee_is_its_deputy_chair():
    posts = extract_posts("В парламенте недовольны. Замглавы комитета Олег Громов считает, что нужна прозрачность.")
    assert {(h, role, where) for h, role, where, _ in posts} == {("Олег Громов", "roleDeputyChair", None)}


def test_a_role_after_a_name_in_the_genitive_opening_its_own_clause_is_no_post():
    posts = extract_posts("По словам губернатора Ивана Лаптева, министр показал себя хорошим руководителем.")
    assert {(h, role) for h, role, _, _ in posts} == {("Иван Лаптев", "roleGovernor")}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Обязанности возложены на Петрову Анну Сергеевну.", "Анна Сергеевна Петрова"),
        ("Премию вручили Ивану Сергеевичу Лаптеву.", "Иван Сергеевич Лаптев"),
        # a surname the name extractor reads as a place, before a given name and patronymic
        ("Обязанности возложены на Гаспарян Карину Феликсовну.", "Карина Феликсовна Гаспарян"),
    ],
)
def test_a_patronymic_in_an_oblique_case_is_labelled_in_the_nominative(text, person):
    assert extract_persons(text) == [person]


def test_a_decree_laying_duties_on_a_person_gives_an_acting_post():
    posts = extract_posts(
        "«Возложить временно исполнение обязанностей министра промышленности Крыма на Карину Гаспарян», — "
        "говорится в указе."
    )
    assert {(h, role, where) for h, role, where, _ in posts} == {
        ("Карина Гаспарян", "roleActingMinister", "Министерство промышленности Республики Крым")
    }


def test_a_works_named_by_its_number_with_capitals():
    assert extract_orgs("Продан пакет акций 570-го Авиационного ремонтного завода из Ейска.") == {
        "570-й Авиационный ремонтный завод": []
    }


def test_a_town_hall_is_a_body():
    assert extract_orgs("Мэрия Екатеринбурга готова помочь, сообщили в мэрии Новосибирска.") == {
        "Мэрия Екатеринбурга": [],
        "Мэрия Новосибирска": [],
    }


def test_a_town_after_a_preposition_is_no_regional_adjective():
    assert extract_orgs("Под Брянском Газпром начал стройку.") == {"ПАО «Газпром»": ["Газпром"]}


GOKHRAN = (
    "Государственное учреждение по формированию Государственного фонда драгоценных металлов и драгоценных камней "
    "Российской Федерации"
)


def test_a_name_the_dictionary_reads_as_masculine_is_declined_as_feminine():
    """«Алросы», «Алросе»: the alias's name, not a new body."""
    orgs = extract_orgs("Акции «Алросы» выросли, а Гохран закупит камни у Алросы.")
    assert {label: alt[:1] for label, alt in orgs.items()} == {"АЛРОСА": ["Алроса"], GOKHRAN: ["Гохран"]}


def test_an_act_number_after_an_ellipsis():
    assert act_details("Нужны поправки в Федеральный закон… №466-ФЗ «О федеральном бюджете на 2023 год».") == [
        ("Федеральный закон", "466-ФЗ", None, "О федеральном бюджете на 2023 год")
    ]


def test_one_thousand_in_words():
    got = [(a.value, a.currency, a.text) for a in money.amounts("Квоты продавали по тысяче рублей, а теперь — дороже.")]
    assert got == [(Decimal(1000), "RUB", "тысяче рублей")]


# --- the fifty-ninth held-out set's shapes (part 3) ---------------------------------------------------------------


def test_a_units_field_cut_at_a_comma_or_at_and_is_completed():
    orgs = extract_orgs(
        "Он курирует Департамент лесного, целлюлозного и бумажного машиностроения, а также Департамент "
        "станкостроения и инвестиционного машиностроения."
    )
    assert set(orgs) == {
        "Департамент лесного, целлюлозного и бумажного машиностроения",
        "Департамент станкостроения и инвестиционного машиностроения",
    }


def test_a_unit_whose_owner_is_written_in_lower_case():
    orgs = extract_orgs("Он работал в департаменте развития судостроительной промышленности минпромторга России.")
    assert "Департамент развития судостроительной промышленности минпромторга России" in orgs


def test_a_styled_region_name():
    posts = extract_posts("Губернатор КуZбасса Илья Середа подписал соглашение.")
    assert {(h, role, where) for h, role, where, _ in posts} == {("Илья Середа", "roleGovernor", "Кемеровская область")}


def test_the_head_of_a_subsidiary_named_before_its_parent():
    posts = extract_posts(
        "Об этом сказал гендиректор Объединенной судостроительной корпорации (ОСК) Ростеха Иван Лаптев."
    )
    assert {(h, role, where) for h, role, where, _ in posts} == {
        ("Иван Лаптев", "roleDirectorGeneral", "Объединённая судостроительная корпорация")
    }


def test_the_head_of_the_enterprise_is_not_of_a_council_named_last():
    posts = extract_posts(
        "АО «Уральский завод «Прибор»» вложит в цех 2 млрд рублей. Об этом на заседании совета по инвестициям "
        "рассказал генеральный директор предприятия Петр Сидоров."
    )
    assert {(h, where) for h, _, where, _ in posts} == {("Петр Сидоров", "АО «Уральский завод «Прибор»»")}


def test_the_chamber_with_its_parliaments_abbreviation():
    posts = extract_posts("В совещании участвовал спикер Государственной Думы ФС РФ Олег Громов.")
    assert {(h, role, where) for h, role, where, _ in posts} == {("Олег Громов", "roleChair", "Государственная Дума")}


def test_a_participle_before_a_described_name_is_no_part_of_it():
    orgs = extract_orgs("Инвестором стала группа, объединяющей банк «Заря», которым владеет Иван Лаптев.")
    assert "Банк «Заря»" in orgs


def test_a_plants_kind_alone_is_no_body():
    assert extract_orgs("Строительство ЦБК отложено, а на месте бывшего ХБК работает фабрика.") == {}


def test_a_council_of_a_federal_fund():
    orgs = extract_orgs("Экспертный совет федерального Фонда развития промышленности одобрил заем.")
    assert "Экспертный совет Фонда развития промышленности" in orgs


def test_a_ministry_in_a_headline_is_no_person():
    assert extract_persons("Минцифры хочет штрафовать компании\nОб этом сказал министр Максут Шадаев.") == [
        "Максут Шадаев"
    ]


def test_two_authors_on_the_last_line_sign_the_article():
    text = "Министр Иван Лаптев подписал приказ.\n\nЛуиза Петрова, Анна Сидорова\nОбщество Власть"
    assert extract_persons(text) == ["Иван Лаптев"]


# --- the sixtieth held-out set's shapes (part 4) ------------------------------------------------------------------


def test_a_regions_representative_at_the_president_is_no_president():
    posts = extract_posts(
        "На подписании был полномочный представитель Республики Мордовия при Президенте Российской Федерации Олег Громов."
    )
    assert {(h, role, where) for h, role, where, _ in posts} == {
        ("Олег Громов", "roleRepresentative", "Республика Мордовия")
    }


def test_the_presidents_envoy_stays_the_envoy():
    posts = extract_posts("Полномочный представитель президента в ПФО Олег Громов выступил.")
    assert {(h, role) for h, role, _, _ in posts} == {("Олег Громов", "roleEnvoy")}


def test_a_new_head_after_a_name_is_the_post():
    posts = extract_posts("Олег Громов, новый глава Минпромторга, заявил о расходах.")
    assert {(h, role) for h, role, _, _ in posts} == {("Олег Громов", "roleMinister")}


def test_smolny_acting_in_a_year_is_the_body():
    """«Смольный в 2026 году сможет оплатить …»: the seat acts (the seats' rule, `server/ingest/orgseats.py`)."""
    assert "Смольный" in extract_orgs("Если потребность утвердят, Смольный в 2026 году сможет оплатить внедрение.")
    assert extract_orgs("Область и холдинг подписали в Смольном соглашение о сотрудничестве.") == {}


def test_a_listed_quoted_name_keeps_its_abbreviated_kind():
    orgs = extract_orgs("Без субсидий остались компании МЦСТ, НТЦ «Вектор» и «Гамма».")
    assert set(orgs) == {"МЦСТ", "НТЦ «Вектор»", "«Гамма»"}


# --- the sixty-first held-out set's shapes (part 5) ---------------------------------------------------------------


def test_a_rise_to_an_area_is_no_sum():
    """«вырасти до 1 миллиона кв. м. в год» in an article about money: an area, not roubles."""
    text = "Заводу дали заем в 50 млн рублей. Ввод жилья в крае должен вырасти до 1 миллиона кв. м. в год."
    got = [(c.to_value, c.currency, c.unit) for c in extract_text(text).changes]
    assert got == [(Decimal(1000000), None, "square metre")]


# --- the sixty-second held-out set's shapes (part 6) --------------------------------------------------------------


def test_a_regional_ministers_post_named_again_in_short_is_the_regional_one():
    posts = extract_posts(
        "Министр промышленности, новых технологий и природных ресурсов Тверской области Олег Громов ушел. "
        "Министром промышленности Олега Громова назначили в 2019 году."
    )
    assert {(h, where) for h, _, where, _ in posts} == {
        ("Олег Громов", "Министерство промышленности, новых технологий и природных ресурсов Тверской области")
    }


def test_a_federal_post_written_with_the_country_stays_federal():
    posts = extract_posts(
        "Министр промышленности Тверской области Олег Громов выступил. Министром промышленности и торговли РФ "
        "Олега Громова никогда не назначали."
    )
    assert ("Олег Громов", "Министерство промышленности и торговли Российской Федерации") in {
        (h, where) for h, _, where, _ in posts
    }


def test_a_gold_role_of_two_titles_is_matched_by_either():
    text = "Статс-секретарь – заместитель министра финансов Олег Громов выступил."
    person = {"label": "Олег Громов", "surfaces": ["Олег Громов"]}
    ministry = {"label": "Минфин", "surfaces": ["министра финансов"]}
    gold = {
        "persons": [person],
        "organisations": [ministry],
        "posts": [
            {"person": "Олег Громов", "role": "статс-секретарь – заместитель министра", "organisation": "Минфин"}
        ],
    }
    draft = {
        "persons": [person],
        "organisations": [ministry],
        "posts": [{"person": "Олег Громов", "role": "заместитель министра", "organisation": "Минфин"}],
    }
    posts = quality.compare_item(_item(text, gold), quality.gold_as_found(draft, text))["posts"]
    assert (posts.tp_gold, posts.gold) == (1, 1)
