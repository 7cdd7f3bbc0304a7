"""Parameter changes read by a learned model, beside the hand-written rules of ``money``.

Every value in a sentence is a candidate new value: alone («снизится до 10%») or paired with another value of the
same measure in that sentence, the one before it or the one after it («с 5 до 7 лет», «вместо прежних 3 млрд … 750
млн», «не может превышать 400 млн рублей. Прежде … составлял 1 млрд рублей»). Each
candidate is described by the lemmas around its values and between them, and a logistic regression trained on the
news fixtures' gold changes (``bench/change_model.py train``) scores it. The best-scored candidates above the model's
threshold are kept, each value used once. The rules keep their changes; the model adds the ones whose new value the
rules did not find, flagged as such for review.

Rules fitted to the development sets found nothing more on the next unseen set; the model, trained only on the
sets before each of the last four, added about a tenth of recall on three of them (docs/ingestion.md).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from server.ingest import money, nlp

MODEL = Path(__file__).with_name("models") / "changes.json"

#: a value: a number (or a number word with a unit, a currency or a measure), then its unit, currency and measure
VALUE = re.compile(
    rf"(?<![\w.,])(?P<num>{money.NUM}|(?:{money.WORDNUM_RX})(?![\w-]))"
    rf"(?:\s*(?P<unit>{money.UNIT})(?![\w]))?"
    rf"(?:\s*(?P<cur>{money.CUR}))?"
    rf"(?:\s*(?P<dim>{money.DIM}))?",
    re.IGNORECASE,
)
#: a rate or duty set to nothing: 'нулевую ставку', 'до нуля', 'обнулить'
ZERO = re.compile(r"(?<![\w-])(?:нулев\w+|нол[ья]\w*|нул[ья]|обнул\w*)", re.IGNORECASE)
DIGIT = re.compile(r"\d")
YEAR = (Decimal(1900), Decimal(2100))
CONTEXT = 3  # words each side of a value
BEFORE_ALONE = 6  # words before a value standing alone


@dataclass(frozen=True)
class Value:
    start: int
    end: int
    value: Decimal
    number: Decimal  # before the unit's multiplier: '100' of 'с 100 до 50 млн'
    unit: str | None  # 'млн', 'тыс.'
    currency: str | None
    kind: str  # money, percent, measure (years, tonnes …), scaled (a unit, no currency), bare, zero
    measure: str | None = None  # money.UNITS' name of a measure: 'year', 'percent', 'tonne'


@dataclass(frozen=True)
class Candidate:
    old: Value | None
    new: Value
    key: tuple[Decimal | None, Decimal, str | None]  # (old value, new value, currency)
    features: tuple[str, ...]


def values(text: str) -> list[Value]:
    """Every value of the text, in order; a unit without a currency is in roubles when the text speaks of money."""
    return _values(money.readable(text))


def _values(readable: str) -> list[Value]:
    in_roubles = money.speaks_of_money(readable)
    out = []
    for m in VALUE.finditer(readable):
        num, unit, cur, dim = m.group("num", "unit", "cur", "dim")
        if not DIGIT.search(num) and not (unit or cur or dim):
            continue  # a number word alone: 'два', 'пять'
        measure = money.dimension(dim) if dim else None
        if cur:
            kind = "money"
        elif measure == "percent":
            kind = "percent"
        elif measure:
            kind = "measure"
        elif unit:
            kind = "scaled"
        else:
            kind = "bare"
        currency = money.currency(cur) or ("RUB" if kind == "scaled" and in_roubles else None)
        end = len(m.group().rstrip()) + m.start()
        out.append(Value(m.start(), end, money.value(num, unit), money.number(num), unit, currency, kind, measure))
    for m in ZERO.finditer(readable):
        out.append(Value(m.start(), m.end(), Decimal(0), Decimal(0), None, None, "zero"))
    return sorted(out, key=lambda v: v.start)


def _pairable(old: Value, new: Value) -> bool:
    """Two values one parameter can take: one currency, or one kind of measure ('с 100 до 50 млн рублей' pairs a bare
    number with the sum after it)."""
    if old.kind == "zero":
        return False
    if new.kind == "zero" or old.kind == "bare":
        return True
    if "money" in (old.kind, new.kind):
        return old.currency == new.currency or (old.kind == "scaled" and new.kind == "money")
    if "percent" in (old.kind, new.kind):
        return old.kind == new.kind
    return True


def _old_value(old: Value, new: Value) -> Decimal:
    """'с 100 до 50 млн': the old number borrows the new one's unit."""
    if old.kind == "bare" and new.unit and not old.unit:
        return old.number * money.multiplier(new.unit)
    return old.value


def _bucket(n: int) -> str:
    return next((str(t) for t in (0, 1, 2, 3, 5, 8, 13, 21) if n <= t), "far")


class _Words:
    """The text's words, their lemmas and its sentences, found once per text."""

    def __init__(self, text: str, readable: str):
        self.words = nlp.words(readable)
        self.ends = [e for _, _, e in self.words]
        self.lemmas = [nlp.lemma(w) for w, _, _ in self.words]
        self.sentences = money.sentences(text)
        self.starts = [s for s, _ in self.sentences]

    def index(self, pos: int) -> int:
        """The index of the first word ending after ``pos``."""
        return bisect.bisect_right(self.ends, pos)

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def lemmas_between(self, i: int, j: int) -> list[str]:
        return [w for w in self.lemmas[max(i, 0) : max(min(j, len(self.lemmas)), 0)] if not w[0].isdigit()]


def _around(w: _Words, v: Value, tag: str) -> list[str]:
    i, j = w.index(v.start), w.index(v.end)
    out = [f"{tag}kind={v.kind}"]

    for k, lemma in enumerate(reversed(w.lemmas_between(i - CONTEXT, i)), 1):
        out += [f"{tag}-{k}={lemma}", f"{tag}-w={lemma}"]
    out += [f"{tag}+{k}={lemma}" for k, lemma in enumerate(w.lemmas_between(j, j + CONTEXT), 1)]
    if v.kind == "bare" and YEAR[0] <= v.value <= YEAR[1] and v.number == v.value:
        out.append(f"{tag}year")
    return out


def candidates(text: str) -> list[Candidate]:
    """Every value alone and every pair of values one parameter can take, in one sentence or an old value in the
    sentence before or after, with the features the model scores."""
    readable = money.readable(text)
    w = _Words(text, readable)
    found = _values(readable)
    out = []
    for new in found:
        k = w.sentence(new.start)
        start, end = w.sentences[k] if k >= 0 else (0, len(text))
        i = w.index(new.start)
        common = _around(w, new, "b") + [
            f"s={lemma}" for lemma in dict.fromkeys(w.lemmas_between(w.index(start), w.index(end)))
        ]
        currency = new.currency if new.kind in ("money", "scaled") else None
        alone = ["ONE", f"ONE-kind={new.kind}"] + [
            f"ONE-b-w={lemma}" for lemma in w.lemmas_between(i - BEFORE_ALONE, i)
        ]
        out.append(Candidate(None, new, (None, new.value, currency), tuple(common + alone)))
        for old in found:
            before = w.sentence(old.start)
            if old is new or before not in (k, k - 1, k + 1) or not _pairable(old, new):
                continue
            was = _old_value(old, new)
            if was == new.value or _compared(w, old, new, readable[start:end]):
                continue
            cur = currency if new.kind != "zero" else (old.currency if old.kind in ("money", "scaled") else None)
            out.append(Candidate(old, new, (was, new.value, cur), tuple(common + _pair(w, old, new, was, found, k))))
    return out


YEAR_WORD = re.compile(r"(?:19|20)\d\d")
#: an earlier time or level named beside «против»: 'против 4 млрд годом ранее', 'против прежних 500 млн'
EARLIER = frozenset(
    {"ранее", "прежний", "нынешний", "текущий", "прошлый", "предыдущий", "минувший", "действующий", "назад"}
)


def _compared(w: _Words, old: Value, new: Value, sentence: str) -> bool:
    """Two values set side by side with «против», no earlier time, year or level named beside them and no rate, duty
    or sum of support in the sentence: one thing against another ('выручка 5 млрд рублей против 4 млрд рублей у
    конкурента'), no change, whatever a model would score."""
    first, second = (old, new) if old.start < new.start else (new, old)
    i, j = w.index(first.end), w.index(second.end)
    words = set(w.lemmas_between(i, j + CONTEXT))
    if "против" not in words or words & EARLIER or money.POLICY_NOUN.search(sentence):
        return False
    return not any(YEAR_WORD.fullmatch(x) for x in w.lemmas[max(i, 0) : j + CONTEXT])


def _pair(w: _Words, old: Value, new: Value, was: Decimal, found: list[Value], k: int) -> list[str]:
    first, second = (old, new) if old.start < new.start else (new, old)
    gap = w.lemmas_between(w.index(first.end), w.index(second.start))
    out = [*_around(w, old, "a"), "PAIR", f"pair={old.kind}>{new.kind}"]
    out += ["order=ab" if first is old else "order=ba", "dist=" + _bucket(w.index(second.start) - w.index(first.end))]
    out += [f"btw={lemma}" for lemma in dict.fromkeys(gap)]
    out.append("up" if new.value > was else "down")
    if w.sentence(old.start) == k - 1:
        out.append("PREVSENT")
    elif w.sentence(old.start) == k + 1:  # '… не может превышать 400 млн рублей. Прежде … составлял 1 млрд рублей'
        opens = w.index(w.sentences[k + 1][0])
        out += ["NEXTSENT", *(f"next-open={lemma}" for lemma in w.lemmas_between(opens, opens + 2))]
    if old.kind == "bare" and new.unit:
        out.append("propagated")
    inside = sum(1 for v in found if first.start < v.start < second.start)
    out.append("ratio=" + _ratio(was, new.value))
    return [*out, "nbetween=" + _bucket(inside)]


def _ratio(was: Decimal, now: Decimal) -> str:
    """How far the new value is from the old: changes are seldom tenfold."""
    if was == 0 or now == 0:
        return "zero"
    r = now / was
    return next(
        (f"<{t}" for t in (Decimal("0.1"), Decimal("0.5"), Decimal(1), Decimal(2), Decimal(10)) if r < t), ">10"
    )


def labels(found: Sequence[Candidate], gold: Iterable[tuple[Decimal | None, Decimal, str | None]]) -> list[int]:
    """1 for a candidate the gold holds: a pair with the gold's old and new values and currency, a value alone where
    the gold change has no old value."""
    gold = list(gold)
    pairs = {g for g in gold if g[0] is not None}
    alone = {g[1:] for g in gold if g[0] is None}
    return [int(c.key in pairs if c.old is not None else c.key[1:] in alone) for c in found]


def choose(found: Sequence[Candidate], scores: Sequence[float], threshold: float) -> list[Candidate]:
    """The best-scored candidates first, above the threshold; a value is the new value of one change at most and the
    old value of one at most."""
    news: set[int] = set()
    olds: set[int] = set()
    out = []
    for i in sorted(range(len(found)), key=lambda i: -scores[i]):
        if scores[i] < threshold:
            break
        c = found[i]
        if c.new.start in news or (c.old is not None and c.old.start in olds):
            continue
        news.add(c.new.start)
        if c.old is not None:
            olds.add(c.old.start)
        out.append(c)
    return out


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in dict.fromkeys(features))  # one order: one sum
        return 1 / (1 + math.exp(-z)) if z > -700 else 0.0

    @classmethod
    def read(cls, path: Path) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data["threshold"])


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The shipped model, or None when it is absent (the rules then stand alone)."""
    return Model.read(MODEL) if MODEL.exists() else None


def changes(text: str, known: Sequence[money.Change], reader: Model | None = None) -> list[money.Change]:
    """The model's changes whose new value (and currency) none of ``known`` has, each quoting its values' words."""
    return join(text, known, reader)[len(known) :]


def join(text: str, known: Sequence[money.Change], reader: Model | None = None) -> list[money.Change]:
    """The rules' changes ``known``, then the model's whose new value (and currency) none of them has, each quoting
    its values' words. A rule's change without an old value takes the old value of the model's pair with the same
    new value, flagged with the pair's score: «… снизится до 3 млн евро» after «не менее 10 млн евро»."""
    reader = reader or model()
    if reader is None:
        return list(known)
    found = candidates(text)
    scores = [reader.score(c.features) for c in found]
    score_of = {id(c): score for c, score in zip(found, scores, strict=True)}
    chosen = choose(found, scores, reader.threshold)
    pairs: dict[tuple, Candidate] = {}  # the best-scored pair above the threshold for each new value
    for i in sorted(range(len(found)), key=lambda i: scores[i]):
        if found[i].old is not None and scores[i] >= reader.threshold:
            pairs[found[i].key[1:]] = found[i]
    have = {(c.to_value, c.currency) for c in known}
    # a rule's two values the model pairs the other way round: the rule's direction stands
    reversed_ = {(c.to_value, c.from_value, c.currency) for c in known if c.from_value is not None}
    out = [_completed(text, r, pairs, score_of, known) for r in known]
    added = []
    for c in chosen:
        if (c.key[1], c.key[2]) in have or c.key in reversed_:
            continue
        unit = None if c.key[2] else _unit(c.new, c.old)
        if unit == "year" and all(v is not None and 1900 <= v <= 2100 for v in c.key[:2]):
            continue  # '… с 2022 года … до 2030 года': a period, not a value (as the rules read it)
        have.add((c.key[1], c.key[2]))
        start = min(c.new.start, c.old.start) if c.old else _lead_in(text, c.new.start)
        end = max(c.new.end, c.old.end) if c.old else c.new.end
        added.append(
            money.Change(c.key[0], c.key[1], c.key[2], start, end, text[start:end], unit, confidence=score_of[id(c)])
        )
    return out + sorted(added, key=lambda c: c.start)


def _completed(
    text: str, rule: money.Change, pairs: dict, score_of: dict[int, float], known: Sequence[money.Change] = ()
) -> money.Change:
    """A rule's change given the old value of the model's pair with its new value, when the rule found none (never a
    value that is another rule change's new one: «пошлина теперь составит 25%, для масла – 15%» has no old value 15)."""
    pair = pairs.get((rule.to_value, rule.currency))
    if rule.from_value is not None or pair is None or rule.confidence is not None:
        return rule
    if any(k is not rule and k.to_value == pair.key[0] and k.start <= pair.old.start < k.end for k in known):
        return rule  # the old value is another rule change's new one
    factor = money.factor_of(rule.text)
    if factor is not None and factor > 1 and pair.key[0] not in (rule.to_value * factor, rule.to_value / factor):
        return rule  # «урезан в три раза — до 3,5 млрд» after «7 млрд»: the factor the text names does not give it
    start, end = min(rule.start, pair.old.start), max(rule.end, pair.old.end)
    return replace(
        rule, from_value=pair.key[0], start=start, end=end, text=text[start:end], old_confidence=score_of[id(pair)]
    )


#: up to three words before a value alone, in its line and sentence: 'туристических проектов – до 500 млн'
LEAD_IN = re.compile(r"(?:[\w-]+[^\w\n.!?;]*){1,3}$")


def _lead_in(text: str, start: int) -> int:
    """Where a value alone is quoted from: the words that lead to it."""
    m = LEAD_IN.search(text, max(0, start - 80), start)
    return m.start() if m else start


def _unit(new: Value, old: Value | None) -> str:
    """The measure of a change without a currency: its values'; a rate, duty or share set to nothing is in percent;
    else a count."""
    for v in (new, old):
        if v is not None and v.measure:
            return v.measure
    return "percent" if new.kind == "zero" else "count"
