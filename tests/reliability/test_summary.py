"""summary.py runs standalone and prints the all-zeros table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("summary.py")


def test_summary_prints_all_zeros_table():
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--examples", "15", "--no-hostile"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=SCRIPT.parents[2],
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert rows[0].split("|")[1:-1] == [
        " suite                  ",
        " inputs tried ",
        " crashes ",
        " hangs ",
        " files changed ",
    ]
    total = rows[-1].split("|")[1:-1]
    assert total[0].strip() == "total" and int(total[1]) == 30
    assert [int(cell) for cell in total[2:]] == [0, 0, 0]
