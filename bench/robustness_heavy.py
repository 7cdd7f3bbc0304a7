"""The heavy robustness run: `python bench/robustness_heavy.py` (one command).

Runs tests/robustness with POLICYKG_HEAVY=1 (10x the fuzz examples, >= 100 SIGKILL iterations,
30 s of concurrent readers/writers, more simultaneous runaways) and writes the figures to
bench/results/robustness-heavy.json. Extra arguments are passed to pytest (e.g. -k fuzz).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    report = ROOT / "bench" / "results" / "robustness-heavy.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "POLICYKG_HEAVY": "1", "POLICYKG_ROBUSTNESS_REPORT": str(report)}
    started = time.monotonic()
    code = subprocess.call([sys.executable, "-m", "pytest", "tests/robustness", "-q", "-rxX", *argv], cwd=ROOT, env=env)
    print(f"heavy robustness run: exit {code} in {time.monotonic() - started:.0f} s; figures in {report}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
