"""The on-disk store shared by several processes (server.store.checkpoints): writes under a
cross-process lock publish a checkpoint, reads see the latest published one, superseded
checkpoints are collected, a killed writer is recovered, replace loads write exactly the new
content, rejected writes change nothing."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from conftest import ROOT, TOKEN, start_policykg
from rdflib import Graph
from rdflib.compare import isomorphic

from server.core.errors import BadRequest, QuerySyntaxError, RDFSyntaxError
from server.store import EmbeddedStore, embedded
from server.store.checkpoints import FOLDER, Checkpoints

EX = "http://example.org/ckpt/"
G = EX + "graph/main"
OTHER = EX + "graph/other"
BASE = "http://localhost:8000/id/"
SPAWN = multiprocessing.get_context("spawn")  # never fork a process that has RocksDB threads
JSON = "application/sparql-results+json"


# -- helpers ------------------------------------------------------------------------------
def nt(store: EmbeddedStore, graph: str) -> set[str]:
    """The graph's triples as a set of N-Triples lines."""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)]
    return _lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def _lines(data: bytes | None) -> set[str]:
    return {line.strip() for line in (data or b"").decode("utf-8").splitlines() if line.strip()}


def turtle_lines(ttl: str) -> set[str]:
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(ttl, ox.RdfFormat.TURTLE)]
    return _lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def rdflib_graph(store: EmbeddedStore, graph: str) -> Graph:
    g = Graph()
    g.parse(data="\n".join(sorted(nt(store, graph))), format="nt")
    return g


def all_quads(store: EmbeddedStore) -> set[str]:
    return _lines(ox.serialize(list(store.quads()), format=ox.RdfFormat.N_QUADS))


def insert(s: str, o: int, graph: str = G) -> str:
    # test-controlled IRIs and integers only
    return f"INSERT DATA {{ GRAPH <{graph}> {{ <{s}> <{EX}p> {o} }} }}"


def numbered(path: Path) -> set[int]:
    return {int(e.name) for e in (path / FOLDER).iterdir() if e.name.isdigit()}


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.fixture
def disk(tmp_path):
    st = EmbeddedStore(tmp_path / "store")
    yield st
    st.close()


# -- 1. two stores on one folder in one process behave like two processes ------------------
def test_two_stores_on_one_folder_see_each_others_writes(tmp_path):
    a, b = EmbeddedStore(tmp_path), EmbeddedStore(tmp_path)
    try:
        assert b.graphs() == [] and not b.has_graph(G)  # B holds a reader on the old state
        a.update(insert(EX + "s1", 1))
        assert nt(b, G) == {f'<{EX}s1> <{EX}p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .'}
        assert [(gi.iri, gi.triples) for gi in b.graphs()] == [(G, 1)]
        assert b.generation == a.generation

        a.load(f"<{EX}s2> <{EX}p> <{EX}o> .", ox.RdfFormat.TURTLE, OTHER)
        assert [(gi.iri, gi.triples) for gi in b.graphs()] == sorted([(OTHER, 1), (G, 1)])
        assert b.generation == a.generation

        # and the other way round: B writes, A's next read sees it
        assert b.drop_graph(G) is True
        assert not a.has_graph(G) and nt(a, G) == set()
        assert [gi.iri for gi in a.graphs()] == [OTHER]
        assert a.generation == b.generation
        assert all_quads(a) == all_quads(b)
    finally:
        a.close()
        b.close()


def test_two_stores_in_one_process_write_concurrently_from_threads(tmp_path):
    import threading

    stores = [EmbeddedStore(tmp_path), EmbeddedStore(tmp_path)]
    errors: list[BaseException] = []

    def write(st: EmbeddedStore, tag: str) -> None:
        try:
            for i in range(10):
                st.update(insert(f"{EX}{tag}/{i}", i))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    try:
        before = stores[0].generation
        threads = [threading.Thread(target=write, args=(st, f"t{k}")) for k, st in enumerate(stores)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == []
        expected = {
            f'<{EX}t{k}/{i}> <{EX}p> "{i}"^^<http://www.w3.org/2001/XMLSchema#integer> .'
            for k in range(2)
            for i in range(10)
        }
        assert nt(stores[0], G) == expected == nt(stores[1], G)
        assert stores[0].generation == stores[1].generation == before + 20
    finally:
        for st in stores:
            st.close()


# -- 2. concurrent writers in separate processes -------------------------------------------
def _writer_process(path: str, tag: str, n: int, barrier) -> None:
    st = EmbeddedStore(path)
    barrier.wait(60)
    for i in range(n):
        st.update(insert(f"{EX}{tag}/{i}", i))
    st.close()


WRITERS, PER_WRITER = 3, 15


def test_concurrent_writer_processes_lose_nothing(tmp_path):
    st = EmbeddedStore(tmp_path)
    try:
        before = st.generation
        barrier = SPAWN.Barrier(WRITERS)
        procs = [
            SPAWN.Process(target=_writer_process, args=(str(tmp_path), f"w{k}", PER_WRITER, barrier))
            for k in range(WRITERS)
        ]
        for p in procs:
            p.start()
        # meanwhile, every read sees one whole published state: counts never go down
        seen = [0]
        while any(p.is_alive() for p in procs):
            seen.append(st.triple_count(G))
            time.sleep(0.01)
        for p in procs:
            p.join(60)
        assert [p.exitcode for p in procs] == [0] * WRITERS
        assert seen == sorted(seen)

        expected = {
            f'<{EX}w{k}/{i}> <{EX}p> "{i}"^^<http://www.w3.org/2001/XMLSchema#integer> .'
            for k in range(WRITERS)
            for i in range(PER_WRITER)
        }
        assert nt(st, G) == expected
        assert st.generation == before + WRITERS * PER_WRITER
        assert not (tmp_path / FOLDER / "PENDING").exists()
    finally:
        st.close()


# -- 3 and 8. the real server (2 server workers) beside the CLI and this process ----------
@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("served") / "store"
    proc, url = start_policykg(
        "--data-dir",
        str(data_dir),
        "--update-token",
        TOKEN,
        env={"POLICYKG_WORKERS": "2", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    try:
        yield data_dir, url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def select(url: str, sparql: str) -> list[dict]:
    r = requests.post(url + "/sparql", data={"query": sparql}, headers={"Accept": JSON}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["results"]["bindings"]


def update(url: str, sparql: str) -> None:
    r = requests.post(
        url + "/sparql", data={"update": sparql}, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30
    )
    assert r.status_code in (200, 204), r.text


def worker_pids(master: int) -> set[int]:
    pids = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                pids.add(int(entry))
    return pids


def test_cli_load_beside_the_server_is_seen_at_once(served, tmp_path):
    data_dir, url, _proc = served
    # the server seeded the shipped data on first start
    seeded = select(
        url, "SELECT (COUNT(*) AS ?n) { GRAPH <http://localhost:8000/id/graph/article-2026-01-27> { ?s ?p ?o } }"
    )
    assert int(seeded[0]["n"]["value"]) > 100

    ttl = tmp_path / "ckpt-cli.ttl"
    ttl.write_text(f'<{EX}cli/a> <{EX}p> "from the CLI"@en .\n<{EX}cli/b> <{EX}p> <{EX}cli/a> .\n')
    done = subprocess.run(
        [sys.executable, "-m", "server", "load", "--data-dir", str(data_dir), "--no-validate", "--no-reason", str(ttl)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    graph = BASE + "graph/ckpt-cli"
    rows = select(url, f"SELECT ?s ?o {{ GRAPH <{graph}> {{ ?s <{EX}p> ?o }} }} ORDER BY ?s")
    assert [(r["s"]["value"], r["o"]["value"], r["o"].get("xml:lang")) for r in rows] == [
        (f"{EX}cli/a", "from the CLI", "en"),
        (f"{EX}cli/b", f"{EX}cli/a", None),
    ]

    # an update over HTTP is seen by a store opened here afterwards
    update(url, insert(EX + "http/x", 42, graph))
    st = EmbeddedStore(data_dir)
    try:
        assert f'<{EX}http/x> <{EX}p> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .' in nt(st, graph)
        assert len(nt(st, graph)) == 3
        assert any(gi.iri == graph and gi.triples == 3 for gi in st.graphs())
    finally:
        st.close()


def test_read_your_writes_across_two_workers(served):
    _data_dir, url, proc = served
    assert len(worker_pids(proc.pid)) >= 2  # two server workers answer
    graph = EX + "graph/ryw"
    for i in range(20):
        update(url, insert(f"{EX}ryw/{i}", i, graph))
        rows = select(url, f"SELECT ?o {{ GRAPH <{graph}> {{ ?s <{EX}p> ?o }} }}")
        assert sorted(int(r["o"]["value"]) for r in rows) == list(range(i + 1)), f"after update {i}"


# -- 4. superseded checkpoints are collected -------------------------------------------------
def test_superseded_checkpoints_are_collected(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded, "RETIRE_AFTER", 0)
    st = EmbeddedStore(tmp_path)
    try:
        for i in range(6):
            st.update(insert(f"{EX}gc/{i}", i))
            assert st.triple_count(G) == i + 1  # a read: moves this store's reader on
            left = numbered(tmp_path)
            assert st.generation in left and len(left) <= 2, left
        for i in range(3):  # writes without reads in between
            st.load(f"<{EX}gc/l{i}> <{EX}p> {i} .", ox.RdfFormat.TURTLE, G)
        assert st.generation in numbered(tmp_path) and len(numbered(tmp_path)) <= 2
        assert st.triple_count(G) == 9
        lock_files = {e.name for e in (tmp_path / FOLDER).iterdir() if e.name.endswith(".readers")}
        assert lock_files == {f"{n}.readers" for n in numbered(tmp_path)}
    finally:
        st.close()


def test_a_held_checkpoint_survives_until_its_reader_closes(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded, "RETIRE_AFTER", 0)
    st = EmbeddedStore(tmp_path)
    try:
        st.update(insert(EX + "held/0", 0))
        reader = Checkpoints(tmp_path).open_reader()
        held = reader.seq
        assert held == st.generation
        for i in range(1, 4):
            st.update(insert(f"{EX}held/{i}", i))
            assert st.triple_count(G) == i + 1
        assert held in numbered(tmp_path) and st.generation != held
        # the held checkpoint still reads its own state, not the later writes
        assert len(reader.store) == 1 and len(list(reader.store.quads_for_pattern(None, None, None, None))) == 1
        reader.close()
        st.update(insert(EX + "held/4", 4))
        assert held not in numbered(tmp_path)
        assert not (tmp_path / FOLDER / f"{held}.readers").exists()
        assert st.triple_count(G) == 5
    finally:
        st.close()


def open_checkpoints(root: Path) -> set[str]:
    """The checkpoint folders this process has files open in."""
    out = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(root / FOLDER) + "/"):
            out.add(target[len(str(root / FOLDER)) + 1 :].split("/")[0].split(".")[0])
    return out


def test_steady_writes_with_reads_keep_open_handles_bounded(tmp_path):
    """Superseded checkpoint handles are kept for requests still reading them, but at most
    RETIRED_MAX of them (found by this suite: they piled up, 18,368 fds after 300 cycles)."""
    st = EmbeddedStore(tmp_path)
    try:
        st.update(insert(EX + "fd/0", 0))
        st.triple_count(G)
        for i in range(1, 31):
            st.update(insert(f"{EX}fd/{i}", i))
            assert st.triple_count(G) == i + 1
            assert len(open_checkpoints(tmp_path)) <= embedded.RETIRED_MAX + 1
        assert len(numbered(tmp_path)) <= embedded.RETIRED_MAX + 2  # the rest were collected
    finally:
        st.close()


# -- compaction -------------------------------------------------------------------------------
def sst_files(path: Path) -> int:
    return sum(1 for name in os.listdir(path) if name.endswith(".sst"))


def test_bulk_load_compacts_and_records_the_file_count(tmp_path):
    st = EmbeddedStore(tmp_path)
    try:
        for i in range(3):
            st.update(insert(f"{EX}c/{i}", i))
        nt_file = tmp_path.parent / "bulk.nt"
        nt_file.write_text("".join(f'<{EX}bulk/{i}> <{EX}p> "{i}" .\n' for i in range(50)))
        st.bulk_load(str(nt_file), ox.RdfFormat.N_TRIPLES, OTHER)
        recorded = int((tmp_path / FOLDER / "COMPACTED").read_text())
        assert recorded > 0 and abs(recorded - sst_files(tmp_path)) <= 2  # counted before the folder closed
        assert st.triple_count(OTHER) == 50 and st.triple_count(G) == 3
        st.update(insert(EX + "c/after", 9))  # far from doubling: no compaction, record unchanged
        assert int((tmp_path / FOLDER / "COMPACTED").read_text()) == recorded
    finally:
        st.close()


@pytest.mark.xfail(
    strict=True,
    reason=(
        "pyoxigraph 0.5.13 Store.optimize() hardly reduces the SST file count of a folder after many "
        "small writes (raw pyoxigraph, 60 one-triple writes: 272 files, 270 after optimize(); a "
        "fresh copy of the same data: 9). The same with one handle kept open for all 60 writes (211 "
        "files): RocksDB as pyoxigraph configures it does not merge them, whether or not the folder is "
        "opened per write. So `_maybe_optimize` (compact when files double) does not "
        "bound the count: ~6 new SST files per write (40 updates + a bulk load: 250 files, "
        "COMPACTED=250); every checkpoint and every reader open carries them all (fds, open time)."
    ),
)
def test_compaction_bounds_the_sst_file_count(tmp_path):
    st = EmbeddedStore(tmp_path)
    try:
        for i in range(20):
            st.update(insert(f"{EX}c/{i}", i))
        nt_file = tmp_path.parent / "bulk.nt"
        nt_file.write_text(f'<{EX}bulk/0> <{EX}p> "0" .\n')
        st.bulk_load(str(nt_file), ox.RdfFormat.N_TRIPLES, OTHER)  # asks for a compaction
        assert sst_files(tmp_path) <= 40
    finally:
        st.close()


# -- 5. a writer killed before publishing ---------------------------------------------------
def test_pending_recovery_drops_staging_graphs(tmp_path):
    staging = G + embedded.STAGING_MARK + "deadbeef"
    st = EmbeddedStore(tmp_path)
    with st.writer() as rw:
        rw.add(ox.Quad(ox.NamedNode(EX + "left"), ox.NamedNode(EX + "p"), ox.Literal("half"), ox.NamedNode(staging)))
        rw.add(ox.Quad(ox.NamedNode(EX + "kept"), ox.NamedNode(EX + "p"), ox.Literal("data"), ox.NamedNode(G)))
    assert st.has_graph(staging)  # published as written
    gen = st.generation
    (tmp_path / FOLDER / "PENDING").touch()
    st.close()

    again = EmbeddedStore(tmp_path)
    try:
        assert not again.has_graph(staging) and list(again.quads(staging)) == []
        assert nt(again, G) == {f'<{EX}kept> <{EX}p> "data" .'}
        assert [gi.iri for gi in again.graphs()] == [G]
        assert not (tmp_path / FOLDER / "PENDING").exists()
        assert again.generation == gen + 1
    finally:
        again.close()


def _killed_writer(path: str, staging: str) -> None:
    st = EmbeddedStore(path)
    with st.writer() as rw:
        rw.add(ox.Quad(ox.NamedNode(EX + "left"), ox.NamedNode(EX + "p"), ox.Literal("half"), ox.NamedNode(staging)))
        rw.add(ox.Quad(ox.NamedNode(EX + "unpublished"), ox.NamedNode(EX + "p"), ox.Literal("w"), ox.NamedNode(G)))
        rw.flush()
        os._exit(3)  # killed mid-write: nothing published, PENDING left behind


def test_writer_killed_in_another_process_is_recovered(tmp_path):
    staging = G + embedded.STAGING_MARK + "cafe"
    st = EmbeddedStore(tmp_path)
    try:
        st.update(insert(EX + "before", 1))
        gen = st.generation
        p = SPAWN.Process(target=_killed_writer, args=(str(tmp_path), staging))
        p.start()
        p.join(60)
        assert p.exitcode == 3
        assert (tmp_path / FOLDER / "PENDING").exists()
        assert st.generation == gen and len(nt(st, G)) == 1  # readers still see the last published state

        recovered = EmbeddedStore(tmp_path)
        try:
            assert not (tmp_path / FOLDER / "PENDING").exists()
            assert recovered.generation == gen + 1 == st.generation
            assert not recovered.has_graph(staging)
            assert nt(st, G) == {
                f'<{EX}before> <{EX}p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .',
                f'<{EX}unpublished> <{EX}p> "w" .',
            }
        finally:
            recovered.close()
        st.update(insert(EX + "after", 2))  # the write lock was released by the killed process
        assert len(nt(st, G)) == 3
    finally:
        st.close()


# -- 6. replace semantics, on disk and in memory ---------------------------------------------
OLD = f'<{EX}a> <{EX}p> 1 , 2 , 3 .\n<{EX}b> <{EX}q> "b"@ru .'
OTHER_TTL = f"<{EX}z> <{EX}p> <{EX}a> .\n<{EX}z> <{EX}q> 3 ."
CASES = {
    "superset": OLD + f"\n<{EX}c> <{EX}p> 4 .\n<{EX}a> <{EX}p> 5 .",
    "subset": f"<{EX}a> <{EX}p> 1 , 3 .",
    "disjoint": f'<{EX}x> <{EX}p> "new" , 9 .',
    "blank-nodes": f'[] <{EX}p> "x" .\n<{EX}a> <{EX}p> [ <{EX}q> 1 ] , 2 .',
    "identical": OLD,
    "empty": "",
}
OLD_WITH_BNODES = f'[] <{EX}p> "old" .\n<{EX}a> <{EX}p> 1 , 2 .'


@pytest.fixture(params=["disk", "memory"])
def any_store(request, tmp_path):
    st = EmbeddedStore(tmp_path / "store" if request.param == "disk" else None)
    yield st
    st.close()


def _expect_replaced(st: EmbeddedStore, new: str) -> None:
    expected = Graph().parse(data=new, format="turtle")
    if "[" in new:  # blank nodes: compare up to their labels
        assert isomorphic(rdflib_graph(st, G), expected)
    else:
        assert nt(st, G) == turtle_lines(new)
    assert len(expected) == st.triple_count(G)
    assert nt(st, OTHER) == turtle_lines(OTHER_TTL)  # the other graph is untouched
    named = {g.value for g in st.raw.named_graphs()}
    assert named <= {G, OTHER}  # no staging graph left over


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("old", ["plain", "with-blank-nodes"])
def test_replace_writes_exactly_the_new_content(any_store, case, old):
    st = any_store
    old_ttl = OLD if old == "plain" else OLD_WITH_BNODES
    st.load(old_ttl, ox.RdfFormat.TURTLE, G)
    st.load(OTHER_TTL, ox.RdfFormat.TURTLE, OTHER)
    gen = st.generation
    st.load(CASES[case], ox.RdfFormat.TURTLE, G, replace=True)
    _expect_replaced(st, CASES[case])
    assert st.generation == gen + 1
    # replacing again with the same content changes nothing and still succeeds
    st.load(CASES[case], ox.RdfFormat.TURTLE, G, replace=True)
    _expect_replaced(st, CASES[case])


def test_replace_on_disk_is_seen_by_another_store(tmp_path):
    a = EmbeddedStore(tmp_path)
    b = EmbeddedStore(tmp_path)
    try:
        a.load(OLD, ox.RdfFormat.TURTLE, G)
        assert nt(b, G) == turtle_lines(OLD)
        a.load(CASES["subset"], ox.RdfFormat.TURTLE, G, replace=True)
        assert nt(b, G) == turtle_lines(CASES["subset"])
    finally:
        a.close()
        b.close()


# -- 7. rejected writes change nothing -------------------------------------------------------
def test_rejected_writes_change_nothing_on_disk(tmp_path):
    st = EmbeddedStore(tmp_path)
    try:
        st.load(OLD, ox.RdfFormat.TURTLE, G)
        st.load(OTHER_TTL, ox.RdfFormat.TURTLE, OTHER)
        gen, state, folders = st.generation, all_quads(st), numbered(tmp_path)

        with pytest.raises(QuerySyntaxError):
            st.update(f"INSERT DATA {{ GRAPH <{G}> {{ <{EX}a> <{EX}p> }} }}")
        with pytest.raises(RDFSyntaxError):
            st.load(f"<{EX}new> <{EX}p> 1 .\n<{EX}a> <{EX}p> .", ox.RdfFormat.TURTLE, G)  # valid line first
        with pytest.raises(RDFSyntaxError):
            st.load(f"<{EX}new> <{EX}p> 1 .\n<{EX}a> <{EX}p> .", ox.RdfFormat.TURTLE, G, replace=True)
        with pytest.raises(RDFSyntaxError):
            st.load(f"<{EX}new> <{EX}p> 1 .\n<{EX}a> <{EX}p> .", ox.RdfFormat.TURTLE, EX + "graph/fresh")
        with pytest.raises(BadRequest):  # the first operation is undone with the failing second
            st.update(f"{insert(EX + 'new', 1)} ; DROP GRAPH <{EX}graph/missing>")

        assert st.generation == gen
        assert all_quads(st) == state
        assert numbered(tmp_path) == folders
        assert not (tmp_path / FOLDER / "PENDING").exists()
        fresh = EmbeddedStore(tmp_path)  # another process's view
        try:
            assert fresh.generation == gen and all_quads(fresh) == state
        finally:
            fresh.close()

        st.update(insert(EX + "ok", 7))  # the write lock was released each time
        assert st.generation == gen + 1 and len(all_quads(st)) == len(state) + 1
    finally:
        st.close()
