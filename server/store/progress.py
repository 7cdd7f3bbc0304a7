"""Progress of a streamed file load: a reader that counts bytes as the loader pulls them."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO, Any, Self

Progress = Callable[[int, int], None]  # (bytes read so far, file size)


class ProgressReader:
    """Wraps a binary file; calls ``progress(read, total)`` as data is read (pyoxigraph and
    requests only need ``read``)."""

    def __init__(self, f: IO[bytes], total: int, progress: Progress):
        self._f, self.total, self._progress, self.read_bytes = f, total, progress, 0

    def read(self, size: int = -1) -> bytes:
        data = self._f.read(size)
        self.read_bytes += len(data)
        self._progress(self.read_bytes, self.total)
        return data

    def __getattr__(self, name: str) -> Any:  # whatever the wrapped file has
        return getattr(self._f, name)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self._f.close()


def open_with_progress(path: str, progress: Progress) -> ProgressReader:
    return ProgressReader(open(path, "rb"), os.path.getsize(path), progress)


def every_tenth(say: Callable[[str], None], name: str) -> Progress:
    """A progress callback that says '<name>: 10% (13 of 128 MB)' at each tenth."""
    shown = [0]

    def report(done: int, total: int) -> None:
        tenth = done * 10 // total if total else 10
        if tenth > shown[0]:
            shown[0] = tenth
            say(f"{name}: {tenth * 10}% ({done / 1e6:.0f} of {total / 1e6:.0f} MB read)")

    return report
