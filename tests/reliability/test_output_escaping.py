"""Control characters from file names, source lines and messages never reach a terminal or a
CI log raw: no forged workflow command (`::warning ...::` on a line of its own), no ESC
sequence (OSC 52 clipboard, window title), no bidi override, in any human-readable output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lint.printable import printable
from lint.report.github import annotation
from lint.report.templating import md_code, md_text

from .harness import run_supplint

FORGED_NAME = "a\n::warning file=README.md,line=1::FORGED\n.md"
CLAIM = "This blend is clinically proven."
OSC = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;pwned\x07"
RAW = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def raw_controls(line: str) -> list[str]:
    return RAW.findall(line)


def assert_clean(output: str) -> None:
    for line in output.split("\n"):
        assert not raw_controls(line), repr(line)
        assert not line.startswith("::warning file=README.md"), line


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_a_file_name_cannot_forge_a_workflow_command(tmp_path: Path, fmt: str):
    (tmp_path / FORGED_NAME).write_text(CLAIM + "\n")
    run = run_supplint("check", "--format", fmt, ".", cwd=tmp_path)
    assert run.returncode == 1 and not run.crashed, run.stderr
    assert_clean(run.stdout)
    assert "FORGED" in run.stdout  # the name is shown, escaped
    if fmt == "github":
        (line,) = run.stdout.splitlines()
        # the runner decodes %0A and %3A back into the real name: no new line, no command
        assert line.startswith(
            "::notice file=a%0A%3A%3Awarning file=README.md%2Cline=1%3A%3AFORGED%0A.md,line=1,"
        )
    else:
        assert run.stdout.startswith(r"./a\x0a::warning file=README.md,line=1::FORGED\x0a.md:1:")


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_escape_sequences_in_a_source_line_are_shown_escaped(tmp_path: Path, fmt: str):
    (tmp_path / "post.md").write_text(f"\u202e{OSC} {CLAIM}\n")
    run = run_supplint("check", "--format", fmt, "post.md", cwd=tmp_path)
    assert run.returncode == 1 and not run.crashed
    assert_clean(run.stdout)
    if fmt == "text":
        source, carets = run.stdout.splitlines()[2:4]
        shown = printable(OSC)
        assert source == f"1 | \\u202e{shown} {CLAIM}"
        # the carets still sit under "clinically proven", after the escaped prefix
        assert carets == "  | " + " " * (6 + len(shown) + 1 + CLAIM.index("clinically")) + "^" * 17


def test_json_keeps_the_exact_text(tmp_path: Path):
    """Machine-readable output is JSON-escaped already: excerpts stay byte-exact there."""
    (tmp_path / "post.md").write_text(f"{OSC} {CLAIM}\n")
    run = run_supplint("check", "--format", "json", "post.md", cwd=tmp_path)
    (finding,) = json.loads(run.stdout)["findings"]
    assert finding["column"] == len(OSC) + CLAIM.index("clinically") + 2


def test_error_lines_on_stderr_are_escaped(tmp_path: Path):
    name = "bad\x1b]0;pwned\x07\n::error::FORGED.md"
    (tmp_path / name).write_bytes(b"caf\xe9\n")
    run = run_supplint("check", ".", cwd=tmp_path)
    assert run.returncode == 2 and not run.crashed
    (line,) = run.stderr.splitlines()
    shown = r"./bad\x1b]0;pwned\x07\x0a::error::FORGED.md"
    assert line.startswith(f"supplint: error: {shown}: not valid")
    assert_clean(run.stderr)


def test_markdown_report_cells_are_escaped(tmp_path: Path):
    (tmp_path / "post.md").write_text(f"{CLAIM} {OSC}\n")
    run = run_supplint("report", "--format", "md", "-o", "out.md", "post.md", cwd=tmp_path)
    assert run.returncode == 1 and not run.crashed, run.stderr
    report = (tmp_path / "out.md").read_text()
    assert_clean(report)
    assert md_text("a\x1bb") == r"a\\x1bb"
    assert md_code("a\x07|b") == r"`a\x07\|b`"


def test_github_annotation_escapes_per_the_workflow_command_spec():
    line = annotation("error", "50% off\r\nnow\x1b[2J", file="a,b:c%.md", title="x")
    assert line == "::error file=a%2Cb%3Ac%25.md,title=x::50%25 off%0D%0Anow\\x1b[2J"


def test_ordinary_text_is_unchanged():
    text = "Zinc\tand magnesium \u2014 caf\u00e9, \u00bd dose, \u200b, \u05d0 \\n"
    assert printable(text) == text


def test_internal_error_line_is_escaped(monkeypatch, capsys):
    from lint import cli

    def crash(args):
        raise RuntimeError("cannot open bad\x1b]0;pwned\x07\n::error::FORGED.md")

    monkeypatch.setitem(cli.COMMANDS, "check", crash)
    monkeypatch.delenv("SUPPLINT_DEBUG", raising=False)
    assert cli.main(["check", "post.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(r"supplint: internal error: RuntimeError: cannot open bad\x1b]0;")
    assert err.count("\n") == 1
    assert_clean(err)
