"""Virtuoso for the scale benchmarks (bench/run.py, phase ``virtuoso``, and bench/virtuoso_scale.py):
a throw-away ``virtuoso-t``
(tests/virtuoso_server.py) with buffers for millions of triples, filled by its bulk loader
(``ld_dir`` + ``rdf_loader_run`` + ``checkpoint`` through isql) from the N-Quads export of the
embedded store, so that it holds the same quads as the other servers. policykg reaches it through
the three URL settings with ``store_dialect=virtuoso`` (docs/deployment.md).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from http_bench import tree_cpu_seconds
from virtuoso_server import MISSING, VirtuosoServer, available

#: Debian's ini keeps 10000 buffers (80 MB): too few for millions of quads. 340000 buffers of
#: 8 kB (2.7 GB) is the ini's own suggestion for a machine with 4 GB free.
BUFFERS = {"NumberOfBuffers": "340000", "MaxDirtyBuffers": "250000"}

__all__ = ["BUFFERS", "MISSING", "available", "env", "start_loaded"]


def start_loaded(work: Path, nq: Path, timeout: float = 3600) -> tuple[VirtuosoServer, float, float]:
    """Start Virtuoso in ``work`` and bulk-load the N-Quads file ``nq`` (each quad into its own
    graph); returns the server and the wall and CPU seconds (of virtuoso-t) the load took (loader
    run and checkpoint)."""
    folder = nq.resolve().parent
    if "'" in str(folder) or "'" in nq.name:
        raise ValueError(f"a quote in {nq}: not passed to isql")
    ini = {**BUFFERS, "DirsAllowed": f"., /usr/share/virtuoso-opensource-7/vad, {folder}"}
    server = VirtuosoServer(work, ini=ini)
    try:
        t0, c0 = time.perf_counter(), tree_cpu_seconds([server.proc.pid])
        server.isql(
            f"ld_dir('{folder}', '{nq.name}', 'urn:policykg:bench:unnamed'); rdf_loader_run(); checkpoint;",
            timeout=timeout,
        )
        seconds, cpu = time.perf_counter() - t0, tree_cpu_seconds([server.proc.pid]) - c0
        errors = server.isql("SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
        if "0 Rows" not in errors:
            raise RuntimeError(f"Virtuoso's bulk loader reported errors:\n{errors}")
    except BaseException:
        server.stop()
        raise
    return server, seconds, cpu


def env(server: VirtuosoServer) -> dict[str, str]:
    """The POLICYKG_* settings of policykg on this Virtuoso."""
    return {**server.env, "POLICYKG_STORE_DIALECT": "virtuoso"}
