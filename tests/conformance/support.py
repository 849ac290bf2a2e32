"""Reading the shared conformance cases and turning one into `wallet verify` arguments.

The data stays in place at `../shared/conformance` (relative to the repository root).
"""

from __future__ import annotations

import json
from pathlib import Path

CONFORMANCE = (Path(__file__).resolve().parents[2] / ".." / "shared" / "conformance").resolve()


def load_cases(path_prefix: str) -> list[dict]:
    """The cases whose input path starts with ``path_prefix`` ("ob2/" or "ob3/"); [] without data."""
    if not (CONFORMANCE / "cases.json").is_file():
        return []
    return [
        case for case in json.loads((CONFORMANCE / "cases.json").read_text()) if case["path"].startswith(path_prefix)
    ]


def case_id(case: dict, path_prefix: str) -> str:
    return case["path"].removeprefix(path_prefix) + (f"[recipient={case['recipient']}]" if "recipient" in case else "")


def verify_argv(case: dict) -> list[str]:
    """`verify --json --offline` with the case's clock, recipient and maps, then the input path."""
    argv = ["verify", "--json", "--offline"]
    if case["now"]:
        argv += ["--now", case["now"]]
    if "recipient" in case:
        argv += ["--recipient", case["recipient"]]
    for prefix, folder in case["maps"].items():
        argv += ["--map", f"{prefix}={CONFORMANCE / folder}" + ("/" if folder.endswith("/") else "")]
    return [*argv, str(CONFORMANCE / case["path"])]
