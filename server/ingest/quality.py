"""Quality of ingestion on real news: a draft graph read back (``readback``) and compared with gold
facts written by readers who had not read the rules (tests/fixtures/news/README.md gives the gold's
shape).

Matching rules (the same for every set):

- Labels are compared in normal form: lower case, ё -> е, quotes and outer punctuation stripped,
  spaces collapsed; and in lemma form (pymorphy3 normal form of every word), so an inflected label
  still matches. The country at the end of a name («… РФ», «… России», «… Российской Федерации»)
  may be left out, and «Государственная Дума» is «Госдума»: one body's usual name forms, which the
  gold writers mix (added after the fifth held-out set, whose first figures are kept beside); so
  may the country after «президента» and a leading «федеральный» (added in the seventh pass). A draft entity matches a gold entity when one of its ru labels (rdfs:label,
  skos:altLabel, foaf:name) equals, in either form, the gold ``label``, one of its ``short`` forms or
  one of its ``surfaces``. Matching is one to one: a second draft entity matching the same gold
  entity is a duplicate, counted against precision. A person's patronymic may be left out («Ирина
  Геннадьевна Нагаева» is «Ирина Нагаева»: the gold format labels a person by first name and surname);
  a gold person named only in the byline or a photo credit (the author, the photographer) is left out
  of persons and posts, as the format of the later sets says (both added after the eleventh held-out
  set, whose first figures are kept beside).
- Posts: deduplicated on both sides by (person, role, organisation); a gold post without an
  organisation is the same post as one of the same person and role with it. A draft post matches when its
  holder matches the gold person (as above), the roles agree after canonicalisation (``ROLE_SYNONYMS``:
  «замминистра» = «заместитель министра», «глава правительства» = «премьер-министр»; «председатель»
  of a government = premier, «глава» of a ministry = its minister, the head of a commission, committee or
  council = its chair; «правительственная комиссия» is no government; «спикер» = «председатель»; «бывший X» = X;
  «пресс-секретарь президента», «представитель области при …» are the press secretary's, the representative's roles; when
  both give an organisation, the canonical head's role may come from either side's name of it: «глава Ростеха» is
  «руководитель Госкорпорации «Ростех»»; a gold role of two titles joined by a dash, «статс-секретарь — заместитель
  министра», is matched by either), and, when both give an organisation, the organisations match (as
  above, or the draft organisation is a body of the gold one: «Наблюдательный совет X» in X).
- Legal acts: by kind + number (number compared without «№» and spaces, lower case); the gold names
  an act once per mention, so numbered gold acts count once per kind + number. A gold act without a
  number matches a draft act of the same kind whose quote overlaps the gold surface.
  Acts minted twice (one kind + number, several IRIs) are counted.
- Money amounts: the distinct amounts of an article, by value + currency (+ value_max), on both
  sides: gold writers differ on whether a repeated amount («430 млн рублей» in the headline and
  twice in the body) is listed once or per mention, so a repeat neither earns nor costs anything.
  The qualifier is reported as agreement among matched amounts (a draft amount whose quote overlaps
  the gold surface preferred).
- Changes: the distinct changes of an article, by from/to/currency (a change said in the headline
  and again in the body is one, as above); a gold change without ``from`` matches any draft change
  with the same ``to`` and currency, and is the same change as a gold change with a ``from`` and that ``to``. A value
  written with its measure («5 лет», «17 тысяч тонн») is its number. Gold changes with no numeric value (a scope
  extension, a renaming, two measures: «6 месяцев» -> «1 год») cannot be matched by values: they are listed as
  qualitative and left out of P/R.
- Events: a draft event matches a gold event when its quote overlaps the gold surface or its label
  matches the gold label.
- Junk: a draft person or organisation that matches a gold ``not_entities`` string, or that matches
  no gold entity and whose every mention touches the dateline, a credit or a source line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypedDict

from server.ingest import money, nlp, regions
from server.ingest.aliases import ALIASES, by_slug
from server.ingest.inflect import inflect_phrase
from server.ingest.readback import Found, decimal

KINDS = ("persons", "organisations", "posts", "legal_acts", "money", "changes", "events")
STRUCTURE_FIELDS = ("headline", "lead", "dateline", "credits", "source_lines", "byline")

# -- reading a news item -------------------------------------------------------------------------


@dataclass
class Item:
    stem: str
    url: str | None
    outlet: str | None
    published: Date | None
    text: str  # the article after the header lines
    gold: dict[str, Any]


def read_item(txt: Path) -> Item:
    """A dev/held-out item: 'URL: …', 'Outlet: …', 'Published: …' lines, a blank line, the article."""
    raw = txt.read_text(encoding="utf-8")
    head, _, text = raw.partition("\n\n")
    meta = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head.splitlines())}
    try:
        published = Date.fromisoformat(meta.get("published", ""))
    except ValueError:
        published = None
    gold_path = txt.with_name(txt.stem + ".gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
    return Item(txt.stem, meta.get("url"), meta.get("outlet"), published, text, gold)


def items(folder: Path) -> list[Item]:
    return [read_item(p) for p in sorted(Path(folder).glob("*.txt"))]


# -- normal forms ---------------------------------------------------------------------------------

_QUOTES = re.compile(r"[«»\"'“”„]")


def norm(s: str) -> str:
    s = _QUOTES.sub("", s.lower().replace("ё", "е"))
    s = re.sub(r"\s+", " ", s)
    s = _SPELLED_OUT.sub("жкх", s)  # «жилищно-коммунального хозяйства» and «ЖКХ»: one field, spelled out or not
    return s.strip(" .,;:-–—()")


#: a field's name spelled out where the other label abbreviates it
_SPELLED_OUT = re.compile(r"жилищно-коммунальн\w+ хозяйств\w*")


_COUNTRY = re.compile(r"\s+(?:рф|россии|российской федерации)$")
_FEDERAL = re.compile(r"^федеральн\w+ (?=\S+ \S)")
#: a company's legal form before its name: «ОАО Роснефть» and «ПАО НК Роснефть» name one company, the form renamed in 2014
_LEGAL_FORM = re.compile(r"^(?:ооо|оао|зао|пао|нао|ао) (?=\S)")
_ENVOY_COUNTRY = re.compile(r"президента (?:рф|россии|российской федерации) ")
_DUMA = (
    ("государственной думы рф", "госдумы"),
    ("государственной думы российской федерации", "госдумы"),
    ("государственной думы", "госдумы"),
    ("государственная дума", "госдума"),
)


def forms(*labels: str, variants: bool = True) -> set[str]:
    """Normal and lemma forms of the labels; with ``variants``, also without the country at the end
    (or after «президента»), without a leading «федеральный» (the federal body said to be one) and
    with «Госдума» for «Государственная Дума» (a gold not-entity is matched without them)."""
    out = set()
    for label in labels:
        if not label:
            continue
        n = norm(label)
        if variants:
            for long, short in _DUMA:
                n = n.replace(long, short)
            n = _ENVOY_COUNTRY.sub("президента ", n)
        for v in ({n, _COUNTRY.sub("", n), _FEDERAL.sub("", n)} if variants else {n}) if n else set():
            out.add(v)
            out.add(" ".join(nlp.lemma(w) for w, _, _ in nlp.words(v)))
    return out


ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "premier": (
        "премьер-министр",
        "председатель правительства",
        "глава правительства",
        "глава кабмина",
        "глава кабинета министров",
        "премьер",
    ),
    "first-vice-premier": (
        "первый вице-премьер",
        "первый заместитель председателя правительства",
        "первый зампред правительства",
        "первый заместитель премьер-министра",
    ),
    "vice-premier": (
        "вице-премьер",
        "заместитель председателя правительства",
        "зампред правительства",
        "заместитель премьер-министра",
    ),
    "first-deputy-minister": ("первый заместитель министра", "первый замминистра"),
    "deputy-minister": ("заместитель министра", "замминистра"),
    "acting-minister": ("исполняющий обязанности министра", "врио министра", "и.о. министра"),
    "minister": ("министр", "глава министерства"),
    "acting-governor": ("временно исполняющий обязанности губернатора", "врио губернатора"),
    "first-deputy-governor": ("первый заместитель губернатора", "первый замгубернатора", "первый вице-губернатор"),
    "envoy": ("полномочный представитель президента", "полпред"),
    "deputy-governor": ("заместитель губернатора", "вице-губернатор", "заместитель главы региона", "замглавы региона"),
    "governor": ("губернатор", "глава региона", "глава края", "глава области", "раис"),
    "director-general": ("генеральный директор", "гендиректор"),
    "first-deputy-chair": ("первый заместитель председателя", "первый зампред", "первый вице-спикер"),
    "deputy-chair": ("заместитель председателя", "зампред", "вице-спикер"),
    "chair": ("председатель", "глава комитета", "спикер"),
    "deputy-director": ("заместитель директора", "заместитель генерального директора"),
    "director": ("директор",),
    "head": ("руководитель", "глава"),
    "senator": ("сенатор",),  # «член Совета Федерации» is a member, as the text words it (the drafts' word too)
    "first-deputy-mayor": ("первый вице-мэр", "первый заместитель мэра"),
    "deputy-mayor": ("вице-мэр", "заместитель мэра"),
    "mayor": ("мэр", "глава города", "градоначальник"),
    "commissioner": ("уполномоченный",),
    "first-deputy-chief": ("первый заместитель начальника",),
    "first-deputy-director": (
        "первый заместитель генерального директора",
        "первый заместитель директора",
        "первый заместитель гендиректора",
        "первый замгендиректора",
    ),
    "first-deputy-head": ("первый заместитель руководителя", "первый замглавы", "первый заместитель главы"),
    "deputy-chief": ("заместитель начальника", "замначальника"),
    "chief": ("начальник",),
    "deputy-head": ("заместитель руководителя", "замглавы", "заместитель главы", "замруководителя"),
    "deputy": ("депутат", "парламентарий"),
    "president": ("президент", "глава государства", "глава российского государства"),
    "presidential-aide": ("помощник президента",),
    "presidential-adviser": ("советник президента",),
    "governor-adviser": ("советник губернатора",),
    "press-secretary": ("пресс-секретарь",),
    "secretary": ("секретарь",),
    "secretary-general": ("генеральный секретарь", "генсек"),
    "representative": ("представитель", "полномочный представитель", "постоянный представитель"),
    "member": ("член",),
    "prosecutor": ("прокурор", "главный военный прокурор", "генеральный прокурор", "генпрокурор"),
    "chief-architect": ("главный архитектор",),
    "deputy-commander": ("заместитель командующего", "заместитель главнокомандующего", "замкомандующего"),
    "commander": ("командующий", "главнокомандующий", "главком"),
    "general-designer": ("генеральный конструктор", "генконструктор"),
    "owner": ("владелец", "совладелец"),
}
#: the ways of writing that a post is held as acting, read as one («врио заместителя губернатора»)
#: a role written as one held before: «бывший руководитель», «экс-министр»
_FORMER = re.compile(r"^(?:бывш\S*\s+|экс-\s?)")
_ACTING = re.compile(r"^(?:временно\s+)?(?:исполняющ\S*\s+обязанности|и\.\s?о\.|врио)\s+")
_ROLE_PHRASES = sorted(((norm(p), k) for k, ps in ROLE_SYNONYMS.items() for p in ps), key=lambda x: -len(x[0]))
_GOVERNMENT_ROLES = {"chair": "premier", "deputy-chair": "vice-premier", "first-deputy-chair": "first-vice-premier"}
#: the country's government by a label: its head is the premier («глава (Правительство РФ)»); a region's government
#: has its own usage (the head of a republic heads its government)
_COUNTRYS_GOVERNMENT = re.compile(r"правительств\S* (?:рф|россии|российской федерации)|правительство")


#: a region's name as an organisation's label: 'Самарская область', 'Приморский край', 'Ханты-Мансийский автономный округ'
_REGION_LABEL = re.compile(r"\S+ (?:област\S*|кра[йяю]|автономн\S+ округ\S*(?: [—–-] \S+)?)")  # '… округ — Югра'
#: a republic's name as an organisation's label: 'Республика Саха (Якутия)', 'Чувашская Республика'
_REPUBLIC_LABEL = re.compile(r"республик\S* \S.*|\S+ (?:народн\S+ )?республик\S*")


def _of_regions(org_labels: Iterable[str]) -> bool:
    """Are there labels, and is every one a region's name?"""
    labels = [norm(o) for o in org_labels]
    return bool(labels) and all(_REGION_LABEL.fullmatch(o) for o in labels)


def canonical_role(role: str | None, org_labels: Iterable[str] = ()) -> str | None:
    """The role's canonical key: the longest known role phrase the role starts with; a chair (or
    deputy chair) of a government is the (vice-)premier."""
    if not role:
        return None
    r = _FORMER.sub("", norm(role))  # «бывший руководитель», «экс-министр»: the role once held
    r = _ACTING.sub("врио ", r)  # «временно исполняющий обязанности X», «и.о. X», «врио X»: one way
    key = next((k for p, k in _ROLE_PHRASES if r == p or r.startswith(p + " ")), r)
    if key in _GOVERNMENT_ROLES and any(
        re.match(r"(?:правительств[оау]|правительством|правительстве|кабмин)\b", norm(o)) for o in org_labels
    ):  # not «правительственная комиссия», a body of the government with its own chair
        key = _GOVERNMENT_ROLES[key]
    if key == "head" and any(_COUNTRYS_GOVERNMENT.fullmatch(norm(o)) for o in org_labels):
        key = "premier"
    if key in ("временно исполняющий обязанности главы", "врио главы") and any(
        re.search(r"республик|област|(?:^|\s)кра[йяю]|автономн\S* округ", norm(o)) for o in org_labels
    ):
        key = "acting-governor"  # the acting head of a region is its acting governor («глава края» = губернатор), not
        # of a town's okrug («Краснокамского округа»)
    if key == r and r.startswith("врио "):  # «врио заместителя председателя»: acting in the role X names
        inner = canonical_role(inflect_phrase(r.removeprefix("врио "), "nomn"), org_labels)
        if inner in ROLE_SYNONYMS or inner in _GOVERNMENT_ROLES.values():
            return f"acting-{inner}"
    if key == "head" and _of_regions(org_labels):
        key = "governor"  # «глава (администрации) области» is its governor, as the draft names the post
    if key == "head" and any(_REPUBLIC_LABEL.fullmatch(norm(o)) for o in org_labels):
        key = "governor"  # «глава республики», «руководитель» of a republic: its head, as «глава региона» names it
    if key in ("deputy-head", "first-deputy-head") and (
        _of_regions(org_labels) or any(_REPUBLIC_LABEL.fullmatch(norm(o)) for o in org_labels)
    ):
        key = key.replace("head", "governor")  # «заместитель главы края» is a deputy governor
    if key == "head" and any(norm(o).startswith("мин") for o in org_labels):
        key = "minister"  # «глава Минпромторга» is its minister
    if key == "deputy-head" and any(norm(o).startswith("мин") for o in org_labels):
        key = "deputy-minister"  # «заместитель главы Минпромторга» is a deputy minister
    if key == "head" and any(re.match(r"гос(?:ударственн\S* )?корпораци", norm(o)) for o in org_labels):
        key = "director-general"  # «глава Госкорпорации Ростех» is its director general
    if key == "head" and any(
        re.search(r"(?:^|\s)(?:под)?комисси|(?:^|\s)комитет|(?:^|\s)совет", norm(o)) for o in org_labels
    ):
        key = "chair"  # the head of a commission, committee or council is its chair
    return key


ACT_KINDS = (
    ("федеральн", "федеральный закон"),
    ("постановлен", "постановление"),
    ("распоряжен", "распоряжение"),
    ("указ", "указ"),
    ("приказ", "приказ"),
    ("законопроект", "законопроект"),
    ("закон", "закон"),
)


def canonical_act_kind(kind: str | None) -> str | None:
    """The kind's canonical name; a law and a federal law are one kind (the text often says «закон»
    of a federal law)."""
    if not kind:
        return None
    k = norm(kind)
    if re.search(r"(?:^|\s)проект\S*\s+(?:\S+\s+)?закон|(?:^|\s)закон\S*\s+\(проект", k):
        return "законопроект"  # «проект (федерального) закона», «федеральный закон (проект)»: a bill, as the draft's
    for prefix, name in ACT_KINDS:
        if k.startswith(prefix) or f" {prefix}" in f" {k}":
            return "закон" if name == "федеральный закон" else name
    return k


def act_number(number: str | None) -> str | None:
    if not number:
        return None
    n = re.sub(r"[\s№]", "", number).lower().replace("–", "-").replace("—", "-")
    law = re.fullmatch(r"фз-(\d+)", n)  # 'ФЗ-44', as the trade press writes it: the law 44-ФЗ
    return f"{law.group(1)}-фз" if law else n or None


QUALIFIERS = {
    "более": "more",
    "свыше": "more",
    "больше": "more",
    "не менее": "at-least",
    "не меньше": "at-least",
    "менее": "less",
    "меньше": "less",
    "около": "about",
    "порядка": "about",
    "примерно": "about",
    "почти": "about",
    "приблизительно": "about",
    "до": "up-to",
    "не более": "up-to",
    "от": "from",
    "range": "range",
    "диапазон": "range",
}


def canonical_qualifier(q: str | None) -> str | None:
    return QUALIFIERS.get(norm(q), norm(q)) if q else None


# -- comparing ------------------------------------------------------------------------------------


def occurrences(text: str, surface: str | None) -> list[tuple[int, int]]:
    if not surface:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]


def line_occurrences(text: str, line: str | None) -> list[tuple[int, int]]:
    """Where ``line`` stands as a whole line of the text (a credit «Дмитрий Медведев» is not the name in
    the body); where it stands at all if never alone on a line."""
    if not line or not line.strip():
        return []
    pattern = rf"(?m)^[ \t]*{re.escape(line.strip())}[ \t]*$"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)] or occurrences(text, line)


def overlaps(spans: Iterable[tuple[int, int, str]], where: Iterable[tuple[int, int]]) -> bool:
    where = list(where)
    return any(s < we and ws < e for s, e, _ in spans for ws, we in where)


@dataclass
class Score:
    draft: int = 0
    gold: int = 0
    tp_draft: int = 0
    tp_gold: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Score, prefix: str = "") -> None:
        self.draft += other.draft
        self.gold += other.gold
        self.tp_draft += other.tp_draft
        self.tp_gold += other.tp_gold
        self.missed += [prefix + m for m in other.missed]
        self.spurious += [prefix + s for s in other.spurious]

    @property
    def precision(self) -> float:
        return round(self.tp_draft / self.draft, 3) if self.draft else 1.0

    @property
    def recall(self) -> float:
        return round(self.tp_gold / self.gold, 3) if self.gold else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "draft": self.draft,
            "gold": self.gold,
            "matched_draft": self.tp_draft,
            "matched_gold": self.tp_gold,
            "precision": self.precision,
            "recall": self.recall,
            "missed": self.missed,
            "spurious": self.spurious,
        }


def assign(
    draft: list[Any], gold: list[Any], match, *, prefer=None, describe_d=str, describe_g=str
) -> tuple[Score, dict[int, Any]]:
    """One-to-one greedy assignment: each draft item takes the first free gold item it matches
    (one preferred by ``prefer`` first); a draft item whose matches are all taken is a duplicate."""
    score = Score(draft=len(draft), gold=len(gold))
    taken: dict[int, Any] = {}
    pairs: dict[int, Any] = {}
    for d in draft:
        cands = [i for i, g in enumerate(gold) if match(d, g)]
        if prefer is not None:
            cands.sort(key=lambda i: not prefer(d, gold[i]))
        free = [i for i in cands if i not in taken]
        if free:
            taken[free[0]] = d
            pairs[id(d)] = gold[free[0]]
            score.tp_draft += 1
        elif cands:
            score.spurious.append(f"{describe_d(d)} (duplicate of {describe_g(gold[cands[0]])})")
        else:
            score.spurious.append(describe_d(d))
    score.tp_gold = len(taken)
    score.missed = [describe_g(g) for i, g in enumerate(gold) if i not in taken]
    return score, pairs


def _gold_entity_forms(e: dict[str, Any]) -> set[str]:
    return company_forms(e["label"], *e.get("short", []), *e.get("surfaces", []))


def company_forms(*labels: str) -> set[str]:
    """``forms`` of organisations' labels, also without a company's legal form before its name: «ОАО "Роснефть"» and
    «ПАО «НК «Роснефть»» name one company, its form renamed in 2014 (not for gold not-entities, matched as written)."""
    out = forms(*labels)
    return out | {v for f in list(out) if (v := _LEGAL_FORM.sub("", f)) != f}


_PATRONYMIC = re.compile(r"[а-я]+(?:вич|вна|ична|инична|чна|ич)$")


def person_forms(*labels: str) -> set[str]:
    """``forms`` of a person's labels, also without a patronymic between first name and surname."""
    short = []
    for label in labels:
        words = norm(label or "").split()
        if len(words) == 3 and _PATRONYMIC.fullmatch(words[1]):
            short.append(f"{words[0]} {words[2]}")
    return forms(*labels, *short)


def _byline_only(person: dict[str, Any], gold: dict[str, Any], text: str) -> bool:
    """The gold person is named only within the byline or photo credits."""
    s = gold.get("structure") or {}
    where = [span for line in (s.get("byline"), *(s.get("credits") or [])) for span in line_occurrences(text, line)]
    spans = [span for surface in person.get("surfaces") or [person["label"]] for span in occurrences(text, surface)]
    return bool(where and spans) and all(any(ws <= a and b <= we for ws, we in where) for a, b in spans)


def _org_matches(draft_labels: list[str], gold_forms: set[str]) -> bool:
    d = forms(*draft_labels)
    if d & gold_forms:
        return True
    # a body of the gold organisation: 'наблюдательный совет X' for X
    if any(f.endswith(" " + g) for f in d for g in gold_forms if len(g.split()) > 1 or len(g) > 3):
        return True
    return _regions_body(d, gold_forms)


def _regions_body(d: set[str], gold_forms: set[str]) -> bool:
    """A region's body the gold names without its region ('министерство энергетики и жкх' in an article on one
    region), unless that name without a region is a federal body's."""
    return not gold_forms & _FEDERAL_NAMES and any(
        f.startswith(g + " ") and _REGIONAL_BODY.match(g) and _is_region(f[len(g) + 1 :]) for f in d for g in gold_forms
    )


#: the kinds of body a region has under the same names as the federal ones
_REGIONAL_BODY = re.compile(r"(?:министерств|департамент|комитет|управлени|агентств|инспекци)\S*\s+\S+\s+\S")
#: the alias table's names of bodies, in normal form: a gold name that is one is the federal body's, not a region's
_FEDERAL_NAMES = {norm(n) for a in ALIASES for n in (a.ru, *a.alt_ru)}


def _is_region(words: str) -> bool:
    """Do the words name a region, whole ('свердловской области')?"""
    written = " ".join(
        w if re.match(r"(?:област|кра[яю]|округ|автономн)", w) else w.capitalize() for w in words.split()
    )
    found = regions.find(written)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(written) and not found[0].is_city


def _org_match(d: Found, g: dict[str, Any]) -> bool:
    """A drafted organisation is the gold one: a name in common (a company's also without its legal form), or a
    region's body named with its region ('Департамент … Курганской области' for 'Департамент …')."""
    return bool(company_forms(*d.labels, *_alias_names(d.iri)) & g["_forms"]) or _regions_body(
        forms(*d.labels), g["_forms"]
    )


def _alias_names(iri: str) -> tuple[str, ...]:
    """The alias table's names of an organisation the draft linked to (the store keeps fewer labels: «ЕР» is
    «Партия «Единая Россия»» too)."""
    alias = by_slug(iri.rsplit("/", 1)[-1]) if "/org/" in iri else None
    return (alias.ru, *alias.alt_ru) if alias else ()


#: a gold organisation that manages a park, named by the park's name: a company of its own
MANAGING_COMPANY = re.compile(r"(?i)(?:управляющ\S*\s+компани|УК\s)")


def compare_item(item: Item, found: dict[str, Any]) -> dict[str, Any]:
    gold, text = item.gold, item.text
    out: dict[str, Any] = {}
    authors = {e["label"] for e in gold.get("persons", []) if _byline_only(e, gold, text)}
    gp = [
        dict(e, _forms=person_forms(e["label"], *e.get("short", []), *e.get("surfaces", [])))
        for e in gold.get("persons", [])
        if e["label"] not in authors
    ]
    go = [dict(e, _forms=_gold_entity_forms(e)) for e in gold.get("organisations", [])]
    # a named park is a site of its own kind in the draft (pkg:IndustrialSite), which writers list as an
    # organisation or as a not-entity about equally often: one the draft found counts in neither direction
    parks = found.get("sites", [])
    # unless the draft names it as an organisation too, by the same name ('управляющая компания «… парк»' beside the
    # park)
    out["sites_set_apart"] = [
        e["label"]
        for e in go
        if any(forms(*p.labels) & e["_forms"] for p in parks)
        and not MANAGING_COMPANY.match(e["label"])  # a park's managing company is a company, not the park
        and not any(forms(*d.labels) & e["_forms"] for d in found["organisations"])
    ]
    go = [e for e in go if e["label"] not in out["sites_set_apart"]]
    out["persons"], person_pairs = assign(
        found["persons"],
        gp,
        lambda d, g: bool(person_forms(*d.labels) & g["_forms"]),
        describe_d=lambda d: d.label,
        describe_g=lambda g: g["label"],
    )
    out["organisations"], org_pairs = assign(
        found["organisations"],
        go,
        _org_match,
        prefer=lambda d, g: bool(forms(*d.labels) & g["_forms"]),  # its own name before one without a legal form
        describe_d=lambda d: d.label,
        describe_g=lambda g: g["label"],
    )
    gold_posts = [p for p in gold.get("posts", []) if p["person"] not in authors]
    out["posts"] = _compare_posts(found["posts"], gold_posts, gp, go)
    out["legal_acts"], out["acts_minted_twice"] = _compare_acts(found["legal_acts"], gold.get("legal_acts", []), text)
    out["money"], qualifier = _compare_money(found["money"], gold.get("money", []), text)
    out["money_details"] = qualifier
    out["changes"], out["qualitative_changes"] = compare_changes(found["changes"], gold.get("changes", []))
    out["events"] = _compare_events(found["events"], gold.get("events", []), text)
    out["junk"] = _junk(found, gold, text, person_pairs, org_pairs)
    out["structure"] = _compare_structure(found["structure"], gold.get("structure", {}))
    return out


def _compare_posts(found: list[Found], gold_posts: list[dict], gp: list[dict], go: list[dict]) -> Score:
    def gold_key(p: dict) -> tuple:
        return (
            norm(p["person"]),
            canonical_role(p.get("role"), [p.get("organisation") or ""]),
            norm(p.get("organisation") or ""),
        )

    gold = list({gold_key(p): p for p in gold_posts}.values())
    with_org = {k[:2] for k in map(gold_key, gold) if k[2]}
    gold = [p for p in gold if gold_key(p)[2] or gold_key(p)[:2] not in with_org]  # the same post, once named
    holder_forms = {norm(e["label"]): e["_forms"] for e in gp}
    org_forms = {norm(e["label"]): e["_forms"] for e in go}
    seen: dict[tuple, Found] = {}
    for d in found:
        key = (d.data["person"], canonical_role(d.data["role"], d.data["org_labels"]), d.data["org"])
        seen.setdefault(key, d)
    draft = list(seen.values())

    def match(d: Found, g: dict) -> bool:
        pf = holder_forms.get(norm(g["person"]), person_forms(g["person"]))
        if not person_forms(*d.data["person_labels"]) & pf:
            return False
        g_org = g.get("organisation") or ""
        # one post with two titles, «статс-секретарь — заместитель министра»: either title is the post
        g_roles = dict.fromkeys([g.get("role"), *re.split(r"\s+[-–—]\s+", g.get("role") or "")])
        both = [*d.data["org_labels"], g_org]
        d_role = canonical_role(d.data["role"], d.data["org_labels"])
        same_role = any(
            d_role == canonical_role(r, [g_org])
            # one body, two names: «глава Ростеха» is «руководитель Госкорпорации «Ростех»»
            or (
                bool(g_org and d.data["org_labels"]) and canonical_role(d.data["role"], both) == canonical_role(r, both)
            )
            for r in g_roles
        )
        if not same_role:
            return False
        if g_org and d.data["org_labels"]:
            return _org_matches(d.data["org_labels"], org_forms.get(norm(g_org), forms(g_org))) or (
                d_role in _REGION_CABINET_ROLES and _regions_cabinet(d.data["org_labels"], g_org)
            )
        return True

    score, _ = assign(
        draft,
        gold,
        match,
        describe_d=lambda d: (
            f"{(d.data['person_labels'] or ['?'])[0]} — {d.data['role']} ({(d.data['org_labels'] or ['—'])[0]})"
        ),
        describe_g=lambda g: f"{g['person']} — {g.get('role')} ({g.get('organisation') or '—'})",
    )
    return score


#: a government's posts: one placed in a region is the post in that region's government
_REGION_CABINET_ROLES = {"premier", "vice-premier", "first-vice-premier"}


def _regions_cabinet(labels: list[str], gold_org: str) -> bool:
    """«вице-премьер (Воронежская область)» is «вице-премьер (Правительство Воронежской области)»: the draft places a
    government's post in the region, the gold in the region's government."""
    return any(
        _is_region(norm(label)) and norm(gold_org) == norm(f"Правительство {regions.genitive(label)}")
        for label in labels
    )


def _compare_acts(found: list[Found], gold: list[dict], text: str) -> tuple[Score, list[str]]:
    def key(d: Found) -> tuple:
        return canonical_act_kind(d.data["kind"]), act_number(d.data["number"])

    by_key: dict[tuple, list[str]] = {}
    for d in found:
        if key(d)[1]:
            by_key.setdefault(key(d), []).append(d.iri)
    twice = [f"{k[0]} {k[1]}: {', '.join(v)}" for k, v in by_key.items() if len(v) > 1]

    def match(d: Found, g: dict) -> bool:
        if canonical_act_kind(g.get("kind")) != key(d)[0]:
            return False
        if g.get("number"):
            return act_number(g["number"]) == key(d)[1]
        return overlaps(d.spans, occurrences(text, g.get("surface")))

    numbered = {(canonical_act_kind(g.get("kind")), act_number(g["number"])): g for g in gold if g.get("number")}
    gold = list(numbered.values()) + [g for g in gold if not g.get("number")]
    score, _ = assign(
        found,
        gold,
        match,
        describe_d=lambda d: f"{d.data['kind']} {d.data['number'] or '(no number)'}",
        describe_g=lambda g: f"{g.get('kind')} {g.get('number') or '(no number)'} «{g.get('surface')}»",
    )
    return score, twice


def _money_key(value: Any, value_max: Any, currency: Any) -> tuple:
    return decimal(value), decimal(value_max), (currency or None)


class MoneyDetails(TypedDict):
    """How the matched money amounts agree with the gold beyond their value."""

    matched: int
    qualifier_agrees: int
    with_measures: int
    with_belongs_to: int
    qualifier_disagrees: list[str]


MONEY_COUNTS: tuple[Literal["matched", "qualifier_agrees", "with_measures", "with_belongs_to"], ...] = (
    "matched",
    "qualifier_agrees",
    "with_measures",
    "with_belongs_to",
)


def distinct(items: list[Any], key, prefer=lambda x: False) -> list[Any]:
    """The first item of each key, one that ``prefer`` picks first."""
    out: dict[Any, Any] = {}
    for x in sorted(items, key=lambda x: not prefer(x)):
        out.setdefault(key(x), x)
    return [x for x in items if out.get(key(x)) is x]


def _compare_money(found: list[Found], gold: list[dict], text: str) -> tuple[Score, MoneyDetails]:
    def dkey(d: Found) -> tuple:
        return _money_key(d.data["value"], d.data["value_max"], d.data["currency"])

    def gkey(g: dict) -> tuple:
        return _money_key(g.get("value"), g.get("value_max"), g.get("currency"))

    def match(d: Found, g: dict) -> bool:
        return dkey(d) == gkey(g)

    gold_spans = [o for g in gold for o in occurrences(text, g.get("surface"))]
    gold = distinct(gold, gkey)
    found = distinct(found, dkey, prefer=lambda d: overlaps(d.spans, gold_spans))

    score, pairs = assign(
        found,
        gold,
        match,
        prefer=lambda d, g: overlaps(d.spans, occurrences(text, g.get("surface"))),
        describe_d=lambda d: f"{d.data['value']} {d.data['currency']} «{d.spans[0][2] if d.spans else ''}»",
        describe_g=lambda g: f"{g.get('value')} {g.get('currency')} «{g.get('surface')}»",
    )
    matched = [(d, pairs[id(d)]) for d in found if id(d) in pairs]
    same_q = sum(
        canonical_qualifier(d.data["qualifier"]) == canonical_qualifier(g.get("qualifier")) for d, g in matched
    )
    return score, {
        "matched": len(matched),
        "qualifier_agrees": same_q,
        "with_measures": sum(bool(d.data["measures"]) for d, _ in matched),
        "with_belongs_to": sum(bool(d.data["belongs_to"]) for d, _ in matched),
        "qualifier_disagrees": [
            f"{g.get('surface')}: draft {d.data['qualifier']!r}, gold {g.get('qualifier')!r}"
            for d, g in matched
            if canonical_qualifier(d.data["qualifier"]) != canonical_qualifier(g.get("qualifier"))
        ],
    }


#: a gold change's value written with its measure: «5 лет», «18 месяцев», «17 тысяч тонн», «2 млн т»
MEASURED_VALUE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<mult>тысяч[аи]?|тыс\.|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?)?\s*"
    r"(?P<measure>лет|года?|месяц(?:а|ев)?|дн(?:я|ей)|день|недел[иья]|раз(?:а)?|тонн[ау]?|т\.?|человек|шт\.?|единиц)"
)
#: the measures MEASURED_VALUE reads, by their words' stems: «лет» and «года» are one measure
MEASURES = {"лет": "год", "год": "год", "мес": "месяц", "дн": "день", "ден": "день", "нед": "неделя", "тон": "т"}


def _measure(v: Any) -> str | None:
    """The measure a gold value is written with («5 лет»: years), or None."""
    m = MEASURED_VALUE.fullmatch(v.strip()) if isinstance(v, str) else None
    if m is None:
        return None
    word = m.group("measure").lower().rstrip(".")
    return next((unit for stem, unit in MEASURES.items() if word.startswith(stem)), word)


def change_value(v: Any) -> Decimal | None:
    """A gold change's value; «50%» (a percentage, unsigned) is the value 50 in percent («+40%» is a rise, not
    a value); «5 лет», «17 тысяч тонн» are the values 5 and 17000 in their measure (a date, a range or a word is
    none)."""
    if isinstance(v, str) and re.fullmatch(r"\d+(?:[.,]\d+)?\s*%", v.strip()):
        v = v.strip().rstrip("%")
    measured = MEASURED_VALUE.fullmatch(v.strip()) if isinstance(v, str) else None
    if measured is not None:
        return money.value(measured.group("num"), measured.group("mult")).normalize()
    return decimal(v)


def gold_change_values(g: dict) -> tuple[Any, Any]:
    """A gold change's old and new values as numbers where they are numbers; «с шести месяцев до года» written «6
    месяцев» -> «1 год» is in two measures, no pair of numbers to compare, and stays as written."""
    old, new = g.get("from"), g.get("to")
    measures = (_measure(old), _measure(new))
    if None not in measures and measures[0] != measures[1]:
        return old, new
    return change_value(old), change_value(new)


def compare_changes(found: list[Found], gold: list[dict]) -> tuple[Score, list[str]]:
    gold = [dict(g, **dict(zip(("from", "to"), gold_change_values(g), strict=True))) for g in gold]
    numeric = [g for g in gold if decimal(g.get("from")) is not None or decimal(g.get("to")) is not None]
    qualitative = [f"{g.get('parameter')} «{g.get('surface')}»" for g in gold if g not in numeric]
    numeric = distinct(numeric, lambda g: (decimal(g.get("from")), decimal(g.get("to")), g.get("currency") or None))
    found = distinct(found, lambda d: (d.data["from"], d.data["to"], d.data["currency"] or None))

    def match(d: Found, g: dict) -> bool:
        if d.data["to"] != decimal(g.get("to")) or (d.data["currency"] or None) != (g.get("currency") or None):
            return False
        return decimal(g.get("from")) is None or d.data["from"] == decimal(g.get("from"))

    def describe_g(g: dict) -> str:
        return f"{g.get('from')} → {g.get('to')} {g.get('currency')} «{g.get('surface')}»"

    score, pairs = assign(
        found,
        numeric,
        match,
        # a draft change with its old value takes the gold change with that old value before one without any
        prefer=lambda d, g: d.data["from"] is not None and d.data["from"] == decimal(g.get("from")),
        describe_d=lambda d: f"{d.data['from']} → {d.data['to']} {d.data['currency']}",
        describe_g=describe_g,
    )
    # 'вырасти в четыре раза — до 2 млрд' beside 'с 500 млн до 2 млрд': a gold change without its old value is the
    # same change as a matched one with it, found by the draft change that matched that one
    fuller = {
        (decimal(g.get("to")), g.get("currency") or None) for g in pairs.values() if decimal(g.get("from")) is not None
    }
    for g in numeric:
        key = (decimal(g.get("to")), g.get("currency") or None)
        if decimal(g.get("from")) is None and key in fuller and describe_g(g) in score.missed:
            score.missed.remove(describe_g(g))
            score.tp_gold += 1
    return score, qualitative


def _compare_events(found: list[Found], gold: list[dict], text: str) -> Score:
    def match(d: Found, g: dict) -> bool:
        return overlaps(d.spans, occurrences(text, g.get("surface"))) or bool(
            forms(*d.labels) & forms(g.get("label", ""))
        )

    score, _ = assign(
        found, gold, match, describe_d=lambda d: d.label, describe_g=lambda g: f"{g.get('label')} «{g.get('surface')}»"
    )
    return score


def _structure_spans(gold: dict[str, Any], text: str) -> list[tuple[int, int]]:
    s = gold.get("structure") or {}
    lines = [*(s.get("credits") or []), *(s.get("source_lines") or [])]
    dateline = occurrences(text, (s.get("dateline") or {}).get("surface"))  # the start of the body's first line
    return dateline + [span for line in lines for span in line_occurrences(text, line)]


def _junk(found: dict[str, Any], gold: dict[str, Any], text: str, person_pairs: dict, org_pairs: dict) -> list[str]:
    bad = forms(*gold.get("not_entities", []), variants=False)
    where = _structure_spans(gold, text)
    out = []
    for kind, pairs in (("persons", person_pairs), ("organisations", org_pairs)):
        for d in found[kind]:
            if forms(*d.labels) & bad:
                out.append(f"{kind[:-1]} «{d.label}» (a gold not-entity)")
            elif (
                id(d) not in pairs
                and d.spans
                and all(any(s < we and ws < e for ws, we in where) for s, e, _ in d.spans)
            ):
                out.append(f"{kind[:-1]} «{d.label}» (only in the dateline, a credit or a source line)")
    return out


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _ws(s: str | None) -> str | None:
    return _squash(s) if s else None


def _compare_structure(found: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool]:
    dateline = (gold.get("dateline") or {}).get("surface") if gold.get("dateline") else None
    want = {
        "headline": _ws(gold.get("headline")),
        "lead": _ws(gold.get("lead")),
        "dateline": _ws(dateline),
        "credits": sorted(_squash(c) for c in gold.get("credits") or []),
        "source_lines": sorted(_squash(c) for c in gold.get("source_lines") or []),
        "byline": _ws(gold.get("byline")),
    }
    got = {
        "headline": _ws(found["headline"]),
        "lead": _ws(found["lead"]),
        "dateline": _ws(found["dateline"]),
        "credits": sorted(_squash(c) for c in found["credits"]),
        "source_lines": sorted(_squash(c) for c in found["source_lines"]),
        "byline": _ws(found["byline"]),
    }
    return {k: want[k] == got[k] for k in STRUCTURE_FIELDS}


def summarise(per_item: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged totals over the items."""
    totals = {k: Score() for k in KINDS}
    junk: list[str] = []
    twice: list[str] = []
    qualitative: list[str] = []
    parks: list[str] = []
    money = MoneyDetails(matched=0, qualifier_agrees=0, with_measures=0, with_belongs_to=0, qualifier_disagrees=[])
    structure = {k: 0 for k in STRUCTURE_FIELDS}
    for stem, r in per_item.items():
        for k in KINDS:
            totals[k].add(r[k], prefix=f"{stem}: ")
        junk += [f"{stem}: {j}" for j in r["junk"]]
        twice += [f"{stem}: {t}" for t in r["acts_minted_twice"]]
        qualitative += [f"{stem}: {q}" for q in r["qualitative_changes"]]
        parks += [f"{stem}: {p}" for p in r.get("sites_set_apart", [])]
        for count in MONEY_COUNTS:
            money[count] += r["money_details"][count]
        money["qualifier_disagrees"] += [f"{stem}: {q}" for q in r["money_details"]["qualifier_disagrees"]]
        for k in STRUCTURE_FIELDS:
            structure[k] += bool(r["structure"][k])
    return {
        "kinds": {k: v.as_dict() for k, v in totals.items()},
        "junk": junk,
        "acts_minted_twice": twice,
        "qualitative_changes": qualitative,
        "sites_set_apart": parks,
        "money_details": money,
        "structure": structure,
        "items": len(per_item),
    }


def score_as_dict(r: dict[str, Any]) -> dict[str, Any]:
    """A per-item result made JSON-ready."""
    return {k: (v.as_dict() if isinstance(v, Score) else v) for k, v in r.items()}


# -- a second reader's gold read as a draft (agreement between two readers) ---------------------


def gold_as_found(gold: dict[str, Any], text: str) -> dict[str, Any]:
    """A gold file in the shape ``readback.read_draft`` gives, so ``compare_item`` can score one reader's
    gold against another's: an entity's labels are its ``label`` and ``short`` forms (as a draft's
    rdfs:label and skos:altLabel), its spans where its surfaces stand."""

    def spans(*surfaces: str | None) -> list[tuple[int, int, str]]:
        return [(s, e, text[s:e]) for surface in surfaces for s, e in occurrences(text, surface)]

    def entity(kind: str, i: int, e: dict[str, Any]) -> Found:
        return Found(f"gold:{kind}/{i}", [e["label"], *e.get("short", [])], spans(*e.get("surfaces", [])))

    persons = [entity("person", i, e) for i, e in enumerate(gold.get("persons", []))]
    orgs = [entity("org", i, e) for i, e in enumerate(gold.get("organisations", []))]
    labels = {e.labels[0]: e.labels for e in (*persons, *orgs)}

    def facts(kind: str, label: str, data) -> list[Found]:
        """One record per gold fact of ``kind``: labelled by its ``label`` field, with ``data(fact)``."""
        return [
            Found(f"gold:{kind}/{i}", [f.get(label) or ""], spans(f.get("surface")), data(f))
            for i, f in enumerate(gold.get(kind, []))
        ]

    posts = facts(
        "posts",
        "role",
        lambda p: {
            "person": p["person"],
            "person_labels": labels.get(p["person"], [p["person"]]),
            "role": p.get("role"),
            "org": p.get("organisation"),
            "org_labels": labels.get(p.get("organisation") or "", [p["organisation"]] if p.get("organisation") else []),
        },
    )
    acts = facts(
        "legal_acts", "surface", lambda a: {k: a.get(k) for k in ("kind", "number", "date", "issuer", "title")}
    )
    money = facts(
        "money",
        "surface",
        lambda m: {
            "value": decimal(m.get("value")),
            "value_max": decimal(m.get("value_max")),
            **{k: m.get(k) for k in ("currency", "qualifier", "measures", "belongs_to")},
        },
    )
    changes = [
        c
        for c in facts(
            "changes",
            "parameter",
            lambda c: {
                "from": change_value(c.get("from")),
                "to": change_value(c.get("to")),
                **{k: c.get(k) for k in ("currency", "parameter")},
            },
        )
        if c.data["from"] is not None or c.data["to"] is not None
    ]
    events = facts(
        "events", "label", lambda e: {"date": e.get("date"), "place": e.get("place"), "speakers": e.get("speakers", [])}
    )
    s = gold.get("structure") or {}
    structure = {
        "headline": s.get("headline"),
        "lead": s.get("lead"),
        "dateline": (s.get("dateline") or {}).get("surface"),
        "credits": list(s.get("credits") or []),
        "source_lines": list(s.get("source_lines") or []),
        "byline": s.get("byline"),
    }
    return {
        "persons": persons,
        "organisations": orgs,
        "posts": posts,
        "legal_acts": acts,
        "money": money,
        "changes": changes,
        "events": events,
        "structure": structure,
    }
