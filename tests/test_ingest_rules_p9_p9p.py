"""Ninth rule pass (posts, legal acts, money, changes), in sentences of our own."""

from __future__ import annotations

from conftest import extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {post[:3] for post in extract_posts(text)}


def test_vice_presidents_aides_and_a_chain_of_three():
    posts = _posts(
        "С докладом выступил вице-президент Российского союза промышленников и предпринимателей Олег Романов. "
        "Встречу открыл президент Ассоциации «Станкоинструмент», первый вице-президент Союза машиностроителей "
        "России Павел Гордеев. В заседании участвовал Помощник Президента Иван Жуков, "
        "Заместитель Председателя Правительства Олег Смирнов."
    )
    assert ("Олег Романов", "roleVicePresident", "Российский союз промышленников и предпринимателей") in posts
    assert ("Павел Гордеев", "roleFirstVicePresident", "Союз машиностроителей России") in posts
    assert any(who == "Павел Гордеев" and role == "rolePresident" for who, role, _ in posts)
    assert ("Иван Жуков", "roleAideToPresident", None) in posts
    # the post after Жуков's name is the chain before Смирнов's
    assert not any(who == "Иван Жуков" and role == "roleDeputyPrimeMinister" for who, role, _ in posts)
    assert any(who == "Олег Смирнов" and role == "roleDeputyPrimeMinister" for who, role, _ in posts)


def test_an_organisations_kind_and_short_name_between_post_and_name():
    posts = _posts(
        "Договор подписали генеральный директор Горно-химической компании «Уралпласт» Антон Белых и "
        "Председатель Правления банка «Северный» Мария Котова. Заместитель директора Фонда развития "
        "промышленности (ФРП) Олег Кравцов поздравил их."
    )
    assert any(
        who == "Антон Белых" and role == "roleDirectorGeneral" and "Уралпласт" in (org or "")
        for who, role, org in posts
    )
    assert any(who == "Мария Котова" and role == "roleChair" for who, role, _ in posts)
    assert ("Олег Кравцов", "roleDeputyDirector", "Фонд развития промышленности") in posts


def test_a_speakers_post_without_a_name_is_the_last_named_persons():
    posts = _posts(
        "Так считает заместитель председателя Комитета Совета Федерации по бюджету Иван Орлов. "
        "По словам сенатора, закон примут осенью. Тем временем Петр Соколов побывал на заводе. "
        "Как рассказал глава Минпромторга, господдержка вырастет."
    )
    assert ("Иван Орлов", "roleSenator", None) in {(a, b, None) for a, b, _ in posts}
    assert any(who == "Петр Соколов" and role == "roleMinister" for who, role, _ in posts)
    # a director already holding a post is not the minister the speaker's post names
    posts = _posts("Директор завода Олег Петров открыл цех. По словам министра, цех нужен области.")
    assert not any(role == "roleMinister" for _, role, _ in posts)


def test_a_possessive_deputy_and_governors_listed_after_a_plural_post():
    posts = _posts(
        "По поручению губернатора Курской области Романа Старовойта совещание провел его первый "
        "заместитель Алексей Смирнов."
    )
    assert ("Алексей Смирнов", "roleFirstDeputyGovernor", "Курская область") in posts
    posts = _posts(
        "В совещании участвовали главы регионов округа — Иван Петров, Олег Сидоров и Павел Котов. "
        "Губернатор автономного округа Иван Петров рассказал о проектах Ямала."
    )
    assert {("Олег Сидоров", "roleGovernor", None), ("Павел Котов", "roleGovernor", None)} <= posts
    assert ("Иван Петров", "roleGovernor", "Ямало-Ненецкий автономный округ") in posts


def test_posts_left_and_taken_after_a_name():
    posts = _posts(
        "Олега Смирнова освободили от должности заместителя главы Минэкономразвития России. "
        "Олег Смирнов возглавит управление по вопросам экспорта."
    )
    assert any(who == "Олег Смирнов" and role == "roleDeputyMinister" for who, role, _ in posts)
    # the department is an organisation of its own (its «по …» name), headed by him
    assert ("Олег Смирнов", "roleHead", "Управление по вопросам экспорта") in posts


def test_acts_named_by_signer_new_after_old_and_not_at_disposal():
    from server.ingest import acts

    text = "Вчера стало известно о распоряжении Ивана Петрова. Теперь в распоряжении фонда 5 млрд рублей."
    refs = acts.legal_acts(text, person_spans=[(text.index("Ивана"), text.index("Ивана") + len("Ивана Петрова"))])
    assert [(r.kind_slug, r.number) for r in refs] == [("directive", None)]
    text = (
        "Премьер подписал постановление, которое меняет правила. Раньше действовало постановление от 3 марта "
        "2021 г. №512."
    )
    refs = acts.legal_acts(text, year=2024)
    assert {r.key for r in refs} == {"resolution|unnumbered", "resolution|512|2021"}
    text = "Закон о промышленной политике примут осенью. Законопроект о промышленной политике готов ко второму чтению."
    assert {r.kind_slug for r in acts.legal_acts(text)} == {"bill"}


def test_ranges_in_words_and_no_bare_plural_multiplier():
    from decimal import Decimal

    from server.ingest import money

    found = {(a.value, a.value_max) for a in money.amounts("Займы выдают от трех до пятнадцати миллионов рублей.")}
    assert found == {(Decimal(3000000), Decimal(15000000))}
    found = {
        a.value
        for a in money.amounts("Отрасль получила двенадцать миллиардов рублей, а ждала сотни миллиардов рублей.")
    }
    assert found == {Decimal(12000000000)}


def test_a_rises_old_level_and_a_rate_after_its_new_value():
    from decimal import Decimal

    from server.ingest import money

    found = {
        (c.from_value, c.to_value)
        for c in money.changes(
            "Министерство предлагает увеличить субсидии до 8 млрд рублей. В этом году на них выделено 6 млрд рублей."
        )
    }
    assert found == {(Decimal(6000000000), Decimal(8000000000))}
    found = {(c.from_value, c.to_value, c.unit) for c in money.changes("Рост цен ускорился до 7,1% после 6,4% в мае.")}
    assert found == {(Decimal("6.4"), Decimal("7.1"), "percent")}


def test_scorer_equivalences_of_the_ninth_pass():
    from server.ingest import quality

    assert quality.canonical_role("глава", ["Государственная корпорация «Ростех»"]) == "director-general"
    assert quality.forms("Комитет Государственной Думы РФ по промышленности") & quality.forms(
        "Комитет Государственной Думы по промышленности"
    )
    assert quality.change_value("50%") == 50 and quality.change_value("+40%") is None


def test_a_chair_of_an_unnamed_body_and_a_federal_citys_periphrasis():
    posts = _posts(
        "Как рассказал председатель комитета экономполитики Олег Смирнов, документ готов. Об этом сообщил "
        "вице-губернатор северной столицы Иван Котов."
    )
    assert ("Олег Смирнов", "roleChair", None) in posts
    assert ("Иван Котов", "roleDeputyGovernor", "Санкт-Петербург") in posts
