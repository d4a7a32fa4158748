"""`--engine dask`: a real LocalCluster (2 worker processes) started by the test gives output and
exit codes byte-identical to the local run."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_data import posts, write_jsonl, write_wxr
from conftest import run_cli

pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_run_matches_the_local_run_byte_for_byte(tmp_path: Path) -> None:
    write_wxr(tmp_path / "export.xml", posts(150))
    write_jsonl(tmp_path / "posts.jsonl", posts(150, seed=4))
    (tmp_path / "clean.md").write_text("The kettle sits on the left shelf.\n", encoding="utf-8")
    inputs = ("export.xml", "posts.jsonl", "clean.md")
    # the text format: findings, source excerpts with carets, and the summary line
    local = run_cli("check", "--no-cache", "--jobs", "1", *inputs, cwd=tmp_path)
    remote = run_cli(
        "check", "--no-cache", "--engine", "dask", "--jobs", "2", *inputs, cwd=tmp_path
    )  # fmt: skip
    assert remote.returncode == local.returncode == 1, remote.stderr.decode()[-2000:]
    assert remote.stdout == local.stdout
    paths = {line.split(b"#")[0] for line in remote.stdout.splitlines() if b"#post-" in line}
    assert paths == {b"export.xml"} and b"posts.jsonl#" in remote.stdout


@pytest.mark.slow
def test_dask_engine_against_a_scheduler_address(tmp_path: Path) -> None:
    """Pointing at an existing cluster: the test starts one and passes its address."""
    from distributed import LocalCluster

    write_jsonl(tmp_path / "posts.jsonl", posts(40))
    clean = tmp_path / "clean.md"
    clean.write_text("The kettle sits on the left shelf.\n", encoding="utf-8")
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = run_cli(
            "check", "--no-cache", "--engine", "dask", "--address", cluster.scheduler_address,
            "--format", "json", "posts.jsonl", cwd=tmp_path,
        )  # fmt: skip
        clean_run = run_cli(
            "check", "--no-cache", "--engine", "dask", "--address", cluster.scheduler_address,
            "clean.md", cwd=tmp_path,
        )  # fmt: skip
    local = run_cli("check", "--no-cache", "--format", "json", "posts.jsonl", cwd=tmp_path)
    assert (remote.returncode, remote.stdout) == (local.returncode, local.stdout)
    assert clean_run.returncode == 0, clean_run.stderr.decode()


def test_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Calm.\n", encoding="utf-8")
    done = run_cli(
        "check", "--no-cache", "--engine", "dask", "--address", "tcp://127.0.0.1:9", "a.md",
        cwd=tmp_path,
    )  # fmt: skip
    err = done.stderr.decode()
    assert done.returncode == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err
    assert "Traceback" not in err
