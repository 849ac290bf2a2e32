"""The signed-in learner, re-checked against the database on every event.

The session token is read from the HttpOnly cookie the browser sent when it opened the
websocket; Reflex's own client token is never used for identity.
"""

from __future__ import annotations

import functools
import inspect
from http.cookies import CookieError, SimpleCookie

import reflex as rx

from wallet_app import routes
from wallet_app.api import SESSION_COOKIE
from wallet_app.db import session_scope
from wallet_app.services import accounts
from wallet_app.services.accounts import UserView
from wallet_app.services.errors import AuthenticationRequired, ServiceError


class SessionState(rx.State):
    """Shared by every page: who is signed in, for the navigation bar."""

    user_name: str = ""
    user_email: str = ""

    def _session_token(self) -> str | None:
        cookie = SimpleCookie()
        try:
            cookie.load(self.router.headers.cookie or "")
        except CookieError:
            return None
        morsel = cookie.get(SESSION_COOKIE)
        return morsel.value if morsel else None

    def _current_user(self) -> UserView | None:
        with session_scope() as db:
            return accounts.current_user(db, self._session_token())

    def _require_user(self) -> UserView:
        """The signed-in user, or AuthenticationRequired; call at the top of every handler."""
        user = self._refresh_user()
        if user is None:
            raise AuthenticationRequired()
        return user

    @rx.var
    def signed_in(self) -> bool:
        return bool(self.user_email)

    def _refresh_user(self) -> UserView | None:
        user = self._current_user()
        self.user_name = user.display_name if user else ""
        self.user_email = user.email if user else ""
        return user

    @rx.event
    def load_user(self) -> None:
        """Public pages: show the user in the navigation if signed in."""
        self._refresh_user()

    @rx.event
    def require_user(self):
        """Protected pages' on_load: send a signed-out visitor to sign in, then back here."""
        if self._refresh_user() is None:
            return rx.redirect(routes.sign_in_url(self.router.url.path or routes.WALLET, "signed-out"))
        return None


def service_action(handler):
    """Turn a handler's service errors into what the learner sees.

    The handler calls ``self._require_user()`` itself; a lost session sends the learner to sign
    in, a ServiceError lands in the page state's ``error_message`` with nothing half-done.
    Works for plain and async handlers.
    """

    def outcome_of_error(self, error: ServiceError):
        if isinstance(error, AuthenticationRequired):
            return rx.redirect(routes.sign_in_url(self.router.url.path, "signed-out"))
        self.error_message = str(error)
        return None

    def clear_messages(self) -> None:
        self.error_message = ""
        self.notice_message = ""

    if inspect.iscoroutinefunction(handler):

        @functools.wraps(handler)
        async def run_async_with_errors_shown(self, *args, **kwargs):
            clear_messages(self)
            try:
                return await handler(self, *args, **kwargs)
            except ServiceError as error:
                return outcome_of_error(self, error)

        return run_async_with_errors_shown

    @functools.wraps(handler)
    def run_with_errors_shown(self, *args, **kwargs):
        clear_messages(self)
        try:
            return handler(self, *args, **kwargs)
        except ServiceError as error:
            return outcome_of_error(self, error)

    return run_with_errors_shown
