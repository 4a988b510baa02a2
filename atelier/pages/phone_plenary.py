"""What the phone adds in phases 2 and 3: who is testifying, the axe on screen, a comment on it, the ballot.

Fed by the session channel (the facilitator's moves) and by this participant's own channel (their
points and comments). Nothing from the other phones reaches it.
"""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.changes import AddComment
from atelier.domain.comments import MAX_COMMENT, Comment
from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisPresented,
    AxisRemoved,
    BallotGiven,
    CommentAdded,
    CommentChanged,
    DomainEvent,
    PhaseChanged,
    PointsChanged,
    WitnessesChanged,
)
from atelier.domain.model import PhaseKey
from atelier.domain.screens import axis_number
from atelier.domain.session import Session
from atelier.pages.axis_outline import AxisLines
from atelier.pages.frame import attempt
from atelier.pages.phone_ballot import Ballot
from atelier.pages.widgets import heading


class PresentedAxis:
    """The axe the projection shows, in short, with a comment form and this participant's comments on it.

    Built once; presenting another axe only sets texts (a room-wide change: one update per phone).
    """

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.axis_id: int | None = None
        self.mine: dict[int, ui.label] = {}
        with ui.card().classes("w-full gap-3").mark("presented-axis") as self.box:
            self.waiting = ui.label(texts.PHONE_NO_AXIS).classes("hint").mark("no-axis")
            self.title = heading("", 2)
            self.lines = AxisLines().mark("axis-lines")
            with ui.column().classes("w-full gap-3") as self.form:
                self.text = ui.textarea(texts.PHONE_COMMENT_LABEL).classes("w-full") \
                    .props(f"outlined autogrow counter maxlength={MAX_COMMENT}").mark("comment-text")
                self.error = ui.label().classes("error").mark("comment-error")
                ui.button(texts.PHONE_COMMENT_SEND, on_click=self.send).classes("w-full").mark("comment-send")
                self.mine_box = ui.column().classes("w-full gap-2").mark("my-comments")
        self.error.set_visibility(False)
        self.show()

    def show(self) -> None:
        """Show the presented axe (or say one is coming), and this participant's comments on it."""
        axis = self.session.axes.presented
        if (axis.id if axis else None) != self.axis_id:
            self.axis_id = axis.id if axis else None
            self.mine_box.clear()
            self.mine.clear()
            for comment in self.session.comments.by(self.participant_id):
                self.on_comment(comment)
        self.waiting.set_visibility(axis is None)
        for part in (self.title, self.lines, self.form):
            part.set_visibility(axis is not None)
        if axis is None:
            return
        number = texts.AXIS_NUMBER.format(number=axis_number(self.session.axes, axis.id))
        self.title.set_text(texts.PHONE_AXIS_TITLE.format(axis=f"{number} : {axis.title}"))
        self.lines.show(axis)

    def on_comment(self, comment: Comment) -> None:
        if comment.axis_id != self.axis_id:
            return
        if comment.id not in self.mine:
            with self.mine_box:
                self.mine[comment.id] = ui.label().classes("my-comment participant-text") \
                    .mark(f"my-comment-{comment.id}")
        state = texts.PHONE_COMMENT_SHOWN if comment.shown else texts.PHONE_COMMENT_HIDDEN if comment.hidden else ""
        self.mine[comment.id].set_text(f"{comment.text}\n({state})" if state else comment.text)

    async def send(self) -> None:
        axis_id = self.axis_id
        if axis_id is None:
            return
        comment = await attempt(lambda: self.atelier.service.apply(
            self.session.code, AddComment(self.participant_id, axis_id, self.text.value or "")), self.error)
        if comment is not None:
            self.text.value = ""
            ui.notify(texts.PHONE_COMMENT_SENT, type="positive", position="top")


class PhonePlenary:
    """Phase 2: a line naming who testifies. Phase 3: the ballot, then the axe on screen.

    The phase 3 panel is built when the restitution opens, not with every page: a phone of an
    état des lieux never needs it. Opening the phase builds it on every phone, a shard at a time.
    """

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.speaker = ui.label().classes("speaker-line").mark("phone-speaker")
        self.box = ui.column().classes("w-full gap-4")
        self.ballot: Ballot | None = None
        self.axis: PresentedAxis | None = None
        self.refresh()

    @property
    def active(self) -> bool:
        """The restitution is open: this panel takes the place of the contribution form."""
        return self.session.phases[PhaseKey.RESTITUTION].is_open

    def refresh(self) -> None:
        speaker = self.session.witnesses.speaking
        testifying = self.session.phases[PhaseKey.TEMOIGNAGES].is_open and speaker is not None
        self.speaker.set_text(texts.PHONE_SPEAKER.format(name=speaker.name) if speaker else "")
        self.speaker.set_visibility(testifying)
        if self.active and self.ballot is None:
            with self.box:
                self.ballot = Ballot(self.atelier, self.session, self.participant_id)
                self.axis = PresentedAxis(self.atelier, self.session, self.participant_id)
        self.box.set_visibility(self.active)

    def on_session_event(self, event: DomainEvent) -> None:
        if isinstance(event, PhaseChanged | WitnessesChanged):
            self.refresh()
        if self.ballot is None or self.axis is None:
            return  # not built yet: built from the session as it is, when the restitution opens
        match event:
            case PhaseChanged() | WitnessesChanged():
                pass
            case AxisPresented() | AxisRemoved() | AxesReordered():
                self.axis.show()
            case AxisChanged(axis=axis, source=source):
                if self.axis.axis_id in (axis.id, source and source.id):
                    self.axis.show()
                self.ballot.on_session_event(event)
            case _:
                self.ballot.on_session_event(event)

    def on_author_event(self, event: DomainEvent) -> None:
        if self.ballot is None or self.axis is None:
            return
        match event:
            case PointsChanged():
                self.ballot.on_points(event)
            case BallotGiven():
                self.ballot.on_ballot_given(event)
            case CommentAdded(comment=comment) | CommentChanged(comment=comment):
                self.axis.on_comment(comment)
