"""Byte-identical output check for speed work: record every format's output, compare two records.

    python bench/same_output.py record OUT_DIR [PATH ...]   # default: examples/ and the corpus
    python bench/same_output.py compare BEFORE_DIR AFTER_DIR

`record` runs `python -P -m lint check` (the checkout on PYTHONPATH) once per format, with
`--jobs 1`, and keeps stdout, stderr and the exit code of each run. Record on the base commit,
then on the change, then compare: any byte that differs is reported and the exit code is 1.
The default paths are examples/ and bench/out/corpus-100 (generated if missing, fixed seed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FORMATS = ("text", "concise", "json", "sarif", "github")


def default_paths() -> list[str]:
    sys.path[:0] = [str(HERE)]
    import corpus

    folder = HERE / "out" / "corpus-100"
    if not folder.exists():
        corpus.generate(folder, 100)
    return [str(ROOT / "examples"), str(folder)]


def record(out: Path, paths: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("SUPPLINT_DAEMON", "CI")}
    env["SUPPLINT_DAEMON"] = "0"
    for path in paths:
        name = Path(path).name
        for fmt in FORMATS:
            cmd = [
                sys.executable,
                "-P",
                "-m",
                "lint",
                "check",
                path,
                "--jobs",
                "1",
                "--format",
                fmt,
            ]
            proc = subprocess.run(cmd, capture_output=True, env=env)  # same cwd both times
            (out / f"{name}.{fmt}.out").write_bytes(proc.stdout)
            (out / f"{name}.{fmt}.err").write_bytes(proc.stderr)
            (out / f"{name}.{fmt}.rc").write_text(f"{proc.returncode}\n")
            print(f"{name} {fmt}: exit {proc.returncode}, {len(proc.stdout):,} bytes", flush=True)


def compare(before: Path, after: Path) -> int:
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    differ = [n for n in names if _bytes(before / n) != _bytes(after / n)]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(names) - len(differ)} of {len(names)} files identical")
    return 1 if differ else 0


def _bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("paths", nargs="*")
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out, args.paths or default_paths())
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
