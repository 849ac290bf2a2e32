"""Questions people have asked, each labelled with the section that answers it or as one the
corpus does not answer, used as nearest-neighbour evidence (the way production assistants keep
labelled example utterances, an out-of-scope class included).

They live beside a corpus folder's documents as `asked.jsonl`, one `{"q": str, "section": slug or
null, "set": str}` per line; `set` names the question set an example came from, so a measurement
can leave that set out and score it as unseen. A question close to an unanswered example ("how
much does the X micro-credential cost") is evidence of a near-miss that word overlap with the
guidance cannot give, and one close to an answered example votes for its section.
"""

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FILE_NAME = "asked.jsonl"
# How many nearest examples vote on whether a question is answerable.
NEIGHBOURS = 5


@dataclass(frozen=True)
class AskedQuestion:
    question: str
    # slug of the answering section; None when the corpus does not answer it
    section: str | None
    source_set: str


@dataclass(frozen=True)
class AskedEvidence:
    """How a question sits among the examples (similarities 0..1, idf-weighted cosine)."""

    # per passage, its closest answered example (curated alternates included)
    passage_similarity: np.ndarray
    nearest_answered: float = 0.0
    nearest_unanswered: float = 0.0
    # share of the NEIGHBOURS nearest examples that are answered ones
    answered_share: float = 1.0


def load_asked(dirs: Iterable[Path], leave_out: frozenset[str] = frozenset()) -> list[AskedQuestion]:
    """Every folder's asked examples, except those from the `leave_out` question sets. A
    malformed line is an error naming the file and line, so an editor can fix it."""
    asked = []
    for path in (Path(d) / FILE_NAME for d in dirs):
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                example = AskedQuestion(str(record["q"]), record["section"], str(record["set"]))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(
                    f'{path}:{number}: expected {{"q": "...", "section": "slug" or null, "set": "..."}} ({error})'
                ) from error
            if example.source_set not in leave_out:
                asked.append(example)
    return asked


class AskedMatcher:
    """Idf-weighted cosine of a question's terms to every example's, from per-term columns so a
    query only touches the rows that share a term with it."""

    def __init__(self, examples: Sequence[frozenset[str]], passages: Sequence[int], passage_count: int) -> None:
        """`passages[i]` is the passage example i is answered by, -1 when it is unanswered and
        -2 when answered by a section this corpus no longer has (it still counts as answered)."""
        self._answered = np.array([p != -1 for p in passages], dtype=bool)
        self._passages = np.array(passages, dtype=int)
        self._passage_count = passage_count
        frequencies = Counter(term for terms in examples for term in terms)
        self._idf = {term: math.log(1 + len(examples) / (df + 0.5)) for term, df in frequencies.items()}
        self._unknown_idf = math.log(1 + len(examples) / 0.5)
        norms = np.array([math.sqrt(sum(self._idf[t] ** 2 for t in terms)) or 1.0 for terms in examples])
        rows: dict[str, list[int]] = {}
        for row, terms in enumerate(examples):
            for term in terms:
                rows.setdefault(term, []).append(row)
        self._columns = {term: (np.array(where), self._idf[term] ** 2 / norms[where]) for term, where in rows.items()}
        self._size = len(examples)

    def evidence(self, terms: frozenset[str]) -> AskedEvidence:
        similarity = np.zeros(self._size)
        norm = math.sqrt(sum(self._idf.get(t, self._unknown_idf) ** 2 for t in terms))
        for term in terms & self._columns.keys():
            where, weights = self._columns[term]
            similarity[where] += weights
        if norm:
            similarity /= norm
        per_passage = np.zeros(self._passage_count)
        voting = self._passages >= 0
        np.maximum.at(per_passage, self._passages[voting], similarity[voting])
        nearest = np.argsort(-similarity, kind="stable")[:NEIGHBOURS]
        answered, unanswered = similarity[self._answered], similarity[~self._answered]
        return AskedEvidence(
            per_passage,
            float(answered.max(initial=0.0)),
            float(unanswered.max(initial=0.0)),
            float(self._answered[nearest].mean()) if len(nearest) else 1.0,
        )


def near_copies(questions: Sequence[frozenset[str]], others: Sequence[frozenset[str]], similarity: float) -> list[bool]:
    """For each question (as terms), whether it is at least `similarity` close to one of
    `others`: how a set kept for independent checks is kept out of the examples, paraphrases
    included. Idf is taken over `others` alone, so the answer for one question does not depend on
    which other questions are checked with it."""
    matcher = AskedMatcher(others, [-1] * len(others), 1)
    return [matcher.evidence(terms).nearest_unanswered >= similarity for terms in questions]
