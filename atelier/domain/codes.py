"""Short join codes that survive being read aloud or copied from a projector."""

from __future__ import annotations

import secrets
from collections.abc import Container

# No 0/O, 1/I/L: they are confused on a screen and on a phone keyboard.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 6


def new_code(taken: Container[str] = ()) -> str:
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if code not in taken:
            return code


def normalise_code(raw: str) -> str:
    """What a person typed → the canonical code (case and spaces forgiven)."""
    return "".join(raw.split()).upper()


def is_well_formed(code: str) -> bool:
    return len(code) == LENGTH and all(char in ALPHABET for char in code)
