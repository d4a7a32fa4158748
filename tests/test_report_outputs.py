"""Reports and baselines write only where the user said: report pages stay inside the output
folder whatever an archive id holds, a folder appears whole or not at all, pages are written as
they are rendered, an output folder in the linted tree is not linted, and --write-baseline never
replaces an input or a file that is not a baseline."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import run_cli

from lint.cli import main

CLAIM = "This blend is clinically proven to sharpen focus."
SELECT = ("--select", "evidence.overclaim", "--no-cache", "--jobs", "1")


def jsonl(path: Path, ids: list[str]) -> Path:
    rows = [{"id": i, "title": f"t{n}", "body": f"<p>{CLAIM}</p>"} for n, i in enumerate(ids)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    return path


def everything_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


def test_archive_ids_cannot_name_files_outside_the_folder(tmp_path: Path):
    work = tmp_path / "work"
    work.mkdir()
    ids = ["x" * 300, "../../escaped", "/etc/passwd-ish", "a\u0000b", "..", "ok"]
    jsonl(work / "posts.jsonl", ids)
    before = everything_under(tmp_path)
    done = run_cli("report", "posts.jsonl", "-o", "audit/", *SELECT, cwd=work)
    assert done.returncode == 1, done.stderr.decode()
    new = everything_under(tmp_path) - before
    audit = work / "audit"
    assert all(p.parent == audit for p in new - {audit})  # nothing beside or above it
    pages = sorted(p.name for p in audit.glob("posts.jsonl*.html"))
    assert len(pages) == len(ids)  # every flagged article has its page: nothing was lost
    assert all(len(name) <= 200 for name in pages)
    index = (audit / "index.html").read_text("utf-8")
    assert all(f'href="{name}"' in index for name in pages)
    assert not list(work.glob(".audit.*"))  # no staging folder left behind


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "existing-folder"])
def test_a_failing_page_writes_nothing_and_leaves_no_staging(
    tmp_path: Path, monkeypatch, capsys, existing: bool
):
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(4):
        (articles / f"a{n}.md").write_text(f"{CLAIM}\n", "utf-8")
    out = tmp_path / "out"
    if existing:
        out.mkdir()
        (out / "index.html").write_text("yesterday's index", "utf-8")
    import lint.report.html as html

    real, calls = html.render_html, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(36, "File name too long")
        return real(*args, **kwargs)

    monkeypatch.setattr(html, "render_html", flaky)
    assert main(["report", str(articles), "-o", f"{out}/", *SELECT]) == 2
    if existing:
        assert [p.name for p in out.iterdir()] == ["index.html"]
        assert (out / "index.html").read_text("utf-8") == "yesterday's index"
    else:
        assert not out.exists()
    left = ["articles", "out"] if existing else ["articles"]
    assert sorted(p.name for p in tmp_path.iterdir()) == left  # no staging folder beside it


def test_pages_are_written_as_they_are_rendered(tmp_path: Path, monkeypatch, capsys):
    """Memory holds one page at a time: when page n renders, pages 1..n-1 are on disk and the
    report it gets holds one article's text."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(5):
        (articles / f"a{n}.md").write_text(f"{CLAIM} Number {n}.\n", "utf-8")
    import lint.report.html as html

    real, seen = html.render_html, []

    def watching(report, *args, **kwargs):
        on_disk = [p for p in tmp_path.glob(".out.*/*.html")]
        seen.append((len(on_disk), len(report.sources)))
        return real(report, *args, **kwargs)

    monkeypatch.setattr(html, "render_html", watching)
    assert main(["report", str(articles), "-o", str(tmp_path / "out") + "/", *SELECT]) == 1
    assert seen == [(0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, 0)]  # 5 pages, then the index
    assert len(list((tmp_path / "out").glob("*.html"))) == 6


def test_an_output_folder_inside_the_linted_tree_is_not_linted(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "post.md").write_text(f"{CLAIM}\n", "utf-8")
    first = run_cli("report", ".", "-o", "reports/", *SELECT, cwd=site)
    assert first.returncode == 1, first.stderr.decode()
    second = run_cli("report", ".", "-o", "reports/", *SELECT, cwd=site)
    assert second.returncode == 1, second.stderr.decode()
    assert b"reports/ is inside the linted paths; it is not linted" in second.stderr
    index = (site / "reports" / "index.html").read_text("utf-8")
    assert "post.md" in index and "reports/" not in index  # the pages were not linted
    check = run_cli("check", ".", *SELECT, cwd=site)  # later runs skip it too
    assert b"reports" not in check.stdout and b"1 file" in check.stdout


@pytest.mark.parametrize("target", ["post.md", "posts/other.md"])
def test_write_baseline_never_replaces_an_input(tmp_path: Path, target: str):
    (tmp_path / "posts").mkdir()
    (tmp_path / "post.md").write_text(f"{CLAIM}\n", "utf-8")
    (tmp_path / "posts" / "other.md").write_text(f"{CLAIM}\n", "utf-8")
    done = run_cli("check", "post.md", "posts", "--write-baseline", target, *SELECT, cwd=tmp_path)
    assert done.returncode == 2
    err = done.stderr.decode().strip()
    why = "is an input being linted; refusing to write a baseline over it"
    assert err == f"supplint: error: {target}: {why}"
    assert (tmp_path / target).read_text("utf-8") == f"{CLAIM}\n"


def test_write_baseline_replaces_only_a_baseline(tmp_path: Path):
    (tmp_path / "post.md").write_text(f"{CLAIM}\n", "utf-8")
    (tmp_path / "notes.txt").write_text("my notes\n", "utf-8")
    done = run_cli("check", "post.md", "--write-baseline", "notes.txt", *SELECT, cwd=tmp_path)
    assert done.returncode == 2
    assert "notes.txt: exists and is not a supplint baseline" in done.stderr.decode()
    assert (tmp_path / "notes.txt").read_text("utf-8") == "my notes\n"
    for _ in range(2):  # a new file, then its own baseline again
        done = run_cli("check", "post.md", "--write-baseline", "b.json", *SELECT, cwd=tmp_path)
        assert done.returncode == 0, done.stderr.decode()
    assert json.loads((tmp_path / "b.json").read_text("utf-8"))["supplint_baseline"] == 1
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".baseline-")]
