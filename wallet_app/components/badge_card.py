"""A badge in the wallet grid: image, name, issuer, date and its status chip."""

from __future__ import annotations

import reflex as rx

from wallet_app import routes

STATUS_COLORS = {
    "verified": "green",
    "expired": "amber",
    "revoked": "red",
    "invalid": "red",
    "could-not-check": "gray",
    "unconfirmed-recipient": "blue",
}
STATUS_ICONS = {
    "verified": "badge-check",
    "expired": "clock",
    "revoked": "ban",
    "invalid": "circle-x",
    "could-not-check": "circle-help",
    "unconfirmed-recipient": "user-round-x",
}


def status_chip(status: rx.Var[str], label: rx.Var[str]) -> rx.Component:
    return rx.badge(
        rx.match(
            status,
            *[(key, rx.icon(icon, size=14, aria_hidden="true")) for key, icon in STATUS_ICONS.items()],
            rx.icon("circle-help", size=14, aria_hidden="true"),
        ),
        label,
        color_scheme=rx.match(status, *STATUS_COLORS.items(), "gray"),
        size="2",
        variant="soft",
        data_status=status,
    )


def badge_image(badge_id: rx.Var[str], has_image: rx.Var[str], size: str) -> rx.Component:
    """The badge's stored image via our own route (CSP-sandboxed), or a neutral placeholder."""
    return rx.cond(
        has_image == "yes",
        rx.image(
            src="/api/badges/" + badge_id + "/image",
            alt="",
            width=size,
            height=size,
            object_fit="contain",
            loading="lazy",
        ),
        rx.center(rx.icon("award", size=36, aria_hidden="true"), width=size, height=size, bg="var(--gray-a3)"),
    )


def badge_card(badge: rx.Var[dict]) -> rx.Component:
    return rx.card(
        rx.link(
            rx.flex(
                badge_image(badge["id"], badge["has_image"], "72px"),
                rx.flex(
                    rx.heading(badge["name"], as_="h3", size="3", trim="start"),
                    rx.text(badge["issuer_name"], size="2", color_scheme="gray"),
                    rx.text(badge["issued_label"], size="1", color_scheme="gray"),
                    status_chip(badge["status"], badge["status_label"]),
                    direction="column",
                    gap="var(--space-1)",
                    align="start",
                    min_width="0",
                ),
                gap="var(--space-3)",
                align="start",
            ),
            href=routes.badge_url(badge["id"]),
            underline="none",
            color="inherit",
        ),
        data_testid="badge-card",
    )
