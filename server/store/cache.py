"""Values built from the whole store (the vocabulary's labels, the label index, class counts,
sorted instance lists, export dumps, the triple count), kept until the store changes.

A value is keyed by the store's ``generation``: the embedded store's published checkpoint
number, which every process sees change after any write (server.store.embedded), or the external
store's generation marker, which every replica sees change within ``store_check_interval``
seconds of a write through any of them (server.store.registry). A store without one is keyed by
its ``writes`` through this process, seen at once, and falls back to time for the rest: its
values are rebuilt after at most ``ttl`` seconds, and with ``background`` that rebuild runs in a
thread while the old value keeps being served.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from server.store.base import Store

log = logging.getLogger(__name__)

CACHE_TTL = 60.0  # seconds; writes to a store without a generation are seen after at most this long
T = TypeVar("T")
#: (the store's state, a time bucket or None): see ``StoreCache.key``
StateKey = tuple[tuple[int | None, ...], int | None]


class StoreCache:
    """Up to ``size`` values, each built by ``get(store, args, build)`` for its ``args``; the least
    recently used is dropped beyond ``size``, and values of an earlier store state are never served
    again (except, with ``background``, while a time-expired one is being rebuilt)."""

    def __init__(self, size: int = 1, ttl: float = CACHE_TTL):
        self.size = size
        self.ttl = ttl
        # the values are whatever each caller's ``build`` returns (``get`` gives it back as its T)
        self._entries: OrderedDict[Hashable, tuple[StateKey, Any]] = OrderedDict()
        self._refreshing: set[Hashable] = set()
        self._lock = threading.Lock()

    def key(self, store: Store) -> StateKey:
        """(the store's state, a time bucket): (store, generation), None; or, without a
        generation, (store, None, this process's writes), the current ``ttl`` period."""
        generation = getattr(store, "generation", None)
        if generation is not None:
            return (id(store), generation), None
        return (id(store), None, getattr(store, "writes", 0)), int(time.monotonic() // self.ttl)

    def get(self, store: Store, args: Hashable, build: Callable[[], T], *, background: bool = False) -> T:
        """The value for ``args`` at the store's current state, built by ``build()`` when missing.
        With ``background``, ``build`` must not need the request: it may run in a thread."""
        key = self.key(store)
        with self._lock:
            found = self._entries.get(args)
            if found is not None and (found[0] == key or (background and found[0][0] == key[0])):
                self._entries.move_to_end(args)
                if found[0] != key and args not in self._refreshing:  # only the time bucket moved
                    self._refreshing.add(args)
                    threading.Thread(
                        target=self._refresh, args=(key, args, build), daemon=True, name="policykg-cache-refresh"
                    ).start()
                return found[1]
        value = build()
        self._put(key, args, value)
        return value

    def _refresh(self, key: StateKey, args: Hashable, build: Callable[[], object]) -> None:
        try:
            self._put(key, args, build())
        except Exception:  # keep serving the old value
            log.exception("rebuilding a cached value failed")
        finally:
            with self._lock:
                self._refreshing.discard(args)

    def _put(self, key: StateKey, args: Hashable, value: object) -> None:
        with self._lock:
            self._entries[args] = (key, value)
            self._entries.move_to_end(args)
            for old in [a for a, (k, _) in self._entries.items() if k[0] != key[0]]:
                del self._entries[old]  # built before a write: never served again
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
