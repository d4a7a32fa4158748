"""`--jobs N` over a corpus with poisoned files: every good file is still reported, every bad
file gets its own error line, exit code 2, and the output equals a --jobs 1 run."""

from __future__ import annotations

from pathlib import Path

from .harness import run_supplint
from .hostile import _alias_bomb, nested_html

POISON = {
    "bad-utf8.md": "Caf\xe9\n".encode("latin-1"),
    "bad-nul.md": b"Sleep\x00\n",
    "bad-utf16.md": "Sleep\n".encode("utf-16"),
    "bad-yaml.md": b"---\ntitle: [unclosed\n---\nBody.\n",
    "bad-bomb.md": _alias_bomb(),
}


def corpus(folder: Path) -> list[str]:
    good = []
    for i in range(12):
        name = f"good-{i:02d}.md"
        (folder / name).write_text(f"# Post {i}\n\nThis capsule is clinically proven.\n")
        good.append(name)
    (folder / "good-deep.html").write_bytes(nested_html(3000).replace(b"Deep", b"Miracle deep"))
    good.append("good-deep.html")
    for name, data in POISON.items():
        (folder / name).write_bytes(data)
    return good


def test_jobs_with_poisoned_files(tmp_path: Path):
    good = corpus(tmp_path)
    parallel = run_supplint("check", "--jobs", "2", "--format", "concise", ".", cwd=tmp_path)
    assert parallel.returncode == 2 and not parallel.crashed, parallel.stderr
    for name in good:
        assert f"{name}:" in parallel.stdout, f"{name} lost its findings"
    errors = parallel.error_lines()
    assert len(errors) == len(POISON), errors
    for name in POISON:
        assert sum(line.startswith(f"supplint: error: ./{name}") for line in errors) == 1, name
    serial = run_supplint("check", "--jobs", "1", "--format", "concise", ".", cwd=tmp_path)
    assert (serial.returncode, serial.stdout) == (parallel.returncode, parallel.stdout)
    assert sorted(serial.error_lines()) == sorted(errors)
