"""Progress of a streamed file load: a file that counts bytes as the loader pulls them."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

Progress = Callable[[int, int], None]  # (bytes read so far, file size)


class ProgressFile(io.FileIO):
    """A binary file (unbuffered) that calls ``progress(read, total)`` as data is read."""

    def __init__(self, path: str, progress: Progress):
        super().__init__(path, "r")
        self.total, self.read_bytes, self._progress = os.fstat(self.fileno()).st_size, 0, progress

    def _count(self, n: int) -> None:
        self.read_bytes += n
        self._progress(self.read_bytes, self.total)

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self._count(len(data))
        return data

    def readinto(self, buffer: WriteableBuffer) -> int:
        n = super().readinto(buffer)
        self._count(n)
        return n


def every_tenth(say: Callable[[str], None], name: str) -> Progress:
    """A progress callback that says '<name>: 10% (13 of 128 MB)' at each tenth."""
    shown = [0]

    def report(done: int, total: int) -> None:
        tenth = done * 10 // total if total else 10
        if tenth > shown[0]:
            shown[0] = tenth
            say(f"{name}: {tenth * 10}% ({done / 1e6:.0f} of {total / 1e6:.0f} MB read)")

    return report
