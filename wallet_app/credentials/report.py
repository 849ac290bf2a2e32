"""The verification report: an ordered list of named checks and the verdict they imply.

Every verifier (OB 2.0, OB 3.0, endorsements, status lists) writes into this one shape so the
UI, the CLI and the database never care which specification a badge came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class CheckStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"
    INDETERMINATE = "indeterminate"


class Verdict(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    INDETERMINATE = "indeterminate"
    ERROR = "error"


@dataclass(frozen=True)
class Check:
    """One named verification step with a plain-language reason."""

    id: str
    status: CheckStatus
    message: str
    warning: bool = False

    def to_dict(self) -> dict[str, str | bool]:
        data: dict[str, str | bool] = {"id": self.id, "status": self.status.value, "message": self.message}
        if self.warning:
            data["warning"] = True
        return data


@dataclass
class VerificationReport:
    """Checks in the order they ran; the verdict is derived, never set by hand.

    A definitive failure beats "could not check": a badge that is expired *and* whose key could
    not be fetched is invalid, not indeterminate.
    """

    checks: list[Check] = field(default_factory=list)
    checked_at: datetime | None = None

    def add(self, check_id: str, status: CheckStatus, message: str, *, warning: bool = False) -> Check:
        check = Check(check_id, status, message, warning)
        self.checks.append(check)
        return check

    def passed(self, check_id: str, message: str, *, warning: bool = False) -> Check:
        return self.add(check_id, CheckStatus.PASSED, message, warning=warning)

    def failed(self, check_id: str, message: str) -> Check:
        return self.add(check_id, CheckStatus.FAILED, message)

    def skipped(self, check_id: str, message: str) -> Check:
        return self.add(check_id, CheckStatus.SKIPPED, message)

    def indeterminate(self, check_id: str, message: str) -> Check:
        return self.add(check_id, CheckStatus.INDETERMINATE, message)

    def extend(self, other: VerificationReport, prefix: str = "") -> None:
        """Fold a sub-report (e.g. a status list's own checks) into this one."""
        for check in other.checks:
            self.checks.append(Check(prefix + check.id, check.status, check.message, check.warning))

    @property
    def verdict(self) -> Verdict:
        statuses = {check.status for check in self.checks}
        if CheckStatus.FAILED in statuses:
            return Verdict.INVALID
        if CheckStatus.INDETERMINATE in statuses:
            return Verdict.INDETERMINATE
        return Verdict.VALID

    @property
    def warnings(self) -> list[Check]:
        return [check for check in self.checks if check.warning]

    def to_dict(self) -> dict[str, object]:
        return {
            "verdict": self.verdict.value,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
            "checks": [check.to_dict() for check in self.checks],
        }
