"""Every OB 2.0 case in the shared conformance set gives its expected verdict through `wallet verify`.

Runs fully offline with each case's `--map` folders, reading the data in place from
`../shared/conformance` (relative to the repository root), never copied into the project.
Cases run in-process through `cli.main` for speed; one test runs the real console script.

Where the reference validator has known bugs (single-entry revocation lists, 410 Gone as
revocation, SVG-baked hosted badges) the expected behaviour is covered by the loopback tests in
tests/unit/test_ob2_loopback.py, which say so in their docstrings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conformance.support import CONFORMANCE, case_id, load_cases, verify_argv
from wallet_app.cli import main

# (path, recipient) of each invalid case -> the check that must have failed.
EXPECTED_FAILED_CHECK = {
    ("ob2/1edtech-public-validator/basic-assertion.json", "other@example.org"): "recipient",
    ("ob2/1edtech-public-validator/basic-assertion-expired.json", None): "dates.expires",
    ("ob2/1edtech-public-validator/basic-assertion-expired-before-issued.json", None): "dates.expires",
    ("ob2/1edtech-public-validator/basic-assertion-in-future.json", None): "dates.issued",
    ("ob2/1edtech-public-validator/basic-assertion-invalid-context.json", None): "assertion.structure",
    ("ob2/1edtech-public-validator/basic-assertion-invalid-type.json", None): "assertion.structure",
    ("ob2/1edtech-public-validator/assertion-with-data-image.json", None): "assertion.structure",
    (
        "ob2/1edtech-public-validator/basic-assertion-with-allowed-origins-invalid-starts-with.json",
        None,
    ): "verification.scope",
    (
        "ob2/1edtech-public-validator/basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json",
        None,
    ): "verification.scope",
    ("ob2/1edtech-public-validator/simple-revoked.jwt", None): "revocation",
    ("ob2/1edtech-public-validator/badge-class-with-language.json", None): "badgeclass",
    ("ob2/spec-examples/Assertion-1.json", None): "dates.expires",
    ("ob2/spec-examples/revoked-hosted-assertion-1.json", None): "revocation",
    ("ob2/spec-examples/Endorsement-3.json", None): "revocation",
    ("ob2/validator-core-tests/2_0_basic_assertion.json", "NOBODY@example.org"): "recipient",
    ("ob2/validator-core-tests/1_0_assertion_with_errors.json", None): "assertion.structure",
}


CASES = load_cases("ob2/")
pytestmark = pytest.mark.skipif(not CASES, reason=f"conformance data not found at {CONFORMANCE}")


def test_all_ob2_cases_are_collected() -> None:
    assert len(CASES) == 45


@pytest.mark.parametrize("case", CASES, ids=[case_id(case, "ob2/") for case in CASES])
def test_ob2_case(case: dict, capsys: pytest.CaptureFixture[str]) -> None:
    exit_code = main(verify_argv(case))
    line = json.loads(capsys.readouterr().out)
    accepted = case.get("accept") or [case["expect"]]
    assert line["verdict"] in accepted, f"{case['why']}: got {line}"
    assert exit_code == {"valid": 0, "invalid": 1, "indeterminate": 1, "error": 2}[line["verdict"]]
    if line["verdict"] == "error":
        assert line["error"] and "Traceback" not in line["error"]
        return
    failed = {check["id"] for check in line["checks"] if check["status"] == "failed"}
    if line["verdict"] == "invalid":
        assert EXPECTED_FAILED_CHECK[(case["path"], case.get("recipient"))] in failed, line["checks"]
    else:
        assert not failed, line["checks"]


def test_console_script_runs_a_valid_and_an_error_case() -> None:
    """The installed `wallet` entry point, not just cli.main, gives the same answers."""
    wallet = Path(sys.executable).parent / "wallet"
    valid_case = next(case for case in CASES if case["path"].endswith("simple.jwt"))
    error_case = next(case for case in CASES if case["expect"] == "error")
    result = subprocess.run(
        [
            str(wallet),
            *verify_argv(valid_case)[:-1],
            verify_argv(valid_case)[-1],
            str(CONFORMANCE / error_case["path"]),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["verdict"] for line in lines] == ["valid", "error"]
    assert lines[0]["format"] == "ob2-signed"
    assert result.returncode == 2
    assert result.stderr == ""
