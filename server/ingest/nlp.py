"""The natasha pipeline and pymorphy3, loaded once per process (lazily, on first use: the first
article a CLI command or a server worker ingests pays the load, every later one reuses the same
instances, whatever thread asks), plus small text helpers."""

from __future__ import annotations

import functools
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

WORD = re.compile(r"[\w]+(?:[.\-][\w]+)*", re.UNICODE)


@dataclass(frozen=True)
class Span:
    """A natasha NER span: [start, end) character offsets into the text."""

    type: str
    start: int
    end: int
    text: str
    normal: str
    first: str | None = None
    last: str | None = None
    middle: str | None = None


T = TypeVar("T")


def once(load: Callable[[], T]) -> Callable[[], T]:
    """``load()`` called once per process and its result kept: threads asking at the same time
    (a server worker's request threads) wait for the one load instead of each loading a copy."""
    lock = threading.Lock()
    loaded: list[T] = []

    @functools.wraps(load)
    def get() -> T:
        if not loaded:
            with lock:
                if not loaded:
                    loaded.append(load())
        return loaded[0]

    return get


@once
def pipeline() -> dict[str, Any]:
    """natasha's segmenter, embeddings, morphology and NER taggers, names extractor and vocabulary (models ship in the
    PyPI packages; nothing is downloaded). Returned dict also holds the load time in seconds."""
    started = time.perf_counter()
    from natasha import MorphVocab, NamesExtractor, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    morph_vocab = _morph_vocab(MorphVocab)
    parts = {
        "segmenter": Segmenter(),
        "morph_vocab": morph_vocab,
        "morph": NewsMorphTagger(emb),
        "ner": NewsNERTagger(emb),
        "names": NamesExtractor(morph_vocab),
    }
    parts["load_seconds"] = time.perf_counter() - started
    return parts


def _morph_vocab(cls: Any) -> Any:
    """natasha's MorphVocab with pymorphy2's dictionary path given explicitly: pymorphy2 finds it
    through pkg_resources, which setuptools >= 81 no longer ships."""
    import pymorphy2_dicts_ru
    from natasha.morph.vocab import MorphForm
    from pymorphy2.analyzer import MorphAnalyzer as PymorphyAnalyzer

    vocab = cls.__new__(cls)
    PymorphyAnalyzer.__init__(vocab, path=pymorphy2_dicts_ru.get_path(), result_type=MorphForm)
    return vocab


@once
def morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def ner(text: str) -> list[Span]:
    """PER/ORG/LOC spans with natasha's normal form (and first/last name facts for PER)."""
    from natasha import Doc

    p = pipeline()
    doc = Doc(_cased_names(text))
    doc.segment(p["segmenter"])
    doc.tag_morph(p["morph"])
    # no syntax parse: names come from natasha's NamesExtractor, organisations from our own normaliser
    doc.tag_ner(p["ner"])
    out = []
    for s in doc.spans:
        s.normalize(p["morph_vocab"])
        first = last = middle = None
        if s.type == "PER":
            s.extract_fact(p["names"])
            if s.fact is not None:
                d = s.fact.as_dict
                first, last, middle = d.get("first"), d.get("last"), d.get("middle")
        span = Span(s.type, s.start, s.stop, text[s.start : s.stop], s.normal or s.text, first, last, middle)
        if s.type == "PER" and (role := ROLE_FIRST.match(s.text)) and len(s.text[role.end() :].split()) >= 2:
            # 'Вице-губернатора Сергея Цивилева': the post taken into the name; the name read again without it
            offset = s.start + role.end()
            out += [
                Span(x.type, x.start + offset, x.end + offset, x.text, x.normal, x.first, x.last, x.middle)
                for x in ner(text[offset : s.stop])
                if x.type == "PER" and x.start == 0
            ]
            continue
        out.append(_indeclinable_surname(_unglued(span)) if s.type == "PER" else span)
        if s.type == "PER" and "\n" in s.text:  # 'Рустам Мингазов\nВиталий Хоценко, губернатор …': a headline's
            # name run on into the next line's; the next line's name read on its own
            offset = s.start + s.text.index("\n") + 1
            line_end = text.find("\n", offset)
            line = text[offset : line_end if line_end != -1 else len(text)]
            out += [
                Span(x.type, x.start + offset, x.end + offset, x.text, x.normal, x.first, x.last, x.middle)
                for x in ner(line)
                if x.type == "PER" and x.start == 0 and " " in x.text.strip()  # a given name and a surname, not 'Жуков'
            ]
    return out


#: two words in capitals, perhaps a given name and a surname: 'ЮРИЙ МАМИН, ГЕНДИРЕКТОР …' (a caption)
CAPITALS_PAIR = re.compile(r"(?<![\w-])([А-ЯЁ]{3,})([ \u00a0]+)([А-ЯЁ]{3,}(?:-[А-ЯЁ]{3,})?)(?![\w-])")


def _cased_names(text: str) -> str:
    """The text with a given name and a surname in capitals written as a name ('ЮРИЙ МАМИН' -> 'Юрий Мамин'), for
    the name reader (every offset kept)."""

    def cased(m: re.Match[str]) -> str:
        first = m.group(1).capitalize()
        if not any("Name" in p.tag and p.tag.case == "nomn" for p in parse(first.lower())):
            return m.group()
        return f"{first}{m.group(2)}{m.group(3).capitalize()}"

    return CAPITALS_PAIR.sub(cased, text)


#: a post's word opening a name's span: 'Вице-губернатора Сергея Цивилева', 'Губернатор Иван Петров'
ROLE_FIRST = re.compile(
    r"(?:[Вв]ице-)?(?:[Гг]убернатор|[Мм]инистр|[Пп]ремьер|[Сс]пикер|[Мм]эр|[Дд]епутат|[Сс]енатор|[Зз]амминистра)"
    r"(?:-министр)?(?:а|у|ом|ем|е|ы)?\s+"
)
#: a surname in «-ых»/«-их» is the same in every case ('Ивана Черных', 'Юрию Белых'), never an adjective's plural
INDECLINABLE_SURNAME = re.compile(r"[А-ЯЁ][а-яё]+[ыи]х")


def _indeclinable_surname(sp: Span) -> Span:
    """'Ивана Черных': the surname as written, not the normaliser's plural adjective 'Черные'."""
    written = sp.text.split()[-1] if sp.text.split() else ""
    if not sp.last or sp.last == written or not INDECLINABLE_SURNAME.fullmatch(written):
        return sp
    if sp.last.lower()[:3] != written.lower()[:3]:
        return sp
    normal = " ".join([*sp.normal.split()[:-1], written])
    return Span(sp.type, sp.start, sp.end, sp.text, normal, sp.first, written, sp.middle)


#: a word glued to the next one's capital ('Иван КовалёвФото: …', 'промышленности31-07'): where the name ends
GLUE = re.compile(r"(?<=[а-яё])(?=[А-ЯЁA-Z\d])")


#: a patronymic glued to a lower-case word after it: 'Вячеслав Владимировичпредставитель'
GLUED_PATRONYMIC = re.compile(r"(?<=[А-ЯЁ][а-яё])[а-яё]*?(?:ович|евич|овна|евна|ична)(?=[а-яё]{4,})")


def _unglued(sp: Span) -> Span:
    """A name glued to the word after it (a photo credit, a date run on without a space, a name card's post) ends
    at the glue."""
    m = GLUE.search(sp.text)
    patronymic = GLUED_PATRONYMIC.search(sp.text) if m is None else None
    if patronymic is not None:
        head = sp.text[: patronymic.end()]
        first = sp.first if sp.first and sp.first in head else None
        return Span(sp.type, sp.start, sp.start + len(head), head, head, first, None, head.split()[-1])
    head = sp.text[: m.start()] if m else ""
    if not head.split():
        return sp
    normal = " ".join(sp.normal.split()[: len(head.split())])
    normal = normal[: g.start()] if (g := GLUE.search(normal)) else normal
    first, last, middle = (v if v and v in head else None for v in (sp.first, sp.last, sp.middle))
    if last is None and len(head.split()) > 1:
        last = head.split()[-1]
    return Span(sp.type, sp.start, sp.start + len(head), head, normal, first, last, middle)


@lru_cache(maxsize=50000)
def parse(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of one word (cached: the rules ask about the same words many times)."""
    return tuple(morph().parse(word))


@lru_cache(maxsize=20000)
def lemma(word: str) -> str:
    """Context-free lemma of one word (pymorphy3's first parse), lower case, ё -> е."""
    w = word.lower().replace("ё", "е")
    if not re.search(r"[а-я]", w):
        return w
    return parse(w)[0].normal_form.replace("ё", "е")


def words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Word tokens (letters/digits, with inner dots/hyphens) with absolute offsets."""
    return [(m.group(), m.start() + offset, m.end() + offset) for m in WORD.finditer(text)]


def lemma_key(text: str) -> tuple[str, ...]:
    """The lemmas of the words of ``text``; «им.» before a name is «имени» ('завод им. Горького'), not «они»."""
    return tuple("имя" if w == "им" and text[e : e + 1] == "." else lemma(w) for w, _, e in words(text))


@lru_cache(maxsize=8)
def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence [start, end) spans (razdel via natasha's segmenter), whitespace trimmed. A sentence
    never crosses a line break: a headline without a full stop is not the start of the lead."""
    from razdel import sentenize

    out, pos = [], 0
    for line in text.split("\n"):
        out += [(pos + s.start, pos + s.stop) for s in sentenize(line)]
        pos += len(line) + 1
    return tuple(out)


@lru_cache(maxsize=8)
def quote_regions(text: str, min_len: int = 60) -> tuple[tuple[int, int], ...]:
    """Spans inside «…» (outermost pair) long enough to be a quotation rather than a name."""
    regions, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0 and i - start >= min_len:
                regions.append((start, i))
    return tuple(regions)


def one_typo(a: str, b: str) -> bool:
    """``a`` is ``b`` with one letter dropped, added, changed or two neighbours swapped ('Манутров' for
    'Мантуров', 'Минэкономразвитя'), both at least seven letters long (short words differ by design)."""
    if a == b or min(len(a), len(b)) < 7 or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    return (
        a[i + 1 :] == b[i + 1 :]
        or a[i + 1 :] == b[i:]
        or a[i:] == b[i + 1 :]
        or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    )


#: Greek and Latin letters that look like Cyrillic ones, which a copy guard hides inside Russian words («дο», «Поисκ»)
HOMOGLYPHS = str.maketrans("οαεκρτχυΟΑΒΕΚΜΗΡΤΧaceopxyACEHKMOPTX", "оаекртхуОАВЕКМНРТХасеорхуАСЕНКМОРТХ")
CYRILLIC_WORD = re.compile(r"\w*[а-яё]\w*", re.IGNORECASE)
#: a capital Cyrillic «З» standing for the digit three: at a number's start, before its digits ('З50 млн', 'до З5 млн')
DIGIT_ZE = re.compile(r"(?<![^\W\d_])З(?=\d)|(?<=\d)З(?=\d)")


#: a name in English double quotes or in low-high ones, on one line: „…“, “…”
CURLY_PAIR = re.compile(r"„([^„“”«»\n]{1,120})“|“([^„“”«»\n]{1,120})”")


def read_quotes(text: str) -> str:
    """The text with each pair of curly quotes («“Сухой”», «„Иркут“») read as guillemets, one character for one (every
    offset the same, so a quote taken by offsets from the original text stays its substring)."""
    if "“" not in text and "„" not in text:
        return text
    return CURLY_PAIR.sub(lambda m: f"«{m.group(1) if m.group(1) is not None else m.group(2)}»", text)


def mixed_script(word: str) -> bool:
    """'Поисκ': a Cyrillic word with a Greek or Latin letter inside (a copy guard, page chrome)."""
    letters = [ch for ch in word if ch.isalpha()]
    cyrillic = sum(1 for ch in letters if "а" <= ch.lower() <= "я" or ch.lower() == "ё")
    return 0 < cyrillic < len(letters)


def fold_homoglyphs(text: str) -> str:
    """The text with the look-alike Greek and Latin letters inside Russian words read as the Cyrillic ones, letter
    for letter (every offset the same, so a quote taken by offsets from the original text stays its substring)."""
    if text.isascii() or not re.search(r"[α-ωΑ-Ω]|[а-яё][a-z]|[a-z][а-яё]|З\d", text, re.IGNORECASE):
        return text
    text = DIGIT_ZE.sub("3", text)  # 'превышает З50 млн': a Cyrillic «З» written for the digit
    return CYRILLIC_WORD.sub(lambda m: m.group().translate(HOMOGLYPHS), text)
