"""Work out what the learner gave us from its content alone (names and extensions lie).

A source is a URL, badge JSON, a compact JWS, or a PNG/SVG image with a badge baked in. The
answer says which spec (OB 2.0 or 3.0) it is and hands over the payload to verify.
"""

from __future__ import annotations

from dataclasses import dataclass

from wallet_app.credentials.baking import OB3_KEYWORD, PNG_SIGNATURE, BakedBadge, read_png, read_svg
from wallet_app.credentials.errors import BadgeInputError
from wallet_app.credentials.fetch import parse_json_limited
from wallet_app.credentials.proofs.jws import JwsError, looks_like_compact_jws, parse_compact

MAX_SOURCE_BYTES = 20_000_000
MAX_JSON_BYTES = 2_000_000
VC_CONTEXTS = ("https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2")
VC_TYPES = ("VerifiableCredential", "OpenBadgeCredential", "AchievementCredential", "EndorsementCredential")
_HINT = "Download the badge again from your issuer's site, or paste the badge URL."
_IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"RIFF", b"BM")


@dataclass(frozen=True)
class DetectedInput:
    """A sniffed source.

    ``payload`` is a dict (badge JSON) or a str: a compact JWS when ``kind`` is "jws", an http(s)
    URL when ``kind`` is "url". ``format`` is "<spec>-<kind>" plus "+png"/"+svg" when baked.
    """

    spec: str
    kind: str
    payload: dict | str
    original: bytes
    baked: str | None = None

    @property
    def format(self) -> str:
        return f"{self.spec}-{self.kind}" + (f"+{self.baked}" if self.baked else "")


def detect_url(url: str) -> DetectedInput:
    """A URL typed by the learner; its spec is only known once fetched, so OB 2.0 is assumed."""
    return DetectedInput("ob2", "url", url.strip(), url.encode("utf-8"))


def detect(data: bytes) -> DetectedInput:
    """Sniff raw bytes: PNG, SVG, JSON, compact JWS, or a pasted URL."""
    if len(data) > MAX_SOURCE_BYTES:
        raise BadgeInputError("This file is too large to be a badge.")
    if not data.strip():
        raise BadgeInputError(f"This file is empty. {_HINT}")
    if data.startswith(PNG_SIGNATURE):
        return _from_baked(read_png(data), data, "PNG")
    if data.startswith(_IMAGE_SIGNATURES):
        raise BadgeInputError(
            "This image cannot carry a badge: only PNG and SVG images can. "
            "Download the badge image from your issuer's site, or paste the badge URL."
        )
    text = _decode(data)
    if _looks_like_svg(text):
        return _from_baked(read_svg(data), data, "SVG")
    return _from_text(text, data, baked=None, ob3_keyword=False)


def _from_baked(badge: BakedBadge | None, data: bytes, image_kind: str) -> DetectedInput:
    if badge is None:
        raise BadgeInputError(
            f"This {image_kind} has no badge data in it. "
            "Download the badge image from your issuer's site, or paste the badge URL."
        )
    return _from_text(badge.text, data, baked=badge.container, ob3_keyword=badge.keyword == OB3_KEYWORD)


def _from_text(text: str, original: bytes, *, baked: str | None, ob3_keyword: bool) -> DetectedInput:
    stripped = text.strip().lstrip("\ufeff")
    if stripped.startswith(("http://", "https://")) and len(stripped.split()) == 1:
        return DetectedInput("ob3" if ob3_keyword else "ob2", "url", stripped, original, baked)
    if looks_like_compact_jws(stripped):
        ob3 = ob3_keyword or _is_vc_jws(stripped)
        return DetectedInput("ob3" if ob3 else "ob2", "jws", stripped, original, baked)
    if stripped.startswith(("{", "[")):
        document = parse_json_limited(stripped, max_bytes=MAX_JSON_BYTES)
        if not isinstance(document, dict):
            raise BadgeInputError(f"This JSON is not a badge (it is not a JSON object). {_HINT}")
        ob3 = ob3_keyword or is_verifiable_credential(document)
        return DetectedInput("ob3" if ob3 else "ob2", "json", document, original, baked)
    raise BadgeInputError(
        "This is not a badge: it is not a badge URL, badge JSON, a signed badge, "
        f"or a PNG/SVG image with a badge baked in. {_HINT}"
    )


def is_verifiable_credential(document: dict) -> bool:
    """OB 3.0 / VC shape: a VC context, or a VerifiableCredential-family type."""
    contexts = document.get("@context")
    context_list = contexts if isinstance(contexts, list) else [contexts]
    types = document.get("type")
    type_list = types if isinstance(types, list) else [types]
    return any(context in VC_CONTEXTS for context in context_list) or any(t in VC_TYPES for t in type_list)


def _is_vc_jws(token: str) -> bool:
    try:
        claims = parse_compact(token).payload_json()
    except JwsError:
        return False
    return isinstance(claims, dict) and (isinstance(claims.get("vc"), dict) or is_verifiable_credential(claims))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadgeInputError(
            "This file is not a badge: it is not text, and not a PNG or SVG image. "
            "Download the badge again from your issuer's site, or paste the badge URL."
        ) from exc


def _looks_like_svg(text: str) -> bool:
    head = text.lstrip()[:4096]
    return head.startswith("<") and "<svg" in head
