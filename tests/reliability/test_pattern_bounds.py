"""House token patterns cannot make the spaCy Matcher quadratic: unconstrained repeats, huge
counts and long patterns are refused at load time (file:line:column, exit 2), and the rest
match one sentence at a time in capped pieces, in bounded time and memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.nlp import MIN_PIECE_TOKENS
from lint.rules.loader import load_rules
from lint.rules.match.token_bounds import MAX_MATCH_TOKENS
from lint.sources import Source

from .harness import run_supplint

PATTERN_RULE = """id: house.shape
kind: pattern
severity: warning
message: "shape: {{match}}"
patterns:
  - {pattern}
"""
REQUIRES_RULE = """id: house.needs
kind: requires
severity: warning
message: "needs"
when: {{patterns: [{pattern}]}}
must: {{phrases: [evening]}}
"""


def house(folder: Path, rule_yaml: str) -> None:
    (folder / ".supplint.yaml").write_text("rule_dirs: [house]\n")
    (folder / "house").mkdir(exist_ok=True)
    (folder / "house" / "rule.yaml").write_text(rule_yaml)
    (folder / "post.md").write_text("Magnesium helps some adults sleep.\n")


@pytest.mark.parametrize(
    ("pattern", "column", "says"),
    [
        ('[{OP: "+"}]', 6, "OP '+' and no other key"),
        ('[{LOWER: "zinc"}, {OP: "*"}]', 23, "OP '*' and no other key"),
        ('[{LOWER: "zinc"}, {op: "{2,}"}]', 23, "OP '{2,}' and no other key"),
        ('[{LOWER: "zinc", OP: "{99999999999}"}]', 6, "at most 32 tokens"),
        ('[{LOWER: "a"}, {IS_ALPHA: true, OP: "{1,40}"}]', 20, "at most 32 tokens"),
        (
            '[{IS_ALPHA: true, OP: "+"}, {IS_ALPHA: true, OP: "*"}, {IS_DIGIT: true, OP: "+"}]',
            60,
            "repeat at most 2 tokens",
        ),
    ],
)
def test_unbounded_pattern_shapes_are_refused_at_their_token(tmp_path, pattern, column, says):
    house(tmp_path, PATTERN_RULE.format(pattern=pattern))
    run = run_supplint("check", "post.md", cwd=tmp_path, timeout=60)
    assert run.returncode == 2 and not run.crashed, run.stdout + run.stderr
    (line,) = run.error_lines()
    assert f"house/rule.yaml:6:{column}: " in line and says in line, line


def test_requires_patterns_are_bounded_too(tmp_path: Path):
    house(tmp_path, REQUIRES_RULE.format(pattern='[{OP: "+"}]'))
    run = run_supplint("check", "post.md", cwd=tmp_path, timeout=60)
    assert run.returncode == 2 and not run.crashed
    (line,) = run.error_lines()
    assert "house/rule.yaml:5:" in line and "OP '+' and no other key" in line


def engine_for(folder: Path, rule_yaml: str) -> Engine:
    (folder / "house").mkdir(exist_ok=True)
    (folder / "house" / "rule.yaml").write_text(rule_yaml)
    ruleset = load_rules([folder / "house"])
    return Engine(Config(), select=["house"], ruleset=ruleset)


def test_repeats_still_match_inside_a_sentence_and_never_across(tmp_path: Path):
    pattern = '[{LOWER: "cures"}, {IS_ASCII: true, OP: "*"}, {LOWER: "adhd"}]'
    engine = engine_for(tmp_path, PATTERN_RULE.format(pattern=pattern))
    text = "Kim says it cures restless kids with ADHD fast.\nIt cures nothing. ADHD is real.\n"
    (result,) = engine.lint_sources([Source("post.md", text, "markdown")])
    assert [(f.line, f.column, f.excerpt) for f in result.findings] == [
        (1, 13, "cures restless kids with ADHD")
    ]


def test_requires_patterns_still_find_their_trigger(tmp_path: Path):
    pattern = '[{LOWER: "take"}, {IS_DIGIT: true, OP: "+"}]'
    engine = engine_for(tmp_path, REQUIRES_RULE.format(pattern=pattern))
    text = "Take 400 mg at noon.\n"
    (result,) = engine.lint_sources([Source("post.md", text, "markdown")])
    assert [(f.line, f.column, f.excerpt) for f in result.findings] == [(1, 1, "Take 400")]


def test_broad_repeat_on_a_40_kb_line_is_bounded(tmp_path: Path):
    """A repeat that matches every word, on one 40 KB sentence (no full stop): the Matcher sees
    pieces of MAX_MATCH_TOKENS tokens, so the run is linear (was 9.5 GB and no end)."""
    house(tmp_path, PATTERN_RULE.format(pattern='[{IS_ALPHA: true, OP: "+"}]'))
    words = "magnesium helps some adults sleep a little better at night one trial said "
    (tmp_path / "post.md").write_text((words * 540)[:40_000] + "\n")
    run = run_supplint("check", "post.md", "--select", "house", cwd=tmp_path, timeout=120)
    assert not run.timed_out and not run.crashed, run.stderr[-2000:]
    assert run.returncode == 1
    hits = [line for line in run.stdout.splitlines() if "house.shape" in line]
    tokens = len((words * 540)[:40_000].split())
    # one longest match per piece; the sentence cap (lint.nlp) cuts the line first, so a
    # capped sentence may end in one short piece more
    fewest = -(-tokens // MAX_MATCH_TOKENS)
    assert fewest <= len(hits) <= fewest + -(-tokens // MIN_PIECE_TOKENS)
    assert run.seconds < 30 and run.rss_mb < 400, (run.seconds, run.rss_mb)
