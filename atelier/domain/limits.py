"""Every limit the domain enforces, in one place for the pages' fields (`maxlength`, counters).

The domain refuses what goes past them whatever a page says; the pages show them so that nobody
types 300 characters to be told the limit is 120.
"""

from atelier.domain.axes import MAX_AXES, MAX_DEADLINE, MAX_DETAILS, MAX_LINE, MAX_LINES, MAX_LONG_TEXT, MAX_TITLE
from atelier.domain.comments import MAX_COMMENT, MAX_COMMENTS_PER_PARTICIPANT
from atelier.domain.session import MAX_CONTRIBUTIONS_PER_PHASE
from atelier.domain.session_context import (
    MAX_ANALYSIS,
    MAX_AUTHOR,
    MAX_DEPARTMENT,
    MAX_HISTORY,
    MAX_POPULATION,
    MAX_SEAT,
)
from atelier.domain.testimony import MAX_STRUCTURES
from atelier.domain.timer import MAX_LABEL as MAX_TIMER_LABEL
from atelier.domain.timer import MAX_MINUTES
from atelier.domain.validation import (
    MAX_COMMUNES,
    MAX_LIST_ITEM,
    MAX_NAME,
    MAX_STRUCTURE,
    MAX_TERRITORY,
    MAX_TEXT,
    MAX_THEMES,
)
from atelier.domain.votes import MAX_BUDGET

YEAR_DIGITS = 4

__all__ = [
    "MAX_ANALYSIS", "MAX_AUTHOR", "MAX_AXES", "MAX_BUDGET", "MAX_COMMENT", "MAX_COMMENTS_PER_PARTICIPANT",
    "MAX_COMMUNES", "MAX_CONTRIBUTIONS_PER_PHASE", "MAX_DEADLINE", "MAX_DEPARTMENT", "MAX_DETAILS", "MAX_HISTORY",
    "MAX_LINE", "MAX_LINES", "MAX_LIST_ITEM", "MAX_LONG_TEXT", "MAX_MINUTES", "MAX_NAME", "MAX_POPULATION", "MAX_SEAT",
    "MAX_STRUCTURE", "MAX_STRUCTURES", "MAX_TERRITORY", "MAX_TEXT", "MAX_THEMES", "MAX_TIMER_LABEL", "MAX_TITLE",
    "YEAR_DIGITS",
]
