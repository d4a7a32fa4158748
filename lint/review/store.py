"""Decisions in a database: an append-only history, the latest row per finding key is the decision.

SQLite by default (a file); a PostgreSQL URL for a newsroom's shared server (lint/review/
database.py hides the difference). The schema is versioned: `schema_version` holds one row per
applied migration, MIGRATIONS are applied in order, each in its own transaction, so an old
database is upgraded in place with its rows kept, and a database newer than this code is refused
rather than misread. The same migrations build both backends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from lint.archives.baseline import PathKey
from lint.errors import InputError, UsageError
from lint.review.database import Connection, connect, database_errors, is_url, shown
from lint.review.keys import FindingKey, key_base

STATUSES = ("accepted", "dismissed", "fixed", "open")  # "open" undoes a decision
DB_NAME = Path(".supplint") / "review.db"
MIGRATION_LOCK = 0x5E1F_0018  # PostgreSQL advisory lock: two servers never migrate at once


def _v1(conn: Connection) -> None:
    ident = (
        "id INTEGER PRIMARY KEY AUTOINCREMENT"
        if conn.dialect == "sqlite"
        else "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    )
    conn.execute(
        f"""CREATE TABLE decisions (
            {ident},
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


def _v2(conn: Connection) -> None:
    """The span-free sentence key ("needs a new look") and an index for the per-key lookup."""
    conn.execute("ALTER TABLE decisions ADD COLUMN surround TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX decisions_key ON decisions (path, rule_id, fingerprint, id)")


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2]


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


def schema_version(conn: Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _has_schema(conn: Connection) -> bool:
    """Without creating anything: `check` and `export` never turn a database into a review's."""
    row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    return bool(row[0])


def migrate(conn: Connection, migrations: list[Callable[..., None]] | None = None) -> int:
    """Apply the migrations this database lacks; returns the version it ends at."""
    steps = MIGRATIONS if migrations is None else migrations
    locked = conn.dialect == "postgresql"
    if locked:
        conn.execute("SELECT pg_advisory_lock(?)", (MIGRATION_LOCK,))
    try:
        current = schema_version(conn)
        if current > len(MIGRATIONS):
            raise UsageError(
                f"review database schema is version {current}; this supplint knows up to "
                f"{len(MIGRATIONS)}: upgrade supplint"
            )
        for version, step in enumerate(steps[current:], start=current + 1):
            # one transaction per step: a failed step leaves the previous version whole
            with conn.transaction():
                step(conn)
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
    finally:
        if locked:
            conn.execute("SELECT pg_advisory_unlock(?)", (MIGRATION_LOCK,))
    return max(current, len(steps))


class Store:
    """`target`: a SQLite file, or a postgresql:// URL. Article paths are stored relative to
    `base`: for a file, its project folder (keys.key_base); for a server, which serves many
    checkouts, the project folder the caller names (`project`, default the current folder)."""

    def __init__(self, target: str | Path, project: Path | None = None, create: bool = True):
        self.url = str(target) if is_url(target) else None
        self.path = None if self.url else Path(target)
        if self.path is not None:
            self.base = key_base(self.path)
            self.label = str(self.path)
        else:
            self.base = (project or Path.cwd()).resolve()
            self.label = shown(str(self.url))
        try:
            if self.path is not None and create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.connect() as conn:
                if self.url and not create and not _has_schema(conn):
                    raise InputError(self.label, "not a supplint review database (no tables)")
                migrate(conn)
        except database_errors() as err:
            raise InputError(self.label, f"not a usable review database: {err}") from None
        except OSError as err:
            raise InputError(self.label, f"cannot open review database: {err.strerror}") from None

    def path_key(self) -> PathKey:
        return PathKey(self.base / "review.db")  # PathKey keys relative to its parent

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        conn = connect(self.url or Path(str(self.path)))
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
        with self.connect() as conn, conn.transaction():
            cursor = conn.execute(
                "INSERT INTO decisions (path, rule_id, fingerprint, excerpt, surround, status,"
                " reason, note, author, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " RETURNING id",
                (*row, status, reason, note, author, when),
            )
            ident = int(cursor.fetchone()[0])
        return Decision(ident, *row, status, reason, note, author, when)

    def current(self) -> dict[tuple[str, str, str], Decision]:
        """The latest decision per finding key, "open" (undone) ones left out."""
        query = (
            f"SELECT {_COLUMNS} FROM decisions WHERE id IN"
            " (SELECT MAX(id) FROM decisions GROUP BY path, rule_id, fingerprint)"
        )
        with self.connect() as conn:
            rows = [Decision(*row) for row in conn.execute(query).fetchall()]
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
            return [Decision(*row) for row in conn.execute(query, params).fetchall()]


def open_existing(target: str | Path, project: Path | None = None) -> Store:
    """For `check --review-db` and `review export`: a missing database is an error, never a new
    one (a file that does not exist, or a server database without the review's tables)."""
    if not is_url(target) and not Path(target).is_file():
        raise InputError(str(target), "review database does not exist")
    return Store(target, project, create=False)
