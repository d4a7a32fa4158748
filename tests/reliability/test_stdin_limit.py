"""stdin has the size limit files have: an endless or huge pipe is one error line, exit 2,
read in chunks so it never costs more than the limit in memory."""

from __future__ import annotations

import pytest

from lint import sources
from lint.errors import InputError

from .harness import run_supplint


class Endless:
    """A binary stream that never ends; counts what was read from it."""

    def __init__(self) -> None:
        self.served = 0

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "an unbounded read() of stdin"
        self.served += size
        return b"a" * size


def test_endless_stdin_stops_just_past_the_limit(monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 5 * sources.STDIN_CHUNK)
    stream = Endless()
    with pytest.raises(InputError) as err:
        sources._read_limited(stream, "<stdin>")
    assert stream.served == 6 * sources.STDIN_CHUNK
    limit = 5 * sources.STDIN_CHUNK
    assert str(err.value) == f"<stdin>: input is larger than {limit} bytes, the limit"


def test_stdin_at_the_limit_is_read_whole(monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 10)

    class Ten:
        def __init__(self) -> None:
            self.data = [b"Zinc ", b"oxide", b""]

        def read(self, size: int) -> bytes:
            return self.data.pop(0)

    assert sources._read_limited(Ten(), "-") == b"Zinc oxide"


def test_endless_pipe_on_stdin_is_refused_with_one_line(tmp_path):
    """`yes | supplint check -`: never ends on its own; was read whole (14.4 GB for 64 MB)."""
    feed = ("sh", "-c", 'yes "Magnesium may help some adults sleep." | exec "$0" "$@"')
    run = run_supplint(
        "check", "-", "--stdin-filename", "big.txt", cwd=tmp_path, timeout=120, prefix=feed
    )
    assert not run.timed_out and not run.crashed, run.stderr[-2000:]
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"supplint: error: big.txt: input is larger than {sources.MAX_BYTES} bytes, the limit"
    ]
    assert "1 file could not be read." in run.stdout
    print(f"peak RSS {run.rss_mb:.0f} MB in {run.seconds:.1f} s")
    assert run.rss_mb < 2.5 * sources.MAX_BYTES / 2**20 + 100, run.rss_mb
