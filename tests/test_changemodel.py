"""The learned reader of parameter changes (server/ingest/changemodel.py): its values, candidates, labels and
choice, the shipped model, and its changes in a real draft beside the rules' ones."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal

from conftest import ROOT, seeded_copy
from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from server.core.settings import Settings
from server.ingest import changemodel, money, workflow
from server.ingest.draft import PKG

SENTENCE = "Порог снизили с 100 до 50 млн рублей, срок продлили с 5 до 7 лет, а пошлину обнулили."


def test_values_read_numbers_units_currencies_and_measures():
    got = [(v.value, v.currency, v.kind, v.measure) for v in changemodel.values(SENTENCE)]
    assert got == [
        (Decimal(100), None, "bare", None),
        (Decimal(50_000_000), "RUB", "money", None),
        (Decimal(5), None, "bare", None),
        (Decimal(7), None, "measure", "year"),
        (Decimal(0), None, "zero", None),
    ]


def test_a_bare_old_value_borrows_the_new_ones_unit_and_pairs_stay_within_a_measure():
    keys = {c.key for c in changemodel.candidates(SENTENCE)}
    assert (Decimal(100_000_000), Decimal(50_000_000), "RUB") in keys  # 'с 100 до 50 млн рублей'
    assert (Decimal(5), Decimal(7), None) in keys
    assert (None, Decimal(50_000_000), "RUB") in keys  # every value alone too
    assert not any(k[0] == Decimal(7) and k[2] == "RUB" for k in keys)  # years never pair with roubles as old value


def test_labels_mark_the_gold_pairs_and_the_gold_values_alone():
    found = changemodel.candidates(SENTENCE)
    gold = [(Decimal(100_000_000), Decimal(50_000_000), "RUB"), (None, Decimal(7), None)]
    marked = {c.key for c, y in zip(found, changemodel.labels(found, gold), strict=True) if y}
    assert marked == {(Decimal(100_000_000), Decimal(50_000_000), "RUB"), (None, Decimal(7), None)}


def test_choice_takes_the_best_first_and_each_value_once():
    found = changemodel.candidates(SENTENCE)
    best = next(i for i, c in enumerate(found) if c.key == (Decimal(100_000_000), Decimal(50_000_000), "RUB"))
    scores = [0.5] * len(found)
    scores[best] = 0.9
    chosen = changemodel.choose(found, scores, 0.4)
    assert chosen[0] is found[best]
    news = [c.new.start for c in chosen]
    olds = [c.old.start for c in chosen if c.old is not None]
    assert len(news) == len(set(news)) and len(olds) == len(set(olds))
    assert changemodel.choose(found, scores, 0.95) == []


def test_the_shipped_model_scores_the_features_the_reader_makes():
    model = changemodel.model()
    assert model is not None and 0 < model.threshold < 1 and len(model.weights) > 1000

    def family(feature: str) -> str:  # 'b-2=снизить' -> 'b-'; 'ONE-kind=money' -> 'ONE-kind'
        return re.sub(r"\d", "", feature.split("=", 1)[0])

    texts = (SENTENCE, "Раньше ставка была 9%. С 2025 она составит 11% вместо 9%.")
    made = {family(f) for text in texts for c in changemodel.candidates(text) for f in c.features}
    assert {family(f) for f in model.weights} <= made


def test_without_a_model_the_rules_stand_alone(monkeypatch, tmp_path):
    monkeypatch.setattr(changemodel, "MODEL", tmp_path / "absent.json")
    changemodel.model.cache_clear()
    try:
        assert changemodel.changes(SENTENCE, []) == []
    finally:
        changemodel.model.cache_clear()


def _draft(fixture: str):
    """A news fixture's text and the draft graph it makes in a seeded store."""
    text = (ROOT / "tests" / "fixtures" / "news" / fixture).read_text(encoding="utf-8")
    settings = Settings.from_env({}, memory=True)
    store = seeded_copy()
    workflow.ingest(store, settings, text, datetime.date(2025, 6, 1), name="draft")
    return text, workflow.load_draft(store, settings, "draft")[2]


def test_a_draft_holds_the_models_changes_beside_the_rules_flagged_for_review():
    """Thresholds listed per kind of project after one «с X до Y»: the rules read the first, the model the others."""
    text, g = _draft("dev39/776-kachestvo-szpk-porog-investicij.txt")
    notes = {}
    for c in g.subjects(RDF.type, PKG.ParameterChange):
        to = Decimal(str(g.value(c, PKG.toValue)))
        notes[to] = " ".join(str(n) for n in g.objects(c, SKOS.editorialNote) if n.language == "en")
        if to in (Decimal(500_000_000), Decimal(250_000_000)):
            assert g.value(c, PKG.fromValue) is None and g.value(c, PKG.currency) == Literal("RUB")
    assert "found by a rule" in notes[Decimal(1_500_000_000)]
    for to in (Decimal(500_000_000), Decimal(250_000_000)):
        assert "learned model" in notes[to] and "found by a rule" not in notes[to]
    rules = money.changes(text)
    assert all(c.confidence is None for c in rules)


def test_the_shipped_model_was_fitted_on_every_news_fixture():
    """A set moved into development is learned from: refit with `python bench/change_model.py train`."""
    data = json.loads(changemodel.MODEL.read_text(encoding="utf-8"))
    fixtures = list((ROOT / "tests" / "fixtures" / "news").glob("dev*/*.gold.json"))
    assert data["trained_on"].startswith(f"{len(fixtures)} news fixtures")


def test_thousands_spelt_out_before_a_measure_are_not_roubles():
    """«тыс» is not read out of «тысяч»: «с 17 до 30 тысяч тонн» is a catch in tonnes (dev41, item 825), and the
    abbreviations still join a currency with or without a space («5 тыс.руб.», «251 млн руб.»)."""
    text = "Рыбаки должны нарастить вылов с 17 до 30 тысяч тонн в год, на это направят 251 млн руб. и ещё 5 тыс.руб."
    assert [(c.from_value, c.to_value, c.currency, c.unit) for c in money.changes(text)] == [
        (Decimal(17_000), Decimal(30_000), None, "tonne")
    ]
    assert [(a.value, a.currency) for a in money.amounts(text)] == [
        (Decimal(251_000_000), "RUB"),
        (Decimal(5_000), "RUB"),
    ]


def test_a_rules_change_without_an_old_value_takes_the_models_pair():
    """The rule read only «составит 50 млн рублей»; the model pairs it with the sum of the sentence before, and the
    change then quotes both, its old value flagged with the pair's score. A pair the model scores low adds nothing."""
    text = "Порог вложений был 120 млн рублей. Теперь он составит 50 млн рублей."
    start = text.index("составит")
    rule = money.Change(None, Decimal(50_000_000), "RUB", start, len(text) - 1, text[start:-1])
    pairs_forward = changemodel.Model({"PAIR": 6.0, "order=ba": -12.0}, -3.0, 0.5)
    [got] = changemodel.join(text, [rule], pairs_forward)
    assert (got.from_value, got.to_value, got.currency) == (Decimal(120_000_000), Decimal(50_000_000), "RUB")
    assert got.text == text[text.index("120") : -1] and got.confidence is None and got.old_confidence > 0.9
    assert changemodel.join(text, [rule], changemodel.Model({}, -3.0, 0.5)) == [rule]


def test_a_draft_flags_an_old_value_the_model_gave_a_rules_change():
    """dev42, item 831: «не менее 10 млн евро» …, then «эта сумма снизится до 3 млн евро»; and «с 100 млн. до 10 млн
    евро» is in euros throughout, the first sum too."""
    text, g = _draft("dev42/831-tatcenter-rosoez-porog.txt")
    changes = {}
    for c in g.subjects(RDF.type, PKG.ParameterChange):
        old = g.value(c, PKG.fromValue)
        key = (Decimal(str(old)) if old is not None else None, Decimal(str(g.value(c, PKG.toValue))))
        changes[key] = " ".join(str(n) for n in g.objects(c, SKOS.editorialNote) if n.language == "en")
    assert "old value was found by the learned model" in changes[(Decimal(10_000_000), Decimal(3_000_000))]
    assert "old value" not in changes[(Decimal(100_000_000), Decimal(10_000_000))]
    assert {a.currency for a in money.amounts(text) if a.value == Decimal(100_000_000)} == {"EUR"}


def test_two_values_set_against_each_other_without_an_earlier_time_are_no_pair():
    """«против» compares one thing with another unless an earlier time or level is named beside it; a model that
    scores every pair high still makes no change of the first (the rules read the second)."""
    pairs = changemodel.Model({"PAIR": 9.0}, -3.0, 0.5)
    compared = "Выручка составила 5 млрд рублей против 4 млрд рублей у конкурента."
    assert not any(c.old is not None for c in changemodel.candidates(compared))
    assert changemodel.join(compared, [], pairs) == []
    earlier = "Пошлина составит $287,3 за тонну против $372,2 в предыдущем периоде."
    got = {(c.from_value, c.to_value, c.currency) for c in changemodel.join(earlier, [], pairs)}
    assert (Decimal("372.2"), Decimal("287.3"), "USD") in got
