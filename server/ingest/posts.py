"""Posts named before a person: 'депутат ГД, первый зампред Комитета …, секретарь регионального
отделения «Единой России» Александр Козловский' -> three posts held by one person."""

from __future__ import annotations

import re
from dataclasses import dataclass

from server.ingest.entities import Candidate, Mention, inflect_phrase

# (regex, role concept local name or None, Russian nominative, English)
ROLES: tuple[tuple[str, str | None, str, str], ...] = (
    (r"перв(?:ый|ого|ому|ым)\s+(?:заместител[ьяюем]+\s+председателя|зампред\w*)", "roleFirstDeputyChair",
     "первый заместитель председателя", "first deputy chair"),
    (r"(?:заместител[ьяюем]+\s+председателя|зампред\w*)", None, "заместитель председателя", "deputy chair"),
    (r"председател[ьяюем]+", None, "председатель", "chair"),
    (r"перв(?:ый|ого|ому|ым)\s+заместител[ьяюем]+\s+министра", None, "первый заместитель министра",
     "first deputy minister"),
    (r"(?:заместител[ьяюем]+\s+министра|замминистра)", None, "заместитель министра", "deputy minister"),
    (r"министр(?:а|у|ом|е)?", None, "министр", "minister"),
    (r"(?:генеральн(?:ый|ого|ому|ым)|исполнительн(?:ый|ого|ому|ым))\s+директор(?:а|у|ом|е)?", "roleDirector",
     "генеральный директор", "director general"),
    (r"директор(?:а|у|ом|е)?", "roleDirector", "директор", "director"),
    (r"руководител[ьяюем]+", None, "руководитель", "head"),
    (r"секретар[ьяюем]+", "roleSecretary", "секретарь", "secretary"),
    (r"депутат(?:а|у|ом|е)?", "roleDeputy", "депутат", "deputy"),
    (r"сенатор(?:а|у|ом|е)?", None, "сенатор", "senator"),
    (r"президент(?:а|у|ом|е)?", None, "президент", "president"),
    (r"член(?:а|у|ом|е)?", None, "член", "member"),
)
ROLE_AT_END = [(re.compile(rf"(?:^|[\s,(])({rx})\s*$", re.IGNORECASE), role, ru, en) for rx, role, ru, en in ROLES]


@dataclass
class Post:
    person: Candidate
    org: Candidate
    role: str | None
    role_ru: str
    role_en: str
    start: int  # the role word ... the person's name
    end: int
    label_ru: str = ""
    label_en: str = ""

    @property
    def key(self) -> str:
        return f"{self.org.key}|{self.role_ru}"


def _org_ending_at(pos: int, orgs: list[Candidate]) -> tuple[Candidate, Mention] | None:
    best = None
    for c in orgs:
        for m in c.mentions:
            if m.end == pos and (best is None or m.start < best[1].start):
                best = (c, m)
    return best


def extract_posts(text: str, persons: list[Candidate], orgs: list[Candidate]) -> list[Post]:
    posts: dict[tuple[str, str], Post] = {}
    for person in persons:
        for pm in person.mentions:
            cursor = pm.start
            while True:
                before = text[:cursor].rstrip()
                hit = _org_ending_at(len(before), orgs)
                if hit is None:
                    break
                org, om = hit
                head = text[: om.start]
                found = None
                for rx, role, ru, en in ROLE_AT_END:
                    m = rx.search(head)
                    if m:
                        found = (m.start(1), role, ru, en)
                        break
                if found is None:
                    break
                start, role, ru, en = found
                key = (person.key, f"{org.key}|{ru}")
                if key not in posts:
                    label_ru = f"{ru[:1].upper()}{ru[1:]} {_genitive(org)}"
                    posts[key] = Post(person, org, role, ru, en, start, pm.end, label_ru, f"{en.capitalize()} of the {org.label_en}")
                cursor = start
                tail = text[:cursor].rstrip()
                if tail.endswith(","):
                    cursor = len(tail) - 1
                elif tail.endswith(" и"):
                    cursor = len(tail) - 2
                else:
                    break
    return sorted(posts.values(), key=lambda p: p.start)


def _genitive(org: Candidate) -> str:
    g = inflect_phrase(org.label_ru, "gent")
    words = g.split(" ", 1)
    # keep proper capitalisation inside; lower-case a common-noun head ('Партии' -> 'партии')
    if org.cls in ("PoliticalParty", "RegionalBranch", "Ministry") and words[0][:1].isupper():
        words[0] = words[0].lower()
    return " ".join(words)
