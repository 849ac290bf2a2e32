"""The one way the engine reads a URL: SSRF-safe, deadline-bound, size-capped, optionally offline.

Badge documents name URLs chosen by strangers, so every address is checked where it matters: at
connect time, after our own DNS lookup, on every redirect hop. A URL under a ``--map`` prefix is
read from a local folder instead, which lets conformance runs and tests work fully offline.
"""

from __future__ import annotations

import functools
import ipaddress
import json
import mimetypes
import re
import socket
import ssl
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpcore
import httpx

from wallet_app.credentials.errors import BadgeInputError, FetchError, FetchRefused
from wallet_app.credentials.options import VerifyOptions

MAX_REDIRECTS = 5
MAX_JSON_DEPTH = 64
USER_AGENT = "BadgeWallet/0.1 (+Open Badges verifier)"
_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


@dataclass(frozen=True)
class FetchedDocument:
    """A response as received; non-2xx statuses are kept so callers can read 410 as "revoked"."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes


def did_web_to_url(did: str) -> str:
    """did:web:host%3A8080:a:b -> https://host:8080/a/b/did.json (no path -> /.well-known/did.json)."""
    parts = did.split("#", 1)[0].split(":")
    if len(parts) < 3 or parts[0] != "did" or parts[1] != "web" or not parts[2]:
        raise FetchRefused(f"{did} is not a did:web identifier.", url=did)
    host = unquote(parts[2])
    path_segments = [unquote(segment) for segment in parts[3:]]
    path = "/".join(path_segments) + "/did.json" if path_segments else ".well-known/did.json"
    return f"https://{host}/{path}"


def parse_json_limited(data: bytes | str, *, max_bytes: int, max_depth: int = MAX_JSON_DEPTH) -> object:
    """Parse JSON from an untrusted source, refusing oversize or deeply nested documents."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise BadgeInputError(f"This document is larger than the {max_bytes // 1000} kB we accept.")
    if _nesting_depth(raw) > max_depth:
        raise BadgeInputError("This document is nested too deeply to be a badge.")
    try:
        return json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise BadgeInputError(
            "This is not valid JSON. Download the badge again from your issuer, or paste its URL."
        ) from exc


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed in JSON")


def _nesting_depth(raw: bytes) -> int:
    """Deepest bracket nesting, skipping strings; runs before json.loads so it cannot recurse."""
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(raw):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


def mapped_file(url: str, maps: tuple[tuple[str, Path], ...]) -> str | None:
    """The local file a ``--map`` prefix sends this URL to, by plain string concatenation.

    A pure function (no I/O beyond a folder test) so callers that must never reach the network,
    such as the JSON Schema check, can share the exact rule the Fetcher uses.
    """
    target = url.split("#", 1)[0]
    matches = [(prefix, folder) for prefix, folder in maps if target.startswith(prefix)]
    if not matches:
        return None
    prefix, folder = max(matches, key=lambda pair: len(pair[0]))
    base = str(folder)
    # Path() drops a trailing slash; a folder given as a Path is always meant as a folder.
    if isinstance(folder, Path) and folder.is_dir() and not base.endswith("/"):
        base += "/"
    return base + target[len(prefix) :]


def is_public_address(address: str) -> bool:
    """True only for globally routable unicast addresses (IPv4-mapped IPv6 judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class _CheckedBackend(httpcore.SyncBackend):
    """Resolves the host itself and connects only to an address it has checked.

    httpcore still uses the URL's host name for TLS SNI and the Host header, so HTTPS works while
    the socket goes to the exact IP we approved (no second DNS lookup an attacker could change).
    """

    def __init__(self, allow_hosts: frozenset[str]) -> None:
        self._allow_hosts = allow_hosts

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: object = None,
    ) -> httpcore.NetworkStream:
        address = self._checked_address(host, port)
        return super().connect_tcp(address, port, timeout, local_address, socket_options)  # type: ignore[arg-type]

    def _checked_address(self, host: str, port: int) -> str:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise FetchError(f"The server {host} could not be found.", url=host) from exc
        addresses = [str(info[4][0]) for info in infos]
        if f"{host}:{port}" not in self._allow_hosts and not all(map(is_public_address, addresses)):
            raise FetchRefused(
                f"{host} points to a private or local network address, which the wallet never contacts.",
                url=host,
            )
        return addresses[0]


class _CheckedTransport(httpx.HTTPTransport):
    """httpx transport whose connection pool uses the checked backend (httpx has no public hook)."""

    def __init__(self, allow_hosts: frozenset[str]) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=_shared_ssl_context(),
            network_backend=_CheckedBackend(allow_hosts),
        )


@functools.cache
def _shared_ssl_context() -> ssl.SSLContext:
    """Loading the CA bundle is slow; one verifying context serves every fetch."""
    return httpx.create_ssl_context()


class Fetcher:
    """Fetches documents for one verification, each within a deadline and a byte cap.

    A badge can link to many documents (endorsements, keys, lists), so the whole run also has a
    budget: at most ``max_documents`` network fetches within ``budget_s`` seconds.
    """

    def __init__(
        self,
        options: VerifyOptions,
        *,
        deadline_s: float = 10.0,
        max_bytes: int = 2_000_000,
        budget_s: float = 60.0,
        max_documents: int = 60,
    ) -> None:
        self.options = options
        self.deadline_s = deadline_s
        self.max_bytes = max_bytes
        self.budget_s = budget_s
        self.max_documents = max_documents
        self._remote_fetches = 0
        self._budget_ends: float | None = None

    def get(self, url: str) -> FetchedDocument:
        """Fetch ``url`` (a did:web is first turned into its https ``did.json`` URL)."""
        web_url = did_web_to_url(url) if url.startswith("did:web:") else url
        local_file = mapped_file(web_url, self.options.maps)
        if local_file is not None:
            return self._read_local(url, local_file)
        if self.options.offline:
            raise FetchRefused(f"{url} is not available offline.", url=url)
        return self._get_remote(web_url)

    def get_json(self, url: str) -> dict | list:
        document = self.get(url)
        if not 200 <= document.status < 300:
            raise FetchError(f"{url} answered with HTTP status {document.status}.", url=url, status=document.status)
        try:
            parsed = parse_json_limited(document.body, max_bytes=self.max_bytes)
        except BadgeInputError as exc:
            raise FetchError(f"{url} did not return usable JSON: {exc}", url=url) from exc
        if not isinstance(parsed, dict | list):
            raise FetchError(f"{url} did not return a JSON object.", url=url)
        return parsed

    def _read_local(self, url: str, local_file: str) -> FetchedDocument:
        path = Path(local_file)
        if not path.is_file():
            raise FetchError(f"{url} is not available offline.", url=url)
        if path.stat().st_size > self.max_bytes:
            raise FetchError(f"{url} is larger than the {self.max_bytes // 1000} kB we accept.", url=url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return FetchedDocument(url, url, 200, content_type, path.read_bytes())

    def _get_remote(self, url: str) -> FetchedDocument:
        now = time.monotonic()
        self._budget_ends = self._budget_ends or now + self.budget_s
        self._remote_fetches += 1
        if self._remote_fetches > self.max_documents:
            raise FetchError(f"{url} was not fetched: this badge links to too many documents.", url=url)
        deadline = min(now + self.deadline_s, self._budget_ends)
        current_url = url
        with httpx.Client(transport=_CheckedTransport(self.options.allow_hosts), trust_env=False) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                _require_http_url(current_url)
                status, headers, body = self._request_once(client, current_url, deadline)
                location = headers.get("location")
                if status in (301, 302, 303, 307, 308) and location:
                    current_url = urljoin(current_url, location)
                    continue
                return FetchedDocument(url, current_url, status, headers.get("content-type", ""), body)
        raise FetchError(f"{url} redirects too many times.", url=url)

    def _request_once(self, client: httpx.Client, url: str, deadline: float) -> tuple[int, httpx.Headers, bytes]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"{url} took too long to answer.", url=url)
        headers = {"Accept": "application/ld+json, application/json, */*", "User-Agent": USER_AGENT}
        try:
            with client.stream("GET", url, headers=headers, timeout=remaining) as response:
                return response.status_code, response.headers, self._read_capped(response, url, deadline)
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url} took too long to answer.", url=url) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url} could not be reached ({type(exc).__name__}).", url=url) from exc

    def _read_capped(self, response: httpx.Response, url: str, deadline: float) -> bytes:
        declared_length = response.headers.get("content-length", "")
        if declared_length.isdigit() and int(declared_length) > self.max_bytes:
            raise FetchError(f"{url} is larger than the {self.max_bytes // 1000} kB we accept.", url=url)
        chunks: list[bytes] = []
        received = 0
        for chunk in response.iter_bytes():
            received += len(chunk)
            if received > self.max_bytes:
                raise FetchError(f"{url} is larger than the {self.max_bytes // 1000} kB we accept.", url=url)
            if time.monotonic() > deadline:
                raise FetchError(f"{url} took too long to answer.", url=url)
            chunks.append(chunk)
        return b"".join(chunks)


def _require_http_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"{url} is not a web address the wallet can fetch.", url=url)
