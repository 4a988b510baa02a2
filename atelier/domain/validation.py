"""Cleaning of untrusted text: everything a phone or a form sends passes through here."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import TypeVar

from atelier.domain.errors import InvalidInput

MAX_TEXT = 500
MAX_NAME = 60
MAX_STRUCTURE = 120
MAX_TERRITORY = 120
MAX_LIST_ITEM = 80
MAX_COMMUNES = 200
MAX_THEMES = 40

E = TypeVar("E", bound=StrEnum)

# What XML 1.0 (so a DOCX), a CSV cell or a terminal cannot hold, or holds only to show garbage:
# C0 and C1 controls but tab and newline, lone surrogates, and the noncharacters (U+FDD0 to U+FDEF and
# the last two code points of every plane, U+FFFE and U+FFFF among them).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                          + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                    for plane in range(17)) + "]")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(value: str | None, *, max_length: int = MAX_TEXT) -> str:
    """Required free text: trimmed, normalised, at most `max_length` characters."""
    text = _normalise(value)
    if not text:
        raise InvalidInput("text_required")
    if len(text) > max_length:
        raise InvalidInput("text_too_long", max=max_length, length=len(text))
    return text


def clean_line(value: str | None, *, field: str, max_length: int, required_error: str = "") -> str:
    """A one-line field; empty is allowed unless `required_error` is given."""
    line = " ".join(_normalise(value).split())
    if not line and required_error:
        raise InvalidInput(required_error)
    if len(line) > max_length:
        raise InvalidInput("field_too_long", field=field, max=max_length)
    return line


def clean_optional_text(value: str | None, *, field: str, max_length: int) -> str:
    """Optional free text over several lines (paragraphs kept); empty is allowed."""
    text = _normalise(value)
    if len(text) > max_length:
        raise InvalidInput("field_too_long", field=field, max=max_length)
    return text


def clean_lines(value: str | list[str], *, field: str, max_items: int, required_error: str) -> list[str]:
    """A list typed one item per line: blank lines dropped, duplicates refused."""
    raw = value.splitlines() if isinstance(value, str) else value
    items = [clean_line(item, field=field, max_length=MAX_LIST_ITEM) for item in raw]
    items = [item for item in items if item]
    if not items:
        raise InvalidInput(required_error)
    if len(items) > max_items:
        raise InvalidInput("too_many", field=field, max=max_items)
    seen: set[str] = set()
    for item in items:
        key = item.casefold()
        if key in seen:
            raise InvalidInput("duplicate", value=item, field=field)
        seen.add(key)
    return items


def printable(text: str) -> str:
    """`text` without what an export cannot hold (see `_UNPRINTABLE`); tabs and newlines stay."""
    if text.isprintable():  # C's check, and none of those characters is printable: most texts stop here
        return text
    return _UNPRINTABLE.sub("", text)


def _normalise(value: str | None) -> str:
    if not isinstance(value, str | None):  # a forged form sends a number, a list…: never stored as text
        raise InvalidInput("text_required")
    text = printable((value or "").replace("\r\n", "\n").replace("\r", "\n"))  # before NFC: no surrogate
    text = unicodedata.normalize("NFC", text.replace("\t", " "))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def choice(enum: type[E], value: E | str | None, error: str) -> E:
    """A value picked from a fixed list; anything else (forged forms included) is refused."""
    try:
        return enum(value or "")
    except ValueError:
        raise InvalidInput(error) from None
