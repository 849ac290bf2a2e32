"""Badges baked into images: read and write PNG text chunks and SVG badge elements.

OB 2.0 uses PNG ``iTXt`` keyword ``openbadges`` (legacy 1.x: ``tEXt``, holding a URL) and SVG
``<openbadges:assertion>``; OB 3.0 uses ``openbadgecredential`` and ``<openbadges:credential>``.
Writing keeps every other byte of the learner's image unchanged, and reading what we wrote
returns exactly the text we baked.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from wallet_app.credentials.errors import BadgeInputError
from wallet_app.credentials.proofs.jws import looks_like_compact_jws

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OB2_KEYWORD = "openbadges"
OB3_KEYWORD = "openbadgecredential"
OB2_SVG_NAMESPACE = "http://openbadges.org"
OB3_SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
SVG_ELEMENTS = {OB2_KEYWORD: (OB2_SVG_NAMESPACE, "assertion"), OB3_KEYWORD: (OB3_SVG_NAMESPACE, "credential")}
MAX_IMAGE_BYTES = 20_000_000
MAX_PAYLOAD_BYTES = 2_000_000
_SVG_ROOT_TAG = re.compile(rb"<svg\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_REPAIR_HINT = "Download the badge image again from your issuer's site, or paste the badge URL."


@dataclass(frozen=True)
class BakedBadge:
    """What an image carries: the keyword says OB 2.0 or 3.0, ``text`` is JSON, a JWS or a URL."""

    keyword: str
    text: str
    container: str


def read_png(data: bytes) -> BakedBadge | None:
    """The first badge chunk of a PNG, or None when the image carries no badge.

    The whole file is walked even after the badge is found: a truncated image is refused, since
    its bytes are what the wallet would store and hand back.
    """
    first_badge: BakedBadge | None = None
    for chunk_type, body, _raw in _png_raw_chunks(data):
        if first_badge is not None:
            continue
        if chunk_type == b"iTXt":
            first_badge = _read_itxt(body)
        elif chunk_type == b"tEXt":
            first_badge = _read_text(body)
    return first_badge


def bake_png(image: bytes, text: str, keyword: str = OB2_KEYWORD) -> bytes:
    """Return the PNG with one uncompressed badge ``iTXt`` chunk right after IHDR.

    Any badge chunk already present is dropped so the file never carries two different badges.
    """
    chunks = list(_png_raw_chunks(image))
    kept = [raw for chunk_type, body, raw in chunks if not _is_badge_chunk(chunk_type, body)]
    itxt_body = keyword.encode("latin-1") + b"\x00\x00\x00\x00\x00" + text.encode("utf-8")
    return PNG_SIGNATURE + kept[0] + _png_chunk(b"iTXt", itxt_body) + b"".join(kept[1:])


def read_svg(data: bytes) -> BakedBadge | None:
    """The badge element of an SVG (verify attribute or JSON body), or None when there is none."""
    if len(data) > MAX_IMAGE_BYTES:
        raise BadgeInputError("This image is too large to be a badge.")
    try:
        root = fromstring(data)
    except DefusedXmlException as exc:
        raise BadgeInputError("This SVG uses XML features (entities) that are not allowed in a badge.") from exc
    except ParseError as exc:
        raise BadgeInputError(f"This SVG file is damaged or incomplete. {_REPAIR_HINT}") from exc
    for keyword, (namespace, local_name) in SVG_ELEMENTS.items():
        element = root.find(f".//{{{namespace}}}{local_name}")
        if element is None:
            continue
        text = (element.text or "").strip() or element.get("verify", "").strip()
        if text:
            return BakedBadge(keyword, text, "svg")
    return None


def bake_svg(svg: bytes, text: str, keyword: str = OB2_KEYWORD) -> bytes:
    """Insert the badge element right after the ``<svg>`` start tag; other bytes stay as they were.

    A compact JWS or URL goes into the ``verify`` attribute, JSON into a CDATA body.
    """
    if read_svg(svg) is not None:
        raise BadgeInputError("This SVG already carries a badge.")
    root_tag = _SVG_ROOT_TAG.search(svg)
    if root_tag is None or root_tag.group().endswith(b"/>"):
        raise BadgeInputError("This SVG has no <svg> element to put the badge in.")
    namespace, local_name = SVG_ELEMENTS[keyword]
    opening = f'<openbadges:{local_name} xmlns:openbadges="{namespace}"'
    if looks_like_compact_jws(text) or text.startswith(("http://", "https://")):
        element = f'{opening} verify="{_escape_attribute(text)}"></openbadges:{local_name}>'
    else:
        cdata = text.replace("]]>", "]]]]><![CDATA[>")
        element = f"{opening}><![CDATA[{cdata}]]></openbadges:{local_name}>"
    insert_at = root_tag.end()
    return svg[:insert_at] + element.encode("utf-8") + svg[insert_at:]


def _escape_attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _png_raw_chunks(data: bytes) -> Iterator[tuple[bytes, bytes, bytes]]:
    """Walk (type, body, raw bytes) up to IEND, refusing damaged files; bytes after IEND come last."""
    if len(data) > MAX_IMAGE_BYTES:
        raise BadgeInputError("This image is too large to be a badge.")
    if not data.startswith(PNG_SIGNATURE):
        raise BadgeInputError(f"This is not a PNG image. {_REPAIR_HINT}")
    position = len(PNG_SIGNATURE)
    while True:
        header = data[position : position + 8]
        if len(header) < 8:
            raise BadgeInputError(f"This PNG file is damaged or incomplete. {_REPAIR_HINT}")
        length, chunk_type = struct.unpack(">I4s", header)
        end = position + 12 + length
        if end > len(data):
            raise BadgeInputError(f"This PNG file is damaged or incomplete. {_REPAIR_HINT}")
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(chunk_type + body) != crc:
            raise BadgeInputError(f"This PNG file is damaged. {_REPAIR_HINT}")
        yield chunk_type, body, data[position:end]
        if chunk_type == b"IEND":
            yield b"", b"", data[end:]
            return
        position = end


def _png_chunk(chunk_type: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + chunk_type + body + struct.pack(">I", zlib.crc32(chunk_type + body))


def _is_badge_chunk(chunk_type: bytes, body: bytes) -> bool:
    keyword = body.split(b"\x00", 1)[0]
    return chunk_type in (b"iTXt", b"tEXt") and keyword in (OB2_KEYWORD.encode(), OB3_KEYWORD.encode())


def _read_itxt(body: bytes) -> BakedBadge | None:
    """iTXt: keyword NUL, compression flag, method, language NUL, translated keyword NUL, text."""
    keyword, _, rest = body.partition(b"\x00")
    if keyword.decode("latin-1") not in SVG_ELEMENTS or len(rest) < 2:
        return None
    compressed = rest[0] == 1
    _language, _, rest = rest[2:].partition(b"\x00")
    _translated_keyword, _, text = rest.partition(b"\x00")
    if compressed:
        text = _inflate_limited(text)
    return BakedBadge(keyword.decode("latin-1"), _decode_text(text, "utf-8"), "png")


def _read_text(body: bytes) -> BakedBadge | None:
    keyword, _, text = body.partition(b"\x00")
    if keyword.decode("latin-1") not in SVG_ELEMENTS:
        return None
    return BakedBadge(keyword.decode("latin-1"), _decode_text(text, "latin-1"), "png")


def _inflate_limited(compressed: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(compressed, MAX_PAYLOAD_BYTES + 1)
    except zlib.error as exc:
        raise BadgeInputError(f"The badge data in this PNG is damaged. {_REPAIR_HINT}") from exc
    if len(text) > MAX_PAYLOAD_BYTES:
        raise BadgeInputError("The badge data in this PNG is too large.")
    return text


def _decode_text(text: bytes, encoding: str) -> str:
    if len(text) > MAX_PAYLOAD_BYTES:
        raise BadgeInputError("The badge data in this image is too large.")
    try:
        return text.decode(encoding).strip()
    except UnicodeDecodeError as exc:
        raise BadgeInputError(f"The badge data in this image is not readable text. {_REPAIR_HINT}") from exc
