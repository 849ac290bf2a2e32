"""Question-to-question matching: how closely a question paraphrases a passage's closest curated
alternate question, as a 0..1 score per passage. A near-exact paraphrase is strong evidence both
for the passage and for the question being in scope, which the answer's own wording may not give."""

from collections.abc import Callable, Sequence

import numpy as np


class ParaphraseMatcher:
    """Idf-weighted Dice overlap between a question's terms and each alternate's terms, best
    alternate per passage; a matrix of which alternate uses which term keeps a query fast."""

    def __init__(self, alternates: Sequence[Sequence[frozenset[str]]], idf: Callable[[str], float]) -> None:
        flat = [terms for passage in alternates for terms in passage]
        self._columns = {term: i for i, term in enumerate(sorted(frozenset().union(*flat)))}
        self._uses = np.zeros((len(flat), len(self._columns)), dtype=bool)
        for row, terms in enumerate(flat):
            self._uses[row, [self._columns[t] for t in terms]] = True
        self._sizes = np.array([sum(idf(t) for t in terms) for terms in flat])
        self._starts = np.cumsum([0, *(len(passage) for passage in alternates[:-1])])
        self._idf = idf

    def match(self, concepts: Sequence[tuple[str, frozenset[str]]]) -> np.ndarray:
        """Per passage, the best overlap; a concept counts when an alternate uses its term or one
        of its synonyms."""
        shared = np.zeros(len(self._uses))
        asked = 0.0
        for term, synonyms in concepts:
            weight = self._idf(term)
            asked += weight
            columns = [self._columns[t] for t in {term, *synonyms} if t in self._columns]
            if columns:
                shared += weight * self._uses[:, columns].any(axis=1)
        dice = np.minimum(2 * shared / np.maximum(asked + self._sizes, 1e-9), 1.0)
        return np.maximum.reduceat(dice, self._starts)
