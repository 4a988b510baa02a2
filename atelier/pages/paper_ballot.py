"""`/f/{code}/bulletin-papier`: the latest vote as an A4 paper ballot, for those who vote without a
smartphone (many élus of small communes). The propositions are numbered as the phones list them, by
axe and orientation, each with a box for the points; the facilitator then types what the ballots
say in the console (« Points papier ou à main levée », `SetPaperPoints`). Printed by the browser.
"""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.session import Session
from atelier.pages.frame import facilitator_screen
from atelier.pages.phone_ballot import sections_of

PAGE_CSS = "@page { size: A4 portrait; margin: 12mm; }"


def path(code: str) -> str:
    return f"/f/{code}/bulletin-papier"


def register(atelier: Atelier) -> None:
    facilitator_screen(atelier, path("{code}"), texts.PAPER_BALLOT_TITLE, sheet, audience="paper-ballot")


def sheet(atelier: Atelier, session: Session) -> None:
    ui.add_css(PAGE_CSS)
    vote = session.votes.latest
    if vote is None:
        ui.label(texts.PAPER_BALLOT_NONE).mark("no-paper-ballot")
        return
    with ui.row().classes("affiche-toolbar items-center gap-4"):
        ui.button(texts.PAPER_BALLOT_PRINT).on("click", js_handler="() => window.print()").mark("print")
        ui.label(texts.PAPER_BALLOT_HINT)
    with ui.column().classes("paper-ballot-sheet gap-2").mark("paper-ballot"):
        ui.label(session.territory).classes("affiche-territory")
        ui.label(texts.PAPER_BALLOT_HEADING.format(items=texts.TARGET_LABELS_PLURAL[vote.target])) \
            .classes("paper-ballot-heading")
        ui.label(texts.PAPER_BALLOT_RULES.format(budget=vote.budget, cap=vote.cap))
        number = 0
        for section in sections_of(vote, session):
            if section["title"]:
                ui.label(section["title"]).classes("paper-ballot-axis")
            if section["orientation"]:
                ui.label(section["orientation"]).classes("paper-ballot-orientation")
            for item in section["items"]:
                number += 1
                with ui.row().classes("paper-ballot-item w-full no-wrap items-center gap-3") \
                        .mark(f"paper-item-{item['id']}"):
                    ui.label(f"{number}.").classes("paper-ballot-number")
                    ui.label(item["text"]).classes("paper-ballot-text")
                    ui.element("div").classes("paper-ballot-box")
                    ui.label(texts.PAPER_BALLOT_POINTS).classes("paper-ballot-unit")
        ui.label(texts.PAPER_BALLOT_FOOT).classes("paper-ballot-foot")
