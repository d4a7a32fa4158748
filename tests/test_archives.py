"""Archive readers: WordPress WXR, JSON Lines and CSV become articles with stable ids, bodies
and positions relative to the body; bad input is one clear line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from archive_data import posts, write_csv, write_jsonl, write_wxr
from conftest import ROOT, run_cli

from lint.archives.detect import archive_format
from lint.archives.model import ArchiveOptions, Article
from lint.archives.table import read_csv, read_jsonl
from lint.archives.wxr import read_wxr
from lint.errors import InputError

CLAIM = "Results are guaranteed within a week."


def check_json(*args: str, cwd: Path | None = None) -> tuple[int, dict]:
    done = run_cli("check", "--format", "json", "--no-cache", *args, cwd=cwd)
    assert done.stdout, done.stderr.decode()
    return done.returncode, json.loads(done.stdout)


def test_wxr_reads_every_post_with_its_metadata(tmp_path: Path) -> None:
    rows = list(posts(500))
    export = write_wxr(tmp_path / "export.xml", rows)
    articles = list(read_wxr(str(export)))
    assert len(articles) == 500  # the attachment item is not an article
    first = articles[0]
    assert first.source.path == f"{export}#post-1001"
    assert first.source.format == "html"
    assert first.source.text == rows[0]["body"]
    assert first.meta.author == rows[0]["author"]
    assert first.meta.date == rows[0]["date"]
    assert first.meta.month == rows[0]["date"][:7]
    assert first.meta.title == "Notes on supplement 1"
    assert first.meta.status == "publish"
    assert [a.source.path.rsplit("#", 1)[1] for a in articles[-2:]] == ["post-1499", "post-1500"]


def test_archive_format_by_suffix_and_namespace(tmp_path: Path) -> None:
    export = write_wxr(tmp_path / "export.xml", posts(1))
    other = tmp_path / "sitemap.xml"
    other.write_text("<urlset><url>https://example.com</url></urlset>", encoding="utf-8")
    assert archive_format(str(export)) == "wxr"
    assert archive_format(str(other)) is None
    assert archive_format("posts.jsonl") == "jsonl"
    assert archive_format("posts.csv") == "csv"
    assert archive_format("post.md") is None
    assert archive_format("dump.data", "jsonl") == "jsonl"


def test_jsonl_ids_columns_and_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        json.dumps({"slug": "first post", "content": "Plain words.", "kind": "md"})
        + "\n\n"
        + json.dumps({"content": "<p>Second.</p>"})
        + "\n",
        encoding="utf-8",
    )
    options = ArchiveOptions(id_column="slug", body_column="content", format_column="kind")
    rows = list(read_jsonl(str(path), options))
    assert all(isinstance(r, Article) for r in rows)
    first, second = (r.source for r in rows if isinstance(r, Article))
    assert first.path == f"{path}#first_post" and first.format == "markdown"
    assert second.path == f"{path}#row-2" and second.format == "html"  # guessed from the tags


def test_jsonl_bad_rows_name_their_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": 1, "body": "Fine."}\n{not json\n[1, 2]\n{"id": 4}\n', "utf-8")
    rows = list(read_jsonl(str(path), ArchiveOptions()))
    assert isinstance(rows[0], Article)
    errors = [r.render() for r in rows if isinstance(r, InputError)]
    assert errors == [
        f"{path}:2:2: row 2: invalid JSON: Expecting property name enclosed in double quotes",
        f"{path}:3: row 3: expected a JSON object",
        f"{path}:4: row 4: body column 'body' is missing",
    ]


def test_csv_multiline_bodies_keep_their_row_line(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text('id,body\n7,"one\ntwo"\n8,three\n', encoding="utf-8")
    rows = [r for r in read_csv(str(path), ArchiveOptions(body_format="text"))]
    assert [r.source.text for r in rows if isinstance(r, Article)] == ["one\ntwo", "three"]
    missing = tmp_path / "other.csv"
    missing.write_text("id,content\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no body column 'body' \(columns: id, content\)"):
        list(read_csv(str(missing), ArchiveOptions()))


def test_positions_are_relative_to_the_article_body(tmp_path: Path) -> None:
    body = f"<p>A calm opening line.</p>\n<p>Second line here.</p>\n<p>Then: {CLAIM}</p>"
    row = {"id": "77", "title": "t", "author": "a", "date": "2024-05-06", "body": body}
    export = write_wxr(tmp_path / "export.xml", [{**posts(1).__next__(), **row}])
    code, data = check_json(str(export), "--select", "evidence.overclaim")
    assert code == 1
    [finding] = data["findings"]
    assert finding["path"] == f"{export}#post-77"
    # line 3 of the body, column of the promise inside that line (1-based code points)
    line = body.split("\n")[2]
    assert (finding["line"], finding["column"]) == (3, line.index("Results are guaranteed") + 1)
    assert finding["excerpt"] == "Results are guaranteed"
    # the same article as a JSONL row and as a CSV row: identical positions
    for writer, name in ((write_jsonl, "posts.jsonl"), (write_csv, "posts.csv")):
        path = writer(tmp_path / name, [{**row, "format": "html"}])
        _code, other = check_json(str(path), "--select", "evidence.overclaim")
        [same] = other["findings"]
        assert same["path"] == f"{path}#77"
        assert (same["line"], same["column"], same["excerpt"]) == (
            3,
            finding["column"],
            "Results are guaranteed",
        )


def test_input_format_flag_and_config_columns(tmp_path: Path) -> None:
    dump = tmp_path / "dump.data"
    dump.write_text(json.dumps({"key": "k1", "text": CLAIM}) + "\n", encoding="utf-8")
    config = tmp_path / ".supplint.yaml"
    config.write_text("archive:\n  id_column: key\n  body_column: text\n", encoding="utf-8")
    code, data = check_json("--input-format", "jsonl", str(dump), cwd=tmp_path)
    assert code == 1
    assert {f["path"] for f in data["findings"]} == {f"{dump}#k1"}
    # a flag beats the config file
    code, data = check_json(
        "--input-format", "jsonl", "--id-column", "nope", str(dump), cwd=tmp_path
    )
    assert {f["path"] for f in data["findings"]} == {f"{dump}#row-1"}


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("<rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><item>", (), "malformed XML"),
        ("", ("--address", "tcp://127.0.0.1:1"), "--address needs --engine dask"),
    ],
)
def test_bad_archive_input_is_one_line_and_exit_2(
    tmp_path: Path, content: str, args: tuple[str, ...], message: str
) -> None:
    export = tmp_path / "broken.xml"
    export.write_text(content or "<x/>", encoding="utf-8")
    done = run_cli("check", "--no-cache", *args, str(export))
    assert done.returncode == 2
    err = done.stderr.decode()
    assert message in err and "Traceback" not in err
    if not args:
        assert f"{export}:1:" in err


def test_unknown_archive_config_key_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".supplint.yaml").write_text("archive:\n  body_col: text\n", encoding="utf-8")
    dump = write_jsonl(tmp_path / "p.jsonl", posts(1))
    done = run_cli("check", "--no-cache", str(dump), cwd=tmp_path)
    assert done.returncode == 2
    assert "unknown archive key 'body_col'" in done.stderr.decode()


MEMORY_PROBE = textwrap.dedent(
    """
    import resource, sys
    from lint.archives.model import ArchiveOptions
    from lint.archives.table import read_jsonl
    from lint.archives.wxr import read_wxr
    path = sys.argv[1]
    reader = read_wxr(path) if path.endswith(".xml") else read_jsonl(path, ArchiveOptions())
    first = next(reader)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    count = 1 + sum(1 for _ in reader)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(count, (after - before) // 1024)
    """
)


@pytest.mark.parametrize("name", ["big.xml", "big.jsonl"])
def test_readers_stream_in_flat_memory(tmp_path: Path, name: str) -> None:
    """A 40 MB archive read end to end: peak memory grows by far less than the file."""
    rows = list(posts(400))
    path = tmp_path / name
    writer = write_wxr if name.endswith(".xml") else write_jsonl
    writer(path, (dict(row, id=str(n)) for n in range(40_000) for row in [rows[n % 400]]))
    size_mb = path.stat().st_size // (1024 * 1024)
    assert size_mb >= 35
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    count, grown_mb = map(int, done.stdout.split())
    assert count == 40_000
    assert grown_mb < 8, f"peak RSS grew {grown_mb} MB reading a {size_mb} MB archive"


def test_worker_processes_give_the_same_output(tmp_path: Path) -> None:
    export = write_wxr(tmp_path / "export.xml", posts(200))
    one = run_cli("check", "--no-cache", "--jobs", "1", str(export))
    two = run_cli("check", "--no-cache", "--jobs", "2", str(export))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and b"#post-1" in one.stdout


def test_fix_refuses_to_rewrite_an_archive(tmp_path: Path) -> None:
    export = write_wxr(tmp_path / "export.xml", posts(3))
    before = export.read_bytes()
    done = run_cli("check", "--fix", str(export))
    assert done.returncode == 2
    assert "is an archive export: --fix/--diff cannot rewrite" in done.stderr.decode()
    assert export.read_bytes() == before
