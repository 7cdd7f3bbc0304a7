"""Candidates (persons, organisations) and their mentions; nominative normalisation of noun phrases
(pymorphy3); persons from natasha's PER spans and names extractor. Organisations: ``orgs``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from server.ingest import nlp
from server.ingest.translit import slugify, translit


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Candidate:
    kind: str  # "person" | "org"
    key: str  # identity within one article
    label_ru: str
    label_en: str
    cls: str  # ontology class local name
    slug: str
    alt_ru: list[str] = field(default_factory=list)
    alt_en: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    iri: str | None = None  # set when linked to an existing resource
    notes: list[tuple[str, str]] = field(default_factory=list)  # (ru, en) reasons for review
    names: dict[str, str] = field(default_factory=dict)  # persons: first/last/middle (ru)
    parent: str | None = None  # key of the parent organisation (regional branches)
    lemmas: tuple[str, ...] = ()

    def add(self, m: Mention) -> None:
        if all((x.start, x.end) != (m.start, m.end) for x in self.mentions):
            self.mentions.append(m)
            self.mentions.sort(key=lambda x: x.start)

    def labels_ru(self) -> list[str]:
        return [self.label_ru, *self.alt_ru]


# -- morphology helpers --------------------------------------------------------------------


def _case_like(src: str, word: str) -> str:
    if src.isupper() and len(src) > 1:
        return word.upper()
    if src[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _noun_parse(word: str):
    for p in nlp.morph().parse(word):
        if p.tag.POS == "NOUN":
            return p
    return None


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
        p = _noun_parse(m.group())
        first = nlp.morph().parse(m.group())[0]
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
            for p in nlp.morph().parse(w):
                if p.tag.POS in ("ADJF", "PRTF"):
                    grams = {case, number} | ({hp.tag.gender} if number == "sing" and hp.tag.gender else set())
                    f = p.inflect(grams)
                    if f is not None:
                        repl = f.word
                        break
        out.append(text[last: m.start()])
        out.append(_case_like(w, repl))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def head_lemma(text: str) -> str:
    for w, _, _ in nlp.words(text):
        p = _noun_parse(w)
        if p is not None and nlp.morph().parse(w)[0].tag.POS == "NOUN":
            return p.normal_form
    return ""


# -- persons -------------------------------------------------------------------------------

def extract_persons(text: str, spans: list[nlp.Span]) -> list[Candidate]:
    persons: dict[str, Candidate] = {}
    surname_only: list[nlp.Span] = []
    for sp in spans:
        if sp.type != "PER":
            continue
        if not (sp.first and sp.last):
            surname_only.append(sp)
            continue
        first, last, middle = sp.first, sp.last, sp.middle
        key = f"{nlp.lemma(first)} {nlp.lemma(last)}"
        c = persons.get(key)
        if c is None:
            label = " ".join(x for x in (first, middle, last) if x)
            en = " ".join(translit(x) for x in (first, middle, last) if x)
            c = Candidate("person", key, label, en, "Person", slugify(f"{last} {first}"),
                          names={"first": first, "last": last, **({"middle": middle} if middle else {})})
            persons[key] = c
        c.add(Mention(sp.start, sp.end, sp.text))
    for sp in surname_only:
        lem = nlp.lemma(sp.last or sp.normal.split()[-1])
        match = [c for c in persons.values() if nlp.lemma(c.names["last"]) == lem]
        if len(match) == 1:
            match[0].add(Mention(sp.start, sp.end, sp.text))
        else:
            key = f"surname {lem}"
            c = persons.setdefault(key, Candidate("person", key, sp.normal, translit(sp.normal), "Person",
                                                  slugify(sp.normal), names={"last": sp.normal}))
            c.notes.append(("Только фамилия: уточнить имя.", "Surname only: check the given name."))
            c.add(Mention(sp.start, sp.end, sp.text))
    return sorted(persons.values(), key=lambda c: c.mentions[0].start)
