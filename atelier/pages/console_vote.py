"""The console's vote controls: open a vote (on pistes or orientations, budget, cap), close it, read the
results live in any view, and choose what the projection shows."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.axes import TargetKind
from atelier.domain.changes import Change, CloseVote, HideResults, OpenVote, ReopenVote, SetPaperPoints, ShowResults
from atelier.domain.errors import DomainError
from atelier.domain.events import (
    AxisChanged,
    AxisRemoved,
    BallotGiven,
    DomainEvent,
    PaperPointsChanged,
    PointsChanged,
    ResultsShown,
    VoteChanged,
)
from atelier.domain.session import Session
from atelier.domain.votes import (
    DEFAULT_BUDGET,
    DEFAULT_CAP,
    MAX_BALLOT_CODES,
    MAX_BUDGET,
    MAX_PAPER_POINTS,
    VOTE_TARGETS,
    PriorityVote,
    ResultsView,
    draw_ballot_codes,
)
from atelier.pages import ballot_sheet, paper_ballot
from atelier.pages.frame import attempt, show_error
from atelier.pages.vote_views import ResultsPanel, item_text
from atelier.pages.widgets import confirm, heading

TURNOUT_EVERY = 5.0  # seconds


class VoteControls:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.panel: ResultsPanel | None = None
        self.panel_key: tuple[int, ResultsView] | None = None
        with ui.column().classes("w-full gap-2").mark("vote-controls"):
            heading(texts.CONSOLE_VOTE, 3)
            with ui.row().classes("items-center gap-2") as self.opener:
                ui.label(texts.CONSOLE_VOTE_TARGET)
                self.target = ui.toggle({t.value: texts.TARGET_LABELS[t] for t in VOTE_TARGETS},
                                        value=TargetKind.PISTE.value).props("no-caps").mark("vote-target")
                self.budget = ui.number(texts.CONSOLE_VOTE_BUDGET, value=DEFAULT_BUDGET, min=1, max=MAX_BUDGET) \
                    .props("outlined dense").classes("w-44").mark("vote-budget")
                self.cap = ui.number(texts.CONSOLE_VOTE_CAP, value=DEFAULT_CAP, min=1, max=MAX_BUDGET) \
                    .props("outlined dense").classes("w-44").mark("vote-cap")
                # « Un bulletin par code »: when the stakes need one ballot per person, not per phone.
                self.with_codes = ui.checkbox(texts.CONSOLE_VOTE_WITH_CODES).mark("vote-with-codes")
                self.code_count = ui.number(texts.CONSOLE_VOTE_CODE_COUNT, value=100, min=1, max=MAX_BALLOT_CODES) \
                    .props("outlined dense").classes("w-44").mark("vote-code-count")
                self.code_count.bind_visibility_from(self.with_codes, "value")
                ui.button(texts.CONSOLE_OPEN_VOTE, on_click=self.open_vote).props("no-caps").mark("open-vote")
            self.nothing_to_vote = ui.label(texts.CONSOLE_NOTHING_TO_VOTE).classes("text-gray-700") \
                .mark("nothing-to-vote")
            with ui.row().classes("items-center gap-4"):
                self.state = ui.label().classes("text-lg").mark("vote-state")
                self.turnout = ui.label().classes("hint").mark("vote-turnout")
                self.print_codes = ui.link(texts.CONSOLE_PRINT_BALLOTS, ballot_sheet.path(session.code),
                                           new_tab=True).mark("print-ballots")
                self.print_paper = ui.link(texts.CONSOLE_PRINT_PAPER_BALLOT, paper_ballot.path(session.code),
                                           new_tab=True).mark("print-paper-ballot")
                self.closer = ui.button(texts.CONSOLE_CLOSE_VOTE, on_click=lambda: confirm(
                    texts.CONSOLE_CLOSE_VOTE_CONFIRM, texts.CONSOLE_CLOSE_VOTE, self._apply(CloseVote()),
                    audience="console", mark="confirm-close-vote")).props("no-caps color=negative").mark("close-vote")
                self.reopener = ui.button(texts.CONSOLE_REOPEN_VOTE, on_click=self._apply(ReopenVote())) \
                    .props("no-caps outline").mark("reopen-vote")
            with ui.row().classes("items-center gap-2") as self.view_row:
                ui.label(texts.CONSOLE_RESULTS_VIEW)
                self.view = ui.toggle({v.value: texts.RESULTS_VIEW_LABELS[v] for v in ResultsView},
                                      value=session.votes.results_view.value, on_change=self._show_results) \
                    .props("no-caps").mark("results-view")
                ui.button(texts.CONSOLE_PROJECT_RESULTS, on_click=lambda: attempt(
                    lambda: atelier.service.apply(session.code, ShowResults(self.view.value)))) \
                    .props("no-caps outline").mark("project-results")
                ui.button(texts.CONSOLE_BACK_TO_AXIS, on_click=lambda: attempt(
                    lambda: atelier.service.apply(session.code,
                                                  HideResults()))).props("no-caps flat").mark("hide-results")
            self.paper = PaperPoints(atelier, session)
            self.results = ui.column().classes("w-full console-results")
        self.refresh()
        # Phones come and go without any change to the démarche: who is here is read every few seconds.
        ui.timer(TURNOUT_EVERY, self._show_turnout)

    def _apply(self, change: Change[Any]) -> Callable[[], Awaitable[Any]]:
        return lambda: attempt(lambda: self.atelier.service.apply(self.session.code, change))

    async def open_vote(self) -> None:
        try:
            codes = draw_ballot_codes(_whole(self.code_count.value)) if self.with_codes.value else ()
        except DomainError as error:
            show_error(error)
            return
        await attempt(lambda: self.atelier.service.apply(
            self.session.code, OpenVote(self.target.value or "", budget=_whole(self.budget.value),
                                        cap=_whole(self.cap.value), ballot_codes=codes)))

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case PointsChanged() | PaperPointsChanged() if self.panel is not None:
                self.panel.on_points(event)
                self._show_state()
                if isinstance(event, PaperPointsChanged):
                    self.paper.show_points(event.item_id, event.paper)
            case BallotGiven():
                self._show_turnout()
            case VoteChanged() | ResultsShown():
                self.refresh()
            case AxisChanged() | AxisRemoved():
                self._show_state()  # orientations or pistes to vote on, or none any more

    def refresh(self) -> None:
        self._show_state()
        self._show_results()

    def _show_state(self) -> None:
        vote, current = self.session.votes.latest, self.session.votes.current
        # Nothing to vote on before the axes hold orientations or pistes: no « Ouvrir le vote » yet.
        votable = any(self.session.axes.items(target) for target in VOTE_TARGETS)
        self.opener.set_visibility(current is None and votable)
        self.nothing_to_vote.set_visibility(current is None and not votable)
        self.closer.set_visibility(current is not None)
        self.reopener.set_visibility(current is None and vote is not None)  # a vote closed too early goes on
        self.view_row.set_visibility(vote is not None)
        self.print_codes.set_visibility(vote is not None and vote.needs_code)
        self.print_paper.set_visibility(vote is not None)
        self.paper.show(vote)
        self._show_turnout()
        if vote is None:
            self.state.set_text(texts.CONSOLE_NO_VOTE)
            return
        state = texts.CONSOLE_VOTE_STATE_OPEN if vote.is_open else texts.CONSOLE_VOTE_STATE_CLOSED
        self.state.set_text(state.format(items=texts.TARGET_LABELS_PLURAL[vote.target],
                                         voters=texts.count(vote.voters, texts.VOTERS)))

    def _show_turnout(self) -> None:
        """Votants against the phones here now, and, with codes, how many bulletins have served."""
        vote = self.session.votes.latest
        self.turnout.set_visibility(vote is not None and vote.is_open)
        if vote is None or not vote.is_open:
            return
        present = self.atelier.presence.participants(self.session.code)
        line = texts.CONSOLE_TURNOUT.format(voters=texts.count(vote.voters, texts.VOTERS),
                                            present=texts.count(present, texts.PHONES_CONNECTED))
        if vote.needs_code:
            line += texts.CONSOLE_TURNOUT_CODES.format(used=vote.codes_used, count=len(vote.ballot_codes))
        self.turnout.set_text(line)

    def _show_results(self) -> None:
        """The latest vote in the view chosen here (what is projected is chosen with the button)."""
        vote = self.session.votes.latest
        key = (vote.id, ResultsView(self.view.value or ResultsView.TOTAL)) if vote else None
        if key == self.panel_key:
            return
        self.panel_key = key
        self.results.clear()
        self.panel = None
        if vote is not None and key is not None:
            with self.results:
                self.panel = ResultsPanel(self.session, vote, key[1])


def _whole(value: float | None) -> int:
    """A number field gives a float (or None when emptied): the domain wants a whole number."""
    return int(value) if value is not None and float(value).is_integer() else -1


class PaperPoints:
    """« Points papier ou à main levée »: for each proposition of the latest vote, what the paper ballots
    or the hands gave it, as the facilitator counted it (saved when the field is left)."""

    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.vote_id: int | None = None
        self.fields: dict[int, ui.number] = {}
        with ui.expansion(texts.CONSOLE_PAPER_POINTS).classes("w-full").mark("paper-points") as self.box:
            ui.label(texts.CONSOLE_PAPER_HINT).classes("text-gray-700")
            self.list = ui.column().classes("w-full gap-1")

    def show(self, vote: PriorityVote | None) -> None:
        """The latest vote's propositions (drawn again only when another vote comes)."""
        self.box.set_visibility(vote is not None)
        if vote is None or vote.id == self.vote_id:
            return
        self.vote_id = vote.id
        self.list.clear()
        self.fields.clear()
        with self.list:
            for item_id in vote.items:
                with ui.row().classes("w-full items-center no-wrap gap-2"):
                    ui.label(item_text(self.session.axes, item_id)).classes("grow")
                    field = ui.number(texts.CONSOLE_PAPER_FIELD, value=vote.paper.get(item_id, 0), min=0,
                                      max=MAX_PAPER_POINTS, precision=0) \
                        .props("outlined dense").classes("w-36").mark(f"paper-{item_id}")
                    field.on("blur", lambda _, i=item_id: self._save(i))
                    field.on("keydown.enter", lambda _, i=item_id: self._save(i))
                    self.fields[item_id] = field

    def show_points(self, item_id: int, points: int) -> None:
        if item_id in self.fields and self.fields[item_id].value != points:
            self.fields[item_id].value = points

    async def _save(self, item_id: int) -> None:
        vote = self.session.votes.latest
        points = _whole(self.fields[item_id].value)
        if vote is None or vote.id != self.vote_id or points == vote.paper.get(item_id, 0):
            return
        await attempt(lambda: self.atelier.service.apply(self.session.code, SetPaperPoints(item_id, points)))
