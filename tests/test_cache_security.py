"""Caches are untrusted: a planted rule-cache pickle never runs, a damaged or foreign entry is
rebuilt, and a cache folder others can write is not used."""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lint import cache, cache_key

RULE = """id: house.word
kind: phrase
severity: warning
message: "House style: avoid '{match}'"
phrases: [superfood]
"""


class Planted:
    """Unpickling this writes the marker file: what an attacker's cache entry would do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SUPPLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("SUPPLINT_NO_CACHE", raising=False)
    cache_key._key_at.cache_clear()
    house = tmp_path / "house"
    house.mkdir()
    (house / "word.yaml").write_text(RULE, "utf-8")
    return house


def entry_for(house: Path) -> Path:
    key = cache.rules_key([house])
    assert key is not None
    return Path(os.environ["SUPPLINT_CACHE_DIR"]) / f"rules-{key}.pickle"


def loads_without_parsing(house: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed")

    with monkeypatch.context() as patch:
        patch.setattr(cache, "load_rules", no_parsing)
        try:
            cache.load_rules_cached([house])
        except AssertionError:
            return False
    return True


def plant(entry: Path, payload: bytes) -> None:
    entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    entry.write_bytes(payload)


def phrases(house: Path) -> list[str]:
    return cache.load_rules_cached([house]).by_id()["house.word"].options["phrases"]


def test_planted_pickle_never_runs_and_is_rebuilt(env: Path, tmp_path: Path, monkeypatch):
    marker = tmp_path / "marker"
    entry = entry_for(env)
    plant(entry, pickle.dumps(Planted(marker)))
    assert phrases(env) == ["superfood"]
    assert not marker.exists()
    assert loads_without_parsing(env, monkeypatch)  # replaced by a verified entry


def test_planted_pickle_behind_the_magic_and_a_forged_tag_never_runs(env: Path, tmp_path: Path):
    marker = tmp_path / "marker"
    entry = entry_for(env)
    plant(entry, cache.MAGIC + b"\0" * 32 + pickle.dumps(Planted(marker)))
    assert phrases(env) == ["superfood"]
    assert not marker.exists()


def test_even_a_correctly_signed_entry_builds_no_function(env: Path, tmp_path: Path):
    """Should the key leak, the unpickler still only builds rule-set classes."""
    marker = tmp_path / "marker"
    entry = entry_for(env)
    payload = pickle.dumps(Planted(marker))
    secret = cache_key.user_key()
    assert secret is not None
    plant(entry, cache.MAGIC + cache_key.sign(secret, entry.name.encode(), payload) + payload)
    assert phrases(env) == ["superfood"]
    assert not marker.exists()


def test_a_valid_entry_renamed_to_another_key_does_not_verify(env: Path, monkeypatch):
    assert phrases(env) == ["superfood"]
    entry = entry_for(env)
    (env / "word.yaml").write_text(RULE.replace("superfood", "detox"), "utf-8")
    os.replace(entry, entry_for(env))  # an old rule set passed off as the current one
    assert phrases(env) == ["detox"]


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty"])
def test_damaged_entry_is_rebuilt(env: Path, monkeypatch, damage: str):
    assert phrases(env) == ["superfood"]
    entry = entry_for(env)
    data = entry.read_bytes()
    entry.write_bytes(
        {"truncate": data[: len(data) // 2], "garbage": os.urandom(500)}.get(damage, b"")
    )
    assert not loads_without_parsing(env, monkeypatch)
    assert phrases(env) == ["superfood"]
    assert loads_without_parsing(env, monkeypatch)


def test_cache_and_key_folders_are_private(env: Path, tmp_path: Path):
    assert phrases(env) == ["superfood"]
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    key = cache_key.key_path()
    assert key.is_relative_to(tmp_path / "state")
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(key.read_bytes()) == cache_key.KEY_BYTES
    assert not (tmp_path / "cache" / "cache-key").exists()  # never beside what it signs


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX ownership")
def test_a_folder_others_can_write_is_not_used(env: Path, tmp_path: Path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    folder.chmod(0o777)
    marker = tmp_path / "marker"
    plant(entry_for(env), pickle.dumps(Planted(marker)))
    assert phrases(env) == ["superfood"]
    assert not marker.exists()
    assert not loads_without_parsing(env, monkeypatch)  # not used, so nothing cached either


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX ownership")
def test_a_key_file_others_can_read_is_not_used(env: Path, monkeypatch):
    assert phrases(env) == ["superfood"]
    cache_key.key_path().chmod(0o644)
    cache_key._key_at.cache_clear()
    assert cache_key.user_key() is None
    assert phrases(env) == ["superfood"]  # still works, without a cache
    assert not loads_without_parsing(env, monkeypatch)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_folder_owned_by_another_user_is_not_used(env: Path, tmp_path: Path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    marker = tmp_path / "marker"
    plant(entry_for(env), pickle.dumps(Planted(marker)))
    assert phrases(env) == ["superfood"]
    assert not marker.exists()


def test_planted_entry_does_not_run_in_a_real_check(tmp_path: Path):
    """The whole command, as a later CI job would run it on a restored cache folder."""
    folder = tmp_path / "site"
    (folder / "house").mkdir(parents=True)
    (folder / "house" / "word.yaml").write_text(RULE, "utf-8")
    (folder / ".supplint.yaml").write_text("rule_dirs: [house]\n", "utf-8")
    (folder / "post.md").write_text("A superfood for you.\n", "utf-8")
    env = {
        **os.environ,
        "SUPPLINT_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    env.pop("SUPPLINT_NO_CACHE", None)
    first = check(folder, env)
    entries = list((tmp_path / "cache").glob("rules-*.pickle"))
    assert first.returncode == 1 and len(entries) == 1
    marker = tmp_path / "marker"
    entries[0].write_bytes(pickle.dumps(Planted(marker)))
    again = check(folder, env)
    assert (again.returncode, again.stdout) == (1, first.stdout)
    assert b"house.word" in again.stdout
    assert not marker.exists()


def check(folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "lint", "check", "post.md"]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, timeout=120)


# --- the archive result cache ----------------------------------------------------------------


def archive_run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from lint.cli import main

    code = main(["check", "--jobs", "1", *args])
    return code, capsys.readouterr().out


def forge_rows(cache_root: Path, findings_json: str) -> int:
    import contextlib
    import sqlite3

    changed = 0
    for database in (cache_root / "results").glob("*.sqlite3"):
        with contextlib.closing(sqlite3.connect(database)) as db, db:
            changed += db.execute("UPDATE results SET findings = ?", (findings_json,)).rowcount
    return changed


FORGED_POSITION = json.dumps(
    {
        "findings": [
            {
                "rule_id": "fda.disease-claim",
                "severity": "error",
                "message": "forged",
                "line": 999999,
                "column": -5,
                "end_line": 999999,
                "end_column": -1,
                "excerpt": "x",
                "family": "fda",
                "start_offset": 5,
                "end_offset": 6,
            }
        ]
    }
)


@pytest.mark.parametrize("forged", ['{"findings": []}', FORGED_POSITION], ids=["hide", "position"])
def test_planted_result_rows_are_not_trusted(env: Path, tmp_path: Path, capsys, forged: str):
    from archive_data import posts, write_jsonl

    dump = write_jsonl(tmp_path / "posts.jsonl", posts(12))
    cache = ["--cache-dir", str(tmp_path / "archive-cache")]
    first = archive_run(capsys, str(dump), *cache)
    assert first[0] == 1 and first[1].count("\n") > 12
    assert forge_rows(tmp_path / "archive-cache", forged) == 12
    assert archive_run(capsys, str(dump), *cache) == first  # text output: no crash, no hiding
    assert archive_run(capsys, str(dump), "--no-cache") == first


def test_a_signed_row_is_still_checked_against_the_article(env: Path):
    """Defence in depth: a row whose MAC verifies (a leaked key) but whose span is not the
    article's text is a miss, not a finding at line 999999."""
    from lint.archives.cache import ResultCache, finding_from_json
    from lint.sources import Source

    source = Source("a.jsonl#1", "Ginkgo helps.\n", "text")
    results = ResultCache(env.parent / "archive-cache", "0" * 64)
    forged = json.loads(FORGED_POSITION)["findings"][0]
    results.put_many([(source, [finding_from_json(source.path, dict(forged))])])
    assert results.get(source) is None
    good = {**forged, "line": 1, "column": 6, "end_line": 1, "end_column": 7, "excerpt": "o"}
    results.put_many([(source, [finding_from_json(source.path, good)])])
    [finding] = results.get(source) or []
    assert (finding.line, finding.column, finding.excerpt) == (1, 6, "o")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX ownership")
def test_a_result_folder_others_can_write_is_not_used(env: Path, tmp_path: Path, capsys):
    from archive_data import posts, write_jsonl

    dump = write_jsonl(tmp_path / "posts.jsonl", posts(5))
    root = tmp_path / "archive-cache"
    cache = ["--cache-dir", str(root)]
    first = archive_run(capsys, str(dump), *cache)
    (root / "results").chmod(0o777)
    forge_rows(root, '{"findings": []}')
    assert archive_run(capsys, str(dump), *cache) == first
