"""Comparing a name as someone wrote it with the names of an entity, for reconciliation.

Every word is reduced to Latin keys: its surface form and its lemmas (pymorphy3, through
``server.ingest.nlp``), transliterated with the project's one table (``server.core.translit``)
and spelled one way (``ks`` for ``x``, ``y`` for ``-iy``…). So «Козловского», «Козловский» and
"Kozlovskiy" share the key ``kozlovsky``. Words are then aligned one to one, in any order:
equal keys, a one-letter initial («А.») against a word it starts, or a spelling within a few
edits (a typo). The score is the harmonic mean of how much of the query and how much of the name
the aligned words cover, 0–100. No store, no Flask."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from server.core.translit import translit
from server.ingest import nlp
from server.ingest.entities import is_patronymic

WORD = re.compile(r"[^\W_]+")
CYRILLIC = re.compile(r"[а-я]")
# words that carry little: prepositions and conjunctions, and the country most names mention
STOP = frozenset(
    ["и", "в", "во", "на", "по", "о", "об", "от", "для", "при", "с", "со", "к", "ко", "из", "у", "за", "под", "над"]
    + ["the", "of", "and", "for", "in", "on", "at", "to"]
)
GENERIC = frozenset(["рф", "россия", "российский", "федерация", "russia", "russian", "federation", "rf"])  # lemmas
SPELLING = (("x", "ks"), ("w", "v"), ("ck", "k"), ("ph", "f"), ("kh", "h"), ("j", "y"), ("ye", "e"), ("'", ""))
ENDING = re.compile(r"(iy|yy|ii|ij|yi)$")
# case endings, spelled as latin_key writes them: stripped before counting edits, so that a typo
# in an inflected word («Козловскаго») still meets its lemma
INFLECTION = re.compile(r"(ogo|ego|omu|emu|ago|ami|yami|uyu|aya|oy|ey|ym|im|om|em|oe|ee|ye|ie|yh|ih|ov|ev|[aeiouy])$")

FUZZY = 0.95  # a word matched within a few edits is never worth an exact match
INITIAL = 0.85  # «А.» standing for «Александр»


def latin_key(word: str) -> str:
    """One Latin spelling of a (lower-case) word: 'Козловский', 'Kozlovskiy' -> 'kozlovsky'."""
    key = translit(word).lower()
    for a, b in SPELLING:
        key = key.replace(a, b)
    return ENDING.sub("y", key)


@dataclass(frozen=True)
class Word:
    text: str  # lower case, ё -> е
    keys: frozenset[str]  # Latin keys of the surface form and of its lemmas
    stems: frozenset[str]  # the keys without a case ending (for typos)
    weight: float  # how much the word counts in the coverage
    initial: bool  # a single letter: an initial
    number: bool  # digits: only equal numbers match


@lru_cache(maxsize=100_000)
def word(surface: str, dotted: bool = False) -> Word:
    """One word as written. A single letter is an initial when a dot follows it («А.») or when it is
    a capital that is no preposition («А Козловский», not «В Госдуме»)."""
    text = surface.lower().replace("ё", "е")
    if text.isdigit():
        return Word(text, frozenset({text}), frozenset({text}), 1.0, False, True)
    initial = len(text) == 1 and (dotted or (surface.isupper() and text not in STOP))
    forms = {text}
    if CYRILLIC.search(text) and not initial:
        forms |= {p.normal_form.replace("ё", "е") for p in nlp.parse(text)[:4]}
    weight = 0.5 if initial else 0.15 if text in STOP else 0.3 if forms & GENERIC else 1.0
    if weight == 1.0 and CYRILLIC.search(text) and is_patronymic(surface):
        weight = 0.3  # «Николаевич»: the graph seldom writes patronymics
    keys = frozenset(latin_key(f) for f in forms)
    stems = frozenset(INFLECTION.sub("", k) if len(k) > 5 else k for k in keys)
    return Word(text, keys, stems, weight, initial, False)


def words(text: str) -> tuple[Word, ...]:
    return tuple(word(m.group(), text[m.end() : m.end() + 1] == ".") for m in WORD.finditer(text))


def edits(a: str, b: str, most: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours is one edit), or most + 1 beyond ``most``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > most:
            return most + 1
        prev2, prev = prev, cur
    return prev[-1]


def allowed_edits(length: int) -> int:
    return 0 if length <= 3 else 1 if length <= 5 else 2 if length <= 9 else 3


@lru_cache(maxsize=200_000)
def similarity(q: Word, n: Word) -> float:
    """1 for the same word in any case form or script; INITIAL for an initial; a little less than
    1 for a typo; 0 otherwise."""
    if q.number or n.number:
        return 1.0 if q.text == n.text else 0.0
    if q.keys & n.keys:
        return 1.0 if q.initial == n.initial else INITIAL
    if q.initial or n.initial:
        letter, full = (q, n) if q.initial else (n, q)
        if not full.initial and any(k.startswith(min(letter.keys)) for k in full.keys):
            return INITIAL
        return 0.0
    best = 0.0
    for a in q.stems:
        for b in n.stems:
            most = allowed_edits(min(len(a), len(b)))
            d = edits(a, b, most)
            if d <= most:
                best = max(best, FUZZY * (1 - d / max(len(a), len(b))))
    return best


@dataclass(frozen=True)
class Comparison:
    score: float  # 0-100
    exact: bool  # every word that counts matched exactly on both sides (in any order and case form)
    unmatched: int  # query words that count (weight 1) and found no partner


def compare(query: tuple[Word, ...], name: tuple[Word, ...]) -> Comparison:
    """Align the words one to one (best pairs first) and score the coverage of both sides."""
    if not query or not name:
        return Comparison(0.0, False, len(query))
    pairs = sorted(
        ((s, i, j) for i, q in enumerate(query) for j, n in enumerate(name) if (s := similarity(q, n)) > 0),
        reverse=True,
    )
    qs, ns = [0.0] * len(query), [0.0] * len(name)
    for s, i, j in pairs:
        if qs[i] == 0 and ns[j] == 0:
            qs[i] = ns[j] = s
    qcov = sum(w.weight * s for w, s in zip(query, qs)) / sum(w.weight for w in query)
    ncov = sum(w.weight * s for w, s in zip(name, ns)) / sum(w.weight for w in name)
    score = 0.0 if qcov + ncov == 0 else 100 * 2 * qcov * ncov / (qcov + ncov)
    exact = all(s == 1.0 for w, s in zip(query, qs) if w.weight >= 0.5) and all(
        s == 1.0 for w, s in zip(name, ns) if w.weight >= 0.5
    )
    unmatched = sum(1 for w, s in zip(query, qs) if w.weight == 1.0 and s == 0)
    return Comparison(score, exact, unmatched)


def trigrams(key: str) -> set[str]:
    padded = f"^{key}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}
