"""The fifty-seventh rule pass: shapes of the hundred-and-fifteenth held-out set (part 1: a spokesman of a chief holds
no post of the chief's, a release from office with its agent between, a site's rubric and a product's code no bodies)
and of the hundred-and-sixteenth (part 2: a region's new cabinet, first-person posts, careers in one sentence), each
tested on sentences of our own."""

from __future__ import annotations

from conftest import act_details, extract_orgs, extract_persons, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_chiefs_spokesman_holds_no_post_of_the_chiefs():
    """«официальный представитель вице-премьера Имя»: not the vice-premier; «Представитель Минпромторга Имя» is the
    ministry's representative."""
    found = _posts("Как рассказал после совещания официальный представитель вице-премьера Иван Белов, всё решено.")
    assert not any(role == "roleDeputyPrimeMinister" for _, role, _ in found)
    found = _posts("Представитель Минпромторга Петр Орлов сказал, что решение принято.")
    assert ("Петр Орлов", "roleRepresentative", "Министерство промышленности и торговли Российской Федерации") in found


def test_a_release_from_office_with_its_agent_between():
    """«Имя освобожден Медведевым от должности президента ОАК»: Имя's post, not the agent's."""
    found = _posts("Помощник рассказал, что Иван Белов освобожден Медведевым от должности президента ОАК.")
    corporation = "Объединённая авиастроительная корпорация"
    assert ("Иван Белов", "rolePresident", corporation) in found
    assert not any(p == "Медведев" for p, _, _ in found)


def test_a_rubric_and_a_products_code_are_no_bodies():
    """«НОВОСТИ» on a line of its own; «Комплекс С-125»."""
    orgs = extract_orgs("НОВОСТИ\n\nКомплекс С-125 создан в НПО «Алмаз».")
    assert "НОВОСТИ" not in orgs and "С-125" not in orgs
    assert "НПО «Алмаз»" in orgs


# Part 2: the hundred-and-sixteenth set's shapes

CABINET = "Губернатор Олег Гусев утвердил новый состав правительства Тверской области.\n\n"


def test_a_new_cabinets_bare_deputies_are_that_governments():
    """«первый зампред Имя» and «вице-премьеры Имя (портфель), Имя2 (…) и Имя3 (…)» in an article on one region's
    cabinet: each listed name holds the post, the first deputy chair is the government's."""
    found = _posts(
        CABINET + "В кабинете остались первый зампред Ирина Козлова, а также вице-премьеры Олег Зуев (финансы), "
        "Павел Рябов (строительство и дороги) и Денис Гусев (спорт)."
    )
    government = "Правительство Тверской области"
    assert ("Ирина Козлова", "roleFirstDeputyPrimeMinister", government) in found
    for name in ("Олег Зуев", "Павел Рябов", "Денис Гусев"):
        assert any(p == name and role == "roleDeputyPrimeMinister" for p, role, _ in found), name


def test_a_fronted_deputy_chair_with_a_portfolio_in_a_cabinet_article():
    """«Заместителем председателя (правительства) по вопросам … стал Имя» on a region's cabinet: its vice-premier; the
    country's government stays where the text names it, and a bare deputy chair beside a committee is no premier's."""
    for line in (
        "Заместителем председателя по вопросам цифрового развития стал Артем Лыков.",
        "Заместителем председателя правительства стал Артем Лыков.",
    ):
        found = _posts(CABINET + line)
        assert ("Артем Лыков", "roleDeputyPrimeMinister", "Правительство Тверской области") in found, line
    found = _posts(
        CABINET + "Губернатор обсудил дороги с заместителем председателя правительства РФ Маратом Хуснуллиным."
    )
    assert ("Марат Хуснуллин", "roleDeputyPrimeMinister", "Правительство Российской Федерации") in found
    found = _posts("Заместитель председателя по вопросам бюджета Иван Петров выступил на заседании комитета Госдумы.")
    assert ("Иван Петров", "roleDeputyChair", None) in found


def test_a_surname_alone_appointed_with_already_between():
    """«Соколова уже назначили временно исполняющим обязанности главы … округа»."""
    found = extract_posts(
        "Кабинет покидает Виктор Соколов. Соколова уже назначили временно исполняющим обязанности главы "
        "Лысьвенского округа."
    )
    assert any(p == "Виктор Соколов" and ru == "глава Лысьвенского округа" for p, _, _, ru in found)


def test_two_posts_held_at_once_in_a_relative_clause():
    """«Имени, который совмещал посты заместителя главы региона и директора департамента»: both posts."""
    found = _posts(
        "Губернатор Тюменской области подписал указ. После ухода Павла Никитина, который совмещал посты заместителя "
        "главы региона и директора департамента, место пустовало."
    )
    assert ("Павел Никитин", "roleDeputyGovernor", "Тюменская область") in found
    assert any(p == "Павел Никитин" and role == "roleDirector" for p, role, _ in found)


def test_a_career_in_a_republic_one_sentence_after_another():
    """«глава Республики Имя» (the capital R); «он занимал должность заместителя главы того же министерства, а затем
    был заместителем руководителя управления …»; «Имя, с апреля исполнявший обязанности министра …, теперь стал
    полноправным министром»."""
    text = (
        "Об уходе сообщил глава Республики Александр Бречалов. Министр экономического развития Удмуртской Республики "
        "Тимур Ахметов покинул пост. До этого он занимал должность заместителя главы того же министерства, а затем был "
        "заместителем руководителя управления проектов в корпорации развития."
    )
    found = _posts(text)
    ministry = "Министерство экономического развития Удмуртской Республики"
    assert ("Александр Бречалов", "roleHead", "Удмуртская Республика") in found
    assert ("Тимур Ахметов", "roleDeputyMinister", ministry) in found
    assert ("Тимур Ахметов", "roleDeputyHead", None) in found
    found = _posts(
        "Губернатор Алексей Цыденов объявил, что Борис Лыков, с мая исполнявший обязанности министра промышленности "
        "Республики Бурятия, теперь стал полноправным министром."
    )
    assert any(p == "Борис Лыков" and role == "roleMinister" for p, role, _ in found)
    assert not any(p == "Борис Лыков" and role == "roleGovernor" for p, role, _ in found)


def test_a_bare_governor_does_not_stand_for_the_one_he_speaks_of():
    """«Губернатор объявил, что Имя стал министром»: the one named is not the governor."""
    found = _posts("Губернатор объявил, что Олег Титов стал министром промышленности Кузбасса.")
    assert not any(role == "roleGovernor" for _, role, _ in found)
    assert any(p == "Олег Титов" and role == "roleMinister" for p, role, _ in found)


def test_a_link_in_a_paragraph_keeps_it_prose():
    """A bill's page linked in the paragraph's first sentence, the paragraph ending in the next speaker's name and a
    colon: the paragraph is no site furniture, and the number after the link is the bill's."""
    text = (
        "Депутат — о судах под квоты\n17 сентября 2025\nПроект федерального закона № https://sozd.duma.gov.ru/bill/"
        "123456-8 123456-8 о квотах Государственная Дума отклонила. Доклад сделал председатель Комитета по защите "
        "конкуренции Игорь Нилов, содоклад — член Комитета по аграрным вопросам Олег Жуков.Игорь Нилов:\n"
        "- Уважаемые коллеги!"
    )
    assert {"Игорь Нилов", "Олег Жуков"} <= set(extract_persons(text))
    assert ("Олег Жуков", "roleMember", "Комитет по аграрным вопросам") in _posts(text)
    assert any(kind == "Законопроект" and number == "123456-8" for kind, number, _, _ in act_details(text))


def test_a_speakers_words_opening_with_her_post():
    """«… оценила сенатор Имя:\n"Я заместитель председателя Комитета …, поэтому …"»: the speaker's post."""
    found = _posts(
        'Визит оценила сенатор Анна Орлова:\n"Я заместитель председателя Комитета Совета Федерации по аграрно-'
        'продовольственной политике, поэтому для меня это важно."'
    )
    assert any(p == "Анна Орлова" and role == "roleDeputyChair" for p, role, _ in found)
    assert not _posts("Об этом сказал Иван Петров: «Я министра видел вчера».") - {("Иван Петров", None, None)}


def test_a_regions_state_fund_and_a_commission_in_the_country():
    """«Государственному фонду развития промышленности … области» keeps the state's word; «Правительственная комиссия
    по региональному развитию в Российской Федерации» keeps the country."""
    orgs = extract_orgs(
        "Субсидия в 2 млрд рублей достанется Государственному фонду развития промышленности Томской области."
    )
    assert "Государственный фонд развития промышленности Томской области" in orgs
    orgs = extract_orgs("Правительственная комиссия по региональному развитию в Российской Федерации одобрила заявку.")
    assert "Правительственная комиссия по региональному развитию в Российской Федерации" in orgs


def test_the_measure_reads_a_head_of_an_okrug_as_its_governor():
    """The measure: «глава округа» of «Ханты-Мансийский автономный округ — Югра» is the region's governor."""
    from server.ingest.quality import canonical_role

    assert canonical_role("глава округа", ["Ханты-Мансийский автономный округ — Югра"]) == "governor"
