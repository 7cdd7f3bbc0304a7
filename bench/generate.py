"""Deterministic synthetic data in the policykg ontology, at any size.

    python bench/generate.py --triples 100000 --seed 1 -o /tmp/bench-100k.nt [--texts DIR]

One "unit" is a news article with its generated Russian text and what it evidences: two
persons (one holds a post in an organisation), an organisation, a policy instrument, a
proposal with a parameter change, an event, and two statements with quotes, each addressed by
an oa:TextQuoteSelector and an oa:TextPositionSelector into the article's text (offsets are
Python str indices, as in data/). Every resource has one rdfs:label @ru and one @en, and units
link to earlier ones (participants, targets), so the graph is connected. Units are added until
the requested number of triples is reached (a few more at most). Output is N-Triples, which is
also valid Turtle (``.ttl``). The same seed gives the same bytes. Conforms to ontology/shapes.ttl
(check: ``policykg validate`` on a 10k file).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ID = "http://localhost:8000/id/"
PKG = "https://w3id.org/policykg/ontology/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"

FIRST = [
    ("Александр", "Aleksandr"),
    ("Мария", "Maria"),
    ("Дмитрий", "Dmitry"),
    ("Елена", "Elena"),
    ("Сергей", "Sergey"),
    ("Ольга", "Olga"),
    ("Андрей", "Andrey"),
    ("Наталья", "Natalya"),
    ("Михаил", "Mikhail"),
    ("Ирина", "Irina"),
    ("Алексей", "Aleksey"),
    ("Татьяна", "Tatyana"),
]
LAST = [
    ("Иванов", "Ivanov"),
    ("Смирнов", "Smirnov"),
    ("Кузнецов", "Kuznetsov"),
    ("Попов", "Popov"),
    ("Васильев", "Vasilyev"),
    ("Петров", "Petrov"),
    ("Соколов", "Sokolov"),
    ("Михайлов", "Mikhaylov"),
    ("Новиков", "Novikov"),
    ("Фёдоров", "Fyodorov"),
    ("Морозов", "Morozov"),
    ("Волков", "Volkov"),
]
ORG_KINDS = [
    ("Ministry", "Министерство", "Ministry"),
    ("Committee", "Комитет", "Committee"),
    ("Association", "Ассоциация", "Association"),
    ("RegionalGovernment", "Правительство региона", "Regional government"),
    ("ExpertCouncil", "Экспертный совет", "Expert council"),
    ("LegislativeBody", "Законодательное собрание", "Legislative assembly"),
]
TOPICS = [
    ("промышленной политики", "industrial policy"),
    ("станкостроения", "machine tools"),
    ("кластеров", "clusters"),
    ("импортозамещения", "import substitution"),
    ("микроэлектроники", "microelectronics"),
    ("малого бизнеса", "small business"),
    ("инвестиций", "investment"),
    ("локализации", "localisation"),
]
INSTRUMENTS = [
    (
        "PreferentialLoanProgramme",
        "typePreferentialLending",
        "Программа льготных займов",
        "Preferential loan programme",
    ),
    ("Subsidy", "typeSubsidy", "Субсидия", "Subsidy"),
    ("ContributionRelief", "typeFiscal", "Льгота по взносам", "Contribution relief"),
    ("InvestmentContract", "typeContractual", "Инвестиционный контракт", "Investment contract"),
    ("ClusterSupportMechanism", "typeCluster", "Поддержка кластеров", "Cluster support"),
]
CHANGE_KINDS = [
    "lowerThreshold",
    "extendScope",
    "launchMechanism",
    "prioritise",
    "include",
    "adapt",
    "stimulate",
    "fineTune",
    "expandAccess",
]
ROLES = ["roleDeputy", "roleFirstDeputyChair", "roleSecretary", "roleDirector"]
VERBS = [("предложил", "proposed"), ("заявил", "stated"), ("отметил", "noted"), ("подчеркнул", "stressed")]
PHRASES = [
    "нужно снизить порог входа в программу",
    "предлагаем расширить перечень отраслей",
    "необходимо запустить новый механизм поддержки",
    "важно дать приоритет региональным проектам",
    "следует адаптировать условия для малых предприятий",
    "мы добиваемся доступности кредитов",
    "параметры субсидии нужно донастроить",
    "требуется стимулировать спрос на отечественную продукцию",
]


def lit(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    esc = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lang:
        return f'"{esc}"@{lang}'
    if datatype:
        return f'"{esc}"^^<{datatype}>'
    return f'"{esc}"'


class Unit:
    """Writes the triples of one unit (article + everything it evidences) as N-Triples lines."""

    def __init__(self, k: int, rnd: random.Random):
        self.k, self.rnd = k, rnd
        self.lines: list[str] = []

    def t(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} .\n")

    def labelled(self, iri: str, cls: str, ru: str, en: str) -> None:
        self.t(iri, RDF_TYPE, f"<{PKG}{cls}>")
        self.t(iri, LABEL, lit(ru, "ru"))
        self.t(iri, LABEL, lit(en, "en"))

    def build(self) -> list[str]:
        k, r = self.k, self.rnd
        i = lambda kind, name: f"<{ID}{kind}/{name}-{k}>"
        p1, p2 = i("person", "a"), i("person", "b")
        org, post, inst = i("org", "o"), i("post", "p"), i("instrument", "i")
        prop, change, event, src = i("proposal", "p"), i("change", "c"), i("event", "e"), i("source", "article")
        st1, st2 = i("statement", "s1"), i("statement", "s2")
        names = [(r.choice(FIRST), r.choice(LAST)) for _ in range(2)]
        okind, oru, oen = r.choice(ORG_KINDS)
        topic_ru, topic_en = r.choice(TOPICS)
        icls, itype, iru, ien = r.choice(INSTRUMENTS)
        year, month, day = 2020 + k % 7, 1 + k % 12, 1 + k % 28
        date = f"{year:04d}-{month:02d}-{day:02d}"

        # the article's text, with the two quotes at known offsets
        text_parts: list[str] = [f"Материал №{k}. Заседание по вопросам {topic_ru} прошло {date}. "]
        quotes = []
        for (first, last), (verb_ru, _) in zip(names, r.sample(VERBS, 2)):
            phrase = f"{r.choice(PHRASES).capitalize()} (№{k})"
            lead = "«"
            start = sum(len(x) for x in text_parts) + len(lead)
            quotes.append((phrase, start, start + len(phrase)))
            text_parts.append(f"{lead}{phrase}», — {verb_ru} {first[0]} {last[0]}. ")
        self.text = "".join(text_parts)

        for person, (first, last), st in ((p1, names[0], st1), (p2, names[1], st2)):
            self.labelled(person, "Person", f"{first[0]} {last[0]} ({k})", f"{first[1]} {last[1]} ({k})")
            self.t(person, f"<{PKG}evidence>", st)
        self.t(p1, f"<{ORG}holds>", post)
        self.labelled(org, okind, f"{oru} по вопросам {topic_ru} №{k}", f"{oen} on {topic_en} No. {k}")
        self.t(org, ALT, lit(f"{oen[:3].upper()}{k}", "en"))
        self.t(org, f"<{PKG}evidence>", st1)
        self.labelled(post, "Post", f"Руководитель ({oru} №{k})", f"Head ({oen} No. {k})")
        self.t(post, f"<{ORG}postIn>", org)
        self.t(post, f"<{ORG}role>", f"<{PKG}{r.choice(ROLES)}>")
        self.t(post, f"<{PKG}evidence>", st1)
        self.labelled(inst, icls, f"{iru} для {topic_ru} №{k}", f"{ien} for {topic_en} No. {k}")
        self.t(inst, f"<{PKG}instrumentType>", f"<{PKG}{itype}>")
        self.t(inst, f"<{PKG}evidence>", st2)
        self.t(inst, f"<{PKG}operatedBy>", org)
        kind = r.choice(CHANGE_KINDS)
        self.labelled(prop, "Proposal", f"Предложение №{k} по {topic_ru}", f"Proposal No. {k} on {topic_en}")
        self.t(prop, f"<{PKG}proposedBy>", p1)
        self.t(prop, f"<{PKG}relayedBy>", p2)
        self.t(prop, f"<{PKG}evidence>", st1)
        self.t(prop, f"<{PKG}changeKind>", f"<{PKG}{kind}>")
        self.t(prop, f"<{PKG}targets>", inst)
        if k > 0:  # link to an earlier unit's instrument
            self.t(prop, f"<{PKG}targets>", f"<{ID}instrument/i-{r.randrange(k)}>")
        self.t(prop, f"<{PKG}discussedAt>", event)
        self.t(prop, f"<{PKG}hasParameterChange>", change)
        frm = r.randrange(1, 500) * 1_000_000
        to = frm + r.randrange(1, 100) * 1_000_000 * r.choice((-1, 1)) if frm > 100_000_000 else frm * 2
        self.labelled(change, "ParameterChange", f"Изменение лимита №{k}", f"Limit change No. {k}")
        self.t(change, f"<{PKG}parameter>", lit("лимит финансирования", "ru"))
        self.t(change, f"<{PKG}parameter>", lit("funding limit", "en"))
        self.t(change, f"<{PKG}fromValue>", lit(str(frm), datatype=XSD + "decimal"))
        self.t(change, f"<{PKG}toValue>", lit(str(to), datatype=XSD + "decimal"))
        self.t(change, f"<{PKG}currency>", lit("RUB"))
        self.t(change, f"<{PKG}changeKind>", f"<{PKG}{kind}>")
        self.t(change, f"<{PKG}appliesTo>", inst)
        self.labelled(event, "Meeting", f"Заседание №{k} ({date})", f"Meeting No. {k} ({date})")
        self.t(event, f"<{DCT}date>", lit(date, datatype=XSD + "date"))
        self.t(event, f"<{PKG}participant>", p1)
        self.t(event, f"<{PKG}participant>", p2)
        if k > 0:
            self.t(event, f"<{PKG}participant>", f"<{ID}person/a-{r.randrange(k)}>")
        self.t(event, f"<{PKG}organiser>", org)
        self.t(event, f"<{PKG}evidence>", st1)
        self.labelled(src, "NewsArticle", f"Статья №{k}", f"Article No. {k}")
        self.t(src, f"<{DCT}date>", lit(date, datatype=XSD + "date"))
        self.t(src, f"<{DCT}title>", lit(f"Заседание №{k} по вопросам {topic_ru}", "ru"))
        self.t(src, f"<{PKG}textFile>", lit(f"sources/synthetic-{k}.txt"))
        for n, (st, speaker, (exact, start, end)) in enumerate(((st1, p1, quotes[0]), (st2, p2, quotes[1])), 1):
            self.labelled(st, "Statement", f"Высказывание {n} в статье №{k}", f"Statement {n} in article No. {k}")
            self.t(st, f"<{DCT}source>", src)
            self.t(st, f"<{PKG}speaker>", speaker)
            self.t(st, f"<{PKG}isDirectQuote>", lit("true", datatype=XSD + "boolean"))
            q, pos = f"_:q{k}x{n}", f"_:p{k}x{n}"
            self.t(st, f"<{OA}hasSelector>", q)
            self.t(st, f"<{OA}hasSelector>", pos)
            self.t(q, RDF_TYPE, f"<{OA}TextQuoteSelector>")
            self.t(q, f"<{OA}exact>", lit(exact))
            self.t(pos, RDF_TYPE, f"<{OA}TextPositionSelector>")
            self.t(pos, f"<{OA}start>", lit(str(start), datatype=XSD + "integer"))
            self.t(pos, f"<{OA}end>", lit(str(end), datatype=XSD + "integer"))
        return self.lines


def units(triples: int, seed: int) -> Iterator[Unit]:
    rnd = random.Random(seed)
    written = 0
    k = 0
    while written < triples:
        unit = Unit(k, rnd)
        written += len(unit.build())
        yield unit
        k += 1


def generate(out: Path, triples: int, seed: int = 1, texts: Path | None = None) -> int:
    """Write about ``triples`` triples to ``out``; returns the exact number written."""
    n = 0
    if texts:
        texts.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for unit in units(triples, seed):
            f.writelines(unit.lines)
            n += len(unit.lines)
            if texts:
                (texts / f"synthetic-{unit.k}.txt").write_text(unit.text, encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=lambda s: int(float(s)), default=100_000, help="about how many triples")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", type=Path, required=True, help=".nt or .ttl file to write")
    ap.add_argument("--texts", type=Path, default=None, help="also write the article texts into this folder")
    args = ap.parse_args(argv)
    n = generate(args.output, args.triples, args.seed, args.texts)
    print(f"wrote {n} triples to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
