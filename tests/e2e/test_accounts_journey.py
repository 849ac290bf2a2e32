"""Account journeys in a real browser against the production build."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.journeys import new_learner_email, register, sign_in, sign_out


def test_register_sign_out_sign_in_and_see_the_empty_wallet(page: Page) -> None:
    email = new_learner_email()
    register(page, email, name="Rosa Parks")
    expect(page.get_by_role("heading", name="My wallet")).to_be_visible()
    sign_out(page)
    sign_in(page, email)
    expect(page).to_have_url(re.compile(r"/wallet/?$"))
    expect(page.get_by_text("Signed in as Rosa Parks")).to_be_visible()
    expect(page.get_by_role("heading", name="Your wallet is empty")).to_be_visible()
    expect(page.get_by_text("paste the badge's web address")).to_be_visible()


def test_wrong_password_shows_a_clear_message(page: Page) -> None:
    email = new_learner_email()
    register(page, email)
    sign_out(page)
    sign_in(page, email, password="not the password")
    expect(page.get_by_role("alert")).to_contain_text("That email and password don’t match an account")
    expect(page).to_have_url(re.compile(r"/login"))


def test_signed_out_visitor_is_sent_to_sign_in_and_back(page: Page) -> None:
    page.goto("/wallet")
    expect(page).to_have_url(re.compile(r"/login\?.*next=%2Fwallet|/login\?.*next=/wallet"))
    expect(page.get_by_role("alert")).to_contain_text("Sign in to see your wallet")
    email = new_learner_email()
    register(page, email)
    sign_out(page)
    page.goto("/profile")
    expect(page).to_have_url(re.compile(r"/login"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("a long test password")
    page.locator("#main").get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/profile/?$"))


def test_one_learner_never_sees_anothers_data(page: Page, browser, base_url: str) -> None:
    ana_email, ben_email = new_learner_email("ana"), new_learner_email("ben")
    register(page, ana_email, name="Ana Alumna")
    page.goto("/profile")
    page.get_by_label("Email, web address or DID").fill("ana.old@school.example")
    page.get_by_role("button", name="Add identity").click()
    expect(page.get_by_role("cell", name="ana.old@school.example", exact=True)).to_be_visible()

    other = browser.new_context(base_url=base_url).new_page()
    register(other, ben_email, name="Ben Builder")
    other.goto("/profile")
    identities_table = other.get_by_label("Your identities")
    expect(identities_table.get_by_role("cell", name=ben_email)).to_be_visible()
    expect(identities_table.get_by_role("row")).to_have_count(2)
    expect(other.get_by_text("ana.old@school.example")).to_have_count(0)
    expect(other.get_by_text(ana_email)).to_have_count(0)
    other.goto("/wallet")
    expect(other.get_by_text("Signed in as Ben Builder")).to_be_visible()
    expect(other.get_by_text("Ana Alumna")).to_have_count(0)
    other.context.close()


def test_profile_identities_password_change_and_account_deletion(page: Page) -> None:
    email = new_learner_email()
    register(page, email)
    page.goto("/profile")
    page.get_by_label("Email, web address or DID").fill("not an email")
    page.get_by_role("button", name="Add identity").click()
    expect(page.get_by_role("alert")).to_contain_text("is not an email address")

    page.get_by_label("Current password").fill("a long test password")
    page.get_by_label(re.compile(r"^New password \(at least")).fill("an even longer password")
    page.get_by_label("New password again").fill("an even longer password")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("status")).to_contain_text("Password changed")

    page.get_by_role("button", name="Delete my account…").click()
    dialog = page.get_by_role("alertdialog")
    dialog.get_by_label("Password").fill("an even longer password")
    dialog.get_by_role("button", name="Delete everything").click()
    expect(page.get_by_role("status")).to_contain_text("deleted")
    sign_in(page, email, password="an even longer password")
    expect(page.get_by_role("alert")).to_contain_text("don’t match an account")
