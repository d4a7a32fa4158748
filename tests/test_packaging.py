"""The wheel ships rules/ and templates/ and works from a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


def test_wheel_in_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("supplint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "lint/_data/rules/fda/drug-comparison.yaml" in names
    assert any(name.startswith("lint/_data/templates/") for name in names) or not any(
        (ROOT / "templates").iterdir()
    )

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True
    )
    article = tmp_path / "elsewhere" / "draft.md"
    article.parent.mkdir()
    article.write_text("Some call it a natural treatment for ADHD.\n", encoding="utf-8")
    result = subprocess.run(
        [str(env_dir / "bin" / "supplint"), "check", str(article)],
        capture_output=True,
        text=True,
        cwd=article.parent,
    )
    assert result.returncode == 1, result.stderr
    assert f"{article}:1:24: fda.disease-claim" in result.stdout
    # the installed copy, not this checkout, supplied the rules
    listing = subprocess.run(
        [str(python), "-c", "import lint.resources as r; print(r.builtin_rules_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "_data" in listing.stdout and str(ROOT) not in listing.stdout
