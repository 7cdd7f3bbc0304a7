"""Run a piece of Python against the project's code as it stood at a commit (``git archive`` of server/ into a
temporary directory): how the learned readers' benches read each set by the rules of its own time."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_at(commit: str, snippet: str, payload: Any) -> Any:
    """``snippet``'s JSON output, run with ``payload`` as JSON on stdin and the commit's server/ on its path."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "server"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        out = subprocess.run(
            [sys.executable, "-c", snippet],
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
        )
    return json.loads(out.stdout)
