"""One connection to the review database, SQLite or PostgreSQL, behind the same small surface.

SQL is written once with `?` placeholders (translated to psycopg's `%s`); the few statements
that differ between the two (the id column) ask `dialect`. Both run in autocommit mode with
explicit BEGIN/COMMIT, so a migration step (DDL included) is one transaction on either: Python's
sqlite3 would otherwise commit DDL on its own, and PostgreSQL has transactional DDL anyway.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from lint.errors import InputError, UsageError

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(target: str | Path) -> bool:
    return str(target).startswith(URL_SCHEMES)


def shown(url: str) -> str:
    """The URL as printed: a password never reaches a terminal or a log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


class Connection:
    def __init__(self, raw: Any, dialect: str):
        self.raw = raw
        self.dialect = dialect  # "sqlite" or "postgresql"

    def execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        if self.dialect == "postgresql":
            sql = sql.replace("?", "%s")
        return self.raw.execute(sql, params)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        self.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def close(self) -> None:
        self.raw.close()


def connect_sqlite(path: Path) -> Connection:
    # isolation_level=None: no implicit transactions, Connection.transaction() opens them
    return Connection(sqlite3.connect(path, timeout=10, isolation_level=None), "sqlite")


def connect_postgres(url: str) -> Connection:
    try:
        import psycopg
    except ImportError:
        raise UsageError(
            "a PostgreSQL review database needs the postgres extra: "
            "pip install 'supplint[postgres]'"
        ) from None
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as err:
        first = (str(err).strip().splitlines() or ["connection failed"])[0]
        raise InputError(shown(url), f"cannot connect to the review database: {first}") from None
    return Connection(raw, "postgresql")


def connect(target: str | Path) -> Connection:
    return connect_postgres(str(target)) if is_url(target) else connect_sqlite(Path(target))


def database_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "not a usable database" for the installed drivers."""
    errors: list[type[BaseException]] = [sqlite3.DatabaseError]
    try:
        import psycopg

        errors.append(psycopg.DatabaseError)
    except ImportError:
        pass
    return tuple(errors)
