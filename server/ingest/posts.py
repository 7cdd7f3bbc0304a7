"""Posts, named before or after a person, alone or in a chain, with what they are a post in:

- before the name: «глава Минпромторга Антон Алиханов», «замминистра промышленности и торговли РФ
  Иван Куликов», «депутат ГД, первый зампред Комитета …, секретарь … Александр Козловский»,
  «заместители председателя правительства Дмитрий Рогозин и Аркадий Дворкович», «Председателем
  наблюдательного совета … стал Олег Коробченко»;
- after the name: «Олег Коробченко, вице-премьер Татарстана - министр промышленности и торговли
  республики», «Денис Мантуров, первый зампред правительства РФ»;
- «X возглавил Y» / «Y возглавил X»: the head of X.

What follows the role is its complement: an organisation named there (by any rule of ``orgs``), a
region («губернатор Свердловской области», «вице-премьер Татарстана»), genitive words before either
(«директор департамента станкостроения Минпромторга», «министр экономического развития региона» —
the region's minister, the ministry not named), «ведомства» (the ministry named last), or nothing.
A chair of a government is the premier («председатель правительства»), the head of a ministry its
minister («глава Минпромторга»). A complement the rules do not understand makes no post.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from server.ingest import nlp, orgrules, regions, structure
from server.ingest.entities import Candidate, Mention, head_lemma
from server.ingest.inflect import inflect_phrase
from server.ingest.orgbase import FIELD_UNITS, known_org

# (regex, key): the longest role phrases first
ROLE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        (
            r"перв\w+\s+(?:вице-премьер\w*|заместител\w+\s+председателя\s+правительства|зампред\w*\s+правительства"
            r"|заместител\w+\s+премьер-министра)"
        ),
        "first-vice-premier",
    ),
    (r"вице-премьер\w*|заместител\w+\s+премьер-министра", "vice-premier"),
    # 'глава кабинета министров': the chair of the cabinet is the premier (not a «министр»)
    # 'председатель Совета министров ДНР': a republic's cabinet by its Soviet name
    (
        r"премьер-министр\w*|премьер\w{0,2}|(?:глав\w+|председател\w+|руководител\w+)\s+(?:кабинета|совета)\s+министров",
        "premier",
    ),
    (r"перв\w+\s+(?:заместител\w+\s+министра|замминистра)", "first-deputy-minister"),
    (r"заместител\w+\s+министра|замминистра", "deputy-minister"),
    (r"(?:исполняющ\w+\s+обязанности|и\.\s?о\.|врио)\s+министра", "acting-minister"),
    (r"министр\w{0,2}", "minister"),
    (r"врио\s+губернатора|временно\s+исполняющ\w+\s+обязанности\s+губернатора", "acting-governor"),
    (r"перв\w+\s+(?:заместител\w+\s+губернатора|замгубернатора|вице-губернатор\w{0,3})", "first-deputy-governor"),
    (r"заместител\w+\s+губернатора|замгубернатора|вице-губернатор\w{0,3}", "deputy-governor"),
    (r"губернатор\w{0,3}", "governor"),
    (r"раис\w{0,2}", "rais"),  # the head of Tatarstan's title
    (r"перв\w+\s+(?:вице-мэр\w{0,2}|заместител\w+\s+мэра|заммэра)", "first-deputy-mayor"),
    (r"вице-мэр\w{0,2}|заместител\w+\s+мэра|заммэра", "deputy-mayor"),
    (r"мэр(?:а|у|ом|е|ы|ов|ам|ах)?|градоначальник\w{0,2}", "mayor"),  # not «мэрии», the city hall
    (r"сенатор\w{0,2}", "senator"),
    (r"депутат\w{0,2}|парламентари(?:й|я|ю|ем|и|ев|ям|ями)", "deputy"),  # 'Имя, парламентарий': a deputy
    (r"перв\w+\s+(?:заместител\w+\s+(?:генеральн\w+\s+директора|гендиректора))", "first-deputy-director-general"),
    (r"перв\w+\s+(?:заместител\w+\s+директора|замдиректора)", "first-deputy-director"),
    (r"заместител\w+\s+(?:(?:генеральн\w+\s+)?директора|гендиректора)|замдиректора|замгендиректора", "deputy-director"),
    (r"генеральн\w+\s+директор\w{0,2}|гендиректор\w{0,2}", "director-general"),
    (r"главн\w+\s+инженер\w{0,2}", "chief-engineer"),  # 'главному инженеру завода Имени': a plant's second post
    # 'Юрию Адушкину, конкурсному управляющему завода': the receiver a court appoints to a bankrupt company
    (r"(?:конкурсн|арбитражн|внешн)\w+\s+управляющ(?:ий|его|ему|им|ем)", "receiver"),
    (r"управляющ\w+\s+партн[её]р\w{0,2}", "managing-partner"),  # 'управляющий партнер ООО «Нью Бридж Восток»'
    (r"(?:совладел|владел)(?:ец|ьца|ьцу|ьцем|ьце|ьцы)", "owner"),  # 'владельцем компании «АгроГриб»'
    # 'главному военному прокурору Валерию Петрову', 'у прокурора области Сергея Филипенко'
    (r"(?:(?:генеральн|главн)\w+\s+(?:военн\w+\s+)?)?прокурор(?:а|у|ом|е|ы|ов)?", "prosecutor"),
    (r"главн\w+\s+архитектор\w{0,2}", "chief-architect"),
    # 'прежнему главнокомандующему ВМФ', 'Главкомом ВМФ стал …', 'заместитель командующего ВТА': a service's or a fleet's
    (r"(?:заместител\w+|зам\.)\s+(?:главно)?командующ\w+|замкомандующ\w+", "deputy-commander"),
    (
        r"главнокомандующ(?:ий|его|ему|им|ем)|главком(?:а|у|ом|е)?|командующ(?:ий|его|ему|им|ем)",
        "commander",
    ),  # 'была главным архитектором Калининграда'
    # 'генконструктор по автоматизированным системам управления … Имя': a weapons programme's chief designer
    (r"генеральн\w+\s+конструктор\w{0,2}|генконструктор\w{0,2}", "general-designer"),
    (
        r"(?:(?:исполнительн|управляющ|финансов|техническ|коммерческ|операционн|индустриальн)\w+\s+)?директор\w{0,2}",
        "director",
    ),
    (r"перв\w+\s+(?:заместител\w+\s+председателя|зампред\w*|вице-спикер\w{0,2})", "first-deputy-chair"),
    (r"заместител\w+\s+председателя|зампред\w*|вице-спикер\w{0,2}", "deputy-chair"),
    (r"сопредседател\w{1,3}", "co-chair"),
    (r"председател\w{1,3}|спикер\w{0,2}", "chair"),  # the speaker of a parliament is its chair
    (
        # not 'полномочный представитель Республики Мордовия при Президенте РФ': a region's representative;
        (
            r"(?:полпред\w*|полномочн\w+\s+представител\w+(?!\s+(?!президента)[^,.;:()\n]{1,80}?\sпри\s)"
            # nor 'полномочный представитель Совета Федерации в Правительстве РФ': a chamber's or the government's
            r"(?!\s+(?:Совета\s+Федерации|Государственной\s+Думы|Госдумы|Правительства)\s))"
            r"(?:\s+президента(?:\s+(?:РФ|России|Российской\s+Федерации))?)?"
        ),
        "envoy",
    ),
    (r"помощник\w{0,2}\s+президента(?:\s+(?:РФ|России|Российской\s+Федерации))?", "presidential-aide"),
    (r"советник\w{0,2}\s+президента(?:\s+(?:РФ|России|Российской\s+Федерации))?", "presidential-adviser"),
    (r"советник\w{0,2}\s+губернатора", "governor-adviser"),  # 'советник губернатора (Томской области) по …'
    (r"перв\w+\s+вице-президент\w{0,2}", "first-vice-president"),
    (r"(?:(?:старш|исполнительн)\w+\s+)?вице-президент\w{0,2}", "vice-president"),
    (r"президент\w{0,2}|глав[аеуыо]й?\s+(?:российского\s+)?государства", "president"),  # 'Имя, глава государства'
    # 'первый заместитель Комитета СФ …': the deputy of a body's head, its post's noun left out
    (
        (
            r"перв\w+\s+(?:заместител\w+\s+(?:руководител\w{1,3}|главы)|замглавы|замруководител\w{1,3}"
            r"|заместител\w{1,3}(?=\s+(?-i:[А-ЯЁ«])))"
        ),
        "first-deputy-head",
    ),
    (r"заместител\w+\s+руководител\w{1,3}|замруководител\w{1,3}", "deputy-head"),
    (r"руководител(?:ьниц)?\w{1,3}", "head"),  # 'бывшей руководительницы АО «…» Имени
    (r"глав[аеуыо]й?", "head"),
    (r"пресс-секретар\w{1,3}", "press-secretary"),
    (r"статс-секретар\w{1,3}", "state-secretary"),
    (r"генсек\w{0,2}|генеральн\w+\s+секретар\w{1,3}", "secretary-general"),
    (r"секретар\w{1,3}", "secretary"),
    (r"корреспондент\w{0,2}|корр\.", "correspondent"),
    (r"обозревател\w{1,3}", "columnist"),
    # 'представитель области при …'; 'представитель Минпромторга Иван …', 'официальный представитель МИД': a body's own
    (
        r"(?:(?:официальн|полномочн|постоянн)\w+\s+)?представител(?:ь|я|ю|ем|е)(?=\s[^,.;:()\n]{1,80}?\sпри\s|\s+[«\"]?[А-ЯЁ])",
        "representative",
    ),
    (r"член\w{0,2}", "member"),
    (r"перв\w+\s+(?:заместител\w{1,3}|зам\.)\s+начальник\w{0,2}", "first-deputy-chief"),
    (r"(?:заместител\w{1,3}|зам\.)\s+начальник\w{0,2}|замначальник\w{0,2}", "deputy-chief"),
    (r"начальник\w{0,2}", "chief"),
    (
        r"замглавы|зам\.\s?главы|заместител\w{1,3}\s+главы|замруководител\w{1,3}|заместител\w{1,3}(?=\s+[А-ЯЁ«])",
        "deputy-head",
    ),
    (r"уполномоченн\w{2,3}", "commissioner"),
    (r"бизнес-омбудсмен\w{0,2}", "business-ombudsman"),  # the commissioner for entrepreneurs' rights, as the press says
    (r"лидер\w{0,2}", "leader"),  # 'лидер «Деловой России»', 'лидер КПРФ': a party's or an association's head
)
#: 'вице- губернатор': a compound split by a hyphen and a space (a line break undone) is still one role
#: and 'первый зам. председателя': the deputy abbreviated with a full stop
_SPLIT = [
    rx.replace("вице-", r"вице-\s?").replace(r"заместител\w+\s+", r"(?:заместител\w+|зам\.)\s+")
    for rx, _ in ROLE_PATTERNS
]
ROLE = re.compile("|".join(f"(?P<r{i}>{rx})" for i, rx in enumerate(_SPLIT)), re.IGNORECASE)

# key -> (role concept local name, ru nominative, en)
ROLES: dict[str, tuple[str, str, str]] = {
    "premier": ("rolePrimeMinister", "председатель правительства", "prime minister"),
    "first-vice-premier": (
        "roleFirstDeputyPrimeMinister",
        "первый заместитель председателя правительства",
        "first deputy prime minister",
    ),
    "vice-premier": ("roleDeputyPrimeMinister", "заместитель председателя правительства", "deputy prime minister"),
    "first-deputy-minister": ("roleFirstDeputyMinister", "первый заместитель министра", "first deputy minister"),
    "deputy-minister": ("roleDeputyMinister", "заместитель министра", "deputy minister"),
    "acting-minister": ("roleActingMinister", "исполняющий обязанности министра", "acting minister"),
    "minister": ("roleMinister", "министр", "minister"),
    "receiver": ("roleReceiver", "конкурсный управляющий", "receiver in bankruptcy"),
    "managing-partner": ("roleManagingPartner", "управляющий партнер", "managing partner"),
    "prosecutor": ("roleProsecutor", "прокурор", "prosecutor"),
    "chief-architect": ("roleChiefArchitect", "главный архитектор", "chief architect"),
    "commander": ("roleCommander", "командующий", "commander"),
    "deputy-commander": ("roleDeputyCommander", "заместитель командующего", "deputy commander"),
    "general-designer": ("roleGeneralDesigner", "генеральный конструктор", "general designer"),
    "owner": ("roleOwner", "владелец", "owner"),
    "acting-governor": ("roleActingGovernor", "временно исполняющий обязанности губернатора", "acting governor"),
    "first-deputy-governor": ("roleFirstDeputyGovernor", "первый заместитель губернатора", "first deputy governor"),
    "deputy-governor": ("roleDeputyGovernor", "заместитель губернатора", "deputy governor"),
    "governor": ("roleGovernor", "губернатор", "governor"),
    "rais": ("roleGovernor", "раис", "rais (head of the republic)"),
    "first-deputy-mayor": ("roleDeputyMayor", "первый заместитель мэра", "first deputy mayor"),
    "deputy-mayor": ("roleDeputyMayor", "заместитель мэра", "deputy mayor"),
    "mayor": ("roleMayor", "мэр", "mayor"),
    "senator": ("roleSenator", "сенатор", "senator"),
    "deputy": ("roleDeputy", "депутат", "deputy"),
    "first-deputy-director-general": (
        "roleFirstDeputyDirector",
        "первый заместитель генерального директора",
        "first deputy director general",
    ),
    "first-deputy-director": ("roleFirstDeputyDirector", "первый заместитель директора", "first deputy director"),
    "deputy-director": ("roleDeputyDirector", "заместитель директора", "deputy director"),
    "director-general": ("roleDirectorGeneral", "генеральный директор", "director general"),
    "chief-engineer": ("roleChiefEngineer", "главный инженер", "chief engineer"),
    "director": ("roleDirector", "директор", "director"),
    "first-deputy-chair": ("roleFirstDeputyChair", "первый заместитель председателя", "first deputy chair"),
    "deputy-chair": ("roleDeputyChair", "заместитель председателя", "deputy chair"),
    "chair": ("roleChair", "председатель", "chair"),
    "co-chair": ("roleChair", "сопредседатель", "co-chair"),
    "envoy": (
        "roleEnvoy",
        "полномочный представитель президента в федеральном округе",
        "presidential envoy to a federal district",
    ),
    "presidential-aide": ("roleAideToPresident", "помощник президента", "aide to the president"),
    "presidential-adviser": ("roleAdviserToPresident", "советник президента", "adviser to the president"),
    "governor-adviser": ("roleAdviserToGovernor", "советник губернатора", "adviser to the governor"),
    "first-vice-president": ("roleFirstVicePresident", "первый вице-президент", "first vice-president"),
    "vice-president": ("roleVicePresident", "вице-президент", "vice-president"),
    "president": ("rolePresident", "президент", "president"),
    "head": ("roleHead", "руководитель", "head"),
    "secretary": ("roleSecretary", "секретарь", "secretary"),
    "secretary-general": ("roleSecretary", "генеральный секретарь", "secretary general"),
    "state-secretary": ("roleSecretary", "статс-секретарь", "state secretary"),
    "press-secretary": ("roleSpokesperson", "пресс-секретарь", "press secretary"),
    "correspondent": ("roleCorrespondent", "корреспондент", "correspondent"),
    "columnist": ("roleColumnist", "обозреватель", "columnist"),
    "representative": ("roleRepresentative", "представитель", "representative"),
    "member": ("roleMember", "член", "member"),
    "commissioner": ("roleCommissioner", "уполномоченный", "commissioner"),
    "business-ombudsman": ("roleBusinessOmbudsman", "бизнес-омбудсмен", "business ombudsman"),
    "leader": ("roleLeader", "лидер", "leader"),
    "chief": ("roleChief", "начальник", "chief"),
    "deputy-chief": ("roleDeputyChief", "заместитель начальника", "deputy chief"),
    "first-deputy-chief": ("roleFirstDeputyChief", "первый заместитель начальника", "first deputy chief"),
    "deputy-head": ("roleDeputyHead", "заместитель руководителя", "deputy head"),
    "first-deputy-head": ("roleFirstDeputyHead", "первый заместитель руководителя", "first deputy head"),
}
#: a company's legal form, which alone («гендиректор ПАО») stands for the company named last in that form
LEGAL_FORMS = frozenset({"пао", "оао", "ао", "зао"})
#: words before an anaphor that name no body: 'глава федерального ведомства', 'директор этого фонда'
ANAPHOR_EPITHET = re.compile(
    r"^(?:(?:федеральн|профильн|эт|данн|указанн|краев|областн|региональн|республиканск|столичн|тог)(?:ого|ой)\s+"
    r"|т(?:ого|ой)\s+же\s+)+"
)  # 'заместителя главы того же министерства'
#: «директор фонда», «глава министерства»: the organisation the article named last, by its kind
ANAPHORS: dict[str, tuple[str, ...]] = {
    "ведомства": ("Ministry",),
    "министерства": ("Ministry",),
    "минпромторга": ("Ministry",),
    "фонда": ("фонд",),
    "банка": ("банк",),
    # a company is an Organization of no narrower class: 'гендиректор компании', 'директор завода'
    "компании": ("компания", "Organization"),
    "предприятия": ("предприятие", "завод", "Organization"),
    "завода": ("завод", "предприятие", "Organization"),
    "судозавода": ("судозавод", "завод", "верфь", "Organization"),  # 'генеральным директором судозавода'
    "верфи": ("верфь", "судозавод", "Organization"),
    "холдинга": ("холдинг", "Organization"),
    "концерна": ("концерн", "Organization"),
    "агентства": ("агентство",),
    "центра": ("центр",),  # 'Директором центра назначили Имя' after «Центр по привлечению инвестиций»
    # 'гендиректор ПАО Имя' after «ПАО «Ил»»: the company named last in that form
    **{form: (form,) for form in LEGAL_FORMS},
    "департамента": ("департамент",),  # 'первым заместителем руководителя департамента работал Имя'
    "управления": ("управление",),  # 'до этого занимавшая пост замначальника управления' after «Управление …»
    # an industrial park, a cluster, a zone, an institution: 'гендиректор парка', 'ректор университета'
    "парка": ("парк", "технопарк"),
    "индустриального парка": ("парк",),
    "технопарка": ("технопарк", "парк"),
    "кластера": ("кластер",),
    "зоны": ("зона", "оэз"),
    # 'генеральный директор особой экономической зоны' after «ОЭЗ «Алабуга»»
    "особой экономической зоны": ("зона", "оэз"),
    "экономической зоны": ("зона", "оэз"),
    "университета": ("университет",),
    "института": ("институт",),
    "комбината": ("комбинат", "Organization"),
    "группы": ("группа",),
    "корпорации": ("корпорация", "госкорпорация"),
    "госкорпорации": ("корпорация", "госкорпорация"),
    "ассоциации": ("Association",),
    "союза": ("Association",),
    "лиги": ("лига",),
    "объединения": ("объединение",),
    # 'гендиректор общества' after 'Воронежское акционерное … общество (ВАСО)' or after 'АО «…»': a joint-stock
    # company's own word for itself
    "общества": ("общество", "Organization"),
    "комитета": ("Committee", "комитет"),
    "комиссии": ("комиссия",),
    "совета": ("совет",),
    "организации": (),  # any organisation: 'вице-президент организации'
    "партии": ("PoliticalParty",),
    "фракции": ("фракция",),  # 'Имя, глава фракции, …' after «законопроект фракции «…»»
    "парламента": ("LegislativeBody",),
    "палаты": ("LegislativeBody", "палата"),  # «глава палаты» after the Chamber of Commerce named before
}
#: a legislature's convocation closing a complement or a chain of posts: 'шестого созыва', 'VIII созыва', '7-го созыва'
CONVOCATION = re.compile(r"\s+(?:[IVXLC]+|\d+-?г?о|[а-яё]+(?:ого|его))\s+созыва\s*$")
#: the day a term starts, after the post: 'начиная со 2 сентября 2025 года', 'с 1 марта'
TERM_FROM = re.compile(
    r"\s+(?:начиная\s+)?со?\s+\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября"
    r"|декабря)(?![\w-])"
)
#: reported speech before a role: «По словам министра, губернатор …» is no chain of posts
REPORTED = re.compile(r"(?:по\s+(?:словам|мнению|оценке|данным|информации)|слова|заявлению)\s+$", re.IGNORECASE)
GOVERNMENT_CHAIRS = {
    "chair": "premier",
    "deputy-chair": "vice-premier",
    "first-deputy-chair": "first-vice-premier",
    "head": "premier",
}
GOVERNMENT_ROLES = {"premier", "vice-premier", "first-vice-premier"}
#: roles a bare «региона», «области» completes: the head of a region is its governor
REGION_HEADS = {
    "head",
    "deputy-head",
    "first-deputy-head",
    "governor",
    "deputy-governor",
    "first-deputy-governor",
    "acting-governor",
    "rais",
    "prosecutor",  # 'прокурор области'
    "chief-architect",  # 'главный архитектор края'
}
GOVERNORS = {"governor", "deputy-governor", "first-deputy-governor", "acting-governor"}
COPULA = re.compile(
    r"\s+(?:стал|стала|стали|станет|назначен|назначена|назначены|назначается|избран|избрана|избраны|является|остается"
    r"|занял|заняла|занимает|занимал|занимала)(?:\s+(?:сам|сама|сами|также))?$"
)
SEPARATOR = re.compile(r"^\s*(?:,|[-–—]|и)\s*$")
ANY_ROLE = "|".join(rx for rx, _ in ROLE_PATTERNS)
#: where a complement after a role ends: punctuation, a dash, or «и» before the next role
COMPLEMENT_END = re.compile(
    rf"\s*(?:,|\s[-–—]\s|[.;:()©/«»\"\n]|$)|\s+и\s+(?=(?:экс-|бывш[а-яё]+\s+)?(?:{ANY_ROLE})\b)"
    r"|\s+вместо\s"  # 'назначен министром промышленности области вместо Имени': the one replaced, no part of the body
    r"|\s+(?:с|до|по)\s+(?:\d{1,2}\s+[а-яё]+\s+)?\d{4}\s+год"  # '… секретарем Совета безопасности с 1998 года': a time
    r"|\s+и\s+(?:одн(?:им|ого|ой|ому)|один|одна)\s+из\s"  # '… по экономической политике и одного из авторов проекта'
    # '… директором департамента экономического развития лишь в начале августа': a time
    r"|\s+(?:(?:лишь|только|ещё|еще)\s+)?в\s+(?:начале|конце|середине)\s",
    re.IGNORECASE,
)
#: a unit inside an organisation, in the genitive after its head's role
UNIT = re.compile(
    r"(?:(?:[а-яё-]+(?:ого|ой)\s+){0,2}(?:управлени|департамент|отдел|сектор|служб|центр|администраци|аппарат)[а-яё]*"
    r"(?:,?\s+[а-яё-]+){1,6}(?:\s+и\s+[А-ЯЁ]{2,5})?"  # 'департамента промышленности, транспорта, связи и …'
    # 'начальника финансового управления': a unit its adjective names, no word after it
    r"|(?:[а-яё-]+(?:ого|ой)\s+){1,2}(?:управлени|департамент|отдел|сектор|служб)[а-яё]*)"
    r"(?P<country>\s+(?:РФ|России|Российской\s+Федерации))?"
)
#: a body of a chief before his role ('управления администрации президента РФ Имя'): the post is the outer one's
CHIEFS_BODY = re.compile(
    r"(?:управлени|департамент|отдел|руководител|начальник|заместител)[а-яё]*\s+(?:[а-яё-]+\s+){0,4}?"
    r"(?:администраци|аппарат|канцеляри|секретариат)[а-яё]*\s+$",
    re.IGNORECASE,
)
#: the usual periphrases of the federal cities, in the genitive after a governor's post
#: a city by its epithet; the capital's mayor («заммэра столицы») is Moscow's
CITY_NAMES = {"северной столицы": "Санкт-Петербург", "северной пальмиры": "Санкт-Петербург", "столицы": "Москва"}
#: a collegial body in the genitive after its chair's role, named by lower-case words only
BODY = re.compile(r"(?:комитет|комисси|подкомисси|совет)[а-яё]*(?:\s+[а-яё-]+){1,6}")
CHAIRS = {"chair", "deputy-chair", "first-deputy-chair", "head"}
#: an adjective before a post after a name; not one that makes it a former or future post
#: 'тоже', 'также' between a name and its post in apposition
ALSO = re.compile(r"(?:тоже|также)\s+(?=[а-яё])")
#: an adjective before a role after a name, in any case: 'Сергей Собянин, столичный градоначальник', 'Анатолия Собчака,
#: первого мэра …'
EPITHET = re.compile(r"(?!(?:бывш|прежн|будущ|экс)[а-яё-]*\s)([а-яё]+(?:ый|ий|ой|ого|его|ому|ему|ым|им))\s+")
#: an outlet after «корреспондент»: a name in quotes or in capitals
OUTLET = re.compile(r"[«\"“][^»\"”\n]{1,40}[»\"”]|[A-ZА-ЯЁ][\w.\-]*\+?(?:[ \-][A-ZА-ЯЁ][\w.\-]*\+?)?")
#: an outlet named by its kind after «обозреватель», «корреспондент»: the outlet is named elsewhere
MEDIA = re.compile(r"(?:издания|газеты|журнала|агентства|телеканала|радиостанции|портала)")
#: an acting chief's abbreviation before the chief's role: 'врио', 'и.о.', 'и. о', 'и.о'
ACTING_ABBREVIATION = r"(?:врио|и\.\s?о\.?)"
#: whose press secretary: a post in genitive («пресс-секретарь президента России»)
CHIEF = re.compile(
    rf"(?:{ACTING_ABBREVIATION}\s+)?(?:президента|губернатора|премьер-министра|председателя\s+правительства|министра|мэра|главы\s+(?:региона|государства))"
    r"(?:\s+(?:РФ|России|Российской\s+Федерации))?",
    re.IGNORECASE,
)
#: when a post was or is held, in a relative clause: 'который прежде был …', 'который сейчас занимает пост …'
WHEN_HELD = (
    r"(?:(?:прежде|ранее|до\s+этого|тогда|сейчас|ныне|теперь|также"
    r"|(?:вплоть\s+)?до\s+(?:сегодняшнего|вчерашнего|последнего)\s+(?:дня|времени))\s+)?"  # 'вплоть до сегодняшнего дня'
)
#: a date between a name and its verb: 'Имя с 13 января стал …', 'Имя с 1 сентября оставляет должность …'
SINCE_DATE = (
    r"(?:(?:с\s+)?\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+)?"
)
#: a military rank before a name: 'Главкомом ВМФ стал адмирал Имя'
RANK = r"(?:(?:вице-|контр-)?адмирал|генерал(?:-(?:полковник|лейтенант|майор))?|(?:под)?полковник)"
#: a person's age as an adjective: '37-летнего', '27-летний'
AGE = r"\d{1,3}-летн(?:ий|его|ему|им|ем|яя|ей|юю)"
#: when a post was taken or held, before the verb: 'в ноябре этого года', 'в 2012 — 2017 году', 'с 2015 года'
HELD_IN = (
    r"(?:(?:в|с|до)\s+(?:[а-яё]+\s+)?(?:\d{4}(?:\s*[—–-]\s*\d{4})?|этого|прошлого|того\s+же)\s+(?:года|году|годах)\s+)"
)
#: 'Имя назначен (на должность) директором …', 'Имени назначили …', 'Имя стал председателем …': a post given after the name
APPOINTED = (
    # 'Имя, которого назначили директором департамента …': the object of a relative clause, the post given
    rf",\s+котор(?:ого|ую)\s+{WHEN_HELD}(?:(?:недавно|официально|в\s+[а-яё]+)\s+)?(?:назначили|избрали|утвердили)\s+"
    r"(?:(?:на\s+)?(?:должность|пост)\s+)?(?=[а-яё]+(?:ым|им|ом|ем|ой|ей)\s)|"
    # 'Имя, который прежде был первым заместителем министра': a relative clause with the post in the instrumental
    rf",\s+котор(?:ый|ая)\s+{WHEN_HELD}"
    r"(?:был[аи]?|является|являлся|являлась|стал[аи]?|работает|работал[аи]?)\s+(?=[а-яё]+(?:ым|им|ом|ем|ой|ей)\s)|"
    # 'Имя, который сейчас занимает пост вице-президента …': the post in the genitive after «пост»
    rf",\s+котор(?:ый|ая)\s+{WHEN_HELD}"
    r"(?:занимает|занимал[аи]?|(?P<two>совмеща(?:ет|л[аи]?)))\s+(?(two)(?:посты|должности)|(?:пост|должность))\s+|"
    # 'Имя, в ноябре этого года занял пост советника …', 'Имя, в 2012 — 2017 году занимавший пост главы города'
    rf",\s+{HELD_IN}?(?:занял[аи]?|(?:занимавш|занимающ)(?:ий|ая|его|ей))\s+(?:(?:сейчас|ныне|теперь)\s+)?"
    r"(?:пост|должность)\s+|"  # 'Имя, занимающий сейчас пост первого вице-губернатора'
    rf"(?:\s+|,\s+){SINCE_DATE}"
    r"(?:(?:вполне|официально|ожидаемо|неожиданно|единогласно|досрочно)\s+){0,2}"  # 'Имени вполне ожидаемо назначили'
    r"(?:был[аи]?\s+|вновь\s+|также\s+|уже\s+|теперь\s+|(?:прежде|ранее|до\s+этого|недавно)\s+)?(?:назначен[аы]?|утвержден[аы]?|назначается|избран[аы]?|стал[аи]?|станет|став|ставш(?:ий|ая)|(?:пере)?избрали|назначили"
    r"|(?:(?<=прежде\s)|(?<=ранее\s))бывш(?:ий|ая)(?=\s+[а-яё]+(?:ом|ем|ым|им|ой|ей)\s)"  # 'Имя, прежде бывший гендиректором …'
    r"|утвердили|является|являлся|являлась|работает|работал[аи]?|(?:работавш|занимавш|занимающ|остававш|остающ)(?:ий|ая|его|ей|ую)(?:ся|йся)?|(?:назначенн|избранн)[а-яё]{2,3}(?:\s+в\s+[а-яё]+)?"
    # 'Имени, освобожденного от обязанностей полпреда президента в УрФО': the post he left
    r"|освобожд[её]нн(?:ый|ая|ого|ой|ому)\s+от\s+(?:обязанностей|должности|поста)"
    # 'Имя получил назначение (на должность) врио губернатора', 'Имя получил пост министра'
    r"|получил[аи]?\s+(?:(?:официальное|новое)\s+)?назначение|получивш(?:ий|ая|его|ей)\s+назначение|получил[аи]?(?=\s+(?:пост|должность)\s))\s+"
    r"(?:(?:на\s+|в\s+)?(?:должност[ьи]|пост)\s+)?(?:(?:нов|полноправн)(?:ым|ой|ыми)\s+)?"  # 'назначен новым …'
)  # 'Имя, с апреля исполнявший обязанности министра, теперь стал полноправным министром'
#: a decree's duties laid on a person, after «Возложить»: 'временно исполнение обязанностей (министра …)'
DUTIES_WORDS = r"(?:временно\s+)?исполнение\s+обязанностей"
#: the duties of an office before its holder's name: 'Обязанности министра … Имя будет исполнять'
OFFICE_DUTIES = re.compile(r"(?<![\w-])[Оо]бязанност(?:и|ей|ями)\s+$")
#: acting in a post: 'и.о. директора', 'временно исполняющий обязанности генерального директора'
ACTING = re.compile(
    rf"(?<![\w-])(?:(?:временно\s+)?исполня(?:ющ\w+|вш\w+|ть)\s+обязанности|и\.\s?о\.?|врио|(?<=возложить\s){DUTIES_WORDS}"
    r"|(?<=от\s)исполнения\s+обязанностей)\s+$",  # 'освободил Имени от исполнения обязанностей начальника …'
    re.IGNORECASE,
)
#: a deputy's office written with «вице-» in the genitive ('первого вице-губернатора', 'вице-мэра')
VICE_WRITTEN = re.compile(r"(?:перв(?:ого|ой)\s+)?вице-[а-яё]+а", re.IGNORECASE)
#: the temporary acting holder ('врио', 'временно исполняющий обязанности'), a post of its own beside 'и.о.'
TEMPORARY = re.compile(r"\s*(?:врио|временно)(?![\w-])", re.IGNORECASE)
ACTING_AFTER = re.compile(
    # 'Имя, последние шесть месяцев исполнявший обязанности министра …': a time before the participle
    # 'Имя станет исполнять обязанности первого заместителя …': the infinitive after the verb
    r"(?:(?:[а-яё0-9]+\s+){1,4}?(?=(?:временно\s+)?исполнявш))?(?:(?:временно\s+)?исполня(?:ющ\w+|вш\w+|ть)\s+обязанности"
    r"|и\.\s?о\.|врио)\s+",
    re.IGNORECASE,
)
#: a post held before or now, after a name: 'Имя, в прошлом министр …', 'Имя, а ныне директор …'
FORMER = re.compile(
    r"(?:в\s+прошлом|ранее|а\s+ныне|ныне|сейчас|бывш[а-яё]+|прежн[а-яё]+)\s+|экс-(?=[а-яё])", re.IGNORECASE
)
#: a post of someone's staff, before the chief's role in the genitive ('советник генерального директора …', 'официальный
#: представитель вице-премьера')
CHIEF_OF = re.compile(
    rf"(?<![\w-])(?:пресс-секретар|советник|помощник|референт|(?:официальн\w+\s+)?представител)\w*\s+"
    rf"(?:(?:{ACTING_ABBREVIATION}|(?:временно\s+)?исполняющ\w+\s+обязанности)\s+)?$",
    re.IGNORECASE,
)
#: adjectives that make a role of their own ('исполнительный директор', 'старший вице-президент'): kept in its label
ROLE_ADJECTIVES = {
    "исполнительн": ("исполнительный", "executive"), "управляющ": ("управляющий", "managing"),
    "финансов": ("финансовый", "financial"), "техническ": ("технический", "technical"),
    "коммерческ": ("коммерческий", "commercial"), "операционн": ("операционный", "operating"),
    "старш": ("старший", "senior"), "официальн": ("официальный", "official"),
    "индустриальн": ("индустриальный", "industrial"), "полномочн": ("полномочный", "plenipotentiary"),
}  # fmt: skip
#: a city's head and deputies, and the posts a city's genitive may follow ('глава Нижнего Тагила')
CITY_HEADS = {
    "mayor", "deputy-mayor", "first-deputy-mayor", "head", "governor", "deputy-head", "first-deputy-head",
    "chief-architect", "prosecutor",
}  # fmt: skip
#: roles with a function of their own before the organisation ('директор по развитию компании …')
FUNCTIONAL = {
    "director", "deputy-director", "first-deputy-director", "director-general", "first-deputy-director-general",
    "vice-president", "first-vice-president", "deputy-chair", "first-deputy-chair", "deputy-head",
}  # fmt: skip
#: deputies of a head with a portfolio of their own ('вице-премьер … по вопросам ТЭК')
DEPUTIES_OF_HEADS = {
    "deputy-governor", "first-deputy-governor", "vice-premier", "first-vice-premier", "deputy-minister",
    "first-deputy-minister", "first-deputy-head", "deputy-mayor", "first-deputy-mayor",
}  # fmt: skip
LEADS = re.compile(
    r"(?P<org>\S.*?)(?:\s+вместо\s+(?P<instead>[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё-]+)?))?\s+"
    r"(?:(?:снова|вновь|теперь|временно|официально|также|отныне)\s+)?"
    r"(?:возглавил|возглавила|возглавит|возглавляет|возглавлял|возглавляла"
    r"|(?:поручено|поручили|предложено)\s+возглавить)\s+$"
)  # 'Министерство культуры (снова) возглавит Имя', '… министерство … поручено возглавить Имени', 'министерство …
# вместо Имени теперь возглавляет Имя2' (the one replaced, no part of the body)
#: 'во главе министерства … встанет Имя', 'во главе департамента … поставлена Имя'
AT_THE_HEAD = re.compile(
    r"(?<![\w-])во\s+главе\s+(?P<org>[^.;:!?\n]+?)\s+(?:встанет|встал|встала|поставлен[аы]?|окажется|будет|стоит|стоял|стояла)\s+"
    r"(?:(?:известн|опытн|бывш|нын)[а-яё]+\s+(?:[а-яё]+\s+)?)?$",  # '… стоит известный академик Имя'
    re.IGNORECASE,
)
#: a body named by its kind alone after «во главе»: 'предприятия', 'завода', 'компании'
BARE_KIND = re.compile(r"(предприятия|завода|компании|корпорации|концерна|холдинга|фонда|министерства)", re.IGNORECASE)
#: 'представители фракции КПРФ в Государственной Думе во главе с Г.А. Зюгановым': the body's head, named right after it
GROUP_LED = re.compile(r"(?<![\w-])(?:делегаци|групп|команд|бригад|колонн|отряд)[а-яё]{0,3}[ \u00a0]+$", re.IGNORECASE)
LED_BY = re.compile(r"[ \u00a0]+во[ \u00a0]+главе[ \u00a0]+с(?:о)?[ \u00a0]+$")
#: 'возглавляющий комиссию замглавы Минфина Антон Силуанов': the head of a body, before the person's posts
HEADING = re.compile(
    r"(?<![\w-])возглавля(?:ющ|вш)[а-яё]+\s+(?P<body>[а-яё]+)(?P<rest>[^,.;:()\n]*?)\s*$", re.IGNORECASE
)
#: bodies whose head is their chair
CHAIRED = ("комиссия", "подкомиссия", "комитет", "совет")
#: the country named in a post's words ('министр промышленности РФ', 'Минпромторга России')
COUNTRY = re.compile(r"(?<![\w-])(?:РФ|России|Российской\s+Федерации|Минпромторг\w*|федеральн\w+)(?![\w-])")
#: the head of a chaired body (and its deputies) is its chair
HEADS_OF_CHAIRED = {"head": "chair", "deputy-head": "deputy-chair", "first-deputy-head": "first-deputy-chair"}
#: a committee or commission the text does not name after its head's role ('замглавы комитета Имя')
BARE_COMMITTEE = re.compile(r"\s*(?:комитета|комиссии|подкомиссии)\s*")


@dataclass
class Post:
    person: Candidate
    org: Candidate | None
    role: str | None  # role concept local name
    role_ru: str
    role_en: str
    start: int  # the quote: role ... name (or name ... role)
    end: int
    label_ru: str = ""
    label_en: str = ""
    region: regions.Region | None = None  # a post in a region ('губернатор Свердловской области')
    notes: list[tuple[str, str]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # every place the text gives the post
    acting: str | None = None  # a concept of pkg:ActingScheme: 'temporaryActing' («врио»), 'interimActing' («и.о.»)

    @property
    def key(self) -> str:
        where = (
            self.org.key if self.org else f"region:{self.region.label}" if self.region else f"person:{self.person.key}"
        )
        return f"{where}|{self.role_ru}"


@dataclass
class _Seg:
    key: str  # role key
    plural: bool
    start: int
    end: int  # end of the complement
    org: Candidate | None
    region: regions.Region | None
    words: str  # genitive words between the role and its organisation/region ('департамента станкостроения')
    implied: bool = False  # the organisation is the default of the role (the Government)
    alone: bool = False  # the person's only post here (no chain)
    role_end: int = 0  # end of the role's words


#: bodies of the state and collegial bodies, of the class Organization but no company ('директор предприятия' is not
#: of «Совет по предпринимательству …» named last); the armed forces' services and fleets ('глава компании' after
#: «главкому ВМФ» is not the Navy's)
PUBLIC_BODIES = {
    "совет", "комиссия", "комитет", "министерство", "правительство", "администрация", "департамент", "управление",
    "служба", "агентство", "палата", "коллегия", "президиум", "дума", "собрание", "мэрия", "флот", "армия", "войска",
    "авиация",
}  # fmt: skip


class _Index:
    def __init__(self, text: str, orgs: list[Candidate]):
        self.text = text
        self.orgs = orgs
        self.at: dict[tuple[int, int], Candidate] = {}
        self.ending: dict[int, list[tuple[Candidate, Mention]]] = {}
        for c in orgs:
            for m in c.mentions:
                self.at[(m.start, m.end)] = c
                self.ending.setdefault(m.end, []).append((c, m))
        self.regions = {(r.start, r.end): r for r in regions.find(text)}
        self.government = next((c for c in orgs if c.key == "alias:government-of-russia"), None)
        self.composed_government = False
        self.joint: dict[int, Candidate] = {}  # a complement's start -> the second of two organisations it joins

    def regional_premiers(self) -> bool:
        """Does the article name a region's government, or a government post of a region
        («вице-премьер Татарстана», «премьер-министр РБ»)?"""
        if any(c.cls == "RegionalGovernment" for c in self.orgs):
            return True
        starts = {rs for rs, _ in self.regions}
        for m in re.finditer(r"(?:премьер\S*|председател\w+\s+правительства)\s+", self.text, re.IGNORECASE):
            if m.end() in starts or re.match(r"Р[ТБ]\b", self.text[m.end() :]):
                return True
        return False

    def _named(self, kinds: tuple[str, ...]) -> list[tuple[Mention, Candidate]]:
        """Every mention of an organisation of one of ``kinds`` (a class, or the head noun of its label; none:
        any organisation)."""
        return [
            (m, c)
            for c in self.orgs
            for m in c.mentions
            if not kinds
            or head_lemma(c.label_ru) in kinds
            or c.label_ru.split()[0].lower() in kinds  # 'ОЭЗ «Алабуга»' by its kind's initials
            or (c.cls in kinds and not (c.cls == "Organization" and head_lemma(c.label_ru) in PUBLIC_BODIES))
            or m.text.split(maxsplit=1)[0].lower() in LEGAL_FORMS.intersection(kinds)  # 'ПАО «Ил»' for a bare «ПАО»
        ]

    def first_in_sentence_after(self, pos: int, kinds: tuple[str, ...]) -> Candidate | None:
        """'Председатель партии Дмитрий Медведев напомнил, что «Единая Россия» …': the party named
        later in the same sentence."""
        stop = min((i for i in (self.text.find(".", pos), self.text.find("\n", pos)) if i >= 0), default=len(self.text))
        after = [(m.start, c) for m, c in self._named(kinds) if pos <= m.start < stop]
        return min(after, key=lambda x: x[0])[1] if after else None

    def last_before(self, pos: int, kinds: tuple[str, ...]) -> Candidate | None:
        """The organisation of one of ``kinds`` the text names last before ``pos``."""
        before = [(m.start, c) for m, c in self._named(kinds) if m.end <= pos and not self._parents_aside(m)]
        return max(before, key=lambda x: x[0])[1] if before else None

    def _parents_aside(self, m: Mention) -> bool:
        """'ОАО "РСК "МиГ" (входит в ОАО "ОАК") - генеральный директор компании …': a parent named in brackets after
        a company is not the company a bare «компании» after it means."""
        opening = self.text.rfind("(", 0, m.start)
        return (
            opening != -1
            and self.text.find(")", opening) >= m.end
            and PARENTS_ASIDE.match(self.text, opening + 1) is not None
        )


#: a bracketed aside naming a company's parent: '(входит в ОАО "ОАК")', '(в составе ОСК)', '(дочерняя компания …)'
PARENTS_ASIDE = re.compile(r"\s*(?:входит|входящ|в\s+составе|дочерн|принадлежит|подконтрольн)", re.IGNORECASE)
#: a party to a deal acting through its officer: '… компанией «Сахалин» в лице ее гендиректора Имени'
ON_BEHALF = re.compile(r"(?<![\w-])в\s+лице\s+(?:его|её|ее|их)\s+$", re.IGNORECASE)


def _city_genitive(words: str) -> bool:
    """'Екатеринбурга', 'Нижнего Тагила': a city's name in the genitive (a place the dictionary knows, perhaps after
    its adjective)."""
    city = re.fullmatch(r"(?:[А-ЯЁ][а-яё]+(?:ого|его|ой|ей|их|ых)\s+)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*)", words)
    return city is not None and any("Geox" in p.tag and p.tag.case == "gent" for p in nlp.parse(city.group(1)))


def _role_key(m: re.Match) -> str:
    return ROLE_PATTERNS[int(next(k for k, v in m.groupdict().items() if v)[1:])][1]


def _skip_spaces(text: str, pos: int) -> int:
    """The first position from ``pos`` that is no whitespace."""
    return pos + len(text[pos:]) - len(text[pos:].lstrip())


#: a name, then «и» or a comma and another name: a list of names
NAMES_LISTED = re.compile(r"(?:[А-ЯЁ][а-яё-]+\s+){1,2}[А-ЯЁ][а-яё-]+(?:\s+и|,)\s+[А-ЯЁ][а-яё-]+\s+[А-ЯЁ]")
#: a deputy's post -> the post of the one whose deputy it is
DEPUTYS_CHIEF = {
    "vice-premier": "premier",
    "first-vice-premier": "premier",
    "deputy-minister": "minister",
    "first-deputy-minister": "minister",
    "deputy-governor": "governor",
    "first-deputy-governor": "governor",
    "deputy-mayor": "mayor",
    "first-deputy-mayor": "mayor",
}


def _plural_deputies(role_text: str, name: re.Match[str] | None) -> bool:
    """'заместителей премьер-министра' before one name not in the plural: several deputies, the name their chief's."""
    words = nlp.words(role_text)
    if name is None or len(words) < 2 or not words[0][0].lower().startswith(("заместител", "замов", "вице-")):
        return False
    role = nlp.parse(words[0][0].lower())
    named = [p for p in nlp.parse(name.group()) if "Name" in p.tag or "Surn" in p.tag]
    return (
        bool(role)
        and all(p.tag.number == "plur" and p.tag.case in ("gent", "accs", "datv", "loct", "ablt") for p in role)
        and any(p.tag.case == "gent" for p in named)  # not 'Заместители министра Имя и Имя2': the deputies named
    )


def _genitive_plural_before_nominative(role_text: str, name: re.Match[str] | None) -> bool:
    """A plural role in the genitive alone ('депутатов') right before a name that is in the nominative only."""
    words = nlp.words(role_text)
    if name is None or len(words) != 1:
        return False
    role = nlp.parse(words[0][0].lower())
    named = [p for p in nlp.parse(name.group()) if "Name" in p.tag or "Surn" in p.tag]
    return (
        bool(role)
        and all(p.tag.number == "plur" and p.tag.case in ("gent", "accs") for p in role)
        and bool(named)
        and all(p.tag.case == "nomn" for p in named)
    )


def _case_clash(role: str, other: str) -> bool:
    """Can the two roles' first words be in no common case ('вице-губернатора' and 'глава')? Not a predicate in the
    instrumental ('Его председателем стал министр обороны Имя')."""
    cases = [
        {p.tag.case for p in nlp.parse(ws[0][0].lower())} if (ws := nlp.words(r)) else set() for r in (role, other)
    ]
    return all(cases) and not cases[0] & cases[1] and not any("ablt" in c for c in cases)


def _plural(role_text: str, nominative: bool = False) -> bool:
    """Is the role plural (its first reading; with ``nominative``, any nominative plural reading:
    «главы регионов — …»)?"""
    first = nlp.words(role_text)[0][0]
    if nominative:
        return any(p.tag.number == "plur" and p.tag.case == "nomn" for p in nlp.parse(first.lower()))
    return any(p.tag.number == "plur" and p.tag.POS == "NOUN" for p in nlp.parse(first)[:1])


def _held_by_parent(ix: _Index, a: int, b: int) -> Candidate | None:
    """The organisation named exactly in text[a:b] (with its abbreviation in brackets after it, if written):
    'ОДК ', 'Объединенной двигателестроительной корпорации (ОДК) ' before the parent's name."""
    inner = re.sub(r"\s*\([А-ЯЁA-Z]{2,8}\)\s*$", "", ix.text[a:b]).rstrip()
    held = ix.at.get((a, a + len(inner))) if inner else None
    # a department named without its owner is a label cut short ('Департамента промышленности минпромэнерго')
    return None if held is None or head_lemma(held.label_ru) in FIELD_UNITS else held


#: a participle naming the group a company is part of, before the company: 'входящего в ОСК', 'входящего в состав …'
PART_OF = re.compile(r"(?:входящ|принадлежащ)[а-яё]{2,4}\s+в\s+(?:состав\s+)?")


def _complement(
    ix: _Index, key: str, a: int, b: int, bare: bool = True
) -> tuple[Candidate | None, regions.Region | None, str, bool] | None:
    """What text[a:b] (after a role) names: (organisation, region, genitive words, implied?); None
    when the rules do not understand it. With ``bare``, a region noun alone («губернатор области»)
    is the region the article is about."""
    text = ix.text
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in " ,\u00a0\n":
        b -= 1
    cop = COPULA.search(text[a:b])
    if cop:
        b = a + cop.start()
    elected = [tail for (rs, re_) in ix.regions if re_ == b and (tail := re.search(r"\s+от\s+$", text[a - 1 : rs]))]
    if elected and key in ("senator", "deputy", "member"):  # 'сенатор от Самарской области'
        b = max(a, a - 1 + elected[0].start())
        if a == b:
            return None, None, "", False
    if key in ("senator", "deputy", "member") and re.fullmatch(
        r"от\s+(?:(?:этого|нашего|своего|того\s+же)\s+)?(?:региона|области|края|республики|округа)", text[a:b]
    ):  # 'депутат от региона': elected in the region the article is about
        return None, None, "", False
    # 'депутат от ЛДПР', 'депутат от фракции «Единая Россия»': of the party
    if key in ("senator", "deputy", "member") and (
        seat := re.search(r"(?:^|\s+)от\s+(?P<faction>фракции\s+)?[«\"]?(?=\S)", text[a:b])
    ):
        upto = b - 1 if text[b - 1] in '»"' else b  # the party or body, maybe in quotes
        if seat.start() == 0 and seat.group("faction") and (a + seat.start("faction"), b) in ix.at:
            return ix.at[(a + seat.start("faction"), b)], None, "", False  # 'от фракции «…»': of the faction named
        in_quotes = text[a + seat.end() - 1] in '«"'  # the party's name in quotes, its mention with them or without
        spans = [(a + seat.end(), upto), *([(a + seat.end() - 1, b)] if in_quotes else [])]
        party = next((ix.at[x] for x in spans if x in ix.at), None) if seat.start() == 0 else None
        if party is not None:
            return party, None, "", False  # 'депутат от ЛДПР': of the party
        if seat.start() > 0 and any(m.start == a + seat.end() for _, m in ix.ending.get(upto, [])):
            return _complement(ix, key, a, a + seat.start(), bare)  # 'депутат Госдумы от ЛДПР': of the Duma
    # and 'генеральный директор ПАО "…" (ОАК, входит в Ростех) Юрий …': its short name and an aside
    abbr = re.search(r"\s*\([A-ZА-ЯЁ][\w.-]{1,12}(?:,\s*[^()\n]{1,50})?\)$", text[a:b])
    if abbr and abbr.start() > 0:  # 'директора Фонда развития промышленности (ФРП) Юрий …': the short name
        b = a + abbr.start()
    if a == b:
        return None, None, "", False
    comp = text[a:b]
    member_of = PART_OF.match(comp)
    parent = [e for (s, e), _ in ix.at.items() if member_of is not None and s == a + member_of.end() and e < b]
    if parent:  # 'генеральный директор входящего в ОСК астраханского АО «…»': the company after its parent
        rest = _complement(ix, key, max(parent), b, bare)
        if rest is not None and rest[0] is not None:
            return rest
    seated = re.match(r"фракции\s.+?(?=\s+в\s+\S)", comp) if key == "member" else None
    if seated is not None:  # 'член фракции «Единая Россия» в Мурманской областной Думе': of the party's faction
        return _complement(ix, key, a, a + seated.end(), bare)
    function = re.match(r"по(?:\s+[а-яё-]+){1,4}?(?=\s+\S)", comp) if key in FUNCTIONAL | {"minister"} else None
    # 'директор по развитию компании «Вектор»', 'министр по торговле ЕЭК': the function, then the organisation
    while function is not None:
        rest = _complement(ix, key, a + function.end(), b, bare=False)
        if rest is not None and (rest[0] is not None or rest[1] is not None):
            return rest[0], rest[1], f"{function.group()} {rest[2]}".strip(), rest[3]
        function = re.match(rf"{re.escape(function.group())}\s+[а-яё-]+(?=\s+\S)", comp)
        if function is not None and len(function.group().split()) > 5:
            break
    tail = (
        re.search(r"\s+(по(?:\s+(?:[а-яё-]+|[А-ЯЁ]{2,5})){1,8})$", comp)  # '… по вопросам экономической политики и …'
        if key in FUNCTIONAL | DEPUTIES_OF_HEADS | {"governor-adviser"}
        else None
    )
    if tail is not None and not any(
        a <= m.start <= a + tail.start() for _, m in ix.ending.get(b, [])
    ):  # 'заместитель губернатора Томской области по экономике': the function after the organisation
        rest = _complement(ix, key, a, a + tail.start(), bare)
        of_city = rest is not None and key in CITY_HEADS and rest[2] != "" and _city_genitive(rest[2])
        if rest is not None and (rest[0] is not None or rest[1] is not None or rest[3] or of_city):
            # also 'заместитель главы Барнаула по экономической политике': a city's, named in the label
            return rest[0], rest[1], f"{rest[2]} {tail.group(1)}".strip(), rest[3]
    if key in GOVERNORS - {"governor", "acting-governor"} | {
        "deputy-chair",
        "first-deputy-chair",
        "governor-adviser",
    } and re.fullmatch(r"по(?:\s+(?:[а-яё-]+|[А-ЯЁ]{2,5})){1,8}", comp):
        # 'первый заместитель губернатора по промышленности …', 'заместитель председателя по вопросам безопасности':
        # the portfolio alone
        return None, None, comp, False
    if key in ("head", "deputy-head") and re.fullmatch(r"(?:[а-яё]+(?:ой|ей)\s+)?делегации", comp):
        return None, None, comp, False  # 'руководитель (российской) делегации': the delegation, no body
    if key in ("presidential-aide", "presidential-adviser") and re.fullmatch(r"по(?:\s+[а-яё-]+){1,6}", comp):
        return None, None, comp, False  # 'помощник президента РФ по кадровым вопросам': the aide's portfolio
    if key in ("correspondent", "columnist"):  # 'корреспонденту GUIDE Анне …', 'корр. «Вестей»', 'обозреватель издания'
        return (None, None, "", False) if OUTLET.fullmatch(comp) or MEDIA.fullmatch(comp) else None
    if key == "press-secretary" and CHIEF.fullmatch(comp):
        # 'пресс-секретарь президента', '… главы государства': the office is not named
        return None, None, re.sub(r"главы\s+государства", "президента", comp), False
    if key == "representative":  # 'представитель Омской области при федеральном правительстве'
        at = re.search(r"\sпри\s+", comp)
        host = [c for c, m in ix.ending.get(b, []) if at is not None and m.start == a + at.end()]
        if host:
            return host[0], None, comp, False
        if at is not None and PRESIDENT_HOST.fullmatch(comp[at.end() :]):
            region = next((r for (rs, re_), r in ix.regions.items() if rs == a and re_ == a + at.start()), None)
            if region is not None:  # 'представитель Республики Мордовия при Президенте РФ'
                return None, region, comp[at.start() :].strip(), False
        if at is None and (a, b) in ix.at and ix.at[(a, b)].cls not in ("Company",):
            return ix.at[(a, b)], None, "", False  # 'представитель Минпромторга РФ': the body it speaks for
        inside = re.search(r"\sв\s+", comp)
        sender = [
            c
            for (s_, e_), c in ix.at.items()
            if inside is not None and s_ == a and e_ == a + inside.start() and c.cls not in ("Company",)
        ]
        if inside is not None and sender and any(m.start == a + inside.end() for _, m in ix.ending.get(b, [])):
            # 'полномочный представитель Совета Федерации в Правительстве РФ': the body it speaks for, in another
            return sender[0], None, comp[inside.start() :].strip(), False
        kind = COMPANY_KIND.match(comp)
        company = [c for c, m in ix.ending.get(b, []) if kind is not None and m.start == a + kind.end()]
        if company:  # 'представитель предприятия «Вектор»': a company by its kind and quoted name
            return company[0], None, "", False
        return None
    formed = FORMED_NAME.fullmatch(comp)
    if formed is not None and (a + formed.start("name"), a + formed.end("name")) in ix.at:
        # 'генеральный директор корпорации АО "ОСК"': the company whose short name stands in the quotes
        return ix.at[(a + formed.start("name"), a + formed.end("name"))], None, "", False
    own = re.match(r"(?:его|её|ее|их)\s+", comp)
    if own and _genitive_words(comp[own.end() :]):  # 'руководитель её исполнительного комитета': of the one named last
        owner = ix.last_before(a, ())
        return (owner, None, comp[own.end() :], False) if owner is not None else None
    if (a, b) in ix.at:
        return ix.at[(a, b)], None, "", False
    joint = next(
        (
            (c, ix.at[(e_ + j.end(), b)])
            for (s_, e_), c in ix.at.items()
            if s_ == a and (j := re.match(r"\s+и\s+", text[e_:b])) is not None and (e_ + j.end(), b) in ix.at
        ),
        None,
    )
    if joint is not None and joint[0].cls not in ("Region",) and joint[1].cls == joint[0].cls:
        ix.joint[a] = joint[1]  # 'генеральный директор ОАО «Туполев» и ОАО «КАПО …»': a post in each of the two
        return joint[0], None, "", False
    if re.fullmatch(r"[«\"][^«»\"]+[»\"]", comp) and (a + 1, b - 1) in ix.at:
        return ix.at[(a + 1, b - 1)], None, "", False  # 'председатель «Деловой России»': the name inside the quotes
    hosted = [
        c
        for (s_, e_), c in ix.at.items()
        if s_ == a
        and (at := re.fullmatch(r"\s+при\s+([^,;:()\n]+)", text[e_:b])) is not None
        and (re.fullmatch(r"[а-яё -]+", at.group(1)) or any(s2 == e_ + at.start(1) for s2, e2 in ix.at if e2 == b))
    ]  # never 'при Минпромторге Иван Петров': a name after the host is the holder, not the body's
    if hosted:  # 'председатель Консультативного совета при Минпромторге': the body, hosted by another
        return hosted[0], None, "", False
    if comp.lower() in CITY_NAMES and key in REGION_HEADS | {"mayor", "deputy-mayor", "first-deputy-mayor"}:
        return (
            None,
            regions.Region(CITY_NAMES[comp.lower()], a, b, comp),
            "",
            False,
        )  # 'вице-губернатор северной столицы'
    if comp.lower() == "города" and key in GOVERNORS:  # 'вице-губернатор города': a federal city the text names
        cities = [r for r in ix.regions.values() if r.is_city]
        city = max((r for r in cities if r.end <= a), key=lambda r: r.end, default=None) or min(
            cities, key=lambda r: r.start, default=None
        )
        return (None, regions.Region(city.label, a, b, comp), "", False) if city is not None else None
    if (a, b) in ix.regions:
        r = ix.regions[(a, b)]
        gov = _regional_gov(ix, r) if key in GOVERNMENT_ROLES else None
        return (gov, None, "", False) if gov is not None else (None, r, "", False)
    if key in CITY_HEADS and _city_genitive(comp):
        return None, None, comp, False  # 'мэр Екатеринбурга', 'глава Нижнего Тагила': a city, named in the post's label
    if re.fullmatch(r"РФ|России|Российской Федерации", comp):
        return None, None, "", key in GOVERNMENT_ROLES
    noun = ANAPHOR_EPITHET.sub("", comp.lower())  # 'глава федерального ведомства': the ministry named last
    if noun in ANAPHORS and key not in GOVERNMENT_ROLES:
        kinds = ANAPHORS[noun]
        # not after «станет»/«стал» and the name: 'Директором завода станет Имя, руководитель «Вектора»' (another body)
        # the kind's own word before a class of any ('концерна': the concern named, not the Kremlin named later)
        own_kinds = tuple(k for k in kinds if k[:1].islower())
        earlier = (
            (ix.last_before(a, own_kinds) if own_kinds and len(own_kinds) < len(kinds) else None)
            or ix.last_before(a, kinds)
            or (ix.first_in_sentence_after(b, kinds) if cop is None else None)
        )
        # 'генеральный директор парка' of a park the rules did not name: the post, its organisation in words
        if earlier is None and noun == "управления":
            return None  # 'Начальник управления Имя': which one, the text does not say
        return (earlier, None, "", False) if earlier else (None, None, comp.lower(), False) if kinds else None
    if key == "envoy":  # 'полпред президента в УрФО': the envoy's office in that district
        prep = re.match(r"(?:в|по)\s+", comp)
        district = regions.federal_district(comp[prep.end() :]) if prep else None
        if district is None or prep is None or prep.end() + district[1] != len(comp):
            # 'полпред президента в Приволжье': a district by a name the table does not have, in words
            one = re.fullmatch(r"в\s+[А-ЯЁ][а-яё]+(?:ье|ии|е)", comp) and not any(c for c, _ in ix.ending.get(b, []))
            return (None, None, comp, False) if one else None
        office = _envoy_office(ix, district[0], Mention(a, b, comp))
        return (office, None, "", False) if office else (None, None, f"в {_district_locative(district[0])}", False)
    if key in ("minister", "deputy-minister", "first-deputy-minister", "acting-minister") and (
        comp in orgrules.BRANCH_ABBREVIATIONS and (a, b) not in ix.at
    ):
        return None, None, comp, False  # 'министр ЖКХ Имя' where no ministry is composed: the branch, as written
    if key in ("commissioner", "general-designer") and re.match(r"(?:при|по)\s", comp):
        if key == "general-designer" and re.search(r"[А-ЯЁ][а-яё]", comp):
            return None  # '… вооруженных сил РФ Григорий Элькин. …': no complement runs on over a name
        if re.search(r"[.!?]$", comp):
            return None  # '… по правам человека в Дагестане. Имя …': no complement runs on over a sentence's end
        return None, None, comp, False  # 'уполномоченный при президенте РФ по защите прав предпринимателей'
    country = re.search(r"\s+(?:РФ|России|Российской\s+Федерации)$", comp)
    if country is not None and country.start() > 0 and ix.ending.get(a + country.start()):
        rest = _complement(ix, key, a, a + country.start(), bare)  # 'комитета по промышленности Госдумы РФ'
        if rest is not None and rest[0] is not None:
            return rest
    # genitive words, then an organisation or a region ending at b; a name in quotes the organisation's mention
    # leaves out ('председатель совета директоров «Альфа Групп»')
    quoted = [
        (c, m)
        for c, m in ix.ending.get(b - 1, [])
        if text[b - 1 : b] in ("»", '"') and text[m.start - 1 : m.start] in ("«", '"') and m.start - 1 > a
    ]
    for c, m in ix.ending.get(b, []) + quoted:
        if (c, m) in quoted:
            m = Mention(m.start - 1, b, text[m.start - 1 : b])
        if re.fullmatch(r"\s*(?:во?|на)\s+(?:[а-яё]+(?:ом|ем|ой)\s+)?", text[a : m.start]):
            return c, None, "", False  # 'пост генерального директора в корпорации …', '… на рыбинском заводе «X»'
        if re.fullmatch(rf"\s*(?:{orgrules.LEGAL_FORMS})\s+", text[a : m.start]):
            return c, None, "", False  # 'генеральный директор ПАО "Объединенная авиастроительная корпорация"'
        body = _abbreviated_body(ix, text[a : m.start].strip(), c) if m.start > a else None
        if body is not None:  # 'секретарь ЦК КПРФ': the Central Committee of the party, named in full before
            return body, None, "", False
        held = _held_by_parent(ix, a, m.start)
        if held is not None:  # 'гендиректор ОДК Ростеха': the subsidiary named first, its parent after it
            return held, None, "", False
        split = _descriptor(text[a : m.start]) if m.start > a else None
        if split is not None:  # 'глава Госкорпорации Ростех', 'Председатель Правления банка НОВИКОМ'
            return c, None, split, False
        if m.start > a and _genitive_words(text[a : m.start]):
            return c, None, _without_epithets(text[a : m.start].strip()), False
    for (rs, re_), r in ix.regions.items():
        if re_ == b and rs > a and _genitive_words(text[a:rs]):
            words = text[a:rs].strip()
            gov = _regional_gov(ix, r) if words.lower() == "правительства" else None
            if gov is not None:  # 'вице-премьер правительства РБ': the region's government the article names
                return gov, None, "", False
            return None, r, words, False
    if key in REGION_HEADS and re.fullmatch(r"(?:регионов|субъектов)(?:\s+(?:округа|РФ|России|страны))?", comp):
        return None, None, "", False  # 'главы регионов округа': governors, each of a region not named
    if key in REGION_HEADS and re.fullmatch(r"автономного\s+округа", comp):  # 'губернатор автономного округа'
        okrugs = [r for r in regions.find(text) if "автономный округ" in r.label]
        prior_okrugs = [r for r in okrugs if r.end <= a]
        okrug = prior_okrugs[-1] if prior_okrugs else okrugs[0] if okrugs else None
        return (None, okrug, "", False) if okrug is not None else None
    anaphor = re.search(r"(?:^|\s)(региона|области|края|[Рр]еспублики)$", comp)  # 'глава Республики Имя' too
    if anaphor and (_genitive_words(comp[: anaphor.start()]) or (bare and anaphor.start() == 0)):
        named_by = (
            regions.adjective_before(text, a + anaphor.start(1))
            if re.fullmatch(r"[а-яё]+ого", comp[: anaphor.start()])
            else None
        )
        if named_by is not None and not named_by.is_city:  # 'губернатор самарского региона': its adjective's region
            return None, regions.Region(named_by.label, a, b, comp), "", False
        named = regions.resolve_anaphora(text, a + anaphor.start(1))
        if named is not None:
            return None, named, comp[: anaphor.start()].strip(), False
        if bare and anaphor.start() == 0 and key in REGION_HEADS:
            return None, None, "", False  # 'глава региона Алексей Русских' in an article naming only a city
    unit = (
        UNIT.fullmatch(comp)
        if key in ("chief", "deputy-chief", "first-deputy-chief", "head", "director", "deputy-head", "deputy-director")
        else None
    )
    if unit is not None and _genitive_words(
        re.sub(r"\s+и\s+[А-ЯЁ]{2,5}$", "", comp[: unit.start("country")] if unit.group("country") else comp)
    ):  # 'директор департамента инвестиционной деятельности и ГЧП': an abbreviated branch may close it
        return None, None, comp, False  # 'начальник управления бюджетирования': a unit of an unnamed organisation
    # 'заместитель руководителя исполкома Казани': a body of a city the rules do not name, in words
    civic = re.fullmatch(r"(?P<words>[а-яё-]+(?:\s+[а-яё-]+){0,3})\s+(?P<city>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*)", comp)
    if (
        civic is not None
        and key in ("chief", "deputy-chief", "first-deputy-chief", "head", "director", "deputy-head", "deputy-director")
        and _genitive_words(civic.group("words"))
        and any("Geox" in p.tag and p.tag.case == "gent" for p in nlp.parse(civic.group("city")))
    ):
        return None, None, comp, False  # 'руководитель исполкома Казани': a city's body no rule names
    if key in ("head", "deputy-head", "first-deputy-head") and (
        DISTRICT.fullmatch(comp) or MUNICIPALITY.fullmatch(comp)
    ):
        return None, None, comp, False  # 'глава Крыловского района': a municipal district, in words
    if key in CHAIRS and BODY.fullmatch(comp) and _genitive_words(comp):
        return None, None, comp, False  # 'председатель комитета экономполитики': a body the rules do not name
    if re.fullmatch(r"управляющ\w+\s+компани[иий](?:\s+[а-яё-]+){0,4}", comp) and _genitive_words(comp):
        return None, None, comp, False  # 'директор управляющей компании парка': a managing company not named
    if key in MINISTERS and _genitive_words(comp):
        ministry = _ministry_of(ix, comp)
        if ministry is not None:  # 'министр экономики' in an article naming «Минэкономики»
            return ministry, None, "", False
    if key in MINISTERS and bare and _branches(comp):
        return None, None, comp, False  # 'министр промышленности, энергетики и ЖКХ': a ministry named only in the post
    return None


BRANCH_ABBREVIATIONS = orgrules.BRANCH_ABBREVIATIONS
#: a region's anaphor closing a complement ('… предпринимательства региона'): the region's rules, not these
PLACE_NOUNS = {"региона", "области", "края", "республики", "округа", "города", "страны", "района"}


def _branches(comp: str) -> bool:
    """'промышленности, энергетики и ЖКХ': a minister's branches, nouns in the genitive joined by commas and «и»
    (an abbreviated branch, 'ЖКХ', 'АПК', among them), two at least; the ministry is named only in the post."""
    parts = [w for w in re.split(r"\s*,\s*|\s+и\s+", comp.strip()) if w]
    if len(parts) < 2 or not re.search(r"\sи\s", comp):
        return False
    nouns = 0
    for part in parts:
        if part in BRANCH_ABBREVIATIONS:
            continue
        ws = part.split()
        if (
            not ws
            or ws[-1] in PLACE_NOUNS
            or any(w[:1].isupper() for w in ws)
            or not all(any(q.tag.case == "gent" for q in nlp.parse(w)) for w in ws)
        ):
            return False
        nouns += 1
    return nouns >= 1


#: a ministry by the bare word, perhaps with an epithet: 'главы министерства', 'замглавы профильного министерства'
BARE_MINISTRY = re.compile(
    r"\s*(?:(?:федеральн|профильн|эт|данн|указанн|отраслев|российск)\w*\s+|того\s+же\s+)?министерства\s*", re.IGNORECASE
)  # 'заместителя главы того же министерства': the one named before
#: a municipal district or okrug by its name: 'Крыловского района', 'Кировского муниципального округа'
DISTRICT = re.compile(
    r"(?:[А-ЯЁ][а-яё]+-)?[А-ЯЁ][а-яё]+(?:ого|его)\s+(?:(?:муниципального|городского)\s+)?(?:района|округа)"
)
#: a municipality by its kind, then its name: 'городского округа Ступино', 'муниципального района Кинель-Черкассы'
MUNICIPALITY = re.compile(
    r"(?:городского|муниципального)\s+(?:округа|района|поселения)\s+[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁ][а-яё]+)?"
)
#: the head of state a region's representative is attached to: 'при Президенте Российской Федерации'
PRESIDENT_HOST = re.compile(r"Президенте(?:\s+(?:РФ|России|Российской\s+Федерации))?")
#: a company's kind before its quoted name: 'представитель предприятия «Вектор»'
COMPANY_KIND = re.compile(
    r"(?:компании|предприятия|завода|комбината|фабрики|холдинга|концерна|группы\s+компаний|фирмы|"
    r"(?:[ОЗП]?АО|ООО)\s*)(?=\s*[«\"„“])\s*",
)
MINISTERS = {"minister", "deputy-minister", "first-deputy-minister", "acting-minister"}
#: a company's kind and legal form before its quoted name: 'корпорации АО "ОСК"'
FORMED_NAME = re.compile(
    r"(?:(?:компании|корпорации|госкорпорации|холдинга|концерна|предприятия|завода)\s+)?(?:[ОЗП]?АО|ООО)\s*"
    r"[«\"„“](?P<name>[^«»\"„“\n]+)[»\"“”]"
)


def _ministry_of(ix: _Index, words: str) -> Candidate | None:
    """The one ministry of the article whose name has every word of a minister's short complement
    (by its first five letters: 'экономики' in «Минэкономики», «Министерство экономического развития»)."""
    stems = [w.lower()[:5] for w, _, _ in nlp.words(words) if w != "и" and len(w) > 3]
    if not stems:
        return None
    found = [
        c
        for c in ix.orgs
        if c.cls == "Ministry"
        and any(
            all(st in name.lower() for st in stems) for name in (c.label_ru, *c.alt_ru, *(m.text for m in c.mentions))
        )
    ]
    return found[0] if len(found) == 1 else None


def _regional_gov(ix: _Index, r: regions.Region) -> Candidate | None:
    """The region's government when the article names it ('вице-премьер Башкирии' beside
    «Правительство Республики Башкортостан»)."""
    label = f"Правительство {regions.genitive(r.label)}"
    return next((c for c in ix.orgs if c.label_ru == label), None)


def _district_locative(district: str) -> str:
    return f"{district[:-2]}ом федеральном округе"


def _envoy_office(ix: _Index, district: str, men: Mention) -> Candidate | None:
    """The office of the President's envoy to a federal district, when the article names it (by a bare
    «полпредство», or the office itself); composed from the post (flagged). Without such a mention the
    office is no organisation of the article: the post names the district."""
    label = f"Аппарат полномочного представителя Президента Российской Федерации в {_district_locative(district)}"
    office = next((c for c in ix.orgs if c.label_ru == label), None)
    bare = re.search(r"(?<![\w-])полпредств[оаеу]м?(?![\w-])", ix.text, re.IGNORECASE)
    if office is None and bare is None:
        return None
    if office is None:
        office = orgrules.candidate(label, None)
        office.notes.append(
            (
                "Аппарат полпреда назван только через должность — проверить.",
                "The envoy's office is named only through the post — check.",
            )
        )
        ix.orgs.append(office)
        for m in re.finditer(r"(?<![\w-])(?:[а-яё-]+(?:ом|ого|ое|ому)\s+)?полпредств[оаеу]м?(?![\w-])", ix.text):
            office.add(Mention(m.start(), m.end(), m.group()))
    office.add(men)
    return office


def _nominative(role_text: str) -> bool:
    return any(p.tag.case == "nomn" for p in nlp.parse(nlp.words(role_text)[0][0].lower()))


#: the kind of an organisation, said before its name («компании «ЕвроХим»», «Госкорпорации Ростех»)
KIND_NOUNS = {
    "компания", "госкорпорация", "корпорация", "банк", "фонд", "завод", "холдинг", "концерн", "группа",
    "ассоциация", "союз", "объединение", "предприятие", "агентство", "палата", "общество", "комбинат",
}  # fmt: skip
#: a body of an organisation whose post it is («председатель правления банка»)
BODY_NOUNS = {"правление", "президиум", "совет", "бюро"}


def _descriptor(s: str) -> str | None:
    """Genitive words before an organisation's name that end in its kind («Минерально-химической
    компании», «Правления банка»), capitals allowed: the role's own words before the kind (a body of the
    organisation, lower-cased), or None when the words are not of that shape."""
    ws = [w for w, _, _ in nlp.words(s)]
    if not ws or s.strip(" ,") != s.strip() or not _genitive_words(" ".join(w.lower() for w in ws)):
        return None
    lemmas = [nlp.lemma(w.lower()) for w in ws]
    kind = max((i for i, lm in enumerate(lemmas) if lm in KIND_NOUNS), default=-1)
    if kind == -1 and all(lm in BODY_NOUNS for lm in lemmas):
        return " ".join(w.lower() for w in ws)  # «Правления» before «банка …», the kind in the name itself
    if kind != len(ws) - 1:
        return None
    first = kind
    while first > 0 and nlp.parse(ws[first - 1].lower())[0].tag.POS == "ADJF":
        first -= 1
    own = lemmas[:first]
    if own and own[0] not in BODY_NOUNS:
        return None
    return " ".join(w.lower() for w in ws[:first])


def _name_with_kind(ix: _Index, seg: _Seg) -> None:
    """'Председатель Правления банка НОВИКОМ': the organisation's name with its kind before it («банк
    НОВИКОМ») is another name of it, when its label has no kind."""
    if seg.org is None:
        return
    for c, m in ix.ending.get(len(ix.text[: seg.end].rstrip(" ,\u00a0")), []):
        between = ix.text[seg.role_end : m.start]
        if c is not seg.org or m.start <= seg.role_end or _descriptor(between) is None:
            continue
        ws = nlp.words(between)
        first = len(seg.words.split()) if seg.words else 0
        kind = between[ws[first][1] : ws[-1][2]] if first < len(ws) else ""
        if kind and not any(nlp.lemma(w.lower()) in KIND_NOUNS for w, _, _ in nlp.words(c.label_ru)):
            alt = f"{inflect_phrase(kind, 'nomn')} {c.label_ru}"
            if alt not in c.alt_ru:
                c.alt_ru.append(alt)


def _abbreviated_body(ix: _Index, abbr: str, parent: Candidate) -> Candidate | None:
    """«ЦК» before «КПРФ»: the organisation of the article whose name is words with those initials and then the
    parent's name («Центральный комитет КПРФ»)."""
    if not re.fullmatch(r"[А-ЯЁ]{2,5}", abbr):
        return None
    for c in ix.orgs:
        if c is parent or not c.label_ru.endswith(" " + parent.label_ru):
            continue
        words = c.label_ru[: -len(parent.label_ru)].split()
        if "".join(w[:1] for w in words).upper() == abbr:
            return c
    return None


def _without_epithets(words: str) -> str:
    """'совета директоров омской' before «особой экономической зоны …»: adjectives at the end of the genitive
    words (or all of them) qualify the organisation named after them, not the post."""
    ws = words.split()
    if all(nlp.parse(w.lower())[0].tag.POS == "ADJF" for w in ws):
        return ""  # 'руководитель регионального фонда …': all of them the organisation's
    while (
        len(ws) > 1
        and nlp.parse(ws[-1].lower())[0].tag.POS == "ADJF"
        and nlp.parse(ws[-2].lower())[0].tag.POS == "NOUN"
    ):
        ws.pop()
    return " ".join(ws)


#: a unit's «по …» field after its head, lower-case words only: 'управления по работе с инвесторами'
UNIT_PO_FIELD = re.compile(r"(.*?(?:управлени|департамент|отдел|служб)[а-яё]*)\s+по\s+[а-яё]+(?:,?\s+[а-яё]+){0,5}")


def _genitive_words(s: str) -> bool:
    """Lower-case words in the genitive (and «и»): a unit's own «по …» field after its head is no part of the check."""
    field = UNIT_PO_FIELD.fullmatch(s.strip())
    ws = [w for w, _, _ in nlp.words(field.group(1) if field else s)]
    return (
        bool(ws)
        and all(w == "и" or any(p.tag.case == "gent" for p in nlp.parse(w.lower())) for w in ws)
        and not any(w[:1].isupper() and w.lower() not in BOARD_WORDS for w in ws)
    )


#: a company's board in the genitive, often capitalised: 'председатель Совета директоров ЗАО …', '… Правления банка'
BOARD_WORDS = {"совета", "директоров", "правления", "наблюдательного"}


#: an academic degree or title between a chain of posts and the name: ', доктор технических наук', ', профессор'
DEGREE_BEFORE_NAME = re.compile(
    r",\s+(?:(?:доктор|кандидат)\w{0,2}\s+[а-яё]+\s+наук(?:,\s+профессор\w{0,2})?|профессор\w{0,2}"
    r"|академик\w{0,2}(?:\s+РАН)?|член-корреспондент\w{0,2}\s+РАН)\s+$"
)


#: an age between a post and the name: ' 37-летнего', ' 27-летний'
AGE_BEFORE_NAME = re.compile(rf"\s+{AGE}\s+$")


def _chain_line_start(text: str, pm: Mention) -> int:
    """Where a chain of posts before a name may start: the name's line, or the line before when the name opens its
    line and that line (not the first) breaks off without a stop ('… генеральный директор Корпорации развития
    Калужской области\nМаксим Иванов рассказал …')."""
    start = text.rfind("\n", 0, pm.start) + 1
    if start == 0 or text[start : _name_start(text, pm)].strip() or not text[start - 2 : start - 1].isalpha():
        return start
    before = text.rfind("\n", 0, start - 1) + 1
    return before if before > 0 else start


#: a party member's word joined to a role by a hyphen, right before a name: 'депутаты-коммунисты', 'депутат-единоросс'
PARTY_MEMBER = re.compile(
    r"(?<=[а-яё])-(?:коммунист|единоросс|эсер|справедливоросс|лдпровец|лдпровц|либерал-демократ)[а-яё]*\s+$"
)


#: a sentence closed by a word's full stop right before a name ('… министр юстиции. Анна Лебедева')
SENTENCE_CLOSED = re.compile(r"[а-яё»\"]{2}[.!?]\s*$")
#: a military rank between a post and the name: 'генерал армии', 'генерал-полковник', 'адмирал'
RANK_BEFORE_NAME = re.compile(
    r"(?<=\s)(?:генерал|адмирал|маршал|полковник|подполковник|вице-адмирал|контр-адмирал)(?:-(?:лейтенант|майор|полковник))?"
    r"(?:\s+(?:армии|флота|юстиции|авиации))?\s+$",
    re.IGNORECASE,
)
#: a relative clause about the body between a post and the name: ', в которую входит … компания, '
RELATIVE_BEFORE_NAME = re.compile(
    r"(?<=[»\"\w]),\s+(?:в|на|с|к|для)\s+котор(?:ую|ой|ый|ом|ое|ых)\s[^,.;:!?()\n]{1,80},\s*$"
)


def _segments_before(ix: _Index, end: int, line_start: int) -> list[_Seg]:
    """The chain of 'ROLE COMPLEMENT' segments ending at ``end`` (right before a name)."""
    text = ix.text
    segs: list[_Seg] = []
    name_end = end
    first_word = re.match(r"[А-ЯЁ][а-яё]+", text[end : end + 40])
    # 'По словам министра …, руководителя … Максима Гамана': a chain in the genitive up to a name in it is his
    genitive_name = False
    # 'Ирины Макиевой': the given name may read as a plural nominative, the surname settles the case
    for word in re.findall(r"[А-ЯЁ][а-яё]+", text[end : end + 40])[:2] if first_word else []:
        named = [p for p in nlp.parse(word) if "Name" in p.tag or "Surn" in p.tag]
        if any(p.tag.case == "gent" for p in named) and not any(p.tag.case == "nomn" for p in named):
            genitive_name = True
    convocation = CONVOCATION.search(text[max(line_start, end - 40) : end])
    if convocation:  # 'депутат Госдумы VIII созыва Владимир Гутенев', 'депутаты ГД предыдущего созыва С.Бабурин'
        end -= len(convocation.group())
    clause = RELATIVE_BEFORE_NAME.search(text, max(line_start, end - 120), end)
    if clause:  # 'Руководитель корпорации "Оборонпром", в которую входит … компания, Андрей Реус': about the body
        end = clause.start()
    age = AGE_BEFORE_NAME.search(text, max(line_start, end - 20), end)
    if age:  # 'и. о. руководителя предприятия 37-летнего Имени': the age, then the name
        end = age.start()
    rank = RANK_BEFORE_NAME.search(text, max(line_start, end - 40), end)
    if rank:  # 'Министр обороны Российской Федерации генерал армии Имя': the military rank, then the name
        end = rank.start()
    degree = DEGREE_BEFORE_NAME.search(text, max(line_start, end - 80), end)
    if degree:  # 'генеральный директор АО «…», доктор технических наук Имя': a degree, then the name
        end = degree.start()
    party = PARTY_MEMBER.search(text, max(line_start, end - 40), end)
    party_at = party.start() if party else -1
    if party:  # 'депутаты-коммунисты Имя, Имя2': the role before the party's word
        end = party_at
    listed = re.search(r"\s+[—–:-]\s*$", text[max(line_start, end - 5) : end])
    if listed:  # 'руководители регионов округа — Руслан Кухарук, …': a plural post before a list of names
        segs = _segments_before(ix, end - len(listed.group()), line_start)
        if len(segs) == 1 and (
            "—" in listed.group()
            and _opens_sentence(text, segs[0].start, line_start)
            or OPENING_ADVERB.search(text[line_start : segs[0].start])
        ):
            # 'Директор фонда — Алексей Комиссаров': a post given by a dash as a copula, the subject; after an adverb
            # of time any dash ('Пока же и. о. генерального директора компании - Имя')
            return segs
        if not segs or not _plural(text[segs[-1].start : segs[-1].role_end], nominative=True):
            return []
        for seg in segs:
            seg.plural = True
        return segs
    dashed = False  # the chain's last two posts are joined by a dash: one apposition
    while True:
        window_start = max(line_start, end - 220)
        best = None
        for m in ROLE.finditer(text, window_start, end):
            former = re.search(r"(?<![\w-])[Ээ]кс-$", text[max(0, m.start() - 4) : m.start()])  # 'Экс-гендиректор'
            if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-") and not former:
                continue
            if m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] == "-" and m.end() != party_at):
                continue
            if any(s_ < m.start() and m.end() <= e_ for s_, e_ in ix.at):
                continue  # 'замглавы администрации Президента Имя': a role word inside a body's name
            if segs and not dashed and not genitive_name and REPORTED.search(text[line_start : m.start()]):
                continue  # 'по словам губернатора, министр Имя'; not 'по словам замглавы X – начальника Y Имени'
            if (
                re.search(r"совет\w*\s+$", text[window_start : m.start()], re.IGNORECASE)
                and m.group().lower() == "директоров"
            ):
                continue  # 'председатель совета директоров «Альфы»': a board, not a director
            if CANDIDATE.search(text[window_start : m.start()]):
                continue  # 'кандидат в президенты Имя', 'кандидат на пост губернатора': a candidate holds no post
            key = _role_key(m)
            if key != "envoy" and re.search(r"(?<![\w-])при\s+$", text[window_start : m.start()], re.IGNORECASE):
                continue  # 'представитель Мордовии при Президенте РФ Имя': the host's role, not the name's post;
                # 'совета при полномочном представителе президента в ДФО Имя' names the envoy
            if CHIEF_OF.search(text[window_start : m.start()]) or CHIEFS_BODY.search(text[window_start : m.start()]):
                continue  # 'пресс-секретарь президента Дмитрий …', 'советник гендиректора': the chief's, not a post
            comma = not segs and text[m.end() : end].rstrip().endswith(",")
            if comma and (
                not _nominative(m.group())
                or _after_verb(text, m.start())
                or NAME_DASH.search(text, max(0, m.start() - 80), m.start())
                or NAME_COMMA.search(text, max(0, m.start() - 80), m.start())
            ):
                continue  # 'Кто доложил президенту, Песков не уточнил': a dative role is no apposition; nor one after
                # a verb, the clause's subject ('задачей, которую поставил президент, Имя назвал …'); nor one after
                # a name and a dash, that name's ('Имя — заместитель председателя правительства, Имя2 — …'); nor one
                # between two names and commas, the first one's ('прибыли Имя, министр …, Имя2, гендиректор …')
            # 'вице-премьер республики - глава Минэкономразвития региона Имя': a post before a dash is whole, too
            if SENTENCE_CLOSED.search(text, m.end(), end):
                continue  # 'Имя – министр юстиции. Анна Лебедева …': no chain runs on over a sentence's end
            comp = _complement(ix, key, m.end(), end, bare=not segs or dashed)
            if comp is not None:
                best = (m, key, comp)  # the rightmost one that fits wins: no role inside its complement
        if best is None:
            break
        m, key, (org, region, words, implied) = best
        if any(m.start() < s.end and s.start < m.end() for s in segs):
            break
        if segs and not segs[-1].plural and _plural(m.group()):
            break  # 'члены правительства и директор департамента Имя': the group's post is not the one person's
        if (
            segs
            and text[: segs[-1].start].rstrip().endswith(",")  # not a dash's apposition ('… – министра финансов Имя')
            and _case_clash(m.group(), text[segs[-1].start : segs[-1].role_end])
            and not ACTING.search(text, max(0, m.start() - 45), m.start())  # 'исполняющим обязанности руководителя'
        ):
            break  # 'Имени, нового вице-губернатора, глава Кузбасса Имя2': posts in cases that cannot agree
        if not segs and _genitive_plural_before_nominative(m.group(), first_word):
            break  # 'на сессии депутатов Мирошник, возглавлявший …': the group's, the name the next clause's subject
        one = NAMES_LISTED.match(text, name_end) is None  # not 'заместителей министра Имени и Имени2'
        chief = DEPUTYS_CHIEF.get(key) if not segs and one and _plural_deputies(m.group(), first_word) else None
        if chief is not None:  # 'среди заместителей премьер-министра Михаила Мишустина': the name is the chief's
            segs.append(_Seg(chief, False, m.start(), end, org, region, words, implied, role_end=m.end()))
            break
        if segs and NAME_DASH.search(text, max(0, m.start() - 80), m.start()):
            break  # 'Имя — помощник президента РФ, министр … Имя2': the post after the dash is the first name's
        if segs and not dashed and _apposition_of_bare_name(text, m.start()):
            break  # '…, Имя, управляющий директор АО «…», глава города Имя2': the post after the comma is the first's
        segs.append(_Seg(key, _plural(m.group()), m.start(), end, org, region, words, implied, role_end=m.end()))
        sep = re.search(r"(?:,|\s[-–—]|\sи)\s*$", text[window_start : m.start()])
        if sep is not None and re.search(r",\s*и\s*$", text[window_start : m.start()]):
            break  # 'Имя, зампред комитета …, и член комитета … Имя2': the first post closes the first name's apposition
        if sep is None and not segs[-1].plural:  # 'Председателем совета стал сам губернатор Имя'
            sep = COPULA.search(text[window_start : m.start()].rstrip())
            after = nlp.words(text[segs[-1].start : segs[-1].role_end])[-1:]
            if sep is not None and after and not any(p.tag.case == "nomn" for p in nlp.parse(after[0][0].lower())):
                break  # 'Новый министр … назначен губернатором Имя': the passive's agent, not the minister
        if sep is None:
            break
        dashed = sep.group().strip() in ("-", "–", "—")
        end = window_start + sep.start()
    if (
        segs
        and text[segs[0].start : name_end].rstrip().endswith(",")
        and NAME_COMMA_BEFORE.search(text, max(0, segs[-1].start - 120), segs[-1].start)
    ):
        return []  # 'Имя, вице-премьер РТ - министр …, Имя2': the chain between two names and commas is the first's
    return segs


#: a possessive pronoun right before a role: 'его руководителя Имени'
POSSESSIVE = re.compile(r"(?<![\w-])(?:его|её|ее|их)\s+$", re.IGNORECASE)
#: a first name and a surname (perhaps a double one): 'Дмитрий Рогозин', 'Анна Иванова-Петрова'
GIVEN_AND_SURNAME = r"(?<![\w-])[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
#: a first name and a surname, then a dash, right before a role: 'Дмитрий Рогозин — заместитель …'
NAME_DASH = re.compile(rf"{GIVEN_AND_SURNAME}\s+[—–-]\s*$")
#: a first name and a surname, then a comma, right before a role: 'Равиль Зарипов, министр …'
NAME_COMMA = re.compile(rf"{GIVEN_AND_SURNAME}\s*,\s*$")
#: the same with the words of a post between the comma and a chain's last role: 'Имя, вице-премьер РТ - '
NAME_COMMA_BEFORE = re.compile(rf"{GIVEN_AND_SURNAME}\s*,\s*[^,.;:()«»\n]*$")


def _apposition_of_bare_name(text: str, pos: int) -> bool:
    """A role at ``pos`` right after «Имя, » where that name has no post of its own before it («…, Сергей Шереметов,
    управляющий директор …»): the name's apposition, a list of «Имя, пост»; not in a list of «пост Имя»
    («губернатор … Николай Любимов, управляющий партнер … Имя2»), where the post is the next name's."""
    named = NAME_COMMA.search(text, max(0, pos - 80), pos)
    if named is None:
        return False
    roles = [r for r in ROLE.finditer(text, max(0, named.start() - 120), named.start())]
    return not roles or bool(re.search(r"[,.;:!?()\n]", text[roles[-1].end() : named.start()]))


def _after_verb(text: str, pos: int) -> bool:
    """Does a finite verb stand right before ``pos`` ('поставил президент'), an acting holder's word between
    ('станет и. о. главы')?"""
    before = re.sub(rf"{ACTING_ABBREVIATION}\s*$", "", text[max(0, pos - 40) : pos], flags=re.IGNORECASE)
    word = re.search(r"([а-яё]+)\s+$", before, re.IGNORECASE)
    return word is not None and any(p.tag.POS == "VERB" for p in nlp.parse(word.group(1))[:1])


def _opens_sentence(text: str, pos: int, line_start: int) -> bool:
    """Does a sentence (or the line) begin at ``pos``?"""
    return re.search(r"(?:^|[.!?]\s+)$", text[line_start:pos]) is not None


#: an adverb of time opening a sentence before a post given by a dash: 'Пока же и. о. директора - Имя'
OPENING_ADVERB = re.compile(
    rf"(?:^|[.!?]\s+)(?:Пока|Сейчас|Теперь|Ныне|Сегодня)(?:\s+же)?,?\s+(?:(?:{ACTING_ABBREVIATION}|(?:временно\s+)?исполняющ\w+\s+обязанности)\s+)?$",
    re.IGNORECASE,
)


#: 'кандидат в президенты', 'кандидатом в губернаторы', 'кандидат на пост мэра' (not 'кандидатура … на должность')
CANDIDATE = re.compile(
    r"(?<![\w-])(?:кандидат|претендент)\w{0,3}\s+(?:в|на)\s+(?:(?:должность|пост)\s+)?$", re.IGNORECASE
)

#: 'Президент назначил Имя …': a verb of appointment before a name in the accusative, whose post follows it
APPOINTER = re.compile(
    r"(?<![\w-])(?:назначил[аио]?|переназначил[аио]?|утвердил[аио]?|избрал[аио]?|(?:пере)?избрали|(?i:о\s+назначении)"
    r"|(?:решено|решил[аио]?|постановил[аио]?)\s+[«\"]?(?:назначить|избрать)"
    # 'парламенту предстоит назначить Имя вице-премьером', 'намерен назначить …': an appointment to come
    r"|(?:предстоит|намерен[аы]?|планирует|планируют|собирается|собираются|предложил[аи]?|предлагает)\s+(?:назначить|избрать)"
    r"|назначение|назначением)\s+(?:[а-яё]+\s+){0,2}$"
)


#: a participle's clause about an appointee between the name and the post ('Андрея Мисюры, прежде работавшего
#: помощником …, министром …'), up to its closing comma
APPOINTEES_CLAUSE = re.compile(
    r",\s+(?:(?:прежде|ранее|до\s+этого|ныне|сейчас)\s+)?[а-яё]+(?:вшего|щего|вшей|щей)\s[^.;:()\n]{0,150}?,(?=\s)"
)


#: a deputy's portfolio after the quoted name of the organisation: ' по энергетическим и промышленным программам'
FUNCTION_AFTER = re.compile(
    rf"\s+по(?:\s+[а-яё-]+){{1,8}}?(?=\s*[,.;:]|\s+и\s+(?:{ANY_ROLE})(?![\w-])|\s*$)", re.IGNORECASE
)
#: a quoted name, perhaps, then a first name and a surname: the next person after a post
QUOTED_THEN_NAME = re.compile(rf"[ \u00a0]*(?:[«\"][^«»\"\n]{{1,60}}[»\"][ \u00a0]*)?({GIVEN_AND_SURNAME})")


def _name_follows(text: str, pos: int) -> bool:
    """Does another person's name (a given name, then a surname) follow at ``pos``, perhaps after a quoted name?"""
    m = QUOTED_THEN_NAME.match(text, pos)
    return m is not None and any("Name" in p.tag for p in nlp.parse(m.group(1).split()[0])[:1])


#: where a card's post begins after the name alone on its line: on the next line (perhaps after «Последняя занимаемая
#: должность:», as an aggregator's card has it) or glued to the patronymic ('Олег ВладимировичГубернатор …')
_CARD_NEXT_LINE = r"[ \t]*\n(?:(?:Последняя\s+)?[Зз]анимаемая\s+должность:\s*)?(?=\S)"
CARD_POST = re.compile(rf"{_CARD_NEXT_LINE}|(?<=[а-яё](?:ич|на))(?=[А-ЯЁ][а-яё])")
#: the same, read from the name's end on (the glue already checked by ``CARD_POST``)
CARD_POST_AT = re.compile(rf"{_CARD_NEXT_LINE}|(?=[А-ЯЁ][а-яё])")


def _agent_before(text: str, pos: int) -> bool:
    """A surname in the instrumental ending at ``pos`` right after a passive participle ('освобожден Медведевым'):
    the agent of the passive."""
    m = re.search(r"(?<![\w-])[а-яё]+(?:ен|ан|ят|ыт)[аы]?\s+([А-ЯЁ][а-яё]+)$", text[max(0, pos - 60) : pos])
    return m is not None and any(p.tag.case == "ablt" for p in nlp.parse(m.group(1)) if "Surn" in p.tag)


def _segments_after(ix: _Index, pos: int, appointed: bool = False, card: bool = False) -> list[_Seg]:
    """'Имя, ROLE COMPLEMENT - ROLE COMPLEMENT, …' after a name ending at ``pos``; also 'кандидатура
    Имени на должность ROLE COMPLEMENT', 'Имя покидает пост ROLE …', 'Имени освободили от должности ROLE …'; with
    ``card``, the name alone on its line, the posts on the next line (a profile's card)."""
    text = ix.text
    segs: list[_Seg] = []
    sep = (
        re.match(
            APPOINTED
            + rf"|\s*(?:,|[-–—]|\()\s*|\s+{SINCE_DATE}(?:[а-яё]+\s+)?(?:[А-ЯЁ][а-яё]+(?:ым|ом|ой)\s+(?=от\s))?(?:за\s+собой\s+)?(?:на|от|с)?\s*"
            r"(?:нов(?:ую|ый|ой)\s+)?(?:должност[ьи]|пост[ау]?|кресло|статус)\s+"
            r"|\s+от\s+исполнения\s+обязанностей\s+"
            # 'С Имени (официально) сняты полномочия заместителя …': the post left
            r"|\s+(?:официально\s+|досрочно\s+)?(?:сняты|сложил[аи]?|сложит)\s+полномочия\s+",
            text[pos:],
        )
        or (re.match(r"\s+(?:на\s+(?:должность|пост)\s+)?", text[pos:]) if appointed else None)
        # 'Имя\nПоследняя занимаемая должность: Министр (Минпромторг России)': an aggregator's card
        or (CARD_POST_AT.match(text[pos:]) if card else None)
    )
    if (
        sep is not None
        and re.fullmatch(r"\s+от\s+(?:должност[ьи]|поста?)\s+", sep.group())
        and _agent_before(text, pos)
    ):
        sep = None  # '… освобожден Медведевым от должности президента ОАК': the agent, not the one released
    while sep:
        start = pos + sep.end()
        epithet = EPITHET.match(text, start) if not segs and not ROLE.match(text, start) else None
        if epithet and nlp.parse(epithet.group(1))[0].tag.POS == "ADJF":
            start = epithet.end()  # 'Сергей Собянин, столичный градоначальник'
        both = re.match(r"(?:оба|обе)\s+", text[start:]) if not segs else None
        start = start + both.end() if both else start  # 'Имя и Имя2 — оба первые заместители …'
        also = ALSO.match(text, start) if not segs else None
        start = also.end() if also else start  # 'к Егору Полякову, тоже заместителю губернатора'
        former = FORMER.match(text, start)
        start = former.end() if former else start  # 'Имя, в прошлом министр правительства Москвы': a post held before
        epithet = EPITHET.match(text, start) if former and not ROLE.match(text, start) else None
        if epithet and nlp.parse(epithet.group(1))[0].tag.POS == "ADJF":
            start = epithet.end()  # 'Имя, ныне первый вице-мэр Нижнего Тагила'
        acting = ACTING_AFTER.match(text, start) if not ROLE.match(text, start) else None
        start = acting.end() if acting else start  # 'Имя, исполняющий обязанности директора …'
        m = ROLE.match(text, start)
        if m is None or (m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] == "-")):
            break
        if _plural(m.group()) and (segs or sep.group(0).strip() == ","):
            break  # 'президент МПО работодателей Имя, начальники отраслевых департаментов …': the next of a list
        if not segs and not appointed and sep.group(0).strip() == "," and _instrumental(m.group()):
            last = re.search(r"([А-ЯЁ][а-яё-]+)\s*$", text[:pos])
            if last is None or not any(p.tag.case == "ablt" for p in nlp.parse(last.group(1))):
                break  # '… стала Имя, председателем комитета … — Имя2': the next clause of a list, not an apposition
                # (not 'с Олегом Сомовым, директором завода …': a name in the instrumental, its post the same)
        end = _complement_end(ix, m.end())
        if appointed and _instrumental(m.group()) and _name_follows(text, m.end()):
            end = m.end()  # 'о назначении Имени первым заместителем губернатора Имя2 подписала': the subject's name
        key = _role_key(m)
        comp = _complement(ix, key, m.end(), end)
        predicate = _first_verb(text, m.end(), end) if comp is None and (segs or appointed) else None
        if predicate is not None:  # '…, министром промышленности области подписал …', 'о назначении Имени министром
            # промышленности и науки подписал губернатор …': the complement ends before the verb
            end = predicate
            comp = _complement(ix, key, m.end(), end)
        second = _and_next_post(text, m.end(), end) if comp is None else None
        if second is not None:  # 'Имени, главы Роскосмоса и в прошлом депутата Госдумы …': two posts, one «и» between
            end = second
            comp = _complement(ix, key, m.end(), end)
        verb = re.match(r"\s+([а-яё]+)", text[m.end() :])
        if comp is None and verb and any(p.tag.POS == "VERB" for p in nlp.parse(verb.group(1))[:1]):
            if sep.group(0).strip() in (",", "-", "–", "—"):
                break  # 'По словам Имени, министр зарекомендовал себя …': the role opens a clause of its own
            end = m.end()  # 'Имя в должности вице-премьера займется …': nothing after the role but the verb
            comp = _complement(ix, key, end, end)
        if comp is None or (
            former and former.group()[:4].lower() in ("бывш", "прежн") and comp[:3] == (None, None, "")
        ):
            break  # 'Имя, бывший министр, …': which ministry, the text does not say
        org, region, words, implied = comp
        bracket = re.match(r"[ \t]*\(([^()\n]{2,120})\)", text[m.end() :]) if card and org is None else None
        if bracket is not None:  # 'Первый заместитель Председателя (Правительство Российской Федерации)' on a card
            a = m.end() + bracket.start(1)
            org = ix.at.get((a, a + len(bracket.group(1))))
            end = m.end() + bracket.end() if org is not None else end
        function = (
            FUNCTION_AFTER.match(text, end) if org is not None and key in FUNCTIONAL | DEPUTIES_OF_HEADS else None
        )
        if function is not None:  # 'заместитель генерального директора АО «ОДК» по … программам и генеральный …'
            end, words = function.end(), f"{words} {function.group().strip()}".strip()
        if _name_follows(text, end) and not (appointed and _instrumental(m.group())):
            break  # 'Имя, гендиректор "Сатурн - газовые турбины" Имя2': the post before the next name is that name's
            # (not 'о назначении Имени первым заместителем губернатора Имя2 подписала': the appointee's)
        segs.append(_Seg(key, False, m.start(), end, org, region, words, implied, role_end=m.end()))
        pos = end
        # '…, он же глава Наблюдательного совета …': a second post of the same person; '…, теперь назначен министром
        # …': the post the one who held the first now takes
        sep = re.match(
            r"\s*(?:,(?:\s*(?:он|она)\s+же(?=\s)|\s*(?:теперь|ныне|сейчас)\s+(?:назначен[а]?|стал[а]?)(?=\s))?"
            r"|\s[-–—]|\s+и(?=\s))\s*",
            text[pos:],
        )
    clause = APPOINTEES_CLAUSE.match(text, pos) if appointed and not segs else None
    if clause is not None and ROLE.match(text, clause.end() + 1):
        # 'о назначении Имени, прежде работавшего помощником …, министром …': the post after the clause
        return _segments_after(ix, clause.end(), appointed)
    return segs


#: «и» before a second post of the same person, perhaps held before: '… и в прошлом депутата Госдумы'
AND_FORMER = re.compile(r"\s+и\s+(?:(?:в\s+прошлом|ранее|прежде|ныне|бывш[а-яё]+)\s+)?")


def _and_next_post(text: str, a: int, b: int) -> int | None:
    """Where a second post joined by «и» starts in text[a:b] (the first one's complement ends there), if one does."""
    for m in AND_FORMER.finditer(text, a, b):
        role = ROLE.match(text, m.end())
        if role is not None and not (role.end() < len(text) and text[role.end()].isalnum()):
            return m.start()
    return None


#: the gap between two names sharing a plural post after them: 'Имя и Имя2 — оба первые заместители …'
PAIR_GAP = re.compile(r"\s+и\s+$")


def _plural_pair(ix: _Index, persons: list[Candidate], pm: Mention, after: list[_Seg]) -> list[tuple[Candidate, int]]:
    """The persons named right before ``pm`` in a list ending in «и», when the post after ``pm`` is plural ('Имя и
    Имя2 — первые заместители Председателя ГД', 'Имя, Имя2 и Имя3 назначены вице-губернаторами'): all hold it."""
    role = ix.text[after[0].start : after[0].role_end] if after else ""
    if not nlp.words(role) or not (_plural(role, nominative=True) or _plural_instrumental(role)):
        return []
    listed: list[tuple[Candidate, int]] = []
    end, gap = pm.start, PAIR_GAP
    while True:  # 'Имя, Имя2 и Имя3 назначены вице-губернаторами': each of the list, back from the last
        prior = next(
            (
                (other, om)
                for other in persons
                for om in other.mentions
                if om.end < end and gap.fullmatch(ix.text, om.end, end)
            ),
            None,
        )
        if prior is None:
            return listed
        listed.append((prior[0], prior[1].start))
        end, gap = prior[1].start, LIST_GAP


#: the gap between two names earlier in a list: 'Имя, Имя2 и Имя3'
LIST_GAP = re.compile(r",\s+")


#: the one replaced, after a post: ' вместо Сергея Сидорова'
INSTEAD_OF = re.compile(r"\s+вместо\s+")


#: the one succeeded, right after a name: ', сменивший на этом посту Ивана Черных' (not «на этом участке», a field)
SUCCEEDED = re.compile(
    r",\s+сменивш(?:ий|ая)\s+(?:(?:на\s+(?:этом\s+)?(?:посту|должности)|в\s+(?:этой\s+)?должности)\s+)?"
)


#: the one who takes the post of the one named before: ', а сменит его Николай Колесов'
SUCCEEDS_HIM = re.compile(
    r"(?<![\w-])(?:(?:а|и)\s+)?(?:сменит|заменит)\s+(?:его|её|ее)(?:\s+на\s+(?:этом\s+)?посту)?\s+"
)


def _successor(ix: _Index, persons: list[Candidate], pos: int) -> tuple[Candidate, int] | None:
    """The person named right after «сменит его» later in the sentence of a post ending at ``pos``, and where the
    name ends."""
    cue = SUCCEEDS_HIM.search(ix.text, pos, ix.text.find(".", pos) if "." in ix.text[pos:] else len(ix.text))
    return _replaced(ix, persons, cue.start(), SUCCEEDS_HIM) if cue is not None else None


def _replaced(
    ix: _Index, persons: list[Candidate], pos: int, cue: re.Pattern[str] = INSTEAD_OF
) -> tuple[Candidate, int] | None:
    """The person named right after «вместо» (or another ``cue``) at ``pos``, and where the name ends."""
    m = cue.match(ix.text, pos)
    if m is None:
        return None
    return next(((p, pm.end) for p in persons for pm in p.mentions if pm.start == m.end()), None)


def _plural_instrumental(role: str) -> bool:
    """'вице-губернаторами', 'заместителями министра': a plural post in the instrumental."""
    return any(
        p.tag.number == "plur" and p.tag.case == "ablt" for w, *_ in nlp.words(role)[:1] for p in nlp.parse(w.lower())
    )


def _instrumental(role: str) -> bool:
    """Is the role in the instrumental: one of its first two words only that ('первым заместителем губернатора',
    'министром')?"""
    return any(all(p.tag.case == "ablt" for p in nlp.parse(w.lower())) for w, *_ in nlp.words(role)[:2])


#: «пост» or «должность» right before a post's words: the office, not its holder's title ('Пост «промышленного»
#: вице-губернатора …')
OFFICE_BEFORE = re.compile(r"(?<![\w-])(?:[Пп]ост|[Дд]олжност[ьи])\s+(?:[«\"][а-яё]+[»\"]\s+)?$")
#: a verb giving a post to someone else, right after a name: 'Имя доверил (отдал, предложил) …'
POST_GIVEN = re.compile(
    r"\s+(?:доверил|доверила|отдал|отдала|предложил|предложила|передал|передала|поручил|поручила)\s"
)
#: the appointee's name in the genitive right before his post: 'приказ о назначении Алексея Валерьевича Марченко '
APPOINTEE_BEFORE = re.compile(r"(?<![\w-])назначени[ияе]\s+(?:[А-ЯЁ][а-яё.-]*\s+){1,3}$")  # «о назначение»: a misprint


def _nominative_name(text: str, pm: Mention) -> bool:
    """Is the mention's first word a name in the nominative only ('Светлана', not 'Светланой')?"""
    ws = nlp.words(text[pm.start : pm.end])
    parses = nlp.parse(ws[0][0].lower()) if ws else ()
    return bool(parses) and all(p.tag.case == "nomn" for p in parses if "Name" in p.tag)


def _genitive_name(text: str, pm: Mention) -> bool:
    """Is the mention's first word a name that reads in the genitive ('Дениса', not 'Денис' nor 'Денису')?"""
    ws = nlp.words(text[pm.start : pm.end])
    parses = [p for p in nlp.parse(ws[0][0].lower()) if "Name" in p.tag] if ws else []
    return bool(parses) and parses[0].tag.case in ("gent", "accs")


def _first_verb(text: str, a: int, b: int) -> int | None:
    """The end of the words before the first verb (or short participle) in text[a:b], or None."""
    for w in re.finditer(r"(?<=\s)[а-яё]+(?![\w-])", text[a:b]):
        if any(p.tag.POS in ("VERB", "PRTS") for p in nlp.parse(w.group())[:1]):
            return a + len(text[a : a + w.start()].rstrip())
    return None


def _resolve(seg: _Seg, ix: _Index, compose: bool = True) -> tuple[str, Candidate | None, regions.Region | None, bool]:
    """(role key, organisation, region, organisation assumed?) after the rules about governments,
    ministries and defaults; without ``compose``, the Government is not composed from the post."""
    key, org = seg.key, seg.org
    is_gov = org is not None and (org.key == "alias:government-of-russia" or org.cls == "RegionalGovernment")
    if (
        key == "head"
        and org is not None
        and org.cls == "RegionalGovernment"
        and org.label_ru.startswith("Администрация")
    ):
        # 'Глава администрации области': the region's head, its governor
        return "governor", None, seg.region or next(iter(regions.find(org.label_ru)), None), False
    if (
        is_gov and key in GOVERNMENT_CHAIRS and (not seg.words or seg.words.startswith("по "))
    ):  # not 'руководитель департамента … правительства'
        key = GOVERNMENT_CHAIRS[key]
    cabinet = (
        _one_cabinet(ix)
        if compose and key in GOVERNMENT_ROLES and (org is None or org is ix.government) and not seg.words
        else None
    )
    if (
        cabinet is not None
        and seg.region is None
        and re.search("правительств", ix.text[seg.start : seg.end], re.IGNORECASE)
    ):
        # 'заместителем председателя правительства стал Имя', 'первый зампред правительства Имя' in an article on a
        # region's new cabinet: that government's
        _to_cabinet(ix, seg, cabinet)
        return key, cabinet, None, False
    if key == "head" and org is not None and org.cls == "Ministry":
        key = "minister"
    if key in HEADS_OF_CHAIRED and (
        (org is not None and org.cls == "Committee" and head_lemma(org.label_ru) in CHAIRED)
        or (org is None and BARE_COMMITTEE.fullmatch(ix.text[seg.role_end : seg.end]))
    ):  # 'глава комитета Госдумы', 'комиссию возглавляет …', 'замглавы комитета': a committee has a chair
        key = HEADS_OF_CHAIRED[key]
    if key in ("deputy-head", "first-deputy-head") and org is not None and org.cls == "Ministry":
        key = "deputy-minister" if key == "deputy-head" else "first-deputy-minister"  # 'замглавы Минпромторга'
    if (
        key in ("head", "deputy-head", "first-deputy-head")
        and org is None
        and BARE_MINISTRY.fullmatch(ix.text[seg.role_end : seg.end])
    ):  # 'глава министерства Денис Мантуров' with no ministry named: its minister, the ministry unknown
        key = {"head": "minister", "deputy-head": "deputy-minister"}.get(key, "first-deputy-minister")
        seg.words = ""  # 'министр', not 'министр министерства'
    bare_region = re.fullmatch(
        r"\s*(?:региона|области|края|республики|(?:регионов|субъектов)(?:\s+(?:округа|РФ|России|страны))?)\s*",
        ix.text[seg.role_end : seg.end],
    )
    if (
        org is None
        and (seg.region is not None and not seg.region.is_city or seg.region is None and bare_region)
        and (not seg.words or seg.words.startswith("по "))
        and key in ("head", "deputy-head", "first-deputy-head")
    ):
        # 'глава региона', 'замглавы региона', 'первый заместитель главы области'
        key = {"head": "governor", "deputy-head": "deputy-governor"}.get(key, "first-deputy-governor")
    assumed = False
    if compose and key in GOVERNMENT_ROLES and org is None and seg.region is None and not seg.words:
        # 'вице-премьер РФ': the country named with the post; a bare 'Премьер Владимир Путин' names no body (the
        # writers list the Government for a bare post in 2 items of 8, all of one set's documented departure)
        if ix.government is None and seg.implied:
            ix.government = known_org("government-of-russia")
            ix.composed_government = True
            ix.government.notes.append(
                (
                    "Правительство РФ названо только через должность — проверить.",
                    "The Government of Russia is named only through a post — check.",
                )
            )
            ix.orgs.append(ix.government)
        regional = [c for c in ix.orgs if c.cls == "RegionalGovernment"]
        sentence = next(((a, b) for a, b in nlp.sentence_bounds(ix.text) if a <= seg.start < b), (0, 0))
        if (
            (ix.government is None or not any(sentence[0] <= m.start < sentence[1] for m in ix.government.mentions))
            and len(regional) == 1
            and any(sentence[0] <= m.start < sentence[1] for m in regional[0].mentions)
            and not orgrules.FEDERAL_GOVERNMENT.search(ix.text)
        ):  # 'на заседании регионального правительства заявил вице-премьер Имя': that government's
            return key, regional[0], seg.region, True
        if ix.government is not None:
            if ix.composed_government:
                end = len(ix.text[: seg.end].rstrip(" ,")) if seg.implied else seg.role_end
                ix.government.add(Mention(seg.start, end, ix.text[seg.start : end]))
            org, assumed = ix.government, True
    if key in GOVERNMENT_ROLES and org is None and seg.region is not None and not seg.region.is_city:
        org = _regional_gov(ix, seg.region)  # 'первый зампред правительства региона' beside «Правительство X»
    if key == "senator" and org is None:
        org = next((c for c in ix.orgs if c.key == "alias:federation-council"), None)
    cabinet = _one_cabinet(ix) if key in ("deputy-chair", "first-deputy-chair") and org is None else None
    if cabinet is not None and seg.region is None and (not seg.words or seg.words.startswith("по ")):
        # 'первый зампред Ольга Антипина' in an article on a region's new cabinet: that government's
        return GOVERNMENT_CHAIRS[key], cabinet, None, False
    return key, org, seg.region, assumed


def _bare_only(org: Candidate | None) -> bool:
    """Is the organisation named only by a bare lower-case «правительство» (which the post's rules place)?"""
    return org is not None and all(re.fullmatch(r"правительств[а-яё]*", m.text) for m in org.mentions)


def _to_cabinet(ix: _Index, seg: _Seg, cabinet: Candidate) -> None:
    """The country's government named bare inside the post's words is the region's cabinet."""
    federal = ix.government
    inside = [m for m in federal.mentions if seg.start <= m.start < seg.end] if federal is not None else []
    for m in inside:
        cabinet.add(m)
        ix.at[(m.start, m.end)] = cabinet
        ix.ending[m.end] = [(cabinet if c is federal else c, x) for c, x in ix.ending.get(m.end, [])]
    if federal is not None and inside:
        federal.mentions = [m for m in federal.mentions if m not in inside]
        if not federal.mentions:
            ix.orgs.remove(federal)
            ix.government = None
    seg.org = cabinet


#: the other bodies an article on one region's cabinet may name without one of their own chairs being meant
CABINET_COMPANY = {"Ministry", "Region", "IndustrialSite", "RegionalGovernment"}


def _one_cabinet(ix: _Index) -> Candidate | None:
    """The one regional government of an article that names no other body with a chair (no committee, council,
    parliament, party or company) and not the country's government: a bare «зампред» there is its deputy chair."""
    regional = [c for c in ix.orgs if c.cls == "RegionalGovernment"]
    if len(regional) != 1 or not regional[0].label_ru.startswith("Правительство "):
        return None  # not a region's administration: its head is the governor's office, not a cabinet's chair
    # the country's, only from a post's words («заместитель председателя правительства»)
    bare = ix.government if ix.composed_government or _bare_only(ix.government) else None
    if any(c.cls not in CABINET_COMPANY and c is not bare for c in ix.orgs):
        return None
    return None if orgrules.FEDERAL_GOVERNMENT.search(ix.text) else regional[0]


def extract_posts(
    text: str,
    persons: list[Candidate],
    orgs: list[Candidate],
    cards: Sequence[structure.Card] = (),
    source: str | None = None,
) -> list[Post]:
    """The posts the text gives its persons; ``cards`` are the senators' cards blanked in ``text``, read from
    ``source`` (the text as written)."""
    ix = _Index(text, orgs)
    posts: dict[tuple[str, str], Post] = {}
    plural_before: dict[int, list[_Seg]] = {}  # person mention end -> plural segments ('заместители … X и Y')

    def add(person: Candidate, seg: _Seg, start: int, end: int) -> None:
        _name_with_kind(ix, seg)
        if seg.key in GOVERNMENT_ROLES and seg.org is None and seg.region is None and not seg.words:
            seg.region = regions.adjective_before(
                text, seg.start
            )  # 'бывший воронежский вице-премьер Имя': the region's
        key, org, region, assumed = _resolve(seg, ix)
        if (
            org is None
            and region is None
            and not seg.words
            and ON_BEHALF.search(text, max(0, seg.start - 30), seg.start)
        ):
            org = ix.last_before(seg.start, ())  # 'компанией «Сахалин» в лице ее гендиректора Имени': that company's
        before = seg.start
        if key in GOVERNORS and org is None and region is None and not seg.words:
            region = regions.adjective_before(text, seg.start)  # 'врио рязанского губернатора', 'донской губернатор'
            before = region.start if region is not None else before
        acting = (
            ACTING.search(text, max(0, before - 45), before)
            or (OFFICE_DUTIES.search(text, max(0, before - 20), before) if key in ACTING_KEYS else None)
            if key not in ("acting-minister", "acting-governor")
            else None
        )
        if acting is not None and key == "governor" and re.match(r"врио|временно", acting.group(), re.IGNORECASE):
            key = "acting-governor"  # 'врио главы ДНР', 'врио тверского губернатора'
        temporary = TEMPORARY.match(acting.group() if acting else text[seg.start : seg.role_end]) is not None
        if acting is not None and key == "minister":  # 'возложить временно исполнение обязанностей министра … на Имя'
            key, acting = "acting-minister", None
        concept, ru, en = ROLES[key]
        if key == "acting-governor" and seg.key == "head":  # the text's own word: 'врио главы региона'
            ru, en = "временно исполняющий обязанности главы", "acting head"
        if key == "governor" and seg.key == "head" and _republic(region, text[seg.role_end : seg.end]):
            # 'глава Якутии': a republic's head is its head (roleHead), no governor
            concept, ru, en = ROLES["head"][0], "глава республики", "head of the republic"
        first = nlp.words(text[seg.start : seg.role_end])[:2]
        if key == "acting-minister" and temporary:  # 'врио министра' is not 'и.о. министра'
            ru = f"временно {ru}"
        if acting is not None and key != "acting-governor":  # 'и.о. директора завода', 'врио зампреда правительства'
            word = "главы" if seg.key == "head" and key == "governor" else inflect_phrase(ru, "gent")
            written = text[seg.start : seg.role_end].strip()
            if VICE_WRITTEN.fullmatch(written):  # 'и.о. первого вице-губернатора': the office as written
                word = written.lower()
            participle = "исполняющая" if re.search(r"исполняющая", acting.group(), re.IGNORECASE) else "исполняющий"
            ru, en = f"{'временно ' if temporary else ''}{participle} обязанности {word}", f"acting {en}"
        stem = next((a for a in ROLE_ADJECTIVES if first[0][0].lower().startswith(a)), None) if first else None
        if (
            len(first) == 2 and stem is not None and key == seg.key and not ru.startswith(ROLE_ADJECTIVES[stem][0])
        ):  # 'исполнительный директор', 'старший вице-…' (not 'полномочный' twice in the envoy's own title)
            ru, en = f"{ROLE_ADJECTIVES[stem][0]} {ru}", f"{ROLE_ADJECTIVES[stem][1]} {en}"
        if key == "envoy" and seg.words.startswith("в "):  # 'полпред президента в УрФО': the district named
            ru = ru.removesuffix(" в федеральном округе")
        if (
            key == "head"
            and (DISTRICT.fullmatch(seg.words) or MUNICIPALITY.fullmatch(seg.words) or _city_genitive(seg.words))
            and text[seg.start : seg.role_end].lower().startswith("глав")
        ):
            ru, en = "глава", "head"  # 'глава Крыловского района', 'глава Нижнего Тагила', as the post is called
        if (
            key in ("deputy-head", "first-deputy-head")
            and _city_genitive(seg.words)
            and re.search(r"\bглавы$", text[seg.start : seg.role_end], re.IGNORECASE)
        ):  # 'заместитель главы Магнитогорска': the city's deputy head, as the post is called
            ru, en = f"{'первый ' if key.startswith('first') else ''}заместитель главы", ROLES[key][2]
        if seg.words:
            ru = f"{ru} {seg.words}"
            en = f"{en} ({seg.words})"
        label_ru, label_en = _labels(ru, en, org, region)
        if key == "representative" and org is not None and seg.words.startswith(("в ", "при ")):
            # 'Полномочный представитель Совета Федерации в Правительстве РФ': the body it speaks for, then where
            base = ru.removesuffix(f" {seg.words}")
            label_ru = f"{base[:1].upper()}{base[1:]} {_genitive(org)} {seg.words}"
        if ru == "глава республики" and region is not None and "республик" in region.label.lower():
            label_ru = f"Глава {regions.genitive(region.label)}"  # not 'Глава республики Республики Марий Эл'
        p = Post(person, org, concept, ru, en, start, end, label_ru, label_en, region)
        if key in ("acting-minister", "acting-governor") or acting is not None:
            p.acting = "temporaryActing" if temporary or key == "acting-governor" else "interimActing"
        if assumed:
            p.notes.append(
                (
                    "Организация не названа рядом с должностью: принято Правительство РФ — проверить.",
                    "The organisation is not named with the post: the Government of Russia is assumed — check.",
                )
            )
        if org is None and region is None:
            p.notes.append(("Организация должности в тексте не названа.", "The post's organisation is not named."))
        kept = posts.setdefault((person.key, p.key), p)
        if (start, end) not in kept.quotes:
            kept.quotes.append((start, end))
        # the second of two companies the complement joins by «и», keyed by where the complement starts
        second = ix.joint.get(_skip_spaces(text, seg.role_end)) if ix.joint else None
        if second is not None and second is not org:
            add(person, replace(seg, org=second), start, end)

    before: dict[int, list[_Seg]] = {}  # person mention start -> the chain of posts before it
    for person in persons:
        for pm in person.mentions:
            segs = _segments_before(ix, _name_start(text, pm), _chain_line_start(text, pm))
            if (
                segs
                and APPOINTEE_BEFORE.search(text, 0, segs[-1].start)
                and (
                    _instrumental(text[segs[-1].start : segs[-1].role_end])
                    or re.match(r"(?:врио|и\.\s?о\.)\s", text[segs[-1].start : segs[-1].role_end], re.IGNORECASE)
                )  # 'о назначении Белгова врио губернатора Санкт-Петербурга Путин уже подписал'
                and _nominative_name(text, pm)
            ):
                segs = []  # 'о назначении Имени первым заместителем губернатора Светлана Орлова подписала': the
                # post in the instrumental is the appointee's, not the subject's after it
            if segs and POST_GIVEN.match(text, pm.end) and OFFICE_BEFORE.search(text, 0, segs[0].start):
                segs = []  # 'Пост вице-губернатора края Имя доверил управленцу …': the one who gives the post
            if segs and segs[-1].key == "governor-adviser" and _genitive_name(text, pm):
                segs = []  # 'станет советником губернатора Дениса Паслера': the name is the governor's
            before[pm.start] = segs
    # 'Секретарь Госсовета Игорь Левитин, Заместитель Председателя Правительства Денис Мантуров': a post
    # after one name that is the chain before the next is the next one's
    taken = {seg.start for segs in before.values() for seg in segs}
    for person in persons:
        for pm in person.mentions:
            line_start = text.rfind("\n", 0, pm.start) + 1
            name_start = _name_start(text, pm)
            segs = before[pm.start]
            for seg in segs:  # 'Депутаты Законодательного Собрания во главе с председателем Юрием Бурлачко'
                if (
                    seg.org is None
                    and seg.region is None
                    and not seg.implied
                    and (
                        re.search(r"во главе с\s*$", text[line_start : seg.start])
                        or (seg.key in ("head", "chair") and POSSESSIVE.search(text, line_start, seg.start))
                    )
                ):  # 'место главы комитета освободилось после смерти его руководителя Имени': the body named before
                    floor = text.rfind(".", 0, seg.start) + 1
                    seg.org = (
                        _org_before(ix, seg.start, floor)
                        if re.search(r"во главе с\s*$", text[line_start : seg.start])
                        else _outer_org_before(ix, seg.start, floor)
                    )
            _regional_government(ix, segs)
            _units_of_the_chain(segs)
            card = name_start == line_start and CARD_POST.match(text, pm.end) is not None
            # the verb before the name, or before the posts the name holds already ('предстоит назначить главу
            # Минпромторга Имя вице-премьером': the post after the name is the one given)
            verb_end = segs[0].start if segs and not segs[0].plural else name_start
            after = _segments_after(ix, pm.end, APPOINTER.search(text[line_start:verb_end]) is not None, card)
            _units_of_the_chain(after)
            if any(seg.start in taken for seg in after):
                after = after[: next(i for i, seg in enumerate(after) if seg.start in taken)]
            for seg in segs + after:
                seg.alone = len(segs) + len(after) == 1
            for seg in segs:
                add(person, seg, seg.start, pm.end)
            if segs and segs[0].plural:
                plural_before[pm.end] = segs
            heads = HEADS.match(text, pm.end)
            if heads is not None and not after:  # 'Евтухов возглавит управление по госполитике в области ОПК'
                headed = _headed(ix, heads.end())
                after = [headed] if headed is not None else []
            _regional_government(ix, after)
            for seg in after:
                add(person, seg, pm.start, seg.end)
            successor = _successor(ix, persons, after[-1].end) if after else None
            if successor is not None:  # 'Имя, гендиректор холдинга …, оставит должность, а сменит его Имя2'
                add(successor[0], after[0], after[0].start, successor[1])
            replaced = _replaced(ix, persons, after[-1].end) if after else None
            if replaced is None and (segs or after):  # 'новый вице-губернатор Имя, сменивший на этом посту Имя2'
                replaced = _replaced(ix, persons, after[-1].end if after else pm.end, SUCCEEDED)
                if replaced is not None and not after:
                    add(replaced[0], segs[-1], segs[-1].start, replaced[1])
                    replaced = None
            if replaced is not None:  # 'Имя назначен министром … вместо Имени2': the post the other one held
                add(replaced[0], after[-1], after[-1].start, replaced[1])
            for first, first_start in _plural_pair(ix, persons, pm, after):
                add(first, after[0], first_start, after[0].end)  # 'Имя и Имя2 — (оба) первые заместители …'

            chain_start = min((seg.start for seg in segs), default=name_start)
            lead = LEADS.search(text[line_start:chain_start])
            led = LED_BY.search(text, line_start, chain_start) if not segs else None
            led_body = _body_ending(ix, led.start()) if led is not None and led.end() == chain_start else None
            if led_body is not None and GROUP_LED.search(text, line_start, led_body[1].start):
                led_body = None  # 'делегация Минпромторга во главе с …': the delegation's head, not the ministry's
            at_head = AT_THE_HEAD.search(text[line_start:chain_start]) if not segs else None
            kind_body = None
            if at_head is not None:
                bare_kind = BARE_KIND.fullmatch(
                    text, line_start + at_head.start("org"), line_start + at_head.end("org")
                )
                word = bare_kind.group(1).lower() if bare_kind else ""
                kinds = () if word in ("предприятия", "компании") else KIND_HEADS.get(word, (nlp.lemma(word),))
                kind_body = ix.last_before(line_start + at_head.start(), kinds) if bare_kind else None  # any company
                head_men = Mention(line_start + at_head.start(), line_start + at_head.end("org"), "")
            for named in (
                _body_ending(ix, line_start + lead.end("org")) if lead else None,
                led_body,
                # the body's name fills the words after «во главе»
                _body_ending(ix, line_start + at_head.end("org"), line_start + at_head.start("org"))
                if at_head
                else None,
                # 'Во главе предприятия стоит Имя': the enterprise named before
                (kind_body, head_men) if kind_body is not None else None,
            ):
                if named is not None:
                    org, om = named
                    add(person, _Seg("head", False, om.start, pm.end, org, None, ""), om.start, pm.end)
            led_named = _body_ending(ix, line_start + lead.end("org")) if lead else None
            if lead and lead.group("instead") and led_named is not None:  # '… вместо Имени теперь возглавляет Имя2'
                at = line_start + lead.start("instead")
                gone = next((p for p in persons for mm in p.mentions if mm.start == at and p is not person), None)
                if gone is not None:
                    org, om = led_named
                    add(gone, _Seg("head", False, om.start, at, org, None, ""), om.start, at)
            heading = HEADING.search(text[line_start:chain_start]) if segs else None
            body = _headed_body(ix, line_start + heading.start("body"), heading) if heading else None
            if body is not None and heading is not None:
                add(
                    person,
                    _Seg("head", False, line_start + heading.start(), pm.end, body, None, ""),
                    line_start + heading.start(),
                    pm.end,
                )
    # '… председателя правительства Дмитрий Рогозин и Аркадий Дворкович', 'главы регионов — А, Б и В'
    names = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for end, segs in plural_before.items():
        while True:
            nxt = next(((s, e, p) for s, e, p in names if s >= end), None)
            gap = text[end : nxt[0]] if nxt else ""
            # 'вице-премьеры Имя (промышленность), Имя2 (…) и Имя3': each one's portfolio in brackets after the name
            gap = gap[note.end() :] if (note := LIST_NOTE.match(gap)) else gap
            if nxt is None or not (_next_in_list(gap) or re.fullmatch(r",\s+\(?", gap)):
                break
            for seg in segs:
                add(nxt[2], seg, seg.start, nxt[1])
            end = nxt[1]
    _bare_governor(ix, persons, posts, add)
    _bare_premier(ix, persons, posts, add)
    _bare_members(ix, persons, posts, add)
    _signature_posts(ix, persons, add)
    _speaker_posts(ix, persons, posts, add)
    _first_person_posts(ix, persons, add)
    _possessive_deputies(ix, persons, posts, add)
    _named_deputies(ix, persons, posts, add)
    _deputies_after(ix, persons, posts, add)
    _duties_laid(ix, persons, add)
    _duties_ordered(ix, persons, add)
    _duties_performed(ix, persons, add)
    _dative_to_lead(ix, persons, add)
    _board_posts(ix, persons, add)
    _board_joined(ix, persons, add)
    _relative_posts(ix, persons, add)
    _fronted_appointments(ix, persons, add)
    _possessive_staff(ix, persons, posts, add)
    _pronoun_posts(ix, persons, add)
    _fronted_pronoun(ix, persons, add)
    _named_was(ix, persons, add)
    _aside_its_head(ix, persons, add)
    _mandates(ix, persons, add)
    _its_heads(ix, persons, add)
    _role_opening(ix, persons, add)
    _post_received(ix, persons, add)
    _office_left(ix, persons, add)
    _to_lead(ix, persons, add)
    _kind_led(ix, persons, add)
    _led_by_participle(ix, persons, add)
    _faction_in_brackets(ix, persons, add)
    _faction_leaders(ix, persons, add)
    _listed_chairs(ix, persons, add)
    _senator_cards(persons, cards, source or text, add)
    _join_repeated(posts)
    _seat_taken(text, persons, posts)
    _predecessor(text, persons, posts)
    _own_deputy(text, persons, posts)
    _regional_repeated(posts, orgs, text)
    _bare_ministers(posts, orgs)
    return sorted(posts.values(), key=lambda p: p.start)


def _senator_cards(persons: list[Candidate], cards: Sequence[structure.Card], source: str, add) -> None:
    """'Наговицын\nВячеслав Владимировичпредставитель от исполнительного органа государственной власти Республики
    Бурятия': the senator's seat on the card the page pasted after the name — the person named so (by the given name
    and surname), the region the card names (none where the card is cut before it)."""
    for card in cards:
        person = next(
            (p for p in persons if p.label_ru.split()[-1] == card.surname and p.label_ru.split()[0] == card.given),
            None,
        )
        if person is None:
            continue
        region = next((r for r in regions.find(source) if card.seat_start <= r.start and r.end <= card.seat_end), None)
        seat_end = region.start if region is not None else card.seat_end
        words = " ".join(source[card.seat_start : seat_end].split()[1:])  # after «представитель»
        role_end = card.seat_start + len("представитель")
        add(
            person,
            _Seg("representative", False, card.seat_start, seat_end, None, region, words, role_end=role_end),
            card.start,
            card.end,
        )


#: the one who held the post before: 'Его предшественник Олег Костин'
PREDECESSOR = re.compile(r"(?<![\w-])(?:[Ее]го|[Ее]е|[Ее]ё)\s+предшественни(?:к|ца)\s+(?:на\s+(?:этом\s+)?посту\s+)?$")
#: the successor of the one named before: 'Преемником его стал Имя', 'Его преемником стала Имя'
SUCCESSOR = re.compile(
    r"(?<![\w-])(?:[Пп]реемни(?:ком|цей)\s+(?:его|ее|её)|(?:[Ее]го|[Ее]е|[Ее]ё)\s+преемни(?:ком|цей))\s+(?:стал[аи]?|будет|станет)\s+$"
)


def _predecessor(text: str, persons: list[Candidate], posts: dict[tuple[str, str], Post]) -> None:
    """'Имя занял пост генерального директора госкомпании … Его предшественник Имя2 …': the predecessor held the post
    given last before, to another person; so does the successor ('… от этой должности освобожден. Преемником его стал
    Имя2')."""
    for person in persons:
        for pm in person.mentions:
            if not (
                PREDECESSOR.search(text, max(0, pm.start - 40), pm.start)
                or SUCCESSOR.search(text, max(0, pm.start - 40), pm.start)
            ):
                continue
            held = [
                p for p in posts.values() if p.person is not person and p.end <= pm.start and pm.start - p.end < 300
            ]
            if held:
                _hand_on(posts, max(held, key=lambda p: p.end), person, pm.start, pm.end)


#: a person given as the subject's deputy: 'с … Лидией Смолиной — своим первым заместителем'
OWN_DEPUTY = re.compile(r"\s*[—–-]\s*(?:своим|своей|его|её|ее)\s+(?P<first>первым\s+)?заместителем(?![\w-])")


#: the head of the region as a sentence's subject: 'глава региона обсуждала'
REGION_HEAD_SUBJECT = re.compile(
    r"(?<![\w-])(?:глава|губернатор)\s+(?:региона|области|края)\s+[а-яё]+(?:ла|л)(?![\w-])"
)


def _own_deputy(text: str, persons: list[Candidate], posts: dict[tuple[str, str], Post]) -> None:
    """'глава региона обсуждала … с Лидией Смолиной — своим первым заместителем': the deputy of the post the
    sentence's subject holds (the first post of another person given in the sentence)."""
    for person in persons:
        for pm in person.mentions:
            said = OWN_DEPUTY.match(text, pm.end)
            if said is None:
                continue
            opening = _sentence_opening(text, pm.start)
            subject = REGION_HEAD_SUBJECT.search(text, opening, pm.start)
            if subject is not None:  # 'глава региона обсуждала … с Имя — своим первым заместителем': the governor's
                held = [p for p in posts.values() if p.role == ROLES["governor"][0] and p.person is not person]
            else:
                held = sorted(
                    (p for p in posts.values() if p.person is not person and opening <= p.start < pm.start),
                    key=lambda p: p.start,
                )
            key = BY_CONCEPT.get(held[0].role or "") if len({p.person.key for p in held[:1]}) == 1 else None
            if key not in DEPUTIES:
                continue
            deputy = DEPUTIES[key][1 if said.group("first") else 0]
            concept, ru, en = ROLES[deputy]
            new = replace(
                held[0],
                person=person,
                role=concept,
                role_ru=ru,
                role_en=en,
                start=pm.start,
                end=said.end(),
                label_ru="",
                label_en="",
                notes=list(held[0].notes),
                quotes=[(pm.start, said.end())],
                acting=None,
            )
            new.label_ru, new.label_en = _labels(ru, en, new.org, new.region)
            posts.setdefault((person.key, new.key), new)


#: the one whose seat is taken, then the verb, then the one taking it: 'Место Погосяна занял Игорь Насенков'
SEAT_TAKEN = re.compile(r"(?<![\w-])[Мм]есто\s+$")
SEAT_TAKER = re.compile(r"\s+(?:занял[аи]?|займ[её]т|занимает)\s+$")


def _seat_taken(text: str, persons: list[Candidate], posts: dict[tuple[str, str], Post]) -> None:
    """'Погосян ушел с поста председателя совета директоров завода … Место Погосяна занял Имя': the one taking the
    seat holds the post the one leaving it was last given before, in the sentences just before."""
    starts = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for a, (s1, e1, left) in enumerate(starts):
        if not SEAT_TAKEN.search(text, max(0, s1 - 8), s1):
            continue
        taker = next(((s2, e2, p) for s2, e2, p in starts[a + 1 :] if SEAT_TAKER.fullmatch(text, e1, s2)), None)
        if taker is None or taker[2] is left:
            continue
        held = [p for p in posts.values() if p.person is left and p.end <= s1 and s1 - p.end < 400]
        if held:
            _hand_on(posts, max(held, key=lambda p: p.end), taker[2], s1, taker[1])


def _hand_on(posts: dict[tuple[str, str], Post], post: Post, person: Candidate, start: int, end: int) -> None:
    """The same post held by another person, quoted at text[start:end] (a seat taken, a predecessor)."""
    new = replace(post, person=person, start=start, end=end, notes=list(post.notes), quotes=[(start, end)])
    posts.setdefault((person.key, new.key), new)


#: 'Временно руководить министерством … будет Имя', 'Руководить … Министерством Имя поручил Имени': who will lead
TO_LEAD = re.compile(r"(?<![\w-])(?:(?P<temp>[Вв]ременно)\s+)?(?:[Рр]уководить|[Вв]озглавить|[Уу]правлять)\s+")
#: after the body: the verb before its new head's name
TO_LEAD_VERB = re.compile(
    r"\s+(?:(?:(?:по-прежнему|и\s+дальше|впредь)\s+)?(?:будет|станет|предстоит)|[^.;!?\n]{0,40}?\s(?:поручил[аи]?|доверил[аи]?))\s+$"
)
#: 'рабочая группа …, возглавляемая Юрием Трутневым': the body's head after a passive participle
LED_BY_PARTICIPLE = re.compile(r",\s+(?:возглавляем|руководим)(?:ая|ый|ое|ой|ого|ую|ым)\s+$")


def _to_lead(ix: _Index, persons: list[Candidate], add) -> None:
    """'(Временно) руководить министерством промышленности … будет Имя', 'Руководить региональным Министерством …
    Имя поручил Имени': the body's head (the acting minister where «временно» leads a ministry)."""
    text = ix.text
    mentions = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for cue in TO_LEAD.finditer(text):
        level = HEADED_LEVEL.match(text, cue.end())
        at = level.end() if level else cue.end()
        body = next(((c, m) for c in ix.orgs for m in c.mentions if m.start == at), None)
        if body is None:
            continue
        org, om = body
        stop = SENTENCE_END.search(text, om.end)
        limit = stop.start() if stop else len(text)
        nxt = [(s, e, p) for s, e, p in mentions if om.end <= s < limit and TO_LEAD_VERB.search(text, om.end, s)]
        if not nxt:
            continue
        _, e, person = nxt[0]
        key = "acting-minister" if cue.group("temp") and org.cls == "Ministry" else "head"
        add(person, _Seg(key, False, cue.start(), om.end, org, None, "", role_end=cue.end()), cue.start(), e)


#: a body named by its kind in the instrumental, then «руководит» and the head's name: 'Сейчас корпорацией руководит Имя'
KIND_LED = re.compile(
    r"(?<![\w-])(?P<kind>корпорацией|госкорпорацией|компанией|концерном|холдингом|заводом|предприятием|министерством"
    r"|фондом|банком|агентством|верфью|судозаводом|комбинатом)\s+(?:(?:сейчас|сегодня|теперь|ныне|по-прежнему)\s+)?"
    r"(?:руководит|руководил[а]?|управляет)\s+$"
    # 'В прежнем составе Правительства министерство возглавлял Имя': the same in the accusative before «возглавлять»
    r"|(?<![\w-])(?P<led>корпорацию|госкорпорацию|компанию|концерн|холдинг|завод|предприятие|министерство|фонд|банк"
    r"|агентство)\s+(?:(?:сейчас|сегодня|теперь|ныне|прежде|ранее|тогда|по-прежнему)\s+)?"
    r"(?:возглавляет|возглавлял[а]?|возглавил[а]?|возглавит)\s+$"
)
KIND_HEADS = {
    "корпорацией": ("корпорация", "госкорпорация"),
    "госкорпорацией": ("госкорпорация", "корпорация"),
    "министерством": ("министерство",),
    "верфью": ("верфь", "судостроительный завод", "судозавод"),
    "судозаводом": ("судозавод", "судостроительный завод", "верфь"),
}


def _named_with_word(ix: _Index, pos: int, lemma: str) -> Candidate | None:
    """The organisation named last before ``pos`` whose name holds the kind's word ('верфью руководил' after
    «Адмиралтейских верфях»: ОАО «Адмиралтейские верфи»)."""
    stem = lemma[:-1] if len(lemma) > 4 else lemma
    named = [(m.start, c) for c in ix.orgs for m in c.mentions if m.end <= pos and stem in c.label_ru.lower()]
    return max(named, key=lambda x: x[0])[1] if named else None


def _kind_led(ix: _Index, persons: list[Candidate], add) -> None:
    """'Сейчас корпорацией руководит Имя', 'министерство возглавлял Имя': the head of the body of that kind the text
    named last before."""
    text = ix.text
    for person in persons:
        for pm in person.mentions:
            cue = KIND_LED.search(text, max(0, pm.start - 50), pm.start)
            if cue is None:
                continue
            word = (cue.group("kind") or cue.group("led")).lower()
            kinds = KIND_HEADS.get(word) or (nlp.parse(word)[0].normal_form,)
            org = ix.last_before(cue.start(), kinds) or _named_with_word(ix, cue.start(), kinds[0])
            if org is not None:
                kind_end = cue.end("kind") if cue.group("kind") else cue.end("led")
                seg = _Seg("head", False, cue.start(), kind_end, org, None, "", role_end=cue.start())
                add(person, seg, cue.start(), pm.end)


def _led_by_participle(ix: _Index, persons: list[Candidate], add) -> None:
    """'межведомственная рабочая группа правительства РФ, возглавляемая Юрием Трутневым': the body's head."""
    text = ix.text
    for person in persons:
        for pm in person.mentions:
            cue = LED_BY_PARTICIPLE.search(text, max(0, pm.start - 40), pm.start)
            ending = ix.ending.get(cue.start(), []) if cue is not None else []
            body = min(ending, key=lambda x: x[1].start, default=None)  # the whole name, not the owner inside it
            if body is not None:
                org, om = body
                add(person, _Seg("head", False, om.start, pm.end, org, None, "", role_end=om.start), om.start, pm.end)


#: the end of a signature's name: the line's (or a table cell's) end
SIGNATURE_END = re.compile(r"[ \t]*(?:\|[ \t]*)?(?:\n|$)")


def _signature_posts(ix: _Index, persons: list[Candidate], add) -> None:
    """A document's signature: the signer's post on the short lines right above the name, or in the table cell before
    it ('Губернатор ⏎ Пензенской области ⏎ В.К.БОЧКАРЕВ', 'Губернатор Амурской области | А.А. Козлов |'): read as if
    on one line with the name, the lines' breaks and the cell's bars as spaces (every offset kept)."""
    text = ix.text
    for person in persons:
        for pm in person.mentions:
            line_start = text.rfind("\n", 0, pm.start) + 1
            prefix = text[line_start : pm.start]
            if not SIGNATURE_END.match(text, pm.end) or (prefix.strip() and not prefix.rstrip().endswith("|")):
                continue
            block = line_start
            while not prefix.strip() and block > 0 and line_start - block < 80:
                above = text.rfind("\n", 0, block - 1) + 1
                line = text[above : block - 1]
                if not line.strip() or len(line) > 60 or re.search(r"[.!?:;,]\s*$", line):
                    break
                block = above
            if block == line_start and not prefix.strip():
                continue
            masked = text[:block] + re.sub(r"[\n|]", " ", text[block : pm.start]) + text[pm.start :]
            segs = _segments_before(_Index(masked, ix.orgs), _name_start(masked, pm), block)
            if segs and not masked[block : segs[0].start].strip():  # the chain fills the signature's lines
                for seg in segs:
                    add(person, seg, seg.start, pm.end)


def _complement_end(ix: _Index, pos: int) -> int:
    """Where a complement after a role ending at ``pos`` ends, when no name follows it: at punctuation, or at
    the end of an organisation's name that starts inside it ('директор завода «Вымпел», …', a name with commas)
    or right after it in quotes ('председатель «Деловой России», …')."""
    text = ix.text
    stop = COMPLEMENT_END.search(text, pos)
    end = stop.start() if stop else len(text)
    convocation = CONVOCATION.search(text, pos, end)
    if convocation is not None:  # 'депутатом Госдумы шестого созыва': the convocation is no part of the body
        end = convocation.start()
    since = TERM_FROM.search(text, pos, end)
    if since is not None:  # '… генерального директора общества начиная со 2 сентября 2025 года': the term's start
        end = since.start()
    at = _skip_space(text, end)
    mentions = [men for c in ix.orgs for men in c.mentions]
    spanning = [men.end for men in mentions if pos < men.start <= at < men.end]
    if text[at : at + 1] in ("«", '"'):
        spanning += [
            men.end + 1 for men in mentions if men.start == at + 1 and text[men.end : men.end + 1] in ("»", '"')
        ]
    return max([end, *spanning])


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return pos


def _name_start(text: str, pm: Mention) -> int:
    """Where a name starts, with an editor's bracket opening it ('премьер (Дмитрий) Медведев' in a quote)."""
    return pm.start - 1 if text[pm.start - 1 : pm.start] == "(" and ")" in text[pm.start : pm.end] else pm.start


#: a note in brackets after a listed name, before the next one: ' (инфраструктурный блок)'
LIST_NOTE = re.compile(r"\s*\([а-яё][^()\n\d]{0,50}\)(?=[,\s])")


def _next_in_list(gap: str) -> bool:
    """'X и Y', 'X, отвечающий за ОПК, и (Дмитрий) Y': the next name of a list after a plural post (a
    participle's clause about the first one between)."""
    m = re.fullmatch(r"(?:,\s+([а-яё]+)[^,.;:()\n]{0,60},)?\s+и\s+\(?", gap)
    return m is not None and (m.group(1) is None or nlp.parse(m.group(1))[0].tag.POS == "PRTF")


#: 'Имя возглавит …': what a person heads, after the name
HEADS = re.compile(
    r"(?:\s+|,\s+котор(?:ый|ая)\s+(?:[а-яё0-9]+\s+){0,4}?|\s+[—–-]\s+(?:именно\s+|теперь\s+|он\s+же\s+)?(?:он|она)\s+)"
    r"(?:возглавит|возглавил|возглавила|возглавляет|возглавлял"
    r"|возглавляла|руководит|руководил|руководила|(?:встанет|встал|встала|стоит|стоял|стояла)\s+во\s+главе)\s+"
    r"|,\s+(?:(?:сейчас|ныне|ранее|прежде|до\s+этого|до\s+сих\s+пор|(?:до|с)\s+(?:[а-яё]+\s+)?\d{4}\s+года)\s+)?"
    r"(?:(?:возглавляющ|руководящ|возглавлявш|руководивш)(?:ий|ая|его|ей|ую)"
    r"|(?:стоящ|стоявш)(?:ий|ая|его|ей|ую)\s+во\s+главе)\s+"
    r"(?:(?:с|до|в)\s+(?:[а-яё]+\s+)?\d{4}\s+года\s+|с\s+\d{4}\s+по\s+\d{4}\s+год\s+)?"  # 'возглавлявший с февраля 2020 года …'
)  # 'Имя, который (сейчас) возглавляет …', 'Имя, возглавляющий …', 'Имя, который руководит комиссией …', 'Имя, до
# ноября 2010 года руководивший …', 'Имя, до сих пор стоявший во главе …'
#: the kind of what is headed, in the accusative before its name ('возглавляет компанию «Вектор»')
HEADED_KIND = re.compile(
    r"(?:компани(?:ю|ей)|(?:гос)?корпораци(?:ю|ей)|фонд(?:ом)?|банк(?:ом)?|холдинг(?:ом)?|концерн(?:ом)?|завод(?:ом)?"
    r"|предприяти(?:е|ем)|ассоциаци(?:ю|ей)|агентств(?:о|ом))\s+"
)  # in the accusative after «возглавляет», in the instrumental after «руководит»
#: a company's board, headed: 'возглавлявший правление компании «…»', 'возглавит совет директоров …'
HEADED_BOARD = re.compile(r"(правлени(?:е|ем)|совет(?:ом)?\s+директоров)\s+", re.IGNORECASE)
#: the kind of company whose board it is, in the genitive before its name
BOARDS_COMPANY = re.compile(r"(?:компании|корпорации|банка|холдинга|концерна|завода|предприятия|группы)\s+")
#: a body's level before its name, which the name leaves out ('региональным Фондом …', 'областную палату …',
#: 'российское правительство')
HEADED_LEVEL = re.compile(r"(?:регионал|областн|краев|республиканск|городск|муниципальн|российск)[а-яё]{2,4}[ \u00a0]+")
#: a district in the genitive after «во главе»: 'во главе Приморского района'
DISTRICT_HEADED = re.compile(r"[А-ЯЁ][а-яё-]+(?:ого|его)\s+(?:муниципального\s+)?района(?![\w-])")
#: a unit of an organisation in the accusative, after «возглавит»
UNIT_HEADED = re.compile(r"(управление|департамент|отдел|службу|сектор)((?:\s+[а-яё-]+|\s+[А-ЯЁ]{2,})+)")


def _body_ending(ix: _Index, end: int, start: int | None = None) -> tuple[Candidate, Mention] | None:
    """The first organisation named right up to ``end`` (and from ``start``, if given)."""
    return next(((org, om) for org, om in ix.ending.get(end, []) if start is None or om.start == start), None)


#: a kind's word alone after «возглавлял» (any case), then the clause's end or a time: 'возглавлявший предприятие
#: прежде', 'руководил заводом с 2010 года'
HEADED_ANAPHOR = re.compile(
    r"([а-яё]+)(?=\s*(?:[.,;:()\n]|$)|\s+(?:прежде|ранее|раньше|до\s+этого|(?:с|в|до)\s+\d{4}|\d+\s+лет"
    r"|(?:с|в|до)\s+(?:январ|феврал|март|апрел|ма[ея]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*(?![\w-])))"
)
#: the kinds ``ANAPHORS`` gives a one-word anaphor, by its lemma
ANAPHOR_KINDS = {nlp.lemma(k): v for k, v in ANAPHORS.items() if " " not in k and v}


def _kind_named_before(ix: _Index, pos: int, kinds: tuple[str, ...]) -> Candidate | None:
    """The organisation a kind's word alone after «возглавлял» means: the first one of that kind the article names
    before ``pos``, its subject («Имя, руководивший заводом до этого» in an article on a works' new head, after the
    new head's former works and the corporation that owns both, is the works the headline names)."""
    first = [(m.start, c) for m, c in ix._named(kinds) if m.end <= pos]
    return min(first, key=lambda x: x[0])[1] if first else None


#: the title a body was headed in, after its name: '… в должности генерального директора'
IN_THE_POST = re.compile(r"(?:\s+[^,.;:()\n]{1,40}?)?\s+в\s+(?:должности|качестве)\s+")
#: the titles of a body's head ``IN_THE_POST`` may give
TITLED_HEADS = {"director-general", "director", "president", "chair", "chief", "head"}


def _headed(ix: _Index, pos: int) -> _Seg | None:
    """What a person named before «возглавит» heads: an organisation named right there, or a unit
    («управление по …») of one the sentence does not name."""
    board = HEADED_BOARD.match(ix.text, pos)
    if board is not None:  # 'возглавлявший правление компании «Локотех»': the chair of its board
        kind = BOARDS_COMPANY.match(ix.text, board.end())
        at = {board.end(), *((kind.end(),) if kind is not None else ())}
        owner = next(((c, men) for c in ix.orgs for men in c.mentions if men.start in at), None)
        if owner is not None:
            words = "правления" if board.group(1).lower().startswith("правлени") else "совета директоров"
            return _Seg("chair", False, pos, owner[1].end, owner[0], None, words, role_end=pos)
    kind = HEADED_KIND.match(ix.text, pos)
    level = HEADED_LEVEL.match(ix.text, pos)  # 'руководящая региональным Фондом …': the name after its level
    starts = {pos, *(m.end() for m in (kind, level) if m is not None)}
    for c in ix.orgs:
        for men in c.mentions:
            if men.start in starts:
                titled = IN_THE_POST.match(ix.text, men.end)
                role = ROLE.match(ix.text, titled.end()) if titled is not None else None
                if role is not None and _role_key(role) in TITLED_HEADS:
                    # 'руководил АО «КРП-инвест» Холдинга РЖД в должности генерального директора': the title named
                    return _Seg(_role_key(role), False, pos, men.end, c, None, "", role_end=pos)
                return _Seg("head", False, pos, men.end, c, None, "", role_end=pos)
    anaphor = HEADED_ANAPHOR.match(ix.text, pos)
    kinds = ANAPHOR_KINDS.get(nlp.lemma(anaphor.group(1).lower())) if anaphor is not None else None
    earlier = _kind_named_before(ix, pos, kinds) if kinds else None
    if earlier is not None and anaphor is not None:  # 'Имя, возглавлявший предприятие прежде': the one named before
        return _Seg("head", False, pos, anaphor.end(1), earlier, None, "", role_end=pos)
    region = next((r for (a, _), r in ix.regions.items() if a == pos and not r.is_city), None)
    if region is not None:  # 'Имя, возглавляющий Челябинскую область': the region's head, its governor
        return _Seg("head", False, pos, region.end, None, region, "", role_end=pos)
    district = DISTRICT_HEADED.match(ix.text, pos)
    if district is not None:  # 'Имя стоял во главе Приморского района': a district's head, the district in words
        return _Seg("head", False, pos, district.end(), None, None, district.group(), role_end=pos)
    unit = UNIT_HEADED.match(ix.text, pos)
    if unit is None or not re.match(r"\s*(?:[.,;:()\n]|$)", ix.text[unit.end() :]):
        return None
    words = f"{inflect_phrase(unit.group(1), 'gent')}{unit.group(2)}"
    return _Seg("head", False, pos, unit.end(), None, None, words, role_end=pos)


def _headed_body(ix: _Index, pos: int, m: re.Match) -> Candidate | None:
    """What «возглавляющий …» heads: an organisation named there, or a body noun («комиссию») for the
    body of that kind the article named last."""
    named = next((c for c in ix.orgs if any(men.start == pos for men in c.mentions)), None)
    if named is not None:
        return named
    if m.group("rest").strip():
        return None
    lemma = nlp.lemma(m.group("body").lower())
    if lemma not in CHAIRED:
        return None
    return ix.last_before(pos, (lemma,))


#: the deputies' role concepts: a head who was once a deputy of the same body held two posts, not one
SECOND_IN_COMMAND = {
    ROLES[k][0] for k in ROLES if k.startswith(("deputy-", "first-deputy-", "vice-", "first-vice-")) and k != "deputy"
}


#: a district's or a town's head as the post names it in words: 'глава Выборгского района'
DISTRICT_HEAD = re.compile(r"глава\s+[А-ЯЁ][а-яё-]+(?:ого|его)\s+(?:муниципального\s+)?района")


def _join_repeated(posts: dict[tuple[str, str], Post]) -> None:
    """'губернатор Ростовской области Василий Голубев … с донским губернатором Василием Голубевым':
    a post named again without its organisation or region is the one post of that person and role
    that has them; a person's head ('глава', 'руководитель') of an organisation where the text names one
    other post of theirs is that post."""
    for k, p in list(posts.items()):
        if p.org is not None or p.region is not None or DISTRICT_HEAD.fullmatch(p.role_ru):
            continue  # 'глава Выборгского района': a district's head, named in words, is no repeat of another head
        full = [q for q in posts.values() if q.person is p.person and q.role == p.role and (q.org or q.region)]
        if len(full) == 1:
            full[0].quotes += [x for x in p.quotes if x not in full[0].quotes]
            del posts[k]
    for k, p in list(posts.items()):  # 'глава ФРП Имя' and 'директор ФРП Имя': the head is that director
        if p.role != "roleHead" or p.org is None or p.role_ru != ROLES["head"][1]:  # not 'руководитель комитета'
            continue
        named = {
            q.role
            for q in posts.values()
            if q.person is p.person
            and q.org is p.org
            and q.role != p.role
            and q.role not in SECOND_IN_COMMAND
            and q.acting is None  # 'исполнять обязанности начальника', later its head: the post held, then the acting
        }  # 'работал заместителем руководителя Росстандарта', then its head: two posts, one after the other
        if len(named) == 1:
            same = next(q for q in posts.values() if q.person is p.person and q.org is p.org and q.role in named)
            same.quotes += [x for x in p.quotes if x not in same.quotes]
            del posts[k]


def _bare_ministers(posts: dict[tuple[str, str], Post], orgs: list[Candidate]) -> None:
    """'В кресле замминистра Германов пробыл …': a minister's or deputy minister's post written bare, in an article
    naming one ministry and that one a region's, is a post in that ministry."""
    ministries = [c for c in orgs if c.cls == "Ministry"]
    one = ministries[0] if len(ministries) == 1 else None
    if one is None or one.key.startswith("alias:") or not regions.find(one.label_ru):
        return
    for p in posts.values():
        if p.org is None and p.region is None and p.role in BARE_MINISTER_ROLES and p.label_ru.lower() == p.role_ru:
            p.org = one
            p.label_ru, p.label_en = _labels(p.role_ru, p.role_en, one, None)


def _regional_repeated(posts: dict[tuple[str, str], Post], orgs: list[Candidate], text: str) -> None:
    """'министр промышленности и торговли Дагестана Имя … — сказал министр промышленности и торговли Имя': the
    same person's post named again without the region is the regional ministry's, not the federal body of that
    name; the federal body goes when the text names it nowhere else. So is a shorter name of the regional ministry
    ('Министр промышленности, новых технологий … Челябинской области Имя … Министром промышленности Имени
    назначили'), unless the post's words name the country."""
    for k, p in list(posts.items()):
        if p.org is None or not p.org.key.startswith("alias:") or regions.find(p.org.label_ru):
            continue
        base = orgrules._base(p.org.label_ru)
        kind = re.findall(r"\w+", base)[:2]  # 'Министерство промышленности'
        national = any(COUNTRY.search(text[s:e]) for s, e in [(p.start, p.end), *p.quotes])
        regional = [
            q
            for q in posts.values()
            if q.person is p.person
            and q.role == p.role
            and q.org is not None
            and (
                (q.org.label_ru.startswith(base + " ") and regions.find(q.org.label_ru[len(base) :]))
                or (not national and re.findall(r"\w+", q.org.label_ru)[:2] == kind and regions.find(q.org.label_ru))
            )
        ]
        if len(regional) != 1:
            continue
        regional[0].quotes += [x for x in p.quotes if x not in regional[0].quotes]
        federal = p.org
        del posts[k]
        moved = [m for m in federal.mentions if p.start <= m.start and m.end <= p.end]
        federal.mentions = [m for m in federal.mentions if m not in moved]
        assert regional[0].org is not None
        for m in moved:
            regional[0].org.add(m)
        if not federal.mentions and not any(q.org is federal for q in posts.values()) and federal in orgs:
            orgs.remove(federal)
    _regional_by_kind(posts, orgs, text)


def _regional_by_kind(posts: dict[tuple[str, str], Post], orgs: list[Candidate], text: str) -> None:
    """'Пост министра промышленности Челябинской области получил Имя … прежний министр промышленности Имя': the
    posts of a federal ministry written shorter than its name («промышленности», not «… и торговли») and never with
    the country, in an article naming one regional ministry of those words and the federal one by none of its own
    names, are the regional ministry's."""
    for federal in {id(p.org): p.org for p in posts.values() if p.org is not None}.values():
        if not federal.key.startswith("alias:") or federal.cls != "Ministry":
            continue
        held = [p for p in posts.values() if p.org is federal]
        if any(n in text for n in (federal.label_ru, *federal.alt_ru) if len(n) > 4):
            continue  # the federal ministry named by one of its own names
        if any(COUNTRY.search(text[s:e]) for p in held for s, e in [(p.start, p.end), *p.quotes]) or any(
            COUNTRY.match(text, m.end + 1) for m in federal.mentions
        ):
            continue
        written = [m.text.lower() for m in federal.mentions]
        last = orgrules._base(federal.label_ru).lower().split()[-1]  # 'торговли' of '… промышленности и торговли'
        if not written or any(last in w or " и " in w for w in written):
            continue
        kinds = [
            o
            for o in orgs
            if o.cls == "Ministry"
            and not o.key.startswith("alias:")
            and regions.find(o.label_ru)
            and all(
                re.match(rf"министерство {re.escape(w.split(maxsplit=1)[-1])}[ ,]", o.label_ru.lower()) for w in written
            )
        ]
        if len(kinds) != 1:
            continue
        for p in held:
            p.org = kinds[0]
        for m in federal.mentions:
            kinds[0].add(m)
        federal.mentions = []
        if federal in orgs:
            orgs.remove(federal)


BARE_GOVERNOR = re.compile(
    r"(?<![\w-])(?:(?P<gov>(?:врио\s+|заместител\w+\s+)?губернатор\w{0,2}|замгубернатора|вице-губернатор\w{0,2})"
    r"|(?P<head>глав[аеуы]|замглавы)\s+(?:региона|области|края|республики))(?![\w-])(?!\s+(?-i:[А-ЯЁ]))",
    re.IGNORECASE,
)


#: an office held, before its role: 'руководила городом в должности губернатора'
IN_OFFICE = re.compile(r"(?<![\w-])(?:в|на)\s+(?:должности|посту|качестве)\s+$", re.IGNORECASE)


def _bare_governor(ix: _Index, persons: list[Candidate], posts: dict, add) -> None:
    """'Губернатор края высказал уверенность …', '– сообщил глава региона': a governor's post with no
    name beside it is the post of the article's one named person who holds no other post (the region
    the article is about); not when the article names several such persons."""
    holders = {key for key, _ in posts}
    free = [p for p in persons if p.key not in holders]
    mentions = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for m in BARE_GOVERNOR.finditer(ix.text):
        if _plural(m.group()) or any(q[0] <= m.start() < q[1] for p in posts.values() for q in p.quotes):
            continue
        holder, body = (free[0], None) if len(free) == 1 else _regional_deputy_speaker(ix, m, mentions, posts)
        if holder is None and len(free) > 1:
            holder = _subject_before(ix.text, m.start(), mentions, free)  # 'рассказал Имя … Губернатор показал …'
        if holder is None:
            continue
        in_office = IN_OFFICE.search(ix.text, max(0, m.start() - 30), m.start())
        opening = max((x.end() for x in SENTENCE_END.finditer(ix.text, 0, m.start())), default=0) if in_office else 0
        if (
            in_office
            and in_office.start() >= opening
            and any(p is not holder and opening <= s < m.start() for s, _, p in mentions)
        ):
            continue  # 'когда госпожа Матвиенко руководила городом в должности губернатора': that subject's post
        word = nlp.words(m.group())[0][0].lower()
        if all(p.tag.case in ("ablt", "datv") for p in nlp.parse(word)):
            continue  # 'подписал с губернатором', 'доложил губернатору': someone else, not the one named
        if _object_after(ix.text, m.end(), holder, mentions):
            continue  # 'губернатор области своим указом освободил Имени': the governor acts on the one named
        if _reported_after(ix.text, m.end(), holder, mentions):
            continue  # 'Губернатор объявил, что Имя стал министром': the governor speaks of the one named
        region = regions.resolve_anaphora(ix.text, m.start())
        if (region is None and body is None) or (region is not None and region.is_city):
            continue
        low = m.group().lower()
        key = (
            "acting-governor"
            if low.startswith("врио")
            else "deputy-governor"
            if low.startswith("зам") or "вице" in low
            else "governor"
        )
        if any(p.role == ROLES[key][0] for p in posts.values()):
            continue  # '– сказал губернатор' after 'губернатор региона Имя': the governor named before
        add(holder, _Seg(key, False, m.start(), m.end(), body, None if body else region, ""), m.start(), m.end())


def _reported_after(text: str, end: int, holder: Candidate, mentions) -> bool:
    """The one named is the subject of a clause the bare post's sentence reports after «, что»."""
    stop = SENTENCE_END.search(text, end)
    limit = stop.start() if stop else len(text)
    return any(
        p is holder and re.search(r",\s+что\s", text[end:s]) is not None for s, _, p in mentions if end <= s < limit
    )


def _object_after(text: str, end: int, holder: Candidate, mentions) -> bool:
    """The one named is mentioned later in the sentence, not as its name is written in the nominative: the object of what
    the post's holder does ('губернатор … освободил Дмитрия Аниськова')."""
    stop = next((x.start() for x in SENTENCE_END.finditer(text, end)), len(text))
    return any(p is holder and end < s < stop and text[s:e] not in (p.label_ru, *p.alt_ru) for s, e, p in mentions)


#: a premier's post opening a sentence with no name after it: 'Премьер-министр сообщил, что …'
BARE_PREMIER = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:Премьер-министр|Премьер|Глава\s+[Пп]равительства|Председатель\s+[Пп]равительства)"
    r"(?![\w-])(?!\s+(?:[А-ЯЁ]|РФ|России|Российской|страны|региона|области|края|республики))",
    re.MULTILINE,
)


def _bare_premier(ix: _Index, persons: list[Candidate], posts: dict, add) -> None:
    """'Михаил Мишустин отчитался в Госдуме … Премьер-министр сообщил, что …': a premier's post opening a sentence
    with no name is the post of the one person, holding no post named so far, named in the nominative in the
    sentence before; not where the article names a region's government or gives the premier's post to anyone."""
    if ix.regional_premiers() or any(p.role == ROLES["premier"][0] for p in posts.values()):
        return
    holders = {key for key, _ in posts}
    free = [p for p in persons if p.key not in holders]
    mentions = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for m in BARE_PREMIER.finditer(ix.text):
        holder = _subject_before(ix.text, m.start(), mentions, free)
        if holder is not None:
            add(holder, _Seg("premier", False, m.start(), m.end(), None, None, ""), m.start(), m.end())
            return


def _sentences_before(text: str, pos: int) -> tuple[int, int, int | None] | None:
    """For a sentence opening at ``pos``: (start of the sentence before, ``pos`` as a sentence's start, start of the
    one before that or None); None where no sentence opens at ``pos`` or none comes before it (a blank line is none)."""
    bounds = [(s, e) for s, e in nlp.sentence_bounds(text) if e > s]
    at = next((k for k, (s, _) in enumerate(bounds) if s == pos), 0)
    if at == 0:
        return None
    return bounds[at - 1][0], bounds[at][0], bounds[at - 2][0] if at >= 2 else None


def _subject_before(text: str, pos: int, mentions: list, free: list[Candidate]) -> Candidate | None:
    """When a sentence opens at ``pos`` with a bare governor's post: the one person of ``free`` named in the
    nominative in the sentence before it ('рассказал Михаил Котюков во время приезда Максима Решетникова. Губернатор
    показал …'), or as the speaker after «По словам»; the sentence before that, when the one before names nobody."""
    before = _sentences_before(text, pos)
    if before is None:
        return None
    prev, begin, further = before
    if further is not None and not any(prev <= s < begin for s, _, _ in mentions):
        prev = further  # '… а выпуск … вырос на 50%. Председатель Правительства подчеркнул': one further
    named = {
        p.key: p
        for s, e, p in mentions
        if prev <= s < begin
        and any(p is f for f in free)
        and (_names_nominative(text[s:e]) or re.search(r"(?<![\w-])[Пп]о\s+словам\s+$", text[max(0, s - 12) : s]))
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _names_nominative(name: str) -> bool:
    words = nlp.words(name)
    return bool(words) and all(
        any(p.tag.case == "nomn" and ("Name" in p.tag or "Surn" in p.tag) for p in nlp.parse(w)) for w, _, _ in words
    )


#: a speech verb right before a bare post: '», — сказал вице-губернатор'
SAID_BEFORE = re.compile(
    r"(?<![\w-])(?:сказал|рассказал|отметил|заявил|добавил|подчеркнул|пояснил|сообщил|уточнил|указал|напомнил)а?\s+$",
    re.IGNORECASE,
)


def _regional_deputy_speaker(
    ix: _Index, m: re.Match, mentions: list, posts: dict
) -> tuple[Candidate | None, Candidate | None]:
    """'Об этом заявил вице-премьер Имя … «…», — сказал вице-губернатор': a speaker named only by a deputy
    governor's post is the person named last before it when that person is a deputy premier of the region's
    government (a region's vice-premier is its vice-governor): (that person, the government)."""
    low = m.group().lower()
    said = SAID_BEFORE.search(ix.text[max(0, m.start() - 20) : m.start()])
    prior = [p for s, e, p in mentions if e <= m.start()]
    if not ("вице" in low or low.startswith("зам")) or said is None or not prior:
        return None, None
    held = [p for (holder, _), p in posts.items() if holder == prior[-1].key]
    vice = {ROLES["vice-premier"][0], ROLES["first-vice-premier"][0]}
    for p in held:
        if p.role in vice and p.org is not None and p.org.cls == "RegionalGovernment":
            return prior[-1], p.org
    return None, None


#: 'его первый заместитель Вячеслав Федорищев': the deputy of the post of the person named before
POSSESSIVE_DEPUTY = re.compile(r"(?<![\w-])(?:его|ее|её)\s+(?P<first>перв\w+\s+)?заместител\w{0,3}\s+$", re.IGNORECASE)
#: role concept -> its first role key («roleChair»: the chair, not the co-chair)
BY_CONCEPT: dict[str, str] = {}
for _key, (_concept, _, _) in ROLES.items():
    BY_CONCEPT.setdefault(_concept, _key)
#: role key -> (its deputy, its first deputy)
DEPUTIES = {
    "governor": ("deputy-governor", "first-deputy-governor"),
    "acting-governor": ("deputy-governor", "first-deputy-governor"),
    "minister": ("deputy-minister", "first-deputy-minister"),
    "premier": ("vice-premier", "first-vice-premier"),
    "chair": ("deputy-chair", "first-deputy-chair"),
    "director": ("deputy-director", "first-deputy-director"),
    "director-general": ("deputy-director", "first-deputy-director-general"),
    "mayor": ("deputy-mayor", "deputy-mayor"),
    "chief": ("deputy-chief", "deputy-chief"),
    "head": ("deputy-head", "first-deputy-head"),
}


def _after_possessive(text: str, persons: list[Candidate], pattern: re.Pattern, reach: int):
    """(match, person, mention end, the person named last before the match) for each mention of a person
    that ``pattern`` («его заместитель», «его помощник») ends right before, within ``reach`` characters."""
    mentions = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for start, end, person in mentions:
        m = pattern.search(text, max(0, start - reach), start)
        if m is None:
            continue
        prior = [p for _, e, p in mentions if e <= m.start() and p is not person]
        if prior:
            yield m, person, end, prior[-1]


def _last_chief_post(posts: dict, chief: Candidate, before: int) -> Post | None:
    """The post the text gave ``chief`` last before ``before`` among those that have deputies, if any."""
    held = [(q[0], p) for (holder, _), p in posts.items() if holder == chief.key for q in p.quotes]
    held = [(at, p) for at, p in held if at < before and BY_CONCEPT.get(p.role or "") in DEPUTIES]
    return max(held, key=lambda x: x[0])[1] if held else None


def _possessive_deputies(ix: _Index, persons: list[Candidate], posts: dict, add) -> None:
    """'по поручению губернатора Тульской области Алексея Дюмина заседание провёл его первый заместитель
    Вячеслав Федорищев': «его (первый) заместитель» before a name is the deputy in the post the text gave
    last, before it, to the person named last before it (the governor's deputy is a deputy governor)."""
    for m, person, end, chief_person in _after_possessive(ix.text, persons, POSSESSIVE_DEPUTY, 40):
        chief = _last_chief_post(posts, chief_person, m.start())
        if chief is None:
            continue
        key = DEPUTIES[BY_CONCEPT[chief.role or ""]][1 if m.group("first") else 0]
        add(person, _Seg(key, False, m.start(), end, chief.org, chief.region, "", role_end=m.end()), m.start(), end)


def _sentence_opening(text: str, pos: int) -> int:
    """Where the sentence (or line) holding ``pos`` starts: after the last full stop or line break before it."""
    return max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1


#: a deputy after the name, of the person named before it or of the one named after «заместитель»: 'с Имя, генеральным
#: директором АО "Росагролизинг", и Имя2, его первым заместителем', 'к Имени2, заместителю Петрова'
DEPUTY_AFTER = re.compile(
    r",\s+(?:(?P<his>его|ее|её)\s+)?(?P<first>перв\w+\s+)?заместител\w{0,3}(?=[\s.,;)])", re.IGNORECASE
)


def _deputies_after(ix: _Index, persons: list[Candidate], posts: dict, add) -> None:
    """«Имя2, его (первым) заместителем» after a person named before in the sentence, «Имя2, заместителю Петрова»
    with the chief named after: the deputy in the post the text gave the chief last before (``DEPUTIES``)."""
    text = ix.text
    mentions = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for s_, e_, person in mentions:
        cue = DEPUTY_AFTER.match(text, e_)
        if cue is None:
            continue
        end = cue.end()
        if cue.group("his"):
            opening = _sentence_opening(text, s_)
            prior = [p for s, e, p in mentions if opening <= s and e <= s_ and p is not person]
            chief_person = prior[-1] if prior else None
        else:
            named = next(((e, p) for s, e, p in mentions if s == end + 1 and p is not person), None)
            chief_person = named[1] if named else None
            end = named[0] if named else end
        chief = _last_chief_post(posts, chief_person, s_) if chief_person is not None else None
        if chief is None:
            continue
        key = DEPUTIES[BY_CONCEPT[chief.role or ""]][1 if cue.group("first") else 0]
        seg = _Seg(key, False, cue.start(), end, chief.org, chief.region, "", role_end=cue.end())
        add(person, seg, s_, end)


#: 'В заместители ему определены A и B', 'Его заместителями стали A и B': deputies of the person named last
NAMED_DEPUTIES = re.compile(
    r"(?<![\w-])(?:в\s+(?:заместители|замы|зампреды)\s+(?:к\s+)?(?:ему|ей|нему|ней)|(?:его|ее|её)\s+(?P<first>перв\w+\s+)?"
    r"(?:заместител(?:ем|ями)|замами))\s+(?:[а-яё]+\s+)?(?:определен[аы]?|назначен[аы]?|утвержден[аы]?|включен[аы]?"
    r"|вошли|стал[аи]?|избран[аы]?)\s+",
    re.IGNORECASE,
)
#: the end of a sentence (not 'и. о. министра')
SENTENCE_END = re.compile(r"[.!?…]\s+(?=[А-ЯЁA-Z«\"])|\n")


def _named_deputies(ix: _Index, persons: list[Candidate], posts: dict, add) -> None:
    """'Председателем совета стал губернатор Имя. В заместители ему определены A и B': every person named in the
    rest of the sentence is a deputy in the post the text gave last to the person named last before the cue."""
    text = ix.text
    mentions = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for cue in NAMED_DEPUTIES.finditer(text):
        prior = [p for s, e, p in mentions if e <= cue.start()]
        if not prior:
            continue
        chief = _last_chief_post(posts, prior[-1], cue.start())
        if chief is None:
            continue
        key = DEPUTIES[BY_CONCEPT[chief.role or ""]][1 if cue.group("first") else 0]
        stop = SENTENCE_END.search(text, cue.end())
        for s, e, person in mentions:
            if cue.end() <= s < (stop.start() if stop else len(text)) and person is not prior[-1]:
                seg = _Seg(key, False, cue.start(), e, chief.org, chief.region, "", role_end=cue.end())
                add(person, seg, cue.start(), e)


#: 'Обязанности секретаря совета возложены на Имя': the post whose duties are laid on a person
DUTIES = re.compile(r"(?<![\w-])обязанност(?:и|ями)\s+(?=\w)", re.IGNORECASE)
LAID = re.compile(r"\s+(?:(?:были|будут)\s+)?(?:возложен[аы]?|возложили|возлагаются)\s+на\s+")


def _duties_laid(ix: _Index, persons: list[Candidate], add) -> None:
    """'Обязанности секретаря совета возложены на замминистра Имя': the post named after «обязанности» is the
    post of the person named first after «возложены на»."""
    text = ix.text
    for cue in DUTIES.finditer(text):
        m = ROLE.match(text, cue.end())
        laid = LAID.search(text, m.end(), m.end() + 160) if m is not None else None
        if m is None or laid is None or ACTING.search(text, max(0, cue.start() - 40), cue.end()):
            continue
        after = _first_named_after(ix, persons, laid.end(), within=None)
        comp = _complement(ix, _role_key(m), m.end(), laid.start())
        if comp is None or after is None:
            continue
        e, person = after
        add(person, _Seg(_role_key(m), False, m.start(), laid.start(), *comp, role_end=m.end()), m.start(), e)


#: the verb after an office whose duties a person performs: 'Обязанности министра … теперь исполняет Имя'
PERFORMED = re.compile(
    r"\s+(?:(?:теперь|временно|пока|сейчас|уже)\s+)?(?:исполня(?:ет|ют)|выполня(?:ет|ют)|будет\s+(?:временно\s+)?исполнять|исполнять\s+будет"
    r"|(?:возьм(?:ет|ут)|взял[аи]?)\s+на\s+себя|(?:перейдут|переходят|перешли)\s+к|(?:возложены|возложат)\s+на"
    r"|(?:поручено|поручили)\s+(?:временно\s+)?исполнять)"
    r"(?:\s+(?:его|ее|её)\s+(?:перв\w+\s+)?заместител\w{1,3})?\s+"
)
#: a minister's posts, bare of their ministry («замминистра Имя»)
BARE_MINISTER_ROLES = {"roleMinister", "roleDeputyMinister", "roleFirstDeputyMinister", "roleActingMinister"}
#: the acting holder of an office, by the office's key
ACTING_KEYS = {
    "minister": "acting-minister",
    "governor": "acting-governor",
    "head": "head",
    "director-general": "director-general",
    "chief": "chief",
}  # the others acting by «обязанности» before them: 'Обязанности гендиректора … поручено исполнять Имени'
#: the verb after the office when the duties opened the sentence: '(Временно) исполнять обязанности министра поручено Имени',
#: '… генерального директора ПКБ будет Имя'
BIDDEN = re.compile(r"\s+(?:(?:было\s+)?(?:поручено|поручили|поручен[аы]?)|будет)\s+")
BID_TO_ACT = re.compile(r"(?<![\w-])исполнять\s+$", re.IGNORECASE)


#: a reporting aside between the office and the verb: ', как сообщается,', ', по данным источника,'
ASIDE_BEFORE_VERB = re.compile(
    r",\s*(?:как\s+[а-яё]+(?:\s+[а-яё]+)?|по\s+(?:данным|информации|словам)\s+[^,.;]{1,40}),\s*$"
)
#: the term of acting duties between the office and the verb: ' до назначения нового руководителя'
UNTIL_APPOINTED = re.compile(r"\s+до\s+(?:назначения|избрания|утверждения)(?:\s+[а-яё]+){0,3}")


def _duties_performed(ix: _Index, persons: list[Candidate], add) -> None:
    """'Обязанности министра промышленности Чувашии теперь исполняет Имя', '… исполняет первый замминистра Имя':
    the person named first after the verb, in the same sentence, is the acting minister (or governor)."""
    text = ix.text
    for cue in DUTIES.finditer(text):
        m = ROLE.match(text, cue.end())
        key = ACTING_KEYS.get(_role_key(m)) if m is not None else None
        verb = PERFORMED.search(text, m.end(), m.end() + 160) if m is not None and key is not None else None
        if m is not None and key is not None and BID_TO_ACT.search(text, max(0, cue.start() - 20), cue.start()):
            verb = BIDDEN.search(text, m.end(), m.end() + 160)  # 'Временно исполнять обязанности министра поручено'
        if m is None or key is None or verb is None or SENTENCE_END.search(text, m.end(), verb.start()):
            continue
        after = _first_named_after(ix, persons, verb.end(), within=None)
        until = UNTIL_APPOINTED.search(text, m.end(), verb.start())  # '… министра до назначения нового руководителя'
        aside = ASIDE_BEFORE_VERB.search(text, m.end(), verb.start())  # '…, как сообщается, поручено'
        comp = _complement(
            ix, _role_key(m), m.end(), until.start() if until else aside.start() if aside else verb.start()
        )
        if comp is not None and comp[:3] == (None, None, "") and _role_key(m) in MINISTERIAL:
            near = ix.last_before(m.start(), ("министерство",))  # 'Обязанности министра …': the ministry named before
            comp = (near, None, "", False) if near is not None else comp
        if comp is None or after is None:
            continue
        if key == "head" and comp[0] is not None and comp[0].cls == "Ministry":
            key = "acting-minister"  # 'обязанности главы Минпромэнерго выполняет …': the acting minister
        e, person = after
        add(person, _Seg(key, False, m.start(), verb.start(), *comp, role_end=m.end()), m.start(), e)


#: a body to be led by the one named right before, in the dative: 'Имени предстоит руководить АО «…»'
DATIVE_TO_LEAD = re.compile(
    r"\s+(?:(?:теперь|сейчас|также)\s+)?(?:предстоит|поручено|доверено)\s+(?:временно\s+)?(?:руководить|возглавить)\s+"
)


def _dative_to_lead(ix: _Index, persons: list[Candidate], add) -> None:
    """'Господину Шихалову предстоит руководить АО «…»': the head of the body named right after the verb."""
    text = ix.text
    starts = {s: c for (s, _), c in ix.at.items() if c.cls != "Region"}
    for person in persons:
        for pm in person.mentions:
            verb = DATIVE_TO_LEAD.match(text, pm.end)
            org = starts.get(verb.end()) if verb is not None else None
            if verb is None or org is None:
                continue
            end = max(e for (s, e), c in ix.at.items() if s == verb.end() and c is org)
            add(person, _Seg("head", False, verb.start(), end, org, None, "", role_end=verb.end()), pm.start, end)


#: 'совет директоров ОАК несколько лет подряд возглавлял министр … Имя': the board, its company, then the verb
BOARD_LED = re.compile(r"[^.;!?\n]{0,60}?\s(?:возглавлял|возглавляла|возглавил|возглавила|возглавит|возглавляет)\s")
#: 'председателем комитета по стратегии избран Имя', 'комитет по бюджету возглавила Имя': a board committee's chair
_COMMITTEE_OF = orgrules.BOARD_COMMITTEE.pattern.replace("комитет по", r"комитета\s+по")
BOARD_CHAIR = re.compile(
    rf"(?<![\w-])(?:(?:председател|глав)\w*\s+(?P<of>{_COMMITTEE_OF})"
    rf"|(?P<led>{orgrules.BOARD_COMMITTEE.pattern}\s+(?:возглавил|возглавила|возглавит|возглавляет)))\s",
    re.IGNORECASE,
)


#: joining a company's board, after the name: 'Имя вошел в (состав) совет(а) директоров концерна «…»', 'Имя избран в
#: наблюдательный совет …'
BOARD_JOINED = re.compile(
    r"\s+(?:(?:был[аи]?\s+)?(?:избран[аы]?|введен[аы]?|включен[аы]?)|вош[её]л|вошла|вошли|войд[её]т|войдут)"
    r"(?:\s+(?:в\s+\d{4}\s+году|в\s+[а-яё]+\s+\d{4}\s+года))?\s+в\s+(?:состав\s+)?"
    r"(?P<board>совет(?:а)?\s+директоров|наблюдательн(?:ый|ого)\s+совет(?:а)?)\s+"
)
#: the same with the board first: 'в совет директоров концерна Имя вошел в сентябре 2013 года'
BOARD_JOINED_FIRST = re.compile(
    r"(?<![\w-])[Вв]\s+(?:состав\s+)?(?P<board>совет(?:а)?\s+директоров|наблюдательн(?:ый|ого)\s+совет(?:а)?)\s+"
    r"(?P<owner>[^.;:!?\n]{1,80}?)\s+(?=[А-ЯЁ])"
)
BOARD_JOINED_VERB = re.compile(r"\s+(?:вош[её]л|вошла|вошли|войд[её]т|избран[аы]?|был[аи]?\s+избран[аы]?)(?![\w-])")


def _board_words(board: str) -> str:
    """The board joined, as a member's post names it: «совета директоров» or «наблюдательного совета»."""
    return "совета директоров" if "директор" in board else "наблюдательного совета"


def _joined_owner(ix: _Index, pos: int, end: int) -> Candidate | None:
    """The company whose board is joined, named from ``pos`` (after a kind's word) up to ``end``, or a kind's word
    alone for the first of that kind the article names ('в совет директоров концерна')."""
    kind = BOARDS_COMPANY.match(ix.text, pos)
    starts = {pos, *((kind.end(),) if kind is not None else ())}
    named = next((c for c in ix.orgs for men in c.mentions if men.start in starts and men.end <= end), None)
    if named is not None or kind is None:
        return named
    word = kind.group().strip()
    if kind.end() < end and ix.text[kind.end() : end].strip():
        return None
    kinds = ANAPHOR_KINDS.get(nlp.lemma(word))
    return _kind_named_before(ix, pos, kinds) if kinds else None


def _board_joined(ix: _Index, persons: list[Candidate], add) -> None:
    """'Имя вошел в совет директоров концерна «Калашников»', 'в совет директоров концерна Имя вошел в сентябре
    2013 года': a member of the company's board (of the supervisory board: 'избран в наблюдательный совет …')."""
    text = ix.text
    for person in persons:
        for pm in person.mentions:
            m = BOARD_JOINED.match(text, pm.end)
            if m is not None:
                stop = SENTENCE_END.search(text, m.end())
                owner = _joined_owner(ix, m.end(), stop.start() if stop else len(text))
                if owner is not None and head_lemma(owner.label_ru) not in PUBLIC_BODIES:
                    words = _board_words(m.group("board"))
                    add(person, _Seg("member", False, m.start("board"), m.end(), owner, None, words, role_end=m.end()),
                        m.start("board"), pm.end)  # fmt: skip
                continue
            opening = _sentence_opening(text, pm.start)
            found = BOARD_JOINED_FIRST.finditer(text, opening, pm.start + 1)
            first = next((x for x in found if x.end() == pm.start), None)
            if first is None or not BOARD_JOINED_VERB.match(text, pm.end):
                continue
            owner = _joined_owner(ix, first.start("owner"), first.end("owner"))
            if owner is not None and head_lemma(owner.label_ru) not in PUBLIC_BODIES:
                words = _board_words(first.group("board"))
                seg = _Seg("member", False, first.start("board"), first.end("owner"), owner, None, words)
                add(person, replace(seg, role_end=first.start("board")), first.start(), pm.end)


def _board_posts(ix: _Index, persons: list[Candidate], add) -> None:
    """The chair of a company's board named after the board ('совет директоров ОАК … возглавлял Имя') and the chairs
    of its committees ('председателем комитета по аудиту назначен Имя'): posts in the company (no committee is an
    organisation of its own, see ``orgrules.board_committee``)."""
    text = ix.text
    boards: list[tuple[int, Candidate]] = []
    for m in orgrules.BOARD.finditer(text):
        named = next(((e, c) for (s, e), c in ix.at.items() if s == m.end() + 1), None)
        if named is None or head_lemma(named[1].label_ru) in PUBLIC_BODIES:
            continue
        end, company = named
        boards.append((m.start(), company))
        verb = BOARD_LED.match(text, end)
        after = _first_named_after(ix, persons, verb.end(), within=None) if verb else None
        if verb is not None and after is not None:
            e, person = after
            add(
                person,
                _Seg("chair", False, m.start(), end, company, None, "совета директоров", role_end=m.end()),
                m.start(),
                e,
            )
    if not boards:
        return
    for m in BOARD_CHAIR.finditer(text):
        words = m.group("of") or m.group("led")
        committee = orgrules.BOARD_COMMITTEE.match(
            re.sub(r"^комитета?\s+по\s+", "комитет по ", words, flags=re.IGNORECASE)
        )
        if committee is None or not orgrules.board_committee(text, committee.group()):
            continue
        company = max(((s, c) for s, c in boards if s < m.start()), default=boards[0], key=lambda x: x[0])[1]
        after = _first_named_after(ix, persons, m.end(), within=40)
        if after is not None:
            e, person = after
            of = "комитета " + committee.group().split(" ", 1)[1]
            add(person, _Seg("chair", False, m.start(), m.end(), company, None, of, role_end=m.end()), m.start(), e)


#: a decree's words: 'Возложить временно исполнение обязанностей министра … на Имя'
DUTIES_ORDERED = re.compile(rf"(?<![\w-])возложить\s+{DUTIES_WORDS}\s+(?=\w)", re.IGNORECASE)
#: the preposition before the person the duties are laid on
DUTIES_ON = re.compile(r"\s+на\s+")


def _duties_ordered(ix: _Index, persons: list[Candidate], add) -> None:
    """'Возложить временно исполнение обязанностей министра промышленной политики РК на Имя': the person named
    first after «на» acts in the post (the decree's formula, quoted by the news)."""
    text = ix.text
    for cue in DUTIES_ORDERED.finditer(text):
        m = ROLE.match(text, cue.end())
        on = DUTIES_ON.search(text, m.end(), m.end() + 160) if m is not None else None
        if m is None or on is None:
            continue
        comp = _complement(ix, _role_key(m), m.end(), on.start())
        holders = [(mm.start, mm.end, p) for p in persons for mm in p.mentions if mm.start == on.end()]
        if comp is not None and holders:
            _, e, person = holders[0]
            add(person, _Seg(_role_key(m), False, m.start(), on.start(), *comp, role_end=m.end()), m.start(), e)


#: 'Наблюдательного совета ФРП, председателем которого является замгубернатора Имя': a body's post in a relative
#: clause after its name
RELATIVE = re.compile(
    r",\s+(?P<role>[а-яё-]+(?:\s+[а-яё-]+)?)\s+котор(?:ого|ой|ых)\s+(?:является|являлся|являлась|стал|стала|был|была"
    r"|остается|остаётся|назначен|назначена|избран|избрана)\s+",
    re.IGNORECASE,
)


#: 'Правительственная подкомиссия …, которую возглавляет первый вице-премьер Имя': the head of the body before it
HEADED_BY = re.compile(
    r",\s+котор(?:ую|ый|ое|ого|ым)\s+(?:возглавляет|возглавлял|возглавляла|возглавил|возглавила|руководит)\s+",
    re.IGNORECASE,
)


#: a group of a body's members before the body's name: what a relative clause after the name may be about
GROUP_OF = re.compile(r"(?<![\w-])(?:делегаци|миссии|группы\s+депутатов)[а-яё]*\s+$", re.IGNORECASE)


def _relative_posts(ix: _Index, persons: list[Candidate], add) -> None:
    """'одобрение Наблюдательного совета ФРП, председателем которого является заместитель губернатора Имя': the
    post named in the relative clause is the post, in the body named right before it, of the first person after it."""
    text = ix.text
    for m in HEADED_BY.finditer(text):  # '…, которую возглавляет [его посты] Имя': the first person after it
        bodies = [
            (c, mm)
            for c, mm in ix.ending.get(m.start(), [])
            if not GROUP_OF.search(text, max(0, mm.start - 30), mm.start)
        ]  # 'делегации Государственной Думы РФ, которую возглавлял Имя': he heads the delegation, not the Duma
        named_after = _first_named_after(ix, persons, m.end())
        if bodies and named_after:
            org, named = bodies[0]
            seg = _Seg("head", False, m.start(), m.start(), org, None, "", role_end=m.start())
            add(named_after[1], seg, named.start, named_after[0])
    for m in RELATIVE.finditer(text):
        role = ROLE.match(text, m.start("role"))
        owners = [c for c, _ in ix.ending.get(m.start(), [])]
        if role is None or role.end() != m.end("role") or not owners:
            continue
        named_after = _first_named_after(ix, persons, m.end())
        if named_after is None:
            continue
        e, person = named_after
        key = _role_key(role)
        add(
            person,
            _Seg(key, False, role.start(), role.end(), owners[0], None, "", role_end=role.end()),
            role.start(),
            e,
        )


#: a verb that gives a post in the instrumental opening the sentence to the person named after it
FRONTED_APPOINTER = re.compile(
    r"(?<![\w-])(?:назначил[аи]?|назначен[аы]?|представлен[аы]?|утвердил[аи]?|работал[аи]?|был[аи]?|являлся|являлась|является"
    r"|станет|стал[аи]?|будет"
    r"|(?P<got>получил[аи]?|получит|занял[аи]?|займ[её]т|освободил[аи]?|освобожд[её]н[аы]?|оставил[аи]?|оставит|покинул[аи]?|покинет"
    r"|ушл?[её]?л[аи]?"
    r"|(?:(?:может|могла?)\s+)?(?:достаться|досталась|достанется)(?:\s+[а-яё]+){0,2}))"
    rf"(?:\s+{AGE})?(?:\s+{RANK})?(?P<now>\s+(?:{ANY_ROLE})(?:\s+[а-яё]+|\s+[«\"][^«»\"\n]{{1,40}}[»\"]){{0,3}})?\s+$"
)  # 'Должность главы комитета … может достаться петербургскому сенатору Имени': the office to the name after; '… стал
# 27-летний Имя': an age before the name
#: a body the post is in, before a fronted post: 'в столичном департаменте … заместителем главы назначена Имя'
IN_BODY = re.compile(r"[Вв]\s+")
#: the one replaced, between a fronted office and its verb: 'Пост … вместо Имени заняла Имя2'
INSTEAD = re.compile(r"\s+вместо\s+(?=[А-ЯЁ])")
#: an acting holder's word opening the sentence before the office in the genitive: 'Врио главы КППИТ будет Имя'
FRONTED_ACTING = re.compile(r"(?:[Вв]рио|[Ии]\.\s?о\.?|(?:[Вв]ременно\s+и|[Ии])сполняющим\s+обязанности)\s+")
#: the word for an office before its holder's role in the genitive: 'Пост министра … получил Имя'
FRONTED_POST = re.compile(
    # 'В августе досрочно с должности гендиректора … ушел Имя': a time and a manner before it, «с» for one left
    # 'Еще раньше должность замглавы … оставил Имя': an adverb or two before the office
    r"(?:(?:[А-ЯЁа-яё]+,?\s+){0,5}?(?:с|со|от)\s+(?:поста|должности)|(?:[А-ЯЁа-яё]+\s+){0,2}?(?:[Пп]ост|[Дд]олжность|[Кк]ресло))\s+"
)
#: a reported clause opening with the post: 'следует, что на полгода пост генерального директора … занял Имя'
THAT_POST = re.compile(r",\s+что\s+(?:[а-яё]+\s+){0,3}?(?=(?:пост|должност)[а-яё]*\s)")
#: a participle's clause after a body, no part of a post's complement: ', входящем в состав ОСК,'
PARTICIPLE_ASIDE = re.compile(r",\s+(?:входящ|входивш|принадлежащ|подконтрольн)[а-яё]+\s")
#: a report's source opening the sentence before the post: 'По сведениям «Ъ», должность главы комитета …'
FRONTED_SOURCE = re.compile(
    r"(?:По\s+(?:сведениям|данным|информации)\s+[^,.\n]{1,40},|Как\s+стало\s+известно[^,.\n]{0,40},"
    r"|По\s+(?:его|её|ее|их)\s+словам,)\s+"
)  # 'По его словам, первым вице-губернатором станет …'
#: a time before a post opening the sentence: 'С августа текущего года первым заместителем … работал Имя'
FRONTED_SINCE = re.compile(
    r"(?:[Сс]|[Дд]о|[Вв])\s+(?:[а-яё]+\s+(?:текущего|прошлого|этого|\d{4})\s+года|\d{4}\s+года|\d{4}\s+г\.)\s+"
)


def _fronted_appointments(ix: _Index, persons: list[Candidate], add) -> None:
    """'Главой департамента промышленности региона губернатор ХМАО Имя назначил Имени', '(С августа текущего года)
    первым заместителем руководителя департамента работал Имя': a post in the instrumental opening the sentence is
    given by «назначил» («работал», «был») to the person named right after the verb (its complement ends at the next
    role or name); so is «Пост министра … получил (занял) Имя», the office in the genitive after «пост»."""
    text = ix.text
    for person in persons:
        for pm in person.mentions:
            line_start = text.rfind("\n", 0, pm.start) + 1
            verb = FRONTED_APPOINTER.search(text, line_start, pm.start)
            if verb is None:
                continue
            # a sentence, or a clause after «, а» ('…, а в августе с должности гендиректора … ушел Имя')
            # … or a clause after «почему», «что» ('пояснил, почему первым заместителем … стал Имя')
            opening = max(
                (
                    m.end()
                    for m in re.finditer(r"[.!?]\s+|,\s+(?:а|почему|что|как|когда)\s+", text[line_start : pm.start])
                ),
                default=0,
            )
            start = line_start + opening
            source = FRONTED_SOURCE.match(text, start)
            start = source.end() if source else start
            since = FRONTED_SINCE.match(text, start)
            post = FRONTED_POST.match(text, since.end() if since else start)
            that = THAT_POST.search(text, start, verb.start()) if post is None else None
            post = FRONTED_POST.match(text, that.end()) if that is not None else post  # '…, что на полгода пост …'
            if (post is None) != (verb.group("got") is None):
                continue  # 'Пост министра … получил Имя': the office named, then «получил» or «занял»
            at = post.end() if post else since.end() if since else start
            # 'в столичном департаменте физкультуры и спорта заместителем главы назначена Имя': the body the post is in
            inside, place = None, IN_BODY.match(text, at) if post is None else None
            body = next(((c, e) for (s_, e), c in ix.at.items() if place and s_ == place.end()), None)
            gap = re.match(r"[ \u00a0]+", text[body[1] :]) if body is not None else None
            if body is not None and gap is not None and ROLE.match(text, body[1] + gap.end()):
                inside, at = body[0], body[1] + gap.end()
            new = re.match(r"(?:[Нн]ов(?:ым|ой|ыми|ого)|[Сс]ледующ(?:им|ей)|[Оо]чередн(?:ым|ой))\s+", text[at:])
            at += new.end() if new else 0
            # 'Врио главы КППИТ будет Имя': an acting holder's word before the office, then in the genitive (the
            # word itself read as acting by ``add``)
            acting = FRONTED_ACTING.match(text, at) if post is None else None
            role = ROLE.match(text, acting.end() if acting else at)  # 'Новым заместителем губернатора назначен Имя'
            case = "gent" if post or acting else "ablt"
            first = nlp.parse(role.group().split()[0].lower()) if role else []  # 'замминистра' does not decline
            first = first if first and first[0].tag.POS in ("ADJF", "PRTF") else first[:1]  # 'Исполняющей': any case
            if role is None or not any(p.tag.case == case or (post and "Fixd" in p.tag) for p in first):
                continue
            stops = [m.start() for m in ROLE.finditer(text, role.end(), pm.start)]
            stops += [mm.start for p in persons for mm in p.mentions if role.end() <= mm.start <= pm.start]
            stops.append(verb.start())  # '… департамента работал Имя': the complement ends before the verb
            at_org = [
                e + (text[e : e + 1] == "»") for (s_, e) in ix.at if s_ - role.end() in (1, 2) and e < verb.start()
            ]
            # '… ОАО "Кузнецов" (Самара) сегодня, 2 ноября, займет Имя': a town in brackets, a time between; '… АО
            # "Янтарь" (ПСЗ, входит в ОСК) коллективу представлен Имя': a note in brackets
            stops += (
                [max(at_org)] if at_org and re.fullmatch(r"[\s\w(),]{0,90}", text[max(at_org) : verb.start()]) else []
            )
            instead = INSTEAD.search(text, role.end(), verb.start())
            stops += [instead.start()] if instead else []  # 'Пост … вместо Имени заняла Имя2': the one replaced
            aside = PARTICIPLE_ASIDE.search(text, role.end(), verb.start())
            stops += [aside.start()] if aside else []  # '… в ПАО «Пролетарский завод», входящем в состав ОСК, занял
            key = _role_key(role)
            comp = _complement(ix, key, role.end(), min(stops))
            if inside is not None and (comp is None or comp[:3] == (None, None, "")):
                comp = (inside, None, "", False)
            if comp is None:
                continue
            org, region, words, implied = comp
            if org is not None and all(m.start >= pm.start for m in org.mentions):
                # 'Новым директором завода станет Имя, руководитель «Вектора»': «завода» is no body named after the name
                org, words = None, text[role.end() : min(stops)].strip().lower()
            seg = _Seg(key, False, role.start(), min(stops), org, region, words, implied, role_end=role.end())
            add(person, seg, start, pm.end)
            gone_at = instead.end() if instead is not None else -1
            replaced = next(
                (p for p in persons for mm in p.mentions if mm.start == gone_at and p is not person),
                None,
            )
            if replaced is not None:  # 'Пост … вместо Гаджимагомедова заняла Омарова': he held it before her
                add(replaced, replace(seg), start, gone_at)


def _first_named_after(
    ix: _Index, persons: list[Candidate], pos: int, within: int | None = 80
) -> tuple[int, Candidate] | None:
    """(end of the mention, person) of the first person named after ``pos`` in its sentence, within ``within``
    characters (anywhere in the sentence with None)."""
    stop = SENTENCE_END.search(ix.text, pos)
    limit = stop.start() if stop else len(ix.text)
    limit = limit if within is None else min(limit, pos + within)
    after = [(mm.start, mm.end, p) for p in persons for mm in p.mentions if pos <= mm.start < limit]
    if not after:
        return None
    _, end, person = min(after, key=lambda x: x[0])
    return end, person


#: 'от имени президента Владимира Путина обратился его помощник Максим Орешкин': the president's staff
POSSESSIVE_STAFF = re.compile(r"(?<![\w-])(?:его|ее|её)\s+(?P<staff>помощник|советник)\w{0,2}\s+$", re.IGNORECASE)
STAFF = {"помощник": "presidential-aide", "советник": "presidential-adviser"}


def _possessive_staff(ix: _Index, persons: list[Candidate], posts: dict, add) -> None:
    """«его помощник / советник» before a name, after a president named last before it: the president's aide
    or adviser (a press secretary has a rule of its own)."""
    for m, person, end, chief in _after_possessive(ix.text, persons, POSSESSIVE_STAFF, 30):
        if any(holder == chief.key and p.role == "rolePresident" for (holder, _), p in posts.items()):
            key = STAFF[m.group("staff").lower()]
            add(person, _Seg(key, False, m.start(), end, None, None, "", role_end=m.end()), m.start(), end)


#: a post in a speaker's place, without a name: '– сказал депутат', 'По словам сенатора, …'
SPEAKER = re.compile(
    r"(?<![\w-])(?:по\s+словам|(?:сказал|рассказал|отметил|заявил|добавил|подчеркнул|пояснил|сообщил|уточнил"
    r"|указал|напомнил|заметил|подытожил|констатировал|резюмировал|полагает|считает)[аи]?)\s+",
    re.IGNORECASE,
)
#: the end of a quotation and the dash before its speaker: '…, — сообщил', '». — сказал'
ATTRIBUTION = re.compile(r"[,.!?…»]\s*[—–]\s*$")
#: which legislature a post's organisation is in (a senator sits in the Federation Council, a deputy in a Duma)
CHAMBERS = {"senator": r"Совет\w*\s+Федерации", "deputy": r"Дум\w*|Законодательн\w+\s+[Сс]обрани"}


#: a member's post opening a sentence with no name: 'Сенатор уточнил, что …', 'Депутат добавил …'
BARE_MEMBER = re.compile(r"(?:^|(?<=[.!?]\s))(?P<role>Сенатор|Депутат)(?=\s+[а-яё])", re.MULTILINE)


def _bare_members(ix: _Index, persons: list[Candidate], posts: dict, add) -> None:
    """'… председатель бюджетного комитета Совфеда Имя … . Сенатор уточнил …': a member's post opening a sentence
    with no name is the post of the one person named in the sentence before who holds a post in that chamber."""
    text = ix.text
    for m in BARE_MEMBER.finditer(text):
        before = _sentences_before(text, m.start())
        if before is None:
            continue
        prev, begin, _ = before
        key = "senator" if m.group("role") == "Сенатор" else "deputy"
        named = {p.key: p for p in persons for pm in p.mentions if prev <= pm.start < begin}
        members = [
            p
            for p in named.values()
            if any(
                holder == p.key and q.org is not None and re.search(CHAMBERS[key], q.org.label_ru)
                for (holder, _), q in posts.items()
            )
        ]
        if len(members) == 1:
            add(members[0], _Seg(key, False, m.start(), m.end(), None, None, "", role_end=m.end()), m.start(), m.end())


#: offices one person holds at a time: a bare one stands for the holder already named
ONE_HOLDER = {"premier", "president"}
#: a speaker's words opening with their own post: '… Марина Сидухина:\n"Я заместитель председателя Комитета …'
I_AM = re.compile(r":\s*[«\"„“]\s*Я\s+(?:(?:сейчас|теперь|ныне|также)\s+)?(?:[—–-]\s+)?")


def _first_person_posts(ix: _Index, persons: list[Candidate], add) -> None:
    """'Поездку … оценила сенатор Имя: "Я заместитель председателя Комитета …, поэтому …"': a quote introduced by a
    name and a colon that opens with «Я» and a post in the nominative gives the speaker that post."""
    text = ix.text
    ends = {m.end: p for p in persons for m in p.mentions}
    for said in I_AM.finditer(text):
        person = ends.get(said.start())
        post = _post_at(ix, said.end()) if person is not None else None
        if post is None or not _nominative(post[0].group()):
            continue
        m, end, comp = post
        add(person, _Seg(_role_key(m), False, m.start(), end, *comp, role_end=m.end()), m.start(), end)


def _speaker_posts(ix: _Index, persons: list[Candidate], posts: dict, add) -> None:
    """'Так считает заместитель председателя Комитета Совета Федерации Сергей Шатиров. По словам сенатора, …',
    'Как рассказал глава Минпромторга, …': a post standing for a speaker who is not named there is the post
    of the person named last before it — when that person holds no post yet, or (a senator, a deputy) holds
    one in that chamber."""
    text = ix.text
    mentions = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for sp in SPEAKER.finditer(text):
        m = ROLE.match(text, sp.end())
        if m is None or (m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] == "-")):
            continue
        stop = COMPLEMENT_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        if any(q[0] <= m.start() < q[1] for p in posts.values() for q in p.quotes) or re.match(
            r"\s+[А-ЯЁ]", text[end:]
        ):
            continue  # a name follows: the chain before it has the post
        comp = _complement(ix, _role_key(m), m.end(), end)
        before = m.start()
        if ATTRIBUTION.search(text, max(0, sp.start() - 6), sp.start()):  # '«… Имени назначаем …, — сообщил глава'
            before = max(text.rfind("«", 0, sp.start()), text.rfind("\n", 0, sp.start()))  # the speaker's before it
        prior = [(s, p) for s, e, p in mentions if e <= before]
        if comp is None or not prior or _plural(m.group()):
            continue
        person = prior[-1][1]
        if (
            comp[0] is None
            and comp[1] is None
            and (_role_key(m) not in CHAMBERS or m.group().lower().startswith("парламентари"))
        ):  # 'По словам министра': which minister, the text does not say here; nor a parliamentarian's chamber
            continue
        seg = _Seg(_role_key(m), False, m.start(), end, *comp, role_end=m.end())
        key = _resolve(seg, ix, compose=False)[0]
        held = [p for (holder, _), p in posts.items() if holder == person.key]
        if any(p.role == ROLES[key][0] for p in held):
            continue  # the post again, or another post of that role
        if key in ONE_HOLDER and any(p.role == ROLES[key][0] for p in posts.values()):
            continue  # 'премьер-министр РФ Имя … уточнил Имя2. По словам главы правительства, …': the premier named
        chamber = CHAMBERS.get(key)
        if held and not (chamber and any(p.org is not None and re.search(chamber, p.org.label_ru) for p in held)):
            continue
        if key == "deputy" and seg.org is None and any(p.org is not None and "Дум" in p.org.label_ru for p in held):
            seg.org = next((c for c in ix.orgs if c.cls == "LegislativeBody" and "Дум" in c.label_ru), None)
        add(person, seg, m.start(), end)


#: 'его вновь избрали председателем совета директоров …', 'её назначили на должность директора …'
ELECTED = re.compile(
    r"(?<![\w-])(?:(?:его|её|ее)\s+(?:[а-яё]+\s+){0,2}?(?:пере)?(?:избрали|назначили|утвердили)"
    r"|(?:он|она)\s+(?:[а-яё]+\s+){0,2}?(?:является|(?:занимает|займ[её]т)\s+(?:пост|должность)|назначен[а]?|избран[а]?"
    r"|работает|работал[а]?|был[а]?)|(?:сейчас|теперь|ныне)\s+(?:он|она)"
    # 'Ему доверен пост министра', 'Одновременно чиновник занимал пост заместителя …': the last named person's
    r"|(?:ему|ей)\s+(?:[а-яё]+\s+){0,2}?(?:доверен[аоы]?|доверили|предложен[аоы]?|предложили)(?=\s+(?:пост|должность)\s)"
    # 'ему предстоит временно исполнять обязанности председателя …', 'она будет исполнять обязанности …': acting
    r"|(?:(?:ему|ей)\s+(?:[а-яё0-9]+\s+){0,3}?(?:предстоит|поручено)|(?:он|она)\s+(?:[а-яё0-9]+\s+){0,3}?будет)"
    r"\s+(?:временно\s+)?исполнять\s+обязанности"
    r"|(?:он|она|чиновник|чиновница)\s+(?:[а-яё]+\s+){0,2}?(?:занимал[а]?|занял[а]?)(?=\s+(?:пост|должность)\s)"
    # 'Совет директоров своим решением освободил ее от должности генерального директора …': the post she held
    r"|(?:освободил[аио]?|освободили|уволил[аио]?|уволили)\s+(?:его|её|ее)(?=\s+от\s+(?:должности|поста)\s))"
    r"\s+(?:(?:на\s+|от\s+)?(?:должност[ьи]|поста?)\s+)?",
    re.IGNORECASE,
)
#: an office held then, before the pronoun of its holder: 'еще в должности мэра города он …'
IN_OFFICE_HE = re.compile(r"(?<![\w-])(?:(?:еще|ещё|тогда|будучи)\s+)?в\s+должности\s+", re.IGNORECASE)
#: the holder's pronoun after that office
HOLDER_PRONOUN = re.compile(r"\s+(?:он|она)\s")
#: 'С 2020 года он возглавляет фонд …': what the person named last heads
PRONOUN_HEADS = re.compile(
    r"(?<![\w-])(?:он|она)\s+(?:[а-яё0-9]+\s+){0,3}?(?:возглавляет|возглавил|возглавила)\s+", re.IGNORECASE
)


def _bare_government_here(ix: _Index, pos: int, comp: tuple) -> tuple:
    """A bare «правительства» in a post given to a pronoun: the government of the region its sentence names before
    it ('в ДНР он занимал пост первого заместителя председателя правительства'), else of the one region whose
    government the article names ('Одновременно чиновник занимал пост зампредседателя правительства' after
    «пресс-служба правительства региона»), else the federal one."""
    opening = _sentence_opening(ix.text, pos)
    named = sorted((rs, r) for (rs, re_), r in ix.regions.items() if opening <= rs and re_ <= pos)
    if named:
        r = named[-1][1]
        gov = _regional_gov(ix, r)
        return (gov, None, "", False) if gov is not None else (None, r, "", False)
    governments = [c for c in ix.orgs if c.cls == "RegionalGovernment"]
    return (governments[0], None, "", False) if len(governments) == 1 else comp


#: a fronted post given to a pronoun: 'Вице-губернатором его назначили в августе 2012 года'
FRONTED_PRONOUN = re.compile(
    r"\s+(?:(?P<she>её|ее)|его)\s+(?:[а-яё]+\s+)?(?:назначили|избрали|утвердили|сделали)(?![\w-])", re.IGNORECASE
)


def _fronted_pronoun(ix: _Index, persons: list[Candidate], add) -> None:
    """'Вице-губернатором его назначили в августе 2012 года': a post in the instrumental opening a sentence, then «его
    (её) назначили», is the post of the person named last before it whom the pronoun can stand for."""
    text = ix.text
    mentions = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for opening in [0, *(m.end() for m in SENTENCE_END.finditer(text))]:
        lead = re.match(r"[\s«\"–—-]*", text[opening:])
        role = ROLE.match(text, opening + lead.end()) if lead is not None else None
        if role is None or not _instrumental(role.group()) or not role.group()[:1].isupper():
            continue
        him = FRONTED_PRONOUN.search(text, role.end(), role.end() + 120)
        if him is None or re.search(r"[.!?,;:]", text[role.end() : him.start()]):
            continue
        prior = [p for s, e, p in mentions if e <= role.start() and _may_be(p, him)]
        comp = _complement(ix, _role_key(role), role.end(), him.start()) if prior else None
        if comp is not None:
            add(
                prior[-1],
                _Seg(_role_key(role), False, role.start(), him.start(), *comp, role_end=role.end()),
                role.start(),
                him.end(),
            )


def _may_be(person: Candidate, pronoun: re.Match | None) -> bool:
    """Can the pronoun stand for the person, by the gender the given name shows (any, when it shows none)?"""
    first = person.names.get("first") if pronoun is not None else None
    genders = (
        {p.tag.gender for p in nlp.parse(first) if "Name" in p.tag and p.tag.case == "nomn" and p.tag.number == "sing"}
        if first
        else set()
    )  # the label's given name in the nominative singular ('Петр', never the plural genitive of «Петра»)
    if pronoun is None or len(genders) != 1:
        return True
    return genders == ({"femn"} if pronoun.group("she") else {"masc"})


def _pronoun_posts(ix: _Index, persons: list[Candidate], add) -> None:
    """'В конце июня его вновь избрали председателем совета директоров ОЭЗ «Авангард»', 'Он также является
    председателем …', 'С 2020 года она возглавляет фонд …': a post given to a pronoun is the post of the person
    named last before it (not in the same sentence's own chain)."""
    text = ix.text
    mentions = sorted((m.start, m.end, p) for p in persons for m in p.mentions)
    for el in ELECTED.finditer(text):
        pronoun = re.search(r"(?<![\w-])(?:(?P<she>она|её|ее|ей)|он|его|ему)(?![\w-])", el.group(), re.IGNORECASE)
        # 'Белова сменила Имя … До того она была …': the pronoun's gender picks the last one it can stand for
        prior = [p for s, e, p in mentions if e <= el.start() and _may_be(p, pronoun)]
        post = _post_at(ix, el.end()) if prior else None
        if post is not None:
            m, end, comp = post
            if (
                comp[0] is not None
                and comp[0] is ix.government
                and re.fullmatch(r"\s*правительства\s*", text[m.end() : end], re.IGNORECASE)
            ) or (comp[:3] == (None, None, "") and re.search(r"правительства$", m.group(), re.IGNORECASE)):
                comp = _bare_government_here(ix, el.start(), comp)
            add(prior[-1], _Seg(_role_key(m), False, m.start(), end, *comp, role_end=m.end()), m.start(), end)
            heading = HEADING_TOO.match(text, end)
            headed = _headed(ix, heading.end()) if heading is not None else None
            if heading is not None and headed is not None:  # '…, возглавляя департамент …': a unit headed then too
                add(prior[-1], headed, heading.start(), headed.end)
            also = ALSO_HELD.match(text, end)
            more = _post_at(ix, also.end()) if also is not None else None
            if more is not None:  # '…, а также занимал пост директора фонда «Общее дело»': a second post of theirs
                m, end, comp = more
                add(prior[-1], _Seg(_role_key(m), False, m.start(), end, *comp, role_end=m.end()), m.start(), end)
    for cue in IN_OFFICE_HE.finditer(text):  # 'еще в должности мэра города он …': the office of the one named last
        office = ROLE.match(text, cue.end())
        he = HOLDER_PRONOUN.search(text, office.end(), office.end() + 80) if office is not None else None
        prior = [p for s, e, p in mentions if e <= cue.start()]
        if office is None or he is None or not prior or re.search(r"[.,;:!?]", text[office.end() : he.start()]):
            continue
        held = _complement(ix, _role_key(office), office.end(), he.start())
        if held is None and re.fullmatch(r"\s*города", text[office.end() : he.start()]):
            held = (None, None, "", False)  # 'мэра города': of the town the text named before (no region)
        if held is not None:
            add(
                prior[-1],
                _Seg(_role_key(office), False, office.start(), he.start(), *held, role_end=office.end()),
                office.start(),
                he.start(),
            )
    for el in PRONOUN_HEADS.finditer(text):
        prior = [p for s, e, p in mentions if e <= el.start()]
        headed = _headed(ix, el.end()) if prior else None
        if headed is not None:
            add(prior[-1], headed, el.start(), headed.end)


MINISTERIAL = {"minister", "deputy-minister", "first-deputy-minister"}
#: 'Елистратов был заместителем министра', 'Имя, который прежде был заместителем министра ЖКХ', 'Имя больше не
#: министр …': a post the person named right before the verb holds, held or has just left
NAMED_WAS = re.compile(
    r"(?:,\s+котор(?:ый|ая)|,)?\s+(?:(?:прежде|ранее|раньше|до\s+этого|тогда|еще|ещё|уже|долгое\s+время|много\s+лет"
    r"|несколько\s+лет|давно)\s+)?"
    r"(?:был|была|являлся|являлась|работал|работала|остается|остаётся|больше\s+не"
    r"|(?<=,\s)(?:занимавш|работавш)(?:ий|ая)|(?:занимавш|работавш)(?:ий|ая)(?=\s+(?:пост|должност)))\s+"
    r"(?:(?:на\s+)?(?:должност[ьи]|посту?)\s+)?"
)
#: '…, возглавляя департамент …': a unit the same person headed in that post
HEADING_TOO = re.compile(r",\s+(?:возглавляя|руководя)\s+")
#: 'Имя, бывший генеральный директор завода …, получил назначение на пост руководителя …': the new post after the
#: apposition of the old one
APPOINTED_AFTER_APPOSITION = re.compile(
    r",\s+[^,.;:!?\n]{3,120},\s+(?:получил[аи]?\s+назначение|(?:был[аи]?\s+)?назначен[аы]?"
    r"|(?:занял[аи]?|получил[аи]?)(?=\s+(?:нов(?:ую|ый)\s+)?(?:пост|должность)\s)"
    r"|(?:(?:теперь|уже|затем)\s+)?стал[аи]?(?=\s+(?:нов|полноправн)(?:ым|ой)\s))"  # '…, теперь стал полноправным министром'
    r"\s+(?:на\s+)?(?:(?:нов(?:ую|ый)\s+)?(?:должность|пост)\s+|(?:нов|полноправн)(?:ым|ой)\s+)?"
)  # '…, получил новую должность вице-премьера …'
#: the new post after a participle's clause on the old one: 'Имя, прежде занимавший пост …, получил новую должность
#: вице-премьера'
THEN_APPOINTED = re.compile(
    r",\s+(?:(?:получил[аи]?|занял[аи]?)\s+(?:нов(?:ую|ый)\s+)?(?:должность|пост)|(?:был[аи]?\s+)?назначен[аы]?"
    r"(?:\s+на\s+(?:должность|пост))?)\s+"
)
#: '…, а также занимал пост директора фонда …': one more post the same person held
ALSO_HELD = re.compile(
    r",?\s+а\s+(?:также|затем|потом|позже)\s+(?:(?:занимал[а]?|занимает)\s+(?:пост|должность)|был[а]?|являл(?:ся|ась)"
    r"|работал[а]?)\s+"
)  # '…, а затем был заместителем руководителя отдела …': the next post in the same career
#: '… главным архитектором … и руководителем агентства …': the next post of the same person after «и»
AND_NEXT = re.compile(r"\s+и\s+")
#: '…, а сейчас возглавляет управление …': what the same person heads now, after the posts held before
NOW_HEADS = re.compile(r",?\s+(?:а|но)\s+(?:сейчас|теперь|ныне|с\s+\d{4}\s+года)\s+(?:возглавляет|руководит)\s+")
#: '…, но остается заместителем председателя правительства': the same person's next post in the sentence
NAMED_STILL = re.compile(r",?\s+(?:но|а|и)\s+(?:при\s+этом\s+)?(?:остается|остаётся|является|становится)\s+")


def _post_at(
    ix: _Index, pos: int
) -> tuple[re.Match, int, tuple[Candidate | None, regions.Region | None, str, bool]] | None:
    """The one post (role, its complement's end, the complement) written at ``pos`` with no name after it: None
    where no whole role word starts there, a name follows (the post is that person's), the role is plural or its
    complement is not understood."""
    text = ix.text
    m = ROLE.match(text, pos)
    if m is None or (m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] == "-")):
        return None
    end = _complement_end(ix, m.end())
    if re.match(r"\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ]", text[end:]):
        return None
    comp = _complement(ix, _role_key(m), m.end(), end)
    if comp is None or _plural(m.group()):
        return None
    return m, end, comp


#: a mandate handed to a name in the dative: 'ЦИК передал Гордееву освободившийся мандат депутата Госдумы'
MANDATE_GIVEN = re.compile(r"(?<![\w-])(?:передал[аи]?|вручил[аи]?)\s+$")
MANDATE = re.compile(r"\s+(?:[а-яё]+(?:ий|ый|ой|ийся)\s+)?мандат\s+")
#: a seat given up: 'Свое кресло вице-спикера ему "уступил" Сергей Неверов'
SEAT = re.compile(r"(?<![\w-])(?:[Сс]во[её]\s+)?кресло\s+")
SEAT_GIVEN = re.compile(r"\s*(?:(?:ему|ей|им)\s+)?[«\"]?(?:уступил|освободил|покинул)[аи]?[»\"]?\s+")


def _mandates(ix: _Index, persons: list[Candidate], add) -> None:
    """'ЦИК передал Имени мандат депутата Госдумы': the one handed it holds the post; 'Свое кресло вице-спикера ему
    «уступил» Имя': the one giving the seat up held it."""
    text = ix.text
    starts = {pm.start: (person, pm) for person in persons for pm in person.mentions}
    for person, pm in starts.values():
        if not MANDATE_GIVEN.search(text, max(0, pm.start - 12), pm.start):
            continue
        mandate = MANDATE.match(text, pm.end)
        post = _post_at(ix, mandate.end()) if mandate is not None else None
        if post is not None:
            m, end, comp = post
            add(person, _Seg(_role_key(m), False, m.start(), end, *comp, role_end=m.end()), pm.start, end)
    for seat in SEAT.finditer(text):
        role = ROLE.match(text, seat.end())
        given = SEAT_GIVEN.search(text, role.end(), role.end() + 60) if role is not None else None
        holder = starts.get(given.end()) if given is not None else None
        if role is None or given is None or holder is None or SENTENCE_END.search(text, role.end(), given.start()):
            continue
        end = len(text[: given.start()].rstrip())
        if re.search(r"(?<![\w-])(?:ему|ей|им)$", text[role.end() : end]):
            end = len(text[: end - 3].rstrip())
        held = _complement(ix, _role_key(role), role.end(), end)
        if held is not None:
            add(
                holder[0],
                _Seg(_role_key(role), False, role.start(), end, *held, role_end=role.end()),
                role.start(),
                holder[1].end,
            )


#: a body's head given by a possessive after the role opening a sentence: 'Председателем его является Имя'
ITS_HEAD = re.compile(r"\s+(?:его|её|ее)\s+(?:является|стал[аи]?|назначен[аы]?|избран[аы]?)\s+$")


#: the verb between a sentence's opening post and the name it is given to, perhaps after its subject: 'Председателем
#: комитета по бюджету депутаты избрали Имя', '… избрана Имя'
OPENING_VERB = re.compile(
    r"\s+(?:(?P<subject>[а-яё]+)\s+)?"
    r"(?P<verb>(?:пере)?избрали|избран[аы]?|назначили|назначен[аы]?|утвердили|утвержден[аы]?)\s+$"
)
#: the deputy given after it: ', а ее заместителем - Имя'
OPENING_DEPUTY = re.compile(r",\s+а\s+(?:его|ее|её)\s+(?P<first>перв\w+\s+)?заместител(?:ем|ями)\s*[-–—]?\s*$")


def _role_opening(ix: _Index, persons: list[Candidate], add) -> None:
    """'Председателем комитета по бюджету депутаты избрали Имя, а ее заместителем - Имя2': a post in the
    instrumental opening a sentence is the one chosen's, named after the verb; the deputy after «а его (её)
    заместителем» is the same body's deputy."""
    text = ix.text
    for person in persons:
        for pm in person.mentions:
            opening = _sentence_opening(text, pm.start)
            role = ROLE.match(text, opening) if opening < pm.start else None
            if role is None or not _instrumental(role.group()):
                continue
            verb = OPENING_VERB.search(text, role.end(), pm.start)
            end = verb.start() if verb is not None else pm.start
            if (
                verb is not None
                and verb.group("subject")
                and not any(p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in nlp.parse(verb.group("subject"))[:1])
            ):  # '… экономическому развитию избрали': the complement's last word, no subject of the verb
                end = verb.start("verb") - 1
            if verb is None or re.search(r"[.;:!?()\n]", text[role.end() : end]):
                continue
            held = _complement(ix, _role_key(role), role.end(), end)
            if held is None or held[:3] == (None, None, ""):
                continue
            key = _role_key(role)
            add(person, _Seg(key, False, role.start(), end, *held, role_end=role.end()), role.start(), pm.end)
            deputy = next(
                (
                    (other, om)
                    for other in persons
                    for om in other.mentions
                    if pm.end < om.start < pm.end + 60 and OPENING_DEPUTY.search(text, pm.end, om.start)
                ),
                None,
            )
            said = OPENING_DEPUTY.search(text, pm.end, deputy[1].start) if deputy else None
            if said is not None and deputy is not None and key in DEPUTIES:
                first = said.group("first")
                seg = _Seg(DEPUTIES[key][1 if first else 0], False, role.start(), end, *held, role_end=role.end())
                add(deputy[0], seg, role.start(), deputy[1].end)


#: a post given by «пост …» and the verb of receiving it before the name: 'пост генерального директора компании
#: «…», входящей в госкорпорацию «Ростех», получил Имя'
POST_WORD = re.compile(r"(?<![\w-])[Пп]ост\s+")
POST_RECEIVED = re.compile(
    r"(?:,\s+[а-яё]+(?:щ|вш)(?:ей|его|их|ий|ая|ее)\s[^,.;:!?\n]{1,80},)?\s+(?:получил[аи]?|занял[аи]?|получит|займ[её]т)\s+"
)


def _offices(ix: _Index, word: re.Pattern[str]) -> Iterator[tuple[re.Match[str], re.Match[str], int]]:
    """An office named by ``word`` («пост», «должность») and a role after it: (the word, the role, where the role's
    complement ends)."""
    text = ix.text
    for w in word.finditer(text):
        role = ROLE.match(text, w.end())
        if role is not None and not (role.end() < len(text) and text[role.end()].isalnum()):
            yield w, role, _complement_end(ix, role.end())


def _post_received(ix: _Index, persons: list[Candidate], add) -> None:
    """'пост генерального директора компании «Росэлектроника», входящей в «Ростех», получил Имя': the one named after
    the verb holds the post named before it (a participle's clause about the body may stand between)."""
    text = ix.text
    starts = {m.start: (p, m) for p in persons for m in p.mentions}
    for w, role, end in _offices(ix, POST_WORD):
        verb = POST_RECEIVED.match(text, end)
        named = starts.get(verb.end()) if verb is not None else None
        held = _complement(ix, _role_key(role), role.end(), end) if named is not None else None
        if named is not None and held is not None and held[:3] != (None, None, ""):
            seg = _Seg(_role_key(role), False, role.start(), end, *held, role_end=role.end())
            add(named[0], seg, w.start(), named[1].end)


#: the office's holder after a relative clause: '… должность генерального директора ФГУП «…», которую освободил
#: ушедший в отставку Имя'
OFFICE_LEFT = re.compile(
    r",\s+котор(?:ую|ый|ой)\s+(?:[а-яё]+\s+)?(?:освободил[аи]?|покинул[аи]?|оставил[аи]?|занимал[аи]?)\s+"
)
OFFICE_WORD = re.compile(r"(?<![\w-])(?:должност[ьи]|[Пп]ост)\s+")


def _office_left(ix: _Index, persons: list[Candidate], add) -> None:
    """'заместить должность генерального директора ФГУП «…», которую освободил ушедший в отставку Имя': the one named
    after the relative clause's verb held the office."""
    for w, role, end in _offices(ix, OFFICE_WORD):
        verb = OFFICE_LEFT.match(ix.text, end)
        after = _first_named_after(ix, persons, verb.end(), within=50) if verb is not None else None
        held = _complement(ix, _role_key(role), role.end(), end) if after is not None else None
        if after is not None and held is not None and held[:3] != (None, None, ""):
            add(
                after[1],
                _Seg(_role_key(role), False, role.start(), end, *held, role_end=role.end()),
                w.start(),
                after[0],
            )


def _its_heads(ix: _Index, persons: list[Candidate], add) -> None:
    """'Работу ОЭЗ координирует Наблюдательный Совет … Председателем его является Имя': the chair of the body named
    last before the sentence (a role in the instrumental opening it, «его», the verb, the name)."""
    text = ix.text
    for person in persons:
        for pm in person.mentions:
            opening = _sentence_opening(text, pm.start)
            lead = re.match(r"[\s–—-]*", text[opening:])  # '… Шагивалиев. – Председателем его является …'
            role = ROLE.match(text, opening + lead.end()) if opening < pm.start and lead else None
            if role is None or not ITS_HEAD.fullmatch(text, role.end(), pm.start) or not _instrumental(role.group()):
                continue
            key = _role_key(role)  # a chair's of the council or commission named last, not of a ministry after it
            org = ix.last_before(role.start(), CHAIRED if key in ("chair", "deputy-chair") else ())
            if org is not None:
                add(
                    person,
                    _Seg(_role_key(role), False, role.start(), role.end(), org, None, "", role_end=role.end()),
                    role.start(),
                    pm.end,
                )


def _named_was(ix: _Index, persons: list[Candidate], add) -> None:
    """A post after a name and «был», «являлся», «остается», «больше не» (perhaps in a relative clause: «Имя, который
    прежде был …»), and the post «…, но остается …» after it in the same sentence: the named person's. A bare
    (deputy) minister is of the ministry named just before it."""
    text = ix.text
    for person in persons:
        for pm in person.mentions:
            verb = NAMED_WAS.match(text, pm.end) or APPOINTED_AFTER_APPOSITION.match(text, pm.end)
            while verb is not None:
                post = _post_at(ix, verb.end())
                if post is None:
                    break
                m, end, comp = post
                if comp[0] is None and comp[1] is None and not comp[2] and _role_key(m) in MINISTERIAL:
                    near = ix.last_before(pm.start, ("министерство",))  # the ministry named just before
                    named = near is not None and any(pm.start - 300 < x.end <= pm.start for x in near.mentions)
                    comp = (near, None, "", False) if named else comp
                add(person, _Seg(_role_key(m), False, m.start(), end, *comp, role_end=m.end()), pm.start, end)
                # '…, но остается …', 'была главным архитектором … и руководителем агентства …': the next post
                verb = (
                    NAMED_STILL.match(text, end)
                    or ALSO_HELD.match(text, end)
                    or AND_NEXT.match(text, end)
                    or THEN_APPOINTED.match(text, end)
                )
                now = NOW_HEADS.match(text, end) if verb is None else None
                headed = _headed(ix, now.end()) if now is not None else None
                if headed is not None:  # '…, а сейчас возглавляет управление … ГК «Автотор»': the post held now
                    add(person, headed, pm.start, headed.end)


#: 'Имя, проработавший в Комитете по инвестициям …, стал его председателем': the body the aside names, its head
ASIDE_ITS_HEAD = re.compile(
    r",\s+(?P<aside>[^,.;:!?\n]{3,120}),\s+(?:теперь\s+|затем\s+)?(?:стал[аи]?|назначен[аы]?)\s+(?:его|её|ее)\s+"
)


def _aside_its_head(ix: _Index, persons: list[Candidate], add) -> None:
    """'Роман Голованов, проработавший в Комитете по инвестициям с февраля 2008 года, стал его председателем': the
    post in the body the aside after the name names last."""
    text = ix.text
    for person in persons:
        for pm in person.mentions:
            m = ASIDE_ITS_HEAD.match(text, pm.end)
            role = ROLE.match(text, m.end()) if m is not None else None
            if m is None or role is None or not _instrumental(role.group()):
                continue
            inside = [
                (men.end, c) for c in ix.orgs for men in c.mentions if m.start("aside") <= men.start < m.end("aside")
            ]
            if inside:
                body = max(inside, key=lambda x: x[0])[1]
                add(
                    person,
                    _Seg(_role_key(role), False, role.start(), role.end(), body, None, "", role_end=role.end()),
                    pm.start,
                    role.end(),
                )


#: 'Сергея Гаврилова (фракция КПРФ)': a deputy's faction in brackets right after the name
FACTION_IN_BRACKETS = re.compile(r"\s*\(\s*(?P<word>фракци[яи])\s+(?P<org>[^()\n]{2,60}?)\s*\)")


def _org_in_brackets(ix: _Index, a: int, b: int) -> Candidate | None:
    """The organisation named in text[a:b] inside brackets, its quotes in the name or around it ('(«Новые люди»)')."""
    return ix.at.get((a, b)) or (ix.at.get((a + 1, b - 1)) if ix.text[a] in '«"' else None)


def _faction_in_brackets(ix: _Index, persons: list[Candidate], add) -> None:
    """'По словам председателя комитета Сергея Гаврилова (фракция КПРФ)': the person is a member of the faction of
    the party named in the brackets."""
    for person in persons:
        for m in person.mentions:
            f = FACTION_IN_BRACKETS.match(ix.text, m.end)
            if f is None:
                continue
            a, b = f.span("org")
            org = _org_in_brackets(ix, a, b)
            if org is not None:
                add(
                    person,
                    _Seg("member", False, f.start("word"), b, org, None, "фракции", role_end=f.start("word")),
                    m.start,
                    f.end(),
                )


#: a list of factions' leaders, each with the party in brackets after the name: 'Фракции представят их руководители:
#: Имя («Справедливая Россия — За правду»), Имя («Новые люди») и Имя (ЛДПР)'
FACTION_LEADERS = re.compile(r"(?<![\w-])(?:руководител|лидер)[а-яё]*\s*(?::|[—–-])\s*", re.IGNORECASE)
PARTY_IN_BRACKETS = re.compile(r"\s*\(\s*(?P<org>[^()\n]{2,60}?)\s*\)")


def _faction_leaders(ix: _Index, persons: list[Candidate], add) -> None:
    """Factions' leaders listed after «руководители:» in a sentence on factions, each with the party in brackets
    after the name: the head of that party's faction."""
    text = ix.text
    for cue in FACTION_LEADERS.finditer(text):
        opening = _sentence_opening(text, cue.start())
        if not re.search(r"фракци", text[opening : cue.start()], re.IGNORECASE):
            continue
        stop = SENTENCE_END.search(text, cue.end())
        limit = stop.start() if stop else len(text)
        for person in persons:
            for m in person.mentions:
                f = PARTY_IN_BRACKETS.match(text, m.end) if cue.end() <= m.start < limit else None
                if f is None:
                    continue
                a, b = f.span("org")
                org = _org_in_brackets(ix, a, b)
                if org is not None and head_lemma(org.label_ru) != "комитет":
                    add(person, _Seg("head", False, a, b, org, None, "фракции", role_end=a), m.start, f.end())


def _listed_chairs(ix: _Index, persons: list[Candidate], add) -> None:
    """'председатели комитетов, в их числе Имя (по экономической политике), …': the chair of the committee in the
    brackets after each name (``orgs`` makes the committee of the chamber the text names)."""
    text = ix.text
    for person in persons:
        for m in person.mentions:
            f = orgrules.SUBJECT_IN_BRACKETS.match(text, m.end)
            org = ix.at.get(f.span("subject")) if f is not None else None
            if f is None or org is None:
                continue
            if orgrules.CHAIRS_OF_COMMITTEES.search(text, max(0, m.start - 300), m.start):
                a, b = f.span("subject")
                add(person, _Seg("chair", False, a, b, org, None, "", role_end=a), m.start, f.end())


def _regional_government(ix: _Index, chain: list[_Seg]) -> None:
    """'заместитель председателя правительства – министр инвестиций … Московской области': a
    government post without a complement, chained with a post in a region, is in that region's
    government (composed and flagged when the article does not name it)."""
    where = None
    for seg in chain:
        if seg.region is not None:
            where = seg.region.label
        elif seg.org is not None and seg.org.cls in ("Ministry", "RegionalGovernment"):
            where = next((r.label for r in regions.find(seg.org.label_ru)), None)
        if where is not None:
            break
    if where is None:
        return
    for seg in chain:  # 'заместителя председателя регионального Правительства - министра экономического развития':
        # a federal ministry's bare name, chained with a post in a region, is that region's ministry the article names
        if (
            seg.org is None
            or seg.region is not None
            or seg.org.cls != "Ministry"
            or not seg.org.key.startswith("alias:")
        ):
            continue
        own = f"{seg.org.label_ru.removesuffix(' Российской Федерации')} {regions.genitive(where)}"
        regional = next((c for c in ix.orgs if c.label_ru == own), None)
        inside = [m for m in seg.org.mentions if seg.start <= m.start and m.end <= seg.end]
        if regional is None or not inside:
            continue
        for m in inside:
            regional.add(m)
        seg.org.mentions = [m for m in seg.org.mentions if m not in inside]
        if not seg.org.mentions:
            ix.orgs.remove(seg.org)
        seg.org = regional
    for seg in chain:
        federal = seg.org is not None and seg.org.key == "alias:government-of-russia"
        if seg.key not in GOVERNMENT_ROLES | set(GOVERNMENT_CHAIRS) or seg.region is not None:
            continue
        word = re.search(r"правительств\w*(?=\s*$)", ix.text[seg.start : seg.end].rstrip(" ,–—-"), re.IGNORECASE)
        if word is None and (seg.org is None or federal and seg.implied) and not seg.words:
            # 'должность вице-премьера и министра … области': the region's government, where the article names it
            label = f"Правительство {regions.genitive(where)}"
            seg.org = next((c for c in ix.orgs if c.label_ru == label), seg.org)
            continue
        if word is None or (seg.org is not None and not federal):
            continue
        if federal and seg.org is not None:  # a bare «правительства» is no longer the federal one
            start = seg.start + word.start()
            seg.org.mentions = [m for m in seg.org.mentions if m.start != start]
            if not seg.org.mentions:
                ix.orgs.remove(seg.org)
        label = f"Правительство {regions.genitive(where)}"
        gov = next((c for c in ix.orgs if c.label_ru == label), None)
        if gov is None:
            gov = orgrules.candidate(label, "RegionalGovernment")
            gov.notes.append(
                (
                    "Правительство региона названо только через должность в цепочке — проверить.",
                    "The region's government is named only through a post in a chain — check.",
                )
            )
            ix.orgs.append(gov)
        gov.add(Mention(seg.start + word.start(), seg.start + word.end(), word.group()))
        seg.org = gov


def _units_of_the_chain(chain: list[_Seg]) -> None:
    """'заместитель гендиректора ЦНИИ «Курс» – начальник центра импортозамещения': a unit with no organisation
    named, in one person's chain of posts, is a unit of the organisation of the chain's nearest post that has one
    (so is a bare «статс-секретарь»);
    a governor's post with no complement is in the region of another post of the chain."""
    for i, seg in enumerate(chain):
        if seg.org is not None or seg.region is not None:
            continue
        # 'статс-секретарь – заместитель министра …': a state secretary is one in the chain's ministry
        if not UNIT.fullmatch(seg.words) and not (seg.key == "state-secretary" and not seg.words):
            continue
        near = sorted((abs(j - i), j) for j, other in enumerate(chain) if other.org is not None)
        if near:
            seg.org = chain[near[0][1]].org
    # 'первый заместитель губернатора – председатель правительства Самарской области': a governor's post with
    # nothing after it is in the region another post of the chain names
    where = [seg.region or _region_of(seg.org) for seg in chain]
    for seg in chain:
        if seg.key in GOVERNORS and seg.org is None and seg.region is None and not seg.words and not seg.implied:
            seg.region = next((r for r in where if r is not None), None)


def _republic(region: regions.Region | None, complement: str) -> bool:
    """The region of a post is a republic ('Республика Саха (Якутия)', 'Донецкая Народная Республика'), or the
    bare complement says so ('глава республики'): its head's title is «глава республики», not «губернатор»."""
    if region is not None:
        return "республик" in region.label.lower()
    return re.fullmatch(r"\s*[Рр]еспублики\s*", complement) is not None


def _region_of(org: Candidate | None) -> regions.Region | None:
    """The region of a region's government or ministry, from its name."""
    if org is None or org.cls not in ("RegionalGovernment", "Ministry"):
        return None
    return next((r for r in regions.find(org.label_ru) if not r.is_city or org.cls == "RegionalGovernment"), None)


def _org_before(ix: _Index, pos: int, floor: int) -> Candidate | None:
    best = None
    for (s, e), c in ix.at.items():
        if floor <= s and e <= pos and (best is None or s > best[0]):
            best = (s, c)
    return best[1] if best else None


def _outer_org_before(ix: _Index, pos: int, floor: int) -> Candidate | None:
    """The organisation named last between ``floor`` and ``pos``, by its whole name: 'комитета СФ по регламенту' is
    the committee, not the chamber inside its name."""
    named = [(e, s - e, c) for (s, e), c in ix.at.items() if floor <= s and e <= pos]
    return max(named, key=lambda x: x[:2])[2] if named else None


def _labels(ru: str, en: str, org: Candidate | None, region: regions.Region | None) -> tuple[str, str]:
    cap = ru[:1].upper() + ru[1:]
    if (
        org is not None
        and ru.endswith(" правительства")
        and (org.key == "alias:government-of-russia" or org.cls == "RegionalGovernment")
    ):
        # 'Председатель Правительства Российской Федерации', not '… правительства Правительства …'
        role = (
            cap[: -len(" правительства")]
            .replace("председателя", "Председателя")
            .replace("Председатель", "Председатель")
        )
        return f"{role} {inflect_phrase(org.label_ru, 'gent')}", f"{en.capitalize()}, {org.label_en}"
    if org is not None:
        if (
            ru.startswith(("министр", "заместитель министра", "первый заместитель министра"))
            and org.label_ru.startswith("Министерство ")
            and " " not in ru.replace("первый заместитель министра", "x").replace("заместитель министра", "x").strip()
        ):
            return f"{cap} {org.label_ru[len('Министерство ') :]}", f"{en.capitalize()}, {org.label_en}"
        return f"{cap} {_genitive(org)}", f"{en.capitalize()} of the {org.label_en}"
    if region is not None:
        from server.core.translit import translit

        return f"{cap} {regions.genitive(region.label)}", f"{en.capitalize()}, {translit(region.label)}"
    return cap, en.capitalize()


def _genitive(org: Candidate) -> str:
    g = inflect_phrase(org.label_ru, "gent")
    words = g.split(" ", 1)
    # keep proper capitalisation inside; lower-case a common-noun head ('Партии' -> 'партии')
    if org.cls in ("PoliticalParty", "RegionalBranch", "Ministry") and words[0][:1].isupper() and len(words) > 1:
        words[0] = words[0].lower()
    return " ".join(words)
