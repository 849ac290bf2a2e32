"""The Reflex app: pages, the Starlette API beside them, and nothing else (wiring only)."""

import os

import reflex as rx

from wallet_app import routes
from wallet_app.api import build_api
from wallet_app.pages.auth import AuthPageState, register_page, sign_in_page
from wallet_app.pages.badge import BadgeState, badge_page
from wallet_app.pages.faq import faq_page, faq_source_page
from wallet_app.pages.landing import LandingState, landing_page
from wallet_app.pages.profile import ProfileState, profile_page
from wallet_app.pages.wallet import wallet_page
from wallet_app.pages.wallet_state import WalletState
from wallet_app.route_preload import DynamicRoutePreload
from wallet_app.state.session import SessionState
from wallet_app.upload_guard import upload_guard

app = rx.App(
    stylesheets=["/styles.css"],
    api_transformer=[build_api(), upload_guard, DynamicRoutePreload],
)
app.add_page(landing_page, route=routes.HOME, title="Badge Wallet", on_load=LandingState.load)
app.add_page(sign_in_page, route=routes.SIGN_IN, title="Sign in · Badge Wallet", on_load=AuthPageState.load)
app.add_page(register_page, route=routes.REGISTER, title="Create account · Badge Wallet", on_load=AuthPageState.load)
app.add_page(wallet_page, route=routes.WALLET, title="My wallet · Badge Wallet", on_load=WalletState.load)
app.add_page(badge_page, route=routes.BADGE, title="Badge · Badge Wallet", on_load=BadgeState.load)
app.add_page(profile_page, route=routes.PROFILE, title="Profile · Badge Wallet", on_load=ProfileState.load)
app.add_page(faq_page, route=routes.FAQ, title="Ask the FAQ · Badge Wallet", on_load=SessionState.load_user)
app.add_page(
    faq_source_page, route=routes.FAQ_SOURCE, title="FAQ sources · Badge Wallet", on_load=SessionState.load_user
)
if os.environ.get(routes.BENCH_PAGES_ENV) == "1":
    from wallet_app.pages import bench_pages

    app.add_page(bench_pages.static_cards_page, route=routes.BENCH_STATIC_CARDS, title="Static cards · bench")
    app.add_page(
        bench_pages.state_cards_page,
        route=routes.BENCH_STATE_CARDS,
        title="State cards · bench",
        on_load=bench_pages.StateCardsState.load,
    )
