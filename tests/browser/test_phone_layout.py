"""What a small phone shows whole: the kinds to choose from are never cut mid-word."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from atelier import texts
from atelier.domain.model import ContributionKind, PhaseKey, Role
from tests.browser.actions import create_session, join, phase_button, save_artifact
from tests.browser.room import Room
from tests.browser.server import Server

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 320, "height": 640}
# Each label's height over its line height: 1 when it holds on one line.
LINES_JS = """(buttons) => buttons.map((b) => {
  const label = b.querySelector('.block') || b;
  return Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight));
})"""


def test_the_temoignages_kinds_keep_their_words_whole_on_a_320_px_phone(room: Room, server: Server) -> None:
    console = room.facilitator()
    code = create_session(console, territory="CC du Val", communes=["Fontenelle"], themes=["Mobilité"])
    phase_button(console, PhaseKey.TEMOIGNAGES, texts.CONSOLE_OPEN_PHASE).click()
    phone = room.phone(viewport=SMALL_PHONE)
    join(phone, server.url(f"/j/{code}"), role=Role.LOCAL_ACTOR, commune=None, structure="Mission Locale")
    label = texts.KIND_LABELS[ContributionKind.RECOMMENDATION]
    expect(phone.get_by_role("button", name=label, exact=True)).to_be_visible()
    buttons = phone.locator(".q-btn-toggle .q-btn")
    assert buttons.evaluate_all(LINES_JS) == [1, 1, 1], "a kind's label was cut onto two lines"
    assert phone.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"], "the page scrolls sideways"
    save_artifact(phone, "phone-320-temoignages")
