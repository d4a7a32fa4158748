"""`check --fix / --unsafe-fixes / --diff` on articles in every format, CRLF and BOM included."""

from __future__ import annotations

import difflib
import json

import pytest
from conftest import run_cli

from lint.fixes.producers import FDA_DISCLAIMER

BOM = b"\xef\xbb\xbf"

MARKDOWN = """---
title: Citicoline for study days
---

# Citicoline for study days

Citicoline sharpens focus during long study sessions.

A typical serving is 250 mg with breakfast.
"""

HTML = """<!DOCTYPE html>
<html>
<head><title>Rhodiola notes</title></head>
<body>
  <h1>Rhodiola notes</h1>
  <p>Rhodiola improves mental energy on busy days.</p>
</body>
</html>
"""

TEXT = """Ashwagandha and evening routines

Ashwagandha promotes deep sleep after a hard week.

Most people take 300 mg at night."""  # no final newline, on purpose

DISCLAIMER_BY_FORMAT = {
    "md": "\n\n" + FDA_DISCLAIMER,
    "html": f"  <p>{FDA_DISCLAIMER}</p>\n",
    "txt": "\n\n" + FDA_DISCLAIMER,
}
ARTICLES = {"md": MARKDOWN, "html": HTML, "txt": TEXT}


def variant(text: str, crlf: bool, bom: bool) -> bytes:
    data = text.replace("\n", "\r\n") if crlf else text
    return (BOM if bom else b"") + data.encode("utf-8")


def inserted_chunks(before: bytes, after: bytes) -> list[bytes]:
    """The bytes `after` adds to `before`; fails if anything of `before` changed or went."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    chunks = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), f"original bytes changed: {before[i1:i2]!r}"
        if tag == "insert":
            chunks.append(after[j1:j2])
    return chunks


def rule_ids(path) -> list[str]:
    result = run_cli("check", str(path), "--format", "json")
    return [f["rule_id"] for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("crlf,bom", [(False, False), (True, False), (False, True), (True, True)])
@pytest.mark.parametrize("ext", ["md", "html", "txt"])
def test_fix_adds_the_disclaimer_and_changes_nothing_else(tmp_path, ext, crlf, bom):
    path = tmp_path / f"article.{ext}"
    original = variant(ARTICLES[ext], crlf, bom)
    path.write_bytes(original)

    result = run_cli("check", "--fix", "--format", "json", str(path))

    fixed = path.read_bytes()
    expected = DISCLAIMER_BY_FORMAT[ext]
    expected = expected.replace("\n", "\r\n") if crlf else expected
    chunks = inserted_chunks(original, fixed)  # only insertions: no original byte changed
    assert sum(map(len, chunks)) == len(expected.encode())
    # HTML: its own line just before </body>; else after the last paragraph, keeping the
    # file's final newline (or its lack of one)
    at = original.index(b"</body>") if ext == "html" else len(original.rstrip())
    assert fixed == original[:at] + expected.encode() + original[at:]
    assert fixed.startswith(BOM) == bom
    remaining = [f["rule_id"] for f in json.loads(result.stdout)["findings"]]
    assert "fda.missing-disclaimer" not in remaining
    assert "evidence.unsupported-causal-claim" in remaining  # unsafe: reported, not applied
    assert result.returncode == 1  # exit code reflects what remains
    assert "applied 1 fix" in result.stderr.decode()


def test_second_check_shows_the_fixed_findings_gone(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    assert "fda.missing-disclaimer" in rule_ids(path)
    assert run_cli("check", "--fix", "--unsafe-fixes", str(path)).returncode == 0
    assert rule_ids(path) == []
    text = path.read_text(encoding="utf-8")
    assert "Citicoline may support focus during long study sessions." in text


def test_diff_prints_the_fixes_and_changes_nothing(tmp_path):
    path = tmp_path / "article.html"
    original = variant(HTML, crlf=True, bom=True)
    path.write_bytes(original)
    result = run_cli("check", "--diff", "--unsafe-fixes", str(path))
    assert path.read_bytes() == original
    assert result.returncode == 1
    out = result.stdout.decode()
    assert f"--- {path}\r\n".replace("\r", "") in out
    assert "-  <p>Rhodiola improves mental energy on busy days.</p>\r\n" in out
    assert "+  <p>Rhodiola may support mental energy on busy days. Rhodiola can interact" in out
    assert f"+  <p>{FDA_DISCLAIMER}</p>\r\n" in out


def test_diff_on_a_clean_file_is_empty_with_exit_0(tmp_path):
    path = tmp_path / "clean.md"
    path.write_text("# Notes\n\nMagnesium is a mineral found in nuts.\n", encoding="utf-8")
    result = run_cli("check", "--diff", str(path))
    assert (result.returncode, result.stdout) == (0, b"")


def test_fix_from_stdin_writes_the_fixed_article_to_stdout(tmp_path):
    result = run_cli(
        "check", "--fix", "-", "--stdin-filename", "draft.md", stdin=variant(MARKDOWN, True, True)
    )
    out = result.stdout
    assert out.startswith(BOM)
    assert out.endswith(f"\r\n\r\n{FDA_DISCLAIMER}\r\n".encode())
    assert b"evidence.unsupported-causal-claim" in result.stderr
    assert result.returncode == 1


def test_configured_wording_goes_before_the_footer_marker(tmp_path):
    (tmp_path / ".supplint.yaml").write_text(
        'disclaimer_text: "Statements here are not evaluated by the FDA; not intended to '
        'diagnose, treat, cure or prevent any disease."\n'
        'disclaimer_before: "<!-- footer -->"\n',
        encoding="utf-8",
    )
    path = tmp_path / "article.md"
    body = MARKDOWN + "\n<!-- footer -->\nMore articles from our team.\n"
    path.write_text(body, encoding="utf-8")
    run_cli("check", "--fix", str(path), cwd=tmp_path)
    fixed = path.read_text(encoding="utf-8")
    assert fixed == body.replace(
        "<!-- footer -->",
        "Statements here are not evaluated by the FDA; not intended to diagnose, treat, cure "
        "or prevent any disease.\n\n<!-- footer -->",
    )
    assert "fda.missing-disclaimer" not in rule_ids(path)


def test_bad_disclosure_position_is_a_config_error(tmp_path):
    (tmp_path / ".supplint.yaml").write_text("disclosure_position: bottom\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    result = run_cli("check", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert b"disclosure_position must be before-link or top" in result.stderr


def test_text_summary_says_how_many_findings_are_fixable(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    out = run_cli("check", str(path)).stdout.decode().splitlines()
    assert out[-1].startswith("[*] 1 fixable with --fix (")
    assert out[-1].endswith(" more with --unsafe-fixes).")


def test_sarif_carries_the_disclaimer_fix_as_an_insertion(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(variant(TEXT, crlf=True, bom=False))
    sarif = json.loads(run_cli("check", str(path), "--format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    missing = next(r for r in results if r["ruleId"] == "fda.missing-disclaimer")
    [fix] = missing["fixes"]
    [change] = fix["artifactChanges"]
    [replacement] = change["replacements"]
    assert replacement["insertedContent"]["text"] == f"\r\n\r\n{FDA_DISCLAIMER}"
    region = replacement["deletedRegion"]
    last_line = TEXT.splitlines()[-1]
    assert (region["startLine"], region["startColumn"]) == (5, len(last_line) + 1)
    assert (region["endLine"], region["endColumn"]) == (5, len(last_line) + 1)
    assert fix["properties"]["safe"] is True
