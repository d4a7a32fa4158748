"""House rules, their message templates and report templates are untrusted input: regexes run
in linear time (RE2), YAML never builds Python objects, and templates cannot reach Python."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lint.rules.model import fill

from .harness import run_supplint


def house(folder: Path, rule_yaml: str) -> None:
    (folder / ".supplint.yaml").write_text("rule_dirs: [house]\n")
    (folder / "house").mkdir(exist_ok=True)
    (folder / "house" / "rule.yaml").write_text(rule_yaml)


REGEX_RULE = """id: house.{name}
kind: regex
severity: warning
message: "{message}"
regex: '{regex}'
"""


@pytest.mark.parametrize("regex", ["(a+)+$", "(a|aa)+$", "(a*)*b", "(.*a){12}"])
def test_catastrophic_backtracking_pattern_runs_in_linear_time(tmp_path: Path, regex: str):
    house(tmp_path, REGEX_RULE.format(name="runs", message="run {match}", regex=regex))
    # 50,000 a's then a character that makes a backtracking engine try every split
    (tmp_path / "post.txt").write_text("a" * 50_000 + "!\n")
    start = time.monotonic()
    run = run_supplint("check", "post.txt", cwd=tmp_path, timeout=60)
    assert not run.crashed and not run.timed_out
    assert run.returncode in (0, 1)
    assert time.monotonic() - start < 30  # Python's re would not finish this in a lifetime


@pytest.mark.parametrize(("regex", "why"), [(r"(a)\1", "backreference"), ("a(?=b)", "lookahead")])
def test_regex_rre2_cannot_run_is_rejected_with_file_and_line(tmp_path: Path, regex, why):
    house(tmp_path, REGEX_RULE.format(name="bad", message="m", regex=regex))
    (tmp_path / "post.txt").write_text("aa\n")
    run = run_supplint("check", "post.txt", cwd=tmp_path)
    assert run.returncode == 2 and not run.crashed, why
    (line,) = run.error_lines()
    assert "house/rule.yaml:5:" in line and "RE2" in line


PYTHON_TAGS = [
    'message: !!python/object/apply:os.system ["touch {marker}"]',
    'message: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
    'phrases: !!python/object/apply:os.system ["touch {marker}"]',
    'severity: !!python/name:os.system ""',
]


@pytest.mark.parametrize("tagged", PYTHON_TAGS)
def test_python_tags_in_rule_yaml_are_rejected_with_file_and_line(tmp_path: Path, tagged):
    marker = tmp_path / "owned"
    lines = {"id": "id: house.tagged", "kind": "kind: phrase", "severity": "severity: info"}
    lines |= {"message": 'message: "m"', "phrases": "phrases: [miracle]"}
    key = tagged.split(":", 1)[0]
    lines[key] = tagged.format(marker=marker)
    house(tmp_path, "\n".join(lines.values()) + "\n")
    (tmp_path / "post.txt").write_text("A miracle.\n")
    run = run_supplint("check", "post.txt", cwd=tmp_path)
    assert run.returncode == 2 and not run.crashed, run.stderr
    (line,) = run.error_lines()
    assert line.startswith(f"supplint: error: {tmp_path / 'house' / 'rule.yaml'}:")
    assert line.split("rule.yaml:")[1].split(":")[0].isdigit()  # a YAML line number
    assert not marker.exists(), "a YAML tag ran code"


def test_python_tag_in_front_matter_is_rejected_and_never_runs(tmp_path: Path):
    marker = tmp_path / "owned"
    (tmp_path / "post.md").write_text(
        f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\nBody.\n'
    )
    run = run_supplint("check", "post.md", cwd=tmp_path)
    assert run.returncode == 2 and run.error_lines()[0].startswith("supplint: error: post.md:2:")
    assert not marker.exists()


@pytest.mark.parametrize(
    "template",
    [
        "{match.__class__}",
        "{match.__class__.__mro__}",
        "{sentence.__init__.__globals__}",
        "{0}",
        "{match!r}",
        "{match:>99999999}",
        "{{match}}",
    ],
)
def test_message_templates_cannot_reach_attributes(template: str):
    message = fill(template, {"match": "miracle", "sentence": "A miracle."})
    assert "class" not in message.replace("__class__", "") and "<" not in message
    assert "mro" not in message.replace("__mro__", "")
    assert len(message) < 100


def test_message_template_in_a_house_rule_stays_literal(tmp_path: Path):
    message = "Found {match} {match.__class__.__mro__} {sentence.__init__.__globals__}"
    house(tmp_path, REGEX_RULE.format(name="fill", message=message, regex="miracle"))
    (tmp_path / "post.txt").write_text("A miracle.\n")
    run = run_supplint("check", "--select", "house", "post.txt", cwd=tmp_path)
    assert run.returncode == 1
    assert "Found miracle {match.__class__.__mro__} {sentence.__init__.__globals__}" in run.stdout


HOSTILE_TEMPLATES = {
    "mro": "{{ ''.__class__.__mro__ }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "config": "{{ self._TemplateReference__context }}",
    "include": "{% include '../../../../../../etc/passwd' %}",
}


@pytest.mark.parametrize("name", list(HOSTILE_TEMPLATES))
def test_user_templates_are_sandboxed(tmp_path: Path, name: str):
    marker = tmp_path / "owned"
    templates = tmp_path / "templates"
    templates.mkdir()
    body = HOSTILE_TEMPLATES[name].replace("MARKER", str(marker))
    (templates / "report.html").write_text(f"<html>{body}</html>\n")
    (tmp_path / "post.md").write_text("A miracle cure.\n")
    (tmp_path / "old.html").write_text("previous report\n")
    run = run_supplint(
        "report", "post.md", "--template-dir", "templates", "-o", "old.html", cwd=tmp_path
    )
    assert not run.crashed, run.stderr
    assert not marker.exists(), "a template ran code"
    assert run.returncode == 2  # fails cleanly: one line, the old report untouched
    (line,) = run.error_lines()
    if name == "include":
        assert line.endswith("etc/passwd: template not found")
    else:
        assert line.startswith("supplint: error: templates/report.html:1: SecurityError:")
    assert (tmp_path / "old.html").read_text() == "previous report\n"
