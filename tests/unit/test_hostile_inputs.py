"""Whatever a learner (or attacker) feeds the verifier, the answer is a plain sentence, never a crash."""

from __future__ import annotations

import json
import random
import struct
import zlib

import pytest

from tests.ob2_issuer import LoopbackIssuer
from tests.unit.test_ob2_loopback import check, png_image, run
from wallet_app.cli import main
from wallet_app.credentials.baking import bake_png
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.proofs.jws import b64url_encode
from wallet_app.credentials.report import CheckStatus, Verdict
from wallet_app.credentials.verify import verify_source

ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>"""


def signed_token(header: dict, payload: bytes, signature: str) -> str:
    return f"{b64url_encode(json.dumps(header).encode())}.{b64url_encode(payload)}.{signature}"


def error_of(source: bytes | str, options: VerifyOptions | None = None) -> str:
    outcome = verify_source(source, options or VerifyOptions(offline=True))
    assert outcome.verdict == Verdict.ERROR, outcome.report.checks
    assert outcome.error
    return outcome.error


@pytest.mark.parametrize(
    ("data", "expected_words"),
    [
        (b"", "This file is empty"),
        (b"   \n", "This file is empty"),
        (random.Random(7).randbytes(64) + b"\x00\xff\xfe", "not a badge"),
        (b"hello there", "This is not a badge"),
        (b"[1, 2, 3]", "not a JSON object"),
        (b'{"a": 1,}', "not valid JSON"),
        (b"\xff\xd8\xff\xe0 jpeg", "only PNG and SVG images can"),
        (png_image(), "This PNG has no badge data in it"),
        (png_image()[:40], "damaged or incomplete"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "This SVG has no badge data in it"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><unclosed></svg>", "damaged or incomplete"),
        (ENTITY_BOMB, "entities"),
        (b"[" * 5000 + b"]" * 5000, "nested too deeply"),
        (b'{"a": "' + b"x" * 2_100_000 + b'"}', "larger than"),
        (b"eyJhbGciOiJSUzI1NiJ9.!!!.abc", "This is not a badge"),
        (b64url_encode(b"not json").encode() + b".e30.", "cannot be read"),
    ],
    ids=[
        "empty",
        "whitespace",
        "random-bytes",
        "plain-text",
        "json-list",
        "json-trailing-comma",
        "jpeg",
        "png-without-badge",
        "truncated-png",
        "svg-without-badge",
        "broken-svg",
        "svg-entity-bomb",
        "deep-json",
        "huge-json",
        "broken-jws",
        "jws-header-not-json",
    ],
)
def test_unusable_input_gives_a_plain_error(data: bytes, expected_words: str) -> None:
    assert expected_words in error_of(data)


def test_png_with_corrupted_badge_chunk_crc_is_an_error() -> None:
    baked = bytearray(bake_png(png_image(), '{"a": 1}'))
    baked[40] ^= 0xFF
    assert "damaged" in error_of(bytes(baked))


def test_png_with_compressed_bomb_chunk_is_refused() -> None:
    image = png_image()
    bomb = b"openbadges\x00\x01\x00\x00\x00" + zlib.compress(b"{" + b" " * 30_000_000 + b"}", 9)
    chunk = struct.pack(">I", len(bomb)) + b"iTXt" + bomb + struct.pack(">I", zlib.crc32(b"iTXt" + bomb))
    assert "too large" in error_of(image[:33] + chunk + image[33:])


def test_jws_with_alg_none_is_invalid(issuer: LoopbackIssuer) -> None:
    payload = json.dumps(issuer.assertion("none", {"type": "signed", "creator": issuer.key_id})).encode()
    token = signed_token({"alg": "none"}, payload, "")
    outcome = run(issuer, token.encode())
    assert outcome.verdict == Verdict.INVALID
    assert check(outcome, "signature").message == 'The badge is not signed: its signature algorithm is "none".'


def test_jws_with_hs256_is_invalid(issuer: LoopbackIssuer) -> None:
    payload = json.dumps(issuer.assertion("hs", {"type": "signed", "creator": issuer.key_id})).encode()
    token = signed_token({"alg": "HS256"}, payload, "c2ln")
    outcome = run(issuer, token.encode())
    assert check(outcome, "signature").status == CheckStatus.FAILED
    assert "HS256" in check(outcome, "signature").message


def test_url_to_loopback_without_allow_host_is_refused(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("private")
    message = error_of(assertion["id"], VerifyOptions())
    assert "private or local network address" in message


def test_redirect_to_private_address_is_refused(issuer: LoopbackIssuer) -> None:
    issuer.serve("/jump", b"", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    message = error_of(issuer.url("/jump"), issuer.options())
    assert "169.254.169.254 points to a private or local network address" in message


def test_oversized_response_is_indeterminate(issuer: LoopbackIssuer) -> None:
    issuer.serve("/huge.json", b" " * 2_100_000)
    outcome = verify_source(issuer.url("/huge.json"), issuer.options())
    assert outcome.verdict == Verdict.INDETERMINATE
    assert "larger than" in check(outcome, "source.fetch").message


def test_hosted_document_that_is_not_json_is_invalid(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("html")
    issuer.serve("/assertions/html.json", b"<html>hello</html>", content_type="text/html")
    outcome = run(issuer, json.dumps(assertion).encode())
    assert "does not hold a badge" in check(outcome, "hosted.fetch").message


@pytest.mark.parametrize(
    "argv_tail",
    [["/nonexistent/badge.json"], ["/"], ["https://127.0.0.1:1/x"], ["ftp://example.org/x"]],
    ids=["missing-file", "directory", "refused-url", "ftp-url"],
)
def test_cli_never_prints_a_traceback(argv_tail: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    exit_code = main(["verify", "--json", *argv_tail])
    captured = capsys.readouterr()
    line = json.loads(captured.out)
    assert exit_code == 2
    assert line["verdict"] == "error" and line["error"]
    assert "Traceback" not in captured.out + captured.err
