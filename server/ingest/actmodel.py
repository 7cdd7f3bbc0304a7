"""Legal acts named without a number, read by a learned model beside the hand-written rules of ``acts``.

The rules record an unnumbered act only when the text points at one («Соответствующее распоряжение», «подписал
постановление», a title, a date) and never a decision without its number; on unseen news about half of the acts
they miss are of that sort: «Соответствующее решение приняла Коллегия ЕЭК», «Постановление о продлении нулевых
пошлин …», «Решение о пошлине на вывоз сои». Here every word naming an act of a kind the ontology knows (law, bill,
resolution, directive, decree, order, decision; codes are the rules', by name) that no rule's act covers is a
candidate, described by the words around it, its form and place, and what the rules found in the article; a
logistic regression trained on what each development set's rules of its time missed (``bench/act_model.py train``)
scores it. A candidate above the threshold becomes a further mention of the rules' act of its kind (the one named
last before it, else the first after it), or, when the rules found none, the article's unnumbered act of that kind,
flagged for review with its score.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from server.ingest import acts, nlp
from server.ingest.changemodel import Model

MODEL = Path(__file__).with_name("models") / "acts.json"

_CASES = r"(?:е|я|ю|ем|и|й|ям|ями|ях)?"
_NOUN = r"(?:а|у|ом|е|ы|ов|ам|ами|ах)?"
#: a word naming an act of a kind ``acts.KINDS`` knows, in any form ('решение' of any body too); a code is the rules'
#: alone, by its name («Налоговый кодекс»: a bare «кодекс» is as often one of ethics or of corporate governance)
MENTION = re.compile(
    rf"(?<![\w-])(?P<kind>федеральн\w+\s+закон{_NOUN}|законопроект{_NOUN}|закон{_NOUN}|постановлени{_CASES}"
    rf"|распоряжени{_CASES}|указ{_NOUN}|приказ{_NOUN}|решени{_CASES})(?![\w-])",
    re.IGNORECASE,
)
#: no act in the ontology's sense, whatever the model says: a court's ruling («Суд вынес постановление»,
#: «по решению арбитража»), something at one's disposal («в распоряжении фонда»), an order given («отдал приказ»)
COURT = re.compile(r"(?<![\w-])(?:суд|суда|суде|судом|судов|арбитраж\w*)(?![\w-])", re.IGNORECASE)
GIVEN = re.compile(r"(?<![\w-])(?:отда|получ|выполн|исполн|отмен)\w*\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)
CONTEXT = 3  # words each side, by position
BAG = 6  # words each side, as a bag
DRAFT = re.compile(r"проект\w*\s+$", re.IGNORECASE)
TITLE_AFTER = re.compile(rf"\s*(?:{acts.TITLE})")
DATE_AFTER = re.compile(rf"\s*(?:{acts.DATE})", re.IGNORECASE)
NUMBER_AFTER = re.compile(r"\s*(?:№|N\s|номер)", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    start: int  # the kind word(s)
    end: int
    kind: tuple[str, str, str, str]  # acts.KINDS' value
    features: tuple[str, ...]


class _Words:
    """The text's words and lemmas, found once per text."""

    def __init__(self, text: str):
        self.words = nlp.words(text)
        self.ends = [e for _, _, e in self.words]
        self.lemmas = ["<num>" if w[0].isdigit() else nlp.lemma(w) for w, _, _ in self.words]

    def index(self, pos: int) -> int:
        """The index of the first word ending after ``pos``."""
        return bisect.bisect_right(self.ends, pos)

    def between(self, i: int, j: int) -> list[str]:
        return self.lemmas[max(i, 0) : max(min(j, len(self.lemmas)), 0)]


def covered(start: int, end: int, refs: Sequence[acts.ActRef]) -> bool:
    """Whether a rule's act quotes these words already."""
    return any(s < end and start < e for r in refs for s, e in ((r.start, r.end), (r.phrase_start, r.phrase_end)))


def candidates(
    text: str, refs: Sequence[acts.ActRef], excluded: Callable[[int, int], bool] = lambda s, e: False
) -> list[Candidate]:
    """Every word naming an act that no rule's act covers, outside datelines, credits and bylines, with its features."""
    w = _Words(text)
    out: list[Candidate] = []
    seen: dict[str, int] = {}
    for m in MENTION.finditer(text):
        s, e = m.span()
        if excluded(s, e) or covered(s, e, refs):
            continue
        word = m.group("kind")
        kind = acts.kind_of(word)
        before = text[max(0, s - 40) : s]
        if DRAFT.search(before[-14:]):
            continue  # 'проект постановления': a draft, the rules' to read
        if COURT.search(text, max(0, s - 40), min(len(text), e + 30)):
            continue
        if kind[2] in ("order", "directive") and (GIVEN.search(before[-30:]) or acts.DISPOSAL.search(before[-30:])):
            continue
        seen[kind[2]] = seen.get(kind[2], 0) + 1
        feats = [f"k={kind[2]}", f"nth={min(seen[kind[2]], 3)}"]
        tag = nlp.parse(word.split()[-1].lower())[0].tag
        feats += [f"case={tag.case}", f"num={tag.number}", f"k={kind[2]}|num={tag.number}"]
        if word[0].isupper():
            feats.append("cap" if not word.isupper() else "upper")
        line_start = text.rfind("\n", 0, s) + 1
        if not text[line_start:s].strip():
            feats.append("line-start")
        elif re.search(r"[.!?]\s*$", text[line_start:s]):
            feats.append("sentence-start")
        i, j = w.index(s), w.index(e)
        for k, lemma in enumerate(reversed(w.between(i - CONTEXT, i)), 1):
            feats.append(f"-{k}={lemma}")
        feats += [f"+{k}={lemma}" for k, lemma in enumerate(w.between(j, j + CONTEXT), 1)]
        feats += [f"b={lemma}" for lemma in dict.fromkeys(w.between(i - BAG, i))]
        feats += [f"a={lemma}" for lemma in dict.fromkeys(w.between(j, j + BAG))]
        if TITLE_AFTER.match(text, e):
            feats.append("title")
        if DATE_AFTER.match(text, e):
            feats.append("date")
        if NUMBER_AFTER.match(text, e):
            feats.append("number")
        if acts.POINTING.search(before):
            feats.append("pointing")
        if acts.SIGNED.search(before) or acts.SIGNED.search(text, e, e + 30):
            feats.append("signed")
        same = [r for r in refs if acts.same_kind(r, acts.ActRef(*kind, None, 0, 0, 0, 0))]
        feats.append("rules=numbered" if any(r.number for r in same) else "rules=unnumbered" if same else "rules=none")
        feats.append(f"rules-any={min(len({r.key for r in refs}), 3)}")
        out.append(Candidate(s, e, kind, tuple(feats)))
    return out


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The shipped model, or None when it is absent (the rules then stand alone)."""
    return Model.read(MODEL) if MODEL.exists() else None


def join(
    text: str,
    refs: Sequence[acts.ActRef],
    excluded: Callable[[int, int], bool] = lambda s, e: False,
    reader: Model | None = None,
) -> list[acts.ActRef]:
    """The rules' acts ``refs``, then the model's further mentions: each of the rules' act of its kind named last
    before it (else first after it), or of the article's unnumbered act of that kind, flagged with its score."""
    reader = reader or model()
    if reader is None:
        return list(refs)
    added: list[acts.ActRef] = []
    for c in candidates(text, refs, excluded):
        score = reader.score(c.features)
        if score < reader.threshold:
            continue
        start = c.start
        pointing = acts.POINTING.search(text[max(0, start - 20) : start])
        if pointing:
            start -= len(pointing.group())
        ref = acts.ActRef(*c.kind, None, start, c.end, start, c.end, confidence=score)
        same = [r for r in refs if acts.same_kind(r, ref)]
        before = [r for r in same if r.start < c.start]
        of = before[-1] if before else same[0] if same else None
        if of is not None:  # a further mention of the rules' act: its notes stand, whichever mention comes first
            acts.copy_identity(ref, of)
            ref.notes = list(of.notes)
        else:
            ref.notes.append(
                (
                    f"Акт найден обученной моделью (оценка {score:.2f}); номер в тексте не указан — проверить.",
                    f"Act found by the learned reader (score {score:.2f}); no number in the text — check it.",
                )
            )
        added.append(ref)
    return sorted([*refs, *added], key=lambda r: r.start)
