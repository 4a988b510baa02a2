"""A 75-year-old mayor reads and taps the phone page; the back row reads the projector. Measured in Chromium
on the demo démarche (axe-core, computed sizes), at a phone's size and at 200 % zoom."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from atelier import texts
from atelier.demo import DEMO_CODE
from atelier.domain.model import Role
from tests.browser.actions import join, post, save_artifact
from tests.browser.measure import accessibility_violations, horizontal_overflow, targets_smaller_than, text_smaller_than
from tests.browser.room import Room

pytestmark = pytest.mark.browser

TAP_TARGETS = ".phone .q-btn, .phone .q-radio, .phone .q-toggle, .phone .q-checkbox, .phone .q-field, " \
              ".phone .q-item--clickable"
MIN_TARGET_PX = 44
MIN_PHONE_TEXT_PX = 18
MIN_PROJECTED_ITEM_PX = 32


def open_welcome(room: Room, **phone_options) -> Page:
    phone = room.phone(**phone_options)
    phone.goto(room.server.url(f"/j/{DEMO_CODE}"))
    expect(phone.get_by_role("button", name=texts.PHONE_START)).to_be_visible()
    return phone


def join_and_post(phone: Page, room: Room) -> None:
    """The main form, with one contribution of one's own and the others' list open: every control shows."""
    join(phone, room.server.url(f"/j/{DEMO_CODE}"), role=Role.ELU, commune="Fontenelle")
    post(phone, "Pas de pédiatre à moins de 30 km.", theme="Santé (dont santé mentale)")
    phone.get_by_text(texts.PHONE_OTHERS).click()
    expect(phone.get_by_role("button", name=texts.PHONE_SHARE).first).to_be_visible()


def test_phone_pages_pass_axe_without_serious_violations(room: Room) -> None:
    phone = open_welcome(room)
    assert accessibility_violations(phone) == []
    join_and_post(phone, room)
    assert accessibility_violations(phone) == []


def test_phone_text_is_18px_and_targets_44px(room: Room) -> None:
    phone = open_welcome(room)
    assert text_smaller_than(phone, MIN_PHONE_TEXT_PX) == []
    assert targets_smaller_than(phone, MIN_TARGET_PX, TAP_TARGETS) == []
    join_and_post(phone, room)
    assert text_smaller_than(phone, MIN_PHONE_TEXT_PX) == []
    assert targets_smaller_than(phone, MIN_TARGET_PX, TAP_TARGETS) == []
    expect(phone.get_by_text(texts.PHONE_SENT)).to_have_count(0, timeout=10_000)  # the « Merci ! » toast
    save_artifact(phone, "phone", full_page=True)


def test_phone_at_200_percent_zoom_never_scrolls_sideways(room: Room) -> None:
    # A 390 px phone with its text doubled: 195 CSS pixels wide, each drawn with 2x2 device pixels.
    phone = open_welcome(room, viewport={"width": 195, "height": 422}, device_scale_factor=2)
    assert horizontal_overflow(phone) == 0
    join_and_post(phone, room)
    assert horizontal_overflow(phone) == 0


def test_projection_passes_axe_and_items_read_from_the_back_row(room: Room) -> None:
    projection = room.projection(DEMO_CODE)
    save_artifact(projection, "projection")
    assert accessibility_violations(projection) == []
    assert projection.locator(".card .participant-text").count() >= 3
    assert text_smaller_than(projection, MIN_PROJECTED_ITEM_PX, within=".card .participant-text") == []


def test_console_passes_axe_without_serious_violations(room: Room) -> None:
    console = room.facilitator()
    console.goto(room.server.url(f"/f/{DEMO_CODE}"))
    expect(console.get_by_role("heading", name=texts.CONSOLE_PHASES, exact=True)).to_be_visible()
    save_artifact(console, "console")
    assert accessibility_violations(console) == []
