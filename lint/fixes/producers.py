"""The fixers' producers: each turns one hit into a Fix (exact edits), or None.

A rule names its fixer in YAML (`fix: {with: disclaimer}`); `lint.rules.fixers.FIXERS` maps the
name to a function here, and `attach_fixes` (after checking) calls it, so every output (text,
JSON, SARIF, reports, --fix) sees the same Fix. Whether a fix is safe is said once, by its
`Fixer` entry; a producer only makes the edits.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lint.analysis import Analysis, Sentence
from lint.finding import Edit, Fix
from lint.fixes import placement, wording
from lint.rules.fixers import FixContext, fixer_name, squash
from lint.rules.model import Hit, fill

FDA_DISCLAIMER = (
    "These statements have not been evaluated by the Food and Drug Administration. "
    "This product is not intended to diagnose, treat, cure, or prevent any disease."
)
AFFILIATE_DISCLOSURE = (
    "We earn a commission if you buy through the affiliate links on this page, "
    "at no extra cost to you."
)
DOCTOR_LINE = (
    "Talk to your doctor or pharmacist before starting, especially if you take medication."
)
_REL = re.compile(r"""\srel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


# -- the FDA disclaimer -------------------------------------------------------------------


def disclaimer_fix(context: FixContext, hit: Hit) -> Fix | None:
    settings = context.settings
    words = settings.disclaimer_text or FDA_DISCLAIMER
    if context.has(words):  # already there: never add it twice
        return None
    edit = placement.append_paragraph(context.analysis, words, settings.disclaimer_before)
    where = "before the footer" if settings.disclaimer_before else "at the end of the article"
    return Fix(f"Add the FDA disclaimer {where}", (edit,))


# -- the affiliate disclosure -------------------------------------------------------------


def disclosure_fix(context: FixContext, hit: Hit) -> Fix | None:
    analysis, settings, fmt = context.analysis, context.settings, context.format
    words = settings.disclosure_text or AFFILIATE_DISCLOSURE
    if context.has(words):
        return None
    first = context.first_start(str(fixer_name(hit.rule)))
    nl = placement.newline(context.text)
    if settings.disclosure_position == "top":
        top = placement.after_heading(analysis)
        if top is not None:
            if fmt == "html":  # its own line, indented like the heading
                block = f"{nl}{placement.indent(context.text, top.start)}"
                block += placement.html_paragraph(words)
            else:
                block = f"{nl}{nl}{words}"
            edit = Edit(top.start, top.end, block)
            return Fix("Add the affiliate disclosure at the top", (edit,))
        first = analysis.document.offsets[0] if analysis.document.prose else first
    heading = placement.before_block(analysis, first, words)
    if heading is not None:
        return Fix("Add the affiliate disclosure before the first affiliate link", (heading,), True)
    at = placement.paragraph_head(analysis, first)
    body = html.escape(words, quote=False) if fmt == "html" else words
    return Fix(
        "Add the affiliate disclosure before the first affiliate link", (Edit(at, at, body + " "),)
    )


# -- rel="sponsored" ----------------------------------------------------------------------


def rel_sponsored_fix(context: FixContext, hit: Hit) -> Fix | None:
    text = context.text
    for link in context.analysis.document.links:
        inside = link.start <= hit.start < link.end or link.text_start <= hit.start < link.text_end
        if not inside or not text.startswith("<a", link.start):
            continue
        close = placement.tag_end(text, link.start)
        if close < 0:
            return None
        tag = text[link.start : close]
        rel = _REL.search(tag)
        if rel is None:
            at = close - 1 if tag.endswith((" /", "\t/", "\n/")) else close
            while text[at - 1] in " \t\r\n":
                at -= 1
            edit = Edit(at, at, ' rel="sponsored"')
        else:
            value = next(g for g in rel.groups() if g is not None)
            if "sponsored" in value.lower().split():
                return None
            group = next(i for i in (1, 2, 3) if rel.group(i) is not None)
            start, end = link.start + rel.start(group), link.start + rel.end(group)
            quoted = group != 3
            new = f"{value} sponsored".strip()
            edit = Edit(start, end, new) if quoted else Edit(start, end, f'"{new}"')
        return Fix('Add rel="sponsored" to the affiliate link', (edit,))
    return None


# -- hedge an unsupported causal claim ----------------------------------------------------


def hedge_fix(context: FixContext, hit: Hit) -> Fix | None:
    """'boosts memory' -> 'may support memory': the verb the rule flagged, or else the first
    causal verb of the sentence, with any 'will'/'definitely' before it."""
    analysis = context.analysis
    sentence = _sentence(analysis, hit)
    if sentence is None:
        return None
    tokens = list(sentence.span)
    flagged = [
        t for t in tokens if hit.start <= _source_start(analysis, t) < max(hit.end, hit.start + 1)
    ]
    for token in flagged[:1] + tokens:
        lower = token.lower_
        base = wording.causal_base(lower) or (
            wording.base_form(lower) if token in flagged else None
        )
        if base is None or not token.is_alpha or lower.endswith(("ed", "ing")):
            continue
        doc, first = token.doc, token
        if token.i > sentence.span.start and doc[token.i - 1].lower_ in wording.NOT_A_VERB_BEFORE:
            continue
        while first.i > sentence.span.start and doc[first.i - 1].lower_ in wording.ASSERTIVE:
            first = doc[first.i - 1]
        if first.i > sentence.span.start and doc[first.i - 1].lower_ in wording.MODALS:
            return None  # already hedged
        original = analysis.document.prose[first.idx : token.idx + len(token)]
        new = wording.match_case(wording.hedge(base), original)
        edit = _prose_edit(analysis, first.idx, token.idx + len(token), original, new)
        if edit is None:
            return None
        return Fix(f"Hedge the claim: '{original}' -> '{new}'", (edit,))
    return None


def _source_start(analysis: Analysis, token: Any) -> int:
    return analysis.source_span(token.idx, token.idx + len(token))[0]


# -- disease claim -> structure/function wording ------------------------------------------


def disease_fix(context: FixContext, hit: Hit) -> Fix | None:
    analysis = context.analysis
    sentence = _sentence(analysis, hit)
    if sentence is None:
        return None
    text = sentence.raw  # span.text, cached: Span.text joins every token, once per finding
    for match in wording.DISEASE_CLAIM.finditer(text):
        after = text[match.end() :]
        new = wording.disease_rewording(match.group("verb"), match.group("disease"), after)
        if new is None:
            continue
        start = sentence.span.start_char + match.start()
        new = wording.match_case(new, match.group())
        edit = _prose_edit(analysis, start, start + len(match.group()), match.group(), new)
        if edit is not None:
            return Fix(
                f"Reword as a structure/function claim: '{match.group()}' -> '{new}'", (edit,)
            )
    return None


# -- a caution sentence from the substance knowledge base ---------------------------------


def caution_fix(context: FixContext, hit: Hit) -> Fix | None:
    """After the sentence of the hit: the rule's `fix: {caution: ...}` about its substance."""
    name, entry = _substance(context, hit)
    caution = str((hit.rule.fix or {}).get("caution", ""))
    if not name:
        return None
    words = wording.caution_sentence(caution, name, entry)
    return _after_hit_sentence(context, hit, [words] if words else [], "Add a caution")


def listed_cautions_fix(context: FixContext, hit: Hit) -> Fix | None:
    """After the sentence of the dose: one sentence per caution the substance's entry lists
    (rules/substances.yaml), for an article that gives none of them."""
    name, entry = _substance(context, hit)
    if not name:
        return None
    return _after_hit_sentence(context, hit, wording.listed_cautions(name, entry), "Add cautions")


def _after_hit_sentence(
    context: FixContext, hit: Hit, sentences: list[str], title: str
) -> Fix | None:
    """The sentences the article does not already hold, inserted after the hit's sentence."""
    end = placement.sentence_end(context.analysis, hit.start)
    new = [w[:1].upper() + w[1:] for w in sentences if not context.has(w)]
    if end is None or not new:
        return None
    words = " ".join(new)
    if context.format == "html":
        words = html.escape(words, quote=False)
    return Fix(f"{title}: {words}", (Edit(end, end, " " + words),))


def dose_caution_fix(context: FixContext, hit: Hit) -> Fix | None:
    """After the first dose: the 'talk to your doctor' line the article lacks."""
    end = placement.sentence_end(context.analysis, hit.start)
    words = DOCTOR_LINE
    if end is None or context.has(words):
        return None
    return Fix(f"Add a caution: {words}", (Edit(end, end, " " + words),))


def _substance(context: FixContext, hit: Hit) -> tuple[str, dict[str, Any] | None]:
    values = hit.values
    name = str(values.get("substance") or values.get("name") or values.get("match") or "")
    name = name or context.text[hit.start : hit.end]
    entries = _knowledge(context)
    key = name.lower().strip()
    for entry in entries:
        names = [entry.get("name"), *(entry.get("aliases") or []), *(entry.get("codes") or [])]
        if any(isinstance(n, str) and n.lower() == key for n in names):
            return str(entry.get("name") or name).strip(), entry  # its own casing
    return name.strip(), None


def _knowledge(context: FixContext) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for _path, data in context.knowledge.get("substances", []):
        items = data.values() if isinstance(data, dict) else data
        found.extend(item for item in items if isinstance(item, dict))
    return found


# -- house rules: `fix:` template ---------------------------------------------------------


def template_fix(context: FixContext, hit: Hit) -> Fix | None:
    """`fix: "popular remedy"`: the filled-in template replaces the matched text."""
    analysis, template = context.analysis, str((hit.rule.fix or {}).get("text", ""))
    matched = str(hit.values.get("match", analysis.source_text[hit.start : hit.end]))
    new = wording.match_case(fill(template, {**hit.values, "match": matched}), matched)
    original = analysis.source_text[hit.start : hit.end]
    if squash(original) != squash(matched):  # markup inside the match: leave it to a human
        return None
    return Fix(f"Replace '{matched}' with '{new}'", (Edit(hit.start, hit.end, new),))


# -- helpers ------------------------------------------------------------------------------


def _sentence(analysis: Analysis, hit: Hit) -> Sentence | None:
    return analysis.sentence_at(placement.prose_offset(analysis, hit.start))


def _prose_edit(analysis: Analysis, start: int, end: int, prose: str, new: str) -> Edit | None:
    """An edit for prose [start, end), only if the source there is that prose (no markup
    or entities inside, which a replacement would destroy)."""
    src_start, src_end = analysis.source_span(start, end)
    if squash(analysis.source_text[src_start:src_end]) != squash(prose):
        return None
    return Edit(src_start, src_end, new)
