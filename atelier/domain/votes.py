"""Phase 3 priority vote (dot voting) on the orientations or the pistes d'actions of all axes.

Each participant spends at most `budget` points, at most `cap` on one item, and may move them
until the vote closes; a closed vote never changes again. A participant is their device-bound id,
so two phones of the same person share one budget. Only one vote is open at a time; earlier votes
are kept (a vote on the orientations, then one on the pistes, say).

When the stakes need it, a vote is « un bulletin par code »: the facilitator hands out one-use codes
printed from the console, and a phone votes only once it has entered one. A code serves one phone,
a phone one code: a second phone of the same person, or a fresh cookie, gets no second ballot. The
codes come with the change that opens the vote (drawn by whoever opens it), so the journal replays
the same vote.

The checks and the change happen in one synchronous call, with no `await` in between: two
submits arriving together are applied one after the other, and the second sees the first.
"""

from __future__ import annotations

import re
import secrets
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
MAX_BALLOT_CODES = 2_000
MAX_PAPER_POINTS = 100_000
BALLOT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # nothing to misread: no O/0, I/1/L
BALLOT_CODE_LENGTH = 6
_BALLOT_CODE = re.compile(f"[{BALLOT_CODE_ALPHABET}]{{{BALLOT_CODE_LENGTH}}}")


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
    # « Un bulletin par code »: code → the participant who entered it ("" while unused); empty: open to all.
    ballot_codes: dict[str, str] = field(default_factory=dict)
    # Points counted by the facilitator from paper ballots or a show of hands: item → points > 0.
    paper: dict[int, int] = field(default_factory=dict)
    # The same, the other way round (participant → code): asked by every phone when a vote opens.
    _holders: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._holders = {holder: code for code, holder in self.ballot_codes.items() if holder}

    @property
    def needs_code(self) -> bool:
        return bool(self.ballot_codes)

    def has_ballot(self, participant_id: str) -> bool:
        return not self.needs_code or participant_id in self._holders

    @property
    def codes_used(self) -> int:
        return len(self._holders)

    def redeem(self, participant_id: str, code: str) -> None:
        """This phone's ballot, for one unused code (the same code again on the same phone is fine)."""
        if not self.is_open:
            raise NotAllowed("vote_closed")
        if not self.needs_code:
            raise NotAllowed("vote_code_not_needed")
        typed = normalise_ballot_code(code)
        if typed not in self.ballot_codes:
            raise NotFound("vote_code_unknown")
        holder = self.ballot_codes[typed]
        if holder == participant_id:
            return
        if holder:
            raise NotAllowed("vote_code_used")
        if participant_id in self._holders:
            raise NotAllowed("vote_code_already_have")
        self.ballot_codes[typed] = participant_id
        self._holders[participant_id] = typed

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
        if not self.has_ballot(participant_id):
            raise NotAllowed("vote_code_needed")
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

    def set_paper_points(self, item_id: int, points: int) -> int:
        """« Points papier »: what paper ballots or a show of hands gave `item_id`, counted by the
        facilitator, set (not added: a count corrected is typed again); open or closed, the phones'
        points stay as they were. Returns the item's total now."""
        if item_id not in self.items:
            raise NotFound("vote_item_unknown")
        if not isinstance(points, int) or isinstance(points, bool) or not 0 <= points <= MAX_PAPER_POINTS:
            raise InvalidInput("vote_paper_points", max=MAX_PAPER_POINTS)
        if points:
            self.paper[item_id] = points
        else:
            self.paper.pop(item_id, None)
        return self.item_total(item_id)

    def item_total(self, item_id: int) -> int:
        return sum(mine.get(item_id, 0) for mine in self.allocations.values()) + self.paper.get(item_id, 0)

    def phone_totals(self) -> dict[int, int]:
        """Points per item given on the phones, every item of the vote included, in board order."""
        totals = dict.fromkeys(self.items, 0)
        for mine in self.allocations.values():
            for item_id, points in mine.items():
                totals[item_id] += points
        return totals

    def totals(self) -> dict[int, int]:
        """Points per item, phones and paper together (0 when nobody chose it), in board order."""
        return {item_id: points + self.paper.get(item_id, 0) for item_id, points in self.phone_totals().items()}

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
                     if (vote.allocations or vote.paper) and (target is None or vote.target == target)), None)

    def vote(self, vote_id: int) -> PriorityVote:
        return by_id(self.votes, vote_id, "vote_not_found")

    def open(self, target: TargetKind | str, items: list[int], *, budget: int, cap: int,
             now: datetime, ballot_codes: tuple[str, ...] = ()) -> PriorityVote:
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
        codes = _valid_codes(ballot_codes)
        vote = PriorityVote(self.next_id, target, list(items), now, budget=budget, cap=cap,
                            ballot_codes=dict.fromkeys(codes, ""))
        self.votes.append(vote)
        self.next_id += 1
        # The results stay off the projector until the facilitator shows them: a room that watches the
        # bars grow votes for what is already ahead. It sees how many have voted meanwhile.
        self.results_shown = False
        return vote

    def close_current(self, now: datetime) -> PriorityVote:
        vote = self.current
        if vote is None:
            raise NotAllowed("no_vote_open")
        vote.close(now)
        return vote

    def reopen_latest(self) -> PriorityVote:
        """« Rouvrir le vote »: the last vote goes on, its points kept, if no other one is open."""
        if self.current is not None:
            raise NotAllowed("vote_already_open")
        vote = self.latest
        if vote is None:
            raise NotAllowed("no_vote_yet")
        vote.closed_at = None
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


def draw_ballot_codes(count: int) -> tuple[str, ...]:
    """`count` distinct codes, unguessable (a phone cannot try its way to a ballot: 31⁶ ≈ 900 million)."""
    if not _in_range(count, MAX_BALLOT_CODES):
        raise InvalidInput("vote_codes_range", max=MAX_BALLOT_CODES)
    codes: dict[str, None] = {}
    while len(codes) < count:
        codes["".join(secrets.choice(BALLOT_CODE_ALPHABET) for _ in range(BALLOT_CODE_LENGTH))] = None
    return tuple(codes)


def normalise_ballot_code(code: object) -> str:
    """As typed on a phone: any case, spaces and dashes aside."""
    return re.sub(r"[\s-]", "", code).upper() if isinstance(code, str) else ""


def _valid_codes(codes: object) -> list[str]:
    if not isinstance(codes, (list, tuple)) or len(codes) > MAX_BALLOT_CODES:
        raise InvalidInput("vote_codes_range", max=MAX_BALLOT_CODES)
    if not all(isinstance(c, str) and _BALLOT_CODE.fullmatch(c) for c in codes) or len(set(codes)) != len(codes):
        raise InvalidInput("vote_codes_invalid")
    return list(codes)


def _in_range(value: object, maximum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= maximum
