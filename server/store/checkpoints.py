"""Published checkpoints of an on-disk store, shared by every process that opens the folder.

RocksDB lets one process at a time open a folder for writing, and a read-only handle on a
folder that another process writes is not a snapshot: compaction deletes files under it and an
open during a write can see it half-applied. So every process that opens an on-disk store
(server workers, query executors, a CLI command run beside the server) shares it like this:

- A writer takes an exclusive lock (``flock`` on ``<store>/.snapshots/write.lock``), opens the
  folder read-write, writes, flushes, makes a checkpoint (``Store.backup``: hard links, a few
  ms) into ``.snapshots/<n>`` and publishes it by atomically replacing ``.snapshots/CURRENT``
  with ``n``; then it closes the folder and releases the lock. Only then is a write
  acknowledged, so a reader in any process sees it on its next read (read-your-writes).
- A reader opens the checkpoint named by CURRENT read-only and holds a shared lock on
  ``.snapshots/<n>.readers`` while its handle is open; it reopens when CURRENT changes (one
  ``stat`` per read). A checkpoint never changes, so every read sees one whole state.
- Superseded checkpoints are deleted by the next writer once no reader holds their lock.
- ``PENDING`` exists while a write is under way; a writer killed before publishing leaves it,
  and the next process to open the store publishes the folder's state.

``n`` is the store's generation: caches keyed on it are valid across processes.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

log = logging.getLogger(__name__)
FOLDER = ".snapshots"  # inside the store folder: same file system (hard links); RocksDB ignores it
OPEN_ATTEMPTS = 5


class NoCheckpoint(Exception):
    """No published checkpoint can be opened (none made yet, or it vanished)."""


@dataclass
class Reader:
    """A read-only handle on checkpoint ``seq``; holds the checkpoint's shared lock until closed."""

    seq: int
    store: ox.Store | None  # None once closed
    _fd: int

    def close(self) -> None:
        self.store = None  # results still being read keep the handle alive on their own
        if self._fd >= 0:
            os.close(self._fd)  # releases the shared lock
            self._fd = -1


class Checkpoints:
    def __init__(self, path: str | Path):
        self.root = Path(path) / FOLDER
        self.root.mkdir(parents=True, exist_ok=True)
        self._current = self.root / "CURRENT"
        self.pending = self.root / "PENDING"
        self._seen: tuple[int, int, int] | None = None
        self._seq: int | None = None
        self._identity: str | None = None

    # -- writers ------------------------------------------------------------------------
    @contextlib.contextmanager
    def write_lock(self) -> Iterator[None]:
        """Exclusive across processes (and threads: each call opens its own descriptor)."""
        fd = os.open(self.root / "write.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def publish(self, rw: ox.Store) -> int:
        """Checkpoint the flushed read-write store ``rw`` and make it current (caller holds
        the write lock). Returns its number, the store's new generation."""
        self.identity()  # made with the first checkpoint, while the folder is writable
        seq = self.next_number()
        folder = self.root / str(seq)
        try:
            rw.backup(str(folder))
            (self.root / f"{seq}.readers").touch()
            tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
            tmp.write_text(str(seq))
            os.replace(tmp, self._current)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self.collect()
        return seq

    def next_number(self) -> int:
        """The number the next ``publish`` gives (caller holds the write lock)."""
        return max([self.current() or 0, *self._numbers()]) + 1

    def collect(self) -> None:
        """Delete superseded checkpoints that no reader holds (caller holds the write lock)."""
        keep = self.current()
        for entry in self.root.iterdir():
            stem = entry.name.removesuffix(".readers").removesuffix(".tmp")
            if not stem.isdigit() or int(stem) == keep:
                continue
            if entry.name.endswith(".readers"):
                lock = entry
            elif (self.root / f"{stem}.readers").exists():
                continue  # removed together with its lock file below
            else:  # a checkpoint whose lock file is gone, or RocksDB's "<n>.tmp" of a killed backup
                shutil.rmtree(entry, ignore_errors=True)
                continue
            try:
                fd = os.open(lock, os.O_RDONLY)
            except FileNotFoundError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise
                continue  # a reader still holds it
            try:
                shutil.rmtree(self.root / stem, ignore_errors=True)  # the folder before its lock file:
                lock.unlink(missing_ok=True)  # a reader that locks it late finds no folder
            finally:
                os.close(fd)

    def identity(self) -> str | None:
        """A random name of this folder's line of checkpoints, made with the first one: numbers
        start again if ``.snapshots`` is deleted, the pair (identity, number) never repeats.
        None if it cannot be read or made (e.g. a read-only folder from before identities)."""
        if self._identity is not None:
            return self._identity
        path = self.root / "ID"
        try:
            if not path.exists():
                tmp = self.root / f"ID.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
                tmp.write_text(uuid.uuid4().hex)
                try:
                    os.link(tmp, path)  # the first process wins; the others read its name
                except FileExistsError:
                    pass
                finally:
                    tmp.unlink(missing_ok=True)
            self._identity = path.read_text().strip() or None
        except OSError as exc:
            log.warning("no identity for the checkpoints in %s: %s", self.root, exc)
            return None
        return self._identity

    def _numbers(self) -> list[int]:
        return [int(e.name) for e in self.root.iterdir() if e.name.isdigit()]

    # -- readers ------------------------------------------------------------------------
    def current(self) -> int | None:
        """The published checkpoint's number (one ``stat``; the file is read when it changed)."""
        try:
            st = os.stat(self._current)
        except FileNotFoundError:
            return None
        key = (st.st_ino, st.st_mtime_ns, st.st_size)
        if key != self._seen:
            try:
                self._seq = int(self._current.read_text().strip())
            except (OSError, ValueError):
                return None
            self._seen = key
        return self._seq

    def open_reader(self, seq: int | None = None) -> Reader:
        """A read-only handle on checkpoint ``seq`` (default: the current one)."""
        for _attempt in range(OPEN_ATTEMPTS):
            n = self.current() if seq is None else seq
            if n is None:
                break
            try:
                fd = os.open(self.root / f"{n}.readers", os.O_RDONLY)
            except FileNotFoundError:
                if seq is not None:
                    break
                self._seen = None
                continue
            fcntl.flock(fd, fcntl.LOCK_SH)
            folder = self.root / str(n)
            if not folder.is_dir():  # collected between our read of CURRENT and our lock
                os.close(fd)
                if seq is not None:
                    break
                self._seen = None
                continue
            try:
                return Reader(n, ox.Store.read_only(str(folder)), fd)
            except BaseException:
                os.close(fd)
                raise
        raise NoCheckpoint(f"no published checkpoint {'' if seq is None else seq} in {self.root}")
