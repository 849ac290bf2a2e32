"""The credential label (two layers, like a food label) and the verification checklist."""

from __future__ import annotations

import reflex as rx

from wallet_app.components.safe_text import safe_markdown

CHECK_ICONS = {
    "passed": ("circle-check", "var(--green-11)", "Passed"),
    "failed": ("circle-x", "var(--red-11)", "Failed"),
    "indeterminate": ("circle-help", "var(--amber-11)", "Could not check"),
    "skipped": ("circle-minus", "var(--gray-11)", "Not applicable"),
}


def _top_row(row: rx.Var[dict]) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(row["label"], width="14rem"),
        rx.table.cell(
            rx.cond(row["stated"] == "yes", rx.text(row["value"]), rx.text(row["value"], color_scheme="gray")),
        ),
    )


def label_top_layer(rows: rx.Var[list[dict[str, str]]]) -> rx.Component:
    return rx.table.root(
        rx.table.body(rx.foreach(rows, _top_row)),
        variant="surface",
        size="2",
        aria_label="At a glance",
    )


def _not_stated() -> rx.Component:
    return rx.text("Not stated", color_scheme="gray")


def label_section(title: str, content: rx.Component, *, stated: rx.Var[bool], open_by_default: bool = False):
    """One detail-layer section; shows "Not stated" when the credential says nothing."""
    return rx.el.details(
        rx.el.summary(
            rx.text(title, weight="bold", as_="span"),
            rx.cond(stated, rx.fragment(), rx.text(" — not stated", color_scheme="gray", as_="span")),
            cursor="pointer",
            padding_y="var(--space-2)",
        ),
        rx.box(rx.cond(stated, content, _not_stated()), padding_bottom="var(--space-3)", padding_left="var(--space-4)"),
        open=open_by_default,
        border_bottom="1px solid var(--gray-a5)",
    )


def check_item(check: rx.Var[dict]) -> rx.Component:
    return rx.el.li(
        rx.flex(
            rx.match(
                check["status"],
                *[
                    (status, rx.icon(icon, color=color, aria_hidden="true", flex_shrink="0"))
                    for status, (icon, color, _) in CHECK_ICONS.items()
                ],
                rx.icon("circle", aria_hidden="true"),
            ),
            rx.flex(
                rx.text(
                    rx.text.strong(check["title"]),
                    " — ",
                    rx.match(
                        check["status"],
                        *[(status, label) for status, (_, _, label) in CHECK_ICONS.items()],
                        check["status"],
                    ),
                    size="2",
                ),
                rx.text(check["message"], size="2"),
                direction="column",
            ),
            gap="var(--space-2)",
            align="start",
        ),
        data_status=check["status"],
        data_check=check["id"],
        style={"listStyle": "none", "padding": "0.4rem 0"},
    )


def verification_checklist(checks: rx.Var[list[dict[str, str]]]) -> rx.Component:
    return rx.el.ol(rx.foreach(checks, check_item), padding="var(--space-0)", aria_label="Verification checks")


def markdown_block(text: rx.Var[str]) -> rx.Component:
    return rx.box(safe_markdown(text), class_name="issuer-text")
