"""Baking and unbaking PNG and SVG badges: what we bake reads back byte for byte."""

from __future__ import annotations

import struct
import zlib

import pytest

from tests.unit.test_ob2_loopback import png_image
from wallet_app.credentials.baking import (
    OB3_KEYWORD,
    BakedBadge,
    bake_png,
    bake_svg,
    read_png,
    read_svg,
)
from wallet_app.credentials.errors import BadgeInputError

SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" data-x="a>b"><circle r="1"/></svg>\n'
ASSERTION_TEXT = '{"id": "https://example.org/a.json", "name": "Caf\\u00e9 ]]> badge", "note": "caf\u00e9"}'


def png_chunk(chunk_type: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + chunk_type + body + struct.pack(">I", zlib.crc32(chunk_type + body))


def with_chunk(image: bytes, chunk: bytes) -> bytes:
    """Insert a chunk right after IHDR (8-byte signature + 25-byte IHDR chunk)."""
    return image[:33] + chunk + image[33:]


def test_png_round_trip_keeps_every_other_byte() -> None:
    image = png_image()
    baked = bake_png(image, ASSERTION_TEXT)
    assert read_png(baked) == BakedBadge("openbadges", ASSERTION_TEXT, "png")
    inserted = len(baked) - len(image)
    assert baked[:33] == image[:33]
    assert baked[33 + inserted :] == image[33:]


def test_rebaking_replaces_the_old_badge() -> None:
    baked_twice = bake_png(bake_png(png_image(), "first"), "second", OB3_KEYWORD)
    assert read_png(baked_twice) == BakedBadge(OB3_KEYWORD, "second", "png")
    assert baked_twice.count(b"iTXt") == 1


def test_png_compressed_itxt_and_legacy_text_are_read() -> None:
    compressed = png_chunk(b"iTXt", b"openbadges\x00\x01\x00en\x00\x00" + zlib.compress(b'{"a": 1}'))
    assert read_png(with_chunk(png_image(), compressed)) == BakedBadge("openbadges", '{"a": 1}', "png")
    legacy = png_chunk(b"tEXt", b"openbadges\x00https://example.org/assertion")
    assert read_png(with_chunk(png_image(), legacy)).text == "https://example.org/assertion"  # type: ignore[union-attr]


def test_png_other_text_chunks_are_not_badges() -> None:
    comment = png_chunk(b"tEXt", b"Comment\x00made with care")
    assert read_png(with_chunk(png_image(), comment)) is None


def test_truncated_and_non_png_are_errors() -> None:
    with pytest.raises(BadgeInputError, match="damaged or incomplete"):
        read_png(bake_png(png_image(), "x")[:-20])
    with pytest.raises(BadgeInputError, match="not a PNG"):
        bake_png(b"GIF89a...", "x")


def test_svg_json_round_trip_in_cdata() -> None:
    baked = bake_svg(SVG, ASSERTION_TEXT)
    assert read_svg(baked) == BakedBadge("openbadges", ASSERTION_TEXT, "svg")
    assert baked.startswith(SVG[: SVG.index(b"<circle")])
    assert baked.endswith(SVG[SVG.index(b"<circle") :])


def test_svg_jws_goes_in_verify_attribute_with_ob3_namespace() -> None:
    token = "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln"
    baked = bake_svg(SVG, token, OB3_KEYWORD)
    assert b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" verify="' in baked
    assert read_svg(baked) == BakedBadge(OB3_KEYWORD, token, "svg")


def test_svg_badge_elements_are_found_by_namespace_not_prefix() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org"><ob:assertion verify="https://e.org/a"/></svg>'
    assert read_svg(svg) == BakedBadge("openbadges", "https://e.org/a", "svg")
    wrong_namespace = b'<svg xmlns:openbadges="http://example.org/x"><openbadges:assertion verify="u"/></svg>'
    assert read_svg(wrong_namespace) is None


def test_svg_already_baked_or_without_root_is_refused() -> None:
    with pytest.raises(BadgeInputError, match="already carries a badge"):
        bake_svg(bake_svg(SVG, "https://example.org/a"), "https://example.org/b")
    with pytest.raises(BadgeInputError, match="no <svg> element"):
        bake_svg(b"<svg/>", "x")


def test_svg_with_external_entity_is_refused() -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>'
    with pytest.raises(BadgeInputError, match="entities"):
        read_svg(xxe)
