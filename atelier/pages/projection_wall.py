"""The projection's walls: phase 1 (difficultés and ressources by theme) and phase 2 (the témoignages).

Every visible contribution of the phase is a card on the wall, newest first in its column; the
browser (`pages.js`) shows the wall a page at a time, so every contribution is on some page and no
text is cut: the font shrinks to a floor, then a section too long is split. Each event touches one
card and one count. Merged originals and hidden contributions leave the wall; a merge's result takes
their place. The facilitator picks a theme, holds the page or turns it (`WallView`), from the console.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from nicegui import ui

from atelier import texts
from atelier.domain.events import (
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ContributionsMerged,
    ContributionsUnmerged,
    DomainEvent,
    WallViewChanged,
    WitnessesChanged,
)
from atelier.domain.model import Contribution, ContributionKind, PhaseKey, kinds_of
from atelier.domain.screens import shown_phase
from atelier.domain.session import Session
from atelier.domain.testimony import attribution
from atelier.domain.wall import WallView, most_shared
from atelier.pages.drawn import CardList, ContributionCard, Drawn
from atelier.pages.widgets import contribution_meta

WALL_KINDS = tuple(kinds_of(PhaseKey.ETAT_DES_LIEUX))
TESTIMONY_KINDS = tuple(kinds_of(PhaseKey.TEMOIGNAGES))
TESTIMONIES_KEY = "temoignages"
PAGE_SECONDS = 12  # a page of the wall stays this long, unless the facilitator holds it
LARGEST, FLOOR = 40, 32  # px at 1080p: the cards' text, down to what the back row still reads (tests/browser)


class Pager(Drawn, component="pages.js"):
    """A screen a page at a time (see pages.js): the wall, or a vote's results. The server only says
    what the facilitator asked for (a theme, held, a page further): `view`; none for the results."""

    def __init__(self, view: WallView | None = None) -> None:
        super().__init__()
        self.init(interval=PAGE_SECONDS * 1000, largest=LARGEST, floor=FLOOR,
                  labels={"page": texts.WALL_PAGE, "paused": texts.WALL_PAUSED}, paused=False, only="", turn=0)
        self.classes("w-full").mark("wall-pager")
        self.follow(view or WallView())

    def follow(self, view: WallView) -> None:
        self.set(paused=view.paused, only=view.theme or "", turn=view.turn)


class WallColumn:
    """One kind of one section: a card per visible contribution, newest first."""

    def __init__(self, kind: ContributionKind, meta: Callable[[Contribution], str]) -> None:
        self.kind, self.meta = kind, meta
        self.cards: dict[int, ContributionCard] = {}
        with ui.column().classes("column pager-column gap-2") as self.box:
            ui.label(texts.KIND_LABELS_PLURAL[kind]).classes("column-title")

    def put(self, contribution: Contribution) -> None:
        card = self.cards.get(contribution.id)
        if card is None:
            with self.box:
                card = self.cards[contribution.id] = ContributionCard(_no_buttons) \
                    .classes(f"card pager-card {contribution.kind.value}").mark(f"card-{contribution.id}")
            card.move(self.box, target_index=1)  # after the column's title: the newest on top
        card.set(text=contribution.text, meta=self.meta(contribution))

    def drop(self, contribution_id: int) -> None:
        card = self.cards.pop(contribution_id, None)
        if card is not None:
            card.delete()

    def highlight(self, contribution_id: int, on: bool) -> None:
        card = self.cards.get(contribution_id)
        if card is not None:
            card.classes(add="newest") if on else card.classes(remove="newest")


def _no_buttons(key: str) -> None:
    """Wall cards have none."""


class WallSection:
    """A theme of the état des lieux, or the témoignages: a title with its counts, a column per kind."""

    def __init__(self, key: str, title: str, kinds: tuple[ContributionKind, ...],
                 meta: Callable[[Contribution], str]) -> None:
        with ui.column().classes("pager-section wall-section w-full gap-2") as self.box:
            self.box.props["data-key"] = key
            with ui.row().classes("items-baseline gap-4"):
                ui.label(title).classes("theme-name")
                self.counts = ui.label().classes("theme-counts")
            with ui.row().classes("w-full no-wrap gap-6 items-start"):
                self.columns = {kind: WallColumn(kind, meta) for kind in kinds}

    def refresh_counts(self) -> None:
        self.counts.set_text(" · ".join(texts.count(len(column.cards), texts.KIND_COUNT_FORMS[kind])
                                        for kind, column in self.columns.items()))


class Wall:
    """What both walls share: where each contribution's card is, the newest one outlined, counts by kind."""

    kinds: tuple[ContributionKind, ...] = ()
    phase = PhaseKey.ETAT_DES_LIEUX
    empty: ui.label  # « Les premières contributions apparaîtront ici »
    pager: Pager

    def __init__(self, session: Session) -> None:
        self.session = session
        self.placed: dict[int, WallSection] = {}
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
            case ContributionsUnmerged(result_id=result_id, originals=originals):
                self._remove(result_id)
                for original in originals:
                    if original.kind in self.kinds and original.is_visible:
                        self._place(original)
            case WallViewChanged(view=view):
                self.pager.follow(view)
        self.refresh()

    def totals(self) -> list[str]:
        return [texts.count(self.counts[kind], texts.KIND_COUNT_FORMS[kind]) for kind in self.kinds]

    def refresh(self) -> None:
        self.empty.set_visibility(not self.placed)

    def section_for(self, contribution: Contribution) -> WallSection:
        raise NotImplementedError

    def _place(self, contribution: Contribution) -> None:
        section = self.section_for(contribution)
        previous = self.placed.get(contribution.id)
        if previous is not None and previous is not section:
            self._remove(contribution.id)  # the facilitator moved it to another theme
        if contribution.id not in self.placed:
            self.counts[contribution.kind] += 1
        self.placed[contribution.id] = section
        section.columns[contribution.kind].put(contribution)
        section.refresh_counts()
        if contribution.id == self.newest:
            section.columns[contribution.kind].highlight(contribution.id, True)

    def _remove(self, contribution_id: int) -> None:
        section = self.placed.pop(contribution_id, None)
        if section is None:
            return
        for kind, column in section.columns.items():
            if contribution_id in column.cards:
                column.drop(contribution_id)
                self.counts[kind] -= 1
        section.refresh_counts()

    def _mark_newest(self, contribution: Contribution) -> None:
        previous = self.placed.get(self.newest) if self.newest is not None else None
        if previous is not None and self.newest is not None:
            for column in previous.columns.values():
                column.highlight(self.newest, False)
        self.newest = contribution.id
        self.placed[contribution.id].columns[contribution.kind].highlight(contribution.id, True)


class EtatDesLieuxWall(Wall):
    """Phase 1: a section per theme (in the démarche's order), difficultés and ressources side by side."""

    kinds = WALL_KINDS
    phase = PhaseKey.ETAT_DES_LIEUX

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.sections: dict[str, WallSection] = {}
        self.empty = ui.label(texts.PROJECTION_EMPTY).classes("status")
        with Pager(session.wall) as self.pager:
            self.box = ui.column().classes("w-full gap-2")
        self.fill()

    def section_for(self, contribution: Contribution) -> WallSection:
        theme = contribution.theme
        if theme not in self.sections:
            with self.box:
                self.sections[theme] = WallSection(theme, theme, WALL_KINDS, _meta)
            order = [t for t in self.session.themes if t in self.sections]
            order += sorted(t for t in self.sections if t not in order)  # a theme since removed from the list
            self.sections[theme].box.move(self.box, target_index=order.index(theme))
        return self.sections[theme]


def _meta(contribution: Contribution) -> str:
    return contribution_meta(contribution)


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
        with Pager(session.wall) as self.pager:
            self.section = WallSection(TESTIMONIES_KEY, texts.PHASE_LABELS[PhaseKey.TEMOIGNAGES], TESTIMONY_KINDS,
                                       self._signature)
        self._show_speaker()
        self.fill()

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, WitnessesChanged):
            self._show_speaker()
        super().on_event(event)

    def section_for(self, contribution: Contribution) -> WallSection:
        return self.section

    def _signature(self, contribution: Contribution) -> str:
        """« Mission Locale · Mobilité · 2 personnes la partagent »; an élu who gave no name shows only the commune."""
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


class TopSharedScreen:
    """« Les plus partagées »: the contributions of the phase that most people share, each saying how many."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.phase = shown_phase(session)
        ui.label(texts.TOP_SHARED_TITLE).classes("theme-name").mark("top-shared-title")
        self.empty = ui.label(texts.TOP_SHARED_EMPTY).classes("status")
        self.list = CardList(_no_card_buttons).classes("top-shared").mark("top-shared")
        self.show()

    def on_event(self, event: DomainEvent) -> None:
        if isinstance(event, ContributionAdded | ContributionChanged | ContributionDeleted | ContributionsMerged
                      | ContributionsUnmerged):
            self.show()

    def totals(self) -> list[str]:
        return []

    def show(self) -> None:
        top = most_shared(self.session.visible_contributions(self.phase))
        self.list.set(items=[{"id": c.id, "kind": c.kind.value, "text": c.text, "buttons": [],
                              "meta": " · ".join([contribution_meta(c, with_theme=True)])} for c in top])
        self.empty.set_visibility(not top)


def _no_card_buttons(cid: int, key: str) -> None:
    """The most shared have none: the room shares from its phones."""
