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

from collections.abc import Callable
from typing import Any

from nicegui import Event

from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisPresented,
    AxisRemoved,
    CommentAdded,
    CommentChanged,
    ContextChanged,
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ContributionsMerged,
    DomainEvent,
    EvidenceChanged,
    ParticipantJoined,
    PhaseChanged,
    PointsChanged,
    ResultsShown,
    TimerChanged,
    VoteChanged,
    WitnessesChanged,
)

Channel = tuple[str, ...]


def wall(code: str) -> Channel:
    """Every contribution of the session: projection and facilitator console."""
    return ("wall", code)


def session(code: str) -> Channel:
    """What every page of the session must know: phase changes, and the facilitator's moves in phases 2 and 3."""
    return ("session", code)


def author(code: str, participant_id: str) -> Channel:
    """One participant's own contributions, on each of their devices."""
    return ("author", code, participant_id)


class LiveHub:
    def __init__(self) -> None:
        self._events: dict[Channel, Event[DomainEvent]] = {}

    def subscribe(self, channel: Channel, handler: Callable[[Any], Any]) -> None:
        """Call from a page builder: the subscription lives as long as the page's client."""
        self._events.setdefault(channel, Event()).subscribe(handler)


    def publish(self, event: DomainEvent) -> None:
        for channel in channels_for(event):
            target = self._events.get(channel)
            if target is None:
                continue
            if not target.callbacks:
                del self._events[channel]  # the last page of this channel has gone
                continue
            target.emit(event)


def channels_for(event: DomainEvent) -> list[Channel]:
    match event:
        case ContributionAdded() | ContributionChanged() | ContributionDeleted():
            return [wall(event.code), author(event.code, event.contribution.author_id)]
        case ParticipantJoined():
            return [wall(event.code)]
        case PhaseChanged():
            return [session(event.code)]
        case (WitnessesChanged() | AxisChanged() | AxisRemoved() | AxesReordered() | AxisPresented()
              | VoteChanged() | TimerChanged()):
            return [session(event.code)]
        case EvidenceChanged():
            return [wall(event.code)]
        case ContributionsMerged():
            # Originals' authors see theirs marked as merged; the result has no author channel.
            authors = dict.fromkeys(c.author_id for c in event.originals if c.author_id)
            return [wall(event.code), *(author(event.code, a) for a in authors)]
        case PointsChanged():
            # Never to `session`: a phone must not hear the other participants' points.
            return [wall(event.code), author(event.code, event.participant_id)]
        case CommentAdded() | CommentChanged():
            return [wall(event.code), author(event.code, event.comment.author_id)]
        case ContextChanged():
            return [session(event.code)]
        case ResultsShown():
            return [wall(event.code)]  # the projection and the console; phones show their own ballot
    return []
