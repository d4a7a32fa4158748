"""`disclosure`: affiliate links and calls to buy vs. where the writer discloses being paid.

Targets are links whose URL matches `url_regex` (affiliate or sales links) and `calls`
(RE2 regexes for "buy it at {vendor}", coupon codes, "Buy X Capsules" headings) in prose and
link text. Disclosures are sentences matching `disclosures` (plain words: "we earn a
commission", "we received free product"). A target is covered by a disclosure that is
- in the same sentence, or anywhere before it (`reach: before`, the default: the FTC asks
  for the disclosure before the link, and readers meet it first); with `reach: near`, a
  house's stricter proximity, only
  - earlier in the same paragraph or in the previous one (headings between do not count),
  - anywhere before it when it names its reach forward ("from here on ..."), or
  - at the top of the article (within the first `top_paragraphs` paragraphs) and before the
    first target.
`report: undisclosed` flags every uncovered target. `report: weak` flags disclosures that are
not enough: a bare "affiliate" label (`weak_labels`) with no plain-words disclosure in the same
or next paragraph; or plain words that appear only after the last target (the very end). A link
marked only with rel="sponsored" has no disclosure at all: `undisclosed` reports it, once.
A disclosure may also come from front matter (`affiliate_disclosure:` text, or `true`), which
the site's template shows as a box above the article: it covers everything.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lint.analysis import NEGATIONS
from lint.errors import ConfigError
from lint.lazy import cached_property
from lint.rules.base import Checker, Option
from lint.rules.kinds.link import LinkMatcher, OwnPages, link_hit, site_domains
from lint.rules.kinds.regex import compile_re2
from lint.rules.match.prescreen import first_candidate, may_match, unanchored
from lint.rules.model import Hit, Rule

if TYPE_CHECKING:
    from spacy.language import Language

    from lint.analysis import Analysis, Sentence
    from lint.config import Config
    from lint.documents.model import Link
    from lint.rules.loader import RuleSet

REPORTS = ("undisclosed", "weak")
REACHES = ("before", "near")
# "we do not earn commissions" denies a connection; "at no cost to you" is still a disclosure
DENIAL = re.compile(r"\b(?:not|never)\b|n't\b", re.IGNORECASE)
# a denial just before the match, in its clause: "nobody sent us free samples", "no brand pays
# us", "we don't earn a commission when you buy"
DENIAL_BEFORE = re.compile(
    r"(?:\b(?:not|never|nobody|no one|no-one|none|neither|nor|no \w+)|n't)\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r".*(?:[.;:!?,(]|\bbut\b|\band\b)", re.IGNORECASE | re.DOTALL)
CALL_NEGATIONS = NEGATIONS | {"avoid", "skip", "don't", "dont"}
FRONT_MATTER_KEYS = ("affiliate_disclosure", "disclosure")  # rendered by the site's template
REPORTING = {"who", "whom", "that", "which", "when", "whenever", "whether", "if", "once"}
# "I get the big bag at Costco", "we usually order from iHerb": the writer's habit, told
FIRST_PERSON = {"i", "we"}
HABITUAL = {"just", "usually", "always", "normally", "typically", "mostly", "still", "also", "only"}
# "ingredients you can buy separately": a relative clause whose object is the noun before it;
# these may stand before a clause of its own ("Alternatively, you can buy it at iHerb")
CLAUSE_OPENERS = {
    "and", "but", "so", "or", "also", "then", "now", "here", "today", "otherwise", "instead",
    "alternatively", "honestly", "seriously", "yes", "plus", "course", "though", "however",
}  # fmt: skip
OBJECT_STARTS = {
    "it", "them", "one", "ones", "some", "a", "an", "the", "this", "these", "those", "that",
    "yours", "your", "our", "my", "both", "all", "any", "each", "either",
}  # fmt: skip
_SUBJECT_CALL = re.compile(r"(?:you|readers) (?:can|should) \w+(?: for)?$", re.IGNORECASE)


@dataclass
class Target:
    start: int  # source offsets
    end: int
    block: int
    sentence: int
    text: str
    link: Link | None = None


@dataclass
class Mention:
    """A disclosure or weak label: where it sits and the text that matched."""

    start: int
    end: int
    block: int
    sentence: int
    text: str


class DisclosureChecker(Checker):
    kind = "disclosure"
    summary = "Flags affiliate links and buy calls without a clear, close, plain-words disclosure."
    options: ClassVar[dict[str, Option]] = {
        "url_regex": Option("string", "RE2 regex for affiliate or sales link URLs (targets)."),
        "exclude_regex": Option("string", "RE2 regex of URLs that are never targets."),
        "shop_regex": Option(
            "string",
            "RE2 regex of sales pages (/products/): targets like url_regex unless the page also "
            "links to the same host for something else (a brand's own site).",
        ),
        "case_sensitive": Option("boolean", "Match regexes with exact case (default: ignore)."),
        "calls": Option(
            "string-array",
            "RE2 regexes for calls to buy in prose or link text (targets); `{vendor}` stands "
            "for any name in `vendors`.",
        ),
        "call_parts": Option(
            "string-array",
            "RE2 regexes for words that widen a call in the same sentence but never make one "
            "alone ('10% off' after 'Use code FOCUS10 for').",
        ),
        "not_calls": Option(
            "string-array",
            "RE2 regexes matched where a call starts: a call they match there is none ('Get "
            "yours checked', 'You can buy it at any grocery store'); `{vendor}` as in `calls`.",
        ),
        "vendors": Option("string-array", "Shops and brands a purchase sentence may name."),
        "call_openers": Option(
            "string",
            "RE2 regex for the words a sentence may open with before its call ('Seriously,', "
            "'Honestly, just go'): a call anchored at `^` also matches just after them.",
        ),
        "call_urls": Option(
            "string",
            "RE2 regex of affiliate URLs calls point at: 'try [X](url)' is a call, and a call "
            "whose links are the site's own and none of these is not.",
        ),
        "lead_ins": Option(
            "string-array",
            "RE2 regexes for the words just before a `call_urls` link that make it a call "
            "('try', 'check out'); matched at the end of the text before the link.",
        ),
        "disclosures": Option(
            "string-array", "RE2 regexes for disclosures in plain words.", required=True
        ),
        "gift_disclosures": Option(
            "string-array",
            "RE2 regexes for plain words that a seller gave free product: clear disclosures on "
            "a page whose sales links are all shop pages; beside an affiliate link (`url_regex`) "
            "they leave the commission unsaid and cover nothing.",
        ),
        "weak_labels": Option(
            "string-array", "RE2 regexes for labels that only gesture at a connection."
        ),
        "vague_disclosures": Option(
            "string-array",
            "RE2 regexes for disclosures that hint without saying it pays ('we may earn a "
            "little something'): they cover the targets after them; `report: weak` flags each.",
        ),
        "report": Option(
            "string",
            "undisclosed (default: flag targets) | weak (flag weak disclosures).",
            choices=REPORTS,
        ),
        "reach": Option(
            "string",
            "before (default: a disclosure covers every target after it) | near (only targets "
            "in its paragraph or the next, unless it names its reach forward or stands at the "
            "top).",
            choices=REACHES,
            default="before",
        ),
        "top_paragraphs": Option(
            "integer",
            "With reach: near, how many paragraphs count as the top of the article.",
            default=3,
        ),
    }

    starter = """\
message: "Sponsored mention '{match}' needs our disclosure line before it"
# Targets: links whose URL matches url_regex (RE2) and/or calls (RE2 list; {vendor} = vendors).
url_regex: '[?&]partner='
calls:
  - '\\bour partner {vendor}\\b'
vendors: [Acme Labs]
# Any of these (RE2) before a target covers it (with `reach: near`, only when near or at the top).
disclosures:
  - '\\bwe are paid by our partners\\b'
explain: |
  What it flags: partner links and mentions without our disclosure line before them.
  Why it matters: house policy and 16 CFR 255.5 (clear, close disclosure of payment).
examples:
  flag:
    - "Try [the blend](https://acme.example/blend?partner=notes)."
  pass:
    - "We are paid by our partners.\\n\\nTry [the blend](https://acme.example/blend?partner=notes)."
"""

    @classmethod
    def validate(cls, rule: Rule) -> None:
        report = rule.options.get("report", "undisclosed")
        if report not in REPORTS:
            raise ConfigError(
                rule.file, f"report must be one of {', '.join(REPORTS)}", *rule.where("report")
            )
        if int(rule.options.get("top_paragraphs", 3)) < 1:
            raise ConfigError(
                rule.file, "'top_paragraphs' must be at least 1", *rule.where("top_paragraphs")
            )
        if not rule.options.get("url_regex") and not rule.options.get("calls"):
            raise ConfigError(rule.file, "needs 'url_regex' or 'calls' (the targets)", rule.line)
        if "{vendor}" in " ".join(rule.options.get("calls", [])) and not rule.options.get(
            "vendors"
        ):
            raise ConfigError(rule.file, "'calls' use {vendor} but 'vendors' is empty", rule.line)
        Patterns(rule)  # compiles every regex, so errors point into the YAML at load time

    def __init__(self, rules: list[Rule], nlp: Language, ruleset: RuleSet):
        super().__init__(rules, nlp, ruleset)
        self.compiled = [(rule, Patterns(rule)) for rule in rules]
        self.site_domains: tuple[str, ...] = ()

    def configure(self, config: Config) -> None:
        self.site_domains = site_domains(config.site_domains)

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        own = OwnPages(analysis, self.site_domains)
        for rule, patterns in self.compiled:
            layout = Layout(analysis, rule)
            targets = patterns.targets(analysis, layout, own)
            if not targets:
                continue
            disclosures = patterns.disclosures(analysis, layout)
            vague = patterns.vague(analysis, layout)
            if rule.options.get("report", "undisclosed") == "undisclosed":
                yield from undisclosed(rule, targets, disclosures + vague, layout)
            else:
                hinted = {mention.sentence for mention in vague}  # one finding per disclosure
                labels = [
                    m for m in patterns.weak_labels(analysis, layout) if m.sentence not in hinted
                ]
                yield from weak(rule, targets, disclosures, labels, layout)
                yield from vague_hits(rule, vague, layout)


class Patterns:
    """A rule's compiled regexes (RE2) and the searches over one document."""

    def __init__(self, rule: Rule):
        opts = rule.options
        case = bool(opts.get("case_sensitive"))
        vendors = "|".join(re.escape(v) for v in opts.get("vendors", []))
        self.links = LinkMatcher.from_rule(rule) if opts.get("url_regex") else None
        self.calls = [
            compile_re2(rule, p.replace("{vendor}", f"(?:{vendors})"), case, "calls")
            for p in opts.get("calls", [])
        ]
        self.not_calls = [
            compile_re2(rule, p.replace("{vendor}", f"(?:{vendors})"), case, "not_calls")
            for p in opts.get("not_calls", [])
        ]
        self.clear = [compile_re2(rule, p, case, "disclosures") for p in opts["disclosures"]]
        # "Buy it on Amazon" stays a call even when the sentence's links are the site's own
        self.vendor = compile_re2(rule, rf"\b(?:{vendors})\b", case, "vendors") if vendors else None
        self.call_links = (
            LinkMatcher.from_rule(rule, "call_urls") if opts.get("call_urls") else None
        )
        self.lead_ins = [compile_re2(rule, p, case, "lead_ins") for p in opts.get("lead_ins", [])]
        self.call_parts = [
            compile_re2(rule, p, case, "call_parts") for p in opts.get("call_parts", [])
        ]
        self.labels = [
            compile_re2(rule, p, case, "weak_labels") for p in opts.get("weak_labels", [])
        ]
        self.vague_patterns = [
            compile_re2(rule, p, case, "vague_disclosures")
            for p in opts.get("vague_disclosures", [])
        ]
        self.any_vague = _any(rule, opts.get("vague_disclosures", []), case, "vague_disclosures")
        # one search per sentence rejects most sentences; the lists run only on a hit
        self.any_call = _any(rule, opts.get("calls", []), case, "calls", vendors)
        opener = opts.get("call_openers")
        self.opener = compile_re2(rule, opener, case, "call_openers") if opener else None
        self.any_clear = _any(rule, opts["disclosures"], case, "disclosures")
        gifts = opts.get("gift_disclosures", [])
        self.gifts = [compile_re2(rule, p, case, "gift_disclosures") for p in gifts]
        self.any_gift = _any(rule, gifts, case, "gift_disclosures")
        self.any_label = _any(rule, opts.get("weak_labels", []), case, "weak_labels")
        # rules with the same disclosure words share one search per sentence
        self.clear_key = (Patterns, "clear", tuple(opts["disclosures"]))
        # one search over the whole document first, when exact (lint/rules/match/prescreen.py)
        self.screen_calls = unanchored(opts.get("calls", []))
        self.screen_clear = unanchored(opts["disclosures"])
        self.screen_labels = unanchored(opts.get("weak_labels", []))
        self.screen_vague = unanchored(opts.get("vague_disclosures", []))

    def targets(self, analysis: Analysis, layout: Layout, own: OwnPages) -> list[Target]:
        found: list[Target] = []
        if self.links is not None:
            for link in analysis.document.links:
                if self.links.matches(link) and not own.link(link, self.links):
                    where = layout.sentence_of(link.text_start)
                    found.append(Target(link.start, link.end, link.block, where, link.text, link))
        if self.any_call is not None and self._sells(analysis, own):
            clear = self._clear_matches(analysis)
            if self.screen_calls and not may_match(self.any_call, analysis):
                return sorted(found, key=lambda t: t.start)
            for index, sentence in enumerate(analysis.sentences):
                if clear[index] is not None or not any(
                    self.any_call.search(part) for _, part in self._openings(sentence.raw)
                ):
                    continue
                if not self._own_call(sentence, own, layout):
                    found.extend(self._calls_in(analysis, layout, index, sentence))
        if self.lead_ins and self.call_links is not None:
            called = {t.sentence for t in found if t.link is None}  # one call per sentence
            found.extend(
                t for t in self._lead_ins(analysis, layout, own) if t.sentence not in called
            )
        found = [t for t in found if not _section_label(t, layout)]
        return sorted(found, key=lambda t: t.start)

    def _sells(self, analysis: Analysis, own: OwnPages) -> bool:
        """The page has an affiliate or sales link of someone else's: only then are calls to buy
        targets (a brand's "Order yours today" over its own shop, or advice to buy at a pharmacy
        on a page with no such link, earns nobody a commission)."""
        matcher = self.call_links or self.links
        if matcher is None:
            return True
        return any(
            matcher.matches(link) and not own.link(link, matcher)
            for link in analysis.document.links
        )

    def _openings(self, text: str) -> list[tuple[int, str]]:
        """The sentence, and (when it opens with `call_openers`) the rest after them, each with
        its offset: "Seriously, buy the 0.5mg" is "buy the 0.5mg" for a call anchored at `^`."""
        opener = self.opener.match(text) if self.opener is not None else None
        if opener is None or opener.end() == 0:
            return [(0, text)]
        return [(0, text), (opener.end(), text[opener.end() :])]

    def _own_call(self, sentence: Sentence, own: OwnPages, layout: Layout) -> bool:
        """A call for the site's own shop: it names no other shop, and its links (in a heading:
        its section's; with none: its paragraph's) include the site's own and no affiliate one
        ("Order directly from [our shop](/shop/x)"; "## Get yours" over "[Add to cart](/cart)").
        A call with no links at all counts as the site's own only in a menu."""
        if self._names_vendor(sentence.raw):
            return False
        links = sentence.links or layout.nearby_links(sentence)
        if not links:
            start, _ = own.analysis.source_span(sentence.start_char, sentence.end_char)
            return own.in_nav(start)
        if self.call_links is None:
            return all(own.link(link) for link in links)
        sells = any(
            self.call_links.matches(link) and not own.link(link, self.call_links) for link in links
        )
        return not sells and any(own.link(link, self.call_links) for link in links)

    def _lead_ins(self, analysis: Analysis, layout: Layout, own: OwnPages) -> Iterator[Target]:
        """ "try [Qualia](https://...?aff=7)": the words before an affiliate link make a call."""
        assert self.call_links is not None
        offsets = analysis.document.offsets
        for link in analysis.document.links:
            if not self.call_links.matches(link) or own.link(link, self.call_links):
                continue
            sentence = analysis.sentence_at(bisect.bisect_left(offsets, link.text_start))
            if sentence is None:
                continue
            before = sentence.raw[
                : bisect.bisect_left(offsets, link.text_start) - sentence.start_char
            ]
            match = next((m for r in self.lead_ins for m in r.finditer(before)), None)
            if match is None or _negated_before(before, match.start()):
                continue
            begin = sentence.start_char + match.start()
            start, end = analysis.source_span(begin, begin + len(match.group().rstrip()))
            words = match.group().rstrip()
            yield Target(start, end, layout.block_of(sentence), sentence.index, words)

    def _names_vendor(self, text: str) -> bool:
        """A shop other than the publisher's own ("our shop" is theirs)."""
        if self.vendor is None:
            return False
        return any(
            not m.group().lower().startswith("our ")
            and not text[: m.start()].lower().endswith(("our ", "my "))  # "our Amazon store"
            for m in self.vendor.finditer(text)
        )

    def _clear_matches(self, analysis: Analysis) -> list[Any]:
        """The plain-words disclosure in each sentence (or None); shared by the ftc rules."""
        return analysis.memo(self.clear_key, lambda: self._find_clear_matches(analysis))

    def _find_clear_matches(self, analysis: Analysis) -> list[Any]:
        sentences = analysis.sentences
        first: int | None = 0
        if self.any_clear is None:
            first = None
        elif self.screen_clear:
            first = first_candidate(self.any_clear, analysis)
        if first is None:
            cache = [None] * len(sentences)  # what _clear_match gives each
        else:  # sentences before `first` have no match: None
            cache = [None] * first + [self._clear_match(s.raw) for s in sentences[first:]]
        return cache

    def _calls_in(
        self, analysis: Analysis, layout: Layout, index: int, sentence: Sentence
    ) -> Iterator[Target]:
        text = sentence.raw
        calls = self._spans(text, self.calls, True)
        if not calls:
            return
        parts = self._spans(text, self.call_parts, False)
        # one call per sentence, spanning all its parts ("Use code FOCUS10 for 10% off"), but
        # not across a sentence end the splitter missed ("grab a tub at x.example. use code X");
        # a part ("10% off") joins a call and is never one alone
        groups: list[list[int]] = []  # [begin, stop, holds a call]
        for begin, stop, is_call in sorted(calls + parts):
            if groups and not _SENTENCE_END.search(text, groups[-1][1], max(begin, groups[-1][1])):
                groups[-1][1] = max(groups[-1][1], stop)
                groups[-1][2] |= is_call
            else:
                groups.append([begin, stop, int(is_call)])
        for begin, stop, holds_call in groups:
            if not holds_call:
                continue
            start, end = analysis.source_span(
                sentence.start_char + begin, sentence.start_char + stop
            )
            yield Target(start, end, layout.block_of(sentence), index, text[begin:stop])

    def _spans(self, text: str, regexes: list[Any], is_call: bool) -> list[tuple[int, int, bool]]:
        """Where `regexes` match in the sentence or its rest after an opener, each widened to
        its clause; warnings, relative clauses and idioms are left out."""
        return [
            (*_clause(text, at + m.start(), at + m.end()), is_call)
            for at, part in self._openings(text)
            for regex in regexes
            for m in regex.finditer(part)
            if m.end() > m.start()
            and not _negated_before(part, m.start())  # "If it doesn't suit you, buy"
            and not _relative_clause(text, at + m.start(), at + m.end())
            and not _IDIOM.match(m.group())
            and not (is_call and self._not_call(part[m.start() :]))
        ]

    def _not_call(self, rest: str) -> bool:
        """The words from a call's start are one of `not_calls` ("Get yours checked")."""
        return any(regex.match(rest) for regex in self.not_calls)

    def _clear_match(self, text: str) -> Any:
        return _undenied_match(text, self.any_clear, self.clear)

    def disclosures(self, analysis: Analysis, layout: Layout) -> list[Mention]:
        clear = self._clear_matches(analysis)
        found = self._mentions(analysis, layout, lambda index, text: clear[index])
        if self.any_gift is not None and not self._pays_commission(analysis):

            def gift(index: int, text: str) -> Any:
                if clear[index] is not None:
                    return None
                return _undenied_match(text, self.any_gift, self.gifts)

            found = sorted(found + self._mentions(analysis, layout, gift), key=lambda m: m.start)
        boxed = self._front_matter_disclosure(analysis.document.front_matter)
        return ([boxed] if boxed else []) + found

    def _pays_commission(self, analysis: Analysis) -> bool:
        """The page has an affiliate link (not only shop pages): a gift told leaves it unsaid."""
        matcher = self.links if self.links is not None else self.call_links
        if matcher is None:
            return False
        links = analysis.document.links
        return any(matcher.matches(link) and not matcher.shop_only(link) for link in links)

    def _front_matter_disclosure(self, front: dict[str, Any]) -> Mention | None:
        """A disclosure the site's template shows as a box above the article, from front matter
        (`affiliate_disclosure: "We earn a commission ..."`, or `true` for the site's own text):
        it stands before everything, at the top."""
        for key in FRONT_MATTER_KEYS:
            value = front.get(key)
            if value is True or (isinstance(value, str) and self._clear_match(value)):
                return Mention(-1, -1, -1, -1, f"front matter '{key}'")
        return None

    def vague(self, analysis: Analysis, layout: Layout) -> list[Mention]:
        """Disclosures that only hint ("some links may be special"), in sentences with no
        plain-words one; a denial before them is none, and so is a hint that opens or closes
        a plain one in its paragraph ("X is reader-supported. We earn a commission ...")."""
        if self.any_vague is None:
            return []
        if self.screen_vague and not may_match(self.any_vague, analysis):
            return []
        clear = self._clear_matches(analysis)

        def hint(index: int, text: str) -> Any:
            if clear[index] is not None or not self.any_vague.search(text):
                return None
            if _beside_clear(analysis, layout, clear, index):
                return None
            return next(
                (
                    m
                    for r in self.vague_patterns
                    for m in r.finditer(text)
                    if not DENIAL.search(m.group()) and not _denied_before(text, m.start())
                ),
                None,
            )

        return self._mentions(analysis, layout, hint)

    def weak_labels(self, analysis: Analysis, layout: Layout) -> list[Mention]:
        clear = self._clear_matches(analysis)
        screened = self.any_label is not None and self.screen_labels
        if screened and not may_match(self.any_label, analysis):
            return []  # no sentence has a label

        def label(index: int, text: str) -> Any:
            if clear[index] is not None or self.any_label is None:
                return None
            if not self.any_label.search(text):
                return None
            return next(
                (
                    m
                    for r in self.labels
                    for m in r.finditer(text)
                    if not _NOT_A_LABEL.search(text, 0, m.start())
                ),
                None,
            )

        return self._mentions(analysis, layout, label)

    @staticmethod
    def _mentions(analysis: Analysis, layout: Layout, find: Any) -> list[Mention]:
        result = []
        for index, sentence in enumerate(analysis.sentences):
            match = find(index, sentence.raw)
            if match is None:
                continue
            start, end = analysis.source_span(
                sentence.start_char + match.start(), sentence.start_char + match.end()
            )
            result.append(Mention(start, end, layout.block_of(sentence), index, match.group()))
        return result


# words before "affiliate links" that make them a topic, not a label on the page's own links:
# "please label any referral or affiliate links", "we use no affiliate links"
_NOT_A_LABEL = re.compile(
    r"\b(?:label|labels|labelled|labeled|disclose|disclosed|mark|flag|tag|report|ban|bans|"
    r"banned|allow|allowed|no|without|not|never)\b(?:\W+\w+){0,3}\W*$",
    re.IGNORECASE,
)


def _beside_clear(analysis: Analysis, layout: Layout, clear: list[Any], index: int) -> bool:
    """The sentence before or after, in the same paragraph, is a plain-words disclosure."""
    block = layout.block_of(analysis.sentences[index])
    return any(
        0 <= other < len(clear)
        and clear[other] is not None
        and layout.block_of(analysis.sentences[other]) == block
        for other in (index - 1, index + 1)
    )


def _undenied_match(text: str, screen: Any, regexes: list[Any]) -> Any:
    """The first match of `regexes` that no denial holds or precedes ("not sponsored")."""
    if screen is None or not screen.search(text):
        return None
    for regex in regexes:
        for match in regex.finditer(text):
            if not DENIAL.search(match.group()) and not _denied_before(text, match.start()):
                return match
    return None


def _section_label(target: Target, layout: Layout) -> bool:
    """A heading that only names its section ("## Where to buy", "Get it") asks nothing: the
    links and calls under it are the findings. "Where to Buy Alpha Brain" names what to buy."""
    if target.link is not None or target.block not in layout.headings:
        return False
    block = layout.analysis.document.blocks[target.block]
    return _SECTION_LABEL.match(layout.analysis.document.prose[block.start : block.end]) is not None


# a heading that only names the section ("Where to buy", "Get it"); "Buy Bacopa Capsules" as a
# title is a call of its own
_SECTION_LABEL = re.compile(
    r"^\W*(?:(?:where|the best place|how) to (?:buy|get|order)(?: (?:it|them|one|yours))?"
    r"|(?:get|buy|order|shop) (?:it|yours|one|now|here|online)|buy|order|shop)\W*$",
    re.IGNORECASE,
)


def _any(rule: Rule, patterns: list[str], case: bool, key: str, vendors: str = "") -> Any:
    """All patterns as one alternation (None when there are none)."""
    if not patterns:
        return None
    joined = "|".join(f"(?:{p.replace('{vendor}', f'(?:{vendors})')})" for p in patterns)
    return compile_re2(rule, joined, case, key)


_WORD = re.compile(r"[\w-]+")
# "Buy into the hype", "buy time": no purchase
_IDIOM = re.compile(r"^\W*(?:buy|buying|bought) (?:into|time)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s")
_SPACED_DASH = re.compile(r"\s[-–—]+\s|[–—]")
_TRAILING = " \t\r\n-–—,;:"


def _clause(text: str, begin: int, end: int) -> tuple[int, int]:
    """A call's span cut to whole words and to its clause: "Buy it now on Amazon - it's the
    best brain s" -> "Buy it now on Amazon"."""
    dash = _SPACED_DASH.search(text, begin + 1, end)
    if dash is not None:
        end = dash.start()
    while end + 1 < len(text) and text[end] in "./" and text[end + 1].isalnum():
        word = _WORD.match(text, end + 1)  # "zenfuel.example", not "zenfuel"
        end = word.end() if word else end + 1
    if end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        cut = max(text.rfind(" ", begin, end), text.rfind("\n", begin, end))
        if cut > begin:
            end = cut
    while end > begin + 1 and text[end - 1] in _TRAILING:
        end -= 1
    return begin, end


def _denied_before(text: str, begin: int) -> bool:
    """A denial in the few words before a disclosure match, within its clause."""
    before = text[max(0, begin - 40) : begin]
    clause = _CLAUSE_START.match(before)
    if clause is not None:
        before = before[clause.end() :]
    return DENIAL_BEFORE.search(before) is not None


def _negated_before(text: str, begin: int) -> bool:
    """ "Don't buy", "never order", "avoid buying": a warning, not a call to buy; "shoppers who
    buy on Amazon", "when you order online": buying described, not asked for."""
    words = re.findall(r"[\w']+", text[:begin].lower())[-3:]
    if any(w in CALL_NEGATIONS or w.endswith("n't") for w in words):
        return True
    if words[-1:] and words[-1] in FIRST_PERSON:
        return True
    if len(words) > 1 and words[-2] in FIRST_PERSON and words[-1] in HABITUAL:
        return True
    return any(w in REPORTING for w in words[-2:])


def _relative_clause(text: str, begin: int, end: int) -> bool:
    """ "ingredients you can buy separately": "you can buy" after a noun, its object gapped
    (the next word starts none), describes what is sold; "you can buy it at iHerb" asks."""
    if not _SUBJECT_CALL.match(text, begin, end):
        return False
    before = re.findall(r"[\w']+|[^\w\s]", text[max(0, begin - 40) : begin].lower())
    if not before or not before[-1][0].isalnum() or before[-1] in CLAUSE_OPENERS:
        return False
    after = re.match(r"\s*([\w']+)", text[end:])
    return after is None or after.group(1).lower() not in OBJECT_STARTS


class Layout:
    """Sentence and paragraph positions of one document, for 'near' and 'top' questions."""

    def __init__(self, analysis: Analysis, rule: Rule):
        blocks = analysis.document.blocks
        self.block_index = {id(block): i for i, block in enumerate(blocks)}
        self.headings = {i for i, block in enumerate(blocks) if block.kind == "heading"}
        self.analysis = analysis
        top = int(rule.options.get("top_paragraphs", 3))
        paragraphs = [i for i in range(len(blocks)) if i not in self.headings]
        self.top_end = paragraphs[top - 1] if len(paragraphs) >= top else len(blocks)
        self.block_count = len(blocks)
        self.near_only = rule.options.get("reach", "before") == "near"

    def block_of(self, sentence: Sentence) -> int:
        return self.block_index.get(id(sentence.block), -1) if sentence.block else -1

    @cached_property  # only asked when a rule has links to place: built then, once per document
    def sentence_starts(self) -> list[int]:
        return self.analysis.sentence_source_starts

    def sentence_of(self, source_offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, source_offset) - 1

    def section_blocks(self, heading: int) -> range:
        """The blocks after a heading, up to the next heading."""
        last = heading + 1
        while last < self.block_count and last not in self.headings:
            last += 1
        return range(heading + 1, last)

    def nearby_links(self, sentence: Sentence) -> list[Link]:
        """A heading's section's links (to the next heading), or a paragraph's own."""
        block = self.block_of(sentence)
        if block < 0:
            return []
        last = block
        if block in self.headings:
            last = block + 1
            while last < self.block_count and last not in self.headings:
                last += 1
            last -= 1
            if last == block:
                return []
            block += 1
        return [link for b in range(block, last + 1) for link in self.links_by_block.get(b, [])]

    @cached_property
    def links_by_block(self) -> dict[int, list[Link]]:
        by_block: dict[int, list[Link]] = {}
        for link in self.analysis.document.links:
            by_block.setdefault(link.block, []).append(link)
        return by_block

    def sentence_start(self, mention: Mention) -> int:
        """Where the mention's sentence starts in the source: a weak disclosure is shown from
        its first words ("As an Amazon Associate I earn ..."), not from the phrase matched."""
        sentences = self.analysis.sentences
        if mention.start < 0 or not 0 <= mention.sentence < len(sentences):
            return mention.start
        sentence = sentences[mention.sentence]
        start, _ = self.analysis.source_span(sentence.start_char, sentence.start_char + 1)
        return min(start, mention.start)

    def scoped_forward(self, disclosure: Mention) -> bool:
        """The disclosure's paragraph says it covers what follows (FORWARD_SCOPE): "Disclosure:
        from here on, some links are affiliate links. We earn a commission ..."."""
        return disclosure.block in self.forward_blocks

    @cached_property
    def forward_blocks(self) -> set[int]:
        """Blocks with a sentence that names a forward scope: one pass per document, shared by
        the disclosure rules (the scope does not depend on the rule)."""
        return self.analysis.memo(
            ("disclosure", "forward_blocks"),
            lambda: {
                self.block_of(sentence)
                for sentence in self.analysis.sentences
                if FORWARD_SCOPE.search(sentence.text)
            },
        )

    def previous_paragraph(self, block: int) -> int:
        """The nearest earlier non-heading block (or 0): disclosures from there on count."""
        i = block - 1
        while i > 0 and i in self.headings:
            i -= 1
        return max(i, 0)


def covers(disclosure: Mention, target: Target, first: Target, layout: Layout) -> bool:
    """A disclosure covers a link or call in its sentence and every one after it. With
    `reach: near`, only those just after it (its paragraph or the next), anywhere after it when
    it says so ("from here on, links are affiliate links"), and every target when it stands at
    the top before the first."""
    if disclosure.sentence == target.sentence:
        return True
    if not layout.near_only:
        return disclosure.start < target.start
    if disclosure.start < target.start and (
        layout.previous_paragraph(target.block) <= disclosure.block <= target.block
        or layout.scoped_forward(disclosure)
    ):
        return True
    return disclosure.start < first.start and disclosure.block <= layout.top_end


# a disclosure that names its reach forward: all that follows it, not only the next paragraph
# ("links on this page" names no direction: mid-page, it covers what is near, as any other)
FORWARD_SCOPE = re.compile(
    r"\b(?:from here on|from this point on|from now on|(?:links?|picks|products) below"
    r"|the following (?:links|picks|products)|(?:all|every|each) (?:link|links) (?:after|below))\b",
    re.IGNORECASE,
)


def undisclosed(
    rule: Rule, targets: list[Target], disclosures: list[Mention], layout: Layout
) -> Iterator[Hit]:
    first = targets[0]
    for target in targets:
        if any(covers(d, target, first, layout) for d in disclosures):
            continue
        if target.link is not None:
            yield link_hit(rule, target.link, kind="affiliate link")
        else:
            yield Hit(rule, target.start, target.end, {"match": target.text, "kind": "call"})


def vague_hits(rule: Rule, vague: list[Mention], layout: Layout) -> Iterator[Hit]:
    for mention in vague:
        reason = f"'{mention.text}' hints at a payment without saying it; use plain words"
        start = layout.sentence_start(mention)
        yield Hit(rule, start, mention.end, {"match": mention.text, "reason": reason})


def weak(
    rule: Rule,
    targets: list[Target],
    disclosures: list[Mention],
    labels: list[Mention],
    layout: Layout,
) -> Iterator[Hit]:
    for label in labels:
        near = any(d.block in (label.block, label.block + 1) for d in disclosures)
        if not near:
            reason = f"'{label.text}' alone does not say you are paid; use plain words"
            yield Hit(rule, label.start, label.end, {"match": label.text, "reason": reason})
    if disclosures and all(d.start > targets[-1].start for d in disclosures):
        d = disclosures[0]
        reason = "the only disclosure comes after every link and call to buy (at the very end)"
        yield Hit(rule, layout.sentence_start(d), d.end, {"match": d.text, "reason": reason})
