"""`check --fix / --unsafe-fixes / --diff` on articles in every format, CRLF and BOM included."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from lint.fixes.producers import AFFILIATE_DISCLOSURE, FDA_DISCLAIMER
from lint.sources import read_file

BOM = b"\xef\xbb\xbf"

MARKDOWN = """---
title: Citicoline for study days
---

# Citicoline for study days

Citicoline sharpens focus during long study sessions.

A typical serving is 250 mg with breakfast.

Get it here: [a tub on Amazon](https://www.amazon.com/dp/B0CITI?tag=notes-20).
"""

HTML = """<!DOCTYPE html>
<html>
<head><title>Rhodiola notes</title></head>
<body>
  <h1>Rhodiola notes</h1>
  <p>Rhodiola improves mental energy on busy days.</p>
  <p>We take 200 mg in the morning, and skip it during pregnancy.</p>
  <p>Order it <a href="https://shop.example.com/go/rhodiola?aff=3">from the store</a>.</p>
</body>
</html>
"""

TEXT = """Ashwagandha and evening routines

Ashwagandha promotes deep sleep after a hard week.

Most people take 300 mg at night. You can buy it at https://amzn.to/4ashwa9 or iHerb."""
# (no final newline; a call to buy counts only on a page with an affiliate link)

ARTICLES = {"md": MARKDOWN, "html": HTML, "txt": TEXT}
DISCLOSED = AFFILIATE_DISCLOSURE + " "
# format -> (inserted text, the original text it must sit just before ("" = end of file))
INSERTIONS = {
    "md": [(DISCLOSED, "Get it here"), ("\n\n" + FDA_DISCLAIMER, "\n")],
    "html": [
        (DISCLOSED, "Order it"),
        (' rel="sponsored"', ">from the store"),
        (f"  <p>{FDA_DISCLAIMER}</p>\n", "</body>"),
    ],
    "txt": [(DISCLOSED, "Most people"), ("\n\n" + FDA_DISCLAIMER, "")],
}
SAFE_RULES = {
    "fda.missing-disclaimer",
    "ftc.undisclosed-affiliate-link",
    "ftc.buy-call-to-action",
    "ftc.missing-rel-sponsored",
}


def variant(text: str, crlf: bool, bom: bool) -> bytes:
    data = text.replace("\n", "\r\n") if crlf else text
    return (BOM if bom else b"") + data.encode("utf-8")


def remove_once(data: bytes, piece: bytes) -> bytes:
    assert data.count(piece) == 1, piece
    return data.replace(piece, b"", 1)


def ids_in_process(engine, path) -> list[str]:
    """Rule ids a `check` of the file on disk finds, without starting a process."""
    [result] = engine.lint_sources([read_file(str(path))])
    assert result.error is None
    return [finding.rule_id for finding in result.findings]


def rule_ids(path) -> list[str]:
    result = run_cli("check", str(path), "--format", "json")
    return [f["rule_id"] for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("crlf,bom", [(False, False), (True, False), (False, True), (True, True)])
@pytest.mark.parametrize("ext", ["md", "html", "txt"])
def test_fix_makes_the_safe_fixes_and_changes_no_other_byte(engine, tmp_path, ext, crlf, bom):
    path = tmp_path / f"article.{ext}"
    original = variant(ARTICLES[ext], crlf, bom)
    path.write_bytes(original)
    before = set(ids_in_process(engine, path))
    assert {"fda.missing-disclaimer"} < before & SAFE_RULES

    result = run_cli("check", "--fix", "--format", "json", str(path))

    fixed = path.read_bytes()
    rest = fixed
    for inserted, anchor in INSERTIONS[ext]:
        if crlf:
            inserted, anchor = inserted.replace("\n", "\r\n"), anchor.replace("\n", "\r\n")
        piece = inserted.encode()
        assert piece + anchor.encode() in fixed if anchor else fixed.endswith(piece)
        rest = remove_once(rest, piece)
    assert rest == original  # every byte outside the inserted text is the original's
    assert fixed.startswith(BOM) == bom
    remaining = {f["rule_id"] for f in json.loads(result.stdout)["findings"]}
    assert not remaining & SAFE_RULES  # the second look (re-lint) finds them gone
    assert "evidence.unsupported-causal-claim" in remaining  # unsafe: reported, not applied
    assert result.returncode == 1  # the exit code reflects what remains
    assert f"applied {len(before & SAFE_RULES)} fix(es) in 1 file" in result.stderr.decode()
    assert not set(ids_in_process(engine, path)) & SAFE_RULES  # and a second check agrees


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
    assert "+  <p>Rhodiola may support mental energy on busy days.</p>\r\n" in out
    # the dosed substance's missing caution (pregnancy is given) goes after its dose
    assert "skip it during pregnancy. Rhodiola can interact" in out
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
    run_cli("check", "--fix", "--select", "fda", str(path), cwd=tmp_path)
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
    fixes = [
        f["fix"]
        for f in json.loads(run_cli("check", str(path), "--format", "json").stdout)["findings"]
        if "fix" in f
    ]
    safe = sum(fix["safe"] for fix in fixes)
    assert safe >= 2 and len(fixes) > safe
    assert (
        out[-1] == f"[*] {safe} fixable with --fix ({len(fixes) - safe} more with --unsafe-fixes)."
    )


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


def test_fix_over_a_folder_fixes_good_files_and_reports_bad_ones(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(MARKDOWN, encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"Bacopa boosts memory \xff\xfe here.\n")
    result = run_cli("check", "--fix", str(tmp_path))
    assert result.returncode == 2
    assert f"{bad}: not valid UTF-8" in result.stderr.decode()
    assert bad.read_bytes() == b"Bacopa boosts memory \xff\xfe here.\n"
    assert FDA_DISCLAIMER in good.read_text(encoding="utf-8")


def test_archives_are_never_fixed_in_place(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(MARKDOWN, encoding="utf-8")
    archive = tmp_path / "posts.jsonl"
    archive.write_text('{"id": 1, "body": "Bacopa boosts memory."}\n', encoding="utf-8")
    result = run_cli("check", "--fix", str(good), str(archive))
    assert result.returncode == 2
    assert b"cannot rewrite its articles" in result.stderr
    assert archive.read_text(encoding="utf-8") == '{"id": 1, "body": "Bacopa boosts memory."}\n'
    assert good.read_text(encoding="utf-8") == MARKDOWN  # refused before anything was written
