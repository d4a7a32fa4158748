"""The articles under review: the files named at start-up, linted in this process.

The file list is fixed when the workspace opens, so a request can only ever name an article by
its number in that list: no path from the network is ever opened. Nothing here writes a file
other than the review database.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.engine import Engine, FileResult
from lint.finding import Finding
from lint.review.keys import FindingKey, finding_keys, project_folder
from lint.review.store import DB_NAME, Store
from lint.review.triage import Triaged, triage


@dataclass
class Article:
    number: int
    path: str
    result: FileResult
    keyed: list[tuple[Finding, FindingKey]] = field(default_factory=list)
    run: int = 0  # the workspace run that produced `result`


def default_db(config_path: Path | None, first: str) -> Path:
    """`.supplint/review.db` next to the config, else in the first path's folder."""
    return project_folder(config_path, first) / DB_NAME


class Workspace:
    def __init__(
        self,
        engine: Engine,
        files: list[str],
        store: Store,
        errors: list[str],
        engine_of: dict[str, Engine] | None = None,
    ):
        self.engine = engine
        # each file's own engine (its nearest config, as `check` has it); `engine` otherwise
        self.engine_of = engine_of or {}
        self.files = list(dict.fromkeys(files))
        self.store = store
        self.errors = errors  # paths that were named but could not be collected
        self.path_key = store.path_key()
        self.articles: list[Article] = []
        self._lock = threading.Lock()  # one lint at a time: the engine is not thread-safe
        self.runs = 0
        self.decided_in: dict[int, int] = {}  # decision id -> the run it was taken on

    @property
    def rules(self) -> dict[str, Any]:
        """Every rule of every config in the workspace (the run's own first)."""
        rules: dict[str, Any] = {}
        for engine in self._engines():
            for rule in engine.rules:
                rules.setdefault(rule.id, rule)
        return rules

    def _engines(self) -> list[Engine]:
        return list({id(e): e for e in (self.engine, *self.engine_of.values())}.values())

    def _engine(self, path: str) -> Engine:
        return self.engine_of.get(path, self.engine)

    def _lint_all(self, jobs: int | None) -> list[FileResult]:
        """Every file with its own engine, in the order of the files."""
        from lint.parallel import lint_files

        by_engine: dict[int, list[int]] = {}
        for n, path in enumerate(self.files):
            by_engine.setdefault(id(self._engine(path)), []).append(n)
        results: list[FileResult | None] = [None] * len(self.files)
        for numbers in by_engine.values():
            engine = self._engine(self.files[numbers[0]])
            part = [self.files[n] for n in numbers]
            for n, result in zip(numbers, lint_files(engine, part, jobs), strict=True):
                results[n] = result
        return [result for result in results if result is not None]

    def lint(self, numbers: list[int] | None = None, jobs: int | None = 1) -> None:
        """Lint every article (or only these numbers) again, from the files as they are now.

        `jobs` > 1 uses worker processes: only before the server starts, since forking a
        process that runs the server's threads is not safe."""
        with self._lock:
            self.runs += 1
            if numbers is None or not self.articles:
                results = self._lint_all(jobs)
                self.articles = [self._article(n, r) for n, r in enumerate(results)]
            else:
                for n in numbers:
                    engine = self._engine(self.files[n])
                    result = next(iter(engine.lint_paths([self.files[n]])))
                    self.articles[n] = self._article(n, result)

    def _article(self, number: int, result: FileResult) -> Article:
        keyed = list(finding_keys(result, self.path_key))
        return Article(number, result.path, result, keyed, self.runs)

    def article(self, number: int) -> Article | None:
        return self.articles[number] if 0 <= number < len(self.articles) else None

    def triaged(self, article: Article, decisions: dict[Any, Any] | None = None) -> list[Triaged]:
        current = self.store.current() if decisions is None else decisions
        # decisions from earlier sessions predate every run of this one
        return triage(article.keyed, current, lambda d: self.decided_in.get(d.id, 0) < article.run)

    def record(self, key: FindingKey, status: str, reason: str, note: str, author: str) -> None:
        decision = self.store.record(key, status, reason, note, author)
        self.decided_in[decision.id] = self.runs

    def key_of(self, article: Article, fingerprint: str, rule_id: str) -> FindingKey | None:
        """The key of a finding present in the latest run: decisions are only taken on those."""
        for _, key in article.keyed:
            if key.fingerprint == fingerprint and key.rule_id == rule_id:
                return key
        return None
