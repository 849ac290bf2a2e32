"""Asked examples: earlier questions, answered or not, as nearest-neighbour evidence for ranking
and abstention."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from faq.answer import CALIBRATED_POLICY, Assistant
from faq.asked import FILE_NAME, AskedMatcher, AskedQuestion, load_asked
from faq.corpus import DEFAULT_DIRS, fingerprint, load_documents, passages_of
from faq.index import Index

EVIDENCE = "can-i-add-evidence-to-a-badge"


@pytest.fixture(scope="module")
def passages() -> list:
    return [p for document in load_documents(DEFAULT_DIRS) for p in passages_of(document)]


def write_asked(folder: Path, records: list[dict]) -> Path:
    path = folder / FILE_NAME
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_examples_load_with_their_section_and_set_and_a_set_can_be_left_out(tmp_path: Path) -> None:
    write_asked(
        tmp_path,
        [
            {"q": "what is a widget", "section": "what-is-a-widget", "set": "dev"},
            {"q": "price of a widget", "section": None, "set": "blind"},
        ],
    )
    assert load_asked([tmp_path]) == [
        AskedQuestion("what is a widget", "what-is-a-widget", "dev"),
        AskedQuestion("price of a widget", None, "blind"),
    ]
    assert load_asked([tmp_path], leave_out=frozenset({"blind"})) == [
        AskedQuestion("what is a widget", "what-is-a-widget", "dev")
    ]
    assert load_asked([tmp_path / "missing"]) == []


def test_a_malformed_example_is_an_error_naming_its_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text('{"q": "fine", "section": null, "set": "dev"}\n{"q": "no section"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=f"{FILE_NAME}:2: expected"):
        load_asked([tmp_path])
    # two examples run together on one line are not taken as two lines' worth
    path.write_text('{"q": "a", "section": null, "set": "d"}, {"q": "b", "section": null, "set": "d"}\n')
    with pytest.raises(ValueError, match=f"{FILE_NAME}:1: expected"):
        load_asked([tmp_path])


def test_matcher_scores_the_nearest_examples_and_votes_per_passage() -> None:
    examples = [frozenset({"widget", "price"}), frozenset({"widget", "colour"}), frozenset({"gadget", "size"})]
    matcher = AskedMatcher(examples, passages=[-1, 0, 1], passage_count=2)
    evidence = matcher.evidence(frozenset({"widget", "price"}))
    assert evidence.nearest_unanswered == pytest.approx(1.0)
    assert 0 < evidence.nearest_answered < 1
    assert evidence.passage_similarity[0] == pytest.approx(evidence.nearest_answered)
    assert evidence.passage_similarity[1] == 0
    # two of the three examples (all there are) are answered ones
    assert evidence.answered_share == pytest.approx(2 / 3)
    assert matcher.evidence(frozenset({"unheard"})).nearest_answered == 0


def test_a_question_like_an_unanswered_example_loses_confidence(passages: list) -> None:
    question = "how much does the marketing micro-credential cost"
    without = Index(passages)
    with_example = Index(passages, [AskedQuestion("how much does a micro-credential cost", None, "t")])
    ranking = with_example.search(question)
    assert ranking.nearest_unanswered > 0.6
    assert CALIBRATED_POLICY.confidence(ranking) < CALIBRATED_POLICY.confidence(without.search(question)) - 0.2


def test_an_answered_example_votes_for_its_section(passages: list) -> None:
    question = "keep my capstone sketches next to the badge"
    assert Index(passages).search(question).hits[0].passage.slug != EVIDENCE
    taught = Index(passages, [AskedQuestion("keep capstone sketches with a badge", EVIDENCE, "t")])
    assert taught.search(question).hits[0].passage.slug == EVIDENCE


def test_an_example_for_a_section_the_corpus_lacks_still_counts_as_answered(passages: list) -> None:
    index = Index(passages, [AskedQuestion("widget colours", "no-such-section", "t")])
    ranking = index.search("widget colours")
    assert ranking.nearest_answered == pytest.approx(1.0)
    assert ranking.nearest_unanswered == 0


def test_editing_the_asked_examples_rebuilds_the_index(tmp_path: Path) -> None:
    (tmp_path / "sample.md").write_text("# Sample\n\n## What is a widget?\n\nA small gadget.\n", encoding="utf-8")
    assistant = Assistant(dirs=[tmp_path])
    before = fingerprint([tmp_path])
    write_asked(tmp_path, [{"q": "price of a widget", "section": None, "set": "dev"}])
    assert fingerprint([tmp_path]) != before
    assert assistant.refresh()
    assert assistant.index.search("price of a widget").nearest_unanswered == pytest.approx(1.0)
