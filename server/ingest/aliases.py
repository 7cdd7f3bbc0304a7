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
    Alias("state-duma", "LegislativeBody", "Государственная Дума", "State Duma",
          ("ГД", "ГД РФ", "Госдума", "Государственная Дума РФ", "Государственная Дума Российской Федерации",
           "Государственная Дума Федерального Собрания Российской Федерации")),
    Alias("federation-council", "LegislativeBody", "Совет Федерации", "Federation Council",
          ("СФ", "Совфед", "Совет Федерации Федерального Собрания Российской Федерации")),
    Alias("government-of-russia", "Organization", "Правительство Российской Федерации",
          "Government of the Russian Federation", ("Правительство РФ", "Правительство России", "Кабмин")),
    Alias("minpromtorg", "Ministry", "Министерство промышленности и торговли Российской Федерации",
          "Ministry of Industry and Trade of the Russian Federation",
          ("Минпромторг", "Минпромторг России", "Минпромторг РФ", "Министерство промышленности и торговли",
           "Министерство промышленности и торговли РФ"), ("Minpromtorg",)),
    Alias("mineconomy", "Ministry", "Министерство экономического развития Российской Федерации",
          "Ministry of Economic Development of the Russian Federation",
          ("Минэкономразвития", "Минэкономразвития России", "Минэкономразвития РФ", "МЭР",
           "Министерство экономического развития", "Министерство экономического развития РФ"),
          ("Minekonomrazvitiya",)),
    Alias("minfin", "Ministry", "Министерство финансов Российской Федерации",
          "Ministry of Finance of the Russian Federation",
          ("Минфин", "Минфин России", "Минфин РФ", "Министерство финансов", "Министерство финансов РФ"),
          ("Minfin",)),
    Alias("mintsifry", "Ministry", "Министерство цифрового развития, связи и массовых коммуникаций Российской Федерации",
          "Ministry of Digital Development, Communications and Mass Media of the Russian Federation",
          ("Минцифры", "Минцифры России", "Минцифры РФ"), ("Mintsifry",)),
    Alias("minenergo", "Ministry", "Министерство энергетики Российской Федерации",
          "Ministry of Energy of the Russian Federation",
          ("Минэнерго", "Минэнерго России", "Минэнерго РФ", "Министерство энергетики"), ("Minenergo",)),
    Alias("mintrans", "Ministry", "Министерство транспорта Российской Федерации",
          "Ministry of Transport of the Russian Federation",
          ("Минтранс", "Минтранс России", "Минтранс РФ", "Министерство транспорта"), ("Mintrans",)),
    Alias("minselkhoz", "Ministry", "Министерство сельского хозяйства Российской Федерации",
          "Ministry of Agriculture of the Russian Federation",
          ("Минсельхоз", "Минсельхоз России", "Минсельхоз РФ", "Министерство сельского хозяйства"),
          ("Minselkhoz",)),
    Alias("minobrnauki", "Ministry", "Министерство науки и высшего образования Российской Федерации",
          "Ministry of Science and Higher Education of the Russian Federation",
          ("Минобрнауки", "Минобрнауки России", "Министерство науки и высшего образования"), ("Minobrnauki",)),
    Alias("fnc", "Organization", "Федеральная налоговая служба", "Federal Tax Service", ("ФНС", "ФНС России")),
    Alias("industrial-development-fund", "Organization", "Фонд развития промышленности",
          "Industrial Development Fund", ("ФРП",)),
    Alias("akit", "Association", "Ассоциация кластеров, технопарков и ОЭЗ России",
          "Association of Clusters, Technoparks and SEZs of Russia",
          ("АКИТ РФ", "АКИТ", "Ассоциация кластеров, технопарков и особых экономических зон России"), ("AKIT RF",)),
    Alias("rspp", "Association", "Российский союз промышленников и предпринимателей",
          "Russian Union of Industrialists and Entrepreneurs", ("РСПП",), ("RSPP",)),
    Alias("chamber-of-commerce", "Association", "Торгово-промышленная палата Российской Федерации",
          "Chamber of Commerce and Industry of the Russian Federation", ("ТПП РФ", "ТПП России", "ТПП")),
    Alias("united-russia", "PoliticalParty", "Партия «Единая Россия»", "United Russia party",
          ("Единая Россия", "ЕР", "партия «Единая Россия»", "Всероссийская политическая партия «Единая Россия»"),
          ("United Russia",)),
)


def by_slug(slug: str) -> Alias | None:
    return next((a for a in ALIASES if a.slug == slug), None)
