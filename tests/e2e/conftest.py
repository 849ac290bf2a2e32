"""Browser tests: the app built and served in production mode on a free port, driven by headless Chromium.

The app gets its own migrated SQLite database in a temp folder; nothing is shared with `make run`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import PROJECT_ROOT, migrate
from tests.ob2_issuer import LoopbackIssuer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
NODE_MODULES = PROJECT_ROOT / "toolchain" / "node_modules"
START_TIMEOUT_S = 420
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _app_environment(data_dir: Path, allowed_host: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["WALLET_DATA_DIR"] = str(data_dir)
    env["WALLET_ALLOW_HOSTS"] = allowed_host
    env["PATH"] = f"{NODE_MODULES / 'node' / 'bin'}:{PROJECT_ROOT / '.venv' / 'bin'}:{env.get('PATH', '')}"
    env["REFLEX_BUN_PATH"] = str(NODE_MODULES / "bun" / "bin" / "bun.exe")
    env["REFLEX_TELEMETRY_ENABLED"] = "false"
    return env


def _wait_until_serving(base_url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if (
                httpx.get(f"{base_url}/ping", timeout=2).status_code == 200
                and httpx.get(base_url, timeout=5).is_success
            ):
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    tail = log_path.read_text(errors="replace")[-4000:]
    raise RuntimeError(f"The app did not start on {base_url}. Log tail:\n{tail}")


@pytest.fixture(scope="session")
def loopback_issuer() -> Iterator[LoopbackIssuer]:
    """An OB 2.0 issuer on 127.0.0.1 that the app under test is allowed to fetch from."""
    issuer = LoopbackIssuer()
    yield issuer
    issuer.close()


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, loopback_issuer: LoopbackIssuer) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("e2e-data")
    migrate(f"sqlite:///{data_dir / 'wallet.db'}")
    port = _free_port()
    log_path = data_dir / "app.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                str(PROJECT_ROOT / ".venv" / "bin" / "reflex"), "run", "--env", "prod",
                "--frontend-port", str(port), "--backend-port", str(port), "--backend-host", "127.0.0.1",
            ],
            cwd=PROJECT_ROOT,
            env=_app_environment(data_dir, loopback_issuer.host),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url, process, log_path)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh browser profile per test: no cookies carried between learners."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(20_000)
    new_page = context.new_page()
    yield new_page
    context.close()
