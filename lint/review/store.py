"""Decisions in SQLite: an append-only history, the latest row per finding key is the decision.

The schema is versioned: `schema_version` holds one row per applied migration, MIGRATIONS are
applied in order, each in its own transaction, so an old database is upgraded in place with its
rows kept, and a database newer than this code is refused rather than misread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from lint.errors import InputError, UsageError
from lint.review.keys import FindingKey

STATUSES = ("accepted", "dismissed", "fixed", "open")  # "open" undoes a decision
DB_NAME = Path(".supplint") / "review.db"


def _v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            excerpt TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            decided_at TEXT NOT NULL
        )"""
    )


def _v2(conn: sqlite3.Connection) -> None:
    """The span-free sentence key ("needs a new look") and an index for the per-key lookup."""
    conn.execute("ALTER TABLE decisions ADD COLUMN surround TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX decisions_key ON decisions (path, rule_id, fingerprint, id)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2]


@dataclass(frozen=True)
class Decision:
    id: int
    path: str
    rule_id: str
    fingerprint: str
    excerpt: str
    surround: str
    status: str
    reason: str
    note: str
    author: str
    decided_at: str

    @property
    def ident(self) -> tuple[str, str, str]:
        return (self.path, self.rule_id, self.fingerprint)


_COLUMNS = (
    "id, path, rule_id, fingerprint, excerpt, surround, status, reason, note, author, decided_at"
)


def schema_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, migrations: list[Callable[..., None]] | None = None) -> int:
    """Apply the migrations this database lacks; returns the version it ends at."""
    steps = MIGRATIONS if migrations is None else migrations
    current = schema_version(conn)
    conn.commit()
    if current > len(MIGRATIONS):
        raise UsageError(
            f"review database schema is version {current}; this supplint knows up to "
            f"{len(MIGRATIONS)}: upgrade supplint"
        )
    previous = conn.isolation_level
    conn.isolation_level = None  # explicit BEGIN: Python's sqlite3 does not wrap DDL in one
    try:
        for version, step in enumerate(steps[current:], start=current + 1):
            conn.execute("BEGIN")
            try:  # one transaction per step: a failed step leaves the previous version whole
                step(conn)
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
    finally:
        conn.isolation_level = previous
    return max(current, len(steps))


class Store:
    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self.connect() as conn:
                migrate(conn)
        except sqlite3.DatabaseError as err:
            raise InputError(str(path), f"not a usable review database: {err}") from None
        except OSError as err:
            raise InputError(str(path), f"cannot open review database: {err.strerror}") from None

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            yield conn
        finally:
            conn.close()

    def record(
        self, key: FindingKey, status: str, reason: str = "", note: str = "", author: str = ""
    ) -> Decision:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        when = datetime.now(timezone.utc).isoformat(timespec="seconds")
        row = (key.path, key.rule_id, key.fingerprint, key.excerpt, key.surround)
        with self.connect() as conn, conn:
            cursor = conn.execute(
                "INSERT INTO decisions (path, rule_id, fingerprint, excerpt, surround, status,"
                " reason, note, author, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*row, status, reason, note, author, when),
            )
            ident = int(cursor.lastrowid or 0)
        return Decision(ident, *row, status, reason, note, author, when)

    def current(self) -> dict[tuple[str, str, str], Decision]:
        """The latest decision per finding key, "open" (undone) ones left out."""
        query = (
            f"SELECT {_COLUMNS} FROM decisions WHERE id IN"
            " (SELECT MAX(id) FROM decisions GROUP BY path, rule_id, fingerprint)"
        )
        with self.connect() as conn:
            rows = [Decision(*row) for row in conn.execute(query)]
        return {d.ident: d for d in rows if d.status != "open"}

    def history(self, path: str | None = None, limit: int | None = None) -> list[Decision]:
        query = f"SELECT {_COLUMNS} FROM decisions"
        params: list[object] = []
        if path is not None:
            query += " WHERE path = ?"
            params.append(path)
        query += " ORDER BY id DESC"
        if limit is not None:
            query += " LIMIT ?"
            params.append(limit)
        with self.connect() as conn:
            return [Decision(*row) for row in conn.execute(query, params)]


def open_existing(path: Path) -> Store:
    """For `check --review-db` and `review export`: a missing file is an error, not a new db."""
    if not path.is_file():
        raise InputError(str(path), "review database does not exist")
    return Store(path)
