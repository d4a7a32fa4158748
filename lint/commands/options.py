"""What each subcommand was asked to do: one frozen object, built once from the parsed arguments.

Nothing below lint.commands sees the argparse namespace: the pieces of these objects that lower
layers need are their own small types (lint.archives.check.InputOptions for how inputs are read
and linted, lint.fixes.command.FixRequest for --fix/--diff), built here from the same values.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from lint.archives.check import InputOptions
from lint.fixes.command import FixRequest

T = TypeVar("T")
Ids = tuple[str, ...] | None  # rule ids or families; None: as the config says


@dataclass(frozen=True, kw_only=True)
class LintOptions:
    """What every linting command shares: the inputs, the config and the rule selection."""

    paths: tuple[str, ...]
    config: Path | None = None
    select: Ids = None
    ignore: Ids = None
    extend_select: Ids = None  # added to --select, or to the config's select (Ruff's meaning)
    fail_on: str | None = None
    timeout: float | None = None
    respect_gitignore: bool | None = None  # None: as the config says (default on)
    force_exclude: bool | None = None  # None: as the config says (default off)
    inputs: InputOptions = field(default_factory=InputOptions)  # also --jobs, --stdin-filename


@dataclass(frozen=True, kw_only=True)
class CheckOptions(LintOptions):
    format: str = "text"
    quiet: int = 0  # -q: the findings only, no summary; -qq: nothing on stdout
    color: str = "auto"  # auto | always | never
    exit_zero: bool = False
    statistics: bool = False
    output_file: Path | None = None
    show_files: bool = False
    show_settings: bool = False
    review_db: str | None = None  # a SQLite file or a postgresql:// URL
    fixes: FixRequest | None = None  # None: no --fix, --unsafe-fixes or --diff


@dataclass(frozen=True, kw_only=True)
class ReportOptions(LintOptions):
    format: str = "html"
    output: str = "-"  # a file, "-" for stdout, or a folder
    template_dir: Path | None = None
    title: str | None = None


@dataclass(frozen=True)
class RulesOptions:
    config: Path | None = None
    format: str = "text"


@dataclass(frozen=True)
class ExplainOptions:
    rule_id: str
    config: Path | None = None


@dataclass(frozen=True)
class TestRulesOptions:
    targets: tuple[Path, ...] = ()
    select: Ids = None
    verbose: bool = False
    config: Path | None = None


@dataclass(frozen=True)
class NewRuleOptions:
    rule_id: str
    kind: str
    output: Path | None = None
    force: bool = False


def pick(cls: type[T], namespace: argparse.Namespace, **given: Any) -> T:
    """`cls` from the namespace attributes of the same names (lists become tuples)."""
    values = {}
    for spec in fields(cls):  # type: ignore[arg-type]
        if spec.name in given:
            values[spec.name] = given[spec.name]
        elif hasattr(namespace, spec.name):
            value = getattr(namespace, spec.name)
            values[spec.name] = tuple(value) if isinstance(value, list) else value
    return cls(**values)


def check_options(namespace: argparse.Namespace) -> CheckOptions:
    inputs = pick(InputOptions, namespace)
    wanted = namespace.fix or namespace.unsafe_fixes or namespace.diff
    fixes = pick(FixRequest, namespace, paths=tuple(namespace.paths)) if wanted else None
    return pick(CheckOptions, namespace, inputs=inputs, fixes=fixes)


def report_options(namespace: argparse.Namespace) -> ReportOptions:
    return pick(ReportOptions, namespace, inputs=pick(InputOptions, namespace))
