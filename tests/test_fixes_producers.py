"""Each rule's fix, through the real rules: what it edits, and that the finding goes away."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import ROOT, run_cli

from lint.config import Config
from lint.engine import Engine
from lint.fixes.command import fix_source
from lint.fixes.producers import AFFILIATE_DISCLOSURE
from lint.sources import Source, format_for


def fixed(engine: Engine, text: str, name: str = "draft.md", unsafe: bool = False) -> str:
    return fix_source(engine, Source(name, text, format_for(name)), unsafe).text


def ids(lint, text: str, name: str = "draft.md") -> list[str]:
    return [finding.rule_id for finding in lint(text, name)]


def fix_of(lint, text: str, rule_id: str, name: str = "draft.md"):
    found = [f for f in lint(text, name) if f.rule_id == rule_id]
    assert found, f"{rule_id} did not fire"
    return found[0].fix


HTML_SHOP = """<html>
<body>
  <h1>Magnesium picks</h1>
  <p>Magnesium glycinate is a gentle form of the mineral.</p>
  <p>Our favourite is <a href="https://www.amazon.com/dp/B00TEST?tag=mag-20">this bottle</a>.</p>
</body>
</html>
"""


def test_html_affiliate_link_gets_a_disclosure_and_rel_sponsored(engine, lint):
    before = ids(lint, HTML_SHOP, "shop.html")
    assert {"ftc.undisclosed-affiliate-link", "ftc.missing-rel-sponsored"} <= set(before)
    after = fixed(engine, HTML_SHOP, "shop.html")
    assert after == HTML_SHOP.replace(
        '<p>Our favourite is <a href="https://www.amazon.com/dp/B00TEST?tag=mag-20">',
        f"<p>{AFFILIATE_DISCLOSURE} Our favourite is "
        '<a href="https://www.amazon.com/dp/B00TEST?tag=mag-20" rel="sponsored">',
    )
    assert not {"ftc.undisclosed-affiliate-link", "ftc.missing-rel-sponsored"} & set(
        ids(lint, after, "shop.html")
    )


@pytest.mark.parametrize(
    "tag,expected",
    [
        ('<a rel="noopener" href="{u}">', '<a rel="noopener sponsored" href="{u}">'),
        ("<a rel=noopener href='{u}'>", "<a rel=\"noopener sponsored\" href='{u}'>"),
        ('<a href="{u}"\n   class="btn">', '<a href="{u}"\n   class="btn" rel="sponsored">'),
    ],
)
def test_rel_sponsored_edits_only_the_tag(engine, tag, expected):
    url = "https://shop.example.com/go/theanine?aff=12"
    text = (
        "<p>We earn a commission from links on this page.</p>\n<p>See {a}the store brand</a>.</p>\n"
    )
    before = text.format(a=tag.format(u=url))
    assert fixed(engine, before, "a.html") == text.format(a=expected.format(u=url))


def test_markdown_disclosure_goes_before_the_link_inside_its_list_item(engine, lint):
    text = (
        "# Magnesium picks\n\nA gentle form of the mineral.\n\n"
        "- Our favourite is [this bottle](https://www.amazon.com/dp/B00TEST?tag=mag-20).\n"
    )
    after = fixed(engine, text)
    assert after == text.replace("- Our", f"- {AFFILIATE_DISCLOSURE} Our")
    assert "ftc.undisclosed-affiliate-link" not in ids(lint, after)


def test_disclosure_at_the_top_after_the_title_when_configured(tmp_path):
    config = Config(disclosure_position="top", disclosure_text="We may earn a commission.")
    engine = Engine(config)
    text = (
        "---\ntitle: Picks\n---\n# Picks\n\nA gentle form of the mineral.\n\n"
        "Our favourite is [this bottle](https://www.amazon.com/dp/B00TEST?tag=mag-20).\n"
    )
    after = fix_source(engine, Source("a.md", text, "markdown"), False).text
    assert after == text.replace("# Picks\n", "# Picks\n\nWe may earn a commission.\n")


def test_unsafe_hedge_rewrites_only_the_claim_verb(engine, lint):
    text = "# Notes\n\nLion's mane will definitely sharpen focus before exams.\n"
    fix = fix_of(lint, text, "evidence.unsupported-causal-claim")
    assert not fix.safe
    assert "will definitely sharpen" in fixed(engine, text)  # safe mode leaves rewordings alone
    assert "Lion's mane may support focus before exams." in fixed(engine, text, unsafe=True)


def test_hedge_keeps_a_capital_at_sentence_start(engine):
    text = "Boosts memory within a week, the label says on the back of the tub.\n"
    assert fixed(engine, text, "a.txt", unsafe=True).startswith("May support memory")


def test_no_rewording_across_markup(lint):
    text = "# Notes\n\nBacopa will **really** boost memory.\n"
    findings = [f for f in lint(text) if f.rule_id == "evidence.unsupported-causal-claim"]
    assert findings and all(f.fix is None for f in findings)


def test_disease_claim_becomes_a_structure_function_claim(engine, lint):
    text = "# Notes\n\nBacopa treats ADHD in children.\n"
    fix = fix_of(lint, text, "fda.disease-claim")
    assert not fix.safe
    assert "supports focus and attention" in fix.description
    after = fixed(engine, text, unsafe=True)
    assert "Bacopa supports focus and attention in children." in after
    assert "fda.disease-claim" not in ids(lint, after)


def test_disease_with_no_honest_wording_gets_no_edit(lint):
    text = "# Notes\n\nThis mushroom blend cures cancer.\n"
    findings = [f for f in lint(text) if f.rule_id == "fda.disease-claim"]
    assert findings and findings[0].fix is None


def test_missing_cautions_come_from_the_knowledge_base(engine, lint):
    # one caution given (pregnancy), so each kind still missing is its own finding and fix
    dose = "Take piracetam at 1,600 mg three times a day; avoid it in pregnancy."
    text = f"# Piracetam\n\n{dose}\n"
    before = set(ids(lint, text))
    assert {"safety.missing-renal-caution", "safety.missing-cycling-caution"} <= before
    after = fixed(engine, text, unsafe=True)
    assert f"# Piracetam\n\n{dose} " in after
    assert "cycle piracetam" in after and "kidney" in after
    assert not {i for i in ids(lint, after) if i.startswith("safety.")}


def test_caution_never_lands_in_a_heading(engine):
    text = "# Rhodiola 200 mg notes\n\nRhodiola is a root; skip it in pregnancy. It grows north.\n"
    after = fixed(engine, text, unsafe=True)
    assert after.startswith("# Rhodiola 200 mg notes\n\nRhodiola is a root; skip it in pregnancy.")
    assert "Rhodiola can interact" in after.split("\n\n", 1)[1]


def test_json_carries_the_fix_and_text_shows_the_suggestion(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Notes\n\nBacopa boosts memory.\n", encoding="utf-8")
    data = json.loads(run_cli("check", str(path), "--format", "json").stdout)
    schema = json.loads((ROOT / "lint" / "report" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)  # the schema documents the fix's shape
    claim = next(f for f in data["findings"] if f["rule_id"] == "evidence.unsupported-causal-claim")
    assert claim["fix"] == {
        "description": "Hedge the claim: 'boosts' -> 'may support'",
        "edits": [{"start": 16, "end": 22, "text": "may support"}],
        "safe": False,
    }
    text = run_cli("check", str(path)).stdout.decode()
    assert "= suggestion: Hedge the claim: 'boosts' -> 'may support'" in text


HOUSE_RULE = """id: house.no-cure-word
kind: phrase
severity: warning
message: "House style: avoid '{match}'"
phrases: [miracle cure, wonder pill]
fix: "popular remedy"
fix_safe: SAFE
examples:
  flag:
    - text: "Fans call it a miracle cure for tired students."
      fixed: "Fans call it a EXPECTED for tired students."
  pass:
    - "It is a popular remedy."
"""


def house_rule(safe: str, expected: str) -> str:
    return HOUSE_RULE.replace("SAFE", safe).replace("EXPECTED", expected)


def test_house_rule_fix_template_and_its_fixed_example(tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "style.yaml").write_text(house_rule("true", "popular remedy"), encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Some call this a Wonder pill.\n", encoding="utf-8")

    assert run_cli("test-rules", "house", cwd=tmp_path).returncode == 0
    run_cli("check", "--fix", "--select", "house", "a.md", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == "Some call this a Popular remedy.\n"


def test_wrong_fixed_example_fails_test_rules_with_its_line(tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "style.yaml").write_text(house_rule("false", "gentle tonic"), encoding="utf-8")
    result = run_cli("test-rules", "house", cwd=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 1
    assert "style.yaml:10: house.no-cure-word: fixed example: expected" in out
    assert "'Fans call it a popular remedy for tired students.'" in out


def test_unsafe_house_fix_needs_unsafe_fixes(tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "style.yaml").write_text(house_rule("false", "popular remedy"), encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("A miracle cure, they say.\n", encoding="utf-8")
    run_cli("check", "--fix", "--select", "house", "a.md", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == "A miracle cure, they say.\n"
    run_cli("check", "--unsafe-fixes", "--select", "house", "a.md", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == "A popular remedy, they say.\n"


def test_disclosure_never_goes_inside_a_heading(engine, lint):
    text = (
        "# Theanine picks\n\nAn amino acid found in tea.\n\n"
        "## Buy [theanine capsules](https://www.amazon.com/dp/B0THEA?tag=tea-20)\n\n"
        "You can buy it at Walmart or order it from iHerb with code TEA10.\n"
    )
    before = ids(lint, text)
    assert {"ftc.buy-call-to-action", "ftc.undisclosed-affiliate-link"} <= set(before)
    after = fixed(engine, text)
    assert after == text.replace("## Buy", f"{AFFILIATE_DISCLOSURE}\n\n## Buy")
    assert not [i for i in ids(lint, after) if i.startswith("ftc.")]


def test_html_disclosure_before_a_heading_link_and_at_the_top():
    text = (
        "<html><body>\n  <h1>Theanine</h1>\n  <p>An amino acid found in tea.</p>\n"
        '  <h2><a href="https://www.amazon.com/dp/B0THEA?tag=tea-20" rel="sponsored">'
        "Buy theanine capsules</a></h2>\n</body></html>\n"
    )
    line = f"  <p>{AFFILIATE_DISCLOSURE}</p>\n"
    near = fix_source(Engine(Config()), Source("a.html", text, "html"), False).text
    assert near == text.replace("  <h2>", line + "  <h2>")
    top = Engine(Config(disclosure_position="top"))
    at_top = fix_source(top, Source("a.html", text, "html"), False).text
    assert at_top == text.replace("</h1>\n", "</h1>\n" + line)


def test_explain_shows_a_fixed_example():
    out = run_cli("explain", "evidence.unsupported-causal-claim").stdout.decode()
    assert "  - Bacopa boosts memory within weeks.\n    fixed: Bacopa may support memory" in out


def test_disease_rewording_wins_over_the_hedge_of_the_same_verb(engine, lint):
    text = "# Notes\n\nGinkgo cures dementia, some sellers say.\n"
    rules = {f.rule_id for f in lint(text) if f.fix is not None}
    assert {"fda.disease-claim", "evidence.unsupported-causal-claim"} <= rules  # both overlap
    after = fixed(engine, text, unsafe=True)
    assert "Ginkgo supports memory as you age, some sellers say." in after


def test_markdown_table_row_stays_intact(engine):
    table = (
        "| Product | Where |\n| --- | --- |\n"
        "| Bacopa | [this bottle](https://www.amazon.com/dp/B0X?tag=a-20) |\n"
    )
    text = "# Picks\n\nOur two picks:\n\n" + table
    assert fixed(engine, text) == text.replace(table, f"{AFFILIATE_DISCLOSURE}\n\n{table}")


def test_rel_goes_after_a_quoted_greater_than_sign(engine):
    text = (
        '<p>We earn a commission from links here.</p>\n<p>See <a title="a > b" '
        'href="https://www.amazon.com/dp/B0X?tag=a-20">it</a>.</p>\n'
    )
    after = fixed(engine, text, "a.html")
    assert after == text.replace('tag=a-20">', 'tag=a-20" rel="sponsored">')


def test_configured_wording_with_html_special_characters_is_added_once():
    config = Config(disclaimer_text="Statements <not> evaluated by the FDA & not meant to treat.")
    engine = Engine(config)
    text = "<html><body>\n  <p>Bacopa supports memory.</p>\n</body></html>\n"
    once = fix_source(engine, Source("a.html", text, "html"), False)
    assert once.text == text.replace(
        "</body>",
        "  <p>Statements &lt;not&gt; evaluated by the FDA &amp; not meant to treat.</p>\n</body>",
    )
    assert fix_source(engine, Source("a.html", once.text, "html"), False).applied == 0


def test_new_paragraph_goes_above_a_disable_next_line_comment(engine, lint):
    text = (
        "# Picks\n\nA gentle mineral.\n\n"
        "<!-- supplint: disable-next-line=ftc.missing-rel-sponsored -->\n"
        "## Buy [the tub](https://www.amazon.com/dp/B0X?tag=a-20)\n"
    )
    after = fixed(engine, text)
    assert after == text.replace("<!-- supplint:", f"{AFFILIATE_DISCLOSURE}\n\n<!-- supplint:")
    assert not [i for i in ids(lint, after) if i.startswith("ftc.")]
