"""The argument parser of every subcommand (argparse only: it is built on every start, so its
imports stay light; tests/test_cli_parity.py checks that completion's shtab is not among them)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint import __version__

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction["IntermixedParser"]
Common = Callable[[argparse.ArgumentParser], None]

CHECK_FORMATS = ("text", "concise", "json", "sarif", "github")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):  # also NaN
        raise argparse.ArgumentTypeError(f"expected 0 or more seconds, got '{value}'")
    return seconds


class IntermixedParser(argparse.ArgumentParser):
    """A subcommand's parser that takes options between paths, as Ruff does (`check a.md -q
    b.md`): argparse's intermixed parsing, reached through parse_known_args because that is
    what the subcommand action calls. The intermixed parse calls parse_known_args itself
    (Python < 3.13), so the inner calls take the plain path. Python 3.11's intermixed parse
    reads options after `--`, so everything after `--` is added to the paths here."""

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Any = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixing:
            return super().parse_known_args(args, namespace)
        args = list(sys.argv[1:] if args is None else args)
        paths = self._paths_action()
        if "--" in args and paths is None:  # no list of paths to add to: argparse as it is
            return super().parse_known_args(args, namespace)
        cut = args.index("--") if "--" in args else len(args)
        self._intermixing = True
        try:
            if paths is None:
                return self.parse_known_intermixed_args(args, namespace)
            return self._intermixed_paths(args[:cut], args[cut + 1 :], paths, namespace)
        finally:
            self._intermixing = False

    def _paths_action(self) -> argparse.Action | None:
        """The one positional taking a list (PATH..., DIR...), if that is the only one."""
        positionals = self._get_positional_actions()
        if len(positionals) == 1 and positionals[0].nargs == "*":
            return positionals[0]
        return None

    def _intermixed_paths(
        self, head: list[str], tail: list[str], paths: argparse.Action, namespace: Any
    ) -> tuple[argparse.Namespace, list[str]]:
        default, paths.default = paths.default, argparse.SUPPRESS  # to tell "none given"
        try:
            namespace, extras = self.parse_known_intermixed_args(head, namespace)
        finally:
            paths.default = default
        convert = paths.type if callable(paths.type) else (lambda value: value)
        given = [*getattr(namespace, paths.dest, []), *map(convert, tail)]
        setattr(namespace, paths.dest, given or ([] if default is None else default))
        return namespace, extras


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="supplint",
        description="Lint supplement and nootropic articles for FDA, FTC, "
        "evidence and safety problems.",
    )
    parser.add_argument("--version", action="version", version=f"supplint {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=IntermixedParser
    )

    check = commands.add_parser("check", help="lint articles and print findings")
    check.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="files, folders, or - for stdin (default: .)",
    )
    check.add_argument("--format", choices=CHECK_FORMATS, default="text")
    check.add_argument(
        "-q",
        "--quiet",
        action="count",
        default=0,
        help="print the findings only, without the summary; -qq: print nothing on stdout "
        "(errors still go to stderr; the exit code is unchanged)",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output; auto (default): only on a terminal, never when "
        "NO_COLOR is set, always when FORCE_COLOR is (NO_COLOR wins)",
    )
    check.add_argument(
        "--select",
        type=_csv,
        default=None,
        metavar="IDS",
        help="comma-separated rule ids or families to run",
    )
    check.add_argument(
        "--ignore",
        type=_csv,
        default=None,
        metavar="IDS",
        help="comma-separated rule ids or families to skip",
    )
    check.add_argument(
        "--extend-select",
        type=_csv,
        default=None,
        metavar="IDS",
        help="rule ids or families to run in addition to the config's select",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="lowest severity that makes the exit code 1 (default: info)",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings are reported"
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print one count per rule instead of the findings (text or json)",
    )
    check.add_argument(
        "--output-file",
        "-o",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the output to FILE instead of stdout",
    )
    check.add_argument(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="skip what .gitignore names in folder walks (default: on, or `respect_gitignore`)",
    )
    check.add_argument(
        "--force-exclude",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="apply the exclusions (.gitignore, `exclude`, defaults) to paths named as well, "
        "as the pre-commit hooks do (default: off, or `force_exclude`)",
    )
    check.add_argument(
        "--show-files", action="store_true", help="list the files that would be linted, then exit"
    )
    check.add_argument(
        "--show-settings",
        action="store_true",
        help="print the resolved settings (config file, rules that would run), then exit",
    )
    _common(check)
    check.add_argument(
        "--stdin-filename",
        default=None,
        metavar="NAME",
        help="name (and so format) of the article read from -",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per core, at most 8, one per ~50k words; 1 = none)",
    )
    check.add_argument(
        "--timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="per-file time budget: a file taking longer is reported as an error "
        "(default: 60, or `timeout` in the config; 0 = no limit)",
    )
    add_archive_arguments(check)
    add_fix_arguments(check)
    check.add_argument(
        "--review-db",
        default=None,
        metavar="FILE|URL",  # a str: Path() would fold a postgresql:// URL's slashes
        help="hide findings dismissed in `supplint review`; report decided ones still present",
    )
    add_daemon_arguments(check)  # --daemon

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    _common(rules)

    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule_id", metavar="RULE-ID")
    _common(explain)
    commands.add_parser("server", help="run the language server (LSP over stdio) for editors")
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script",
        description='Print a completion script: `eval "$(supplint completion bash)"` in '
        "~/.bashrc, or `supplint completion zsh > ~/.zfunc/_supplint`.",
    )
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"))
    add_authoring_parsers(commands, _common)  # test-rules, new-rule
    add_report_parser(commands)  # report: HTML / Markdown
    add_review_parser(commands, _common)
    add_daemon_parser(commands)  # daemon status|stop
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help=".supplint.yaml or pyproject.toml (default: found upward)",
    )


def add_archive_arguments(check: argparse.ArgumentParser, report: bool = False) -> None:
    """The archive options of `check` (and, without --write-baseline, of `report`)."""
    from lint.archives.check import COLUMN_FLAGS
    from lint.archives.detect import INPUT_FORMATS
    from lint.archives.model import BODY_FORMATS

    group = check.add_argument_group("archives (WordPress WXR, JSON Lines, CSV)")
    group.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default=None,
        help="read every named file as this archive format (default: auto, by suffix/content)",
    )
    for name in COLUMN_FLAGS:
        group.add_argument(
            f"--{name}-column",
            default=None,
            metavar="NAME",
            help=f"JSONL/CSV column holding the article {name} (default: {name})",
        )
    group.add_argument(
        "--body-format",
        choices=BODY_FORMATS,
        default=None,
        help="format of JSONL/CSV bodies without a format column (default: auto)",
    )
    group.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    group.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="result cache folder (default: $XDG_CACHE_HOME/supplint or ~/.cache/supplint)",
    )
    if not report:
        group.add_argument(
            "--write-baseline",
            type=Path,
            default=None,
            metavar="FILE",
            help="record today's findings in FILE and exit 0",
        )
    group.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="report only findings not recorded in FILE",
    )
    group.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where articles are linted (dask needs: pip install 'supplint[dask]')",
    )
    group.add_argument(
        "--address",
        default=None,
        metavar="URL",
        help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)",
    )


def add_fix_arguments(check: argparse.ArgumentParser) -> None:
    group = check.add_argument_group("fixes")
    group.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    group.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply unsafe fixes (rewordings to review); implies --fix",
    )
    group.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; change nothing"
    )
    group.add_argument(
        "--fix-symlinks",
        action="store_true",
        help="fix the file a symlink points at, if it lies inside the paths named (default: skip)",
    )


def add_report_parser(commands: Commands) -> argparse.ArgumentParser:
    report = commands.add_parser(
        "report",
        help="write an annotated HTML or Markdown report",
        description="Write the articles with every finding marked: one file with -o FILE, or "
        "one report per article plus an index with -o DIR/.",
    )
    report.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    report.add_argument("--format", choices=("html", "md"), default="html")
    report.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE|DIR",
        help="report file, - for stdout, or a folder (existing, or ending in /)",
    )
    report.add_argument(
        "--template-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of templates overriding the built-in ones (run sandboxed)",
    )
    report.add_argument("--title", default=None, help="report title")
    report.add_argument("--select", type=_csv, default=None, metavar="IDS")
    report.add_argument("--ignore", type=_csv, default=None, metavar="IDS")
    report.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="lowest severity that makes the exit code 1 (default: info)",
    )
    report.add_argument("--config", type=Path, default=None, metavar="FILE")
    report.add_argument("--jobs", "-j", type=int, default=None, metavar="N")
    add_archive_arguments(report, report=True)  # archive columns, cache, baseline, engine
    return report


def add_authoring_parsers(commands: Commands, common: Common) -> None:
    test_rules = commands.add_parser(
        "test-rules",
        help="run the flag/pass examples embedded in rules",
        description="Run every rule's `examples: {flag: [...], pass: [...]}`; exit 1 when one "
        "fails. Without DIR: the built-in rules and the config's rule_dirs.",
    )
    test_rules.add_argument(
        "targets", nargs="*", type=Path, metavar="DIR", help="rule folders or files to test"
    )
    test_rules.add_argument(
        "--select", type=_csv, default=None, metavar="IDS", help="only these rule ids or families"
    )
    test_rules.add_argument("--verbose", "-v", action="store_true", help="list tested rules")
    common(test_rules)

    new_rule = commands.add_parser("new-rule", help="write a commented starter rule with examples")
    new_rule.add_argument("rule_id", metavar="ID", help="family.name, e.g. house.no-cure")
    new_rule.add_argument("--kind", required=True, help="rule kind (see docs/rules.md)")
    new_rule.add_argument(
        "-o", "--output", type=Path, default=None, metavar="FILE", help="default: stdout"
    )
    new_rule.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def add_review_parser(commands: Commands, common: Common) -> None:
    review = commands.add_parser(
        "review",
        help="triage findings in the browser; decisions persist between runs",
        description="Serve a local review workspace for PATH... (127.0.0.1, a random token in "
        "the printed URL), or `supplint review export --baseline FILE --csv FILE [PATH]`.",
    )
    review.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    review.add_argument(
        "--db",
        default=None,
        metavar="FILE|URL",
        help="review database: a SQLite file (default: .supplint/review.db by the config) or "
        "a postgresql:// URL (the postgres extra)",
    )
    review.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1; the token is still required)",
    )
    review.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    review.add_argument("--no-open", action="store_true", help="do not open a browser")
    review.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for the first run",
    )
    review.add_argument(
        "--user", default=None, help="name recorded with decisions (default: login)"
    )
    review.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="export: write the dismissed findings as a baseline file",
    )
    review.add_argument(
        "--csv",
        type=Path,
        default=None,
        metavar="FILE",
        help="export: write every decision as CSV for the audit",
    )
    common(review)


def add_daemon_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--daemon",
        action="store_true",
        help="answer from a warm background process, started on first use (docs/daemon.md); "
        "SUPPLINT_DAEMON=0 turns it off",
    )


def add_daemon_parser(commands: Commands) -> None:
    daemon = commands.add_parser(
        "daemon",
        help="show or stop the warm background process of `check --daemon`",
        description="status: what runs; stop: stop every supplint daemon of this user.",
    )
    daemon.add_argument("action", choices=("status", "stop"))
