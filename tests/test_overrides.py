"""House overrides: change severity of, disable, or extend a rule by id."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from lint.config import Config
from lint.engine import Engine
from lint.errors import ConfigError
from lint.finding import Finding
from lint.rules.loader import load_rules
from lint.sources import Source

OVERRIDES = """\
- override: evidence.overclaim
  severity: warning
  reason: Our editors want to see these.
  extend:
    phrases: [wonder pill, game changer]
    examples:
      flag:
        - "Truly a wonder pill for students."
      pass:
        - "A wonder of nature, this tree."
- override: fda.drug-comparison
  disabled: true
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def house(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("ov") / "house", {"overrides.yaml": OVERRIDES})


def lint(engine: Engine, text: str) -> list[Finding]:
    [result] = engine.lint_sources([Source("post.md", text, "markdown")])
    return result.findings


def test_severity_and_extend_apply_to_the_builtin_rule(house: Path) -> None:
    engine = Engine(Config(), select=["evidence.overclaim"], ruleset=load_rules([house]))
    findings = lint(engine, "It is a game changer and clinically proven.\n")
    hits = [(f.excerpt, f.severity) for f in findings if f.rule_id == "evidence.overclaim"]
    assert hits == [("game changer", "warning"), ("clinically proven", "warning")]


def test_extended_examples_point_into_the_house_file(house: Path) -> None:
    rule = load_rules([house]).by_id()["evidence.overclaim"]
    assert rule.example_origins["flag"][-1] == (str(house / "overrides.yaml"), 8)
    assert rule.example_origins["pass"][-1] == (str(house / "overrides.yaml"), 10)
    assert rule.overrides == [
        f"{house / 'overrides.yaml'}:1: severity warning; extended phrases, examples "
        "(Our editors want to see these.)"
    ]
    assert rule.builtin and "wonder pill" in rule.options["phrases"]


def test_disabled_rule_does_not_run_but_stays_known(house: Path) -> None:
    engine = Engine(Config(), ruleset=load_rules([house]))
    assert "fda.drug-comparison" not in {rule.id for rule in engine.rules}
    text = "<!-- supplint: disable-next-line=fda.drug-comparison -->\nA natural Adderall.\n"
    ids = {f.rule_id for f in lint(engine, text)}
    assert "fda.drug-comparison" not in ids
    assert "suppression.unknown-rule" not in ids  # suppressions naming it stay valid


def test_cli_rules_and_explain_show_overrides(tmp_path: Path) -> None:
    write(tmp_path / "house", {"overrides.yaml": OVERRIDES})
    config = tmp_path / ".supplint.yaml"
    config.write_text("rule_dirs: [house]\n", encoding="utf-8")
    listing = run_cli("rules", "--config", str(config)).stdout.decode()
    assert any(line.split()[:2] == ["fda.drug-comparison", "off"] for line in listing.splitlines())
    explained = run_cli("explain", "evidence.overclaim", "--config", str(config))
    assert explained.returncode == 0
    assert "overridden in " in explained.stdout.decode()
    assert "Our editors want to see these." in explained.stdout.decode()


def test_extend_nested_lists_of_a_house_requires_rule(tmp_path: Path) -> None:
    rule = """\
id: house.dose-doctor
kind: requires
severity: warning
message: "Dose without doctor"
when: {regex: '\\d+ mg'}
must: {phrases: [your doctor]}
"""
    extend = "override: house.dose-doctor\nextend:\n  must:\n    phrases: [your pharmacist]\n"
    folder = write(tmp_path / "house", {"a.yaml": rule, "b.yaml": extend})
    loaded = load_rules([folder]).by_id()["house.dose-doctor"]
    assert loaded.options["must"] == {"phrases": ["your doctor", "your pharmacist"]}
    assert loaded.options["when"] == {"regex": "\\d+ mg"}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "override: evidence.overclam\nseverity: info\n",
            1,
            "override of unknown rule 'evidence.overclam', did you mean 'evidence.overclaim'?",
        ),
        ("override: evidence.overclaim\n", 1, "an override needs severity, disabled or extend"),
        (
            "override: evidence.overclaim\nseverty: info\n",
            2,
            "unknown key 'severty', did you mean 'severity'?",
        ),
        (
            "override: evidence.overclaim\nextend:\n  lemma: [true]\n",
            3,
            "cannot extend 'lemma' of evidence.overclaim",
        ),
        (
            "override: evidence.overclaim\nextend:\n  examples:\n    flag: nope\n",
            4,
            "'extend.examples.flag' cannot be extended",
        ),
        (
            "override: fda.drug-comparison\nextend:\n  patterns:\n    - [{LOWR: x}]\n",
            2,
            "extended rule fda.drug-comparison: unknown key 'LOWR'",
        ),
    ],
)
def test_override_errors(tmp_path: Path, text: str, line: int, message: str) -> None:
    folder = write(tmp_path / "house", {"o.yaml": text})
    with pytest.raises(ConfigError) as caught:
        load_rules([folder])
    err = caught.value
    assert err.path == str(folder / "o.yaml")
    assert err.line == line, err.render()
    assert message in err.message, err.render()


def test_two_overrides_of_one_rule_are_an_error(tmp_path: Path) -> None:
    one = "override: evidence.overclaim\nseverity: info\n"
    folder = write(tmp_path / "house", {"a.yaml": one, "b.yaml": one})
    with pytest.raises(ConfigError, match=r"already overridden in .*a\.yaml:1"):
        load_rules([folder])


def test_extend_adds_entries_to_mappings_but_never_changes_values(tmp_path: Path) -> None:
    rule = """\
id: house.dose-doctor
kind: requires
severity: warning
message: "Dose without doctor"
when: {regex: '\\d+ mg'}
must: {phrases: [your doctor]}
"""
    adds = "override: house.dose-doctor\nextend:\n  must: {regex: 'pharmacist'}\n"
    folder = write(tmp_path / "house", {"a.yaml": rule, "b.yaml": adds})
    loaded = load_rules([folder]).by_id()["house.dose-doctor"]
    assert loaded.options["must"] == {"phrases": ["your doctor"], "regex": "pharmacist"}
    changes = "override: house.dose-doctor\nextend:\n  when: {regex: 'mcg'}\n"
    write(folder, {"b.yaml": changes})
    with pytest.raises(ConfigError, match=r"'extend\.when\.regex' cannot be extended"):
        load_rules([folder])
