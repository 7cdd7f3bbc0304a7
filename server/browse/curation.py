"""What the curation pages show of a draft, without Flask: its facts grouped as flagged / new /
linked, and the article text cut into segments at every quote's position selector, each
segment knowing the facts whose quotes cover it (the review page highlights them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from server.core.types import JSONObject
from server.ingest.workflow import KINDS

GROUPS = ("flagged", "new", "linked")
PRIORITY = {g: i for i, g in enumerate(GROUPS)}  # a segment covered by several facts shows the first group


def group(item: JSONObject) -> str:
    """'flagged' (an editorial note asks for a check), else 'new' or 'linked'."""
    return "flagged" if item["notes"] else str(item["status"])


def facts(summary: JSONObject) -> list[JSONObject]:
    """Every fact of the review summary, in text order, with its section, group, anchor id
    (``f1``, ``f2``, ...) and the classes it may be given (those of its section)."""
    out = []
    for section in KINDS:
        for item in summary[section]:
            out.append({**item, "section": section, "group": group(item), "classes": list(KINDS[section])})
    out.sort(key=lambda i: i["quotes"][0]["start"] if i["quotes"] and i["quotes"][0]["start"] is not None else -1)
    for n, item in enumerate(out, 1):
        item["anchor"] = f"f{n}"
    return out


@dataclass
class Segment:
    start: int
    end: int
    text: str
    facts: list[JSONObject] = field(default_factory=list)  # the facts whose quotes cover it

    @property
    def group(self) -> str | None:
        return min((f["group"] for f in self.facts), key=PRIORITY.__getitem__, default=None)


def segments(text: str, items: list[JSONObject]) -> list[Segment]:
    """``text`` cut at every start and end of the items' quotes; quotes whose offsets do not
    select their exact text are left out (never expected: accept checks them)."""
    spans = [
        (q["start"], q["end"], item)
        for item in items
        for q in item["quotes"]
        if q["start"] is not None
        and 0 <= q["start"] < q["end"] <= len(text)
        and text[q["start"] : q["end"]] == q["exact"]
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in pairwise(cuts):
        covering = {id(i): i for s, e, i in spans if s <= a and b <= e}
        out.append(Segment(a, b, text[a:b], list(covering.values())))
    return out
