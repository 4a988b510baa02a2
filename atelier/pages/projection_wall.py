"""The projection's walls: phase 1 (difficultés and ressources by theme) and phase 2 (the témoignages).

Each event touches one column: a card is added, changed or removed, at most `CARDS_PER_COLUMN`
cards are re-ordered. Merged originals and hidden contributions leave the wall; a merge's result
takes their place.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable

from nicegui import ui

from atelier import texts
from atelier.domain.events import (
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ContributionsMerged,
    DomainEvent,
    WitnessesChanged,
)
from atelier.domain.model import Contribution, ContributionKind, PhaseKey, kinds_of
from atelier.domain.session import Session
from atelier.domain.testimony import attribution
from atelier.pages.widgets import contribution_meta

CARDS_PER_COLUMN = 3
WALL_KINDS = tuple(kinds_of(PhaseKey.ETAT_DES_LIEUX))
TESTIMONY_KINDS = tuple(kinds_of(PhaseKey.TEMOIGNAGES))
TESTIMONY_CARDS = 4


class LatestColumn:
    """One kind (of one theme, in phase 1): knows every visible id, shows the newest few."""

    def __init__(self, session: Session, kind: ContributionKind, *, meta: Callable[[Contribution], str],
                 size: int = CARDS_PER_COLUMN) -> None:
        self.session, self.kind, self.meta, self.size = session, kind, meta, size
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
        shown = list(reversed(self.ids[-self.size:]))
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
            ui.label(self.meta(contribution)).classes("card-meta")
        return card


class Wall:
    """What both walls share: which column holds each contribution, the newest one outlined, counts by kind."""

    kinds: tuple[ContributionKind, ...] = ()
    phase = PhaseKey.ETAT_DES_LIEUX

    def __init__(self, session: Session) -> None:
        self.session = session
        self.placed: dict[int, LatestColumn] = {}
        self.counts: Counter[ContributionKind] = Counter()
        self.newest: int | None = None

    def fill(self) -> None:
        items = [c for c in self.session.visible_contributions(self.phase) if c.kind in self.kinds]
        for contribution in items:
            self._place(contribution)
        if items:
            self._mark_newest(items[-1])
        self.refresh()

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case ContributionAdded(contribution=c) if c.kind in self.kinds and c.is_visible:
                self._place(c)
                self._mark_newest(c)
            case ContributionChanged(contribution=c) if c.kind in self.kinds and c.is_visible:
                arrived = c.id not in self.placed  # validated by the facilitator: new to the room
                self._place(c)
                if arrived:
                    self._mark_newest(c)
            case ContributionChanged(contribution=c) if c.kind in self.kinds:
                self._remove(c.id)  # hidden, or waiting for validation again after an edit
            case ContributionDeleted(contribution=c):
                self._remove(c.id)
            case ContributionsMerged(result=result, originals=originals):
                for original in originals:
                    self._remove(original.id)
                if result.kind in self.kinds and result.is_visible:
                    self._place(result)
        self.refresh()

    def totals(self) -> list[str]:
        return [texts.count(self.counts[kind], texts.KIND_COUNT_FORMS[kind]) for kind in self.kinds]

    def refresh(self) -> None:
        """After any change: what depends on more than one column (empty message, counts)."""

    def column_for(self, contribution: Contribution) -> LatestColumn:
        raise NotImplementedError

    def _place(self, contribution: Contribution) -> None:
        column = self.column_for(contribution)
        previous = self.placed.get(contribution.id)
        if previous is not None and previous is not column:
            self._remove(contribution.id)  # the facilitator moved it to another theme
        if contribution.id not in self.placed:
            self.counts[contribution.kind] += 1
        self.placed[contribution.id] = column
        column.put(contribution)
        if contribution.id == self.newest:
            column.highlight(contribution.id, True)

    def _remove(self, contribution_id: int) -> None:
        column = self.placed.pop(contribution_id, None)
        if column is not None:
            column.drop(contribution_id)
            self.counts[column.kind] -= 1

    def _mark_newest(self, contribution: Contribution) -> None:
        previous = self.placed.get(self.newest) if self.newest is not None else None
        if previous is not None and self.newest is not None:
            previous.highlight(self.newest, False)
        self.newest = contribution.id
        self.placed[contribution.id].highlight(contribution.id, True)


class ThemeRow:
    def __init__(self, session: Session, theme: str) -> None:
        with ui.column().classes("theme-row gap-1") as self.box:
            with ui.row().classes("items-baseline gap-4"):
                ui.label(theme).classes("theme-name")
                self.counts = ui.label().classes("theme-counts")
            with ui.row().classes("w-full no-wrap gap-6"):
                self.columns = {kind: LatestColumn(session, kind, meta=contribution_meta)
                                for kind in WALL_KINDS}

    def refresh_counts(self) -> None:
        self.counts.set_text(" · ".join(texts.count(len(column.ids), texts.KIND_COUNT_FORMS[kind])
                                        for kind, column in self.columns.items()))


class EtatDesLieuxWall(Wall):
    """Phase 1: one row per theme; the row that just moved goes to the top."""

    kinds = WALL_KINDS
    phase = PhaseKey.ETAT_DES_LIEUX

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.rows: dict[str, ThemeRow] = {}
        self.empty = ui.label(texts.PROJECTION_EMPTY).classes("status")
        self.rows_box = ui.column().classes("w-full gap-2")
        self.fill()

    def column_for(self, contribution: Contribution) -> LatestColumn:
        if contribution.theme not in self.rows:
            with self.rows_box:
                self.rows[contribution.theme] = ThemeRow(self.session, contribution.theme)
        return self.rows[contribution.theme].columns[contribution.kind]

    def _place(self, contribution: Contribution) -> None:
        super()._place(contribution)
        row = self.rows[contribution.theme]
        row.refresh_counts()
        row.box.move(self.rows_box, target_index=0)

    def _remove(self, contribution_id: int) -> None:
        column = self.placed.get(contribution_id)
        super()._remove(contribution_id)
        for row in self.rows.values():
            if column in row.columns.values():
                row.refresh_counts()

    def refresh(self) -> None:
        self.empty.set_visibility(not self.placed)


class TestimonyWall(Wall):
    """Phase 2: who is speaking, then constats, enjeux and préconisations side by side, each signed."""

    kinds = TESTIMONY_KINDS
    phase = PhaseKey.TEMOIGNAGES

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        with ui.column().classes("speaker gap-0").mark("speaker"):
            self.speaker_intro = ui.label().classes("speaker-intro")
            with ui.row().classes("items-baseline gap-6"):
                self.speaker_name = ui.label().classes("speaker-name").mark("speaker-name")
                self.speaker_type = ui.label().classes("speaker-type").mark("speaker-type")
        self.empty = ui.label(texts.PROJECTION_TESTIMONIES_EMPTY).classes("status")
        with ui.row().classes("w-full no-wrap gap-6"):
            self.columns = {kind: LatestColumn(session, kind, meta=self._signature, size=TESTIMONY_CARDS)
                            for kind in TESTIMONY_KINDS}
        self._show_speaker()
        self.fill()

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, WitnessesChanged):
            self._show_speaker()
        super().on_event(event)

    def column_for(self, contribution: Contribution) -> LatestColumn:
        return self.columns[contribution.kind]

    def refresh(self) -> None:
        self.empty.set_visibility(not self.placed)

    def _signature(self, contribution: Contribution) -> str:
        """« Mission Locale · Mobilité · +2 partagent »; an élu who gave no name shows only the commune."""
        signed = texts.signature(attribution(contribution, self.session.participants.get(contribution.author_id)))
        parts = [signed or contribution.commune or texts.WHOLE_TERRITORY, contribution.theme]
        if contribution.share_count:
            parts.append(texts.shared_count(contribution.share_count))
        return " · ".join(parts)

    def _show_speaker(self) -> None:
        speaker = self.session.witnesses.speaking
        self.speaker_intro.set_text(texts.PROJECTION_SPEAKER if speaker else "")
        self.speaker_intro.set_visibility(speaker is not None)
        self.speaker_name.set_text(speaker.name if speaker else texts.PROJECTION_NO_SPEAKER)
        self.speaker_type.set_text(texts.STRUCTURE_TYPE_LABELS[speaker.type] if speaker else "")
