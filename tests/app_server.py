"""Serve the app's production build on a free loopback port, for the browser tests and the page bench.

The app gets its own data folder (and so its own SQLite database); nothing is shared with `make run`.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import PROJECT_ROOT

NODE_MODULES = PROJECT_ROOT / "toolchain" / "node_modules"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 420


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_environment(data_dir: Path, extra: dict[str, str]) -> dict[str, str]:
    """This process's environment pointed at ``data_dir`` and the project's toolchain, plus ``extra``."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["WALLET_DATA_DIR"] = str(data_dir)
    env["PATH"] = f"{NODE_MODULES / 'node' / 'bin'}:{PROJECT_ROOT / '.venv' / 'bin'}:{env.get('PATH', '')}"
    env["REFLEX_BUN_PATH"] = str(NODE_MODULES / "bun" / "bin" / "bun.exe")
    env["REFLEX_TELEMETRY_ENABLED"] = "false"
    return env | extra


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


def private_web_dir(data_dir: Path) -> dict[str, str]:
    """Build in a copy of `.web` under ``data_dir``, so a build started meanwhile from this checkout
    (another engineer's test run) cannot replace the files this server is serving."""
    web_dir = data_dir / "web"
    shared = PROJECT_ROOT / ".web"
    if shared.is_dir() and not web_dir.exists():
        shutil.copytree(shared, web_dir, symlinks=True)
    return {"REFLEX_WEB_WORKDIR": str(web_dir)}


@contextmanager
def serving_app(data_dir: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """Build and serve the app (`reflex run --env prod`) on data in ``data_dir``; yields its base URL.

    The database in ``data_dir`` must already be migrated. The server log is ``data_dir/app.log``.
    """
    port = free_port()
    log_path = data_dir / "app.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                str(PROJECT_ROOT / ".venv" / "bin" / "reflex"), "run", "--env", "prod",
                "--frontend-port", str(port), "--backend-port", str(port), "--backend-host", "127.0.0.1",
            ],
            cwd=PROJECT_ROOT,
            env=app_environment(data_dir, extra_env or {}),
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
