"""The lines of an axe in the editor: enjeux, orientations each holding its pistes d'actions, and the
pistes directly under the axe; each an editable line.

A field is saved when the facilitator leaves it or presses Enter. When the axe changes (here or in
another tab), each field takes the stored text unless it holds typing not saved yet; if that very
line was changed elsewhere meanwhile, the field says so under it (the other text, in full), so that
keeping one's own typing is a choice, never a silent loss.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.axes import CTG_FIELDS, MAX_LINE, Axis, AxisSection, Line, Piste, pasted_lines
from atelier.domain.changes import (
    AddAxisLines,
    EditAxisLine,
    MoveAxisLine,
    MovePiste,
    MovePisteStep,
    RemoveAxisLine,
    SetPisteDetails,
    SetPistePlan,
)
from atelier.domain.errors import NotFound
from atelier.domain.removed import LineReach
from atelier.domain.session import Session
from atelier.pages.frame import attempt
from atelier.pages.widgets import confirm
from atelier.service import SessionService


class SavedField:
    def __init__(self, element: ui.input | ui.textarea, value: str, save: Callable[[str], Awaitable[Any]], *,
                 on_enter: bool = True) -> None:
        self.element, self.saved, self.save = element, value, save
        element.value = value
        element.on("blur", self.commit)
        if on_enter:
            element.on("keydown.enter", self.commit)

    async def commit(self) -> None:
        value = self.element.value or ""
        self._show_conflict("")
        if value == self.saved:
            return
        previous, self.saved = self.saved, value  # before the await: the change comes back while it runs
        if await attempt(lambda: self.save(value)) is None:
            self.saved = previous  # refused: the typing stays in the field, with the message

    def sync(self, stored: str) -> None:
        """A change arrived: show the stored text, unless this field holds unsaved typing."""
        typed = self.element.value or ""
        if stored != self.saved and typed == self.saved:
            self.element.value = stored
        elif stored != self.saved and typed != stored:
            self._show_conflict(texts.AXES_CHANGED_ELSEWHERE.format(text=stored))
        self.saved = stored

    def _show_conflict(self, hint: str) -> None:
        """Quasar's hint, under the field (cleared once the field is saved)."""
        if hint:
            self.element.props["hint"] = hint  # a value, never parsed: quotes in the text are harmless
            self.element.props["color"] = "warning"
        elif "hint" in self.element.props:
            del self.element.props["hint"]
            del self.element.props["color"]


def reach_text(reach: LineReach) -> str:
    """« 3 contributions d'appui, sa fiche-action CTG et 12 points du vote »."""
    parts = [texts.count(count, forms) for count, forms in ((reach.evidence, texts.AXES_EVIDENCE),
                                                            (reach.details, texts.REACH_DETAILS)) if count]
    if reach.plan:
        parts.append(texts.REACH_PLAN)
    if reach.points:
        parts.append(texts.count(reach.points, texts.REACH_POINTS))
    return " et ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else parts[0]


def icon_button(icon: str, label: str, on_click: Callable[[], Any], mark: str) -> ui.button:
    button = ui.button(icon=icon, on_click=on_click).props("flat round dense").mark(mark)
    button.props["aria-label"] = label
    button.tooltip(label)
    return button


class LineEditor:
    """One line: its text, up and down, removal; a piste also « Déplacer vers… » and its sheet, an
    orientation the group of its own pistes."""

    def __init__(self, atelier: Atelier, session: Session, axis_id: int, line: Line, section: AxisSection) -> None:
        self.atelier, self.session, self.id = atelier, session, line.id
        code = session.code
        self.pistes: PisteGroup | None = None
        with ui.column().classes("w-full gap-0") as self.root:
            with ui.row().classes("w-full items-center gap-1 no-wrap"):
                field = ui.input().classes("grow").props(f"outlined dense maxlength={MAX_LINE}") \
                    .mark(f"line-{line.id}")
                field.props["aria-label"] = texts.AXES_LINE_TEXT  # the section title says which list it is
                self.text = SavedField(field, line.text,
                                       lambda text: atelier.service.apply(code, EditAxisLine(line.id, text)))
                self.up = icon_button("arrow_upward", texts.AXES_UP, lambda: self._move(-1), f"line-up-{line.id}")
                self.down = icon_button("arrow_downward", texts.AXES_DOWN, lambda: self._move(+1),
                                        f"line-down-{line.id}")
                if isinstance(line, Piste):
                    icon_button("drive_file_move", texts.AXES_MOVE_TO, self._choose_destination,
                                f"piste-move-{line.id}")
                icon_button("delete", texts.AXES_REMOVE_LINE, self._remove, f"line-remove-{line.id}")
            self.sheet = PisteSheet(atelier, session, line) if isinstance(line, Piste) else None
            if section is AxisSection.ORIENTATIONS:
                axis = session.axes.axis(axis_id)
                self.pistes = PisteGroup(atelier, session, axis, line.id)

    def place(self, *, first: bool, last: bool) -> None:
        self.up.set_enabled(not first)
        self.down.set_enabled(not last)

    def sync(self, line: Line, axis: Axis) -> None:
        self.text.sync(line.text)
        if self.sheet is not None and isinstance(line, Piste):
            self.sheet.sync(line)
        if self.pistes is not None:
            self.pistes.sync(axis)

    async def _move(self, step: int) -> None:
        async def move() -> Line:
            axis, section, line = self.session.axes.find_line(self.id)  # NotFound if removed meanwhile
            if section is AxisSection.PISTES:  # among the pistes of its own orientation
                return await self.atelier.service.apply(self.session.code, MovePisteStep(self.id, step))
            index = axis.section(section).index(line) + step
            return await self.atelier.service.apply(self.session.code, MoveAxisLine(self.id, index))

        await attempt(move)

    async def _remove(self) -> None:
        """At once when it takes nothing but its text; else it says what goes with it, first. Either way
        « Éléments supprimés » keeps it, and « Annuler » puts it back."""
        try:
            line, reach = self.session.axes.find_line(self.id)[2], self.session.line_reach(self.id)
        except NotFound:
            return  # removed meanwhile, in another tab

        async def remove() -> None:
            await attempt(lambda: self.atelier.service.apply(self.session.code, RemoveAxisLine(self.id)))

        if not reach.more_than_its_text:
            await remove()
            return
        confirm(texts.REMOVE_LINE_CONFIRM.format(text=line.text, reach=reach_text(reach)), texts.REMOVE_LINE_YES,
                remove, audience="console", mark=f"line-remove-confirm-{self.id}")

    def _choose_destination(self) -> None:
        """Every orientation of every axe, and each axe itself; where the piste is now is greyed out."""
        board = self.session.axes
        here = board.find_line(self.id)[0].id, board.piste(self.id).orientation_id
        with ui.dialog() as dialog, ui.card().classes("w-full max-w-2xl gap-1").mark(f"move-dialog-{self.id}"):
            ui.label(texts.AXES_MOVE_TO).classes("text-lg font-bold")
            for number, axis in enumerate(board.axes, start=1):
                destinations: list[tuple[int | None, str]] = [(None, texts.AXES_MOVE_AXIS.format(number=number))]
                destinations += [(o.id, texts.AXES_MOVE_ORIENTATION.format(number=number, orientation=o.text))
                                 for o in axis.orientations]
                for orientation_id, label in destinations:
                    button = ui.button(label, on_click=self._mover(dialog, axis.id, orientation_id)) \
                        .props("outline no-caps align=left").classes("w-full") \
                        .mark(f"move-{self.id}-to-{axis.id}-{orientation_id or 0}")
                    button.set_enabled((axis.id, orientation_id) != here)
            ui.button(texts.PHONE_CANCEL, on_click=dialog.close).props("flat no-caps")
        dialog.open()

    def _mover(self, dialog: ui.dialog, axis_id: int, orientation_id: int | None) -> Callable[[], Awaitable[None]]:
        async def move() -> None:
            change = MovePiste(self.id, axis_id, orientation_id)
            if await attempt(lambda: self.atelier.service.apply(self.session.code, change)) is not None:
                dialog.close()
        return move


class PisteSheet:
    """A piste's sub-lines and CTG fiche fields, folded away: most démarches never fill them."""

    def __init__(self, atelier: Atelier, session: Session, piste: Piste) -> None:
        code, service, pid = session.code, atelier.service, piste.id
        with ui.expansion(texts.AXES_PISTE_MORE).classes("w-full pl-4 text-gray-800").mark(f"piste-more-{pid}"):
            # Fixed rows: « autogrow » measures the text when it is drawn, and a folded part is not.
            details = ui.textarea(texts.AXES_PISTE_DETAILS).classes("w-full").props("outlined rows=4") \
                .mark(f"piste-details-{pid}")
            self.details = SavedField(details, "\n".join(piste.details),
                                      lambda text: service.apply(code, SetPisteDetails(pid, text)), on_enter=False)
            self.fields: dict[str, SavedField] = {}
            with ui.grid(columns=2).classes("w-full gap-2"):
                for name, (max_length, multiline) in CTG_FIELDS.items():
                    label = texts.CTG_FIELD_LABELS[name]
                    element = ui.textarea(label).props("rows=3") if multiline else ui.input(label)
                    element.classes("w-full").props(f"outlined dense maxlength={max_length}")
                    element.mark(f"piste-{name}-{pid}")
                    self.fields[name] = SavedField(element, getattr(piste, name), self._saver(service, code, pid, name),
                                                   on_enter=not multiline)

    @staticmethod
    def _saver(service: SessionService, code: str, piste_id: int, name: str) -> Callable[[str], Awaitable[Piste]]:
        return lambda value: service.apply(code, SetPistePlan(piste_id, {name: value}))

    def sync(self, piste: Piste) -> None:
        self.details.sync("\n".join(piste.details))
        for name, field in self.fields.items():
            field.sync(getattr(piste, name))


class LinesEditor:
    """Lines of one list, each with its editor, and a field to add some (a pasted list gives one each).

    Each line keeps its editor: a line added, removed or moved touches that line only. Never a
    redraw of the list: a correction being typed in one line survives a line added in another tab,
    and adding a line costs the same with 3 lines or 30.
    """

    def __init__(self, atelier: Atelier, session: Session, axis: Axis, section: AxisSection, *,
                 orientation_id: int | None = None, label: str, new_label: str, mark: str) -> None:
        self.atelier, self.session, self.axis_id, self.section = atelier, session, axis.id, section
        self.orientation_id = orientation_id
        self.editors: dict[int, LineEditor] = {}
        with ui.column().classes("w-full gap-1") as self.root:
            ui.label(label).classes("font-bold" if orientation_id else "text-lg font-bold")
            self.box = ui.column().classes("w-full gap-1")
            with ui.row().classes("w-full items-center gap-2 no-wrap"):
                # Several lines: a list pasted from a document gives one line each. No `maxlength`:
                # the browser would cut a pasted line silently; the server says which one is too long.
                self.new = ui.textarea(new_label).classes("grow") \
                    .props("outlined dense autogrow rows=1").mark(f"new-{mark}")
                self.new.on("keydown.enter.prevent", self.add)
                ui.button(texts.AXES_ADD_LINE, on_click=self.add).props("outline no-caps").mark(f"add-{mark}")

    def lines_of(self, axis: Axis) -> list[Line]:
        if self.section is AxisSection.PISTES:
            return list(axis.pistes_under(self.orientation_id))
        return list(axis.section(self.section))

    def sync(self, axis: Axis) -> None:
        lines = self.lines_of(axis)
        wanted = {line.id for line in lines}
        for gone in [line_id for line_id in self.editors if line_id not in wanted]:
            self.editors.pop(gone).root.delete()
        for index, line in enumerate(lines):
            editor = self.editors.get(line.id)
            if editor is None:
                with self.box:
                    editor = self.editors[line.id] = LineEditor(self.atelier, self.session, axis.id, line,
                                                                self.section)
            else:
                editor.sync(line, axis)
            if self.box.default_slot.children.index(editor.root) != index:
                editor.root.move(self.box, target_index=index)
            editor.place(first=index == 0, last=index == len(lines) - 1)
        self.editors = {line.id: self.editors[line.id] for line in lines}

    async def add(self) -> None:
        """The line typed, or each line of a pasted list (its bullets and numbers left out)."""
        lines = tuple(pasted_lines(self.new.value or ""))
        change = AddAxisLines(self.axis_id, self.section, lines, orientation_id=self.orientation_id)
        if await attempt(lambda: self.atelier.service.apply(self.session.code, change)) is not None:
            self.new.value = ""


class PisteGroup(LinesEditor):
    """The pistes of one orientation (indented under it), or those directly under the axe."""

    def __init__(self, atelier: Atelier, session: Session, axis: Axis, orientation_id: int | None) -> None:
        nested = orientation_id is not None
        super().__init__(atelier, session, axis, AxisSection.PISTES, orientation_id=orientation_id,
                         label=texts.AXES_ORIENTATION_PISTES if nested else texts.AXES_LOOSE_PISTES,
                         new_label=texts.AXES_NEW_PISTE,
                         mark=f"piste-{orientation_id}" if nested else f"pistes-{axis.id}")
        if nested:
            self.root.classes("pl-8 border-l-4 border-blue-200 orientation-pistes")
        self.sync(axis)


class SectionEditor(LinesEditor):
    """« Les enjeux » or « Les orientations » (each holding its pistes) of one axe."""

    def __init__(self, atelier: Atelier, session: Session, axis: Axis, section: AxisSection) -> None:
        super().__init__(atelier, session, axis, section, label=texts.AXIS_SECTION_LABELS[section],
                         new_label=texts.AXES_NEW_LINE, mark=f"{section.value}-{axis.id}")
        self.root.classes("axis-section")
        self.sync(axis)
