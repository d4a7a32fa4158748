"""Raw bytes into `check`: never an exception, never a hang; findings exact or one error line.
CI runs a small budget; SUPPLINT_FUZZ_EXAMPLES=5000 runs a long session."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from lint.engine import Engine

from .fuzz import SUFFIXES, Tally, lint_bytes, raw_inputs

EXAMPLES = int(os.environ.get("SUPPLINT_FUZZ_EXAMPLES", "80"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=raw_inputs, suffix=SUFFIXES)
def test_raw_bytes_never_crash_or_hang(engine: Engine, data: bytes, suffix: str):
    tally = Tally()
    lint_bytes(engine, data, suffix, tally)
    assert tally.tried == 1
    assert tally.crashes == [] and tally.hangs == []
