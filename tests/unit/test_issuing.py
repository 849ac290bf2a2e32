"""The built-in issuer: key formats, and that what it signs verifies end to end (also when baked)."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from PIL import Image

from tests.ob2_issuer import LoopbackIssuer
from tests.ob3_issuer import LEARNER_EMAIL, NOW, SALT, Ob3Issuer, check, verify
from wallet_app.credentials import issuing
from wallet_app.credentials.baking import OB3_KEYWORD, bake_png, bake_svg
from wallet_app.credentials.recipient import hash_identity
from wallet_app.credentials.verify import verify_source


def test_private_key_round_trips_through_multibase() -> None:
    key = issuing.generate_issuer_key()
    text = issuing.private_key_multibase(key)
    assert text.startswith("z3u2")
    assert issuing.load_private_key(text).public_key() == key.public_key()
    assert issuing.load_private_key(key.private_bytes_raw()).public_key() == key.public_key()


@pytest.mark.parametrize("value", ["z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", "not multibase", b"short"])
def test_load_private_key_refuses_other_things(value: str | bytes) -> None:
    with pytest.raises(ValueError):
        issuing.load_private_key(value)


def test_identity_object_hashes_with_salt() -> None:
    hashed = issuing.identity_object(LEARNER_EMAIL, salt=SALT)
    assert hashed == {
        "type": "IdentityObject",
        "identityHash": hash_identity(LEARNER_EMAIL, SALT),
        "identityType": "emailAddress",
        "hashed": True,
        "salt": SALT,
    }
    assert issuing.identity_object(LEARNER_EMAIL)["identityHash"] == LEARNER_EMAIL


def test_issued_badge_verifies_and_normalizes() -> None:
    ob3 = Ob3Issuer()
    evidence = [{"id": "https://demo.example/evidence/1", "name": "Project 4", "narrative": "A CLI tool."}]
    outcome = verify(
        ob3.credential(valid_until=NOW + timedelta(days=365), evidence=evidence), recipients=(LEARNER_EMAIL,)
    )
    assert outcome.verdict == "valid"
    credential = outcome.credential
    assert credential is not None
    assert (credential.spec, credential.format, credential.issuer.id, credential.issuer.name) == (
        "ob3",
        "ob3-json",
        ob3.did,
        "Demo Institute",
    )
    assert credential.achievement.criteria_narrative == "Complete the four course projects."
    assert credential.expires == NOW + timedelta(days=365)
    assert [item.name for item in credential.evidence] == ["Project 4"]
    assert credential.recipient.hashed and credential.recipient.salt == SALT


def test_standalone_endorsement_verifies_without_a_recipient_check() -> None:
    endorsement = Ob3Issuer().endorsement("Great work.")
    outcome = verify(endorsement, recipients=(LEARNER_EMAIL,))
    assert outcome.verdict == "valid"
    assert check(outcome, "type")[1] == "This is an Open Badges 3.0 endorsement."
    assert "recipient" not in {item.id for item in outcome.report.checks}


def test_baked_png_and_svg_of_an_issued_badge_verify() -> None:
    text = json.dumps(Ob3Issuer().credential())
    image = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(image, format="PNG")
    png = bake_png(image.getvalue(), text, keyword=OB3_KEYWORD)
    svg = bake_svg(b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>', text, keyword=OB3_KEYWORD)
    for baked, suffix in ((png, "+png"), (svg, "+svg")):
        outcome = verify(baked)
        assert outcome.verdict == "valid"
        assert outcome.format == "ob3-json" + suffix


def test_issued_badge_verifies_from_its_url(issuer: LoopbackIssuer) -> None:
    issuer.serve_json("/credentials/1", Ob3Issuer().credential())
    outcome = verify_source(issuer.url("/credentials/1"), issuer.options(now=NOW))
    assert outcome.verdict == "valid"
    assert outcome.format == "ob3-json"
