"""Sign-in and registration: plain HTML forms posting to the Starlette routes in api.py."""

from __future__ import annotations

import reflex as rx

from wallet_app import routes
from wallet_app.components.layout import error_callout, labelled_input, page_layout
from wallet_app.components.native_form import native_form
from wallet_app.services.accounts import MIN_PASSWORD_LENGTH, message_for_code
from wallet_app.state.session import SessionState


class AuthPageState(SessionState):
    """Reads the error code and return path from the query string; never echoes free text."""

    error_message: str = ""
    next_path: str = ""

    @rx.event
    def load(self):
        params = self.router.url.query_parameters
        self.error_message = message_for_code(params.get("error", ""))
        self.next_path = routes.safe_next_path(params.get("next"))
        if self._refresh_user() is not None:
            return rx.redirect(self.next_path)
        return None


def _auth_card(action: str, submit_label: str, *fields: rx.Component, footer: rx.Component) -> rx.Component:
    """A plain HTML form posting ``fields`` to ``action``, with the error from the last attempt."""
    return rx.card(
        error_callout(AuthPageState.error_message),
        native_form(
            rx.vstack(*fields, rx.button(submit_label, type="submit", size="3", width="100%"), spacing="4"),
            action=action,
            method="post",
        ),
        rx.text(footer, margin_top="var(--space-4)"),
        max_width="28rem",
    )


def sign_in_page() -> rx.Component:
    return page_layout(
        _auth_card(
            routes.API_SIGN_IN,
            "Sign in",
            labelled_input("Email", "email", type="email", auto_complete="username", required=True),
            labelled_input("Password", "password", type="password", auto_complete="current-password", required=True),
            rx.el.input(type="hidden", name="next", value=AuthPageState.next_path),
            footer=rx.fragment("New here? ", rx.link("Create an account", href=routes.REGISTER)),
        ),
        title="Sign in",
    )


def register_page() -> rx.Component:
    return page_layout(
        _auth_card(
            routes.API_REGISTER,
            "Create account",
            labelled_input("Your name", "display_name", auto_complete="name", required=True, max_length=120),
            labelled_input("Email", "email", type="email", auto_complete="email", required=True),
            labelled_input(
                f"Password (at least {MIN_PASSWORD_LENGTH} characters)",
                "password",
                type="password",
                auto_complete="new-password",
                required=True,
                min_length=MIN_PASSWORD_LENGTH,
            ),
            labelled_input(
                "Password again", "password_again", type="password", auto_complete="new-password", required=True
            ),
            footer=rx.fragment("Already have an account? ", rx.link("Sign in", href=routes.SIGN_IN)),
        ),
        title="Create your wallet",
    )
