"""Charts for the restitution document, drawn with matplotlib into PNG bytes at print resolution.

The object API with an Agg canvas (no pyplot) keeps no global state, so exports may run in threads.
matplotlib ships its own fonts (DejaVu Sans): accents render the same on every machine, offline.
"""

from __future__ import annotations

import io
import textwrap

from atelier import texts
from atelier.export.analysis import ThemeGap

DPI = 200
WIDTH_INCHES = 6.3  # the text width of an A4 page with 2.5 cm margins
NEEDS_COLOUR = "#b8472f"
RESOURCES_COLOUR = "#2f6b9a"
LABEL_WIDTH = 30  # characters per line of a theme's name beside its bars


def gap_chart_png(gaps: list[ThemeGap]) -> bytes:
    """Horizontal bars per theme, needs beside resources, the largest gap on top."""
    # Imported here: matplotlib takes a moment to load, and only the DOCX export needs it.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(WIDTH_INCHES, 1.2 + 0.4 * len(gaps)), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.subplots()
    rows = range(len(gaps))
    axes.barh([r - 0.2 for r in rows], [g.weighted_needs for g in gaps], height=0.4, color=NEEDS_COLOUR,
              label=texts.GAP_CHART_NEEDS)
    axes.barh([r + 0.2 for r in rows], [g.resources for g in gaps], height=0.4, color=RESOURCES_COLOUR,
              label=texts.GAP_CHART_RESOURCES)
    axes.set_yticks(list(rows), labels=[textwrap.fill(g.theme, LABEL_WIDTH) for g in gaps], fontsize=8)
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(texts.GAP_CHART_AXIS, fontsize=9)
    # Above the bars, never over them, whatever the number of themes.
    axes.legend(fontsize=8, loc="lower left", bbox_to_anchor=(0, 1.01), ncol=2, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, bbox_inches="tight")
    return out.getvalue()
