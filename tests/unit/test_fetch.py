"""The SSRF-safe fetcher: address checks, redirects, limits, offline maps and did:web URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ob2_issuer import LoopbackIssuer
from wallet_app.credentials.errors import BadgeInputError, FetchError, FetchRefused
from wallet_app.credentials.fetch import Fetcher, did_web_to_url, is_public_address, parse_json_limited
from wallet_app.credentials.options import VerifyOptions


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "224.0.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(address)


def test_allowed_host_is_fetched_and_other_ports_are_not(issuer: LoopbackIssuer) -> None:
    document = Fetcher(issuer.options()).get(issuer.issuer_id)
    assert document.status == 200
    assert b"Loopback Academy" in document.body
    with pytest.raises(FetchRefused, match="private or local network"):
        Fetcher(VerifyOptions(allow_hosts=frozenset({"127.0.0.1:1"}))).get(issuer.issuer_id)


def test_localhost_name_is_checked_after_resolution(issuer: LoopbackIssuer) -> None:
    with pytest.raises(FetchRefused):
        Fetcher(issuer.options()).get(issuer.issuer_id.replace("127.0.0.1", "localhost"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x", "http:///nohost"])
def test_non_web_schemes_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused, match="not a web address"):
        Fetcher(VerifyOptions()).get(url)


def test_redirects_are_followed_and_rechecked(issuer: LoopbackIssuer) -> None:
    issuer.serve("/old", b"", status=301, headers={"Location": "/issuer.json"})
    document = Fetcher(issuer.options()).get(issuer.url("/old"))
    assert document.final_url == issuer.issuer_id
    assert document.url == issuer.url("/old")
    issuer.serve("/to-private", b"", status=307, headers={"Location": "http://10.0.0.7/secret"})
    with pytest.raises(FetchRefused, match=r"10\.0\.0\.7"):
        Fetcher(issuer.options()).get(issuer.url("/to-private"))


def test_redirect_loops_stop(issuer: LoopbackIssuer) -> None:
    issuer.serve("/loop", b"", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirects too many times"):
        Fetcher(issuer.options()).get(issuer.url("/loop"))


def test_non_2xx_is_returned_by_get_but_refused_by_get_json(issuer: LoopbackIssuer) -> None:
    issuer.serve("/gone", b"", status=410)
    assert Fetcher(issuer.options()).get(issuer.url("/gone")).status == 410
    with pytest.raises(FetchError) as raised:
        Fetcher(issuer.options()).get_json(issuer.url("/gone"))
    assert raised.value.status == 410


def test_get_json_refuses_unparsable_remote_json(issuer: LoopbackIssuer) -> None:
    issuer.serve("/broken.json", b"{not json")
    with pytest.raises(FetchError, match="did not return usable JSON"):
        Fetcher(issuer.options()).get_json(issuer.url("/broken.json"))


def test_byte_cap_and_deadline(issuer: LoopbackIssuer) -> None:
    issuer.serve("/big", b"x" * 500)
    with pytest.raises(FetchError, match="larger than"):
        Fetcher(issuer.options(), max_bytes=100).get(issuer.url("/big"))
    issuer.serve("/slow", b"{}", delay_s=1.0)
    with pytest.raises(FetchError, match="took too long"):
        Fetcher(issuer.options(), deadline_s=0.2).get(issuer.url("/slow"))


def test_maps_use_longest_prefix_and_plain_concatenation(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "badge.json").write_text('{"from": "folder"}')
    (tmp_path / "exact.json").write_text('{"from": "exact"}')
    options = VerifyOptions(
        offline=True,
        maps=(
            ("https://example.org/", tmp_path / "assets"),
            ("https://example.org/special", tmp_path / "exact.json"),
        ),
    )
    fetcher = Fetcher(options)
    assert fetcher.get_json("https://example.org/badge.json#frag") == {"from": "folder"}
    assert fetcher.get_json("https://example.org/special") == {"from": "exact"}
    with pytest.raises(FetchError, match="not available offline") as missing:
        fetcher.get("https://example.org/missing.json")
    assert not isinstance(missing.value, FetchRefused)
    with pytest.raises(FetchRefused, match="not available offline"):
        fetcher.get("https://elsewhere.example/badge.json")


def test_did_web_is_mapped_through_its_https_url(tmp_path: Path) -> None:
    (tmp_path / "users" / "alice").mkdir(parents=True)
    (tmp_path / "users" / "alice" / "did.json").write_text('{"id": "did:web:example.com:users:alice"}')
    fetcher = Fetcher(VerifyOptions(offline=True, maps=(("https://example.com/", tmp_path),)))
    assert fetcher.get_json("did:web:example.com:users:alice#key-1") == {"id": "did:web:example.com:users:alice"}


@pytest.mark.parametrize(
    ("did", "url"),
    [
        ("did:web:example.com", "https://example.com/.well-known/did.json"),
        ("did:web:example.com:a:b", "https://example.com/a/b/did.json"),
        ("did:web:localhost%3A8443:user", "https://localhost:8443/user/did.json"),
        ("did:web:example.com#key", "https://example.com/.well-known/did.json"),
    ],
)
def test_did_web_to_url(did: str, url: str) -> None:
    assert did_web_to_url(did) == url


def test_did_web_to_url_refuses_other_dids() -> None:
    with pytest.raises(FetchRefused):
        did_web_to_url("did:key:z6Mk")


def test_parse_json_limited() -> None:
    assert parse_json_limited('{"a": [1, {"b": "[[[["}]}', max_bytes=100, max_depth=3) == {"a": [1, {"b": "[[[["}]}
    with pytest.raises(BadgeInputError, match="nested too deeply"):
        parse_json_limited("[[[[1]]]]", max_bytes=100, max_depth=3)
    with pytest.raises(BadgeInputError, match="larger than"):
        parse_json_limited("[1, 2, 3]", max_bytes=5)
    with pytest.raises(BadgeInputError, match="not valid JSON"):
        parse_json_limited('{"a": NaN}', max_bytes=100)


def test_one_verification_has_a_document_budget(issuer: LoopbackIssuer) -> None:
    fetcher = Fetcher(issuer.options(), max_documents=2)
    fetcher.get(issuer.issuer_id)
    fetcher.get(issuer.key_id)
    with pytest.raises(FetchError, match="too many documents"):
        fetcher.get(issuer.badge_class_id)
