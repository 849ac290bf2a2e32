"""Typo tolerance: map an unknown query word to the nearest word the corpus (or synonym list) uses.

Symmetric-delete lookup (as in SymSpell): every known word is stored under the strings left by
deleting up to N letters, so a query word only has to generate its own deletions instead of
being compared with the whole vocabulary. That keeps a correction in microseconds.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable

MIN_WORD_LENGTH = 5


def max_distance(word: str) -> int:
    """Words of 5-8 letters tolerate one edit, longer ones two; shorter ones are too easily
    another real word ("make" is one edit from "fake")."""
    if len(word) < MIN_WORD_LENGTH:
        return 0
    return 1 if len(word) < 9 else 2


def deletions(word: str, distance: int) -> set[str]:
    """The word and every string obtained by deleting up to `distance` letters."""
    found = {word}
    frontier = {word}
    for _ in range(distance):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insert, delete, substitute, swap adjacent letters."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


class Speller:
    """Corrects words against a known vocabulary, preferring the closest, then the commonest."""

    def __init__(self, known_words: Iterable[str]) -> None:
        self._counts = Counter(known_words)
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        for word in self._counts:
            for variant in deletions(word, max_distance(word)):
                self._by_deletion[variant].add(word)

    def __contains__(self, word: str) -> bool:
        return word in self._counts

    def correct(self, word: str) -> str | None:
        """The best known word within the allowed distance, or None when nothing is close."""
        limit = max_distance(word)
        if limit == 0:
            return None
        candidates = set()
        for variant in deletions(word, limit):
            candidates |= self._by_deletion.get(variant, set())
        scored = [(edit_distance(word, known), -self._counts[known], known) for known in candidates]
        best = min((entry for entry in scored if entry[0] <= limit), default=None)
        return best[2] if best else None
