"""The presented axe of a real fiche (25 lines) on a 1920 x 1080 projector: the font shrinks to a floor
that stays legible, then the lines page, and every line shows on one page or another; never a cut."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from atelier import texts
from atelier.domain import records
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.store import TinyDBSessionStore
from tests.browser.actions import save_artifact
from tests.browser.room import Room
from tests.conftest import T0
from tests.fiche_data import AXES

pytestmark = pytest.mark.browser

CODE = "FCHXNG"
FLOOR_PX = 24


def fiche_session() -> tuple[Session, int]:
    """The fiche's axes, restitution open, its longest axe presented; returns the session and that axe's id."""
    session = Session.create(code=CODE, territory="CC du Val de Lys", communes=["Vernoux"], themes=["Mobilité"],
                             now=T0, title="Démarche politique sociale intercommunale")
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    board = session.axes
    for fiche_axis in AXES:
        axis = board.add_axis(fiche_axis.title)
        board.add_lines(axis.id, "enjeux", list(fiche_axis.enjeux))
        for orientation in fiche_axis.orientations:
            line = board.add_line(axis.id, "orientations", orientation.text)
            board.add_lines(axis.id, "pistes", list(orientation.pistes), orientation_id=line.id)
    longest = max(board.axes, key=lambda a: len(a.enjeux) + len(a.orientations) + len(a.pistes))
    session.present_axis(longest.id)
    return session, longest.id


def visible_lines(projection: Page) -> list[str]:
    """The lines drawn wholly inside the frame, as the hall sees them."""
    return projection.evaluate("""() => {
        const box = document.querySelector('.axis-frame').getBoundingClientRect();
        const frame = {left: Math.max(box.left, 0), right: Math.min(box.right, window.innerWidth),
                       top: Math.max(box.top, 0), bottom: Math.min(box.bottom, window.innerHeight)};
        return [...document.querySelectorAll('.axis-flow .axis-line')].filter((line) => {
            const box = line.getBoundingClientRect();
            return box.width > 0 && box.left >= frame.left - 1 && box.right <= frame.right + 1
                && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
        }).map((line) => line.textContent.trim());
    }""")


def test_a_long_axe_is_shrunk_then_paged_and_every_line_shows(room: Room) -> None:
    session, axis_id = fiche_session()
    TinyDBSessionStore(room.server.data_dir).save(records.session_record(session))
    axis = session.axes.axis(axis_id)
    expected = [line.text for line in axis.enjeux] + [
        text for orientation, pistes in axis.outline() for text in [orientation.text if orientation else "",
                                                                    *(p.text for p in pistes)] if text]
    console = room.facilitator()
    console.goto(room.server.url(f"/f/{CODE}"))
    projection = room.projection(CODE)
    pages = projection.locator(".axis-pages")
    pages.wait_for()
    projection.wait_for_function("document.querySelector('.axis-pages').dataset.pages !== undefined")
    count = int(pages.get_attribute("data-pages") or "1")
    size = projection.evaluate("parseFloat(getComputedStyle(document.querySelector('.axis-flow')).fontSize)")
    assert size >= FLOOR_PX
    seen: set[str] = set()
    for page in range(count):
        projection.wait_for_function(f"document.querySelector('.axis-pages').dataset.current === '{page}'")
        if count > 1:
            assert projection.locator(".axis-page-number").inner_text() == f"{page + 1}/{count}"
        seen |= set(visible_lines(projection))
        if page < count - 1:
            console.get_by_role("button", name=texts.CONSOLE_NEXT_AXIS_PAGE).click()  # the facilitator turns it
    save_artifact(projection, "long-axis")
    missing = [line for line in expected if line not in seen]
    assert not missing, f"{len(missing)} of {len(expected)} lines never shown on {count} page(s): {missing[:3]}"
    print(f"longest axe: {len(expected)} lines, font {size:.0f} px, {count} page(s)")
