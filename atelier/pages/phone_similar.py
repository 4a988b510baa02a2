"""« Je partage aussi » on the phone, and « Déjà signalé ? » under the text being typed."""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.changes import ToggleShare
from atelier.domain.model import Contribution, ContributionKind
from atelier.domain.session import Session
from atelier.pages.frame import attempt
from atelier.pages.widgets import contribution_meta

# The phone sends the text it has once typing pauses this long (the field's own updates carry every
# keystroke already; this one asks for the similar ones, at a pace a hall full of phones can afford).
PAUSE_MS = 900
ASK_AFTER_PAUSE_JS = ("(value) => { clearTimeout(window.atelierSimilarTimer);"
                      f" window.atelierSimilarTimer = setTimeout(() => emit(value), {PAUSE_MS}); }}")


def share_item(atelier: Atelier, session: Session, participant_id: str, contribution: Contribution, *,
               marker: str, share_marker: str) -> ui.column:
    """Someone else's contribution: its text, its facts, and « Je partage aussi » if its kind allows it."""
    with ui.column().classes(f"item {contribution.kind.value} gap-1").mark(f"{marker}-{contribution.id}") as root:
        ui.label(contribution.text).classes("participant-text")
        meta = ui.label(contribution_meta(contribution, with_theme=True)).classes("meta")
        if not contribution.kind.spec.shareable:
            return root
        button = ui.button().props("no-caps").mark(f"{share_marker}-{contribution.id}")

        def show() -> None:
            shared = participant_id in contribution.shared_by
            button.set_text(texts.PHONE_SHARED if shared else texts.PHONE_SHARE)
            button.props(remove="outline") if shared else button.props("outline")
            meta.set_text(contribution_meta(contribution, with_theme=True))

        async def toggle() -> None:
            if await attempt(lambda: atelier.service.apply(
                    session.code, ToggleShare(participant_id, contribution.id))) is not None:
                show()

        button.on_click(toggle)
        show()
    return root


class AlreadyReported:
    """At most three contributions like the one being typed; the participant may still send theirs.

    Only an empty slot until the first answer: most phones never need it, and a hall joins at once.
    """

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.asked = 0  # the latest question; an older answer arriving late is dropped
        self.shown: tuple[int, ...] = ()
        self.box = ui.column().classes("w-full gap-2 similar").mark("similar")
        self.box.set_visibility(False)
        self.hint: ui.label | None = None
        self.list: ui.column | None = None

    async def ask(self, kind: ContributionKind, text: str) -> None:
        self.asked += 1
        asked = self.asked
        found = await self.atelier.similar.similar(self.session, kind, text, participant_id=self.participant_id,
                                                   still_wanted=lambda: asked == self.asked)
        if asked == self.asked:
            self.show(kind, found)

    def clear(self) -> None:
        self.asked += 1
        self.show(None, [])

    def show(self, kind: ContributionKind | None, found: list[Contribution]) -> None:
        ids = tuple(c.id for c in found)
        if ids == self.shown:
            return  # the same answer: the buttons the participant may be reaching for stay put
        self.shown = ids
        if self.hint is None or self.list is None:
            with self.box:
                ui.label(texts.PHONE_SIMILAR_TITLE).classes("font-bold")
                self.hint = ui.label().classes("hint")
                self.list = ui.column().classes("w-full gap-2")
        self.list.clear()
        with self.list:
            for contribution in found:
                share_item(self.atelier, self.session, self.participant_id, contribution,
                           marker="similar", share_marker="similar-share")
        if kind is not None:
            self.hint.set_text(texts.PHONE_SIMILAR_HINT if kind.spec.shareable else texts.PHONE_SIMILAR_KNOWN)
        self.box.set_visibility(bool(found))
