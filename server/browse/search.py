"""Label search over rdfs:label, skos:prefLabel/altLabel, foaf:name and foaf:familyName:
case-insensitive, on part of a word, in Russian and English, with a Latin <-> Cyrillic
transliteration so that "akit" finds «АКИТ РФ» and "kozlov" finds «Козловский».

Matching runs over the in-memory label index (``labels.py``), never by pasting the text into
SPARQL; the only store queries are the bound type look-ups of the results."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter
from typing import TYPE_CHECKING

import pyoxigraph as ox

from server.browse.labels import LabelIndex, normalise
from server.browse.terms import Linker, Vocab, iri_dict
from server.core.errors import BadRequest
from server.core.namespaces import PKG
from server.core.translit import CYR2LAT
from server.core.types import JSONObject

if TYPE_CHECKING:
    from server.store.base import Store

MAX_QUERY_CHARS = 200
TYPES = "SELECT ?x ?type WHERE { ?x a ?type FILTER(isIRI(?type)) }"
RANK_NAMES = ("exact", "prefix", "word", "contains")
LOW_PRIORITY = {PKG + "Statement", PKG + "Participation", PKG + "ParameterChange"}

_LAT2CYR = [
    ("shch", "щ"),
    ("sch", "щ"),
    ("yo", "ё"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("iy", "ий"),
    ("yy", "ый"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "к"),
    ("y", "ы"),
    ("w", "в"),
    ("x", "кс"),
    ("q", "к"),
]
_ENDING = re.compile(r"(ий|ый)$")


def to_cyrillic(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        for lat, cyr in _LAT2CYR:
            if text.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out).replace("ё", "е")


def to_latin(text: str) -> str:
    return "".join(CYR2LAT.get(ch, ch) for ch in text)


def variants(q: str) -> list[str]:
    """The normalised query, its Cyrillic reading and its Latin reading (three slots)."""
    base = normalise(q)
    cyr = to_cyrillic(base)
    lat = to_latin(base)
    # "kozlovsky" -> "козловскы": also match the stem without a transliterated adjective ending
    if cyr.endswith("ы") and len(cyr) > 4:
        cyr = cyr[:-1]
    if _ENDING.search(base) and len(base) > 5:
        lat = to_latin(base[:-2])
    return [base, cyr or base, lat or base]


def rank(label: str, qs: list[str]) -> int:
    """0 exact, 1 label prefix, 2 word prefix, 3 contains (best over the query variants)."""
    return rank_normalised(normalise(label), _word_starts(qs))


def _word_starts(qs: list[str]) -> list[tuple[str, re.Pattern[str]]]:
    """Each query variant with the pattern of a word starting with it."""
    return [(q, re.compile(r"(^|[^\w])" + re.escape(q))) for q in dict.fromkeys(qs) if q]


def rank_normalised(n: str, patterns: list[tuple[str, re.Pattern[str]]]) -> int:
    """``rank`` of a label already normalised, the variants given by ``_word_starts``."""
    best = 4
    for q, word_start in patterns:
        if q not in n:
            continue
        if n == q:
            return 0
        if n.startswith(q):
            best = min(best, 1)
        elif best > 2 and word_start.search(n):
            best = 2
        else:
            best = min(best, 3)
    return best


def search(
    store: Store,
    q: str,
    *,
    index: LabelIndex,
    linker: Linker,
    vocab: Vocab,
    lang: str,
    limit: int = 50,
    offset: int = 0,
) -> JSONObject:
    """Rank the labels of ``index`` against ``q``; types come from the store (bound look-ups)."""
    q = (q or "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise BadRequest(f"The search text is longer than {MAX_QUERY_CHARS} characters.")
    if not q:
        return {"q": "", "results": [], "total": 0}
    qs = variants(q)
    total, hits, best, ties = _ranked(index, qs, offset + limit + 50)
    # types of the best-ranked hits order equal ranks (things before statements about them)
    types = _types_of(store, best)

    def key(iri: str) -> tuple[int, bool, int, str, str]:
        r, length, label = hits[iri]
        low = bool(types[iri] & LOW_PRIORITY) if iri in types else True
        return (r, low, length, label, iri)

    # any other hit ranks below all of ``best`` (50 more than the page)
    page = sorted(best + ties, key=key)[offset : offset + limit]
    results = []
    for iri in page:
        r, _, label = hits[iri]
        item = iri_dict(iri, index.display.get(iri, ()), linker, vocab, lang)
        item["matched"] = label
        item["rank"] = RANK_NAMES[min(r, 3)]
        classes = types[iri] if iri in types else _types(store, iri)
        item["types"] = [
            {"iri": t, "label": vocab.label(t, lang), "href": linker.cls(t)} for t in vocab.most_specific(classes)
        ][:3]
        results.append(item)
    return {"q": q, "variants": qs, "results": results, "total": total, "offset": offset, "limit": limit}


_BITS = 31  # a label's place among those found, below 2**31
_LENGTH_BITS = 28  # a label's length, below 2**28: (rank, length) fits in one 30-bit digit


def _ranked(
    index: LabelIndex, qs: list[str], wanted: int
) -> tuple[int, dict[str, tuple[int, int, str]], list[str], list[str]]:
    """Rank the IRIs whose labels contain a variant by the best (rank, label length, label) of
    their labels, equal ones in the order of their first such label in the index. Returns how
    many IRIs, their best (rank, length, label) for those returned, the first ``wanted`` IRIs
    (``best``), and after them those ranked equal (rank and length) to the last of ``best``.

    Only what the page can show is ranked one by one: the labels are found in C
    (``LabelIndex.find``), each IRI's first label by a dict built in C, the exact and prefix
    labels told by a ``startswith`` each (the word-prefix test only when those do not fill
    ``best``), ordered by sorting small integers (rank, length, place), and only the groups of
    equal rank and length up to the last of ``best`` put in the order of their IRIs' first labels."""
    found, entries = index.find(qs)
    places = sorted(found)
    first = dict(zip(map(itemgetter(1), map(entries.__getitem__, reversed(places))), reversed(places)))
    starts = tuple(q for q in dict.fromkeys(qs) if q)
    word = re.compile("(?:^|[^\\w])(?:" + "|".join(map(re.escape, starts)) + ")")
    hits: dict[str, tuple[int, int, str]] = {}
    best: list[str] = []
    ties: list[str] = []
    # each label as one integer: (rank, length) above its place among those found
    groups = (  # the exact and prefix labels (rank 0 or 1), then the others (2 or 3) if still wanted
        lambda: [
            ((norm not in starts) << _LENGTH_BITS | len(entries[k][0])) << _BITS | i
            for i, k in enumerate(places)
            if (norm := found[k]).startswith(starts)
        ],
        lambda: [
            ((2 | (word.search(norm) is None)) << _LENGTH_BITS | len(entries[k][0])) << _BITS | i
            for i, k in enumerate(places)
            if not (norm := found[k]).startswith(starts)
        ],
    )
    for group in groups:
        packed, j = sorted(group()), 0
        while j < len(packed):
            rank_length = packed[j] >> _BITS
            end = bisect_left(packed, (rank_length + 1) << _BITS, j)
            r, length = rank_length >> _LENGTH_BITS, rank_length & ((1 << _LENGTH_BITS) - 1)
            alike = [places[p & ((1 << _BITS) - 1)] for p in packed[j:end]]
            for k in sorted(alike, key=lambda k: (first[entries[k][1]], k)):
                label, iri = entries[k]
                old = hits.get(iri)
                if old is not None:  # ranked already: one of its labels as good, or better
                    if old[:2] == (r, length) and label < old[2]:
                        hits[iri] = (r, length, label)
                    continue
                hits[iri] = (r, length, label)
                (best if len(best) < wanted else ties).append(iri)
            if len(best) >= wanted:  # the group of the last of ``best`` is done: its equals are in ``ties``
                return len(first), hits, best, ties
            j = end
    return len(first), hits, best, ties


# the IRIs go in as VALUES written by pyoxigraph's term serialisation, never as request text
TYPES_OF = "SELECT ?x ?type WHERE { VALUES ?x { %s } ?x a ?type FILTER(isIRI(?type)) }"
TYPES_BATCH = 200


def _types_of(store: Store, iris: list[str]) -> dict[str, set[str]]:
    """Types of many IRIs in one query per TYPES_BATCH (not one query per hit)."""
    out: dict[str, set[str]] = {iri: set() for iri in iris}
    for i in range(0, len(iris), TYPES_BATCH):
        values = " ".join(str(ox.NamedNode(iri)) for iri in iris[i : i + TYPES_BATCH])
        for sol in store.select(TYPES_OF % values):
            found = out.get(sol["x"].value)
            if found is not None:
                found.add(sol["type"].value)
    return out


def _types(store: Store, iri: str) -> set[str]:
    return {sol["type"].value for sol in store.select(TYPES, substitutions={"x": ox.NamedNode(iri)})}
