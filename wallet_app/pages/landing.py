"""Public landing page: what the wallet does and what a micro-credential is."""

from __future__ import annotations

import reflex as rx

from wallet_app import routes
from wallet_app.components.layout import link_button, notice_callout, page_layout
from wallet_app.state.session import SessionState


class LandingState(SessionState):
    notice_message: str = ""

    @rx.event
    def load(self) -> None:
        self._refresh_user()
        deleted = self.router.url.query_parameters.get("deleted") == "1"
        self.notice_message = "Your account and everything in it were deleted." if deleted else ""


def _feature(icon: str, title: str, text: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.icon(icon, size=28, aria_hidden="true"),
            rx.heading(title, as_="h3", size="4"),
            rx.text(text, size="3"),
            spacing="2",
        ),
    )


def landing_page() -> rx.Component:
    return page_layout(
        notice_callout(LandingState.notice_message),
        rx.text(
            "Keep every Open Badge you earn in one place, see exactly what each one says and whether it is genuine, "
            "and keep the originals ready for anyone who asks.",
            size="5",
        ),
        rx.flex(
            rx.cond(
                SessionState.signed_in,
                link_button("Open my wallet", routes.WALLET, size="3"),
                link_button("Create your wallet", routes.REGISTER, size="3"),
            ),
            link_button("Ask a question about micro-credentials", routes.FAQ, size="3", variant="outline"),
            gap="var(--space-3)",
            wrap="wrap",
            margin_y="var(--space-5)",
        ),
        rx.heading("What is a micro-credential?", as_="h2", size="6", margin_top="var(--space-4)"),
        rx.text(
            "A micro-credential is a short, focused, competency-based learning experience. When you complete one, "
            "your institution issues an Open Badge: a digital credential carrying what you learned, how it was "
            "assessed, whether it earns credit, when it was issued and if it expires. Think of it as a food label "
            "for a small unit of learning.",
            size="3",
        ),
        rx.grid(
            _feature(
                "shield-check",
                "Checked, not just shown",
                "Each badge is verified against the Open Badges 2.0 "
                "and 3.0 standards, with a plain-language checklist.",
            ),
            _feature(
                "list-checks",
                "Read the label",
                "Outcomes, assessment, credit, dates, expiry and the stack a badge belongs to, at a glance.",
            ),
            _feature(
                "file-down",
                "Keep the original",
                "Download each badge exactly as your issuer signed it, ready to send to an employer who can check it "
                "with any Open Badges verifier.",
            ),
            _feature(
                "graduation-cap",
                "Yours for life",
                "Add the email addresses you have used, so badges issued "
                "to an old school address still belong to you as an alumnus.",
            ),
            columns=rx.breakpoints(initial="1", sm="2", lg="4"),
            spacing="4",
            margin_top="var(--space-5)",
        ),
        title="Your badges, verified and yours to keep",
    )
