"""A 75-year-old mayor reads and taps the phone page; the back row reads the projector. Measured in Chromium
on the demo démarche (axe-core, computed sizes), at a phone's size and at 200 % zoom."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from atelier import texts
from atelier.demo import DEMO_CODE
from atelier.domain import records
from atelier.domain.model import PhaseKey, PhaseStatus, Role
from atelier.domain.votes import draw_ballot_codes
from atelier.store import TinyDBSessionStore
from tests.browser.actions import join, open_step, post, save_artifact
from tests.browser.measure import accessibility_violations, horizontal_overflow, targets_smaller_than, text_smaller_than
from tests.browser.room import Room
from tests.conftest import T0, build_axes, make_session

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


RESTITUTION_CODE = "ACCESR"
TESTIMONIES_CODE = "ACCEST"


def seed_plenary_sessions(room: Room) -> None:
    """Two more démarches on disk: one in its restitution (axes, a closed vote with points and paper
    points), one during its témoignages; the demo is in its état des lieux."""
    store = TinyDBSessionStore(room.server.data_dir)
    plenary = make_session(code=RESTITUTION_CODE, open_phase=None)
    plenary.register_participant("alice", role="elu", commune="Vernoux", now=T0)
    plenary.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    ids = build_axes(plenary)
    plenary.open_vote("piste", now=T0, ballot_codes=draw_ballot_codes(24))
    plenary.votes.close_current(T0)
    plenary.set_paper_points(ids["bus"], 4)
    plenary.present_axis(ids["mobility"])
    store.save(records.session_record(plenary))
    testimonies = make_session(code=TESTIMONIES_CODE, open_phase=PhaseKey.TEMOIGNAGES)
    testimonies.witnesses.set_speaking(testimonies.witnesses.add("Mission Locale", "service_public").id)
    testimonies.register_participant("ml", role="acteur_institutionnel", commune=None, structure="Mission Locale",
                                     now=T0)
    testimonies.add_contribution("ml", kind="constat", text="Les jeunes partent faute de transport", theme="Mobilité",
                                 now=T0)
    store.save(records.session_record(testimonies))


def violations_of(page: Page, where: str) -> list[str]:
    return [f"{where}: {violation}" for violation in accessibility_violations(page)]


def test_every_page_and_every_projected_screen_passes_axe_colour_contrast_included(room: Room) -> None:
    """axe-core's rules, colour contrast (4.5:1) among them, on each page a facilitator, a phone or the
    hall sees: the home page, each tab of the console, the analysis and axes screens, the printable
    pages, the code page, and the projection's wall, « Les plus partagées », témoignages, axe and vote."""
    seed_plenary_sessions(room)
    found: list[str] = []
    visitor = room.phone()
    visitor.goto(room.server.url("/"))
    expect(visitor.get_by_label(texts.JOIN_CODE)).to_be_visible()
    found += violations_of(visitor, "code page")

    console = room.facilitator()
    found += violations_of(console, "home")
    for code in (DEMO_CODE, RESTITUTION_CODE):
        console.goto(room.server.url(f"/f/{code}"))
        expect(console.get_by_role("heading", name=texts.CONSOLE_PHASES, exact=True)).to_be_visible()
        for step in texts.CONSOLE_STEP_LABELS:
            open_step(console, step)
            console.wait_for_timeout(300)  # the panel's transition
            found += violations_of(console, f"console {code} · {step}")
    for path in (f"/f/{DEMO_CODE}/analyse", f"/f/{DEMO_CODE}/axes", f"/f/{RESTITUTION_CODE}/axes",
                 f"/f/{DEMO_CODE}/affiche", f"/f/{RESTITUTION_CODE}/bulletins",
                 f"/f/{RESTITUTION_CODE}/bulletin-papier"):
        console.goto(room.server.url(path))
        console.wait_for_load_state("networkidle")
        found += violations_of(console, path)

    wall = room.projection(DEMO_CODE)
    found += violations_of(wall, "projection · wall")
    console.goto(room.server.url(f"/f/{DEMO_CODE}"))
    console.get_by_role("button", name=texts.WALL_SHOW_TOP).click()
    expect(wall.get_by_text(texts.TOP_SHARED_TITLE)).to_be_visible()
    found += violations_of(wall, "projection · les plus partagées")
    console.get_by_role("button", name=texts.WALL_SHOW_WALL).click()
    found += violations_of(room.projection(TESTIMONIES_CODE), "projection · témoignages")
    plenary = room.projection(RESTITUTION_CODE)
    found += violations_of(plenary, "projection · axe")
    console.goto(room.server.url(f"/f/{RESTITUTION_CODE}"))
    open_step(console, "restitution")
    console.get_by_role("button", name=texts.CONSOLE_PROJECT_RESULTS).click()
    expect(plenary.get_by_text("Dont 4 points sur papier ou à main levée.")).to_be_visible()
    found += violations_of(plenary, "projection · vote")
    assert found == []
