"""`/f/{code}/analyse`: the facilitator reads phases 1 and 2 between soirées.

Every contribution is one row, built once. Filters only toggle rows; the counts beside each filter
choice, the totals and the gap map are tallies kept up to date one contribution at a time
(`analysis.FacetTally`, `GapTally`), so a live change touches the rows it concerns and a few labels,
never the whole list. Each filter's choices are counted under the *other* filters, so the numbers
say what choosing them would show.
"""

from __future__ import annotations

from dataclasses import replace

from nicegui import ui

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.analysis import NONE, ContributionFilter, FacetTally, GapTally, counts_in_analysis
from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisRemoved,
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ContributionsMerged,
    ContributionsUnmerged,
    DomainEvent,
    EvidenceChanged,
)
from atelier.domain.model import Contribution, ContributionKind, PhaseKey, kinds_of
from atelier.domain.removed import RemovedKind
from atelier.domain.session import Session
from atelier.pages.analysis_dialogs import open_merge_dialog
from atelier.pages.analysis_duplicates import DuplicatesCard
from atelier.pages.analysis_groups import GroupsCard
from atelier.pages.analysis_rows import AnalysisRow
from atelier.pages.frame import facilitator_screen
from atelier.pages.gap_map import GapMap
from atelier.pages.removed_list import RemovedList, UndoBar
from atelier.pages.widgets import ALL, NONE_OPTION, criterion, heading, screen_links

FACETS = ("phase", "kind", "theme", "commune", "structure")
ANALYSED_PHASES = tuple(phase for phase in PhaseKey if kinds_of(phase))  # the phases people post in


def register(atelier: Atelier) -> None:
    facilitator_screen(atelier, "/f/{code}/analyse", texts.ANALYSIS_TITLE, AnalysisScreen)


class AnalysisScreen:
    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.criteria = ContributionFilter()
        self.relaxed = {name: self.criteria for name in FACETS}  # the criteria without this facet's own
        self.unused_only = self.include_hidden = False
        self.rows: dict[int, AnalysisRow] = {}
        self.shown: set[int] = set()
        self.picked: list[int] = []
        self.by_axis: dict[int, set[int]] = {}  # axe id → rows that show it in « utilisée dans »
        self.structures = {c.structure for c in session.contributions.values() if c.structure}
        self.listed = FacetTally()  # counted rows under every filter
        self.per_facet = {name: FacetTally() for name in FACETS}  # … under every filter but this one
        self.gaps = (GapTally(lambda c: c.theme, session.themes),
                     GapTally(lambda c: c.commune or NONE, session.communes))
        heading(texts.ANALYSIS_HEADING, 1)
        ui.label(session.territory).classes("text-xl")
        screen_links(session.code, current="analyse")
        UndoBar(atelier, session, {RemovedKind.MERGE}, mark="undo-merge", sticky=True)
        with ui.card().classes("w-full gap-2").mark("gap-map"):
            heading(texts.GAP_HEADING, 2)
            ui.label(texts.GAP_HINT).classes("text-gray-700")
            self.gap_map = GapMap(*self.gaps)
        with ui.card().classes("w-full gap-3").mark("synthesis"):
            heading(texts.SYNTHESIS_HEADING, 2)
            ui.label(texts.SYNTHESIS_HINT).classes("text-gray-700")
            self.duplicates = DuplicatesCard(self)
            self.groups = GroupsCard(self)
        with ui.card().classes("w-full gap-2"):
            heading(texts.CONSOLE_CONTRIBUTIONS, 2)
            ui.label(texts.ANALYSIS_HINT).classes("text-gray-700")
            self.selects = self._filters()
            with ui.row().classes("w-full items-center gap-4"):
                ui.switch(texts.ANALYSIS_UNUSED_ONLY, on_change=lambda e: self._set_option("unused_only", e.value)) \
                    .mark("filter-unused")
                ui.switch(texts.ANALYSIS_COUNT_HIDDEN,
                          on_change=lambda e: self._set_option("include_hidden", e.value)).mark("count-hidden")
            self.count = ui.label().classes("text-lg font-bold").mark("analysis-count")
            self.kinds = ui.label().mark("analysis-kinds")
            with ui.row().classes("w-full items-center gap-2"):
                self.merge_status = ui.label().mark("merge-status")
                self.merge_button = ui.button(texts.ANALYSIS_MERGE_OPEN, on_click=self._open_merge) \
                    .props("no-caps").mark("merge-open")
            self.empty = ui.label(texts.ANALYSIS_EMPTY).classes("italic")
            self.box = ui.column().classes("w-full gap-2")
        RemovedList(atelier, session)
        for contribution in session.contributions.values():
            self._add(contribution)
        self._refresh_picks()
        self.refresh_counts()
        atelier.hub.subscribe(live.wall(session.code), self.on_wall)
        atelier.hub.subscribe(live.session(session.code), self.on_session)

    # --- Filters and counts ----------------------------------------------------------------
    def _filters(self) -> dict[str, ui.select]:
        labels = {"phase": texts.ANALYSIS_FILTER_PHASE, "kind": texts.CONSOLE_FILTER_KIND,
                  "theme": texts.CONSOLE_FILTER_THEME, "commune": texts.CONSOLE_FILTER_COMMUNE,
                  "structure": texts.ANALYSIS_FILTER_STRUCTURE}
        selects = {}
        with ui.row().classes("w-full gap-2"):
            for name in FACETS:
                selects[name] = ui.select({ALL: texts.CONSOLE_ALL}, value=ALL, label=labels[name],
                                          on_change=lambda e, n=name: self._set_filter(n, e.value)) \
                    .props("outlined dense").classes("min-w-[12rem]").mark(f"filter-{name}")
        return selects

    def _set_filter(self, name: str, value: str | None) -> None:
        criteria = replace(self.criteria, **{name: criterion(name, value)})
        if criteria != self.criteria:
            self.criteria = criteria
            self.relaxed = {n: replace(criteria, **{n: None}) for n in FACETS}
            self._recount()

    def _set_option(self, name: str, value: bool) -> None:
        setattr(self, name, bool(value))
        self._recount()

    def _recount(self) -> None:
        for row in self.rows.values():
            self.account(row)
        self.refresh_counts()

    def account(self, row: AnalysisRow) -> None:
        """Show or hide one row and count it in each tally where it belongs: O(1) per row."""
        c = row.contribution
        eligible = not self.unused_only or self.session.is_unused(c)
        shown = eligible and self.criteria.accepts(c)
        row.box.set_visibility(shown)
        (self.shown.add if shown else self.shown.discard)(c.id)
        counted = eligible and counts_in_analysis(c, include_hidden=self.include_hidden)
        _put(self.listed, c, counted and shown)
        for name in FACETS:
            _put(self.per_facet[name], c, counted and self.relaxed[name].accepts(c))
        for tally in self.gaps:
            _put(tally, c, c.is_visible)

    def refresh_counts(self) -> None:
        facets = self.listed.facets
        self.count.set_text(texts.ANALYSIS_COUNT.format(counted=facets.total, shown=len(self.shown),
                                                        total=len(self.rows)))
        self.kinds.set_text(" · ".join(texts.count(facets.by_kind[k], texts.KIND_COUNT_FORMS[k])
                                       for k in ContributionKind))
        self.empty.set_visibility(not self.shown)
        for name, select in self.selects.items():
            options = {ALL: texts.CONSOLE_ALL, **{key: texts.ANALYSIS_OPTION_COUNT.format(label=label, count=n)
                                                  for key, label, n in self._choices(name)}}
            if options != select.options:
                select.set_options(options, value=select.value)
        self.gap_map.refresh()

    def _choices(self, name: str) -> list[tuple[str, str, int]]:
        tally = self.per_facet[name]
        if name == "phase":
            return [(p.value, texts.PHASE_LABELS[p], tally.by_phase[p]) for p in ANALYSED_PHASES]
        if name == "kind":
            return [(k.value, texts.KIND_LABELS_PLURAL[k], tally.by_kind[k]) for k in ContributionKind]
        if name == "theme":
            return [(t, t, tally.by_theme[t]) for t in self.session.themes]
        if name == "commune":
            return [(NONE_OPTION, texts.WHOLE_TERRITORY, tally.by_commune[NONE]),
                    *((c, c, tally.by_commune[c]) for c in self.session.communes)]
        return [(NONE_OPTION, texts.ANALYSIS_NO_STRUCTURE, tally.by_structure[NONE]),
                *((s, s, tally.by_structure[s]) for s in sorted(self.structures, key=str.casefold))]

    # --- Live changes: each touches the rows it concerns -----------------------------------
    def on_wall(self, event: DomainEvent) -> None:
        match event:
            case ContributionAdded(contribution=c):
                self._add(c)
            case ContributionChanged(contribution=c) if c.id in self.rows:
                self._note_structure(c)
                self.rows[c.id].update(c)
            case ContributionDeleted(contribution=c) if c.id in self.rows:
                self._remove(c.id)
            case ContributionsMerged(result=result, originals=originals):
                for original in originals:
                    if original.id in self.rows:
                        self.rows[original.id].update(original)
                        self.rows[original.id].refresh_uses()  # its links moved to the result
                self._add(result)
            case ContributionsUnmerged(result_id=result_id, originals=originals):
                if result_id in self.rows:
                    self._remove(result_id)
                for original in originals:
                    if original.id in self.rows:
                        self.rows[original.id].update(original)
                        self.rows[original.id].refresh_uses()  # its links are back
            case EvidenceChanged(contribution_id=cid) if cid in self.rows:
                self.rows[cid].refresh_uses()
            case _:
                return
        self._refresh_picks()
        self.refresh_counts()

    def on_session(self, event: DomainEvent) -> None:
        """An axe renamed, or a line edited or removed (its links go too): the rows using it follow."""
        if isinstance(event, AxisChanged | AxisRemoved | AxesReordered):
            self.groups.refresh_targets()
        if isinstance(event, AxisChanged | AxisRemoved):
            linked = event.linked if isinstance(event, AxisChanged) else ()  # a suggested group accepted
            for cid in {*self.by_axis.get(event.axis.id, ()), *linked}:
                if cid in self.rows:
                    self.rows[cid].refresh_uses()
            self.refresh_counts()

    def index_uses(self, cid: int, before: set[int], after: set[int]) -> None:
        for axis_id in before - after:
            self.by_axis.get(axis_id, set()).discard(cid)
        for axis_id in after - before:
            self.by_axis.setdefault(axis_id, set()).add(cid)

    def _add(self, contribution: Contribution) -> None:
        if contribution.id in self.rows:  # a page built between the change and its announcement
            self.rows[contribution.id].update(contribution)
            return
        self._note_structure(contribution)
        with self.box:
            self.rows[contribution.id] = AnalysisRow(self, contribution)

    def _note_structure(self, contribution: Contribution) -> None:
        if contribution.structure:
            self.structures.add(contribution.structure)

    def _remove(self, cid: int) -> None:
        row = self.rows.pop(cid)
        self.index_uses(cid, row.axes, set())
        self.shown.discard(cid)
        self.listed.discard(cid)
        for tally in (*self.per_facet.values(), *self.gaps):
            tally.discard(cid)
        row.box.delete()

    # --- Merging ---------------------------------------------------------------------------
    def set_picked(self, cid: int, picked: bool) -> None:
        if cid in self.picked:
            self.picked.remove(cid)
        if picked:
            self.picked.append(cid)
            if len(self.picked) > 2:  # a third tick replaces the oldest
                self.rows[self.picked[0]].pick.value = False
        self._refresh_picks()

    def _refresh_picks(self) -> None:
        self.picked = [cid for cid in self.picked if cid in self.rows and self.rows[cid].contribution.is_visible]
        self.merge_status.set_text(texts.ANALYSIS_MERGE_PICKED.format(ids=" et ".join(map(str, self.picked)))
                                   if self.picked else texts.ANALYSIS_MERGE_NONE)
        self.merge_button.set_enabled(len(self.picked) == 2)

    def _open_merge(self) -> None:
        if len(self.picked) == 2:
            first, second = (self.rows[cid].contribution for cid in self.picked)
            open_merge_dialog(self.atelier, self.session, first, second, self.merged)

    def shown_contributions(self) -> list[Contribution]:
        """What the filters show and the lists count: « Synthèse assistée » works on these."""
        return [row.contribution for cid, row in self.rows.items()
                if cid in self.shown and row.contribution.is_visible]

    def merged(self, result: Contribution) -> None:
        for cid in [cid for cid in self.picked if cid in result.merged_from]:
            self.rows[cid].pick.value = False
        ui.notify(texts.ANALYSIS_MERGE_DONE.format(id=result.id), type="positive", position="top")


def _put(tally: FacetTally | GapTally, contribution: Contribution, counted: bool) -> None:
    tally.put(contribution) if counted else tally.discard(contribution.id)
