"""OB 2.0 verification end to end against our own loopback issuer (hosted, signed, revoked...)."""

from __future__ import annotations

import base64
import io
import json
from datetime import UTC, datetime

from PIL import Image

from tests.ob2_issuer import LEARNER_EMAIL, SALT, LoopbackIssuer, new_rsa_key
from wallet_app.credentials.baking import bake_png, bake_svg, read_png, read_svg
from wallet_app.credentials.recipient import hash_identity
from wallet_app.credentials.report import Check, CheckStatus, Verdict
from wallet_app.credentials.verify import VerificationOutcome, verify_source

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def run(issuer: LoopbackIssuer, source: bytes | str, **options: object) -> VerificationOutcome:
    options.setdefault("now", NOW)
    return verify_source(source, issuer.options(**options))


def check(outcome: VerificationOutcome, check_id: str) -> Check:
    matches = [item for item in outcome.report.checks if item.id == check_id]
    assert matches, f"no {check_id} check in {[item.id for item in outcome.report.checks]}"
    return matches[-1]


def as_bytes(document: dict) -> bytes:
    return json.dumps(document).encode()


def png_image() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def test_hosted_badge_is_valid_and_normalized(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("hosted")
    outcome = run(issuer, as_bytes(assertion))
    assert outcome.verdict == Verdict.VALID, outcome.report.checks
    assert outcome.format == "ob2-hosted"
    assert check(outcome, "hosted.fetch").status == CheckStatus.PASSED
    assert check(outcome, "verification.scope").status == CheckStatus.PASSED
    credential = outcome.credential
    assert credential is not None
    assert credential.name == "Loopback Soldering"
    assert credential.issuer.name == "Loopback Academy"
    assert credential.achievement.criteria_narrative == "Build the kit in front of a mentor."
    assert credential.recipient.hashed is True
    assert credential.issued_on == datetime(2026, 1, 15, 10, tzinfo=UTC)


def test_hosted_badge_given_as_url_is_valid(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("by-url")
    outcome = run(issuer, assertion["id"])
    assert outcome.verdict == Verdict.VALID, outcome.report.checks


def test_hosted_check_uses_the_issuers_copy_not_the_learners(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("edited")
    edited = dict(assertion, expires="2030-01-01T00:00:00Z", issuedOn="2026-01-15T10:00:00Z")
    issuer.serve_json("/assertions/edited.json", dict(assertion, expires="2026-02-01T00:00:00Z"))
    outcome = run(issuer, as_bytes(edited))
    assert outcome.verdict == Verdict.INVALID
    assert "expired on 2026-02-01" in check(outcome, "dates.expires").message


def test_signed_badge_is_valid(issuer: LoopbackIssuer) -> None:
    outcome = run(issuer, issuer.signed_assertion("signed").encode())
    assert outcome.verdict == Verdict.VALID, outcome.report.checks
    assert outcome.format == "ob2-signed"
    assert check(outcome, "signature").status == CheckStatus.PASSED
    assert check(outcome, "revocation").status == CheckStatus.PASSED


def test_signed_badge_revoked_by_single_entry_revocation_list(issuer: LoopbackIssuer) -> None:
    """The reference validator only reads a list here; a lone object is a valid JSON-LD value too."""
    token = issuer.signed_assertion("revoked")
    revoked_id = issuer.url("/assertions/revoked.json")
    issuer.serve_json("/revocations.json", issuer.revocation_list({"id": revoked_id, "revocationReason": "Fraud"}))
    outcome = run(issuer, token.encode())
    assert outcome.verdict == Verdict.INVALID
    assert check(outcome, "revocation").message == "The issuer has revoked this badge. Reason given: Fraud"


def test_signed_badge_revoked_by_plain_id_in_list(issuer: LoopbackIssuer) -> None:
    token = issuer.signed_assertion("revoked-plain")
    issuer.serve_json("/revocations.json", issuer.revocation_list([issuer.url("/assertions/revoked-plain.json")]))
    outcome = run(issuer, token.encode())
    assert check(outcome, "revocation").status == CheckStatus.FAILED


def test_hosted_badge_gone_410_is_revoked(issuer: LoopbackIssuer) -> None:
    """410 Gone is the spec's revocation signal; the reference validator reports a fetch error."""
    assertion = issuer.hosted_assertion("gone")
    issuer.serve("/assertions/gone.json", b"", status=410)
    outcome = run(issuer, as_bytes(assertion))
    assert outcome.verdict == Verdict.INVALID
    assert "withdrawn (revoked)" in check(outcome, "revocation").message
    by_url = run(issuer, assertion["id"])
    assert by_url.verdict == Verdict.INVALID
    assert check(by_url, "revocation").status == CheckStatus.FAILED


def test_hosted_badge_with_revoked_flag_is_invalid(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("flagged")
    issuer.serve_json("/assertions/flagged.json", {**assertion, "revoked": True, "revocationReason": "Mistake"})
    outcome = run(issuer, as_bytes(assertion))
    assert check(outcome, "revocation").message == "The issuer has revoked this badge. Reason given: Mistake"


def test_expired_badge_is_invalid(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("expired", expires="2026-03-01T00:00:00Z")
    outcome = run(issuer, as_bytes(assertion))
    assert outcome.verdict == Verdict.INVALID
    assert check(outcome, "dates.expires").message.startswith("The badge expired on 2026-03-01")


def test_expiry_within_clock_skew_is_still_valid(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("skew", expires="2026-05-31T23:58:00Z")
    assert run(issuer, as_bytes(assertion)).verdict == Verdict.VALID


def test_future_dated_badge_is_invalid(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("future", issuedOn="2027-01-01T00:00:00Z")
    outcome = run(issuer, as_bytes(assertion))
    assert outcome.verdict == Verdict.INVALID
    assert "in the future" in check(outcome, "dates.issued").message


def test_hosted_id_outside_issuer_starts_with_is_invalid(issuer: LoopbackIssuer) -> None:
    issuer.serve_json("/issuer.json", issuer.issuer_profile(verification={"startsWith": issuer.url("/official/")}))
    assertion = issuer.hosted_assertion("outside")
    outcome = run(issuer, as_bytes(assertion))
    assert outcome.verdict == Verdict.INVALID
    assert "outside the addresses its issuer allows" in check(outcome, "verification.scope").message


def test_hosted_id_on_another_origin_than_issuer_is_invalid(issuer: LoopbackIssuer) -> None:
    other_site = LoopbackIssuer()
    try:
        assertion = other_site.assertion("impostor", {"type": "hosted"}, badge=issuer.badge_class_id)
        other_site.serve_json("/assertions/impostor.json", assertion)
        outcome = run(issuer, as_bytes(assertion), allow_hosts=frozenset({issuer.host, other_site.host}))
    finally:
        other_site.close()
    assert outcome.verdict == Verdict.INVALID
    assert f"not on its issuer's site {issuer.host}" in check(outcome, "verification.scope").message


def test_signature_by_another_key_is_invalid(issuer: LoopbackIssuer) -> None:
    outcome = run(issuer, issuer.signed_assertion("wrong-key", private_key=new_rsa_key()).encode())
    assert outcome.verdict == Verdict.INVALID
    assert "signature does not match" in check(outcome, "signature").message


def test_key_not_listed_by_issuer_is_invalid(issuer: LoopbackIssuer) -> None:
    issuer.serve_json("/issuer.json", issuer.issuer_profile(publicKey=issuer.url("/other-key.json")))
    outcome = run(issuer, issuer.signed_assertion("unlisted").encode())
    assert outcome.verdict == Verdict.INVALID
    assert "does not list" in check(outcome, "signature.key").message


def test_key_owned_by_someone_else_is_invalid(issuer: LoopbackIssuer) -> None:
    issuer.serve_json("/key.json", issuer.key_document(issuer.signing_key, owner="https://evil.example/me"))
    outcome = run(issuer, issuer.signed_assertion("foreign-key").encode())
    assert "not to the issuer" in check(outcome, "signature.key").message
    assert outcome.verdict == Verdict.INVALID


def test_tampered_signed_badge_is_invalid(issuer: LoopbackIssuer) -> None:
    header, payload, signature = issuer.signed_assertion("tampered").split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["issuedOn"] = "2020-01-01T00:00:00Z"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    outcome = run(issuer, f"{header}.{forged}.{signature}".encode())
    assert outcome.verdict == Verdict.INVALID
    assert check(outcome, "signature").status == CheckStatus.FAILED


def test_signed_json_without_its_signature_is_invalid(issuer: LoopbackIssuer) -> None:
    assertion = issuer.assertion("unsigned", {"type": "signed", "creator": issuer.key_id})
    outcome = run(issuer, as_bytes(assertion))
    assert "came without its signature" in check(outcome, "signature").message


def test_hashed_recipient_matches_learner(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("mine")
    outcome = run(issuer, as_bytes(assertion), recipients=("someone@else.org", LEARNER_EMAIL))
    assert outcome.verdict == Verdict.VALID
    assert check(outcome, "recipient").status == CheckStatus.PASSED


def test_hashed_recipient_mismatch_is_invalid(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("not-mine")
    outcome = run(issuer, as_bytes(assertion), recipients=(LEARNER_EMAIL.upper(),))
    assert outcome.verdict == Verdict.INVALID
    assert "issued to someone else" in check(outcome, "recipient").message


def test_md5_and_plain_recipients(issuer: LoopbackIssuer) -> None:
    md5 = {"type": "email", "hashed": True, "salt": SALT, "identity": hash_identity(LEARNER_EMAIL, SALT, "md5")}
    plain = {"type": "email", "hashed": False, "identity": LEARNER_EMAIL}
    for name, recipient in (("md5", md5), ("plain", plain)):
        assertion = issuer.hosted_assertion(name, recipient=recipient)
        outcome = run(issuer, as_bytes(assertion), recipients=(LEARNER_EMAIL,))
        assert check(outcome, "recipient").status == CheckStatus.PASSED, name


def test_unreachable_badge_class_is_indeterminate_not_invalid(issuer: LoopbackIssuer) -> None:
    issuer.serve("/badge.json", b"down for maintenance", status=503, content_type="text/plain")
    outcome = run(issuer, as_bytes(issuer.hosted_assertion("server-down")))
    assert outcome.verdict == Verdict.INDETERMINATE
    assert "could not be retrieved" in check(outcome, "badgeclass").message


def test_baked_png_round_trip(issuer: LoopbackIssuer) -> None:
    text = json.dumps(issuer.hosted_assertion("png"))
    image = png_image()
    baked = bake_png(image, text)
    badge = read_png(baked)
    assert badge is not None and badge.text == text
    outcome = run(issuer, baked)
    assert outcome.verdict == Verdict.VALID, outcome.report.checks
    assert outcome.format == "ob2-hosted+png"
    assert outcome.credential is not None and outcome.credential.original == baked


def test_baked_svg_hosted_badge_is_valid(issuer: LoopbackIssuer) -> None:
    """The reference validator fails SVG-baked hosted badges; the spec allows them."""
    text = json.dumps(issuer.hosted_assertion("svg"))
    baked = bake_svg(b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', text)
    badge = read_svg(baked)
    assert badge is not None and badge.text == text
    outcome = run(issuer, baked)
    assert outcome.verdict == Verdict.VALID, outcome.report.checks
    assert outcome.format == "ob2-hosted+svg"


def test_baked_svg_signed_badge_round_trip(issuer: LoopbackIssuer) -> None:
    token = issuer.signed_assertion("svg-signed")
    baked = bake_svg(b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', token)
    badge = read_svg(baked)
    assert badge is not None and badge.text == token
    outcome = run(issuer, baked)
    assert outcome.verdict == Verdict.VALID
    assert outcome.format == "ob2-signed+svg"


def test_png_baked_with_hosted_url_follows_it(issuer: LoopbackIssuer) -> None:
    assertion = issuer.hosted_assertion("png-url")
    outcome = run(issuer, bake_png(png_image(), assertion["id"]))
    assert outcome.verdict == Verdict.VALID, outcome.report.checks
    assert outcome.format == "ob2-hosted+png"


def test_endorsements_are_verified_but_never_change_the_verdict(issuer: LoopbackIssuer) -> None:
    good = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Endorsement",
        "id": issuer.url("/endorsements/good.json"),
        "claim": {"id": issuer.badge_class_id, "endorsementComment": "Solid criteria"},
        "issuer": issuer.issuer_id,
        "issuedOn": "2026-01-01T00:00:00Z",
        "verification": {"type": "hosted"},
    }
    issuer.serve_json("/endorsements/good.json", good)
    issuer.serve_json("/endorsements/revoked.json", {**good, "id": issuer.url("/endorsements/revoked.json"),
                                                     "revoked": True})  # fmt: skip
    endorsements = [good["id"], issuer.url("/endorsements/revoked.json")]
    issuer.serve_json("/badge.json", issuer.badge_class(endorsement=endorsements))
    outcome = run(issuer, as_bytes(issuer.hosted_assertion("endorsed")))
    assert outcome.verdict == Verdict.VALID
    assert outcome.credential is not None
    assert [summary.verdict for summary in outcome.credential.endorsements] == ["valid", "invalid"]
    assert outcome.credential.endorsements[0].comment == "Solid criteria"
    endorsement_check = check(outcome, "endorsements")
    assert endorsement_check.warning and "1 of 2 endorsements verified" in endorsement_check.message


def test_hosted_copy_declaring_another_id_is_invalid(issuer: LoopbackIssuer) -> None:
    """A page elsewhere cannot borrow a genuine badge by declaring the genuine badge's id."""
    genuine = issuer.hosted_assertion("genuine")
    issuer.serve_json("/assertions/copycat.json", genuine)
    copycat = dict(genuine, id=issuer.url("/assertions/copycat.json"))
    outcome = run(issuer, as_bytes(copycat))
    assert outcome.verdict == Verdict.INVALID
    assert "says it is a different badge" in check(outcome, "hosted.fetch").message
