"""Phase 3 priority vote (dot voting) on the orientations or the pistes d'actions of all axes.

Each participant spends at most `budget` points, at most `cap` on one item, and may move them
until the vote closes; a closed vote never changes again. A participant is their device-bound id,
so two phones of the same person share one budget. Only one vote is open at a time; earlier votes
are kept (a vote on the orientations, then one on the pistes, say).

The checks and the change happen in one synchronous call, with no `await` in between: two
submits arriving together are applied one after the other, and the second sees the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from atelier.domain import validation as v
from atelier.domain.axes import TargetKind
from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.lookup import by_id

DEFAULT_BUDGET = 5
DEFAULT_CAP = 3
MAX_BUDGET = 20
VOTE_TARGETS = (TargetKind.ORIENTATION, TargetKind.PISTE)


class ResultsView(StrEnum):
    """How the projection shows a vote's results; the facilitator chooses it from the console."""

    TOTAL = "total"
    BY_ROLE = "par_role"
    BY_COMMUNE = "par_commune"
    ONE_COMMUNE_ONE_VOICE = "une_commune_une_voix"


@dataclass
class PriorityVote:
    id: int
    target: TargetKind
    items: list[int]  # ids of the orientations or pistes on the board when the vote opened, in board order
    opened_at: datetime
    budget: int = DEFAULT_BUDGET
    cap: int = DEFAULT_CAP
    closed_at: datetime | None = None
    allocations: dict[str, dict[int, int]] = field(default_factory=dict)  # participant → item → points > 0

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def points_of(self, participant_id: str) -> dict[int, int]:
        return dict(self.allocations.get(participant_id, {}))

    def spent(self, participant_id: str) -> int:
        return sum(self.allocations.get(participant_id, {}).values())

    def points_left(self, participant_id: str) -> int:
        return self.budget - self.spent(participant_id)

    def set_points(self, participant_id: str, item_id: int, points: int) -> int:
        """Put `points` (0 takes them back) on one item; returns the points this participant has left."""
        if not self.is_open:
            raise NotAllowed("vote_closed")
        if item_id not in self.items:
            raise NotFound("vote_item_unknown")
        if not isinstance(points, int) or isinstance(points, bool) or points < 0:
            raise InvalidInput("vote_points")
        if points > self.cap:
            raise NotAllowed("vote_cap", cap=self.cap)
        mine = self.allocations.get(participant_id, {})
        if self.spent(participant_id) - mine.get(item_id, 0) + points > self.budget:
            raise NotAllowed("vote_budget", left=self.points_left(participant_id))
        if points:
            self.allocations.setdefault(participant_id, {})[item_id] = points
        elif item_id in mine:
            del mine[item_id]
            if not mine:
                del self.allocations[participant_id]
        return self.points_left(participant_id)

    def item_total(self, item_id: int) -> int:
        return sum(mine.get(item_id, 0) for mine in self.allocations.values())

    def totals(self) -> dict[int, int]:
        """Points per item, every item of the vote included (0 when nobody chose it), in board order."""
        totals = dict.fromkeys(self.items, 0)
        for mine in self.allocations.values():
            for item_id, points in mine.items():
                totals[item_id] += points
        return totals

    @property
    def voters(self) -> int:
        return len(self.allocations)

    def close(self, now: datetime) -> None:
        self.closed_at = now


@dataclass
class VoteBook:
    votes: list[PriorityVote] = field(default_factory=list)
    next_id: int = 1
    # The projection shows the latest vote's results (rather than the presented axe), in this view.
    results_shown: bool = False
    results_view: ResultsView = ResultsView.TOTAL

    @property
    def current(self) -> PriorityVote | None:
        """The open vote, if any."""
        return next((vote for vote in self.votes if vote.is_open), None)

    @property
    def latest(self) -> PriorityVote | None:
        """The open vote, or else the last one closed: what the projection shows."""
        return self.votes[-1] if self.votes else None

    def reported(self, target: TargetKind | str | None = None) -> PriorityVote | None:
        """The vote the restitution reports: the last one (open or closed) in which someone put points,
        among the votes on `target` when given. An empty vote (opened by mistake, or just opened) says
        nothing about priorities; the screens show `latest`, the vote happening now, even empty."""
        return next((vote for vote in reversed(self.votes)
                     if vote.allocations and (target is None or vote.target == target)), None)

    def vote(self, vote_id: int) -> PriorityVote:
        return by_id(self.votes, vote_id, "vote_not_found")

    def open(self, target: TargetKind | str, items: list[int], *, budget: int, cap: int,
             now: datetime) -> PriorityVote:
        if target not in VOTE_TARGETS:
            raise InvalidInput("vote_target")
        target = TargetKind(target)
        if self.current is not None:
            raise NotAllowed("vote_already_open")
        if not _in_range(budget, MAX_BUDGET):
            raise InvalidInput("vote_budget_range", max=MAX_BUDGET)
        if not _in_range(cap, budget):
            raise InvalidInput("vote_cap_range", budget=budget)
        if not items:
            raise NotAllowed("vote_no_items", items=target)
        vote = PriorityVote(self.next_id, target, list(items), now, budget=budget, cap=cap)
        self.votes.append(vote)
        self.next_id += 1
        self.results_shown = True  # the room watches the bars grow while it votes
        return vote

    def close_current(self, now: datetime) -> PriorityVote:
        vote = self.current
        if vote is None:
            raise NotAllowed("no_vote_open")
        vote.close(now)
        return vote

    def show_results(self, view: ResultsView | str | None = None) -> ResultsView:
        """Put the latest vote's results on the projection, in `view` (None keeps the current view)."""
        if self.latest is None:
            raise NotAllowed("no_vote_yet")
        chosen = self.results_view if view is None else v.choice(ResultsView, view, "results_view")
        self.results_view = chosen
        self.results_shown = True
        return chosen

    def hide_results(self) -> None:
        """The projection goes back to the axes (presenting an axe does this too)."""
        self.results_shown = False

    def locked_items(self) -> set[int]:
        """Lines the open vote is about: removing one would void the points on it."""
        vote = self.current
        return set(vote.items) if vote else set()


def _in_range(value: object, maximum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= maximum
