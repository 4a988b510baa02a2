"""The console's card for phase 2: the structures that testify, and which one is speaking now.

The list changes at the facilitator's pace (a few dozen structures at most), so a change redraws
this card only; every page of the session hears it on the session channel.
"""

from __future__ import annotations

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.changes import AddStructure, EditStructure, RemoveStructure, SetSpeaker
from atelier.domain.events import DomainEvent, WitnessesChanged
from atelier.domain.session import Session
from atelier.domain.testimony import Structure, StructureType
from atelier.domain.validation import MAX_STRUCTURE
from atelier.pages.frame import attempt
from atelier.pages.widgets import heading

TYPE_OPTIONS = {t.value: texts.STRUCTURE_TYPE_LABELS[t.value] for t in StructureType}


class WitnessList:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        with ui.card().classes("w-full gap-2").mark("witnesses"):
            heading(texts.WITNESSES_HEADING, 2)
            ui.label(texts.WITNESSES_HINT).classes("text-gray-700")
            with ui.row().classes("w-full items-center gap-4"):
                self.speaking = ui.label().classes("text-lg font-bold").mark("speaking")
                self.stop = ui.button(texts.WITNESSES_STOP, on_click=lambda: self.speak(None)) \
                    .props("outline no-caps").mark("speak-none")
            self.box = ui.column().classes("w-full gap-1")
            with ui.row().classes("w-full items-center gap-2"):
                self.name = ui.input(texts.WITNESSES_NAME).classes("min-w-[20rem]") \
                    .props(f"outlined dense maxlength={MAX_STRUCTURE}").mark("structure-name")
                self.name.on("keydown.enter", self.add)
                self.type = ui.select(TYPE_OPTIONS, value=StructureType.ASSOCIATION.value, label=texts.WITNESSES_TYPE) \
                    .props("outlined dense").classes("min-w-[12rem]").mark("structure-type")
                ui.button(texts.WITNESSES_ADD, on_click=self.add).props("no-caps").mark("structure-add")
        self.refresh()
        atelier.hub.subscribe(live.session(session.code), self.on_event)

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, WitnessesChanged):
            self.refresh()

    def refresh(self) -> None:
        witnesses = self.session.witnesses
        speaking = witnesses.speaking
        self.speaking.set_text(texts.WITNESSES_SPEAKING.format(name=speaking.name) if speaking
                               else texts.WITNESSES_NOBODY)
        self.stop.set_visibility(speaking is not None)
        self.box.clear()
        with self.box:
            if not witnesses.structures:
                ui.label(texts.WITNESSES_EMPTY).classes("italic")
            for structure in witnesses.structures:
                self._row(structure, structure.id == witnesses.speaking_id)

    def _row(self, structure: Structure, is_speaking: bool) -> None:
        sid = structure.id
        with ui.row().classes("w-full items-center gap-2 no-wrap" + (" speaking-now" if is_speaking else "")) \
                .mark(f"structure-{sid}"):
            ui.label(structure.name).classes("font-bold grow")
            ui.label(texts.STRUCTURE_TYPE_LABELS[structure.type.value]).classes("text-gray-700 min-w-[9rem]")
            if is_speaking:
                ui.button(texts.WITNESSES_IS_SPEAKING, on_click=lambda: self.speak(None)).props("no-caps") \
                    .mark(f"speak-{sid}")
            else:
                ui.button(texts.WITNESSES_SPEAK, on_click=lambda: self.speak(sid)).props("outline no-caps") \
                    .mark(f"speak-{sid}")
            ui.button(texts.WITNESSES_EDIT, on_click=lambda: self.edit(structure)).props("flat no-caps") \
                .mark(f"structure-edit-{sid}")
            ui.button(texts.WITNESSES_REMOVE, on_click=lambda: self.remove(sid)).props("flat no-caps") \
                .mark(f"structure-remove-{sid}")

    async def add(self) -> None:
        name, kind = self.name.value or "", self.type.value or ""
        if await attempt(lambda: self.atelier.service.apply(self.session.code, AddStructure(name, kind))) is not None:
            self.name.value = ""

    async def speak(self, structure_id: int | None) -> None:
        await attempt(lambda: self.atelier.service.apply(self.session.code, SetSpeaker(structure_id)))

    async def remove(self, structure_id: int) -> None:
        await attempt(lambda: self.atelier.service.apply(self.session.code, RemoveStructure(structure_id)))

    def edit(self, structure: Structure) -> None:
        with ui.dialog() as dialog, ui.card().classes("console gap-3 min-w-[28rem]"):
            heading(texts.WITNESSES_EDIT_TITLE, 2)
            name = ui.input(texts.WITNESSES_NAME, value=structure.name).classes("w-full") \
                .props(f"outlined maxlength={MAX_STRUCTURE}").mark("structure-edit-name")
            kind = ui.select(TYPE_OPTIONS, value=structure.type.value, label=texts.WITNESSES_TYPE) \
                .classes("w-full").props("outlined").mark("structure-edit-type")
            error = ui.label().classes("text-red-700 font-bold")
            error.set_visibility(False)

            async def save() -> None:
                if await attempt(lambda: self.atelier.service.apply(
                        self.session.code, EditStructure(structure.id, name.value or "",
                                                         kind.value or "")), error) is not None:
                    dialog.close()

            with ui.row().classes("w-full justify-end"):
                ui.button(texts.PHONE_CANCEL, on_click=dialog.close).props("flat no-caps")
                ui.button(texts.PHONE_SAVE, on_click=save).props("no-caps").mark("structure-edit-save")
        dialog.on("hide", dialog.delete)
        dialog.open()
