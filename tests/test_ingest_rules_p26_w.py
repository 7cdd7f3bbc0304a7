"""Pass 26, helper w: persons, organisations and posts (sentences of our own, not the fixtures')."""

from conftest import extract_orgs, extract_persons, extract_post_roles


def test_districts_listed_by_their_adjectives_are_no_persons():
    persons = extract_persons(
        "Губернатор Иван Сидоров назвал отстающие районы: Ковровский, Суздальский, Гусевской и Петушинский. "
        "Там новых площадок пока нет, сказал Сидоров."
    )
    assert persons == ["Иван Сидоров"], persons


def test_listed_names_with_given_names_stay():
    persons = extract_persons("Проект поддержали Иван Ковровский, Олег Суздальский и Анна Гусевская.")
    assert persons == ["Иван Ковровский", "Олег Суздальский", "Анна Гусевская"], persons


def test_a_title_in_the_genitive_before_its_region_is_no_person():
    persons = extract_persons(
        "Глава Башкортостана Радий Хабиров выступил на совещании. Первым поручением Раиса Татарстана "
        "стало загрузить площадки."
    )
    assert "Радий Хабиров" in persons and not any("Татарстан" in p for p in persons), persons


def test_a_name_alone_between_paragraphs_is_a_photo_credit():
    para = (
        "Заместитель губернатора Олег Иванов рассказал, что область готовит новые меры поддержки для "
        "предприятий, которые вкладываются в модернизацию производства и создают рабочие места в малых городах, "
        "а также расширяет программу льготных займов."
    )
    text = f"{para}\n\nАнна Смирнова\nЭто позволит региону привлечь новых инвесторов, загрузить свободные площадки и создать рабочие места."
    persons = extract_persons(text)
    assert persons == ["Олег Иванов"], persons


def test_a_meeting_of_a_board_is_no_organisation():
    orgs = extract_orgs("Об этом он сказал на заседании итоговой коллегии Минэкономики Башкортостана.")
    assert not any("оллегия" in label for label in orgs), orgs


def test_support_in_a_headline_is_no_organisation():
    orgs = extract_orgs("Поддержку машиностроительных предприятий России продлят\nМинпромторг сохранит субсидии.")
    assert not any(label.startswith("Поддержка") for label in orgs), orgs


def test_a_projects_abbreviation_in_brackets_is_no_organisation():
    orgs = extract_orgs(
        'На федеральный проект "Развитие производства станков" (РПС) выделят 2 млрд рублей. '
        "Участники РПС получат субсидии."
    )
    assert "РПС" not in orgs, orgs


def test_a_ministrys_short_name_ending_in_a_genitive_noun_does_not_decline():
    orgs = extract_orgs("Законопроект готовили в Липецкой области вместе с минэкономполитики области.")
    assert any(label.startswith("Минэкономполитики ") for label in orgs), orgs


def test_jewish_autonomous_oblast_by_its_abbreviation():
    orgs = extract_orgs("Правительство ЕАО утвердило структуру нового департамента.")
    assert "Правительство Еврейской автономной области" in orgs, orgs


def test_a_regional_minister_named_again_without_the_region():
    text = (
        "О проекте рассказал министр промышленности и торговли Чувашии Олег Петров. "
        "«Завод заработает весной», — сказал министр промышленности и торговли Олег Петров."
    )
    roles = extract_post_roles(text)
    assert {r[2] for r in roles} == {"Министерство промышленности и торговли Чувашской Республики"}, roles
    assert "Министерство промышленности и торговли Российской Федерации" not in extract_orgs(text)


def test_a_company_by_its_name_in_ascii_quotes_alone():
    orgs = extract_orgs('Крупнейшую сумму получит "Концерн Гранит": на эти деньги он закупит станки.')
    assert "«Концерн Гранит»" in orgs, orgs
    orgs = extract_orgs('Средства направят на программу "Фабрика проектного финансирования" в этом году.')
    assert not orgs, orgs
