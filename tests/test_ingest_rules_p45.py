"""The forty-fifth rule pass: shapes of the ninetieth and later held-out sets — a minister beside a region's cabinet,
a ministry by its contracted name, works written with a compound or «им.», a portfolio's end, an inspection «по …
области», duties passed on, a bare deputy minister, a city's (first) deputy mayor, a quoted party's faction, a bare
senator, a quarter of a trillion, a change by a factor; and (part 2, the ninety-second set's misses) a company by its
whole quoted name, posts left or taken with the office first, former posts after a name, a post on the line before
the name, a company by kind, legal form and short name — each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts, extract_text


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or else region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_minister_beside_a_regional_cabinet_is_the_regions():
    """«Из областного правительства никто не ушёл … — министр здравоохранения Имя»: the region's ministry, not the
    federal one; with no cabinet near, the federal ministry stays."""
    text = (
        "Губернатор Омской области Виктор Хоценко провёл реформу. Из областного правительства никто не ушёл. На местах "
        "остались министр здравоохранения Павел Лунин и министр сельского хозяйства Олег Сомов."
    )
    posts = _posts(text)
    assert ("Павел Лунин", "roleMinister", "Министерство здравоохранения Омской области") in posts
    assert ("Олег Сомов", "roleMinister", "Министерство сельского хозяйства Омской области") in posts
    assert "Министерство здравоохранения Российской Федерации" not in extract_orgs(text)
    text = "Губернатор Омской области Виктор Хоценко встретился в Москве с министром здравоохранения Павлом Луниным."
    assert ("Павел Лунин", "roleMinister", "Министерство здравоохранения Российской Федерации") in _posts(text)


def test_a_works_written_with_a_compound_or_an_abbreviation_is_one():
    """«Зеленодольский завод им. Горького» and «… имени Горького», «Иркутский авиазавод» and «Иркутский авиационный
    завод»: one works each, the second named in full."""
    text = "Катер спустили на воду на Зеленодольском заводе им. Горького. Зеленодольский завод имени Горького доволен."
    assert len(extract_orgs(text)) == 1
    text = "МС-21 собирают на Иркутском авиазаводе. Иркутский авиационный завод входит в корпорацию «Иркут»."
    orgs = extract_orgs(text)
    assert "Иркутский авиационный завод" in orgs
    assert "Иркутский авиазавод" not in orgs


def test_a_deputy_mayor_of_a_city_and_a_post_held_now():
    """«Первый вице-мэр Екатеринбурга Имя» and «Имя, ныне первый вице-мэр Нижнего Тагила»: a deputy mayor's post."""
    assert {role for _, role, _ in _posts("Первый вице-мэр Екатеринбурга Олег Лунин провёл совещание.")} == {
        "roleDeputyMayor"
    }
    text = "Отставку получил прежний министр Олег Лунин, ныне первый вице-мэр Нижнего Тагила."
    assert {role for _, role, _ in _posts(text)} == {"roleMinister", "roleDeputyMayor"}


def test_a_change_by_a_factor_starts_from_the_amount_it_gives():
    """«весной дали 7 млрд рублей … урезан в два раза — до 3,5 млрд»: the old value is the amount named before that the
    factor gives exactly; with no such amount, none."""
    text = "Новости\n\nВесной на программу выделили 7 млрд рублей. Осенью бюджет программы урезан в два раза — до 3,5 млрд рублей."
    assert [(c.from_value, c.to_value) for c in extract_text(text).changes] == [(7 * 10**9, 35 * 10**8)]
    text = "Новости\n\nВесной на программу выделили 7 млрд рублей. Осенью бюджет программы урезан в три раза — до 3,5 млрд рублей."
    assert [(c.from_value, c.to_value) for c in extract_text(text).changes] == [(None, 35 * 10**8)]


def test_a_ministry_by_its_contracted_name_and_a_renamed_headline():
    """«Замминистра энергетики и промышленности» in a headline, then «министра промышленности и энергетики Чувашской
    Республики» and «Минпромэнерго»: one ministry, named as the body writes it; «министра промышленности Имя» beside it
    is that ministry's minister, «В кресле замминистра Имя» its deputy minister."""
    text = (
        "Замминистра энергетики и промышленности ушёл\n\n«Ивана Сомова с должности заместителя министра промышленности и "
        "энергетики Чувашской Республики освободить», — гласит распоряжение. Теперь у министра промышленности Олега "
        "Лунина один заместитель. В кресле замминистра Сомов пробыл полгода. Раньше Минпромэнерго покинул Пётр Орлов."
    )
    assert set(extract_orgs(text)) == {"Министерство промышленности и энергетики Чувашской Республики"}
    posts = _posts(text)
    assert ("Олег Лунин", "roleMinister", "Министерство промышленности и энергетики Чувашской Республики") in posts
    assert (
        "Иван Сомов",
        "roleDeputyMinister",
        "Министерство промышленности и энергетики Чувашской Республики",
    ) in posts


def test_a_governor_acting_on_the_one_named_and_duties_passed_on():
    """«губернатор области своим указом освободил Имени от исполнения обязанностей начальника государственной
    жилищной инспекции по Оренбургской области»: no governor's post for the one released, but the acting chief's in
    that inspection; «обязанности руководителя минпромэнерго перейдут к … Имени»: the acting minister."""
    text = (
        "В отставку подал министр промышленности и энергетики Оренбургской области Андрей Бородин. Кроме того, губернатор "
        "области своим указом освободил Петра Орлова от исполнения обязанностей начальника государственной жилищной "
        "инспекции по Оренбургской области. Обязанности руководителя минпромэнерго перейдут к заместителю министра "
        "Ивану Сомову."
    )
    posts = _posts(text)
    assert ("Петр Орлов", "roleChief", "Государственная жилищная инспекция по Оренбургской области") in posts
    assert not any(role == "roleGovernor" for _, role, _ in posts)
    assert (
        "Иван Сомов",
        "roleActingMinister",
        "Министерство промышленности и энергетики Оренбургской области",
    ) in posts


def test_a_portfolio_stops_at_a_pronoun_an_office_and_a_second_minister():
    """«Министром промышленности и энергетики его сделали», «министра обязанности руководителя», «министра инвестиций
    и развития и министра промышленности и науки»: the portfolio ends before «его», an office's words and the second
    minister."""
    text = (
        "Губернатор Свердловской области упразднил должности министра инвестиций и развития и министра промышленности "
        "и науки. Министром промышленности и энергетики его сделали в 2020 году."
    )
    orgs = set(extract_orgs(text))
    assert "Министерство инвестиций и развития Свердловской области" in orgs
    assert "Министерство промышленности и науки Свердловской области" in orgs
    assert not any(" его " in o or "министра" in o for o in orgs)


def test_a_ministry_by_a_regional_adjective_and_who_will_run_it():
    """«управлять нижегородским Минфином по-прежнему будет Имя», «Имя, который руководит министерством лесного
    хозяйства»: the region's ministries and their heads."""
    text = "В Нижегородской области управлять нижегородским Минфином по-прежнему будет Ольга Сомова."
    assert ("Ольга Сомова", "roleMinister", "Министерство финансов Нижегородской области") in _posts(text)
    text = "В Нижегородской области остаётся лишь Роман Лунин, который руководит министерством лесного хозяйства."
    assert ("Роман Лунин", "roleMinister", "Министерство лесного хозяйства Нижегородской области") in _posts(text)


def test_a_quoted_party_faction_a_bare_senator_and_a_quarter_of_a_trillion():
    """«замруководителя фракции «Единой России» в Госдуме», «— заметил сенатор» after the one senator's committee post,
    «больше четверти триллиона рублей»."""
    text = "Координировать проект будет Сергей Лунин, замруководителя фракции «Единой России» в Госдуме."
    assert ("Сергей Лунин", "roleDeputyHead", "Фракция «Единой России» в Государственной Думе") in _posts(text)
    text = (
        "Так считает глава Комитета Совета Федерации по экономической политике Андрей Сомов. «Поддержка нужна», — "
        "заметил сенатор."
    )
    assert ("Андрей Сомов", "roleSenator", "Совет Федерации") in _posts(text)
    amounts = extract_text("Новости\n\nНа эти цели предусмотрено больше четверти триллиона рублей.").amounts
    assert [(a.value, a.currency) for a in amounts] == [(250 * 10**9, "RUB")]


def test_a_company_by_its_whole_quoted_name_and_posts_left_or_taken():
    """«Гендиректор «Северного завода» Имя» beside ПАО «Северный завод»; «Пост генерального директора «…» раньше срока
    освободил Имя», «…, а в августе досрочно с должности гендиректора «…» ушел Имя», «…, что на полгода пост
    генерального директора в ПАО «…», входящем в состав ОСК, занял Имя»: each a director general's post."""
    text = (
        "Гендиректор «Северного завода» Игорь Лунин ушёл\n\nПост генерального директора «Северного завода» раньше срока "
        "освободил Игорь Лунин, а в августе так же досрочно с должности гендиректора «Южной верфи» ушел Пётр Сомов. "
        "Из материалов следует, что на полгода пост генерального директора в ПАО «Северный завод», входящем в состав "
        "ОСК, занял Олег Орлов."
    )
    posts = {(p, role) for p, role, _ in _posts(text)}
    assert {("Игорь Лунин", "roleDirectorGeneral"), ("Петр Сомов", "roleDirectorGeneral")} <= posts
    assert ("Олег Орлов", "roleDirectorGeneral", "ПАО «Северный завод»") in _posts(text)


def test_former_posts_a_broken_line_and_a_company_by_kind_form_and_short_name():
    """«Имя, прежний гендиректор компании», «Имя, экс-гендиректор завода «…»», a post on the line before the name,
    «генеральный директор корпорации АО "ОСК" Имя»; «Имя, бывший министр» (no ministry) is no post."""
    text = "Холдинг «Северные краны» возглавил Иван Сомов. Пётр Лунин, прежний гендиректор компании, останется."
    assert ("Петр Лунин", "roleDirectorGeneral", "«Северные краны»") in _posts(text)
    assert {r for p, r, _ in _posts("Олег Сомов, экс-гендиректор завода «Армалит», выступил.")} == {
        "roleDirectorGeneral"
    }
    text = (
        "На форуме говорили о парках.\nНа полях форума генеральный директор Корпорации развития Калужской области\n"
        "Максим Лунин рассказал о планах."
    )
    assert ("Максим Лунин", "roleDirectorGeneral", "Корпорация развития Калужской области") in _posts(text)
    text = 'На форуме выступил генеральный директор корпорации АО "ОСК" Андрей Сомов.'
    assert ("Андрей Сомов", "roleDirectorGeneral", "Объединённая судостроительная корпорация") in _posts(text)
    assert not _posts("Иван Лунин, бывший министр, открыл цех.")


def test_an_approximate_factor_is_no_factor_to_check_against():
    """«сократится почти вдвое — до 14,4 млрд» (from 26,5 млрд): «почти» makes the factor approximate, so an old value
    the learned reader pairs is not checked against it; «урезан в три раза» is exact."""
    from server.ingest import money

    assert money.factor_of("сократится почти вдвое — до 14,4 млрд рублей") is None
    assert money.factor_of("выросли более чем в два раза") is None
    assert money.factor_of("урезан в три раза — до 3,5 млрд рублей") == 3
    assert money.factor_of("увеличен вдвое") == 2
