"""Starlette routes beside Reflex: the only place that sets or clears the session cookie.

Sign-in and registration are plain HTML form posts, so the password never passes through
Reflex state and the HttpOnly cookie is set by a normal HTTP response.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, urlsplit

from sqlmodel import Session
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from wallet_app import routes
from wallet_app.db import session_scope
from wallet_app.services import accounts, badges, sessions
from wallet_app.services.errors import ServiceError

SESSION_COOKIE = "bw_session"
MAX_FORM_FIELD_BYTES = 4096
API_BADGE_IMAGE = "/api/badges/{badge_id:int}/image"
API_BADGE_DOWNLOAD = "/api/badges/{badge_id:int}/download"
# Badge files come from strangers: an SVG opened directly must never run script or load anything.
BADGE_FILE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=300",
}


def _same_origin(request: Request) -> bool:
    """Refuse cross-site form posts (login CSRF); browsers always send Origin on POST."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


def _peer_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def _form_fields(request: Request, *names: str) -> dict[str, str]:
    form = await request.form(max_files=0, max_fields=20, max_part_size=MAX_FORM_FIELD_BYTES)
    return {name: str(form.get(name) or "") for name in names}


def _signed_in_response(request: Request, token: str, target: str) -> Response:
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(sessions.SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


def _refused() -> Response:
    return PlainTextResponse("This form was sent from another site, so it was refused. Use the wallet's own page.", 403)


def _session_or_error(
    find_user: Callable[[Session], accounts.UserView],
) -> tuple[str | None, ServiceError | None]:
    """Start a session for the user ``find_user`` returns, or hand back its error.

    The error is returned, not raised, so the unit of work still commits: a failed sign-in's
    throttle rows must be kept.
    """
    with session_scope() as db:
        try:
            user = find_user(db)
        except ServiceError as error:
            return None, error
        return sessions.create_session(db, user.id), None


def _register_or_error(fields: dict[str, str]) -> tuple[str | None, ServiceError | None]:
    return _session_or_error(
        lambda db: accounts.register(
            db, fields["email"], fields["password"], fields["display_name"], fields["password_again"]
        )
    )


def _sign_in_or_error(fields: dict[str, str], peer: str) -> tuple[str | None, ServiceError | None]:
    return _session_or_error(lambda db: accounts.authenticate(db, fields["email"], fields["password"], peer))


async def register(request: Request) -> Response:
    if not _same_origin(request):
        return _refused()
    fields = await _form_fields(request, "email", "display_name", "password", "password_again")
    token, error = await run_in_threadpool(_register_or_error, fields)
    if error is not None:
        return RedirectResponse(f"{routes.REGISTER}?error={quote(error.code)}", status_code=303)
    return _signed_in_response(request, token, routes.WALLET)


async def sign_in(request: Request) -> Response:
    if not _same_origin(request):
        return _refused()
    fields = await _form_fields(request, "email", "password", "next")
    token, error = await run_in_threadpool(_sign_in_or_error, fields, _peer_address(request))
    if error is not None:
        return RedirectResponse(routes.sign_in_url(fields["next"] or None, error.code), status_code=303)
    return _signed_in_response(request, token, routes.safe_next_path(fields["next"]))


def _end_session(token: str | None) -> None:
    with session_scope() as db:
        sessions.end_session(db, token)


async def sign_out(request: Request) -> Response:
    if not _same_origin(request):
        return _refused()
    await run_in_threadpool(_end_session, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse(routes.HOME, status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response


def _owned_file(token: str | None, badge_id: int, lookup: Callable[..., tuple | None]) -> tuple | Response:
    """``lookup``'s answer for the signed-in user, or the response that refuses the request."""
    with session_scope() as db:
        user = accounts.current_user(db, token)
        if user is None:
            return PlainTextResponse(accounts.MESSAGES["signed-out"], 401)
        found = lookup(db, user.id, badge_id)
    return found if found is not None else PlainTextResponse("That badge is not in your wallet.", 404)


async def badge_image(request: Request) -> Response:
    found = await run_in_threadpool(
        _owned_file, request.cookies.get(SESSION_COOKIE), request.path_params["badge_id"], badges.badge_image
    )
    if isinstance(found, Response):
        return found
    content, media_type = found
    return Response(content, media_type=media_type, headers=BADGE_FILE_HEADERS)


async def badge_download(request: Request) -> Response:
    """The learner's original bytes, unchanged, as a file to save."""
    found = await run_in_threadpool(
        _owned_file, request.cookies.get(SESSION_COOKIE), request.path_params["badge_id"], badges.badge_original
    )
    if isinstance(found, Response):
        return found
    content, media_type, filename = found
    disposition = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(content, media_type=media_type, headers={**BADGE_FILE_HEADERS, **disposition})


def build_api() -> Starlette:
    return Starlette(
        routes=[
            Route(routes.API_REGISTER, register, methods=["POST"]),
            Route(routes.API_SIGN_IN, sign_in, methods=["POST"]),
            Route(routes.API_SIGN_OUT, sign_out, methods=["POST"]),
            Route(API_BADGE_IMAGE, badge_image, methods=["GET"]),
            Route(API_BADGE_DOWNLOAD, badge_download, methods=["GET"]),
        ]
    )
