"""Results of a priority vote, drawn the same way on the projection and in the console.

The ranking (« Classement ») is live: a change of points touches its one bar, moves it if its rank
changed, and sets the scale on the list when the highest total changed. Bar widths are CSS
(`--points` on a bar, `--max` on the list), so the other bars are not sent again. The split views
(by role, by commune, « une commune, une voix ») are computed by the domain; they are drawn again
at most once a second while points arrive.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from fractions import Fraction

from nicegui import ui

from atelier import texts
from atelier.domain.axes import AxisBoard
from atelier.domain.events import PaperPointsChanged, PointsChanged
from atelier.domain.screens import item_text as line_text
from atelier.domain.session import Session
from atelier.domain.vote_results import (
    NO_COMMUNE,
    Score,
    VoterGroup,
    one_commune_one_voice,
    rank,
    ranked_totals,
    totals_by_commune,
    totals_by_role,
)
from atelier.domain.votes import PriorityVote, ResultsView
from atelier.pages.widgets import decimal

REDRAW_SECONDS = 1.0
TOP_PER_COMMUNE = 3
MANY_ITEMS = 10  # beyond this many bars, a tighter list still fits the projector's height


def item_text(board: AxisBoard, item_id: int) -> str:
    """A voted line's text, or a name for one removed since its vote closed."""
    return line_text(board, item_id) or texts.VOTE_ITEM_REMOVED


def points_text(points: int) -> str:
    return texts.count(points, texts.POINTS)


def voices_text(score: Score) -> str:
    return texts.VOICES.format(value=decimal(float(score)))


def _bars_classes(count: int) -> str:
    return "bars w-full many" if count > MANY_ITEMS else "bars w-full"


def _bar(text: str, value: str, points: Score, marker: str) -> tuple[ui.row, ui.label]:
    """A row whose background fills `points` out of the list's `--max`; returns it and its value label."""
    with ui.row().classes("bar pager-card no-wrap").style(f"--points: {float(points):g}").mark(marker) as bar:
        ui.element("div").classes("bar-fill")
        ui.label(text).classes("bar-text")
        value_label = ui.label(value).classes("bar-value")
    return bar, value_label


class RankedBars:
    """Every item of the vote, most points first; equal totals keep the board order."""

    def __init__(self, session: Session, vote: PriorityVote) -> None:
        self.vote = vote
        self.position = {item_id: index for index, item_id in enumerate(vote.items)}
        self.totals = vote.totals()
        self.order = sorted(vote.items, key=self._key)
        self.values: dict[int, ui.label] = {}
        self.bars: dict[int, ui.row] = {}
        with ui.column().classes(_bars_classes(len(vote.items))) as self.box:
            for item_id in self.order:
                self.bars[item_id], self.values[item_id] = _bar(
                    item_text(session.axes, item_id), points_text(self.totals[item_id]), self.totals[item_id],
                    f"bar-{item_id}")
        self.max = max(self.totals.values(), default=0)
        self.box.style(f"--max: {self.max}")

    def on_points(self, event: PointsChanged | PaperPointsChanged) -> None:
        item_id = event.item_id
        if item_id not in self.bars or self.totals[item_id] == event.item_total:
            return
        before = self.order.index(item_id)
        self.order.remove(item_id)
        self.totals[item_id] = event.item_total
        index = bisect.bisect_left([self._key(i) for i in self.order], self._key(item_id))
        self.order.insert(index, item_id)
        self.bars[item_id].style(f"--points: {event.item_total}")
        self.values[item_id].set_text(points_text(event.item_total))
        if index != before:
            self.bars[item_id].move(self.box, target_index=index)
        highest = max(self.totals.values())
        if highest != self.max:
            self.max = highest
            self.box.style(f"--max: {highest}")

    def _key(self, item_id: int) -> tuple[int, int]:
        return -self.totals[item_id], self.position[item_id]


def _scored_bars(session: Session, scores: Mapping[int, Score]) -> None:
    ranked = rank(scores)
    highest = max((float(r.score) for r in ranked), default=0.0)
    with ui.column().classes(_bars_classes(len(ranked))).style(f"--max: {highest:g}"):
        for item in ranked:
            label = voices_text(item.score) if isinstance(item.score, Fraction) else points_text(item.score)
            _bar(item_text(session.axes, item.item_id), label, item.score, f"bar-{item.item_id}")


def _role_view(session: Session, vote: PriorityVote) -> None:
    by_role = totals_by_role(vote, session.participants)
    ranked = ranked_totals(vote)
    highest = max((r.score for r in ranked), default=0)
    with ui.row().classes("legend gap-6"):
        for group in VoterGroup:
            ui.label(texts.VOTER_GROUP_LABELS[group]).classes(f"legend-item {group.value}")
    with ui.column().classes("bars w-full").style(f"--max: {highest}"):
        for item in ranked:
            with ui.column().classes("stack-row pager-card gap-1 w-full").mark(f"stack-{item.item_id}"):
                with ui.row().classes("w-full no-wrap justify-between gap-4"):
                    ui.label(item_text(session.axes, item.item_id)).classes("bar-text")
                    ui.label(points_text(int(item.score))).classes("bar-value")
                with ui.row().classes("stack no-wrap gap-0").style(f"--points: {item.score}"):
                    for group in VoterGroup:
                        points = by_role[group][item.item_id]
                        if points:
                            ui.label(f"{texts.VOTER_GROUP_LABELS[group]} {points}") \
                                .classes(f"segment {group.value}").style(f"flex-grow: {points}")


def _commune_view(session: Session, vote: PriorityVote) -> None:
    """Each commune that voted, with its own top items: « Fontenelle · 15 points », then 12 · Transport…"""
    by_commune = totals_by_commune(vote, session.participants)
    order = [c for c in session.communes if c in by_commune] + [c for c in by_commune if c not in session.communes]
    with ui.row().classes("communes w-full gap-3"):
        for commune in order:
            points = by_commune[commune]
            with ui.column().classes("commune-card pager-card gap-0").mark(f"commune-{commune or 'none'}"):
                with ui.row().classes("w-full no-wrap items-baseline justify-between gap-2"):
                    ui.label(commune if commune != NO_COMMUNE else texts.NO_COMMUNE_GROUP).classes("commune-name")
                    ui.label(points_text(sum(points.values()))).classes("commune-total")
                for item in rank(points)[:TOP_PER_COMMUNE]:
                    if item.score:
                        with ui.row().classes("w-full no-wrap items-baseline justify-between gap-2"):
                            ui.label(item_text(session.axes, item.item_id)).classes("commune-item")
                            ui.label(str(item.score)).classes("commune-points")


def _one_voice_view(session: Session, vote: PriorityVote) -> None:
    result = one_commune_one_voice(vote, session.participants)
    ui.label(texts.PROJECTION_ONE_VOICE_NOTE.format(communes=texts.count(result.communes, texts.COMMUNES_COUNT))) \
        .classes("results-note")
    _scored_bars(session, result.scores)
    without = sum(result.without_commune.values())
    if without:
        ui.label(texts.PROJECTION_WITHOUT_COMMUNE.format(points=points_text(without))).classes("results-note")


SPLIT_VIEWS = {
    ResultsView.BY_ROLE: _role_view,
    ResultsView.BY_COMMUNE: _commune_view,
    ResultsView.ONE_COMMUNE_ONE_VOICE: _one_voice_view,
}


class ResultsPanel:
    """One vote in one view; `on_points` is the only thing a page calls as points change."""

    def __init__(self, session: Session, vote: PriorityVote, view: ResultsView) -> None:
        self.session, self.vote, self.view = session, vote, view
        self.bars: RankedBars | None = None
        self.stale = False
        # A section of its own for the projection's pager (pages.js), which shows long results in pages.
        with ui.column().classes("results pager-section w-full gap-2").mark(f"results-{view.value}") as section:
            section.props["data-key"] = "results"
            if view is ResultsView.TOTAL:
                self.paper_note = ui.label().classes("results-note").mark("paper-note")
                self._show_paper()
                self.bars = RankedBars(session, vote)
            else:
                self.drawing = ui.column().classes("w-full gap-2")
                self._draw()
                ui.timer(REDRAW_SECONDS, self._redraw_if_stale)

    def on_points(self, event: PointsChanged | PaperPointsChanged) -> None:
        if event.vote_id != self.vote.id:
            return
        if self.bars is not None:
            self.bars.on_points(event)
            if isinstance(event, PaperPointsChanged):
                self._show_paper()
        else:
            self.stale = True

    def _show_paper(self) -> None:
        """« Dont 12 points sur papier ou à main levée »: the totals include them, the room is told."""
        paper = sum(self.vote.paper.values())
        self.paper_note.set_text(texts.PROJECTION_PAPER_NOTE.format(points=points_text(paper)))
        self.paper_note.set_visibility(paper > 0)

    def _redraw_if_stale(self) -> None:
        if self.stale:
            self.stale = False
            self._draw()

    def _draw(self) -> None:
        self.drawing.clear()
        with self.drawing:
            SPLIT_VIEWS[self.view](self.session, self.vote)
