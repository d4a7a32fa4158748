"""`supplint report` over an archive: a sortable summary index (per rule, article, author and
month), CSV exports, and one annotated page per flagged article."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from archive_data import posts, write_jsonl, write_wxr
from conftest import run_cli

SELECT = ("--select", "evidence.overclaim,fda.drug-comparison", "--no-cache")


def test_folder_report_has_summary_csv_and_article_pages(tmp_path: Path) -> None:
    rows = list(posts(30))
    rows[2]["title"] = "<script>alert(1)</script> & more"  # export text is untrusted
    write_wxr(tmp_path / "export.xml", rows)
    done = run_cli("report", "export.xml", "-o", "audit/", *SELECT, cwd=tmp_path)
    assert done.returncode == 1, done.stderr.decode()
    audit = tmp_path / "audit"
    index = (audit / "index.html").read_text(encoding="utf-8")
    for section in ('id="rules"', 'id="articles"', 'id="authors"', 'id="months"'):
        assert section in index
    assert 'class="sortable"' in index and "script-src 'sha256-" in index
    assert "<script>alert(1)</script>" not in index and "&lt;script&gt;alert(1)" in index
    articles = list(csv.DictReader(io.StringIO((audit / "articles.csv").read_text("utf-8"))))
    findings = list(csv.DictReader(io.StringIO((audit / "findings.csv").read_text("utf-8"))))
    assert len(articles) == 30
    flagged = {r["article"] for r in articles if int(r["total"])}
    assert flagged == {f["article"] for f in findings} and flagged
    # every flagged article has its own annotated page, linked from the index
    pages = sorted(p.name for p in audit.glob("export.xml_post-*.html"))
    assert len(pages) == len(flagged)
    assert all(f'href="{name}"' in index for name in pages)
    # counts per author add up to the findings
    per_author: dict[str, int] = {}
    for row in articles:
        per_author[row["author"]] = per_author.get(row["author"], 0) + int(row["total"])
    for author in per_author:
        assert f"<td>{author}</td>" in index
    assert sum(per_author.values()) == len(findings)


def test_single_file_report_writes_csv_beside_it(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "posts.jsonl", posts(12))
    done = run_cli("report", "posts.jsonl", "-o", "summary.html", *SELECT, cwd=tmp_path)
    assert done.returncode == 1, done.stderr.decode()
    assert (tmp_path / "summary-articles.csv").is_file()
    assert (tmp_path / "summary-findings.csv").is_file()
    html = (tmp_path / "summary.html").read_text(encoding="utf-8")
    assert 'href="summary-articles.csv"' in html and "posts.jsonl#1003" in html


def test_markdown_summary_to_stdout(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "posts.jsonl", posts(9))
    done = run_cli("report", "posts.jsonl", "--format", "md", "-o", "-", *SELECT, cwd=tmp_path)
    out = done.stdout.decode()
    assert done.returncode == 1
    assert "## By rule" in out and "## By author" in out and "## By month" in out
    assert "| `evidence.overclaim` |" in out or "| `fda.drug-comparison` |" in out
