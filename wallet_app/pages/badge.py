"""One badge: status, the credential label, the verification checklist, re-check and delete."""

from __future__ import annotations

import reflex as rx

from wallet_app import routes
from wallet_app.components.badge_card import badge_image, status_chip
from wallet_app.components.credential_label import (
    label_section,
    label_top_layer,
    markdown_block,
    verification_checklist,
)
from wallet_app.components.display import check_title, human_date, human_instant
from wallet_app.components.layout import error_callout, notice_callout, page_layout
from wallet_app.db import session_scope
from wallet_app.services import badges
from wallet_app.services.badges import BadgeDetail
from wallet_app.services.label import build_label
from wallet_app.state.session import SessionState, service_action

VERDICT_TEXT = {
    "valid": "Every check passed: this badge is genuine and unchanged.",
    "invalid": "At least one check failed: do not rely on this badge as it stands.",
    "indeterminate": "Some checks could not be completed (a server did not answer). Try “Check again” later.",
}


class BadgeState(SessionState):
    shown_badge_id: str = ""
    found: bool = False
    name: str = ""
    issuer_name: str = ""
    status: str = ""
    status_label: str = ""
    has_image: str = ""
    verdict_text: str = ""
    checked_label: str = ""
    recipient_note: str = ""
    format_label: str = ""
    raw_text: str = ""
    description: str = ""
    criteria: str = ""
    criteria_url: str = ""
    top_rows: list[dict[str, str]] = []
    assessment_rows: list[dict[str, str]] = []
    alignment_rows: list[dict[str, str]] = []
    skills: list[str] = []
    evidence_rows: list[dict[str, str]] = []
    endorsement_rows: list[dict[str, str]] = []
    checks: list[dict[str, str]] = []
    error_message: str = ""
    notice_message: str = ""
    delete_dialog_open: bool = False

    def _show(self, detail: BadgeDetail) -> None:
        label = build_label(detail.credential, human_date)
        self.found = True
        self.name = detail.name or "Untitled badge"
        self.issuer_name = detail.issuer_name or "Issuer not stated"
        self.status, self.status_label = detail.status, detail.status_label
        self.has_image = "yes" if detail.has_image else ""
        self.verdict_text = VERDICT_TEXT.get(detail.verdict, "")
        self.checked_label = human_instant(detail.checked_at)
        self.recipient_note = _recipient_note(detail.recipient_status, detail.recipient_identity)
        self.format_label = f"Open Badges {'3.0' if detail.spec == 'ob3' else '2.0'} · {detail.format}"
        self.raw_text = detail.raw_text
        self.description, self.criteria, self.criteria_url = label.description, label.criteria, label.criteria_url
        self.top_rows = [{"label": r.label, "value": r.value, "stated": "yes" if r.stated else ""} for r in label.top]
        self.assessment_rows = [{"label": r.label, "value": r.value} for r in label.assessment]
        self.alignment_rows, self.skills = label.alignments, label.skills
        self.evidence_rows, self.endorsement_rows = label.evidence, label.endorsements
        self.checks = [{**check, "title": check_title(check["id"])} for check in detail.checks]

    def _badge_id_param(self) -> int | None:
        raw = str(self.router.url.path).rstrip("/").rsplit("/", 1)[-1]
        return int(raw) if raw.isdigit() else None

    @rx.event
    @service_action
    def load(self):
        user = self._require_user()
        self.found = False
        self.delete_dialog_open = False
        badge_id = self._badge_id_param()
        self.shown_badge_id = str(badge_id or "")
        if badge_id is None:
            self.error_message = "That badge is not in your wallet."
            return
        with session_scope() as db:
            self._show(badges.get_badge(db, user.id, badge_id))

    @rx.event
    @service_action
    def check_again(self):
        user = self._require_user()
        with session_scope() as db:
            self._show(badges.recheck_badge(db, user.id, int(self.shown_badge_id)))
        self.notice_message = f"Checked again just now: {self.status_label}."

    @rx.event
    def set_delete_dialog_open(self, is_open: bool) -> None:
        self.delete_dialog_open = is_open

    @rx.event
    @service_action
    def delete(self):
        user = self._require_user()
        with session_scope() as db:
            badges.delete_badge(db, user.id, int(self.shown_badge_id))
        self.delete_dialog_open = False
        return rx.redirect(routes.WALLET)


def _recipient_note(recipient_status: str, identity: str | None) -> str:
    if recipient_status == "confirmed":
        return "Issued to one of the identities in your profile."
    if recipient_status == "not-confirmed":
        return f"Issued to {identity or 'an identity'} that is not in your profile. Add it there if it is yours."
    return "This badge does not say who it was issued to in a way the wallet can check."


def _header() -> rx.Component:
    return rx.flex(
        badge_image(BadgeState.shown_badge_id, BadgeState.has_image, "120px"),
        rx.flex(
            rx.text("Issued by ", rx.text.strong(BadgeState.issuer_name)),
            status_chip(BadgeState.status, BadgeState.status_label),
            rx.text(BadgeState.verdict_text, size="2"),
            rx.text("Last checked: ", BadgeState.checked_label, size="2", color_scheme="gray"),
            rx.flex(
                rx.button("Check again", rx.icon("refresh-cw", size=16), on_click=BadgeState.check_again),
                rx.link(
                    rx.button("Download original", variant="soft"),
                    href="/api/badges/" + BadgeState.shown_badge_id + "/download",
                    is_external=False,
                ),
                _delete_dialog(),
                gap="var(--space-2)",
                wrap="wrap",
            ),
            direction="column",
            gap="var(--space-2)",
            align="start",
        ),
        gap="var(--space-5)",
        wrap="wrap",
        margin_bottom="var(--space-5)",
    )


def _delete_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(rx.button("Delete badge…", color_scheme="red", variant="soft")),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Delete this badge?"),
            rx.alert_dialog.description(
                "It is removed from your wallet. Nothing else changes, and you can import it again later."
            ),
            rx.flex(
                rx.alert_dialog.cancel(rx.button("Keep it", variant="soft")),
                rx.button("Delete", color_scheme="red", on_click=BadgeState.delete),
                gap="var(--space-3)",
                justify="end",
                margin_top="var(--space-4)",
            ),
        ),
        open=BadgeState.delete_dialog_open,
        on_open_change=BadgeState.set_delete_dialog_open,
    )


def _labelled_rows(rows, value_key: str = "value") -> rx.Component:
    return rx.el.dl(
        rx.foreach(rows, lambda row: rx.fragment(rx.el.dt(rx.text.strong(row["label"])), rx.el.dd(row[value_key])))
    )


def _alignment(row: rx.Var[dict]) -> rx.Component:
    return rx.el.li(
        rx.text.strong(row["name"]),
        " — framework: ",
        row["framework"],
        rx.cond(row["code"] != "", rx.text.span(" (", row["code"], ")")),
        rx.cond(row["url"] != "", rx.text.span(" · ", rx.link("details", href=row["url"], is_external=True))),
    )


def _evidence(row: rx.Var[dict]) -> rx.Component:
    return rx.el.li(
        rx.text.strong(row["name"]),
        rx.cond(row["description"] != "", markdown_block(row["description"])),
        rx.cond(row["url"] != "", rx.link("Open the evidence", href=row["url"], is_external=True)),
    )


def _endorsement(row: rx.Var[dict]) -> rx.Component:
    return rx.el.li(
        rx.text.strong(row["issuer"]),
        rx.cond(row["date"] != "", rx.text.span(" · ", row["date"])),
        rx.text.span(" · endorsement ", row["verdict"]),
        rx.cond(row["comment"] != "", markdown_block(row["comment"])),
    )


def _detail_layer() -> rx.Component:
    return rx.box(
        label_section(
            "Learning outcomes and criteria",
            rx.box(
                rx.cond(BadgeState.description != "", markdown_block(BadgeState.description)),
                rx.cond(BadgeState.criteria != "", markdown_block(BadgeState.criteria)),
                rx.cond(
                    BadgeState.criteria_url != "",
                    rx.link("Full criteria on the issuer's site", href=BadgeState.criteria_url, is_external=True),
                ),
            ),
            stated=(BadgeState.description != "") | (BadgeState.criteria != "") | (BadgeState.criteria_url != ""),
            open_by_default=True,
        ),
        label_section(
            "Assessment and results",
            _labelled_rows(BadgeState.assessment_rows),
            stated=BadgeState.assessment_rows.length() > 0,
        ),
        label_section(
            "Alignments and skills",
            rx.box(
                rx.el.ul(rx.foreach(BadgeState.alignment_rows, _alignment)),
                rx.flex(
                    rx.foreach(BadgeState.skills, lambda skill: rx.badge(skill, variant="outline")),
                    gap="var(--space-2)",
                    wrap="wrap",
                ),
            ),
            stated=(BadgeState.alignment_rows.length() > 0) | (BadgeState.skills.length() > 0),
        ),
        label_section(
            "Evidence", rx.el.ul(rx.foreach(BadgeState.evidence_rows, _evidence)),
            stated=BadgeState.evidence_rows.length() > 0,
        ),
        label_section(
            "Endorsements", rx.el.ul(rx.foreach(BadgeState.endorsement_rows, _endorsement)),
            stated=BadgeState.endorsement_rows.length() > 0,
        ),
        label_section("Recipient", rx.text(BadgeState.recipient_note), stated=BadgeState.recipient_note != ""),
        label_section(
            "Raw credential",
            rx.box(
                rx.text(BadgeState.format_label, size="2", color_scheme="gray"),
                rx.el.pre(
                    BadgeState.raw_text,
                    white_space="pre-wrap",
                    overflow_wrap="anywhere",
                    font_size="var(--font-size-1)",
                    padding="var(--space-3)",
                    background="var(--gray-a2)",
                    border_radius="var(--radius-2)",
                    max_height="32rem",
                    overflow="auto",
                ),
            ),
            stated=BadgeState.raw_text != "",
        ),
    )  # fmt: skip


def _found_badge() -> rx.Component:
    return rx.box(
        _header(),
        rx.grid(
            rx.box(
                rx.heading("Credential label", as_="h2", size="5", margin_bottom="var(--space-3)"),
                label_top_layer(BadgeState.top_rows),
                rx.heading("Details", as_="h3", size="4", margin_top="var(--space-4)"),
                _detail_layer(),
            ),
            rx.box(
                rx.heading("Verification checklist", as_="h2", size="5", margin_bottom="var(--space-3)"),
                verification_checklist(BadgeState.checks),
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="6",
        ),
    )


def badge_page() -> rx.Component:
    return page_layout(
        rx.link("← Back to my wallet", href=routes.WALLET),
        error_callout(BadgeState.error_message),
        notice_callout(BadgeState.notice_message),
        rx.cond(BadgeState.found, _found_badge()),
        title=rx.cond(BadgeState.found, BadgeState.name, "Badge"),
    )
