"""A parsed Document with its spaCy Doc and per-sentence features rules share.

Features are computed lazily, once per sentence: negated, hedged, cited, in_quote,
is_disclaimer, is_question, is_heading.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from lint.documents.model import Block, Document, Link
from lint.lazy import cached_property
from lint.positions import LineIndex
from lint.tokens import doc_memo, token_strings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

HEDGE_WORDS = {
    "may",  # not the month: see Sentence.hedged
    "might",
    "could",
    "possibly",
    "potentially",
    "perhaps",
    "likely",
    "unlikely",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "seemed",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "preliminary",
    "reportedly",
    "anecdotally",
    "tentative",
    "tentatively",
    "purported",
    "purportedly",
    "allegedly",
    "supposedly",
    "theoretically",
    "hypothesized",
    "hypothetically",
    "whether",
    "unclear",
    "uncertain",
    "inconclusive",
    "speculative",
    "maybe",
    "probably",
    "plausible",
    "plausibly",
    "hope",  # "researchers hope it will one day lower blood pressure": a wish, not a result
    "hopes",
    "hoped",
}
# "early"/"limited" only hedge in phrases: "take it early in the day" is no hedge
HEDGE_PHRASES = re.compile(
    r"\b(some (?:small )?(?:studies|trials|research|evidence|users|people|data)"
    r"|(?:early|limited|emerging|initial|weak|mixed|thin) (?:research|evidence|studies|data|trials"
    r"|findings|results)"
    r"|(?:one|a) (?:small|single|pilot) (?:study|trial)"
    r"|(?:is|are) (?:thought|believed|said) (?:to|that)|i think|i guess"
    r"|(?:was|were) (?:once |long |widely |commonly ){0,2}(?:thought|believed) (?:to|that)"
    r"|claims? to|claimed to|marketed (?:as|to)|in theory|advertis(?:e|es|ed|ing) that"
    r"|(?:it is|it's|it remains|remains) possible|the possibility|who knows"
    r"|more research is needed|not (?:yet )?(?:clear|proven|established))\b",
    re.IGNORECASE,
)
# results from animals or cells: a hedge for a causal claim (evidence.animal-to-human
# separately checks whether the text carries them over to people)
ANIMAL_QUALIFIER = re.compile(
    r"\b(?:in |on )?(?:rats?|mice|mouse|rodents?|animals?|animal (?:studies|models?)"
    r"|cell cultures?|in vitro|test[- ]tubes?|petri[- ]dish(?:es)?|zebrafish|fruit flies|worms"
    r"|rabbits?|hamsters?|guinea pigs|piglets|monkeys|primates|in a dish|lab dish(?:es)?"
    r"|cultured (?:cells|neurons|tissue)|cell stud(?:y|ies)|agar(?: plates?)?"
    r"|dogs?|cats|horses|canine|feline|equine)\b",
    re.IGNORECASE,
)
NEGATIONS = {"not", "n't", "no", "never", "neither", "nor", "cannot", "none", "nothing", "nobody"}
NEGATION_PHRASES = re.compile(
    r"\b(fails? to|failed to|there is no evidence|lacks?|unproven|no proof|little evidence"
    r"|no (?:good|solid|strong|reliable|convincing|clinical|human) evidence|a myth|myths?(?=:)"
    r"|fact[- ]check|(?:is|are|was|were) (?:simply |just |flat )?(?:wrong|false|untrue))\b",
    re.I,
)
# "not only ... but also", "no doubt" are emphasis; "no side effects" is itself a claim
NOT_NEGATION = re.compile(
    r"\b(?:not only|no doubt|no wonder|no matter|no longer just"
    r"|(?:no|zero|never any) (?:known |serious |negative |nasty )?(?:side[- ]effects?|risks?"
    r"|downsides?|jitters|crash(?:es)?|withdrawal)"
    r"|(?:cannot|can't|won't|will not|never) (?:harm|hurt|fail)s?)\b",  # "cannot harm you"
    re.I,
)
# questions that assert their answer: "Who needs Ambien when you have valerian?"
RHETORICAL = re.compile(
    r"\W*(?:who needs|who wants|why (?:take|bother with|pay for|risk|settle for|suffer with|"
    r"put up with|inject|stay on|keep taking)|what'?s the point of)\b[^?]*\b(?:when|if)\b",
    re.I,
)
# an answer that affirms the question before it: "A: Absolutely.", "Yes, it does."
AFFIRMED = re.compile(
    r"(?:A|Answer)?\W*(?:yes|yep|yeah|absolutely|definitely|certainly|of course|it sure does"
    r"|it does|it will|it can|(?:we|i) think so|we say yes|you bet)\b(?! not\b)",
    re.I,
)
# "never fails to calm" affirms: its "fails to" is no negation phrase
DOUBLE_NEGATIVE = re.compile(r"\b(?:never|not once) (?:fails?|failed) to\b", re.I)
MONTH_CONTEXT = {"in", "on", "since", "until", "by", "of", "early", "late", "mid", "last", "next"}
_AUTHOR = r"[A-Z][\w'’-]+(?: et al\.?| (?:and|&) [A-Z][\w'’-]+)?"
_YEAR = r"(?:19|20)\d\d[a-z]?"
# a journal's or author's name: capitalised words, with small joining words between them
_TITLE = r"\b[A-Z][\w'’.-]*(?: (?:of|and|&|for|in|on|the|[A-Z][\w'’.-]*)){0,8}"
CITATION = re.compile(
    r"\[\^?\d{1,3}(?:[,–-]\s*\d{1,3})*\]"  # [3], [3,4], [3-5], markdown [^3]
    rf"|\((?:see |e\.g\.,? )?{_AUTHOR},? {_YEAR}(?:[;,] [^()]{{0,120}})?\)"  # (Smith et al., 2019)
    rf"|\b[A-Z][\w'’-]+ et al\.? \({_YEAR}\)"  # Smith et al. (2019) found
    rf"|{_TITLE},? \(?{_YEAR}\)"  # (Journal of Sleep Research, 2018), Gut Reports (2021)
    rf"|\b(?:colleagues|co-?workers) \({_YEAR}\)"  # Olsson and colleagues (2009)
    r"|\b(?:PMID|PMCID|doi)\b:? ?\S*\d"  # an id with a digit: not the "doi" of "doing"
    r"|[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
)
STUDY_HOSTS = re.compile(
    r"(pubmed|ncbi\.nlm\.nih\.gov|doi\.org|nih\.gov|sciencedirect|springer|wiley|nature\.com"
    r"|frontiersin|mdpi|jamanetwork|nejm|bmj|thelancet|cochranelibrary|plos|biorxiv"
    r"|medrxiv|clinicaltrials\.gov|tandfonline|sagepub|oup\.com|karger|\.edu/|examine\.com)",
    re.IGNORECASE,
)
# a link whose visible text names a study counts as a citation wherever it points
STUDY_LINK_TEXT = re.compile(
    r"\b(study|studies|trial|trials|review|meta-analysis|paper|research|journal)\b", re.I
)
# a study identified in the sentence as the claim's source, as news and summaries name one: "a
# 2021 trial of 120 adults found", "a meta-analysis of 23 trials", "the PREDIMED trial",
# "a Cochrane review", "according to a study in Sleep", "researchers at Otago found"
_STUDY = r"(?:study|studies|trial|trials|review|meta-analysis|analysis|cohort|survey|experiment)"
NAMED_STUDY = re.compile(
    rf"(?i:\b(?:19|20)\d\d (?:[\w-]+ ){{0,3}}{_STUDY}\b"
    rf"|\b{_STUDY} (?:of|in|among|with) (?:more than |over |nearly |about )?\d[\d,]*"
    rf"|\bin (?:the|a|one) (?:19|20)\d\d\b|\b(?:cochrane|systematic) reviews?\b"
    r"|\baccording to (?:a|an|the|one|researchers|scientists|investigators)\b"
    r"|\b(?:researchers|scientists|investigators|a team) (?:at|from) )[A-Z]?"
    rf"|\b[A-Z][A-Z0-9-]{{2,}} (?:{_STUDY})\b"
    r"|\b(?:published|reported) in (?:the )?[A-Z]"
)
# The 21 CFR 101.93(c) disclaimer, either half, minor variations allowed. "Not approved by the
# FDA" is deliberately absent: it is a regulatory statement, not the disclaimer.
_FDA = r"(?:the )?(?:u\.?s\.? )?(?:food (?:and|&) drug administration|fda)"
DISCLAIMER = re.compile(
    rf"(?:not|n't) (?:yet )?(?:been )?(?:evaluated|reviewed) by {_FDA}"
    rf"|{_FDA} (?:has|have) not (?:evaluated|reviewed) (?:these|this|the|any)"
    r"|not (?:intended|meant|designed) to diagnose\b[^.]{0,40}\bprevent",  # "..., mitigate or"
    re.IGNORECASE | re.DOTALL,
)
# one of these is in every DISCLAIMER match (tests/test_fast_paths.py proves it)
DISCLAIMER_KEYWORDS = ("evaluated", "reviewed", "diagnose")
QUOTE_CHARS = {'"', "“", "”"}
ATTRIBUTED = re.compile(
    r"\b(?:calls?|called|dubs?|dubbed) (?:it|them|this|these|that|[\w'’-]+(?: [\w'’-]+)?)"
    r" (?:a|an|the)\b|\bso-called\b|\b(?:billed|marketed|advertised|touted|hyped) as\b"
    # "advertising its pills as", "described the tea as", "called it “a miracle”", words like "X"
    r"|\b(?:advertis|market|promot|describ|sell|pitch|brand)\w* (?:[\w'’-]+ ){0,4}as\b"
    r"|\b(?:calls?|called) (?:it|them|this) [\"“]|\b(?:words?|terms?|claims?) like\b"
    r"|\bthat (?:say|says|promise|promises) [\"“]",
    re.IGNORECASE,
)
# a shop's promise about its service, not the product's effect: "risk-free with our
# money-back guarantee", "guaranteed to ship within two days" ("results guaranteed or your
# money back" still promises the result)
COMMERCE = re.compile(
    r"\b(?:money-back guarantee|satisfaction guarantee|ship|ships|shipped|shipping|dispatch(?:ed)?"
    r"|delivery|delivered|returns? policy|free returns|trial period|cancel anytime|checkout)\b",
    re.IGNORECASE,
)
ATTRIBUTION = re.compile(
    r"[,!?][\"”] (?:\w+ ){0,4}(?:says?|said|writes?|wrote|claims?|claimed|promises?|tells?|told"
    r"|posted|reports?|reported|insists?|declares?|declared|boasts?|boasted|states?|stated|reads"
    r"|proclaims?|proclaimed|announces?|announced)\b",
    re.IGNORECASE,
)


@dataclass
class Sentence:
    span: Span
    block: Block | None
    index: int
    analysis: Analysis = field(repr=False)

    @cached_property  # Span.text joins every token: per hit, a 1 MB sentence went quadratic
    def text(self) -> str:
        return self.raw.strip()

    @cached_property
    def raw(self) -> str:
        """`span.text`, sliced from the prose the Doc was made of (spaCy rebuilds it per call)."""
        return self.analysis.document.prose[self.span.start_char : self.span.end_char]

    @property
    def start_char(self) -> int:
        return self.span.start_char

    @cached_property  # read for every sentence on every sentence_at lookup
    def end_char(self) -> int:
        return self.span.start_char + len(self.raw.rstrip())

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def lowers(self) -> list[str]:
        """`token.lower_` of each token, from the Doc's shared lists (no Token objects)."""
        return token_strings(self.span.doc).lower[self.span.start : self.span.end]

    @cached_property
    def words(self) -> set[str]:
        return set(self.lowers)

    @cached_property
    def negated(self) -> bool:
        if NEGATION_PHRASES.search(DOUBLE_NEGATIVE.sub(" ", self.text)):
            return True
        cues = sum(1 for word in self.lowers if word in NEGATIONS)
        return cues > len(NOT_NEGATION.findall(self.text))

    @cached_property
    def hedged(self) -> bool:
        return self.hedged_apart_from_animals or bool(ANIMAL_QUALIFIER.search(self.text))

    @cached_property
    def hedged_apart_from_animals(self) -> bool:
        """A hedge word or phrase other than "in rats": what a claim about people needs."""
        if HEDGE_PHRASES.search(self.text):
            return True
        doc, start = self.span.doc, self.span.start
        return any(
            is_hedge_token(doc[start + i])
            for i, word in enumerate(self.lowers)
            if word in HEDGE_WORDS
        )

    @cached_property
    def cited(self) -> bool:
        if CITATION.search(self.text) or self.links_to_study:
            return True
        # a footnote number glued to a word or to punctuation: "effects3", "rats.1"
        tokens = token_strings(self.span.doc)
        texts, spaced, is_alpha = tokens.text, tokens.spaced, tokens.is_alpha
        like_num = tokens.like_num
        for i in range(self.span.start + 1, self.span.end):
            glued = like_num[i] and len(texts[i]) <= 3 and not spaced[i - 1]
            if glued and (is_alpha[i - 1] or texts[i - 1] in {".", ",", ")", "”", '"'}):
                return True
        return False

    @cached_property
    def names_study(self) -> bool:
        """The claim names the study it comes from ("a 2021 trial of 120 adults found that"):
        a source a reader can look up, as a citation is (used by evidence rules, not fda)."""
        return bool(NAMED_STUDY.search(self.text))

    @cached_property
    def links_to_study(self) -> bool:
        """A link to a study host, with study words, or a footnote link: "[3](#ref3)"."""
        return any(
            STUDY_HOSTS.search(link.url)
            or STUDY_LINK_TEXT.search(link.text)
            or link.text.strip().strip("[]^").isdigit()
            for link in self.links
        )

    @cached_property
    def links(self) -> list[Link]:
        return self.analysis.links_in(self.start_char, self.end_char)

    @cached_property
    def in_quote(self) -> bool:
        if self.block is not None and self.block.quote:
            return True
        text = self.text
        if len(text) > 1 and text[0] in QUOTE_CHARS:
            # all quoted, or a quotation then its attribution: '"It works," says the ad.'
            return text.rstrip(".!?")[-1] in QUOTE_CHARS or bool(ATTRIBUTION.search(text))
        return False

    @cached_property
    def attributed(self) -> bool:
        """Words put in someone else's mouth: "marketers call it a miracle", "so-called"."""
        return bool(ATTRIBUTED.search(self.text))

    @cached_property
    def commerce(self) -> bool:
        """The sentence is about buying: refunds, shipping, returns (see COMMERCE)."""
        return bool(COMMERCE.search(self.text))

    @cached_property
    def is_disclaimer(self) -> bool:
        # every DISCLAIMER match holds "evaluated", "reviewed" or "diagnose"; in ASCII text
        # re.IGNORECASE matches them exactly where the lower case holds them (beyond ASCII,
        # "ſ" matches "s": the regex decides)
        if self.text.isascii() and not any(word in self.lower for word in DISCLAIMER_KEYWORDS):
            return False
        return bool(DISCLAIMER.search(self.text))

    @property
    def is_question(self) -> bool:
        """A question asks; a rhetorical one asserts: "Who needs Ambien when you have valerian?",
        and so does one the next sentence answers yes to ("Q: Will it help my OCD? A: Yes.")."""
        return (
            self.text.endswith("?") and not RHETORICAL.match(self.text) and not self._answered_yes
        )

    @property
    def _answered_yes(self) -> bool:
        """A heading asking ("### Does it interact with anything?") names a topic, whatever the
        answer: what the answer says is the answer's own."""
        sentences = self.analysis.sentences
        if self.is_heading or self.index + 1 >= len(sentences):
            return False
        return AFFIRMED.match(sentences[self.index + 1].text) is not None

    @property
    def is_heading(self) -> bool:
        return self.block is not None and self.block.kind == "heading"

    def has(self, feature: str) -> bool:
        """Named features rules can test in YAML (`unless: [negated, hedged]`)."""
        return bool(getattr(self, FEATURES[feature]))


def is_hedge_token(token: Token) -> bool:
    """A hedge word, except "May" the month ("in May 2024", "May 3", mid-sentence "May")."""
    if token.lower_ != "may":
        return True
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.like_num:
        return False
    if token.text == "May" and not token.is_sent_start:
        return False
    previous = doc[token.i - 1] if token.i > 0 else None
    return previous is None or previous.lower_ not in MONTH_CONTEXT


FEATURES = {
    "negated": "negated",
    "hedged": "hedged",
    "cited": "cited",
    "quote": "in_quote",
    "disclaimer": "is_disclaimer",
    "question": "is_question",
    "heading": "is_heading",
    "attributed": "attributed",
    "names_study": "names_study",
    "commerce": "commerce",
}


class Analysis:
    """Everything rules read about one document; built once, read by every checker."""

    def __init__(self, document: Document, doc: Doc):
        self.document = document
        self.doc = doc
        self.source_text = document.source.text
        self.lines = LineIndex(self.source_text)

    @property
    def path(self) -> str:
        return self.document.path

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()`, once per document and key: what one rule derives and others reuse (a
        rule's claims, an index of where terms start). Keys name their owner, e.g.
        `(rule, "claims")`; the memo is the Doc's (`lint.tokens.doc_memo`), so matchers that
        hold only the Doc reach the same entries."""
        return doc_memo(self.doc, key, build)

    @cached_property
    def sentences(self) -> list[Sentence]:
        result: list[Sentence] = []
        prose = self.document.prose  # == doc.text; Span.text would rebuild it from tokens
        for span in self.doc.sents:
            if prose[span.start_char : span.end_char].strip():
                block = self.document.block_at(span.start_char)
                result.append(Sentence(span, block, len(result), self))
        return result

    @cached_property  # where sentences start in the source: disclosure rules place links by it
    def sentence_source_starts(self) -> list[int]:
        return [self.source_span(s.start_char, s.end_char)[0] for s in self.sentences]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start_char for sentence in self.sentences]

    def sentence_at(self, prose_offset: int) -> Sentence | None:
        # sentences are in order and do not overlap: binary search, not a scan per hit
        i = bisect.bisect_right(self._sentence_starts, prose_offset) - 1
        if i >= 0 and prose_offset < self.sentences[i].end_char:
            return self.sentences[i]
        return None

    def links_in(self, prose_start: int, prose_end: int) -> list[Link]:
        src_start, src_end = self.document.source_span(prose_start, prose_end)
        starts, links = self._links_by_start
        first = bisect.bisect_left(starts, src_start)
        return links[first : bisect.bisect_left(starts, src_end, first)]

    @cached_property
    def _links_by_start(self) -> tuple[list[int], list[Link]]:
        """Links sorted by where their text starts: one bisect per sentence, not a scan."""
        links = sorted(self.document.links, key=lambda link: link.text_start)
        return [link.text_start for link in links], links

    def source_span(self, prose_start: int, prose_end: int) -> tuple[int, int]:
        return self.document.source_span(prose_start, prose_end)

    @cached_property
    def lowered_words(self) -> frozenset[str]:
        """Every lower-cased token text: lets matchers skip rules that cannot apply."""
        return frozenset(token_strings(self.doc).lower)
