"""Downloads of a session's exports: console buttons, and `/f/{code}/export.{docx,csv,json}` for the facilitator.

Exports are built off the event loop, from a copy of the session taken on the loop: phones keep
posting while a big document is written, and the copy cannot change under the writer's feet.
"""

from __future__ import annotations

import asyncio
from datetime import date

from fastapi.responses import PlainTextResponse, Response
from nicegui import app as nicegui_app
from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain import records
from atelier.domain.errors import DomainError
from atelier.domain.session import Session
from atelier.export.formats import ExportFormat, Rendered, render_record
from atelier.pages.frame import facilitator_allowed, show_error
from atelier.pages.widgets import heading

BUTTONS = {
    ExportFormat.DOCX: texts.EXPORT_DOCX,
    ExportFormat.DELIBERATION: texts.EXPORT_DELIBERATION,
    ExportFormat.CSV: texts.EXPORT_CSV,
    ExportFormat.JSON: texts.EXPORT_JSON,
}


async def render_off_loop(session: Session, fmt: ExportFormat, *, detailed_votes: bool = False,
                          grouping_annex: bool = False) -> Rendered:
    # A thread rather than a process: no pickling of the session, and the interpreter still hands
    # the loop its turn every few milliseconds while the document is written.
    record = records.session_record(session)
    return await asyncio.to_thread(lambda: render_record(record, fmt, today=date.today(),
                                                         detailed_votes=detailed_votes,
                                                         grouping_annex=grouping_annex))


def register_routes(atelier: Atelier) -> None:
    @nicegui_app.get("/f/{code}/export.{extension}")
    async def export_route(code: str, extension: str, token: str | None = None) -> Response:
        # Checked before the code, so a guess learns nothing about which démarches exist.
        if not facilitator_allowed(atelier, token):
            return PlainTextResponse(texts.FORBIDDEN_TITLE, status_code=403)
        session = atelier.service.find(code)
        fmt = next((f for f in ExportFormat if f.value == extension), None)
        if session is None or fmt is None:
            return PlainTextResponse(texts.ERR_SESSION_NOT_FOUND.format(code=code[:20]), status_code=404)
        try:
            rendered = await render_off_loop(session, fmt)
        except DomainError as error:  # e.g. a replaced template that is not a Word file
            return PlainTextResponse(texts.error_message(error), status_code=500)
        return Response(rendered.content, media_type=rendered.media_type,
                        headers={"Content-Disposition": f'attachment; filename="{rendered.filename}"'})


class ExportButtons:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        with ui.card().classes("w-full gap-2"):
            heading(texts.EXPORT_TITLE, 2)
            with ui.row().classes("gap-2"):
                for fmt, label in BUTTONS.items():
                    button = ui.button(label).props("no-caps outline").mark(f"export-{fmt.value}")
                    button.on_click(lambda _, f=fmt, b=button: self.download(f, b))
            self.detail_votes = ui.checkbox(texts.EXPORT_DETAIL_VOTES).mark("export-detail-votes")
            self.grouping = ui.checkbox(texts.EXPORT_GROUPING).mark("export-grouping")

    async def download(self, fmt: ExportFormat, button: ui.button) -> None:
        button.disable()  # one click, one file: a second click would only queue the same work
        notice = ui.notification(texts.EXPORT_RUNNING, spinner=True, timeout=None)
        try:
            rendered = await render_off_loop(self.session, fmt, detailed_votes=self.detail_votes.value,
                                             grouping_annex=self.grouping.value)
        except DomainError as error:
            show_error(error)
            return
        finally:
            notice.dismiss()
            button.enable()
        ui.download.content(rendered.content, rendered.filename, rendered.media_type)
