"""The embedded store: pyoxigraph, on disk (RocksDB, transactional) or in memory."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from os import listdir as os_listdir
from pathlib import Path
from typing import IO, Any, TypeVar, cast

import pyoxigraph as ox

from server.core.errors import (
    BadRequest,
    PolicyKGError,
    QuerySyntaxError,
    RDFSyntaxError,
    StoreError,
    StoreUnavailable,
)
from server.core.namespaces import DEFAULT_BASE, history_graph
from server.sparql.lexer import has_dataset_clause
from server.store.base import (
    DEFAULT_PRIVATE_PREFIX,
    GraphInfo,
    PublishedGraphs,
    QueryResult,
    Store,
    Term,
    named,
    solutions,
)
from server.store.checkpoints import Checkpoints, NoCheckpoint, Reader
from server.store.delta import DELTA_MAX, JOURNAL_MAX, NOTHING, Delta, Watch, load_candidates, update_candidates
from server.store.progress import Progress, ProgressFile

log = logging.getLogger(__name__)

STAGING_MARK = "#policykg-staging-"
DELTA_LOAD_BYTES = 4_000_000  # a load up to this size is parsed first, to know its change (server.store.delta)
REPLACE_IN_UPDATE_MAX = 500_000  # larger graphs are replaced through a staging graph + MOVE
RETIRE_AFTER = 60.0  # seconds a superseded checkpoint handle stays open for requests still reading it
RETIRED_MAX = 2  # ... and at most this many of them (each holds the checkpoint's files open)
KEEP_INFO_LOGS = 5  # RocksDB writes an info LOG per opening for writing: keep the newest few
# OSError texts of a store that cannot be written now (full disk, read-only folder): 503, not 500
_UNWRITABLE = (
    "No space left",
    "File too large",
    "Read-only file system",
    "Operation not permitted",
    "Permission denied",
    "Disk quota exceeded",
    "lock hold",
    "Resource temporarily unavailable",
)
_UNKNOWN_FUNCTION = re.compile(r"The custom function <([^>]*)> is not supported")
GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
MAX_UNKNOWN_FUNCTIONS = 8  # distinct ones per query: each costs pyoxigraph one more parse and plan
T = TypeVar("T")
#: pyoxigraph's ``custom_functions``: extension function IRI -> its implementation
CustomFunctions = dict[ox.NamedNode, Callable[..., Term | None]]


def _write_error(exc: Exception, what: str) -> StoreError | StoreUnavailable:
    if isinstance(exc, OSError) and any(m in str(exc) for m in _UNWRITABLE):
        return StoreUnavailable(
            f"The store cannot be written now (disk full or read-only); reads are still served. {what}: {exc}"
        )
    return StoreError(f"{what}: {exc}")


def _unknown_function(*_args: Term) -> None:
    return None  # an error value: the expression is unbound


def _with_unknown_functions(run: Callable[[CustomFunctions], T]) -> T:
    """``run(custom_functions)`` (a pyoxigraph query or update) where a call to an extension
    function pyoxigraph does not know is an error value, as SPARQL 1.1 (17.6) has it: a FILTER
    on it is false, a BIND or SELECT expression leaves its variable unbound. pyoxigraph refuses
    such a query, naming one unknown function (IRI resolved) at a time, so each named one is
    given a function returning None and the query is run again. Only named ones: a built-in
    (an XSD cast) given as a custom function would be overridden. More than
    MAX_UNKNOWN_FUNCTIONS distinct ones are refused (400)."""
    functions: CustomFunctions = {}
    while True:
        try:
            return run(functions)
        except RuntimeError as exc:
            unknown = _UNKNOWN_FUNCTION.fullmatch(str(exc))
            if unknown is None:
                raise
            if len(functions) >= MAX_UNKNOWN_FUNCTIONS:
                raise BadRequest(
                    f"More than {MAX_UNKNOWN_FUNCTIONS} unknown extension functions "
                    f"(<{unknown[1]}> and {', '.join(f'<{f.value}>' for f in functions)})"
                ) from None
            functions[ox.NamedNode(unknown[1])] = _unknown_function


class _Handle:
    """The read-write pyoxigraph store of one write, attribute for attribute; unusable once the
    write ends, so that no reference outlives it and keeps the folder locked."""

    def __init__(self, store: ox.Store):
        self._store: ox.Store | None = store

    def __getattr__(self, name: str) -> Any:  # the ox.Store attribute of that name
        if self._store is None:
            raise StoreError("This write has ended; open another with EmbeddedStore.writer().")
        return getattr(self._store, name)


def _opened(store: ox.Store | None) -> ox.Store:
    if store is None:
        raise StoreError("This store has been closed.")
    return store


class EmbeddedStore(Store):
    """pyoxigraph ``Store``. ``path=None`` keeps everything in memory.

    On disk, several processes may open the same folder (server workers, query executors, a
    CLI command beside the server): reads go to the latest published checkpoint and each write
    opens the folder read-write under a cross-process lock, then publishes a new checkpoint
    (server.store.checkpoints). ``generation`` is the published checkpoint's number, so caches
    keyed on it are valid in every process. ``read_only=True`` opens a folder read-only, without
    any of this; ``checkpoint=n`` opens checkpoint ``n`` of the store folder read-only (query
    executors), holding it until ``close``. ``private_prefix``, ``base_iri``: see ``Store``.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        checkpoint: int | None = None,
        private_prefix: str | None = DEFAULT_PRIVATE_PREFIX,
        base_iri: str = DEFAULT_BASE,
    ):
        self.path = str(path) if path is not None else None
        self.private_prefix = private_prefix
        self.base_iri = base_iri
        self.apart_graphs = frozenset({history_graph(base_iri)})
        self.read_only = read_only or checkpoint is not None
        self._lock = threading.Lock()  # serialises this process's writers; readers never wait
        self._generation = 0  # in memory; on disk the checkpoint number is the generation
        self._ckpt: Checkpoints | None = None
        self._reader: Reader | None = None
        self._retired: list[tuple[float, Reader]] = []
        self._reader_lock = threading.Lock()
        self._store: ox.Store | None = None  # in memory or read-only: the pyoxigraph store itself
        self._instance = uuid.uuid4().hex
        self._names: tuple[int, list[str]] | None = None  # (state, named graphs): see _names_of
        self._published: tuple[int, _Published | None] | None = None  # (state, its dataset): see _published_of
        self._journal: dict[int, Delta | None] = {}  # generation -> the change of the write that made it
        self._delta: Delta | None = None  # the change of the write under way, set by its method
        try:
            if self.path is None:
                self._store = ox.Store()
            elif checkpoint is not None:
                self._reader = Checkpoints(self.path).open_reader(checkpoint)
                self._store, self._generation = self._reader.store, checkpoint
            elif read_only:
                self._store = ox.Store.read_only(self.path)
            else:
                Path(self.path).mkdir(parents=True, exist_ok=True)
                self._ckpt = Checkpoints(self.path)
                if self._ckpt.current() is None or self._ckpt.pending.exists():
                    # new store, or a writer was killed before publishing: publish the folder as it is
                    with self._writing() as rw:
                        self._drop_leftover_staging(rw)
        except OSError as exc:
            raise StoreUnavailable(f"Cannot open the store at {self.path}: {exc}") from exc

    @property
    def state(self) -> str | None:
        """Names the store's current content: changes with every write, never repeats (HTTP
        validators of query results: ``ETag``)."""
        return self.state_of(self.generation)

    def state_of(self, generation: int) -> str | None:
        """``state`` at ``generation`` (one read of the generation can serve both)."""
        if self._ckpt is not None:
            identity = self._ckpt.identity()
            return f"{identity}-{generation}" if identity is not None else None
        return f"{self._instance}-{generation}"

    @property
    def generation(self) -> int:
        if self._ckpt is not None:
            return self._ckpt.current() or 0
        return self._generation

    @property
    def _ro(self) -> ox.Store:
        """The pyoxigraph store reads go to: the current checkpoint on disk."""
        return self._current()[0]

    def _current(self) -> tuple[ox.Store, int]:
        """(The pyoxigraph store reads go to, the number of the state it holds.)"""
        if self._ckpt is None:
            return _opened(self._store), self._generation
        reader = self._reader
        if reader is None or reader.seq != self._ckpt.current():
            reader = self._refresh_reader(self._ckpt)
        return _opened(reader.store), reader.seq

    def _names_of(self, ro: ox.Store, state: int) -> list[str]:
        """The named graphs of ``ro``, remembered for its state (listing them costs ~15 µs on disk)."""
        names = self._names
        if names is None or names[0] != state:
            names = self._names = (state, [g.value for g in ro.named_graphs() if isinstance(g, ox.NamedNode)])
        return names[1]

    def _published_of(self, ro: ox.Store, state: int) -> _Published | None:
        """The default dataset of queries at ``state`` (``PublishedGraphs``) as pyoxigraph terms,
        made once per state; None when it is the union of all graphs."""
        published = self._published
        if published is None or published[0] != state:
            split = PublishedGraphs.of(self, self._names_of(ro, state))
            published = self._published = (state, None if split is None else _Published(split))
        return published[1]

    def _refresh_reader(self, ckpt: Checkpoints) -> Reader:
        with self._reader_lock:
            reader = self._reader
            if reader is None or reader.seq != ckpt.current():
                try:
                    new = ckpt.open_reader()
                except NoCheckpoint as exc:
                    raise StoreUnavailable(f"The store at {self.path} has no readable state: {exc}") from exc
                except OSError as exc:
                    raise StoreUnavailable(f"Cannot read the store at {self.path}: {exc}") from exc
                if reader is not None:
                    self._retired.append((time.monotonic(), reader))
                self._reader = reader = new
            now = time.monotonic()
            # superseded handles are kept a while for requests still reading them, then closed
            # (which lets the next writer delete their checkpoint)
            while self._retired and (now - self._retired[0][0] > RETIRE_AFTER or len(self._retired) > RETIRED_MAX):
                self._retired.pop(0)[1].close()
            return reader

    def checkpoint(self) -> int:
        """The current checkpoint's number, for a query executor to open; this process holds
        the checkpoint open meanwhile."""
        return self._current()[1]  # opens the current checkpoint

    @contextlib.contextmanager
    def _writing(self, *, compact: bool = False) -> Iterator[ox.Store]:
        """The read-write pyoxigraph store for one write (a ``_Handle`` on it), then flush and
        publish. ``compact``: compact before publishing (bulk loads)."""
        ckpt, path = self._ckpt, self.path
        if ckpt is None or path is None:
            if self.read_only:
                raise StoreError("This store was opened read-only.")
            with self._lock:
                handle = _Handle(_opened(self._store))
                self._delta = None
                try:
                    yield cast(ox.Store, handle)
                finally:
                    handle._store = None
                    self._generation += 1
                    self._record(self._generation, self._delta)
            return
        with self._lock, contextlib.ExitStack() as stack:
            try:
                stack.enter_context(ckpt.write_lock())
                ckpt.pending.touch()
                rw = ox.Store(path)
                handle = _Handle(rw)
            except OSError as exc:
                raise _write_error(exc, "Cannot open the store for writing") from exc
            publish = True
            self._delta = None
            try:
                yield cast(ox.Store, handle)
            except PolicyKGError as err:
                publish = err.status >= 500  # rejected input: the transaction changed nothing
                raise
            finally:
                try:
                    if publish:
                        rw.flush()
                        self._maybe_optimize(rw, path, ckpt.root / "COMPACTED", compact)
                        seq = ckpt.next_number()
                        self._write_delta(ckpt, seq, self._delta)  # before the state it leads to is seen
                        ckpt.publish(rw)
                        self._record(seq, self._delta)
                    ckpt.pending.unlink(missing_ok=True)
                except OSError as exc:  # written, not published: PENDING stays, readers see the last state
                    raise _write_error(exc, "Written, but the new state could not be published") from exc
                finally:
                    handle._store = None
                    del rw  # the last reference: closes the folder before the lock is released
                    _prune_info_logs(path)
        with contextlib.suppress(PolicyKGError):
            self._current()  # open the new state now, in the write, rather than in the next read

    @staticmethod
    def _maybe_optimize(rw: ox.Store, path: str, record: Path, asked: bool) -> None:
        """Compact after bulk loads and whenever the folder's SST files have doubled since the
        last compaction. A bulk load leaves overlapping files that make joins an order of
        magnitude slower (measured: a 2-hop join at 100k, 19 ms before, 0.7 ms after), and a
        folder opened for one write at a time gives RocksDB's background compaction no time."""
        files = sum(1 for name in os_listdir(path) if name.endswith(".sst"))
        try:
            before = int(record.read_text())
        except (OSError, ValueError):
            before = 0
        if asked or files > 2 * before + 8:
            rw.optimize()
            files = sum(1 for name in os_listdir(path) if name.endswith(".sst"))
            record.write_text(str(files))

    # -- what each write changed (server.store.delta) ---------------------------------------
    def _watch(self, rw: ox.Store, candidates: set[ox.Quad] | None) -> Watch | None:
        return None if candidates is None else Watch(rw, candidates, self.is_private, self.apart_graphs)

    def _record(self, generation: int, delta: Delta | None) -> None:
        self._journal[generation] = delta
        for old in [g for g in list(self._journal) if g <= generation - JOURNAL_MAX]:
            self._journal.pop(old, None)

    @staticmethod
    def _write_delta(ckpt: Checkpoints, seq: int, delta: Delta | None) -> None:
        """``.snapshots/deltas/<seq>.json``, for the other processes on the folder (none: unknown)."""
        folder = ckpt.root / "deltas"
        folder.mkdir(exist_ok=True)
        path = folder / f"{seq}.json"
        if delta is None:
            path.unlink(missing_ok=True)
        else:
            tmp = folder / f"{seq}.{os.getpid()}.tmp"
            tmp.write_bytes(delta.to_json())
            os.replace(tmp, path)
        for old in folder.iterdir():
            stem = old.name.split(".")[0]
            if not stem.isdigit() or int(stem) <= seq - JOURNAL_MAX:
                old.unlink(missing_ok=True)

    def changes(self, since: int) -> list[Delta] | None:
        """The changes of the writes after generation ``since`` up to the current one, or None
        when one of them is unknown (not cheap to know, too large, or no longer kept)."""
        now = self.generation
        if not isinstance(since, int) or since > now or now - since > JOURNAL_MAX:
            return None
        for old in [g for g in list(self._journal) if g <= now - JOURNAL_MAX]:
            self._journal.pop(old, None)  # a process that only reads never calls _record
        out = []
        for g in range(since + 1, now + 1):
            delta = self._journal.get(g)
            if delta is None and g not in self._journal and self._ckpt is not None:
                try:
                    delta = Delta.from_json((self._ckpt.root / "deltas" / f"{g}.json").read_bytes())
                except (OSError, ValueError, SyntaxError):
                    delta = None
                self._journal[g] = delta
            if delta is None:
                return None
            out.append(delta)
        return out

    def writer(self) -> contextlib.AbstractContextManager[ox.Store]:
        """``with store.writer() as rw:`` the raw read-write pyoxigraph store for one write
        (tests and bulk tools); published when the block ends."""
        return self._writing()

    # -- queries ------------------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        substitutions: dict[str, Term] | None = None,
        base_iri: str | None = None,
        timeout: float | None = None,
        include_private: bool = False,
    ) -> QueryResult:
        default: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None
        named_: list[ox.NamedNode | ox.BlankNode] | None = None
        union = False
        ro, state = self._current()  # one checkpoint for the graph list and the evaluation
        if default_graphs is not None or named_graphs is not None:
            # Protocol dataset: only the given graphs. An empty default graph list means an
            # empty default graph (not the union).
            default = [ox.NamedNode(g) for g in default_graphs or []] or [ox.DefaultGraph()]
            named_ = [ox.NamedNode(g) for g in named_graphs or []]
        elif self.union_default_graph and not has_dataset_clause(sparql):  # FROM / FROM NAMED win over the union
            published = None if include_private else self._published_of(ro, state)
            if published is None:
                union = True
            else:
                default = published.default
                named_ = published.named
                private = published.graphs.named_private(sparql, substitutions)
                if private:
                    named_ = [*named_, *(ox.NamedNode(g) for g in private)]
        bound = {ox.Variable(k): v for k, v in substitutions.items()} if substitutions else None
        try:
            return _with_unknown_functions(
                lambda functions: ro.query(
                    sparql,
                    base_iri=base_iri,
                    use_default_graph_as_union=union,
                    default_graph=default,
                    named_graphs=named_,
                    substitutions=bound,
                    custom_functions=functions,
                )
            )
        except SyntaxError as exc:
            raise QuerySyntaxError(f"Malformed query: {exc}") from None
        except RuntimeError as exc:  # e.g. a substituted variable missing from the projection
            raise BadRequest(f"Query cannot be evaluated: {exc}") from None
        except OSError as exc:
            raise StoreError(f"Store error while querying: {exc}") from exc

    # -- writes -------------------------------------------------------------------------
    def update(
        self,
        sparql: str,
        *,
        using_graphs: list[str] | None = None,
        using_named_graphs: list[str] | None = None,
        base_iri: str | None = None,
    ) -> None:
        if using_graphs or using_named_graphs:
            from server.sparql.rewrite import apply_using  # protocol-level rewrite, parsed not spliced

            sparql = apply_using(sparql, using_graphs or [], using_named_graphs or [])
        with self._writing() as rw:
            watch = self._watch(rw, update_candidates(rw, sparql, base_iri, self.is_private))
            try:
                _with_unknown_functions(
                    lambda functions: rw.update(sparql, base_iri=base_iri, custom_functions=functions)
                )
            except SyntaxError as exc:
                raise QuerySyntaxError(f"Malformed update: {exc}") from None
            except RuntimeError as exc:  # e.g. DROP/CLEAR (not SILENT) of a graph that does not exist
                raise BadRequest(f"The update failed and changed nothing: {exc}") from None
            except OSError as exc:
                raise _write_error(exc, "Store error while updating") from exc
            if watch is not None:
                self._delta = watch.delta(rw)

    def load(
        self,
        data: bytes | str | IO[bytes],
        rdf_format: ox.RdfFormat,
        graph: str | None,
        *,
        base_iri: str | None = None,
        replace: bool = False,
    ) -> None:
        target = named(graph)
        if replace and not rdf_format.supports_datasets:
            triples = self._parse(data, rdf_format, base_iri)  # before the write lock: parsing is slow
            with self._writing() as rw:
                self._replace(rw, triples, target)
                if graph is not None and self.is_private(graph):
                    self._delta = NOTHING  # a draft: nothing published changes, blank nodes or not
            return
        with self._writing() as rw:
            staging = ox.NamedNode((graph or "urn:policykg:default").split("#")[0] + STAGING_MARK + uuid.uuid4().hex)
            to_graph: ox.NamedNode | ox.DefaultGraph | None = staging if replace else target
            if rdf_format.supports_datasets:
                to_graph = None  # quads keep their own graphs
            watch = None
            if not replace and isinstance(data, bytes | str) and len(data) <= DELTA_LOAD_BYTES:
                try:
                    quads = list(ox.parse(data, rdf_format, base_iri=base_iri))
                    if to_graph is not None:
                        quads = [ox.Quad(q.subject, q.predicate, q.object, to_graph) for q in quads]
                    watch = self._watch(rw, load_candidates(rw, quads, None))
                except (SyntaxError, OSError, ValueError):
                    pass  # the load below reports it
            try:
                rw.load(data, rdf_format, base_iri=base_iri, to_graph=to_graph)
            except SyntaxError as exc:
                raise RDFSyntaxError(f"Invalid {rdf_format.name} data: {exc}") from None
            except (OSError, ValueError) as exc:
                raise _write_error(exc, "Could not load data") from exc
            if replace and to_graph is not None:
                self._move(rw, staging, target)
            if watch is not None:
                self._delta = watch.delta(rw)

    def bulk_load(
        self, path: str, rdf_format: ox.RdfFormat, graph: str | None, *, progress: Progress | None = None
    ) -> None:
        with self._writing(compact=True) as rw, contextlib.ExitStack() as files:
            source = files.enter_context(ProgressFile(path, progress)) if progress is not None else None
            from_path = path if source is None else None
            target = named(graph)
            if rdf_format.supports_datasets or next(iter(rw.quads_for_pattern(None, None, None, target)), None) is None:
                # Nothing to swap out: stream straight into the graph (a MOVE from a staging graph
                # is one update transaction as large as the file: ~50 s per 100k triples).
                try:
                    rw.bulk_load(
                        source, rdf_format, path=from_path, to_graph=None if rdf_format.supports_datasets else target
                    )
                except SyntaxError as exc:
                    if isinstance(target, ox.NamedNode):
                        rw.remove_graph(target)  # it was empty: leave nothing half-loaded
                    elif not rdf_format.supports_datasets:
                        rw.clear_graph(target)
                    raise RDFSyntaxError(f"Invalid {rdf_format.name} data in {path}: {exc}") from None
                return
            staging = ox.NamedNode((graph or "urn:policykg:default").split("#")[0] + STAGING_MARK + uuid.uuid4().hex)
            try:
                rw.bulk_load(source, rdf_format, path=from_path, to_graph=staging)
            except SyntaxError as exc:
                rw.remove_graph(staging)
                raise RDFSyntaxError(f"Invalid {rdf_format.name} data in {path}: {exc}") from None
            self._move(rw, staging, target)

    @staticmethod
    def _parse(data: bytes | str | IO[bytes], rdf_format: ox.RdfFormat, base_iri: str | None) -> list[ox.Triple]:
        try:
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, rdf_format, base_iri=base_iri)]
        except SyntaxError as exc:
            raise RDFSyntaxError(f"Invalid {rdf_format.name} data: {exc}") from None
        except (OSError, ValueError) as exc:
            raise _write_error(exc, "Could not load data") from exc

    def _replace(self, rw: ox.Store, triples: list[ox.Triple], target: ox.NamedNode | ox.DefaultGraph) -> None:
        """Swap a graph's content for ``triples`` in one transaction.

        Without blank nodes on either side only the difference is written: an ``extend`` (one
        transaction) when nothing is removed, else one ``DELETE DATA`` + ``INSERT DATA`` update.
        Otherwise one ``DROP`` + ``INSERT DATA`` update, or staging + MOVE above
        REPLACE_IN_UPDATE_MAX triples. Update texts are written by pyoxigraph's serialiser from
        parsed terms, never from input text."""
        try:
            old = {ox.Triple(q.subject, q.predicate, q.object) for q in rw.quads_for_pattern(None, None, None, target)}
            new = set(triples)
            if not _has_blank_nodes(old) and not _has_blank_nodes(new):
                added, removed = new - old, old - new
                changed = {ox.Quad(t.subject, t.predicate, t.object, target) for t in added | removed}
                watch = self._watch(rw, changed if len(changed) <= DELTA_MAX else None)  # server.store.delta
                if not removed:
                    if added:
                        rw.extend(ox.Quad(t.subject, t.predicate, t.object, target) for t in added)
                else:
                    rw.update(
                        _data_block("DELETE DATA", removed, target) + " ;\n" + _data_block("INSERT DATA", added, target)
                    )
                if watch is not None:
                    self._delta = watch.delta(rw)
                return
            if len(new) > REPLACE_IN_UPDATE_MAX:
                staging = ox.NamedNode(
                    (target.value if isinstance(target, ox.NamedNode) else "urn:policykg:default").split("#")[0]
                    + STAGING_MARK
                    + uuid.uuid4().hex
                )
                rw.extend(ox.Quad(t.subject, t.predicate, t.object, staging) for t in new)
                self._move(rw, staging, target)
                return
            drop = "DROP SILENT DEFAULT" if isinstance(target, ox.DefaultGraph) else f"DROP SILENT GRAPH {target}"
            rw.update(drop + " ;\n" + _data_block("INSERT DATA", new, target))
        except OSError as exc:
            raise _write_error(exc, "Could not load data") from exc

    @staticmethod
    def _move(rw: ox.Store, staging: ox.NamedNode, target: ox.NamedNode | ox.DefaultGraph) -> None:
        """Swap staging into target in one transaction (MOVE is one update)."""
        dest = "DEFAULT" if isinstance(target, ox.DefaultGraph) else f"GRAPH {target}"
        # Both IRIs are NamedNode terms (validated IRIs), serialised by pyoxigraph: no user text.
        rw.update(f"MOVE SILENT GRAPH {staging} TO {dest}")

    def drop_graph(self, graph: str | None) -> bool:
        if graph is not None and not self.has_graph(graph):
            return False
        with self._writing() as rw:
            if graph is None:
                existed = next(iter(rw.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
                watch = self._watch(rw, load_candidates(rw, [], ox.DefaultGraph()))
                rw.clear_graph(ox.DefaultGraph())
                if watch is not None:
                    self._delta = watch.delta(rw)
                return existed is not None
            node = ox.NamedNode(graph)
            if not rw.contains_named_graph(node):
                return False
            private = self.is_private(graph)  # rejecting a draft: nothing published changes, whatever its size
            watch = None if private else self._watch(rw, load_candidates(rw, [], node))
            rw.remove_graph(node)
            if private:
                self._delta = NOTHING
            elif watch is not None:
                self._delta = watch.delta(rw)
            return True

    @staticmethod
    def _drop_leftover_staging(rw: ox.Store) -> None:
        """Staging graphs left by a load that was killed midway are discarded at open."""
        for g in list(rw.named_graphs()):
            if isinstance(g, ox.NamedNode) and STAGING_MARK in g.value:
                log.warning("removing staging graph left by an interrupted load: %s", g.value)
                rw.remove_graph(g)

    # -- inspection ---------------------------------------------------------------------
    def graphs(self) -> list[GraphInfo]:
        ro = self._ro
        counts = {sol["g"].value: int(sol["n"].value) for sol in solutions(ro.query(GRAPH_COUNTS), GRAPH_COUNTS)}
        for g in ro.named_graphs():
            if isinstance(g, ox.NamedNode):
                counts.setdefault(g.value, 0)
        return [GraphInfo(iri, n) for iri, n in sorted(counts.items()) if STAGING_MARK not in iri]

    def has_graph(self, graph: str) -> bool:
        return self._ro.contains_named_graph(ox.NamedNode(graph))

    def graph_names(self) -> list[str]:
        return sorted(
            g.value for g in self._ro.named_graphs() if isinstance(g, ox.NamedNode) and STAGING_MARK not in g.value
        )

    def triple_count(self, graph: str | None = None) -> int:
        if graph is None:
            return len(self._ro)
        # pyoxigraph substitutions need the variable in the projection (SEP-0007)
        res = self._ro.query(GRAPH_COUNTS, substitutions={ox.Variable("g"): ox.NamedNode(graph)})
        row = next(solutions(res, GRAPH_COUNTS), None)
        return int(row["n"].value) if row is not None else 0

    def dump(self, rdf_format: ox.RdfFormat, graph: str | None = None, output: IO[bytes] | None = None) -> bytes | None:
        whole = graph is None and rdf_format.supports_datasets  # else one graph, the default one for None
        return self._ro.dump(output, rdf_format, from_graph=None if whole else named(graph))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        g = ox.NamedNode(graph) if graph is not None else None
        return iter(self._ro.quads_for_pattern(None, None, None, g))

    def health(self) -> dict[str, object]:
        try:
            bool(self._ro.query("ASK { ?s ?p ?o }"))
        except OSError as exc:
            raise StoreUnavailable(f"Store not readable: {exc}") from exc
        return {"backend": "embedded", "path": self.path or ":memory:", "read_only": self.read_only}

    def close(self) -> None:
        with self._reader_lock:
            for _t, reader in self._retired:
                reader.close()
            self._retired.clear()
            if self._reader is not None:
                self._reader.close()
                self._reader = None
        self._store = None

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store reads go to (on disk: the current checkpoint, read-only), for
        the few places that stream natively. Writes: ``writer()``."""
        return self._ro


class _Published:
    """``PublishedGraphs`` with its lists as the pyoxigraph terms a query is given (never changed)."""

    def __init__(self, graphs: PublishedGraphs):
        self.graphs = graphs
        self.default: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [
            *(ox.NamedNode(g) for g in graphs.default),  # in their order
            ox.DefaultGraph(),
        ]
        self.named: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(g) for g in graphs.public]


def _prune_info_logs(path: str) -> None:
    old = sorted(name for name in os_listdir(path) if name.startswith("LOG.old."))
    for name in old[:-KEEP_INFO_LOGS]:
        with contextlib.suppress(OSError):
            os.remove(os.path.join(path, name))


def _has_blank_nodes(triples: set[ox.Triple]) -> bool:
    return any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, (ox.BlankNode, ox.Triple)) for t in triples)


def _data_block(keyword: str, triples: set[ox.Triple], target: ox.NamedNode | ox.DefaultGraph) -> str:
    body = (ox.serialize(triples, None, ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")  # bytes: no output
    if isinstance(target, ox.DefaultGraph):
        return f"{keyword} {{\n{body}\n}}"
    return f"{keyword} {{ GRAPH {target} {{\n{body}\n}} }}"
