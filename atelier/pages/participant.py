"""`/j/{code}`: the participant's phone. Introduce yourself once, then contribute while a phase is open.

A phone listens to two channels only: the facilitator's moves (phases, speaker, axe on screen,
vote, timer) and its own contributions, points and comments. It never receives the room's
traffic: others' contributions are loaded on demand, a page at a time.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import html

from fastapi import Request, Response
from fastapi.responses import HTMLResponse
from nicegui import app, ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.events import DomainEvent, PhaseChanged, TimerChanged
from atelier.domain.model import Participant
from atelier.domain.session import Session
from atelier.pages.contribution_fields import who
from atelier.pages.countdown import Countdown
from atelier.pages.frame import frame, not_found
from atelier.pages.join_by_code import join_by_code
from atelier.pages.phone_forms import ContributionForm, ProfileForm
from atelier.pages.phone_lists import MyContributions, OthersContributions
from atelier.pages.phone_plenary import PhonePlenary
from atelier.pages.widgets import heading, phase_line

PARTICIPANT_KEY = "participant_id"


def register(atelier: Atelier, *, reconnect_timeout: float) -> None:
    # When the QR code goes up, dozens of phones ask for their page at once, and each page is built
    # in one go. Built one at a time, the projection and the phones already in get their turn
    # between two builds, instead of waiting behind all of them.
    one_build_at_a_time = asyncio.Semaphore(1)

    @ui.page("/j", title=texts.APP_NAME)
    def code_page() -> None:
        join_by_code()

    @ui.page("/j/{code}", title=texts.APP_NAME, reconnect_timeout=reconnect_timeout)
    async def join_page(request: Request, code: str) -> Response | None:
        address = client_address(request)
        if address is not None and not atelier.rates.joins.hit(address):
            return too_many_joins()
        session = atelier.service.find(code)
        if session is None:
            if address is not None:  # a few wrong codes are typos; many are someone guessing
                await asyncio.sleep(atelier.rates.wrong_code_delay(address))
            not_found(code)
            return None
        async with one_build_at_a_time:
            ui.page_title(f"{texts.APP_NAME} — {session.territory}")
            PhonePage(atelier, session, device_participant_id(atelier.config.storage_secret))
        return None


def client_address(request: Request) -> str | None:
    """The phone's address, for the per-address limits; None for the laptop itself (127.0.0.1, ::1),
    which is also where a reverse proxy in front comes from, and which limits on its own."""
    host = request.client.host if request.client else None
    return None if host in (None, "127.0.0.1", "::1") else host


def too_many_joins() -> HTMLResponse:
    """A plain page, and nothing kept: a flooding client must not make the server hold a live page
    (about 60 kB each, for a minute) per request it is refused."""
    ui.context.client.delete()
    title, text = html.escape(texts.TOO_MANY_JOINS_TITLE), html.escape(texts.TOO_MANY_JOINS)
    return HTMLResponse(f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" '
                        f'content="width=device-width, initial-scale=1"><title>{title}</title></head>'
                        f'<body style="font: 18px/1.5 sans-serif; padding: 1rem"><h1>{title}</h1><p>{text}</p>'
                        f'</body></html>', status_code=429, headers={"Retry-After": "60"})


def device_participant_id(secret: str) -> str:
    """Anonymous, the same for this browser after a reload, a lock screen or a restart.

    Derived from the browser's own signed cookie (NiceGUI's random browser id), so nothing is written
    on the server for it: no failed side write or lost file can make a participant someone else, and
    a page opened without ever connecting leaves no file behind. Phones that joined with an earlier
    atelier keep the number it kept for them.
    """
    earlier = app.storage.user.get(PARTICIPANT_KEY)
    if earlier:
        return str(earlier)
    browser_id = str(ui.context.client.request.session["id"])
    return hmac.new(secret.encode(), f"participant:{browser_id}".encode(), hashlib.sha256).hexdigest()[:16]


class PhonePage:
    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier = atelier
        self.session = session
        self.participant_id = participant_id
        with frame("phone"):
            heading(session.territory, 1)
            self.phase_label = ui.label().classes("hint").mark("phase-line")
            self.countdown = Countdown(session.timer, now=atelier.service.clock())
            self.profile_form = ProfileForm(atelier, session, participant_id, on_saved=self.show_main)
            with ui.column().classes("w-full gap-4") as self.main:
                with ui.row().classes("items-center gap-2"):
                    self.who_label = ui.label().mark("who")
                    ui.button(texts.PHONE_CHANGE_PROFILE, on_click=self.edit_profile).props("flat dense no-caps")
                self.plenary = PhonePlenary(atelier, session, participant_id)
                self.form = ContributionForm(atelier, session, participant_id)
                self.mine = MyContributions(atelier, session, participant_id)
                self.others = OthersContributions(atelier, session, participant_id)
        self.refresh_phase()
        if participant_id in session.participants:
            self.show_main(session.participants[participant_id])
        else:
            self.main.set_visibility(False)
        atelier.hub.subscribe(live.session(session.code), self.on_session_event)
        atelier.hub.subscribe(live.author(session.code, participant_id), self.mine.on_event)
        atelier.hub.subscribe(live.author(session.code, participant_id), self.plenary.on_author_event)
        self._count_presence()

    def _count_presence(self) -> None:
        """Present while the page's socket is connected (a locked phone leaves, and comes back)."""
        client, presence, code = ui.context.client, self.atelier.presence, self.session.code
        client.on_connect(lambda: presence.arrived(code, client.id, self.participant_id))
        client.on_disconnect(lambda: presence.left(code, client.id))
        client.on_delete(lambda: presence.left(code, client.id))

    def show_main(self, participant: Participant) -> None:
        self.profile_form.set_visibility(False)
        self.who_label.set_text(texts.PHONE_YOU.format(who=who(participant)))
        self.form.set_participant(participant)
        self.main.set_visibility(True)

    def edit_profile(self) -> None:
        self.profile_form.fill(self.session.participants.get(self.participant_id))
        self.profile_form.set_visibility(True)
        self.main.set_visibility(False)

    def on_session_event(self, event: DomainEvent) -> None:
        if isinstance(event, PhaseChanged):
            self.refresh_phase()
        if isinstance(event, TimerChanged):
            self.countdown.show(event.timer)
        self.plenary.on_session_event(event)

    def refresh_phase(self) -> None:
        open_phase = self.session.open_phase
        self.phase_label.set_text(phase_line(open_phase, self.session))
        self.form.set_phase(open_phase)
        if self.plenary.active:  # the restitution has no contribution form: the plenary panel replaces it
            self.form.waiting.set_visibility(False)
        self.mine.refresh_actions()
        self.others.set_phase(open_phase)
