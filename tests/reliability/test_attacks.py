"""Issue 13's attacks (attacks.py): no planted payload runs, nothing outside the named tree is
written, no input is replaced, nothing hangs; and the run ends as a run should (exit 0-2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .attacks import ATTACKS, Attack, run_attack


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_attack_does_no_harm(attack: Attack, tmp_path: Path) -> None:
    result = run_attack(attack, tmp_path)
    harm = {k: result[k] for k in ("code runs", "writes outside", "inputs changed", "hangs")}
    assert harm == dict.fromkeys(harm, 0), result["stderr"]
    assert result["exit"] in (0, 1, 2), result["stderr"]
    assert "Traceback" not in str(result["stderr"])
