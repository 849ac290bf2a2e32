"""ASGI middleware that caps the size of uploads to Reflex's upload endpoint.

The browser-side file picker limit is only a courtesy; this is the server's own limit. A request
declaring too large a Content-Length is refused before any body is read, and a body sent without
one (chunked) is cut off as soon as it passes the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflex import constants
from reflex.config import get_config
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wallet_app.services.importer import MAX_BADGE_BYTES

# One request carries a whole multi-file batch; each file is held to MAX_BADGE_BYTES by the importer.
MAX_FILES_PER_UPLOAD = 20
MAX_BATCH_BYTES = 25_000_000
# Multipart framing (boundaries, part headers) comes on top of the files themselves.
MULTIPART_ALLOWANCE = 64_000
MAX_UPLOAD_BYTES = MAX_BATCH_BYTES + MULTIPART_ALLOWANCE
TOO_LARGE_MESSAGE = (
    f"This upload is too large. Badges are at most {MAX_BADGE_BYTES // 1_000_000} MB each and "
    f"{MAX_BATCH_BYTES // 1_000_000} MB at a time; choose fewer or smaller files."
)


def reflex_upload_path() -> str:
    return get_config().prepend_backend_path(str(constants.Endpoint.UPLOAD))


@dataclass
class _Progress:
    received: int = 0
    responded: bool = False
    rejected: bool = False


class UploadGuard:
    """Wraps an ASGI app; only POSTs to ``path`` are measured, everything else passes untouched."""

    def __init__(self, app: ASGIApp, *, path: str | None = None, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
        self.app = app
        self.path = path or reflex_upload_path()
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _too_large(scope, receive, send)
            return
        progress = _Progress()

        async def counted_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request" and not progress.rejected:
                progress.received += len(message.get("body", b""))
                if progress.received > self.max_bytes:
                    progress.rejected = True
                    if not progress.responded:
                        await _too_large(scope, receive, send)
            # Once refused, the app is told the client left, so it stops reading.
            return {"type": "http.disconnect"} if progress.rejected else message

        async def guarded_send(message: Message) -> None:
            if not progress.rejected:
                progress.responded = True
                await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not progress.rejected:
                raise


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    await PlainTextResponse(TOO_LARGE_MESSAGE, status_code=413)(scope, receive, send)


def upload_guard(app: ASGIApp) -> ASGIApp:
    """For ``rx.App(api_transformer=upload_guard)``."""
    return UploadGuard(app)
