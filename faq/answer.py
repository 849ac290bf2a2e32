"""Turning a ranking into an answer: the passage, its source link, follow-ups, or an abstention.

Abstention is decided on calibrated signals from the ranking, never on a list of banned words:
how much of the question the best passage covers and how strongly it scores. The thresholds
were calibrated on our own question set (tests/faq/questions.jsonl) with
`bench/faq_bench.py --calibrate`; rerun it when the corpus changes substantially.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faq.corpus import DEFAULT_DIRS, Passage, fingerprint, load_documents, passages_of
from faq.index import Index, Ranking

SOURCE_PATH = "/faq/source"
PASSAGES_RETURNED = 5
ANSWER_MAX_CHARS = 800


@dataclass(frozen=True)
class AbstentionPolicy:
    """When a ranking is too weak to answer from.

    Abstain when the top passage covers less than `min_coverage` of the question's (idf-weighted)
    terms, or, in the uncertain band below `confident_coverage`, when its score is under
    `min_score`: a partial match is only trusted when what matched matched strongly.
    """

    min_coverage: float
    confident_coverage: float
    min_score: float

    def abstains(self, ranking: Ranking) -> bool:
        if not ranking.hits or ranking.coverage < self.min_coverage:
            return True
        return ranking.coverage < self.confident_coverage and ranking.hits[0].score < self.min_score


CALIBRATED_POLICY = AbstentionPolicy(min_coverage=0.15, confident_coverage=0.5, min_score=5.0)


@dataclass(frozen=True)
class ScoredPassage:
    passage: Passage
    score: float

    @property
    def url(self) -> str:
        return source_url(self.passage.slug)


@dataclass(frozen=True)
class Answer:
    """What the assistant says: answer text, ranked passages, follow-ups, and whether it abstained."""

    text: str
    abstain: bool
    passages: tuple[ScoredPassage, ...]
    follow_ups: tuple[str, ...]

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
    """The whole answer when it is short, otherwise its most relevant paragraph."""
    if len(passage.body) <= ANSWER_MAX_CHARS:
        return passage.body
    return passage.paragraphs[best_paragraph]


class Assistant:
    """The FAQ assistant over a corpus folder set; rebuilds its index when the files change."""

    def __init__(self, dirs: Sequence[Path] = DEFAULT_DIRS, policy: AbstentionPolicy = CALIBRATED_POLICY) -> None:
        self._dirs = tuple(dirs)
        self.policy = policy
        self._fingerprint: tuple[tuple[str, int, int], ...] = ()
        self.refresh()

    def refresh(self) -> bool:
        """Rebuild the index if a corpus file was added, changed or removed; True if rebuilt."""
        current = fingerprint(self._dirs)
        if current == self._fingerprint:
            return False
        passages = [p for document in load_documents(self._dirs) for p in passages_of(document)]
        self.index = Index(passages)
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
        if self.policy.abstains(ranking):
            return Answer(self.abstention_text(), True, passages, tuple(self.suggestions(3)))
        best = ranking.hits[0]
        follow_ups = tuple(hit.passage.title for hit in ranking.hits[1:4] if hit.score > 0)
        return Answer(answer_text(best.passage, best.best_paragraph), False, passages, follow_ups)
