"""`/`: the facilitator's home (token required): create a démarche, list them, open one."""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain import limits
from atelier.pages import console
from atelier.pages.frame import attempt, facilitator_allowed, forbidden, frame
from atelier.pages.widgets import heading, phase_line
from atelier.presets import DEFAULT_PRESET

# Keep the token out of the address bar (and off the projector) once it has unlocked this browser.
FORGET_TOKEN_IN_URL = "<script>history.replaceState(null, '', location.pathname)</script>"


def register(atelier: Atelier) -> None:
    @ui.page("/", title=texts.HOME_TITLE)
    def home_page(token: str | None = None) -> None:
        if not facilitator_allowed(atelier, token):
            forbidden()
            return
        ui.add_head_html(FORGET_TOKEN_IN_URL)
        with frame("console"):
            heading(texts.HOME_TITLE, 1)
            _create_form(atelier)
            _session_list(atelier)

    console.register(atelier)


def _create_form(atelier: Atelier) -> None:
    presets = atelier.presets
    with ui.card().classes("w-full max-w-3xl gap-2"):
        heading(texts.HOME_NEW, 2)
        territory = ui.input(texts.HOME_TERRITORY).classes("w-full") \
            .props(f"outlined maxlength={limits.MAX_TERRITORY}").mark("territory")
        preset = ui.select({key: p.label for key, p in presets.items()}, value=DEFAULT_PRESET,
                           label=texts.HOME_PRESET).classes("w-full").props("outlined").mark("preset")
        communes = ui.textarea(texts.HOME_COMMUNES).classes("w-full").props("outlined").mark("communes")
        themes = ui.textarea(texts.HOME_THEMES, value="\n".join(presets[DEFAULT_PRESET].themes)) \
            .classes("w-full").props("outlined").mark("themes")
        preset.on_value_change(lambda e: themes.set_value("\n".join(presets[e.value].themes)))
        error = ui.label().classes("text-red-700 font-bold")
        error.set_visibility(False)

        async def create() -> None:
            session = await attempt(lambda: atelier.service.create_session(
                territory=territory.value or "", communes=communes.value or "", themes=themes.value or "",
                title=presets[preset.value or DEFAULT_PRESET].title), error)
            if session is not None:
                ui.navigate.to(f"/f/{session.code}")

        ui.button(texts.HOME_CREATE, on_click=create).mark("create")


def _unreadable(atelier: Atelier) -> None:
    """The démarches set aside since start: the facilitator learns it here, not from a stopped server."""
    found = sorted(atelier.service.unreadable.values(), key=lambda u: u.code)
    if not found:
        return
    with ui.card().classes("w-full max-w-3xl gap-1 bg-amber-50").mark("unreadable"):
        heading(texts.HOME_UNREADABLE_TITLE, 3)
        for item in found:
            line = texts.HOME_UNREADABLE if item.where else texts.HOME_UNREADABLE_NEWER
            ui.label(line.format(code=item.code, reason=item.reason, where=item.where)) \
                .mark(f"unreadable-{item.code}")


def _session_list(atelier: Atelier) -> None:
    heading(texts.HOME_SESSIONS, 2)
    sessions = atelier.service.list_sessions()
    if not sessions:
        ui.label(texts.HOME_NO_SESSIONS)
    _unreadable(atelier)
    for session in sessions:
        with ui.card().classes("w-full max-w-3xl gap-1").mark(f"session-{session.code}"):
            ui.label(session.territory).classes("text-xl font-bold")
            ui.label(session.title)
            ui.label(texts.HOME_SESSION_LINE.format(code=session.code, contributions=len(session.contributions),
                                                    participants=len(session.participants)))
            ui.label(phase_line(session.open_phase, session))
            with ui.row():
                ui.link(texts.HOME_OPEN, f"/f/{session.code}").mark(f"open-{session.code}")
                ui.link(texts.CONSOLE_PROJECTION, f"/p/{session.code}", new_tab=True)
