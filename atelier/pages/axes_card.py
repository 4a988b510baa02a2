"""One axe in the editor: title, order, « Concrètement », its three lists, and the contributions behind it."""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.axes import MAX_LONG_TEXT, MAX_TITLE, Axis, AxisSection
from atelier.domain.changes import EditAxis, MoveAxis, RemoveAxis
from atelier.domain.session import Session
from atelier.pages.axes_lines import LinesEditor, PisteGroup, SavedField, SectionEditor, icon_button
from atelier.pages.frame import attempt
from atelier.pages.widgets import confirm, heading


class AxisCard:
    def __init__(self, atelier: Atelier, session: Session, axis: Axis) -> None:
        self.atelier, self.session, self.id = atelier, session, axis.id
        code, service, aid = session.code, atelier.service, axis.id
        with ui.card().classes("w-full gap-3 axis-card").mark(f"axis-{aid}") as self.box:
            with ui.row().classes("w-full items-center gap-2 no-wrap"):
                self.number = heading("", 2).classes("whitespace-nowrap").mark(f"axis-number-{aid}")
                title = ui.input(texts.AXES_TITLE_FIELD).classes("grow text-lg") \
                    .props(f"outlined maxlength={MAX_TITLE}").mark(f"axis-title-{aid}")
                self.title = SavedField(title, axis.title, lambda text: service.apply(code, EditAxis(aid, title=text)))
                self.up = icon_button("arrow_upward", texts.AXES_UP, lambda: self._move(-1), f"axis-up-{aid}")
                self.down = icon_button("arrow_downward", texts.AXES_DOWN, lambda: self._move(+1), f"axis-down-{aid}")
                ui.button(texts.AXES_REMOVE, on_click=self._confirm_remove).props("flat no-caps color=negative") \
                    .mark(f"axis-remove-{aid}")
            self.evidence_count = ui.label().classes("font-bold").mark(f"evidence-count-{aid}")
            with ui.expansion(texts.AXES_EVIDENCE_SHOW).classes("w-full").mark(f"evidence-{aid}"):
                self.evidence_list = ui.column().classes("w-full gap-1")
            self.sections: list[LinesEditor] = [SectionEditor(atelier, session, axis, AxisSection.ENJEUX),
                                                SectionEditor(atelier, session, axis, AxisSection.ORIENTATIONS),
                                                PisteGroup(atelier, session, axis, None)]
            concretely = ui.textarea(texts.CONCRETELY).classes("w-full") \
                .props(f"outlined autogrow maxlength={MAX_LONG_TEXT}").mark(f"concretely-{aid}")
            self.concretely = SavedField(concretely, axis.concretely,
                                         lambda text: service.apply(code, EditAxis(aid,
                                                                                   concretely=text)), on_enter=False)
        self.refresh_evidence()

    def sync(self, axis: Axis) -> None:
        self.title.sync(axis.title)
        self.concretely.sync(axis.concretely)
        for section in self.sections:
            section.sync(axis)
        self.refresh_evidence()  # removing a line removes its links

    def place(self, number: int, count: int) -> None:
        self.number.set_text(texts.AXES_NUMBER.format(number=number))
        self.up.set_enabled(number > 1)
        self.down.set_enabled(number < count)

    def refresh_evidence(self) -> None:
        """The distinct visible contributions behind the axe or one of its lines (text as text, never HTML)."""
        contributions = self.session.evidence_for_axis(self.id)
        self.evidence_count.set_text(texts.count(len(contributions), texts.AXES_EVIDENCE))
        self.evidence_list.clear()
        with self.evidence_list:
            if not contributions:
                ui.label(texts.AXES_EVIDENCE_NONE).classes("italic text-gray-700")
            for c in contributions:
                with ui.row().classes("w-full gap-2 no-wrap items-start").mark(f"evidence-{self.id}-{c.id}"):
                    ui.label(f"n° {c.id} · {texts.KIND_LABELS[c.kind]} · {c.theme}").classes("font-bold shrink-0")
                    ui.label(c.text).classes("participant-text")

    async def _move(self, step: int) -> None:
        async def move() -> Axis:
            index = [a.id for a in self.session.axes.axes].index(self.id) + step
            return await self.atelier.service.apply(self.session.code, MoveAxis(self.id, index))

        await attempt(move)

    def _confirm_remove(self) -> None:
        axis = self.session.axes.axis(self.id)
        count = len(self.session.evidence_for_axis(self.id))
        confirm(texts.AXES_REMOVE_CONFIRM.format(title=axis.title, count=count), texts.AXES_REMOVE_YES,
                lambda: attempt(lambda: self.atelier.service.apply(self.session.code, RemoveAxis(self.id))),
                audience="console", mark="axis-remove-confirm")
