"""The fifty-third rule pass: shapes of the hundred-and-seventh held-out set — a participle governing a committee's
name, a committee's field ending in a land («делам Севера»), «глава профильного Комитета СФ», a profile card's name
over two lines with its post glued on, «Проект регионального закона», a caption's name that is the photo credit's
author, prosecutors and chief architects, a city's «горсовет», units of a region's administration named by their field
alone, a federal ministry's bare name in a region's news, posts given after «был», «а также», «возглавляя» and an
opening «Председателем … избрали Имя» — each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_posts, extract_text


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


SF_COMMITTEE = "Комитет Совета Федерации по аграрно-продовольственной политике и делам Севера"


def test_a_participle_before_a_committee_is_no_part_of_its_name():
    """«Имя, возглавляющий Комитет Совета Федерации по … и делам Севера»: the committee, «Севера» in its field."""
    text = (
        "С докладом выступил Иван Рябцев, возглавляющий Комитет Совета Федерации по аграрно-продовольственной "
        "политике и делам Севера."
    )
    orgs = extract_orgs(text)
    assert SF_COMMITTEE in orgs
    assert not any(label.startswith("Возглавляющий") for label in orgs)


def test_the_profile_committee_of_an_owner_is_its_one_committee_named():
    """«… председатель Комитета СФ по …» then «глава профильного Комитета СФ»: one committee."""
    text = (
        "Проект доложил Иван Рябцев, председатель Комитета Совета Федерации по аграрно-продовольственной политике и "
        "делам Севера. Как напомнил глава профильного Комитета СФ, документ приняли в первом чтении."
    )
    orgs = extract_orgs(text)
    assert SF_COMMITTEE in orgs
    assert not any(label.lower().startswith("профильный") for label in orgs)


def test_a_profile_cards_name_over_two_lines_with_its_post_glued_on():
    """«Рябцев\\nИван ПетровичГубернатор Тверской области»: the governor of the region; so on a line of its own."""
    for card in (
        "Рябцев\nИван ПетровичГубернатор Тверской области\n",
        "Рябцев\nИван Петрович\nГубернатор Тверской области\n",
    ):
        found = _posts(f"Документ представил Иван Рябцев.\n{card}Смотрите также\n")
        assert ("Иван Рябцев", "roleGovernor", "Тверская область") in found


def test_a_draft_of_a_regional_law_is_a_bill():
    """«Проект регионального закона о промышленной политике … области» is a bill."""
    acts = extract_text("Вчера Проект регионального закона о промышленной политике Тверской области обсудили.").acts
    assert [a.kind_slug for a in acts] == ["bill"]


def test_a_captions_name_that_is_the_credits_author_is_a_byline():
    """«Ирина Соколова» over «Фото - © Ирина Соколова/РИА Новости»: no person of the news."""
    text = (
        "Законопроект внесли в Госдуму\n\nЗаконопроект внесли в Госдуму\nЭкономика\nИрина Соколова\n\n"
        "Фото - © Ирина Соколова/РИА Новости\n\nПравительство внесло поправки, сообщил Михаил Мишустин."
    )
    persons = extract_persons(text)
    assert "Михаил Мишустин" in persons
    assert "Ирина Соколова" not in persons


def test_prosecutors_and_a_chief_architect():
    """«главному военному прокурору Имени», «у прокурора области Имени», «была главным архитектором Твери»."""
    found = _posts(
        "В Саратовской области письма адресованы главному военному прокурору Ивану Соколову. Поддержку нашли у "
        "прокурора области Петра Орлова. Так считает Анна Белова, которая была главным архитектором Твери."
    )
    assert ("Иван Соколов", "roleProsecutor", None) in found
    assert ("Петр Орлов", "roleProsecutor", "Саратовская область") in found
    assert ("Анна Белова", "roleChiefArchitect", None) in found


def test_posts_held_before_and_now_in_a_relative_clause():
    """«Имя, которая прежде была главным архитектором …, и руководителем агентства по …, градостроению и … развитию
    регионального правительства, а сейчас возглавляет управление … ГК «Вектор»»: three posts, the agency the
    region's."""
    text = (
        "Закон Тверской области не готов. Так считает Анна Белова, которая прежде была главным архитектором Твери и "
        "руководителем агентства по архитектуре, градостроению и перспективному развитию регионального правительства, "
        "а сейчас возглавляет управление проектирования ПАО «КАМАЗ»."
    )
    agency = "Агентство по архитектуре, градостроению и перспективному развитию Тверской области"
    assert agency in extract_orgs(text)
    found = _posts(text)
    assert ("Анна Белова", "roleHead", agency) in found
    assert any(p == "Анна Белова" and org and org.startswith("Управление проектирования") for p, _, org in found)


def test_a_city_council_by_its_short_word():
    """«Прежде он был депутатом горсовета Новосибирска, а также занимал пост директора фонда «…»»: both posts."""
    found = _posts(
        "Главой района Андрея Гончарова назначили в 2014 году. Прежде он был депутатом горсовета Новосибирска, а также "
        "занимал пост директора фонда «Общее дело»."
    )
    assert ("Андрей Гончаров", "roleDeputy", "Городской совет Новосибирска") in found
    assert ("Андрей Гончаров", "roleDirector", "Фонд «Общее дело»") in found


def test_a_units_field_alone_in_an_article_on_a_regions_administration():
    """«… назначения в обладминистрации. Управление инвестиций возглавила Имя»: a unit of that administration, also
    called as the text does."""
    text = (
        "Губернатор Тамбовской области подписал распоряжения о назначениях в обладминистрации. Управление инвестиций "
        "возглавила Наталья Белова, до этого занимавшая пост замначальника управления."
    )
    orgs = extract_text(text).orgs
    unit = next(o for o in orgs if o.label_ru.startswith("Управление инвестиций"))
    assert unit.label_ru == "Управление инвестиций Администрации Тамбовской области"
    assert "Управление инвестиций" in unit.alt_ru
    found = _posts(text)
    assert ("Наталья Белова", "roleDeputyChief", unit.label_ru) in found


def test_a_federal_ministrys_bare_name_in_a_regions_news():
    """«и.о. министра промышленности и торговли … области … встал во главе министерства промышленности и торговли»:
    the region's ministry, no federal one."""
    orgs = extract_orgs(
        "Андрей Гончаров назначен и.о. министра промышленности и торговли Новосибирской области. Он перешел в "
        "правительство региона и встал во главе министерства промышленности и торговли."
    )
    assert "Министерство промышленности и торговли Новосибирской области" in orgs
    assert "Министерство промышленности и торговли Российской Федерации" not in orgs


def test_a_post_chosen_at_a_sentences_opening_and_its_deputy():
    """«Председателем комитета по бюджету и налогам депутаты избрали Имя, а ее заместителем - Имя2»."""
    found = _posts(
        "Председателем комитета по бюджету и налогам депутаты избрали Наталью Белову, а ее заместителем - Петра Орлова."
    )
    assert ("Наталья Белова", "roleChair", "Комитет по бюджету и налогам") in found
    assert ("Петр Орлов", "roleDeputyChair", "Комитет по бюджету и налогам") in found


def test_a_chain_in_the_genitive_before_a_genitive_name():
    """«такие слова заместителя председателя ВЭБ.РФ, гендиректора фонда Ирины Макаровой приводит ТАСС»: both posts."""
    found = _posts(
        "«Готовы», — такие слова заместителя председателя ВЭБ.РФ, гендиректора фонда Ирины Макаровой приводит ТАСС."
    )
    assert any(p == "Ирина Макарова" and role == "roleDeputyChair" and org == "ВЭБ.РФ" for p, role, org in found)


def test_a_head_named_with_a_month_and_a_unit_headed_as_a_deputy():
    """«сменила Имя, который встал во главе министерства в январе», «До того она была заместителем руководителя
    ведомства, возглавляя департамент …»."""
    text = (
        "Анна Белова ушла с должности министра экономического развития Тверской области. Белова сменила Петра "
        "Орлова, который встал во главе министерства в январе прошлого года. До того она была заместителем "
        "руководителя ведомства, возглавляя департамент стратегического планирования."
    )
    found = _posts(text)
    assert any(p == "Петр Орлов" and role == "roleMinister" for p, role, _ in found)
    assert not any(p == "Петр Орлов" and role == "roleDeputyMinister" for p, role, _ in found)  # «она», not him
    assert any(
        p == "Анна Белова" and role == "roleHead" and "стратегического планирования" in (org or written)
        for p, role, org, written in extract_posts(text)
    )


def test_a_committees_field_list_with_abbreviations_and_an_aside():
    """«комитета по вопросам строительства, ЖКХ и ТЭК», «… и инфраструктуры (завод ему …)»."""
    orgs = extract_orgs(
        "Иван Петров получил пост главы комитета по вопросам промышленности и инфраструктуры (завод ему придется "
        "покинуть). Руководить комитетом по вопросам строительства, ЖКХ и ТЭК будет Петр Орлов."
    )
    assert "Комитет по вопросам промышленности и инфраструктуры" in orgs
    assert "Комитет по вопросам строительства, ЖКХ и ТЭК" in orgs


def test_territories_and_the_monotown_fund():
    """«Сибирские ТОСЭР» is no body; «Фонд развития моногородов» opening a sentence is the fund."""
    orgs = extract_orgs("Сибирские ТОСЭР рассчитывают на займы.\nФонд развития моногородов намерен выдать займы.")
    assert "Сибирские ТОСЭР" not in orgs
    assert "Фонд развития моногородов" in orgs


# -- part 2: the hundred-and-eighth held-out set's shapes --------------------------------------------------------


def test_a_seat_taken_and_a_former_director_general():
    """«Экс-гендиректор ОАК Имя ушел с поста председателя совета директоров завода … Место Имени занял Имя2»."""
    found = _posts(
        "Экс-гендиректор Объединенной авиастроительной корпорации (ОАК) Петр Орлов ушел с поста председателя совета "
        "директоров Уральского завода гражданской авиации. Место Орлова занял Иван Белов, глава холдинга."
    )
    assert any(p == "Петр Орлов" and role == "roleDirectorGeneral" for p, role, _ in found)
    assert ("Иван Белов", "roleChair", "Уральский завод гражданской авиации") in found


def test_a_post_received_a_board_headed_and_a_general_designer():
    """«пост генерального директора компании «…», входящей в …, получил Имя, прежде возглавлявший правление компании
    «…»», «генконструктор по … Имя»."""
    text = (
        "Пост генерального директора компании «Росэлектроника», входящей в госкорпорацию «Ростех», получил Петр "
        "Орлов, прежде возглавлявший правление компании «Локотех». До него работал генконструктор по системам "
        "связи Иван Белов."
    )
    found = _posts(text)
    assert ("Петр Орлов", "roleDirectorGeneral", "Росэлектроника") in found
    assert ("Петр Орлов", "roleChair", "«Локотех»") in found
    assert any(p == "Иван Белов" and role == "roleGeneralDesigner" for p, role, _ in found)


def test_a_works_by_its_eponym_an_appointment_after_an_apposition_and_a_relative_clause():
    """«Имя, бывший генеральный директор завода имени Миля, получил назначение на пост руководителя …»;
    «Руководитель корпорации "…", в которую входит …, Имя»; «Вертолетостроение» in a headline no person."""
    text = (
        "Вертолетостроение собирают в одних руках\n\nПетр Орлов, бывший генеральный директор завода имени Миля, "
        'получил назначение на пост руководителя холдинга "Вертолеты России". Руководитель корпорации '
        '"Оборонпром", в которую входит холдинг, Иван Белов, не стал скрывать планов.'
    )
    assert "Завод имени Миля" in extract_orgs(text)
    assert "Вертолетостроение" not in extract_persons(text)
    found = _posts(text)
    assert ("Петр Орлов", "roleDirectorGeneral", "Завод имени Миля") in found
    assert any(p == "Петр Орлов" and role == "roleHead" for p, role, _ in found)
    assert any(p == "Иван Белов" and role == "roleHead" and org and "Оборонпром" in org for p, role, org in found)


def test_a_concern_by_its_kind_word_and_the_reserves_agency():
    """«избрать генеральным директором концерна Имя, который … замгендиректора «Росрезерва»» after «Кремля»: the
    concern; «ПВО», «ОАО» alone no bodies."""
    text = (
        'Концерн "Алмаз-Антей" сменил главу. По рекомендации Кремля правительство решило избрать генеральным '
        'директором концерна Петра Орлова, который сейчас занимает пост замгендиректора "Росрезерва". Концерн ПВО '
        "появился в 2002 году как ОАО."
    )
    orgs = extract_orgs(text)
    assert "Федеральное агентство по государственным резервам" in orgs
    assert not {"ПВО", "ОАО"} & set(orgs)
    found = _posts(text)
    assert not any(org == "Кремль" for _, _, org in found)


def test_a_committees_field_before_one_of_the_authors_and_an_owner():
    """«заместителя председателя комитета Госдумы по экономической политике и одного из авторов проекта»;
    «владельцем компании «…»»."""
    found = _posts(
        "Об этом сказал Петр Орлов, заместитель председателя комитета Госдумы по экономической политике и одного из "
        "авторов проекта. Губернатор встретился с Иваном Беловым, владельцем компании «АгроГриб»."
    )
    assert ("Петр Орлов", "roleDeputyChair", "Комитет Государственной Думы по экономической политике") in found
    assert ("Иван Белов", "roleOwner", "«АгроГриб»") in found


def test_the_subjects_own_first_deputy():
    """«Губернатор Имя … глава региона обсуждала … с Имя2 — своим первым заместителем»."""
    found = _posts(
        "В районе побывала губернатор Анна Белова. Развитие территорий глава региона обсуждала с директором фонда "
        "Петром Орловым, Лидией Смирновой — своим первым заместителем, и главой района."
    )
    assert any(p == "Лидия Смирнова" and role == "roleFirstDeputyGovernor" for p, role, _ in found)
