"""ftc.*: affiliate links, buy calls, weak disclosures, rel=sponsored; positions in md/html/txt."""

from __future__ import annotations

import pytest
from conftest import lint_text, run_cli

from lint.config import Config
from lint.engine import Engine

LINK = "ftc.undisclosed-affiliate-link"
CALL = "ftc.buy-call-to-action"
WEAK = "ftc.weak-disclosure"
REL = "ftc.missing-rel-sponsored"
DISCLOSED = "We earn a commission if you buy through links on this page."
# calls to buy count only on pages with an affiliate link (round-8 convention): call tests
# end with this paragraph, so that the call patterns, not the page, decide
SELLS = "\n\nSee [the tub](https://amzn.to/3kq2Zx9).\n"


def only(findings, rule_id):
    return [f for f in findings if f.rule_id == rule_id]


def span(finding):
    return (finding.line, finding.column, finding.end_line, finding.end_column)


def test_markdown_affiliate_link_spans_the_link(lint) -> None:
    text = "# Picks\n\nOur pick is [Bacopa 300](https://amzn.to/4bQx9Lm) for now.\n"
    [finding] = only(lint(text), LINK)
    assert span(finding) == (3, 13, 3, 50)
    assert finding.excerpt == "[Bacopa 300](https://amzn.to/4bQx9Lm)"
    assert finding.severity == "error"
    assert "Affiliate link 'Bacopa 300' has no clear disclosure" in finding.message


def test_html_affiliate_link_and_missing_rel(lint) -> None:
    text = (
        "<html><body>\n<p>See\n"
        '<a href="https://www.amazon.com/dp/B0X?tag=notes-20">the capsules</a>.</p>\n'
    )
    findings = lint(text, "page.html")
    [link] = only(findings, LINK)
    [rel] = only(findings, REL)
    assert span(link) == span(rel) == (3, 1, 3, 70)
    assert link.excerpt == '<a href="https://www.amazon.com/dp/B0X?tag=notes-20">the capsules</a>'
    assert rel.severity == "info"


@pytest.mark.parametrize(
    "url",
    [
        "https://amzn.to/3abc",
        "https://www.amazon.com/dp/B0X1?tag=site-20",
        "https://shop.example/p?ref=notes",
        "https://brand.example/?aff=12",
        "https://x.example/c?irclickid=Q1",
        "https://x.example/c?ranMID=77",
        "https://site.example/go/bacopa",
        "https://site.example/recommends/bacopa",
        "https://brand.example/?utm_medium=affiliate",
        "https://brand.example/products/bacopa-300",
        "https://www.iherb.com/pr/valerian/1234?rcode=SLEEPY",
    ],
)
def test_affiliate_url_markers(lint, url: str) -> None:
    assert len(only(lint(f"Our pick is [this]({url}).\n"), LINK)) == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://pubmed.ncbi.nlm.nih.gov/31234567/",
        "https://doi.org/10.1000/x1",
        "https://en.wikipedia.org/wiki/Bacopa",
        "/blog/sleep-guide",
        "https://example.com/store-locator",
    ],
)
def test_non_affiliate_links_are_not_flagged(lint, url: str) -> None:
    assert only(lint(f"See [this]({url}).\n"), LINK) == []


@pytest.mark.parametrize(
    "text",
    [
        DISCLOSED + " [Bacopa](https://amzn.to/3abc)",  # same sentence
        DISCLOSED + "\n\n[Bacopa](https://amzn.to/3abc)",  # previous paragraph
        DISCLOSED + "\n\n## Picks\n\n[Bacopa](https://amzn.to/3abc)",  # a heading between
        "*" + DISCLOSED + "*\n\nOne.\n\nTwo.\n\nThree.\n\n[Bacopa](https://amzn.to/3abc)",  # top
        "This post contains affiliate links.\n\n[Bacopa](https://amzn.to/3abc)",
        # a gift covers the maker's shop page (beside a commission link it does not:
        # tests/test_ftc_round20.py)
        "We received free product from the maker.\n\n[Bacopa](https://maker.example/products/b)",
        "We were paid for this review.\n\n[Bacopa](https://amzn.to/3abc)",
    ],
)
def test_disclosure_before_the_link_covers_it(lint, text: str) -> None:
    assert only(lint(text), LINK) == []


def test_disclosure_in_mid_page_covers_only_the_links_after_it(lint) -> None:
    text = (
        "[First](https://amzn.to/1a)\n\nOne.\n\nTwo.\n\n" + DISCLOSED + "\n\n"
        "Three.\n\nFour.\n\n[Second](https://amzn.to/2b)\n"
    )
    findings = only(lint(text), LINK)
    assert [(f.line, f.excerpt) for f in findings] == [(1, "[First](https://amzn.to/1a)")]


def test_denial_is_not_a_disclosure(lint) -> None:
    text = "We do not earn a commission on anything.\n\n[Bacopa](https://amzn.to/3abc)\n"
    assert len(only(lint(text), LINK)) == 1


def test_buy_call_in_plain_text_names_the_vendor(lint) -> None:
    text = "Bacopa notes\n\nMost readers order it from Nootropics Depot, which ships fast.\n"
    text += "\nhttps://amzn.to/3kq2Zx9\n"
    [finding] = only(lint(text, "notes.txt"), CALL)
    assert span(finding) == (3, 14, 3, 44)
    assert finding.excerpt == "order it from Nootropics Depot"
    assert finding.message.startswith("Call to buy 'order it from Nootropics Depot'")


def test_buy_heading_and_coupon_in_markdown(lint) -> None:
    text = "# Buy Bacopa Capsules\n\nUse code FOCUS10 for 10% off." + SELLS
    findings = only(lint(text), CALL)
    assert [(span(f), f.excerpt) for f in findings] == [
        ((1, 3, 1, 22), "Buy Bacopa Capsules"),
        ((3, 1, 3, 29), "Use code FOCUS10 for 10% off"),
    ]


def test_buy_call_in_html_link_text(lint) -> None:
    text = '<p>Ready?</p>\n<p><a href="https://example.org/bacopa?tag=x-20">Buy now</a></p>\n'
    [finding] = only(lint(text, "a.html"), CALL)
    assert span(finding) == (2, 50, 2, 57)
    assert finding.excerpt == "Buy now"


@pytest.mark.parametrize(
    "text",
    [
        "Don't buy kratom from gas stations.",
        "Avoid buying bacopa from sellers without lab reports.",
        "Amazon removed several fake brands last year.",
        "Order matters: take it after breakfast.",
        "Get enough sleep before a test.",
        "Some sellers pay influencers to post discount codes.",
        DISCLOSED + "\n\nYou can buy it at iHerb.",
    ],
)
def test_not_calls_to_buy(lint, text: str) -> None:
    assert only(lint(text), CALL) == []


def test_weak_label_is_flagged_at_the_label(lint) -> None:
    text = "Our pick: [Rhodiola (affiliate)](https://amzn.to/3R)\n"
    [finding] = only(lint(text), WEAK)
    assert span(finding) == (1, 21, 1, 32)
    assert finding.excerpt == "(affiliate)"
    assert "use plain words" in finding.message


def test_disclosure_only_at_the_end_is_weak(lint) -> None:
    text = "[Bacopa](https://amzn.to/3abc) is our pick.\n\nTake it with food.\n\n" + DISCLOSED
    [finding] = only(lint(text), WEAK)
    assert (finding.line, finding.column, finding.excerpt) == (5, 1, "We earn a commission")
    assert "very end" in finding.message


def test_rel_sponsored_alone_is_one_undisclosed_link_and_satisfies_the_seo_rule(lint) -> None:
    """rel="sponsored" is invisible to readers: no disclosure at all, so the link is reported
    once, as undisclosed, not a second time as a weak disclosure."""
    text = '<p>Pick: <a href="https://amzn.to/3R" rel="sponsored">Rhodiola</a></p>'
    findings = lint(text, "a.html")
    assert only(findings, WEAK) == []
    assert only(findings, REL) == []
    [link] = only(findings, LINK)
    assert link.excerpt == '<a href="https://amzn.to/3R" rel="sponsored">Rhodiola</a>'


def test_label_heading_followed_by_plain_words_is_not_weak(lint) -> None:
    text = "## Affiliate disclosure\n\n" + DISCLOSED + "\n\n[Bacopa](https://amzn.to/3abc)\n"
    findings = lint(text)
    assert only(findings, WEAK) == [] and only(findings, LINK) == []


def test_markdown_links_cannot_carry_rel_so_the_seo_rule_skips_them(lint) -> None:
    assert only(lint("[Bacopa](https://amzn.to/3abc)\n"), REL) == []
    html_in_md = 'Intro.\n\n<p><a href="https://amzn.to/3abc">Bacopa</a></p>\n'
    [finding] = only(lint(html_in_md), REL)
    assert (finding.line, finding.column) == (3, 4)


def test_articles_without_targets_have_no_ftc_findings(lint) -> None:
    text = "Affiliate marketing is common.\n\nI paid for every product myself.\n"
    assert [f for f in lint(text) if f.family == "ftc"] == []


def test_house_rule_errors_name_the_yaml_line(tmp_path) -> None:
    (tmp_path / "link.yaml").write_text(
        "id: house.no-rival\nkind: link\nseverity: info\nmessage: m\nurl_regex: '(?=rival)'\n",
        encoding="utf-8",
    )
    result = run_cli("test-rules", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path / 'link.yaml'}:5:1: regex cannot run on RE2".encode() in result.stderr
    assert b"Traceback" not in result.stderr


def test_house_link_rule_forbids_a_rel_value(tmp_path) -> None:
    (tmp_path / "ugc.yaml").write_text(
        "id: house.no-ugc\nkind: link\nseverity: warning\n"
        "message: \"Link '{text}' to {url} must not be rel={rel}\"\n"
        "url_regex: 'partner\\.example'\nforbid_rel: [ugc]\n",
        encoding="utf-8",
    )
    engine = Engine(Config(rule_dirs=[tmp_path]), select=["house"])
    text = (
        '<p><a href="https://partner.example/a" rel="ugc">A</a> '
        '<a href="https://partner.example/b">B</a></p>'
    )
    [finding] = lint_text(engine, text, "a.html")
    assert finding.message == "Link 'A' to https://partner.example/a must not be rel=ugc"
    assert (finding.line, finding.column, finding.excerpt) == (
        1,
        4,
        '<a href="https://partner.example/a" rel="ugc">A</a>',
    )


def test_inline_html_link_in_markdown_keeps_its_rel(lint) -> None:
    text = (
        '# Picks\n\nOur pick is <a href="https://amzn.to/3x">Bacopa</a> and '
        '<a href="https://amzn.to/4y" rel="sponsored">Rhodiola</a>.\n'
    )
    findings = lint(text)
    assert [(f.line, f.column, f.end_column) for f in only(findings, LINK)] == [
        (3, 13, 52),
        (3, 57, 114),
    ]
    [rel] = only(findings, REL)
    assert rel.excerpt == '<a href="https://amzn.to/3x">Bacopa</a>'


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Buy it now on Amazon - it's the best brain supplement we know.", "Buy it now on Amazon"),
        (
            "Buy the gentle evening magnesium glycinate formula tonight",
            "Buy the gentle evening magnesium glycinate",
        ),
        ("Buy it now — supplies are limited this month.", "Buy it now"),
    ],
)
def test_call_span_ends_at_a_word_and_clause_boundary(lint, text: str, excerpt: str) -> None:
    [finding] = only(lint(text + SELLS), CALL)
    assert finding.excerpt == excerpt
    assert (finding.column, finding.end_column) == (1, 1 + len(excerpt))


@pytest.mark.parametrize(
    "url",
    ["/cart", "#buy", "../shop/", "/products/bacopa-300", "shop/bacopa?ref=home", "/go/bacopa"],
)  # relative, even a redirect path: an absolute one is a target (test_a_cloaked_redirect_...)
def test_relative_links_are_never_affiliate_links(lint, url: str) -> None:
    findings = lint(f'<p>See <a href="{url}">our bacopa</a>.</p>\n', "a.html")
    assert [f.rule_id for f in findings if f.family == "ftc"] == []


def test_a_link_written_without_scheme_is_still_another_site(lint) -> None:
    assert len(only(lint("Our pick is [this](amzn.to/3abc).\n"), LINK)) == 1


SHOP_PAGE = (
    "Our bacopa is grown on our own farm.\n\n"
    "[Order the 60-count bottle](https://www.brand.example/products/bacopa-60).\n\n"
    "Or [find it on Amazon](https://amzn.to/3abc).\n"
)


def test_site_domains_makes_the_brands_own_shop_first_party(tmp_path) -> None:
    engine = Engine(Config(site_domains=["brand.example"]), select=["ftc"])
    findings = lint_text(engine, SHOP_PAGE, "a.md")
    assert sorted((f.rule_id, f.excerpt) for f in findings) == [
        (LINK, "[find it on Amazon](https://amzn.to/3abc)"),  # where it is sold: no call
    ]
    without = lint_text(Engine(Config(), select=["ftc"]), SHOP_PAGE, "a.md")
    assert (LINK, "[Order the 60-count bottle](https://www.brand.example/products/bacopa-60)") in {
        (f.rule_id, f.excerpt) for f in without
    }


def test_site_domains_from_front_matter_and_from_the_config_file(tmp_path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\nsite_domains: [brand.example]\n---\n" + SHOP_PAGE, encoding="utf-8")
    result = run_cli("check", str(article), "--select", "ftc", "--jobs", "1", cwd=tmp_path)
    assert b"brand.example/products" not in result.stdout
    assert b"amzn.to" in result.stdout
    plain = tmp_path / "b.md"
    plain.write_text(SHOP_PAGE, encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text("site_domains: [https://www.brand.example/]\n")
    result = run_cli("check", str(plain), "--select", "ftc", "--jobs", "1", cwd=tmp_path)
    assert b"brand.example/products" not in result.stdout
    assert b"amzn.to" in result.stdout


def test_bad_site_domains_is_a_config_error_with_its_line(tmp_path) -> None:
    (tmp_path / ".supplint.yaml").write_text("jobs: 1\nsite_domains: [1]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Hello.\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "a.md"), cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr.decode()
        .strip()
        .endswith(".supplint.yaml:2: site_domains must be a list of domain names")
    )


def test_a_call_whose_links_are_all_the_sites_own_is_no_call(lint) -> None:
    assert only(lint("[Buy now](/checkout) or [add to cart](/cart?add=3).\n"), CALL) == []
    [call] = only(lint("Buy it on Amazon, or read [our review](/reviews/bacopa)." + SELLS), CALL)
    assert call.excerpt == "Buy it on Amazon"
    own_shop = "[Order the 60-count jar](/products/calm-60) from our shop.\n"
    assert only(lint(own_shop), CALL) == []


def test_navigation_menus_are_not_calls_or_affiliate_links(lint) -> None:
    text = (
        '<nav><a href="https://blog.example/shop/">Shop now</a> '
        '<a href="https://blog.example/about">About</a></nav>\n'
        "<p>Bacopa takes weeks to work.</p>\n"
    )
    assert [f for f in lint(text, "a.html") if f.family == "ftc"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Grab a coffee and read on.",
        "Shop around online before you pick a brand.",
        "Order matters here: theanine first.",
        "Get it checked by a doctor first.",
        "Purchase decisions are hard when labels lie.",
        "The zip code 90210 has many supplement shops.",
        "Check the price per serving before buying.",
        "Buy-in from doctors is still low.",
        "Buy into the hype and you will spend a fortune.",
        # free offers and figurative buying
        "Sign up for our free newsletter and get it in your inbox.",
        "Grab your free copy of the caffeine diary below.",
        "I don't buy that argument, and neither do the trials.",
        "You can't buy a better memory in a capsule.",
    ],
)
def test_everyday_phrases_are_not_calls(lint, text: str) -> None:
    assert only(lint(text + SELLS), CALL) == []


@pytest.mark.parametrize(
    "text",
    [
        "Shoppers who buy supplements on Amazon often trust star ratings.",
        "When you order from iHerb, check the expiry date.",
        "For the price you could buy the four ingredients separately.",
    ],
)
def test_described_or_hypothetical_buying_is_no_call(lint, text: str) -> None:
    assert only(lint(text + SELLS), CALL) == []


def test_calls_the_sentence_splitter_joined_stay_two_calls(lint) -> None:
    text = "grab a tub at zenfuel.example. use code MAYA10 for 10% off your first order.\n"
    calls = only(lint(text + "\nhttps://amzn.to/3kq2Zx9\n", "a.txt"), CALL)
    assert [f.excerpt for f in calls] == [
        "grab a tub at zenfuel.example",
        "use code MAYA10 for 10% off",
    ]


def test_a_brands_own_calls_and_storefront_need_no_disclosure(lint) -> None:
    text = (
        "# Bacopa 300\n\n## Get yours\n\n[Add to cart](/cart?add=b300) for a month.\n\n"
        "## Where to find us\n\nOrder directly from [our shop](/shop/b300), or find us on our "
        "[Amazon brand store](https://www.amazon.com/stores/Brand/page/7F3A).\n"
    )
    assert [f for f in lint(text) if f.family == "ftc"] == []
    third_party = text.replace("(/cart?add=b300)", "(https://amzn.to/3abc)")
    assert [f.excerpt for f in only(lint(third_party), LINK)] == [
        "[Add to cart](https://amzn.to/3abc)"
    ]
    titled = third_party.replace("## Get yours", "## Get yours today at Amazon")
    assert "Get yours today at Amazon" in [f.excerpt for f in only(lint(titled), CALL)]


def test_try_before_an_affiliate_link_is_a_call(lint) -> None:
    text = "If your days look like mine, try [Focus Lite](https://qualia.example/f?aff=77).\n"
    [call] = only(lint(text), CALL)
    assert (call.excerpt, call.column) == ("try", 30)
    assert only(lint("Try [the trial](https://pubmed.ncbi.nlm.nih.gov/1/).\n"), CALL) == []


def test_a_shop_page_beside_the_same_sites_blog_is_the_brands_own(lint) -> None:
    text = (
        '<p><a href="https://brightleaf.example/products/gummies">Add to cart</a></p>\n'
        '<p>Read <a href="https://brightleaf.example/blog/melatonin">our blog</a>.</p>\n'
    )
    assert [f for f in lint(text, "a.html") if f.family == "ftc"] == []
    alone = text.split("\n")[0] + "\n"
    assert len(only(lint(alone, "a.html"), LINK)) == 1
    tagged = text.replace("/gummies", "/gummies?tag=x-20")
    assert len(only(lint(tagged, "a.html"), LINK)) == 1


@pytest.mark.parametrize(
    "disclosure",
    [
        "Focusly paid me for this post.",
        "The brand sent me the tub for free.",
        "Focusly is sponsoring this post.",
    ],
)
def test_the_seller_as_subject_is_a_plain_disclosure(lint, disclosure: str) -> None:
    text = disclosure + "\n\nUse code FOCUS10 for 10% off.\n"
    assert only(lint(text), CALL) == []


@pytest.mark.parametrize("label", ["#affiliatelink", "#afflinks", "#partnerlink"])
def test_run_together_hashtag_labels_are_weak(lint, label: str) -> None:
    text = f"- [Magnesium](https://amzn.to/3Mg) {label}\n"
    [finding] = only(lint(text), WEAK)
    assert (finding.column, finding.excerpt) == (36, label)  # 1-based: after the link


def test_a_partner_link_label_is_weak_but_partner_link_in_prose_is_not_a_label(lint) -> None:
    label = (
        '<p><span>Partner link</span> <a href="https://x.example/p?irclickid=1">Greens</a></p>\n'
    )
    assert [f.excerpt for f in only(lint(label), WEAK)] == ["Partner link"]
    prose = "Save 15% with our partner link this week.\n"
    assert only(lint(prose), WEAK) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://brand.example/go/drift-magnesium",
        "https://www.brand.example/recommends/drift",
        "https://www.brand.example/out/drift?x=1",
    ],
)
def test_a_cloaked_redirect_on_the_sites_own_address_is_an_affiliate_link(url: str) -> None:
    engine = Engine(Config(site_domains=["brand.example"]), select=["ftc"])
    text = f"Our pick is [Drift Magnesium]({url}) for the evenings.\n"
    assert [f.rule_id for f in only(lint_text(engine, text, "a.md"), LINK)] == [LINK]
    own = "Read [our sleep guide](/guides/sleep) or [the shop](https://brand.example/shop/drift).\n"
    assert only(lint_text(engine, own, "a.md"), LINK) == []


@pytest.mark.parametrize(
    "text",
    [
        "No brand pays us, and nobody sent us free samples.",
        "We don't earn a commission when you buy through these links.",
        "Neither of us gets a commission from these shops.",
    ],
)
def test_a_denial_before_the_disclosure_words_is_no_disclosure(lint, text: str) -> None:
    findings = lint(text + "\n\nWe use [this bacopa](https://amzn.to/3kq2Zx9).\n")
    assert [f.excerpt for f in only(findings, LINK)] == ["[this bacopa](https://amzn.to/3kq2Zx9)"]


@pytest.mark.parametrize(
    "disclosure",
    [
        "Restful Reviews earns a commission when you buy through links on this page.",
        "Commissions we earn from the links below fund our lab tests.",
        "Drift Labs gives me a commission when someone orders with my code.",
        "> As an Amazon Associate I earn from qualifying purchases.",
        "*This guide contains affiliate links.*",
    ],
)
def test_disclosures_in_other_shapes_cover_the_links_after_them(lint, disclosure: str) -> None:
    findings = lint(disclosure + "\n\nOur pick is [Bacopa](https://amzn.to/3kq2Zx9).\n")
    assert only(findings, LINK) == [] and only(findings, WEAK) == []


@pytest.mark.parametrize(
    "front", ['affiliate_disclosure: "We may earn a commission on purchases."', "disclosure: true"]
)
def test_a_front_matter_disclosure_box_covers_the_article(lint, front: str) -> None:
    text = f"---\n{front}\n---\n\n# Picks\n\nOur pick is [Bacopa](https://amzn.to/3kq2Zx9).\n"
    assert only(lint(text), LINK) == []
    denied = "---\ndisclosure: We are not paid by anyone.\n---\n\n[Bacopa](https://amzn.to/3k)\n"
    assert len(only(lint(denied), LINK)) == 1


def test_bare_urls_in_plain_text_are_links(lint) -> None:
    text = "Re: creatine\n\nI get the big bag here: https://amzn.to/3BigBag. Lasts months.\n"
    [finding] = only(lint(text, "post.txt"), LINK)
    assert finding.excerpt == "https://amzn.to/3BigBag"
    assert (finding.line, finding.column) == (3, 25)
    assert (
        only(lint("See https://pubmed.ncbi.nlm.nih.gov/123/ for the trial.\n", "a.txt"), LINK) == []
    )


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Check the price on Amazon, since they go on sale often.", "Check the price on Amazon"),
        ("See today's deal before it ends.", "See today's deal"),
        ("Check the price at iHerb; all four are on sale.", "Check the price at iHerb"),
        ("Get it from [NootroShop](https://nootroshop.example/products/x) today.", "Get it from"),
    ],
)
def test_price_and_deal_calls(lint, text: str, excerpt: str) -> None:
    [finding] = only(lint(text + SELLS), CALL)
    assert finding.excerpt == excerpt


def test_a_heading_that_only_names_its_section_is_no_call(lint) -> None:
    text = (
        "# Citicoline\n\nIt is a choline source.\n\n## Where to buy\n\nYou can buy it at iHerb."
        + SELLS
    )
    assert [f.excerpt for f in only(lint(text), CALL)] == ["You can buy it at iHerb"]
    link_only = "# Citicoline\n\n## Where to buy\n\nThe maker sells [it](https://amzn.to/3ab).\n"
    assert only(lint(link_only), CALL) == [] and len(only(lint(link_only), LINK)) == 1
    named = link_only.replace("## Where to buy", "## Where to buy Citicoline")
    assert [f.excerpt for f in only(lint(named), CALL)] == ["Where to buy"]


def test_research_hosts_with_ref_parameters_are_not_affiliate(lint) -> None:
    text = (
        "No review yet in the [Cochrane library](https://www.cochranelibrary.com/search?ref=nav).\n"
    )
    assert only(lint(text), LINK) == []


# round-8 conventions and failure kinds (issue 14)


@pytest.mark.parametrize(
    "vague",
    [
        "*We might get a little something back if you shop through the links below.*",
        "Some links on this page may be special.",
        "A few of the links here are a bit special.",
    ],
)
def test_a_vague_disclosure_before_the_links_is_weak_and_covers_them(lint, vague: str) -> None:
    findings = lint(vague + "\n\nOur pick is [Bacopa](https://amzn.to/3kq2Zx9). Grab a bottle.\n")
    assert only(findings, LINK) == [] and only(findings, CALL) == []
    [weak] = only(findings, WEAK)
    assert "hints at a payment" in weak.message


def test_a_vague_disclosure_after_the_links_covers_nothing(lint) -> None:
    text = "Our pick is [Bacopa](https://amzn.to/3kq2Zx9).\n\nLinks here may earn us a tip.\n"
    findings = lint(text)
    assert len(only(findings, LINK)) == 1 and len(only(findings, WEAK)) == 1
    denied = "We don't get a little something from these links.\n\n[Bacopa](https://amzn.to/3kq)\n"
    assert len(only(lint(denied), LINK)) == 1 and only(lint(denied), WEAK) == []


def test_calls_count_only_on_pages_with_an_affiliate_link(lint) -> None:
    text = "Use code FIRSTCUP for 15% off. Order yours today from our shop.\n"
    assert only(lint(text), CALL) == []
    assert len(only(lint(text + SELLS), CALL)) == 2


@pytest.mark.parametrize(
    "page",
    [
        "Buy a tin from [our shop](https://fernhollow.example/shop/tin).",
        "Order from [Marlowe's own shop](https://marlowe.example/products/balm).",
        "Order yours from our own shop. [Buy Calm](https://shop.halcyon.example/products/calm)",
        "---\nurl: https://saltmarsh.example/journal/moss\n---\n\n"
        "[Order](https://shop.saltmarsh.example/products/moss)",
    ],
)
def test_a_shop_the_page_calls_its_own_or_on_its_own_domain_is_first_party(lint, page: str) -> None:
    assert [f.rule_id for f in lint(page + "\n") if f.family == "ftc"] == []


def test_a_canonical_url_makes_its_site_first_party(lint) -> None:
    head = '<html><head><link rel="canonical" href="https://tide.example/journal/x"></head><body>'
    link = '<p><a href="https://tide.example/products/calm">Add to basket</a></p></body></html>\n'
    assert [f.rule_id for f in lint(head + link, "a.html") if f.family == "ftc"] == []
    other = link.replace("tide.example", "rival.example")
    assert LINK in {f.rule_id for f in lint(head + other, "a.html")}


def test_an_untagged_amazon_link_is_not_affiliate(lint) -> None:
    text = "The tub I use is [Ironbark](https://www.amazon.com/dp/B0A1IRON22). Buy it on Amazon.\n"
    assert [f.rule_id for f in lint(text) if f.family == "ftc"] == []
    tagged = text.replace("B0A1IRON22", "B0A1IRON22?tag=notes-20")
    assert {LINK, CALL} <= {f.rule_id for f in lint(tagged)}


def test_where_to_buy_over_a_section_with_no_seller_link_is_a_title(lint) -> None:
    text = "# Picks\n\n1. [Calm](https://amzn.to/3kq2Zx9)\n\n## Where to buy\n\nBoth are online.\n"
    assert only(lint(text), CALL) == []


def test_you_can_find_it_on_amazon_is_no_call(lint) -> None:
    text = "You can find [Redgrove](https://www.amazon.com/dp/B0E?tag=j-20) on Amazon.\n"
    assert only(lint(text), CALL) == [] and len(only(lint(text), LINK)) == 1


def test_nofollow_alone_is_not_sponsored(lint) -> None:
    text = f'<p>{DISCLOSED} <a href="https://amzn.to/3kq2Zx9" rel="nofollow">Glycine</a></p>\n'
    assert len(only(lint(text, "a.html"), REL)) == 1
    sponsored = text.replace('"nofollow"', '"nofollow sponsored"')
    assert only(lint(sponsored, "a.html"), REL) == []
