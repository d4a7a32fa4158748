"""`supplint report`: files and folders of reports, atomic writes, user templates in a sandbox."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from lint.cli import main
from lint.commands.report_files import report_names, write_atomic
from tests.conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data" / "report"


@pytest.fixture()
def articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = []
    for name in ("ashwagandha-gummies.md", "hostile.md"):
        shutil.copy(DATA / name, folder / name)
        paths.append(folder / name)
    return paths


def report(*args: str) -> int:
    return main(["report", "--jobs", "1", *args])


def test_folder_gets_one_report_per_article_and_an_index(
    articles: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = [p.read_bytes() for p in articles]
    out = tmp_path / "out"
    assert report(*map(str, articles), "-o", f"{out}/", "--select", "evidence.overclaim") == 1
    names = sorted(p.name for p in out.iterdir())
    first, second = (report_names([str(p)], ".html")[str(p)] for p in articles)
    assert names == sorted([".supplint-output", "index.html", first, second])  # + the marker
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{first}"' in index and f'href="{second}"' in index
    page = (out / first).read_text(encoding="utf-8")
    assert "clinically proven</mark>" in page
    assert str(articles[1]) not in page  # one article per report
    assert [p.read_bytes() for p in articles] == before  # never writes to articles
    assert "wrote 3 files" in capsys.readouterr().err


def test_markdown_to_stdout_and_to_one_file(
    articles: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(articles[0]), "--format", "md", "--select", "evidence.overclaim"]
    assert report(*args, "-o", "-") == 1
    printed = capsys.readouterr().out
    assert printed.startswith("## supplint report\n")
    assert "| 10:40 | info | `evidence.overclaim` |" in printed
    target = tmp_path / "pr-comment.md"
    assert report(*args, "-o", str(target), "--fail-on", "error") == 0
    assert target.read_text(encoding="utf-8") == printed


def test_refuses_to_write_over_an_article(
    articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = articles[0].read_bytes()
    assert report(str(articles[0]), "--format", "md", "-o", str(articles[0])) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"supplint: error: {articles[0]}: is an input article; refusing to write over it"
    assert articles[0].read_bytes() == before


def test_template_dir_overrides_one_file_and_keeps_the_rest(
    articles: list[Path], tmp_path: Path
) -> None:
    templates = tmp_path / "house"
    templates.mkdir()
    (templates / "header.html").write_text(
        '<header class="house"><p>Acme Health Desk</p><h1>{{ title }}</h1></header>\n'
    )
    out = tmp_path / "r.html"
    code = report(
        str(articles[0]), "-o", str(out), "--template-dir", str(templates), "--title", "T<1>"
    )
    assert code == 1
    page = out.read_text(encoding="utf-8")
    assert "<p>Acme Health Desk</p><h1>T&lt;1&gt;</h1>" in page  # user template, autoescaped
    assert 'id="supplint-data"' in page and 'class="notes"' in page  # built-in report.html


@pytest.mark.parametrize(
    ("name", "source", "line", "message"),
    [
        (
            "header.html",
            "<p>ok</p>\n{{ ''.__class__.__mro__ }}\n",
            2,
            "SecurityError: access to attribute '__class__' of 'str' object is unsafe.",
        ),
        ("header.html", "<p>\n\n{{ summary.rows.append(1) }}</p>\n", 3, "SecurityError"),
        ("header.html", "{% if %}\n", 1, "Expected an expression, got 'end of statement block'"),
        (
            "note.html",
            "<p>{{ f.rule_id }}</p>\n<p>{{ no_such_thing }}</p>\n",
            2,
            "UndefinedError: 'no_such_thing' is undefined",
        ),
        ("report.md", "# {{ title }}\n{{ 1 // 0 }}\n", 2, "ZeroDivisionError"),
    ],
)
def test_template_errors_are_one_line_with_file_and_line(
    articles: list[Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    source: str,
    line: int,
    message: str,
) -> None:
    templates = tmp_path / "house"
    templates.mkdir()
    (templates / name).write_text(source)
    fmt = "md" if name.endswith(".md") else "html"
    out = tmp_path / "out"
    args = [str(articles[0]), "--format", fmt, "-o", f"{out}/", "--template-dir", str(templates)]
    assert report(*args) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"supplint: error: {templates / name}:{line}: "), err
    assert message in err
    assert not out.exists()  # everything is rendered before anything is written


def test_template_error_from_the_real_command_has_no_traceback(
    articles: list[Path], tmp_path: Path
) -> None:
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "report.html").write_text("{{ cycler.__init__.__globals__.os }}\n")
    done = run_cli(
        "report", str(articles[0]), "-o", str(tmp_path / "r.html"), "--template-dir", str(templates)
    )
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.startswith(f"supplint: error: {templates / 'report.html'}:1: SecurityError"), err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


def test_missing_template_dir(
    articles: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        report(
            str(articles[0]),
            "-o",
            str(tmp_path / "r.html"),
            "--template-dir",
            str(tmp_path / "nope"),
        )
        == 2
    )
    assert "template folder does not exist" in capsys.readouterr().err


def test_report_names_are_safe_and_unique() -> None:
    names = report_names(["a/b c.md", "a--b c.md", "../x.md", "/abs/index"], ".html")
    assert names == {
        "a/b c.md": "a--b_c.md.html",
        "a--b c.md": "a--b_c.md-2.html",
        "../x.md": "x.md.html",
        "/abs/index": "abs--index.html",
    }


def test_write_atomic_replaces_whole_or_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sub" / "r.html"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text() == "second"

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    from lint.errors import SupplintError

    with pytest.raises(SupplintError, match="cannot write report: No space left on device"):
        write_atomic(target, "third")
    assert target.read_text() == "second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["r.html"]  # no temp file left


def test_one_html_file_for_several_articles(articles: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "all.html"
    assert report(*map(str, articles), "-o", str(out), "--select", "evidence,fda") == 1
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="article"') == 2
    ids = re.findall(r'<article class="note[^"]*" id="note-(f\d+)"', page)
    assert ids and len(ids) == len(set(ids))  # finding ids are unique across articles
    assert "No findings in this article." in page  # hostile.md has none of these
