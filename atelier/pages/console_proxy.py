"""« Saisir pour une personne sans smartphone »: the facilitator, or a helper at a table with the console
on a tablet, types what someone says. The person is a participant like the others (role, commune),
so what they say is counted as theirs, in the walls, the analysis and the document's annexes."""

from __future__ import annotations

import secrets

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.changes import AddContributionFor
from atelier.domain.events import DomainEvent, PhaseChanged
from atelier.domain.model import ContributionKind, PhaseKey, Role, kinds_of
from atelier.domain.session import Session
from atelier.pages.contribution_fields import ContributionFields, commune_options, commune_value, sent_summary
from atelier.pages.frame import attempt
from atelier.pages.widgets import select


class ProxyEntry:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.person_id = _new_person_id()
        with ui.expansion(texts.PROXY_TITLE).classes("w-full console-card").mark("proxy"):
            ui.label(texts.PROXY_HINT).classes("text-gray-700")
            with ui.row().classes("w-full items-end gap-2"):
                self.role = select({r.value: texts.ROLE_LABELS[r] for r in Role}, label=texts.PROXY_ROLE,
                                   marker="proxy-role", classes="min-w-[16rem]",
                                   on_change=lambda: self.structure.set_visibility(self._is_actor()))
                self.commune = select(commune_options(session), label=texts.PROXY_COMMUNE, marker="proxy-commune",
                                      classes="min-w-[14rem]", searchable=True)
                self.name = ui.input(texts.PROXY_NAME).props("outlined dense").mark("proxy-name")
                self.structure = ui.input(texts.PROXY_STRUCTURE).props("outlined dense").mark("proxy-structure")
                ui.button(texts.PROXY_NEW_PERSON, on_click=self.new_person).props("flat no-caps") \
                    .mark("proxy-new-person")
            self.structure.set_visibility(False)
            self.kind = ui.toggle({}, on_change=self._kind_changed).props("no-caps").mark("proxy-kind")
            self.fields = ContributionFields(session, kinds_of(PhaseKey.ETAT_DES_LIEUX)[0], prefix="proxy-")
            self.error = ui.label().classes("text-red-700 font-bold").mark("proxy-error")
            self.error.set_visibility(False)
            self.waiting = ui.label(texts.PROXY_NO_PHASE).classes("italic")
            self.save_button = ui.button(texts.PROXY_SAVE, on_click=self.save).props("no-caps").mark("proxy-save")
        self._show_phase()
        atelier.hub.subscribe(live.session(session.code), self.on_event)

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, PhaseChanged):
            self._show_phase()

    def new_person(self) -> None:
        """The next contributions are someone else's."""
        self.person_id = _new_person_id()
        self.role.value = None
        self.commune.value = None
        self.name.value = ""
        self.structure.value = ""

    async def save(self) -> None:
        fields = self.fields.values()
        if self.fields.commune.value is None:
            fields["commune"] = None  # not chosen: the person's own commune
        change = AddContributionFor(self.person_id, role=self.role.value, person_commune=commune_value(
            self.commune.value), display_name=self.name.value or "",
            person_structure=(self.structure.value or "") if self._is_actor() else "",
            kind=self.kind.value or "", **fields)
        contribution = await attempt(lambda: self.atelier.service.apply(self.session.code, change), self.error)
        if contribution is None:
            return
        for field in (self.fields.text, self.fields.structure):
            field.value = ""
        self.fields.theme.value = None
        self.fields.risk.value = None
        self.fields.commune.value = None  # the person's own commune, unless another is chosen
        ui.notify(texts.PROXY_SAVED.format(summary=sent_summary(contribution)), type="positive", position="top")

    def _is_actor(self) -> bool:
        return bool(self.role.value) and Role(self.role.value).is_actor

    def _kind_changed(self) -> None:
        if self.kind.value:
            self.fields.set_kind(ContributionKind(self.kind.value))

    def _show_phase(self) -> None:
        phase = self.session.open_phase
        kinds = kinds_of(phase.key) if phase is not None else []
        self.waiting.set_visibility(not kinds)
        self.save_button.set_visibility(bool(kinds))
        if kinds:
            self.kind.set_options({k.value: texts.KIND_LABELS[k] for k in kinds},
                                  value=self.kind.value if self.kind.value in kinds else kinds[0].value)


def _new_person_id() -> str:
    return f"sans-smartphone-{secrets.token_hex(4)}"
