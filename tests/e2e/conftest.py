"""Browser tests: the app built and served in production mode on a free port, driven by headless Chromium.

The app gets its own migrated SQLite database in a temp folder; nothing is shared with `make run`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.app_server import CHROMIUM, CHROMIUM_ARGS, serving_app
from tests.conftest import migrate
from tests.ob2_issuer import LoopbackIssuer

pytestmark = pytest.mark.e2e


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
    with serving_app(data_dir, {"WALLET_ALLOW_HOSTS": loopback_issuer.host}) as url:
        yield url


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
