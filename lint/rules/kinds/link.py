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

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from lint.errors import ConfigError
from lint.lazy import cached_property
from lint.rules.base import Checker, Option
from lint.rules.kinds.regex import compile_re2
from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.analysis import Analysis, Sentence
    from lint.config import Config
    from lint.documents.model import Link
    from lint.rules.loader import RuleSet


class LinkChecker(Checker):
    kind = "link"
    summary = "Flags links by URL (RE2) and by the rel values they must or must not carry."
    options: ClassVar[dict[str, Option]] = {
        "url_regex": Option("string", "RE2 regex a link's URL must match to be checked."),
        "exclude_regex": Option("string", "RE2 regex of URLs never checked (your own site)."),
        "shop_regex": Option(
            "string",
            "RE2 regex of sales pages, checked like url_regex unless the page also links to "
            "the same host for something else (a brand's own site).",
        ),
        "case_sensitive": Option("boolean", "Match URLs with exact case (default: ignore case)."),
        "require_rel": Option(
            "string-array", "Flag links whose rel has none of these (sponsored, nofollow)."
        ),
        "forbid_rel": Option("string-array", "Flag links whose rel has any of these."),
        "html_only": Option("boolean", "Only links written as HTML <a> tags (rel is possible)."),
        "external_only": Option(
            "boolean", "Skip first-party links: relative ones and those to `site_domains`."
        ),
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

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        super().__init__(rules, nlp, ruleset)
        self.compiled = [(rule, LinkMatcher.from_rule(rule)) for rule in rules]
        self.site_domains: tuple[str, ...] = ()

    def configure(self, config: Config) -> None:
        self.site_domains = site_domains(config.site_domains)

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        source = analysis.source_text
        own: OwnPages | None = None
        for rule, matcher in self.compiled:
            for link in analysis.document.links:
                if not matcher.matches(link):
                    continue
                if rule.options.get("external_only"):
                    own = own or OwnPages(analysis, self.site_domains)
                    if own.link(link, matcher):
                        continue
                if rule.options.get("html_only") and not is_html_link(source, link):
                    continue
                if rel_problem(rule, link):
                    yield link_hit(rule, link)


class LinkMatcher:
    """URL include/exclude regexes (RE2); shared with the `disclosure` kind. `shop` (optional)
    matches sales pages (/products/): targets too, unless the page is the shop's own site."""

    def __init__(self, include: Any, exclude: Any, shop: Any = None):
        self.include = include
        self.exclude = exclude
        self.shop = shop

    @classmethod
    def from_rule(cls, rule: Rule, key: str = "url_regex") -> LinkMatcher:
        case = bool(rule.options.get("case_sensitive"))
        include = rule.options.get(key)
        exclude = rule.options.get("exclude_regex")
        shop = rule.options.get("shop_regex")
        return cls(
            compile_re2(rule, include, case, key) if include else None,
            compile_re2(rule, exclude, case, "exclude_regex") if exclude else None,
            compile_re2(rule, shop, case, "shop_regex") if shop else None,
        )

    def matches(self, link: Link) -> bool:
        listed = self.include is not None or self.shop is not None
        if listed and not (self._included(link) or self._shop(link)):
            return False
        return self.exclude is None or not self.exclude.search(link.url)

    def shop_only(self, link: Link) -> bool:
        """A sales page with no affiliate marker: "https://brand.example/products/x"."""
        return self._shop(link) and not self._included(link)

    def _included(self, link: Link) -> bool:
        return self.include is not None and self.include.search(link.url) is not None

    def _shop(self, link: Link) -> bool:
        return self.shop is not None and self.shop.search(link.url) is not None


# "https:", "mailto:", "//cdn.example": a URL with a host of its own; anything else is relative
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
# "amzn.to/3abc", "www.shop.example/x": written without a scheme but still another site
_BARE_HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/:?#]|$)", re.I)
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//(?:[^@/?#]*@)?([^/?#:]+)", re.IGNORECASE)


# "https://oursite.example/go/drift", ".../recommends/x": the site's own address, but a cloaking
# redirect (Pretty Links, ThirstyAffiliates) that forwards to a merchant with the affiliate tag,
# so never one of the publisher's own pages; a relative one ("/go/x") stays first party, as
# every relative link (issue 14: "a relative link is never an affiliate link")
_REDIRECT_PATH = re.compile(
    r"^(?:(?:[a-z][a-z0-9+.-]*:)?//[^/?#]*)?(?:/[^/?#]+)*?/(?:go|goto|recommends|recommend|out"
    r"|visit|refer)/[^/?#]",
    re.IGNORECASE,
)


def is_first_party(url: str, site_domains: tuple[str, ...] = ()) -> bool:
    """A relative link ("/cart", "#buy", "../shop") or one to the site's own domains: the
    publisher's own pages, never someone else's shop. An absolute cloaked redirect
    ("https://site.example/go/x") is not, even on `site_domains`."""
    url = url.strip()
    if not _ABSOLUTE.match(url):
        return not _BARE_HOST.match(url)
    if _REDIRECT_PATH.match(url):
        return False
    found = _HOST.match(url)
    if found is None or not site_domains:
        return False
    host = found.group(1).lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in site_domains)


def host_of(url: str) -> str:
    """The lower-cased host of an absolute URL without "www." ("" for a relative one)."""
    found = _HOST.match(url.strip())
    if found is None:
        return ""
    host = found.group(1).lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def site_domains(values: Any) -> tuple[str, ...]:
    """Domains as a user writes them ("brand.example", "https://www.brand.example/"), bare."""
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, (list, tuple)):
        return ()
    domains = []
    for value in values:
        text = str(value).strip().lower()
        found = _HOST.match(text if "//" in text else "//" + text)
        if found:
            host = found.group(1).rstrip(".")
            domains.append(host[4:] if host.startswith("www.") else host)
    return tuple(domains)


def document_domains(analysis: Analysis, configured: tuple[str, ...]) -> tuple[str, ...]:
    """The config's `site_domains` plus the document's own, from front matter (`site_domains:`
    or `supplint: {site_domains: ...}`) and the page's own address: an absolute `url`,
    `canonical_url` (and similar) in front matter, or an HTML <link rel="canonical">."""
    front = analysis.document.front_matter
    block = front.get("supplint")
    own = site_domains(front.get("site_domains"))
    if isinstance(block, dict):
        own += site_domains(block.get("site_domains"))
    addresses = [front.get(key) for key in _PAGE_URL_KEYS]
    if "canonical" in analysis.source_text[:20000].lower():
        addresses += [m.group(1) for m in _CANONICAL.finditer(analysis.source_text[:20000])]
    for address in addresses:
        if isinstance(address, str) and _ABSOLUTE.match(address.strip()):
            own += tuple(_same_site(host) for host in site_domains(address))
    return configured + own


# the page's own address in front matter (Jekyll, Hugo, Eleventy spellings)
_PAGE_URL_KEYS = ("url", "canonical", "canonical_url", "canonicalURL", "permalink")
_CANONICAL = re.compile(
    r"<link\b(?=[^>]*\brel\s*=\s*[\"']?canonical\b)[^>]*\bhref\s*=\s*[\"']?([^\"'\s>]+)",
    re.IGNORECASE,
)
# second-level labels under a country code: "shop.brand.co.uk" is brand.co.uk's
_SHARED_SECOND = {"co", "com", "org", "net", "ac", "gov", "edu"}


def _same_site(host: str) -> str:
    """The site a page's host belongs to: "blog.brand.example" -> "brand.example", so the
    brand's "shop.brand.example" is its own too; "brand.co.uk" stays whole."""
    labels = host.split(".")
    if len(labels) >= 3 and not (len(labels) == 3 and labels[-2] in _SHARED_SECOND):
        return ".".join(labels[1:])
    return host


_NAV = re.compile(r"<(/?)nav\b[^>]*>", re.IGNORECASE)
# a shop the page says is its own: "our shop", "our own online store", "Bramblecote's own shop"
_OWN_SHOP = re.compile(
    r"\b(?:(?:our|my)\s+(?:own\s+)?|[\w-]+['’]s?\s+own\s+)(?:online\s+|web\s+)?(?:shop|store"
    r"|webshop|web shop)\b",
    re.IGNORECASE,
)


TOP_BLOCKS = 4  # a page says whose shop it is in its title and first paragraphs


def _top_text(document: Any) -> str:
    blocks = document.blocks[:TOP_BLOCKS]
    return " ".join(document.prose[b.start : b.end] for b in blocks)


def _named_in(host: str, text: str) -> bool:
    """The host's name stands in the text as a word: "neurobloom.example" in "the Neurobloom
    shop" (a brand's page naming the brand its shop links go to)."""
    name = host.split(".")[0] if host else ""
    return len(name) >= 4 and re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) is not None


class OwnPages:
    """The publisher's own pages in one document: relative links, links to `site_domains`
    (config and front matter), and HTML <nav> menus. None of them sells for someone else."""

    def __init__(self, analysis: Analysis, configured: tuple[str, ...]):
        self.analysis = analysis
        self.domains = document_domains(analysis, configured)
        self._hosts: dict[int, set[str]] = {}  # per matcher: hosts of the page's other links

    def link(self, link: Link, matcher: LinkMatcher | None = None) -> bool:
        """First-party: relative, on `site_domains` or the page's own domain, in a menu, or
        (with `matcher`) a plain sales page on a host the page links to for something else too
        (a brand's own shop, linked beside its own blog or lab reports) or on a host the page
        calls its own ("from our own shop", "[Bramblecote's own shop](...)")."""
        if is_first_party(link.url, self.domains) or self.in_nav(link.start):
            return True
        if matcher is None or not matcher.shop_only(link):
            return False
        host = host_of(link.url)
        return host in self._site_hosts(matcher) or host in self._called_own(matcher)

    def _called_own(self, matcher: LinkMatcher) -> set[str]:
        """Hosts of plain shop links whose text or paragraph says the shop is the page's own:
        "our shop", "our own online store", "Marlowe's own shop"."""
        key = -1 - id(matcher)
        hosts = self._hosts.get(key)
        if hosts is None:
            document = self.analysis.document
            top = _top_text(document)
            own_page = _OWN_SHOP.search(top) is not None
            hosts = set()
            for link in document.links:
                if not matcher.shop_only(link) or not 0 <= link.block < len(document.blocks):
                    continue
                block = document.blocks[link.block]
                if _OWN_SHOP.search(link.text) or _OWN_SHOP.search(
                    document.prose[block.start : block.end]
                ):
                    hosts.add(host_of(link.url))
                elif own_page and _named_in(host_of(link.url), top):
                    hosts.add(host_of(link.url))  # "Welcome to the Neurobloom shop ... our shop"
            self._hosts[key] = hosts - {""}
        return hosts

    def _site_hosts(self, matcher: LinkMatcher) -> set[str]:
        hosts = self._hosts.get(id(matcher))
        if hosts is None:
            links = self.analysis.document.links
            hosts = {host_of(link.url) for link in links if not matcher.matches(link)} - {""}
            self._hosts[id(matcher)] = hosts
        return hosts

    def sentence(self, sentence: Sentence) -> bool:
        """A call whose every link is first-party ("Add to cart" -> /cart), or in a menu."""
        links = sentence.links
        if links:
            return all(self.link(link) for link in links)
        start, _ = self.analysis.source_span(sentence.start_char, sentence.end_char)
        return self.in_nav(start)

    def in_nav(self, offset: int) -> bool:
        ranges = self._nav_ranges
        i = bisect.bisect_right(ranges, (offset, len(self.analysis.source_text))) - 1
        return i >= 0 and ranges[i][0] <= offset < ranges[i][1]

    @cached_property
    def _nav_ranges(self) -> list[tuple[int, int]]:
        source = self.analysis.source_text
        if "<nav" not in source and "<NAV" not in source:
            return []
        ranges, depth, start = [], 0, 0
        for tag in _NAV.finditer(source):
            if not tag.group(1):
                depth += 1
                if depth == 1:
                    start = tag.start()
            elif depth:
                depth -= 1
                if depth == 0:
                    ranges.append((start, tag.end()))
        if depth:
            ranges.append((start, len(source)))
        return ranges


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
