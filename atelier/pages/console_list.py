"""The console's live list of contributions: filter, hide, restore, correct.

A new contribution adds one row; a change updates one row. Long lists are drawn a page at a time.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from nicegui import ui
from nicegui.events import ValueChangeEventArguments

from atelier import live, texts
from atelier.context import Atelier
from atelier.domain.analysis import ContributionFilter
from atelier.domain.changes import ModerateEdit, SetHidden
from atelier.domain.events import (
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ContributionsMerged,
    ContributionsUnmerged,
    DomainEvent,
)
from atelier.domain.model import Contribution, ContributionKind
from atelier.domain.session import Session
from atelier.pages.contribution_fields import ContributionFields, who
from atelier.pages.drawn import ContributionCard, button
from atelier.pages.frame import attempt
from atelier.pages.widgets import (
    ALL,
    HIDDEN,
    NONE_OPTION,
    VISIBLE,
    contribution_meta,
    criterion,
    heading,
    held_reasons,
    select,
)

ROWS_PAGE = 50
HIDE, EDIT = "hide", "edit"


class ConsoleRow:
    """One contribution as the console lists it: one element the browser draws (a busy room posts
    hundreds a minute), with « Masquer » / « Rétablir » and « Corriger »."""

    def __init__(self, owner: ContributionList, contribution: Contribution) -> None:
        self.owner = owner
        self.contribution = contribution
        self.box = ContributionCard(self._tapped).classes("console-row w-full").mark(f"row-{contribution.id}")
        self.update(contribution)

    def update(self, contribution: Contribution) -> None:
        self.contribution = contribution
        session = self.owner.session
        author = session.participants.get(contribution.author_id)
        title = f"n° {contribution.id} · {texts.KIND_LABELS[contribution.kind]}"
        if contribution.hidden:
            title += f" · {texts.CONSOLE_HIDDEN_TAG}"
        if contribution.held:
            title += " · " + texts.CONSOLE_HELD_TAG.format(reasons=held_reasons(contribution))
        if contribution.merged_from:
            title += f" · {texts.CONSOLE_MERGED_FROM_TAG.format(ids=' et '.join(map(str, contribution.merged_from)))}"
        if contribution.merged_into is not None:
            title += f" · {texts.CONSOLE_MERGED_INTO_TAG.format(id=contribution.merged_into)}"
        by = texts.CONSOLE_BY.format(who=who(author)) if author else ""
        buttons = [button(EDIT, texts.CONSOLE_EDIT)]
        if contribution.merged_into is None:  # a merged original is out of every list
            buttons.insert(0, button(HIDE, texts.CONSOLE_RESTORE if contribution.hidden else texts.CONSOLE_HIDE))
        self.box.set(title=title, text=contribution.text, side=True, buttons=buttons,
                     meta=" · ".join(filter(None, [contribution_meta(contribution, with_theme=True), by])),
                     textClass="" if contribution.is_visible else "row-hidden")
        self.owner.show_if_accepted(self)

    async def _tapped(self, key: str) -> None:
        if key == HIDE:
            await self.toggle_hidden()
        else:
            self.edit()

    async def toggle_hidden(self) -> None:
        owner = self.owner
        await attempt(lambda: owner.atelier.service.apply(owner.session.code, SetHidden(self.contribution.id,
                                                               not self.contribution.hidden)))

    def edit(self) -> None:
        owner = self.owner
        with ui.dialog() as dialog, ui.card().classes("w-full gap-3"):
            heading(texts.CONSOLE_EDIT_TITLE.format(id=self.contribution.id), 2)
            fields = ContributionFields(owner.session, self.contribution.kind, prefix="moderate-")
            fields.fill(self.contribution)
            error = ui.label().classes("text-red-700 font-bold")
            error.set_visibility(False)

            async def save() -> None:
                if await attempt(lambda: owner.atelier.service.apply(
                        owner.session.code, ModerateEdit(self.contribution.id, **fields.values())), error) is not None:
                    dialog.close()

            with ui.row().classes("w-full justify-end"):
                ui.button(texts.PHONE_CANCEL, on_click=dialog.close).props("flat no-caps")
                ui.button(texts.PHONE_SAVE, on_click=save).props("no-caps").mark("moderate-save")
        dialog.on("hide", dialog.delete)
        dialog.open()


class ContributionList:
    """The newest contributions the filters let through, a page at a time.

    However many the session holds (5,000 in a big soirée), the console draws at most `limit` rows:
    a post adds one row at the top and, past the limit, drops the oldest drawn one. The counts are
    kept as posts arrive, so a post costs the same whatever the size of the session.
    """

    def __init__(self, atelier: Atelier, session: Session) -> None:
        self.atelier, self.session = atelier, session
        self.filters = ContributionFilter()
        self.rows: dict[int, ConsoleRow] = {}  # the rows drawn, by contribution id
        self.shown: set[int] = set()  # ids of every contribution the filters let through, drawn or not
        self.limit = ROWS_PAGE
        with ui.card().classes("w-full gap-2").props("id=contributions"):
            heading(texts.CONSOLE_CONTRIBUTIONS, 2)
            with ui.row().classes("w-full gap-2"):
                self._filter("kind", texts.CONSOLE_FILTER_KIND,
                             {k.value: texts.KIND_LABELS_PLURAL[k] for k in ContributionKind})
                self._filter("theme", texts.CONSOLE_FILTER_THEME, {t: t for t in session.themes})
                self._filter("commune", texts.CONSOLE_FILTER_COMMUNE,
                             {NONE_OPTION: texts.WHOLE_TERRITORY, **{c: c for c in session.communes}})
                self._filter("visible", texts.CONSOLE_FILTER_STATE,
                             {VISIBLE: texts.CONSOLE_STATE_VISIBLE, HIDDEN: texts.CONSOLE_STATE_HIDDEN})
            self.count = ui.label().mark("count")
            self.box = ui.column().classes("w-full gap-2")
            self.more = ui.button(on_click=self.show_more).props("outline no-caps").mark("console-more")
        self.apply_filters()
        atelier.hub.subscribe(live.wall(session.code), self.on_event)

    def _filter(self, name: str, label: str, options: dict[str, str]) -> None:
        options = {ALL: texts.CONSOLE_ALL, **options}

        def changed(event: ValueChangeEventArguments[Any]) -> None:
            self.filters = replace(self.filters, **{name: criterion(name, event.value)})
            self.limit = ROWS_PAGE
            self.apply_filters()

        select(options, value=ALL, label=label, on_change=changed, props="outlined dense",
               classes="min-w-[12rem]", marker=f"filter-{name}")

    def apply_filters(self) -> None:
        """Count what the filters let through, and draw the newest `limit` of them."""
        self.shown = {c.id for c in self.session.contributions.values() if self.filters.accepts(c)}
        self.box.clear()
        self.rows.clear()
        for contribution_id in sorted(self.shown, reverse=True)[:self.limit]:
            with self.box:
                self.rows[contribution_id] = ConsoleRow(self, self.session.contributions[contribution_id])
        self._refresh_count()

    def show_more(self) -> None:
        self.limit += ROWS_PAGE
        self.apply_filters()

    def show_if_accepted(self, row: ConsoleRow) -> None:
        accepted = self.filters.accepts(row.contribution)
        row.box.set_visibility(accepted)
        (self.shown.add if accepted else self.shown.discard)(row.contribution.id)

    def on_event(self, event: DomainEvent) -> None:
        match event:
            case ContributionAdded(contribution=c):
                self._add(c)
            case ContributionChanged(contribution=c):
                self._changed(c)
            case ContributionDeleted(contribution=c):
                if c.id in self.rows:
                    self.rows.pop(c.id).box.delete()
                self.shown.discard(c.id)
            case ContributionsMerged(result=result, originals=originals):
                for original in originals:
                    self._changed(original)
                self._add(result)
            case ContributionsUnmerged(result_id=result_id, originals=originals):
                if result_id in self.rows:
                    self.rows.pop(result_id).box.delete()
                self.shown.discard(result_id)
                for original in originals:
                    self._changed(original)
            case _:
                return
        self._refresh_count()

    def _changed(self, contribution: Contribution) -> None:
        if contribution.id in self.rows:
            self.rows[contribution.id].update(contribution)  # stays drawn, hidden if the filters refuse it now
        elif self.filters.accepts(contribution):
            self.shown.add(contribution.id)  # counted; drawn when the facilitator asks for more
        else:
            self.shown.discard(contribution.id)

    def _add(self, contribution: Contribution) -> None:
        if contribution.id in self.rows:  # a page built between the change and its announcement
            self.rows[contribution.id].update(contribution)
            return
        if not self.filters.accepts(contribution):
            return
        self.shown.add(contribution.id)
        with self.box:
            self.rows[contribution.id] = ConsoleRow(self, contribution)
        self.rows[contribution.id].box.move(self.box, target_index=0)
        if len(self.rows) > self.limit:
            self.rows.pop(min(self.rows)).box.delete()  # the oldest drawn row leaves the page

    def _refresh_count(self) -> None:
        self.count.set_text(texts.CONSOLE_COUNT.format(shown=len(self.shown), total=len(self.session.contributions)))
        left = len(self.shown) - len(self.rows)
        self.more.set_text(texts.CONSOLE_MORE.format(count=min(left, ROWS_PAGE)))
        self.more.set_visibility(left > 0)
