"""A whole soirée in real browsers: the facilitator creates the démarche, the projector shows the QR code,
phones scan it, join and post, the wall fills, the facilitator moderates; one phone loses the network for
a minute and keeps what it had typed. Nothing leaves 127.0.0.1, and posted markup stays text. Then a
phone whose connection dies under its fingers: what it typed is what gets posted once it is back.

To extend it (later phases): open more pages with `room`, act with `tests/browser/actions.py`
(`join`, `post`, `phase_button`, `hide`…), and add steps before the final request check.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from atelier import texts
from atelier.demo import DEMO_CODE
from atelier.domain.model import ContributionKind, PhaseKey, PhaseStatus, Risk, Role
from atelier.pages.phone_forms import DRAFT_KEY
from tests.browser.actions import (
    choose,
    create_session,
    decode_qr,
    go_offline,
    hide,
    join,
    phase_button,
    post,
    save_artifact,
    text_field,
)
from tests.browser.room import RequestLog, Room, is_local
from tests.browser.server import Server

pytestmark = pytest.mark.browser

OFFLINE_SECONDS = 60  # a phone in a pocket, screen locked, out of the hall's Wi-Fi
COMMUNES = ["Fontenelle", "Vernoux", "Marcilly"]
THEMES = ["Mobilité", "Santé", "Petite enfance"]
XSS = ["<script>window.__xss=1</script>", '<img src=x onerror="window.__xss=1">']
BUS = "Pas de bus après 18 h"
GROCERY = "Épicerie solidaire le mardi"
DRAFT = "Le car scolaire ne passe plus à Fontenelle"


def test_soiree_from_scanned_qr_code_to_moderation(room: Room, server: Server, requests_log: RequestLog) -> None:
    console = room.facilitator()
    code = create_session(console, territory="CC du Val de Loue", communes=COMMUNES, themes=THEMES)
    phase_button(console, PhaseKey.ETAT_DES_LIEUX, texts.CONSOLE_OPEN_PHASE).click()
    expect(console.get_by_text(texts.CONSOLE_PHASE_STATUS.format(
        phase=texts.PHASE_LABELS[PhaseKey.ETAT_DES_LIEUX],
        status=texts.PHASE_STATUS_LABELS[PhaseStatus.OPEN]))).to_be_visible()

    projection = room.projection(code)
    scanned = decode_qr(projection.screenshot())
    assert scanned == [server.url(f"/j/{code}")]
    address = projection.locator(".join-url")
    assert address.inner_text().replace("\n", "") == scanned[0]
    # The host and port stay on one line: if the address wraps, it is before « /j/CODE ».
    assert address.locator(".whitespace-nowrap").first.evaluate("el => el.getClientRects().length") == 1
    join_url = scanned[0]

    # Anne posts, starts a second contribution, and her phone drops off the network mid-sentence.
    anne = room.phone()
    join(anne, join_url, role=Role.ELU, commune="Fontenelle", name="Anne")
    post(anne, BUS, theme="Mobilité", risk=Risk.HIGH)
    text_field(anne).fill(DRAFT)
    offline_since = go_offline(anne)

    # The room goes on without her.
    marc, lea = room.phone(), room.phone()
    join(marc, join_url, role=Role.LOCAL_ACTOR, commune="Vernoux", structure="Secours populaire")
    join(lea, join_url, role=Role.RESIDENT, commune="Marcilly")
    post(marc, GROCERY, theme="Santé", kind=ContributionKind.RESOURCE, structure="Secours populaire")
    for payload in XSS:
        post(lea, payload, theme="Petite enfance", risk=Risk.LOW)
    for text in [BUS, GROCERY, *XSS]:
        expect(projection.get_by_text(text, exact=True)).to_be_visible()
    expect(projection.get_by_text("3 difficultés · 1 ressource · 3 participants")).to_be_visible()
    for page in (projection, console, lea):
        assert_markup_stays_text(page)
    save_artifact(projection, "soiree-projection")

    hide(console, GROCERY)
    expect(projection.get_by_text(GROCERY, exact=True)).to_have_count(0)
    expect(marc.get_by_text(f"{texts.KIND_LABELS[ContributionKind.RESOURCE]} · "
                            f"{texts.PHONE_HIDDEN_BY_FACILITATOR}")).to_be_visible()
    save_artifact(marc, "soiree-phone", full_page=True)
    save_artifact(console, "soiree-console")

    # A minute later Anne is back and reloads: same participant, her post, her unsent text.
    time.sleep(max(0.0, OFFLINE_SECONDS - (time.monotonic() - offline_since)))
    anne.context.set_offline(False)
    anne.reload()
    expect(anne.get_by_text(texts.PHONE_YOU.format(who="Anne · Élu·e · Fontenelle"))).to_be_visible()
    expect(anne.get_by_role("button", name=texts.PHONE_START)).to_be_hidden()
    expect(anne.get_by_text(BUS, exact=True)).to_be_visible()
    expect(text_field(anne)).to_have_value(DRAFT)
    post(anne, DRAFT, theme="Mobilité", risk=Risk.MEDIUM)
    expect(projection.get_by_text(DRAFT, exact=True)).to_be_visible()
    anne.wait_for_function(f"localStorage.getItem('{DRAFT_KEY.format(code=code)}') === null")  # sent: forgotten

    assert requests_log.websockets, "the recorder saw no websocket: it would miss them all"
    assert all(is_local(url) for url in requests_log.websockets)
    assert requests_log.outside() == []


def assert_markup_stays_text(page: Page) -> None:
    """A phone's `<script>` or `<img onerror>` reads as text and never runs."""
    for payload in XSS:
        expect(page.get_by_text(payload, exact=True)).to_be_visible()
    assert page.evaluate("window.__xss") is None
    expect(page.locator('img[src="x"]')).to_have_count(0)


def test_text_typed_into_a_dying_connection_is_what_gets_sent_once_back(room: Room) -> None:
    phone = room.phone()
    join(phone, room.server.url(f"/j/{DEMO_CODE}"), role=Role.ELU, commune="Vernoux-le-Bas")
    # The Wi-Fi fades: the page still believes it is connected, but what it sends never arrives.
    phone.evaluate("window.socket.io.engine.transport.ws.send = () => {}")
    text = "Plus de permanence CAF depuis janvier"
    text_field(phone).fill(text)
    go_offline(phone)
    phone.context.set_offline(False)
    phone.wait_for_function("window.socket.connected")  # back within the page's reconnect timeout: no reload
    choose(phone, texts.PHONE_THEME, "Accès aux droits et services publics")
    phone.get_by_role("radio", name=texts.RISK_LABELS[Risk.MEDIUM]).click()
    phone.get_by_role("button", name=texts.PHONE_SEND).click()
    expect(phone.get_by_text(text, exact=True)).to_be_visible()  # listed from what the server stored
