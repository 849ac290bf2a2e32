"""The server-side upload limit: refused by Content-Length, and by counting a chunked body."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from wallet_app.upload_guard import MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE, UploadGuard, upload_guard

LIMIT = 1000


async def body_counter(scope: Scope, receive: Receive, send: Send) -> None:
    """Reads the whole body, like an upload handler, and says how much arrived."""
    body = await Request(scope, receive).body()
    await PlainTextResponse(f"received {len(body)}")(scope, receive, send)


@pytest.fixture
def client() -> TestClient:
    return TestClient(UploadGuard(body_counter, path="/_upload", max_bytes=LIMIT))


def chunks(total: int, size: int = 100) -> Iterator[bytes]:
    for start in range(0, total, size):
        yield b"x" * min(size, total - start)


def test_an_upload_within_the_limit_reaches_the_app(client: TestClient) -> None:
    response = client.post("/_upload", content=b"x" * LIMIT)
    assert (response.status_code, response.text) == (200, f"received {LIMIT}")


def test_a_declared_content_length_over_the_limit_is_refused(client: TestClient) -> None:
    response = client.post("/_upload", content=b"x" * (LIMIT + 1))
    assert response.status_code == 413
    assert (
        response.text
        == TOO_LARGE_MESSAGE
        == (
            "This upload is too large. Badges are at most 5 MB each and 25 MB at a time; choose fewer or smaller files."
        )
    )


def test_a_chunked_body_without_content_length_is_cut_off(client: TestClient) -> None:
    response = client.post("/_upload", content=chunks(LIMIT * 3))
    assert response.status_code == 413
    assert response.text == TOO_LARGE_MESSAGE


def test_a_small_chunked_body_passes(client: TestClient) -> None:
    response = client.post("/_upload", content=chunks(LIMIT - 50))
    assert (response.status_code, response.text) == (200, f"received {LIMIT - 50}")


def test_other_paths_and_methods_are_not_limited(client: TestClient) -> None:
    assert client.post("/api/elsewhere", content=b"x" * (LIMIT * 2)).text == f"received {LIMIT * 2}"
    assert client.put("/_upload", content=b"x" * (LIMIT * 2)).status_code == 200


def test_the_default_guard_protects_reflex_upload_endpoint_at_5_mb() -> None:
    guarded = TestClient(upload_guard(body_counter))
    assert guarded.post("/_upload", content=b"x" * (MAX_UPLOAD_BYTES + 1)).status_code == 413
    assert guarded.post("/_upload", content=b"x" * 5_000_000).status_code == 200


def test_a_stream_is_counted_across_messages_and_answered_once() -> None:
    """Three 400-byte chunks: the third passes the limit; the app never answers after the 413."""
    messages = iter([{"type": "http.request", "body": b"x" * 400, "more_body": True}] * 3)
    sent: list[dict] = []

    async def receive() -> dict:
        return next(messages)

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/_upload", "headers": []}
    asyncio.run(UploadGuard(body_counter, path="/_upload", max_bytes=LIMIT)(scope, receive, send))
    starts = [message for message in sent if message["type"] == "http.response.start"]
    assert [start["status"] for start in starts] == [413]
    assert b"".join(message.get("body", b"") for message in sent) == TOO_LARGE_MESSAGE.encode()
