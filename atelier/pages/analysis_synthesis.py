"""The analysis screen's « Synthèse assistée » (`analysis_duplicates`, `analysis_groups`): what both share.

Both are computed when the facilitator asks, in a worker process, from the contributions the
filters show; nothing changes until the facilitator merges a pair or accepts a group (one change,
`AcceptGroup`, creates the axe or orientation with its evidence). The suggestions are the page's
own: the same contributions give the same suggestions on every run, so a reload finds them again.
"""

from __future__ import annotations

import copy
import logging
from typing import Protocol

from atelier.context import Atelier
from atelier.domain.model import Contribution
from atelier.domain.session import Session

log = logging.getLogger(__name__)


class SynthesisHost(Protocol):
    atelier: Atelier
    session: Session

    def shown_contributions(self) -> list[Contribution]: ...

    def merged(self, result: Contribution) -> None: ...


def copies(contributions: list[Contribution]) -> list[Contribution]:
    """What the worker is sent: taken now, on the loop, so a change meanwhile cannot tear it."""
    return [copy.copy(c) for c in contributions]
