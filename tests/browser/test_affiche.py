"""The A4 poster for the entrance and the tables, printed by Chromium to PDF and read back like paper."""

from __future__ import annotations

import pypdfium2
import pytest
from playwright.sync_api import expect

from atelier import texts
from atelier.demo import DEMO_CODE
from tests.browser.actions import ARTIFACTS, decode_qr
from tests.browser.room import Room

pytestmark = pytest.mark.browser

A4_POINTS = (595.3, 841.9)  # 210 x 297 mm
PRINT_DPI = 150  # a plain office printer


def test_console_link_prints_one_a4_page_whose_qr_code_scans(room: Room) -> None:
    console = room.facilitator()
    console.goto(room.server.url(f"/f/{DEMO_CODE}"))
    with console.context.expect_page() as opened:
        console.get_by_role("link", name=texts.CONSOLE_AFFICHE).click()
    poster = opened.value
    expect(poster.get_by_text(DEMO_CODE, exact=True)).to_be_visible()

    pdf = pypdfium2.PdfDocument(poster.pdf(format="A4", print_background=True))

    join_url = room.server.url(f"/j/{DEMO_CODE}")
    assert len(pdf) == 1
    page = pdf[0]
    assert page.get_size() == pytest.approx(A4_POINTS, abs=2)  # Chromium rounds to whole CSS pixels
    printed = " ".join(page.get_textpage().get_text_range().split())  # lines joined as a reader reads
    assert DEMO_CODE in printed and join_url in printed and texts.AFFICHE_HEADLINE in printed
    assert texts.AFFICHE_PRINT not in printed  # the screen's print button stays off the paper
    paper = page.render(scale=PRINT_DPI / 72).to_pil()
    ARTIFACTS.mkdir(exist_ok=True)
    paper.save(ARTIFACTS / "affiche.png")
    assert decode_qr(paper) == [join_url]
