"""The gap map on the analysis screen: needs weighted by risk against the offer, per theme and per commune.

The counts come from a `GapTally` the screen keeps up to date one contribution at a time; a refresh
only rewrites the cells whose numbers changed and moves the rows whose rank changed. A row where the
needs outweigh the offer is coloured *and* says so in words, so colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui
from nicegui.elements.mixins.text_element import TextElement

from atelier import texts
from atelier.domain.analysis import GapRow, GapTally
from atelier.pages.widgets import heading


class GapLine:
    def __init__(self, body: ui.element, label: str, mark: str) -> None:
        with body, ui.element("tr").mark(mark) as self.tr:
            self.cells = [TextElement(tag="td", text=label)]
            self.cells += [TextElement(tag="td", text="") for _ in texts.GAP_COLUMNS]

    def show(self, row: GapRow) -> None:
        if row.needs_outweigh_offer:
            reading = texts.GAP_ALERT
        else:
            reading = texts.GAP_BALANCED if row.need or row.offer else texts.GAP_NOTHING
        gap = f"{row.gap:+d}" if row.gap else "0"
        values = [row.difficulties, row.need, row.offer, row.recommendations, gap, reading]
        for cell, value in zip(self.cells[1:], values, strict=True):
            cell.set_text(str(value))
        self.tr.classes(add="gap-alert") if row.needs_outweigh_offer else self.tr.classes(remove="gap-alert")


class GapTable:
    """One table: per theme or per commune."""

    def __init__(self, tally: GapTally, *, title: str, key_header: str, what: str,
                 label_of: Callable[[str], str], mark: str) -> None:
        self.tally, self.what, self.label_of, self.mark = tally, what, label_of, mark
        self.lines: dict[str, GapLine] = {}
        with ui.column().classes("gap-1 min-w-0"):
            heading(title, 3)
            self.flagged = ui.label().classes("font-bold").mark(f"{mark}-flagged")
            with ui.element("table").classes("gap-table"):
                with ui.element("thead"), ui.element("tr"):
                    for header in (key_header, *texts.GAP_COLUMNS):
                        TextElement(tag="th", text=header)
                self.body = ui.element("tbody")
        self.refresh()

    def refresh(self) -> None:
        rows = self.tally.rows()
        for row in rows:
            line = self.lines.get(row.key)
            if line is None:
                line = self.lines[row.key] = GapLine(self.body, self.label_of(row.key), f"{self.mark}-row")
            line.show(row)
        for key in set(self.lines) - {row.key for row in rows}:
            self.lines.pop(key).tr.delete()
        self._reorder([self.lines[row.key].tr for row in rows])
        flagged = [self.label_of(row.key) for row in rows if row.needs_outweigh_offer]
        self.flagged.set_text(texts.GAP_FLAGGED.format(keys=", ".join(flagged)) if flagged
                              else texts.GAP_NONE_FLAGGED.format(what=self.what))
        self.flagged.classes(add="gap-alert-text") if flagged else self.flagged.classes(remove="gap-alert-text")

    def _reorder(self, order: list[ui.element]) -> None:
        """Move only the rows whose rank changed (most refreshes move none)."""
        current = list(self.body.default_slot.children)
        for index, tr in enumerate(order):
            if current[index] is not tr:
                tr.move(self.body, target_index=index)
                current.remove(tr)
                current.insert(index, tr)


class GapMap:
    def __init__(self, themes: GapTally, communes: GapTally) -> None:
        with ui.row().classes("w-full gap-6 items-start"):
            self.tables = [
                GapTable(themes, title=texts.GAP_BY_THEME, key_header=texts.GAP_KEY_THEME,
                         what=texts.GAP_WHAT_THEME, label_of=str, mark="gap-theme"),
                GapTable(communes, title=texts.GAP_BY_COMMUNE, key_header=texts.GAP_KEY_COMMUNE,
                         what=texts.GAP_WHAT_COMMUNE, label_of=lambda key: key or texts.WHOLE_TERRITORY,
                         mark="gap-commune"),
            ]

    def refresh(self) -> None:
        for table in self.tables:
            table.refresh()
