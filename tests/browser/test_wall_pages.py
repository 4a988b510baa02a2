"""The whole wall on a 1920 x 1080 projector: 300 contributions in 14 themes, every one of them shown
whole on some page (the font shrinks to a floor, then a theme too long is split), never cut, never
ended with « … »; the facilitator holds the wall on one theme, turns its pages, and puts « Les plus
partagées » up."""

from __future__ import annotations

import random

import pytest
from playwright.sync_api import Page, expect

from atelier import texts
from atelier.domain import records
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.store import TinyDBSessionStore
from tests.browser.actions import choose, save_artifact
from tests.browser.room import Room
from tests.conftest import T0

pytestmark = pytest.mark.browser

CODE = "MURXNG"
THEMES = ["Accès aux droits", "Mobilité", "Santé", "Logement", "Petite enfance", "Jeunesse", "Personnes âgées",
          "Handicap", "Emploi et insertion", "Précarité", "Numérique", "Culture et sport", "Vie associative",
          "Parentalité"]
FLOOR_PX = 32  # what the back row reads (tests/browser/test_accessibility.py)
WORDS = ("pas de bus le soir pour rentrer du travail et les jeunes sans permis restent chez eux alors que la "
         "mission locale est à trente kilomètres et le transport à la demande ne passe pas dans les hameaux").split()


def crowded_session() -> Session:
    """300 contributions of every length (up to the 500 characters a phone allows), in 14 themes."""
    rng = random.Random(14)
    session = Session.create(code=CODE, territory="CC du Grand Hall", communes=["Vernoux", "Fontenelle"],
                             themes=THEMES, now=T0, title="Démarche politique sociale intercommunale")
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN, T0)
    for n in range(20):
        session.register_participant(f"p{n}", role="elu", commune="Vernoux", now=T0)
    for i in range(300):
        length = rng.choice([4, 8, 15, 30, 60, 80])
        text = f"n° {i} : " + " ".join(rng.choice(WORDS) for _ in range(length))
        kind = "difficulte" if i % 3 else "ressource"
        session.add_contribution(f"p{i % 20}", kind=kind, text=text[:500], theme=THEMES[i % len(THEMES)],
                                 risk="eleve" if kind == "difficulte" else None, now=T0)
    for n in range(1, 4):  # three people share the first difficulté (n° 2), one the second (n° 3)
        session.toggle_share(f"p{n + 5}", 2, T0)
    session.toggle_share("p9", 3, T0)
    return session


def page_state(projection: Page) -> dict:
    """The page shown: its number, the font size, the cards wholly inside the frame, and any cut."""
    return projection.evaluate("""() => {
        const pager = document.querySelector('.pager');
        const frame = document.querySelector('.pager-frame');
        const box = frame.getBoundingClientRect();
        const shown = [...frame.querySelectorAll('.pager-card')].filter((c) => c.offsetParent !== null);
        const inside = (c) => { const b = c.getBoundingClientRect();
            return b.top >= box.top - 1 && b.bottom <= box.bottom + 1
                && b.left >= box.left - 1 && b.right <= box.right + 1; };
        const text = (c) => c.querySelector('.participant-text');
        return {page: pager.dataset.page, pages: pager.dataset.pages, size: parseFloat(frame.style.fontSize),
                whole: shown.filter(inside).map((c) => text(c).textContent),
                cut: shown.filter((c) => !inside(c)).map((c) => text(c).textContent.slice(0, 30)),
                clipped: shown.filter((c) => text(c).scrollHeight > text(c).clientHeight + 1).length};
    }""")


def test_every_contribution_of_a_crowded_wall_is_shown_whole_on_some_page(room: Room) -> None:
    session = crowded_session()
    TinyDBSessionStore(room.server.data_dir).save(records.session_record(session))
    expected = {c.text for c in session.contributions.values()}
    console = room.facilitator()
    console.goto(room.server.url(f"/f/{CODE}"))
    console.get_by_role("button", name=texts.WALL_PAUSE).click()  # the facilitator turns the pages by hand
    expect(console.get_by_role("button", name=texts.WALL_RESUME)).to_be_visible()
    projection = room.projection(CODE)
    projection.wait_for_function("document.querySelector('.pager')?.dataset.settled === 'true'"
                                 " && +document.querySelector('.pager').dataset.pages > 1")
    count = int(projection.locator(".pager").get_attribute("data-pages") or "0")
    assert count > 1  # 300 contributions do not fit one screen
    seen: set[str] = set()
    for page in range(count):
        projection.wait_for_function(f"document.querySelector('.pager').dataset.page === '{page}'"
                                     " && document.querySelector('.pager').dataset.settled === 'true'")
        state = page_state(projection)
        assert state["size"] >= FLOOR_PX, f"page {page + 1}: font {state['size']} px"
        assert not state["cut"], f"page {page + 1}: cards cut at the frame's edge: {state['cut']}"
        assert state["clipped"] == 0, f"page {page + 1}: a card's text does not show whole"
        expect(projection.locator(".pager-number")).to_contain_text(f"{texts.WALL_PAGE} {page + 1} / {count}")
        seen |= set(state["whole"])
        if page == 0:
            save_artifact(projection, "wall-page")
        if page < count - 1:
            console.get_by_role("button", name=texts.WALL_NEXT_PAGE).click()
    missing = expected - seen
    assert not missing, f"{len(missing)} of {len(expected)} contributions never shown whole on {count} pages"
    print(f"crowded wall: {len(expected)} contributions, {count} pages")

    choose(console, texts.WALL_THEME, "Santé")  # the facilitator holds the wall on one theme
    projection.wait_for_function("document.querySelector('.pager').dataset.page === '0'")
    shown = {c.theme for c in session.contributions.values() if c.text in page_state(projection)["whole"]}
    assert shown == {"Santé"}

    console.get_by_role("button", name=texts.WALL_SHOW_TOP).click()
    expect(projection.get_by_text(texts.TOP_SHARED_TITLE)).to_be_visible()
    top = projection.locator(".top-shared .item")
    expect(top).to_have_count(2)
    expect(top.first).to_contain_text(session.contributions[2].text)
    expect(top.first).to_contain_text(texts.shared_count(3))
    console.get_by_role("button", name=texts.WALL_SHOW_WALL).click()
    expect(projection.locator(".pager")).to_be_visible()
