"""Issue #5 journeys in a real browser: import every way, read the label and checklist, re-check, delete."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.e2e.journeys import new_learner_email, register
from tests.ob2_issuer import LEARNER_EMAIL, LoopbackIssuer
from tests.ob3_issuer import Ob3Issuer
from wallet_app.credentials.baking import bake_png


def _plain_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (40, 90, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def _add_identity(page: Page, identity: str) -> None:
    page.goto("/profile")
    page.get_by_label("Email, web address or DID").fill(identity)
    page.get_by_role("button", name="Add identity").click()
    expect(page.get_by_label("Your identities").get_by_role("cell", name=identity, exact=True)).to_be_visible()


def _open_tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def _upload(page: Page, tmp_path: Path, files: dict[str, bytes]) -> None:
    _open_tab(page, "Upload files")
    paths = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    page.locator("#main input[type=file]").set_input_files(paths)


def _import_row(page: Page, label: str):
    return page.get_by_test_id("import-row").filter(has_text=label)


def _card(page: Page, name: str):
    return page.get_by_test_id("badge-card").filter(has_text=name)


@pytest.fixture
def learner(page: Page) -> Page:
    register(page, new_learner_email(), name="Wallet Learner")
    _add_identity(page, LEARNER_EMAIL)
    page.goto("/wallet")
    expect(page.get_by_role("heading", name="Add a badge")).to_be_visible()
    return page


def test_import_every_way_then_read_recheck_and_delete(learner: Page, loopback_issuer: LoopbackIssuer, tmp_path):
    page, issuer = learner, loopback_issuer
    issuer.serve("/badge.png", _plain_png(), content_type="image/png")
    baked = issuer.hosted_assertion("baked-e2e", badge=issuer.badge_class_id)
    hosted = issuer.hosted_assertion("by-url-e2e")
    signed_jws = issuer.signed_assertion("pasted-e2e")
    ob3 = Ob3Issuer()
    ob3_credential = ob3.credential(achievement={
        "id": "https://demo.example/achievements/data", "name": "Data Storytelling",
        "description": "Explains a data set to a non-specialist audience.",
        "criteria": {"narrative": "Present a 10-minute data story, assessed by a panel."},
    })  # fmt: skip

    _upload(page, tmp_path, {
        "baked.png": bake_png(_plain_png(), json.dumps(baked)),
        "ob3-credential.json": json.dumps(ob3_credential).encode(),
        "broken.png": b"\x89PNG\r\n\x1a\n" + b"not really a png",
    })  # fmt: skip
    expect(_import_row(page, "baked.png")).to_have_attribute("data-status", "added", timeout=30_000)
    expect(_import_row(page, "ob3-credential.json")).to_have_attribute("data-status", "added", timeout=30_000)
    broken = _import_row(page, "broken.png")
    expect(broken).to_have_attribute("data-status", "error", timeout=30_000)
    expect(broken).to_contain_text("PNG")

    _open_tab(page, "Paste a link")
    page.get_by_label("Badge web address").fill(hosted["id"])
    page.get_by_role("button", name="Add from link").click()
    expect(_import_row(page, hosted["id"][:60])).to_have_attribute("data-status", "added", timeout=30_000)

    _open_tab(page, "Paste text")
    page.get_by_label("Badge JSON or signed text (JWS/JWT)").fill(signed_jws)
    page.get_by_role("button", name="Add pasted badge").click()
    expect(_import_row(page, "Pasted badge")).to_have_attribute("data-status", "added", timeout=30_000)

    expect(page.get_by_text(re.compile(r"Showing 1–4 of 4 badges"))).to_be_visible()
    expect(_card(page, "Loopback Soldering")).to_have_count(3)
    for card in _card(page, "Loopback Soldering").all():
        expect(card).to_contain_text("Verified")
    expect(_card(page, "Data Storytelling")).to_contain_text("Verified")

    page.get_by_label("Search your badges").fill("storytelling")
    expect(page.get_by_test_id("badge-card")).to_have_count(1)
    page.get_by_label("Search your badges").fill("")
    expect(page.get_by_test_id("badge-card")).to_have_count(4)

    _card(page, "Data Storytelling").get_by_role("link").click()
    expect(page.get_by_role("heading", name="Data Storytelling", level=1)).to_be_visible()
    glance = page.get_by_label("At a glance")
    expect(glance.get_by_role("row", name=re.compile("What was achieved"))).to_contain_text("Data Storytelling")
    expect(glance.get_by_role("row", name=re.compile("Issued by"))).to_contain_text("Demo Institute")
    expect(glance.get_by_role("row", name=re.compile("Credit"))).to_contain_text("Not stated")
    expect(page.get_by_text("Present a 10-minute data story, assessed by a panel.", exact=True)).to_be_visible()
    checklist = page.get_by_label("Verification checks")
    expect(checklist.locator("[data-check=proof]")).to_have_attribute("data-status", "passed")
    expect(checklist.locator("[data-check=recipient]")).to_have_attribute("data-status", "passed")

    page.goto("/wallet")
    issuer.serve_json(f"/assertions/{hosted['id'].rsplit('/', 1)[-1]}", {"revoked": True}, status=410)
    _import_row(page, hosted["id"][:60]).get_by_role("link", name="Open this badge").click()
    expect(page.get_by_role("heading", name="Loopback Soldering", level=1)).to_be_visible()
    expect(page.locator("#main [data-status=verified]").first).to_be_visible()
    page.get_by_role("button", name="Check again").click()
    expect(page.get_by_role("status")).to_contain_text("Revoked")
    expect(page.locator("#main [data-status=revoked]").first).to_be_visible()

    page.get_by_role("button", name="Delete badge…").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    expect(page).to_have_url(re.compile(r"/wallet/?$"))
    expect(page.get_by_text(re.compile(r"Showing 1–3 of 3 badges"))).to_be_visible()

    # Coming back (a new tab, so a new page session): a wallet with badges opens on the badges,
    # with "Add a badge" one click away.
    returning = page.context.new_page()
    returning.goto("/wallet")
    expect(returning.get_by_text(re.compile(r"Showing 1–3 of 3 badges"))).to_be_visible()
    add = returning.get_by_role("button", name="Add a badge")
    expect(add).to_have_attribute("aria-expanded", "false")
    expect(returning.get_by_role("heading", name="Add a badge")).to_have_count(0)
    add.click()
    expect(add).to_have_attribute("aria-expanded", "true")
    expect(returning.get_by_role("tab", name="Paste a link")).to_be_visible()


def test_badge_from_another_identity_can_be_claimed(learner: Page, loopback_issuer: LoopbackIssuer) -> None:
    page, issuer = learner, loopback_issuer
    alumni = issuer.hosted_assertion(
        "alumni-e2e", recipient={"type": "email", "hashed": False, "identity": "old.me@school.example"}
    )
    page.get_by_label("Badge web address").fill(alumni["id"])
    page.get_by_role("button", name="Add from link").click()
    row = _import_row(page, alumni["id"][:60])
    expect(row).to_have_attribute("data-status", "added", timeout=30_000)
    expect(row).to_contain_text("old.me@school.example")
    expect(_card(page, "Loopback Soldering")).to_contain_text("Recipient not confirmed")
    row.get_by_role("button", name="Add it to my profile").click()
    expect(_card(page, "Loopback Soldering")).to_contain_text("Verified")


def test_issuer_text_renders_inert(learner: Page, loopback_issuer: LoopbackIssuer) -> None:
    page, issuer = learner, loopback_issuer
    hostile_class = issuer.badge_class(
        id=issuer.url("/hostile-badge.json"),
        name="<script>window.__pwned = 1</script>Hostile <b>Badge</b>",
        description='Look: <img src=x onerror="window.__pwned = 2"> <iframe srcdoc="<script>parent.__pwned=3</script>">'
        "</iframe>",
        criteria={
            "narrative": "[Claim your prize](javascript:window.__pwned=4) and <a href=\"javascript:alert(1)\">this</a>"
        },
    )  # fmt: skip
    issuer.serve_json("/hostile-badge.json", hostile_class)
    hostile = issuer.hosted_assertion("hostile-e2e", badge=hostile_class["id"])
    page.get_by_label("Badge web address").fill(hostile["id"])
    page.get_by_role("button", name="Add from link").click()
    expect(_import_row(page, hostile["id"][:60])).to_have_attribute("data-status", "added", timeout=30_000)
    card = page.get_by_test_id("badge-card").filter(has_text="Hostile")
    expect(card).to_contain_text("<script>")
    card.get_by_role("link").click()
    expect(page.locator("#main h1")).to_contain_text("<script>window.__pwned = 1</script>Hostile")
    page.get_by_text("Claim your prize").wait_for()
    main = page.locator("#main")
    assert main.locator("script, iframe, img[onerror], b").count() == 0
    hrefs = main.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href') || '')")
    assert not any(href.strip().lower().startswith("javascript:") for href in hrefs)
    page.get_by_text("Claim your prize").click()
    assert page.evaluate("window.__pwned") is None
