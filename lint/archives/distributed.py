"""The same check over a local process pool (`--jobs`) or Dask (`pip install supplint[dask]`).

The client reads the archive, looks up the cache and sends batches of uncached articles to the
workers; each worker process builds its Engine (and spaCy pipeline) once and keeps it. Results
come back in submission order, so findings, output and exit codes match a local run exactly.
Workers need supplint installed (the same version); rules travel with the tasks, so house rule
folders need not exist on the workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from lint.archives.run import Runner, lint_batch_safely, local_runner
from lint.engine import Engine, FileResult
from lint.errors import UsageError
from lint.sources import Source

_ENGINES: dict[str, Engine] = {}  # per worker process: settings digest -> built engine


def lint_batch(key: str, spec: tuple[Any, ...] | None, sources: list[Source]) -> list[FileResult]:
    """Runs in a worker process; `spec` may be None where the engine was installed up front."""
    engine = _ENGINES.get(key)
    if engine is None:
        if spec is None:
            raise RuntimeError("worker has no engine for this rule set")
        config, select, ignore, ruleset = spec
        engine = _ENGINES[key] = Engine(config, select, ignore, ruleset)
    return lint_batch_safely(engine, sources)


def _install(key: str, spec: tuple[Any, ...]) -> None:
    config, select, ignore, ruleset = spec
    _ENGINES[key] = Engine(config, select, ignore, ruleset)


def connect(address: str | None, workers: int | None = None) -> tuple[Any, Any]:
    """A client to `address`, or to a LocalCluster of worker processes started here."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(
            "--engine dask needs the dask extra: pip install 'supplint[dask]'"
        ) from None
    if address:
        _reachable(address)
        try:
            return Client(address, timeout="20s"), None
        except OSError as err:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {err}") from None
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,  # spaCy and the matchers are CPU-bound: one process per core
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def engine_spec(engine: Engine) -> tuple[Any, ...]:
    """What a worker needs to rebuild exactly this engine: config, the selected rule ids, the
    ignored ones (so an empty selection stays empty) and the loaded rules themselves."""
    chosen = {rule.id for rule in engine.rules}
    ignored = [rule.id for rule in engine.ruleset.rules if rule.id not in chosen]
    return (engine.config, sorted(chosen), ignored, engine.ruleset)


def futures_runner(submit: Any, fallback: Runner, limit: int) -> Runner:
    """Keeps `limit` batches in flight, so memory stays bounded however long the archive. A
    batch whose worker died is linted here instead: slower, never different."""

    def run(batches: Iterator[list[Source]]) -> Iterator[list[FileResult]]:
        in_flight: deque[tuple[list[Source], Any]] = deque()
        for batch in batches:
            in_flight.append((batch, submit(batch) if batch else None))
            if len(in_flight) >= limit:
                yield _result(*in_flight.popleft(), fallback)
        while in_flight:
            yield _result(*in_flight.popleft(), fallback)

    return run


def pool_runner(engine: Engine, jobs: int) -> tuple[Runner, ProcessPoolExecutor]:
    """`--jobs N` for archive articles: a local process pool, each worker with its own engine
    (inherited ready-built through fork on Linux). Nothing starts until a batch needs linting,
    so a run served from the cache never loads spaCy."""
    from lint.archives.cache import settings_digest

    key = settings_digest(engine)
    if sys.platform == "linux":
        pool = ProcessPoolExecutor(jobs, multiprocessing.get_context("fork"))
    else:
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(jobs, context, _install, (key, engine_spec(engine)))

    def submit(batch: list[Source]) -> Any:
        if sys.platform == "linux" and key not in _ENGINES:
            engine.checkers  # noqa: B018 -- build once, before the workers fork
            _ENGINES[key] = engine
        return pool.submit(lint_batch, key, None, batch)

    return futures_runner(submit, local_runner(engine), 2 * jobs), pool


def _reachable(address: str) -> None:
    """Fail at once on a refused TCP connection; the client would retry until its timeout."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp" or not parts.hostname or not parts.port:
        return  # other transports (tls, ucx, inproc): let the client handle them
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=10).close()
    except OSError as err:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {err}") from None


def dask_runner(engine: Engine, client: Any) -> Runner:
    from lint.archives.cache import settings_digest

    key = settings_digest(engine)
    [spec] = client.scatter([engine_spec(engine)], broadcast=True)
    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def submit(batch: list[Source]) -> Any:
        return client.submit(lint_batch, key, spec, batch, pure=False)

    return futures_runner(submit, local_runner(engine), 4 * workers)


def _result(batch: list[Source], future: Any, fallback: Runner) -> list[FileResult]:
    if future is None:
        return []
    try:
        result: list[FileResult] = future.result()
    except Exception:
        return next(fallback(iter([batch])))
    return result
