"""`/`: the facilitator's home (token required): create a démarche, list them, open one."""

from __future__ import annotations

from fastapi import Request, Response
from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain import limits
from atelier.export.french import french_moment
from atelier.pages import console
from atelier.pages.frame import attempt, facilitator_allowed, frame, token_left_behind
from atelier.pages.join_by_code import join_by_code
from atelier.pages.widgets import confirm, heading, phase_line
from atelier.presets import DEFAULT_PRESET
from atelier.store.backups import Backup


def register(atelier: Atelier) -> None:
    @ui.page("/", title=texts.HOME_TITLE)
    def home_page(request: Request, token: str | None = None) -> Response | None:
        redirect = token_left_behind(atelier, request, token)
        if redirect is not None:
            return redirect
        if not facilitator_allowed(atelier, None):
            # A phone that typed the address on the projector lands here: it may type the code.
            if token is not None:
                ui.context.client.status_code = 403  # a wrong token is still refused, and said so
            join_by_code(facilitator_note=texts.JOIN_WRONG_TOKEN if token else texts.FORBIDDEN_HELP)
            return None
        with frame("console"):
            heading(texts.HOME_TITLE, 1)
            _create_form(atelier)
            _session_list(atelier)
        return None

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
            latest = atelier.service.backups.latest(item.code) if atelier.service.backups else None
            if latest is None:
                ui.label(texts.HOME_NO_BACKUP).classes("text-gray-700")
                continue
            ui.label(texts.HOME_LAST_BACKUP.format(moment=french_moment(latest.at)))
            ui.button(texts.HOME_RESTORE, on_click=lambda b=latest: _restore(atelier, b)) \
                .props("no-caps").mark(f"restore-{item.code}")


async def _delete(atelier: Atelier, code: str) -> None:
    if await attempt(lambda: atelier.service.delete_session(code)) is not None:
        ui.notify(texts.HOME_DELETED.format(code=code), type="positive")
        ui.navigate.to("/")


async def _restore(atelier: Atelier, backup: Backup) -> None:
    if await attempt(lambda: atelier.service.restore_backup(backup.code, backup)) is not None:
        ui.notify(texts.HOME_RESTORED.format(code=backup.code, moment=french_moment(backup.at)), type="positive")
        ui.navigate.to("/")


def _backups_dialog(atelier: Atelier, code: str, territory: str) -> None:
    """Every backup of the démarche, newest first, each restorable after a confirmation."""
    backups = atelier.service.backups.list(code) if atelier.service.backups else []
    with ui.dialog() as dialog, ui.card().classes("w-full max-w-xl gap-2").mark(f"backups-{code}"):
        heading(texts.HOME_BACKUPS_TITLE.format(territory=territory, code=code), 3)
        if not backups:
            ui.label(texts.HOME_NO_BACKUP)
        for backup in backups:
            moment = french_moment(backup.at)
            with ui.row().classes("w-full items-center justify-between"):
                ui.label(texts.HOME_BACKUP_LINE.format(moment=moment))
                ui.button(texts.HOME_RESTORE, on_click=lambda b=backup, m=moment: confirm(
                    texts.HOME_RESTORE_CONFIRM.format(moment=m), texts.HOME_RESTORE,
                    lambda: _restore(atelier, b), audience="console", mark="restore-confirm")) \
                    .props("flat no-caps").mark(f"restore-{code}-{backup.at:%Y%m%d%H%M%S}")
        ui.button(texts.PHONE_CANCEL, on_click=dialog.close).props("flat no-caps")
    dialog.open()


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
                ui.button(texts.HOME_BACKUPS,
                          on_click=lambda s=session: _backups_dialog(atelier, s.code, s.territory)) \
                    .props("flat dense no-caps").mark(f"backups-{session.code}")
                ui.button(texts.HOME_DELETE, on_click=lambda s=session: confirm(
                    texts.HOME_DELETE_CONFIRM.format(territory=s.territory, code=s.code), texts.HOME_DELETE_YES,
                    lambda: _delete(atelier, s.code), audience="console", mark="delete-confirm")) \
                    .props("flat dense no-caps color=negative").mark(f"delete-{session.code}")
