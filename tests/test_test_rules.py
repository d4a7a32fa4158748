"""`supplint test-rules`: runs the examples embedded in rules, reports failures with file:line."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

from lint.rules.loader import load_rules

RULES = """\
- id: house.no-cure
  kind: phrase
  severity: error
  message: "Never '{match}'"
  phrases: [cure]
  lemma: true
  unless: [negated]
  examples:
    flag:
      - "This root cures colds."
      - "This root heals colds."
      - text: "<p>A <b>cure</b> for colds.</p>"
        format: html
    pass:
      - "Nothing here is a cure."
      - "A cure for boredom."
      - text: '<p><a title="cure" href="/x">Roots</a> are tasty.</p>'
        format: html
- id: house.untested
  kind: regex
  severity: info
  message: "x"
  regex: 'zzz'
"""


def write_pack(tmp_path: Path, text: str = RULES) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "rules.yaml").write_text(text, encoding="utf-8")
    return folder


def test_failing_examples_are_reported_with_file_and_line(tmp_path: Path) -> None:
    folder = write_pack(tmp_path)
    result = run_cli("test-rules", str(folder))
    out = result.stdout.decode()
    assert result.returncode == 1, out + result.stderr.decode()
    rule_file = folder / "rules.yaml"
    assert f"{rule_file}:11: house.no-cure: flag example: expected a finding, got none\n" in out
    assert "    This root heals colds.\n" in out
    assert (
        f"{rule_file}:16: house.no-cure: pass example: expected no finding, got 1 "
        "(first at 1:3 'cure')\n" in out
    )
    # the HTML examples pass: <b>cure</b> is prose, a title attribute is not
    assert f"{rule_file}:12:" not in out and f"{rule_file}:17:" not in out
    assert out.count(": house.no-cure: ") == 2
    summary = out.strip().splitlines()[-1]
    assert summary == (
        "test-rules: 2 rules, 6 examples: 4 passed, 2 failed; 1 without examples (house.untested)"
    )


def test_all_passing_exits_0(tmp_path: Path) -> None:
    fixed = RULES.replace('      - "This root heals colds."\n', "").replace(
        '      - "A cure for boredom."\n', ""
    )
    result = run_cli("test-rules", str(write_pack(tmp_path, fixed)), "--select", "house.no-cure")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.decode().strip() == "test-rules: 1 rules, 4 examples: 4 passed, 0 failed"


def test_house_dirs_from_config_and_overridden_builtins(tmp_path: Path) -> None:
    override = """\
override: evidence.overclaim
extend:
  phrases: [wonder pill]
  examples:
    flag: ["Honestly, a wonder pill."]
    pass: ["A wonder pill, some say, but it is not."]
"""
    folder = write_pack(tmp_path, override)
    (tmp_path / ".supplint.yaml").write_text("rule_dirs: [pack]\n", encoding="utf-8")
    result = run_cli("test-rules", "--select", "evidence.overclaim", cwd=tmp_path)
    out = result.stdout.decode()
    # the built-in examples plus the override's two ran against the extended rule
    builtin = load_rules().by_id()["evidence.overclaim"].examples
    count = len(builtin.get("flag", [])) + len(builtin.get("pass", [])) + 2
    assert f"test-rules: 1 rules, {count} examples: {count} passed, 0 failed" in out, out
    direct = run_cli("test-rules", str(folder)).stdout.decode()
    assert f"test-rules: 1 rules, {count} examples" in direct  # the rule the pack changes


def test_invalid_rule_file_exits_2(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, RULES.replace("kind: phrase", "kind: phrasee"))
    result = run_cli("test-rules", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'rules.yaml'}:2:9: unknown kind 'phrasee'".encode() in result.stderr
    missing = run_cli("test-rules", str(tmp_path / "nope"))
    assert missing.returncode == 2 and b"no such rule file or folder" in missing.stderr


def test_builtin_rule_examples_all_pass() -> None:
    """CI runs every built-in rule's examples (and validates every built-in rule file)."""
    result = run_cli("test-rules")
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    assert b" 0 failed" in result.stdout


def test_expectations_hook_and_txt_examples(tmp_path: Path, monkeypatch) -> None:
    """Later expectations (e.g. `fixed:`) plug into lint.testing.EXPECTATIONS."""
    from lint import testing

    def no_plain_text(example: testing.Example, own: list, _all: list) -> str | None:
        return "custom: plain text seen" if example.format == "text" else None

    monkeypatch.setattr(testing, "EXPECTATIONS", [*testing.EXPECTATIONS, no_plain_text])
    rules = RULES.replace(
        "    pass:\n", '      - text: "It cures all ills."\n        format: txt\n    pass:\n'
    )
    run = testing.run_rule_tests([write_pack(tmp_path, rules)], [], ["house.no-cure"])
    reasons = {(f.example.line, f.reason) for f in run.failures}
    assert (14, "custom: plain text seen") in reasons  # the txt example was flagged, then hooked
    assert all(line != 14 for line, reason in reasons if reason.startswith("flag example"))


PINNED = """\
id: house.disease-words
kind: regex
severity: error
message: "Disease claim '{match}'"
regex: '\\b(?:cures|treats) (?:ADHD|insomnia)\\b'
examples:
  flag:
    - {text: "This blend cures ADHD in a week.", match: "cures ADHD"}
    - text: "It treats insomnia and cures ADHD."
      match: "cures ADHD"
    - text: "Bacopa treats insomnia, fans say."
      match: "treats ADHD"
  pass:
    - {text: "It supports focus.", match: "supports focus"}
"""


def test_a_flag_example_pins_its_span_with_match(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, PINNED)
    result = run_cli("test-rules", str(folder))
    out = result.stdout.decode()
    assert result.returncode == 1, out + result.stderr.decode()
    rule_file = folder / "rules.yaml"
    # the first two pins hold (the second among two findings); the third names what it got
    assert f"{rule_file}:8:" not in out and f"{rule_file}:9:" not in out
    assert (
        f"{rule_file}:11: house.disease-words: flag example: expected a finding on "
        "'treats ADHD', got 'treats insomnia' at 1:8\n" in out
    )
    assert (
        f"{rule_file}:14: house.disease-words: pass example: 'match' pins a finding's span; "
        "a pass example has no finding\n" in out
    )
    assert out.strip().splitlines()[-1].endswith("4 examples: 2 passed, 2 failed")


def test_builtin_examples_pin_their_spans() -> None:
    pinned = {
        rule.id: [e["match"] for e in rule.examples["flag"] if isinstance(e, dict) and "match" in e]
        for rule in load_rules().rules
    }
    assert pinned["safety.dose-without-caution"] == ["300 mg", "5 g", "500 mg"]
    assert pinned["ftc.missing-rel-sponsored"] == [
        '<a href="https://amzn.to/3kq2Zx9">these capsules</a>'
    ]


def test_naming_a_builtin_folder_loads_it_once() -> None:
    """`test-rules rules/safety` tests the built-in safety rules: they are not loaded a second
    time as a house folder (that was a "duplicate rule id" error, exit 2)."""
    for target in ("rules/safety", "rules", "rules/fda/disease-claim.yaml"):
        result = run_cli("test-rules", target)
        assert result.returncode == 0, (target, result.stderr)
        out = result.stdout.decode()
        assert "passed" in out and "duplicate" not in out + result.stderr.decode()
    safety = run_cli("test-rules", "rules/safety", "-v").stdout.decode()
    tested = {line.split(":")[0].strip() for line in safety.splitlines() if line.startswith("  ")}
    assert tested and all(rule_id.startswith("safety.") for rule_id in tested)


def test_a_house_folder_inside_another_is_loaded_once(tmp_path: Path) -> None:
    folder = write_pack(tmp_path)
    ruleset = load_rules([folder.parent, folder])
    assert [rule.id for rule in ruleset.rules].count("house.no-cure") == 1
