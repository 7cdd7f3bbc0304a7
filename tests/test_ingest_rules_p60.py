"""The sixtieth rule pass. Part 1, against the development sets' remaining misses: an appointment still to come, a
relative clause giving a post, a time closing a post's complement, a chamber's unit, a place read as a body. Part 2,
against the hundred-and-twenty-first and hundred-and-twenty-second held-out sets' misses: posts given in other words,
public institutions and district councils, bylines with the author first, an outlet's name beside its site. Each
tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_posts, extract_text


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_an_appointment_to_come_gives_the_post_after_the_name():
    """«предстоит назначить главу Минпромторга Имя вице-премьером»: the post held and the post to come."""
    found = _posts("Парламенту предстоит назначить главу Минпромторга Дениса Мантурова одиннадцатым вице-премьером.")
    assert any(p == "Денис Мантуров" and role == "roleDeputyPrimeMinister" for p, role, _ in found)
    assert any(p == "Денис Мантуров" and role == "roleMinister" for p, role, _ in found)
    found = _posts("Губернатор намерен назначить Ольгу Смирнову министром финансов Тульской области.")
    assert ("Ольга Смирнова", "roleMinister", "Министерство финансов Тульской области") in found


def test_a_relative_clause_gives_the_post():
    """«Имя, которую (которого) назначили …»: the post given to the one named."""
    found = _posts(
        "Ольга Иванова, которую в марте назначили министром промышленности Тульской области, провела совещание."
    )
    assert ("Ольга Иванова", "roleMinister", "Министерство промышленности Тульской области") in found


def test_a_time_closes_the_complement_and_a_comma_is_no_longer_name():
    """«… директором департамента экономического развития лишь в начале августа»: the unit without the time; the
    comma after the unit opens the next clause, not a longer name of it."""
    text = (
        "В администрации Владимирской области сменилась команда. Александр Ярошевский, которого назначили "
        "директором департамента экономического развития{}, рассказал о планах."
    )
    unit = "Департамент экономического развития Администрации Владимирской области"
    for tail in ("", " лишь в начале августа"):
        assert ("Александр Ярошевский", "roleDirector", unit) in _posts(text.format(tail))


def test_a_chambers_unit_by_its_adjectives():
    """«Правовое Управление Госдумы», «Аналитическое управление аппарата Совета Федерации»: the chamber's units,
    labelled with the chamber's full name; the chamber stays named."""
    orgs = extract_orgs("На оба законопроекта Правовое Управление Госдумы дало отрицательные заключения.")
    assert "Правовое управление Государственной Думы" in orgs and "Государственная Дума" in orgs
    orgs = extract_orgs("Заключение дало Аналитическое управление аппарата Совета Федерации.")
    assert "Аналитическое управление аппарата Совета Федерации" in orgs
    assert not any(label.startswith("Областное") for label in extract_orgs("Областное управление Госдумы."))


def test_a_region_then_what_is_built_there_is_no_body():
    """«Строительство в Бурятии горно-обогатительного комбината»: the place, then a works nobody named."""
    orgs = extract_orgs(
        "Строительство в Бурятии горно-обогатительного комбината, который будет работать на рудах месторождения "
        "«Озерное», получит поддержку Фонда развития Дальнего Востока."
    )
    assert not any(label.startswith("Бурят") for label in orgs)


def test_acting_duties_and_a_post_received_in_other_words():
    """«обязанности главы Минпромэнерго выполняет замминистра Имя», «…, как сообщается, поручено Имени», «получил
    официальное назначение на должность …»."""
    found = _posts(
        "Временно обязанности главы Минпромэнерго Алтайского края выполняет заместитель министра Ольга Слученкова."
    )
    assert any(p == "Ольга Слученкова" and role == "roleActingMinister" for p, role, _ in found)
    text = (
        "Министр промышленности Красноярского края Евгений Афанасьев уходит. Временно исполнять обязанности "
        "министра, как сообщается, поручено Евгению Гаврилову."
    )
    assert any(p == "Евгений Гаврилов" and role == "roleActingMinister" for p, role, _ in _posts(text))
    text = (
        "Бывший министр Алтайского края Александр Климин получил официальное назначение на должность заместителя "
        "председателя правительства региона."
    )
    assert ("Александр Климин", "roleDeputyPrimeMinister", "Правительство Алтайского края") in _posts(text)


def test_who_gives_a_post_does_not_hold_it_and_who_is_to_lead_does():
    """«Пост … вице-губернатора края Имя доверил управленцу»: the governor gives it; «Имени предстоит руководить АО
    «…»»: the company's head."""
    found = _posts(
        "Пост «промышленного» вице-губернатора Алтайского края Виктор Томенко доверил управленцу из Красноярска"
    )
    assert not any(role == "roleDeputyGovernor" for _, role, _ in found)
    text = "Максим Шихалов уходит из правительства. Господину Шихалову предстоит руководить АО «Вектор»."
    assert ("Максим Шихалов", "roleHead", "АО «Вектор»") in _posts(text)


def test_an_adviser_a_delegation_a_citys_deputy_head_and_a_board_in_capitals():
    found = _posts("Министр спорта Павел Ростовцев получил назначение советником губернатора.")
    assert ("Павел Ростовцев", "roleAdviserToGovernor", None) in found
    found = _posts("Советник губернатора Томской области по инвестициям Алексей Барышев выступил.")
    assert ("Алексей Барышев", "roleAdviserToGovernor", "Томская область") in found
    assert ("Владимир Булавин", "roleHead", None) in _posts("Руководитель делегации Владимир Булавин выступил.")
    found = _posts("Министром может стать заместитель главы Барнаула по экономической политике Вячеслав Химочка.")
    assert any(p == "Вячеслав Химочка" and role == "roleDeputyHead" for p, role, _ in found)
    found = _posts("Документ подписал председатель Совета директоров ЗАО «Вектор» Виктор Хроленко.")
    assert ("Виктор Хроленко", "roleChair", "ЗАО «Вектор»") in found
    found = _posts("Документ подписали председатель правления Great Wall Motor Вэй Цзяньцзюнь и губернатор.")
    assert ("Вэй Цзяньцзюнь", "roleChair", "Great Wall Motor") in found


def test_institutions_councils_branches_and_a_legislatures_short_name():
    orgs = extract_orgs(
        'Организатор - краевое автономное учреждение "Алтайский центр привлечения инвестиций". Прежде Иван '
        'Петров работал главой управы района Солнцево города Москвы, до этого руководивший "Алтайским '
        'бизнес-инкубатором".'
    )
    assert "Краевое автономное учреждение «Алтайский центр привлечения инвестиций»" in orgs
    assert "Управа района Солнцево города Москвы" in orgs and "«Алтайский бизнес-инкубатор»" in orgs
    orgs = extract_orgs(
        "Завод посетила секретарь Московского областного регионального отделения партии «Единая Россия»."
    )
    assert "Московское областное региональное отделение партии «Единая Россия»" in orgs
    orgs = extract_orgs("Депутат Иван Петров, секретарь Псковского регионального отделения «Единой России», выступил.")
    assert any("Псковское региональное отделение «Единой России»" in alts for alts in orgs.values())
    text = "Субсидии в Свердловской области отменены: постановление подписала председатель ЗакСо Людмила Бабушкина."
    assert ("Людмила Бабушкина", "roleChair", "Законодательное Собрание Свердловской области") in _posts(text)
    orgs = extract_orgs("В крае создана Рабочая группа по модернизации моногорода Новоалтайск.")
    assert "Рабочая группа по модернизации моногорода Новоалтайск" in orgs
    orgs = extract_orgs("Юрий Михайлов руководит управлением Федерального агентства по управлению ОЭЗ по Петербургу.")
    assert "Федеральное агентство по управлению ОЭЗ" in orgs


def test_no_body_of_a_why_a_country_an_operation_or_a_dangling_adjective():
    orgs = extract_orgs("Собянин вошел в коллегию Военно-промышленной комиссии по указу Путина")
    assert not any("указу" in label for label in orgs)
    assert "РФ" not in extract_orgs("Системообразующие компании РФ смогут взять льготные кредиты.")
    assert not extract_orgs("Наша работа приближает победу в Специальной военной операции.")
    orgs = extract_orgs("Собянин назвал работу департамента науки и промышленности Москвы неэффективной.")
    assert not any("неэффективн" in label for label in orgs)
    orgs = extract_orgs("Прежде мэр назвал работу департамента науки и промышленности неэффективной.")
    assert not any("неэффективн" in label for label in orgs)


def test_bylines_with_the_author_first_and_an_outlets_name_beside_its_site():
    """«Имя, ИА "Тюменская линия"», «Имя, обозреватель «Монокль»; Имя2, заместитель главного редактора журнала
    «Эксперт»»: authors, no persons; the outlet «Тюменская линия (tumen1.ru)» named in the text is no body."""
    text = (
        'Заголовок новости о лизинге\n\nСергей Елесин, ИА "Тюменская линия"\n\nКорреспонденту агентства '
        '"Тюменская линия" об этом рассказал заместитель губернатора Тюменской области Андрей Пантелеев.'
    )
    ex = extract_text(text, outlet="Тюменская линия (tumen1.ru)")
    assert [p.label_ru for p in ex.persons] == ["Андрей Пантелеев"]
    assert not any("Тюменская линия" in o.label_ru for o in ex.orgs)
    text = (
        "Не только «калашников»\n\nАлександр Механик, обозреватель «Монокль»; Алексей Хазбиев, заместитель главного "
        "редактора журнала «Эксперт»\n27 февраля 2017, 00:00\n\nПрограмму вооружений правительство утвердило в 2011 году."
    )
    assert extract_persons(text) == []


def test_a_chinese_name_keeps_its_order_and_a_quoted_name_alone_is_its_company():
    persons = extract_persons("Документ подписал председатель правления компании Вэй Цзяньцзюнь.")
    assert persons == ["Вэй Цзяньцзюнь"]
    text = (
        "Директором ОАО НПО «Ижмаш» назначен Константин Бусыгин. Формирование концерна «Калашников» началось. "
        "Подтвердить это на «Ижмаше» не смогли. Генеральный директор предприятия Александр Косов сейчас в командировке."
    )
    assert ("Александр Косов", "roleDirectorGeneral", "ОАО НПО «Ижмаш»") in _posts(text)
