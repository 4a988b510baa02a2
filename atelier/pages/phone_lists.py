"""The phone's lists: my own contributions (live), and others' (loaded on demand, to +1).

Each contribution is one element the browser draws (`ContributionCard`): a post costs the author's
page one element, not a card of labels and buttons.
"""

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
    ContributionsUnmerged,
    DomainEvent,
)
from atelier.domain.model import Contribution, Phase, kinds_of
from atelier.domain.session import Session
from atelier.pages.contribution_fields import ContributionFields
from atelier.pages.drawn import ContributionCard, button
from atelier.pages.frame import attempt
from atelier.pages.phone_similar import ShareList
from atelier.pages.widgets import confirm, contribution_meta, heading

OTHERS_PAGE = 10
EDIT, DELETE = "edit", "delete"


class MyItem:
    def __init__(self, owner: MyContributions, contribution: Contribution) -> None:
        self.owner = owner
        self.contribution = contribution
        self.card = ContributionCard(self._tapped).classes(f"item {contribution.kind.value}") \
            .mark(f"mine-{contribution.id}")
        self.update(contribution)

    def update(self, contribution: Contribution) -> None:
        self.contribution = contribution
        kind = texts.KIND_LABELS[contribution.kind]
        note = texts.PHONE_HIDDEN_BY_FACILITATOR if contribution.hidden else \
            texts.PHONE_WAITING_VALIDATION if contribution.held else \
            texts.PHONE_CORRECTED_BY_FACILITATOR if contribution.moderated else ""
        editable = self.owner.session.may_edit(self.owner.participant_id, contribution)
        self.card.set(title=f"{kind} · {note}" if note else kind, text=contribution.text,
                      meta=contribution_meta(contribution, with_theme=True),
                      buttons=[button(EDIT, texts.PHONE_EDIT),
                               button(DELETE, texts.PHONE_DELETE, color="negative")] if editable else [])

    def refresh_actions(self) -> None:
        self.update(self.contribution)

    def _tapped(self, key: str) -> None:
        self.edit() if key == EDIT else self.confirm_delete()

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
        self.box = ui.column().classes("w-full gap-2 my-contributions").mark("mine")
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
                self.items.pop(c.id).card.delete()
            case ContributionsMerged(originals=originals) | ContributionsUnmerged(originals=originals):
                for original in originals:
                    if original.id in self.items:
                        self.items[original.id].update(original)
        self.empty.set_visibility(not self.items)

    def refresh_actions(self) -> None:
        for item in self.items.values():
            item.refresh_actions()

    def _add(self, contribution: Contribution) -> None:
        if contribution.id not in self.items:
            with self.box:
                self.items[contribution.id] = MyItem(self, contribution)
            self.items[contribution.id].card.move(self.box, target_index=0)


class OthersContributions:
    """Others' shareable contributions of the open phase, newest first, loaded a page at a time.

    Its inside is built the first time it is opened: most phones of a big hall never open it.
    """

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.shown: list[Contribution] = []
        self.list: ShareList | None = None
        atelier.hub.subscribe(live.withdrawn(session.code), self.on_withdrawn)
        self.box = ui.expansion(texts.PHONE_OTHERS, on_value_change=self._opened).classes("w-full").mark("others")

    def _build(self) -> ShareList:
        with self.box:
            self.list = ShareList(self.atelier, self.session, self.participant_id)
            self.list.cards.init(hint=texts.PHONE_OTHERS_HINT)
            self.list.cards.mark("others-list")
            self.empty = ui.label(texts.PHONE_OTHERS_EMPTY).classes("hint")
            self.more = ui.button(texts.PHONE_MORE, on_click=self.load_more).props("outline no-caps") \
                .mark("others-more")
        return self.list

    def set_phase(self, phase: Phase | None) -> None:
        self.box.set_visibility(phase is not None and any(k.spec.shareable for k in kinds_of(phase.key)))
        self.shown = []
        if self.list is not None:
            self.list.show([])
        if self.box.value:
            self.load_more()

    def _opened(self) -> None:
        if self.box.value and not self.shown:
            self.load_more()

    def load_more(self) -> None:
        listed = self.list or self._build()
        candidates = self.session.shareable_for(self.participant_id)
        self.shown = candidates[:len(self.shown) + OTHERS_PAGE]
        listed.show(self.shown)
        self.more.set_visibility(len(self.shown) < len(candidates))
        self.empty.set_visibility(not candidates)

    def on_withdrawn(self, event: DomainEvent) -> None:
        """Hidden by the facilitator, deleted or merged: it leaves this list at once (not at the next load)."""
        gone = {c.id for c in event.originals} if isinstance(event, ContributionsMerged) else \
            {event.result_id} if isinstance(event, ContributionsUnmerged) else \
            {event.contribution.id} if isinstance(event, ContributionChanged | ContributionDeleted) else set()
        if self.list is not None and gone:
            self.list.withdraw(gone)
