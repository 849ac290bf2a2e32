"""Amount questions: the question's form against what the top passage states, not its topic."""

from __future__ import annotations

import pytest

from faq.answer import Assistant
from faq.answer_type import asks_amount, states_amount


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How much does it cost?", True),
        ("how many ways can I import a badge", True),
        ("How long does approval take", True),
        ("how often are badges checked", True),
        ("how do I import a badge", False),
        ("much ado about badges", False),
    ],
)
def test_amount_questions_are_told_by_their_form(question: str, asks: bool) -> None:
    assert asks_amount(question) is asks


def test_a_passage_states_an_amount_with_a_number_or_a_number_word() -> None:
    assert states_amount("Open Badges 2.0 and 3.0 are accepted.")
    assert states_amount("in one of three ways")
    assert not states_amount("approved under Policy AC15 by the Senate")


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant()


def test_an_amount_the_answer_never_states_is_evidence_of_a_near_miss(assistant: Assistant) -> None:
    assert assistant.index.search("how long does the senate take to approve a micro-credential").unstated_amount == 1.0
    assert assistant.index.search("who approves new micro-credentials").unstated_amount == 0.0


def test_an_amount_the_answer_states_is_no_evidence_against_it(assistant: Assistant) -> None:
    ranking = assistant.index.search("how many ways can I import a badge into my wallet")
    assert ranking.hits[0].passage.title == "How do I import a badge into my wallet?"
    assert ranking.unstated_amount == 0.0
