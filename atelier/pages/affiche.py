"""`/f/{code}/affiche`: an A4 poster for the entrance and the tables — QR code, join address and code.

The browser prints it (the button, or Ctrl+P): no PDF library, nothing fetched, the same QR code as the
projector. The print styles (`atelier.css`, « Printable poster ») fit it on one A4 portrait page.
"""

from __future__ import annotations

from fastapi import Request, Response
from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.pages.frame import facilitator_session, frame, token_left_behind
from atelier.pages.widgets import heading, qr_code

# On this page only: other pages, if ever printed, keep the printer's margins.
PAGE_CSS = "@page { size: A4 portrait; margin: 0; }"


def path(code: str) -> str:
    return f"/f/{code}/affiche"


def register(atelier: Atelier) -> None:
    @ui.page(path("{code}"), title=texts.APP_NAME)
    def affiche_page(request: Request, code: str, token: str | None = None) -> Response | None:
        redirect = token_left_behind(atelier, request, token)
        if redirect is not None:
            return redirect
        session = facilitator_session(atelier, code, None)
        if session is None:
            return None
        ui.page_title(texts.AFFICHE_TITLE.format(territory=session.territory))
        url = atelier.join_url(session.code)
        ui.add_css(PAGE_CSS)
        with frame("affiche"):
            with ui.row().classes("affiche-toolbar items-center gap-4"):
                # Printing happens in the browser: the button works even if the socket is down.
                ui.button(texts.AFFICHE_PRINT).on("click", js_handler="() => window.print()").mark("print")
                ui.label(texts.AFFICHE_PRINT_HINT)
            with ui.column().classes("affiche-sheet items-center"):
                ui.label(session.territory).classes("affiche-territory")
                heading(texts.AFFICHE_HEADLINE, 1)
                qr_code(url, classes="affiche-qr").mark("qr")
                ui.label(texts.AFFICHE_SCAN)
                ui.label(texts.AFFICHE_OR_OPEN)
                ui.label(url).classes("affiche-url").mark("join-url")
                ui.label(texts.AFFICHE_CODE).classes("affiche-code-label")
                ui.label(session.code).classes("affiche-code").mark("join-code")
                ui.label(texts.AFFICHE_WIFI).classes("affiche-note")
                ui.label(texts.AFFICHE_NO_ACCOUNT).classes("affiche-note")
        return None
