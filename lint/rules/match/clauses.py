"""Clause and quote structure of a sentence, without a parser: where a clause starts and ends
(break punctuation and words), which tokens sit inside quotes, and whose words a quote holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.tokens import doc_memo, token_strings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from lint.rules.match.terms import Terms

BREAK_PUNCT = {",", ";", ":", "(", ")", "[", "]", "—", "–", "--", ".", "!", "?", "…"}

BREAK_WORDS = {
    "but",
    "so",
    "which",
    "while",
    "whereas",
    "because",
    "although",
    "though",
    "if",
    "unless",
    "however",
    "yet",
    "since",
    "whether",
}

OPEN_QUESTION = {"whether", "if"}

QUOTE_OPEN = {"“", "«"}
# a report that addresses the seller ("your website", "you state") or only names the quote
# after it ("the statement"): the quote is the seller's own words, not someone's report
SELLER_ADDRESS = {"your", "you"}
QUOTE_NAMES = {
    ("the", "statement"),
    ("the", "claim"),
    ("the", "phrase"),
    ("the", "wording"),
    ("statements", "such", "as"),
    ("statements", "like"),
    # "Examples of claims observed on your website include: '...'"
    ("claims",),
    ("statements",),
    ("representations",),
}

QUOTE_CLOSE = {"”", "»"}

LIST_JOINS = {",", "and", "or", "&", "/", "other"}


def opens_question(doc: Doc, lo: int, start: int) -> bool:
    """ "testing whether saffron can ease depression": an open question, not an assertion."""
    clause = clause_start(doc, lo, start)
    return clause > lo and doc[clause - 1].lower_ in OPEN_QUESTION


def breaks_between(doc: Doc, start: int, end: int) -> bool:
    return any(t.text in BREAK_PUNCT or t.lower_ in BREAK_WORDS for t in doc[start:end])


def clause_start(doc: Doc, lo: int, i: int) -> int:
    """Walk back from token i to just after a break token, but not before lo."""
    if i <= lo:
        return i
    return max(lo, clause_breaks(doc)[0][i - 1] + 1)


def clause_end(doc: Doc, hi: int, i: int) -> int:
    """Walk on from token i to the next break token, but not past hi."""
    if i >= hi:
        return i
    return min(hi, clause_breaks(doc)[1][i])


def clause_breaks(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, the last break token at or before it (-1: none) and the first at or
    after it (len(doc): none), from one pass per Doc: the walks above cost O(1), not a walk
    per claim (quadratic in a sentence of claims)."""
    return doc_memo(doc, _find_clause_breaks, lambda: _find_clause_breaks(doc))


def _find_clause_breaks(doc: Doc) -> tuple[list[int], list[int]]:
    tokens = token_strings(doc)
    is_break = [
        text in BREAK_PUNCT or lower in BREAK_WORDS
        for text, lower in zip(tokens.text, tokens.lower, strict=True)
    ]
    last, before = -1, []
    for i, brk in enumerate(is_break):
        last = i if brk else last
        before.append(last)
    first, after = len(is_break), [0] * len(is_break)
    for i in range(len(is_break) - 1, -1, -1):
        first = i if is_break[i] else first
        after[i] = first
    return before, after


def seller_quoted(
    doc: Doc, lo: int, hi: int, quoted: set[int], reports: list[tuple[int, int]]
) -> bool:
    """The seller's own words quoted back to the seller: 'On your website: "Cures arthritis."'
    A warning letter lists the claims it objects to this way, so the quote is the claim; a
    report that is not the seller's own channel ("you falsely claim", "regulators said") still
    makes it someone's reported words."""
    if not quoted:
        return False
    lowers = token_strings(doc).lower
    if not any(lowers[i] in SELLER_ADDRESS for i in range(lo, hi) if i not in quoted):
        return False
    outside = [(s, e) for s, e in reports if s not in quoted]
    # "your website", "you claim": the seller's channel; "claim that" inside "you claim that"
    channel = [(s, e) for s, e in outside if lowers[s] in SELLER_ADDRESS]
    return all(
        lowers[s] in SELLER_ADDRESS
        or any(c_start < s <= c_end for c_start, c_end in channel)
        or tuple(lowers[s:e]) in QUOTE_NAMES  # 'your label bears the statement "..."'
        for s, e in outside
    )


def others_reports(doc: Doc, lo: int, reports: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Reports of someone else's words: "Our 2025 study found that ...", "our trial data
    show" report the seller's own result, which is the seller's claim."""
    lowers = token_strings(doc).lower
    return [r for r in reports if not _own_research(lowers[max(lo, r[0] - SELLER_REACH) : r[1]])]


def _own_research(words: list[str]) -> bool:
    return "our" in words and bool(RESEARCH_NOUNS.intersection(words))


RESEARCH_NOUNS = {"study", "studies", "trial", "trials", "pilot", "data", "research", "testing"}


SELLER_REACH = 6  # tokens between "our" and the report it owns ("our 2025 open-label study")


def quoted_tokens(doc: Doc, lo: int, hi: int) -> set[int]:
    """Token indexes inside double quotes, or single quotes read by their spacing, within one
    sentence. A single quote opens only before a word it touches after a space or a colon
    ("label: 'Cures gout.'") and closes only against the word before it, so an apostrophe
    ("Alzheimer's", a lone "kids'") never opens one."""
    inside = single = False
    result: set[int] = set()
    texts = token_strings(doc).text  # `token.text` without a Token object per word
    for i in range(lo, hi):
        text = texts[i]
        if text == '"':
            inside = not inside
        elif text in QUOTE_OPEN:
            inside = True
        elif text in QUOTE_CLOSE:
            inside = False
        elif text in SINGLE_QUOTES and not inside:
            if single and _attached(doc, i):
                single = False
            elif not single and text != "’" and _opens_single(doc, lo, hi, i):
                single = True
            elif single:
                result.add(i)
        elif inside or single:
            result.add(i)
    return result


SINGLE_QUOTES = {"'", "‘", "’"}


def _attached(doc: Doc, i: int) -> bool:
    return i > 0 and not doc[i - 1].whitespace_


def _opens_single(doc: Doc, lo: int, hi: int, i: int) -> bool:
    if i + 1 >= hi or doc[i].whitespace_:
        return False
    return i == lo or bool(doc[i - 1].whitespace_) or doc[i - 1].text in {":", "("}


def reports_in(reports: Terms | None, doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Every report in tokens [lo, hi), in order: the `reports` words and `gapped_reports`."""
    found = reports.find(doc, lo, hi) if reports is not None else []
    return sorted(found + gapped_reports(doc, lo, hi))


def gapped_reports(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """A seller's claim described by its marketing, with the product between the verb and
    "as": "You market the tincture as an alternative to antibiotics", "firms promote these
    gummies as", "brands tout ashwagandha as" (the `reports` lists hold contiguous phrases:
    "marketed as", "sold as"). Not the seller's own "we market it as": that is its claim.
    Spans run from the verb to "as"; one linear pass per sentence, kept for the next caller
    (a sentence of many conditions asks once per mention)."""
    return doc_memo(doc, ("gapped-reports", lo, hi), lambda: _gapped_reports(doc, lo, hi))


def _gapped_reports(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    lowers = token_strings(doc).lower
    found = []
    for i in range(lo, hi):
        if lowers[i] not in MARKETING_VERBS or (i > lo and lowers[i - 1] in SELLER_SELVES):
            continue
        for j in range(i + 2, min(hi, i + 2 + MARKETED_REACH)):
            if lowers[j] == "as":
                if j + 1 >= hi or lowers[j + 1] not in QUOTE_MARKS:  # the seller's own words
                    found.append((i, j + 1))
                break
            if lowers[j] in MARKETED_BREAKS:
                break
    return found


# verbs a regulator or a reporter uses of how a product is sold
MARKETING_VERBS = {
    "market", "markets", "marketed", "marketing", "promote", "promotes", "promoted",
    "promoting", "advertise", "advertises", "advertised", "advertising", "tout", "touts",
    "touted", "touting", "pitch", "pitches", "pitched", "pitching", "bills", "billed",
}  # fmt: skip
SELLER_SELVES = {"we", "i", "our"}
QUOTE_MARKS = {'"', "“", "'", "‘"}
MARKETED_REACH = 6  # object words between the verb and "as": "the tincture", "these gummies"
MARKETED_BREAKS = {",", ";", ":", ".", "!", "?", "and", "but", "that", "which"}
