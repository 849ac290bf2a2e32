"""A badge's picture: the baked file itself, a data: URI, or the issuer's image URL.

Whatever the source, only bytes that parse as a raster image within a pixel budget (Pillow) or
as SVG (defusedxml, no entities) are kept; anything else is dropped and the badge has no picture.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
from urllib.parse import unquote_to_bytes

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from PIL import Image

from wallet_app.credentials.errors import FetchError
from wallet_app.credentials.fetch import Fetcher
from wallet_app.credentials.model import Credential
from wallet_app.credentials.options import VerifyOptions

MAX_FETCHED_IMAGE_BYTES = 1_000_000
MAX_IMAGE_PIXELS = 4096 * 4096
IMAGE_FETCH_DEADLINE_S = 5.0
SVG_MEDIA_TYPE = "image/svg+xml"
RASTER_MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}
logger = logging.getLogger(__name__)


def badge_image(credential: Credential, options: VerifyOptions) -> tuple[bytes, str] | None:
    """The picture to store with the badge as (bytes, media type), or None."""
    if credential.format.endswith(("+png", "+svg")):
        return checked_image(credential.original)
    location = credential.image or ""
    if location.startswith("data:"):
        data = _data_uri_bytes(location)
    elif location.startswith(("http://", "https://")):
        data = _fetched(location, options)
    else:
        data = None
    return checked_image(data) if data else None


def checked_image(data: bytes) -> tuple[bytes, str] | None:
    """(data, media type) when ``data`` is a safe-to-serve image, else None."""
    if data.lstrip()[:1] == b"<":
        return (data, SVG_MEDIA_TYPE) if _is_svg(data) else None
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if image.format not in RASTER_MEDIA_TYPES or width * height > MAX_IMAGE_PIXELS:
                return None
            image.verify()
            return data, RASTER_MEDIA_TYPES[image.format]
    except Exception:  # Pillow raises many exception types on hostile input; any of them means "no image".
        return None


def _is_svg(data: bytes) -> bool:
    try:
        root = fromstring(data)
    except (DefusedXmlException, SyntaxError, ValueError):
        return False
    return root.tag in ("svg", "{http://www.w3.org/2000/svg}svg")


def _data_uri_bytes(uri: str) -> bytes | None:
    header, separator, payload = uri.partition(",")
    if not separator or len(payload) > 2 * MAX_FETCHED_IMAGE_BYTES:
        return None
    try:
        return base64.b64decode(payload, validate=True) if header.endswith(";base64") else unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None


def _fetched(url: str, options: VerifyOptions) -> bytes | None:
    fetcher = Fetcher(options, deadline_s=IMAGE_FETCH_DEADLINE_S, max_bytes=MAX_FETCHED_IMAGE_BYTES)
    try:
        document = fetcher.get(url)
    except FetchError as exc:
        logger.info("badge image not fetched: %s", exc)
        return None
    return document.body if 200 <= document.status < 300 else None
