"""What a verification run may use: the clock, the learner's identities, and how to fetch."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

CLOCK_SKEW = timedelta(seconds=300)


@dataclass(frozen=True)
class VerifyOptions:
    """Inputs to every verifier.

    ``recipients`` are the learner's identities (emails, URLs, DIDs); empty means "do not check".
    ``maps`` sends URLs under a prefix to local files (longest prefix wins); with ``offline`` a
    URL no map covers is never fetched. ``allow_hosts`` lists exact "host:port" pairs that may be
    fetched even though they are loopback/private (tests only).
    """

    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    recipients: tuple[str, ...] = ()
    offline: bool = False
    maps: tuple[tuple[str, Path], ...] = ()
    allow_hosts: frozenset[str] = frozenset()
    clock_skew: timedelta = CLOCK_SKEW
