"""Organisation and junk classes of the eighteenth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs


def test_a_party_branch_named_with_its_region_is_one_body():
    found = _orgs('Губернатор выступил на отчётной конференции Тверского регионального отделения партии "Новые люди".')
    assert "Тверское региональное отделение партии «Новые люди»" in found
    assert not any(
        label.startswith(("Партия", "Тверское региональное отделение")) and "«" not in label for label in found
    )
    assert len(found) == 1


def test_a_union_branch_keeps_the_union_as_written():
    found = _orgs("Курское областное отделение «Опоры России» провело форум для поставщиков.")
    assert "Курское областное отделение «Опоры России»" in found


def test_a_collegium_that_takes_place_is_a_sitting_not_a_body():
    assert not any("оллегия" in label for label in _orgs("В Омской области прошла коллегия регионального минсельхоза."))
    assert not any(
        "оллегия" in label for label in _orgs("Вчера состоялась итоговая коллегия Минэнерго России в Москве.")
    )


def test_a_collegium_that_acts_is_still_a_body():
    found = _orgs("Коллегия Минтранса России одобрила план реформы отрасли.")
    assert any(label.startswith("Коллегия") for label in found)


# --- second round -------------------------------------------------------------------------------------------


def test_a_region_adjective_before_parliament_is_its_legislature():
    assert "Государственный Совет Республики Татарстан" in _orgs("Закон о технопарках принял татарстанский парламент.")
    assert "Законодательное Собрание Свердловской области" in _orgs("Свердловский парламент одобрил поправки.")


def test_a_by_name_epithet_before_parliament_is_only_a_further_mention():
    found = _orgs("Заксобрание Ростовской области заседало во вторник. Донской парламент одобрил поправки.")
    assert list(found) == ["Законодательное Собрание Ростовской области"]
    assert _orgs("Поправки в бюджет вчера одобрил кубанский парламент.") == {}


def test_an_oblast_duma_by_its_short_forms_gets_its_full_name():
    assert "Ярославская областная Дума" in _orgs("Ярославская облдума рассмотрела проект бюджета.")
    assert "Курская областная Дума" in _orgs("Депутаты облдумы Курской области утвердили программу.")
    assert "Московская областная Дума" in _orgs("Мособлдума приняла поправки о промышленных кластерах.")
    assert "Московская городская Дума" in _orgs("Мосгордума утвердила бюджет города.")


def test_a_city_duma_after_the_city_adjective():
    assert "Тверская городская Дума" in _orgs("Тверская гордума согласовала поправки.")


def test_a_republic_legislature_by_its_own_name():
    assert "Государственное Собрание — Курултай Республики Башкортостан" in _orgs(
        "Депутаты Курултая одобрили закон о поддержке экспорта."
    )
    assert "Народный Хурал Республики Калмыкия" in _orgs("Народный хурал Калмыкии принял закон.")
    found = _orgs("Госсовет Удмуртии рассмотрел законопроект.")
    assert [label.lower() for label in found] == ["государственный совет удмуртской республики"]
    assert "Государственное Собрание (Ил Тумэн) Республики Саха (Якутия)" in _orgs("Ил Тумэн продлил льготы.")
    assert "Парламент Чеченской Республики" in _orgs("Закон одобрил парламент Чечни.")


def test_a_regional_legislature_short_name_in_capitals_is_normalised():
    assert "Законодательное Собрание Иркутской области" in _orgs("Заксобрание Иркутской области приняло закон.")


def test_foreign_parliaments_and_the_federal_state_council_stay_as_they_are():
    found = _orgs("Европейский парламент принял резолюцию, а Госсовет обсудил промышленность.")
    assert not any("Законодательное Собрание" in label or "Республики" in label for label in found)


def test_a_minister_named_without_region_in_a_regional_article_is_of_its_ministry():
    found = _orgs("Власти Тульской области выделят субсидии. Как пояснил министр экономики Иван Петров, это много.")
    assert "Министерство экономики Тульской области" in found


def test_a_minister_of_a_federal_ministry_or_a_foreign_country_stays_so():
    found = _orgs("Власти Тульской области выделят субсидии. Министр экономики Франции Жан Дюпон приехал в Тулу.")
    assert not any("Министерство экономики" in label for label in found)
    found = _orgs("Власти Тульской области выделят субсидии. Министр энергетики Иван Петров это одобрил.")
    assert not any("Тульской" in label and label.startswith("Министерство") for label in found)


def test_the_government_in_a_chained_post_is_the_region_of_the_second_post():
    found = _orgs(
        "Заводы региона получили займы, сообщил вице-премьер правительства – министр сельского хозяйства "
        "Курганской области Иван Петров."
    )
    assert "Правительство Курганской области" in found
    assert "Правительство Российской Федерации" not in found


def test_a_duma_committee_where_only_the_state_duma_is_named():
    found = _orgs("Депутаты Госдумы внесли законопроект. Думский комитет по энергетике поддержал его.")
    assert "Комитет Государственной Думы по энергетике" in found
    assert not any(label.startswith("Думский") for label in found)


def test_a_film_studio_publisher_and_car_works_with_a_quoted_name():
    found = _orgs("Делегация побывала на киностудии «Мосфильм» и в издательстве «Эксмо».")
    assert "Киностудия «Мосфильм»" in found
    assert "Издательство «Эксмо»" in found
