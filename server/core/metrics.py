"""Metrics in the Prometheus text format, summed over the worker processes of `policykg serve`.

Counters: requests by route, method and status; query timeouts. Histogram: query
durations. Gauges (read at scrape time by views/ops.py): store triple count, query executors.

Without a shared folder the counters are those of this process (tests, embedded apps).
With one (``settings.metrics_dir``, made by ``policykg serve``), every process also writes a
snapshot of its counters to ``<dir>/<pid>.json``: at most once per ``FLUSH_INTERVAL`` from a
timer thread (never from the request path), and right before rendering. ``render()`` sums
all the snapshots, so a scrape answered by any worker reports the totals of the server.
Files of exited workers stay, their counts are part of the totals: counters never go back.
"""

from __future__ import annotations

import bisect
import itertools
import json
import logging
import os
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from server.core.types import JSONObject

log = logging.getLogger(__name__)

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
FLUSH_INTERVAL = 1.0  # seconds between two snapshots of one process


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Metrics:
    def __init__(self, shared_dir: str | None = None, process_id: int | None = None) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[tuple[str, str, int]] = Counter()
        self.timeouts = 0
        self.cache_hits = 0
        self.cache_misses = 0
        self._bucket_hits = [0] * (len(BUCKETS) + 1)  # durations per bucket (not cumulative), the last: +Inf
        self._duration_sum = 0.0
        self._duration_count = 0
        self._dir = Path(shared_dir) if shared_dir else None
        self._process_id = process_id  # None: os.getpid() when writing (right after a fork too)
        self._write_lock = threading.Lock()  # snapshots are written in order, one at a time
        self._timer: threading.Timer | None = None
        self._adopted: int | None = None

    def request(self, route: str, method: str, status: int) -> None:
        with self._lock:
            self.requests[(route, method, status)] += 1
            self._schedule()

    def query(self, seconds: float) -> None:
        with self._lock:
            self._duration_sum += seconds
            self._duration_count += 1
            self._bucket_hits[bisect.bisect_left(BUCKETS, seconds)] += 1  # the first bound >= seconds
            self._schedule()

    def cache_lookup(self, hit: bool) -> None:
        with self._lock:
            if hit:
                self.cache_hits += 1
            else:
                self.cache_misses += 1
            self._schedule()

    def timeout(self) -> None:
        with self._lock:
            self.timeouts += 1
            self._schedule()

    # -- sharing between processes ---------------------------------------------------------
    def _schedule(self) -> None:
        """(Lock held.) Start a timer that writes the snapshot, unless one is pending."""
        if self._dir is None or (self._timer is not None and self._timer.is_alive()):
            return
        # not a daemon: a worker exiting gracefully waits (< FLUSH_INTERVAL) for its last counts.
        # Said explicitly: a thread inherits the flag of the thread that starts it, and Granian's
        # request threads are foreign to ``threading``, which counts them as daemons.
        self._timer = threading.Timer(FLUSH_INTERVAL, self.flush)
        self._timer.daemon = False
        self._timer.start()

    def _state(self) -> JSONObject:
        """(Lock held.)"""
        return {
            "requests": [[r, m, s, n] for (r, m, s), n in sorted(self.requests.items())],
            "timeouts": self.timeouts,
            "cache": [self.cache_hits, self.cache_misses],
            "buckets": self._cumulative(),
            "sum": self._duration_sum,
            "count": self._duration_count,
        }

    def _cumulative(self) -> list[int]:
        """(Lock held.) The histogram's buckets as Prometheus counts them: durations <= each bound."""
        return list(itertools.accumulate(self._bucket_hits[: len(BUCKETS)]))

    def _add(self, state: JSONObject) -> None:
        """(Lock held.) Add the counters of a snapshot to this object's."""
        buckets = [int(n) for n in state["buckets"]]
        if len(buckets) != len(BUCKETS):
            raise ValueError(f"{len(buckets)} histogram buckets, expected {len(BUCKETS)}")
        requests = Counter({(str(r), str(m), int(s)): int(n) for r, m, s, n in state["requests"]})
        timeouts, total, count = int(state["timeouts"]), float(state["sum"]), int(state["count"])
        self.requests.update(requests)
        self.timeouts += timeouts
        hits, misses = state.get("cache", (0, 0))
        self.cache_hits += int(hits)
        self.cache_misses += int(misses)
        for i, (below, upto) in enumerate(zip([0, *buckets], buckets)):
            self._bucket_hits[i] += upto - below
        self._duration_sum += total
        self._duration_count += count

    def flush(self) -> None:
        """Write this process's snapshot to <dir>/<pid>.json (atomically: temp file + rename)."""
        if self._dir is None:
            return
        pid = self._process_id or os.getpid()
        path = self._dir / f"{pid}.json"
        with self._write_lock:
            with self._lock:
                if threading.current_thread() is self._timer:
                    self._timer = None  # counts from now on are written by the next timer
                if self._adopted != pid:
                    # a file already there is from an exited process that had this pid (pids are
                    # reused): carry its counts on, or the totals would go back
                    self._adopted = pid
                    if path.exists():
                        try:
                            self._add(json.loads(path.read_text(encoding="utf-8")))
                        except (OSError, ValueError, TypeError, KeyError) as exc:
                            log.warning("metrics: ignoring unreadable %s: %s", path, exc)
                data = json.dumps(self._state())
            try:
                fd, tmp = tempfile.mkstemp(dir=self._dir, prefix=f".{pid}-", suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(data)
                os.replace(tmp, path)
            except OSError as exc:
                log.warning("metrics: cannot write %s: %s", path, exc)

    def _totals(self, shared_dir: Path) -> Metrics:
        """This process's counters plus those of every other process's snapshot in ``shared_dir``."""
        self.flush()
        own = f"{self._process_id or os.getpid()}.json"
        total = Metrics()
        with self._lock:
            total._add(self._state())
        for path in sorted(shared_dir.glob("*.json")):
            if path.name == own:
                continue
            try:
                total._add(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError, KeyError) as exc:
                log.warning("metrics: skipping unreadable %s: %s", path, exc)
        return total

    # -- rendering -------------------------------------------------------------------------
    def render(self, gauges: Iterable[tuple[str, str, float]] = ()) -> str:
        source = self._totals(self._dir) if self._dir is not None else self
        with source._lock:
            requests = sorted(source.requests.items())
            buckets = source._cumulative()
            total, count, timeouts = source._duration_sum, source._duration_count, source.timeouts
            hits, misses = source.cache_hits, source.cache_misses
        out = [
            "# HELP policykg_http_requests_total HTTP requests by route, method and status.",
            "# TYPE policykg_http_requests_total counter",
        ]
        for (route, method, status), n in requests:
            out.append(
                f'policykg_http_requests_total{{route="{_label(route)}",method="{method}",status="{status}"}} {n}'
            )
        out += [
            "# HELP policykg_query_duration_seconds SPARQL query evaluation time (including serialisation).",
            "# TYPE policykg_query_duration_seconds histogram",
        ]
        for bound, n in zip(BUCKETS, buckets):
            out.append(f'policykg_query_duration_seconds_bucket{{le="{bound:g}"}} {n}')
        out += [
            f'policykg_query_duration_seconds_bucket{{le="+Inf"}} {count}',
            f"policykg_query_duration_seconds_sum {total:.6f}",
            f"policykg_query_duration_seconds_count {count}",
            "# HELP policykg_query_timeouts_total Queries stopped at their time limit.",
            "# TYPE policykg_query_timeouts_total counter",
            f"policykg_query_timeouts_total {timeouts}",
            "# HELP policykg_result_cache_lookups_total Query answers looked up in the result cache, by outcome.",
            "# TYPE policykg_result_cache_lookups_total counter",
            f'policykg_result_cache_lookups_total{{outcome="hit"}} {hits}',
            f'policykg_result_cache_lookups_total{{outcome="miss"}} {misses}',
            "# HELP policykg_result_cache_hit_ratio Share of result cache lookups answered from the cache.",
            "# TYPE policykg_result_cache_hit_ratio gauge",
            f"policykg_result_cache_hit_ratio {hits / (hits + misses) if hits + misses else 0:g}",
        ]
        for name, help_text, value in gauges:
            out += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge", f"{name} {value:g}"]
        return "\n".join(out) + "\n"
