"""The one cache of values built from the store (server/store/cache.py): kept until the store's
generation changes; a store without one is seen through its own writes at once and otherwise
refreshed per time period (in a thread with ``background``)."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from server.store import EmbeddedStore
from server.store import cache as cache_mod
from server.store.cache import StoreCache

TTL = ox.RdfFormat.TURTLE


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(cache_mod, "time", c)
    return c


class Builds:
    """A build function that counts its calls and returns the store's triple count."""

    def __init__(self, store) -> None:
        self.store, self.calls = store, 0

    def __call__(self) -> int:
        self.calls += 1
        return self.store.triple_count()


def test_kept_until_the_generation_changes(clock):
    st = EmbeddedStore(None)
    cache, build = StoreCache(), Builds(st)
    assert cache.get(st, None, build) == 0 and cache.get(st, None, build) == 0
    assert build.calls == 1
    clock.now += 10 * cache.ttl  # a store with a generation never expires by time
    assert cache.get(st, None, build) == 0 and build.calls == 1
    st.load(b"<http://e/a> <http://e/p> 1 .", TTL, "http://e/g")
    assert cache.get(st, None, build) == 1 and build.calls == 2


def test_least_recently_used_dropped_and_earlier_states_never_served(clock):
    st = EmbeddedStore(None)
    cache = StoreCache(size=2)
    made: list[str] = []

    def build(name: str):
        return lambda: made.append(name) or f"{name}@{st.triple_count()}"

    assert [cache.get(st, n, build(n)) for n in ("a", "b", "a", "c")] == ["a@0", "b@0", "a@0", "c@0"]
    assert cache.get(st, "a", build("a")) == "a@0" and cache.get(st, "b", build("b")) == "b@0"
    assert made == ["a", "b", "c", "b"]  # b was the least recently used when c came
    st.load(b"<http://e/a> <http://e/p> 1 .", TTL, "http://e/g")
    assert cache.get(st, "a", build("a")) == "a@1"
    assert made[-1] == "a"


def test_without_generation_own_writes_at_once_others_after_the_period(clock):
    remote = SimpleNamespace(writes=0, count=5)
    cache = StoreCache()
    calls = []

    def build():
        calls.append(remote.count)
        return remote.count

    assert cache.get(remote, None, build) == 5
    remote.count = 6  # another client wrote: not seen within the period
    assert cache.get(remote, None, build) == 5
    remote.writes += 1  # this process wrote: seen at once
    assert cache.get(remote, None, build) == 6
    remote.count = 7
    clock.now += cache.ttl  # the period ends: rebuilt in the request
    assert cache.get(remote, None, build) == 7 and calls == [5, 6, 7]


def test_background_refresh_serves_the_old_value_meanwhile(clock):
    remote = SimpleNamespace(writes=0, count=1)
    cache = StoreCache()
    release, built = threading.Event(), threading.Event()

    def build():
        if remote.count == 2:  # the refresh: waits until the test has seen the old value served
            release.wait(30)
            built.set()
        return remote.count

    assert cache.get(remote, None, build, background=True) == 1
    remote.count = 2
    clock.now += cache.ttl
    assert cache.get(remote, None, build, background=True) == 1  # old value, refresh started
    assert cache.get(remote, None, build, background=True) == 1  # no second refresh meanwhile
    release.set()
    assert built.wait(30)
    for _ in range(1000):  # the thread stores the value right after building it
        if cache.get(remote, None, build, background=True) == 2:
            break
        threading.Event().wait(0.01)
    assert cache.get(remote, None, build, background=True) == 2


def test_a_failed_refresh_keeps_the_old_value(clock):
    remote = SimpleNamespace(writes=0)
    cache = StoreCache()
    refreshed = threading.Event()
    assert cache.get(remote, None, lambda: "old", background=True) == "old"

    def failing():
        try:
            raise RuntimeError("store down")
        finally:
            refreshed.set()

    clock.now += cache.ttl
    assert cache.get(remote, None, failing, background=True) == "old"
    assert refreshed.wait(30)
    # still there: a missing value would be built in the request ("new")
    assert cache.get(remote, None, lambda: "new", background=True) == "old"
