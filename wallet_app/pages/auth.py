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


def _submit(label: str) -> rx.Component:
    return rx.button(label, type="submit", size="3", width="100%")


def sign_in_page() -> rx.Component:
    return page_layout(
        rx.card(
            error_callout(AuthPageState.error_message),
            native_form(
                rx.vstack(
                    labelled_input("Email", "email", type="email", auto_complete="username", required=True),
                    labelled_input(
                        "Password", "password", type="password", auto_complete="current-password", required=True
                    ),
                    rx.el.input(type="hidden", name="next", value=AuthPageState.next_path),
                    _submit("Sign in"),
                    spacing="4",
                ),
                action=routes.API_SIGN_IN,
                method="post",
            ),
            rx.text("New here? ", rx.link("Create an account", href=routes.REGISTER), margin_top="var(--space-4)"),
            max_width="28rem",
        ),
        title="Sign in",
    )


def register_page() -> rx.Component:
    return page_layout(
        rx.card(
            error_callout(AuthPageState.error_message),
            native_form(
                rx.vstack(
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
                    _submit("Create account"),
                    spacing="4",
                ),
                action=routes.API_REGISTER,
                method="post",
            ),
            rx.text("Already have an account? ", rx.link("Sign in", href=routes.SIGN_IN), margin_top="var(--space-4)"),
            max_width="28rem",
        ),
        title="Create your wallet",
    )
