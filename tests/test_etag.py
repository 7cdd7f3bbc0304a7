"""/sparql answers GET queries with a weak ETag naming the store state and the request, and
304 Not Modified to a client that already holds that answer (If-None-Match)."""

from __future__ import annotations

from conftest import TOKEN

Q = "SELECT ?o WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def insert(client, value: str) -> None:
    upd = (
        f'INSERT DATA {{ GRAPH <http://example.org/g> {{ <http://example.org/s> <http://example.org/p> "{value}" }} }}'
    )
    assert client.post("/sparql", data={"update": upd}, headers=AUTH).status_code == 204


def values(resp) -> set[str]:
    return {b["o"]["value"] for b in resp.get_json()["results"]["bindings"]}


def test_etag_revalidation_follows_writes(client):
    insert(client, "a")
    first = client.get("/sparql", query_string={"query": Q})
    etag = first.headers["ETag"]
    assert first.status_code == 200 and values(first) == {"a"} and etag.startswith('W/"')
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get("/sparql", query_string={"query": Q}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    # another format, or another query, is another answer
    csv = client.get("/sparql", query_string={"query": Q}, headers={"Accept": "text/csv"})
    assert csv.headers["ETag"] != etag
    other = client.get("/sparql", query_string={"query": Q + " LIMIT 1"}, headers={"If-None-Match": etag})
    assert other.status_code == 200
    # a write changes the state: the old copy is stale
    insert(client, "b")
    after = client.get("/sparql", query_string={"query": Q}, headers={"If-None-Match": etag})
    assert after.status_code == 200 and values(after) == {"a", "b"} and after.headers["ETag"] != etag


def test_on_disk_state_is_shared_by_processes_and_never_repeats(tmp_path):
    from server.store import EmbeddedStore

    a, b = EmbeddedStore(tmp_path / "db"), EmbeddedStore(tmp_path / "db")
    try:
        assert a.state == b.state
        a.update('INSERT DATA { <http://example.org/s> <http://example.org/p> "x" }')
        assert a.state == b.state and a.state.endswith(f"-{a.generation}")
    finally:
        a.close()
        b.close()
    before = EmbeddedStore(tmp_path / "db").state
    import shutil

    shutil.rmtree(tmp_path / "db" / ".snapshots")  # numbering starts again: the identity does not
    assert EmbeddedStore(tmp_path / "db").state.split("-")[0] != before.split("-")[0]


def test_post_queries_and_errors_carry_no_etag(client):
    resp = client.post("/sparql", data={"query": Q})
    assert resp.status_code == 200 and "ETag" not in resp.headers
    resp = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert resp.status_code == 400 and "ETag" not in resp.headers


def test_a_store_folder_without_identity_that_cannot_be_written_still_answers(tmp_path):
    """Found by the read-only-folder robustness test: the identity was made on the first query,
    which failed (500) on a read-only folder. Now it is made with the first checkpoint, and a
    folder that has none and cannot get one answers without ETag."""
    import os
    import stat

    from server.app.factory import create_app
    from server.core.settings import Settings
    from server.store import EmbeddedStore

    st = EmbeddedStore(tmp_path / "db")
    assert (tmp_path / "db" / ".snapshots" / "ID").exists()  # made with the first checkpoint
    (tmp_path / "db" / ".snapshots" / "ID").unlink()  # a folder from before identities
    st = EmbeddedStore(tmp_path / "db")
    snapshots = tmp_path / "db" / ".snapshots"
    mode = snapshots.stat().st_mode
    os.chmod(snapshots, stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(snapshots, os.W_OK):  # root ignores permissions
            st._ckpt.identity = lambda: None  # what an unwritable folder gives
        app = create_app(Settings.from_env({}, memory=True), store=st)
        resp = app.test_client().get("/sparql", query_string={"query": "ASK {}"})
        assert resp.status_code == 200 and resp.get_json()["boolean"] is True and "ETag" not in resp.headers
    finally:
        os.chmod(snapshots, mode)
        st.close()
