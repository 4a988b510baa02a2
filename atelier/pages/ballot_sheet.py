"""`/f/{code}/bulletins`: the one-use codes of a vote « un bulletin par code », to print and cut out.

Printed by the browser, as the poster is: 24 bulletins per A4 page (3 by 8), each with the territory,
its code in large letters and what to do with it. The codes are those of the latest vote that has
them; a code that has served is marked on the screen (not in print: it is already in someone's hand).
"""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.session import Session
from atelier.domain.votes import PriorityVote
from atelier.pages.frame import facilitator_screen

PAGE_CSS = "@page { size: A4 portrait; margin: 8mm; }"


def path(code: str) -> str:
    return f"/f/{code}/bulletins"


def vote_with_codes(session: Session) -> PriorityVote | None:
    return next((vote for vote in reversed(session.votes.votes) if vote.needs_code), None)


def register(atelier: Atelier) -> None:
    facilitator_screen(atelier, path("{code}"), texts.BALLOTS_TITLE, sheet, audience="bulletins")


def sheet(atelier: Atelier, session: Session) -> None:
    ui.add_css(PAGE_CSS)
    vote = vote_with_codes(session)
    if vote is None:
        ui.label(texts.BALLOTS_NONE).mark("no-ballots")
        return
    with ui.row().classes("affiche-toolbar items-center gap-4"):
        ui.button(texts.BALLOTS_PRINT).on("click", js_handler="() => window.print()").mark("print")
        ui.label(texts.BALLOTS_HINT.format(count=len(vote.ballot_codes), used=vote.codes_used))
    with ui.element("div").classes("ballot-sheet").mark("ballot-sheet"):
        for number, (ballot_code, holder) in enumerate(vote.ballot_codes.items(), 1):
            with ui.column().classes("ballot-card" + (" ballot-used" if holder else "")).mark("ballot-card"):
                ui.label(session.territory).classes("ballot-territory")
                ui.label(texts.BALLOT_CARD_TITLE.format(number=number)).classes("ballot-title")
                ui.label(ballot_code).classes("ballot-code").mark("ballot-code-printed")
                ui.label(texts.BALLOT_CARD_HELP).classes("ballot-help")
