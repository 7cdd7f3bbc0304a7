"""The alias table: well-known bodies with their abbreviations (ru) and English names.

Each entry: slug (IRI tail under org/), ontology class (local name), Russian label, English label,
Russian aliases (inflected forms are matched by lemma; ALL-CAPS aliases must match case exactly),
English aliases. The organisations of the seed article are here because they are the common
federal bodies of this domain, not because of the seed: anything not listed is found by NER.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Alias:
    slug: str
    cls: str
    ru: str
    en: str
    alt_ru: tuple[str, ...] = ()
    alt_en: tuple[str, ...] = ()
    parent: str | None = None  # slug of the parent organisation, if any
    note: str = field(default="")


ALIASES: tuple[Alias, ...] = (
    Alias(
        "state-duma",
        "LegislativeBody",
        "Государственная Дума",
        "State Duma",
        (
            "ГД",
            "ГД РФ",
            "Госдума",
            "Государственная Дума РФ",
            "Государственная Дума Российской Федерации",
            "Государственная Дума Федерального Собрания Российской Федерации",
        ),
    ),
    Alias(
        "federation-council",
        "LegislativeBody",
        "Совет Федерации",
        "Federation Council",
        ("СФ", "Совфед", "Совет Федерации Федерального Собрания Российской Федерации"),
    ),
    Alias(
        "government-of-russia",
        "Organization",
        "Правительство Российской Федерации",
        "Government of the Russian Federation",
        (
            "Правительство РФ",
            "Правительство России",
            "Правительство",
            "Кабмин",
            "Кабмин РФ",
            "Кабинет министров",
            "Кабинет министров РФ",
        ),
    ),
    Alias(
        "minpromtorg",
        "Ministry",
        "Министерство промышленности и торговли Российской Федерации",
        "Ministry of Industry and Trade of the Russian Federation",
        (
            "Минпромторг",
            "Минпромторг России",
            "Минпромторг РФ",
            "Министерство промышленности и торговли",
            "Министерство промышленности и торговли РФ",
            "Министерство промышленности и торговли России",
            "Минпром России",
            "Минпром РФ",
        ),
        ("Minpromtorg",),
    ),
    Alias(
        "mineconomy",
        "Ministry",
        "Министерство экономического развития Российской Федерации",
        "Ministry of Economic Development of the Russian Federation",
        (
            "Минэкономразвития",
            "Минэкономразвития России",
            "Минэкономразвития РФ",
            "Минэк",
            "МЭР",
            "Министерство экономического развития",
            "Министерство экономического развития РФ",
        ),
        ("Minekonomrazvitiya",),
    ),
    Alias(
        "minfin",
        "Ministry",
        "Министерство финансов Российской Федерации",
        "Ministry of Finance of the Russian Federation",
        ("Минфин", "Минфин России", "Минфин РФ", "Министерство финансов", "Министерство финансов РФ"),
        ("Minfin",),
    ),
    Alias(
        "mintsifry",
        "Ministry",
        "Министерство цифрового развития, связи и массовых коммуникаций Российской Федерации",
        "Ministry of Digital Development, Communications and Mass Media of the Russian Federation",
        ("Минцифры", "Минцифры России", "Минцифры РФ"),
        ("Mintsifry",),
    ),
    Alias(
        "minenergo",
        "Ministry",
        "Министерство энергетики Российской Федерации",
        "Ministry of Energy of the Russian Federation",
        ("Минэнерго", "Минэнерго России", "Минэнерго РФ", "Министерство энергетики"),
        ("Minenergo",),
    ),
    Alias(
        "mintrans",
        "Ministry",
        "Министерство транспорта Российской Федерации",
        "Ministry of Transport of the Russian Federation",
        ("Минтранс", "Минтранс России", "Минтранс РФ", "Министерство транспорта"),
        ("Mintrans",),
    ),
    Alias(
        "minselkhoz",
        "Ministry",
        "Министерство сельского хозяйства Российской Федерации",
        "Ministry of Agriculture of the Russian Federation",
        ("Минсельхоз", "Минсельхоз России", "Минсельхоз РФ", "Министерство сельского хозяйства"),
        ("Minselkhoz",),
    ),
    Alias(
        "minobrnauki",
        "Ministry",
        "Министерство науки и высшего образования Российской Федерации",
        "Ministry of Science and Higher Education of the Russian Federation",
        ("Минобрнауки", "Минобрнауки России", "Министерство науки и высшего образования"),
        ("Minobrnauki",),
    ),
    Alias("fnc", "Organization", "Федеральная налоговая служба", "Federal Tax Service", ("ФНС", "ФНС России")),
    Alias(
        "industrial-development-fund",
        "Organization",
        "Фонд развития промышленности",
        "Industrial Development Fund",
        ("ФРП",),
    ),
    Alias(
        "rftr",
        "Organization",
        "Российский фонд технологического развития",
        "Russian Foundation for Technological Development",
        ("РФТР",),
    ),
    Alias(
        "presidential-administration",
        "Organization",
        "Администрация Президента Российской Федерации",
        "Presidential Administration of Russia",
        ("Администрация президента", "Администрация президента РФ", "Администрация президента России"),
    ),
    Alias(
        "state-council",
        "Organization",
        "Государственный совет Российской Федерации",
        "State Council of the Russian Federation",
        ("Госсовет", "Госсовет РФ", "Госсовет России", "Государственный совет РФ"),
    ),
    Alias(
        "akit",
        "Association",
        "Ассоциация кластеров, технопарков и ОЭЗ России",
        "Association of Clusters, Technoparks and SEZs of Russia",
        ("АКИТ РФ", "АКИТ", "Ассоциация кластеров, технопарков и особых экономических зон России"),
        ("AKIT RF",),
    ),
    Alias(
        "rspp",
        "Association",
        "Российский союз промышленников и предпринимателей",
        "Russian Union of Industrialists and Entrepreneurs",
        ("РСПП",),
        ("RSPP",),
    ),
    Alias(
        "chamber-of-commerce",
        "Association",
        "Торгово-промышленная палата Российской Федерации",
        "Chamber of Commerce and Industry of the Russian Federation",
        ("ТПП РФ", "ТПП России", "ТПП"),
    ),
    Alias(
        "bank-of-russia",
        "Organization",
        "Центральный банк Российской Федерации",
        "Bank of Russia",
        ("Банк России", "ЦБ", "ЦБ РФ", "Центробанк"),
    ),
    Alias("veb-rf", "Organization", "ВЭБ.РФ", "VEB.RF", ("ВЭБ",)),
    Alias(
        "national-wealth-fund",
        "Organization",
        "Фонд национального благосостояния",
        "National Wealth Fund",
        ("ФНБ",),
    ),
    Alias(
        "usc",
        "Organization",
        "Объединённая судостроительная корпорация",
        "United Shipbuilding Corporation",
        ("ОСК", "Объединенная судостроительная корпорация"),
    ),
    Alias(
        "uac",
        "Organization",
        "Объединённая авиастроительная корпорация",
        "United Aircraft Corporation",
        ("ОАК", "Объединенная авиастроительная корпорация"),
    ),
    Alias(
        "krdv",
        "Organization",
        "Корпорация развития Дальнего Востока и Арктики",
        "Far East and Arctic Development Corporation",
        ("КРДВ",),
    ),
    Alias(
        "rosavtodor",
        "Organization",
        "Федеральное дорожное агентство",
        "Federal Road Agency",
        ("Росавтодор",),
    ),
    Alias(
        "rosnedra", "Organization", "Федеральное агентство по недропользованию", "Federal Subsoil Agency", ("Роснедра",)
    ),
    Alias(
        "rosimushchestvo",
        "Organization",
        "Федеральное агентство по управлению государственным имуществом",
        "Federal Agency for State Property Management",
        ("Росимущество",),
    ),
    Alias(
        "rosstandart",
        "Organization",
        "Федеральное агентство по техническому регулированию и метрологии",
        "Federal Agency for Technical Regulation and Metrology",
        ("Росстандарт",),
    ),
    Alias(
        "rospatent",
        "Organization",
        "Федеральная служба по интеллектуальной собственности",
        "Federal Service for Intellectual Property",
        ("Роспатент",),
    ),
    Alias("fns", "Organization", "Федеральная налоговая служба", "Federal Tax Service", ("ФНС", "ФНС России")),
    Alias("fts", "Organization", "Федеральная таможенная служба", "Federal Customs Service", ("ФТС", "ФТС России")),
    Alias(
        "minprirody",
        "Ministry",
        "Министерство природных ресурсов и экологии Российской Федерации",
        "Ministry of Natural Resources and Environment of the Russian Federation",
        ("Министерство природных ресурсов и экологии", "Минприроды", "Минприроды России", "Минприроды РФ"),
    ),
    Alias(
        "minzdrav",
        "Ministry",
        "Министерство здравоохранения Российской Федерации",
        "Ministry of Health of the Russian Federation",
        ("Министерство здравоохранения", "Минздрав", "Минздрав России", "Минздрав РФ"),
    ),
    Alias(
        "minoborony",
        "Ministry",
        "Министерство обороны Российской Федерации",
        "Ministry of Defence of the Russian Federation",
        ("Министерство обороны", "Минобороны", "Минобороны России", "Минобороны РФ"),
    ),
    Alias(
        "minvostokrazvitiya",
        "Ministry",
        "Министерство Российской Федерации по развитию Дальнего Востока и Арктики",
        "Ministry for the Development of the Russian Far East and Arctic",
        ("Министерство по развитию Дальнего Востока и Арктики", "Минвостокразвития", "Минвостокразвития России"),
    ),
    Alias(
        "fas",
        "Organization",
        "Федеральная антимонопольная служба",
        "Federal Antimonopoly Service",
        ("ФАС", "ФАС России"),
    ),
    Alias(
        "rosstat",
        "Organization",
        "Федеральная служба государственной статистики",
        "Federal State Statistics Service",
        ("Росстат",),
    ),
    Alias(
        "msp-corporation",
        "Organization",
        "Корпорация МСП",
        "SME Corporation",
        ("Корпорация малого и среднего предпринимательства",),
    ),
    Alias("rec", "Organization", "Российский экспортный центр", "Russian Export Centre", ("РЭЦ",)),
    Alias(
        "minstroy",
        "Ministry",
        "Министерство строительства и жилищно-коммунального хозяйства Российской Федерации",
        "Ministry of Construction, Housing and Utilities of the Russian Federation",
        ("Минстрой", "Минстрой России"),
    ),
    Alias(
        "mintrud",
        "Ministry",
        "Министерство труда и социальной защиты Российской Федерации",
        "Ministry of Labour and Social Protection of the Russian Federation",
        ("Минтруд", "Минтруд России"),
    ),
    Alias(
        "rostec",
        "Organization",
        "Государственная корпорация «Ростех»",
        "Rostec State Corporation",
        ("Ростех", "Госкорпорация «Ростех»", "ГК «Ростех»"),
    ),
    Alias(
        "rosatom",
        "Organization",
        "Государственная корпорация по атомной энергии «Росатом»",
        "Rosatom State Corporation",
        ("Росатом", "Госкорпорация «Росатом»", "ГК «Росатом»"),
    ),
    Alias(
        "roscosmos",
        "Organization",
        "Государственная корпорация «Роскосмос»",
        "Roscosmos State Corporation",
        ("Роскосмос", "Госкорпорация «Роскосмос»"),
    ),
    Alias("sberbank", "Organization", "ПАО «Сбербанк»", "Sberbank", ("Сбербанк", "Сбер", "Сбербанк России")),
    Alias("vtb", "Organization", "Банк ВТБ", "VTB Bank", ("ВТБ",)),
    Alias(
        "rzd",
        "Organization",
        "ОАО «Российские железные дороги»",
        "Russian Railways",
        ("РЖД", "ОАО «РЖД»", "Российские железные дороги"),
    ),
    # the largest national companies, named in news by their one-word names
    Alias("gazprom", "Organization", "ПАО «Газпром»", "Gazprom", ("Газпром",)),
    Alias("rosneft", "Organization", "ПАО «НК «Роснефть»", "Rosneft", ("Роснефть", "НК «Роснефть»")),
    Alias("lukoil", "Organization", "ПАО «Лукойл»", "Lukoil", ("Лукойл", "ЛУКОЙЛ")),
    Alias("novatek", "Organization", "ПАО «Новатэк»", "Novatek", ("Новатэк", "НОВАТЭК")),
    Alias("transneft", "Organization", "ПАО «Транснефть»", "Transneft", ("Транснефть",)),
    Alias("rostelecom", "Organization", "ПАО «Ростелеком»", "Rostelecom", ("Ростелеком",)),
    Alias("aeroflot", "Organization", "ПАО «Аэрофлот»", "Aeroflot", ("Аэрофлот",)),
    Alias("kamaz", "Organization", "ПАО «КАМАЗ»", "KAMAZ", ("КАМАЗ", "КамАЗ")),
    Alias("avtovaz", "Organization", "АО «АвтоВАЗ»", "AvtoVAZ", ("АвтоВАЗ", "АВТОВАЗ")),
    Alias("uralvagonzavod", "Organization", "АО «НПК «Уралвагонзавод»", "Uralvagonzavod", ("Уралвагонзавод",)),
    Alias(
        "united-russia",
        "PoliticalParty",
        "Партия «Единая Россия»",
        "United Russia party",
        ("Единая Россия", "ЕР", "партия «Единая Россия»", "Всероссийская политическая партия «Единая Россия»"),
        ("United Russia",),
    ),
)


# News agencies and outlets: quoted as the medium («сообщает ТАСС»), in datelines and credits, never
# extracted as organisations (the article's own outlet is added from its source information).
MEDIA: tuple[str, ...] = (
    "ТАСС",
    "РИА Новости",
    "Интерфакс",
    "INTERFAX.RU",
    "ПРАЙМ",
    "РБК",
    "Коммерсантъ",
    "Ведомости",
    "Известия",
    "Российская газета",
    "РГ",
    "Парламентская газета",
    "Regnum",
    "Reuters",
    "Bloomberg",
    "Sputnik",
    "Лента.ру",
    "Газета.ру",
    "Первый канал",
    "Россия 24",
    "АГН Москва",
    "Агентство городских новостей",
    "Эксперт",
    "Forbes",
    "Сибирское Информационное Агентство",
    "SIA.RU",
    "Telegram",
    "ВКонтакте",
)


def by_slug(slug: str) -> Alias | None:
    return next((a for a in ALIASES if a.slug == slug), None)
