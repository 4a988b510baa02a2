"""Real-time fan-out: domain events → NiceGUI events, one channel per audience.

A page subscribes inside its builder, so its handler runs in that page's client and is dropped
when the client goes away. Channels keep the work per change proportional to the pages that show
it: the wall (projection, console) hears every contribution; a phone hears only its own
contributions and the phase changes — never the whole room.

Each event goes to `wall` or to `session`, never both: the projection and the console listen to
both, and must hear it once. What the facilitator does at a human pace and phones need (speaker,
axes, the presented axe, vote opened or closed, timer) goes to `session`; what participants
produce (contributions, points, comments) goes to `wall` and to the author's own channel only.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from typing import Any

from nicegui import Event

from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisPageTurned,
    AxisPresented,
    AxisRemoved,
    BallotGiven,
    CalendarChanged,
    CommentAdded,
    CommentChanged,
    ContextChanged,
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ContributionsMerged,
    ContributionsUnmerged,
    DomainEvent,
    EvidenceChanged,
    ModerationChanged,
    PaperPointsChanged,
    ParticipantJoined,
    PhaseChanged,
    PointsChanged,
    ResultsShown,
    TimerChanged,
    VoteChanged,
    WallViewChanged,
    WitnessesChanged,
)
from atelier.domain.model import Contribution

Channel = tuple[str, ...]


def wall(code: str) -> Channel:
    """Every contribution of the session: projection and facilitator console."""
    return ("wall", code)


def session(code: str) -> Channel:
    """What every page of the session must know: phase changes, and the facilitator's moves in phases 2 and 3."""
    return ("session", code)


def withdrawn(code: str) -> Channel:
    """Contributions that leave the lists (hidden, deleted, merged): what phones showing others' must drop."""
    return ("withdrawn", code)


def author(code: str, participant_id: str) -> Channel:
    """One participant's own contributions, on each of their devices."""
    return ("author", code, participant_id)


# Pages served between two yields to the event loop. A room-wide change (a vote opened, an axe
# presented) reaches hundreds of phones; served in one go, it froze everything else for as long.
SHARD_SIZE = 50


class LiveHub:
    """Each channel's pages, in shards of at most SHARD_SIZE; about SHARD_SIZE pages served per turn.

    An event is served at once up to that many pages; what is left is queued and served, that many
    pages per turn of the event loop. Every event published meanwhile waits behind it, so each
    page hears events in order. Small events (a post: the wall and its author) are served
    together in one turn, so the queue keeps pace with a busy room.
    """

    def __init__(self) -> None:
        self._shards: dict[Channel, list[Event[DomainEvent]]] = {}
        self._backlog: deque[tuple[DomainEvent, Event[DomainEvent]]] = deque()
        self._draining: asyncio.Task[None] | None = None

    def subscribe(self, channel: Channel, handler: Callable[[Any], Any]) -> None:
        """Call from a page builder: the subscription lives as long as the page's client."""
        shards = self._shards.setdefault(channel, [])
        shards[:] = [shard for shard in shards if shard.callbacks]  # the pages of these have gone
        if not shards or len(shards[-1].callbacks) >= SHARD_SIZE:
            shards.append(Event())
        shards[-1].subscribe(handler)

    def publish(self, event: DomainEvent) -> None:
        deliveries = deque((event, shard) for channel in channels_for(event) for shard in self._listening(channel))
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no loop to yield to (a command, a test): serve everyone now
            _serve(deliveries, budget=None)
            return
        if not self._backlog:
            _serve(deliveries, budget=SHARD_SIZE)
        self._backlog.extend(deliveries)
        if self._backlog and (self._draining is None or self._draining.done()):
            self._draining = asyncio.create_task(self._drain())

    @property
    def pending(self) -> int:
        """Deliveries still queued (a shard of pages each)."""
        return len(self._backlog)

    def _listening(self, channel: Channel) -> list[Event[DomainEvent]]:
        shards = [shard for shard in self._shards.get(channel, []) if shard.callbacks]
        if not shards:
            self._shards.pop(channel, None)  # the last page of this channel has gone
        return shards

    async def _drain(self) -> None:
        while self._backlog:
            await asyncio.sleep(0)  # whatever else is ready runs before the next pages
            _serve(self._backlog, budget=SHARD_SIZE)


def _serve(deliveries: deque[tuple[DomainEvent, Event[DomainEvent]]], *, budget: int | None) -> None:
    """Serve deliveries from the front until about `budget` pages have been served (all if None)."""
    served = 0
    while deliveries and (budget is None or served < budget):
        event, shard = deliveries.popleft()
        served += len(shard.callbacks)
        shard.emit(event)


def channels_for(event: DomainEvent) -> list[Channel]:
    match event:
        case ContributionDeleted() | ContributionChanged(contribution=Contribution(is_visible=False)):
            # Gone or hidden: every phone that lists it drops it at once (rare: moderation, a deletion).
            return [wall(event.code), author(event.code, event.contribution.author_id), withdrawn(event.code)]
        case ContributionAdded() | ContributionChanged() | ContributionDeleted():
            return [wall(event.code), author(event.code, event.contribution.author_id)]
        case ParticipantJoined():
            return [wall(event.code)]
        case PhaseChanged():
            return [session(event.code)]
        case (WitnessesChanged() | AxisChanged() | AxisPageTurned() | AxisRemoved() | AxesReordered() | AxisPresented()
              | VoteChanged() | TimerChanged()):
            return [session(event.code)]
        case EvidenceChanged():
            return [wall(event.code)]
        case ContributionsMerged():
            # Originals' authors see theirs marked as merged; the result has no author channel.
            authors = dict.fromkeys(c.author_id for c in event.originals if c.author_id)
            return [wall(event.code), *(author(event.code, a) for a in authors), withdrawn(event.code)]
        case ContributionsUnmerged():
            # The result leaves every list (phones' included); the originals' authors see theirs back.
            authors = dict.fromkeys(c.author_id for c in event.originals if c.author_id)
            return [wall(event.code), *(author(event.code, a) for a in authors), withdrawn(event.code)]
        case PointsChanged() | BallotGiven():
            # Never to `session`: a phone must not hear the other participants' points.
            return [wall(event.code), author(event.code, event.participant_id)]
        case CommentAdded() | CommentChanged():
            return [wall(event.code), author(event.code, event.comment.author_id)]
        case ContextChanged():
            return [session(event.code)]
        case CalendarChanged():
            return [wall(event.code)]  # the console; phones and the projection do not show it
        case ResultsShown() | PaperPointsChanged():
            return [wall(event.code)]  # the projection and the console; phones show their own ballot
        case ModerationChanged():
            return [wall(event.code)]  # the consoles; phones read the mode when they post
        case WallViewChanged():
            return [wall(event.code)]  # the projections and the consoles
    return []
