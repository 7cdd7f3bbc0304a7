"""The fortieth rule pass: shapes of the eightieth and eighty-first held-out sets — a generic body named with the body
or the office it sits at («… при …»), «органов власти субъектов» in an association's name, a participle that is no
adjective of a body's name, an appointment written as a noun («о назначении Имени министром»), a date between a name
and its verb, «который занимает пост …», a presidential aide's portfolio, a post in the instrumental opening the
sentence before «назначил Имя», a commission of a council named «по направлению "…"» — each tested on sentences of
our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_generic_body_takes_the_body_or_office_it_sits_at():
    """«Молодёжный парламент при Госдуме», «Общественный совет при Комитете …», «Инвестиционный совет при Губернаторе
    … области», «Совет при полпреде президента России в УФО»: the attachment is part of a name that alone says
    nothing; a body with a complement of its own («Экспертный совет по …») keeps stopping before «при»."""
    text = (
        "Студенты пришли на заседание Молодёжного парламента при Госдуме. Общественный совет при Комитете по "
        "промышленной политике Санкт-Петербурга одобрил план. Проект рассмотрел Инвестиционный совет при Губернаторе "
        "Тверской области. В Тюмени собрался Совет при полпреде президента России в УФО. Экспертный совет по "
        "развитию станкостроения при Комитете по промышленности и торговле провел заседание."
    )
    orgs = extract_orgs(text)
    assert {
        "Молодёжный парламент при Госдуме",
        "Общественный совет при Комитете по промышленной политике Санкт-Петербурга",
        "Инвестиционный совет при Губернаторе Тверской области",
        "Совет при полпреде президента России в УФО",
        "Экспертный совет по развитию станкостроения",
    } <= set(orgs)
    assert "Молодёжный парламент" not in orgs and "Общественный совет" not in orgs


def test_organs_of_power_of_the_subjects_in_an_associations_name():
    """«Ассоциации законодательных органов власти субъектов Поволжья»: the whole name (NER stops at «органов»)."""
    orgs = extract_orgs(
        "Встреча прошла с Игорем Седовым, координатором Ассоциации законодательных органов власти субъектов Поволжья."
    )
    assert "Ассоциация законодательных органов власти субъектов Поволжья" in orgs
    assert "Ассоциация законодательных органов" not in orgs


def test_a_participle_of_the_sentence_is_no_adjective_of_a_body():
    """«Имя, руководящий комитетом по …»: the chair of that committee, not a «Руководящий комитет»; «Главой
    департамента …» opening a sentence makes no «Главый департамент»."""
    text = "Степан Орлов, руководящий комитетом по аграрной политике, покинет палату."
    assert "Комитет по аграрной политике" in extract_orgs(text)
    assert ("Степан Орлов", "roleChair", "Комитет по аграрной политике") in _posts(text)
    orgs = extract_orgs("Главой департамента промышленности Курганской области губернатор назначил Олега Лаптева.")
    assert not any(label.startswith("Главый") for label in orgs)


def test_a_post_given_in_the_instrumental_before_the_appointer_and_the_name():
    """«Главой департамента промышленности региона губернатор … назначил Имени»: the head of that department."""
    text = (
        "В Курганской области сменился руководитель. Главой департамента промышленности региона губернатор Курганской "
        "области Вадим Шумков назначил Олега Лаптева."
    )
    assert ("Олег Лаптев", "roleHead", "Департамент промышленности Курганской области") in _posts(text)


def test_an_appointment_written_as_a_noun_and_a_participle_before_the_post():
    """«указ о назначении Имени министром …», «о назначении Имени, прежде работавшего директором …, министром …»: the
    person's posts."""
    text = (
        "Губернатор Рустем Хасанов подписал указ о назначении Ильи Фомина министром промышленности Пензенской области."
    )
    assert ("Илья Фомин", "roleMinister", "Министерство промышленности Пензенской области") in _posts(text)
    text = (
        "Указ о назначении Ильи Фомина, прежде работавшего директором АО «Пензмаш», министром промышленности "
        "Пензенской области подписан."
    )
    posts = _posts(text)
    assert ("Илья Фомин", "roleDirector", "АО «Пензмаш»") in posts
    assert ("Илья Фомин", "roleMinister", "Министерство промышленности Пензенской области") in posts


def test_a_date_between_the_name_and_the_verb_of_the_post():
    """«Имя с 1 сентября оставляет должность …», «Имя с 13 января стал директором …»."""
    text = "Павел Рябов с 1 сентября оставляет должность министра экономики Томской области."
    assert ("Павел Рябов", "roleMinister", "Министерство экономики Томской области") in _posts(text)
    text = "Олег Дымов с 13 января стал директором АО «Томскнефтехим»."
    assert ("Олег Дымов", "roleDirector", "АО «Томскнефтехим»") in _posts(text)


def test_a_relative_clause_with_the_post_after_zanimaet_post():
    """«Имени, который сейчас занимает пост вице-президента ОСК»: the post in the genitive after «пост»."""
    text = "В списке претендентов называют Бориса Жданова, который сейчас занимает пост вице-президента ОСК."
    assert ("Борис Жданов", "roleVicePresident", "Объединённая судостроительная корпорация") in _posts(text)


def test_a_presidential_aides_portfolio():
    """«помощника президента РФ по кадровым вопросам» after a name: the aide's post, its portfolio in the role."""
    posts = extract_posts("На этом посту он сменил Петра Ильина, помощника президента РФ по кадровым вопросам.")
    assert {(p, role) for p, role, _, _ in posts} == {("Петр Ильин", "roleAideToPresident")}
    assert {ru for _, _, _, ru in posts} == {"помощник президента по кадровым вопросам"}


def test_a_commission_of_a_council_named_by_its_direction():
    """«с комиссией Государственного Совета РФ по направлению "Промышленность"»: the commission, not the council with
    the commission's words."""
    orgs = extract_orgs('Он отвечает за связь с комиссией Государственного Совета РФ по направлению "Промышленность".')
    assert 'Комиссия Государственного совета Российской Федерации по направлению "Промышленность"' in orgs
    assert "Государственный совет Российской Федерации" in orgs


def test_a_vice_premier_chained_with_a_regional_minister_is_in_the_regions_government():
    """«оставляет должность вице-премьера и министра промышленности … области» in an article naming the region's
    government: the region's vice-premier, not the federal one."""
    text = (
        "Губернатор Томской области объявил о перестановках в правительстве Томской области. Павел Рябов оставляет "
        "должность вице-премьера и министра промышленности Томской области."
    )
    posts = _posts(text)
    assert ("Павел Рябов", "roleDeputyPrimeMinister", "Правительство Томской области") in posts
    assert ("Павел Рябов", "roleMinister", "Министерство промышленности Томской области") in posts


def test_the_scorer_reads_an_aides_portfolio():
    """«помощник президента по кадровым вопросам» is a presidential aide."""
    from server.ingest import quality

    assert quality.canonical_role("помощник президента по кадровым вопросам") == "presidential-aide"
