"""Per-process metrics in the Prometheus text format (gunicorn runs one worker, see wsgi.py).

Counters: requests by route, method and status; query timeouts. Histogram: query
durations. Gauges (read at scrape time): store triple count, query executors.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[tuple[str, str, int]] = Counter()
        self.timeouts = 0
        self._bucket_counts = [0] * len(BUCKETS)
        self._duration_sum = 0.0
        self._duration_count = 0

    def request(self, route: str, method: str, status: int) -> None:
        with self._lock:
            self.requests[(route, method, status)] += 1

    def query(self, seconds: float) -> None:
        with self._lock:
            self._duration_sum += seconds
            self._duration_count += 1
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    self._bucket_counts[i] += 1

    def timeout(self) -> None:
        with self._lock:
            self.timeouts += 1

    def render(self, gauges: Iterable[tuple[str, str, float]] = ()) -> str:
        with self._lock:
            requests = sorted(self.requests.items())
            buckets = list(self._bucket_counts)
            total, count, timeouts = self._duration_sum, self._duration_count, self.timeouts
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
        ]
        for name, help_text, value in gauges:
            out += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge", f"{name} {value:g}"]
        return "\n".join(out) + "\n"
