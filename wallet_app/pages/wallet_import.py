"""The "Add a badge" flow: paste a link, upload files (several, drag and drop) or paste text.

Inputs are queued and verified one by one in a background task, so the page stays usable and
each file shows its own progress and outcome. Uploaded bytes stay in backend-only state until
imported; nothing is written to Reflex's public upload folder.
"""

from __future__ import annotations

import asyncio
import itertools

import reflex as rx

from wallet_app import routes
from wallet_app.components.layout import labelled_input
from wallet_app.db import session_scope
from wallet_app.pages.wallet_state import WalletState
from wallet_app.services import badges, importer
from wallet_app.services.importer import MAX_BADGE_BYTES, ImportResult
from wallet_app.state.session import SessionState, service_action
from wallet_app.upload_guard import MAX_FILES_PER_UPLOAD

UPLOAD_ID = "badge-files"
MAX_PASTE_CHARS = 1_000_000
ACCEPTED_FILES = {
    "image/png": [".png"],
    "image/svg+xml": [".svg"],
    "application/json": [".json", ".jsonld"],
    "application/jose": [".jws", ".jwt"],
    "text/plain": [".txt", ".jws", ".jwt"],
}
_row_keys = itertools.count(1)
STATUS_TEXT = {
    "queued": "Waiting…",
    "checking": "Checking…",
    "added": "Added",
    "duplicate": "Already in your wallet",
    "error": "Could not add",
}


def _import_one(user_id: int, source: bytes | str, filename: str | None) -> ImportResult:
    with session_scope() as db:
        return importer.import_badge(db, user_id, source, filename=filename)


class ImportState(SessionState):
    import_rows: list[dict[str, str]] = []
    processing: bool = False
    error_message: str = ""
    notice_message: str = ""
    _pending: list[tuple[str, str, bytes | str]] = []

    def _queue(self, label: str, source: bytes | str) -> None:
        key = str(next(_row_keys))
        self._pending.append((key, label, source))
        self.import_rows.append(
            {"key": key, "label": label, "status": "queued", "status_text": STATUS_TEXT["queued"], "message": "",
             "badge_id": "", "recipient_identity": "", "recipient_hashed": ""}
        )  # fmt: skip

    def _update_row(self, key: str, **changes: str) -> None:
        self.import_rows = [{**row, **changes} if row["key"] == key else row for row in self.import_rows]

    @rx.event
    @service_action
    async def upload_files(self, files: list[rx.UploadFile]):
        self._require_user()
        if len(files) > MAX_FILES_PER_UPLOAD:
            self.error_message = f"Choose at most {MAX_FILES_PER_UPLOAD} files at a time."
            return None
        for upload in files:
            data = await upload.read(MAX_BADGE_BYTES + 1)
            self._queue(upload.filename or "uploaded file", data)
        return ImportState.process_queue

    @rx.event
    @service_action
    def import_url(self, form_data: dict):
        self._require_user()
        url = str(form_data.get("badge_url", "")).strip()
        if not url:
            self.error_message = "Paste the badge's web address first."
            return None
        self._queue(url[:120], url)
        return ImportState.process_queue

    @rx.event
    @service_action
    def import_pasted(self, form_data: dict):
        self._require_user()
        text = str(form_data.get("badge_text", "")).strip()
        if not text:
            self.error_message = "Paste the badge's JSON or signed text (JWS/JWT) first."
            return None
        if len(text) > MAX_PASTE_CHARS:
            self.error_message = "That text is too long to be a badge. Paste one badge at a time."
            return None
        self._queue("Pasted badge", text.encode())
        return ImportState.process_queue

    @rx.event
    def clear_finished(self) -> None:
        self.import_rows = [row for row in self.import_rows if row["status"] in ("queued", "checking")]

    @rx.event
    def keep_unconfirmed(self, key: str) -> None:
        self._update_row(key, recipient_identity="", message="Kept as “recipient not confirmed”.")

    @rx.event
    @service_action
    def accept_recipient(self, key: str, badge_id: str):
        user = self._require_user()
        with session_scope() as db:
            badges.accept_recipient_identity(db, user.id, int(badge_id))
        self._update_row(key, recipient_identity="", message="Added that identity to your profile; the badge is yours.")
        return WalletState.refresh

    @rx.event(background=True)
    async def process_queue(self):
        """Verify and store queued inputs one at a time, reporting each row as it finishes."""
        async with self:
            if self.processing:
                return
            user = self._current_user()
            if user is None:
                return
            self.processing = True
        while True:
            async with self:
                if not self._pending:
                    self.processing = False
                    break
                key, label, source = self._pending.pop(0)
                self._update_row(key, status="checking", status_text=STATUS_TEXT["checking"])
            result = await asyncio.to_thread(_import_one, user.id, source, label)
            async with self:
                self._update_row(
                    key,
                    status=result.status,
                    status_text=STATUS_TEXT[result.status],
                    message=result.message,
                    badge_id=str(result.badge_id or ""),
                    recipient_identity=result.recipient_identity or "",
                    recipient_hashed="yes" if result.recipient_is_hashed else "",
                )
            yield WalletState.refresh


def _row_icon(status: rx.Var[str]) -> rx.Component:
    return rx.match(
        status,
        ("added", rx.icon("circle-check", color="var(--green-11)", aria_hidden="true")),
        ("duplicate", rx.icon("copy-check", color="var(--blue-11)", aria_hidden="true")),
        ("error", rx.icon("circle-x", color="var(--red-11)", aria_hidden="true")),
        ("checking", rx.spinner(size="2")),
        rx.icon("clock", aria_hidden="true"),
    )


def _claim_identity(row: rx.Var[dict]) -> rx.Component:
    """The alumni case: offer to add the identity the badge names, or keep it unconfirmed."""
    return rx.flex(
        rx.text(
            "This badge was issued to ",
            rx.text.strong(row["recipient_identity"]),
            ", which is not in your profile. If that was you (an old school email, say), add it.",
            size="2",
        ),
        rx.flex(
            rx.button(
                "Add it to my profile", size="1", on_click=ImportState.accept_recipient(row["key"], row["badge_id"])
            ),
            rx.button(
                "Keep as not confirmed", size="1", variant="soft", on_click=ImportState.keep_unconfirmed(row["key"])
            ),
            gap="var(--space-2)",
            wrap="wrap",
        ),
        direction="column",
        gap="var(--space-1)",
    )


def _import_row(row: rx.Var[dict]) -> rx.Component:
    return rx.el.li(
        rx.flex(
            _row_icon(row["status"]),
            rx.flex(
                rx.text(rx.text.strong(row["label"]), " — ", row["status_text"], size="2"),
                rx.cond(row["message"] != "", rx.text(row["message"], size="2")),
                rx.cond(
                    row["recipient_hashed"] == "yes",
                    rx.text(
                        "This badge names its recipient in hashed form, and none of your identities match it. "
                        "If it is yours, add the email you used then on your profile page and check the badge again.",
                        size="2",
                    ),
                    rx.cond(row["recipient_identity"] != "", _claim_identity(row)),
                ),
                rx.cond(
                    row["badge_id"] != "", rx.link("Open this badge", href=routes.badge_url(row["badge_id"]), size="2")
                ),
                direction="column",
                gap="var(--space-1)",
            ),
            gap="var(--space-2)",
            align="start",
        ),
        data_status=row["status"],
        data_testid="import-row",
        style={"listStyle": "none", "padding": "0.5rem 0", "borderBottom": "1px solid var(--gray-a4)"},
    )


def _link_tab() -> rx.Component:
    return rx.form(
        rx.flex(
            labelled_input("Badge web address", "badge_url", type="url", placeholder="https://", max_length=2000),
            rx.button("Add from link", type="submit", size="3"),
            gap="var(--space-3)",
            align="end",
            wrap="wrap",
        ),
        on_submit=ImportState.import_url,
        reset_on_submit=True,
    )


def _upload_tab() -> rx.Component:
    return rx.vstack(
        rx.upload(
            rx.vstack(
                rx.icon("upload", size=28, aria_hidden="true"),
                rx.text("Drag badge files here, or press Enter to choose them."),
                rx.text(
                    f"Baked PNG or SVG images, .json, .jws or .jwt files; up to {MAX_BADGE_BYTES // 1_000_000} MB "
                    f"each, {MAX_FILES_PER_UPLOAD} at a time.",
                    size="2",
                ),
                rx.button("Choose files", type="button", variant="soft"),
                align="center",
                spacing="2",
            ),
            id=UPLOAD_ID,
            multiple=True,
            accept=ACCEPTED_FILES,
            max_size=MAX_BADGE_BYTES,
            max_files=MAX_FILES_PER_UPLOAD,
            on_drop=ImportState.upload_files(rx.upload_files(upload_id=UPLOAD_ID)),
            border="2px dashed var(--gray-a7)",
            padding="var(--space-5)",
            width="100%",
            aria_label="Upload badge files",
        ),
        width="100%",
    )


def _paste_tab() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label("Badge JSON or signed text (JWS/JWT)", html_for="field-badge_text", font_weight="500"),
            rx.text_area(id="field-badge_text", name="badge_text", rows="6", width="100%", max_length=MAX_PASTE_CHARS),
            rx.button("Add pasted badge", type="submit", size="3"),
            spacing="2",
            width="100%",
        ),
        on_submit=ImportState.import_pasted,
        reset_on_submit=True,
    )


ADD_BADGE_PANEL_ID = "add-badge-panel"


def add_badge_panel() -> rx.Component:
    return rx.card(
        rx.heading("Add a badge", as_="h2", size="5", margin_bottom="var(--space-2)"),
        rx.cond(
            ImportState.error_message != "",
            rx.callout(ImportState.error_message, icon="triangle_alert", color_scheme="red", role="alert"),
        ),
        rx.tabs.root(
            rx.tabs.list(
                rx.tabs.trigger("Paste a link", value="link"),
                rx.tabs.trigger("Upload files", value="upload"),
                rx.tabs.trigger("Paste text", value="paste"),
            ),
            rx.tabs.content(_link_tab(), value="link", padding_top="var(--space-3)"),
            rx.tabs.content(_upload_tab(), value="upload", padding_top="var(--space-3)"),
            rx.tabs.content(_paste_tab(), value="paste", padding_top="var(--space-3)"),
            default_value="link",
        ),
        rx.cond(
            ImportState.import_rows.length() > 0,
            rx.box(
                rx.flex(
                    rx.heading("Imports", as_="h3", size="3"),
                    rx.button("Clear finished", size="1", variant="ghost", on_click=ImportState.clear_finished),
                    justify="between",
                    align="center",
                    margin_top="var(--space-3)",
                ),
                rx.el.ul(
                    rx.foreach(ImportState.import_rows, _import_row), aria_live="polite", padding="var(--space-0)"
                ),
            ),
        ),
        margin_bottom="var(--space-4)",
        id=ADD_BADGE_PANEL_ID,
    )
