"""Alternate questions: a sidecar of other ways to ask each passage, matched question to question."""

from __future__ import annotations

from pathlib import Path

from faq.alternates import alternates_path, parse_alternates
from faq.answer import Assistant
from faq.corpus import DEFAULT_DIRS, corpus_files, fingerprint, load_documents, passages_of

SIDECAR = """# Other ways to ask: sample.md

A note that is not a question.

## What is a widget?

- widget meaning
- Define a widget

## How do I order one?

* buy a widget
"""


def test_sidecar_lists_alternates_under_the_heading_they_belong_to() -> None:
    assert parse_alternates(SIDECAR) == {
        "What is a widget?": ("widget meaning", "Define a widget"),
        "How do I order one?": ("buy a widget",),
    }


def test_sidecar_is_named_after_its_document_and_is_not_a_document() -> None:
    assert alternates_path(Path("corpus/guide.md")) == Path("corpus/guide.questions.md")
    assert not any(path.name.endswith(".questions.md") for path in corpus_files(DEFAULT_DIRS))


def test_every_shipped_sidecar_heading_names_a_passage_with_6_to_12_alternates() -> None:
    for document in load_documents():
        titles = {passage.title for passage in passages_of(document)}
        assert set(document.alternates) <= titles, document.path
        for passage in passages_of(document):
            assert 6 <= len(passage.alternates) <= 12, passage.title


def test_editing_a_sidecar_rebuilds_the_index(tmp_path: Path) -> None:
    (tmp_path / "sample.md").write_text("# Sample\n\n## What is a widget?\n\nA small gadget.\n", encoding="utf-8")
    assistant = Assistant(dirs=[tmp_path])
    before = fingerprint([tmp_path])
    (tmp_path / "sample.questions.md").write_text(SIDECAR, encoding="utf-8")
    assert fingerprint([tmp_path]) != before
    assert assistant.refresh()
    assert assistant.index.passages[0].alternates == ("widget meaning", "Define a widget")


def test_a_close_paraphrase_of_an_alternate_is_strong_in_scope_evidence() -> None:
    ranking = Assistant().index.search("is there a fast track to approve a micro credential")
    assert ranking.hits[0].passage.title == "Who approves new micro-credentials at KPU?"
    assert ranking.alternate_match == 1.0
