"""The pipeline: read -> parse -> analyse -> check -> findings, one direction, per file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lint import budget
from lint.analysis import Analysis
from lint.budget import BudgetExceeded, TimeBudgetError, time_budget
from lint.config import Config
from lint.documents import parse
from lint.errors import InputError
from lint.finding import Finding
from lint.rules.base import Checker
from lint.rules.fixers import FixSettings, attach_fixes
from lint.rules.loader import RuleSet
from lint.rules.model import Hit, Rule
from lint.rules.registry import checker_class
from lint.selection import check_cli_selectors, check_config_selectors, selectable, selected
from lint.sources import Source, read_file, read_stdin
from lint.suppression import parse_suppressions

UNKNOWN_SUPPRESSION = "suppression.unknown-rule"


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    source: str | None = field(default=None, repr=False)  # decoded text, for excerpts
    # hidden from every output but SARIF, which lists them with `suppressions` (report/sarif.py)
    suppressed: list[Finding] = field(default_factory=list)  # inline comments, front matter
    baselined: list[Finding] = field(default_factory=list)  # matched by --baseline
    baseline: str | None = None  # the --baseline file, when one was applied


class Engine:
    """Loads and compiles the rule set once; lints any number of sources with it."""

    def __init__(
        self,
        config: Config,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        ruleset: RuleSet | None = None,
    ):
        self.config = config
        if ruleset is None:
            from lint.cache import load_rules_cached  # skips YAML parsing when rules are unchanged

            ruleset = load_rules_cached(config.rule_dirs)
        self.ruleset = ruleset
        self._check_selectors(select, ignore)
        select = select or config.select
        ignore = (ignore or []) + config.ignore
        self.rules: list[Rule] = [
            rule
            for rule in self.ruleset.active()  # house overrides may disable rules
            if (not select or selected(rule.id, select)) and not selected(rule.id, ignore)
        ]
        self.known_ids = {rule.id for rule in self.ruleset.rules}
        self.fix_settings = FixSettings.from_config(config)
        self._checkers: list[Checker] | None = None

    def _check_selectors(self, select: list[str] | None, ignore: list[str] | None) -> None:
        known = selectable(rule.id for rule in self.ruleset.rules)
        check_cli_selectors("--select", select or [], known)
        check_cli_selectors("--ignore", ignore or [], known)
        config, where = self.config, str(self.config.path)
        for key, selectors in (("select", config.select), ("ignore", config.ignore)):
            check_config_selectors(where, key, selectors, known, config.lines.get(key))
        for selectors in config.per_file_ignores.values():
            line = config.lines.get("per_file_ignores")
            check_config_selectors(where, "per-file-ignores", selectors, known, line)
        severity_ids = list(config.severity)
        check_config_selectors(where, "severity", severity_ids, known, config.lines.get("severity"))

    @property
    def checkers(self) -> list[Checker]:
        if self._checkers is None:
            from lint.nlp import get_nlp

            nlp = get_nlp()
            by_kind: dict[str, list[Rule]] = {}
            for rule in self.rules:
                by_kind.setdefault(rule.kind, []).append(rule)
            self._checkers = [
                checker_class(kind)(rules, nlp, self.ruleset)
                for kind, rules in sorted(by_kind.items())
            ]
            for checker in self._checkers:
                checker.configure(self.config)
            from lint import term_tokens

            term_tokens.save()  # what this build tokenized, for the next start-up
        return self._checkers

    def lint_paths(
        self, paths: Iterable[str], stdin_name: str | None = None
    ) -> Iterator[FileResult]:
        def sources() -> Iterator[Source | FileResult]:
            for path in paths:
                try:
                    yield read_stdin(stdin_name) if path == "-" else read_file(path)
                except InputError as err:
                    yield FileResult(err.path, error=err.render())

        return self.lint_sources(sources())

    def lint_sources(self, items: Iterable[Source | FileResult]) -> Iterator[FileResult]:
        """Parse, analyse and check each source within its time budget; yield per file."""
        from lint.nlp import get_nlp

        nlp = get_nlp()
        checkers = self.checkers
        from lint.heap import settle_heap

        settle_heap()  # fewer, cheaper garbage collections from here on
        for item in items:
            yield item if isinstance(item, FileResult) else self._lint_source(item, nlp, checkers)

    def _lint_source(self, source: Source, nlp: Any, checkers: list[Checker]) -> FileResult:
        """One file, start to end. (Each Doc made on its own: `nlp.pipe` batches were no
        faster for this pipeline, and one file's budget must not run on another's NLP.)"""
        seconds = self.config.timeout
        try:
            with time_budget(seconds):
                document = parse(source)
                budget.check()
                analysis = Analysis(document, nlp(document.prose))
                return self._check(analysis, checkers)
        except InputError as err:
            return FileResult(err.path, error=err.render())
        except BudgetExceeded:
            return FileResult(source.path, error=TimeBudgetError(source.path, seconds).render())

    def _check(self, analysis: Analysis, checkers: list[Checker]) -> FileResult:
        hits: list[Hit] = []
        for checker in checkers:
            budget.check()  # where the alarm cannot interrupt (a thread), between checkers
            hits.extend(checker.check(analysis))
        budget.check()
        off_here = self.config.ignored_for(analysis.path)  # per-file-ignores: no finding, no fix
        if off_here:
            hits = [hit for hit in hits if not selected(hit.rule.id, off_here)]
        # its own step: each rule's fixer (named in its YAML) gives its hits a Fix and suggestion
        attach_fixes(analysis, hits, self.fix_settings, self.ruleset.knowledge)
        document = analysis.document
        suppressions = parse_suppressions(
            analysis.source_text, analysis.lines, document.front_matter, self.known_ids
        )
        findings: dict[tuple[str, int, int], Finding] = {}
        suppressed: dict[tuple[str, int, int], Finding] = {}
        for hit in hits:
            finding = self._finding(analysis, hit)
            covered = suppressions.covers(finding.rule_id, finding.line)
            (suppressed if covered else findings).setdefault(
                (finding.rule_id, hit.start, hit.end), finding
            )
        unknown = [] if selected(UNKNOWN_SUPPRESSION, off_here) else suppressions.unknown
        for selector, start, end, _line in unknown:
            finding = make_finding(
                analysis,
                UNKNOWN_SUPPRESSION,
                "warning",
                start,
                end,
                f"Suppression names unknown rule or family '{selector}'",
            )
            findings[(finding.rule_id, start, end)] = finding
        ordered = sorted(findings.values(), key=Finding.sort_key)
        hidden = sorted(suppressed.values(), key=Finding.sort_key)
        return FileResult(analysis.path, ordered, source=analysis.source_text, suppressed=hidden)

    def _finding(self, analysis: Analysis, hit: Hit) -> Finding:
        rule = hit.rule
        severity = self.config.severity.get(rule.id, rule.severity)
        return make_finding(
            analysis,
            rule.id,
            severity,
            hit.start,
            hit.end,
            hit.render_message(),
            suggestion=hit.suggestion or rule.suggestion,
            strength=hit.strength,
            fix=hit.fix,
        )


def make_finding(
    analysis: Analysis,
    rule_id: str,
    severity: str,
    start: int,
    end: int,
    message: str,
    **extra: Any,
) -> Finding:
    line, column = analysis.lines.line_col(start)
    end_line, end_column = analysis.lines.line_col(end)
    return Finding(
        path=analysis.path,
        rule_id=rule_id,
        severity=severity,
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        excerpt=analysis.source_text[start:end],
        family=rule_id.split(".", 1)[0],
        start_offset=start,
        end_offset=end,
        **extra,
    )
