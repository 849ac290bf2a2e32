"""A real OB 2.0 issuer on a loopback port: profile, key, badge class, hosted and signed badges.

Tests talk to it over HTTP through the production fetcher, allowed only via ``allow_hosts``,
so every hosted/signed/revocation path runs exactly as it would against a live issuer.
"""

from __future__ import annotations

import functools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.proofs.jws import sign_compact
from wallet_app.credentials.recipient import hash_identity

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
LEARNER_EMAIL = "learner@example.org"
SALT = "pepper"


@dataclass
class Route:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@functools.cache
def shared_signing_key() -> rsa.RSAPrivateKey:
    """RSA key generation is slow; every loopback issuer may sign with the same key."""
    return new_rsa_key()


def public_pem(private_key: rsa.RSAPrivateKey) -> str:
    return (
        private_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


class LoopbackIssuer:
    """Serves whatever documents a test registers; starts with a complete, valid issuer."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        self.signing_key = shared_signing_key()
        self.issuer_id = self.url("/issuer.json")
        self.key_id = self.url("/key.json")
        self.badge_class_id = self.url("/badge.json")
        self.revocation_list_id = self.url("/revocations.json")
        self.serve_json("/issuer.json", self.issuer_profile())
        self.serve_json("/key.json", self.key_document(self.signing_key))
        self.serve_json("/badge.json", self.badge_class())
        self.serve_json("/revocations.json", self.revocation_list([]))
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def options(self, **overrides: object) -> VerifyOptions:
        settings: dict[str, object] = {"allow_hosts": frozenset({self.host})}
        settings.update(overrides)
        return VerifyOptions(**settings)  # type: ignore[arg-type]

    def serve(self, path: str, body: bytes, *, status: int = 200, content_type: str = "application/json",
              headers: dict[str, str] | None = None, delay_s: float = 0.0) -> None:  # fmt: skip
        self.routes[path] = Route(status, content_type, body, headers or {}, delay_s)

    def serve_json(self, path: str, document: object, *, status: int = 200) -> None:
        self.serve(path, json.dumps(document).encode("utf-8"), status=status)

    def issuer_profile(self, **overrides: object) -> dict:
        profile = {
            "@context": OB2_CONTEXT,
            "type": "Issuer",
            "id": self.issuer_id,
            "name": "Loopback Academy",
            "url": self.base,
            "email": "badges@example.org",
            "publicKey": self.key_id,
            "revocationList": self.revocation_list_id,
        }
        profile.update(overrides)
        return profile

    def key_document(self, private_key: rsa.RSAPrivateKey, *, owner: str | None = None) -> dict:
        return {
            "@context": OB2_CONTEXT,
            "type": "CryptographicKey",
            "id": self.key_id,
            "owner": owner or self.issuer_id,
            "publicKeyPem": public_pem(private_key),
        }

    def badge_class(self, **overrides: object) -> dict:
        badge_class = {
            "@context": OB2_CONTEXT,
            "type": "BadgeClass",
            "id": self.badge_class_id,
            "name": "Loopback Soldering",
            "description": "Solders a through-hole kit without bridges.",
            "image": self.url("/badge.png"),
            "criteria": {"narrative": "Build the kit in front of a mentor."},
            "issuer": self.issuer_id,
            "tags": ["electronics"],
        }
        badge_class.update(overrides)
        return badge_class

    def revocation_list(self, revoked: object) -> dict:
        return {
            "@context": OB2_CONTEXT,
            "type": "RevocationList",
            "id": self.revocation_list_id,
            "revokedAssertions": revoked,
        }

    def assertion(self, name: str, verification: dict, **overrides: object) -> dict:
        assertion = {
            "@context": OB2_CONTEXT,
            "type": "Assertion",
            "id": self.url(f"/assertions/{name}.json"),
            "recipient": {
                "type": "email",
                "hashed": True,
                "salt": SALT,
                "identity": hash_identity(LEARNER_EMAIL, SALT),
            },
            "badge": self.badge_class_id,
            "issuedOn": "2026-01-15T10:00:00Z",
            "verification": verification,
        }
        assertion.update(overrides)
        return assertion

    def hosted_assertion(self, name: str, **overrides: object) -> dict:
        """Build a hosted assertion and serve it at its own id."""
        assertion = self.assertion(name, {"type": "hosted"}, **overrides)
        self.serve_json(f"/assertions/{name}.json", assertion)
        return assertion

    def signed_assertion(self, name: str, *, private_key: rsa.RSAPrivateKey | None = None,
                         **overrides: object) -> str:  # fmt: skip
        assertion = self.assertion(name, {"type": "signed", "creator": self.key_id}, **overrides)
        payload = json.dumps(assertion).encode("utf-8")
        return sign_compact({"alg": "RS256"}, payload, private_key or self.signing_key)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                route = issuer.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    route = Route(404, "text/plain", b"not found")
                time.sleep(route.delay_s)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, format: str, *args: object) -> None:
                """Keep test output quiet."""

        return Handler
