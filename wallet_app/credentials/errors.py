"""Errors the engine raises; each message is plain language a learner can act on."""


class BadgeInputError(Exception):
    """The input cannot be read as a badge at all (verdict ``error``)."""


class FetchError(Exception):
    """A needed document could not be retrieved (verdict ``indeterminate``, never ``invalid``)."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class FetchRefused(FetchError):
    """The URL points somewhere we never fetch from (private address, bad scheme, offline)."""
