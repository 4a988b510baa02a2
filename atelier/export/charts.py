"""Charts for the restitution document, drawn with matplotlib into PNG bytes at print resolution.

The object API with an Agg canvas (no pyplot) keeps no global state, so exports may run in threads.
matplotlib ships its own fonts (DejaVu Sans): accents render the same on every machine, offline.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

from atelier import texts
from atelier.domain.analysis import GapRow

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DPI = 200
WIDTH_INCHES = 6.3  # the text width of an A4 page with 2.5 cm margins
NEEDS_COLOUR = "#b8472f"
RESOURCES_COLOUR = "#2f6b9a"
VOTES_COLOUR = "#1f4e79"  # the template's accent colour
LABEL_WIDTH = 30  # characters per line of a theme's name beside its bars
VOTE_LABEL_WIDTH = 48  # characters per line of a proposal beside its bar
VOTE_LABEL_LINES = 2  # a longer proposal ends in « … » (the table above gives it whole)
MAX_HEIGHT_INCHES = 8.5  # with its caption, the chart stays on one A4 page


def gap_chart_png(gaps: list[GapRow]) -> bytes:
    """Horizontal bars per theme, needs beside resources, the largest gap on top."""
    figure, axes = _figure(1.2 + 0.4 * len(gaps))
    rows = range(len(gaps))
    axes.barh([r - 0.2 for r in rows], [g.need for g in gaps], height=0.4, color=NEEDS_COLOUR,
              label=texts.GAP_CHART_NEEDS)
    axes.barh([r + 0.2 for r in rows], [g.resources for g in gaps], height=0.4, color=RESOURCES_COLOUR,
              label=texts.GAP_CHART_RESOURCES)
    _rows(axes, [textwrap.fill(g.key, LABEL_WIDTH) for g in gaps], texts.GAP_CHART_AXIS)
    # Above the bars, never over them, whatever the number of themes.
    axes.legend(fontsize=8, loc="lower left", bbox_to_anchor=(0, 1.01), ncol=2, frameon=False)
    return _png(figure)


def vote_chart_png(labels: list[str], points: list[int]) -> bytes:
    """One bar per proposal in the order given (the first on top), its points written at the bar's end."""
    wrapped = [textwrap.fill(label, VOTE_LABEL_WIDTH, max_lines=VOTE_LABEL_LINES, placeholder=" …")
               for label in labels]
    label_lines = sum(label.count("\n") + 1 for label in wrapped)
    figure, axes = _figure(min(0.9 + 0.16 * label_lines + 0.18 * len(labels), MAX_HEIGHT_INCHES))
    bars = axes.barh(range(len(labels)), points, height=0.6, color=VOTES_COLOUR)
    axes.bar_label(bars, padding=3, fontsize=8)
    _rows(axes, wrapped, texts.VOTE_CHART_AXIS)
    axes.margins(x=0.08)  # room for the figure after the longest bar
    return _png(figure)


def _figure(height: float) -> tuple[Figure, Axes]:
    # Imported here: matplotlib takes a moment to load, and only the DOCX export needs it.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure, figure.subplots()


def _rows(axes: Axes, labels: list[str], value_label: str) -> None:
    """Labels down the left, first row on top, whole numbers along the bottom, no box."""
    from matplotlib.ticker import MaxNLocator

    axes.set_yticks(list(range(len(labels))), labels=labels, fontsize=8)
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(value_label, fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)


def _png(figure: Figure) -> bytes:
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, bbox_inches="tight")
    return out.getvalue()
