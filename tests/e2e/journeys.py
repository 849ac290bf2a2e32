"""Steps a learner takes, shared by the browser tests."""

from __future__ import annotations

import itertools
import re

from playwright.sync_api import Page, expect

PASSWORD = "a long test password"
_learner_numbers = itertools.count(1)


def new_learner_email(prefix: str = "learner") -> str:
    return f"{prefix}{next(_learner_numbers)}-{id(object())}@example.org"


def register(page: Page, email: str, name: str = "Test Learner", password: str = PASSWORD) -> None:
    page.goto("/register")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label(re.compile(r"^Password \(at least")).fill(password)
    page.get_by_label("Password again").fill(password)
    page.locator("#main").get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/wallet/?$"))


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.locator("#main").get_by_role("button", name="Sign in").click()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
