"""The learned reader of legal acts (server/ingest/actmodel.py): its candidates, how its acts join the rules' and
how a draft shows them. The sentences are our own; the models here are written by hand so that each test says what
it checks, and one test reads the shipped model."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from conftest import ROOT, seeded_copy

from server.core.settings import Settings
from server.ingest import actmodel, acts, workflow
from server.ingest.changemodel import Model

DECISION = (
    "Коллегия ЕЭК обнулила ввозную пошлину на трубоукладчики.\n\n"
    "Соответствующее решение приняла Коллегия Евразийской экономической комиссии 12 мая, сообщило ведомство."
)
#: scores any decision high, anything else low
DECISIONS = Model({"k=decision": 6.0}, -3.0, 0.5)


def rules(text: str) -> list[acts.ActRef]:
    return acts.legal_acts(text, [], lambda a, b: False, 2025, [])


def test_a_decision_without_its_number_is_a_candidate_the_rules_leave_alone():
    assert rules(DECISION) == []
    [c] = actmodel.candidates(DECISION, rules(DECISION))
    assert DECISION[c.start : c.end] == "решение" and c.kind[2] == "decision"
    assert {"k=decision", "pointing", "+1=принять", "+2=коллегия", "rules=none", "case=accs"} <= set(c.features)


def test_words_a_rule_quotes_drafts_and_excluded_lines_are_no_candidates():
    text = (
        "Постановление правительства № 41 продлило программу. Проект постановления о новых правилах готовит "
        "Минпромторг, а само постановление ждут весной."
    )
    found = rules(text)
    assert any(r.number == "41" for r in found)
    assert actmodel.candidates(text, found) == []  # every word naming a resolution is the rules' already
    alone = [text[c.start : c.end] for c in actmodel.candidates(text, [])]
    assert alone == ["Постановление", "постановление"]  # without them, all but the draft's
    assert actmodel.candidates(text, [], lambda s, e: True) == []


@pytest.mark.parametrize(
    "text",
    [
        "Суд вынес постановление о банкротстве.",
        "По решению арбитража долг списан.",
        "В распоряжении фонда остаётся 10 млрд рублей.",
        "Он отдал приказ о начале работ.",
        "Банк присоединился к Кодексу корпоративного управления.",
        "Компания приняла кодекс этики для сотрудников.",
    ],
)
def test_no_act_in_the_ontologys_sense_is_a_candidate(text):
    """A court's ruling, funds at one's disposal, an order given, a code of conduct: whatever a model would score."""
    assert actmodel.candidates(text, []) == []
    assert actmodel.join(text, [], reader=Model({}, 9.0, 0.5)) == []


def test_a_mention_the_model_scores_high_is_an_act_of_its_own_flagged_with_its_score():
    [ref] = actmodel.join(DECISION, rules(DECISION), reader=DECISIONS)
    assert (ref.kind_slug, ref.number, ref.confidence) == ("decision", None, ref.confidence)
    assert DECISION[ref.phrase_start : ref.phrase_end] == "Соответствующее решение"
    assert 0.9 < ref.confidence < 1
    assert any("learned reader" in en for _, en in ref.notes)
    assert actmodel.join(DECISION, [], reader=Model({}, -3.0, 0.5)) == []  # scored low: nothing


def test_a_mention_of_a_kind_the_rules_found_is_a_further_mention_of_their_act():
    """The rules read the numbered decision; the model's «решение» after it is that act again, with the rules'
    notes, not a second act."""
    text = (
        "Решением Коллегии ЕЭК от 3 марта 2025 года № 17 ставка снижена. Это решение вступит в силу через месяц, "
        "а затем решение будет пересмотрено."
    )
    found = rules(text)
    numbered = [r for r in found if r.number == "17"]
    assert numbered
    joined = actmodel.join(text, found, reader=DECISIONS)
    added = [r for r in joined if r.confidence is not None]
    assert added and {r.key for r in added} == {numbered[0].key}
    assert all(r.notes == numbered[0].notes for r in added)


def test_without_a_model_the_rules_stand_alone(monkeypatch, tmp_path):
    monkeypatch.setattr(actmodel, "MODEL", tmp_path / "absent.json")
    actmodel.model.cache_clear()
    try:
        assert actmodel.join(DECISION, rules(DECISION)) == rules(DECISION)
    finally:
        actmodel.model.cache_clear()


def test_the_shipped_model_scores_the_features_the_reader_makes_and_learnt_from_every_set():
    """A set moved into development is learned from: refit with `python bench/act_model.py train`."""
    model = actmodel.model()
    assert model is not None and 0 < model.threshold < 1 and len(model.weights) > 500

    def family(feature: str) -> str:  # '+2=коллегия' -> '+'; 'k=decision' -> 'k'
        return re.sub(r"\d", "", feature.split("=", 1)[0])

    texts = (DECISION, "Законы о налогах приняты. Решение о субсидиях отложено, закон подписан.")
    made = {family(f) for text in texts for c in actmodel.candidates(text, []) for f in c.features}
    flags = {"title", "date", "number", "signed", "pointing", "cap", "upper", "line-start", "sentence-start"}
    assert {family(f) for f in model.weights} <= made | flags
    data = json.loads(actmodel.MODEL.read_text(encoding="utf-8"))
    last = max(int(d.name[3:] or 1) for d in (ROOT / "tests" / "fixtures" / "news").glob("dev*"))
    assert data["sets"].startswith("dev9-") and data["sets"].split(",")[0].endswith(f"-dev{last}")


def test_a_draft_shows_the_models_act_for_review_and_accepts(monkeypatch):
    monkeypatch.setattr(actmodel, "model", lambda: DECISIONS)
    settings = Settings.from_env({}, memory=True)
    store = seeded_copy()
    workflow.ingest(store, settings, DECISION, datetime.date(2025, 6, 1), name="eek")
    [act] = workflow.review(store, settings, "eek")["summary"]["legal_acts"]
    assert (act["kind"], act["number"]) == ("Решение", None)
    assert [q["exact"] for q in act["quotes"]] == ["Соответствующее решение"]
    assert any("learned reader" in n for n in act["notes"]) and not any("by a rule" in n for n in act["notes"])
    assert workflow.accept(store, settings, "eek", reason_after=False)["triples"] > 0
