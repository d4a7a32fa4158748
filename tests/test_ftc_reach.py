"""How far a disclosure reaches: every link and call after it (the default, `reach: before`),
or, for a house that asks for proximity, only what is near it (`reach: near`)."""

from __future__ import annotations

from pathlib import Path

from lint.config import Config
from lint.engine import Engine
from lint.rules.loader import load_rules
from lint.sources import Source

LINK = "https://amzn.to/3Xyz{n}"
ARTICLE = (
    "# Two teas\n\nChamomile is mild.\n\nIt grows wild.\n\nTrials are small.\n\n"
    "We earn a commission on some links.\n\n"
    f"Our pick is [Calm Leaf]({LINK.format(n=1)}).\n\nIt tastes of honey.\n\n"
    f"Also good: [Night Cup]({LINK.format(n=2)}).\n"
)
NEAR_RULE = """\
id: house.disclosed-nearby
kind: disclosure
severity: error
message: "Affiliate link '{match}' needs a disclosure in its paragraph or the one before"
url_regex: 'amzn\\.to/'
disclosures: ['\\bwe earn a commission\\b']
reach: near
top_paragraphs: 1
"""


def findings(engine: Engine, prefix: str) -> list[tuple[str, int, int]]:
    [result] = engine.lint_sources([Source("tea.md", ARTICLE, "markdown")])
    assert result.error is None, result.error
    return [(f.rule_id, f.line, f.column) for f in result.findings if f.rule_id.startswith(prefix)]


def test_by_default_a_disclosure_covers_every_link_after_it(engine: Engine) -> None:
    assert findings(engine, "ftc.") == []


def test_reach_near_covers_only_the_next_paragraph(tmp_path: Path) -> None:
    (tmp_path / "near.yaml").write_text(NEAR_RULE, encoding="utf-8")
    engine = Engine(Config(), select=["house"], ruleset=load_rules([tmp_path]))
    assert findings(engine, "house.") == [("house.disclosed-nearby", 15, 12)]


def test_an_unknown_reach_is_a_rule_error_naming_the_line(tmp_path: Path) -> None:
    import pytest

    from lint.errors import ConfigError

    (tmp_path / "near.yaml").write_text(NEAR_RULE.replace("near\n", "far\n"), encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_rules([tmp_path])
    assert "near.yaml" in str(raised.value) and ":7" in str(raised.value)
    assert "reach" in str(raised.value)
