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


@pytest.fixture()
def excerpts(engine: Engine):
    """The excerpts one rule finds in a text, in order: the round tests' one assertion. Each
    span is checked exact on the way: the excerpt is the source between the offsets."""

    def found(text: str, rule: str, name: str = "draft.md") -> list[str]:
        source = text + "\n"
        findings = [f for f in lint_text(engine, source, name) if f.rule_id == rule]
        for f in findings:
            assert source[f.start_offset : f.end_offset] == f.excerpt
        return [f.excerpt for f in findings]

    return found


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "lint", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=120,
    )
    if _asks_for_sarif(args) and done.returncode in (0, 1) and done.stdout.strip():
        validate_sarif_text(done.stdout)  # every SARIF log the suite produces
    return done


NOT_A_REPORT = ("--statistics", "--show-files", "--show-settings", "--diff", "--fix", "-o")


def _asks_for_sarif(args: tuple[str, ...]) -> bool:
    """A SARIF log on stdout: --format sarif, and no flag that prints something else."""
    from itertools import pairwise

    sarif = any(b == "--format" and a == "sarif" for b, a in pairwise(args))
    return (sarif or "--format=sarif" in args) and not any(a in NOT_A_REPORT for a in args)


def validate_sarif_text(text: bytes | str) -> None:
    """Valid against the OASIS SARIF 2.1.0 schema (vendored: tests/data/sarif-schema.NOTICE.md)."""
    import json

    import jsonschema

    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(text))
