"""Review databases for the tests: SQLite always, PostgreSQL when a server is there.

`.ci/run` starts a throwaway PostgreSQL cluster and exports SUPPLINT_TEST_POSTGRES (a
postgresql:// URL of a database whose user may create databases); each test gets a database of
its own, dropped afterwards. Without the variable the PostgreSQL cases skip (in CI they fail:
a green CI must not hide a backend that was never tested).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ENV = "SUPPLINT_TEST_POSTGRES"
BACKENDS = ["sqlite", "postgresql"]


def server_url() -> str:
    url = os.environ.get(ENV, "")
    if not url:
        reason = f"{ENV} is not set: no PostgreSQL server to test on (.ci/run starts one)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.fail(f"{ENV} is set but psycopg is not installed (pip install -e '.[dev]')")
    return url


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database's URL."""
    import psycopg

    admin = server_url()
    name = f"supplint_test_{secrets.token_hex(6)}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        parts = urlsplit(admin)  # urlunsplit would drop the // of an empty host
        yield f"{parts.scheme}://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=BACKENDS)
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """A new review database on each backend: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return tmp_path / "review.db"
    return str(request.getfixturevalue("postgres_url"))


def table_names(conn: object) -> set[str]:
    dialect = conn.dialect  # type: ignore[attr-defined]
    query = (
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        if dialect == "sqlite"
        else "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    )
    return {row[0] for row in conn.execute(query).fetchall()}  # type: ignore[attr-defined]


def column_names(conn: object, table: str) -> set[str]:
    cursor = conn.execute(f"SELECT * FROM {table} LIMIT 0")  # type: ignore[attr-defined]
    return {column[0] for column in cursor.description}
