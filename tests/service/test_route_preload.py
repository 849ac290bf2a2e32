"""Pages with a path parameter get the SPA fallback page with their modules preloaded; the rest passes through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.responses import PlainTextResponse
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from wallet_app.route_preload import DynamicRoutePreload, route_pattern

FALLBACK = (
    '<!DOCTYPE html><html><head><link rel="modulepreload" href="/assets/manifest-abc123.js"/>'
    '<link rel="modulepreload" href="/assets/components-1.js"/></head><body>fallback</body></html>'
)
MANIFEST = {
    "entry": {"module": "/assets/entry-1.js", "imports": [], "css": []},
    "routes": {
        "root": {"id": "root", "path": "", "module": "/assets/root-1.js", "imports": []},
        "routes/wallet": {"id": "routes/wallet", "path": "wallet", "module": "/assets/wallet-1.js", "imports": []},
        "routes/badge": {
            "id": "routes/badge",
            "path": "badges/:badge_id",
            "module": "/assets/badge-page-1.js",
            "imports": ["/assets/components-1.js", "/assets/award-icon-1.js"],
        },
    },
}


async def reflex_stand_in(scope: Scope, receive: Receive, send: Send) -> None:
    await PlainTextResponse(f"reflex served {scope['path']}")(scope, receive, send)


def build_dir(folder: Path) -> Path:
    (folder / "assets").mkdir()
    (folder / "__spa-fallback.html").write_text(FALLBACK)
    (folder / "assets" / "manifest-abc123.js").write_text(f"window.__reactRouterManifest={json.dumps(MANIFEST)};")
    return folder


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(DynamicRoutePreload(reflex_stand_in, static_dir=build_dir(tmp_path)))


def test_a_badge_page_preloads_its_module_and_imports_once_each(client: TestClient) -> None:
    response = client.get("/badges/500")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    head = page.split("</head>")[0]
    assert '<link rel="modulepreload" href="/assets/badge-page-1.js"/>' in head
    assert '<link rel="modulepreload" href="/assets/award-icon-1.js"/>' in head
    assert page.count("/assets/components-1.js") == 1
    assert "fallback" in page


def test_other_pages_methods_and_deeper_paths_pass_through(client: TestClient) -> None:
    assert client.get("/wallet").text == "reflex served /wallet"
    assert client.get("/badges/500/extra").text == "reflex served /badges/500/extra"
    assert client.post("/badges/500").text == "reflex served /badges/500"


def test_without_a_production_build_everything_passes_through(tmp_path: Path) -> None:
    client = TestClient(DynamicRoutePreload(reflex_stand_in, static_dir=tmp_path))
    assert client.get("/badges/500").text == "reflex served /badges/500"


@pytest.mark.parametrize("manifest", ["window.__reactRouterManifest={not json", '{"routes": {"r": {"path": ":id"}}}'])
def test_an_unreadable_route_manifest_turns_preloads_off_and_loses_nothing(tmp_path: Path, manifest: str) -> None:
    (build_dir(tmp_path) / "assets" / "manifest-abc123.js").write_text(manifest)
    client = TestClient(DynamicRoutePreload(reflex_stand_in, static_dir=tmp_path))
    assert client.get("/badges/500").text == "reflex served /badges/500"


def test_route_pattern_matches_one_segment_per_parameter() -> None:
    pattern = route_pattern("badges/:badge_id")
    assert pattern.match("/badges/12") and pattern.match("/badges/12/")
    assert not pattern.match("/badges/") and not pattern.match("/badges/1/2") and not pattern.match("/xbadges/1")
