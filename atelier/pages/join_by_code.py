"""`/` and `/j` for a phone: type the code read on the projector (for a phone that cannot scan)."""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.domain.codes import LENGTH, is_well_formed, normalise_code
from atelier.pages.frame import frame
from atelier.pages.widgets import heading


def join_by_code(*, facilitator_note: str = texts.FORBIDDEN_HELP) -> None:
    """The code field; a well-formed code opens `/j/CODE` (which says « introuvable » if no démarche has it)."""
    with frame("phone"):
        heading(texts.JOIN_TITLE, 1)
        ui.label(texts.JOIN_HINT)
        field = ui.input(texts.JOIN_CODE).classes("w-full text-2xl") \
            .props(f'outlined autofocus maxlength={LENGTH + 4} autocapitalize=characters autocomplete=off '
                   'spellcheck=false').mark("join-code-field")
        error = ui.label().classes("error").mark("join-code-error")
        error.set_visibility(False)

        def join() -> None:
            code = normalise_code(field.value or "")
            if not is_well_formed(code):
                error.set_text(texts.JOIN_BAD_CODE.format(length=LENGTH))
                error.set_visibility(True)
                return
            ui.navigate.to(f"/j/{code}")

        field.on("keydown.enter", join)
        ui.button(texts.JOIN_BUTTON, on_click=join).classes("w-full").mark("join-code-go")
        with ui.column().classes("gap-1 mt-8"):
            ui.label(texts.JOIN_FACILITATOR).classes("font-bold")
            ui.label(facilitator_note).classes("hint")
