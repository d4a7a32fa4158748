"""Baselines: record findings once, then report only new ones; edits elsewhere in an article do
not resurrect old findings, and a newly added claim is reported."""

from __future__ import annotations

import json
from pathlib import Path

from archive_data import posts, write_wxr
from conftest import run_cli

from lint.archives.baseline import fingerprint, sentence_context
from lint.finding import Finding

NEW_CLAIM = "Readers say the capsules are clinically proven to fix memory."


def check(*args: str, cwd: Path) -> tuple[int, dict, str]:
    # two built-in rules whose examples these tests use; other rules' findings would only add noise
    select = ("--select", "evidence.overclaim,fda.drug-comparison")
    done = run_cli("check", "--format", "json", "--no-cache", *select, *args, cwd=cwd)
    return done.returncode, json.loads(done.stdout), done.stderr.decode()


def test_baseline_hides_old_findings_and_shows_a_new_claim(tmp_path: Path) -> None:
    rows = list(posts(60))
    export = write_wxr(tmp_path / "export.xml", rows)
    code, data, err = check("--write-baseline", "baseline.json", "export.xml", cwd=tmp_path)
    assert code == 0, err  # writing a baseline is not a failure
    total = len(data["findings"])
    assert total > 0 and f"wrote {total} finding(s) to baseline baseline.json" in err
    stored = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert stored["supplint_baseline"] == 1
    assert sum(e["count"] for entries in stored["articles"].values() for e in entries) == total
    assert all(key.startswith("export.xml#post-") for key in stored["articles"])

    code, data, _ = check("--baseline", "baseline.json", "export.xml", cwd=tmp_path)
    assert (code, data["findings"]) == (0, [])

    # edit articles: a new paragraph on top of every flagged one (moves every old finding down a
    # line), and a new claim in one article that had none
    flagged = {f["path"].rsplit("#post-", 1)[1] for f in json.loads(_baseline_run(tmp_path))}
    clean = next(r for r in rows if r["id"] not in flagged)
    for row in rows:
        if row["id"] in flagged:
            row["body"] = "<p>Updated in 2026 with a new photo.</p>\n" + row["body"]
    clean["body"] += f"\n<p>{NEW_CLAIM}</p>"
    write_wxr(export, rows)
    code, data, _ = check("--baseline", "baseline.json", "export.xml", cwd=tmp_path)
    assert code == 1
    assert [(f["path"], f["excerpt"]) for f in data["findings"]] == [
        (f"export.xml#post-{clean['id']}", "clinically proven")
    ]
    # the baseline works from another working directory (paths are relative to the baseline)
    sub = tmp_path / "sub"
    sub.mkdir()
    code, data, _ = check("--baseline", "../baseline.json", "../export.xml", cwd=sub)
    assert code == 1 and len(data["findings"]) == 1


def _baseline_run(folder: Path) -> str:
    _code, data, _err = check("export.xml", cwd=folder)
    return json.dumps(data["findings"])


def test_a_second_copy_of_a_baselined_claim_is_new(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"Intro.\n\n{NEW_CLAIM}\n", encoding="utf-8")
    code, _, _ = check("--write-baseline", "b.json", "page.md", cwd=tmp_path)
    assert code == 0
    page.write_text(f"Intro.\n\n{NEW_CLAIM}\n\nMore.\n\n{NEW_CLAIM}\n", encoding="utf-8")
    code, data, _ = check("--baseline", "b.json", "page.md", cwd=tmp_path)
    assert code == 1
    assert [(f["line"], f["excerpt"]) for f in data["findings"]] == [(7, "clinically proven")]


def test_bad_baseline_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Calm words.\n", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"articles": []}', encoding="utf-8")
    for name, message in (("b.json", "not a supplint baseline"), ("nope.json", "does not exist")):
        done = run_cli("check", "--baseline", name, "page.md", cwd=tmp_path)
        err = done.stderr.decode()
        assert done.returncode == 2 and f"{name}: " in err and message in err
        assert "Traceback" not in err


def _finding(text: str, start: int, end: int) -> Finding:
    return Finding(
        "a.md", "evidence.overclaim", "info", "m", 1, 1, 1, 1, text[start:end], "evidence",
        start_offset=start, end_offset=end,
    )  # fmt: skip


def test_fingerprint_ignores_markup_spacing_and_other_sentences() -> None:
    text = "<p>First one. It is <b>clinically  proven</b> to help! Last one.</p>"
    start = text.index("clinically")
    end = start + len("clinically  proven")
    assert sentence_context(text, start, end) == "clinically  proven"  # tags end it here
    plain = "First one. It is clinically proven to help! Last one."
    p_start = plain.index("clinically")
    assert sentence_context(plain, p_start, p_start + 17) == "It is clinically proven to help"
    moved = "A whole new opening paragraph.\n\n" + plain.replace("Last one.", "Changed.")
    m_start = moved.index("clinically")
    same = fingerprint(_finding(plain, p_start, p_start + 17), plain)
    assert fingerprint(_finding(moved, m_start, m_start + 17), moved) == same
    edited = plain.replace("to help", "to cure")
    assert fingerprint(_finding(edited, p_start, p_start + 17), edited) != same
