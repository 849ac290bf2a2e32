"""`wallet` CLI: subcommand help, readable checklist, JSON lines, exit codes, stdin."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ob2_issuer import LEARNER_EMAIL, LoopbackIssuer
from wallet_app import cli
from wallet_app.credentials import verify


def test_help_lists_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"])
    assert exited.value.code == 0
    assert "verify" in capsys.readouterr().out


def test_no_subcommand_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_json_lines_and_exit_codes(issuer: LoopbackIssuer, capsys: pytest.CaptureFixture[str]) -> None:
    valid_url = issuer.hosted_assertion("cli-valid")["id"]
    expired_url = issuer.hosted_assertion("cli-expired", expires="2026-02-01T00:00:00Z")["id"]
    base = ["verify", "--json", "--allow-host", issuer.host, "--now", "2026-06-01T00:00:00Z"]
    assert cli.main([*base, "--recipient", LEARNER_EMAIL, valid_url]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["verdict"] == "valid" and line["format"] == "ob2-hosted"
    assert line["credential"]["name"] == "Loopback Soldering"
    assert {"id": "recipient", "status": "passed"}.items() <= next(
        check for check in line["checks"] if check["id"] == "recipient"
    ).items()
    assert cli.main([*base, valid_url, expired_url]) == 1
    verdicts = [json.loads(text)["verdict"] for text in capsys.readouterr().out.splitlines()]
    assert verdicts == ["valid", "invalid"]
    assert cli.main([*base, expired_url, "/no/such/file"]) == 2


def test_readable_checklist(issuer: LoopbackIssuer, capsys: pytest.CaptureFixture[str]) -> None:
    url = issuer.hosted_assertion("cli-text", issuedOn="2027-01-01T00:00:00Z")["id"]
    assert cli.main(["verify", "--allow-host", issuer.host, "--now", "2026-06-01T00:00:00Z", url]) == 1
    output = capsys.readouterr().out
    assert f"{url}: INVALID" in output
    assert "Loopback Soldering from Loopback Academy" in output
    assert "[FAIL] The badge says it was issued on 2027-01-01, which is in the future." in output


def test_stdin_source(
    issuer: LoopbackIssuer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    token = issuer.signed_assertion("cli-stdin")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(token.encode())))
    assert cli.main(["verify", "--json", "--allow-host", issuer.host, "-"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "ob2-signed"


@pytest.mark.parametrize("bad_flag", [["--map", "no-equals-sign"], ["--now", "tomorrow"]])
def test_bad_flags_are_usage_errors(bad_flag: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["verify", *bad_flag, "x.json"])
    assert exited.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_ob3_input_without_ob3_module_is_a_plain_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(verify, "OB3_MODULE", "wallet_app.credentials.no_such_ob3_module")
    source = tmp_path / "vc.json"
    source.write_text(
        json.dumps({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiableCredential"})
    )
    assert cli.main(["verify", "--json", str(source)]) == 2
    assert json.loads(capsys.readouterr().out)["error"] == "Open Badges 3.0 support is not available yet."


def test_internal_crash_becomes_a_plain_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def explode(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(verify.ob2, "verify", explode)
    source = tmp_path / "a.json"
    source.write_text('{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"}')
    assert cli.main(["verify", "--json", str(source)]) == 2
    captured = capsys.readouterr()
    assert "internal problem" in json.loads(captured.out)["error"]
    assert "boom" not in captured.out
    assert "Traceback" not in captured.err


def test_python_dash_m_behaves_like_the_console_script(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "wallet_app.cli", "verify", "--json", str(empty)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert json.loads(result.stdout) == {
        "source": str(empty),
        "verdict": "error",
        "error": "This file is empty. Download the badge again from your issuer's site, or paste the badge URL.",
    }
