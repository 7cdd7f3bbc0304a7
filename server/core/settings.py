"""Every setting of the service, declared once with its default and help.

Settings are read at start-up (``Settings.from_env``) and never inside a request.
Each field can be overridden by an environment variable ``POLICYKG_<NAME>``
(upper case), and by the matching CLI option where there is one.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, overload

T = TypeVar("T")

ENV_PREFIX = "POLICYKG_"


def default_data_dir() -> str:
    """The per-user data folder: $XDG_DATA_HOME/policykg or ~/.local/share/policykg."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "policykg")


def default_workers() -> int:
    """Two worker processes per CPU this process may run on."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return 2 * cpus


@overload
def setting(default: Callable[[], T], help: str) -> T: ...
@overload
def setting(default: T, help: str) -> T: ...
def setting(default: Any, help: str) -> Any:  # a dataclasses.Field, typed (above) as its value
    """A dataclass field with its help text; a callable default is computed per instance."""
    if callable(default):
        return field(default_factory=default, metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass
class Settings:
    data_dir: str = setting(default_data_dir, "Folder of the on-disk Oxigraph store.")
    memory: bool = setting(False, "Keep the store in memory only (nothing written to disk).")
    store: str = setting(
        "",
        "External SPARQL 1.1 store instead of the embedded one: "
        "'sparql+http://host:port/path' (see README, Scaling). Empty: embedded Oxigraph.",
    )
    store_query_url: str = setting("", "External store: SPARQL query endpoint URL (overrides --store).")
    store_update_url: str = setting("", "External store: SPARQL update endpoint URL.")
    store_gsp_url: str = setting("", "External store: Graph Store Protocol endpoint URL.")
    store_user: str = setting("", "External store: user name for HTTP basic auth.")
    store_password: str = setting("", "External store: password for HTTP basic auth.")
    store_dialect: str = setting(
        "auto",
        "External store: its dialect, `sparql11` or `virtuoso` (`auto`: from the store's HTTP Server header).",
    )
    store_timeout: float = setting(
        300.0,
        "External store: seconds the service's own queries may take (the search's label index, counts, "
        "class lists, exports, history); queries sent by users keep `query_timeout`. 0: no limit.",
    )
    store_check_interval: float = setting(
        1.0,
        "External store: seconds between two reads of the store's generation marker (writes by other "
        "replicas are seen by this one within this time).",
    )
    base_iri: str = setting(
        "http://localhost:8000/id/",
        "Base IRI of the data's resources and named graphs; data files written with the "
        "default base are rewritten to this one when loaded.",
    )
    host: str = setting(
        "127.0.0.1",
        "Address to bind. 127.0.0.1 by default so that nothing is exposed until you decide to "
        "(put a reverse proxy in front for public use).",
    )
    port: int = setting(8000, "TCP port to listen on.")
    workers: int = setting(
        default_workers,
        "Number of worker processes of `policykg serve` (Granian); default two per CPU core. Each "
        "evaluates queries itself; one whose query outlives its timeout answers 503 and is replaced. "
        "The kernel gives each connection to one worker, so with one worker per core a client's few "
        "keep-alive connections can all land on one worker and use one core.",
    )
    threads: int = setting(
        6,
        "Python threads per worker: requests evaluated at once by one worker (more wait in Granian's "
        "queue; HTTP itself is read and written in Rust, so slow clients hold no thread). A query past "
        "its timeout holds its thread until it is answered 503, and the kernel may hand several such "
        "queries to one worker; 6 keeps a thread free for cheap queries meanwhile: with 20 runaway "
        "queries in bursts of 4 over 4 workers (bench/runaway_burst.py), a concurrent `ASK {}` waited "
        "p99 0.10-0.14 s with 6 threads against 1.05 s with 2 (3 or 4 threads: 0.15-0.76 s). The cost: "
        "under saturating load (wrk, 8 connections over 4 workers) a worker handed more than two busy "
        "connections runs them at once, and throughput fell by 15-20 % (label lookups, CONSTRUCT) "
        "against 2 threads; set 2 where throughput matters more than cheap queries during runaways.",
    )
    update_token: str = setting(
        "",
        "Bearer token that enables SPARQL Update and Graph Store writes. Empty: read-only service.",
    )
    secret_key: str = setting(
        "",
        "Key that signs the curators' session cookies (the browser's curation pages, /curate, which "
        "exist only with update_token set). Empty: a random key made at start (shared by the workers of "
        "`policykg serve`), so a sign-in lasts until the service restarts; set it to keep sign-ins across "
        "restarts. Keep it as secret as the update token.",
    )
    update_token_name: str = setting(
        "update-token",
        "Name of the update token, recorded in the graph's history as who wrote (prov:wasAttributedTo); "
        "the token itself is never recorded.",
    )
    releases_dir: str = setting(
        "",
        "Folder of the releases written by `policykg release` and listed at /releases. Empty: "
        "'releases' inside the data folder.",
    )
    query_timeout: float = setting(
        10.0, "Query timeout in seconds; a request may ask for less with the 'timeout' parameter."
    )
    query_workers: int = setting(
        2,
        "Query executor processes for an app over the on-disk store served by anything but "
        "`policykg serve` (e.g. create_app in your own WSGI server): queries are evaluated there so "
        "that one running past its timeout can be killed while the others keep being answered.",
    )
    result_cache_bytes: int = setting(
        4 * 1024 * 1024,
        "Bytes of query answers each worker process keeps for the store's current state (0: no cache); "
        "a write empties it, so an answer is never older than the last acknowledged write. Each worker "
        "holds its own: at 1M triples four 16 MiB caches filled by distinct queries held 59 of `policykg "
        "serve`'s 271 MB (bench/memory.py), while a repeated query needs one entry.",
    )
    max_rows: int = setting(10000, "Result-row cap for SELECT; results beyond it are cut and flagged.")
    max_construct_triples: int = setting(
        100000, "Triple cap for CONSTRUCT/DESCRIBE results; beyond it results are cut and flagged."
    )
    max_body_bytes: int = setting(16 * 1024 * 1024, "Request body cap in bytes (413 beyond it).")
    max_query_length: int = setting(100000, "Maximum length of a query or update text in characters.")
    max_accept_length: int = setting(
        4096,
        "Maximum length of the Accept header in characters; longer ones are refused (431) before "
        "any content negotiation.",
    )
    max_article_chars: int = setting(
        200_000,
        "Longest article text `policykg ingest` and POST /ingest accept, in characters (a long news "
        "article has 30 000); longer texts are refused before any extraction.",
    )
    reconcile_batch_size: int = setting(
        50,
        "Most reconciliation queries in one /reconcile batch, and most ids in one data extension "
        "request (the manifest's batchSize); bigger batches are refused with 400.",
    )
    allow_service_hosts: str = setting(
        "",
        "Comma-separated host names SERVICE may call. Empty: SERVICE is refused.",
    )
    cors_origins: str = setting("*", "Allowed CORS origins for /sparql reads (comma-separated or *).")
    reasoner: str = setting("auto", "Reasoning engine: auto (reasonable if installed), reasonable or owlrl.")
    validate: bool = setting(True, "Validate data against the SHACL shapes before loading.")
    log_level: str = setting("INFO", "Logging level.")
    metrics_dir: str = setting(
        "",
        "Folder where the worker processes of `policykg serve` share their metrics (set by it; "
        "empty: per-process metrics).",
    )

    @classmethod
    def fields(cls) -> list[dataclasses.Field]:
        return list(dataclasses.fields(cls))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then POLICYKG_* environment variables, then explicit overrides (not None)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}  # field name -> value of that field's type
        for f in cls.fields():
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _coerce(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def default_graph_base(self) -> str:
        return self.base_iri + "graph/"


def _coerce(f: dataclasses.Field, raw: str) -> str | int | float | bool:
    kind = f.type if isinstance(f.type, str) else f.type.__name__
    try:
        if kind == "bool":
            if raw.strip().lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.strip().lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError:
        from server.core.errors import ConfigError

        raise ConfigError(f"{ENV_PREFIX}{f.name.upper()}={raw!r} is not a valid {kind}") from None
    return raw
