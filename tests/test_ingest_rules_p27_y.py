"""Pass 27, helper y: posts and persons: a regional ministry whose name closes with an abbreviated branch
(«… энергетики и ЖКХ»); an acting post as written («исполняющая обязанности первого вице-губернатора»); a body's
representative («представитель Минпромторга»); a woman's adjectival surname in the accusative; a plural adjective
alone is no surname; a given name and patronymic with the editor's surname in brackets; a correspondent's name in
a dateline's brackets is the byline."""

from tests.conftest import extract_persons, extract_post_roles, extract_text

# --- posts ----------------------------------------------------------------------------------------------------------


def test_minister_of_a_ministry_whose_name_closes_with_an_abbreviated_branch():
    text = (
        "В Новосибирской области откроют технопарк. Как пояснил министр строительства, транспорта и ЖКХ "
        "области Игорь Семенов, работы начнутся весной."
    )
    assert extract_post_roles(text) == [
        ("Игорь Семенов", "министр", "Министерство строительства, транспорта и ЖКХ Новосибирской области")
    ]


def test_abbreviated_branch_with_a_named_region():
    text = "Совещание провел министр сельского хозяйства и АПК Омской области Петр Сидоров."
    assert extract_post_roles(text) == [
        ("Петр Сидоров", "министр", "Министерство сельского хозяйства и АПК Омской области")
    ]


def test_acting_post_of_a_woman_keeps_her_participle_and_the_vice_word():
    text = "Распоряжение подписала исполняющая обязанности первого вице-губернатора Марина Лебедева."
    assert extract_post_roles(text) == [("Марина Лебедева", "исполняющая обязанности первого вице-губернатора", None)]


def test_acting_vice_mayor_as_written():
    text = "Проект представил исполняющий обязанности вице-мэра Олег Карпов."
    assert [r[1] for r in extract_post_roles(text)] == ["исполняющий обязанности вице-мэра"]


def test_acting_post_without_vice_word_unchanged():
    text = "Документ подписал временно исполняющий обязанности зампреда правительства Павел Орлов."
    assert [r[1] for r in extract_post_roles(text)] == [
        "временно исполняющий обязанности заместителя председателя правительства"
    ]


def test_representative_of_a_ministry():
    text = "Данные приводятся со ссылкой на представителя Минпромторга России Елену Соколову."
    assert extract_post_roles(text) == [
        ("Елена Соколова", "представитель", "Министерство промышленности и торговли Российской Федерации")
    ]


def test_representative_of_a_person_is_no_post():
    text = "Представитель Ивана Кравцова отказался от комментариев."
    assert extract_post_roles(text) == []


# --- persons --------------------------------------------------------------------------------------------------------


def test_adjectival_surname_of_a_woman_in_the_accusative():
    text = "Совет заслушал Ирину Луговую. Как пояснила Луговая, программа продлена."
    assert extract_persons(text) == ["Ирина Луговая"]


def test_plural_adjective_alone_is_no_surname():
    text = "Главная Свежие документы Федеральные\nПравительство утвердило новые правила."
    assert extract_persons(text) == []


def test_given_name_and_patronymic_with_the_surname_in_brackets():
    text = 'Министр обратился к коллеге: "Олег Викторович (Жуков, глава Минфина - ред.), прошу подготовить доклад".'
    persons = extract_text(text).persons
    assert [(p.names["first"], p.names["last"]) for p in persons] == [("Олег", "Жуков")]


def test_given_name_and_patronymic_without_a_surname_stays_no_person():
    text = "Иван Сергеевич (директор завода) рассказал о планах."
    assert extract_persons(text) == []


def test_correspondent_in_a_dateline_bracket_is_no_person():
    text = (
        "Заксобрание приняло закон\n\n"
        "Казань, 12 марта (Игорь Белов). Депутаты приняли закон о промышленной политике в первом чтении. "
        "Закон вступит в силу в июле."
    )
    assert extract_persons(text) == []
