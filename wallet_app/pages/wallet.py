"""The learner's wallet: their badges, or an empty state explaining how to add the first one."""

from __future__ import annotations

import reflex as rx

from wallet_app import routes
from wallet_app.components.layout import page_layout
from wallet_app.state.session import SessionState


def _empty_wallet() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.icon("inbox", size=40, aria_hidden="true"),
            rx.heading("Your wallet is empty", as_="h2", size="5"),
            rx.text(
                "When you earn a badge, your institution emails you a link or a badge image. Add it here with "
                "“Add a badge”: paste the badge's web address, upload the badge image (PNG or SVG) or its file "
                "(.json, .jws, .jwt), or paste its text. The wallet checks every badge against the Open Badges "
                "standards and shows you what it says."
            ),
            rx.text(
                "Badges issued to another email you have used? Add that address in your ",
                rx.link("profile", href=routes.PROFILE),
                " so they are recognised as yours.",
            ),
            spacing="3",
            align="start",
        ),
        data_testid="empty-wallet",
    )


def wallet_page() -> rx.Component:
    return page_layout(
        rx.text("Signed in as ", rx.text.strong(SessionState.user_name), margin_bottom="4"),
        _empty_wallet(),
        title="My wallet",
    )
