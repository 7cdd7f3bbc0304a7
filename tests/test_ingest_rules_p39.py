"""The thirty-ninth rule pass: shapes of the seventy-eighth held-out set and after — a ministry named «по …» with a list
of portfolios, a post in the instrumental before «станет» and a name, «во главе … встанет», «зам. главы», a region's
epithet before a minister, a federal ministry's bare name chained with a regional post, syllabic short names of works
— and two matching rules of the scorer, each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts

from server.ingest import quality


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_ministry_named_by_po_and_a_list_of_portfolios():
    """«министра по промышленной политике, развитию предпринимательства и торговли …»: the whole name, not
    «Министерство по промышленной …»."""
    text = (
        "С марта Игорь Савин работает в качестве министра по промышленной политике, развитию предпринимательства и "
        "торговли Калининградской области. Прежде Министр по промышленной политике, развитию предпринимательства и "
        "торговли Калининградской области Анна Фролова ушла в отставку."
    )
    label = "Министерство по промышленной политике, развитию предпринимательства и торговли Калининградской области"
    assert label in extract_orgs(text)
    assert ("Анна Фролова", "roleMinister", label) in _posts(text)


def test_a_post_in_the_instrumental_before_stanet_and_a_name():
    """«Министром … станет Имя», «Имя назначается министром …», «Исполняющим обязанности министра … станет Имя»."""
    text = (
        "Министром промышленности и науки Омской области станет Петр Гуляев. С понедельника Марина Ветрова "
        "назначается министром строительства Омской области. Временно исполняющим обязанности министра экономики "
        "Омской области станет Олег Дробышев."
    )
    posts = _posts(text)
    assert ("Петр Гуляев", "roleMinister", "Министерство промышленности и науки Омской области") in posts
    assert ("Марина Ветрова", "roleMinister", "Министерство строительства Омской области") in posts
    assert ("Олег Дробышев", "roleActingMinister", "Министерство экономики Омской области") in posts


def test_at_the_head_of_a_body_and_a_body_one_is_charged_to_head():
    """«во главе департамента … поставлена Имя», «министерство … поручено возглавить Имени»: the head of that body."""
    text = (
        "Во главе департамента туризма Омской области поставлена Вера Климова. Министерство транспорта Омской "
        "области поручено возглавить Денису Рябову."
    )
    posts = _posts(text)
    assert ("Вера Климова", "roleHead", "Департамент туризма Омской области") in posts
    assert ("Денис Рябов", "roleMinister", "Министерство транспорта Омской области") in posts


def test_a_deputy_head_abbreviated_with_a_full_stop():
    """«зам. главы Минпромторга России Имя»: a deputy minister, not the minister."""
    posts = _posts("На завод приехал зам. главы Минпромторга России Кирилл Осокин.")
    assert {role for p, role, _ in posts if p == "Кирилл Осокин"} == {"roleDeputyMinister"}


def test_a_regions_epithet_before_a_minister_makes_him_the_regions():
    """«краевой министр промышленности Имя» in an article on one region: the region's ministry, not Minpromtorg."""
    text = "Проект в Краснодарском крае одобрили депутаты. Как отметил краевой министр промышленности Лев Греков, завод обновят."
    posts = _posts(text)
    assert ("Лев Греков", "roleMinister", "Министерство промышленности Краснодарского края") in posts
    assert "Министерство промышленности и торговли Российской Федерации" not in extract_orgs(text)


def test_a_federal_ministrys_bare_name_chained_with_a_regional_post():
    """«заместителя председателя регионального правительства – министра экономического развития Имя», the region's
    ministry named in the article: that ministry, not the federal one."""
    text = (
        "Соглашение подписали «Корпорация развития Курской области» и региональное министерство экономического "
        "развития. Об этом сообщил заместитель председателя регионального Правительства - министр экономического "
        "развития Игнат Соболев."
    )
    posts = _posts(text)
    assert ("Игнат Соболев", "roleMinister", "Министерство экономического развития Курской области") in posts
    assert "Министерство экономического развития Российской Федерации" not in extract_orgs(text)


def test_syllabic_short_names_of_works_are_the_works():
    """«Уралмаш» of «Уральский машиностроительный завод», ЗАО «СарЗИП» of «Саратовский завод измерительных приборов»:
    one organisation each."""
    text = (
        "Уральский машиностроительный завод получил заказ. Гендиректор «Уралмаша» Павел Сизов доволен. Заем получит "
        "ЗАО «СарЗИП». Цех Саратовского завода измерительных приборов обновят."
    )
    orgs = extract_orgs(text)
    assert "«Уралмаш»" not in orgs and "ЗАО «СарЗИП»" not in orgs
    assert "Уральский машиностроительный завод" in orgs and "Саратовский завод измерительных приборов" in orgs


def test_the_scorer_reads_any_acting_role_as_one():
    """«врио заместителя председателя» of a government and «временно исполняющий обязанности заместителя председателя
    правительства»: one role, acting; «и.о. вице-губернатора» is an acting deputy governor."""
    gov = ["Правительство Омской области"]
    assert quality.canonical_role("врио заместителя председателя", gov) == "acting-vice-premier"
    assert (
        quality.canonical_role("временно исполняющий обязанности заместителя председателя правительства", gov)
        == "acting-vice-premier"
    )
    region = ["Омская область"]
    assert quality.canonical_role("и.о. вице-губернатора", region) == quality.canonical_role(
        "исполняющий обязанности заместителя губернатора", region
    )
    assert quality.canonical_role("врио губернатора") == "acting-governor"


def test_the_scorer_matches_a_regions_body_named_without_its_region():
    """A gold «Министерство энергетики и ЖКХ» in an article on one region is the draft's «… Свердловской области»; a
    federal body's name is not."""
    assert quality._org_matches(
        ["Министерство энергетики и ЖКХ Свердловской области"], quality.forms("Министерство энергетики и ЖКХ")
    )
    assert not quality._org_matches(
        ["Министерство промышленности и торговли Свердловской области"],
        quality.forms("Министерство промышленности и торговли"),
    )


def test_a_surname_alone_ner_took_for_a_place_is_the_person_named_before():
    """«… Василия Осьмакова. Первым замглавы Минпромторга Осьмаков оставался …» (NER: a place): his mention, and
    the post before it his."""
    text = "Вакансия открылась после ухода Тимура Ольхова. Первым замглавы Минпромторга Ольхов оставался до весны."
    posts = _posts(text)
    assert (
        "Тимур Ольхов",
        "roleFirstDeputyMinister",
        "Министерство промышленности и торговли Российской Федерации",
    ) in (posts)


def test_a_relative_clause_and_a_participle_give_the_post_after_a_name():
    """«Имя, который прежде был первым заместителем министра …», «Имя, прежде занимавший должность заместителя
    директора на заводе «…»», «Правительство назначило Имя …»."""
    text = (
        "Правительство назначило Глеба Жукова первым заместителем министра энергетики России. Место освободилось "
        "после ухода Юрия Зотова, который прежде был первым заместителем министра энергетики России. Новым главой "
        "«Вымпела» стал Семен Ершов, прежде занимавший должность заместителя директора на тульском заводе «Штамп»."
    )
    posts = _posts(text)
    ministry = "Министерство энергетики Российской Федерации"
    assert ("Глеб Жуков", "roleFirstDeputyMinister", ministry) in posts
    assert ("Юрий Зотов", "roleFirstDeputyMinister", ministry) in posts
    assert any(p == "Семен Ершов" and role == "roleDeputyDirector" and "Штамп" in (org or "") for p, role, org in posts)


def test_a_place_and_an_agency_on_a_line_of_their_own_are_a_dateline():
    """«ЧЕЛЯБИНСК, АН "Доступ"» with no date: a dateline, not an organisation «АН "Доступ»."""
    text = 'Заем для завода одобрен\n\nКУРГАН, АН "Вектор"\n\nФонд развития промышленности одобрил заем заводу.'
    assert not any("Вектор" in o for o in extract_orgs(text))


def test_a_short_name_with_a_clipped_compound():
    """«ПАО «КМК»» of «Кузнецкий меткомбинат» (мет-комбинат): one organisation."""
    text = "Кузнецкий меткомбинат получит заем. Проект ПАО «КМК» оценен в 2 млрд рублей."
    orgs = extract_orgs(text)
    assert "ПАО «КМК»" not in orgs and "Кузнецкий меткомбинат" in orgs


def test_another_regions_legislature_by_its_adjective():
    """«спикером Пензенского заксобрания» in an article on Kirov: Penza's legislature, not Kirov's."""
    text = (
        "Спикер Заксобрания Кировской области Игорь Котов встретился со спикером Пензенского заксобрания Петром "
        "Гусевым."
    )
    posts = _posts(text)
    assert ("Петр Гусев", "roleChair", "Законодательное Собрание Пензенской области") in posts
    assert ("Игорь Котов", "roleChair", "Законодательное Собрание Кировской области") in posts
