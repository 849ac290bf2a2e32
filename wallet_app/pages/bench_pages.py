"""The page bench's reference pages (bench/wallet_page.py); registered only when WALLET_BENCH_PAGES=1.

- static cards: a bare page of 24 static cards, no state: the framework's floor;
- state cards: 24 wallet badge cards filled by an on_load event with no database work, i.e. the
  floor plus Reflex's websocket hydration, for telling framework time from the wallet's own.
"""

from __future__ import annotations

import reflex as rx

from wallet_app.components.badge_card import badge_card
from wallet_app.pages.wallet_state import PAGE_SIZE, summary_row
from wallet_app.services.badges import BadgeSummary


def _static_card(number: int) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.center(rx.icon("award", size=36, aria_hidden="true"), width="72px", height="72px"),
            rx.flex(
                rx.heading(f"Static badge {number}", as_="h3", size="3"),
                rx.text("Bench Institute", size="2", color_scheme="gray"),
                rx.badge("Verified", color_scheme="green", variant="soft"),
                direction="column",
                gap="var(--space-1)",
            ),
            gap="var(--space-3)",
        ),
        data_testid="badge-card",
    )


def static_cards_page() -> rx.Component:
    return rx.grid(*(_static_card(number) for number in range(1, PAGE_SIZE + 1)), columns="3", spacing="3")


class StateCardsState(rx.State):
    """Fixed card rows, set on load like the wallet's, without sign-in or queries."""

    items: list[dict[str, str]] = []

    @rx.event
    def load(self) -> None:
        self.items = [
            summary_row(
                BadgeSummary(number, f"State badge {number}", "Bench Institute", "", "verified", "Verified", False)
            )
            for number in range(1, PAGE_SIZE + 1)
        ]


def state_cards_page() -> rx.Component:
    return rx.grid(rx.foreach(StateCardsState.items, badge_card), columns="3", spacing="3")
