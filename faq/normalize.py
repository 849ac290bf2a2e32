"""Text normalization shared by the index and the queries, so both sides meet on the same terms.

Pipeline: Unicode and punctuation folding -> lowercase words -> hyphenated compounds kept whole
*and* split ("micro-credential" -> microcredential, micro, credential) -> stop words dropped ->
Snowball stems. Queries additionally rejoin split compounds ("micro credentials") against the
compounds the corpus uses.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00ad": None,
    }
)
# A word is letters/digits, optionally joined by hyphens ("non-credit-bearing", "e-portfolio").
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Common English function words plus question filler ("define", "exactly") and conversational
# filler ("hi", "I was wondering", "something") that says nothing about the topic.
_STOP_WORD_TEXT = """
    a about above after again all also am an and any are as at be been being but by can could
    did do does doing for from had has have having he her here hers him his how i i'm if in into
    is it its it's just me more most my myself no nor not of off on once only or other our ours
    out over own s same she should so some such t than that the their theirs them then there these
    they this those to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself get got tell please explain mean means meant
    there's what's who's let thing things kind much many define definition meaning
    exactly actually really anyone someone
    hi hey hello thanks thank ok okay quick question wondering wonder guess maybe stuff one ones
    anything something somewhere everything everyone heard hear want wants wanted know
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())

_stemmer = snowballstemmer.stemmer("english")
STOP_STEMS = frozenset(_stemmer.stemWord(word) for word in STOP_WORDS)
INTERROGATIVES = frozenset({"who", "what", "where", "when", "why", "how", "which"})


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Snowball stem, cached: the vocabulary is small and queries repeat words."""
    return _stemmer.stemWord(word)


def fold(text: str) -> str:
    """NFKC, curly quotes and dashes to ASCII, lowercase: the form every comparison uses. Plain
    ASCII, most text, has nothing to normalize or fold."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).translate(_FOLD).lower()


def words(text: str) -> list[str]:
    """Lowercase surface words; hyphenated compounds stay as one word here."""
    return _WORD.findall(fold(text))


def split_compound(word: str) -> list[str]:
    """A hyphenated word gives its joined form plus its parts, so all spellings can meet."""
    if "-" not in word:
        return [word]
    parts = word.split("-")
    return ["".join(parts), *parts]


def terms_of_words(surface: Iterable[str]) -> list[str]:
    """Stemmed index terms for already-split surface words, stop words dropped."""
    out = []
    for word in surface:
        for piece in split_compound(word):
            if piece not in STOP_WORDS and len(piece) > 1:
                out.append(stem(piece))
    return out


def terms(text: str) -> list[str]:
    """Stemmed index terms of a text (the document side)."""
    return terms_of_words(words(text))


@dataclass(frozen=True)
class Compounds:
    """The hyphenated words a corpus uses: stems of their joined forms, and their first parts
    (so a query only tries to rejoin word pairs that can possibly form one)."""

    stems: frozenset[str]
    first_parts: frozenset[str]


def compounds_of(texts: Iterable[str]) -> Compounds:
    hyphenated = [w for text in texts for w in words(text) if "-" in w]
    return Compounds(
        frozenset(stem(w.replace("-", "")) for w in hyphenated),
        frozenset(w.split("-", 1)[0] for w in hyphenated),
    )


def whole_terms(surface: list[str], compounds: Compounds) -> list[str]:
    """One stem per word, stop words kept, compounds whole and split ones rejoined ("micro
    credentials"): the sequence synonym phrases such as "learn more" are matched on. A hyphenated
    word the corpus does not use ("sign-off", "non-credit") is its parts: its joined form is no
    word anyone searches for. (Run over every asked example at index build, so kept lean.)"""
    out: list[str] = []
    count = len(surface)
    position = 0
    while position < count:
        raw = surface[position]
        word = raw.replace("-", "")
        if position + 1 < count and word in compounds.first_parts:
            joined = stem(word + surface[position + 1].replace("-", ""))
            if joined in compounds.stems:
                out.append(joined)
                position += 2
                continue
        if "-" in raw and stem(word) not in compounds.stems:
            out.extend(stem(part) for part in raw.split("-"))
        else:
            out.append(stem(word))
        position += 1
    return out


def intents(text: str) -> list[str]:
    """The question word of a text ("who", "how", ...): kept apart from the terms because it only
    says what kind of answer is wanted, which FAQ titles (questions themselves) show. Only the
    first one counts; later ones are mostly relative ("someone who has")."""
    return intents_of_words(words(text))


def intents_of_words(surface: Iterable[str]) -> list[str]:
    """`intents` of already-split words."""
    return next(([word] for word in surface if word in INTERROGATIVES), [])


def slugify(text: str) -> str:
    """Stable URL anchor for a heading: folded words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))
