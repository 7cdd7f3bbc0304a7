"""Query answers kept per worker process, bounded in bytes, for the store state they were read at.

A cached answer is keyed by everything that decides its bytes: the query text (stripped), the
dataset (``default-graph-uri``/``named-graph-uri``), the base IRI, the negotiated inputs (Accept,
``format``), the caps, ``drafts=include``, and the store's ``generation`` read *before* the
evaluation. So an answer is only ever served for the generation it was read at or an earlier
one (a write between the read of the generation and the evaluation makes the answer newer than
its key, never older). Every write publishes a new generation, seen by every process: the first
request after it finds a different generation and empties the cache. A store without a
``generation`` (the external store, which other clients write unseen) is never cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from server.protocol.executor import Job
from server.protocol.results import Rendered
from server.store.base import Store

# bytes counted per entry besides its body and query text: its key tuple, Rendered, value tuple and
# OrderedDict slot (measured with tracemalloc: ~470 for a label lookup's answer; 200 made a 16 MiB cache hold 27 MB)
ENTRY_OVERHEAD = 500
LARGEST_SHARE = 8  # an answer larger than max_bytes / LARGEST_SHARE is not kept


def job_key(job: Job) -> Hashable | None:
    """What decides the answer's bytes besides the store's state; None when not cacheable
    (bound substitutions, pages and sorted lists of named queries)."""
    if job.substitutions or job.offset or job.sorted_lists:
        return None
    return (
        job.sparql.strip(),
        tuple(job.default_graphs) if job.default_graphs is not None else None,
        tuple(job.named_graphs) if job.named_graphs is not None else None,
        job.base_iri,
        job.accept,
        job.fmt,
        job.max_rows,
        job.max_triples,
        job.include_private,
    )


class ResultCache:
    """Answers by (``job_key``, generation), least recently used dropped beyond ``max_bytes``."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0  # bytes held
        self._generation: int | None = None  # the generation of every entry held
        self._entries: OrderedDict[Hashable, tuple[Rendered, int]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def generation(store: Store) -> int | None:
        """The store's state number, or None (never cache)."""
        generation = getattr(store, "generation", None)
        return generation if isinstance(generation, int) else None

    def get(self, key: Hashable, generation: int) -> Rendered | None:
        with self._lock:
            if self._generation is None or generation > self._generation:
                self._reset(generation)  # a write since: every answer held is older
            found = self._entries.get(key) if generation == self._generation else None
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, generation: int, rendered: Rendered) -> None:
        cost = len(rendered.body) + len(key[0]) + ENTRY_OVERHEAD if isinstance(key, tuple) else len(rendered.body)
        if cost * LARGEST_SHARE > self.max_bytes:
            return
        with self._lock:
            if self._generation is not None and generation < self._generation:
                return  # read before a write already seen here
            if generation != self._generation:
                self._reset(generation)
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old[1]
            self._entries[key] = (rendered, cost)
            self.size += cost
            while self.size > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.size -= dropped

    def _reset(self, generation: int) -> None:
        """(Lock held.) Forget every answer: the store has another state."""
        self._entries.clear()
        self.size = 0
        self._generation = generation
