"""Entering a démarche in a real browser: a phase's date typed, corrected and kept over a reload; the
commune list narrowed by typing, on a phone."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from atelier import texts
from atelier.domain.model import PhaseKey, Role
from tests.browser.actions import create_session, phase_button
from tests.browser.room import Room
from tests.browser.server import Server

pytestmark = pytest.mark.browser

COMMUNES = ["Morlaàs", "Serres-Morlaàs", "Lescar", "Montardon"]


def date_field(console, phase: PhaseKey):  # type: ignore[no-untyped-def]
    line = console.locator(".nicegui-row").filter(has_text=f"{texts.PHASE_LABELS[phase]} — ")
    return line.get_by_label(texts.CONSOLE_PHASE_DATE)


def connected(page) -> None:  # type: ignore[no-untyped-def]
    """The page's socket is up: what is typed now reaches the server (a person never types sooner)."""
    page.wait_for_function("window.did_handshake === true && window.socket.connected")


def stored(server: Server, code: str, text: str) -> None:
    """Wait until the server has written `text` in the démarche's journal: the change has landed."""
    journal = server.data_dir / f"{code}.journal"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if journal.exists() and text in journal.read_text(encoding="utf-8"):
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never reached the journal")


def test_a_phase_date_typed_in_the_console_is_kept_after_a_reload_and_can_be_cleared(room: Room) -> None:
    """Written « jj/mm/aaaa » whatever the browser's language (this one is set to English)."""
    console = room.open(viewport={"width": 1280, "height": 900}, locale="en-US")
    console.goto(room.server.facilitator_url())
    code = create_session(console, territory="CC du Nord-Est de Pau", communes=COMMUNES, themes=["Mobilité"])
    connected(console)
    field = date_field(console, PhaseKey.TEMOIGNAGES)
    expect(field).to_have_attribute("placeholder", texts.DATE_PLACEHOLDER)
    field.fill("14112025")  # the field writes the slashes
    expect(field).to_have_value("14/11/2025")
    field.blur()
    stored(room.server, code, '"day":"2025-11-14"')
    field.fill("31/02/2025")  # no such day: said, nothing saved
    field.press("Tab")
    expect(console.get_by_text(texts.DATE_WRONG)).to_be_visible()
    field.fill("21/11/2025")  # corrected
    field.press("Tab")
    stored(room.server, code, '"day":"2025-11-21"')
    console.reload()
    connected(console)
    expect(date_field(console, PhaseKey.TEMOIGNAGES)).to_have_value("21/11/2025")
    expect(date_field(console, PhaseKey.ETAT_DES_LIEUX)).to_have_value("")  # the others untouched
    date_field(console, PhaseKey.TEMOIGNAGES).fill("")
    date_field(console, PhaseKey.TEMOIGNAGES).blur()
    stored(room.server, code, '"day":null')
    # Or picked in a calendar of French months.
    line = console.locator(".nicegui-row").filter(has_text=f"{texts.PHASE_LABELS[PhaseKey.RESTITUTION]} — ")
    line.get_by_label(texts.DATE_CALENDAR).click()
    expect(console.get_by_text("décembre", exact=False).first).to_be_visible()
    console.locator(".q-date__calendar-item").get_by_text("15", exact=True).click()
    expect(date_field(console, PhaseKey.RESTITUTION)).to_have_value(re.compile(r"^15/\d{2}/\d{4}$"))



def test_a_phone_finds_its_commune_by_typing_its_first_letters(room: Room) -> None:
    console = room.facilitator()
    code = create_session(console, territory="CC du Nord-Est de Pau", communes=COMMUNES, themes=["Mobilité"])
    phase_button(console, PhaseKey.ETAT_DES_LIEUX, texts.CONSOLE_OPEN_PHASE).click()
    phone = room.phone()
    phone.goto(room.server.url(f"/j/{code}"))
    connected(phone)
    phone.get_by_role("radio", name=texts.ROLE_LABELS[Role.ELU], exact=True).click()
    commune = phone.get_by_label(texts.PHONE_COMMUNE, exact=True)
    commune.click()
    commune.press_sequentially("Mor")
    expect(phone.get_by_role("option", name="Morlaàs", exact=True)).to_be_visible()
    expect(phone.get_by_role("option", name="Serres-Morlaàs", exact=True)).to_be_visible()
    expect(phone.get_by_role("option", name="Lescar", exact=True)).to_have_count(0)
    phone.get_by_role("option", name="Morlaàs", exact=True).click()
    phone.get_by_role("button", name=texts.PHONE_START).click()
    expect(phone.get_by_text(texts.PHONE_YOU.format(who="Élu·e · Morlaàs"), exact=True)).to_be_visible()
