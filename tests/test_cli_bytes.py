"""The CLI's bytes, pinned: a matrix of real invocations (every check format, exit codes, --fix and
--diff on copies, stdin, archives, baselines, reports to stdout, a file and a folder) compared
with tests/data/cli_bytes.json, recorded before the command layer was re-laid (issue 16).

Each case runs `python -m lint` in a fresh copy of a small workspace (examples/, two report
articles, three generated archives) and records the exit code, stdout, stderr and every file the
run created or changed. Paths are relative, and the workspace's own path is replaced by <WS>.

After a deliberate output change:  python tests/test_cli_bytes.py --write
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "cli_bytes.json"
ARTICLE = "examples/lions-mane-review.md"
STDIN_TEXT = (
    b"# Focus gummies\n\nThis blend cures anxiety and is clinically proven to boost memory.\n"
)

# name -> (arguments, stdin bytes or None)
CASES: dict[str, tuple[list[str], bytes | None]] = {
    "check-text": (["check", "examples"], None),
    "check-concise": (["check", "examples", "--format", "concise"], None),
    "check-json": (["check", "examples", "--format", "json"], None),
    "check-sarif": (["check", "examples", "--format", "sarif"], None),
    "check-github": (["check", "examples", "--format", "github"], None),
    "check-statistics": (["check", "examples", "--statistics"], None),
    "check-statistics-json": (["check", "examples", "--statistics", "--format", "json"], None),
    "check-select": (["check", "examples", "--select", "fda"], None),
    "check-ignore": (["check", "examples", "--ignore", "ftc,evidence"], None),
    "check-extend-select": (["check", ARTICLE, "--select", "ftc", "--extend-select", "fda"], None),
    "check-fail-on-error": (["check", "examples", "--fail-on", "error"], None),
    "check-exit-zero": (["check", "examples", "--exit-zero"], None),
    "check-jobs": (["check", "examples", "reports", "--jobs", "2", "--format", "concise"], None),
    "check-output-file": (["check", "examples", "-o", "out/lint.txt"], None),
    "check-output-is-input": (["check", ARTICLE, "-o", ARTICLE], None),
    "check-missing": (["check", "examples", "nowhere.md"], None),
    "check-show-files": (["check", "examples", "--show-files"], None),
    "check-show-settings": (["check", "examples", "--show-settings"], None),
    "check-house-config": (
        [
            "check",
            "examples/house-rules/affiliate-site/sample-article.md",
            "--config",
            "examples/house-rules/affiliate-site/.supplint.yaml",
        ],
        None,
    ),
    "check-stdin": (["check", "-", "--stdin-filename", "draft.md"], STDIN_TEXT),
    "check-stdin-json": (["check", "-", "--format", "json"], STDIN_TEXT),
    "check-bad-select-format": (["check", "examples", "--format", "xml"], None),
    "check-no-command": ([], None),
    "check-quiet": (["check", "examples", "-q"], None),
    "check-quiet-twice": (["check", "-qq", "examples", "nowhere.md"], None),
    "check-color-always": (["check", ARTICLE, "--color", "always", "--format", "concise"], None),
    "fix": (["check", "examples", "reports", "--fix"], None),
    "fix-unsafe": (["check", "examples", "--unsafe-fixes"], None),
    "fix-diff": (["check", "examples", "--diff"], None),
    "fix-unsafe-diff": (["check", ARTICLE, "--unsafe-fixes", "--diff"], None),
    "fix-stdin": (["check", "-", "--fix", "--stdin-filename", "draft.md"], STDIN_TEXT),
    "fix-archive": (["check", "archives/export.xml", "--fix"], None),
    "fix-review-db": (["check", "examples", "--fix", "--review-db", "r.db"], None),
    "archive-wxr": (["check", "archives/export.xml", "--format", "concise"], None),
    "archive-jsonl-json": (["check", "archives/posts.jsonl", "--format", "json"], None),
    "archive-csv-jobs": (["check", "archives/posts.csv", "--jobs", "2"], None),
    "archive-address-no-dask": (["check", "archives/posts.csv", "--address", "tcp://x:1"], None),
    "baseline-write": (
        [
            "check",
            "archives/export.xml",
            "archives/posts.csv",
            ARTICLE,
            "--write-baseline",
            "b.json",
        ],
        None,
    ),
    "baseline-missing": (["check", "archives/posts.csv", "--baseline", "none.json"], None),
    "baseline-over-input": (["check", ARTICLE, "--write-baseline", ARTICLE], None),
    "report-html-stdout": (["report", "examples", "-o", "-"], None),
    "report-md-file": (["report", "examples", "reports", "--format", "md", "-o", "r/all.md"], None),
    "report-html-folder": (["report", "examples", "reports", "-o", "site/"], None),
    "report-md-folder-inside": (["report", ".", "--format", "md", "-o", "examples/out"], None),
    "report-archive-html": (["report", "archives/export.xml", "-o", "sum/summary.html"], None),
    "report-archive-md-folder": (
        ["report", "archives/posts.jsonl", "--format", "md", "-o", "a/"],
        None,
    ),
    "report-archive-stdout": (["report", "archives/posts.csv", "--format", "md", "-o", "-"], None),
    "report-fail-on": (
        ["report", ARTICLE, "--format", "md", "-o", "-", "--fail-on", "error"],
        None,
    ),
    "report-over-input": (["report", ARTICLE, "--format", "md", "-o", ARTICLE], None),
    "rules": (["rules"], None),
    "rules-json": (["rules", "--format", "json"], None),
    "explain": (["explain", "fda.disease-claim"], None),
    "explain-unknown": (["explain", "fda.disease-claims"], None),
    "new-rule": (["new-rule", "house.no-cure", "--kind", "phrase"], None),
}


def workspace(folder: Path) -> Path:
    """examples/, two report articles and three small archives, as a user's folder would be."""
    sys.path.insert(0, str(ROOT / "tests"))
    from archive_data import posts, write_csv, write_jsonl, write_wxr

    shutil.copytree(ROOT / "examples", folder / "examples")
    (folder / "reports").mkdir()
    for name in ("ashwagandha-gummies.md", "hostile.md"):
        shutil.copy(ROOT / "tests" / "data" / "report" / name, folder / "reports" / name)
    (folder / "archives").mkdir()
    write_wxr(folder / "archives" / "export.xml", posts(5))
    write_jsonl(folder / "archives" / "posts.jsonl", posts(4, seed=3))
    write_csv(folder / "archives" / "posts.csv", posts(3, seed=5))
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".supplint-cache" not in p.parts
    }


def _text(data: bytes, where: Path) -> str:
    """Decoded, with the workspace and the checkout (explain names its rule files) relative."""
    text = data.decode("utf-8", "backslashreplace").replace(str(where), "<WS>")
    return text.replace(str(ROOT), "<ROOT>")


def run_case(name: str, template: Path, scratch: Path) -> dict[str, object]:
    args, stdin = CASES[name]
    folder = scratch / name
    shutil.copytree(template, folder)
    before = _snapshot(folder)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CI")}
    env.update(
        PYTHONPATH=str(ROOT),
        SUPPLINT_DAEMON="0",
        XDG_CACHE_HOME=str(scratch / f"{name}.cache"),
        COLUMNS="100",
    )
    done = subprocess.run(
        [sys.executable, "-m", "lint", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=folder,
        env=env,
        timeout=300,
    )
    after = _snapshot(folder)
    changed = {
        path: _text(data, folder) for path, data in after.items() if before.get(path) != data
    }
    gone = sorted(set(before) - set(after))
    return {
        "code": done.returncode,
        "stdout": _text(done.stdout, folder),
        "stderr": _text(done.stderr, folder),
        "files": changed,
        "removed": gone,
    }


def run_matrix(scratch: Path) -> dict[str, dict[str, object]]:
    template = workspace(scratch / "template")
    with ThreadPoolExecutor(4) as pool:
        runs = {name: pool.submit(run_case, name, template, scratch) for name in CASES}
        return {name: future.result() for name, future in runs.items()}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return run_matrix(tmp_path_factory.mktemp("cli-bytes"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_bytes_unchanged(outputs: dict[str, dict[str, object]], name: str) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert outputs[name] == expected[name]


def test_report_output_inside_linted_folder_is_noted_once(outputs) -> None:
    """Regression: the archive check and the plain run each printed the note (it said twice)."""
    stderr = outputs["report-md-folder-inside"]["stderr"]
    assert stderr.count("examples/out is inside the linted paths") == 1


def test_every_case_is_recorded() -> None:
    assert sorted(json.loads(EXPECTED.read_text(encoding="utf-8"))) == sorted(CASES)


def test_matrix_exercises_every_exit_code() -> None:
    """A guard on the matrix itself: it must see clean, findings and error runs."""
    codes = {case["code"] for case in json.loads(EXPECTED.read_text(encoding="utf-8")).values()}
    assert {0, 1, 2} <= codes


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        recorded = run_matrix(Path(tmp))
    EXPECTED.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(recorded)} cases to {EXPECTED}")
