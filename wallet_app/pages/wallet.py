"""The learner's wallet: the "Add a badge" panel and a paged, searchable grid of badges."""

from __future__ import annotations

import reflex as rx

from wallet_app import routes
from wallet_app.components.badge_card import badge_card
from wallet_app.components.layout import error_callout, page_layout
from wallet_app.pages.wallet_import import ADD_BADGE_PANEL_ID, add_badge_panel
from wallet_app.pages.wallet_state import ALL_ISSUERS, SORTS, STATUS_FILTERS, WalletState
from wallet_app.state.session import SessionState


def _empty_wallet() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.icon("inbox", size=40, aria_hidden="true"),
            rx.heading("Your wallet is empty", as_="h2", size="5"),
            rx.text(
                "When you earn a badge, your institution emails you a link or a badge image. Add it with "
                "“Add a badge” above: paste the badge's web address, upload the badge image (PNG or SVG) or its "
                "file (.json, .jws, .jwt), or paste its text. The wallet checks every badge against the Open "
                "Badges standards and shows you what it says."
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


def _labelled_select(label: str, select_id: str, options, value, on_change) -> rx.Component:
    return rx.flex(
        rx.el.label(label, html_for=select_id, font_weight="500", font_size="var(--font-size-2)"),
        rx.el.select(
            *options,
            id=select_id,
            value=value,
            on_change=on_change,
            style={"padding": "0.45rem", "borderRadius": "var(--radius-2)", "minWidth": "11rem"},
        ),
        direction="column",
        gap="var(--space-1)",
    )


def _filters() -> rx.Component:
    return rx.flex(
        rx.flex(
            rx.el.label(
                "Search your badges", html_for="badge-search", font_weight="500", font_size="var(--font-size-2)"
            ),
            rx.input(
                id="badge-search",
                type="search",
                placeholder="Name, issuer or description",
                value=WalletState.query,
                on_change=WalletState.set_query.debounce(300),
                max_length=200,
                size="2",
            ),
            direction="column",
            gap="var(--space-1)",
            flex_grow="1",
            min_width="14rem",
        ),
        _labelled_select(
            "Status",
            "status-filter",
            [rx.el.option(label, value=value) for value, label in STATUS_FILTERS],
            WalletState.status_filter,
            WalletState.set_status_filter,
        ),
        _labelled_select(
            "Issuer",
            "issuer-filter",
            [
                rx.el.option("All issuers", value=ALL_ISSUERS),
                rx.foreach(WalletState.issuers, lambda name: rx.el.option(name, value=name)),
            ],
            WalletState.issuer_filter,
            WalletState.set_issuer_filter,
        ),
        _labelled_select(
            "Sort",
            "sort-order",
            [rx.el.option(label, value=value) for value, label in SORTS],
            WalletState.sort,
            WalletState.set_sort,
        ),
        gap="var(--space-3)",
        wrap="wrap",
        align="end",
        margin_bottom="var(--space-4)",
        role="search",
    )


def _pager() -> rx.Component:
    return rx.flex(
        rx.text(WalletState.range_label, size="2", aria_live="polite"),
        rx.flex(
            rx.button(
                "Previous", on_click=WalletState.previous_page, disabled=~WalletState.has_previous, variant="soft"
            ),
            rx.button("Next", on_click=WalletState.next_page, disabled=~WalletState.has_next, variant="soft"),
            gap="var(--space-2)",
        ),
        justify="between",
        align="center",
        margin_top="var(--space-4)",
        wrap="wrap",
        gap="var(--space-2)",
    )


def _badge_grid() -> rx.Component:
    return rx.cond(
        WalletState.total > 0,
        rx.fragment(
            rx.grid(
                rx.foreach(WalletState.items, badge_card),
                columns=rx.breakpoints(initial="1", sm="2", md="3"),
                spacing="3",
            ),
            _pager(),
        ),
        rx.cond(
            WalletState.filtered,
            rx.callout("No badges match these filters. Clear the search or choose “All”.", icon="search-x"),
            rx.cond(WalletState.loaded, _empty_wallet()),
        ),
    )


def _add_badge_toggle() -> rx.Component:
    return rx.button(
        rx.icon("plus", size=16, aria_hidden="true"),
        "Add a badge",
        on_click=WalletState.toggle_adding,
        variant=rx.cond(WalletState.adding, "soft", "solid"),
        aria_expanded=rx.cond(WalletState.adding, "true", "false"),
        aria_controls=ADD_BADGE_PANEL_ID,
    )


def wallet_page() -> rx.Component:
    return page_layout(
        rx.flex(
            rx.text("Signed in as ", rx.text.strong(SessionState.user_name)),
            _add_badge_toggle(),
            justify="between",
            align="center",
            wrap="wrap",
            gap="var(--space-2)",
            margin_bottom="var(--space-3)",
        ),
        error_callout(WalletState.error_message),
        rx.cond(WalletState.adding, add_badge_panel()),
        rx.heading("Your badges", as_="h2", size="6", margin_y="var(--space-4)"),
        _filters(),
        _badge_grid(),
        title="My wallet",
    )
