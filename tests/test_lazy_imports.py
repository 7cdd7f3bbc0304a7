"""What `policykg serve` holds in memory: its processes import the ingest service, rdflib, pySHACL and
the reasoner only when a request needs them (server.views.ingest, server.views.curate,
server.cli.ingest), and the store is seeded by a forked child that leaves no process behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from conftest import ROOT, TOKEN, start_policykg

HEAVY = ("rdflib", "pyshacl", "owlrl", "natasha", "server.ingest.workflow", "server.graph.validate")


def test_serving_imports_no_ingest_validation_or_reasoning_library():
    """What `policykg serve`'s main process imports (the CLI, then the views before the fork) and
    what a worker adds (create_app's curation pages): none of the heavy libraries."""
    code = (
        "import sys, server.cli.main, server.views.curate\n"
        "from server.app.factory import preload\n"
        "preload()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads the server's processes from /proc")
def test_a_served_app_still_answers_ingest_and_curation_requests():
    proc, url = start_policykg(
        "--memory",
        "--update-token",
        TOKEN,
        env={"POLICYKG_WORKERS": "2", "POLICYKG_LOG_LEVEL": "WARNING"},
    )
    try:
        workers = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        assert len(workers) == 2  # the seeding child has gone, and left no helper process
        auth = {"Authorization": f"Bearer {TOKEN}"}
        r = requests.get(url + "/ingest/drafts", headers=auth, timeout=60)
        assert r.status_code == 200 and r.json() == {"drafts": []}
        r = requests.get(url + "/ingest/drafts/no-such-draft", headers=auth, timeout=60)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
        r = requests.get(url + "/curate/sign-in", timeout=60)
        assert r.status_code == 200 and "<form" in r.text
        r = requests.get(url + "/sparql", params={"query": "ASK { ?s a ?c }"}, timeout=60)
        assert r.status_code == 200 and r.json()["boolean"] is True
    finally:
        proc.terminate()
        proc.wait(30)
