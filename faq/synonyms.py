"""Curated domain synonyms: people ask in their words, the guidance answers in its own.

Each group lists phrases that mean the same thing here. A query phrase found in a group adds the
other phrases' terms to the query at a reduced weight; the guidance itself is never rewritten.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from faq.normalize import Compounds, terms, whole_terms, words

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("micro-credential", "microcred", "micro cred", "micro-cred"),
    ("badge", "open badge", "digital badge", "credential", "certificate", "certification", "cert"),
    ("stack", "sequence", "series", "stackable", "ladder", "combine", "build toward"),
    ("credit-bearing", "for credit", "academic credit", "count toward", "credits", "transfer credit"),
    ("non-credit-bearing", "no credit", "without credit", "not for credit"),
    (
        "employer",
        "industry",
        "business",
        "company",
        "companies",
        "workplace",
        "employee",
        "workforce",
        "hiring manager",
    ),
    ("up-skill", "upskill", "reskill", "retrain", "train staff", "training"),
    ("approve", "approval", "sign off", "authorize", "authorise", "greenlight", "vet", "review"),
    ("committee", "senate", "board"),
    ("regulate", "standard", "govern", "oversee", "maintain", "in charge", "spec"),
    ("meta-data", "metadata", "data", "information", "info", "detail", "contain", "inside", "include"),
    ("value", "benefit", "advantage", "worth", "useful", "why bother", "why should", "why would", "good for"),
    ("evidence", "proof", "e-portfolio", "portfolio", "work sample", "student work", "attach"),
    ("expire", "expiry", "expiration", "lapse", "valid for"),
    ("verifiable", "verify", "verification", "check", "authentic", "genuine", "legit", "fake", "validate"),
    ("shareable", "share", "post", "linkedin", "publish", "social media"),
    ("portable", "take with", "transfer"),
    ("interoperable", "compatible", "work with other", "other platform"),
    ("framework", "provincial", "province", "bc", "british columbia", "government", "ministry"),
    ("kpu", "kwantlen", "kwantlen polytechnic"),
    ("develop", "create", "invent", "originate", "came up with", "author"),
    ("relationship", "related", "relate", "relation", "difference", "differ", "versus", "vs"),
    ("similar", "like", "equivalent", "compare", "analogous", "analogy", "same as"),
    ("ims global", "1edtech", "ims"),
    ("mozilla", "firefox"),
    ("parchment", "diploma", "degree certificate", "transcript"),
    ("degree", "bachelor", "associate", "diploma", "traditional credential"),
    ("endorsement", "endorse", "recognition", "recognised", "recognized", "professional body", "accredit"),
    ("life-long", "lifelong", "continuing education", "continuing studies", "ongoing learning"),
    ("professional development", "career development", "pd"),
    ("adult learner", "mature student", "return to school", "go back to school", "returning student"),
    ("competency", "competencies", "skill", "ability", "capability", "know-how"),
    ("learn more", "more information", "further reading", "resource", "report", "reading"),
    ("alumni", "alumnus", "graduate", "grad"),
    ("faculty", "staff", "instructor", "employee of kpu"),
    ("community", "community organization", "non-profit", "nonprofit", "charity", "small business"),
    ("outcome", "learning outcome", "result", "what you learned"),
    ("completed", "completion", "finish", "date", "when earned"),
    ("import", "add", "upload", "bring in"),
    ("export", "download", "backup", "copy", "save"),
    ("share link", "public link", "link"),
    ("revoke", "revocation", "withdraw", "cancel", "disable", "turn off", "switch off", "deactivate"),
    ("sign in", "log in", "login", "account", "register", "sign up"),
)


@dataclass(frozen=True)
class Expansion:
    """A synonym group a query touched: all its terms, and the query's terms that matched it."""

    terms: frozenset[str]
    matched: frozenset[str]


class SynonymMatcher:
    """Finds the groups whose phrases occur in a query's word sequence (stop words included, so
    "learn more" does not fire on every "learn"). Phrases are indexed by their first term so a
    query is scanned once."""

    def __init__(self, groups: Sequence[Sequence[str]], compounds: Compounds) -> None:
        self._group_terms = [frozenset(t for phrase in group for t in terms(phrase)) for group in groups]
        self._by_first_term: dict[str, list[tuple[tuple[str, ...], int, frozenset[str]]]] = {}
        for group_index, group in enumerate(groups):
            for phrase in group:
                pattern = tuple(whole_terms(words(phrase), compounds))
                entry = (pattern, group_index, frozenset(terms(phrase)))
                self._by_first_term.setdefault(pattern[0], []).append(entry)

    def expansions(self, sequence: list[str]) -> list[Expansion]:
        matched: dict[int, set[str]] = {}
        for position, term in enumerate(sequence):
            for pattern, group_index, own_terms in self._by_first_term.get(term, ()):
                if tuple(sequence[position : position + len(pattern)]) == pattern:
                    matched.setdefault(group_index, set()).update(own_terms)
        return [Expansion(self._group_terms[g], frozenset(own)) for g, own in matched.items()]
