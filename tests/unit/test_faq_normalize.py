"""FAQ normalization: spellings of one word meet, stop words go, typos find the corpus word."""

from __future__ import annotations

import pytest

from faq.normalize import compounds_of, fold, slugify, terms, whole_terms, words
from faq.spelling import Speller, edit_distance


@pytest.mark.parametrize("spelling", ["microcredential", "micro-credential", "Micro-Credentials", "micro‑credentials"])
def test_micro_credential_spellings_share_the_joined_term(spelling: str) -> None:
    assert terms(spelling)[0] == terms("microcredentials")[0]


def test_split_spelling_is_rejoined_against_corpus_compounds() -> None:
    compounds = compounds_of(["New micro-credentials at KPU"])
    assert terms("microcredential")[0] in whole_terms(words("micro credentials"), compounds)
    assert whole_terms(words("micro wave"), compounds) == ["micro", "wave"]


def test_hyphenated_words_also_index_their_parts() -> None:
    assert set(terms("non-credit-bearing")) == {"noncreditbear", "non", "credit", "bear"}


def test_stop_words_and_question_filler_are_dropped() -> None:
    assert terms("What exactly is the meaning of an open badge?") == ["open", "badg"]


def test_fold_turns_typographic_punctuation_into_ascii() -> None:
    assert fold("KPU’s “Open” Badges – today") == 'kpu\'s "open" badges - today'


def test_slug_is_stable_ascii() -> None:
    assert slugify("Who regulates the international technical standards for open badges?") == (
        "who-regulates-the-international-technical-standards-for-open-badges"
    )
    assert slugify("KPU’s Café") == "kpu-s-cafe"


def test_speller_fixes_one_edit_in_short_words_and_two_in_long_ones() -> None:
    speller = Speller(["approves", "committee", "microcredentials", "badge"])
    assert speller.correct("aproves") == "approves"
    assert speller.correct("comittee") == "committee"
    assert speller.correct("microcredentails") == "microcredentials"


def test_speller_leaves_short_and_far_words_alone() -> None:
    speller = Speller(["fake", "weather"])
    assert speller.correct("make") is None
    assert speller.correct("pizza") is None


def test_edit_distance_counts_a_swap_as_one_edit() -> None:
    assert edit_distance("mirco", "micro") == 1
    assert edit_distance("badge", "badge") == 0
    assert edit_distance("kitten", "sitting") == 3


def test_a_hyphenated_word_the_corpus_does_not_use_is_its_parts_in_the_sequence() -> None:
    compounds = compounds_of(["New micro-credentials at KPU"])
    assert whole_terms(words("sign-off"), compounds) == ["sign", "off"]
    assert whole_terms(words("micro-credentials"), compounds) == terms("microcredentials")
