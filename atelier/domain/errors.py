"""The domain's own errors: each says which rule refused (`code`) and with what values (`params`).

The domain holds rules, not sentences: `texts.error_message` turns an error into the French
sentence shown to the person who acted, so the catalogue can be proof-read (or translated) in one
place. Parameters are plain values — numbers, names, or the domain's enums (a phase, a section),
which the catalogue names.
"""

from __future__ import annotations


class DomainError(Exception):
    """A rule said no; nothing was changed."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return f"{self.code} {self.params}" if self.params else self.code


class InvalidInput(DomainError):
    """What was typed or chosen cannot be stored."""


class NotAllowed(DomainError):
    """The person may not do this now (wrong phase, not their contribution…)."""


class NotFound(DomainError):
    """The session, participant or contribution does not exist."""
