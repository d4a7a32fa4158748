"""Shared fixtures: one Engine per test session (building the NLP pipeline is the slow part)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint.config import Config
from lint.engine import Engine, FileResult
from lint.finding import Finding
from lint.sources import Source

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(Config())


def lint_text(engine: Engine, text: str, name: str = "draft.md") -> list[Finding]:
    from lint.sources import format_for

    results: list[FileResult] = list(engine.lint_sources([Source(name, text, format_for(name))]))
    assert results[0].error is None, results[0].error
    return results[0].findings


@pytest.fixture()
def lint(engine: Engine):
    return lambda text, name="draft.md": lint_text(engine, text, name)


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "lint", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=120,
    )
