"""Per-article result cache: a second run over an unchanged archive does no NLP work.

Key: sha256 of the article's format and text, in a database named by the settings digest
(supplint version, its own code, spaCy versions, the rule files' digest, the rules selected and
the config). Any change to those opens a new database, so stale results are never read. Each
row holds one article's findings as JSON. A damaged row is a miss, never an error.

The cache folder is untrusted (anyone who can write it could plant rows that hide an article's
findings or point them outside the text). So each row carries an HMAC-SHA256 of the settings,
the article key and the findings, made with the per-user key of lint.cache_key; a row that does
not verify is a miss. A verified row is still checked against the article before use (offsets
inside the text, excerpt equal to the source span, line and column matching the offsets), so
even a row from a leaked key cannot crash a renderer. Folders are created 0700 and a folder or
database others can write is not used. SQLite runs with trusted_schema off: a planted schema's
triggers or views run no SQL functions.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Sequence
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint import __version__
from lint.cache_key import debug, private_dir, sign, trusted, user_key, verify
from lint.finding import SEVERITIES, Edit, Finding, Fix
from lint.positions import LineIndex
from lint.sources import Source

FORMAT_VERSION = 3  # 2: rows carry an HMAC; 3: and the suppressed findings (for SARIF)
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


_TEXT_FIELDS = ("rule_id", "severity", "message", "excerpt", "family")
_INT_FIELDS = ("line", "column", "end_line", "end_column", "start_offset", "end_offset")


def check_finding(finding: Finding, text: str, lines: LineIndex) -> None:
    """A cached finding must describe a real span of `text`; ValueError otherwise."""
    if not all(isinstance(getattr(finding, name), str) for name in _TEXT_FIELDS):
        raise ValueError("a text field is not text")
    if not all(type(getattr(finding, name)) is int for name in _INT_FIELDS):
        raise ValueError("a position is not an integer")
    if finding.severity not in SEVERITIES or not isinstance(finding.suggestion, (str, type(None))):
        raise ValueError("bad severity or suggestion")
    if finding.strength is not None and type(finding.strength) not in (int, float):
        raise ValueError("bad strength")
    start, end = finding.start_offset, finding.end_offset
    if not 0 <= start <= end <= len(text) or text[start:end] != finding.excerpt:
        raise ValueError("span outside the text or excerpt not the source text")
    if lines.line_col(start) != (finding.line, finding.column):
        raise ValueError("start line/column do not match the offset")
    if lines.line_col(end) != (finding.end_line, finding.end_column):
        raise ValueError("end line/column do not match the offset")
    if finding.fix is not None:
        _check_fix(finding.fix, len(text))


def _check_fix(fix: Fix, length: int) -> None:
    if not isinstance(fix.description, str) or not isinstance(fix.safe, bool):
        raise ValueError("bad fix")
    for edit in fix.edits:
        valid = type(edit.start) is int and type(edit.end) is int and isinstance(edit.text, str)
        if not valid or not 0 <= edit.start <= edit.end <= length:
            raise ValueError("fix edit outside the text")


class ResultCache:
    """Findings per article text, for one settings digest, in one SQLite file.

    SQLite rather than a file per article: a million small files strain any filesystem, and one
    transaction per chunk of articles costs one sync instead of one per article. WAL mode lets
    concurrent runs read while one writes; a busy or broken database only costs speed.
    """

    def __init__(self, root: Path, settings: str):
        self.root = Path(root)
        self.folder = self.root / "results"
        self.settings = settings
        self.path = self.folder / f"{settings[:32]}.sqlite3"
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._key: bytes | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            self._broken = True  # until every check below has passed
            self._key = user_key()
            if self._key is None or not (private_dir(self.root) and private_dir(self.folder)):
                return None
            try:
                fresh = not os.path.lexists(self.path)
                if not fresh and not _safe_database(self.path):
                    debug(f"result cache {self.path} ignored: not a private file of this user")
                    return None
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA trusted_schema=OFF")
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS results "
                    "(key TEXT PRIMARY KEY, findings TEXT NOT NULL, mac BLOB NOT NULL) "
                    "WITHOUT ROWID"
                )
                self._db, self._broken = db, False
                if fresh:
                    _prune(self.folder, self.path)
            except (sqlite3.Error, OSError) as err:
                debug(f"result cache {self.path} unusable: {err}")
        return self._db

    def _mac(self, key: str, findings: str) -> bytes:
        assert self._key is not None
        return sign(self._key, self.settings.encode(), key.encode(), findings.encode())

    def get(self, source: Source) -> list[Finding] | None:
        found = self.get_all(source)
        return None if found is None else found[0]

    def get_all(self, source: Source) -> tuple[list[Finding], list[Finding]] | None:
        """(findings, suppressed findings) of a cached article, or None."""
        db = self._connect()
        try:
            row = None
            key = content_key(source)
            if db is not None:
                query = "SELECT findings, mac FROM results WHERE key = ?"
                row = db.execute(query, (key,)).fetchone()
            if row is None:
                raise KeyError("not cached")
            text, mac = row
            if not isinstance(text, str) or not isinstance(mac, bytes):
                raise TypeError("row of the wrong types")
            assert self._key is not None
            if not verify(self._key, mac, self.settings.encode(), key.encode(), text.encode()):
                raise ValueError("row does not verify")
            data = json.loads(text)
            findings = [finding_from_json(source.path, item) for item in data["findings"]]
            hidden = [finding_from_json(source.path, i) for i in data.get("suppressed", [])]
            lines = LineIndex(source.text)
            for finding in (*findings, *hidden):
                check_finding(finding, source.text, lines)
        except KeyError:
            self.misses += 1
            return None
        except (sqlite3.Error, ValueError, TypeError, AttributeError) as err:
            self.misses += 1  # damaged, or written by something else: lint it again
            debug(f"result cache row for {source.path} not used: {err}")
            return None
        self.hits += 1
        return findings, hidden

    def put_many(self, entries: list[tuple[Any, ...]]) -> None:
        """(source, findings) or (source, findings, suppressed findings) per article."""
        db = self._connect()
        if db is None or not entries:
            return
        try:
            rows = []
            for source, findings, *suppressed in entries:
                key = content_key(source)
                text = json.dumps(_payload(findings, *suppressed), ensure_ascii=False)
                rows.append((key, text, self._mac(key, text)))
            with contextlib.closing(db.cursor()) as cursor:
                cursor.execute("BEGIN IMMEDIATE")
                cursor.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)
                cursor.execute("COMMIT")
        except (sqlite3.Error, TypeError, ValueError):
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _payload(findings: list[Finding], suppressed: Sequence[Finding] = ()) -> dict[str, Any]:
    payload: dict[str, Any] = {"findings": [finding_to_json(f) for f in findings]}
    if suppressed:
        payload["suppressed"] = [finding_to_json(f) for f in suppressed]
    return payload


def _safe_database(path: Path) -> bool:
    """A regular file (not a link planted to somewhere else) that only this user can write."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and trusted(info)


def _prune(folder: Path, keep: Path) -> None:
    """A new rule set or version starts a new database; keep only the newest few."""
    databases = sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in databases[KEEP:]:
        if old != keep:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(str(old) + suffix).unlink()
