"""The wallet listing's state: only the visible page of badges, filters re-applied in SQL."""

from __future__ import annotations

import asyncio

import reflex as rx

from wallet_app.components.display import human_date
from wallet_app.db import session_scope
from wallet_app.services import badges
from wallet_app.services.badges import BadgeSummary
from wallet_app.services.errors import ServiceError
from wallet_app.state.session import SessionState, service_action

PAGE_SIZE = 24
STALE_RECHECKS_PER_VISIT = 25
STATUS_FILTERS = [
    ("all", "All statuses"),
    ("verified", "Verified"),
    ("expired", "Expired"),
    ("revoked", "Revoked"),
    ("could-not-check", "Could not check"),
    ("unconfirmed-recipient", "Recipient not confirmed"),
    ("invalid", "Not valid"),
]
SORTS = [("newest", "Newest first"), ("oldest", "Oldest first"), ("name", "Name A–Z"), ("issuer", "Issuer A–Z")]
ALL_ISSUERS = "all"


def summary_row(summary: BadgeSummary) -> dict[str, str]:
    issued = human_date(summary.issued_on)
    return {
        "id": str(summary.id),
        "name": summary.name or "Untitled badge",
        "issuer_name": summary.issuer_name or "Issuer not stated",
        "issued_label": f"Issued {issued}" if issued else "Issue date not stated",
        "status": summary.status,
        "status_label": summary.status_label,
        "has_image": "yes" if summary.has_image else "",
    }


class WalletState(SessionState):
    """Only the visible page of badges is held; filters are re-applied in SQL."""

    items: list[dict[str, str]] = []
    total: int = 0
    query: str = ""
    status_filter: str = "all"
    issuer_filter: str = ALL_ISSUERS
    sort: str = "newest"
    offset: int = 0
    issuers: list[str] = []
    error_message: str = ""
    notice_message: str = ""
    loaded: bool = False
    # The "Add a badge" panel: opened for an empty wallet, otherwise on request. Closed until the
    # wallet is known, so a returning learner's first view renders (and hydrates) the badges alone.
    adding: bool = False

    def _reload(self) -> None:
        user = self._require_user()
        with session_scope() as db:
            page = badges.list_badges(
                db,
                user.id,
                query=self.query.strip(),
                status="" if self.status_filter == "all" else self.status_filter,
                issuer="" if self.issuer_filter == ALL_ISSUERS else self.issuer_filter,
                sort=self.sort,
                offset=self.offset,
                limit=PAGE_SIZE,
            )
            self.issuers = badges.issuer_names(db, user.id)
        self.items = [summary_row(item) for item in page.items]
        self.total = page.total
        self.loaded = True

    @rx.event
    @service_action
    def load(self):
        self._reload()
        if self.total == 0 and not self.filtered:
            self.adding = True
        return WalletState.recheck_stale

    @rx.event
    def toggle_adding(self) -> None:
        self.adding = not self.adding

    @rx.event(background=True)
    async def recheck_stale(self):
        """Revocations and expiry change over time: re-verify badges not checked for a day."""
        async with self:
            user = self._current_user()
        if user is None:
            return
        rechecked = await asyncio.to_thread(_recheck_stale_badges, user.id)
        if rechecked:
            async with self:
                self._reload()

    @rx.event
    @service_action
    def refresh(self):
        self._reload()

    def _refilter(self, **filters: str) -> None:
        """Any change of search, filter or sort starts again from the first page."""
        for name, value in filters.items():
            setattr(self, name, value)
        self.offset = 0
        self._reload()

    @rx.event
    @service_action
    def set_query(self, value: str):
        self._refilter(query=value[:200])

    @rx.event
    @service_action
    def set_status_filter(self, value: str):
        self._refilter(status_filter=value)

    @rx.event
    @service_action
    def set_issuer_filter(self, value: str):
        self._refilter(issuer_filter=value)

    @rx.event
    @service_action
    def set_sort(self, value: str):
        self._refilter(sort=value)

    @rx.event
    @service_action
    def next_page(self):
        if self.offset + PAGE_SIZE < self.total:
            self.offset += PAGE_SIZE
        self._reload()

    @rx.event
    @service_action
    def previous_page(self):
        self.offset = max(0, self.offset - PAGE_SIZE)
        self._reload()

    @rx.var
    def filtered(self) -> bool:
        return bool(self.query) or self.status_filter != "all" or self.issuer_filter != ALL_ISSUERS

    @rx.var
    def range_label(self) -> str:
        if self.total == 0:
            return ""
        last = min(self.offset + PAGE_SIZE, self.total)
        noun = "badge" if self.total == 1 else "badges"
        return f"Showing {self.offset + 1}–{last} of {self.total:,} {noun}"

    @rx.var
    def has_next(self) -> bool:
        return self.offset + PAGE_SIZE < self.total

    @rx.var
    def has_previous(self) -> bool:
        return self.offset > 0


def _recheck_stale_badges(user_id: int) -> int:
    with session_scope() as db:
        stale_ids = badges.stale_badge_ids(db, user_id)[:STALE_RECHECKS_PER_VISIT]
    for badge_id in stale_ids:
        with session_scope() as db:
            try:
                badges.recheck_badge(db, user_id, badge_id)
            except ServiceError:
                continue
    return len(stale_ids)
