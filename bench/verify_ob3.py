"""OB 3.0 verification benchmark: eddsa-rdfc-2022 credentials, offline and warm, beside plain pyld.

    .venv/bin/python bench/verify_ob3.py [--count 200]

Ours: the full `wallet verify` engine (sniffing, shape, proof with issuer-key trust, validity,
status, recipient) on `count` distinct credentials signed by the built-in issuer.
Baseline ("pyld-only"): just the proof check done the textbook way - `pyld.jsonld.normalize` of
the document and of the proof options with a plain offline loader that reads each context file
when asked, pyld's shared context cache emptied per credential (no caches), then SHA-256 and
Ed25519. The baseline does less work than ours, so the ratio understates the gain. For
reference, "pyld+cache" is the same with pyld's own context cache left on.
"JS stack": the leading JavaScript verifier (@digitalbazaar/vc `verifyCredential` with
data-integrity and eddsa-rdfc-2022, see bench/js_verifier/) on the same credentials, measured the
same way under Node 22 from toolchain/; its npm dependencies are installed on first use.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from pyld import jsonld as pyld

from wallet_app.credentials import issuing
from wallet_app.credentials.jsonld import read_context_file
from wallet_app.credentials.keys import decode_multikey
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.proofs.data_integrity import decode_proof_value, proof_options, unsecured_document
from wallet_app.credentials.verify import verify_source

NOW = datetime(2026, 6, 1, tzinfo=UTC)
WARM_UP = 5
JS_VERIFIER = Path(__file__).resolve().parent / "js_verifier"
NODE_BIN = Path(__file__).resolve().parents[1] / "toolchain" / "node_modules" / "node" / "bin"
SUBPROCESS_TIMEOUT_SECONDS = 900


class JsSkipped(Exception):
    """The JavaScript comparison cannot run here (no Node 22, no npm, or the install failed)."""


def make_credentials(count: int) -> list[dict[str, Any]]:
    key = issuing.generate_issuer_key()
    issuer = {"id": issuing.issuer_did_key(key.public_key()), "name": "Bench Institute"}
    credentials = []
    for number in range(count):
        unsigned = issuing.build_achievement_credential(
            credential_id=f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
            issuer=issuer,
            achievement={
                "id": f"https://bench.example/achievements/{number}",
                "name": f"Skill {number}",
                "description": f"Demonstrated skill number {number}.",
                "criteria": {"narrative": "Pass the assessment."},
            },
            subject={"identifier": [issuing.identity_object(f"learner{number}@example.org", salt=f"s{number}")]},
            valid_from=NOW - timedelta(days=number % 30 + 1),
        )
        credentials.append(issuing.sign_with_did_key(unsigned, key, NOW - timedelta(days=31)))
    return credentials


def verify_ours(credential: dict[str, Any]) -> bool:
    outcome = verify_source(json.dumps(credential).encode(), VerifyOptions(now=NOW, offline=True))
    return outcome.verdict == "valid"


def _plain_loader(url: str, _options: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(read_context_file(url))}


def verify_pyld_only(credential: dict[str, Any], *, keep_pyld_cache: bool = False) -> bool:
    if not keep_pyld_cache:
        pyld._resolved_context_cache.clear()
    options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": _plain_loader}
    proof = credential["proof"]
    canonical_document = pyld.normalize(unsecured_document(credential), options)
    canonical_proof = pyld.normalize(proof_options(credential, proof), options)
    data = hashlib.sha256(canonical_proof.encode()).digest() + hashlib.sha256(canonical_document.encode()).digest()
    public_key = decode_multikey(proof["verificationMethod"].split("#")[1])
    try:
        public_key.verify(decode_proof_value(proof), data)
    except InvalidSignature:
        return False
    return True


def report(name: str, median_ms: float, per_second: float) -> None:
    print(f"{name:10} median {median_ms:7.2f} ms/credential   {per_second:7.1f} credentials/s")


def measure(
    name: str, verify: Callable[[dict[str, Any]], bool], credentials: list[dict[str, Any]]
) -> tuple[float, float]:
    for credential in credentials[:WARM_UP]:
        assert verify(credential), f"{name}: a bench credential did not verify"
    durations = []
    started = time.perf_counter()
    for credential in credentials:
        begin = time.perf_counter()
        assert verify(credential), f"{name}: a bench credential did not verify"
        durations.append(time.perf_counter() - begin)
    total = time.perf_counter() - started
    median_ms = statistics.median(durations) * 1000
    per_second = len(credentials) / total
    report(name, median_ms, per_second)
    return median_ms, per_second


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{NODE_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    try:
        return subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise JsSkipped(f"could not run {Path(command[0]).name} {command[1]}: {exc}") from exc


def _install_js_verifier() -> None:
    """`npm ci` in bench/js_verifier unless node_modules is already at least as new as the lockfile."""
    installed = JS_VERIFIER / "node_modules" / ".package-lock.json"
    lockfile = JS_VERIFIER / "package-lock.json"
    if installed.is_file() and installed.stat().st_mtime >= lockfile.stat().st_mtime:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise JsSkipped("npm is not on PATH, so bench/js_verifier dependencies cannot be installed")
    completed = _run([npm, "ci", "--no-audit", "--no-fund"], JS_VERIFIER)
    if completed.returncode != 0:
        errors = [line for line in completed.stderr.splitlines() if line.startswith("npm error")]
        raise JsSkipped(f"npm ci failed in bench/js_verifier: {(errors or ['no error output'])[0]}")


def measure_js(credentials: list[dict[str, Any]]) -> tuple[float, float]:
    node = NODE_BIN / "node"
    if not node.is_file():
        raise JsSkipped(f"Node 22 is missing ({node}); run the set-up (make) to install the toolchain")
    _install_js_verifier()
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "credentials.json"
        batch.write_text(json.dumps({"now": NOW.isoformat(), "warmUp": WARM_UP, "credentials": credentials}))
        completed = _run([str(node), "verify.mjs", str(batch)], JS_VERIFIER)
    if completed.returncode != 0:
        raise SystemExit(f"JS stack: verification failed: {completed.stderr.strip()}")
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    assert figures["count"] == len(credentials), "JS stack: verified a different number of credentials"
    report("JS stack", figures["median_ms"], figures["credentials_per_second"])
    return figures["median_ms"], figures["credentials_per_second"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="distinct credentials to verify")
    args = parser.parse_args()
    credentials = make_credentials(args.count)
    print(f"{args.count} distinct eddsa-rdfc-2022 OpenBadgeCredentials, offline, warm")
    ours, ours_per_second = measure("ours", verify_ours, credentials)
    baseline, _ = measure("pyld-only", verify_pyld_only, credentials)
    pyld_cached, _ = measure("pyld+cache", lambda item: verify_pyld_only(item, keep_pyld_cache=True), credentials)
    print(f"ratio      pyld-only median / ours median = {baseline / ours:.1f}x")
    print(f"ratio      pyld with its own context cache / ours = {pyld_cached / ours:.1f}x")
    try:
        js_median, js_per_second = measure_js(credentials)
    except JsSkipped as skipped:
        print(f"JS stack   skipped: {skipped}")
        return
    print(f"ratio      JS stack median / ours median = {js_median / ours:.2f}x")
    print(f"ratio      ours credentials/s / JS stack credentials/s = {ours_per_second / js_per_second:.2f}x")


if __name__ == "__main__":
    main()
