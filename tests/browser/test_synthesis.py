"""Assisted synthesis in real browsers: « Déjà signalé ? » while a phone types, then the suggested groups
on the analysis screen, one of which becomes an axe with its contributions as evidence."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from atelier import texts
from atelier.domain.model import PhaseKey, Role
from tests.browser.actions import create_session, join, phase_button, post, text_field
from tests.browser.room import Room
from tests.browser.server import Server

pytestmark = pytest.mark.browser

BUS = "Plus aucun bus le soir après 18 heures pour rentrer du travail"


def test_a_phone_typing_what_was_already_said_is_offered_to_share_it(room: Room, server: Server) -> None:
    console = room.facilitator()
    code = create_session(console, territory="CC du Val", communes=["Fontenelle", "Vernoux"],
                          themes=["Mobilité", "Santé"])
    phase_button(console, PhaseKey.ETAT_DES_LIEUX, texts.CONSOLE_OPEN_PHASE).click()
    anne, marc = room.phone(), room.phone()
    join(anne, server.url(f"/j/{code}"), role=Role.ELU, commune="Fontenelle")
    post(anne, BUS, theme="Mobilité")
    join(marc, server.url(f"/j/{code}"), role=Role.ELU, commune="Vernoux")

    text_field(marc).press_sequentially("Il n'y a pas de bus le soir après 18 h", delay=40)
    panel = marc.get_by_text(texts.PHONE_SIMILAR_TITLE)
    expect(panel).to_be_visible()
    expect(marc.get_by_text(BUS, exact=True)).to_be_visible()
    marc.get_by_role("button", name=texts.PHONE_SHARE).first.click()
    expect(marc.get_by_role("button", name=texts.PHONE_SHARED)).to_be_visible()
    expect(text_field(marc)).to_have_value("Il n'y a pas de bus le soir après 18 h")  # still theirs to send
