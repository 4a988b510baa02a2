"""French formats that must not depend on the machine's locale (a laptop may run in English)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from atelier import texts

# Letters NFKD does not split into a base letter and an accent.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


def french_date(day: date) -> str:
    """« 14 mars 2018 », « 1er avril 2017 »."""
    number = texts.FIRST_OF_MONTH if day.day == 1 else str(day.day)
    return f"{number} {texts.MONTHS[day.month - 1]} {day.year}"


def french_date_range(days: list[date]) -> str:
    """From the first day to the last, joined by an en dash; one date when all are the same day."""
    first, last = min(days), max(days)
    if first == last:
        return french_date(first)
    return texts.DATE_RANGE.format(first=french_date(first), last=french_date(last))


def french_moment(moment: datetime) -> str:
    """« 1er décembre 2026 à 20 h 05 », in the server's local time."""
    local = moment.astimezone()
    return f"{french_date(local.date())} à {local.hour} h {local.minute:02d}"


def french_number(number: int) -> str:
    """« 40 239 »: thousands grouped by a no-break space, so a number never splits across lines."""
    return f"{number:,}".replace(",", "\u00a0")


def french_decimal(number: float, digits: int = 2) -> str:
    """« 0,75 »: a decimal comma, whatever the machine's locale."""
    return f"{number:.{digits}f}".replace(".", ",")


def ascii_slug(text: str, fallback: str = "demarche") -> str:
    """« Communauté de communes du Cœur d'Ardenne » → « communaute-de-communes-du-coeur-d-ardenne »."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or fallback
