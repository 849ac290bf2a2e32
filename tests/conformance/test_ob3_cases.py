"""Every OB 3.0 case in the shared conformance set gives its expected verdict through `wallet verify`.

Runs fully offline with the `--map` folders each case lists. The data is read in place from
`../shared/conformance` (relative to the repository root), never copied into the project.
"""

from __future__ import annotations

import json

import pytest

from tests.conformance.support import CONFORMANCE, case_id, load_cases, verify_argv
from wallet_app.cli import main

PREFIX = "ob3/"
CASES = load_cases(PREFIX)

# For invalid cases: words in the case's "why" -> the check that must be among the failed ones.
EXPECTED_FAILURE = (
    ("status list", "status"),
    ("revoked", "status"),
    ("expired", "validity"),
    ("not yet valid", "validity"),
    ("recipient", "recipient"),
    ("context is not", "context"),
    ("no issuer", "fields"),
)


def _expected_failed_check(case: dict) -> str:
    """The check an invalid case must fail; everything else is about the proof and its key."""
    why = case["why"].lower()
    return next((check for words, check in EXPECTED_FAILURE if words in why), "proof")


@pytest.mark.skipif(not CASES, reason=f"conformance data not found at {CONFORMANCE}")
@pytest.mark.parametrize(
    "case",
    CASES,
    ids=lambda case: case_id(case, PREFIX),
)
def test_ob3_case_verdict(case: dict, capsys: pytest.CaptureFixture[str]) -> None:
    main(verify_argv(case))
    line = json.loads(capsys.readouterr().out)
    accepted = case.get("accept") or [case["expect"]]
    failing = [check for check in line.get("checks", []) if check["status"] != "passed"]
    assert line["verdict"] in accepted, f"{case['why']} -> {line.get('error') or failing}"
    if case["expect"] == "invalid":
        failed_ids = {check["id"] for check in failing if check["status"] == "failed"}
        assert _expected_failed_check(case) in failed_ids, f"{case['why']} -> {failing}"
