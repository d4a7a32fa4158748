"""Build rules/fda/conditions.json: the disease names writers use, from ICD-10-CM plus lay names.

    python -m lint.vocab.build          # rewrite the file
    python -m lint.vocab.build --check  # exit 1 when the committed file is stale

Build-time only (needs the dev extra: simple-icd-10-cm). ICD-10-CM descriptions are long
("Type 2 diabetes mellitus without complications"); a writer says "type 2 diabetes". Each
description and inclusion term of the disease chapters is cut to its head: brackets and
parentheses dropped, everything after a comma or a qualifier ("with", "without", "due to",
"of unspecified site", "unspecified") cut, leading "Other"/"Unspecified"/laterality removed;
heads longer than four words, or generic ("disorder", "pain"), are dropped. The hand-kept
overlay (lint/vocab/overlay.yaml) adds lay names ("ADD", "sugar diabetes", "Alzheimers") and
removes what people write about supplements that is not a disease ("stress", "brain fog").
British spellings ("anaemia", "coeliac disease") and eponyms without the apostrophe ("Crohns")
are added, plurals for the last word, and one-slip misspellings of the hand-kept names
(lint/vocab/misspell.py: "fibromyalga", "hypertention"). Every term is stored as the token
keys the matcher compares (spaCy's blank English tokenizer, normalised text), so start-up never
tokenizes it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from lint.vocab import FORMAT, index_json
from lint.vocab.misspell import english_words, misspellings

HERE = Path(__file__).resolve().parent
OVERLAY = HERE / "overlay.yaml"
OUTPUT = HERE.parent.parent / "rules" / "fda" / "conditions.json"
RULE = OUTPUT.parent / "disease-claim.yaml"

# ICD-10-CM chapters by code letter: infections to genitourinary (A-N), pregnancy (O:
# "preeclampsia"), congenital (Q) and COVID-19 (U07). Left out: perinatal (P), symptoms and
# findings (R: "fatigue", "cough", "abnormal findings"; the few symptoms that are disease claims
# are in the overlay), injuries and poisoning (S, T: "lead poisoning" is in the overlay),
# external causes (V-Y), health-service factors (Z).
CHAPTER_LETTERS = set("ABCDEFGHIJKLMNOQ")
EXTRA_CODES = ("U07",)
MAX_WORDS = 4
CUT = re.compile(
    r"(?:,|;|:| - | (?:with|without|due to|in|of unspecified|following|associated with"
    r"|not elsewhere|not|classified|involving|affecting|except|other than|induced|NOS)\b).*$"
)
LEADING = re.compile(
    r"^(?:(?:other|unspecified|specified|other specified|and|or|right|left|bilateral"
    r"|acquired|primary|secondary|personal history of|history of)\s+)+",
    re.IGNORECASE,
)
BRACKETS = re.compile(r"\s*[\[(][^\])]*[\])]")
WORD = re.compile(r"^[a-z][a-z0-9'’-]*$")
# a nutrient deficiency may be named in a lawful claim (21 USC 343(r)(6)(A)): not a disease here
NUTRIENT_DEFICIENCY = re.compile(r"\bdeficienc(?:y|ies)\b")
# laterality, site and course words a writer leaves off: "otalgia left ear", "... sequela"
TRAILING = re.compile(
    r"(?:\s+(?:right|left|bilateral|unilateral|eye|ear|eyes|ears|side|site|sites|region|sequela"
    r"|uncomplicated|intractable|type|stage|class|generalized|multiple|single|lower|upper|limb"
    r"|limbs|leg|arm|hand|foot|knee|hip|elbow|wrist|ankle|shoulder|thigh|finger|toe|chronic|acute))+$"
)
# a term starting with one of these is an ICD leftover ("other ...", "may-thurner"): every
# "the" and "may" in an article would be a place to try it
LEADING_STOPS = {"the", "a", "an", "other", "may", "and", "or", "of", "in", "with", "third"}
# one-word heads this short are mostly ICD abbreviations that are English words in lower case
# ("pres", "ptp", "taco"); the real ones ("acne", "gout") are in the overlay
MIN_SINGLE = 6
# a one-word head left when the comma cut takes the noun: "thoracic", "absent", "sedative"
ADJECTIVE = re.compile(r"(?:al|ic|ent|ant|ive|ous|ary|ed)$")


# a single word that names a disease by its form ("diverticulosis", "retinopathy", "pellagra"),
# and the last words of a multi-word one ("fifth disease", "german measles")
DISEASE_WORD = re.compile(r"(?:itis|osis|iasis|pox|oma|ism|ia|agra|derma|pathy|rrhea|rrhoea)$")
DISEASE_LAST = {"disease", "fever", "measles", "syndrome", "cold", "dysentery", "terrors"}
SYNONYM = re.compile(r"\[([^\]]*)\]")
# a synonym with a capital abbreviation, a dot or a digit is a code or a germ ("E. coli", "SLE")
NOT_SYNONYM = re.compile(r"\b[A-Z]{2,}\b|[.\d]")


def synonyms(description: str) -> Iterator[str]:
    """The lay synonym ICD gives in square brackets: "Varicella [chickenpox]" -> "chickenpox".

    Brackets also hold site notes and eponym fragments ("[any part]", "[Becker]"), so a synonym
    is kept only when it reads as a disease name: its last word is a disease word by form or a
    word like "disease" or "fever".
    """
    for inner in SYNONYM.findall(description):
        if NOT_SYNONYM.search(inner):
            continue
        for head in heads(inner):
            last = head.rsplit(" ", 1)[-1]
            if DISEASE_WORD.search(last) or last in DISEASE_LAST or head in SYNONYM_WORDS:
                yield head


# single-word synonyms that are diseases but not by form
SYNONYM_WORDS = {"croup", "morphea", "chickenpox", "somnambulism"}


def site_head(head: str) -> Iterator[str]:
    """ "diverticulosis of small intestine" -> "diverticulosis": the disease without its site."""
    first, sep, _ = head.partition(" of ")
    if sep and " " not in first and len(first) >= MIN_SINGLE and DISEASE_WORD.search(first):
        yield first


# "Ebola virus disease" -> "Ebola": writers name the virus, not the ICD disease
VIRUS_DISEASE = re.compile(r"^([a-z'-]+) virus (?:disease|infection)$")


def short_name(head: str) -> Iterator[str]:
    """The shorter names a writer uses for one head: its disease without site or "virus"."""
    yield from site_head(head)
    virus = VIRUS_DISEASE.match(head)
    if virus and len(virus.group(1)) >= MIN_SINGLE - 1:
        yield virus.group(1)


def heads(description: str) -> Iterator[str]:
    """The names a writer would use for one ICD description ("Panic disorder [...]" -> ...)."""
    text = BRACKETS.sub("", description).strip()
    text = CUT.sub("", text).strip()
    text = LEADING.sub("", text).strip()
    text = re.sub(r"\bunspecified\b", "", text, flags=re.IGNORECASE)
    text = " ".join(text.split()).lower()
    if not text:
        return
    parts = [text]
    # "Epilepsy and recurrent seizures", "Anxiety and depression": both names, when both short
    if " and " in text:
        left, right = text.split(" and ", 1)
        if len(left.split()) <= 2 and len(right.split()) <= 2:
            parts += [left, right]
    for part in parts:
        part = TRAILING.sub("", part)
        words = part.split()
        if len(words) == 1 and (len(part) < MIN_SINGLE or ADJECTIVE.search(part)):
            continue
        if words and words[-1] in {"of", "ofs", "and", "or"}:
            continue  # a site cut short: "xeroderma of"
        if NUTRIENT_DEFICIENCY.search(part):
            continue
        if 0 < len(words) <= MAX_WORDS and all(WORD.match(w) for w in words):
            yield part


# last words a writer does not pluralise: "diabetes", "dementia", "autism", "infected"
NO_PLURAL = re.compile(r"(?:s|x|z|ch|sh|ia|ea|ism|ness|ence|ance|ome|um|ed|ing|al|ic|ous|ive|ent)$")


def plural(term: str) -> str:
    """English plural of the last word: "migraine" -> "migraines", "allergy" -> "allergies"."""
    head, _, last = term.rpartition(" ")
    if NO_PLURAL.search(last):
        return term  # "diabetes", "arthritis", "dementia", "autism": no plural a writer uses
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}".strip()


# ICD-10-CM spells American; writers in Britain, Ireland and the Commonwealth do not
BRITISH = [
    (re.compile(r"(?<=[a-z])emia\b"), "aemia"),  # anaemia, leukaemia, hyperlipidaemia
    (re.compile(r"\bedema\b"), "oedema"),
    (re.compile(r"\bhem(?=orrh|atom|ophil|ochrom|olytic|angio)"), "haem"),
    (re.compile(r"\bceliac\b"), "coeliac"),
    (re.compile(r"apnea\b"), "apnoea"),
    (re.compile(r"\besophag"), "oesophag"),
    (re.compile(r"diarrhea\b"), "diarrhoea"),
    (re.compile(r"\btumor"), "tumour"),
    (re.compile(r"\bischemi"), "ischaemi"),
    (re.compile(r"(?<=[a-z])ized\b"), "ised"),  # generalised anxiety disorder
]


def variants(term: str) -> set[str]:
    """The British spelling, and an eponym written without its apostrophe ("Crohns disease",
    as "Alzheimers"): how people type the names ICD spells one way."""
    found = set()
    british = term
    for pattern, replacement in BRITISH:
        british = pattern.sub(replacement, british)
    if british != term:
        found.add(british)
    for name in (term, british):
        if "'s" in name:
            found.add(name.replace("'s", "s"))
    return found


def icd_terms() -> set[str]:
    import simple_icd_10_cm as icd  # build-time dependency only

    terms: set[str] = set()
    for code in icd.get_all_codes(False):
        if not (code[0] in CHAPTER_LETTERS or code.startswith(EXTRA_CODES)):
            continue
        if icd.is_chapter_or_block(code):
            continue
        for description in [icd.get_description(code), *icd.get_inclusion_term(code)]:
            names = list(heads(description))
            terms.update(names)
            terms.update(synonyms(description))
            for name in names:
                terms.update(short_name(name))
    return terms


def read_overlay(path: Path = OVERLAY) -> dict[str, list[str]]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    keys = ("add", "remove", "exact", "modifiers")
    return {key: [str(v) for v in data.get(key) or []] for key in keys}


def build_terms(icd: Iterable[str], overlay: dict[str, list[str]]) -> set[str]:
    remove = {t.lower() for t in overlay["remove"]}
    remove |= {plural(t) for t in remove}
    names = {t.lower() for t in icd} | {t.lower() for t in overlay["add"]}
    names |= {v for t in names for v in variants(t)}
    names |= {plural(t) for t in names}
    names -= remove
    # an abbreviation kept case-sensitive is not also a lower-case word: "Ms.", "sleep aids"
    names -= {t.lower() for t in overlay["exact"]}
    names = {t for t in names if t.split(" ", 1)[0] not in LEADING_STOPS}
    modifiers = set(overlay["modifiers"])
    names = {t for t in names if not redundant(t, names, modifiers)}
    common = [*overlay["add"], *rule_conditions()]
    return names | misspellings(common, names, english_words() | _words(names))


def rule_conditions() -> list[str]:
    """The hand-kept `conditions` of fda.disease-claim: the names writers use most."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(RULE.read_text(encoding="utf-8"))
    return [str(t) for t in data.get("conditions") or []]


def _words(names: set[str]) -> set[str]:
    return {word for name in names for word in name.split()}


def redundant(term: str, names: set[str], modifiers: set[str]) -> bool:
    """ "chronic insomnia" when "insomnia" is a term: the matcher finds the claim either way."""
    words = term.split()
    if words[0] not in modifiers:
        return False
    return any(" ".join(words[i:]) in names for i in range(1, len(words)))


def table(terms: set[str], exact: Iterable[str]) -> dict[str, object]:
    from spacy.lang.en import English

    tokenizer = English().tokenizer
    keys = {" ".join(t.norm_ for t in tokenizer(term)) for term in terms}
    return {
        "format": FORMAT,
        "source": "ICD-10-CM (simple-icd-10-cm) heads + lint/vocab/overlay.yaml; "
        "built by python -m lint.vocab.build",
        **index_json({False: keys, True: set(exact)}),
    }


def render() -> str:
    overlay = read_overlay()
    data = table(build_terms(icd_terms(), overlay), overlay["exact"])
    return json.dumps(data, indent=0, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lint.vocab.build", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is stale: run python -m lint.vocab.build", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
