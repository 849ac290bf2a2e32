"""BM25 retrieval over passages with field weights, synonyms and typo tolerance.

Four rank-bm25 indexes score a query: passage titles (the FAQ question, with its question word),
whole passage bodies, single paragraphs (so one paragraph of a long answer can win on its own)
and the curated alternate questions (`faq.alternates`; a passage counts its best one). A
passage's score is the weighted sum of those, how much of its title the query uses and how
closely the query paraphrases one of its alternates, times its source's prior. Titles, bodies and
coverage also count the passage's document title as context, so words true of a whole document
("at KPU") do not favour the passages that happen to repeat them. A synonym group counts once, by
its best-scoring term, so a word with many synonyms does not outweigh the rest of the question.
Besides the ranking, a search reports the evidence abstention is decided on. The weights were
chosen on our own question set, never on the public one.
"""

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from faq.asked import AskedMatcher, AskedQuestion
from faq.corpus import Passage
from faq.normalize import (
    STOP_STEMS,
    STOP_WORDS,
    compounds_of,
    intents,
    intents_of_words,
    split_compound,
    stem,
    terms,
    terms_of_words,
    whole_terms,
    words,
)
from faq.paraphrase import ParaphraseMatcher
from faq.spelling import Speller
from faq.synonyms import SYNONYM_GROUPS, SynonymMatcher

TITLE_WEIGHT = 0.25
BODY_WEIGHT = 0.25
PARAGRAPH_WEIGHT = 0.25
# Short passages are rewarded less than BM25's default b=0.75 would: one-line answers otherwise
# win on a single shared word.
LENGTH_NORMALIZATION = 0.5
# A synonym stands in fully when the asker's own word is unknown to the corpus, weakly otherwise.
SYNONYM_WEIGHT = 0.75
STAND_IN_WEIGHT = 0.9
TITLE_MATCH_WEIGHT = 3.0
# A passage's curated alternate questions (its title included), matched question to question: the
# best alternate's BM25, and its term overlap cubed so only a close paraphrase adds much.
ALTERNATE_WEIGHT = 0.15
ALTERNATE_MATCH_WEIGHT = 1.0
ALTERNATE_MATCH_POWER = 3.0
INTENT_WEIGHT = 0.5
# How much a passage's closest asked example (alternates included) adds to its score: chosen by
# leaving each measured question set out of the examples in turn (2 was worse, 4 to 12 the same).
ASKED_WEIGHT = 6.0
# A term at least this share of one document's passages use, compounds counted whole, is what
# that document is about ("badge", "micro-credential"; not "micro" alone). Counted per document,
# so a longer help file does not outvote the guidance's own subject.
SUBJECT_SHARE = 0.6


@dataclass(frozen=True)
class Query:
    """Weighted terms to score with, synonym groups that count once each, and the question's own
    terms to measure coverage by."""

    weights: dict[str, float]
    # each synonym group the question touched (the asker's own terms left out), with its weight
    synonyms: tuple[tuple[frozenset[str], float], ...]
    # each term the asker used, with the synonym terms that also count as covering it
    concepts: tuple[tuple[str, frozenset[str]], ...]

    def term_weights(self) -> dict[str, float]:
        """Every term's weight, a synonym at its group's weight: what a title is matched on."""
        flat = {term: weight for group, weight in self.synonyms for term in group}
        return flat | self.weights


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    best_paragraph: int


@dataclass(frozen=True)
class Ranking:
    """Passages best first, with the in-scope evidence abstention is decided on (all 0..1):

    coverage: share of the question's terms (idf-weighted) the top passage contains or paraphrases
    known_share: share of the question's terms the corpus or the synonym list uses at all
    subject: 1 when the question names the corpus's subject (a term most passages use, such as
        "badge" or "micro-credential") or a synonym of it ("certificate", "microcred"), else 0
    title_match: the largest share of one FAQ title the question uses
    unknown_word: 1 when the question uses a word neither the corpus nor the synonym list knows
        (after spelling correction), else 0. Near-miss questions ("where do I park at the
        campus") share most words with the guidance but ask about something it never mentions;
        that one unknown word is the tell, where a share of known words dilutes it.
    alternate_match: how closely the question paraphrases the top passage's closest alternate
        question (idf-weighted Dice overlap of their terms): a strong paraphrase is a confident
        in-scope signal that the answer's own wording may not give.
    nearest_answered / nearest_unanswered: similarity to the closest asked example the corpus
        answers / does not answer (`faq.asked`); answered_share: how many of the nearest
        examples are answered ones. A near-miss resembles earlier near-misses more than it
        resembles anything the guidance says.
    answer_example: similarity to the closest example the top passage answers.
    length: log(1 + the question's own term count). A long, chatty question almost always has
        a word the guidance lacks and covers less of itself, without being any less in scope.
    """

    hits: tuple[Hit, ...]
    coverage: float = 0.0
    known_share: float = 0.0
    subject: float = 0.0
    title_match: float = 0.0
    unknown_word: float = 0.0
    alternate_match: float = 0.0
    nearest_answered: float = 0.0
    nearest_unanswered: float = 0.0
    answered_share: float = 1.0
    answer_example: float = 0.0
    length: float = 0.0


class _Field:
    """One rank-bm25 index whose per-term score vectors are computed once and reused."""

    def __init__(self, documents: list[list[str]], b: float = 0.75) -> None:
        self._bm25 = BM25Okapi(documents, b=b)
        self._vectors: dict[str, np.ndarray] = {}

    def _vector(self, term: str) -> np.ndarray:
        vector = self._vectors.get(term)
        if vector is None:
            vector = self._vectors[term] = self._bm25.get_scores([term])
        return vector

    def scores(self, query: Query) -> np.ndarray:
        """Weighted BM25 of the query's own terms, plus each synonym group scored as its best
        term, so a group counts once however many of its phrases a passage uses."""
        total = np.zeros(self._bm25.corpus_size)
        for term, weight in query.weights.items():
            total += weight * self._vector(term)
        for group, weight in query.synonyms:
            total += weight * np.max([self._vector(term) for term in group], axis=0)
        return total


class Index:
    """Immutable search index over a list of passages; build a new one when the corpus changes."""

    def __init__(self, passages: Sequence[Passage], asked_before: Sequence[AskedQuestion] = ()) -> None:
        self.passages = tuple(p for p in passages if p.paragraphs)
        if not self.passages:
            raise ValueError("the FAQ corpus has no passages: add Markdown files with headings and text")
        paragraphs = [paragraph for p in self.passages for paragraph in p.paragraphs]
        self._titles = _Field([terms(p.title) + intents(p.title) + terms(p.context) for p in self.passages])
        self._bodies = _Field([terms(p.body) + terms(p.context) for p in self.passages], b=LENGTH_NORMALIZATION)
        self._paragraphs = _Field([terms(paragraph) for paragraph in paragraphs], b=LENGTH_NORMALIZATION)
        asked = [[p.title, *p.alternates] for p in self.passages]
        self._alternates = _Field(
            [terms(q) + intents(q) + terms(p.context) for p, qs in zip(self.passages, asked, strict=True) for q in qs]
        )
        self._alternate_starts = np.cumsum([0, *(len(qs) for qs in asked[:-1])])
        sizes = [len(p.paragraphs) for p in self.passages]
        self._paragraph_starts = np.cumsum([0, *sizes[:-1]])
        self._priors = np.array([p.prior for p in self.passages])
        texts = [p.title for p in self.passages] + paragraphs + [q for p in self.passages for q in p.alternates]
        self._compounds = compounds_of(texts)
        self._passage_terms = [
            frozenset(terms(p.text) + terms(p.context) + terms(" ".join(p.alternates))) for p in self.passages
        ]
        self._title_terms = [frozenset(terms(p.title) + intents(p.title)) for p in self.passages]
        self._vocabulary = frozenset().union(*self._passage_terms)
        passage_count = len(self.passages)
        frequencies = Counter(term for present in self._passage_terms for term in present)
        self._subject_terms = subject_terms(
            [frozenset(whole_terms(words(p.text), self._compounds)) for p in self.passages],
            [p.context for p in self.passages],
        )
        # Always-positive idf over passages to weigh coverage; unknown terms weigh the most.
        self._idf = {term: _idf(passage_count, df) for term, df in frequencies.items()}
        self._max_idf = _idf(passage_count, 0)
        self._paraphrases = ParaphraseMatcher(
            [[frozenset(terms(q)) for q in qs] for qs in asked], lambda term: self._idf.get(term, self._max_idf)
        )
        self._synonyms = SynonymMatcher(SYNONYM_GROUPS, self._compounds)
        self._asked = self._asked_matcher(asked_before)
        synonym_words = [w for group in SYNONYM_GROUPS for phrase in group for w in words(phrase)]
        self._known_stems = self._vocabulary | set(terms_of_words(synonym_words))
        # Stop words are known too, so a misspelt "defintion" is dropped rather than counted as
        # an unknown term that makes the question look out of scope.
        self._speller = Speller(
            [
                *(piece for word in [*words(" ".join(texts)), *synonym_words] for piece in split_compound(word)),
                *STOP_WORDS,
            ]
        )

    def _spell(self, surface: list[str]) -> list[str]:
        """Unknown words replaced by the closest known word, when one is close enough."""
        fixed = []
        for word in surface:
            pieces = [p for p in split_compound(word) if p not in STOP_WORDS]
            known = all(stem(p) in self._known_stems for p in pieces)
            fixed.append(word if known else self._speller.correct(word.replace("-", "")) or word)
        return fixed

    def analyze(self, question: str) -> Query:
        """Question text -> weighted query terms (own, compound-joined, corrected, synonyms).

        A compound the corpus uses counts once, as its joined term, however it is spelled; an
        unfamiliar hyphenated word counts as its parts."""
        surface = self._spell(words(question))
        sequence = whole_terms(surface, self._compounds)
        weights = dict.fromkeys(content_terms(sequence), 1.0)
        # Evidence counts every spelling's terms, parts of compounds included: a question full of
        # "micro-credential" is plainly about this corpus even where it counts once for ranking.
        # An unfamiliar hyphenated word's joined form is left out here as in the sequence.
        split = {stem(w.replace("-", "")) for w in surface if "-" in w} - self._compounds.stems
        alternatives: dict[str, set[str]] = {
            term: set() for term in [*weights, *terms_of_words(surface)] if term in weights or term not in split
        }
        synonyms = []
        for expansion in self._synonyms.expansions(sequence):
            known = expansion.matched <= self._vocabulary
            if others := expansion.terms - weights.keys():
                synonyms.append((frozenset(others), SYNONYM_WEIGHT if known else STAND_IN_WEIGHT))
            for term in expansion.matched & alternatives.keys():
                alternatives[term] |= expansion.terms
        concepts = tuple((term, frozenset(alternatives[term])) for term in alternatives)
        for intent in intents(question):
            weights[intent] = INTENT_WEIGHT
        return Query(weights, tuple(synonyms), concepts)

    def search(self, question: str, limit: int = 3) -> Ranking:
        """Rank passages for a question; an empty query ranks nothing."""
        query = self.analyze(question)
        own_terms = [term for term, _ in query.concepts]
        if not own_terms:
            return Ranking(())
        paragraph_scores = self._paragraphs.scores(query)
        best_paragraph = np.maximum.reduceat(paragraph_scores, self._paragraph_starts)
        title_match = self._title_match(query)
        best_alternate = np.maximum.reduceat(self._alternates.scores(query), self._alternate_starts)
        alternate_match = self._paraphrases.match(query.concepts)
        asked = self._asked.evidence(frozenset(query.weights))
        scores = (
            TITLE_WEIGHT * self._titles.scores(query)
            + BODY_WEIGHT * self._bodies.scores(query)
            + PARAGRAPH_WEIGHT * best_paragraph
            + TITLE_MATCH_WEIGHT * title_match
            + ALTERNATE_WEIGHT * best_alternate
            + ALTERNATE_MATCH_WEIGHT * alternate_match**ALTERNATE_MATCH_POWER
        ) * self._priors + ASKED_WEIGHT * asked.passage_similarity
        order = np.argsort(-scores, kind="stable")[:limit]
        hits = tuple(
            Hit(self.passages[i], float(scores[i]), self._best_paragraph_of(i, paragraph_scores)) for i in order
        )
        known = [term in self._known_stems for term in own_terms]
        return Ranking(
            hits,
            coverage=self._coverage(query, int(order[0])),
            known_share=sum(known) / len(known),
            subject=float(
                not self._subject_terms.isdisjoint(query.weights)
                or any(not self._subject_terms.isdisjoint(group) for group, _ in query.synonyms)
            ),
            title_match=float(title_match.max()),
            unknown_word=float(not all(known)),
            alternate_match=float(alternate_match[order[0]]),
            nearest_answered=asked.nearest_answered,
            nearest_unanswered=asked.nearest_unanswered,
            answered_share=asked.answered_share,
            answer_example=float(asked.passage_similarity[order[0]]),
            length=math.log1p(len(own_terms)),
        )

    def _asked_matcher(self, asked: Sequence[AskedQuestion]) -> AskedMatcher:
        """Every passage's title and alternates as answered examples of it, then the asked ones;
        an example answered by a section this corpus lacks still counts as answered."""
        positions = {p.slug: i for i, p in enumerate(self.passages)}
        examples = [(q, i) for i, p in enumerate(self.passages) for q in (p.title, *p.alternates)]
        examples += [(a.question, -1 if a.section is None else positions.get(a.section, -2)) for a in asked]
        return AskedMatcher([self.example_terms(q) for q, _ in examples], [i for _, i in examples], len(self.passages))

    def example_terms(self, question: str) -> frozenset[str]:
        """The terms a question is matched against asked examples on, as `analyze` weighs them
        but without spelling correction (examples are many, and written with care)."""
        surface = words(question)
        return frozenset(content_terms(whole_terms(surface, self._compounds))) | frozenset(intents_of_words(surface))

    def _best_paragraph_of(self, passage_index: int, paragraph_scores: np.ndarray) -> int:
        start = self._paragraph_starts[passage_index]
        size = len(self.passages[passage_index].paragraphs)
        return int(np.argmax(paragraph_scores[start : start + size]))

    def _title_match(self, query: Query) -> np.ndarray:
        """Share of each title's terms the query uses: a question asked as the FAQ phrases it."""
        weights = query.term_weights()
        return np.array([sum(weights.get(t, 0.0) for t in title) / max(len(title), 1) for title in self._title_terms])

    def _coverage(self, query: Query, passage_index: int) -> float:
        """Share of the question's terms (idf-weighted) the passage contains or paraphrases."""
        present = self._passage_terms[passage_index]
        total = covered = 0.0
        for term, alternatives in query.concepts:
            idf = self._idf.get(term, self._max_idf)
            total += idf
            if term in present or alternatives & present:
                covered += idf
        return covered / total if total else 0.0


def content_terms(sequence: Sequence[str]) -> list[str]:
    """A question's terms that say something: stop words and single letters dropped."""
    return [term for term in sequence if term not in STOP_STEMS and len(term) > 1]


def subject_terms(passage_terms: Sequence[frozenset[str]], documents: Sequence[str]) -> frozenset[str]:
    """Terms at least SUBJECT_SHARE of one document's passages use, compounds counted whole,
    except a term that only ever appears where a commoner one does ("open" always beside
    "badge"): on its own it does not name the subject ("library opening hours")."""
    where = {
        term: frozenset(i for i, present in enumerate(passage_terms) if term in present)
        for term in frozenset().union(*passage_terms)
        if term not in STOP_STEMS
    }
    sizes = Counter(documents)
    common = {
        term: passages
        for term, passages in where.items()
        if any(
            sum(documents[i] == document for i in passages) / size >= SUBJECT_SHARE for document, size in sizes.items()
        )
    }
    return frozenset(
        term
        for term, passages in common.items()
        if not any(other != term and passages < wider for other, wider in common.items())
    )


def _idf(passage_count: int, document_frequency: int) -> float:
    return math.log(1 + (passage_count - document_frequency + 0.5) / (document_frequency + 0.5))
