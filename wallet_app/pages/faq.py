"""Public FAQ chat about micro-credentials and this wallet, and the source view its links open.

Answers come from `faq/` through `services.faq`; the state keeps only the visitor's own
conversation as display strings. Corpus and answer text is shown as plain text, and the
source view renders the corpus Markdown with raw HTML switched off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import reflex as rx

from wallet_app.components.layout import labelled_input, page_layout
from wallet_app.components.safe_text import safe_markdown
from wallet_app.services import faq as faq_service

# A visitor's conversation is capped so a long session cannot grow the state without bound.
MAX_EXCHANGES = 30


@dataclass
class Exchange:
    """One question and what the assistant answered, as the page shows it."""

    question: str = ""
    answer: str = ""
    abstain: bool = False
    unsure_note: str = ""
    title: str = ""
    label: str = ""
    url: str = ""
    follow_ups: list[str] = field(default_factory=list)


class FaqState(rx.State):
    exchanges: list[Exchange] = []

    @rx.var
    def suggestions(self) -> list[str]:
        return faq_service.suggestions()

    def _ask(self, question: str) -> None:
        if not question.strip():
            return
        exchange = Exchange(**faq_service.ask(question))
        self.exchanges = [*self.exchanges, exchange][-MAX_EXCHANGES:]

    @rx.event
    def ask_typed(self, form_data: dict) -> None:
        self._ask(str(form_data.get("question", "")))

    @rx.event
    def ask_suggested(self, question: str) -> None:
        self._ask(question)

    @rx.event
    def clear(self) -> None:
        self.exchanges = []


def _question_button(question: rx.Var[str]) -> rx.Component:
    return rx.button(
        question,
        on_click=FaqState.ask_suggested(question),
        variant="soft",
        size="2",
        white_space="normal",
        height="auto",
        flex_shrink="1",
        max_width="100%",
        padding_y="var(--space-2)",
        text_align="left",
    )


def _source(exchange: rx.Var[Exchange]) -> rx.Component:
    return rx.text(
        "Source: ",
        exchange.label,
        ", ",
        rx.link(exchange.title, href=exchange.url, class_name="faq-source-link"),
        size="2",
        color_scheme="gray",
    )


def _exchange(exchange: rx.Var[Exchange]) -> rx.Component:
    return rx.el.article(
        rx.text(rx.text.strong("You asked: "), exchange.question, size="3", class_name="faq-question"),
        rx.card(
            rx.vstack(
                rx.cond(
                    exchange.unsure_note != "",
                    rx.callout(exchange.unsure_note, icon="circle-help", color_scheme="amber", size="1", width="100%"),
                ),
                rx.text(exchange.answer, size="3", white_space="pre-line", class_name="faq-answer"),
                rx.cond(exchange.abstain, rx.fragment(), _source(exchange)),
                rx.cond(
                    exchange.follow_ups.length() > 0,
                    rx.vstack(
                        rx.text(rx.cond(exchange.abstain, "Try asking:", "Related questions:"), size="2"),
                        rx.flex(rx.foreach(exchange.follow_ups, _question_button), gap="var(--space-2)", wrap="wrap"),
                        spacing="1",
                    ),
                ),
                spacing="3",
            ),
            class_name=rx.cond(exchange.abstain, "faq-exchange faq-abstain", "faq-exchange"),
        ),
        aria_label=exchange.question,
        margin_bottom="var(--space-4)",
    )


def _question_form() -> rx.Component:
    return rx.form(
        rx.flex(
            labelled_input(
                "Your question",
                "question",
                placeholder="e.g. Who approves new micro-credentials?",
                max_length=faq_service.MAX_QUESTION_CHARS,
                auto_complete="off",
            ),
            rx.button("Ask", type="submit", size="3"),
            gap="var(--space-2)",
            align="end",
        ),
        on_submit=FaqState.ask_typed,
        reset_on_submit=True,
        margin_y="var(--space-4)",
    )


def faq_page() -> rx.Component:
    return page_layout(
        rx.text(
            "Ask about micro-credentials and open badges. Answers are taken from Kwantlen Polytechnic "
            "University's micro-credentials guidance, or from this wallet's own help, and always name "
            "their source. No sign-in needed.",
            size="3",
        ),
        rx.el.section(
            rx.heading(
                "Suggested questions", as_="h2", size="4", margin_top="var(--space-4)", margin_bottom="var(--space-2)"
            ),
            rx.flex(rx.foreach(FaqState.suggestions, _question_button), gap="var(--space-2)", wrap="wrap"),
            aria_label="Suggested questions",
        ),
        _question_form(),
        rx.el.section(
            rx.cond(FaqState.exchanges.length() > 0, rx.heading("Conversation", as_="h2", size="4")),
            rx.foreach(FaqState.exchanges, _exchange),
            role="log",
            aria_live="polite",
            aria_label="Conversation",
            id="faq-conversation",
        ),
        rx.cond(
            FaqState.exchanges.length() > 0,
            rx.button("Clear conversation", on_click=FaqState.clear, variant="outline", size="2"),
        ),
        title="Ask about micro-credentials",
    )


def _source_section(section: dict) -> rx.Component:
    heading_level = "h3" if section["level"] <= 2 else "h4"
    return rx.el.section(
        rx.heading(section["title"], as_=heading_level, size="5" if heading_level == "h3" else "4", id=section["slug"]),
        safe_markdown(section["markdown"]),
        margin_bottom="var(--space-4)",
    )


def faq_source_page() -> rx.Component:
    """The guidance and help the assistant answers from, with an anchor on every heading.

    Rendered when the app is built, so the browser can scroll to `#anchor` on arrival."""
    documents = faq_service.source_documents()
    return page_layout(
        *[
            rx.el.section(
                rx.heading(document["title"], as_="h2", size="6", margin_top="var(--space-5)"),
                rx.text(f"Source: {document['label']}", size="2", color_scheme="gray"),
                safe_markdown(document["preamble"]),
                *[_source_section(section) for section in document["sections"]],
            )
            for document in documents
        ],
        title="FAQ sources",
    )
