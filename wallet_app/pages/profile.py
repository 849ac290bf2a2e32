"""Profile and settings: identities used to match badge recipients, password, account deletion."""

from __future__ import annotations

import reflex as rx

from wallet_app import routes
from wallet_app.components.layout import error_callout, labelled_input, notice_callout, page_layout
from wallet_app.db import session_scope
from wallet_app.services import accounts, identities
from wallet_app.state.session import SessionState, service_action

KIND_LABELS = {"email": "Email", "url": "Web address", "did": "DID"}


class ProfileState(SessionState):
    error_message: str = ""
    notice_message: str = ""
    identity_rows: list[dict[str, str]] = []
    delete_dialog_open: bool = False

    def _reload_identities(self, user_id: int) -> None:
        with session_scope() as db:
            views = identities.list_identities(db, user_id)
        self.identity_rows = [
            {
                "id": str(view.id),
                "kind": KIND_LABELS.get(view.kind, view.kind),
                "value": view.value,
                "primary": "yes" if view.is_primary else "",
            }
            for view in views
        ]

    @rx.event
    @service_action
    def load(self):
        user = self._require_user()
        self._reload_identities(user.id)

    @rx.event
    @service_action
    def add_identity(self, form_data: dict):
        user = self._require_user()
        with session_scope() as db:
            added = identities.add_identity(db, user.id, form_data.get("kind", ""), form_data.get("value", ""))
        self._reload_identities(user.id)
        self.notice_message = f"Added {added.value}. Badges issued to it will be recognised as yours."

    @rx.event
    @service_action
    def remove_identity(self, identity_id: str):
        user = self._require_user()
        with session_scope() as db:
            identities.remove_identity(db, user.id, int(identity_id))
        self._reload_identities(user.id)
        self.notice_message = "Removed."

    @rx.event
    @service_action
    def change_password(self, form_data: dict):
        user = self._require_user()
        with session_scope() as db:
            accounts.change_password(
                db,
                user.id,
                form_data.get("current_password", ""),
                form_data.get("new_password", ""),
                form_data.get("new_password_again", ""),
                keep_token=self._session_token(),
            )
        self.notice_message = "Password changed. You were signed out on your other devices."

    @rx.event
    def set_delete_dialog_open(self, is_open: bool) -> None:
        self.delete_dialog_open = is_open

    @rx.event
    @service_action
    def delete_account(self, form_data: dict):
        user = self._require_user()
        with session_scope() as db:
            accounts.delete_account(db, user.id, form_data.get("confirm_password", ""))
        self.delete_dialog_open = False
        return rx.redirect(f"{routes.HOME}?deleted=1")


def _identity_row(row: dict) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["kind"]),
        rx.table.cell(rx.text(row["value"]), rx.cond(row["primary"] != "", rx.badge("sign-in email", ml="2"))),
        rx.table.cell(
            rx.cond(
                row["primary"] == "",
                rx.button(
                    "Remove",
                    variant="soft",
                    color_scheme="red",
                    size="1",
                    aria_label="Remove " + row["value"],
                    on_click=ProfileState.remove_identity(row["id"]),
                ),
            )
        ),
    )


def _identities_section() -> rx.Component:
    return rx.card(
        rx.heading("Your identities", as_="h2", size="5"),
        rx.text(
            "Badges name the person they were issued to by an email, a web address or a DID. List every one you "
            "have used, including old school emails, so your badges stay yours after an address closes.",
            margin_y="var(--space-2)",
        ),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell("Type"),
                    rx.table.column_header_cell("Identity"),
                    rx.table.column_header_cell(rx.text("Actions", class_name="sr-only")),
                )
            ),
            rx.table.body(rx.foreach(ProfileState.identity_rows, _identity_row)),
            aria_label="Your identities",
        ),
        rx.form(
            rx.flex(
                rx.flex(
                    rx.el.label("Type", html_for="field-kind", font_weight="500"),
                    rx.el.select(
                        rx.el.option("Email", value="email"),
                        rx.el.option("Web address", value="url"),
                        rx.el.option("DID", value="did"),
                        id="field-kind",
                        name="kind",
                        style={"padding": "0.5rem"},
                    ),
                    direction="column",
                    gap="var(--space-1)",
                ),
                labelled_input("Email, web address or DID", "value", required=True, max_length=500),
                rx.button("Add identity", type="submit", size="3"),
                gap="var(--space-3)",
                align="end",
                wrap="wrap",
            ),
            on_submit=ProfileState.add_identity,
            reset_on_submit=True,
            margin_top="var(--space-3)",
        ),
        margin_bottom="var(--space-5)",
    )


def _password_section() -> rx.Component:
    return rx.card(
        rx.heading("Change password", as_="h2", size="5", margin_bottom="var(--space-3)"),
        rx.form(
            rx.vstack(
                labelled_input(
                    "Current password",
                    "current_password",
                    type="password",
                    required=True,
                    auto_complete="current-password",
                ),
                labelled_input(
                    f"New password (at least {accounts.MIN_PASSWORD_LENGTH} characters)",
                    "new_password",
                    type="password",
                    required=True,
                    auto_complete="new-password",
                ),
                labelled_input(
                    "New password again",
                    "new_password_again",
                    type="password",
                    required=True,
                    auto_complete="new-password",
                ),
                rx.button("Change password", type="submit", size="3"),
                spacing="3",
                max_width="28rem",
            ),
            on_submit=ProfileState.change_password,
            reset_on_submit=True,
        ),
        margin_bottom="var(--space-5)",
    )


def _delete_section() -> rx.Component:
    return rx.card(
        rx.heading("Delete account", as_="h2", size="5"),
        rx.text(
            "This deletes your account, every badge in it and every link you shared. It cannot be undone.",
            margin_y="var(--space-2)",
        ),
        rx.alert_dialog.root(
            rx.alert_dialog.trigger(rx.button("Delete my account…", color_scheme="red", variant="soft")),
            rx.alert_dialog.content(
                rx.alert_dialog.title("Delete your account?"),
                rx.alert_dialog.description(
                    "Everything in your wallet will be deleted. Type your password to confirm."
                ),
                error_callout(ProfileState.error_message),
                rx.form(
                    rx.vstack(
                        labelled_input(
                            "Password",
                            "confirm_password",
                            type="password",
                            required=True,
                            auto_complete="current-password",
                        ),
                        rx.flex(
                            rx.alert_dialog.cancel(rx.button("Keep my account", variant="soft", type="button")),
                            rx.button("Delete everything", color_scheme="red", type="submit"),
                            gap="var(--space-3)",
                            justify="end",
                        ),
                        spacing="3",
                    ),
                    on_submit=ProfileState.delete_account,
                ),
            ),
            open=ProfileState.delete_dialog_open,
            on_open_change=ProfileState.set_delete_dialog_open,
        ),
    )


def profile_page() -> rx.Component:
    return page_layout(
        error_callout(ProfileState.error_message),
        notice_callout(ProfileState.notice_message),
        rx.text("Signed in as ", rx.text.strong(SessionState.user_email), margin_bottom="var(--space-4)"),
        _identities_section(),
        _password_section(),
        _delete_section(),
        title="Profile and settings",
    )
