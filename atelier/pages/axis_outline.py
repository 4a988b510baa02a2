"""An axe as the fiche lays it out, for the browser to draw: the phone's summary and the projection.

`outline_sections` gives « Les enjeux », « Les orientations » (each orientation with its pistes one
level in, a piste's sub-lines one more) and « Pistes d'actions » for those directly under the axe.
Both views receive it as one property and draw it with {{ }} (as text, never as HTML), so presenting
an axe costs one element update per screen, however long the axe.
"""

from __future__ import annotations

from typing import Any

from nicegui import ui

from atelier import texts
from atelier.domain.axes import Axis, AxisSection, Piste


def outline_sections(axis: Axis) -> list[dict[str, Any]]:
    """[{"label", "lines": [{"text", "level"}]}], empty sections left out."""
    sections = []
    if axis.enjeux:
        sections.append(_section(AxisSection.ENJEUX, [(line.text, 1) for line in axis.enjeux]))
    orientations, loose = [], []
    for orientation, pistes in axis.outline():
        if orientation is None:
            loose = _pistes(pistes, 1)
        else:
            orientations += [(orientation.text, 1), *_pistes(pistes, 2)]
    if orientations:
        sections.append(_section(AxisSection.ORIENTATIONS, orientations))
    if loose:
        sections.append(_section(AxisSection.PISTES, loose))
    return sections


def _pistes(pistes: list[Piste], level: int) -> list[tuple[str, int]]:
    return [line for piste in pistes for line in [(piste.text, level), *((d, level + 1) for d in piste.details)]]


def _section(section: AxisSection, lines: list[tuple[str, int]]) -> dict[str, Any]:
    return {"label": texts.AXIS_SECTION_LABELS[section], "lines": [{"text": t, "level": n} for t, n in lines]}


def written(sections: list[dict[str, Any]]) -> list[str]:
    """Every line as the browser writes it, section titles included (what a test reads)."""
    marks = {1: "• ", 2: "\u2013 ", 3: "· "}  # an en dash for the pistes
    return [text for s in sections
            for text in (s["label"], *(marks[line["level"]] + line["text"] for line in s["lines"]))]


class AxisLines(ui.element, component="axis_lines.js"):
    """The phone's summary of the presented axe."""

    def __init__(self) -> None:
        super().__init__()
        self._props["sections"] = []

    def show(self, axis: Axis) -> None:
        self._props["sections"] = outline_sections(axis)
        self.update()

    @property
    def shown(self) -> list[str]:
        return written(self._props["sections"])


class AxisPages(ui.element, component="axis_pages.js"):
    """The projection's presented axe: the font shrinks to fit, down to a floor, then the lines page
    (« 1/2 ») by themselves and when the facilitator turns a page. The browser measures; the server
    only says which page turn it is at."""

    def __init__(self, axis: Axis, page: int) -> None:
        super().__init__()
        self._props.update(sections=outline_sections(axis), page=page, interval=PAGE_SECONDS * 1000)

    def turn_to(self, page: int) -> None:
        self._props["page"] = page
        self.update()

    @property
    def shown(self) -> list[str]:
        return written(self._props["sections"])


PAGE_SECONDS = 25  # a page of a long axe stays this long before the next one, unless the facilitator turns it
