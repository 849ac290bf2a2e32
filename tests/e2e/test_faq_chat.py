"""The public FAQ chat in a real browser: two answered questions and one out-of-scope question.

Uses the e2e fixtures from tests/e2e/conftest.py: `base_url` of the running production app and
a Playwright `page`.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def ask(page: Page, question: str) -> None:
    field = page.get_by_label("Your question")
    field.fill(question)
    field.press("Enter")


def test_faq_chat_answers_with_sources_and_abstains_out_of_scope(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/faq")
    expect(page.get_by_role("heading", name="Ask about micro-credentials", level=1)).to_be_visible()
    conversation = page.get_by_role("log", name="Conversation")
    expect(conversation).to_have_attribute("aria-live", "polite")
    exchanges = conversation.locator("article")

    ask(page, "Who approves new micro-credentials?")
    first = exchanges.nth(0)
    expect(first).to_contain_text("approved by the Senate Micro-credentials Committee")
    source = first.get_by_role("link", name="Who approves new micro-credentials at KPU?")
    expect(source).to_have_attribute("href", re.compile(r"/faq/source#who-approves-new-micro-credentials-at-kpu$"))
    expect(first).to_contain_text("Source: KPU micro-credentials guidance")

    page.get_by_role("button", name="What are micro-credentials?").first.click()
    expect(exchanges).to_have_count(2)
    second = exchanges.nth(1)
    expect(second).to_contain_text("short, flexible, competency-based offerings")
    expect(second.get_by_role("link", name="What are micro-credentials?")).to_be_visible()

    ask(page, "What is a good recipe for banana bread?")
    expect(exchanges).to_have_count(3)
    third = exchanges.nth(2)
    expect(third).to_contain_text("I can only answer questions about micro-credentials and this wallet")
    expect(third.get_by_role("link")).to_have_count(0)
    expect(page.get_by_label("Your question")).to_have_value("")

    ask(page, "can my employer pay for my micro-credential")
    expect(exchanges).to_have_count(4)
    fourth = exchanges.nth(3)
    expect(fourth).to_contain_text("The guidance may not answer this exactly")
    expect(fourth).to_contain_text("Source: KPU micro-credentials guidance")
    expect(first).not_to_contain_text("may not answer this exactly")


def test_source_link_opens_the_cited_section(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/faq")
    ask(page, "who manages the open badges standard")
    link = page.get_by_role("link", name="Who regulates the international technical standards for open badges?")
    link.click()
    expect(page).to_have_url(re.compile(r"/faq/source#who-regulates"))
    heading = page.locator("#who-regulates-the-international-technical-standards-for-open-badges")
    expect(heading).to_be_in_viewport()
    expect(page.get_by_text("managed and sustained by the IMS Global organization")).to_be_visible()
