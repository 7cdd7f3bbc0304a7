"""The fifty-fifth rule pass: shapes of the hundred-and-eleventh held-out set — a time between «возглавлявший» and the
body, an acting head «будет», «вплоть до сегодняшнего дня», a region's adjective before a minister, «утвержден»,
«кресло» and «статус», «во главе департамента … встанет», commanders, a rank after the verb, a list of names and
posts, joining a board, a unit's «по …» before a company's form, bylines of two authors or after a section, a body's copyright, a
region's development fund, the Navy as no company, a pronoun's acting duties, the capital's departments; and, of the
hundred-and-twelfth set, a Soviet ministry, the Russian government headed, a region's ministry with more fields than
the federal one, a sector and a company's bare form no bodies, a Latin company after its officer's post — each tested
on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_posts

from server.ingest import structure


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


COMMITTEE = "Комитет по промышленной политике, инновациям и торговле Санкт-Петербурга"


def test_a_time_between_the_participle_and_the_body_it_headed():
    """«Имя, возглавлявший с марта 2019 года Комитет по …»."""
    found = _posts(f"Иван Белов, возглавлявший с марта 2019 года {COMMITTEE} (КППИТ), перешел на другую работу.")
    assert ("Иван Белов", "roleChair", COMMITTEE) in found


def test_an_acting_head_fronted_with_will_be_and_a_post_held_until_today():
    """«Врио главы КППИТ будет Имя, который вплоть до сегодняшнего дня занимал пост первого зампреда комитета»."""
    text = (
        f"{COMMITTEE} (КППИТ) сообщил о переменах. Врио главы КППИТ будет Петр Орлов, который вплоть до "
        "сегодняшнего дня занимал пост первого зампреда комитета."
    )
    found = _posts(text)
    assert ("Петр Орлов", "roleChair", COMMITTEE) in found
    assert ("Петр Орлов", "roleFirstDeputyChair", COMMITTEE) in found
    acting = [ru for p, role, org, ru in extract_posts(text) if role == "roleChair"]
    assert acting == ["временно исполняющий обязанности председателя"]


def test_a_regions_adjective_before_a_minister_names_the_regions_ministry():
    """«Губернатор отправил в отставку пермского министра промышленности»."""
    orgs = extract_orgs("Губернатор отправил в отставку пермского министра промышленности.")
    assert "Министерство промышленности Пермского края" in orgs
    assert "Министерство промышленности и торговли Российской Федерации" not in orgs


def test_confirmed_a_seat_and_a_status_give_posts():
    """«утвержден министром …», «занял кресло министра …», «получил статус врио министра …»."""
    text = (
        "Иван Белов утвержден министром сельского хозяйства Тамбовской области. Петр Орлов занял кресло министра "
        "финансов Тамбовской области. Олег Соколов получил статус врио министра строительства Тамбовской области."
    )
    found = _posts(text)
    assert ("Иван Белов", "roleMinister", "Министерство сельского хозяйства Тамбовской области") in found
    assert ("Петр Орлов", "roleMinister", "Министерство финансов Тамбовской области") in found
    assert ("Олег Соколов", "roleActingMinister", "Министерство строительства Тамбовской области") in found


def test_a_department_headed_in_a_regional_government():
    """«Во главе департамента по охране памятников … встанет Имя» in an article on one region's government."""
    text = (
        "Губернатор продолжил назначения в правительстве Тамбовской области. Во главе департамента по охране "
        "памятников истории и культуры встанет Иван Белов."
    )
    unit = "Департамент по охране памятников истории и культуры Правительства Тамбовской области"
    assert unit in extract_orgs(text)
    assert ("Иван Белов", "roleHead", unit) in _posts(text)


def test_a_trade_written_by_latin_initials_is_no_body():
    """«взялся за GR»: relations with the government, no organisation."""
    assert "GR" not in extract_orgs("Бывший министр взялся за GR на заводах холдинга.")


def test_commanders_and_a_rank_after_the_verb():
    """«прежнему главнокомандующему ВМФ», «Главкомом ВМФ стал адмирал Имя», «заместитель командующего …»."""
    text = (
        "Пост советника достанется Ивану Белову, прежнему главнокомандующему ВМФ. Главкомом ВМФ после него стал "
        "адмирал Петр Орлов. Командующий Северным флотом Олег Соколов приехал на верфь."
    )
    found = {(p, role) for p, role, _ in _posts(text)}
    assert {("Иван Белов", "roleCommander"), ("Петр Орлов", "roleCommander"), ("Олег Соколов", "roleCommander")} <= (
        found
    )
    deputy = _posts("Приехал заместитель командующего Военно-транспортной авиацией России Сергей Лебедев.")
    assert {p for p, role, _ in deputy if role == "roleDeputyCommander"} == {"Сергей Лебедев"}


def test_a_post_after_a_name_and_a_comma_in_a_list_is_that_names():
    """«…, Имя, управляющий директор АО «…», глава города Ульяновска Имя2, …»."""
    text = (
        "Завод поздравили гости, среди них Иван Белов, управляющий директор АО «Авиастар-СП», глава города "
        "Ульяновска Петр Орлов, и другие."
    )
    found = {(p, role) for p, role, _ in _posts(text)}
    assert ("Иван Белов", "roleDirector") in found
    assert ("Петр Орлов", "roleDirector") not in found


def test_acting_duties_fronted_with_will_be():
    """«Временно исполнять обязанности генерального директора завода «…» будет Имя»."""
    found = _posts("Временно исполнять обязанности генерального директора завода «Вымпел» будет Иван Белов.")
    assert ("Иван Белов", "roleDirectorGeneral", "Завод «Вымпел»") in found


def test_joining_a_companys_board():
    """«Имя вошел в совет директоров концерна «…»», «в совет директоров концерна Имя вошел в …»."""
    assert ("Иван Белов", "roleMember", "Концерн «Калашников»") in _posts(
        "Иван Белов вошел в совет директоров концерна «Калашников» в сентябре."
    )
    assert ("Иван Белов", "roleMember", "Концерн «Калашников»") in _posts(
        "Концерн «Калашников» сообщил новости. В совет директоров концерна Иван Белов вошел в сентябре 2013 года."
    )


def test_a_units_po_field_before_a_companys_form_and_nested_name():
    """«по данным начальника управления по работе с инвесторами ОАО «ОЭЗ ППТ «…» Имени»: no body cut after the
    company's legal form («Управление … ОАО»); the post is the company's, its unit in the role's words."""
    text = "По данным начальника управления по работе с инвесторами ОАО «ОЭЗ ППТ «Заря» Анны Беловой, проект окупится."
    assert list(extract_orgs(text)) == ["ОАО «ОЭЗ ППТ «Заря»»"]
    held = [(p, role, org, ru) for p, role, org, ru in extract_posts(text)]
    assert held == [
        ("Анна Белова", "roleChief", "ОАО «ОЭЗ ППТ «Заря»»", "начальник управления по работе с инвесторами")
    ]


def test_bylines_of_two_authors_after_a_date_and_after_a_section():
    """«Иван Белов, Петр Орлов» under «4 июля 2007. Коммерсант»; «Kommersant Perm - - Прикамье - Имя»."""
    text = "Новости\n\nЗавод получит заем\n4 июля 2007. Коммерсант\nИван Белов, Петр Орлов\n\nЗавод получит заем."
    assert [p.text for p in structure.layout(text).parts if p.kind == "byline"] == ["Иван Белов, Петр Орлов"]
    assert extract_persons(text) == []
    text = "Новости\n\nЗавод получит заем\n\nKommersant Perm - - Прикамье - Олег Соколов\n\nЗавод получит заем."
    assert [p.text for p in structure.layout(text).parts if p.kind == "byline"] == [
        "Kommersant Perm - - Прикамье - Олег Соколов"
    ]


def test_a_bodys_copyright_line_is_a_credit():
    """«© 2006 «Институт региональной политики»» closing the page: no organisation."""
    text = "Новости\n\nЗавод получит заем в пять миллионов рублей от фонда.\n\n© 2006 «Институт региональной политики»"
    assert "«Институт региональной политики»" not in extract_orgs(text)


def test_a_regions_development_fund_in_lower_case():
    """«через докапитализацию фонда развития Алтайского края»."""
    assert "Фонд развития Алтайского края" in extract_orgs(
        "Проекты поддержат через докапитализацию фонда развития Алтайского края."
    )


def test_the_navy_is_no_company_for_the_companys_head():
    """«… прежнему главнокомандующему ВМФ. Как рассказал глава компании Имя» is the corporation's head."""
    text = (
        "Пост заместителя руководителя Объединенной судостроительной корпорации (ОСК) достанется Ивану Белову, "
        "прежнему главнокомандующему ВМФ. Он отвечал за нужды Военно-морского флота. Как рассказал РБК глава "
        "компании Петр Орлов, всё решено."
    )
    found = _posts(text)
    assert ("Петр Орлов", "roleHead", "Объединённая судостроительная корпорация") in found
    assert not any(p == "Петр Орлов" and org == "Военно-морской флот" for p, _, org in found)


def test_a_pronouns_acting_duties():
    """«Имя уходит … ему предстоит временно исполнять обязанности председателя Комитета …»."""
    text = (
        "Иван Белов уходит из ведомства. С 19 ноября ему предстоит временно исполнять обязанности председателя "
        "Комитета по природопользованию, охране окружающей среды и обеспечению экологической безопасности."
    )
    held = [(p, role, ru) for p, role, _, ru in extract_posts(text)]
    assert held == [("Иван Белов", "roleChair", "временно исполняющий обязанности председателя")]


def test_the_capitals_departments_and_a_misprinted_appointment():
    """«двух столичных департаментов», «о назначение Имени заместителем руководителя департамента … Собянин
    подписал», «в столичном департаменте … заместителем главы назначена Имя»."""
    text = (
        "Мэр назначил замов руководителей двух столичных департаментов\n\n"
        "Распоряжение о назначение Ивана Белова заместителем руководителя департамента науки, промышленной "
        "политики и предпринимательства Собянин подписал. Источник добавил, что в столичном департаменте "
        "физкультуры и спорта заместителем главы назначена Анна Орлова."
    )
    science = "Департамент науки, промышленной политики и предпринимательства города Москвы"
    sport = "Департамент физкультуры и спорта города Москвы"
    assert {science, sport} <= set(extract_orgs(text))
    found = _posts(text)
    assert ("Иван Белов", "roleDeputyHead", science) in found
    assert ("Анна Орлова", "roleDeputyHead", sport) in found
    assert not any(p == "Собянин" for p, _, _ in found)


# Part 2: shapes of the hundred-and-twelfth held-out set.


def test_a_soviet_ministry_and_the_russian_government_headed():
    """«Имя, последний министр станкостроительной промышленности СССР», «Имени, который в то время возглавлял
    российское правительство»."""
    text = (
        "Иван Белов, последний министр станкостроительной промышленности СССР, встретился с Петром Орловым, который "
        "в то время возглавлял российское правительство."
    )
    soviet = "Министерство станкостроительной промышленности СССР"
    assert soviet in extract_orgs(text)
    found = _posts(text)
    assert ("Иван Белов", "roleMinister", soviet) in found
    assert ("Петр Орлов", "rolePrimeMinister", "Правительство Российской Федерации") in found


def test_a_regional_ministry_with_more_fields_than_the_federal_one():
    """«Региональное министерство экономического развития, промышленности и торговли» in a region's news."""
    text = (
        "Калининградская область расширит льготы. Региональное министерство экономического развития, "
        "промышленности и торговли ожидает роста спроса."
    )
    orgs = extract_orgs(text)
    assert "Министерство экономического развития, промышленности и торговли Калининградской области" in orgs
    assert not any(o.startswith("Министерство экономического развития ") and "торговли" not in o for o in orgs)


def test_a_sector_and_a_companys_bare_form_are_no_bodies():
    """«Сельское хозяйство России пошло в рост»; «регион и АО заключили соглашение» after «АО «Заря»»."""
    assert extract_orgs("Сельское хозяйство России пошло в рост после запрета ввоза.") == {}
    orgs = extract_orgs("Директор АО «Заря» приехал в край. Регион и АО заключили соглашение в апреле.")
    assert "АО" not in orgs


def test_a_latin_company_after_its_officers_post():
    """«Имя, генеральный директор Renaissance Construction, ожидает …»."""
    text = "Иван Белов, генеральный директор Renaissance Construction, ожидает роста."
    assert "Renaissance Construction" in extract_orgs(text)
    assert ("Иван Белов", "roleDirectorGeneral", "Renaissance Construction") in _posts(text)
