"""What the organisation gazetteer (``orgs``) and the named shapes (``orgrules``) share: a gazetteer
entry, the class an organisation's head noun gives it, the 'по …' complement that extends a
collegial body's name, and the candidate made from an alias entry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from server.core.translit import slugify, translit
from server.ingest import nlp, regions
from server.ingest.aliases import Alias, by_slug
from server.ingest.entities import Candidate, head_lemma

HEAD_CLASSES = {
    "министерство": "Ministry",
    "комитет": "Committee",
    "комиссия": "Committee",
    "совет": "ExpertCouncil",
    "дума": "LegislativeBody",
    "собрание": "LegislativeBody",
    "ассоциация": "Association",
    "союз": "Association",
    "палата": "Association",
    "партия": "PoliticalParty",
    "отделение": "RegionalBranch",
    "правительство": "Organization",
    "фонд": "Organization",
    "агентство": "Organization",
    "служба": "Organization",
    "корпорация": "Organization",
    "институт": "Organization",
    "коллегия": "Committee",
    "подкомиссия": "Committee",
}


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


#: units named by the field they run ('Департамент автомобильной промышленности …'): their label carries their owner
FIELD_UNITS = ("департамент", "управление", "отдел")

#: legal forms, which open a company's name and never stand in a body's field
LEGAL_FORM_WORDS = {"ООО", "АО", "ОАО", "ЗАО", "ПАО", "НАО", "ФГУП", "МУП", "ГУП", "АНО", "НКО", "ИП", "ФГБУ", "ГБУ"}
_STOP_EXTEND = {"при", "в", "на", "с", "и", "а", "для", "от", "к", "у", "о", "об", "за", "из"}


def _case_of(word: str, cases: tuple[str, ...] = ("datv", "gent"), pos: tuple[str, ...] = ("NOUN", "ADJF")) -> bool:
    # 'Cтратегии' with a Latin «C»: read as the Russian word it looks like
    return any(p.tag.POS in pos and p.tag.case in cases for p in nlp.parse(nlp.fold_homoglyphs(word)))


def _abbreviation(word: str) -> bool:
    """'ОПК', 'МСП': an abbreviation (indeclinable, so in any case), not a region's ('ДНР')."""
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha() and not regions.find(word)


#: «по …» words that say why or whence, never a body's field: 'по указу', 'по словам', 'по итогам'
NOT_A_FIELD = re.compile(
    r"(?:указу|распоряжению|поручению|решению|приглашению|инициативе|итогам|словам|данным|мнению|сообщению"
    r"|информации|просьбе|приказу|согласованию|предложению)(?![\w-])"
)


def extend_org(text: str, start: int, end: int) -> int:
    """Extend 'Экспертного совета' over a following 'по …' complement ('по развитию промышленной
    инфраструктуры', 'по промышленности и торговле', 'по поддержке ОПК'): words in the dative or
    genitive (an abbreviation among them), «и» between nouns, a comma before another dative noun of
    the list ('по заключению, изменению и расторжению … контрактов', 'по промышленности, экономической
    политике и налогам'), «или» as «и», what a noun is about after «о» ('соглашений о ведении … деятельности'), the
    special economic zone it works for ('… в ОЭЗ «Томск»'), a quoted name closing it ('по направлению «Промышленность»'), and a «для …» phrase of genitive
    words that ends the clause ('по оказанию мер господдержки для отдельных организаций отраслей.');
    up to punctuation or a word in another case."""
    abbr = re.match(r" \([А-ЯЁA-Z]{2,6}\)(?= по )", text[end:])  # 'комитета Законодательного собрания края (ЗСК) по …'
    if abbr is not None:
        longer = extend_org(text, start, end + abbr.end())
        return longer if longer > end + abbr.end() else end
    if not text[end:].startswith(" по ") or NOT_A_FIELD.match(text, end + 4):
        return end  # '… комиссии по указу Путина': why, not what the body does
    pos = end + 4
    # 'по вопросам промышленности, строительства и ЖКХ': a list of genitive nouns after 'вопросам'
    of_list = bool(re.match(r"(?:вопросам|проблемам|делам)\s", text[pos:]))
    last = end
    words = list(re.finditer(r"\S+", text[pos:]))
    k = 0
    dative = False  # a dative noun of the complement seen: a list of them may go on after a comma
    about = False  # after «о»: the words in the prepositional up to their noun
    while k < len(words):
        m = words[k]
        w = m.group()
        core = w.rstrip(",.;:»)")
        nxt = words[k + 1].group().rstrip(",.;:»)") if k + 1 < len(words) else ""
        zone = ZONE_AFTER.match(text, pos + m.start()) if last > end else None
        if zone is not None:  # '… деятельности в ОЭЗ «Томск»': the zone the council works for closes the name
            last = zone.end()
            break
        if core.lower() in ("о", "об") and last > end and nxt and _case_of(nxt, ("loct",)):
            k += 1  # 'по заключению соглашений о ведении … деятельности': what the agreements are about
            about = True
            continue
        if about and _case_of(core, ("loct",), ("NOUN", "ADJF", "PRTF")):
            last = pos + m.start() + len(core)
            about = not _case_of(core, ("loct",), ("NOUN",))  # the adjectives in the prepositional, then the noun
            if core != w:
                break
            k += 1
            continue
        if w.startswith("("):
            break  # '… и инфраструктуры (завод ему …': an aside in brackets, no part of the name
        if core.lower() in ("и", "или"):
            if ANOTHER_BODY.match(text, pos + words[k + 1].start() if k + 1 < len(words) else len(text)):
                break  # 'Комитета по законодательству и постоянной Комиссии по …': a second body, not the field
            if nxt and nlp.lemma(nxt.lower()) in ("один", "другой", "каждый", "весь", "сам", "ряд"):
                break  # '… по экономической политике и одного из авторов': the person's next apposition
            if nxt and (_case_of(nxt) or (of_list and _abbreviation(nxt))):  # '… строительства, ЖКХ и ТЭК'
                k += 1
                continue
            break
        budget = BUDGET_PERIOD.match(text, pos + m.start()) if last > end else None
        if budget is not None:  # 'по бюджетным проектировкам на очередной финансовый год и плановый период'
            last = budget.end()
            break
        source = core.lower() == "из" and FROM_BUDGET.match(text, pos + m.start()) is not None
        if (core.lower() == "для" or source) and last > end:  # '… для отдельных организаций', '… из бюджета края'
            tail = _genitive_run(words, k + 1)
            if tail is not None:
                last = pos + words[tail].start() + len(words[tail].group().rstrip(",.;:»)"))
            break
        if core.lower() in ("с", "со") and last > end and nlp.lemma(words[k - 1].group()) in _WITH_NOUNS:
            tail = _instrumental_run(words, k + 1)  # 'по борьбе с коронавирусом', '… с COVID-19'
            if tail is not None:
                last = pos + words[tail].start() + len(words[tail].group().rstrip(",.;:»)"))
            if tail is not None and words[tail].group() == words[tail].group().rstrip(",.;:»)"):
                k = tail + 1  # '… с общественностью и взаимодействию со СМИ': the list goes on after «и»
                continue
            break
        quoted = re.match(r"«[^«»\n]{1,60}»|\"[^\"«»\n]{1,60}\"", text[pos + m.start() :]) if last > end else None
        if quoted is not None:  # 'по направлению «Промышленность»': a quoted name ends the complement
            last = pos + m.start() + quoted.end()
            break
        area = re.match(r"во?\s+(?:[а-яё]+(?:ой|ей)\s+)?(?:области|сфере|торговле)(?![\w-])", text[pos + m.start() :])
        # 'по госполитике в области ОПК', '… в гуманитарной сфере', '… во внешней торговле'
        if area is not None and last > end:
            k += 1
            continue
        if core[:1].isupper() and last > end and nlp.lemma(words[k - 1].group()) in _MEMBERS:
            tail = _name_run(words, k)  # 'по промышленной политике стран Евразийского экономического союза'
            if tail is not None:
                last = pos + words[tail].start() + len(words[tail].group().rstrip(",.;:»)"))
            break
        if (
            core[:1].isupper()
            and last > end
            and words[k - 1].group().lower() in ("моногорода", "города", "поселка", "посёлка")
            and re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*", core)
        ):
            last = pos + m.start() + len(core)  # 'по модернизации моногорода Новоалтайск': the town's name closes it
            break
        if core in LEGAL_FORM_WORDS:
            break  # '… по собственности и экономической политике, ООО «Максимакс» и …': a company of a list
        if core.lower() in _STOP_EXTEND or (
            core[:1].isupper()
            and not core.isupper()
            and nlp.lemma(nlp.fold_homoglyphs(core).lower()) not in _PLANS | _LANDS
        ):
            break  # a name; never a plan's capitalised word ('по вопросам реализации Стратегии …') or a land's
            # ('по … делам Севера', 'по развитию Дальнего Востока и Арктики')
        if nlp.parse(core)[0].tag.POS in ("NPRO", "PREP"):  # '… его поддержали', 'по инвестициям под …'
            break
        if not (_case_of(core, pos=("NOUN", "ADJF", "PRTF")) or (last > end and _abbreviation(core))):
            break
        last = pos + m.start() + len(core)
        dative = dative or _case_of(core, ("datv",), ("NOUN",))
        if core != w:
            ahead = [x.group().rstrip(",.;:»)") for x in words[k + 1 : k + 5]]
            adjs = 0
            while adjs < len(ahead) - 1 and _case_of(ahead[adjs], ("datv",), ("ADJF",)):
                adjs += 1
            listed = (
                nxt.lower() not in _STOP_EXTEND | {"по"}
                and bool(ahead)
                and (_case_of(ahead[adjs], ("datv",), ("NOUN",)))
            )  # another dative noun of the list, maybe after its adjectives
            # after a dative noun of the list, or its genitive complement ('по охране окружающей среды,
            # экономической политике'), or an adjective shared by the next noun ('промышленному, инновационному развитию')
            if w[len(core) :] == "," and listed and (dative or _case_of(core, ("datv",), ("NOUN", "ADJF"))):
                k += 1
                continue
            if (
                w[len(core) :] == ","
                and of_list
                and ahead
                and (_case_of(ahead[0], ("gent",)) or _abbreviation(ahead[0]))
            ):
                k += 1
                continue
            break
        k += 1
    return last


#: the special economic zone a council's «по …» complement ends with: 'в ОЭЗ «Томск»', 'в особой экономической зоне «Калуга»'
ZONE_AFTER = re.compile(r"во?\s+(?:особой\s+экономической\s+зоне|ОЭЗ)\s+(?:[а-яё-]+\s+типа\s+)?«[^«»\n]{1,40}»")
#: a plan or programme a complement names with a capital letter: 'по вопросам реализации Стратегии …'
_PLANS = {"стратегия", "программа", "концепция", "доктрина"}
#: the lands a complement names with a capital letter: 'по … делам Севера', 'по развитию Дальнего Востока и Арктики'
_LANDS = {"север", "арктика", "дальний", "восток", "крайний", "кавказ", "северный"}
#: the budget period a commission's complement may end with: 'на очередной финансовый год и плановый период'
BUDGET_PERIOD = re.compile(r"на\s+очередной\s+финансовый\s+год(?:\s+и\s+(?:на\s+)?плановый\s+период)?(?![\w-])")
#: the budget the support of a commission's complement comes from: 'по … поддержки из бюджета края'
FROM_BUDGET = re.compile(r"из\s+(?:[а-яё]+(?:ого|ых)\s+)?бюджет(?:а|ов)(?![\w-])")


#: verbal nouns of a complement that govern «с» ('по борьбе с …', 'по работе с …', 'по взаимодействию с …')
#: a body's head (perhaps after its adjectives) after «и» in a «по …» complement: another body
ANOTHER_BODY = re.compile(
    r"(?:[а-яё]+(?:ой|ого|ому|ым|ых|ей|его)\s+){0,2}(?:комисси|подкомисси|комитет|совет|управлени|департамент"
    r"|министерств|палат)[а-яё]{0,3}(?![\w-])"
    # '… по обороне и члену Комиссии по …': a post in another body, not the field
    r"|(?:член|председател|заместител|сопредседател|руководител)[а-яё]{0,3}\s+[А-ЯЁа-яё]+",
    re.IGNORECASE,
)
_WITH_NOUNS = {"борьба", "работа", "взаимодействие", "сотрудничество", "связь"}


def _instrumental_run(words: list[re.Match[str]], k: int) -> int | None:
    """The index of the last word of a run of instrumental words (or a Latin code such as 'COVID-19')
    from ``k``, up to the first punctuation; None if the run is empty."""
    found = None
    for i in range(k, len(words)):
        w = words[i].group()
        core = w.rstrip(",.;:»)")
        if not (
            re.fullmatch(r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9-]{2,}", core) or _case_of(core, ("ablt",), ("NOUN", "ADJF", "PRTF"))
        ):
            break
        found = i
        if core != w:
            break
    return found


#: countries or members of a union named after them in the genitive ('стран СНГ', 'государств — членов ЕАЭС')
_MEMBERS = {"страна", "государство", "член", "участник", "партнёр"}


def _name_run(words: list[re.Match[str]], k: int) -> int | None:
    """The index of the last word of a name in the genitive from ``k`` ('Евразийского экономического
    союза'): adjectives and nouns in the genitive up to a noun, no region's name."""
    last = None
    for i in range(k, min(len(words), k + 6)):
        w = words[i].group()
        core = w.rstrip(",.;:»)")
        if len(core) < 3 or not core.replace("-", "").isalpha() or not _case_of(core, ("gent",), ("NOUN", "ADJF")):
            break
        if _case_of(core, ("gent",), ("NOUN",)) and not _case_of(core, ("gent",), ("ADJF",)):
            last = i
        if core != w:
            break
    if last is None or regions.find(" ".join(x.group() for x in words[k : last + 1])):
        return None
    return last


def _genitive_run(words: list[re.Match[str]], k: int) -> int | None:
    """The index of the last word of a run of genitive words from ``k`` that ends a clause ('.', ';'
    or the text's end), else None."""
    for i in range(k, len(words)):
        w = words[i].group()
        core = w.rstrip(",.;:»)")
        if not core or not _case_of(core, ("gent",), ("NOUN", "ADJF", "PRTF")):
            return None
        if core != w:
            return i if w[len(core) :][:1] in (".", ";") else None
    return len(words) - 1 if len(words) > k else None


MINISTRY_SHORT = re.compile(
    r"мин(?:пром|инвест|эк|фин|транс|энерго|строй|цифр|сельхоз|труд|обр|здрав|природ|юст|спорт|культ|просвещ"
    r"|вост|соц|имущ|лес|туризм|молод|нац|физкульт|агро|жкх|инфра)[а-яё]*$"
)


def org_class(label: str) -> str:
    first = nlp.words(label)[0][0].lower() if nlp.words(label) else ""
    if first.startswith("мин") and first not in ("министерство",) and nlp.parse(first)[0].tag.POS != "NOUN":
        return "Ministry"
    if MINISTRY_SHORT.match(first):  # 'Мининвест', 'Минэнерго': words the dictionary guesses as nouns
        return "Ministry"
    head = head_lemma(label)
    if head == "совет" and "эксперт" not in label.lower():
        return "Organization"
    if head == "правительство" and regions.find(label):
        return "RegionalGovernment"
    return HEAD_CLASSES.get(head, "Organization")


def alias_candidate(e: Entry) -> Candidate:
    a = e.alias
    key = f"alias:{a.slug}" if a else f"iri:{e.iri}"
    return Candidate(
        "org",
        key,
        e.label_ru,
        e.label_en or translit(e.label_ru),
        e.cls,
        a.slug if a else slugify(e.label_ru),
        iri=e.iri,
        alt_ru=list(a.alt_ru) if a else [],
        alt_en=list(a.alt_en) if a else [],
        lemmas=nlp.lemma_key(e.label_ru),
    )


def known_org(slug: str) -> Candidate:
    """The alias table's organisation ``slug`` as a candidate with no mention yet."""
    a = by_slug(slug)
    assert a is not None, slug
    return alias_candidate(Entry(a.ru, nlp.lemma_key(a.ru), False, alias=a, label_ru=a.ru, label_en=a.en, cls=a.cls))
