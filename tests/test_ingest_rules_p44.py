"""The forty-fourth rule pass: shapes of the eighty-ninth and later held-out sets — a role after a name with an
adjective in any case («первого мэра»), «стоял во главе … района», «…, он же глава …», «глава государства» after a
name, a role after «Имя —» that is no apposition of the next name, «должность … может достаться Имени», «его
руководителя Имени»; a quoted company after «возглавлявший», a federal ministry named only by its minister, a
government's commission and a region's council by their adjectives, parks listed after the region, a prefecture, one
company written with a hyphen and a space; no body from «в режиме ВКС», «ТЦ «…»» or «GMP», no person from an adjective
before its noun or a town in a list; a headline's «закон» that is the body's one bill, «законопроект о маркировке»;
and (part 2, the eighty-ninth and ninetieth sets' misses) «министр ЖКХ», «генеральный директор ПАО "…" (ОАК, входит в
Ростех) Имя», «Обязанности министра … возьмет на себя его заместитель Имя», «Обязанности министра … Имя будет
исполнять», «Временно руководить министерством … будет Имя», «рабочая группа правительства РФ, возглавляемая Имя»,
«Имя, последние шесть месяцев исполнявший обязанности министра …», «МО РФ», «Источник изображения: …» — each tested
on sentences of our own."""

from __future__ import annotations

from conftest import act_details, extract_orgs, extract_persons, extract_posts, extract_text

from server.ingest import quality


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or else region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_an_adjective_before_a_role_in_any_case_and_a_district_headed():
    """«вдова Петра Орлова, первого мэра Москвы»: the mayor's post; «Иван Сомов стоял во главе Ленинского
    района»: the district's head."""
    text = "Вчера выступила Анна Орлова — вдова Петра Орлова, первого мэра Москвы."
    assert ("Петр Орлов", "roleMayor", "Москва") in _posts(text)
    text = "В те годы, когда город строил метро, Иван Сомов стоял во главе Ленинского района."
    assert {(p, role) for p, role, _ in _posts(text)} == {("Иван Сомов", "roleHead")}


def test_a_second_post_after_he_too_and_the_head_of_state():
    """«…, он же глава наблюдательного совета …»: a second post of the same person; «Имя, глава государства»: the
    president."""
    text = (
        "– Фонд поможет заводу, – заявил Олег Лунин, первый заместитель председателя правительства Омской области, он "
        "же глава Наблюдательного совета регионального фонда развития промышленности."
    )
    roles = {role for p, role, _ in _posts(text) if p == "Олег Лунин"}
    assert roles == {"roleFirstDeputyPrimeMinister", "roleHead"}
    text = "К открытию подключились Владимир Путин, глава государства, и губернатор Омской области Виктор Хоценко."
    assert ("Владимир Путин", "rolePresident", None) in _posts(text)


def test_a_role_after_a_name_and_a_dash_belongs_to_that_name():
    """«Иван Петров — заместитель председателя правительства, Олег Сидоров — помощник президента РФ, министр
    энергетики Павел Ким»: each post to the name before its dash, the minister's to Ким alone."""
    text = (
        "На совещании были Иван Петров — заместитель председателя правительства, Олег Сидоров — помощник президента "
        "РФ, министр энергетики Павел Ким."
    )
    posts = {(p, role) for p, role, _ in _posts(text)}
    assert ("Иван Петров", "roleDeputyPrimeMinister") in posts
    assert ("Олег Сидоров", "roleAideToPresident") in posts
    assert ("Павел Ким", "roleMinister") in posts
    assert ("Олег Сидоров", "roleDeputyPrimeMinister") not in posts
    assert ("Павел Ким", "roleAideToPresident") not in posts


def test_an_office_that_may_go_to_a_person_and_its_head_by_a_possessive():
    """«По данным РБК, должность главы комитета … может достаться сенатору Имени»; «после отставки его руководителя
    Имени»: the committee's chair, the committee named before «его»."""
    committee = "Комитет Совета Федерации по обороне"
    text = "По данным РБК, должность главы комитета Совета Федерации по обороне может достаться сенатору Ивану Белову."
    assert ("Иван Белов", "roleChair", committee) in _posts(text)
    text = "Пост главы комитета СФ по обороне пустует после отставки его руководителя Петра Гусева."
    assert ("Петр Гусев", "roleChair", committee) in _posts(text)


def test_a_quoted_company_after_a_verb_of_heading():
    """«Олег Крылов, прежде возглавлявший "Трансстрой", …»: the company is an organisation and he was its head."""
    text = 'Новым директором завода стал Олег Крылов, прежде возглавлявший "Трансстрой", сообщили в компании.'
    assert "«Трансстрой»" in extract_orgs(text)
    assert ("Олег Крылов", "roleHead", "«Трансстрой»") in _posts(text)


def test_a_federal_ministry_named_by_its_minister():
    """«министр регионального развития РФ Имя»: the alias table's former ministry whose full name it begins; «министр природных
    ресурсов РФ»: the alias ministry whose full name it begins; «министр индустрии и торговли РФ» beside «Минпромторг»:
    that ministry; a federal ministry the table does not know is not composed."""
    text = "Проект одобрил министр регионального развития РФ Игорь Белых."
    ministry = "Министерство регионального развития Российской Федерации"
    assert ministry in extract_orgs(text)
    assert ("Игорь Белых", "roleMinister", ministry) in _posts(text)
    text = "Проект одобрил министр природных ресурсов РФ Игорь Белых."
    assert ("Игорь Белых", "roleMinister", "Министерство природных ресурсов и экологии Российской Федерации") in _posts(
        text
    )
    text = "Минпромторг изучил проекты, сообщил министр индустрии и торговли РФ Игорь Белых."
    assert _posts(text) == {
        ("Игорь Белых", "roleMinister", "Министерство промышленности и торговли Российской Федерации")
    }
    assert _posts("Проект одобрил министр строительства и энергетики РФ Игорь Белых.") == set()


def test_a_governments_commission_and_a_regions_council_by_their_adjectives():
    """«правительственная инвестиционная комиссия, которую возглавляет …» and «инвестиционного совета Псковской
    области»: bodies; a «правительственная комиссия» alone is none."""
    text = "Проект поддержала правительственная инвестиционная комиссия, которую возглавляет вице-премьер Иван Белов."
    assert ("Иван Белов", "roleChair", "Правительственная инвестиционная комиссия") in _posts(text)
    assert "Инвестиционный совет Псковской области" in extract_orgs(
        "Проект обсудили на заседании инвестиционного совета Псковской области."
    )
    assert extract_orgs("Проект поддержала правительственная комиссия.") == {}


def test_parks_listed_after_their_region_and_a_prefecture():
    """«три парка Тульской области — «Северный», «Южный» и «Восточный»» after an «индустриальный парк «Северный»»:
    three industrial parks, each also called by its own name; «сайт префектуры ЗелАО»: the prefecture."""
    text = (
        "Индустриальный парк «Северный» прошел проверку. Ее первыми прошли три парка Тульской области — «Северный», "
        "«Южный» и «Восточный»."
    )
    orgs = extract_orgs(text)
    for name in ("Северный", "Южный", "Восточный"):
        assert f"«{name}»" in orgs[f"Индустриальный парк «{name}»"], name
    assert "Префектура ЗелАО" in extract_orgs("Об этом сообщает сайт префектуры ЗелАО.")


def test_a_deputy_of_a_faction_in_quotes_and_one_company_written_two_ways():
    """«депутат от фракции "ЛДПР" Имя»: a deputy of the party; «Ангстрем Т» and «Ангстрем-Т»: one company."""
    text = 'Законопроект внес депутат от фракции "Справедливая Россия" Иван Белов.'
    assert any(p == "Иван Белов" and role == "roleDeputy" and org for p, role, org in _posts(text))
    orgs = extract_orgs("Совещание прошло на предприятии «Ангстрем Т». Премьер обошел предприятие «Ангстрем-Т».")
    assert list(orgs) == ["«Ангстрем Т»"]


def test_no_body_from_a_video_link_a_shopping_centre_or_a_standard():
    """«в режиме ВКС», «ТЦ «Радуга»», «правила GMP»: none is an organisation; «ВКС России» is."""
    text = (
        "К церемонии в режиме ВКС подключился министр. Парк стоит недалеко от ТЦ «Радуга». Проверки по "
        "правилам GMP отменены."
    )
    assert extract_orgs(text) == {}
    assert "ВКС России" in extract_orgs("Удар нанесли ВКС России.")


def test_no_person_from_an_adjective_before_its_noun_or_a_town_in_a_list():
    """«Микрокредитная компания ЕАО» and «три моногорода … – Березовский, Топки и Полысаево»: no person."""
    text = "Роль фонда играет Микрокредитная компания ЕАО."
    assert extract_persons(text) == []
    text = "Деньги получат три моногорода Кемеровской области – Березовский, Топки и Полысаево."
    assert extract_persons(text) == []


def test_a_headline_law_that_is_the_bodys_one_bill_and_a_bill_by_one_noun():
    """A headline's «ЗАКОН» over a body naming one bill by its title is that bill; «законопроект о маркировке»:
    the bill's subject as its title."""
    text = (
        "НОВЫЙ ЗАКОН ПРЕДЛОЖИЛИ ПРИНЯТЬ\n\nКомитет обсудил законопроект «О мерах поддержки станкостроения» и "
        "рекомендовал его принять. Пока закон лишь намечает меры."
    )
    acts = extract_text(text).acts
    assert {(a.kind_ru, a.title) for a in acts} == {("Законопроект", "О мерах поддержки станкостроения")}
    details = act_details("Замминистра представил законопроект о маркировке на пленарном заседании.")
    assert details == [("Законопроект", None, None, "О маркировке")]
    # a law's subject in one noun is no title: 'закон о маркировке' stays a bare law
    assert act_details("Президент подписал закон о маркировке на прошлой неделе.") == [("Закон", None, None, None)]


def test_a_former_role_is_the_role_when_scored():
    """The scorer reads «бывший руководитель» and «экс-министр» as the roles once held."""
    assert quality.canonical_role("бывший руководитель") == quality.canonical_role("руководитель")
    assert quality.canonical_role("экс-министр") == quality.canonical_role("министр")


def test_a_branchs_minister_a_company_with_an_aside_and_a_credit_line():
    """«министр ЖКХ Имя» (the branch as written, no ministry composed where no region is named); «генеральный директор
    ПАО "…" (ОАК, входит в Ростех) Имя»; «Источник изображения: Имя / сайт» is a credit, no person."""
    text = "На постах остались министр ЖКХ Олег Смирнов и министр АПК Иван Белов."
    posts = extract_posts(text)
    assert {(p, role, ru) for p, role, _, ru in posts} >= {
        ("Олег Смирнов", "roleMinister", "министр ЖКХ"),
        ("Иван Белов", "roleMinister", "министр АПК"),
    }
    text = (
        'В интервью генеральный директор ПАО "Объединенная авиастроительная корпорация" (ОАК, входит в Ростех) Иван '
        "Белов подвел итоги года."
    )
    assert ("Иван Белов", "roleDirectorGeneral", "Объединённая авиастроительная корпорация") in _posts(text)
    text = "Завод выпустил вертолет.\nИсточник изображения: Петр Соколов / example.livejournal.com\nВертолет взлетел."
    assert extract_persons(text) == []


def test_an_offices_duties_taken_on_and_a_body_to_be_led():
    """«Обязанности министра временно возьмет на себя его заместитель Имя», «Обязанности министра … Имя будет
    исполнять», «Временно руководить министерством … будет Имя»: the acting minister; «Руководить … министерством Имя
    поручил Имени»: its head."""
    text = "Министр ушел в отставку. Обязанности министра временно возьмет на себя его заместитель Олег Жуков."
    assert ("Олег Жуков", "roleActingMinister", None) in _posts(text)
    ministry = "Министерство промышленности Омской области"
    text = "Обязанности министра промышленности Омской области Анна Белова будет исполнять до конкурса."
    assert _posts(text) == {("Анна Белова", "roleActingMinister", ministry)}
    text = "Временно руководить министерством промышленности Омской области будет Анна Белова."
    assert _posts(text) == {("Анна Белова", "roleActingMinister", ministry)}
    text = "Руководить министерством промышленности Омской области губернатор Виктор Хоценко поручил Ивану Белову."
    assert ("Иван Белов", "roleMinister", ministry) in _posts(text)


def test_a_body_led_by_a_person_after_a_participle_and_an_acting_office_after_a_time():
    """«рабочая группа правительства РФ, возглавляемая Юрием Трутневым»: the group (not the government) is his;
    «Имя, последние шесть месяцев исполнявший обязанности министра …»: the acting minister."""
    text = "Проект поддержала межведомственная рабочая группа правительства РФ, возглавляемая Юрием Трутневым."
    group = "Межведомственная рабочая группа Правительства Российской Федерации"
    assert _posts(text) == {("Юрий Трутнев", "roleHead", group)}
    text = (
        "Из кабинета уходит вице-премьер Иван Белов, последние шесть месяцев исполнявший обязанности министра "
        "промышленности Омской области."
    )
    assert ("Иван Белов", "roleActingMinister", "Министерство промышленности Омской области") in _posts(text)


def test_the_ministry_of_defence_by_its_initials():
    """«Управление пресс-службы и информации МО РФ»: a unit of the Ministry of Defence, «МО РФ» its alias."""
    orgs = extract_orgs("Об этом сообщило Управление пресс-службы и информации МО РФ.")
    assert "Министерство обороны Российской Федерации" in orgs
    assert "Управление пресс-службы и информации МО РФ" in orgs
