"""Every OB 3.0 case in the shared conformance set gives its expected verdict through `wallet verify`.

Runs fully offline with the `--map` folders each case lists. The data is read in place from
`../shared/conformance` (relative to the repository root), never copied into the project.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet_app.cli import main

CONFORMANCE = (Path(__file__).resolve().parents[2] / ".." / "shared" / "conformance").resolve()
XFAIL = {
    "ob3/1edtech-public-validator/sd/derivedcredential.json": (
        "ecdsa-sd-2023 (selective disclosure with P-256) is not implemented; the proof is reported as "
        "an unsupported suite, so the verdict is invalid instead of valid"
    ),
}

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


def _cases() -> list[dict]:
    if not (CONFORMANCE / "cases.json").is_file():
        return []
    return [case for case in json.loads((CONFORMANCE / "cases.json").read_text()) if case["path"].startswith("ob3/")]


def _case_id(case: dict) -> str:
    return case["path"].removeprefix("ob3/") + (f"[recipient={case['recipient']}]" if "recipient" in case else "")


def _argv(case: dict) -> list[str]:
    argv = ["verify", "--json", "--offline"]
    if case["now"]:
        argv += ["--now", case["now"]]
    if "recipient" in case:
        argv += ["--recipient", case["recipient"]]
    for prefix, folder in case["maps"].items():
        argv += ["--map", f"{prefix}={CONFORMANCE / folder}" + ("/" if folder.endswith("/") else "")]
    return [*argv, str(CONFORMANCE / case["path"])]


@pytest.mark.skipif(not _cases(), reason=f"conformance data not found at {CONFORMANCE}")
@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=pytest.mark.xfail(reason=XFAIL[case["path"]], strict=True))
        if case["path"] in XFAIL
        else case
        for case in _cases()
    ],
    ids=_case_id,
)
def test_ob3_case_verdict(case: dict, capsys: pytest.CaptureFixture[str]) -> None:
    main(_argv(case))
    line = json.loads(capsys.readouterr().out)
    accepted = case.get("accept") or [case["expect"]]
    failing = [check for check in line.get("checks", []) if check["status"] != "passed"]
    assert line["verdict"] in accepted, f"{case['why']} -> {line.get('error') or failing}"
    if case["expect"] == "invalid":
        failed_ids = {check["id"] for check in failing if check["status"] == "failed"}
        assert _expected_failed_check(case) in failed_ids, f"{case['why']} -> {failing}"
