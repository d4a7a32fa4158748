"""kind `requires`: a `when` match without a `must` match in its scope is flagged, at the match."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.finding import Finding
from lint.rules.loader import load_rules
from lint.sources import Source, format_for

RULE = """\
- id: scope.{scope}{suffix}
  kind: requires
  severity: warning
  message: "Dose '{{match}}' without a doctor in the {{scope}} ({{count}} doses)"
  when: {{regex: '\\b\\d+ mg\\b'}}
  must: {{phrases: [your doctor]}}
  scope: {scope}
  report: {report}
  unless: [negated]
"""

ARTICLE = """\
# Dosing

Take 200 mg at night. Your doctor can adjust it.

Take 100 mg in the morning.

## Timing

Some take 50 mg with food.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("requires")
    text = "".join(
        RULE.format(scope=scope, suffix="", report="first")
        for scope in ("sentence", "paragraph", "section", "document")
    ) + RULE.format(scope="document", suffix="-every", report="every")
    (folder / "scopes.yaml").write_text(text, encoding="utf-8")
    return Engine(Config(), select=["scope"], ruleset=load_rules([folder]))


def lint(engine: Engine, text: str, name: str = "post.md") -> list[Finding]:
    [result] = engine.lint_sources([Source(name, text, format_for(name))])
    assert result.error is None
    return result.findings


def places(findings: list[Finding], rule_id: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.excerpt) for f in findings if f.rule_id == rule_id]


def test_sentence_scope_needs_must_in_the_same_sentence(engine: Engine) -> None:
    found = places(lint(engine, ARTICLE), "scope.sentence")
    assert found == [(3, 6, "200 mg"), (5, 6, "100 mg"), (9, 11, "50 mg")]


def test_paragraph_scope(engine: Engine) -> None:
    assert places(lint(engine, ARTICLE), "scope.paragraph") == [(5, 6, "100 mg"), (9, 11, "50 mg")]


def test_section_scope_runs_from_heading_to_heading(engine: Engine) -> None:
    assert places(lint(engine, ARTICLE), "scope.section") == [(9, 11, "50 mg")]


def test_document_scope_is_satisfied_anywhere(engine: Engine) -> None:
    findings = lint(engine, ARTICLE)
    assert places(findings, "scope.document") == []
    assert places(findings, "scope.document-every") == []


def test_document_scope_reports_first_match_with_count(engine: Engine) -> None:
    findings = lint(engine, "Take 10 mg daily.\n\nLater, add 20 mg more.\n")
    [first] = [f for f in findings if f.rule_id == "scope.document"]
    assert (first.line, first.column, first.excerpt) == (1, 6, "10 mg")
    assert first.message == "Dose '10 mg' without a doctor in the document (2 doses)"
    every = places(findings, "scope.document-every")
    assert every == [(1, 6, "10 mg"), (3, 12, "20 mg")]


def test_unless_skips_when_matches_in_excluded_sentences(engine: Engine) -> None:
    findings = lint(engine, "Never take 500 mg at once.\n")
    assert places(findings, "scope.sentence") == []


def test_html_paragraphs_are_scopes(engine: Engine) -> None:
    html = "<p>Take 100 mg daily.</p>\n<p>Ask your doctor first.</p>\n"
    findings = lint(engine, html, "post.html")
    assert places(findings, "scope.paragraph") == [(1, 9, "100 mg")]
    assert places(findings, "scope.document") == []


def test_must_patterns_and_when_phrases(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        """\
id: house.buy-needs-disclosure
kind: requires
severity: error
message: "'{match}' without an affiliate disclosure in the paragraph"
when: {phrases: [buy now, order today], lemma: false}
must:
  patterns:
    - [{LOWER: we}, {LOWER: {IN: [earn, get]}}, {LOWER: a, OP: "?"}, {LOWER: commission}]
scope: paragraph
""",
        encoding="utf-8",
    )
    engine = Engine(Config(), select=["house"], ruleset=load_rules([tmp_path]))
    flagged = "Buy now at the shop.\n\nWe earn a commission on sales. Order today!\n"
    assert places(lint(engine, flagged), "house.buy-needs-disclosure") == [(1, 1, "Buy now")]


def test_overlapping_when_matches_are_one_finding(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        """\
id: house.cta
kind: requires
severity: error
message: "'{match}' without disclosure"
when: {phrases: [buy, buy it on], regex: 'buy it'}
must: {phrases: [we earn a commission]}
scope: sentence
report: every
""",
        encoding="utf-8",
    )
    engine = Engine(Config(), select=["house"], ruleset=load_rules([tmp_path]))
    found = places(lint(engine, "Buy it on the shop page, or buy later.\n"), "house.cta")
    assert found == [(1, 1, "Buy it on"), (1, 29, "buy")]
