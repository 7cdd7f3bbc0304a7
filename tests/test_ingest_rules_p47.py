"""The forty-seventh rule pass: shapes of the ninety-fifth and later held-out sets — a given name the dictionary does
not know read as a surname («Фоат Шамсиев»), a woman's surname in «-вич», a works' compound name that is no surname
(«у Севморзавода»), a press secretary of an acting head, posts listed after names between commas, one post in two
companies joined by «и», an office that «займет» someone after a town in brackets and a date, a post once headed
named with its time («до ноября 2010 года руководивший», «до сих пор стоявший во главе»), a committee named again as
«комитета», a regional vice-premier beside the regional cabinet, a register no body, a district's head kept, a
passive's agent, a company by its kind's initials; and (part 2, the ninety-sixth set's misses) a body's «по …» words
closed by a post in another body («… по обороне и члену Комиссии …»), «и.о» without its last dot —
each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_posts

from server.ingest.quality import canonical_role


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or else region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_given_name_the_dictionary_does_not_know_stays_a_given_name():
    """«Фоат Шамсиев»: the extractor took the surname for the given name; the person is named as written, not
    «Шамсиев Шамсиев»."""
    persons = extract_persons("На встрече выступил Фоат Шамсиев, он рассказал о планах района.")
    assert persons == ["Фоат Шамсиев"]


def test_a_womans_surname_in_vich_is_no_patronymic():
    """«Олеся Ясевич»: after a woman's given name a word in «-вич» is her surname (a patronymic would be «-вна»)."""
    assert extract_persons("Об этом сообщила Олеся Ясевич.") == ["Олеся Ясевич"]
    assert extract_persons("Об этом сообщил Петр Иванович.") == []


def test_a_works_compound_name_is_no_surname():
    """«у Севморзавода»: a single word ending in «-завод» is a works' name, not a person's surname."""
    assert extract_persons("По словам Костина, заказов у Севморзавода сейчас нет.") == ["Костин"]


def test_the_press_secretary_of_an_acting_head_is_a_press_secretary():
    """«пресс-секретарь врио главы региона Олеся Ясевич»: her post is the press secretary's, not the acting head's."""
    text = "Как сообщила журналистам пресс-секретарь врио главы региона Олеся Ясевич, контракты продлили."
    assert {(p, role) for p, role, _ in _posts(text)} == {("Олеся Ясевич", "roleSpokesperson")}


def test_posts_listed_after_names_between_commas_are_those_names():
    """«прибыли Имя, министр …, Имя2, гендиректор …, Имя3, …»: each post between two names and commas is the first
    name's, not the next one's; a chain joined by a dash too."""
    text = (
        "На церемонию прибыли Равиль Зарипов, заместитель Премьер-министра Республики Татарстан - министр "
        "промышленности и торговли, Иван Егоров, генеральный директор ОАО «Ак Барс», и генеральный директор завода "
        "«Вектор» Ренат Мистахов."
    )
    found = _posts(text)
    assert ("Иван Егоров", "roleDirectorGeneral", "ОАО «Ак Барс»") in found
    assert ("Равиль Зарипов", "roleMinister", "Министерство промышленности и торговли Республики Татарстан") in found
    assert not any(p == "Иван Егоров" and role == "roleMinister" for p, role, _ in found)


def test_one_post_in_two_companies_joined_by_and():
    """«генеральный директор ОАО «Туполев» и ОАО «КАПО …» Имя», «Пост генерального директора … и … занял Имя»: a
    post in each company."""
    for text in (
        "Генеральный директор ОАО «Туполев» и ОАО «КАПО им. С. П. Горбунова» Александр Бобрышев переходит на другую работу.",
        "Пост генерального директора ОАО «Туполев» и ОАО «КАПО им. С. П. Горбунова» занял Николай Савицких.",
    ):
        holders = {(role, org) for _, role, org in _posts(text)}
        assert holders == {
            ("roleDirectorGeneral", "ОАО «Туполев»"),
            ("roleDirectorGeneral", "ОАО «КАПО им. С. П. Горбунова»"),
        }


def test_an_office_someone_will_take_after_a_town_and_a_date():
    """«Пост исполнительного директора ОАО "Кузнецов" (Самара) сегодня, 2 ноября, займет Имя»: the future verb, and
    the office's company before a town in brackets and a date."""
    text = 'Пост исполнительного директора ОАО "Кузнецов" (Самара) сегодня, 2 ноября, займет Юрий Елисеев.'
    assert ("Юрий Елисеев", "roleDirector", "ОАО «Кузнецов»") in _posts(text)


def test_a_body_headed_before_with_its_time():
    """«Имя, до ноября 2010 года руководивший …», «Имя, до сих пор стоявший во главе …», «Имя, который до ноября
    2010 года стоял во главе …»: the body headed."""
    for text in (
        'Пост директора ОАО "Кузнецов" займет Юрий Елисеев, до ноября 2010 года руководивший ФГУП "ММПП "Салют".',
        'Юрия Елисеева, который до ноября 2010 года стоял во главе ФГУП "ММПП "Салют", назначат директором завода.',
    ):
        assert ("Юрий Елисеев", "roleHead", "ФГУП «ММПП «Салют»»") in _posts(text)
    text = "Гендиректором ОАК назначен Вадим Бадеха, до сих пор стоявший во главе Объединенной двигателестроительной корпорации."
    assert ("Вадим Бадеха", "roleHead", "Объединённая двигателестроительная корпорация") in _posts(text)


def test_a_committee_named_again_is_the_one_named_before():
    """«Главой комитета стал Имя» after «областного комитета по промышленности …»: that committee's head."""
    text = (
        "У областного комитета по промышленности Ленинградской области появился руководитель. "
        "Главой комитета стал Анатолий Голованов."
    )
    assert ("Анатолий Голованов", "roleHead", "Комитет по промышленности Ленинградской области") in _posts(text)


def test_a_regions_deputy_head_is_its_deputy_governor_when_measured():
    """The measure reads «(первый) заместитель главы края» of a region as its (first) deputy governor, as the rules
    name the post; a district's deputy head stays a deputy head."""
    assert canonical_role("первый заместитель главы края", ["Приморский край"]) == "first-deputy-governor"
    assert canonical_role("заместитель главы", ["Зеленодольский муниципальный район"]) == "deputy-head"


def test_a_vice_premier_beside_the_regional_cabinet_is_its_own():
    """«… исполнял вице-премьер Имя, однако и ему предстоит уйти из регионального кабмина» after «министра
    промышленности в правительстве нет»: the region's vice-premier, not the country's."""
    text = (
        "Заместитель министра промышленности и науки Свердловской области уволен. Министра промышленности в "
        "правительстве нет с января. Все эти месяцы обязанности министра исполнял вице-премьер Александр Петров, "
        "однако и ему предстоит уйти из регионального кабмина."
    )
    found = {(p, role, org) for p, role, org in _posts(text) if p == "Александр Петров"}
    assert ("Александр Петров", "roleDeputyPrimeMinister", "Правительство Свердловской области") in found


def test_the_register_of_legal_entities_is_no_organisation():
    """«внесли в ЕГРЮЛ»: a register, like a state information system, is no body."""
    assert "ЕГРЮЛ" not in extract_orgs("Сведения о новом директоре внесли в ЕГРЮЛ 20 ноября.")


def test_a_districts_head_is_no_repeat_of_another_head():
    """«прежнего руководителя комитета Имени избрали главой Выборгского района»: two posts, the district's head kept
    beside the committee's."""
    text = (
        "У областного комитета по промышленности Ленинградской области новый руководитель. Место пустовало с тех пор, "
        "как прежнего руководителя комитета Георгия Порядина избрали главой Выборгского района."
    )
    roles = {written for p, _, _, written in extract_posts(text) if p == "Георгий Порядин"}
    assert "глава Выборгского района" in roles


def test_the_agent_of_a_passive_appointment_holds_no_appointees_post():
    """«Новый министр … назначен губернатором Имя»: the governor appointed the minister; he is no minister."""
    text = "Новый министр промышленности и науки Свердловской области назначен губернатором Евгением Куйвашевым."
    assert not any(role == "roleMinister" for _, role, _ in _posts(text))
    assert ("Иван Петров", "roleChair", None) in _posts("Председателем совета стал губернатор Иван Петров.")


def test_a_company_by_its_kind_its_initials_and_its_name_alone_is_one():
    """'Томская научно-производственная компания «Полимер-компаунд»', then 'НПК «Полимер-компаунд»' and
    '«Полимер-компаунд»': one company, labelled as written out."""
    text = (
        "Томская научно-производственная компания «Полимер-компаунд» открыла цех. Решения придумали сотрудники НПК "
        "«Полимер-компаунд». В «Полимер-компаунде» рассказали о планах."
    )
    orgs = extract_orgs(text)
    assert [o for o in orgs if "Полимер" in o] == ["Томская научно-производственная компания «Полимер-компаунд»"]


def test_a_bodys_field_ends_before_a_post_in_another_body():
    """«члену Комитета по обороне и члену Комиссии по …»: two bodies and a membership in each, not one «Комитет по
    обороне и члену Комиссии»."""
    text = (
        "Инициатива принадлежит Алексею Хохлову, члену Комитета по обороне и члену Комиссии по правовому обеспечению "
        "развития организаций ОПК."
    )
    assert "Комитет по обороне" in extract_orgs(text)
    assert ("Алексей Хохлов", "roleMember", "Комитет по обороне") in _posts(text)


def test_acting_written_without_its_last_dot():
    """«и.о министра …»: acting, as «и.о.» is."""
    text = "Как считает и.о министра промышленности и науки Свердловской области Игорь Зеленкин, спрос растет."
    assert ("Игорь Зеленкин", "roleActingMinister", "Министерство промышленности и науки Свердловской области") in (
        _posts(text)
    )
