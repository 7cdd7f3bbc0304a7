"""Organisations: the gazetteer (alias table + organisations already in the store, matched by lemma
sequence), natasha's ORG spans with the noise filter and span repairs, regional party branches, class
from the head noun, and merging of short forms into the full name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from server.ingest import nlp
from server.ingest.aliases import ALIASES, Alias
from server.ingest.entities import Candidate, Mention, head_lemma, inflect_phrase
from server.ingest.translit import slugify, translit

PLACE_NOISE = {"рф", "россия", "российский", "федерация", "москва", "регион"}
HEAD_CLASSES = {
    "министерство": "Ministry", "комитет": "Committee", "комиссия": "Committee", "совет": "ExpertCouncil",
    "дума": "LegislativeBody", "собрание": "LegislativeBody", "ассоциация": "Association",
    "союз": "Association", "палата": "Association", "партия": "PoliticalParty", "отделение": "RegionalBranch",
    "правительство": "Organization", "фонд": "Organization", "агентство": "Organization",
    "служба": "Organization", "корпорация": "Organization", "институт": "Organization",
}
EXTENDABLE_HEADS = {"совет", "комитет", "комиссия", "фонд", "агентство", "департамент", "ассоциация", "союз"}


# -- the gazetteer: alias table + organisations already in the store ------------------------

@dataclass
class Entry:
    surface: str
    lemmas: tuple[str, ...]
    exact_case: bool
    alias: Alias | None = None
    iri: str | None = None
    label_ru: str = ""
    label_en: str = ""
    cls: str = "Organization"


def gazetteer(existing: list[dict[str, str]]) -> list[Entry]:
    entries: list[Entry] = []
    for a in ALIASES:
        for s in (a.ru, *a.alt_ru):
            entries.append(Entry(s, nlp.lemma_key(s), _is_abbrev(s), alias=a, label_ru=a.ru, label_en=a.en, cls=a.cls))
    for row in existing:
        s = row["label"]
        if nlp.lemma_key(s):
            entries.append(Entry(s, nlp.lemma_key(s), _is_abbrev(s), iri=row["iri"], label_ru=row.get("ru", s),
                                 label_en=row.get("en", ""), cls=row.get("cls", "Organization")))
    return entries


def _is_abbrev(s: str) -> bool:
    return any(len(w) > 1 and w.isupper() for w, _, _ in nlp.words(s))


def match_gazetteer(text: str, entries: list[Entry]) -> list[tuple[Entry, Mention]]:
    """Longest non-overlapping matches of entry lemma sequences over the text's words."""
    toks = nlp.words(text)
    lemmas = [nlp.lemma(w) for w, _, _ in toks]
    found: list[tuple[int, int, Entry]] = []
    by_first: dict[str, list[Entry]] = {}
    for e in entries:
        by_first.setdefault(e.lemmas[0], []).append(e)
    for i, lem in enumerate(lemmas):
        for e in by_first.get(lem, ()):
            n = len(e.lemmas)
            if tuple(lemmas[i: i + n]) != e.lemmas:
                continue
            if e.exact_case and any(w.isupper() and len(w) > 1 and t[0] != w
                                    for t, (w, _, _) in zip(toks[i: i + n], nlp.words(e.surface))):
                continue
            found.append((i, i + n, e))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: set[int] = set()
    out = []
    for i, j, e in found:
        if taken & set(range(i, j)):
            continue
        taken |= set(range(i, j))
        start, end = toks[i][1], toks[j - 1][2]
        if text[end: end + 1] == "»" and text[start - 1: start] == "«":
            start, end = start - 1, end + 1
        elif text[start:end].count("«") > text[start:end].count("»") and text[end: end + 1] == "»":
            end += 1
        out.append((e, Mention(start, end, text[start:end])))
    return sorted(out, key=lambda x: x[1].start)


# -- organisations -------------------------------------------------------------------------

BRANCH = re.compile(r"(регионально|местно|областно|городско)(?:го|е|му|м)\s+отделени[яеюи]\w*\s+(?:партии\s+)?«([^»]+)»",
                    re.IGNORECASE)
_STOP_EXTEND = {"при", "в", "на", "с", "и", "а", "для", "от", "к", "у", "о", "об", "за", "из"}


def _extend_org(text: str, start: int, end: int) -> int:
    """Extend 'Экспертного совета' over a following 'по …' complement up to punctuation/'при'."""
    if not text[end:].startswith(" по "):
        return end
    pos = end + 4
    last = end
    for m in re.finditer(r"\S+", text[pos:]):
        w = m.group()
        core = w.rstrip(",.;:»)")
        if core.lower() in _STOP_EXTEND:
            break
        parse = nlp.morph().parse(core)[0]
        if parse.tag.POS in ("VERB", "PRTS", "INFN", "GRND", "ADVB", "CONJ"):
            break
        last = pos + m.start() + len(core)
        if core != w:
            break
    return last


def _trim_org(text: str, start: int, end: int) -> int:
    """Drop trailing verbs/participles NER glued on ('Экспертный совет организован')."""
    toks = nlp.words(text[start:end], start)
    while len(toks) > 1 and nlp.morph().parse(toks[-1][0])[0].tag.POS in ("VERB", "PRTS", "INFN", "GRND", "ADVB"):
        toks.pop()
    return toks[-1][2] if toks else end


def is_noise(surface: str) -> bool:
    """NER noise: bare place tags ('РФ', 'России'), fragments without a noun, lower-case starts."""
    ws = nlp.words(surface)
    if not ws or not surface[:1].isupper():
        return True
    if all(nlp.lemma(w) in PLACE_NOISE for w, _, _ in ws):
        return True
    if len(ws) == 1 and ws[0][0].isupper() and len(ws[0][0]) > 1:
        return False  # an abbreviation
    return not any(nlp.morph().parse(w)[0].tag.POS == "NOUN" for w, _, _ in ws)


def org_class(label: str) -> str:
    first = nlp.words(label)[0][0].lower() if nlp.words(label) else ""
    if first.startswith("мин") and first not in ("министерство",) and nlp.morph().parse(first)[0].tag.POS != "NOUN":
        return "Ministry"
    head = head_lemma(label)
    if head == "совет" and "эксперт" not in label.lower():
        return "Organization"
    if head == "правительство" and not re.search(r"росси|РФ|федераци", label, re.IGNORECASE) and len(nlp.words(label)) > 1:
        return "RegionalGovernment"
    return HEAD_CLASSES.get(head, "Organization")


def extract_orgs(text: str, spans: list[nlp.Span], entries: list[Entry]) -> list[Candidate]:
    cands: dict[str, Candidate] = {}
    claimed: list[tuple[int, int]] = []

    def claim(s: int, e: int) -> None:
        claimed.append((s, e))

    def overlaps(s: int, e: int) -> bool:
        return any(s < ce and cs < e for cs, ce in claimed)

    # 1. regional branches of parties: «регионального отделения «Единой России»»
    branch_mentions = list(BRANCH.finditer(text))
    # 2. gazetteer (alias table, existing organisations)
    for e, men in match_gazetteer(text, entries):
        key = f"alias:{e.alias.slug}" if e.alias else f"iri:{e.iri}"
        c = cands.get(key)
        if c is None:
            a = e.alias
            c = Candidate("org", key, e.label_ru, e.label_en or translit(e.label_ru), e.cls,
                          a.slug if a else slugify(e.label_ru), iri=e.iri,
                          alt_ru=list(a.alt_ru) if a else [], alt_en=list(a.alt_en) if a else [],
                          lemmas=nlp.lemma_key(e.label_ru))
            cands[key] = c
        c.add(men)
        claim(men.start, men.end)
    # 3. NER organisations not covered by the gazetteer; a place right after an organisation is
    #    part of its name ('Правительства Удмуртской Республики', '… России'), never an entity
    locs = {sp.start: sp for sp in spans if sp.type == "LOC"}
    for sp in spans:
        if sp.type != "ORG":
            continue
        end = _trim_org(text, sp.start, sp.end)
        nxt = re.match(r"[ \u00a0]+", text[end:])
        if end == sp.end and nxt and end + nxt.end() in locs:
            end = locs[end + nxt.end()].end
        end = _extend_org(text, sp.start, end) if head_lemma(text[sp.start:end]) in EXTENDABLE_HEADS else end
        start = sp.start
        if text[start:end].count("«") > text[start:end].count("»") and text[end: end + 1] == "»":
            end += 1  # 'ООО «Ромашка' -> 'ООО «Ромашка»'
        if overlaps(start, end):
            continue
        surface = text[start:end]
        if is_noise(surface):
            continue
        label = inflect_phrase(surface, "nomn")
        lem = nlp.lemma_key(label)
        key = "ner:" + " ".join(lem)
        c = cands.get(key)
        if c is None:
            c = Candidate("org", key, label, translit(label), org_class(label), slugify(label), lemmas=lem)
            c.notes.append(("Новая организация из NER: проверить название, класс и английскую подпись (транслитерация).",
                            "New organisation from NER: check the name, class and English label (transliterated)."))
            cands[key] = c
        c.add(Mention(start, end, surface))
        claim(start, end)
    # 4. branches (after the party is known)
    for m in branch_mentions:
        party_surface = m.group(2)
        party = next((c for c in cands.values() if any(x.start >= m.start(2) - 1 and x.end <= m.end(2) + 1
                                                           for x in c.mentions)), None)
        party_label = party.label_ru if party else f"«{inflect_phrase(party_surface)}»"
        if party and not party_label.lower().startswith("партия"):
            party_label = f"партии {party_label}"
        elif party:
            party_label = inflect_phrase(party_label, "gent")
        label = f"Региональное отделение {party_label[0].lower() + party_label[1:]}"
        key = f"branch:{party.key if party else party_surface}"
        c = cands.get(key)
        if c is None:
            en_party = party.label_en if party else translit(party_surface)
            c = Candidate("org", key, label, f"Regional branch of the {en_party}", "RegionalBranch",
                          f"{party.slug if party else slugify(party_surface)}-regional-branch",
                          parent=party.key if party else None, lemmas=nlp.lemma_key(label))
            c.notes.append(("Регион отделения в тексте не назван — уточнить.", "The branch's region is not named — check."))
            cands[key] = c
        c.add(Mention(m.start(), m.end(), m.group()))
    _merge_prefixes(cands)
    return sorted(cands.values(), key=lambda c: c.mentions[0].start)


def _merge_prefixes(cands: dict[str, Candidate]) -> None:
    """'Экспертный совет' is the short form of 'Экспертный совет по развитию …' in the same article."""
    for key in list(cands):
        c = cands[key]
        if not key.startswith("ner:"):
            continue
        longer = [o for o in cands.values() if o is not c and len(o.lemmas) > len(c.lemmas)
                  and o.lemmas[: len(c.lemmas)] == c.lemmas]
        if len(longer) == 1:
            target = longer[0]
            for m in c.mentions:
                target.add(m)
            if c.label_ru not in target.alt_ru and c.label_ru != target.label_ru:
                target.alt_ru.append(c.label_ru)
            del cands[key]
