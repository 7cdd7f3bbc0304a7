"""Pass 25, helper t: organisations, persons and posts (sentences of our own, not the fixtures')."""

from conftest import extract_orgs, extract_persons, extract_post_roles


def test_quoted_list_summed_up_by_a_word_for_places_is_no_organisation():
    orgs = extract_orgs(
        "Власти города расширили перечень промзон. Вместе с «Горелово», «Парнасом» и «Предпортовой» "
        "таких территорий теперь семь."
    )
    assert not any("«" in label for label in orgs), orgs


def test_quoted_list_of_companies_without_a_summing_word_stays():
    orgs = extract_orgs("Соглашения подписали компании «Альфатех» и «Бетапром» в рамках форума.")
    assert any("Альфатех" in label for label in orgs), orgs


def test_a_plan_is_no_organisation():
    orgs = extract_orgs("Решение согласовано с Генеральным планом развития Новосибирска, сообщил Иван Петров.")
    assert not any(label.startswith("Генеральный план") for label in orgs), orgs


def test_a_regional_council_of_deputies_by_its_own_name():
    orgs = extract_orgs("Закон принят Липецким областным Советом депутатов 20 мая 2020 года.")
    assert "Липецкий областной Совет депутатов" in orgs, orgs
    orgs = extract_orgs("Поправки одобрил Орловский областной Совет народных депутатов.")
    assert "Орловский областной Совет народных депутатов" in orgs, orgs


def test_a_towns_council_of_deputies_is_no_regional_legislature():
    orgs = extract_orgs("Решение принял Совет депутатов городского округа Химки.")
    assert not any("област" in label for label in orgs), orgs


def test_a_given_name_the_dictionary_does_not_know_keeps_its_place():
    persons = extract_persons("На форуме выступил министр экономики Татарстана Рустам Ахметзянов.")
    assert persons == ["Рустам Ахметзянов"], persons
    persons = extract_persons("Об этом рассказал министр промышленности Дагестана Низам Алиев.")
    assert "Низам Алиев" in persons, persons
    assert not any(p.startswith("Алиев ") for p in persons), persons
    # written surname first, the surname's suffix on the first word: as written
    assert extract_persons("В списке значится Гафуров Ильшат.") == ["Гафуров Ильшат"]


def test_a_state_secretary_is_that_post():
    roles = extract_post_roles("Встречу провёл статс-секретарь — заместитель министра финансов России Петр Сидоров.")
    assert ("Петр Сидоров", "статс-секретарь", "Министерство финансов Российской Федерации") in roles, roles
