"""`--jobs N`: lint whole files in worker processes, each with its own pipeline.

spaCy's own `nlp.pipe(n_process=...)` ships every Doc between processes, which costs more than
this cheap pipeline's work; giving each worker whole files and getting back only Findings is
what scales. Results come back in input order, so the output is byte-identical to `--jobs 1`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from lint.engine import Engine, FileResult
from lint.selection import NOTHING

if TYPE_CHECKING:
    from concurrent.futures import Future

    from lint.config import Config

MAX_DEFAULT_JOBS = 8  # beyond this, start-up and memory outweigh the gain for typical archives
CHUNKS_PER_JOB = 4  # several chunks per worker keep workers busy when file sizes vary
MAX_CHUNK = 32
# A forked worker re-warms its pipeline (~0.3 s CPU), which is the lint time of ~25-30k words:
# below about 50k words (~330 KB of the bench corpus, 6.7 bytes a word) one process finishes
# first, and a pre-commit run is in that range. A default run starts one worker per this much.
BYTES_PER_WORKER = 330_000

_WORKER_ENGINE: Engine | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(requested: int | None, n_files: int, n_bytes: int | None = None) -> int:
    """--jobs N as asked, never more than there are files. Unset (or 0): one per core, at most
    8, and, when the size of the work is known (`n_bytes`), one per BYTES_PER_WORKER of it, so
    a small run stays in one process."""
    if requested and requested > 0:
        jobs = requested
    else:
        jobs = min(available_cores(), MAX_DEFAULT_JOBS)
        if n_bytes is not None:
            jobs = min(jobs, max(1, -(-n_bytes // BYTES_PER_WORKER)))
    return max(1, min(jobs, n_files))


def total_bytes(files: Sequence[str]) -> int:
    """The size of the work, from the file system (a file that cannot be read counts 0)."""
    total = 0
    for path in files:
        try:
            total += os.stat(path).st_size
        except (OSError, ValueError):  # missing, or a name os.stat refuses: read_file reports it
            continue
    return total


def chunks(files: Sequence[str], jobs: int) -> list[list[str]]:
    size = max(1, min(MAX_CHUNK, -(-len(files) // (jobs * CHUNKS_PER_JOB))))
    return [list(files[i : i + size]) for i in range(0, len(files), size)]


def lint_files(
    engine: Engine, files: Sequence[str], jobs: int | None, stdin_name: str | None = None
) -> Iterator[FileResult]:
    """Lint `files` with `jobs` processes; yields results in the order of `files`."""
    asked = jobs is not None and jobs > 0
    size = None if asked or "-" in files else total_bytes(files)
    n_jobs = resolve_jobs(jobs, len(files), size)
    if n_jobs <= 1 or "-" in files:  # stdin can only be read by this process
        yield from engine.lint_paths(files, stdin_name)
        return
    from concurrent.futures import ProcessPoolExecutor  # only now: a one-file run never pays it

    context = _context()
    initializer: Callable[..., None] | None = None
    initargs: tuple[Any, ...] = ()
    if context.get_start_method() == "fork":
        _set_worker_engine(engine)
        engine.checkers  # noqa: B018 -- build once here; forked workers share it copy-on-write
    else:
        selected = [rule.id for rule in engine.rules] or [NOTHING]
        initializer, initargs = _init_worker, (engine.config, selected)
    with ProcessPoolExecutor(n_jobs, context, initializer, initargs) as pool:
        futures = [(chunk, pool.submit(_lint_chunk, chunk)) for chunk in chunks(files, n_jobs)]
        for chunk, future in futures:
            yield from _collect(engine, chunk, future)


def _collect(engine: Engine, chunk: list[str], future: Future[list[FileResult]]) -> list[Any]:
    """A chunk's results; if its worker failed, lint its files here, one by one."""
    try:
        return future.result()
    except Exception:
        return [_lint_one(engine, path) for path in chunk]


def _lint_chunk(chunk: list[str]) -> list[FileResult]:
    engine = _WORKER_ENGINE
    assert engine is not None, "worker started without an engine"
    try:
        return list(engine.lint_paths(chunk))
    except Exception:
        # one file broke the batch: redo the chunk file by file so the others keep their results
        return [_lint_one(engine, path) for path in chunk]


def _lint_one(engine: Engine, path: str) -> FileResult:
    try:
        return next(iter(engine.lint_paths([path])))
    except Exception as err:
        if os.environ.get("SUPPLINT_DEBUG"):
            raise
        return FileResult(path, error=f"{path}: internal error: {type(err).__name__}: {err}")


def _context() -> Any:
    import multiprocessing

    # fork shares the already-built pipeline with workers; elsewhere each worker builds its own
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _set_worker_engine(engine: Engine) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = engine


def _init_worker(config: Config, selected: list[str]) -> None:
    # exactly the parent's rules: --select/--ignore and the config were applied there
    _set_worker_engine(Engine(config, selected))
