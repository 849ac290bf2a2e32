"""Wallet page bench: time to first badge cards and to an open badge, beside a bare Reflex page.

    .venv/bin/python bench/wallet_page.py [--runs 15] [--badges 1000] [--stale]

Seeds one learner with ``--badges`` badges in a fresh temp database, builds and serves the app in
production mode with WALLET_BENCH_PAGES=1 (in a private copy of `.web`, so another build in this
checkout cannot swap files under it), signs in with a real session cookie, and times in headless
Chromium, from navigation start to the first matching element being visible (performance.now()
in the page):

- floor:  /bench/static-cards, first of 24 static cards (in the prerendered HTML);
- state:  /bench/state-cards, first of 24 wallet cards set by an on_load event without sign-in or
  queries: the floor plus Reflex's websocket hydration, i.e. the least any state-driven page costs;
- wallet: /wallet, first badge card;
- badge:  /badges/<id>, first item of the verification checklist.

Every visit is a fresh browser context (cold cache); the pages take turns within each run. With
``--stale`` every badge was last checked two days ago, so each wallet visit also re-checks some
in the background, as a learner returning after a while would see.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._wallet_seed import seed_wallet
from tests.app_server import CHROMIUM, CHROMIUM_ARGS, private_web_dir, serving_app
from tests.conftest import migrate
from wallet_app import routes
from wallet_app.api import SESSION_COOKIE
from wallet_app.db import make_engine, session_scope
from wallet_app.models import utcnow
from wallet_app.services.sessions import create_session

WARM_UP_RUNS = 2
VISIBLE_TIMEOUT_MS = 30_000
CARD = "[data-testid=badge-card]"
CHECKLIST_ITEM = '[aria-label="Verification checks"] > li'
VISIBLE_AT = "selector => { const e = document.querySelector(selector); return !!e && e.checkVisibility() && performance.now(); }"  # noqa: E501


@dataclass(frozen=True)
class Target:
    """A page to time and the element whose appearance means it has shown its content."""

    name: str
    path: str
    selector: str


def seconds_to_visible(browser: Browser, base_url: str, token: str, target: Target) -> float:
    """Navigation start to ``target.selector`` visible, in a fresh browser context."""
    context = browser.new_context(base_url=base_url)
    cookie = {"name": SESSION_COOKIE, "value": token, "url": base_url, "httpOnly": True, "sameSite": "Lax"}
    context.add_cookies([cookie])
    page = context.new_page()
    try:
        page.goto(target.path, wait_until="commit")
        shown_at_ms = page.wait_for_function(
            VISIBLE_AT, arg=target.selector, polling="raf", timeout=VISIBLE_TIMEOUT_MS
        ).json_value()
        return shown_at_ms / 1000
    except PlaywrightTimeoutError as error:
        raise RuntimeError(f"{target.name}: {target.selector} never showed on {page.url}") from error
    finally:
        context.close()


def measure(base_url: str, token: str, targets: list[Target], runs: int) -> dict[str, list[float]]:
    """``runs`` timings per target after warm-up visits; the order rotates from run to run."""
    timings: dict[str, list[float]] = {target.name: [] for target in targets}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for run in range(WARM_UP_RUNS + runs):
            shift = run % len(targets)
            for target in targets[shift:] + targets[:shift]:
                seconds = seconds_to_visible(browser, base_url, token, target)
                if run >= WARM_UP_RUNS:
                    timings[target.name].append(seconds)
        browser.close()
    return timings


def report(timings: dict[str, list[float]]) -> str:
    """Median and p90 per page, and the median's ratio to the floor's and to the state page's."""
    floor, state = (statistics.median(timings[name]) for name in ("floor", "state"))
    lines = [f"{'page':<8} {'median s':>9} {'p90 s':>7} {'x floor':>8} {'x state':>8}"]
    for name, values in timings.items():
        median = statistics.median(values)
        p90 = statistics.quantiles(values, n=10)[-1]
        lines.append(f"{name:<8} {median:>9.3f} {p90:>7.3f} {median / floor:>8.2f} {median / state:>8.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--badges", type=int, default=1000)
    parser.add_argument("--stale", action="store_true", help="badges last checked two days ago")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wallet-bench-") as folder:
        data_dir = Path(folder)
        url = f"sqlite:///{data_dir / 'wallet.db'}"
        migrate(url)
        with session_scope(make_engine(url)) as db:
            user_id = seed_wallet(db, args.badges, utcnow(), stale=args.stale)
            token = create_session(db, user_id)
        targets = [
            Target("floor", routes.BENCH_STATIC_CARDS, CARD),
            Target("state", routes.BENCH_STATE_CARDS, CARD),
            Target("wallet", routes.WALLET, CARD),
            Target("badge", routes.badge_url(args.badges // 2), CHECKLIST_ITEM),
        ]
        with serving_app(data_dir, {routes.BENCH_PAGES_ENV: "1", **private_web_dir(data_dir)}) as base_url:
            timings = measure(base_url, token, targets, args.runs)
    stale_note = ", stale (re-checks running)" if args.stale else ""
    print(f"{args.badges:,} badges, {args.runs} runs, cold browser cache{stale_note}")
    print(report(timings))


if __name__ == "__main__":
    main()
