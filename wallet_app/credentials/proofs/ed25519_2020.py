"""The legacy `Ed25519Signature2020` suite: same signed bytes as eddsa-rdfc-2022, older names.

Only the proof options differ (no `cryptosuite`, its own proof type) and the document must carry
the suite's context, because VC contexts do not define this proof type.
"""

from __future__ import annotations

ED25519_SIGNATURE_2020 = "Ed25519Signature2020"
ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"


def ed25519_signature_2020_options(
    verification_method: str, created: str, proof_purpose: str = "assertionMethod"
) -> dict[str, str]:
    return {
        "type": ED25519_SIGNATURE_2020,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
