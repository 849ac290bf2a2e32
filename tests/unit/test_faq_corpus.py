"""FAQ corpus: Markdown is cut at headings, questions keep their answers, anchors are stable."""

from __future__ import annotations

from pathlib import Path

from faq.corpus import DEFAULT_DIRS, load_documents, parse_document, passages_of, plain_text

SAMPLE = """---
label: Sample guidance
---

# Sample

A preamble that is not an answer.

## What is a widget?

A widget is **small**.

It has [two](https://example.org) parts.

## Frequently-asked Questions

### What is a widget?

Asked twice on purpose.
"""


def test_each_heading_with_text_is_a_passage_keeping_question_and_answer() -> None:
    document = parse_document(Path("sample.md"), SAMPLE, set())
    passages = passages_of(document)
    assert [p.title for p in passages] == ["What is a widget?", "What is a widget?"]
    first = passages[0]
    assert first.paragraphs == ("A widget is small.", "It has two parts.")
    assert first.text == "What is a widget?\n\nA widget is small.\n\nIt has two parts."
    assert first.label == "Sample guidance"


def test_preamble_and_empty_section_headings_are_not_passages() -> None:
    document = parse_document(Path("sample.md"), SAMPLE, set())
    bodies = " ".join(p.body for p in passages_of(document))
    assert "preamble" not in bodies
    assert [s.title for s in document.sections][:2] == ["Sample", "What is a widget?"]


def test_slugs_are_unique_across_documents() -> None:
    taken: set[str] = set()
    first = parse_document(Path("a.md"), SAMPLE, taken)
    second = parse_document(Path("b.md"), SAMPLE, taken)
    slugs = [p.slug for p in passages_of(first) + passages_of(second)]
    assert slugs[0] == "what-is-a-widget"
    assert len(set(slugs)) == len(slugs)


def test_label_defaults_to_the_document_title() -> None:
    document = parse_document(Path("x.md"), "# Help\n\n## How?\n\nLike this.\n", set())
    assert document.label == "Help"


def test_plain_text_drops_markup_but_keeps_words() -> None:
    assert plain_text("**Bold:** see [the FAQ](#faq) and _this_\n- item") == "Bold: see the FAQ and this\nitem"


def test_shipped_corpus_is_the_kpu_guidance_plus_labelled_wallet_help() -> None:
    documents = load_documents(DEFAULT_DIRS)
    labels = {d.label for d in documents}
    assert labels == {"KPU micro-credentials guidance", "Wallet help"}
    passages = [p for d in documents for p in passages_of(d)]
    guidance = [p for p in passages if p.label != "Wallet help"]
    assert len(guidance) == 8
    value = next(p for p in guidance if p.title.startswith("What is the value"))
    assert len(value.paragraphs) == 7
    assert len(value.text) < 2500
    assert all(p.paragraphs for p in passages)


def test_front_matter_sets_label_and_prior_and_skips_comments() -> None:
    text = "---\nlabel: Help\n# prior: 9 would be a comment\nprior: 0.5\n---\n# H\n\n## Q?\n\nA.\n"
    document = parse_document(Path("h.md"), text, set())
    assert (document.label, document.prior) == ("Help", 0.5)
    assert passages_of(document)[0].prior == 0.5


def test_a_passage_carries_its_document_title_as_context() -> None:
    document = parse_document(Path("sample.md"), SAMPLE, set())
    assert {p.context for p in passages_of(document)} == {"Sample"}
