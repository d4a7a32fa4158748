"""--jobs: worker processes give byte-identical output to one process, and lose no results."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from lint import parallel
from lint.config import Config
from lint.engine import Engine, FileResult
from lint.parallel import chunks, lint_files, resolve_jobs

ARTICLES = {
    "a.md": "# Focus\n\nThis blend is clinically proven to help.\n\nIt is a natural alternative "
    "to Adderall for exams.\n",
    "b.html": "<p>Students call it a legal Ritalin.</p><p>Sleep is still the basics.</p>",
    "c.txt": "Nothing here is guaranteed.\n\nThe capsules are risk-free, the label says.\n",
    "d.md": "Plain notes about magnesium and sleep, with no claims at all.\n",
    "e.md": "A miracle pill for memory, the seller wrote.\n",
    "f.txt": "Results are guaranteed within a week.\n",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"caf\xe9 is not UTF-8\n")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_output_is_byte_identical(corpus: Path, fmt: str) -> None:
    one = run_cli("check", str(corpus), "--format", fmt, "--jobs", "1")
    two = run_cli("check", str(corpus), "--format", fmt, "--jobs", "2")
    assert one.returncode == two.returncode == 2  # the bad file is an input error
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert b"bad.md: not valid UTF-8" in two.stderr
    # the bad file did not cost the other files their findings
    for name in ("a.md", "b.html", "c.txt", "e.md", "f.txt"):
        assert f"{name}:".encode() in two.stdout or f'{name}"'.encode() in two.stdout


def test_resolve_jobs_caps_by_files_and_cores() -> None:
    assert resolve_jobs(4, 2) == 2
    assert resolve_jobs(1, 100) == 1
    assert resolve_jobs(3, 0) == 1
    assert 1 <= resolve_jobs(None, 100) <= 8


def test_default_jobs_follow_the_size_of_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lint.parallel.available_cores", lambda: 4)
    per = parallel.BYTES_PER_WORKER
    assert resolve_jobs(None, 20, 20 * 10_000) == 1  # a pre-commit batch: one process
    assert resolve_jobs(0, 20, per) == 1
    assert resolve_jobs(None, 20, per + 1) == 2
    assert resolve_jobs(None, 1000, 1000 * per) == 4  # a big run: one per core
    assert resolve_jobs(3, 20, 1) == 3  # --jobs N is taken as asked


def test_a_small_default_run_starts_no_workers(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started for a few small files")

    monkeypatch.setattr("lint.parallel.available_cores", lambda: 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    files = [str(corpus / name) for name in ARTICLES]
    results = list(lint_files(Engine(Config()), files, None))
    assert [r.path for r in results] == files
    assert parallel.total_bytes(files) == sum(len(t.encode()) for t in ARTICLES.values())


def test_chunks_keep_every_file_in_order() -> None:
    files = [f"f{i}" for i in range(103)]
    parts = chunks(files, 2)
    assert [f for part in parts for f in part] == files
    assert len(parts) > 2  # several chunks per worker, so uneven files balance


class ExplodingEngine(Engine):
    """A checker bug on one file: the worker must still return every other file."""

    def lint_paths(self, paths, stdin_name=None):  # type: ignore[no-untyped-def]
        if any("boom" in p for p in paths):
            raise RuntimeError("checker bug")
        return super().lint_paths(paths, stdin_name)


def test_a_crashing_file_keeps_the_others(corpus: Path, tmp_path: Path) -> None:
    boom = tmp_path / "boom.md"
    boom.write_text("Results are guaranteed.\n", encoding="utf-8")
    files = [str(corpus / "a.md"), str(boom), str(corpus / "f.txt")]
    results: list[FileResult] = list(lint_files(ExplodingEngine(Config()), files, 2))
    assert [r.path for r in results] == files
    assert results[1].error is not None and "internal error: RuntimeError" in results[1].error
    assert results[0].findings and results[2].findings
    assert {f.rule_id for f in results[2].findings} == {"evidence.overclaim"}
