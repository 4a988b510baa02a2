"""How the projection shows the wall of a phase: every theme in turn, or one the facilitator picked;
turning by itself or held; or « Les plus partagées », the contributions the room shares most.

Every contribution of the wall is on some page: the browser lays the pages out (it alone knows what
fits), the domain only says what the facilitator asked for, so that every projection of the démarche
shows it, and a restart keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass

from atelier.domain.errors import InvalidInput
from atelier.domain.model import Contribution

TOP_SHARED = 5  # « Les plus partagées »: as many as a hall reads at once


@dataclass(frozen=True)
class WallView:
    theme: str | None = None  # only this theme's pages; None: every theme in turn
    paused: bool = False  # the page shown stays until the facilitator turns it again
    top_shared: bool = False  # « Les plus partagées » instead of the wall
    turn: int = 0  # each « Page suivante » of the facilitator: the projections show one page further

    @staticmethod
    def checked(themes: list[str], *, theme: str | None, paused: bool, top_shared: bool, turn: int) -> WallView:
        """What the facilitator asks for, if it can be shown (a theme of the démarche, or none)."""
        if theme is not None and theme not in themes:
            raise InvalidInput("unknown_theme")
        return WallView(theme, bool(paused), bool(top_shared), int(turn))


def most_shared(contributions: list[Contribution], limit: int = TOP_SHARED) -> list[Contribution]:
    """The visible shareable contributions that most people share, most first (the oldest first on a
    tie: it has been read longest); none that nobody shares."""
    shared = [c for c in contributions if c.is_visible and c.kind.spec.shareable and c.share_count]
    return sorted(shared, key=lambda c: (-c.share_count, c.id))[:limit]
