"""Two `policykg serve` replicas over one `oxigraph serve`: a write through one (SPARQL Update, a
Graph Store PUT) is shown by the other on every page, search, count and export, because both
read the store's generation marker (server.store.registry). Asserted by polling up to a
deadline (bench/replicas.py measures the times); tests/test_virtuoso.py runs the same on
Virtuoso."""

from __future__ import annotations

import pytest
import replica_probes as rp
from conftest import TOKEN, start_policykg

from server.app.factory import ensure_seeded
from server.core.settings import Settings
from server.store.remote import RemoteStore

DEADLINE = 30.0  # seconds of polling before a view counts as never showing the write


def seed(env: dict[str, str]) -> None:
    settings = Settings.from_env(env)
    with RemoteStore.from_settings(settings) as st:
        ensure_seeded(st, settings)


def start_replicas(env: dict[str, str], count: int = 2) -> list:
    """``count`` replicas (one worker each) on the store of ``env``: [(process, url)]."""
    started = []
    try:
        for _ in range(count):
            started.append(start_policykg("--workers", "1", "--update-token", TOKEN, env=env))
    except Exception:
        stop_replicas(started)
        raise
    return started


def stop_replicas(started: list) -> None:
    for proc, _ in started:
        proc.terminate()
        proc.wait(30)


def check_replicas(urls: list[str], env: dict[str, str]) -> None:
    """Each write kind through the first replica (or beside it, for `policykg load`), seen by the
    second on every probe."""
    writer, reader = urls
    for n, (kind, write) in enumerate(rp.WRITES.items()):
        before = rp.baseline(reader)
        rp.prime(reader, n, before)
        write(writer, TOKEN, n, env)
        seen = rp.wait_until_seen(reader, n, before, DEADLINE)
        missing = sorted(set(rp.probes(before)) - set(seen))
        assert not missing, f"after a {kind} through one replica, the other never showed it in: {missing}"


@pytest.fixture(scope="module")
def oxigraph_replicas(tmp_path_factory):
    from test_remote_store import OXIGRAPH, OxigraphServer

    if OXIGRAPH is None:
        pytest.skip("the `oxigraph` server (PyPI package oxigraph) is not installed")
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph-replicas"))
    env = {"POLICYKG_STORE": srv.store_url}
    seed(env)
    started = start_replicas(env)
    yield [url for _, url in started], env
    stop_replicas(started)
    srv.stop()


def test_a_write_through_one_replica_is_seen_by_the_other(oxigraph_replicas):
    check_replicas(*oxigraph_replicas)
