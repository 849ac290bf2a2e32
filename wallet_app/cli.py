"""The ``wallet`` command. Each subcommand is one ``_add_<name>`` function registered in COMMANDS.

``wallet verify`` is scripted against by others: its flags, JSON lines and exit codes are stable.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from wallet_app.credentials.dates import DateFormatError, parse_datetime
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.report import Verdict
from wallet_app.credentials.sources import MAX_SOURCE_BYTES
from wallet_app.credentials.verify import VerificationOutcome, verify_source

EXIT_VALID, EXIT_NOT_VALID, EXIT_ERROR = 0, 1, 2
# Without a handler, logging's last-resort handler prints tracebacks of caught crashes to stderr;
# whoever configures logging still receives them through propagation.
logging.getLogger("wallet_app").addHandler(logging.NullHandler())
STATUS_MARKERS = {"passed": "[ok]  ", "failed": "[FAIL]", "skipped": "[skip]", "indeterminate": "[??]  "}
WARNING_MARKER = "[warn]"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_ERROR
    return args.run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wallet", description="Badge Wallet command-line tools.")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add_command in COMMANDS:
        add_command(subparsers)
    return parser


def _add_verify(subparsers: argparse._SubParsersAction) -> None:
    verify = subparsers.add_parser(
        "verify",
        help="verify Open Badges (URL, JSON, signed JWS, baked PNG/SVG)",
        description="Verify badges. Exit 0 if all are valid, 1 if any is invalid or indeterminate, "
        "2 if any input could not be read.",
    )
    verify.add_argument("--json", action="store_true", help="print one JSON line per source")
    verify.add_argument("--recipient", action="append", default=[], metavar="ID", help="the learner's identity")
    verify.add_argument("--now", type=_instant, metavar="ISO8601", help="verify as of this instant")
    verify.add_argument("--offline", action="store_true", help="never fetch; use --map folders only")
    verify.add_argument(
        "--allow-host", action="append", default=[], metavar="HOST:PORT", help="allow a private address"
    )
    verify.add_argument(
        "--map", action="append", default=[], type=_url_map, metavar="URL_PREFIX=DIR",
        help="read URLs under URL_PREFIX from files under DIR",
    )  # fmt: skip
    verify.add_argument("sources", nargs="+", metavar="SOURCE", help="a file, an http(s) URL, or - for stdin")
    verify.set_defaults(run=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    options = VerifyOptions(
        now=args.now or datetime.now(UTC),
        recipients=tuple(args.recipient),
        offline=args.offline,
        maps=tuple(args.map),
        allow_hosts=frozenset(args.allow_host),
    )
    exit_code = EXIT_VALID
    for source in args.sources:
        line = _verify_one(source, options)
        print(json.dumps(line) if args.json else _checklist(line))
        exit_code = max(exit_code, _exit_code(str(line["verdict"])))
    return exit_code


def _verify_one(source: str, options: VerifyOptions) -> dict[str, object]:
    try:
        data = _read_source(source)
    except OSError as exc:
        return _error_line(source, f"The file {source} could not be read ({exc.strerror or exc}).")
    if isinstance(data, bytes) and len(data) > MAX_SOURCE_BYTES:
        return _error_line(source, "This file is too large to be a badge.")
    return _outcome_line(source, verify_source(data, options))


def _read_source(source: str) -> bytes | str:
    if source == "-":
        return sys.stdin.buffer.read(MAX_SOURCE_BYTES + 1)
    if source.startswith(("http://", "https://")):
        return source
    with Path(source).open("rb") as badge_file:
        return badge_file.read(MAX_SOURCE_BYTES + 1)


def _outcome_line(source: str, outcome: VerificationOutcome) -> dict[str, object]:
    if outcome.error:
        return _error_line(source, outcome.error)
    return {
        "source": source,
        "verdict": outcome.verdict.value,
        "format": outcome.format,
        "checks": [check.to_dict() for check in outcome.report.checks],
        "credential": outcome.credential.to_dict() if outcome.credential else None,
    }


def _error_line(source: str, message: str) -> dict[str, object]:
    return {"source": source, "verdict": Verdict.ERROR.value, "error": message}


def _checklist(line: dict[str, object]) -> str:
    lines = [f"{line['source']}: {str(line['verdict']).upper()}"]
    if "error" in line:
        lines.append(f"  {line['error']}")
        return "\n".join(lines)
    credential = line.get("credential")
    if isinstance(credential, dict):
        issuer = credential.get("issuer") or {}
        lines.append(f"  {credential.get('name') or 'Unnamed badge'} from {issuer.get('name') or 'unknown issuer'}")
    lines.append(f"  format: {line['format']}")
    for check in line["checks"]:  # type: ignore[attr-defined]
        marker = WARNING_MARKER if check.get("warning") else STATUS_MARKERS.get(check["status"], "[?]")
        lines.append(f"  {marker} {check['message']}")
    return "\n".join(lines)


def _exit_code(verdict: str) -> int:
    if verdict == Verdict.VALID:
        return EXIT_VALID
    if verdict == Verdict.ERROR:
        return EXIT_ERROR
    return EXIT_NOT_VALID


def _instant(text: str) -> datetime:
    try:
        return parse_datetime(text)
    except DateFormatError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 instant") from exc


def _url_map(text: str) -> tuple[str, Path]:
    prefix, separator, folder = text.partition("=")
    if not separator or not prefix or not folder:
        raise argparse.ArgumentTypeError(f"{text!r} is not URL_PREFIX=DIR")
    return prefix, Path(folder)


def _add_demo(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="load the demo learner into the database (idempotent)",
        description="Create the demo learner described in the README, unless it already exists.",
    )
    demo.set_defaults(run=run_demo)


def run_demo(_args: argparse.Namespace) -> int:
    from wallet_app.db import session_scope
    from wallet_app.services.demo import DEMO_EMAIL, DEMO_PASSWORD, load_demo_data

    with session_scope() as db:
        created = load_demo_data(db)
    state = "created" if created else "already present"
    print(f"Demo learner {state}: sign in as {DEMO_EMAIL} with password {DEMO_PASSWORD}")
    return 0


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [_add_verify, _add_demo]

if __name__ == "__main__":
    sys.exit(main())
