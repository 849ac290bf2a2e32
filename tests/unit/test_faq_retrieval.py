"""FAQ retrieval and answers on the shipped corpus: known questions, abstention, reload, CLI."""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from faq.__main__ import format_answer, main, serve_jsonl
from faq.answer import ANSWER_MAX_CHARS, UNSURE_NOTE, Assistant, source_url
from faq.corpus import GUIDANCE_DIR, HELP_DIR
from faq.index import Index


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant()


@pytest.mark.parametrize(
    ("question", "expected_title"),
    [
        ("what is a micro-credential", "What are micro-credentials?"),
        ("who approves new microcredentials", "Who approves new micro-credentials at KPU?"),
        ("Policy AC15", "Who approves new micro-credentials at KPU?"),
        ("BC framework", "Which framework are KPU's micro-credentials aligned with?"),
        ("what info is inside an open badge", "What information is contained within open badges?"),
        ("is a badge like a parchment", "What is the relationship of an open badge to a micro-credential?"),
        (
            "who looks after the open badges standard now",
            "Who regulates the international technical standards for open badges?",
        ),
        ("how do I import a badge", "How do I import a badge into my wallet?"),
    ],
)
def test_known_questions_find_their_passage(assistant: Assistant, question: str, expected_title: str) -> None:
    answer = assistant.answer(question)
    assert not answer.abstain
    assert answer.passages[0].passage.title == expected_title


def test_typos_and_split_spellings_still_find_the_answer(assistant: Assistant) -> None:
    for question in ["who aproves micro credentails", "wat is in an opne badge metdata"]:
        answer = assistant.answer(question)
        assert not answer.abstain, question
        assert answer.passages[0].passage.title.startswith(("Who approves", "What information")), question


def test_synonyms_reach_words_the_guidance_does_not_use(assistant: Assistant) -> None:
    answer = assistant.answer("what are the benefits for companies")
    assert "up-skill their current employees" in answer.text


def test_answer_is_the_passage_or_its_best_paragraph_with_source_and_follow_ups(assistant: Assistant) -> None:
    short = assistant.answer("who approves new micro-credentials")
    assert short.text.startswith("New micro-credentials at KPU are approved by the Senate")
    assert short.source is not None
    assert short.source.url == "/faq/source#who-approves-new-micro-credentials-at-kpu"
    assert short.source.passage.label == "KPU micro-credentials guidance"
    assert 2 <= len(short.follow_ups) <= 3
    assert short.source.passage.title not in short.follow_ups

    long = assistant.answer("can micro-credentials help community organizations")
    assert long.text.startswith("Supporting Communities:")
    assert len(long.text) <= ANSWER_MAX_CHARS


def test_a_lead_in_answer_lists_the_points_it_introduces(assistant: Assistant) -> None:
    answer = assistant.answer("what is the value of micro-credentials")
    lines = answer.text.splitlines()
    assert lines[0].startswith("There are many different ways in which micro-credentials can add value")
    assert "- Supporting Business/Industry" in lines
    assert len(lines) == 7


def test_employer_questions_reach_the_business_paragraph(assistant: Assistant) -> None:
    for question in ["how do micro-credentials help employers", "what do micro-credentials offer employers"]:
        assert assistant.answer(question).text.startswith("Supporting Business/Industry:"), question


def test_a_synonym_group_counts_once_however_many_of_its_terms_a_passage_uses(assistant: Assistant) -> None:
    index = assistant.index
    query = index.analyze("is the badge like a diploma")
    group_terms = {term for group, _ in query.synonyms for term in group}
    assert {"parchment", "degre", "bachelor"} <= group_terms
    assert not group_terms & query.weights.keys()
    answer = assistant.answer("is the badge like a diploma")
    assert answer.passages[0].passage.title == "What is the relationship of an open badge to a micro-credential?"


def test_naming_the_corpus_subject_is_evidence_of_scope(assistant: Assistant) -> None:
    assert assistant.index.search("do micro credentials expire").subject == 1.0
    assert assistant.index.search("how much does a micro loan cost").subject == 0.0


def test_naming_the_subject_in_other_words_counts_as_naming_it(assistant: Assistant) -> None:
    """An abbreviation ("microcred") or a synonym ("certs") of the subject names it too."""
    for question in ("wut even is a microcred", "what is a micro cred", "do these certs count for credit"):
        ranking = assistant.index.search(question)
        assert ranking.subject == 1.0, question
        assert ranking.hits[0].passage.title == "What are micro-credentials?", question


def test_a_modifier_that_only_appears_beside_the_subject_does_not_name_it(assistant: Assistant) -> None:
    assert "open" not in assistant.index._subject_terms
    assert assistant.index.search("what are the library opening hours").subject == 0.0
    assert assistant.index.search("what is in an open badge").subject == 1.0


def test_a_word_the_guidance_never_uses_is_evidence_of_a_near_miss(assistant: Assistant) -> None:
    assert assistant.index.search("where do I park at the Surrey campus").unknown_word == 1.0
    assert assistant.index.search("who approves new micro-credentials").unknown_word == 0.0
    assert assistant.answer("how much is tuition for a bachelor's degree at KPU").abstain


def test_an_unfamiliar_hyphenated_word_counts_as_its_parts(assistant: Assistant) -> None:
    query = assistant.index.analyze("are they only non-credit")
    assert {"non", "credit"} <= query.weights.keys()
    assert "noncredit" not in query.weights
    assert assistant.index.search("are they only non-credit").unknown_word == 0.0


def test_conversational_filler_is_not_taken_for_an_unknown_topic(assistant: Assistant) -> None:
    ranking = assistant.index.search("hi, quick question: I heard about micro-credentials, what are they?")
    assert ranking.unknown_word == 0.0
    assert ranking.hits[0].passage.title == "What are micro-credentials?"


def test_naming_the_institution_the_guidance_is_about_does_not_pick_the_passage(assistant: Assistant) -> None:
    """Every passage of the KPU guidance is about KPU, so "KPU" in a question does not pull the
    answer to the passages whose headings happen to say it."""
    answer = assistant.answer("do KPU's micro-credentials count toward a degree later")
    assert answer.passages[0].passage.title == "What are micro-credentials?"


def test_a_misspelt_filler_word_is_dropped_not_counted_as_unknown(assistant: Assistant) -> None:
    query = assistant.index.analyze("plese explian what a microcredential is")
    assert set(query.weights) == {"microcredenti", "what"}
    assert not assistant.answer("plese explian what a microcredential is").abstain


def test_a_synonym_phrase_matches_however_its_words_are_joined(assistant: Assistant) -> None:
    query = assistant.index.analyze("who gives the sign-off")
    assert any("approv" in group for group, _ in query.synonyms)


def test_wallet_help_answers_are_labelled_as_wallet_help(assistant: Assistant) -> None:
    answer = assistant.answer("how do I share my badge with an employer")
    assert answer.source is not None
    assert answer.source.passage.label == "Wallet help"


@pytest.mark.parametrize(
    "question",
    ["what's the weather in Surrey tomorrow", "recipe for lasagna", "who won the hockey game", "", "   ?!  "],
)
def test_out_of_scope_questions_abstain_and_suggest_what_to_ask(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question)
    assert answer.abstain
    assert answer.source is None
    assert answer.text.startswith("I can only answer questions about micro-credentials and this wallet; try")
    assert "What are micro-credentials?" in answer.text
    assert answer.follow_ups


def test_json_format_is_stable(assistant: Assistant) -> None:
    data = assistant.answer("who regulates open badge standards").to_json()
    assert set(data) == {"answer", "passages", "abstain"}
    assert data["abstain"] is False
    first = data["passages"][0]
    assert set(first) == {"text", "title", "score"}
    assert first["title"] == "Who regulates the international technical standards for open badges?"
    assert "IMS Global" in first["text"]
    scores = [p["score"] for p in data["passages"]]
    assert scores == sorted(scores, reverse=True)


def test_jsonl_mode_answers_each_line_and_reports_bad_lines(assistant: Assistant) -> None:
    lines = io.StringIO('{"q": "what is a micro-credential"}\n\nnot json\n{"q": "pizza dough recipe"}\n')
    out = io.StringIO()
    serve_jsonl(assistant, lines, out)
    replies = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(replies) == 3
    assert replies[0]["abstain"] is False
    assert "error" in replies[1]
    assert replies[2]["abstain"] is True


def test_cli_prints_answer_with_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who approves micro-credentials"]) == 0
    printed = capsys.readouterr().out
    assert "Senate Micro-credentials Committee" in printed
    assert "Source: KPU micro-credentials guidance" in printed


def test_cli_needs_a_question_or_jsonl() -> None:
    with pytest.raises(SystemExit):
        main(["ask"])


def test_a_weakly_supported_answer_says_the_guidance_may_not_answer_it(assistant: Assistant) -> None:
    """A near-miss the policy does not refuse (its confidence set between the threshold and
    `sure_at`) is answered with its closest passage, flagged unsure; a question the guidance
    plainly answers is not."""
    question = "which micro-credentials are offered online this fall"
    confidence = assistant.policy.confidence(assistant.index.search(question))
    lenient = replace(assistant.policy, threshold=confidence - 0.05, sure_at=confidence + 0.05)
    near_miss = Assistant(policy=lenient).answer(question)
    assert not near_miss.abstain and near_miss.unsure
    assert format_answer(near_miss).startswith(UNSURE_NOTE)
    assert "abstain" in near_miss.to_json() and "unsure" not in near_miss.to_json()
    for question in ("who approves new micro-credentials", "what is in an open badge", "how do I import a badge"):
        answer = assistant.answer(question)
        assert not answer.unsure, question
        assert not format_answer(answer).startswith(UNSURE_NOTE)


def test_format_answer_lists_follow_ups(assistant: Assistant) -> None:
    text = format_answer(assistant.answer("what is in an open badge"))
    assert "You could also ask:" in text


def test_corpus_change_rebuilds_the_index(tmp_path: Path) -> None:
    guidance, help_dir = tmp_path / "corpus", tmp_path / "help"
    shutil.copytree(GUIDANCE_DIR, guidance)
    shutil.copytree(HELP_DIR, help_dir)
    assistant = Assistant([guidance, help_dir])
    question = "when does the rowing club practise"
    assert assistant.answer(question).abstain
    assert assistant.refresh() is False

    (guidance / "rowing.md").write_text(
        "# Rowing club\n\n## When does the rowing club practise?\n\nThe rowing club practises at dawn on Tuesdays.\n",
        encoding="utf-8",
    )
    answer = assistant.answer(question)
    assert not answer.abstain
    assert answer.source is not None
    assert answer.text == "The rowing club practises at dawn on Tuesdays."
    assert answer.source.passage.label == "Rowing club"

    (guidance / "rowing.md").unlink()
    assert assistant.refresh() is True
    assert assistant.answer(question).abstain


def test_an_empty_corpus_is_refused_with_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no passages"):
        Index([])


def test_source_url_points_at_the_public_source_view() -> None:
    assert source_url("what-are-micro-credentials") == "/faq/source#what-are-micro-credentials"
