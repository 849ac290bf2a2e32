"""The page bench's floor: a bare Reflex page of 24 static cards, no state, no database.

Registered only when WALLET_BENCH_PAGES=1 (see bench/wallet_page.py), never in a normal run.
"""

from __future__ import annotations

import reflex as rx

BENCH_PAGES_ENV = "WALLET_BENCH_PAGES"
CARD_COUNT = 24


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
    return rx.grid(*(_static_card(number) for number in range(1, CARD_COUNT + 1)), columns="3", spacing="3")
