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
from typing import NamedTuple

import numpy as np

FILE_NAME = "asked.jsonl"
# How many nearest examples vote on whether a question is answerable.
NEIGHBOURS = 5


class AskedQuestion(NamedTuple):
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
        if path.exists():
            asked += [example for example in _read_examples(path) if example.source_set not in leave_out]
    return asked


def _read_examples(path: Path) -> list[AskedQuestion]:
    """One file's examples: parsed as one JSON array (thousands of lines, read at every index
    build), line by line only to say which line is wrong."""
    text = path.read_text(encoding="utf-8")
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    try:
        records = json.loads("[" + ",".join(line for _, line in lines) + "]")
        if len(records) == len(lines):
            return [_example(record) for record in records]
    except (ValueError, KeyError, TypeError):
        pass
    for number, line in lines:
        try:
            _example(json.loads(line))
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(
                f'{path}:{number}: expected {{"q": "...", "section": "slug" or null, "set": "..."}} ({error})'
            ) from error
    raise ValueError(f"{path}: expected one JSON object per line")


def _example(record: dict) -> AskedQuestion:
    return AskedQuestion(str(record["q"]), record["section"], str(record["set"]))


class AskedMatcher:
    """Idf-weighted cosine of a question's terms to every example's, from per-term columns so a
    query only touches the rows that share a term with it."""

    def __init__(self, examples: Sequence[frozenset[str]], passages: Sequence[int], passage_count: int) -> None:
        """`passages[i]` is the passage example i is answered by, -1 when it is unanswered and
        -2 when answered by a section this corpus no longer has (it still counts as answered)."""
        self._answered = np.array([p != -1 for p in passages], dtype=bool)
        self._passage_count = passage_count
        # The examples that vote for a passage, grouped by it, so the best of each passage that has
        # any is one `maximum.reduceat`.
        owners = np.array(passages, dtype=int)
        voting = np.flatnonzero(owners >= 0)
        self._voting = voting[np.argsort(owners[voting], kind="stable")]
        counts = np.bincount(owners[voting], minlength=passage_count)
        self._has_examples = counts > 0
        self._starts = np.cumsum(np.r_[0, counts[:-1]])[self._has_examples]
        # Each term's rows and weights (idf squared over the row's norm), sorted by term, built
        # with numpy: the examples run to thousands and the index is rebuilt on every corpus edit.
        frequencies = Counter(term for terms in examples for term in terms)
        self._terms = {term: i for i, term in enumerate(frequencies)}
        self._idf = np.log1p(len(examples) / (np.fromiter(frequencies.values(), float, len(frequencies)) + 0.5))
        self._unknown_idf = math.log1p(len(examples) / 0.5)
        term_ids = np.fromiter((self._terms[t] for terms in examples for t in terms), np.int64)
        row_ids = np.repeat(np.arange(len(examples)), [len(terms) for terms in examples])
        squared = self._idf[term_ids] ** 2
        norms = np.sqrt(np.bincount(row_ids, weights=squared, minlength=len(examples)))
        norms[norms == 0] = 1.0
        order = np.argsort(term_ids, kind="stable")
        self._rows = row_ids[order]
        self._weights = (squared / norms[row_ids])[order]
        self._offsets = np.r_[0, np.cumsum(np.bincount(term_ids, minlength=len(self._terms)))]
        self._size = len(examples)

    def evidence(self, terms: frozenset[str]) -> AskedEvidence:
        similarity = np.zeros(self._size)
        squared_norm = 0.0
        for term in terms:
            column = self._terms.get(term)
            if column is None:
                squared_norm += self._unknown_idf**2
                continue
            squared_norm += self._idf[column] ** 2
            rows = slice(self._offsets[column], self._offsets[column + 1])
            similarity[self._rows[rows]] += self._weights[rows]
        if squared_norm:
            similarity /= math.sqrt(squared_norm)
        per_passage = np.zeros(self._passage_count)
        if len(self._voting):
            per_passage[self._has_examples] = np.maximum.reduceat(similarity[self._voting], self._starts)
        nearest = np.argpartition(-similarity, min(NEIGHBOURS, self._size - 1))[:NEIGHBOURS]
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
