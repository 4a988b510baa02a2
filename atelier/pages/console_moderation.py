"""The console's moderation: the mode, and the queue of contributions waiting before the projector.

The bar stays at the top of the console while it scrolls (the count, the mode, a link to the queue),
so a held post is one glance and one tap away wherever the facilitator is. The queue draws the
oldest `SHOWN` waiting contributions; a decision removes one row and draws the next, so a burst of
posts in validation mode costs one row each, never a redraw.
"""

from __future__ import annotations

import bisect

from nicegui import ui
from nicegui.events import KeyEventArguments

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.changes import SetHidden, SetModeration, ValidateContribution
from atelier.domain.events import (
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    DomainEvent,
    ModerationChanged,
)
from atelier.domain.model import Contribution
from atelier.domain.session import Session
from atelier.pages.contribution_fields import who
from atelier.pages.frame import attempt
from atelier.pages.widgets import contribution_meta, heading, held_reasons

SHOWN = 20
ANCHOR = "moderation"


class ModerationBar:
    """Sticky: « À valider : 3 », the mode, and the way to the queue and to every contribution."""

    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        with ui.row().classes("moderation-bar w-full items-center gap-4").mark("moderation-bar"):
            self.count = ui.link(target=f"#{ANCHOR}").classes("text-lg font-bold").mark("moderation-count")
            self.mode = ui.select(texts.MODERATION_MODES, value=session.moderation.value,
                                  label=texts.MODERATION_MODE, on_change=self._set_mode) \
                .props("outlined dense").classes("min-w-[16rem]").mark("moderation-mode")
            ui.link(texts.MODERATION_ALL, "#contributions")

    def show_count(self, count: int) -> None:
        self.count.set_text(texts.MODERATION_COUNT.format(count=count))
        self.count.classes(add="moderation-waiting") if count else self.count.classes(remove="moderation-waiting")

    def show_mode(self) -> None:
        self.mode.set_value(self.session.moderation.value)

    async def _set_mode(self) -> None:
        if self.mode.value != self.session.moderation.value:
            await attempt(lambda: self.atelier.service.apply(self.session.code, SetModeration(self.mode.value or "")))


class ModerationQueue:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.waiting = sorted(c.id for c in session.contributions.values() if c.held)
        self.rows: dict[int, ui.card] = {}
        self.bar = ModerationBar(atelier, session)
        with ui.card().classes("w-full gap-2").props(f"id={ANCHOR}").mark("moderation-queue"):
            heading(texts.MODERATION_HEADING, 2)
            ui.label(texts.MODERATION_HINT).classes("text-gray-700")
            self.empty = ui.label(texts.MODERATION_EMPTY).classes("italic").mark("moderation-empty")
            self.box = ui.column().classes("w-full gap-2")
            self.more = ui.label().classes("italic")
        self._fill()
        ui.keyboard(on_key=self._key).mark("moderation-keys")  # ignores keys typed into fields and buttons
        atelier.hub.subscribe(live.wall(session.code), self.on_event)

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case ContributionAdded(contribution=c) | ContributionChanged(contribution=c) if c.held:
                if c.id not in self.waiting:
                    bisect.insort(self.waiting, c.id)  # oldest first
                if c.id in self.rows:
                    self._draw_again(c)
            case ContributionChanged(contribution=c) | ContributionDeleted(contribution=c) if c.id in self.waiting:
                self.waiting.remove(c.id)
                row = self.rows.pop(c.id, None)
                if row is not None:
                    row.delete()
            case ModerationChanged():
                self.bar.show_mode()
                return
            case _:
                return
        self._fill()

    def _fill(self) -> None:
        """Draw the oldest waiting ones not drawn yet, up to SHOWN; update the counts."""
        for cid in self.waiting[:SHOWN]:
            if cid not in self.rows:
                self._row(self.session.contributions[cid])
        left = len(self.waiting) - len(self.rows)
        self.more.set_text(texts.MODERATION_MORE.format(count=left) if left > 0 else "")
        self.empty.set_visibility(not self.waiting)
        self.bar.show_count(len(self.waiting))

    def _row(self, contribution: Contribution) -> None:
        cid = contribution.id
        author = self.session.participants.get(contribution.author_id)
        with self.box, ui.card().classes("w-full gap-1 held-row").mark(f"held-{cid}") as row:
            ui.label(f"n° {cid} · {texts.KIND_LABELS[contribution.kind]} · {held_reasons(contribution)}") \
                .classes("font-bold")
            ui.label(contribution.text).classes("participant-text text-lg")
            ui.label(" · ".join(filter(None, [contribution_meta(contribution, with_theme=True),
                                              texts.CONSOLE_BY.format(who=who(author)) if author else ""]))) \
                .classes("text-gray-700")
            with ui.row().classes("gap-2"):
                ui.button(texts.MODERATION_VALIDATE, on_click=lambda: self.validate(cid)).props("no-caps") \
                    .mark(f"validate-{cid}")
                ui.button(texts.MODERATION_HIDE, on_click=lambda: self.hide(cid)).props("outline no-caps") \
                    .mark(f"reject-{cid}")
        self.rows[cid] = row
        ordered = [c for c in self.waiting if c in self.rows]
        row.move(self.box, target_index=ordered.index(cid))

    def _draw_again(self, contribution: Contribution) -> None:
        """Its author edited it while it waits: the facilitator decides on what it says now."""
        self.rows.pop(contribution.id).delete()
        self._row(contribution)

    async def validate(self, cid: int) -> None:
        if await attempt(lambda: self.atelier.service.apply(self.session.code, ValidateContribution(cid))):
            ui.notify(texts.MODERATION_VALIDATED.format(id=cid), type="positive", position="top")

    async def hide(self, cid: int) -> None:
        await attempt(lambda: self.atelier.service.apply(self.session.code, SetHidden(cid, True)))

    async def _key(self, event: KeyEventArguments) -> None:
        if not event.action.keydown or event.action.repeat or not self.waiting:
            return
        if event.key.name.lower() == "v":
            await self.validate(self.waiting[0])
        elif event.key.name.lower() == "m":
            await self.hide(self.waiting[0])
