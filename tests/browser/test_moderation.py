"""Moderation in real browsers: in « Validation avant projection » a post reaches the projector only once
validated; a phone number waits in every mode; the count stays in view wherever the console is scrolled."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from atelier import texts
from atelier.domain.model import PhaseKey, Role
from tests.browser.actions import choose, create_session, join, phase_button, post, save_artifact
from tests.browser.room import Room
from tests.browser.server import Server

pytestmark = pytest.mark.browser

INSULT = "ARNAQUE !!! le maire est un voleur, appelez le 06 12 34 56 78"
BUS = "Pas de bus après 18 h"


def test_a_post_reaches_the_projector_only_once_validated_and_an_insult_never(room: Room, server: Server) -> None:
    console = room.facilitator()
    code = create_session(console, territory="CC du Val", communes=["Fontenelle"], themes=["Mobilité"])
    phase_button(console, PhaseKey.ETAT_DES_LIEUX, texts.CONSOLE_OPEN_PHASE).click()
    choose(console, texts.MODERATION_MODE, texts.MODERATION_MODES["validation"])
    projection = room.projection(code)
    phone = room.phone()
    join(phone, server.url(f"/j/{code}"), role=Role.ELU, commune="Fontenelle")

    post(phone, INSULT, theme="Mobilité")
    post(phone, BUS, theme="Mobilité")
    expect(phone.get_by_text(texts.PHONE_WAITING_VALIDATION, exact=False).first).to_be_visible()
    expect(console.get_by_text(texts.MODERATION_COUNT.format(count=2))).to_be_visible()
    held = console.locator(".held-row").filter(has_text=BUS)
    held.get_by_role("button", name=texts.MODERATION_VALIDATE).click()
    expect(projection.get_by_text(BUS, exact=True)).to_be_visible()
    console.locator(".held-row").filter(has_text=INSULT).get_by_role("button", name=texts.MODERATION_HIDE).click()
    expect(console.get_by_text(texts.MODERATION_COUNT.format(count=0))).to_be_visible()
    expect(projection.get_by_text(INSULT)).to_have_count(0)

    post(phone, "Plus de car scolaire, appelez le 06 12 34 56 78", theme="Mobilité")  # held whatever the mode
    console.mouse.wheel(0, 20_000)  # far down, among the contributions
    count = console.get_by_text(texts.MODERATION_COUNT.format(count=1))
    expect(count).to_be_in_viewport()
    save_artifact(console, "console-moderation")
    count.click()
    expect(console.locator(".held-row").filter(has_text="car scolaire")).to_be_in_viewport()
    expect(projection.get_by_text("car scolaire", exact=False)).to_have_count(0)
