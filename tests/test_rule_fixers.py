"""A rule names its fixer in YAML (`fix: {with: ...}`): house copies of built-in rules get the
same fix, and a wrong fixer is one error line naming the file, line and column."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from lint.config import Config
from lint.engine import Engine
from lint.errors import ConfigError
from lint.fixes import wording
from lint.fixes.command import fix_source
from lint.fixes.producers import FDA_DISCLAIMER
from lint.resources import builtin_rules_dir
from lint.rules.fixers import CAUTION_TOPICS, FIXERS, producer
from lint.rules.loader import build_rule, load_rules, parse_yaml
from lint.sources import Source

CLAIMS = "# Focus\n\nCiticoline supports memory and sharpens focus.\n"


def house_copy(tmp_path: Path, keep_fix: bool = True) -> Path:
    """fda.missing-disclaimer, copied whole under a house id."""
    text = (builtin_rules_dir() / "fda" / "missing-disclaimer.yaml").read_text(encoding="utf-8")
    text = text.replace("id: fda.missing-disclaimer", "id: house.needs-disclaimer")
    if not keep_fix:
        text = text.replace("fix: {with: disclaimer}\n", "")
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "disclaimer.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_house_copy_of_a_builtin_rule_gets_its_fix(tmp_path: Path) -> None:
    ruleset = load_rules([house_copy(tmp_path)])
    engine = Engine(Config(), select=["house.needs-disclaimer"], ruleset=ruleset)
    result = fix_source(engine, Source("a.md", CLAIMS, "markdown"), unsafe=False)
    assert result.text == CLAIMS.rstrip() + "\n\n" + FDA_DISCLAIMER + "\n"
    assert result.applied == 1 and result.result.findings == []


def test_without_its_fix_key_the_copy_has_no_fix(tmp_path: Path) -> None:
    ruleset = load_rules([house_copy(tmp_path, keep_fix=False)])
    engine = Engine(Config(), select=["house.needs-disclaimer"], ruleset=ruleset)
    result = fix_source(engine, Source("a.md", CLAIMS, "markdown"), unsafe=True)
    assert result.text == CLAIMS
    assert [f.rule_id for f in result.result.findings] == ["house.needs-disclaimer"]
    assert result.result.findings[0].fix is None


GOOD = """\
id: house.no-cure
kind: phrase
severity: error
message: "Never '{match}'"
phrases: [cure]
"""

# (fix lines, line, column, message): each a mistake a rule author makes
FIX_MISTAKES = {
    "unknown fixer": (
        "fix: {with: disclaimr}",
        6,
        13,
        "'fix.with' is 'disclaimr'; expected one of caution, disclaimer, disclosure, "
        "doctor-line, hedge, listed-cautions, rel-sponsored, replace, structure-function, "
        "did you mean 'disclaimer'?",
    ),
    "caution without its topic": ("fix: {with: caution}", 6, 6, "missing key 'caution' in 'fix'"),
    "unknown caution": (
        "fix:\n  with: caution\n  caution: kidney",
        8,
        12,
        "'fix.caution' is 'kidney'; expected one of cycling, renal, interaction, dependence, "
        "hepatic, pregnancy",
    ),
    "option of another fixer": (
        "fix: {with: hedge, caution: renal}",
        6,
        20,
        "unknown key 'caution' in 'fix'",
    ),
    "fix_safe on a named fixer": (
        "fix: {with: hedge}\nfix_safe: true",
        7,
        1,
        "'fix_safe' applies to a replacement template; fixer 'hedge' is never safe",
    ),
    "neither template nor mapping": ("fix: 3", 6, 6, "'fix' must be a string or a mapping"),
}


@pytest.mark.parametrize("case", sorted(FIX_MISTAKES))
def test_fix_mistakes_are_one_line_with_file_line_and_column(tmp_path: Path, case: str) -> None:
    lines, line, column, message = FIX_MISTAKES[case]
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "rule.yaml").write_text(GOOD + lines + "\n", encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    result = run_cli("rules", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr, stderr
    assert f"{folder / 'rule.yaml'}:{line}:{column}: {message}" in stderr


def test_an_unknown_fixer_reads_the_same_with_or_without_the_schema() -> None:
    """Built-in rules skip the schema at check time; the fixer is still checked, same words."""
    node = parse_yaml("r.yaml", GOOD + "fix: {with: disclaimr}\n")
    errors = []
    for strict in (True, False):
        with pytest.raises(ConfigError) as caught:
            build_rule("r.yaml", node, builtin=not strict, strict=strict)
        errors.append(caught.value.render())
    assert errors[0] == errors[1]
    assert errors[0].startswith("r.yaml:6:13: 'fix.with' is 'disclaimr'")


def test_every_fixer_resolves_and_caution_topics_have_wording() -> None:
    for name in FIXERS:
        assert callable(producer(name)), name
    assert set(CAUTION_TOPICS) == set(wording.CAUTIONS)


def test_every_builtin_fix_is_named_in_its_rule() -> None:
    named = {rule.id: rule.fix for rule in load_rules(validate_all=True).rules if rule.fix}
    assert named["fda.missing-disclaimer"] == {"with": "disclaimer"}
    assert named["safety.missing-renal-caution"] == {"with": "caution", "caution": "renal"}
    assert {rid for rid, fix in named.items() if fix["with"] == "disclosure"} == {
        "ftc.undisclosed-affiliate-link",
        "ftc.buy-call-to-action",
    }


def test_checking_never_imports_the_fixes_package() -> None:
    """The check stage sits below lint/fixes: fixers are reached through FIXERS only."""
    below = [ROOT / "lint" / "engine.py", *sorted((ROOT / "lint" / "rules").glob("*.py"))]
    for path in below:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            assert not any(n.startswith("lint.fixes") for n in names), (path.name, names)
