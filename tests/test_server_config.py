"""The language server and the config (issue 15): a document the config excludes gets no
diagnostics, as --force-exclude has it for named files; the engine is kept while no config or
rule file changed, known by stat (rules_stamp), never by reading the files on a keystroke."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_config_paths import CLAIM, HOUSE_RULE
from test_server import Client

import lint.cache
from lint.server import Linter, rules_stamp

RULE = HOUSE_RULE  # the same house rule as the command-line tests


def _site(root: Path) -> tuple[Path, Path]:
    (root / "content" / "drafts").mkdir(parents=True)
    (root / "house").mkdir()
    (root / "house" / "dose.yaml").write_text(RULE, encoding="utf-8")
    (root / ".supplint.yaml").write_text(
        "exclude: [content/drafts]\nrule_dirs: [house]\n", encoding="utf-8"
    )
    draft, post = root / "content" / "drafts" / "d.md", root / "content" / "a.md"
    for path in (draft, post):
        path.write_text(CLAIM, encoding="utf-8")
    return draft, post


def test_an_excluded_document_gets_no_diagnostics(tmp_path: Path) -> None:
    draft, post = _site(tmp_path)
    (tmp_path / ".gitignore").write_text("public/\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    built = tmp_path / "public" / "a.md"
    built.parent.mkdir()
    built.write_text(CLAIM, encoding="utf-8")
    linter = Linter()
    assert linter.excluded(str(draft)) and linter.excluded(str(built))  # exclude, .gitignore
    assert not linter.excluded(str(post))
    assert not linter.excluded("untitled:Untitled-1")
    client = Client(tmp_path)
    try:
        client.initialize(tmp_path)
        for path in (draft, post):
            client.open(path.as_uri(), CLAIM)
        published = {}
        while len(published) < 2:
            params = client.wait_for(
                lambda m: m.get("method") == "textDocument/publishDiagnostics"
            )["params"]
            published[params["uri"]] = {d["code"] for d in params["diagnostics"]}
        assert published[draft.as_uri()] == set()
        assert "fda.disease-claim" in published[post.as_uri()]
    finally:
        client.proc.kill()
        client.proc.wait(timeout=30)


def test_the_engine_is_kept_by_stat_and_rebuilt_when_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _draft, post = _site(tmp_path)

    hashed = []  # rules_key reads every rule file: when an engine is built, never per keystroke
    real_key = lint.cache.rules_key
    monkeypatch.setattr(lint.cache, "rules_key", lambda dirs: hashed.append(1) or real_key(dirs))
    linter = Linter()
    engine = linter.engine_for(str(post))
    built = len(hashed)
    for _ in range(3):
        assert linter.engine_for(str(post)) is engine  # nothing changed: the same engine
    assert len(hashed) == built
    assert "house.dose-mention" in {rule.id for rule in engine.rules}

    rule_file = tmp_path / "house" / "dose.yaml"
    rule_file.write_text(RULE.replace("A dose is named", "Dose named"), encoding="utf-8")
    _touch_later(rule_file)
    changed = linter.engine_for(str(post))
    assert changed is not engine
    assert {r.id: r.message for r in changed.rules}["house.dose-mention"] == "Dose named"

    config = tmp_path / ".supplint.yaml"
    config.write_text("rule_dirs: [house]\nignore: [house]\n", encoding="utf-8")
    _touch_later(config)
    assert "house.dose-mention" not in {rule.id for rule in linter.engine_for(str(post)).rules}


def test_rules_stamp_follows_rule_files_and_the_package(tmp_path: Path) -> None:
    _site(tmp_path)
    house = [tmp_path / "house"]
    before = rules_stamp(house)
    assert rules_stamp(house) == before
    (tmp_path / "house" / "more.yaml").write_text(RULE.replace("dose-mention", "more"), "utf-8")
    assert rules_stamp(house) != before  # a new rule file
    package = Path(lint.cache.__file__).parent
    assert any(entry[0] == str(package / "engine.py") for entry in before)


def _touch_later(path: Path) -> None:
    """A modification time surely after the last one (coarse file-system clocks)."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def test_a_change_to_an_extended_config_rebuilds_the_engine(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text("ignore: []\n", encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text("extend: base.yaml\n", encoding="utf-8")
    post = tmp_path / "a.md"
    post.write_text(CLAIM, encoding="utf-8")
    linter = Linter()
    engine = linter.engine_for(str(post))
    assert linter.engine_for(str(post)) is engine
    assert "fda.disease-claim" in {rule.id for rule in engine.rules}

    base.write_text("ignore: [fda]\n", encoding="utf-8")  # only the extended file changes
    _touch_later(base)
    changed = linter.engine_for(str(post))
    assert changed is not engine
    assert "fda.disease-claim" not in {rule.id for rule in changed.rules}
    assert linter.config_for(str(post)).extends == (base.resolve(),)
