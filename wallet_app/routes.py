"""Route paths and URL builders, so pages, states and the API agree on one spelling."""

from urllib.parse import quote

from faq.answer import SOURCE_PATH as FAQ_SOURCE_PATH

HOME = "/"
REGISTER = "/register"
SIGN_IN = "/login"
WALLET = "/wallet"
PROFILE = "/profile"
FAQ = "/faq"
FAQ_SOURCE = FAQ_SOURCE_PATH  # the FAQ engine builds its source links on this path
BADGE = "/badges/[badge_id]"

API_REGISTER = "/api/auth/register"
API_SIGN_IN = "/api/auth/login"
API_SIGN_OUT = "/api/auth/logout"

# The page bench's reference pages, added only when this variable is "1" (bench/wallet_page.py).
BENCH_PAGES_ENV = "WALLET_BENCH_PAGES"
BENCH_STATIC_CARDS = "/bench/static-cards"
BENCH_STATE_CARDS = "/bench/state-cards"


def sign_in_url(next_path: str | None = None, error: str | None = None) -> str:
    params = []
    if error:
        params.append(f"error={quote(error)}")
    if next_path:
        params.append(f"next={quote(next_path)}")
    return SIGN_IN + ("?" + "&".join(params) if params else "")


def safe_next_path(candidate: str | None) -> str:
    """Only same-site paths may follow a sign-in; anything else lands on the wallet."""
    if candidate and candidate.startswith("/") and not candidate.startswith("//") and "\\" not in candidate:
        return candidate
    return WALLET


def badge_url(badge_id: int | str) -> str:
    return f"/badges/{badge_id}"
