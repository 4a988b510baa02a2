"""The console's plenary controls: what is on screen, the step timer, the axe presented and its comments.

The vote and its results are in `console_vote`. The console is one or two pages: it hears the
wall and the session, and updates the one line or row concerned.
"""

from __future__ import annotations

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain import limits
from atelier.domain.changes import (
    PresentAxis,
    PresentStep,
    SetCommentHidden,
    SetCommentShown,
    StartTimer,
    StopTimer,
    TurnAxisPage,
)
from atelier.domain.comments import Comment
from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisPresented,
    AxisRemoved,
    CommentAdded,
    CommentChanged,
    DomainEvent,
    PhaseChanged,
    ResultsShown,
    TimerChanged,
    VoteChanged,
)
from atelier.domain.screens import Screen, axis_number, projection_screen, shown_phase
from atelier.domain.session import Session
from atelier.pages.axis_outline import PAGE_SECONDS
from atelier.pages.console_vote import VoteControls
from atelier.pages.contribution_fields import who
from atelier.pages.countdown import Countdown
from atelier.pages.frame import attempt
from atelier.pages.widgets import heading

DEFAULT_TIMER_MINUTES = 10


def on_screen(session: Session) -> str:
    """« À l'écran : … », in the facilitator's words."""
    screen = projection_screen(session)
    if screen is Screen.VOTE:
        what = texts.CONSOLE_SCREEN_RESULTS.format(view=texts.RESULTS_VIEW_LABELS[session.votes.results_view])
    elif screen is Screen.AXIS:
        axis = session.axes.presented
        what = texts.CONSOLE_SCREEN_OVERVIEW if axis is None else \
            f"{texts.AXIS_NUMBER.format(number=axis_number(session.axes, axis.id))} — {axis.title}"
    else:
        what = texts.CONSOLE_SCREEN_PHASE.format(phase=texts.PHASE_LABELS[shown_phase(session)])
    return texts.CONSOLE_ON_SCREEN.format(what=what)


class PlenaryControls:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        code = session.code
        with ui.card().classes("w-full gap-3").mark("plenary"):
            heading(texts.CONSOLE_PLENARY, 2)
            self.screen_line = ui.label().classes("text-xl font-bold").mark("on-screen")
            with ui.row().classes("items-center gap-2"):
                ui.button(texts.CONSOLE_PREVIOUS_AXIS, on_click=lambda: attempt(
                    lambda: atelier.service.apply(code,
                                                  PresentStep(-1)))).props("no-caps outline").mark("previous-axis")
                ui.button(texts.CONSOLE_NEXT_AXIS, on_click=lambda: attempt(
                    lambda: atelier.service.apply(code, PresentStep(1)))).props("no-caps").mark("next-axis")
                ui.button(texts.CONSOLE_OVERVIEW, on_click=lambda: attempt(
                    lambda: atelier.service.apply(code,
                                                  PresentAxis(None)))).props("no-caps flat").mark("present-overview")
                self.next_page = ui.button(texts.CONSOLE_NEXT_AXIS_PAGE, on_click=lambda: attempt(
                    lambda: atelier.service.apply(code, TurnAxisPage(1)))).props("no-caps flat").mark("next-axis-page")
                self.next_page.tooltip(texts.CONSOLE_AXIS_PAGES_HINT.format(seconds=PAGE_SECONDS))
            self.no_axes = ui.label(texts.CONSOLE_NO_AXES).classes("text-gray-700")
            self.comments = CommentModeration(atelier, session)
            self.vote = VoteControls(atelier, session)
        self.refresh()
        atelier.hub.subscribe(live.session(code), self.on_event)
        atelier.hub.subscribe(live.wall(code), self.on_event)

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case (AxisPresented() | AxisChanged() | AxisRemoved() | AxesReordered() | PhaseChanged() | VoteChanged()
                  | ResultsShown()):
                self.refresh()
                self.comments.on_event(event)
                self.vote.on_event(event)
            case CommentAdded() | CommentChanged():
                self.comments.on_event(event)
            case _:
                self.vote.on_event(event)

    def refresh(self) -> None:
        self.screen_line.set_text(on_screen(self.session))
        self.no_axes.set_visibility(not self.session.axes.axes)
        self.next_page.set_visibility(self.session.axes.presented_id is not None)


class CommentModeration:
    """Comments on the presented axe, newest first: show on the projection, take off, hide, restore."""

    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.axis_id: int | None = None
        self.rows: dict[int, tuple[ui.label, ui.button, ui.button]] = {}
        with ui.column().classes("w-full gap-2").mark("comments") as self.section:
            heading(texts.CONSOLE_COMMENTS, 3)
            self.empty = ui.label(texts.CONSOLE_NO_COMMENTS).classes("text-gray-700")
            self.box = ui.column().classes("w-full gap-2")
        self._draw()

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case CommentAdded(comment=comment) | CommentChanged(comment=comment):
                self._put(comment)
            case _ if self.session.axes.presented_id != self.axis_id:
                self._draw()
        self.empty.set_visibility(not self.rows)

    def _draw(self) -> None:
        self.axis_id = self.session.axes.presented_id
        self.box.clear()
        self.rows.clear()
        self.section.set_visibility(self.axis_id is not None)
        if self.axis_id is not None:
            for comment in self.session.comments.for_axis(self.axis_id, include_hidden=True):
                self._put(comment)
        self.empty.set_visibility(not self.rows)

    def _put(self, comment: Comment) -> None:
        if comment.axis_id != self.axis_id:
            return
        if comment.id not in self.rows:
            with self.box, ui.row().classes("w-full items-center justify-between no-wrap gap-2") as row:
                text = ui.label().classes("participant-text text-lg")
                with ui.row().classes("gap-1 no-wrap"):
                    show = ui.button().props("no-caps").mark(f"show-comment-{comment.id}")
                    hide = ui.button().props("outline no-caps").mark(f"hide-comment-{comment.id}")
            row.move(self.box, target_index=0)
            show.on_click(lambda c=comment: attempt(lambda: self.atelier.service.apply(
                self.session.code, SetCommentShown(c.id, not c.shown))))
            hide.on_click(lambda c=comment: attempt(lambda: self.atelier.service.apply(
                self.session.code, SetCommentHidden(c.id, not c.hidden))))
            self.rows[comment.id] = (text, show, hide)
        text, show, hide = self.rows[comment.id]
        author = self.session.participants.get(comment.author_id)
        state = [texts.CONSOLE_COMMENT_ON_SCREEN] if comment.shown else [texts.CONSOLE_HIDDEN_TAG] if comment.hidden \
            else []
        text.set_text(" · ".join([comment.text, *([who(author)] if author else []), *state]))
        show.set_text(texts.CONSOLE_UNSHOW_COMMENT if comment.shown else texts.CONSOLE_SHOW_COMMENT)
        hide.set_text(texts.CONSOLE_RESTORE if comment.hidden else texts.CONSOLE_HIDE)


class TimerControls:
    """The step timer (a témoignage, a debate): above the console's tabs, since every step may use it."""

    def __init__(self, atelier: Atelier, session: Session) -> None:
        code = session.code
        with ui.card().classes("w-full"), ui.row().classes("w-full items-center gap-2").mark("timer-controls"):
            heading(texts.CONSOLE_TIMER, 3)
            label = ui.input(texts.CONSOLE_TIMER_LABEL).props(f"outlined dense maxlength={limits.MAX_TIMER_LABEL}") \
                .classes("min-w-[22rem]").mark("timer-name")
            minutes = ui.number(texts.CONSOLE_TIMER_MINUTES, value=DEFAULT_TIMER_MINUTES, min=1,
                                max=limits.MAX_MINUTES) \
                .props("outlined dense").classes("w-28").mark("timer-minutes")
            ui.button(texts.CONSOLE_START_TIMER, on_click=lambda: attempt(lambda: atelier.service.apply(
                code, StartTimer(label.value or "", minutes.value or 0)))).props("no-caps").mark("start-timer")
            ui.button(texts.CONSOLE_STOP_TIMER, on_click=lambda: attempt(lambda: atelier.service.apply(code,
                                                                                                       StopTimer()))) \
                .props("no-caps outline").mark("stop-timer")
            self.countdown = Countdown(session.timer, now=atelier.service.clock(), classes="console-countdown")
        atelier.hub.subscribe(live.session(code), self.on_event)

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, TimerChanged):
            self.countdown.show(event.timer)
