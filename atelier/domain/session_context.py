"""What the facilitator tells about the territory and the démarche, for the restitution document.

Département, population (and its year), history, seat, the document's author and the facilitator's analysis
(« Commentaires et enjeux majeurs »). All optional: the document leaves out what is not given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from atelier.domain import validation as v
from atelier.domain.errors import InvalidInput

MAX_POPULATION = 20_000_000  # well above the largest French intercommunality
FIRST_YEAR = 1900
MAX_HISTORY = 3000
MAX_ANALYSIS = 10_000
MAX_AUTHOR = 120
MAX_SEAT = 120
MAX_DEPARTMENT = 80

# « 40 239 », « 40 239 » (no-break spaces): how a French number is typed or pasted.
_DIGIT_GROUPS = re.compile(r"[\s\u00a0\u202f]")


@dataclass(frozen=True)
class SessionContext:
    population: int | None = None
    population_year: int | None = None
    history: str = ""
    seat: str = ""
    author: str = ""
    analysis: str = ""
    department: str = ""  # « Nord (59) », or two: « Nord (59) et Pas-de-Calais (62) »


def checked_context(*, population: int | str | None, population_year: int | str | None, history: str | None,
                    seat: str | None, author: str | None, analysis: str | None, today: date,
                    department: str | None = None) -> SessionContext:
    """Validate what the console sent; raise `InvalidInput` (French message) on the first bad field."""
    count = _whole_number(population, "population", 1, MAX_POPULATION)
    year = _whole_number(population_year, "population_year", FIRST_YEAR, today.year)
    if year is not None and count is None:
        raise InvalidInput("year_without_population")
    return SessionContext(
        population=count,
        population_year=year,
        history=v.clean_optional_text(history, field="history", max_length=MAX_HISTORY),
        seat=v.clean_line(seat, field="seat", max_length=MAX_SEAT),
        author=v.clean_line(author, field="author", max_length=MAX_AUTHOR),
        analysis=v.clean_optional_text(analysis, field="analysis", max_length=MAX_ANALYSIS),
        department=v.clean_line(department, field="department", max_length=MAX_DEPARTMENT),
    )


def _whole_number(value: int | str | None, error: str, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):  # bool is an int subclass; a checkbox value is never a population
        raise InvalidInput(error, min=low, max=high)
    try:
        number = value if isinstance(value, int) else int(_DIGIT_GROUPS.sub("", value))
    except ValueError:
        raise InvalidInput(error, min=low, max=high) from None
    if not low <= number <= high:
        raise InvalidInput(error, min=low, max=high)
    return number


def context_record(context: SessionContext) -> dict[str, Any]:
    return {
        "population": context.population,
        "population_year": context.population_year,
        "history": context.history,
        "seat": context.seat,
        "author": context.author,
        "analysis": context.analysis,
        "department": context.department,
    }


def context_from_record(raw: dict[str, Any] | None) -> SessionContext:
    """Records written before these fields existed have no "context": they read as empty."""
    raw = raw or {}
    return SessionContext(
        population=raw.get("population"),
        population_year=raw.get("population_year"),
        history=raw.get("history", ""),
        seat=raw.get("seat", ""),
        author=raw.get("author", ""),
        analysis=raw.get("analysis", ""),
        department=raw.get("department", ""),
    )
