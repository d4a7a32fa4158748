"""Per-article result cache: a second run over an unchanged archive does no NLP work.

Key: sha256 of the article's format and text, in a database named by the settings digest
(supplint version, its own code, spaCy versions, the rule files' digest, the rules selected and
the config). Any change to those opens a new database, so stale results are never read. Each
row holds one article's findings as JSON. A damaged row is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint import __version__
from lint.finding import Edit, Finding, Fix
from lint.sources import Source

FORMAT_VERSION = 1
KEEP = 8  # result databases kept (one per rule set / version / settings combination)
# config fields that cannot change an article's findings; any other (or future) field is keyed
_NOT_FINDINGS = {"path", "lines", "jobs", "include", "exclude", "archive", "fail_on"}


def default_cache_dir() -> Path | None:
    """The same folder as the compiled-rules cache (lint.cache): $SUPPLINT_CACHE_DIR, else
    $XDG_CACHE_HOME/supplint, else ~/.cache/supplint; None when SUPPLINT_NO_CACHE is set.
    Results live in its `results/` subfolder, apart from the rules cache's files."""
    from lint.cache import cache_dir

    return cache_dir()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The linter's own source: a development checkout changes without a version bump."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("spacy", "spacy-lookups-data"):
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=?")
    return ",".join(found)


def settings_digest(engine: Any) -> str:
    """Everything besides the article that decides its findings."""
    parts = {
        "format": FORMAT_VERSION,
        "supplint": __version__,
        "code": code_digest(),
        "deps": _versions(),
        "rules": engine.ruleset.digest,
        "selected": sorted(rule.id for rule in engine.rules),
        "config": {k: v for k, v in vars(engine.config).items() if k not in _NOT_FINDINGS},
    }
    encoded = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def content_key(source: Source) -> str:
    digest = hashlib.sha256(source.format.encode() + b"\0")
    digest.update(source.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def finding_to_json(finding: Finding) -> dict[str, Any]:
    data = asdict(finding)
    data.pop("path")  # the same text under another id shares the entry
    return data


def finding_from_json(path: str, data: dict[str, Any]) -> Finding:
    fix = data.pop("fix", None)
    if fix is not None:
        edits = tuple(Edit(**edit) for edit in fix["edits"])
        data["fix"] = Fix(fix["description"], edits, fix.get("safe", False))
    return Finding(path=path, **data)


class ResultCache:
    """Findings per article text, for one settings digest, in one SQLite file.

    SQLite rather than a file per article: a million small files strain any filesystem, and one
    transaction per chunk of articles costs one sync instead of one per article. WAL mode lets
    concurrent runs read while one writes; a busy or broken database only costs speed.
    """

    def __init__(self, root: Path, settings: str):
        self.folder = Path(root) / "results"
        self.path = self.folder / f"{settings[:32]}.sqlite3"
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                fresh = not self.path.exists()
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS results "
                    "(key TEXT PRIMARY KEY, findings TEXT NOT NULL) WITHOUT ROWID"
                )
                self._db = db
                if fresh:
                    _prune(self.folder, self.path)
            except (sqlite3.Error, OSError):
                self._broken = True
        return self._db

    def get(self, source: Source) -> list[Finding] | None:
        db = self._connect()
        try:
            row = None
            if db is not None:
                query = "SELECT findings FROM results WHERE key = ?"
                row = db.execute(query, (content_key(source),)).fetchone()
            if row is None:
                raise KeyError("not cached")
            data = json.loads(row[0])
            findings = [finding_from_json(source.path, item) for item in data["findings"]]
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            self.misses += 1  # missing, or written by something else: lint it again
            return None
        self.hits += 1
        return findings

    def put_many(self, entries: list[tuple[Source, list[Finding]]]) -> None:
        db = self._connect()
        if db is None or not entries:
            return
        try:
            rows = [
                (content_key(source), json.dumps(_payload(findings), ensure_ascii=False))
                for source, findings in entries
            ]
            with contextlib.closing(db.cursor()) as cursor:
                cursor.execute("BEGIN IMMEDIATE")
                cursor.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)
                cursor.execute("COMMIT")
        except (sqlite3.Error, TypeError, ValueError):
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _payload(findings: list[Finding]) -> dict[str, Any]:
    return {"findings": [finding_to_json(f) for f in findings]}


def _prune(folder: Path, keep: Path) -> None:
    """A new rule set or version starts a new database; keep only the newest few."""
    databases = sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in databases[KEEP:]:
        if old != keep:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(str(old) + suffix).unlink()
