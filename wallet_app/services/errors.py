"""Errors services raise; the message is shown to the learner as it is."""


class ServiceError(Exception):
    """A request the learner can fix; ``str(error)`` says what went wrong and what to do.

    ``code`` is a stable short name, so a redirect can carry the error without echoing text.
    """

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.code = code


class AuthenticationRequired(ServiceError):
    def __init__(self) -> None:
        super().__init__("Your session has ended. Sign in again to continue.", "signed-out")
