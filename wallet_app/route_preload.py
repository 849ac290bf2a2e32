"""Serve pages with a path parameter (``/badges/[badge_id]``) with their code announced up front.

Such pages cannot be prerendered, so the production server answers them with the build's SPA
fallback page, which names only the framework's own modules. The page's module, and the icons and
components it imports, are then discovered one round trip after another once the framework has
started (about 200 ms of a cold badge page on the bench). This middleware serves the same fallback
page with ``<link rel="modulepreload">`` for the route's module and its imports, read from the
build's route manifest, so the browser fetches them alongside the framework.

Anything it does not recognise (no production build, a path of no dynamic route, another method)
passes through to Reflex untouched.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import cached_property
from html import escape
from pathlib import Path

from reflex import constants
from reflex.utils import prerequisites
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

logger = logging.getLogger(__name__)

SPA_FALLBACK = "__spa-fallback.html"
MANIFEST_SCRIPT = re.compile(r'href="(/assets/manifest-[\w-]+\.js)"')
MANIFEST_PREFIX = "window.__reactRouterManifest="


@dataclass(frozen=True)
class PreloadedPage:
    """A dynamic route's URL pattern and the fallback page that preloads its modules."""

    pattern: re.Pattern[str]
    html: str


def route_pattern(route_path: str) -> re.Pattern[str]:
    """``badges/:badge_id`` -> a pattern for ``/badges/<one segment>`` with an optional trailing slash."""
    parts = ["[^/]+" if part.startswith(":") else re.escape(part) for part in route_path.split("/")]
    return re.compile("^/" + "/".join(parts) + "/?$")


def with_preloads(fallback_html: str, modules: list[str]) -> str:
    """The fallback page with a modulepreload link for each module it does not already name."""
    links = "".join(
        f'<link rel="modulepreload" href="{escape(module)}"/>'
        for module in modules
        if f'"{module}"' not in fallback_html
    )
    return fallback_html.replace("</head>", links + "</head>", 1)


def preloaded_pages(static_dir: Path) -> list[PreloadedPage]:
    """One page per route with a path parameter in the build at ``static_dir``; none without a build."""
    fallback_path = static_dir / SPA_FALLBACK
    if not fallback_path.is_file():
        return []
    fallback_html = fallback_path.read_text(encoding="utf-8")
    manifest_link = MANIFEST_SCRIPT.search(fallback_html)
    if manifest_link is None:
        return []
    try:
        manifest_source = (static_dir / manifest_link.group(1).lstrip("/")).read_text(encoding="utf-8")
        manifest = json.loads(manifest_source.removeprefix(MANIFEST_PREFIX).rstrip().rstrip(";"))
        return [
            PreloadedPage(
                route_pattern(route["path"]), with_preloads(fallback_html, [route["module"], *route["imports"]])
            )
            for route in manifest["routes"].values()
            if ":" in (route.get("path") or "")
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        # A build laid out differently only loses the speed-up: Reflex serves these pages itself.
        logger.warning("dynamic route preloads off: unreadable route manifest (%s)", error)
        return []


class DynamicRoutePreload:
    """ASGI middleware: GET/HEAD of a dynamic route's URL gets the preloading fallback page."""

    def __init__(self, app: ASGIApp, *, static_dir: Path | None = None) -> None:
        self.app = app
        self._static_dir = static_dir

    @cached_property
    def pages(self) -> list[PreloadedPage]:
        """Read once, at the first page request: the build does not change under a running server."""
        static_dir = self._static_dir or prerequisites.get_web_dir() / constants.Dirs.STATIC
        return preloaded_pages(static_dir)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            for page in self.pages:
                if page.pattern.match(scope["path"]):
                    response = HTMLResponse(page.html, headers={"Cache-Control": "no-cache"})
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)
