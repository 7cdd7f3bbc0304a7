"""Immutable checkpoints of the on-disk store for the query executor processes.

A RocksDB read-only handle opened on a folder that another process is writing is not a
snapshot: the writer's compaction deletes SST files under it ("Corruption ... No such file")
and an open during a write can see it half-applied. So after each write, while it still holds
the write lock, the store makes a checkpoint (``pyoxigraph.Store.backup``: hard links on the
same file system, a few ms) into ``<store>/.snapshots/<n>``; executors open that folder
read-only. A checkpoint never changes, so every read sees one whole, acknowledged state.

Old checkpoints are deleted once superseded and no job is using them (jobs hold a reference
while they run; an executor killed at its timeout releases it too). Snapshots are only made
once an executor pool asked for them (``EmbeddedStore.snapshots()``).
"""

from __future__ import annotations

import itertools
import logging
import shutil
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
FOLDER = ".snapshots"  # inside the store folder: same file system (hard links); RocksDB ignores it
LOCK_WAIT = 5.0  # seconds a reader waits for the write lock when it must make a missing snapshot


class Snapshots:
    def __init__(self, store: Any):
        self._store = store
        self.root = Path(store.path) / FOLDER
        shutil.rmtree(self.root, ignore_errors=True)  # left by a previous server: nobody reads them
        self._lock = threading.Lock()  # guards the fields below (never held during a backup)
        self._seq = itertools.count(1)
        self._latest: tuple[int, str] | None = None  # (store generation, folder)
        self._making: str | None = None
        self._in_use: Counter[str] = Counter()
        self.made = 0
        self.last_seconds = 0.0

    def after_write(self, generation: int) -> None:
        """Called by the store, under its write lock, once a write is flushed."""
        try:
            self._make(generation)
        except Exception as exc:  # noqa: BLE001 - e.g. disk full: readers retry, or read the live folder
            log.warning("could not make a store snapshot for the query executors: %s", exc)

    def _make(self, generation: int) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        path = str(self.root / str(next(self._seq)))
        with self._lock:
            self._making = path
        started = time.perf_counter()
        try:
            self._store.raw.backup(path)
        except BaseException:
            with self._lock:
                self._making = None
            shutil.rmtree(path, ignore_errors=True)
            shutil.rmtree(path + ".tmp", ignore_errors=True)
            raise
        self.last_seconds = time.perf_counter() - started
        self.made += 1
        with self._lock:  # one step, so that a concurrent _collect always keeps it
            self._latest = (generation, path)
            self._making = None
        self._collect()

    def acquire(self) -> str | None:
        """The folder of a checkpoint of the latest acknowledged state, reserved until
        ``release``; None if none can be made (the caller reads the live folder)."""
        latest = self._latest
        # none yet, or the last one failed: make it under the write lock
        if (latest is None or latest[0] < self._store.generation) and self._store._lock.acquire(timeout=LOCK_WAIT):
            try:
                latest = self._latest
                if latest is None or latest[0] < self._store.generation:
                    self.after_write(self._store.generation)
            finally:
                self._store._lock.release()
        with self._lock:
            if self._latest is None or self._latest[0] < self._store.generation:
                return None  # cannot make one (e.g. disk full): never serve a stale state
            path = self._latest[1]
            self._in_use[path] += 1
            return path

    def release(self, path: str | None) -> None:
        if path is None:
            return
        with self._lock:
            self._in_use[path] -= 1
            if self._in_use[path] <= 0:
                del self._in_use[path]
        self._collect()

    def _collect(self) -> None:
        """Delete superseded checkpoints that no running job uses."""
        try:
            entries = list(self.root.iterdir())  # listed BEFORE reading what to keep: one made
        except OSError:  # in between is not listed, so not deleted
            return
        with self._lock:
            keep = set(self._in_use) | {p for p in (self._making, self._latest and self._latest[1]) if p}
        for entry in entries:
            # RocksDB writes a checkpoint into "<folder>.tmp" and renames it when complete
            if str(entry).removesuffix(".tmp") not in keep:
                shutil.rmtree(entry, ignore_errors=True)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
