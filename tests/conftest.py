"""Shared fixtures: settings, stores, the app, a Flask client, and a real HTTP server on
127.0.0.1 (werkzeug in a thread, or the real `policykg serve` in a subprocess)."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from server.app.factory import create_app, ensure_seeded
from server.core.settings import Settings
from server.store import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
W3C = ROOT.parent / "shared" / "w3c" / "sparql"
ARTICLE = ROOT / "data" / "sources" / "article-2026-01-27.txt"
TOKEN = "test-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def seeded_store() -> EmbeddedStore:
    """The shipped ontology + data + inferences in memory, loaded once (treat as read-only)."""
    settings = Settings.from_env({}, memory=True)
    store = EmbeddedStore(None)
    ensure_seeded(store, settings)
    return store


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings.from_env({}, memory=True, data_dir=str(tmp_path / "store"), update_token=TOKEN)


@functools.cache
def seed_quads() -> bytes:
    """A freshly seeded store as N-Quads, its history graph included, made once per test process: each
    ``seeded_copy()`` loads it (~0.1 s instead of seeding's validation and reasoning, ~2 s)."""
    st = EmbeddedStore(None)
    ensure_seeded(st, Settings.from_env({}, memory=True))
    return st.dump(ox.RdfFormat.N_QUADS)


def seeded_copy() -> EmbeddedStore:
    """A fresh in-memory store holding the ontology and the seed data with their inferences."""
    st = EmbeddedStore(None)
    st.load(seed_quads(), ox.RdfFormat.N_QUADS, None)
    return st


@pytest.fixture
def store() -> EmbeddedStore:
    """A fresh seeded in-memory store for tests that write."""
    return seeded_copy()


@pytest.fixture
def app(settings, store):
    return create_app(settings, store=store)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def readonly_app(seeded_store):
    return create_app(Settings.from_env({}, memory=True), store=seeded_store)


@pytest.fixture(scope="session")
def readonly_client(readonly_app):
    return readonly_app.test_client()


class LiveServer:
    def __init__(self, app, port: int):
        from werkzeug.serving import make_server

        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self._server = make_server("127.0.0.1", port, app, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> LiveServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()


@pytest.fixture
def live_server(app):
    """A real HTTP server on 127.0.0.1 (werkzeug, threaded) around a writable app."""
    srv = LiveServer(app, free_port()).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def readonly_server(readonly_app):
    srv = LiveServer(readonly_app, free_port()).start()
    yield srv
    srv.stop()


def extract_text(text: str, **kw):
    """The ingest rules on ``text`` (and the learned reader of changes beside them): ``extract`` with a linker to no
    store (``published=`` etc. passed on); legal acts by the rules alone unless ``act_reader=True``."""
    from server.ingest.extract import extract
    from server.ingest.linking import Linker

    kw.setdefault("act_reader", False)
    return extract(text, Linker(None, Settings.from_env({}, memory=True)), **kw)


def extract_orgs(text: str, **kw) -> dict[str, list[str]]:
    """The organisations ``extract_text`` finds: label -> its other labels."""
    return {o.label_ru: o.alt_ru for o in extract_text(text, **kw).orgs}


def extract_persons(text: str) -> list[str]:
    """The persons ``extract_text`` finds, by label, in the order of their first mention."""
    return [p.label_ru for p in extract_text(text).persons]


def extract_posts(text: str) -> set[tuple[str, str | None, str | None, str]]:
    """The posts ``extract_text`` finds: (holder, role concept, organisation or else region, role as written)."""
    out = set()
    for p in extract_text(text).posts:
        where = p.org.label_ru if p.org else p.region.label if p.region else None
        out.add((p.person.label_ru, p.role, where, p.role_ru))
    return out


def act_details(text: str, year: int = 2024) -> list[tuple[str, str | None, str | None, str | None]]:
    """The legal acts the rules find in ``text`` alone (no organisations known), in order: (kind, number, date as
    ISO, title)."""
    from server.ingest import acts

    return [
        (r.kind_ru, r.number, r.date.isoformat() if r.date else None, r.title)
        for r in acts.legal_acts(text, [], lambda a, b: False, year, [])
    ]


def extract_post_roles(text: str) -> list[tuple[str, str, str | None]]:
    """The posts ``extract_text`` finds, in order: (holder, role as written, region or else organisation)."""
    return [
        (p.person.label_ru, p.role_ru, p.region.label if p.region else p.org.label_ru if p.org else None)
        for p in extract_text(text).posts
    ]


def start_policykg(*args: str, env: dict | None = None, port: int | None = None, timeout: float = 60):
    """Start the real `policykg serve` (Granian) in a subprocess; returns (process, url)."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "server", "serve", "--port", str(port), *args]
    proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"policykg serve exited: {proc.stdout.read().decode(errors='replace')}")
        try:
            if requests.get(url + "/health", timeout=1).status_code == 200:
                return proc, url
        except requests.RequestException:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("policykg serve did not become healthy")
