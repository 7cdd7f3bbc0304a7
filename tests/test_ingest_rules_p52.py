"""The fifty-second rule pass: shapes of the hundred-and-fifth held-out set — a name in capitals in a caption («ЮРИЙ
МАМИН, ГЕНДИРЕКТОР …»), a bare premier after another's name where the premier is named, NER's organisation run on over
«и» and a post, a kind of thing capitalised after a speech's dash, a sum in words before «вложений», a legal form in a
body's field list, a company or a medium read as a surname, a bare «Сенатор» opening a sentence, «Во главе предприятия
стоит Имя», «в должности мэра города он» — each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_posts, extract_text


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_name_in_capitals_in_a_caption():
    """«ЮРИЙ МАМЕЕВ, ГЕНДИРЕКТОР ПАО "…": "…"»: a person with his post, no organisation «ЮРИЙ МАМЕЕВ»."""
    text = 'Депутат посетил завод.\n\nЮРИЙ МАМЕЕВ, ГЕНДИРЕКТОР ПАО "ВЛАДИМИРСКИЙ ТОЧМАШ": "Мы работаем на экспорт".'
    assert "Юрий Мамеев" in extract_persons(text)
    assert not any("МАМЕЕВ" in label for label in extract_orgs(text))
    assert any(p == "Юрий Мамеев" and role == "roleDirectorGeneral" for p, role, _ in _posts(text))


def test_a_bare_premier_is_the_premier_named_not_the_last_speaker():
    """«… подписал премьер-министр РФ Имя. «…», – уточнил Имя2. По словам главы правительства, …»."""
    found = _posts(
        "Постановление подписал премьер-министр РФ Владимир Путин. «Войдут 20 предприятий», – уточнил Сергей "
        "Игнатов. По словам главы правительства, структура заработает в сентябре."
    )
    assert not any(p == "Сергей Игнатов" for p, _, _ in found)


def test_an_organisation_does_not_run_on_over_i_and_a_post():
    """«Глава Минпромторга и губернатор Тверской области обсудили …»: the ministry alone."""
    orgs = extract_orgs("Глава Минпромторга и губернатор Тверской области обсудили, как развивать промышленность.")
    assert not any("губернатор" in label for label in orgs)


def test_a_kind_of_thing_capitalised_after_a_speechs_dash():
    """«- Промышленный технопарк, который займется электроникой, … - заявил Имя»: no organisation."""
    orgs = extract_orgs(
        "Новости\n\n- Промышленный технопарк, который займется электроникой, создадим вместе, - заявил Иван Дронов."
    )
    assert "Промышленный технопарк" not in orgs


def test_a_sum_in_words_before_vlozheniy():
    """«привлечь около четырех миллиардов вложений»: 4 billion roubles, about."""
    found = [
        (a.value, a.qualifier)
        for a in extract_text("С помощью проекта рассчитывают привлечь около четырех миллиардов вложений.").amounts
    ]
    assert (4_000_000_000, "approximately") in found


def test_a_legal_form_ends_a_bodys_field():
    """«заседал комитет ЗС по собственности и экономической политике, ООО «…» и ООО «…» не ответили»."""
    orgs = extract_orgs(
        "К 31 марта, когда заседал комитет ЗС по собственности и экономической политике, ООО «Альфа-Сеть» и ООО "
        "«Бета-Энерго» так и не ответили."
    )
    assert "ООО «Альфа-Сеть»" in orgs
    assert not any(label.endswith("ООО «Альфа-Сеть»") and label.startswith("Комитет") for label in orgs)


def test_a_company_and_a_medium_are_no_surnames():
    """«у компании Тетрапак», «пишет Восток-Телеинформ»: no persons."""
    persons = extract_persons(
        "Оборудование закупят у компании Тетрапак. К решению пришли после обсуждения, пишет Восток-Телеинформ."
    )
    assert persons == []


def test_a_bare_senator_opening_a_sentence():
    """«… председатель бюджетного комитета Совфеда Имя … . Сенатор уточнил …»: his senator's post."""
    found = _posts(
        "Как рассказал председатель бюджетного комитета Совфеда Евгений Бушуев, деньги распределят заново. Сенатор "
        "уточнил, что поправки закрытые."
    )
    assert any(p == "Евгений Бушуев" and role == "roleSenator" for p, role, _ in found)


def test_the_head_of_the_enterprise_named_before():
    """«ФГУП «…» … Во главе предприятия стоит известный академик Имя»."""
    found = _posts("ФГУП «ФЦДТ «Заря» работает давно. Во главе предприятия стоит известный академик Юрий Миронов.")
    assert ("Юрий Миронов", "roleHead", "ФГУП «ФЦДТ «Заря»»") in found


def test_an_office_held_then_before_the_holders_pronoun():
    """«губернатором Имя стал, придя из Череповца: еще в должности мэра города он …»."""
    found = _posts(
        "Губернатором Олег Кувалдин стал, придя из Череповца: еще в должности мэра города он защитил программу."
    )
    assert any(p == "Олег Кувалдин" and role == "roleMayor" for p, role, _ in found)


def test_a_regions_unit_named_by_its_adjective_is_also_known_as_written():
    """«руководитель областного департамента промышленности Имя»: also «Областной департамент промышленности»."""
    orgs = extract_orgs(
        "Об этом сообщил руководитель областного департамента промышленности Сергей Семкин. Новосибирская область."
    )
    assert "Областной департамент промышленности" in orgs["Департамент промышленности Новосибирской области"]


# part 2: the hundred-and-sixth held-out set's misses


def test_an_acts_date_and_number_in_brackets_after_its_issuer():
    """«по постановлению Правительства России (от 27.12.2012 № 1432)»."""
    acts = extract_text("Скидки дают по постановлению Правительства России (от 27.12.2012 № 1432) производителям.").acts
    assert [(a.number, a.date.isoformat() if a.date else None) for a in acts] == [("1432", "2012-12-27")]


def test_a_ministers_short_field_written_out_in_the_ministrys_name():
    """«Министр соцзащиты Имя» in a region's news: «Министерство социальной защиты …»."""
    orgs = extract_orgs("Министр соцзащиты Владимир Власенко сказал. Свердловская область.")
    assert "Министерство социальной защиты Свердловской области" in orgs
