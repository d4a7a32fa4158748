"""The on-disk rule cache: used when nothing changed, rebuilt when a rule file changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import cache
from lint.errors import ConfigError

RULE = """id: house.{name}
kind: phrase
severity: warning
message: "House style: avoid '{{match}}'"
phrases: [{phrase}]
"""


@pytest.fixture()
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SUPPLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SUPPLINT_NO_CACHE", raising=False)
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "word.yaml").write_text(RULE.format(name="word", phrase="superfood"), "utf-8")
    return folder


def house_rule(folder: Path) -> list[str]:
    rules = cache.load_rules_cached([folder]).by_id()
    return rules["house.word"].options["phrases"]


def test_second_load_comes_from_the_cache(house: Path, monkeypatch) -> None:
    assert house_rule(house) == ["superfood"]
    assert len(list((house.parent / "cache").glob("rules-*.pickle"))) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("rules were parsed again although nothing changed")

    monkeypatch.setattr(cache, "load_rules", no_parsing)
    assert house_rule(house) == ["superfood"]


def test_editing_a_rule_file_invalidates_the_cache(house: Path) -> None:
    assert house_rule(house) == ["superfood"]
    (house / "word.yaml").write_text(RULE.format(name="word", phrase="detox"), "utf-8")
    assert house_rule(house) == ["detox"]


def test_a_broken_rule_is_reported_not_cached(house: Path) -> None:
    assert house_rule(house) == ["superfood"]
    (house / "word.yaml").write_text("id: house.word\nkind: phrasse\n", "utf-8")
    with pytest.raises(ConfigError, match="unknown kind 'phrasse'"):
        cache.load_rules_cached([house])


def test_corrupt_or_unwritable_cache_is_skipped(house: Path, tmp_path: Path, monkeypatch) -> None:
    assert house_rule(house) == ["superfood"]
    for entry in (tmp_path / "cache").glob("rules-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert house_rule(house) == ["superfood"]
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("SUPPLINT_CACHE_DIR", str(blocker / "cache"))
    assert house_rule(house) == ["superfood"]


def test_cache_can_be_turned_off(house: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SUPPLINT_NO_CACHE", "1")
    assert house_rule(house) == ["superfood"]
    assert not (tmp_path / "cache").exists()
