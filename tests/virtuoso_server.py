"""A throw-away Virtuoso (Debian package ``virtuoso-opensource``) for tests and benches: its own
database folder and ``virtuoso.ini`` in a temporary folder, free ports on 127.0.0.1, started with
``virtuoso-t -f`` (in the foreground, a child of this process) and stopped by ``stop()``. Never
the system service.

SPARQL Update is granted to Virtuoso's ``SPARQL`` user and Graph Store writes to anonymous users
(``/sparql`` and ``/sparql-graph-crud`` then take writes without credentials: only ever on
127.0.0.1, for a test).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import requests

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
MISSING = "Virtuoso is not installed (apt-get install virtuoso-opensource)"
#: [SPARQL] limits of the Debian ini that would cut answers short (docs/deployment.md): no row cap
#: below policykg's own, no refusal by estimated cost (policykg has its own timeout)
SPARQL_LIMITS = {"ResultSetMaxRows": "1000000", "MaxQueryCostEstimationTime": "0"}
GRANTS = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"


def available() -> bool:
    return VIRTUOSO is not None and ISQL is not None and SYSTEM_INI.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class VirtuosoServer:
    """``url``: http://127.0.0.1:port; ``env``: the three POLICYKG_STORE_*_URL settings for it."""

    def __init__(self, work: Path, *, timeout: float = 120, ini: dict[str, str] | None = None):
        """``ini``: more ``virtuoso.ini`` keys to set (any section), e.g. ``NumberOfBuffers``."""
        if not available():
            raise RuntimeError(MISSING)
        db = work / "db"
        db.mkdir(parents=True, exist_ok=True)
        self.sql_port, self.http_port = _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        ini_path = work / "virtuoso.ini"
        ini_path.write_text(self._ini(db, ini or {}), encoding="utf-8")
        self.proc = subprocess.Popen(
            [str(VIRTUOSO), "-f", "-c", str(ini_path)], cwd=db, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited ({self.proc.returncode}); see {db / 'virtuoso.log'}")
            try:
                requests.get(self.url + "/sparql", params={"query": "ASK {}"}, timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.3)
        else:
            self.stop()
            raise RuntimeError("Virtuoso did not start")
        self.isql(GRANTS)

    def _ini(self, db: Path, extra: dict[str, str]) -> str:
        lines = []
        for line in SYSTEM_INI.read_text(encoding="utf-8").splitlines():
            line = line.replace("/var/lib/virtuoso-opensource-7/db", str(db))
            key = line.split("=")[0].strip()
            if key == "ServerPort" and "1111" in line:
                line = f"ServerPort = 127.0.0.1:{self.sql_port}"
            elif key == "ServerPort" and "8890" in line:
                line = f"ServerPort = 127.0.0.1:{self.http_port}"
            elif key in SPARQL_LIMITS or key in extra:
                line = f"{key} = {extra.get(key, SPARQL_LIMITS.get(key))}"
            lines.append(line)
        return "\n".join(lines) + "\n"

    def isql(self, statements: str, timeout: float = 120) -> str:
        """Run SQL statements as dba (the default password of a new database)."""
        done = subprocess.run(
            [str(ISQL), str(self.sql_port), "dba", "dba", f"exec={statements}"],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return done.stdout

    @property
    def env(self) -> dict[str, str]:
        return {
            "POLICYKG_STORE_QUERY_URL": self.url + "/sparql",
            "POLICYKG_STORE_UPDATE_URL": self.url + "/sparql",
            "POLICYKG_STORE_GSP_URL": self.url + "/sparql-graph-crud",
        }

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
