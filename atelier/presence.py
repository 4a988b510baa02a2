"""Who is in the hall now: the phones whose page is connected, per démarche.

Not part of a démarche's record (a phone present an hour ago says nothing about the vote now): kept
in memory, per page, from its socket's connections and disconnections. The console compares it with
the vote's votants.
"""

from __future__ import annotations

from collections import defaultdict


class Presence:
    def __init__(self) -> None:
        self._phones: dict[str, dict[str, str]] = defaultdict(dict)  # session code → page id → participant

    def arrived(self, code: str, page_id: str, participant_id: str) -> None:
        self._phones[code][page_id] = participant_id

    def left(self, code: str, page_id: str) -> None:
        phones = self._phones.get(code)
        if phones is not None:
            phones.pop(page_id, None)
            if not phones:
                del self._phones[code]

    def participants(self, code: str) -> int:
        """Distinct phones (a participant with two tabs open counts once)."""
        return len(set(self._phones.get(code, {}).values()))
