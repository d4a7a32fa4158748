"""Lint a stream of sources and archive articles: cache look-ups, then only the misses go to an
engine (this process, or a Dask cluster), results coming back in input order."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice

from lint.archives.cache import ResultCache
from lint.archives.inputs import Item
from lint.archives.model import Article, ArticleMeta
from lint.engine import Engine, FileResult
from lint.sources import Source

# batches of sources in, one list of results per batch out, same order
Runner = Callable[[Iterator[list[Source]]], Iterator[list[FileResult]]]
CHUNK = 64  # articles looked up together; bounds memory and is the unit of distributed work


def local_runner(engine: Engine) -> Runner:
    def run(batches: Iterator[list[Source]]) -> Iterator[list[FileResult]]:
        for batch in batches:
            yield lint_batch_safely(engine, batch)

    return run


def lint_batch_safely(engine: Engine, batch: list[Source]) -> list[FileResult]:
    """One article that breaks the engine becomes an error result for that article (as
    lint.parallel does for files), not the end of a million-article run."""
    if not batch:
        return []
    try:
        return list(engine.lint_sources(batch))
    except Exception:
        if os.environ.get("SUPPLINT_DEBUG"):
            raise
    results: list[FileResult] = []
    for source in batch:
        try:
            results.extend(engine.lint_sources([source]))
        except Exception as err:
            if os.environ.get("SUPPLINT_DEBUG"):
                raise
            message = f"{source.path}: internal error: {type(err).__name__}: {err}"
            results.append(FileResult(source.path, error=message))
    return results


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class ArchiveRun:
    """One check over many items, in order, each article looked up in the cache first."""

    def __init__(
        self,
        runner: Runner,
        cache: ResultCache | None = None,
        meta: dict[str, ArticleMeta] | None = None,
    ):
        self.runner = runner
        self.cache = cache
        self.meta = meta  # article path -> metadata, filled when given (for the summary)

    def results(self, items: Iterable[Item]) -> Iterator[FileResult]:
        pending: deque[tuple[list[Item], list[FileResult | None]]] = deque()

        def misses() -> Iterator[list[Source]]:
            for chunk in _chunks(items, CHUNK):
                slots = [self._ready(item) for item in chunk]
                pending.append((chunk, slots))
                yield [
                    _source(item) for item, slot in zip(chunk, slots, strict=True) if slot is None
                ]

        for linted in self.runner(misses()):
            chunk, slots = pending.popleft()
            fresh = iter(linted)
            done = [
                slot if slot is not None else next(fresh)
                for slot in slots  # the misses come back in the order they were sent
            ]
            self._store(chunk, slots, done)
            yield from done

    def _ready(self, item: Item) -> FileResult | None:
        """A result without linting: an input error, or an archive article found in the cache."""
        if isinstance(item, FileResult):
            return item
        if not isinstance(item, Article):
            return None
        if self.meta is not None:
            self.meta[item.source.path] = item.meta
        if self.cache is None:
            return None
        found = self.cache.get_all(item.source)
        if found is None:
            return None
        findings, hidden = found
        return FileResult(item.source.path, findings, source=item.source.text, suppressed=hidden)

    def _store(
        self, chunk: list[Item], slots: list[FileResult | None], done: list[FileResult]
    ) -> None:
        """Cache a chunk's freshly linted articles in one transaction."""
        if self.cache is None:
            return
        fresh = [
            (item.source, result.findings, result.suppressed)
            for item, slot, result in zip(chunk, slots, done, strict=True)
            if slot is None and isinstance(item, Article) and result.error is None
        ]
        self.cache.put_many(fresh)


def _source(item: Item) -> Source:
    return item.source if isinstance(item, Article) else item  # type: ignore[return-value]


def lighten(results: Iterable[FileResult]) -> Iterator[FileResult]:
    """Drop the text of archive articles without findings: a million clean articles must not
    stay in memory until the report is written."""
    for result in results:
        if "#" in result.path and not result.findings and result.source is not None:
            yield replace(result, source=None)
        else:
            yield result
