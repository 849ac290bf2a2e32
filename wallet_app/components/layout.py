"""Page frame: skip link, navigation that knows who is signed in, main landmark, footer."""

from __future__ import annotations

import reflex as rx

from wallet_app import routes
from wallet_app.components.native_form import native_form
from wallet_app.state.session import SessionState


def post_button(label: str, action: str, **button_props) -> rx.Component:
    """A button that submits a plain HTML POST form (sign-out must not be a GET link)."""
    return native_form(
        rx.button(label, type="submit", **button_props),
        action=action,
        method="post",
    )


def link_button(label: str, href: str, **button_props) -> rx.Component:
    """A link that looks like a button (one interactive element, not a button inside a link)."""
    return rx.button(rx.el.a(label, href=href), as_child=True, **button_props)


def _nav_link(label: str, href: str) -> rx.Component:
    return rx.link(label, href=href, size="3", weight="medium")


def navbar() -> rx.Component:
    return rx.el.header(
        rx.flex(
            rx.link(
                rx.hstack(
                    rx.icon("award", aria_hidden="true"),
                    rx.text("Badge Wallet", size="5", weight="bold"),
                    align="center",
                ),
                href=routes.HOME,
                underline="none",
                aria_label="Badge Wallet home",
            ),
            rx.el.nav(
                rx.flex(
                    _nav_link("Ask the FAQ", routes.FAQ),
                    rx.cond(
                        SessionState.signed_in,
                        rx.fragment(
                            _nav_link("My wallet", routes.WALLET),
                            _nav_link("Profile", routes.PROFILE),
                            post_button("Sign out", routes.API_SIGN_OUT, variant="soft", size="2"),
                        ),
                        rx.fragment(
                            _nav_link("Sign in", routes.SIGN_IN),
                            link_button("Create account", routes.REGISTER, size="2"),
                        ),
                    ),
                    gap="var(--space-4)",
                    align="center",
                    wrap="wrap",
                ),
                aria_label="Main",
            ),
            justify="between",
            align="center",
            wrap="wrap",
            gap="var(--space-3)",
            padding_y="var(--space-3)",
        ),
        border_bottom="1px solid var(--gray-a5)",
        padding_x="var(--space-4)",
    )


def page_layout(*children: rx.Component, title: str | rx.Var[str]) -> rx.Component:
    """Wrap a page's content; ``title`` becomes its single h1."""
    return rx.box(
        rx.link("Skip to content", href="#main", class_name="skip-link"),
        navbar(),
        rx.el.main(
            rx.container(
                rx.heading(title, as_="h1", size="8", margin_bottom="var(--space-4)"),
                *children,
                size="3",
                padding_y="var(--space-6)",
            ),
            id="main",
            tab_index=-1,
        ),
        rx.el.footer(
            rx.text(
                "Badge Wallet keeps your Open Badges and checks them against the Open Badges 2.0 and 3.0 standards.",
                size="2",
                color_scheme="gray",
            ),
            padding="var(--space-4)",
            border_top="1px solid var(--gray-a5)",
        ),
        min_height="100vh",
    )


def error_callout(message: rx.Var[str]) -> rx.Component:
    """An alert region so screen readers announce the error as soon as it appears."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle_alert", color_scheme="red", role="alert", margin_bottom="var(--space-4)"),
    )


def notice_callout(message: rx.Var[str]) -> rx.Component:
    return rx.cond(
        message != "",
        rx.callout(message, icon="info", color_scheme="green", role="status", margin_bottom="var(--space-4)"),
    )


def labelled_input(label: str, name: str, **input_props) -> rx.Component:
    """An input with a visible label tied to it by id."""
    input_id = f"field-{name}"
    return rx.flex(
        rx.el.label(label, html_for=input_id, font_weight="500"),
        rx.input(id=input_id, name=name, size="3", **input_props),
        direction="column",
        gap="var(--space-1)",
        width="100%",
    )
