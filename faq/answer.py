"""Turning a ranking into an answer: the passage, its source link, follow-ups, or an abstention.

Abstention is decided by a calibrated confidence threshold, never by a list of banned words: a
logistic score over how much of the question the best passage covers, how strongly it scores,
how much of the question's vocabulary the corpus knows at all, whether the question names what
the corpus is about ("badge", "micro-credential"), how much of an FAQ title it uses, whether
it uses a word the corpus has never heard of (the tell of a near-miss question), how closely
it paraphrases one of the answer's curated alternate questions, and how it sits among questions
asked before, answered and unanswered (`faq.asked`). The weights are fitted on the question
sets the asked examples come from (tests/faq/) by `bench/faq_bench.py --calibrate`; refit when
the corpus or the examples change substantially.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faq.asked import load_asked
from faq.corpus import DEFAULT_DIRS, Passage, fingerprint, load_documents, passages_of
from faq.index import Index, Ranking

SOURCE_PATH = "/faq/source"
UNSURE_NOTE = "The guidance may not answer this exactly. This is the closest it comes:"
PASSAGES_RETURNED = 5
ANSWER_MAX_CHARS = 800
# A paragraph opening with a short "Label:" is one point of a list-like answer.
LABEL_MAX_CHARS = 60


def evidence(ranking: Ranking) -> tuple[float, ...]:
    """What the in-scope confidence is computed from: coverage, log top score, known share, whether
    the question names the corpus's subject, how much of an FAQ title it uses, whether it uses a
    word the guidance has never heard of, how closely it paraphrases an alternate question, its
    nearest answered and unanswered asked examples with the answered share of its neighbours, how
    close it is to the answer's own examples, and how long it is."""
    top_score = ranking.hits[0].score if ranking.hits else 0.0
    log_score = math.log1p(max(top_score, 0.0))
    return (
        ranking.coverage,
        log_score,
        ranking.known_share,
        ranking.subject,
        ranking.title_match,
        ranking.unknown_word,
        ranking.alternate_match,
        ranking.nearest_answered,
        ranking.nearest_unanswered,
        ranking.answered_share,
        ranking.answer_example,
        ranking.length,
    )


@dataclass(frozen=True)
class AbstentionPolicy:
    """A logistic in-scope confidence over the ranking's evidence; abstain below `threshold`, and
    below `sure_at` answer with the caveat that the guidance may not answer this exactly."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    # On our measured sets (each left out of the asked examples), 45 of the 78 out-of-scope
    # questions the policy still answers score below 0.7, against 68 of the 1,581 in-scope
    # questions it answers: below it, say so.
    sure_at: float = 0.7

    def confidence(self, ranking: Ranking) -> float:
        if not ranking.hits:
            return 0.0
        z = self.bias + sum(w * x for w, x in zip(self.weights, evidence(ranking), strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def abstains(self, ranking: Ranking) -> bool:
        return self.confidence(ranking) < self.threshold


# Fitted by `bench/faq_bench.py --calibrate` on the question sets the asked examples come from, each
# set's evidence computed with that set left out of the examples, each of the 17 measured sets held
# out of the fit in turn. The threshold is 0.45: on the eight sets written by the blind procedure
# (holdout9-16, like the questions it meets) all four figures then reach the targets
# (top-1 0.928, hit@3 0.979, abstention P 0.944, R 0.933; at 0.55 precision falls to 0.886, as
# their first measurements showed). Over all 17 sets, near-miss-heavy early ones included:
# 0.946 / 0.985 / 0.972 / 0.863.
CALIBRATED_POLICY = AbstentionPolicy(
    weights=(0.57, 1.24, 0.34, 0.16, -0.11, -0.45, 0.11, 0.92, -1.4, 2.41, 0.96, 0.63), bias=-5.57, threshold=0.45
)


@dataclass(frozen=True)
class ScoredPassage:
    passage: Passage
    score: float

    @property
    def url(self) -> str:
        return source_url(self.passage.slug)


@dataclass(frozen=True)
class Answer:
    """What the assistant says: answer text, ranked passages, follow-ups, whether it abstained,
    and whether it answered unsure (the closest passage, which may not answer the question)."""

    text: str
    abstain: bool
    passages: tuple[ScoredPassage, ...]
    follow_ups: tuple[str, ...]
    unsure: bool = False

    @property
    def source(self) -> ScoredPassage | None:
        """The passage the answer is taken from; None when the assistant abstained."""
        return None if self.abstain or not self.passages else self.passages[0]

    def to_json(self) -> dict[str, Any]:
        """The stable scripting format of `python -m faq ask --jsonl`."""
        return {
            "answer": self.text,
            "passages": [
                {"text": p.passage.text, "title": p.passage.title, "score": round(p.score, 4)} for p in self.passages
            ],
            "abstain": self.abstain,
        }


def source_url(slug: str) -> str:
    """Link to a passage in the app's public source view."""
    return f"{SOURCE_PATH}#{slug}"


def answer_text(passage: Passage, best_paragraph: int) -> str:
    """The whole answer when it is short, otherwise its most relevant paragraph. A lead-in
    paragraph ("... for a broad range of audiences:") comes with the labels of the points it
    introduces, so the reader sees what the full answer covers."""
    if len(passage.body) <= ANSWER_MAX_CHARS:
        return passage.body
    best = passage.paragraphs[best_paragraph]
    if not best.endswith(":"):
        return best
    labels = [
        paragraph.split(":", 1)[0]
        for paragraph in passage.paragraphs[best_paragraph + 1 :]
        if ":" in paragraph[:LABEL_MAX_CHARS]
    ]
    return "\n".join([best, *(f"- {label}" for label in labels)])


class Assistant:
    """The FAQ assistant over a corpus folder set; rebuilds its index when the files change."""

    def __init__(
        self,
        dirs: Sequence[Path] = DEFAULT_DIRS,
        policy: AbstentionPolicy = CALIBRATED_POLICY,
        leave_out: frozenset[str] = frozenset(),
    ) -> None:
        """`leave_out` names question sets whose asked examples are not used, so the assistant
        can be measured on those sets as on unseen questions."""
        self._dirs = tuple(dirs)
        self.policy = policy
        self._leave_out = leave_out
        self._fingerprint: tuple[tuple[str, int, int], ...] = ()
        self.refresh()

    def refresh(self) -> bool:
        """Rebuild the index if a corpus file was added, changed or removed; True if rebuilt."""
        current = fingerprint(self._dirs)
        if current == self._fingerprint:
            return False
        passages = [p for document in load_documents(self._dirs) for p in passages_of(document)]
        self.index = Index(passages, load_asked(self._dirs, self._leave_out))
        self._fingerprint = current
        return True

    def suggestions(self, count: int = 4) -> list[str]:
        """Questions to offer before anything is asked: the first passage titles of each source."""
        by_label: dict[str, list[str]] = {}
        for passage in self.index.passages:
            by_label.setdefault(passage.label, []).append(passage.title)
        interleaved = [t for position in range(count) for group in by_label.values() for t in group[position:][:1]]
        return interleaved[:count]

    def abstention_text(self) -> str:
        tries = "; ".join(f"“{title}”" for title in self.suggestions(3))
        return f"I can only answer questions about micro-credentials and this wallet; try {tries}."

    def answer(self, question: str) -> Answer:
        """Answer one question from the current corpus."""
        self.refresh()
        ranking = self.index.search(question, limit=PASSAGES_RETURNED)
        passages = tuple(ScoredPassage(hit.passage, hit.score) for hit in ranking.hits)
        confidence = self.policy.confidence(ranking)
        if confidence < self.policy.threshold:
            return Answer(self.abstention_text(), True, passages, tuple(self.suggestions(3)))
        best = ranking.hits[0]
        follow_ups = tuple(hit.passage.title for hit in ranking.hits[1:4] if hit.score > 0)
        text = answer_text(best.passage, best.best_paragraph)
        return Answer(text, False, passages, follow_ups, unsure=confidence < self.policy.sure_at)
