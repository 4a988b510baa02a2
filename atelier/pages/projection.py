"""`/p/{code}`: the big screen. QR code to join, and the live wall of the état des lieux by theme.

Each event touches one theme row: a card is added, changed or removed in one column, at most
`CARDS_PER_COLUMN` cards are re-ordered. The row that just moved goes to the top.
"""

from __future__ import annotations

import bisect

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.events import (
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    DomainEvent,
)
from atelier.domain.model import Contribution, ContributionKind, PhaseKey
from atelier.domain.session import Session
from atelier.pages.frame import frame, not_found
from atelier.pages.widgets import contribution_meta, heading, phase_line, qr_code

CARDS_PER_COLUMN = 3
WALL_KINDS = (ContributionKind.DIFFICULTY, ContributionKind.RESOURCE)


def register(atelier: Atelier) -> None:
    @ui.page("/p/{code}", title=texts.APP_NAME)
    def projection_page(code: str) -> None:
        session = atelier.service.find(code)
        if session is None:
            not_found(code)
            return
        ui.page_title(texts.PROJECTION_TITLE.format(territory=session.territory))
        Projection(atelier, session)


class LatestColumn:
    """One kind of one theme: knows every visible id, shows the newest few."""

    def __init__(self, session: Session, kind: ContributionKind) -> None:
        self.session = session
        self.kind = kind
        self.ids: list[int] = []  # ascending; the newest is last
        self.cards: dict[int, ui.element] = {}
        with ui.column().classes("column") as self.box:
            ui.label(texts.KIND_LABELS_PLURAL[kind]).classes("column-title")
        self.more = ui.label().classes("theme-counts")
        self.more.move(self.box)

    def put(self, contribution: Contribution) -> None:
        if contribution.id not in self.ids:
            bisect.insort(self.ids, contribution.id)
        elif contribution.id in self.cards:
            self.cards.pop(contribution.id).delete()  # edited: drawn again below
        self._sync()

    def drop(self, contribution_id: int) -> None:
        if contribution_id in self.ids:
            self.ids.remove(contribution_id)
            self._sync()

    def highlight(self, contribution_id: int, on: bool) -> None:
        card = self.cards.get(contribution_id)
        if card is not None:
            card.classes(add="newest") if on else card.classes(remove="newest")

    def _sync(self) -> None:
        shown = list(reversed(self.ids[-CARDS_PER_COLUMN:]))
        for cid in [cid for cid in self.cards if cid not in shown]:
            self.cards.pop(cid).delete()
        for index, cid in enumerate(shown):
            if cid not in self.cards:
                self.cards[cid] = self._card(self.session.contributions[cid])
            self.cards[cid].move(self.box, target_index=index + 1)  # after the column title
        hidden_count = len(self.ids) - len(shown)
        self.more.set_text(f"+ {texts.count(hidden_count, texts.PROJECTION_MORE)}" if hidden_count else "")
        self.more.move(self.box)

    def _card(self, contribution: Contribution) -> ui.element:
        with self.box, ui.column().classes(f"card {contribution.kind.value} gap-0") as card:
            ui.label(contribution.text).classes("participant-text clamp").mark(f"card-{contribution.id}")
            ui.label(contribution_meta(contribution, self.session)).classes("card-meta")
        return card


class ThemeRow:
    def __init__(self, session: Session, theme: str) -> None:
        with ui.column().classes("theme-row gap-1") as self.box:
            with ui.row().classes("items-baseline gap-4"):
                ui.label(theme).classes("theme-name")
                self.counts = ui.label().classes("theme-counts")
            with ui.row().classes("w-full no-wrap gap-6"):
                self.columns = {kind: LatestColumn(session, kind) for kind in WALL_KINDS}

    def refresh_counts(self) -> None:
        self.counts.set_text(" · ".join(texts.count(len(column.ids), texts.KIND_COUNT_FORMS[kind])
                                        for kind, column in self.columns.items()))


class Projection:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.session = session
        self.rows: dict[str, ThemeRow] = {}
        self.placed: dict[int, tuple[str, ContributionKind]] = {}
        self.newest: int | None = None
        with frame("projection"), ui.row().classes("w-full h-full no-wrap gap-0"):
            self._join_panel(atelier.join_url(session.code))
            with ui.column().classes("wall gap-2"):
                heading(session.territory, 1).classes("wall-title")
                self.status = ui.label().classes("status").mark("phase-status")
                self.totals = ui.label().classes("status").mark("totals")
                self.empty = ui.label(texts.PROJECTION_EMPTY).classes("status")
                self.rows_box = ui.column().classes("w-full gap-2")
        items = self._wall_items()
        for contribution in items:
            self._place(contribution)
        if items:
            self._mark_newest(items[-1])
        self._refresh_header()
        atelier.hub.subscribe(live.wall(session.code), self.on_event)
        atelier.hub.subscribe(live.session(session.code), self.on_event)

    def _join_panel(self, url: str) -> None:
        with ui.column().classes("join-panel items-center gap-4"):
            ui.label(texts.PROJECTION_JOIN).classes("text-center font-bold")
            qr_code(url, classes="qr").mark("qr")
            ui.label(texts.PROJECTION_SCAN).classes("text-center")
            ui.label(url).classes("join-url text-center").mark("join-url")
            ui.label(texts.PROJECTION_CODE).classes("mt-4")
            ui.label(self.session.code).classes("join-code").mark("join-code")

    def _wall_items(self) -> list[Contribution]:
        return [c for c in self.session.visible_contributions(PhaseKey.ETAT_DES_LIEUX) if c.kind in WALL_KINDS]

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case ContributionAdded(contribution=c) if c.kind in WALL_KINDS:
                self._place(c)
                self._mark_newest(c)
            case ContributionChanged(contribution=c) if c.kind in WALL_KINDS:
                self._remove(c.id) if c.hidden else self._place(c)
            case ContributionDeleted(contribution=c):
                self._remove(c.id)
        self._refresh_header()

    def _place(self, contribution: Contribution) -> None:
        where = (contribution.theme, contribution.kind)
        if self.placed.get(contribution.id, where) != where:
            self._remove(contribution.id)  # the facilitator moved it to another theme
        self.placed[contribution.id] = where
        row = self._row(contribution.theme)
        row.columns[contribution.kind].put(contribution)
        row.refresh_counts()
        row.box.move(self.rows_box, target_index=0)
        if contribution.id == self.newest:
            row.columns[contribution.kind].highlight(contribution.id, True)

    def _remove(self, contribution_id: int) -> None:
        theme, kind = self.placed.pop(contribution_id, (None, None))
        if theme is not None and kind is not None:
            self.rows[theme].columns[kind].drop(contribution_id)
            self.rows[theme].refresh_counts()

    def _mark_newest(self, contribution: Contribution) -> None:
        previous = self.placed.get(self.newest) if self.newest is not None else None
        if previous is not None and self.newest is not None:
            self.rows[previous[0]].columns[previous[1]].highlight(self.newest, False)
        self.newest = contribution.id
        self.rows[contribution.theme].columns[contribution.kind].highlight(contribution.id, True)

    def _row(self, theme: str) -> ThemeRow:
        if theme not in self.rows:
            with self.rows_box:
                self.rows[theme] = ThemeRow(self.session, theme)
        return self.rows[theme]

    def _refresh_header(self) -> None:
        self.status.set_text(phase_line(self.session.open_phase, self.session))
        totals = [texts.count(sum(len(r.columns[kind].ids) for r in self.rows.values()), texts.KIND_COUNT_FORMS[kind])
                  for kind in WALL_KINDS]
        totals.append(texts.count(len(self.session.participants), texts.PROJECTION_PARTICIPANTS))
        self.totals.set_text(" · ".join(totals))
        self.empty.set_visibility(not self.placed)
