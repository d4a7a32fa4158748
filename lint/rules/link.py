"""`link`: checks on the document's hyperlinks: which URLs, and which `rel` values they carry.

A link is checked when its URL matches `url_regex` (RE2; all links when absent) and not
`exclude_regex`. Then it is flagged when:
- `require_rel` is set and the link's rel has none of those values (rel="sponsored nofollow"),
- `forbid_rel` is set and the link's rel has one of them,
- neither is set: always (e.g. a house rule banning links to a competitor's shop).
`html_only: true` limits the rule to links written as HTML `<a>` tags (in HTML files or raw HTML
inside Markdown), where a rel attribute can exist. The finding spans the whole link markup.
Message placeholders: {url}, {text}, {rel}, {match}.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lint.errors import ConfigError
from lint.rules.base import Checker, Option
from lint.rules.model import Hit, Rule
from lint.rules.regex import compile_re2

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.documents.model import Link


class LinkChecker(Checker):
    kind = "link"
    summary = "Flags links by URL (RE2) and by the rel values they must or must not carry."
    options: ClassVar[dict[str, Option]] = {
        "url_regex": Option("string", "RE2 regex a link's URL must match to be checked."),
        "exclude_regex": Option("string", "RE2 regex of URLs never checked (your own site)."),
        "case_sensitive": Option("boolean", "Match URLs with exact case (default: ignore case)."),
        "require_rel": Option(
            "string-array", "Flag links whose rel has none of these (sponsored, nofollow)."
        ),
        "forbid_rel": Option("string-array", "Flag links whose rel has any of these."),
        "html_only": Option("boolean", "Only links written as HTML <a> tags (rel is possible)."),
    }
    starter = """\
message: "Link to '{url}': we do not send readers to this shop"
# Links whose URL matches (RE2, ignoring case) are flagged; add require_rel / forbid_rel to
# flag only links missing, or carrying, those rel values; html_only for <a> tags only.
url_regex: '(?:^|//|\\.)rival-shop\\.example(?:/|$)'
explain: |
  What it flags: links to a competitor's shop.
  Why it matters: house policy; we link to independent sources, not rival sellers.
examples:
  flag:
    - "Compare with [their blend](https://www.rival-shop.example/blend)."
  pass:
    - "Read [the trial](https://pubmed.ncbi.nlm.nih.gov/12345/)."
"""

    @classmethod
    def validate(cls, rule: Rule) -> None:
        case = bool(rule.options.get("case_sensitive"))
        for key in ("url_regex", "exclude_regex"):
            if key in rule.options:
                compile_re2(rule, rule.options[key], case, key)
        for key in ("require_rel", "forbid_rel"):
            if key in rule.options and not rule.options[key]:
                raise ConfigError(rule.file, f"'{key}' must not be empty", *rule.where(key))

    def __init__(self, rules: list[Rule], nlp: Any, ruleset: Any):
        super().__init__(rules, nlp, ruleset)
        self.compiled = [(rule, LinkMatcher.from_rule(rule)) for rule in rules]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        source = analysis.source_text
        for rule, matcher in self.compiled:
            for link in analysis.document.links:
                if not matcher.matches(link):
                    continue
                if rule.options.get("html_only") and not is_html_link(source, link):
                    continue
                if rel_problem(rule, link):
                    yield link_hit(rule, link)


class LinkMatcher:
    """URL include/exclude regexes (RE2); shared with the `disclosure` kind."""

    def __init__(self, include: Any, exclude: Any):
        self.include = include
        self.exclude = exclude

    @classmethod
    def from_rule(cls, rule: Rule, key: str = "url_regex") -> LinkMatcher:
        case = bool(rule.options.get("case_sensitive"))
        include = rule.options.get(key)
        exclude = rule.options.get("exclude_regex")
        return cls(
            compile_re2(rule, include, case, key) if include else None,
            compile_re2(rule, exclude, case, "exclude_regex") if exclude else None,
        )

    def matches(self, link: Link) -> bool:
        if self.include is not None and not self.include.search(link.url):
            return False
        return self.exclude is None or not self.exclude.search(link.url)


def is_html_link(source: str, link: Link) -> bool:
    """Written as an <a> tag (Markdown's [text](url) has no way to carry rel)."""
    return source[link.start : link.start + 2].lower() == "<a"


def rel_problem(rule: Rule, link: Link) -> bool:
    rel = set(link.rel)
    required = rule.options.get("require_rel")
    forbidden = rule.options.get("forbid_rel")
    if required is None and forbidden is None:
        return True
    if required is not None and not rel & {r.lower() for r in required}:
        return True
    return forbidden is not None and bool(rel & {r.lower() for r in forbidden})


def link_hit(rule: Rule, link: Link, **values: Any) -> Hit:
    values.setdefault("url", link.url)
    values.setdefault("text", link.text)
    values.setdefault("rel", " ".join(link.rel) or "none")
    values.setdefault("match", link.text or link.url)
    return Hit(rule, link.start, link.end, values)
