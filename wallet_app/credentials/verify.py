"""One entry point for every badge: sniff the source, then hand it to the OB 2.0 or 3.0 verifier.

Whatever happens inside, the caller gets an outcome, never an exception: a learner pasting a
strange file must see a plain sentence, not a traceback.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, replace

from wallet_app.credentials import ob2
from wallet_app.credentials.errors import BadgeInputError, FetchError, FetchRefused
from wallet_app.credentials.fetch import Fetcher
from wallet_app.credentials.model import Credential
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.report import Verdict, VerificationReport
from wallet_app.credentials.sources import DetectedInput, detect, detect_url

OB3_MODULE = "wallet_app.credentials.ob3"
logger = logging.getLogger(__name__)


@dataclass
class VerificationOutcome:
    """What a verification run produced; ``error`` is set (and nothing else is) for unusable input."""

    credential: Credential | None
    report: VerificationReport
    format: str
    error: str | None = None

    @property
    def verdict(self) -> Verdict:
        return Verdict.ERROR if self.error else self.report.verdict


def verify_source(
    source: bytes | str, options: VerifyOptions, *, fetcher: Fetcher | None = None
) -> VerificationOutcome:
    """Verify raw bytes or an http(s) URL string; never raises."""
    fetcher = fetcher or Fetcher(options)
    try:
        return _verify(source, options, fetcher)
    except BadgeInputError as exc:
        return _error_outcome(str(exc), options)
    except Exception:
        logger.exception("verification crashed")
        return _error_outcome(
            "The wallet could not read this badge because of an internal problem. "
            "Please report it, and try the badge URL or image instead.",
            options,
        )


def _verify(source: bytes | str, options: VerifyOptions, fetcher: Fetcher) -> VerificationOutcome:
    detected = detect_url(source) if isinstance(source, str) else detect(source)
    if detected.kind == "url":
        fetched = _fetch_linked_source(detected, options, fetcher)
        if isinstance(fetched, VerificationOutcome):
            return fetched
        detected = fetched
    if detected.spec == "ob3":
        return _verify_ob3(detected, options, fetcher)
    credential, report = ob2.verify(detected, options, fetcher)
    return _outcome(credential, report, detected, options)


def _fetch_linked_source(
    detected: DetectedInput, options: VerifyOptions, fetcher: Fetcher
) -> DetectedInput | VerificationOutcome:
    """Replace a URL source (typed, or baked into an image) by the document it points to."""
    url = str(detected.payload)
    try:
        document = fetcher.get(url)
    except FetchRefused as exc:
        raise BadgeInputError(f"The wallet will not open this address: {exc}") from exc
    except FetchError as exc:
        report = VerificationReport(checked_at=options.now)
        report.indeterminate("source.fetch", f"The badge could not be downloaded: {exc} Try again later.")
        return _outcome(None, report, detected, options)
    if document.status == 410:
        report = VerificationReport(checked_at=options.now)
        report.failed("revocation", f"The issuer has withdrawn (revoked) this badge: {url} is gone.")
        return _outcome(None, report, detected, options)
    if not 200 <= document.status < 300:
        report = VerificationReport(checked_at=options.now)
        report.indeterminate(
            "source.fetch", f"The badge could not be downloaded: {url} answered HTTP {document.status}."
        )
        return _outcome(None, report, detected, options)
    linked = detect(document.body)
    if linked.kind == "url":
        raise BadgeInputError(f"{url} points to yet another address instead of a badge.")
    if detected.baked:
        return replace(linked, original=detected.original, baked=detected.baked)
    return linked


def _verify_ob3(detected: DetectedInput, options: VerifyOptions, fetcher: Fetcher) -> VerificationOutcome:
    try:
        ob3 = importlib.import_module(OB3_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != OB3_MODULE:
            raise
        return _error_outcome("Open Badges 3.0 support is not available yet.", options, detected.format)
    credential, report = ob3.verify_detected(detected, options, fetcher)
    return _outcome(credential, report, detected, options)


def _outcome(
    credential: Credential | None, report: VerificationReport, detected: DetectedInput, options: VerifyOptions
) -> VerificationOutcome:
    report.checked_at = options.now
    badge_format = credential.format if credential else detected.format
    return VerificationOutcome(credential, report, badge_format)


def _error_outcome(message: str, options: VerifyOptions, badge_format: str = "unknown") -> VerificationOutcome:
    return VerificationOutcome(None, VerificationReport(checked_at=options.now), badge_format, error=message)
