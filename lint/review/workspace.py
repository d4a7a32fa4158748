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
    def __init__(self, engine: Engine, files: list[str], store: Store, errors: list[str]):
        self.engine = engine
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
        return {rule.id: rule for rule in self.engine.rules}

    def lint(self, numbers: list[int] | None = None, jobs: int | None = 1) -> None:
        """Lint every article (or only these numbers) again, from the files as they are now.

        `jobs` > 1 uses worker processes: only before the server starts, since forking a
        process that runs the server's threads is not safe."""
        from lint.parallel import lint_files

        with self._lock:
            self.runs += 1
            if numbers is None or not self.articles:
                results = list(lint_files(self.engine, self.files, jobs))
                self.articles = [self._article(n, r) for n, r in enumerate(results)]
            else:
                for n in numbers:
                    result = next(iter(self.engine.lint_paths([self.files[n]])))
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
