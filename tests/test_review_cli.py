"""`supplint review` as a command: the URL with its token, the bind address, the database file,
usage errors. The server runs for real (uvicorn) in a subprocess."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.review_databases import postgres_url, table_names

__all__ = ["postgres_url"]  # a fixture, used by name

ARTICLE = "# Notes\n\nGinkgo treats ADHD in children, according to the seller.\n"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    return folder


def start(cwd: Path, *args: str) -> tuple[subprocess.Popen[str], list[str]]:
    """Run `supplint review ARGS --no-open` until it prints its URL; returns the process and
    the lines it printed (stdout and stderr together)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "review", *args, "--no-open"],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        if " open http" in line:
            break
    return proc, lines


@pytest.fixture()
def stop() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=20)


def status(url: str, opener: urllib.request.OpenerDirector | None = None) -> int:
    try:
        with (opener or urllib.request.build_opener()).open(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


def test_prints_a_loopback_url_with_a_token(site: Path, stop: list) -> None:
    proc, lines = start(site.parent, "site")
    stop.append(proc)
    url = re.search(r"open (http://127\.0\.0\.1:(\d+)/\?token=([\w-]{40,}))$", lines[-1].strip())
    assert url, lines
    assert f"decisions in {site / '.supplint' / 'review.db'}" in lines[-2]
    base = url.group(1).split("?")[0]
    assert status(base) == 403  # no token, no page
    assert status(base + "?token=" + "x" * 43) == 403
    assert status(url.group(1)) == 403  # the token redirects; without its cookie: refused
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    assert status(url.group(1), browser) == 200
    assert status(base + "history", browser) == 200
    assert (site / ".supplint" / "review.db").is_file()


def test_two_servers_get_different_tokens_and_ports(site: Path, stop: list) -> None:
    first, a = start(site.parent, "site")
    second, b = start(site.parent, "site")
    stop.extend([first, second])
    assert a[-1] != b[-1]
    assert a[-1].split("token=")[1] != b[-1].split("token=")[1]


def test_explicit_port_and_a_taken_port(site: Path, stop: list) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.listen()
        taken = run_cli("review", "site", "--no-open", "--port", str(port), cwd=site.parent)
    assert taken.returncode == 2
    assert taken.stderr.decode().startswith(f"supplint: error: cannot listen on 127.0.0.1:{port}")
    proc, lines = start(site.parent, "site", "--port", str(port))
    stop.append(proc)
    assert f"http://127.0.0.1:{port}/?token=" in lines[-1]


def test_other_host_needs_the_flag_warns_and_keeps_the_token(site: Path, stop: list) -> None:
    proc, lines = start(site.parent, "site", "--host", "127.0.0.2")
    stop.append(proc)
    assert any("warning: listening on 127.0.0.2" in line for line in lines)
    url = lines[-1].split("open ", 1)[1].strip()
    assert url.startswith("http://127.0.0.2:")
    assert status(url.split("?")[0]) == 403


def test_db_option_and_config_folder(site: Path, stop: list, tmp_path: Path) -> None:
    (site / ".supplint.yaml").write_text("select: [fda]\n", encoding="utf-8")
    sub = site / "drafts"
    sub.mkdir()
    (sub / "b.md").write_text(ARTICLE, encoding="utf-8")
    proc, lines = start(site, "drafts")
    stop.append(proc)
    assert f"decisions in {site / '.supplint' / 'review.db'}" in lines[-2]  # by the config
    other = tmp_path / "elsewhere.db"
    proc, lines = start(site, "drafts", "--db", str(other))
    stop.append(proc)
    assert f"decisions in {other}" in lines[-2] and other.is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "missing-folder", "--no-open"], "missing-folder"),
        (["review", "site", "--csv", "x.csv"], "--baseline and --csv belong to"),
        (["review", "export", "site", "--csv", "x.csv"], "review database does not exist"),
    ],
)
def test_usage_errors_are_one_line_exit_2(site: Path, args: list[str], message: str) -> None:
    done = run_cli(*args, cwd=site.parent)
    assert done.returncode == 2
    lines = done.stderr.decode().strip().splitlines()
    assert message in lines[-1] and all(line.startswith("supplint:") for line in lines)
    assert not (site.parent / "x.csv").exists()


def test_db_url_serves_from_a_postgresql_database(
    site: Path, stop: list, postgres_url: str
) -> None:
    """`--db postgresql://...` as typed (not folded into a path): the tables are made there."""
    url = postgres_url.replace("?", "?application_name=supplint&", 1)
    proc, lines = start(site.parent, "site", "--db", url)
    stop.append(proc)
    assert f"decisions in {url}" in lines[-2], lines
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    assert status(lines[-1].split("open ", 1)[1].strip(), browser) == 200
    assert not (site / ".supplint").exists()  # no SQLite file on the side
    from lint.review.database import connect

    conn = connect(postgres_url)
    assert {"decisions", "schema_version"} <= table_names(conn)
    conn.close()
