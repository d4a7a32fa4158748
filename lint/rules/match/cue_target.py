"""Find claims in sentences: a cue word next to a target term ("treats" + "ADHD").

Shared by the `disease` and `disclaimer` kinds. Without a parser, "next to" means: the target
follows the cue within a few tokens, or precedes it closely ("ADHD treatment"), with no clause
break in between. A pair is not a claim when its sentence only mentions it:
- a negation in the cue's clause ("does not treat ADHD", "no supplement cures cancer"),
- a regulatory statement (a regulatory word plus a negation: "not approved by the FDA to treat"),
- a dismissal ("the idea that it cures cancer is a myth"), a question, the FDA disclaimer,
- a quoted study title ('a trial titled "Bacopa for the treatment of ADHD"'),
- a sentence about a drug ("Adderall treats ADHD", "ADHD is treated with stimulant medication"),
  unless the drug is only compared ("works like Ritalin to treat ADHD").
Vocabularies come from rule YAML; only grammar words live here.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lint.analysis import NEGATIONS
from lint.rules.match.claim_grammar import joined_participle
from lint.rules.match.inflect import verb_forms
from lint.tokens import Identity, doc_memo, token_strings
from lint.vocab import TermTable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from lint.analysis import Analysis, Sentence

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
# a drug after one of these is compared with, not the subject of, the claim
COMPARISON_WORDS = {
    "like",
    "unlike",
    "than",
    "as",
    "alternative",
    "alternatives",
    "instead",
    "substitute",
    "substitutes",
    "replace",
    "replaces",
    "replacement",
    "rival",
    "rivals",
    "without",
    "versus",
    "vs",
    "vs.",
    # a drug dropped for the product: "Ditched my inhaler after a month on mullein"
    "ditch",
    "ditched",
    "swapped",
    "traded",
    "skipped",
    "replaced",
}
# between a claim and a drug after it, these contrast the two: "with effects similar to
# opiates"; and before a drug that names a side effect, "with no Ambien hangover" ("treated
# with no drugs at all" still names the treatment)
SIMILAR = {"similar", "comparable", "equal", "akin"}
ABSENT_DRUG = {"no", "none", "zero", "less", "fewer"}
# a drug after one of these, behind the claim, is how the disease is treated: "treated with"
INSTRUMENT_WORDS = {"with", "by", "using", "via", "including", "such", "through"}
OPEN_QUESTION = {"whether", "if"}
FAILED = {"fail", "fails", "failed"}
# forum spellings and colloquial zeros: "didnt do anything for my OCD", "did jack for it"
CLAIM_NEGATIONS = NEGATIONS | {
    "nt",  # spaCy splits "didnt" into "did" + "nt"
    "didnt",
    "doesnt",
    "dont",
    "wont",
    "cant",
    "isnt",
    "wasnt",
    "arent",
    "werent",
    "havent",
    "hasnt",
    "jack",
    "squat",
    "zilch",
}
ABSENT = {"without", "unapproved"}
# "he was treated for pneumonia": a patient's treatment, not a product's claim
PASSIVE = {"was", "were", "been", "being", "get", "got", "gets", "getting"}
PATIENT_CUES = {"treated", "diagnosed", "cured", "hospitalized", "admitted", "seen"}
# "... find that <claim>": what follows is another clause, with its own subject
SAYING_WORDS = {
    "find",
    "finds",
    "found",
    "say",
    "says",
    "said",
    "swear",
    "swears",
    "notice",
    "noticed",
    "report",
    "reported",
    "feel",
    "felt",
    "think",
    "believe",
    "discover",
    "discovered",
}
# "anyone battling PTSD", "kids fighting cancer": people as the subject of a cue's -ing form
PERSONS = {
    "anyone",
    "everyone",
    "someone",
    "people",
    "those",
    "patients",
    "kids",
    "children",
    "adults",
    "women",
    "men",
    "folks",
    "survivors",
    "families",
}
OFFERED_TO = {"for", "to"}  # "ideal for anyone battling PTSD": the product is offered to them
NEGATION_REACH = 8  # tokens before a cue that a negation still governs
QUOTE_OPEN = {"“", "«"}
QUOTE_CLOSE = {"”", "»"}


def token_key(token: Token) -> str:
    """Lower-case text with typographic apostrophes folded: "Alzheimer’s" == "alzheimer's"."""
    return token.norm_


class Terms:
    """Multi-word terms matched on normalised token text, or on lemmas (any inflection).

    Short all-caps terms (ADHD, ADD, GAD) match case-sensitively: "add" is a verb.
    """

    def __init__(
        self,
        nlp: Any,
        terms: Iterable[str],
        lemma: bool = False,
        keyed: TermTable | None = None,
    ):
        """`terms` are tokenized here. `keyed` is a table already tokenized and indexed: a
        vocabulary built at build time, thousands of terms, none tokenized at start-up.

        The table holds strings and ints only: thousands of tuples or sets set off the garbage
        collector over spaCy's whole heap, which cost more than building the table.
        """
        self.lemma = lemma
        self.table = _lemma_table(nlp) if lemma else None
        table = keyed.copy() if keyed is not None else TermTable()
        for term in terms:
            exact = term.isupper() and len(term) <= 5
            keys = [t.text if exact else self._key(t) for t in nlp.make_doc(term) if not t.is_space]
            if keys:
                table.add(" ".join(keys), exact)
        # joined terms by kind (False: normalised keys, True: exact text); per first word a bit
        # per term length; the first two words of every longer term (most places a first word
        # occurs fail there, before any longer slice is joined)
        self.terms, self.lengths, self.pairs = table.terms, table.lengths, table.pairs
        self.by_first = self.lengths[False].keys() | self.lengths[True].keys()
        masks = {*self.lengths[False].values(), *self.lengths[True].values()}
        self.lengths_of = {mask: _lengths(mask) for mask in masks}  # few distinct masks

    def _key(self, token: Token) -> str:
        key = token_key(token)
        if self.table is None:
            return key
        return _lemma(self.table, key)

    def _doc_keys(self, doc: Doc) -> tuple[list[str], list[str]]:
        """Keys and texts of every token, shared by all Terms and computed once per Doc.

        find runs for every Terms on every sentence; building these per call was the top cost.
        """
        tokens = token_strings(doc)  # from Doc arrays: no Token object per word
        if self.table is None:
            return tokens.norm, tokens.text  # norm == token_key(token)
        return _lemma_keys(doc, self.table), tokens.text

    def _starts(self, doc: Doc) -> tuple[list[int], list[list[int]]]:
        """Where a term starts in the Doc, and the lengths of the terms matching there.

        Lengths are in the order `find` tries them (by normalised key, then by exact text,
        longest first), each a whole match. Computed once per Doc and Terms, from the Doc's
        index of where each word occurs, instead of a pass over every token on every call.
        """
        return doc_memo(doc, (self, "starts"), lambda: self._find_starts(doc))

    def _find_starts(self, doc: Doc) -> tuple[list[int], list[list[int]]]:
        """Per kind (keys, then exact texts), per first word of a term found in the Doc, the
        terms that start at each place it occurs. The word fixes the bit mask of lengths, so
        it is read once per word, not per place: a place matches the term of length 1 iff the
        word is that term (every place of the word alike), and a longer one only where the
        first two words are a pair of a longer term and the joined slice is a term. A place's
        lengths list the keys' first, then the texts', each longest first (as `find` tries
        them): kinds run in that order and each adds to its places' lists."""
        keys, texts = self._doc_keys(doc)
        size = len(keys)
        found: dict[int, list[int]] = {}
        for exact, strings in ((False, keys), (True, texts)):
            masks = self.lengths[exact]
            if not masks:
                continue
            lemmatized = not exact and self.table is not None
            index = _lemma_positions(doc, self.table) if lemmatized else _positions(doc, strings)
            if len(index) < len(masks):
                words = [w for w in index if w in masks]
            else:
                words = [w for w in masks if w in index]
            terms, pairs = self.terms[exact], self.pairs[exact]
            for word in words:
                lengths = self.lengths_of[masks[word]]
                longer = [n for n in lengths if n > 1]
                single = lengths[-1] == 1 and word in terms
                for i in index[word]:
                    matching = []
                    if longer and i + 1 < size and f"{word} {strings[i + 1]}" in pairs:
                        for n in longer:
                            got = strings[i : i + n]
                            if len(got) == n and " ".join(got) in terms:
                                matching.append(n)
                    if single:
                        matching.append(1)
                    if matching:
                        found.setdefault(i, []).extend(matching)
        positions = sorted(found)
        return positions, [found[i] for i in positions]

    def find(self, doc: Doc, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) token spans, longest match first, left to right.

        A term matches only inside [start, end): at each place the first term (in the order
        above) that fits in the range wins, and matching goes on after it.
        """
        end = len(doc) if end is None else end
        positions, lengths = self._starts(doc)
        spans: list[tuple[int, int]] = []
        after = start  # the first token not yet covered by a match
        for k in range(bisect.bisect_left(positions, start), len(positions)):
            i = positions[k]
            if i >= end:
                break
            if i < after:
                continue
            for length in lengths[k]:
                if i + length <= end:
                    spans.append((i, i + length))
                    after = i + length
                    break
        return spans


def _lengths(mask: int) -> list[int]:
    """The term lengths in a bit mask, longest first."""
    return [n for n in range(mask.bit_length(), 0, -1) if mask >> n & 1]


def _positions(doc: Doc, strings: list[str]) -> dict[str, list[int]]:
    """Token indexes of each word in one of the Doc's string lists, built once per Doc and
    list and shared by every Terms (each picks its own first words from it). `strings` is one
    of the Doc's own lists (kept by `token_strings` or the memo): the key holds the list, so
    it is found by identity, never by an id() a later list could reuse."""
    return doc_memo(doc, ("positions", Identity(strings)), lambda: _index(strings))


def _index(strings: list[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    get = index.get
    for i, word in enumerate(strings):
        found = get(word)
        if found is None:
            index[word] = [i]
        else:
            found.append(i)
    return index


def _lemma_positions(doc: Doc, table: Any) -> dict[str, list[int]]:
    """`_positions` of the Doc's lemma keys, from the index of its normalised keys: a lemma
    key occurs where a key with that lemma does (per distinct key, not per token; the lists
    are unordered, which `_find_starts` does not need)."""

    def build() -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        lemmas = _lemma_of(doc, table)
        for key, places in _positions(doc, token_strings(doc).norm).items():
            lemma = lemmas[key]
            found = index.get(lemma)
            if found is None:
                index[lemma] = places.copy()  # the norm index keeps its own list
            else:
                found.extend(places)
        return index

    return doc_memo(doc, ("lemma-positions", Identity(table)), build)


def _lemma_keys(doc: Doc, table: Any) -> list[str]:
    """`_lemma` of every token's normalised key, once per Doc and table."""
    norms = token_strings(doc).norm
    lemmas = _lemma_of(doc, table)
    return doc_memo(
        doc, ("lemma-keys", Identity(table)), lambda: list(map(lemmas.__getitem__, norms))
    )


def _lemma_of(doc: Doc, table: Any) -> dict[str, str]:
    """Each distinct normalised key of the Doc -> its `_lemma`, looked up once per Doc."""
    norms = token_strings(doc).norm
    return doc_memo(
        doc, ("lemmas", Identity(table)), lambda: {key: _lemma(table, key) for key in set(norms)}
    )


def _lemma(table: Any, key: str) -> str:
    """Looked up twice, because the table is not idempotent: "lowers" -> "lower" -> "low"."""
    lemma = str(table.get(key, key))
    return str(table.get(lemma, lemma))


def _lemma_table(nlp: Any) -> Any:
    """spaCy's lookup table (word -> lemma); looked up on lower case, so "Treats" -> "treat"."""
    try:
        return nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    except (KeyError, ValueError):
        return {}


@dataclass
class Claim:
    sentence: Sentence
    start: int  # token indexes into the Doc, [start, end)
    end: int
    cue: str
    target: str
    label: str = "claim"


@dataclass
class ClaimFinder:
    """Pairs of (cues, targets) searched per sentence, with the shared exclusions."""

    cues: Terms
    targets: Terms
    drugs: Terms | None = None
    weak_cues: Terms | None = None  # cues that do not count in headings ("supplement for")
    regulatory: Terms | None = None
    dismissals: Terms | None = None
    title_words: Terms | None = None
    anaphora: Terms | None = None  # "that disease": a target when a condition came just before
    reports: Terms | None = None  # "products that claim to", "marketed as": reported claims
    drug_suffixes: tuple[str, ...] = ()  # generic drug stems: "-triptan", "-statin", "-mab"
    subjects: Terms | None = None  # who or what treats, not a drug: "doctors", "exercise"
    # the cues that may follow their target ("Adderall alternatives"); None: every cue may
    before_words: frozenset[str] | None = None
    self_target: bool = False  # a cue that is its own target: "anti-cancer", "anxiolytic"
    window_after: int = 6
    window_before: int = 3
    allow_drug_subject: bool = False  # the targets are drugs ("alternative to Adderall")
    drug_compared: bool = False  # a claim only beside a drug comparison ("... as well as Xanax")
    offers: Terms | None = None  # a claim only with one of these after it ("... for you")
    possessed: bool = False  # cues that follow a possessed condition only ("my asthma is better")
    split_verbs: Terms | None = None  # the verb a particle cue closes ("keeps the gout away")
    particle_first: bool = False  # the particle leads the condition ("got my kids through flu")
    # a claim only in a sentence naming one of these (a product): "my asthma is much better"
    # is a claim beside "since I started quercetin", not beside "since I moved"
    requires: Terms | None = None
    label: str = "claim"  # copied to each Claim, so checkers can word messages per finder

    def find(self, analysis: Analysis) -> Iterator[Claim]:
        sentences = analysis.sentences
        starts = [s.span.start for s in sentences]
        doc = analysis.doc
        cue_spans = [(s, e, False) for s, e in self.cues.find(doc)]
        if self.weak_cues is not None:
            cue_spans += [(s, e, True) for s, e in self.weak_cues.find(doc)]
        if not cue_spans:
            return
        targets = _joined(self.targets.find(doc))
        if not targets:
            return
        if self.anaphora is not None:
            targets = sorted(targets + _anaphors(self.anaphora.find(doc), targets, starts))
        by_sentence: dict[int, list[tuple[int, int, bool]]] = {}
        for span in sorted(cue_spans):
            index = bisect.bisect_right(starts, span[0]) - 1
            if index >= 0:
                by_sentence.setdefault(index, []).append(span)
        for index, cues in by_sentence.items():
            yield from self._in_sentence(sentences[index], cues, targets)

    def _in_sentence(
        self,
        sentence: Sentence,
        cues: list[tuple[int, int, bool]],
        all_targets: list[tuple[int, int]],
    ) -> Iterator[Claim]:
        span = sentence.span
        lo, hi = span.start, span.end
        first = bisect.bisect_left(all_targets, (lo, lo))  # targets are sorted by start
        targets: list[tuple[int, int]] = []
        for k in range(first, len(all_targets)):  # not all_targets[first:]: a copy per sentence
            candidate = all_targets[k]
            if candidate[0] >= hi:
                break
            if candidate[1] <= hi:
                targets.append(candidate)
        if not targets:
            return
        doc = span.doc
        # the exclusions below cost a search each: only for sentences with a cue-target pair
        pairs = [
            (cue, target)
            for cue in cues
            if not (cue[2] and sentence.is_heading)
            and (target := self._nearest(doc, cue[0], cue[1], targets)) is not None
        ]
        if not pairs or self._mentions_only(sentence):
            return
        reading = self._reading(sentence, cues)
        if reading is None:
            return
        last_end = -1
        for (cue_start, cue_end, weak), target in pairs:
            start, end = min(cue_start, target[0]), max(cue_end, target[1])
            if target[0] >= cue_end:  # "used for headaches, epilepsy and dementia"
                end = _list_end(doc, end, hi, targets)
            end = _disease_of(doc, end, hi, targets)
            verb = self._split_verb(doc, self._verb_before(cue_start, target))
            if verb is not None:  # the claim starts at its verb
                start = verb
            pair = Pair(cue_start, cue_end, weak, target, start, end)
            if start < last_end or any(test(reading, pair) for test in PAIR_EXCLUSIONS):
                continue
            last_end = end
            cue, found = doc[cue_start:cue_end].text, doc[target[0] : target[1]].text
            yield Claim(sentence, start, end, cue, found, self.label)

    def _reading(
        self, sentence: Sentence, cues: list[tuple[int, int, bool]]
    ) -> SentenceReading | None:
        """What the exclusions read in one sentence; None when a whole-sentence condition of
        the finder fails (no drug compared, no offer)."""
        span = sentence.span
        doc, lo, hi = span.doc, span.start, span.end
        quoted = _quoted_tokens(doc, lo, hi)
        drugs = self.drugs.find(doc, lo, hi) if self.drugs is not None else []
        if self.subjects is not None:
            drugs = sorted(drugs + self.subjects.find(doc, lo, hi))
        if self.drug_suffixes:
            drugs = sorted(drugs + _suffixed(doc, lo, hi, self.drug_suffixes))
        if self.drug_compared and not _compared(doc, drugs):
            return None
        offered = self.offers.find(doc, lo, hi) if self.offers is not None else []
        if self.offers is not None and not offered:
            return None
        if self.requires is not None and not self.requires.find(doc, lo, hi):
            return None
        reports = self.reports.find(doc, lo, hi) if self.reports is not None else []
        return SentenceReading(
            self,
            doc,
            lo,
            hi,
            quoted,
            bool(quoted) and self._has(self.title_words, doc, lo, hi),
            drugs,
            offered,
            reports,
            {i for c_start, c_end, _ in cues for i in range(c_start, c_end)},
        )

    def asserts(
        self, sentence: Sentence, start: int, end: int, reports: Terms | None = None
    ) -> bool:
        """Whether the sentence asserts the span [start, end) found by another rule (a drug
        comparison), read like a claim: not a question, disclaimer, dismissal or regulatory
        statement; no report (`reports`, else this finder's) before or inside it; no negation
        in its clause before it. A
        negation inside the span is its own ("no need for Adderall"); one elsewhere in the
        sentence ("works like Xanax, with no crash") does not reach it."""
        doc, lo, hi = sentence.span.doc, sentence.span.start, sentence.span.end
        # once per sentence, not per match: a long sentence of comparisons stays linear
        key = (Identity(self), "mentions-only", sentence.index)
        if sentence.analysis.memo(key, lambda: self._mentions_only(sentence)):
            return False
        reports = reports or self.reports
        found = reports.find(doc, lo, hi) if reports is not None else []
        if any(r_start < end for r_start, _ in found):
            return False
        if _open_question(doc, lo, start):
            return False
        return not self._negated(doc, lo, start, start, start)

    def _mentions_only(self, sentence: Sentence) -> bool:
        if sentence.is_question or sentence.is_disclaimer:
            return True
        doc, lo, hi = sentence.span.doc, sentence.span.start, sentence.span.end
        if self._has(self.dismissals, doc, lo, hi):
            return True
        # "sold to treat COVID-19 without FDA approval": an absent approval negates too
        negated = any(w in NEGATIONS or w in ABSENT for w in sentence.lowers)
        if not negated or self.regulatory is None:
            return False
        return any(not _active_verb(doc, end, hi) for _, end in self.regulatory.find(doc, lo, hi))

    @staticmethod
    def _has(terms: Terms | None, doc: Doc, lo: int, hi: int) -> bool:
        return terms is not None and bool(terms.find(doc, lo, hi))

    def _nearest(
        self, doc: Doc, cue_start: int, cue_end: int, targets: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        if self.self_target:
            return (cue_start, cue_end) if (cue_start, cue_end) in targets else None
        if self.possessed:
            return _possessed_before(doc, cue_start, cue_end, targets, self.window_before)
        if self.split_verbs is not None and self.particle_first:
            if self._split_verb(doc, cue_start) is None:
                return None  # then the condition after the particle, as for any cue
        elif self.split_verbs is not None:
            target = _condition_before(doc, cue_start, cue_end, targets, 1)
            return target if target and self._split_verb(doc, target[0]) is not None else None
        # a label's colon joins it to its list: "Good for: asthma, bronchitis"
        gap = cue_end + 1 if cue_end < len(doc) and doc[cue_end].text == ":" else cue_end
        after = [
            t
            for t in targets
            if gap <= t[0] <= gap + self.window_after and not _breaks(doc, gap, t[0])
        ]
        if after:
            return after[0]
        far = self._symptom_of(doc, gap, targets)
        if far is not None:
            return far
        if self.before_words is not None and doc[cue_end - 1].lower_ not in self.before_words:
            return None
        before = [
            t
            for t in targets
            if t[1] <= cue_start <= t[1] + self.window_before and not _breaks(doc, t[1], cue_start)
        ]
        return before[-1] if before else None

    def _symptom_of(
        self, doc: Doc, gap: int, targets: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """A condition past the window that a symptom phrase leads to: "reduces the
        inattention and impulsivity that come with ADHD" (the symptoms fill the window)."""
        lowers = token_strings(doc).lower
        reach = gap + self.window_after
        for t in targets:
            if reach < t[0] <= reach + SYMPTOM_REACH and lowers[t[0] - 1] in SYMPTOM_LINKS:
                # a copula between makes the cue a subject's word: "low vitamin D levels are
                # linked with a higher rate of depression" is no claim
                crossed = _breaks(doc, gap, t[0]) or COPULAS & set(lowers[gap : t[0]])
                return None if crossed else t
        return None

    def _verb_before(self, cue_start: int, target: tuple[int, int]) -> int:
        """Where a split cue's verb ends: before its particle ("got my kids through"), or
        before the condition the particle closes ("keeps the gout away")."""
        return cue_start if self.particle_first else target[0]

    def _split_verb(self, doc: Doc, before: int) -> int | None:
        """Where the verb of a split cue starts, in the three tokens before `before`; None
        without one (or for a finder without split verbs)."""
        if self.split_verbs is None:
            return None
        found = self.split_verbs.find(doc, max(0, before - SPLIT_REACH), before)
        return found[-1][0] if found else None

    @staticmethod
    def _negated(doc: Doc, lo: int, cue_start: int, start: int, end: int) -> bool:
        clause = _clause_start(doc, lo, start)
        reach = max(clause, start - NEGATION_REACH)
        lowers = token_strings(doc).lower  # strings, not Token objects: this runs per pair
        window = lowers[reach:start] + lowers[start:end]
        for i, word in enumerate(window):
            if word in FAILED and i + 1 < len(window) and window[i + 1] == "to":
                return True  # "failed to reduce heart attacks"
            if word not in CLAIM_NEGATIONS:
                continue
            after = window[i + 1] if i + 1 < len(window) else ""
            # "not only cures ..." is emphasis; "no doubt" is no negation
            if (word, after) not in {("not", "only"), ("no", "doubt"), ("no", "more")}:
                return True
        return False

    @staticmethod
    def _about_drug(
        doc: Doc, lo: int, hi: int, cue_start: int, end: int, drugs: list[tuple[int, int]]
    ) -> bool:
        """The claim is about a drug or therapy, not the product: the drug is the clause's subject
        ("Adderall treats ADHD", "stimulant medication for ADHD") or its instrument ("ADHD is
        treated with stimulants", "treatments such as Ritalin"). A drug named any other way
        ("without the side effects of stimulants", "works like Ritalin") leaves the claim the
        product's."""
        clause_lo = _clause_start(doc, lo, cue_start)
        clause_hi = _clause_end(doc, hi, end)
        lowers = token_strings(doc).lower  # strings, not Token objects: this runs per claim
        for i in range(cue_start - 1, clause_lo, -1):  # "patients on triptans find that ..."
            if lowers[i] == "that" and lowers[i - 1] in SAYING_WORDS:
                clause_lo = i + 1
                break
        for d_start, d_end in drugs:
            if not clause_lo <= d_start < clause_hi:
                continue
            if d_start < cue_start:
                if set(lowers[max(clause_lo, d_start - 3) : d_start]) & COMPARISON_WORDS:
                    continue
            elif end <= d_start <= end + INSTRUMENT_REACH:  # bounded: linear in the sentence
                between = set(lowers[end:d_start])
                if not between & INSTRUMENT_WORDS or between & (COMPARISON_WORDS | SIMILAR):
                    continue
                if between & ABSENT_DRUG and _attributive(doc, d_end):
                    continue
            else:
                continue
            if not _compound_modifier(doc, d_end):  # "drug-free", "Adderall-like": no drug
                return True
        return False


@dataclass
class SentenceReading:
    """What the pair exclusions read in one sentence, searched once per sentence."""

    finder: ClaimFinder
    doc: Doc
    lo: int
    hi: int
    quoted: set[int]  # token indexes inside double quotes
    title_quote: bool  # a quoted title beside a title word ('a trial titled "..."')
    drugs: list[tuple[int, int]]  # drugs, subjects and stems: who else treats
    offered: list[tuple[int, int]]  # `offers` matches ("for you")
    reports: list[tuple[int, int]]  # someone else's words ("sellers claim")
    cue_tokens: set[int]  # every cue token of the sentence (lists of cues)

    @cached_property
    def report_outside_quotes(self) -> bool:
        return any(r_start not in self.quoted for r_start, _ in self.reports)

    @cached_property
    def seller_quote(self) -> bool:
        return seller_quoted(self.doc, self.lo, self.hi, self.quoted, self.reports)


@dataclass
class Pair:
    """One cue with its nearest target, and the claim span they make."""

    cue_start: int
    cue_end: int
    weak: bool  # a weak cue (does not count in headings)
    target: tuple[int, int]
    start: int
    end: int


def comparison_for_cue(r: SentenceReading, p: Pair) -> bool:
    """ "stronger than oxycodone for my pain" is the comparison alone: no "for" cues."""
    return r.finder.drug_compared and r.doc[p.cue_start].lower_ == "for"


def title_quoted(r: SentenceReading, p: Pair) -> bool:
    """A quoted study title: 'a trial titled "Bacopa for the treatment of ADHD"'."""
    return r.title_quote and (p.cue_start in r.quoted or p.target[0] in r.quoted)


def reported_before(r: SentenceReading, p: Pair) -> bool:
    """Someone else's words before the claim: "sellers claim it cures", 'claims such as'."""
    if r.seller_quote and p.cue_start in r.quoted:
        return False
    return bool(r.reports) and r.reports[0][0] <= p.start


def reported_inside(r: SentenceReading, p: Pair) -> bool:
    """A report that sits inside the claim: "stop claiming that it prevents"."""
    return any(p.start <= r_start < p.end for r_start, _ in r.reports)


def quote_reported(r: SentenceReading, p: Pair) -> bool:
    """A quoted claim with a report outside the quotes: '"Cures arthritis!" read the label'."""
    return (
        bool(r.quoted)
        and p.cue_start in r.quoted
        and r.report_outside_quotes
        and not r.seller_quote
    )


def patient_treated(r: SentenceReading, p: Pair) -> bool:
    """A patient's treatment: "he was treated for pneumonia"."""
    return _patient_treated(r.doc, r.lo, p.cue_start, p.target)


def occasional(r: SentenceReading, p: Pair) -> bool:
    """An occasional symptom is no disease: "the occasional hangover headache"."""
    return _occasional(r.doc, r.lo, p.target)


def not_offered(r: SentenceReading, p: Pair) -> bool:
    """A conditional audience with no offer after it: "If you have gout, ask your doctor"."""
    return r.finder.offers is not None and not any(o >= p.target[1] for o, _ in r.offered)


def person_acts(r: SentenceReading, p: Pair) -> bool:
    """The person fights the disease: "anyone battling PTSD deserves care"."""
    return _person_acts(r.doc, r.lo, p.cue_start)


def side_effect_avoided(r: SentenceReading, p: Pair) -> bool:
    """A side effect avoided: "without the muscle pain of statins"."""
    return _avoided(r.doc, r.lo, p.target)


def opening_frame(r: SentenceReading, p: Pair) -> bool:
    """ "For adults with insomnia, glycine is ...": an opening frame, not the offer."""
    return p.weak and p.cue_start == r.lo and p.end < r.hi and r.doc[p.end].text == ","


def negated(r: SentenceReading, p: Pair) -> bool:
    """A negation in the cue's clause, read across a list of cues ("doesn't treat, cure or
    prevent diabetes")."""
    negation_from = _over_cue_list(r.doc, r.lo, p.start, r.cue_tokens)
    # an outcome's own negation is the outcome: "my gout hasn't flared"
    end = p.target[1] if r.finder.possessed else p.end
    return ClaimFinder._negated(r.doc, r.lo, p.cue_start, negation_from, end)


def open_question(r: SentenceReading, p: Pair) -> bool:
    """ "testing whether saffron can ease depression"."""
    return _open_question(r.doc, r.lo, p.start)


def about_drug(r: SentenceReading, p: Pair) -> bool:
    """The claim is a drug's or a therapy's ("Adderall treats ADHD"); a substitute's own
    target drug does not count."""
    drugs = r.drugs
    if r.finder.allow_drug_subject:
        drugs = [d for d in drugs if d != p.target]
    return r.finder._about_drug(r.doc, r.lo, r.hi, p.cue_start, p.end, drugs)


def second_condition(r: SentenceReading, p: Pair) -> bool:
    """A participle joined to the condition before it names a second condition: "people with
    kidney disease or reduced kidney function" (a caution's audience), not "cured my eczema
    and reduced my psoriasis"; read as evidence.* reads it (claim_grammar.joined_participle)."""
    lowers = token_strings(r.doc).lower
    return p.target[1] == p.cue_start - 1 and joined_participle(lowers, p.cue_start, r.lo, r.hi)


def sufferers_described(r: SentenceReading, p: Pair) -> bool:
    """People who have the condition, as the subject: "Migraine sufferers should see a doctor",
    "many eczema sufferers notice flares". An audience needs its frame: "for arthritis
    sufferers", or a call ("Migraine sufferers, this is the magnesium for you")."""
    lowers = token_strings(r.doc).lower
    if lowers[p.cue_start] not in SUFFERERS or p.cue_start != p.target[1]:
        return False
    first = _clause_start(r.doc, r.lo, p.target[0])
    lead = lowers[first : p.target[0]]
    # a call, or a possessive naming what is theirs ("the gout sufferer's morning shot")
    called = p.cue_end < r.hi and lowers[p.cue_end] in CALL_MARKS
    return all(word in SUBJECT_QUANTIFIERS for word in lead) and not called


SUFFERERS = {"sufferers", "sufferer"}
SUBJECT_QUANTIFIERS = {"many", "most", "some", "all", "the", "these", "those", "few", "other"}
CALL_MARKS = {",", ":", "—", "–", "-", "!", "'s", "’s", "'"}


def caused_between(r: SentenceReading, p: Pair) -> bool:
    """A verb of causing between the cue and its condition makes the condition a harm:
    "stopping suddenly can cause headaches" warns, it treats nothing. Not in the passive:
    in "reverses hair loss caused by alopecia" the condition is the cause, and is treated."""
    lowers = token_strings(r.doc).lower
    return any(
        lowers[k] in CAUSING and lowers[k + 1] != "by" for k in range(p.cue_end, p.target[0])
    )


# verbs that bring a condition on, in any inflection
CAUSING = frozenset(
    form
    for verb in ("cause", "trigger", "worsen", "provoke", "induce", "bring")
    for form in verb_forms(verb)
)


def outcome_of_drug(r: SentenceReading, p: Pair) -> bool:
    """An outcome put down to a drug or a therapy named after it: "her depression is better
    because of therapy" (not "... since I ditched Xanax")."""
    if not r.finder.possessed:
        return False
    lowers = token_strings(r.doc).lower
    return any(
        p.end <= d_start <= p.end + INSTRUMENT_REACH
        and not set(lowers[p.end : d_start]) & COMPARISON_WORDS
        for d_start, _ in r.drugs
    )


# every pair is read by all of these (`any`): a pair any of them names is only a mention
PAIR_EXCLUSIONS = (
    comparison_for_cue,
    title_quoted,
    reported_before,
    reported_inside,
    quote_reported,
    patient_treated,
    occasional,
    not_offered,
    person_acts,
    side_effect_avoided,
    opening_frame,
    negated,
    open_question,
    about_drug,
    outcome_of_drug,
    caused_between,
    second_condition,
    sufferers_described,
)


LIST_JOINS = {",", "and", "or", "&", "/", "other"}
INSTRUMENT_REACH = 12  # tokens after a claim in which "treated with <drug>" still names it


def _suffixed(doc: Doc, lo: int, hi: int, suffixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """One-token drug names by their generic stem ("sumatriptan", "dupilumab"), read once per
    sentence (every finder's reading asks)."""

    def build() -> list[tuple[int, int]]:
        lowers = token_strings(doc).lower
        return [
            (i, i + 1)
            for i in range(lo, hi)
            if len(lowers[i]) >= 7 and lowers[i].endswith(suffixes) and lowers[i].isalpha()
        ]

    return doc_memo(doc, (_suffixed, lo, hi, suffixes), build)


def _patient_treated(doc: Doc, lo: int, cue_start: int, target: tuple[int, int]) -> bool:
    """ "He was treated for pneumonia", "she got diagnosed with lupus"."""
    return (
        target[0] > cue_start > lo
        and doc[cue_start].lower_ in PATIENT_CUES
        and doc[cue_start - 1].lower_ in PASSIVE
    )


def _compared(doc: Doc, drugs: list[tuple[int, int]]) -> bool:
    """A drug named a few words after a comparison word: "without the side effects of
    benzodiazepines", "as well as lorazepam", "better than Xanax"."""
    lowers = token_strings(doc).lower
    return any(
        set(lowers[max(0, d_start - COMPARED_REACH) : d_start]) & COMPARISON_WORDS
        for d_start, _ in drugs
    )


COMPARED_REACH = 6
OWNERS = {"my", "his", "her", "our", "their", "your"}
# after a regulatory word these make it a verb with an object: "cleared my SIBO without
# rifaximin" is a cure, "not cleared by the FDA" a regulatory statement
ACTIVE_OBJECTS = OWNERS | {"up"}


def _condition_before(
    doc: Doc, cue_start: int, cue_end: int, targets: list[tuple[int, int]], reach: int
) -> tuple[int, int] | None:
    """The condition ending at most `reach` tokens before a cue that closes it (an outcome,
    a split cue's particle), when the cue is not a participle's ("is much better understood")
    or a comparison's ("better than")."""
    if cue_end < len(doc) and (
        doc[cue_end].lower_ in {"than", "at", "to"} or _participle(doc[cue_end])
    ):
        return None
    for t_start, t_end in reversed(targets):
        if t_end <= cue_start <= t_end + reach and not _breaks(doc, t_end, cue_start):
            return (t_start, t_end)
    return None


def _possessed_before(
    doc: Doc, cue_start: int, cue_end: int, targets: list[tuple[int, int]], reach: int
) -> tuple[int, int] | None:
    """_condition_before, owned by someone: "my kid's asthma is much better", "her gout has
    not flared"."""
    found = _condition_before(doc, cue_start, cue_end, targets, reach)
    if found is None or found[0] == 0:
        return None
    owner = doc[found[0] - 1].lower_
    return found if owner in OWNERS or owner in {"'s", "’s"} else None


SPLIT_REACH = 3  # tokens between a split cue's verb and its condition: "keeps the nasty gout"


def _participle(token: Token) -> bool:
    return token.lower_.endswith("ed") or token.lower_ in {"understood", "known", "treated"}


def _attributive(doc: Doc, d_end: int) -> bool:
    """The drug qualifies the noun after it: "no Ambien hangover", "none of the stimulant crash"."""
    return d_end < len(doc) and doc[d_end].is_alpha and not doc[d_end].is_stop


def _active_verb(doc: Doc, end: int, hi: int) -> bool:
    return end < hi and doc[end].lower_ in ACTIVE_OBJECTS


def _avoided(doc: Doc, lo: int, target: tuple[int, int]) -> bool:
    """ "all the calm of Xanax without the addiction", "without the muscle pain of statins": a
    side effect avoided, not a disease treated."""
    lowers = token_strings(doc).lower
    return bool({"without", "minus"} & set(lowers[max(lo, target[0] - 3) : target[0]]))


def _person_acts(doc: Doc, lo: int, cue_start: int) -> bool:
    """ "anyone battling PTSD deserves care": the person fights the disease, not the product;
    "ideal for anyone battling PTSD" offers the product to them, and stays a claim. So does a
    life story: "started the company after beating breast cancer"."""
    if cue_start - 1 < lo or not doc[cue_start].lower_.endswith("ing"):
        return False
    before = doc[cue_start - 1].lower_
    if before in LIFE_TIMES and doc[cue_start].lower_ in STRUGGLES:
        return True
    if before not in PERSONS:
        return False
    return not (cue_start - 2 >= lo and doc[cue_start - 2].lower_ in OFFERED_TO)


# "after beating cancer", "while fighting lupus": when the person did it, not the product
LIFE_TIMES = {"after", "while", "since", "before"}
STRUGGLES = {"beating", "battling", "fighting", "surviving", "overcoming", "conquering",
             "defeating"}  # fmt: skip


def _occasional(doc: Doc, lo: int, target: tuple[int, int]) -> bool:
    """ "the occasional hangover headache": an occasional symptom in healthy people is not a
    disease (21 CFR 101.93(g)(2) and the 2000 final rule: "occasional sleeplessness")."""
    return any(doc[i].lower_ in OCCASIONAL for i in range(max(lo, target[0] - 2), target[0]))


# "everyday heartburn", "the odd headache": the mild, passing form of a symptom
OCCASIONAL = {"occasional", "everyday", "odd", "infrequent"}


def _joined(targets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent conditions are one: "diabetic" + "retinopathy", "MS" + "spasticity"; else
    the cue's nearest half would be the finding ("Reverses diabetic")."""
    joined: list[tuple[int, int]] = []
    for start, end in targets:
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _compound_modifier(doc: Doc, end: int) -> bool:
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end + 1].lower_ in {"free", "like", "style", "level", "grade"}
    )


def _over_cue_list(doc: Doc, lo: int, start: int, cue_tokens: set[int]) -> int:
    """Where a list of cues ending at `start` begins: "doesn't treat, cure or prevent
    diabetes" reads its negation across the commas of the list."""
    i = start
    while i - 2 >= lo and doc[i - 1].lower_ in LIST_JOINS and (i - 2) in cue_tokens:
        i -= 2
        while i - 1 >= lo and (i - 1) in cue_tokens:
            i -= 1
    return i


def _list_end(doc: Doc, end: int, hi: int, targets: list[tuple[int, int]]) -> int:
    """The end of a list of conditions that starts at a claim's target: "headaches, epilepsy
    and dementia" (each item a condition, joined by commas, "and", "or")."""
    starts = {t[0]: t[1] for t in targets}
    while True:
        i = end
        while i < hi and i - end < 3 and doc[i].lower_ in LIST_JOINS:
            i += 1
        if i == end or i not in starts:
            return end
        end = starts[i]


def _disease_of(doc: Doc, end: int, hi: int, targets: list[tuple[int, int]]) -> int:
    """A symptom claim runs on to the disease it belongs to: "repairs nerve damage from
    peripheral neuropathy", "calms the panic attacks that come with panic disorder"."""
    lowers = token_strings(doc).lower
    for t_start, t_end in targets:
        near = end < t_start <= end + SYMPTOM_REACH and t_end <= hi
        if near and lowers[t_start - 1] in SYMPTOM_LINKS and not _breaks(doc, end, t_start):
            return t_end
        if t_start > end + SYMPTOM_REACH:
            break
    return end


SYMPTOM_LINKS = {"from", "by", "with", "in", "of", "to"}
COPULAS = {"is", "are", "was", "were", "be", "been", "'s", "'re"}
SYMPTOM_REACH = 4  # tokens between a symptom claim and the disease named after it


def _anaphors(
    found: list[tuple[int, int]], targets: list[tuple[int, int]], starts: list[int]
) -> list[tuple[int, int]]:
    """ "slows the progression of that disease": kept when a condition is named before it in
    the same or the previous sentence (`starts`: each sentence's first token)."""
    kept = []
    target_starts = [t[0] for t in targets]
    for a_start, a_end in found:
        sentence = bisect.bisect_right(starts, a_start) - 1
        lo = starts[max(sentence - 1, 0)] if sentence >= 0 else 0
        k = bisect.bisect_left(target_starts, lo)
        if k < len(targets) and targets[k][1] <= a_start:
            kept.append((a_start, a_end))
    return kept


def _open_question(doc: Doc, lo: int, start: int) -> bool:
    """ "testing whether saffron can ease depression": an open question, not an assertion."""
    clause = _clause_start(doc, lo, start)
    return clause > lo and doc[clause - 1].lower_ in OPEN_QUESTION


def _breaks(doc: Doc, start: int, end: int) -> bool:
    return any(t.text in BREAK_PUNCT or t.lower_ in BREAK_WORDS for t in doc[start:end])


def _clause_start(doc: Doc, lo: int, i: int) -> int:
    """Walk back from token i to just after a break token, but not before lo."""
    if i <= lo:
        return i
    return max(lo, _clause_breaks(doc)[0][i - 1] + 1)


def _clause_end(doc: Doc, hi: int, i: int) -> int:
    """Walk on from token i to the next break token, but not past hi."""
    if i >= hi:
        return i
    return min(hi, _clause_breaks(doc)[1][i])


def _clause_breaks(doc: Doc) -> tuple[list[int], list[int]]:
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
    if not any(lowers[i] == "your" for i in range(lo, hi) if i not in quoted):
        return False
    return all(lowers[r_start] == "your" for r_start, _ in reports if r_start not in quoted)


def _quoted_tokens(doc: Doc, lo: int, hi: int) -> set[int]:
    """Token indexes inside double quotes within one sentence."""
    inside = False
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
        elif inside:
            result.add(i)
    return result
