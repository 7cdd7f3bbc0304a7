"""Values built from the whole store (the vocabulary's labels, the label index, class counts,
sorted instance lists, export dumps, the triple count), kept until the store changes.

A value is keyed by the store's ``generation``: the embedded store's published checkpoint
number, which every process sees change after any write (server.store.embedded), or the external
store's generation marker, which every replica sees change within ``store_check_interval``
seconds of a write through any of them (server.store.registry). A store without one is keyed by
its ``writes`` through this process, seen at once, and falls back to time for the rest: its
values are rebuilt after at most ``ttl`` seconds, and with ``background`` that rebuild runs in a
thread while the old value keeps being served.

A value given an ``update`` follows writes without a rebuild: when the store knows what the writes
since the value's generation changed (``store.changes``, server.store.delta), ``update(value,
changes)`` makes the new value from the old one (or None: rebuild it). Otherwise (a change not known, another replica's
write on an external store) the value is rebuilt.

A past view of the store (``asOf`` / ``recordedBefore``: a store with a ``cache_view``) has values of
its own, the ``PAST_VIEWS`` most recently used views per value, kept apart from the current store's
so that a past-view request never pushes those out.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from server.store.base import Store
from server.store.delta import Delta

log = logging.getLogger(__name__)

CACHE_TTL = 60.0  # seconds; writes to a store without a generation are seen after at most this long
PAST_VIEWS = 2  # past views whose values are kept, per value kept for the current store
T = TypeVar("T")
#: (the store's state, a time bucket or None): see ``StoreCache.key``
StateKey = tuple[tuple[Hashable, ...], int | None]


class StoreCache:
    """Up to ``size`` values, each built by ``get(store, args, build)`` for its ``args``; the least
    recently used is dropped beyond ``size``, and values of an earlier store state are never served
    again (except, with ``background``, while a time-expired one is being rebuilt)."""

    def __init__(self, size: int = 1, ttl: float = CACHE_TTL):
        self.size = size
        self.ttl = ttl
        # the values are whatever each caller's ``build`` returns (``get`` gives it back as its T),
        # by ``args`` for the store itself, by (view, args) for its past views
        self._entries: OrderedDict[Hashable, tuple[StateKey, Any]] = OrderedDict()
        self._views: OrderedDict[Hashable, tuple[StateKey, Any]] = OrderedDict()
        self._refreshing: set[Hashable] = set()
        self._lock = threading.Lock()

    def key(self, store: Store) -> StateKey:
        """(the store's state, a time bucket): (store, generation), None; or, without a
        generation, (store, None, this process's writes), the current ``ttl`` period."""
        generation = getattr(store, "generation", None)
        ident = getattr(store, "cache_view", None) or id(store)
        if generation is not None:
            return (ident, generation), None
        return (ident, None, getattr(store, "writes", 0)), int(time.monotonic() // self.ttl)

    def _table(self, store: Store, args: Hashable) -> tuple[OrderedDict[Hashable, tuple[StateKey, Any]], Hashable]:
        view = getattr(store, "cache_view", None)
        return (self._entries, args) if view is None else (self._views, (view, args))

    def get(
        self,
        store: Store,
        args: Hashable,
        build: Callable[[], T],
        *,
        background: bool = False,
        update: Callable[[T, list[Delta]], T | None] | None = None,
    ) -> T:
        """The value for ``args`` at the store's current state, built by ``build()`` when missing,
        or made by ``update(old value, changes)`` from the value of an earlier generation when the
        store knows the changes since. With ``background``, ``build`` must not need the request:
        it may run in a thread."""
        key = self.key(store)
        table, slot = self._table(store, args)
        with self._lock:
            found = table.get(slot)
            if found is not None and (found[0] == key or (background and found[0][0] == key[0])):
                table.move_to_end(slot)
                if found[0] != key and slot not in self._refreshing:  # only the time bucket moved
                    self._refreshing.add(slot)
                    threading.Thread(
                        target=self._refresh, args=(store, key, args, build), daemon=True, name="policykg-cache-refresh"
                    ).start()
                return found[1]
        value = self._updated(store, found, key, update) if found is not None and update is not None else None
        if value is None:
            value = build()
        self._put(store, key, args, value)
        return value

    def follow(self, store: Store, args: Hashable, update: Callable[[T, list[Delta]], T | None]) -> None:
        """Bring the value for ``args`` to the store's current state with ``update`` when it is
        of an earlier state and the store knows the changes since; never builds one."""
        key = self.key(store)
        table, slot = self._table(store, args)
        with self._lock:
            found = table.get(slot)
        if found is None or found[0] == key:
            return
        value = self._updated(store, found, key, update)
        if value is not None:
            self._put(store, key, args, value)

    @staticmethod
    def _updated(
        store: Store, found: tuple[StateKey, Any], key: StateKey, update: Callable[[T, list[Delta]], T | None]
    ) -> T | None:
        """The old value brought to ``key`` by the store's changes since, or None when they are unknown."""
        (old_ident, old_generation, *_), (ident, _generation, *_) = found[0][0], key[0]
        if old_ident != ident or not isinstance(old_generation, int):
            return None
        deltas = store.changes(old_generation)
        if deltas is None:
            return None
        try:
            return update(found[1], deltas)
        except Exception:  # a bug in an update must not break the page: rebuild instead
            log.exception("updating a cached value failed; rebuilding it")
            return None

    def _refresh(self, store: Store, key: StateKey, args: Hashable, build: Callable[[], object]) -> None:
        slot = self._table(store, args)[1]
        try:
            self._put(store, key, args, build())
        except Exception:  # keep serving the old value
            log.exception("rebuilding a cached value failed")
        finally:
            with self._lock:
                self._refreshing.discard(slot)

    def _put(self, store: Store, key: StateKey, args: Hashable, value: object) -> None:
        table, slot = self._table(store, args)
        with self._lock:
            table[slot] = (key, value)
            table.move_to_end(slot)
            ident = key[0][0]
            for old in [a for a, (k, _) in table.items() if k[0][0] == ident and k[0] != key[0]]:
                del table[old]  # built before a write: never served again
            while len(table) > (self.size if table is self._entries else self.size * PAST_VIEWS):
                table.popitem(last=False)
