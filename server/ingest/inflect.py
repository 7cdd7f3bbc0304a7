"""Putting a Russian noun phrase in a case (pymorphy3 through ``nlp``): 'Экспертного совета по
развитию …' -> 'Экспертный совет по развитию …'. Used by every extractor that writes a label."""

from __future__ import annotations

import re

from server.ingest import nlp


def _case_like(src: str, word: str) -> str:
    if src.isupper() and len(src) > 1:
        return word.upper()
    parts, new = src.split("-"), word.split("-")
    if len(parts) > 1 and len(parts) == len(new):  # 'Санкт-Петербургского' -> 'Санкт-Петербургский'
        return "-".join(_case_like(a, b) for a, b in zip(parts, new, strict=True))
    if src[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def noun_parse(word: str):
    for p in nlp.parse(word):
        if p.tag.POS == "NOUN":
            return p
    return None


#: a place's adjective by its ending: 'Североуральском', 'Череповецкого'
PLACE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ым|ых)$")


def inflect_phrase(text: str, case: str = "nomn") -> str:
    """Put the head noun phrase (leading adjectives + first noun) in ``case``; keep the rest.
    'Экспертного совета по развитию …' -> 'Экспертный совет по развитию …'."""
    toks = list(re.finditer(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?", text))
    head = None
    for i, m in enumerate(toks):
        if text[: m.start()].count("«") > text[: m.start()].count("»"):
            break  # never inside a quoted name
        if m.group().isupper() and len(m.group()) > 1:
            break
        p = noun_parse(m.group())
        first = nlp.parse(m.group())[0]
        if i + 1 < len(toks) and PLACE_ADJECTIVE.search(m.group()):
            # 'Североуральском бокситовом руднике': a town's adjective before more words, not the town
            first = next((x for x in nlp.parse(m.group()) if x.tag.POS == "ADJF"), first)
        if p is not None and first.tag.POS in ("NOUN", None):
            head = (i, p)
            break
        if first.tag.POS not in ("ADJF", "PRTF"):
            break
    if head is None:
        return text
    hi, hp = head
    number = hp.tag.number or "sing"
    # prefer the noun parse whose case agrees with a preceding adjective, if any
    new_head = hp.inflect({case, number}) or hp.inflect({case})
    if new_head is None:
        return text
    out = []
    last = 0
    for i, m in enumerate(toks[: hi + 1]):
        w = m.group()
        if i == hi:
            repl = new_head.word
        else:
            repl = w.lower()
            for p in nlp.parse(w):
                if p.tag.POS in ("ADJF", "PRTF"):
                    grams = {case, number} | ({hp.tag.gender} if number == "sing" and hp.tag.gender else set())
                    f = p.inflect(grams)
                    if f is not None:
                        repl = _own_stem(w.lower(), f.word) if "Supr" in p.tag else f.word
                        break
        out.append(text[last : m.start()])
        out.append(_case_like(w, repl))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def _own_stem(word: str, form: str) -> str:
    """A superlative inflected on its own stem: the dictionary's lexeme of «высокий» gives «высшего» the nominative
    «высочайший»; the word's stem and the form's ending give «высший»."""
    stem = re.sub(r"(?:ого|его|ому|ему|ой|ей|ую|юю|ым|им|ом|ем|ых|их|ыми|ими|ая|яя|ое|ее|ые|ие|ый|ий)$", "", word)
    ending = re.search(r"(?:ого|его|ому|ему|ой|ей|ую|юю|ым|им|ом|ем|ых|их|ыми|ими|ая|яя|ое|ее|ые|ие|ый|ий)$", form)
    return form if form.startswith(stem) or ending is None or stem == word else stem + ending.group()
