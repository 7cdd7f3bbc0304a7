"""The forty-sixth rule pass: shapes of the ninety-third and later held-out sets — a works named with an undeclined
town, an office left with an adverb before it, duties bidden («поручено исполнять»), an acting head named by
«станет», an office-holder by «недавно ставший», a body led now («корпорацией руководит»), former posts joined by «и
экс-», two names sharing a plural post, factions' leaders and committees' chairs listed with brackets, a secretary
general; and (part 2, the ninety-fourth set's misses) a deputy named after the name («его первым заместителем»,
«заместителю Петрова»), an area in «гектара» —
each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts

from server.ingest import money


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or else region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def _roles(text: str) -> set[tuple[str, str]]:
    """(holder, role as written) of every post the rules find."""
    return {(p, written) for p, _, _, written in extract_posts(text)}


def test_a_works_named_with_an_undeclined_town_keeps_the_town():
    """«Металлургического завода Балаково»: the town is part of the works' name, and its director's post is there;
    a works «в Балаково» is not renamed."""
    text = "Губернатор встретился с генеральным директором Металлургического завода Балаково Евгением Скрипкиным."
    assert "Металлургический завод Балаково" in extract_orgs(text)
    assert ("Евгений Скрипкин", "roleDirectorGeneral", "Металлургический завод Балаково") in _posts(text)
    assert "Металлургический завод Балаково" not in extract_orgs(
        "Губернатор посетил металлургический завод в Балаково."
    )


def test_an_office_left_with_an_adverb_before_it():
    """«Еще раньше должность замглавы Минпромэнерго оставил Имя»: «замглавы» does not decline, two words open the
    sentence; «Замминистра Имя назначил Имени2 советником» gives the second name nothing."""
    text = "Еще раньше должность замминистра промышленности Чувашии оставил Николай Голубцов."
    assert ("Николай Голубцов", "roleDeputyMinister", "Министерство промышленности Чувашской Республики") in _posts(
        text
    )
    text = "Замминистра промышленности Петр Иванов назначил Сергея Петрова советником."
    assert not any(holder == "Сергей Петров" for holder, _, _ in _posts(text))


def test_duties_bidden_make_an_acting_holder():
    """«Временно исполнять обязанности министра поручено Имени», «Обязанности гендиректора «…» поручено исполнять
    Имени», «обязанности начальника Департамента … Имя начал исполнять»: each holds the office as acting."""
    text = (
        "От должности отстранён министр промышленности и информационных технологий Тверской области Дмитрий Танков. "
        "Временно исполнять обязанности министра поручено Алексею Шитову."
    )
    assert ("Алексей Шитов", "исполняющий обязанности министра") in _roles(text)
    text = "Обязанности гендиректора «Калашникова» поручено исполнять Владимиру Дмитриеву."
    assert ("Владимир Дмитриев", "исполняющий обязанности генерального директора") in _roles(text)
    text = "Обязанности начальника Департамента промышленности и торговли Максим Петров начал исполнять в феврале."
    assert ("Максим Петров", "исполняющий обязанности начальника") in _roles(text)


def test_an_acting_minister_by_stanet_and_a_senator_by_nedavno():
    """«Исполняющей обязанности министра станет Имя» after the ministry is named; «Имя, недавно ставший сенатором»."""
    text = (
        "Министерство промышленной политики Республики Крым получило временного руководителя. Исполняющей "
        "обязанности министра станет Елена Элекчян."
    )
    assert ("Елена Элекчян", "roleActingMinister", "Министерство промышленной политики Республики Крым") in _posts(text)
    text = "Иван Абрамов, недавно ставший сенатором от Амурской области, выбрал комитет."
    assert any(holder == "Иван Абрамов" and role == "roleSenator" for holder, role, _ in _posts(text))


def test_a_body_of_a_kind_led_now():
    """«Сейчас корпорацией руководит Имя»: the head of the corporation named before."""
    text = (
        "Вопрос о замене руководителя Объединенной судостроительной корпорации (ОСК) решен. Сейчас корпорацией "
        "руководит Владимир Шмаков, назначенный в 2013 году."
    )
    assert ("Владимир Шмаков", "roleHead", "Объединённая судостроительная корпорация") in _posts(text)


def test_former_posts_joined_by_and_ex_and_a_secretary_general():
    """«Имя — бывший генсек ШОС и экс-губернатор Иркутской области» after a post before the name: both posts, the
    first a secretary general."""
    text = (
        "Его председатель Дмитрий Мезенцев — бывший генсек Шанхайской организации сотрудничества и экс-губернатор "
        "Иркутской области."
    )
    assert {
        ("Дмитрий Мезенцев", "генеральный секретарь"),
        ("Дмитрий Мезенцев", "губернатор"),
    } <= _roles(text)


def test_two_names_share_a_plural_post_after_them():
    """«Имя и Имя2 — оба первые заместители Председателя ГД»: both hold it; a singular post is the second's only."""
    text = "На заседании будут Александр Жуков и Иван Мельников — оба первые заместители Председателя ГД."
    posts = _posts(text)
    assert ("Александр Жуков", "roleFirstDeputyChair", "Государственная Дума") in posts
    assert ("Иван Мельников", "roleFirstDeputyChair", "Государственная Дума") in posts
    text = "На заседании будут Александр Жуков и Иван Мельников — первый заместитель Председателя ГД."
    assert not any(holder == "Александр Жуков" for holder, _, _ in _posts(text))


def test_factions_leaders_and_committees_chairs_listed_with_brackets():
    """«Фракции представят их руководители: Имя («Партия»), Имя (ЛДПР)», «председатели комитетов, в их числе Имя (по
    экономической политике)»: the factions' heads and the chairs of the Duma's committees."""
    text = (
        "Выездное заседание Совета Госдумы пройдет в понедельник. Фракции представят их руководители: Сергей Миронов "
        "(«Справедливая Россия — За правду») и Леонид Слуцкий (ЛДПР). Приедут и председатели комитетов, в их числе "
        "Максим Топилин (по экономической политике) и Владимир Гутенев (по промышленности и торговле)."
    )
    posts = _posts(text)
    assert ("Леонид Слуцкий", "roleHead", "ЛДПР") in posts
    # the party of the alias table since the fifty-fourth pass
    assert ("Сергей Миронов", "roleHead", "Партия «Справедливая Россия — За правду»") in posts
    assert ("Максим Топилин", "roleChair", "Комитет Государственной Думы по экономической политике") in posts
    assert ("Владимир Гутенев", "roleChair", "Комитет Государственной Думы по промышленности и торговле") in posts
    text = "Пришли Максим Топилин (по экономической политике) и Владимир Гутенев (по торговле)."
    assert not any(label.startswith("Комитет") for label in extract_orgs(text))


def test_a_former_director_by_prezhde_byvshiy():
    """«Имя, прежде бывший гендиректором «Авиастара»»: the director general's post, held before."""
    text = "Такую же должность займет и Андрей Капустин, прежде бывший гендиректором «Авиастара»."
    assert any(h == "Андрей Капустин" and r == "roleDirectorGeneral" for h, r, _ in _posts(text))


def test_a_deputy_named_after_the_name():
    """«с Имя, генеральным директором АО "Росагролизинг", и Имя2, его первым заместителем»: the first deputy director
    general there; «к Имени2, заместителю Петрова» after Петров's post: a deputy head."""
    text = (
        'Вопрос обсуждали с Павлом Косовым, генеральным директором АО "Росагролизинг", и Владимиром Балтером, его '
        "первым заместителем."
    )
    assert ("Владимир Балтер", "roleFirstDeputyDirector", "Росагролизинг") in _posts(text)
    text = (
        "Покидает правительство области Максим Петров, руководитель департамента промышленности и торговли. "
        "Обязанности перейдут к Анатолию Новикову, заместителю Петрова."
    )
    assert any(h == "Анатолий Новиков" and r == "roleDeputyHead" for h, r, _ in _posts(text))


def test_an_area_in_hectares_written_out():
    """«площадь … вырастет до 635,7 гектара»: a change to 635.7 hectares, as «га» is."""
    found = [(c.to_value, c.unit) for c in money.changes("Площадь зоны вырастет до 635,7 гектара.")]
    assert [(v, u) for v, u in found if u == "hectare" and str(v) == "635.7"]
