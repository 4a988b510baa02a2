"""The phone's lists: my own contributions (live), and others' (loaded on demand, to +1)."""

from __future__ import annotations

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.changes import DeleteOwnContribution, EditOwnContribution
from atelier.domain.events import (
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ContributionsMerged,
    DomainEvent,
)
from atelier.domain.model import Contribution, Phase, kinds_of
from atelier.domain.session import Session
from atelier.pages.frame import attempt
from atelier.pages.phone_forms import ContributionFields
from atelier.pages.phone_similar import share_item
from atelier.pages.widgets import confirm, contribution_meta, heading

OTHERS_PAGE = 10


class MyItem:
    def __init__(self, owner: MyContributions, contribution: Contribution) -> None:
        self.owner = owner
        self.contribution = contribution
        with ui.column().classes(f"item {contribution.kind.value} gap-1").mark(f"mine-{contribution.id}") as self.box:
            self.kind = ui.label().classes("meta font-bold")
            self.text = ui.label().classes("participant-text")
            self.meta = ui.label().classes("meta")
            with ui.row().classes("gap-2") as self.actions:
                ui.button(texts.PHONE_EDIT, on_click=self.edit).props("outline no-caps").mark("edit")
                ui.button(texts.PHONE_DELETE, on_click=self.confirm_delete).props("outline no-caps color=negative") \
                    .mark("delete")
        self.update(contribution)

    def update(self, contribution: Contribution) -> None:
        self.contribution = contribution
        kind = texts.KIND_LABELS[contribution.kind]
        note = texts.PHONE_HIDDEN_BY_FACILITATOR if contribution.hidden else \
            texts.PHONE_WAITING_VALIDATION if contribution.held else \
            texts.PHONE_CORRECTED_BY_FACILITATOR if contribution.moderated else ""
        self.kind.set_text(f"{kind} · {note}" if note else kind)
        self.text.set_text(contribution.text)
        self.meta.set_text(contribution_meta(contribution, with_theme=True))
        self.refresh_actions()

    def refresh_actions(self) -> None:
        self.actions.set_visibility(self.owner.session.may_edit(self.owner.participant_id, self.contribution))

    def edit(self) -> None:
        owner = self.owner
        with ui.dialog() as dialog, ui.card().classes("phone w-full gap-3"):
            fields = ContributionFields(owner.session, self.contribution.kind, prefix="edit-")
            fields.fill(self.contribution)
            error = ui.label().classes("error")
            error.set_visibility(False)

            async def save() -> None:
                saved = await attempt(lambda: owner.atelier.service.apply(
                    owner.session.code, EditOwnContribution(owner.participant_id, self.contribution.id,
                                                            **fields.values())), error)
                if saved is not None:
                    dialog.close()

            with ui.row().classes("w-full justify-end gap-2"):
                ui.button(texts.PHONE_CANCEL, on_click=dialog.close).props("flat no-caps")
                ui.button(texts.PHONE_SAVE, on_click=save).props("no-caps").mark("edit-save")
        dialog.on("hide", dialog.delete)
        dialog.open()

    def confirm_delete(self) -> None:
        owner = self.owner
        confirm(texts.PHONE_DELETE_CONFIRM, texts.PHONE_DELETE,
                lambda: attempt(lambda: owner.atelier.service.apply(
                    owner.session.code, DeleteOwnContribution(owner.participant_id, self.contribution.id))),
                audience="phone", mark="delete-confirm")


class MyContributions:
    """Newest first. Updated by events on this participant's own channel (any of their devices)."""

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.items: dict[int, MyItem] = {}
        heading(texts.PHONE_MINE, 2)
        self.empty = ui.label(texts.PHONE_MINE_EMPTY).classes("hint")
        self.box = ui.column().classes("w-full gap-2").mark("mine")
        for contribution in session.contributions_by(participant_id):
            self._add(contribution)
        self.empty.set_visibility(not self.items)

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case ContributionAdded(contribution=c):
                self._add(c)
            case ContributionChanged(contribution=c) if c.id in self.items:
                self.items[c.id].update(c)
            case ContributionDeleted(contribution=c) if c.id in self.items:
                self.items.pop(c.id).box.delete()
        self.empty.set_visibility(not self.items)

    def refresh_actions(self) -> None:
        for item in self.items.values():
            item.refresh_actions()

    def _add(self, contribution: Contribution) -> None:
        if contribution.id not in self.items:
            with self.box:
                self.items[contribution.id] = MyItem(self, contribution)
            self.items[contribution.id].box.move(self.box, target_index=0)


class OthersContributions:
    """Others' shareable contributions of the open phase, newest first, loaded a page at a time."""

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.shown = 0
        self.items: dict[int, ui.column] = {}
        atelier.hub.subscribe(live.withdrawn(session.code), self.on_withdrawn)
        with ui.expansion(texts.PHONE_OTHERS, on_value_change=self._opened).classes("w-full") \
                .mark("others") as self.box:
            ui.label(texts.PHONE_OTHERS_HINT).classes("hint")
            self.list = ui.column().classes("w-full gap-2")
            self.empty = ui.label(texts.PHONE_OTHERS_EMPTY).classes("hint")
            self.more = ui.button(texts.PHONE_MORE, on_click=self.load_more).props("outline no-caps") \
                .mark("others-more")

    def set_phase(self, phase: Phase | None) -> None:
        self.box.set_visibility(phase is not None and any(k.spec.shareable for k in kinds_of(phase.key)))
        self.list.clear()
        self.items.clear()
        self.shown = 0
        if self.box.value:
            self.load_more()

    def _opened(self) -> None:
        if self.box.value and self.shown == 0:
            self.load_more()

    def load_more(self) -> None:
        candidates = self.session.shareable_for(self.participant_id)
        with self.list:
            for contribution in candidates[self.shown:self.shown + OTHERS_PAGE]:
                self._item(contribution)
        self.shown = min(len(candidates), self.shown + OTHERS_PAGE)
        self.more.set_visibility(self.shown < len(candidates))
        self.empty.set_visibility(not candidates)

    def on_withdrawn(self, event: DomainEvent) -> None:
        """Hidden by the facilitator, deleted or merged: it leaves this list at once (not at the next load)."""
        gone = [c.id for c in event.originals] if isinstance(event, ContributionsMerged) else \
            [event.contribution.id] if isinstance(event, ContributionChanged | ContributionDeleted) else []
        for cid in gone:
            item = self.items.pop(cid, None)
            if item is not None:
                item.delete()

    def _item(self, contribution: Contribution) -> None:
        self.items[contribution.id] = share_item(self.atelier, self.session, self.participant_id, contribution,
                                                 marker="other", share_marker="share")
