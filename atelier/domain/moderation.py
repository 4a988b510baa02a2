"""Moderation before the projector: which contributions wait for the facilitator, and why.

Two modes per démarche: « Publication directe » (a post is on the wall at once) and « Validation
avant projection » (every post waits in the console's queue). In both, a text that holds a phone
number, an e-mail address or a word of the editable list `templates/moderation/mots_a_retenir.txt`
waits too, with its reasons shown to the facilitator. Nothing is refused or erased: a held
contribution is its author's and the facilitator's only, until « Valider » or « Masquer ».

The list is read when the server starts: edit it between two soirées (a journal replayed after an
edit screens the changes it holds again with the new list).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parents[2] / "templates" / "moderation" / "mots_a_retenir.txt"


class ModerationMode(StrEnum):
    DIRECT = "directe"
    VALIDATION = "validation"


class HoldReason(StrEnum):
    VALIDATION = "validation"  # the démarche validates every post
    PHONE = "telephone"
    EMAIL = "email"
    WORD = "mot"


# 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, 0033 6…: ten digits, grouped or not.
PHONE = re.compile(r"(?<!\d)(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)")
EMAIL = re.compile(r"[\w.+\-]+\s?(?:@|\(at\)|\[at\])\s?[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes and dashes as spaces: « Enculé » and « encule » meet."""
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", stripped).split())


@cache
def held_words(path: Path = WORDS_FILE) -> frozenset[str]:
    """The list's entries, folded (one word or a phrase each)."""
    entries: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        entries.update(folded for entry in line.split(",") if (folded := fold(entry)))
    return frozenset(entries)


def hold_reasons(text: str, mode: ModerationMode, words: frozenset[str] | None = None) -> tuple[HoldReason, ...]:
    """Why this text waits for the facilitator (empty: it goes on the wall at once)."""
    reasons = [HoldReason.VALIDATION] if mode is ModerationMode.VALIDATION else []
    if PHONE.search(text):
        reasons.append(HoldReason.PHONE)
    if EMAIL.search(text):
        reasons.append(HoldReason.EMAIL)
    if _has_listed_word(text, held_words() if words is None else words):
        reasons.append(HoldReason.WORD)
    return tuple(reasons)


def _has_listed_word(text: str, words: frozenset[str]) -> bool:
    folded = f" {fold(text)} "
    return any(f" {entry} " in folded for entry in words)
